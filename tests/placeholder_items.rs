//! Placeholder items in lists (hostile review, 2026-12-05): a destruction
//! witnessed by `王芳;无` (or `王芳;-`, `["王芳", "N/A"]`) counted two
//! witnesses, and `len(d.witnesses) >= 2` passed. An item of a list of
//! text, ids, refs or enum values that is a word standing for "nothing" is
//! no item: it is dropped, and a note says how many were, per file and
//! column (docs/inputs-and-reports.md, "placeholder list items").

mod common;

use common::xls::{labels, xls};
use common::{rec, Case, Run, TWO_WITNESSES};

/// Records R1..Rn, destroyed.
fn destroyed(n: usize) -> String {
    (1..=n)
        .map(|i| {
            rec(
                &format!("R{i}"),
                &[("subject", "s"), ("tags", "a;b"), ("status", "destroyed")],
            )
        })
        .collect()
}

/// The messages of the rule's findings, in record order.
fn flagged(r: &Run) -> Vec<String> {
    assert!(r.input_errors().is_empty(), "{}", r.dump());
    r.of("two_witnesses")
        .iter()
        .map(|v| v["message"].as_str().unwrap_or("").to_string())
        .collect()
}

/// The notes of the run, as `file: message`.
fn notes(r: &Run) -> Vec<String> {
    r.notes()
        .iter()
        .map(|n| {
            let file = n["file"].as_str().unwrap_or("");
            format!("{file}: {}", n["message"].as_str().unwrap_or(""))
        })
        .collect()
}

const WORDS: [&str; 18] = [
    "无", "没有", "暂无", "空", "无人", "不详", "-", "--", "—", "/", "N/A", "NA", "n/a", "none",
    "NULL", "Nil", " 无 ", "None",
];

/// One destruction witnessed by `王芳;WORD` per word, then one by `王芳;NAME`:
/// every word's row is flagged with one witness, the name's row is not,
/// and the run fails.
fn each_word_beside_a_name(words: &[&str], name: &str) -> Run {
    let n = words.len();
    let log: String = words
        .iter()
        .chain([&name])
        .enumerate()
        .map(|(i, w)| format!("R{},2026-01-01 10:00,shred,B1,王芳;{w}\n", i + 1))
        .collect();
    let r = Case::with(TWO_WITNESSES, &destroyed(n + 1))
        .file(
            "logs/destruction.csv",
            &format!("record,at,method,place,witnesses\n{log}"),
        )
        .run();
    let mut expected: Vec<String> = (1..=n).map(|i| format!("R{i} had 1 witness(es)")).collect();
    let mut found = flagged(&r);
    expected.sort();
    found.sort();
    assert_eq!(found, expected, "{}", r.dump());
    assert_eq!(r.exit, 1, "{}", r.dump());
    r
}

#[test]
fn a_csv_list_item_standing_for_nothing_is_dropped() {
    let r = each_word_beside_a_name(&WORDS, "李强");
    let notes = notes(&r);
    assert!(
        notes.iter().any(|n| n
            .starts_with("logs/destruction.csv: 18 items of column `witnesses` stand for nothing")
            && n.contains("first on line 2")),
        "{notes:?}"
    );
}

#[test]
fn a_list_of_nothing_but_a_placeholder_is_empty() {
    let r = Case::with(TWO_WITNESSES, &destroyed(2))
        .file(
            "logs/destruction.csv",
            "record,at,method,place,witnesses\nR1,2026-01-01 10:00,shred,B1,无\nR2,2026-01-01 10:00,shred,B1,-;/\n",
        )
        .run();
    assert_eq!(
        flagged(&r),
        ["R1 had 0 witness(es)", "R2 had 0 witness(es)"],
        "{}",
        r.dump()
    );
}

#[test]
fn json_jsonl_and_yaml_arrays_drop_placeholders_too() {
    let jsonl = "{\"record\":\"R1\",\"at\":\"2026-01-01T00:00:00Z\",\"method\":\"shred\",\"place\":\"B1\",\"witnesses\":[\"王芳\",\"无\"]}\n\
                 {\"record\":\"R2\",\"at\":\"2026-01-01T00:00:00Z\",\"method\":\"shred\",\"place\":\"B1\",\"witnesses\":[\"王芳\",\" N/A \"]}\n";
    let json = "[{\"record\":\"R1\",\"at\":\"2026-01-01T00:00:00Z\",\"method\":\"shred\",\"place\":\"B1\",\"witnesses\":[\"王芳\",\"-\"]}]";
    let yaml = "- {record: R1, at: \"2026-01-01T00:00:00Z\", method: shred, place: B1, witnesses: [王芳, 暂无]}\n";
    for (file, text, n) in [
        ("logs/destruction.jsonl", jsonl, 2),
        ("logs/destruction.json", json, 1),
        ("logs/destruction.yaml", yaml, 1),
    ] {
        let r = Case::with(TWO_WITNESSES, &destroyed(n))
            .file(file, text)
            .run();
        let expected: Vec<String> = (1..=n).map(|i| format!("R{i} had 1 witness(es)")).collect();
        assert_eq!(flagged(&r), expected, "{file}: {}", r.dump());
        let said = match n {
            1 => format!("{file}: 1 item of column `witnesses` stands for nothing"),
            _ => format!("{file}: {n} items of column `witnesses` stand for nothing"),
        };
        assert!(
            notes(&r).iter().any(|m| m.starts_with(&said)),
            "{file}: {:?}",
            notes(&r)
        );
    }
}

