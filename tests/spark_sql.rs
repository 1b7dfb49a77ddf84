//! The Spark SQL compiler (docs/spark.md): snapshots of compiled SQL for
//! small policies, clear errors for what it does not compile, and a Spark
//! run that fails never passing. Running on Spark itself is
//! scripts/spark-diff (called by .ci/run); here it is opt-in
//! (`CUSTODIA_SPARK_TESTS=1`) and skipped with a message otherwise.

use std::path::Path;
use std::process::Command;

use custodia::syntax::span::SourceMap;

fn compile(policy: &str) -> Result<String, String> {
    let mut sources = SourceMap::default();
    sources.add("rules.policy", policy);
    let checked =
        custodia::check::check_sources(sources).map_err(|_| "does not check".to_string())?;
    let as_of = jiff::civil::date(2026, 11, 27);
    custodia::sql::compile(&checked, "Asia/Shanghai", as_of)
        .map(|c| c.sql)
        .map_err(|e| e.to_string())
}

/// The rule's part of the script (the views of the standard schema are
/// the same for every policy).
fn rule_part(sql: &str) -> &str {
    let at = sql.find("-- ==== rule").expect("the script has a rule");
    &sql[at..]
}

#[test]
fn require_with_message_and_ref_navigation() {
    let sql = compile(
        r#"
access authorized {
  for access a where a.purpose is set
  require a.actor.role == "archivist" and date(a.at) <= a.actor.authorized_to
        else "{a.actor.name} opened {a.record} on {date(a.at)}"
}
"#,
    )
    .expect("it compiles");
    insta::assert_snapshot!(rule_part(&sql));
}

#[test]
fn match_forbid_count_and_calendar_arithmetic() {
    let sql = compile(
        r#"
destruction complete {
  for record r where r.status == "destroyed"
  match destruction d on d.record == r.id else "no destruction of {r.id}"
  require date(d.at) >= r.created + 10 years
  let n = count(access a where a.record == r.id and a.at within 30 days before d.at)
  require n >= 1 else "{r.id}: {n} reads"
  forbid access a on a.record == r.id and a.at > d.at else "{r.id} read after destruction at {a.at}"
}
"#,
    )
    .expect("it compiles");
    insta::assert_snapshot!(rule_part(&sql));
}

/// A count is NULL (unknown) when any candidate's condition is NULL, as
/// natively (docs/language.md, "count and unknown candidates"), unless it
/// is a side of a comparison its bounds decide; a frame row no candidate
/// met counts 0. `exists` keeps its three values. The boundary case runs
/// it on Spark against the native engine.
#[test]
fn a_count_is_unknown_when_a_candidate_condition_is() {
    let sql = compile(
        r#"
destruction none_by_sales {
  for record r
  require count(destruction d where d.record == r.id and d.approved_by.role == "sales") == 0
  require not exists(destruction d where d.record == r.id and d.approved_by.role == "sales")
}
"#,
    )
    .expect("it compiles");
    let rule = rule_part(&sql);
    // Each aggregate groups its candidates per frame row: how many are
    // true, and how many unknown.
    assert!(
        rule.contains("count_if(c8) AS n, count_if(c8 IS NULL) AS m FROM"),
        "{rule}"
    );
    // A count is the struct of its bounds: the least and the most it can be.
    let bounds = "named_struct('lo', coalesce(a.n, CAST(0 AS BIGINT)), 'hi', coalesce(a.n, CAST(0 AS BIGINT)) + coalesce(a.m, CAST(0 AS BIGINT))) AS h";
    assert!(rule.contains(bounds), "{rule}");
    // `== 0` is decided when the bounds meet, false when 0 is outside them.
    assert!(
        rule.contains(".lo = (h") && rule.contains("THEN FALSE END)"),
        "{rule}"
    );
    // Shown as a value (compiled again for the values a violation shows):
    // known only when the bounds meet.
    assert!(rule.contains(".hi THEN (h"), "{rule}");
    assert!(
        rule.contains(
            "CASE WHEN a.n > 0 THEN TRUE WHEN a.m > 0 THEN CAST(NULL AS BOOLEAN) ELSE FALSE END AS h"
        ),
        "{rule}"
    );
}

