//! The box of each sheet of an .xls workbook, from the cell records of its
//! record stream, as calamine places them. calamine reads every sheet when
//! the workbook is opened, into the box from its first written cell to its
//! last (`Range::from_sparse`, for values and again for formulas): cells at
//! A1 and IV65536 are 16.7 million cells held, and a cell record may name
//! any column up to 65536, where Excel stops at 256 (IV).
//!
//! It also refuses a sheet whose DIMENSIONS record declares more cells
//! than an .xls sheet has: calamine reserves room for them all before it
//! reads a cell, and a declared 4 billion rows aborted the run.
//!
//! The OLE container is read with the `cfb` crate; a file it cannot open
//! is left to calamine, which reports it.

use std::io::{Cursor, Read};

use super::excel_box::{Corners, SheetBox};
use super::excel_twice::{Found, Marks, Twice as FirstPass};
use super::limits::MAX_SHEET_CELLS;
use crate::msg;

/// Rows and columns of an .xls sheet (BIFF8).
const ROWS: u64 = 65_536;
const COLUMNS: u64 = 256;

/// A sheet that writes a cell twice, and the first such cell.
pub type Twice = (String, (u64, u64));

/// The boxes of the sheets of the .xls `bytes` and the sheets that write a
/// cell twice (`excel_twice`), or why it is refused.
pub fn sheets(bytes: &[u8]) -> Result<(Vec<SheetBox>, Vec<Twice>), String> {
    let Ok(mut ole) = cfb::CompoundFile::open(Cursor::new(bytes)) else {
        return Ok(Default::default());
    };
    let mut stream = Vec::new();
    let read = ole
        .open_stream("Workbook")
        .or_else(|_| ole.open_stream("Book"))
        .and_then(|mut s| s.read_to_end(&mut stream));
    if read.is_err() {
        return Ok(Default::default());
    }
    // The workbook's globals: where each sheet's records start.
    let (mut starts, mut biff8) = (Vec::new(), true);
    for (typ, data) in records(&stream) {
        match typ {
            // BOF: the BIFF version, as calamine reads it (names differ).
            0x0809 if data.len() >= 2 => {
                let dt = data.get(2..4).map_or(0, read_u16);
                biff8 = match read_u16(data) {
                    0x0200 | 0x0002 | 0x0007 | 0x0300 | 0x0400 | 0x0500 => false,
                    0 => dt != 0x1000,
                    _ => true,
                };
            }
            // FilePass: encrypted, its records are noise; calamine stops
            // here (a password-protected workbook) before any sheet.
            0x002F if data.len() >= 2 && read_u16(data) != 0 => return Ok(Default::default()),
            // BoundSheet8
            0x0085 if data.len() >= 8 => {
                starts.push((read_u32(data) as usize, sheet_name(data, biff8)));
            }
            // EOF
            0x000A => break,
            _ => {}
        }
    }
    let mut boxes = Vec::new();
    let mut twice = Vec::new();
    for (start, name) in starts {
        // calamine fails on a sheet starting past the stream's end.
        let Some(sheet) = stream.get(start..) else {
            continue;
        };
        for (typ, data) in records(sheet).take_while(|(typ, _)| *typ != 0x000A) {
            if typ == 0x0200 {
                dimensions(data, &name)?;
            }
        }
        let mut corners = Corners::default();
        let mut first_pass = FirstPass::default();
        for (first, last) in cells(sheet) {
            corners.add(first, last);
            for column in first.1..=last.1 {
                first_pass.add((first.0, column), true);
            }
        }
        let Some(b) = corners.sheet(&name) else {
            continue;
        };
        let found = match first_pass.finish() {
            Found::Clear => None,
            Found::Twice(at) => Some(at),
            // A box over the limit refuses the workbook (`excel_box`):
            // no marks are made for it.
            Found::Unsure if b.cells() > MAX_SHEET_CELLS => None,
            Found::Unsure => {
                let mut marks = Marks::new(b.first, b.last);
                cells(sheet).find_map(|(first, last)| {
                    (first.1..=last.1)
                        .map(|column| (first.0, column))
                        .find(|&at| marks.add(at, true))
                })
            }
        };
        twice.extend(found.map(|at| (name.clone(), at)));
        boxes.push(b);
    }
    Ok((boxes, twice))
}

