//! What the words of a table's header and cells say about an end: a
//! column named as the day something ended (`离职日期`, `end_date`:
//! [`says_an_end`]), a status column (`在职状态`, `employment_status`:
//! [`names_a_status`]) and a status that says a person or an account is
//! gone (`离职`, `resigned`, `disabled`: [`says_gone`]). Beside a blank
//! optional end date (`authorized_to`, empty for "still authorized"),
//! either is most likely what that field should hold
//! (docs/inputs-and-reports.md, "a field under another name").

/// Whether a column's header names the day something ended: a leave date
/// (`离职日期`), an end or expiry (`终止日期`, `end_date`). Beside an
/// optional date that is blank in its row (`authorized_to`, empty for
/// "still authorized"), such a date is most likely that field's value
/// (hostile review h19: a roster's `离职日期` was ignored with a note, and
/// a former employee's reading of customer files passed).
pub(super) fn says_an_end(column: &str) -> bool {
    // 解聘, 离任, 调出, 停职 and 最后工作日 (hostile review h24a F8: a
    // roster's `最后工作日` or `解聘日期` beside a blank `authorized_to` was
    // ignored while `离职日期` was not).
    const CHINESE: [&str; 27] = [
        "离职",
        "離職",
        "离岗",
        "離崗",
        "调离",
        "調離",
        "退休",
        "终止",
        "終止",
        "解除",
        "截止",
        "到期",
        "失效",
        "停用",
        "注销",
        "註銷",
        "解聘",
        "离任",
        "離任",
        "调出",
        "調出",
        "停职",
        "停職",
        "辞退",
        "辭退",
        "最后工作",
        "最後工作",
    ];
    let lower = column.to_lowercase();
    let words: Vec<String> = english_words(column).collect();
    CHINESE.iter().any(|w| lower.contains(w))
        || words.iter().any(|w| ends_word(w))
        || last_day(&words)
}

/// `last day`, `last_working_day`, `LastWorkday`: the HR name of the day a
/// person left. Only `last` followed by a word of a working day, so that
/// `last_access_date` or `last_login` is none.
fn last_day(words: &[String]) -> bool {
    words.windows(2).any(|w| {
        w[0] == "last" && ["day", "working", "workday", "workingday"].contains(&w[1].as_str())
    })
}

/// Whether an English word (lower case) names an end: one of the forms of
/// the words for it, alone or run into a following `date`, `time`, `day`
/// or `at` (`enddate`). Whole words, so that `endorsement`, `calendar`,
/// `attendance` or `leaves_taken` is none (`end` started `endorsement`).
fn ends_word(word: &str) -> bool {
    const ENDS: [&str; 38] = [
        "end",
        "ends",
        "ended",
        "ending",
        "leave",
        "leaving",
        "left",
        "resign",
        "resigns",
        "resigned",
        "resignation",
        "terminate",
        "terminates",
        "terminated",
        "termination",
        "until",
        "expire",
        "expires",
        "expired",
        "expiry",
        "expiration",
        "expiring",
        "revoke",
        "revokes",
        "revoked",
        "revocation",
        "quit",
        "quits",
        "departure",
        "departed",
        "exit",
        "exited",
        "offboard",
        "offboarded",
        "offboarding",
        "separation",
        "separated",
        "dismissed",
    ];
    let whole = |w: &str| ENDS.contains(&w);
    whole(word)
        || ["date", "time", "day", "at", "on"].iter().any(|tail| {
            word.strip_suffix(tail)
                .is_some_and(|head| !head.is_empty() && whole(head))
        })
}

/// The words of a column's header in lower case: split at every character
/// that is no ASCII letter or digit (`_`, space, `-`, CJK) and before an
/// upper-case letter following a lower-case one (`EndDate`, `leaveDate`).
fn english_words(column: &str) -> impl Iterator<Item = String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut lower_before = false;
    for c in column.chars() {
        let alnum = c.is_ascii_alphanumeric();
        if (!alnum || (c.is_ascii_uppercase() && lower_before)) && !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        if alnum {
            word.push(c.to_ascii_lowercase());
        }
        lower_before = c.is_ascii_lowercase() || c.is_ascii_digit();
    }
    if !word.is_empty() {
        words.push(word);
    }
    words.into_iter()
}

/// Whether a column's header names a status: `状态` in it (`在职状态`,
/// `人员状态`, `账号状态`), or the English word `status` or `state`
/// (`employment_status`, `EmploymentStatus`, `state`).
pub(super) fn names_a_status(column: &str) -> bool {
    let column = crate::text::trim_cell(column);
    column.contains("状态")
        || column.contains("狀態")
        || english_words(column).any(|w| w == "status" || w == "state")
}

