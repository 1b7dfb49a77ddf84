//! The audit report an auditor attaches to a deregistration filing, as a
//! small document (headings, facts, tables, lists) that `markdown.rs` and
//! `html.rs` each write out. Deciding what the report says happens once,
//! here; the two writers only deal with syntax and escaping.
//!
//! Page one is a summary the auditor signs; the appendices (results by
//! rule, violations by rule, waivers and input errors, traceability by
//! article) follow (docs/reports.md, "Audit report").

use std::collections::BTreeMap;

use crate::i18n::Lang;
use crate::report::model::{BaselineState, Finding, Report, RuleSummary, Violation};
use crate::t;

use super::common::{object_text, result_kind, rule_result, subject_counts, value_text};
use super::human::severity_word;

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
    /// Label: value pairs; each label ends with its colon.
    Facts(Vec<(String, Line)>),
    Table {
        head: Vec<String>,
        rows: Vec<Vec<Line>>,
    },
    Items(Vec<Line>),
    /// The verdict in words with its counts: the box of page one.
    Verdict(Line),
    /// Lines to fill in by hand: reviewer, date, signature.
    Attestation(Vec<String>),
    /// A printed page ends here (HTML); nothing in Markdown.
    PageBreak,
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

/// A sentence custodia wrote (a note, the verdict's "not checked"), with
/// its `code` spans as code: as text, the Markdown escaped the backticks
/// and showed them (`\`period_end\``; hostile review h23b #10). Text
/// with an odd number of backticks (a value of the data holding one) stays
/// text.
fn marked(s: &str) -> Line {
    let parts: Vec<&str> = s.split('`').collect();
    if parts.len() < 3 || parts.len() % 2 == 0 {
        return text(s);
    }
    (parts.into_iter().enumerate())
        .filter(|(_, p)| !p.is_empty())
        .map(|(i, p)| match i % 2 {
            0 => Inline::Text(p.to_string()),
            _ => Inline::Code(p.to_string()),
        })
        .collect()
}

/// A company fact as plain text (strings without quotes); one the company
/// facts do not give is `not recorded` (no deregistration filed yet is
/// normal, not a defect of the data).
fn fact_text(lang: Lang, v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => t!(lang, "audit-not-recorded"),
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

/// A company fact by name, as text.
fn company_fact(report: &Report, name: &str) -> Option<String> {
    report
        .company
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| fact_text(report.lang, v))
}

/// The audit report's title: the company's name when the case gives it.
pub fn title(report: &Report) -> String {
    match company_fact(report, "name") {
        Some(name) => t!(report.lang, "audit-title-company", company = name),
        None => t!(report.lang, "audit-title"),
    }
}

/// What the printed page repeats at its top: the company and the as-of date.
pub fn running_header(report: &Report) -> String {
    let company = company_fact(report, "name").unwrap_or_else(|| title(report));
    t!(
        report.lang,
        "audit-running-header",
        company = company,
        as_of = &report.as_of,
        zone = &report.time_zone
    )
}

/// The blocks of [`build`], handed to `emit` one at a time: a renderer
/// writes each as it comes, so the violations appendix (a few blocks per
/// violation) is never held whole (security.md, "Limits").
///
/// Page one is the summary an auditor signs ([`summary_page`]); the
/// appendices follow, each starting a printed page ([`Block::PageBreak`]).
pub fn each_block(report: &Report, emit: &mut dyn FnMut(Block)) {
    let lang = report.lang;
    summary_page(report, emit);
    if report.view.summary_only {
        emit(Block::Para(text(t!(lang, "audit-summary-only"))));
        return;
    }
    let mut blocks = vec![
        Block::PageBreak,
        Block::Heading(2, t!(lang, "audit-appendix-results")),
        scope(report),
        coverage(report),
    ];
    rule_tables(report, &mut blocks);
    blocks.push(Block::PageBreak);
    blocks.drain(..).for_each(&mut *emit);
    violations(report, emit);
    blocks.push(Block::PageBreak);
    waivers(report, &mut blocks);
    input_errors(report, &mut blocks);
    if !report.notes.is_empty() {
        blocks.push(Block::Heading(3, t!(lang, "audit-notes-heading")));
        let notes = report.notes.iter().map(|n| {
            let mut item = vec![Inline::Code(n.file.clone())];
            item.extend(marked(&t!(lang, "audit-note-text", message = &n.message)));
            item
        });
        blocks.push(Block::Items(notes.collect()));
    }
    if let Some(table) = not_read(report) {
        blocks.push(Block::Heading(3, t!(lang, "audit-files-not-read-heading")));
        blocks.push(table);
    }
    fixed(report, &mut blocks);
    blocks.push(Block::PageBreak);
    blocks.push(Block::Heading(2, t!(lang, "audit-appendix-traceability")));
    blocks.push(traceability(report));
    blocks.into_iter().for_each(emit);
}

