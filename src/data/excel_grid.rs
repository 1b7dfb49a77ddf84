//! A sheet's cells by absolute 0-based (row, column), with its merged
//! regions indexed once: every cell of a region shows the region's
//! top-left value (what the sheet shows across it), and each cell knows
//! which region covers it in constant time.
//!
//! The work is bounded by the cells written in the sheet (calamine's range,
//! which it already holds in memory), never by how far a region reaches:
//! a region is clipped to the written cells, since beyond them there is no
//! row of data to give its value to. (Review R17: each cell once scanned
//! every region, and the sheet reached to the end of the widest region,
//! `A30:XFD1048576`: a 15 KB workbook took minutes.)

use calamine::{Data, Dimensions, Range};

use crate::msg;

/// The cells of one sheet and the merged regions over them.
pub struct Grid<'a> {
    range: &'a Range<Data>,
    /// The regions that reach the written cells, clipped to them.
    regions: Vec<Dimensions>,
    /// First row and column of the written cells' box.
    start: (u32, u32),
    /// Rows and columns `start..end` are the box (exclusive end).
    end: (u32, u32),
    /// For each cell of the box, row by row: 1 + the index in `regions` of
    /// the region covering it, 0 for none.
    cover: Vec<u32>,
    /// The top-left cell of each region of `regions`, unclipped (the value
    /// shown across the region, which may lie outside the box).
    origins: Vec<(u32, u32)>,
}

impl<'a> Grid<'a> {
    /// Indexes `merged` over the cells of `range`. Two regions that share a
    /// cell are an error (Excel repairs such a file on opening: which value
    /// the cell shows is not defined); the same region listed twice is one.
    pub fn new(range: &'a Range<Data>, merged: &[Dimensions]) -> Result<Self, String> {
        let (start, end) = match (range.start(), range.end()) {
            (Some(s), Some(e)) => (s, (e.0 + 1, e.1 + 1)),
            _ => ((0, 0), (0, 0)),
        };
        let width = (end.1 - start.1) as usize;
        let height = (end.0 - start.0) as usize;
        let mut grid = Grid {
            range,
            regions: Vec::new(),
            start,
            end,
            // As many cells as calamine's range holds already.
            cover: vec![0; width * height],
            origins: Vec::new(),
        };
        let mut merged = merged.to_vec();
        merged.sort_unstable_by_key(|m| (m.start, m.end));
        merged.dedup();
        for m in merged {
            grid.paint(m)?;
        }
        Ok(grid)
    }

    /// Marks the cells of `m` inside the box as covered by it.
    fn paint(&mut self, m: Dimensions) -> Result<(), String> {
        let Some(clipped) = self.clip(&m) else {
            return Ok(());
        };
        let id = self.regions.len() as u32 + 1;
        let width = (self.end.1 - self.start.1) as usize;
        for r in clipped.start.0..=clipped.end.0 {
            let row = (r - self.start.0) as usize * width;
            for c in clipped.start.1..=clipped.end.1 {
                let at = row + (c - self.start.1) as usize;
                if let Some(other) = self.cover[at].checked_sub(1) {
                    return Err(self.overlap(other as usize, &m));
                }
                self.cover[at] = id;
            }
        }
        self.regions.push(clipped);
        self.origins.push(m.start);
        Ok(())
    }

    /// The part of `m` inside the box, if any.
    fn clip(&self, m: &Dimensions) -> Option<Dimensions> {
        let start = (m.start.0.max(self.start.0), m.start.1.max(self.start.1));
        let end = (
            m.end.0.min(self.end.0.checked_sub(1)?),
            m.end.1.min(self.end.1.checked_sub(1)?),
        );
        (start.0 <= end.0 && start.1 <= end.1).then(|| Dimensions::new(start, end))
    }

