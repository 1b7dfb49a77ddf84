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

use crate::report::model::{
    BaselineState, Broken, Finding, LeftOut, NotCheckedWhy, Report, RuleSummary,
};
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
}

pub fn render(report: &Report) -> String {
    super::sink::to_string(|w| write(report, w))
}

/// Writes the annotations to `out`. Only the few shown are built: a run
/// with a million violations annotates 30 of them, and building an
/// annotation for each (its message and title copied) held a second copy
/// of every finding (security.md, "Bounded resources").
pub fn write(report: &Report, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    let paths = RepoPaths::new(report);
    let mut out = super::sink::Out::new(w);
    let unchecked = not_checked(report, &paths);
    let notes: Vec<Annotation> = rule_notes(report, &paths).collect();
    let chosen = Chosen::of(report, &unchecked, notes.len());
    for e in report.input_errors.iter().take(chosen.input_errors) {
        let a = input_error(&paths, e, report.lang);
        command(&mut out, a.level, &a.props, &a.message);
    }
    for (a, _) in unchecked.iter().zip(&chosen.unchecked).filter(|(_, k)| **k) {
        command(&mut out, a.level, &a.props, &a.message);
    }
    for i in &chosen.violations {
        let a = violation(report, &paths, &report.violations[*i].finding());
        command(&mut out, a.level, &a.props, &a.message);
    }
    for a in notes.iter().take(chosen.notes) {
        command(&mut out, a.level, &a.props, &a.message);
    }
    if chosen.left_out.iter().any(|n| *n > 0) {
        more_line(&mut out, chosen.left_out, report.lang);
    }
    out.finish()
}

/// Which annotations are shown: the most important of each level within
/// the cap (input errors, then rules not checked, then new violations,
/// then baseline ones, each in report order, then the notes about rules),
/// written in that order; and how many of each level are left out. One
/// notice is kept free when anything is left out, for the line saying so.
struct Chosen {
    /// The first this many input errors (all are errors).
    input_errors: usize,
    /// Per not-checked warning, whether it is shown.
    unchecked: Vec<bool>,
    /// Indexes of the violations shown, ascending.
    violations: Vec<usize>,
    /// The first this many notes about rules (all notices).
    notes: usize,
    left_out: [usize; 3],
}

impl Chosen {
    fn of(report: &Report, unchecked: &[Annotation], notes: usize) -> Chosen {
        // Notes are shown where room is left, and not counted among the
        // findings the last line says are left out: the step summary lists
        // them all.
        let mut totals = [report.input_errors.len(), 0, 0];
        for a in unchecked {
            totals[level_index(a.level)] += 1;
        }
        // The first of each level and rank, counted over every violation
        // but kept only up to the cap: the rest are never built.
        let mut new: [Vec<usize>; 3] = Default::default();
        let mut baseline: Vec<usize> = Vec::new();
        for (i, v) in report.violations.iter().enumerate() {
            if v.waiver.is_some() {
                continue;
            }
            let (level, in_baseline) = violation_level(v, v.baseline());
            let l = level_index(level);
            totals[l] += 1;
            let kept = if in_baseline {
                &mut baseline
            } else {
                &mut new[l]
            };
            if kept.len() < MAX_PER_LEVEL {
                kept.push(i);
            }
        }
        let overflow = totals.iter().any(|n| *n > MAX_PER_LEVEL);
        let caps = [
            MAX_PER_LEVEL,
            MAX_PER_LEVEL,
            MAX_PER_LEVEL - usize::from(overflow),
        ];
        let mut taken = [0usize; 3];
        let input_errors = report.input_errors.len().min(caps[0]);
        taken[0] = input_errors;
        let unchecked = unchecked
            .iter()
            .map(|a| {
                let l = level_index(a.level);
                let shown = taken[l] < caps[l];
                taken[l] += usize::from(shown);
                shown
            })
            .collect();
        let mut violations = Vec::new();
        for (l, kept) in new.iter_mut().enumerate() {
            kept.truncate(caps[l] - taken[l]);
            taken[l] += kept.len();
            violations.extend_from_slice(kept);
        }
        baseline.truncate(caps[2] - taken[2]);
        taken[2] += baseline.len();
        violations.extend(baseline);
        violations.sort_unstable();
        let left_out = [0, 1, 2].map(|l| totals[l] - taken[l]);
        let notes = notes.min(caps[2] - taken[2]);
        Chosen {
            input_errors,
            unchecked,
            violations,
            notes,
            left_out,
        }
    }
}

/// The `file` and `line` of a rule's policy, when it has one in the repo.
fn rule_place(r: &RuleSummary, paths: &RepoPaths) -> Vec<(&'static str, String)> {
    let mut props = Vec::new();
    if let Some(p) = &r.policy {
        if let Some(f) = paths.get(&p.file) {
            props.push(("file", f));
            props.push(("line", p.line.to_string()));
        }
    }
    props
}

