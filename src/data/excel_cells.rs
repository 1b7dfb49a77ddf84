//! What the reader knows of the cells of the sheet read beyond their
//! values: which are formulas, whether an empty formula result was
//! computed or never saved (review R15; hostile review, 2026-12-05), and
//! which cells cannot be read at all (.ods: `excel_ods_cells`). A row
//! holding such a cell is left out with an input error at the cell
//! (docs/inputs-and-reports.md, "Formulas").

use std::io::Cursor;

use calamine::{Data, Range, Reader, Sheets};

use super::excel_grid::Grid;
use super::excel_ods_cells::{Bad, BadCells};
use super::excel_strings::Misread;
use crate::msg;

/// The formula cells of the sheet read: a formula cell whose value is
/// empty either computed the empty string (an empty cell) or was never
/// computed (review R15).
pub enum Formulas {
    /// An .ods formula saves a typed result: an empty string saved
    /// (`office:string-value=""`, LibreOffice's `""`) is one; a formula
    /// with no result saved is one of the sheet's bad cells
    /// (`excel_ods_cells`).
    Ods(Range<String>),
    /// An .xls formula saves an empty string result as a "blank string"
    /// (`FormulaValue` type 3), and a writer that computes nothing (xlwt)
    /// saves every formula so: the two cannot be told apart, and an empty
    /// result is refused (hostile review, 2026-12-05).
    Xls(Range<String>),
    /// An .xlsx sheet's formula cells, read from its XML: calamine reads
    /// `t="str"` with an empty `<v>` (Excel's `""`) and an untyped empty
    /// `<v/>` (a writer that computes nothing) alike.
    Xlsx(Box<super::excel_xml::XlsxFormulas>),
}

impl Formulas {
    /// The formula cells of the sheet `sheet` of `book` (`bytes`), with
    /// the shared strings calamine misreads (`strings`, .xlsx only). An
    /// .xlsx sheet calamine read but whose XML is not found here is an
    /// error: it fell back to calamine's formulas, and the checks made on
    /// the XML (stale results, number formats, strings) were skipped
    /// without a word (hostile review, 2026-12-07).
    pub fn of(
        book: &mut Sheets<Cursor<&[u8]>>,
        bytes: &[u8],
        sheet: &str,
        strings: &Misread,
    ) -> Result<Self, String> {
        if let Sheets::Xlsx(_) = book {
            return match super::excel_xml::xlsx_formulas(bytes, sheet, strings) {
                Some(f) => Ok(Formulas::Xlsx(Box::new(f))),
                None => Err(msg!("excel-xlsx-sheet-part-not-found", sheet = sheet).words()),
            };
        }
        let range = book.worksheet_formula(sheet).unwrap_or_default();
        Ok(match book {
            Sheets::Xls(_) => Formulas::Xls(range),
            _ => Formulas::Ods(range),
        })
    }

    /// Cells that cannot be read found in an .xlsx sheet's XML.
    pub fn bad(&self) -> Option<&BadCells> {
        match self {
            Formulas::Xlsx(f) => Some(&f.bad),
            _ => None,
        }
    }

    /// String cells calamine misreads, with the text shown (.xlsx).
    pub fn values(&self) -> &[super::excel_ods_cells::Run] {
        match self {
            Formulas::Xlsx(f) => &f.values,
            _ => &[],
        }
    }

    pub fn has(&self, at: (u32, u32)) -> bool {
        match self {
            Formulas::Ods(range) | Formulas::Xls(range) => {
                range.get_value(at).is_some_and(|f| !f.is_empty())
            }
            Formulas::Xlsx(f) => f.cells.contains(&at),
        }
    }

    /// Why a conditional format over the cell at `at` may show it
    /// otherwise than it holds `value` (.xlsx only): its number format
    /// shows other text, or hides it, or its font strikes it through.
    /// Whether the rule applies is not evaluated: the sheet may show
    /// either, so either reading may be the company's.
    pub fn conditionally_shown(
        &self,
        at: (u32, u32),
        value: &calamine::Data,
    ) -> Option<ShownIfRuleHolds> {
        let Formulas::Xlsx(f) = self else {
            return None;
        };
        f.conditional_at(at).find_map(|dxf| {
            if dxf.struck {
                return Some(ShownIfRuleHolds::Struck);
            }
            let format = dxf.format.as_deref()?;
            let shown = match value {
                calamine::Data::Float(n) => super::excel_numfmt::shown_text(format, *n),
                calamine::Data::Int(n) => super::excel_numfmt::shown_text(format, *n as f64),
                calamine::Data::String(text) => {
                    match super::excel_numfmt::text_shown(format, text)? {
                        super::excel_numfmt::TextShown::Around(_) => None,
                        super::excel_numfmt::TextShown::Instead(shown)
                        | super::excel_numfmt::TextShown::Hidden(shown) => Some(shown.to_string()),
                    }
                }
                _ => None,
            };
            shown.map(ShownIfRuleHolds::Text)
        })
    }

    /// Whether the cell at `at` is shown struck through (.xlsx only:
    /// `excel_xml`; docs/inputs-and-reports.md, "Struck-through rows").
    pub fn struck(&self, at: (u32, u32)) -> bool {
        match self {
            Formulas::Xlsx(f) => f.struck.contains(&at),
            _ => false,
        }
    }

