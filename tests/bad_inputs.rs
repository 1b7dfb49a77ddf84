//! The catalogue of bad inputs: every directory under `tests/bad_inputs/`
//! (except `_base`) is one case. The case's files are laid over a copy of
//! `_base/` (a small clean case), `custodia check .` runs on the result as a
//! separate process, and its exit status, standard output and standard error
//! are compared with `expected.snap` in the case directory.
//!
//! A case may hold a `case.txt` with lines:
//!
//! ```text
//! about: what the case is (printed at the top of the snapshot)
//! args: extra command-line flags, split at spaces
//! remove: a path of the base case to delete (repeatable)
//! generate: GENERATOR PATH (repeatable; see `generate` below)
//! ```
//!
//! Whatever the input, the run must end within [`TIME_LIMIT`], within the
//! memory of [`MEMORY_LIMIT_KB`], with exit status 0, 1 or 2 and without a
//! panic: those are asserted for every case before its snapshot. The same
//! run writes every report format with `--output` (outside the snapshot),
//! and none of them, nor stdout or stderr, may show the base case's
//! personal data.

mod common;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A bad input must never make a run hang; the slowest case (100 MB line,
/// debug build) takes a few seconds.
const TIME_LIMIT: Duration = Duration::from_secs(120);
/// Address space for one run (`ulimit -v`): far more than any case needs,
/// far less than an unbounded allocation would take.
const MEMORY_LIMIT_KB: u64 = 2 * 1024 * 1024;

/// Values of `pii` fields in `_base/`: a phone number, staff names, witnesses.
const BASE_PII: [&str; 4] = ["13800001001", "王芳", "陈静", "李强"];

fn catalogue_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad_inputs")
}

#[derive(Default)]
struct CaseSpec {
    about: String,
    args: Vec<String>,
    remove: Vec<String>,
    generate: Vec<(String, String)>,
}

fn read_spec(dir: &Path) -> CaseSpec {
    let mut spec = CaseSpec::default();
    let Ok(text) = std::fs::read_to_string(dir.join("case.txt")) else {
        return spec;
    };
    for line in text.lines() {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        match key.trim() {
            "about" => spec.about = value.to_string(),
            "args" => spec.args = value.split_whitespace().map(String::from).collect(),
            "remove" => spec.remove.push(value.to_string()),
            "generate" => {
                let (g, path) = value.split_once(' ').expect("generate: GENERATOR PATH");
                spec.generate.push((g.to_string(), path.trim().to_string()));
            }
            other => panic!("{}: unknown key `{other}` in case.txt", dir.display()),
        }
    }
    spec
}

fn copy_tree(from: &Path, to: &Path) {
    for entry in common::files_under(from) {
        let rel = entry.strip_prefix(from).expect("inside the tree");
        let name = rel.to_string_lossy();
        if name == "case.txt" || name == "expected.snap" || name.ends_with(".snap.new") {
            continue;
        }
        let target = to.join(rel);
        std::fs::create_dir_all(target.parent().expect("a file has a parent")).expect("mkdir");
        std::fs::copy(&entry, &target).expect("copy a case file");
    }
}

