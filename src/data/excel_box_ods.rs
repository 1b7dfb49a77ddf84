//! The box of each sheet of an .ods workbook, found by streaming its
//! content.xml as calamine reads it (same events, same element names), but
//! counting instead of holding. calamine spells out what the file only
//! counts: a cell `number-columns-repeated="16384"` in a row
//! `number-rows-repeated="1048576"` is 17 billion cells in memory from a
//! file of 1 KB; it reads them all when the workbook is opened.
//!
//! Counted from A1 (calamine holds every column from A of a written row,
//! and a row beyond 4 billion is placed wrong), a box over the limit is
//! refused by `excel_box`. Two more things are refused here:
//!
//! - cell text spelled out (a cell's text times its repeats, `text:s`
//!   runs of spaces) over `MAX_WORKBOOK_TEXT_BYTES`: one cell of 10 KB
//!   repeated over a box within the limit is 100 GB;
//! - a content.xml that ends inside a sheet or a cell's note: calamine
//!   waits for the end of the sheet forever.
//!
//! It also finds the sheets calamine would misplace: when no value is in
//! column A, a row without values between rows with values is held one
//! row of the box too wide (as wide as from column A), and every row below
//! it lands that many cells off, under another column's header. Those are
//! returned, and the sheet is refused when it is the one read.

use std::io::{BufRead, BufReader, Cursor};
use std::ops::ControlFlow;

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::QName;

use super::excel_box::{cell_name, Corners, SheetBox};
use super::limits::MAX_WORKBOOK_TEXT_BYTES;
use crate::msg;

type Xml<R> = quick_xml::Reader<R>;

/// A sheet calamine would misplace: its name and the 1-based row of the
/// first row without values between rows with values.
pub type Shifted = (String, u64);

/// The boxes of the sheets of the .ods `bytes` and the sheets calamine
/// would misplace, or why it is refused. A file calamine cannot read
/// either gives the sheets seen until then (calamine held those before it
/// failed).
pub fn sheets(bytes: &[u8]) -> Result<(Vec<SheetBox>, Vec<Shifted>), String> {
    let mut scan = Scan::default();
    let refused = each_table(bytes, |xml, name| {
        let mut corners = Corners::default();
        let end = scan.table(xml, &name, &mut corners);
        // Counted from A1 (see above).
        let from_a1 = corners
            .sheet(&name)
            .map(|b| SheetBox { first: (0, 0), ..b });
        scan.boxes.extend(from_a1);
        match end {
            // Where calamine fails, the workbook is not opened; the
            // sheets after are counted all the same, should it not.
            End::Done | End::Broken => ControlFlow::Continue(()),
            End::Refused(e) => ControlFlow::Break(e),
        }
    });
    if let Some(e) = refused {
        return Err(e);
    }
    super::excel_box::within_limit(&scan.boxes, "ods")?;
    match scan.text_over {
        Some(e) => Err(e),
        None => Ok((scan.boxes, scan.shifted)),
    }
}

/// The reader calamine makes of an .ods file's `content.xml`.
pub(crate) type Content<'z, 'b> = Xml<BufReader<zip::read::ZipFile<'z, Cursor<&'b [u8]>>>>;

/// Calls `table` with each named sheet (`table:table`) of the .ods `bytes`
/// as calamine meets them, the reader just past the sheet's start, until
/// it breaks; what it broke with. Nothing for a file without a readable
/// `content.xml` (calamine cannot open it either).
pub(crate) fn each_table<B>(
    bytes: &[u8],
    mut table: impl FnMut(&mut Content<'_, '_>, String) -> ControlFlow<B>,
) -> Option<B> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let content = zip.by_name("content.xml").ok()?;
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(content));
    // The events calamine sees are the events read here.
    as_calamine_reads(&mut xml);
    let mut buf = Vec::new();
    loop {
        match xml.read_event_into(&mut buf) {
            // calamine reads a table only when it has a name.
            Ok(Event::Start(e)) if e.name() == QName(b"table:table") => {
                if let Some(name) = name_of(&xml, &e) {
                    if let ControlFlow::Break(b) = table(&mut xml, name) {
                        return Some(b);
                    }
                }
            }
            Ok(Event::Eof) | Err(_) => return None,
            Ok(_) => {}
        }
        buf.clear();
    }
}