/// Whether the .xls `bytes` keeps its dates in the 1904 system: its
/// globals' DATEMODE record (`Date1904`, 1 for the 1904 system, as calamine
/// reads it). `None` when the workbook stream cannot be read here.
pub fn date1904(bytes: &[u8]) -> Option<bool> {
    let mut ole = cfb::CompoundFile::open(Cursor::new(bytes)).ok()?;
    let mut stream = Vec::new();
    ole.open_stream("Workbook")
        .or_else(|_| ole.open_stream("Book"))
        .and_then(|mut s| s.read_to_end(&mut stream))
        .ok()?;
    let mut found = false;
    for (typ, data) in records(&stream) {
        match typ {
            0x0022 if data.len() >= 2 => found = read_u16(data) == 1,
            // FilePass: what follows is encrypted.
            0x002F if data.len() >= 2 && read_u16(data) != 0 => return None,
            // EOF: the end of the globals.
            0x000A => return Some(found),
            _ => {}
        }
    }
    Some(found)
}

/// The cell records of a sheet's record stream as calamine reads them,
/// each as the first and last cell it writes (a MulRk record writes a run
/// of a row): every one holds a value (calamine leaves Blank records out;
/// a Formula's String record is the Formula's cell, not one of its own).
fn cells(sheet: &[u8]) -> impl Iterator<Item = ((u64, u64), (u64, u64))> + '_ {
    let at = |d: &[u8]| (u64::from(read_u16(d)), u64::from(read_u16(&d[2..])));
    records(sheet)
        .take_while(|(typ, _)| *typ != 0x000A)
        .filter_map(move |(typ, data)| match typ {
            // Number, Label, BoolErr, RK, LabelSst, Formula
            0x0203 | 0x0204 | 0x0205 | 0x027E | 0x00FD | 0x0006 if data.len() >= 4 => {
                Some((at(data), at(data)))
            }
            // MulRk: a row's run of cells, 6 bytes each.
            0x00BD if data.len() >= 12 => {
                let (row, first) = at(data);
                let count = (data.len() as u64 - 6) / 6;
                Some(((row, first), (row, first + count - 1)))
            }
            _ => None,
        })
}

/// The records of a BIFF stream: (type, data), up to the first that is cut
/// short (where calamine fails). CONTINUE records come as records of their
/// own: calamine appends them to the one before, and none holds a cell.
fn records(mut stream: &[u8]) -> impl Iterator<Item = (u16, &[u8])> {
    std::iter::from_fn(move || {
        if stream.len() < 4 {
            return None;
        }
        let typ = read_u16(stream);
        let len = usize::from(read_u16(&stream[2..]));
        let data = stream.get(4..4 + len)?;
        stream = &stream[4 + len..];
        Some((typ, data))
    })
}

