//! The words records staff use: column headers as Chinese exports name
//! them, file names that say which register a file is, and the values of
//! enums and bools. `custodia init` proposes a mapping from them (adding
//! the terms of the schema's own descriptions, `形成日期`, `档案号`); the
//! loader reads an undeclared column under one of a field's usual names
//! as a near miss of that field ([`usual_name_of`]).

use crate::check::schema::{Collection, FieldType};
use crate::value::FieldId;

/// Field terms: (collection or `*` for any, field, headers).
pub const FIELD_TERMS: &[(&str, &str, &[&str])] = &[
    (
        "record",
        "id",
        &[
            "档案号",
            "档号",
            "案卷号",
            "资料编号",
            "档案编号",
            "编号",
            "目录号",
        ],
    ),
    (
        "staff",
        "id",
        &["工号", "员工编号", "职工号", "员工号", "人员编号"],
    ),
    (
        "retention_schedule",
        "id",
        &["类别", "分类", "档案类别", "资料类别", "类别代码"],
    ),
    ("custodian", "id", &["编号", "单位编号", "保管单位编号"]),
    ("vendor", "id", &["编号", "单位编号", "服务商编号"]),
    ("*", "id", &["单号", "编号", "流水号", "登记号", "序号"]),
    (
        "access",
        "at",
        &["查阅时间", "查阅日期", "借阅时间", "调阅时间"],
    ),
    ("destruction", "at", &["销毁时间", "销毁日期"]),
    ("notification", "at", &["通知时间", "通知日期", "告知时间"]),
    ("handover", "at", &["移交时间", "移交日期", "交接时间"]),
    (
        "*",
        "at",
        &["时间", "日期", "发生时间", "操作时间", "登记时间"],
    ),
    (
        "*",
        "record",
        &["档案号", "档号", "案卷号", "资料编号", "档案编号"],
    ),
    ("access", "actor", &["查阅人", "借阅人", "调阅人", "操作人"]),
    ("*", "actor", &["操作人", "经办人", "人员"]),
    (
        "*",
        "purpose",
        &["查阅事由", "事由", "用途", "目的", "查阅目的", "借阅事由"],
    ),
    (
        "*",
        "title",
        &[
            "题名",
            "标题",
            "名称",
            "资料名称",
            "案卷题名",
            "文件名称",
            "档案名称",
        ],
    ),
    (
        "*",
        "class",
        &["密级", "级别", "等级", "资料等级", "分级", "重要程度"],
    ),
    (
        "*",
        "category",
        &["分类", "类别", "档案类别", "资料类别", "档案分类", "类型"],
    ),
    (
        "*",
        "subject",
        &["客户编号", "客户号", "客户代码", "客户ID"],
    ),
    ("*", "subject_name", &["客户姓名", "客户名称"]),
    (
        "*",
        "phone",
        &["联系电话", "电话", "手机", "手机号", "手机号码"],
    ),
    (
        "*",
        "personal_info",
        &["是否含个人信息", "含个人信息", "个人信息"],
    ),
    (
        "*",
        "sensitive_personal_info",
        &["是否含敏感个人信息", "敏感个人信息"],
    ),
    // **Decision (2026-12-07, hostile review h24a M2):** `归档日期` and
    // `建档日期` (the day a file entered the archive) are not `created`
    // (the day the document was made): archive catalogues keep both (DA/T
    // 13, DA/T 22), and beside `形成日期` they were refused as one fact
    // written twice.
    ("*", "created", &["形成日期", "形成时间", "成文日期"]),
    ("*", "closed", &["办结日期", "终止日期", "结束日期"]),
    (
        "*",
        "period_end",
        &["保管期限至", "到期日期", "保管到期日", "期满日期", "到期日"],
    ),
    ("*", "status", &["状态", "保管状态", "当前状态"]),
    (
        "*",
        "legal_hold",
        &[
            "涉诉冻结",
            "涉诉",
            "诉讼冻结",
            "法律冻结",
            "冻结",
            "诉讼保全",
            "司法冻结",
            "司法保全",
        ],
    ),
    ("*", "unsettled", &["未结清", "债权债务未结清"]),
    ("*", "encrypted", &["是否加密", "加密"]),
    (
        "*",
        "location",
        &["存放位置", "存放地点", "位置", "库位", "存放处"],
    ),
    ("*", "backup_location", &["备份位置", "备份地点"]),
    ("*", "medium", &["载体", "介质", "存储介质", "载体类型"]),
    ("*", "method", &["销毁方式", "处置方式", "方式"]),
    ("*", "place", &["销毁地点", "地点"]),
    ("*", "witnesses", &["监销人", "监销人员", "监督人"]),
    ("*", "approved_by", &["批准人", "审批人", "核准人"]),
    ("*", "channel", &["通知方式", "告知方式", "渠道", "方式"]),
    ("*", "recipient", &["收件人", "接收人", "通知对象"]),
    ("*", "topic", &["通知事项", "事项", "主题"]),
    (
        "*",
        "custodian",
        &["接收单位", "保管单位", "接收方", "保管人"],
    ),
    ("*", "handled_by", &["经办人", "移交人"]),
    ("*", "received_by", &["接收人", "签收人"]),
    ("staff", "name", &["姓名", "员工姓名"]),
    ("*", "name", &["名称", "单位名称", "姓名"]),
    ("*", "role", &["岗位", "职务", "角色", "职位"]),
    (
        "*",
        "authorized_from",
        &["授权开始", "授权起始", "授权开始日期", "授权起始日期"],
    ),
    (
        "*",
        "authorized_to",
        &["授权截止", "授权结束", "授权截止日期", "授权结束日期"],
    ),
    ("*", "may_read_pii", &["可查阅个人信息", "个人信息权限"]),
    ("*", "period", &["保管期限", "期限"]),
    ("*", "citation", &["依据", "法规依据", "出处"]),
    ("*", "action", &["操作类型", "查阅方式", "类型"]),
    ("*", "volumes", &["卷数"]),
    ("*", "register_no", &["清册编号", "登记编号"]),
];

