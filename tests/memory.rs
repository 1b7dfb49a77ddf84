//! What a violation costs in memory (issue 18, "bounded resources"; issue
//! 16): a rule that fails every record must not make the check peak far
//! above what reading the case takes. Measured on whole processes with GNU
//! time (`/usr/bin/time -v`, Linux); skipped with a message where it is
//! missing (`apt-get install time`; .ci/run installs it).

mod common;

use std::path::Path;
use std::process::{Command, Stdio};

use common::{rec, Case};

/// Records in the case, each failing the rule once: enough that the
/// violations, not the process's fixed cost, decide the difference.
const RECORDS: usize = 40_000;

/// What one violation may add to the peak over reading the case, in bytes.
/// Encoded (`report::compact`), about 95-110 bytes here; as a boxed
/// finding sharing its rule and clause, about 385 (bench/RESULTS.md,
/// "Shared clauses"); with the rule's names, place and clause copied into
/// each, about 710; held inline in the lists that moved them, about 1,150.
const BYTES_PER_VIOLATION: u64 = 200;

fn failing_case() -> tempfile::TempDir {
    failing_case_of(RECORDS)
}

/// A case of `records` records, each failing one rule.
fn failing_case_of(records: usize) -> tempfile::TempDir {
    let rows: String = (0..records)
        .map(|i| rec(&format!("R{i:07}"), &[("title", &format!("档案 {i}"))]))
        .collect();
    let dir = Case::with(
        "rule every_record_fails {\n  for record r\n  require r.id == \"none\" else \"record {r.id} fails on purpose\"\n}\n",
        &rows,
    )
    .write();
    std::fs::write(dir.path().join("custodia.yaml"), "as_of: 2026-11-27\n").expect("manifest");
    dir
}

/// Peak resident memory of `custodia ARGS` in `dir`, in bytes, and its exit
/// code; `None` without GNU time. `CUSTODIA_BIN` measures another build
/// (an older one, to see this test fail on it).
fn peak_rss(dir: &Path, args: &[&str]) -> Option<(u64, i32)> {
    let time = Path::new("/usr/bin/time");
    if !time.exists() {
        return None;
    }
    let out = Command::new(time)
        .arg("-v")
        .arg(std::env::var_os("CUSTODIA_BIN").unwrap_or(env!("CARGO_BIN_EXE_custodia").into()))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdout(Stdio::null())
        .output()
        .expect("run custodia under /usr/bin/time");
    let report = String::from_utf8_lossy(&out.stderr);
    let kib: u64 = report
        .lines()
        .find_map(|l| {
            l.trim()
                .strip_prefix("Maximum resident set size (kbytes): ")
        })
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no peak in GNU time's report:\n{report}"));
    let code = report
        .lines()
        .find_map(|l| l.trim().strip_prefix("Exit status: "))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(-1);
    Some((kib * 1024, code))
}

#[test]
fn a_rule_failing_every_record_costs_under_a_kilobyte_per_violation() {
    let dir = failing_case();
    let root = dir.path();
    let Some((read, code)) = peak_rss(root, &["check", ".", "--parse-only"]) else {
        eprintln!("skipped: /usr/bin/time (GNU time) is missing: apt-get install time");
        return;
    };
    assert_eq!(code, 3, "--parse-only failed");
    // JSON holds every finding; HTML was the format that peaked highest
    // before reports were streamed.
    for format in ["json", "html"] {
        let (peak, code) = peak_rss(
            root,
            &["check", ".", "--format", format, common::ACCEPT_OWN_SCHEMA],
        )
        .expect("GNU time is there");
        assert_eq!(code, 1, "{format}: the violations must fail the run");
        let per_violation = peak.saturating_sub(read) / RECORDS as u64;
        eprintln!(
            "{format}: peak {} KiB, reading {} KiB: {per_violation} bytes a violation",
            peak / 1024,
            read / 1024
        );
        assert!(
            per_violation <= BYTES_PER_VIOLATION,
            "{format}: {per_violation} bytes a violation (at most {BYTES_PER_VIOLATION}); peak {peak}, reading {read}"
        );
    }
}

/// What a format may add to the peak of the same run written as JSON, per
/// violation. Every renderer writes to its output as it goes, so each adds
/// a few buffers over the report model they share; one that built its
/// whole output, or a record per finding, first (the GitHub renderer built
/// an annotation per violation, about 420 bytes each; JUnit a map of lists
/// per subject, about 100; an HTML `String` would be about 3,000) shows
/// here.
const FORMAT_BYTES_PER_VIOLATION: u64 = 100;

/// Records of the case that compares formats: half the other test's, as
/// it runs nine processes; a format over the bound above still adds 2 MB,
/// well over the few hundred KiB two runs of one format differ by.
const FORMAT_RECORDS: usize = 20_000;

