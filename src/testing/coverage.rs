//! Clause coverage of `custodia test`: for every rule, which of its checks
//! (the `where` of `for`, each `when`, `require`, `match` and `forbid`) some
//! test made both pass and fail, and when not, why.
//!
//! Only tests that `expect` something of a rule count towards its coverage:
//! a clause that merely ran in a test that asserts nothing about its rule is
//! not tested.

use crate::i18n::Lang;
use crate::t;
use std::fmt::Write;

use crate::check::ir::{CheckedClauseKind, CheckedRule};
use crate::check::Checked;
use crate::cli::explain::clause_text;
use crate::eval::trace::{Step, StepResult, SubjectTrace};

/// Longest clause text quoted in the coverage table.
const MAX_CLAUSE_CHARS: usize = 60;

#[derive(Clone, Debug, Default)]
struct Slot {
    reached: bool,
    passed: bool,
    failed: bool,
}

#[derive(Clone, Debug, Default)]
struct RuleCoverage {
    exercised: bool,
    objects: usize,
    /// Slot 0: the `where` of `for`; slot i + 1: clause i.
    slots: Vec<Slot>,
}

pub struct Coverage {
    rules: Vec<RuleCoverage>,
}

/// What kind of check a slot is, for the words of the reasons.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Where,
    When,
    Require,
    Match,
    Forbid,
    Let,
}

fn kinds(rule: &CheckedRule) -> Vec<Kind> {
    let mut out = vec![if rule.filter.is_some() {
        Kind::Where
    } else {
        Kind::Let
    }];
    out.extend(rule.clauses.iter().map(|c| match c.kind {
        CheckedClauseKind::Let { .. } => Kind::Let,
        CheckedClauseKind::When(_) => Kind::When,
        CheckedClauseKind::Require { .. } => Kind::Require,
        CheckedClauseKind::Match { .. } => Kind::Match,
        CheckedClauseKind::Forbid { .. } => Kind::Forbid,
    }));
    out
}

impl Coverage {
    pub fn new(checked: &Checked) -> Self {
        Coverage {
            rules: checked
                .rules
                .iter()
                .map(|r| RuleCoverage {
                    slots: vec![Slot::default(); r.clauses.len() + 1],
                    ..Default::default()
                })
                .collect(),
        }
    }

    /// Records one test's traces of the rule at `index` in `checked.rules`.
    pub fn add(&mut self, index: usize, rule: &CheckedRule, traces: &[SubjectTrace]) {
        let Some(cov) = self.rules.get_mut(index) else {
            return;
        };
        cov.exercised = true;
        cov.objects += traces.len();
        for step in traces.iter().flat_map(|t| &t.steps) {
            let slot = &mut cov.slots[step.clause.map_or(0, |i| i + 1)];
            slot.reached = true;
            // A `where` or `when` that could not be decided was not made to
            // fail: the subject was left out, not found outside it.
            if super::undecided_filter(rule, step) {
                continue;
            }
            match step.passed(rule) {
                Some(true) => slot.passed = true,
                // A clause that could not tell (insufficient evidence) was
                // not made to fail: only a violation shows it failing
                // (hostile review, 2026-12-07).
                Some(false) if !unsure(step) => slot.failed = true,
                _ => {}
            }
        }
    }

    /// (clauses made both to pass and to fail, clauses that count).
    pub fn totals(&self, checked: &Checked) -> (usize, usize) {
        let mut covered = 0;
        let mut total = 0;
        for (cov, rule) in self.rules.iter().zip(&checked.rules) {
            for (slot, kind) in cov.slots.iter().zip(kinds(rule)) {
                if kind != Kind::Let {
                    total += 1;
                    covered += usize::from(slot.passed && slot.failed);
                }
            }
        }
        (covered, total)
    }

    /// The share of clauses covered, in tenths of a percent, rounded
    /// down: 2,999 of 3,000 is 99.9, not a "100.0" that then fails a
    /// threshold of 100. No clause at all covers nothing (0), not all: a
    /// threshold is not met by a set without rules (hostile review,
    /// 2026-12-05).
    pub fn permille(&self, checked: &Checked) -> usize {
        let (covered, total) = self.totals(checked);
        permille(covered, total)
    }

    pub fn percent(&self, checked: &Checked) -> f64 {
        self.permille(checked) as f64 / 10.0
    }

    /// The coverage table: a summary line, then every rule that is not fully
    /// covered with the reason for each clause.
    pub fn render(&self, checked: &Checked, lang: Lang) -> String {
        let (covered, total) = self.totals(checked);
        let percent = format!("{:.1}", self.percent(checked));
        let mut out = t!(
            lang,
            "test-coverage",
            covered = covered,
            total = total,
            percent = percent
        ) + "\n";
        for (cov, rule) in self.rules.iter().zip(&checked.rules) {
            render_rule(checked, rule, cov, lang, &mut out);
        }
        out
    }
}

