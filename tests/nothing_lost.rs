//! Nothing lost (issue 7.3): bad rows injected between good ones in every
//! kind of file leave every good row evaluated exactly as in the same case
//! without them, and every bad row is named (file and line) in the report.

mod common;

use common::{rec, Case, INVENTORY_HEADER};
use serde_json::Value;

const RULES: &str = r#"
destruction destroyed_has_event {
  for record r where r.status == "destroyed"
  match destruction d on d.record == r.id else "{r.id} has no destruction event"
  require len(d.witnesses) >= 2 else "{r.id}: {len(d.witnesses)} witness(es)"
}
rule sensitive_has_subject {
  for record r where r.class == "sensitive"
  require r.subject is set else "{r.id} is sensitive but names no subject"
}
access authorized {
  for access a
  require a.actor.authorized_to is missing else "{a.actor.id} opened {a.record.id} after leaving"
}
rule hold_not_destroyed {
  for record r where r.legal_hold
  require r.status != "destroyed" else "{r.id} is on hold and destroyed"
}
"#;

/// One line of a file: good (kept in both cases) or bad (injected).
enum Line {
    Good(String),
    Bad(String),
}

use Line::{Bad, Good};

/// A file as lines after its header; `with_bad` keeps the injected ones.
fn text(header: &str, lines: &[Line], with_bad: bool) -> (String, Vec<u32>) {
    let mut out = header.to_string();
    let mut bad_lines = Vec::new();
    let mut n = header.lines().count() as u32;
    for l in lines {
        match l {
            Good(t) => out.push_str(t),
            Bad(t) if with_bad => {
                bad_lines.push(n + 1);
                out.push_str(t);
            }
            Bad(_) => continue,
        }
        n += 1;
    }
    (out, bad_lines)
}

fn inventory() -> Vec<Line> {
    let mut lines = Vec::new();
    for i in 1..=40 {
        let id = format!("R{i}");
        let row = match i % 5 {
            0 => rec(&id, &[("status", "destroyed")]),
            1 => rec(&id, &[("class", "sensitive")]),
            2 => rec(&id, &[("class", "sensitive"), ("subject", "C-1")]),
            3 => rec(&id, &[("legal_hold", "yes"), ("status", "destroyed")]),
            _ => rec(&id, &[]),
        };
        lines.push(Good(row));
        // The bad rows have ids of their own that nothing refers to.
        match i {
            3 => lines.push(Bad(rec("B1", &[("created", "2026-02-30")]))),
            9 => lines.push(Bad(rec("B2", &[("status", "destoryed")]))),
            14 => lines.push(Bad(rec("B3", &[("legal_hold", "maybe")]))),
            20 => lines.push(Bad(format!("B4,{}", rec("x", &[])))),
            27 => lines.push(Bad("B5,too,few\n".into())),
            33 => lines.push(Bad(rec("B6", &[("keep", "30 yaers")]))),
            _ => {}
        }
    }
    lines
}

fn destructions() -> Vec<Line> {
    let mut lines = Vec::new();
    for i in (5..=40).step_by(5) {
        let witnesses = if i % 10 == 0 {
            "[\"A\", \"B\"]"
        } else {
            "[\"A\"]"
        };
        lines.push(Good(format!(
            "{{\"at\": \"2026-05-{:02}T10:00:00+08:00\", \"record\": \"R{i}\", \"method\": \"shred\", \"place\": \"x\", \"witnesses\": {witnesses}}}\n",
            i / 2 + 1
        )));
        match i {
            10 => lines.push(Bad("{\"record\": \"R10\", method: shred}\n".into())),
            25 => lines.push(Bad(
                "{\"at\": \"2026-05-30T10:00:00+08:00\", \"record\": \"B1\", \"method\": \"burn\", \"place\": \"x\", \"witnesses\": []}\n".into(),
            )),
            30 => lines.push(Bad("[1, 2, 3]\n".into())),
            _ => {}
        }
    }
    lines
}

