//! The verdict never says more than was checked (issue 12): removing or
//! renaming any one file of the example cases never makes the check pass,
//! a file that fed a rule makes it stop (exit 2, not checked), and the pack
//! choice is said in the report. The catalogue of small verdict cases is
//! under `tests/bad_inputs/verdict_*`.

mod common;

use std::path::{Path, PathBuf};

use custodia::cli::app::{run_check, CheckOptions, Format};
use serde_json::Value;

struct Result {
    exit: u8,
    json: Value,
    errors: String,
}

fn check(case: &Path) -> Result {
    let out = run_check(&CheckOptions {
        case: case.to_path_buf(),
        format: Format::Json,
        ..Default::default()
    });
    let json = if out.output.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&out.output).expect("the JSON report parses")
    };
    Result {
        exit: out.exit,
        json,
        errors: out.errors,
    }
}

/// `check` with `--allow-skipped`: the bad-input base case declares its
/// own `record` schema, which leaves the statute packs out (exit 2 and
/// NOT FULLY CHECKED otherwise; docs/reports.md, "Statute packs left out
/// by custodia.yaml"); what these tests look at is the rest.
fn check_own_schema(case: &Path) -> Result {
    let out = run_check(&CheckOptions {
        case: case.to_path_buf(),
        format: Format::Json,
        allow_skipped: true,
        ..Default::default()
    });
    let json: Value = serde_json::from_str(&out.output).expect("the JSON report parses");
    Result {
        exit: out.exit,
        json,
        errors: out.errors,
    }
}

/// The verdict but for the packs the case's own schema left out: what the
/// verdict would be had the packs applied to nothing.
fn verdict_but_packs(r: &Result) -> String {
    let left_out = (r.json["verdict"]["not_checked"].as_str()).is_some_and(|t| {
        // The packs' sentence alone, nothing else not checked.
        t.starts_with("the built-in packs") && t.ends_with("or give `--allow-skipped` to accept it")
    });
    match verdict(r).as_str() {
        "not_fully_checked" if left_out => {
            let s = &r.json["summary"]["violations"];
            if s["warning"].as_u64().unwrap_or(0) + s["info"].as_u64().unwrap_or(0) > 0 {
                "compliant_with_findings".into()
            } else {
                "compliant".into()
            }
        }
        v => v.to_string(),
    }
}

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name)
}

/// A copy of `from` in a temp dir.
fn copy_case(from: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for file in common::files_under(from) {
        let rel = file.strip_prefix(from).expect("inside the case");
        let to = dir.path().join(rel);
        std::fs::create_dir_all(to.parent().expect("a file has a parent")).expect("mkdir");
        std::fs::copy(&file, &to).expect("copy");
    }
    dir
}

fn verdict(r: &Result) -> String {
    r.json["verdict"]["result"]
        .as_str()
        .unwrap_or("none")
        .to_string()
}

/// The data files the baseline run read for some rule that had subjects
/// (from its coverage): a table only a rule without subjects reads (the
/// vendor table of a case whose destructions by vendors hold no personal
/// information) decides nothing, so losing it cannot change the verdict.
fn fed_rules(report: &Value) -> Vec<String> {
    let used: Vec<&str> = report["rules"]
        .as_array()
        .expect("a rules section")
        .iter()
        .filter(|r| r["subjects"].as_u64().is_some_and(|n| n > 0))
        .flat_map(|r| r["uses"].as_array().into_iter().flatten())
        .filter_map(Value::as_str)
        .collect();
    report["coverage"]
        .as_array()
        .expect("a coverage section")
        .iter()
        .filter(|c| c["collection"].as_str().is_some_and(|n| used.contains(&n)))
        .flat_map(|c| c["files"].as_array().cloned().unwrap_or_default())
        .filter_map(|f| f.as_str().map(String::from))
        .collect()
}

/// Removing, then renaming, each file of the case in turn: the run never
/// ends in exit 0 with a compliant verdict, and when the file fed a rule it
/// ends in exit 2 (a rule not checked, the inventory missing, or an input
/// error for a name that is no longer recognised).
fn no_file_can_be_lost_silently(name: &str) {
    let case = example(name);
    let baseline = check(&case);
    assert_eq!(
        verdict(&baseline),
        "not_compliant",
        "{name} has planted violations"
    );
    let fed = fed_rules(&baseline.json);
    assert!(fed.contains(&"inventory.csv".to_string()), "{fed:?}");
    let files = common::files_under(&case);
    assert!(files.len() > 10, "{files:?}");
    for file in files {
        let rel = file
            .strip_prefix(&case)
            .expect("inside the case")
            .to_string_lossy()
            .replace('\\', "/");
        for how in ["removed", "renamed"] {
            let copy = copy_case(&case);
            let target = copy.path().join(&rel);
            if how == "removed" {
                std::fs::remove_file(&target).expect("remove");
            } else {
                let renamed = target.with_file_name(format!(
                    "renamed_{}",
                    target.file_name().expect("a name").to_string_lossy()
                ));
                std::fs::rename(&target, renamed).expect("rename");
            }
            let r = check(copy.path());
            let what = format!("{name}: {rel} {how}: exit {}, {}", r.exit, verdict(&r));
            assert!(
                !(r.exit == 0 || verdict(&r) == "compliant"),
                "a false pass: {what}\n{}",
                r.errors
            );
            if fed.contains(&rel) {
                assert_eq!(r.exit, 2, "{what}: the file fed a rule\n{}", r.errors);
            }
        }
    }
}

