//! A file's rows as read, before any mapping: its header and its rows in
//! header order, whatever the format (CSV, JSONL, a workbook's sheet).

use std::collections::{HashMap, HashSet};
use std::path::Path;

use rayon::prelude::*;

use crate::data::excel::{self, SheetsRead};
use crate::data::read::{self, Base, Raw, RawRow, ReadError};
use crate::data::source::ReadOptions;
use crate::data::{encoding, split};

use super::plan::{self, CellAt};

/// The rows of one file with the header they are in order of.
#[derive(Default)]
pub struct FileRows {
    pub headers: Vec<String>,
    pub rows: Rows,
    /// Errors of the file as a whole (its header, a quote left open); a
    /// text file's row errors come with its pieces ([`Rows::piece`]).
    pub errors: Vec<ReadError>,
    /// A workbook's sheet read, and its other sheets (not read).
    pub sheet: Option<SheetsRead>,
    /// The encoding the text was read in when the case did not name it
    /// (a byte-order mark's, or guessed: `true`); `None` for UTF-8.
    pub unnamed_encoding: Option<(&'static encoding_rs::Encoding, bool)>,
    /// Whether the text, UTF-16, was read as tab-separated
    /// (`split::tabs_to_commas`).
    pub tab_separated: bool,
    /// The encoding the text was decoded from when it is not plain UTF-8,
    /// named or not (`InputFile::encoding`).
    pub decoded_from: Option<&'static encoding_rs::Encoding>,
    /// A workbook's day 0 for its serial dates (its date system).
    pub day_zero: Option<jiff::civil::Date>,
    /// A workbook's date and long number cells (`excel::TypedCells`).
    pub typed: Option<excel::TypedCells>,
    /// The file's SHA-256 in hexadecimal, when asked for
    /// (`read_in_pieces`): computed from the bytes read, not read again.
    pub sha256: Option<String>,
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
    read_in_pieces(path, enc, opts, lang, PIECE_BYTES, false)
}

/// [`read`], a text cut into pieces of about `piece_bytes` (tests cut
/// small files small: the cut changes nothing), with the file's SHA-256
/// when `digest` (the loader lists it; the file is not read again for it).
pub fn read_in_pieces(
    path: &Path,
    enc: Option<&'static encoding_rs::Encoding>,
    opts: &ReadOptions,
    lang: crate::i18n::Lang,
    piece_bytes: usize,
    digest: bool,
) -> Result<FileRows, ReadError> {
    let bytes = std::fs::read(path)
        .map_err(|e| file_error(crate::msg!("load-cannot-read", reason = &e).text(lang)))?;
    let sha256 = digest.then(|| crate::data::loader::sha256_hex(&bytes));
    read_bytes(path, bytes, enc, opts, lang, piece_bytes).map(|rows| FileRows { sha256, ..rows })
}

fn read_bytes(
    path: &Path,
    bytes: Vec<u8>,
    enc: Option<&'static encoding_rs::Encoding>,
    opts: &ReadOptions,
    lang: crate::i18n::Lang,
    piece_bytes: usize,
) -> Result<FileRows, ReadError> {
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
    // **Decision (2026-12-08, hostile review f5).** A `.txt` file is
    // read as Excel's "Unicode 文本" (Save As -> Unicode Text: UTF-16,
    // tab-separated) exactly as a `.csv` of those bytes is; any other
    // `.txt` is an input error saying what it can be (docs/mapping.md).
    let delimited = ext == "csv" || ext == "txt";
    let text = split::lone_cr_to_lf(&text, delimited).into_owned();
    let utf16 = decoded_from.is_some_and(encoding::is_utf16);
    let tabbed = split::tabs_to_commas(&text, delimited && utf16);
    let tab_separated = tabbed.is_some();
    let text = tabbed.unwrap_or(text);
    drop(bytes);
    let mut out = FileRows {
        unnamed_encoding: unnamed,
        decoded_from,
        tab_separated,
        ..Default::default()
    };
    match ext.as_str() {
        "txt" if !tab_separated => {
            return Err(file_error(crate::t!(lang, "mapping-txt-not-unicode-text")))
        }
        "csv" | "txt" => {
            let header_row = opts.header_row.unwrap_or(1);
            let header = crate::data::loader::csv_header_at(&text, header_row, &mut out.errors);
            if let Some((headers, body)) = header {
                let rows = TextRows::csv(text, headers.clone(), body, piece_bytes);
                if let Some(open) = rows.open_quote {
                    out.errors.push(read::open_quote_error(open));
                }
                out.headers = headers;
                out.rows = Rows::Text(rows);
            }
        }
        "jsonl" => {
            let rows = TextRows::jsonl(text, piece_bytes);
            out.headers = rows.headers.clone();
            out.rows = Rows::Text(rows);
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
        rows: Rows::Held(sheet.rows),
        errors: sheet.errors,
        sheet: Some(SheetsRead {
            name: sheet.name,
            hidden: sheet.hidden,
            others: sheet.others,
        }),
        unnamed_encoding: None,
        tab_separated: false,
        decoded_from: None,
        day_zero: Some(sheet.day_zero),
        typed: Some(sheet.typed),
        sha256: None,
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
        rows: Rows::Held(rows),
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
/// the order first seen (`keys_in_order`), and each row's cells are put in
/// that order.
fn in_header_order(headers: &[String], rows: &mut [RawRow]) {
    for row in rows {
        let mut cells: Vec<(String, Raw, Option<u32>)> = headers
            .iter()
            .map(|h| (h.clone(), Raw::Json(serde_json::Value::Null), None))
            .collect();
        for (k, v, col) in row.cells.drain(..) {
            if let Some(i) = headers.iter().position(|h| *h == k) {
                cells[i] = (k, v, col);
            }
        }
        row.cells = cells;
    }
}

/// Rows held in memory, a chunk at a time, as pieces.
const HELD_PIECE_ROWS: usize = 4096;

/// A file's rows: held (a workbook's sheet, a Parquet file, a database
/// result), or read from its text a piece at a time, so that a mapped log
/// of millions of rows is never held as rows all at once (issue 16: a
/// 34 MB mapped CSV once took 1.2 GB, read whole as owned cells).
pub enum Rows {
    Held(Vec<RawRow>),
    Text(TextRows),
}

impl Default for Rows {
    fn default() -> Self {
        Rows::Held(Vec::new())
    }
}

impl From<Vec<RawRow>> for Rows {
    fn from(rows: Vec<RawRow>) -> Self {
        Rows::Held(rows)
    }
}

impl Rows {
    /// How many pieces the rows come in.
    pub fn pieces(&self) -> usize {
        match self {
            Rows::Held(rows) => rows.len().div_ceil(HELD_PIECE_ROWS),
            Rows::Text(t) => t.pieces.len(),
        }
    }

    /// Gives `f` each row of piece `i` as its cells by position, and
    /// returns the piece's read errors: a CSV record is read in place,
    /// with no string per cell (a mapped file's rows are visited twice,
    /// `survey` then `Loader::mapped_rows`). Other rows are owned first,
    /// their cells' columns found only when `columns` (a JSONL key's is
    /// searched for in its line).
    pub fn visit_piece(
        &self,
        i: usize,
        columns: bool,
        f: &mut dyn FnMut(&dyn CellAt),
    ) -> Vec<ReadError> {
        let t = match self {
            Rows::Text(t) if t.csv => t,
            Rows::Text(t) => {
                let (rows, errors) = t.piece(i, columns, false);
                for row in &rows {
                    f(&JsonlRow {
                        row,
                        headers: &t.headers,
                        positions: &t.positions,
                    });
                }
                return errors;
            }
            Rows::Held(rows) => {
                let start = (i * HELD_PIECE_ROWS).min(rows.len());
                let end = (start + HELD_PIECE_ROWS).min(rows.len());
                rows[start..end].iter().for_each(|row| f(row));
                return Vec::new();
            }
        };
        let mut errors = Vec::new();
        t.each_raw(i, &mut errors, &mut |row| {
            if t.open_quote.is_some_and(|open| row.line >= open) {
                return;
            }
            if let read::Cells::Csv { fields, .. } = &row.cells {
                f(&CsvRecord {
                    line: row.line,
                    offset: row.offset,
                    fields: *fields,
                });
            }
        });
        if let Some(open) = t.open_quote {
            read::drop_after_open_quote(&mut errors, open);
        }
        errors
    }

    /// What `f` finds in each piece's rows (cells without columns), on
    /// the pool, in piece order.
    pub fn map_pieces<T: Send + Default>(&self, f: impl Fn(&mut T, &dyn CellAt) + Sync) -> Vec<T> {
        (0..self.pieces())
            .into_par_iter()
            .map(|i| {
                let mut found = T::default();
                self.visit_piece(i, false, &mut |row| f(&mut found, row));
                found
            })
            .collect()
    }

    /// Every row in file order, piece by piece (cells without columns).
    pub fn for_each(&self, mut f: impl FnMut(&dyn CellAt)) {
        for i in 0..self.pieces() {
            self.visit_piece(i, false, &mut f);
        }
    }

    /// Every row at once, and every read error (`custodia init`, which
    /// reads a file's values whole).
    pub fn into_vec(self) -> (Vec<RawRow>, Vec<ReadError>) {
        match self {
            Rows::Held(rows) => (rows, Vec::new()),
            Rows::Text(t) => {
                let (mut rows, mut errors) = (Vec::new(), Vec::new());
                for i in 0..t.pieces.len() {
                    let (r, e) = t.piece(i, true, true);
                    rows.extend(r);
                    errors.extend(e);
                }
                (rows, errors)
            }
        }
    }
}

/// A CSV record read in place, its cells by position.
struct CsvRecord<'a> {
    line: u32,
    offset: u64,
    fields: read::Fields<'a>,
}

impl CsvRecord<'_> {
    /// The cell as written.
    fn raw(&self, position: usize) -> Option<&str> {
        self.fields.get(position)
    }
}

impl CellAt for CsvRecord<'_> {
    fn line(&self) -> u32 {
        self.line
    }
    fn offset(&self) -> u64 {
        self.offset
    }
    fn cell_at(&self, position: usize) -> Option<&str> {
        self.raw(position).map(str::trim)
    }
    fn text_at(&self, position: usize) -> Option<std::borrow::Cow<'_, str>> {
        self.raw(position).map(Into::into)
    }
    fn structured_at(&self, _: usize) -> Option<&serde_json::Value> {
        None
    }
    fn column_at(&self, position: usize) -> Option<u32> {
        (position < self.fields.len()).then_some(position as u32 + 1)
    }
    fn any_text(&self, f: &mut dyn FnMut(usize, &str) -> bool) -> bool {
        (0..self.fields.len()).any(|i| self.raw(i).is_some_and(|t| f(i, t)))
    }
}

