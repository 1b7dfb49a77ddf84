//! The language contract (tests/spec/language.md, a verbatim copy of the
//! shared spec): every example parses and type-checks, and every form of the
//! expression table (section 5) is accepted inside a rule.

#[path = "spec/common.rs"]
mod common;

use common::*;
use custodia::syntax::ast::{
    BinaryOp, ClauseKind, ExpectOutcome, ExprKind, Item, MessagePart, UnaryOp,
};
use custodia::syntax::span::FileId;

// ---------------------------------------------------------------------------
// The spec's own examples
// ---------------------------------------------------------------------------

/// Section 7's test block expects `access_authorized passes`, but the spec
/// never defines that rule. This minimal rule makes the combined set complete.
const ACCESS_AUTHORIZED: &str = "
access access_authorized {
  for access a
  require a.purpose is set
}
";

/// The blocks of sections 2-4, 6 and 7 combined into one policy set.
///
/// The section-2 block is skipped: it is an outline of the top-level items
/// with `...` placeholders and the pseudo-syntax `retention | access | ...`,
/// not a policy. Section 5 has no code blocks (it is a table).
fn spec_set() -> String {
    let blocks = spec_blocks();
    let mut set = String::new();
    let mut skipped_outline = 0;
    for b in &blocks {
        match b.section {
            2 => {
                assert!(
                    b.text.contains("retention | access |"),
                    "section 2 block is the outline"
                );
                skipped_outline += 1;
            }
            3 | 4 | 6 | 7 => {
                set.push_str(&b.text);
                set.push('\n');
            }
            n => panic!("unexpected code block in section {n}:\n{}", b.text),
        }
    }
    assert_eq!(skipped_outline, 1, "exactly one outline block in section 2");
    set.push_str(ACCESS_AUTHORIZED);
    set
}

#[test]
fn spec_has_the_expected_code_blocks() {
    let sections: Vec<u32> = spec_blocks().iter().map(|b| b.section).collect();
    assert_eq!(sections, vec![2, 3, 4, 6, 7]);
}

#[test]
fn spec_examples_type_check_as_one_set() {
    let set = spec_set();
    let checked = expect_ok(&[("spec.policy", set.as_str())]);

    // rules
    let names: Vec<&str> = checked.rules.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(
        names,
        vec!["access_authorized", "complete_destruction_record"]
    );
    let r = checked
        .rule("complete_destruction_record")
        .expect("rule exists");
    assert_eq!(r.kind.as_str(), "destruction");
    assert_eq!(r.title.as_deref(), Some("销毁的客户资料须有完整的销毁记录"));
    assert_eq!(r.severity.as_str(), "error");
    assert_eq!(r.cite, vec!["会计档案管理办法 第十八条".to_string()]);
    assert_eq!(
        r.help.as_deref(),
        Some("Record the method, place, approver and at least two witnesses.")
    );
    assert_eq!(r.tags, vec!["destruction".to_string(), "pipl".to_string()]);
    // match + three requires
    assert_eq!(r.clauses.len(), 4);
    let a = checked.rule("access_authorized").expect("rule exists");
    assert_eq!(a.kind.as_str(), "access");

    // waivers
    assert_eq!(checked.waivers.len(), 1);
    let w = &checked.waivers[0];
    assert_eq!(w.rule.node, "complete_destruction_record");
    assert_eq!(w.subject.node, "R-1042");
    assert_eq!(w.until.node.to_string(), "2027-01-31");
    assert_eq!(
        w.because.node,
        "register recovered from the archive; re-scan pending"
    );
    assert_eq!(w.by.as_ref().map(|b| b.node.as_str()), Some("李伟"));

    // tests
    assert_eq!(checked.tests.len(), 1);
    let t = &checked.tests[0];
    assert_eq!(t.name.node, "two witnesses are required");
    assert_eq!(t.givens.len(), 3);
    let given: Vec<&str> = t
        .givens
        .iter()
        .map(|g| g.collection.node.as_str())
        .collect();
    assert_eq!(given, vec!["record", "destruction", "staff"]);
    assert_eq!(t.expects.len(), 2);
    assert_eq!(t.expects[0].rule.node, "complete_destruction_record");
    assert_eq!(t.expects[0].outcome, ExpectOutcome::Fails);
    assert_eq!(
        t.expects[0].subject.as_ref().map(|s| s.node.as_str()),
        Some("R1")
    );
    assert_eq!(t.expects[1].rule.node, "access_authorized");
    assert_eq!(t.expects[1].outcome, ExpectOutcome::Passes);
    assert!(t.expects[1].subject.is_none());

    // schema: the section-3 collections (the set declares `record`, so the
    // standard schema is not added)
    let colls: std::collections::BTreeSet<String> =
        ["record", "access", "destruction", "staff", "company"]
            .iter()
            .map(|s| s.to_string())
            .collect();
    let dbg = format!("{:?}", checked.schema);
    for c in &colls {
        assert!(
            dbg.contains(&format!("\"{c}\"")),
            "schema lacks collection {c}"
        );
    }
}