/// Words of a file name that say which collection it holds.
pub const FILE_TERMS: &[(&str, &[&str])] = &[
    ("record", &["目录", "案卷", "台账", "inventory", "清单"]),
    ("access", &["查阅", "借阅", "调阅", "access"]),
    ("destruction", &["销毁", "destruction"]),
    ("notification", &["通知", "告知", "notification"]),
    ("handover", &["移交", "交接", "handover"]),
    ("staff", &["花名册", "员工", "人员", "职工", "staff"]),
    ("retention_schedule", &["保管期限", "期限表", "retention"]),
    ("custodian", &["保管单位", "保管机构", "custodian"]),
    ("vendor", &["服务商", "供应商", "受托", "vendor"]),
    ("announcement", &["公告", "announcement"]),
    ("appraisal", &["鉴定", "appraisal"]),
    ("change", &["变更", "change"]),
    ("backup", &["备份", "backup"]),
    ("inspection", &["检查", "巡检", "inspection"]),
    ("breach", &["泄露", "breach"]),
];

/// Words for the values of enums: word -> code (used when the field's enum
/// has that code).
pub const VALUE_WORDS: &[(&str, &str)] = &[
    ("一般", "general"),
    ("普通", "general"),
    ("敏感", "sensitive"),
    ("重要", "important"),
    ("核心", "important"),
    ("在用", "active"),
    ("使用中", "active"),
    ("在库", "archived"),
    ("已归档", "archived"),
    ("归档", "archived"),
    ("已移交", "transferred"),
    ("移交", "transferred"),
    ("已销毁", "destroyed"),
    ("销毁", "destroyed"),
    ("已匿名化", "anonymized"),
    ("匿名化", "anonymized"),
    ("粉碎", "shred"),
    ("碎纸", "shred"),
    ("焚烧", "incinerate"),
    ("焚毁", "incinerate"),
    ("化浆", "pulp"),
    ("打浆", "pulp"),
    ("消磁", "degauss"),
    ("覆写", "overwrite"),
    ("覆盖", "overwrite"),
    ("加密擦除", "crypto_erase"),
    ("密钥销毁", "crypto_erase"),
    ("短信", "sms"),
    ("邮件", "email"),
    ("电子邮件", "email"),
    ("信函", "letter"),
    ("邮寄", "letter"),
    ("书面", "letter"),
    ("电话", "phone"),
    ("微信", "im"),
    ("即时通讯", "im"),
    ("公告", "announcement"),
    ("单位负责人", "company_head"),
    ("总经理", "company_head"),
    ("档案负责人", "archives_head"),
    ("档案室主任", "archives_head"),
    ("档案员", "archivist"),
    ("档案管理员", "archivist"),
    ("财务负责人", "accounting_head"),
    ("会计主管", "accounting_head"),
    ("会计", "accountant"),
    ("出纳", "accountant"),
    ("审计", "auditor"),
    ("信息技术", "it"),
    ("信息部", "it"),
    ("法务", "legal"),
    ("客服", "customer_service"),
    ("销售", "sales"),
    ("清算组成员", "liquidator"),
    ("经理", "manager"),
    ("其他", "other"),
    ("纸质", "paper"),
    ("电子", "electronic"),
    ("光盘", "optical"),
    ("查阅", "query"),
    ("复制", "copy"),
    ("借出", "loan"),
    ("借阅", "loan"),
    ("正常", "ok"),
    ("合格", "ok"),
    ("异常", "issues"),
    ("有问题", "issues"),
    ("继续保存", "keep"),
    ("保留", "keep"),
];

