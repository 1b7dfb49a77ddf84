//! One test per kind of load error: the exact code, the key facts of the
//! diagnostic, and a snapshot of the text the user sees.

#[path = "spec/common.rs"]
mod common;

use common::*;
use custodia::check::CheckError;
use custodia::cli::app::policy_error_text;
use custodia::syntax::span::SourceMap;

/// Checks `files`, which must fail; returns the sources and the errors.
fn fail(files: &[(&str, &str)]) -> (SourceMap, Vec<CheckError>) {
    match check(files) {
        Ok(_) => panic!("expected the policy set to fail to check"),
        Err(e) => e,
    }
}

/// Checks `policy` with the section-3 schema in its own file; must fail.
fn fail_with_schema(policy: &str) -> (SourceMap, Vec<CheckError>) {
    let schema = spec_schema();
    fail(&[("schema.policy", schema.as_str()), ("rules.policy", policy)])
}

/// Exactly one error, with this code; returns it with the rendered text.
fn single(result: (SourceMap, Vec<CheckError>), code: &str) -> (SourceMap, CheckError, String) {
    let (sources, errors) = result;
    let text = policy_error_text(&sources, &errors, false);
    assert_eq!(errors.len(), 1, "expected one error, got:\n{text}");
    assert_eq!(errors[0].code(), code, "{text}");
    let e = errors[0].clone();
    (sources, e, text)
}

fn snippet(sources: &SourceMap, e: &CheckError) -> String {
    sources.snippet(e.describe().span).to_string()
}

fn help(e: &CheckError) -> String {
    e.describe().help.unwrap_or_default()
}

// ---------------------------------------------------------------------------
// Syntax
// ---------------------------------------------------------------------------

#[test]
fn syntax_error_unparseable_rule() {
    let (_, _, text) = single(
        fail_with_schema("rule broken {\n  for record r\n  require r.status ==\n}\n"),
        "custodia::syntax::parse",
    );
    insta::assert_snapshot!(text);
}

/// A rule's `severity` (or `title`, `help`, `tags`) given twice: the last
/// silently won, and `fmt` deleted the first (hostile review, 2026-12-05).
#[test]
fn syntax_error_metadata_given_twice() {
    let (s, e, text) = single(
        fail_with_schema(
            "rule twice {\n  severity error\n  title \"t\"\n  severity info\n  for record r\n  require r.title is set\n}\n",
        ),
        "custodia::syntax::parse",
    );
    assert_eq!(snippet(&s, &e), "severity info");
    insta::assert_snapshot!(text);
    for meta in ["title \"u\"", "help \"h\"", "tags [\"a\"]"] {
        let policy = format!(
            "rule twice {{\n  title \"t\"\n  help \"h\"\n  tags [\"a\"]\n  {meta}\n  for record r\n  require r.title is set\n}}\n"
        );
        single(fail_with_schema(&policy), "custodia::syntax::parse");
    }
    // `cite` may repeat: a rule rests on several articles.
    let schema = spec_schema();
    let cited =
        "rule cited {\n  cite \"a\"\n  cite \"b\"\n  for record r\n  require r.title is set\n}\n";
    assert!(check(&[("schema.policy", schema.as_str()), ("rules.policy", cited)]).is_ok());
}

#[test]
fn syntax_error_missing_for() {
    let (_, _, text) = single(
        fail_with_schema("rule no_for {\n  title \"x\"\n  require true\n}\n"),
        "custodia::syntax::parse",
    );
    insta::assert_snapshot!(text);
}

/// A file whose first item is wrong (a rule kind that does not exist)
/// says what may start a file: pest reports only the whole file there, and
/// the message said "unexpected input" with nothing expected.
#[test]
fn syntax_error_unknown_first_item_lists_what_may_start_a_file() {
    let (_, _, text) = single(
        fail_with_schema("notice all_notices {\n  for record r\n  require true\n}\n"),
        "custodia::syntax::parse",
    );
    insta::assert_snapshot!(text);
}

#[test]
fn syntax_error_impossible_date() {
    let (s, e, text) = single(
        fail_with_schema("rule leap {\n  for record r\n  require r.created < 2026-02-30\n}\n"),
        "custodia::syntax::parse",
    );
    assert_eq!(snippet(&s, &e), "2026-02-30");
    insta::assert_snapshot!(text);
}

