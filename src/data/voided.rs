//! What an event row's cell says of the event itself: that it was voided
//! (`作废` = `是`, `状态` = `已作废`, `voided` = `yes`), cancelled or
//! withdrawn (`撤销`, `撤回`), deleted (`已删除`, `is_deleted` = `1`), not
//! done yet (`待移交`, `草稿`, `审核中`, `pending`), refused (`驳回`), or
//! did not go through (`发送状态` = `失败`, `签收状态` = `未签收`,
//! `是否送达` = `否`, `回执状态` = `UNDELIV`, `delivery` = `not delivered`);
//! or, in a column naming the row's action (`操作类型` = `销毁`), that it
//! records another kind of event than the one it is read as.
//!
//! **Decision (2026-12-07, hostile review h24a F9).** Such a row, read as
//! valid, is an event that did not happen: a voided handover made
//! `custody_after_deregistration` pass, a failed SMS counted as the notice
//! `handover_subject_notified` wants. Struck-through rows are refused for
//! the same reason (docs/inputs-and-reports.md, "Struck-through rows");
//! the voiding written in a column of its own was read as a valid event
//! when no `skip:` left it out. A cell of a column no field reads that
//! says so is an input error at that cell, and its row is left out; the
//! author leaves such rows out with `skip:`, or declares (or maps) the
//! column when it says something else.
//!
//! **Decision (2026-12-08, hostile review h25a F01/F06/F09).** The words
//! were too few: logical deletes (`删除标志` = `1`, `del_flag` = `2`,
//! camelCase `isDeleted`), drafts and pending items (`待发布`, `审核中`),
//! refusals (`驳回`), SMS gateway receipts (`UNDELIV`, `EXPIRED`, `空号`),
//! a negated success (`未送达` under `是否送达`, `not delivered`) and
//! ticks and crosses (`作废` = `√`, `是否有效` = `×`) passed as events that
//! happened. A success word (`已送达`, `DELIVRD`, `成功`) and a negated
//! failure (`未删除`, `未作废`) stay valid.
//!
//! **Decision (2026-12-08, h25a F07).** A cell a field reads (a register
//! number, an id, a signer) that carries a voiding mark (`作废` alone,
//! `YJQC-001（作废）`, `YJ-001作废`, `（此条作废，见YJ-238）`) is an input
//! error too ([`marks_void`]); a word within free text (`查阅作废发票`)
//! is not, as it may name what the event was about.
//!
//! **Decision (2026-12-08, h25a F15).** A column no field reads whose
//! header names the row's action or type (`操作类型`, `事件类型`, `type`,
//! `event_type`) and whose cell names an action of another kind
//! (`销毁`, `删除`, `修改`, `导出` in a log read as `access`) is an input
//! error at that cell ([`names_other_kind`]): an operations log read as
//! one kind hid the destruction of a held record behind a note.

use std::borrow::Cow;

/// Why a cell of an unread column refuses its event row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Said {
    /// Voided, deleted, not done or not delivered ([`says_void`]).
    Void,
    /// An action of another kind than the row is read as
    /// ([`names_other_kind`]).
    OtherKind,
}

/// What the cell `text` of the unread column `header` of a `kind` event
/// row says against reading it, if anything.
pub fn judge(header: &str, text: &str, kind: &str) -> Option<Said> {
    if says_void(header, text) {
        Some(Said::Void)
    } else if names_other_kind(header, text, kind) {
        Some(Said::OtherKind)
    } else {
        None
    }
}

/// The input error's message for a cell judged `said` (`value` trimmed).
pub fn message(said: Said, column: &str, value: &str, kind: &str) -> String {
    let column = crate::text::invisibles_shown(column);
    let value = crate::text::invisibles_shown(value);
    match said {
        Said::Void => crate::msg!(
            "data-void-event",
            column = column,
            value = value,
            kind = kind
        )
        .words(),
        Said::OtherKind => crate::msg!(
            "data-event-other-kind",
            column = column,
            value = value,
            kind = kind
        )
        .words(),
    }
}

/// The message for a cell of a field read that carries a voiding mark
/// ([`marks_void`]).
pub fn read_cell_message(value: &str, kind: &str) -> String {
    crate::msg!(
        "data-void-event-read-column",
        value = crate::text::invisibles_shown(value),
        kind = kind
    )
    .words()
}

