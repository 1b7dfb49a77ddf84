//! Small .xls workbooks (BIFF8) built for tests: the records calamine
//! needs, in an OLE container written by the `cfb` crate. No writer of
//! .xls files is at hand, and a hostile one is easier built than kept.
#![allow(dead_code)]

use std::io::{Cursor, Write};

fn record(typ: u16, data: &[u8]) -> Vec<u8> {
    let mut r = typ.to_le_bytes().to_vec();
    r.extend((data.len() as u16).to_le_bytes());
    r.extend(data);
    r
}

/// A Number record: the value `v` at 0-based (row, column).
pub fn number(row: u16, col: u16, v: f64) -> Vec<u8> {
    let mut d = row.to_le_bytes().to_vec();
    d.extend(col.to_le_bytes());
    d.extend(0u16.to_le_bytes());
    d.extend(v.to_le_bytes());
    record(0x0203, &d)
}

/// A Label record: the text `t` at 0-based (row, column), in UTF-16.
pub fn label(row: u16, col: u16, t: &str) -> Vec<u8> {
    let units: Vec<u16> = t.encode_utf16().collect();
    let mut d = row.to_le_bytes().to_vec();
    d.extend(col.to_le_bytes());
    d.extend(0u16.to_le_bytes());
    d.extend((units.len() as u16).to_le_bytes());
    d.push(1);
    d.extend(units.iter().flat_map(|u| u.to_le_bytes()));
    record(0x0204, &d)
}

/// The cells of CSV text from row 0 on, as Label records.
pub fn labels(csv: &str) -> Vec<u8> {
    let mut out = Vec::new();
    for (r, line) in csv.lines().enumerate() {
        for (c, cell) in line.split(',').enumerate() {
            if !cell.is_empty() {
                out.extend(label(r as u16, c as u16, cell));
            }
        }
    }
    out
}

/// A Formula record at 0-based (row, column) whose saved result is
/// `result` (the 8 bytes of a `FormulaValue`: a number, or a typed
/// result ending in 0xFFFF), for the formula `TRUE`.
pub fn formula(row: u16, col: u16, result: [u8; 8]) -> Vec<u8> {
    let mut d = row.to_le_bytes().to_vec();
    d.extend(col.to_le_bytes());
    d.extend(0u16.to_le_bytes());
    d.extend(result);
    d.extend(0u16.to_le_bytes()); // flags
    d.extend(0u32.to_le_bytes()); // chn
    d.extend(2u16.to_le_bytes()); // cce: the tokens' size
    d.extend([0x1D, 1]); // PtgBool TRUE
    record(0x0006, &d)
}

/// A formula's saved result: a string, in the String record that follows.
pub const STRING_RESULT: [u8; 8] = [0, 0, 0, 0, 0, 0, 0xFF, 0xFF];
/// A formula's saved result: the empty string ("blank string"), as Excel
/// saves a formula that computed `""` and xlwt saves every formula.
pub const EMPTY_RESULT: [u8; 8] = [3, 0, 0, 0, 0, 0, 0xFF, 0xFF];

/// The String record after a Formula record: the formula's text result.
pub fn string_result(t: &str) -> Vec<u8> {
    let units: Vec<u16> = t.encode_utf16().collect();
    let mut d = (units.len() as u16).to_le_bytes().to_vec();
    d.push(1);
    d.extend(units.iter().flat_map(|u| u.to_le_bytes()));
    record(0x0207, &d)
}

/// The DATEMODE record of the globals: the 1904 date system.
pub fn date1904() -> Vec<u8> {
    record(0x0022, &1u16.to_le_bytes())
}

/// A DIMENSIONS record (BIFF8): rows first..end, columns first..end.
pub fn dimensions(rows: (u32, u32), cols: (u16, u16)) -> Vec<u8> {
    let mut d = rows.0.to_le_bytes().to_vec();
    d.extend(rows.1.to_le_bytes());
    d.extend(cols.0.to_le_bytes());
    d.extend(cols.1.to_le_bytes());
    d.extend(0u16.to_le_bytes());
    record(0x0200, &d)
}

/// A workbook whose sheets are (name, records of its cells).
pub fn xls(sheets: &[(&str, Vec<u8>)]) -> Vec<u8> {
    xls_with(&[], sheets)
}

/// A workbook whose globals hold `globals` (after its BOF) and whose sheets
/// are (name, records of its cells).
pub fn xls_with(globals_records: &[u8], sheets: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let bof = |dt: u16| {
        let mut d = 0x0600u16.to_le_bytes().to_vec();
        d.extend(dt.to_le_bytes());
        d.extend([0u8; 12]);
        record(0x0809, &d)
    };
    let eof = record(0x000A, &[]);
    let bound = |pos: u32, name: &str| {
        let units: Vec<u16> = name.encode_utf16().collect();
        let mut d = pos.to_le_bytes().to_vec();
        d.extend([0, 0, units.len() as u8, 1]);
        d.extend(units.iter().flat_map(|u| u.to_le_bytes()));
        record(0x0085, &d)
    };
    // The globals' length does not depend on the positions written.
    let globals_len: usize = bof(5).len()
        + globals_records.len()
        + sheets.iter().map(|(n, _)| bound(0, n).len()).sum::<usize>()
        + eof.len();
    let mut globals = bof(5);
    globals.extend(globals_records);
    let mut bodies = Vec::new();
    for (name, cells) in sheets {
        let start = (globals_len + bodies.len()) as u32;
        globals.extend(bound(start, name));
        bodies.extend(bof(0x10));
        bodies.extend(cells);
        bodies.extend(&eof);
    }
    globals.extend(&eof);
    globals.extend(bodies);
    let mut ole = cfb::CompoundFile::create(Cursor::new(Vec::new())).expect("in memory");
    ole.create_stream("Workbook")
        .and_then(|mut s| s.write_all(&globals))
        .expect("in memory");
    ole.flush().expect("in memory");
    ole.into_inner().into_inner()
}
