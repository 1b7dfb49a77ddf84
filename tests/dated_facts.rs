//! What `as_of` and the case's zone must agree with before deadlines are
//! judged (hostile review, 2026-12-07; docs/inputs-and-reports.md):
//! company facts dated after `as_of`, and the Chinese packs counted in a
//! zone other than Beijing time. Each left a company that had missed its
//! announcements COMPLIANT, exit 0.

mod common;

use common::Case;

/// tests/cases/dated-facts: an ordinary deregistration under
/// cn/company-law whose company filed on 2026-11-05 after forming its
/// liquidation group on 2026-01-26, and never announced the group or to
/// its creditors; `custodia.yaml` as given.
fn case(manifest: &str) -> Case {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cases/dated-facts");
    let files = common::files_under(std::path::Path::new(root));
    let case = files.iter().fold(Case::new().as_of_none(), |case, path| {
        let rel = path.strip_prefix(root).expect("under the case");
        let text = std::fs::read_to_string(path).expect("a text file");
        case.file(rel.to_str().expect("utf-8"), &text)
    });
    case.file("custodia.yaml", manifest)
}

fn verdict(run: &common::Run) -> &str {
    run.json["verdict"]["result"].as_str().unwrap_or("")
}

fn as_of(day: &str) -> common::Run {
    let manifest = format!("time_zone: Asia/Shanghai\nas_of: {day}\n");
    case(&manifest).run()
}

/// Each fact after `as_of` is an input error naming it; the day of the
/// latest fact and after, the missed announcements are found.
#[test]
fn company_facts_after_as_of_stop_the_run() {
    let before = as_of("2026-11-04");
    assert_eq!(before.exit, 2, "{}", before.dump());
    assert_eq!(verdict(&before), "incomplete");
    let errors = before.error_messages();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].contains("`deregistration_filed` is 2026-11-05")
            && errors[0].contains("(2026-11-04)"),
        "{errors:?}"
    );
    let early = as_of("2026-01-20");
    assert_eq!(early.error_messages().len(), 3, "{}", early.dump());
    for day in ["2026-11-05", "2026-11-06"] {
        let run = as_of(day);
        assert_eq!(verdict(&run), "not_compliant", "{day}: {}", run.dump());
        assert!(run.error_messages().is_empty(), "{day}");
        assert!(
            !run.ids("creditors_announced_within_60_days").is_empty(),
            "{day}: {}",
            run.dump()
        );
    }
}

/// A fact the company adds to the standard schema may be a plan: only the
/// standard facts, each a day that has come, are held to `as_of`.
#[test]
fn a_planned_fact_of_the_company_may_lie_ahead() {
    let schema = "schema {\n  extend company {\n    handover_planned: date?\n  }\n}\n";
    let run = case("time_zone: Asia/Shanghai\nas_of: 2026-11-27\n")
        .file("policies/schema.policy", schema)
        .file(
            "company.yaml",
            &format!(
                "{}handover_planned: 2027-03-01\n",
                std::fs::read_to_string(concat!(
                    env!("CARGO_MANIFEST_DIR"),
                    "/tests/cases/dated-facts/company.yaml"
                ))
                .expect("company.yaml")
            ),
        )
        .run();
    assert!(run.error_messages().is_empty(), "{}", run.dump());
    assert_eq!(verdict(&run), "not_compliant", "{}", run.dump());
}

/// A fact the company's schema declares personal is not quoted.
#[test]
fn a_personal_fact_after_as_of_is_masked() {
    let schema = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/policies/std/schema.policy"
    ))
    .expect("the standard schema")
    .replacen(
        "deregistration_filed: date?",
        "deregistration_filed: date? pii",
        1,
    );
    let run = case("time_zone: Asia/Shanghai\nas_of: 2026-11-04\n")
        .file("policies/schema.policy", &schema)
        .run();
    let errors = run.error_messages();
    assert_eq!(errors.len(), 1, "{}", run.dump());
    assert!(errors[0].contains("`deregistration_filed`"), "{errors:?}");
    assert!(!run.output.contains("2026-11-05"), "{}", run.output);
}