    fn overlap(&self, other: usize, m: &Dimensions) -> String {
        let name = |d: &Dimensions| {
            format!(
                "{}{}:{}{}",
                super::excel::column_letters(d.start.1 + 1),
                d.start.0 + 1,
                super::excel::column_letters(d.end.1 + 1),
                d.end.0 + 1
            )
        };
        let first = Dimensions::new(self.origins[other], self.regions[other].end);
        msg!(
            "excel-merged-overlap",
            first = name(&first),
            second = name(m)
        )
        .words()
    }

    /// Rows and columns `0..end`, absolute; `(0, 0)` for an empty sheet.
    pub fn end(&self) -> (u32, u32) {
        self.end
    }

    /// The region covering (row, col), as its top-left cell, if any.
    fn region(&self, row: u32, col: u32) -> Option<(u32, u32)> {
        if row < self.start.0 || col < self.start.1 || row >= self.end.0 || col >= self.end.1 {
            return None;
        }
        let width = (self.end.1 - self.start.1) as usize;
        let at = (row - self.start.0) as usize * width + (col - self.start.1) as usize;
        let id = self.cover[at].checked_sub(1)?;
        Some(self.origins[id as usize])
    }

    /// The cell whose value (row, col) shows: the top-left cell of the
    /// region covering it, else itself.
    pub fn origin(&self, row: u32, col: u32) -> (u32, u32) {
        self.region(row, col).unwrap_or((row, col))
    }

    /// The value the sheet shows at (row, col).
    pub fn get(&self, row: u32, col: u32) -> &Data {
        let at = self.origin(row, col);
        self.range.get_value(at).unwrap_or(&Data::Empty)
    }

    /// The value written in the file at (row, col) itself, whatever region
    /// covers it: LibreOffice and WPS keep the contents of the cells they
    /// merge when asked to, and an export script may merge cells it wrote.
    pub fn written(&self, row: u32, col: u32) -> &Data {
        self.range.get_value((row, col)).unwrap_or(&Data::Empty)
    }

    /// The value (row, col) holds of its own: a cell covered by a region
    /// that starts in an earlier row holds what is written in it (most
    /// often nothing). A row whose values all come from regions above it (a
    /// category merged down over blank rows) is no row of data; a row whose
    /// covered cells hold values is one (hostile review, round 11: a
    /// destruction row under vertical merges vanished).
    pub fn own(&self, row: u32, col: u32) -> &Data {
        match self.region(row, col) {
            Some((r, _)) if r < row => self.written(row, col),
            _ => self.get(row, col),
        }
    }

    /// The value (row, col) contributes once: a region counts at its
    /// top-left cell only (a title merged across a row above the header is
    /// one value, not twelve; review R18), unless a covered cell holds a
    /// value of its own that differs from the region's (`hidden`).
    pub fn once(&self, row: u32, col: u32) -> &Data {
        match self.region(row, col) {
            Some(o) if o != (row, col) && self.hidden(row, col).is_none() => &Data::Empty,
            Some(o) if o != (row, col) => self.written(row, col),
            _ => self.get(row, col),
        }
    }

    /// A covered cell (not the top-left one of its region) that holds a
    /// value of its own other than the one the region shows there: which
    /// of the two the company means cannot be told. An empty covered cell,
    /// or one holding the region's value, is none.
    pub fn hidden(&self, row: u32, col: u32) -> Option<Hidden> {
        let origin = self.region(row, col)?;
        if origin == (row, col) {
            return None;
        }
        let own = self.written(row, col);
        if super::excel::is_blank(own) || same(own, self.get(row, col)) {
            return None;
        }
        let width = (self.end.1 - self.start.1) as usize;
        let at = (row - self.start.0) as usize * width + (col - self.start.1) as usize;
        let id = self.cover[at].checked_sub(1)? as usize;
        Some(Hidden {
            cell: cell_name((row, col)),
            origin: cell_name(origin),
            region: format!("{}:{}", cell_name(origin), cell_name(self.regions[id].end)),
        })
    }