fn name_of<R>(xml: &Xml<R>, e: &BytesStart) -> Option<String> {
    let a = e
        .attributes()
        .filter_map(Result::ok)
        .find(|a| a.key == QName(b"table:name"))?;
    Some(match a.decode_and_unescape_value(xml.decoder()) {
        Ok(name) => name.into_owned(),
        Err(_) => String::from_utf8_lossy(&a.value).into_owned(),
    })
}

/// The attribute `key` of `e` as a number, as calamine parses it
/// (entities unescaped); `Err` where calamine fails on it.
fn count<N: std::str::FromStr>(
    xml: &Xml<impl BufRead>,
    e: &BytesStart,
    key: &[u8],
) -> Result<Option<N>, ()> {
    let Some(a) = e.try_get_attribute(key).map_err(|_| ())? else {
        return Ok(None);
    };
    let text = a.decode_and_unescape_value(xml.decoder()).map_err(|_| ())?;
    text.parse().map(Some).map_err(|_| ())
}

/// How reading a sheet ended.
enum End {
    /// At the sheet's end.
    Done,
    /// Where calamine fails too: the workbook is not opened.
    Broken,
    /// Refused: why.
    Refused(String),
}

#[derive(Default)]
struct Scan {
    boxes: Vec<SheetBox>,
    /// Bytes of cell text calamine spells out, in all sheets so far.
    text: u64,
    /// Why the text is refused, once over the limit: said after the boxes
    /// (a box over the limit says more of what is wrong).
    text_over: Option<String>,
    /// The sheets calamine would misplace.
    shifted: Vec<Shifted>,
    /// The first column holding a value in the row just read, if any.
    row_values: Option<u64>,
    buf: Vec<u8>,
    skip: Vec<u8>,
}

/// One cell element as calamine reads its attributes.
#[derive(Default)]
struct Cell {
    /// Columns it stands for (`number-columns-repeated`, 1 without).
    repeats: u64,
    /// calamine keeps a value or a formula for it.
    written: bool,
    /// calamine keeps a value for it (not only a formula).
    value: bool,
    /// Its text is the element's content (a string without a value).
    text_inside: bool,
    /// It has no value calamine reads, and is read as its text when it
    /// has one (`excel_ods_cells`: no value type, or a type without its
    /// value, and no formula).
    text_only: bool,
    /// Bytes of value and formula text from its attributes.
    text: u64,
}

impl Cell {
    /// `None` where calamine fails on the cell (a count that is no number).
    fn of(e: &BytesStart) -> Option<Cell> {
        let mut cell = Cell {
            repeats: 1,
            ..Cell::default()
        };
        let (mut value_set, mut string, mut repeats_seen) = (false, false, false);
        let (mut formula, mut error) = (false, false);
        for a in e.attributes() {
            let a = a.ok()?;
            let len = a.value.len() as u64;
            match a.key.as_ref() {
                // An `i32`, entities not unescaped (as calamine parses
                // it): a negative count is no column.
                b"table:number-columns-repeated" if !repeats_seen => {
                    let n: i32 = std::str::from_utf8(&a.value).ok()?.parse().ok()?;
                    cell.repeats = u64::try_from(n).unwrap_or(0);
                    repeats_seen = true;
                }
                b"office:value" | b"office:boolean-value" if !value_set => {
                    (value_set, cell.text) = (true, cell.text + len);
                }
                b"office:string-value" | b"office:date-value" | b"office:time-value"
                    if !value_set =>
                {
                    (value_set, cell.text) = (true, cell.text + len);
                }
                b"office:value-type" if !value_set => string = &*a.value == b"string",
                b"table:formula" => {
                    cell.written |= !a.value.is_empty();
                    formula |= !a.value.is_empty();
                    cell.text += len;
                }
                key if key.ends_with(b":value-type") && &*a.value == b"error" => error = true,
                _ => {}
            }
        }
        cell.value = value_set || string;
        cell.written |= cell.value;
        cell.text_inside = string && !value_set;
        cell.text_only = !value_set && !string && !formula && !error;
        Some(cell)
    }
}

