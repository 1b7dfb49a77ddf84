//! Workbooks (.xlsx, .xls, .ods) -> raw rows, like a CSV file's: one sheet
//! is read, its header row names the columns, every cell becomes text the
//! converter reads as it reads a CSV cell. Rows keep their sheet row number
//! and cells their column number, so a diagnostic says `目录.xlsx!目录:12`.
//! The other sheets are listed with why they were not read.
//! Knows nothing about the schema (docs/inputs-and-reports.md, "Excel").

use crate::msg;
use std::collections::{HashMap, HashSet};
use std::io::Cursor;

use calamine::{
    open_workbook_from_rs, CellErrorType, Data, Dimensions, Ods, Range, Reader, SheetType,
    SheetVisible, Sheets, Xls, Xlsx,
};

use super::excel_cells::{bad_cell, Cells, Formulas, ShownIfRuleHolds};
use super::excel_grid::Grid;
use super::excel_ods_cells::BadCells;
use super::excel_twin::{ids_twin, read_ids, twin_of};
pub use super::excel_twin::{IdsTwin, Twin, TWIN_HEADER_SLACK};
use super::read::{Raw, RawRow, ReadError};

/// Extensions read as workbooks.
pub const EXTENSIONS: [&str; 3] = ["xlsx", "xls", "ods"];

pub fn is_workbook(ext: &str) -> bool {
    EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str())
}

/// The sheet to read: by name, or by 1-based position among the tabs the
/// workbook shows (hidden sheets are not counted: review R14).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SheetChoice {
    Name(String),
    Index(u32),
}

impl std::fmt::Display for SheetChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SheetChoice::Name(n) => write!(f, "`{n}`"),
            SheetChoice::Index(i) => write!(f, "number {i}"),
        }
    }
}

/// One sheet read: its header and rows, each row with its sheet row number
/// (`RawRow::line`) and each cell with its column number (A = 1).
#[derive(Debug)]
pub struct SheetData {
    pub name: String,
    pub hidden: bool,
    pub header_row: u32,
    pub header: Vec<String>,
    pub rows: Vec<RawRow>,
    /// Cells and rows that could not be read; a row with one is left out.
    pub errors: Vec<ReadError>,
    /// Every other sheet of the workbook.
    pub others: Vec<OtherSheet>,
    /// The day the workbook's serial day number 0 stands for (its date
    /// system, `excel_epoch`): a plain number read as a date needs it.
    pub day_zero: jiff::civil::Date,
    /// Cells whose type says more than their text.
    pub typed: TypedCells,
}

/// Cells of the sheet read whose type in the workbook matters beyond the
/// text they become, by (sheet row, column), both 1-based as `RawRow::line`
/// and a cell's column are.
#[derive(Clone, Debug, Default)]
pub struct TypedCells {
    /// Date-formatted cells: their text is `YYYY-MM-DD` (with a time when
    /// they have one) whatever form the sheet shows, so a mapping's
    /// `format:` (which describes text cells) does not apply (review R23).
    pub dates: HashSet<(u32, u32)>,
    /// Time-of-day cells (`09:30:00`; an .ods `time` cell, which calamine
    /// reads as a duration `PT09H30M00S`): like a date cell, what was
    /// typed (`9-30` or `9:30`) is lost.
    pub times: HashSet<(u32, u32)>,
    /// Number cells of 10^15 or more: Excel keeps 15 significant digits,
    /// so an 18-digit id number typed as a number lost its last ones
    /// (review R32).
    pub long_numbers: HashSet<(u32, u32)>,
    /// Number cells shown through a number format that is not General,
    /// with its code: `1` formatted `"R-"000` shows `R-001`, `2023.1`
    /// formatted `0.00` shows `2023.10` (hostile review, 2026-12-05).
    pub formatted: HashMap<(u32, u32), String>,
    /// Text cells shown through a number format whose text section adds
    /// text to theirs, with its code: `1002` formatted `"R-"@` shows
    /// `R-1002` (hostile review, 2026-12-07, F1).
    pub text_formatted: HashMap<(u32, u32), String>,
}

impl TypedCells {
    /// Whether the cell at (sheet row, column) is a date, datetime or time
    /// cell: Excel turned what was typed into a date (`1995-2` into
    /// February 1995) and kept only the date.
    pub fn dated(&self, at: (u32, u32)) -> bool {
        self.dates.contains(&at) || self.times.contains(&at)
    }

    fn record(&mut self, at: (u32, u32), value: &Data) {
        match value {
            Data::DateTime(d) if !d.is_duration() && d.as_f64() >= 1.0 => {
                self.dates.insert(at);
            }
            Data::DateTimeIso(_) => {
                self.dates.insert(at);
            }
            Data::DateTime(d) if !d.is_duration() => {
                self.times.insert(at);
            }
            Data::DurationIso(_) => {
                self.times.insert(at);
            }
            Data::Float(f) if f.abs() >= LONG_NUMBER => {
                self.long_numbers.insert(at);
            }
            _ => {}
        }
    }
}

/// The smallest number of 16 digits: Excel stores 15 significant ones.
pub const LONG_NUMBER: f64 = 1e15;

