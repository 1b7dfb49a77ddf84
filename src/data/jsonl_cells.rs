//! Reading one JSONL line without copying it: keys and string values are
//! borrowed from the text unless they hold escapes; other values become
//! `serde_json::Value`. Keys keep their order; a repeated key is an error
//! (serde_json's map would keep the last value without a word).

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
const FEW_KEYS: usize = 16;

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
