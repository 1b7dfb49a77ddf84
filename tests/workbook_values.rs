//! Cell values of .ods and .xls workbooks that were read as empty, false or
//! in the wrong date system (hostile review, 2026-12-05): each made a
//! record under legal hold, or a whole log row, vanish while the check
//! said COMPLIANT. Each workbook is written here cell by cell, as the
//! writer in question writes it (docs/inputs-and-reports.md, "Excel
//! workbooks").

mod common;

use common::ods::{empty, ods, row_of, rows, string};
use common::xls::{
    date1904, formula, labels, number, string_result, xls, xls_with, EMPTY_RESULT, STRING_RESULT,
};
use common::{places, rec, Case, Run, INVENTORY_HEADER};

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

/// The inventory's columns: `class` is the 3rd (C), `legal_hold` the 8th
/// (H).
const CLASS: usize = 2;
const HOLD: usize = 7;

fn run(file: &str, bytes: &[u8]) -> Run {
    Case::with(RULE, "")
        .without("inventory.csv")
        .bytes(file, bytes)
        .run()
}

fn errors(r: &Run) -> Vec<String> {
    r.error_lines()
}

/// An .ods inventory: the header and `R-0` (sensitive) as LibreOffice
/// writes them, then the rows `csv` with `cell_of` writing each cell.
fn ods_inventory(csv: &str, cell_of: impl Fn(usize, &str) -> String) -> Vec<u8> {
    let first = rows(&format!(
        "{INVENTORY_HEADER}{}",
        rec("R-0", &[("class", "sensitive")])
    ));
    let more: String = csv.lines().map(|l| row_of(l, &cell_of)).collect();
    ods(&[("目录", format!("{first}{more}"))])
}

/// A cell with text and no `office:value-type`, as simple exporters write
/// it: LibreOffice reads it as text, and so does custodia. It read as
/// empty: a record's `是` under legal hold vanished, and a row of such
/// cells was skipped as blank (here the last row, outside the box of
/// cells calamine holds). A float cell with text but no `office:value`
/// is its text too.
#[test]
fn an_ods_cell_without_a_value_type_is_read_as_its_text() {
    let untyped = |_: usize, v: &str| match v {
        "" => "<table:table-cell/>".to_string(),
        _ => format!("<table:table-cell><text:p>{v}</text:p></table:table-cell>"),
    };
    let no_value = |c: usize, v: &str| match c {
        CLASS => format!(
            "<table:table-cell office:value-type=\"float\"><text:p>{v}</text:p></table:table-cell>"
        ),
        _ => string(v),
    };
    let mut book = rows(&format!(
        "{INVENTORY_HEADER}{}",
        rec("R-0", &[("class", "sensitive")])
    ));
    book += &row_of(&rec("R-1", &[("class", "sensitive")]), |c, v| match c {
        HOLD => untyped(c, "true"),
        _ => string(v),
    });
    book += &row_of(&rec("R-2", &[]), no_value);
    book += &row_of(&rec("R-3", &[("class", "sensitive")]), untyped);
    let r = run("inventory.ods", &ods(&[("目录", book)]));
    assert_eq!(errors(&r), Vec::<String>::new(), "{}", r.dump());
    assert_eq!(r.ids("not_held"), ["R-1"], "{}", r.dump());
    assert_eq!(places(&r), ["R-2 inventory.ods!目录:4"]);
    // The last row, every cell without a type, is a record.
    let sheet = &r.report()["inputs"]
        .as_array()
        .expect("inputs")
        .iter()
        .find(|i| i["path"] == "inventory.ods!目录")
        .expect("the sheet is an input")["rows"];
    assert_eq!(sheet, 4, "{}", r.dump());
}

