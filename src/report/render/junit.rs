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
//! form a suite of `error` cases. The report's notes are in `system-out`:
//! a note about a rule (a condition it could not decide, a column its data
//! lacked) first in that rule's suite, and every note in a last suite
//! `notes` with no test case, so that no count changes.

use std::fmt::Write as _;

use crate::data::{InputError, Note};
use crate::report::model::{LeftOut, NotCheckedWhy, Report, RuleStatus, RuleSummary, Violation};
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
    let mut id = report.rules.len();
    if !report.input_errors.is_empty() {
        input_error_suite(report, id, &mut out);
        id += 1;
    }
    if report.complete && !report.fully_checked() && !report.not_checked_accepted {
        verdict_suite(report, id, &mut out);
        id += 1;
    }
    if report.skipped.iter().any(|s| !is_future(&s)) {
        skipped_suite(report, id, &mut out);
        id += 1;
    }
    if report.skipped.iter().any(|s| is_future(&s)) {
        future_suite(report, id, &mut out);
        id += 1;
    }
    if !report.notes.is_empty() {
        notes_suite(report, id, &mut out);
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

/// A rule's suite, written case by case. The cases are produced three
/// times (to count them for the suite's attributes, to write them, and to
/// write the findings that did not fail the run in `system-out`) rather
/// than held: a rule failing a million subjects has a million cases.
fn suite(report: &Report, rule: &RuleSummary, index: usize, out: &mut Out) {
    let groups = Groups::of(report.violations_of(&rule.name));
    let [mut tests, mut failures, mut skipped] = [0usize; 3];
    each_case(report, rule, &groups, &mut |case| {
        tests += 1;
        failures += usize::from(matches!(case, Case::Failed(..)));
        skipped += usize::from(matches!(case, Case::Waived(..) | Case::Skipped(..)));
    });
    out.push_str(&suite_open(
        report,
        &rule.name,
        &format!("custodia.{}", rule.kind),
        index,
        [tests, failures, 0, skipped],
    ));
    properties(rule, out);
    // Built-in check ids already start with their kind.
    let classname = if rule.builtin {
        rule.name.clone()
    } else {
        format!("{}.{}", rule.kind, rule.name)
    };
    each_case(report, rule, &groups, &mut |case| {
        test_case(report, &classname, &case, out)
    });
    // The notes on this rule first: Jenkins keeps only the first and last
    // 500 characters of a passing suite's output.
    let notes = notes_text(
        report,
        report.notes.iter().filter(|n| n.rules.contains(&rule.name)),
    );
    let mut open = !notes.is_empty();
    if open {
        out.push_str("    <system-out>");
        out.push_str(&esc(&notes));
    }
    let mut noted = false;
    each_case(report, rule, &groups, &mut |case| {
        if let Case::Noted(id, vs) = case {
            // A blank line between the notes and the findings.
            out.push_str(match (open, noted) {
                (false, _) => "    <system-out>",
                (true, false) => "\n",
                (true, true) => "",
            });
            open = true;
            noted = true;
            // Markup escapes character by character, so the text escaped
            // in pieces is the whole text escaped.
            out.push_str(&esc(&format!(
                "{}\n{}",
                noted_heading(report, id, &vs),
                findings_text(report, &vs)
            )));
        }
    });
    out.push_str(if open {
        "</system-out>\n"
    } else {
        "    <system-out/>\n"
    });
    out.push_str("    <system-err/>\n  </testsuite>\n");
}

/// Why a subject with unwaived findings passed: they are below
/// `--fail-on`, or already in the baseline (a finding at or above
/// `--fail-on` that does not fail the run can only be a baseline one), or
/// some of each. A baselined error was said to be "below --fail-on"
/// (hostile review h16).
fn noted_heading(report: &Report, id: &str, vs: &[&Violation]) -> String {
    let at_threshold = |v: &Violation| report.fail_on.is_some_and(|t| v.severity >= t);
    let open = || vs.iter().filter(|v| v.waiver.is_none());
    let baselined = open().any(|v| at_threshold(v));
    let below = open().any(|v| !at_threshold(v));
    match (baselined, below) {
        (true, false) => t!(report.lang, "junit-noted-baseline", id = id),
        (true, true) => t!(report.lang, "junit-noted-mixed", id = id),
        _ => t!(report.lang, "junit-noted", id = id),
    }
}

/// Notes as the terminal report prints them, one a line: `note: FILE:
/// MESSAGE` (`说明：FILE：MESSAGE`).
fn notes_text<'r>(report: &Report, notes: impl Iterator<Item = &'r Note>) -> String {
    let label = t!(report.lang, "label-note-colon");
    notes
        .map(|n| {
            let line = t!(
                report.lang,
                "human-input-error",
                at = n.file.as_str(),
                message = n.message.as_str()
            );
            format!("{label}{line}\n")
        })
        .collect()
}

