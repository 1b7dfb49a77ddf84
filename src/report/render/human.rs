//! `--format human`: one miette diagnostic per violation, with the failing
//! clause in the policy and the subject's and evidence's lines in the data,
//! the values behind the failure, citation and help; then a summary.

use std::fmt::{self, Write as _};

use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceCode};

use crate::check::{Checked, PolicyDiagnostic};
use crate::i18n::Lang;
use crate::report::model::{
    DataLoc, Finding, NotCheckedWhy, Report, RuleStatus, RuleSummary, Violation,
};
use crate::syntax::ast::Severity;
use crate::syntax::span::SourceMap;
use crate::t;

use super::sink::Out;
use super::source::{LineSource, PolicySource};

/// Columns a diagnostic is drawn in.
const DIAG_WIDTH: usize = 100;

/// Input errors printed per file before "and N more".
const MAX_INPUT_ERRORS_PER_FILE: usize = 50;

struct Diag {
    message: String,
    code: Option<String>,
    severity: miette::Severity,
    help: Option<String>,
    source: Option<Box<dyn SourceCode>>,
    labels: Vec<LabeledSpan>,
    related: Vec<Diag>,
}

impl fmt::Display for Diag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Debug for Diag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Diag {}

impl Diagnostic for Diag {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.code
            .as_ref()
            .map(|c| Box::new(c) as Box<dyn fmt::Display>)
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_deref()
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if self.labels.is_empty() {
            None
        } else {
            Some(Box::new(self.labels.iter().cloned()))
        }
    }
    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        if self.related.is_empty() {
            None
        } else {
            Some(Box::new(self.related.iter().map(|d| d as &dyn Diagnostic)))
        }
    }
}

fn miette_severity(s: Severity) -> miette::Severity {
    match s {
        Severity::Error => miette::Severity::Error,
        Severity::Warning => miette::Severity::Warning,
        Severity::Info => miette::Severity::Advice,
    }
}

/// How diagnostics are drawn: colours only on a terminal; a fixed width so
/// output (and its snapshots) does not depend on the terminal.
pub fn handler(color: bool) -> GraphicalReportHandler {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    GraphicalReportHandler::new_themed(theme)
        .with_width(DIAG_WIDTH)
        .with_links(false)
}

/// Draws one diagnostic. miette writes the words `help:` and `Advice:`
/// itself, in English, and has no setting for them (miette 7.6,
/// `GraphicalReportHandler::render_footer` and `render_related`): in
/// another language the help and the related notes are drawn here, the
/// way miette draws them, under the catalogue's words (docs/reports.md,
/// "Languages").
fn render_diag(h: &GraphicalReportHandler, d: &Diag, lang: Lang, out: &mut dyn fmt::Write) {
    let mut s = String::new();
    let drawn = if lang == Lang::En {
        h.render_report(&mut s, d)
    } else {
        render_localized(h, d, lang, &mut s)
    };
    if drawn.is_err() {
        s = format!("{}: {}\n", d.code.clone().unwrap_or_default(), d.message);
    }
    let _ = out.write_str(&s);
}

/// What miette draws, with `help:` and `Advice:` in `lang`.
fn render_localized(
    h: &GraphicalReportHandler,
    d: &Diag,
    lang: Lang,
    out: &mut String,
) -> fmt::Result {
    let bare = Diag {
        message: d.message.clone(),
        code: d.code.clone(),
        severity: d.severity,
        help: None,
        source: None,
        labels: d.labels.clone(),
        related: vec![],
    };
    h.render_report(out, &WithSource(&bare, d.source.as_deref()))?;
    if let Some(help) = &d.help {
        out.push_str(&help_lines(&t!(lang, "diag-help"), help));
    }
    for r in &d.related {
        out.push('\n');
        out.push_str(&t!(lang, "diag-see-also"));
        out.push('\n');
        render_localized(h, r, lang, out)?;
    }
    Ok(())
}

/// `  help: text` (the label ends with its own space or full-width
/// colon), wrapped as miette wraps it (100 columns, less 2; the
/// lines after the first indented under the text).
fn help_lines(label: &str, help: &str) -> String {
    let initial = format!("  {label}");
    let rest = " ".repeat(unicode_width::UnicodeWidthStr::width(initial.as_str()));
    let opts = textwrap::Options::new(DIAG_WIDTH - 2)
        .initial_indent(&initial)
        .subsequent_indent(&rest);
    format!("{}\n", textwrap::fill(help, opts))
}

