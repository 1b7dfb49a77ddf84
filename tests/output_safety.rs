//! `--output` never replaces an input of the run, and reports are written
//! whole or not at all (issue 18, security.md "What custodia reads and
//! writes"); `--threads` is capped (security.md, "Limits").

mod common;

use common::{custodia_in, rec, Case, ACCEPT_OWN_SCHEMA};
use std::path::Path;

fn case() -> tempfile::TempDir {
    let dir = Case::with(
        "rule titled {\n  for record r\n  require r.title == \"x\"\n}\n",
        &rec("R1", &[]),
    )
    .write();
    std::fs::write(dir.path().join("custodia.yaml"), "as_of: 2026-11-27\n").expect("manifest");
    std::fs::create_dir_all(dir.path().join("logs")).expect("logs folder");
    dir
}

/// Every file of the case, with its bytes, to see that none changed.
fn snapshot(dir: &std::path::Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    common::files_under(dir)
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).expect("read");
            (p, bytes)
        })
        .collect()
}

#[test]
fn output_onto_an_input_is_refused_and_changes_nothing() {
    let dir = case();
    let root = dir.path();
    std::fs::write(root.join("baseline.json"), "{}").expect("baseline");
    let policy = common::files_under(&root.join("policies"))
        .into_iter()
        .next()
        .expect("a policy file");
    let policy = policy
        .strip_prefix(root)
        .expect("inside")
        .display()
        .to_string();
    let before = snapshot(root);
    for (args, what) in [
        (vec!["--output", "inventory.csv"], "over the inventory"),
        (vec!["--output", "json=custodia.yaml"], "over the manifest"),
        (
            vec!["--output", &format!("sarif={policy}")],
            "inside the policies",
        ),
        (
            vec!["--format", "markdown", "--output", "policies/new.md"],
            "inside the policies",
        ),
        (
            vec!["--format", "json", "--output", "logs/report.json"],
            "inside the logs",
        ),
        (vec!["--output", "./inventory.csv"], "over the inventory"),
    ] {
        let mut all = vec!["check", ".", ACCEPT_OWN_SCHEMA];
        all.extend(args.iter().copied());
        let (code, out, err) = custodia_in(root, &all);
        assert_eq!(code, 2, "{args:?}: {out}{err}");
        assert!(
            err.contains("refusing to write a report"),
            "{args:?}: {err}"
        );
        assert!(err.contains(what), "{args:?}: {err}");
        assert_eq!(snapshot(root), before, "{args:?} changed the case");
    }
    // Not inputs of this run, but the next run would read them by name.
    for name in [
        "inventory.json",
        "company.json",
        "./custodia.yaml",
        "custodia.yml",
    ] {
        std::fs::remove_file(root.join("custodia.yaml")).ok();
        let (code, _, err) = custodia_in(
            root,
            &[
                "check",
                ".",
                ACCEPT_OWN_SCHEMA,
                "--format",
                "json",
                "--output",
                name,
            ],
        );
        assert_eq!(code, 2, "{name}: {err}");
        assert!(err.contains("the next run would read it"), "{name}: {err}");
        assert!(!root.join(name).exists(), "{name} was written");
    }
    std::fs::write(root.join("custodia.yaml"), "as_of: 2026-11-27\n").expect("manifest");
    let (code, _, err) = custodia_in(
        root,
        &[
            "check",
            ".",
            ACCEPT_OWN_SCHEMA,
            "--format",
            "json",
            "--baseline",
            "baseline.json",
            "--output",
            "baseline.json",
        ],
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("over the baseline"), "{err}");
    assert_eq!(snapshot(root), before);
}

#[cfg(unix)]
#[test]
fn output_through_a_link_onto_an_input_is_refused() {
    let dir = case();
    let root = dir.path();
    let out = tempfile::tempdir().expect("tempdir");
    let link = out.path().join("report.json");
    std::os::unix::fs::symlink(root.join("inventory.csv"), &link).expect("symlink");
    let before = snapshot(root);
    let link = link.display().to_string();
    let (code, _, err) = custodia_in(
        root,
        &[
            "check",
            ".",
            ACCEPT_OWN_SCHEMA,
            "--format",
            "json",
            "--output",
            &link,
        ],
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("over the inventory"), "{err}");
    assert_eq!(snapshot(root), before);
}