/// Characters that negate the word after them (`未删除`, `不同意`).
const NEGATIONS: [char; 7] = ['未', '不', '非', '没', '沒', '无', '無'];

/// Whether `cell` holds `word` somewhere not negated by the character
/// before it (`未删除` holds no deletion; `被`, `曾`, `予` may stand
/// between: `未被签收`).
fn has(cell: &str, word: &str) -> bool {
    cell.match_indices(word).any(|(i, _)| {
        let mut before = cell[..i].chars().rev();
        let mut c = before.next();
        if c.is_some_and(|c| matches!(c, '被' | '曾' | '予' | '能' | '获' | '獲')) {
            c = before.next();
        }
        !c.is_some_and(|c| NEGATIONS.contains(&c))
    })
}

/// Whether `cell` holds one of `words` negated (`未送达`, `不同意`).
fn negated(cell: &str, words: &[&str]) -> bool {
    words.iter().any(|w| {
        cell.match_indices(w).any(|(i, _)| {
            let mut before = cell[..i].chars().rev();
            let mut c = before.next();
            if c.is_some_and(|c| matches!(c, '被' | '曾' | '予' | '能' | '获' | '獲' | '已'))
            {
                c = before.next();
            }
            c.is_some_and(|c| NEGATIONS.contains(&c))
        })
    })
}

/// The words of a header or cell, lower-case: split at every character
/// that is no ASCII letter or digit (`delivery_status`, `is-voided`, CJK)
/// and before an upper-case letter that follows a lower-case one or a
/// digit (`isVoid`, `delFlag`, `sendStatus`).
fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut prev_lower = false;
    for c in text.chars() {
        if !c.is_ascii_alphanumeric() {
            out.extend((!word.is_empty()).then(|| std::mem::take(&mut word)));
            prev_lower = false;
            continue;
        }
        if c.is_ascii_uppercase() && prev_lower && !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
        prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        word.push(c.to_ascii_lowercase());
    }
    out.extend((!word.is_empty()).then_some(word));
    out
}

/// Whether `words` hold one of `list`, not after `not`/`no`/`non`/`never`.
fn has_word(words: &[String], list: &[&str]) -> bool {
    words.iter().enumerate().any(|(i, w)| {
        list.contains(&w.as_str()) && !(i > 0 && NOT_EN.contains(&words[i - 1].as_str()))
    })
}

/// Whether `words` hold one of `list` right after a negation.
fn negated_word(words: &[String], list: &[&str]) -> bool {
    (words.windows(2)).any(|w| NOT_EN.contains(&w[0].as_str()) && list.contains(&w[1].as_str()))
}

const NOT_EN: &[&str] = &["not", "no", "non", "never"];

/// Whether a header names a person, a time, a count, a reason or a text
/// rather than the event's status (`删除人`, `发送时间`, `sent_at`,
/// `成功次数`, `短信内容`: `如拒收请回复TD` is no refusal): its values
/// are no yes/no or status words of the event.
fn names_no_status(h: &str, hw: &[String]) -> bool {
    const ZH: &[&str] = &[
        "人", "者", "员", "員", "时间", "時間", "日期", "次数", "次數", "数量", "數量", "原因",
        "编号", "編號", "内容", "內容", "正文", "模板", "摘要", "描述", "说明", "說明", "备注",
        "備註", "理由", "事由",
    ];
    const EN: &[&str] = &[
        "by",
        "at",
        "on",
        "time",
        "date",
        "count",
        "num",
        "number",
        "qty",
        "id",
        "no",
        "reason",
        "user",
        "person",
        "content",
        "text",
        "body",
        "message",
        "msg",
        "template",
        "remark",
        "remarks",
        "note",
        "notes",
        "description",
        "memo",
        "comment",
    ];
    ZH.iter().any(|w| h.contains(w)) || hw.iter().any(|w| EN.contains(&w.as_str()))
}

/// Words that void the row in any column (`备注` = `作废`), not negated.
const VOID: &[&str] = &[
    "作废",
    "作廢",
    "撤销",
    "撤銷",
    "撤回",
    "已取消",
    "注明无效",
    "已失效",
    "已删除",
    "已刪除",
    "已废弃",
    "已廢棄",
    "条无效",
    "條無效",
    "记录无效",
    "登记无效",
];
const VOID_EN: &[&str] = &["void", "voided", "cancelled", "canceled", "revoked"];
/// A part of a cell, between punctuation, that voids it alone
/// (`重复登记，无效`).
const VOID_ALONE: &[&str] = &["无效", "無效", "删除", "刪除", "废弃", "廢棄"];

