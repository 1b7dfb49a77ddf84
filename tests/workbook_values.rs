//! Cell values of .ods and .xls workbooks that were read as empty, false or
//! in the wrong date system (hostile review, 2026-12-05): each made a
//! record under legal hold, or a whole log row, vanish while the check
//! said COMPLIANT. Each workbook is written here cell by cell, as the
//! writer in question writes it (docs/inputs-and-reports.md, "Excel
//! workbooks").

mod common;

use common::ods::{ods, rows};
use common::xls::{date1904, labels, number, xls_with};
use common::{rec, Case, Run, INVENTORY_HEADER};

const RULE: &str = r#"
rule not_general {
  title "No record is general"
  cite "none"
  for record r
  require r.class != "general" else "{r.id} is general"
}

rule not_held {
  title "No record is held"
  cite "none"
  for record r
  require r.legal_hold == false else "{r.id} is held"
}
"#;

fn run(file: &str, bytes: &[u8]) -> Run {
    Case::with(RULE, "")
        .without("inventory.csv")
        .bytes(file, bytes)
        .run()
}

fn errors(r: &Run) -> Vec<String> {
    r.input_errors()
        .iter()
        .map(|e| {
            format!(
                "{}:{}: {}",
                e["file"].as_str().unwrap_or(""),
                e["line"],
                e["message"].as_str().unwrap_or("")
            )
        })
        .collect()
}

/// An .ods may name two sheets alike (LibreOffice and Excel refuse it);
/// the reader keeps one sheet's cells under the name and read them for
/// both, the stale copy perhaps. Refused, naming both by position.
#[test]
fn two_ods_sheets_of_one_name_are_refused_naming_both() {
    let sheet = rows(&format!("{INVENTORY_HEADER}{}", rec("R-1", &[])));
    let book = ods(&[
        ("封面", rows("title\nx\n")),
        ("目录", sheet.clone()),
        ("目录", sheet),
    ]);
    let r = run("inventory.ods", &book);
    assert_eq!(r.exit, 2, "{}", r.dump());
    assert_eq!(
        errors(&r),
        [
            "inventory.ods:null: the workbook has two sheets named `目录` (sheets 2 and 3): the \
          reader holds the cells of only one of them under that name, and which is not told; \
          rename one of them and save it again; nothing was read"
        ]
    );
}

const DATED: &str = r#"
rule dated {
  title "Shows the date read"
  cite "none"
  for record r
  require r.title == "never" else "{r.id} created {r.created}"
}
"#;

/// A plain serial number read through `format: [excel]` counts days from
/// the workbook's day 0, which an .xls names in its DATEMODE record: in a
/// 1904 workbook 44637 is 2026-03-18. It was read in the 1900 system
/// (2022-03-17) when no cell was date-formatted (xlwt `dates_1904`).
#[test]
fn an_xls_in_the_1904_date_system_reads_serial_numbers_in_it() {
    let created = |globals: &[u8]| {
        let header = labels(INVENTORY_HEADER);
        let row = labels(&format!("\n{}", rec("R-1", &[("created", "")])));
        let book = xls_with(
            globals,
            &[("目录", [header, row, number(1, 5, 44637.0)].concat())],
        );
        let r = Case::with(DATED, "")
            .without("inventory.csv")
            .bytes("inventory.xls", &book)
            .file(
                "custodia.yaml",
                "inventory:\n  file: inventory.xls\n  columns:\n    created: { column: created, format: [excel] }\n",
            )
            .run();
        assert_eq!(errors(&r), Vec::<String>::new(), "{}", r.dump());
        let v = r.of("dated");
        assert_eq!(v.len(), 1, "{}", r.dump());
        v[0]["message"].as_str().unwrap_or("").to_string()
    };
    assert_eq!(created(&date1904()), "R-1 created 2026-03-18");
    assert_eq!(created(&[]), "R-1 created 2022-03-17");
}
