//! `--format sarif`: SARIF 2.1.0 for code-scanning dashboards. One run; the
//! driver lists every rule and built-in check of the set; one result per
//! violation located in the data file, with the failing policy clause and
//! each evidence row as related locations. Waived violations carry a
//! suppression and level `note`; with `--baseline`, results carry
//! `baselineState`.
//!
//! GitHub code scanning rejects a run of more than 25,000 results and shows
//! 5,000, and keeps 100 locations of a result: [`select`] lists the most
//! important violations within [`MAX_RESULTS`] and [`MAX_RESULTS_PER_RULE`],
//! one summary result per rule counts the rest, and a notification says what
//! was left out. Files are named from the repository root (`paths`).

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::{json, Map, Value};

use std::collections::HashMap;

use crate::data::InputError;
use crate::report::model::{
    BaselineState, DataLoc, Finding, LeftOut, PolicyLoc, Report, RuleSummary, Violation,
};
use crate::syntax::ast::Severity;
use crate::t;

use super::common::{level, object_text, place, relative_uri};
use super::paths::RepoPaths;

const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";
/// The key of our fingerprint in `partialFingerprints`.
pub const FINGERPRINT_KEY: &str = "custodia/v1";
/// Results listed in one run, summaries included. GitHub accepts 25,000
/// and shows the 5,000 most severe; listing more would only hide some.
pub const MAX_RESULTS: usize = 5_000;
/// Results listed per rule, so that one rule failing for every record
/// does not crowd out the others.
pub const MAX_RESULTS_PER_RULE: usize = 1_000;
/// Locations per result, the primary one included (GitHub accepts 1,000 and
/// keeps 100): a built-in check's evidence is every row showing the fault.
pub const MAX_RELATED_LOCATIONS: usize = 100;
/// The symbol every artifact location is relative to.
pub const SRCROOT: &str = "%SRCROOT%";

pub fn render(report: &Report) -> String {
    super::sink::to_string(|w| write(report, w))
}

/// Writes the log to `out`, one result at a time.
pub fn write(report: &Report, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut ser = serde_json::Serializer::pretty(&mut *out);
    Serialize::serialize(&Doc(report), &mut ser)?;
    out.write_all(b"\n")
}

/// The document, serialized field by field so that results are built and
/// written one at a time: a run with a few hundred thousand violations
/// never holds them all as JSON trees at once.
struct Doc<'a>(&'a Report);
struct Run<'a>(&'a Report);
struct Results<'a> {
    report: &'a Report,
    ctx: &'a Ctx<'a>,
    selection: &'a Selection<'a>,
}

/// What every result needs: repository paths and rule positions, found once.
struct Ctx<'a> {
    paths: RepoPaths<'a>,
    rule_index: HashMap<&'a str, usize>,
}

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
        let ctx = Ctx {
            paths: RepoPaths::new(report),
            rule_index: report
                .rules
                .iter()
                .enumerate()
                .map(|(i, r)| (r.name.as_str(), i))
                .collect(),
        };
        let selection = select(report);
        let mut notifications = Vec::new();
        if let Some(n) = omitted_notification(report, &selection) {
            notifications.push(n);
        }
        let mut m = s.serialize_map(Some(9))?;
        m.serialize_entry(
            "tool",
            &json!({ "driver": {
                "name": "custodia",
                "version": report.tool_version,
                "semanticVersion": report.tool_version,
                "rules": report.rules.iter().map(|r| rule(r, report)).collect::<Vec<_>>(),
            }}),
        )?;
        m.serialize_entry("invocations", &[invocation(report, &ctx, notifications)])?;
        m.serialize_entry(
            "originalUriBaseIds",
            &json!({ SRCROOT: { "description": { "text":
                t!(report.lang, "sarif-srcroot")
            }}}),
        )?;
        m.serialize_entry("artifacts", &artifacts(report, &ctx))?;
        m.serialize_entry("columnKind", "unicodeCodePoints")?;
        m.serialize_entry(
            "results",
            &Results {
                report,
                ctx: &ctx,
                selection: &selection,
            },
        )?;
        m.serialize_entry(
            "properties",
            &json!({
                "as_of": report.as_of,
                "time_zone": report.time_zone,
                "complete": report.complete,
                // `complete` counts input errors only; what else was not
                // checked is here, as in the JSON report (hostile review h16).
                "fully_checked": report.fully_checked(),
                "not_checked_text": report.not_checked_text(),
                "verdict": report.verdict().id(),
            }),
        )?;
        m.end()
    }
}