#[test]
fn two_reports_to_one_file_are_refused() {
    let dir = case();
    let (code, _, err) = custodia_in(
        dir.path(),
        &[
            "check",
            ".",
            ACCEPT_OWN_SCHEMA,
            "--format",
            "json",
            "--output",
            "r.json",
            "--output",
            "sarif=r.json",
        ],
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("same file"), "{err}");
}

/// A report next to the case is written whole, through a temporary file
/// that does not remain, and replaces the earlier report.
#[test]
fn reports_are_written_whole_and_leave_no_temporary_file() {
    let dir = case();
    let out = tempfile::tempdir().expect("tempdir");
    let report = out.path().join("report.json");
    let path = report.display().to_string();
    let sarif = format!("sarif={}", out.path().join("r.sarif").display());
    // The second run replaces the reports the first left (only a report
    // custodia wrote is replaced: `a_file_that_is_not_a_report_is_never_removed`).
    for _ in 0..2 {
        let (code, _, err) = custodia_in(
            dir.path(),
            &[
                "check",
                ".",
                ACCEPT_OWN_SCHEMA,
                "--format",
                "json",
                "--output",
                &path,
                "--output",
                &sarif,
            ],
        );
        assert_eq!(code, 1, "{err}");
    }
    let text = std::fs::read_to_string(&report).expect("report");
    let json: serde_json::Value = serde_json::from_str(&text).expect("a whole JSON report");
    assert_eq!(json["violations"][0]["rule"], "titled");
    let names: Vec<String> = std::fs::read_dir(out.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(
        names.iter().all(|n| !n.contains("custodia-tmp")),
        "{names:?}"
    );
}

#[test]
fn writing_atomically_replaces_and_cleans_up() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("a.txt");
    custodia::output::write_atomic(&path, "one").expect("write");
    custodia::output::write_atomic(&path, "two").expect("write");
    assert_eq!(std::fs::read_to_string(&path).expect("read"), "two");
    let missing = dir.path().join("no/such/dir/a.txt");
    assert!(custodia::output::write_atomic(&missing, "x").is_err());
    assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 1);
}

/// `--threads` is 1 to 256: 65535 was accepted and took minutes to start.
#[test]
fn threads_beyond_the_cap_are_a_flag_error() {
    let dir = case();
    for bad in ["0", "257", "65535"] {
        let (code, _, err) = custodia_in(
            dir.path(),
            &["check", ".", ACCEPT_OWN_SCHEMA, "--threads", bad],
        );
        assert_eq!(code, 2, "{bad}: {err}");
        assert!(err.contains("--threads"), "{bad}: {err}");
        assert!(err.contains("from 1 to 256"), "{bad}: {err}");
    }
    let (code, _, err) = custodia_in(
        dir.path(),
        &["check", ".", ACCEPT_OWN_SCHEMA, "--threads", "256"],
    );
    assert_eq!(code, 1, "{err}");
}

