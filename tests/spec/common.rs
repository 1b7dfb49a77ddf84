//! Shared helpers for the language and checker-error tests. The contract is
//! read from the verbatim copy `tests/spec/language.md`, so the tests run on
//! a fresh clone.
#![allow(dead_code)]

use custodia::check::{check_sources, CheckError, Checked};
use custodia::syntax::span::SourceMap;

pub const SPEC: &str = include_str!("language.md");

/// One fenced code block of the spec, with the number of the `## N.` section
/// it appears in.
#[derive(Debug, Clone)]
pub struct Block {
    pub section: u32,
    pub text: String,
}

/// Every ``` block of the spec, in order.
pub fn spec_blocks() -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut section = 0;
    let mut current: Option<String> = None;
    for line in SPEC.lines() {
        if current.is_none() {
            if let Some(rest) = line.strip_prefix("## ") {
                if let Some(n) = rest.split('.').next().and_then(|n| n.trim().parse().ok()) {
                    section = n;
                }
            }
        }
        if line.trim_start().starts_with("```") {
            match current.take() {
                Some(text) => blocks.push(Block { section, text }),
                None => current = Some(String::new()),
            }
            continue;
        }
        if let Some(text) = current.as_mut() {
            text.push_str(line);
            text.push('\n');
        }
    }
    assert!(current.is_none(), "unterminated code block in the spec");
    blocks
}

/// The blocks of one section.
pub fn section_blocks(section: u32) -> Vec<String> {
    spec_blocks()
        .into_iter()
        .filter(|b| b.section == section)
        .map(|b| b.text)
        .collect()
}

/// The section-3 schema, verbatim from the spec.
pub fn spec_schema() -> String {
    let blocks = section_blocks(3);
    assert_eq!(blocks.len(), 1, "section 3 has one schema block");
    blocks[0].clone()
}

pub fn sources(files: &[(&str, &str)]) -> SourceMap {
    let mut s = SourceMap::default();
    for (path, text) in files {
        s.add(*path, *text);
    }
    s
}

pub fn check(files: &[(&str, &str)]) -> Result<Checked, (SourceMap, Vec<CheckError>)> {
    check_sources(sources(files))
}

/// Checks `policy` (file `rules.policy`) together with the section-3 schema
/// (file `schema.policy`).
pub fn check_with_schema(policy: &str) -> Result<Checked, (SourceMap, Vec<CheckError>)> {
    let schema = spec_schema();
    check(&[("schema.policy", schema.as_str()), ("rules.policy", policy)])
}

/// Panics with the rendered diagnostics when the set does not check.
pub fn expect_ok(files: &[(&str, &str)]) -> Checked {
    match check(files) {
        Ok(c) => c,
        Err((sources, errors)) => panic!(
            "expected the policy set to check, got {} error(s):\n{}",
            errors.len(),
            custodia::cli::app::policy_error_text(&sources, &errors, false)
        ),
    }
}

pub fn expect_ok_with_schema(policy: &str) -> Checked {
    let schema = spec_schema();
    expect_ok(&[("schema.policy", schema.as_str()), ("rules.policy", policy)])
}