#[test]
fn no_file_of_the_acme_example_can_be_lost_silently() {
    no_file_can_be_lost_silently("acme-deregistration");
}

#[test]
fn no_file_of_the_shanghai_example_can_be_lost_silently() {
    no_file_can_be_lost_silently("shanghai-deregistration");
}

/// A rule of the case's own on the standard schema: the default packs are
/// checked beside it, and the report says so.
#[test]
fn own_policies_on_the_standard_schema_keep_the_default_packs() {
    let copy = copy_case(&example("shanghai-deregistration"));
    let own = "rule every_record_titled {\n  title \"每份资料有题名\"\n  severity warning\n  cite \"指引 二.1\"\n  for record r\n  require r.title is set\n}\n";
    // The example names its packs; here the case names none.
    let manifest = "time_zone: Asia/Shanghai\nas_of: 2026-11-27\n";
    std::fs::write(copy.path().join("custodia.yaml"), manifest).expect("write");
    std::fs::create_dir_all(copy.path().join("policies")).expect("mkdir");
    std::fs::write(copy.path().join("policies/own.policy"), own).expect("write");
    let r = check(copy.path());
    let used: Vec<&str> = r.json["packs"]["used"]
        .as_array()
        .expect("packs.used")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(used, custodia::packs::defaults());
    assert_eq!(
        r.json["summary"]["rules"], 84,
        "83 pack rules and the own one"
    );
    let note = r.json["packs"]["note"].as_str().expect("a note");
    assert!(
        note.contains("were checked beside the case's own policies"),
        "{note}"
    );

    // `packs: []` opts out, and the report says so.
    std::fs::write(
        copy.path().join("custodia.yaml"),
        format!("{manifest}\npacks: []\n"),
    )
    .expect("write");
    let r = check(copy.path());
    assert_eq!(r.json["summary"]["rules"], 1);
    assert_eq!(r.json["packs"]["used"], serde_json::json!([]));
    let note = r.json["packs"]["note"].as_str().expect("a note");
    assert!(note.contains("`packs: []`"), "{note}");
}

/// A case that declares its own `record` cannot use the packs: the report
/// names them and says why, in JSON and in the audit report's scope.
#[test]
fn own_schema_says_which_packs_were_not_used() {
    let r = check(&example("acme-deregistration"));
    assert_eq!(r.json["packs"]["used"], serde_json::json!([]));
    let note = r.json["packs"]["note"].as_str().expect("a note");
    for pack in custodia::packs::defaults() {
        assert!(note.contains(pack), "{note}");
    }
    assert!(
        note.contains("policies/schema.policy declares its own `record` schema"),
        "{note}"
    );
    let md = run_check(&CheckOptions {
        case: example("acme-deregistration"),
        format: Format::Markdown,
        ..Default::default()
    })
    .output;
    let scope = md
        .split("## Appendix A. Results by rule")
        .nth(1)
        .and_then(|s| s.split("### Results by rule kind").next())
        .expect("a scope section");
    assert!(scope.contains("**built-in packs:** none"), "{scope}");
    assert!(
        scope.contains("were not used: policies/schema.policy declares its own"),
        "{scope}"
    );
}