#[test]
fn syntax_error_datetime_without_offset() {
    let (s, e, text) = single(
        fail_with_schema(
            "access local_time {\n  for access a\n  require a.at >= 2026-01-01T09:30:00\n}\n",
        ),
        "custodia::syntax::parse",
    );
    assert_eq!(snippet(&s, &e), "2026-01-01T09:30:00");
    // The suggestion must be a valid datetime.
    assert!(
        e.describe().message.contains("`2026-01-01T09:30:00+08:00`"),
        "{text}"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn syntax_error_in_message_hole_points_into_the_string() {
    let (s, e, text) = single(
        fail_with_schema("rule hole {\n  for record r\n  require r.title != \"\" else \"记录 {r.id +} 无标题\"\n}\n"),
        "custodia::syntax::parse",
    );
    let span = e.describe().span;
    let file = s.get(span.file);
    assert_eq!(file.path, "rules.policy");
    // inside the hole, after the `{`
    let before = &file.text[..span.start as usize];
    assert!(
        before.ends_with("记录 {r.id +") || before.contains("记录 {"),
        "{text}"
    );
    insta::assert_snapshot!(text);
}

/// A string with escapes inside a hole makes the hole's source longer than
/// its text; positions after the escapes still land on the right name.
#[test]
fn error_in_a_message_hole_after_escapes_points_at_the_name() {
    let (s, e, text) = single(
        fail_with_schema(
            "rule hole {\n  for record r\n  require r.title != \"\" else \"{r.id == \\\"abc\\\" and r.titel}\"\n}\n",
        ),
        "custodia::check::unknown_field",
    );
    assert_eq!(snippet(&s, &e), "titel", "{text}");
}

// ---------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------

#[test]
fn unknown_collection_with_suggestion() {
    let (s, e, text) = single(
        fail_with_schema(
            "destruction d1 {\n  for record r\n  match destructoin d on d.record == r.id\n}\n",
        ),
        "custodia::check::unknown_collection",
    );
    assert_eq!(snippet(&s, &e), "destructoin");
    assert_eq!(help(&e), "did you mean `destruction`?");
    insta::assert_snapshot!(text);
}

#[test]
fn unknown_collection_in_for() {
    let (s, e, text) = single(
        fail_with_schema("rule r1 {\n  for recrod r\n  require true\n}\n"),
        "custodia::check::unknown_collection",
    );
    assert_eq!(snippet(&s, &e), "recrod");
    assert_eq!(help(&e), "did you mean `record`?");
    insta::assert_snapshot!(text);
}

#[test]
fn unknown_field_with_suggestion() {
    let (s, e, text) = single(
        fail_with_schema(
            "destruction witnessed {\n  for destruction d\n  require len(d.witnesess) >= 2\n}\n",
        ),
        "custodia::check::unknown_field",
    );
    assert_eq!(snippet(&s, &e), "witnesess");
    assert_eq!(help(&e), "did you mean `witnesses`?");
    insta::assert_snapshot!(text);
}

#[test]
fn unknown_field_through_ref_navigation() {
    let (s, e, text) = single(
        fail_with_schema(
            "access nav {\n  for access a\n  require a.record.clas == \"sensitive\"\n}\n",
        ),
        "custodia::check::unknown_field",
    );
    assert_eq!(snippet(&s, &e), "clas");
    assert_eq!(help(&e), "did you mean `class`?");
    insta::assert_snapshot!(text);
}

#[test]
fn unknown_field_span_after_chinese_text() {
    // Spans and columns stay right after multi-byte characters on the line.
    let (s, e, text) = single(
        fail_with_schema(
            "rule cn {\n  for record r\n  require r.title != \"客户资料\" and r.titel != \"\"\n}\n",
        ),
        "custodia::check::unknown_field",
    );
    assert_eq!(snippet(&s, &e), "titel");
    let span = e.describe().span;
    let (line, col) = s.get(span.file).line_col(span.start);
    // columns count characters: `"客户资料"` is 6 columns, not 14 bytes
    assert_eq!((line, col), (3, 35));
    // The snapshot is the correct rendering (written by hand): the header
    // location counts characters too.
    insta::assert_snapshot!(text);
    assert!(text.contains("rules.policy:3:35"), "{text}");
}

#[test]
fn unknown_variable() {
    let (s, e, text) = single(
        fail_with_schema("rule v {\n  for record r\n  require rr.status == \"active\"\n}\n"),
        "custodia::check::unknown_variable",
    );
    assert_eq!(snippet(&s, &e), "rr");
    assert_eq!(help(&e), "did you mean `r`?");
    insta::assert_snapshot!(text);
}

#[test]
fn unknown_variable_used_before_its_match() {
    let (s, e, text) = single(
        fail_with_schema(
            "rule order {\n  for record r\n  require d.place != \"\"\n  match destruction d on d.record == r.id\n}\n",
        ),
        "custodia::check::unknown_variable",
    );
    assert_eq!(snippet(&s, &e), "d");
    insta::assert_snapshot!(text);
}

#[test]
fn unknown_function_with_suggestion() {
    let (s, e, text) = single(
        fail_with_schema(
            "destruction f {\n  for destruction d\n  require lenght(d.witnesses) >= 2\n}\n",
        ),
        "custodia::check::unknown_function",
    );
    assert_eq!(snippet(&s, &e), "lenght");
    assert_eq!(help(&e), "did you mean `len`?");
    insta::assert_snapshot!(text);
}

#[test]
fn wrong_arity() {
    let (_, e, text) = single(
        fail_with_schema("rule a {\n  for record r\n  require days_between(r.created) > 30\n}\n"),
        "custodia::check::wrong_arity",
    );
    assert_eq!(
        e.describe().message,
        "`days_between` takes 2 arguments, found 1"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn wrong_arity_too_many() {
    let (_, e, text) = single(
        fail_with_schema(
            "destruction a2 {\n  for destruction d\n  require len(d.witnesses, 2) >= 2\n}\n",
        ),
        "custodia::check::wrong_arity",
    );
    assert_eq!(e.describe().message, "`len` takes 1 argument, found 2");
    insta::assert_snapshot!(text);
}

#[test]
fn unknown_enum_value_with_suggestion() {
    let (s, e, text) = single(
        fail_with_schema("rule enum {\n  for record r where r.class == \"sensitve\"\n  require r.legal_hold\n}\n"),
        "custodia::check::unknown_enum_value",
    );
    assert_eq!(snippet(&s, &e), "\"sensitve\"");
    assert_eq!(help(&e), "did you mean `\"sensitive\"`?");
    insta::assert_snapshot!(text);
}

#[test]
fn unknown_enum_value_in_list() {
    let (s, e, text) = single(
        fail_with_schema(
            "destruction m {\n  for destruction d\n  require d.method in [\"shred\", \"incinerate\", \"shreded\"]\n}\n",
        ),
        "custodia::check::unknown_enum_value",
    );
    assert_eq!(snippet(&s, &e), "\"shreded\"");
    assert_eq!(help(&e), "did you mean `\"shred\"`?");
    insta::assert_snapshot!(text);
}

/// Every form that compares an enum with text written in the rule checks
/// the text against the enum's values (hostile review h19: the mirror of
/// `in`, `lower(...)` and a substring passed `validate` with a typo, the
/// `where` was never true and the run COMPLIANT). `lower`/`upper` of an
/// enum are its values folded; `contains` on an enum (a substring) needs a
/// value that holds the text.
#[test]
fn unknown_enum_value_in_every_form_that_compares_with_text() {
    let cases = [
        ("rule e {\n  for record r where [\"sensitve\", \"important\"] contains r.class\n  require r.legal_hold\n}\n", "\"sensitve\""),
        ("rule e {\n  for record r where lower(r.class) in [\"sensitve\", \"important\"]\n  require r.legal_hold\n}\n", "\"sensitve\""),
        ("rule e {\n  for record r where upper(r.class) == \"SENSITVE\"\n  require r.legal_hold\n}\n", "\"SENSITVE\""),
        ("rule e {\n  for record r where lower(r.class) == \"Sensitive\"\n  require r.legal_hold\n}\n", "\"Sensitive\""),
        ("rule e {\n  for record r where r.class contains \"sensitve\"\n  require r.legal_hold\n}\n", "\"sensitve\""),
        ("rule e {\n  for record r\n  let kinds = [\"sensitve\"]\n  when kinds contains r.class\n  require r.legal_hold\n}\n", "kinds"),
        ("rule e {\n  for record r\n  let kind = \"sensitve\"\n  require r.class != kind\n}\n", "kind"),
        ("rule e {\n  for record r\n  let kinds = [\"sensitve\"]\n  require r.class not in kinds\n}\n", "kinds"),
        // A set-wide `let` is written out where it is used: the item itself.
        ("let kinds = [\"sensitve\"]\nrule e {\n  for record r where kinds contains r.class\n  require r.legal_hold\n}\n", "\"sensitve\""),
    ];
    for (i, (policy, at)) in cases.iter().enumerate() {
        let (s, e, text) = single(
            fail_with_schema(policy),
            "custodia::check::unknown_enum_value",
        );
        assert_eq!(snippet(&s, &e), *at, "{text}");
        if i == 4 {
            assert_eq!(
                e.describe().message,
                "no allowed value contains `\"sensitve\"`"
            );
            insta::assert_snapshot!(text);
        }
    }
    // The same forms with values the enum holds: fine.
    let ok = "rule e {\n  for record r where [\"sensitive\"] contains r.class or lower(r.class) in [\"important\"]\n    or upper(r.class) == \"GENERAL\" or r.class contains \"sens\"\n  let kinds = [\"general\"]\n  require not (kinds contains r.class) or r.legal_hold\n}\n";
    let schema = spec_schema();
    assert!(check(&[("schema.policy", schema.as_str()), ("rules.policy", ok)]).is_ok());
}

// ---------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------

/// Ordering two values of a kind without an order said "expected a bool,
/// found a bool" (hostile review h19); it says what `<` takes.
#[test]
fn type_mismatch_ordering_values_without_an_order() {
    let (s, e, text) = single(
        fail_with_schema("rule t {\n  for record r\n  require r.legal_hold < true\n}\n"),
        "custodia::check::type_mismatch",
    );
    assert_eq!(snippet(&s, &e), "r.legal_hold");
    assert_eq!(
        e.describe().message,
        "`<` puts values in order: expected a number, date, datetime, duration or text (a value with an order), found a bool"
    );
    insta::assert_snapshot!(text);
    let (s, e, _) = single(
        fail_with_schema("rule t {\n  for destruction d\n  require d.witnesses >= [\"a\"]\n}\n"),
        "custodia::check::type_mismatch",
    );
    assert_eq!(snippet(&s, &e), "d.witnesses");
}

#[test]
fn type_mismatch_date_vs_number() {
    let (_, _, text) = single(
        fail_with_schema("rule t {\n  for record r\n  require r.created > 5\n}\n"),
        "custodia::check::type_mismatch",
    );
    insta::assert_snapshot!(text);
}

#[test]
fn type_mismatch_text_vs_list_in_membership() {
    let (s, e, text) = single(
        fail_with_schema("rule t2 {\n  for record r\n  require r.category in \"contract\"\n}\n"),
        "custodia::check::type_mismatch",
    );
    assert_eq!(snippet(&s, &e), "\"contract\"");
    insta::assert_snapshot!(text);
}

/// A ref to one collection compared with another's id or ref type-checked
/// (both are text), so `forbid access a on a.actor == r.id` (for
/// `a.record`) joined nothing and passed (hostile review, 2026-12-05).
#[test]
fn type_mismatch_ref_against_another_collections_id() {
    let (s, e, text) = single(
        fail_with_schema("rule held {\n  for record r\n  forbid access a on a.actor == r.id\n}\n"),
        "custodia::check::type_mismatch",
    );
    assert_eq!(snippet(&s, &e), "r.id");
    insta::assert_snapshot!(text);
    let (s, e, _) = single(
        fail_with_schema("rule refs {\n  for access a\n  require a.actor != a.record\n}\n"),
        "custodia::check::type_mismatch",
    );
    assert_eq!(snippet(&s, &e), "a.record");
    // The same collection's id, and a ref to it, are the join they look like.
    check(&[
        ("schema.policy", spec_schema().as_str()),
        (
            "rules.policy",
            "rule held {\n  for record r\n  forbid access a on a.record == r.id and a.actor == a.actor\n}\n",
        ),
    ])
    .map_err(|(sources, errors)| policy_error_text(&sources, &errors, false))
    .expect("a ref compared with its collection's id checks");
}

/// The ids of two collections (`a.id == r.id`, a slip for `a.record`), and
/// a ref or id tested against a list of another collection's (`a.actor in
/// [r.id]`), can never be equal either: each made a `forbid` pass
/// (hostile review h19). A list written in the rule is checked item by
/// item, a list read from the data by its items' type.
#[test]
fn type_mismatch_ids_of_two_collections_and_lists_of_another() {
    let cases = [
        ("rule held {\n  for record r\n  forbid access a on a.id == r.id\n}\n", "r.id"),
        ("rule held {\n  for record r\n  forbid access a on a.actor.id != r.id\n}\n", "r.id"),
        ("rule held {\n  for record r\n  forbid access a on a.actor in [r.id]\n}\n", "r.id"),
        ("rule held {\n  for record r\n  forbid access a on a.record in [r.id, a.actor]\n}\n", "a.actor"),
        ("rule held {\n  for record r\n  forbid access a on [r.id] contains a.id\n}\n", "r.id"),
        ("extend event access { seen_by: list of ref staff }\nrule seen {\n  for access a\n  require a.record not in a.seen_by\n}\n", "a.seen_by"),
        ("extend event access { seen_by: list of ref staff }\nrule seen {\n  for access a\n  require not (a.seen_by contains a.record.id)\n}\n", "a.seen_by"),
    ];
    for (i, (policy, at)) in cases.iter().enumerate() {
        let (s, e, text) = single(fail_with_schema(policy), "custodia::check::type_mismatch");
        assert_eq!(snippet(&s, &e), *at, "{text}");
        if i == 2 {
            insta::assert_snapshot!(text);
        }
    }
    // A ref and its own collection's id, through a ref too, in lists too.
    let ok = "extend event access { seen_by: list of ref staff }\nrule held {\n  for record r\n  forbid access a on a.record.id == r.id or r.id in [a.record] or [a.record.id] contains r.id\n    or a.actor in a.seen_by or a.seen_by contains a.actor.id or a.actor.id in [a.actor]\n}\n";
    check(&[
        ("schema.policy", spec_schema().as_str()),
        ("rules.policy", ok),
    ])
    .map_err(|(sources, errors)| policy_error_text(&sources, &errors, false))
    .expect("refs and ids of one collection check");
}

/// Two enums with no value in common can never be equal.
#[test]
fn type_mismatch_enums_without_a_common_value() {
    let (s, e, text) = single(
        fail_with_schema("rule t {\n  for record r\n  require r.class != r.status\n}\n"),
        "custodia::check::type_mismatch",
    );
    assert_eq!(snippet(&s, &e), "r.status");
    insta::assert_snapshot!(text);
}

#[test]
fn type_mismatch_require_not_bool() {
    let (_, _, text) = single(
        fail_with_schema("rule t3 {\n  for record r\n  require r.title\n}\n"),
        "custodia::check::type_mismatch",
    );
    insta::assert_snapshot!(text);
}

// ---------------------------------------------------------------------------
// Duplicates
// ---------------------------------------------------------------------------

#[test]
fn duplicate_rule_across_files_names_both_places() {
    let schema = spec_schema();
    let a =
        "retention keep_ten_years {\n  for record r\n  require r.created + 10 years > as_of\n}\n";
    let b =
        "// second file\n\nretention keep_ten_years {\n  for record r\n  require r.legal_hold\n}\n";
    let (s, e, text) = single(
        fail(&[
            ("schema.policy", schema.as_str()),
            ("a.policy", a),
            ("b.policy", b),
        ]),
        "custodia::check::duplicate_name",
    );
    let d = e.describe();
    assert_eq!(s.snippet(d.span), "keep_ten_years");
    assert_eq!(s.get(d.span.file).path, "b.policy");
    assert_eq!(d.related.len(), 1);
    let (prev, _) = d.related[0];
    assert_eq!(s.snippet(prev), "keep_ten_years");
    assert_eq!(s.get(prev.file).path, "a.policy");
    // The rendered text names both files.
    assert!(text.contains("a.policy"), "{text}");
    assert!(text.contains("b.policy"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn duplicate_field_in_schema() {
    let policy = "schema {\n  record {\n    id: id\n    title: text\n    created: date\n    title: text?\n  }\n}\n";
    let (s, e, text) = single(
        fail(&[("schema.policy", policy)]),
        "custodia::check::duplicate_name",
    );
    assert_eq!(s.snippet(e.describe().span), "title");
    assert_eq!(
        e.describe().related.len(),
        1,
        "points at the first declaration too"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn duplicate_field_across_schema_blocks() {
    let schema = spec_schema();
    let extra = "schema {\n  extend record {\n    category: text?\n  }\n}\n";
    let (s, e, text) = single(
        fail(&[("schema.policy", schema.as_str()), ("extra.policy", extra)]),
        "custodia::check::duplicate_name",
    );
    assert_eq!(s.snippet(e.describe().span), "category");
    insta::assert_snapshot!(text);
}

// ---------------------------------------------------------------------------
// Schema, regex, tests
// ---------------------------------------------------------------------------

#[test]
fn ref_to_unknown_collection() {
    let policy = "schema {\n  record {\n    id: id\n    title: text\n    created: date\n  }\n  table staff {\n    id: id\n    name: text\n  }\n  event access {\n    record: ref record\n    actor: ref staf\n  }\n}\n";
    let (s, e, text) = single(
        fail(&[("schema.policy", policy)]),
        "custodia::check::unknown_ref_target",
    );
    assert!(s.snippet(e.describe().span).ends_with("staf"), "{text}");
    assert_eq!(help(&e), "did you mean `staff`?");
    insta::assert_snapshot!(text);
}

#[test]
fn bad_regex_is_a_load_error() {
    let (s, e, text) = single(
        fail_with_schema("rule re {\n  for record r\n  require r.id matches \"^R-[0-9+$\"\n}\n"),
        "custodia::check::bad_regex",
    );
    assert_eq!(snippet(&s, &e), "\"^R-[0-9+$\"");
    insta::assert_snapshot!(text);
}

#[test]
fn expect_names_unknown_rule() {
    let policy = "destruction complete_destruction_record {\n  for record r\n  require r.legal_hold == false\n}\n\ntest \"typo\" {\n  given record { id: \"R1\", title: \"x\", class: \"general\", category: \"c\", created: 2020-01-01, status: \"active\" }\n  expect complete_destructoin_record passes\n}\n";
    let (s, e, text) = single(fail_with_schema(policy), "custodia::check::unknown_rule");
    assert_eq!(snippet(&s, &e), "complete_destructoin_record");
    assert_eq!(help(&e), "did you mean `complete_destruction_record`?");
    insta::assert_snapshot!(text);
}

// ---------------------------------------------------------------------------
// Every error, in order
// ---------------------------------------------------------------------------

#[test]
fn all_errors_of_a_run_are_reported() {
    let policy = "rule one {\n  for record r\n  require r.titel != \"\"\n}\n\nrule two {\n  for record r\n  require r.class == \"sensitve\"\n}\n\nrule three {\n  for record r\n  require lenght(r.title) > 0\n}\n";
    let (sources, errors) = fail_with_schema(policy);
    let text = policy_error_text(&sources, &errors, false);
    let codes: Vec<&str> = errors.iter().map(CheckError::code).collect();
    assert_eq!(
        codes,
        vec![
            "custodia::check::unknown_field",
            "custodia::check::unknown_enum_value",
            "custodia::check::unknown_function",
        ],
        "{text}"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn errors_are_sorted_by_location() {
    // The checker finds schema problems before rule problems; the report
    // orders them by file, then position.
    let schema = spec_schema();
    let rules_first = "rule early {\n  for record r\n  require r.nope\n}\n\nschema {\n  table late {\n    id: id\n    owner: ref nobody\n  }\n}\n\nrule later {\n  for record r\n  require r.class == \"sensitve\"\n}\n";
    let other = "rule in_z_file {\n  for recrod r\n  require true\n}\n";
    let (sources, errors) = fail(&[
        ("schema.policy", schema.as_str()),
        ("m.policy", rules_first),
        ("z.policy", other),
    ]);
    let text = policy_error_text(&sources, &errors, false);
    let places: Vec<(String, u32, u32)> = errors
        .iter()
        .map(|e| {
            let span = e.describe().span;
            let f = sources.get(span.file);
            let (line, col) = f.line_col(span.start);
            (f.path.clone(), line, col)
        })
        .collect();
    assert_eq!(
        places,
        vec![
            ("m.policy".to_string(), 3, 13),
            ("m.policy".to_string(), 9, 12),
            ("m.policy".to_string(), 15, 22),
            ("z.policy".to_string(), 2, 7),
        ],
        "{text}"
    );
    let codes: Vec<&str> = errors.iter().map(CheckError::code).collect();
    assert_eq!(
        codes,
        vec![
            "custodia::check::unknown_field",
            "custodia::check::unknown_ref_target",
            "custodia::check::unknown_enum_value",
            "custodia::check::unknown_collection",
        ],
        "{text}"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn syntax_errors_in_several_files_are_all_reported() {
    let a = "rule a {\n  for record r\n  require\n}\n";
    let b = "rule b {\n  for record r\n  require r.created < 2026-13-01\n}\n";
    let (sources, errors) = fail(&[("a.policy", a), ("b.policy", b)]);
    let text = policy_error_text(&sources, &errors, false);
    assert_eq!(errors.len(), 2, "{text}");
    assert!(
        errors.iter().all(|e| e.code() == "custodia::syntax::parse"),
        "{text}"
    );
    let files: Vec<String> = errors
        .iter()
        .map(|e| sources.get(e.describe().span.file).path.clone())
        .collect();
    assert_eq!(files, vec!["a.policy", "b.policy"]);
    insta::assert_snapshot!(text);
}

// ---------------------------------------------------------------------------
// Rules that would test nothing, and line ends that hide clauses
// ---------------------------------------------------------------------------

/// A rule without `require`, `match` or `forbid` would pass every subject
/// (it said COMPLIANT, exit 0); the spec asks for one or more clauses.
#[test]
fn a_rule_that_checks_nothing_is_an_error() {
    for body in [
        "",
        "  let s = r.status\n",
        "  when r.status == \"active\"\n",
    ] {
        let policy = format!("rule idle {{\n  title \"t\"\n  for record r\n{body}}}\n");
        let (sources, e, text) =
            single(fail_with_schema(&policy), "custodia::check::checks_nothing");
        assert_eq!(snippet(&sources, &e), "idle", "{text}");
        if body.is_empty() {
            insta::assert_snapshot!(text);
        }
    }
}

/// A name bound again where it is already in reach is an error at the
/// second binding (second hostile review, 2026-12-05): `forbid access r on
/// r.record == r.id` in a rule `for record r` compared the access with
/// itself and passed; a rule's `let as_of` replaced the evaluation date.
/// Aggregate variables, `let`s, `match`/`forbid` variables and a `for`
/// named as a set-wide `let` are checked alike.
#[test]
fn a_name_bound_again_in_reach_is_an_error() {
    let cases = [
        ("rule a {\n  title \"t\"\n  for record r\n  forbid access r on r.record == r.id\n}\n", "r"),
        ("rule a {\n  title \"t\"\n  for record r\n  let as_of = 2000-01-01\n  require r.created < as_of\n}\n", "as_of"),
        ("rule a {\n  title \"t\"\n  for record r\n  require count(record r where r.id == \"x\") < 1\n}\n", "r"),
        ("rule a {\n  title \"t\"\n  for record r\n  let n = 1\n  let n = 2\n  require n > 0\n}\n", "n"),
        ("let limit = 3\nrule a {\n  title \"t\"\n  for record limit\n  require limit.title is set\n}\n", "limit"),
        ("rule a {\n  title \"t\"\n  for record r\n  match access a on a.record == r.id\n  require exists(access a where a.record == r.id)\n}\n", "a"),
    ];
    for (i, (policy, name)) in cases.iter().enumerate() {
        // The first also compares the inner `r`'s ref with its own id, a
        // type error of its own (`type_mismatch_ref_against_another_collections_id`).
        let (sources, errors) = fail_with_schema(policy);
        let text = policy_error_text(&sources, &errors, false);
        assert_eq!(errors.len(), if i == 0 { 2 } else { 1 }, "{text}");
        let e = &errors[0];
        assert_eq!(e.code(), "custodia::check::name_in_use", "{text}");
        assert_eq!(snippet(&sources, e), *name, "{text}");
        if i == 0 {
            insta::assert_snapshot!(text);
        }
    }
    // Another name, and the same name in two rules: fine.
    let ok = "rule a {\n  title \"t\"\n  for record r\n  forbid access x on x.record == r.id\n}\nrule b {\n  title \"t\"\n  for record r\n  require count(record q where q.id == r.id) == 1\n}\n";
    let schema = spec_schema();
    assert!(check(&[("schema.policy", schema.as_str()), ("rules.policy", ok)]).is_ok());
}

/// A lone CR ends a `//` comment as it ends the line in every editor: the
/// `require` after it is read (it was swallowed, and the rule checked
/// nothing). A whole file with classic Mac line ends reads like LF.
#[test]
fn a_lone_cr_ends_a_comment() {
    let lf = "rule purpose {\n  title \"t\"\n  for access a  // every consultation\n  require a.purpose is set\n}\n";
    let checked_lf = check_with_schema(lf).unwrap_or_else(|_| panic!("LF policy checks"));
    for text in [
        lf.replace("consultation\n", "consultation\r"),
        lf.replace('\n', "\r"),
        lf.replace('\n', "\r\n"),
    ] {
        let checked = check_with_schema(&text)
            .unwrap_or_else(|(s, e)| panic!("{text:?}: {}", policy_error_text(&s, &e, false)));
        let rule = checked.rule("purpose").expect("the rule");
        assert_eq!(rule.clauses.len(), 1, "{text:?}");
        assert_eq!(
            rule.clauses.len(),
            checked_lf.rule("purpose").expect("the rule").clauses.len()
        );
    }
}

/// A Unicode line separator, paragraph separator or NEL ends a comment too,
/// and is no whitespace: the parse stops there with an error, never a
/// silently swallowed clause.
#[test]
fn a_unicode_line_separator_stops_the_parse() {
    for sep in ['\u{2028}', '\u{2029}', '\u{85}'] {
        let text = format!(
            "rule purpose {{\n  title \"t\"\n  for access a  // every consultation{sep}  require a.purpose is set\n}}\n"
        );
        let (sources, e, rendered) = single(fail_with_schema(&text), "custodia::syntax::parse");
        assert!(
            rendered.contains(&format!("line separator U+{:04X}", sep as u32)),
            "{sep:?}: {rendered}"
        );
        assert_eq!(snippet(&sources, &e), sep.to_string(), "{rendered}");
    }
}

/// A set-wide `let` defined twice, in two files or in one: the last one
/// read silently won, the file order deciding a rule's verdict (hostile
/// review, 2026-12-05).
#[test]
fn duplicate_set_wide_let() {
    let schema = spec_schema();
    for files in [
        vec![
            ("schema.policy", schema.as_str()),
            ("rule.policy", "let cutoff = 2099-01-01\nrule r {\n  for record r\n  require r.created >= cutoff\n}\n"),
            ("zz.policy", "let cutoff = 2000-01-01\n"),
        ],
        vec![
            ("schema.policy", schema.as_str()),
            ("rule.policy", "let cutoff = 2099-01-01\nlet cutoff = 2000-01-01\nrule r {\n  for record r\n  require r.created >= cutoff\n}\n"),
        ],
    ] {
        let (s, e, text) = single(fail(&files), "custodia::check::duplicate_name");
        assert_eq!(snippet(&s, &e), "cutoff", "{text}");
        assert!(text.contains("set-wide `let` `cutoff` is defined twice"), "{text}");
    }
}