impl Scan {
    /// Reads one sheet after its `table:table` start, as calamine's
    /// `read_table`: rows until the sheet's end, all else passed over.
    fn table<R: BufRead>(&mut self, xml: &mut Xml<R>, sheet: &str, corners: &mut Corners) -> End {
        let mut row = 0u64;
        let mut buf = Vec::new();
        // For misplaced rows: the first column with a value, whether a
        // row with values was read, the first empty row after one, and
        // the first such row followed by a row with values.
        let (mut first_column, mut values_seen) = (u64::MAX, false);
        let (mut empty_after, mut gap) = (None, None);
        loop {
            let event = xml.read_event_into(&mut buf);
            match event {
                Ok(Event::Start(e)) if e.name() == QName(b"table:table-row") => {
                    // An unsigned count, its entities unescaped. A row
                    // repeated 0 times is still read whole by calamine
                    // (then left out): counted as one row, so that its
                    // cells count.
                    let repeats = match count::<u64>(xml, &e, b"table:number-rows-repeated") {
                        Ok(n) => n.unwrap_or(1).max(1),
                        Err(()) => return End::Broken,
                    };
                    match self.row(xml, sheet, (row, repeats), corners) {
                        End::Done => {}
                        other => return other,
                    }
                    match self.row_values.take() {
                        Some(column) => {
                            first_column = first_column.min(column);
                            values_seen = true;
                            if let Some(empty) = empty_after.take() {
                                gap = gap.or(Some(empty));
                            }
                        }
                        None if values_seen && empty_after.is_none() => {
                            empty_after = Some(row.saturating_add(1));
                        }
                        None => {}
                    }
                    row = row.saturating_add(repeats);
                }
                Ok(Event::End(e)) if e.name() == QName(b"table:table") => {
                    if let (Some(at), true) = (gap, first_column > 0) {
                        self.shifted.push((sheet.to_string(), at));
                    }
                    return End::Done;
                }
                // calamine reads on past the end forever (it hangs).
                Ok(Event::Eof) => return End::Refused(cut_short(sheet)),
                Err(_) => return End::Broken,
                Ok(_) => {}
            }
            buf.clear();
        }
    }

    /// One row, as calamine's `read_row`: cells until the row's end; any
    /// other element fails calamine.
    fn row<R: BufRead>(
        &mut self,
        xml: &mut Xml<R>,
        sheet: &str,
        (row, rows): (u64, u64),
        corners: &mut Corners,
    ) -> End {
        let mut column = 0u64;
        loop {
            self.buf.clear();
            let (name, cell) = match xml.read_event_into(&mut self.buf) {
                Ok(Event::Start(e))
                    if matches!(
                        e.name().as_ref(),
                        b"table:table-cell" | b"table:covered-table-cell"
                    ) =>
                {
                    match Cell::of(&e) {
                        Some(cell) => (e.name().as_ref().to_vec(), cell),
                        None => return End::Broken,
                    }
                }
                Ok(Event::End(e)) if e.name() == QName(b"table:table-row") => return End::Done,
                _ => return End::Broken,
            };
            let mut text = cell.text;
            let mut written = cell.written;
            if cell.text_inside || cell.text_only {
                match self.text_inside(xml, sheet) {
                    Ok(n) => {
                        text = text.saturating_add(n);
                        // Read as its text: held in the box.
                        written |= cell.text_only && n > 0;
                    }
                    Err(end) => return end,
                }
            } else if xml.read_to_end_into(QName(&name), &mut self.skip).is_err() {
                return End::Broken;
            }
            if cell.value && cell.repeats > 0 && rows > 0 {
                self.row_values = Some(self.row_values.map_or(column, |c| c.min(column)));
            }
            if written && cell.repeats > 0 && rows > 0 {
                let last = (
                    row.saturating_add(rows - 1),
                    column.saturating_add(cell.repeats - 1),
                );
                corners.add((row, column), last);
            }
            let spelled = text.saturating_mul(cell.repeats).saturating_mul(rows);
            self.text = self.text.saturating_add(spelled);
            if self.text > MAX_WORKBOOK_TEXT_BYTES && self.text_over.is_none() {
                self.text_over = Some(
                    msg!(
                        "excel-ods-text-too-large",
                        max = MAX_WORKBOOK_TEXT_BYTES,
                        sheet = sheet,
                        cell = cell_name((row, column))
                    )
                    .words(),
                );
            }
            column = column.saturating_add(cell.repeats);
        }
    }

