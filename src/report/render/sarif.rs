//! `--format sarif`: SARIF 2.1.0 for code-scanning dashboards. One run; the
//! driver lists every rule and built-in check of the set; one result per
//! violation located in the data file, with the failing policy clause and
//! each evidence row as related locations. Waived violations carry a
//! suppression; with `--baseline`, results carry `baselineState`.

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::{json, Map, Value};

use crate::data::InputError;
use crate::report::model::{BaselineState, DataLoc, PolicyLoc, Report, RuleSummary, Violation};

use super::common::{level, object_text, place, relative_uri};

const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";
/// The key of our fingerprint in `partialFingerprints`.
pub const FINGERPRINT_KEY: &str = "custodia/v1";

pub fn render(report: &Report) -> String {
    let mut s = serde_json::to_string_pretty(&Doc(report)).unwrap_or_default();
    s.push('\n');
    s
}

/// The document, serialized field by field so that results are built and
/// written one at a time: a run with a few hundred thousand violations
/// never holds them all as JSON trees at once.
struct Doc<'a>(&'a Report);
struct Run<'a>(&'a Report);
struct Results<'a>(&'a Report);

impl Serialize for Doc<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(3))?;
        m.serialize_entry("$schema", SCHEMA_URI)?;
        m.serialize_entry("version", "2.1.0")?;
        m.serialize_entry("runs", &[Run(self.0)])?;
        m.end()
    }
}

impl Serialize for Run<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let report = self.0;
        let mut m = s.serialize_map(Some(7))?;
        m.serialize_entry(
            "tool",
            &json!({ "driver": {
                "name": "custodia",
                "version": report.tool_version,
                "semanticVersion": report.tool_version,
                "rules": report.rules.iter().map(rule).collect::<Vec<_>>(),
            }}),
        )?;
        m.serialize_entry("invocations", &[invocation(report)])?;
        m.serialize_entry("artifacts", &artifacts(report))?;
        m.serialize_entry("columnKind", "unicodeCodePoints")?;
        m.serialize_entry("results", &Results(report))?;
        m.serialize_entry(
            "properties",
            &json!({
                "as_of": report.as_of,
                "time_zone": report.time_zone,
                "complete": report.complete,
                "verdict": report.verdict().id(),
            }),
        )?;
        m.end()
    }
}

impl Serialize for Results<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let report = self.0;
        // Each result names its rule's position: found once per rule.
        let rule_index: std::collections::HashMap<&str, usize> = report
            .rules
            .iter()
            .enumerate()
            .map(|(i, r)| (r.name.as_str(), i))
            .collect();
        let mut seq = s.serialize_seq(Some(report.violations.len()))?;
        for v in &report.violations {
            let index = rule_index.get(&*v.rule).copied();
            seq.serialize_element(&result(report, v, index))?;
        }
        seq.end()
    }
}

fn artifacts(report: &Report) -> Vec<Value> {
    report
        .inputs
        .iter()
        .map(|i| {
            let mut a = json!({
                "hashes": { "sha-256": i.sha256 },
                "roles": [if i.role == "policy" { "policy" } else { "analysisTarget" }],
                "properties": { "role": i.role, "rows": i.rows },
            });
            if let Some(l) = artifact(&report.path_prefix, &i.path) {
                a["location"] = l;
            }
            a
        })
        .collect()
}

fn rule(r: &RuleSummary) -> Value {
    let title = r.title.clone().unwrap_or_else(|| r.name.clone());
    let mut help = r.help.clone().unwrap_or_default();
    if !r.cite.is_empty() {
        if !help.is_empty() {
            help.push_str("\n\n");
        }
        help.push_str(&format!("Cite: {}", r.cite.join("; ")));
    }
    if help.is_empty() {
        help = title.clone();
    }
    let full = match r.cite.is_empty() {
        true => format!("{title} ({} rule)", r.kind),
        false => format!("{title} ({} rule; {})", r.kind, r.cite.join("; ")),
    };
    json!({
        "id": r.name,
        "name": r.name,
        "shortDescription": { "text": title },
        "fullDescription": { "text": full },
        "help": { "text": help, "markdown": help.replace('\n', "  \n") },
        "defaultConfiguration": { "level": level(r.severity) },
        "properties": {
            "kind": r.kind,
            "cite": r.cite,
            "builtin": r.builtin,
            "tags": ["compliance", r.kind.as_str()],
        },
    })
}