/// A DIMENSIONS record declaring more rows or columns than a sheet has
/// (calamine reserves room for that many cells) is refused.
fn dimensions(d: &[u8], sheet: &str) -> Result<(), String> {
    // BIFF8: first row, last row + 1 (u32 each), first column, last
    // column + 1 (u16 each); BIFF5 has u16 rows.
    let (first_row, end_row, first_col, end_col) = match d.len() {
        14 => (
            u64::from(read_u32(d)),
            u64::from(read_u32(&d[4..])),
            u64::from(read_u16(&d[8..])),
            u64::from(read_u16(&d[10..])),
        ),
        10 => (
            u64::from(read_u16(d)),
            u64::from(read_u16(&d[2..])),
            u64::from(read_u16(&d[4..])),
            u64::from(read_u16(&d[6..])),
        ),
        _ => return Ok(()),
    };
    // calamine takes a first column past IV, or past the last, as A.
    let first_col = if first_col > 0xFF || end_col < first_col {
        0
    } else {
        first_col
    };
    if end_row == 0 || end_col == 0 {
        return Ok(());
    }
    let fits = first_row < end_row && end_row <= ROWS && end_col <= COLUMNS;
    if fits {
        return Ok(());
    }
    Err(msg!(
        "excel-xls-dimensions",
        sheet = sheet,
        rows = end_row.saturating_sub(first_row),
        columns = end_col.saturating_sub(first_col),
        max_rows = ROWS,
        max_columns = COLUMNS
    )
    .words())
}

/// The sheet's name in a BoundSheet8 record (a count of characters; in
/// BIFF8 a flag for two bytes each; then the characters), for messages.
/// Older names are in the workbook's code page, read here as Latin-1.
fn sheet_name(d: &[u8], biff8: bool) -> String {
    let count = usize::from(d[6]);
    let (wide, chars) = match biff8 {
        true => (d[7] & 1 == 1, &d[8..]),
        false => (false, &d[7..]),
    };
    let name = if wide {
        let units: Vec<u16> = chars
            .chunks_exact(2)
            .take(count)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        chars.iter().take(count).map(|&b| char::from(b)).collect()
    };
    name.replace('\0', "")
}

fn read_u16(d: &[u8]) -> u16 {
    u16::from_le_bytes([d[0], d[1]])
}

