//! Format readers: CSV, JSONL, JSON and YAML text -> raw rows with their
//! line numbers. They know nothing about the schema.

use crate::msg;
use std::borrow::Cow;

use serde_json::Value as Json;

use super::case::first_line;
pub use super::csv_records::Fields;
use super::csv_records::{Record, Records};
use super::encoding::BadBytes;
pub use super::jsonl_cells::JsonCell;
use super::jsonl_cells::{flat_object, JsonLine, FEW_KEYS};
use super::record_lines;
use super::split::record_ends;
pub use super::split::{split_points, CsvState};

/// One cell as read: CSV cells are text; JSON/YAML keep their own types.
#[derive(Debug, Clone)]
pub enum Raw {
    Text(String),
    Json(Json),
}

#[derive(Debug)]
pub struct RawRow {
    pub line: u32,
    pub offset: u64,
    /// (key, value, column). CSV columns are 1-based field positions; JSONL
    /// columns are the character column of the key in its line.
    pub cells: Vec<(String, Raw, Option<u32>)>,
}

/// A cell as the converter reads it, borrowed from wherever the row lives.
#[derive(Clone, Copy, Debug)]
pub enum RawRef<'a> {
    Text(&'a str),
    Json(&'a Json),
    /// A JSON string, borrowed from the line when it has no escapes.
    JsonStr(&'a str),
}

impl Raw {
    pub fn as_ref(&self) -> RawRef<'_> {
        match self {
            Raw::Text(s) => RawRef::Text(s),
            Raw::Json(j) => RawRef::Json(j),
        }
    }
}

/// A row without owned copies of its cells, so the streaming readers hand
/// rows to the loader with no allocation per cell.
pub struct RowView<'a> {
    pub line: u32,
    pub offset: u64,
    pub cells: Cells<'a>,
}

pub enum Cells<'a> {
    Csv {
        headers: &'a [String],
        fields: Fields<'a>,
    },
    /// A JSONL object; the column of a key is looked up in the line's text
    /// only when an error needs it.
    Jsonl {
        cells: &'a [(Cow<'a, str>, JsonCell<'a>)],
        line_text: &'a str,
    },
    Owned(&'a [(String, Raw, Option<u32>)]),
}

impl<'a> RowView<'a> {
    pub fn of(row: &'a RawRow) -> Self {
        RowView {
            line: row.line,
            offset: row.offset,
            cells: Cells::Owned(&row.cells),
        }
    }

    /// Calls `f(position, key, value)` for every cell, in order.
    pub fn each(&self, mut f: impl FnMut(usize, &'a str, RawRef<'a>)) {
        match &self.cells {
            Cells::Csv { headers, fields } => headers
                .iter()
                .enumerate()
                .for_each(|(i, h)| f(i, h, RawRef::Text(fields.get(i).unwrap_or_default()))),
            Cells::Jsonl { cells, .. } => cells.iter().enumerate().for_each(|(i, (k, v))| {
                f(
                    i,
                    k,
                    match v {
                        JsonCell::Str(s) => RawRef::JsonStr(s),
                        JsonCell::Other(j) => RawRef::Json(j),
                    },
                )
            }),
            Cells::Owned(cells) => cells
                .iter()
                .enumerate()
                .for_each(|(i, (k, v, _))| f(i, k, v.as_ref())),
        }
    }

    /// The first cell named `key`, and its position: a CSV row looks in
    /// its header, not at every cell.
    pub fn find(&self, key: &str) -> Option<(usize, RawRef<'a>)> {
        match &self.cells {
            Cells::Csv { headers, fields } => headers
                .iter()
                .position(|h| h == key)
                .map(|i| (i, RawRef::Text(fields.get(i).unwrap_or_default()))),
            _ => {
                let mut found = None;
                self.each(|i, k, v| {
                    if found.is_none() && k == key {
                        found = Some((i, v));
                    }
                });
                found
            }
        }
    }

    /// The column of the cell at `position` (see `RawRow::cells`).
    pub fn column(&self, position: usize, key: &str) -> Option<u32> {
        match &self.cells {
            Cells::Csv { .. } => Some(position as u32 + 1),
            Cells::Jsonl { line_text, .. } => line_text
                .find(&format!("\"{key}\""))
                .map(|b| line_text[..b].chars().count() as u32 + 1),
            Cells::Owned(cells) => cells.get(position).and_then(|c| c.2),
        }
    }
}

