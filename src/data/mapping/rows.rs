//! A file's rows as read, before any mapping: its header and its rows in
//! header order, whatever the format (CSV, JSONL, a workbook's sheet).

use std::path::Path;

use crate::data::excel::{self, SheetsRead};
use crate::data::read::{self, Raw, RawRow, ReadError};
use crate::data::source::ReadOptions;
use crate::data::{encoding, split};

/// The rows of one file with the header they are in order of.
#[derive(Default)]
pub struct FileRows {
    pub headers: Vec<String>,
    pub rows: Vec<RawRow>,
    pub errors: Vec<ReadError>,
    /// A workbook's sheet read, and its other sheets (not read).
    pub sheet: Option<SheetsRead>,
    /// The encoding the text was read in when the case did not name it
    /// (a byte-order mark's, or guessed: `true`); `None` for UTF-8.
    pub unnamed_encoding: Option<(&'static encoding_rs::Encoding, bool)>,
    /// The encoding the text was decoded from when it is not plain UTF-8,
    /// named or not (`InputFile::encoding`).
    pub decoded_from: Option<&'static encoding_rs::Encoding>,
    /// A workbook's day 0 for its serial dates (its date system).
    pub day_zero: Option<jiff::civil::Date>,
}

fn file_error(message: String) -> ReadError {
    ReadError {
        line: None,
        column: None,
        message,
    }
}

/// Reads `path` in `enc` (a byte-order mark wins; with no `enc`, GB18030
/// when the file reads as it and not as UTF-8, as for unmapped files).
/// `Err` is why the file could not be read at all.
pub fn read(
    path: &Path,
    enc: Option<&'static encoding_rs::Encoding>,
    opts: &ReadOptions,
    lang: crate::i18n::Lang,
) -> Result<FileRows, ReadError> {
    let bytes = std::fs::read(path).map_err(|e| {
        file_error(crate::msg!("load-cannot-read", reason = e.to_string()).text(lang))
    })?;
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    if excel::is_workbook(&ext) {
        return workbook(&bytes, &ext, opts);
    }
    if ext == "parquet" {
        return parquet(path);
    }
    let guessed = enc.is_none().then(|| encoding::guess(&bytes)).flatten();
    let chosen = enc.or(guessed);
    let decoded_from = encoding::decoded_from(&bytes, chosen);
    let unnamed = decoded_from
        .filter(|e| *e != encoding_rs::UTF_8 && enc != Some(*e))
        .map(|e| (e, guessed.is_some()));
    let limit = crate::data::limits::MAX_LINE_BYTES;
    if let Some(e) = crate::data::limits::line_length("", &ext, &bytes, limit) {
        return Err(ReadError {
            line: e.line,
            column: e.column,
            message: e.message,
        });
    }
    let text = encoding::decode(&bytes, chosen).map_err(|e| ReadError {
        line: Some(e.line),
        column: Some(e.column),
        message: e.message,
    })?;
    let text = split::lone_cr_to_lf(&text, ext == "csv");
    let mut out = FileRows {
        unnamed_encoding: unnamed,
        decoded_from,
        ..Default::default()
    };
    match ext.as_str() {
        "csv" => {
            let header_row = opts.header_row.unwrap_or(1);
            let header = crate::data::loader::csv_header_at(&text, header_row, &mut out.errors);
            if let Some((headers, body)) = header {
                read::csv_rows(&text, &headers, body, &mut out.rows, &mut out.errors);
                out.headers = headers;
            }
        }
        "jsonl" => {
            read::jsonl(&text, &mut out.rows, &mut out.errors);
            in_header_order(&mut out);
            scalars_as_text(&mut out.rows);
        }
        other => return Err(file_error(super::messages::cannot_map_format(lang, other))),
    }
    // Offsets are in the decoded text (a byte-order mark removed, GBK as
    // UTF-8): `decoded_from` makes the report quote lines from it too.
    Ok(out)
}

/// The chosen sheet of a workbook (`sheet:`, `header_row:`), as the
/// unmapped reader reads it.
fn workbook(bytes: &[u8], ext: &str, opts: &ReadOptions) -> Result<FileRows, ReadError> {
    // A crafted workbook that makes the reader panic is an input error,
    // not the end of the run (as in `Loader::workbook`).
    let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        excel::read_sheet(bytes, ext, opts.sheet.as_ref(), opts.header_row)
    }))
    .unwrap_or_else(|_| Err(crate::msg!("excel-reader-failed", ext = ext).words()));
    let sheet = read.map_err(file_error)?;
    Ok(FileRows {
        headers: sheet.header,
        rows: sheet.rows,
        errors: sheet.errors,
        sheet: Some(SheetsRead {
            name: sheet.name,
            hidden: sheet.hidden,
            others: sheet.others,
        }),
        unnamed_encoding: None,
        decoded_from: None,
        day_zero: Some(sheet.day_zero),
    })
}

