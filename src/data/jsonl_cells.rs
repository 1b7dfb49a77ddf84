//! Reading one JSONL line without copying it: keys and string values are
//! borrowed from the text unless they hold escapes; other values become
//! `serde_json::Value`. Keys keep their order; a repeated key is an error
//! (serde_json's map would keep the last value without a word).
//!
//! The usual line of a log, one flat object of keys to strings or `null`,
//! is read in place by `flat_object`; any other line, and every line in
//! error, is read by serde_json (`JsonLine`), whose messages the user sees.

use std::borrow::Cow;

use serde_json::Value as Json;

/// A JSONL value as the loader needs it: an object's keys and string
/// values borrowed from the line (no allocation unless they hold escapes),
/// anything else as a `serde_json::Value`. Keys keep their order.
pub(crate) enum JsonLine<'a> {
    Object(Vec<(Cow<'a, str>, JsonCell<'a>)>),
    NotObject,
}

#[derive(Debug)]
pub enum JsonCell<'a> {
    Str(Cow<'a, str>),
    Other(Json),
}

/// A string borrowed from the input when it can be.
struct Text<'a>(Cow<'a, str>);

impl<'de> serde::Deserialize<'de> for Text<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Text<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(v.to_string())))
            }
            fn visit_string<E>(self, v: String) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(v)))
            }
        }
        d.deserialize_str(V)
    }
}

impl<'de> serde::Deserialize<'de> for JsonCell<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = JsonCell<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON value")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<JsonCell<'de>, E> {
                Ok(JsonCell::Str(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<JsonCell<'de>, E> {
                Ok(JsonCell::Str(Cow::Owned(v.to_string())))
            }
            fn visit_string<E>(self, v: String) -> Result<JsonCell<'de>, E> {
                Ok(JsonCell::Str(Cow::Owned(v)))
            }
            fn visit_bool<E>(self, v: bool) -> Result<JsonCell<'de>, E> {
                Ok(JsonCell::Other(Json::Bool(v)))
            }
            fn visit_i64<E>(self, v: i64) -> Result<JsonCell<'de>, E> {
                Ok(JsonCell::Other(Json::from(v)))
            }
            fn visit_u64<E>(self, v: u64) -> Result<JsonCell<'de>, E> {
                Ok(JsonCell::Other(Json::from(v)))
            }
            fn visit_f64<E>(self, v: f64) -> Result<JsonCell<'de>, E> {
                Ok(JsonCell::Other(Json::from(v)))
            }
            fn visit_unit<E>(self) -> Result<JsonCell<'de>, E> {
                Ok(JsonCell::Other(Json::Null))
            }
            fn visit_none<E>(self) -> Result<JsonCell<'de>, E> {
                Ok(JsonCell::Other(Json::Null))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                seq: A,
            ) -> Result<JsonCell<'de>, A::Error> {
                let d = serde::de::value::SeqAccessDeserializer::new(seq);
                Ok(JsonCell::Other(serde::Deserialize::deserialize(d)?))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<JsonCell<'de>, A::Error> {
                let d = serde::de::value::MapAccessDeserializer::new(map);
                Ok(JsonCell::Other(serde::Deserialize::deserialize(d)?))
            }
        }
        d.deserialize_any(V)
    }
}

/// Where `s` is without the white space around it.
fn trimmed(s: &str) -> std::ops::Range<usize> {
    let start = s.len() - s.trim_start().len();
    start..start + s[start..].trim_end().len()
}

/// Keys of a line compared one by one; a set beyond (see `JsonLine`).
pub(crate) const FEW_KEYS: usize = 16;

