//! The audit report an auditor attaches to a deregistration filing, as a
//! small document (headings, facts, tables, lists) that `markdown.rs` and
//! `html.rs` each write out. Deciding what the report says happens once,
//! here; the two writers only deal with syntax and escaping.

use std::collections::BTreeMap;

use crate::report::model::{BaselineState, Report, RuleSummary, Violation};

use super::common::{object_text, rule_result, subject_counts, value_text};

/// A piece of inline text.
#[derive(Clone, Debug, PartialEq)]
pub enum Inline {
    Text(String),
    Code(String),
    Strong(String),
}

pub type Line = Vec<Inline>;

#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Heading(u8, String),
    Para(Line),
    /// Label: value pairs.
    Facts(Vec<(String, Line)>),
    Table {
        head: Vec<&'static str>,
        rows: Vec<Vec<Line>>,
    },
    Items(Vec<Line>),
}

/// The overall finding, which decides the verdict's wording and colour.
pub use crate::report::model::Verdict;

pub struct AuditDoc {
    pub title: String,
    pub verdict: Verdict,
    pub blocks: Vec<Block>,
}

fn text(s: impl Into<String>) -> Line {
    vec![Inline::Text(s.into())]
}

fn code(s: impl Into<String>) -> Line {
    vec![Inline::Code(s.into())]
}

/// A company fact as plain text (strings without quotes).
fn fact_text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => "missing".into(),
        v => v.to_string(),
    }
}

pub fn build(report: &Report) -> AuditDoc {
    let mut blocks = Vec::new();
    each_block(report, &mut |b| blocks.push(b));
    AuditDoc {
        title: title(report),
        verdict: report.verdict(),
        blocks,
    }
}

/// The audit report's title: the company's name when the case gives it.
pub fn title(report: &Report) -> String {
    let company = report
        .company
        .iter()
        .find(|(k, _)| k == "name")
        .map(|(_, v)| fact_text(v));
    match &company {
        Some(name) => format!("Compliance audit report: {name}"),
        None => "Compliance audit report".to_string(),
    }
}

/// The blocks of [`build`], handed to `emit` one at a time: a renderer
/// writes each as it comes, so the violations section (three blocks per
/// violation) is never held whole (security.md, "Limits").
pub fn each_block(report: &Report, emit: &mut dyn FnMut(Block)) {
    let verdict = report.verdict();
    let mut blocks = vec![
        header(report),
        Block::Heading(2, "Inputs".into()),
        inputs(report),
    ];
    blocks.extend(not_read(report));
    blocks.extend([
        Block::Heading(2, "Scope".into()),
        scope(report),
        coverage(report),
        Block::Heading(2, "Verdict".into()),
        verdict_block(report, verdict),
    ]);
    rule_tables(report, &mut blocks);
    blocks.drain(..).for_each(&mut *emit);
    violations(report, emit);
    waivers(report, &mut blocks);
    input_errors(report, &mut blocks);
    fixed(report, &mut blocks);
    blocks.push(Block::Heading(2, "Traceability".into()));
    blocks.push(traceability(report));
    blocks.into_iter().for_each(emit);
}

/// What a CI run's summary page shows (`$GITHUB_STEP_SUMMARY`): the
/// verdict and the results by rule kind, without the long sections.
pub fn step_summary(report: &Report) -> AuditDoc {
    let verdict = report.verdict();
    let mut blocks = vec![verdict_block(report, verdict)];
    first_findings(report, &mut blocks);
    rule_tables(report, &mut blocks);
    blocks.push(Block::Para(text(
        "Every violation, with its values and evidence, is in the JSON, SARIF and audit reports of this run.",
    )));
    AuditDoc {
        title: "custodia".into(),
        verdict,
        blocks,
    }
}

/// Findings listed in the step summary, beyond the annotations GitHub shows.
pub const SUMMARY_FINDINGS: usize = 100;

