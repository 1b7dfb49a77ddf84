//! The policy author's commands in both languages: policy diagnostics
//! (syntax errors, input-method slips, check errors, with their labels and
//! help), `validate`, `test`, `explain` and `fmt`, snapshotted in Chinese
//! beside English. And a guard: the modules whose words moved into the
//! catalogue keep no English sentence of their own.

mod common;

use common::custodia;

const AS_OF: [&str; 2] = ["--as-of", "2026-11-27"];

/// Representative bad policies, each on its own beside the standard schema.
const BAD_POLICIES: [(&str, &str); 8] = [
    (
        "expected_tokens",
        "rule broken {\n  for record r\n  require r.status ==\n}\n",
    ),
    (
        "full_width_quote",
        "rule r {\n  title “销毁记录”\n  for record r\n  require r.id is set\n}\n",
    ),
    (
        "chinese_duration",
        "retention r {\n  for record r\n  require r.retention_until >= r.created + 30天\n}\n",
    ),
    (
        "unknown_field",
        "rule r {\n  title \"x\"\n  for record r\n  require r.statu == \"destroyed\"\n}\n",
    ),
    (
        "unknown_enum_value",
        "rule r {\n  title \"x\"\n  for record r\n  where r.status == \"destroy\"\n  require r.id is set\n}\n",
    ),
    (
        "wrong_arity",
        "rule r {\n  title \"x\"\n  for record r\n  require len(r.id, r.id) > 0\n}\n",
    ),
    (
        "duplicate_rule",
        "rule r {\n  for record x\n  require x.id is set\n}\nrule r {\n  for record x\n  require x.id is set\n}\n",
    ),
    (
        "unknown_language_tag",
        "rule r {\n  title fr \"x\" en \"y\"\n  for record x\n  require x.id is set\n}\n",
    ),
];

fn validate(policy: &str, lang: &str) -> (i32, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("rules.policy");
    std::fs::write(&path, policy).expect("write policy");
    let shown = path.to_string_lossy().into_owned();
    let (code, out, err) = custodia(&["validate", &shown, "--lang", lang]);
    // The temporary folder's name differs per run.
    let text = format!("{out}{err}").replace(&shown, "rules.policy");
    (code, text)
}

#[test]
fn bad_policies_are_explained_in_chinese_and_english() {
    for (name, policy) in BAD_POLICIES {
        for lang in ["en", "zh"] {
            let (code, text) = validate(policy, lang);
            assert_eq!(code, 2, "{name} {lang}: {text}");
            insta::assert_snapshot!(format!("bad_policy_{name}_{lang}"), text);
        }
    }
}

/// The Chinese diagnostics carry no English frame: no `help:`, no
/// `Advice:`, no English summary line.
#[test]
fn chinese_diagnostics_have_no_english_labels() {
    for (name, policy) in BAD_POLICIES {
        let (_, text) = validate(policy, "zh");
        for english in [
            "help:",
            "Advice:",
            "error in the policy set",
            "did you mean",
        ] {
            assert!(!text.contains(english), "{name}: `{english}` in\n{text}");
        }
        assert!(text.contains("策略集中有"), "{name}: {text}");
    }
}

