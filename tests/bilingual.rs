//! Policies in two languages (issue 14, item 2): the `zh "…" en "…"` texts
//! of titles, help and messages, enum labels, the checker's hole
//! comparison, and the shipped packs and standard schema in both languages.

#[path = "spec/common.rs"]
mod common;

use std::path::Path;

use common::*;
use custodia::cli::app::policy_error_text;
use custodia::i18n::Lang;
use custodia::syntax::ast::{Expr, Item, Message, MessagePart, Messages, Rule, TypeExpr};
use custodia::syntax::localized::Localized;
use custodia::syntax::span::FileId;

const RULE: &str = r#"
rule titled {
  title zh "资料须有题名"
        en "Records have a title"
  help zh "在目录中补录题名。"
       en "Enter the title in the catalogue."
  for record r
  require r.title != ""
        else zh "{r.id}（{r.class}）没有题名"
             en "{r.id} ({r.class}) has no title"
}
"#;

fn parse_rule(text: &str) -> Rule {
    let (ast, errors) = custodia::syntax::parse_file(text, FileId(0));
    assert!(errors.is_empty(), "{errors:?}");
    ast.items
        .into_iter()
        .find_map(|i| match i {
            Item::Rule(r) => Some(*r),
            _ => None,
        })
        .expect("a rule")
}

fn message(m: &Option<Messages>, lang: Lang) -> String {
    let m = m.as_ref().and_then(|m| m.get(lang)).expect("a message");
    m.parts
        .iter()
        .map(|p| match p {
            MessagePart::Text(t) => t.clone(),
            MessagePart::Hole(_) => "{}".into(),
        })
        .collect()
}

#[test]
fn a_rule_carries_each_text_in_both_languages() {
    let rule = parse_rule(RULE);
    let title = rule.title.expect("a title");
    assert_eq!(
        title.zh.as_ref().map(|t| t.node.as_str()),
        Some("资料须有题名")
    );
    assert_eq!(
        title.en.as_ref().map(|t| t.node.as_str()),
        Some("Records have a title")
    );
    assert!(title.any.is_none());
    let help = rule.help.expect("help");
    assert_eq!(
        help.get(Lang::Zh).map(|t| t.node.as_str()),
        Some("在目录中补录题名。")
    );
    let custodia::syntax::ast::ClauseKind::Require { message: m, .. } = &rule.clauses[0].kind
    else {
        panic!("a require")
    };
    assert_eq!(message(m, Lang::Zh), "{}（{}）没有题名");
    assert_eq!(message(m, Lang::En), "{} ({}) has no title");
}

#[test]
fn a_text_without_a_tag_means_what_it_meant_before() {
    let rule = parse_rule(
        "rule r {\n  title \"T\"\n  help \"H\"\n  for record r\n  require true else \"m {r.id}\"\n}\n",
    );
    let title = rule.title.expect("a title");
    assert_eq!(title.any.as_ref().map(|t| t.node.as_str()), Some("T"));
    for lang in Lang::ALL {
        assert_eq!(title.get(lang).map(|t| t.node.as_str()), Some("T"));
    }
    let custodia::syntax::ast::ClauseKind::Require { message: m, .. } = &rule.clauses[0].kind
    else {
        panic!("a require")
    };
    assert_eq!(message(m, Lang::Zh), "m {}");
    assert_eq!(message(m, Lang::En), "m {}");
}

#[test]
fn the_order_of_the_languages_is_free() {
    let en_first =
        parse_rule("rule r {\n  title en \"T\" zh \"题\"\n  for record r\n  require true\n}\n");
    let zh_first = parse_rule(
        "rule r {\n  title zh \"题\"\n        en \"T\"\n  for record r\n  require true\n}\n",
    );
    assert_eq!(en_first.title, zh_first.title);
    assert!(en_first
        .title
        .is_some_and(|t| t.zh.is_some() && t.en.is_some()));
}

#[test]
fn a_missing_language_falls_back_to_the_other() {
    let rule = parse_rule("rule r {\n  title zh \"题\"\n  for record r\n  require true\n}\n");
    let title = rule.title.expect("a title");
    assert_eq!(title.get(Lang::En).map(|t| t.node.as_str()), Some("题"));
    assert!(title.written_for(Lang::En).is_none());
}

#[test]
fn enum_values_carry_labels() {
    let (ast, errors) = custodia::syntax::parse_file(
        "schema { record { id: id  class: one of \"general\" zh \"一般\", \"sensitive\" \"敏感\", \"x\"? } }",
        FileId(0),
    );
    assert!(errors.is_empty(), "{errors:?}");
    let Item::Schema(colls) = &ast.items[0] else {
        panic!("a schema")
    };
    let TypeExpr::OneOf(values) = &colls[0].fields[1].ty.node else {
        panic!("an enum")
    };
    assert_eq!(values[0].code, "general");
    assert_eq!(values[0].label.zh.as_deref(), Some("一般"));
    assert_eq!(values[1].label.any.as_deref(), Some("敏感"));
    assert!(values[2].label.is_empty());
    assert!(colls[0].fields[1].optional);
}

