//! The .ods cells calamine reads otherwise than LibreOffice does, read
//! again from content.xml (hostile review, 2026-12-05). calamine takes a
//! cell's value from its value attribute (`office:value`,
//! `office:boolean-value`, ...) or, for `office:value-type="string"`, from
//! its text; everything else is an empty cell. So:
//!
//! - a cell with text but no `office:value-type` (as simple exporters
//!   write it), or a typed cell without its value attribute (a `float`
//!   with only `<text:p>`), read as empty, where LibreOffice reads its
//!   text: a `是` in the legal-hold column vanished, and a whole log row
//!   written so was skipped as blank. It is read as its text here;
//! - `office:boolean-value="1"` read as false (calamine knows `true` and
//!   `TRUE` only). ODF's booleans are XML Schema's: `true`, `false`, `1`,
//!   `0`, read here in any case; any other is an input error at its cell;
//! - a formula whose result was not saved (a string type with no value
//!   and no text) read as an empty string, which the reader took for one
//!   the formula computed; and a formula that ended in an error, which
//!   LibreOffice saves as an empty string marked
//!   `calcext:value-type="error"` with the error's text (`#N/A`), read as
//!   an empty cell too. Both are input errors at their cell.
//!
//! - a string cell's text was every text node of the cell joined: a
//!   footnote's number (`<text:note>`), a ruby's reading, a span in a
//!   span, an element LibreOffice does not know, all of which LibreOffice
//!   leaves out of the cell, so `R-1` with a footnote `0` read `R-10`, an
//!   existing record (hostile review, 2026-12-07). A cell with text in
//!   such an element is an input error at its cell (what it shows is not
//!   known: another reader may show it); tabs and line breaks, which
//!   calamine drops, are read as LibreOffice shows them (`CellText`).
//!
//! Cells are placed as calamine places them (rows and cells with their
//! `-repeated` counts), in one streamed pass over content.xml, with the
//! events calamine reads. A file calamine cannot read gives what was found
//! before it fails (calamine reports the failure).

use std::collections::{BTreeMap, HashMap};
use std::io::BufRead;
use std::ops::ControlFlow;

use calamine::{Data, Range};
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::QName;

use super::limits::MAX_SHEET_CELLS;

type Xml<R> = quick_xml::Reader<R>;

/// What one sheet's XML says beyond calamine's reading.
#[derive(Debug, Default, PartialEq)]
pub struct OdsCells {
    /// Cells whose value calamine reads otherwise, each over the block of
    /// cells its element stands for (its repeats).
    pub values: Vec<Run>,
    /// Cells that cannot be read, and why.
    pub bad: BadCells,
}

/// Cells that cannot be read, by row element: its first 0-based row, the
/// rows it stands for, and its bad cells as (first column, columns, why),
/// in column order. A block of repeated cells is one entry, however many
/// rows and columns it spans.
#[derive(Debug, Default, PartialEq)]
pub struct BadCells(BTreeMap<u32, BadRow>);

/// The rows a row element stands for, and its bad cells as (first
/// column, columns, why), in column order.
type BadRow = (u32, Vec<(u32, u32, Bad)>);

impl BadCells {
    /// Why the cell at 0-based (row, column) cannot be read, if it cannot.
    pub fn at(&self, (row, column): (u32, u32)) -> Option<&Bad> {
        let (first, (rows, cells)) = self.0.range(..=row).next_back()?;
        if row - first >= *rows {
            return None;
        }
        let i = cells.partition_point(|(c, n, _)| c.saturating_add(*n) <= column);
        cells
            .get(i)
            .filter(|(c, _, _)| *c <= column)
            .map(|(_, _, why)| why)
    }

    /// Adds the one cell `at` (0-based row, column), in any order: an
    /// .xlsx sheet's cells need not be in order.
    pub fn add_cell(&mut self, (row, column): (u32, u32), why: Bad) {
        let (_, cells) = self.0.entry(row).or_insert_with(|| (1, Vec::new()));
        let i = cells.partition_point(|(c, _, _)| *c < column);
        cells.insert(i, (column, 1, why));
    }

