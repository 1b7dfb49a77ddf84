//! Small pieces several renderers share: places as text, relative URIs,
//! XML/HTML escaping, and the counts the audit report shows per rule.

use crate::report::model::{DataLoc, Finding, Report, RuleSummary, ValueOrigin};
use crate::syntax::ast::Severity;

/// `file:line`, a database row's source and primary key (`db:archive/案卷目录
/// (档案号 = R-1003)`), or the collection and key when the object has no
/// file (a waiver named in a policy).
pub fn place(report: &Report, l: &DataLoc) -> String {
    if let (Some(f), Some(key)) = (report.input_path(l.file), row_key(report, l)) {
        return format!("{f} ({key})");
    }
    match (report.input_path(l.file), l.line) {
        (Some(f), Some(line)) => format!("{f}:{line}"),
        (Some(f), None) => f.to_string(),
        _ => format!("{} `{}`", l.collection, l.key),
    }
}

/// The primary key of a database row (`id = R-1003`): it names the row
/// instead of its line, which is only its position in the result
/// (docs/databases.md).
pub fn row_key<'r>(report: &'r Report, l: &DataLoc) -> Option<&'r str> {
    let input = report.inputs.get(l.file? as usize)?;
    input.row_keys.as_ref()?.get(l.line?)
}

/// How an object is named in a list of evidence: `destruction at
/// logs/destruction.jsonl:4`, `staff S-03 at tables/staff.csv:4`.
pub fn object_text(report: &Report, l: &DataLoc) -> String {
    let what = match &l.id {
        Some(id) => format!("{} {id}", l.collection),
        None => l.collection.to_string(),
    };
    crate::t!(
        report.lang,
        "human-at",
        what = what,
        place = place(report, l)
    )
}

/// A path as a plain relative URI reference (percent-encoded UTF-8, `/`
/// separators), or `None` when the path is not relative to the case: an
/// absolute path, or a policy built into the binary (`<builtin>/...`).
/// GitHub code scanning rejects anything else.
pub fn relative_uri(path: &str) -> Option<String> {
    let absolute = path.starts_with('/') || path.starts_with('\\') || path.contains(':');
    if path.is_empty() || absolute || path.starts_with(crate::check::BUILTIN_PREFIX) {
        return None;
    }
    let mut out = String::with_capacity(path.len());
    for b in path.replace('\\', "/").bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    Some(out)
}

/// Text for XML and HTML content and attribute values. Characters XML 1.0
/// cannot carry (most C0 controls) become U+FFFD rather than breaking the
/// document.
pub fn escape_markup(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// A value of a failing clause as report text: JSON, with `missing`
/// (`缺失`) for an unknown value, and a duration in Chinese as the
/// messages say it ([`duration_words`]).
pub fn value_text(lang: crate::i18n::Lang, v: &serde_json::Value) -> String {
    if v.is_null() {
        return crate::t!(lang, "value-missing");
    }
    v.as_str()
        .and_then(|s| duration_words(lang, s))
        .unwrap_or_else(|| v.to_string())
}

/// A duration value (`30 days`, `permanent`: the canonical text a value
/// has in the report's JSON) as a Chinese sentence says it, `30天`,
/// `永久`, without quotes, so that the values and the message agree; `None`
/// in English and for any other text.
pub fn duration_words(lang: crate::i18n::Lang, s: &str) -> Option<String> {
    if lang != crate::i18n::Lang::Zh {
        return None;
    }
    let d = crate::data::convert::parse_duration(s)?;
    (d.to_string() == s).then(|| d.text(lang))
}

/// Where a value read through a mapping came from, as the company wrote
/// it: `r.retention ← 保管期限 = 30年 (案卷目录.xlsx!案卷目录:10)`.
pub fn origin_text(lang: crate::i18n::Lang, o: &ValueOrigin) -> String {
    let place = format!("{}:{}", o.file, o.line);
    match o.original {
        None => crate::t!(
            lang,
            "origin-cell-unread",
            value = o.value,
            column = o.column,
            place = place
        ),
        Some(original) if !original.is_empty() => crate::t!(
            lang,
            "origin-cell",
            value = o.value,
            column = o.column,
            original = original,
            place = place
        ),
        Some(_) => crate::t!(
            lang,
            "origin-cell-empty",
            value = o.value,
            column = o.column,
            place = place
        ),
    }
}

/// The origins of a violation's mapped values, joined; `None` when none
/// came through a mapping.
pub fn origins_text(report: &Report, v: &Finding) -> Option<String> {
    let origins = report.value_origins(v);
    (!origins.is_empty()).then(|| {
        origins
            .iter()
            .map(|o| origin_text(report.lang, o))
            .collect::<Vec<_>>()
            .join(&crate::t!(report.lang, "list-separator"))
    })
}

/// A violation's mapped values' origins as JSON (the `sources` of the
/// JSON and SARIF reports).
pub fn origins_json(report: &Report, v: &Finding) -> serde_json::Value {
    report
        .value_origins(v)
        .iter()
        .map(|o| {
            serde_json::json!({
                "value": o.value,
                "file": o.file,
                "line": o.line,
                "column": o.column,
                "original": o.original,
            })
        })
        .collect()
}

/// The SARIF / GitHub word for a severity.
pub fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// Subjects checked, passed, violated (not waived) and waived for one rule.
/// Built-in checks have no `for`: checked and passed are `None`.
pub struct SubjectCounts {
    pub checked: Option<u64>,
    pub passed: Option<u64>,
    pub violated: u64,
    pub waived: u64,
}

pub fn subject_counts(r: &RuleSummary) -> SubjectCounts {
    let violated = r.violated_subjects.saturating_sub(r.waived_subjects);
    SubjectCounts {
        checked: (!r.builtin).then_some(r.subjects),
        passed: (!r.builtin).then(|| r.subjects.saturating_sub(r.violated_subjects)),
        violated,
        waived: r.waived_subjects,
    }
}

/// The result a rule gets in the audit report's tables: its status, with
/// "passed with waivers" told apart from "passed".
pub fn rule_result(lang: crate::i18n::Lang, r: &RuleSummary) -> String {
    match result_kind(r) {
        None => crate::t!(lang, "status-passed-with-waivers"),
        Some(_) => r.status_words(lang),
    }
}

/// A rule's status, `None` for "passed with waivers".
pub fn result_kind(r: &RuleSummary) -> Option<crate::report::model::RuleStatus> {
    use crate::report::model::RuleStatus;
    match r.status {
        RuleStatus::Passed if subject_counts(r).waived > 0 => None,
        status => Some(status),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_uris_are_plain_and_encoded() {
        assert_eq!(
            relative_uri("logs/access.csv").as_deref(),
            Some("logs/access.csv")
        );
        assert_eq!(
            relative_uri("客户 资料.csv").as_deref(),
            Some("%E5%AE%A2%E6%88%B7%20%E8%B5%84%E6%96%99.csv")
        );
        assert_eq!(relative_uri("/abs/inventory.csv"), None);
        assert_eq!(relative_uri("C:/data/inventory.csv"), None);
        assert_eq!(relative_uri("<builtin>/std/schema.policy"), None);
    }

    #[test]
    fn markup_escaping_covers_every_special_character() {
        assert_eq!(
            escape_markup(r#"<a href="x">Tom & 'Jerry'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;"
        );
        assert_eq!(escape_markup("a\u{1}b\nc"), "a\u{FFFD}b\nc");
    }
}