    /// The bytes of a string cell's content, as calamine's `get_datatype`
    /// spells it out: paragraphs joined by line ends, `text:s` as that
    /// many spaces, notes left out; up to the cell's end.
    fn text_inside<R: BufRead>(&mut self, xml: &mut Xml<R>, sheet: &str) -> Result<u64, End> {
        let (mut bytes, mut paragraphs) = (0u64, 0u64);
        loop {
            self.skip.clear();
            match xml.read_event_into(&mut self.skip) {
                Ok(Event::Text(t)) => bytes = bytes.saturating_add(t.len() as u64),
                Ok(Event::GeneralRef(_)) => bytes = bytes.saturating_add(4),
                Ok(Event::End(e))
                    if matches!(
                        e.name().as_ref(),
                        b"table:table-cell" | b"table:covered-table-cell"
                    ) =>
                {
                    return Ok(bytes.saturating_add(paragraphs.saturating_sub(1)));
                }
                Ok(Event::Start(e)) if e.name() == QName(b"office:annotation") => loop {
                    self.buf.clear();
                    match xml.read_event_into(&mut self.buf) {
                        Ok(Event::End(e)) if e.name() == QName(b"office:annotation") => break,
                        // calamine looks for the note's end forever.
                        Ok(Event::Eof) => return Err(End::Refused(cut_short(sheet))),
                        Err(_) => return Err(End::Broken),
                        _ => {}
                    }
                },
                Ok(Event::Start(e)) if e.name() == QName(b"text:p") => paragraphs += 1,
                Ok(Event::Start(e)) if e.name() == QName(b"text:s") => {
                    // An `i32`, its entities unescaped: calamine takes a
                    // negative count as none.
                    let spaces = match count::<i32>(xml, &e, b"text:c") {
                        Ok(n) => n.unwrap_or(1),
                        Err(()) => return Err(End::Broken),
                    };
                    bytes = bytes.saturating_add(u64::try_from(spaces).unwrap_or(0));
                }
                Ok(Event::Eof) | Err(_) => return Err(End::Broken),
                Ok(_) => {}
            }
        }
    }
}

fn cut_short(sheet: &str) -> String {
    msg!("excel-ods-cut-short", sheet = sheet).words()
}

