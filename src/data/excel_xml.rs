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
//!   and calamine gives the number (hostile review, 2026-12-05); and
//!   which text cells are, whose text section may show other text
//!   (`否` under `;;;"是"` shows 是: hostile review, 2026-12-07, F1);
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

use super::excel_ods_cells::{Bad, BadCells, Run};
use super::excel_strings::{Misread, Parts};
use crate::msg;

/// The zip member `member` of `bytes`, whole, found as calamine finds
/// a member ([`index_of`]).
pub(super) fn member(bytes: &[u8], member: &str) -> Option<Vec<u8>> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let i = index_of(&zip, member)?;
    let mut xml = Vec::new();
    zip.by_index(i).ok()?.read_to_end(&mut xml).ok()?;
    Some(xml)
}

/// The index of the member named `name` in `zip`, found as calamine
/// finds it: the first whose name, `\` read as `/`, is `name` in any
/// letter case (OPC part names are case-insensitive). Looked up by the
/// exact name, `xl/Workbook.xml` or `xl/worksheets/Sheet1.xml` was not
/// found while calamine read it, and the checks made on it (recalculation
/// flags, formulas, number formats) were skipped without a word (hostile
/// review, 2026-12-07).
pub(super) fn index_of<R: Read + std::io::Seek>(
    zip: &zip::ZipArchive<R>,
    name: &str,
) -> Option<usize> {
    (0..zip.len()).find(|&i| {
        zip.name_for_index(i)
            .is_some_and(|n| n.replace('\\', "/").eq_ignore_ascii_case(name))
    })
}

/// Whether a `<strike>` element `e` (of a font or of a rich-text run's
/// properties) strikes its text through: present, and not `val="0"`.
pub(super) fn strike_on(e: &BytesStart) -> bool {
    !attr(e, b"val").is_some_and(|v| matches!(v.as_slice(), b"0" | b"false" | b"off"))
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
    /// Text cells (shared, inline or formula strings) shown through a
    /// number format that is not General nor Text, with its code: its
    /// text section may show other text (`excel_numfmt::text_shown`).
    pub text_formats: HashMap<(u32, u32), String>,
    /// Number cells shown as a date or time by a built-in format calamine
    /// does not know (`Shown::Dated`).
    pub dated: HashSet<(u32, u32)>,
    /// Cells whose style's font is struck through (`<strike/>`): a line
    /// through an entry voids it in a Chinese register (划线作废).
    pub struck: HashSet<(u32, u32)>,
    /// The ranges under a conditional format whose differential format
    /// changes what a cell shows (a number format, a strike), with it:
    /// what the filed sheet shows then depends on a rule custodia does not
    /// evaluate (hostile review h25a F14).
    pub conditional: Vec<(Range, Dxf)>,
    /// Cells whose note (批注) says the row was voided, with the note's
    /// text (`excel_notes`).
    pub void_notes: HashMap<(u32, u32), String>,
    /// Whether the saved formula results are not to be trusted, and why.
    pub stale: Option<Stale>,
    /// String cells calamine reads otherwise than they are shown
    /// (`excel_strings`), with the text shown.
    pub values: Vec<Run>,
    /// Cells that cannot be read, and why.
    pub bad: BadCells,
}

impl XlsxFormulas {
    /// The differential formats of the conditional formats over `at`.
    pub fn conditional_at(&self, at: (u32, u32)) -> impl Iterator<Item = &Dxf> {
        self.conditional
            .iter()
            .filter_map(move |((first, last), dxf)| {
                let inside =
                    (first.0..=last.0).contains(&at.0) && (first.1..=last.1).contains(&at.1);
                inside.then_some(dxf)
            })
    }

