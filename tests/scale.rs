//! Scale features on a generated case (examples/gen): the report does not
//! depend on `--threads`, the generator is deterministic and its planted
//! violations are exactly the ones found, `--parse-only` reads without
//! evaluating.

mod common;

use common::custodia;

#[path = "../examples/gen/case.rs"]
mod case;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

/// Big enough that access logs span several loader pieces (1 MiB) and the
/// access rules several subject ranges (16k), so threads really split work.
fn generated(records: u64, seed: u64) -> (tempfile::TempDir, case::Summary) {
    let dir = tempfile::tempdir().expect("tempdir");
    let opts = case::Options {
        records,
        events_per_record: 10,
        seed,
        violation_rate: 0.02,
        real_logs: false,
    };
    let summary = case::generate(&opts, dir.path()).expect("generate a case");
    (dir, summary)
}

fn path(dir: &Path) -> &str {
    dir.to_str().expect("utf-8 temp path")
}

#[test]
fn report_is_byte_identical_whatever_the_number_of_threads() {
    let (dir, summary) = generated(5000, 7);
    assert!(
        summary.bytes > 4 << 20,
        "case too small to split: {}",
        summary.bytes
    );
    let run = |threads: &str| {
        custodia(&[
            "check",
            path(dir.path()),
            common::ACCEPT_OWN_SCHEMA,
            "--format",
            "json",
            "--threads",
            threads,
        ])
    };
    let (exit1, one, err1) = run("1");
    assert_eq!(exit1, 1, "violations are planted: {err1}");
    for threads in ["2", "3", "8"] {
        let (exit, many, _) = run(threads);
        assert_eq!(exit, exit1);
        assert!(one == many, "--threads {threads} changed the JSON report");
    }
    let human = |threads: &str| {
        custodia(&[
            "check",
            path(dir.path()),
            common::ACCEPT_OWN_SCHEMA,
            "--threads",
            threads,
        ])
        .1
    };
    assert!(
        human("1") == human("2"),
        "--threads changed the human report"
    );
}

#[test]
fn every_planted_violation_is_found_and_nothing_else() {
    let (dir, summary) = generated(3000, 11);
    let (exit, out, err) = custodia(&[
        "check",
        path(dir.path()),
        common::ACCEPT_OWN_SCHEMA,
        "--format",
        "json",
    ]);
    assert_eq!(exit, 1, "{err}");
    let report: serde_json::Value = serde_json::from_str(&out).expect("JSON report");
    assert_eq!(report["summary"]["records"], 3000);
    assert_eq!(report["summary"]["events"], summary.events);
    assert_eq!(report["complete"], true, "{}", report["input_errors"]);
    let mut subjects: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for v in report["violations"].as_array().expect("violations") {
        let rule = v["rule"].as_str().expect("rule").to_string();
        let subject = v["subject"]["id"].as_str().expect("subject id").to_string();
        subjects.entry(rule).or_default().insert(subject);
    }
    let found: BTreeMap<&str, u64> = summary
        .planted
        .keys()
        .map(|rule| (*rule, subjects.get(*rule).map_or(0, |s| s.len() as u64)))
        .collect();
    assert_eq!(found, summary.planted);
    assert!(
        summary.planted.values().all(|n| *n > 0),
        "every rule has violations: {:?}",
        summary.planted
    );
    let builtin: BTreeSet<&str> = subjects
        .keys()
        .map(String::as_str)
        .filter(|r| !summary.planted.contains_key(r))
        .collect();
    assert_eq!(builtin, BTreeSet::from(["integrity.dangling_ref"]));
}

#[test]
fn the_generator_is_deterministic() {
    let files = |dir: &Path| -> BTreeMap<String, Vec<u8>> {
        common::files_under(dir)
            .into_iter()
            .map(|p| {
                let rel = p
                    .strip_prefix(dir)
                    .expect("under dir")
                    .display()
                    .to_string();
                (rel, std::fs::read(&p).expect("read generated file"))
            })
            .collect()
    };
    let (a, _) = generated(400, 3);
    let (b, _) = generated(400, 3);
    let (c, _) = generated(400, 4);
    assert!(
        files(a.path()) == files(b.path()),
        "same seed, different bytes"
    );
    assert!(
        files(a.path()) != files(c.path()),
        "the seed changes nothing"
    );
    assert_eq!(files(a.path()).len(), 14, "{:?}", files(a.path()).keys());
}