/// A diagnostic lent the source code of another (a `Diag` owns its source).
struct WithSource<'a>(&'a Diag, Option<&'a dyn SourceCode>);

impl fmt::Display for WithSource<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.message)
    }
}

impl fmt::Debug for WithSource<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.message)
    }
}

impl std::error::Error for WithSource<'_> {}

impl Diagnostic for WithSource<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.0.code()
    }
    fn severity(&self) -> Option<miette::Severity> {
        self.0.severity()
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.1
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.0.labels()
    }
}

pub fn render(report: &Report, checked: &Checked, color: bool) -> String {
    super::sink::to_string(|w| write(report, checked, color, w))
}

/// Writes the report to `out`, one diagnostic at a time.
pub fn write(
    report: &Report,
    checked: &Checked,
    color: bool,
    w: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let h = handler(color);
    let mut out = Out::new(w);
    rule_counts(report, &mut out);
    findings(report, checked, &h, &mut out);
    input_errors(report, &mut out);
    summary(report, &mut out);
    out.finish()
}

/// The rules with findings or not checked, with their counts: what a
/// reader needs before any single finding.
fn rule_counts(report: &Report, out: &mut Out) {
    let lang = report.lang;
    let shown: Vec<&RuleSummary> = report
        .rules
        .iter()
        .filter(|r| r.status == RuleStatus::NotChecked || !report.violations_of(&r.name).is_empty())
        .collect();
    if shown.is_empty() {
        return;
    }
    let width = shown
        .iter()
        .map(|r| r.name.len())
        .max()
        .unwrap_or(0)
        .max(20);
    let _ = writeln!(out, "{}", t!(lang, "human-findings-by-rule"));
    let _ = writeln!(
        out,
        "  {} {} {} {}  {}",
        pad_display(&t!(lang, "label-rule"), width),
        pad_left(&t!(lang, "label-severity"), 8),
        pad_left(&t!(lang, "label-findings"), 8),
        pad_left(&t!(lang, "label-waived"), 8),
        t!(lang, "label-result")
    );
    for r in shown {
        let mine = report.violations_of(&r.name);
        let waived = mine.iter().filter(|v| v.waiver.is_some()).count();
        let _ = writeln!(
            out,
            "  {} {} {} {}  {}",
            pad_display(&r.name, width),
            pad_left(&severity_word(lang, r.severity), 8),
            pad_left(&(mine.len() - waived).to_string(), 8),
            pad_left(&waived.to_string(), 8),
            super::common::rule_result(lang, r)
        );
    }
    out.push('\n');
}

/// The findings, rule by rule: a rule not checked for want of data is one
/// finding (its cause), then at most `report.view.per_rule` findings of
/// each rule, unwaived first, and how many more there are. Grouped from
/// the violations themselves (sorted by rule), so none can be left out for
/// want of a rule summary.
fn findings(report: &Report, checked: &Checked, h: &GraphicalReportHandler, out: &mut Out) {
    let lang = report.lang;
    let summary = |name: &str| report.rules.iter().find(|r| r.name == name);
    // A rule a typo away is named by the verdict; its findings are its own.
    for r in report.without_data() {
        if report.violations_of(&r.name).is_empty() {
            render_diag(h, &not_checked_diag(report, r, 0), report.lang, out);
            out.push('\n');
        }
    }
    for mine in report.violations.chunk_by(|a, b| a.rule == b.rule) {
        let rule = &mine[0].rule;
        if let Some(r) =
            summary(rule).filter(|r| r.status == RuleStatus::NotChecked && r.lacks_data())
        {
            render_diag(
                h,
                &not_checked_diag(report, r, mine.len()),
                report.lang,
                out,
            );
            out.push('\n');
            if report.view.per_rule.is_some() {
                continue;
            }
        }
        let mut ordered: Vec<&Violation> = mine.iter().collect();
        // stable: report order among the unwaived, then among the waived
        ordered.sort_by_key(|v| v.waiver.is_some());
        let limit = report.view.per_rule.unwrap_or(usize::MAX);
        for v in ordered.iter().take(limit) {
            render_diag(
                h,
                &violation_diag(report, checked, &v.finding()),
                report.lang,
                out,
            );
            out.push('\n');
        }
        if ordered.len() > limit {
            let _ = writeln!(
                out,
                "  {}\n",
                t!(
                    lang,
                    "human-more-findings",
                    count = ordered.len() - limit,
                    rule = &**rule
                )
            );
        }
    }
}

