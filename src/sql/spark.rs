//! `custodia check --engine spark`: stages the case, compiles the policy
//! set, runs the script through `spark-submit` with the driver that ships
//! in the binary, and turns its rows into the report model, so every
//! format, baseline, waiver and exit code works unchanged.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use jiff::civil::Date;
use jiff::tz::TimeZone;

use std::collections::HashMap;

use crate::check::ir::CheckedClauseKind;
use crate::check::schema::FieldType;
use crate::check::Checked;
use crate::data::case::CaseInputs;
use crate::data::{Dataset, InputFile, RowOrigin};
use crate::eval::expr::Ctx;
use crate::eval::{builtin, Evaluation};
use crate::i18n::Msg;
use crate::msg;
use crate::report::model::{Broken, Finding, Outcome, RuleSummary, Violation};
use crate::syntax::span::Span;
use crate::value::{CollId, FieldId};

/// The driver `spark-submit` runs.
pub const DRIVER: &str = include_str!("driver.py");

/// Where and how to run.
#[derive(Clone, Debug, Default)]
pub struct SparkOptions {
    /// `local[N]`, `spark://host:port`, `yarn`, ...
    pub master: String,
    /// `--spark-conf k=v`, passed as `--conf k=v`.
    pub conf: Vec<(String, String)>,
}

/// One row of the script's result.
#[derive(serde::Deserialize)]
struct Row {
    rule: i64,
    clause: i64,
    rows: Vec<i64>,
    outcome: String,
    message: Option<String>,
    /// `{"v": value}` per value the clause shows (`Layout::values`).
    vals: Option<Vec<String>>,
}

/// `spark-submit`: `$CUSTODIA_SPARK_SUBMIT`, else `$SPARK_HOME/bin/spark-submit`,
/// else the one on `PATH`.
fn spark_submit() -> PathBuf {
    if let Some(p) = std::env::var_os("CUSTODIA_SPARK_SUBMIT") {
        return p.into();
    }
    if let Some(home) = std::env::var_os("SPARK_HOME") {
        return Path::new(&home).join("bin").join("spark-submit");
    }
    "spark-submit".into()
}

/// What a Spark check reads besides the policy set and the staged data.
pub struct Inputs<'a> {
    /// The case: its `spark:` sources are read in place.
    pub case: &'a CaseInputs,
    pub tz: &'a TimeZone,
    pub tz_name: &'a str,
    pub as_of: Date,
}

/// Evaluates every rule on Spark; the built-in checks and waivers are
/// applied to the result as the native engine applies them (the built-in
/// checks of collections read in place come from Spark). The rows read in
/// place that a finding names are added to `ds`, so that the report
/// places and names them as natively.
pub fn evaluate(
    checked: &Checked,
    ds: &mut Dataset,
    inputs: &Inputs,
    opts: &SparkOptions,
) -> Result<Evaluation, String> {
    let parts = super::inplace::resolve(inputs.case, &checked.schema)?;
    let compiled = super::compile_in_place(checked, inputs.tz_name, inputs.as_of, &parts)
        .map_err(|e| format!("{e}\n"))?;
    let dir = TempDir::new().map_err(|e| spark_error("spark-no-temp-dir", Some((&e).into())))?;
    let stage = dir.path().join("stage");
    super::stage::write(checked, ds, &stage)
        .map_err(|e| spark_error("spark-cannot-stage", Some((&e).into())))?;
    let script = dir.path().join("policy.sql");
    let driver = dir.path().join("custodia_driver.py");
    let out = dir.path().join("violations.jsonl");
    let io = |e: std::io::Error| spark_error("spark-cannot-write-job", Some((&e).into()));
    std::fs::write(&script, &compiled.sql).map_err(io)?;
    std::fs::write(&driver, DRIVER).map_err(io)?;
    let rows = run(opts, &driver, &script, &stage, &out)
        .map_err(|failed| failure(checked, &parts, opts, &failed))?;
    collect(checked, ds, inputs, &parts, &compiled.layout, rows)
}