/// Every note of the report, in a suite of its own with no test case, so
/// that the counts of tests, failures and skips stay those of the rules:
/// `<testsuites>` has no output of its own in the schema.
fn notes_suite(report: &Report, id: usize, out: &mut Out) {
    out.push_str(&suite_open(report, "notes", "custodia.notes", id, [0; 4]));
    out.push_str("    <properties/>\n    <system-out>");
    out.push_str(&esc(&notes_text(report, report.notes.iter())));
    out.push_str("</system-out>\n    <system-err/>\n  </testsuite>\n");
}

/// A rule's violations grouped by subject: their indexes in `mine`,
/// ordered by subject id (stably, so each subject's keep report order).
/// The report sorts violations by rule and subject, so this is usually
/// `0..n`; 4 bytes a violation where a map of lists took about 100.
struct Groups<'r> {
    mine: &'r [Violation],
    by_subject: Vec<u32>,
}

impl<'r> Groups<'r> {
    fn of(mine: &'r [Violation]) -> Groups<'r> {
        let mut by_subject: Vec<u32> = (0..mine.len() as u32).collect();
        by_subject.sort_by(|a, b| {
            mine[*a as usize]
                .subject_id()
                .cmp(mine[*b as usize].subject_id())
        });
        Groups { mine, by_subject }
    }

    fn id(&self, at: usize) -> &'r str {
        self.mine[self.by_subject[at] as usize].subject_id()
    }

    /// Where the violations of subject `id` are in `by_subject`.
    fn find(&self, id: &str) -> std::ops::Range<usize> {
        let start = self
            .by_subject
            .partition_point(|i| self.mine[*i as usize].subject_id() < id);
        // A subject has a violation or two: its end is near, not searched.
        let mut end = start;
        while end < self.by_subject.len() && self.id(end) == id {
            end += 1;
        }
        start..end
    }

    /// Each subject's run in `by_subject`, with its id: one pass that
    /// reads each violation's id once (a binary search per run read about
    /// forty, the most of a large JUnit report's time).
    /// Lazy: a list of the runs would cost 32 bytes a subject.
    fn runs(&self) -> impl Iterator<Item = (std::ops::Range<usize>, &'r str)> + '_ {
        let mut at = 0;
        std::iter::from_fn(move || {
            let start = at;
            let id = (start < self.by_subject.len()).then(|| self.id(start))?;
            at += 1;
            while at < self.by_subject.len() && self.id(at) == id {
                at += 1;
            }
            Some((start..at, id))
        })
    }

    fn violations(&self, range: std::ops::Range<usize>) -> Vec<&'r Violation> {
        self.by_subject[range]
            .iter()
            .map(|i| &self.mine[*i as usize])
            .collect()
    }
}

