//! A text or enum field's default is the value of every row that leaves the
//! field out (hostile review, 2026-12-05). It was stored as absent, since a
//! text column keeps interned symbols only: `grade: one of "low", "high" =
//! "high"` read as missing, the rule over high-grade records had no
//! subject, and a held high-grade record passed as COMPLIANT beside a note
//! saying every row was read with `grade = "high"`.

mod common;

use common::Case;

const SCHEMA: &str = r#"
schema {
  record {
    id: id
    title: text
    grade: one of "low", "high" = "high"
    keeper: text = "档案室"
    hold: bool = true
  }
}
"#;

const RULES: &str = r#"
rule high_grade_not_held {
  title "A high-grade record is not held"
  cite "none"
  for record r where r.grade == "high"
  require r.hold == false else "{r.id} ({r.grade}) is held"
}
rule kept_by_the_archive {
  title "The archive keeps every record"
  cite "none"
  for record r
  require r.keeper != "档案室" else "{r.id} is kept by {r.keeper}"
}
"#;

fn case(file: &str, inventory: &str) -> Case {
    Case::new()
        .file("policies/schema.policy", SCHEMA)
        .file("policies/rules.policy", RULES)
        .file("custodia.yaml", "packs: []\n")
        .file(file, inventory)
}

#[test]
fn a_text_or_enum_default_is_the_value_of_rows_that_leave_it_out() {
    for (file, inventory) in [
        // The key absent from the object.
        ("inventory.jsonl", "{\"id\": \"R-1\", \"title\": \"a\"}\n"),
        // The column absent from the file.
        ("inventory.csv", "id,title\nR-1,a\n"),
        // The cell empty.
        ("inventory.csv", "id,title,grade,keeper\nR-1,a,,\n"),
        ("inventory.yaml", "- {id: R-1, title: a, grade: null}\n"),
    ] {
        let run = case(file, inventory).run();
        assert_eq!(run.exit, 1, "{file}: {}", run.dump());
        assert_eq!(run.ids("high_grade_not_held"), ["R-1"], "{file}");
        assert_eq!(run.ids("kept_by_the_archive"), ["R-1"], "{file}");
        let messages: Vec<&str> = run
            .violations()
            .iter()
            .map(|v| v["message"].as_str().unwrap_or(""))
            .collect();
        assert!(messages.contains(&"R-1 (high) is held"), "{messages:?}");
        assert!(messages.contains(&"R-1 is kept by 档案室"), "{messages:?}");
    }
    // A value written is the value, not the default.
    let run = case("inventory.csv", "id,title,grade,keeper\nR-1,a,low,张三\n").run();
    assert_eq!(run.exit, 0, "{}", run.dump());
}

/// A policy test's `given` object goes through the same conversion: a test
/// expecting the default to make the rule fail failed to fail.
#[test]
fn a_given_object_takes_the_text_and_enum_defaults() {
    let dir = tempfile::tempdir().expect("tempdir");
    let policy = format!(
        "{SCHEMA}{RULES}\ntest \"the default grade is high\" {{\n  given record {{ id: \"R-1\", title: \"a\" }}\n  expect high_grade_not_held fails for \"R-1\"\n  expect kept_by_the_archive fails for \"R-1\"\n}}\n"
    );
    std::fs::write(dir.path().join("p.policy"), policy).expect("write");
    let (status, out, err) = common::custodia_in(dir.path(), &["test", "p.policy"]);
    assert_eq!(status, 0, "{out}{err}");
    assert!(out.contains("1 passed, 0 failed"), "{out}");
}