/// The sheet read and the others, as a report lists them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SheetsRead {
    pub name: String,
    /// The sheet read is hidden in the workbook (named by name, or no
    /// sheet is visible): said in a note (review R14).
    pub hidden: bool,
    pub others: Vec<OtherSheet>,
}

/// A sheet of the workbook that was not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OtherSheet {
    pub name: String,
    pub hidden: bool,
    /// Hidden so that Excel's Unhide does not list it (set by a macro or a
    /// program): no user can have seen it and chosen to leave it unread.
    pub very_hidden: bool,
    /// Rows holding a value (0 for an empty sheet or a chart sheet), or why
    /// the sheet could not be read (then whether it holds rows is unknown:
    /// review R7).
    pub rows_with_data: Result<u64, String>,
    /// The sheet looks like more of the same data (another year, records
    /// added later): a header row near its top names most of the columns
    /// of the sheet read, with rows below it (`twin_of`). `None` otherwise.
    pub same_columns: Option<Twin>,
    /// The sheet holds identifiers of the form of those of the sheet read,
    /// under its identifier column's name, that the sheet read lacks
    /// (`ids_twin`). `None` otherwise.
    pub same_ids: Option<IdsTwin>,
}

/// Reads one sheet of the workbook `bytes` (of type `ext`). `sheet` `None`
/// is the first visible worksheet; `header_row` `None` is row 1. An error
/// is why the workbook or the sheet could not be read at all.
pub fn read_sheet(
    bytes: &[u8],
    ext: &str,
    sheet: Option<&SheetChoice>,
    header_row: Option<u32>,
) -> Result<SheetData, String> {
    // CDATA text, which calamine reads as nothing, written as text first.
    let plain = super::excel_cdata::without_cdata(bytes, ext)?;
    let bytes = plain.as_deref().unwrap_or(bytes);
    // calamine reads every sheet of an .ods or .xls when it opens it.
    let misread = super::excel_box::before_open(bytes, ext)?;
    let mut book = open(bytes, ext)?;
    let sheets = book.sheets_metadata().to_vec();
    same_names(&sheets)?;
    let chosen = choose(&sheets, sheet)?;
    let name = sheets[chosen].name.clone();
    super::excel_box::misplaced(&misread, &name)?;
    super::excel_box::xlsx_sheet(&mut book, &name)?;
    // What calamine reads otherwise than LibreOffice of an .ods's cells.
    let ods = match book {
        Sheets::Ods(_) => super::excel_ods_cells::ods_cells(bytes),
        _ => HashMap::new(),
    };
    let fixed = |sheet: &str, range: Range<Data>| match ods.get(sheet) {
        Some(cells) => super::excel_ods_cells::apply(range, &cells.values),
        None => range,
    };
    let range = book.worksheet_range(&name).map_err(|e| {
        msg!(
            "excel-cannot-read-sheet",
            name = &name,
            reason = e.to_string()
        )
        .words()
    })?;
    let mut range = fixed(&name, range);
    let formulas = Formulas::of(&mut book, bytes, &name, &misread.strings)?;
    if !formulas.values().is_empty() {
        range = super::excel_ods_cells::apply(range, formulas.values());
    }
    if let Some(cells) = formulas.dated() {
        dated(&mut range, cells);
    }
    let day_zero = super::excel_epoch::day_zero(bytes, ext, &range);
    super::excel_epoch::rebase(&mut range, day_zero);
    let merged = merged_regions(&mut book, bytes, &name);
    let mut data = SheetData {
        name: name.clone(),
        hidden: sheets[chosen].visible != SheetVisible::Visible,
        header_row: header_row.unwrap_or(1),
        header: Vec::new(),
        rows: Vec::new(),
        errors: Vec::new(),
        others: Vec::new(),
        day_zero,
        typed: TypedCells::default(),
    };
    let grid = Grid::new(&range, &merged)?;
    let no_bad = BadCells::default();
    let bad = match formulas.bad() {
        Some(bad) => bad,
        None => ods.get(&name).map_or(&no_bad, |c| &c.bad),
    };
    let cells = Cells {
        formulas: &formulas,
        bad,
    };
    rows_of(&grid, &cells, &mut data)?;
    let ids = read_ids(&data.header, &data.rows);
    for (_, s) in sheets.iter().enumerate().filter(|(i, _)| *i != chosen) {
        let read = match s.typ {
            SheetType::ChartSheet => Ok((0, None, None)),
            // A macro or dialog sheet can hold cells too: looked at.
            _ => super::excel_box::written_twice(&misread, &s.name)
                .and_then(|()| super::excel_box::xlsx_sheet(&mut book, &s.name))
                .and_then(|()| {
                    book.worksheet_range(&s.name)
                        .map(|r| fixed(&s.name, r))
                        .map(|r| {
                            let same = twin_of(&r, data.header_row, &data.header);
                            let more = ids.as_ref().and_then(|i| ids_twin(&r, data.header_row, i));
                            (non_empty_rows(&r), same, more)
                        })
                        .map_err(|e| e.to_string())
                }),
        };
        let (rows_with_data, same_columns, same_ids) = match read {
            Ok((rows, same, more)) => (Ok(rows), same, more),
            Err(e) => (Err(e), None, None),
        };
        data.others.push(OtherSheet {
            name: s.name.clone(),
            hidden: s.visible != SheetVisible::Visible,
            very_hidden: s.visible == SheetVisible::VeryHidden,
            rows_with_data,
            same_columns,
            same_ids,
        });
    }
    Ok(data)
}

