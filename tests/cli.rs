//! The `custodia check` command line: exit statuses and report snapshots.

mod common;

use common::custodia;

use common::{rec, Case, INVENTORY_HEADER};

fn check(dir: &std::path::Path, extra: &[&str]) -> (i32, String, String) {
    let d = dir.to_str().expect("utf-8 path");
    let mut args = vec!["check", d, "--format", "json", "--as-of", "2026-11-27"];
    args.extend_from_slice(extra);
    custodia(&args)
}

fn example() -> String {
    format!(
        "{}/examples/acme-deregistration",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn exit_0_on_clean_case() {
    let dir = Case::with(
        "rule ok {\n  for record r\n  require r.title is set\n}\n",
        &rec("R1", &[]),
    )
    .write();
    let (code, out, err) = check(dir.path(), &[]);
    assert_eq!(code, 0, "{out}{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["complete"], true);
}

#[test]
fn exit_1_on_violation() {
    let dir = Case::with(
        "rule no {\n  for record r\n  require false\n}\n",
        &rec("R1", &[]),
    )
    .write();
    let (code, out, err) = check(dir.path(), &[]);
    assert_eq!(code, 1, "{out}{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["violations"][0]["rule"], "no");
    // --fail-on never turns it into 0
    let (code, _, _) = check(dir.path(), &["--fail-on", "never"]);
    assert_eq!(code, 0);
}

#[test]
fn exit_2_on_policy_error_with_span() {
    let dir = Case::with(
        "rule typo {\n  for record r\n  require r.class == \"sensitve\"\n}\n",
        &rec("R1", &[]),
    )
    .write();
    let (code, out, err) = check(dir.path(), &[]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(err.contains("sensitive"), "did-you-mean suggestion: {err}");
    assert!(err.contains("rules.policy"), "{err}");
}

#[test]
fn exit_2_on_unknown_field_in_policy() {
    let dir = Case::with(
        "rule typo {\n  for record r\n  require r.titel is set\n}\n",
        &rec("R1", &[]),
    )
    .write();
    let (code, out, err) = check(dir.path(), &[]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(err.contains("title"), "{err}");
}

#[test]
fn exit_2_on_bad_input() {
    let dir = Case::with(
        "rule ok {\n  for record r\n  require true\n}\n",
        &rec("R1", &[("created", "someday")]),
    )
    .write();
    let (code, out, err) = check(dir.path(), &[]);
    assert_eq!(code, 2, "{out}{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["complete"], false);
    // bad input wins over --fail-on never
    let (code, _, _) = check(dir.path(), &["--fail-on", "never"]);
    assert_eq!(code, 2);
}

#[test]
fn exit_2_on_missing_case_dir() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("nope");
    let (code, out, err) = check(&missing, &[]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(err.contains("nope"), "{err}");
}

#[test]
fn exit_2_on_bad_flags() {
    let dir = Case::with(
        "rule ok {\n  for record r\n  require true\n}\n",
        &rec("R1", &[]),
    )
    .write();
    let (code, _, err) = check(dir.path(), &["--fail-on", "bogus"]);
    assert_eq!(code, 2, "{err}");
    let (code, _, err) = check(dir.path(), &["--as-of", "2026-02-30"]);
    assert_eq!(code, 2, "{err}");
    let (code, _, err) = check(dir.path(), &["--tz", "Mars/Olympus"]);
    assert_eq!(code, 2, "{err}");
    let (code, _, err) = check(dir.path(), &["--format", "pdf"]);
    assert_eq!(code, 2, "{err}");
    let (code, _, err) = custodia(&[
        "check",
        dir.path().to_str().unwrap_or("."),
        "--no-such-flag",
    ]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn flags_override_the_convention() {
    let dir = Case::with(
        "rule no {\n  for record r\n  require false\n}\n",
        &rec("R1", &[]),
    )
    .file(
        "other.csv",
        &format!("{INVENTORY_HEADER}{}{}", rec("X1", &[]), rec("X2", &[])),
    )
    .write();
    let other = dir.path().join("other.csv");
    let (code, out, err) = check(dir.path(), &["--inventory", other.to_str().unwrap_or("")]);
    assert_eq!(code, 1, "{out}{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["summary"]["records"], 2);
    assert_eq!(v["violations"][0]["subject"]["id"], "X1");
    assert_eq!(v["violations"][0]["subject"]["file"], "other.csv");
}

#[test]
fn output_flag_writes_the_report() {
    let dir = Case::with(
        "rule no {\n  for record r\n  require false\n}\n",
        &rec("R1", &[]),
    )
    .write();
    let target = dir.path().join("report.json");
    let (code, _, err) = check(dir.path(), &["--output", target.to_str().unwrap_or("")]);
    assert_eq!(code, 1, "{err}");
    let text = std::fs::read_to_string(&target).expect("report written");
    let v: serde_json::Value = serde_json::from_str(&text).expect("json");
    assert_eq!(v["violations"][0]["rule"], "no");
}

#[test]
fn example_runs_with_nothing_else_on_the_command_line() {
    let (code, out, err) = custodia(&["check", &example()]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        out.contains("as of 2026-11-27") || out.contains("2026-11-27"),
        "{out}"
    );
}

#[test]
fn example_is_deterministic() {
    let a = custodia(&[
        "check",
        &example(),
        "--format",
        "json",
        "--as-of",
        "2026-11-27",
    ]);
    let b = custodia(&[
        "check",
        &example(),
        "--format",
        "json",
        "--as-of",
        "2026-11-27",
    ]);
    assert_eq!(a, b);
}

#[test]
fn snapshot_example_json() {
    let (code, out, err) = custodia(&[
        "check",
        &example(),
        "--format",
        "json",
        "--as-of",
        "2026-11-27",
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(err.is_empty(), "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["complete"], true);
    assert_eq!(v["time_zone"], "Asia/Shanghai");
    insta::assert_snapshot!("acme_json", out);
}

#[test]
fn snapshot_example_human() {
    let (code, out, err) = custodia(&[
        "check",
        &example(),
        "--format",
        "human",
        "--as-of",
        "2026-11-27",
    ]);
    assert_eq!(code, 1, "{err}");
    insta::assert_snapshot!("acme_human", format!("{out}{err}"));
}
