//! Excel error values saved as text (hostile review, 2026-12-05). A
//! workbook cell holding `#N/A` is an input error, but the CSV Excel saves
//! from the same sheet holds the text `#N/A`, which was read as a value:
//! `王芳;#N/A` counted two witnesses and a `purpose` of `#REF!` was set, so
//! the run passed. Such a cell is now an input error in every format
//! (docs/inputs-and-reports.md, "Excel errors").

mod common;

use common::{rec, Case, TWO_WITNESSES};

fn destroyed() -> String {
    rec("R1", &[("subject", "s"), ("status", "destroyed")])
}

/// Each error value, in a list item, in a scalar and in a JSONL string, is
/// an input error naming it; the row is left out and the run exits 2.
#[test]
fn an_excel_error_in_a_csv_or_jsonl_cell_is_an_input_error() {
    for error in [
        "#N/A", "#REF!", "#DIV/0!", "#VALUE!", "#NAME?", "#n/a", " #NUM! ",
    ] {
        let csv = format!(
            "record,at,method,place,witnesses\nR1,2026-01-01 10:00,shred,B1,王芳;{error}\n"
        );
        let r = Case::with(TWO_WITNESSES, &destroyed())
            .file("logs/destruction.csv", &csv)
            .run();
        let errors = r.input_errors();
        assert_eq!(errors.len(), 1, "{error}: {}", r.dump());
        let message = errors[0]["message"].as_str().unwrap_or("");
        assert!(message.contains("Excel error #"), "{error}: {message}");
        assert_eq!(errors[0]["field"], "witnesses", "{}", r.dump());
        assert_eq!(r.exit, 2, "{error}: {}", r.dump());
    }
    let scalar = "record,at,method,place,witnesses\nR1,2026-01-01 10:00,#REF!,B1,王芳;刘洋\n";
    let r = Case::with(TWO_WITNESSES, &destroyed())
        .file("logs/destruction.csv", scalar)
        .run();
    assert_eq!(r.input_errors()[0]["field"], "method", "{}", r.dump());
    assert_eq!(r.exit, 2);
    let jsonl = "{\"record\":\"R1\",\"at\":\"2026-01-01T10:00:00Z\",\"method\":\"shred\",\"place\":\"B1\",\"witnesses\":[\"王芳\",\"#N/A\"]}\n";
    let r = Case::with(TWO_WITNESSES, &destroyed())
        .file("logs/destruction.jsonl", jsonl)
        .run();
    assert_eq!(r.input_errors()[0]["field"], "witnesses", "{}", r.dump());
    assert_eq!(r.exit, 2);
}

/// A text that only starts like one (`#N/A note`, `#1`) is a value.
#[test]
fn text_that_only_starts_like_an_excel_error_is_a_value() {
    let csv = "record,at,method,place,witnesses\nR1,2026-01-01 10:00,shred,#1,王芳;#N/A note\n";
    let r = Case::with(TWO_WITNESSES, &destroyed())
        .file("logs/destruction.csv", csv)
        .run();
    assert!(r.input_errors().is_empty(), "{}", r.dump());
    assert!(r.of("two_witnesses").is_empty(), "{}", r.dump());
    assert_eq!(r.exit, 0, "{}", r.dump());
}
