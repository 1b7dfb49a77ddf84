//! A file's rows as read, before any mapping: its header and its rows in
//! header order, whatever the format. The Excel reader adds its branch here.

use std::path::Path;

use crate::data::read::{self, Raw, RawRow, ReadError};
use crate::data::{encoding, split};

/// The rows of one file with the header they are in order of.
pub struct FileRows {
    pub headers: Vec<String>,
    pub rows: Vec<RawRow>,
    pub errors: Vec<ReadError>,
}

/// Reads `path` in `enc` (a byte-order mark wins). `Err` is why the file
/// could not be read at all.
pub fn read(
    path: &Path,
    enc: Option<&'static encoding_rs::Encoding>,
) -> Result<FileRows, ReadError> {
    let file_error = |message: String| ReadError {
        line: None,
        column: None,
        message,
    };
    let bytes =
        std::fs::read(path).map_err(|e| file_error(format!("cannot read this file: {e}")))?;
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let limit = crate::data::limits::MAX_LINE_BYTES;
    if let Some(e) = crate::data::limits::line_length("", &ext, &bytes, limit) {
        return Err(ReadError {
            line: e.line,
            column: e.column,
            message: e.message,
        });
    }
    let text = encoding::decode(&bytes, enc).map_err(|e| ReadError {
        line: Some(e.line),
        column: Some(e.column),
        message: e.message,
    })?;
    let text = split::lone_cr_to_lf(&text, ext == "csv");
    let mut out = FileRows {
        headers: Vec::new(),
        rows: Vec::new(),
        errors: Vec::new(),
    };
    match ext.as_str() {
        "csv" => {
            let mut header_errors = Vec::new();
            match read::csv_headers(&text, &mut header_errors) {
                Some((headers, _)) => {
                    out.headers = headers;
                    read::csv(&text, &mut out.rows, &mut out.errors);
                }
                None => out.errors = header_errors,
            }
        }
        "jsonl" => {
            read::jsonl(&text, &mut out.rows, &mut out.errors);
            in_header_order(&mut out);
        }
        other => return Err(file_error(super::messages::cannot_map_format(other))),
    }
    // The decoded text lost a UTF-8 byte-order mark: offsets point into
    // the file, where quoted lines are read from.
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        for row in &mut out.rows {
            row.offset += 3;
        }
    }
    Ok(out)
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
