//! A stray pair of quotes in a CSV file (docs/security.md, "Limits";
//! docs/inputs-and-reports.md, "Input errors"): the rows between them
//! were read as one cell of the row the first opens in, and the check
//! passed without them (exit 0, COMPLIANT, "access 1 row"). A quoted field
//! whose lines read as rows of the file is now an input error, by
//! convention and through a mapping; a remark over several lines is read.
//! Every case runs the built binary, as a user would.

mod common;

use std::path::Path;

use common::custodia_in;

const SCHEMA: &str = "schema {
  record { id: id  personal_info: bool }
  event access { record: ref record  actor: ref staff  purpose: text? }
  table staff { id: id  may_read_pii: bool }
}
access pii_read_by_authorized {
  severity error
  for access a where a.record.personal_info
  require a.actor.may_read_pii
}
";

/// S-06 may not read personal information, and reads R-1 on line 3.
const ROWS: [&str; 3] = [
    "2026-02-03T14:20:00+08:00,R-1,S-01,客户资料整理",
    "2026-02-10T16:45:00+08:00,R-1,S-06,客户回访",
    "2026-02-20T10:00:00+08:00,R-1,S-01,复核",
];

/// The access log of the report: `header`, then the rows with a quote
/// opening the first row's last cell and one closing the last row's.
fn quoted(header: &str) -> String {
    let (head, cell) = ROWS[0].rsplit_once(',').expect("a comma");
    format!("{header}\n{head},\"{cell}\n{}\n{}\"\n", ROWS[1], ROWS[2])
}

/// A case of the report's files, the access log `access` read by
/// convention (`mapped` false) or as `查阅.csv` through a mapping.
fn case(access: &str, mapped: bool) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let w = |p: &str, t: &str| {
        let path = dir.path().join(p);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
        std::fs::write(path, t).expect("write");
    };
    w("policies/rules.policy", SCHEMA);
    w("inventory.csv", "id,personal_info\nR-1,true\n");
    w(
        "tables/staff.csv",
        "id,may_read_pii\nS-01,true\nS-06,false\n",
    );
    let mut manifest = String::from("time_zone: Asia/Shanghai\nas_of: 2026-11-27\npacks: []\n");
    if mapped {
        w("查阅.csv", access);
        manifest.push_str(
            "logs:\n  - file: 查阅.csv\n    kind: access\n    columns: { at: 查阅时间, record: 档案号, actor: 查阅人, purpose: 查阅事由 }\n",
        );
    } else {
        w("logs/access.csv", access);
    }
    w("custodia.yaml", &manifest);
    dir
}

/// (exit status, the input-error lines, the verdict) of `check .`.
fn check(dir: &Path, lang: &str) -> (i32, Vec<String>, String) {
    let (code, out, err) = custodia_in(
        dir,
        &["check", ".", "--lang", lang, common::ACCEPT_OWN_SCHEMA],
    );
    let errors = out
        .lines()
        .filter(|l| l.starts_with("input error: ") || l.starts_with("输入错误："))
        .map(String::from)
        .collect();
    let verdict = out
        .lines()
        .find(|l| l.starts_with("verdict: ") || l.starts_with("结论："))
        .unwrap_or_else(|| panic!("no verdict:\n{out}\n{err}"));
    // The verdict, without what may follow it (`; no rule applied ...`).
    let verdict = verdict
        .split([';', '；'])
        .next()
        .unwrap_or(verdict)
        .to_string();
    (code, errors, verdict)
}

const EN_HEADER: &str = "at,record,actor,purpose";
const ZH_HEADER: &str = "查阅时间,档案号,查阅人,查阅事由";

#[test]
fn rows_inside_a_stray_pair_of_quotes_never_pass() {
    // The same rows without the quotes: S-06's read is a violation.
    let plain = case(&format!("{EN_HEADER}\n{}\n", ROWS.join("\n")), false);
    let (code, errors, verdict) = check(plain.path(), "en");
    assert_eq!((code, errors.len()), (1, 0), "{errors:?}");
    assert_eq!(verdict, "verdict: NOT COMPLIANT");

    let stray = case(&quoted(EN_HEADER), false);
    let (code, errors, verdict) = check(stray.path(), "en");
    assert_eq!(code, 2, "{errors:?}");
    assert_eq!(verdict, "verdict: INCOMPLETE");
    assert_eq!(
        errors,
        [
            "input error: logs/access.csv:2:4: the quoted field starting here runs on to \
          line 4, and lines 3-4 inside it read as rows of this file (as many fields as \
          the header, or their first two shaped like this row's): was a quote (`\"`) opened \
          here, or closed on line 4, by mistake? this row and the lines it holds were not \
          read"
        ]
    );
    let (code, errors, verdict) = check(stray.path(), "zh");
    assert_eq!(code, 2);
    assert_eq!(verdict, "结论：检查不完整");
    assert_eq!(
        errors,
        [
            "输入错误：logs/access.csv:2:4：此处开始的带引号字段直到第 4 行才闭合，其中第 3 至 4 \
          行看起来是被并入此字段的数据行（字段数与表头列数相同，或前两个值的格式与此行相同）：\
          此处的引号（`\"`）或第 4 行闭合它的引号是否误加？该行及其包含的各行均未读取"
        ]
    );
}