/// The settings custodia passes, its own first, then the user's (which
/// override them): `--conf k=v` each.
fn settings(opts: &SparkOptions) -> Vec<(String, String)> {
    let own = [
        // Small by default: the driver only collects violations.
        ("spark.driver.memory", "512m"),
        ("spark.ui.enabled", "false"),
        // A case's steps are many small joins: 200 shuffle partitions
        // (Spark's default) would make each a few hundred empty tasks.
        ("spark.sql.shuffle.partitions", "4"),
    ];
    let own = own.iter().map(|(k, v)| (k.to_string(), v.to_string()));
    own.chain(opts.conf.iter().cloned()).collect()
}

fn run(
    opts: &SparkOptions,
    driver: &Path,
    script: &Path,
    stage: &Path,
    out: &Path,
) -> Result<Vec<Row>, Failure> {
    let submit = spark_submit();
    let mut cmd = Command::new(&submit);
    cmd.arg("--master").arg(&opts.master);
    for (k, v) in settings(opts) {
        cmd.arg("--conf").arg(format!("{k}={v}"));
    }
    cmd.arg(driver).arg(script).arg(stage).arg(out);
    let waiting = || {
        let said = super::joblog::waiting(crate::i18n::message_lang(), &opts.master);
        eprint!("{}", crate::text::terminal_safe(&said));
    };
    let (status, log) = super::joblog::run(&mut cmd, &waiting).map_err(|e| {
        Failure::Said(
            crate::t!(
                crate::i18n::message_lang(),
                "spark-cannot-run",
                program = submit.display().to_string(),
                error = &e
            ) + "\n",
        )
    })?;
    if !status.success() {
        return Err(Failure::Job {
            status,
            log: Box::new(log),
        });
    }
    read_rows(out).map_err(Failure::Said)
}

/// Why a run gave no rows.
enum Failure {
    /// `spark-submit` failed: its exit status and what was kept of its log.
    Job {
        status: std::process::ExitStatus,
        log: Box<super::joblog::JobLog>,
    },
    /// Already said, in the run's language.
    Said(String),
}

/// A failed run in the run's language: an error the script raised
/// ([`super::joblog::raised_error`]) when the log holds one, else the
/// status, the causes recognised in the log with what to do, and its last
/// lines ([`super::joblog::failed`]).
fn failure(
    checked: &Checked,
    parts: &[super::inplace::Part],
    opts: &SparkOptions,
    failed: &Failure,
) -> String {
    let (status, log) = match failed {
        Failure::Said(text) => return text.clone(),
        Failure::Job { status, log } => (*status, log),
    };
    let lang = crate::i18n::message_lang();
    if let Some(reason) =
        (log.raised.as_deref()).and_then(|l| super::joblog::raised_error(checked, parts, l))
    {
        return crate::t!(lang, "spark-run-failed", reason = reason) + "\n";
    }
    let conf = settings(opts);
    let job = super::diagnose::Job {
        master: &opts.master,
        conf: &conf,
        parts,
    };
    super::joblog::failed(lang, status, log, &job)
}

/// `error: …` of a Spark run in the run's message language, with the
/// system's reason when there is one.
fn spark_error(id: &'static str, reason: Option<crate::i18n::Arg>) -> String {
    let lang = crate::i18n::message_lang();
    let text = match reason {
        Some(r) => crate::i18n::catalogue::text(lang, id, &[("error", r)]),
        None => crate::i18n::catalogue::text(lang, id, &[]),
    };
    text + "\n"
}

/// The driver's rows; the count it wrote last must match, so a job cut off
/// mid-write is an error, never a shorter list of violations.
fn read_rows(out: &Path) -> Result<Vec<Row>, String> {
    let done = std::fs::read_to_string(out.with_extension("jsonl.done"))
        .map_err(|_| spark_error("spark-no-result", None))?;
    let expected: usize = done
        .trim()
        .parse()
        .map_err(|_| spark_error("spark-count-unreadable", None))?;
    let text = std::fs::read_to_string(out)
        .map_err(|e| spark_error("spark-cannot-read-result", Some((&e).into())))?;
    let mut rows = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let row: Row = serde_json::from_str(line).map_err(|e| {
            let lang = crate::i18n::message_lang();
            let error = e.to_string();
            crate::t!(lang, "spark-result-line", line = i + 1, error = error) + "\n"
        })?;
        rows.push(row);
    }
    if rows.len() != expected {
        let lang = crate::i18n::message_lang();
        let (wrote, reported) = (rows.len(), expected);
        return Err(crate::t!(lang, "spark-row-count", wrote = wrote, reported = reported) + "\n");
    }
    Ok(rows)
}