/// The Chinese packs count days in Beijing time: a case in another zone
/// (named in the manifest, by `--tz`, or left in UTC) stops with an input
/// error saying so; `+08:00` zones other than Asia/Shanghai are Beijing time.
#[test]
fn the_chinese_packs_are_counted_in_beijing_time() {
    let run = |zone: Option<&str>| {
        let zone = zone
            .map(|z| format!("time_zone: {z}\n"))
            .unwrap_or_default();
        case(&format!("{zone}as_of: 2026-11-27\n")).run()
    };
    for zone in [Some("UTC"), Some("Europe/Berlin"), Some("Etc/GMT+8"), None] {
        let r = run(zone);
        assert_eq!(verdict(&r), "incomplete", "{zone:?}: {}", r.dump());
        let errors = r.error_messages();
        assert!(
            errors.iter().any(|e| e.contains("days in Beijing time")),
            "{zone:?}: {errors:?}"
        );
    }
    for zone in ["Asia/Shanghai", "Asia/Chongqing", "Asia/Hong_Kong"] {
        let r = run(Some(zone));
        assert_eq!(verdict(&r), "not_compliant", "{zone}: {}", r.dump());
        assert!(r.error_messages().is_empty(), "{zone}");
    }
    // `--tz` names the zone: the error is placed there.
    let r = case("time_zone: Asia/Shanghai\nas_of: 2026-11-27\n")
        .tz("UTC")
        .run();
    assert_eq!(r.exit, 2);
    let files: Vec<&str> = (r.input_errors().into_iter())
        .filter_map(|e| e["file"].as_str())
        .collect();
    assert_eq!(files, vec!["--tz"], "{}", r.dump());
}

/// Records created after `as_of` stop the run: checked as of a day before
/// they existed, every period they start was "not yet due", and a case
/// with `as_of: 2001-01-01` over records of 2015-2019 was COMPLIANT, exit 0
/// (hostile review h23c). One error per file, at its first such row, with
/// the count; a record created on `as_of` itself is fine.
#[test]
fn records_created_after_as_of_stop_the_run() {
    let rules = r#"
rule kept_until {
  title "Kept records have a title"
  cite "none"
  for record r
  require r.title is set
}
"#;
    let rows = [
        common::rec("R-1", &[("created", "2026-11-27")]),
        common::rec("R-2", &[("created", "2026-11-28")]),
        common::rec("R-3", &[("created", "2027-01-05")]),
    ]
    .concat();
    let run = |as_of: &str| Case::with(rules, &rows).as_of(as_of).run();
    let on = run("2027-01-05");
    assert_eq!(on.exit, 0, "{}", on.dump());
    assert!(on.error_messages().is_empty(), "{}", on.dump());
    let before = run("2027-01-04");
    assert_eq!(verdict(&before), "incomplete", "{}", before.dump());
    assert_eq!(before.error_messages().len(), 1, "{}", before.dump());
    let early = run("2026-11-27");
    assert_eq!(early.exit, 2, "{}", early.dump());
    let errors = early.input_errors();
    assert_eq!(errors.len(), 1, "{}", early.dump());
    assert_eq!(errors[0]["file"], "inventory.csv");
    assert_eq!(errors[0]["line"], 3, "the first record created after as_of");
    let message = errors[0]["message"].as_str().unwrap_or("");
    assert!(
        message.starts_with("2 records were created after the day this check is as of (2026-11-27), the first (this line) on 2026-11-28"),
        "{message}"
    );
}

/// A `created` the schema declares personal is not quoted.
#[test]
fn a_personal_creation_day_after_as_of_is_masked() {
    let schema = common::SCHEMA.replacen("created: date", "created: date pii", 1);
    assert_ne!(schema, common::SCHEMA, "the test schema declares created");
    let rules = "rule titled {\n  title \"t\"\n  cite \"none\"\n  for record r\n  require r.title is set\n}\n";
    let run = Case::with(rules, &common::rec("R-1", &[("created", "2027-03-04")]))
        .file("policies/schema.policy", &schema)
        .as_of("2026-11-27")
        .run();
    assert_eq!(run.exit, 2, "{}", run.dump());
    let errors = run.error_messages();
    assert_eq!(errors.len(), 1, "{}", run.dump());
    assert!(errors[0].contains("created after"), "{errors:?}");
    assert!(!run.output.contains("2027-03-04"), "{}", run.output);
}