/// Two sheets of one name: calamine keeps the cells of one of them under
/// that name, and reads them for both (an .ods may write this; Excel and
/// LibreOffice refuse it). Which sheet holds the data cannot be told.
fn same_names(sheets: &[calamine::Sheet]) -> Result<(), String> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, s) in sheets.iter().enumerate() {
        if let Some(j) = seen.insert(&s.name, i) {
            return Err(msg!(
                "excel-sheet-name-twice",
                name = &s.name,
                first = j + 1,
                second = i + 1
            )
            .words());
        }
    }
    Ok(())
}

/// The workbook, by its extension; a file that is not one is an error
/// saying what it is instead when that is known.
fn open<'b>(bytes: &'b [u8], ext: &str) -> Result<Sheets<Cursor<&'b [u8]>>, String> {
    // An encrypted (password-protected) .xlsx is an OLE compound file, as
    // an old .xls is; the xlsx reader would only say "invalid zip".
    const OLE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    let cursor = Cursor::new(bytes);
    let ext = ext.to_ascii_lowercase();
    if ext != "xls" && bytes.starts_with(&OLE) {
        return Err(msg!("excel-ole-file", ext = &ext).words());
    }
    let opened = match ext.as_str() {
        "xlsx" => open_workbook_from_rs::<Xlsx<_>, _>(cursor)
            .map(Sheets::Xlsx)
            .map_err(|e| e.to_string()),
        "xls" => open_workbook_from_rs::<Xls<_>, _>(cursor)
            .map(Sheets::Xls)
            .map_err(|e| e.to_string()),
        "ods" => open_workbook_from_rs::<Ods<_>, _>(cursor)
            .map(Sheets::Ods)
            .map_err(|e| e.to_string()),
        _ => Err(msg!("excel-not-a-workbook-extension").words()),
    };
    opened.map_err(|e| msg!("excel-cannot-read-workbook", ext = &ext, reason = e).words())
}

/// The index of the sheet to read; an unknown one is an error listing the
/// workbook's sheets. A number counts the tabs Excel shows: hidden sheets
/// are listed apart and only a name chooses one (review R14: `sheet: 2`
/// read a hidden stale copy instead of the second tab the user sees).
fn choose(sheets: &[calamine::Sheet], choice: Option<&SheetChoice>) -> Result<usize, String> {
    let visible = |i: &usize| sheets[*i].visible == SheetVisible::Visible;
    let shown: Vec<usize> = (0..sheets.len()).filter(visible).collect();
    let names = || sheet_list(sheets, &shown);
    let worksheet = |i: usize| sheets[i].typ == SheetType::WorkSheet;
    let found =
        match choice {
            None => shown
                .iter()
                .copied()
                .find(|&i| worksheet(i))
                .or_else(|| (0..sheets.len()).find(|&i| worksheet(i))),
            Some(SheetChoice::Name(n)) => sheets.iter().position(|s| &s.name == n),
            // Sheets named after years (`2025`, `2026`) are common: a number
            // that is a sheet's name is that sheet, else a position.
            Some(SheetChoice::Index(i)) => sheets
                .iter()
                .position(|s| s.name == i.to_string())
                .or_else(|| {
                    (*i as usize)
                        .checked_sub(1)
                        .and_then(|i| shown.get(i).copied())
                }),
        };
    match (found, choice) {
        (Some(i), _) if worksheet(i) => Ok(i),
        (Some(i), _) => Err(msg!(
            "excel-not-a-worksheet",
            name = &sheets[i].name,
            sheets = names()
        )
        .words()),
        (None, Some(SheetChoice::Name(n))) => {
            Err(msg!("excel-no-sheet-named", name = n, sheets = names()).words())
        }
        (None, Some(SheetChoice::Index(i))) => {
            Err(msg!("excel-no-sheet-number", number = *i, sheets = names()).words())
        }
        (None, None) => Err(msg!("excel-no-worksheet").words()),
    }
}

/// `1 `封面`, 2 `目录`; hidden: `旧目录``: the tabs shown, numbered as
/// `sheet:` counts them, then the hidden sheets by name.
fn sheet_list(sheets: &[calamine::Sheet], shown: &[usize]) -> String {
    let numbered = shown
        .iter()
        .enumerate()
        .map(|(n, &i)| format!("{} `{}`", n + 1, sheets[i].name))
        .collect::<Vec<_>>()
        .join(&crate::t!(crate::i18n::message_lang(), "list-comma"));
    let hidden: Vec<String> = (0..sheets.len())
        .filter(|i| !shown.contains(i))
        .map(|i| format!("`{}`", sheets[i].name))
        .collect();
    match hidden.is_empty() {
        true => numbered,
        false => msg!(
            "excel-sheets-with-hidden",
            shown = numbered,
            hidden = hidden.join(&crate::t!(crate::i18n::message_lang(), "list-comma"))
        )
        .words(),
    }
}