/// One finding for a rule that lacked its data, whatever number of
/// subjects it would have flagged: the cause is the missing source.
fn not_checked_diag(report: &Report, r: &RuleSummary, findings: usize) -> Diag {
    let lang = report.lang;
    let mut help = report.lack_text(
        r,
        lang,
        &|data| t!(lang, "human-not-checked-help", data = data),
        &|data| t!(lang, "human-not-checked-refused-help", data = data),
        &|data| t!(lang, "human-not-checked-empty-help", data = data),
        &|data| t!(lang, "human-not-checked-unmapped-help", data = data),
    );
    if findings > 0 {
        help.push('\n');
        help.push_str(&t!(lang, "human-not-checked-findings", count = findings));
    }
    Diag {
        message: report.lack_text(
            r,
            lang,
            &|data| t!(lang, "human-not-checked", data = data),
            &|data| t!(lang, "human-not-checked-refused", data = data),
            &|data| t!(lang, "human-not-checked-empty", data = data),
            &|data| t!(lang, "human-not-checked-unmapped", data = data),
        ),
        code: Some(r.name.clone()),
        severity: miette::Severity::Warning,
        help: Some(help),
        source: None,
        labels: vec![],
        related: vec![],
    }
}

/// `error`, `warning`, `info` in the report's language.
pub fn severity_word(lang: Lang, s: Severity) -> String {
    match s {
        Severity::Error => t!(lang, "severity-error"),
        Severity::Warning => t!(lang, "severity-warning"),
        Severity::Info => t!(lang, "severity-info"),
    }
}

fn violation_diag(report: &Report, checked: &Checked, v: &Finding) -> Diag {
    let lang = report.lang;
    let mut help = String::new();
    if !v.values.is_empty() {
        let vals: Vec<String> = v
            .values
            .iter()
            .map(|(k, val)| format!("{k} = {}", value_text(lang, val)))
            .collect();
        let _ = writeln!(
            help,
            "{}",
            t!(
                lang,
                "human-values",
                values = vals.join(&t!(lang, "list-comma"))
            )
        );
    }
    if let Some(origins) = super::common::origins_text(report, v) {
        let _ = writeln!(help, "{}", t!(lang, "human-origins", origins = origins));
    }
    if v.outcome == crate::report::model::Outcome::InsufficientEvidence {
        let _ = writeln!(help, "{}", t!(lang, "human-insufficient-evidence"));
    }
    for c in v.cite.iter() {
        let _ = writeln!(help, "{}", t!(lang, "human-cite", cite = c));
    }
    if let Some(hp) = &v.help {
        let _ = writeln!(help, "{hp}");
    }
    if let Some(w) = &v.waiver {
        let by =
            w.by.clone()
                .unwrap_or_else(|| t!(lang, "waiver-no-approver"));
        let _ = writeln!(
            help,
            "{}",
            t!(
                lang,
                "human-waived",
                until = &w.until,
                by = by,
                because = &w.because
            )
        );
    }
    let (source, labels) = match &v.policy {
        Some(p) => {
            let f = checked.sources.get(p.span.file);
            let src: Box<dyn SourceCode> = Box::new(PolicySource::new(&f.path, &f.text));
            (
                Some(src),
                vec![LabeledSpan::new_primary_with_span(
                    Some(t!(lang, "human-clause-failed")),
                    p.span,
                )],
            )
        }
        None => (None, vec![]),
    };
    let mut related = vec![];
    related.extend(data_diag(
        report,
        &v.subject,
        &t!(
            lang,
            "human-subject",
            collection = &v.subject.collection,
            id = &v.subject_id
        ),
    ));
    for e in &v.evidence {
        let what = match &e.id {
            Some(id) => t!(
                lang,
                "human-evidence-id",
                collection = &e.collection,
                id = id
            ),
            None => t!(lang, "human-evidence", collection = &e.collection),
        };
        related.extend(data_diag(report, e, &what));
    }
    // A tag and what follows: a space after `[waived]`, none after a
    // full-width bracket (`【已豁免】R-1003`).
    let spaced = |tag: String| {
        if tag.ends_with('】') {
            tag
        } else {
            tag + " "
        }
    };
    let mut prefix = if v.waiver.is_some() {
        spaced(t!(lang, "human-waived-tag"))
    } else {
        String::new()
    };
    if let Some(b) = v.baseline {
        let tag = match b {
            crate::report::model::BaselineState::New => t!(lang, "human-baseline-new"),
            crate::report::model::BaselineState::Unchanged => t!(lang, "human-baseline-unchanged"),
        };
        prefix = format!("{}{prefix}", spaced(tag));
    }
    Diag {
        message: format!("{prefix}{}", v.message),
        code: Some(v.rule.to_string()),
        severity: if v.waiver.is_some() {
            miette::Severity::Advice
        } else {
            miette_severity(v.severity)
        },
        help: Some(help.trim_end().to_string()).filter(|h| !h.is_empty()),
        source,
        labels,
        related,
    }
}