/// The diagnostics of a policy that must not load, as the user sees them.
fn diagnostics(policy: &str) -> String {
    match check_with_schema(policy) {
        Ok(_) => panic!("expected errors"),
        Err((sources, errors)) => policy_error_text(&sources, &errors, false),
    }
}

#[test]
fn mistakes_in_the_language_tags_are_syntax_errors_at_the_text() {
    let text = diagnostics(
        r#"rule r {
  title fr "x" en "y"
  help zh "a" zh "b"
  for record r
  require true
        else "untagged" en "tagged"
}
"#,
    );
    assert!(text.contains("unknown language `fr`"), "{text}");
    assert!(text.contains("a second `zh` text"), "{text}");
    assert!(
        text.contains("a text without a language beside others"),
        "{text}"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn a_hole_in_one_language_only_is_an_error_at_its_message() {
    let text = diagnostics(
        r#"rule r {
  for record r
  require r.title != ""
        else zh "{r.id}没有题名"
             en "{r.id} ({r.class}) has no title"
}
"#,
    );
    assert!(text.contains("custodia::check::message_holes"), "{text}");
    assert!(
        text.contains("the `en` message fills a hole that the `zh` message does not"),
        "{text}"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn holes_may_come_in_another_order_and_layout() {
    let ok = check_with_schema(
        r#"rule r {
  for record r
  require r.title != ""
        else zh "{r.class}资料{ r.id }没有题名，{r.id}"
             en "{r.id} ({r.class}) has no title"
}
"#,
    );
    assert!(ok.is_ok(), "{:?}", ok.err().map(|e| e.1));
}

#[test]
fn the_report_takes_the_language_it_is_localized_to() {
    let mut checked = expect_ok(&[
        ("schema.policy", spec_schema().as_str()),
        ("rules.policy", RULE),
    ]);
    checked.localize(Lang::Zh);
    let rule = checked.rule("titled").expect("the rule");
    assert_eq!(rule.title.as_deref(), Some("资料须有题名"));
    assert_eq!(rule.help.as_deref(), Some("在目录中补录题名。"));
    checked.localize(Lang::En);
    let rule = checked.rule("titled").expect("the rule");
    assert_eq!(rule.title.as_deref(), Some("Records have a title"));
}

// ---------------------------------------------------------------------------
// The shipped packs and the standard schema
// ---------------------------------------------------------------------------

fn policy_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read a directory") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            out.extend(policy_files(&path));
        } else if path.extension().is_some_and(|e| e == "policy") {
            out.push(path);
        }
    }
    out.sort();
    out
}

fn holes(m: &Message) -> Vec<Expr> {
    m.parts
        .iter()
        .filter_map(|p| match p {
            MessagePart::Hole(e) => Some(e.clone()),
            MessagePart::Text(_) => None,
        })
        .collect()
}

/// What is not in both languages in `texts`, by its name.
fn one_language<T>(what: &str, texts: &Localized<T>, out: &mut Vec<String>) {
    if texts.zh.is_none() || texts.en.is_none() {
        out.push(format!("{what} is not in both zh and en"));
    }
}

fn rule_gaps(rule: &Rule) -> Vec<String> {
    let mut gaps = Vec::new();
    match &rule.title {
        Some(t) => one_language("title", t, &mut gaps),
        None => gaps.push("no title".into()),
    }
    match &rule.help {
        Some(h) => one_language("help", h, &mut gaps),
        None => gaps.push("no help".into()),
    }
    for (i, clause) in rule.clauses.iter().enumerate() {
        use custodia::syntax::ast::ClauseKind::*;
        let (Require { message, .. } | Match { message, .. } | Forbid { message, .. }) =
            &clause.kind
        else {
            continue;
        };
        let Some(m) = message else { continue };
        one_language(&format!("the message of clause {}", i + 1), m, &mut gaps);
        if let (Some(zh), Some(en)) = (&m.zh, &m.en) {
            let (zh, en) = (holes(zh), holes(en));
            if zh.iter().any(|h| !en.contains(h)) || en.iter().any(|h| !zh.contains(h)) {
                gaps.push(format!(
                    "the message of clause {} has other holes in zh and en",
                    i + 1
                ));
            }
        }
    }
    gaps
}

