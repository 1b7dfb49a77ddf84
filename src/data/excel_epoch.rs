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

/// The attributes `attrs` of the first element `element` of an .xlsx
/// workbook's settings (`xl/workbook.xml`), in their order: the member is
/// read once however many are asked.
pub fn workbook_attributes(bytes: &[u8], element: &[u8], attrs: &[&[u8]]) -> Vec<Option<String>> {
    xml_attributes(bytes, "xl/workbook.xml", element, attrs)
        .unwrap_or_else(|| vec![None; attrs.len()])
}

/// The value of the attribute `attr` of the first element `element` of the
/// zip member `member`, when there is one.
fn xml_attribute(bytes: &[u8], member: &str, element: &[u8], attr: &[u8]) -> Option<String> {
    xml_attributes(bytes, member, element, &[attr])?
        .pop()
        .flatten()
}

/// The values of the attributes `attrs` of the first element `element` of
/// the zip member `member`; `None` when there is no such element.
fn xml_attributes(
    bytes: &[u8],
    member: &str,
    element: &[u8],
    attrs: &[&[u8]],
) -> Option<Vec<Option<String>>> {
    // Found as calamine finds it: `xl/Workbook.xml` is the workbook
    // (hostile review, 2026-12-07: its recalculation flag was missed).
    let xml = super::excel_xml::member(bytes, member)?;
    let mut reader = quick_xml::Reader::from_reader(xml.as_slice());
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf).ok()? {
            // By local name: valid OOXML may prefix its namespace
            // (`<x:workbookPr date1904="1"/>`, as the .NET Open XML SDK
            // writes), and the flag was then missed (hostile review,
            // 2026-12-05: every date 4 years and a day early).
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == local(element) => {
                let value = |attr: &[u8]| {
                    let a = e
                        .attributes()
                        .flatten()
                        .find(|a| a.key.local_name().as_ref() == local(attr))?;
                    a.decode_and_unescape_value(reader.decoder())
                        .ok()
                        .map(|v| v.into_owned())
                };
                return Some(attrs.iter().map(|a| value(a)).collect());
            }
            // The settings come before the cells: no need to read those.
            Event::Start(e) if e.name().as_ref() == b"table:table" => return None,
            Event::Eof => return None,
            _ => {}
        }
        buf.clear();
    }
}

/// A name without its namespace prefix (`table:null-date` is `null-date`).
fn local(name: &[u8]) -> &[u8] {
    match name.iter().position(|b| *b == b':') {
        Some(i) => &name[i + 1..],
        None => name,
    }
}

/// Puts the date-formatted cells of a workbook whose day 0 is `day_zero`
/// in that system. calamine reads the 1904 flag only from an unprefixed
/// `workbookPr`: a workbook written with a namespace prefix had its date
/// cells read in the 1900 system, 4 years and a day early (hostile review,
/// 2026-12-05). The serials are right; only the system was missed.
pub fn rebase(range: &mut Range<Data>, day_zero: Date) {
    if day_zero != EXCEL_1904 {
        return;
    }
    let (r0, c0) = range.start().unwrap_or((0, 0));
    let missed: Vec<((u32, u32), Data)> = range
        .used_cells()
        .filter_map(|(r, c, cell)| match cell {
            Data::DateTime(d) => {
                let ty = if d.is_duration() {
                    ExcelDateTimeType::TimeDelta
                } else {
                    ExcelDateTimeType::DateTime
                };
                let in_1904 = ExcelDateTime::new(d.as_f64(), ty, true);
                (*d != in_1904).then(|| ((r0 + r as u32, c0 + c as u32), Data::DateTime(in_1904)))
            }
            _ => None,
        })
        .collect();
    for (at, cell) in missed {
        range.set_value(at, cell);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

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

    /// A workbook whose XML prefixes its namespace says 1904 as well, and
    /// its date cells are put in that system.
    #[test]
    fn a_prefixed_1904_flag_is_read_and_its_date_cells_rebased() {
        let book = |workbook: &str| {
            let mut out = Cursor::new(Vec::new());
            let mut zip = zip::ZipWriter::new(&mut out);
            let opts = zip::write::SimpleFileOptions::default();
            zip.start_file("xl/workbook.xml", opts).expect("zip member");
            std::io::Write::write_all(&mut zip, workbook.as_bytes()).expect("write");
            zip.finish().expect("zip");
            out.into_inner()
        };
        let ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        let empty = Range::<Data>::empty();
        for xml in [
            format!("<x:workbook xmlns:x=\"{ns}\"><x:workbookPr date1904=\"1\"/></x:workbook>"),
            format!("<workbook xmlns=\"{ns}\"><workbookPr date1904=\"true\"/></workbook>"),
        ] {
            assert_eq!(day_zero(&book(&xml), "xlsx", &empty), EXCEL_1904, "{xml}");
        }
        let plain = format!("<x:workbook xmlns:x=\"{ns}\"><x:workbookPr/></x:workbook>");
        assert_eq!(day_zero(&book(&plain), "xlsx", &empty), EXCEL_1900);

        let mut range = Range::new((2, 1), (2, 2));
        let missed = ExcelDateTime::new(43890.0, ExcelDateTimeType::DateTime, false);
        range.set_value((2, 1), Data::DateTime(missed));
        range.set_value((2, 2), Data::Float(43890.0));
        rebase(&mut range, EXCEL_1900);
        assert_eq!(range.get_value((2, 1)), Some(&Data::DateTime(missed)));
        rebase(&mut range, EXCEL_1904);
        let in_1904 = ExcelDateTime::new(43890.0, ExcelDateTimeType::DateTime, true);
        assert_eq!(range.get_value((2, 1)), Some(&Data::DateTime(in_1904)));
        assert_eq!(range.get_value((2, 2)), Some(&Data::Float(43890.0)));
        // 43890 in the 1904 system is 2024-03-01.
        assert_eq!(in_1904.to_ymd_hms_milli().0, 2024);
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