fn result(report: &Report, v: &Violation, rule_index: Option<usize>) -> Value {
    let mut related = Vec::new();
    if let Some(p) = &v.policy {
        let text = match &v.clause {
            Some(c) if v.kind == "waiver" => format!("the waiver: {c}"),
            Some(c) => format!("the failing clause: {c}"),
            None => "the rule".to_string(),
        };
        related.push(policy_location(report, p, &text));
    }
    for e in &v.evidence {
        related.push(data_location(
            report,
            e,
            &format!("evidence: {}", object_text(report, e)),
        ));
    }
    for (i, l) in related.iter_mut().enumerate() {
        l["id"] = json!(i + 1);
    }
    let primary = match (&v.subject.file, &v.policy) {
        (None, Some(p)) => policy_location(report, p, "the waiver"),
        _ => data_location(
            report,
            &v.subject,
            &format!("subject: {}", object_text(report, &v.subject)),
        ),
    };
    let mut r = json!({
        "ruleId": v.rule,
        "level": level(v.severity),
        "message": { "text": v.message },
        "locations": [primary],
        "partialFingerprints": { FINGERPRINT_KEY: v.fingerprint },
        "properties": {
            "kind": v.kind,
            "outcome": v.outcome.as_str(),
            "subject": { "collection": v.subject.collection, "id": v.subject_id },
            "cite": v.cite,
            "values": v.values.iter().cloned().collect::<Map<String, Value>>(),
        },
    });
    if let Some(i) = rule_index {
        r["ruleIndex"] = json!(i);
    }
    if !related.is_empty() {
        r["relatedLocations"] = json!(related);
    }
    if let Some(w) = &v.waiver {
        let mut s = json!({
            "kind": "external",
            "status": "accepted",
            "justification": w.because,
            "properties": { "until": w.until, "approved_by": w.by },
        });
        s["location"] = policy_location(report, &w.policy, "the waiver");
        r["suppressions"] = json!([s]);
    }
    if let Some(state) = v.baseline {
        r["baselineState"] = json!(match state {
            BaselineState::New => "new",
            BaselineState::Unchanged => "unchanged",
        });
    }
    r
}

/// The artifact location of a case file: relative to the working directory
/// when the case was named by a relative path (CI runs at the repository
/// root, which is what code scanning resolves against), else to the case.
fn artifact(prefix: &str, path: &str) -> Option<Value> {
    relative_uri(path)?;
    relative_uri(&format!("{prefix}{path}")).map(|uri| json!({ "uri": uri }))
}

/// A location with a physical part when the file has a relative URI; the
/// message always names the place, so nothing is lost when it has none.
fn location(
    prefix: &str,
    path: &str,
    line: Option<u32>,
    column: Option<u32>,
    message: &str,
) -> Value {
    let mut loc = json!({ "message": { "text": message } });
    if let Some(a) = artifact(prefix, path) {
        let mut physical = json!({ "artifactLocation": a });
        if let Some(line) = line.filter(|l| *l > 0) {
            physical["region"] = json!({
                "startLine": line,
                "startColumn": column.filter(|c| *c > 0).unwrap_or(1),
            });
        }
        loc["physicalLocation"] = physical;
    }
    loc
}

fn data_location(report: &Report, l: &DataLoc, message: &str) -> Value {
    match report.input_path(l.file) {
        Some(path) => location(&report.path_prefix, path, l.line, None, message),
        None => json!({ "message": { "text": format!("{message} ({})", place(report, l)) } }),
    }
}

fn policy_location(report: &Report, p: &PolicyLoc, message: &str) -> Value {
    let text = format!("{message} ({}:{}:{})", p.file, p.line, p.column);
    location(
        &report.path_prefix,
        &p.file,
        Some(p.line),
        Some(p.column),
        &text,
    )
}

fn invocation(report: &Report) -> Value {
    let mut notes: Vec<Value> = report
        .input_errors
        .iter()
        .map(|e| input_error_notification(report, e))
        .collect();
    notes.extend(report.notes.iter().map(|n| {
        json!({
            "level": "note",
            "message": { "text": n.message },
            "locations": [location(&report.path_prefix, &n.file, None, None, &n.file)],
        })
    }));
    notes.extend(not_checked_notifications(report));
    if let Some(note) = &report.packs_note {
        notes.push(json!({
            "level": "note",
            "descriptor": { "id": "packs" },
            "message": { "text": note },
        }));
    }
    // A rule not checked is analysis not done: the run did not succeed in
    // what it was asked, like a run with input errors.
    json!({
        "executionSuccessful": report.complete && report.fully_checked(),
        "toolExecutionNotifications": notes,
        "properties": {
            "verdict": report.verdict().id(),
            "not_checked": report.not_checked().map(|r| r.name.as_str()).collect::<Vec<_>>(),
        },
    })
}

/// One `warning` per rule not checked for want of data, tied to the rule;
/// one for an empty inventory.
fn not_checked_notifications(report: &Report) -> Vec<Value> {
    let mut notes: Vec<Value> = report
        .rules
        .iter()
        .enumerate()
        .filter(|(_, r)| r.status == crate::report::model::RuleStatus::NotChecked)
        .map(|(index, r)| {
            let lacking: Vec<String> = r
                .no_data
                .iter()
                .filter_map(|name| report.coverage.iter().find(|c| &c.collection == name))
                .map(|c| c.describe())
                .collect();
            json!({
                "level": "warning",
                "descriptor": { "id": "not_checked" },
                "associatedRule": { "id": r.name, "index": index },
                "message": { "text": format!("not checked (no data): no source was supplied for {}", lacking.join(", ")) },
            })
        })
        .collect();
    if report.no_records() {
        notes.push(json!({
            "level": "warning",
            "descriptor": { "id": "no_records" },
            "message": { "text": "the inventory has no records, so no rule over records checked anything" },
        }));
    }
    notes
}

fn input_error_notification(report: &Report, e: &InputError) -> Value {
    let mut text = e.message.clone();
    if let Some(f) = &e.field {
        text = format!("{text} (field `{f}`)");
    }
    json!({
        "level": "error",
        "descriptor": { "id": "input_error" },
        "message": { "text": text },
        "locations": [location(&report.path_prefix, &e.file, e.line, e.column, &e.file)],
    })
}