/// An inconsistent result: the script and this binary disagree.
/// `what` names the script's part that disagrees (rule, clause, counts).
fn bad(what: Msg) -> String {
    crate::t!(
        crate::i18n::message_lang(),
        "spark-inconsistent",
        what = what
    ) + "\n"
}

/// The script's rows by what they are.
#[derive(Default)]
struct Sorted {
    /// Per collection, the rows Spark read of it.
    read: Vec<Option<u64>>,
    /// Per source read in place, the rows Spark read of it.
    part_read: Vec<Option<u64>>,
    /// Per source read in place, whether its columns came, and which
    /// (`None` for a source of no rows).
    part_columns: Vec<Option<Option<Vec<String>>>>,
    objects: Vec<Row>,
    builtins: Vec<Row>,
    findings: Vec<Row>,
}

fn sort_rows(checked: &Checked, parts: usize, rows: Vec<Row>) -> Result<Sorted, String> {
    use super::inplace::{COLUMNS, DANGLING, DUPLICATE, FUTURE, OBJECT, PART_COUNT};
    let mut s = Sorted {
        read: vec![None; checked.schema.ids().count()],
        part_read: vec![None; parts],
        part_columns: vec![None; parts],
        ..Default::default()
    };
    for row in rows {
        match row.rule {
            -1 | PART_COUNT => {
                let counts = if row.rule == -1 {
                    &mut s.read
                } else {
                    &mut s.part_read
                };
                let slot = usize::try_from(row.clause)
                    .ok()
                    .and_then(|c| counts.get_mut(c));
                let (Some(slot), &[n], super::rules::ROWS_READ) =
                    (slot, row.rows.as_slice(), row.outcome.as_str())
                else {
                    return Err(bad(msg!("spark-bad-rows-read")));
                };
                if slot.replace(n as u64).is_some() {
                    return Err(bad(msg!("spark-bad-two-rows-read")));
                }
            }
            COLUMNS => {
                let slot = usize::try_from(row.clause)
                    .ok()
                    .and_then(|c| s.part_columns.get_mut(c));
                let Some(slot) = slot.filter(|s| s.is_none()) else {
                    return Err(bad(msg!("spark-bad-columns")));
                };
                *slot = Some(row.vals);
            }
            OBJECT => s.objects.push(row),
            DUPLICATE | DANGLING | FUTURE => s.builtins.push(row),
            _ => s.findings.push(row),
        }
    }
    Ok(s)
}

