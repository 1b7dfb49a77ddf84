//! Sources Spark reads in place (`spark:` in custodia.yaml; docs/spark.md,
//! "Reading in place"): the native engine refuses them with an input error
//! naming each, the compiler reads them in the script (local paths,
//! `hdfs://`, `s3a://`, catalog tables), refuses what it cannot read as
//! custodia's loader would, and a result without a source's count of rows
//! is never a report. The run on Spark is `scripts/spark-diff` (and the
//! test at the end, with `CUSTODIA_SPARK_TESTS=1`).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn custodia() -> Command {
    Command::new(env!("CARGO_BIN_EXE_custodia"))
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("read_dir") {
        let e = e.expect("entry");
        let target = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).expect("copy");
        }
    }
}

/// The acme example with `manifest` appended to its custodia.yaml.
fn acme_with(manifest: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let case = dir.path().join("acme");
    copy_dir(Path::new("examples/acme-deregistration"), &case);
    let yaml = case.join("custodia.yaml");
    let mut text = std::fs::read_to_string(&yaml).expect("manifest");
    text.push_str(manifest);
    std::fs::write(&yaml, text).expect("manifest");
    (dir, case)
}

/// Every source Spark can read in place read in place; the others (a
/// list field, durations, YAML) staged.
const IN_PLACE: &str = "inventory:
  spark: { path: inventory.csv, format: csv }
logs:
  - spark: { path: logs/access.csv, format: csv }
    kind: access
  - spark: { path: logs/notification.jsonl, format: json }
    kind: notification
  - logs/destruction.jsonl
  - logs/handover.yaml
tables:
  staff:
    spark: { path: tables/staff.csv, format: csv }
  custodian:
    spark: { path: tables/custodian.csv, format: csv }
  retention_schedule: tables/retention_schedule.csv
";

fn compile(case: &Path) -> Output {
    custodia()
        .args(["compile", "--target", "spark-sql"])
        .arg(case)
        .output()
        .expect("custodia runs")
}