    /// The string cell `at` as `excel_strings` found it.
    fn misread(&mut self, at: (u32, u32), parts: Option<Parts>) {
        match parts {
            None => {}
            Some(Parts::Shown(text)) => self.values.push(Run {
                first: at,
                rows: 1,
                columns: 1,
                value: calamine::Data::String(text),
            }),
            Some(Parts::Unclear) => self.bad.add_cell(at, Bad::Parts),
            Some(Parts::Struck) => {
                self.struck.insert(at);
            }
        }
    }
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
/// `None` when the sheet's XML cannot be found. Shared strings calamine
/// misreads (`strings`) and inline strings and shared-string indices it
/// misreads are recorded too (`XlsxFormulas::values`, `bad`).
pub fn xlsx_formulas(bytes: &[u8], sheet: &str, strings: &Misread) -> Option<XlsxFormulas> {
    let path = xlsx_sheet_path(bytes, sheet)?;
    let xml = member(bytes, &path)?;
    let Styles {
        formats,
        struck,
        dxfs,
    } = xlsx_styles(bytes);
    // The ranges of the `<conditionalFormatting>` being read.
    let mut conditional_ranges: Vec<Range> = Vec::new();
    let mut reader = quick_xml::Reader::from_reader(xml.as_slice());
    let mut buf = Vec::new();
    let mut found = XlsxFormulas {
        stale: Stale::of(bytes),
        void_notes: super::excel_notes::voiding_notes(bytes, &path),
        ..XlsxFormulas::default()
    };
    let (mut row, mut col) = (0u32, 0u32);
    // The cell being read: its place, whether its result is a string, and
    // whether it has a formula.
    let mut cell: Option<((u32, u32), bool, bool)> = None;
    // Whether that cell's value is a shared string's index.
    let mut shared = false;
    loop {
        buf.clear();
        let (e, empty) = match reader.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => break,
            Ok(Event::Start(e)) => (Ok(e), false),
            Ok(Event::Empty(e)) => (Ok(e), true),
            Ok(Event::End(e)) => (Err(e), false),
            Ok(_) => continue,
        };
        match e {
            // A cell written `<c r="B2" t="str"/>` has no formula: the
            // next `<c>` replaces it unseen.
            Ok(e) => match e.local_name().as_ref() {
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
                    let style = attr(&e, b"s").and_then(|v| digits(&v));
                    let shown = style.and_then(|i| formats.get(i as usize));
                    if style.is_some_and(|i| struck.contains(&i)) {
                        found.struck.insert(at);
                    }
                    if let (true, Some(Shown::Formatted(code))) = (string, shown) {
                        found.text_formats.insert(at, code.clone());
                    }
                    if matches!(t.as_deref(), None | Some(b"n")) {
                        match shown {
                            Some(Shown::Formatted(code)) => {
                                found.formatted.insert(at, code.clone());
                            }
                            Some(Shown::Dated) => {
                                found.dated.insert(at);
                            }
                            _ => {}
                        }
                    }
                    shared = t.as_deref() == Some(b"s");
                    cell = Some((at, string, false));
                }
                // A shared string's index, read as calamine reads it.
                b"v" if shared => {
                    let Some((at, ..)) = cell else { continue };
                    let v = match empty {
                        true => Some(String::new()),
                        false => value_text(&mut reader, e.name().as_ref()),
                    };
                    let Some(v) = v else { break };
                    shared_index(&mut found, at, &v, strings);
                }
                b"is" if !empty => {
                    let Some((at, ..)) = cell else { continue };
                    let name = e.name().as_ref().to_vec();
                    match super::excel_strings::string_parts(&mut reader, &name) {
                        Some(parts) => found.misread(at, parts),
                        None => break,
                    }
                }
                b"f" => {
                    if let Some(c) = cell.as_mut() {
                        c.2 = true;
                    }
                }
                b"conditionalFormatting" => {
                    conditional_ranges = attr(&e, b"sqref").map(|v| ranges(&v)).unwrap_or_default();
                }
                b"cfRule" => {
                    let dxf = attr(&e, b"dxfId")
                        .and_then(|v| digits(&v))
                        .and_then(|i| dxfs.get(i as usize));
                    if let Some(dxf) = dxf.filter(|d| d.format.is_some() || d.struck) {
                        for range in &conditional_ranges {
                            found.conditional.push((*range, dxf.clone()));
                        }
                    }
                }
                _ => {}
            },
            Err(e) => match e.local_name().as_ref() {
                b"conditionalFormatting" => conditional_ranges.clear(),
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
        }
    }
    Some(found)
}

/// The text of the element `name` up to its end, as calamine reads a
/// `<v>`: entities and character references resolved.
fn value_text(reader: &mut quick_xml::Reader<&[u8]>, name: &[u8]) -> Option<String> {
    super::excel_strings::element_text(reader, name, str::to_string)
}

/// The shared-string index `v` of the cell `at`. calamine reads it with
/// `atoi`, and whatever is not plain digits (`1.0`, ` 1`, `+1`, `1E0`, an
/// empty value) as 0, the first string, where LibreOffice reads `1.0` as
/// string 1: such a cell is an input error (hostile review, 2026-12-07).
/// A plain index names a string calamine may misread (`strings`).
fn shared_index(found: &mut XlsxFormulas, at: (u32, u32), v: &str, strings: &Misread) {
    let index = match v.bytes().all(|b| b.is_ascii_digit()) {
        true => v.parse::<usize>().ok(),
        false => None,
    };
    match index {
        Some(i) => found.misread(at, strings.get(&i).cloned()),
        None => found.bad.add_cell(at, Bad::SharedIndex(v.to_string())),
    }
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

/// What a workbook's `xl/styles.xml` says about how cells are shown.
#[derive(Default)]
struct Styles {
    /// Per cell style (`cellXfs`, in order): how it shows a number.
    formats: Vec<Shown>,
    /// The cell styles whose font is struck through (`<font>` holding
    /// `<strike/>`, not `val="0"`), by index.
    struck: HashSet<u32>,
    /// Per differential format (`dxfs`, in order: what a conditional
    /// format applies), its number format's code and whether its font is
    /// struck through.
    dxfs: Vec<Dxf>,
}

/// A differential format (`<dxf>`): the parts of it that change what a
/// cell shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Dxf {
    pub format: Option<String>,
    pub struck: bool,
}

