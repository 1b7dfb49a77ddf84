//! A date whose year is before 1900 (hostile review, 2026-12-07): Python's
//! and pandas' `%Y` write the two-digit year of `24-03-01` as
//! `0024-03-01`, which was read as the year 24, so every retention period
//! looked long expired and an early destruction passed. It is an input
//! error at its cell, in every format a date is typed from text
//! (docs/inputs-and-reports.md, *Dates before 1900*).

mod common;

use common::{custodia_in, rec, Case, Run};

const RULES: &str = r#"
rule young {
  title "No record was created before 2021"
  cite "none"
  for record r
  require r.created >= 2021-01-01 else "{r.id} is old"
}
"#;

const REFUSED: &str = "the year 0024 is before 1900, no year of a company's records: it looks like a two-digit year written out in full (`24-03-01` exported as `0024-03-01`, as Python and pandas write it); write the full year (`2024-03-01`), or leave the cell empty";

/// The input errors of a run as (line, column, field, value, message).
fn errors(r: &Run) -> Vec<(u64, Option<u64>, String, String, String)> {
    let text = |e: &serde_json::Value, k: &str| e[k].as_str().unwrap_or("").to_string();
    r.input_errors()
        .iter()
        .map(|e| {
            (
                e["line"].as_u64().unwrap_or(0),
                e["column"].as_u64(),
                text(e, "field"),
                text(e, "value"),
                text(e, "message"),
            )
        })
        .collect()
}

#[test]
fn a_year_written_out_from_two_digits_is_an_input_error_at_its_cell() {
    let rows = rec("R-1", &[("created", "0024-03-01")]);
    let r = Case::with(RULES, &rows).run();
    assert_eq!(r.exit, 2, "{}", r.dump());
    assert_eq!(
        errors(&r),
        [(
            2,
            Some(6),
            "created".to_string(),
            "0024-03-01".to_string(),
            REFUSED.to_string()
        )],
        "{}",
        r.dump()
    );
    assert_eq!(r.input_errors()[0]["file"], "inventory.csv");
}

#[test]
fn the_last_day_of_1899_is_refused_and_the_first_of_1900_read() {
    let rows = format!(
        "{}{}",
        rec("R-1", &[("created", "1899-12-31")]),
        rec("R-2", &[("created", "1900-01-01")])
    );
    let r = Case::with(RULES, &rows).run();
    let e = errors(&r);
    assert_eq!(e.len(), 1, "{}", r.dump());
    assert_eq!(
        (e[0].0, e[0].1, e[0].3.as_str()),
        (2, Some(6), "1899-12-31")
    );
    assert!(
        e[0].4.starts_with("the year 1899 is before 1900"),
        "{}",
        e[0].4
    );
    assert_eq!(r.ids("young"), ["R-2"], "{}", r.dump());
}

#[test]
fn the_date_of_a_datetime_before_1900_is_refused() {
    let rows = format!(
        "{}{}{}",
        rec("R-1", &[("opened", "0024-03-01 09:30")]),
        rec("R-2", &[("opened", "1899-12-31T23:59:59+08:00")]),
        rec("R-3", &[("opened", "1900-01-01 00:00")]),
    );
    let r = Case::with(RULES, &rows).tz("Asia/Shanghai").run();
    let e = errors(&r);
    let at: Vec<_> = e.iter().map(|e| (e.0, e.1, e.2.as_str())).collect();
    assert_eq!(
        at,
        [(2, Some(13), "opened"), (3, Some(13), "opened")],
        "{}",
        r.dump()
    );
    assert!(
        e[0].4.starts_with("the year 0024 is before 1900"),
        "{}",
        e[0].4
    );
    assert!(
        e[1].4.starts_with("the year 1899 is before 1900"),
        "{}",
        e[1].4
    );
}

#[test]
fn jsonl_and_yaml_dates_before_1900_are_refused_too() {
    for (file, body) in [
        ("inventory.jsonl", "{\"id\": \"R-1\", \"title\": \"t\", \"class\": \"general\", \"created\": \"0024-03-01\", \"status\": \"active\"}\n"),
        ("inventory.yaml", "- {id: R-1, title: t, class: general, created: \"0024-03-01\", status: active}\n"),
    ] {
        let r = Case::with(RULES, "").without("inventory.csv").file(file, body).run();
        assert_eq!(r.exit, 2, "{file}: {}", r.dump());
        // The other fields the standard schema requires may be missing.
        let e: Vec<_> = errors(&r).into_iter().filter(|e| e.2 == "created").collect();
        assert_eq!(e.len(), 1, "{file}: {}", r.dump());
        assert_eq!(e[0].4, REFUSED, "{file}");
    }
}

#[test]
fn the_message_is_in_chinese_too() {
    let rows = rec("R-1", &[("created", "0024-03-01")]);
    let dir = Case::with(RULES, &rows).write();
    let (code, out, _) = custodia_in(dir.path(), &["check", ".", "--lang", "zh"]);
    assert_eq!(code, 2, "{out}");
    assert!(
        out.contains(
            "年份 0024 早于 1900 年，不会是公司档案的年份：看来是两位数的年份被照写成了四位\
             （Python 和 pandas 会把 `24-03-01` 导出为 `0024-03-01`）；请写出完整的年份\
             （`2024-03-01`），或将该单元格留空"
        ),
        "{out}"
    );
}
