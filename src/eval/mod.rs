//! Stage 4: a checked policy set + loaded data -> violations.

pub mod builtin;
pub mod explain;
pub mod expr;
pub mod holidays;
pub mod index;
pub mod literals;
pub mod near_duplicates;
pub mod profile;
pub mod reads;
pub mod rules;
pub mod spill;
pub mod trace;
pub mod waiver_clauses;
pub mod waivers;

use jiff::civil::Date;
use jiff::tz::TimeZone;

use crate::check::ir::{CheckedClauseKind, CheckedRule, Ir, IrKind};
use crate::check::Checked;
use crate::data::Dataset;
use crate::report::model::{RuleSummary, Violation};
use crate::value::{Interner, Value};

use std::time::Instant;

use expr::Ctx;
use profile::{Profile, RuleProfile};
use rayon::prelude::*;

pub struct Evaluation {
    /// Read them with [`spill::Found::read_back`], after the data is freed.
    pub violations: spill::Found,
    pub rules: Vec<RuleSummary>,
    /// The company object's fields as report values (PII masked), for the
    /// audit report's header; empty when the case has no company.
    pub company: Vec<(String, serde_json::Value)>,
    /// Notes on subjects a condition could not decide (`unknown_notes`).
    pub notes: Vec<crate::data::Note>,
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
    evaluate_profiled(checked, ds, tz, as_of, opts).0
}

/// `evaluate`, with the time and counts of every phase, rule and index.
pub fn evaluate_profiled(
    checked: &Checked,
    ds: &Dataset,
    tz: &TimeZone,
    as_of: Date,
    opts: EvalOptions,
) -> (Evaluation, Profile) {
    let mut profile = Profile {
        threads: rayon::current_num_threads(),
        ..Profile::default()
    };
    let Indexed {
        mut passes,
        builtins,
        mut rules,
        company,
        notes,
    } = with_indexes(checked, ds, tz, as_of, opts, &mut profile);
    // The violations stay where the tasks left them (some in the spill
    // file) until `report::build` has freed the rows; waivers are applied
    // then, to the whole list.
    let mut held = passes.take_violations();
    held.push(spill::Held::Memory(builtins));
    rules.extend(builtin::CHECKS.iter().map(|c| builtin_summary(c)));
    (
        Evaluation {
            violations: spill::Found::new(held, passes.spill, as_of),
            rules,
            company,
            notes,
        },
        profile,
    )
}

/// What needs the indexes: the rules' passes, the built-in checks, the
/// rules' summaries and the company's facts. The indexes are dropped on
/// return.
fn with_indexes(
    checked: &Checked,
    ds: &Dataset,
    tz: &TimeZone,
    as_of: Date,
    opts: EvalOptions,
    profile: &mut Profile,
) -> Indexed {
    let started = Instant::now();
    let (indexes, index_profiles) = index::build_profiled(
        ds,
        &checked.schema,
        &index::needed_for(checked, ds),
        &index::navigated_refs(checked),
    );
    profile.indexes = index_profiles;
    profile
        .phases
        .push(("profile-phase-indexes", started.elapsed()));
    let started = Instant::now();
    let ctx = Ctx {
        schema: &checked.schema,
        ds,
        indexes: &indexes,
        tz,
        as_of,
    };
    // The built-in checks need nothing of the rules: they fill the pool's
    // idle turns (each check is one task, the rules' tasks are many). Both
    // phases' wall times are counted from the same start.
    let ((passes, rules_took), ((duplicates, (dangling, future)), builtins_took)) = rayon::join(
        || {
            (
                run_passes(&ctx, checked, opts.list_subjects),
                started.elapsed(),
            )
        },
        || {
            let found = rayon::join(
                || builtin::duplicate_ids(&ctx),
                || {
                    rayon::join(
                        || builtin::dangling_refs(&ctx),
                        || builtin::future_events(&ctx),
                    )
                },
            );
            (found, started.elapsed())
        },
    );
    let mut builtins = duplicates;
    builtins.extend(dangling);
    builtins.extend(future);
    profile.phases.push(("profile-phase-rules", rules_took));
    profile
        .phases
        .push(("profile-phase-builtins", builtins_took));
    let mut unmatched = literals::unmatched(checked, ds, &|_| false);
    let rules = checked
        .rules
        .iter()
        .enumerate()
        .map(|(i, rule)| {
            let result = &passes.rules[i];
            profile.rules.push(RuleProfile {
                name: rule.name.clone(),
                time: result.time,
                subjects: result.subjects,
                matches: result.matches,
                violations: passes.violations_of(i),
            });
            let ids = result
                .subject_rows
                .iter()
                .map(|row| ctx.object_id(rule.subject, row))
                .collect();
            let mut summary = rule_summary(
                checked,
                rule,
                result.subjects,
                result.violated_subjects,
                ids,
            );
            summary.unknown_subjects = result.unknown;
            summary.unmatched_values = std::mem::take(&mut unmatched[i]);
            summary
        })
        .collect();
    let notes = unknown_notes(checked, &ctx, &passes.rules);
    Indexed {
        passes,
        builtins,
        rules,
        company: company_facts(&ctx),
        notes,
    }
}