    fn add(&mut self, (row, rows): (u32, u32), (column, columns): (u32, u32), why: Bad) {
        let entry = self.0.entry(row).or_insert_with(|| (rows, Vec::new()));
        entry.1.push((column, columns, why));
    }
}

/// One cell element's value over the block it stands for: `rows` rows
/// and `columns` columns from `first` (0-based row, column).
#[derive(Debug, PartialEq)]
pub struct Run {
    pub first: (u32, u32),
    pub rows: u32,
    pub columns: u32,
    pub value: Data,
}

/// Why a cell cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Bad {
    /// A formula whose result was not saved.
    Unsaved,
    /// A boolean cell whose `office:boolean-value` is not an ODF boolean.
    Boolean,
    /// A string cell whose `office:string-value` (what calamine reads) and
    /// text (what the sheet shows) differ.
    TwoTexts,
    /// A formula that ended in an error: the error's text when it reads as
    /// one (`#N/A`, `Err:502`), else `None` (the text is not quoted: it
    /// could be anything, a personal value too).
    Error(Option<String>),
    /// An .xlsx shared-string index that is not plain digits (`1.0`),
    /// as written.
    SharedIndex(String),
    /// An .xlsx string with text in an element a reader may or may not
    /// show (`excel_strings`).
    Parts,
    /// An .ods cell with text in an element a reader may or may not show
    /// (a note, ruby text, an unknown element, a span in a span).
    HiddenText,
}

/// The cells of every sheet of the .ods `bytes` that calamine reads
/// otherwise, by sheet name (a workbook with two sheets of one name is
/// refused before this is used: `excel::read_sheet`).
pub fn ods_cells(bytes: &[u8]) -> HashMap<String, OdsCells> {
    let mut sheets = HashMap::new();
    super::excel_box_ods::each_table(bytes, |xml, name| {
        let mut cells = OdsCells::default();
        let done = table(xml, &mut cells);
        sheets.entry(name).or_insert(cells);
        match done {
            true => ControlFlow::Continue(()),
            false => ControlFlow::Break(()),
        }
    });
    sheets
}

/// `range` with the cells of `values` set: the box grows to hold them
/// (calamine's box holds only the cells it read as values).
pub fn apply(range: Range<Data>, values: &[Run]) -> Range<Data> {
    let values: Vec<&Run> = values
        .iter()
        .filter(|v| v.rows > 0 && v.columns > 0)
        .filter(|v| u64::from(v.rows) * u64::from(v.columns) <= MAX_SHEET_CELLS)
        .collect();
    let last_of = |v: &Run| {
        (
            v.first.0.saturating_add(v.rows - 1),
            v.first.1.saturating_add(v.columns - 1),
        )
    };
    let mut corners = range.start().zip(range.end());
    for v in &values {
        let (first, last) = (v.first, last_of(v));
        corners = Some(match corners {
            None => (first, last),
            Some((s, e)) => (
                (s.0.min(first.0), s.1.min(first.1)),
                (e.0.max(last.0), e.1.max(last.1)),
            ),
        });
    }
    let Some((start, end)) = corners else {
        return range;
    };
    let mut out = if range.start() == Some(start) && range.end() == Some(end) {
        range
    } else {
        let mut out = Range::new(start, end);
        if let Some(from) = range.start() {
            for (r, c, v) in range.used_cells() {
                out.set_value((from.0 + r as u32, from.1 + c as u32), v.clone());
            }
        }
        out
    };
    for v in values {
        let last = last_of(v);
        for r in v.first.0..=last.0 {
            for c in v.first.1..=last.1 {
                out.set_value((r, c), v.value.clone());
            }
        }
    }
    out
}

