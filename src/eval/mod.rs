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
    /// The company object's fields as report values (PII masked), for the
    /// audit report's header; empty when the case has no company.
    pub company: Vec<(String, serde_json::Value)>,
}

/// What the evaluation records beyond violations and counts.
#[derive(Clone, Copy, Debug, Default)]
pub struct EvalOptions {
    /// Keep the id of every subject checked (JUnit lists passes); off by
    /// default because it costs a string per subject per rule.
    pub list_subjects: bool,
}

/// Evaluates every rule and built-in check. Indexes are built once, here.
pub fn evaluate(checked: &Checked, ds: &Dataset, tz: &TimeZone, as_of: Date) -> Evaluation {
    evaluate_with(checked, ds, tz, as_of, EvalOptions::default())
}

pub fn evaluate_with(
    checked: &Checked,
    ds: &Dataset,
    tz: &TimeZone,
    as_of: Date,
    opts: EvalOptions,
) -> Evaluation {
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
        let result = rules::run_rule(&ctx, checked, &plan, opts.list_subjects);
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
            waived_subjects: 0,
            builtin: false,
            subject_collection: Some(checked.schema.collection(rule.subject).name.clone()),
            subject_ids: result
                .subject_rows
                .iter()
                .map(|row| ctx.object_id(rule.subject, *row))
                .collect(),
        });
        violations.extend(result.violations);
    }
    rules.extend(builtin::CHECKS.iter().map(|c| builtin_summary(c)));
    violations.extend(builtin::duplicate_ids(&ctx));
    violations.extend(builtin::dangling_refs(&ctx));
    violations.extend(builtin::future_events(&ctx));
    let waiver_findings = waivers::apply(&ctx, checked, &mut violations);
    violations.extend(waiver_findings);
    Evaluation {
        violations,
        rules,
        company: company_facts(&ctx),
    }
}

fn company_facts(ctx: &Ctx) -> Vec<(String, serde_json::Value)> {
    let Some(coll) = ctx
        .schema
        .ids()
        .find(|c| ctx.schema.collection(*c).kind == crate::check::schema::CollKind::Company)
    else {
        return vec![];
    };
    if ctx.ds.table(coll).is_empty() {
        return vec![];
    }
    let c = ctx.schema.collection(coll);
    c.fields
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let v = ctx.ds.table(coll).get(0, crate::value::FieldId(i as u32));
            (f.name.clone(), ctx.to_json(&v, f.pii))
        })
        .collect()
}

/// A built-in check listed with the rules; its counts are filled in from
/// its violations by `report::build`.
fn builtin_summary(c: &builtin::BuiltinCheck) -> RuleSummary {
    RuleSummary {
        name: c.id.into(),
        kind: c.id.split('.').next().unwrap_or("integrity").into(),
        severity: c.severity,
        title: Some(c.title.into()),
        cite: vec![],
        help: Some(c.help.into()),
        policy: None,
        subjects: 0,
        violated_subjects: 0,
        waived_subjects: 0,
        builtin: true,
        subject_collection: None,
        subject_ids: vec![],
    }
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