fn data_diag(report: &Report, loc: &DataLoc, what: &str) -> Option<Diag> {
    let (file, line, offset) = (loc.file?, loc.line?, loc.offset?);
    let input = &report.inputs[file as usize];
    // A sheet row has no line of text in its file (the workbook is a zip),
    // nor has a database row.
    if loc.pii || input.sheet.is_some() || input.row_keys.is_some() {
        // The raw row would print personal information: name the place only.
        return Some(Diag {
            message: t!(
                report.lang,
                "human-at",
                what = what,
                place = super::common::place(report, loc)
            ),
            code: None,
            severity: miette::Severity::Advice,
            help: None,
            source: None,
            labels: vec![],
            related: vec![],
        });
    }
    let src = LineSource::read(&input.abs, &input.path, input.encoding, offset, line)?;
    let len = src.text.len();
    Some(Diag {
        message: what.into(),
        code: None,
        severity: miette::Severity::Advice,
        help: None,
        source: Some(Box::new(src)),
        labels: vec![LabeledSpan::new_with_span(
            Some(format!("{}:{line}", input.path)),
            (0, len),
        )],
        related: vec![],
    })
}

fn value_text(lang: Lang, v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => t!(lang, "value-missing"),
        serde_json::Value::String(s) => format!("\"{s}\""),
        other => other.to_string(),
    }
}

fn input_errors(report: &Report, out: &mut Out) {
    let lang = report.lang;
    // A file not read for an input error is shown once, as that error.
    let not_read: Vec<_> = report
        .not_read
        .iter()
        .filter(|n| {
            let path = n.path.trim_end_matches('/');
            !report
                .input_errors
                .iter()
                .any(|e| e.file.trim_end_matches('/') == path)
        })
        .collect();
    if report.input_errors.is_empty() && report.notes.is_empty() && not_read.is_empty() {
        return;
    }
    let mut per_file: std::collections::BTreeMap<&str, usize> = Default::default();
    for e in &report.input_errors {
        let n = per_file.entry(e.file.as_str()).or_default();
        *n += 1;
        if *n > MAX_INPUT_ERRORS_PER_FILE {
            continue;
        }
        let mut place = e.file.clone();
        if let Some(l) = e.line {
            let _ = write!(place, ":{l}");
            if let Some(c) = e.column {
                let _ = write!(place, ":{c}");
            }
        }
        let field = e
            .field
            .as_ref()
            .map(|f| t!(lang, "human-input-field", field = f));
        let value = e
            .value
            .as_ref()
            .map(|v| t!(lang, "human-input-value", value = v));
        // `file:line:col: field `f` value `v`: message`, or `file:line: message`;
        // in Chinese `file:line:col（字段 `f`，值 `v`）：message`.
        let detail: Vec<String> = field.into_iter().chain(value).collect();
        let at = match detail.is_empty() {
            true => place,
            false => t!(
                lang,
                "human-input-at-detail",
                place = place,
                detail = detail.join(&t!(lang, "human-input-detail-sep"))
            ),
        };
        let line = t!(lang, "human-input-error", at = at, message = &e.message);
        let _ = writeln!(out, "{}{line}", t!(lang, "label-input-error-colon"));
    }
    for (file, n) in per_file
        .into_iter()
        .filter(|(_, n)| *n > MAX_INPUT_ERRORS_PER_FILE)
    {
        let more = t!(
            lang,
            "human-more-input-errors",
            count = n - MAX_INPUT_ERRORS_PER_FILE
        );
        let _ = writeln!(
            out,
            "{}{}",
            t!(lang, "label-input-error-colon"),
            t!(lang, "human-input-error", at = file, message = more)
        );
    }
    for n in &report.notes {
        let _ = writeln!(
            out,
            "{}{}",
            t!(lang, "label-note-colon"),
            t!(
                lang,
                "human-input-error",
                at = &n.file,
                message = &n.message
            )
        );
    }
    // One line per reason: a case's README and notes share one.
    let mut reasons: Vec<(&str, Vec<&str>)> = Vec::new();
    for n in not_read {
        match reasons.iter_mut().find(|(r, _)| *r == n.reason) {
            Some((_, paths)) => paths.push(&n.path),
            None => reasons.push((&n.reason, vec![&n.path])),
        }
    }
    for (reason, paths) in reasons {
        let at = paths.join(&t!(lang, "list-comma"));
        let _ = writeln!(
            out,
            "{}{}",
            t!(lang, "label-not-read-colon"),
            t!(lang, "human-input-error", at = at, message = reason)
        );
    }
    out.push('\n');
}