fn accesses() -> Vec<Line> {
    let mut lines = Vec::new();
    for i in 1..=20 {
        let actor = if i % 3 == 0 { "S2" } else { "S1" };
        lines.push(Good(format!(
            "2026-03-{:02}T09:00:00+08:00,R{i},{actor},audit\n",
            i
        )));
        match i {
            4 => lines.push(Bad("2026-03-32T09:00:00+08:00,R4,S1,audit\n".into())),
            12 => lines.push(Bad("2026-03-12T09:00:00+08:00,,S1,audit\n".into())),
            _ => {}
        }
    }
    lines
}

struct Built {
    case: Case,
    bad: Vec<(String, u32)>,
}

fn build(with_bad: bool) -> Built {
    let (inv, inv_bad) = text(INVENTORY_HEADER, &inventory(), with_bad);
    let (des, des_bad) = text("", &destructions(), with_bad);
    let (acc, acc_bad) = text("at,record,actor,purpose\n", &accesses(), with_bad);
    let mut bad = Vec::new();
    bad.extend(
        inv_bad
            .into_iter()
            .map(|l| ("inventory.csv".to_string(), l)),
    );
    bad.extend(
        des_bad
            .into_iter()
            .map(|l| ("logs/destruction.jsonl".to_string(), l)),
    );
    bad.extend(
        acc_bad
            .into_iter()
            .map(|l| ("logs/access.csv".to_string(), l)),
    );
    let case = Case::with(RULES, "")
        .file("inventory.csv", &inv)
        .file("logs/destruction.jsonl", &des)
        .file("logs/access.csv", &acc)
        .tz("Asia/Shanghai");
    Built { case, bad }
}

/// A violation without the places that move when lines are inserted (an
/// event without an id is named `file:line`; its message names its row).
fn essence(v: &Value) -> String {
    let id = v["subject"]["id"].as_str().unwrap_or("");
    let id = id.split_once(':').map_or(id, |(file, _)| file);
    format!(
        "{} {} {} {id} | {}",
        v["rule"], v["outcome"], v["severity"], v["message"]
    )
}

#[test]
fn every_good_row_is_evaluated_and_every_bad_row_named() {
    let clean = build(false);
    let dirty = build(true);
    assert_eq!(clean.bad.len(), 0);
    assert_eq!(dirty.bad.len(), 11, "the injected bad rows");

    let clean_run = clean.case.run();
    let dirty_run = dirty.case.run();
    assert_eq!(clean_run.exit, 1, "{}", clean_run.dump());
    assert!(clean_run.input_errors().is_empty(), "{}", clean_run.dump());
    assert_eq!(dirty_run.exit, 2, "incomplete: {}", dirty_run.dump());

    // Same violations, same counts: every good row was evaluated.
    let mut a: Vec<String> = clean_run.violations().into_iter().map(essence).collect();
    let mut b: Vec<String> = dirty_run.violations().into_iter().map(essence).collect();
    a.sort();
    b.sort();
    assert!(a.len() > 10, "the rules fire on good rows: {a:#?}");
    assert_eq!(a, b);
    for key in ["records", "events"] {
        assert_eq!(
            clean_run.report()["summary"][key],
            dirty_run.report()["summary"][key],
            "{key}"
        );
    }
    let rows = |r: &common::Run| -> Vec<(String, u64)> {
        r.report()["inputs"]
            .as_array()
            .expect("inputs")
            .iter()
            .map(|i| {
                (
                    i["path"].as_str().unwrap_or("").to_string(),
                    i["rows"].as_u64().unwrap_or(0),
                )
            })
            .collect()
    };
    assert_eq!(rows(&clean_run), rows(&dirty_run));

    // Every bad row is named by file and line.
    let named: Vec<(String, u32)> = dirty_run
        .input_errors()
        .iter()
        .map(|e| {
            (
                e["file"].as_str().unwrap_or("").to_string(),
                e["line"].as_u64().unwrap_or(0) as u32,
            )
        })
        .collect();
    for (file, line) in &dirty.bad {
        assert!(
            named.contains(&(file.clone(), *line)),
            "bad row {file}:{line} is not named; input errors: {named:?}"
        );
    }
    // And nothing else is blamed.
    for place in &named {
        assert!(
            dirty.bad.contains(place),
            "unexpected input error at {place:?}"
        );
    }
}