/// Merged regions of the sheet: calamine's for .xlsx and .xls, read from
/// the XML for .ods (review R6).
fn merged_regions(book: &mut Sheets<Cursor<&[u8]>>, bytes: &[u8], sheet: &str) -> Vec<Dimensions> {
    match book {
        Sheets::Xlsx(x) => x
            .worksheet_merge_cells(sheet)
            .and_then(Result::ok)
            .unwrap_or_default(),
        Sheets::Xls(x) => x.worksheet_merge_cells(sheet).unwrap_or_default(),
        Sheets::Ods(_) => super::excel_xml::ods_merged_regions(bytes, sheet),
        _ => Vec::new(),
    }
}

/// The number cells `cells` of `range` as the dates (or times) their
/// format shows, a built-in one calamine does not know (`excel_xml`):
/// read in the 1900 system, as calamine reads a date cell, and put in
/// the workbook's by `excel_epoch::rebase` (hostile review, 2026-12-06:
/// `形成日期` in Chinese Excel's `yyyy"年"m"月"d"日"` read as 43831).
fn dated(range: &mut Range<Data>, cells: &HashSet<(u32, u32)>) {
    for &at in cells {
        if let Some(&Data::Float(serial)) = range.get_value(at) {
            let date =
                calamine::ExcelDateTime::new(serial, calamine::ExcelDateTimeType::DateTime, false);
            range.set_value(at, Data::DateTime(date));
        }
    }
}

fn non_empty_rows(range: &Range<Data>) -> u64 {
    range
        .rows()
        .filter(|r| r.iter().any(|c| !is_blank(c)))
        .count() as u64
}

pub(super) fn is_blank(c: &Data) -> bool {
    match c {
        Data::Empty => true,
        Data::String(s) => crate::text::trim_cell(s).is_empty(),
        _ => false,
    }
}

/// The header and the rows below it.
fn rows_of(grid: &Grid, cells: &Cells, data: &mut SheetData) -> Result<(), String> {
    let (end_row, end_col) = grid.end();
    let header_row = data.header_row;
    if header_row == 0 {
        return Err(msg!("excel-header-row-zero").words());
    }
    let h = header_row - 1;
    // A cell merged across from its left names no column of its own: a
    // title merged over the table's width in the header row is one name,
    // and the columns under the rest of it have none (`unnamed_columns`),
    // as under a title that is not merged (hostile review, round 11: it
    // read as a column named six times).
    let header: Vec<String> = (0..end_col)
        .map(|c| match grid.across(h, c) {
            Some(_) => String::new(),
            None => cell_text(grid.get(h, c))
                .unwrap_or_default()
                .trim()
                .to_string(),
        })
        .collect();
    if let Some(hidden) = (0..end_col).find_map(|c| grid.hidden(h, c)) {
        let row = msg!(
            "excel-place-sheet-row",
            row = header_row,
            sheet = &data.name
        );
        return Err(msg!(
            "excel-merged-hidden-header",
            row = row,
            cell = hidden.cell,
            region = hidden.region,
            origin = hidden.origin
        )
        .words());
    }
    if header.iter().all(String::is_empty) {
        let first = (0..end_row).find(|&r| (0..end_col).any(|c| !is_blank(grid.get(r, c))));
        return Err(match first {
            None => msg!("excel-empty-sheet").words(),
            Some(r) => msg!(
                "excel-empty-header-row",
                header_row = header_row,
                sheet = &data.name,
                first = r + 1
            )
            .words(),
        });
    }
    if let Some(e) = super::read::duplicate_header(&header) {
        let row = msg!("excel-place-row", row = header_row);
        return Err(msg!("excel-at-row", row = row, message = e.message).words());
    }
    let named = header.iter().filter(|h| !h.is_empty()).count();
    for r in 0..h {
        // A title or group label merged across the row is one value. A
        // cell merged down into the header row is a column's name, shown
        // in the header row too, not a value of the row above: the usual
        // two-row Chinese header (names merged down over rows 1-2, a
        // group label `日期` over the two names under it in row 2) reads
        // with `header_row: 2`. Counted, its row 1 read as data, and each
        // setting's error advised the other (hostile review f4, 2026-12-08).
        let values = (0..end_col)
            .filter(|&c| !is_blank(grid.once(r, c)) && grid.origin(r, c) != grid.origin(h, c))
            .count();
        if super::loader::looks_like_data(values, named) {
            let row = msg!("excel-place-sheet-row", row = r + 1, sheet = &data.name);
            return Err(super::loader::above_header(row, values, header_row));
        }
    }
    // A row is data when it holds a value of its own, not only values
    // merged down from a row above (docs/inputs-and-reports.md, "Merged
    // cells").
    // A cell that cannot be read counts as a value: a row of formulas
    // whose results were not saved is not a blank row (hostile review,
    // 2026-12-05: a log row written by xlwt read as blank).
    let rows: Vec<u32> = (h + 1..end_row)
        .filter(|&r| {
            (0..end_col).any(|c| {
                let named = header.get(c as usize).is_some_and(|h| !h.is_empty());
                !is_blank(grid.own(r, c)) || (named && cells.refuses(grid, r, c))
            })
        })
        .collect();
    unnamed_columns(grid, &header, &rows, data)?;
    for r in rows {
        if let Some(row) = row_of(grid, cells, &header, r, data) {
            data.rows.push(row);
        }
    }
    // A row holds a cell for each named column only (`row_of`): a mapping
    // reads cells by their header position, so the header the rows are
    // read under is the named columns', in order. Kept whole, a spacer
    // column or a left margin made each column after it read its right
    // neighbour's values, and a held record passed (hostile review,
    // 2026-12-06).
    data.header = header.into_iter().filter(|h| !h.is_empty()).collect();
    Ok(())
}

