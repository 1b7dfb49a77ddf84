//! Stage 5: the neutral report model and its renderers.

pub mod baseline;
pub mod model;
pub mod render;

use crate::check::schema::CollKind;
use crate::check::Checked;
use crate::data::Dataset;
use crate::eval::Evaluation;
use crate::syntax::ast::Severity;
use std::collections::BTreeSet;

use model::{Counts, Report, RuleSummary, Summary, Violation};

/// Assembles the report: counts, order (rule id, subject id, evidence
/// location), completeness.
pub fn build(
    checked: &Checked,
    ds: Dataset,
    eval: Evaluation,
    as_of: String,
    time_zone: String,
    extra_inputs: Vec<crate::data::InputFile>,
) -> Report {
    let mut violations = eval.violations;
    violations.sort_by(|a, b| {
        (
            a.rule.as_str(),
            a.subject_id.as_str(),
            &a.evidence,
            &a.policy.as_ref().map(|p| (p.line, p.column)),
            &a.message,
        )
            .cmp(&(
                b.rule.as_str(),
                b.subject_id.as_str(),
                &b.evidence,
                &b.policy.as_ref().map(|p| (p.line, p.column)),
                &b.message,
            ))
    });
    let mut counts = Counts::default();
    let mut waived = 0;
    for v in &violations {
        if v.waiver.is_some() {
            waived += 1;
            continue;
        }
        match v.severity {
            Severity::Error => counts.error += 1,
            Severity::Warning => counts.warning += 1,
            Severity::Info => counts.info += 1,
        }
    }
    let rows = |kind: CollKind| -> u64 {
        checked
            .schema
            .ids()
            .filter(|c| checked.schema.collection(*c).kind == kind)
            .map(|c| ds.table(c).len() as u64)
            .sum()
    };
    let summary = Summary {
        rules: checked.rules.len() as u64,
        records: rows(CollKind::Record),
        events: rows(CollKind::Event),
        violations: counts,
        waived,
        input_errors: ds.errors.len() as u64,
    };
    let mut inputs = ds.files;
    inputs.extend(extra_inputs);
    for v in &mut violations {
        let path = v.subject.file.map(|f| inputs[f as usize].path.as_str());
        v.fingerprint = model::fingerprint(v, path);
    }
    let mut rules = eval.rules;
    for r in &mut rules {
        count_subjects(r, &violations);
    }
    Report {
        tool_version: env!("CARGO_PKG_VERSION"),
        as_of,
        time_zone,
        complete: ds.errors.is_empty(),
        inputs,
        summary,
        rules,
        violations,
        input_errors: ds.errors,
        notes: ds.notes,
        baseline: None,
        path_prefix: String::new(),
        company: eval.company,
    }
}

/// Subjects whose violations are all waived, and for built-in checks (which
/// have no `for`) the subjects they found at fault.
fn count_subjects(rule: &mut RuleSummary, violations: &[Violation]) {
    let mine = model::violations_of(violations, &rule.name);
    let mut all = BTreeSet::new();
    let mut waived = BTreeSet::new();
    for v in mine {
        all.insert(v.subject_id.as_str());
        if v.waiver.is_some() {
            waived.insert(v.subject_id.as_str());
        }
    }
    rule.waived_subjects = waived.len() as u64;
    if rule.builtin {
        rule.subjects = all.len() as u64;
        rule.violated_subjects = all.len() as u64;
    }
}
