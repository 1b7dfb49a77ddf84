//! What calamine reads of a workbook but does not tell, read again from
//! the workbook's XML (as `excel_epoch` does for the date system):
//!
//! - the merged regions of an `.ods` sheet (calamine reports them for
//!   .xlsx and .xls only; review R6: a legal hold merged over two rows of
//!   an .ods read as empty in the second);
//! - which formula cells of an `.xlsx` sheet hold a *string* result: an
//!   empty string computed by the formula (`=IF(A2="","",…)`, saved as
//!   `t="str"` with an empty `<v>`) is an empty cell, while a formula with
//!   no result saved, or an empty number, was never computed (review
//!   R15). calamine reads both as an empty string.
//! - which number cells of an `.xlsx` sheet are shown through a number
//!   format other than General: `1` formatted `"R-"000` shows `R-001`,
//!   and calamine gives the number (hostile review, 2026-12-05);
//! - which are dates or times by a built-in format of East Asian Excel
//!   (ids 27–36 and 50–58, `yyyy"年"m"月"d"日"` as 31), which calamine
//!   does not know and reads as plain numbers (hostile review,
//!   2026-12-06, F5).
//!
//! Both read only the sheet asked for, in one pass, with bounded memory
//! per element; a member that cannot be read gives nothing (the sheet
//! itself was read by calamine, which reports its errors).

use std::collections::{HashMap, HashSet};
use std::io::{Cursor, Read};

use calamine::Dimensions;
use quick_xml::events::{BytesStart, Event};

/// The zip member `member` of `bytes`, whole.
fn member(bytes: &[u8], member: &str) -> Option<Vec<u8>> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let mut xml = Vec::new();
    zip.by_name(member).ok()?.read_to_end(&mut xml).ok()?;
    Some(xml)
}

/// The raw value of the attribute `key` of `e`.
fn attr(e: &BytesStart, key: &[u8]) -> Option<Vec<u8>> {
    e.try_get_attribute(key).ok()?.map(|a| a.value.into_owned())
}

fn number(e: &BytesStart, key: &[u8]) -> u32 {
    attr(e, key)
        .and_then(|v| std::str::from_utf8(&v).ok()?.trim().parse().ok())
        .unwrap_or(1)
}

/// The merged regions of the sheet `sheet` of the .ods workbook `bytes`:
/// a cell with `table:number-rows-spanned` / `number-columns-spanned`
/// over more than one cell is the top-left of a region. Rows and cells
/// are counted as calamine counts them (with their `-repeated` counts).
pub fn ods_merged_regions(bytes: &[u8], sheet: &str) -> Vec<Dimensions> {
    let Some(xml) = member(bytes, "content.xml") else {
        return Vec::new();
    };
    let mut reader = quick_xml::Reader::from_reader(xml.as_slice());
    let mut buf = Vec::new();
    let mut regions = Vec::new();
    let (mut in_sheet, mut row, mut col, mut row_repeats) = (false, 0u32, 0u32, 1u32);
    // Depth inside a cell's content: a table inside a cell is not counted.
    let mut cell_depth = 0u32;
    loop {
        let (e, empty) = match reader.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => break,
            Ok(Event::Start(e)) => (Tag::Open(e), false),
            Ok(Event::Empty(e)) => (Tag::Open(e), true),
            Ok(Event::End(e)) => (Tag::Close(e.name().as_ref().to_vec()), false),
            Ok(_) => (Tag::Other, false),
        };
        match e {
            Tag::Open(_) if cell_depth > 0 => cell_depth += u32::from(!empty),
            Tag::Close(_) if cell_depth > 0 => cell_depth -= 1,
            Tag::Open(e) if e.name().as_ref() == b"table:table" && !in_sheet => {
                in_sheet = attr(&e, b"table:name").as_deref() == Some(sheet.as_bytes());
            }
            Tag::Close(n) if n == b"table:table" && in_sheet => break,
            Tag::Open(e) if in_sheet && e.name().as_ref() == b"table:table-row" => {
                col = 0;
                row_repeats = number(&e, b"table:number-rows-repeated");
                if empty {
                    row = row.saturating_add(row_repeats);
                }
            }
            Tag::Close(n) if in_sheet && n == b"table:table-row" => {
                row = row.saturating_add(row_repeats);
            }
            Tag::Open(e)
                if in_sheet
                    && matches!(
                        e.name().as_ref(),
                        b"table:table-cell" | b"table:covered-table-cell"
                    ) =>
            {
                let rows = number(&e, b"table:number-rows-spanned").max(1);
                let cols = number(&e, b"table:number-columns-spanned").max(1);
                if rows > 1 || cols > 1 {
                    let end = (row.saturating_add(rows - 1), col.saturating_add(cols - 1));
                    regions.push(Dimensions::new((row, col), end));
                }
                col = col.saturating_add(number(&e, b"table:number-columns-repeated"));
                cell_depth = u32::from(!empty);
            }
            _ => {}
        }
        buf.clear();
    }
    regions
}