/// Values in a column whose header cell is empty would be dropped without
/// a word: the sheet is not read (the header row is likely the wrong one).
fn unnamed_columns(
    grid: &Grid,
    header: &[String],
    rows: &[u32],
    data: &SheetData,
) -> Result<(), String> {
    let unnamed: Vec<u32> = header
        .iter()
        .enumerate()
        .filter(|(c, name)| {
            let c = *c as u32;
            name.is_empty()
                && rows
                    .iter()
                    .any(|&r| !is_blank(grid.get(r, c)) || !is_blank(grid.written(r, c)))
        })
        .map(|(c, _)| c as u32)
        .collect();
    if unnamed.is_empty() {
        return Ok(());
    }
    let h = data.header_row - 1;
    // Under a title merged across the header row: said so, with the row
    // to try (the header is most often the next one).
    if let Some((origin, region)) = unnamed.iter().find_map(|&c| grid.across(h, c)) {
        let title = cell_text(grid.get(origin.0, origin.1)).unwrap_or_default();
        return Err(msg!(
            "excel-merged-title-header",
            sheet = &data.name,
            header_row = data.header_row,
            title = crate::text::trim_cell(&title),
            region = region,
            next = data.header_row + 1
        )
        .words());
    }
    let unnamed: Vec<String> = unnamed.iter().map(|&c| column_letters(c + 1)).collect();
    // A hostile sheet can have thousands: the first ones say enough.
    let mut unnamed = unnamed;
    if unnamed.len() > 20 {
        unnamed.truncate(20);
        unnamed.push("…".into());
    }
    Err(msg!(
        "excel-unnamed-column",
        columns = unnamed.join(&crate::t!(crate::i18n::message_lang(), "list-comma")),
        sheet = &data.name,
        header_row = data.header_row
    )
    .words())
}

/// One row as CSV-like text cells; `None` (with an error) when a cell holds
/// an Excel error, a formula whose value was never computed, or a value
/// that cannot be read.
fn row_of(
    grid: &Grid,
    cells_of: &Cells,
    header: &[String],
    r: u32,
    data: &mut SheetData,
) -> Option<RawRow> {
    let errors = &mut data.errors;
    let mut cells = Vec::new();
    for (c, key) in header.iter().enumerate() {
        if key.is_empty() {
            continue;
        }
        let c = c as u32;
        let at = |message: String| ReadError {
            line: Some(r + 1),
            column: Some(c + 1),
            message,
        };
        let value = grid.get(r, c);
        let origin = grid.origin(r, c);
        let cell = || format!("{}{}", column_letters(c + 1), r + 1);
        // A covered cell holding a value other than the region's: which
        // one is meant cannot be told (hostile review, round 11: a `是`
        // under a merged `否` read as 否, and the run passed).
        if let Some(hidden) = grid.hidden(r, c) {
            errors.push(at(msg!(
                "excel-merged-hidden-value",
                column = key,
                cell = hidden.cell,
                region = hidden.region,
                origin = hidden.origin
            )
            .words()));
            return None;
        }
        if let Some(why) = cells_of.bad.at(origin) {
            errors.push(at(bad_cell(why, key, &cell(), cells_of.formulas)));
            return None;
        }
        // **Decision (2026-12-08, hostile review h23a F4)**: a cell holding
        // a value in a struck-through font voids it in a Chinese register
        // (划线作废); read as valid, a voided handover passed. Whether the
        // row or the value stands cannot be told: the row is left out,
        // with an error naming it.
        if cells_of.formulas.struck(origin) && !is_blank(value) {
            errors.push(at(msg!(
                "excel-struck-through",
                column = key,
                cell = cell()
            )
            .words()));
            return None;
        }
        // h25a F14: a conditional format can show `是` over a held
        // record's `否`, or strike the row through; which the filed sheet
        // shows depends on a rule custodia does not evaluate.
        if let Some(shown) = cells_of.formulas.conditionally_shown(origin, value) {
            let message = match shown {
                ShownIfRuleHolds::Struck => {
                    msg!("excel-conditional-strike", column = key, cell = cell())
                }
                ShownIfRuleHolds::Text(shown) => msg!(
                    "excel-conditional-format-shows",
                    column = key,
                    cell = cell(),
                    blank = if shown.is_empty() { "yes" } else { "no" },
                    shown = shown
                ),
            };
            errors.push(at(message.words()));
            return None;
        }
        // A note on the cell saying the row was voided (h25a F11;
        // `excel_notes`): as a struck cell.
        if let Some(note) = cells_of.formulas.void_note(origin) {
            errors.push(at(msg!(
                "excel-void-note",
                column = key,
                cell = cell(),
                note = crate::text::invisibles_shown(note)
            )
            .words()));
            return None;
        }
        if let Some(message) = odd_serial(value, key, &cell()) {
            errors.push(at(message));
            return None;
        }
        let text = match cell_text(value) {
            Ok(t) => t,
            Err(e) => {
                let cell = format!("{}{}", column_letters(c + 1), r + 1);
                errors.push(at(msg!(
                    "excel-error-cell",
                    column = key,
                    cell = cell,
                    error = e.to_string()
                )
                .words()));
                return None;
            }
        };
        // A formula with no result saved at all is said so below.
        if !text.is_empty() && cells_of.formulas.stale() && cells_of.formulas.has(origin) {
            errors.push(at(cells_of.formulas.stale_message(key, &cell())));
            return None;
        }
        // A formula that computed an empty string is an empty cell.
        let formulas = cells_of.formulas;
        if text.is_empty() && !formulas.computed_empty(origin, value) {
            // The formula's text is not shown: it can hold the value
            // itself (`="13800001001"&""` in a phone column), and the
            // reader does not know which columns are personal.
            if formulas.has(origin) {
                errors.push(at(formulas.unsaved(key, &cell(), value)));
                return None;
            }
        }
        if let Some(message) = shown_otherwise(formulas, origin, value, key, &cell) {
            errors.push(at(message));
            return None;
        }
        match text_shown_otherwise(formulas, origin, value, key, &cell) {
            Some(Err(message)) => {
                errors.push(at(message));
                return None;
            }
            Some(Ok(format)) => {
                data.typed.text_formatted.insert((r + 1, c + 1), format);
            }
            None => {}
        }
        data.typed.record((r + 1, c + 1), value);
        if let (Data::Float(_) | Data::Int(_), Some(format)) =
            (value, formulas.shown_format(origin))
        {
            data.typed
                .formatted
                .insert((r + 1, c + 1), format.to_string());
        }
        cells.push((key.clone(), Raw::Text(text), Some(c + 1)));
    }
    Some(RawRow {
        line: r + 1,
        offset: 0,
        cells,
    })
}