/// A JSONL line's cells, in the order of the line, read by the file's
/// header: a line holds its own keys only, not one cell per key of the
/// whole file (lines of 8,000 distinct keys once took 8.5 GB).
struct JsonlRow<'a> {
    row: &'a RawRow,
    headers: &'a [String],
    positions: &'a HashMap<String, usize>,
}

impl JsonlRow<'_> {
    fn find(&self, position: usize) -> Option<&(String, Raw, Option<u32>)> {
        let key = self.headers.get(position)?;
        self.row.cells.iter().find(|c| c.0 == *key)
    }
}

impl CellAt for JsonlRow<'_> {
    fn line(&self) -> u32 {
        self.row.line
    }
    fn offset(&self) -> u64 {
        self.row.offset
    }
    fn cell_at(&self, position: usize) -> Option<&str> {
        self.find(position).and_then(|c| plan::raw_cell(&c.1))
    }
    fn text_at(&self, position: usize) -> Option<std::borrow::Cow<'_, str>> {
        self.find(position).and_then(|c| plan::raw_text(&c.1))
    }
    fn structured_at(&self, position: usize) -> Option<&serde_json::Value> {
        self.find(position).and_then(|c| plan::raw_structured(&c.1))
    }
    fn column_at(&self, position: usize) -> Option<u32> {
        self.find(position).and_then(|c| c.2)
    }
    fn any_text(&self, f: &mut dyn FnMut(usize, &str) -> bool) -> bool {
        self.row.cells.iter().any(|(key, raw, _)| {
            let (Some(&at), Some(text)) = (self.positions.get(key), plan::raw_text(raw)) else {
                return false;
            };
            f(at, &text)
        })
    }
}

