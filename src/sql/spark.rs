//! `custodia check --engine spark`: stages the case, compiles the policy
//! set, runs the script through `spark-submit` with the driver that ships
//! in the binary, and turns its rows into the report model, so every
//! format, baseline, waiver and exit code works unchanged.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use jiff::civil::Date;
use jiff::tz::TimeZone;

use crate::check::Checked;
use crate::data::Dataset;
use crate::eval::expr::Ctx;
use crate::eval::{builtin, explain, Evaluation};
use crate::report::model::{Finding, Outcome, RuleSummary, Violation};

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

/// Evaluates every rule on Spark; the built-in checks and waivers are
/// applied to the result as the native engine applies them.
pub fn evaluate(
    checked: &Checked,
    ds: &Dataset,
    tz: &TimeZone,
    tz_name: &str,
    as_of: Date,
    opts: &SparkOptions,
) -> Result<Evaluation, String> {
    let compiled = super::compile(checked, tz_name, as_of).map_err(|e| format!("{e}\n"))?;
    let dir = TempDir::new().map_err(|e| spark_error("spark-no-temp-dir", Some(e.to_string())))?;
    let stage = dir.path().join("stage");
    super::stage::write(checked, ds, &stage)
        .map_err(|e| spark_error("spark-cannot-stage", Some(e.to_string())))?;
    let script = dir.path().join("policy.sql");
    let driver = dir.path().join("custodia_driver.py");
    let out = dir.path().join("violations.jsonl");
    let io = |e: std::io::Error| spark_error("spark-cannot-write-job", Some(e.to_string()));
    std::fs::write(&script, &compiled.sql).map_err(io)?;
    std::fs::write(&driver, DRIVER).map_err(io)?;
    let rows = run(opts, &driver, &script, &stage, &out)?;
    collect(checked, ds, tz, as_of, &compiled.layout, rows)
}

fn run(
    opts: &SparkOptions,
    driver: &Path,
    script: &Path,
    stage: &Path,
    out: &Path,
) -> Result<Vec<Row>, String> {
    let submit = spark_submit();
    let mut cmd = Command::new(&submit);
    cmd.arg("--master").arg(&opts.master);
    // Small by default: the driver only collects violations.
    cmd.arg("--conf").arg("spark.driver.memory=512m");
    cmd.arg("--conf").arg("spark.ui.enabled=false");
    // A case's steps are many small joins: 200 shuffle partitions (Spark's
    // default) would make each a few hundred empty tasks.
    cmd.arg("--conf").arg("spark.sql.shuffle.partitions=4");
    for (k, v) in &opts.conf {
        cmd.arg("--conf").arg(format!("{k}={v}"));
    }
    cmd.arg(driver).arg(script).arg(stage).arg(out);
    let result = cmd.output().map_err(|e| {
        crate::t!(
            crate::i18n::message_lang(),
            "spark-cannot-run",
            program = submit.display().to_string(),
            error = e.to_string()
        ) + "\n"
    })?;
    if !result.status.success() {
        let stderr = String::from_utf8_lossy(&result.stderr);
        let tail: Vec<&str> = stderr.lines().rev().take(30).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        let lang = crate::i18n::message_lang();
        let status = result.status.to_string();
        return Err(format!(
            "{}\n{}\n",
            crate::t!(lang, "spark-job-failed", status = status),
            tail.join("\n")
        ));
    }
    read_rows(out)
}

/// The driver's rows; the count it wrote last must match, so a job cut off
/// mid-write is an error, never a shorter list of violations.
/// `error: …` of a Spark run in the run's message language, with the
/// system's reason when there is one.
fn spark_error(id: &'static str, reason: Option<String>) -> String {
    let lang = crate::i18n::message_lang();
    let text = match reason {
        Some(r) => crate::i18n::catalogue::text(lang, id, &[("error", r.into())]),
        None => crate::i18n::catalogue::text(lang, id, &[]),
    };
    text + "\n"
}

