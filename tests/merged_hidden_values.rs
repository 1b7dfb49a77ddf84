//! Values written in cells a merged region covers (hostile review, round
//! 11): LibreOffice and WPS keep them when asked to ("keep the contents of
//! the hidden cells"), an export script that merges repeated values after
//! writing them leaves them. The sheet shows the region's top-left value
//! there; the file holds another. Read as the top-left value, a record's
//! `general` under a merged `sensitive` passed; a row wholly under vertical
//! merges vanished; a data row above the header, merged across, was taken
//! for a title. Each is now an input error (docs/inputs-and-reports.md,
//! "Merged cells"). Real .xlsx files (rust_xlsxwriter, merges added to the
//! sheet XML) and .ods files (content.xml by hand, as LibreOffice writes a
//! covered cell with content).

mod common;

use common::ods::{ods, rows, string};
use common::{custodia_in, places, rec, rewritten, Case, Run, INVENTORY_HEADER};
use rust_xlsxwriter::{Format, Workbook};

use common::NOT_GENERAL as RULE;

/// The inventory rows `csv` (with its header in row 1) written cell by
/// cell, every value in its own cell, then the regions `merges` (`C2:C3`)
/// added to the sheet: what a writer keeping hidden contents saves.
fn xlsx(csv: &str, merges: &[&str]) -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (r, line) in csv.lines().enumerate() {
        for (c, cell) in line.split(',').enumerate() {
            if !cell.is_empty() {
                ws.write_string(r as u32, c as u16, cell)
                    .expect("a cell in range");
            }
        }
    }
    let plain = wb.save_to_buffer().expect("the workbook is written");
    if merges.is_empty() {
        return plain;
    }
    let regions: String = merges
        .iter()
        .map(|m| format!("<mergeCell ref=\"{m}\"/>"))
        .collect();
    rewritten(&plain, "xl/worksheets/sheet1.xml", |xml| {
        xml.replace(
            "</sheetData>",
            &format!(
                "</sheetData><mergeCells count=\"{}\">{regions}</mergeCells>",
                merges.len()
            ),
        )
    })
}

fn run(file: &str, bytes: &[u8], manifest: &str) -> Run {
    let mut case = Case::with(RULE, "")
        .without("inventory.csv")
        .bytes(file, bytes);
    if !manifest.is_empty() {
        case = case.file("custodia.yaml", manifest);
    }
    case.run()
}

fn inventory(rows: &str) -> String {
    format!("{INVENTORY_HEADER}{rows}")
}

/// R-1 `sensitive` in C2, R-2 `general` in C3 under the region C2:C3.
fn two_records() -> String {
    inventory(&(rec("R-1", &[("class", "sensitive")]) + &rec("R-2", &[("class", "general")])))
}

#[test]
fn a_value_hidden_under_a_merged_cell_of_an_xlsx_is_an_input_error() {
    let r = run("inventory.xlsx", &xlsx(&two_records(), &["C2:C3"]), "");
    assert_eq!(r.exit, 2, "{}", r.dump());
    assert_eq!(
        r.error_lines(),
        [
            "inventory.xlsx!Sheet1:3: column `class` (cell C3) holds a value of its own, hidden \
          under the merged region C2:C3, which shows the value of its top-left cell C2 there \
          instead: which of the two the company means cannot be told; unmerge the region and \
          check the values, or clear the hidden cell; the row was left out"
        ],
        "{}",
        r.dump()
    );
    // Without the merge, R-2 is general.
    let r = run("inventory.xlsx", &xlsx(&two_records(), &[]), "");
    assert_eq!(places(&r), ["R-2 inventory.xlsx!Sheet1:3"]);
}

/// Every cell of row 3 lies under a region merged down from row 2: the
/// row vanished as "values merged down from above", though each of its
/// cells holds a value of its own.
#[test]
fn a_row_wholly_under_vertical_merges_is_not_dropped() {
    let merges: Vec<String> = ('A'..='M').map(|c| format!("{c}2:{c}3")).collect();
    let merges: Vec<&str> = merges.iter().map(String::as_str).collect();
    let r = run("inventory.xlsx", &xlsx(&two_records(), &merges), "");
    assert_eq!(r.exit, 2, "{}", r.dump());
    let e = r.error_lines();
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(
        e[0].starts_with("inventory.xlsx!Sheet1:3: column `id` (cell A3) holds a value of its own, hidden under the merged region A2:A3"),
        "{e:?}"
    );
}

