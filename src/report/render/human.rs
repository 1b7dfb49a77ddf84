//! `--format human`: one miette diagnostic per violation, with the failing
//! clause in the policy and the subject's and evidence's lines in the data,
//! the values behind the failure, citation and help; then a summary.

use std::fmt::{self, Write as _};

use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceCode};

use crate::check::{Checked, PolicyDiagnostic};
use crate::report::model::{DataLoc, Report, Violation};
use crate::syntax::ast::Severity;
use crate::syntax::span::SourceMap;

use super::sink::Out;
use super::source::{LineSource, PolicySource};

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
        .with_width(100)
        .with_links(false)
}

fn render_diag(h: &GraphicalReportHandler, d: &Diag, out: &mut dyn fmt::Write) {
    let mut s = String::new();
    if h.render_report(&mut s, d).is_err() {
        s = format!("{}: {}\n", d.code.clone().unwrap_or_default(), d.message);
    }
    let _ = out.write_str(&s);
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
    for v in &report.violations {
        render_diag(&h, &violation_diag(report, checked, v), &mut out);
        out.push('\n');
    }
    input_errors(report, &mut out);
    summary(report, &mut out);
    out.finish()
}

fn violation_diag(report: &Report, checked: &Checked, v: &Violation) -> Diag {
    let mut help = String::new();
    if !v.values.is_empty() {
        let vals: Vec<String> = v
            .values
            .iter()
            .map(|(k, val)| format!("{k} = {}", value_text(val)))
            .collect();
        let _ = writeln!(help, "values: {}", vals.join(", "));
    }
    if v.outcome == crate::report::model::Outcome::InsufficientEvidence {
        let _ = writeln!(
            help,
            "outcome: insufficient evidence (the data says nothing, rather than no)"
        );
    }
    for c in v.cite.iter() {
        let _ = writeln!(help, "cite: {c}");
    }
    if let Some(hp) = &v.help {
        let _ = writeln!(help, "{hp}");
    }
    if let Some(w) = &v.waiver {
        let _ = writeln!(
            help,
            "waived until {} by {}: {}",
            w.until,
            w.by.as_deref().unwrap_or("(no approver named)"),
            w.because
        );
    }
    let (source, labels) = match &v.policy {
        Some(p) => {
            let f = checked.sources.get(p.span.file);
            let src: Box<dyn SourceCode> = Box::new(PolicySource {
                name: f.path.clone(),
                text: f.text.to_string(),
            });
            (
                Some(src),
                vec![LabeledSpan::new_primary_with_span(
                    Some("this clause failed".into()),
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
        &format!("subject: {} `{}`", v.subject.collection, v.subject_id),
    ));
    for e in &v.evidence {
        let what = format!(
            "evidence: {} {}",
            e.collection,
            e.id.as_deref()
                .map(|i| format!("`{i}`"))
                .unwrap_or_default()
        );
        related.extend(data_diag(report, e, what.trim_end()));
    }
    let mut prefix = if v.waiver.is_some() { "[waived] " } else { "" }.to_string();
    if let Some(b) = v.baseline {
        prefix = format!("[{}] {prefix}", b.as_str());
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
    // A sheet row has no line of text in its file (the workbook is a zip).
    if loc.pii || input.sheet.is_some() {
        // The raw row would print personal information: name the place only.
        return Some(Diag {
            message: format!("{what} at {}:{line}", input.path),
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

fn value_text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => "missing".into(),
        serde_json::Value::String(s) => format!("\"{s}\""),
        other => other.to_string(),
    }
}

fn input_errors(report: &Report, out: &mut Out) {
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
            .map(|f| format!(" field `{f}`"))
            .unwrap_or_default();
        let value = e
            .value
            .as_ref()
            .map(|v| format!(" value `{v}`"))
            .unwrap_or_default();
        // `file:line:col: field `f` value `v`: message`, or `file:line: message`.
        let detail = format!("{field}{value}");
        let sep = if detail.is_empty() { "" } else { ":" };
        let _ = writeln!(out, "input error: {place}{sep}{detail}: {}", e.message);
    }
    for (file, n) in per_file
        .into_iter()
        .filter(|(_, n)| *n > MAX_INPUT_ERRORS_PER_FILE)
    {
        let _ = writeln!(
            out,
            "input error: {file}: and {} more (all of them are in --format json)",
            n - MAX_INPUT_ERRORS_PER_FILE
        );
    }
    for n in &report.notes {
        let _ = writeln!(out, "note: {}: {}", n.file, n.message);
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
        let _ = writeln!(out, "not read: {}: {reason}", paths.join(", "));
    }
    out.push('\n');
}

fn summary(report: &Report, out: &mut Out) {
    let s = &report.summary;
    let _ = writeln!(
        out,
        "custodia {} · as of {} · time zone {}",
        report.tool_version, report.as_of, report.time_zone
    );
    let _ = writeln!(
        out,
        "checked {} rules against {} records and {} events",
        s.rules, s.records, s.events
    );
    rule_statuses(report, out);
    if let Some(note) = &report.packs_note {
        let _ = writeln!(out, "packs: {note}");
    }
    let mut kinds: Vec<&str> = report.violations.iter().map(|v| v.kind).collect();
    kinds.sort();
    kinds.dedup();
    if !kinds.is_empty() {
        let _ = writeln!(
            out,
            "\n  {:<14} {:>6} {:>8} {:>6} {:>7}",
            "kind", "error", "warning", "info", "waived"
        );
        for k in kinds {
            let of = |sev: Severity| {
                report
                    .violations
                    .iter()
                    .filter(|v| v.kind == k && v.severity == sev && v.waiver.is_none())
                    .count()
            };
            let waived = report
                .violations
                .iter()
                .filter(|v| v.kind == k && v.waiver.is_some())
                .count();
            let _ = writeln!(
                out,
                "  {:<14} {:>6} {:>8} {:>6} {:>7}",
                k,
                of(Severity::Error),
                of(Severity::Warning),
                of(Severity::Info),
                waived
            );
        }
        out.push('\n');
    }
    let v = &s.violations;
    let _ = writeln!(
        out,
        "violations: {} error, {} warning, {} info; {} waived; {} input errors",
        v.error, v.warning, v.info, s.waived, s.input_errors
    );
    if let Some(b) = &report.baseline {
        let new = report
            .violations
            .iter()
            .filter(|v| v.baseline == Some(crate::report::model::BaselineState::New))
            .count();
        let _ = writeln!(
            out,
            "baseline {}: {new} new, {} unchanged, {} fixed (--fail-on counts new ones only)",
            b.file,
            report.violations.len() - new,
            b.fixed.len()
        );
        for f in &b.fixed {
            let _ = writeln!(out, "  fixed: {} {}: {}", f.rule, f.subject_id, f.message);
        }
    }
    if !report.complete {
        let _ = writeln!(
            out,
            "the check is INCOMPLETE: rows with input errors were left out"
        );
    }
    coverage(report, out);
    let verdict = report.verdict().as_str();
    match report.not_checked_text() {
        Some(t) => writeln!(out, "verdict: {verdict}; {t}"),
        None => writeln!(out, "verdict: {verdict}"),
    }
    .ok();
}

/// `rules: 40 passed, 2 violated, 4 not applicable, 1 not checked (no data)`.
fn rule_statuses(report: &Report, out: &mut Out) {
    use crate::report::model::RuleStatus;
    let count = |status| {
        report
            .rules
            .iter()
            .filter(|r| !r.builtin && r.status == status)
            .count()
    };
    let _ = writeln!(
        out,
        "rules: {} passed, {} violated, {} not applicable, {} not checked (no data)",
        count(RuleStatus::Passed),
        count(RuleStatus::Violated),
        count(RuleStatus::NotApplicable),
        count(RuleStatus::NotChecked)
    );
}

/// Files listed per collection before "and N more".
const MAX_FILES_SHOWN: usize = 3;

/// One line per collection the rules read: rows, files, input errors, or
/// that nothing was supplied.
fn coverage(report: &Report, out: &mut Out) {
    if report.coverage.is_empty() {
        return;
    }
    let _ = writeln!(out, "\ndata read for the rules:");
    for c in &report.coverage {
        let what = if c.supplied() {
            let mut files = c.files[..c.files.len().min(MAX_FILES_SHOWN)].join(", ");
            if c.files.len() > MAX_FILES_SHOWN {
                let _ = write!(files, " and {} more files", c.files.len() - MAX_FILES_SHOWN);
            }
            let errors = match c.input_errors {
                0 => String::new(),
                n => format!(" ({n} input errors)"),
            };
            let rows = if c.rows == 1 { "row " } else { "rows" };
            format!("{:>7} {rows}  {files}{errors}", c.rows)
        } else {
            let lacking: Vec<&str> = report
                .not_checked()
                .filter(|r| r.no_data.contains(&c.collection))
                .map(|r| r.name.as_str())
                .collect();
            if lacking.is_empty() {
                "no source supplied (no rule that reads it had a subject)".to_string()
            } else {
                format!("no source supplied: not checked: {}", lacking.join(", "))
            }
        };
        let _ = writeln!(out, "  {} {what}", pad_display(&c.collection, 22));
    }
    out.push('\n');
}

/// Renders policy errors (syntax and type errors) with their spans.
pub fn policy_errors(sources: &SourceMap, errors: &[PolicyDiagnostic], color: bool) -> String {
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
                    source: Some(Box::new(PolicySource {
                        name: rf.path.clone(),
                        text: rf.text.to_string(),
                    })),
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
            source: Some(Box::new(PolicySource {
                name: f.path.clone(),
                text: f.text.to_string(),
            })),
            labels,
            related,
        };
        render_diag(&h, &d, &mut out);
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "{} error{} in the policy set; nothing was evaluated",
        errors.len(),
        if errors.len() == 1 { "" } else { "s" }
    );
    out
}

/// Renders lint warnings (`custodia validate`) with their spans.
pub fn policy_warnings(sources: &SourceMap, warnings: &[PolicyDiagnostic], color: bool) -> String {
    let h = handler(color);
    let mut out = String::new();
    for w in warnings {
        let f = sources.get(w.span.file);
        let d = Diag {
            message: w.message.clone(),
            code: Some(w.code.into()),
            severity: miette::Severity::Warning,
            help: w.help.clone(),
            source: Some(Box::new(PolicySource {
                name: f.path.clone(),
                text: f.text.to_string(),
            })),
            labels: vec![LabeledSpan::new_primary_with_span(
                Some(w.label.clone()),
                w.span,
            )],
            related: vec![],
        };
        render_diag(&h, &d, &mut out);
        out.push('\n');
    }
    out
}

/// `text` followed by spaces up to `columns` terminal columns: a collection
/// named in Chinese takes two columns a character, so `{:<22}` misaligns it.
fn pad_display(text: &str, columns: usize) -> String {
    let width = unicode_width::UnicodeWidthStr::width(text);
    format!("{text}{}", " ".repeat(columns.saturating_sub(width)))
}