/// Page one: who and when, the verdict in words, the counts per rule kind
/// and for each rule with a finding or not checked, what was not checked
/// and why, the inputs with their hashes, and the attestation.
fn summary_page(report: &Report, emit: &mut dyn FnMut(Block)) {
    let lang = report.lang;
    let verdict = report.verdict();
    emit(header(report));
    emit(Block::Heading(2, t!(lang, "audit-verdict")));
    emit(verdict_block(report, verdict));
    emit(Block::Heading(2, t!(lang, "audit-counts")));
    emit(kind_counts(report));
    let listed = report.rules.iter().any(|r| of_note(report, r));
    if listed {
        emit(rules_of_note(report));
    }
    // Built-in checks are not among the verdict's "N rules": counting them
    // here made "2 rules (2 passed) ... The other 8 rules passed".
    // Nor are the rules the "not checked" section lists (objects they
    // could not decide, values no row holds): they did not simply pass.
    let other = report
        .rules
        .iter()
        .filter(|r| !r.builtin && !of_note(report, r))
        .filter(|r| {
            r.unknown_subjects == 0
                && r.undecided_findings == 0
                && r.unmatched_values.is_empty()
                && r.never_true.is_none()
        })
        .count();
    // "The other 78" after an empty table read oddly (hostile review
    // h23b #10): with nothing listed, the table is left out and the
    // sentence speaks of all of them.
    if other > 0 {
        let says = if listed {
            t!(lang, "audit-other-rules", count = other)
        } else {
            t!(lang, "audit-all-rules", count = other)
        };
        emit(Block::Para(text(says)));
    }
    emit(Block::Heading(2, t!(lang, "audit-not-checked")));
    emit(Block::Items(not_checked_items(report)));
    let limits = pack_limits(report);
    if !limits.is_empty() {
        emit(Block::Para(text(t!(lang, "audit-pack-limits"))));
        emit(Block::Items(limits));
    }
    emit(Block::Heading(2, t!(lang, "audit-inputs")));
    emit(inputs(report));
    emit(Block::Attestation(vec![
        t!(lang, "audit-reviewer"),
        t!(lang, "audit-date"),
        t!(lang, "audit-signature"),
    ]));
}

/// The rules page one lists one by one: violated, or not checked.
fn of_note(report: &Report, r: &RuleSummary) -> bool {
    use crate::report::model::RuleStatus;
    matches!(r.status, RuleStatus::Violated | RuleStatus::NotChecked)
        || !report.violations_of(&r.name).is_empty()
}

/// Per rule kind: rules, their results, findings and waived findings.
fn kind_counts(report: &Report) -> Block {
    use crate::report::model::RuleStatus;
    let lang = report.lang;
    let mut kinds: BTreeMap<&str, Vec<&RuleSummary>> = BTreeMap::new();
    for r in &report.rules {
        kinds.entry(r.kind.as_str()).or_default().push(r);
    }
    let rows = kinds
        .into_iter()
        .map(|(kind, rules)| {
            let status = |st| rules.iter().filter(|r| r.status == st).count().to_string();
            let findings: Vec<&Violation> = rules
                .iter()
                .flat_map(|r| report.violations_of(&r.name))
                .collect();
            let waived = findings.iter().filter(|v| v.waiver.is_some()).count();
            vec![
                text(kind_word(lang, kind)),
                text(rules.len().to_string()),
                text(status(RuleStatus::Passed)),
                text(status(RuleStatus::Violated)),
                text(status(RuleStatus::NotApplicable)),
                text(status(RuleStatus::NotChecked)),
                text((findings.len() - waived).to_string()),
                text(waived.to_string()),
            ]
        })
        .collect();
    Block::Table {
        head: vec![
            t!(lang, "audit-col-kind"),
            t!(lang, "audit-col-rules"),
            t!(lang, "status-passed"),
            t!(lang, "status-violated"),
            t!(lang, "status-not-applicable"),
            // Rules not checked for any reason: no data, or a value a typo away.
            t!(lang, "audit-col-status-not-checked"),
            t!(lang, "audit-col-findings"),
            t!(lang, "label-waived"),
        ],
        rows,
    }
}

/// The rules violated or not checked, each with its counts.
fn rules_of_note(report: &Report) -> Block {
    let lang = report.lang;
    let rows = report
        .rules
        .iter()
        .filter(|r| of_note(report, r))
        .map(|r| {
            let mine = report.violations_of(&r.name);
            let waived = mine.iter().filter(|v| v.waiver.is_some()).count();
            vec![
                code(&r.name),
                text(r.title.clone().unwrap_or_default()),
                text(severity_word(lang, r.severity)),
                text(rule_result(lang, r)),
                text((mine.len() - waived).to_string()),
                text(waived.to_string()),
            ]
        })
        .collect();
    Block::Table {
        head: vec![
            t!(lang, "label-rule"),
            t!(lang, "audit-col-title"),
            t!(lang, "label-severity"),
            t!(lang, "label-result"),
            t!(lang, "audit-col-findings"),
            t!(lang, "label-waived"),
        ],
        rows,
    }
}

/// A rule's name and what it says of the rule.
fn rule_item(rule: &RuleSummary, says: String) -> Line {
    let mut item = vec![Inline::Code(rule.name.clone())];
    item.extend(marked(&format!(" {says}")));
    item
}

/// What was not checked and why: rules without their data, an empty
/// inventory, rows left out for input errors, files not read.
fn not_checked_items(report: &Report) -> Vec<Line> {
    let lang = report.lang;
    let mut items = vec![];
    for r in report.without_data() {
        let says = report.lack_text(
            r,
            lang,
            &|data| t!(lang, "audit-rule-lacks", data = data),
            &|data| t!(lang, "audit-rule-rows-refused", data = data),
            &|data| t!(lang, "audit-rule-read-empty", data = data),
            &|data| t!(lang, "audit-rule-unmapped", data = data),
        );
        items.push(rule_item(r, says));
    }
    for r in report.undecided() {
        let count = r.unknown_subjects;
        items.push(rule_item(
            r,
            t!(lang, "audit-rule-unknown-subjects", count = count),
        ));
    }
    for r in report.undecided_findings() {
        let count = r.undecided_findings;
        items.push(rule_item(
            r,
            t!(lang, "audit-rule-insufficient", count = count),
        ));
    }
    for r in report.mistyped() {
        let values = report.unmatched_text(r);
        items.push(rule_item(
            r,
            t!(lang, "audit-rule-unmatched", values = values),
        ));
    }
    for r in report.never_true() {
        if let Some(n) = &r.never_true {
            let why = n.text(lang);
            items.push(rule_item(r, t!(lang, "audit-rule-never-true", why = why)));
        }
    }
    if report.no_records() {
        items.push(text(t!(lang, "not-checked-no-records")));
    } else if report.nothing_applied() {
        items.push(text(t!(lang, "not-checked-nothing-applied")));
    }
    // Rows the case's own manifest left out (`skip:`): they exist and were
    // not checked (hostile review: only a note in Appendix C said so).
    for s in &report.skipped {
        items.push(marked(&s.describe(lang)));
    }
    // A field a rule reads that no row of a file had (read as missing or
    // as its default in every row), and a database source with no row:
    // the rules saw less than the data suggests. The notes about subjects
    // a condition could not decide are the rules' lines above.
    for n in report.notes.iter().filter(|n| about_absent_data(report, n)) {
        let mut item = vec![Inline::Code(n.file.clone())];
        item.extend(marked(&t!(lang, "audit-note-text", message = &n.message)));
        items.push(item);
    }
    if !report.input_errors.is_empty() {
        items.push(text(t!(
            lang,
            "audit-rows-left-out",
            count = report.input_errors.len()
        )));
    }
    if !report.not_read.is_empty() {
        items.push(text(t!(
            lang,
            "audit-files-not-read",
            count = report.not_read.len()
        )));
    }
    if items.is_empty() {
        items.push(text(t!(lang, "audit-everything-checked")));
    }
    items
}