/// Why the number cell `column` `cell` (at `origin`, holding `value`) is
/// not read: its number format shows text in place of the number
/// (`excel_numfmt`: `"是";"是";"是"` shows 是 for 0, read as false). The
/// number is not in the message: the column may be a `pii` field (a
/// phone number under a format showing `保密`), and what the format shows
/// is the format's own text.
fn shown_otherwise(
    formulas: &Formulas,
    origin: (u32, u32),
    value: &Data,
    column: &str,
    cell: &dyn Fn() -> String,
) -> Option<String> {
    let number = match value {
        Data::Float(f) => *f,
        Data::Int(i) => *i as f64,
        _ => return None,
    };
    let format = formulas.shown_format(origin)?;
    let shown = super::excel_numfmt::shown_text(format, number)?;
    Some(
        msg!(
            "excel-format-shows-text",
            column = column,
            cell = cell(),
            format = format,
            shown = shown
        )
        .words(),
    )
}

/// What the text cell `column` `cell` (at `origin`, holding `value`)
/// shows through its number format, when that is not its text: an error
/// when the format's text section shows other text in place of it (a
/// legal hold `否` under `General;General;General;"是"` shows 是), the
/// format's code when it adds text to it (`"R-"@`), which an identifying
/// field refuses as it refuses a number shown `R-001`
/// (`TypedCells::text_formatted`). As for numbers, the cell's text is not
/// in the message: the column may be personal.
fn text_shown_otherwise(
    formulas: &Formulas,
    origin: (u32, u32),
    value: &Data,
    column: &str,
    cell: &dyn Fn() -> String,
) -> Option<Result<String, String>> {
    let Data::String(text) = value else {
        return None;
    };
    let format = formulas.text_format(origin)?;
    match super::excel_numfmt::text_shown(format, text)? {
        super::excel_numfmt::TextShown::Around(_) => Some(Ok(format.to_string())),
        super::excel_numfmt::TextShown::Instead(shown) => Some(Err(msg!(
            "excel-format-shows-other-text",
            column = column,
            cell = cell(),
            format = format,
            shown = shown
        )
        .words())),
        // Excel shows the cell blank (or a dash) while it holds text: an
        // approver the auditor cannot see in the sheet would be read
        // (docs/inputs-and-reports.md, "text hidden by its format").
        super::excel_numfmt::TextShown::Hidden(shown) => Some(Err(msg!(
            "excel-format-hides-text",
            column = column,
            cell = cell(),
            format = format,
            shown = shown.as_str(),
            blank = if shown.is_empty() { "yes" } else { "no" }
        )
        .words())),
    }
}

/// A cell as the text a CSV export would hold; an Excel error value is an
/// error.
pub(super) fn cell_text(value: &Data) -> Result<String, CellErrorType> {
    Ok(match value {
        Data::Empty => String::new(),
        Data::DateTimeIso(s) => iso_datetime_text(s),
        Data::String(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number_text(*f),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) if d.is_duration() => duration_text(d.as_f64()),
        Data::DateTime(d) => datetime_text(d),
        Data::Error(e) => return Err(e.clone()),
    })
}

/// Whole numbers without a fraction (an id typed as 1001 is `1001`, not
/// `1001.0`); others in their shortest exact form.
fn number_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 9.0e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

