//! An indexed join means what the same condition means without an index
//! (language.md: joins are indexed; `==` is one comparison). For every pair
//! of types `==` accepts on a join key (int/decimal both ways, date/datetime
//! both ways, text/enum), each rule is written twice, `r.f == a.p` (indexed
//! on `r.f`) and `r.f == a.p or false` (no index), over edge values: 0 and
//! -0.0, 2^53 +- 1, 9e15, 1e16, midnight in several offsets, month ends, the
//! last day jiff knows, missing values. Both must report the same findings,
//! in several case time zones.

mod common;

use common::Case;
use serde_json::Value;

const SCHEMA: &str = r#"
schema {
  record { id: id  d: date?  t: datetime?  i: int?  x: decimal?  s: text?  e: one of "a", "b", "A"? }
  event access { pd: date?  pt: datetime?  pi: int?  px: decimal?  ps: text?  pe: one of "a", "b", "A"? }
  company { name: text }
}
"#;

const DATES: &[&str] = &[
    "2026-01-01",
    "2025-12-31",
    "2024-02-29",
    "2026-01-31",
    "1970-01-01",
    "9999-12-31",
];
const DATETIMES: &[&str] = &[
    "2026-01-01T00:00:00Z",
    "2026-01-01T00:00:00+08:00",
    "2025-12-31T16:00:00Z",
    "2026-01-01T05:00:00Z",
    "2024-02-29T00:00:00Z",
    "2026-01-31T12:00:00Z",
    "1970-01-01T00:00:00Z",
    "9999-12-30T22:00:00Z",
];
/// JSON and CSV text of ints and decimals: 2^53 - 1, 2^53, 2^53 + 1.
const INTS: &[&str] = &[
    "0",
    "-1",
    "5",
    "9007199254740991",
    "9007199254740992",
    "9007199254740993",
    "9000000000000000",
    "10000000000000000",
    "10000000000000001",
];
const DECIMALS: &[&str] = &[
    "0.0",
    "-0.0",
    "0.5",
    "5.0",
    "9007199254740992.0",
    "9000000000000000.0",
    "10000000000000000.0",
    "10000000000000002.0",
    "-1",
];
const TEXTS: &[&str] = &["a", "b", "A", "0"];
const ENUMS: &[&str] = &["a", "b", "A"];

/// (record field, access field) pairs that `==` accepts.
const PAIRS: &[(&str, &str)] = &[
    ("d", "pd"),
    ("d", "pt"),
    ("t", "pd"),
    ("t", "pt"),
    ("i", "pi"),
    ("i", "px"),
    ("x", "pi"),
    ("x", "px"),
    ("s", "ps"),
    ("s", "pe"),
    ("e", "ps"),
    ("e", "pe"),
];

/// The pool a field draws from.
fn pool(field: &str) -> Vec<&'static str> {
    match field.trim_start_matches('p') {
        "d" => DATES.to_vec(),
        "t" => DATETIMES.to_vec(),
        "i" => INTS.to_vec(),
        "x" => DECIMALS.to_vec(),
        "s" => TEXTS.to_vec(),
        _ => ENUMS.to_vec(),
    }
}

/// A date field also holds the dates of the datetime pool and a datetime
/// field the midnights of the date pool, so that the pairs meet; ints and
/// decimals share their values the same way.
fn values(field: &str) -> Vec<String> {
    let own = pool(field);
    let other: Vec<String> = match field.trim_start_matches('p') {
        "d" => DATETIMES.iter().map(|t| t[..10].to_string()).collect(),
        // 9999-12-31T00:00:00Z is past the last timestamp jiff knows.
        "t" => DATES
            .iter()
            .filter(|d| !d.starts_with("9999"))
            .map(|d| format!("{d}T00:00:00Z"))
            .collect(),
        "i" => DECIMALS
            .iter()
            .filter_map(|x| x.parse::<f64>().ok())
            .filter(|x| x.fract() == 0.0)
            .map(|x| format!("{}", x as i64))
            .collect(),
        "x" => INTS.to_vec().iter().map(|s| s.to_string()).collect(),
        _ => Vec::new(),
    };
    let mut all: Vec<String> = own.iter().map(|s| s.to_string()).collect();
    all.extend(other);
    all
}