/// `office:boolean-value` is an XML Schema boolean: `true`, `false`, `1`,
/// `0`; `1` read as false (calamine knows `true` only). Any other value
/// is an input error at its cell, never false.
#[test]
fn an_ods_boolean_is_read_in_every_odf_form_and_any_other_is_an_error() {
    let boolean = |v: &'static str| {
        move |c: usize, text: &str| match c {
            HOLD => format!(
                "<table:table-cell office:value-type=\"boolean\" office:boolean-value=\"{v}\">\
                 <text:p>TRUE</text:p></table:table-cell>"
            ),
            _ => string(text),
        }
    };
    for (v, held) in [("1", true), ("True", true), ("0", false), ("FALSE", false)] {
        let r = run(
            "inventory.ods",
            &ods_inventory(&rec("R-1", &[("class", "sensitive")]), boolean(v)),
        );
        assert_eq!(errors(&r), Vec::<String>::new(), "{v}: {}", r.dump());
        let expected: &[&str] = if held { &["R-1"] } else { &[] };
        assert_eq!(r.ids("not_held"), expected, "{v}: {}", r.dump());
    }
    let r = run(
        "inventory.ods",
        &ods_inventory(&rec("R-1", &[("class", "general")]), boolean("yes")),
    );
    assert_eq!(r.exit, 2, "{}", r.dump());
    assert_eq!(
        errors(&r),
        [
            "inventory.ods!目录:3: column `legal_hold` (cell H3) is a true/false cell whose saved \
          value is neither true nor false (an .ods writes `true`, `false`, `1` or `0`): the file \
          was not written by a spreadsheet program, or is damaged; type TRUE or FALSE in the cell \
          and save it again; the row was left out"
        ]
    );
    // The row is left out, not read with the hold false.
    assert!(places(&r).is_empty(), "{}", r.dump());
}

/// A string cell whose `office:string-value` is not the text it shows
/// (`""` over `是`): the reader took the value, so the hold vanished while
/// the sheet shows it. Which one the company meant is unknown: an input
/// error at the cell. The same text in both is read.
#[test]
fn an_ods_string_value_that_is_not_its_text_is_an_input_error() {
    let hold = |value: &'static str| {
        move |c: usize, v: &str| match c {
            HOLD => format!(
                "<table:table-cell office:value-type=\"string\" office:string-value=\"{value}\">\
                 <text:p>true</text:p></table:table-cell>"
            ),
            _ => string(v),
        }
    };
    let r = run(
        "inventory.ods",
        &ods_inventory(&rec("R-1", &[("class", "sensitive")]), hold("")),
    );
    assert_eq!(r.exit, 2, "{}", r.dump());
    let e = errors(&r);
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(
        e[0].starts_with(
            "inventory.ods!目录:3: column `legal_hold` (cell H3) holds two different texts"
        ),
        "{e:?}"
    );
    let r = run(
        "inventory.ods",
        &ods_inventory(&rec("R-1", &[("class", "sensitive")]), hold("true")),
    );
    assert_eq!(errors(&r), Vec::<String>::new(), "{}", r.dump());
    assert_eq!(r.ids("not_held"), ["R-1"]);
}

const FORMULA: &str = "table:formula=\"of:=IF(1;&quot;true&quot;;&quot;&quot;)\"";