impl Serialize for Results<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (report, ctx, sel) = (self.report, self.ctx, self.selection);
        let mut seq = s.serialize_seq(Some(sel.listed + sel.omitted.len()))?;
        let mut omitted = sel.omitted.iter().peekable();
        // Two results of one rule sharing a fingerprint are one alert to
        // GitHub code scanning: the nth gets a digest of the fingerprint
        // and n, as in Code Quality (hostile review h23c, 2026-12-07).
        let listed = (report.violations.iter().enumerate())
            .filter(|(i, _)| sel.keep[*i])
            .map(|(_, v)| v);
        let repeated = super::codequality::repeated_among(listed);
        let mut seen = std::collections::HashMap::new();
        for (i, v) in report.violations.iter().enumerate() {
            if sel.keep[i] {
                let n = super::codequality::occurrence(&repeated, &mut seen, v.fingerprint());
                seq.serialize_element(&result(report, ctx, &v.finding(), n))?;
            }
            // A rule's summary follows its listed results (violations are
            // sorted by rule, so this is once the rule's last one is passed).
            let rule_ends = report
                .violations
                .get(i + 1)
                .map_or(true, |next| next.rule != v.rule);
            if rule_ends && omitted.peek().is_some_and(|o| *o.rule == *v.rule) {
                if let Some(o) = omitted.next() {
                    seq.serialize_element(&summary_result(report, ctx, o))?;
                }
            }
        }
        seq.end()
    }
}

/// Which violations are listed as results, and what is left out per rule.
struct Selection<'a> {
    keep: Vec<bool>,
    listed: usize,
    /// In rule order.
    omitted: Vec<Omitted<'a>>,
}

/// The violations of one rule that are not listed.
struct Omitted<'a> {
    rule: &'a str,
    count: usize,
    /// The first one left out, in report order: the summary is located there.
    first: &'a Violation,
    /// The worst severity among the unwaived ones left out (`None`: all waived).
    worst: Option<Severity>,
}

/// Lists violations most important first (unwaived before waived, new
/// before baseline, then by severity, then in report order) within
/// [`MAX_RESULTS_PER_RULE`] per rule and [`MAX_RESULTS`] in all, with one
/// place kept per rule for the summary of what is left out. Below the caps
/// every violation is listed.
fn select(report: &Report) -> Selection<'_> {
    let vs = &report.violations;
    let rules_with_violations = vs
        .iter()
        .enumerate()
        .filter(|(i, v)| *i == 0 || vs[i - 1].rule != v.rule)
        .count();
    let budget = MAX_RESULTS.saturating_sub(rules_with_violations);
    let mut keep = vec![false; vs.len()];
    if vs.len() <= budget && vs.len() <= MAX_RESULTS_PER_RULE {
        keep.iter_mut().for_each(|k| *k = true);
    } else {
        let mut order: Vec<usize> = (0..vs.len()).collect();
        order.sort_by_key(|&i| {
            let v = &vs[i];
            (
                v.waiver.is_some(),
                v.baseline() == Some(BaselineState::Unchanged),
                std::cmp::Reverse(v.severity),
                i,
            )
        });
        let mut per_rule: HashMap<&str, usize> = HashMap::new();
        let mut listed = 0;
        for i in order {
            let n = per_rule.entry(&*vs[i].rule).or_default();
            if listed < budget && *n < MAX_RESULTS_PER_RULE {
                keep[i] = true;
                *n += 1;
                listed += 1;
            }
        }
    }
    let mut omitted: Vec<Omitted> = Vec::new();
    for (v, _) in vs.iter().zip(&keep).filter(|(_, k)| !**k) {
        let unwaived = v.waiver.is_none().then_some(v.severity);
        match omitted.last_mut() {
            Some(o) if o.rule == &*v.rule => {
                o.count += 1;
                o.worst = o.worst.max(unwaived);
            }
            _ => omitted.push(Omitted {
                rule: &v.rule,
                count: 1,
                first: v,
                worst: unwaived,
            }),
        }
    }
    Selection {
        listed: keep.iter().filter(|k| **k).count(),
        keep,
        omitted,
    }
}

