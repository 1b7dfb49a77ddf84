//! `--format junit`: JUnit XML for CI test views, in the shape of the common
//! JUnit schema (windyroad JUnit-Schema, read by Jenkins and GitLab). One
//! test suite per rule, one test case per subject it checked: passes are
//! listed too (an auditor wants the evidence of what passed), up to
//! `eval::MAX_LISTED_SUBJECTS` per rule and then counted in one case (a
//! million records would otherwise make a 2 GB file), a violated
//! subject has a `failure` with the messages and locations when a violation
//! of it fails the run (`--fail-on`; with a baseline only new ones do), a
//! waived one is `skipped` with the waiver's reason, and a subject whose
//! violations are all below `--fail-on` passes, its findings written in the
//! suite's `system-out` (the schema allows no output per test case). Built-in checks have no `for`: their
//! suite lists the objects found at fault, or one passing case. Input errors
//! form a last suite of `error` cases.

use std::collections::HashMap;
use std::fmt::Write as _;

use crate::data::InputError;
use crate::report::model::{Report, RuleStatus, RuleSummary, Violation};
use crate::t;

use super::common::{escape_markup as esc, object_text, value_text};
use super::sink::Out;

pub fn render(report: &Report) -> String {
    super::sink::to_string(|w| write(report, w))
}

/// Writes the document to `out`, one test case at a time.
pub fn write(report: &Report, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut out = Out::new(w);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n");
    for (i, rule) in report.rules.iter().enumerate() {
        suite(report, rule, i, &mut out);
    }
    if !report.input_errors.is_empty() {
        input_error_suite(report, report.rules.len(), &mut out);
    }
    out.push_str("</testsuites>\n");
    out.finish()
}

/// The suite attributes the schema requires. The timestamp is the
/// evaluation date, so the output is the same on every run.
fn suite_open(report: &Report, name: &str, package: &str, id: usize, counts: [usize; 4]) -> String {
    let [tests, failures, errors, skipped] = counts;
    format!(
        "  <testsuite name=\"{}\" package=\"{}\" id=\"{id}\" timestamp=\"{}T00:00:00\" hostname=\"custodia\" tests=\"{tests}\" failures=\"{failures}\" errors=\"{errors}\" skipped=\"{skipped}\" time=\"0\">\n",
        esc(name),
        esc(package),
        esc(&report.as_of),
    )
}

