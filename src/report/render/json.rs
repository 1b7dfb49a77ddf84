//! `--format json`: the document of data-and-reports.md section 5, with
//! stable field names in a stable order.

use serde_json::{json, Map, Value};

use crate::report::model::{BaselineState, DataLoc, Finding, Report};

pub fn render(report: &Report) -> String {
    super::sink::to_string(|w| write(report, w))
}

/// Writes the document to `out`, a batch of violations at a time.
pub fn write(report: &Report, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let shared = Shared {
        out: std::cell::RefCell::new(out),
        error: std::cell::RefCell::new(None),
    };
    let mut ser = serde_json::Serializer::pretty(&shared);
    let written = serde::Serialize::serialize(
        &Streamed {
            report,
            raw: &shared,
        },
        &mut ser,
    );
    // An error of the batches' own writes is the real one (serde only
    // carries its text).
    if let Some(e) = shared.error.take() {
        return Err(e);
    }
    written?;
    // Bound first: the borrow ends before `shared` does.
    let end = shared.out.borrow_mut().write_all(b"\n");
    end
}

/// The output, shared by the serializer (the document's frame) and the
/// violations' batches, which are rendered apart and written raw between
/// the serializer's own writes: serde_json writes through at once, so the
/// bytes arrive in order.
struct Shared<'a> {
    out: std::cell::RefCell<&'a mut dyn std::io::Write>,
    error: std::cell::RefCell<Option<std::io::Error>>,
}

impl Shared<'_> {
    /// Writes rendered bytes raw; an error (of the rendering or the write)
    /// is kept for `write` to return, and its text given to serde.
    fn put(&self, bytes: std::io::Result<Vec<u8>>) -> Result<(), String> {
        match bytes.and_then(|b| self.out.borrow_mut().write_all(&b)) {
            Ok(()) => Ok(()),
            Err(e) => {
                let text = e.to_string();
                *self.error.borrow_mut() = Some(e);
                Err(text)
            }
        }
    }
}

impl std::io::Write for &Shared<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.out.borrow_mut().write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.out.borrow_mut().write_all(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.borrow_mut().flush()
    }
}

/// The document of `to_value`, serialized field by field with violations
/// turned into JSON a batch at a time: a report of a million violations
/// never exists twice in memory as a tree. Same bytes as `to_value`'s.
struct Streamed<'a, 'w> {
    report: &'a Report,
    raw: &'a Shared<'w>,
}

impl serde::Serialize for Streamed<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let report = self.report;
        let Value::Object(head) = to_value(&report.clone_without_violations()) else {
            return ser.serialize_map(Some(0))?.end();
        };
        let mut map = ser.serialize_map(Some(head.len()))?;
        for (key, value) in &head {
            if key == "violations" {
                map.serialize_entry(
                    key,
                    &Violations {
                        report,
                        raw: self.raw,
                    },
                )?;
            } else if key == "baseline" {
                map.serialize_entry(key, &baseline(report))?;
            } else {
                map.serialize_entry(key, value)?;
            }
        }
        map.end()
    }
}

/// Violations rendered per batch on the pool: a batch's elements at the
/// indent they have in the document (two levels), then written in order.
const BATCH: usize = 256;

/// The `violations` array. Its elements are rendered apart, in parallel,
/// and written raw into the array the serializer opened: the same bytes as
/// serializing them in place (`batches_are_the_bytes_of_the_whole_document`).
struct Violations<'a, 'w> {
    report: &'a Report,
    raw: &'a Shared<'w>,
}

impl serde::Serialize for Violations<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        use rayon::prelude::*;
        use serde::ser::{Error, SerializeSeq};
        let report = self.report;
        if report.violations.is_empty() {
            return ser.collect_seq(std::iter::empty::<Value>());
        }
        // `[` is written; the formatter sees no element, so its `]` comes
        // without the line break an element would put before it.
        let seq = ser.serialize_seq(Some(report.violations.len()))?;
        let window = BATCH * 2 * rayon::current_num_threads().max(1);
        let mut first = true;
        for group in report.violations.chunks(window) {
            let rendered: Vec<std::io::Result<Vec<u8>>> = group
                .par_chunks(BATCH)
                .enumerate()
                .map(|(i, batch)| render_batch(report, batch, first && i == 0))
                .collect();
            for bytes in rendered {
                self.raw.put(bytes).map_err(S::Error::custom)?;
            }
            first = false;
        }
        self.raw
            .put(Ok(b"\n  ".to_vec()))
            .map_err(S::Error::custom)?;
        seq.end()
    }
}