/// Spark's rows -> violations and rule summaries, as `eval::evaluate` makes them.
fn collect(
    checked: &Checked,
    ds: &mut Dataset,
    inputs: &Inputs,
    parts: &[super::inplace::Part],
    layout: &super::Layout,
    rows: Vec<Row>,
) -> Result<Evaluation, String> {
    let sorted = sort_rows(checked, parts.len(), rows)?;
    let staged: Vec<u32> = checked.schema.ids().map(|c| ds.table(c).len()).collect();
    rows_read_match(checked, &staged, parts, &sorted)?;
    defaulted_in_place(checked, ds, parts, &sorted)?;
    let fetched = bring_back(checked, ds, parts, &sorted)?;
    let ds = &*ds;
    let as_of = inputs.as_of;
    let indexes = crate::eval::index::build_for(checked, ds);
    let ctx = Ctx {
        schema: &checked.schema,
        ds,
        indexes: &indexes,
        tz: inputs.tz,
        as_of,
    };
    // A staged row's number is its index here; one read in place was
    // brought back by `bring_back`.
    let place = |coll: CollId, r: i64| -> Result<u32, String> {
        match u32::try_from(r) {
            Ok(i) if i < staged[coll.0 as usize] => Ok(i),
            _ => fetched
                .get(&(coll, r))
                .copied()
                .ok_or_else(|| bad(msg!("spark-bad-row-not-returned"))),
        }
    };
    let mut subjects: Vec<Option<u64>> = vec![None; checked.rules.len()];
    let mut violated: Vec<std::collections::BTreeSet<i64>> =
        vec![Default::default(); checked.rules.len()];
    let mut undecided: Vec<(Option<u64>, Vec<i64>)> = vec![Default::default(); checked.rules.len()];
    let mut violations = Vec::new();
    let mut broken: HashMap<(usize, Span), Arc<Broken>> = HashMap::new();
    for row in sorted.findings {
        let Some(rule) = usize::try_from(row.rule)
            .ok()
            .and_then(|i| checked.rules.get(i))
        else {
            return Err(bad(msg!("spark-bad-rule", rule = row.rule)));
        };
        let ri = row.rule as usize;
        if row.clause == super::rules::UNDECIDED || row.clause == super::rules::UNDECIDED_ROW {
            let [n] = row.rows[..] else {
                return Err(bad(msg!("spark-bad-subjects")));
            };
            let (count, listed) = &mut undecided[ri];
            if row.clause == super::rules::UNDECIDED {
                if count.replace(n as u64).is_some() {
                    return Err(bad(msg!(
                        "spark-bad-no-undecided",
                        rule = rule.name.as_str()
                    )));
                }
            } else {
                listed.push(n);
            }
            continue;
        }
        if row.clause < 0 {
            let [n] = row.rows[..] else {
                return Err(bad(msg!("spark-bad-subjects")));
            };
            if subjects[ri].replace(n as u64).is_some() {
                return Err(bad(msg!(
                    "spark-bad-two-subjects",
                    rule = rule.name.as_str()
                )));
            }
            continue;
        }
        let ci = row.clause as usize;
        let (Some(clause), Some(evidence_colls)) =
            (rule.clauses.get(ci), layout.clauses[ri].get(ci))
        else {
            return Err(bad(msg!(
                "spark-bad-clause",
                clause = row.clause,
                rule = rule.name.as_str()
            )));
        };
        // A `forbid` whose join key was missing names no forbidden row.
        let keyless = matches!(clause.kind, CheckedClauseKind::Forbid { .. })
            && row.outcome == "insufficient_evidence"
            && row.rows.len() == evidence_colls.len();
        if row.rows.len() != evidence_colls.len() + 1 && !keyless {
            return Err(bad(msg!("spark-bad-bound-rows", rule = rule.name.as_str())));
        }
        let keys = match keyless {
            true => &layout.keyless[ri][ci],
            false => &layout.values[ri][ci],
        };
        let values = row_values(keys, row.vals.as_deref())
            .ok_or_else(|| bad(msg!("spark-bad-values", rule = rule.name.as_str())))?;
        let subject = place(rule.subject, row.rows[0])?;
        violated[ri].insert(row.rows[0]);
        let outcome = if row.outcome == "insufficient_evidence" {
            Outcome::InsufficientEvidence
        } else {
            Outcome::Violated
        };
        // Made once per clause and shared, as natively.
        let broken = broken
            .entry((ri, clause.span))
            .or_insert_with(|| {
                Arc::new(crate::eval::rules::broken_clause(
                    checked,
                    rule,
                    clause.span,
                ))
            })
            .clone();
        let message = match row.message {
            Some(m) => m,
            None => {
                let text = broken.clause.as_deref().unwrap_or("");
                crate::eval::rules::default_message(&clause.kind, text, &ctx, outcome)
            }
        };
        let mut evidence = Vec::new();
        for (c, r) in evidence_colls.iter().zip(row.rows.iter().skip(1)) {
            evidence.push(ctx.data_loc(*c, place(*c, *r)?));
        }
        violations.push(Violation::from(Finding {
            broken,
            outcome,
            message: message.into(),
            subject_id: ctx.object_id(rule.subject, subject).into(),
            subject_title: ctx.object_title(rule.subject, subject).map(Into::into),
            subject: ctx.data_loc(rule.subject, subject),
            evidence: evidence.into(),
            values: values.into_iter().map(|(p, v)| (p.into(), v)).collect(),
            sources: Default::default(),
            waiver: None,
            fingerprint: Default::default(),
            baseline: None,
        }));
    }
    let subjects: Vec<u64> = match subjects.iter().position(Option::is_none) {
        Some(i) => {
            return Err(bad(msg!(
                "spark-bad-no-subjects",
                rule = checked.rules[i].name.as_str()
            )))
        }
        None => subjects.into_iter().flatten().collect(),
    };
    // A rule with a `where` or `when` whose count did not come back would
    // pass as deciding every object.
    let undecided: Vec<(u64, Vec<u32>)> = undecided
        .into_iter()
        .zip(&layout.undecided)
        .zip(&checked.rules)
        .map(|(((n, mut rows), expected), rule)| {
            let n = match (n, expected) {
                (Some(n), true) if rows.len() as u64 <= n => n,
                (None, false) if rows.is_empty() => 0,
                _ => {
                    return Err(bad(msg!(
                        "spark-bad-no-undecided",
                        rule = rule.name.as_str()
                    )))
                }
            };
            // Spark's row numbers are in data order (staged and in place);
            // the rows they are brought back to are not.
            rows.sort_unstable();
            let rows = rows.iter().map(|&r| place(rule.subject, r));
            Ok((n, rows.collect::<Result<Vec<u32>, String>>()?))
        })
        .collect::<Result<_, String>>()?;
    let in_place = super::inplace::collections(parts);
    let skip = |c: CollId| in_place.contains(&c);
    let mut builtins = builtin::duplicate_ids_except(&ctx, &skip);
    builtins.extend(builtin::dangling_refs_except(&ctx, &|c, t| {
        skip(c) || skip(t)
    }));
    builtins.extend(builtin::future_events_except(&ctx, &skip));
    builtins.extend(builtins_from_spark(&ctx, &sorted.builtins, &place)?);
    violations.extend(builtins);
    // Of the collections read in place nothing is known here.
    let mut unmatched = crate::eval::literals::unmatched(checked, ctx.ds, &skip);
    let mut rules: Vec<RuleSummary> = checked
        .rules
        .iter()
        .enumerate()
        .map(|(i, rule)| {
            let violated = violated[i].len() as u64;
            let mut summary =
                crate::eval::rule_summary(checked, rule, subjects[i], violated, vec![]);
            summary.unknown_subjects = undecided[i].0;
            summary.unmatched_values = std::mem::take(&mut unmatched[i]);
            summary
        })
        .collect();
    let notes = checked
        .rules
        .iter()
        .zip(&undecided)
        .filter(|(_, (n, _))| *n > 0)
        .map(|(rule, (n, rows))| crate::eval::unknown_note(checked, &ctx, rule, *n, rows))
        .collect();
    rules.extend(
        builtin::CHECKS
            .iter()
            .map(|c| crate::eval::builtin_summary(c)),
    );
    Ok(Evaluation {
        // Waived when read back, as the native engine's.
        violations: crate::eval::spill::Found::in_memory(violations, as_of),
        rules,
        company: crate::eval::company_facts(&ctx),
        notes,
    })
}

