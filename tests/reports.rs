//! Every report format on the same two canonical cases (one with violations,
//! a waiver, evidence, PII, markup in the data and input errors; one clean),
//! plus the checks each format's consumers need: SARIF against the official
//! schema, JUnit against the JUnit XSD, the HTML in a real browser.

mod common;

use std::path::Path;
use std::process::Command;

use common::{
    custodia, custodia_in, example, rec, skipped, xmllint_validates, Case, ACCEPT_OWN_SCHEMA,
};
use custodia::cli::app::Format;

/// Rules of every shape the renderers must show: a `match` with evidence,
/// a waived violation, a warning, an access rule over events without id,
/// a message that prints PII and markup from the data.
const RULES: &str = r#"
destruction destroyed_needs_record {
  title "销毁的资料须有完整的销毁记录"
  severity error
  cite "会计档案管理办法 第十六条"
  help "Record every destruction with two witnesses."
  for record r where r.status == "destroyed"
  match destruction d on d.record == r.id
        else "record {r.id} is marked destroyed but no destruction event exists"
  require len(d.witnesses) >= 2
        else "destruction of {r.id} was witnessed by {len(d.witnesses)} person(s)"
}

rule titles_are_plain_text {
  title "titles hold no markup"
  severity warning
  cite "内部规定 第1条"
  for record r
  require not (r.title contains "<")
        else "the title {r.title} of {r.id} contains markup"
}

access reader_is_archivist {
  title "only archivists open records"
  severity error
  cite "个人信息保护法 第五十一条"
  for access a
  require a.actor.role == "archivist"
        else "{a.actor.name} ({a.actor.role}) opened {a.record}"
}

waive destroyed_needs_record for "R3" until 2027-01-31
  because "the register is being recovered from the <old> system & re-keyed"
  by "李伟"
"#;

/// The title with every character HTML and XML must escape.
const MARKUP_TITLE: &str = r#""<b>""Tom"" & 'Jerry'</b>""#;

const DESTRUCTIONS: &str = concat!(
    r#"{"record":"R2","at":"2026-01-01T10:00:00+08:00","method":"shred","place":"HQ","witnesses":["王五"],"approved_by":"S1"}"#,
    "\n",
    r#"{"record":"R4","at":"2026-01-02T10:00:00+08:00","method":"pulp","place":"HQ","witnesses":["王五","李雷"],"approved_by":"S1"}"#,
    "\n",
);

const ACCESS: &str = "record,actor,purpose,at\nR1,S1,audit,2026-02-01T09:00:00+08:00\nR2,S2,marketing,2026-02-02T09:00:00+08:00\nR1,S9,audit,2026-02-03T09:00:00+08:00\n";

/// Violations, a waived one, evidence, a dangling ref, an undecidable
/// clause, PII, markup, and one row with an input error.
fn dirty() -> Case {
    let inventory = [
        rec("R1", &[("title", MARKUP_TITLE)]),
        rec("R2", &[("status", "destroyed")]),
        rec("R3", &[("status", "destroyed")]),
        rec("R4", &[("status", "destroyed")]),
        rec("R5", &[("created", "someday")]),
    ]
    .concat();
    Case::with(RULES, &inventory)
        .file("logs/destruction.jsonl", DESTRUCTIONS)
        .file("logs/access.csv", ACCESS)
        // Named, so the `+08:00` times are counted in UTC with a note
        // (tests/foreign_offsets.rs), as the snapshots show.
        .tz("UTC")
}

/// The same rules on data that satisfies them.
fn clean() -> Case {
    let rules = RULES.split("waive").next().unwrap_or(RULES);
    let inventory = [rec("R1", &[]), rec("R4", &[("status", "destroyed")])].concat();
    Case::with(rules, &inventory)
        .file(
            "logs/destruction.jsonl",
            &DESTRUCTIONS[DESTRUCTIONS.find('\n').map_or(0, |i| i + 1)..],
        )
        .file(
            "logs/access.csv",
            "record,actor,purpose,at\nR1,S1,audit,2026-02-01T09:00:00+08:00\n",
        )
        .tz("UTC")
}

fn render(case: Case, format: Format) -> (u8, String) {
    let mut case = case;
    case.format = format;
    let run = case.run();
    assert!(run.errors.is_empty(), "{}", run.dump());
    (run.exit, run.output)
}

/// Every format but the human one (snapshotted elsewhere).
fn formats() -> impl Iterator<Item = Format> {
    Format::ALL.into_iter().filter(|f| *f != Format::Human)
}

#[test]
fn every_format_on_the_dirty_case() {
    for f in formats() {
        let (exit, out) = render(dirty(), f);
        assert_eq!(
            exit,
            2,
            "input errors make the run incomplete ({})",
            f.name()
        );
        insta::assert_snapshot!(format!("dirty_{}", f.name()), out);
    }
}

#[test]
fn every_format_on_the_clean_case() {
    for f in formats() {
        let (exit, out) = render(clean(), f);
        assert_eq!(exit, 0, "{}: {out}", f.name());
        insta::assert_snapshot!(format!("clean_{}", f.name()), out);
    }
}

#[test]
fn the_dirty_case_has_what_the_snapshots_claim() {
    let run = dirty().run();
    let rules: Vec<&str> = run
        .violations()
        .iter()
        .map(|v| v["rule"].as_str().unwrap_or(""))
        .collect();
    for expected in [
        "destroyed_needs_record",
        "titles_are_plain_text",
        "reader_is_archivist",
        "integrity.dangling_ref",
    ] {
        assert!(rules.contains(&expected), "{expected}: {}", run.dump());
    }
    assert_eq!(run.report()["summary"]["waived"], 1);
    assert_eq!(run.input_errors().len(), 1);
    assert!(!run.output.contains("Li Lei"), "PII masked: {}", run.output);
}