/// A CSV or JSONL text, cut at record ends into pieces that parse on their
/// own (`split::split_points`, as for unmapped files).
pub struct TextRows {
    text: String,
    headers: Vec<String>,
    /// A JSONL header's keys -> their positions.
    positions: HashMap<String, usize>,
    csv: bool,
    /// (start, end, where the piece starts in the file).
    pieces: Vec<(usize, usize, Base)>,
    /// A CSV quote that never closes, from this line on.
    open_quote: Option<u32>,
}

impl TextRows {
    fn csv(text: String, headers: Vec<String>, body: usize, piece_bytes: usize) -> TextRows {
        let (starts, open_quote) = split::split_points(&text, body, piece_bytes, true);
        let pieces = crate::data::parallel::bounds(&text, &starts, Base::default());
        TextRows {
            text,
            headers,
            positions: HashMap::new(),
            csv: true,
            pieces,
            open_quote,
        }
    }

    /// The header of a JSONL text is every key in the order first seen:
    /// one pass over its pieces on the pool, keys only.
    fn jsonl(text: String, piece_bytes: usize) -> TextRows {
        let (starts, _) = split::split_points(&text, 0, piece_bytes, false);
        let mut rows = TextRows {
            pieces: crate::data::parallel::bounds(&text, &starts, Base::default()),
            text,
            headers: Vec::new(),
            positions: HashMap::new(),
            csv: false,
            open_quote: None,
        };
        let keys: Vec<Vec<String>> = (0..rows.pieces.len())
            .into_par_iter()
            .map(|i| {
                let (mut keys, mut seen) = (Vec::new(), HashSet::new());
                rows.each_raw(i, &mut Vec::new(), &mut |row| {
                    row.each(|_, k, _| {
                        if !seen.contains(k) {
                            seen.insert(k.to_string());
                            keys.push(k.to_string());
                        }
                    })
                });
                keys
            })
            .collect();
        for k in keys.into_iter().flatten() {
            if !rows.positions.contains_key(&k) {
                rows.positions.insert(k.clone(), rows.headers.len());
                rows.headers.push(k);
            }
        }
        rows
    }