/// A formula whose result was not saved (a string result with no value
/// and no text) read as an empty string, taken for one the formula
/// computed: the hold vanished. It is an input error, as in an .xlsx.
/// LibreOffice's own empty result (`office:string-value=""`) is an empty
/// cell; a formula that ended in an error, which LibreOffice saves as an
/// empty string marked `calcext:value-type="error"`, is an input error
/// naming the error.
#[test]
fn an_ods_formula_without_its_result_or_with_an_error_is_an_input_error() {
    let hold = |cell: &'static str| {
        move |c: usize, v: &str| match c {
            HOLD => cell.replace("FORMULA", FORMULA),
            _ => string(v),
        }
    };
    let unsaved = "<table:table-cell FORMULA office:value-type=\"string\"/>";
    let r = run(
        "inventory.ods",
        &ods_inventory(&rec("R-1", &[("class", "sensitive")]), hold(unsaved)),
    );
    assert_eq!(r.exit, 2, "{}", r.dump());
    let e = errors(&r);
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(
        e[0].starts_with(
            "inventory.ods!目录:3: column `legal_hold` (cell H3) holds a formula but no computed \
             value: the formula's result was not saved"
        ) && e[0].contains("open and save it in Excel, WPS or LibreOffice"),
        "{e:?}"
    );
    let computed_empty = "<table:table-cell FORMULA office:value-type=\"string\" \
         office:string-value=\"\" calcext:value-type=\"string\"><text:p/></table:table-cell>";
    let r = run(
        "inventory.ods",
        &ods_inventory(&rec("R-1", &[("class", "sensitive")]), hold(computed_empty)),
    );
    assert_eq!(errors(&r), Vec::<String>::new(), "{}", r.dump());
    assert!(r.ids("not_held").is_empty(), "{}", r.dump());
    let error = "<table:table-cell FORMULA office:value-type=\"string\" office:string-value=\"\" \
         calcext:value-type=\"error\"><text:p>#N/A</text:p></table:table-cell>";
    let r = run(
        "inventory.ods",
        &ods_inventory(&rec("R-1", &[("class", "general")]), hold(error)),
    );
    assert_eq!(
        errors(&r),
        ["inventory.ods!目录:3: column `legal_hold` (cell H3) holds the Excel error #N/A; the row \
          was left out"]
    );
    // A row of formulas alone, none saved, is no blank row.
    let all_unsaved = |_: usize, _: &str| unsaved.replace("FORMULA", FORMULA);
    let r = run(
        "inventory.ods",
        &ods_inventory(&rec("R-1", &[]), all_unsaved),
    );
    assert_eq!(errors(&r).len(), 1, "{}", r.dump());
    assert!(errors(&r)[0].starts_with("inventory.ods!目录:3: column `id` (cell A3)"));
}