/// The most severe unwaived violations (new before baseline, then in report
/// order), at most [`SUMMARY_FINDINGS`], and how many more there are.
fn first_findings(report: &Report, blocks: &mut Vec<Block>) {
    let mut open: Vec<&Violation> = report
        .violations
        .iter()
        .filter(|v| v.waiver.is_none())
        .collect();
    if open.is_empty() {
        return;
    }
    // stable: report order within the same severity and baseline state
    open.sort_by_key(|v| {
        (
            v.baseline == Some(BaselineState::Unchanged),
            std::cmp::Reverse(v.severity),
        )
    });
    blocks.push(Block::Heading(2, "Findings".into()));
    let rows = open
        .iter()
        .take(SUMMARY_FINDINGS)
        .map(|v| {
            vec![
                text(v.severity.as_str()),
                code(v.rule.to_string()),
                text(v.subject_id.clone()),
                text(super::common::place(report, &v.subject)),
                text(v.message.clone()),
            ]
        })
        .collect();
    blocks.push(Block::Table {
        head: vec!["severity", "rule", "subject", "where", "message"],
        rows,
    });
    if open.len() > SUMMARY_FINDINGS {
        blocks.push(Block::Para(text(format!(
            "… and {} more, the most severe first above.",
            open.len() - SUMMARY_FINDINGS
        ))));
    }
}

fn header(report: &Report) -> Block {
    let mut facts: Vec<(String, Line)> = report
        .company
        .iter()
        .map(|(k, v)| (format!("company.{k}"), text(fact_text(v))))
        .collect();
    facts.push(("as of".into(), text(&report.as_of)));
    facts.push(("time zone".into(), text(&report.time_zone)));
    facts.push((
        "tool".into(),
        text(format!("custodia {}", report.tool_version)),
    ));
    facts.push((
        "complete".into(),
        text(if report.complete {
            "yes"
        } else {
            "no: some input could not be read; see the input errors"
        }),
    ));
    Block::Facts(facts)
}

fn inputs(report: &Report) -> Block {
    Block::Table {
        head: vec!["file", "role", "rows", "SHA-256"],
        rows: report
            .inputs
            .iter()
            .map(|i| {
                vec![
                    code(&i.path),
                    text(i.role),
                    text(if i.role == "policy" || i.role == "manifest" {
                        "".to_string()
                    } else {
                        i.rows.to_string()
                    }),
                    code(&i.sha256),
                ]
            })
            .collect(),
    }
}

/// The files and folders of the case that were not read, with why.
fn not_read(report: &Report) -> Option<Block> {
    (!report.not_read.is_empty()).then(|| Block::Table {
        head: vec!["not read", "why"],
        rows: report
            .not_read
            .iter()
            .map(|n| vec![code(&n.path), text(&n.reason)])
            .collect(),
    })
}

/// What the policy set is and why: the packs used and the note on that
/// choice (packs added, left out, or refused).
fn scope(report: &Report) -> Block {
    let mut facts = vec![(
        "built-in packs".to_string(),
        text(if report.packs.is_empty() {
            "none".to_string()
        } else {
            report.packs.join(", ")
        }),
    )];
    if let Some(note) = &report.packs_note {
        facts.push(("pack choice".into(), text(note)));
    }
    let rules = report.rules.iter().filter(|r| !r.builtin).count();
    facts.push(("rules".into(), text(rules.to_string())));
    Block::Facts(facts)
}

/// Per collection the rules read: whether a source was supplied, rows read,
/// input errors, and the rules not checked for want of it.
fn coverage(report: &Report) -> Block {
    let rows = report
        .coverage
        .iter()
        .map(|c| {
            let lacking: Vec<&str> = report
                .not_checked()
                .filter(|r| r.no_data.contains(&c.collection))
                .map(|r| r.name.as_str())
                .collect();
            vec![
                code(&c.collection),
                text(c.kind),
                text(if c.supplied() {
                    c.files.join(", ")
                } else {
                    "no source supplied".into()
                }),
                text(c.rows.to_string()),
                text(c.input_errors.to_string()),
                text(lacking.join(", ")),
            ]
        })
        .collect();
    Block::Table {
        head: vec![
            "data",
            "kind",
            "source",
            "rows",
            "input errors",
            "rules not checked",
        ],
        rows,
    }
}