/// One case per subject the rule checked, in data order, each with its
/// violations, given to `f` one at a time.
fn each_case<'r>(
    report: &'r Report,
    rule: &'r RuleSummary,
    groups: &Groups<'r>,
    f: &mut dyn FnMut(Case<'r>),
) {
    let judged = |id, vs: Vec<&'r Violation>| {
        if vs.iter().any(|v| report.fails_the_run(v)) {
            Case::Failed(id, vs)
        } else if vs.iter().all(|v| v.waiver.is_some()) {
            Case::Waived(id, vs)
        } else {
            Case::Noted(id, vs)
        }
    };
    // Objects a rule left undecided do not undo the passes of the others.
    let not_checked = matches!(
        rule.not_checked_why(),
        Some(NotCheckedWhy::NoData | NotCheckedWhy::Unmatched | NotCheckedWhy::NeverTrue)
    );
    // What passed without its data, or under a rule comparing with text a
    // typo away, is not a pass: only findings stay, after the cases
    // saying why (the names are the same in every language).
    if rule.lacks_data() {
        f(Case::Skipped(
            "not checked (no data)",
            report.not_checked_reason(rule),
        ));
    }
    if let Some(n) = &rule.never_true {
        f(Case::Skipped(
            "never true",
            t!(
                report.lang,
                "audit-rule-never-true",
                why = n.text(report.lang)
            ),
        ));
    }
    if !rule.unmatched_values.is_empty() {
        f(Case::Skipped(
            "unmatched value",
            t!(
                report.lang,
                "audit-rule-unmatched",
                values = report.unmatched_text(rule)
            ),
        ));
    }
    let mut emit = |case: Case<'r>, count: &mut usize| {
        if !not_checked || matches!(case, Case::Failed(..) | Case::Waived(..)) {
            *count += 1;
            f(case);
        }
    };
    // Each subject's violations are shown once, at its first listing.
    let mut used = vec![false; groups.by_subject.len()];
    let mut cases = 0usize;
    let mut listed = |id: &'r str, range: std::ops::Range<usize>, cases: &mut usize| match range
        .clone()
        .next()
    {
        Some(at) if !used[at] => {
            used[at] = true;
            emit(judged(id, groups.violations(range)), cases);
        }
        _ => emit(Case::Passed(id), cases),
    };
    if rule.builtin || rule.subject_ids.is_empty() {
        for (range, id) in groups.runs() {
            listed(id, range, &mut cases);
        }
    } else {
        // every subject the rule checked, in data order
        for id in &rule.subject_ids {
            listed(id, groups.find(id), &mut cases);
        }
    }
    // Violations whose subject the list does not name (none expected) are
    // still shown rather than dropped.
    for (range, id) in groups.runs() {
        if !used[range.start] {
            used[range.start] = true;
            emit(judged(id, groups.violations(range)), &mut cases);
        }
    }
    if cases == 0 && rule.builtin {
        emit(Case::Passed("all objects"), &mut cases);
    }
    // Objects the rule's `where` or `when` could not decide were not
    // checked: not a pass (`Report::undecided`).
    if rule.unknown_subjects > 0 && !rule.lacks_data() {
        f(Case::Skipped(
            "not decided",
            t!(
                report.lang,
                "audit-rule-unknown-subjects",
                count = rule.unknown_subjects
            ),
        ));
    }
    match rule.status {
        RuleStatus::NotChecked if not_checked => return,
        RuleStatus::NotApplicable => {
            f(Case::Skipped(
                "not applicable",
                t!(report.lang, "junit-not-applicable"),
            ));
            cases += 1;
        }
        _ => {}
    }
    // Each case above is one subject; the rest passed and are counted.
    let more = rule.subjects.saturating_sub(cases as u64);
    if !rule.builtin && more > 0 && !rule.subject_ids.is_empty() {
        f(Case::MorePassed(more));
    }
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
        .map(|v| v.message())
        .collect::<Vec<_>>()
        .join(&crate::t!(report.lang, "list-separator"));
    let kind = failing.first().map_or("violated", |v| v.outcome().as_str());
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
    let lang = report.lang;
    // The machine words (`error`, `baseline`) stay in English; in Chinese
    // the catalogue's words for them.
    let word = |prefix: &str, code: &str| match lang {
        crate::i18n::Lang::En => code.to_string(),
        crate::i18n::Lang::Zh => {
            crate::i18n::catalogue::text(lang, &format!("{prefix}-{code}"), &[])
        }
    };
    for v in &open {
        let v = &v.finding();
        let severity = word("severity", v.severity.as_str());
        let _ = writeln!(
            text,
            "{}",
            t!(
                lang,
                "junit-finding",
                severity = severity,
                message = &*v.message
            )
        );
        let subject = object_text(report, &v.subject);
        let _ = writeln!(text, "{}", t!(lang, "junit-subject", object = subject));
        if let Some(p) = &v.policy {
            let place = format!("{}:{}:{}", p.file, p.line, p.column);
            let _ = writeln!(text, "{}", t!(lang, "junit-clause", place = place));
        }
        for e in &v.evidence {
            let object = object_text(report, e);
            let _ = writeln!(text, "{}", t!(lang, "junit-evidence", object = object));
        }
        for (k, val) in &v.values {
            let value = format!("{k} = {}", value_text(lang, val));
            let _ = writeln!(text, "{}", t!(lang, "junit-value", value = value));
        }
        for o in report.value_origins(v) {
            let origin = super::common::origin_text(lang, &o);
            let _ = writeln!(text, "{}", t!(lang, "junit-as-written", origin = origin));
        }
        if !v.cite.is_empty() {
            let cite = v.cite.join(&t!(lang, "list-separator"));
            let _ = writeln!(text, "{}", t!(lang, "junit-cite", cite = cite));
        }
        if let Some(b) = v.baseline {
            let state = match (lang, b) {
                (crate::i18n::Lang::En, _) => b.as_str().to_string(),
                (_, crate::report::model::BaselineState::New) => t!(lang, "baseline-new"),
                (_, crate::report::model::BaselineState::Unchanged) => {
                    t!(lang, "baseline-unchanged")
                }
            };
            let _ = writeln!(text, "{}", t!(lang, "junit-baseline", state = state));
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
            esc(&error_text(e, report.lang)),
        );
    }
    out.push_str("    <system-out/>\n    <system-err/>\n  </testsuite>\n");
}