/// Text written as CDATA in an .ods cell is the text it holds, in a
/// paragraph or a span, typed as a string or not: calamine passes over
/// CDATA, and the `true` under legal hold read as an empty cell, the run
/// COMPLIANT (hostile review, 2026-12-06, F1). A whole row so written is
/// a row, not a blank one.
#[test]
fn an_ods_cell_written_as_cdata_is_read_as_its_text() {
    let cdata = |c: usize, v: &str| match (c, v) {
        (_, "") => "<table:table-cell/>".to_string(),
        (HOLD, _) => format!(
            "<table:table-cell office:value-type=\"string\"><text:p>\
             <text:span><![CDATA[{v}]]></text:span></text:p></table:table-cell>"
        ),
        (_, _) => format!("<table:table-cell><text:p><![CDATA[{v}]]></text:p></table:table-cell>"),
    };
    let book = ods_inventory(
        &rec("R-1", &[("class", "sensitive"), ("legal_hold", "true")]),
        cdata,
    );
    let r = run("inventory.ods", &book);
    assert_eq!(errors(&r), Vec::<String>::new(), "{}", r.dump());
    assert_eq!(r.ids("not_held"), ["R-1"], "{}", r.dump());
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

/// An .xls formula whose saved result is empty: xlwt saves every formula
/// so (a "blank string" result), and Excel saves a formula that computed
/// `""` the same way. What the cell holds is unknown: an input error at
/// the cell (it read as empty, and the hold vanished). A formula whose
/// text result was saved is read.
#[test]
fn an_xls_formula_with_an_empty_saved_result_is_an_input_error() {
    let book = |result: Vec<u8>| {
        let csv = format!(
            "{INVENTORY_HEADER}{}",
            rec("R-1", &[("class", "sensitive")])
        );
        xls(&[("目录", [labels(&csv), result].concat())])
    };
    let r = run(
        "inventory.xls",
        &book(formula(1, HOLD as u16, EMPTY_RESULT)),
    );
    assert_eq!(r.exit, 2, "{}", r.dump());
    let e = errors(&r);
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(
        e[0].starts_with(
            "inventory.xls!目录:2: column `legal_hold` (cell H2) holds a formula whose saved \
             result is empty"
        ) && e[0].contains("save the workbook as .xlsx"),
        "{e:?}"
    );
    let saved = [
        formula(1, HOLD as u16, STRING_RESULT),
        string_result("true"),
    ]
    .concat();
    let r = run("inventory.xls", &book(saved));
    assert_eq!(errors(&r), Vec::<String>::new(), "{}", r.dump());
    assert_eq!(r.ids("not_held"), ["R-1"]);
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

/// Control: the same .ods read as LibreOffice writes it needs none of the
/// above (every cell typed, the rest of each row repeated empty cells).
#[test]
fn an_ods_as_libreoffice_writes_it_is_read_as_before() {
    let mut book = rows(&format!(
        "{INVENTORY_HEADER}{}",
        rec("R-1", &[("legal_hold", "true")])
    ));
    book += &format!(
        "<table:table-row table:number-rows-repeated=\"1000\">{}</table:table-row>",
        empty(1024)
    );
    let r = run("inventory.ods", &ods(&[("目录", book)]));
    assert_eq!(errors(&r), Vec::<String>::new(), "{}", r.dump());
    assert_eq!(r.ids("not_held"), ["R-1"]);
    assert_eq!(places(&r), ["R-1 inventory.ods!目录:2"]);
}

/// An .ods cell's text in an element LibreOffice leaves out of the cell
/// (a footnote's number, a ruby's reading, a span in a span, an element
/// it does not know) was read with the rest: `R-1` with a footnote `0`
/// read `R-10`, another record, and the held record's destruction passed
/// (hostile review, 2026-12-07). What the cell shows is not known (another
/// reader may show that text): an input error at the cell. Spans, links,
/// tabs and line breaks are read as LibreOffice shows them.
#[test]
fn an_ods_cell_with_text_a_reader_may_not_show_is_an_input_error() {
    let id = |inner: &'static str| {
        move |c: usize, v: &str| {
            match c {
            0 => format!(
                "<table:table-cell office:value-type=\"string\"><text:p>{inner}</text:p></table:table-cell>"
            ),
            _ => string(v),
        }
        }
    };
    let held = rec("R-1", &[("class", "sensitive"), ("legal_hold", "true")]);
    for inner in [
        "R-1<text:note text:id=\"n1\"><text:note-citation>0</text:note-citation><text:note-body/></text:note>",
        "<text:ruby><text:ruby-base>R-1</text:ruby-base><text:ruby-text>0</text:ruby-text></text:ruby>",
        "<text:span>R-1<text:span>0</text:span></text:span>",
        "R-1<text:sequence text:name=\"x\">0</text:sequence>",
    ] {
        let r = run("inventory.ods", &ods_inventory(&held, id(inner)));
        assert_eq!(r.exit, 2, "{inner}: {}", r.dump());
        assert_eq!(
            errors(&r),
            ["inventory.ods!目录:3: column `id` (cell A3) holds text in an element a spreadsheet \
              program may or may not show in the cell (a note, ruby text over the characters, a \
              span inside a span, or an element it does not know), so what the cell shows is \
              not known; type the cell again as plain text and save it; the row was left out"],
            "{inner}"
        );
        assert!(r.ids("not_held").is_empty(), "{inner}: {}", r.dump());
    }
    for inner in [
        "<text:span text:style-name=\"T1\">R-1</text:span>",
        "<text:a xlink:href=\"https://example.com\">R-1</text:a>",
        "<text:ruby><text:ruby-base>R-1</text:ruby-base><text:ruby-text/></text:ruby>",
    ] {
        let r = run("inventory.ods", &ods_inventory(&held, id(inner)));
        assert_eq!(errors(&r), Vec::<String>::new(), "{inner}: {}", r.dump());
        assert_eq!(r.ids("not_held"), ["R-1"], "{inner}: {}", r.dump());
    }
    let hold = |inner: &'static str| {
        move |c: usize, v: &str| {
            match c {
            HOLD => format!(
                "<table:table-cell office:value-type=\"string\"><text:p>{inner}</text:p></table:table-cell>"
            ),
            _ => string(v),
        }
        }
    };
    for inner in ["true<text:tab/>", "true<text:line-break/>"] {
        let r = run("inventory.ods", &ods_inventory(&held, hold(inner)));
        assert_eq!(errors(&r), Vec::<String>::new(), "{inner}: {}", r.dump());
        assert_eq!(r.ids("not_held"), ["R-1"], "{inner}: {}", r.dump());
    }
}
