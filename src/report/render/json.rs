//! `--format json`: the document of data-and-reports.md section 5, with
//! stable field names in a stable order.

use serde_json::{json, Map, Value};

use crate::report::model::{BaselineState, DataLoc, Report, Violation};

pub fn render(report: &Report) -> String {
    super::sink::to_string(|w| write(report, w))
}

/// Writes the document to `out`, one violation at a time.
pub fn write(report: &Report, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut ser = serde_json::Serializer::pretty(&mut *out);
    serde::Serialize::serialize(&Streamed(report), &mut ser)?;
    out.write_all(b"\n")
}

/// The document of `to_value`, serialized field by field with violations
/// turned into JSON one at a time: a report of a million violations never
/// exists twice in memory as a tree. Same bytes as `to_value`'s.
struct Streamed<'a>(&'a Report);

impl serde::Serialize for Streamed<'_> {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let report = self.0;
        let Value::Object(head) = to_value(&report.clone_without_violations()) else {
            return ser.serialize_map(Some(0))?.end();
        };
        let mut map = ser.serialize_map(Some(head.len()))?;
        for (key, value) in &head {
            if key == "violations" {
                map.serialize_entry(key, &Violations(report))?;
            } else if key == "baseline" {
                map.serialize_entry(key, &baseline(report))?;
            } else {
                map.serialize_entry(key, value)?;
            }
        }
        map.end()
    }
}

struct Violations<'a>(&'a Report);

impl serde::Serialize for Violations<'_> {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        ser.collect_seq(self.0.violations.iter().map(|v| violation(self.0, v)))
    }
}

pub fn to_value(report: &Report) -> Value {
    let s = &report.summary;
    let mut doc = json!({
        "format_version": 1,
        "tool": { "name": "custodia", "version": report.tool_version },
        "as_of": report.as_of,
        "time_zone": report.time_zone,
        "lang": report.lang.tag(),
        "complete": report.complete,
        "inputs": report.inputs.iter().map(|i| json!({ "path": i.path, "role": i.role, "sha256": i.sha256, "rows": i.rows })).collect::<Vec<_>>(),
        "summary": {
            "rules": s.rules, "records": s.records, "events": s.events,
            "violations": { "error": s.violations.error, "warning": s.violations.warning, "info": s.violations.info },
            "waived": s.waived, "input_errors": s.input_errors
        },
        "violations": report.violations.iter().map(|v| violation(report, v)).collect::<Vec<_>>(),
        "input_errors": report.input_errors.iter().map(|e| json!({
            "file": e.file, "line": e.line, "column": e.column, "field": e.field, "value": e.value, "message": e.message
        })).collect::<Vec<_>>(),
        "notes": report.notes.iter().map(|n| json!({ "file": n.file, "message": n.message })).collect::<Vec<_>>(),
        "not_read": report.not_read.iter().map(|n| json!({ "path": n.path, "reason": n.reason })).collect::<Vec<_>>(),
    });
    if let Some(b) = baseline(report) {
        doc["baseline"] = b;
    }
    verdict_and_coverage(report, &mut doc);
    doc
}

/// The verdict, each rule's status and the data coverage (docs/reports.md,
/// "Verdict and rule status"), after everything the spec's document has.
fn verdict_and_coverage(report: &Report, doc: &mut Value) {
    let verdict = report.verdict();
    doc["verdict"] = json!({
        "result": verdict.id(),
        "text": verdict.words(report.lang),
        "fully_checked": report.fully_checked(),
        "not_checked": report.not_checked_text(),
    });
    doc["rules"] = report
        .rules
        .iter()
        .map(|r| {
            json!({
                "rule": r.name, "kind": r.kind, "severity": r.severity.as_str(),
                "status": r.status.as_str(),
                "subjects": (!r.builtin).then_some(r.subjects),
                "violated_subjects": r.violated_subjects.saturating_sub(r.waived_subjects),
                "waived_subjects": r.waived_subjects,
                "uses": r.uses, "no_data": r.no_data,
            })
        })
        .collect();
    doc["coverage"] = report
        .coverage
        .iter()
        .map(|c| {
            json!({
                "collection": c.collection, "kind": c.kind, "supplied": c.supplied(),
                "files": c.files, "rows": c.rows, "input_errors": c.input_errors,
            })
        })
        .collect();
    doc["packs"] = json!({ "used": report.packs, "note": report.packs_note });
}

/// The `baseline` object; counted over the whole report (the streamed head
/// is built from a copy without violations).
fn baseline(report: &Report) -> Option<Value> {
    let b = report.baseline.as_ref()?;
    let new = report
        .violations
        .iter()
        .filter(|v| v.baseline == Some(BaselineState::New))
        .count();
    Some(json!({
        "file": b.file,
        "new": new,
        "unchanged": report.violations.len() - new,
        "fixed": b.fixed.iter().map(|f| json!({
            "rule": f.rule, "subject": f.subject_id, "message": f.message, "fingerprint": f.fingerprint
        })).collect::<Vec<_>>(),
    }))
}

fn loc(report: &Report, l: &DataLoc) -> Value {
    let mut v = json!({ "collection": l.collection, "id": l.id, "file": report.input_path(l.file), "line": l.line });
    // A database row: its primary key (docs/databases.md).
    if let Some(key) = super::common::row_key(report, l) {
        v["row_key"] = json!(key);
    }
    v
}

/// A violation's `values` as the JSON object the reports show (its paths
/// are shared `Arc<str>`s in the model, keys here).
pub fn values_map(v: &Violation) -> Map<String, Value> {
    v.values
        .iter()
        .map(|(path, value)| (path.to_string(), value.clone()))
        .collect()
}

fn violation(report: &Report, v: &Violation) -> Value {
    let mut subject = loc(report, &v.subject);
    subject["id"] = json!(v.subject_id);
    let mut out = json!({
        "rule": v.rule,
        "kind": v.kind,
        "severity": v.severity.as_str(),
        "outcome": v.outcome.as_str(),
        "title": v.title,
        "message": v.message,
        "cite": v.cite,
        "subject": subject,
        "evidence": v.evidence.iter().map(|e| loc(report, e)).collect::<Vec<_>>(),
        "policy": v.policy.as_ref().map(|p| json!({ "file": p.file, "line": p.line, "column": p.column })),
        "values": values_map(v),
        "waiver": v.waiver.as_ref().map(|w| json!({ "until": w.until, "because": w.because, "by": w.by })),
        "fingerprint": v.fingerprint,
    });
    if let Some(state) = v.baseline {
        out["baseline"] = json!(state.as_str());
    }
    // Only when a value came through a mapping: other reports keep their shape.
    if !v.sources.is_empty() {
        out["sources"] = super::common::origins_json(report, v);
    }
    out
}
