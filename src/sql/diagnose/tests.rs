//! The recogniser on real and real-looking logs (tests/spark_logs/).

use std::path::PathBuf;

use super::{Cause, Job, Memory};
use crate::data::source::{SparkFormat, SparkSource};
use crate::i18n::Lang;
use crate::sql::inplace::Part;
use crate::sql::joblog::{failed, JobLog};

macro_rules! log {
    ($name:literal) => {
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/spark_logs/",
            $name
        ))
    };
}

fn part(index: usize, source: SparkSource, line: u32) -> Part {
    Part {
        index,
        rank: index,
        coll: crate::value::CollId(0),
        source,
        role: "log",
        columns: vec![],
        line,
        root: PathBuf::from("/tmp/sparkhints-probe"),
    }
}

fn conf(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// The causes `log` shows for a job on `master` with custodia's own
/// driver memory and the user's `extra` settings.
fn causes(log: &str, master: &str, extra: &[(&str, &str)], killed: Option<i32>) -> Vec<Cause> {
    let mut settings = conf(&[("spark.driver.memory", "512m")]);
    settings.extend(conf(extra));
    let parts = [
        part(
            0,
            SparkSource::Path {
                path: "missing.csv".into(),
                format: SparkFormat::Csv,
            },
            7,
        ),
        part(1, SparkSource::Table("archive.staff".into()), 12),
    ];
    let job = Job {
        master,
        conf: &settings,
        parts: &parts,
    };
    JobLog::of(log).seen.causes(&job, killed)
}

const CLUSTER: &str = "spark://10.0.0.9:7077";

#[test]
fn a_missing_path_names_the_path_and_its_custodia_yaml_entry() {
    assert_eq!(
        causes(log!("path_not_found.log"), "local[1]", &[], None),
        [Cause::PathNotFound {
            path: "file:/tmp/sparkhints-probe/missing.csv".into(),
            source: Some(("spark:missing.csv".into(), 7)),
        }]
    );
    // Spark 3's wording; a path no entry names.
    let old =
        "org.apache.spark.sql.AnalysisException: Path does not exist: hdfs://nn:8020/archive/x;";
    assert_eq!(
        causes(old, CLUSTER, &[], None),
        [Cause::PathNotFound {
            path: "hdfs://nn:8020/archive/x".into(),
            source: None,
        }]
    );
}

#[test]
fn a_missing_table_is_named_without_backquotes() {
    // The real log says it twice: a structured (JSON) line, then the
    // traceback.
    assert_eq!(
        causes(log!("table_not_found.log"), "local[1]", &[], None),
        [Cause::TableNotFound {
            table: "archive.staff".into(),
            source: Some(("spark:table:archive.staff".into(), 12)),
        }]
    );
    let other = "[TABLE_OR_VIEW_NOT_FOUND] The table or view `spark_catalog`.`hr`.`people` cannot be found.";
    assert_eq!(
        causes(other, CLUSTER, &[], None),
        [Cause::TableNotFound {
            table: "spark_catalog.hr.people".into(),
            source: None,
        }]
    );
}

#[test]
fn no_java_or_an_old_one() {
    for log in [log!("no_java.log"), log!("java_home_wrong.log")] {
        assert_eq!(causes(log, "local[1]", &[], None), [Cause::NoJava], "{log}");
    }
    assert_eq!(
        causes(log!("old_java.log"), "local[1]", &[], None),
        [Cause::OldJava { needs: Some(17) }]
    );
}

#[test]
fn two_pythons_name_both_versions() {
    assert_eq!(
        causes(log!("python_mismatch.log"), CLUSTER, &[], None),
        [Cause::TwoPythons {
            worker: "3.10".into(),
            driver: "3.11".into(),
        }]
    );
    // PySpark before 3.4.
    let old = "Exception: Python in worker has different version 2.7 than that in driver 3.6, PySpark cannot run with different minor versions.";
    assert_eq!(
        causes(old, CLUSTER, &[], None),
        [Cause::TwoPythons {
            worker: "2.7".into(),
            driver: "3.6".into(),
        }]
    );
}

#[test]
fn the_master_named_when_unreachable_unreadable_or_without_workers() {
    let master = |m: &str| m.to_string();
    assert_eq!(
        causes(log!("master_unreachable.log"), CLUSTER, &[], None),
        [Cause::MasterUnreachable {
            master: master(CLUSTER)
        }]
    );
    assert_eq!(
        causes(
            log!("bad_master_url.log"),
            "spark:/10.0.0.9:7077",
            &[],
            None
        ),
        [Cause::BadMasterUrl {
            master: master("spark:/10.0.0.9:7077")
        }]
    );
    // A job waiting for executors stopped by a time limit (SIGTERM).
    assert_eq!(
        causes(log!("no_resources.log"), CLUSTER, &[], Some(15)),
        [
            Cause::NoResources {
                master: master(CLUSTER)
            },
            Cause::Stopped {
                signal: "15 (SIGTERM)".into()
            }
        ]
    );
}

#[test]
fn out_of_memory_says_which_memory_and_the_setting_given() {
    let oom = |which, driver: &str, executor: Option<&str>| Cause::OutOfMemory {
        which,
        driver: Some(driver.into()),
        executor: executor.map(Into::into),
    };
    assert_eq!(
        causes(
            log!("executor_oom.log"),
            CLUSTER,
            &[("spark.executor.memory", "512m")],
            None
        ),
        [oom(Memory::Executor, "512m", Some("512m"))]
    );
    // The user's setting is the one Spark uses.
    assert_eq!(
        causes(
            log!("driver_oom.log"),
            CLUSTER,
            &[("spark.driver.memory", "1g")],
            None
        ),
        [oom(Memory::Driver, "1g", None)]
    );
    // In local mode the tasks run in the driver, whatever the log says.
    for log in [log!("local_oom.log"), log!("executor_oom.log")] {
        assert_eq!(
            causes(log, "local[2]", &[], None),
            [oom(Memory::Local, "512m", None)]
        );
    }
    assert_eq!(
        causes(log!("container_oom.log"), "yarn", &[], None),
        [oom(Memory::Container, "512m", None)]
    );
    assert_eq!(
        causes(
            "java.lang.OutOfMemoryError: Java heap space",
            "yarn",
            &[],
            None
        ),
        [oom(Memory::Unknown, "512m", None)]
    );
    assert_eq!(
        causes(log!("result_too_large.log"), CLUSTER, &[], None),
        [Cause::ResultTooLarge]
    );
    // An executor killed (137) without a word of memory in the log.
    assert_eq!(
        causes(
            "26/12/04 10:21:12 ERROR TaskSchedulerImpl: Lost executor 0 on 10.0.0.5: Command exited with code 137",
            CLUSTER,
            &[],
            None
        ),
        [oom(Memory::Executor, "512m", None)]
    );
}

#[test]
fn a_killed_job_and_a_log_without_a_known_cause() {
    assert_eq!(
        causes(log!("csv_header.log"), "local[1]", &[], Some(9)),
        [Cause::Killed]
    );
    assert_eq!(causes(log!("csv_header.log"), "local[1]", &[], None), []);
    // Exit codes that are not memory's, and numbers that only look alike.
    let lines = "ERROR TaskSchedulerImpl: Lost executor 0 on h: Command exited with code 1\n\
                 INFO Worker: Executor app-1/0 finished with state KILLED exitStatus 143\n\
                 WARN x: exit code 1370";
    assert_eq!(causes(lines, CLUSTER, &[], None), []);
}

#[test]
fn the_log_kept_is_the_last_lines_and_the_first_raised_error() {
    let mut text = String::new();
    for i in 0..100 {
        text.push_str(&format!("line {i}\n"));
        if i == 40 || i == 60 {
            text.push_str(&format!(
                "{}{{\"id\":\"spark-run-{i}\"}}\n",
                super::super::inplace::RAISED
            ));
        }
    }
    text.push_str(&"x".repeat(5000));
    let log = JobLog::of(&text);
    assert!(log
        .raised
        .as_deref()
        .is_some_and(|l| l.contains("spark-run-40")));
    let lang = Lang::En;
    let parts = [];
    let job = Job {
        master: "local[1]",
        conf: &[],
        parts: &parts,
    };
    let out = failed(lang, exit(1), &log, &job);
    let quoted: Vec<&str> = out.lines().filter(|l| l.starts_with("  | ")).collect();
    assert_eq!(quoted.len(), 30, "{out}");
    assert_eq!(quoted[0], "  | line 71");
    // A line too long is cut.
    assert_eq!(quoted[29].chars().count(), 4 + 2000 + 2, "{}", quoted[29]);
    let empty = failed(lang, exit(1), &JobLog::default(), &job);
    assert_eq!(
        empty,
        "error: the Spark job failed (exit status 1); no rule was evaluated\nSpark wrote no log.\n"
    );
}

/// An exit status: code `code`.
#[cfg(unix)]
fn exit(code: i32) -> std::process::ExitStatus {
    use std::os::unix::process::ExitStatusExt;
    std::process::ExitStatus::from_raw(code << 8)
}

/// An exit status: killed by `signal`.
#[cfg(unix)]
fn killed(signal: i32) -> std::process::ExitStatus {
    use std::os::unix::process::ExitStatusExt;
    std::process::ExitStatus::from_raw(signal)
}

/// The whole message, in both languages, for the executor out of memory
/// (the failure of the 1M-record run, bench/RESULTS.md) and a job killed
/// by the kernel.
#[cfg(unix)]
#[test]
fn a_failure_in_english_and_chinese() {
    let settings = conf(&[
        ("spark.driver.memory", "512m"),
        ("spark.executor.memory", "512m"),
    ]);
    let job = Job {
        master: CLUSTER,
        conf: &settings,
        parts: &[],
    };
    let log = JobLog::of(log!("executor_oom.log"));
    insta::assert_snapshot!("executor_oom_en", failed(Lang::En, exit(1), &log, &job));
    insta::assert_snapshot!("executor_oom_zh", failed(Lang::Zh, exit(1), &log, &job));
    let log = JobLog::of(log!("local_oom.log"));
    let local = Job {
        master: "local[2]",
        ..job
    };
    insta::assert_snapshot!("killed_zh", failed(Lang::Zh, killed(9), &log, &local));
}

#[test]
fn info_lines_are_left_out_of_the_tail_but_read() {
    let text = "26/12/04 10:42:29 INFO Executor: Starting executor ID driver on host 192.0.2.2\n\
                {\"ts\": \"2026-12-04 10:25:39.134\", \"level\": \"INFO\", \"msg\": \"x\"}\n\
                26/12/04 10:42:29 INFO X: Path does not exist: file:/a.csv. SQLSTATE: 42K03\n\
                26/12/04 10:42:30 WARN Utils: Set SPARK_LOCAL_IP if you need to bind to another address\n\
                26/12/04 10:42:31 ERROR Executor: Exception in task 0.0\n\
                INFO at the start of a line of Spark's words";
    let log = JobLog::of(text);
    let job = Job {
        master: "local[1]",
        conf: &[],
        parts: &[],
    };
    let out = failed(Lang::En, exit(1), &log, &job);
    let quoted: Vec<&str> = out.lines().filter(|l| l.starts_with("  | ")).collect();
    assert_eq!(
        quoted,
        [
            "  | 26/12/04 10:42:30 WARN Utils: Set SPARK_LOCAL_IP if you need to bind to another address",
            "  | 26/12/04 10:42:31 ERROR Executor: Exception in task 0.0",
            "  | INFO at the start of a line of Spark's words",
        ]
    );
    assert!(
        out.contains("Spark finds nothing at `file:/a.csv`"),
        "{out}"
    );
}

/// Values Spark quotes from the data stay out of the quoted tail: they
/// may be personal (a malformed record, a value that did not cast).
#[test]
fn data_values_spark_quotes_are_withheld_from_the_tail() {
    use crate::sql::joblog::withheld;
    assert_eq!(
        withheld("org.apache.spark.SparkException: [MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION] Malformed records are detected in record parsing: [R-1,张三,13812345678]."),
        "org.apache.spark.SparkException: [MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION] Malformed records are detected in record parsing: …"
    );
    assert_eq!(
        withheld("[CAST_INVALID_INPUT] The value '13812345678' of the type \"STRING\" cannot be cast to \"DATE\" because it is malformed."),
        "[CAST_INVALID_INPUT] The value '…' of the type \"STRING\" cannot be cast to \"DATE\" because it is malformed."
    );
    assert_eq!(withheld("it's one quote"), "it's one quote");
    let log = JobLog::of(
        "ERROR Executor: [CAST_INVALID_INPUT] The value '张三 13812345678' of the type \"STRING\"",
    );
    let parts = [];
    let job = Job {
        master: "local[1]",
        conf: &[],
        parts: &parts,
    };
    let out = failed(Lang::En, exit(1), &log, &job);
    assert!(!out.contains("13812345678"), "{out}");
    assert!(out.contains("The value '…'"), "{out}");
}