/// An XML event as the readers here need it.
enum Tag<'a> {
    Open(BytesStart<'a>),
    Close(Vec<u8>),
    Other,
}

/// The formula cells of an .xlsx sheet, by 0-based (row, column).
#[derive(Default)]
pub struct XlsxFormulas {
    /// Every cell holding a formula (its own `<f>`, or a share of one).
    pub cells: HashSet<(u32, u32)>,
    /// Those whose saved result is typed as a string (`t="str"`, a shared
    /// or inline string).
    pub strings: HashSet<(u32, u32)>,
    /// Number cells (formulas or not) shown through a number format that
    /// is not General, with the format's code.
    pub formatted: HashMap<(u32, u32), String>,
    /// Number cells shown as a date or time by a built-in format calamine
    /// does not know (`Shown::Dated`).
    pub dated: HashSet<(u32, u32)>,
    /// Whether the saved formula results are not to be trusted, and why.
    pub stale: Option<Stale>,
}

/// Why a workbook's saved formula results are not to be trusted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stale {
    /// It asks to be recalculated when opened (`<calcPr
    /// fullCalcOnLoad="1"/>`). Libraries that compute nothing write it
    /// (XlsxWriter, as pandas uses it, saves `0` as every formula's
    /// result); Excel does not save it.
    OnLoad,
    /// It is calculated by hand and not before saving (`calcMode="manual"
    /// calcOnSave="0"`): what it saved is what was last computed, maybe
    /// before the cells a formula reads changed; a 是 a formula would give
    /// read as the 否 saved (hostile review, 2026-12-06).
    Manual,
}

impl Stale {
    /// From the workbook's `<calcPr>`.
    fn of(bytes: &[u8]) -> Option<Stale> {
        let calc = super::excel_epoch::workbook_attributes(
            bytes,
            b"calcPr",
            &[b"fullCalcOnLoad", b"calcMode", b"calcOnSave"],
        );
        let is = |i: usize, yes: &str, other: &str| {
            calc[i]
                .as_deref()
                .is_some_and(|v| v == yes || v.eq_ignore_ascii_case(other))
        };
        if is(0, "1", "true") {
            Some(Stale::OnLoad)
        } else if is(1, "manual", "manual") && is(2, "0", "false") {
            Some(Stale::Manual)
        } else {
            None
        }
    }
}