/// Words for bools beyond those the loader reads (是/否, yes/no, 1/0 ...).
pub const BOOL_WORDS: &[(&str, bool)] = &[
    ("有", true),
    ("无", false),
    ("√", true),
    ("×", false),
    ("已", true),
    ("未", false),
    ("含", true),
    ("不含", false),
    // A hold in words (hostile review h24a F13: `诉讼情况` of `无`/`涉诉`,
    // `冻结情况` of `未冻结`/`已冻结`).
    ("涉诉", true),
    ("未涉诉", false),
    ("不涉诉", false),
    ("已冻结", true),
    ("冻结中", true),
    ("冻结", true),
    ("未冻结", false),
    ("已解冻", false),
    ("已保全", true),
    ("未保全", false),
];

/// The runs of CJK characters of a description, as header terms:
/// `catalogue or archive number (档案号)` gives `档案号`.
pub fn cjk_terms(description: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut run = String::new();
    for c in description.chars().chain(std::iter::once(' ')) {
        if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
            run.push(c);
        } else {
            if run.chars().count() >= 2 {
                out.push(std::mem::take(&mut run));
            }
            run.clear();
        }
    }
    out
}

/// The declared field of `c` that `header` is a usual name of (an exact
/// dictionary term, but for case, width and surrounding spaces), when the
/// dictionary names exactly one: first among the collection's own terms,
/// then among the terms of any collection. `id` fields are left out: a
/// record without its id is refused anyway, and an event's optional id is
/// not worth stopping a check over a `序号` column.
pub fn usual_name_of(c: &Collection, header: &str) -> Option<FieldId> {
    let header = simplified(&crate::data::mapping::fold(header));
    if header.is_empty() {
        return None;
    }
    let named = |coll: &str| {
        let mut found: Vec<FieldId> = Vec::new();
        for (i, f) in c.fields.iter().enumerate() {
            if matches!(f.ty, FieldType::Id) {
                continue;
            }
            let listed = FIELD_TERMS.iter().any(|(cn, fname, words)| {
                *cn == coll
                    && *fname == f.name
                    && words
                        .iter()
                        .any(|w| crate::data::mapping::fold(w) == header)
            });
            if listed {
                found.push(FieldId(i as u32));
            }
        }
        found
    };
    for coll in [c.name.as_str(), "*"] {
        match named(coll).as_slice() {
            [one] => return Some(*one),
            [] => {}
            _ => return None,
        }
    }
    None
}

