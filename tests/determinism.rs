//! Determinism (issue 7.4): the same inputs give byte-identical reports in
//! every format across runs, and whatever order the file system lists the
//! case's files in (the same files created in opposite orders in two
//! directories).
//!
//! TODO(issues 4 and 6): `--threads` and the SARIF renderer were not on main
//! when this test was written; when they land, add `--threads 1` against the
//! default and SARIF to the loop below.

use std::path::{Path, PathBuf};

use custodia::app::{run_check, CheckOptions, Format};

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/acme-deregistration")
}

fn files_of(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read the example") {
        let p = entry.expect("entry").path();
        if p.is_dir() {
            out.extend(files_of(&p));
        } else {
            let rel = p.strip_prefix(example()).unwrap_or(&p).to_path_buf();
            out.push((rel, std::fs::read(&p).expect("read a file")));
        }
    }
    out
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

fn run(dir: &Path, format: Format) -> (String, String, u8) {
    let out = run_check(&CheckOptions {
        case: dir.to_path_buf(),
        overrides: Default::default(),
        as_of: None,
        tz: None,
        format,
        fail_on: None,
        strict: false,
        color: false,
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

#[test]
fn reports_are_byte_identical_across_runs_and_listing_orders() {
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

    for format in [Format::Json, Format::Human] {
        let first = run(forward.path(), format);
        assert_eq!(first.2, 2, "the case has input errors: {}", first.0);
        assert!(first.0.contains("R-1007"), "a real report: {}", first.0);
        for i in 0..10 {
            let dir = if i % 2 == 0 { &forward } else { &backward };
            let again = run(dir.path(), format);
            assert!(
                again == first,
                "{format:?} run {i} differs ({orders}):\n--- first\n{}\n--- again\n{}",
                first.0,
                again.0
            );
        }
    }
}