fn verdict_block(report: &Report, verdict: Verdict) -> Block {
    let s = &report.summary;
    let status = |st| {
        report
            .rules
            .iter()
            .filter(|r| !r.builtin && r.status == st)
            .count()
    };
    use crate::report::model::RuleStatus;
    let mut line = vec![
        Inline::Strong(verdict.as_str().into()),
        Inline::Text(format!(
            ": {} rules ({} passed, {} violated, {} not applicable, {} not checked) against {} records and {} events; {} error, {} warning, {} info violations; {} waived; {} input errors.",
            s.rules, status(RuleStatus::Passed), status(RuleStatus::Violated), status(RuleStatus::NotApplicable), status(RuleStatus::NotChecked),
            s.records, s.events, s.violations.error, s.violations.warning, s.violations.info, s.waived, s.input_errors
        )),
    ];
    if let Some(t) = report.not_checked_text() {
        line.push(Inline::Text(format!(
            " Not everything was checked: {t}; those rules are not counted as passed."
        )));
    }
    if verdict == Verdict::Incomplete {
        line.push(Inline::Text(
            " Rows with input errors were left out, so the result covers only the rows that could be read."
                .into(),
        ));
    }
    if let Some(b) = &report.baseline {
        let new = report
            .violations
            .iter()
            .filter(|v| v.baseline == Some(BaselineState::New))
            .count();
        line.push(Inline::Text(format!(
            " Compared with the baseline {}: {new} new, {} unchanged, {} fixed.",
            b.file,
            report.violations.len() - new,
            b.fixed.len()
        )));
    }
    Block::Para(line)
}

fn count_cell(n: Option<u64>) -> Line {
    text(n.map_or("–".to_string(), |n| n.to_string()))
}

/// One table per rule kind, kinds in name order, rules in set order.
fn rule_tables(report: &Report, blocks: &mut Vec<Block>) {
    blocks.push(Block::Heading(2, "Results by rule kind".into()));
    let mut kinds: BTreeMap<&str, Vec<&RuleSummary>> = BTreeMap::new();
    for r in &report.rules {
        kinds.entry(r.kind.as_str()).or_default().push(r);
    }
    for (kind, rules) in kinds {
        blocks.push(Block::Heading(3, kind.to_string()));
        let rows = rules
            .iter()
            .map(|r| {
                let mut c = subject_counts(r);
                // Without its data a rule checked and passed nothing.
                if r.status == crate::report::model::RuleStatus::NotChecked {
                    (c.checked, c.passed) = (None, None);
                }
                vec![
                    code(&r.name),
                    text(r.title.clone().unwrap_or_default()),
                    text(r.cite.join("; ")),
                    text(r.severity.as_str()),
                    text(rule_result(r)),
                    count_cell(c.checked),
                    count_cell(c.passed),
                    text(c.violated.to_string()),
                    text(c.waived.to_string()),
                ]
            })
            .collect();
        blocks.push(Block::Table {
            head: vec![
                "rule", "title", "citation", "severity", "result", "checked", "passed", "violated",
                "waived",
            ],
            rows,
        });
    }
}

fn violations(report: &Report, emit: &mut dyn FnMut(Block)) {
    emit(Block::Heading(2, "Violations".into()));
    let open: Vec<&Violation> = report
        .violations
        .iter()
        .filter(|v| v.waiver.is_none())
        .collect();
    if open.is_empty() {
        emit(Block::Para(text("None.")));
        return;
    }
    for (i, v) in open.iter().enumerate() {
        emit(Block::Heading(
            3,
            format!(
                "{}. {} · {} · {}",
                i + 1,
                v.rule,
                v.subject_id,
                v.severity.as_str()
            ),
        ));
        emit(Block::Para(text(&v.message)));
        emit(Block::Items(violation_items(report, v)));
    }
}

fn violation_items(report: &Report, v: &Violation) -> Vec<Line> {
    let mut items = vec![];
    let mut item = |label: &str, mut rest: Line| {
        let mut line = vec![Inline::Strong(format!("{label}:"))];
        line.push(Inline::Text(" ".into()));
        line.append(&mut rest);
        items.push(line);
    };
    item("outcome", text(v.outcome.as_str()));
    item("subject", text(object_text(report, &v.subject)));
    if let Some(p) = &v.policy {
        let mut l = code(format!("{}:{}:{}", p.file, p.line, p.column));
        if let Some(c) = &v.clause {
            l.push(Inline::Text(" ".into()));
            l.push(Inline::Code(c.to_string()));
        }
        item("clause", l);
    }
    for e in &v.evidence {
        item("evidence", text(object_text(report, e)));
    }
    if !v.values.is_empty() {
        let mut l = Vec::new();
        for (i, (k, val)) in v.values.iter().enumerate() {
            if i > 0 {
                l.push(Inline::Text(", ".into()));
            }
            l.push(Inline::Code(format!("{k} = {}", value_text(val))));
        }
        item("values", l);
    }
    if !v.cite.is_empty() {
        item("cite", text(v.cite.join("; ")));
    }
    if let Some(h) = &v.help {
        item("help", text(&**h));
    }
    let mut fp = code(&v.fingerprint);
    if let Some(b) = v.baseline {
        fp.push(Inline::Text(format!(" ({})", b.as_str())));
    }
    item("fingerprint", fp);
    items
}

