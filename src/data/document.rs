//! Whole-document formats: a JSON or YAML file -> groups of raw rows, one
//! group per array the document holds (the document itself, or each value
//! of its top-level object). Every row keeps the line of its own object;
//! which groups are read is the loader's choice (it knows the schema).
//!
//! A JSON object that names a key twice is an error, as YAML's parser makes
//! it one. YAML scalars are read from their source text: YAML would resolve
//! `0042` to 42 and `1e3` to 1000.0, `no` to false, which breaks ids and
//! names; only `true`/`false` stay bools and `null`/`~`/empty stay absent.

use crate::msg;
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value as Json};

use super::case::first_line;
use super::read::{Raw, RawRow, ReadError};

/// A key of the document's top-level object, where it is written.
#[derive(Debug)]
pub struct Key {
    pub name: String,
    pub line: u32,
    pub column: u32,
}

/// The rows of one array of the document.
#[derive(Debug, Default)]
pub struct Group {
    /// `None` for a document that is an array (a sequence) itself.
    pub key: Option<Key>,
    /// The value under the key is not an array: nothing was read from it.
    pub not_array: bool,
    pub rows: Vec<RawRow>,
    /// Items of the array that are not objects.
    pub errors: Vec<ReadError>,
}

/// Line starts of a text, for the line of any byte offset in O(log n) (a
/// count of newlines per row would make a large document quadratic).
struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    fn of(text: &str) -> Lines {
        let newlines = memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1);
        Lines {
            starts: std::iter::once(0).chain(newlines).collect(),
        }
    }

    /// The 1-based line of byte `offset`.
    fn line(&self, offset: usize) -> u32 {
        self.starts.partition_point(|&s| s <= offset) as u32
    }

    /// Where the line of byte `offset` starts.
    fn start(&self, offset: usize) -> usize {
        self.starts[(self.line(offset) as usize).saturating_sub(1)]
    }

    /// The 1-based character column of byte `offset`.
    fn column(&self, text: &str, offset: usize) -> u32 {
        let start = self.start(offset);
        text.get(start..offset)
            .map_or(1, |t| t.chars().count() as u32 + 1)
    }
}

/// What a repeated key raises inside serde (JSON and JSONL) before its key:
/// a marker [`duplicate_key`] reads back and puts into words, never shown.
const REPEATED_KEY: &str = "custodia-repeated-key:";

/// The serde error text for a repeated `key` (see [`REPEATED_KEY`]).
pub fn repeated_key_message(key: &str) -> String {
    format!("{REPEATED_KEY}{key}")
}

/// A serde_json error raised for a repeated key: the key and the message
/// without serde's position (the caller gives the key's own).
pub fn duplicate_key(e: &serde_json::Error) -> Option<(String, String)> {
    if e.classify() != serde_json::error::Category::Data {
        return None;
    }
    let text = first_line(&e.to_string());
    let message = text
        .rsplit_once(" at line ")
        .map_or(text.as_str(), |(m, _)| m);
    let key = message.strip_prefix(REPEATED_KEY)?;
    let words = msg!("doc-repeated-key", key = key).words();
    Some((key.to_string(), words))
}

/// The character column of the repeated `key` in `line_text`, whose byte
/// column serde_json gave just after it.
pub fn key_column(line_text: &str, byte_column: usize, key: &str) -> u32 {
    let upto = line_text
        .get(..byte_column.min(line_text.len()))
        .unwrap_or(line_text);
    match upto.rfind(&format!("\"{key}\"")) {
        Some(b) => line_text[..b].chars().count() as u32 + 1,
        None => byte_column as u32,
    }
}

/// A JSON value as serde_json's, except that an object naming a key twice
/// is an error.
struct Strict(Json);

impl<'de> Deserialize<'de> for Strict {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(StrictVisitor)
    }
}