#[test]
fn the_native_engine_refuses_each_source_read_in_place_by_name() {
    let (_dir, case) = acme_with(IN_PLACE);
    let out = custodia()
        .args(["check", "--format", "json"])
        .arg(&case)
        .output()
        .expect("custodia runs");
    assert_eq!(
        out.status.code(),
        Some(2),
        "never a pass: it read none of them"
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("a JSON report");
    assert_eq!(report["complete"], false);
    // Named by `spark:`, the files are not "not read", and the inventory
    // is not missing: Spark reads them.
    let not_read = report["not_read"].to_string();
    assert!(!not_read.contains("\"inventory.csv\""), "{not_read}");
    assert!(!not_read.contains("logs/access.csv"), "{not_read}");
    assert!(
        !report["notes"].to_string().contains("no inventory"),
        "{}",
        report["notes"]
    );
    let errors: Vec<String> = report["input_errors"]
        .as_array()
        .expect("input errors")
        .iter()
        .map(|e| {
            format!(
                "{}:{} {}",
                e["file"].as_str().unwrap_or(""),
                e["line"],
                e["message"].as_str().unwrap_or("")
            )
        })
        .collect();
    for (line, source) in [
        (7, "spark:inventory.csv"),
        (9, "spark:logs/access.csv"),
        (11, "spark:logs/notification.jsonl"),
        (17, "spark:tables/staff.csv"),
        (19, "spark:tables/custodian.csv"),
    ] {
        assert!(
            errors.iter().any(|e| e.starts_with(&format!(
                "custodia.yaml:{line} `{source}` is read by Spark in place"
            ))),
            "{source}: {errors:#?}"
        );
    }
}

#[test]
fn the_script_reads_local_sources_in_place_with_their_provenance() {
    let (_dir, case) = acme_with(IN_PLACE);
    let out = compile(&case);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let sql = String::from_utf8(out.stdout).expect("UTF-8");
    let root = std::path::absolute(&case).expect("absolute");
    let access = format!(
        "USING csv OPTIONS (path 'file:{}/logs/access.csv', header 'true'",
        root.display()
    );
    assert!(sql.contains(&access), "{sql}");
    assert!(
        sql.contains("SELECT input_file_name() AS _file, monotonically_increasing_id() AS _mid")
    );
    // The collection is its staged rows and the rows read in place.
    assert!(
        sql.contains("FROM `access__staged`\nUNION ALL SELECT * FROM custodia_p1\n"),
        "{sql}"
    );
    // The built-in checks in SQL, the rows a finding names, every count.
    assert!(sql.contains("CREATE OR REPLACE TEMPORARY VIEW custodia_builtins AS"));
    assert!(sql.contains("CREATE OR REPLACE TEMPORARY VIEW custodia_refs AS"));
    assert_eq!(
        sql.matches("SELECT -2 AS rule, ").count(),
        5,
        "one count per source"
    );
    assert!(
        !sql.contains("destruction.jsonl'"),
        "a staged source is not read in place"
    );
}

/// `hdfs://` and `s3a://` cannot be reached from this machine: what is
/// tested is the path plumbing, the views the script reads them through.
#[test]
fn cluster_paths_and_catalog_tables_reach_the_script_as_written() {
    let (_dir, case) = acme_with(
        "logs:
  - spark: { path: 'hdfs://namenode:8020/archive/access/', format: parquet }
    kind: access
    columns: { purpose: 用途 }
  - spark: { path: 's3a://archive-bucket/notification/*.json', format: json }
    kind: notification
tables:
  staff:
    spark: { table: archive.staff }
",
    );
    let out = compile(&case);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let sql = String::from_utf8(out.stdout).expect("UTF-8");
    let start = sql
        .find("-- `access` read in place")
        .expect("the first source's views");
    let end = sql.find("-- record `record`").expect("the staged views");
    insta::assert_snapshot!(&sql[start..end]);
    // Each source's columns come back for the note on a field whose column
    // it lacks: of Parquet and a table the keys of one row (empty cells
    // kept), of JSON Lines every key some row holds a value in.
    let columns: Vec<&str> = sql
        .lines()
        .filter(|l| l.contains("'columns' AS outcome") || l.starts_with("FROM (SELECT DISTINCT k"))
        .collect();
    assert_eq!(columns.len(), 4, "{sql}");
    insta::assert_snapshot!("in_place_columns", columns.join("\n"));
}

#[test]
fn what_cannot_be_read_as_natively_is_refused_naming_the_source() {
    let cases = [
        (
            "logs:\n  - spark: { path: logs/destruction.jsonl, format: json }\n    kind: destruction\n",
            "`spark:logs/destruction.jsonl` cannot be read in place: field `destruction.witnesses` is a duration or a list",
        ),
        (
            "tables:\n  retention_schedule:\n    spark: { path: tables/retention_schedule.csv, format: csv }\n",
            "field `retention_schedule.period` is a duration or a list",
        ),
        (
            "logs:\n  - spark: { path: logs/access.csv, format: csv }\n",
            "a log read in place names its event kind",
        ),
        (
            "logs:\n  - spark: { path: logs/access.csv, format: csv }\n    kind: access\n    columns: { actor: { column: 查阅人, lookup: staff.name } }\n",
            "field `actor`: only `column` is read in place",
        ),
        (
            "inventory:\n  spark: { path: inventory.csv, format: csv }\n  columns: { 题名: title }\n",
            "`record` has no field `题名`",
        ),
    ];
    for (manifest, says) in cases {
        let (_dir, case) = acme_with(manifest);
        let out = compile(&case);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{manifest}: {err}");
        assert!(err.contains(says), "{manifest}: {err}");
        let line = if manifest.starts_with("tables:") {
            8
        } else {
            7
        };
        assert!(
            err.contains(&format!("custodia.yaml line {line}: ")),
            "{manifest}: {err}"
        );
    }
}

#[test]
fn entries_that_mix_spark_with_file_or_database_keys_are_refused() {
    for (manifest, says) in [
        (
            "inventory:\n  spark: { path: inventory.csv, format: csv }\n  file: inventory.csv\n",
            "`file:` does not go with `spark:`",
        ),
        (
            "inventory:\n  spark: { path: inventory.csv }\n",
            "needs `format:`",
        ),
        (
            "inventory:\n  spark: { path: inventory.xlsx, format: xlsx }\n",
            "Spark reads `parquet`, `csv` or `json`",
        ),
        (
            "inventory:\n  spark: { path: a.csv, table: db.t, format: csv }\n",
            "not both",
        ),
        (
            "inventory:\n  spark: { table: 'db.t; DROP' }\n",
            "a table is named `db.name`",
        ),
    ] {
        let (_dir, case) = acme_with(manifest);
        let out = custodia()
            .arg("check")
            .arg(&case)
            .output()
            .expect("custodia runs");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{manifest}: {err}");
        assert!(err.contains(says), "{manifest}: {err}");
    }
}

/// A job whose result counts every collection and rule but not the rows
/// of one source read in place makes no report: a source without a count
/// is never compliant.
#[test]
fn a_source_read_in_place_without_its_count_is_never_a_pass() {
    let (dir, case) = acme_with(IN_PLACE);
    let sql = String::from_utf8(compile(&case).stdout).expect("UTF-8");
    let rules = sql.matches("-- ==== rule ").count();
    let colls = sql.matches("SELECT -1 AS rule, ").count();
    assert!(rules > 0 && colls > 0, "{sql}");
    let mut rows: Vec<String> = (0..rules)
        .map(|r| format!(r#"{{"rule":{r},"clause":-1,"rows":[0],"outcome":"subjects","message":null,"vals":null}}"#))
        .collect();
    rows.extend((0..colls).map(|c| {
        format!(r#"{{"rule":-1,"clause":{c},"rows":[0],"outcome":"rows_read","message":null,"vals":null}}"#)
    }));
    // Four of the five sources counted.
    rows.extend((0..4).map(|p| {
        format!(r#"{{"rule":-2,"clause":{p},"rows":[0],"outcome":"rows_read","message":null,"vals":null}}"#)
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
        .arg(&case)
        .env("CUSTODIA_SPARK_SUBMIT", &fake)
        .output()
        .expect("custodia runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(out.stdout.is_empty(), "a report was written");
    assert!(
        err.contains("no count of the rows read of `spark:tables/staff.csv`"),
        "{err}"
    );
}

/// A fake `spark-submit` running `body` (sh), executable.
fn fake_submit(dir: &Path, body: &str) -> PathBuf {
    let fake = dir.join("spark-submit");
    std::fs::write(&fake, format!("#!/bin/sh\n{body}\n")).expect("fake spark-submit");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    }
    fake
}

/// Issue 14: an error the script raises while the job runs (a cell in no
/// form custodia's loader reads) is a catalogue id and its arguments, shown
/// in the run's language with the source, the file as the report names it
/// and the field; never a report.
#[test]
fn an_error_raised_in_the_job_is_shown_in_the_runs_language() {
    let (dir, case) = acme_with("inventory:\n  spark: { path: inventory.csv, format: csv }\n");
    let abs = std::path::absolute(&case).expect("absolute");
    // As Spark logs `raise_error`'s message (the executor and the driver).
    let log = format!(
        "[USER_RAISED_EXCEPTION] custodia-error:{{\"id\":\"spark-run-cell-date\",\"part\":\"0\",\"file\":\"file://{}/inventory.csv\",\"row\":\"3\",\"field\":\"0\"}} SQLSTATE: P0001",
        abs.display()
    );
    let fake = fake_submit(
        dir.path(),
        &format!("echo '{log}' >&2\necho '{log}' >&2\nexit 1"),
    );
    let run = |lang: &str| {
        let out = custodia()
            .args([
                "check", "--engine", "spark", "--format", "json", "--lang", lang,
            ])
            .arg(&case)
            .env("CUSTODIA_SPARK_SUBMIT", &fake)
            .output()
            .expect("custodia runs");
        assert_eq!(out.status.code(), Some(2));
        assert!(out.stdout.is_empty(), "a report was written");
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let zh = run("zh");
    assert!(
        zh.contains("错误：Spark 作业中止：spark:inventory.csv inventory.csv 第 3 行：字段 `record.id` 不是日期（YYYY-MM-DD）；未执行任何规则"),
        "{zh}"
    );
    assert!(!zh.contains("custodia-error"), "{zh}");
    let en = run("en");
    assert!(
        en.contains("error: the Spark job stopped: spark:inventory.csv inventory.csv row 3: field `record.id` is not a date (YYYY-MM-DD); no rule was evaluated"),
        "{en}"
    );
    // An id this binary does not know, or no payload: the log is shown.
    let fake = fake_submit(
        dir.path(),
        "echo 'custodia-error:{\"id\":\"app-unknown\"}' >&2\nexit 1",
    );
    let out = custodia()
        .args(["check", "--engine", "spark", "--lang", "en"])
        .arg(&case)
        .env("CUSTODIA_SPARK_SUBMIT", &fake)
        .output()
        .expect("custodia runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("the Spark job failed"), "{err}");
    assert!(err.contains("app-unknown"), "{err}");
}

/// The columns Spark saw in a source read in place make the note the
/// native engine makes for a file's header without the column of a field
/// with a default or an optional one, naming the source as the report's
/// inputs do; a source of no rows has none.
#[test]
fn a_column_missing_from_a_source_read_in_place_is_noted() {
    let (dir, case) = acme_with(IN_PLACE);
    let sql = String::from_utf8(compile(&case).stdout).expect("UTF-8");
    let rules = sql.matches("-- ==== rule ").count();
    let record = sql
        .lines()
        .find(|l| l.starts_with("SELECT -1 AS rule, ") && l.ends_with("FROM `record`"))
        .and_then(|l| l.split(", ").nth(1))
        .and_then(|c| c.strip_suffix(" AS clause"))
        .expect("the count of records");
    let colls = sql.matches("SELECT -1 AS rule, ").count();
    let mut rows: Vec<String> = (0..rules)
        .map(|r| format!(r#"{{"rule":{r},"clause":-1,"rows":[0],"outcome":"subjects","message":null,"vals":null}}"#))
        .collect();
    // Rules with a `where` or `when`: no object left undecided.
    rows.extend(
        (0..rules)
            .filter(|r| sql.contains(&format!("SELECT {r} AS rule, -2 AS clause")))
            .map(|r| format!(r#"{{"rule":{r},"clause":-2,"rows":[0],"outcome":"undecided","message":null,"vals":null}}"#)),
    );
    // The inventory (part 0) read 2 rows, without `legal_hold` and
    // `period_end`; the others none.
    rows.extend((0..5).map(|p| {
        let n = if p == 0 { 2 } else { 0 };
        format!(r#"{{"rule":-2,"clause":{p},"rows":[{n}],"outcome":"rows_read","message":null,"vals":null}}"#)
    }));
    rows.push(r#"{"rule":-7,"clause":0,"rows":[],"outcome":"columns","message":null,"vals":["id","title","class","category","subject","personal_info","created","status","location","phone"]}"#.into());
    rows.extend((1..5).map(|p| {
        format!(
            r#"{{"rule":-7,"clause":{p},"rows":[],"outcome":"columns","message":null,"vals":null}}"#
        )
    }));
    // Each collection's rows read: what custodia staged (the driver's
    // second argument from the end), plus the records read in place.
    let counting = |result: &Path| {
        format!(
            "for out; do stage=$prev; prev=$out; done\ncp '{}' \"$out\"\n\
             for c in $(seq 0 {}); do n=0; [ -f \"$stage/c$c.jsonl\" ] && n=$(wc -l < \"$stage/c$c.jsonl\"); \
             [ $c = {record} ] && n=$((n + 2)); \
             echo '{{\"rule\":-1,\"clause\":'$c',\"rows\":['$n'],\"outcome\":\"rows_read\",\"message\":null,\"vals\":null}}' >> \"$out\"; done\n\
             wc -l < \"$out\" > \"$out.done\"",
            result.display(),
            colls - 1
        )
    };
    let result = dir.path().join("result.jsonl");
    std::fs::write(&result, rows.join("\n") + "\n").expect("the result");
    let fake = fake_submit(dir.path(), &counting(&result));
    let out = custodia()
        .args([
            "check", "--engine", "spark", "--format", "json", "--lang", "en",
        ])
        .arg(&case)
        .env("CUSTODIA_SPARK_SUBMIT", &fake)
        .output()
        .expect("custodia runs");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!("{e}: {}", String::from_utf8_lossy(&out.stderr));
    });
    let notes: Vec<String> = report["notes"]
        .as_array()
        .expect("notes")
        .iter()
        .filter(|n| {
            n["message"]
                .as_str()
                .unwrap_or("")
                .contains("has no column")
        })
        .map(|n| {
            format!(
                "{}: {}",
                n["file"].as_str().unwrap_or(""),
                n["message"].as_str().unwrap_or("")
            )
        })
        .collect();
    insta::assert_snapshot!(notes.join("\n"));
    // Without the list of columns of a source that has rows: no report.
    let cut: Vec<&str> = rows
        .iter()
        .filter(|r| !r.contains(r#""rule":-7,"clause":0,"#))
        .map(String::as_str)
        .collect();
    std::fs::write(&result, cut.join("\n") + "\n").expect("the result");
    let fake = fake_submit(dir.path(), &counting(&result));
    let out = custodia()
        .args([
            "check", "--engine", "spark", "--format", "json", "--lang", "en",
        ])
        .arg(&case)
        .env("CUSTODIA_SPARK_SUBMIT", &fake)
        .output()
        .expect("custodia runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(out.stdout.is_empty(), "a report was written");
    assert!(
        err.contains("the columns of a source read in place"),
        "{err}"
    );
}

/// Whether the tests that run a job on local Spark are wanted
/// (`CUSTODIA_SPARK_TESTS=1`); says why not when they are skipped.
fn spark_tests_wanted() -> bool {
    let wanted = std::env::var_os("CUSTODIA_SPARK_TESTS").is_some();
    if !wanted {
        eprintln!("skipped: set CUSTODIA_SPARK_TESTS=1 (and SPARK_HOME) to run it; scripts/spark-diff runs the in-place cases on a cluster");
    }
    wanted
}

/// `check --engine spark` of `case` on `local[1]` in `lang`, which must
/// stop the job: exit status 2 and no report. Returns its stderr.
fn failed_on_local_spark(case: &Path, lang: &str) -> String {
    let out = custodia()
        .args([
            "check",
            "--engine",
            "spark",
            "--spark-master",
            "local[1]",
            "--lang",
            lang,
        ])
        .arg(case)
        .output()
        .expect("custodia runs");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(out.stdout.is_empty(), "a report was written");
    err
}

/// The acme example with its access log read in place.
const ACCESS_IN_PLACE: &str =
    "logs:\n  - spark: { path: logs/access.csv, format: csv }\n    kind: access\n";

/// Issue 14 on Spark: a cell read in place in no form custodia reads stops
/// the job, and the error is in the run's language.
#[test]
fn a_bad_cell_read_in_place_stops_the_job_with_the_message_in_chinese() {
    if !spark_tests_wanted() {
        return;
    }
    let (_dir, case) = acme_with("inventory:\n  spark: { path: inventory.csv, format: csv }\n");
    let path = case.join("inventory.csv");
    let text = std::fs::read_to_string(&path).expect("inventory");
    std::fs::write(&path, text.replacen(",2020-04-30,", ",2020/04/30,", 1)).expect("inventory");
    let err = failed_on_local_spark(&case, "zh");
    assert!(
        err.contains("错误：Spark 作业中止：spark:inventory.csv inventory.csv 第 1 行：字段 `record.created` 不是日期（YYYY-MM-DD）；未执行任何规则"),
        "{err}"
    );
}

/// An Excel error saved as text in a text field read in place stops the
/// job, as it is an input error natively (`convert::excel_error`): read as
/// a value, a `purpose` of `#N/A` was set.
#[test]
fn an_excel_error_read_in_place_stops_the_job() {
    if !spark_tests_wanted() {
        return;
    }
    let (_dir, case) = acme_with(ACCESS_IN_PLACE);
    let path = case.join("logs/access.csv");
    let text = std::fs::read_to_string(&path).expect("access log");
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    let mut cells: Vec<String> = lines[1].split(',').map(String::from).collect();
    assert_eq!(lines[0], "at,record,actor,purpose");
    cells[3] = "#N/A".into();
    lines[1] = cells.join(",");
    std::fs::write(&path, lines.join("\n") + "\n").expect("access log");
    let err = failed_on_local_spark(&case, "en");
    assert!(
        err.contains("row 1: field `access.purpose` holds an Excel error"),
        "{err}"
    );
}

/// A CSV read in place that is not UTF-8 (a GBK export) stops the job at
/// its first such text cell: Spark decodes it as UTF-8 into replacement
/// characters, which no rule could match (natively, such a row is an input
/// error).
#[test]
fn a_gbk_file_read_in_place_stops_the_job() {
    if !spark_tests_wanted() {
        return;
    }
    let (_dir, case) = acme_with(ACCESS_IN_PLACE);
    let path = case.join("logs/access.csv");
    let text = std::fs::read_to_string(&path).expect("access log");
    let (gbk, _, _) = encoding_rs::GB18030.encode(&text);
    std::fs::write(&path, &gbk).expect("access log");
    let err = failed_on_local_spark(&case, "en");
    assert!(err.contains("holds bytes that are not UTF-8"), "{err}");
}

/// A folder of CSV files read in place whose headers list the columns in
/// different orders: Spark would read every file by the first header's
/// positions (`record` as `actor`, both ids, so no value fails to parse).
/// custodia asks Spark to check each header, and the job stops (exit 2).
#[test]
fn csv_files_of_one_source_with_columns_in_another_order_stop_the_job() {
    if !spark_tests_wanted() {
        return;
    }
    let (_dir, case) =
        acme_with("logs:\n  - spark: { path: logs/access, format: csv }\n    kind: access\n");
    let logs = case.join("logs");
    let text = std::fs::read_to_string(logs.join("access.csv")).expect("access log");
    std::fs::remove_file(logs.join("access.csv")).expect("access log");
    std::fs::create_dir(logs.join("access")).expect("folder");
    let mut lines = text.lines();
    let header = lines.next().expect("header");
    assert_eq!(header, "at,record,actor,purpose");
    let rows: Vec<&str> = lines.collect();
    let (first, second) = rows.split_at(rows.len() / 2);
    std::fs::write(
        logs.join("access/a.csv"),
        [header]
            .iter()
            .chain(first)
            .map(|l| format!("{l}\n"))
            .collect::<String>(),
    )
    .expect("a.csv");
    // The same columns, `record` and `actor` swapped in header and rows.
    let swapped: String = std::iter::once("at,actor,record,purpose".to_string())
        .chain(second.iter().map(|l| {
            let c: Vec<&str> = l.splitn(4, ',').collect();
            format!("{},{},{},{}", c[0], c[2], c[1], c[3])
        }))
        .map(|l| l + "\n")
        .collect();
    std::fs::write(logs.join("access/b.csv"), swapped).expect("b.csv");
    let out = custodia()
        .args(["check", "--engine", "spark", "--spark-master", "local[1]"])
        .arg(&case)
        .output()
        .expect("custodia runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(out.stdout.is_empty(), "a report was written");
    assert!(
        err.contains("CSV header does not conform to the schema"),
        "{err}"
    );
}