// ---------------------------------------------------------------- SARIF

fn sarif_validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/schemas/sarif-schema-2.1.0.json"
    ))
    .expect("the SARIF schema is shipped under tests/schemas");
    let schema: serde_json::Value = serde_json::from_str(&text).expect("schema is JSON");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles")
}

fn assert_valid_sarif(doc: &str) {
    let v: serde_json::Value = serde_json::from_str(doc).expect("SARIF is JSON");
    let validator = sarif_validator();
    let errors: Vec<String> = validator
        .iter_errors(&v)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(
        errors.is_empty(),
        "SARIF schema errors:\n{}",
        errors.join("\n")
    );
}

#[test]
fn sarif_is_valid_against_the_official_schema() {
    assert_valid_sarif(&render(dirty(), Format::Sarif).1);
    assert_valid_sarif(&render(clean(), Format::Sarif).1);
    let (_, out, _) = custodia(&["check", &example(), "--format", "sarif"]);
    assert_valid_sarif(&out);
}

#[test]
fn the_schema_check_catches_a_broken_document() {
    // The validator must not accept anything: a result without message is invalid.
    let (_, out) = render(dirty(), Format::Sarif);
    let mut v: serde_json::Value = serde_json::from_str(&out).expect("json");
    v["runs"][0]["results"][0]["level"] = serde_json::json!("fatal");
    assert!(sarif_validator().iter_errors(&v).next().is_some());
}

