//! serde's own frame around a deserialisation error, put into words.
//!
//! A bad value in `custodia.yaml` is reported by serde (and serde-saphyr)
//! in fixed English sentences: `invalid type: string "x", expected a
//! boolean`, `unknown field `x`, expected one of a, b`, `missing field
//! `x``. Where custodia wrote what is expected (`Visitor::expecting`), that
//! part is already in the run's language; the frame around it is serde's.
//! [`words`] reads the frame and writes it from the catalogue
//! (`serde-*`), so a Chinese reader gets one Chinese sentence; a text it
//! does not recognise is kept as it is (docs/reports.md, "Languages").
//! It also keeps Rust type names out of the English (`untagged enum
//! OneOrMany`, `struct Manifest`).

use super::{Arg, Lang};
use crate::t;

/// `text`, a serde error's first line without its location, in `lang`.
pub fn words(text: &str, lang: Lang) -> String {
    frame(text, lang).unwrap_or_else(|| text.to_string())
}

fn frame(text: &str, lang: Lang) -> Option<String> {
    if let Some(rest) = text.strip_prefix("unknown field ") {
        let (name, rest) = quoted(rest)?;
        return Some(match rest.strip_prefix(", ") {
            Some("there are no fields") => t!(lang, "serde-unknown-field-none", name = name),
            Some(expected) => t!(
                lang,
                "serde-unknown-field",
                name = name,
                expected = names(lang, expected)?
            ),
            None => return None,
        });
    }
    if let Some(rest) = text.strip_prefix("unknown variant ") {
        let (name, rest) = quoted(rest)?;
        let expected = names(lang, rest.strip_prefix(", ")?)?;
        return Some(t!(
            lang,
            "serde-unknown-variant",
            name = name,
            expected = expected
        ));
    }
    if let Some(rest) = text.strip_prefix("missing field ") {
        let (name, "") = quoted(rest)? else {
            return None;
        };
        return Some(t!(lang, "serde-missing-field", name = name));
    }
    if let Some(rest) = text.strip_prefix("duplicate field ") {
        let (name, "") = quoted(rest)? else {
            return None;
        };
        return Some(t!(lang, "serde-duplicate-field", name = name));
    }
    for (prefix, id) in [
        ("invalid type: ", "serde-invalid-type"),
        ("invalid value: ", "serde-invalid-value"),
    ] {
        if let Some(rest) = text.strip_prefix(prefix) {
            let (found, expected) = rest.split_once(", expected ")?;
            let args = [
                ("found", Arg::Text(unexpected(lang, found))),
                ("expected", Arg::Text(expected_words(lang, expected))),
            ];
            return Some(super::catalogue::text(lang, id, &args));
        }
    }
    if text.starts_with("data did not match any variant of untagged enum ") {
        return Some(t!(lang, "serde-no-variant"));
    }
    if let Some(what) = text.strip_prefix("unexpected event: expected ") {
        return Some(match what {
            "sequence start" => t!(lang, "serde-expected-list"),
            "mapping start" => t!(lang, "serde-expected-mapping"),
            "string scalar" | "scalar" => t!(lang, "serde-expected-scalar"),
            _ => return None,
        });
    }
    if let Some(ty) = text.strip_prefix("invalid ") {
        if is_int_type(ty) {
            return Some(t!(lang, "serde-not-an-int", ty = int_words(lang, ty)));
        }
    }
    None
}

/// `` `name` `` and what follows it.
fn quoted(s: &str) -> Option<(&str, &str)> {
    let s = s.strip_prefix('`')?;
    let end = s.find('`')?;
    Some((&s[..end], &s[end + 1..]))
}

/// serde's list of what it expected (`expected one of a, b`, `` expected
/// `a` or `b` ``, `` expected `a` ``) as the language's list of names.
fn names(lang: Lang, s: &str) -> Option<String> {
    let s = s.strip_prefix("expected ")?;
    let s = s.strip_prefix("one of ").unwrap_or(s);
    let items: Vec<String> = s
        .split(", ")
        .flat_map(|p| p.split(" or "))
        .map(|n| format!("`{}`", n.trim_matches('`')))
        .collect();
    Some(items.join(&t!(lang, "list-comma")))
}

