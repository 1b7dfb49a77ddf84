//! A cell that only looks empty is empty (inputs-and-reports.md, "Empty
//! cells"): a purpose or subject holding nothing but a zero-width space
//! (U+200B), a byte-order mark (U+FEFF) or a word joiner (U+2060), pasted
//! from a web form, passed `is set`; and a repeated name in a list counted
//! twice (`王芳;王芳` were two witnesses).

mod common;

use common::xls::{labels, xls};
use common::{rec, Case, Run, INVENTORY_HEADER};

const SUBJECT_SET: &str = r#"
rule subject_recorded {
  title "Every record names its subject"
  cite "none"
  for record r
  require r.subject is set else "{r.id} has no subject"
}
rule two_tags {
  title "Every record has two tags"
  cite "none"
  for record r
  require len(r.tags) >= 2 else "{r.id} has {len(r.tags)} tag(s)"
}
"#;

/// What looks empty in an editor, and what does not.
const LOOKS_EMPTY: [&str; 6] = [
    "\u{200b}",
    "\u{feff}",
    "\u{2060}",
    "\u{ad}",
    " \u{3000}\u{200b}\u{200d} ",
    "\u{a0}\u{2060}",
];

fn ids(r: &Run, rule: &str) -> Vec<String> {
    assert!(r.input_errors().is_empty(), "{}", r.dump());
    r.ids(rule)
}

#[test]
fn a_csv_cell_of_invisible_characters_is_not_set() {
    let rows: String = LOOKS_EMPTY
        .iter()
        .enumerate()
        .map(|(i, s)| rec(&format!("R{i}"), &[("subject", s), ("tags", "a;b")]))
        .chain([rec("R9", &[("subject", "无"), ("tags", "a;b")])])
        .collect();
    let r = Case::with(SUBJECT_SET, &rows).run();
    // `无` in an optional field stands for nothing: read as missing, with
    // a note (Decision 2026-12-05; it passed `is set`, as the packs'
    // `require a.purpose is set` did).
    assert_eq!(
        ids(&r, "subject_recorded"),
        ["R0", "R1", "R2", "R3", "R4", "R5", "R9"]
    );
}

#[test]
fn a_workbook_cell_of_invisible_characters_is_not_set() {
    let rows = format!(
        "{INVENTORY_HEADER}{}{}",
        rec("R1", &[("subject", "\u{200b}"), ("tags", "a;b")]),
        rec("R2", &[("subject", "\u{feff}\u{3000}"), ("tags", "a;b")])
    );
    let r = Case::with(SUBJECT_SET, "")
        .without("inventory.csv")
        .bytes("inventory.xls", &xls(&[("目录", labels(&rows))]))
        .run();
    assert_eq!(ids(&r, "subject_recorded"), ["R1", "R2"]);
}

#[test]
fn invisible_and_repeated_list_items_do_not_count() {
    let rows: String = [
        rec("R1", &[("subject", "s"), ("tags", "a;\u{200b}")]),
        rec("R2", &[("subject", "s"), ("tags", "a;a")]),
        rec("R3", &[("subject", "s"), ("tags", "a; \u{feff}a\u{200b} ")]),
        rec("R4", &[("subject", "s"), ("tags", "a;b;a")]),
    ]
    .concat();
    let r = Case::with(SUBJECT_SET, &rows).run();
    assert_eq!(ids(&r, "two_tags"), ["R1", "R2", "R3"]);
    let flagged = r.of("two_tags");
    assert!(
        flagged[1]["message"]
            .as_str()
            .unwrap_or("")
            .contains("R2 has 1 tag(s)"),
        "{}",
        r.dump()
    );
}