/// Words of an event that did not go through, was refused, deleted or is
/// not done yet, in a column naming a status, an outcome or a done-ness
/// (`发送状态` = `失败`, `审核状态` = `驳回`, `签收` = `待签收`).
const FAILED: &[&str] = &[
    "失败",
    "失敗",
    "退回",
    "退信",
    "退件",
    "未送达",
    "未送達",
    "拒收",
    "拒签",
    "拒簽",
    "拒绝",
    "拒絕",
    "驳回",
    "駁回",
    "未签收",
    "未簽收",
    "无效",
    "無效",
    "取消",
    "删除",
    "刪除",
    "草稿",
    "暂存",
    "暫存",
    "废弃",
    "廢棄",
    "终止",
    "終止",
    "中止",
    "挂起",
    "掛起",
    "超时",
    "超時",
    "过期",
    "過期",
    "失效",
    "空号",
    "空號",
    "停机",
    "停機",
    "关机",
    "關機",
    "欠费",
    "欠費",
    "黑名单",
    "黑名單",
    "拦截",
    "攔截",
    "屏蔽",
    "错误",
    "錯誤",
    "异常",
    "異常",
    "无法",
    "無法",
    "未知",
    "不详",
    "不詳",
    "等待",
    "未成功",
    "不成功",
    "作废",
];
/// Work still under way (`审核中`, `发送中`): not done.
const UNDER_WAY: &[&str] = &[
    "审核中",
    "審核中",
    "审批中",
    "審批中",
    "发送中",
    "發送中",
    "处理中",
    "處理中",
    "办理中",
    "辦理中",
    "进行中",
    "進行中",
    "流转中",
    "流轉中",
    "移交中",
    "排队中",
    "排隊中",
    "投递中",
];
const FAILED_EN: &[&str] = &[
    "failed",
    "failure",
    "fail",
    "bounced",
    "undelivered",
    "undeliverable",
    "undeliv",
    "rejected",
    "rejectd",
    "returned",
    "invalid",
    "cancelled",
    "canceled",
    "deleted",
    "removed",
    "draft",
    "drafts",
    "pending",
    "queued",
    "sending",
    "scheduled",
    "processing",
    "expired",
    "unknown",
    "blocked",
    "blacklisted",
    "blacklist",
    "timeout",
    "refused",
    "declined",
    "denied",
    "aborted",
    "terminated",
    "withdrawn",
    "revoked",
    "void",
    "voided",
    "discarded",
    "obsolete",
    "abandoned",
    "unsent",
    "unpublished",
    "unconfirmed",
    "unsigned",
    "unreceived",
    "incomplete",
    "unfinished",
    "enroute",
    "error",
    "errored",
    "spam",
    "review",
    "reviewing",
    "unreachable",
    "unapproved",
    "waiting",
    "awaiting",
    "progress",
];
/// Words of a thing done (`送达`, `delivered`): negated (`未送达`,
/// `not delivered`) they say it was not.
const DONE: &[&str] = &[
    "送达", "送達", "签收", "簽收", "签", "簽", "移交", "交接", "完成", "发布", "發布", "发送",
    "發送", "发出", "發出", "通过", "通過", "确认", "確認", "收到", "成功", "生效", "提交", "审核",
    "審核", "审批", "審批", "同意", "办理", "辦理", "执行", "執行", "处理", "處理", "接收", "送出",
    "寄出", "公告", "公示", "登报", "登報", "归档", "歸檔", "到达", "到達", "办结",
];
const DONE_EN: &[&str] = &[
    "delivered",
    "delivery",
    "sent",
    "received",
    "signed",
    "confirmed",
    "completed",
    "complete",
    "done",
    "published",
    "approved",
    "successful",
    "success",
    "succeeded",
    "transferred",
    "handed",
    "valid",
    "effective",
    "accepted",
    "executed",
];

