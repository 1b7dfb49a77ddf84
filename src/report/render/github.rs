//! `--format github`: GitHub Actions workflow commands, one line per
//! violation (`::error file=…,line=…,title=…::message`) and per input error,
//! which GitHub shows as annotations on the files. Waived violations are
//! left out; with `--baseline`, violations already in the baseline are
//! `notice`s so that only new ones show as errors and warnings.
//!
//! GitHub shows 10 errors, 10 warnings and 10 notices per step and drops the
//! rest: the most important of each level are emitted within those caps,
//! then one notice says how many more there are and where they are.
//! [`step_summary`] is the Markdown written to `$GITHUB_STEP_SUMMARY`.

use std::fmt::Write as _;

use crate::report::model::{BaselineState, Report, Violation};
use crate::syntax::ast::Severity;
use crate::t;

use super::audit::SUMMARY_FINDINGS;
use super::paths::RepoPaths;

/// Annotations of one level GitHub shows per step.
pub const MAX_PER_LEVEL: usize = 10;

const LEVELS: [&str; 3] = ["error", "warning", "notice"];

/// One annotation before it is written.
struct Annotation {
    level: &'static str,
    props: Vec<(&'static str, String)>,
    message: String,
    /// Lower is shown first within its level: input errors, then new
    /// violations, then baseline ones, each in report order.
    rank: (u8, usize),
}

pub fn render(report: &Report) -> String {
    let paths = RepoPaths::new(report);
    let mut all: Vec<Annotation> = report
        .input_errors
        .iter()
        .enumerate()
        .map(|(i, e)| input_error(&paths, e, i, report.lang))
        .collect();
    all.extend(not_checked(report, &paths));
    for (i, v) in report.violations.iter().enumerate() {
        if v.waiver.is_none() {
            all.push(violation(report, &paths, v, i));
        }
    }
    let (shown, left_out) = within_caps(all);
    let mut out = String::new();
    for a in &shown {
        command(&mut out, a.level, &a.props, &a.message);
    }
    if left_out.iter().any(|n| *n > 0) {
        more_line(&mut out, left_out, report.lang);
    }
    out
}

/// A warning per rule not checked for want of data (on its policy file
/// when it has one), and one for an empty inventory: the run did not
/// check them, which a green build must not hide. They rank after the
/// input errors and before the violations.
fn not_checked(report: &Report, paths: &RepoPaths) -> Vec<Annotation> {
    let first = report.input_errors.len();
    let mut out = Vec::new();
    for r in report.not_checked() {
        let mut props = Vec::new();
        if let Some(p) = &r.policy {
            if let Some(f) = paths.get(&p.file) {
                props.push(("file", f));
                props.push(("line", p.line.to_string()));
            }
        }
        props.push((
            "title",
            t!(report.lang, "github-not-checked-title", rule = &r.name),
        ));
        let message = t!(
            report.lang,
            "report-rule-not-checked",
            rule = &r.name,
            data = report.lacking(r)
        );
        out.push(Annotation {
            level: "warning",
            props,
            message,
            rank: (0, first + out.len()),
        });
    }
    if report.no_records() {
        out.push(Annotation {
            level: "warning",
            props: vec![("title", t!(report.lang, "github-no-records-title"))],
            message: t!(report.lang, "not-checked-no-records"),
            rank: (0, first + out.len()),
        });
    } else if report.nothing_applied() {
        out.push(Annotation {
            level: "warning",
            props: vec![("title", t!(report.lang, "github-nothing-applied-title"))],
            message: t!(report.lang, "not-checked-nothing-applied"),
            rank: (0, first + out.len()),
        });
    }
    out
}

/// The most important annotations of each level within the cap, in the
/// order they were made; and how many of each level are left out. One
/// notice is kept free when anything is left out, for the line saying so.
fn within_caps(mut all: Vec<Annotation>) -> (Vec<Annotation>, [usize; 3]) {
    let count = |level| all.iter().filter(|a| a.level == level).count();
    let totals = LEVELS.map(count);
    let overflow = totals.iter().any(|n| *n > MAX_PER_LEVEL);
    let caps = [
        MAX_PER_LEVEL,
        MAX_PER_LEVEL,
        MAX_PER_LEVEL - usize::from(overflow),
    ];
    let mut order: Vec<usize> = (0..all.len()).collect();
    order.sort_by_key(|&i| all[i].rank);
    let mut taken = [0usize; 3];
    let mut keep = vec![false; all.len()];
    for i in order {
        let l = level_index(all[i].level);
        if taken[l] < caps[l] {
            taken[l] += 1;
            keep[i] = true;
        }
    }
    let mut k = keep.into_iter();
    all.retain(|_| k.next().unwrap_or(false));
    let left_out = [0, 1, 2].map(|l| totals[l] - taken[l]);
    (all, left_out)
}

fn level_index(level: &str) -> usize {
    LEVELS.iter().position(|l| *l == level).unwrap_or(2)
}

fn more_line(out: &mut String, left_out: [usize; 3], lang: crate::i18n::Lang) {
    let total: usize = left_out.iter().sum();
    let parts: Vec<String> = LEVELS
        .iter()
        .zip(left_out)
        .filter(|(_, n)| *n > 0)
        .map(|(l, n)| crate::t!(lang, "github-level-count", count = n, level = *l))
        .collect();
    let message = crate::t!(
        lang,
        "github-more-findings",
        total = total,
        levels = parts.join(&crate::t!(lang, "list-comma")),
        max = MAX_PER_LEVEL,
        summary = SUMMARY_FINDINGS
    );
    let title = crate::t!(lang, "github-more-title", total = total);
    command(out, "notice", &[("title", title)], &message);
}

fn input_error(
    paths: &RepoPaths,
    e: &crate::data::InputError,
    index: usize,
    lang: crate::i18n::Lang,
) -> Annotation {
    let mut props = Vec::new();
    if let Some(f) = paths.get(&e.file) {
        props.push(("file", f));
    }
    if let Some(l) = e.line {
        props.push(("line", l.to_string()));
    }
    if let Some(c) = e.column {
        props.push(("col", c.to_string()));
    }
    props.push(("title", crate::t!(lang, "github-input-error-title")));
    let message = match paths.get(&e.file) {
        Some(_) => e.message.clone(),
        None => format!("{}: {}", e.file, e.message),
    };
    Annotation {
        level: "error",
        props,
        message,
        rank: (0, index),
    }
}

fn violation(report: &Report, paths: &RepoPaths, v: &Violation, index: usize) -> Annotation {
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
            if let Some(f) = paths.get(f) {
                props.push(("file", f));
                if let Some(l) = v.subject.line {
                    props.push(("line", l.to_string()));
                }
            }
        }
        (None, Some(p)) => {
            if let Some(f) = paths.get(&p.file) {
                props.push(("file", f));
                props.push(("line", p.line.to_string()));
                props.push(("col", p.column.to_string()));
            }
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
    if let Some(origins) = super::common::origins_text(report, v) {
        let _ = write!(
            message,
            "\n{}",
            t!(report.lang, "human-origins", origins = origins)
        );
    }
    Annotation {
        level,
        props,
        message,
        rank: (if baseline { 2 } else { 1 }, index),
    }
}

/// The Markdown GitHub shows on the run's summary page: the verdict, the
/// counts per rule and where the full reports are.
pub fn step_summary(report: &Report) -> String {
    super::markdown::render_doc(&super::audit::step_summary(report))
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
