//! No personal information leaks (issue 7.5): a case whose `pii` fields hold
//! known values is run through every output format and every path that
//! quotes data — violation messages with holes, the values behind a failure,
//! subjects and evidence, input errors quoting the offending value, notes —
//! and none of the values, nor any 6-character piece of one, may appear.
//! The bad-input catalogue (tests/bad_inputs.rs) makes the same assertion
//! for the base case's personal data over all of its error paths.
//!
//! Every format the binary writes (`Format::ALL`: human with and without
//! colour, JSON, SARIF, JUnit, GitHub, Markdown, HTML) is run, as the main
//! report and as a further `--output` report, with and without `--strict`.

mod common;

use common::Case;
use custodia::app::{run_check, CheckOptions, FailOn, Format};

/// The personal data of the case, as written in its files.
const SECRETS: [&str; 10] = [
    "13912345678",
    "13987654321",
    "欧阳娜娜",
    "Zhang Secretname",
    "Huang Qiaoqiao",
    "监销人司马光明先生",
    "qiao.secret@example.com",
    "1985-13-45",
    "110101198503071234",
    "Sima Yi Hidden",
];

const SCHEMA: &str = r#"
schema {
  record {
    id: id
    title: text
    status: one of "active", "destroyed"
    phone: text? pii
    birthday: date? pii
    id_card: text? pii
  }
  event access {
    record: ref record
    actor: ref staff
  }
  event destruction {
    record: ref record
    witnesses: list of text pii
  }
  event notification {
    record: ref record
    recipient: text pii
  }
  table staff {
    id: id
    name: text pii
    role: one of "archivist", "sales"
  }
}
"#;

/// Rules that put every personal field in a message hole, in the values of
/// a failing clause, and in the subject or evidence of a violation.
const RULES: &str = r#"
rule no_phones {
  for record r where r.phone is set
  require r.phone == "0" else "{r.id} holds phone {r.phone} and card {r.id_card}"
}
rule no_birthdays {
  for record r
  require r.birthday is missing and r.id_card is missing
}
access only_archivists {
  for access a
  require a.actor.role == "archivist" else "{a.actor.name} ({a.actor.id}) opened {a.record.id}"
}
destruction three_witnesses {
  for destruction d
  require len(d.witnesses) >= 3 else "only {d.witnesses} witnessed {d.record.id}"
}
notification told {
  for notification n
  require n.recipient contains "@" and n.recipient == "x" else "told {n.recipient}"
}
rule phone_unique {
  for record r where r.phone is set
  forbid record o on o.phone == r.phone and o.id != r.id else "{o.phone} is shared"
}
"#;

fn case() -> Case {
    Case::new()
        .file("policies/schema.policy", SCHEMA)
        .file("policies/rules.policy", RULES)
        .file(
            "inventory.csv",
            "id,title,status,phone,birthday,id_card\n\
             R-1,客户档案,active,13912345678,,110101198503071234\n\
             R-2,客户档案,destroyed,13912345678,,\n\
             R-3,合同,active,13987654321,1985-13-45,\n",
        )
        .file(
            "tables/staff.csv",
            "id,name,role\nS-1,欧阳娜娜,sales\nS-2,Zhang Secretname,archivist\n",
        )
        .file(
            "logs/access.csv",
            "at,record,actor\n2026-01-05T09:15:00+08:00,R-1,S-1\n\
             2026-01-06T09:15:00+08:00,R-1,Sima Yi Hidden\n",
        )
        .file(
            "logs/destruction.jsonl",
            "{\"at\": \"2026-05-20T14:00:00+08:00\", \"record\": \"R-2\", \"witnesses\": [\"Huang Qiaoqiao\", \"监销人司马光明先生\"]}\n\
             {\"at\": \"2026-05-21T14:00:00+08:00\", \"record\": \"R-1\", \"witnesses\": \"Huang Qiaoqiao\"}\n",
        )
        .file(
            "logs/notification.yaml",
            "- at: 2026-06-01T09:00:00+08:00\n  record: R-1\n  recipient: qiao.secret@example.com\n\
             - at: 2026-06-02T09:00:00+08:00\n  record: R-3\n  recipient: [13987654321]\n",
        )
        .tz("Asia/Shanghai")
}

/// Every window of 6 characters of a secret (the whole of a shorter one).
fn pieces(secret: &str) -> Vec<String> {
    let chars: Vec<char> = secret.chars().collect();
    if chars.len() <= 6 {
        return vec![secret.to_string()];
    }
    chars.windows(6).map(|w| w.iter().collect()).collect()
}

fn assert_no_secret(what: &str, text: &str) {
    for secret in SECRETS {
        for piece in pieces(secret) {
            assert!(
                !text.contains(&piece),
                "{what} leaks `{piece}` of `{secret}`:\n{text}"
            );
        }
    }
}