#[test]
fn deadline_reads_the_calendar_of_rest_days() {
    let sql = compile(
        r#"
rule r {
  for record r where r.closed is set
  require deadline(r.closed, 10 days) >= r.created else "{deadline(r.closed, 10 days)}"
}
"#,
    )
    .expect("it compiles");
    insta::assert_snapshot!(rule_part(&sql));
    // The calendar is the evaluator's table: National Day 2026 moves to the
    // 8th, the working Saturday 2026-10-10 is not a rest day, the calendar
    // ends with 2026.
    assert!(sql.contains("CREATE OR REPLACE TEMPORARY VIEW custodia_rest_days AS"));
    assert!(sql.contains("(DATE'2026-10-07', DATE'2026-10-08')"));
    assert!(!sql.contains("(DATE'2026-10-10', "));
    assert!(sql.contains("> DATE'2026-12-31' THEN CAST(NULL AS DATE)"));
    let rows = sql.matches("\n(DATE'").count();
    assert_eq!(rows, custodia::eval::holidays::rest_days().count());
    // A policy without `deadline` does not carry the calendar.
    let plain = compile("rule r { for record r require r.title is set }").expect("it compiles");
    assert!(!plain.contains("custodia_rest_days"));
}

#[test]
fn the_script_pins_the_time_zone_and_reads_the_staged_views() {
    let sql = compile("rule r { for record r require r.title is set }").expect("it compiles");
    assert!(sql.contains("SET spark.sql.session.timeZone=Asia/Shanghai\n;"));
    assert!(sql.contains("USING json OPTIONS (path '${custodia.stage}/c0.jsonl', mode 'FAILFAST')"));
    // Outcomes are three-valued: unknown is insufficient evidence.
    assert!(sql.contains("CASE WHEN (((v0).`title` IS NOT NULL)) IS NULL THEN 'insufficient_evidence' ELSE 'violated' END"));
}

#[test]
fn constructs_not_compiled_are_errors_naming_the_clause_and_line() {
    // `.` differs between Java's regexes and custodia's: refused, not guessed.
    let e =
        compile("rule r {\n  for record r\n  require r.title matches \"^a.b$\" else \"x\"\n}\n")
            .expect_err("the compiler refuses it");
    assert_eq!(
        e,
        "error: rules.policy:3:11: cannot compile to Spark SQL: `r.title matches \"^a.b$\"` in rule `r`: a pattern with `.` is not compiled (Java and Rust regexes differ there)"
    );
    // A decimal in a message: Rust and Spark print floats differently.
    let e = compile(
        "schema { extend record { score: decimal? } }\nrule r {\n  for record r\n  require r.score > 1 else \"{r.score}\"\n}\n",
    )
    .expect_err("the compiler refuses it");
    assert!(e.contains("rules.policy:4:"), "{e}");
    assert!(
        e.contains("showing a value of this type in a message is not compiled"),
        "{e}"
    );
}

fn custodia() -> Command {
    Command::new(env!("CARGO_BIN_EXE_custodia"))
}

fn boundaries() -> &'static Path {
    Path::new("tests/cases/spark-boundaries")
}

