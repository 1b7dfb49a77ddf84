//! Workbooks built to exhaust memory (issue 18, "bounded resources"):
//! calamine reads every sheet of an .ods or .xls into the box from its
//! first written cell to its last when the workbook is opened. A few-KB
//! .ods repeating one value over the whole sheet, or a value placed far
//! away by repeated empty rows, aborted the run (17 billion cells asked
//! for); an .xls with values at A1 and IV65536 holds 16.7 million. They are
//! refused before the workbook is opened, as an over-large .xlsx sheet is
//! (docs/security.md, "Limits"); files as LibreOffice and Excel write
//! them, with thousands of empty rows and columns repeated, are read.
//! The same count of an .ods finds the sheets whose rows calamine would
//! misplace (an empty row between rows, no value in column A).

mod common;

use common::ods::{cell, empty, ods, zip_of};
use common::xls::{dimensions, labels, number, xls};
use common::{custodia_in, places, rec, Case, Run, INVENTORY_HEADER};

use common::NOT_GENERAL as RULE;

/// The inventory header and rows `csv` as rows of an .ods sheet, each
/// ending in 1011 empty cells as LibreOffice writes them (1024 columns).
fn inventory_rows(csv: &str) -> String {
    format!("{INVENTORY_HEADER}{csv}")
        .lines()
        .map(|line| {
            let cells: String = line.split(',').map(|v| cell(v, 1)).collect();
            format!("<table:table-row>{cells}{}</table:table-row>", empty(1011))
        })
        .collect()
}

/// A row of one string cell.
fn cell_row(text: &str) -> String {
    format!("<table:table-row>{}</table:table-row>", cell(text, 1))
}

fn run(file: &str, bytes: &[u8]) -> Run {
    Case::with(RULE, "")
        .without("inventory.csv")
        .bytes(file, bytes)
        .run()
}

/// The one input error of a refused workbook, checked to name the file.
fn refused(r: &Run, file: &str) -> String {
    assert_eq!(r.exit, 2, "{}", r.dump());
    let e = r.input_errors();
    assert_eq!(e.len(), 1, "{}", r.dump());
    assert_eq!(e[0]["file"], file, "{}", r.dump());
    e[0]["message"].as_str().unwrap_or("").to_string()
}

/// As LibreOffice saves a sheet: the rest of each row one repeated empty
/// cell, the rest of the sheet one repeated empty row. Read as before.
#[test]
fn an_ods_with_repeated_empty_rows_and_columns_is_read() {
    let rows = format!(
        "{}<table:table-row table:number-rows-repeated=\"1048000\">{}</table:table-row>",
        inventory_rows(&rec("R-1", &[])),
        empty(1024)
    );
    let r = run("inventory.ods", &ods(&[("目录", rows)]));
    assert_eq!(r.input_errors().len(), 0, "{}", r.dump());
    assert_eq!(places(&r), ["R-1 inventory.ods!目录:2"]);
}

/// A date cell in an .ods id column (`1995-2` typed, LibreOffice keeps
/// February 1995) is refused at its cell as in an .xlsx (hostile review,
/// 2026-12-04); its row is left out.
#[test]
fn an_ods_date_cell_in_an_id_is_refused() {
    let date = "<table:table-cell office:value-type=\"date\" \
                office:date-value=\"1995-02-01\"><text:p>1995-2</text:p></table:table-cell>";
    let rows = inventory_rows(&(rec("R-1", &[]) + &rec("R-2", &[])));
    // R-2's id cell becomes the date cell.
    let r2 = cell("R-2", 1);
    assert!(rows.contains(&r2));
    let rows = rows.replacen(&r2, date, 1);
    let r = run("inventory.ods", &ods(&[("目录", rows)]));
    let e = refused(&r, "inventory.ods!目录");
    assert!(
        e.contains("cell A3: Excel turned this cell into a date"),
        "{e}"
    );
    assert_eq!(r.input_errors()[0]["line"], 3);
    assert_eq!(places(&r), ["R-1 inventory.ods!目录:2"]);
}

/// One value repeated over every column of every row: 17 billion cells
/// from a file of 1 KB. calamine spelled them out and the run aborted
/// (at 5 GB under a 6 GB cap, after 13 s).
#[test]
fn an_ods_repeating_a_value_over_the_sheet_is_refused_before_it_is_read() {
    let rows = format!(
        "{}<table:table-row table:number-rows-repeated=\"1048574\">{}</table:table-row>",
        inventory_rows(&rec("R-1", &[])),
        cell("x", 16384)
    );
    let r = run("inventory.ods", &ods(&[("目录", rows)]));
    let e = refused(&r, "inventory.ods");
    assert!(
        e.contains("the written cells of the sheet `目录` span A1 to XFD1048576, 17179869184 cells, over the limit of 10000000"),
        "{e}"
    );
}