/// One result standing for the violations of a rule that are not listed.
fn summary_result(report: &Report, ctx: &Ctx, o: &Omitted) -> Value {
    use sha2::Digest;
    let first = &o.first.finding();
    let text = t!(
        report.lang,
        "sarif-omitted-result",
        count = o.count,
        rule = o.rule,
        per_rule = MAX_RESULTS_PER_RULE,
        all = MAX_RESULTS,
        first = &*first.message
    );
    // Stable across runs, so that the summary stays one alert.
    let digest = sha2::Sha256::digest(format!("custodia-omitted-v1\u{1f}{}", o.rule));
    let fingerprint = crate::text::hex(&digest[..16]);
    let mut r = json!({
        "ruleId": o.rule,
        "level": o.worst.map_or("note", level),
        "message": { "text": text },
        "locations": [primary_location(report, ctx, first)],
        "partialFingerprints": { FINGERPRINT_KEY: fingerprint },
        "properties": { "omitted": o.count, "summary": true },
    });
    if let Some(i) = ctx.rule_index.get(o.rule) {
        r["ruleIndex"] = json!(i);
    }
    r
}

/// The notification that says what was left out and where to find it.
fn omitted_notification(report: &Report, sel: &Selection) -> Option<Value> {
    if sel.omitted.is_empty() {
        return None;
    }
    let left_out: usize = sel.omitted.iter().map(|o| o.count).sum();
    let per_rule: Map<String, Value> = sel
        .omitted
        .iter()
        .map(|o| (o.rule.to_string(), json!(o.count)))
        .collect();
    Some(json!({
        "level": "warning",
        "descriptor": { "id": "results_omitted" },
        "message": { "text": t!(
            report.lang,
            "sarif-omitted-notification",
            left_out = left_out,
            total = report.violations.len(),
            per_rule = MAX_RESULTS_PER_RULE,
            all = MAX_RESULTS
        )},
        "properties": { "omitted": per_rule },
    }))
}

fn artifacts(report: &Report, ctx: &Ctx) -> Vec<Value> {
    report
        .inputs
        .iter()
        .map(|i| {
            let mut a = json!({
                "hashes": { "sha-256": i.sha256 },
                "roles": [if i.role == "policy" { "policy" } else { "analysisTarget" }],
                "properties": { "role": i.role, "rows": i.rows, "path": i.path },
            });
            match artifact_location(ctx, &i.path) {
                Some(l) => a["location"] = l,
                // A built-in pack is in the binary, not the repository: it is
                // named, with the hash of the text that was applied.
                None if i.path.starts_with(crate::check::BUILTIN_PREFIX) => {
                    a["description"] = json!({ "text": t!(
                        report.lang,
                        "sarif-builtin-artifact",
                        path = &i.path,
                        version = report.tool_version
                    )});
                }
                None => a["description"] = json!({ "text": i.path }),
            }
            a
        })
        .collect()
}