#[test]
fn parse_only_reads_everything_and_evaluates_nothing() {
    let (dir, summary) = generated(500, 5);
    let (exit, out, err) = custodia(&["check", path(dir.path()), "--parse-only"]);
    // No rule evaluated: a status no gate reads as a pass (not 0 or 1).
    assert_eq!(exit, 3, "{err}");
    assert_eq!(
        out,
        format!(
            "parsed 500 records and {} events from 10 files; 0 input errors; no rule evaluated (--parse-only)\n",
            summary.events
        )
    );
    assert_eq!(err, "");
}

#[test]
fn parse_only_reports_input_errors_and_exits_2() {
    let (dir, _) = generated(200, 5);
    let inventory = dir.path().join("inventory.csv");
    let mut text = std::fs::read_to_string(&inventory).expect("inventory");
    text.push_str("R-9999999,坏行,general,ledger,,否,2026-13-01,,active,,档案室A-01柜,\n");
    std::fs::write(&inventory, text).expect("write inventory");
    let (exit, out, err) = custodia(&["check", path(dir.path()), "--parse-only"]);
    assert_eq!(exit, 2);
    assert!(
        out.contains("parsed 200 records") && out.contains("1 input error;"),
        "{out}"
    );
    assert_eq!(
        err,
        "error: inventory.csv:202:7: expected a date YYYY-MM-DD\n"
    );
}

#[test]
fn threads_must_be_at_least_one() {
    let (exit, _, err) = custodia(&["check", ".", common::ACCEPT_OWN_SCHEMA, "--threads", "0"]);
    assert_eq!(exit, 2);
    assert!(err.contains("--threads"), "{err}");
}

/// `--profile` prints phases, rules and indexes after the report, on
/// stderr; the snapshot masks the timings, which vary run to run.
#[test]
fn profile_lists_phases_rules_and_indexes() {
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/acme-deregistration");
    let (exit, out, err) = custodia(&[
        "check",
        example,
        common::ACCEPT_OWN_SCHEMA,
        "--format",
        "json",
        "--profile",
        "--threads",
        "2",
    ]);
    assert_eq!(exit, 1);
    assert!(
        out.starts_with('{') && !out.contains("profile:"),
        "the report stays clean"
    );
    let times = regex::Regex::new(r"\d+\.\d{3} s").expect("valid regex");
    insta::assert_snapshot!(times.replace_all(&err, "#.### s"));
}

#[test]
fn without_profile_nothing_is_printed_on_stderr() {
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/acme-deregistration");
    let (_, _, err) = custodia(&[
        "check",
        example,
        common::ACCEPT_OWN_SCHEMA,
        "--format",
        "json",
    ]);
    assert_eq!(err, "");
}

