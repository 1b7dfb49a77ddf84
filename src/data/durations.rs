//! Retention periods written the Chinese way (`30年`, `３年`, `三十年`,
//! `36个月`, `1095天`, `永久保管`), read by a file with or without a
//! mapping, and the near forms refused with why (`长期`, `3年以上`,
//! `3年6个月`, `定期3年`): docs/inputs-and-reports.md, "Retention periods".

use crate::i18n::Msg;

/// The words for a period without end.
const PERMANENT: [&str; 3] = ["永久", "永久保存", "永久保管"];

/// `text` as the canonical duration text (`30 years`, `6 months`,
/// `permanent`) when it is a period in Chinese words: a number (ASCII or
/// full-width digits, or a simple Chinese numeral up to 九十九) then one
/// unit (`年`, `个月`, `月`, `周`, `星期`, `天`, `日`), or a word for
/// permanent. `None` for anything else, the canonical form included.
pub fn chinese(text: &str) -> Option<String> {
    let t = text.trim();
    if PERMANENT.contains(&t) {
        return Some("permanent".into());
    }
    let (n, rest) = number(t)?;
    let unit = match rest.trim() {
        "年" => "years",
        "个月" | "個月" | "月" => "months",
        "周" | "週" | "星期" => "weeks",
        "天" | "日" => "days",
        _ => return None,
    };
    Some(format!("{n} {unit}"))
}

/// The number `t` starts with, and the rest: ASCII or full-width digits,
/// or a Chinese numeral of at most two places (`三`, `十`, `十五`, `三十`,
/// `三十五`, `两`).
fn number(t: &str) -> Option<(u32, &str)> {
    let digit = |c: char| match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    };
    let len: usize = t
        .chars()
        .take_while(|c| digit(*c).is_some())
        .map(char::len_utf8)
        .sum();
    if len > 0 {
        let mut n: u32 = 0;
        for c in t[..len].chars() {
            n = n.checked_mul(10)?.checked_add(digit(c)?)?;
        }
        return Some((n, &t[len..]));
    }
    let ones = |c: char| "〇一二三四五六七八九".chars().position(|d| d == c);
    let one = |c: char| match c {
        '两' => Some(2),
        '零' => Some(0),
        c => ones(c).map(|p| p as u32),
    };
    let chars: Vec<char> = t.chars().collect();
    let (n, used) = match chars.as_slice() {
        [a, '十', b, ..] if one(*a).is_some_and(|a| a > 0) && one(*b).is_some_and(|b| b > 0) => {
            (one(*a)? * 10 + one(*b)?, 3)
        }
        [a, '十', ..] if one(*a).is_some_and(|a| a > 0) => (one(*a)? * 10, 2),
        ['十', b, ..] if one(*b).is_some_and(|b| b > 0) => (10 + one(*b)?, 2),
        ['十', ..] => (10, 1),
        [a, ..] => (one(*a)?, 1),
        [] => return None,
    };
    let at: usize = chars[..used].iter().map(|c| c.len_utf8()).sum();
    Some((n, &t[at..]))
}

/// Why a cell of a duration field that reads as no period is refused,
/// when it is a near form a register writes: a category of the rules
/// before 2016 (`长期`, `短期`), a bound (`3年以上`, `不少于3年`), two
/// units (`3年6个月`) or the category word before the period (`定期3年`).
/// `None` when nothing more than "expected a duration" can be said.
pub fn refused(text: &str) -> Option<Msg> {
    let t = text.trim();
    let written = t.to_string();
    let plain: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    if [
        "长期",
        "短期",
        "长期保存",
        "短期保存",
        "长期保管",
        "短期保管",
    ]
    .contains(&plain.as_str())
    {
        return Some(crate::msg!("data-duration-category", written = written));
    }
    if let Some(rest) = plain.strip_prefix("定期") {
        if chinese(rest).is_some() {
            return Some(crate::msg!(
                "data-duration-prefixed",
                written = written,
                period = rest
            ));
        }
    }
    const BEFORE: [&str; 7] = [
        "不少于",
        "不低于",
        "不短于",
        "至少",
        "最少",
        "不超过",
        "最长",
    ];
    const AFTER: [&str; 5] = ["及以上", "以上", "以下", "以内", "以后"];
    let bare = BEFORE
        .iter()
        .find_map(|w| plain.strip_prefix(w))
        .or_else(|| AFTER.iter().find_map(|w| plain.strip_suffix(w)));
    if let Some(rest) = bare {
        if chinese(rest).is_some() {
            return Some(crate::msg!(
                "data-duration-bound",
                written = written,
                period = rest
            ));
        }
    }
    // Two periods one after the other (`3年6个月`, `1年零6个月`).
    for (i, c) in plain.char_indices() {
        if !matches!(c, '年' | '月') {
            continue;
        }
        let (first, second) = plain.split_at(i + c.len_utf8());
        let second = second.trim_start_matches(['零', '又']);
        let (Some(a), Some(b)) = (chinese(first), chinese(second)) else {
            continue;
        };
        let months = |d: &str| {
            let (n, unit) = d.split_once(' ')?;
            let n: u32 = n.parse().ok()?;
            match unit {
                "years" => n.checked_mul(12),
                "months" => Some(n),
                _ => None,
            }
        };
        let period = match (months(&a), months(&b)) {
            (Some(x), Some(y)) => format!("{}个月", x + y),
            _ => "42个月".to_string(),
        };
        return Some(crate::msg!(
            "data-duration-two-units",
            written = written,
            period = period
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_in_chinese_words() {
        for (t, want) in [
            ("30年", "30 years"),
            ("10年", "10 years"),
            ("３年", "3 years"),
            ("３０年", "30 years"),
            ("三年", "3 years"),
            ("十年", "10 years"),
            ("十五年", "15 years"),
            ("三十年", "30 years"),
            ("两年", "2 years"),
            ("36个月", "36 months"),
            ("1095天", "1095 days"),
            ("1095日", "1095 days"),
            ("永久", "permanent"),
            ("永久保存", "permanent"),
            ("永久保管", "permanent"),
            ("0年", "0 years"),
        ] {
            assert_eq!(chinese(t).as_deref(), Some(want), "{t}");
        }
        for t in [
            "长期",
            "3年以上",
            "不少于3年",
            "3年6个月",
            "定期3年",
            "3.5年",
            "永 久",
            "P3Y",
            "3Y",
            "-3年",
            "同上",
            "三十五十年",
            "十十年",
            "年",
            "一百年",
        ] {
            assert_eq!(chinese(t), None, "{t}");
        }
    }

    #[test]
    fn near_forms_say_why() {
        let id = |t: &str| refused(t).map(|m| m.id);
        assert_eq!(id("长期"), Some("data-duration-category"));
        assert_eq!(id("短期"), Some("data-duration-category"));
        assert_eq!(id("3年以上"), Some("data-duration-bound"));
        assert_eq!(id("不少于3年"), Some("data-duration-bound"));
        assert_eq!(id("3年6个月"), Some("data-duration-two-units"));
        assert_eq!(id("1年零6个月"), Some("data-duration-two-units"));
        assert_eq!(id("定期3年"), Some("data-duration-prefixed"));
        assert_eq!(id("很久"), None);
        assert_eq!(id("3.5年"), None);
        let two = refused("3年6个月").map(|m| m.words()).unwrap_or_default();
        assert!(two.contains("42个月"), "{two}");
    }
}
