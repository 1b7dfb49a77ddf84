//! The standard schema and how policy sets build on it: packs chosen in
//! custodia.yaml or with --pack, a case's own policies extending it, the
//! default packs, `custodia packs`, and `end_of_year`.

mod common;

use common::custodia;

use common::Case;

const SCHEDULE: &str = "id,series,period,trigger,statutory\nvoucher,accounting,30 years,fiscal_year_end,true\ncustomer_file,customer,3 years,closed,false\n";
const COMPANY: &str = "name: 上海测试科技股份有限公司\ncredit_code: 91310115MA1K4C2Y3C\n";
const INVENTORY: &str = "id,title,class,category,personal_info,created,closed,status,location,region\nR-1,2024年记账凭证,general,voucher,false,2024-01-01,,archived,档案室,华东\nR-2,客户档案,sensitive,customer_file,true,2019-01-01,2020-01-01,active,客户系统,\n";

/// A case on the standard schema: no schema of its own.
/// The standard schema as shipped, for cases that copy it.
fn std_schema_text() -> String {
    std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("policies/std/schema.policy"),
    )
    .expect("the standard schema")
}

fn std_case() -> Case {
    Case::new()
        .file("company.yaml", COMPANY)
        .file("tables/retention_schedule.csv", SCHEDULE)
        .file("inventory.csv", INVENTORY)
}

#[test]
fn no_policies_and_no_packs_means_the_cn_packs() {
    let run = std_case().run();
    let rules = run.report()["summary"]["rules"].as_u64().unwrap_or(0);
    let expected: usize = custodia::packs::defaults()
        .iter()
        .map(|p| pack_rule_count(p))
        .sum();
    assert_eq!(rules as usize, expected, "{}", run.dump());
    assert!(custodia::packs::defaults()
        .iter()
        .all(|p| p.starts_with("cn/")));
    assert!(!custodia::packs::defaults().contains(&"intl/gdpr"));
    // R-2's customer file expired on 2023-01-01 (3 years after closing).
    assert_eq!(run.ids("pi_erased_when_retention_ends"), ["R-2"]);
}

fn pack_rule_count(pack: &str) -> usize {
    custodia::packs::get(pack)
        .into_iter()
        .flatten()
        .map(|(_, text)| {
            text.lines()
                .filter(|l| {
                    let w: Vec<&str> = l.split_whitespace().collect();
                    matches!(w[..], [_, _, "{"]) && !l.starts_with(' ')
                })
                .count()
        })
        .sum()
}

#[test]
fn packs_from_the_manifest() {
    let run = std_case()
        .file("custodia.yaml", "packs: [intl/gdpr]\n")
        .run();
    assert_eq!(run.report()["summary"]["rules"], 6, "{}", run.dump());
    assert_eq!(run.ids("storage_limitation"), ["R-2"]);
}