fn render_rule(
    checked: &Checked,
    rule: &CheckedRule,
    cov: &RuleCoverage,
    lang: Lang,
    out: &mut String,
) {
    let kinds = kinds(rule);
    let counted: Vec<(usize, &Slot)> = cov
        .slots
        .iter()
        .enumerate()
        .filter(|(i, _)| kinds[*i] != Kind::Let)
        .collect();
    let full = counted.iter().filter(|(_, s)| s.passed && s.failed).count();
    if full == counted.len() {
        return;
    }
    let loc = crate::eval::explain::policy_loc(checked, rule.name_span);
    let place = format!("{}:{}", loc.file, loc.line);
    let counts = t!(
        lang,
        "test-coverage-rule",
        full = full,
        total = counted.len()
    );
    let line = t!(
        lang,
        "test-coverage-rule-line",
        rule = rule.name.as_str(),
        place = place,
        counts = counts
    );
    let _ = writeln!(out, "  {line}");
    let coll = &checked.schema.collection(rule.subject).name;
    if !cov.exercised {
        let _ = writeln!(out, "    {}", t!(lang, "test-coverage-no-expect"));
        return;
    }
    if cov.objects == 0 {
        let _ = writeln!(
            out,
            "    {}",
            t!(lang, "test-coverage-no-object", collection = coll)
        );
        return;
    }
    for (i, slot) in counted {
        if slot.passed && slot.failed {
            continue;
        }
        let reason = if !slot.reached {
            unreached(checked, rule, &kinds, &cov.slots, i, lang)
        } else if !slot.passed {
            never_passed(kinds[i], lang)
        } else {
            never_failed(kinds[i], lang)
        };
        let (text, span) = slot_text(checked, rule, i);
        let line = checked.sources.get(span.file).line_col(span.start).0;
        let _ = writeln!(
            out,
            "    {}",
            t!(
                lang,
                "test-coverage-clause",
                line = line,
                text = text,
                reason = reason
            )
        );
    }
}

fn slot_text(
    checked: &Checked,
    rule: &CheckedRule,
    i: usize,
) -> (String, crate::syntax::span::Span) {
    let (text, span) = if i == 0 {
        let span = rule.filter.as_ref().map_or(rule.for_span, |f| f.span);
        (
            format!("where {}", clause_text(checked.sources.snippet(span))),
            span,
        )
    } else {
        let span = rule.clauses[i - 1].span;
        (clause_text(checked.sources.snippet(span)), span)
    };
    let short = if text.chars().count() > MAX_CLAUSE_CHARS {
        text.chars().take(MAX_CLAUSE_CHARS).collect::<String>() + "…"
    } else {
        text
    };
    (short, span)
}

/// Why slot `i` never ran: the nearest earlier gate (`where`, `when`,
/// `match`) that ran but never let a subject through.
fn unreached(
    checked: &Checked,
    rule: &CheckedRule,
    kinds: &[Kind],
    slots: &[Slot],
    i: usize,
    lang: Lang,
) -> String {
    for j in (0..i).rev() {
        let gate = matches!(kinds[j], Kind::Where | Kind::When | Kind::Match);
        if gate && slots[j].reached && !slots[j].passed {
            let what = match kinds[j] {
                Kind::Where => t!(lang, "test-gate-where"),
                Kind::Match => t!(
                    lang,
                    "test-gate-match",
                    line = clause_line(checked, rule, j)
                ),
                _ => t!(lang, "test-gate-when", line = clause_line(checked, rule, j)),
            };
            return t!(lang, "test-never-reached-by", gate = what);
        }
    }
    t!(lang, "test-never-reached")
}

fn clause_line(checked: &Checked, rule: &CheckedRule, slot: usize) -> u32 {
    rule.clauses.get(slot.wrapping_sub(1)).map_or(0, |c| {
        checked.sources.get(c.span.file).line_col(c.span.start).0
    })
}

fn never_passed(kind: Kind, lang: Lang) -> String {
    match kind {
        Kind::Where => t!(lang, "test-never-passed-where"),
        Kind::When => t!(lang, "test-never-passed-when"),
        Kind::Require => t!(lang, "test-never-passed-require"),
        Kind::Match => t!(lang, "test-never-passed-match"),
        Kind::Forbid => t!(lang, "test-never-passed-forbid"),
        Kind::Let => String::new(),
    }
}

fn never_failed(kind: Kind, lang: Lang) -> String {
    match kind {
        Kind::Where => t!(lang, "test-never-failed-where"),
        Kind::When => t!(lang, "test-never-failed-when"),
        Kind::Require => t!(lang, "test-never-failed-require"),
        Kind::Match => t!(lang, "test-never-failed-match"),
        Kind::Forbid => t!(lang, "test-never-failed-forbid"),
        Kind::Let => String::new(),
    }
}

/// Whether a step that failed failed only because something could not be
/// decided: a condition that is unknown, a `match` that found nothing but
/// had candidates it could not decide, a `forbid` that found nothing
/// forbidden but had such candidates. These are the steps of an
/// `insufficient_evidence` finding, not of a violation.
fn unsure(step: &Step) -> bool {
    match &step.result {
        StepResult::NotHeld { unknown } => *unknown,
        StepResult::Found { rows, unknown } => rows.is_empty() && *unknown,
        _ => false,
    }
}

/// `covered` of `total` in tenths of a percent, rounded down; 0 of 0 is 0.
fn permille(covered: usize, total: usize) -> usize {
    (covered * 1000).checked_div(total).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::permille;

    #[test]
    fn coverage_rounds_down_and_nothing_covers_nothing() {
        assert_eq!(permille(2999, 3000), 999, "99.9%, never 100.0%");
        assert_eq!(permille(3000, 3000), 1000);
        assert_eq!(permille(6, 7), 857);
        assert_eq!(permille(0, 0), 0, "no clause is no coverage");
    }
}
