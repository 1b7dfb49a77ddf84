//! A cell written twice in a workbook (docs/inputs-and-reports.md, "Cells
//! written twice"): calamine keeps the last one without a word, so in the
//! company-exports example a legal hold `是` followed by `否` at J14 made
//! the legal-hold violation vanish with no input error. Which value the
//! cell shows is not defined: the sheet is not read, and the input error
//! names the file, the sheet and the cell. The workbooks are real files:
//! written by rust_xlsxwriter and edited in their XML, or built record by
//! record for .xls.

mod common;

use std::path::Path;

use common::xls::{label, labels, xls};
use common::{custodia_in, places, rec, rewritten, Case, Run, INVENTORY_HEADER};
use rust_xlsxwriter::Workbook;

use common::NOT_GENERAL as RULE;

/// R-1 (row 2) is general, a violation; R-2 (row 3) is sensitive.
fn rows() -> String {
    format!(
        "{INVENTORY_HEADER}{}{}",
        rec("R-1", &[]),
        rec("R-2", &[("class", "sensitive")])
    )
}

/// An .xlsx workbook whose sheets are (name, CSV text), all cells strings.
fn xlsx(sheets: &[(&str, &str)]) -> Vec<u8> {
    let mut wb = Workbook::new();
    for (name, csv) in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(*name).expect("a valid sheet name");
        for (r, line) in csv.lines().enumerate() {
            for (c, cell) in line.split(',').enumerate() {
                if !cell.is_empty() {
                    ws.write_string(r as u32, c as u16, cell)
                        .expect("a cell in range");
                }
            }
        }
    }
    wb.save_to_buffer().expect("the workbook is written")
}

/// The element `<tag r="at" ...>...</tag>` of `xml`, whole.
fn element<'x>(xml: &'x str, tag: &str, at: &str) -> &'x str {
    let start = xml
        .find(&format!("<{tag} r=\"{at}\""))
        .unwrap_or_else(|| panic!("<{tag} r=\"{at}\"> in {xml}"));
    let close = format!("</{tag}>");
    let end = start + xml[start..].find(&close).expect("its end") + close.len();
    &xml[start..end]
}

const SHEET1: &str = "xl/worksheets/sheet1.xml";

/// `sensitive` written at C2 right after the cell holding `general`.
fn c2_twice(book: &[u8]) -> Vec<u8> {
    rewritten(book, SHEET1, |xml| {
        let c2 = element(&xml, "c", "C2").to_string();
        xml.replacen(
            &c2,
            &format!("{c2}<c r=\"C2\" t=\"inlineStr\"><is><t>sensitive</t></is></c>"),
            1,
        )
    })
}

fn run(file: &str, bytes: &[u8]) -> Run {
    Case::with(RULE, "")
        .without("inventory.csv")
        .bytes(file, bytes)
        .run()
}

/// The one input error of a refused sheet: in `file`, its message.
fn refused(r: &Run, file: &str) -> String {
    assert_eq!(r.exit, 2, "{}", r.dump());
    assert_ne!(r.report()["verdict"]["result"], "compliant", "{}", r.dump());
    let e = r.input_errors();
    assert_eq!(e.len(), 1, "{}", r.dump());
    assert_eq!(e[0]["file"], file, "{}", r.dump());
    assert!(r.of("not_general").is_empty(), "{}", r.dump());
    e[0]["message"].as_str().unwrap_or("").to_string()
}

#[test]
fn the_workbooks_read_as_written_give_the_violation() {
    let r = run("inventory.xlsx", &xlsx(&[("目录", &rows())]));
    assert_eq!(r.input_errors().len(), 0, "{}", r.dump());
    assert_eq!(places(&r), ["R-1 inventory.xlsx!目录:2"]);
    let r = run("inventory.xls", &xls(&[("目录", labels(&rows()))]));
    assert_eq!(r.input_errors().len(), 0, "{}", r.dump());
    assert_eq!(places(&r), ["R-1 inventory.xls!目录:2"]);
}

/// Two `<c r="C2">` one after the other: the second (`sensitive`) won, and
/// R-1's violation vanished with exit 0.
#[test]
fn an_xlsx_cell_written_twice_is_an_input_error_naming_it() {
    let book = c2_twice(&xlsx(&[("目录", &rows())]));
    let e = refused(&run("inventory.xlsx", &book), "inventory.xlsx");
    assert!(
        e.starts_with(
            "the sheet `目录` writes the cell C2 twice (two cells, or two rows, at one address)"
        ),
        "{e}"
    );
}