fn read_rows(out: &Path) -> Result<Vec<Row>, String> {
    let done = std::fs::read_to_string(out.with_extension("jsonl.done"))
        .map_err(|_| spark_error("spark-no-result", None))?;
    let expected: usize = done
        .trim()
        .parse()
        .map_err(|_| spark_error("spark-count-unreadable", None))?;
    let text = std::fs::read_to_string(out)
        .map_err(|e| spark_error("spark-cannot-read-result", Some(e.to_string())))?;
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

/// Spark's rows -> violations and rule summaries, as `eval::evaluate` makes them.
fn collect(
    checked: &Checked,
    ds: &Dataset,
    tz: &TimeZone,
    as_of: Date,
    layout: &super::Layout,
    rows: Vec<Row>,
) -> Result<Evaluation, String> {
    let indexes = crate::eval::index::build_for(checked, ds);
    let ctx = Ctx {
        schema: &checked.schema,
        ds,
        indexes: &indexes,
        tz,
        as_of,
    };
    // A row that names no rule or clause, or a rule without its count of
    // subjects, means the script and this binary disagree: an error, since
    // a rule with no subjects would read as not applicable.
    // `what` names the script's parts (rule, clause, counts): a detail for
    // whoever debugs the disagreement, kept as it is.
    let bad = |what: &str| {
        crate::t!(
            crate::i18n::message_lang(),
            "spark-inconsistent",
            what = what
        ) + "\n"
    };
    let mut subjects: Vec<Option<u64>> = vec![None; checked.rules.len()];
    let mut violated: Vec<std::collections::BTreeSet<i64>> =
        vec![Default::default(); checked.rules.len()];
    let mut violations = Vec::new();
    let mut read: Vec<Option<u64>> = vec![None; checked.schema.ids().count()];
    for row in rows {
        if row.outcome == super::rules::ROWS_READ {
            let slot = usize::try_from(row.clause)
                .ok()
                .and_then(|c| read.get_mut(c));
            let (Some(slot), &[n]) = (slot, row.rows.as_slice()) else {
                return Err(bad("a count of rows read"));
            };
            if slot.replace(n as u64).is_some() {
                return Err(bad("two counts of rows read for one collection"));
            }
            continue;
        }
        let Some(rule) = usize::try_from(row.rule)
            .ok()
            .and_then(|i| checked.rules.get(i))
        else {
            return Err(bad(&format!("rule {}", row.rule)));
        };
        let ri = row.rule as usize;
        if row.clause < 0 {
            let [n] = row.rows[..] else {
                return Err(bad("a count of subjects"));
            };
            if subjects[ri].replace(n as u64).is_some() {
                return Err(bad(&format!("two counts of subjects for {}", rule.name)));
            }
            continue;
        }
        let ci = row.clause as usize;
        let (Some(clause), Some(evidence_colls)) =
            (rule.clauses.get(ci), layout.clauses[ri].get(ci))
        else {
            return Err(bad(&format!("clause {} of {}", row.clause, rule.name)));
        };
        if row.rows.len() != evidence_colls.len() + 1 {
            return Err(bad(&format!(
                "the rows bound in a violation of {}",
                rule.name
            )));
        }
        let values = row_values(&layout.values[ri][ci], row.vals.as_deref())
            .ok_or_else(|| bad(&format!("the values shown by a violation of {}", rule.name)))?;
        let subject = row.rows[0] as u32;
        violated[ri].insert(row.rows[0]);
        let outcome = if row.outcome == "insufficient_evidence" {
            Outcome::InsufficientEvidence
        } else {
            Outcome::Violated
        };
        let clause_text: Arc<str> = checked
            .sources
            .snippet(clause.span)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .into();
        let message = match row.message {
            Some(m) => m,
            None => crate::eval::rules::default_message(&clause.kind, &clause_text, &ctx, outcome),
        };
        let evidence = evidence_colls
            .iter()
            .zip(row.rows.iter().skip(1))
            .map(|(c, r)| ctx.data_loc(*c, *r as u32))
            .collect();
        violations.push(Violation::from(Finding {
            rule: rule.name.as_str().into(),
            kind: rule.kind.as_str(),
            severity: rule.severity,
            outcome,
            title: rule.title.as_deref().map(Arc::from),
            message,
            cite: rule.cite.as_slice().into(),
            help: rule.help.as_deref().map(Arc::from),
            subject_id: ctx.object_id(rule.subject, subject).into(),
            subject_title: ctx.object_title(rule.subject, subject),
            subject: ctx.data_loc(rule.subject, subject),
            evidence,
            policy: Some(explain::policy_loc(checked, clause.span)),
            clause: Some(clause_text),
            values,
            sources: Default::default(),
            waiver: None,
            fingerprint: String::new(),
            baseline: None,
        }));
    }
    let subjects: Vec<u64> = match subjects.iter().position(Option::is_none) {
        Some(i) => {
            return Err(bad(&format!(
                "no count of subjects for {}",
                checked.rules[i].name
            )))
        }
        None => subjects.into_iter().flatten().collect(),
    };
    rows_read_match(checked, ds, &read)?;
    let mut builtins = builtin::duplicate_ids(&ctx);
    builtins.extend(builtin::dangling_refs(&ctx));
    builtins.extend(builtin::future_events(&ctx));
    violations.extend(builtins);
    let findings = crate::eval::waivers::apply(as_of, checked, &ds.files, &mut violations);
    violations.extend(findings);
    let mut rules: Vec<RuleSummary> = checked
        .rules
        .iter()
        .enumerate()
        .map(|(i, rule)| {
            let violated = violated[i].len() as u64;
            crate::eval::rule_summary(checked, rule, subjects[i], violated, vec![])
        })
        .collect();
    rules.extend(
        builtin::CHECKS
            .iter()
            .map(|c| crate::eval::builtin_summary(c)),
    );
    Ok(Evaluation {
        violations,
        rules,
        company: crate::eval::company_facts(&ctx),
    })
}

/// Spark must have read every row custodia staged, in every collection:
/// a rule that saw fewer rows could pass without reading the data.
fn rows_read_match(checked: &Checked, ds: &Dataset, read: &[Option<u64>]) -> Result<(), String> {
    for coll in checked.schema.ids() {
        let n = read.get(coll.0 as usize).copied().flatten();
        let staged = ds.table(coll).len() as u64;
        let name = &checked.schema.collection(coll).name;
        match n {
            Some(n) if n == staged => {}
            Some(n) => {
                return Err(crate::t!(
                    crate::i18n::message_lang(),
                    "spark-rows-differ",
                    read = n,
                    name = name,
                    staged = staged
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