/// The styles of the .xlsx `bytes` (`Styles`).
fn xlsx_styles(bytes: &[u8]) -> Styles {
    let Some(xml) = member(bytes, "xl/styles.xml") else {
        return Styles::default();
    };
    let mut reader = quick_xml::Reader::from_reader(xml.as_slice());
    let mut buf = Vec::new();
    let (mut codes, mut found) = (HashMap::new(), Styles::default());
    let (mut in_cell_xfs, mut in_dxfs) = (false, false);
    // The fonts in order, whether each is struck through; `in_fonts` while
    // inside `<fonts>` (a `<dxf>`'s font is conditional formatting's).
    let (mut fonts, mut in_fonts) = (Vec::new(), false);
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
                    match (in_dxfs, found.dxfs.last_mut()) {
                        (true, Some(dxf)) => dxf.format = code,
                        _ => {
                            if let (Some(id), Some(code)) = (id, code) {
                                codes.insert(id, code);
                            }
                        }
                    }
                }
                b"fonts" => in_fonts = true,
                b"font" if in_fonts => fonts.push(false),
                b"strike" if in_fonts => {
                    if let Some(last) = fonts.last_mut() {
                        *last = strike_on(&e);
                    }
                }
                b"strike" if in_dxfs => {
                    if let Some(dxf) = found.dxfs.last_mut() {
                        dxf.struck = strike_on(&e);
                    }
                }
                b"dxfs" => in_dxfs = true,
                b"dxf" if in_dxfs => found.dxfs.push(Dxf::default()),
                b"cellXfs" => in_cell_xfs = true,
                b"xf" if in_cell_xfs => {
                    let id = attr(&e, b"numFmtId").and_then(|v| digits(&v)).unwrap_or(0);
                    let font = attr(&e, b"fontId").and_then(|v| digits(&v)).unwrap_or(0);
                    if fonts.get(font as usize).copied().unwrap_or(false) {
                        found.struck.insert(found.formats.len() as u32);
                    }
                    found.formats.push(shown_format(id, codes.get(&id)));
                }
                _ => {}
            },
            Ok(Event::End(e)) => match e.local_name().as_ref() {
                b"cellXfs" => in_cell_xfs = false,
                b"fonts" => in_fonts = false,
                b"dxfs" => in_dxfs = false,
                _ => {}
            },
            Ok(_) => {}
        }
        buf.clear();
    }
    found
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
    // As calamine places it: the sheet read must be the one checked.
    Some(if target.starts_with("/xl/") {
        target[1..].to_string()
    } else if target.starts_with("xl/") {
        target
    } else {
        format!("xl/{target}")
    })
}