#[test]
fn every_rule_of_every_shipped_pack_speaks_both_languages() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut gaps = Vec::new();
    let mut rules = 0;
    for path in policy_files(&root.join("policies")) {
        let text = std::fs::read_to_string(&path).expect("read a pack");
        let (ast, errors) = custodia::syntax::parse_file(&text, FileId(0));
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
        for item in &ast.items {
            if let Item::Rule(rule) = item {
                rules += 1;
                for gap in rule_gaps(rule) {
                    gaps.push(format!("{}: {}: {gap}", path.display(), rule.name.node));
                }
            }
        }
    }
    assert!(rules >= 60, "only {rules} pack rules found");
    assert!(gaps.is_empty(), "{}", gaps.join("\n"));
}

#[test]
fn every_enum_value_of_the_standard_schema_has_a_chinese_label() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("policies/std/schema.policy")).expect("read");
    let (ast, errors) = custodia::syntax::parse_file(&text, FileId(0));
    assert!(errors.is_empty(), "{errors:?}");
    let mut missing = Vec::new();
    let mut values = 0;
    for item in &ast.items {
        let Item::Schema(colls) = item else { continue };
        for c in colls {
            for f in &c.fields {
                let TypeExpr::OneOf(vs) = &f.ty.node else {
                    continue;
                };
                for v in vs {
                    values += 1;
                    if v.label.written_for(Lang::Zh).is_none() {
                        missing.push(format!(
                            "{}.{} \"{}\"",
                            c.head.node.name(),
                            f.name.node,
                            v.code
                        ));
                    }
                }
            }
        }
    }
    assert!(values > 50, "only {values} enum values found");
    assert!(
        missing.is_empty(),
        "no Chinese label: {}",
        missing.join(", ")
    );
}

// ---------------------------------------------------------------------------
// A case checked in each language
// ---------------------------------------------------------------------------

/// `custodia check` of the acme example with the locale naming `lang`
/// (until `--lang` is connected, the locale chooses).
fn acme(locale: &str, format: &str) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_custodia"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["check", "examples/acme-deregistration", "--format", format])
        .env("NO_COLOR", "1")
        .env("LC_ALL", locale)
        .output()
        .expect("run custodia");
    // 2: the example's own `record` schema leaves the statute packs out
    // (docs/reports.md, "Statute packs left out by custodia.yaml").
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn acme_in_chinese_shows_chinese_titles_messages_and_labels() {
    let markdown = acme("zh_CN.UTF-8", "markdown");
    // A title, a message with its holes, and enum values by their labels
    // (`crypto_erase`, `archived`).
    assert!(
        markdown.contains("销毁的资料须有完整的销毁记录"),
        "{markdown}"
    );
    assert!(
        markdown.contains("R-1007销毁时仅有1名监销人；至少须两名"),
        "{markdown}"
    );
    assert!(markdown.contains("被销毁（加密擦除）"), "{markdown}");
    assert!(markdown.contains("（状态：已归档）"), "{markdown}");
    insta::assert_snapshot!("acme_zh_markdown", markdown);
    let human = acme("zh_CN.UTF-8", "human");
    insta::assert_snapshot!("acme_zh_human", human);
}

#[test]
fn acme_in_english_shows_english_titles_and_codes() {
    let markdown = acme("C", "markdown");
    assert!(
        markdown.contains("Every destroyed record has a complete destruction record"),
        "{markdown}"
    );
    assert!(markdown.contains("(crypto_erase)"), "{markdown}");
    assert!(
        !markdown.contains("销毁的资料须有完整的销毁记录"),
        "{markdown}"
    );
    insta::assert_snapshot!("acme_en_markdown", markdown);
}

// ---------------------------------------------------------------------------
// Labels in a checked case
// ---------------------------------------------------------------------------

#[path = "common/mod.rs"]
mod case;

/// A label shows in a message hole, but never unmasks a `pii` value: the
/// label of a masked enum value would tell what the value is.
#[test]
fn a_label_fills_a_hole_and_a_pii_value_stays_masked() {
    let schema = case::SCHEMA
        .replace(
            r#"class: one of "general", "sensitive", "important""#,
            r#"class: one of "general" "一般", "sensitive" "敏感", "important" "重要" pii"#,
        )
        .replace(
            r#"status: one of "active", "archived", "destroyed""#,
            r#"status: one of "active" zh "在库" en "held", "archived", "destroyed""#,
        );
    let rules = r#"rule shown {
  for record r
  require false else "{r.id} {r.status} {r.class}"
}
"#;
    let run = case::Case::with(
        rules,
        "R1,a,sensitive,,false,2020-01-01,active,false,,,,,\n",
    )
    .file("policies/schema.policy", &schema)
    .run();
    let message = run.json["violations"][0]["message"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(message.starts_with("R1 "), "{message}");
    // `status` has a label in each language; this run's language decides.
    assert!(
        message.contains(" 在库 ") || message.contains(" held "),
        "{message}"
    );
    assert!(
        !message.contains("敏感") && !message.contains("sensitive"),
        "{message}"
    );
}