/// A FIFO named by `--output` is written into, for the reader at its other
/// end, and stays a FIFO: the report was written to a temporary file
/// renamed over it, so the FIFO was replaced by a regular file and its
/// reader never saw a byte.
#[cfg(unix)]
#[test]
fn a_fifo_is_written_into_not_replaced() {
    use std::os::unix::fs::FileTypeExt;
    let dir = case();
    let out = tempfile::tempdir().expect("tempdir");
    let fifo = out.path().join("report.fifo");
    match std::process::Command::new("mkfifo").arg(&fifo).status() {
        Ok(s) if s.success() => {}
        other => {
            eprintln!("skipped: `mkfifo` is not available here ({other:?})");
            return;
        }
    }
    // The reader opens the FIFO before or while custodia does: each open
    // waits for the other end.
    let (tx, rx) = std::sync::mpsc::channel();
    let reader = fifo.clone();
    std::thread::spawn(move || {
        let _ = tx.send(std::fs::read_to_string(&reader));
    });
    let target = format!("json={}", fifo.display());
    let (code, _, err) = custodia_in(
        dir.path(),
        &["check", ".", ACCEPT_OWN_SCHEMA, "--output", &target],
    );
    assert_eq!(code, 1, "{err}");
    let text = rx
        .recv_timeout(std::time::Duration::from_secs(60))
        .expect("the FIFO's reader got an end of file")
        .expect("read the FIFO");
    let json: serde_json::Value = serde_json::from_str(&text).expect("a whole JSON report");
    assert_eq!(json["violations"][0]["rule"], "titled");
    let kind = std::fs::symlink_metadata(&fifo).expect("stat").file_type();
    assert!(kind.is_fifo(), "the FIFO was replaced: {kind:?}");
    let names: Vec<_> = std::fs::read_dir(out.path()).expect("list").collect();
    assert_eq!(names.len(), 1, "a temporary file was left: {names:?}");
}

/// A character device stays the device it is, named directly or through a
/// link (which stays a link): as root, the rename replaced `/dev/null`
/// with a regular file holding the report, for every process of the
/// machine. Where `mknod` works (as root, where a regression would do that
/// damage) the device is a null device made in a temporary folder;
/// elsewhere it is `/dev/null` itself, which the run cannot replace there.
#[cfg(unix)]
#[test]
fn a_device_is_written_into_not_replaced() {
    use std::os::unix::fs::FileTypeExt;
    let is_device = |p: &std::path::Path| {
        std::fs::metadata(p)
            .map(|m| m.file_type().is_char_device())
            .unwrap_or(false)
    };
    let out = tempfile::tempdir().expect("tempdir");
    let made = out.path().join("nulldev");
    let made_ok = std::process::Command::new("mknod")
        .arg(&made)
        .args(["c", "1", "3"])
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    let device = if made_ok {
        made
    } else {
        std::path::PathBuf::from("/dev/null")
    };
    if !is_device(&device) {
        eprintln!("skipped: no character device to write into here");
        return;
    }
    let dir = case();
    let link = out.path().join("report.json");
    std::os::unix::fs::symlink(&device, &link).expect("symlink");
    let direct = format!("json={}", device.display());
    let through_link = format!("sarif={}", link.display());
    // Each alone, then both at once: two reports into one device follow
    // each other, nothing is lost, so naming it twice is not refused.
    for outputs in [
        vec![direct.as_str()],
        vec![through_link.as_str()],
        vec![direct.as_str(), through_link.as_str()],
    ] {
        let mut args = vec!["check", ".", ACCEPT_OWN_SCHEMA];
        for o in &outputs {
            args.extend(["--output", o]);
        }
        let (code, stdout, err) = custodia_in(dir.path(), &args);
        assert_eq!(code, 1, "{outputs:?}: {err}");
        assert!(err.is_empty(), "{outputs:?}: {err}");
        assert!(stdout.contains("titled"), "the main report: {stdout}");
        let shown = device.display();
        assert!(
            is_device(&device),
            "{outputs:?}: {shown} is no longer a device"
        );
        let kind = std::fs::symlink_metadata(&link).expect("stat").file_type();
        assert!(
            kind.is_symlink(),
            "{outputs:?}: the link was replaced: {kind:?}"
        );
    }
    let left = std::fs::read_dir(out.path()).expect("list").count();
    assert_eq!(
        left,
        if made_ok { 2 } else { 1 },
        "a temporary file was left"
    );
}