/// Per pack used, the duties of its laws it does not check
/// (`packs::unchecked_duties`): page one says them beside what was not
/// checked, so that the signer does not read "every rule checked" as
/// "every duty of the law checked" (hostile review h23b #10).
fn pack_limits(report: &Report) -> Vec<Line> {
    let lang = report.lang;
    (report.packs.iter())
        .filter_map(|pack| {
            let duties = crate::packs::unchecked_duties(lang, pack);
            if duties.is_empty() {
                return None;
            }
            let duties = duties.join(&t!(lang, "list-separator"));
            let mut item = vec![Inline::Code(pack.clone())];
            item.push(Inline::Text(format!(
                " {}",
                t!(lang, "audit-pack-limits-item", duties = duties)
            )));
            Some(item)
        })
        .collect()
}

/// A note about rules that is not about subjects a condition could not
/// decide (those are listed by rule): a field absent from every row a
/// rule read, a database source with no row.
fn about_absent_data(report: &Report, n: &crate::data::Note) -> bool {
    let undecided = |name: &String| {
        report.rules.iter().any(|r| {
            &r.name == name
                && r.unknown_subjects > 0
                && r.policy.as_ref().is_some_and(|p| *p.file == *n.file)
        })
    };
    match n.rules.as_slice() {
        [] => false,
        [only] => !undecided(only),
        _ => true,
    }
}

/// A rule kind in words (`retention` -> 保管期限); the code where the
/// catalogue has no word for it.
fn kind_word(lang: Lang, kind: &str) -> String {
    let word = match kind {
        "retention" => t!(lang, "kind-retention"),
        "destruction" => t!(lang, "kind-destruction"),
        "access" => t!(lang, "kind-access"),
        "notification" => t!(lang, "kind-notification"),
        "integrity" => t!(lang, "kind-integrity"),
        "waiver" => t!(lang, "kind-waiver"),
        "rule" => t!(lang, "kind-rule"),
        _ => return kind.to_string(),
    };
    if lang == Lang::En {
        word
    } else {
        format!("{word}（{kind}）")
    }
}

/// What a CI run's summary page shows (`$GITHUB_STEP_SUMMARY`): the
/// verdict and the results by rule kind, without the long sections.
pub fn step_summary(report: &Report) -> AuditDoc {
    let lang = report.lang;
    let verdict = report.verdict();
    let mut blocks = vec![verdict_block(report, verdict)];
    first_findings(report, &mut blocks);
    rule_tables(report, &mut blocks);
    rule_notes(report, &mut blocks);
    blocks.push(Block::Para(text(t!(lang, "audit-step-summary-end"))));
    AuditDoc {
        title: "custodia".into(),
        verdict,
        blocks,
    }
}

/// The notes about rules (subjects not decided, a field read as missing
/// in every row), which the step summary would otherwise not show.
fn rule_notes(report: &Report, blocks: &mut Vec<Block>) {
    let notes: Vec<Vec<Inline>> = report
        .notes
        .iter()
        .filter(|n| !n.rules.is_empty())
        .map(|n| {
            let mut item = vec![Inline::Code(n.file.clone())];
            item.extend(marked(&format!(" {}", n.message)));
            item
        })
        .collect();
    if !notes.is_empty() {
        blocks.push(Block::Heading(3, t!(report.lang, "audit-notes-heading")));
        blocks.push(Block::Items(notes));
    }
}

/// Findings listed in the step summary, beyond the annotations GitHub shows.
pub const SUMMARY_FINDINGS: usize = 100;

/// The most severe unwaived violations (new before baseline, then in report
/// order), at most [`SUMMARY_FINDINGS`], and how many more there are.
fn first_findings(report: &Report, blocks: &mut Vec<Block>) {
    let lang = report.lang;
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
            v.baseline() == Some(BaselineState::Unchanged),
            std::cmp::Reverse(v.severity),
        )
    });
    blocks.push(Block::Heading(2, t!(lang, "audit-findings")));
    let rows = open
        .iter()
        .take(SUMMARY_FINDINGS)
        .map(|v| {
            let v = v.finding();
            vec![
                text(severity_word(lang, v.severity)),
                code(v.rule.to_string()),
                text(v.subject_id.to_string()),
                text(super::common::place(report, &v.subject)),
                text(v.message.clone()),
            ]
        })
        .collect();
    blocks.push(Block::Table {
        head: vec![
            t!(lang, "label-severity"),
            t!(lang, "label-rule"),
            t!(lang, "audit-col-subject"),
            t!(lang, "audit-col-where"),
            t!(lang, "audit-col-message"),
        ],
        rows,
    });
    if open.len() > SUMMARY_FINDINGS {
        blocks.push(Block::Para(text(t!(
            lang,
            "audit-more-findings",
            count = open.len() - SUMMARY_FINDINGS
        ))));
    }
}