    /// The text of the note on the cell at `at` when it says the row was
    /// voided (.xlsx only: `excel_notes`).
    pub fn void_note(&self, at: (u32, u32)) -> Option<&str> {
        match self {
            Formulas::Xlsx(f) => f.void_notes.get(&at).map(String::as_str),
            _ => None,
        }
    }

    /// The number format a number cell at `at` is shown through, when it
    /// may show otherwise than the number (.xlsx only: `excel_xml`).
    pub fn shown_format(&self, at: (u32, u32)) -> Option<&str> {
        match self {
            Formulas::Xlsx(f) => f.formatted.get(&at).map(String::as_str),
            _ => None,
        }
    }

    /// The number format a text cell at `at` is shown through, when it is
    /// not General nor Text (.xlsx only: `excel_xml`).
    pub fn text_format(&self, at: (u32, u32)) -> Option<&str> {
        match self {
            Formulas::Xlsx(f) => f.text_formats.get(&at).map(String::as_str),
            _ => None,
        }
    }

    /// Number cells shown as dates or times by a built-in format calamine
    /// does not know (.xlsx only: `excel_xml`).
    pub fn dated(&self) -> Option<&std::collections::HashSet<(u32, u32)>> {
        match self {
            Formulas::Xlsx(f) => Some(&f.dated),
            _ => None,
        }
    }

    /// Whether the formula results saved in the workbook are not to be
    /// trusted (`XlsxFormulas::stale`): every formula cell is refused,
    /// whatever it holds (hostile review, 2026-12-05: a 是/否 column of
    /// formulas written by pandas read `0`, 否, in every row).
    pub fn stale(&self) -> bool {
        matches!(self, Formulas::Xlsx(f) if f.stale.is_some())
    }

    /// Why the formula cell `column` `cell` is not read when the results
    /// are stale.
    pub fn stale_message(&self, column: &str, cell: &str) -> String {
        match self {
            Formulas::Xlsx(f) if f.stale == Some(super::excel_xml::Stale::Manual) => {
                msg!("excel-formula-stale-manual", column = column, cell = cell).words()
            }
            _ => msg!("excel-formula-stale", column = column, cell = cell).words(),
        }
    }

    /// Whether the formula cell `at`, whose value is `value` (empty), holds
    /// a computed empty string.
    pub fn computed_empty(&self, at: (u32, u32), value: &Data) -> bool {
        let string = matches!(value, Data::String(s) if s.is_empty());
        match self {
            Formulas::Ods(_) => string,
            Formulas::Xls(_) => false,
            Formulas::Xlsx(f) => string && f.strings.contains(&at),
        }
    }

    /// Why the formula cell `column` `cell`, whose value is `value`
    /// (empty), is not read.
    pub fn unsaved(&self, column: &str, cell: &str, value: &Data) -> String {
        match (self, value) {
            (Formulas::Xls(_), Data::String(_)) => {
                msg!("excel-xls-formula-empty", column = column, cell = cell).words()
            }
            _ => msg!("excel-formula-not-computed", column = column, cell = cell).words(),
        }
    }
}

/// What is known of the cells of the sheet read beyond their values.
pub struct Cells<'a> {
    pub formulas: &'a Formulas,
    /// Cells that cannot be read (.ods only: `excel_ods_cells`).
    pub bad: &'a BadCells,
}

impl Cells<'_> {
    /// Whether the cell (row, col) of its own is one `row_of` refuses: a
    /// cell that cannot be read, or a formula whose empty result was not
    /// computed.
    pub fn refuses(&self, grid: &Grid, row: u32, col: u32) -> bool {
        if self.bad.at((row, col)).is_some() {
            return true;
        }
        let own = grid.own(row, col);
        let empty = matches!(own, Data::Empty) || matches!(own, Data::String(s) if s.is_empty());
        (empty || self.formulas.stale())
            && grid.origin(row, col) == (row, col)
            && self.formulas.has((row, col))
            && (self.formulas.stale() || !self.formulas.computed_empty((row, col), own))
    }
}

/// Why the cell `cell` of the column `column` cannot be read.
pub fn bad_cell(why: &Bad, column: &str, cell: &str, formulas: &Formulas) -> String {
    match why {
        Bad::Unsaved => formulas.unsaved(column, cell, &Data::Empty),
        Bad::Boolean => msg!("excel-ods-bad-boolean", column = column, cell = cell).words(),
        Bad::TwoTexts => msg!("excel-ods-two-texts", column = column, cell = cell).words(),
        Bad::Error(Some(error)) => msg!(
            "excel-error-cell",
            column = column,
            cell = cell,
            error = error.as_str()
        )
        .words(),
        Bad::Error(None) => msg!("excel-ods-error-cell", column = column, cell = cell).words(),
        Bad::SharedIndex(v) => msg!(
            "excel-xlsx-bad-string-index",
            column = column,
            cell = cell,
            value = v.as_str()
        )
        .words(),
        Bad::Parts => msg!("excel-xlsx-string-parts", column = column, cell = cell).words(),
        Bad::HiddenText => msg!("excel-ods-hidden-text", column = column, cell = cell).words(),
    }
}

/// What a conditional format over a cell shows when its rule holds
/// (`Formulas::conditionally_shown`).
#[derive(Debug, PartialEq, Eq)]
pub enum ShownIfRuleHolds {
    /// The cell struck through.
    Struck,
    /// This text in place of the cell's value (empty: nothing).
    Text(String),
}