/// `--output json=/dev/stdout` writes into the run's standard output, and
/// not over it: reopening `/dev/stdout` started a second offset at 0 when
/// it led to a file, and renaming replaced the link. The main report then
/// goes to a file: two reports on standard output are refused (hostile
/// review h23c, 2026-12-07; see `two_reports_on_standard_output_are_refused`).
#[cfg(target_os = "linux")]
#[test]
fn dev_stdout_is_the_runs_standard_output() {
    let dir = case();
    let out = tempfile::tempdir().expect("tempdir");
    let human = out.path().join("human.txt");
    let human = human.to_str().expect("a UTF-8 path");
    let args = [
        "check",
        ".",
        ACCEPT_OWN_SCHEMA,
        "--output",
        human,
        "--output",
        "json=/dev/stdout",
        "--lang",
        "en",
    ];
    let (code, stdout, err) = custodia_in(dir.path(), &args);
    assert_eq!(code, 1, "{err}");
    assert_json_report(&stdout);
    // Standard output sent to a file, as `> r.json` does.
    let file = std::fs::File::create(out.path().join("r.txt")).expect("create");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_custodia"))
        .current_dir(dir.path())
        .args(args)
        .env("NO_COLOR", "1")
        .stdout(file)
        .status()
        .expect("run custodia");
    assert_eq!(status.code(), Some(1));
    let text = std::fs::read_to_string(out.path().join("r.txt")).expect("read");
    assert_eq!(text, stdout, "the file holds the JSON report");
    let human = std::fs::read_to_string(human).expect("the human report");
    assert!(human.contains("titled"), "{human}");
}

/// A link of the user's own to the standard output (`out -> /proc/self/fd/1`)
/// is the standard output too: renamed over, the link became a file and the
/// report was lost (review of 81c8099, which matched the spelling only).
#[cfg(target_os = "linux")]
#[test]
fn a_link_to_the_standard_output_is_the_standard_output() {
    let dir = case();
    let out = tempfile::tempdir().expect("tempdir");
    let link = out.path().join("mystdout");
    std::os::unix::fs::symlink("/proc/self/fd/1", &link).expect("a link");
    let file = std::fs::File::create(out.path().join("r.txt")).expect("create");
    let target = format!("json={}", link.display());
    let human = format!("{}", out.path().join("human.txt").display());
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_custodia"))
        .current_dir(dir.path())
        .args([
            "check",
            ".",
            ACCEPT_OWN_SCHEMA,
            "--output",
            &target,
            "--output",
            &human,
            "--lang",
            "en",
        ])
        .env("NO_COLOR", "1")
        .stdout(file)
        .status()
        .expect("run custodia");
    assert_eq!(status.code(), Some(1));
    assert!(
        std::fs::symlink_metadata(&link).is_ok_and(|m| m.file_type().is_symlink()),
        "the link is still a link"
    );
    let text = std::fs::read_to_string(out.path().join("r.txt")).expect("read");
    assert_json_report(&text);
}

/// `text` is the whole JSON report, naming the case's violation.
fn assert_json_report(text: &str) {
    let json: serde_json::Value = serde_json::from_str(text).expect("a whole JSON report");
    assert_eq!(json["violations"][0]["rule"], "titled");
}

/// Two reports on standard output follow each other there, and a reader
/// of either finds both: refused before anything is read (hostile review
/// h23c, 2026-12-07: `--format json --output sarif=/dev/stdout` wrote two
/// JSON documents). `FORMAT=-` is standard output, as a plain `-` is (it
/// wrote a file named `-`).
#[test]
fn two_reports_on_standard_output_are_refused() {
    let dir = case();
    let root = dir.path();
    for args in [
        vec!["--format", "json", "--output", "sarif=/dev/stdout"],
        vec!["--output", "sarif=-"],
        vec!["--output", "-", "--output", "junit=-"],
        vec![
            "--output",
            "r.txt",
            "--output",
            "json=/dev/fd/1",
            "--output",
            "sarif=/proc/self/fd/1",
        ],
    ] {
        let mut all = vec!["check", ".", ACCEPT_OWN_SCHEMA, "--lang", "en"];
        all.extend(args.iter().copied());
        let (code, out, err) = custodia_in(root, &all);
        assert_eq!(code, 2, "{args:?}: {out}{err}");
        assert!(out.is_empty(), "{args:?}: {out}");
        assert!(
            err.contains("two reports would go to standard output"),
            "{args:?}: {err}"
        );
        assert!(
            !root.join("-").exists() && !root.join("r.txt").exists(),
            "{args:?}"
        );
    }
    // The main report to a file, one report to standard output.
    let out = tempfile::tempdir().expect("tempdir");
    let human = format!("{}", out.path().join("human.txt").display());
    let (code, stdout, err) = custodia_in(
        root,
        &[
            "check",
            ".",
            ACCEPT_OWN_SCHEMA,
            "--output",
            &human,
            "--output",
            "json=-",
        ],
    );
    assert_eq!(code, 1, "{err}");
    assert_json_report(&stdout);
    assert!(!root.join("-").exists(), "no file named -");
}