/// A data row above the header, merged across its width, counted as one
/// value (a title) and was skipped; unmerged it stops the file: merged
/// with values in its covered cells, it does too.
#[test]
fn a_data_row_merged_across_above_the_header_stops_the_file() {
    let full = [
        ("subject", "s"),
        ("personal_info", "no"),
        ("legal_hold", "否"),
        ("tags", "t"),
        ("phone", "1"),
        ("keep", "10"),
        ("score", "1"),
        ("opened", "2020-01-01"),
    ];
    let csv = format!("案卷目录\n{}{}", rec("R-9", &full), two_records());
    let manifest = "inventory:\n  file: inventory.xlsx\n  header_row: 3\n";
    for merges in [&["A1:M1", "A2:M2"][..], &["A1:M1"][..]] {
        let r = run("inventory.xlsx", &xlsx(&csv, merges), manifest);
        assert_eq!(r.exit, 2, "{merges:?}: {}", r.dump());
        let e = r.error_lines();
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(
            e[0].contains("row 2 of the sheet `Sheet1`, above the header row 3, holds 13 values"),
            "{e:?}"
        );
    }
    // A title merged across, whose covered cells are empty or repeat it,
    // is a title still (review R18).
    let title = format!("案卷目录{}\n{}", ",案卷目录".repeat(12), two_records());
    let manifest = "inventory:\n  file: inventory.xlsx\n  header_row: 2\n";
    let r = run("inventory.xlsx", &xlsx(&title, &["A1:M1"]), manifest);
    assert_eq!(r.error_lines(), Vec::<String>::new(), "{}", r.dump());
    assert_eq!(places(&r), ["R-2 inventory.xlsx!Sheet1:4"]);
}

/// Control: a class merged down over two records whose covered cell is
/// empty (as Excel and rust_xlsxwriter write it) or holds the same value
/// fills both records, as before.
#[test]
fn a_merged_cell_over_empty_or_equal_covered_cells_still_fills_its_rows() {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let csv = inventory(&(rec("R-1", &[("class", "")]) + &rec("R-2", &[("class", "")])));
    for (r, line) in csv.lines().enumerate() {
        for (c, cell) in line.split(',').enumerate() {
            if !cell.is_empty() {
                ws.write_string(r as u32, c as u16, cell).expect("in range");
            }
        }
    }
    ws.merge_range(1, 2, 2, 2, "general", &Format::new())
        .expect("merge");
    let bytes = wb.save_to_buffer().expect("written");
    let r = run("inventory.xlsx", &bytes, "");
    assert_eq!(r.error_lines(), Vec::<String>::new(), "{}", r.dump());
    assert_eq!(
        places(&r),
        ["R-1 inventory.xlsx!Sheet1:2", "R-2 inventory.xlsx!Sheet1:3"]
    );
    let same =
        inventory(&(rec("R-1", &[("class", "general")]) + &rec("R-2", &[("class", " general")])));
    let r = run("inventory.xlsx", &xlsx(&same, &["C2:C3"]), "");
    assert_eq!(r.error_lines(), Vec::<String>::new(), "{}", r.dump());
    assert_eq!(
        places(&r),
        ["R-1 inventory.xlsx!Sheet1:2", "R-2 inventory.xlsx!Sheet1:3"]
    );
}

/// The header line and a row of the .ods whose cell `class` is the top-left
/// of a region two rows high (`table:number-rows-spanned`).
fn ods_rows(covered: &str) -> String {
    let header = rows(INVENTORY_HEADER);
    let first = rec("R-1", &[("class", "sensitive")]);
    let cells: Vec<&str> = first.trim_end().split(',').collect();
    let mut row1 = String::new();
    let mut row2 = String::new();
    let second = rec("R-2", &[]);
    let seconds: Vec<&str> = second.trim_end().split(',').collect();
    for (c, v) in cells.iter().enumerate() {
        if c == 2 {
            row1.push_str(&format!(
                "<table:table-cell table:number-rows-spanned=\"2\" table:number-columns-spanned=\"1\" \
                 office:value-type=\"string\"><text:p>{v}</text:p></table:table-cell>"
            ));
            row2.push_str(covered);
        } else {
            row1.push_str(&string(v));
            row2.push_str(&string(seconds[c]));
        }
    }
    format!("{header}<table:table-row>{row1}</table:table-row><table:table-row>{row2}</table:table-row>")
}

