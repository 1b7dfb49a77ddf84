//! The built-in packs, rule by rule. Each pack has a fixture case under
//! `tests/packs/<pack>/` whose subjects are named after what they show
//! (`D-ok` passes every clause, `D-onesup` lacks a supervisor, ...). For each
//! rule the test pins exactly which subjects fail, and snapshots the failing
//! diagnostics (message, outcome, clause position, values). Subjects that pass
//! are listed too, so a reader sees both ways of every clause.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use custodia::app::{run_check, CheckOptions, Format};
use serde_json::Value;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/packs")
        .join(name)
}

fn run_dir(dir: &Path) -> Value {
    let out = run_check(&CheckOptions {
        case: dir.to_path_buf(),
        overrides: Default::default(),
        as_of: None,
        tz: None,
        format: Format::Json,
        fail_on: None,
        strict: true,
        color: false,
    });
    assert!(
        !out.output.is_empty(),
        "no report for {}: {}",
        dir.display(),
        out.errors
    );
    let v: Value = serde_json::from_str(&out.output).expect("json report");
    assert_eq!(
        v["input_errors"],
        serde_json::json!([]),
        "fixture {} has input errors",
        dir.display()
    );
    v
}

/// The fixture with some files replaced, in a temp dir.
fn variant(name: &str, replace: &[(&str, &str)]) -> Value {
    let tmp = tempfile::tempdir().expect("tempdir");
    let src = fixture(name);
    for e in walkdir::WalkDir::new(&src).into_iter().filter_map(Result::ok) {
        let rel = e.path().strip_prefix(&src).expect("under the fixture");
        let to = tmp.path().join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&to).expect("mkdir");
        } else {
            std::fs::copy(e.path(), &to).expect("copy");
        }
    }
    for (path, text) in replace {
        std::fs::write(tmp.path().join(path), text).expect("write");
    }
    run_dir(tmp.path())
}

fn of<'a>(report: &'a Value, rule: &str) -> Vec<&'a Value> {
    report["violations"]
        .as_array()
        .expect("violations")
        .iter()
        .filter(|v| v["rule"] == rule)
        .collect()
}

/// Asserts the rule fails exactly for `fails` (in report order, a subject
/// once per failing clause) and for none of `passes`; returns the digest of
/// its diagnostics for a snapshot.
fn pin(report: &Value, rule: &str, fails: &[&str], passes: &[&str]) -> String {
    let vs = of(report, rule);
    let ids: Vec<&str> = vs
        .iter()
        .map(|v| v["subject"]["id"].as_str().unwrap_or("<none>"))
        .collect();
    assert_eq!(ids, fails, "subjects failing {rule}");
    for p in passes {
        assert!(!ids.contains(p), "{p} should pass {rule}");
    }
    digest(&vs)
}

fn digest(vs: &[&Value]) -> String {
    let mut s = String::new();
    for v in vs {
        s.push_str(&format!(
            "{} · {} · {} · policy {}:{}\n  {}\n",
            v["subject"]["id"].as_str().unwrap_or("<none>"),
            v["severity"].as_str().unwrap_or(""),
            v["outcome"].as_str().unwrap_or(""),
            v["policy"]["line"],
            v["policy"]["column"],
            v["message"].as_str().unwrap_or(""),
        ));
        if let Some(m) = v["values"].as_object() {
            for (k, val) in m {
                s.push_str(&format!("    {k} = {val}\n"));
            }
        }
        s.push_str(&format!("  cite: {}\n", v["cite"]));
    }
    s
}

static ACC: LazyLock<Value> = LazyLock::new(|| run_dir(&fixture("cn-accounting-archives")));

const ACC_COMPANY_NOT_FINISHED: &str = "name: 上海测试科技股份有限公司\ncredit_code: 91310115MA1K4C2Y3N\ndissolution_cause: 2026-03-16\nliquidation_group_formed: 2026-03-25\n";

// ---------------------------------------------------------------- cn/accounting-archives

#[test]
fn accounting_retention_served() {
    let d = pin(
        &ACC,
        "accounting_retention_served",
        &["D-card", "D-card-open", "D-created", "D-perm", "D-young"],
        &["D-ok", "D-card-ok", "D-contract"],
    );
    insta::assert_snapshot!(d);
}

#[test]
fn accounting_clock_from_fiscal_year_end() {
    let d = pin(
        &ACC,
        "accounting_clock_from_fiscal_year_end",
        &["misfiled"],
        &["voucher", "asset_card", "contract"],
    );
    insta::assert_snapshot!(d);
}

#[test]
fn no_destruction_of_unsettled_items() {
    let d = pin(
        &ACC,
        "no_destruction_of_unsettled_items",
        &["R-unsettled"],
        &["R-open-kept"],
    );
    insta::assert_snapshot!(d);
}

#[test]
fn appraisal_before_destruction() {
    let d = pin(
        &ACC,
        "appraisal_before_destruction",
        &["D-keep", "D-late", "D-noappr"],
        &["D-ok", "D-contract"],
    );
    insta::assert_snapshot!(d);
}

#[test]
fn destruction_register_complete() {
    let d = pin(
        &ACC,
        "destruction_register_complete",
        &["D-register"],
        &["D-ok", "D-contract"],
    );
    insta::assert_snapshot!(d);
}

