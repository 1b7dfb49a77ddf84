//! Stage 5: the neutral report model and its renderers.

pub mod baseline;
pub mod compact;
pub mod coverage;
pub mod model;
pub(crate) mod origins;
pub mod render;

use crate::check::schema::CollKind;
use crate::check::Checked;
use crate::data::Dataset;
use crate::eval::Evaluation;
use crate::syntax::ast::Severity;

use model::{Counts, Report, RuleSummary, Summary, Violation};
use rayon::prelude::*;

/// What a report says beyond the evaluation: the run's settings and what
/// was read.
pub struct Context {
    pub as_of: String,
    pub time_zone: String,
    /// Policy files, listed after the data files.
    pub policy_files: Vec<crate::data::InputFile>,
    /// See [`coverage::coverage`]; computed before the rows are freed.
    pub coverage: Vec<model::Coverage>,
    pub packs: crate::packs::PackChoice,
    /// Per rule of the case's own policies, a `where` or `when` of it that
    /// can never be true (`app::rules_never_true`).
    pub never_true: Vec<(String, model::NeverTrue)>,
}

/// Assembles the report: counts, order (rule id, subject id, evidence
/// location), completeness, each rule's status. Fails only when violations
/// held in the spill file cannot be read back (`eval::spill`).
pub fn build(
    checked: &Checked,
    mut ds: Dataset,
    eval: Evaluation,
    cx: Context,
) -> std::io::Result<Report> {
    let Context {
        as_of,
        time_zone,
        policy_files: extra_inputs,
        coverage,
        packs,
        never_true,
    } = cx;
    let rows = |kind| ds.rows_of_kind(&checked.schema, kind);
    let (records, events) = (rows(CollKind::Record), rows(CollKind::Event));
    // The rows are no longer needed: free them before the violations are
    // sorted and fingerprinted, so that the data and those never peak together.
    drop(std::mem::take(&mut ds.tables));
    drop(std::mem::take(&mut ds.interner));
    crate::freed_memory::release();
    let mut violations = eval.violations.read_back(checked, &ds.files)?;
    sort_violations(&mut violations);
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
    let summary = Summary {
        rules: checked.rules.len() as u64,
        records,
        events,
        violations: counts,
        waived,
        input_errors: ds.errors.len() as u64,
    };
    let mut inputs = ds.files;
    inputs.extend(extra_inputs);
    // Each fingerprint is a digest of its violation alone: on the pool.
    violations.par_iter_mut().for_each(|v| {
        let path = v.subject().file.map(|f| inputs[f as usize].path.as_str());
        let fp = model::fingerprint(v, path);
        v.set_fingerprint(fp);
    });
    let originals = origins::read_back(&inputs, &violations);
    let mut rules = eval.rules;
    for (name, n) in never_true {
        // The first such condition of a rule is the one said.
        if let Some(r) = rules
            .iter_mut()
            .find(|r| r.name == name && r.never_true.is_none())
        {
            r.never_true = Some(n);
        }
    }
    for r in &mut rules {
        if let Some(c) = checked.rules.iter().find(|c| c.name == r.name) {
            r.unchecked_parts = (c.tags.iter())
                .filter_map(|t| model::UncheckedPart::from_tag(t))
                .collect();
        }
        count_subjects(r, &violations);
        let unwaived = model::violations_of(&violations, &r.name)
            .iter()
            .any(|v| v.waiver.is_none());
        coverage::judge(r, &coverage, unwaived);
    }
    let mut skipped = model::Skipped::from_notes(&ds.notes);
    skipped.extend(model::Skipped::from_not_read(&ds.not_read));
    // Events dated after `as_of` went through the rules, yet had not
    // happened on that day: the run cannot be COMPLIANT (the
    // `future_event_counts` hostile case).
    skipped.extend(model::Skipped::future_events(&violations, &inputs));
    Ok(Report {
        tool_version: env!("CARGO_PKG_VERSION"),
        as_of,
        time_zone,
        complete: ds.errors.is_empty(),
        inputs,
        summary,
        rules,
        violations,
        input_errors: ds.errors,
        skipped,
        packs_chosen_by: None,
        packs_left_out: Vec::new(),
        packs_unfit_schema: None,
        notes: {
            let mut notes = ds.notes;
            notes.extend(eval.notes);
            notes.sort();
            notes
        },
        not_read: ds.not_read,
        baseline: None,
        roots: model::Roots::default(),
        fail_on: Some(Severity::Error),
        not_checked_accepted: false,
        company: eval.company,
        company_personal: company_personal(checked),
        coverage,
        packs: packs.packs,
        // English until the report's language is set (`app::run_check`).
        packs_note: packs.note.as_ref().map(|m| m.text(crate::i18n::Lang::En)),
        lang: crate::i18n::Lang::En,
        view: model::View::default(),
        originals,
    })
}

