//! A cell written twice in a workbook sheet: two `<c r="J14">` elements of
//! an .xlsx sheet, two `<row r="14">` elements, or two .xls cell records
//! at one address. calamine keeps the last one without a word, so a legal
//! hold `是` followed by `否` read as "no hold" and the violation vanished.
//! Which value the cell shows is not defined (as for overlapping merged
//! regions), so the sheet is not read (docs/inputs-and-reports.md,
//! "Cells written twice"). An .ods sheet places its cells by their order
//! and has no address to write twice.
//!
//! Cells come in the order the file writes them. In order (row by row, left
//! to right, as every writer writes them) a cell written twice is the one
//! just before it, found in one pass and no memory ([`Twice`]). A cell out
//! of order may land on any cell before it: then the cells are read again
//! and marked in a bitmap of the sheet's box ([`Marks`]), which the box
//! limit bounds (10 million cells, 2.5 MB).

use crate::msg;

/// The first check, in one pass over a sheet's cells.
#[derive(Default)]
pub struct Twice {
    /// The furthest cell so far, and whether any cell written there holds
    /// a value.
    last: Option<((u64, u64), bool)>,
    disordered: bool,
    found: Option<(u64, u64)>,
}

/// What one pass found.
#[derive(Debug, PartialEq, Eq)]
pub enum Found {
    /// No cell is written twice.
    Clear,
    /// The first cell written twice, 0-based (row, column).
    Twice((u64, u64)),
    /// A cell came before one already read: read them again into
    /// [`Marks`].
    Unsure,
}

impl Twice {
    /// The next cell as the file writes it; `value`: it holds one (two
    /// empty cells at one address show the same nothing).
    pub fn add(&mut self, at: (u64, u64), value: bool) {
        if self.found.is_some() || self.disordered {
            return;
        }
        match &mut self.last {
            Some((last, held)) if *last == at => {
                if value || *held {
                    self.found = Some(at);
                }
                *held |= value;
            }
            Some((last, _)) if at < *last => self.disordered = true,
            _ => self.last = Some((at, value)),
        }
    }

    /// The first cell written twice when the cells came in order.
    pub fn found(&self) -> Option<(u64, u64)> {
        self.found
    }

    pub fn finish(self) -> Found {
        match (self.found, self.disordered) {
            (Some(at), false) => Found::Twice(at),
            (_, true) => Found::Unsure,
            (None, false) => Found::Clear,
        }
    }
}

/// The second check: every cell of the box marked as it is read, two bits
/// each (written; written with a value). Cells outside the box hold no
/// value (the box is that of the cells with values) and are passed over.
pub struct Marks {
    first: (u64, u64),
    last: (u64, u64),
    width: u64,
    bits: Vec<u64>,
}

impl Marks {
    /// Marks for the box from `first` to `last` (both inside), which the
    /// caller has held within the box limit.
    pub fn new(first: (u64, u64), last: (u64, u64)) -> Self {
        let width = last.1 - first.1 + 1;
        let cells = (last.0 - first.0 + 1).saturating_mul(width);
        Marks {
            first,
            last,
            width,
            bits: vec![0; (cells.saturating_mul(2) / 64 + 1) as usize],
        }
    }

    /// Marks the cell `at`; true when it was written before and one of the
    /// two holds a value.
    pub fn add(&mut self, at: (u64, u64), value: bool) -> bool {
        let inside = (self.first.0..=self.last.0).contains(&at.0)
            && (self.first.1..=self.last.1).contains(&at.1);
        if !inside {
            return false;
        }
        let i = ((at.0 - self.first.0) * self.width + (at.1 - self.first.1)) * 2;
        let (word, bit) = ((i / 64) as usize, i % 64);
        let was = self.bits[word] >> bit & 0b11;
        self.bits[word] |= (1 | u64::from(value) << 1) << bit;
        was & 1 == 1 && (value || was & 0b10 != 0)
    }
}

/// The error for the cell `at` of the sheet `sheet` written twice.
pub fn error(sheet: &str, at: (u64, u64)) -> String {
    msg!(
        "excel-cell-twice",
        sheet = sheet,
        cell = super::excel_box::cell_name(at)
    )
    .words()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one_pass(cells: &[((u64, u64), bool)]) -> Found {
        let mut t = Twice::default();
        for &(at, value) in cells {
            t.add(at, value);
        }
        t.finish()
    }

    fn marks(cells: &[((u64, u64), bool)]) -> Option<(u64, u64)> {
        let mut m = Marks::new((1, 1), (20, 5));
        cells.iter().find(|&&(at, v)| m.add(at, v)).map(|c| c.0)
    }

    #[test]
    fn in_order_the_cell_before_is_the_only_one_to_compare() {
        let a = ((13, 9), true);
        let b = ((13, 10), true);
        assert_eq!(one_pass(&[a, b]), Found::Clear);
        assert_eq!(one_pass(&[a, a, b]), Found::Twice((13, 9)));
        // Two empty cells at one address are no ambiguity; an empty one
        // beside a value is (which one shows is not defined).
        let empty = ((13, 9), false);
        assert_eq!(one_pass(&[empty, empty, b]), Found::Clear);
        assert_eq!(one_pass(&[empty, a]), Found::Twice((13, 9)));
        assert_eq!(one_pass(&[a, empty]), Found::Twice((13, 9)));
        // A row written again starts before the last cell.
        assert_eq!(one_pass(&[a, b, ((13, 0), true)]), Found::Unsure);
        assert_eq!(one_pass(&[((14, 0), true), a]), Found::Unsure);
    }

    #[test]
    fn out_of_order_every_cell_of_the_box_is_remembered() {
        let row14 = [((13, 1), true), ((13, 2), false), ((13, 3), true)];
        let row15 = [((14, 1), true)];
        let twice: Vec<_> = [&row14[..], &row15, &row14].concat();
        assert_eq!(marks(&twice), Some((13, 1)));
        let moved: Vec<_> = [&row15[..], &row14].concat();
        assert_eq!(marks(&moved), None);
        // Empty twice, or outside the box: nothing.
        assert_eq!(marks(&[((13, 2), false), ((13, 2), false)]), None);
        assert_eq!(marks(&[((0, 0), false), ((0, 0), true)]), None);
        assert_eq!(marks(&[((13, 2), false), ((13, 2), true)]), Some((13, 2)));
        assert_eq!(marks(&[((20, 5), true), ((20, 5), true)]), Some((20, 5)));
    }
}
