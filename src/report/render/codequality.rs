//! `--format codequality`: GitLab's Code Quality report, the subset of the
//! CodeClimate issue format GitLab reads for its merge-request widget
//! (`artifacts: reports: codequality:`). A JSON array with one issue per
//! unwaived violation, per input error and per rule not checked:
//! `description`, `check_name`,
//! `fingerprint`, `severity` and `location` (`path` from the repository
//! root, `lines.begin`).
//!
//! GitLab compares the fingerprints of the merge request's report with the
//! target branch's, so an issue's fingerprint is the violation's stable one;
//! GitLab wants them unique, so a repeated one (two violations can share a
//! fingerprint) is made unique by its occurrence number, as baselines count.

use std::collections::HashMap;

use serde_json::{json, Value};

use crate::data::InputError;
use crate::i18n::Lang;
use crate::report::model::{Finding, Fingerprint, Report, Violation};
use crate::syntax::ast::Severity;

use super::paths::RepoPaths;

pub fn render(report: &Report) -> String {
    super::sink::to_string(|w| write(report, w))
}

/// Writes the array to `out` one issue at a time, in the bytes of
/// `serde_json::to_string_pretty` over the whole array (each issue's lines
/// indented by two spaces; a JSON string never holds a raw newline): a
/// report of a million violations is never one tree of values.
pub fn write(report: &Report, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let paths = RepoPaths::new(report);
    let repeated = repeated_prefixes(report);
    let mut seen: HashMap<Fingerprint, u32> = HashMap::new();
    let mut issues = Issues { out, any: false };
    for v in report.violations.iter().filter(|v| v.waiver.is_none()) {
        let n = occurrence(&repeated, &mut seen, v.fingerprint());
        issues.write(&violation(report, &paths, &v.finding(), n))?;
    }
    for e in &report.input_errors {
        issues.write(&input_error(&paths, report.lang, e))?;
    }
    for gap in not_checked(report, &paths) {
        issues.write(&gap)?;
    }
    for note in rule_notes(report, &paths) {
        issues.write(&note)?;
    }
    issues.finish()
}

/// The first 8 bytes of the fingerprints that more than one unwaived
/// violation starts with, sorted. Code Quality wants every issue's
/// fingerprint unique, and repeats are rare: only these are counted. A
/// table of every fingerprint was about 20 bytes a violation beside the
/// report (tests/memory.rs), which at a million violations made Code Quality
/// the one format to peak above the input; this list of prefixes is 8 bytes
/// a violation, and freed before the first issue is written.
fn repeated_prefixes(report: &Report) -> Vec<u64> {
    repeated_among(report.violations.iter().filter(|v| v.waiver.is_none()))
}

/// [`repeated_prefixes`] among `violations` (SARIF: the results listed).
pub(super) fn repeated_among<'a>(violations: impl Iterator<Item = &'a Violation>) -> Vec<u64> {
    let mut all: Vec<u64> = violations.map(|v| prefix(&v.fingerprint())).collect();
    all.sort_unstable();
    let mut repeated: Vec<u64> = all
        .windows(2)
        .filter(|w| w[0] == w[1])
        .map(|w| w[0])
        .collect();
    repeated.dedup();
    repeated
}

/// The occurrence number of `fingerprint` among those written so far
/// (`seen`), counted only for a `repeated` prefix; 1 for the rest.
pub(super) fn occurrence(
    repeated: &[u64],
    seen: &mut HashMap<Fingerprint, u32>,
    fingerprint: Fingerprint,
) -> usize {
    match repeated.binary_search(&prefix(&fingerprint)) {
        Ok(_) => {
            let n = seen.entry(fingerprint).or_default();
            *n += 1;
            *n as usize
        }
        Err(_) => 1,
    }
}

fn prefix(f: &Fingerprint) -> u64 {
    let mut first = [0; 8];
    first.copy_from_slice(&f.0[..8]);
    u64::from_le_bytes(first)
}

/// The array being written: whether an issue was.
struct Issues<'a> {
    out: &'a mut dyn std::io::Write,
    any: bool,
}