/// Orders violations by rule id, subject id, evidence, clause place and
/// message, stably, reading each in place ([`Violation`]): the evidence,
/// behind the subject id, is read only when the subjects are the same.
fn sort_violations(violations: &mut [Violation]) {
    let place = |v: &Violation| v.policy.as_ref().map(|p| (p.line, p.column));
    // Sequential: rayon's merge sort takes a buffer of half the list,
    // which raised the every-row case's peak by 13 MiB, over its input.
    violations.sort_by(|a, b| {
        (&*a.rule, a.subject_id())
            .cmp(&(&*b.rule, b.subject_id()))
            .then_with(|| a.evidence().cmp(b.evidence()))
            .then_with(|| place(a).cmp(&place(b)))
            .then_with(|| a.message().cmp(b.message()))
    });
}

/// Subjects whose violations are all waived, and for built-in checks (which
/// have no `for`) the subjects they found at fault.
fn count_subjects(rule: &mut RuleSummary, violations: &[Violation]) {
    // Sorted by rule, then subject id: a subject's violations are one run,
    // so no set of a million ids is built (35 MiB at a rule failing every
    // record of a million).
    let (mut all, mut waived, mut undecided) = (0u64, 0u64, 0u64);
    for subject in model::violations_of(violations, &rule.name)
        .chunk_by(|a, b| a.subject_id() == b.subject_id())
    {
        all += 1;
        // A built-in check raises some findings to errors (a dangling ref
        // that differs from an id only in case): its line in the rule
        // table shows the highest, or it read "warning" beside the run's
        // only error (hostile review, 2026-12-07).
        if rule.builtin {
            let highest = subject.iter().map(|v| v.severity).max();
            rule.severity = rule.severity.max(highest.unwrap_or(rule.severity));
        }
        // A subject with one violation waived by fingerprint and another
        // not is violated, not waived: counted so, the report's tables
        // showed 0 violated subjects beside a violated rule.
        if subject.iter().all(|v| v.waiver.is_some()) {
            waived += 1;
        }
        // A finding of insufficient evidence is a subject the rule could
        // not decide: not checked (h24b F10). A waived one was accepted by
        // someone who signed for it, as any waived finding is.
        undecided += (subject.iter())
            .filter(|v| v.waiver.is_none() && v.outcome() == model::Outcome::InsufficientEvidence)
            .count() as u64;
    }
    rule.waived_subjects = waived;
    rule.undecided_findings = undecided;
    if rule.builtin {
        rule.subjects = all;
        rule.violated_subjects = all;
    }
}

/// The company's facts declared `pii` (`Report::company_personal`).
fn company_personal(checked: &Checked) -> Vec<String> {
    let Some(company) = checked.schema.company() else {
        return vec![];
    };
    let fields = &checked.schema.collection(company).fields;
    fields
        .iter()
        .filter(|f| f.pii)
        .map(|f| f.name.clone())
        .collect()
}