/// Whether a column's header names a day: `日期`, `时间`, `日` in it
/// (`离职日期`, `终止日`), or an English word for one (`date`, `time`,
/// `day`, run into another word or not: `enddate`, `leave_day`). A
/// column named as an end and as a day holds a date, even where none of
/// its cells reads as one.
pub(super) fn names_a_day(column: &str) -> bool {
    ["日期", "时间", "時間", "日"]
        .iter()
        .any(|w| column.contains(w))
        || english_words(column)
            .any(|w| ["date", "time", "day", "dt"].iter().any(|d| w.ends_with(d)))
}

/// Whether a status cell says the person (or the account) is gone: the
/// whole cell, with `已` before it or not, is a word for having left,
/// retired, or being stopped or cancelled (`离职`, `已离职`, `退休`, `停用`,
/// `注销`, `resigned`, `left`, `terminated`, `inactive`, `disabled`).
/// Words that say active (`在职`, `正常`, `active`) and anything else
/// (`已销毁`, `待离职`) are not.
pub(super) fn says_gone(cell: &str) -> bool {
    let cell = crate::text::trim_cell(cell);
    let word = cell.strip_prefix('已').unwrap_or(cell);
    GONE_WORDS.contains(&word) || ENGLISH_GONE.iter().any(|w| w.eq_ignore_ascii_case(cell))
}

/// What a status column of a table asks, by its header: a status in words
/// (`在职状态`, `status`: [`names_a_status`]), whether the person is still
/// there (`是否在职`, `在职`, `在岗`, `active`, `employed`: a no says gone),
/// or whether the person has left (`是否离职`, `离职`, `离岗`, `left`,
/// `terminated`: a yes says gone). A header naming a status may ask
/// either too (`在职状态` of `否`, `离职状态` of `是`). Hostile review h24a
/// F1: `是否在职` of `否`, `在职` of `否` and `离职` of `是` beside a blank
/// `authorized_to` were read as still authorised.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusAsks {
    /// A status in words: only a word for gone says gone ([`says_gone`]).
    Status,
    /// Whether the person is still there: a no says gone too.
    Present,
    /// Whether the person has left: a yes says gone too.
    Left,
}

/// What a table's column asks of a person's status, by its header
/// ([`StatusAsks`]); `None` for a column that asks nothing of it.
pub fn status_asks(header: &str) -> Option<StatusAsks> {
    let header = crate::text::trim_cell(header);
    let core = yes_no_core(header);
    let words: Vec<String> = english_words(header)
        .filter(|w| {
            !["is", "still", "currently", "flag", "yn", "status", "state"].contains(&w.as_str())
        })
        .collect();
    let one = |list: &[&str]| words.len() == 1 && list.contains(&words[0].as_str());
    if PRESENT_WORDS.contains(&core)
        || one(&["active", "employed", "enabled", "current", "working"])
    {
        return Some(StatusAsks::Present);
    }
    let gone = core.strip_prefix('已').unwrap_or(core);
    if GONE_WORDS.contains(&gone) || one(&ENGLISH_GONE[..]) {
        return Some(StatusAsks::Left);
    }
    names_a_status(header).then_some(StatusAsks::Status)
}

/// The words of a header asking whether a person is still there
/// (`是否在职` without its `是否`).
const PRESENT_WORDS: [&str; 12] = [
    "在职",
    "在職",
    "在岗",
    "在崗",
    "在任",
    "在册",
    "在冊",
    "在编",
    "在編",
    "仍在职",
    "仍在職",
    "有效",
];

/// The words for gone (`离职`, `退休`, `停用`): of a status cell, `已`
/// before it or not, and of a header asking whether a person has left.
const GONE_WORDS: [&str; 33] = [
    "离职",
    "離職",
    "退休",
    "离退休",
    "離退休",
    "停用",
    "注销",
    "註銷",
    "离岗",
    "離崗",
    "调离",
    "調離",
    "调出",
    "調出",
    "辞职",
    "辭職",
    "辞退",
    "辭退",
    "解聘",
    "开除",
    "開除",
    "离任",
    "離任",
    "失效",
    "终止",
    "終止",
    "禁用",
    "离开",
    "離開",
    "除名",
    "退职",
    "退職",
    "离司",
];

/// The English words for gone, of a whole status cell (any case) and of
/// a header asking whether a person has left (`left`, `is_terminated`).
const ENGLISH_GONE: [&str; 19] = [
    "resigned",
    "left",
    "terminated",
    "inactive",
    "disabled",
    "retired",
    "departed",
    "separated",
    "dismissed",
    "deactivated",
    "revoked",
    "expired",
    "former",
    "offboarded",
    "quit",
    "suspended",
    "ended",
    "gone",
    "exited",
];