/// The formula cells of the sheet `sheet` of the .xlsx workbook `bytes`,
/// read from its XML: calamine's formula reader expands a shared
/// formula's `ref` cell by cell, and `ref="A40:XFD1048576"` hung the run.
/// `None` when the sheet's XML cannot be found.
pub fn xlsx_formulas(bytes: &[u8], sheet: &str) -> Option<XlsxFormulas> {
    let path = xlsx_sheet_path(bytes, sheet)?;
    let xml = member(bytes, &path)?;
    let formats = xlsx_shown_formats(bytes);
    let mut reader = quick_xml::Reader::from_reader(xml.as_slice());
    let mut buf = Vec::new();
    let mut found = XlsxFormulas {
        stale: Stale::of(bytes),
        ..XlsxFormulas::default()
    };
    let (mut row, mut col) = (0u32, 0u32);
    // The cell being read: its place, whether its result is a string, and
    // whether it has a formula.
    let mut cell: Option<((u32, u32), bool, bool)> = None;
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => break,
            // A cell written `<c r="B2" t="str"/>` has no formula: the
            // next `<c>` replaces it unseen.
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => match e.local_name().as_ref() {
                b"row" => {
                    if let Some(r) = attr(&e, b"r").and_then(|v| digits(&v)) {
                        row = r.saturating_sub(1);
                    }
                    col = 0;
                }
                b"c" => {
                    let at = attr(&e, b"r")
                        .and_then(|v| cell_ref(&v))
                        .unwrap_or((row, col));
                    col = at.1.saturating_add(1);
                    let t = attr(&e, b"t");
                    let string = matches!(t.as_deref(), Some(b"str" | b"s" | b"inlineStr"));
                    if matches!(t.as_deref(), None | Some(b"n")) {
                        let style = attr(&e, b"s").and_then(|v| digits(&v));
                        match style.and_then(|i| formats.get(i as usize)) {
                            Some(Shown::Formatted(code)) => {
                                found.formatted.insert(at, code.clone());
                            }
                            Some(Shown::Dated) => {
                                found.dated.insert(at);
                            }
                            _ => {}
                        }
                    }
                    cell = Some((at, string, false));
                }
                b"f" => {
                    if let Some(c) = cell.as_mut() {
                        c.2 = true;
                    }
                }
                _ => {}
            },
            Ok(Event::End(e)) => match e.local_name().as_ref() {
                b"c" => {
                    if let Some((at, string, true)) = cell.take() {
                        found.cells.insert(at);
                        if string {
                            found.strings.insert(at);
                        }
                    }
                }
                b"row" => {
                    row = row.saturating_add(1);
                    col = 0;
                }
                _ => {}
            },
            Ok(_) => {}
        }
        buf.clear();
    }
    Some(found)
}

/// How a number cell of a style is shown.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Shown {
    /// As the number: General, `0` and Text (`@`) show a whole number as
    /// it is; or as a date by a format calamine knows, and reads as one.
    Plain,
    /// Through a number format that may read otherwise than the number
    /// (`"R-"000`, `0.00`, `#,##0`), with its code.
    Formatted(String),
    /// As a date or time by a built-in format of East Asian Excel (ids
    /// 27–36 and 50–58), which Chinese Excel writes without a `<numFmt>`
    /// element: `yyyy"年"m"月"d"日"` is 31. calamine knows only the
    /// built-in dates of 14–22 and 45–47, and read 2020-01-01 as 43831.
    Dated,
}

/// Per cell style of the workbook (`cellXfs`, in order): how it shows a
/// number (`Shown`).
fn xlsx_shown_formats(bytes: &[u8]) -> Vec<Shown> {
    let Some(xml) = member(bytes, "xl/styles.xml") else {
        return Vec::new();
    };
    let mut reader = quick_xml::Reader::from_reader(xml.as_slice());
    let mut buf = Vec::new();
    let (mut codes, mut styles) = (HashMap::new(), Vec::new());
    let mut in_cell_xfs = false;
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => break,
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => match e.local_name().as_ref() {
                b"numFmt" => {
                    let id = attr(&e, b"numFmtId").and_then(|v| digits(&v));
                    let code = attr(&e, b"formatCode").and_then(|v| {
                        quick_xml::escape::unescape(std::str::from_utf8(&v).ok()?)
                            .ok()
                            .map(|c| c.into_owned())
                    });
                    if let (Some(id), Some(code)) = (id, code) {
                        codes.insert(id, code);
                    }
                }
                b"cellXfs" => in_cell_xfs = true,
                b"xf" if in_cell_xfs => {
                    let id = attr(&e, b"numFmtId").and_then(|v| digits(&v)).unwrap_or(0);
                    styles.push(shown_format(id, codes.get(&id)));
                }
                _ => {}
            },
            Ok(Event::End(e)) if e.local_name().as_ref() == b"cellXfs" => in_cell_xfs = false,
            Ok(_) => {}
        }
        buf.clear();
    }
    styles
}