    fn each_raw(
        &self,
        i: usize,
        errors: &mut Vec<ReadError>,
        sink: &mut dyn FnMut(&read::RowView),
    ) {
        let (start, end, base) = self.pieces[i];
        let text = &self.text[start..end];
        let bad = crate::data::encoding::BadBytes::default();
        if self.csv {
            read::csv_body(text, &self.headers, base, &bad, errors, sink);
        } else {
            read::jsonl_body(text, base, &bad, errors, sink);
        }
    }

    /// The rows of piece `i`; a JSONL line's cells in header order, one
    /// per key of the file, only when `dense` (`Rows::into_vec`).
    fn piece(&self, i: usize, columns: bool, dense: bool) -> (Vec<RawRow>, Vec<ReadError>) {
        let (mut rows, mut errors) = (Vec::new(), Vec::new());
        // A CSV row is read by position: its cells need no keys; a JSONL
        // row's keys put it in header order.
        let keyed = !self.csv;
        self.each_raw(i, &mut errors, &mut |row| {
            rows.push(read::owned_as(row, keyed, columns))
        });
        if let Some(open) = self.open_quote {
            // The file's error says so once (`read`); the rest of the text
            // is one field.
            rows.retain(|r| r.line < open);
            read::drop_after_open_quote(&mut errors, open);
        }
        if !self.csv {
            if dense {
                in_header_order(&self.headers, &mut rows);
            }
            scalars_as_text(&mut rows);
        }
        (rows, errors)
    }
}

/// Bytes of text per piece, as for unmapped files.
const PIECE_BYTES: usize = crate::data::parallel::PIECE_BYTES;