/// The words for a fact of the standard schema's `company`
/// (policies/std/schema.policy); a field a case adds is shown by its code.
fn company_label(lang: Lang, field: &str) -> Option<String> {
    Some(match field {
        "name" => t!(lang, "audit-company-name"),
        "credit_code" => t!(lang, "audit-credit-code"),
        "dissolution_cause" => t!(lang, "audit-company-dissolution-cause"),
        "dissolution_reason" => t!(lang, "audit-company-dissolution-reason"),
        "liquidation_group_formed" => t!(lang, "audit-company-liquidation-group-formed"),
        "liquidation_finished" => t!(lang, "audit-company-liquidation-finished"),
        "deregistration_filed" => t!(lang, "audit-company-deregistration-filed"),
        "deregistration_kind" => t!(lang, "audit-company-deregistration-kind"),
        "invoices_cancelled" => t!(lang, "audit-company-invoices-cancelled"),
        "tax_deregistered" => t!(lang, "audit-company-tax-deregistered"),
        _ => return None,
    })
}

/// Who, when and with what: the company's facts (its name and unified
/// social credit code first), the as-of date and time zone, the tool.
fn header(report: &Report) -> Block {
    let lang = report.lang;
    let mut facts: Vec<(String, Line)> = vec![];
    let label = |k: &str| company_label(lang, k).unwrap_or_else(|| format!("company.{k}"));
    let first = ["name", "credit_code"];
    for k in first {
        if let Some(v) = company_fact(report, k) {
            facts.push((label(k), text(v)));
        }
    }
    for (k, v) in &report.company {
        if !first.contains(&k.as_str()) {
            facts.push((label(k), text(fact_text(lang, v))));
        }
    }
    facts.push((
        t!(lang, "audit-as-of"),
        text(t!(
            lang,
            "audit-as-of-value",
            as_of = &report.as_of,
            zone = &report.time_zone
        )),
    ));
    facts.push((
        t!(lang, "audit-tool"),
        text(format!("custodia {}", report.tool_version)),
    ));
    // Which built-in packs were checked belongs on the page that is signed:
    // `--pack cn/tax` alone gave COMPLIANT, and only Appendix A said so.
    facts.push((
        t!(lang, "audit-packs-checked"),
        text(if report.packs.is_empty() {
            t!(lang, "audit-packs-none")
        } else {
            report.packs.join(&t!(lang, "list-comma"))
        }),
    ));
    facts.extend(completeness(report));
    labelled(lang, facts)
}

/// Whether every input was read (`complete`) and whether everything was
/// checked (`fully_checked`): two lines, each saying what the JSON and
/// SARIF field of its name says. One "complete: no" line meant both, and
/// the machine reports' `complete` only the first (hostile review h16);
/// the second line keeps what the signer must see when rules were not
/// checked (hostile review 2026-12-05).
fn completeness(report: &Report) -> [(String, Line); 2] {
    let lang = report.lang;
    let complete = if report.complete {
        t!(lang, "audit-complete-yes")
    } else {
        t!(lang, "audit-complete-no")
    };
    // What was not checked is said once on page one, under its heading
    // (and in the verdict): repeating it here pushed the summary of a case
    // leaving the packs out onto a second page.
    let fully = match (report.not_checked_text(), chosen_left_out(report)) {
        (Some(_), _) => t!(lang, "audit-fully-checked-no"),
        // `--pack` chose the packs: every rule of the set was checked, but
        // "yes" alone beside COMPLIANT read as the filing checked (h24b F26).
        (None, Some((by, packs, count))) => t!(
            lang,
            "audit-fully-checked-yes-chosen",
            packs = packs,
            count = count,
            by = by
        ),
        (None, None) => t!(lang, "audit-fully-checked-yes"),
    };
    [
        (t!(lang, "audit-complete"), text(complete)),
        (t!(lang, "audit-fully-checked"), marked(&fully)),
    ]
}

/// The default packs the command line's `--pack` left out, which the run
/// accepts (docs/reports.md): who chose, the packs as a list, how many.
/// Left out by custodia.yaml or the case's schema, they are scope not
/// checked and said with it instead.
fn chosen_left_out(report: &Report) -> Option<(&'static str, String, usize)> {
    let by = report.packs_chosen_by.filter(|by| *by == "--pack")?;
    let left = &report.packs_left_out;
    (!left.is_empty()).then(|| (by, left.join(&t!(report.lang, "list-comma")), left.len()))
}

/// Facts with their labels as the language writes them (`as of:`, `检查基准日：`).
fn labelled(lang: Lang, facts: Vec<(String, Line)>) -> Block {
    Block::Facts(
        facts
            .into_iter()
            .map(|(k, v)| (t!(lang, "audit-item-label", label = k), v))
            .collect(),
    )
}

fn role_word(lang: Lang, role: &str) -> String {
    match role {
        "manifest" => t!(lang, "role-manifest"),
        "company" => t!(lang, "role-company"),
        "inventory" => t!(lang, "role-inventory"),
        "log" => t!(lang, "role-log"),
        "table" => t!(lang, "role-table"),
        "policy" => t!(lang, "role-policy"),
        "record" => t!(lang, "role-record"),
        "event" => t!(lang, "role-event"),
        other => other.to_string(),
    }
}

