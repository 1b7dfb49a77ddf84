//! A step-by-step record of one rule's evaluation, for `custodia explain`
//! and for the clause coverage of `custodia test`. It follows the same
//! control flow as `rules::run_rule` (kept separate so the hot path stays
//! free of bookkeeping): `where`, then the clauses in order, a `when` that
//! does not hold or a `match` that finds nothing ends the branch, and the
//! clauses after a `match` run once per matched object.

use crate::check::ir::{CheckedClause, CheckedClauseKind, CheckedRule, Ir};
use crate::check::Checked;
use crate::report::model::ValueSource;
use crate::value::{CollId, Value};

use super::expr::Ctx;

/// The paths and calls a step read, with their values (PII masked).
pub type Values = Vec<(String, serde_json::Value)>;

/// Values and where the mapped ones came from.
type Traced = (Values, Vec<ValueSource>);

/// `values` without the one named `name`, its sources with it.
fn without_value((values, sources): &mut Traced, name: &str) {
    let Some(at) = values.iter().position(|(k, _)| k == name) else {
        return;
    };
    values.remove(at);
    let at = at as u32;
    sources.retain(|s| s.value != at);
    sources
        .iter_mut()
        .filter(|s| s.value > at)
        .for_each(|s| s.value -= 1);
}

/// What one clause (or the `where` of `for`) did for one subject.
#[derive(Clone, Debug)]
pub struct Step {
    /// Index into the rule's clauses; `None` for the `where` of `for`.
    pub clause: Option<usize>,
    pub result: StepResult,
    pub values: Values,
    /// Where values read through a mapping came from (`ValueSource::value`
    /// indexes `values`); empty when no source is mapped.
    pub sources: Vec<ValueSource>,
    /// The objects bound by enclosing `match`es, outermost first.
    pub bound: Vec<(CollId, u32)>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum StepResult {
    /// A condition (`where`, `when`, `require`) that is definitely true.
    Held,
    /// A condition that is false, or unknown (`unknown` = a value was missing).
    NotHeld { unknown: bool },
    /// A `let` and the value it bound (as report text).
    Bound(String),
    /// The objects a `match` or `forbid` found; `unknown` = some candidate's
    /// condition could not be decided.
    Found { rows: Vec<u32>, unknown: bool },
}

impl Step {
    /// Whether the step counts as the clause passing (`Some(true)`), failing
    /// (`Some(false)`), or neither (`let`).
    pub fn passed(&self, rule: &CheckedRule) -> Option<bool> {
        let forbid = self
            .clause
            .and_then(|i| rule.clauses.get(i))
            .is_some_and(|c| matches!(c.kind, CheckedClauseKind::Forbid { .. }));
        match &self.result {
            StepResult::Held => Some(true),
            StepResult::NotHeld { .. } => Some(false),
            StepResult::Bound(_) => None,
            // A `forbid` passes only when no candidate may be forbidden: one
            // whose condition is unknown fails it (`insufficient_evidence`).
            StepResult::Found { rows, unknown } if forbid => Some(rows.is_empty() && !unknown),
            StepResult::Found { rows, .. } => Some(!rows.is_empty()),
        }
    }
}

/// Every step of one rule for one subject.
#[derive(Clone, Debug)]
pub struct SubjectTrace {
    pub row: u32,
    pub steps: Vec<Step>,
    /// Whether a clause that checks something (`require`, `match`,
    /// `forbid`) was reached: one stopped by a `when` before it was not
    /// tested, as `rules::run_rule` counts subjects.
    pub tested: bool,
}

impl SubjectTrace {
    /// Whether the rule tested this object: the `where` of `for` kept it
    /// and no `when` stopped it before its first check.
    pub fn is_subject(&self) -> bool {
        self.tested
            && !self
                .steps
                .iter()
                .any(|s| s.clause.is_none() && s.result != StepResult::Held)
    }
}

/// Traces `rule` for every object of its collection, or only for `rows`.
pub fn trace_rule(
    ctx: &Ctx,
    checked: &Checked,
    rule: &CheckedRule,
    rows: Option<&[u32]>,
) -> Vec<SubjectTrace> {
    let all: Vec<u32> = match rows {
        Some(r) => r.to_vec(),
        None => (0..ctx.ds.table(rule.subject).len()).collect(),
    };
    let mut tracer = Tracer {
        ctx,
        checked,
        pii: &rule.pii_slots,
        lets: ctx.any_mapped_source().then_some(&rule.clauses[..]),
        steps: Vec::new(),
        bound: Vec::new(),
    };
    all.into_iter()
        .map(|row| {
            let mut env = vec![Value::Missing; rule.slots as usize];
            env[rule.subject_slot as usize] = Value::Obj(rule.subject, row);
            tracer.steps.clear();
            if tracer.filter(rule, &mut env) {
                tracer.clauses(&rule.clauses, 0, &mut env);
            }
            let tested = tracer.steps.iter().any(|s| {
                s.clause.and_then(|i| rule.clauses.get(i)).is_some_and(|c| {
                    !matches!(
                        c.kind,
                        CheckedClauseKind::Let { .. } | CheckedClauseKind::When(_)
                    )
                })
            });
            SubjectTrace {
                row,
                steps: std::mem::take(&mut tracer.steps),
                tested,
            }
        })
        .collect()
}

struct Tracer<'a> {
    ctx: &'a Ctx<'a>,
    checked: &'a Checked,
    /// The traced rule's personal slots.
    pii: &'a [crate::check::pii::Mark],
    /// The rule's clauses when values are traced to their sources (some
    /// source is mapped): a `let`'s value came from its expression's.
    lets: Option<&'a [CheckedClause]>,
    steps: Vec<Step>,
    bound: Vec<(CollId, u32)>,
}