/// Whether the cell `text` of the unread column `header` says its event
/// row was voided, deleted, cancelled, refused, is not done yet, or did
/// not go through.
pub fn says_void(header: &str, text: &str) -> bool {
    let t = crate::text::trim_cell(text);
    if t.is_empty() {
        return false;
    }
    let h = header.to_lowercase();
    let hw = words(header);
    let cell = t.to_lowercase();
    let cw = words(t);
    if voids_anywhere(&cell, &cw) {
        return true;
    }
    let void_header = is_void_header(&h, &hw);
    let status = !names_no_status(&h, &hw);
    let done_header = status && !void_header && is_done_header(&h, &hw);
    if status
        && (void_header || done_header || is_status_header(&h, &hw))
        && says_not_done(&cell, &cw)
    {
        return true;
    }
    // A void column naming when, who or why (`作废日期`, `deleted_at`,
    // `作废原因`): any value there says the row was voided.
    if void_header && names_when_who_why(&h, &hw) {
        return !crate::text::cell_stands_for_nothing(t)
            && yes_no(t) != Some(false)
            && t.chars().any(|c| c.is_alphanumeric() && c != '0');
    }
    if !status {
        return false;
    }
    match yes_no(t) {
        // A mark in a void column marks the row, a cross too (`作废` = `×`
        // is no clear `否`).
        Some(yes) if void_header => yes || is_cross(t),
        Some(yes) if done_header => !yes,
        // A logical-delete flag: `del_flag` = `2` (RuoYi), any non-zero.
        None if void_header => {
            t.bytes().all(|b| b.is_ascii_digit()) && t.bytes().any(|b| b != b'0')
        }
        _ => false,
    }
}

/// Words that void the row in any column (`备注` = `作废`, `已删除`,
/// `重复登记，无效`).
fn voids_anywhere(cell: &str, cw: &[String]) -> bool {
    VOID.iter().any(|w| has(cell, w))
        || has_word(cw, VOID_EN)
        || parts(cell).any(|p| {
            VOID_ALONE.contains(&p)
                || p.strip_prefix('已')
                    .is_some_and(|p| VOID_ALONE.contains(&p))
        })
}

/// The parts of a cell between punctuation and brackets.
fn parts(cell: &str) -> impl Iterator<Item = &str> {
    cell.split(|c: char| {
        c.is_whitespace()
            || c.is_ascii_punctuation()
            || "，。；：、（）【】《》「」！？".contains(c)
    })
    .filter(|p| !p.is_empty())
}

/// Whether a status cell says not done, failed or refused (`待移交`,
/// `审核中`, `未送达`, `UNDELIV`, `MK:0001`, `not delivered`).
fn says_not_done(cell: &str, cw: &[String]) -> bool {
    FAILED.iter().any(|w| has(cell, w))
        || UNDER_WAY.iter().any(|w| cell.contains(w))
        || pending(cell)
        || negated(cell, DONE)
        || has_word(cw, FAILED_EN)
        || negated_word(cw, DONE_EN)
        || gateway_error_code(cell)
}

/// `待移交`, `待发布`, `待审核`: waiting to be done.
fn pending(cell: &str) -> bool {
    cell.starts_with('待') || cell.starts_with("已待") || parts(cell).any(|p| p.starts_with('待'))
}

/// A failure code of a Chinese SMS gateway's delivery receipt (CMPP,
/// SGIP: two letters, a colon, four digits: `MK:0001`, `DB:0141`); the
/// only success is `DELIVRD`.
fn gateway_error_code(cell: &str) -> bool {
    let b = cell.as_bytes();
    b.len() == 7
        && b[..2].iter().all(u8::is_ascii_alphabetic)
        && b[2] == b':'
        && b[3..].iter().all(u8::is_ascii_digit)
}

/// A header of a yes/no column saying the event is void (`作废`,
/// `删除标志`, `is_deleted`, `delFlag`, `isVoid`).
fn is_void_header(h: &str, hw: &[String]) -> bool {
    const ZH: &[&str] = &[
        "作废", "作廢", "撤销", "撤銷", "撤回", "取消", "无效", "無效", "删除", "刪除", "废弃",
        "廢棄", "草稿", "驳回", "駁回", "拒收",
    ];
    const EN: &[&str] = &[
        "void",
        "voided",
        "cancelled",
        "canceled",
        "cancel",
        "invalid",
        "revoked",
        "deleted",
        "delete",
        "del",
        "removed",
        "discarded",
        "draft",
        "rejected",
        "failed",
        "withdrawn",
        "obsolete",
    ];
    ZH.iter().any(|w| h.contains(w)) || hw.iter().any(|w| EN.contains(&w.as_str()))
}