/// One value placed at the sheet's last cell by repeated empty rows and
/// cells: calamine asked for the whole box (8 GiB and more) and aborted.
#[test]
fn an_ods_value_placed_far_away_is_refused() {
    let rows = format!(
        "{}<table:table-row table:number-rows-repeated=\"1048573\">{}</table:table-row>\
         <table:table-row>{}{}</table:table-row>",
        inventory_rows(&rec("R-1", &[])),
        empty(16383),
        empty(16383),
        cell("x", 1)
    );
    let r = run("inventory.ods", &ods(&[("目录", rows)]));
    let e = refused(&r, "inventory.ods");
    assert!(e.contains("span A1 to XFD1048576"), "{e}");
}

/// calamine holds every sheet at once: three sheets of 4 million cells,
/// each under the limit, are 12 million together; the sheet not read is
/// counted too.
#[test]
fn the_sheets_of_an_ods_are_bounded_together() {
    let big = format!(
        "<table:table-row table:number-rows-repeated=\"4000\">{}</table:table-row>",
        cell("x", 1000)
    );
    let sheets = [
        ("目录", inventory_rows(&rec("R-1", &[]))),
        ("a", big.clone()),
        ("b", big.clone()),
        ("c", big),
    ];
    let r = run("inventory.ods", &ods(&sheets));
    let e = refused(&r, "inventory.ods");
    assert!(
        e.contains("the written cells of the sheets of this .ods workbook span 12000026 cells together (`a` 4000000, `b` 4000000, `c` 4000000, `目录` 26)"),
        "{e}"
    );
}

/// A content.xml that ends inside a sheet: calamine looked for the
/// sheet's end forever (the run hung).
#[test]
fn an_ods_cut_short_inside_a_sheet_is_refused_not_a_hang() {
    let whole = ods(&[("目录", inventory_rows(&rec("R-1", &[])))]);
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(whole)).expect("a zip");
    let mut content = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("content.xml").expect("content"),
        &mut content,
    )
    .expect("utf-8");
    let cut = &content[..content.find("</table:table>").expect("the sheet's end")];
    let manifest = "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\"/>";
    let bytes = zip_of(&[("content.xml", cut), ("META-INF/manifest.xml", manifest)]);
    let r = run("inventory.ods", &bytes);
    let e = refused(&r, "inventory.ods");
    assert!(
        e.contains("content.xml ends inside the sheet `目录`"),
        "{e}"
    );
}

/// A run of 2 billion spaces (`text:s`) in one cell: calamine pushed them
/// one by one (30 s, 6 GB, aborted under a cap).
#[test]
fn an_ods_cell_spelling_out_gigabytes_of_spaces_is_refused() {
    let rows = inventory_rows(&rec("R-1", &[])).replacen(
        "<text:p>R-1</text:p>",
        "<text:p>R<text:s text:c=\"2000000000\"/>1</text:p>",
        1,
    );
    let r = run("inventory.ods", &ods(&[("目录", rows)]));
    let e = refused(&r, "inventory.ods");
    assert!(
        e.contains("more than 1073741824 bytes of text") && e.contains("the sheet `目录` at A2"),
        "{e}"
    );
}

/// The header and rows from column B, an empty row between the header
/// and the records: calamine held that row as wide as from column A and
/// every record below it one column off (`class` read the `title` value).
/// Refused when that sheet is read.
#[test]
fn an_ods_sheet_whose_rows_calamine_misplaces_is_refused() {
    let from_b =
        |rows: String| rows.replace("<table:table-row>", "<table:table-row><table:table-cell/>");
    let header = from_b(inventory_rows(""));
    let records = from_b(inventory_rows(&rec("R-1", &[])))
        .split_once("</table:table-row>")
        .map(|(_, records)| records.to_string())
        .unwrap_or_default();
    let empty_row = format!("<table:table-row>{}</table:table-row>", empty(30));
    let rows = format!("{header}{empty_row}{records}");
    let r = run("inventory.ods", &ods(&[("目录", rows.clone())]));
    let e = refused(&r, "inventory.ods");
    assert!(
        e.contains("the sheet `目录` has no value in column A and an empty row (row 2)"),
        "{e}"
    );
    // Without the empty row the rows are placed right.
    let r = run(
        "inventory.ods",
        &ods(&[("目录", format!("{header}{records}"))]),
    );
    assert_eq!(r.input_errors().len(), 0, "{}", r.dump());
    assert_eq!(places(&r), ["R-1 inventory.ods!目录:2"]);
}

