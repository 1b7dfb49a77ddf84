//! Control characters and bidi overrides from the data or from a policy
//! file's name reach no output raw (issue 18, security.md "Control
//! characters"): every report format, `explain`, and standard error.

mod common;

use common::{custodia_in, rec, Case};
use custodia::cli::app::{run_check, CheckOptions, FailOn, Format};

/// ESC sequences (clear screen, `ESC c` reset), BEL, CR, DEL, the C1 CSI,
/// and the right-to-left override, as JSON escapes in a log.
const NASTY: &str = r"\u001b[2J\u001bc\u0007\r\u007f\u009b\u202eevil";

fn case() -> Case {
    Case::with(
        "access purpose_given {\n  for access a\n  require a.purpose == \"audit\" else \"purpose {a.purpose}\"\n}\n",
        &rec("R1", &[]),
    )
    .file(
        "logs/access.jsonl",
        &format!(
            "{{\"at\": \"2026-01-05T09:15:00+08:00\", \"record\": \"R1\", \"actor\": \"S1\", \"purpose\": \"{NASTY}\"}}\n"
        ),
    )
}

fn raw_hidden(text: &str) -> Vec<char> {
    text.chars()
        .filter(|c| custodia::text::is_hidden(*c))
        .collect()
}

#[test]
fn no_report_format_holds_a_raw_control_or_bidi_character() {
    let dir = case().write();
    for format in Format::ALL {
        let out = run_check(&CheckOptions {
            case: dir.path().to_path_buf(),
            format,
            fail_on: Some(FailOn::Info),
            as_of: Some("2026-11-27".into()),
            ..Default::default()
        });
        assert!(
            out.output.contains("evil"),
            "{}: {}",
            format.name(),
            out.output
        );
        let hidden = raw_hidden(&out.output);
        assert!(hidden.is_empty(), "{}: raw {hidden:?}", format.name());
        if format == Format::Json {
            // Escaped, not lost: the JSON, read by programs, still holds
            // the characters.
            let v: serde_json::Value = serde_json::from_str(&out.output).expect("JSON");
            assert!(v.to_string().contains('\u{202e}'), "{}", format.name());
        }
        if matches!(format, Format::Sarif | Format::Codequality) {
            // A code-scanning page shows these strings to a person: the
            // decoded text holds the visible escape, never the override
            // (hostile review, 2026-12-05: it reordered the message).
            let v: serde_json::Value = serde_json::from_str(&out.output).expect("JSON");
            let text = v.to_string();
            assert!(!text.contains('\u{202e}'), "{}: {text}", format.name());
            assert!(
                text.contains("\\\\u{202e}evil"),
                "{}: {text}",
                format.name()
            );
        }
    }
}

#[test]
fn explain_shows_data_controls_escaped() {
    let dir = case().write();
    let (code, out, err) = custodia_in(
        dir.path(),
        &[
            "explain",
            "purpose_given",
            "--subject",
            "logs/access.jsonl:1",
            ".",
        ],
    );
    assert!(out.contains("evil"), "{code} {out}{err}");
    assert!(
        raw_hidden(&out).is_empty(),
        "raw {:?} in\n{out}",
        raw_hidden(&out)
    );
    assert!(out.contains("\\u{1b}"), "{out}");
}

#[test]
fn a_policy_file_name_with_escapes_is_shown_escaped_on_stderr() {
    let dir = Case::with("rule broken {\n", &rec("R1", &[]))
        .file("policies/a\u{1b}[2Jb\u{202e}.policy", "rule broken {\n")
        .write();
    let (code, out, err) = custodia_in(dir.path(), &["check", "."]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(err.contains("a\\u{1b}[2Jb\\u{202e}.policy"), "{err}");
    assert!(
        raw_hidden(&err).is_empty(),
        "raw {:?} in\n{err}",
        raw_hidden(&err)
    );
}

/// E1: a colour code from the data (`ESC [8m` hides the text after it) is
/// escaped on `explain`'s standard output like every other ESC.
#[test]
fn explain_escapes_colour_codes_from_the_data() {
    let dir = Case::with(
        "access purpose_given {\n  for access a\n  require a.purpose == \"audit\" else \"purpose {a.purpose}\"\n}\n",
        &rec("R1", &[]),
    )
    .file(
        "logs/access.jsonl",
        "{\"at\": \"2026-01-05T09:15:00+08:00\", \"record\": \"R1\", \"actor\": \"S1\", \"purpose\": \"柜\\u001b[8mHIDDEN\\u001b[0m\\u001b[31m\"}\n",
    )
    .write();
    let (code, out, err) = custodia_in(
        dir.path(),
        &[
            "explain",
            "purpose_given",
            "--subject",
            "logs/access.jsonl:1",
            ".",
        ],
    );
    assert!(out.contains("HIDDEN"), "{code} {out}{err}");
    assert!(!out.contains('\u{1b}'), "raw ESC in\n{out}");
    assert!(out.contains("\\u{1b}[8m"), "{out}");
}

/// E2: `init` writes no control or bidi character raw into custodia.yaml
/// (nor on its standard output), whatever the file names and headers hold:
/// scalars get YAML's `\u` escapes, comments the visible `\u{..}`.
#[test]
fn init_writes_no_hidden_character_into_the_manifest() {
    let dir = Case::new()
        .file("policies/schema.policy", common::SCHEMA)
        .file(
            "移交\u{1b}[2J\u{7}\u{202e}记录.csv",
            "档案号,题名,收件人\u{202e}\u{7},状态\nR-1,合同,x,active\n",
        )
        .write();
    let (code, out, err) = custodia_in(dir.path(), &["init", "."]);
    assert_eq!(code, 0, "{out}{err}");
    let yaml = std::fs::read_to_string(dir.path().join("custodia.yaml")).expect("written");
    assert!(
        raw_hidden(&yaml).is_empty(),
        "raw {:?} in\n{yaml}",
        raw_hidden(&yaml)
    );
    assert!(
        raw_hidden(&out).is_empty(),
        "raw {:?} in\n{out}",
        raw_hidden(&out)
    );
    assert!(yaml.contains("\\u202e"), "{yaml}");
    // Escaped, not lost: read as YAML, the scalar is the file's name.
    let v: serde_json::Value = serde_saphyr::from_str(&yaml).expect("YAML");
    assert_eq!(
        v["inventory"]["file"], "移交\u{1b}[2J\u{7}\u{202e}记录.csv",
        "{yaml}"
    );
}
