//! The built-in packs, rule by rule. Each pack has a fixture case under
//! `tests/packs/<pack>/` whose subjects are named after what they show
//! (`D-ok` passes every clause, `D-onesup` lacks a supervisor, ...). For each
//! rule the test pins exactly which subjects fail, and snapshots the failing
//! diagnostics (message, outcome, clause position, values). Subjects that pass
//! are listed too, so a reader sees both ways of every clause.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use custodia::cli::app::{run_check, CheckOptions, Format};
use serde_json::{json, Value};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/packs")
        .join(name)
}

fn run_dir(dir: &Path) -> Value {
    // The fixture's `as_of` given as `--as-of` is: some blocks check as of
    // 2027, and a manifest's `as_of` after the run's day is refused.
    let manifest = std::fs::read_to_string(dir.join("custodia.yaml")).unwrap_or_default();
    let as_of = manifest
        .lines()
        .find_map(|l| l.strip_prefix("as_of:"))
        .map(|d| d.trim().to_string());
    let out = run_check(&CheckOptions {
        case: dir.to_path_buf(),
        overrides: Default::default(),
        as_of,
        tz: None,
        format: Format::Json,
        fail_on: None,
        strict: true,
        color: false,
        ..Default::default()
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
    for e in walkdir::WalkDir::new(&src)
        .into_iter()
        .filter_map(Result::ok)
    {
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

const ACC_COMPANY_NOT_FINISHED: &str = "name: 上海测试科技股份有限公司\ncredit_code: 91310115MA1K4C2Y3C\ndissolution_cause: 2026-03-16\nliquidation_group_formed: 2026-03-25\n";

// ---------------------------------------------------------------- cn/accounting-archives

#[test]
fn accounting_retention_served() {
    let d = pin(
        &ACC,
        "accounting_retention_served",
        &["D-card", "D-card-open", "D-created", "D-perm", "D-young"],
        &["D-ok", "D-card-ok", "D-created-ok", "D-contract"],
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

/// An appraisal kept R-rekept-* until 03-11, 03-10 and 03-09 after an
/// earlier one said "destroy"; each was destroyed on 03-10 (hostile review,
/// 2026-12-06: the earlier opinion let it pass). The day before and the
/// last day of the new period fail, the day after passes.
#[test]
fn no_destruction_within_kept_period() {
    let d = pin(
        &ACC,
        "no_destruction_within_kept_period",
        &["D-rekept-before", "D-rekept-on"],
        &["D-rekept-after", "D-ok", "D-keep"],
    );
    insta::assert_snapshot!(d);
}

/// A schedule row that names an 附表1 item, or is titled as accounting
/// material, outside the series `accounting` escapes every accounting rule
/// (hostile review, 2026-12-06). A tax return or a tax receipt scheduled
/// as `tax` is the tax pack's.
#[test]
fn accounting_archives_scheduled_as_accounting() {
    let d = pin(
        &ACC,
        "accounting_archives_scheduled_as_accounting",
        // 帐 for 账, and traditional characters, too (a re-test).
        &[
            "ledger_old",
            "ledger_tax",
            "report_tw",
            "voucher_misc",
            "voucher_misc",
        ],
        &["tax_return", "tax_paid", "contract", "voucher"],
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
        // AC-copy has no approval: the 2015 第十三条 asks for registration
        // only. AC-loan-anon does not register who took the archive.
        &["AC-loan-anon", "AC-nopurpose"],
        &[
            "AC-ok",
            "AC-copy-ok",
            "AC-copy",
            "AC-loan-int",
            "AC-contract",
        ],
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
        &[
            "P-ok-closed",
            "P-open",
            "P-marketing-ok",
            "P-voucher",
            "P-anon",
        ],
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
        &[
            "P-anon",
            "P-transferred",
            "P-voucher",
            "P-bio",
            "N-contract",
            "P-hold",
        ],
    );
    insta::assert_snapshot!(d);
    let before = variant("cn-pipl", &[("company.yaml", ACC_COMPANY_NOT_FINISHED)]);
    assert!(of(&before, "pi_erased_by_deregistration").is_empty());
}

#[test]
fn pi_kept_by_law_flagged() {
    let d = pin(
        &PIPL,
        "pi_kept_by_law_flagged",
        &["P-voucher", "P-voucher-old"],
        &["P-ok-closed", "R-pia-1", "P-anon"],
    );
    insta::assert_snapshot!(d);
    let before = variant("cn-pipl", &[("company.yaml", ACC_COMPANY_NOT_FINISHED)]);
    assert!(of(&before, "pi_kept_by_law_flagged").is_empty());
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

// ---------------------------------------------------------------- cn/company-law

static CO: LazyLock<Value> = LazyLock::new(|| run_dir(&fixture("cn-company-law")));

const CO_BASE: &str = "name: 上海测试科技股份有限公司\ncredit_code: 91310115MA1K4C2Y3C\ndissolution_cause: 2026-03-16\nliquidation_group_formed: 2026-03-25\nliquidation_finished: 2026-10-30\nderegistration_filed: 2026-11-20\nderegistration_kind: ordinary\n";

const CO_ANNOUNCED: &str = "- {topic: dissolution, at: \"2026-03-20 09:00\"}\n- {topic: liquidation_group, at: \"2026-03-30 09:00\"}\n- {topic: creditors, at: \"2026-04-10 09:00\"}\n";

/// The company-law fixture with company facts and announcements replaced:
/// `edits` are (key, value) lines replacing those of `CO_BASE` (value "" drops
/// the key), `announcements` the YAML of logs/announcement.yaml.
fn company(edits: &[(&str, &str)], announcements: &str, as_of: &str) -> Value {
    let mut yaml = String::new();
    for line in CO_BASE.lines() {
        let key = line.split(':').next().unwrap_or("");
        match edits.iter().find(|(k, _)| *k == key) {
            Some((_, "")) => {}
            Some((k, v)) => yaml.push_str(&format!("{k}: {v}\n")),
            None => yaml.push_str(&format!("{line}\n")),
        }
    }
    for (k, v) in edits {
        if !CO_BASE.contains(&format!("{k}:")) {
            yaml.push_str(&format!("{k}: {v}\n"));
        }
    }
    let manifest = format!("packs: [cn/company-law]\ntime_zone: Asia/Shanghai\nas_of: {as_of}\n");
    variant(
        "cn-company-law",
        &[
            ("company.yaml", &yaml),
            ("logs/announcement.yaml", announcements),
            ("custodia.yaml", &manifest),
        ],
    )
}

fn company_digest(report: &Value, rule: &str) -> String {
    let vs = of(report, rule);
    assert_eq!(vs.len(), 1, "{rule} should fail once: {vs:#?}");
    digest(&vs)
}

#[test]
fn company_fixture_passes_every_deadline() {
    // Only the late creditor notice (a notification subject) fails.
    let ids: Vec<&str> = CO["violations"]
        .as_array()
        .expect("violations")
        .iter()
        .map(|v| v["subject"]["id"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(ids, ["N-cred-late"]);
}

#[test]
fn credit_code_well_formed() {
    let bad = company(
        &[("credit_code", "91310115MA1K4C2Y3O")],
        CO_ANNOUNCED,
        "2026-11-27",
    );
    insta::assert_snapshot!(company_digest(&bad, "credit_code_well_formed"));
}

#[test]
fn dissolution_published_within_10_days() {
    let late = CO_ANNOUNCED.replace("2026-03-20", "2026-03-30");
    let r = company(&[], &late, "2026-11-27");
    insta::assert_snapshot!(company_digest(&r, "dissolution_published_within_10_days"));
    // Not yet published, but the 10 days have not run out: no violation.
    let r = company(
        &[
            ("liquidation_group_formed", ""),
            ("liquidation_finished", ""),
            ("deregistration_filed", ""),
        ],
        "[]",
        "2026-03-20",
    );
    assert!(of(&r, "dissolution_published_within_10_days").is_empty());
    let r = company(&[], "[]", "2026-11-27");
    assert_eq!(of(&r, "dissolution_published_within_10_days").len(), 1);
}

#[test]
fn liquidation_group_within_15_days() {
    let r = company(
        &[("liquidation_group_formed", "2026-04-05")],
        CO_ANNOUNCED,
        "2026-11-27",
    );
    insta::assert_snapshot!(company_digest(&r, "liquidation_group_within_15_days"));
    // Not formed yet: fine within the 15 days, a violation after them.
    let unformed = [
        ("liquidation_group_formed", ""),
        ("liquidation_finished", ""),
        ("deregistration_filed", ""),
    ];
    assert!(of(
        &company(&unformed, CO_ANNOUNCED, "2026-03-25"),
        "liquidation_group_within_15_days"
    )
    .is_empty());
    assert_eq!(
        of(
            &company(&unformed, CO_ANNOUNCED, "2026-11-27"),
            "liquidation_group_within_15_days"
        )
        .len(),
        1
    );
    // Simplified deregistration needs no liquidation group.
    let simplified = [
        ("liquidation_group_formed", "2026-04-05"),
        ("deregistration_kind", "simplified"),
    ];
    assert!(of(
        &company(&simplified, CO_ANNOUNCED, "2026-11-27"),
        "liquidation_group_within_15_days"
    )
    .is_empty());
}

#[test]
fn liquidation_group_published_within_10_days() {
    let late = CO_ANNOUNCED.replace("2026-03-30", "2026-04-10");
    let r = company(&[], &late, "2026-11-27");
    insta::assert_snapshot!(company_digest(
        &r,
        "liquidation_group_published_within_10_days"
    ));
    assert!(of(&CO, "liquidation_group_published_within_10_days").is_empty());
}

#[test]
fn creditors_notified_within_10_days() {
    // N-cred-day10 is on day 10 exactly: the window includes both ends.
    let d = pin(
        &CO,
        "creditors_notified_within_10_days",
        &["N-cred-late"],
        &["N-cred-ok", "N-cred-day10", "N-customer"],
    );
    insta::assert_snapshot!(d);
}

#[test]
fn creditors_announced_within_60_days() {
    // Day 63 after the liquidation group was formed on 2026-03-25: the
    // forbid clause names the late announcement and its day.
    let late = CO_ANNOUNCED.replace("2026-04-10", "2026-05-27");
    let r = company(&[], &late, "2026-11-27");
    let mut report = company_digest(&r, "creditors_announced_within_60_days");
    assert_eq!(
        of(&r, "creditors_announced_within_60_days")[0]["evidence"][0]["file"],
        "logs/announcement.yaml"
    );
    // Never announced, and the 60 days are over: the require clause.
    let none = company(&[], "[]", "2026-11-27");
    report.push_str(&company_digest(&none, "creditors_announced_within_60_days"));
    insta::assert_snapshot!(report);
    // Day 60 is still in time.
    let day60 = CO_ANNOUNCED.replace("2026-04-10", "2026-05-24");
    assert!(of(
        &company(&[], &day60, "2026-11-27"),
        "creditors_announced_within_60_days"
    )
    .is_empty());
    // A repeat publication after day 60 is fine when the first was in time.
    let repeat = format!("{CO_ANNOUNCED}- {{topic: creditors, at: \"2026-06-30 09:00\"}}\n");
    assert!(of(
        &company(&[], &repeat, "2026-11-27"),
        "creditors_announced_within_60_days"
    )
    .is_empty());
    // Nothing announced yet, 60 days not over: fine. The liquidation has
    // not finished by then (a fact after `as_of` is an input error).
    let ongoing = [("liquidation_finished", ""), ("deregistration_filed", "")];
    assert!(of(
        &company(&ongoing, "[]", "2026-05-01"),
        "creditors_announced_within_60_days"
    )
    .is_empty());
}

/// 民法典 第二百零三条 beyond the holiday calendar (2020–2026): a deadline
/// whose last day cannot be known is `insufficient_evidence`, never a pass,
/// and an act on or before the calendar day needs no calendar.
#[test]
fn deadlines_beyond_the_holiday_calendar_are_not_guessed() {
    let late_group = [
        ("dissolution_cause", "2026-12-20"),
        ("liquidation_group_formed", "2026-12-28"),
        ("liquidation_finished", ""),
        ("deregistration_filed", ""),
    ];
    let announced = "- {topic: dissolution, at: \"2026-12-24 09:00\"}\n- {topic: liquidation_group, at: \"2027-01-08 09:00\"}\n- {topic: creditors, at: \"2027-02-27 09:00\"}\n";
    let r = company(&late_group, announced, "2027-03-31");
    // Formed 2026-12-28: the 10th calendar day is 2027-01-07, the 60th
    // 2027-02-26; both announcements came a day later.
    for rule in [
        "liquidation_group_published_within_10_days",
        "creditors_announced_within_60_days",
    ] {
        let vs = of(&r, rule);
        assert_eq!(vs.len(), 1, "{rule}: {vs:#?}");
        assert_eq!(vs[0]["outcome"], "insufficient_evidence", "{rule}");
    }
    // The dissolution was published on day 4: in time, calendar or not.
    assert!(of(&r, "dissolution_published_within_10_days").is_empty());
    // A creditor payment after a notice's 30th calendar day beyond the
    // calendar is not judged either.
    let r = variant(
        "cn-company-law",
        &[
            (
                "company.yaml",
                "name: 甲\ncredit_code: 91310115MA1K4C2Y3C\nliquidation_group_formed: 2026-01-26\n",
            ),
            ("logs/announcement.yaml", "- {topic: creditors, at: \"2026-02-05 09:00\"}\n"),
            (
                "logs/notification.jsonl",
                "{\"id\": \"N-1\", \"subject\": \"CR-1\", \"topic\": \"creditor\", \"channel\": \"letter\", \"at\": \"2026-12-10T10:00:00+08:00\"}\n",
            ),
            (
                "logs/creditor_payment.jsonl",
                "{\"id\": \"P-31\", \"creditor\": \"CR-1\", \"at\": \"2027-01-10T10:00:00+08:00\"}\n",
            ),
            (
                "custodia.yaml",
                "packs: [cn/company-law]\ntime_zone: Asia/Shanghai\nas_of: 2027-03-31\n",
            ),
        ],
    );
    let vs = of(&r, "no_payment_during_claim_period");
    assert_eq!(vs.len(), 1, "{vs:#?}");
    assert_eq!(vs[0]["outcome"], "insufficient_evidence");
}

/// Hostile review h23 (2026-12-07): a day the company facts do not give is
/// said in words, never printed as a day ("formed on [… missing]"), and a
/// deadline beyond the holiday calendar is `insufficient_evidence` with a
/// message that says why, not a violation "by [last_day missing]".
#[test]
fn missing_days_are_said_in_words() {
    fn messages(r: &Value, rule: &str) -> Vec<(String, String)> {
        of(r, rule)
            .iter()
            .map(|v| {
                (
                    v["outcome"].as_str().unwrap_or("").to_string(),
                    v["message"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect()
    }
    fn said(found: &[(String, String)], outcome: &str, words: &str) {
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].0, outcome, "{found:#?}");
        assert!(found[0].1.contains(words), "{found:#?}");
        assert!(!found[0].1.contains("missing]"), "{found:#?}");
    }
    // No liquidation group, its 15 days long over.
    let r = company(
        &[
            ("liquidation_group_formed", ""),
            ("liquidation_finished", ""),
            ("deregistration_filed", ""),
        ],
        CO_ANNOUNCED,
        "2026-11-27",
    );
    said(
        &messages(&r, "liquidation_group_within_15_days"),
        "violated",
        "no liquidation group was formed within 15 days",
    );
    // Liquidation finished, deregistration never filed.
    let r = company(
        &[
            ("deregistration_filed", ""),
            ("liquidation_finished", "2026-10-01"),
        ],
        CO_ANNOUNCED,
        "2026-11-27",
    );
    said(
        &messages(&r, "deregistration_within_30_days"),
        "violated",
        "has not been filed",
    );
    // Filed without a confirmed liquidation report.
    let r = company(&[("liquidation_finished", "")], CO_ANNOUNCED, "2026-11-27");
    said(
        &messages(&r, "liquidation_report_before_filing"),
        "violated",
        "without a confirmed liquidation report",
    );
    // Deregistration filed with no tax clearance, and tax cleared with no
    // invoices cancelled.
    let tax = |facts: &str| {
        variant(
            "cn-tax",
            &[(
                "company.yaml",
                &format!("name: 甲\ncredit_code: 91310115MA1K4C2Y3C\n{facts}"),
            )],
        )
    };
    let r = tax("deregistration_filed: 2026-11-20\n");
    said(
        &messages(&r, "tax_deregistered_before_filing"),
        "violated",
        "without the tax registration cancelled",
    );
    let r = tax("tax_deregistered: 2026-11-10\n");
    said(
        &messages(&r, "invoices_cancelled_before_tax_deregistration"),
        "violated",
        "without the unused invoices cancelled",
    );
    // Beyond the holiday calendar (2027): the cause of 2027-01-06, published
    // on Monday 18 January after a 10th day on Saturday the 16th, a
    // liquidation group formed on its day 17 and a deregistration filed on
    // day 32 after the liquidation: each after the calendar day, on a last
    // day the calendar does not know. Cannot tell, and said so.
    let r = company(
        &[
            ("dissolution_cause", "2027-01-06"),
            ("liquidation_group_formed", "2027-01-23"),
            ("liquidation_finished", "2027-02-27"),
            ("deregistration_filed", "2027-03-31"),
        ],
        "- {topic: dissolution, at: \"2027-01-18 10:00\"}\n- {topic: liquidation_group, at: \"2027-01-25 09:00\"}\n- {topic: creditors, at: \"2027-01-25 09:00\"}\n",
        "2027-04-01",
    );
    for rule in [
        "dissolution_published_within_10_days",
        "liquidation_group_within_15_days",
        "deregistration_within_30_days",
    ] {
        said(
            &messages(&r, rule),
            "insufficient_evidence",
            "cannot be told",
        );
    }
}

#[test]
fn deregistration_within_30_days() {
    let r = company(
        &[("deregistration_filed", "2026-12-05")],
        CO_ANNOUNCED,
        "2026-12-10",
    );
    insta::assert_snapshot!(company_digest(&r, "deregistration_within_30_days"));
    // Not filed, 28 days after: still in time; 57 days after: late.
    let unfiled = [("deregistration_filed", "")];
    assert!(of(
        &company(&unfiled, CO_ANNOUNCED, "2026-11-27"),
        "deregistration_within_30_days"
    )
    .is_empty());
    let r = company(
        &[
            ("deregistration_filed", ""),
            ("liquidation_finished", "2026-10-01"),
        ],
        CO_ANNOUNCED,
        "2026-11-27",
    );
    assert_eq!(of(&r, "deregistration_within_30_days").len(), 1);
}

#[test]
fn simplified_notice_20_days() {
    let simplified = [
        ("deregistration_kind", "simplified"),
        ("liquidation_group_formed", ""),
        ("liquidation_finished", ""),
        ("deregistration_filed", "2026-10-05"),
    ];
    let notice = |until: &str| {
        format!(
            "- {{topic: simplified_deregistration, at: \"2026-09-01 09:00\", until: {until}}}\n"
        )
    };
    // 20 days, filed 14 days after: passes.
    let ok = company(&simplified, &notice("2026-09-21"), "2026-11-27");
    assert!(of(&ok, "simplified_notice_20_days").is_empty());
    // Ordinary deregistration: the rule does not apply.
    assert!(of(&CO, "simplified_notice_20_days").is_empty());
    let mut report = String::new();
    let short = company(&simplified, &notice("2026-09-15"), "2026-11-27");
    report.push_str(&company_digest(&short, "simplified_notice_20_days"));
    let mut late = simplified;
    late[3] = ("deregistration_filed", "2026-10-20");
    let late = company(&late, &notice("2026-09-21"), "2026-11-27");
    report.push_str(&company_digest(&late, "simplified_notice_20_days"));
    let none = company(&simplified, "[]", "2026-11-27");
    report.push_str(&company_digest(&none, "simplified_notice_20_days"));
    insta::assert_snapshot!(report);
}

// ---------------------------------------------------------------- cn/tax

static TAX: LazyLock<Value> = LazyLock::new(|| run_dir(&fixture("cn-tax")));

#[test]
fn tax_schedule_10_years() {
    let d = pin(
        &TAX,
        "tax_schedule_10_years",
        &["short_tax"],
        &["voucher", "tax_return", "contract"],
    );
    insta::assert_snapshot!(d);
}

#[test]
fn invoice_schedule_5_years() {
    let d = pin(
        &TAX,
        "invoice_schedule_5_years",
        &["short_stub"],
        &["invoice_stub", "contract"],
    );
    insta::assert_snapshot!(d);
}

#[test]
fn tax_records_kept_10_years() {
    // D-return-day is the first day after the 10 years (2015 -> 2025-12-31),
    // D-return-eve the last day of them.
    let d = pin(
        &TAX,
        "tax_records_kept_10_years",
        &["D-return-eve", "D-return-young"],
        &["D-voucher-old", "D-return-day", "D-stub-ok", "D-contract"],
    );
    insta::assert_snapshot!(d);
}

#[test]
fn invoice_stubs_kept_5_years() {
    let d = pin(
        &TAX,
        "invoice_stubs_kept_5_years",
        &["D-stub-young"],
        &["D-stub-ok", "D-return-young"],
    );
    insta::assert_snapshot!(d);
}

// ---------------------------------------------------------------- cn/customer-records

static CR: LazyLock<Value> = LazyLock::new(|| run_dir(&fixture("cn-customer-records")));

#[test]
fn catalogued_and_classified() {
    let d = pin(
        &CR,
        "catalogued_and_classified",
        &["K-noclass", "K-noloc"],
        &["K-ok", "I-ok"],
    );
    insta::assert_snapshot!(d);
}

#[test]
fn period_end_agrees_with_schedule() {
    // PE-open: its contract has not closed, so its clock has not started.
    let d = pin(
        &CR,
        "period_end_agrees_with_schedule",
        &["PE-closed", "PE-created", "PE-fye", "PE-perm"],
        &["PE-ok", "PE-fye-ok", "PE-open", "PE-created-ok", "K-ok"],
    );
    insta::assert_snapshot!(d);
}

#[test]
fn important_records_backed_up() {
    let d = pin(
        &CR,
        "important_records_backed_up",
        &["I-nobackup", "I-stale"],
        &["I-ok", "I-destroyed", "K-ok"],
    );
    insta::assert_snapshot!(d);
}

#[test]
fn sensitive_electronic_encrypted() {
    let d = pin(
        &CR,
        "sensitive_electronic_encrypted",
        &["E-plain", "E-spi"],
        &["E-ok", "E-paper"],
    );
    insta::assert_snapshot!(d);
}

#[test]
fn storage_inspected() {
    let d = pin(
        &CR,
        "storage_inspected",
        &["L-stale"],
        &["K-ok", "E-ok", "K-noloc"],
    );
    insta::assert_snapshot!(d);
}

#[test]
fn changes_recorded_and_reviewed() {
    let d = pin(
        &CR,
        "changes_recorded_and_reviewed",
        &["CH-noreason", "CH-self", "CH-unreviewed"],
        &["CH-ok"],
    );
    insta::assert_snapshot!(d);
}

#[test]
fn handover_by_designated_person() {
    let d = pin(
        &CR,
        "handover_by_designated_person",
        &["H-nohandler", "H-undesignated"],
        &["H-ok", "H-before"],
    );
    insta::assert_snapshot!(d);
}

#[test]
fn customer_told_of_handover() {
    // H-undesignated: told by announcement only; H-nohandler: told 35 days
    // after; H-before: told 20 days before, which counts.
    let d = pin(
        &CR,
        "customer_told_of_handover",
        &["H-nohandler", "H-undesignated"],
        &["H-ok", "H-before"],
    );
    insta::assert_snapshot!(d);
}

#[test]
fn customer_told_of_destruction() {
    let d = pin(
        &CR,
        "customer_told_of_destruction",
        &["D-untold"],
        &["D-told", "D-voucher", "D-ok"],
    );
    insta::assert_snapshot!(d);
}

#[test]
fn destruction_recorded() {
    let d = pin(
        &CR,
        "destruction_recorded",
        // X-future's destruction is dated the day after as_of, X-asof's on
        // it at 23:30 (third hostile review: a destruction dated after
        // as_of took the record out of the custody rules).
        &["X-future", "X-none", "X-thin"],
        &["X-ok", "P-5", "K-ok", "X-asof"],
    );
    insta::assert_snapshot!(d);
}

#[test]
fn no_destruction_under_legal_hold() {
    let d = pin(
        &CR,
        "no_destruction_under_legal_hold",
        &["LH-destroyed"],
        &["LH-kept"],
    );
    insta::assert_snapshot!(d);
}

#[test]
fn compliance_review_before_filing() {
    assert!(of(&CR, "compliance_review_before_filing").is_empty());
    let issues = variant(
        "cn-customer-records",
        &[(
            "logs/review.csv",
            "id,at,scope,reviewer,result\nRV-1,2026-11-10 10:00,客户资料,S-arch-head,issues\n",
        )],
    );
    let late = variant(
        "cn-customer-records",
        &[(
            "logs/review.csv",
            "id,at,scope,reviewer,result\nRV-1,2026-11-21 10:00,客户资料,S-arch-head,passed\n",
        )],
    );
    let unfiled = variant(
        "cn-customer-records",
        &[
            ("logs/review.csv", "id,at,scope,reviewer,result\n"),
            (
                "company.yaml",
                "name: 上海测试科技股份有限公司\ncredit_code: 91310115MA1K4C2Y3C\n",
            ),
        ],
    );
    assert!(of(&unfiled, "compliance_review_before_filing").is_empty());
    assert_eq!(of(&late, "compliance_review_before_filing").len(), 1);
    insta::assert_snapshot!(digest(&of(&issues, "compliance_review_before_filing")));
}

// ---------------------------------------------------------------- intl/gdpr

static GDPR: LazyLock<Value> = LazyLock::new(|| run_dir(&fixture("intl-gdpr")));

#[test]
fn storage_limitation() {
    let d = pin(
        &GDPR,
        "storage_limitation",
        &["G-closed-expired", "G-created-expired", "G-fye-expired"],
        &[
            "G-ok",
            "G-created-ok",
            "G-fye-ok",
            "G-c1-deleted",
            "G-contract",
        ],
    );
    insta::assert_snapshot!(d);
}

#[test]
fn erasure_answered_within_a_month() {
    let d = pin(
        &GDPR,
        "erasure_answered_within_a_month",
        &["Q-late", "Q-open"],
        &["Q-ok", "Q-refused", "Q-access"],
    );
    insta::assert_snapshot!(d);
}

#[test]
fn erased_on_request() {
    // Q-ok was granted: C-1's deleted file and statutory invoice are fine,
    // G-c1-kept is not. Q-refused (C-2) does not apply. The two marketing
    // lists hold personal information of no recorded subject: whether C-1's
    // or C-4's data is on them cannot be told (review R16: a `forbid` whose
    // condition is unknown for an object is insufficient_evidence).
    let d = pin(
        &GDPR,
        "erased_on_request",
        &["Q-late", "Q-late", "Q-ok", "Q-ok", "Q-ok"],
        &["Q-refused"],
    );
    let v = of(&GDPR, "erased_on_request");
    let found: Vec<(&Value, &Value, &Value)> = v
        .iter()
        .map(|x| (&x["subject"]["id"], &x["outcome"], &x["evidence"][0]["id"]))
        .collect();
    let (violated, unsure) = (json!("violated"), json!("insufficient_evidence"));
    let (q_ok, q_late) = (json!("Q-ok"), json!("Q-late"));
    let (kept, expired, list_ok) = (
        json!("G-c1-kept"),
        json!("G-created-expired"),
        json!("G-created-ok"),
    );
    assert!(found.contains(&(&q_ok, &violated, &kept)), "{found:?}");
    for q in [&q_ok, &q_late] {
        assert!(found.contains(&(q, &unsure, &expired)), "{found:?}");
        assert!(found.contains(&(q, &unsure, &list_ok)), "{found:?}");
    }
    insta::assert_snapshot!(d);
}

#[test]
fn breach_notified_within_72_hours() {
    let d = pin(
        &GDPR,
        "breach_notified_within_72_hours",
        &["B-late", "B-none", "B-risk"],
        &["B-ok", "B-risk-ok"],
    );
    insta::assert_snapshot!(d);
}

#[test]
fn record_of_processing() {
    let d = pin(
        &GDPR,
        "record_of_processing",
        &["marketing_list"],
        // health_form's activity names no legal basis: Art. 30(1) does not
        // ask for one (processing_legal_basis_recorded, a warning, does).
        &["customer_file", "invoice", "contract", "health_form"],
    );
    insta::assert_snapshot!(d);
}

/// The `test` blocks of each pack (tests/packs/policy-tests/<pack>.policy),
/// run by `custodia test` against the pack alone: every expectation holds.
#[test]
fn pack_policy_tests_pass() {
    for pack in custodia::packs::names() {
        let Some(tests) = policy_tests(pack) else {
            continue;
        };
        let policy = format!("policies/{pack}.policy");
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_custodia"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(["test", &policy, &tests, "--as-of", "2026-11-27"])
            .args(["--tz", "Asia/Shanghai"])
            .env("NO_COLOR", "1")
            .output()
            .expect("run custodia test");
        let text = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(0), "{pack}: {text}");
        assert!(text.contains(", 0 failed"), "{pack}: {text}");
    }
}

/// The path of a pack's `test` blocks, if it has them.
fn policy_tests(pack: &str) -> Option<String> {
    let path = format!("tests/packs/policy-tests/{}.policy", pack.replace('/', "-"));
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(&path)
        .exists()
        .then_some(path)
}

/// Every rule of every pack has a test: a fixture test above (and so a
/// fixture subject failing it), or `test` blocks of its pack that make it
/// both fail and pass. A new rule without either fails here.
#[test]
fn every_pack_rule_is_tested() {
    let src = include_str!("packs.rs");
    let mut seen = 0;
    for pack in custodia::packs::names() {
        let Some(files) = custodia::packs::get(pack) else {
            continue;
        };
        let blocks = policy_tests(pack)
            .map(|p| {
                std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(p))
                    .expect("read the pack's test blocks")
            })
            .unwrap_or_default();
        for (_, text) in files {
            for line in text.lines() {
                let words: Vec<&str> = line.split_whitespace().collect();
                if let [kind, name, "{"] = words[..] {
                    if ["retention", "access", "destruction", "notification", "rule"]
                        .contains(&kind)
                    {
                        seen += 1;
                        let in_blocks = blocks.contains(&format!("expect {name} fails"))
                            && blocks.contains(&format!("expect {name} passes"));
                        assert!(
                            src.contains(&format!("fn {name}()")) || in_blocks,
                            "rule {name} of {pack} has no test in tests/packs.rs nor test blocks that make it fail and pass"
                        );
                    }
                }
            }
        }
    }
    assert_eq!(seen, 89, "rules found in the packs");
}