/// A `<row r="2">` written again after row 3, or right after itself: the
/// cells of the second copy land on the first's.
#[test]
fn an_xlsx_row_written_twice_is_an_input_error_naming_its_first_cell() {
    let book = xlsx(&[("目录", &rows())]);
    let after_row_3 = rewritten(&book, SHEET1, |xml| {
        let row2 = element(&xml, "row", "2").replace(">general<", ">sensitive<");
        let row3 = element(&xml, "row", "3").to_string();
        xml.replacen(&row3, &format!("{row3}{row2}"), 1)
    });
    let e = refused(&run("inventory.xlsx", &after_row_3), "inventory.xlsx");
    assert!(e.contains("writes the cell A2 twice"), "{e}");
    let again = rewritten(&book, SHEET1, |xml| {
        let row2 = element(&xml, "row", "2").to_string();
        xml.replacen(&row2, &format!("{row2}{row2}"), 1)
    });
    let e = refused(&run("inventory.xlsx", &again), "inventory.xlsx");
    assert!(e.contains("writes the cell A2 twice"), "{e}");
}

/// Out of order is not twice: rows 3 then 2, and a cell written out of its
/// row's order, are each read once, at their place.
#[test]
fn xlsx_rows_and_cells_out_of_order_but_once_are_read() {
    let book = xlsx(&[("目录", &rows())]);
    let swapped = rewritten(&book, SHEET1, |xml| {
        let row2 = element(&xml, "row", "2").to_string();
        let row3 = element(&xml, "row", "3").to_string();
        xml.replacen(&format!("{row2}{row3}"), &format!("{row3}{row2}"), 1)
    });
    let r = run("inventory.xlsx", &swapped);
    assert_eq!(r.input_errors().len(), 0, "{}", r.dump());
    assert_eq!(places(&r), ["R-1 inventory.xlsx!目录:2"]);
    let c_first = rewritten(&book, SHEET1, |xml| {
        let a2 = element(&xml, "c", "A2").to_string();
        let c2 = element(&xml, "c", "C2").to_string();
        xml.replacen(&c2, "", 1)
            .replacen(&a2, &format!("{c2}{a2}"), 1)
    });
    let r = run("inventory.xlsx", &c_first);
    assert_eq!(r.input_errors().len(), 0, "{}", r.dump());
    assert_eq!(places(&r), ["R-1 inventory.xlsx!目录:2"]);
}

/// Another sheet writing a cell twice holds rows of unknown values: an
/// input error when no sheet is named (which sheet holds the data is a
/// guess), listed as a sheet that cannot be read when one is.
#[test]
fn another_sheet_writing_a_cell_twice_cannot_be_read() {
    let book = xlsx(&[("目录", &rows()), ("旧", &rows())]);
    let book = rewritten(&book, "xl/worksheets/sheet2.xml", |xml| {
        let c2 = element(&xml, "c", "C2").to_string();
        xml.replacen(&c2, &format!("{c2}{c2}"), 1)
    });
    let r = run("inventory.xlsx", &book);
    assert_eq!(r.exit, 2, "{}", r.dump());
    let e = r.input_errors();
    assert_eq!(e.len(), 1, "{}", r.dump());
    assert_eq!(e[0]["file"], "inventory.xlsx!旧");
    assert!(
        e[0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("writes the cell C2 twice")),
        "{}",
        r.dump()
    );
    let named = Case::with(RULE, "")
        .without("inventory.csv")
        .bytes("inventory.xlsx", &book)
        .file(
            "custodia.yaml",
            "inventory:\n  file: inventory.xlsx\n  sheet: 目录\n",
        )
        .run();
    assert_eq!(named.input_errors().len(), 0, "{}", named.dump());
    assert_eq!(places(&named), ["R-1 inventory.xlsx!目录:2"]);
    let listed = named.report()["not_read"]
        .as_array()
        .expect("not_read")
        .iter()
        .any(|n| {
            n["path"] == "inventory.xlsx!旧"
                && n["reason"]
                    .as_str()
                    .is_some_and(|r| r.contains("writes the cell C2 twice"))
        });
    assert!(listed, "{}", named.dump());
}