/// The built-in findings Spark found in the collections read in place,
/// made by the native engine's code: a duplicate id, a dangling ref (its
/// rows grouped by field and id, in input order, as natively), a future
/// event.
fn builtins_from_spark(
    ctx: &Ctx,
    rows: &[Row],
    place: &dyn Fn(CollId, i64) -> Result<u32, String>,
) -> Result<Vec<Violation>, String> {
    use super::inplace::{DANGLING, DUPLICATE, FUTURE};
    let mut out = Vec::new();
    let mut dangling: std::collections::BTreeMap<(u32, u32, String), Vec<i64>> = Default::default();
    for row in rows {
        let coll = u32::try_from(row.clause)
            .ok()
            .map(CollId)
            .filter(|c| (c.0 as usize) < ctx.schema.collections.len())
            .ok_or_else(|| bad(msg!("spark-bad-builtin-collection")))?;
        match (row.rule, row.rows.as_slice()) {
            (DUPLICATE, &[r, first]) => out.push(builtin::duplicate(
                ctx,
                coll,
                place(coll, r)?,
                place(coll, first)?,
            )),
            (FUTURE, &[r]) => {
                let at = ctx
                    .schema
                    .collection(coll)
                    .field_id("at")
                    .ok_or_else(|| bad(msg!("spark-bad-future-no-at")))?;
                let v = builtin::future(ctx, coll, place(coll, r)?, at)
                    .ok_or_else(|| bad(msg!("spark-bad-future-past")))?;
                out.push(v);
            }
            (DANGLING, &[r]) => {
                let field = row
                    .message
                    .as_deref()
                    .and_then(|m| m.parse::<u32>().ok())
                    .filter(|f| (*f as usize) < ctx.schema.collection(coll).fields.len())
                    .ok_or_else(|| bad(msg!("spark-bad-dangling-field")))?;
                let [id] = row.vals.as_deref().unwrap_or_default() else {
                    return Err(bad(msg!("spark-bad-dangling-id")));
                };
                dangling
                    .entry((coll.0, field, id.clone()))
                    .or_default()
                    .push(r);
            }
            _ => return Err(bad(msg!("spark-bad-builtin"))),
        }
    }
    let mut by_field: std::collections::BTreeMap<
        (u32, u32),
        std::collections::BTreeMap<String, Vec<u32>>,
    > = Default::default();
    for ((coll, field, id), mut rows) in dangling {
        let coll = CollId(coll);
        let target = match &ctx.schema.collection(coll).fields[field as usize].ty {
            FieldType::Ref(t) => *t,
            FieldType::List(inner) => match **inner {
                FieldType::Ref(t) => t,
                _ => coll,
            },
            _ => coll,
        };
        // As natively: refs into a collection partly read are not judged,
        // nor one naming a row left out for an input error.
        if ctx.ds.partly_read.contains(&target) || ctx.ds.was_left_out(target, &id) {
            continue;
        }
        rows.sort_unstable();
        let rows: Vec<u32> = rows
            .into_iter()
            .map(|r| place(coll, r))
            .collect::<Result<_, _>>()?;
        by_field
            .entry((coll.0, field))
            .or_default()
            .insert(id, rows);
    }
    for ((coll, field), ids) in by_field {
        out.extend(builtin::danglings(ctx, CollId(coll), FieldId(field), ids));
    }
    Ok(out)
}