fn inputs(report: &Report) -> Block {
    let lang = report.lang;
    Block::Table {
        head: vec![
            t!(lang, "audit-col-file"),
            t!(lang, "audit-col-role"),
            t!(lang, "audit-col-rows"),
            "SHA-256".to_string(),
        ],
        rows: report
            .inputs
            .iter()
            .map(|i| {
                vec![
                    code(&i.path),
                    text(role_word(lang, i.role)),
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
    let lang = report.lang;
    (!report.not_read.is_empty()).then(|| Block::Table {
        head: vec![t!(lang, "label-not-read"), t!(lang, "audit-col-why")],
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
    let lang = report.lang;
    let mut facts = vec![(
        t!(lang, "audit-packs"),
        text(if report.packs.is_empty() {
            t!(lang, "audit-none")
        } else {
            report.packs.join(&t!(lang, "list-comma"))
        }),
    )];
    if let Some(note) = &report.packs_note {
        facts.push((t!(lang, "audit-pack-choice"), marked(note)));
    }
    // Default packs the named ones leave out, whoever named them: with
    // `--pack` or `--allow-skipped` the report still says what was not
    // checked (the `manifest_packs_narrow` hostile case).
    if !report.packs_left_out.is_empty() {
        let packs = report.packs_left_out.join(&t!(lang, "list-comma"));
        let why = match (&report.packs_unfit_schema, report.packs_chosen_by) {
            // No list named: the case's own `record` left them out.
            (Some((file, _)), None) => t!(
                lang,
                "audit-packs-left-out-own-schema-text",
                packs = packs,
                file = file.as_str()
            ),
            (_, by) => t!(
                lang,
                "audit-packs-left-out-text",
                packs = packs,
                by = by.unwrap_or("custodia.yaml")
            ),
        };
        facts.push((t!(lang, "audit-packs-left-out"), marked(&why)));
    }
    let rules = report.rules.iter().filter(|r| !r.builtin).count();
    facts.push((t!(lang, "audit-col-rules"), text(rules.to_string())));
    labelled(lang, facts)
}

/// Per collection the rules read: whether a source was supplied, rows read,
/// input errors, and the rules not checked for want of it.
fn coverage(report: &Report) -> Block {
    let lang = report.lang;
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
                text(role_word(lang, c.kind)),
                text(if c.supplied() {
                    c.files.join(&t!(lang, "list-comma"))
                } else if c.mapping_failed() {
                    let files = c.unmapped_files(lang);
                    t!(
                        lang,
                        "audit-unmapped",
                        files = files,
                        at = c.unmapped_at(lang)
                    )
                } else if c.all_refused() {
                    let files = c.refused.join(&t!(lang, "list-comma"));
                    t!(lang, "audit-rows-refused", files = files)
                } else if c.read_empty() {
                    let files = c.empty.join(&t!(lang, "list-comma"));
                    t!(lang, "audit-read-empty", files = files)
                } else {
                    t!(lang, "audit-no-source")
                }),
                text(c.rows.to_string()),
                text(c.input_errors.to_string()),
                text(lacking.join(&t!(lang, "list-comma"))),
            ]
        })
        .collect();
    Block::Table {
        head: vec![
            t!(lang, "audit-col-data"),
            t!(lang, "audit-col-kind"),
            t!(lang, "audit-col-source"),
            t!(lang, "audit-col-rows"),
            t!(lang, "audit-col-input-errors"),
            t!(lang, "audit-col-not-checked"),
        ],
        rows,
    }
}

fn verdict_block(report: &Report, verdict: Verdict) -> Block {
    let lang = report.lang;
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
        Inline::Strong(verdict.words(lang)),
        Inline::Text(t!(
            lang,
            "audit-verdict-counts",
            rules = s.rules,
            passed = status(RuleStatus::Passed),
            violated = status(RuleStatus::Violated),
            not_applicable = status(RuleStatus::NotApplicable),
            not_checked = status(RuleStatus::NotChecked),
            records = s.records,
            events = s.events,
            error = s.violations.error,
            warning = s.violations.warning,
            info = s.violations.info,
            waived = s.waived,
            input_errors = s.input_errors
        )),
    ];
    if let Some(t) = report.not_checked_text() {
        line.extend(marked(&t!(lang, "audit-verdict-not-checked", text = t)));
    }
    if let Some((by, packs, count)) = chosen_left_out(report) {
        line.push(Inline::Text(t!(
            lang,
            "audit-verdict-packs-chosen",
            by = by,
            packs = packs,
            count = count
        )));
    }
    if verdict == Verdict::Incomplete {
        line.push(Inline::Text(t!(lang, "audit-verdict-incomplete")));
    }
    // 合规 beside the signature read as a certification of the company
    // (hostile review h24b F28): a pass is said of the rules and the data.
    if matches!(verdict, Verdict::Compliant | Verdict::CompliantWithFindings) {
        line.push(Inline::Text(t!(lang, "audit-verdict-scope")));
    }
    if let Some(b) = &report.baseline {
        let new = report
            .violations
            .iter()
            .filter(|v| v.baseline() == Some(BaselineState::New))
            .count();
        line.push(Inline::Text(t!(
            lang,
            "audit-verdict-baseline",
            file = &b.file,
            new = new,
            unchanged = report.violations.len() - new,
            fixed = b.fixed.len()
        )));
    }
    Block::Verdict(line)
}

fn count_cell(n: Option<u64>) -> Line {
    text(n.map_or("–".to_string(), |n| n.to_string()))
}

/// One table per rule kind, kinds in name order, rules in set order.
fn rule_tables(report: &Report, blocks: &mut Vec<Block>) {
    let lang = report.lang;
    blocks.push(Block::Heading(3, t!(lang, "audit-results-by-kind")));
    let mut kinds: BTreeMap<&str, Vec<&RuleSummary>> = BTreeMap::new();
    for r in &report.rules {
        kinds.entry(r.kind.as_str()).or_default().push(r);
    }
    for (kind, rules) in kinds {
        blocks.push(Block::Heading(4, kind_word(lang, kind)));
        let rows = rules
            .iter()
            .map(|r| {
                let mut c = subject_counts(r);
                // Without its data, or a typo away from it, a rule checked
                // and passed nothing; one leaving objects undecided checked
                // the others.
                use crate::report::model::NotCheckedWhy;
                if matches!(
                    r.not_checked_why(),
                    Some(
                        NotCheckedWhy::NoData | NotCheckedWhy::Unmatched | NotCheckedWhy::NeverTrue
                    )
                ) {
                    (c.checked, c.passed) = (None, None);
                }
                vec![
                    code(&r.name),
                    text(r.title.clone().unwrap_or_default()),
                    text(r.cite.join(&t!(lang, "list-separator"))),
                    text(severity_word(lang, r.severity)),
                    text(rule_result(lang, r)),
                    count_cell(c.checked),
                    count_cell(c.passed),
                    text(c.violated.to_string()),
                    text(c.waived.to_string()),
                ]
            })
            .collect();
        blocks.push(Block::Table {
            head: vec![
                t!(lang, "label-rule"),
                t!(lang, "audit-col-title"),
                t!(lang, "audit-col-citation"),
                t!(lang, "label-severity"),
                t!(lang, "label-result"),
                t!(lang, "audit-col-checked"),
                t!(lang, "status-passed"),
                t!(lang, "status-violated"),
                t!(lang, "label-waived"),
            ],
            rows,
        });
    }
}

/// Unwaived violations grouped by rule: a heading per rule (id and
/// title), then each subject with its title (题名) beside its id.
fn violations(report: &Report, emit: &mut dyn FnMut(Block)) {
    let lang = report.lang;
    emit(Block::Heading(2, t!(lang, "audit-appendix-violations")));
    let mut any = false;
    let mut n = 0;
    for r in &report.rules {
        let open: Vec<&Violation> = report
            .violations_of(&r.name)
            .iter()
            .filter(|v| v.waiver.is_none())
            .collect();
        if open.is_empty() {
            continue;
        }
        any = true;
        let title = r.title.clone().unwrap_or_default();
        emit(Block::Heading(
            3,
            t!(
                lang,
                "audit-rule-heading",
                rule = &r.name,
                title = title,
                count = open.len()
            ),
        ));
        for v in open {
            let v = &v.finding();
            n += 1;
            let subject = match &v.subject_title {
                Some(t) => format!("{} {t}", v.subject_id),
                None => v.subject_id.to_string(),
            };
            emit(Block::Heading(
                4,
                format!("{n}. {subject} · {}", severity_word(lang, v.severity)),
            ));
            emit(Block::Para(text(&*v.message)));
            emit(Block::Items(violation_items(report, v)));
        }
    }
    if !any {
        emit(Block::Para(text(t!(lang, "audit-none-found"))));
    }
}

fn outcome_word(lang: Lang, o: crate::report::model::Outcome) -> String {
    match o {
        crate::report::model::Outcome::Violated => t!(lang, "outcome-violated"),
        crate::report::model::Outcome::InsufficientEvidence => {
            t!(lang, "outcome-insufficient-evidence")
        }
    }
}

fn violation_items(report: &Report, v: &Finding) -> Vec<Line> {
    let lang = report.lang;
    let mut items = vec![];
    let mut item = |label: String, mut rest: Line| {
        let mut line = vec![Inline::Strong(t!(lang, "audit-item-label", label = label))];
        line.push(Inline::Text(" ".into()));
        line.append(&mut rest);
        items.push(line);
    };
    item(
        t!(lang, "audit-outcome"),
        text(outcome_word(lang, v.outcome)),
    );
    item(
        t!(lang, "audit-col-subject"),
        text(object_text(report, &v.subject)),
    );
    if let Some(p) = &v.policy {
        let mut l = code(format!("{}:{}:{}", p.file, p.line, p.column));
        if let Some(c) = &v.clause {
            l.push(Inline::Text(" ".into()));
            l.push(Inline::Code(c.to_string()));
        }
        item(t!(lang, "audit-clause"), l);
    }
    for e in &v.evidence {
        item(t!(lang, "audit-evidence"), text(object_text(report, e)));
    }
    if !v.values.is_empty() {
        let mut l = Vec::new();
        for (i, (k, val)) in v.values.iter().enumerate() {
            if i > 0 {
                l.push(Inline::Text(t!(lang, "list-comma")));
            }
            l.push(Inline::Code(format!("{k} = {}", value_text(lang, val))));
        }
        item(t!(lang, "audit-values"), l);
    }
    let origins = report.value_origins(v);
    if !origins.is_empty() {
        let l = origins
            .iter()
            .map(|o| Inline::Code(super::common::origin_text(lang, o)))
            .enumerate()
            .flat_map(|(i, c)| {
                let separator = Inline::Text(t!(lang, "list-separator"));
                (i > 0).then_some(separator).into_iter().chain([c])
            })
            .collect();
        item(t!(lang, "audit-origins"), l);
    }
    if !v.cite.is_empty() {
        let cite = v.cite.join(&t!(lang, "list-separator"));
        item(t!(lang, "audit-col-citation"), text(cite));
    }
    if let Some(h) = &v.help {
        item(t!(lang, "audit-help"), text(&**h));
    }
    let mut fp = code(v.fingerprint.to_hex());
    if let Some(b) = v.baseline {
        let state = match b {
            BaselineState::New => t!(lang, "baseline-new"),
            BaselineState::Unchanged => t!(lang, "baseline-unchanged"),
        };
        fp.push(Inline::Text(format!(" ({state})")));
    }
    item(t!(lang, "audit-fingerprint"), fp);
    items
}

fn waivers(report: &Report, blocks: &mut Vec<Block>) {
    let lang = report.lang;
    blocks.push(Block::Heading(2, t!(lang, "audit-appendix-waivers")));
    blocks.push(Block::Heading(3, t!(lang, "audit-waivers")));
    let waived: Vec<&Violation> = report
        .violations
        .iter()
        .filter(|v| v.waiver.is_some())
        .collect();
    if waived.is_empty() {
        blocks.push(Block::Para(text(t!(lang, "audit-no-waiver"))));
        return;
    }
    let rows = waived
        .iter()
        .filter_map(|v| {
            let w = v.waiver.as_ref()?;
            Some(vec![
                code(&*v.rule),
                text(v.subject_id()),
                text(v.message()),
                text(&w.because),
                text(
                    w.by.clone()
                        .unwrap_or_else(|| t!(lang, "audit-not-recorded")),
                ),
                text(&w.until),
                code(format!("{}:{}", w.policy.file, w.policy.line)),
            ])
        })
        .collect();
    blocks.push(Block::Table {
        head: vec![
            t!(lang, "label-rule"),
            t!(lang, "audit-col-subject"),
            t!(lang, "audit-col-violation"),
            t!(lang, "audit-col-reason"),
            t!(lang, "audit-col-approved-by"),
            t!(lang, "audit-col-expires"),
            t!(lang, "audit-col-waiver"),
        ],
        rows,
    });
}

fn input_errors(report: &Report, blocks: &mut Vec<Block>) {
    let lang = report.lang;
    blocks.push(Block::Heading(3, t!(lang, "audit-input-errors")));
    if report.input_errors.is_empty() {
        blocks.push(Block::Para(text(t!(lang, "audit-no-input-errors"))));
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
        head: vec![
            t!(lang, "audit-col-file"),
            t!(lang, "audit-col-line"),
            t!(lang, "audit-col-column"),
            t!(lang, "audit-col-field"),
            t!(lang, "audit-col-value"),
            t!(lang, "audit-col-problem"),
        ],
        rows,
    });
}

fn fixed(report: &Report, blocks: &mut Vec<Block>) {
    let lang = report.lang;
    let Some(b) = &report.baseline else { return };
    blocks.push(Block::Heading(3, t!(lang, "audit-fixed")));
    if b.fixed.is_empty() {
        blocks.push(Block::Para(text(t!(lang, "audit-none-found"))));
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
        head: vec![
            t!(lang, "label-rule"),
            t!(lang, "audit-col-subject"),
            t!(lang, "audit-col-violation"),
            t!(lang, "audit-fingerprint"),
        ],
        rows,
    });
}