/// A row-level problem found by a reader.
#[derive(Debug)]
pub struct ReadError {
    pub line: Option<u32>,
    pub column: Option<u32>,
    pub message: String,
}

#[cfg(test)] // the readers read in pieces (`csv_body`, `jsonl_body`)
pub fn csv(text: &str, rows: &mut Vec<RawRow>, errors: &mut Vec<ReadError>) {
    let Some((headers, body)) = csv_headers(text, errors) else {
        return;
    };
    csv_rows(text, &headers, body, rows, errors);
}

#[cfg(test)] // the readers read in pieces (`csv_body`, `jsonl_body`)
/// The rows of a CSV text whose header is `headers`, its body starting at
/// byte `body` of `text`.
pub fn csv_rows(
    text: &str,
    headers: &[String],
    body: usize,
    rows: &mut Vec<RawRow>,
    errors: &mut Vec<ReadError>,
) {
    let base = Base::of(text, body);
    csv_body(
        &text[body..],
        headers,
        base,
        &BadBytes::default(),
        errors,
        &mut |row| rows.push(owned(row)),
    );
    check_open_quote(text, rows, errors);
}

/// Where a chunk of a file starts: lines before it and its byte offset.
#[derive(Clone, Copy, Debug, Default)]
pub struct Base {
    pub lines: u32,
    pub offset: u64,
}

impl Base {
    pub fn of(text: &str, at: usize) -> Base {
        Base {
            lines: memchr::memchr_iter(b'\n', &text.as_bytes()[..at]).count() as u32,
            offset: at as u64,
        }
    }
}

#[cfg(test)] // the readers read in pieces (`csv_body`, `jsonl_body`)
pub fn owned(row: &RowView) -> RawRow {
    owned_as(row, true, true)
}

/// [`owned`], the cells' keys left empty when `keyed` is false (a mapped
/// CSV row is read by position: no key string per cell), and their
/// columns `None` unless `columns` (a JSONL key's column is searched for
/// in its line: only worth it where an error may name it).
pub fn owned_as(row: &RowView, keyed: bool, columns: bool) -> RawRow {
    let mut cells = Vec::new();
    row.each(|i, k, v| {
        let raw = match v {
            RawRef::Text(t) => Raw::Text(t.to_string()),
            RawRef::Json(j) => Raw::Json(j.clone()),
            RawRef::JsonStr(t) => Raw::Json(Json::String(t.to_string())),
        };
        let key = if keyed { k.to_string() } else { String::new() };
        let column = if columns { row.column(i, k) } else { None };
        cells.push((key, raw, column));
    });
    RawRow {
        line: row.line,
        offset: row.offset,
        cells,
    }
}

/// The header row of a CSV text and the byte where the body starts.
pub fn csv_headers(text: &str, errors: &mut Vec<ReadError>) -> Option<(Vec<String>, usize)> {
    // An export that failed writes nothing: without a header nothing says
    // the log was meant to be empty, so it must not pass as "there were none".
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        errors.push(ReadError {
            line: Some(1),
            column: None,
            message: msg!("read-csv-empty").words(),
        });
        return None;
    }
    let end = record_ends(text.as_bytes(), &mut CsvState::FieldStart, &mut 0)
        .next()
        .map_or(text.len(), |e| e + 1);
    let mut reader = ::csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(true)
        .from_reader(&text.as_bytes()[..end]);
    match reader.headers() {
        Ok(h) => {
            let headers: Vec<String> = h.iter().map(|s| s.trim().to_string()).collect();
            if let Some(e) = duplicate_header(&headers) {
                errors.push(e);
                return None;
            }
            if let Some(e) = record_lines::header_swallowed_rows(&headers) {
                errors.push(e);
                return None;
            }
            Some((headers, end))
        }
        Err(e) => {
            errors.push(ReadError {
                line: Some(1),
                column: None,
                message: msg!("read-csv-bad-header", reason = e.to_string()).words(),
            });
            None
        }
    }
}

