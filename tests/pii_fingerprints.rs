//! Fingerprints reveal no personal value (issue 18, security.md
//! "Fingerprints"). An event without id is named in fingerprints by a digest
//! of its values; when that digest covered its `pii` fields, a reader of a
//! report (masked phone, the other values, the clause, the fingerprint)
//! recovered the phone number by hashing each of 10^4 guesses. The attacker
//! here does exactly that, after proving on an event without personal
//! values that it reproduces custodia's fingerprints.

mod common;

use common::Case;
use custodia::cli::app::{run_check, CheckOptions, FailOn, Format};
use sha2::{Digest, Sha256};

const POLICY: &str = r#"
schema {
  record {
    id: id
    title: text
  }
  table staff {
    id: id
    name: text pii
  }
  event call {
    record: ref record
    topic: text
    phone: text pii
    handled_by: ref staff?
  }
  event visit {
    record: ref record
    topic: text
    room: text
  }
}
rule told {
  for call c
  require c.topic == "none" else "called {c.phone} about {c.topic}"
}
rule seen {
  for visit v
  require v.topic == "none" else "visited {v.room} about {v.topic}"
}
"#;

const AT: &str = "2026-01-05T09:15:00+00:00";
const PHONE: &str = "13812345678";

fn report(phone: &str) -> serde_json::Value {
    report_with(phone, "")
}

/// `who` in the call's `handled_by`: empty, or a name where an id belongs.
fn report_with(phone: &str, who: &str) -> serde_json::Value {
    let dir = Case::new()
        .file("policies/p.policy", POLICY)
        .file("inventory.csv", "id,title\nR-1,x\n")
        .file(
            "logs/call.csv",
            &format!("at,record,topic,phone,handled_by\n{AT},R-1,refund,{phone},{who}\n"),
        )
        .file(
            "logs/visit.csv",
            &format!("at,record,topic,room\n{AT},R-1,refund,B-2\n"),
        )
        .tz("UTC")
        .write();
    let out = run_check(&CheckOptions {
        case: dir.path().to_path_buf(),
        as_of: Some("2026-11-27".into()),
        format: Format::Json,
        fail_on: Some(FailOn::Info),
        ..Default::default()
    });
    serde_json::from_str(&out.output).unwrap_or_else(|e| panic!("{e}: {}", out.errors))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The documented fingerprint (docs/reports.md) of a rule violation without
/// evidence whose subject is an id-less event with these field values.
fn attacker_fingerprint(rule: &str, collection: &str, fields: &[&str], clause: &str) -> String {
    let mut key = Sha256::new();
    for f in fields {
        key.update(f.as_bytes());
        key.update([0x1f]);
    }
    let key = format!("#{}", hex(&key.finalize()[..8]));
    let mut h = Sha256::new();
    for part in ["custodia-fingerprint-v1", rule, collection, &key, clause] {
        h.update(part.as_bytes());
        h.update([0x1f]);
    }
    hex(&h.finalize()[..16])
}

fn violation<'a>(report: &'a serde_json::Value, rule: &str) -> &'a serde_json::Value {
    report["violations"]
        .as_array()
        .expect("violations")
        .iter()
        .find(|v| v["rule"] == rule)
        .unwrap_or_else(|| panic!("{rule} did not fire: {report}"))
}

#[test]
fn a_masked_phone_cannot_be_recovered_from_its_fingerprint() {
    let report = report(PHONE);
    // The attacker's model of the fingerprint is right: it reproduces the
    // one of an event without personal values from what the report shows.
    let seen = violation(&report, "seen");
    let visit = [
        "2026-01-05T09:15:00+00:00",
        "missing",
        "R-1",
        "refund",
        "B-2",
    ];
    assert_eq!(
        seen["fingerprint"],
        attacker_fingerprint(
            "seen",
            "visit",
            &visit,
            // The clause up to its `else` message (docs/reports.md).
            r#"require v.topic == "none""#
        ),
        "the attacker's model is wrong: {seen}"
    );
    // The report shows the phone masked, and everything else.
    let told = violation(&report, "told");
    let message = told["message"].as_str().expect("message");
    assert!(message.starts_with("called *********78"), "{message}");
    // 10^4 guesses at the hidden middle digits (the true one among them).
    let mut recovered = Vec::new();
    for guess in 0..10_000 {
        let phone = format!("138{guess:04}5678");
        let call = [AT, "missing", "R-1", "refund", phone.as_str(), "missing"];
        let fp = attacker_fingerprint("told", "call", &call, r#"require c.topic == "none""#);
        if told["fingerprint"] == fp.as_str() {
            recovered.push(phone);
        }
    }
    assert!(recovered.is_empty(), "recovered {recovered:?} from {told}");
}

/// No part of the report but the input files' digests depends on a
/// personal value beyond its mask: two cases that differ only in a phone
/// number with the same mask give the same report, fingerprints included.
#[test]
fn reports_differ_only_in_file_digests_when_a_personal_value_changes() {
    let mut a = report(PHONE);
    let mut b = report("13899990078");
    assert_ne!(a["inputs"], b["inputs"], "the call log's digest differs");
    a["inputs"] = serde_json::Value::Null;
    b["inputs"] = serde_json::Value::Null;
    assert_eq!(a, b);
}

/// A name written where a ref's id belongs (an OA export) is personal too:
/// it changes neither fingerprints nor anything else but the file digest.
#[test]
fn a_name_in_a_ref_column_changes_nothing_but_the_file_digest() {
    let mut a = report_with(PHONE, "Wang Xiaoming");
    let mut b = report_with(PHONE, "Wang Xiaoping");
    let text = a.to_string();
    assert!(text.contains("integrity.dangling_ref"), "{text}");
    assert!(!text.contains("Xiao"), "{text}");
    a["inputs"] = serde_json::Value::Null;
    b["inputs"] = serde_json::Value::Null;
    assert_eq!(a, b);
}