/// Uncited rows last, the law's place, the law, the article's numbers,
/// the rest of the text.
type CiteKey = (bool, usize, String, Vec<u64>, String);

/// The laws the packs cite, in the order Appendix D lists them: laws of
/// the NPC, then the State Council's regulations, then the ministries'
/// rules, then national standards, the practitioners' guide and foreign
/// law (each group in the order of the packs that cite it most). A law
/// not listed (a case's own citations) comes after them, by its name.
/// **Decision (hostile review h23b #10):** by code point, 个人信息保护法
/// came before 公司法 and 民法典 after 劳动合同法, an order no reader
/// follows.
const LAW_ORDER: &[&str] = &[
    "公司法",
    "个人信息保护法",
    "档案法",
    "劳动合同法",
    "民法典",
    "民事诉讼法",
    "市场主体登记管理条例",
    "税收征收管理法实施细则",
    "发票管理办法",
    "网络数据安全管理条例",
    "会计档案管理办法",
    "GB",
    "客户资料指引",
    "GDPR",
];

/// A citation split into its law and the rest: before `第` (`公司法
/// 第二百三十五条`), else before the first word that starts with a
/// numeral (`客户资料指引 七.3 数据备份`, `GDPR Art. 5(1)(e)`), else the
/// whole text is the law (`会计档案管理办法 附表1`).
fn split_citation(cite: &str) -> (&str, &str) {
    if let Some((law, rest)) = cite.split_once('第') {
        return (law.trim(), rest);
    }
    let numeral = |c: char| c.is_ascii_digit() || "〇一二三四五六七八九十百千".contains(c);
    let mut prev_space = false;
    for (i, c) in cite.char_indices() {
        if prev_space && numeral(c) {
            return (cite[..i].trim(), &cite[i..]);
        }
        prev_space = c.is_whitespace();
    }
    (cite.trim(), "")
}

