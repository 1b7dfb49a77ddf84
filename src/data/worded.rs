//! A yes-or-no field written in words under a header naming it: `诉讼情况`
//! of `无`/`涉诉` or `冻结情况` of `未冻结`/`已冻结` for `legal_hold`,
//! `个人信息类型` of `身份证号、手机号` for `personal_info`. Such a column
//! reads as no bool, so the judgement of a field under another name by
//! its values (`Loader::hidden_fields`) passed it by, and every record
//! read as not held (hostile review h24a F13). Its header is what says
//! which field it holds (docs/inputs-and-reports.md, "a field written in
//! words").

/// Whether a column's header names the bool field `field` by one of the
/// words for what it holds: a legal hold (`诉讼`, `冻结`, `保全`, `涉诉`,
/// `legal hold`, `litigation`) for a field whose name says `hold`
/// (`legal_hold`); personal information (`个人信息`, `PII`, `personal`)
/// for one whose name says `personal` or `pii` (`personal_info`,
/// `may_read_pii`), `敏感`/`sensitive` in both or in neither.
pub fn header_names_field(field: &str, column: &str) -> bool {
    let field = field.to_lowercase();
    let column = column.to_lowercase();
    let has = |text: &str, words: &[&str]| words.iter().any(|w| text.contains(w));
    if has(&field, &["hold"]) {
        return has(
            &column,
            &[
                "诉讼",
                "訴訟",
                "冻结",
                "凍結",
                "保全",
                "涉诉",
                "涉訴",
                "hold",
                "litigation",
            ],
        );
    }
    if has(&field, &["personal", "pii"]) {
        let sensitive = |text: &str| has(text, &["敏感", "sensitive"]);
        return sensitive(&field) == sensitive(&column)
            && has(
                &column,
                &["个人信息", "個人信息", "個人資訊", "pii", "personal"],
            );
    }
    false
}

#[cfg(test)]
mod tests {
    use super::header_names_field;

    #[test]
    fn headers_naming_a_hold_or_personal_information() {
        for (field, column) in [
            ("legal_hold", "诉讼情况"),
            ("legal_hold", "冻结情况"),
            ("legal_hold", "保全状态"),
            ("legal_hold", "Legal Hold Status"),
            ("personal_info", "个人信息类型"),
            ("personal_info", "PII types"),
            ("sensitive_personal_info", "敏感个人信息类型"),
        ] {
            assert!(header_names_field(field, column), "{field} {column}");
        }
        for (field, column) in [
            ("legal_hold", "备注"),
            ("legal_hold", "个人信息类型"),
            ("personal_info", "敏感个人信息类型"),
            ("sensitive_personal_info", "个人信息类型"),
            ("encrypted", "诉讼情况"),
        ] {
            assert!(!header_names_field(field, column), "{field} {column}");
        }
    }
}