/// Every format says when a rule was not checked, and none counts it as
/// passed.
#[test]
fn every_format_says_not_checked() {
    let copy = copy_case(&example("shanghai-deregistration"));
    std::fs::remove_file(copy.path().join("logs/breach.jsonl")).expect("remove");
    let run = |format| {
        let out = run_check(&CheckOptions {
            case: copy.path().to_path_buf(),
            format,
            ..Default::default()
        });
        assert_eq!(out.exit, 2, "{}", format.name());
        out.output
    };
    let json: Value = serde_json::from_str(&run(Format::Json)).expect("json");
    let rule = json["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .find(|r| r["rule"] == "breach_notified")
        .expect("breach_notified");
    assert_eq!(rule["status"], "not_checked");
    assert_eq!(rule["no_data"], serde_json::json!(["breach"]));
    let breach = json["coverage"]
        .as_array()
        .expect("coverage")
        .iter()
        .find(|c| c["collection"] == "breach")
        .expect("breach");
    assert_eq!(breach["supplied"], false);
    assert_eq!(json["verdict"]["result"], "not_compliant");
    let text = json["verdict"]["not_checked"].as_str().expect("named");
    assert!(
        text.contains("no log `breach` for breach_notified"),
        "{text}"
    );

    let human = run(Format::Human);
    assert!(
        human.contains("breach                 no source supplied: not checked: breach_notified"),
        "{human}"
    );
    assert!(human.contains("1 not checked (no data)"), "{human}");

    let sarif: Value = serde_json::from_str(&run(Format::Sarif)).expect("sarif");
    let invocation = &sarif["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    assert!(invocation["toolExecutionNotifications"]
        .as_array()
        .expect("notifications")
        .iter()
        .any(|n| n["associatedRule"]["id"] == "breach_notified"
            && n["descriptor"]["id"] == "not_checked"));

    let junit = run(Format::Junit);
    let suite = junit
        .split("<testsuite name=\"breach_notified\"")
        .nth(1)
        .and_then(|s| s.split("</testsuite>").next())
        .expect("the rule's suite");
    assert!(
        suite.contains(
            "<skipped message=\"not checked (no data): no source was supplied for log `breach`\"/>"
        ),
        "{suite}"
    );
    assert!(
        !suite.contains("/>\n    <testcase"),
        "no passes listed: {suite}"
    );

    let github = run(Format::Github);
    assert!(github.contains("::warning title=custodia breach_notified%3A not checked (no data)::rule breach_notified was not checked: no source was supplied for log `breach`"), "{github}");

    let md = run(Format::Markdown);
    assert!(
        md.contains("| `breach_notified` (not checked (no data))"),
        "{md}"
    );
    assert!(
        md.contains("| `breach` | event | no source supplied | 0 | 0 | breach_notified |"),
        "{md}"
    );
    // Page one, which the auditor signs, does not call the check fully
    // checked (it said "complete: yes" beside the rule not checked).
    assert!(
        md.contains("- **every rule checked:** no: see What was not checked")
            && md.contains("1 of 83 rules not checked (no data): no log `breach`"),
        "{md}"
    );
    let html = run(Format::Html);
    assert!(html.contains("not checked (no data)"), "{html}");
}

/// `complete` says one thing in every format: every input was read (no
/// input errors). What else was not checked is `fully_checked`, beside it
/// in JSON and SARIF `run.properties` and on the audit report's page one.
/// The audit report said `complete: no` where JSON and SARIF said
/// `complete: true` (hostile review h16, `complete_flag_disagrees`).
#[test]
fn complete_and_fully_checked_agree_in_every_format() {
    let copy = copy_case(&example("acme-deregistration"));
    std::fs::remove_file(copy.path().join("logs/notification.jsonl")).expect("remove");
    let mut said = String::new();
    for lang in [custodia::i18n::Lang::En, custodia::i18n::Lang::Zh] {
        let run = |format| {
            let out = run_check(&CheckOptions {
                case: copy.path().to_path_buf(),
                format,
                lang: Some(lang),
                allow_not_checked: true,
                ..Default::default()
            });
            out.output
        };
        let json: Value = serde_json::from_str(&run(Format::Json)).expect("json");
        assert_eq!(json["complete"], true);
        assert_eq!(json["fully_checked"], false, "{json}");
        assert_eq!(json["fully_checked"], json["verdict"]["fully_checked"]);
        let sarif: Value = serde_json::from_str(&run(Format::Sarif)).expect("sarif");
        let props = &sarif["runs"][0]["properties"];
        assert_eq!(props["complete"], true);
        assert_eq!(props["fully_checked"], false, "{props}");
        assert_eq!(props["not_checked_text"], json["verdict"]["not_checked"]);
        said += &format!("{lang:?}\nsarif run.properties: {props}\n");
        let page_one = |l: &&str| {
            [
                "- **complete",
                "- **fully checked",
                "- **检查是否完整",
                "- **是否全部检查",
            ]
            .iter()
            .any(|p| l.starts_with(p))
        };
        for line in run(Format::Markdown).lines().filter(page_one) {
            said += &format!("markdown: {line}\n");
        }
    }
    insta::assert_snapshot!(said);
}

/// The bad-input catalogue's clean base case, copied, with `witnessed`
/// moved to a file of its own outside the case (a `.policy` file in the
/// case but outside `policies/` is itself an input error) and made to fail
/// (three witnesses asked).
fn base_with_failing_rule_file() -> (tempfile::TempDir, tempfile::TempDir) {
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad_inputs/_base");
    let dir = copy_case(&base);
    let outside = tempfile::tempdir().expect("tempdir");
    let rules = std::fs::read_to_string(dir.path().join("policies/rules.policy")).expect("rules");
    let (witnessed, access) = rules.split_at(rules.find("access ").expect("two rules"));
    std::fs::write(dir.path().join("policies/rules.policy"), access).expect("write");
    std::fs::write(
        outside.path().join("failing.policy"),
        witnessed.replace(">= 2", ">= 3"),
    )
    .expect("write");
    (dir, outside)
}

/// A policy file reached through a link is read (it was skipped without a
/// word: its failing rule left out, COMPLIANT, exit 0).
#[test]
fn a_linked_policy_file_is_read() {
    let (dir, outside) = base_with_failing_rule_file();
    std::os::unix::fs::symlink(
        outside.path().join("failing.policy"),
        dir.path().join("policies/failing.policy"),
    )
    .expect("symlink");
    let r = check_own_schema(dir.path());
    assert_eq!(r.exit, 1, "{}", r.errors);
    assert_eq!(verdict(&r), "not_compliant");
}

/// A policy file named almost right (`.Policy`, `.policy.txt`) or a
/// dangling link under policies/ stops the run naming it (each was
/// skipped without a word and the check passed without its rules).
#[test]
fn a_policy_file_that_would_be_skipped_stops_the_run() {
    for name in ["failing.Policy", "failing.policy.txt"] {
        let (dir, outside) = base_with_failing_rule_file();
        std::fs::rename(
            outside.path().join("failing.policy"),
            dir.path().join("policies").join(name),
        )
        .expect("rename");
        let r = check(dir.path());
        assert_eq!(r.exit, 2, "{name}: {}", r.errors);
        // Named on stderr when policy discovery stops, or as an input
        // error of the report when the file is read as a stray data file.
        let named = format!("policies/{name}");
        assert!(
            r.errors.contains(&named) || r.json["input_errors"].to_string().contains(&named),
            "{name}: {}",
            r.errors
        );
    }
    let (dir, _outside) = base_with_failing_rule_file();
    std::os::unix::fs::symlink(
        dir.path().join("gone.policy"),
        dir.path().join("policies/gone.policy"),
    )
    .expect("symlink");
    let r = check(dir.path());
    assert_eq!(r.exit, 2, "{}", r.errors);
    assert!(r.errors.contains("policies/gone.policy"), "{}", r.errors);
}

/// The bad-input base case with its `witnessed` rule made to fail, inside
/// its own policies.
fn base_failing_in_its_policies() -> tempfile::TempDir {
    let (dir, outside) = base_with_failing_rule_file();
    std::fs::rename(
        outside.path().join("failing.policy"),
        dir.path().join("policies/failing.policy"),
    )
    .expect("rename");
    dir
}

/// `--fail-on never` silences the exit status, not the verdict; a waiver on
/// every violation makes the case COMPLIANT with the waiver counted
/// (docs/reports.md, "what the verdict does not follow").
#[test]
fn the_verdict_follows_neither_fail_on_never_nor_hides_waivers() {
    let dir = base_failing_in_its_policies();
    let root = dir.path();
    let never = |root: &Path| {
        let out = run_check(&CheckOptions {
            case: root.to_path_buf(),
            format: Format::Json,
            fail_on: Some(custodia::cli::app::FailOn::Never),
            allow_skipped: true,
            ..Default::default()
        });
        (
            out.exit,
            serde_json::from_str::<Value>(&out.output).expect("JSON"),
        )
    };
    let (exit, json) = never(root);
    assert_eq!(exit, 0);
    assert_eq!(json["verdict"]["result"], "not_compliant");

    std::fs::write(
        root.join("policies/waivers.policy"),
        "waive witnessed for \"R-2\" until 2999-12-31 because \"reviewed with the auditor\" by \"auditor\"\n",
    )
    .expect("write");
    let r = check_own_schema(root);
    assert_eq!(r.exit, 0, "{}", r.errors);
    assert_eq!(verdict_but_packs(&r), "compliant");
    assert_eq!(r.json["summary"]["waived"], 1);
}

/// The case folder is the company's, the gate the auditor's: `fail_on:
/// never` in custodia.yaml would make every run on the case exit 0 whatever
/// it found (hostile review, 2026-12-05), so it stops the run; the command
/// line's `--fail-on` still wins over the manifest, and a manifest may
/// tighten the gate (`warning`).
#[test]
fn a_case_cannot_silence_its_own_exit_status() {
    let dir = base_failing_in_its_policies();
    let root = dir.path();
    let manifest = std::fs::read_to_string(root.join("custodia.yaml")).expect("manifest");
    std::fs::write(
        root.join("custodia.yaml"),
        format!("{manifest}fail_on: never\n"),
    )
    .expect("write");
    let r = check(root);
    assert_eq!(r.exit, 2, "{}", r.errors);
    assert!(r.errors.contains("`fail_on: never`"), "{}", r.errors);
    assert!(r.errors.contains("--fail-on never"), "{}", r.errors);

    let out = run_check(&CheckOptions {
        case: root.to_path_buf(),
        format: Format::Json,
        fail_on: Some(custodia::cli::app::FailOn::Error),
        allow_skipped: true,
        ..Default::default()
    });
    assert_eq!(out.exit, 1, "{}", out.errors);
}

/// A case cannot choose a day that has not come to be judged by: `as_of:
/// 2099-01-01` in custodia.yaml ended a record's retention and turned its
/// violation into an expired waiver (hostile review, 2026-12-06). It stops
/// the run; `--as-of` may ask for it knowingly, and every report then
/// notes that the day is after the run.
#[test]
fn a_case_cannot_choose_a_day_that_has_not_come() {
    let dir = base_failing_in_its_policies();
    let root = dir.path();
    let manifest = std::fs::read_to_string(root.join("custodia.yaml")).expect("manifest");
    let without: String = manifest
        .lines()
        .filter(|l| !l.starts_with("as_of:"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(
        root.join("custodia.yaml"),
        format!("{without}as_of: 2099-01-01\n"),
    )
    .expect("write");
    let r = check(root);
    assert_eq!(r.exit, 2, "{}", r.errors);
    assert!(
        r.errors.contains("`as_of: 2099-01-01` is after today")
            && r.errors.contains("`--as-of 2099-01-01`"),
        "{}",
        r.errors
    );
    let out = run_check(&CheckOptions {
        case: root.to_path_buf(),
        format: Format::Json,
        as_of: Some("2099-01-01".into()),
        ..Default::default()
    });
    let json: Value = serde_json::from_str(&out.output).expect("a JSON report");
    let notes: Vec<&str> = json["notes"]
        .as_array()
        .expect("notes")
        .iter()
        .filter(|n| n["file"] == "--as-of")
        .filter_map(|n| n["message"].as_str())
        .collect();
    assert_eq!(notes.len(), 1, "{}", out.output);
    assert!(
        notes[0].starts_with("checked as of 2099-01-01, a day after the run"),
        "{notes:?}"
    );
}

/// A run whose only unwaived finding is a warning is COMPLIANT WITH
/// FINDINGS in every format: the JSON report, which streams its violations
/// and judged a copy without them, said `compliant`.
#[test]
fn a_warning_alone_is_compliant_with_findings_in_json_too() {
    // On the standard schema, with the packs it is checked against chosen:
    // a case of its own `record` schema is not fully checked.
    let dir = common::std_case_with(common::STD_WARNING);
    let out = run_check(&CheckOptions {
        case: dir.path().to_path_buf(),
        format: Format::Json,
        overrides: custodia::data::case::Overrides {
            packs: common::PACKS_CHOSEN[1..]
                .iter()
                .map(|p| p.to_string())
                .collect(),
            ..Default::default()
        },
        ..Default::default()
    });
    let json: Value = serde_json::from_str(&out.output).expect("the JSON report parses");
    assert_eq!(out.exit, 0, "{}", out.errors);
    let findings = &json["summary"]["violations"];
    assert_eq!(findings["error"], 0, "{json}");
    assert!(findings["warning"].as_u64().unwrap_or(0) > 0, "{json}");
    assert_eq!(json["verdict"]["result"], "compliant_with_findings");
    assert_eq!(json["verdict"]["text"], "COMPLIANT WITH FINDINGS");
    assert_eq!(json["verdict"]["fully_checked"], true);
}

/// `tests/cases/pipl-without-company`: the built-in pack cn/pipl, one active
/// record with personal information, every log it reads supplied (empty),
/// no company.yaml. Its rules on the company's end select their records
/// with a `when` on company facts before their first check: without the
/// company file which records they apply to is unknown, so they are not
/// checked and the run is not compliant (it said COMPLIANT, exit 0, with
/// those rules "not applicable").
#[test]
fn a_pack_rule_whose_when_reads_missing_company_facts_is_not_checked() {
    let case = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases/pipl-without-company");
    let r = check(&case);
    assert_eq!(r.exit, 2, "{}", r.errors);
    assert_eq!(verdict(&r), "not_fully_checked");
    let rules = r.json["rules"].as_array().expect("rules");
    let status = |name: &str| {
        rules
            .iter()
            .find(|x| x["rule"] == name)
            .map(|x| (x["status"].clone(), x["no_data"].clone()))
            .unwrap_or_default()
    };
    for name in [
        "pi_erased_by_deregistration",
        "pi_kept_by_law_flagged",
        "pi_kept_by_law_storage_only",
    ] {
        assert_eq!(
            status(name),
            (Value::from("not_checked"), serde_json::json!(["company"])),
            "{name}"
        );
    }
    // With the company file, the same case is checked and fails.
    let dir = copy_case(&case);
    std::fs::write(
        dir.path().join("company.yaml"),
        "name: 示例有限公司\ncredit_code: 91310115MA1K4C2Y3C\nliquidation_finished: 2026-10-30\n",
    )
    .expect("write");
    let r = check(dir.path());
    assert_eq!(verdict(&r), "not_compliant", "{}", r.errors);
}

/// The terminal report (what a CI log shows) says when the case's own
/// manifest or `--pack` chose the packs, and which built-in packs that
/// left out: `packs: [cn/tax]` in custodia.yaml dropped four statute packs
/// and the summary showed only a smaller rule count (hostile review).
#[test]
fn the_terminal_report_says_who_chose_the_packs() {
    let dir = copy_case(&example("shanghai-deregistration"));
    let root = dir.path();
    let manifest = std::fs::read_to_string(root.join("custodia.yaml")).expect("manifest");
    let narrowed: String = manifest
        .lines()
        .map(|l| match l.starts_with("packs:") {
            true => "packs: [cn/tax]".to_string(),
            false => l.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert_ne!(narrowed, manifest);
    std::fs::write(root.join("custodia.yaml"), narrowed).expect("write");
    let human = |packs: Vec<String>| {
        run_check(&CheckOptions {
            case: root.to_path_buf(),
            format: Format::Human,
            overrides: custodia::data::case::Overrides {
                packs,
                ..Default::default()
            },
            ..Default::default()
        })
        .output
    };
    let out = human(vec![]);
    assert!(
        out.contains(
            "\npacks: cn/tax (chosen by custodia.yaml; the built-in packs cn/accounting-archives, \
             cn/pipl, cn/company-law, cn/customer-records were not checked)\n"
        ),
        "{out}"
    );
    let out = human(vec!["cn/pipl".into(), "cn/tax".into()]);
    assert!(
        out.contains("\npacks: cn/pipl, cn/tax (chosen by --pack; the built-in packs"),
        "{out}"
    );
}

/// The audit report's page one, the page an auditor signs, says the same
/// of `--pack`: `--pack cn/tax` on the Shanghai example (8 statutory errors
/// under the default packs) read "every rule checked: yes" beside
/// COMPLIANT (hostile review h24b F26). The exit status stays the
/// command line's choice.
#[test]
fn the_audit_report_says_the_packs_pack_chose_and_left_out() {
    let audit = |lang: custodia::i18n::Lang| {
        run_check(&CheckOptions {
            case: example("shanghai-deregistration"),
            format: Format::Markdown,
            lang: Some(lang),
            overrides: custodia::data::case::Overrides {
                packs: vec!["cn/tax".into()],
                ..Default::default()
            },
            ..Default::default()
        })
    };
    let en = audit(custodia::i18n::Lang::En);
    assert_eq!(en.exit, 0, "{}", en.errors);
    let left = "cn/accounting-archives, cn/pipl, cn/company-law, cn/customer-records";
    assert!(
        en.output.contains(&format!(
            "- **every rule checked:** yes, for the packs chosen: every rule of the set was \
             checked on the data read; the built-in packs {left}, which would otherwise apply, \
             were not chosen (--pack) and not checked"
        )),
        "{}",
        en.output
    );
    assert!(
        en.output.contains(&format!(
            "Checked against the built-in packs chosen by --pack only; {left}, which would \
             otherwise apply, were not checked"
        )),
        "{}",
        en.output
    );
    let zh = audit(custodia::i18n::Lang::Zh).output;
    assert!(
        zh.contains("**规则是否全部检查：** 仅就所选规则包而言为是")
            && zh.contains("本结论仅就 --pack 选定的内置规则包作出"),
        "{zh}"
    );
    // Without `--pack` the default packs are all checked: no such words.
    let all = run_check(&CheckOptions {
        case: example("shanghai-deregistration"),
        format: Format::Markdown,
        ..Default::default()
    });
    assert!(
        !all.output.contains("for the packs chosen"),
        "{}",
        all.output
    );
}

/// A manifest naming exactly the default packs narrows nothing: no line
/// (the example names its five packs, and its README shows its report).
#[test]
fn naming_the_default_packs_needs_no_packs_line() {
    let out = run_check(&CheckOptions {
        case: example("shanghai-deregistration"),
        format: Format::Human,
        ..Default::default()
    })
    .output;
    assert!(!out.contains("\npacks: "), "{out}");
}

/// `packs: [cn/tax]` in the company's custodia.yaml left four statute packs
/// out and the run said COMPLIANT, `fully_checked: true` (hostile case
/// `manifest_packs_narrow`): the case folder is the company's, the gate
/// the auditor's, as for `skip:`. Exit 2; `--allow-skipped` accepts it
/// (the verdict still names the packs); `--pack` is the auditor's choice.
#[test]
fn packs_narrowed_by_the_manifest_are_not_fully_checked() {
    let dir = copy_case(&example("shanghai-deregistration"));
    let root = dir.path();
    let manifest = std::fs::read_to_string(root.join("custodia.yaml")).expect("manifest");
    let narrowed: String = (manifest.lines())
        .map(|l| match l.starts_with("packs:") {
            true => "packs: [cn/tax]".to_string(),
            false => l.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(root.join("custodia.yaml"), narrowed).expect("write");
    let run = |packs: Vec<String>, allow_skipped: bool, lang| {
        let out = run_check(&CheckOptions {
            case: root.to_path_buf(),
            format: Format::Json,
            overrides: custodia::data::case::Overrides {
                packs,
                ..Default::default()
            },
            allow_skipped,
            lang: Some(lang),
            ..Default::default()
        });
        let json: Value = serde_json::from_str(&out.output).expect("JSON");
        (out.exit, json)
    };
    let left_out = serde_json::json!([
        "cn/accounting-archives",
        "cn/pipl",
        "cn/company-law",
        "cn/customer-records"
    ]);
    let (exit, r) = run(vec![], false, custodia::i18n::Lang::En);
    assert_eq!(exit, 2);
    assert_eq!(r["verdict"]["result"], "not_fully_checked");
    assert_eq!(r["verdict"]["fully_checked"], false);
    assert_eq!(r["packs"]["left_out"], left_out);
    let text = r["verdict"]["not_checked"].as_str().expect("a reason");
    assert!(
        text.starts_with(
            "the built-in packs cn/accounting-archives, cn/pipl, cn/company-law, \
             cn/customer-records, which would otherwise apply, left out unchecked by `packs:` \
             (custodia.yaml line 6)"
        ),
        "{text}"
    );
    let (_, zh) = run(vec![], false, custodia::i18n::Lang::Zh);
    let text = zh["verdict"]["not_checked"].as_str().expect("a reason");
    assert!(text.starts_with("本应适用的内置规则包 cn/accounting-archives、cn/pipl、cn/company-law、cn/customer-records（共 4 个）被 `packs:`（custodia.yaml 第 6 行）略去"), "{text}");
    // Accepted on the command line: exit as --fail-on says, still named.
    let (exit, r) = run(vec![], true, custodia::i18n::Lang::En);
    assert_eq!(exit, 0);
    assert_eq!(r["verdict"]["result"], "not_fully_checked");
    assert_eq!(r["packs"]["left_out"], left_out);
    // Chosen on the command line: the verdict of what was checked, and
    // the packs it leaves out still listed.
    let (exit, r) = run(vec!["cn/tax".into()], false, custodia::i18n::Lang::En);
    assert_eq!(exit, 0);
    assert_eq!(r["verdict"]["result"], "compliant");
    assert_eq!(r["packs"]["left_out"], left_out);
}

/// The example's manifest names all five default packs: nothing left out.
#[test]
fn a_manifest_naming_every_default_pack_narrows_nothing() {
    let r = check(&example("shanghai-deregistration"));
    assert_eq!(r.exit, 1);
    assert_eq!(verdict(&r), "not_compliant");
    assert_eq!(r.json["packs"]["left_out"], serde_json::json!([]));
    assert!(
        r.json["verdict"]["not_checked"].is_null(),
        "{}",
        r.json["verdict"]
    );
}

/// A small case with its own five-field `record`: the default packs cannot
/// check against it, and its one rule passes (hostile review h23b #5).
fn own_small_schema_case(manifest_extra: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let policy = "schema {\n  record {\n    id: id\n    title: text\n    category: text\n    status: one of \"active\", \"archived\", \"transferred\", \"destroyed\", \"anonymized\"\n    created: date\n  }\n  event destruction {\n    record: ref record\n    method: text\n  }\n}\n\nrule destroyed_records_logged {\n  title zh \"已销毁的资料有销毁记录\" en \"Destroyed records have a destruction entry\"\n  severity error\n  cite \"公司资料管理制度 第五条\"\n  for record r where r.status == \"destroyed\"\n  require exists(destruction d where d.record == r.id)\n}\n";
    std::fs::create_dir_all(root.join("policies")).expect("mkdir");
    std::fs::create_dir_all(root.join("logs")).expect("mkdir");
    std::fs::write(root.join("policies/own.policy"), policy).expect("write");
    std::fs::write(
        root.join("custodia.yaml"),
        format!("time_zone: Asia/Shanghai\nas_of: 2026-11-27\n{manifest_extra}"),
    )
    .expect("write");
    std::fs::write(
        root.join("inventory.csv"),
        "id,title,category,status,created\nV-2020-1,2020年记账凭证,记账凭证,destroyed,2020-12-31\nAR-2020,2020年度财务会计报告,年度财务会计报告,destroyed,2020-12-31\n",
    )
    .expect("write");
    std::fs::write(
        root.join("logs/destruction.csv"),
        "id,at,record,method\nXH-1,2023-03-01 10:00,V-2020-1,shred\nXH-2,2023-03-01 10:00,AR-2020,shred\n",
    )
    .expect("write");
    dir
}

/// Hostile review h23b #5: a case's own small `record` schema dropped all
/// five statute packs, and its one passing rule made the run COMPLIANT,
/// exit 0, "fully checked: yes", `packs.left_out: []`, while `packs: []`
/// on the same data said NOT FULLY CHECKED, exit 2. The packs the schema
/// leaves out are left out as `packs: []` leaves them.
#[test]
fn packs_left_out_by_the_cases_own_schema_are_not_fully_checked() {
    let all = serde_json::json!(custodia::packs::defaults());
    let run = |root: &Path, format, allow_skipped, lang| {
        run_check(&CheckOptions {
            case: root.to_path_buf(),
            format,
            allow_skipped,
            lang: Some(lang),
            ..Default::default()
        })
    };
    use custodia::i18n::Lang::{En, Zh};
    let dir = own_small_schema_case("");
    let out = run(dir.path(), Format::Json, false, En);
    let r: Value = serde_json::from_str(&out.output).expect("JSON");
    assert_eq!(out.exit, 2, "{}", r["verdict"]);
    assert_eq!(r["verdict"]["result"], "not_fully_checked");
    assert_eq!(r["verdict"]["fully_checked"], false);
    assert_eq!(r["packs"]["used"], serde_json::json!([]));
    assert_eq!(r["packs"]["left_out"], all);
    let text = r["verdict"]["not_checked"].as_str().expect("a reason");
    assert!(
        text.starts_with(
            "the built-in packs cn/accounting-archives, cn/pipl, cn/company-law, cn/tax, \
             cn/customer-records, which would otherwise apply, left out unchecked: \
             policies/own.policy (line 2) declares its own `record` schema"
        ),
        "{text}"
    );
    // The terminal report's verdict names them too.
    let human = run(dir.path(), Format::Human, false, En);
    assert_eq!(human.exit, 2);
    assert!(
        human.output.contains("verdict: NOT FULLY CHECKED"),
        "{}",
        human.output
    );
    // The audit report never says every rule was checked.
    let md = run(dir.path(), Format::Markdown, false, Zh).output;
    assert!(!md.contains("已按所读数据检查全部规则"), "{md}");
    assert!(
        md.contains("**规则是否全部检查：** 否，未全部检查：见“未检查事项及原因”")
            && md.contains("本应适用的内置规则包"),
        "{md}"
    );
    assert!(
        md.contains("（policies/own.policy 自行声明了 `record` 结构"),
        "{md}"
    );
    // Accepted on the command line: exit as --fail-on says, still named.
    let out = run(dir.path(), Format::Json, true, En);
    let r: Value = serde_json::from_str(&out.output).expect("JSON");
    assert_eq!(out.exit, 0);
    assert_eq!(r["verdict"]["result"], "not_fully_checked");
    assert_eq!(r["packs"]["left_out"], all);
    // `packs: []` on the same case: the same verdict and exit status,
    // named at the manifest's line.
    let dir = own_small_schema_case("packs: []\n");
    let out = run(dir.path(), Format::Json, false, En);
    let r: Value = serde_json::from_str(&out.output).expect("JSON");
    assert_eq!(out.exit, 2);
    assert_eq!(r["verdict"]["result"], "not_fully_checked");
    assert_eq!(r["packs"]["left_out"], all);
    let text = r["verdict"]["not_checked"].as_str().expect("a reason");
    assert!(
        text.contains("left out unchecked by `packs:` (custodia.yaml line 3)"),
        "{text}"
    );
    // With a violation: NOT COMPLIANT wins the verdict, the packs are
    // still named, and the exit status is 2 until `--allow-skipped`
    // accepts them, then 1 for the violation.
    let dir = own_small_schema_case("");
    std::fs::write(
        dir.path().join("logs/destruction.csv"),
        "id,at,record,method\nXH-1,2023-03-01 10:00,V-2020-1,shred\n",
    )
    .expect("write");
    let out = run(dir.path(), Format::Json, false, En);
    let r: Value = serde_json::from_str(&out.output).expect("JSON");
    assert_eq!(out.exit, 2, "{}", r["verdict"]);
    assert_eq!(r["verdict"]["result"], "not_compliant");
    assert_eq!(r["verdict"]["fully_checked"], false);
    assert_eq!(r["packs"]["left_out"], all);
    assert!(
        (r["verdict"]["not_checked"].as_str().unwrap_or(""))
            .contains("policies/own.policy (line 2) declares its own `record` schema"),
        "{}",
        r["verdict"]
    );
    let out = run(dir.path(), Format::Json, true, En);
    let r: Value = serde_json::from_str(&out.output).expect("JSON");
    assert_eq!(out.exit, 1, "{}", r["verdict"]);
    assert_eq!(r["verdict"]["result"], "not_compliant");
    assert_eq!(r["packs"]["left_out"], all);
}

/// Hostile review h23b #11: a rule of the case whose `where` can never be
/// true (the `custodia::lint::never_true` lint says so) checks nothing; it
/// was a note, and the run COMPLIANT, exit 0. It is not checked now, in
/// every format, and the run not fully checked.
#[test]
fn a_rule_that_can_never_apply_is_not_checked() {
    let dir = own_small_schema_case("");
    let root = dir.path();
    let never = "\nrule destroyed_misspelt {\n  title \"错拼的状态\"\n  severity error\n  cite \"公司资料管理制度 第六条\"\n  for record r where r.status matches \"^destoryed$\"\n  require exists(destruction d where d.record == r.id)\n}\n";
    let mut policy = std::fs::read_to_string(root.join("policies/own.policy")).expect("read");
    policy.push_str(never);
    std::fs::write(root.join("policies/own.policy"), policy).expect("write");
    let run = |format, lang| {
        run_check(&CheckOptions {
            case: root.to_path_buf(),
            format,
            // The packs the schema leaves out are accepted: what is left
            // is the rule.
            allow_skipped: true,
            lang: Some(lang),
            ..Default::default()
        })
    };
    use custodia::i18n::Lang::{En, Zh};
    let out = run(Format::Json, En);
    let r: Value = serde_json::from_str(&out.output).expect("JSON");
    assert_eq!(out.exit, 2, "{}", r["verdict"]);
    assert_eq!(r["verdict"]["result"], "not_fully_checked");
    let rule = (r["rules"].as_array().expect("rules").iter())
        .find(|x| x["rule"] == "destroyed_misspelt")
        .expect("the rule");
    assert_eq!(rule["status"], "not_checked");
    assert_eq!(rule["never_true"]["line"], 27);
    let text = r["verdict"]["not_checked"].as_str().expect("a reason");
    assert!(
        text.contains(
            "1 rule was not checked, as it can never apply (correct the condition in the policy): \
             destroyed_misspelt: line 27: this `where` can never be true, so the rule checks nothing"
        ),
        "{text}"
    );
    let human = run(Format::Human, En).output;
    assert!(
        human.contains(", 1 not checked (can never apply)"),
        "{human}"
    );
    assert!(human.contains("verdict: NOT FULLY CHECKED"), "{human}");
    let zh = run(Format::Human, Zh).output;
    assert!(zh.contains("，未检查（条件永不成立）1 条"), "{zh}");
    assert!(zh.contains("有 1 条规则的条件永远不会成立"), "{zh}");
    let junit = run(Format::Junit, En).output;
    assert!(junit.contains("never true"), "{junit}");
    // With --allow-not-checked as well, the exit follows --fail-on, the
    // verdict still says it.
    let out = run_check(&CheckOptions {
        case: root.to_path_buf(),
        format: Format::Json,
        allow_skipped: true,
        allow_not_checked: true,
        ..Default::default()
    });
    assert_eq!(out.exit, 0);
    let r: Value = serde_json::from_str(&out.output).expect("JSON");
    assert_eq!(r["verdict"]["result"], "not_fully_checked");
}
