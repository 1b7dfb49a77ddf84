//! `--format github`: GitHub Actions workflow commands, one line per
//! violation (`::error file=…,line=…,title=…::message`) and per input error,
//! which GitHub shows as annotations on the files. Waived violations are
//! left out; with `--baseline`, violations already in the baseline are
//! `notice`s so that only new ones show as errors and warnings.

use std::fmt::Write as _;

use crate::report::model::{BaselineState, Report, Violation};
use crate::syntax::ast::Severity;

pub fn render(report: &Report) -> String {
    let mut out = String::new();
    for v in report.violations.iter().filter(|v| v.waiver.is_none()) {
        violation(report, v, &mut out);
    }
    for e in &report.input_errors {
        let mut props = vec![("file", format!("{}{}", report.path_prefix, e.file))];
        if let Some(l) = e.line {
            props.push(("line", l.to_string()));
        }
        if let Some(c) = e.column {
            props.push(("col", c.to_string()));
        }
        props.push(("title", "custodia: input error".into()));
        command(&mut out, "error", &props, &e.message);
    }
    not_checked(report, &mut out);
    out
}

/// A warning per rule not checked for want of data (on its policy file
/// when it has one), and one for an empty inventory: the run did not
/// check them, which a green build must not hide.
fn not_checked(report: &Report, out: &mut String) {
    for r in report.not_checked() {
        let mut props = Vec::new();
        if let Some(p) = &r.policy {
            if !p.file.starts_with(crate::check::BUILTIN_PREFIX) {
                props.push(("file", format!("{}{}", report.path_prefix, p.file)));
                props.push(("line", p.line.to_string()));
            }
        }
        props.push((
            "title",
            format!("custodia {}: not checked (no data)", r.name),
        ));
        let lacking: Vec<String> = r
            .no_data
            .iter()
            .filter_map(|name| report.coverage.iter().find(|c| &c.collection == name))
            .map(|c| c.describe())
            .collect();
        let message = format!(
            "rule {} was not checked: no source was supplied for {}",
            r.name,
            lacking.join(", ")
        );
        command(out, "warning", &props, &message);
    }
    if report.no_records() {
        let props = vec![("title", "custodia: no records".to_string())];
        command(
            out,
            "warning",
            &props,
            "the inventory has no records, so no rule over records checked anything",
        );
    }
}

fn violation(report: &Report, v: &Violation, out: &mut String) {
    let baseline = v.baseline == Some(BaselineState::Unchanged);
    let level = match v.severity {
        _ if baseline => "notice",
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    };
    let mut props = Vec::new();
    // An object without file (a waiver finding) is annotated on its policy.
    match (report.input_path(v.subject.file), &v.policy) {
        (Some(f), _) => {
            props.push(("file", format!("{}{f}", report.path_prefix)));
            if let Some(l) = v.subject.line {
                props.push(("line", l.to_string()));
            }
        }
        (None, Some(p)) => {
            props.push(("file", format!("{}{}", report.path_prefix, p.file)));
            props.push(("line", p.line.to_string()));
            props.push(("col", p.column.to_string()));
        }
        (None, None) => {}
    }
    let mut title = format!("custodia {}: {}", v.rule, v.subject_id);
    if baseline {
        title.push_str(" (baseline)");
    }
    props.push(("title", title));
    let mut message = v.message.clone();
    if let Some(p) = &v.policy {
        let _ = write!(message, "\nclause: {}:{}:{}", p.file, p.line, p.column);
    }
    if !v.cite.is_empty() {
        let _ = write!(message, "\ncite: {}", v.cite.join("; "));
    }
    command(out, level, &props, &message);
}

/// One workflow command. GitHub decodes `%25`, `%0D`, `%0A` in the message,
/// and also `%3A`, `%2C` in property values (where `:` and `,` delimit).
fn command(out: &mut String, level: &str, props: &[(&str, String)], message: &str) {
    let props: Vec<String> = props
        .iter()
        .map(|(k, v)| format!("{k}={}", escape_property(v)))
        .collect();
    let _ = writeln!(
        out,
        "::{level} {}::{}",
        props.join(","),
        escape_data(message)
    );
}

fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_command_values_are_escaped() {
        let mut out = String::new();
        command(
            &mut out,
            "error",
            &[("file", "a,b:c.csv".into()), ("title", "x".into())],
            "100% bad\nnext",
        );
        assert_eq!(
            out,
            "::error file=a%2Cb%3Ac.csv,title=x::100%25 bad%0Anext\n"
        );
    }
}