/// One run's main report, its stderr, and the further `--output` reports.
fn run_one(
    dir: &std::path::Path,
    format: Format,
    color: bool,
    strict: bool,
    outputs: Vec<(Format, std::path::PathBuf)>,
) -> Vec<(String, String)> {
    let out = run_check(&CheckOptions {
        case: dir.to_path_buf(),
        overrides: Default::default(),
        as_of: Some("2026-11-27".into()),
        tz: None,
        format,
        fail_on: Some(FailOn::Info),
        strict,
        color,
        outputs,
        ..Default::default()
    });
    let name = format!("{} color={color} strict={strict}", format.name());
    let mut texts = vec![
        (format!("{name} stdout"), out.output),
        (format!("{name} stderr"), out.errors),
    ];
    for (path, text) in out.files {
        texts.push((format!("{name} --output {}", path.display()), text));
    }
    texts
}

/// Every format as the main report (human also coloured), then every
/// format at once as `--output` reports of a JSON run.
fn run_all(strict: bool) -> Vec<(String, String)> {
    let dir = case().write();
    let mut outputs = Vec::new();
    for format in Format::ALL {
        outputs.extend(run_one(dir.path(), format, false, strict, Vec::new()));
    }
    outputs.extend(run_one(dir.path(), Format::Human, true, strict, Vec::new()));
    let files = Format::ALL
        .iter()
        .map(|f| (*f, dir.path().join(format!("report.{}", f.name()))))
        .collect();
    outputs.extend(run_one(dir.path(), Format::Json, false, strict, files));
    outputs
}

#[test]
fn personal_data_appears_in_no_output_format() {
    for strict in [false, true] {
        for (what, text) in run_all(strict) {
            assert_no_secret(&what, &text);
        }
    }
}

/// The test above must not pass because nothing was reported: each path it
/// means to cover did run.
#[test]
fn the_leak_test_covers_messages_values_and_input_errors() {
    let outputs = run_all(false);
    let json = &outputs
        .iter()
        .find(|(w, _)| w == "json color=false strict=false stdout")
        .expect("a JSON run")
        .1;
    let report: serde_json::Value = serde_json::from_str(json).expect("JSON report");
    let rules: Vec<&str> = report["violations"]
        .as_array()
        .expect("violations")
        .iter()
        .filter_map(|v| v["rule"].as_str())
        .collect();
    for rule in [
        "no_phones",
        "no_birthdays",
        "only_archivists",
        "three_witnesses",
        "told",
        "phone_unique",
        "integrity.dangling_ref",
    ] {
        assert!(rules.contains(&rule), "{rule} did not fire: {rules:?}");
    }
    let errors = report["input_errors"].as_array().expect("input errors");
    let fields: Vec<&str> = errors.iter().filter_map(|e| e["field"].as_str()).collect();
    for field in ["birthday", "witnesses", "recipient"] {
        assert!(
            fields.contains(&field),
            "no input error on `{field}`: {errors:?}"
        );
    }
    // Masked, not dropped: the reader can still tell which value it was.
    assert!(json.contains("*********78"), "{json}");
    assert!(json.contains("*******先生"), "{json}");
}

/// Every format really reported the case (a renderer that printed nothing
/// would leak nothing): each names the rule whose message holds a masked
/// phone number, and the reports written by `--output` are the formats'
/// own reports.
#[test]
fn every_format_reported_the_violations_and_input_errors() {
    let outputs = run_all(false);
    for format in Format::ALL {
        let stdout = format!("{} color=false strict=false stdout", format.name());
        let text = &outputs
            .iter()
            .find(|(w, _)| *w == stdout)
            .unwrap_or_else(|| panic!("no run of {stdout}"))
            .1;
        for expected in ["no_phones", "*********78", "birthday"] {
            assert!(
                text.contains(expected),
                "{stdout} does not show `{expected}`:\n{text}"
            );
        }
        // A format that escaped non-ASCII text (`\u6b27`, `&#27431;`) would
        // hide a leaked Chinese name from the search: the masked name shows
        // as written. (The Markdown audit report prints no messages, only
        // the values of failing clauses.)
        // GitHub shows 10 errors a step: the witnesses' violation is the
        // 12th error here and is counted in the "more" line instead.
        let capped = format == Format::Github && text.contains("more not annotated");
        if format != Format::Markdown && !capped {
            assert!(
                text.contains("*******先生"),
                "{stdout} escapes or drops names:\n{text}"
            );
        }
        let written = format!("report.{}", format.name());
        assert!(
            outputs
                .iter()
                .any(|(w, t)| w.ends_with(&written) && t.contains("no_phones")),
            "no --output report {written}"
        );
    }
    let coloured = &outputs
        .iter()
        .find(|(w, _)| w == "human color=true strict=false stdout")
        .expect("a coloured human run")
        .1;
    assert!(coloured.contains('\u{1b}'), "coloured: {coloured}");
}