/// A batch of elements as the pretty serializer writes them inside the
/// document's `violations` array: each after `,` (but the very first) and
/// a line break, every line of it indented two levels.
fn render_batch(
    report: &Report,
    batch: &[crate::report::model::Violation],
    first: bool,
) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::with_capacity(batch.len() * 2048);
    let mut one = Vec::with_capacity(4096);
    for (i, v) in batch.iter().enumerate() {
        one.clear();
        let direct = Direct {
            report,
            v: v.finding(),
        };
        let mut ser = serde_json::Serializer::pretty(&mut one);
        serde::Serialize::serialize(&direct, &mut ser)?;
        bytes.extend_from_slice(if first && i == 0 { b"\n" } else { b",\n" });
        bytes.extend_from_slice(b"    ");
        // A line break inside an element is the formatter's (strings escape
        // theirs): each one takes the element's indent.
        let mut start = 0;
        for nl in memchr::memchr_iter(b'\n', &one) {
            bytes.extend_from_slice(&one[start..=nl]);
            bytes.extend_from_slice(b"    ");
            start = nl + 1;
        }
        bytes.extend_from_slice(&one[start..]);
    }
    Ok(bytes)
}

/// One violation written field by field, the bytes of [`violation`]'s
/// `Value` without building it: no key, string or map allocated a
/// violation (the `Value`s took a tenth of a large check's CPU). The test
/// `direct_violations_are_the_bytes_of_their_values` holds them equal.
struct Direct<'a> {
    report: &'a Report,
    v: Finding,
}

impl serde::Serialize for Direct<'_> {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let (report, v) = (self.report, &self.v);
        if has_repeated_paths(v) {
            // A path twice would be one key in `values_map`: its way.
            return violation(report, v).serialize(ser);
        }
        let fields = 13 + usize::from(v.baseline.is_some()) + usize::from(!v.sources.is_empty());
        let mut map = ser.serialize_map(Some(fields))?;
        map.serialize_entry("rule", &*v.rule)?;
        map.serialize_entry("kind", v.kind)?;
        map.serialize_entry("severity", v.severity.as_str())?;
        map.serialize_entry("outcome", v.outcome.as_str())?;
        map.serialize_entry("title", &v.title.as_deref())?;
        map.serialize_entry("message", &*v.message)?;
        map.serialize_entry("cite", &*v.cite)?;
        let subject = Loc {
            report,
            l: &v.subject,
            id: Some(&v.subject_id),
        };
        map.serialize_entry("subject", &subject)?;
        let evidence = v.evidence.iter().map(|l| Loc {
            report,
            l,
            id: l.id.as_deref(),
        });
        map.serialize_entry("evidence", &Seq(std::cell::Cell::new(Some(evidence))))?;
        let policy = v
            .policy
            .as_ref()
            .map(|p| Policy(p.file.as_ref(), p.line, p.column));
        map.serialize_entry("policy", &policy)?;
        map.serialize_entry("values", &Values(&v.values))?;
        let waiver = v.waiver.as_ref().map(|w| Waiver(w));
        map.serialize_entry("waiver", &waiver)?;
        map.serialize_entry("fingerprint", &v.fingerprint)?;
        if let Some(state) = v.baseline {
            map.serialize_entry("baseline", state.as_str())?;
        }
        if !v.sources.is_empty() {
            map.serialize_entry("sources", &super::common::origins_json(report, v))?;
        }
        map.end()
    }
}

/// Whether two of a violation's values have the same path (none of the
/// engine's do; the check keeps the bytes right if one ever did).
fn has_repeated_paths(v: &Finding) -> bool {
    let values = &v.values;
    (1..values.len()).any(|i| values[..i].iter().any(|(p, _)| *p == values[i].0))
}

/// A location as [`loc`] writes it, its `id` given (a subject shows the
/// violation's `subject_id` there).
struct Loc<'a> {
    report: &'a Report,
    l: &'a DataLoc,
    id: Option<&'a str>,
}