/// A run NOT FULLY CHECKED that exits 2 (no `--allow-not-checked` or
/// `--allow-skipped` accepting it): one `<error>` case naming what was not
/// checked, as input errors are, so that a CI reading only JUnit goes red
/// with the exit status. Its rules and skipped data stay `<skipped>`
/// cases, which Jenkins and GitLab show as green or unstable (hostile
/// review h23c, 2026-12-07: a typo'd rule, rows a `skip:` left out and
/// events dated after `as_of` all read 0 failures, 0 errors).
fn verdict_suite(report: &Report, id: usize, out: &mut Out) {
    out.push_str(&suite_open(
        report,
        "verdict",
        "custodia.verdict",
        id,
        [1, 0, 1, 0],
    ));
    out.push_str("    <properties/>\n");
    let verdict = t!(report.lang, "verdict-not-fully-checked");
    let why = report.not_checked_text().unwrap_or_default();
    let _ = writeln!(
        out,
        "    <testcase name=\"not fully checked\" classname=\"custodia.verdict\" time=\"0\">\n      <error message=\"{}\" type=\"not_fully_checked\">{}</error>\n    </testcase>",
        esc(&why),
        esc(&format!("{verdict}{}{why}\n", t!(report.lang, "label-colon"))),
    );
    out.push_str("    <system-out/>\n    <system-err/>\n  </testsuite>\n");
}