impl<'de> serde::Deserialize<'de> for JsonLine<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = JsonLine<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON value")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<JsonLine<'de>, A::Error> {
                // Room for a usual line's keys at once: grown from empty,
                // each vector of a line of seven keys was reallocated twice
                // (about 1,200 instructions a line, issue 16).
                let mut cells: Vec<(Cow<'de, str>, JsonCell<'de>)> = Vec::with_capacity(FEW_KEYS);
                // Each key's name trimmed, as a range of it: trimmed once
                // per key, not once per pair compared.
                let mut names: Vec<std::ops::Range<usize>> = Vec::with_capacity(FEW_KEYS);
                // Past a few keys, their names in a set: a 1 MiB line of
                // distinct keys must not cost a comparison per pair of keys.
                let mut seen: rustc_hash::FxHashSet<String> = Default::default();
                while let Some(Text(key)) = map.next_key::<Text>()? {
                    // A repeated key is an error: which value was meant is
                    // unknown. Keys are compared trimmed, as fields and a
                    // mapping's columns are named: `"金额 "` beside `"金额"`
                    // was a column not mapped, its value never checked
                    // (hostile review, 2026-12-05), as a CSV header's is not.
                    let name = trimmed(&key);
                    let repeated = if cells.len() < FEW_KEYS {
                        (cells.iter().zip(&names))
                            .any(|((k, _), r)| k[r.clone()] == key[name.clone()])
                    } else {
                        if seen.is_empty() {
                            seen.extend(cells.iter().map(|(k, _)| k.trim().to_string()));
                        }
                        !seen.insert(key.trim().to_string())
                    };
                    names.push(name);
                    if repeated {
                        return Err(serde::de::Error::custom(
                            super::document::repeated_key_message(&key),
                        ));
                    }
                    let value: JsonCell = map.next_value()?;
                    cells.push((key, value));
                }
                Ok(JsonLine::Object(cells))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<JsonLine<'de>, A::Error> {
                while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(JsonLine::NotObject)
            }
            fn visit_bool<E>(self, _: bool) -> Result<JsonLine<'de>, E> {
                Ok(JsonLine::NotObject)
            }
            fn visit_i64<E>(self, _: i64) -> Result<JsonLine<'de>, E> {
                Ok(JsonLine::NotObject)
            }
            fn visit_u64<E>(self, _: u64) -> Result<JsonLine<'de>, E> {
                Ok(JsonLine::NotObject)
            }
            fn visit_f64<E>(self, _: f64) -> Result<JsonLine<'de>, E> {
                Ok(JsonLine::NotObject)
            }
            fn visit_str<E>(self, _: &str) -> Result<JsonLine<'de>, E> {
                Ok(JsonLine::NotObject)
            }
            fn visit_unit<E>(self) -> Result<JsonLine<'de>, E> {
                Ok(JsonLine::NotObject)
            }
        }
        d.deserialize_any(V)
    }
}

/// Reads `line` (trimmed) into `cells` when it is one flat object whose
/// values are strings or `null`, exactly as `JsonLine` reads it; false
/// for anything else (another value, a repeated key, a control character,
/// a bad escape, more than `FEW_KEYS` keys, a line in error), which
/// serde_json is to read: it alone words the errors. serde_json spent
/// about 5,500 instructions on a line of 200 bytes (issue 16).
pub(crate) fn flat_object<'a>(
    line: &'a str,
    cells: &mut Vec<(Cow<'a, str>, JsonCell<'a>)>,
) -> bool {
    cells.clear();
    // serde_json refuses a control character in a string; between tokens
    // a tab or CR is allowed but rare: either way serde_json reads the line.
    // A fold, not `any`: it has no early exit and is vectorized.
    let bytes = line.as_bytes();
    if bytes.iter().fold(false, |c, &b| c | (b < 0x20)) {
        return false;
    }
    let mut at = Flat { line, bytes, i: 0 };
    at.object(cells).is_some() && at.i == bytes.len()
}

/// A position in a line read by `flat_object`.
struct Flat<'a> {
    line: &'a str,
    bytes: &'a [u8],
    i: usize,
}

impl<'a> Flat<'a> {
    /// The object's keys and values into `cells`; `None` for anything
    /// `flat_object` leaves to serde_json.
    fn object(&mut self, cells: &mut Vec<(Cow<'a, str>, JsonCell<'a>)>) -> Option<()> {
        self.eat(b'{')?;
        if self.peek()? == b'}' {
            self.i += 1;
            return Some(());
        }
        loop {
            self.eat(b'"')?;
            let key = self.string()?;
            let name = key_name(&key);
            if cells.len() >= FEW_KEYS || cells.iter().any(|(k, _)| key_name(k) == name) {
                return None;
            }
            self.eat(b':')?;
            let value = match self.peek()? {
                b'"' => {
                    self.i += 1;
                    JsonCell::Str(self.string()?)
                }
                b'n' if self.bytes[self.i..].starts_with(b"null") => {
                    self.i += 4;
                    JsonCell::Other(Json::Null)
                }
                _ => return None,
            };
            cells.push((key, value));
            match self.peek()? {
                b',' => self.i += 1,
                b'}' => {
                    self.i += 1;
                    return Some(());
                }
                _ => return None,
            }
        }
    }

