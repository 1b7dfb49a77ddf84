//! Dates inside Chinese sentences: `2026年4月30日`, as Chinese prose writes
//! them, where an ISO date (`2026-04-30`) read as a code (hostile review
//! h24b). Tables, ids, values and JSON keep the ISO form: only a date that
//! stands in a sentence is written so.

/// `2026-04-30` -> `2026年4月30日`; `None` for anything that is not a date
/// written `YYYY-MM-DD` (a datetime, a duration, text).
pub fn zh_date(iso: &str) -> Option<String> {
    let b = iso.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10
        || b[4] != b'-'
        || b[7] != b'-'
        || !digits(0..4)
        || !digits(5..7)
        || !digits(8..10)
    {
        return None;
    }
    let (month, day): (u32, u32) = (iso[5..7].parse().ok()?, iso[8..10].parse().ok()?);
    ((1..=12).contains(&month) && (1..=31).contains(&day))
        .then(|| format!("{}年{month}月{day}日", &iso[..4]))
}

/// A date as a sentence in `lang` writes it: Chinese as [`zh_date`],
/// English unchanged.
pub fn in_sentence(lang: super::Lang, iso: &str) -> String {
    match lang {
        super::Lang::Zh => zh_date(iso).unwrap_or_else(|| iso.to_string()),
        super::Lang::En => iso.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::zh_date;

    #[test]
    fn iso_dates_read_as_chinese_dates_and_nothing_else_changes() {
        assert_eq!(zh_date("2026-04-30").as_deref(), Some("2026年4月30日"));
        assert_eq!(zh_date("2026-12-08").as_deref(), Some("2026年12月8日"));
        assert_eq!(zh_date("2026-04-30T10:00:00+08:00"), None);
        assert_eq!(zh_date("2026-13-01"), None);
        assert_eq!(zh_date("R-2026-0430"), None);
        assert_eq!(zh_date("10年"), None);
    }
}