#[test]
fn jsonl_witnesses_that_only_look_like_two_are_one() {
    let rule = r#"
rule two_witnesses {
  title "Two witnesses"
  cite "none"
  for destruction d
  require len(d.witnesses) >= 2 else "{d.record} had {len(d.witnesses)} witness(es)"
}
"#;
    let line = |record: &str, witnesses: &str| {
        format!(
            "{{\"record\":\"{record}\",\"at\":\"2026-01-01T00:00:00Z\",\"method\":\"shred\",\"place\":\"B1\",\"witnesses\":{witnesses}}}\n"
        )
    };
    let log = [
        line("R1", "[\"王芳\",\"\\u200b\"]"),
        line("R2", "[\"王芳\",\"王芳\"]"),
        line("R3", "[\"王芳\",\"\u{feff}\"]"),
        line("R4", "[\"王芳\",\"李强\"]"),
    ]
    .concat();
    let rows: String = ["R1", "R2", "R3", "R4"]
        .iter()
        .map(|id| {
            rec(
                id,
                &[("subject", "s"), ("tags", "a;b"), ("status", "destroyed")],
            )
        })
        .collect();
    let r = Case::with(rule, &rows)
        .file("logs/destruction.jsonl", &log)
        .run();
    let flagged: Vec<String> = r
        .of("two_witnesses")
        .iter()
        .map(|v| v["message"].as_str().unwrap_or("").to_string())
        .collect();
    assert!(r.input_errors().is_empty(), "{}", r.dump());
    assert_eq!(
        flagged,
        [
            "R1 had 1 witness(es)",
            "R2 had 1 witness(es)",
            "R3 had 1 witness(es)"
        ],
        "{}",
        r.dump()
    );
}

/// Hostile review, 2026-12-06: a two-character name padded with a
/// full-width space to line up with three-character ones (`王　芳`), or a
/// Latin name in another case, was a second witness beside `王芳`. Names
/// in a list of text are kept once as a reader sees them: whitespace
/// inside and ASCII case aside; other names stay two.
#[test]
fn names_that_differ_only_in_inner_spaces_or_case_are_one_witness() {
    let witnesses = [
        ("R1", "王芳;王\u{3000}芳"),
        ("R2", "王芳;王 芳"),
        ("R3", "Wang Fang;wang fang"),
        ("R4", "王芳;王\u{200b}芳"),
        ("R5", "王芳;王芳芳"),
        ("R6", "王芳;李强"),
        // A signature mark after a name is the same person.
        ("R7", "王芳（签）;王芳"),
        ("R8", "王芳(签字);王 芳【已签】"),
        ("R9", "王芳（签）;李强（签）"),
        // A signature mark without a name is no witness (a placeholder).
        ("R10", "王芳;（签）"),
        // Written right after the name, without brackets, too.
        ("R11", "王芳 签字;王芳"),
        // A mark alone, without brackets, is no witness either.
        ("R12", "王芳;签字"),
        // What else a register writes around a name (third hostile review).
        ("R13", "王芳;王芳√"),
        ("R14", "王芳;签字：王芳"),
        ("R15", "王芳;监销人王芳"),
        ("R16", "王芳;王芳（签名盖章）"),
        ("R17", "王芳;监销人"),
        // A cross may say the person did not sign: two items.
        ("R18", "王芳;王芳✗"),
        // Traditional characters, and a role in brackets (2026-12-07).
        ("R19", "陈静;陳靜"),
        ("R20", "王芳;王芳（档案员）"),
        // Signed for by someone else: two items.
        ("R21", "王芳;王芳（李强代）"),
    ];
    let log: String = witnesses
        .iter()
        .map(|(id, w)| format!("{id},2026-01-01 10:00,shred,B1,{w}\n"))
        .collect();
    let rows: String = witnesses
        .iter()
        .map(|(id, _)| {
            rec(
                id,
                &[("subject", "s"), ("tags", "a;b"), ("status", "destroyed")],
            )
        })
        .collect();
    let r = Case::with(common::TWO_WITNESSES, &rows)
        .file(
            "logs/destruction.csv",
            &format!("record,at,method,place,witnesses\n{log}"),
        )
        .run();
    // The destructions have no id: each is named by its line.
    // Listed in text order (`:11` before `:2`).
    let mut flagged = [2, 3, 4, 5, 8, 9, 11, 12, 13, 14, 15, 16, 17, 18, 20, 21]
        .map(|l| format!("logs/destruction.csv:{l}"));
    flagged.sort();
    assert_eq!(ids(&r, "two_witnesses"), flagged.to_vec());
}
