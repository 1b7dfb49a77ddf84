//! A YAML parser error in the user's terms (review R28).
//!
//! serde-saphyr and its scanner speak of their own API ("use from_multiple
//! or from_multiple_with_options"), of Rust types ("expected u64") and of
//! the YAML grammar's productions ("while parsing a block mapping, did not
//! find expected key"). The reader of a log or of custodia.yaml needs what
//! was expected at that place, in the run's language: each family of parser
//! messages is one catalogue text; the place (file:line:column) is the
//! caller's.

use crate::i18n::msg::Msg;
use crate::msg;

/// What went wrong, as a catalogue message; `None` when the parser's text
/// is none of the YAML syntax errors known here (a serde message such as
/// "unknown field `x`, expected one of …", which is in the user's terms,
/// or a message written by custodia's own deserialisers).
pub fn syntax(e: &serde_saphyr::Error) -> Option<Msg> {
    let inner = e.without_snippet();
    match inner {
        serde_saphyr::Error::Eof { .. } => return Some(msg!("yaml-ends-early")),
        serde_saphyr::Error::UnknownAnchor { .. } => return Some(msg!("yaml-alias")),
        serde_saphyr::Error::ContainerEndMismatch { .. } => return Some(msg!("yaml-bracket")),
        serde_saphyr::Error::Budget { .. } => return Some(msg!("doc-yaml-billion-laughs")),
        _ => {}
    }
    let text = inner.to_string();
    let m = super::case::first_line(&text);
    let has = |words: &[&str]| words.iter().any(|w| m.contains(w));
    let found = if has(&["multiple YAML documents"]) {
        msg!("yaml-several-documents")
    } else if has(&["budget breached"]) {
        msg!("doc-yaml-billion-laughs")
    } else if has(&["recursion limit exceeded"]) {
        msg!("yaml-too-deep")
    } else if has(&["duplicate mapping key"]) {
        return Some(msg!("yaml-duplicate-key", key = duplicate_key(&m)));
    } else if has(&[
        "found a tab",
        "tab cannot be used",
        "tabs disallowed",
        "start with a tab",
    ]) {
        msg!("yaml-tab")
    } else if has(&["unclosed quote", "quoted scalar"]) {
        msg!("yaml-quote")
    } else if has(&[
        "flow mapping",
        "flow sequence",
        "flow construct",
        "unclosed bracket",
        "misplaced bracket",
        "list or mapping end with no start",
    ]) {
        msg!("yaml-bracket")
    } else if has(&[
        "unexpected EOF",
        "unexpected eof",
        "unexpected end of input",
        "unexpected end of plain scalar",
    ]) {
        msg!("yaml-ends-early")
    } else if has(&[
        "unknown anchor",
        "duplicated anchor",
        "anchor or alias",
        "for anchor",
    ]) {
        msg!("yaml-alias")
    } else if has(&[
        "while parsing a tag",
        "while scanning a tag",
        "verbatim tag",
        "TAG directive",
        "handle wasn't declared",
        "directive",
    ]) {
        msg!("yaml-tag")
    } else if has(&[
        "mapping values are not allowed",
        "placement of ':'",
        "simple key expect",
    ]) {
        msg!("yaml-colon")
    } else if has(&[
        "invalid indentation",
        "wrongly indented",
        "did not find expected key",
        "did not find expected '-'",
        "entries are not allowed in this context",
        "keys are not allowed in this context",
        "scanning a block scalar",
        "comment intercepting",
    ]) {
        msg!("yaml-indentation")
    } else if has(&[
        "did not find expected node content",
        "unexpected character",
        "cannot start any token",
        "plain scalar cannot start",
    ]) {
        msg!("yaml-value-start")
    } else {
        return None;
    };
    Some(found)
}

/// The key a "duplicate mapping key: KEY" message names.
fn duplicate_key(m: &str) -> String {
    m.split_once("duplicate mapping key")
        .map(|(_, k)| k.trim_start_matches([':', ' ']).trim().to_string())
        .unwrap_or_default()
}
