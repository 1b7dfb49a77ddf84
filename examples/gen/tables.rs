//! The fixed tables of the generator: record categories with their
//! retention periods (the accounting-archives table of 会计档案管理办法 and
//! the other periods of shared/domain/facts.md), names, purposes, places.

/// A record category of the retention schedule (accounting-archives table of
/// 会计档案管理办法 and the other periods of shared/domain/facts.md).
pub struct Category {
    pub id: &'static str,
    pub title: &'static str,
    /// Months; `None` is permanent.
    pub months: Option<i64>,
    pub citation: &'static str,
    pub personal_info: bool,
    pub weight: u32,
}

pub const CATEGORIES: &[Category] = &[
    Category {
        id: "original_voucher",
        title: "原始凭证",
        months: Some(360),
        citation: "会计档案管理办法（2015）附表1",
        personal_info: false,
        weight: 8,
    },
    Category {
        id: "accounting_voucher",
        title: "记账凭证",
        months: Some(360),
        citation: "会计档案管理办法（2015）附表1",
        personal_info: false,
        weight: 8,
    },
    Category {
        id: "ledger",
        title: "总账",
        months: Some(360),
        citation: "会计档案管理办法（2015）附表1",
        personal_info: false,
        weight: 4,
    },
    Category {
        id: "fixed_asset_card",
        title: "固定资产卡片",
        months: Some(60),
        citation: "会计档案管理办法（2015）附表1（报废清理后）",
        personal_info: false,
        weight: 2,
    },
    Category {
        id: "monthly_report",
        title: "月度财务会计报告",
        months: Some(120),
        citation: "会计档案管理办法（2015）附表1",
        personal_info: false,
        weight: 4,
    },
    Category {
        id: "annual_report",
        title: "年度财务会计报告",
        months: None,
        citation: "会计档案管理办法（2015）附表1",
        personal_info: false,
        weight: 2,
    },
    Category {
        id: "bank_statement",
        title: "银行对账单",
        months: Some(120),
        citation: "会计档案管理办法（2015）附表1",
        personal_info: false,
        weight: 4,
    },
    Category {
        id: "tax_return",
        title: "纳税申报表",
        months: Some(120),
        citation: "会计档案管理办法（2015）附表1",
        personal_info: false,
        weight: 3,
    },
    Category {
        id: "handover_register",
        title: "会计档案移交清册",
        months: Some(360),
        citation: "会计档案管理办法（2015）附表1",
        personal_info: false,
        weight: 1,
    },
    Category {
        id: "destruction_register",
        title: "会计档案销毁清册",
        months: None,
        citation: "会计档案管理办法（2015）附表1",
        personal_info: false,
        weight: 1,
    },
    Category {
        id: "invoice_stub",
        title: "发票存根联",
        months: Some(60),
        citation: "发票管理办法（2023）第二十八条",
        personal_info: false,
        weight: 3,
    },
    Category {
        id: "customer_identity",
        title: "客户身份资料",
        months: Some(120),
        citation: "反洗钱法（2024）第三十四条",
        personal_info: true,
        weight: 20,
    },
    Category {
        id: "transaction_record",
        title: "电子商务交易记录",
        months: Some(36),
        citation: "电子商务法 第三十一条",
        personal_info: true,
        weight: 15,
    },
    Category {
        id: "pi_processing_record",
        title: "个人信息处理记录",
        months: Some(36),
        citation: "个人信息保护法 第五十六条",
        personal_info: true,
        weight: 8,
    },
    Category {
        id: "network_log",
        title: "网络日志",
        months: Some(6),
        citation: "网络安全法 第二十一条",
        personal_info: true,
        weight: 5,
    },
    Category {
        id: "labour_contract",
        title: "已解除劳动合同",
        months: Some(24),
        citation: "劳动合同法 第五十条",
        personal_info: true,
        weight: 4,
    },
];

pub const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
    "何", "林", "罗", "高",
];
pub const GIVEN: &[&str] = &[
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
    "超", "秀英", "霞", "平", "刚", "桂英",
];
pub const PURPOSES: &[&str] = &[
    "年度审计调阅",
    "纳税申报核对",
    "清算资产核查",
    "客户投诉处理",
    "档案整理",
    "债权申报核对",
    "移交前清点",
];
pub const GOOD_METHODS: &[&str] = &["shred", "incinerate", "pulp", "degauss", "crypto_erase"];
pub const PLACES: &[&str] = &[
    "公司总部碎纸室",
    "上海示例纸业回收站",
    "机房数据销毁间",
    "浦东档案销毁中心",
];
pub const INDIVIDUAL_CHANNELS: &[&str] = &["sms", "email", "letter"];
