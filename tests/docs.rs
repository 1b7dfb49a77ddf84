//! The docs are tested: every fenced block of docs/language.md and
//! docs/authoring.md carries a tag, and
//! - `policy` blocks parse and type-check (with the schema block of
//!   language.md when they declare no `record`), and their `test` blocks pass;
//! - `policy-error CODE` blocks fail to check with that error code;
//! - `policy-lint CODE` blocks check and `custodia validate` raises that lint;
//! - `console` blocks start with `$ custodia ARGS` and show its exact output
//!   (run from the repository root);
//! - any other tag (`text`, `sh`, ...) is prose.

use std::path::PathBuf;

use custodia::check::{check_sources, Checked};
use custodia::syntax::span::SourceMap;

const DOCS: [&str; 2] = ["docs/language.md", "docs/authoring.md"];

struct Block {
    doc: &'static str,
    line: usize,
    tag: String,
    text: String,
}

fn blocks(doc: &'static str) -> Vec<Block> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(doc);
    let text = std::fs::read_to_string(path).expect("read the doc");
    let mut out = Vec::new();
    let mut current: Option<Block> = None;
    for (n, line) in text.lines().enumerate() {
        match (line.trim_start().strip_prefix("```"), current.take()) {
            (Some(_), Some(b)) => out.push(b),
            (Some(tag), None) => {
                current = Some(Block {
                    doc,
                    line: n + 1,
                    tag: tag.trim().to_string(),
                    text: String::new(),
                })
            }
            (None, Some(mut b)) => {
                b.text.push_str(line);
                b.text.push('\n');
                current = Some(b);
            }
            (None, None) => {}
        }
    }
    assert!(current.is_none(), "{doc}: unterminated code block");
    out
}

/// The schema every block without its own `record` is checked with.
fn doc_schema() -> String {
    blocks("docs/language.md")
        .into_iter()
        .find(|b| b.tag == "policy" && b.text.contains("schema {"))
        .expect("language.md has a schema block")
        .text
}

fn check_block(b: &Block) -> Result<Checked, (SourceMap, Vec<custodia::check::CheckError>)> {
    let mut sources = SourceMap::default();
    let own_record = b.text.contains("schema {") && b.text.contains("record");
    if !own_record {
        sources.add("schema.policy", doc_schema());
    }
    sources.add(format!("{}:{}", b.doc, b.line), b.text.as_str());
    check_sources(sources)
}

fn expect_checks(b: &Block) -> Checked {
    check_block(b).unwrap_or_else(|(sources, errors)| {
        panic!(
            "{}:{}: the block does not check:\n{}",
            b.doc,
            b.line,
            custodia::cli::app::policy_error_text(&sources, &errors, false)
        )
    })
}

#[test]
fn every_block_is_tagged() {
    for doc in DOCS {
        for b in blocks(doc) {
            assert!(
                !b.tag.is_empty(),
                "{}:{}: tag the block (`policy`, `policy-error CODE`, `policy-lint CODE`, `text`, `sh`)",
                b.doc,
                b.line
            );
        }
    }
}

#[test]
fn policy_blocks_check_and_their_tests_pass() {
    let mut n = 0;
    for doc in DOCS {
        for b in blocks(doc).into_iter().filter(|b| b.tag == "policy") {
            let checked = expect_checks(&b);
            n += 1;
            if checked.tests.is_empty() {
                continue;
            }
            let dir = tempfile::tempdir().expect("temp dir");
            // As in `check_block`: a block with its own `record` stands alone.
            if !(b.text.contains("schema {") && b.text.contains("record")) {
                std::fs::write(dir.path().join("schema.policy"), doc_schema()).expect("write");
            }
            std::fs::write(dir.path().join("block.policy"), &b.text).expect("write");
            let outcome = custodia::testing::run_test(&custodia::testing::TestOptions {
                paths: vec![dir.path().to_path_buf()],
                as_of: Some("2026-11-27".into()),
                tz: None,
                coverage_threshold: None,
                color: false,
                lang: custodia::i18n::Lang::En,
            });
            assert_eq!(
                outcome.exit, 0,
                "{}:{}: {}{}",
                b.doc, b.line, outcome.output, outcome.errors
            );
        }
    }
    assert!(n >= 4, "only {n} policy blocks");
}

#[test]
fn error_blocks_fail_with_their_code() {
    for doc in DOCS {
        for b in blocks(doc) {
            let Some(code) = b.tag.strip_prefix("policy-error ") else {
                continue;
            };
            match check_block(&b) {
                Ok(_) => panic!(
                    "{}:{}: expected {code}, but the block checks",
                    b.doc, b.line
                ),
                Err((_, errors)) => assert!(
                    errors.iter().any(|e| e.code() == code.trim()),
                    "{}:{}: expected {code}, got {:?}",
                    b.doc,
                    b.line,
                    errors.iter().map(|e| e.code()).collect::<Vec<_>>()
                ),
            }
        }
    }
}

#[test]
fn lint_blocks_raise_their_lint_and_every_lint_is_documented() {
    let mut documented = Vec::new();
    for doc in DOCS {
        for b in blocks(doc) {
            let Some(code) = b.tag.strip_prefix("policy-lint ") else {
                continue;
            };
            let checked = expect_checks(&b);
            let as_of = jiff::civil::date(2026, 11, 27);
            let lints: Vec<&str> = custodia::lint::lint(&checked, as_of)
                .into_iter()
                .map(|d| d.code)
                .collect();
            assert!(
                lints.contains(&code.trim()),
                "{}:{}: expected {code}, got {lints:?}",
                b.doc,
                b.line
            );
            documented.push(code.trim().to_string());
        }
    }
    let page = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs/authoring.md"),
    )
    .expect("read authoring.md");
    for (code, _) in custodia::lint::REGISTRY {
        assert!(
            page.contains(code),
            "docs/authoring.md does not describe {code}"
        );
    }
    assert!(documented.len() >= 6, "{documented:?}");
}

#[test]
fn console_blocks_show_the_real_output() {
    let mut n = 0;
    for doc in DOCS {
        for b in blocks(doc).into_iter().filter(|b| b.tag == "console") {
            let (command, expected) = b.text.split_once('\n').unwrap_or((&b.text, ""));
            let args = command.strip_prefix("$ custodia ").unwrap_or_else(|| {
                panic!(
                    "{}:{}: a console block starts with `$ custodia`",
                    b.doc, b.line
                )
            });
            let out = std::process::Command::new(env!("CARGO_BIN_EXE_custodia"))
                .args(args.split_whitespace())
                .current_dir(env!("CARGO_MANIFEST_DIR"))
                .env("NO_COLOR", "1")
                .output()
                .expect("run custodia");
            assert_eq!(
                String::from_utf8_lossy(&out.stdout),
                expected,
                "{}:{}: the output of `custodia {args}` changed",
                b.doc,
                b.line
            );
            n += 1;
        }
    }
    assert!(n >= 3, "only {n} console blocks");
}