/// Traditional characters of the usual names' words and their simplified
/// forms, sorted by the traditional one: a header written in traditional
/// characters (`訴訟保全`, `檔案號`, as Hong Kong and Taiwan systems export
/// them) is the same usual name (third hostile review, 2026-12-06:
/// `訴訟保全` beside `legal_hold: { constant: false }` was not compared).
const TRADITIONAL: [(char, char); 135] = [
    ('係', '系'),
    ('倉', '仓'),
    ('個', '个'),
    ('備', '备'),
    ('傳', '传'),
    ('債', '债'),
    ('價', '价'),
    ('儲', '储'),
    ('冊', '册'),
    ('凍', '冻'),
    ('別', '别'),
    ('務', '务'),
    ('員', '员'),
    ('問', '问'),
    ('單', '单'),
    ('圖', '图'),
    ('報', '报'),
    ('場', '场'),
    ('學', '学'),
    ('實', '实'),
    ('審', '审'),
    ('寫', '写'),
    ('專', '专'),
    ('對', '对'),
    ('屬', '属'),
    ('崗', '岗'),
    ('帳', '账'),
    ('庫', '库'),
    ('廢', '废'),
    ('後', '后'),
    ('復', '复'),
    ('態', '态'),
    ('應', '应'),
    ('戶', '户'),
    ('擔', '担'),
    ('據', '据'),
    ('數', '数'),
    ('時', '时'),
    ('書', '书'),
    ('會', '会'),
    ('條', '条'),
    ('業', '业'),
    ('構', '构'),
    ('標', '标'),
    ('機', '机'),
    ('檔', '档'),
    ('檢', '检'),
    ('權', '权'),
    ('歷', '历'),
    ('歸', '归'),
    ('毀', '毁'),
    ('準', '准'),
    ('滿', '满'),
    ('漿', '浆'),
    ('無', '无'),
    ('燒', '烧'),
    ('狀', '状'),
    ('產', '产'),
    ('異', '异'),
    ('當', '当'),
    ('發', '发'),
    ('監', '监'),
    ('盤', '盘'),
    ('碼', '码'),
    ('種', '种'),
    ('稱', '称'),
    ('簽', '签'),
    ('約', '约'),
    ('納', '纳'),
    ('紙', '纸'),
    ('級', '级'),
    ('終', '终'),
    ('組', '组'),
    ('結', '结'),
    ('經', '经'),
    ('編', '编'),
    ('總', '总'),
    ('繼', '继'),
    ('續', '续'),
    ('聯', '联'),
    ('職', '职'),
    ('臺', '台'),
    ('與', '与'),
    ('蓋', '盖'),
    ('處', '处'),
    ('號', '号'),
    ('術', '术'),
    ('衛', '卫'),
    ('製', '制'),
    ('規', '规'),
    ('計', '计'),
    ('訊', '讯'),
    ('託', '托'),
    ('記', '记'),
    ('訟', '讼'),
    ('訴', '诉'),
    ('話', '话'),
    ('調', '调'),
    ('證', '证'),
    ('變', '变'),
    ('負', '负'),
    ('財', '财'),
    ('責', '责'),
    ('資', '资'),
    ('質', '质'),
    ('賬', '账'),
    ('載', '载'),
    ('轉', '转'),
    ('辦', '办'),
    ('這', '这'),
    ('運', '运'),
    ('過', '过'),
    ('達', '达'),
    ('遞', '递'),
    ('選', '选'),
    ('郵', '邮'),
    ('銷', '销'),
    ('錄', '录'),
    ('鑑', '鉴'),
    ('鑒', '鉴'),
    ('鑰', '钥'),
    ('開', '开'),
    ('間', '间'),
    ('閱', '阅'),
    ('關', '关'),
    ('隱', '隐'),
    ('電', '电'),
    ('頁', '页'),
    ('項', '项'),
    ('題', '题'),
    ('類', '类'),
    ('顯', '显'),
    ('驗', '验'),
    ('體', '体'),
    ('點', '点'),
];

/// `s` with the traditional characters of [`TRADITIONAL`] simplified.
fn simplified(s: &str) -> String {
    s.chars()
        .map(
            |c| match TRADITIONAL.binary_search_by_key(&c, |&(t, _)| t) {
                Ok(i) => TRADITIONAL[i].1,
                Err(_) => c,
            },
        )
        .collect()
}

#[cfg(test)]
mod tests {
    /// The table is searched by halves: sorted, each character once.
    #[test]
    fn traditional_characters_are_sorted_and_simplify() {
        assert!(super::TRADITIONAL.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(super::simplified("訴訟保全"), "诉讼保全");
        assert_eq!(super::simplified("檔案號"), "档案号");
        assert_eq!(super::simplified("legal_hold"), "legal_hold");
    }
}