/// The peak of `custodia ARGS`, the least of `runs` runs: a process's peak
/// varies by a few MB from run to run (the allocator, the threads' timing),
/// as much as the bound below allows a format.
fn least_peak(dir: &Path, args: &[&str], runs: usize) -> Option<(u64, i32)> {
    let mut least: Option<(u64, i32)> = None;
    for _ in 0..runs {
        let (peak, code) = peak_rss(dir, args)?;
        if least.map_or(true, |(p, _)| peak < p) {
            least = Some((peak, code));
        }
    }
    least
}

#[test]
fn no_format_holds_its_whole_output() {
    let dir = failing_case_of(FORMAT_RECORDS);
    let root = dir.path();
    // JSON at its highest of three runs, each format at its lowest of two:
    // one lucky low JSON run made a streaming format look 2 MB over.
    let json_args = ["check", ".", "--format", "json", common::ACCEPT_OWN_SCHEMA];
    let mut json = 0;
    for _ in 0..3 {
        let Some((peak, code)) = peak_rss(root, &json_args) else {
            eprintln!("skipped: /usr/bin/time (GNU time) is missing: apt-get install time");
            return;
        };
        assert_eq!(code, 1, "json: the violations must fail the run");
        json = json.max(peak);
    }
    let mut over = Vec::new();
    for format in custodia::cli::app::Format::ALL {
        let name = format.name();
        if name == "json" {
            continue;
        }
        let (peak, code) = least_peak(
            root,
            &["check", ".", "--format", name, common::ACCEPT_OWN_SCHEMA],
            2,
        )
        .expect("GNU time");
        assert_eq!(code, 1, "{name}: the violations must fail the run");
        let extra = peak.saturating_sub(json) / FORMAT_RECORDS as u64;
        eprintln!(
            "{name}: peak {} KiB, JSON {} KiB: {extra} bytes a violation over JSON",
            peak / 1024,
            json / 1024
        );
        if extra > FORMAT_BYTES_PER_VIOLATION {
            over.push(format!("{name}: {extra} bytes a violation"));
        }
    }
    assert!(
        over.is_empty(),
        "formats that hold their output (at most {FORMAT_BYTES_PER_VIOLATION} bytes a violation over JSON): {over:?}"
    );
}

/// A mapped log costs about what the same log costs found by convention
/// (issue 16): a mapped file was read whole into owned rows and mapped
/// into a second copy with each cell's original text, 35 times its size
/// over the same file by convention here (bench/RESULTS.md, "Mapped
/// sources"); it is now read in pieces, never held as rows.
#[test]
fn a_mapped_log_costs_about_what_it_costs_by_convention() {
    const ROWS: usize = 150_000;
    let line = |i: usize| {
        format!(
            "2026-01-05 09:{:02},R{:07},S1,年度审计调阅 第{i}次\n",
            i % 60,
            i % 1000
        )
    };
    let body: String = (0..ROWS).map(line).collect();
    let rows: String = (0..1000).map(|i| rec(&format!("R{i:07}"), &[])).collect();
    let rule = "rule nothing_fails {\n  for record r\n  require r.id != \"none\"\n}\n";
    let by_convention = Case::with(rule, &rows)
        .file(
            "logs/access.csv",
            &format!("at,record,actor,purpose\n{body}"),
        )
        .write();
    let mapped = Case::with(rule, &rows)
        .file("查阅登记.csv", &format!("查阅时间,档案号,查阅人,查阅事由\n{body}"))
        .file(
            "custodia.yaml",
            "logs:\n  - file: 查阅登记.csv\n    kind: access\n    columns: { at: 查阅时间, record: 档案号, actor: 查阅人, purpose: 查阅事由 }\n",
        )
        .write();
    let args = ["check", ".", "--parse-only", "--as-of", "2026-11-27"];
    let (Some((plain, a)), Some((mapped_peak, b))) = (
        peak_rss(by_convention.path(), &args),
        peak_rss(mapped.path(), &args),
    ) else {
        eprintln!("skipped: GNU time (/usr/bin/time) is missing; apt-get install time");
        return;
    };
    assert_eq!((a, b), (3, 3), "both read cleanly");
    let size = body.len() as u64;
    eprintln!(
        "peak: mapped {} KiB, by convention {} KiB, log {} KiB",
        mapped_peak >> 10,
        plain >> 10,
        size >> 10
    );
    // Measured: 1.5 times the log's size over (its text is held whole,
    // and read once more for its digest); 35 times before (b460707).
    assert!(
        mapped_peak <= plain + 3 * size,
        "mapped {} MiB, by convention {} MiB, for a log of {} MiB",
        mapped_peak >> 20,
        plain >> 20,
        size >> 20
    );
}