/// Inputs too large or too odd to commit, made at run time.
fn generate(generator: &str, path: &Path) {
    std::fs::create_dir_all(path.parent().expect("a file has a parent")).expect("mkdir");
    let write = |bytes: Vec<u8>| std::fs::write(path, bytes).expect("write a generated file");
    match generator {
        // One 100 MB line: a CSV header followed by a cell that never ends.
        "huge_line" => {
            let mut b = b"id,title,class,created,status\nR-9,".to_vec();
            b.resize(b.len() + 100 * 1024 * 1024, b'x');
            write(b);
        }
        // An array nested 100,000 levels deep.
        "deep_json" => write(format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)).into()),
        "deep_yaml" => write(format!("- {}{}\n", "[".repeat(100_000), "]".repeat(100_000)).into()),
        // A require clause of 10,000 `and`s, 10,000 parentheses, 10,000 `not`s.
        "deep_and" => write(deep_rule(&vec!["r.copies > 0"; 10_000].join(" and "))),
        "deep_parens" => write(deep_rule(&format!(
            "{}r.copies > 0{}",
            "(".repeat(10_000),
            ")".repeat(10_000)
        ))),
        "parens_300" => write(deep_rule(&format!(
            "{}r.copies > 0{}",
            "(".repeat(300),
            ")".repeat(300)
        ))),
        "deep_not" => write(deep_rule(&format!("{}r.legal_hold", "not ".repeat(10_000)))),
        "deep_list_type" => write(
            format!(
                "extend record {{ deep: {}text? }}\n",
                "list of ".repeat(10_000)
            )
            .into(),
        ),
        // A title that makes `^(a+)+$` take exponential time in a backtracking engine.
        "evil_title" => {
            let mut csv = std::fs::read_to_string(path).expect("the case has the file");
            csv.push_str(&format!(
                "R-4,{}!,general,2020-01-01,active,,,,\n",
                "a".repeat(50_000)
            ));
            write(csv.into());
        }
        // 20,000 rows with a bad date: more input errors than are kept.
        "many_bad_rows" => {
            let mut csv = String::from("id,title,class,created,status\n");
            for i in 0..20_000 {
                csv.push_str(&format!("R-{i},t,general,2026-02-30,active\n"));
            }
            write(csv.into());
        }
        // A header of 150,000 distinct column names (under 1 MiB), one row.
        "wide_header" => {
            let extra: Vec<String> = (0..150_000).map(|i| format!("{i:x}")).collect();
            let mut csv = format!("id,title,class,created,status,{}\n", extra.join(","));
            csv.push_str(&format!(
                "R-1,t,general,2020-01-01,active,{}\n",
                vec!["1"; 150_000].join(",")
            ));
            write(csv.into());
        }
        // logs/loop -> logs/loop2 -> logs/loop: a symlink cycle.
        "symlink_loop" => {
            let dir = path.parent().expect("a file has a parent");
            std::os::unix::fs::symlink(dir.join("loop_b"), dir.join("loop_a")).expect("symlink");
            std::os::unix::fs::symlink(dir.join("loop_a"), dir.join("loop_b")).expect("symlink");
            std::os::unix::fs::symlink(dir, dir.join("self")).expect("symlink");
        }
        // A symbolic link to nothing.
        "dangling_link" => {
            std::os::unix::fs::symlink(path.with_extension("gone"), path).expect("symlink")
        }
        // A FIFO: reading it would wait for a writer forever.
        "fifo" => {
            let status = Command::new("mkfifo").arg(path).status().expect("mkfifo");
            assert!(status.success(), "mkfifo {}", path.display());
        }
        // The file moved out of the case, and a link to it left in its place.
        "link_outside" => {
            let case_root = path
                .ancestors()
                .find(|a| a.ends_with("case"))
                .expect("inside the case");
            let outside = case_root
                .with_file_name("outside")
                .join(path.file_name().expect("a file name"));
            std::fs::create_dir_all(outside.parent().expect("a parent")).expect("mkdir");
            std::fs::rename(path, &outside).expect("move the file out");
            std::os::unix::fs::symlink(&outside, path).expect("symlink");
        }
        other => panic!("unknown generator `{other}`"),
    }
}

fn deep_rule(condition: &str) -> Vec<u8> {
    format!("rule deep {{\n  for record r\n  require {condition}\n}}\n").into()
}

struct RunResult {
    exit: Option<i32>,
    stdout: String,
    stderr: String,
    elapsed: Duration,
}

/// `--output FORMAT=PATH` for every format the binary writes, into `dir`.
fn every_format_into(dir: &Path) -> (Vec<String>, Vec<PathBuf>) {
    let mut args = Vec::new();
    let mut paths = Vec::new();
    for format in custodia::cli::app::Format::ALL {
        let path = dir.join(format!("report.{}", format.name()));
        args.push("--output".to_string());
        args.push(format!("{}={}", format.name(), path.display()));
        paths.push(path);
    }
    (args, paths)
}

/// Runs the binary under a memory limit and a time limit.
fn run(case_dir: &Path, args: &[String]) -> RunResult {
    let script = format!("ulimit -v {MEMORY_LIMIT_KB}; exec \"$0\" \"$@\"");
    let start = Instant::now();
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg(env!("CARGO_BIN_EXE_custodia"))
        .arg("check")
        .arg(".")
        .args(args)
        .current_dir(case_dir)
        .env("NO_COLOR", "1")
        .env_remove("RUST_BACKTRACE")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start custodia");
    let mut stdout = child.stdout.take().expect("piped");
    let mut stderr = child.stderr.take().expect("piped");
    let out_reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = stdout.read_to_end(&mut s);
        s
    });
    let err_reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = stderr.read_to_end(&mut s);
        s
    });
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break Some(status);
        }
        if start.elapsed() > TIME_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let stdout = out_reader.join().expect("reader thread");
    let stderr = err_reader.join().expect("reader thread");
    RunResult {
        exit: status.and_then(|s| s.code()),
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
        elapsed: start.elapsed(),
    }
}