/// .xls: two cell records at one address, after each other or with a row
/// between them; out of order but once, read.
#[test]
fn an_xls_cell_written_twice_is_an_input_error_naming_it() {
    let twice = [labels(&rows()), label(1, 2, "sensitive")].concat();
    let e = refused(
        &run("inventory.xls", &xls(&[("目录", twice)])),
        "inventory.xls",
    );
    assert!(
        e.contains("the sheet `目录` writes the cell C2 twice"),
        "{e}"
    );
    let header = labels(INVENTORY_HEADER);
    // One record's line of CSV as Label records in the 0-based row `at`.
    let row = |csv: &str, at: u16| -> Vec<u8> {
        csv.trim_end()
            .split(',')
            .enumerate()
            .filter(|(_, cell)| !cell.is_empty())
            .flat_map(|(c, cell)| label(at, c as u16, cell))
            .collect()
    };
    let r1 = row(&rec("R-1", &[]), 1);
    let r2 = row(&rec("R-2", &[("class", "sensitive")]), 2);
    let r1_sensitive = row(&rec("R-1", &[("class", "sensitive")]), 1);
    let later = [header.clone(), r1.clone(), r2.clone(), r1_sensitive].concat();
    let e = refused(
        &run("inventory.xls", &xls(&[("目录", later)])),
        "inventory.xls",
    );
    assert!(e.contains("writes the cell A2 twice"), "{e}");
    let swapped = [header, r2, r1].concat();
    let r = run("inventory.xls", &xls(&[("目录", swapped)]));
    assert_eq!(r.input_errors().len(), 0, "{}", r.dump());
    assert_eq!(places(&r), ["R-1 inventory.xls!目录:2"]);
}

/// The message a user reads, in English and Chinese.
#[test]
fn the_error_in_english_and_chinese() {
    let case = Case::with(RULE, "")
        .without("inventory.csv")
        .bytes("inventory.xlsx", &c2_twice(&xlsx(&[("目录", &rows())])));
    let dir = case.write();
    let (code, out, _) = custodia_in(dir.path(), &["check", "."]);
    assert_eq!(code, 2, "{out}");
    assert!(
        out.contains(
            "inventory.xlsx: the sheet `目录` writes the cell C2 twice (two cells, or two rows, \
             at one address): which of its values the sheet shows is not defined; open the \
             workbook in Excel or LibreOffice, check the value of C2 and save it again; nothing \
             was read"
        ),
        "{out}"
    );
    let (code, out, _) = custodia_in(dir.path(), &["check", ".", "--lang", "zh"]);
    assert_eq!(code, 2, "{out}");
    assert!(
        out.contains(
            "inventory.xlsx：工作表 `目录` 中的单元格 C2 写了两次（同一地址有两个单元格或两行）：\
             该单元格显示哪个值并无定义；请用 Excel 或 LibreOffice 打开该工作簿，核对 C2 \
             的值后重新保存；未读取任何内容"
        ),
        "{out}"
    );
}

/// The review's own case: the shipped company-exports catalogue with 否
/// written after 是 at J14 (涉诉冻结, the legal hold). Read as written it
/// has the legal-hold violation; with the second J14 it said so no more,
/// with 0 input errors. Now the sheet is not read and the check is
/// incomplete (exit 2), naming the cell.
#[test]
fn the_company_exports_catalogue_with_j14_written_twice_is_refused() {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/company-exports");
    let dir = tempfile::tempdir().expect("a temp dir");
    copy_dir(&example, dir.path());
    let catalogue = dir.path().join("案卷目录.xlsx");
    let (code, out, _) = custodia_in(
        dir.path(),
        &["check", ".", "--format", "json", common::ACCEPT_OWN_SCHEMA],
    );
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("no_destruction_under_legal_hold"), "{out}");
    let book = std::fs::read(&catalogue).expect("the example's workbook");
    let yes = "<c r=\"J14\" t=\"s\"><v>37</v></c>";
    let edited = rewritten(&book, SHEET1, |xml| {
        assert!(xml.contains(yes), "J14 holds 是 in the example");
        xml.replacen(yes, &format!("{yes}<c r=\"J14\" t=\"s\"><v>17</v></c>"), 1)
    });
    std::fs::write(&catalogue, edited).expect("write");
    let (code, out, _) = custodia_in(dir.path(), &["check", ".", common::ACCEPT_OWN_SCHEMA]);
    assert_eq!(code, 2, "{out}");
    assert!(
        out.contains("input error: 案卷目录.xlsx: the sheet `案卷目录` writes the cell J14 twice"),
        "{out}"
    );
    assert!(!out.contains("verdict: COMPLIANT"), "{out}");
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).expect("the example is a folder") {
        let entry = entry.expect("an entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}