#[test]
fn a_value_hidden_under_a_merged_cell_of_an_ods_is_an_input_error() {
    let covered = "<table:covered-table-cell office:value-type=\"string\">\
                   <text:p>general</text:p></table:covered-table-cell>";
    let bytes = ods(&[("目录", ods_rows(covered))]);
    let r = run("inventory.ods", &bytes, "");
    assert_eq!(r.exit, 2, "{}", r.dump());
    let e = r.error_lines();
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(
        e[0].starts_with("inventory.ods!目录:3: column `class` (cell C3) holds a value of its own, hidden under the merged region C2:C3"),
        "{e:?}"
    );
    // An empty covered cell, as LibreOffice writes it by default: filled.
    let bytes = ods(&[("目录", ods_rows("<table:covered-table-cell/>"))]);
    let r = run("inventory.ods", &bytes, "");
    assert_eq!(r.error_lines(), Vec::<String>::new(), "{}", r.dump());
    assert_eq!(places(&r), Vec::<String>::new());
}

/// An .ods row every cell of which is a covered cell with content.
#[test]
fn an_ods_row_wholly_under_vertical_merges_is_not_dropped() {
    let first = rec("R-1", &[("class", "sensitive")]);
    let second = rec("R-2", &[]);
    let top: String = first
        .trim_end()
        .split(',')
        .map(|v| match v {
            "" => "<table:table-cell table:number-rows-spanned=\"2\"/>".to_string(),
            v => format!(
                "<table:table-cell table:number-rows-spanned=\"2\" \
                 office:value-type=\"string\"><text:p>{v}</text:p></table:table-cell>"
            ),
        })
        .collect();
    let under: String = second
        .trim_end()
        .split(',')
        .map(|v| match v {
            "" => "<table:covered-table-cell/>".to_string(),
            v => format!(
                "<table:covered-table-cell office:value-type=\"string\">\
                 <text:p>{v}</text:p></table:covered-table-cell>"
            ),
        })
        .collect();
    let xml = format!(
        "{}<table:table-row>{top}</table:table-row><table:table-row>{under}</table:table-row>",
        rows(INVENTORY_HEADER)
    );
    let r = run("inventory.ods", &ods(&[("目录", xml)]), "");
    assert_eq!(r.exit, 2, "{}", r.dump());
    let e = r.error_lines();
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(
        e[0].starts_with("inventory.ods!目录:3: column `id` (cell A3) holds a value of its own"),
        "{e:?}"
    );
}

/// A title merged across row 1, read as the header: it named one column
/// six times ("the header names column `…` twice"); it is said to be a
/// title, with the header row to try, in English and Chinese.
#[test]
fn a_title_merged_across_the_header_row_points_at_header_row() {
    let csv = format!("XX公司档案清册\n{}", two_records());
    let bytes = xlsx(&csv, &["A1:M1"]);
    let r = run("inventory.xlsx", &bytes, "");
    assert_eq!(r.exit, 2, "{}", r.dump());
    let expected = "the header row 1 of the sheet `Sheet1` holds `XX公司档案清册` merged across \
                    A1:M1: a merged title names no columns, and the columns under the rest of it \
                    hold values but have no name; if it is a title, is the header in another row \
                    (`header_row: 2` in custodia.yaml)? nothing was read";
    assert_eq!(r.error_messages(), [expected], "{}", r.dump());
    let case = Case::with(RULE, "")
        .without("inventory.csv")
        .bytes("inventory.xlsx", &bytes);
    let dir = case.write();
    let (code, out, err) = custodia_in(
        dir.path(),
        &["check", ".", "--lang", "zh", "--color", "never"],
    );
    assert_eq!(code, 2, "{out}{err}");
    let all = format!("{out}{err}");
    assert!(
        all.contains(
            "inventory.xlsx：工作表 `Sheet1` 的表头行（第 1 行）是合并单元格 A1:M1 中的 \
             `XX公司档案清册`，不是列名：其余各列有值却没有列名；如果这是标题，表头是否在其他行\
             （在 custodia.yaml 中设置 `header_row: 2`）？未读取任何内容"
        ),
        "{all}"
    );
    // With the header row given, it is read.
    let r = run(
        "inventory.xlsx",
        &bytes,
        "inventory:\n  file: inventory.xlsx\n  header_row: 2\n",
    );
    assert_eq!(r.error_lines(), Vec::<String>::new(), "{}", r.dump());
    assert_eq!(places(&r), ["R-2 inventory.xlsx!Sheet1:4"]);
}
