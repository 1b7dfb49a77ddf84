//! Stage 4: a checked policy set + loaded data -> violations.

pub mod builtin;
pub mod explain;
pub mod expr;
pub mod index;
pub mod rules;
pub mod trace;
pub mod waivers;

use jiff::civil::Date;
use jiff::tz::TimeZone;

use crate::check::ir::{CheckedClauseKind, CheckedRule, Ir, IrKind};
use crate::check::Checked;
use crate::data::Dataset;
use crate::report::model::{RuleSummary, Violation};
use crate::value::{Interner, Value};

use expr::Ctx;

pub struct Evaluation {
    pub violations: Vec<Violation>,
    pub rules: Vec<RuleSummary>,
}

/// Evaluates every rule and built-in check. Indexes are built once, here.
pub fn evaluate(checked: &Checked, ds: &Dataset, tz: &TimeZone, as_of: Date) -> Evaluation {
    let indexes = index::build(ds, &index::needed(checked));
    let ctx = Ctx {
        schema: &checked.schema,
        ds,
        indexes: &indexes,
        tz,
        as_of,
    };
    let mut violations = Vec::new();
    let mut rules = Vec::new();
    for rule in &checked.rules {
        let plan = prepare(rule, &ds.interner);
        let result = rules::run_rule(&ctx, checked, &plan);
        rules.push(RuleSummary {
            name: rule.name.clone(),
            kind: rule.kind.as_str().into(),
            severity: rule.severity,
            title: rule.title.clone(),
            cite: rule.cite.clone(),
            help: rule.help.clone(),
            policy: Some(explain::policy_loc(checked, rule.name_span)),
            subjects: result.subjects,
            violated_subjects: result.violated_subjects,
        });
        violations.extend(result.violations);
    }
    violations.extend(builtin::duplicate_ids(&ctx));
    violations.extend(builtin::dangling_refs(&ctx));
    violations.extend(builtin::future_events(&ctx));
    let waiver_findings = waivers::apply(&ctx, checked, &mut violations);
    violations.extend(waiver_findings);
    Evaluation { violations, rules }
}

/// A copy of the rule tuned for this data: text constants interned (so
/// equality is an integer compare) and constant lists folded.
fn prepare(rule: &CheckedRule, interner: &Interner) -> CheckedRule {
    let mut rule = rule.clone();
    let mut tune = |ir: &mut Ir| tune(ir, interner);
    if let Some(f) = &mut rule.filter {
        f.walk_mut(&mut tune);
    }
    for clause in &mut rule.clauses {
        match &mut clause.kind {
            CheckedClauseKind::Let { value: e, .. }
            | CheckedClauseKind::When(e)
            | CheckedClauseKind::Require { cond: e, .. } => e.walk_mut(&mut tune),
            CheckedClauseKind::Match { join, .. } | CheckedClauseKind::Forbid { join, .. } => {
                join.walk_mut(&mut tune)
            }
        }
    }
    rule
}

fn tune(ir: &mut Ir, interner: &Interner) {
    match &mut ir.kind {
        IrKind::Const(Value::Str(s)) => {
            if let Some(sym) = interner.lookup(s) {
                ir.kind = IrKind::Const(Value::Sym(sym));
            }
        }
        IrKind::List(items) if items.iter().all(|i| matches!(i.kind, IrKind::Const(_))) => {
            let values: Vec<Value> = items
                .iter()
                .map(|i| {
                    if let IrKind::Const(v) = &i.kind {
                        v.clone()
                    } else {
                        Value::Missing
                    }
                })
                .collect();
            ir.kind = IrKind::Const(Value::List(values.into()));
        }
        _ => {}
    }
}
