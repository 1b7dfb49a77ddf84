//! Which day a workbook's serial day number 0 stands for. Excel has two
//! date systems: the 1900 one (day 0 is 1899-12-30 for every date since
//! March 1900) and the 1904 one (day 0 is 1904-01-01; old Mac workbooks,
//! or the "Use 1904 date system" box), 1462 days (4 years and 1 day)
//! apart. LibreOffice's .ods names its own "null date". A date-formatted
//! cell is converted by calamine, which knows the system; a plain number
//! read as a date through a mapping (`format: [excel]`) needs it here, or
//! every date of a 1904 workbook is read 4 years and 1 day early.
//! calamine reads the flag but does not expose it: it is read again from
//! the workbook's XML, or an .xls's DATEMODE record (docs/mapping.md,
//! "Excel serial dates").

use std::io::{Cursor, Read};

use calamine::{Data, ExcelDateTime, ExcelDateTimeType, Range};
use jiff::civil::{date, Date};
use quick_xml::events::Event;

/// Day 0 of the 1900 date system (serials from 61, 1900-03-01, on).
pub const EXCEL_1900: Date = date(1899, 12, 30);
/// Day 0 of the 1904 date system.
pub const EXCEL_1904: Date = date(1904, 1, 1);

/// Day 0 of the workbook `bytes` of type `ext`, whose chosen sheet is
/// `range`. Unknown (an .xls with no date-formatted cell, a workbook whose
/// settings cannot be read): the 1900 system, Excel's default.
pub fn day_zero(bytes: &[u8], ext: &str, range: &Range<Data>) -> Date {
    match ext.to_ascii_lowercase().as_str() {
        "xlsx" => match xml_attribute(bytes, "xl/workbook.xml", b"workbookPr", b"date1904") {
            Some(v) if v == "1" || v.eq_ignore_ascii_case("true") => EXCEL_1904,
            _ => EXCEL_1900,
        },
        "ods" => xml_attribute(
            bytes,
            "content.xml",
            b"table:null-date",
            b"table:date-value",
        )
        .and_then(|v| v.get(..10).and_then(|d| d.parse::<Date>().ok()))
        .unwrap_or(EXCEL_1900),
        // An .xls keeps the flag in its DATEMODE record, which calamine
        // reads and keeps private: read again (hostile review, 2026-12-05:
        // a 1904 workbook of plain serial numbers was read as 1900, every
        // date 4 years and a day early). Where the stream cannot be read
        // here, its date-formatted cells carry it.
        _ => match super::excel_box_xls::date1904(bytes) {
            Some(true) => EXCEL_1904,
            Some(false) => EXCEL_1900,
            None if from_date_cells(range) => EXCEL_1904,
            None => EXCEL_1900,
        },
    }
}

/// Whether a date-formatted cell of `range` was read in the 1904 system.
fn from_date_cells(range: &Range<Data>) -> bool {
    range.used_cells().any(|(_, _, c)| match c {
        Data::DateTime(d) => {
            let ty = if d.is_duration() {
                ExcelDateTimeType::TimeDelta
            } else {
                ExcelDateTimeType::DateTime
            };
            *d == ExcelDateTime::new(d.as_f64(), ty, true)
        }
        _ => false,
    })
}

/// The value of the attribute `attr` of the first element `element` of the
/// zip member `member`, when there is one.
fn xml_attribute(bytes: &[u8], member: &str, element: &[u8], attr: &[u8]) -> Option<String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let mut xml = Vec::new();
    zip.by_name(member).ok()?.read_to_end(&mut xml).ok()?;
    let mut reader = quick_xml::Reader::from_reader(xml.as_slice());
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf).ok()? {
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == element => {
                let a = e.try_get_attribute(attr).ok()??;
                return a
                    .decode_and_unescape_value(reader.decoder())
                    .ok()
                    .map(|v| v.into_owned());
            }
            // The settings come before the cells: no need to read those.
            Event::Start(e) if e.name().as_ref() == b"table:table" => return None,
            Event::Eof => return None,
            _ => {}
        }
        buf.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_two_systems_are_four_years_and_a_day_apart() {
        let span = EXCEL_1900.until(EXCEL_1904).expect("both dates are valid");
        assert_eq!(span.get_days(), 1462);
    }

    #[test]
    fn not_a_zip_is_the_1900_system() {
        let empty = Range::<Data>::empty();
        assert_eq!(day_zero(b"not a zip", "xlsx", &empty), EXCEL_1900);
        assert_eq!(day_zero(b"", "ods", &empty), EXCEL_1900);
        assert_eq!(day_zero(b"", "xls", &empty), EXCEL_1900);
    }

    #[test]
    fn an_xls_date_cell_tells_the_system() {
        let mut range = Range::new((0, 0), (0, 0));
        let cell = ExcelDateTime::new(44637.0, ExcelDateTimeType::DateTime, true);
        range.set_value((0, 0), Data::DateTime(cell));
        assert_eq!(day_zero(b"", "xls", &range), EXCEL_1904);
        let cell = ExcelDateTime::new(44637.0, ExcelDateTimeType::DateTime, false);
        range.set_value((0, 0), Data::DateTime(cell));
        assert_eq!(day_zero(b"", "xls", &range), EXCEL_1900);
    }
}
