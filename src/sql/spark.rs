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
use crate::report::model::{Outcome, RuleSummary, Violation};

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
    let dir =
        TempDir::new().map_err(|e| format!("error: cannot create a temporary directory: {e}\n"))?;
    let stage = dir.path().join("stage");
    super::stage::write(checked, ds, &stage)
        .map_err(|e| format!("error: cannot stage the data for Spark: {e}\n"))?;
    let script = dir.path().join("policy.sql");
    let driver = dir.path().join("custodia_driver.py");
    let out = dir.path().join("violations.jsonl");
    let io = |e: std::io::Error| format!("error: cannot write the Spark job: {e}\n");
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
        format!(
            "error: cannot run `{}`: {e}\n  Install PySpark (scripts/spark-cluster install) and set CUSTODIA_SPARK_SUBMIT or SPARK_HOME.\n",
            submit.display()
        )
    })?;
    if !result.status.success() {
        let stderr = String::from_utf8_lossy(&result.stderr);
        let tail: Vec<&str> = stderr.lines().rev().take(30).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        return Err(format!(
            "error: the Spark job failed ({}); no rule was evaluated. Last lines of its log:\n{}\n",
            result.status,
            tail.join("\n")
        ));
    }
    read_rows(out)
}

/// The driver's rows; the count it wrote last must match, so a job cut off
/// mid-write is an error, never a shorter list of violations.
fn read_rows(out: &Path) -> Result<Vec<Row>, String> {
    let done = std::fs::read_to_string(out.with_extension("jsonl.done"))
        .map_err(|_| "error: the Spark job ended without writing its result\n".to_string())?;
    let expected: usize = done
        .trim()
        .parse()
        .map_err(|_| "error: the Spark job's result count is unreadable\n".to_string())?;
    let text = std::fs::read_to_string(out)
        .map_err(|e| format!("error: cannot read the Spark job's result: {e}\n"))?;
    let mut rows = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let row: Row = serde_json::from_str(line)
            .map_err(|e| format!("error: the Spark job's result, line {}: {e}\n", i + 1))?;
        rows.push(row);
    }
    if rows.len() != expected {
        return Err(format!(
            "error: the Spark job wrote {} rows but reported {expected}\n",
            rows.len()
        ));
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
    let bad = |what: &str| {
        format!("error: the Spark job's result is inconsistent: {what}; no report was written\n")
    };
    let mut subjects: Vec<Option<u64>> = vec![None; checked.rules.len()];
    let mut violated: Vec<std::collections::BTreeSet<i64>> =
        vec![Default::default(); checked.rules.len()];
    let mut violations = Vec::new();
    for row in rows {
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
        violations.push(Violation {
            rule: rule.name.as_str().into(),
            kind: rule.kind.as_str(),
            severity: rule.severity,
            outcome,
            title: rule.title.as_deref().map(Arc::from),
            message,
            cite: rule.cite.as_slice().into(),
            help: rule.help.as_deref().map(Arc::from),
            subject_id: ctx.object_id(rule.subject, subject),
            subject_title: ctx.object_title(rule.subject, subject),
            subject: ctx.data_loc(rule.subject, subject),
            evidence,
            policy: Some(explain::policy_loc(checked, clause.span)),
            clause: Some(clause_text),
            values: vec![],
            waiver: None,
            fingerprint: String::new(),
            baseline: None,
        });
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
        .map(|(i, rule)| RuleSummary {
            name: rule.name.clone(),
            kind: rule.kind.as_str().into(),
            severity: rule.severity,
            title: rule.title.clone(),
            cite: rule.cite.clone(),
            help: rule.help.clone(),
            policy: Some(explain::policy_loc(checked, rule.name_span)),
            subjects: subjects[i],
            violated_subjects: violated[i].len() as u64,
            waived_subjects: 0,
            builtin: false,
            subject_collection: Some(checked.schema.collection(rule.subject).name.clone()),
            uses: crate::report::coverage::rule_uses(rule)
                .into_iter()
                .map(|c| checked.schema.collection(c).name.clone())
                .collect(),
            selects: crate::report::coverage::rule_selects(rule)
                .into_iter()
                .map(|c| checked.schema.collection(c).name.clone())
                .collect(),
            status: Default::default(),
            no_data: vec![],
            subject_ids: vec![],
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