/// A header of a yes/no column saying the event was done (`有效`,
/// `是否送达`, `是否已移交`, `isDelivered`, `sent`): `否` voids the row.
fn is_done_header(h: &str, hw: &[String]) -> bool {
    h.contains("有效")
        || DONE.iter().any(|w| h.contains(w))
        || has_word(hw, DONE_EN)
        || has_word(hw, &["active"])
}

/// A header naming a status or an outcome (`状态`, `回执`, `审核状态`,
/// `sendStatus`, `stat`).
fn is_status_header(h: &str, hw: &[String]) -> bool {
    const ZH: &[&str] = &[
        "状态", "狀態", "结果", "結果", "情况", "情況", "回执", "回執", "审核", "審核", "审批",
        "審批", "进度", "進度", "阶段", "階段", "标志", "標誌",
    ];
    const EN: &[&str] = &[
        "status", "state", "result", "outcome", "delivery", "receipt", "report", "stat",
        "approval", "review", "progress", "stage", "phase", "flag",
    ];
    ZH.iter().any(|w| h.contains(w))
        || hw
            .iter()
            .any(|w| EN.contains(&w.as_str()) || w.ends_with("status") || w.ends_with("state"))
}

/// A yes/no cell: a bool word (`是`, `yes`, `1`), a tick or a cross (`√`,
/// `×`; `convert::yes_no_mark`), `有`/`无`, or a bool word in full-width
/// letters (`Ｙ`).
fn yes_no(t: &str) -> Option<bool> {
    if let Some(b) = crate::data::convert::parse_bool(t) {
        return Some(b);
    }
    match t {
        "√" | "✓" | "✔" | "☑" | "有" | "对" | "對" => return Some(true),
        "×" | "✗" | "✘" | "☒" | "╳" | "无" | "無" | "x" | "X" | "错" | "錯" => {
            return Some(false)
        }
        _ => {}
    }
    if !crate::data::convert::yes_no_mark(t) {
        return None;
    }
    let folded: Cow<str> = t
        .chars()
        .map(|c| match ('\u{ff01}'..='\u{ff5e}').contains(&c) {
            true => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            false => c,
        })
        .collect::<String>()
        .into();
    crate::data::convert::parse_bool(&folded)
}

/// English words of a voiding mark in a cell a field reads.
const MARKS_EN: &[&str] = &["void", "voided", "cancelled", "canceled", "deleted"];
/// Words of a voiding mark in a cell a field reads.
const MARKS: &[&str] = &[
    "作废",
    "作廢",
    "已作废",
    "已作廢",
    "撤销",
    "已撤销",
    "撤回",
    "已撤回",
    "取消",
    "已取消",
    "删除",
    "已删除",
    "无效",
    "無效",
    "void",
    "voided",
    "cancelled",
    "canceled",
    "deleted",
];

/// Whether the cell `text` of a field read carries a voiding mark: the
/// whole cell (`作废`, `VOID`), a part in brackets (`YJQC-001（作废）`),
/// `作废` right after an id (`YJ-001作废`), or `此条作废`/`本条无效`. A
/// cell of ASCII letters and digits alone is judged by its words only.
pub fn marks_void(text: &str) -> bool {
    let t = crate::text::trim_cell(text);
    // An ASCII cell (an id, a date, a number: most cells of a large log)
    // is judged without allocating: its words alone or in brackets.
    if t.is_ascii() {
        let is_mark = |w: &str| {
            let w = w.trim().trim_matches(|c: char| c.is_ascii_punctuation());
            MARKS_EN.iter().any(|m| m.eq_ignore_ascii_case(w))
        };
        return t.len() <= 40
            && (is_mark(t) || (t.contains(['(', '[']) && bracketed(t).any(is_mark)));
    }
    // Most other cells hold none of the characters the marks begin with.
    if !t.chars().any(|c| {
        matches!(
            c,
            '作' | '撤' | '取' | '删' | '刪' | '无' | '無' | '本' | '此' | '该'
        )
    }) {
        return false;
    }
    let cell = t.to_lowercase();
    let bare = cell.trim_matches(|c: char| c.is_ascii_punctuation() || "（）【】。，".contains(c));
    if MARKS.contains(&bare) {
        return true;
    }
    if bracketed(&cell).any(|p| MARKS.contains(&p.trim())) {
        return true;
    }
    const THIS: &[&str] = &[
        "此条",
        "本条",
        "该条",
        "此行",
        "本行",
        "此记录",
        "该记录",
        "本记录",
        "此笔",
        "本笔",
    ];
    if THIS.iter().any(|this| {
        cell.match_indices(this).any(|(i, _)| {
            let after = cell[i + this.len()..].trim_start_matches('已');
            ["作废", "作廢", "无效", "無效", "删除", "撤销", "取消"]
                .iter()
                .any(|w| after.starts_with(w))
        })
    }) {
        return true;
    }
    ["作废", "作廢", "已作废"].iter().any(|w| {
        cell.strip_suffix(w)
            .and_then(|rest| rest.chars().next_back())
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    })
}