#[test]
fn pack_flag_overrides_the_manifest() {
    let dir = std_case()
        .file("custodia.yaml", "packs: [intl/gdpr]\nas_of: 2026-11-27\n")
        .write();
    let d = dir.path().to_str().unwrap_or(".");
    // The case has no destruction log, so cn/tax's destruction rules are
    // not checked: accepted here, this test is about the pack choice.
    let (code, out, err) = custodia(&[
        "check",
        d,
        "--format",
        "json",
        "--pack",
        "cn/tax",
        "--allow-not-checked",
        // The Chinese packs count days in Beijing time.
        "--tz",
        "Asia/Shanghai",
    ]);
    assert_eq!(code, 0, "{out}{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["summary"]["rules"], 9);
    let (code, _, err) = custodia(&["check", d, "--pack", "cn/nope"]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown pack `cn/nope`"), "{err}");
    assert!(err.contains("cn/accounting-archives"), "{err}");
    // A pack named twice is said so, not as its rules "defined twice".
    let (code, _, err) = custodia(&["check", d, "--pack", "cn/tax", "--pack", "cn/tax"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("the pack `cn/tax` is listed twice") && !err.contains("defined twice"),
        "{err}"
    );
}

#[test]
fn own_policies_extend_the_std_schema_and_add_rules_beside_packs() {
    let run = std_case()
        .file("custodia.yaml", "packs: [cn/pipl]\n")
        .file(
            "policies/region.policy",
            "extend record { region: text? }\n\nrule region_recorded {\n  severity warning\n  for record r where r.personal_info\n  require r.region is set\n}\n",
        )
        .run();
    // cn/pipl's rules and the case's own one.
    assert_eq!(
        run.report()["summary"]["rules"].as_u64(),
        Some(pack_rule_count("cn/pipl") as u64 + 1),
        "{}",
        run.dump()
    );
    assert_eq!(run.ids("region_recorded"), ["R-2"]);
    assert_eq!(run.ids("pi_erased_when_retention_ends"), ["R-2"]);
}

/// Own policies on the standard schema get the default packs beside them
/// (docs/packs.md): writing one rule must not drop the statutes.
#[test]
fn own_policies_on_the_std_schema_keep_the_default_packs() {
    let mine = "rule located {\n  for record r\n  require r.location is set\n}\n";
    let run = std_case().file("policies/mine.policy", mine).run();
    let defaults: usize = custodia::packs::defaults()
        .iter()
        .map(|p| pack_rule_count(p))
        .sum();
    assert_eq!(
        run.report()["summary"]["rules"].as_u64(),
        Some(defaults as u64 + 1),
        "{}",
        run.dump()
    );
    assert!(run.report()["packs"]["note"]
        .as_str()
        .is_some_and(|n| n.contains("checked beside the case's own policies")));
}

#[test]
fn packs_opt_out_uses_only_the_case_policies() {
    let run = std_case()
        .file("custodia.yaml", "packs: []\n")
        .file(
            "policies/mine.policy",
            "rule located {\n  for record r\n  require r.location is set\n}\n",
        )
        .run();
    assert_eq!(run.report()["summary"]["rules"], 1, "{}", run.dump());
    assert!(run.report()["packs"]["note"]
        .as_str()
        .is_some_and(|n| n.contains("`packs: []`")));
}

/// The standard schema copied into the case (to add a field) instead of
/// `extend`ed: it declares its own `record`, yet every field the packs use.
/// The packs used to be dropped with only a note: COMPLIANT, exit 0, on a
/// case with statutory violations (hostile review, 2026-12-04).
#[test]
fn a_copy_of_the_std_schema_keeps_the_default_packs() {
    let copy = std_schema_text();
    let mine = "rule located {\n  for record r\n  require r.location is set\n}\n";
    let run = std_case()
        .file("policies/schema.policy", &copy)
        .file("policies/mine.policy", mine)
        .run();
    let on_std = std_case().file("policies/mine.policy", mine).run();
    assert_eq!(
        run.report()["summary"]["rules"],
        on_std.report()["summary"]["rules"],
        "{}",
        run.dump()
    );
    assert_eq!(run.report()["violations"], on_std.report()["violations"]);
    assert!(run.report()["packs"]["note"].as_str().is_some_and(|n| n
        .contains("policies/schema.policy declares its own `record` schema, and it declares every field their rules use")));
    assert_eq!(run.exit, on_std.exit);

    // Named packs check against it too, rather than refusing it.
    let named = std_case()
        .file("custodia.yaml", "packs: [cn/pipl]\n")
        .file("policies/schema.policy", &copy)
        .run();
    assert!(named.errors.is_empty(), "{}", named.errors);
    assert_eq!(
        named.report()["summary"]["rules"].as_u64(),
        Some(pack_rule_count("cn/pipl") as u64)
    );

    // A copy that lost a field the packs use stops the run
    // (`a_schema_copy_the_packs_cannot_check_stops_the_run`).
    let cut = copy.replacen("    legal_hold:", "    legal_hold_dropped:", 1);
    assert_ne!(cut, copy, "the standard record has a legal_hold field");
    let run = std_case()
        .file("policies/schema.policy", &cut)
        .file("policies/mine.policy", mine)
        .run();
    assert_eq!(run.exit, 2, "{}", run.dump());
    assert!(
        run.errors.contains("`record` has no field `legal_hold`"),
        "{}",
        run.errors
    );
}

/// A rule of the case named as a pack's, beside a copy of the standard
/// schema: the packs fit the schema, so they are used, and the clash is
/// the error it is on the standard schema (exit 2), never a check of the
/// case's one rule that says COMPLIANT (second review, 2026-12-04).
#[test]
fn a_rule_named_as_a_packs_beside_a_schema_copy_is_an_error_not_a_pass() {
    let copy = std_schema_text();
    let mine =
        "rule no_destruction_under_legal_hold {\n  for record r\n  require r.location is set\n}\n";
    let run = std_case()
        .file("policies/schema.policy", &copy)
        .file("policies/mine.policy", mine)
        .run();
    assert_eq!(run.exit, 2, "{}", run.dump());
    assert!(
        run.errors.contains("custodia::check::duplicate_name")
            && run.errors.contains("no_destruction_under_legal_hold"),
        "{}",
        run.errors
    );
}

/// A copy of the standard schema with a field's type changed (acme's
/// `category: text`) breaks the packs' rules: the run stops and says so,
/// unless `packs: []` says they are not wanted; it used to drop them with
/// a note and pass.
#[test]
fn a_schema_copy_the_packs_cannot_check_stops_the_run() {
    let copy = std_schema_text();
    let changed = regex::Regex::new(r"(?m)^(\s+category:\s*)ref retention_schedule")
        .expect("a regex")
        .replace(&copy, "${1}text")
        .into_owned();
    assert_ne!(changed, copy, "the standard record has a category ref");
    let mine = "rule located {\n  for record r\n  require r.location is set\n}\n";
    let run = std_case()
        .file("policies/schema.policy", &changed)
        .file("policies/mine.policy", mine)
        .run();
    assert_eq!(run.exit, 2, "{}", run.dump());
    assert!(
        run.errors.contains(
            "error: policies/schema.policy declares its own `record` with nearly every field of the \
             standard schema, yet the built-in packs"
        ),
        "{}",
        run.errors
    );
    let run = std_case()
        .file("custodia.yaml", "packs: []\n")
        .file("policies/schema.policy", &changed)
        .file("policies/mine.policy", mine)
        .run();
    assert_eq!(run.report()["summary"]["rules"], 1, "{}", run.dump());
}

#[test]
fn own_record_schema_with_packs_is_an_error() {
    let run = std_case()
        .file("custodia.yaml", "packs: [cn/pipl]\n")
        .file(
            "policies/schema.policy",
            "schema {\n  record {\n    id: id\n    title: text\n  }\n}\n",
        )
        .run();
    assert_eq!(run.exit, 2);
    assert!(
        run.errors
            .contains("the built-in packs build on the standard schema"),
        "{}",
        run.errors
    );
    assert!(run.errors.contains("schema.policy:2:3"), "{}", run.errors);
}

#[test]
fn end_of_year_is_the_last_day_of_the_calendar_year() {
    let run = std_case()
        .file(
            "policies/eoy.policy",
            "rule eoy {\n  for record r\n  require end_of_year(r.created) != 2024-12-31 else \"{r.id}: {end_of_year(r.created)}\"\n}\n\nrule eoy_datetime {\n  for record r where r.id == \"R-1\"\n  require end_of_year(2026-12-31T23:30:00+08:00) == 2026-12-31 and end_of_year(2027-01-01T00:30:00+08:00) == 2027-12-31\n}\n",
        )
        .tz("Asia/Shanghai")
        .run();
    let v = run.of("eoy");
    assert_eq!(v.len(), 1, "{}", run.dump());
    assert_eq!(v[0]["message"], "R-1: 2024-12-31");
    assert!(run.of("eoy_datetime").is_empty(), "{}", run.dump());
}

#[test]
fn end_of_year_wants_a_date() {
    let run = std_case()
        .file(
            "policies/eoy.policy",
            "rule eoy {\n  for record r\n  require end_of_year(r.title) == 2024-12-31\n}\n",
        )
        .run();
    assert_eq!(run.exit, 2);
    assert!(
        run.errors.contains("type_mismatch") || run.errors.contains("a date or datetime"),
        "{}",
        run.errors
    );
}

/// `deadline(d, D)` (民法典 第二百零一、二百零三条): a datetime is a day in
/// the case time zone; the last day moves past rest days but not past an
/// adjusted working Saturday.
#[test]
fn deadline_counts_in_the_case_time_zone() {
    // 2026-09-09T17:00Z is 10 September in Shanghai: +30 days is Saturday
    // 10 October, a working day; in UTC it is 9 September, +30 days Friday
    // 9 October.
    let policy = "rule dl {\n  for record r where r.id == \"R-1\"\n  require deadline(2026-09-09T17:00:00Z, 30 days) == 2026-10-09 else \"{deadline(2026-09-09T17:00:00Z, 30 days)}\"\n}\n";
    let shanghai = std_case()
        .file("policies/dl.policy", policy)
        .tz("Asia/Shanghai")
        .run();
    let v = shanghai.of("dl");
    assert_eq!(v.len(), 1, "{}", shanghai.dump());
    assert_eq!(v[0]["message"], "2026-10-10");
    let utc = std_case().file("policies/dl.policy", policy).run();
    assert!(utc.of("dl").is_empty(), "{}", utc.dump());
}

#[test]
fn deadline_wants_a_period_counted_in_days() {
    for period in ["72 hours", "permanent"] {
        let run = std_case()
            .file(
                "policies/dl.policy",
                &format!("rule dl {{\n  for record r\n  require r.created <= deadline(r.created, {period})\n}}\n"),
            )
            .run();
        assert_eq!(run.exit, 2, "{period}");
        assert!(
            run.errors
                .contains("a duration in days, weeks, months or years"),
            "{period}: {}",
            run.errors
        );
    }
}

#[test]
fn packs_listing() {
    let (code, out, err) = custodia(&["packs"]);
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!(out);
}

#[test]
fn every_pack_validates_alone_and_together() {
    let root = env!("CARGO_MANIFEST_DIR");
    for p in ["policies/cn", "policies/intl", "policies"] {
        let (code, out, err) = custodia(&["validate", &format!("{root}/{p}")]);
        assert_eq!(code, 0, "{p}: {out}{err}");
    }
}

/// A copy of the standard schema with a default changed type-checks with
/// the packs, yet turns their verdicts: `encrypted: bool = true` made the
/// encryption rule pass on records that said nothing (hostile review,
/// 2026-12-05). The run stops and names the field.
#[test]
fn a_schema_copy_with_another_default_stops_the_run() {
    let copy = std_schema_text();
    for (from, to) in [
        ("encrypted: bool = false", "encrypted: bool = true"),
        ("legal_hold: bool = false", "legal_hold: bool"),
    ] {
        let changed = copy.replacen(from, to, 1);
        assert_ne!(changed, copy, "the standard schema has `{from}`");
        let run = std_case().file("policies/schema.policy", &changed).run();
        assert_eq!(run.exit, 2, "{to}: {}", run.dump());
        let field = to.split(':').next().unwrap_or_default();
        assert!(
            run.errors
                .contains(&format!("`record.{field}` defaults to")),
            "{to}: {}",
            run.errors
        );
    }
    // The same default written another way is the same default.
    let spaced = copy.replacen("encrypted: bool = false", "encrypted: bool   =   false", 1);
    let run = std_case().file("policies/schema.policy", &spaced).run();
    assert!(run.errors.is_empty(), "{}", run.errors);
    assert!(
        run.report()["packs"]["note"]
            .as_str()
            .is_some_and(|n| n.contains("declares every field their rules use")),
        "{}",
        run.dump()
    );
}

/// Packs named in custodia.yaml beside such a copy: the same error, as a
/// policy error at the default.
#[test]
fn named_packs_beside_a_changed_default_are_an_error() {
    let changed =
        std_schema_text().replacen("encrypted: bool = false", "encrypted: bool = true", 1);
    let run = std_case()
        .file("custodia.yaml", "packs: [cn/pipl]\n")
        .file("policies/schema.policy", &changed)
        .run();
    assert_eq!(run.exit, 2, "{}", run.dump());
    assert!(
        run.errors.contains("custodia::check::changed_default")
            && run
                .errors
                .contains("`record.encrypted` defaults to `true` here and to `false`"),
        "{}",
        run.errors
    );
}

/// A copy of the standard schema that adds a value to a `one of` field:
/// the packs pick rows by the standard values, so a held record marked
/// `sealed` was in no pack rule and the case passed (hostile review,
/// 2026-12-07). The run stops and names the field and the values, for
/// the inventory's fields and the tables' alike.
#[test]
fn a_schema_copy_adding_an_enum_value_stops_the_run() {
    let copy = std_schema_text();
    for (from, to, field) in [
        (
            r#""anonymized" zh "已匿名化""#,
            r#""anonymized" zh "已匿名化", "sealed" zh "已封存""#,
            "`record.status` here has a value the standard schema does not: `sealed`",
        ),
        (
            r#""other" zh "其他"  // the kind of archive"#,
            r#""other" zh "其他", "misc", "books"  // the kind of archive"#,
            "`retention_schedule.series` here has values the standard schema does not: `misc`, `books`",
        ),
        // No `one of` at all takes every value (hostile re-read, 2026-12-07).
        (
            r#"status: one of "active" zh "在用", "archived" zh "已归档", "transferred" zh "已移交", "destroyed" zh "已销毁", "anonymized" zh "已匿名化""#,
            "status: text",
            "`record.status` here takes any value, where the standard schema",
        ),
    ] {
        let changed = copy.replacen(from, to, 1);
        assert_ne!(changed, copy, "the standard schema has `{from}`");
        let run = std_case().file("policies/schema.policy", &changed).run();
        assert_eq!(run.exit, 2, "{to}: {}", run.dump());
        assert!(run.errors.contains(field), "{to}: {}", run.errors);
        // Packs named in custodia.yaml: the same error, as a policy error.
        let named = std_case()
            .file("custodia.yaml", "packs: [cn/pipl]\n")
            .file("policies/schema.policy", &changed)
            .run();
        assert_eq!(named.exit, 2, "{to}: {}", named.dump());
        assert!(
            named.errors.contains("custodia::check::added_enum_values")
                && named.errors.contains(field),
            "{}",
            named.errors
        );
    }
    // The same values in another order, or with other labels, are the
    // standard values: the packs still check.
    let reordered = copy.replacen(
        r#""active" zh "在用", "archived" zh "已归档""#,
        r#""archived" zh "归档", "active""#,
        1,
    );
    assert_ne!(reordered, copy);
    let run = std_case().file("policies/schema.policy", &reordered).run();
    assert!(run.errors.is_empty(), "{}", run.errors);
    assert!(
        run.report()["packs"]["note"]
            .as_str()
            .is_some_and(|n| n.contains("declares every field their rules use")),
        "{}",
        run.dump()
    );
}