/// One sheet after its `table:table` start, as calamine's `read_table`
/// reads it; `false` where calamine fails (nothing after is read).
fn table<R: BufRead>(xml: &mut Xml<R>, cells: &mut OdsCells) -> bool {
    let mut row = 0u32;
    let mut buf = Vec::new();
    loop {
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e)) if e.name() == QName(b"table:table-row") => {
                let repeats = match rows_repeated(xml, &e) {
                    Some(n) => n,
                    None => return false,
                };
                if !row_of(xml, (row, repeats), cells) {
                    return false;
                }
                row = row.saturating_add(repeats);
            }
            Ok(Event::End(e)) if e.name() == QName(b"table:table") => return true,
            Ok(Event::Eof) | Err(_) => return false,
            Ok(_) => {}
        }
        buf.clear();
    }
}

/// A row's `number-rows-repeated`, 1 without one, as calamine parses it
/// (unsigned, entities unescaped); `None` where calamine fails on it.
fn rows_repeated<R>(xml: &Xml<R>, e: &BytesStart) -> Option<u32> {
    let Some(a) = e.try_get_attribute(b"table:number-rows-repeated").ok()? else {
        return Some(1);
    };
    let text = a.decode_and_unescape_value(xml.decoder()).ok()?;
    let n: usize = text.parse().ok()?;
    Some(u32::try_from(n).unwrap_or(u32::MAX))
}

/// A cell's `number-columns-repeated`, 1 without one, as calamine parses
/// it (an `i32`, entities not unescaped: a negative count is no column);
/// `None` where calamine fails on it.
fn columns_repeated<R>(xml: &Xml<R>, e: &BytesStart) -> Option<u32> {
    let Some(a) = e.try_get_attribute(b"table:number-columns-repeated").ok()? else {
        return Some(1);
    };
    let n: i32 = xml.decoder().decode(&a.value).ok()?.parse().ok()?;
    Some(u32::try_from(n).unwrap_or(0))
}

/// One row's cells, as calamine's `read_row` reads them; `false` where
/// calamine fails.
fn row_of<R: BufRead>(xml: &mut Xml<R>, (row, rows): (u32, u32), cells: &mut OdsCells) -> bool {
    let mut column = 0u32;
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let e = match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e))
                if matches!(
                    e.name().as_ref(),
                    b"table:table-cell" | b"table:covered-table-cell"
                ) =>
            {
                e.into_owned()
            }
            Ok(Event::End(e)) if e.name() == QName(b"table:table-row") => return true,
            _ => return false,
        };
        let Some(columns) = columns_repeated(xml, &e) else {
            return false;
        };
        let Some(cell) = Cell::of(xml, &e) else {
            return false;
        };
        // The text matters only to a cell without a value (calamine
        // reads a string's text, and nothing of another), one whose
        // string value it is compared with, or an error.
        let needed = cell.error || cell.value.is_none() || cell.string_value().is_some();
        let text = match !needed {
            true => xml
                .read_to_end_into(e.name(), &mut buf)
                .ok()
                .map(|_| CellText::default()),
            false => text_of(xml, e.name().as_ref()),
        };
        let Some(text) = text else {
            return false;
        };
        if rows > 0 && columns > 0 {
            let first = (row, column);
            match cell.reading(&text) {
                Reading::Calamine => {}
                Reading::Value(value) => cells.values.push(Run {
                    first,
                    rows,
                    columns,
                    value,
                }),
                Reading::Bad(why) => {
                    cells.bad.add((row, rows), (column, columns), why);
                    // In the box, whatever calamine read there.
                    cells.values.push(Run {
                        first,
                        rows,
                        columns,
                        value: Data::String(String::new()),
                    });
                }
            }
        }
        column = column.saturating_add(columns);
    }
}

/// What the attributes of one cell say, as calamine reads them: the first
/// value attribute wins, and `office:value-type` counts only before one.
#[derive(Debug, Default)]
struct Cell {
    /// The first value attribute: its name, and its value (unescaped)
    /// when it is `office:boolean-value` or `office:string-value` (the
    /// others calamine reads).
    value: Option<(Vec<u8>, String)>,
    /// `office:value-type="string"` before any value attribute.
    string: bool,
    /// A non-empty `table:formula`.
    formula: bool,
    /// LibreOffice's mark of a formula that ended in an error
    /// (`calcext:value-type="error"`).
    error: bool,
}

