//! Data coverage: which collections the rules read, and for each whether a
//! source was supplied, how many rows were read and how many input errors
//! its files had. A rule that needs a collection nobody supplied is "not
//! checked (no data)", never "passed" (docs/reports.md).

use std::collections::BTreeSet;

use crate::check::ir::{CheckedClauseKind, CheckedRule, IrKind};
use crate::check::schema::{CollKind, Schema};
use crate::check::Checked;
use crate::data::case::CaseInputs;
use crate::data::Dataset;
use crate::value::CollId;

use super::model::{Coverage, MappingFailed, RuleStatus, RuleSummary};

/// The collections a rule reads, in schema order: the subject of its `for`,
/// the targets of its `match`, `forbid`, `count` and `exists`, the
/// collections its refs lead to, and the company when it names a fact.
/// Message holes are left out: they are only read once a clause failed.
pub fn rule_uses(rule: &CheckedRule) -> Vec<CollId> {
    let mut uses: BTreeSet<CollId> = rule_selects(rule).into_iter().collect();
    for clause in &rule.clauses {
        crate::eval::index::clause_irs(&clause.kind)
            .into_iter()
            .for_each(|ir| ir.walk(&mut |ir| read_by(ir, &mut uses)));
    }
    for clause in &rule.clauses {
        if let CheckedClauseKind::Match { join, .. } | CheckedClauseKind::Forbid { join, .. } =
            &clause.kind
        {
            uses.insert(join.coll);
        }
    }
    uses.into_iter().collect()
}

/// The collections that decide a rule's subjects: the `for` collection,
/// what its `where` reads, and what every `when` before the first check
/// reads, with the `let`s those read (a subject is an object that reaches
/// the first `require`, `match` or `forbid`: docs/reports.md). When one of
/// them had no source, "no subject" is not "not applicable": the rule is
/// not checked. The refs followed and the company, when named, count as
/// read like any collection.
pub fn rule_selects(rule: &CheckedRule) -> Vec<CollId> {
    let mut uses = BTreeSet::from([rule.subject]);
    if let Some(f) = &rule.filter {
        f.walk(&mut |ir| read_by(ir, &mut uses));
    }
    let gate = rule
        .clauses
        .iter()
        .take_while(|c| {
            matches!(
                c.kind,
                CheckedClauseKind::Let { .. } | CheckedClauseKind::When(_)
            )
        })
        .collect::<Vec<_>>();
    // Backwards: a `let` is read only after it, so by the time one is
    // reached every `when` (or later `let`) that reads its slot was seen.
    let mut read_slots = BTreeSet::new();
    for clause in gate.into_iter().rev() {
        let read = match &clause.kind {
            CheckedClauseKind::When(cond) => cond,
            CheckedClauseKind::Let { slot, value } if read_slots.contains(slot) => value,
            _ => continue,
        };
        read.walk(&mut |ir| {
            read_by(ir, &mut uses);
            if let IrKind::Var(slot) = ir.kind {
                read_slots.insert(slot);
            }
        });
    }
    uses.into_iter().collect()
}

/// The collection one expression node reads, if any.
fn read_by(ir: &crate::check::ir::Ir, uses: &mut BTreeSet<CollId>) {
    match &ir.kind {
        IrKind::Company(c) => {
            uses.insert(*c);
        }
        IrKind::Deref { target, .. } => {
            uses.insert(*target);
        }
        IrKind::Aggregate(_, join) => {
            uses.insert(join.coll);
        }
        _ => {}
    }
}

fn kind_name(kind: CollKind) -> &'static str {
    match kind {
        CollKind::Record => "record",
        CollKind::Event => "event",
        CollKind::Table => "table",
        CollKind::Company => "company",
    }
}