impl serde::Serialize for Loc<'_> {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let key = super::common::row_key(self.report, self.l);
        let mut map = ser.serialize_map(Some(4 + usize::from(key.is_some())))?;
        map.serialize_entry("collection", &*self.l.collection)?;
        map.serialize_entry("id", &self.id)?;
        map.serialize_entry("file", &self.report.input_path(self.l.file))?;
        map.serialize_entry("line", &self.l.line)?;
        if let Some(key) = key {
            map.serialize_entry("row_key", key)?;
        }
        map.end()
    }
}

/// A sequence written from an iterator once (serde takes `&self`).
struct Seq<I>(std::cell::Cell<Option<I>>);

impl<I: ExactSizeIterator<Item = T>, T: serde::Serialize> serde::Serialize for Seq<I> {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        match self.0.take() {
            Some(items) => ser.collect_seq(items),
            None => ser.collect_seq(std::iter::empty::<T>()),
        }
    }
}

struct Policy<'a>(&'a str, u32, u32);

impl serde::Serialize for Policy<'_> {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = ser.serialize_map(Some(3))?;
        map.serialize_entry("file", self.0)?;
        map.serialize_entry("line", &self.1)?;
        map.serialize_entry("column", &self.2)?;
        map.end()
    }
}

struct Values<'a>(&'a [(std::sync::Arc<str>, Value)]);

impl serde::Serialize for Values<'_> {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        ser.collect_map(self.0.iter().map(|(path, value)| (&**path, value)))
    }
}

struct Waiver<'a>(&'a crate::report::model::WaiverInfo);

impl serde::Serialize for Waiver<'_> {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let w = self.0;
        let mut map = ser.serialize_map(Some(3))?;
        map.serialize_entry("until", &w.until)?;
        map.serialize_entry("because", &w.because)?;
        map.serialize_entry("by", &w.by)?;
        map.end()
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
        // Beside `complete`, which counts input errors only: a gate that
        // reads one finds the other (hostile review h16).
        "fully_checked": report.fully_checked(),
        "inputs": report.inputs.iter().map(|i| json!({ "path": i.path, "role": i.role, "sha256": i.sha256, "rows": i.rows })).collect::<Vec<_>>(),
        "summary": {
            "rules": s.rules, "records": s.records, "events": s.events,
            "violations": { "error": s.violations.error, "warning": s.violations.warning, "info": s.violations.info },
            "waived": s.waived, "input_errors": s.input_errors
        },
        "violations": report.violations.iter().map(|v| violation(report, &v.finding())).collect::<Vec<_>>(),
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
    // Who the report is about, so a `--baseline` of another company's
    // report is refused (src/report/baseline.rs).
    if !report.company.is_empty() {
        doc["company"] = report.company.iter().cloned().collect();
        // Which of them are masked, so a baseline is not told to be this
        // company's by masked facts that any other company's match.
        let masked: Vec<&String> = (report.company_personal.iter())
            .filter(|f| report.company.iter().any(|(k, _)| k == *f))
            .collect();
        if !masked.is_empty() {
            doc["company_masked"] = json!(masked);
        }
    }
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
            let mut rule = json!({
                "rule": r.name, "kind": r.kind, "severity": r.severity.as_str(),
                "status": r.status.as_str(),
                "subjects": (!r.builtin).then_some(r.subjects),
                "violated_subjects": r.violated_subjects.saturating_sub(r.waived_subjects),
                "waived_subjects": r.waived_subjects,
                "uses": r.uses, "no_data": r.no_data,
            });
            // Only when there are some: reports of every other run keep
            // their shape.
            if !r.unmatched_values.is_empty() {
                rule["unmatched_values"] = (r.unmatched_values.iter())
                    .map(|u| json!({"field": u.field, "value": u.value, "near": u.near, "rows": u.rows}))
                    .collect();
            }
            if r.undecided_findings > 0 {
                rule["undecided_findings"] = r.undecided_findings.into();
            }
            // Parts of a cited provision the rule declares it does not
            // check (its `unchecked` tags): the audit report's statute
            // table reads them "partly checked".
            if !r.unchecked_parts.is_empty() {
                rule["unchecked_parts"] = (r.unchecked_parts.iter())
                    .map(|p| json!({"cite": p.cite, "not_checked": p.text(report.lang)}))
                    .collect();
            }
            if r.unknown_subjects > 0 {
                rule["undecided_subjects"] = r.unknown_subjects.into();
            }
            // Only when it has one: a condition that can never be true.
            if let Some(n) = &r.never_true {
                rule["never_true"] = json!({"line": n.line, "text": n.text(report.lang)});
            }
            rule
        })
        .collect();
    doc["coverage"] = report
        .coverage
        .iter()
        .map(|c| {
            let mut one = json!({
                "collection": c.collection, "kind": c.kind, "supplied": c.supplied(),
                "files": c.files, "rows": c.rows, "input_errors": c.input_errors,
            });
            // Only when there are some, as `unmatched_values` (docs/reports.md).
            if !c.refused.is_empty() {
                one["refused"] = json!(c.refused);
            }
            // Given and read with no row (a header alone): as `refused`.
            if !c.empty.is_empty() {
                one["read_empty"] = json!(c.empty);
            }
            // Given and not read for an error in its mapping: each file
            // with where that error is in custodia.yaml.
            if !c.unmapped.is_empty() {
                one["mapping_failed"] = (c.unmapped.iter())
                    .map(|m| json!({"file": m.file, "mapping": m.manifest, "line": m.line}))
                    .collect();
            }
            one
        })
        .collect();
    doc["packs"] = json!({
        "used": report.packs,
        "note": report.packs_note,
        "left_out": report.packs_left_out,
        "unchecked_duties": unchecked_duties(report),
    });
}

