//! Small .ods workbooks built for tests: content.xml written by hand, with
//! the members calamine needs, so that a cell can be written exactly as a
//! given writer (or a hostile one) writes it.
#![allow(dead_code)]

use std::io::Write;

/// An .ods workbook with one sheet per (name, rows as content.xml XML).
pub fn ods(sheets: &[(&str, String)]) -> Vec<u8> {
    let tables: String = sheets
        .iter()
        .map(|(name, rows)| format!("<table:table table:name=\"{name}\">{rows}</table:table>"))
        .collect();
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content \
         xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
         xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" \
         xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" \
         xmlns:calcext=\"urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0\" \
         office:version=\"1.2\">\
         <office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body>\
         </office:document-content>"
    );
    zip_of(&[
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        ("content.xml", &content),
        (
            "META-INF/manifest.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest \
             xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">\
             <manifest:file-entry manifest:full-path=\"/\" \
             manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>\
             </manifest:manifest>",
        ),
    ])
}

pub fn zip_of(members: &[(&str, &str)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, text) in members {
        zip.start_file(*name, zip::write::SimpleFileOptions::default())
            .expect("in memory");
        zip.write_all(text.as_bytes()).expect("in memory");
    }
    zip.finish().expect("in memory").into_inner()
}

/// A string cell, repeated over `columns`.
pub fn cell(text: &str, columns: u32) -> String {
    format!(
        "<table:table-cell table:number-columns-repeated=\"{columns}\" \
         office:value-type=\"string\"><text:p>{text}</text:p></table:table-cell>"
    )
}

/// A string cell as LibreOffice writes it (empty text: an empty cell).
pub fn string(text: &str) -> String {
    match text {
        "" => "<table:table-cell/>".to_string(),
        _ => format!(
            "<table:table-cell office:value-type=\"string\"><text:p>{text}</text:p></table:table-cell>"
        ),
    }
}

/// `count` empty cells, as LibreOffice writes the rest of a row.
pub fn empty(count: u32) -> String {
    format!("<table:table-cell table:number-columns-repeated=\"{count}\"/>")
}

/// A row of the cells of CSV text `line`, each made by `cell_of`.
pub fn row_of(line: &str, cell_of: impl Fn(usize, &str) -> String) -> String {
    let cells: String = line
        .split(',')
        .enumerate()
        .map(|(c, v)| cell_of(c, v))
        .collect();
    format!("<table:table-row>{cells}</table:table-row>")
}

/// The rows of CSV text, every cell a string cell.
pub fn rows(csv: &str) -> String {
    csv.lines().map(|l| row_of(l, |_, v| string(v))).collect()
}