#[test]
fn spec_examples_check_in_any_file_order() {
    // "Order of files does not matter": one file per block, reversed.
    let mut files: Vec<(String, String)> = spec_blocks()
        .into_iter()
        .filter(|b| b.section != 2)
        .enumerate()
        .map(|(i, b)| (format!("part{i}.policy"), b.text))
        .collect();
    files.push(("access.policy".into(), ACCESS_AUTHORIZED.into()));
    files.reverse();
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let checked = expect_ok(&refs);
    assert_eq!(checked.rules.len(), 2);
    assert_eq!(checked.waivers.len(), 1);
    assert_eq!(checked.tests.len(), 1);
}

#[test]
fn section_2_header_and_set_let_check() {
    // The concrete lines of the section-2 outline that are real syntax.
    let policy = r#"
policy "cn-deregistration" {          // optional header, at most one per set
  version "2026.1"
  owner "合规部"
  description "Customer records when a company is deregistered"
}

let sensitive_classes = ["sensitive", "important"]      // set-wide constant

retention uses_constant {
  for record r where r.class in sensitive_classes
  require r.status != "destroyed"
}
"#;
    let c = expect_ok_with_schema(policy);
    let h = c.header.expect("header");
    assert_eq!(h.name.node, "cn-deregistration");
    assert_eq!(h.fields.len(), 3);
}

#[test]
fn all_rule_kinds_and_severities() {
    let policy = r#"
retention k1 { severity error   for record r  require r.title != "" }
access k2 { severity warning for access a  require a.purpose is set }
destruction k3 { severity info for destruction d  require d.place != "" }
notification k4 { for company c  require c.name != "" }
rule k5 { for staff s  require s.name != "" }
"#;
    let c = expect_ok_with_schema(policy);
    let kinds: Vec<(&str, &str, &str)> = c
        .rules
        .iter()
        .map(|r| (r.name.as_str(), r.kind.as_str(), r.severity.as_str()))
        .collect();
    assert_eq!(
        kinds,
        vec![
            ("k1", "retention", "error"),
            ("k2", "access", "warning"),
            ("k3", "destruction", "info"),
            ("k4", "notification", "error"),
            ("k5", "rule", "error"),
        ]
    );
}

#[test]
fn all_clause_kinds() {
    let policy = r#"
rule clauses {
  for record r where r.status == "destroyed"
  let limit = r.created + 10 years
  when r.legal_hold == false
  require limit <= as_of else "kept until {limit}"
  match destruction d on d.record == r.id else "no destruction for {r.id}"
  forbid access a on a.record == r.id and a.at > d.at else "{r.id} accessed after destruction by {a.actor}"
  require d.approved_by is set
}
"#;
    let c = expect_ok_with_schema(policy);
    assert_eq!(c.rule("clauses").expect("rule").clauses.len(), 6);
}

// ---------------------------------------------------------------------------
// Section 5: one small rule per form of the expression table
// ---------------------------------------------------------------------------