/// Spark must have read every row custodia staged, in every collection,
/// and have counted the rows of every source it read in place: a rule that
/// saw fewer rows could pass without reading the data, and a source with
/// no count is never a pass.
fn rows_read_match(
    checked: &Checked,
    staged: &[u32],
    parts: &[super::inplace::Part],
    sorted: &Sorted,
) -> Result<(), String> {
    for (part, n) in parts.iter().zip(&sorted.part_read) {
        if n.is_none() {
            return Err(
                msg!("spark-in-place-no-count", source = part.source.name()).words() + "\n",
            );
        }
    }
    for coll in checked.schema.ids() {
        let n = sorted.read.get(coll.0 as usize).copied().flatten();
        let in_place: u64 = parts
            .iter()
            .zip(&sorted.part_read)
            .filter(|(p, _)| p.coll == coll)
            .map(|(_, n)| n.unwrap_or(0))
            .sum();
        let expected = u64::from(staged[coll.0 as usize]) + in_place;
        let name = &checked.schema.collection(coll).name;
        match n {
            Some(n) if n == expected => {}
            Some(n) if in_place == 0 => {
                return Err(crate::t!(
                    crate::i18n::message_lang(),
                    "spark-rows-differ",
                    read = n,
                    name = name,
                    staged = expected
                ) + "\n")
            }
            Some(n) => {
                return Err(crate::t!(
                    crate::i18n::message_lang(),
                    "spark-rows-differ-in-place",
                    read = n,
                    name = name,
                    expected = expected
                ) + "\n")
            }
            None => {
                return Err(crate::t!(
                    crate::i18n::message_lang(),
                    "spark-no-rows-read",
                    name = name
                ) + "\n")
            }
        }
    }
    Ok(())
}

/// The fields with a default, or optional, whose column a source read in
/// place lacks, as the loader notes them for a file's header
/// (`Dataset::defaulted`): every row took the default or read the field
/// as missing. The columns are those Spark saw (`inplace::columns`); a
/// source of no rows has none to judge. A source with rows and no list of
/// columns is an inconsistent result, never silence.
fn defaulted_in_place(
    checked: &Checked,
    ds: &mut Dataset,
    parts: &[super::inplace::Part],
    sorted: &Sorted,
) -> Result<(), String> {
    for ((part, read), seen) in parts
        .iter()
        .zip(&sorted.part_read)
        .zip(&sorted.part_columns)
    {
        if *read == Some(0) {
            continue;
        }
        let Some(Some(seen)) = seen else {
            return Err(bad(msg!("spark-bad-columns")));
        };
        let c = checked.schema.collection(part.coll);
        for (i, f) in c.fields.iter().enumerate() {
            if (f.default.is_some() || f.optional) && !seen.contains(&part.columns[i]) {
                (ds.defaulted).push((part.source.name(), part.coll, FieldId(i as u32)));
            }
        }
    }
    Ok(())
}