/// The rows of a CSV body (no header) starting at `base` in its file.
pub fn csv_body(
    text: &str,
    headers: &[String],
    base: Base,
    bad: &BadBytes,
    errors: &mut Vec<ReadError>,
    sink: &mut dyn FnMut(&RowView),
) {
    let mut records = Records::new(text);
    while let Some(Record { span, fields }) = records.next_record() {
        let (byte, end) = (span.start as u64, span.end as u64);
        let line = span.newlines + 1 + base.lines;
        // The record's last line: a quoted field may span lines.
        let spans = span.inner_newlines > 0;
        let last = line + span.inner_newlines;
        if spans {
            if let Some(e) = record_lines::too_many_lines(last - line + 1, line) {
                errors.push(e);
                continue;
            }
        }
        if let Some(at) = bad.first_in(base.offset + byte, base.offset + end) {
            errors.push(bad_byte_error(text, base, line, byte as usize, at, bad));
            continue;
        }
        let Some(fields) = fields else {
            // A field cut inside a character: cannot come from text
            // that is UTF-8, but is an error rather than a panic.
            errors.push(ReadError {
                line: Some(line),
                column: None,
                message: msg!("read-csv-bad-row", reason = msg!("read-csv-invalid-utf8")).words(),
            });
            continue;
        };
        if spans || span.other_breaks {
            if let Some(e) = record_lines::swallowed_rows(fields, headers.len(), line) {
                errors.push(e);
                continue;
            }
        }
        if fields.len() == 1 && fields.get(0).is_some_and(|f| f.trim().is_empty()) {
            continue; // a blank line
        }
        if span.end == text.len() && !text.ends_with('\n') {
            // The last record with no line break after it: an export cut
            // short ends so, inside its last field, which then reads as a
            // value (`150` as `1`, `true` as empty). Every CSV writer ends
            // the last row with a line break (hostile review, 2026-12-05).
            errors.push(ReadError {
                line: Some(last),
                column: None,
                message: msg!("read-csv-cut-short").words(),
            });
            continue;
        }
        if fields.len() != headers.len() {
            errors.push(ReadError {
                line: Some(line),
                column: None,
                message: msg!(
                    "read-csv-field-count",
                    fields = fields.len(),
                    header = headers.len()
                )
                .words(),
            });
            continue;
        }
        sink(&RowView {
            line,
            offset: byte + base.offset,
            cells: Cells::Csv { headers, fields },
        });
    }
}

/// A row left out for a byte that is not UTF-8 at text offset `at`: its
/// line (a quoted CSV field may span lines) and column. `row_start` is
/// where the row starts in `text`, a piece starting at `base`.
fn bad_byte_error(
    text: &str,
    base: Base,
    row_line: u32,
    row_start: usize,
    at: u64,
    bad: &BadBytes,
) -> ReadError {
    let local = (at.saturating_sub(base.offset) as usize).min(text.len());
    let before = text.get(row_start.min(local)..local).unwrap_or("");
    let line = row_line + memchr::memchr_iter(b'\n', before.as_bytes()).count() as u32;
    let line_text = before.rsplit('\n').next().unwrap_or("");
    ReadError {
        line: Some(line),
        column: Some(line_text.chars().count() as u32 + 1),
        message: bad.row_message(at),
    }
}

/// A column named twice makes every row ambiguous: the file is not read.
/// (A map, not a scan per column: a header line may hold ~500,000 names.)
pub(super) fn duplicate_header(headers: &[String]) -> Option<ReadError> {
    let mut seen = std::collections::HashMap::new();
    headers.iter().enumerate().find_map(|(i, h)| {
        if h.is_empty() {
            return None;
        }
        let first = *seen.entry(h.as_str()).or_insert(i);
        (first != i).then(|| ReadError {
            line: Some(1),
            column: Some(i as u32 + 1),
            message: msg!(
                "read-csv-duplicate-column",
                column = h.as_str(),
                first = first + 1,
                second = i + 1
            )
            .words(),
        })
    })
}

/// Line numbers of increasing byte offsets, counted once.
#[cfg(test)] // the readers read in pieces (`csv_body`, `jsonl_body`)
/// The csv crate reads a quote left open to the end of the file as one long
/// field; an RFC 4180 file never ends inside quotes, so say so.
fn check_open_quote(text: &str, rows: &mut Vec<RawRow>, errors: &mut Vec<ReadError>) {
    if let (_, Some(open_line)) = split_points(text, 0, usize::MAX, true) {
        rows.retain(|r| r.line < open_line);
        drop_after_open_quote(errors, open_line);
        errors.push(open_quote_error(open_line));
    }
}

/// From the line of a quote that never closes, the rest of the file reads
/// as one field: the field-count error of that row is a consequence of the
/// open quote, not a second problem, so only errors before it are kept.
pub fn drop_after_open_quote(errors: &mut Vec<ReadError>, open_line: u32) {
    errors.retain(|e| e.line.is_some_and(|l| l < open_line));
}

