//! Company registers as kept (hostile review h23a, 2026-12-08): a mapped
//! field's twin column under a usual name, retention periods written the
//! Chinese way, a value map sending `永久` to an empty `period_end`, rows
//! struck through in a workbook, a log whose name names no kind, and date
//! cells holding numbers Excel shows as no date.

mod common;

use common::{custodia_in, rec, Case, Run, INVENTORY_HEADER};
use rust_xlsxwriter::{Format, Workbook};

const HELD: &str =
    "rule held {\n  for record r where r.legal_hold\n  require false else \"{r.id} is held\"\n}\n";

/// The inventory under Chinese headers, mapped with `legal_hold: 涉诉冻结`
/// (and `hold_map` as its value map, if any), with a second hold column
/// `诉讼保全` (a usual name of `legal_hold`): rows (id, 涉诉冻结, 诉讼保全).
fn twin(hold_map: &str, rows: &[(&str, &str, &str)]) -> Run {
    let mut inv = "档案号,题名,密级,形成日期,状态,标签,涉诉冻结,诉讼保全\n".to_string();
    for (id, mapped, other) in rows {
        inv.push_str(&format!(
            "{id},凭证,general,2020-01-01,active,a,{mapped},{other}\n"
        ));
    }
    let hold = match hold_map {
        "" => "涉诉冻结".to_string(),
        map => format!("{{ column: 涉诉冻结, values: {map} }}"),
    };
    let manifest = format!(
        "inventory:\n  file: 目录.csv\n  columns:\n    id: 档案号\n    title: 题名\n    class: 密级\n    created: 形成日期\n    status: 状态\n    tags: 标签\n    legal_hold: {hold}\n"
    );
    Case::with(HELD, "")
        .without("inventory.csv")
        .file("目录.csv", &inv)
        .file("custodia.yaml", &manifest)
        .run()
}

/// F1: `诉讼保全` of `是` beside `legal_hold: 涉诉冻结` of `否` passed as
/// COMPLIANT beside a note; it is an input error at the twin's cell,
/// naming both columns. A blank mapped cell beside a `是` is one too.
#[test]
fn a_twin_of_a_mapped_column_saying_otherwise_is_an_input_error() {
    for (mapped, other) in [("否", "是"), ("", "是"), ("是", "否")] {
        let r = twin("", &[("R1", "否", "否"), ("R2", mapped, other)]);
        assert_eq!(r.exit, 2, "{mapped}/{other}: {}", r.dump());
        let e = &r.input_errors()[0];
        assert_eq!(
            (&e["file"], &e["line"], &e["column"], e["field"].as_str()),
            (
                &serde_json::json!("目录.csv"),
                &serde_json::json!(3),
                &serde_json::json!(8),
                Some("诉讼保全")
            ),
            "{}",
            r.dump()
        );
        assert!(
            r.error_messages()[0].contains(
                "holds another value in this row than column `涉诉冻结`, which custodia.yaml maps `legal_hold` to"
            ),
            "{:?}",
            r.error_messages()
        );
    }
}

/// Twins that agree, in the file's words or through the value map, stay
/// a note; a word standing for nothing (`无`) says nothing.
#[test]
fn a_twin_of_a_mapped_column_saying_the_same_is_a_note() {
    let r = twin(
        "",
        &[("R1", "否", "否"), ("R2", "是", "Y"), ("R3", "否", "")],
    );
    assert!(r.input_errors().is_empty(), "{}", r.dump());
    assert_eq!(r.ids("held"), ["R2"], "{}", r.dump());
    let map = "{ 有: true, 没有: false }";
    let r = twin(
        map,
        &[
            ("R1", "没有", "否"),
            ("R2", "有", "有"),
            ("R3", "没有", "无"),
        ],
    );
    assert!(r.input_errors().is_empty(), "{}", r.dump());
    assert_eq!(r.ids("held"), ["R2"], "{}", r.dump());
    let r = twin(map, &[("R1", "没有", "是")]);
    assert_eq!(r.exit, 2, "{}", r.dump());
}

/// `custodia init` said no field was like `诉讼保全`; it says the column
/// is named like `legal_hold`, which it mapped to `涉诉冻结`, and what to do.
#[test]
fn init_says_a_twin_is_like_the_field_already_mapped() {
    let dir = Case::new()
        .file("policies/schema.policy", common::SCHEMA)
        .file(
            "案卷目录.csv",
            "档案号,题名,密级,形成日期,状态,涉诉冻结,诉讼保全\nR-1,合同,general,2020-01-01,active,否,是\n",
        )
        .write();
    let (code, out, err) = custodia_in(dir.path(), &["init", "."]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains(
            "案卷目录.csv: column `诉讼保全`: named like `legal_hold`, which is mapped to column `涉诉冻结`"
        ),
        "{out}"
    );
    assert!(!out.contains("no field of `record` is like it"), "{out}");
}