#[test]
fn validate_ok_and_the_locale_choose_the_language() {
    let (code, out, err) = custodia(&["validate", "policies/std", "--lang", "zh"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.starts_with("校验通过：规则 "), "{out}");
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_custodia"))
        .args(["validate", "policies/std"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "zh_CN.UTF-8")
        .output()
        .expect("run custodia");
    assert!(String::from_utf8_lossy(&run.stdout).starts_with("校验通过"));
    let (_, out, _) = custodia(&["validate", "policies/std"]);
    assert!(
        out.starts_with("ok: "),
        "English without flag or locale: {out}"
    );
}

#[test]
fn test_output_in_chinese() {
    let (code, out, err) = custodia(&[
        "test",
        "tests/cases/authoring",
        AS_OF[0],
        AS_OF[1],
        "--lang",
        "zh",
    ]);
    assert_eq!(code, 1, "{out}{err}");
    insta::assert_snapshot!(out);
}

#[test]
fn explain_output_in_chinese() {
    let explain = |subject: &str| {
        custodia(&[
            "explain",
            "complete_destruction_record",
            "examples/acme-deregistration",
            AS_OF[0],
            AS_OF[1],
            "--subject",
            subject,
            "--lang",
            "zh",
        ])
    };
    let (code, out, err) = explain("R-1008");
    assert_eq!(code, 1, "{out}{err}");
    insta::assert_snapshot!("explain_failing_zh", out);
    let (code, out, err) = explain("R-9999");
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(
        err.starts_with("错误：没有编号为 `R-9999` 的 `record`"),
        "{err}"
    );
}

#[test]
fn fmt_output_in_chinese() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("r.policy");
    std::fs::write(&path, "rule r {\nfor record x\nrequire x.id is set\n}\n").expect("write");
    let shown = path.to_string_lossy().into_owned();
    let (code, out, _) = custodia(&["fmt", &shown, "--check", "--lang", "zh"]);
    assert_eq!(code, 1);
    assert!(out.ends_with("1 个文件中有 1 个需要重新格式化\n"), "{out}");
    let (code, out, _) = custodia(&["fmt", &shown, "--lang", "zh"]);
    assert_eq!(code, 0);
    assert!(out.contains("已格式化 "), "{out}");
}

// ------------------------------------------------------------ no English left behind

/// Modules whose every user-facing word comes from the catalogue. A new
/// English sentence in one of them fails here: put it in i18n/en.ftl and
/// i18n/zh.ftl and use `t!` or `msg!`.
const CATALOGUED: [&str; 69] = [
    "src/syntax/parse.rs",
    "src/syntax/slips.rs",
    "src/syntax/lower/strings.rs",
    "src/syntax/lower/literal.rs",
    "src/syntax/lower/expr.rs",
    "src/check/error.rs",
    "src/cli/explain.rs",
    "src/testing/mod.rs",
    "src/testing/coverage.rs",
    "src/cli/fmt.rs",
    "src/report/render/human.rs",
    "src/lint/mod.rs",
    "src/lint/conditions.rs",
    "src/data/convert.rs",
    "src/packs.rs",
    "src/data/read.rs",
    "src/data/rows.rs",
    "src/data/loader.rs",
    "src/data/document.rs",
    "src/data/stream.rs",
    "src/data/walk.rs",
    "src/data/excel.rs",
    "src/data/excel_grid.rs",
    "src/data/excel_xml.rs",
    "src/data/workbook.rs",
    "src/data/encoding.rs",
    "src/data/limits.rs",
    "src/data/accounting.rs",
    "src/data/case.rs",
    "src/data/mod.rs",
    "src/data/db.rs",
    "src/data/db_mapped.rs",
    "src/data/db_sqlite.rs",
    "src/data/db_mysql.rs",
    "src/data/db_postgres.rs",
    "src/data/parquet.rs",
    "src/data/parquet_load.rs",
    "src/data/jsonl_cells.rs",
    "src/data/split.rs",
    "src/data/parallel.rs",
    "src/data/table.rs",
    "src/data/provenance.rs",
    "src/data/mapping/rows.rs",
    "src/data/source.rs",
    "src/eval/builtin.rs",
    "src/eval/waivers.rs",
    "src/eval/rules.rs",
    "src/eval/explain.rs",
    "src/policy_files.rs",
    "src/output.rs",
    "src/progress.rs",
    "src/testing/given.rs",
    "src/report/baseline.rs",
    "src/report/render/sarif.rs",
    "src/report/render/github.rs",
    "src/report/render/codequality.rs",
    "src/report/render/paths.rs",
    "src/check/expr.rs",
    "src/check/rules.rs",
    "src/check/schema.rs",
    "src/check/mod.rs",
    "src/check/regex_budget.rs",
    "src/cli/compile.rs",
    "src/sql/mod.rs",
    "src/cli/usage.rs",
    "src/cli/manual.rs",
    "src/eval/profile.rs",
    "src/report/render/audit.rs",
    "src/main.rs",
];

/// String literals of `source` outside comments and `#[cfg(test)]`
/// modules (a naive scan: enough for this code, which has no raw strings
/// with quotes outside tests).
fn literals(source: &str) -> Vec<String> {
    let code = source.split("#[cfg(test)]").next().unwrap_or_default();
    let mut out = vec![];
    for line in code.lines() {
        let line = line.trim_start();
        if line.starts_with("//") {
            continue;
        }
        let mut chars = line.chars();
        let mut current: Option<String> = None;
        while let Some(c) = chars.next() {
            match (&mut current, c) {
                (None, '/') if line.contains("//") && chars.as_str().starts_with('/') => break,
                (None, '\'') => {
                    // a char literal such as '"': skip it
                    let rest = chars.as_str();
                    if rest.len() >= 2 && rest.as_bytes()[1] == b'\'' {
                        chars.next();
                        chars.next();
                    }
                }
                (None, '"') => current = Some(String::new()),
                (Some(s), '\\') => {
                    s.push('\\');
                    if let Some(n) = chars.next() {
                        s.push(n);
                    }
                }
                (Some(s), '"') => {
                    out.push(std::mem::take(s));
                    current = None;
                }
                (Some(s), c) => s.push(c),
                _ => {}
            }
        }
    }
    out
}

/// Three or more English words in a row: a sentence meant for a reader.
fn is_english_sentence(literal: &str) -> bool {
    // The names inside `{...}` of a format string are code, not words.
    let mut text = String::new();
    let mut depth = 0;
    for c in literal.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            c if depth == 0 => text.push(c),
            _ => {}
        }
    }
    let words = text
        .split(|c: char| !c.is_ascii_alphabetic() && c != '\'')
        .filter(|w| w.len() > 1 && w.chars().all(|c| c.is_ascii_lowercase()))
        .count();
    words >= 3 && text.contains(' ')
}

#[test]
fn catalogued_modules_hold_no_english_sentence() {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut found = vec![];
    for file in CATALOGUED {
        let text = std::fs::read_to_string(format!("{root}/{file}")).expect("read source");
        // The lint registry's descriptions are read by tests, never shown.
        let text = match (
            text.find("pub const REGISTRY"),
            text.find("pub const MISSING_TITLE"),
        ) {
            (Some(a), Some(b)) if a < b => format!("{}{}", &text[..a], &text[b..]),
            _ => text,
        };
        for l in literals(&text) {
            if is_english_sentence(&l) {
                found.push(format!("{file}: \"{l}\""));
            }
        }
    }
    assert!(
        found.is_empty(),
        "English text outside the catalogue:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_scan_finds_a_sentence_and_passes_an_id() {
    let code = "fn f() {\n  let a = \"the policy set has no rule\";\n  let b = t!(lang, \"explain-no-rule\");\n  // \"a comment is fine here\"\n}\n#[cfg(test)]\nmod tests { const X: &str = \"tests may say anything\"; }\n";
    let found: Vec<String> = literals(code)
        .into_iter()
        .filter(|l| is_english_sentence(l))
        .collect();
    assert_eq!(found, vec!["the policy set has no rule".to_string()]);
}
