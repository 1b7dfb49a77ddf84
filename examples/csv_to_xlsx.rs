//! Writes a CSV file as an Excel workbook, the way a company's Excel would
//! hold it: whole numbers as numbers (an id 1001 is a number cell),
//! `YYYY-MM-DD` as date cells, `YYYY-MM-DD HH:MM[:SS]` (or with `T`) as
//! datetime cells, `true`/`false` as booleans, everything else as text.
//!
//!     cargo run --example csv_to_xlsx -- IN.csv OUT.xlsx [SHEET] [TITLE]
//!
//! SHEET names the sheet (default `Sheet1`); TITLE, when given, is written
//! in row 1 with a blank row 2, so the header is in row 3 (as in many
//! Chinese exports; read it with `header_row: 3`). The CSV may be UTF-8 or
//! GB18030. Used to make the workbook fixtures under tests/ and to turn an
//! example's inventory into a workbook.

use std::process::ExitCode;

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(input), Some(output)) = (args.first(), args.get(1)) else {
        eprintln!("usage: csv_to_xlsx IN.csv OUT.xlsx [SHEET] [TITLE]");
        return ExitCode::from(2);
    };
    let sheet = args.get(2).map_or("Sheet1", String::as_str);
    let title = args.get(3).map(String::as_str);
    match convert(input, output, sheet, title) {
        Ok(rows) => {
            eprintln!("wrote {rows} rows to {output} (sheet {sheet})");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn convert(input: &str, output: &str, sheet: &str, title: Option<&str>) -> Result<usize, String> {
    let bytes = std::fs::read(input).map_err(|e| format!("{input}: {e}"))?;
    let text = match std::str::from_utf8(&bytes) {
        Ok(t) => t.trim_start_matches('\u{feff}').to_string(),
        Err(_) => encoding_rs::GB18030.decode(&bytes).0.into_owned(),
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name(sheet).map_err(err)?;
    let mut row = 0;
    if let Some(t) = title {
        ws.write_string(0, 0, t).map_err(err)?;
        row = 2;
    }
    let formats = Formats::new();
    let mut count: usize = 0;
    for record in reader.records() {
        let record = record.map_err(|e| format!("{input}: {e}"))?;
        for (col, cell) in record.iter().enumerate() {
            write_cell(ws, row, col as u16, cell, &formats).map_err(err)?;
        }
        row += 1;
        count += 1;
    }
    book.save(output).map_err(err)?;
    Ok(count.saturating_sub(1))
}

struct Formats {
    date: Format,
    datetime: Format,
}

impl Formats {
    fn new() -> Formats {
        Formats {
            date: Format::new().set_num_format("yyyy-mm-dd"),
            datetime: Format::new().set_num_format("yyyy-mm-dd hh:mm:ss"),
        }
    }
}

fn write_cell(
    ws: &mut rust_xlsxwriter::Worksheet,
    row: u32,
    col: u16,
    cell: &str,
    f: &Formats,
) -> Result<(), XlsxError> {
    if cell.is_empty() {
        return Ok(());
    }
    // Whole numbers only: a leading zero (`007`) or a long digit string
    // would lose digits as a number, so they stay text as Excel users keep them.
    if let Ok(n) = cell.parse::<i64>() {
        if !cell.starts_with('0') && cell.len() < 16 {
            ws.write_number(row, col, n as f64)?;
            return Ok(());
        }
    }
    if cell == "true" || cell == "false" {
        ws.write_boolean(row, col, cell == "true")?;
        return Ok(());
    }
    if let Some(d) = date(cell) {
        ws.write_datetime_with_format(row, col, &d, &f.date)?;
        return Ok(());
    }
    if let Some(d) = datetime(cell) {
        ws.write_datetime_with_format(row, col, &d, &f.datetime)?;
        return Ok(());
    }
    ws.write_string(row, col, cell)?;
    Ok(())
}

fn date(cell: &str) -> Option<ExcelDateTime> {
    let b = cell.as_bytes();
    if cell.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let (y, m, d) = (
        cell[..4].parse().ok()?,
        cell[5..7].parse().ok()?,
        cell[8..].parse().ok()?,
    );
    ExcelDateTime::from_ymd(y, m, d).ok()
}

fn datetime(cell: &str) -> Option<ExcelDateTime> {
    if cell.len() < 16 || !cell.is_char_boundary(10) {
        return None;
    }
    let day = date(&cell[..10])?;
    let time = &cell[11..];
    if !matches!(cell.as_bytes()[10], b' ' | b'T') || time.contains(['Z', '+', '-']) {
        return None;
    }
    let mut parts = time.split(':');
    let h = parts.next()?.parse().ok()?;
    let m = parts.next()?.parse().ok()?;
    let s: f64 = parts.next().map_or(Some(0.0), |s| s.parse().ok())?;
    day.and_hms(h, m, s).ok()
}

fn err(e: XlsxError) -> String {
    e.to_string()
}
