//! Determinism (issue 7.4): the same inputs give byte-identical reports in
//! every format across runs, whatever the number of threads (`--threads 1`,
//! 2 and the default), whatever order the file system lists the case's files
//! in (the same files created in opposite orders in two directories), and
//! whatever size of piece the loader cuts large CSV/JSONL files into.

use std::path::{Path, PathBuf};

mod common;

use common::{rec, Case};
use custodia::cli::app::{run_check, CheckOptions, Format, ScaleOptions};

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/acme-deregistration")
}

fn files_of(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    common::files_under(dir)
        .into_iter()
        .map(|p| {
            let rel = p.strip_prefix(example()).unwrap_or(&p).to_path_buf();
            (rel, std::fs::read(&p).expect("read a file"))
        })
        .collect()
}

/// The example, plus input errors and notes in several files so that their
/// order is exercised too.
fn case_files() -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = files_of(&example());
    for (path, extra) in [
        (
            "logs/zz_more.jsonl",
            "{\"at\": \"2026-13-01T00:00:00+08:00\", \"record\": \"R-1001\"}\nnot json\n",
        ),
        (
            "logs/aa_more.csv",
            "at,record,actor,purpose,extra\n2026-02-30 10:00,R-1001,S-01,x,y\n",
        ),
        (
            "logs/mm_unknown.csv",
            "at,record\n2026-01-01 10:00,R-1001\n",
        ),
    ] {
        files.push((PathBuf::from(path), extra.as_bytes().to_vec()));
    }
    files
}

/// Writes the files in the given order, each folder created on first use.
fn write_case(files: &[(PathBuf, Vec<u8>)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for (rel, bytes) in files {
        let p = dir.path().join(rel);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(&p, bytes).expect("write");
    }
    dir
}

/// How a run uses the machine: threads (`None` = one per core), the
/// loader's piece size (`None` = 1 MiB) and the window a large file is read
/// in (`None` = 4 MiB a thread); none may change a report.
#[derive(Clone, Copy, Debug)]
struct Machine {
    threads: Option<usize>,
    piece_bytes: Option<usize>,
    window_bytes: Option<usize>,
}

const DEFAULT: Machine = Machine {
    threads: None,
    piece_bytes: None,
    window_bytes: None,
};

fn run(dir: &Path, format: Format, machine: Machine) -> (String, String, u8) {
    let out = run_check(&CheckOptions {
        case: dir.to_path_buf(),
        overrides: Default::default(),
        as_of: None,
        tz: None,
        format,
        fail_on: None,
        strict: false,
        color: false,
        scale: ScaleOptions {
            threads: machine.threads,
            piece_bytes: machine.piece_bytes,
            window_bytes: machine.window_bytes,
            ..Default::default()
        },
        ..Default::default()
    });
    (out.output, out.errors, out.exit)
}

/// Listing order as the file system gives it, to show the two copies differ
/// on disk where the file system keeps creation order.
fn listing(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir.join("logs"))
        .expect("logs")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect()
}

/// `--threads 1`, 2 and the default, in turn.
fn threads_of_run(i: usize) -> Machine {
    Machine {
        threads: [None, Some(1), Some(2)][i % 3],
        ..DEFAULT
    }
}

#[test]
fn reports_are_byte_identical_across_runs_threads_and_listing_orders() {
    let mut files = case_files();
    files.sort();
    let forward = write_case(&files);
    files.reverse();
    let backward = write_case(&files);
    // Not asserted (a file system may sort its listings), only shown on failure.
    let orders = format!(
        "forward lists {:?}, backward lists {:?}",
        listing(forward.path()),
        listing(backward.path())
    );

    for format in [Format::Json, Format::Sarif, Format::Human] {
        let first = run(forward.path(), format, DEFAULT);
        assert_eq!(first.2, 2, "the case has input errors: {}", first.0);
        assert!(first.0.contains("R-1007"), "a real report: {}", first.0);
        for i in 0..10 {
            let dir = if i % 2 == 0 { &forward } else { &backward };
            let machine = threads_of_run(i);
            let again = run(dir.path(), format, machine);
            assert!(
                again == first,
                "{format:?} run {i} with {machine:?} differs ({orders}):\n--- first\n{}\n--- again\n{}",
                first.0,
                again.0
            );
        }
    }
}