/// One test case: the subject's id and, when it failed or was waived, what
/// to say about it.
enum Case<'a> {
    Passed(&'a str),
    /// The passing subjects beyond those listed (`eval::MAX_LISTED_SUBJECTS`).
    MorePassed(u64),
    Failed(&'a str, Vec<&'a Violation>),
    Waived(&'a str, Vec<&'a Violation>),
    /// A rule not checked for want of data, or one with no subject: one
    /// skipped case saying why, so neither reads as a pass.
    Skipped(&'static str, String),
    /// Unwaived violations that do not fail the run (below `--fail-on`, or
    /// already in the baseline): a pass, with the findings in `system-out`.
    Noted(&'a str, Vec<&'a Violation>),
}

fn suite(report: &Report, rule: &RuleSummary, index: usize, out: &mut Out) {
    let cases = cases_of(report, rule);
    let failures = cases
        .iter()
        .filter(|c| matches!(c, Case::Failed(..)))
        .count();
    let skipped = cases
        .iter()
        .filter(|c| matches!(c, Case::Waived(..) | Case::Skipped(..)))
        .count();
    out.push_str(&suite_open(
        report,
        &rule.name,
        &format!("custodia.{}", rule.kind),
        index,
        [cases.len(), failures, 0, skipped],
    ));
    properties(rule, out);
    // Built-in check ids already start with their kind.
    let classname = if rule.builtin {
        rule.name.clone()
    } else {
        format!("{}.{}", rule.kind, rule.name)
    };
    for case in &cases {
        test_case(report, &classname, case, out);
    }
    let noted: String = cases
        .iter()
        .filter_map(|c| match c {
            Case::Noted(id, vs) => Some(format!(
                "{}\n{}",
                t!(report.lang, "junit-noted", id = *id),
                findings_text(report, vs)
            )),
            _ => None,
        })
        .collect();
    if noted.is_empty() {
        out.push_str("    <system-out/>\n");
    } else {
        let _ = writeln!(out, "    <system-out>{}</system-out>", esc(&noted));
    }
    out.push_str("    <system-err/>\n  </testsuite>\n");
}

/// One case per subject the rule checked, in data order, each with its
/// violations.
fn cases_of<'r>(report: &'r Report, rule: &'r RuleSummary) -> Vec<Case<'r>> {
    let mine = report.violations_of(&rule.name);
    // subject id -> its violations, in report order
    let mut by_subject: HashMap<&str, Vec<&Violation>> = HashMap::new();
    let mut order: Vec<&str> = Vec::new();
    for v in mine {
        let entry = by_subject.entry(&*v.subject_id).or_default();
        if entry.is_empty() {
            order.push(&*v.subject_id);
        }
        entry.push(v);
    }
    let mut cases: Vec<Case> = Vec::new();
    let subjects: Vec<&str> = if rule.builtin || rule.subject_ids.is_empty() {
        order.clone()
    } else {
        // every subject the rule checked, in data order
        rule.subject_ids.iter().map(String::as_str).collect()
    };
    let judged = |id, vs: Vec<&'r Violation>| {
        if vs.iter().any(|v| report.fails_the_run(v)) {
            Case::Failed(id, vs)
        } else if vs.iter().all(|v| v.waiver.is_some()) {
            Case::Waived(id, vs)
        } else {
            Case::Noted(id, vs)
        }
    };
    for id in subjects {
        cases.push(match by_subject.remove(id) {
            None => Case::Passed(id),
            Some(vs) => judged(id, vs),
        });
    }
    // Violations whose subject the list does not name (none expected) are
    // still shown rather than dropped.
    for id in order {
        if let Some(vs) = by_subject.remove(id) {
            cases.push(judged(id, vs));
        }
    }
    if cases.is_empty() && rule.builtin {
        cases.push(Case::Passed("all objects"));
    }
    match rule.status {
        // What passed without its data is not a pass: only findings stay.
        RuleStatus::NotChecked => {
            cases.retain(|c| matches!(c, Case::Failed(..) | Case::Waived(..)));
            cases.insert(
                0,
                Case::Skipped("not checked (no data)", not_checked_reason(report, rule)),
            );
            return cases;
        }
        RuleStatus::NotApplicable => {
            cases.push(Case::Skipped(
                "not applicable",
                t!(report.lang, "junit-not-applicable"),
            ));
        }
        _ => {}
    }
    // Each case above is one subject; the rest passed and are counted.
    let more = rule.subjects.saturating_sub(cases.len() as u64);
    if !rule.builtin && more > 0 && !rule.subject_ids.is_empty() {
        cases.push(Case::MorePassed(more));
    }
    cases
}

fn not_checked_reason(report: &Report, rule: &RuleSummary) -> String {
    t!(
        report.lang,
        "report-not-checked-no-source",
        data = report.lacking(rule)
    )
}

fn properties(rule: &RuleSummary, out: &mut Out) {
    out.push_str("    <properties>\n");
    let mut prop = |name: &str, value: &str| {
        let _ = writeln!(
            out,
            "      <property name=\"{}\" value=\"{}\"/>",
            esc(name),
            esc(value)
        );
    };
    prop("kind", &rule.kind);
    prop("severity", rule.severity.as_str());
    prop("status", rule.status.as_str());
    if let Some(t) = &rule.title {
        prop("title", t);
    }
    for c in &rule.cite {
        prop("cite", c);
    }
    if let Some(p) = &rule.policy {
        prop("policy", &format!("{}:{}:{}", p.file, p.line, p.column));
    }
    out.push_str("    </properties>\n");
}

fn test_case(report: &Report, classname: &str, case: &Case, out: &mut Out) {
    let more;
    let (id, body) = match case {
        Case::Passed(id) | Case::Noted(id, _) => (*id, None),
        Case::MorePassed(n) => {
            more = format!(
                "{n} more subjects, all passed (at most {} subjects are listed per rule)",
                crate::eval::MAX_LISTED_SUBJECTS
            );
            (more.as_str(), None)
        }
        Case::Failed(id, vs) => (*id, Some(failure(report, vs))),
        Case::Waived(id, vs) => (*id, Some(skipped(report.lang, vs))),
        Case::Skipped(name, reason) => (
            *name,
            Some(format!("      <skipped message=\"{}\"/>\n", esc(reason))),
        ),
    };
    let open = format!(
        "    <testcase name=\"{}\" classname=\"{}\" time=\"0\"",
        esc(id),
        esc(classname)
    );
    match body {
        None => {
            let _ = writeln!(out, "{open}/>");
        }
        Some(b) => {
            let _ = writeln!(out, "{open}>\n{b}    </testcase>");
        }
    }
}