/// A warning per rule not checked, for want of data or for a value a typo
/// away (on its policy file when it has one), and one for an empty
/// inventory: the run did not
/// check them, which a green build must not hide. They rank after the
/// input errors and before the violations.
fn not_checked(report: &Report, paths: &RepoPaths) -> Vec<Annotation> {
    let mut out = Vec::new();
    for r in report.not_checked() {
        let mut props = rule_place(r, paths);
        let (lang, rule) = (report.lang, &r.name);
        let title = match r.not_checked_why() {
            Some(NotCheckedWhy::Unmatched) => {
                t!(lang, "github-not-checked-unmatched-title", rule = rule)
            }
            Some(NotCheckedWhy::Undecided) => {
                t!(lang, "github-not-checked-undecided-title", rule = rule)
            }
            Some(NotCheckedWhy::NeverTrue) => {
                t!(lang, "github-not-checked-never-true-title", rule = rule)
            }
            _ => t!(lang, "github-not-checked-title", rule = rule),
        };
        props.push(("title", title));
        let message = report.rule_not_checked_text(r, report.lang);
        out.push(Annotation {
            level: "warning",
            props,
            message,
        });
    }
    for r in report.undecided_findings() {
        let mut props = rule_place(r, paths);
        let (lang, rule) = (report.lang, &r.name);
        props.push(("title", t!(lang, "github-insufficient-title", rule = rule)));
        let count = r.undecided_findings;
        out.push(Annotation {
            level: "warning",
            props,
            message: t!(lang, "report-rule-insufficient", rule = rule, count = count),
        });
    }
    if report.no_records() {
        out.push(Annotation {
            level: "warning",
            props: vec![("title", t!(report.lang, "github-no-records-title"))],
            message: t!(report.lang, "not-checked-no-records"),
        });
    } else if report.nothing_applied() {
        out.push(Annotation {
            level: "warning",
            props: vec![("title", t!(report.lang, "github-nothing-applied-title"))],
            message: t!(report.lang, "not-checked-nothing-applied"),
        });
    }
    // Rows a `skip:` left out, at the `skip:`: the case's own manifest
    // took them out of the check (docs/reports.md).
    // Events dated after `as_of`, at the first of each log.
    for s in &report.skipped {
        // At the log, or at the case's `record` that left the packs out.
        let future = matches!(s.what, LeftOut::FutureEvents(_) | LeftOut::PacksUnfit(_));
        let mut props = Vec::new();
        let file = if future {
            s.file.as_str()
        } else {
            "custodia.yaml"
        };
        if let Some(f) = paths.get(file) {
            props.push(("file", f));
            props.push(("line", s.line.to_string()));
        }
        let title = match s.what {
            LeftOut::Rows(_) | LeftOut::Ignored => "github-skipped-title",
            LeftOut::Packs(_) => "github-packs-left-out-title",
            LeftOut::PacksUnfit(_) => "github-packs-own-schema-title",
            LeftOut::FutureEvents(_) => "github-future-events-title",
        };
        props.push((
            "title",
            crate::i18n::catalogue::text(report.lang, title, &[]),
        ));
        out.push(Annotation {
            level: "warning",
            props,
            message: s.describe(report.lang),
        });
    }
    out
}

/// A notice per note about rules (subjects a `where` or `when` could not
/// decide, a field read as missing in every row): the rules saw less than
/// a clean run suggests (second hostile review, 2026-12-05: annotations
/// and the step summary said nothing of them).
fn rule_notes<'r>(
    report: &'r Report,
    paths: &'r RepoPaths,
) -> impl Iterator<Item = Annotation> + 'r {
    report
        .notes
        .iter()
        .filter(|n| !n.rules.is_empty())
        .map(|n| {
            let mut props = Vec::new();
            if let Some(f) = paths.get(&n.file) {
                props.push(("file", f));
            }
            let rules = n.rules.join(&t!(report.lang, "list-comma"));
            props.push(("title", t!(report.lang, "github-note-title", rules = rules)));
            Annotation {
                level: "notice",
                props,
                message: on_file(paths, &n.file, &n.message),
            }
        })
}

fn level_index(level: &str) -> usize {
    LEVELS.iter().position(|l| *l == level).unwrap_or(2)
}

fn more_line(out: &mut impl std::fmt::Write, left_out: [usize; 3], lang: crate::i18n::Lang) {
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
    Annotation {
        level: "error",
        props,
        message: on_file(paths, &e.file, &e.message),
    }
}

/// The message of an annotation about `file`: as it is when the
/// annotation names the file, else with the file's name in front (a file
/// outside the repository has no `file=` to name it).
fn on_file(paths: &RepoPaths, file: &str, message: &str) -> String {
    match paths.get(file) {
        Some(_) => message.to_string(),
        None => format!("{file}: {message}"),
    }
}

/// A violation's level, and whether it is already in the baseline (then
/// a notice, whatever its severity).
fn violation_level(v: &Broken, baseline: Option<BaselineState>) -> (&'static str, bool) {
    let baseline = baseline == Some(BaselineState::Unchanged);
    let level = match v.severity {
        _ if baseline => "notice",
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    };
    (level, baseline)
}

fn violation(report: &Report, paths: &RepoPaths, v: &Finding) -> Annotation {
    let (level, baseline) = violation_level(v, v.baseline);
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
        title.push_str(&t!(report.lang, "github-title-baseline"));
    }
    props.push(("title", title));
    let mut message = v.message.to_string();
    let lang = report.lang;
    if let Some(p) = &v.policy {
        let clause = format!("{}:{}:{}", p.file, p.line, p.column);
        let _ = write!(message, "\n{}", t!(lang, "test-clause", clause = clause));
    }
    if !v.cite.is_empty() {
        let cite = v.cite.join(&t!(lang, "list-separator"));
        let _ = write!(message, "\n{}", t!(lang, "human-cite", cite = cite));
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
    }
}

/// The Markdown GitHub shows on the run's summary page: the verdict, the
/// counts per rule and where the full reports are.
pub fn step_summary(report: &Report) -> String {
    super::markdown::render_doc(&super::audit::step_summary(report))
}

/// One workflow command. GitHub decodes `%25`, `%0D`, `%0A` in the message,
/// and also `%3A`, `%2C` in property values (where `:` and `,` delimit).
fn command(out: &mut impl std::fmt::Write, level: &str, props: &[(&str, String)], message: &str) {
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
