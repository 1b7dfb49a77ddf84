//! Events dated after `as_of` (hostile case `future_event_counts`): a
//! handover scheduled for 2026-12-05 satisfied a custody rule checked as of
//! 2026-11-27, and the run passed with one `integrity.future_event`
//! warning. They still go through the rules (a prohibition must see them),
//! but the run is `NOT FULLY CHECKED`, exit 2, whatever flag is given
//! (docs/reports.md, "Events dated after `as_of`").

use custodia::cli::app::{run_check, CheckOptions, Format};
use serde_json::Value;

const SCHEMA: &str = "schema {\n  record {\n    id: id\n    title: text\n    status: one of \"active\", \"destroyed\"\n  }\n  event handover {\n    record: ref record\n  }\n}\n";
const RULE: &str = "retention custody {\n  title \"Records are handed over\"\n  for record r where r.status == \"active\"\n  require exists(handover h where h.record == r.id)\n}\n";

/// A case checked as of 2026-11-27 in Shanghai whose handover log holds
/// one handover of R-1 dated `at`; the report and the exit status.
fn run(at: &str, format: Format, extra: &[&str]) -> (u8, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let write = |path: &str, text: &str| {
        let p = root.join(path);
        std::fs::create_dir_all(p.parent().expect("a file in the case")).expect("mkdir");
        std::fs::write(p, text).expect("write");
    };
    write(
        "custodia.yaml",
        "time_zone: Asia/Shanghai\nas_of: 2026-11-27\n",
    );
    write(
        "inventory.csv",
        "id,title,status\nR-0,2020年度总账,destroyed\nR-1,2021年度总账,active\n",
    );
    write(
        "logs/handover.jsonl",
        &format!("{{\"at\": \"2026-10-01T10:00:00+08:00\", \"record\": \"R-0\"}}\n{{\"at\": \"{at}\", \"record\": \"R-1\"}}\n"),
    );
    write("policies/schema.policy", SCHEMA);
    write("policies/rules.policy", RULE);
    let out = run_check(&CheckOptions {
        case: root.to_path_buf(),
        format,
        allow_not_checked: extra.contains(&"--allow-not-checked"),
        // Always: the case's own small `record` schema leaves the statute
        // packs out, which `--allow-skipped` accepts; events after `as_of`
        // it does not, so what decides the exit status is them.
        allow_skipped: true,
        lang: extra.contains(&"zh").then_some(custodia::i18n::Lang::Zh),
        ..Default::default()
    });
    (out.exit, out.output)
}

fn json(at: &str, extra: &[&str]) -> (u8, Value) {
    let (exit, out) = run(at, Format::Json, extra);
    (exit, serde_json::from_str(&out).expect("a JSON report"))
}

#[test]
fn a_scheduled_handover_does_not_make_the_run_pass() {
    let (exit, r) = json("2026-12-05T10:00:00+08:00", &[]);
    assert_eq!(exit, 2);
    assert_eq!(r["verdict"]["result"], "not_fully_checked");
    assert_eq!(r["verdict"]["fully_checked"], false);
    let text = r["verdict"]["not_checked"].as_str().expect("a reason");
    assert!(
        text.starts_with("1 event of logs/handover.jsonl dated after as_of (the first at line 2)"),
        "{text}"
    );
    // No flag accepts it: change `as_of` or the dates.
    for flag in ["--allow-skipped", "--allow-not-checked"] {
        assert_eq!(json("2026-12-05T10:00:00+08:00", &[flag]).0, 2, "{flag}");
    }
    let (_, zh) = json("2026-12-05T10:00:00+08:00", &["zh"]);
    let text = zh["verdict"]["not_checked"].as_str().expect("a reason");
    assert!(
        text.starts_with(
            "logs/handover.jsonl 中有 1 个事件的日期晚于评估日期 as_of（第一个在第 2 行）"
        ),
        "{text}"
    );
}

/// The day ends at its last instant in the case's time zone.
#[test]
fn the_last_instant_of_the_as_of_day_is_not_future() {
    let (exit, r) = json("2026-11-27T23:59:59+08:00", &[]);
    assert_eq!(exit, 0, "{r:#}");
    // Not fully checked only for the packs the case's schema leaves out.
    assert_eq!(r["verdict"]["result"], "not_fully_checked");
    let text = r["verdict"]["not_checked"].as_str().expect("a reason");
    assert!(
        text.starts_with("the built-in packs ") && !text.contains("dated after as_of"),
        "{text}"
    );
    assert!(
        r["violations"].as_array().is_some_and(Vec::is_empty),
        "{r:#}"
    );
    // The same instant written in UTC is still 2026-11-27 in Shanghai.
    assert_eq!(json("2026-11-27T15:59:59Z", &[]).0, 0);
    let (exit, r) = json("2026-11-28T00:00:00+08:00", &[]);
    assert_eq!(exit, 2);
    assert_eq!(r["verdict"]["result"], "not_fully_checked");
    // 16:00 UTC is midnight in Shanghai: the next day.
    assert_eq!(json("2026-11-27T16:00:00Z", &[]).0, 2);
}

/// Every format carries the reason the way the other not-fully-checked
/// reasons are carried.
#[test]
fn every_format_names_the_future_events() {
    let at = "2026-12-05T10:00:00+08:00";
    let (_, sarif) = run(at, Format::Sarif, &[]);
    assert!(sarif.contains("\"future_events\""), "{sarif}");
    assert!(sarif.contains("\"executionSuccessful\": false"), "{sarif}");
    let (_, junit) = run(at, Format::Junit, &[]);
    assert!(
        junit.contains("name=\"events dated after as_of\""),
        "{junit}"
    );
    assert!(junit.contains("name=\"logs/handover.jsonl:2\""), "{junit}");
    let (_, md) = run(at, Format::Markdown, &[]);
    assert!(md.contains("**NOT FULLY CHECKED**"), "{md}");
    assert!(
        md.contains("1 event of logs/handover.jsonl dated after as_of"),
        "{md}"
    );
    let (_, human) = run(at, Format::Human, &[]);
    assert!(
        human.contains("verdict: NOT FULLY CHECKED; 1 event of logs/handover.jsonl"),
        "{human}"
    );
    let (_, github) = run(at, Format::Github, &[]);
    assert!(
        github.contains("title=custodia%3A events dated after as_of"),
        "{github}"
    );
}