/// A Parquet file's rows under its columns (cargo feature `parquet`).
#[cfg(feature = "parquet")]
fn parquet(path: &Path) -> Result<FileRows, ReadError> {
    // As `Loader::parquet`: a reader panic on a crafted file is an input
    // error of the file.
    let read = std::panic::catch_unwind(|| crate::data::parquet::read_table(path))
        .unwrap_or_else(|_| Err(crate::msg!("parquet-reader-failed").words()));
    let (headers, mut rows, errors) = read.map_err(file_error)?;
    scalars_as_text(&mut rows);
    Ok(FileRows {
        headers,
        rows,
        errors,
        ..Default::default()
    })
}

#[cfg(not(feature = "parquet"))]
fn parquet(_: &Path) -> Result<FileRows, ReadError> {
    Err(file_error(crate::msg!("parquet-not-built").words()))
}

/// Numbers and booleans of a JSONL line or a Parquet row as the text a
/// CSV cell would hold (`42`, `true`): a mapping reads cells as text, and
/// a typed cell was once read as empty (a `true` in 涉诉冻结 as no value).
/// Lists stay lists (`transform` reads their items); `null` stays empty.
fn scalars_as_text(rows: &mut [RawRow]) {
    for row in rows {
        for (_, raw, _) in &mut row.cells {
            if let Raw::Json(v @ (serde_json::Value::Number(_) | serde_json::Value::Bool(_))) = raw
            {
                *raw = Raw::Text(v.to_string());
            }
        }
    }
}

/// A database value as the mapping reads it: text, as in a CSV cell. A bool
/// is `true`/`false`, a number its digits as written, an array its items
/// joined by `;` (a list field's separator in every mapping); null stays
/// absent. (A mapped JSONL file once read every non-string value as an
/// empty cell: `"legal_hold": true` became the default `false`.)
pub fn as_text(v: Raw) -> Raw {
    use serde_json::Value;
    match v {
        Raw::Json(Value::Null) | Raw::Text(_) => v,
        Raw::Json(Value::String(s)) => Raw::Text(s),
        Raw::Json(Value::Array(items)) => Raw::Text(
            items
                .iter()
                .filter(|i| !i.is_null())
                .map(|i| match i {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .collect::<Vec<_>>()
                .join(";"),
        ),
        Raw::Json(other) => Raw::Text(other.to_string()),
    }
}

/// JSONL objects name their keys row by row: the header is every key in
/// the order first seen, and each row's cells are put in that order.
fn in_header_order(out: &mut FileRows) {
    for row in &out.rows {
        for (k, _, _) in &row.cells {
            if !out.headers.contains(k) {
                out.headers.push(k.clone());
            }
        }
    }
    for row in &mut out.rows {
        let mut cells: Vec<(String, Raw, Option<u32>)> = out
            .headers
            .iter()
            .map(|h| (h.clone(), Raw::Json(serde_json::Value::Null), None))
            .collect();
        for (k, v, col) in row.cells.drain(..) {
            if let Some(i) = out.headers.iter().position(|h| *h == k) {
                cells[i] = (k, v, col);
            }
        }
        row.cells = cells;
    }
}