/// Each case is a rule body that must parse and type-check against the
/// section-3 schema.
macro_rules! accepts {
    ($($name:ident: $body:expr;)*) => {$(
        #[test]
        fn $name() {
            let policy = format!(
                "let sensitive_classes = [\"sensitive\", \"important\"]\nrule {} {{\n{}\n}}\n",
                stringify!($name),
                $body
            );
            let c = expect_ok_with_schema(&policy);
            assert!(c.rule(stringify!($name)).is_some());
        }
    )*};
}

accepts! {
    expr_text_literal: r#"for record r  require r.title != "text""#;
    expr_int_literal: "for destruction d  require len(d.witnesses) >= 42";
    expr_decimal_literal: "for record r  require 3.5 > 1.25";
    expr_bool_literals: "for record r  require r.legal_hold == false or r.personal_info == true";
    expr_date_literal: "for record r  require r.created >= 2026-01-01";
    expr_datetime_with_offset: "for access a  require a.at >= 2026-01-01T09:30:00+08:00";
    expr_datetime_zulu: "for access a  require a.at < 2026-01-01T01:30:00Z";
    expr_datetime_negative_offset: "for access a  require a.at != 2026-01-01T01:30:00-05:00";
    expr_datetime_fractional_seconds: "for access a  require a.at != 2026-01-01T01:30:00.250Z";
    expr_duration_days: "for record r  require r.created + 30 days <= as_of";
    expr_duration_day_singular: "for record r  require r.created + 1 day <= as_of";
    expr_duration_hours: "for access a  require a.at + 72 hours > a.at";
    expr_duration_weeks: "for record r  require r.created + 2 weeks <= as_of";
    expr_duration_months: "for record r  require r.created + 6 months <= as_of";
    expr_duration_years: "for record r  require r.created + 10 years <= as_of";
    expr_duration_singular_units: "for record r  require r.created + 1 year + 1 month + 1 week <= as_of";
    expr_duration_permanent_in_arithmetic: "for record r  require r.created + permanent > as_of";
    expr_duration_permanent_comparison: "for record r  let keep = permanent  require keep > 10 years";
    expr_list_literal: r#"for record r  require r.class in ["sensitive", "important"]"#;
    expr_list_of_ints: "for destruction d  let xs = [1, 2, 3]  require len(d.witnesses) in xs";
    expr_list_trailing_comma: r#"for record r  require r.class in ["sensitive", "important",]"#;
    expr_path_field: r#"for record r  require r.category != """#;
    expr_path_ref_navigation: r#"for access a  require a.record.class == "sensitive""#;
    expr_path_ref_navigation_table: r#"for destruction d  require d.approved_by.role == "archivist""#;
    expr_path_company: r#"for record r  require company.name != """#;
    expr_path_company_optional: "for record r  require company.deregistration_filed is set";
    expr_path_as_of: "for record r  require r.created <= as_of";
    expr_path_implicit_at: "for access a  require date(a.at) <= as_of";
    expr_cmp_eq: r#"for record r  require r.status == "active""#;
    expr_cmp_ne: r#"for record r  require r.status != "destroyed""#;
    expr_cmp_lt: "for record r  require r.created < 2026-01-01";
    expr_cmp_le: "for record r  require r.created <= 2026-01-01";
    expr_cmp_gt: "for destruction d  require len(d.witnesses) > 1";
    expr_cmp_ge: "for destruction d  require len(d.witnesses) >= 2";
    expr_cmp_date_with_datetime: "for access a  require a.at >= a.record.created";
    expr_and_or_not: r#"for record r  require not r.legal_hold and (r.status == "active" or r.personal_info)"#;
    expr_not_not: "for record r  require not not r.legal_hold";
    expr_in: r#"for record r  require r.class in sensitive_classes"#;
    expr_not_in: r#"for record r  require r.status not in ["destroyed", "anonymized"]"#;
    expr_contains_list: r#"for destruction d  require d.witnesses contains "张三""#;
    expr_contains_text: r#"for record r  require r.title contains "合同""#;
    expr_matches: r#"for record r  require r.id matches "^R-[0-9]+$""#;
    expr_matches_unicode: r#"for record r  require r.title matches "^客户.*\\d+$""#;
    expr_is_set: "for access a  require a.purpose is set";
    expr_is_missing: "for record r  require r.subject is missing";
    expr_arith_date_plus_duration: "for record r  let until = r.created + 30 days  require until > r.created";
    expr_arith_datetime_minus_duration: "for access a  require a.at - 72 hours < a.at";
    expr_arith_numbers: "for destruction d  require len(d.witnesses) + 1 - 1 >= 2 * 1 and len(d.witnesses) / 1 >= 2";
    expr_unary_minus: "for destruction d  require len(d.witnesses) > -1";
    expr_within_after_dates: "for record r  require as_of within 10 years after r.created";
    expr_within_before_datetimes: r#"for destruction d
        match access a on a.record == d.record
        require a.at within 30 days before d.at"#;
    expr_within_after_datetimes: r#"for destruction d
        match access a on a.record == d.record
        require a.at within 72 hours after d.at"#;
    expr_fn_len: "for destruction d  require len(d.witnesses) >= 2";
    expr_fn_lower: r#"for record r  require lower(r.category) == "contract""#;
    expr_fn_upper: r#"for record r  require upper(r.category) != "CONTRACT""#;
    expr_fn_date: "for access a  require date(a.at) >= a.record.created";
    expr_fn_year: "for record r  require year(r.created) >= 2000";
    expr_fn_days_between: "for record r  require days_between(r.created, as_of) > 30";
    expr_count: "for record r  require count(destruction d where d.record == r.id) <= 1";
    expr_count_without_where: "for record r  require count(staff s) > 0";
    expr_exists: r#"for record r where r.status == "destroyed"  require exists(destruction d where d.record == r.id)"#;
    expr_not_exists: "for record r  require not exists(access a where a.record == r.id and a.purpose is missing)";
    expr_message_holes: r#"for destruction d  require len(d.witnesses) >= 2 else "{d.record}: {{literal}} {len(d.witnesses)} 人, by {d.approved_by}""#;
    expr_string_escapes: r#"for record r  require r.title != "say \"hi\" \\ back\nslash""#;
    expr_for_company: r#"for company c  require c.credit_code matches "^[0-9A-Z]{18}$""#;
    expr_for_table: "for staff s  require s.authorized_to is missing or s.authorized_to >= s.authorized_from";
    expr_let_chain: "for record r  let a = r.created  let b = a + 1 year  require b > a";
    expr_parenthesised: "for record r  require ((r.created + 1 day) > r.created)";
}