#[test]
fn sarif_results_locate_subject_clause_and_evidence() {
    let (_, out) = render(dirty(), Format::Sarif);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    let run = &v["runs"][0];
    let rule_ids: Vec<&str> = run["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .map(|r| r["id"].as_str().unwrap_or(""))
        .collect();
    for id in [
        "destroyed_needs_record",
        "reader_is_archivist",
        "integrity.duplicate_id",
        "integrity.dangling_ref",
        "integrity.future_event",
        "waiver.expired",
        "waiver.unused",
        "waiver.unknown_rule",
    ] {
        assert!(rule_ids.contains(&id), "{id} in {rule_ids:?}");
    }
    let results = run["results"].as_array().expect("results");
    let r2 = results
        .iter()
        .find(|r| {
            r["ruleId"] == "destroyed_needs_record" && r["properties"]["subject"]["id"] == "R2"
        })
        .expect("R2 result");
    let loc = &r2["locations"][0]["physicalLocation"];
    assert_eq!(loc["artifactLocation"]["uri"], "inventory.csv");
    assert_eq!(loc["region"]["startLine"], 3);
    let related = r2["relatedLocations"].as_array().expect("related");
    assert_eq!(
        related[0]["physicalLocation"]["artifactLocation"]["uri"],
        "policies/rules.policy"
    );
    assert_eq!(
        related[1]["physicalLocation"]["artifactLocation"]["uri"],
        "logs/destruction.jsonl"
    );
    assert_eq!(related[1]["physicalLocation"]["region"]["startLine"], 1);
    assert_eq!(
        r2["partialFingerprints"]["custodia/v1"]
            .as_str()
            .map(str::len),
        Some(32)
    );
    let r3 = results
        .iter()
        .find(|r| r["properties"]["subject"]["id"] == "R3")
        .expect("R3 result");
    assert_eq!(r3["suppressions"][0]["kind"], "external");
    assert!(r3["suppressions"][0]["justification"]
        .as_str()
        .unwrap_or("")
        .contains("being recovered"));
    assert_eq!(run["invocations"][0]["executionSuccessful"], false);
    assert_eq!(
        run["invocations"][0]["toolExecutionNotifications"][0]["locations"][0]["physicalLocation"]
            ["artifactLocation"]["uri"],
        "inventory.csv"
    );
}

#[test]
fn sarif_and_github_paths_start_at_a_relative_case_directory() {
    // CI runs at the repository root, which code scanning resolves against
    // (and where `custodia` runs the binary).
    let (_, sarif, _) = custodia(&["check", "examples/acme-deregistration", "--format", "sarif"]);
    let v: serde_json::Value = serde_json::from_str(&sarif).expect("json");
    let uri =
        &v["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
    assert!(
        uri.as_str()
            .unwrap_or("")
            .starts_with("examples/acme-deregistration/"),
        "{uri}"
    );
    let (_, github, _) = custodia(&[
        "check",
        "./examples/acme-deregistration/",
        "--format",
        "github",
    ]);
    // every annotation but the last (how many more there are) names a file
    let lines: Vec<&str> = github.lines().collect();
    assert!(
        lines[..lines.len() - 1]
            .iter()
            .all(|l| l.contains("file=examples/acme-deregistration/")),
        "{github}"
    );
}

// ---------------------------------------------------------------- JUnit

#[test]
fn junit_lists_passes_failures_and_waivers() {
    let (_, out) = render(dirty(), Format::Junit);
    let doc = roxmltree::Document::parse(&out).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    let suite = root
        .children()
        .find(|n| n.attribute("name") == Some("destroyed_needs_record"))
        .expect("one suite per rule");
    let cases: Vec<(String, &str)> = suite
        .children()
        .filter(|n| n.has_tag_name("testcase"))
        .map(|c| {
            let state = c
                .children()
                .find(|n| n.is_element())
                .map_or("passed", |n| n.tag_name().name());
            (c.attribute("name").unwrap_or("").to_string(), state)
        })
        .collect();
    assert_eq!(
        cases,
        vec![
            ("R2".to_string(), "failure"),
            ("R3".to_string(), "skipped"),
            ("R4".to_string(), "passed")
        ]
    );
    assert_eq!(suite.attribute("tests"), Some("3"));
    assert_eq!(suite.attribute("failures"), Some("1"));
    assert_eq!(suite.attribute("skipped"), Some("1"));
    let failure = suite
        .descendants()
        .find(|n| n.has_tag_name("failure"))
        .expect("failure");
    let text = failure.text().unwrap_or("");
    assert!(text.contains("logs/destruction.jsonl:1"), "{text}");
    assert!(text.contains("policies/rules.policy:"), "{text}");
    // markup from the data survives escaping as text (a warning: below
    // the default --fail-on, so in the suite's output, not a failure)
    let plain = root
        .children()
        .find(|n| n.attribute("name") == Some("titles_are_plain_text"))
        .expect("suite");
    let msg = plain
        .children()
        .find(|n| n.has_tag_name("system-out"))
        .and_then(|n| n.text())
        .unwrap_or("");
    assert!(msg.contains(r#"<b>"Tom" & 'Jerry'</b>"#), "{msg}");
    // input errors are a suite of errors
    let inputs = root
        .children()
        .find(|n| n.attribute("name") == Some("input errors"))
        .expect("input error suite");
    assert_eq!(inputs.attribute("errors"), Some("1"));
}

#[test]
fn junit_is_valid_against_the_junit_schema() {
    for (name, case) in [("dirty", dirty()), ("clean", clean())] {
        let (_, xml) = render(case, Format::Junit);
        roxmltree::Document::parse(&xml).expect("well-formed XML");
        xmllint_validates(&xml, name);
    }
    let (_, xml, _) = custodia(&["check", &example(), "--format", "junit"]);
    roxmltree::Document::parse(&xml).expect("well-formed XML");
    xmllint_validates(&xml, "acme");
}

// ---------------------------------------------------------------- HTML

#[test]
fn html_escapes_markup_from_the_data() {
    let (_, html) = render(dirty(), Format::Html);
    assert!(!html.contains("<b>"), "raw markup from the data leaked");
    assert!(
        html.contains("&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;"),
        "escaped title"
    );
    assert!(
        html.contains("&lt;old&gt; system &amp; re-keyed"),
        "escaped waiver reason"
    );
    for external in ["<script", "<link", "src=", "http://", "https://"] {
        assert!(!html.contains(external), "self-contained: found {external}");
    }
}

/// Debian's chromium; `CUSTODIA_CHROMIUM` names another binary (or a
/// missing one, to see the skip).
fn chromium() -> Option<String> {
    if let Some(p) = std::env::var_os("CUSTODIA_CHROMIUM") {
        let p = p.to_string_lossy().into_owned();
        return Path::new(&p).exists().then_some(p);
    }
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .into_iter()
        .find(|p| Path::new(p).exists())
        .map(String::from)
}

/// Chromium without a window, network or GPU, with its own profile folder.
fn headless(browser: &str, profile: &Path) -> Command {
    let mut command = Command::new(browser);
    command
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
        ])
        .arg(format!("--user-data-dir={}", profile.display()));
    command
}

#[test]
fn html_renders_in_headless_chromium() {
    let Some(browser) = chromium() else {
        skipped("chromium is not installed; the HTML audit report was not rendered in a browser");
        return;
    };
    let (_, html) = render(dirty(), Format::Html);
    let dir = tempfile::tempdir().expect("tempdir");
    let page = dir.path().join("audit.html");
    let shot = dir.path().join("audit.png");
    std::fs::write(&page, &html).expect("write");
    let out = headless(&browser, &dir.path().join("profile"))
        .arg(format!("--screenshot={}", shot.display()))
        .arg("--window-size=1200,2000")
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("run chromium");
    let png = std::fs::read(&shot).unwrap_or_else(|e| {
        panic!(
            "chromium wrote no screenshot ({e}):\n{}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    assert!(png.starts_with(b"\x89PNG"), "a PNG");
    assert!(
        png.len() > 10_000,
        "a page with content, not a blank screen ({} bytes)",
        png.len()
    );
    // The DOM chromium built holds the report's text, escaped values as text.
    let dom = headless(&browser, &dir.path().join("profile2"))
        .arg("--dump-dom")
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("run chromium");
    let dom = String::from_utf8_lossy(&dom.stdout);
    assert!(
        dom.contains("NOT COMPLIANT") || dom.contains("INCOMPLETE"),
        "{dom}"
    );
    assert!(
        dom.contains("&lt;b&gt;"),
        "the data's markup stays text in the DOM"
    );
}

/// Pages of a PDF chromium wrote: its page objects and their sizes.
fn pdf_pages(pdf: &[u8]) -> (usize, Vec<String>) {
    let text = String::from_utf8_lossy(pdf);
    let pages = text
        .match_indices("/Type /Page")
        .filter(|(i, _)| !text[i + 11..].starts_with('s'))
        .count();
    let boxes = text
        .match_indices("/MediaBox [")
        .map(|(i, _)| text[i + 11..].split(']').next().unwrap_or("").to_string())
        .collect();
    (pages, boxes)
}

/// The audit report printed by headless chromium is A4 (595 x 842 pt),
/// the acme case's summary fits on page one (its `--summary-only` variant
/// is exactly one page, attestation included), and the appendices follow.
#[test]
fn the_audit_report_prints_on_a4_with_its_summary_on_page_one() {
    let Some(browser) = chromium() else {
        skipped("chromium is not installed; the audit report was not printed to PDF");
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    for lang in ["en", "zh"] {
        for (variant, extra) in [("summary", Some("--summary-only")), ("full", None)] {
            let mut args = vec!["check", "--format", "html", "--lang", lang];
            let case = example();
            args.push(&case);
            args.extend(extra);
            let (_, html, err) = custodia(&args);
            assert!(html.contains("<table class=\"attest\">"), "{err}");
            let page = dir.path().join(format!("{variant}_{lang}.html"));
            let pdf = dir.path().join(format!("{variant}_{lang}.pdf"));
            std::fs::write(&page, &html).expect("write");
            let out = headless(&browser, &dir.path().join("profile"))
                .arg("--no-pdf-header-footer")
                .arg(format!("--print-to-pdf={}", pdf.display()))
                .arg(format!("file://{}", page.display()))
                .output()
                .expect("run chromium");
            let bytes = std::fs::read(&pdf).unwrap_or_else(|e| {
                panic!("no PDF ({e}):\n{}", String::from_utf8_lossy(&out.stderr))
            });
            let (pages, boxes) = pdf_pages(&bytes);
            assert!(!boxes.is_empty(), "{variant} {lang}: no page size");
            for b in &boxes {
                let size: Vec<f64> = b
                    .split_whitespace()
                    .filter_map(|n| n.parse().ok())
                    .collect();
                assert!(
                    size.len() == 4
                        && (size[2] - 595.0).abs() < 2.0
                        && (size[3] - 842.0).abs() < 2.0,
                    "{variant} {lang}: not A4: {b}"
                );
            }
            if variant == "summary" {
                assert_eq!(pages, 1, "{lang}: the summary does not fit on page one");
            } else {
                assert!(
                    pages > 2,
                    "{lang}: the appendices follow the summary ({pages} pages)"
                );
            }
        }
    }
}

// ---------------------------------------------------------------- CLI: --output, baseline

#[test]
fn several_outputs_in_one_run_and_the_human_report_on_the_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let sarif = dir.path().join("out.sarif");
    let junit = dir.path().join("out.xml");
    let md = dir.path().join("audit.md");
    let (code, out, err) = custodia(&[
        "check",
        &example(),
        "--output",
        &format!("sarif={}", sarif.display()),
        "--output",
        &format!("junit={}", junit.display()),
        "--output",
        &format!("markdown={}", md.display()),
        ACCEPT_OWN_SCHEMA,
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(
        out.contains("checked 8 rules"),
        "human report on stdout: {out}"
    );
    assert_valid_sarif(&std::fs::read_to_string(&sarif).expect("sarif written"));
    roxmltree::Document::parse(&std::fs::read_to_string(&junit).expect("junit written"))
        .expect("well-formed");
    assert!(std::fs::read_to_string(&md)
        .expect("md written")
        .starts_with("# Compliance audit report"));
    // an unwritable output is exit 2 with the path named
    let (code, _, err) = custodia(&[
        "check",
        &example(),
        "--output",
        "json=/nonexistent/dir/r.json",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("/nonexistent/dir/r.json"), "{err}");
}

/// A case whose rule fails for every record with `bad` in its title.
fn baseline_case(rows: &[(&str, &str)]) -> Case {
    let inventory: String = rows
        .iter()
        .map(|(id, t)| rec(id, &[("title", t)]))
        .collect();
    Case::with(
        "rule good_titles {\n  severity error\n  for record r\n  require not (r.title contains \"bad\") else \"{r.id}: bad title\"\n}\nrule soft {\n  severity warning\n  for record r\n  require not (r.title contains \"meh\")\n}\n",
        &inventory,
    )
}

fn check_with_baseline(case: &Case, baseline: &Path, extra: &[&str]) -> (i32, serde_json::Value) {
    let dir = case.write();
    let d = dir.path().to_str().expect("utf-8");
    let b = baseline.to_str().expect("utf-8");
    let mut args = vec![
        "check",
        d,
        "--format",
        "json",
        "--baseline",
        b,
        ACCEPT_OWN_SCHEMA,
    ];
    args.extend_from_slice(extra);
    let (code, out, err) = custodia(&args);
    let v = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}{err}"));
    (code, v)
}

fn write_baseline(case: &Case) -> tempfile::NamedTempFile {
    let run = case.run();
    let file = tempfile::NamedTempFile::new().expect("tempfile");
    std::fs::write(file.path(), &run.output).expect("write baseline");
    file
}

#[test]
fn baseline_marks_new_and_unchanged_and_lists_fixed() {
    let before = baseline_case(&[("A1", "bad"), ("A2", "fine"), ("A3", "bad")]);
    let baseline = write_baseline(&before);
    // rows moved (new first line), A3 fixed, A4 new in the same file
    let after = baseline_case(&[
        ("A0", "fine"),
        ("A4", "bad"),
        ("A2", "fine"),
        ("A1", "bad"),
        ("A3", "fine"),
    ]);
    let (code, v) = check_with_baseline(&after, baseline.path(), &[]);
    let states: Vec<(String, String)> = v["violations"]
        .as_array()
        .expect("violations")
        .iter()
        .map(|x| {
            (
                x["subject"]["id"].as_str().unwrap_or("").to_string(),
                x["baseline"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    assert_eq!(
        states,
        vec![
            ("A1".into(), "baseline".into()),
            ("A4".into(), "new".into())
        ]
    );
    assert_eq!(v["baseline"]["fixed"][0]["subject"], "A3");
    assert_eq!(v["baseline"]["new"], 1);
    assert_eq!(code, 1, "a new error fails the run");
}

/// "Cannot tell" that became "violated" on the same clause and subject is
/// new (and the old finding fixed): matched by fingerprint alone, a gate on
/// new violations let the confirmed breach pass (review R30).
#[test]
fn a_finding_whose_outcome_changed_is_new() {
    let case = baseline_case(&[("A1", "bad")]);
    let baseline = write_baseline(&case);
    let text = std::fs::read_to_string(baseline.path()).expect("read baseline");
    let mut doc: serde_json::Value = serde_json::from_str(&text).expect("json");
    assert_eq!(doc["violations"][0]["outcome"], "violated");
    doc["violations"][0]["outcome"] = "insufficient_evidence".into();
    std::fs::write(baseline.path(), doc.to_string()).expect("write baseline");
    let (code, v) = check_with_baseline(&case, baseline.path(), &[]);
    assert_eq!(v["violations"][0]["baseline"], "new", "{v}");
    assert_eq!(v["baseline"]["fixed"][0]["subject"], "A1", "{v}");
    assert_eq!(code, 1, "a new error fails the run");
    // Unchanged outcome: still matched.
    let baseline = write_baseline(&case);
    let (code, v) = check_with_baseline(&case, baseline.path(), &[]);
    assert_eq!(v["violations"][0]["baseline"], "baseline", "{v}");
    assert_eq!(code, 0);
}

/// A finding whose rule's severity was raised since the baseline (warning
/// then, error now) is new: matched by fingerprint and outcome alone, the
/// error, never gated, passed `--fail-on error` with exit 0 (review bug 3).
/// Lowered, it is still the baseline's; an entry that records no severity
/// absorbs `info` findings only.
#[test]
fn a_finding_whose_severity_rose_is_new() {
    let case = baseline_case(&[("A1", "bad")]);
    let was_warning = Case::with(
        "rule good_titles {\n  severity warning\n  for record r\n  require not (r.title contains \"bad\") else \"{r.id}: bad title\"\n}\n",
        &rec("A1", &[("title", "bad")]),
    );
    let baseline = write_baseline(&was_warning);
    let (code, v) = check_with_baseline(&case, baseline.path(), &[]);
    assert_eq!(v["violations"][0]["severity"], "error", "{v}");
    assert_eq!(v["violations"][0]["baseline"], "new", "{v}");
    assert_eq!(v["baseline"]["fixed"][0]["subject"], "A1", "{v}");
    assert_eq!(code, 1, "an error never gated fails the run");
    // Lowered since: still the baseline's finding.
    let baseline = write_baseline(&case);
    let (code, v) = check_with_baseline(&was_warning, baseline.path(), &[]);
    assert_eq!(v["violations"][0]["baseline"], "baseline", "{v}");
    assert_eq!(code, 0);
    // No severity recorded: an error is new, an info finding is not.
    let text = std::fs::read_to_string(baseline.path()).expect("read baseline");
    let mut doc: serde_json::Value = serde_json::from_str(&text).expect("json");
    doc["violations"][0]
        .as_object_mut()
        .expect("a violation is an object")
        .remove("severity");
    std::fs::write(baseline.path(), doc.to_string()).expect("write baseline");
    let (code, v) = check_with_baseline(&case, baseline.path(), &[]);
    assert_eq!(v["violations"][0]["baseline"], "new", "{v}");
    assert_eq!(code, 1);
    let info = Case::with(
        "rule good_titles {\n  severity info\n  for record r\n  require not (r.title contains \"bad\") else \"{r.id}: bad title\"\n}\n",
        &rec("A1", &[("title", "bad")]),
    );
    let (_, v) = check_with_baseline(&info, baseline.path(), &[]);
    assert_eq!(v["violations"][0]["baseline"], "baseline", "{v}");
}

/// A finding waived when the baseline was taken was never gated: once the
/// waiver is gone it is new, and fails the run (hostile review,
/// 2026-12-05: the baseline absorbed it, exit 0 with NOT COMPLIANT).
#[test]
fn a_finding_waived_in_the_baseline_is_new_once_unwaived() {
    let rule = "rule good_titles {\n  severity error\n  for record r\n  require not (r.title contains \"bad\") else \"{r.id}: bad title\"\n}\n";
    let waiver =
        "waive good_titles for \"A1\" until 2099-12-31 because \"under review\" by \"陈静\"\n";
    let inventory = rec("A1", &[("title", "bad")]);
    let waived = Case::with(&format!("{rule}{waiver}"), &inventory);
    let baseline = write_baseline(&waived);
    let text = std::fs::read_to_string(baseline.path()).expect("read baseline");
    assert!(
        text.contains("under review"),
        "the baseline records the waiver: {text}"
    );
    // Waived then and now: the baseline's finding.
    let (code, v) = check_with_baseline(&waived, baseline.path(), &[]);
    assert_eq!(v["violations"][0]["baseline"], "baseline", "{v}");
    assert_eq!(code, 0);
    // The waiver removed: a new error, and the waived entry is fixed.
    let unwaived = Case::with(rule, &inventory);
    let (code, v) = check_with_baseline(&unwaived, baseline.path(), &[]);
    assert_eq!(v["violations"][0]["baseline"], "new", "{v}");
    assert_eq!(v["baseline"]["fixed"][0]["subject"], "A1", "{v}");
    assert_eq!(code, 1, "an error never gated fails the run");
    // An unwaived baseline entry still absorbs a finding waived since.
    let plain = write_baseline(&unwaived);
    let (code, v) = check_with_baseline(&waived, plain.path(), &[]);
    assert_eq!(v["violations"][0]["baseline"], "baseline", "{v}");
    assert_eq!(code, 0);
}

/// A fingerprint is a rule and a subject id, which two companies' cases
/// share: another company's report as the baseline absorbed this case's
/// violations and the run exited 0 (hostile review, 2026-12-05). It stops
/// the run now, as does a baseline naming no company.
#[test]
fn a_baseline_of_another_company_is_refused() {
    let ours = baseline_case(&[("A1", "bad")]);
    let baseline = write_baseline(&ours);
    let text = std::fs::read_to_string(baseline.path()).expect("read baseline");
    let json: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(
        json["company"]["credit_code"], "91310000XXXXXXXXXX",
        "{json}"
    );
    // The same company, its name written with other spaces: compared.
    let renamed = baseline_case(&[("A1", "bad")]).file(
        "company.yaml",
        "name: \" ACME \"\ncredit_code: \"91310000XXXXXXXXXX\"\n",
    );
    assert_eq!(check_with_baseline(&renamed, baseline.path(), &[]).0, 0);

    let refused = |case: &Case, baseline: &Path| {
        let dir = case.write();
        let (code, out, err) = custodia(&[
            "check",
            dir.path().to_str().expect("utf-8"),
            "--format",
            "json",
            "--baseline",
            baseline.to_str().expect("utf-8"),
            ACCEPT_OWN_SCHEMA,
        ]);
        assert_eq!(code, 2, "{out}{err}");
        assert!(out.is_empty(), "no report: {out}");
        err
    };
    let other = baseline_case(&[("A1", "bad")]).file(
        "company.yaml",
        "name: 另一家公司\ncredit_code: \"91110000YYYYYYYYYY\"\n",
    );
    let err = refused(&other, baseline.path());
    assert!(
        err.contains("another company, ACME (91310000XXXXXXXXXX)"),
        "{err}"
    );
    assert!(err.contains("另一家公司 (91110000YYYYYYYYYY)"), "{err}");

    // A report naming no company (an earlier version's) is refused too.
    let mut old = json.clone();
    old.as_object_mut().expect("object").remove("company");
    let old_file = tempfile::NamedTempFile::new().expect("tempfile");
    std::fs::write(old_file.path(), old.to_string()).expect("write");
    let err = refused(&ours, old_file.path());
    assert!(err.contains("names no company"), "{err}");
}

/// Neither the baseline nor the case names a company: nothing ties the
/// baseline to this case, so the run notes how many findings it took as
/// known from it (hostile review h23c: another case's report absorbed this
/// one's findings and the run exited 0 without a word).
#[test]
fn a_baseline_tied_to_no_company_is_noted() {
    let theirs = baseline_case(&[("A1", "bad")]).without("company.yaml");
    let earlier = theirs.run();
    let baseline = tempfile::NamedTempFile::new().expect("tempfile");
    std::fs::write(baseline.path(), &earlier.output).expect("write");
    let ours = baseline_case(&[("A1", "bad")]).without("company.yaml");
    let (code, report) = check_with_baseline(&ours, baseline.path(), &[]);
    assert_eq!(code, 0, "{report}");
    let notes: Vec<&str> = (report["notes"].as_array().into_iter().flatten())
        .filter_map(|n| n["message"].as_str())
        .collect();
    assert!(
        notes.iter().any(|n| n.starts_with(
            "neither this case nor the baseline names a company (no company facts), so nothing ties the baseline to this case: 1 finding was taken as known"
        )),
        "{notes:?}"
    );
    // With nothing taken from it, there is nothing to note.
    let clean = baseline_case(&[("A2", "good")]).without("company.yaml");
    let (_, report) = check_with_baseline(&clean, baseline.path(), &[]);
    let untied = (report["notes"].as_array().into_iter().flatten())
        .filter_map(|n| n["message"].as_str())
        .any(|n| n.contains("nothing ties the baseline"));
    assert!(!untied, "{report}");
}

/// A company named after its owner (a 个体工商户) declares its name `pii`:
/// reports show it masked (`***`), which every other such company's name
/// is too, so a masked name cannot tell a baseline to be this company's
/// (hostile review, 2026-12-07: another company's report absorbed all 15
/// findings and the run exited 0). An unmasked credit code still decides.
#[test]
fn a_masked_company_name_tells_no_baseline_apart() {
    let personal = |name: &str, code: Option<&str>| {
        let schema = common::SCHEMA.replace(
            "    name: text\n    credit_code: text\n",
            "    name: text pii\n    credit_code: text?\n",
        );
        assert_ne!(schema, common::SCHEMA);
        let company = match code {
            Some(code) => format!("name: {name}\ncredit_code: \"{code}\"\n"),
            None => format!("name: {name}\n"),
        };
        baseline_case(&[("A1", "bad")])
            .file("policies/schema.policy", &schema)
            .file("company.yaml", &company)
    };
    let li = write_baseline(&personal("李四的公司", None));
    let text = std::fs::read_to_string(li.path()).expect("read baseline");
    assert!(text.contains("\"company_masked\""), "{text}");
    assert!(!text.contains("李四"), "{text}");
    // The refusal: exit 2 and what stderr says.
    let refused = |case: &Case, baseline: &Path| {
        let dir = case.write();
        let (code, out, err) = custodia(&[
            "check",
            dir.path().to_str().expect("utf-8"),
            "--baseline",
            baseline.to_str().expect("utf-8"),
            ACCEPT_OWN_SCHEMA,
        ]);
        assert_eq!(code, 2, "{out}{err}");
        err
    };
    let err = refused(&personal("张三的公司", None), li.path());
    assert!(err.contains("`name`") && err.contains("masked"), "{err}");
    // Its own report is refused alike: nothing can tell.
    let zhang = personal("张三的公司", None);
    refused(&zhang, write_baseline(&zhang).path());
    // With an unmasked credit code, the code decides.
    let coded = personal("张三的公司", Some("92310000MA1XXXXXX1"));
    let own = write_baseline(&coded);
    assert_eq!(check_with_baseline(&coded, own.path(), &[]).0, 0);
    let other = personal("李四的公司", Some("92310000MA1YYYYYY2"));
    let err = refused(&other, own.path());
    assert!(err.contains("another company"), "{err}");
}

#[test]
fn fail_on_counts_only_new_violations_with_a_baseline() {
    let before = baseline_case(&[("A1", "bad"), ("A2", "meh")]);
    let baseline = write_baseline(&before);
    // nothing new: exit 0 although an error remains
    let (code, v) = check_with_baseline(&before, baseline.path(), &[]);
    assert_eq!(code, 0, "{v}");
    // a new warning: exit 0 at --fail-on error, 1 at --fail-on warning
    let after = baseline_case(&[("A1", "bad"), ("A2", "meh"), ("A3", "meh")]);
    assert_eq!(check_with_baseline(&after, baseline.path(), &[]).0, 0);
    assert_eq!(
        check_with_baseline(&after, baseline.path(), &["--fail-on", "warning"]).0,
        1
    );
    // without a baseline the old error still fails the run
    assert_eq!(before.run().exit, 1);
}

#[test]
fn a_second_identical_violation_is_new_even_when_one_is_in_the_baseline() {
    // Two destructions of R2 with one witness each: same rule, subject and
    // clause, evidence rows that differ only in time.
    let events = |n: usize| -> String {
        (0..n)
            .map(|i| format!("{{\"record\":\"R2\",\"at\":\"2026-01-0{}T10:00:00Z\",\"method\":\"shred\",\"place\":\"HQ\",\"witnesses\":[\"a\"]}}\n", i + 1))
            .collect()
    };
    let rules = "destruction d2 {\n  for record r where r.status == \"destroyed\"\n  match destruction d on d.record == r.id\n  require len(d.witnesses) >= 2\n}\n";
    let one = Case::with(rules, &rec("R2", &[("status", "destroyed")]))
        .file("logs/destruction.jsonl", &events(1));
    let baseline = write_baseline(&one);
    let two = Case::with(rules, &rec("R2", &[("status", "destroyed")]))
        .file("logs/destruction.jsonl", &format!("\n{}", events(2)));
    let (code, v) = check_with_baseline(&two, baseline.path(), &[]);
    let states: Vec<&str> = v["violations"]
        .as_array()
        .expect("violations")
        .iter()
        .map(|x| x["baseline"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(states, vec!["baseline", "new"], "{v}");
    assert_eq!(code, 1);
}

#[test]
fn fingerprints_ignore_line_numbers_but_not_what_failed() {
    let fp = |case: &Case| -> Vec<String> {
        case.run()
            .violations()
            .iter()
            .map(|v| v["fingerprint"].as_str().unwrap_or("").to_string())
            .collect()
    };
    let a = fp(&baseline_case(&[("A1", "bad")]));
    let moved = fp(&baseline_case(&[("A0", "fine"), ("A1", "bad")]));
    let other = fp(&baseline_case(&[("A2", "bad")]));
    assert_eq!(a.len(), 1);
    assert_eq!(a, moved, "moving a row keeps its fingerprint");
    assert_ne!(a, other, "another subject has another fingerprint");
    // evidence without id is keyed by its values, not its line
    let dirty_fps = fp(&dirty());
    let shifted = dirty().file("logs/destruction.jsonl", &format!("\n\n{DESTRUCTIONS}"));
    assert_eq!(dirty_fps, fp(&shifted));
    // a dangling ref keeps its fingerprint when more rows name the same id
    let dangling = |case: Case| -> String {
        let run = case.run();
        let v = run.of("integrity.dangling_ref");
        assert_eq!(v.len(), 1, "{}", run.dump());
        v[0]["fingerprint"].as_str().unwrap_or("").to_string()
    };
    let more = format!("{ACCESS}R2,S9,audit,2026-01-05T09:00:00+08:00\n");
    let more = more.replacen(
        "record,actor,purpose,at\n",
        "record,actor,purpose,at\nR4,S9,x,2026-01-04T09:00:00+08:00\n",
        1,
    );
    assert_eq!(
        dangling(dirty()),
        dangling(dirty().file("logs/access.csv", &more))
    );
}

#[test]
fn a_bad_baseline_is_exit_2_naming_the_file() {
    let case = baseline_case(&[("A1", "bad")]);
    let file = tempfile::NamedTempFile::new().expect("tempfile");
    std::fs::write(
        file.path(),
        "{\"format_version\": 1, \"violations\": [{\"rule\": \"x\"}]}",
    )
    .expect("write");
    let dir = case.write();
    let check = || {
        custodia(&[
            "check",
            dir.path().to_str().unwrap_or("."),
            "--baseline",
            file.path().to_str().unwrap_or(""),
        ])
    };
    let (code, _, err) = check();
    assert_eq!(code, 2);
    assert!(err.contains("fingerprint"), "{err}");
    std::fs::write(file.path(), "not json").expect("write");
    let (code, _, err) = check();
    assert_eq!(code, 2);
    assert!(err.contains("not JSON"), "{err}");
}

#[test]
fn baseline_shows_in_sarif_and_human_output() {
    let case = baseline_case(&[("A1", "bad"), ("A3", "bad")]);
    let baseline = write_baseline(&case);
    let after = baseline_case(&[("A1", "bad"), ("A2", "bad")]);
    let dir = after.write();
    let d = dir.path().to_str().expect("utf-8");
    let b = baseline.path().to_str().expect("utf-8");
    let (_, sarif, _) = custodia(&["check", d, "--format", "sarif", "--baseline", b]);
    let v: serde_json::Value = serde_json::from_str(&sarif).expect("json");
    let states: Vec<&str> = v["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| r["baselineState"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(states, vec!["unchanged", "new"]);
    assert_valid_sarif(&sarif);
    let (_, human, _) = custodia(&["check", d, "--baseline", b]);
    assert!(human.contains("1 new, 1 unchanged, 1 fixed"), "{human}");
    assert!(human.contains("fixed: good_titles A3"), "{human}");
    assert!(human.contains("[new] A2: bad title"), "{human}");
    assert!(human.contains("[baseline] A1: bad title"), "{human}");
}

// ---------------------------------------------------------------- the committed example

#[test]
fn the_committed_audit_report_of_the_example_is_current() {
    let committed = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/acme-deregistration.audit.md"
    );
    let (code, md, err) = custodia(&["check", &example(), "--format", "markdown"]);
    // NOT COMPLIANT, and exit 2 as the example is run: its own `record`
    // schema leaves the statute packs out (README, EXPECTED.md).
    assert_eq!(code, 2, "{err}");
    assert!(md.contains("**NOT COMPLIANT**"), "{md}");
    if std::env::var_os("CUSTODIA_UPDATE_EXAMPLES").is_some() {
        std::fs::write(committed, &md).expect("write the example report");
    }
    let on_disk = std::fs::read_to_string(committed).unwrap_or_default();
    assert!(
        on_disk == md,
        "examples/acme-deregistration.audit.md is out of date; regenerate it with\n  CUSTODIA_UPDATE_EXAMPLES=1 cargo test --test reports the_committed_audit_report"
    );
}

#[test]
fn a_case_with_only_warnings_is_compliant_with_findings() {
    // On the standard schema: the fixtures' own `record` schema leaves the
    // statute packs out, and that run is NOT FULLY CHECKED.
    let dir = common::std_case_with(common::STD_WARNING);
    let mut args = vec![
        "check",
        dir.path().to_str().expect("utf-8"),
        "--format",
        "markdown",
    ];
    args.extend(common::PACKS_CHOSEN);
    let (exit, md, err) = custodia(&args);
    assert_eq!(exit, 0, "{err}");
    assert!(md.contains("**COMPLIANT WITH FINDINGS**"), "{md}");
    assert!(md.contains("titled_plainly"), "{md}");
}

/// The `custodia check` command lines of the README's CI examples, with
/// YAML folded continuation lines joined.
fn readme_ci_commands() -> Vec<Vec<String>> {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README");
    let lines: Vec<&str> = readme.lines().collect();
    let indent = |l: &str| l.len() - l.trim_start().len();
    let mut commands = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let text = line.trim_start().trim_start_matches("- ");
        if !text.starts_with("custodia check examples/") {
            continue;
        }
        let mut words: Vec<String> = text.split_whitespace().map(String::from).collect();
        for next in &lines[i + 1..] {
            let t = next.trim_start();
            if t.is_empty() || t.starts_with("- ") || indent(next) != indent(line) {
                break;
            }
            words.extend(t.split_whitespace().map(String::from));
        }
        commands.push(words);
    }
    commands
}

#[test]
fn the_readme_ci_commands_run_and_write_their_reports() {
    let commands = readme_ci_commands();
    assert_eq!(commands.len(), 2, "{commands:?}");
    for words in commands {
        let dir = tempfile::tempdir().expect("tempdir");
        #[cfg(unix)]
        std::os::unix::fs::symlink(
            concat!(env!("CARGO_MANIFEST_DIR"), "/examples"),
            dir.path().join("examples"),
        )
        .expect("symlink");
        let args: Vec<&str> = words[1..].iter().map(String::as_str).collect();
        let (code, _, err) = custodia_in(dir.path(), &args);
        // 2, not 1: the example's own `record` schema leaves the statute
        // packs out, which these commands do not accept (README); the
        // violations are in the JSON report below.
        assert_eq!(
            code, 2,
            "the example leaves the packs out: {words:?}\n{err}"
        );
        let outputs: Vec<&str> = words
            .iter()
            .filter_map(|w| w.split_once('=').map(|(_, p)| p))
            .collect();
        assert!(outputs.len() >= 3, "{words:?}");
        for path in outputs {
            let text = std::fs::read_to_string(dir.path().join(path))
                .unwrap_or_else(|e| panic!("{path} not written: {e}"));
            if path.ends_with(".sarif") {
                assert_valid_sarif(&text);
            }
            if path.ends_with(".json") && !path.contains("code-quality") {
                let report: serde_json::Value = serde_json::from_str(&text).expect("JSON");
                assert_eq!(report["verdict"]["result"], "not_compliant", "{path}");
                assert_eq!(report["complete"], true, "{path}");
            }
        }
    }
}

#[test]
fn built_in_pack_files_are_listed_with_their_hash() {
    let case = Case::with("", &rec("R1", &[]))
        .without("policies/schema.policy")
        .file("custodia.yaml", "packs: [std/schema]\n")
        .without("policies/rules.policy")
        .file(
            "policies/rules.policy",
            "rule ok {\n  for record r\n  require r.id is set\n}\n",
        );
    let run = case.run();
    let inputs = run.report()["inputs"].as_array().expect("inputs").clone();
    let pack = inputs
        .iter()
        .find(|i| i["path"] == "<builtin>/std/schema.policy")
        .unwrap_or_else(|| panic!("{}", run.dump()));
    assert_eq!(pack["role"], "policy");
    assert_eq!(pack["sha256"].as_str().map(str::len), Some(64));
    let (_, sarif) = render(case, Format::Sarif);
    assert_valid_sarif(&sarif);
}

/// Escape sequences and bidi overrides from the data reach neither a
/// coloured terminal nor a CI log raw; a clean report keeps its colours.
#[test]
fn data_control_characters_never_reach_a_terminal_raw() {
    let title = "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{202e}exe.txt";
    let written = Case::with(
        "rule titled {\n  for record r\n  require r.title == \"x\" else \"title {r.title}\"\n}\n",
        &rec("R-4", &[("title", title)]),
    )
    .run();
    let run = |format: Format, color: bool, case: &Path| {
        custodia::cli::app::run_check(&custodia::cli::app::CheckOptions {
            case: case.to_path_buf(),
            format,
            color,
            ..Default::default()
        })
        .output
    };
    for (format, color) in [
        (Format::Human, true),
        (Format::Human, false),
        (Format::Github, false),
    ] {
        let out = run(format, color, written.dir.path());
        assert!(out.contains("pwned"), "{format:?} shows the title: {out}");
        for raw in ["\u{7}", "\u{1b}]0;", "\u{1b}[2J", "\u{202e}"] {
            assert!(
                !out.contains(raw),
                "{format:?} color={color} printed {raw:?} raw"
            );
        }
    }
    let clean = run(Format::Human, true, Path::new(&example()));
    assert!(
        clean.contains("\u{1b}["),
        "a clean report is still coloured"
    );
}