/// A header without what a yes/no question puts around its word:
/// `是否` before it, a question mark, `(是/否)`, `标志` or `状态` after it
/// (`是否在职（是/否）` is `在职`, `离职状态` is `离职`).
fn yes_no_core(header: &str) -> &str {
    let mut core = header.strip_prefix("是否").unwrap_or(header);
    for tail in ["(是/否)", "（是/否）", "(Y/N)", "（Y/N）", "?", "？"] {
        core = core.strip_suffix(tail).unwrap_or(core).trim_end();
    }
    for tail in [
        "标志", "標誌", "标识", "標識", "状态", "狀態", "情况", "情況",
    ] {
        core = core.strip_suffix(tail).unwrap_or(core);
    }
    core
}

/// Whether a status cell says the person (or the account) is gone, in a
/// column asking `asks` ([`status_asks`]): a word for gone
/// ([`says_gone`]) in any of them, a no (`否`, `no`, `N`, `false`, `0`,
/// `×`) where the column asks whether the person is still there, a yes
/// (`是`, `yes`, `Y`, `true`, `1`, `√`) where it asks whether the person
/// has left. `待离职`, `未离职` and other words are none.
pub fn status_says_gone(asks: StatusAsks, cell: &str) -> bool {
    let cell = crate::text::trim_cell(cell);
    if says_gone(cell) {
        return true;
    }
    let yes_no = super::convert::parse_bool(cell).or(match cell {
        "√" | "✓" | "✔" | "☑" | "有" => Some(true),
        "×" | "✗" | "✘" | "☒" | "╳" | "不是" | "非" => Some(false),
        _ => None,
    });
    // A yes or a no in a column naming only a status (`人员状态` of `否`)
    // says nothing; `在职状态` asks as `是否在职` does (`yes_no_core`).
    matches!(
        (asks, yes_no),
        (StatusAsks::Present, Some(false)) | (StatusAsks::Left, Some(true))
    )
}

/// Whether an end date stands for "no end" rather than a day: a year of
/// 2099 or later (`9999-12-31`, `2099-12-31`, `3000-01-01`), the
/// placeholders systems write where no end is known. Beside a status
/// saying the person is gone, such an end is read as a blank one (hostile
/// review h24a F1: `离职` beside `authorized_to` of `9999-12-31` passed).
pub fn stands_for_no_end(day: jiff::civil::Date) -> bool {
    day.year() >= 2099
}

/// Whether a cell of a column named as an end (`离职日期`) says the person
/// or account is still there rather than giving a day: `在职`, `在岗`,
/// `正常`, `有效`, `未离职`, `active`, `current`, `employed`, any case.
/// Such a cell is no date that reads wrong (hostile review h23a F2).
pub(super) fn says_present(cell: &str) -> bool {
    const CHINESE: [&str; 9] = [
        "在职",
        "在職",
        "在岗",
        "在崗",
        "正常",
        "有效",
        "未离职",
        "未離職",
        "至今",
    ];
    const ENGLISH: [&str; 5] = ["active", "current", "employed", "present", "ongoing"];
    let cell = crate::text::trim_cell(cell);
    CHINESE.contains(&cell) || ENGLISH.iter().any(|w| w.eq_ignore_ascii_case(cell))
}

/// The day a cell of a column named as an end gives, read as a mapping
/// reads dates without `format:` (the five year-first forms, `2026/4/30`
/// among them), with a time after it or not.
pub(super) fn end_day(cell: &str) -> Option<jiff::civil::Date> {
    use super::mapping::values;
    let cell = crate::text::trim_cell(cell);
    values::date(cell, &values::DEFAULT_FORMATS).or_else(|| {
        let t = values::datetime(cell, &values::DEFAULT_FORMATS)?;
        t.get(..10)?.parse().ok()
    })
}

/// Whether a field's name says the day something ends: as a header does
/// ([`says_an_end`]: `hold_until`, `contract_ends`), or with `to` as its
/// last word (`authorized_to`, `valid_to`).
pub(super) fn field_names_an_end(name: &str) -> bool {
    says_an_end(name) || english_words(name).last().is_some_and(|w| w == "to")
}

#[cfg(test)]
mod tests {
    use super::{
        end_day, field_names_an_end, names_a_status, says_an_end, says_gone, says_present,
        stands_for_no_end, status_asks, status_says_gone, StatusAsks,
    };