/// A word before `=` that is no format is refused, with the format meant:
/// `--output code-quality=gl.json` wrote the report into a file of that
/// name, and `gl.json` never appeared (hostile review h23c, 2026-12-07).
#[test]
fn an_output_with_an_unknown_format_name_is_refused() {
    let dir = case();
    let root = dir.path();
    for (arg, says) in [
        (
            "code-quality=gl.json",
            "did you mean `codequality=gl.json`?",
        ),
        (
            "Code_Quality=gl.json",
            "did you mean `codequality=gl.json`?",
        ),
        ("sarif2=r.txt", "did you mean `sarif=r.txt`?"),
        ("gitlab=gl.json", "`gitlab` is not a report format"),
    ] {
        let (code, out, err) = custodia_in(
            root,
            &[
                "check",
                ".",
                ACCEPT_OWN_SCHEMA,
                "--lang",
                "en",
                "--output",
                arg,
            ],
        );
        assert_eq!(code, 2, "{arg}: {out}{err}");
        assert!(err.contains(says), "{arg}: {err}");
        assert!(err.contains(&format!("`./{arg}`")), "{arg}: {err}");
        assert!(
            !root.join(arg).exists() && !root.join("gl.json").exists(),
            "{arg}"
        );
    }
    // A file whose name holds `=` is still written, given as a path.
    let out = tempfile::tempdir().expect("tempdir");
    let (code, _, err) = custodia_in(
        out.path(),
        &[
            "check",
            dir.path().to_str().expect("utf-8"),
            "--output",
            "./a=b.txt",
            ACCEPT_OWN_SCHEMA,
        ],
    );
    assert_eq!(code, 1, "{err}");
    assert!(out.path().join("a=b.txt").exists());
}

/// A report at a path a glob of custodia.yaml matches would be read by the
/// next run as data (`--output github=inv-report.csv` beside `files:
/// ["inv*.csv"]`; hostile review h23c, 2026-12-07): refused, as
/// `inventory.json` is.
#[test]
fn an_output_a_manifest_glob_matches_is_refused() {
    let dir = case();
    let root = dir.path();
    std::fs::rename(root.join("inventory.csv"), root.join("inv-2025.csv")).expect("rename");
    std::fs::write(
        root.join("custodia.yaml"),
        "as_of: 2026-11-27\ninventory: { files: [\"inv*.csv\"] }\n",
    )
    .expect("manifest");
    let (code, _, err) = custodia_in(root, &["check", ".", ACCEPT_OWN_SCHEMA]);
    assert_eq!(code, 1, "the case runs: {err}");
    for arg in ["github=inv-report.csv", "inv-report.csv"] {
        let (code, out, err) = custodia_in(
            root,
            &[
                "check",
                ".",
                ACCEPT_OWN_SCHEMA,
                "--lang",
                "en",
                "--output",
                arg,
            ],
        );
        assert_eq!(code, 2, "{arg}: {out}{err}");
        assert!(
            err.contains("that `inv*.csv` in custodia.yaml names"),
            "{arg}: {err}"
        );
        assert!(!root.join("inv-report.csv").exists(), "{arg}");
    }
    let (code, _, err) = custodia_in(
        root,
        &[
            "check",
            ".",
            ACCEPT_OWN_SCHEMA,
            "--output",
            "github=report.txt",
        ],
    );
    assert_eq!(code, 1, "{err}");
}