/// A date-formatted cell: a whole day is a date (`2026-03-18`), a value with
/// a time keeps it (`2026-03-18T09:30:00`, read in the case's time zone like
/// any datetime written without an offset), a time alone is `09:30:00`.
///
/// The serial is rounded to the millisecond first, as Excel shows it, and
/// the rounding carries into the day: about half the times typed in Excel
/// are stored just below their second (10:00 as 46143.416666666664), and
/// calamine's `to_ymd_hms_milli` truncated them (`09:59:59` and a
/// millisecond field of 1000), so a time shown as 0:00 fell on the day
/// before (hostile review, 2026-12-05: an access after the reader's rights
/// ended passed).
fn datetime_text(d: &calamine::ExcelDateTime) -> String {
    const DAY_MS: f64 = 86_400_000.0;
    let ty = if d.is_duration() {
        calamine::ExcelDateTimeType::TimeDelta
    } else {
        calamine::ExcelDateTimeType::DateTime
    };
    // calamine keeps the date system private; a cell equals its copy in
    // the system it was read in.
    let is_1904 = *d == calamine::ExcelDateTime::new(d.as_f64(), ty, true);
    let serial = d.as_f64();
    let total_ms = (serial * DAY_MS).round();
    let days = (total_ms / DAY_MS).floor();
    // Whole milliseconds below a day's: exact in an f64 for any serial Excel
    // can hold.
    let ms_of_day = (total_ms - days * DAY_MS) as u64;
    let (y, mo, day, ..) = calamine::ExcelDateTime::new(days, ty, is_1904).to_ymd_hms_milli();
    let (h, mi) = (ms_of_day / 3_600_000, ms_of_day / 60_000 % 60);
    let (s, ms) = (ms_of_day / 1000 % 60, ms_of_day % 1000);
    let time = if ms == 0 {
        format!("{h:02}:{mi:02}:{s:02}")
    } else {
        format!("{h:02}:{mi:02}:{s:02}.{ms:03}")
    };
    if serial < 1.0 {
        time
    } else if ms_of_day == 0 {
        format!("{y:04}-{mo:02}-{day:02}")
    } else {
        format!("{y:04}-{mo:02}-{day:02}T{time}")
    }
}

/// The error for a date-formatted cell whose number is no day Excel
/// shows: below its first day (`-1`, or `0`, day 0 of January 1900) or
/// past 9999-12-31 (`1e308`), quoting the number and what Excel shows
/// (`######`, `1900/1/0`). They were quoted as the day calamine made of
/// them (`1899-12-29`) or a time (`00:00:00`), which the cell never showed
/// (hostile review h23a M3). A duration-formatted cell is not a day.
fn odd_serial(value: &Data, column: &str, cell: &str) -> Option<String> {
    let Data::DateTime(d) = value else {
        return None;
    };
    if d.is_duration() {
        return None;
    }
    let ty = calamine::ExcelDateTimeType::DateTime;
    let is_1904 = *d == calamine::ExcelDateTime::new(d.as_f64(), ty, true);
    let serial = d.as_f64();
    // 9999-12-31 in either date system; 1904's day 0 is 1904-01-01.
    let last = if is_1904 { 2_957_003.0 } else { 2_958_465.0 };
    let number = match serial.abs() >= 1e15 {
        true => format!("{serial:e}"),
        false => number_text(serial),
    };
    if !serial.is_finite() || serial < 0.0 || serial >= last + 1.0 {
        return Some(
            msg!(
                "excel-date-serial-hashes",
                column = column,
                cell = cell,
                number = number
            )
            .words(),
        );
    }
    if serial == 0.0 && !is_1904 {
        return Some(msg!("excel-date-serial-zero", column = column, cell = cell).words());
    }
    None
}

/// An ISO 8601 date cell (`t="d"`, as LibreOffice and some exporters
/// write dates) as [`datetime_text`] writes a serial date: a time of
/// midnight is dropped, so `2023-08-01T00:00:00` fills a `date` field as a
/// date-formatted number cell does. It was refused as "does not fit"
/// (hostile review, 2026-12-04).
fn iso_datetime_text(s: &str) -> String {
    // Only a time without a zone: `…T00:00:00Z` is an instant (UTC
    // midnight), read as a datetime as the same text in a CSV is.
    let midnight = ["T00:00:00", "T00:00:00.000", "T00:00"];
    match s.split_at_checked(10) {
        Some((date, time)) if midnight.contains(&time) => date.to_string(),
        _ => s.to_string(),
    }
}

/// A duration-formatted cell (`[h]:mm:ss`) as hours, minutes and seconds.
fn duration_text(days: f64) -> String {
    let secs = (days * 86_400.0).round() as i64;
    format!("{}:{:02}:{:02}", secs / 3600, secs % 3600 / 60, secs % 60)
}