/// What the piece test's files hold that its asserts need.
struct Planted {
    case: Case,
    /// Per file: loaded datetimes without an offset, and the first line.
    naive: Vec<(&'static str, u64, u32)>,
    /// The CSV log whose quote never closes, and the line it opens on.
    open_quote: (&'static str, u32),
    /// The CSV log whose stray pair of quotes holds whole rows, and the
    /// line of the row the pair opens in.
    stray_quotes: (&'static str, u32),
}

/// A case with no time zone whose inventory and logs are cut into many
/// pieces by a small piece size: datetimes with and without an offset,
/// quoted fields with newlines (a cut must not fall inside one), more bad
/// inventory rows than the errors kept per file (read errors and value
/// errors interleaved), and a quote left open near the end of a log.
fn planted() -> Planted {
    let rules = "rule titled {\n  for record r\n  require r.title is set\n}\n";
    // Inventory: every third row has a bad date, every third too few
    // fields; 1200 errors, over the 1000 kept.
    let (mut inventory, mut inv_naive, mut inv_first) = (String::new(), 0u64, None);
    for i in 0..1800u32 {
        let id = format!("R-{i}");
        let line = i + 2;
        match i % 3 {
            0 => inventory.push_str(&rec(&id, &[("created", "2026-13-01")])),
            1 => inventory.push_str(&format!("{id},short row\n")),
            _ if i % 2 == 0 => {
                inventory.push_str(&rec(&id, &[("opened", "2026-03-01 09:30")]));
                inv_naive += 1;
                inv_first.get_or_insert(line);
            }
            _ => inventory.push_str(&rec(&id, &[("opened", "2026-03-01T09:30:00+08:00")])),
        }
    }
    // Access log: a datetime without offset on every third row; every
    // seventh row's purpose is quoted over two lines.
    let mut access = String::from("at,record,actor,purpose\n");
    let (mut line, mut acc_naive, mut acc_first) = (2u32, 0u64, None);
    for i in 0..600u32 {
        let at = if i % 3 == 2 {
            acc_naive += 1;
            acc_first.get_or_insert(line);
            "2026-02-12 10:00".to_string()
        } else {
            "2026-02-12T10:00:00+08:00".to_string()
        };
        let purpose = if i % 7 == 0 {
            line += 1;
            "\"audit,\nsecond line\"".to_string()
        } else {
            "audit".to_string()
        };
        access.push_str(&format!("{at},R-{},S1,{purpose}\n", 3 * i + 2));
        line += 1;
    }
    // Destruction log: JSONL, a datetime without offset on every fourth line.
    let (mut destruction, mut des_naive, mut des_first) = (String::new(), 0u64, None);
    for i in 0..300u32 {
        let at = if i % 4 == 1 {
            des_naive += 1;
            des_first.get_or_insert(i + 1);
            "2026-05-20T14:00:00"
        } else {
            "2026-05-20T14:00:00Z"
        };
        destruction.push_str(&format!(
            "{{\"at\": \"{at}\", \"record\": \"R-{}\", \"method\": \"shred\", \"place\": \"x\", \"witnesses\": [\"a\"]}}\n",
            3 * i + 2
        ));
    }
    // A log with a short row, then a quote that never closes 200 lines on.
    let mut open =
        String::from("kind,at,record,actor\naccess,2026-01-01T10:00:00Z,R-2,S1\naccess,x,y\n");
    for _ in 0..200 {
        open.push_str("access,2026-01-01T10:00:00Z,R-2,S1\n");
    }
    let open_line = 204;
    open.push_str("access,\"2026-01-01T10:00:00Z,R-2,S1\n");
    for _ in 0..50 {
        open.push_str("access,2026-01-01T10:00:00Z,R-2,S1\n");
    }
    // A log whose rows 61 to 63 (lines 63 to 65) a stray pair of quotes
    // opened in row 60 makes one cell: wherever the cut, one error.
    let mut stray = String::from("kind,at,record,actor\n");
    for i in 0..150 {
        let actor = match i {
            60 => "\"S1",
            63 => "S1\"",
            _ => "S1",
        };
        stray.push_str(&format!("access,2026-01-01T10:00:00Z,R-2,{actor}\n"));
    }
    let expect = |first: Option<u32>| first.expect("the generator planted one");
    let (recovered_csv, recovered_jsonl) = recovered_rows();
    Planted {
        case: Case::with(rules, &inventory)
            .file("logs/access.csv", &access)
            .file("logs/destruction.jsonl", &destruction)
            .file("logs/open.csv", &open)
            .file("logs/stray.csv", &stray)
            .bytes("logs/recovered.csv", &recovered_csv)
            .bytes("logs/recovered.jsonl", &recovered_jsonl),
        naive: vec![
            ("inventory.csv", inv_naive, expect(inv_first)),
            ("logs/access.csv", acc_naive, expect(acc_first)),
            ("logs/destruction.jsonl", des_naive, expect(des_first)),
        ],
        open_quote: ("logs/open.csv", open_line),
        stray_quotes: ("logs/stray.csv", 62),
    }
}

/// Logs whose problems cost single rows (issue 12): a byte that is not
/// UTF-8 every fifth row (once inside a quoted field over two lines), line
/// ends mixing LF, CRLF and lone CR, and a near-miss column (`Purpse`) that
/// the rows without `purpose` make an input error. Any cut gives the same.
fn recovered_rows() -> (Vec<u8>, Vec<u8>) {
    let ends: [&[u8]; 3] = [b"\n", b"\r\n", b"\r"];
    let mut csv = b"kind,at,record,actor,Purpse\r".to_vec();
    let mut jsonl = Vec::new();
    for i in 0..400usize {
        let bad: &[u8] = if i % 5 == 3 { b"\xff" } else { b"" };
        let purpose: &[u8] = if i % 11 == 0 {
            b"\"two\nlines\xfe\""
        } else {
            b"audit"
        };
        csv.extend_from_slice(format!("access,2026-01-01T10:00:00Z,R-{i}").as_bytes());
        csv.extend_from_slice(bad);
        csv.extend_from_slice(b",S1,");
        csv.extend_from_slice(purpose);
        csv.extend_from_slice(ends[i % 3]);
        let purpose = if i % 2 == 0 {
            "\"purpose\": \"x\", "
        } else {
            ""
        };
        jsonl.extend_from_slice(
            format!("{{\"kind\": \"access\", {purpose}\"Purpse\": \"y\", \"at\": \"2026-01-01T10:00:00Z\", \"record\": \"R-{i}")
                .as_bytes(),
        );
        jsonl.extend_from_slice(bad);
        jsonl.extend_from_slice(b"\", \"actor\": \"S1\"}");
        jsonl.extend_from_slice(ends[(i + 1) % 3]);
    }
    (csv, jsonl)
}

#[test]
fn reports_are_the_same_whatever_the_piece_cut() {
    let planted = planted();
    let dir = planted.case.write();
    let (first, _, exit) = run(dir.path(), Format::Json, DEFAULT);
    assert_eq!(exit, 2, "{first}");
    let report: serde_json::Value = serde_json::from_str(&first).expect("a JSON report");

    // What every cut must reproduce: the naive-datetime note of each file...
    let notes = report["notes"].as_array().expect("notes");
    for (file, count, line) in &planted.naive {
        let wanted = format!(
            "{count} datetime(s) without an offset (first on line {line}) were read in UTC because the case sets no time zone"
        );
        assert!(
            notes.iter().any(|n| n["file"] == *file
                && n["message"]
                    .as_str()
                    .is_some_and(|m| m.starts_with(&wanted))),
            "no note `{wanted}` for {file}: {notes:?}"
        );
    }
    // ...one error for the open quote, the short row before it kept...
    let errors = report["input_errors"].as_array().expect("input errors");
    let (open_file, open_line) = planted.open_quote;
    let of_open: Vec<_> = errors
        .iter()
        .filter(|e| e["file"] == open_file)
        .map(|e| (e["line"].as_u64(), e["message"].as_str().unwrap_or("")))
        .collect();
    assert_eq!(
        of_open,
        [
            (Some(3), "this row has 3 fields but the header has 4"),
            (
                Some(u64::from(open_line)),
                "a quote opened on this line is never closed"
            ),
        ]
    );
    // ...one error for the rows a stray pair of quotes holds...
    let (stray_file, stray_line) = planted.stray_quotes;
    let of_stray: Vec<_> = errors
        .iter()
        .filter(|e| e["file"] == stray_file)
        .map(|e| (e["line"].as_u64(), e["column"].as_u64()))
        .collect();
    assert_eq!(of_stray, [(Some(u64::from(stray_line)), Some(4))]);
    assert!(errors.iter().any(|e| e["file"] == stray_file
        && e["message"]
            .as_str()
            .is_some_and(|m| m.contains("lines 63-65 inside it"))));
    // ...a row left out per bad byte, and the near-miss column once...
    for file in ["logs/recovered.csv", "logs/recovered.jsonl"] {
        let of_file = |needle: &str| {
            errors
                .iter()
                .filter(|e| {
                    e["file"] == file && e["message"].as_str().is_some_and(|m| m.contains(needle))
                })
                .count()
        };
        assert_eq!(
            of_file("not valid UTF-8"),
            80 + usize::from(file.ends_with("csv")) * 30,
            "{file}"
        );
        assert_eq!(of_file("did you mean `purpose`?"), 1, "{file}");
    }
    // ...and the first 1000 of the inventory's 1200 errors by line.
    let kept = errors.iter().filter(|e| e["file"] == "inventory.csv");
    let last_kept = kept.filter_map(|e| e["line"].as_u64()).max();
    // Rows 3k and 3k+1 are bad (lines 3k+2, 3k+3): the 1000th is on 1500.
    assert_eq!(last_kept, Some(1500), "the first 1000 errors by line");

    // Files over the window are read window by window (`data/stream.rs`);
    // a window smaller than a piece grows until it holds one.
    let cuts = [Some(1), Some(64), Some(1000), Some(10_000)]
        .map(|piece_bytes| (piece_bytes, None))
        .into_iter()
        .chain([
            (None, Some(100)),
            (Some(64), Some(100)),
            (Some(300), Some(5000)),
        ]);
    for (piece_bytes, window_bytes) in cuts {
        for threads in [Some(1), Some(2), None] {
            let machine = Machine {
                threads,
                piece_bytes,
                window_bytes,
            };
            for format in [Format::Json, Format::Human] {
                let (reference, ..) = if format == Format::Json {
                    (first.clone(), String::new(), exit)
                } else {
                    run(dir.path(), format, DEFAULT)
                };
                let again = run(dir.path(), format, machine);
                assert!(
                    again.0 == reference && again.2 == exit,
                    "{format:?} with {machine:?} differs from one 1 MiB piece:\n--- one piece\n{reference}\n--- cut\n{}",
                    again.0
                );
            }
        }
    }
}

/// The note is there only because no zone was named: with one, the same
/// datetimes are read in it and nothing is said.
#[test]
fn no_naive_datetime_note_when_the_case_names_a_zone() {
    let run = planted().case.tz("Asia/Shanghai").run();
    assert!(
        !run.notes().iter().any(|n| n["message"]
            .as_str()
            .is_some_and(|m| m.contains("read in UTC"))),
        "{:?}",
        run.notes()
    );
}

/// The company's own exports, plus a log of two kinds told apart by a
/// column (two entries with `where:`, one with `skip:`), rows no entry
/// reads, a bad date, a name not on the roster, and a JSONL log whose
/// later lines bring a key the first ones lack.
fn mapped_case() -> tempfile::TempDir {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/company-exports");
    let mut files: Vec<(PathBuf, Vec<u8>)> = common::files_under(&example)
        .into_iter()
        .map(|p| {
            let rel = p.strip_prefix(&example).expect("under the example");
            (rel.to_path_buf(), std::fs::read(&p).expect("read a file"))
        })
        .collect();
    let mut ops = String::from("类型,时间,档案号,人员,事由,方式,地点,监销人\n");
    let mut archive = String::new();
    for i in 0..300 {
        let record = format!("R-10{:02}", i % 20);
        let (kind, who) = match i % 10 {
            3 => ("销毁", "陈静"),
            7 => ("作废", "王芳"),
            9 if i % 50 == 9 => ("借阅", "王芳"),
            _ => ("查阅", ["李强", "王芳", "孙悦"][i % 3]),
        };
        let day = 1 + i % 28;
        let at = match i {
            41 => "2026/2/30 10:00".to_string(),
            _ => format!("2026/3/{day} 10:{:02}", i % 60),
        };
        let who = if i == 122 { "赵六" } else { who };
        let (method, witnesses) = match kind {
            "销毁" => ("粉碎", "王芳、李强"),
            _ => ("", ""),
        };
        ops.push_str(&format!(
            "{kind},{at},{record},{who},\"核对, 第{i}次\",{method},档案室,{witnesses}\n"
        ));
        let remark = if i > 200 {
            format!(", \"备注\": \"补录{i}\"")
        } else {
            String::new()
        };
        archive.push_str(&format!(
            "{{\"时间\": \"2026-04-{day:02}T09:00:00+08:00\", \"档案号\": \"{record}\", \"人员\": \"S-02\", \"事由\": \"抽查{i}\"{remark}}}\n"
        ));
    }
    files.push((PathBuf::from("操作记录.csv"), ops.into_bytes()));
    files.push((PathBuf::from("查阅归档.jsonl"), archive.into_bytes()));
    let manifest = files
        .iter_mut()
        .find(|(p, _)| p == Path::new("custodia.yaml"))
        .expect("the example's custodia.yaml");
    let mut text = String::from_utf8(manifest.1.clone()).expect("UTF-8");
    let logs = "\nlogs:\n";
    let at = text.find(logs).expect("a logs: list") + logs.len();
    text.insert_str(
        at,
        "  - file: 操作记录.csv
    kind: access
    where: { 类型: 查阅 }
    skip: { 类型: 作废 }
    columns:
      at: 时间
      record: 档案号
      actor: { column: 人员, lookup: staff.name }
      purpose: 事由
  - file: 操作记录.csv
    kind: destruction
    where: { 类型: 销毁 }
    columns:
      at: 时间
      record: 档案号
      method: { column: 方式, values: { 粉碎: shred } }
      place: 地点
      witnesses: { column: 监销人, separator: 、 }
      approved_by: { column: 人员, lookup: staff.name }
  - file: 查阅归档.jsonl
    kind: access
    columns: { at: 时间, record: 档案号, actor: 人员, purpose: 事由 }
",
    );
    manifest.1 = text.into_bytes();
    write_case(&files)
}

/// A mapped source is read a piece at a time (`mapping::rows::Rows`):
/// where its text is cut, and how many threads convert it, changes no
/// report, its input errors and notes included.
#[test]
fn mapped_sources_read_the_same_whatever_the_cut() {
    let dir = mapped_case();
    let (reference, _, exit) = run(dir.path(), Format::Json, DEFAULT);
    let report: serde_json::Value = serde_json::from_str(&reference).expect("a JSON report");
    let errors = report["input_errors"].as_array().expect("input errors");
    let said = |needle: &str| {
        errors
            .iter()
            .filter(|e| e["message"].as_str().is_some_and(|m| m.contains(needle)))
            .count()
    };
    // Not vacuous: the rows the test planted are read, and its errors said.
    assert_eq!(exit, 2, "input errors: {errors:#?}");
    assert_eq!(said("are read by no entry"), 1, "{errors:#?}");
    assert_eq!(said("赵六"), 0, "a name is personal: {errors:#?}");
    let lines = |file: &str| {
        let mut l: Vec<u64> = errors
            .iter()
            .filter(|e| e["file"] == file)
            .filter_map(|e| e["line"].as_u64())
            .collect();
        l.sort();
        l
    };
    assert_eq!(lines("操作记录.csv"), [43, 124], "{errors:#?}");
    let events = report["summary"]["events"].as_u64().expect("events");
    for piece_bytes in [Some(1), Some(64), Some(1000), None] {
        for threads in [Some(1), Some(2), None] {
            let machine = Machine {
                threads,
                piece_bytes,
                window_bytes: None,
            };
            let again = run(dir.path(), Format::Json, machine);
            assert!(
                again.0 == reference && again.2 == exit,
                "{machine:?} differs from one 1 MiB piece:\n--- one piece\n{reference}\n--- cut\n{}",
                again.0
            );
        }
    }
    assert!(events > 500, "{events} events read");
}

/// A CSV whose last row has no line break after it (an export cut short)
/// gives the same input error, at the same line, whether it is read whole
/// or window by window in pieces: only the file's last piece can end so.
#[test]
fn a_cut_last_row_is_the_same_error_whatever_the_cut() {
    let rules = "rule titled {\n  for record r\n  require r.title is set\n}\n";
    let mut inventory = String::new();
    for i in 0..300u32 {
        inventory.push_str(&rec(&format!("R-{i}"), &[]));
    }
    let inventory = inventory.trim_end().to_string();
    let case = Case::with(rules, &inventory);
    let dir = case.write();
    let (first, _, exit) = run(dir.path(), Format::Json, DEFAULT);
    assert_eq!(exit, 2, "{first}");
    let report: serde_json::Value = serde_json::from_str(&first).expect("JSON");
    let errors = report["input_errors"].as_array().expect("errors");
    assert_eq!(errors.len(), 1, "{first}");
    assert_eq!(errors[0]["line"], 301);
    assert!(errors[0]["message"]
        .as_str()
        .unwrap_or("")
        .contains("cut short"));
    for (piece_bytes, window_bytes) in [(Some(64), None), (Some(64), Some(100)), (None, Some(500))]
    {
        for threads in [Some(1), Some(2)] {
            let machine = Machine {
                threads,
                piece_bytes,
                window_bytes,
            };
            let again = run(dir.path(), Format::Json, machine);
            assert!(
                again.0 == first && again.2 == 2,
                "{machine:?}:\n{}",
                again.0
            );
        }
    }
}