fn summary(report: &Report, out: &mut Out) {
    let lang = report.lang;
    let s = &report.summary;
    let _ = writeln!(
        out,
        "{}",
        t!(
            lang,
            "human-run",
            version = report.tool_version,
            as_of = &report.as_of,
            zone = &report.time_zone
        )
    );
    let _ = writeln!(
        out,
        "{}",
        t!(
            lang,
            "human-checked",
            rules = s.rules,
            records = s.records,
            events = s.events
        )
    );
    rule_statuses(report, out);
    if let Some(note) = &report.packs_note {
        let _ = writeln!(out, "{}{note}", t!(lang, "label-packs-colon"));
    } else if let Some(by) = report.packs_chosen_by.filter(|_| !default_packs(report)) {
        // The case's own manifest (or the command line) chose other packs
        // than the default ones: a CI log showed only the rule count
        // (hostile review).
        let _ = writeln!(
            out,
            "{}{}",
            t!(lang, "label-packs-colon"),
            chosen_packs(report, by)
        );
    }
    let v = &s.violations;
    let _ = writeln!(
        out,
        "{}",
        t!(
            lang,
            "human-violations",
            error = v.error,
            warning = v.warning,
            info = v.info,
            waived = s.waived,
            input_errors = s.input_errors
        )
    );
    if let Some(b) = &report.baseline {
        let new = report
            .violations
            .iter()
            .filter(|v| v.baseline() == Some(crate::report::model::BaselineState::New))
            .count();
        let _ = writeln!(
            out,
            "{}",
            t!(
                lang,
                "human-baseline",
                file = &b.file,
                new = new,
                unchanged = report.violations.len() - new,
                fixed = b.fixed.len()
            )
        );
        for f in &b.fixed {
            let at = format!("{} {}", f.rule, f.subject_id);
            let _ = writeln!(
                out,
                "  {}{}",
                t!(lang, "label-fixed-colon"),
                t!(lang, "human-input-error", at = at, message = &f.message)
            );
        }
    }
    if !report.complete {
        let _ = writeln!(out, "{}", t!(lang, "human-incomplete"));
    }
    coverage(report, out);
    unchecked_duties(report, out);
    let verdict = report.verdict().words(lang);
    let line = match report.not_checked_text() {
        Some(t) => t!(
            lang,
            "human-verdict-not-checked",
            verdict = verdict,
            not_checked = t
        ),
        None => t!(lang, "human-verdict", verdict = verdict),
    };
    let _ = writeln!(out, "{line}");
}