struct StrictVisitor;

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = Strict;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Strict, E> {
        Ok(Strict(Json::Bool(v)))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Strict, E> {
        Ok(Strict(Json::from(v)))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Strict, E> {
        Ok(Strict(Json::from(v)))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Strict, E> {
        Ok(Strict(Json::from(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Strict, E> {
        Ok(Strict(Json::String(v.to_string())))
    }
    fn visit_string<E>(self, v: String) -> Result<Strict, E> {
        Ok(Strict(Json::String(v)))
    }
    fn visit_unit<E>(self) -> Result<Strict, E> {
        Ok(Strict(Json::Null))
    }
    fn visit_none<E>(self) -> Result<Strict, E> {
        Ok(Strict(Json::Null))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Strict, A::Error> {
        let mut items = Vec::new();
        while let Some(Strict(v)) = seq.next_element()? {
            items.push(v);
        }
        Ok(Strict(Json::Array(items)))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Strict, A::Error> {
        let mut out = Map::new();
        // Keys compared trimmed, as fields are named (`jsonl_cells`).
        let mut trimmed = std::collections::HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if !trimmed.insert(key.trim().to_string()) {
                return Err(de::Error::custom(repeated_key_message(&key)));
            }
            let Strict(v) = map.next_value()?;
            out.insert(key, v);
        }
        Ok(Strict(Json::Object(out)))
    }
}

/// A JSON text as a value; a repeated key or a syntax error is an error
/// at its line and column.
fn parse_json(text: &str) -> Result<Json, ReadError> {
    serde_json::from_str::<Strict>(text)
        .map(|s| s.0)
        .map_err(|e| match duplicate_key(&e) {
            Some((key, message)) => {
                let line_text = text.lines().nth(e.line().saturating_sub(1)).unwrap_or("");
                ReadError {
                    line: Some(e.line() as u32),
                    column: Some(key_column(line_text, e.column(), &key)),
                    message: msg!("doc-file-not-read", problem = message).words(),
                }
            }
            None => ReadError {
                line: Some(e.line() as u32),
                column: Some(e.column() as u32),
                message: json_message(&e),
            },
        })
}

fn json_message(e: &serde_json::Error) -> String {
    let m = first_line(&e.to_string());
    // serde_json's "recursion limit exceeded"
    if m.starts_with("recursion limit") {
        msg!("doc-json-too-deep", limit = super::limits::MAX_JSON_DEPTH).words()
    } else {
        msg!("doc-json-invalid", reason = m).words()
    }
}

fn shape_error(message: String) -> ReadError {
    ReadError {
        line: Some(1),
        column: Some(1),
        message,
    }
}

/// JSON: an array of objects, or an object whose values are arrays of
/// objects (a key per collection).
pub fn json(text: &str, collection: &str) -> Result<Vec<Group>, ReadError> {
    let doc = parse_json(text)?;
    let lines = Lines::of(text);
    match (doc, layout(text)) {
        (Json::Object(map), _) if map.is_empty() => Err(says_nothing("JSON")),
        (Json::Array(items), Layout::Array(starts)) => {
            Ok(vec![json_group(None, items, &starts, text, &lines)])
        }
        (Json::Object(map), Layout::Object(members)) => Ok(map
            .into_iter()
            .zip(members)
            .map(|((name, value), member)| {
                let key = Key {
                    name,
                    line: lines.line(member.key_at),
                    column: lines.column(text, member.key_at),
                };
                match value {
                    Json::Array(items) => {
                        json_group(Some(key), items, &member.elements, text, &lines)
                    }
                    _ => Group {
                        key: Some(key),
                        not_array: true,
                        ..Default::default()
                    },
                }
            })
            .collect()),
        _ => Err(shape_error(
            msg!("doc-json-shape", collection = collection).words(),
        )),
    }
}

fn json_group(
    key: Option<Key>,
    items: Vec<Json>,
    starts: &[usize],
    text: &str,
    lines: &Lines,
) -> Group {
    let mut group = Group {
        key,
        ..Default::default()
    };
    for (i, item) in items.into_iter().enumerate() {
        let offset = starts.get(i).copied().unwrap_or(0).min(text.len());
        let line = lines.line(offset);
        match item {
            Json::Object(map) => group
                .rows
                .push(object_row(map, line, lines.start(offset) as u64)),
            _ => group.errors.push(ReadError {
                line: Some(line),
                column: Some(lines.column(text, offset)),
                message: msg!("doc-item-not-object", item = i + 1).words(),
            }),
        }
    }
    group
}

/// A JSON or YAML object as a row; its keys carry no column.
fn object_row(map: Map<String, Json>, line: u32, offset: u64) -> RawRow {
    let cells = map
        .into_iter()
        .map(|(k, v)| (k, Raw::Json(v), None))
        .collect();
    RawRow {
        line,
        offset,
        cells,
    }
}

/// Where the arrays of a valid JSON text are: the elements of the
/// document's own array, or the keys of its object and the elements of each
/// value that is an array (byte offsets).
enum Layout {
    Array(Vec<usize>),
    Object(Vec<Member>),
    Other,
}

#[derive(Default)]
struct Member {
    key_at: usize,
    elements: Vec<usize>,
}

/// One pass over a text serde_json has accepted (so only strings, nesting
/// and separators need tracking).
fn layout(text: &str) -> Layout {
    let (mut depth, mut in_str, mut esc) = (0usize, false, false);
    let mut top = None;
    let (mut elements, mut members) = (Vec::new(), Vec::<Member>::new());
    // The depth inside the array whose elements are being recorded.
    let mut tracked = None;
    let (mut expect_element, mut expect_key, mut expect_value) = (false, false, false);
    for (i, &b) in text.as_bytes().iter().enumerate() {
        if in_str {
            match (esc, b) {
                (true, _) => esc = false,
                (false, b'\\') => esc = true,
                (false, b'"') => in_str = false,
                _ => {}
            }
            continue;
        }
        if b.is_ascii_whitespace() {
            continue;
        }
        let value_start = std::mem::take(&mut expect_value);
        if std::mem::take(&mut expect_element) && b != b']' {
            match tracked {
                Some(1) => elements.push(i),
                _ => {
                    if let Some(m) = members.last_mut() {
                        m.elements.push(i);
                    }
                }
            }
        }
        if std::mem::take(&mut expect_key) && b == b'"' {
            members.push(Member {
                key_at: i,
                ..Default::default()
            });
        }
        match b {
            b'"' => in_str = true,
            b'[' | b'{' => {
                depth += 1;
                if depth == 1 {
                    top = Some(b);
                    expect_element = b == b'[';
                    expect_key = b == b'{';
                    tracked = (b == b'[').then_some(1);
                } else if depth == 2 && value_start && b == b'[' {
                    tracked = Some(2);
                    expect_element = true;
                }
            }
            b']' | b'}' => {
                if tracked == Some(depth) {
                    tracked = None;
                }
                depth = depth.saturating_sub(1);
            }
            b',' if tracked == Some(depth) => expect_element = true,
            b',' if depth == 1 => expect_key = true,
            b':' if depth == 1 => expect_value = true,
            _ => {}
        }
    }
    match top {
        Some(b'[') => Layout::Array(elements),
        Some(b'{') => Layout::Object(members),
        _ => Layout::Other,
    }
}

/// A YAML node with where it is written (serde-saphyr's span: byte offsets
/// into the text, and for an alias the place its anchor defines).
type Node = serde_saphyr::Spanned<Yaml>;

/// A YAML node as parsed, before its scalars are read from their text.
enum Yaml {
    Str(String),
    /// A plain scalar YAML resolved to a bool or number: read from its
    /// source text; the resolved value's text if the span is unusable.
    Resolved(String),
    Null,
    Seq(Vec<Node>),
    Map(Vec<(serde_saphyr::Spanned<String>, Node)>),
}

impl<'de> Deserialize<'de> for Yaml {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(YamlVisitor)
    }
}

struct YamlVisitor;

impl<'de> Visitor<'de> for YamlVisitor {
    type Value = Yaml;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a YAML value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Yaml, E> {
        Ok(Yaml::Resolved(v.to_string()))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Yaml, E> {
        Ok(Yaml::Resolved(v.to_string()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Yaml, E> {
        Ok(Yaml::Resolved(v.to_string()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Yaml, E> {
        Ok(Yaml::Resolved(v.to_string()))
    }
    fn visit_str<E>(self, v: &str) -> Result<Yaml, E> {
        Ok(Yaml::Str(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Yaml, E> {
        Ok(Yaml::Str(v))
    }
    fn visit_unit<E>(self) -> Result<Yaml, E> {
        Ok(Yaml::Null)
    }
    fn visit_none<E>(self) -> Result<Yaml, E> {
        Ok(Yaml::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Yaml, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Yaml::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Yaml, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key()? {
            entries.push((key, map.next_value()?));
        }
        Ok(Yaml::Map(entries))
    }
}

/// A YAML node as the JSON value the converter reads: scalars as their
/// text (see the module comment).
fn yaml_value(node: Node, text: &str) -> Json {
    match node.value {
        Yaml::Str(s) => Json::String(s),
        Yaml::Null => Json::Null,
        Yaml::Resolved(resolved) => {
            let span = node.defined.span();
            let source = text
                .get(span.offset()..span.offset() + span.len())
                .map(str::trim)
                .filter(|s| !s.is_empty() && !s.contains('\n'))
                .unwrap_or(&resolved);
            if source.eq_ignore_ascii_case("true") || source.eq_ignore_ascii_case("false") {
                Json::Bool(source.eq_ignore_ascii_case("true"))
            } else {
                Json::String(source.to_string())
            }
        }
        Yaml::Seq(items) => Json::Array(items.into_iter().map(|n| yaml_value(n, text)).collect()),
        Yaml::Map(entries) => Json::Object(
            entries
                .into_iter()
                .map(|(k, v)| (k.value, yaml_value(v, text)))
                .collect(),
        ),
    }
}

/// The first key of a mapping equal once trimmed to a key before it
/// (`"金额 "` beside `金额`): the parser refuses a key written twice, and
/// fields are named trimmed, so the two would be one field (as in JSON:
/// the last value won without a word).
fn key_repeated_trimmed(node: &Node) -> Option<ReadError> {
    match &node.value {
        Yaml::Seq(items) => items.iter().find_map(key_repeated_trimmed),
        Yaml::Map(entries) => {
            let mut seen = std::collections::HashSet::new();
            entries.iter().find_map(|(k, v)| {
                if !seen.insert(k.value.trim()) {
                    return Some(ReadError {
                        line: Some(k.referenced.line() as u32),
                        column: Some(k.referenced.column() as u32),
                        message: msg!("doc-repeated-key", key = k.value.as_str()).words(),
                    });
                }
                key_repeated_trimmed(v)
            })
        }
        _ => None,
    }
}

/// A YAML text as one node; an error at its place otherwise.
fn parse_yaml(text: &str, shape: impl Fn() -> String) -> Result<Node, ReadError> {
    serde_saphyr::from_str::<Node>(text).map_err(|e| {
        let loc = e.location();
        let m = first_line(&e.to_string());
        let message = if m.contains("unexpected event") || m.contains("invalid type") {
            shape()
        } else {
            yaml_error_text(&e)
        };
        ReadError {
            line: loc.map(|l| l.line() as u32),
            column: loc.map(|l| l.column() as u32),
            message,
        }
    })
}

/// A document with no rows and no word that there are none (0 bytes, `~`,
/// `---`, `{}`): what a failed export writes, so an input error, as an
/// empty CSV file is; `[]` says "none" (docs/inputs-and-reports.md).
fn says_nothing(format: &str) -> ReadError {
    ReadError {
        line: None,
        column: None,
        message: msg!("doc-says-nothing", format = format).words(),
    }
}

/// YAML: a sequence of mappings, or a mapping from collection name to one.
/// Parsed by serde-saphyr, which bounds alias expansion (no billion laughs).
pub fn yaml(text: &str, collection: &str) -> Result<Vec<Group>, ReadError> {
    let shape = || msg!("doc-yaml-shape", collection = collection).words();
    if text.trim().is_empty() {
        return Err(says_nothing("YAML"));
    }
    let doc = parse_yaml(text, shape)?;
    if let Some(e) = key_repeated_trimmed(&doc) {
        return Err(e);
    }
    let lines = Lines::of(text);
    match doc.value {
        Yaml::Null => Err(says_nothing("YAML")),
        Yaml::Map(entries) if entries.is_empty() => Err(says_nothing("YAML")),
        Yaml::Seq(items) => Ok(vec![yaml_group(None, items, text, &lines)]),
        Yaml::Map(entries) => Ok(entries
            .into_iter()
            .map(|(k, v)| {
                let key = Key {
                    name: k.value,
                    line: k.referenced.line() as u32,
                    column: k.referenced.column() as u32,
                };
                match v.value {
                    Yaml::Seq(items) => yaml_group(Some(key), items, text, &lines),
                    _ => Group {
                        key: Some(key),
                        not_array: true,
                        ..Default::default()
                    },
                }
            })
            .collect()),
        _ => Err(shape_error(shape())),
    }
}

fn yaml_group(key: Option<Key>, items: Vec<Node>, text: &str, lines: &Lines) -> Group {
    let mut group = Group {
        key,
        ..Default::default()
    };
    for item in items {
        let line = item.referenced.line() as u32;
        let offset = lines
            .starts
            .get(line.saturating_sub(1) as usize)
            .copied()
            .unwrap_or(0) as u64;
        let column = item.referenced.column() as u32;
        match yaml_value(item, text) {
            Json::Object(map) => group.rows.push(object_row(map, line, offset)),
            _ => group.errors.push(ReadError {
                line: Some(line),
                column: Some(column),
                message: msg!("doc-item-not-mapping").words(),
            }),
        }
    }
    group
}

/// A YAML error in words; serde-saphyr's limits are named as such.
fn yaml_error_text(e: &serde_saphyr::Error) -> String {
    let m = first_line(&e.to_string());
    if m.contains("budget breached") {
        msg!("doc-yaml-billion-laughs").words()
    } else if m.starts_with("recursion limit") {
        // serde-saphyr's "recursion limit exceeded"
        msg!("doc-yaml-too-deep").words()
    } else {
        // The parser's own words name its API and grammar (review R28).
        let reason = super::yaml_errors::syntax(e).unwrap_or(msg!("yaml-generic"));
        msg!("doc-yaml-invalid", reason = reason.words()).words()
    }
}

/// A single YAML or JSON mapping (the company file); each cell carries the
/// line of its key in its column slot.
pub fn single_object(text: &str, is_json: bool) -> Result<RawRow, ReadError> {
    let not_a_mapping = || msg!("doc-company-not-mapping").words();
    let cells: Vec<(String, Raw, Option<u32>)> = if is_json {
        let lines = Lines::of(text);
        match (parse_json(text)?, layout(text)) {
            (Json::Object(map), Layout::Object(members)) => map
                .into_iter()
                .zip(members)
                .map(|((k, v), m)| (k, Raw::Json(v), Some(lines.line(m.key_at))))
                .collect(),
            _ => return Err(shape_error(not_a_mapping())),
        }
    } else {
        match parse_yaml(text, not_a_mapping)?.value {
            Yaml::Map(entries) => entries
                .into_iter()
                .map(|(k, v)| {
                    let line = k.referenced.line() as u32;
                    (k.value, Raw::Json(yaml_value(v, text)), Some(line))
                })
                .collect(),
            _ => return Err(shape_error(not_a_mapping())),
        }
    };
    Ok(RawRow {
        line: 1,
        offset: 0,
        cells,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_of(g: &Group) -> Vec<u32> {
        g.rows.iter().map(|r| r.line).collect()
    }

    /// Each array of an object gives its rows their own lines.
    #[test]
    fn json_groups_keep_their_own_lines() {
        let text = "{\n \"inventory\": [\n  {\"id\": \"a\"},\n  {\"id\": \"b\"}\n ],\n \"access\": [\n  {\"record\": \"a\"}\n ],\n \"meta\": {\"x\": [1]}\n}\n";
        let groups = json(text, "record").expect("valid");
        let keys: Vec<_> = groups
            .iter()
            .map(|g| g.key.as_ref().map(|k| (k.name.as_str(), k.line, k.column)))
            .collect();
        assert_eq!(
            keys,
            [
                Some(("inventory", 2, 2)),
                Some(("access", 6, 2)),
                Some(("meta", 9, 2))
            ]
        );
        assert_eq!(lines_of(&groups[0]), [3, 4]);
        assert_eq!(lines_of(&groups[1]), [7]);
        assert!(groups[2].not_array);
        let groups = json("[{\"id\": \"a\"},\n 3,\n {\"id\": \"[b]\"}]", "record").expect("valid");
        assert_eq!(lines_of(&groups[0]), [1, 3]);
        assert_eq!(groups[0].errors[0].line, Some(2));
    }

    #[test]
    fn a_repeated_json_key_is_an_error_at_the_key() {
        let e = json("[\n {\"id\": \"a\",  \"id\": \"b\"}\n]", "record").expect_err("repeated key");
        assert_eq!((e.line, e.column), (Some(2), Some(15)));
        assert_eq!(
            e.message,
            "the key `id` appears twice in this object; the file was not read"
        );
    }

    #[test]
    fn yaml_scalars_keep_their_text() {
        let text = "inventory:\n  - id: 0042\n    n: 1e3\n    b: no\n    t: true\n    q: \"0042\"\n    w: [0042, 字, FALSE]\n    z: ~\n    k: &a 007\n    l: *a\naccess:\n  - record: 0042\n";
        let groups = yaml(text, "record").expect("valid");
        let row = &groups[0].rows[0];
        let cells: Vec<String> = row
            .cells
            .iter()
            .map(|(k, v, _)| match v {
                Raw::Json(j) => format!("{k}={j}"),
                Raw::Text(t) => format!("{k}={t}"),
            })
            .collect();
        assert_eq!(
            cells,
            [
                "id=\"0042\"",
                "n=\"1e3\"",
                "b=\"no\"",
                "t=true",
                "q=\"0042\"",
                "w=[\"0042\",\"字\",false]",
                "z=null",
                "k=\"007\"",
                "l=\"007\""
            ]
        );
        assert_eq!(row.line, 2);
        assert_eq!(lines_of(&groups[1]), [12]);
    }

    #[test]
    fn company_keys_have_their_lines() {
        let row = single_object("name: ACME\n\ncode: 0042\n", false).expect("a mapping");
        let cells: Vec<_> = row.cells.iter().map(|(k, _, l)| (k.as_str(), *l)).collect();
        assert_eq!(cells, [("name", Some(1)), ("code", Some(3))]);
        let row = single_object("{\"name\": \"ACME\",\n \"code\": 42}", true).expect("an object");
        let cells: Vec<_> = row.cells.iter().map(|(k, _, l)| (k.as_str(), *l)).collect();
        assert_eq!(cells, [("name", Some(1)), ("code", Some(2))]);
    }
}