/// How a cell is to be read.
enum Reading {
    /// As calamine reads it.
    Calamine,
    Value(Data),
    Bad(Bad),
}

impl Cell {
    fn of<R>(xml: &Xml<R>, e: &BytesStart) -> Option<Cell> {
        let mut cell = Cell::default();
        for a in e.attributes() {
            let a = a.ok()?;
            match a.key.as_ref() {
                b"office:value"
                | b"office:string-value"
                | b"office:date-value"
                | b"office:time-value"
                | b"office:boolean-value"
                    if cell.value.is_none() =>
                {
                    let v = match a.key.as_ref() {
                        b"office:boolean-value" | b"office:string-value" => a
                            .decode_and_unescape_value(xml.decoder())
                            .ok()?
                            .into_owned(),
                        _ => String::new(),
                    };
                    cell.value = Some((a.key.as_ref().to_vec(), v));
                }
                b"office:value-type" if cell.value.is_none() => {
                    cell.string = &*a.value == b"string";
                }
                b"table:formula" => {
                    let f = a.decode_and_unescape_value(xml.decoder()).ok()?;
                    cell.formula = !f.is_empty();
                }
                // LibreOffice's own value type beside ODF's, under its
                // `calcext` prefix (whatever a file names it).
                key if key.ends_with(b":value-type") && &*a.value == b"error" => {
                    cell.error = true;
                }
                _ => {}
            }
        }
        Some(cell)
    }

    /// The `office:string-value` of a cell that is not a formula (a
    /// formula's is its result, its text how the result is shown).
    fn string_value(&self) -> Option<&str> {
        match &self.value {
            Some((key, v)) if key == b"office:string-value" && !self.formula => Some(v),
            _ => None,
        }
    }

    /// How the cell whose text is `text` is read.
    fn reading(&self, text: &CellText) -> Reading {
        if self.error {
            return Reading::Bad(Bad::Error(error_text(&text.shown)));
        }
        // Text a reader may or may not show, where the value is the
        // text or is compared with it.
        if text.hidden && (self.value.is_none() || self.string_value().is_some()) {
            return Reading::Bad(Bad::HiddenText);
        }
        let shown = text.shown.as_str();
        match &self.value {
            Some((key, v)) if key == b"office:boolean-value" => match boolean(v) {
                Some(b) => Reading::Value(Data::Bool(b)),
                None => Reading::Bad(Bad::Boolean),
            },
            // The value says one text and the cell shows another: which
            // one the company meant is not known.
            Some(_)
                if self
                    .string_value()
                    .is_some_and(|v| !shown.is_empty() && v != shown) =>
            {
                Reading::Bad(Bad::TwoTexts)
            }
            Some(_) => Reading::Calamine,
            // A formula whose result was not saved: no value, and no text
            // for a string (calamine reads the empty text as a computed
            // empty string); a formula without a type is one too.
            None if self.formula && (!self.string || shown.is_empty()) => {
                Reading::Bad(Bad::Unsaved)
            }
            // A string's text is read by calamine, where it reads it as
            // shown (it drops tabs and line breaks).
            None if (self.string || self.formula) && text.calamine == shown => Reading::Calamine,
            None if self.string || self.formula => Reading::Value(Data::String(shown.into())),
            // No value: its text, as LibreOffice reads it.
            None if !shown.is_empty() => Reading::Value(Data::String(shown.into())),
            None => Reading::Calamine,
        }
    }
}

/// An ODF boolean (XML Schema's `boolean`), in any case.
fn boolean(v: &str) -> Option<bool> {
    let v = v.trim_matches([' ', '\t', '\n', '\r']);
    match v.to_ascii_lowercase().as_str() {
        "true" | "1" => Some(true),
        "false" | "0" => Some(false),
        _ => None,
    }
}