/// An access log that leaves an empty last field out: the swallowed rows
/// are short of the header's width, and still never pass (they start with a
/// time and a record, as the row holding them does).
#[test]
fn short_rows_inside_a_stray_pair_of_quotes_never_pass() {
    let short = |row: &str| row.rsplit_once(',').expect("a comma").0.to_string();
    let (head, cell) = ROWS[0].rsplit_once(',').expect("a comma");
    for (header, mapped) in [(EN_HEADER, false), (ZH_HEADER, true)] {
        let access = format!(
            "{header}\n{head},\"{cell}\n{}\n{}\"\n",
            short(ROWS[1]),
            short(ROWS[2])
        );
        let dir = case(&access, mapped);
        let (code, errors, verdict) = check(dir.path(), "en");
        assert_eq!(code, 2, "{errors:?}");
        assert_eq!(verdict, "verdict: INCOMPLETE");
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].contains(":2:4: the quoted field"), "{errors:?}");
        assert!(errors[0].contains("lines 3-4 inside it"), "{errors:?}");
    }
}

/// A file read through `file:` and `columns:` is read by the same reader.
#[test]
fn a_mapped_file_with_a_stray_pair_of_quotes_never_passes() {
    let plain = case(&format!("{ZH_HEADER}\n{}\n", ROWS.join("\n")), true);
    let (code, errors, verdict) = check(plain.path(), "en");
    assert_eq!((code, errors.len()), (1, 0), "{errors:?}");
    assert_eq!(verdict, "verdict: NOT COMPLIANT");

    let stray = case(&quoted(ZH_HEADER), true);
    let (code, errors, verdict) = check(stray.path(), "en");
    assert_eq!(code, 2, "{errors:?}");
    assert_eq!(verdict, "verdict: INCOMPLETE");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with("input error: 查阅.csv:2:4: the quoted field starting here")
            && errors[0].contains("lines 3-4 inside it"),
        "{errors:?}"
    );
}

/// Two quotes put into the shipped example's access register: its rows 4
/// to 6 were one, and pii_access_authorized lost a violation with them.
#[test]
fn two_quotes_in_the_company_exports_make_the_check_incomplete() {
    let dir = tempfile::tempdir().expect("tempdir");
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/company-exports");
    for file in common::files_under(&example) {
        let to = dir
            .path()
            .join(file.strip_prefix(&example).expect("inside the example"));
        std::fs::create_dir_all(to.parent().expect("a parent")).expect("mkdir");
        std::fs::copy(&file, &to).expect("copy");
    }
    let register = dir.path().join("查阅登记.csv");
    let text = std::fs::read_to_string(&register).expect("UTF-8");
    // Saved by Excel: CRLF line ends, which a quoted cell keeps.
    let text = text
        .replacen("王芳,客户资料整理\r\n", "王芳,\"客户资料整理\r\n", 1)
        .replacen("周敏,客户资料整理\r\n", "周敏,客户资料整理\"\r\n", 1);
    assert_eq!(text.matches('"').count(), 2, "the example's rows moved");
    std::fs::write(&register, text).expect("write");
    let (code, errors, verdict) = check(dir.path(), "en");
    assert_eq!(code, 2, "{errors:?}");
    assert_eq!(verdict, "verdict: INCOMPLETE");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with("input error: 查阅登记.csv:4:4:")
            && errors[0].contains("lines 5-6 inside it"),
        "{errors:?}"
    );
}

/// A remark over several lines, one of them holding a comma, is a cell as
/// before: its lines do not read as rows (fewer fields than the header).
#[test]
fn a_remark_over_several_lines_is_still_read() {
    for (header, mapped) in [(EN_HEADER, false), (ZH_HEADER, true)] {
        let remark = "\"客户资料整理，第一批\n第二批, 见附件\n\n完成\"";
        let (head, _) = ROWS[0].rsplit_once(',').expect("a comma");
        let access = format!("{header}\n{head},{remark}\n{}\n{}\n", ROWS[1], ROWS[2]);
        let dir = case(&access, mapped);
        let (code, errors, verdict) = check(dir.path(), "en");
        assert_eq!((code, errors.len()), (1, 0), "{errors:?}");
        assert_eq!(verdict, "verdict: NOT COMPLIANT");
        let (_, out, _) = custodia_in(dir.path(), &["check", ".", "--summary-only"]);
        let listed = out
            .lines()
            .find(|l| l.trim_start().starts_with("access "))
            .unwrap_or_else(|| panic!("access not listed:\n{out}"));
        assert!(listed.contains(" 3 rows "), "{listed}");
    }
}