/// A rule listing the records kept 10 years or more: which periods read,
/// and as what.
const LONG: &str = "rule long {\n  for record r where r.keep is set and r.keep >= 10 years\n  require false else \"{r.id}\"\n}\n";

/// Retention periods written the Chinese way read, in a file without a
/// mapping and through one; near forms are input errors saying why.
#[test]
fn retention_periods_written_the_chinese_way() {
    let read = [
        ("R1", "30年", true),
        ("R2", "10年", true),
        ("R3", "３年", false),
        ("R4", "永久保管", true),
        ("R5", "三年", false),
        ("R6", "十年", true),
        ("R7", "三十年", true),
        ("R8", "36个月", false),
        ("R9", "1095天", false),
        ("R10", "1095日", false),
        ("R11", "永久", true),
        ("R12", "永久保存", true),
    ];
    let rows: String = read
        .iter()
        .map(|(id, keep, _)| rec(id, &[("keep", keep)]))
        .collect();
    let long: Vec<&str> = read.iter().filter(|r| r.2).map(|r| r.0).collect();
    let r = Case::with(LONG, &rows).run();
    assert!(r.input_errors().is_empty(), "{}", r.dump());
    let mut ids = r.ids("long");
    ids.sort();
    let mut want: Vec<String> = long.iter().map(|s| s.to_string()).collect();
    want.sort();
    assert_eq!(ids, want, "{}", r.dump());
    let mapped = "inventory:\n  file: inventory.csv\n  columns:\n    keep: keep\n";
    let r = Case::with(LONG, &rows).file("custodia.yaml", mapped).run();
    assert!(r.input_errors().is_empty(), "{}", r.dump());
    assert_eq!(r.ids("long").len(), long.len(), "{}", r.dump());
}

#[test]
fn near_forms_of_a_retention_period_say_why() {
    let refused = [
        ("长期", "is a retention category of the rules before 2016"),
        (
            "3年以上",
            "gives a bound, not a period: write the period itself (`3年`)",
        ),
        ("不少于3年", "gives a bound, not a period"),
        (
            "3年6个月",
            "is written in two units: write the period in one (`42个月`)",
        ),
        (
            "定期3年",
            "`定期` names the category, not the period: write the period alone (`3年`)",
        ),
    ];
    let mapped = "inventory:\n  file: inventory.csv\n  columns:\n    keep: keep\n";
    for (keep, why) in refused {
        let rows = rec("R1", &[("keep", keep)]);
        for manifest in [None, Some(mapped)] {
            let case = Case::with(LONG, &rows);
            let case = match manifest {
                Some(m) => case.file("custodia.yaml", m),
                None => case,
            };
            let r = case.run();
            assert_eq!(r.exit, 2, "{keep}: {}", r.dump());
            assert!(
                r.error_messages()[0].contains(why),
                "{keep}: {:?}",
                r.error_messages()
            );
        }
    }
}

/// A schema with an optional date where empty means permanent.
fn with_period_end() -> String {
    common::SCHEMA.replacen(
        "    opened: datetime?\n",
        "    opened: datetime?\n    period_end: date?\n",
        1,
    )
}

/// M2: `values: { 永久: "" }` sends `永久` to an empty `period_end`, an
/// optional field; for a required field it is refused as before.
#[test]
fn a_value_map_may_send_a_value_to_empty_for_an_optional_field() {
    let ends = "rule ends {\n  for record r where r.period_end is set\n  require false else \"{r.id}\"\n}\n";
    let inv = "档案号,题名,密级,形成日期,状态,标签,保管期限至\n\
               R1,凭证,general,2020-01-01,active,a,2046-12-31\n\
               R2,凭证,general,2020-01-01,active,a,永久\n";
    let manifest = |created: &str| {
        format!(
            "inventory:\n  file: 目录.csv\n  columns:\n    id: 档案号\n    title: 题名\n    class: 密级\n    created: {created}\n    status: 状态\n    tags: 标签\n    period_end: {{ column: 保管期限至, values: {{ 永久: \"\" }} }}\n"
        )
    };
    let case = |created: &str| {
        Case::with(ends, "")
            .file("policies/schema.policy", &with_period_end())
            .without("inventory.csv")
            .file("目录.csv", inv)
            .file("custodia.yaml", &manifest(created))
    };
    let r = case("形成日期").run();
    assert!(r.input_errors().is_empty(), "{}", r.dump());
    assert_eq!(r.ids("ends"), ["R1"], "{}", r.dump());
    let r = case("{ column: 形成日期, values: { 不详: \"\" } }").run();
    assert_eq!(r.exit, 2, "{}", r.dump());
    assert!(
        r.error_messages()[0].contains("leaves `不详` empty"),
        "{:?}",
        r.error_messages()
    );
}