/// The parts of a cell in brackets (`（作废）`, `(void)`, `【作废】`).
fn bracketed(cell: &str) -> impl Iterator<Item = &str> {
    const OPENS: [char; 4] = ['(', '（', '[', '【'];
    const CLOSES: [char; 4] = [')', '）', ']', '】'];
    cell.match_indices(OPENS).filter_map(move |(i, o)| {
        let rest = &cell[i + o.len()..];
        rest.find(CLOSES).map(|j| &rest[..j])
    })
}

/// Kinds of event an action word names (`操作类型` = `销毁`), by the
/// name of the standard schema's event; `export` is no event of it.
const ACTIONS: [(&str, &[&str]); 9] = [
    (
        "access",
        &[
            "查阅", "查閱", "查看", "查询", "查詢", "浏览", "瀏覽", "阅览", "閱覽", "调阅", "調閱",
            "借阅", "借閱", "借出", "复制", "複製", "复印", "複印", "访问", "訪問", "读取", "讀取",
            "打印", "query", "view", "viewed", "read", "access", "accessed", "copy", "loan",
            "borrow", "print",
        ],
    ),
    (
        "destruction",
        &[
            "销毁",
            "銷毀",
            "删除",
            "刪除",
            "粉碎",
            "清除",
            "擦除",
            "焚烧",
            "焚燒",
            "destroy",
            "destroyed",
            "destruction",
            "delete",
            "deleted",
            "purge",
            "purged",
            "erase",
            "erased",
            "shred",
            "shredded",
        ],
    ),
    (
        "handover",
        &["移交", "交接", "handover", "transfer", "transferred"],
    ),
    (
        "change",
        &[
            "修改", "变更", "變更", "更新", "编辑", "編輯", "更正", "change", "changed", "update",
            "updated", "modify", "modified", "edit", "edited",
        ],
    ),
    (
        "archival",
        &["归档", "歸檔", "archive", "archived", "archival"],
    ),
    ("backup", &["备份", "備份", "backup"]),
    (
        "export",
        &[
            "导出",
            "導出",
            "下载",
            "下載",
            "export",
            "exported",
            "download",
            "downloaded",
        ],
    ),
    ("notification", &["通知", "notify", "notification"]),
    ("announcement", &["公告", "announcement"]),
];

/// Whether the cell `text` of the unread column `header`, a header naming
/// the row's action or type (`操作类型`, `事件类型`, `type`, `eventType`),
/// names an action of another kind than `kind`, a standard event the row
/// is read as (`销毁` in a log read as `access`). Cells naming no action
/// known here, and kinds of an own schema, are not judged.
pub fn names_other_kind(header: &str, text: &str, kind: &str) -> bool {
    if !ACTIONS.iter().any(|(k, _)| *k == kind) {
        return false;
    }
    let h = header.to_lowercase();
    let hw = words(header);
    const ZH: &[&str] = &[
        "类型", "類型", "操作", "事件", "业务", "業務", "动作", "動作", "行为", "行為", "事项",
        "事項",
    ];
    const EN: &[&str] = &[
        "type",
        "kind",
        "action",
        "operation",
        "op",
        "event",
        "activity",
        "optype",
    ];
    let names_action =
        ZH.iter().any(|w| h.contains(w)) || hw.iter().any(|w| EN.contains(&w.as_str()));
    if !names_action || names_no_status(&h, &hw) {
        return false;
    }
    let t = crate::text::trim_cell(text);
    let cell = t.to_lowercase();
    let cw = words(t);
    ACTIONS.iter().any(|(k, list)| {
        *k != kind
            && list.iter().any(|w| match w.is_ascii() {
                true => has_word(&cw, &[*w]),
                false => has(&cell, w),
            })
    })
}