/// The failure of a subject: its message and type are those of the
/// violations that fail the run; its text lists every unwaived one.
fn failure(report: &Report, vs: &[&Violation]) -> String {
    let failing: Vec<&&Violation> = vs.iter().filter(|v| report.fails_the_run(v)).collect();
    let message = failing
        .iter()
        .map(|v| v.message.as_str())
        .collect::<Vec<_>>()
        .join("; ");
    let kind = failing.first().map_or("violated", |v| v.outcome.as_str());
    format!(
        "      <failure message=\"{}\" type=\"{kind}\">{}</failure>\n",
        esc(&message),
        esc(&findings_text(report, vs))
    )
}

/// Each unwaived violation with subject, clause, evidence, values, citations.
fn findings_text(report: &Report, vs: &[&Violation]) -> String {
    let open: Vec<&&Violation> = vs.iter().filter(|v| v.waiver.is_none()).collect();
    let mut text = String::new();
    for v in &open {
        let _ = writeln!(text, "{}: {}", v.severity.as_str(), v.message);
        let _ = writeln!(text, "  subject: {}", object_text(report, &v.subject));
        if let Some(p) = &v.policy {
            let _ = writeln!(text, "  clause: {}:{}:{}", p.file, p.line, p.column);
        }
        for e in &v.evidence {
            let _ = writeln!(text, "  evidence: {}", object_text(report, e));
        }
        for (k, val) in &v.values {
            let _ = writeln!(text, "  value: {k} = {}", value_text(val));
        }
        for o in report.value_origins(v) {
            let _ = writeln!(
                text,
                "  as written: {}",
                super::common::origin_text(report.lang, &o)
            );
        }
        if !v.cite.is_empty() {
            let _ = writeln!(text, "  cite: {}", v.cite.join("; "));
        }
        if let Some(b) = v.baseline {
            let _ = writeln!(text, "  baseline: {}", b.as_str());
        }
    }
    text
}

fn skipped(lang: crate::i18n::Lang, vs: &[&Violation]) -> String {
    let reason = vs
        .iter()
        .filter_map(|v| v.waiver.as_ref())
        .map(|w| match &w.by {
            Some(by) => t!(
                lang,
                "junit-waived-by",
                until = &w.until,
                by = by,
                because = &w.because
            ),
            None => t!(lang, "junit-waived", until = &w.until, because = &w.because),
        })
        .next()
        .unwrap_or_default();
    format!("      <skipped message=\"{}\"/>\n", esc(&reason))
}

fn input_error_suite(report: &Report, id: usize, out: &mut Out) {
    let n = report.input_errors.len();
    out.push_str(&suite_open(
        report,
        "input errors",
        "custodia.input",
        id,
        [n, 0, n, 0],
    ));
    out.push_str("    <properties/>\n");
    for e in &report.input_errors {
        let _ = writeln!(
            out,
            "    <testcase name=\"{}\" classname=\"input.{}\" time=\"0\">\n      <error message=\"{}\" type=\"input_error\">{}</error>\n    </testcase>",
            esc(&error_place(e)),
            esc(&e.file),
            esc(&e.message),
            esc(&error_text(e)),
        );
    }
    out.push_str("    <system-out/>\n    <system-err/>\n  </testsuite>\n");
}

fn error_place(e: &InputError) -> String {
    match (e.line, e.column) {
        (Some(l), Some(c)) => format!("{}:{l}:{c}", e.file),
        (Some(l), None) => format!("{}:{l}", e.file),
        _ => e.file.clone(),
    }
}

fn error_text(e: &InputError) -> String {
    let mut t = format!("{}: {}\n", error_place(e), e.message);
    if let Some(f) = &e.field {
        t.push_str(&format!("  field: {f}\n"));
    }
    if let Some(v) = &e.value {
        t.push_str(&format!("  value: {v}\n"));
    }
    t
}