/// A workbook inventory whose row 3 (R2) has its cells in a struck-through
/// font when `struck`.
fn struck_book(struck: bool) -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let plain = Format::new();
    let strike = Format::new().set_font_strikethrough();
    let rows = format!(
        "{INVENTORY_HEADER}{}{}",
        rec("R1", &[("class", "sensitive")]),
        rec("R2", &[("class", "sensitive")])
    );
    for (r, line) in rows.lines().enumerate() {
        for (c, cell) in line.split(',').enumerate() {
            let f = if struck && r == 2 { &strike } else { &plain };
            if !cell.is_empty() {
                ws.write_string_with_format(r as u32, c as u16, cell, f)
                    .expect("a cell in range");
            }
        }
    }
    wb.save_to_buffer().expect("the workbook is written")
}

/// F4: a row struck through (划线作废) was read as valid; it is an input
/// error naming the row, the row left out.
#[test]
fn a_struck_through_row_is_an_input_error() {
    let run = |struck: bool| {
        Case::with(common::NOT_GENERAL, "")
            .without("inventory.csv")
            .bytes("inventory.xlsx", &struck_book(struck))
            .run()
    };
    let r = run(false);
    assert!(r.input_errors().is_empty(), "{}", r.dump());
    let r = run(true);
    assert_eq!(r.exit, 2, "{}", r.dump());
    let e = &r.input_errors()[0];
    assert_eq!(
        (&e["line"], &e["column"]),
        (&serde_json::json!(3), &serde_json::json!(1)),
        "{}",
        r.dump()
    );
    assert!(
        r.error_messages()[0].contains("(cell A3) holds a value struck through"),
        "{:?}",
        r.error_messages()
    );
    assert_eq!(r.input_errors().len(), 1, "one error per row: {}", r.dump());
}

/// An inventory workbook of R1 (`sensitive`) and R2 (`class_r2`), every
/// cell a plain string, then `edit`ed (given the `class` column).
fn inventory_book(
    class_r2: &str,
    edit: impl FnOnce(&mut rust_xlsxwriter::Worksheet, u16),
) -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let rows = format!(
        "{INVENTORY_HEADER}{}{}",
        rec("R1", &[("class", "sensitive")]),
        rec("R2", &[("class", class_r2)])
    );
    let mut class = 0;
    for (r, line) in rows.lines().enumerate() {
        for (c, cell) in line.split(',').enumerate() {
            if r == 0 && cell == "class" {
                class = c as u16;
            }
            if !cell.is_empty() {
                ws.write_string(r as u32, c as u16, cell)
                    .expect("a cell in range");
            }
        }
    }
    edit(ws, class);
    wb.save_to_buffer().expect("the workbook is written")
}

/// The check of `NOT_GENERAL` over the inventory workbook `book`.
fn run_book(book: &[u8]) -> Run {
    Case::with(common::NOT_GENERAL, "")
        .without("inventory.csv")
        .bytes("inventory.xlsx", book)
        .run()
}

/// h24a F3: the same row with only its id's text struck, through the
/// properties of a rich-text run (the cell's font is plain), in whole or in
/// part: the row is left out with the same error.
#[test]
fn a_struck_run_of_rich_text_is_an_input_error() {
    let plain = Format::new();
    let strike = Format::new().set_font_strikethrough();
    for runs in [vec![(&strike, "R2")], vec![(&plain, "R"), (&strike, "2")]] {
        let r = run_book(&inventory_book("sensitive", |ws, _| {
            ws.write_rich_string(2, 0, &runs).expect("a cell in range");
        }));
        assert_eq!(r.exit, 2, "{}", r.dump());
        assert_eq!(r.input_errors().len(), 1, "{}", r.dump());
        assert!(
            r.error_messages()[0].contains("(cell A3) holds a value struck through"),
            "{:?}",
            r.error_messages()
        );
    }
}