/// A cross (`×`, `X`): `否` in a yes/no column.
fn is_cross(t: &str) -> bool {
    matches!(t, "×" | "✗" | "✘" | "☒" | "╳" | "x" | "X")
}

/// Whether a header names when, by whom or why (`作废日期`, `删除人`,
/// `deleted_at`, `cancel_reason`).
fn names_when_who_why(h: &str, hw: &[String]) -> bool {
    const ZH: &[&str] = &[
        "时间", "時間", "日期", "人", "者", "员", "員", "原因", "理由", "说明",
    ];
    const EN: &[&str] = &["at", "on", "by", "time", "date", "reason", "user", "person"];
    ZH.iter().any(|w| h.contains(w)) || hw.iter().any(|w| EN.contains(&w.as_str()))
}

#[cfg(test)]
mod tests {
    use super::{marks_void, names_other_kind, says_void};

    #[test]
    fn void_and_failed_rows_are_told_by_header_and_cell() {
        for (h, t) in [
            ("作废", "是"),
            ("是否作废", "是"),
            ("状态", "作废"),
            ("状态", "已作废"),
            ("备注", "作废"),
            ("有效", "否"),
            ("是否有效", "否"),
            ("void", "true"),
            ("voided", "yes"),
            ("状态", "撤销"),
            ("状态", "已撤回"),
            ("cancelled", "Y"),
            ("发送状态", "失败"),
            ("发送结果", "发送失败"),
            ("状态", "退回"),
            ("送达状态", "未送达"),
            ("status", "failed"),
            ("delivery_status", "bounced"),
            ("是否送达", "否"),
            ("签收状态", "未签收"),
            ("状态", "拒收"),
            ("接收确认", "否"),
        ] {
            assert!(says_void(h, t), "{h} = {t}");
        }
        for (h, t) in [
            ("作废", "否"),
            ("是否作废", ""),
            ("状态", "正常"),
            ("状态", "已签收"),
            ("发送状态", "成功"),
            ("有效", "是"),
            ("是否送达", "是"),
            ("备注", "电话预约"),
            ("备注", "失败后重发成功"),
            ("remark", "resent"),
            ("有效期", "2027-01-01"),
        ] {
            assert!(!says_void(h, t), "{h} = {t}");
        }
    }