/// How number format `id` (its own `code` when the workbook defines it)
/// shows a number.
fn shown_format(id: u32, code: Option<&String>) -> Shown {
    let plain = |c: &str| matches!(c.trim(), "General" | "general" | "0" | "@" | "");
    let formatted = |c: &str| Shown::Formatted(c.into());
    match (id, code) {
        (_, Some(c)) if plain(c) => Shown::Plain,
        (_, Some(c)) => formatted(c),
        // General, 0, the dates and times calamine knows, Text.
        (0 | 1 | 14..=22 | 45..=47 | 49, None) => Shown::Plain,
        // East Asian Excel's dates and times (ECMA-376 Part 1, 18.8.30):
        // in zh-CN 27–31, 36, 50–54, 57 and 58 are dates (`yyyy"年"m"月"`,
        // `m"月"d"日"`, `m-d-yy`), 32–35, 55 and 56 times (`h"时"mm"分"`,
        // `上午/下午h"时"mm"分"`); a cell's value tells which it holds.
        (27..=36 | 50..=58, None) => Shown::Dated,
        (2, None) => formatted("0.00"),
        (3, None) => formatted("#,##0"),
        (4, None) => formatted("#,##0.00"),
        (9, None) => formatted("0%"),
        (10, None) => formatted("0.00%"),
        (11, None) => formatted("0.00E+00"),
        (_, None) => Shown::Formatted(format!("#{id}")),
    }
}

/// The zip path of the sheet named `sheet`: workbook.xml names its
/// relationship id, the workbook's relationships its file.
fn xlsx_sheet_path(bytes: &[u8], sheet: &str) -> Option<String> {
    let workbook = member(bytes, "xl/workbook.xml")?;
    let id = find_element(&workbook, b"sheet", |e| {
        let name = e.try_get_attribute(b"name").ok()??;
        let name = quick_xml::escape::unescape(std::str::from_utf8(&name.value).ok()?).ok()?;
        (name == sheet).then(|| {
            e.attributes()
                .flatten()
                .find(|a| a.key.local_name().as_ref() == b"id")
                .map(|a| a.value.into_owned())
        })?
    })?;
    let rels = member(bytes, "xl/_rels/workbook.xml.rels")?;
    let target = find_element(&rels, b"Relationship", |e| {
        (attr(e, b"Id")? == id).then(|| attr(e, b"Target"))?
    })?;
    let target = String::from_utf8(target).ok()?;
    Some(match target.strip_prefix('/') {
        Some(absolute) => absolute.to_string(),
        None => format!("xl/{target}"),
    })
}

/// The first value `pick` gives for an element named `name` of `xml`.
fn find_element<T>(xml: &[u8], name: &[u8], pick: impl Fn(&BytesStart) -> Option<T>) -> Option<T> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf).ok()? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == name => {
                if let Some(v) = pick(&e) {
                    return Some(v);
                }
            }
            Event::Eof => return None,
            _ => {}
        }
        buf.clear();
    }
}

fn digits(v: &[u8]) -> Option<u32> {
    std::str::from_utf8(v).ok()?.parse().ok()
}

/// `C12` as 0-based (row 11, column 2).
fn cell_ref(v: &[u8]) -> Option<(u32, u32)> {
    let letters = v.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    if letters == 0 || letters > 3 {
        return None;
    }
    let col = v[..letters].iter().fold(0u32, |n, b| {
        n * 26 + u32::from(b.to_ascii_uppercase() - b'A' + 1)
    });
    let row = digits(&v[letters..])?;
    Some((row.checked_sub(1)?, col - 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_references_are_zero_based() {
        assert_eq!(cell_ref(b"A1"), Some((0, 0)));
        assert_eq!(cell_ref(b"AB12"), Some((11, 27)));
        assert_eq!(cell_ref(b"1"), None);
        assert_eq!(cell_ref(b"A0"), None);
    }

    /// The fixture LibreOffice-style: a title spanning 13 columns in row 1
    /// (then 12 covered cells, one repeated element), an empty row, the
    /// header, and `class` spanning rows 4 and 5.
    #[test]
    fn ods_regions_are_placed_as_calamine_counts_cells() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/workbooks/merged.ods");
        let bytes = std::fs::read(path).expect("the fixture is committed");
        let regions = ods_merged_regions(&bytes, "目录");
        assert_eq!(
            regions,
            [
                Dimensions::new((0, 0), (0, 12)),
                Dimensions::new((3, 2), (4, 2))
            ]
        );
        assert!(ods_merged_regions(&bytes, "other").is_empty());
    }

    #[test]
    fn not_a_zip_gives_nothing() {
        assert!(ods_merged_regions(b"no", "x").is_empty());
        assert!(xlsx_formulas(b"no", "x").is_none());
    }
}