// ---------------------------------------------------------------------------
// Message holes: braces
// ---------------------------------------------------------------------------

fn parse_one_rule(text: &str) -> custodia::syntax::ast::Rule {
    let (ast, errs) = custodia::syntax::parse_file(text, FileId(0));
    assert!(errs.is_empty(), "syntax errors: {errs:?}");
    ast.items
        .into_iter()
        .find_map(|i| match i {
            Item::Rule(r) => Some(*r),
            _ => None,
        })
        .expect("a rule")
}

#[test]
fn message_double_braces_are_literal() {
    let r = parse_one_rule(
        r#"rule m { for destruction d  require len(d.witnesses) >= 2 else "{{x}} {len(d.witnesses)} }} {d.place}" }"#,
    );
    let ClauseKind::Require {
        message: Some(m), ..
    } = &r.clauses[0].kind
    else {
        panic!("require with message")
    };
    // One text for every language: the form these messages are written in.
    let m = m.any.as_ref().expect("an untagged message");
    let text: String = m
        .parts
        .iter()
        .map(|p| match p {
            MessagePart::Text(t) => t.clone(),
            MessagePart::Hole(_) => "<hole>".into(),
        })
        .collect();
    assert_eq!(text, "{x} <hole> } <hole>");
    let holes = m
        .parts
        .iter()
        .filter(|p| matches!(p, MessagePart::Hole(_)))
        .count();
    assert_eq!(holes, 2);
}