impl Issues<'_> {
    fn write(&mut self, issue: &Value) -> std::io::Result<()> {
        let text = serde_json::to_string_pretty(issue).map_err(std::io::Error::other)?;
        self.out.write_all(if self.any { b",\n" } else { b"[\n" })?;
        self.any = true;
        for (i, line) in text.lines().enumerate() {
            if i > 0 {
                self.out.write_all(b"\n")?;
            }
            self.out.write_all(b"  ")?;
            self.out.write_all(line.as_bytes())?;
        }
        Ok(())
    }

    /// Closes the array, and the document's last line.
    fn finish(self) -> std::io::Result<()> {
        let end: &[u8] = if self.any { b"\n]\n" } else { b"[]\n" };
        self.out.write_all(end)
    }
}

/// GitLab's five severities. **Decision:** an error is `critical` (it
/// fails the run at the default `--fail-on`), a warning `minor`, an info
/// `info`; an input error is `blocker` (the check could not be completed).
pub fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "critical",
        Severity::Warning => "minor",
        Severity::Info => "info",
    }
}

fn violation(report: &Report, paths: &RepoPaths, v: &Finding, occurrence: usize) -> Value {
    // The subject's row; a waiver finding (no file) is on its policy.
    let (file, line) = match (report.input_path(v.subject.file), &v.policy) {
        (Some(f), _) => (f, v.subject.line),
        (None, Some(p)) => (&*p.file, Some(p.line)),
        (None, None) => ("", None),
    };
    let mut description = crate::t!(
        report.lang,
        "codequality-description",
        id = &*v.subject_id,
        message = &*v.message
    );
    if v.baseline == Some(crate::report::model::BaselineState::Unchanged) {
        description.push_str(&crate::t!(report.lang, "codequality-in-baseline"));
    }
    json!({
        "type": "issue",
        "description": description,
        "check_name": format!("custodia/{}", v.rule),
        "fingerprint": unique(&v.fingerprint.to_hex(), occurrence),
        "severity": severity(v.severity),
        "location": location(paths, file, line),
    })
}

fn input_error(paths: &RepoPaths, lang: Lang, e: &InputError) -> Value {
    use sha2::Digest;
    let key = format!(
        "custodia-input-error-v1\u{1f}{}\u{1f}{:?}\u{1f}{:?}\u{1f}{}",
        e.file, e.line, e.column, e.message
    );
    json!({
        "type": "issue",
        "description": crate::t!(lang, "codequality-input-error", message = &e.message),
        "check_name": "custodia/input_error",
        "fingerprint": hex32(&sha2::Sha256::digest(key.as_bytes())),
        "severity": "blocker",
        "location": location(paths, &e.file, e.line),
    })
}

/// One `major` issue per rule not checked, for want of data or for a value
/// a typo away (at its policy line), and one for an empty inventory or a set none of whose rules
/// applied: without them a run that checked nothing showed an empty widget,
/// the same as a clean one (docs/reports.md, GitLab Code Quality).
fn not_checked(report: &Report, paths: &RepoPaths) -> Vec<Value> {
    let mut out: Vec<Value> = report
        .not_checked()
        .map(|r| {
            let (file, line) = r
                .policy
                .as_ref()
                .map_or(("custodia.yaml", None), |p| (&*p.file, Some(p.line)));
            // The fingerprint is made from the English text, so that it
            // does not change with the report's language.
            let english = report.rule_not_checked_text(r, Lang::En);
            let text = report.rule_not_checked_text(r, report.lang);
            gap(paths, report.lang, (&english, &text), (file, line))
        })
        .collect();
    // GitLab requires a path: the inventory file, else the first policy.
    let place = |role: &str| {
        let first = report.inputs.iter().find(|i| i.role == role);
        (first.map_or("custodia.yaml", |i| i.path.as_str()), None)
    };
    let texts = |id: &str| {
        (
            crate::i18n::catalogue::text(Lang::En, id, &[]),
            crate::i18n::catalogue::text(report.lang, id, &[]),
        )
    };
    if report.no_records() {
        let (en, text) = texts("not-checked-no-records");
        out.push(gap(paths, report.lang, (&en, &text), place("inventory")));
    } else if report.nothing_applied() {
        let (en, text) = texts("not-checked-nothing-applied");
        out.push(gap(paths, report.lang, (&en, &text), place("policy")));
    }
    // Rows a `skip:` left out, at the `skip:` in custodia.yaml.
    // Packs `packs:` left out, there too; events dated after `as_of` at
    // the first of each log.
    for s in &report.skipped {
        let (en, text) = (s.describe(Lang::En), s.describe(report.lang));
        // Future events at the log, packs a schema left out at its
        // `record`, the rest at custodia.yaml.
        let file = match s.what {
            crate::report::model::LeftOut::FutureEvents(_)
            | crate::report::model::LeftOut::PacksUnfit(_) => s.file.as_str(),
            _ => "custodia.yaml",
        };
        out.push(gap(paths, report.lang, (&en, &text), (file, Some(s.line))));
    }
    out
}