fn waivers(report: &Report, blocks: &mut Vec<Block>) {
    blocks.push(Block::Heading(2, "Waivers".into()));
    let waived: Vec<&Violation> = report
        .violations
        .iter()
        .filter(|v| v.waiver.is_some())
        .collect();
    if waived.is_empty() {
        blocks.push(Block::Para(text("No violation was waived.")));
        return;
    }
    let rows = waived
        .iter()
        .filter_map(|v| {
            let w = v.waiver.as_ref()?;
            Some(vec![
                code(&*v.rule),
                text(&v.subject_id),
                text(&v.message),
                text(&w.because),
                text(w.by.clone().unwrap_or_else(|| "not recorded".into())),
                text(&w.until),
                code(format!("{}:{}", w.policy.file, w.policy.line)),
            ])
        })
        .collect();
    blocks.push(Block::Table {
        head: vec![
            "rule",
            "subject",
            "violation",
            "reason",
            "approved by",
            "expires",
            "waiver",
        ],
        rows,
    });
}

fn input_errors(report: &Report, blocks: &mut Vec<Block>) {
    blocks.push(Block::Heading(2, "Input errors".into()));
    if report.input_errors.is_empty() {
        blocks.push(Block::Para(text("None: every input row was read.")));
        return;
    }
    let opt = |n: Option<u32>| text(n.map(|n| n.to_string()).unwrap_or_default());
    let rows = report
        .input_errors
        .iter()
        .map(|e| {
            vec![
                code(&e.file),
                opt(e.line),
                opt(e.column),
                text(e.field.clone().unwrap_or_default()),
                e.value.clone().map(code).unwrap_or_default(),
                text(&e.message),
            ]
        })
        .collect();
    blocks.push(Block::Table {
        head: vec!["file", "line", "column", "field", "value", "problem"],
        rows,
    });
}

fn fixed(report: &Report, blocks: &mut Vec<Block>) {
    let Some(b) = &report.baseline else { return };
    blocks.push(Block::Heading(2, "Fixed since the baseline".into()));
    if b.fixed.is_empty() {
        blocks.push(Block::Para(text("None.")));
        return;
    }
    let rows = b
        .fixed
        .iter()
        .map(|f| {
            vec![
                code(&f.rule),
                text(&f.subject_id),
                text(&f.message),
                code(&f.fingerprint),
            ]
        })
        .collect();
    blocks.push(Block::Table {
        head: vec!["rule", "subject", "violation", "fingerprint"],
        rows,
    });
}

/// Citation -> the rules that cite it -> their result. Rules without a
/// citation and built-in checks get their own rows, so every rule appears.
fn traceability(report: &Report) -> Block {
    let mut by_cite: BTreeMap<String, Vec<&RuleSummary>> = BTreeMap::new();
    for r in &report.rules {
        if r.cite.is_empty() {
            let key = if r.builtin {
                "(built-in check)"
            } else {
                "(no citation)"
            };
            by_cite.entry(key.into()).or_default().push(r);
        }
        for c in &r.cite {
            by_cite.entry(c.clone()).or_default().push(r);
        }
    }
    let rows = by_cite
        .into_iter()
        .map(|(cite, rules)| {
            let mut names = Vec::new();
            for (i, r) in rules.iter().enumerate() {
                if i > 0 {
                    names.push(Inline::Text(", ".into()));
                }
                names.push(Inline::Code(r.name.clone()));
                names.push(Inline::Text(format!(" ({})", rule_result(r))));
            }
            // The citation is met only when every rule citing it is; one
            // rule not checked leaves it not checked, never passed.
            let results: Vec<&str> = rules.iter().map(|r| rule_result(r)).collect();
            let overall = if results.iter().all(|r| *r == "not applicable") {
                "not applicable"
            } else {
                ["violated", "not checked (no data)", "passed with waivers"]
                    .into_iter()
                    .find(|w| results.contains(w))
                    .unwrap_or("passed")
            };
            vec![text(cite), names, vec![Inline::Strong(overall.into())]]
        })
        .collect();
    Block::Table {
        head: vec!["citation", "rules", "result"],
        rows,
    }
}