/// Per pack used, the duties of its laws no rule checks, one a line, when
/// the verdict reads as a pass (`COMPLIANT`, with or without findings):
/// the audit report lists them under what was not checked, and a
/// terminal reader of `COMPLIANT` must not take every rule for every duty
/// either (hostile review h24b F32). Under any other verdict the run is no
/// pass already; the JSON and audit reports list them always.
fn unchecked_duties(report: &Report, out: &mut Out) {
    use crate::report::model::Verdict;
    let lang = report.lang;
    if !matches!(
        report.verdict(),
        Verdict::Compliant | Verdict::CompliantWithFindings
    ) {
        return;
    }
    let duties: Vec<(&String, String)> = (report.packs.iter())
        .flat_map(|p| {
            crate::packs::unchecked_duties(lang, p)
                .into_iter()
                .map(move |d| (p, d))
        })
        .collect();
    if duties.is_empty() {
        return;
    }
    let _ = writeln!(out, "{}", t!(lang, "human-unchecked-duties"));
    for (pack, duty) in duties {
        let _ = writeln!(out, "  {pack}{}{duty}", t!(lang, "label-colon"));
    }
}

/// `rules: 40 passed, 2 violated, 4 not applicable, 1 not checked (no data)`.
fn rule_statuses(report: &Report, out: &mut Out) {
    let count = |status| {
        report
            .rules
            .iter()
            .filter(|r| !r.builtin && r.status == status)
            .count()
    };
    let why = |w| {
        report
            .not_checked()
            .filter(|r| r.not_checked_why() == Some(w))
            .count()
    };
    let mistyped = why(NotCheckedWhy::Unmatched);
    let undecided = why(NotCheckedWhy::Undecided);
    let never_true = why(NotCheckedWhy::NeverTrue);
    let mut line = t!(
        report.lang,
        "human-rule-statuses",
        passed = count(RuleStatus::Passed),
        violated = count(RuleStatus::Violated),
        not_applicable = count(RuleStatus::NotApplicable),
        not_checked = report.without_data().count()
    );
    // Said only when there are some: the line keeps its shape otherwise.
    if mistyped > 0 {
        line += &t!(
            report.lang,
            "human-rule-statuses-unmatched",
            count = mistyped
        );
    }
    if undecided > 0 {
        line += &t!(
            report.lang,
            "human-rule-statuses-undecided",
            count = undecided
        );
    }
    if never_true > 0 {
        line += &t!(
            report.lang,
            "human-rule-statuses-never-true",
            count = never_true
        );
    }
    let _ = writeln!(out, "{line}");
}

/// Files listed per collection before "and N more".
const MAX_FILES_SHOWN: usize = 3;

/// One line per collection the rules read: rows, files, input errors, or
/// that nothing was supplied.
fn coverage(report: &Report, out: &mut Out) {
    if report.coverage.is_empty() {
        return;
    }
    let lang = report.lang;
    let _ = writeln!(out, "\n{}", t!(lang, "human-data-read"));
    for c in &report.coverage {
        let what = if c.supplied() {
            let mut files =
                c.files[..c.files.len().min(MAX_FILES_SHOWN)].join(&t!(lang, "list-comma"));
            if c.files.len() > MAX_FILES_SHOWN {
                let more = t!(
                    lang,
                    "human-more-files",
                    count = c.files.len() - MAX_FILES_SHOWN
                );
                let _ = write!(files, " {more}");
            }
            let errors = match c.input_errors {
                0 => String::new(),
                n => format!(" {}", t!(lang, "human-file-input-errors", count = n)),
            };
            let rows = pad_display(&t!(lang, "human-rows", count = c.rows), 4);
            format!("{:>7} {rows}  {files}{errors}", c.rows)
        } else {
            let lacking: Vec<&str> = report
                .not_checked()
                .filter(|r| r.no_data.contains(&c.collection))
                .map(|r| r.name.as_str())
                .collect();
            if c.mapping_failed() {
                t!(
                    lang,
                    "human-unmapped",
                    files = c.unmapped_files(lang),
                    at = c.unmapped_at(lang),
                    rules = lacking.join(&t!(lang, "list-comma"))
                )
            } else if lacking.is_empty() {
                t!(lang, "human-no-source-unused")
            } else if c.all_refused() {
                t!(
                    lang,
                    "human-rows-refused",
                    files = c.refused.join(&t!(lang, "list-comma")),
                    count = c.input_errors,
                    rules = lacking.join(&t!(lang, "list-comma"))
                )
            } else if c.read_empty() {
                t!(
                    lang,
                    "human-read-empty",
                    files = c.empty.join(&t!(lang, "list-comma")),
                    rules = lacking.join(&t!(lang, "list-comma"))
                )
            } else {
                t!(
                    lang,
                    "human-no-source",
                    rules = lacking.join(&t!(lang, "list-comma"))
                )
            }
        };
        let _ = writeln!(out, "  {} {what}", pad_display(&c.collection, 22));
    }
    out.push('\n');
}