    /// Hostile review h24a F1: the yes/no family and the other wordings of
    /// gone, and the words that are not.
    #[test]
    fn what_a_status_column_asks_and_what_says_gone() {
        use StatusAsks::{Left, Present, Status};
        for (header, asks) in [
            ("是否在职", Present),
            ("在职", Present),
            ("在职状态", Present),
            ("在岗", Present),
            ("是否在岗？", Present),
            ("是否在职（是/否）", Present),
            ("active", Present),
            ("is_active", Present),
            ("IsActive", Present),
            ("employed", Present),
            ("是否离职", Left),
            ("离职", Left),
            ("已离职", Left),
            ("离岗", Left),
            ("离职状态", Left),
            ("离职标志", Left),
            ("left", Left),
            ("is_terminated", Left),
            ("人员状态", Status),
            ("status", Status),
            ("employment_status", Status),
        ] {
            assert_eq!(status_asks(header), Some(asks), "{header}");
        }
        for other in [
            "备注",
            "姓名",
            "离职日期",
            "有效期",
            "待离职",
            "active_date",
            "left_hand",
        ] {
            assert_eq!(status_asks(other), None, "{other}");
        }
        for (asks, cell) in [
            (Present, "否"),
            (Present, "N"),
            (Present, "no"),
            (Present, "false"),
            (Present, "FALSE"),
            (Present, "0"),
            (Present, "×"),
            (Present, "离职"),
            (Left, "是"),
            (Left, "Y"),
            (Left, "true"),
            (Left, "1"),
            (Left, "√"),
            (Status, "已调出"),
            (Status, "离退休"),
            (Status, "terminated"),
            (Status, "Left"),
            (Status, "inactive"),
        ] {
            assert!(status_says_gone(asks, cell), "{asks:?} {cell}");
        }
        for (asks, cell) in [
            (Present, "是"),
            (Present, "待离职"),
            (Present, ""),
            (Left, "否"),
            (Left, "未离职"),
            (Left, "待离职"),
            (Status, "否"),
            (Status, "是"),
            (Status, "待离职"),
            (Status, "未离职"),
            (Status, "在职"),
        ] {
            assert!(!status_says_gone(asks, cell), "{asks:?} {cell}");
        }
        let day = |s: &str| s.parse::<jiff::civil::Date>().expect("a date");
        assert!(stands_for_no_end(day("9999-12-31")));
        assert!(stands_for_no_end(day("2099-12-31")));
        assert!(!stands_for_no_end(day("2030-12-31")));
    }

    #[test]
    fn the_day_an_end_column_gives() {
        let day = |s: &str| end_day(s).map(|d| d.to_string());
        assert_eq!(day("2026/4/30").as_deref(), Some("2026-04-30"));
        assert_eq!(day(" 2026-04-30 ").as_deref(), Some("2026-04-30"));
        assert_eq!(day("2026年4月30日").as_deref(), Some("2026-04-30"));
        assert_eq!(day("2026/4/30 18:00").as_deref(), Some("2026-04-30"));
        assert_eq!(day("2026年4月底"), None);
        assert_eq!(day("待定"), None);
        for present in ["在职", "Active", " 正常 "] {
            assert!(says_present(present), "{present}");
        }
        for other in ["离职", "2026/4/30", ""] {
            assert!(!says_present(other), "{other}");
        }
    }

    #[test]
    fn end_words_are_whole_words() {
        for end in [
            "end_date",
            "EndDate",
            "ENDDATE",
            "leave_date",
            "termination_date",
            "离职日期",
            "最后工作日",
            "解聘日期",
            "离任日期",
            "调出日期",
            "停职日期",
            "Last day",
            "last_working_day",
            "LastWorkday",
        ] {
            assert!(says_an_end(end), "{end}");
        }
        for other in [
            "endorsement_date",
            "calendar_date",
            "weekend",
            "入职日期",
            "last_access_date",
            "last_login",
            "工作日",
        ] {
            assert!(!says_an_end(other), "{other}");
        }
    }

    #[test]
    fn statuses_and_the_words_for_gone() {
        for status in [
            "在职状态",
            "人员状态",
            "状态",
            "employment_status",
            "Status",
            "EmploymentStatus",
        ] {
            assert!(names_a_status(status), "{status}");
        }
        for other in ["备注", "statute", "estate_id", "title"] {
            assert!(!names_a_status(other), "{other}");
        }
        for gone in [
            "离职",
            "已离职",
            " 退休 ",
            "停用",
            "注销",
            "Resigned",
            "LEFT",
            "inactive",
        ] {
            assert!(says_gone(gone), "{gone}");
        }
        for active in ["在职", "正常", "active", "已销毁", "待离职", ""] {
            assert!(!says_gone(active), "{active}");
        }
        for end in ["authorized_to", "valid_to", "hold_until", "contract_ends"] {
            assert!(field_names_an_end(end), "{end}");
        }
        for other in ["authorized_from", "created", "opened"] {
            assert!(!field_names_an_end(other), "{other}");
        }
    }
}