    /// The next byte after JSON white space.
    fn peek(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.i) {
            self.i += 1;
        }
        self.bytes.get(self.i).copied()
    }

    /// Steps over `b`, after white space.
    fn eat(&mut self, b: u8) -> Option<()> {
        (self.peek()? == b).then(|| self.i += 1)
    }

    /// The string whose opening quote is just read: borrowed from the
    /// line unless it holds escapes.
    fn string(&mut self) -> Option<Cow<'a, str>> {
        let start = self.i;
        let end = start + memchr::memchr2(b'"', b'\\', &self.bytes[start..])?;
        if self.bytes[end] == b'"' {
            self.i = end + 1;
            // Cut at ASCII quotes: on character boundaries.
            return self.line.get(start..end).map(Cow::Borrowed);
        }
        let mut out = String::with_capacity(end - start + 16);
        let mut from = start;
        loop {
            let at = from + memchr::memchr2(b'"', b'\\', &self.bytes[from..])?;
            out.push_str(self.line.get(from..at)?);
            if self.bytes[at] == b'"' {
                self.i = at + 1;
                return Some(Cow::Owned(out));
            }
            let (c, next) = self.escape(at + 1)?;
            out.push(c);
            from = next;
        }
    }

    /// The character of the escape whose letter is at `at` (after the
    /// backslash), and where the text goes on.
    fn escape(&self, at: usize) -> Option<(char, usize)> {
        let c = match *self.bytes.get(at)? {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.unicode(at + 1),
            _ => return None,
        };
        Some((c, at + 1))
    }

    /// The character of `\uXXXX` whose digits start at `at`, with the
    /// second half of a surrogate pair; a lone or reversed surrogate is
    /// left to serde_json.
    fn unicode(&self, at: usize) -> Option<(char, usize)> {
        let first = self.hex4(at)?;
        match first {
            0xD800..=0xDBFF => {
                if self.bytes.get(at + 4..at + 6)? != b"\\u" {
                    return None;
                }
                let second = self.hex4(at + 6)?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return None;
                }
                let c = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                Some((char::from_u32(c)?, at + 10))
            }
            0xDC00..=0xDFFF => None,
            _ => Some((char::from_u32(first)?, at + 4)),
        }
    }

    /// Four hex digits at `at`.
    fn hex4(&self, at: usize) -> Option<u32> {
        let digits = self.bytes.get(at..at + 4)?;
        digits
            .iter()
            .try_fold(0u32, |n, &d| Some(n << 4 | (d as char).to_digit(16)?))
    }
}