/// Very long lines (a 10,000-level expression quoted in a diagnostic) are
/// cut in the snapshot, so that it stays readable; the cut is marked.
fn shorten(text: &str) -> String {
    const MAX: usize = 400;
    text.lines()
        .map(|l| {
            let n = l.chars().count();
            if n > MAX {
                let head: String = l.chars().take(MAX).collect();
                format!("{head}[… {} more characters]", n - MAX)
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn check_case(dir: &Path) -> Result<(), String> {
    let name = dir
        .file_name()
        .expect("a case has a name")
        .to_string_lossy()
        .into_owned();
    let spec = read_spec(dir);
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path().join("case");
    copy_tree(&catalogue_dir().join("_base"), &root);
    for r in &spec.remove {
        let p = root.join(r);
        if p.is_dir() {
            std::fs::remove_dir_all(&p).expect("remove a base folder");
        } else {
            std::fs::remove_file(&p).expect("remove a base file");
        }
    }
    copy_tree(dir, &root);
    for (g, path) in &spec.generate {
        generate(g, &root.join(path));
    }
    let reports = tmp.path().join("reports");
    std::fs::create_dir_all(&reports).expect("mkdir reports");
    let (output_args, report_paths) = every_format_into(&reports);
    let r = run(&root, &[spec.args.clone(), output_args].concat());
    let Some(exit) = r.exit else {
        return Err(format!(
            "{name}: no exit status after {:?} (hang, or killed by a signal)\nstderr:\n{}",
            r.elapsed,
            shorten(&r.stderr)
        ));
    };
    if !(0..=2).contains(&exit) || r.stderr.contains("panicked") || r.stderr.contains("overflow") {
        return Err(format!(
            "{name}: exit {exit}\nstderr:\n{}",
            shorten(&r.stderr)
        ));
    }
    // The base case's personal data (`pii` fields) shows on no error path,
    // in no format (a run stopped before its report writes none).
    let mut texts = vec![("stdout".to_string(), r.stdout.clone())];
    texts.push(("stderr".to_string(), r.stderr.clone()));
    for path in &report_paths {
        match std::fs::read_to_string(path) {
            Ok(text) => texts.push((path.display().to_string(), text)),
            // A run that printed a report wrote the others too: the scan
            // below must not pass for want of files.
            Err(e) if !r.stdout.is_empty() => {
                return Err(format!("{name}: no report {}: {e}", path.display()))
            }
            Err(_) => {}
        }
    }
    for (what, text) in &texts {
        for secret in BASE_PII {
            if text.contains(secret) {
                return Err(format!("{name}: {what} shows personal data `{secret}`"));
            }
        }
    }
    let snapshot = format!(
        "about: {}\nargs: check . {}\nexit: {exit}\n--- stdout\n{}\n--- stderr\n{}\n",
        spec.about,
        spec.args.join(" "),
        shorten(&r.stdout),
        shorten(&r.stderr)
    );
    let outcome = std::panic::catch_unwind(|| {
        insta::with_settings!({
            snapshot_path => dir,
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::assert_snapshot!("expected", snapshot);
        });
    });
    outcome.map_err(|_| format!("{name}: output differs from expected.snap"))
}

/// The catalogue has at least 40 cases, each passes.
#[test]
fn every_bad_input_gives_a_clear_diagnostic() {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(catalogue_dir())
        .expect("tests/bad_inputs exists")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.is_dir() && !p.ends_with("_base"))
        .collect();
    cases.sort();
    if let Ok(only) = std::env::var("BAD_INPUT") {
        cases.retain(|c| c.ends_with(&only));
    } else {
        assert!(cases.len() >= 40, "only {} cases", cases.len());
    }
    // Each case is a run of custodia of its own: on as many threads as
    // there are cores (the catalogue took a minute on one).
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let per_thread = cases.len().div_ceil(threads).max(1);
    let failures: Vec<String> = std::thread::scope(|s| {
        let runs: Vec<_> = (cases.chunks(per_thread))
            .map(|chunk| {
                s.spawn(move || {
                    chunk
                        .iter()
                        .filter_map(|c| check_case(c).err())
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        // A thread's panic is a failed case: re-raised with its message.
        runs.into_iter()
            .flat_map(|run| run.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