fn rule(r: &RuleSummary, report: &Report) -> Value {
    let title = r.title.clone().unwrap_or_else(|| r.name.clone());
    let mut help = r.help.clone().unwrap_or_default();
    if !r.cite.is_empty() {
        if !help.is_empty() {
            help.push_str("\n\n");
        }
        let cite = r.cite.join(&t!(report.lang, "list-separator"));
        help.push_str(&t!(report.lang, "sarif-cite", cite = cite));
    }
    if help.is_empty() {
        help = title.clone();
    }
    let full = t!(
        report.lang,
        "sarif-rule-description",
        title = &title,
        kind = crate::i18n::catalogue::text(report.lang, &format!("kind-{}", r.kind), &[]),
        cited = if r.cite.is_empty() { "no" } else { "yes" },
        cite = r.cite.join(&t!(report.lang, "list-separator"))
    );
    let mut out = json!({
        "id": r.name,
        "name": display_name(&r.name),
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
    });
    if let Some(uri) = help_uri(r) {
        out["helpUri"] = json!(uri);
    }
    out
}

/// The rule id as SARIF wants a rule's `name`, a readable identifier
/// distinct from the id: `complete_destruction_record` ->
/// `CompleteDestructionRecord`, `integrity.dangling_ref` -> `IntegrityDanglingRef`.
pub fn display_name(id: &str) -> String {
    id.split(['_', '.', '-'])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

/// `docs/packs.md` at the section of the rule's pack, for rules of a
/// built-in pack, when custodia was built with a `repository` URL (Cargo's
/// `package.repository`): SARIF wants an absolute URI, and without a known
/// home for the documentation none is invented.
fn help_uri(r: &RuleSummary) -> Option<String> {
    let repository = env!("CARGO_PKG_REPOSITORY").trim_end_matches('/');
    if repository.is_empty() {
        return None;
    }
    let file = r
        .policy
        .as_ref()?
        .file
        .strip_prefix(crate::check::BUILTIN_PREFIX)?;
    let pack = file.strip_suffix(".policy")?;
    Some(format!(
        "{repository}/blob/main/docs/packs.md#{}",
        docs_anchor(pack)?
    ))
}

/// `occurrence`: the result's number among those sharing its fingerprint.
fn result(report: &Report, ctx: &Ctx, v: &Finding, occurrence: usize) -> Value {
    let mut related = Vec::new();
    if let Some(p) = &v.policy {
        let text = match &v.clause {
            Some(c) if v.kind == "waiver" => t!(report.lang, "sarif-related-waiver", clause = &**c),
            Some(c) => t!(report.lang, "sarif-related-clause", clause = &**c),
            None => t!(report.lang, "sarif-related-rule"),
        };
        related.push(policy_location(ctx, p, &text));
    }
    // The primary location counts towards GitHub's limit too.
    let room = MAX_RELATED_LOCATIONS - 1 - related.len();
    for e in v.evidence.iter().take(room) {
        related.push(data_location(
            report,
            ctx,
            e,
            &t!(
                report.lang,
                "sarif-related-evidence",
                object = object_text(report, e)
            ),
        ));
    }
    for (i, l) in related.iter_mut().enumerate() {
        l["id"] = json!(i + 1);
    }
    let message = match &v.waiver {
        Some(w) => t!(
            report.lang,
            "sarif-waived-message",
            until = &w.until,
            message = &*v.message
        ),
        None => v.message.to_string(),
    };
    let mut r = json!({
        "ruleId": v.rule,
        // A waived violation is a note: consumers that ignore suppressions
        // (GitHub code scanning among them) must not count it as an error.
        "level": if v.waiver.is_some() { "note" } else { level(v.severity) },
        "message": { "text": message },
        "locations": [primary_location(report, ctx, v)],
        "partialFingerprints": {
            FINGERPRINT_KEY: super::codequality::unique(&v.fingerprint.to_hex(), occurrence)
        },
        "properties": {
            "kind": v.kind,
            "severity": v.severity.as_str(),
            "outcome": v.outcome.as_str(),
            "waived": v.waiver.is_some(),
            "subject": { "collection": v.subject.collection, "id": v.subject_id },
            "cite": v.cite,
            "values": super::json::values_map(v),
        },
    });
    if v.evidence.len() > room {
        r["properties"]["evidence_not_listed"] = json!(v.evidence.len() - room);
    }
    if !v.sources.is_empty() {
        r["properties"]["sources"] = super::common::origins_json(report, v);
    }
    if let Some(i) = ctx.rule_index.get(&*v.rule) {
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
        s["location"] = policy_location(ctx, &w.policy, "the waiver");
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

/// Where a result is: the subject's row, or for an object without file (a
/// waiver finding) the policy.
fn primary_location(report: &Report, ctx: &Ctx, v: &Finding) -> Value {
    match (&v.subject.file, &v.policy) {
        (None, Some(p)) => policy_location(ctx, p, &t!(report.lang, "sarif-location-waiver")),
        _ => data_location(
            report,
            ctx,
            &v.subject,
            &t!(
                report.lang,
                "sarif-location-subject",
                object = object_text(report, &v.subject)
            ),
        ),
    }
}

/// The artifact location of a file: its path from the repository root,
/// relative to `%SRCROOT%`; `None` when it is not in the repository.
fn artifact_location(ctx: &Ctx, path: &str) -> Option<Value> {
    let uri = relative_uri(&ctx.paths.get(path)?)?;
    Some(json!({ "uri": uri, "uriBaseId": SRCROOT }))
}

/// A location with a physical part when the file has a relative URI; the
/// message always names the place, so nothing is lost when it has none.
fn location(ctx: &Ctx, path: &str, line: Option<u32>, column: Option<u32>, message: &str) -> Value {
    let mut loc = json!({ "message": { "text": message } });
    if let Some(a) = artifact_location(ctx, path) {
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

fn data_location(report: &Report, ctx: &Ctx, l: &DataLoc, message: &str) -> Value {
    match report.input_path(l.file) {
        Some(path) => location(ctx, path, l.line, None, message),
        None => json!({ "message": { "text": format!("{message} ({})", place(report, l)) } }),
    }
}

fn policy_location(ctx: &Ctx, p: &PolicyLoc, message: &str) -> Value {
    let text = format!("{message} ({}:{}:{})", p.file, p.line, p.column);
    location(ctx, &p.file, Some(p.line), Some(p.column), &text)
}

/// `toolExecutionNotifications`: input errors, notes, and what the caller
/// adds (results left out; a later rule status can add its own).
fn invocation(report: &Report, ctx: &Ctx, extra: Vec<Value>) -> Value {
    let mut notes: Vec<Value> = report
        .input_errors
        .iter()
        .map(|e| input_error_notification(ctx, e))
        .collect();
    notes.extend(report.notes.iter().map(|n| {
        json!({
            "level": "note",
            "message": { "text": n.message },
            "locations": [location(ctx, &n.file, None, None, &n.file)],
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
    notes.extend(extra);
    json!({
        "executionSuccessful": report.complete && report.fully_checked(),
        "toolExecutionNotifications": notes,
        "properties": {
            "verdict": report.verdict().id(),
            "not_checked": report.not_checked().map(|r| r.name.as_str()).collect::<Vec<_>>(),
        },
    })
}

/// One `warning` per rule not checked (for want of data, or comparing
/// with text a typo away from what rows hold), tied to the rule; one for
/// an empty inventory.
fn not_checked_notifications(report: &Report) -> Vec<Value> {
    let mut notes: Vec<Value> = report
        .rules
        .iter()
        .enumerate()
        .filter(|(_, r)| r.status == crate::report::model::RuleStatus::NotChecked)
        .map(|(index, r)| {
            json!({
                "level": "warning",
                "descriptor": { "id": "not_checked" },
                "associatedRule": { "id": r.name, "index": index },
                "message": { "text": report.not_checked_reason(r) },
            })
        })
        .collect();
    // Findings of insufficient evidence are results, but the subjects
    // behind them were not checked: the run says so, as for a rule not
    // checked (h24b F10).
    notes.extend(
        (report.rules.iter().enumerate())
            .filter(|(_, r)| r.undecided_findings > 0)
            .map(|(index, r)| {
                json!({
                    "level": "warning",
                    "descriptor": { "id": "undecided_findings" },
                    "associatedRule": { "id": r.name, "index": index },
                    "message": { "text": t!(
                        report.lang,
                        "report-insufficient",
                        count = r.undecided_findings
                    ) },
                })
            }),
    );
    if report.no_records() {
        notes.push(json!({
            "level": "warning",
            "descriptor": { "id": "no_records" },
            "message": { "text": t!(report.lang, "not-checked-no-records") },
        }));
    } else if report.nothing_applied() {
        notes.push(json!({
            "level": "warning",
            "descriptor": { "id": "nothing_applied" },
            "message": { "text": t!(report.lang, "not-checked-nothing-applied") },
        }));
    }
    // Rows a `skip:` of custodia.yaml left out, packs its `packs:` left
    // out, events dated after `as_of`: scope not checked.
    notes.extend(report.skipped.iter().map(|s| {
        let id = match s.what {
            LeftOut::Rows(_) | LeftOut::Ignored => "skipped_rows",
            LeftOut::Packs(_) | LeftOut::PacksUnfit(_) => "packs_left_out",
            LeftOut::FutureEvents(_) => "future_events",
        };
        json!({
            "level": "warning",
            "descriptor": { "id": id },
            "message": { "text": s.describe(report.lang) },
        })
    }));
    notes
}

fn input_error_notification(ctx: &Ctx, e: &InputError) -> Value {
    let mut text = e.message.clone();
    if let Some(f) = &e.field {
        text = format!("{text} (field `{f}`)");
    }
    json!({
        "level": "error",
        "descriptor": { "id": "input_error" },
        "message": { "text": text },
        "locations": [location(ctx, &e.file, e.line, e.column, &e.file)],
    })
}

/// The anchor GitHub gives the section of `pack` in docs/packs.md (`## cn/pipl
/// — 个人信息保护法 (2021)` -> `cnpipl--个人信息保护法-2021`): letters, digits,
/// `-` and `_` kept, lower-cased, spaces made `-`, the rest dropped.
pub fn docs_anchor(pack: &str) -> Option<String> {
    let doc = include_str!("../../../docs/packs.md");
    let heading = doc.lines().find_map(|l| {
        l.strip_prefix("## ")
            .filter(|h| h.split_whitespace().next() == Some(pack))
    })?;
    Some(
        heading
            .chars()
            .filter_map(|c| match c {
                ' ' => Some('-'),
                c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
                _ => None,
            })
            .flat_map(char::to_lowercase)
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::model::{Broken, Finding, Fingerprint, WaiverInfo};

    fn loc(line: u32) -> DataLoc {
        DataLoc {
            collection: "record".into(),
            id: Some(format!("R{line}").into()),
            file: Some(0),
            line: Some(line),
            offset: None,
            pii: false,
            key: format!("R{line}").into(),
        }
    }

    fn violation(rule: &str, severity: Severity, line: u32, evidence: u32) -> Violation {
        Violation::from(Finding {
            broken: std::sync::Arc::new(Broken {
                rule: rule.into(),
                kind: "rule",
                severity,
                title: None,
                cite: Vec::new().into(),
                help: None,
                policy: None,
                clause: None,
            }),
            outcome: crate::report::model::Outcome::Violated,
            message: format!("R{line} failed").into(),
            subject_id: format!("R{line}").into(),
            subject: loc(line),
            subject_title: None,
            evidence: (1..=evidence).map(loc).collect(),
            values: Box::default(),
            sources: Default::default(),
            waiver: None,
            fingerprint: Fingerprint(u128::from(line).to_be_bytes()),
            baseline: None,
        })
    }

    fn report(violations: Vec<Violation>) -> Report {
        let inventory = crate::data::InputFile {
            path: "inventory.csv".into(),
            role: "inventory",
            ..Default::default()
        };
        crate::report::model::test_report(vec![inventory], violations)
    }

    #[test]
    fn a_result_keeps_at_most_100_locations_and_counts_the_rest() {
        let r = report(vec![violation("a", Severity::Error, 1, 150)]);
        let doc: Value = serde_json::from_str(&render(&r)).expect("json");
        let result = &doc["runs"][0]["results"][0];
        let related = result["relatedLocations"].as_array().map_or(0, Vec::len);
        assert_eq!(1 + related, MAX_RELATED_LOCATIONS);
        assert_eq!(result["properties"]["evidence_not_listed"], 51);
    }

    #[test]
    fn the_cap_keeps_unwaived_and_severe_violations_first() {
        // 1,200 violations of one rule: 300 waived errors listed first in
        // report order, then 900 warnings; and one info of another rule.
        let mut vs: Vec<Violation> = (1..=1200)
            .map(|i| {
                let sev = if i <= 300 {
                    Severity::Error
                } else {
                    Severity::Warning
                };
                let mut v = violation("a", sev, i, 0);
                if i <= 300 {
                    v.waiver = Some(Box::new(WaiverInfo {
                        until: "2027-01-01".into(),
                        because: "b".into(),
                        by: None,
                        policy: PolicyLoc {
                            file: "p.policy".into(),
                            line: 1,
                            column: 1,
                            span: crate::syntax::span::Span::new(
                                crate::syntax::span::FileId(0),
                                0,
                                0,
                            ),
                        },
                    }));
                }
                v
            })
            .collect();
        vs.push(violation("b", Severity::Info, 1, 0));
        let r = report(vs);
        let sel = select(&r);
        assert_eq!(sel.listed, MAX_RESULTS_PER_RULE + 1);
        // every warning is listed, and 100 of the waived errors
        assert!(sel.keep[300..1200].iter().all(|k| *k));
        assert_eq!(sel.keep[..300].iter().filter(|k| **k).count(), 100);
        assert_eq!(sel.omitted.len(), 1);
        assert_eq!((sel.omitted[0].rule, sel.omitted[0].count), ("a", 200));
        // all left out are waived: the summary is a note
        assert_eq!(sel.omitted[0].worst, None);
        let doc: Value = serde_json::from_str(&render(&r)).expect("json");
        let results = doc["runs"][0]["results"].as_array().expect("results");
        assert_eq!(results.len(), MAX_RESULTS_PER_RULE + 2);
        // the summary follows rule a's results, before rule b's
        let summary = &results[MAX_RESULTS_PER_RULE];
        assert_eq!(summary["properties"]["omitted"], 200);
        assert_eq!(summary["level"], "note");
        assert_eq!(results[MAX_RESULTS_PER_RULE + 1]["ruleId"], "b");
    }

    #[test]
    fn rule_names_are_readable_and_differ_from_ids() {
        assert_eq!(
            display_name("complete_destruction_record"),
            "CompleteDestructionRecord"
        );
        assert_eq!(
            display_name("integrity.dangling_ref"),
            "IntegrityDanglingRef"
        );
        assert_eq!(display_name("客户_records"), "客户Records");
    }

    #[test]
    fn every_pack_has_a_section_in_docs_packs_md() {
        for pack in crate::packs::names() {
            if pack == "std/schema" {
                continue; // the records model, not a pack of rules
            }
            let anchor = docs_anchor(pack).unwrap_or_else(|| panic!("{pack}"));
            assert!(!anchor.contains(['/', ' ', '(', '—']), "{anchor}");
        }
        assert_eq!(
            docs_anchor("cn/pipl").as_deref(),
            Some("cnpipl--个人信息保护法-2021")
        );
    }
}