#[test]
fn message_hole_spans_point_into_the_file() {
    let text = r#"rule m { for destruction d  require d.place != "" else "地点 {d.place} 缺失" }"#;
    let r = parse_one_rule(text);
    let ClauseKind::Require {
        message: Some(m), ..
    } = &r.clauses[0].kind
    else {
        panic!("require with message")
    };
    // One text for every language: the form these messages are written in.
    let m = m.any.as_ref().expect("an untagged message");
    let hole = m
        .parts
        .iter()
        .find_map(|p| match p {
            MessagePart::Hole(e) => Some(e),
            _ => None,
        })
        .expect("hole");
    assert_eq!(
        &text[hole.span.start as usize..hole.span.end as usize],
        "d.place"
    );
}

// ---------------------------------------------------------------------------
// Precedence
// ---------------------------------------------------------------------------

fn require_expr(cond: &str) -> custodia::syntax::ast::Expr {
    let r = parse_one_rule(&format!("rule p {{ for record r  require {cond} }}"));
    match &r.clauses[0].kind {
        ClauseKind::Require { cond, .. } => cond.clone(),
        k => panic!("expected require, got {k:?}"),
    }
}

#[test]
fn precedence_not_binds_tighter_than_or() {
    // `not a or b` is `(not a) or b`
    let e = require_expr("not r.legal_hold or r.personal_info");
    let ExprKind::Binary(BinaryOp::Or, l, r) = &e.node else {
        panic!("top is or: {e:?}")
    };
    assert!(matches!(l.node, ExprKind::Unary(UnaryOp::Not, _)), "{l:?}");
    assert!(matches!(r.node, ExprKind::Field(..)), "{r:?}");
}