impl Tracer<'_> {
    fn record(&mut self, clause: Option<usize>, result: StepResult, values: Traced) {
        self.steps.push(Step {
            clause,
            result,
            values: values.0,
            sources: values.1,
            bound: self.bound.clone(),
        });
    }

    /// The values `ir` reads, and where the mapped ones came from.
    fn values(&self, ir: &Ir, env: &mut [Value], unbound: Option<u16>) -> Traced {
        self.ctx
            .values_and_sources(self.checked, ir, env, unbound, self.pii, self.lets)
    }

    fn condition(&mut self, ir: &Ir, env: &mut [Value]) -> (StepResult, Traced) {
        let values = self.values(ir, env, None);
        let result = match self.ctx.eval(ir, env) {
            Value::Bool(true) => StepResult::Held,
            v => StepResult::NotHeld {
                unknown: v.is_missing(),
            },
        };
        (result, values)
    }

    fn filter(&mut self, rule: &CheckedRule, env: &mut [Value]) -> bool {
        let Some(filter) = &rule.filter else {
            return true;
        };
        let (result, values) = self.condition(filter, env);
        let held = result == StepResult::Held;
        self.record(None, result, values);
        held
    }

    /// `first` is the index of `clauses[0]` in the rule.
    fn clauses(&mut self, clauses: &[CheckedClause], first: usize, env: &mut [Value]) {
        for (i, clause) in clauses.iter().enumerate() {
            let index = Some(first + i);
            match &clause.kind {
                CheckedClauseKind::Let { slot, value } => {
                    let v = self.ctx.eval(value, env);
                    let shown = self
                        .ctx
                        .display(&v, self.ctx.reads_pii(value, self.pii, &v));
                    // The value of the whole expression is the step's result already.
                    let whole = self.checked.sources.snippet(value.span);
                    let whole = whole.split_whitespace().collect::<Vec<_>>().join(" ");
                    let mut values = self.values(value, env, None);
                    without_value(&mut values, &whole);
                    env[*slot as usize] = v;
                    self.record(index, StepResult::Bound(shown), values);
                }
                CheckedClauseKind::When(cond) => {
                    let (result, values) = self.condition(cond, env);
                    let held = result == StepResult::Held;
                    self.record(index, result, values);
                    if !held {
                        return;
                    }
                }
                CheckedClauseKind::Require { cond, .. } => {
                    let (result, values) = self.condition(cond, env);
                    self.record(index, result, values);
                }
                CheckedClauseKind::Match { join, .. } => {
                    let found = self.ctx.join(join, env);
                    let values = join
                        .cond
                        .as_ref()
                        .map(|c| self.values(c, env, Some(join.slot)))
                        .unwrap_or_default();
                    let rows = found.rows.clone();
                    self.record(
                        index,
                        StepResult::Found {
                            rows: found.rows,
                            unknown: found.unknown,
                        },
                        values,
                    );
                    let slot = join.slot as usize;
                    for row in rows {
                        env[slot] = Value::Obj(join.coll, row);
                        self.bound.push((join.coll, row));
                        self.clauses(&clauses[i + 1..], first + i + 1, env);
                        self.bound.pop();
                    }
                    env[slot] = Value::Missing;
                    return;
                }
                CheckedClauseKind::Forbid { join, .. } => {
                    let found = self.ctx.join(join, env);
                    let values = join
                        .cond
                        .as_ref()
                        .map(|c| self.values(c, env, Some(join.slot)))
                        .unwrap_or_default();
                    self.record(
                        index,
                        StepResult::Found {
                            rows: found.rows,
                            unknown: found.unknown,
                        },
                        values,
                    );
                    env[join.slot as usize] = Value::Missing;
                }
            }
        }
    }
}