/// One `info` issue per note about rules (subjects a `where` or `when`
/// could not decide, a field read as missing in every row): the widget
/// showed a clean run without them (second hostile review, 2026-12-05).
/// The fingerprint is made from the note's file and rules, which do not
/// change with the report's language, and its rank among notes sharing
/// them.
fn rule_notes(report: &Report, paths: &RepoPaths) -> Vec<Value> {
    use sha2::Digest;
    let mut seen: HashMap<String, u32> = HashMap::new();
    report
        .notes
        .iter()
        .filter(|n| !n.rules.is_empty())
        .map(|n| {
            let key = format!(
                "custodia-note-v1\u{1f}{}\u{1f}{}",
                n.file,
                n.rules.join(",")
            );
            let rank = seen.entry(key.clone()).or_default();
            *rank += 1;
            let key = format!("{key}\u{1f}{rank}");
            json!({
                "type": "issue",
                "description": n.message,
                "check_name": "custodia/note",
                "fingerprint": hex32(&sha2::Sha256::digest(key.as_bytes())),
                "severity": "info",
                "location": location(paths, &n.file, None),
            })
        })
        .collect()
}

/// `english` makes the fingerprint, `text` (the report's language) the description.
fn gap(
    paths: &RepoPaths,
    lang: Lang,
    (english, text): (&str, &str),
    (file, line): (&str, Option<u32>),
) -> Value {
    use sha2::Digest;
    let key = format!("custodia-not-checked-v1\u{1f}{english}");
    json!({
        "type": "issue",
        "description": crate::t!(lang, "codequality-not-checked", text = text),
        "check_name": "custodia/not_checked",
        "fingerprint": hex32(&sha2::Sha256::digest(key.as_bytes())),
        "severity": "major",
        "location": location(paths, file, line),
    })
}

/// `location.path` from the repository root (the name the report uses when
/// the file is not in the repository, such as a built-in pack: GitLab
/// requires a path), `lines.begin` at least 1.
fn location(paths: &RepoPaths, file: &str, line: Option<u32>) -> Value {
    let path = paths.get(file).unwrap_or_else(|| file.to_string());
    json!({ "path": path, "lines": { "begin": line.unwrap_or(1).max(1) } })
}

/// The fingerprint of the `n`th violation sharing it: the first keeps it,
/// later ones get a digest of it and their number (same shape, 32 hex).
pub(super) fn unique(fingerprint: &str, n: usize) -> String {
    use sha2::Digest;
    if n <= 1 {
        return fingerprint.to_string();
    }
    hex32(&sha2::Sha256::digest(
        format!("{fingerprint}\u{1f}{n}").as_bytes(),
    ))
}

fn hex32(digest: &[u8]) -> String {
    crate::text::hex(&digest[..16])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The streamed array is the bytes `to_string_pretty` gives for the
    /// whole array, empty or not, nested objects and strings with escaped
    /// newlines included.
    #[test]
    fn issues_streamed_one_by_one_are_the_pretty_array() {
        let cases = [
            vec![],
            vec![json!({ "a": 1 })],
            vec![
                json!({ "type": "issue", "description": "two\nlines", "location": { "path": "x", "lines": { "begin": 3 } } }),
                json!({ "list": [1, 2], "empty": {} }),
            ],
        ];
        for issues in cases {
            let mut bytes = Vec::new();
            let mut w = Issues {
                out: &mut bytes,
                any: false,
            };
            for i in &issues {
                w.write(i).expect("a Vec takes every write");
            }
            w.finish().expect("a Vec takes every write");
            let whole = serde_json::to_string_pretty(&issues).expect("values serialize") + "\n";
            assert_eq!(String::from_utf8(bytes).expect("UTF-8"), whole);
        }
    }

    #[test]
    fn repeated_fingerprints_are_made_unique_and_stable() {
        let fp = "0123456789abcdef0123456789abcdef";
        assert_eq!(unique(fp, 1), fp);
        assert_ne!(unique(fp, 2), fp);
        assert_eq!(unique(fp, 2), unique(fp, 2));
        assert_ne!(unique(fp, 2), unique(fp, 3));
        assert_eq!(unique(fp, 2).len(), 32);
    }
}