#[test]
fn an_xls_is_read() {
    let book = xls(&[(
        "目录",
        labels(&format!("{INVENTORY_HEADER}{}", rec("R-1", &[]))),
    )]);
    let r = run("inventory.xls", &book);
    assert_eq!(r.input_errors().len(), 0, "{}", r.dump());
    assert_eq!(places(&r), ["R-1 inventory.xls!目录:2"]);
}

/// A value at the last cell of an .xls sheet (IV65536): calamine held the
/// box of 16.7 million cells (537 MB) for it.
#[test]
fn an_xls_value_at_the_last_cell_is_refused() {
    let cells = [
        labels(&format!("{INVENTORY_HEADER}{}", rec("R-1", &[]))),
        number(65_535, 255, 1.0),
    ]
    .concat();
    let r = run("inventory.xls", &xls(&[("目录", cells)]));
    let e = refused(&r, "inventory.xls");
    assert!(
        e.contains("the written cells of the sheet `目录` span A1 to IV65536, 16777216 cells"),
        "{e}"
    );
}

/// Sheets within the limit each, over it together; and a DIMENSIONS
/// record declaring 4 billion rows, for which calamine reserved room
/// (the run aborted).
#[test]
fn xls_sheets_together_and_declared_sizes_are_bounded() {
    let tall = [number(0, 0, 1.0), number(65_535, 99, 1.0)].concat();
    let inventory = labels(&format!("{INVENTORY_HEADER}{}", rec("R-1", &[])));
    let book = xls(&[
        ("目录", inventory.clone()),
        ("a", tall.clone()),
        ("b", tall),
    ]);
    let e = refused(&run("inventory.xls", &book), "inventory.xls");
    assert!(
        e.contains("span 13107226 cells together (`a` 6553600, `b` 6553600, `目录` 26)"),
        "{e}"
    );
    let declared = [dimensions((0, u32::MAX), (0, 256)), inventory].concat();
    let e = refused(
        &run("inventory.xls", &xls(&[("目录", declared)])),
        "inventory.xls",
    );
    assert!(
        e.contains("the sheet `目录` declares 4294967295 rows by 256 columns"),
        "{e}"
    );
}

/// The messages in English and Chinese (`--lang`), as a user sees them.
#[test]
fn the_refusals_in_english_and_chinese() {
    let far = format!(
        "{}<table:table-row table:number-rows-repeated=\"1048574\">{}</table:table-row>",
        inventory_rows(&rec("R-1", &[])),
        cell("x", 16384)
    );
    let big = format!(
        "<table:table-row table:number-rows-repeated=\"4000\">{}</table:table-row>",
        cell("x", 1000)
    );
    let spaces = inventory_rows(&rec("R-1", &[])).replacen(
        "<text:p>R-1</text:p>",
        "<text:p>R<text:s text:c=\"2000000000\"/>1</text:p>",
        1,
    );
    let declared = dimensions((0, u32::MAX), (0, 256));
    let from_b =
        |rows: String| rows.replace("<table:table-row>", "<table:table-row><table:table-cell/>");
    let shifted = format!(
        "{}<table:table-row/>{}",
        from_b(inventory_rows("")),
        from_b(cell_row("R-1"))
    );
    let cases = [
        ("sheet", "inventory.ods", ods(&[("目录", far)])),
        (
            "workbook",
            "inventory.ods",
            ods(&[("目录", big.clone()), ("a", big.clone()), ("b", big)]),
        ),
        ("text", "inventory.ods", ods(&[("目录", spaces)])),
        ("dimensions", "inventory.xls", xls(&[("目录", declared)])),
        ("shifted", "inventory.ods", ods(&[("目录", shifted)])),
    ];
    for (name, file, bytes) in cases {
        let dir = Case::with(RULE, "")
            .without("inventory.csv")
            .bytes(file, &bytes)
            .write();
        for lang in ["en", "zh"] {
            let args = ["check", ".", "--as-of", "2026-11-27", "--lang", lang];
            let (code, out, err) = custodia_in(dir.path(), &args);
            let errors: Vec<&str> = out
                .lines()
                .chain(err.lines())
                .filter(|l| l.starts_with("input error: ") || l.starts_with("输入错误："))
                .collect();
            assert_eq!(code, 2, "{name} {lang}: {out}{err}");
            insta::assert_snapshot!(format!("{name}_{lang}"), errors.join("\n"));
        }
    }
}
