//! The message catalogue (`i18n/en.ftl`, `i18n/zh.ftl`): every message
//! exists in both languages with the same placeables, every id the source
//! asks for exists, and the language is chosen by flag, manifest and
//! locale.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

type Placeables = BTreeSet<String>;

/// Message id (and `id.attribute`) -> the variables it uses.
fn messages(name: &str, source: &str) -> BTreeMap<String, Placeables> {
    let resource = match fluent_syntax::parser::parse(source) {
        Ok(r) => r,
        Err((_, errors)) => panic!("{name} does not parse: {errors:?}"),
    };
    let mut out = BTreeMap::new();
    for entry in resource.body {
        match entry {
            Entry::Message(m) => {
                let id = m.id.name.to_string();
                let mut vars = Placeables::new();
                if let Some(p) = &m.value {
                    pattern_vars(p, &mut vars);
                }
                for a in &m.attributes {
                    let mut avars = Placeables::new();
                    pattern_vars(&a.value, &mut avars);
                    out.insert(format!("{id}.{}", a.id.name), avars);
                }
                assert!(
                    out.insert(id.clone(), vars).is_none(),
                    "{name}: `{id}` is defined twice"
                );
            }
            Entry::Junk { content } => panic!("{name}: cannot read {content:?}"),
            _ => {}
        }
    }
    out
}

fn pattern_vars(p: &Pattern<&str>, vars: &mut Placeables) {
    for e in &p.elements {
        if let PatternElement::Placeable { expression } = e {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(e: &Expression<&str>, vars: &mut Placeables) {
    match e {
        Expression::Inline(i) => inline_vars(i, vars),
        Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for v in variants {
                pattern_vars(&v.value, vars);
            }
        }
    }
}

fn inline_vars(e: &InlineExpression<&str>, vars: &mut Placeables) {
    match e {
        InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, vars);
            }
        }
        InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        _ => {}
    }
}

fn catalogues() -> (BTreeMap<String, Placeables>, BTreeMap<String, Placeables>) {
    (
        messages("en.ftl", custodia::i18n::catalogue::EN),
        messages("zh.ftl", custodia::i18n::catalogue::ZH),
    )
}

#[test]
fn every_message_exists_in_both_languages_with_the_same_placeables() {
    let (en, zh) = catalogues();
    let only = |a: &BTreeMap<String, Placeables>, b: &BTreeMap<String, Placeables>| {
        a.keys()
            .filter(|k| !b.contains_key(*k))
            .cloned()
            .collect::<Vec<_>>()
    };
    assert_eq!(only(&en, &zh), Vec::<String>::new(), "in en.ftl only");
    assert_eq!(only(&zh, &en), Vec::<String>::new(), "in zh.ftl only");
    let differ: Vec<String> = en
        .iter()
        .filter(|(id, vars)| zh.get(*id) != Some(vars))
        .map(|(id, vars)| format!("{id}: en {vars:?}, zh {:?}", zh.get(id)))
        .collect();
    assert!(
        differ.is_empty(),
        "placeables differ:\n{}",
        differ.join("\n")
    );
}

/// The test above fails on a message in one language only or with other
/// placeables: shown on a small pair of catalogues.
#[test]
fn the_completeness_check_catches_a_missing_message_and_a_changed_placeable() {
    let en = messages("en", "a = one {$n}\nb = two\n");
    let zh = messages("zh", "a = 一 {$m}\n");
    assert!(!zh.contains_key("b"));
    assert_ne!(en.get("a"), zh.get("a"));
}

/// Every `t!(lang, "id"` in the source names a message of the catalogue.
#[test]
fn every_id_the_source_uses_is_in_the_catalogue() {
    let (en, _) = catalogues();
    let src = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
    let mut missing = vec![];
    let mut used = 0;
    for e in walkdir::WalkDir::new(src)
        .into_iter()
        .filter_map(Result::ok)
    {
        if e.path().extension().and_then(|x| x.to_str()) != Some("rs") {
            continue;
        }
        let text = std::fs::read_to_string(e.path()).expect("read source");
        for (at, _) in text.match_indices("t!(") {
            let rest = &text[at..];
            let Some(q) = rest.find('"') else { continue };
            // Only the macro's own calls: `t!(lang, "id"` on one or two lines.
            if rest[..q].contains(';') || rest[..q].len() > 60 {
                continue;
            }
            let id: String = rest[q + 1..].chars().take_while(|c| *c != '"').collect();
            used += 1;
            if !en.contains_key(&id) {
                missing.push(format!("{}: {id}", e.path().display()));
            }
        }
    }
    assert!(used > 50, "found only {used} uses of t!");
    assert!(
        missing.is_empty(),
        "not in the catalogue:\n{}",
        missing.join("\n")
    );
}

/// The Chinese catalogue is Chinese: no message is left in English (a
/// copy of the English text would pass the completeness test).
#[test]
fn no_chinese_message_is_the_english_text() {
    let en = custodia::i18n::Lang::En;
    let zh = custodia::i18n::Lang::Zh;
    let (ids, _) = catalogues();
    let same: Vec<&String> = ids
        .keys()
        .filter(|id| !id.contains('.'))
        .filter(|id| {
            let e = custodia::i18n::catalogue::text(en, id, &[]);
            let z = custodia::i18n::catalogue::text(zh, id, &[]);
            e == z && e.chars().any(|c| c.is_ascii_alphabetic())
        })
        .collect();
    assert!(same.is_empty(), "zh.ftl repeats the English: {same:?}");
}
