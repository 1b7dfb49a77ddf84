//! A failed Spark job (docs/spark.md, "When the job fails"): exit status
//! 2 and no report, whatever ended it (an error, a kill, a time limit);
//! the cause custodia recognises in the log said in the run's language
//! with what to do, before the log's last lines in Spark's own words.
//! `spark-submit` is a fake printing logs of real runs
//! (tests/spark_logs/); the one run on Spark is the gated test at the end
//! (`CUSTODIA_SPARK_TESTS=1`).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn custodia() -> Command {
    Command::new(env!("CARGO_BIN_EXE_custodia"))
}

/// The acme example with its inventory read in place from `nowhere.csv`,
/// which does not exist; and the line of that entry in custodia.yaml.
fn acme_reading_nowhere() -> (tempfile::TempDir, PathBuf, usize) {
    let dir = tempfile::tempdir().expect("tempdir");
    let case = dir.path().join("acme");
    copy_dir(Path::new("examples/acme-deregistration"), &case);
    let yaml = case.join("custodia.yaml");
    let mut text = std::fs::read_to_string(&yaml).expect("manifest");
    text.push_str("inventory:\n  spark: { path: nowhere.csv, format: csv }\n");
    let line = text.lines().count();
    std::fs::write(&yaml, text).expect("manifest");
    (dir, case, line)
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

/// `custodia check --engine spark` of `case` through `fake`, in `lang`.
fn check(case: &Path, fake: &Path, lang: &str, extra: &[&str]) -> Output {
    custodia()
        .args([
            "check", "--engine", "spark", "--format", "json", "--lang", lang,
        ])
        .args(extra)
        .arg(case)
        .env("CUSTODIA_SPARK_SUBMIT", fake)
        .output()
        .expect("custodia runs")
}

/// Exit status 2, nothing on stdout (no report): the stderr.
fn refused(out: &Output) -> String {
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(out.stdout.is_empty(), "a report was written: {err}");
    err
}

/// The real log of a missing path (tests/spark_logs/path_not_found.log)
/// as custodia's run makes it: the JVM's lines on stderr, the driver's
/// traceback, which alone names the path, on stdout (`split`); or all of
/// it on stderr, in a fixed order for a snapshot (stdout and stderr are
/// read as they come, so their lines may interleave).
fn path_not_found(abs_case: &Path, split: bool) -> String {
    let log = include_str!("spark_logs/path_not_found.log").replace(
        "/tmp/sparkhints-probe/missing.csv",
        &format!("{}/nowhere.csv", abs_case.display()),
    );
    let (jvm, driver) = log
        .split_once("Traceback")
        .expect("the log has a traceback");
    let to = if split { "" } else { " >&2" };
    format!("cat >&2 <<'EOF'\n{jvm}EOF\ncat{to} <<'EOF'\nTraceback{driver}EOF\nexit 1")
}

/// The whole message, in English and in Chinese, for a source read in
/// place whose path does not exist: the entry of custodia.yaml named, the
/// log quoted after.
#[test]
fn a_missing_path_is_said_in_both_languages_naming_its_entry() {
    let (dir, case, line) = acme_reading_nowhere();
    let abs = std::path::absolute(&case).expect("absolute");
    let fake = fake_submit(dir.path(), &path_not_found(&abs, false));
    let shown = |lang: &str| {
        let err = refused(&check(&case, &fake, lang, &[]));
        err.replace(&abs.display().to_string(), "[CASE]")
    };
    let en = shown("en");
    assert!(
        en.contains(&format!(
            "  likely cause: custodia.yaml line {line}: `spark:nowhere.csv`: Spark finds nothing at `file:[CASE]/nowhere.csv`\n"
        )),
        "{en}"
    );
    insta::assert_snapshot!("missing_path_en", en);
    let zh = shown("zh");
    assert!(
        zh.contains(&format!(
            "  可能的原因：custodia.yaml 第 {line} 行：`spark:nowhere.csv`：Spark 在 `file:[CASE]/nowhere.csv` 找不到任何文件\n"
        )),
        "{zh}"
    );
    insta::assert_snapshot!("missing_path_zh", zh);
}

/// `spark-submit` prints the driver's traceback on stdout: custodia reads
/// it there too (it once read only stderr, and showed a tail without the
/// cause).
#[test]
fn the_traceback_on_stdout_is_read() {
    let (dir, case, line) = acme_reading_nowhere();
    let abs = std::path::absolute(&case).expect("absolute");
    let fake = fake_submit(dir.path(), &path_not_found(&abs, true));
    let err = refused(&check(&case, &fake, "en", &[]));
    assert!(
        err.contains(&format!(
            "custodia.yaml line {line}: `spark:nowhere.csv`: Spark finds nothing at"
        )),
        "{err}"
    );
    assert!(
        err.contains("  | pyspark.errors.exceptions.captured.AnalysisException: [PATH_NOT_FOUND]"),
        "{err}"
    );
    assert!(
        err.contains("  | 26/12/04 10:24:39 WARN NativeCodeLoader"),
        "{err}"
    );
}

/// A job killed (SIGKILL, as the kernel's out-of-memory killer does), one
/// stopped by a time limit (SIGTERM) while it waited for executors, and a
/// wrapper reporting its child's kill as 137: each is exit status 2, no
/// report, and says so.
#[test]
fn a_killed_or_timed_out_job_is_never_a_pass() {
    let (dir, case, _) = acme_reading_nowhere();
    let waiting = include_str!("spark_logs/no_resources.log");
    let runs = [
        (
            "kill -KILL $$".to_string(),
            "killed by signal 9 (SIGKILL)",
            "spark-submit was killed (SIGKILL)",
        ),
        (
            format!("cat >&2 <<'EOF'\n{waiting}EOF\nkill -TERM $$"),
            "killed by signal 15 (SIGTERM)",
            "the master `spark://10.0.0.9:7077` gave the job no executors",
        ),
        (
            "exit 137".to_string(),
            "exit status 137",
            "spark-submit was killed (SIGKILL)",
        ),
    ];
    for (body, status, cause) in runs {
        let fake = fake_submit(dir.path(), &body);
        let out = check(
            &case,
            &fake,
            "en",
            &["--spark-master", "spark://10.0.0.9:7077"],
        );
        let err = refused(&out);
        assert!(
            err.contains(&format!(
                "error: the Spark job failed ({status}); no rule was evaluated"
            )),
            "{body}: {err}"
        );
        assert!(err.contains(cause), "{body}: {err}");
    }
    // While it waits, custodia says so (Spark would wait for ever).
    let fake = fake_submit(
        dir.path(),
        &format!("cat >&2 <<'EOF'\n{waiting}EOF\nkill -TERM $$"),
    );
    let err = refused(&check(
        &case,
        &fake,
        "en",
        &["--spark-master", "spark://10.0.0.9:7077"],
    ));
    let note = err.find("note: the Spark job is waiting: the master `spark://10.0.0.9:7077` gave the job no executors");
    let failed = err.find("error: the Spark job failed");
    assert!(note.is_some() && note < failed, "{err}");
    assert_eq!(
        err.matches("note: the Spark job is waiting").count(),
        1,
        "{err}"
    );
    // The wait for executors, in Chinese, names the master.
    let fake = fake_submit(
        dir.path(),
        &format!("cat >&2 <<'EOF'\n{waiting}EOF\nkill -TERM $$"),
    );
    let err = refused(&check(
        &case,
        &fake,
        "zh",
        &["--spark-master", "spark://10.0.0.9:7077"],
    ));
    assert!(
        err.contains("错误：Spark 作业失败（被信号 15 (SIGTERM) 终止），未执行任何规则"),
        "{err}"
    );
    assert!(
        err.contains("可能的原因：master `spark://10.0.0.9:7077` 没有为作业分配任何 executor"),
        "{err}"
    );
}

/// What the log says is quoted as it is, but a terminal escape in it (a
/// path may hold one) is shown escaped, in the cause and in the log.
#[test]
fn control_characters_in_the_log_are_shown_escaped() {
    let (dir, case, _) = acme_reading_nowhere();
    let fake = fake_submit(
        dir.path(),
        "printf 'AnalysisException: [PATH_NOT_FOUND] Path does not exist: file:/data/x\\033[2J.csv. SQLSTATE: 42K03\\n'\nexit 1",
    );
    let err = refused(&check(&case, &fake, "en", &[]));
    assert!(!err.contains('\u{1b}'), "{err:?}");
    assert!(
        err.contains("Spark finds nothing at `file:/data/x\\u{1b}[2J.csv`"),
        "{err}"
    );
    assert!(err.contains("  | AnalysisException: [PATH_NOT_FOUND] Path does not exist: file:/data/x\\u{1b}[2J.csv."), "{err}");
}

/// On Spark (`local[1]`): a source read in place whose path does not
/// exist stops the job; custodia names the entry in Chinese.
#[test]
fn a_missing_path_on_spark_is_named_in_chinese() {
    if std::env::var_os("CUSTODIA_SPARK_TESTS").is_none() {
        eprintln!("skipped: set CUSTODIA_SPARK_TESTS=1 (and SPARK_HOME) to run it");
        return;
    }
    let (_dir, case, line) = acme_reading_nowhere();
    let out = custodia()
        .args([
            "check",
            "--engine",
            "spark",
            "--spark-master",
            "local[1]",
            "--lang",
            "zh",
        ])
        .arg(&case)
        .output()
        .expect("custodia runs");
    let err = refused(&out);
    let abs = std::path::absolute(&case).expect("absolute");
    assert!(
        err.contains(&format!(
            "  可能的原因：custodia.yaml 第 {line} 行：`spark:nowhere.csv`：Spark 在 `file:{}/nowhere.csv` 找不到任何文件\n",
            abs.display()
        )),
        "{err}"
    );
    assert!(err.contains("[PATH_NOT_FOUND]"), "{err}");
}
