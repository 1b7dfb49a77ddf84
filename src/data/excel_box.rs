//! The size of a workbook's sheets, counted before calamine reads them
//! (docs/security.md, "Limits"). calamine holds a sheet as the box of
//! cells from its first written cell to its last, written or not, and it
//! reads every sheet of an .ods or .xls workbook into such boxes when the
//! workbook is opened. So the boxes are counted first, from the file, and
//! without holding any cell:
//!
//! - .xlsx: each sheet looked at, with calamine's streaming cell reader
//!   (`xlsx_sheet`, before that sheet is read);
//! - .ods: content.xml streamed, `number-rows-repeated` and
//!   `number-columns-repeated` taken as counts, never spelled out
//!   (`excel_box_ods`);
//! - .xls: the cell records of each sheet's record stream
//!   (`excel_box_xls`).
//!
//! A file that cannot be read here is left to calamine, which reports why.

use std::io::Cursor;

use calamine::{DataRef, Sheets};

use super::excel_box_ods::Shifted;
use super::excel_twice::{self, Found, Marks, Twice};
use super::limits::{MAX_SHEET_CELLS, MAX_WORKBOOK_TEXT_BYTES};
use crate::msg;

/// The written cells of one sheet, as the box from `first` to `last`
/// (0-based row and column, both corners inside).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SheetBox {
    pub name: String,
    pub first: (u64, u64),
    pub last: (u64, u64),
}

impl SheetBox {
    pub fn cells(&self) -> u64 {
        let rows = self.last.0 - self.first.0 + 1;
        let columns = self.last.1 - self.first.1 + 1;
        rows.saturating_mul(columns)
    }
}

/// The corners of a box being found: each written cell widens it.
#[derive(Default)]
pub struct Corners(Option<((u64, u64), (u64, u64))>);

impl Corners {
    /// Widens the box to hold the cells from `first` to `last`.
    pub fn add(&mut self, first: (u64, u64), last: (u64, u64)) {
        self.0 = Some(match self.0 {
            None => (first, last),
            Some((f, l)) => (
                (f.0.min(first.0), f.1.min(first.1)),
                (l.0.max(last.0), l.1.max(last.1)),
            ),
        });
    }

    /// The box of the sheet `name`; `None` when no cell is written.
    pub fn sheet(self, name: &str) -> Option<SheetBox> {
        self.0.map(|(first, last)| SheetBox {
            name: name.to_string(),
            first,
            last,
        })
    }
}

/// What is found before calamine opens a workbook about sheets it would
/// read wrong: the sheet read must not be one of them.
#[derive(Debug, Default)]
pub struct Misread {
    /// .ods sheets whose rows calamine would place under the wrong columns.
    shifted: Vec<Shifted>,
    /// .xls sheets that write a cell twice, and the first such cell
    /// (`excel_twice`; an .xlsx sheet is looked at in `xlsx_sheet`).
    twice: Vec<super::excel_box_xls::Twice>,
    /// .xlsx shared strings calamine reads otherwise than they are shown
    /// (`excel_strings`).
    pub strings: super::excel_strings::Misread,
}

/// Refuses an .ods or .xls workbook, before calamine opens it, when a
/// sheet's box, or the boxes of all its sheets together (calamine holds
/// them all at once), are over `MAX_SHEET_CELLS`; or when the .ods file is
/// built to make calamine spell out more than it holds (see
/// `excel_box_ods`). Other workbooks pass: .xlsx sheets are looked at one
/// by one (`xlsx_sheet`). Gives the sheets calamine would read wrong, for
/// `misplaced` and `written_twice` once the sheet to read is known.
pub fn before_open(bytes: &[u8], ext: &str) -> Result<Misread, String> {
    let (boxes, misread) = match ext.to_ascii_lowercase().as_str() {
        "ods" => {
            let (boxes, shifted) = super::excel_box_ods::sheets(bytes)?;
            let misread = Misread {
                shifted,
                ..Misread::default()
            };
            (boxes, misread)
        }
        "xls" => {
            let (boxes, twice) = super::excel_box_xls::sheets(bytes)?;
            let misread = Misread {
                twice,
                ..Misread::default()
            };
            (boxes, misread)
        }
        "xlsx" | "xlsm" => {
            super::excel_xml::xlsx_parts(bytes)?;
            let strings = super::excel_strings::shared(bytes, MAX_WORKBOOK_TEXT_BYTES)?;
            return Ok(Misread {
                strings,
                ..Misread::default()
            });
        }
        _ => return Ok(Misread::default()),
    };
    within_limit(&boxes, ext)?;
    Ok(misread)
}

