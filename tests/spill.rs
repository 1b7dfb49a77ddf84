//! Violations held in a temporary file while the data is in memory
//! (`eval::spill`, docs/scale.md "Memory"): a check whose violations went
//! through the file writes, in every format, the bytes of one whose
//! violations stayed in memory, with waivers, a baseline and mapped
//! sources; and one that cannot make the file keeps them in memory.

mod common;

use std::path::Path;

use common::{rec, Case};
use custodia::cli::app::Format;
use custodia::eval::spill::BUDGET_VAR;

/// `custodia ARGS` in `dir` with `env` set: (exit status, stdout, stderr).
/// Every run here checks a case declaring its own `record` schema, which
/// `common::ACCEPT_OWN_SCHEMA` accepts.
fn run(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    let mut args = args.to_vec();
    args.push(common::ACCEPT_OWN_SCHEMA);
    common::custodia_in_env(dir, &args, env)
}

/// Every violation through the file / none.
const SPILLED: (&str, &str) = (BUDGET_VAR, "0");
const IN_MEMORY: (&str, &str) = (BUDGET_VAR, "1000000000000");

/// Holds `formats` of `args` in `dir` the same spilled and in memory.
fn same_both_ways(dir: &Path, args: &[&str], formats: &[Format]) {
    for &format in formats {
        let mut all = args.to_vec();
        all.extend(["--format", format.name()]);
        let with = |budget| run(dir, &all, &[budget]);
        let (spilled, in_memory) = (with(SPILLED), with(IN_MEMORY));
        assert_eq!(spilled.2, in_memory.2, "{}: stderr differs", format.name());
        assert_eq!(spilled.0, in_memory.0, "{}: exit differs", format.name());
        assert!(
            spilled.1 == in_memory.1,
            "{}: the spilled report differs",
            format.name()
        );
        assert!(!spilled.1.is_empty(), "{}: no report", format.name());
    }
}

fn example(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name)
}

#[test]
fn the_examples_report_the_same_through_the_file() {
    // acme has waivers (used and unused) and built-in findings; the company
    // exports are mapped, so their violations carry sources read back.
    for name in ["acme-deregistration", "company-exports"] {
        let dir = example(name);
        same_both_ways(&dir, &["check", "."], &Format::ALL);
    }
}

/// Records over two tasks (16,384 subjects each), every one failing, a
/// few waived: runs written by tasks in any order read back in row order.
const RECORDS: usize = 20_000;

fn large_case() -> tempfile::TempDir {
    let rows: String = (0..RECORDS)
        .map(|i| rec(&format!("R{i:07}"), &[("title", &format!("档案 {i}"))]))
        .collect();
    let dir = Case::with(
        "rule every_record_fails {\n  for record r\n  require r.id == \"none\" else \"record {r.id} fails on purpose\"\n}\n\
         waive every_record_fails for \"R0000007\" until 2027-01-31 because \"移交中\" by \"陈静\"\n\
         waive every_record_fails for \"R0019999\" until 2026-01-31 because \"过期\" by \"陈静\"\n",
        &rows,
    )
    .write();
    std::fs::write(dir.path().join("custodia.yaml"), "as_of: 2026-11-27\n").expect("manifest");
    dir
}

#[test]
fn a_large_case_reports_the_same_through_the_file_across_threads() {
    let dir = large_case();
    let root = dir.path();
    let (code, json, err) = run(root, &["check", ".", "--format", "json"], &[SPILLED]);
    assert_eq!(code, 1, "{err}");
    let report: serde_json::Value = serde_json::from_str(&json).expect("a JSON report");
    let listed = report["violations"].as_array().expect("violations").len();
    // Every record, and the expired waiver's finding.
    assert_eq!(listed, RECORDS + 1);
    // The formats all render the list read back (the examples above run
    // each); here the order of many runs matters.
    same_both_ways(root, &["check", "."], &[Format::Json, Format::Human]);
    same_both_ways(root, &["check", ".", "--threads", "1"], &[Format::Json]);
    // A baseline marks violations in place after they are read back.
    std::fs::write(root.join("baseline.json"), &json).expect("baseline");
    let args = ["check", ".", "--baseline", "baseline.json"];
    same_both_ways(root, &args, &[Format::Json]);
}

#[test]
fn without_a_temporary_folder_the_violations_stay_in_memory() {
    let dir = large_case();
    let root = dir.path();
    let missing = root.join("no such folder");
    let missing = missing.to_str().expect("a UTF-8 path");
    let (code, spilled, err) = run(
        root,
        &["check", ".", "--format", "json"],
        &[SPILLED, ("TMPDIR", missing)],
    );
    let (_, in_memory, _) = run(root, &["check", ".", "--format", "json"], &[IN_MEMORY]);
    assert_eq!(code, 1, "{err}");
    assert!(
        spilled == in_memory,
        "the report differs without a temporary folder"
    );
}