pub fn open_quote_error(open_line: u32) -> ReadError {
    ReadError {
        line: Some(open_line),
        column: None,
        message: msg!("read-csv-open-quote").words(),
    }
}

#[cfg(test)] // the readers read in pieces (`csv_body`, `jsonl_body`)
pub fn jsonl(text: &str, rows: &mut Vec<RawRow>, errors: &mut Vec<ReadError>) {
    jsonl_body(
        text,
        Base::default(),
        &BadBytes::default(),
        errors,
        &mut |row| rows.push(owned(row)),
    );
}

/// The rows of a JSONL text (or a piece of one starting at `base`).
pub fn jsonl_body(
    text: &str,
    base: Base,
    bad: &BadBytes,
    errors: &mut Vec<ReadError>,
    sink: &mut dyn FnMut(&RowView),
) {
    let mut offset = 0u64;
    // The cells of a flat line, kept from line to line (no allocation).
    let mut flat = Vec::with_capacity(FEW_KEYS);
    for (i, line_text) in text.split('\n').enumerate() {
        let line = i as u32 + 1 + base.lines;
        let this_offset = offset + base.offset;
        offset += line_text.len() as u64 + 1;
        let end = this_offset + line_text.len() as u64;
        if let Some(at) = bad.first_in(this_offset, end) {
            let start = (this_offset - base.offset) as usize;
            errors.push(bad_byte_error(text, base, line, start, at, bad));
            continue;
        }
        let trimmed = line_text.trim();
        if trimmed.is_empty() {
            continue;
        }
        if flat_object(trimmed, &mut flat) {
            sink(&RowView {
                line,
                offset: this_offset,
                cells: Cells::Jsonl {
                    cells: &flat,
                    line_text,
                },
            });
            continue;
        }
        match serde_json::from_str::<JsonLine>(trimmed) {
            Ok(JsonLine::Object(cells)) => sink(&RowView {
                line,
                offset: this_offset,
                cells: Cells::Jsonl {
                    cells: &cells,
                    line_text,
                },
            }),
            Ok(JsonLine::NotObject) => errors.push(ReadError {
                line: Some(line),
                column: Some(1),
                message: msg!("read-jsonl-not-object").words(),
            }),
            Err(e) => errors.push(jsonl_error(&e, line, line_text)),
        }
    }
}