#[test]
fn destruction_register_signed() {
    let d = pin(
        &ACC,
        "destruction_register_signed",
        &["D-approver", "D-unsigned"],
        &["D-ok"],
    );
    insta::assert_snapshot!(d);
}

#[test]
fn destruction_supervised() {
    // D-samesup fails twice: one person is both supervisors, and so one of
    // them cannot be from the accounting office.
    let d = pin(
        &ACC,
        "destruction_supervised",
        &["D-elec", "D-onesup", "D-roles", "D-samesup", "D-samesup"],
        &["D-ok", "D-elec-ok", "D-contract"],
    );
    insta::assert_snapshot!(d);
}

#[test]
fn accounting_use_registered() {
    let d = pin(
        &ACC,
        "accounting_use_registered",
        &["AC-copy", "AC-nopurpose"],
        &["AC-ok", "AC-copy-ok", "AC-loan-int", "AC-contract"],
    );
    insta::assert_snapshot!(d);
}

#[test]
fn no_external_loan() {
    let d = pin(
        &ACC,
        "no_external_loan",
        &["AC-loan-ext"],
        &["AC-loan-int", "AC-ok"],
    );
    insta::assert_snapshot!(d);
}

#[test]
fn accounting_custody_at_termination() {
    let d = pin(
        &ACC,
        "accounting_custody_at_termination",
        &["R-unhanded"],
        &["R-kept", "R-open-kept", "R-contract-active", "R-ok"],
    );
    insta::assert_snapshot!(d);
    // Before the liquidation has finished the `when` holds the rule back.
    let before = variant(
        "cn-accounting-archives",
        &[("company.yaml", ACC_COMPANY_NOT_FINISHED)],
    );
    assert!(of(&before, "accounting_custody_at_termination").is_empty());
}

// ---------------------------------------------------------------- cn/pipl

static PIPL: LazyLock<Value> = LazyLock::new(|| run_dir(&fixture("cn-pipl")));

#[test]
fn pi_erased_when_retention_ends() {
    let d = pin(
        &PIPL,
        "pi_erased_when_retention_ends",
        &["P-expired-closed", "P-marketing", "P-voucher-old"],
        &["P-ok-closed", "P-open", "P-marketing-ok", "P-voucher", "P-anon"],
    );
    insta::assert_snapshot!(d);
}

#[test]
fn pi_erased_by_deregistration() {
    let d = pin(
        &PIPL,
        "pi_erased_by_deregistration",
        &[
            "P-expired-closed",
            "P-marketing",
            "P-marketing-ok",
            "P-ok-closed",
            "P-open",
        ],
        &["P-anon", "P-transferred", "P-voucher", "P-bio", "N-contract"],
    );
    insta::assert_snapshot!(d);
    let before = variant("cn-pipl", &[("company.yaml", ACC_COMPANY_NOT_FINISHED)]);
    assert!(of(&before, "pi_erased_by_deregistration").is_empty());
}

#[test]
fn pi_kept_by_law_storage_only() {
    // AC-storage-early (before the liquidation finished) is allowed; only the
    // later consultation is reported, with the access as evidence.
    let d = pin(&PIPL, "pi_kept_by_law_storage_only", &["P-voucher"], &[]);
    let v = of(&PIPL, "pi_kept_by_law_storage_only");
    assert_eq!(v[0]["evidence"][0]["id"], "AC-storage-late");
    insta::assert_snapshot!(d);
    let before = variant("cn-pipl", &[("company.yaml", ACC_COMPANY_NOT_FINISHED)]);
    assert!(of(&before, "pi_kept_by_law_storage_only").is_empty());
}

#[test]
fn transfer_notice_names_recipient() {
    let d = pin(
        &PIPL,
        "transfer_notice_names_recipient",
        &["H-nosubject", "H-untold", "H-vague"],
        &["H-ok", "H-nopi"],
    );
    insta::assert_snapshot!(d);
}

#[test]
fn pi_read_by_authorized_staff() {
    let d = pin(
        &PIPL,
        "pi_read_by_authorized_staff",
        &["AC-early", "AC-expired", "AC-uncleared"],
        &["AC-ok", "AC-nonpi", "AC-nopurpose"],
    );
    insta::assert_snapshot!(d);
}

#[test]
fn pi_read_with_purpose() {
    let d = pin(
        &PIPL,
        "pi_read_with_purpose",
        &["AC-nopurpose"],
        &["AC-ok", "AC-nonpi"],
    );
    insta::assert_snapshot!(d);
}

#[test]
fn sensitive_pi_assessed() {
    // P-bio has an assessment of its category, but of another scope.
    let d = pin(
        &PIPL,
        "sensitive_pi_assessed",
        &["P-bio", "P-health-before"],
        &["P-health-ok", "P-open"],
    );
    insta::assert_snapshot!(d);
}

#[test]
fn assessment_report_kept_3_years() {
    let d = pin(
        &PIPL,
        "assessment_report_kept_3_years",
        &["AS-destroyed", "AS-noreport"],
        &["AS-health", "AS-old", "AS-bio-provide"],
    );
    insta::assert_snapshot!(d);
}

#[test]
fn breach_notified() {
    let d = pin(
        &PIPL,
        "breach_notified",
        &["B-noreg", "B-risk", "B-thin"],
        &["B-ok", "B-lowrisk"],
    );
    insta::assert_snapshot!(d);
}