/// Refuses to read the sheet `sheet` when calamine misplaces its rows
/// (`excel_box_ods`) or when it writes a cell twice (`excel_twice`).
pub fn misplaced(misread: &Misread, sheet: &str) -> Result<(), String> {
    match misread.shifted.iter().find(|(name, _)| name == sheet) {
        Some((_, row)) => Err(msg!("excel-ods-rows-shifted", sheet = sheet, row = *row).words()),
        None => written_twice(misread, sheet),
    }
}

/// Why another sheet cannot be counted: it writes a cell twice (its rows
/// are counted whatever calamine misplaces).
pub fn written_twice(misread: &Misread, sheet: &str) -> Result<(), String> {
    match misread.twice.iter().find(|(name, _)| name == sheet) {
        Some((_, at)) => Err(excel_twice::error(sheet, *at)),
        None => Ok(()),
    }
}

/// Every sheet's box, then their sum, against `MAX_SHEET_CELLS`.
pub fn within_limit(boxes: &[SheetBox], ext: &str) -> Result<(), String> {
    for b in boxes {
        too_large(b)?;
    }
    let total = boxes
        .iter()
        .fold(0u64, |sum, b| sum.saturating_add(b.cells()));
    if total <= MAX_SHEET_CELLS {
        return Ok(());
    }
    let mut largest: Vec<&SheetBox> = boxes.iter().collect();
    largest.sort_by_key(|b| std::cmp::Reverse(b.cells()));
    let sheets = largest
        .iter()
        .take(5)
        .map(|b| format!("`{}` {}", b.name, b.cells()))
        .collect::<Vec<_>>()
        .join(&crate::t!(crate::i18n::message_lang(), "list-comma"));
    Err(msg!(
        "excel-workbook-too-large",
        ext = ext.to_ascii_lowercase(),
        cells = total,
        sheets = sheets,
        max = MAX_SHEET_CELLS
    )
    .words())
}

/// The error for one sheet whose box is over `MAX_SHEET_CELLS`.
fn too_large(b: &SheetBox) -> Result<(), String> {
    if b.cells() <= MAX_SHEET_CELLS {
        return Ok(());
    }
    Err(msg!(
        "excel-sheet-too-large",
        sheet = &b.name,
        first = cell_name(b.first),
        last = cell_name(b.last),
        cells = b.cells(),
        max = MAX_SHEET_CELLS
    )
    .words())
}