/// Where a citation sorts: rows without citation last, then by the law's
/// place in [`LAW_ORDER`] and name, the article's (or the guide section's)
/// numbers read as numbers (第十四条 before 第十六条 before 第一百条,
/// 三.6 before 七.3), then the rest of the text.
fn citation_key(cite: &str) -> CiteKey {
    let (law, rest) = split_citation(cite);
    let place = (LAW_ORDER.iter())
        .position(|l| law.starts_with(l))
        .unwrap_or(LAW_ORDER.len());
    let numbers = crate::i18n::numerals::article_numbers(rest);
    (false, place, law.to_string(), numbers, rest.to_string())
}

/// Citation -> the rules that cite it -> their result. Rules without a
/// citation and built-in checks get their own rows, so every rule appears.
/// Citations are in article order (see [`citation_key`]).
fn traceability(report: &Report) -> Block {
    use crate::report::model::RuleStatus;
    let lang = report.lang;
    let builtin = t!(lang, "audit-builtin-check");
    let uncited = t!(lang, "audit-no-citation");
    let mut by_cite: BTreeMap<CiteKey, (String, Vec<&RuleSummary>)> = BTreeMap::new();
    for r in &report.rules {
        if r.cite.is_empty() {
            let (key, name) = if r.builtin {
                (
                    (true, 2, String::new(), vec![], String::new()),
                    builtin.clone(),
                )
            } else {
                (
                    (true, 1, String::new(), vec![], String::new()),
                    uncited.clone(),
                )
            };
            by_cite.entry(key).or_insert((name, vec![])).1.push(r);
        }
        for c in &r.cite {
            by_cite
                .entry(citation_key(c))
                .or_insert((c.clone(), vec![]))
                .1
                .push(r);
        }
    }
    let rows = by_cite
        .into_values()
        .map(|(cite, rules)| {
            let mut names = Vec::new();
            for (i, r) in rules.iter().enumerate() {
                if i > 0 {
                    names.push(Inline::Text(t!(lang, "list-comma")));
                }
                names.push(Inline::Code(r.name.clone()));
                names.push(Inline::Text(t!(
                    lang,
                    "audit-paren",
                    text = rule_result(lang, r)
                )));
            }
            // The citation is met only when every rule citing it is; one
            // rule not checked leaves it not checked, never passed.
            let results: Vec<Option<RuleStatus>> = rules.iter().map(|r| result_kind(r)).collect();
            let overall = if results
                .iter()
                .all(|r| *r == Some(RuleStatus::NotApplicable))
            {
                RuleStatus::NotApplicable.words(lang)
            } else if results.contains(&Some(RuleStatus::Violated)) {
                RuleStatus::Violated.words(lang)
            } else if let Some(r) = not_checked_first(&rules) {
                r.status_words(lang)
            } else if let Some(parts) = unchecked_parts(lang, &cite, &rules) {
                // Passed, with or without waivers: but a part of the
                // provision no rule checks (h24b F05: 第五十七条第一款 read
                // 通过 though its 立即 is not checked).
                t!(lang, "audit-partly-checked", parts = parts)
            } else if results.contains(&None) {
                t!(lang, "status-passed-with-waivers")
            } else {
                RuleStatus::Passed.words(lang)
            };
            vec![text(cite), names, vec![Inline::Strong(overall)]]
        })
        .collect();
    Block::Table {
        head: vec![
            t!(lang, "audit-col-citation"),
            t!(lang, "audit-col-rule-list"),
            t!(lang, "label-result"),
        ],
        rows,
    }
}

