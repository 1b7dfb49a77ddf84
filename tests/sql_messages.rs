//! The Spark SQL compiler and the sources read in place (`spark:`) say why
//! they refuse in the run's language (docs/reports.md, "Languages"):
//! `custodia compile --lang zh` on clauses the compiler does not
//! translate and on entries it cannot read in place, snapshotted in
//! Chinese beside English.

use std::path::Path;
use std::process::Command;

fn compile(case: &Path, lang: &str) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_custodia"))
        .args(["compile", "--target", "spark-sql", "--as-of", "2026-11-27"])
        .arg(case)
        .args(["--lang", lang])
        .output()
        .expect("custodia runs");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    (out.status.code().unwrap_or(-1), err)
}

/// Policies with one clause each that the compiler refuses, each for
/// another reason.
const REFUSED: [&str; 6] = [
    "rule r {\n  for record r\n  require r.title matches \"^a.b$\" else \"x\"\n}\n",
    "rule r {\n  for record r\n  require r.title matches \"(?i)abc\" else \"x\"\n}\n",
    "rule r {\n  for record r\n  require r.title matches \"[[a]]\" else \"x\"\n}\n",
    "schema { extend record { score: decimal? } }\nrule r {\n  for record r\n  require r.score > 1 else \"{r.score}\"\n}\n",
    "rule r {\n  for record r\n  require r.created - permanent < r.created\n}\n",
    "schema { extend record { keep: duration? } }\nrule r {\n  for record r\n  require r.created - r.keep < r.created\n}\n",
];

fn refusals(lang: &str) -> String {
    let mut out = String::new();
    for policy in REFUSED {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir(dir.path().join("policies")).expect("mkdir");
        std::fs::write(dir.path().join("policies/rules.policy"), policy).expect("write");
        let (code, err) = compile(dir.path(), lang);
        assert_eq!(code, 2, "{policy}\n{err}");
        out.push_str(&err);
    }
    out
}

#[test]
fn compile_refusals_are_said_in_chinese() {
    let zh = refusals("zh");
    insta::assert_snapshot!("compile_refused_zh", zh);
    assert!(!zh.contains("is not compiled"), "{zh}");
    assert!(!zh.contains(" in rule "), "{zh}");
    let en = refusals("en");
    insta::assert_snapshot!("compile_refused_en", en);
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

/// `spark:` entries the compiler cannot read as custodia's loader would.
const NOT_IN_PLACE: [&str; 5] = [
    "logs:\n  - spark: { path: logs/destruction.jsonl, format: json }\n    kind: destruction\n",
    "logs:\n  - spark: { path: logs/access.csv, format: csv }\n",
    "logs:\n  - spark: { path: logs/access.csv, format: csv }\n    kind: access\n    columns: { actor: { column: 查阅人, lookup: staff.name } }\n",
    "inventory:\n  spark: { path: inventory.csv, format: csv }\n  columns: { 题名: title }\n",
    "logs:\n  - spark: { path: logs/x.csv, format: csv }\n    kind: burial\n",
];

#[test]
fn in_place_refusals_are_said_in_chinese() {
    let mut zh = String::new();
    for manifest in NOT_IN_PLACE {
        let dir = tempfile::tempdir().expect("temp dir");
        let case = dir.path().join("acme");
        copy_dir(Path::new("examples/acme-deregistration"), &case);
        let yaml = case.join("custodia.yaml");
        let mut text = std::fs::read_to_string(&yaml).expect("manifest");
        text.push_str(manifest);
        std::fs::write(&yaml, text).expect("manifest");
        let (code, err) = compile(&case, "zh");
        assert_eq!(code, 2, "{manifest}\n{err}");
        zh.push_str(&err);
    }
    insta::assert_snapshot!("in_place_refused_zh", zh);
    assert!(!zh.contains("cannot be read"), "{zh}");
}