    /// The region covering (row, col) when it starts in an earlier column
    /// of the same row (a title or label merged across): its top-left cell
    /// and its name (`A1:F1`, clipped to the written cells).
    pub fn across(&self, row: u32, col: u32) -> Option<((u32, u32), String)> {
        let origin = self.region(row, col)?;
        if origin.0 != row || origin.1 >= col {
            return None;
        }
        let width = (self.end.1 - self.start.1) as usize;
        let at = (row - self.start.0) as usize * width + (col - self.start.1) as usize;
        let id = self.cover[at].checked_sub(1)? as usize;
        let name = format!("{}:{}", cell_name(origin), cell_name(self.regions[id].end));
        Some((origin, name))
    }
}

/// A covered cell holding a value of its own (`Grid::hidden`), by name.
#[derive(Debug, PartialEq, Eq)]
pub struct Hidden {
    /// The covered cell, `C3`.
    pub cell: String,
    /// The region's top-left cell, whose value the sheet shows, `C2`.
    pub origin: String,
    /// The region, `C2:C3`.
    pub region: String,
}

/// `C3` for (2, 2).
fn cell_name((row, col): (u32, u32)) -> String {
    format!("{}{}", super::excel::column_letters(col + 1), row + 1)
}

/// Two cells holding the same value as the sheet shows it (text trimmed,
/// as a cell is read).
fn same(a: &Data, b: &Data) -> bool {
    match (super::excel::cell_text(a), super::excel::cell_text(b)) {
        (Ok(x), Ok(y)) => crate::text::trim_cell(&x) == crate::text::trim_cell(&y),
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet(rows: u32, cols: u32) -> Range<Data> {
        let mut r = Range::new((0, 0), (rows - 1, cols - 1));
        r.set_value((0, 0), Data::String("x".into()));
        r
    }

    #[test]
    fn a_region_gives_its_top_left_value_to_its_cells_inside_the_box() {
        let range = sheet(3, 3);
        let g =
            Grid::new(&range, &[Dimensions::new((0, 0), (1_048_575, 16_383))]).expect("one region");
        assert_eq!(g.end(), (3, 3));
        assert_eq!(g.get(2, 2), &Data::String("x".into()));
        assert_eq!(g.own(2, 2), &Data::Empty);
        assert_eq!(g.own(0, 2), &Data::String("x".into()));
        assert_eq!(g.once(0, 2), &Data::Empty);
        assert_eq!(g.once(0, 0), &Data::String("x".into()));
        assert_eq!(g.get(5, 5), &Data::Empty);
    }

    #[test]
    fn overlapping_regions_are_an_error_and_duplicates_are_one() {
        let range = sheet(4, 4);
        let a = Dimensions::new((0, 0), (1, 1));
        assert!(Grid::new(&range, &[a, a]).is_ok());
        let b = Dimensions::new((1, 1), (2, 2));
        let e = Grid::new(&range, &[a, b]).err().expect("they overlap");
        assert!(e.contains("A1:B2") && e.contains("B2:C3"), "{e}");
    }

    /// Many regions cost their cells inside the box, not regions x cells:
    /// 100,000 full-width regions below a 10 x 10 sheet are clipped away,
    /// and as many one-cell regions inside a 400 x 250 sheet are painted
    /// once each.
    #[test]
    fn many_regions_cost_their_cells_once() {
        let range = sheet(10, 10);
        let below: Vec<_> = (100..100_100)
            .map(|r| Dimensions::new((r, 0), (r, 16_383)))
            .collect();
        let g = Grid::new(&range, &below).expect("disjoint");
        assert!(g.regions.is_empty());
        let range = sheet(400, 250);
        let cells: Vec<_> = (0..400)
            .flat_map(|r| (0..250).map(move |c| Dimensions::new((r, c), (r, c))))
            .collect();
        let g = Grid::new(&range, &cells).expect("disjoint");
        assert_eq!(g.regions.len(), 100_000);
        assert_eq!(g.cover.len(), 100_000);
    }
}