/// Coverage of every collection some rule reads, in schema order. A
/// collection's sources are the files given for it (the company file, the
/// inventory, a table's file, a log whose name is the event kind and whose
/// rows do not name theirs) and every file a row of it came from (a log
/// with a `kind` column). **Decision:** an event kind none of whose rows
/// appear in a mixed log (one with a `kind` column, whatever its name) has
/// no source: to say "there were none", supply an empty file named after
/// the kind without a `kind` column (`logs/backup.csv` with its header).
pub fn coverage(checked: &Checked, ds: &Dataset, inputs: &CaseInputs) -> Vec<Coverage> {
    let schema = &checked.schema;
    let used: BTreeSet<CollId> = checked.rules.iter().flat_map(rule_uses).collect();
    let sources = sources_of(schema, ds, inputs);
    used.into_iter()
        .map(|c| {
            let coll = schema.collection(c);
            // A file an entry of custodia.yaml reads into this collection,
            // none of whose rows it read for an error in that entry's
            // mapping: given, not read, and no source (its errors are
            // custodia.yaml's, not the file's).
            let unmapped: Vec<MappingFailed> = (ds.files.iter())
                .flat_map(|f| {
                    (f.mapping_failed.iter())
                        .filter(|m| m.collection == coll.name)
                        .map(|m| MappingFailed {
                            file: f.path.clone(),
                            manifest: m.manifest.clone(),
                            line: m.line,
                        })
                })
                .collect();
            let failed = |path: &str| {
                unmapped.iter().any(|m| m.file == path)
                    && ds
                        .table(c)
                        .origins
                        .files()
                        .all(|i| ds.files[i as usize].path != path)
            };
            let files: Vec<String> = sources[c.0 as usize]
                .iter()
                .map(|&f| ds.files[f as usize].path.clone())
                .filter(|p| !failed(p))
                .collect();
            // A log given for the kind (`kind:`) from which no row was
            // read, with input errors: read, every row refused.
            let refused: Vec<String> = match (files.is_empty(), coll.kind) {
                (true, CollKind::Event) => (ds.files.iter())
                    .filter(|f| f.given_for.iter().any(|k| k.trim() == coll.name))
                    .map(|f| f.path.clone())
                    .filter(|p| !failed(p))
                    .filter(|p| ds.errors.iter().any(|e| &e.file == p))
                    .collect(),
                _ => vec![],
            };
            // Given for the kind, read without an error, and no row: a
            // header alone (hostile review h23a M1).
            let empty: Vec<String> = match (files.is_empty(), coll.kind) {
                (true, CollKind::Event) if refused.is_empty() => (ds.files.iter())
                    .filter(|f| f.given_for.iter().any(|k| k.trim() == coll.name))
                    .map(|f| f.path.clone())
                    .filter(|p| !failed(p))
                    .collect(),
                _ => vec![],
            };
            let input_errors = (ds.errors.iter())
                .filter(|e| files.contains(&e.file) || refused.contains(&e.file))
                .count() as u64;
            Coverage {
                collection: coll.name.clone(),
                kind: kind_name(coll.kind),
                files,
                rows: ds.rows(c),
                input_errors,
                refused,
                empty,
                unmapped,
            }
        })
        .collect()
}

/// Per collection, the indexes in `ds.files` of the files that fed it.
fn sources_of(schema: &Schema, ds: &Dataset, inputs: &CaseInputs) -> Vec<BTreeSet<u32>> {
    let mut sources = vec![BTreeSet::new(); schema.collections.len()];
    for (i, f) in ds.files.iter().enumerate() {
        let coll = match f.role {
            "company" => schema.company(),
            "inventory" => schema.record(),
            "table" => inputs
                .tables
                .iter()
                .find(|(_, p)| *p == f.abs)
                .and_then(|(name, _)| schema.lookup(name))
                // A database table's `abs` is the table's name.
                .or_else(|| {
                    (f.path.starts_with("db:") || f.path.starts_with("spark:"))
                        .then(|| schema.lookup(f.abs.to_str()?))?
                }),
            // A log whose rows name their kind is a source only of the
            // kinds its rows were (below), whatever its name.
            "log" if f.rows_name_kind => None,
            "log" => f
                .abs
                .file_stem()
                .and_then(|s| s.to_str())
                .and_then(|stem| schema.lookup(stem))
                .filter(|c| schema.collection(*c).kind == CollKind::Event),
            _ => None,
        };
        if let Some(c) = coll {
            sources[c.0 as usize].insert(i as u32);
        }
    }
    for c in schema.ids() {
        sources[c.0 as usize].extend(ds.table(c).origins.files());
    }
    sources
}