/// Only a report custodia wrote (or an empty file) is removed from an
/// `--output` path before the run; any other file is refused and kept
/// (hostile review h23c, 2026-12-07: `--output junit=notes.txt` deleted the
/// notes, and the run, stopping on a policy error, wrote nothing there).
#[test]
fn a_file_that_is_not_a_report_is_never_removed() {
    let dir = case();
    let out = tempfile::tempdir().expect("tempdir");
    let notes = out.path().join("notes.txt");
    std::fs::write(&notes, "precious\n").expect("write");
    let target = format!("junit={}", notes.display());
    let (code, _, err) = custodia_in(
        dir.path(),
        &[
            "check",
            ".",
            ACCEPT_OWN_SCHEMA,
            "--lang",
            "en",
            "--output",
            &target,
        ],
    );
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("refusing to replace a file that is not a report custodia wrote"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&notes).expect("kept"), "precious\n");
    // Every format's earlier report is replaced, in either language; an
    // empty file too.
    for format in [
        "human",
        "markdown",
        "json",
        "sarif",
        "junit",
        "github",
        "codequality",
        "html",
    ] {
        for lang in ["en", "zh"] {
            let path = out.path().join(format!("r-{format}.out"));
            let target = format!("{format}={}", path.display());
            let args = [
                "check",
                ".",
                ACCEPT_OWN_SCHEMA,
                "--lang",
                lang,
                "--output",
                &target,
            ];
            for run in 0..2 {
                let (code, _, err) = custodia_in(dir.path(), &args);
                assert_eq!(code, 1, "{format} {lang} run {run}: {err}");
            }
        }
    }
    std::fs::write(&notes, "").expect("empty");
    let (code, _, err) = custodia_in(
        dir.path(),
        &["check", ".", ACCEPT_OWN_SCHEMA, "--output", &target],
    );
    assert_eq!(code, 1, "{err}");
}

