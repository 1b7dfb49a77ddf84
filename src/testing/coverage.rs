//! Clause coverage of `custodia test`: for every rule, which of its checks
//! (the `where` of `for`, each `when`, `require`, `match` and `forbid`) some
//! test made both pass and fail, and when not, why.
//!
//! Only tests that `expect` something of a rule count towards its coverage:
//! a clause that merely ran in a test that asserts nothing about its rule is
//! not tested.

use std::fmt::Write;

use crate::check::ir::{CheckedClauseKind, CheckedRule};
use crate::check::Checked;
use crate::cli::explain::clause_text;
use crate::eval::trace::SubjectTrace;

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
            match step.passed(rule) {
                Some(true) => slot.passed = true,
                Some(false) => slot.failed = true,
                None => {}
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

    pub fn percent(&self, checked: &Checked) -> f64 {
        let (covered, total) = self.totals(checked);
        if total == 0 {
            100.0
        } else {
            covered as f64 * 100.0 / total as f64
        }
    }

    /// The coverage table: a summary line, then every rule that is not fully
    /// covered with the reason for each clause.
    pub fn render(&self, checked: &Checked) -> String {
        let (covered, total) = self.totals(checked);
        let mut out = format!(
            "coverage: {covered} of {total} clauses made both to pass and to fail ({:.1}%)\n",
            self.percent(checked)
        );
        for (cov, rule) in self.rules.iter().zip(&checked.rules) {
            render_rule(checked, rule, cov, &mut out);
        }
        out
    }
}

fn render_rule(checked: &Checked, rule: &CheckedRule, cov: &RuleCoverage, out: &mut String) {
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
    let _ = writeln!(
        out,
        "  {} ({}:{}): {full} of {}",
        rule.name,
        loc.file,
        loc.line,
        counted.len()
    );
    let coll = &checked.schema.collection(rule.subject).name;
    if !cov.exercised {
        let _ = writeln!(out, "    no test expects anything of this rule");
        return;
    }
    if cov.objects == 0 {
        let _ = writeln!(
            out,
            "    no test that expects something of this rule gives a `{coll}`"
        );
        return;
    }
    for (i, slot) in counted {
        if slot.passed && slot.failed {
            continue;
        }
        let reason = if !slot.reached {
            unreached(checked, rule, &kinds, &cov.slots, i)
        } else if !slot.passed {
            never_passed(kinds[i]).to_string()
        } else {
            never_failed(kinds[i]).to_string()
        };
        let (text, span) = slot_text(checked, rule, i);
        let line = checked.sources.get(span.file).line_col(span.start).0;
        let _ = writeln!(out, "    line {line} `{text}`: {reason}");
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
) -> String {
    for j in (0..i).rev() {
        let gate = matches!(kinds[j], Kind::Where | Kind::When | Kind::Match);
        if gate && slots[j].reached && !slots[j].passed {
            let what = match kinds[j] {
                Kind::Where => "the `where` never held".to_string(),
                Kind::Match => format!(
                    "the `match` on line {} never found an object",
                    clause_line(checked, rule, j)
                ),
                _ => format!(
                    "the `when` on line {} never held",
                    clause_line(checked, rule, j)
                ),
            };
            return format!("never reached: {what}");
        }
    }
    "never reached".into()
}

fn clause_line(checked: &Checked, rule: &CheckedRule, slot: usize) -> u32 {
    rule.clauses.get(slot.wrapping_sub(1)).map_or(0, |c| {
        checked.sources.get(c.span.file).line_col(c.span.start).0
    })
}

fn never_passed(kind: Kind) -> &'static str {
    match kind {
        Kind::Where => "never held: no test gives an object it applies to",
        Kind::When => "never held",
        Kind::Require => "never held: no test makes it pass",
        Kind::Match => "never found an object",
        Kind::Forbid => "always found a forbidden object: no test shows the allowed case",
        Kind::Let => "",
    }
}

fn never_failed(kind: Kind) -> &'static str {
    match kind {
        Kind::Where => "held for every object: no test gives an object it leaves out",
        Kind::When => "always held: no test shows a case it filters out",
        Kind::Require => "never failed: no test makes it fail",
        Kind::Match => "always found an object: no test shows it finding none",
        Kind::Forbid => "never found a forbidden object: no test shows the forbidden case",
        Kind::Let => "",
    }
}