/// Sets each rule's status and the collections it lacked (see
/// [`RuleStatus`] for which status wins); `unwaived`: the rule has a
/// finding that is not waived.
pub fn judge(rule: &mut RuleSummary, coverage: &[Coverage], unwaived: bool) {
    let lacking = |names: &[String]| -> Vec<String> {
        names
            .iter()
            .filter(|u| {
                coverage
                    .iter()
                    .any(|c| &c.collection == *u && !c.supplied())
            })
            .cloned()
            .collect()
    };
    // With no subject, only what selects subjects matters: a rule over
    // important records, when there are none, needs no backup log.
    rule.no_data = if rule.subjects == 0 && !unwaived {
        lacking(&rule.selects)
    } else {
        lacking(&rule.uses)
    };
    // Text no row holds beside a value a typo away: the rule did not test
    // what is written, so nothing it says rests on it, findings or passes
    // (hostile review h16: it read `passed` in every machine format).
    // A `where` or `when` that can never be true: the rule checks nothing,
    // whatever it found before such a `when` (hostile review h23b #11).
    rule.status = if !rule.no_data.is_empty()
        || !rule.unmatched_values.is_empty()
        || rule.never_true.is_some()
    {
        RuleStatus::NotChecked
    } else if unwaived {
        RuleStatus::Violated
    } else if rule.unknown_subjects > 0 {
        // Objects its `where` or `when` could not decide were not checked:
        // without a finding that is no pass, nor "not applicable" when no
        // object was decided (hostile review h16: the rule tables and
        // Appendix D said passed beside a verdict saying not fully checked).
        RuleStatus::NotChecked
    } else if rule.subjects == 0 && !rule.builtin {
        RuleStatus::NotApplicable
    } else {
        RuleStatus::Passed
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::ast::Severity;

    fn rule(subjects: u64, uses: &[&str], selects: &[&str]) -> RuleSummary {
        RuleSummary {
            name: "r".into(),
            kind: "rule".into(),
            severity: Severity::Error,
            title: None,
            cite: vec![],
            help: None,
            policy: None,
            subjects,
            violated_subjects: 0,
            waived_subjects: 0,
            builtin: false,
            subject_collection: Some("record".into()),
            uses: uses.iter().map(|s| s.to_string()).collect(),
            selects: selects.iter().map(|s| s.to_string()).collect(),
            status: RuleStatus::Passed,
            no_data: vec![],
            subject_ids: vec![],
            unknown_subjects: 0,
            undecided_findings: 0,
            unchecked_parts: vec![],
            unmatched_values: vec![],
            never_true: None,
        }
    }

    fn coverage(collection: &str, supplied: bool) -> Coverage {
        Coverage {
            collection: collection.into(),
            kind: "event",
            files: if supplied {
                vec![format!("logs/{collection}.csv")]
            } else {
                vec![]
            },
            rows: 0,
            input_errors: 0,
            refused: vec![],
            empty: vec![],
            unmapped: vec![],
        }
    }

    #[test]
    fn a_rule_without_its_data_is_not_checked_even_with_findings() {
        let cov = [coverage("record", true), coverage("destruction", false)];
        let mut r = rule(3, &["record", "destruction"], &["record"]);
        judge(&mut r, &cov, true);
        assert_eq!(r.status, RuleStatus::NotChecked);
        assert_eq!(r.no_data, ["destruction"]);
        judge(&mut r, &cov, false);
        assert_eq!(r.status, RuleStatus::NotChecked);
    }

    #[test]
    fn a_rule_comparing_with_text_a_typo_away_is_not_checked() {
        let cov = [coverage("record", true)];
        let mut r = rule(2, &["record"], &["record"]);
        r.unmatched_values
            .push(crate::report::model::UnmatchedValue {
                field: "record.status".into(),
                value: "destroyd".into(),
                near: "destroyed".into(),
                rows: 1,
            });
        for unwaived in [false, true] {
            judge(&mut r, &cov, unwaived);
            assert_eq!(r.status, RuleStatus::NotChecked);
            assert!(r.no_data.is_empty());
        }
    }

    #[test]
    fn no_subject_needs_only_what_selects_subjects() {
        let cov = [coverage("record", true), coverage("backup", false)];
        let mut r = rule(0, &["record", "backup"], &["record"]);
        judge(&mut r, &cov, false);
        assert_eq!(r.status, RuleStatus::NotApplicable);
        // A `where` that reads a missing table selects nothing: not checked.
        let mut r = rule(0, &["record", "backup"], &["record", "backup"]);
        judge(&mut r, &cov, false);
        assert_eq!(r.status, RuleStatus::NotChecked);
    }

    #[test]
    fn subjects_without_findings_passed_and_with_findings_violated() {
        let cov = [coverage("record", true)];
        let mut r = rule(2, &["record"], &["record"]);
        judge(&mut r, &cov, false);
        assert_eq!(r.status, RuleStatus::Passed);
        judge(&mut r, &cov, true);
        assert_eq!(r.status, RuleStatus::Violated);
    }

    #[test]
    fn a_rule_uses_its_subject_joins_aggregates_refs_and_the_company() {
        let mut sources = crate::syntax::span::SourceMap::default();
        sources.add(
            "p.policy",
            r#"
schema {
  record { id: id  status: text }
  event access { record: ref record  actor: ref staff }
  event destruction { record: ref record }
  event handover { record: ref record }
  table staff { id: id  role: text }
  company { name: text }
}
rule r {
  for access a where a.actor.role == "archivist"
  require exists(destruction d where d.record == a.record)
  require company.name is set
  forbid handover h on h.record == a.record
}
"#,
        );
        let checked = crate::check::check_sources(sources).expect("the policy checks");
        let names = |ids: Vec<CollId>| -> Vec<String> {
            ids.into_iter()
                .map(|c| checked.schema.collection(c).name.clone())
                .collect()
        };
        let rule = &checked.rules[0];
        let mut uses = names(rule_uses(rule));
        uses.sort();
        assert_eq!(
            uses,
            ["access", "company", "destruction", "handover", "staff"]
        );
        let mut selects = names(rule_selects(rule));
        selects.sort();
        assert_eq!(selects, ["access", "staff"]);
    }

    /// A `when` before the first check decides which objects are subjects,
    /// and so do the `let`s it reads (also through another `let`) and the
    /// refs and company it follows; a `let` only a check reads, and a
    /// `when` after a check, do not.
    #[test]
    fn a_when_before_the_first_check_selects_with_the_lets_it_reads() {
        let mut sources = crate::syntax::span::SourceMap::default();
        sources.add(
            "p.policy",
            r#"
schema {
  record { id: id  status: text  keeper: ref staff? }
  event destruction { record: ref record }
  event handover { record: ref record }
  event backup { record: ref record }
  event access { record: ref record }
  table staff { id: id  role: text }
  table vendor { id: id }
  company { name: text }
}
rule r {
  for record r
  let n = count(destruction d where d.record == r.id)
  let m = n + 1
  let k = count(handover h where h.record == r.id)
  when m > 1 and r.keeper.role == "archivist"
  when company.name is set
  require k > 0
  when exists(backup b where b.record == r.id)
  require exists(access a where a.record == r.id)
}
"#,
        );
        let checked = crate::check::check_sources(sources).expect("the policy checks");
        let rule = &checked.rules[0];
        let mut selects: Vec<String> = rule_selects(rule)
            .into_iter()
            .map(|c| checked.schema.collection(c).name.clone())
            .collect();
        selects.sort();
        assert_eq!(selects, ["company", "destruction", "record", "staff"]);
    }
}