/// A report sent to standard output when it was closed as custodia
/// started went nowhere and the run exited 0 (hostile review h23c,
/// 2026-12-07): the runtime puts `/dev/null` in its place. It is a report
/// that could not be written: exit 2, said on stderr. A shell's
/// `>/dev/null` is a report knowingly thrown away and keeps the run's
/// status; an unwritable stderr is never a panic (it was exit 101).
#[cfg(target_os = "linux")]
#[test]
fn a_closed_standard_output_is_a_report_not_written() {
    let dir = case();
    let out = tempfile::tempdir().expect("tempdir");
    let file = |name: &str| format!("{}", out.path().join(name).display());
    let (r, r2) = (file("r.txt"), file("r2.txt"));
    let shell = |redirect: &str, args: &[&str]| {
        let out = std::process::Command::new("sh")
            .current_dir(dir.path())
            .arg("-c")
            .arg(format!("exec \"$0\" \"$@\" {redirect}"))
            .arg(env!("CARGO_BIN_EXE_custodia"))
            .args(args)
            .env("NO_COLOR", "1")
            .env_remove("LANG")
            .env_remove("LC_ALL")
            .output()
            .expect("run custodia");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    for args in [
        &["check", ".", ACCEPT_OWN_SCHEMA][..],
        &["check", ".", ACCEPT_OWN_SCHEMA, "--format", "json"],
        &["check", ".", ACCEPT_OWN_SCHEMA, "--format", "sarif"],
        &["check", ".", ACCEPT_OWN_SCHEMA, "--output", "-"],
        &["check", ".", ACCEPT_OWN_SCHEMA, "--output", "/dev/stdout"],
        &[
            "check",
            ".",
            ACCEPT_OWN_SCHEMA,
            "--output",
            r.as_str(),
            "--output",
            "junit=/dev/stdout",
        ],
        &["explain", "titled", ".", "--subject", "R1"],
    ] {
        let (code, err) = shell(">&-", args);
        assert_eq!(code, Some(2), "{args:?}: {err}");
        assert!(
            err.contains("standard output was closed when custodia started"),
            "{args:?}: {err}"
        );
        // Thrown away knowingly: the run's own status.
        let (code, err) = shell(">/dev/null", args);
        assert_eq!(code, Some(1), "{args:?}: {err}");
        // Nowhere to say it either: still exit 2, never a panic.
        let (code, _) = shell(">&- 2>/dev/full", args);
        assert_eq!(code, Some(2), "{args:?}");
        let (code, _) = shell(">&- 2>&-", args);
        assert_eq!(code, Some(2), "{args:?}");
    }
    let (code, _) = shell(
        ">&- 2>/dev/null",
        &["check", ".", ACCEPT_OWN_SCHEMA, "--output", r2.as_str()],
    );
    assert_eq!(code, Some(1), "a report to a file needs no standard output");
    // A report to /dev/stderr when stderr was closed.
    let (code, _) = shell(
        "2>&-",
        &[
            "check",
            ".",
            ACCEPT_OWN_SCHEMA,
            "--output",
            "json=/dev/stderr",
        ],
    );
    assert_eq!(code, Some(2));
    // A policy error said on an unwritable stderr: exit 2, not 101.
    std::fs::write(dir.path().join("policies/broken.policy"), "rule broken {\n").expect("write");
    let (code, _) = shell("2>/dev/full", &["check", ".", ACCEPT_OWN_SCHEMA]);
    assert_eq!(code, Some(2));
    let (code, _) = shell(
        ">/dev/null 2>/dev/full",
        &[
            "check",
            ".",
            ACCEPT_OWN_SCHEMA,
            "--output",
            "json=/nonexistent/x.json",
        ],
    );
    assert_eq!(code, Some(2));
}

/// A plain `--output` path receives the `--format` report: `--output
/// results.sarif` wrote the human report into it (and a CI upload of it
/// failed or showed nothing), and of two plain paths the first was dropped
/// without a word (hostile review, 2026-12-05). Both stop the run now,
/// before anything is read or written.
#[test]
fn a_plain_output_whose_name_says_another_format_is_refused() {
    let dir = case();
    let root = dir.path();
    for (args, says) in [
        (vec!["--output", "results.sarif"], "its name says sarif"),
        (vec!["--output", "tests.xml"], "its name says junit"),
        (
            vec!["--format", "sarif", "--output", "r.xml"],
            "its name says junit",
        ),
        (
            vec!["--output", "a.txt", "--output", "b.txt"],
            "two plain `--output` paths",
        ),
    ] {
        let mut all = vec!["check", ".", ACCEPT_OWN_SCHEMA];
        all.extend(args.iter().copied());
        let (code, out, err) = custodia_in(root, &all);
        assert_eq!(code, 2, "{args:?}: {out}{err}");
        assert!(err.contains(says), "{args:?}: {err}");
        for name in ["results.sarif", "tests.xml", "r.xml", "a.txt", "b.txt"] {
            assert!(!root.join(name).exists(), "{args:?} wrote {name}");
        }
    }
    // A name that agrees, or says nothing, is taken.
    for args in [
        vec!["--format", "sarif", "--output", "ok.sarif"],
        vec!["--format", "codequality", "--output", "gl.json"],
        vec!["--output", "report.txt"],
    ] {
        let mut all = vec!["check", ".", ACCEPT_OWN_SCHEMA];
        all.extend(args.iter().copied());
        let (code, _, err) = custodia_in(root, &all);
        assert_eq!(code, 1, "{args:?}: {err}");
    }
}

/// A run that stops leaves no report behind: the earlier run's reports at
/// the same paths are removed once the paths are known to be safe, so a CI
/// step that uploads whatever file is there cannot show an earlier
/// "compliant" SARIF as this run's (hostile review, 2026-12-05).
#[test]
fn a_run_that_stops_leaves_no_earlier_report_in_place() {
    let dir = case();
    let out = tempfile::tempdir().expect("tempdir");
    let sarif = out.path().join("custodia.sarif");
    let json = out.path().join("custodia.json");
    let args = [
        format!("sarif={}", sarif.display()),
        format!("json={}", json.display()),
    ];
    let run = || {
        let mut all = vec!["check", ".", ACCEPT_OWN_SCHEMA];
        for a in &args {
            all.extend(["--output", a.as_str()]);
        }
        custodia_in(dir.path(), &all)
    };
    let (code, _, err) = run();
    assert_eq!(code, 1, "{err}");
    assert!(sarif.exists() && json.exists());
    std::fs::write(dir.path().join("policies/broken.policy"), "rule broken {\n").expect("write");
    let (code, _, err) = run();
    assert_eq!(code, 2, "{err}");
    assert!(!sarif.exists(), "the earlier SARIF is gone");
    assert!(!json.exists(), "the earlier JSON is gone");
    // A device is written into, never removed.
    let (code, _, err) = custodia_in(
        dir.path(),
        &[
            "check",
            ".",
            ACCEPT_OWN_SCHEMA,
            "--output",
            "json=/dev/null",
        ],
    );
    assert_eq!(code, 2, "{err}");
    assert!(Path::new("/dev/null").exists());
}

/// A SQLite database, the write-ahead log beside it, or a compressed file
/// is evidence, whether or not the run reads it: a report written over
/// `acme.db-wal` dropped the destruction only the log held, and the run
/// passed (hostile review, 2026-12-06).
#[test]
fn output_over_a_database_its_log_or_an_archive_is_refused() {
    let dir = case();
    let root = dir.path();
    let mut db = b"SQLite format 3\0".to_vec();
    db.resize(4096, 0);
    std::fs::write(root.join("records.db"), &db).expect("database");
    std::fs::write(root.join("records.db-wal"), b"\x37\x7f\x06\x82 frames").expect("log");
    std::fs::write(root.join("old.jsonl.gz"), b"\x1f\x8b\x08\x00").expect("archive");
    // In a folder no input reads: a zip and a table. Replaced by a report,
    // the next run found "no data" there and passed.
    std::fs::create_dir_all(root.join("old")).expect("a folder");
    std::fs::write(root.join("old/backup.zip"), b"PK\x03\x04 an archive").expect("zip");
    let table = "at,record,actor\n2024-01-01 10:00,R1,S1\n";
    std::fs::write(root.join("old/access-2024.csv"), table).expect("table");
    let manifest = "as_of: 2026-11-27\nignore: [records.db, records.db-wal, old.jsonl.gz, old]\n";
    std::fs::write(root.join("custodia.yaml"), manifest).expect("manifest");
    let before = snapshot(root);
    for (target, what) in [
        ("records.db", "over a database"),
        (
            "records.db-wal",
            "over a database, or a file SQLite keeps beside one",
        ),
        ("old.jsonl.gz", "over a compressed or archived file"),
        ("old/backup.zip", "over a compressed or archived file"),
        ("old/access-2024.csv", "over a data file"),
    ] {
        let args = [
            "check",
            ".",
            ACCEPT_OWN_SCHEMA,
            "--format",
            "json",
            "--output",
            target,
        ];
        let (code, out, err) = custodia_in(root, &args);
        assert_eq!(code, 2, "{target}: {out}{err}");
        assert!(err.contains(what), "{target}: {err}");
        assert_eq!(snapshot(root), before, "{target} changed the case");
    }
    // A table outside the case folder (an earlier export) is not a report
    // custodia wrote: refused and kept, as any such file is (hostile
    // review h23c, 2026-12-07; it was replaced until then).
    let elsewhere = tempfile::tempdir().expect("tempdir");
    let earlier = elsewhere.path().join("access.csv");
    std::fs::write(&earlier, table).expect("a file");
    let path = earlier.display().to_string();
    // The ignored data would make the exit status 2 (tests/ignored_data.rs).
    let args = [
        "check",
        ".",
        "--format",
        "json",
        "--output",
        &path,
        "--allow-skipped",
    ];
    let (code, _, err) = custodia_in(root, &args);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("not a report custodia wrote"), "{err}");
    assert_eq!(std::fs::read_to_string(&earlier).expect("kept"), table);
}