/// Runs custodia on a pseudo-terminal (util-linux `script`) and returns
/// everything the terminal showed.
fn on_terminal(args: &str) -> String {
    let bin = env!("CARGO_BIN_EXE_custodia");
    let out = Command::new("script")
        .args(["-qec", &format!("{bin} {args}"), "/dev/null"])
        .env("NO_COLOR", "1")
        .output()
        .expect("util-linux `script` runs commands on a pseudo-terminal");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn progress_shows_on_a_terminal_for_the_human_format_only() {
    let (dir, _) = generated(3000, 2);
    let human = on_terminal(&format!("check {}", path(dir.path())));
    assert!(
        human.contains("reading inputs"),
        "no progress line:\n{}",
        &human[..human.len().min(2000)]
    );
    assert!(human.contains("violations:"), "the report follows");
    let json = on_terminal(&format!("check {} --format json", path(dir.path())));
    assert!(
        !json.contains("reading inputs") && !json.contains("evaluating"),
        "progress in a machine format"
    );
    let (_, _, err) = custodia(&["check", path(dir.path()), common::ACCEPT_OWN_SCHEMA]);
    assert!(
        !err.contains("reading inputs"),
        "progress with stderr not a terminal: {err}"
    );
}

/// Rules over the same collection share one pass over its subjects
/// (`eval::run_passes`); each must still find exactly what it finds alone.
#[test]
fn a_shared_pass_gives_each_rule_what_it_gives_alone() {
    use custodia::data;
    use custodia::eval::{expr::Ctx, index, rules};
    let (dir, _) = generated(40_000, 7);
    let inputs = custodia::data::case::discover(dir.path(), &Default::default()).expect("case");
    let (sources, _) = custodia::cli::app::load_policies(&inputs).expect("its policies");
    let checked = custodia::check::check_sources(sources).expect("they check");
    let tz = jiff::tz::TimeZone::UTC;
    let as_of = jiff::civil::date(2026, 11, 27);
    let opts = data::LoadOptions {
        tz: &tz,
        strict: false,
    };
    let ds = data::load(&inputs, &checked.schema, &opts);
    let together = custodia::eval::evaluate(&checked, &ds, &tz, as_of);
    let rules_of_together = together.rules;
    let together_violations = together
        .violations
        .read_back(&checked, &ds.files)
        .expect("the violations read back");
    let indexes = index::build_for(&checked, &ds);
    let ctx = Ctx {
        schema: &checked.schema,
        ds: &ds,
        indexes: &indexes,
        tz: &tz,
        as_of,
    };
    let mut shared = BTreeMap::new();
    for rule in &checked.rules {
        *shared.entry(rule.subject).or_insert(0) += 1;
        let alone = rules::run_rule(&ctx, &checked, rule, false);
        let found: Vec<_> = together_violations
            .iter()
            .filter(|v| *v.rule == *rule.name)
            .collect();
        assert_eq!(found.len(), alone.violations.len(), "{}", rule.name);
        assert!(found.iter().zip(&alone.violations).all(|(a, b)| *a == b));
        let summary = rules_of_together.iter().find(|r| r.name == rule.name);
        assert_eq!(summary.map(|s| s.subjects), Some(alone.subjects));
    }
    // The case really has collections that several rules range over.
    assert!(shared.values().any(|n| *n >= 2), "{shared:?}");
}

/// JUnit lists at most `MAX_LISTED_SUBJECTS` subjects per rule by id, then
/// every violated subject beyond them, then one case counting the remaining
/// passes: together exactly the rule's subjects.
#[test]
fn junit_lists_the_first_subjects_and_counts_the_other_passes() {
    let (dir, _) = generated(3000, 11);
    let (exit, out, err) = custodia(&[
        "check",
        path(dir.path()),
        common::ACCEPT_OWN_SCHEMA,
        "--format",
        "junit",
        "--profile",
    ]);
    assert_eq!(exit, 1, "{err}");
    // Subjects per rule, from the profile's rule table (name, time, subjects).
    let subjects: BTreeMap<&str, u64> = err
        .lines()
        .skip_while(|l| !l.trim_start().starts_with("rule "))
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .filter_map(|l| {
            let cols: Vec<&str> = l.split_whitespace().collect();
            Some((cols[0], cols.get(3)?.parse().ok()?))
        })
        .collect();
    assert!(!subjects.is_empty(), "{err}");
    let limit = custodia::eval::MAX_LISTED_SUBJECTS as u64;
    let mut capped = 0;
    for (name, subjects) in subjects {
        let start = out
            .find(&format!("<testsuite name=\"{name}\""))
            .expect("a suite per rule");
        let suite = &out[start..start + out[start..].find("</testsuite>").expect("end")];
        let cases = suite.matches("<testcase ").count() as u64;
        let more: u64 = suite
            .split("name=\"")
            .filter_map(|s| s.split(" more subjects, all passed").next())
            .filter_map(|n| n.parse::<u64>().ok())
            .sum();
        if subjects <= limit {
            assert_eq!((cases, more), (subjects, 0), "{name}");
        } else {
            capped += 1;
            // violated subjects: failures, and the warnings that pass below
            // --fail-on with their findings in the suite's output
            let violated = (suite.matches("<failure ").count()
                + suite
                    .matches("passed with findings below --fail-on")
                    .count()) as u64;
            assert!(cases > limit && cases <= limit + violated + 1, "{name}");
            assert_eq!(cases - 1 + more, subjects, "{name}: listed + counted");
        }
    }
    assert!(
        capped > 0,
        "the access rules have more than {limit} subjects"
    );
}