/// A rule's line in the report before waivers and status are applied
/// (`report::build` fills those in): the same for every engine.
pub fn rule_summary(
    checked: &Checked,
    rule: &crate::check::ir::CheckedRule,
    subjects: u64,
    violated_subjects: u64,
    subject_ids: Vec<String>,
) -> RuleSummary {
    let names = |colls: Vec<crate::value::CollId>| -> Vec<String> {
        colls
            .into_iter()
            .map(|c| checked.schema.collection(c).name.clone())
            .collect()
    };
    RuleSummary {
        name: rule.name.clone(),
        kind: rule.kind.as_str().into(),
        severity: rule.severity,
        title: rule.title.clone(),
        cite: rule.cite.clone(),
        help: rule.help.clone(),
        policy: Some(explain::policy_loc(checked, rule.name_span)),
        subjects,
        violated_subjects,
        waived_subjects: 0,
        builtin: false,
        subject_collection: Some(checked.schema.collection(rule.subject).name.clone()),
        uses: names(crate::report::coverage::rule_uses(rule)),
        selects: names(crate::report::coverage::rule_selects(rule)),
        status: Default::default(),
        no_data: vec![],
        subject_ids,
        unknown_subjects: 0,
        undecided_findings: 0,
        unchecked_parts: vec![],
        unmatched_values: vec![],
        never_true: None,
    }
}

/// See [`with_indexes`].
struct Indexed {
    passes: Passes,
    builtins: Vec<Violation>,
    rules: Vec<RuleSummary>,
    company: Vec<(String, serde_json::Value)>,
    notes: Vec<crate::data::Note>,
}

/// One note per rule whose `where` or `when` was unknown for some subjects
/// (a value it needs missing, a ref naming nothing): a condition keeps only
/// what it is sure of (language.md 5.1), so those subjects were not
/// checked, and a check that passed said nothing of them (hostile review,
/// 2026-12-04: a blank `medium` took an unencrypted scan out of
/// `sensitive_electronic_encrypted`, COMPLIANT). The note counts them and
/// names the first, at the rule's place in the policy.
fn unknown_notes(
    checked: &Checked,
    ctx: &Ctx,
    results: &[rules::RuleResult],
) -> Vec<crate::data::Note> {
    checked
        .rules
        .iter()
        .zip(results)
        .filter(|(_, r)| r.unknown > 0)
        .map(|(rule, r)| unknown_note(checked, ctx, rule, r.unknown, &r.unknown_rows))
        .collect()
}

/// The note on a rule's subjects a condition could not decide: how many,
/// and the ids of the first (`rows`, in data order). Made so by both engines.
pub fn unknown_note(
    checked: &Checked,
    ctx: &Ctx,
    rule: &crate::check::ir::CheckedRule,
    unknown: u64,
    rows: &[u32],
) -> crate::data::Note {
    let ids: Vec<String> = rows
        .iter()
        .map(|&row| format!("`{}`", ctx.object_id(rule.subject, row)))
        .collect();
    let place = explain::policy_loc(checked, rule.name_span);
    crate::data::Note {
        file: place.file.to_string(),
        message: crate::msg!(
            "eval-condition-unknown",
            rule = rule.name.as_str(),
            line = place.line,
            count = unknown,
            collection = checked.schema.collection(rule.subject).name.as_str(),
            ids = ids.join(&crate::t!(crate::i18n::message_lang(), "list-comma")),
            more = unknown.saturating_sub(ids.len() as u64)
        )
        .words(),
        rules: vec![rule.name.clone()],
    }
}

/// Subjects listed by id per rule when a report lists passes (JUnit): the
/// first in data order. The others are counted; every violated subject is
/// listed anyway, from its violations.
pub const MAX_LISTED_SUBJECTS: usize = 10_000;

/// Subjects per unit of parallel work: small enough to balance two cores
/// over rules of very different cost, large enough to amortise the setup.
const SUBJECTS_PER_TASK: u32 = 16 * 1024;

/// The result of every rule's pass: counts per rule, and the violations
/// still in the parts that found them, so they are moved once, into the
/// final list.
struct Passes {
    /// Per rule in policy-set order, with its violations left in `parts`.
    rules: Vec<rules::RuleResult>,
    /// The rules of each collection, by index in the policy set.
    groups: Vec<Vec<usize>>,
    /// Per task, in collection and row order: its group, and per rule of
    /// the group its result (violations taken out) and its violations.
    parts: Vec<(usize, Vec<rules::RuleResult>, Vec<spill::Held>)>,
    spill: spill::Spill,
}

impl Passes {
    fn violations_of(&self, rule: usize) -> u64 {
        let (g, k) = self.member(rule);
        self.parts
            .iter()
            .filter(|(pg, _, _)| *pg == g)
            .map(|(_, _, held)| held[k].len() as u64)
            .sum()
    }

