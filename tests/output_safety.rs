//! `--output` never replaces an input of the run, and reports are written
//! whole or not at all (issue 18, security.md "What custodia reads and
//! writes"); `--threads` is capped (security.md, "Limits").

mod common;

use common::{custodia_in, rec, Case};

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
        (vec!["--output", "policies/new.md"], "inside the policies"),
        (vec!["--output", "logs/report.json"], "inside the logs"),
        (vec!["--output", "./inventory.csv"], "over the inventory"),
    ] {
        let mut all = vec!["check", "."];
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
        let (code, _, err) = custodia_in(root, &["check", ".", "--output", name]);
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
    let (code, _, err) = custodia_in(root, &["check", ".", "--output", &link]);
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
    std::fs::write(&report, "old").expect("old report");
    let path = report.display().to_string();
    let sarif = format!("sarif={}", out.path().join("r.sarif").display());
    let (code, _, err) = custodia_in(
        dir.path(),
        &[
            "check", ".", "--format", "json", "--output", &path, "--output", &sarif,
        ],
    );
    assert_eq!(code, 1, "{err}");
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
        let (code, _, err) = custodia_in(dir.path(), &["check", ".", "--threads", bad]);
        assert_eq!(code, 2, "{bad}: {err}");
        assert!(err.contains("--threads"), "{bad}: {err}");
        assert!(err.contains("from 1 to 256"), "{bad}: {err}");
    }
    let (code, _, err) = custodia_in(dir.path(), &["check", ".", "--threads", "256"]);
    assert_eq!(code, 1, "{err}");
}