#[test]
fn precedence_not_is_looser_than_comparison() {
    // `not x == y` is `not (x == y)`
    let e = require_expr(r#"not r.status == "active""#);
    let ExprKind::Unary(UnaryOp::Not, inner) = &e.node else {
        panic!("top is not: {e:?}")
    };
    assert!(
        matches!(inner.node, ExprKind::Binary(BinaryOp::Eq, ..)),
        "{inner:?}"
    );
}

#[test]
fn precedence_and_binds_tighter_than_or() {
    // `a or b and c` is `a or (b and c)`
    let e = require_expr("r.legal_hold or r.personal_info and r.legal_hold");
    let ExprKind::Binary(BinaryOp::Or, _, r) = &e.node else {
        panic!("top is or: {e:?}")
    };
    assert!(
        matches!(r.node, ExprKind::Binary(BinaryOp::And, ..)),
        "{r:?}"
    );
    // `a and b or c` is `(a and b) or c`
    let e = require_expr("r.legal_hold and r.personal_info or r.legal_hold");
    let ExprKind::Binary(BinaryOp::Or, l, _) = &e.node else {
        panic!("top is or: {e:?}")
    };
    assert!(
        matches!(l.node, ExprKind::Binary(BinaryOp::And, ..)),
        "{l:?}"
    );
}

#[test]
fn precedence_arithmetic_inside_comparison() {
    // `r.created + 30 days <= as_of` is `(r.created + 30 days) <= as_of`
    let e = require_expr("r.created + 30 days <= as_of");
    let ExprKind::Binary(BinaryOp::Le, l, _) = &e.node else {
        panic!("top is <=: {e:?}")
    };
    assert!(
        matches!(l.node, ExprKind::Binary(BinaryOp::Add, ..)),
        "{l:?}"
    );
}

#[test]
fn precedence_mul_over_add_and_left_assoc() {
    // `1 + 2 * 3 == 7`
    let e = require_expr("1 + 2 * 3 == 7");
    let ExprKind::Binary(BinaryOp::Eq, l, _) = &e.node else {
        panic!("top is ==: {e:?}")
    };
    let ExprKind::Binary(BinaryOp::Add, _, m) = &l.node else {
        panic!("+ : {l:?}")
    };
    assert!(
        matches!(m.node, ExprKind::Binary(BinaryOp::Mul, ..)),
        "{m:?}"
    );
    // `10 - 2 - 3` is `(10 - 2) - 3`
    let e = require_expr("10 - 2 - 3 == 5");
    let ExprKind::Binary(BinaryOp::Eq, l, _) = &e.node else {
        panic!("top is ==: {e:?}")
    };
    let ExprKind::Binary(BinaryOp::Sub, ll, _) = &l.node else {
        panic!("- : {l:?}")
    };
    assert!(
        matches!(ll.node, ExprKind::Binary(BinaryOp::Sub, ..)),
        "{ll:?}"
    );
}

#[test]
fn precedence_in_and_within_bind_looser_than_arithmetic() {
    let e = require_expr(
        "r.class not in sensitive_classes and r.created + 1 day within 2 days after r.created",
    );
    let ExprKind::Binary(BinaryOp::And, l, r) = &e.node else {
        panic!("top is and: {e:?}")
    };
    assert!(
        matches!(l.node, ExprKind::In { negated: true, .. }),
        "{l:?}"
    );
    let ExprKind::Within {
        value, after: true, ..
    } = &r.node
    else {
        panic!("within: {r:?}")
    };
    assert!(
        matches!(value.node, ExprKind::Binary(BinaryOp::Add, ..)),
        "{value:?}"
    );
}

#[test]
fn precedence_not_before_is() {
    // `not x is set` is `not (x is set)`
    let e = require_expr("not r.subject is set");
    let ExprKind::Unary(UnaryOp::Not, inner) = &e.node else {
        panic!("top is not: {e:?}")
    };
    assert!(
        matches!(inner.node, ExprKind::Is { set: true, .. }),
        "{inner:?}"
    );
}

#[test]
fn precedence_postfix_field_binds_tightest() {
    // `a.record.class` is `(a.record).class`
    let e = require_expr("r.id.x == 1");
    let ExprKind::Binary(BinaryOp::Eq, l, _) = &e.node else {
        panic!()
    };
    let ExprKind::Field(inner, f) = &l.node else {
        panic!("{l:?}")
    };
    assert_eq!(f.node, "x");
    assert!(matches!(inner.node, ExprKind::Field(..)), "{inner:?}");
}

// ---------------------------------------------------------------------------
// Contextual keywords
// ---------------------------------------------------------------------------

#[test]
fn keywords_as_field_names_and_event_kinds() {
    // `d.record`, `a.at`, `for access a` (a rule-kind word naming an event kind)
    let policy = r#"
access kw_fields {
  for access a
  match destruction d on d.record == a.record
  require d.at >= a.at
}
"#;
    expect_ok_with_schema(policy);
}

#[test]
fn any_identifier_may_be_a_field_name_after_dot() {
    let policy = r#"
schema {
  table words {
    id: id
    where: text
    match: text?
    for: int
    rule: text
    on: date?
    not: bool = false
  }
}
rule kw_more {
  for words w
  require w.where != "" and w.match is set and w.for > 0 and w.rule == "x" and w.on is missing and w.not == false
}
"#;
    let schema = spec_schema();
    expect_ok(&[("schema.policy", schema.as_str()), ("rules.policy", policy)]);
}

#[test]
fn rule_kind_words_name_event_kinds() {
    let policy = r#"
schema {
  event notification { record: ref record  channel: text }
  event retention { record: ref record }
}
notification notified {
  for notification n
  require n.channel != ""
}
retention retained {
  for record r
  require exists(retention x where x.record == r.id)
}
"#;
    let schema = spec_schema();
    expect_ok(&[("schema.policy", schema.as_str()), ("rules.policy", policy)]);
}

#[test]
fn keyword_prefixed_identifiers_are_identifiers() {
    // `format`, `order`, `notes` start with keywords (`for`, `or`, `not`)
    let policy = r#"
rule names {
  for record r
  let format = r.title
  let order = 1
  let notes = r.legal_hold
  let index = 2
  require format != "" and order < index or notes
}
"#;
    expect_ok_with_schema(policy);
}

// ---------------------------------------------------------------------------
// UTF-8 and comments
// ---------------------------------------------------------------------------

#[test]
fn utf8_strings_everywhere() {
    let policy = r#"
policy "注销" { owner "合规部" description "客户资料 — 公司注销" }
rule 中文检查_ascii_name {
  title "客户资料须有标题"
  cite "《个人信息保护法》第四十七条"
  help "请补充标题。"
  tags ["个人信息", "留存"]
  for record r where r.category == "合同"
  require r.title != "" and r.title contains "客户" else "记录 {r.id}（{r.title}）缺少标题"
}
waive 中文检查_ascii_name for "档案-001" until 2027-01-31 because "档案已找回" by "李伟"
test "中文测试" {
  given record { id: "档案-001", title: "客户", class: "general", category: "合同",
                 created: 2020-01-01, status: "active" }
  expect 中文检查_ascii_name passes
}
"#;
    // Names may be Chinese since issue 13 (spec section 10: Unicode
    // identifiers are recorded in docs/language.md).
    let c = expect_ok_with_schema(policy);
    let r = c.rule("中文检查_ascii_name").expect("rule");
    assert_eq!(r.title.as_deref(), Some("客户资料须有标题"));
    assert_eq!(r.tags, vec!["个人信息".to_string(), "留存".to_string()]);
    assert_eq!(c.waivers[0].subject.node, "档案-001");
    assert_eq!(c.tests[0].name.node, "中文测试");
    assert_eq!(c.header.expect("header").name.node, "注销");
}

#[test]
fn unicode_identifiers_follow_xid_and_others_are_rejected() {
    // The spec's NAME was `[A-Za-z_][A-Za-z0-9_]*`; issue 13 widened it to
    // Unicode names (XID_Start or `_`, then XID_Continue), see
    // docs/language.md. A name still cannot start with a digit, and the
    // full-width forms of ASCII are not name characters.
    let schema = spec_schema();
    let ok = check(&[
        ("schema.policy", schema.as_str()),
        (
            "rules.policy",
            "rule 规则 { for record 档 require 档.title != \"\" }",
        ),
    ]);
    assert!(ok.is_ok(), "a Chinese rule and variable name");
    for bad in [
        "rule 1规则 { for record r  require true }",
        "rule ｒ { for record r  require true }",
    ] {
        let err = check(&[("schema.policy", schema.as_str()), ("rules.policy", bad)])
            .expect_err("not a name");
        assert_eq!(err.1[0].code(), "custodia::syntax::parse", "{bad}");
    }
}

#[test]
fn comments_are_ignored() {
    let policy = "// leading comment with \"quote\" and { brace\n\
rule commented { // after the brace\n\
  title \"has // no comment inside a string\" // but one after it\n\
  // a whole-line comment: require nonsense(\n\
  for record r // after for\n\
    where r.status == \"destroyed\" // 注释\n\
  require r.legal_hold == false // trailing\n\
}\n\
// last line without newline";
    let c = expect_ok_with_schema(policy);
    let r = c.rule("commented").expect("rule");
    assert_eq!(
        r.title.as_deref(),
        Some("has // no comment inside a string")
    );
    assert_eq!(r.clauses.len(), 1);
}

/// The Debug form of an AST with every span blanked out.
fn without_spans(debug: &str) -> String {
    let re =
        regex::Regex::new(r"Span \{ file: FileId\(\d+\), start: \d+, end: \d+ \}").expect("regex");
    re.replace_all(debug, "Span").into_owned()
}

#[test]
fn whitespace_is_insignificant() {
    let one_line = r#"rule w { for record r where r.status=="destroyed" require r.legal_hold==false else "x" }"#;
    let spread = "rule\n  w\n{\n\tfor\n record\n r\n where\n r.status\n ==\n \"destroyed\"\r\n require r.legal_hold\n==\nfalse\nelse\n\"x\"\n}\n";
    let a = without_spans(&format!("{:?}", parse_one_rule(one_line)));
    let b = without_spans(&format!("{:?}", parse_one_rule(spread)));
    assert_eq!(a, b, "same AST regardless of layout");
    expect_ok_with_schema(one_line);
    expect_ok_with_schema(spread);
}

#[test]
fn schema_blocks_merge_and_extend() {
    let extra = r#"
schema {
  extend record { retention_code: text? }
  extend event access { channel: one of "web", "desk" = "web" }
  table retention_schedule { id: id  period: duration }
}
schema {
  company_extra_placeholder_table: text
}
"#;
    // (the second block above is not valid; use only the first)
    let extra = extra
        .split("schema {\n  company_extra")
        .next()
        .expect("first part");
    let rules = r#"
retention uses_extensions {
  for record r where r.retention_code is set
  match retention_schedule s on s.id == r.retention_code
  require r.created + s.period <= as_of
}
access uses_extension {
  for access a
  require a.channel == "web"
}
"#;
    let schema = spec_schema();
    expect_ok(&[
        ("schema.policy", schema.as_str()),
        ("extra.policy", extra),
        ("rules.policy", rules),
    ]);
}

#[test]
fn pii_fields_and_defaults() {
    let policy = r#"
schema {
  extend record { phone: text? pii  copies: int = 1 }
}
rule pii_ok { for record r  require r.phone is missing or r.copies >= 1 }
"#;
    expect_ok_with_schema(policy);
}

#[test]
fn standard_schema_is_added_when_no_record_is_declared() {
    let c = expect_ok(&[(
        "rules.policy",
        r#"rule std_only { for record r where r.class == "sensitive"  require r.legal_hold == false }"#,
    )]);
    assert!(c.rule("std_only").is_some());
    assert!(
        c.sources
            .files()
            .any(|(_, f)| f.path.contains("std/schema.policy")),
        "standard schema file is part of the sources"
    );
}

#[test]
fn datetime_literals_keep_their_offset() {
    // `2026-01-01T09:30:00+08:00` and `2026-01-01T01:30:00Z` are one instant.
    let e = require_expr("2026-01-01T09:30:00+08:00 == 2026-01-01T01:30:00Z");
    let ExprKind::Binary(BinaryOp::Eq, l, r) = &e.node else {
        panic!("==: {e:?}")
    };
    let (ExprKind::Literal(a), ExprKind::Literal(b)) = (&l.node, &r.node) else {
        panic!("{e:?}")
    };
    assert_eq!(a, b);
    let custodia::syntax::ast::Literal::DateTime(t) = a else {
        panic!("datetime: {a:?}")
    };
    assert_eq!(t.to_string(), "2026-01-01T01:30:00Z");
}

#[test]
fn duration_literals() {
    use custodia::syntax::ast::{Duration, Literal};
    let lit = |src: &str| -> Literal {
        let e = require_expr(&format!("r.created + {src} > r.created"));
        let ExprKind::Binary(BinaryOp::Gt, l, _) = &e.node else {
            panic!("{e:?}")
        };
        let ExprKind::Binary(BinaryOp::Add, _, d) = &l.node else {
            panic!("{l:?}")
        };
        let ExprKind::Literal(lit) = &d.node else {
            panic!("{d:?}")
        };
        lit.clone()
    };
    let span = |months, days, seconds| {
        Literal::Duration(Duration::Span {
            months,
            days,
            seconds,
        })
    };
    assert_eq!(lit("30 days"), span(0, 30, 0));
    assert_eq!(lit("1 day"), span(0, 1, 0));
    assert_eq!(lit("72 hours"), span(0, 0, 72 * 3600));
    assert_eq!(lit("2 weeks"), span(0, 14, 0));
    assert_eq!(lit("6 months"), span(6, 0, 0));
    assert_eq!(lit("10 years"), span(120, 0, 0));
    assert_eq!(lit("permanent"), Literal::Duration(Duration::Permanent));
    assert!(
        Duration::Permanent.approx_seconds()
            > Duration::Span {
                months: 12 * 1000,
                days: 0,
                seconds: 0
            }
            .approx_seconds()
    );
}