/// Refuses an .xlsx whose workbook, styles or shared strings are not the
/// parts calamine reads (`xl/workbook.xml`, `xl/styles.xml`,
/// `xl/sharedStrings.xml`, in any letter case) but others the package's
/// relationships name, as Excel finds them; or which holds two parts
/// whose names differ only in letter case. Styles named
/// `xl/styles2.xml` by `xl/_rels/workbook.xml.rels` (valid OPC) were read
/// by Excel and by neither calamine nor custodia's format check: `1`
/// formatted `"R-"000`, shown `R-001`, read as `1` and a held record's
/// destruction passed (hostile review, 2026-12-07). A file that is not a
/// zip, or has no relationships, is left to calamine.
pub fn xlsx_parts(bytes: &[u8]) -> Result<(), String> {
    let Ok(zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    let mut seen: HashMap<String, &str> = HashMap::new();
    for name in zip.file_names() {
        let key = name.replace('\\', "/").to_ascii_lowercase();
        if let Some(first) = seen.insert(key, name) {
            let (first, second) = (first.to_string(), name.to_string());
            return Err(msg!("excel-xlsx-part-twice", first = first, second = second).words());
        }
    }
    let expected = [
        (
            "_rels/.rels",
            "",
            "/officeDocument",
            "xl/workbook.xml",
            "excel-part-workbook",
        ),
        (
            "xl/_rels/workbook.xml.rels",
            "xl/",
            "/styles",
            "xl/styles.xml",
            "excel-part-styles",
        ),
        (
            "xl/_rels/workbook.xml.rels",
            "xl/",
            "/sharedStrings",
            "xl/sharedStrings.xml",
            "excel-part-strings",
        ),
    ];
    for (rels, base, kind, wanted, part) in expected {
        let Some(xml) = member(bytes, rels) else {
            continue;
        };
        for found in targets(&xml, kind) {
            let found = resolved(base, &found);
            if !found.eq_ignore_ascii_case(wanted) {
                let part = part_name(part);
                return Err(msg!(
                    "excel-xlsx-part-elsewhere",
                    part = part,
                    found = found,
                    rels = rels,
                    expected = wanted
                )
                .words());
            }
        }
    }
    Ok(())
}

/// The name of a part, in the language of messages.
fn part_name(part: &str) -> String {
    let lang = crate::i18n::message_lang();
    match part {
        "excel-part-workbook" => crate::t!(lang, "excel-part-workbook"),
        "excel-part-styles" => crate::t!(lang, "excel-part-styles"),
        _ => crate::t!(lang, "excel-part-strings"),
    }
}

/// The targets of the relationships of `xml` whose type ends with `kind`
/// (external ones left out: they are no part of the package).
fn targets(xml: &[u8], kind: &str) -> Vec<String> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let (mut found, mut buf) = (Vec::new(), Vec::new());
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) | Ok(Event::Empty(e))
                if e.local_name().as_ref() == b"Relationship" =>
            {
                let text = |key: &[u8]| {
                    let v = attr(&e, key)?;
                    let v = std::str::from_utf8(&v).ok()?;
                    Some(quick_xml::escape::unescape(v).ok()?.into_owned())
                };
                let external = text(b"TargetMode").is_some_and(|m| m == "External");
                if !external && text(b"Type").is_some_and(|t| t.ends_with(kind)) {
                    found.extend(text(b"Target"));
                }
            }
            Ok(Event::Eof) | Err(_) => return found,
            Ok(_) => {}
        }
        buf.clear();
    }
}

/// A relationship's `target` as a part name: from the package's root
/// when it starts with `/`, else from the folder `base`; `.` and `..`
/// resolved.
fn resolved(base: &str, target: &str) -> String {
    let joined = match target.strip_prefix('/') {
        Some(absolute) => absolute.to_string(),
        None => format!("{base}{target}"),
    }
    .replace('\\', "/");
    let mut parts: Vec<&str> = Vec::new();
    for segment in joined.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
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

/// A rectangle of cells, 0-based and inclusive: first and last (row,
/// column).
pub type Range = ((u32, u32), (u32, u32));

/// The ranges of a `sqref` (`O2:O100 Q3`); parts that do not read are
/// left out.
fn ranges(v: &[u8]) -> Vec<Range> {
    v.split(|b| *b == b' ')
        .filter_map(|part| {
            let mut ends = part.splitn(2, |b| *b == b':');
            let first = cell_ref(ends.next()?)?;
            let last = match ends.next() {
                Some(end) => cell_ref(end)?,
                None => first,
            };
            Some((first, last))
        })
        .collect()
}

/// `C12` as 0-based (row 11, column 2).
pub(super) fn cell_ref(v: &[u8]) -> Option<(u32, u32)> {
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
    fn conditional_ranges_are_read_from_sqref() {
        assert_eq!(
            ranges(b"O2:O100 Q3"),
            [((1, 14), (99, 14)), ((2, 16), (2, 16))]
        );
        assert_eq!(ranges(b"A1:bad B2"), [((1, 1), (1, 1))]);
        let found = XlsxFormulas {
            conditional: vec![(((1, 14), (99, 14)), Dxf::default())],
            ..XlsxFormulas::default()
        };
        assert_eq!(found.conditional_at((1, 14)).count(), 1);
        assert_eq!(found.conditional_at((100, 14)).count(), 0);
        assert_eq!(found.conditional_at((5, 13)).count(), 0);
    }

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
    fn relationship_targets_are_resolved_as_part_names() {
        assert_eq!(resolved("xl/", "styles.xml"), "xl/styles.xml");
        assert_eq!(resolved("xl/", "/xl/styles2.xml"), "xl/styles2.xml");
        assert_eq!(resolved("xl/", "./../xl/./Styles.xml"), "xl/Styles.xml");
        assert_eq!(resolved("", "xl\\workbook.xml"), "xl/workbook.xml");
    }

    #[test]
    fn not_a_zip_gives_nothing() {
        assert!(ods_merged_regions(b"no", "x").is_empty());
        assert!(xlsx_formulas(b"no", "x", &Misread::new()).is_none());
    }
}