#[test]
fn a_workbook_and_a_mapped_file_drop_placeholders_too() {
    let sheet = labels("record,at,method,place,witnesses\nR1,2026-01-01 10:00,shred,B1,王芳;无\n");
    let r = Case::with(TWO_WITNESSES, &destroyed(1))
        .bytes("logs/destruction.xls", &xls(&[("清册", sheet)]))
        .run();
    assert_eq!(flagged(&r), ["R1 had 1 witness(es)"], "{}", r.dump());
    // Mapped, items split at `、` and looked up by name: `无` is no name
    // to look up, and the note names the file's column.
    let manifest = "packs: []\nlogs:\n  - file: 销毁清册.csv\n    kind: destruction\n    columns:\n      record: 档号\n      at: 日期\n      method: { column: 方式, values: { 粉碎: shred } }\n      place: 地点\n      witnesses: { column: 监销人, separator: 、, lookup: staff.name }\n";
    let r = Case::with(TWO_WITNESSES, &destroyed(2))
        .file("custodia.yaml", manifest)
        .file(
            "销毁清册.csv",
            "档号,日期,方式,地点,监销人\nR1,2026-01-01 10:00,粉碎,B1,王五、无\nR2,2026-01-01 10:00,粉碎,B1,王五、Li Lei\n",
        )
        .run();
    assert_eq!(flagged(&r), ["R1 had 1 witness(es)"], "{}", r.dump());
    let notes = notes(&r);
    assert!(
        notes
            .iter()
            .any(|n| n.starts_with("销毁清册.csv: 1 item of column `监销人` stands for nothing")),
        "{notes:?}"
    );
}

/// A cell of an optional text or ref field holding only such a word is
/// missing (hostile review, 2026-12-05): an access whose purpose was `无`
/// passed the packs' `require a.purpose is set`, a loan whose borrower
/// was `N/A` their `a.borrower is set`. It was kept as a value on
/// purpose ("custodia does not guess"), but in an optional field the word
/// can only say the field is empty. A note counts the cells. A required
/// field keeps the word as its value (its column is never blank).
#[test]
fn a_scalar_placeholder_in_an_optional_field_is_missing_and_a_name_is_no_placeholder() {
    let rule = "rule purpose {\n  title \"t\"\n  cite \"none\"\n  for access a\n  require a.purpose is set else \"{a.record} {a.at}\"\n}\n";
    let r = Case::with(rule, &rec("R1", &[("subject", "s"), ("tags", "a;b")]))
        .file(
            "logs/access.csv",
            "record,actor,at,purpose\nR1,S1,2026-01-01 10:00,无\nR1,S1,2026-01-02 10:00,Ｎ／Ａ\nR1,S1,2026-01-03 10:00,查账\n",
        )
        .run();
    assert!(r.input_errors().is_empty(), "{}", r.dump());
    assert_eq!(r.of("purpose").len(), 2, "{}", r.dump());
    assert_eq!(r.exit, 1, "{}", r.dump());
    assert!(
        notes(&r).iter().any(|n| n.starts_with(
            "logs/access.csv: 2 cells of column `purpose` hold only a word standing for nothing (first on line 2)"
        )),
        "{}",
        r.dump()
    );
    // JSON Lines too.
    let r = Case::with(rule, &rec("R1", &[("subject", "s"), ("tags", "a;b")]))
        .file(
            "logs/access.jsonl",
            "{\"record\": \"R1\", \"actor\": \"S1\", \"at\": \"2026-01-01 10:00\", \"purpose\": \"none\"}\n",
        )
        .run();
    assert_eq!(r.of("purpose").len(), 1, "{}", r.dump());
    // A required field keeps the word: `place` of `无` is no error.
    let r = Case::with(TWO_WITNESSES, &destroyed(1))
        .file(
            "logs/destruction.csv",
            "record,at,method,place,witnesses\nR1,2026-01-01 10:00,shred,无,王芳;李强\n",
        )
        .run();
    assert!(flagged(&r).is_empty(), "{}", r.dump());
    // `无名氏` or `Nina` holds a placeholder's letters but is another word.
    let r = Case::with(TWO_WITNESSES, &destroyed(1))
        .file(
            "logs/destruction.csv",
            "record,at,method,place,witnesses\nR1,2026-01-01 10:00,shred,B1,无名氏;Nina\n",
        )
        .run();
    assert!(flagged(&r).is_empty(), "{}", r.dump());
    assert!(
        !notes(&r).iter().any(|n| n.contains("stand")),
        "{}",
        r.dump()
    );
}