/// A key as `JsonLine` compares keys for repeats: trimmed. A key whose
/// ends are printable ASCII is its own trimmed self; a decoded escape may
/// end it with a white space control character (`"\n"` repeats `""`).
fn key_name(key: &str) -> &str {
    match (key.as_bytes().first(), key.as_bytes().last()) {
        (Some(&a), Some(&z)) if (0x21..0x80).contains(&a) && (0x21..0x80).contains(&z) => key,
        _ => key.trim(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use proptest::strategy::ValueTree;

    /// A line's cells as text: key, value, and whether each was borrowed.
    fn shown(cells: &[(Cow<str>, JsonCell)]) -> Vec<String> {
        let borrowed = |c: &Cow<str>| matches!(c, Cow::Borrowed(_));
        (cells.iter())
            .map(|(k, v)| {
                let v = match v {
                    JsonCell::Str(s) => format!("Str({s:?}, {})", borrowed(s)),
                    JsonCell::Other(j) => format!("Other({j:?})"),
                };
                format!("{k:?} {} => {v}", borrowed(k))
            })
            .collect()
    }

    /// What `flat_object` reads of `line`, or `None`.
    fn flat(line: &str) -> Option<Vec<String>> {
        let mut cells = Vec::new();
        flat_object(line, &mut cells).then(|| shown(&cells))
    }

    /// What serde_json's path reads of `line` when it is an object.
    fn serde(line: &str) -> Option<Vec<String>> {
        match serde_json::from_str::<JsonLine>(line) {
            Ok(JsonLine::Object(cells)) => Some(shown(&cells)),
            _ => None,
        }
    }

    /// Whatever `flat_object` reads, serde_json reads the same.
    fn same_as_serde(line: &str) {
        if let Some(cells) = flat(line) {
            assert_eq!(Some(cells), serde(line), "{line:?}");
        }
    }

    #[test]
    fn flat_lines_are_read_as_serde_json_reads_them() {
        let long = "长".repeat(40_000) + &"x".repeat(100_000);
        let sixteen: Vec<String> = (0..16).map(|i| format!("\"k{i}\":\"v\"")).collect();
        let lines = [
            r#"{"id":"ACC-000000001","kind":"access","at":"2026-01-02T03:04:05+08:00"}"#,
            r#"{ "a" : "x" , "b" : null , "c" : "" }"#,
            "{\t\"a\"\r:\"x\"}",
            r#"{}"#,
            r#"{ }"#,
            r#"{"":""}"#,
            r#"{"a":"x\"y\\z\/w\b\f\n\r\t"}"#,
            r#"{"a\u0041":"\u4e2d\u00E9\u0000\u001f"}"#,
            r#"{"a":"\uD83D\uDE00 \ud83d\ude00 \uDBFF\uDFFF"}"#,
            r#"{"中文键":"值 😀","b":"\u3000"}"#,
            r#"{"a ":"x"," b":"y"}"#,
            &format!(r#"{{"a":"{long}","b":"\"{long}\""}}"#),
            &format!("{{{}}}", sixteen.join(",")),
        ];
        for line in lines {
            let cells = flat(line.trim());
            if !line.contains(['\t', '\r']) {
                assert!(cells.is_some(), "{line:?} was left to serde_json");
            }
            same_as_serde(line.trim());
        }
    }

    #[test]
    fn other_lines_are_left_to_serde_json() {
        let seventeen: Vec<String> = (0..17).map(|i| format!("\"k{i}\":\"v\"")).collect();
        let lines = [
            r#"{"a":1}"#,
            r#"{"a":true}"#,
            r#"{"a":["x"]}"#,
            r#"{"a":{"b":"c"}}"#,
            r#"{"a":"x","a":"y"}"#,
            r#"{"a":"x","a ":"y"}"#,
            r#"{"a":"x","\u0061":"y"}"#,
            r#"{"":"x","\n":"y"}"#,
            r#"{"a":"x","a\t":"y"}"#,
            r#"{"a":"x\qy"}"#,
            r#"{"a":"\u12"}"#,
            r#"{"a":"\uZZZZ"}"#,
            r#"{"a":"\uD83D"}"#,
            r#"{"a":"\uDE00"}"#,
            r#"{"a":"\uD83D\u0041"}"#,
            r#"{"a":"\uD83Dx"}"#,
            "{\"a\":\"x\ty\"}",
            "{\"a\":\"x\u{1}y\"}",
            r#"{"a":"x"} x"#,
            r#"{"a":"x"}}"#,
            r#"{"a":"x",}"#,
            r#"{"a":"x""#,
            r#"{"a":"x"#,
            r#"{"a":nul}"#,
            r#"{"a":nulll}"#,
            r#"{"a":NULL}"#,
            "{\"a\":\u{a0}\"x\"}",
            r#"{"a" "x"}"#,
            r#"{a:"x"}"#,
            r#"["a"]"#,
            r#""a""#,
            &format!("{{{}}}", seventeen.join(",")),
        ];
        for line in lines {
            assert_eq!(flat(line), None, "{line:?}");
        }
    }

    /// Pieces of the text of a JSON string: mostly plain, escaped, wide
    /// or invisible; now and then a control character, a bad escape or a
    /// lone surrogate.
    fn string_piece() -> impl Strategy<Value = &'static str> {
        let good = prop::sample::select(vec![
            "a",
            "id",
            "ACC-000001",
            " ",
            "中文",
            "😀",
            "\u{3000}",
            "\u{a0}",
            "\u{200b}",
            "\\\"",
            "\\\\",
            "\\/",
            "\\b",
            "\\f",
            "\\n",
            "\\r",
            "\\t",
            "\\u0041",
            "\\u00e9",
            "\\u4E2D",
            "\\u0000",
            "\\u001f",
            "\\uD83D\\uDE00",
            "\\ud83d\\ude00",
            "\\uDBFF\\uDFFF",
            ",",
            ":",
            "{",
            "}",
            "[",
            "]",
            "null",
            "'",
            "\u{7f}",
        ]);
        let bad = prop::sample::select(vec![
            "\\uD83D",
            "\\uDE00",
            "\\uD83D\\u0041",
            "\\uD83Dx",
            "\\x",
            "\\u12",
            "\\uZZZZ",
            "\\U0041",
            "\t",
            "\u{1}",
            "\\",
            "\"",
        ]);
        prop_oneof![30 => good, 1 => bad]
    }

    fn json_string() -> impl Strategy<Value = String> {
        prop::collection::vec(string_piece(), 0..5).prop_map(|p| format!("\"{}\"", p.concat()))
    }

    fn key() -> impl Strategy<Value = String> {
        let few = prop::sample::select(vec![
            r#""a""#,
            r#""a ""#,
            r#"" a""#,
            r#""\u0061""#,
            r#""b""#,
        ]);
        prop_oneof![20 => json_string(), 1 => few.prop_map(String::from)]
    }

    fn value() -> impl Strategy<Value = String> {
        let other = prop::sample::select(vec![
            "nul",
            "nulll",
            "NULL",
            "1",
            "-2.5e3",
            "true",
            "[]",
            r#"["a","b"]"#,
            "{}",
            r#"{"x":"y"}"#,
            "",
        ]);
        prop_oneof![
            30 => json_string(),
            10 => Just("null".to_string()),
            1 => other.prop_map(String::from)
        ]
    }

    fn ws() -> impl Strategy<Value = &'static str> {
        let good = prop::sample::select(vec!["", " ", "  "]);
        let bad = prop::sample::select(vec!["\t", "\r", "\n", "\u{a0}", "\u{3000}"]);
        prop_oneof![100 => good, 1 => bad]
    }

    /// An object line, maybe spoilt: cut short, with a piece inserted or
    /// appended.
    fn line() -> impl Strategy<Value = String> {
        let pair = (ws(), key(), ws(), ws(), value(), ws());
        let pairs = prop::collection::vec(pair, 0..20);
        let spoil = (0..8u8, any::<prop::sample::Index>(), string_piece());
        (ws(), pairs, spoil).prop_map(|(lead, pairs, (how, at, piece))| {
            let body: Vec<String> = (pairs.iter())
                .map(|(a, k, b, c, v, d)| format!("{a}{k}{b}:{c}{v}{d}"))
                .collect();
            let line = format!("{lead}{{{}}}", body.join(","));
            let cut = line
                .char_indices()
                .map(|(i, _)| i)
                .nth(at.index(line.chars().count()));
            let cut = cut.unwrap_or(0);
            match how {
                0 => line[..cut].to_string(),
                1 => format!("{}{piece}{}", &line[..cut], &line[cut..]),
                2 => format!("{line}{piece}"),
                _ => line,
            }
        })
    }

    /// Many generated lines (seeded: the same every run): whatever
    /// `flat_object` reads serde_json reads the same, and both kinds of
    /// line are common enough to mean something.
    #[test]
    fn any_line_flat_reads_serde_json_reads_the_same() {
        let mut runner = proptest::test_runner::TestRunner::deterministic();
        let (mut flat_lines, mut others) = (0, 0);
        for _ in 0..30_000 {
            // `line()` has no filter, so a tree is never rejected.
            let tree = line().new_tree(&mut runner);
            let line = tree.expect("no filter to reject").current();
            match flat(line.trim()) {
                Some(_) => flat_lines += 1,
                None => others += 1,
            }
            same_as_serde(line.trim());
        }
        // About 4,000 of the 30,000 are flat since keys that trim alike (an
        // escaped `\n` beside an empty key) are repeats left to serde_json.
        assert!(
            flat_lines > 3_000 && others > 5_000,
            "{flat_lines} {others}"
        );
    }
}
