//! The realistic example case, examples/shanghai-deregistration: its planted
//! problems (EXPECTED.md) and nothing else are reported, and its human and
//! JSON reports are snapshot-tested.

mod common;

use common::custodia;

use std::process::Command;

fn example() -> String {
    format!(
        "{}/examples/shanghai-deregistration",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn report() -> serde_json::Value {
    let (code, out, err) = custodia(&["check", &example(), "--format", "json"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.is_empty(), "{err}");
    serde_json::from_str(&out).expect("json")
}

#[test]
fn reports_exactly_the_planted_problems() {
    let v = report();
    assert_eq!(v["complete"], true);
    assert_eq!(v["input_errors"], serde_json::json!([]));
    let found: Vec<(String, String)> = v["violations"]
        .as_array()
        .expect("violations")
        .iter()
        .map(|x| {
            (
                x["rule"].as_str().unwrap_or("").to_string(),
                x["subject"]["id"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    let expected = [
        ("accounting_use_registered", "CY-0124"),
        ("creditors_announced_within_60_days", "company.yaml:1"),
        ("customer_told_of_handover", "YJ-221"),
        ("destruction_supervised", "XH-026"),
        ("kept_records_handed_over", "KY-C-0038"),
        ("no_destruction_of_unsettled_items", "V-1995-2"),
        ("pi_read_by_authorized_staff", "CY-0175"),
        ("sensitive_electronic_encrypted", "KY-C-0038"),
        ("transfer_notice_names_recipient", "YJ-221"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(found, expected);
    // A realistic size: a few hundred records, a year of events.
    assert!(v["summary"]["records"].as_u64() > Some(300));
    assert!(v["summary"]["events"].as_u64() > Some(700));
    assert_eq!(v["summary"]["rules"], 83);
}

#[test]
fn snapshot_shanghai_json() {
    let (code, out, err) = custodia(&["check", &example(), "--format", "json"]);
    assert_eq!(code, 1, "{err}");
    insta::assert_snapshot!("shanghai_json", out);
}

#[test]
fn snapshot_shanghai_human() {
    let (code, out, err) = custodia(&["check", &example(), "--format", "human"]);
    assert_eq!(code, 1, "{err}");
    insta::assert_snapshot!("shanghai_human", format!("{out}{err}"));
}

/// The committed data is what generate.py writes (when python3 is there).
#[test]
fn generated_data_is_committed() {
    let Ok(out) = Command::new("python3").arg("--version").output() else {
        return; // no python3 on this machine: nothing to compare with
    };
    if !out.status.success() {
        return;
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let script = format!("{}/generate.py", example());
    std::fs::copy(&script, tmp.path().join("generate.py")).expect("copy script");
    let status = Command::new("python3")
        .arg(tmp.path().join("generate.py"))
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .status()
        .expect("run generate.py");
    assert!(status.success());
    for e in walkdir::WalkDir::new(tmp.path())
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
    {
        let rel = e.path().strip_prefix(tmp.path()).expect("under tmp");
        let committed = std::path::Path::new(&example()).join(rel);
        let a = std::fs::read(e.path()).expect("generated");
        let b = std::fs::read(&committed)
            .unwrap_or_else(|_| panic!("{} is generated but not committed", rel.display()));
        assert!(
            a == b,
            "{} differs from generate.py's output",
            rel.display()
        );
    }
}

/// The example's README shows the report as custodia prints it.
#[test]
fn readme_shows_the_current_report() {
    let (_, out, err) = custodia(&["check", &example()]);
    let readme = std::fs::read_to_string(format!("{}/README.md", example())).expect("README.md");
    let block = readme
        .split("```text\n")
        .nth(1)
        .and_then(|rest| rest.split("\n```").next())
        .expect("a ```text block in the README");
    assert_eq!(block.trim_end(), format!("{out}{err}").trim_end());
}