/// Adds to `ds` what the report needs of the sources read in place: one
/// input per source with the rows Spark read of it (the coverage counts
/// them), and the rows the result names, each with its file and line, so
/// that they are placed, named and masked by the native engine's code.
/// Returns where each such row now is, by collection and Spark's `_row`.
fn bring_back(
    checked: &Checked,
    ds: &mut Dataset,
    parts: &[super::inplace::Part],
    sorted: &Sorted,
) -> Result<HashMap<(CollId, i64), u32>, String> {
    for (part, n) in parts.iter().zip(&sorted.part_read) {
        let n = n.unwrap_or(0);
        ds.files.push(InputFile {
            path: part.source.name(),
            // As a database table's: the collection's name, which the
            // coverage reads.
            abs: PathBuf::from(&checked.schema.collection(part.coll).name),
            role: part.role,
            rows: n,
            ..Default::default()
        });
        *ds.counted_rows.entry(part.coll).or_insert(0) += n;
    }
    for coll in super::inplace::collections(parts) {
        let staged = ds.table(coll).len() as u64;
        *ds.counted_rows.entry(coll).or_insert(0) += staged;
    }
    let Some(root) = parts.first().map(|p| p.root.clone()) else {
        return Ok(HashMap::new());
    };
    let mut files: HashMap<String, u32> = HashMap::new();
    let mut fetched = HashMap::new();
    for o in &sorted.objects {
        let coll = u32::try_from(o.clause)
            .ok()
            .map(CollId)
            .filter(|c| parts.iter().any(|p| p.coll == *c))
            .ok_or_else(|| bad(msg!("spark-bad-row-collection")))?;
        let c = checked.schema.collection(coll);
        let wrong = |why: Msg| {
            msg!(
                "spark-in-place-bad-row",
                collection = c.name.as_str(),
                why = why
            )
            .words()
                + "\n"
        };
        let json: serde_json::Value = o
            .message
            .as_deref()
            .and_then(|m| serde_json::from_str(m).ok())
            .ok_or_else(|| wrong(msg!("spark-row-not-json")))?;
        let (Some(row), Some(file), Some(line)) = (
            json["_row"].as_i64(),
            json["_file"].as_str(),
            json["_line"].as_u64().and_then(|l| u32::try_from(l).ok()),
        ) else {
            return Err(wrong(msg!("spark-row-no-place")));
        };
        let mut values = Vec::with_capacity(c.fields.len());
        for (i, f) in c.fields.iter().enumerate() {
            let v = super::stage::value_of(&mut ds.interner, &json[format!("f{i}")], &f.ty)
                .ok_or_else(|| wrong(msg!("spark-row-field", field = f.name.as_str())))?;
            values.push(v);
        }
        let shown = super::inplace::shown_file(&root, file);
        let next = ds.files.len() as u32;
        let file = *files.entry(shown.clone()).or_insert_with(|| {
            ds.files.push(InputFile {
                abs: PathBuf::from(&shown),
                path: shown,
                role: "spark-row",
                ..Default::default()
            });
            next
        });
        let table = &mut ds.tables[coll.0 as usize];
        let index = table.len();
        table.push_row(
            values,
            RowOrigin {
                file,
                line,
                offset: 0,
            },
        );
        fetched.insert((coll, row), index);
    }
    Ok(fetched)
}

/// The values a violation shows, paired with their texts; `None` when
/// Spark returned another number of them or one that is not `{"v": ...}`.
fn row_values(
    keys: &[String],
    vals: Option<&[String]>,
) -> Option<Vec<(String, serde_json::Value)>> {
    let vals = vals.unwrap_or_default();
    if vals.len() != keys.len() {
        return None;
    }
    keys.iter()
        .zip(vals)
        .map(|(k, v)| {
            let mut json: serde_json::Value = serde_json::from_str(v).ok()?;
            Some((k.clone(), json.get_mut("v")?.take()))
        })
        .collect()
}

/// A directory removed when dropped (the staged data is a copy of the case).
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> std::io::Result<Self> {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let dir =
            std::env::temp_dir().join(format!("custodia-spark-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&dir)?;
        Ok(TempDir(dir))
    }
    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
