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
            // `t!(lang, "id"`: the language expression, a comma, the id.
            let rest = text[at + 3..].trim_start();
            let Some((lang, after)) = rest.split_once(',') else {
                continue;
            };
            let lang_expr = lang
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '.');
            let Some(after) = after.trim_start().strip_prefix('"') else {
                continue;
            };
            if !lang_expr {
                continue;
            }
            let id: String = after.chars().take_while(|c| *c != '"').collect();
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

// ------------------------------------------------------------ choosing the language

fn acme() -> String {
    common::example()
}

#[test]
fn lang_flag_and_manifest_choose_the_language_and_json_says_which() {
    let (_, out, _) = common::custodia(&["check", &acme(), "--format", "json", "--lang", "zh"]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["lang"], "zh-CN");
    assert_eq!(v["verdict"]["text"], "不合规");
    assert_eq!(
        v["verdict"]["result"], "not_compliant",
        "machine values stay"
    );
    let (_, out, _) = common::custodia(&["check", &acme(), "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["lang"], "en", "English without flag, manifest or locale");
    // lang: in custodia.yaml, and --lang over it
    let case = common::Case::with(
        "rule r { severity error for record x require x.id is set }",
        &common::rec("R1", &[]),
    )
    .file("custodia.yaml", "lang: zh\n");
    let dir = case.write();
    let root = dir.path().to_string_lossy().into_owned();
    let (_, out, err) = common::custodia(&["check", &root]);
    assert!(out.contains("结论："), "{out}{err}");
    let (_, out, _) = common::custodia(&["check", &root, "--lang", "en"]);
    assert!(out.contains("verdict: "), "{out}");
}

#[test]
fn a_bad_language_is_refused_naming_it() {
    let (code, _, err) = common::custodia(&["check", &acme(), "--lang", "fr"]);
    assert_eq!(code, 2);
    assert!(err.contains("expected zh or en, found `fr`"), "{err}");
    let case = common::Case::with(
        "rule r { severity error for record x require x.id is set }",
        &common::rec("R1", &[]),
    )
    .file("custodia.yaml", "lang: klingon\n");
    let dir = case.write();
    let (code, out, err) = common::custodia(&["check", &dir.path().to_string_lossy()]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("`lang: klingon` must be zh or en"), "{err}");
    // `explain` reads the same manifest and refuses it the same way,
    // instead of quietly speaking the locale's language.
    let path = dir.path().to_string_lossy().to_string();
    let (code, _, err) = common::custodia(&["explain", "r", &path]);
    assert_eq!(code, 2);
    assert!(err.contains("`lang: klingon` must be zh or en"), "{err}");
}

#[test]
fn the_locale_decides_when_nothing_else_does() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_custodia"))
        .args(["check", &acme()])
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "zh_CN.UTF-8")
        .env("NO_COLOR", "1")
        .output()
        .expect("run custodia");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("结论：不合规"), "{text}");
}

// ------------------------------------------------------------ every format in both languages

const FORMATS: [&str; 8] = [
    "human",
    "json",
    "sarif",
    "junit",
    "github",
    "markdown",
    "html",
    "codequality",
];

fn snapshot_case(name: &str, case: &str) {
    for lang in ["en", "zh"] {
        for format in FORMATS {
            let (_, out, err) =
                common::custodia(&["check", case, "--format", format, "--lang", lang]);
            insta::assert_snapshot!(format!("{name}_{lang}_{format}"), format!("{out}{err}"));
        }
    }
}

#[test]
fn every_format_in_both_languages_on_the_acme_case() {
    snapshot_case("acme", &acme());
}

#[test]
fn every_format_in_both_languages_on_the_shanghai_case() {
    let case = format!(
        "{}/examples/shanghai-deregistration",
        env!("CARGO_MANIFEST_DIR")
    );
    snapshot_case("shanghai", &case);
}

// ------------------------------------------------------------ the terminal report

#[test]
fn the_terminal_report_shows_counts_first_and_at_most_n_findings_per_rule() {
    let (_, out, _) = common::custodia(&["check", &acme(), "--max-per-rule", "1"]);
    assert!(out.starts_with("findings by rule:"), "{out}");
    assert!(
        out.contains(
            "… and 2 more findings of complete_destruction_record (see --format json, or --all)"
        ),
        "{out}"
    );
    let (_, all, _) = common::custodia(&["check", &acme(), "--all"]);
    assert!(!all.contains("more findings of"), "{all}");
    assert!(all.len() > out.len());
}

/// A log not supplied is one finding (its cause), not one per subject.
#[test]
fn a_rule_without_its_data_is_one_finding() {
    let rules = "destruction d { severity error for record r where r.status == \"destroyed\" match destruction x on x.record == r.id }";
    let inventory = [
        common::rec("R1", &[("status", "destroyed")]),
        common::rec("R2", &[("status", "destroyed")]),
        common::rec("R3", &[("status", "destroyed")]),
        common::rec("R4", &[("status", "destroyed")]),
    ]
    .concat();
    let dir = common::Case::with(rules, &inventory).write();
    let (code, out, _) = common::custodia(&["check", &dir.path().to_string_lossy()]);
    assert_eq!(code, 2, "{out}");
    assert_eq!(
        out.matches("not checked: no log `destruction` supplied")
            .count(),
        1,
        "{out}"
    );
    assert!(
        out.contains("its 4 findings all come from the missing data"),
        "{out}"
    );
    assert!(!out.contains("R3"), "no finding per record: {out}");
}

/// `--summary-only`: page one (with the attestation) and no appendix.
#[test]
fn the_summary_only_audit_report_has_page_one_and_no_appendix() {
    let (_, full, _) =
        common::custodia(&["check", &acme(), "--format", "markdown", "--lang", "zh"]);
    let (_, summary, _) = common::custodia(&[
        "check",
        &acme(),
        "--format",
        "markdown",
        "--lang",
        "zh",
        "--summary-only",
    ]);
    for part in [
        "统一社会信用代码",
        "**审核人**",
        "**日期**",
        "**签字**",
        "## 输入文件",
    ] {
        assert!(summary.contains(part), "{part}: {summary}");
    }
    assert!(!summary.contains("附录二"), "{summary}");
    assert!(summary.contains("--summary-only"));
    assert!(full.contains("## 附录二　违规明细（按规则）"));
    // Appendix D in article order: 第十三条 before 第十六条.
    let d = full.split("附录四").nth(1).expect("appendix D");
    let at = |s: &str| d.find(s).unwrap_or_else(|| panic!("{s} in {d}"));
    assert!(at("会计档案管理办法 第十三条") < at("会计档案管理办法 第十六条"));
}
