//! The TextMate grammar under editors/ stays in step with the language:
//! valid JSON, every keyword of grammar/policy.pest and every built-in
//! function highlighted, patterns that compile, literals that match.

use std::path::PathBuf;

use serde_json::Value;

fn read(path: &str) -> String {
    std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path))
        .unwrap_or_else(|e| panic!("read {path}: {e}"))
}

fn grammar() -> Value {
    serde_json::from_str(&read("editors/vscode/syntaxes/policy.tmLanguage.json"))
        .expect("the grammar is valid JSON")
}

/// Every `match`, `begin` and `end` pattern of the grammar.
fn patterns(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                match (k.as_str(), x) {
                    ("match" | "begin" | "end", Value::String(s)) => out.push(s.clone()),
                    _ => patterns(x, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|x| patterns(x, out)),
        _ => {}
    }
}

fn all_patterns() -> Vec<String> {
    let mut out = Vec::new();
    patterns(&grammar(), &mut out);
    out
}

/// Whether `word` is one alternative of some pattern.
fn highlighted(word: &str, pats: &[String]) -> bool {
    pats.iter().any(|p| {
        ["(", "|"].iter().any(|before| {
            [")", "|"]
                .iter()
                .any(|after| p.contains(&format!("{before}{word}{after}")))
        }) || p.contains(&format!("\\b{word}\\b"))
    })
}

#[test]
fn package_points_at_the_grammar() {
    let package: Value = serde_json::from_str(&read("editors/vscode/package.json")).expect("json");
    let g = &package["contributes"]["grammars"][0];
    assert_eq!(g["scopeName"], grammar()["scopeName"]);
    assert_eq!(g["path"], "./syntaxes/policy.tmLanguage.json");
    assert_eq!(
        package["contributes"]["languages"][0]["extensions"][0],
        ".policy"
    );
    let _: Value = serde_json::from_str(&read("editors/vscode/language-configuration.json"))
        .expect("the language configuration is valid JSON");
}

#[test]
fn every_keyword_and_builtin_is_highlighted() {
    let pest = read("grammar/policy.pest");
    let keyword = regex::Regex::new(r#"(?m)^k_(\w+)\s*="#).expect("pattern");
    let mut words: Vec<String> = keyword
        .captures_iter(&pest)
        .map(|c| c[1].to_string())
        .collect();
    assert!(words.len() > 30, "{words:?}");
    words.extend(
        [
            "retention",
            "access",
            "destruction",
            "notification",
            "rule",
            "true",
            "false",
            "permanent",
        ]
        .map(String::from),
    );
    words.extend(
        custodia::check::ir::Func::ALL
            .iter()
            .map(|(n, ..)| n.to_string()),
    );
    words.extend(
        [
            "count", "exists", "and", "or", "not", "set", "missing", "after", "before",
        ]
        .map(String::from),
    );
    let pats = all_patterns();
    let missing: Vec<&String> = words.iter().filter(|w| !highlighted(w, &pats)).collect();
    assert!(missing.is_empty(), "not highlighted: {missing:?}");
}

#[test]
fn patterns_compile_and_literals_match() {
    for p in all_patterns() {
        // Lookarounds are Oniguruma-only; the rest must be a valid regex.
        if p.contains("(?=") || p.contains("(?!") || p.contains("(?<") {
            continue;
        }
        regex::Regex::new(&p).unwrap_or_else(|e| panic!("{p}: {e}"));
    }
    let find = |name: &str| -> regex::Regex {
        let pats = grammar()["repository"]["literals"]["patterns"].clone();
        let p = pats
            .as_array()
            .expect("literal patterns")
            .iter()
            .find(|x| x["name"].as_str().is_some_and(|n| n.contains(name)))
            .and_then(|x| x["match"].as_str().map(String::from))
            .expect("a literal pattern");
        regex::Regex::new(&p).expect("compiles")
    };
    assert!(find("datetime").is_match("2026-03-01T10:00:00+08:00"));
    assert!(find("date.").is_match("2026-03-01"));
    assert!(find("duration").is_match("30 days"));
    assert!(find("duration").is_match("permanent"));
}

#[test]
fn names_may_be_chinese() {
    // Names are Unicode (docs/language.md): a Chinese rule, collection,
    // variable or field is highlighted as an ASCII one is.
    let g = grammar();
    let pattern = |path: &[&str]| -> regex::Regex {
        let mut v = &g["repository"];
        for p in path {
            v = if let Ok(i) = p.parse::<usize>() {
                &v[i]
            } else {
                &v[*p]
            };
        }
        regex::Regex::new(v.as_str().expect("a pattern")).expect("compiles")
    };
    let binding = pattern(&["binding", "match"]);
    let c = binding
        .captures("  for 销毁 记录 where")
        .expect("matches a Chinese binding");
    assert_eq!((&c[2], &c[3]), ("销毁", "记录"));
    let field = pattern(&["fields", "patterns", "0", "match"]);
    assert_eq!(
        &field.captures("档.保管期限 >=").expect("a field")[1],
        "保管期限"
    );
    let head = pattern(&["collection-head", "match"]);
    assert_eq!(&head.captures("event 销毁 {").expect("a head")[2], "销毁");
    // A keyword is a whole word: `for档` is a name.
    assert!(!binding.is_match("for档 record r"));
}
