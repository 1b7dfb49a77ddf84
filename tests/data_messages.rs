//! Input errors of database and Parquet sources in Chinese (`--lang zh`),
//! beside the English: the cases `tests/bad_inputs/zh_*` cannot build (a
//! SQLite file, a Parquet file). The catalogue's `## Input data
//! (src/data)` section, docs/reports.md "Languages".

mod common;

use std::path::Path;

use common::custodia_in;

/// A copy of the small clean case of `tests/bad_inputs/_base` without its
/// inventory file, with `manifest` as its custodia.yaml.
fn base_case(manifest: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temp dir");
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad_inputs/_base");
    for file in common::files_under(&base) {
        let rel = file.strip_prefix(&base).expect("inside the base");
        if rel == Path::new("inventory.csv") {
            continue;
        }
        let to = dir.path().join(rel);
        std::fs::create_dir_all(to.parent().expect("a parent")).expect("mkdir");
        std::fs::copy(&file, &to).expect("copy a base file");
    }
    std::fs::write(dir.path().join("custodia.yaml"), manifest).expect("write the manifest");
    dir
}

/// A SQLite file with one table `案卷目录` of records.
fn archive_db(path: &Path) {
    let conn = rusqlite::Connection::open(path).expect("create a SQLite file");
    conn.execute_batch(
        "CREATE TABLE 案卷目录 (id TEXT PRIMARY KEY, title TEXT, class TEXT, created TEXT, status TEXT);
         INSERT INTO 案卷目录 VALUES ('R-1', '劳动合同', 'general', '2021-01-10', 'active');",
    )
    .expect("fill the table");
}

/// The input-error lines of a `check` run in `lang`, and its exit status.
fn input_errors(dir: &Path, lang: &str) -> (i32, String) {
    let (code, out, err) = custodia_in(dir, &["check", ".", "--lang", lang]);
    let errors: Vec<&str> = out
        .lines()
        .chain(err.lines())
        .filter(|l| l.starts_with("input error: ") || l.starts_with("输入错误："))
        .collect();
    (code, errors.join("\n"))
}

const HEAD: &str = "time_zone: Asia/Shanghai\nas_of: 2026-11-27\n";

#[test]
fn database_errors_in_chinese_and_english() {
    let cases = [
        (
            "missing_table",
            "inventory:\n  url: sqlite://archive.db\n  table: 案卷目\n",
        ),
        (
            "not_a_select",
            "inventory:\n  url: sqlite://archive.db\n  query: DELETE FROM 案卷目录\n",
        ),
        (
            "missing_column",
            "inventory:\n  url: sqlite://archive.db\n  query: SELECT id, title AS titel, class, created, status FROM 案卷目录\n",
        ),
        (
            "no_file",
            "inventory:\n  url: sqlite://missing.db\n  table: 案卷目录\n",
        ),
    ];
    for (name, entry) in cases {
        let dir = base_case(&format!("{HEAD}{entry}"));
        archive_db(&dir.path().join("archive.db"));
        for lang in ["en", "zh"] {
            let (code, errors) = input_errors(dir.path(), lang);
            assert_eq!(code, 2, "{name} {lang}: {errors}");
            assert!(!errors.is_empty(), "{name} {lang}: no input error");
            insta::assert_snapshot!(format!("db_{name}_{lang}"), errors);
        }
    }
}

/// A `.parquet` log: without the `parquet` feature it is an input error
/// saying how to build one that reads it; with it, a file that is not
/// Parquet is one. Both in Chinese.
#[test]
fn a_parquet_input_error_in_chinese() {
    let dir = base_case(HEAD);
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad_inputs/_base/inventory.csv"),
        dir.path().join("inventory.csv"),
    )
    .expect("copy the inventory");
    std::fs::write(dir.path().join("logs/backup.parquet"), "not parquet").expect("write");
    let (code, errors) = input_errors(dir.path(), "zh");
    assert_eq!(code, 2, "{errors}");
    let expected = if cfg!(feature = "parquet") {
        "输入错误：logs/backup.parquet：无法作为 Parquet 文件读取："
    } else {
        "输入错误：logs/backup.parquet：此 custodia 构建时未包含 Parquet 支持（cargo 特性 `parquet`）：请用 `--features parquet` 构建，或将文件导出为 CSV 或 JSONL；该文件未读取"
    };
    assert!(errors.contains(expected), "{errors}");
}

/// A workbook holding `sheets` (name, CSV text), every cell as text.
fn workbook(sheets: &[(&str, &str)]) -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    for (name, csv) in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(*name).expect("a valid sheet name");
        for (r, line) in csv.lines().enumerate() {
            for (c, cell) in line.split(',').enumerate().filter(|(_, c)| !c.is_empty()) {
                ws.write_string(r as u32, c as u16, cell)
                    .expect("a cell in range");
            }
        }
    }
    wb.save_to_buffer().expect("the workbook is written")
}

/// The base case's inventory rows, and its header.
fn base_inventory() -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad_inputs/_base/inventory.csv"),
    )
    .expect("read the base inventory")
}

/// Workbook errors in Chinese: a second sheet holding rows while none was
/// named (`workbook.rs`), and a data row above `header_row` (`excel.rs`,
/// `loader.rs`); English beside them.
#[test]
fn workbook_errors_in_chinese_and_english() {
    let rows = base_inventory();
    let (header, body) = rows.split_once('\n').expect("a header");
    let (first, rest) = body.split_once('\n').expect("rows");
    let second_sheet = format!("{header}\n{first}\n");
    let above = format!("{first}\n资料清单\n{header}\n{rest}");
    let cases = [
        (
            "second_sheet",
            HEAD.to_string(),
            workbook(&[("2025", &rows), ("2026", &second_sheet)]),
        ),
        (
            "row_above_header",
            format!("{HEAD}inventory:\n  file: inventory.xlsx\n  header_row: 3\n"),
            workbook(&[("目录", &above)]),
        ),
    ];
    for (name, manifest, bytes) in cases {
        let dir = base_case(&manifest);
        std::fs::write(dir.path().join("inventory.xlsx"), bytes).expect("write the workbook");
        for lang in ["en", "zh"] {
            let (code, errors) = input_errors(dir.path(), lang);
            assert_eq!(code, 2, "{name} {lang}: {errors}");
            insta::assert_snapshot!(format!("workbook_{name}_{lang}"), errors);
        }
    }
}

/// A source entry of custodia.yaml that names its files twice
/// (`source.rs`): the error in Chinese, at its place in the manifest.
#[test]
fn a_bad_source_entry_in_chinese() {
    let dir = base_case(&format!(
        "{HEAD}inventory:\n  file: inventory.csv\n  files: [inventory.csv]\n"
    ));
    let (code, out, err) = custodia_in(dir.path(), &["check", ".", "--lang", "zh"]);
    assert_eq!(code, 2, "{out}{err}");
    let text = format!("{out}{err}");
    assert!(
        text.contains("数据来源只能用 `file` 或 `files` 之一列出文件，不能两者都写"),
        "{text}"
    );
    assert!(text.contains("custodia.yaml"), "{text}");
}