    /// h25a F01, F06, F09: deleted, pending, refused, not delivered, ticks
    /// and crosses, camelCase headers.
    #[test]
    fn deleted_pending_refused_and_undelivered_rows_are_void() {
        for (h, t) in [
            ("状态", "已删除"),
            ("删除标志", "1"),
            ("is_deleted", "1"),
            ("del_flag", "2"),
            ("deleted", "true"),
            ("是否删除", "是"),
            ("status", "deleted"),
            ("状态", "待移交"),
            ("移交状态", "未移交"),
            ("是否已移交", "否"),
            ("是否已移交", "未移交"),
            ("是否完成", "否"),
            ("状态", "草稿"),
            ("状态", "待发布"),
            ("状态", "未发布"),
            ("状态", "审核中"),
            ("状态", "待审核"),
            ("状态", "审核未通过"),
            ("status", "pending"),
            ("status", "draft"),
            ("审核状态", "驳回"),
            ("审核状态", "已驳回"),
            ("审批结果", "不同意"),
            ("status", "rejected"),
            ("状态", "废弃"),
            ("状态", "已终止"),
            ("备注", "重复登记，无效"),
            ("作废", "√"),
            ("作废", "✓"),
            ("作废", "Ｙ"),
            ("是否有效", "×"),
            ("有效", "✗"),
            ("是否送达", "×"),
            ("是否有效", "无效"),
            ("是否送达", "未送达"),
            ("是否签收", "未签收"),
            ("接收确认", "未确认"),
            ("签收", "待签收"),
            ("签收情况", "未签"),
            ("回执", "未收到"),
            ("isVoid", "1"),
            ("voidFlag", "Y"),
            ("cancelFlag", "1"),
            ("IsCancelled", "true"),
            ("isCanceled", "1"),
            ("isDeleted", "1"),
            ("delFlag", "1"),
            ("sendStatus", "UNDELIV"),
            ("回执状态", "UNDELIV"),
            ("回执状态", "EXPIRED"),
            ("回执状态", "REJECTD"),
            ("回执状态", "DELETED"),
            ("回执状态", "UNKNOWN"),
            ("回执状态", "MK:0001"),
            ("stat", "UNDELIV"),
            ("状态", "空号"),
            ("状态", "号码错误"),
            ("状态", "停机"),
            ("状态", "关机"),
            ("状态", "已拦截"),
            ("状态", "未知"),
            ("状态", "待发送"),
            ("发送状态", "发送中"),
            ("发送结果", "超时"),
            ("delivery", "not delivered"),
            ("delivery_status", "undelivered"),
            ("作废日期", "2026-10-12"),
            ("deleted_at", "2026-10-12 10:00:00"),
            ("作废原因", "重复登记"),
            ("是否发布", "否"),
            ("is_active", "0"),
        ] {
            assert!(says_void(h, t), "{h} = {t}");
        }
        for (h, t) in [
            ("状态", "已完成"),
            ("状态", "已发送"),
            ("状态", "成功"),
            ("回执状态", "DELIVRD"),
            ("状态", "已送达"),
            ("状态", "已签收"),
            ("状态", "已发布"),
            ("状态", "审核通过"),
            ("审批结果", "同意"),
            ("状态", "未删除"),
            ("状态", "未作废"),
            ("删除", "否"),
            ("删除标志", "0"),
            ("del_flag", "0"),
            ("is_deleted", "0"),
            ("isDeleted", "false"),
            ("作废", "无"),
            ("delivery", "delivered"),
            ("deleted_at", ""),
            ("deleted_at", "0000-00-00 00:00:00"),
            ("作废日期", "无"),
            ("是否已移交", "是"),
            ("是否有效", "√"),
            ("发送时间", "0"),
            ("成功次数", "0"),
            ("短信内容", "您的资料已移交，如拒收请回复TD"),
            ("审核人", "未知"),
        ] {
            assert!(!says_void(h, t), "{h} = {t}");
        }
    }

    /// h25a F07: a voiding mark in a cell a field reads.
    #[test]
    fn a_voiding_mark_in_a_read_cell_is_told_from_free_text() {
        for t in [
            "作废",
            "已作废",
            "YJQC-2026-001（作废）",
            "YJ-001作废",
            "（此条作废，见YJ-238）",
            "本条无效",
            "VOID",
            "YJ-001 (void)",
            "【作废】罗志平",
        ] {
            assert!(marks_void(t), "{t}");
        }
        for t in [
            "YJQC-2026-001",
            "罗志平",
            "查阅作废发票存根",
            "作废凭证的查阅",
            "",
            "David",
            "2026-10-11 10:00",
        ] {
            assert!(!marks_void(t), "{t}");
        }
    }

    /// h25a F15: an action column naming another kind than the row's.
    #[test]
    fn an_action_of_another_kind_is_told() {
        for (h, t) in [
            ("操作类型", "销毁"),
            ("操作类型", "删除"),
            ("操作类型", "导出"),
            ("操作类型", "下载"),
            ("操作类型", "修改"),
            ("type", "destroy"),
            ("event_type", "delete"),
            ("事件类型", "移交"),
            ("业务类型", "到期销毁"),
            ("operType", "export"),
        ] {
            assert!(names_other_kind(h, t, "access"), "{h} = {t}");
        }
        for (h, t, kind) in [
            ("操作类型", "查阅", "access"),
            ("操作类型", "借阅", "access"),
            ("type", "view", "access"),
            ("操作类型", "销毁", "destruction"),
            ("操作人", "销毁", "access"),
            ("事由", "到期销毁", "access"),
            ("操作类型", "登录", "access"),
            ("操作类型", "销毁", "visit"),
        ] {
            assert!(!names_other_kind(h, t, kind), "{h} = {t} ({kind})");
        }
    }
}