/// A JSONL line that does not parse (it was trimmed before parsing). A
/// repeated key is said in words, at the key.
fn jsonl_error(e: &serde_json::Error, line: u32, line_text: &str) -> ReadError {
    let indent = line_text.len() - line_text.trim_start().len();
    let column = e.column() + indent;
    match super::document::duplicate_key(e) {
        Some((key, message)) => ReadError {
            line: Some(line),
            column: Some(super::document::key_column(line_text, column, &key)),
            message,
        },
        None => ReadError {
            line: Some(line),
            column: Some(column as u32),
            message: msg!("read-jsonl-invalid", reason = first_line(&e.to_string())).words(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jsonl_rows(text: &str) -> (Vec<RawRow>, Vec<ReadError>) {
        let (mut rows, mut errors) = (Vec::new(), Vec::new());
        jsonl(text, &mut rows, &mut errors);
        (rows, errors)
    }

    #[test]
    fn jsonl_cells_keep_order_and_escapes() {
        let (rows, errors) =
            jsonl_rows("{\"b\": \"x\\\"y\", \"a\\u0041\": [\"p\", 1], \"n\": 2.5, \"z\": null}\n");
        assert!(errors.is_empty());
        let cells: Vec<(String, String)> = rows[0]
            .cells
            .iter()
            .map(|(k, v, _)| (k.clone(), format!("{v:?}")))
            .collect();
        assert_eq!(
            cells,
            [
                ("b".into(), "Json(String(\"x\\\"y\"))".into()),
                ("aA".into(), "Json(Array [String(\"p\"), Number(1)])".into()),
                ("n".into(), "Json(Number(2.5))".into()),
                ("z".into(), "Json(Null)".into()),
            ]
        );
    }

    /// A repeated key is an error at the second one, among few keys or
    /// many (past the keys compared one by one, then looked up by name).
    #[test]
    fn jsonl_repeated_keys_are_errors_at_the_key() {
        let (rows, errors) = jsonl_rows("{\"a\": 1, \"a\": 2}\n{\"a\": 1}\n");
        assert_eq!(rows.len(), 1);
        assert_eq!((errors[0].line, errors[0].column), (Some(1), Some(10)));
        assert_eq!(
            errors[0].message,
            "the key `a` appears twice in this object"
        );
        let keys: Vec<String> = (0..40).map(|i| format!("\"k{i}\": {i}")).collect();
        let line = format!("{{{}, \"k3\": \"again\"}}\n", keys.join(", "));
        let (rows, errors) = jsonl_rows(&line);
        assert!(rows.is_empty());
        assert_eq!(
            errors[0].message,
            "the key `k3` appears twice in this object"
        );
        assert_eq!(
            errors[0].column,
            line.find("\"k3\": \"again").map(|c| c as u32 + 1)
        );
    }

    /// A bad byte costs its own line only, and is named at its column.
    #[test]
    fn a_bad_byte_leaves_out_its_row_only() {
        let (text, bad) = super::super::encoding::decode_rows(
            b"{\"a\": \"x\"}\n{\"a\": \"\xff\"}\n{\"a\": \"z\"}\n",
            None,
        )
        .expect("UTF-8 rows");
        let (mut rows, mut errors) = (Vec::new(), Vec::new());
        jsonl_body(&text, Base::default(), &bad, &mut errors, &mut |r| {
            rows.push(owned(r))
        });
        assert_eq!(rows.iter().map(|r| r.line).collect::<Vec<_>>(), [1, 3]);
        assert_eq!((errors[0].line, errors[0].column), (Some(2), Some(8)));
        let csv_text = "a,b\n1,\"x\ny?\"\n3,4\n";
        let bad = BadBytes {
            offsets: vec![10],
            ..Default::default()
        };
        let (mut rows, mut errors) = (Vec::new(), Vec::new());
        csv_body(
            &csv_text[4..],
            &["a".into(), "b".into()],
            Base::of(csv_text, 4),
            &bad,
            &mut errors,
            &mut |r| rows.push(owned(r)),
        );
        assert_eq!(rows.iter().map(|r| r.line).collect::<Vec<_>>(), [4]);
        assert_eq!((errors[0].line, errors[0].column), (Some(3), Some(2)));
    }

    #[test]
    fn jsonl_lines_that_are_not_objects_are_errors() {
        let (rows, errors) = jsonl_rows("[1, 2]\n\"text\"\n{\"a\": 1}\n{\"a\": }\n");
        assert_eq!(rows.len(), 1);
        let lines: Vec<_> = errors.iter().map(|e| (e.line, e.message.clone())).collect();
        assert_eq!(
            lines[0],
            (Some(1), "expected a JSON object on this line".into())
        );
        assert_eq!(
            lines[1],
            (Some(2), "expected a JSON object on this line".into())
        );
        assert_eq!(lines[2].0, Some(4));
        assert!(
            lines[2].1.starts_with("this line is not valid JSON"),
            "{}",
            lines[2].1
        );
    }

    /// A quote left open is one error: the row it opens (read as one long
    /// field) is not also reported for its field count, but a row before
    /// it keeps its own error.
    #[test]
    fn an_open_quote_is_one_error_not_also_a_field_count() {
        let (mut rows, mut errors) = (Vec::new(), Vec::new());
        csv(
            "a,b,c\n1,2,3\n4,5\n6,\"open,7\n8,9,10\n",
            &mut rows,
            &mut errors,
        );
        let found: Vec<_> = errors
            .iter()
            .map(|e| (e.line, e.message.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                (Some(3), "this row has 2 fields but the header has 3"),
                (Some(4), "a quote opened on this line is never closed"),
            ]
        );
        assert_eq!(rows.iter().map(|r| r.line).collect::<Vec<_>>(), [2]);
    }

    #[test]
    fn csv_pieces_are_cut_only_outside_quotes() {
        let text = "h1,h2\na,\"x\ny\"\nb,c\nd,e\n";
        let (starts, open) = split_points(text, 6, 1, true);
        // After "a,"x\ny"\n" (not inside the quoted newline), then each line.
        assert_eq!(starts, vec![6, 14, 18]);
        assert_eq!(open, None);
        let (_, open) = split_points("h\n\"open\nstill\n", 2, 1, true);
        assert_eq!(open, Some(2));
    }
}