/// Rules that carry personal values away from the field that holds them:
/// through a rule's `let`, a list, a `ref` to a personal field, a built-in
/// function, arithmetic-free text functions, and a `let` of a `let` (issue 18).
const ROUTED: &str = r#"
rule let_phone {
  for record r where r.phone is set
  let p = r.phone
  let q = p
  require q == "0" else "phone {p} / {q} / {upper(q)}"
}
rule list_phone {
  for record r where r.phone is set
  require len([r.phone, r.id_card]) == 0 else "{[r.phone, r.id_card]}"
}
rule list_let {
  for record r where r.phone is set
  let all = [r.phone, r.id_card]
  require all contains "0" else "held {all}"
}
access let_ref {
  for access a
  let who = a.actor.name
  let shouted = lower(who)
  require who == "nobody" else "{who} {shouted}"
}
notification let_recipient {
  for notification n
  let to = n.recipient
  require to == "nobody" else "sent to {to}"
}
destruction let_witnesses {
  for destruction d
  let w = d.witnesses
  require len(w) >= 5 and w contains "x" else "{w}"
}
test "the phone test fails and shows its trace" {
  given record { id: "T-1", title: "x", status: "active", phone: "13955501234" }
  expect let_phone passes
}
"#;

/// The personal values the routed rules' test block gives.
const GIVEN_SECRET: &str = "13955501234";

fn routed_case() -> Case {
    case().file("policies/routed.policy", ROUTED)
}

/// Every format (main report and `--output`), and `explain` of each routed
/// rule, shows no personal value however a rule routes it to a message.
#[test]
fn personal_data_routed_through_lets_lists_and_refs_stays_masked() {
    let dir = routed_case().write();
    let files = Format::ALL
        .iter()
        .map(|f| (*f, dir.path().join(format!("report.{}", f.name()))))
        .collect();
    let mut texts = Vec::new();
    for format in Format::ALL {
        texts.extend(run_one(dir.path(), format, false, false, Vec::new()));
    }
    texts.extend(run_one(dir.path(), Format::Json, false, false, files));
    let json = &texts
        .iter()
        .find(|(w, _)| w == "json color=false strict=false stdout")
        .expect("a JSON run")
        .1;
    for rule in [
        "let_phone",
        "list_phone",
        "list_let",
        "let_ref",
        "let_recipient",
        "let_witnesses",
    ] {
        assert!(json.contains(&format!("\"{rule}\"")), "{rule} did not fire");
    }
    assert!(
        json.contains("phone ") && json.contains("sent to "),
        "{json}"
    );
    for (what, text) in &texts {
        assert_no_secret(what, text);
    }
    for (rule, subject) in [
        ("let_phone", "R-1"),
        ("list_phone", "R-2"),
        ("list_let", "R-1"),
        ("let_ref", "logs/access.csv:2"),
        ("let_recipient", "logs/notification.yaml:1"),
        ("let_witnesses", "logs/destruction.jsonl:1"),
    ] {
        let out = custodia::explain_cmd::run_explain(&custodia::explain_cmd::ExplainOptions {
            rule: rule.into(),
            subject: Some(subject.into()),
            case: dir.path().to_path_buf(),
            overrides: Default::default(),
            as_of: Some("2026-11-27".into()),
            tz: None,
            lang: None,
        });
        let text = format!("{}{}", out.output, out.errors);
        assert!(text.contains(rule), "explain {rule} {subject}:\n{text}");
        assert!(
            text.contains("*"),
            "explain {rule} shows no masked value:\n{text}"
        );
        assert_no_secret(&format!("explain {rule}"), &text);
    }
}

/// `custodia test` shows the trace of a test that expected a pass; `validate`
/// lints the set: neither shows the personal values the test gives.
#[test]
fn test_and_validate_output_mask_given_personal_values() {
    let dir = routed_case().write();
    let policies = vec![dir.path().join("policies")];
    let out = custodia::testing::run_test(&custodia::testing::TestOptions {
        paths: policies.clone(),
        as_of: Some("2026-11-27".into()),
        tz: None,
        coverage_threshold: None,
        color: false,
    });
    let text = format!("{}{}", out.output, out.errors);
    assert!(text.contains("FAIL"), "{text}");
    assert!(text.contains("let_phone"), "{text}");
    assert!(
        !text.contains(GIVEN_SECRET),
        "test leaks {GIVEN_SECRET}:\n{text}"
    );
    assert!(!text.contains(&GIVEN_SECRET[..7]), "{text}");
    let out = custodia::app::run_validate(&policies, false);
    let text = format!("{}{}", out.output, out.errors);
    assert!(text.contains("ok:"), "{text}");
    assert!(
        !text.contains(&GIVEN_SECRET[..7]),
        "validate leaks:\n{text}"
    );
}

/// An id field cannot be marked `pii`: every report names rows by their
/// id, and masking it would break waivers and baselines (security.md).
#[test]
fn a_personal_id_field_is_a_policy_error() {
    let dir = Case::new()
        .file(
            "policies/s.policy",
            "schema {\n  table customer {\n    id: id pii\n    name: text pii\n  }\n}\n",
        )
        .write();
    let out = custodia::app::run_validate(&[dir.path().join("policies")], false);
    assert_eq!(out.exit, 2, "{}{}", out.output, out.errors);
    assert!(
        out.errors.contains("the id field `id` cannot be `pii`"),
        "{}",
        out.errors
    );
    assert!(out.errors.contains("s.policy:3:5"), "{}", out.errors);
}