#[test]
fn compile_command_writes_the_script_and_stages_the_data() {
    let dir = tempfile::tempdir().expect("tempdir");
    let sql = dir.path().join("case.sql");
    let stage = dir.path().join("stage");
    let out = custodia()
        .args(["compile", "--target", "spark-sql", "--output"])
        .arg(&sql)
        .arg("--stage")
        .arg(&stage)
        .arg(boundaries())
        .output()
        .expect("custodia runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&sql).expect("the script was written");
    assert!(text.contains("-- ==== rule kept_a_year (retention, policies/rules.policy:1) ===="));
    // The inventory staged with its provenance, line by line.
    let record = std::fs::read_to_string(stage.join("c0.jsonl")).expect("the inventory was staged");
    assert!(
        record.starts_with(r#"{"_row":0,"_file":"inventory.csv","_line":2,"id":"R-1""#),
        "{record}"
    );
    assert_eq!(record.lines().count(), 13);
}

/// A Spark job that fails, or ends without its result, stops the check
/// (exit 2, no report): never a report with fewer violations.
#[test]
fn a_failed_spark_job_is_never_a_pass() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fake = dir.path().join("spark-submit");
    // The driver's last argument is where it writes its rows; `.done`
    // holds their count.
    let result = |rows: &str, n: usize| {
        format!("for out; do :; done\nprintf '%s' '{rows}' > \"$out\"\necho {n} > \"$out.done\"")
    };
    let bodies = [
        "exit 1".to_string(),
        "exit 0".to_string(),
        // A job that "succeeds" with no rows: no rule was counted.
        result("", 0),
        // A row naming a rule the set does not have.
        result(
            r#"{"rule":99,"clause":0,"rows":[0],"outcome":"violated","message":null}"#,
            1,
        ),
        // Fewer rows than the job counted.
        result("", 3),
    ];
    for body in &bodies {
        std::fs::write(&fake, format!("#!/bin/sh\n{body}\n")).expect("fake spark-submit");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        }
        let out = custodia()
            .args(["check", "--engine", "spark", "--format", "json"])
            .arg(boundaries())
            .env("CUSTODIA_SPARK_SUBMIT", &fake)
            .output()
            .expect("custodia runs");
        assert_eq!(out.status.code(), Some(2), "{body}");
        assert!(out.stdout.is_empty(), "{body}: a report was written");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("Spark job"), "{body}: {err}");
        assert!(
            err.contains("no rule was evaluated")
                || err.contains("no report was written")
                || err.contains("rows but reported")
                || err.contains("without writing its result"),
            "{body}: {err}"
        );
    }
}