/// Per pack used, the duties of its laws it does not check, in the
/// report's language: what the audit report lists under what was not
/// checked (hostile review h24b F32: the JSON report did not say them).
fn unchecked_duties(report: &Report) -> Vec<Value> {
    (report.packs.iter())
        .flat_map(|pack| {
            crate::packs::unchecked_duties(report.lang, pack)
                .into_iter()
                .map(move |duty| json!({ "pack": pack, "duty": duty }))
        })
        .collect()
}

/// The `baseline` object; counted over the whole report (the streamed head
/// is built from a copy without violations).
fn baseline(report: &Report) -> Option<Value> {
    let b = report.baseline.as_ref()?;
    let new = report
        .violations
        .iter()
        .filter(|v| v.baseline() == Some(BaselineState::New))
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
pub fn values_map(v: &Finding) -> Map<String, Value> {
    v.values
        .iter()
        .map(|(path, value)| (path.to_string(), value.clone()))
        .collect()
}

fn violation(report: &Report, v: &Finding) -> Value {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::model::{
        Broken, Finding, Fingerprint, Outcome, PolicyLoc, ValueSource, Violation, WaiverInfo,
    };
    use crate::syntax::ast::Severity;
    use std::sync::Arc;

    fn loc(line: u32, id: Option<&str>, file: Option<u32>) -> DataLoc {
        DataLoc {
            collection: "访问 access".into(),
            id: id.map(Arc::from),
            file,
            line: Some(line),
            offset: None,
            pii: false,
            key: format!("K{line}").into(),
        }
    }

    fn policy() -> PolicyLoc {
        let span = crate::syntax::span::Span::new(crate::syntax::span::FileId(0), 0, 0);
        PolicyLoc {
            file: "policies/规则.policy".into(),
            line: 7,
            column: 3,
            span,
        }
    }

    /// Violations with every optional part there and not: titles, cites,
    /// evidence, values of each JSON type, a path twice, waivers with and
    /// without `by`, baselines, value sources, database row keys.
    fn violations() -> Vec<Violation> {
        violations_of(16)
    }

    /// `n` violations, the sixteen kinds of `violations` in turn.
    fn violations_of(n: u32) -> Vec<Violation> {
        let mut out = Vec::new();
        for i in 0..n {
            let bit = |b: u32| i & (1 << b) != 0;
            let broken = Arc::new(Broken {
                rule: format!("rule_{i}").into(),
                kind: "rule",
                severity: Severity::Warning,
                title: bit(0).then(|| Arc::from("题名 \"quoted\"\n")),
                cite: if bit(1) {
                    vec!["法 第一条".to_string(), "b".into()]
                } else {
                    Vec::new()
                }
                .into(),
                help: None,
                policy: bit(2).then(policy),
                clause: None,
            });
            let values: Vec<(Arc<str>, Value)> = match i % 4 {
                0 => Vec::new(),
                1 => vec![("r.id".into(), json!("R-1\u{202e}"))],
                2 => vec![
                    ("r.n".into(), json!(3)),
                    ("r.f".into(), json!(2.5)),
                    ("r.o".into(), json!({ "a": [1, null, true], "b": {} })),
                    ("r.e".into(), json!([])),
                ],
                _ => vec![
                    ("r.x".into(), json!(1)),
                    ("r.y".into(), json!(2)),
                    ("r.x".into(), json!(3)),
                ],
            };
            let subject_file = if bit(3) { Some(1) } else { Some(0) };
            out.push(Violation::from(Finding {
                broken,
                outcome: if bit(2) {
                    Outcome::InsufficientEvidence
                } else {
                    Outcome::Violated
                },
                message: format!("消息 {i} \\ \u{1b}").into(),
                subject_id: format!("logs/a.csv:{i}").into(),
                subject: loc(i + 1, bit(1).then_some("ACC-1"), subject_file),
                subject_title: None,
                evidence: (0..i % 3)
                    .map(|e| loc(e + 1, (e == 0).then_some("R-1"), (e == 1).then_some(1)))
                    .collect(),
                values: values.into(),
                sources: if bit(0) {
                    vec![ValueSource {
                        value: 0,
                        file: 0,
                        line: 1,
                        column: 0,
                        masked: false,
                    }]
                    .into()
                } else {
                    Box::default()
                },
                waiver: bit(1).then(|| {
                    Box::new(WaiverInfo {
                        until: "2027-01-01".into(),
                        because: "因为".into(),
                        by: bit(3).then(|| "审计".into()),
                        policy: policy(),
                    })
                }),
                fingerprint: Fingerprint(u128::from(i).to_be_bytes()),
                baseline: match i % 3 {
                    0 => None,
                    1 => Some(BaselineState::New),
                    _ => Some(BaselineState::Unchanged),
                },
            }));
        }
        out
    }

    fn report() -> Report {
        report_of(violations())
    }

    fn report_of(violations: Vec<Violation>) -> Report {
        let mut keys = crate::data::db::RowKeys::default();
        keys.push("id = 1");
        keys.push("");
        keys.push("id = \"3\"");
        let database = crate::data::InputFile {
            path: "db/访问.sql".into(),
            role: "log",
            row_keys: Some(Arc::new(keys)),
            ..Default::default()
        };
        let log = crate::data::InputFile {
            path: "logs/a.csv".into(),
            role: "log",
            ..Default::default()
        };
        crate::report::model::test_report(vec![log, database], violations)
    }

    /// Batches rendered on the pool and written raw are the bytes of the
    /// document serialized whole: no violation, one, a batch's edges, and
    /// more than one window of batches, on one thread and on four.
    #[test]
    fn batches_are_the_bytes_of_the_whole_document() {
        let window = (BATCH * 2 * 4) as u32;
        for threads in [1, 4] {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .expect("a pool");
            for n in [0, 1, BATCH as u32 - 1, BATCH as u32 + 1, window + 3] {
                let report = report_of(violations_of(n));
                let whole = serde_json::to_string_pretty(&to_value(&report)).expect("value") + "\n";
                assert_eq!(pool.install(|| render(&report)), whole, "{n} on {threads}");
            }
        }
    }

    /// A writer that fails after `left` bytes.
    struct Failing {
        left: usize,
    }

    impl std::io::Write for Failing {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            if self.left == 0 {
                return Err(std::io::Error::new(std::io::ErrorKind::StorageFull, "full"));
            }
            let n = buf.len().min(self.left);
            self.left -= n;
            Ok(n)
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    /// A write that fails in the head, in a batch or after it is the
    /// writer's own error, never a report cut short without one.
    #[test]
    fn a_failed_write_is_the_writers_error() {
        let report = report_of(violations_of(BATCH as u32 * 3));
        let size = render(&report).len();
        for left in [10, size / 2, size - 3] {
            let err = write(&report, &mut Failing { left }).expect_err("the disk is full");
            assert_eq!(
                err.kind(),
                std::io::ErrorKind::StorageFull,
                "after {left} bytes"
            );
        }
    }

    #[test]
    fn direct_violations_are_the_bytes_of_their_values() {
        let report = report();
        for v in &report.violations {
            let direct = serde_json::to_string_pretty(&Direct {
                report: &report,
                v: v.finding(),
            });
            let value = serde_json::to_string_pretty(&violation(&report, &v.finding()));
            assert_eq!(direct.expect("direct"), value.expect("value"), "{}", v.rule);
        }
        // The whole document, streamed, is the document of `to_value`.
        let whole = serde_json::to_string_pretty(&to_value(&report)).expect("value") + "\n";
        assert_eq!(render(&report), whole);
    }
}