fn read_u32(d: &[u8]) -> u32 {
    u32::from_le_bytes([d[0], d[1], d[2], d[3]])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(typ: u16, data: &[u8]) -> Vec<u8> {
        let mut r = typ.to_le_bytes().to_vec();
        r.extend((data.len() as u16).to_le_bytes());
        r.extend(data);
        r
    }

    #[test]
    fn records_stop_where_one_is_cut_short() {
        let stream = [record(1, b"ab"), record(0x3C, b""), record(2, b"cdef")].concat();
        let all: Vec<(u16, &[u8])> = records(&stream).collect();
        assert_eq!(all, [(1, &b"ab"[..]), (0x3C, b""), (2, b"cdef")]);
        assert_eq!(records(&stream[..stream.len() - 1]).count(), 2);
    }

    /// The sizes a DIMENSIONS record may declare (BIFF8, 14 bytes).
    #[test]
    fn declared_dimensions_past_the_format_are_refused() {
        let dims = |rows: (u32, u32), cols: (u16, u16)| {
            let mut d = rows.0.to_le_bytes().to_vec();
            d.extend(rows.1.to_le_bytes());
            d.extend(cols.0.to_le_bytes());
            d.extend(cols.1.to_le_bytes());
            d.extend([0, 0]);
            dimensions(&d, "表")
        };
        assert_eq!(dims((0, 65_536), (0, 256)), Ok(()));
        assert_eq!(dims((0, 0), (0, 0)), Ok(()), "an empty sheet");
        let e = dims((0, u32::MAX), (0, 256)).expect_err("4 billion rows");
        assert!(e.contains("`表`") && e.contains("4294967295 rows"), "{e}");
        assert!(dims((0, 10), (0, 257)).is_err(), "past IV");
        assert!(dims((10, 5), (0, 1)).is_err(), "ends before it starts");
        // A first column past IV is read as A, as calamine reads it.
        assert_eq!(dims((0, 1), (300, 2)), Ok(()));
    }

    /// An OLE file in memory holding `stream` as its `Workbook` stream.
    fn ole(stream: &[u8]) -> Vec<u8> {
        use std::io::Write;
        let mut ole = cfb::CompoundFile::create(Cursor::new(Vec::new())).expect("in memory");
        ole.create_stream("Workbook")
            .and_then(|mut s| s.write_all(stream))
            .expect("in memory");
        ole.flush().expect("in memory");
        ole.into_inner().into_inner()
    }

    /// The DATEMODE record of the globals says which date system a
    /// workbook keeps, as calamine reads it.
    #[test]
    fn the_date_system_is_read_from_the_globals() {
        let bof = record(0x0809, &[0, 6, 5, 0]);
        let book = |mode: &[u8]| [bof.clone(), record(0x0022, mode), record(0x000A, &[])].concat();
        assert_eq!(date1904(&ole(&book(&[1, 0]))), Some(true));
        assert_eq!(date1904(&ole(&book(&[0, 0]))), Some(false));
        // No DATEMODE record: Excel's default, the 1900 system.
        let none = [bof.clone(), record(0x000A, &[])].concat();
        assert_eq!(date1904(&ole(&none)), Some(false));
        // One in a sheet's records (after the globals) does not count.
        let late = [none.clone(), record(0x0022, &[1, 0])].concat();
        assert_eq!(date1904(&ole(&late)), Some(false));
        assert_eq!(date1904(b"not an OLE file"), None);
    }

    #[test]
    fn sheet_names_are_read_in_one_or_two_bytes() {
        let mut d = vec![0, 0, 0, 0, 0, 0, 2, 0];
        d.extend(b"ab");
        assert_eq!(sheet_name(&d, true), "ab");
        let mut d = vec![0, 0, 0, 0, 0, 0, 2, 1];
        d.extend([0xEE, 0x76, 0x55, 0x5F]);
        assert_eq!(sheet_name(&d, true), "目录");
        // BIFF5: no flag byte.
        let mut d = vec![0, 0, 0, 0, 0, 0, 2];
        d.extend(b"ab");
        assert_eq!(sheet_name(&d, false), "ab");
        assert_eq!(sheets(b"not an OLE file"), Ok(Default::default()));
    }

    /// A workbook stream cut short or with a byte changed, in an OLE file
    /// cut short or with a byte changed, is counted or left to calamine,
    /// never a panic.
    #[test]
    fn damaged_streams_never_panic() {
        // BOF, BoundSheet8 and EOF records: 8 + 14 + 4 bytes.
        let globals_len = 8 + 14 + 4;
        let mut stream = record(0x0809, &[0, 6, 5, 0]);
        let mut bound = (globals_len as u32).to_le_bytes().to_vec();
        bound.extend([0, 0, 2, 0, b'a', b'b']);
        stream.extend(record(0x0085, &bound));
        stream.extend(record(0x000A, &[]));
        stream.extend(record(0x0200, &[0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 3, 0, 0, 0]));
        stream.extend(record(
            0x0203,
            &[1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xF0, 0x3F],
        ));
        stream.extend(record(0x00BD, &[0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0]));
        stream.extend(record(0x000A, &[]));
        let (boxes, twice) = sheets(&ole(&stream)).expect("not refused");
        assert!(twice.is_empty());
        assert_eq!(boxes[0].name, "ab");
        // Encrypted (FilePass before the sheets): left to calamine.
        let mut encrypted = record(0x002F, &[1, 0]);
        encrypted.extend(&stream);
        assert_eq!(sheets(&ole(&encrypted)), Ok(Default::default()));
        assert_eq!((boxes[0].first, boxes[0].last), ((0, 1), (1, 2)));
        for i in 0..stream.len() {
            let _ = sheets(&ole(&stream[..i]));
            for b in [0x00, 0xFF, 0x3C, 0x80] {
                let mut bad = stream.clone();
                bad[i] = b;
                let _ = sheets(&ole(&bad));
            }
        }
        let file = ole(&stream);
        for i in (0..file.len()).step_by(13) {
            let _ = sheets(&file[..i]);
            let mut bad = file.clone();
            bad[i] ^= 0x5A;
            let _ = sheets(&bad);
        }
    }
}