    /// A rule's group and its position there.
    fn member(&self, rule: usize) -> (usize, usize) {
        self.groups
            .iter()
            .enumerate()
            .find_map(|(g, members)| Some((g, members.iter().position(|&i| i == rule)?)))
            .unwrap_or_default()
    }

    /// Every rule's violations in policy-set and row order.
    fn take_violations(&mut self) -> Vec<spill::Held> {
        let mut all = Vec::new();
        for rule in 0..self.rules.len() {
            let (g, k) = self.member(rule);
            for (_, _, held) in self.parts.iter_mut().filter(|(pg, _, _)| *pg == g) {
                let empty = spill::Held::Memory(Vec::new());
                all.push(std::mem::replace(&mut held[k], empty));
            }
        }
        all
    }
}

/// Every rule, in one pass per collection: the rules whose `for` ranges over
/// the same collection visit its subjects together (`rules::run_rules_on`).
/// Each collection is cut into ranges evaluated in parallel and joined in
/// row order, so each rule's result is the one a single thread would
/// produce.
fn run_passes(ctx: &Ctx, checked: &Checked, list_subjects: bool) -> Passes {
    let plans: Vec<CheckedRule> = checked
        .rules
        .iter()
        .map(|rule| prepare(rule, &ctx.ds.interner))
        .collect();
    let mut groups: Vec<(crate::value::CollId, Vec<usize>)> = Vec::new();
    for (i, rule) in plans.iter().enumerate() {
        match groups.iter_mut().find(|(coll, _)| *coll == rule.subject) {
            Some((_, members)) => members.push(i),
            None => groups.push((rule.subject, vec![i])),
        }
    }
    let tasks: Vec<(usize, std::ops::Range<u32>)> = groups
        .iter()
        .enumerate()
        .flat_map(|(g, (coll, _))| {
            let n = ctx.ds.table(*coll).len();
            (0..n)
                .step_by(SUBJECTS_PER_TASK as usize)
                .map(move |start| (g, start..(start + SUBJECTS_PER_TASK).min(n)))
        })
        .collect();
    let spill = spill::Spill::default();
    let parts: Vec<_> = tasks
        .into_par_iter()
        .map(|(g, range)| {
            let members: Vec<&CheckedRule> = groups[g].1.iter().map(|&i| &plans[i]).collect();
            let mut results = rules::run_rules_on(ctx, checked, &members, range, list_subjects);
            let held = results
                .iter_mut()
                .map(|r| spill.hold(std::mem::take(&mut r.violations)))
                .collect();
            (g, results, held)
        })
        .collect();
    let mut wholes: Vec<rules::RuleResult> = plans.iter().map(|_| Default::default()).collect();
    for (g, results, _) in &parts {
        for (&i, part) in groups[*g].1.iter().zip(results) {
            let whole = &mut wholes[i];
            whole.subjects += part.subjects;
            whole.violated_subjects += part.violated_subjects;
            whole.matches += part.matches;
            whole.time += part.time;
            whole.unknown += part.unknown;
            let room = rules::MAX_UNKNOWN_ROWS.saturating_sub(whole.unknown_rows.len());
            whole
                .unknown_rows
                .extend(part.unknown_rows.iter().take(room));
            let room = MAX_LISTED_SUBJECTS.saturating_sub(whole.subject_rows.len());
            for row in part.subject_rows.iter().take(room) {
                whole.subject_rows.push(row);
            }
        }
    }
    Passes {
        rules: wholes,
        groups: groups.into_iter().map(|(_, members)| members).collect(),
        parts,
        spill,
    }
}

pub fn company_facts(ctx: &Ctx) -> Vec<(String, serde_json::Value)> {
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
            (f.name.clone(), fact_label(f, ctx.to_json(&v, f.pii)))
        })
        .collect()
}

/// An enum fact as the schema labels its code in the run's language
/// (`ordinary` is 普通注销 in Chinese), for an auditor reading the audit
/// report's header; the code where no label is written for the language.
fn fact_label(f: &crate::check::schema::Field, v: serde_json::Value) -> serde_json::Value {
    let serde_json::Value::String(code) = &v else {
        return v;
    };
    let lang = crate::i18n::message_lang();
    match f.labels.get(code).and_then(|l| l.written_for(lang)) {
        Some(label) => serde_json::Value::String(label.clone()),
        None => v,
    }
}

/// A built-in check listed with the rules; its counts are filled in from
/// its violations by `report::build`.
pub fn builtin_summary(c: &builtin::BuiltinCheck) -> RuleSummary {
    RuleSummary {
        name: c.id.into(),
        kind: c.id.split('.').next().unwrap_or("integrity").into(),
        severity: c.severity,
        title: Some(c.title()),
        cite: vec![],
        help: Some(c.help()),
        policy: None,
        subjects: 0,
        violated_subjects: 0,
        waived_subjects: 0,
        builtin: true,
        subject_collection: None,
        uses: vec![],
        selects: vec![],
        status: Default::default(),
        no_data: vec![],
        subject_ids: vec![],
        unknown_subjects: 0,
        undecided_findings: 0,
        unchecked_parts: vec![],
        unmatched_values: vec![],
        never_true: None,
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