/// Refuses an .xlsx sheet whose written cells span a box over
/// `MAX_SHEET_CELLS`, or whose cells' text adds up to more than
/// `MAX_WORKBOOK_TEXT_BYTES`, before calamine reads it: calamine holds the
/// box, and copies a shared string into every cell that names it (one
/// string of 2 MB named by a thousand cells is 2 GB). Also refuses a sheet
/// that writes a cell twice, found in the same pass (`excel_twice`:
/// calamine keeps the last value silently). A sheet that cannot be read
/// here is left to calamine to report.
pub fn xlsx_sheet(book: &mut Sheets<Cursor<&[u8]>>, sheet: &str) -> Result<(), String> {
    let Sheets::Xlsx(x) = book else {
        return Ok(());
    };
    let Ok(mut cells) = x.worksheet_cells_reader(sheet) else {
        return Ok(());
    };
    let mut corners = Corners::default();
    let mut twice = Twice::default();
    let mut text = 0u64;
    while let Ok(Some(cell)) = cells.next_cell() {
        let (r, c) = cell.get_position();
        let at = (u64::from(r), u64::from(c));
        let value = !matches!(cell.get_value(), DataRef::Empty);
        twice.add(at, value);
        if let Some(at) = twice.found() {
            return Err(excel_twice::error(sheet, at));
        }
        let bytes = match cell.get_value() {
            DataRef::Empty => continue,
            DataRef::SharedString(s) => s.len(),
            DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.len(),
            _ => 0,
        };
        corners.add(at, at);
        text = text.saturating_add(bytes as u64);
        if text > MAX_WORKBOOK_TEXT_BYTES {
            return Err(msg!(
                "excel-xlsx-text-too-large",
                max = MAX_WORKBOOK_TEXT_BYTES,
                sheet = sheet,
                cell = cell_name(at)
            )
            .words());
        }
    }
    drop(cells);
    let Some(b) = corners.sheet(sheet) else {
        return Ok(());
    };
    too_large(&b)?;
    match twice.finish() {
        Found::Clear => Ok(()),
        Found::Twice(at) => Err(excel_twice::error(sheet, at)),
        Found::Unsure => xlsx_marks(x, &b),
    }
}

/// The second look for a cell written twice, when the sheet's cells are
/// not in order (`excel_twice`): every cell marked in the box `b`.
fn xlsx_marks(x: &mut calamine::Xlsx<Cursor<&[u8]>>, b: &SheetBox) -> Result<(), String> {
    let Ok(mut cells) = x.worksheet_cells_reader(&b.name) else {
        return Ok(());
    };
    let mut marks = Marks::new(b.first, b.last);
    while let Ok(Some(cell)) = cells.next_cell() {
        let (r, c) = cell.get_position();
        let at = (u64::from(r), u64::from(c));
        if marks.add(at, !matches!(cell.get_value(), DataRef::Empty)) {
            return Err(excel_twice::error(&b.name, at));
        }
    }
    Ok(())
}

/// `XFD1048576`: a 0-based (row, column) as Excel names the cell.
pub fn cell_name((row, column): (u64, u64)) -> String {
    let mut n = column.saturating_add(1);
    let mut letters = Vec::new();
    while n > 0 {
        n -= 1;
        letters.push(char::from(b'A' + (n % 26) as u8));
        n /= 26;
    }
    letters.reverse();
    format!(
        "{}{}",
        letters.into_iter().collect::<String>(),
        row.saturating_add(1)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet(name: &str, last: (u64, u64)) -> SheetBox {
        SheetBox {
            name: name.into(),
            first: (0, 0),
            last,
        }
    }

    #[test]
    fn cells_are_named_as_excel_names_them() {
        assert_eq!(cell_name((0, 0)), "A1");
        assert_eq!(cell_name((1_048_575, 16_383)), "XFD1048576");
        assert_eq!(cell_name((65_535, 255)), "IV65536");
    }

    #[test]
    fn a_box_counts_its_rows_by_its_columns() {
        assert_eq!(sheet("a", (9, 1)).cells(), 20);
        assert_eq!(sheet("a", (u64::MAX - 1, 3)).cells(), u64::MAX);
    }

    /// calamine holds every sheet of an .ods or .xls at once: sheets each
    /// under the limit are refused together when their sum is over it.
    #[test]
    fn the_sheets_of_a_workbook_are_bounded_together() {
        let half = sheet("一", (MAX_SHEET_CELLS / 2 - 1, 0));
        assert_eq!(within_limit(&[half.clone(), half.clone()], "ods"), Ok(()));
        let e = within_limit(&[half.clone(), half.clone(), sheet("三", (9, 0))], "ods")
            .expect_err("over the limit together");
        assert!(e.contains("10000010 cells"), "{e}");
        assert!(e.contains("`一` 5000000, `一` 5000000, `三` 10"), "{e}");
        let e = within_limit(&[sheet("大", (MAX_SHEET_CELLS, 0))], "xls")
            .expect_err("one sheet over the limit");
        assert!(e.contains("`大` span A1 to A10000001"), "{e}");
    }
}