/// Renders policy errors (syntax and type errors) with their spans.
pub fn policy_errors(
    sources: &SourceMap,
    errors: &[PolicyDiagnostic],
    color: bool,
    lang: Lang,
) -> String {
    let h = handler(color);
    let mut out = String::new();
    for e in errors {
        let f = sources.get(e.span.file);
        let mut labels = vec![LabeledSpan::new_primary_with_span(
            Some(e.label.clone()),
            e.span,
        )];
        labels.extend(
            e.related
                .iter()
                .filter(|(s, _)| s.file == e.span.file)
                .map(|(s, l)| LabeledSpan::new_with_span(Some(l.clone()), *s)),
        );
        let related = e
            .related
            .iter()
            .filter(|(s, _)| s.file != e.span.file)
            .map(|(s, l)| {
                let rf = sources.get(s.file);
                Diag {
                    message: l.clone(),
                    code: None,
                    severity: miette::Severity::Advice,
                    help: None,
                    source: Some(Box::new(PolicySource::new(&rf.path, &rf.text))),
                    labels: vec![LabeledSpan::new_with_span(Some(l.clone()), *s)],
                    related: vec![],
                }
            })
            .collect();
        let d = Diag {
            message: e.message.clone(),
            code: Some(e.code.into()),
            severity: miette::Severity::Error,
            help: e.help.clone(),
            source: Some(Box::new(PolicySource::new(&f.path, &f.text))),
            labels,
            related,
        };
        render_diag(&h, &d, lang, &mut out);
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "{}",
        t!(lang, "diag-policy-errors", count = errors.len())
    );
    out
}

/// Renders lint warnings (`custodia validate`) with their spans.
pub fn policy_warnings(
    sources: &SourceMap,
    warnings: &[PolicyDiagnostic],
    color: bool,
    lang: Lang,
) -> String {
    let h = handler(color);
    let mut out = String::new();
    for w in warnings {
        let f = sources.get(w.span.file);
        let d = Diag {
            message: w.message.clone(),
            code: Some(w.code.into()),
            severity: miette::Severity::Warning,
            help: w.help.clone(),
            source: Some(Box::new(PolicySource::new(&f.path, &f.text))),
            labels: vec![LabeledSpan::new_primary_with_span(
                Some(w.label.clone()),
                w.span,
            )],
            related: vec![],
        };
        render_diag(&h, &d, lang, &mut out);
        out.push('\n');
    }
    out
}

/// `text` after spaces up to `columns` terminal columns (numbers, right-aligned).
fn pad_left(text: &str, columns: usize) -> String {
    let width = unicode_width::UnicodeWidthStr::width(text);
    format!("{}{text}", " ".repeat(columns.saturating_sub(width)))
}

/// `text` followed by spaces up to `columns` terminal columns: a collection
/// named in Chinese takes two columns a character, so `{:<22}` misaligns it.
fn pad_display(text: &str, columns: usize) -> String {
    let width = unicode_width::UnicodeWidthStr::width(text);
    format!("{text}{}", " ".repeat(columns.saturating_sub(width)))
}

/// The packs checked are the default `cn/` ones, in any order: a choice
/// that narrows nothing needs no line.
fn default_packs(report: &Report) -> bool {
    let defaults = crate::packs::defaults();
    report.packs.len() == defaults.len()
        && defaults.iter().all(|d| report.packs.iter().any(|p| p == d))
}

/// `cn/tax (chosen by custodia.yaml; not checked: cn/pipl, ...)`: the packs
/// named, and the default `cn/` packs they leave out.
fn chosen_packs(report: &Report, by: &str) -> String {
    let lang = report.lang;
    let comma = t!(lang, "list-comma");
    let packs = match report.packs.is_empty() {
        true => t!(lang, "audit-none"),
        false => report.packs.join(&comma),
    };
    let left_out: Vec<&str> = crate::packs::defaults()
        .into_iter()
        .filter(|d| !report.packs.iter().any(|p| p == d))
        .collect();
    t!(
        lang,
        "human-packs-chosen",
        packs = packs,
        by = by,
        count = left_out.len(),
        left_out = left_out.join(&comma)
    )
}