#[test]
fn a_database_result_drops_placeholders_too() {
    let case = Case::with(TWO_WITNESSES, &destroyed(2)).file(
        "custodia.yaml",
        "packs: []\nlogs:\n  - { url: \"sqlite://archive.db\", table: destruction, kind: destruction }\n",
    );
    let dir = case.write();
    let conn = rusqlite::Connection::open(dir.path().join("archive.db")).expect("create");
    conn.execute_batch(
        "CREATE TABLE destruction (record TEXT, at TEXT, method TEXT, place TEXT, witnesses TEXT);\n\
         INSERT INTO destruction VALUES ('R1', '2026-01-01 10:00', 'shred', 'B1', '王芳;无');\n\
         INSERT INTO destruction VALUES ('R2', '2026-01-01 10:00', 'shred', 'B1', '王芳;李强');",
    )
    .expect("fill");
    drop(conn);
    let (_, out, err) = common::custodia_in(dir.path(), &["check", ".", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&out).expect(&err);
    let text = report.to_string();
    assert!(text.contains("R1 had 1 witness(es)"), "{text}");
    assert!(!text.contains("R2 had"), "{text}");
    assert!(
        text.contains("1 item of column `witnesses` stands for nothing"),
        "{text}"
    );
}

/// The Spark script reads lists from the data custodia stages (a list is
/// never read in place): the placeholder is gone there too.
#[test]
fn the_spark_stage_holds_the_list_without_the_placeholder() {
    let case = Case::with(TWO_WITNESSES, &destroyed(1)).file(
        "logs/destruction.csv",
        "record,at,method,place,witnesses\nR1,2026-01-01 10:00,shred,B1,王芳;无\n",
    );
    let dir = case.write();
    let stage = dir.path().join("stage");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_custodia"))
        .args(["compile", "--target", "spark-sql", "--output"])
        .arg(dir.path().join("case.sql"))
        .arg("--stage")
        .arg(&stage)
        .arg(dir.path())
        .output()
        .expect("custodia runs");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let staged: String = std::fs::read_dir(&stage)
        .expect("the stage")
        .filter_map(Result::ok)
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .collect();
    assert!(staged.contains(r#""witnesses":["王芳"]"#), "{staged}");
}

/// Full-width and other dash forms of the words (hostile review,
/// 2026-12-05): a Chinese input method types `－`, `／`, `ＮＡ`, `Ｎ／Ａ`;
/// Word and Excel turn `-` into `–`. `王芳;－` counted two witnesses and
/// `len(d.witnesses) >= 2` passed. They stand for nothing as the ASCII
/// words do, and so do the traditional forms (`無`, `不詳`); a name that
/// holds such characters is still a name.
#[test]
fn full_width_and_dash_forms_of_the_words_stand_for_nothing() {
    let words = [
        "－",
        "／",
        "ＮＡ",
        "ｎａ",
        "Ｎ／Ａ",
        "ＮＯＮＥ",
        "ｎｕｌｌ",
        "–",
        "―",
        "−",
        "－－",
        "無",
        "不詳",
        "沒有",
    ];
    let r = each_word_beside_a_name(&words, "Ｎａｎａ");
    assert!(
        notes(&r)
            .iter()
            .any(|n| n.starts_with("logs/destruction.csv: 14 items of column `witnesses`")),
        "{}",
        r.dump()
    );
}

/// Words for "unknown" or "still to come" (hostile review, 2026-12-06):
/// a paper register writes `？`, `未知`, `待定` or `…` where a witness did
/// not sign, and `王芳、？` counted two witnesses, the run COMPLIANT. They
/// stand for nothing too; a name starting with the same character is a
/// name.
#[test]
fn words_for_unknown_or_to_come_stand_for_nothing() {
    let words = [
        "？",
        "?",
        "???",
        "未知",
        "不明",
        "待定",
        "待补",
        "未签",
        "未签字",
        "未簽字",
        "略",
        "＊",
        "*",
        "…",
        "……",
    ];
    let r = each_word_beside_a_name(&words, "未央");
    assert!(
        notes(&r)
            .iter()
            .any(|n| n.starts_with("logs/destruction.csv: 15 items of column `witnesses`")),
        "{}",
        r.dump()
    );
}

/// Words saying the value was not filled in or is elsewhere, and a word
/// for nothing in punctuation, or punctuation alone (hostile review h19):
/// `王芳、同上`, `王芳、（无）` and `王芳、。` were two witnesses, and a
/// purpose of `无。`, `见备注` or `TBD` a registered one. They stand for
/// nothing; a name in brackets, or starting as a word does, is a name.
#[test]
fn words_for_not_filled_in_and_punctuation_around_nothing_stand_for_nothing() {
    let words = [
        "未填",
        "未填写",
        "未登记",
        "未記錄",
        "同上",
        "〃",
        "见附件",
        "詳見附件",
        "见备注",
        "TBD",
        "tbc",
        "无。",
        "（无）",
        "(N/A)",
        "“无”",
        "【待定】",
        "无.",
        "。",
        "...",
        "、",
        "？？",
    ];
    let r = each_word_beside_a_name(&words, "见云");
    assert!(
        notes(&r)
            .iter()
            .any(|n| n.starts_with("logs/destruction.csv: 21 items of column `witnesses`")),
        "{}",
        r.dump()
    );
    // In an optional field, the cell is missing; a value in brackets is kept.
    let rule = "rule purpose {\n  title \"t\"\n  cite \"none\"\n  for access a\n  require a.purpose is set else \"{a.record} {a.at}\"\n}\n";
    let cells = ["无。", "（无）", "见备注", "TBD", "。", "同上", "(查账)"];
    let log: String = (cells.iter().enumerate())
        .map(|(i, c)| format!("R1,S1,2026-01-{:02} 10:00,{c}\n", i + 1))
        .collect();
    let r = Case::with(rule, &rec("R1", &[("subject", "s"), ("tags", "a;b")]))
        .file(
            "logs/access.csv",
            &format!("record,actor,at,purpose\n{log}"),
        )
        .run();
    assert!(r.input_errors().is_empty(), "{}", r.dump());
    assert_eq!(r.of("purpose").len(), 6, "{}", r.dump());
}

/// A CSV list cell split at `、` or `，` (hostile review, 2026-12-07):
/// `赵磊、王芳` was one witness whom no name matched, and a rule that the
/// approver witnessed nothing passed. Such an item is an input error at
/// its cell, in a workbook too; one at an item's end is punctuation
/// (`王芳、`), and a mapping naming the separator reads the cell.
#[test]
fn a_list_item_holding_a_chinese_comma_is_an_input_error() {
    let log = |cell: &str| {
        format!("record,at,method,place,witnesses\nR1,2026-01-01 10:00,shred,B1,{cell}\n")
    };
    for (cell, sep) in [
        ("赵磊、王芳", "、"),
        ("\"赵磊，王芳\"", "，"),
        ("李强;赵磊、王芳", "、"),
    ] {
        let r = Case::with(TWO_WITNESSES, &destroyed(1))
            .file("logs/destruction.csv", &log(cell))
            .run();
        assert_eq!(r.exit, 2, "{}", r.dump());
        let errors = r.error_lines();
        assert_eq!(errors.len(), 1, "{}", r.dump());
        assert!(
            errors[0].starts_with("logs/destruction.csv:2: ")
                && errors[0].contains(&format!("a list item holds `{sep}`")),
            "{errors:?}"
        );
    }
    let sheet = labels(&log("赵磊、王芳"));
    let r = Case::with(TWO_WITNESSES, &destroyed(1))
        .bytes("logs/destruction.xls", &xls(&[("清册", sheet)]))
        .run();
    assert_eq!(r.exit, 2, "{}", r.dump());
    // Punctuation at an item's end folds as before.
    let r = Case::with(TWO_WITNESSES, &destroyed(1))
        .file("logs/destruction.csv", &log("赵磊、;王芳，"))
        .run();
    assert!(flagged(&r).is_empty(), "{}", r.dump());
    // The message in Chinese.
    let r = Case::with(TWO_WITNESSES, &destroyed(1))
        .file("logs/destruction.csv", &log("赵磊、王芳"))
        .file("custodia.yaml", "lang: zh\n")
        .run();
    insta::assert_snapshot!(r.error_lines().join("\n"), @"logs/destruction.csv:2: 列表项含有“、”：CSV 列表单元格中各项以“;”分隔（请改用“;”，或在 custodia.yaml 中为该列映射 `separator: 、`）");
}