fn rules() -> String {
    let mut out = String::from(SCHEMA);
    for (f, p) in PAIRS {
        for (name, or) in [("ix", ""), ("nx", " or false")] {
            out.push_str(&format!(
                "rule {name}_ex_{f}_{p} {{ for access a require not exists(record r where r.{f} == a.{p}{or}) }}\n\
                 rule {name}_n_{f}_{p} {{ for access a let n = count(record r where r.{f} == a.{p}{or}) require n < 0 else \"{{n}}\" }}\n\
                 rule {name}_fb_{f}_{p} {{ for access a forbid record r on r.{f} == a.{p}{or} }}\n"
            ));
        }
    }
    out
}

const FIELDS: [&str; 6] = ["d", "t", "i", "x", "s", "e"];

/// How many records and events with values there are: the longest pool.
fn rows() -> usize {
    FIELDS.iter().map(|f| values(f).len()).max().unwrap_or(0)
}

/// Each record row holds the k-th value of every field's pool (cycling),
/// each event the k-th of every probe's; one row and one event hold nothing.
fn case(tz: &str) -> Case {
    let cols: Vec<Vec<String>> = FIELDS.iter().map(|f| values(f)).collect();
    let rows = rows();
    let mut inventory = String::from("id,d,t,i,x,s,e\n");
    for k in 0..rows {
        let cells: Vec<&str> = cols.iter().map(|c| c[k % c.len()].as_str()).collect();
        inventory.push_str(&format!("R{k},{}\n", cells.join(",")));
    }
    inventory.push_str("R-none,,,,,,\n");
    let mut log = String::new();
    let probes = ["pd", "pt", "pi", "px", "ps", "pe"];
    let pcols: Vec<Vec<String>> = probes.iter().map(|p| values(p)).collect();
    for k in 0..rows {
        let mut ev = vec![format!("\"at\":\"2026-06-01T00:00:00Z\"")];
        for (p, c) in probes.iter().zip(&pcols) {
            let v = &c[(k * 7 + 3) % c.len()];
            ev.push(match *p {
                "pi" | "px" => format!("\"{p}\":{v}"),
                _ => format!("\"{p}\":\"{v}\""),
            });
        }
        log.push_str(&format!("{{{}}}\n", ev.join(",")));
    }
    log.push_str("{\"at\":\"2026-06-01T00:00:00Z\"}\n");
    Case::new()
        .file("policies/p.policy", &rules())
        .file("company.yaml", "name: T\n")
        .file("inventory.csv", &inventory)
        .file("logs/access.jsonl", &log)
        .file("custodia.yaml", "packs: []\n")
        .tz(tz)
}

/// What a finding says, without the rule's name and the ` or false`
/// that its message quotes.
fn finding(v: &Value) -> String {
    format!(
        "{} {} {} {}",
        v["subject"]["line"], v["outcome"], v["message"], v["evidence"]
    )
    .replace(" or false", "")
}

#[test]
fn an_indexed_join_finds_what_the_unindexed_condition_finds() {
    for tz in [
        "UTC",
        "Asia/Shanghai",
        "America/New_York",
        "Pacific/Kiritimati",
    ] {
        let run = case(tz).run();
        // The event without probes.
        let last = rows() + 1;
        let report = run.report();
        assert!(
            report["input_errors"]
                .as_array()
                .is_none_or(|e| e.is_empty()),
            "{tz}: {}",
            run.dump()
        );
        for (f, p) in PAIRS {
            let mut matched = false;
            for kind in ["ex", "n", "fb"] {
                let of = |name: &str| -> Vec<String> {
                    run.of(&format!("{name}_{kind}_{f}_{p}"))
                        .into_iter()
                        .map(finding)
                        .collect()
                };
                let (mut ix, mut nx) = (of("ix"), of("nx"));
                if kind == "fb" {
                    // A probe that is missing is one finding without
                    // evidence through an index, one per object without
                    // (language.md, "forbid and missing values").
                    ix.retain(|f| !f.starts_with(&format!("{last} ")));
                    nx.retain(|f| !f.starts_with(&format!("{last} ")));
                }
                assert_eq!(ix, nx, "{tz}: {kind} r.{f} == a.{p}");
                matched |= kind == "ex" && !nx.is_empty();
            }
            assert!(
                matched,
                "{tz}: r.{f} == a.{p} never matched: a vacuous test"
            );
        }
    }
}