/// `A`, `B`, ... `Z`, `AA`: a 1-based column number as Excel names it.
pub fn column_letters(mut n: u32) -> String {
    let mut out = Vec::new();
    while n > 0 {
        n -= 1;
        out.push(b'A' + (n % 26) as u8);
        n /= 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_date_cells_drop_a_midnight_time() {
        assert_eq!(iso_datetime_text("2023-08-01T00:00:00"), "2023-08-01");
        assert_eq!(iso_datetime_text("2023-08-01T00:00:00.000"), "2023-08-01");
        assert_eq!(
            iso_datetime_text("2023-08-01T10:30:00"),
            "2023-08-01T10:30:00"
        );
        assert_eq!(
            iso_datetime_text("2026-01-01T00:00:00Z"),
            "2026-01-01T00:00:00Z"
        );
        assert_eq!(iso_datetime_text("2023-08-01"), "2023-08-01");
        assert_eq!(iso_datetime_text("今天"), "今天");
    }

    /// Every reader's date and time cells are told as such: an .xlsx or
    /// .xls date-formatted number (`DateTime`), an ISO cell (`t="d"`, an
    /// .ods date), an .ods time (`DurationIso`); a duration and a plain
    /// number are not (hostile review, 2026-12-04).
    #[test]
    fn date_and_time_cells_of_every_reader_are_dated() {
        let dt = |v, ty| Data::DateTime(calamine::ExcelDateTime::new(v, ty, false));
        let mut typed = TypedCells::default();
        let cells = [
            dt(34731.0, calamine::ExcelDateTimeType::DateTime),
            Data::DateTimeIso("1995-02-01T00:00:00".into()),
            dt(0.395833, calamine::ExcelDateTimeType::DateTime),
            Data::DurationIso("PT09H30M00S".into()),
            dt(1.5, calamine::ExcelDateTimeType::TimeDelta),
            Data::Float(1995.0),
            Data::String("1995-2".into()),
        ];
        for (c, value) in cells.iter().enumerate() {
            typed.record((2, c as u32 + 1), value);
        }
        let dated: Vec<bool> = (1..=7).map(|c| typed.dated((2, c))).collect();
        assert_eq!(dated, [true, true, true, true, false, false, false]);
    }

    #[test]
    fn columns_are_named_as_excel_names_them() {
        assert_eq!(column_letters(1), "A");
        assert_eq!(column_letters(26), "Z");
        assert_eq!(column_letters(27), "AA");
        assert_eq!(column_letters(703), "AAA");
    }

    #[test]
    fn whole_numbers_have_no_fraction() {
        assert_eq!(number_text(1001.0), "1001");
        assert_eq!(number_text(2.5), "2.5");
        assert_eq!(number_text(-3.0), "-3");
        assert_eq!(number_text(0.1), "0.1");
    }

    #[test]
    fn date_cells_are_dates_and_keep_their_time() {
        let dt = |v| {
            datetime_text(&calamine::ExcelDateTime::new(
                v,
                calamine::ExcelDateTimeType::DateTime,
                false,
            ))
        };
        assert_eq!(dt(46099.0), "2026-03-18");
        assert_eq!(dt(46099.5), "2026-03-18T12:00:00");
        assert_eq!(dt(0.5), "12:00:00");
        assert_eq!(duration_text(1.5), "36:00:00");
    }

    /// Serials stored just below a second are the second Excel shows, and
    /// just below midnight the next day (hostile review, 2026-12-05: read
    /// as `09:59:59.1000`, and a day early).
    #[test]
    fn date_cells_round_to_the_millisecond_excel_shows() {
        let dt = |v, is_1904| {
            datetime_text(&calamine::ExcelDateTime::new(
                v,
                calamine::ExcelDateTimeType::DateTime,
                is_1904,
            ))
        };
        // 2026-05-01 10:00 and 14:20 as Excel saves them.
        assert_eq!(dt(46143.416666666664, false), "2026-05-01T10:00:00");
        assert_eq!(dt(46143.59722222222, false), "2026-05-01T14:20:00");
        assert_eq!(dt(46142.99999999999, false), "2026-05-01");
        assert_eq!(
            dt(46143.5 + 0.25 / 86_400.0, false),
            "2026-05-01T12:00:00.250"
        );
        // The 1904 system: the same day is 1462 serials lower.
        assert_eq!(dt(46143.416666666664 - 1462.0, true), "2026-05-01T10:00:00");
        assert_eq!(dt(46142.99999999999 - 1462.0, true), "2026-05-01");
        // Every minute of a day, as f64 arithmetic stores it.
        for minute in 0..1440 {
            let serial = 46143.0 + f64::from(minute) / 1440.0;
            let expected = match minute {
                0 => "2026-05-01".to_string(),
                m => format!("2026-05-01T{:02}:{:02}:00", m / 60, m % 60),
            };
            assert_eq!(dt(serial, false), expected);
        }
    }

    #[test]
    fn a_damaged_workbook_is_an_error_or_read_never_a_panic() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/bad_inputs/xlsx_inventory/inventory.xlsx"
        );
        let good = std::fs::read(path).expect("the fixture is committed");
        assert!(read_sheet(&good, "xlsx", None, Some(3)).is_ok());
        for i in (0..good.len()).step_by(7) {
            let mut bad = good.clone();
            bad[i] ^= 0x5A;
            let _ = read_sheet(&bad, "xlsx", None, Some(3));
            let _ = read_sheet(&good[..i], "xlsx", None, None);
        }
    }

    #[test]
    fn not_a_workbook_is_an_error_not_a_panic() {
        let e = read_sheet(b"id,title\n", "xlsx", None, None).expect_err("not a zip");
        assert!(
            e.contains("cannot read this file as a .xlsx workbook"),
            "{e}"
        );
        let ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];
        let e = read_sheet(&ole, "xlsx", None, None).expect_err("encrypted");
        assert!(e.contains("password-protected"), "{e}");
        assert!(read_sheet(b"", "ods", None, None).is_err());
        assert!(read_sheet(b"\x00\x01", "xls", None, None).is_err());
    }
}