/// An error cell's text when it reads as a spreadsheet error (`#N/A`,
/// `#DIV/0!`, `Err:502`): quoted in the message; any other is not.
fn error_text(text: &str) -> Option<String> {
    let t = text.trim();
    let hash = t.strip_prefix('#').is_some_and(|rest| {
        !rest.is_empty()
            && rest
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || "/!?_.".contains(c))
    });
    let err = t
        .strip_prefix("Err:")
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    ((hash || err) && t.len() <= 16).then(|| t.to_string())
}

/// A cell's text read two ways.
#[derive(Debug, Default, PartialEq)]
struct CellText {
    /// As calamine's `get_datatype` spells out a string cell's:
    /// paragraphs joined by line ends, `text:s` as that many spaces,
    /// every other text node whatever element holds it, notes
    /// (`office:annotation`) left out.
    calamine: String,
    /// As LibreOffice shows it (sc/source/filter/xml/celltextparacontext):
    /// text directly in a paragraph, in a span, a link or a ruby's base,
    /// `text:tab` and `text:line-break` as a tab and a line end.
    shown: String,
    /// Text in an element a reader may or may not show in the cell (a
    /// `text:note`, a ruby's text, a span in a span, an element
    /// LibreOffice does not know): what the cell shows is not known
    /// (hostile review, 2026-12-07: `R-1` with a footnote numbered `0`
    /// read `R-10`, another record).
    hidden: bool,
}

impl CellText {
    /// `text` met inside the elements `path` (from the cell's first).
    fn add(&mut self, path: &[Vec<u8>], text: &str) {
        self.calamine.push_str(text);
        match shown_path(path) {
            true => self.shown.push_str(text),
            false => self.hidden |= !text.is_empty(),
        }
    }
}

/// Whether text inside the elements `path` is shown in the cell.
fn shown_path(path: &[Vec<u8>]) -> bool {
    let names: Vec<&[u8]> = path.iter().map(Vec::as_slice).collect();
    matches!(
        names.as_slice(),
        [b"text:p"]
            | [b"text:p", b"text:span" | b"text:a"]
            | [b"text:p", b"text:span", b"text:a"]
            | [b"text:p", b"text:a", b"text:span"]
            | [b"text:p", b"text:ruby", b"text:ruby-base"]
    )
}

