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
use custodia::cli::app::{run_check, CheckOptions, FailOn, Format};

/// The personal data of the case, as written in its files.
const SECRETS: [&str; 12] = [
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
    // Written where a staff number belongs: an ID number ending in X and
    // a passport number read like ids (hostile review, 2026-12-07).
    "11010119850307123X",
    "E98765432",
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
             2026-01-06T09:15:00+08:00,R-1,Sima Yi Hidden\n\
             2026-01-07T09:15:00+08:00,R-1,11010119850307123X\n\
             2026-01-08T09:15:00+08:00,R-1,E98765432\n",
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
access ref_text {
  for access a
  let who = a.actor
  let both = [a.actor, a.record]
  require a.actor == "S-2" and who == "S-2" and both contains "x" else "by {a.actor} / {who} / {both}"
}
test "the phone test fails and shows its trace" {
  given record { id: "T-1", title: "x", status: "active", phone: "13955501234" }
  expect let_phone passes
}
test "a name in a ref column fails and shows its trace" {
  given staff { id: "S-2", name: "x", role: "archivist" }
  given access { at: "2026-01-05T09:15:00+08:00", record: "T-1", actor: "Sima Given Name" }
  expect ref_text passes
}
"#;

/// The personal values the routed rules' test blocks give.
const GIVEN_SECRET: &str = "13955501234";
const GIVEN_NAME: &str = "Sima Given Name";

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
        "ref_text",
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
        ("ref_text", "logs/access.csv:2"),
    ] {
        let out = custodia::cli::explain::run_explain(&custodia::cli::explain::ExplainOptions {
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

/// A ref's text is masked only when it names nothing and does not read like
/// an id (issue 18, L9): an id of the target is shown whole even when it
/// does not read like one (`keeper`), and so is a dangling id (`S-99`).
#[test]
fn a_ref_is_masked_only_when_it_holds_no_id() {
    let dir = case()
        .file(
            "policies/rules.policy",
            "access by_whom {\n  for access a\n  require a.actor == \"none\" else \"by {a.actor}\"\n}\n",
        )
        .file(
            "tables/staff.csv",
            "id,name,role\nkeeper,欧阳娜娜,sales\nS-1,Zhang Secretname,archivist\n",
        )
        .file(
            "logs/access.csv",
            "at,record,actor\n2026-01-05T09:15:00+08:00,R-1,keeper\n\
             2026-01-06T09:15:00+08:00,R-1,S-99\n\
             2026-01-07T09:15:00+08:00,R-1,Sima Yi Hidden\n",
        )
        .write();
    let texts = run_one(dir.path(), Format::Json, false, false, Vec::new());
    let json = &texts[0].1;
    for shown in ["by keeper", "by S-99", "by ***********den"] {
        assert!(json.contains(shown), "no `{shown}` in:\n{json}");
    }
    for (what, text) in &texts {
        assert_no_secret(what, text);
    }
}

/// `custodia test` on `policies`, in English, as of the cases' date.
fn run_tests(policies: &[std::path::PathBuf]) -> custodia::cli::app::Outcome {
    custodia::testing::run_test(&custodia::testing::TestOptions {
        paths: policies.to_vec(),
        as_of: Some("2026-11-27".into()),
        tz: None,
        coverage_threshold: None,
        color: false,
        lang: custodia::i18n::Lang::En,
    })
}

/// `custodia test` shows the trace of a test that expected a pass; `validate`
/// lints the set: neither shows the personal values the test gives.
#[test]
fn test_and_validate_output_mask_given_personal_values() {
    let dir = routed_case().write();
    let policies = vec![dir.path().join("policies")];
    let out = run_tests(&policies);
    let text = format!("{}{}", out.output, out.errors);
    assert!(text.contains("FAIL"), "{text}");
    assert!(text.contains("let_phone"), "{text}");
    assert!(
        !text.contains(GIVEN_SECRET),
        "test leaks {GIVEN_SECRET}:\n{text}"
    );
    assert!(!text.contains(&GIVEN_SECRET[..7]), "{text}");
    // A name in a ref column, in the test's own data (issue 18, L9).
    assert!(text.contains("ref_text"), "{text}");
    assert!(
        text.contains("***********Name") || text.contains("by *"),
        "{text}"
    );
    for piece in pieces(GIVEN_NAME) {
        assert!(!text.contains(&piece), "test leaks `{piece}`:\n{text}");
    }
    let out = custodia::cli::app::run_validate(&policies, false);
    let text = format!("{}{}", out.output, out.errors);
    assert!(text.contains("ok:"), "{text}");
    assert!(
        !text.contains(&GIVEN_SECRET[..7]),
        "validate leaks:\n{text}"
    );
}

/// A diagnostic that quotes a line of a test block (a mistyped field in a
/// `given`, a syntax error in one) masks the values the test gives, in
/// `validate`, `custodia test` and a check's policy errors (issue 18, L10).
#[test]
fn diagnostics_quoting_a_test_block_mask_its_values() {
    let typo = "test \"typo\" {\n  given staff { id: \"S-9\", name: \"欧阳娜娜\", nmae: \"13955501234\" }\n  expect only_archivists passes\n}\n";
    let broken = "test \"broken\" {\n  given staff { id: \"S-9\" name: \"Zhang Secretname\", phone: 13912345678 }\n}\n";
    for (what, block, expected) in [("typo", typo, "nmae"), ("syntax", broken, "s.policy:2")] {
        let dir = case().file("policies/tests.policy", block).write();
        let policies = vec![dir.path().join("policies")];
        let validate = custodia::cli::app::run_validate(&policies, false);
        let test = run_tests(&policies);
        let mut texts = vec![
            (
                format!("validate {what}"),
                validate.output + &validate.errors,
            ),
            (format!("test {what}"), test.output + &test.errors),
        ];
        let check = run_one(dir.path(), Format::Human, false, false, Vec::new());
        texts.push((
            format!("check {what}"),
            check.iter().map(|(_, t)| t.as_str()).collect(),
        ));
        for (name, text) in &texts {
            // The diagnostic is there and quotes the line, values masked.
            assert!(text.contains(expected), "{name}:\n{text}");
            assert!(
                text.contains("given staff { id: \"***\""),
                "{name}:\n{text}"
            );
            assert_no_secret(name, text);
            assert!(!text.contains(&GIVEN_SECRET[..7]), "{name}:\n{text}");
        }
    }
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
    let out = custodia::cli::app::run_validate(&[dir.path().join("policies")], false);
    assert_eq!(out.exit, 2, "{}{}", out.output, out.errors);
    assert!(
        out.errors.contains("the id field `id` cannot be `pii`"),
        "{}",
        out.errors
    );
    assert!(out.errors.contains("s.policy:3:5"), "{}", out.errors);
}

/// A copy of the shipped example examples/company-exports (a company's own
/// files read through custodia.yaml), to change one file of.
fn company_exports() -> tempfile::TempDir {
    fn copy(from: &std::path::Path, to: &std::path::Path) {
        std::fs::create_dir_all(to).expect("make a folder");
        for entry in std::fs::read_dir(from).expect("read the example") {
            let path = entry.expect("an entry").path();
            let target = to.join(path.file_name().expect("a name"));
            if path.is_dir() {
                copy(&path, &target);
            } else {
                std::fs::copy(&path, &target).expect("copy a file");
            }
        }
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let example = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/company-exports");
    copy(&example, dir.path());
    dir
}

/// Replaces `from` by `to` in a file of `dir` (which must hold it).
fn edit(dir: &std::path::Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).expect("read a case file");
    assert!(text.contains(from), "{file} lacks `{from}`");
    std::fs::write(&path, text.replacen(from, to, 1)).expect("write a case file");
}

/// Every format of a check of `dir`, as main report and stderr.
fn every_format(dir: &std::path::Path) -> Vec<(String, String)> {
    let mut texts = Vec::new();
    for format in Format::ALL {
        texts.extend(run_one(dir, format, false, false, Vec::new()));
    }
    texts
}

/// No text holds any of `names`; `seen` must be in the JSON report, so the
/// path that once leaked did run.
fn assert_none_of(texts: &[(String, String)], names: &[&str], seen: &str) {
    for (what, text) in texts {
        for name in names {
            assert!(!text.contains(name), "{what} shows `{name}`:\n{text}");
        }
    }
    let json = &texts
        .iter()
        .find(|(w, _)| w.starts_with("json ") && w.ends_with("stdout"))
        .expect("a JSON run")
        .1;
    assert!(
        json.contains(seen),
        "the JSON report lacks `{seen}`:\n{json}"
    );
}

/// L1: the human report quotes no line of a mapped file that holds a name
/// (looked up into a staff id, so the mapped value is an id) nor one with
/// a cell no field reads (an ID number beside the name); it still names
/// the file and line.
#[test]
fn the_company_exports_report_quotes_no_line_with_a_looked_up_name() {
    let example = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/company-exports");
    let human = run_one(&example, Format::Human, false, false, Vec::new());
    let (_, text) = &human[0];
    for name in ["李强", "赵磊", "吴刚", "周敏", "孙悦", "王芳"] {
        assert!(!text.contains(name), "the report quotes `{name}`:\n{text}");
    }
    assert!(text.contains("at 查阅登记.csv:11"), "{text}");
    assert!(text.contains("at 移交记录.csv:5"), "{text}");
    // A mapped file without personal content is still quoted.
    assert!(text.contains("╭─[保管期限表.csv:4:1]"), "{text}");

    let dir = company_exports();
    // The example's CSV files end their lines with CRLF, as Excel does.
    edit(
        dir.path(),
        "查阅登记.csv",
        "查阅事由\r\n",
        "查阅事由,查阅人身份证号\r\n",
    );
    edit(
        dir.path(),
        "查阅登记.csv",
        "2026年4月15日 10:00,R-1003,李强,\r\n",
        "2026年4月15日 10:00,R-1003,李强,,110101198503071234\r\n",
    );
    let texts = every_format(dir.path());
    assert_none_of(
        &texts,
        &["李强", "110101198503071234", "0101198503"],
        "查阅登记.csv",
    );
}

/// L6: a GBK file read by two entries (`where:` on a category column) is
/// quoted from its decoded text: the line named is the line shown, not
/// bytes of another row (here the notification's phone number).
#[test]
fn a_mapped_gbk_file_quotes_the_row_it_names() {
    let csv = "时间,档案号,类别,事由,收件人\n\
               2026/6/10 9:00,R-1,通知,,13912345678\n\
               2026/6/11 9:00,R-1,查阅,,\n\
               2026/6/12 9:00,R-1,查阅,核对,\n";
    let (gbk, _, _) = encoding_rs::GBK.encode(csv);
    let dir = Case::new()
        .file(
            "policies/schema.policy",
            "schema {\n  record {\n    id: id\n  }\n  event access {\n    record: ref record\n    purpose: text?\n  }\n  event notification {\n    record: ref record\n    recipient: text pii\n  }\n}\n",
        )
        .file(
            "policies/rules.policy",
            "access purpose_given {\n  for access a\n  require a.purpose is set\n}\n",
        )
        .file("inventory.csv", "id\nR-1\n")
        .bytes("OA导出.csv", &gbk)
        .file(
            "custodia.yaml",
            "logs:\n  - file: OA导出.csv\n    encoding: gbk\n    kind: access\n    where: { 类别: [查阅] }\n    columns: { at: 时间, record: 档案号, purpose: 事由 }\n  - file: OA导出.csv\n    encoding: gbk\n    kind: notification\n    where: { 类别: [通知] }\n    columns: { at: 时间, record: 档案号, recipient: 收件人 }\n",
        )
        .tz("Asia/Shanghai")
        .write();
    let out = run_one(dir.path(), Format::Human, false, false, Vec::new());
    let text = &out[0].1;
    assert!(text.contains("purpose_given"), "{text}{}", out[1].1);
    assert!(text.contains(" 3 │ 2026/6/11 9:00,R-1,查阅,,"), "{text}");
    assert!(!text.contains("13912345678"), "{text}");
}

/// L2: a name that a lookup by a personal field (`staff.name`) cannot find,
/// or finds twice, is masked in the input error (every format).
#[test]
fn a_lookup_error_masks_the_name_it_could_not_find() {
    let dir = company_exports();
    let log = dir.path().join("查阅登记.csv");
    let mut text = std::fs::read_to_string(&log).expect("read the log");
    text.push_str("2026/11/21 15:00,R-1010,张伟伟,x\n");
    std::fs::write(&log, text).expect("write the log");
    let roster = dir.path().join("员工花名册.csv");
    let mut text = std::fs::read_to_string(&roster).expect("read the roster");
    text.push_str("S-10,王芳,档案员,2012年7月1日,,是\n");
    std::fs::write(&roster, text).expect("write the roster");
    let texts = every_format(dir.path());
    assert_none_of(
        &texts,
        &["张伟伟", "王芳"],
        "no row of `staff` has this `name`",
    );
    let json = &texts
        .iter()
        .find(|(w, _)| w.starts_with("json "))
        .expect("json")
        .1;
    assert!(
        json.contains("rows of `staff` have this `name`")
            || json.contains("ambiguous")
            || json.contains("S-02"),
        "{json}"
    );
}

/// L3: a `where:` on a personal column that selects nothing, or leaves rows
/// unread, lists that column's values masked.
#[test]
fn a_row_filter_lists_a_personal_columns_values_masked() {
    for (filter, seen) in [
        ("全体客户（公司官网公告）", "read by no entry"),
        ("张三丰", "selects no row"),
    ] {
        let dir = company_exports();
        edit(
            dir.path(),
            "custodia.yaml",
            "  - file: 客户通知记录.csv\n    kind: notification\n",
            &format!("  - file: 客户通知记录.csv\n    kind: notification\n    where: {{ 收件人: [{filter}] }}\n"),
        );
        let texts = every_format(dir.path());
        assert_none_of(
            &texts,
            &[
                "吴女士",
                "13800001005",
                "郑先生",
                "qian@example.com",
                "钱先生",
            ],
            seen,
        );
    }
}

/// L4, L5: a value map on a ref into a collection with personal fields
/// lists the names it lacks masked, and a key it leaves empty is masked
/// too (`init` writes keys from the data).
#[test]
fn value_map_errors_on_a_ref_holding_names_are_masked() {
    let dir = company_exports();
    edit(
        dir.path(),
        "custodia.yaml",
        "        lookup: staff.name          # the roster's name -> its staff number\n        values: { 吴刚: S-09 }      # an outside auditor, not on the roster\n",
        "        values: { 吴刚: S-09, 李强: S-03 }\n",
    );
    let texts = every_format(dir.path());
    assert_none_of(&texts, &["王芳", "周敏", "孙悦"], "lacks values");

    let dir = company_exports();
    edit(
        dir.path(),
        "custodia.yaml",
        "values: { 吴刚: S-09 }",
        "values: { 吴刚: \"\" }",
    );
    let texts = every_format(dir.path());
    assert_none_of(&texts, &["吴刚"], "leaves `***` empty");
}

/// A value-map exception that a roster row also answers (2026-12-06): the
/// error names both ids, never the shared name.
#[test]
fn an_exception_shadowing_a_roster_row_is_refused_without_the_name() {
    let dir = company_exports();
    let roster = dir.path().join("员工花名册.csv");
    let mut text = std::fs::read_to_string(&roster).expect("read the roster");
    text.push_str("S-10,吴刚,销售,2020/1/1,,否\r\n");
    std::fs::write(&roster, text).expect("write the roster");
    let texts = every_format(dir.path());
    assert_none_of(
        &texts,
        &["吴刚"],
        "as `S-09`, but `staff` has a row whose `name` is `***` too (`S-10`)",
    );
}

/// L7: a header row that is really data (a wrong `header_row`, a file
/// without header) is not listed raw as "its columns".
#[test]
fn a_header_row_that_is_data_is_not_listed_raw() {
    let dir = company_exports();
    edit(
        dir.path(),
        "custodia.yaml",
        "header_row: 3 ",
        "header_row: 7 ",
    );
    let texts = every_format(dir.path());
    // The data rows above the header row now stop the sheet first (they
    // would be dropped); that error names no cell either.
    assert_none_of(&texts, &["13800001001"], "above the header row 7");

    let dir = company_exports();
    edit(
        dir.path(),
        "客户通知记录.csv",
        "通知时间,档案号,通知方式,收件人\r\n",
        "",
    );
    let texts = every_format(dir.path());
    assert_none_of(&texts, &["qian@example.com", "钱先生"], "has no column");
}