/// A job whose every rule is counted but which read fewer rows of a
/// collection than custodia staged stops the check: rules that saw part
/// of the data must not make a report (issue 19: a source not read is
/// never compliant).
#[test]
fn a_job_that_read_fewer_rows_than_staged_is_never_a_pass() {
    let dir = tempfile::tempdir().expect("tempdir");
    let sql = custodia()
        .args(["compile", "--target", "spark-sql"])
        .arg(boundaries())
        .output()
        .expect("custodia runs");
    let sql = String::from_utf8(sql.stdout).expect("UTF-8");
    let rules = sql.matches("-- ==== rule ").count();
    let colls = sql.matches("'rows_read' AS outcome").count();
    assert!(rules > 0 && colls > 0, "{sql}");
    let mut rows: Vec<String> = (0..rules)
        .map(|r| format!(r#"{{"rule":{r},"clause":-1,"rows":[0],"outcome":"subjects","message":null,"vals":null}}"#))
        .collect();
    // Every collection counted, each with no rows read.
    rows.extend((0..colls).map(|c| {
        format!(r#"{{"rule":-1,"clause":{c},"rows":[0],"outcome":"rows_read","message":null,"vals":null}}"#)
    }));
    let result = dir.path().join("result.jsonl");
    std::fs::write(&result, rows.join("\n") + "\n").expect("the result");
    let fake = dir.path().join("spark-submit");
    std::fs::write(
        &fake,
        format!(
            "#!/bin/sh\nfor out; do :; done\ncp '{}' \"$out\"\necho {} > \"$out.done\"\n",
            result.display(),
            rows.len()
        ),
    )
    .expect("fake spark-submit");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    }
    let out = custodia()
        .args(["check", "--engine", "spark", "--format", "json"])
        .arg(boundaries())
        .env("CUSTODIA_SPARK_SUBMIT", &fake)
        .output()
        .expect("custodia runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(out.stdout.is_empty(), "a report was written");
    assert!(err.contains("Spark read 0 rows of `"), "{err}");
    assert!(err.contains("no report was written"), "{err}");
}

/// The boundary case on Spark (`local[2]`) against the native engine.
#[test]
fn spark_matches_native_on_the_boundary_case() {
    if std::env::var_os("CUSTODIA_SPARK_TESTS").is_none() {
        eprintln!("skipped: set CUSTODIA_SPARK_TESTS=1 (and SPARK_HOME) to run it; scripts/spark-diff runs it on a cluster");
        return;
    }
    let run = |engine: &[&str]| {
        let out = custodia()
            .args(["check", "--format", "json"])
            .args(engine)
            .arg(boundaries())
            .output()
            .expect("custodia runs");
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("a JSON report");
        let mut v: Vec<String> = report["violations"]
            .as_array()
            .expect("violations")
            .iter()
            .map(|v| {
                format!(
                    "{} {} {} {} {}",
                    v["rule"], v["subject"], v["outcome"], v["message"], v["evidence"]
                )
            })
            .collect();
        v.sort();
        (out.status.code(), v)
    };
    let native = run(&[]);
    let spark = run(&["--engine", "spark", "--spark-master", "local[2]"]);
    assert_eq!(native, spark);
}

/// Review R16: a `forbid` whose join key is missing comes back from Spark
/// as a row naming the subject alone (no forbidden row) with the values
/// of the key-missing view; it becomes the `insufficient_evidence` the
/// native engine reports. The same short row as `violated` is refused:
/// only that case may name one row fewer than the clause binds.
#[test]
fn a_forbid_whose_key_is_missing_comes_back_without_a_forbidden_row() {
    let dir = tempfile::tempdir().expect("tempdir");
    let stage = dir.path().join("stage");
    let sql = custodia()
        .args(["compile", "--target", "spark-sql", "--stage"])
        .arg(&stage)
        .arg(boundaries())
        .output()
        .expect("custodia runs");
    let sql = String::from_utf8(sql.stdout).expect("UTF-8");
    let rules: Vec<&str> = sql
        .lines()
        .filter_map(|l| l.strip_prefix("-- ==== rule "))
        .map(|l| l.split(' ').next().unwrap_or(""))
        .collect();
    let phone = rules
        .iter()
        .position(|r| *r == "no_access_keyed_by_phone")
        .expect("the rule is in the script");
    // Its key-missing view shows `r.phone` alone.
    assert!(sql.contains(": the key is missing"), "{sql}");
    let mut rows: Vec<String> = (0..rules.len())
        .map(|r| format!(r#"{{"rule":{r},"clause":-1,"rows":[0],"outcome":"subjects","message":null,"vals":null}}"#))
        .collect();
    // A rule with a `where` or `when` counts the objects they left
    // undecided (none here).
    let undecided: Vec<String> = (0..rules.len())
        .filter(|r| sql.contains(&format!("SELECT {r} AS rule, -2 AS clause")))
        .map(|r| format!(r#"{{"rule":{r},"clause":-2,"rows":[0],"outcome":"undecided","message":null,"vals":null}}"#))
        .collect();
    assert!(!undecided.is_empty(), "{sql}");
    for c in 0.. {
        let Ok(staged) = std::fs::read_to_string(stage.join(format!("c{c}.jsonl"))) else {
            break;
        };
        let n = staged.lines().count();
        rows.push(format!(
            r#"{{"rule":-1,"clause":{c},"rows":[{n}],"outcome":"rows_read","message":null,"vals":null}}"#
        ));
    }
    // R-4 (inventory row 3) has no phone.
    let keyless = |outcome: &str| {
        format!(
            r#"{{"rule":{phone},"clause":0,"rows":[3],"outcome":"{outcome}","message":null,"vals":["{{\"v\":null}}"]}}"#
        )
    };
    let run_with = |extra: String, counted: &[String]| {
        let mut all = rows.clone();
        all.extend(counted.iter().cloned());
        all.push(extra);
        let result = dir.path().join("result.jsonl");
        std::fs::write(&result, all.join("\n") + "\n").expect("the result");
        let fake = dir.path().join("spark-submit");
        std::fs::write(
            &fake,
            format!(
                "#!/bin/sh\nfor out; do :; done\ncp '{}' \"$out\"\necho {} > \"$out.done\"\n",
                result.display(),
                all.len()
            ),
        )
        .expect("fake spark-submit");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        }
        custodia()
            .args(["check", "--engine", "spark", "--format", "json"])
            .arg(boundaries())
            .env("CUSTODIA_SPARK_SUBMIT", &fake)
            .output()
            .expect("custodia runs")
    };
    let run = |extra: String| run_with(extra, &undecided);
    let out = run(keyless("insufficient_evidence"));
    let err = String::from_utf8_lossy(&out.stderr);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("a JSON report");
    let v: Vec<&serde_json::Value> = report["violations"]
        .as_array()
        .expect("violations")
        .iter()
        .filter(|v| v["rule"] == "no_access_keyed_by_phone")
        .collect();
    assert_eq!(v.len(), 1, "{err}");
    assert_eq!(v[0]["subject"]["id"], "R-4");
    assert_eq!(v[0]["outcome"], "insufficient_evidence");
    assert_eq!(v[0]["evidence"], serde_json::json!([]));
    assert_eq!(v[0]["values"], serde_json::json!({"r.phone": null}));
    assert!(
        v[0]["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("cannot tell whether a forbidden `access` exists")),
        "{}",
        v[0]
    );
    let out = run(keyless("violated"));
    assert_eq!(
        out.status.code(),
        Some(2),
        "a violated row must name its forbidden row"
    );
    assert!(out.stdout.is_empty(), "a report was written");
    // Without the count of undecided objects a rule would pass as having
    // decided every one: refused.
    let out = run_with(keyless("insufficient_evidence"), &undecided[1..]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "a missing count must be refused"
    );
    assert!(out.stdout.is_empty(), "a report was written");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("could not decide is missing"), "{err}");
}

/// A join key of one type probed with a value of another that `==`
/// accepts meets it in Spark as in the native index (review bug 4): the
/// tagged equi-join compares texts, and `CAST(.. AS STRING)` of a
/// timestamp never equals a date's, nor `5.0` (DOUBLE) `5` (BIGINT). Each
/// pair's two sides are written as the same text when `==` holds; same-type
/// pairs keep their plain text. Not run on Spark here (the key texts are
/// reasoned in `sql::rules::key_texts`); scripts/spark-diff runs them.
#[test]
fn join_keys_of_two_types_meet_as_the_same_text() {
    let pair = |field: &str, probe: &str| -> String {
        let policy = format!(
            "schema {{\n  record {{ id: id  f: {field} }}\n  event access {{ p: {probe} }}\n  company {{ name: text }}\n}}\n\
             rule r {{ for access a require not exists(record r where r.f == a.p) }}\n"
        );
        rule_part(&compile(&policy).expect("it compiles")).to_string()
    };
    let plain_field = "named_struct('t', 0, 'v', CAST(y.`f` AS STRING))";
    let number = |x: &str| {
        format!("CASE WHEN CAST({x} AS DOUBLE) = 0 THEN '0' ELSE CAST(CAST({x} AS DOUBLE) AS STRING) END")
    };
    // A datetime probe of a date field: that day's text only at its start.
    let sql = pair("date", "datetime");
    assert!(sql.contains(plain_field), "{sql}");
    assert!(
        sql.contains("CASE WHEN CAST(CAST((v0).`p` AS DATE) AS TIMESTAMP) = (v0).`p` THEN CAST(CAST((v0).`p` AS DATE) AS STRING) ELSE CAST((v0).`p` AS STRING) END AS k"),
        "{sql}"
    );
    // A date probe of a datetime field: the start of that day.
    let sql = pair("datetime", "date");
    assert!(sql.contains(plain_field), "{sql}");
    assert!(sql.contains("CAST((v0).`p` AS TIMESTAMP) AS k"), "{sql}");
    // Numbers with a decimal on either side: both as DOUBLE text, 0 for -0.0.
    for (field, probe) in [
        ("decimal", "int"),
        ("int", "decimal"),
        ("decimal", "decimal"),
    ] {
        let sql = pair(field, probe);
        let field_side = format!(
            "named_struct('t', 0, 'v', CAST({} AS STRING))",
            number("y.`f`")
        );
        assert!(sql.contains(&field_side), "{field} == {probe}: {sql}");
        let probe_side = format!("{} AS k", number("(v0).`p`"));
        assert!(sql.contains(&probe_side), "{field} == {probe}: {sql}");
        assert!(!sql.contains(plain_field), "{field} == {probe}: {sql}");
    }
    // One type on both sides: the plain text, as before.
    for (field, probe) in [
        ("int", "int"),
        ("date", "date"),
        ("datetime", "datetime"),
        ("text", "text"),
        ("text", "one of \"a\", \"b\""),
    ] {
        let sql = pair(field, probe);
        assert!(sql.contains(plain_field), "{field} == {probe}: {sql}");
        assert!(!sql.contains("AS DOUBLE"), "{field} == {probe}: {sql}");
    }
}

/// A duration key is no key: natively `==` compares durations by their
/// length (`1 day == 24 hours`) and no index is built on one
/// (`eval::index::join_keys`), so every object is tested with the whole
/// condition. The tagged equi-join met only rows whose duration *struct*
/// had the same text (`{false, 0, 1, 0}` is not `{false, 0, 0, 86400}`),
/// so Spark counted 0 where the evaluator counted 1: `require count(…) ==
/// 0` and `not exists(…)` passed on Spark and failed natively. And a
/// missing duration probe made every candidate unknown on Spark, where
/// natively `false and unknown` is false.
#[test]
fn a_duration_join_key_tests_every_row_as_natively() {
    let policy = "schema {\n  record { id: id  keep: duration? }\n  event access { p: duration? }\n  company { name: text }\n}\n\
         rule r { for access a require not exists(record r where r.keep == a.p) }\n\
         rule c { for access a require count(record r where r.keep == a.p) == 0 }\n\
         rule f { for access a forbid record r on r.keep == a.p }\n";
    let sql = compile(policy).expect("it compiles");
    let sql = rule_part(&sql);
    assert!(!sql.contains("named_struct('t', 0"), "{sql}");
    assert!(!sql.contains("the key is missing"), "{sql}");
    // Every join (an aggregate is compiled again for its value shown).
    assert!(sql.matches("CROSS JOIN").count() >= 3, "{sql}");
}

/// `contains` on text reads both sides as `matches` does, on Spark as
/// natively (`ContainsBy::Read`): the text through the same
/// `regexp_replace`s and `translate` as `matches`, whose table reads `帳`,
/// `賬` and `帐` as `账`; a literal is read by custodia (`營銷` is
/// `营销`). An id's `contains` compares as written. Runs on Spark in
/// `scripts/spark-diff` (tests/cases/spark-folded-names).
#[test]
fn contains_on_text_is_read_as_matches_reads_it() {
    let sql = compile(
        "rule r {\n  for record r where r.title contains \"營銷記帳\" and r.id contains \"營\"\n  require false else \"x\"\n}\n",
    )
    .expect("it compiles");
    let part = rule_part(&sql);
    assert!(part.contains("'营销记账')"), "{part}");
    assert!(
        part.contains("contains(translate(regexp_replace("),
        "{part}"
    );
    assert!(part.contains("'營')"), "{part}");
    // The translate table of `matches` and `contains` reads `帐` as `账`.
    let table = part
        .split(", '")
        .find(|s| s.contains('帳') && s.contains('帐'))
        .expect("a translate table");
    let at = |c: char| table.chars().position(|x| x == c);
    let to = part
        .split(", '")
        .skip_while(|s| !std::ptr::eq(*s, table))
        .nth(1)
        .expect("the translated characters");
    for c in ['帳', '帐', '賬'] {
        let i = at(c).unwrap_or_else(|| panic!("{c} in the table"));
        assert_eq!(to.chars().nth(i), Some('账'), "{c}");
    }
}