/// serde's `Unexpected` (`string "x"`, `integer `5``, `sequence`) in words.
fn unexpected(lang: Lang, s: &str) -> String {
    let with_value = [
        ("string ", "serde-found-string"),
        ("integer ", "serde-found-integer"),
        ("floating point ", "serde-found-float"),
        ("boolean ", "serde-found-boolean"),
        ("character ", "serde-found-char"),
    ];
    for (prefix, id) in with_value {
        if let Some(value) = s.strip_prefix(prefix) {
            return super::catalogue::text(lang, id, &[("value", Arg::Text(value.into()))]);
        }
    }
    match s {
        "sequence" => t!(lang, "serde-found-list"),
        "map" => t!(lang, "serde-found-mapping"),
        "unit value" | "null" | "Option value" => t!(lang, "serde-found-null"),
        other => other.to_string(),
    }
}

/// serde's own words for an expected primitive (`a boolean`, `u32`); a
/// custodia `expecting` text is already in the language and kept.
fn expected_words(lang: Lang, s: &str) -> String {
    match s {
        "a string" | "a borrowed string" => t!(lang, "serde-expected-string"),
        "a boolean" => t!(lang, "serde-expected-boolean"),
        "a sequence" => t!(lang, "serde-expected-a-list"),
        "a map" => t!(lang, "serde-expected-a-mapping"),
        ty if is_int_type(ty) => int_words(lang, ty),
        ty if ty.starts_with("struct ") => t!(lang, "serde-expected-a-mapping"),
        other => other.to_string(),
    }
}

fn is_int_type(ty: &str) -> bool {
    matches!(
        ty,
        "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" | "isize"
    )
}

fn int_words(lang: Lang, ty: &str) -> String {
    match ty.starts_with('u') {
        true => t!(lang, "serde-expected-count"),
        false => t!(lang, "serde-expected-integer"),
    }
}

#[cfg(test)]
mod tests {
    use super::words;
    use crate::i18n::Lang;

    #[test]
    fn serde_frames_in_chinese() {
        let zh = |s: &str| words(s, Lang::Zh);
        assert_eq!(
            zh("unknown field `invertory`, expected one of inventory, logs"),
            "未知的键 `invertory`；可以写的键有 `inventory`、`logs`"
        );
        assert_eq!(
            zh("unknown variant `x`, expected `a` or `b`"),
            "未知的取值 `x`；可以写的取值有 `a`、`b`"
        );
        assert_eq!(zh("missing field `file`"), "缺少键 `file`");
        assert_eq!(
            zh("invalid type: string \"yes\", expected a boolean"),
            "类型不对：此处是字符串 \"yes\"，应为布尔值（true 或 false）"
        );
        assert_eq!(
            zh("invalid type: sequence, expected 文件名"),
            "类型不对：此处是列表，应为文件名"
        );
        assert_eq!(zh("invalid u32"), "不是有效的数值：应为非负整数");
        assert_eq!(
            zh("something serde never says"),
            "something serde never says"
        );
    }

    #[test]
    fn english_keeps_serde_words_but_not_rust_type_names() {
        let en = |s: &str| words(s, Lang::En);
        assert_eq!(
            en("unknown field `invertory`, expected one of inventory, logs"),
            "unknown field `invertory`, expected one of `inventory`, `logs`"
        );
        assert_eq!(
            en("invalid type: string \"yes\", expected a boolean"),
            "invalid type: string \"yes\", expected a boolean"
        );
        assert_eq!(
            en("data did not match any variant of untagged enum OneOrMany"),
            "the value has none of the forms this key accepts"
        );
        assert_eq!(
            en("invalid type: integer `5`, expected struct Manifest"),
            "invalid type: integer `5`, expected a map"
        );
    }
}