/// The parts of provision `cite` that the rules citing it declare they do
/// not check ([`crate::report::model::UncheckedPart`]), joined; `None`
/// when none does.
fn unchecked_parts(lang: Lang, cite: &str, rules: &[&RuleSummary]) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for p in rules.iter().flat_map(|r| &r.unchecked_parts) {
        if p.cite == cite && !parts.contains(&p.text(lang)) {
            parts.push(p.text(lang));
        }
    }
    (!parts.is_empty()).then(|| parts.join(&t!(lang, "list-comma")))
}

/// Of the rules citing an article, the one not checked whose reason the
/// article's result gives: for want of data first, else a value a typo away.
fn not_checked_first<'r>(rules: &[&'r RuleSummary]) -> Option<&'r RuleSummary> {
    use crate::report::model::RuleStatus;
    let not_checked = || (rules.iter().copied()).filter(|r| r.status == RuleStatus::NotChecked);
    not_checked()
        .find(|r| r.lacks_data())
        .or_else(|| not_checked().next())
}

#[cfg(test)]
mod tests {
    use super::{citation_key, marked, Inline};

    /// Hostile review h23b #10: a note's `period_end` came out in the
    /// Markdown as `\`period_end\``, its backticks shown.
    #[test]
    fn code_in_custodias_sentences_is_code() {
        assert_eq!(
            marked("该文件没有 `period_end` 列"),
            vec![
                Inline::Text("该文件没有 ".into()),
                Inline::Code("period_end".into()),
                Inline::Text(" 列".into()),
            ]
        );
        let md = super::super::markdown::render_doc(&super::AuditDoc {
            title: "t".into(),
            verdict: crate::report::model::Verdict::Compliant,
            blocks: vec![super::Block::Items(vec![marked("no `a` and `b_c`")])],
        });
        assert!(md.contains("- no `a` and `b_c`"), "{md}");
        // An odd backtick (a value of the data) stays text, escaped.
        assert_eq!(marked("a ` b"), vec![Inline::Text("a ` b".into())]);
    }

    #[test]
    fn citations_sort_by_article_number() {
        let mut cites = vec![
            "会计档案管理办法 第十六条",
            "会计档案管理办法 第一百条",
            "会计档案管理办法 第十四条",
            "会计档案管理办法 第二条",
            "会计档案管理办法 第十三条第一款",
        ];
        cites.sort_by_key(|c| citation_key(c));
        assert_eq!(
            cites,
            [
                "会计档案管理办法 第二条",
                "会计档案管理办法 第十三条第一款",
                "会计档案管理办法 第十四条",
                "会计档案管理办法 第十六条",
                "会计档案管理办法 第一百条",
            ]
        );
    }

    /// Hostile review h23b #10: the statutes came in code-point order and
    /// the guide's sections as 七.3, 三.1, 二.1, 五.1, 八.5, 十三.3, 四.3.
    #[test]
    fn statutes_in_a_fixed_order_and_guide_sections_by_number() {
        let mut cites = vec![
            "客户资料指引 七.3 数据备份",
            "民法典 第二百零三条第一款",
            "客户资料指引 三.1 销毁资料",
            "个人信息保护法 第五十七条",
            "客户资料指引 十三.3 某节",
            "公司法 第二百三十五条第一款",
            "客户资料指引 二.5 备份资料",
            "会计档案管理办法 附表1",
            "会计档案管理办法 第十四条",
            "公司客户资料管理制度",
            "GB 32100-2015 法人和其他组织统一社会信用代码编码规则",
            "客户资料指引 四.3 某节",
            "劳动合同法 第五十条第三款",
            "公司法 第二百二十九条第二款",
        ];
        cites.sort_by_key(|c| citation_key(c));
        assert_eq!(
            cites,
            [
                "公司法 第二百二十九条第二款",
                "公司法 第二百三十五条第一款",
                "个人信息保护法 第五十七条",
                "劳动合同法 第五十条第三款",
                "民法典 第二百零三条第一款",
                "会计档案管理办法 第十四条",
                "会计档案管理办法 附表1",
                "GB 32100-2015 法人和其他组织统一社会信用代码编码规则",
                "客户资料指引 二.5 备份资料",
                "客户资料指引 三.1 销毁资料",
                "客户资料指引 四.3 某节",
                "客户资料指引 七.3 数据备份",
                "客户资料指引 十三.3 某节",
                "公司客户资料管理制度",
            ]
        );
    }
}