/// Data a `skip:` or `ignore:` of custodia.yaml left out: one skipped case
/// per file or entry, so that a test view shows what the run did not check,
/// as it does a rule not checked (docs/reports.md, "Rows left out by
/// `skip:`").
fn skipped_suite(report: &Report, id: usize, out: &mut Out) {
    let n = report.skipped.iter().filter(|s| !is_future(s)).count();
    let packs = (report.skipped.iter()).any(|s| matches!(s.what, LeftOut::Packs(_)));
    let unfit = (report.skipped.iter()).any(|s| matches!(s.what, LeftOut::PacksUnfit(_)));
    let manifest = (report.skipped.iter())
        .any(|s| !is_future(&s) && !matches!(s.what, LeftOut::PacksUnfit(_)));
    // Named for what left them out: custodia.yaml, the case's own `record`
    // schema, or both.
    out.push_str(&suite_open(
        report,
        match (packs, unfit, manifest) {
            (_, true, true) => "data and packs left out by custodia.yaml or the case's own schema",
            (_, true, false) => "packs left out by the case's own schema",
            (true, false, _) => "data and packs left out by custodia.yaml",
            (false, false, _) => "data left out by skip: or ignore:",
        },
        "custodia.skip",
        id,
        [n, 0, 0, n],
    ));
    out.push_str("    <properties/>\n");
    for s in report.skipped.iter().filter(|s| !is_future(s)) {
        let _ = writeln!(
            out,
            "    <testcase name=\"{}\" classname=\"{}.{}\" time=\"0\">\n      <skipped message=\"{}\"/>\n    </testcase>",
            // Named where it was left out: custodia.yaml, or the case's
            // own `record` that left the packs out.
            esc(&match s.what {
                LeftOut::PacksUnfit(_) => format!("{}:{}", s.file, s.line),
                _ => format!("custodia.yaml:{}", s.line),
            }),
            match s.what {
                LeftOut::Rows(_) => "skip",
                LeftOut::Ignored => "ignore",
                LeftOut::Packs(_) | LeftOut::PacksUnfit(_) | LeftOut::FutureEvents(_) => "packs",
            },
            esc(&s.file),
            esc(&s.describe(report.lang)),
        );
    }
    out.push_str("    <system-out/>\n    <system-err/>\n  </testsuite>\n");
}

fn is_future(s: &&crate::report::model::Skipped) -> bool {
    matches!(s.what, LeftOut::FutureEvents(_))
}

/// Events dated after `as_of`: one skipped case per log, at its first such
/// event, so that a test view shows the run was not fully checked
/// (docs/reports.md, "Events dated after `as_of`").
fn future_suite(report: &Report, id: usize, out: &mut Out) {
    let n = report.skipped.iter().filter(is_future).count();
    out.push_str(&suite_open(
        report,
        "events dated after as_of",
        "custodia.future_event",
        id,
        [n, 0, 0, n],
    ));
    out.push_str("    <properties/>\n");
    for s in report.skipped.iter().filter(is_future) {
        let _ = writeln!(
            out,
            "    <testcase name=\"{}\" classname=\"future_event.{}\" time=\"0\">\n      <skipped message=\"{}\"/>\n    </testcase>",
            esc(&format!("{}:{}", s.file, s.line)),
            esc(&s.file),
            esc(&s.describe(report.lang)),
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

/// An input error's text: `FILE:LINE:COL：message`, then its field and
/// value, in the report's words (the Chinese read `: ` and `field:`).
fn error_text(e: &InputError, lang: crate::i18n::Lang) -> String {
    let mut t = format!(
        "{}{}{}\n",
        error_place(e),
        t!(lang, "label-colon"),
        e.message
    );
    if let Some(f) = &e.field {
        t.push_str(&t!(lang, "junit-field", field = f.as_str()));
        t.push('\n');
    }
    if let Some(v) = &e.value {
        t.push_str(&t!(lang, "junit-value", value = v.as_str()));
        t.push('\n');
    }
    t
}