/// calamine's reader settings for `content.xml`: a pass over it that uses
/// them sees the events calamine sees.
pub(crate) fn as_calamine_reads<R>(xml: &mut quick_xml::Reader<R>) {
    let config = xml.config_mut();
    config.check_end_names = false;
    config.trim_text(false);
    config.check_comments = false;
    config.expand_empty_elements = true;
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// An .ods whose one sheet `表` holds the rows `rows` (XML).
    pub fn ods(rows: &str) -> Vec<u8> {
        let content = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content \
             xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
             xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" \
             xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\">\
             <office:body><office:spreadsheet><table:table table:name=\"表\">{rows}\
             </table:table></office:spreadsheet></office:body></office:document-content>"
        );
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        zip.start_file("content.xml", options).expect("in memory");
        zip.write_all(content.as_bytes()).expect("in memory");
        zip.finish().expect("in memory").into_inner()
    }

    const X: &str =
        "<table:table-cell office:value-type=\"string\"><text:p>x</text:p></table:table-cell>";

    fn one(rows: &str) -> SheetBox {
        let mut scan = Scan::default();
        let bytes = ods(rows);
        let mut zip = zip::ZipArchive::new(Cursor::new(&bytes[..])).expect("a zip");
        let mut xml = quick_xml::Reader::from_reader(BufReader::new(
            zip.by_name("content.xml").expect("content"),
        ));
        xml.config_mut().expand_empty_elements = true;
        let mut buf = Vec::new();
        while !matches!(xml.read_event_into(&mut buf), Ok(Event::Start(e)) if e.name() == QName(b"table:table"))
        {
            buf.clear();
        }
        let mut corners = Corners::default();
        assert!(matches!(
            scan.table(&mut xml, "表", &mut corners),
            End::Done
        ));
        corners.sheet("表").expect("a written cell")
    }

    #[test]
    fn repeats_are_counted_and_trailing_empty_cells_are_not_written() {
        let rows = format!(
            "<table:table-row>{X}{X}<table:table-cell table:number-columns-repeated=\"1020\"/></table:table-row>\
             <table:table-row table:number-rows-repeated=\"3\"><table:table-cell/>{X}</table:table-row>\
             <table:table-row table:number-rows-repeated=\"1048000\"><table:table-cell table:number-columns-repeated=\"1024\"/></table:table-row>"
        );
        let b = one(&rows);
        assert_eq!((b.first, b.last), ((0, 0), (3, 1)));
        let far = "<table:table-row table:number-rows-repeated=\"1048575\"><table:table-cell table:number-columns-repeated=\"16383\"/></table:table-row>\
             <table:table-row><table:table-cell table:number-columns-repeated=\"16383\"/>\
             <table:table-cell office:value=\"1\" office:value-type=\"float\"/></table:table-row>";
        assert_eq!(one(far).last, (1_048_575, 16_383));
        let repeated = format!(
            "<table:table-row table:number-rows-repeated=\"1048576\">{}</table:table-row>",
            X.replace(
                "<table:table-cell ",
                "<table:table-cell table:number-columns-repeated=\"16384\" "
            )
        );
        assert_eq!(one(&repeated).cells(), 1_048_576 * 16_384);
    }

    /// What calamine keeps as a value or formula widens the box, and so
    /// does a cell read as its text (text but no type: `excel_ods_cells`);
    /// a cell with only a style, or a type and nothing else, does not.
    #[test]
    fn written_is_what_calamine_keeps_or_its_text() {
        let rows = "<table:table-row><table:table-cell table:style-name=\"ce1\"/>\
             <table:table-cell office:value-type=\"float\"/>\
             <table:table-cell table:formula=\"of:=1\"/></table:table-row>";
        assert_eq!(one(rows).last, (0, 2));
        let rows = "<table:table-row><table:table-cell table:style-name=\"ce1\"/>\
             <table:table-cell table:formula=\"of:=1\"/>\
             <table:table-cell office:value-type=\"float\"/>\
             <table:table-cell><text:p>no type</text:p></table:table-cell></table:table-row>";
        assert_eq!(one(rows).last, (0, 3));
        let rows =
            "<table:table-row><table:table-cell office:value-type=\"string\"/></table:table-row>";
        assert_eq!(one(rows).last, (0, 0));
    }

    #[test]
    fn spelled_out_text_over_the_limit_is_refused() {
        let spaces = "<table:table-row><table:table-cell office:value-type=\"string\">\
             <text:p>a<text:s text:c=\"2000000000\"/>b</text:p></table:table-cell></table:table-row>";
        let e = sheets(&ods(spaces)).expect_err("2 GB of spaces");
        assert!(e.contains("the sheet `表` at A1"), "{e}");
        // 100 KB of text in one cell, repeated 16384 columns by 600 rows
        // (a box within the limit): 983 GB.
        let wide = format!(
            "<table:table-row table:number-rows-repeated=\"600\"><table:table-cell \
             table:number-columns-repeated=\"16384\" office:value-type=\"string\" \
             office:string-value=\"{}\"/></table:table-row>",
            "y".repeat(100_000)
        );
        let e = sheets(&ods(&wide)).expect_err("983 GB of text");
        assert!(e.contains("bytes of text"), "{e}");
    }

    #[test]
    fn a_sheet_cut_short_is_refused_and_a_broken_one_left_to_calamine() {
        let full = ods(&format!("<table:table-row>{X}</table:table-row>"));
        let content = |bytes: &[u8]| -> String {
            use std::io::Read;
            let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
            let mut s = String::new();
            zip.by_name("content.xml")
                .expect("content")
                .read_to_string(&mut s)
                .expect("utf-8");
            s
        };
        let xml = content(&full);
        let cut = &xml[..xml.find("</table:table>").expect("the sheet's end")];
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        zip.start_file("content.xml", zip::write::SimpleFileOptions::default())
            .expect("in memory");
        zip.write_all(cut.as_bytes()).expect("in memory");
        let cut = zip.finish().expect("in memory").into_inner();
        let e = sheets(&cut).expect_err("calamine would hang");
        assert!(e.contains("`表`"), "{e}");
        // A row holding something else than cells fails calamine: the
        // boxes seen so far are kept.
        let bad = ods(&format!(
            "<table:table-row>{X}</table:table-row><table:table-row><oops/></table:table-row>"
        ));
        assert_eq!(sheets(&bad).expect("left to calamine").0.len(), 1);
        assert_eq!(sheets(b"not a zip"), Ok(Default::default()));
    }

    /// calamine's reader holds an empty row between rows with values as
    /// wide as from column A: with no value in column A, every row below
    /// it lands one column off per empty row.
    #[test]
    fn rows_calamine_misplaces_are_found() {
        let b = "<table:table-row><table:table-cell/>".to_string();
        let empty = "<table:table-row><table:table-cell table:number-columns-repeated=\"9\"/></table:table-row>";
        let valued = format!("{b}{X}</table:table-row>");
        let shifted = |rows: &str| sheets(&ods(rows)).expect("not refused").1;
        assert_eq!(
            shifted(&format!("{valued}{empty}{valued}")),
            [("表".to_string(), 2)]
        );
        // Empty rows before the first or after the last row with values,
        // or a value in column A, and the rows are placed right.
        assert!(shifted(&format!("{empty}{valued}{valued}{empty}")).is_empty());
        let from_a = format!("<table:table-row>{X}</table:table-row>");
        assert!(shifted(&format!("{from_a}{empty}{valued}")).is_empty());
        // A formula alone holds no value.
        let formula = format!("{b}<table:table-cell table:formula=\"of:=1\"/></table:table-row>");
        assert_eq!(shifted(&format!("{valued}{formula}{valued}")).len(), 1);
    }

    /// Any content.xml cut short or with a byte changed is counted or left
    /// to calamine, never a panic.
    #[test]
    fn damaged_content_never_panics() {
        let rows = format!(
            "<table:table-row table:number-rows-repeated=\"2\">{X}<table:table-cell \
             table:number-columns-repeated=\"3\" office:value=\"1\" table:formula=\"of:=1\"/>\
             </table:table-row><table:table-row><table:table-cell office:value-type=\"string\">\
             <text:p>a<text:s text:c=\"3\"/>b</text:p><office:annotation><text:p>n</text:p>\
             </office:annotation></table:table-cell></table:table-row>"
        );
        let whole = ods(&rows);
        let mut zip = zip::ZipArchive::new(Cursor::new(&whole[..])).expect("a zip");
        let mut xml = Vec::new();
        std::io::Read::read_to_end(&mut zip.by_name("content.xml").expect("content"), &mut xml)
            .expect("read");
        let zipped = |xml: &[u8]| {
            let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
            zip.start_file("content.xml", zip::write::SimpleFileOptions::default())
                .expect("in memory");
            zip.write_all(xml).expect("in memory");
            zip.finish().expect("in memory").into_inner()
        };
        for i in 0..xml.len() {
            let _ = sheets(&zipped(&xml[..i]));
            for b in [b'<', b'"', b'/', b'9', b'-'] {
                let mut bad = xml.clone();
                bad[i] = b;
                let _ = sheets(&zipped(&bad));
            }
        }
    }

    /// Counts calamine reads though they look wrong (a negative count, a
    /// digit written as an entity) do not stop the count: a sheet over the
    /// limit after them is still found.
    #[test]
    fn odd_counts_calamine_reads_do_not_stop_the_count() {
        let bomb = "<table:table-row table:number-rows-repeated=\"1048576\"><table:table-cell \
             table:number-columns-repeated=\"16384\" office:value=\"1\"/></table:table-row>";
        for odd in [
            "<table:table-row><table:table-cell table:number-columns-repeated=\"-3\"/></table:table-row>",
            "<table:table-row table:number-rows-repeated=\"&#50;\"><table:table-cell/></table:table-row>",
            "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>\
             <text:s text:c=\"-1\"/><text:s text:c=\"&#50;\"/></text:p></table:table-cell></table:table-row>",
        ] {
            let e = sheets(&ods(&format!("{odd}{bomb}"))).expect_err(odd);
            assert!(e.contains("over the limit"), "{odd}: {e}");
        }
        // calamine fails on this one (a count that is not a number): the
        // sheets after it are counted all the same.
        let broken = "<table:table-row><table:table-cell table:number-columns-repeated=\"&#50;\"/></table:table-row>";
        let next = "</table:table><table:table table:name=\"二\">";
        let e = sheets(&ods(&format!("{broken}{next}{bomb}"))).expect_err("the second sheet");
        assert!(e.contains("`二`"), "{e}");
    }

    /// Rows repeated 0 times: calamine reads each one's cells (16384 here)
    /// before it leaves the row out; 1000 of them are 16 million cells.
    #[test]
    fn rows_repeated_zero_times_count() {
        let row = "<table:table-row table:number-rows-repeated=\"0\"><table:table-cell \
             table:number-columns-repeated=\"16384\" office:value=\"1\"/></table:table-row>";
        let e = sheets(&ods(&row.repeat(1000))).expect_err("16 million cells");
        assert!(e.contains("span A1 to XFD1000"), "{e}");
    }
}