/// The text of a cell, up to its end, both ways (`CellText`). `None`
/// where calamine fails.
fn text_of<R: BufRead>(xml: &mut Xml<R>, cell: &[u8]) -> Option<CellText> {
    let (mut text, mut paragraphs) = (CellText::default(), 0u32);
    // The elements open inside the cell (a table in a cell too: its
    // cells are not this cell's end).
    let mut path: Vec<Vec<u8>> = Vec::new();
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf).ok()? {
            Event::End(e) if e.name().as_ref() == cell && path.is_empty() => return Some(text),
            Event::End(_) => {
                path.pop();
            }
            Event::Text(t) => text.add(&path, &t.xml10_content().ok()?),
            Event::GeneralRef(e) => {
                let name = e.decode().ok()?;
                let c = match quick_xml::escape::resolve_predefined_entity(&name) {
                    Some(c) => c.to_string(),
                    None => e.resolve_char_ref().ok()??.to_string(),
                };
                text.add(&path, &c);
            }
            Event::Start(e) if e.name() == QName(b"office:annotation") => loop {
                buf.clear();
                match xml.read_event_into(&mut buf).ok()? {
                    Event::End(e) if e.name() == QName(b"office:annotation") => break,
                    Event::Eof => return None,
                    _ => {}
                }
            },
            Event::Start(e) => {
                let name = e.name().as_ref().to_vec();
                match name.as_slice() {
                    b"text:p" => {
                        if paragraphs > 0 {
                            text.calamine.push('\n');
                            text.shown.push('\n');
                        }
                        paragraphs += 1;
                    }
                    b"text:s" => {
                        let n = match e.try_get_attribute(b"text:c").ok()? {
                            Some(c) => c
                                .decode_and_unescape_value(xml.decoder())
                                .ok()?
                                .parse::<i32>()
                                .ok()?,
                            None => 1,
                        };
                        // Bounded by the count of text before the workbook
                        // opens (`excel_box_ods`).
                        let spaces = " ".repeat(usize::try_from(n).unwrap_or(0));
                        text.add(&path, &spaces);
                    }
                    b"text:tab" | b"text:line-break" if shown_path(&path) => {
                        let c = if name == b"text:tab" { '\t' } else { '\n' };
                        text.shown.push(c);
                    }
                    _ => {}
                }
                path.push(name);
            }
            Event::Eof => return None,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Cursor, Write};

    /// An .ods whose one sheet `表` holds the rows `rows` (XML).
    fn ods(rows: &str) -> Vec<u8> {
        let content = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content \
             xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
             xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" \
             xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" \
             xmlns:calcext=\"urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0\">\
             <office:body><office:spreadsheet><table:table table:name=\"表\">{rows}\
             </table:table></office:spreadsheet></office:body></office:document-content>"
        );
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        zip.start_file("content.xml", options).expect("in memory");
        zip.write_all(content.as_bytes()).expect("in memory");
        zip.finish().expect("in memory").into_inner()
    }

    fn row(cells: &[&str]) -> String {
        format!("<table:table-row>{}</table:table-row>", cells.concat())
    }

    fn cells_of(rows: &str) -> OdsCells {
        ods_cells(&ods(rows)).remove("表").expect("the sheet")
    }

    const S: &str =
        "<table:table-cell office:value-type=\"string\"><text:p>x</text:p></table:table-cell>";

    #[test]
    fn a_cell_with_text_and_no_value_is_its_text() {
        let rows = row(&[
            S,
            "<table:table-cell table:number-columns-repeated=\"2\"><text:p>是</text:p>\
             <text:p>b<text:s text:c=\"2\"/>c</text:p></table:table-cell>",
            "<table:table-cell office:value-type=\"float\"><text:p>12</text:p></table:table-cell>",
            "<table:table-cell table:style-name=\"ce1\"/>",
            "<table:table-cell><office:annotation><text:p>note</text:p></office:annotation>\
             </table:table-cell>",
        ]);
        let rows = format!(
            "<table:table-row table:number-rows-repeated=\"3\"><table:table-cell/></table:table-row>{rows}"
        );
        let found = cells_of(&rows);
        assert_eq!(
            found.values,
            [
                Run {
                    first: (3, 1),
                    rows: 1,
                    columns: 2,
                    value: Data::String("是\nb  c".into())
                },
                Run {
                    first: (3, 3),
                    rows: 1,
                    columns: 1,
                    value: Data::String("12".into())
                }
            ]
        );
        assert_eq!(found.bad, BadCells::default());
    }

    #[test]
    fn odf_booleans_are_read_in_every_lexical_form() {
        let b = |v: &str| {
            format!(
                "<table:table-cell office:value-type=\"boolean\" office:boolean-value=\"{v}\"/>"
            )
        };
        let cells: Vec<String> = ["1", "0", "TRUE", "False", " true ", "yes", ""]
            .iter()
            .map(|v| b(v))
            .collect();
        let refs: Vec<&str> = cells.iter().map(String::as_str).collect();
        let found = cells_of(&row(&refs));
        let values: Vec<(u32, Data)> = found
            .values
            .iter()
            .filter(|r| matches!(r.value, Data::Bool(_)))
            .map(|r| (r.first.1, r.value.clone()))
            .collect();
        assert_eq!(
            values,
            [
                (0, Data::Bool(true)),
                (1, Data::Bool(false)),
                (2, Data::Bool(true)),
                (3, Data::Bool(false)),
                (4, Data::Bool(true)),
            ]
        );
        assert_eq!(found.bad.at((0, 5)), Some(&Bad::Boolean));
        assert_eq!(found.bad.at((0, 6)), Some(&Bad::Boolean));
        assert_eq!(found.bad.at((0, 4)), None);
        assert_eq!(found.bad.at((1, 5)), None);
    }

    /// Text in an element LibreOffice leaves out of the cell (a note, a
    /// ruby's reading, a span in a span, an unknown element) makes the
    /// cell unreadable; spans, links, a ruby's base, tabs and line breaks
    /// are read as shown.
    #[test]
    fn text_a_reader_may_not_show_is_bad_and_the_rest_read_as_shown() {
        let cell = |inner: &str| {
            format!(
                "<table:table-cell office:value-type=\"string\"><text:p>{inner}</text:p></table:table-cell>"
            )
        };
        let hidden = [
            "R-1<text:note text:id=\"n1\"><text:note-citation>0</text:note-citation><text:note-body/></text:note>",
            "<text:ruby><text:ruby-base>R-1</text:ruby-base><text:ruby-text>0</text:ruby-text></text:ruby>",
            "<text:span>R-1<text:span>0</text:span></text:span>",
            "R-1<text:sequence text:name=\"x\">0</text:sequence>",
        ];
        let shown = [
            "<text:span text:style-name=\"T1\">R-1</text:span>",
            "<text:a xlink:href=\"x\">R-1</text:a>",
            "R-1<text:tab/>",
            "R<text:s/>1<text:line-break/>",
            "<text:ruby><text:ruby-base>R-1</text:ruby-base><text:ruby-text/></text:ruby>",
            "R-1<text:bookmark text:name=\"b\"/>",
        ];
        let cells: Vec<String> = hidden.iter().chain(&shown).map(|c| cell(c)).collect();
        let refs: Vec<&str> = cells.iter().map(String::as_str).collect();
        let found = cells_of(&row(&refs));
        let bad: Vec<bool> = (0..10)
            .map(|c| found.bad.at((0, c)) == Some(&Bad::HiddenText))
            .collect();
        assert_eq!(
            bad,
            [true, true, true, true, false, false, false, false, false, false]
        );
        let values: Vec<(u32, Data)> = found
            .values
            .iter()
            .filter(|r| r.first.1 >= 4)
            .map(|r| (r.first.1, r.value.clone()))
            .collect();
        assert_eq!(
            values,
            [
                (6, Data::String("R-1\t".into())),
                (7, Data::String("R 1\n".into()))
            ]
        );
    }

    /// A string cell whose `office:string-value` and text differ says two
    /// things (calamine reads the value, the sheet shows the text); the
    /// same, or no text, is read as calamine reads it, and a formula's
    /// value is its result whatever it shows.
    #[test]
    fn a_string_value_against_its_text_is_bad() {
        let found = cells_of(&row(&[
            "<table:table-cell office:value-type=\"string\" office:string-value=\"\"><text:p>是</text:p></table:table-cell>",
            "<table:table-cell office:value-type=\"string\" office:string-value=\"是\"><text:p>是</text:p></table:table-cell>",
            "<table:table-cell office:value-type=\"string\" office:string-value=\"是\"/>",
            "<table:table-cell table:formula=\"of:=1\" office:value-type=\"string\" office:string-value=\"1\"><text:p>1.0</text:p></table:table-cell>",
        ]));
        let bad: Vec<Option<Bad>> = (0..4).map(|c| found.bad.at((0, c)).cloned()).collect();
        assert_eq!(bad, [Some(Bad::TwoTexts), None, None, None]);
    }

    /// A bad cell repeated over rows and columns is bad over its block,
    /// and only there.
    #[test]
    fn a_repeated_bad_cell_is_bad_over_its_block() {
        let rows = format!(
            "<table:table-row><table:table-cell/></table:table-row>\
             <table:table-row table:number-rows-repeated=\"3\"><table:table-cell/>\
             <table:table-cell table:number-columns-repeated=\"2\" office:value-type=\"boolean\" \
             office:boolean-value=\"yes\"/>{S}</table:table-row>{}",
            row(&[S])
        );
        let found = cells_of(&rows);
        for r in 0..6 {
            let bad: Vec<bool> = (0..4).map(|c| found.bad.at((r, c)).is_some()).collect();
            let inside = (1..4).contains(&r);
            assert_eq!(bad, [false, inside, inside, false], "row {r}");
        }
    }

    #[test]
    fn formulas_without_a_saved_result_and_error_results_are_bad() {
        let f = "table:formula=\"of:=IF(1;&quot;是&quot;;&quot;&quot;)\"";
        let found = cells_of(&row(&[
            // Not saved: a string with no value and no text; no type.
            &format!("<table:table-cell {f} office:value-type=\"string\"/>"),
            &format!("<table:table-cell {f}/>"),
            &format!("<table:table-cell {f} office:value-type=\"float\"/>"),
            // Saved: an empty string (LibreOffice's `""`), text, a number.
            &format!(
                "<table:table-cell {f} office:value-type=\"string\" office:string-value=\"\"><text:p/></table:table-cell>"
            ),
            &format!("<table:table-cell {f} office:value-type=\"string\"><text:p>是</text:p></table:table-cell>"),
            &format!("<table:table-cell {f} office:value-type=\"float\" office:value=\"1\"/>"),
            // An error, as LibreOffice saves it; one not quoted.
            &format!(
                "<table:table-cell {f} office:value-type=\"string\" office:string-value=\"\" \
                 calcext:value-type=\"error\"><text:p>#N/A</text:p></table:table-cell>"
            ),
            &format!(
                "<table:table-cell {f} office:value-type=\"string\" office:string-value=\"\" \
                 calcext:value-type=\"error\"><text:p>13800001001</text:p></table:table-cell>"
            ),
        ]));
        let bad = |c| found.bad.at((0, c)).cloned();
        assert_eq!(
            (0..8).map(bad).collect::<Vec<_>>(),
            [
                Some(Bad::Unsaved),
                Some(Bad::Unsaved),
                Some(Bad::Unsaved),
                None,
                None,
                None,
                Some(Bad::Error(Some("#N/A".into()))),
                Some(Bad::Error(None)),
            ]
        );
        // Each bad cell is in the box.
        assert_eq!(found.values.len(), 5);
    }

    #[test]
    fn values_outside_calamines_box_grow_it() {
        let mut range = Range::new((1, 1), (1, 1));
        range.set_value((1, 1), Data::String("a".into()));
        let runs = [Run {
            first: (3, 0),
            rows: 2,
            columns: 1,
            value: Data::String("b".into()),
        }];
        let out = apply(range, &runs);
        assert_eq!((out.start(), out.end()), (Some((1, 0)), Some((4, 1))));
        assert_eq!(out.get_value((1, 1)), Some(&Data::String("a".into())));
        assert_eq!(out.get_value((4, 0)), Some(&Data::String("b".into())));
        assert_eq!(out.get_value((2, 0)), Some(&Data::Empty));
        let out = apply(Range::default(), &runs);
        assert_eq!((out.start(), out.end()), (Some((3, 0)), Some((4, 0))));
    }

    /// Any content.xml cut short or with a byte changed gives what it
    /// gives, never a panic.
    #[test]
    fn damaged_content_never_panics() {
        let xml = row(&[
            S,
            "<table:table-cell table:number-columns-repeated=\"3\"><text:p>a&amp;&#26159;<text:s text:c=\"3\"/></text:p></table:table-cell>",
            "<table:table-cell office:value-type=\"boolean\" office:boolean-value=\"1\"/>",
            "<table:table-cell table:formula=\"of:=1\" calcext:value-type=\"error\"><text:p>#N/A</text:p></table:table-cell>",
        ]);
        for i in 0..xml.len() {
            let _ = ods_cells(&ods(xml.get(..i).unwrap_or("")));
            for b in ["<", "\"", "/", "9", "-", "&"] {
                let mut bad = xml.clone().into_bytes();
                bad[i] = b.as_bytes()[0];
                let _ = ods_cells(&ods(&String::from_utf8_lossy(&bad)));
            }
        }
        assert!(ods_cells(b"not a zip").is_empty());
    }
}