/// h25a F14: a conditional format over the `class` column that shows
/// `sensitive` where a cell holds `general`, or strikes it through: the
/// sheet may show either, so the row is an input error at that cell. A
/// conditional format that only colours the cell reads as before.
#[test]
fn a_conditional_format_that_changes_what_a_cell_shows_is_an_input_error() {
    use rust_xlsxwriter::{Color, ConditionalFormatCell, ConditionalFormatCellRule};
    let run = |format: Format| {
        let rule = ConditionalFormatCell::new()
            .set_rule(ConditionalFormatCellRule::EqualTo("\"general\""))
            .set_format(format);
        run_book(&inventory_book("general", |ws, class| {
            ws.add_conditional_format(1, class, 2, class, &rule)
                .expect("a range in the sheet");
        }))
    };
    let shows =
        Format::new().set_num_format("\"sensitive\";\"sensitive\";\"sensitive\";\"sensitive\"");
    let struck = Format::new().set_font_strikethrough();
    // The format showing `sensitive` changes only R2's `general` (C3); the
    // strike would cross out both rows' cells.
    for (format, said, rows) in [
        (
            shows,
            "(cell C3) is under a conditional format whose number format shows `sensitive`",
            1,
        ),
        (
            struck,
            "is under a conditional format that strikes it through",
            2,
        ),
    ] {
        let r = run(format);
        assert_eq!(r.exit, 2, "{}", r.dump());
        assert_eq!(r.input_errors().len(), rows, "{}", r.dump());
        assert!(
            r.error_messages().iter().all(|m| m.contains(said)),
            "{:?}",
            r.error_messages()
        );
    }
    let r = run(Format::new().set_background_color(Color::Red));
    assert!(r.input_errors().is_empty(), "{}", r.dump());
    assert_eq!(r.exit, 1, "R2 is general: {}", r.dump());
}

/// M4: a log whose name names no kind, without a `kind` column, is one
/// error saying how many rows, not one per row.
#[test]
fn a_log_named_for_no_kind_is_one_error() {
    let rows: String = (1..=5)
        .map(|d| format!("2026-01-0{d}T09:00:00+08:00,R1,S1,审计\n"))
        .collect();
    let r = Case::with(HELD, &rec("R1", &[]))
        .file(
            "logs/2025/查阅登记.csv",
            &format!("at,record,actor,purpose\n{rows}"),
        )
        .run();
    assert_eq!(r.exit, 2, "{}", r.dump());
    let kinds: Vec<String> = r
        .error_lines()
        .into_iter()
        .filter(|m| m.contains("unknown event kind"))
        .collect();
    assert_eq!(kinds.len(), 1, "{kinds:?}");
    assert!(
        kinds[0].starts_with("logs/2025/查阅登记.csv:2: "),
        "{kinds:?}"
    );
    assert!(
        kinds[0].contains("5 rows of this file, here the first"),
        "{kinds:?}"
    );
}

/// M3: a date-formatted cell whose number is no day Excel shows is quoted
/// as the number and what Excel shows, not as a day calamine made of it.
#[test]
fn an_odd_date_cell_is_quoted_as_it_is_held_and_shown() {
    for (number, said) in [
        (
            1e308,
            "holds the number 1e308 in a date format, which Excel shows as `######`",
        ),
        (
            -1.0,
            "holds the number -1 in a date format, which Excel shows as `######`",
        ),
        (
            0.0,
            "holds the number 0 in a date format, which Excel shows as `1900/1/0`",
        ),
    ] {
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        let header: Vec<&str> = INVENTORY_HEADER.trim_end().split(',').collect();
        let row = rec("R1", &[("class", "sensitive")]);
        let cells: Vec<&str> = row.trim_end().split(',').collect();
        let opened = header.iter().position(|h| *h == "opened").expect("opened") as u16;
        for (c, (h, v)) in header.iter().zip(&cells).enumerate() {
            ws.write_string(0, c as u16, *h).expect("in range");
            if !v.is_empty() {
                ws.write_string(1, c as u16, *v).expect("in range");
            }
        }
        let dated = Format::new().set_num_format("yyyy/m/d h:mm");
        ws.write_number_with_format(1, opened, number, &dated)
            .expect("in range");
        let bytes = wb.save_to_buffer().expect("written");
        let r = Case::with(common::NOT_GENERAL, "")
            .without("inventory.csv")
            .bytes("inventory.xlsx", &bytes)
            .run();
        assert_eq!(r.exit, 2, "{number}: {}", r.dump());
        assert!(
            r.error_messages()[0].contains(said),
            "{number}: {:?}",
            r.error_messages()
        );
        assert!(
            !r.error_messages()[0].contains("1899"),
            "{:?}",
            r.error_messages()
        );
    }
}
