//! Recognises the reports custodia writes (JSON, SARIF, GitLab Code
//! Quality, JUnit, GitHub annotations, HTML), so that one written into the case
//! is listed as not read without making the next run INCOMPLETE.
//!
//! A file passed over this way is not read as data, so a recogniser that
//! trusts too little of the file would let a data file hide from the
//! accounting by looking like a report (review R22). The first bytes only
//! pick the format; the whole file must then have that report's structure:
//! custodia's name where the format carries it and no member the report
//! does not write. A file that fails is accounted for like any other file
//! (an input error when it looks like data).

use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use serde::de::IgnoredAny;
use serde::Deserialize;

/// Whether `path` holds a report custodia wrote.
pub fn is_custodia_report(path: &Path) -> bool {
    let Some(head) = head(path) else {
        return false;
    };
    let text = head.trim_start_matches('\u{feff}').trim_start();
    if text.starts_with('{') && text.contains("\"custodia\"") {
        json_report(path) || sarif_report(path)
    } else if text.starts_with('[') {
        code_quality_report(path)
    } else if text.starts_with("<?xml") && text.contains("package=\"custodia.") {
        junit_report(path)
    } else if text.starts_with("::") {
        annotations(path)
    } else if text.starts_with("<!DOCTYPE html>") {
        html_report(path)
    } else {
        false
    }
}

/// The first 2 KB, as text.
fn head(path: &Path) -> Option<String> {
    let mut head = [0u8; 2048];
    let n = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .ok()?;
    Some(String::from_utf8_lossy(&head[..n]).into_owned())
}

fn reader(path: &Path) -> Option<BufReader<std::fs::File>> {
    std::fs::File::open(path).ok().map(BufReader::new)
}

/// Parses the whole file as `T` (values it does not keep are skipped as
/// they stream by, so a large report costs no memory).
fn parses_as<T: for<'de> Deserialize<'de>>(path: &Path) -> Option<T> {
    serde_json::from_reader(reader(path)?).ok()
}

#[derive(Deserialize)]
struct Tool {
    name: String,
    #[allow(dead_code)] // read to check the report's shape
    version: IgnoredAny,
}

/// `--format json` (src/report/render/json.rs): every top-level member it
/// writes, and only those.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)] // the fields are read to check the report's shape
struct JsonReport {
    format_version: u32,
    tool: Tool,
    as_of: IgnoredAny,
    time_zone: IgnoredAny,
    lang: IgnoredAny,
    complete: bool,
    // Written since 2026-12-07: a report written before has none.
    #[serde(default)]
    fully_checked: Option<bool>,
    inputs: IgnoredAny,
    summary: IgnoredAny,
    input_errors: IgnoredAny,
    notes: IgnoredAny,
    not_read: IgnoredAny,
    #[serde(default)]
    baseline: Option<IgnoredAny>,
    verdict: IgnoredAny,
    rules: IgnoredAny,
    #[serde(default)]
    coverage: Option<IgnoredAny>,
    #[serde(default)]
    packs: Option<IgnoredAny>,
    #[serde(default)]
    company: Option<IgnoredAny>,
    violations: IgnoredAny,
}

fn json_report(path: &Path) -> bool {
    parses_as::<JsonReport>(path).is_some_and(|r| r.tool.name == "custodia")
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)] // the fields are read to check the report's shape
struct Sarif {
    #[serde(rename = "$schema")]
    schema: IgnoredAny,
    version: IgnoredAny,
    runs: Vec<SarifRun>,
}

#[derive(Deserialize)]
struct SarifRun {
    tool: SarifTool,
}

#[derive(Deserialize)]
struct SarifTool {
    driver: Tool,
}

/// `--format sarif`: a SARIF log each of whose runs is custodia's.
fn sarif_report(path: &Path) -> bool {
    parses_as::<Sarif>(path).is_some_and(|s| {
        !s.runs.is_empty() && s.runs.iter().all(|r| r.tool.driver.name == "custodia")
    })
}

/// One issue of `--format codequality` (src/report/render/codequality.rs).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)] // the fields are read to check the report's shape
struct Issue {
    #[serde(rename = "type")]
    kind: String,
    description: IgnoredAny,
    check_name: String,
    fingerprint: IgnoredAny,
    severity: IgnoredAny,
    location: IgnoredAny,
}

/// `--format codequality`: an array of custodia's issues. The empty array
/// (a clean run's report) holds no row of data, so passing it over hides
/// nothing.
fn code_quality_report(path: &Path) -> bool {
    parses_as::<Vec<Issue>>(path).is_some_and(|issues| {
        issues
            .iter()
            .all(|i| i.kind == "issue" && i.check_name.starts_with("custodia/"))
    })
}

/// `--format junit`: `<testsuites>` of custodia's suites, nothing but the
/// elements the renderer writes.
fn junit_report(path: &Path) -> bool {
    use quick_xml::events::Event;
    const ELEMENTS: [&[u8]; 10] = [
        b"testsuites",
        b"testsuite",
        b"properties",
        b"property",
        b"testcase",
        b"failure",
        b"error",
        b"skipped",
        b"system-out",
        b"system-err",
    ];
    let Some(r) = reader(path) else {
        return false;
    };
    let mut xml = quick_xml::Reader::from_reader(r);
    let mut buf = Vec::new();
    let mut root = None;
    loop {
        let element = match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => e.into_owned(),
            Ok(Event::Eof) => return root == Some(true),
            Ok(_) => {
                buf.clear();
                continue;
            }
            Err(_) => return false,
        };
        let name = element.name().as_ref().to_vec();
        if !ELEMENTS.contains(&name.as_slice()) {
            return false;
        }
        if root.is_none() {
            root = Some(name == b"testsuites");
        }
        if name == b"testsuite" && !custodia_suite(&element) {
            return false;
        }
        buf.clear();
    }
}

fn custodia_suite(e: &quick_xml::events::BytesStart) -> bool {
    e.attributes()
        .flatten()
        .any(|a| a.key.as_ref() == b"package" && a.value.starts_with(b"custodia."))
}

/// `--format github`: workflow commands only, each one custodia's.
fn annotations(path: &Path) -> bool {
    let Some(r) = reader(path) else {
        return false;
    };
    let mut any = false;
    for line in r.lines() {
        let Ok(line) = line else {
            return false;
        };
        if line.trim().is_empty() {
            continue;
        }
        let command = ["::error ", "::warning ", "::notice "]
            .iter()
            .any(|c| line.starts_with(c));
        if !command || !line.contains("title=custodia") {
            return false;
        }
        any = true;
    }
    any
}

/// `--format html`: a page custodia wrote (a web page is data when it
/// holds a table, an OA system's "export to Excel": `workbook_like`, and
/// custodia's own report holds tables too). Its head, with the renderer's
/// long and particular style, and its end must be the renderer's.
fn html_report(path: &Path) -> bool {
    // A report of a large case is large; a page over this is not read.
    const MAX_PAGE: u64 = 256 << 20;
    let mut text = String::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_PAGE).read_to_string(&mut text))
        .is_ok()
        && crate::report::render::html::is_own_page(&text)
}

/// Whether the file holds nothing but white space (a clean run's GitHub
/// annotations are an empty file): passing it over hides no row of data.
pub fn holds_nothing(path: &Path) -> bool {
    let small = std::fs::metadata(path).is_ok_and(|m| m.len() <= 4096);
    small
        && std::fs::read(path).is_ok_and(|bytes| {
            String::from_utf8_lossy(&bytes)
                .trim_start_matches('\u{feff}')
                .trim()
                .is_empty()
        })
}
