//! Stage 5: the neutral report model and its renderers.

pub mod model;
pub mod render;

use crate::check::schema::CollKind;
use crate::check::Checked;
use crate::data::Dataset;
use crate::eval::Evaluation;
use crate::syntax::ast::Severity;
use model::{Counts, Report, Summary};

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
    Report {
        tool_version: env!("CARGO_PKG_VERSION"),
        as_of,
        time_zone,
        complete: ds.errors.is_empty(),
        inputs,
        summary,
        rules: eval.rules,
        violations,
        input_errors: ds.errors,
        notes: ds.notes,
    }
}
