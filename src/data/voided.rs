//! What an event row's unread column says of the event itself: that it
//! was voided (`作废` = `是`, `状态` = `已作废`, `voided` = `yes`), cancelled
//! or withdrawn (`撤销`, `撤回`), or did not go through (`发送状态` = `失败`,
//! `签收状态` = `未签收`, `是否送达` = `否`, `delivery_status` = `bounced`).
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

/// Whether the cell `text` of the unread column `header` says its event
/// row was voided, cancelled or did not go through.
pub fn says_void(header: &str, text: &str) -> bool {
    let t = crate::text::trim_cell(text);
    if t.is_empty() {
        return false;
    }
    let h = header.to_lowercase();
    let cell = t.to_lowercase();
    // Words that void the row in any column (`备注` = `作废`).
    const VOID: [&str; 8] = [
        "作废",
        "作廢",
        "撤销",
        "撤銷",
        "撤回",
        "已取消",
        "注明无效",
        "已失效",
    ];
    const VOID_EN: [&str; 5] = ["void", "voided", "cancelled", "canceled", "revoked"];
    if VOID.iter().any(|w| cell.contains(w)) || words(&cell).any(|w| VOID_EN.contains(&w)) {
        return true;
    }
    // In a column naming a status or an outcome, words of an event that
    // did not go through (`发送状态` = `失败`).
    let status_header = ["状态", "狀態", "结果", "結果", "情况", "情況"]
        .iter()
        .any(|w| h.contains(w))
        || words(&h).any(|w| {
            ["status", "state", "result", "outcome", "delivery"].contains(&w)
                || w.ends_with("status")
        });
    const FAILED: [&str; 15] = [
        "失败",
        "失敗",
        "退回",
        "退信",
        "未送达",
        "未送達",
        "拒收",
        "拒签",
        "拒簽",
        "未签收",
        "未簽收",
        "无效",
        "無效",
        "取消",
        "未成功",
    ];
    const FAILED_EN: [&str; 10] = [
        "failed",
        "failure",
        "fail",
        "bounced",
        "undelivered",
        "undeliverable",
        "rejected",
        "returned",
        "invalid",
        "cancelled",
    ];
    if status_header
        && (FAILED.iter().any(|w| cell.contains(w)) || words(&cell).any(|w| FAILED_EN.contains(&w)))
    {
        return true;
    }
    // A yes/no column: `作废` = `是`, or `有效` / `是否送达` = `否`.
    let Some(yes) = crate::data::convert::parse_bool(t) else {
        return false;
    };
    let void_header = [
        "作废", "作廢", "撤销", "撤銷", "撤回", "取消", "无效", "無效",
    ]
    .iter()
    .any(|w| h.contains(w))
        || words(&h).any(|w| {
            [
                "void",
                "voided",
                "cancelled",
                "canceled",
                "cancel",
                "invalid",
                "revoked",
            ]
            .contains(&w)
        });
    if void_header {
        return yes;
    }
    let done_header = [
        "有效", "送达", "送達", "签收", "簽收", "成功", "确认", "確認", "接收", "收到",
    ]
    .iter()
    .any(|w| h.contains(w))
        || words(&h).any(|w| {
            [
                "valid",
                "delivered",
                "success",
                "succeeded",
                "successful",
                "signed",
                "received",
                "confirmed",
                "sent",
            ]
            .contains(&w)
        });
    done_header && !yes
}

/// The words of lower-case text: split at every character that is no
/// ASCII letter or digit (`delivery_status`, `is-voided`, CJK).
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::says_void;

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
}
