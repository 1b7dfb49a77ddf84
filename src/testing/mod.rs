//! `custodia test [PATHS]`: runs the `test` blocks of a policy set
//! (language.md section 7). Each test's `given` objects are the only data;
//! every rule is evaluated on them as `custodia check` would; each `expect`
//! is compared with the violations. Then clause coverage ([`coverage`]).
//!
//! Waivers do not apply in tests: a test states what the rule itself does.

pub mod coverage;
pub mod given;

use std::fmt::Write;
use std::path::PathBuf;

use jiff::civil::Date;
use jiff::tz::TimeZone;

use crate::check::Checked;
use crate::cli::app::{self, Outcome};
use crate::cli::explain::{one_line, render_trace, value_text};
use crate::data::case;
use crate::eval::expr::Ctx;
use crate::eval::trace;
use crate::i18n::Lang;
use crate::report::model::Outcome as FindingOutcome;
use crate::report::model::Violation;
use crate::syntax::ast::{Expect, ExpectOutcome, TestBlock};
use crate::syntax::span::Span;
use crate::t;

use coverage::Coverage;

/// Most subjects whose trace is shown when a test expected a failure.
const MAX_TRACES: usize = 5;

#[derive(Clone, Debug)]
pub struct TestOptions {
    pub paths: Vec<PathBuf>,
    pub as_of: Option<String>,
    pub tz: Option<String>,
    /// Fail when fewer than this percentage of clauses are covered.
    pub coverage_threshold: Option<f64>,
    pub color: bool,
    /// The policy files have no manifest: `--lang`, else the locale.
    pub lang: Lang,
}

pub fn run_test(opts: &TestOptions) -> Outcome {
    let lang = opts.lang;
    let inputs = case::CaseInputs {
        root: PathBuf::from("."),
        policies: opts.paths.clone(),
        ..Default::default()
    };
    let sources = match app::load_policies(&inputs) {
        Ok((s, _)) => s,
        Err(m) => return app::stop(m),
    };
    let mut checked = match crate::check::check_sources(sources) {
        Ok(c) => c,
        Err((sources, errors)) => {
            return app::stop(app::policy_error_text_in(
                &sources, &errors, opts.color, lang,
            ))
        }
    };
    if checked.tests.is_empty() {
        // Nothing tested is not a pass: a CI job pointed at the rules but
        // not at their tests would otherwise go green.
        let paths: Vec<String> = opts.paths.iter().map(|p| p.display().to_string()).collect();
        return app::stop(t!(lang, "test-no-tests", paths = paths.join(", ")) + "\n");
    }
    // Rule texts and enum labels in the run's language, as `check` shows them.
    checked.localize(lang);
    let tz_name = opts.tz.clone().unwrap_or_else(|| "UTC".into());
    let (tz, as_of) = match app::resolve_time(&tz_name, opts.as_of.as_deref()) {
        Ok(x) => x,
        Err(m) => return app::stop(m),
    };
    let mut coverage = Coverage::new(&checked);
    let mut out = String::new();
    let mut failed = 0;
    for test in &checked.tests {
        let problems = run_one(&checked, test, &tz, as_of, &mut coverage, lang);
        let loc = place(&checked, test.span);
        if problems.is_empty() {
            let name = &test.name.node;
            let _ = writeln!(
                out,
                "{}",
                t!(lang, "test-line-ok", name = name, place = &loc)
            );
        } else {
            failed += 1;
            let name = &test.name.node;
            let _ = writeln!(
                out,
                "{}",
                t!(lang, "test-line-fail", name = name, place = &loc)
            );
            out.push_str(&problems);
        }
    }
    let n = checked.tests.len();
    let summary = t!(
        lang,
        "test-summary",
        count = n,
        passed = n - failed,
        failed = failed
    );
    let _ = writeln!(out, "\n{summary}\n");
    out.push_str(&coverage.render(&checked, lang));
    let mut exit = u8::from(failed > 0);
    if let Some(min) = opts.coverage_threshold {
        let pct = coverage.percent(&checked);
        if pct < min {
            let pct = format!("{pct:.1}");
            let below = t!(
                lang,
                "test-coverage-below",
                percent = pct,
                min = min.to_string()
            );
            let _ = writeln!(out, "\n{below}");
            exit = 1;
        }
    }
    Outcome {
        output: out,
        errors: String::new(),
        exit,
        files: Vec::new(),
    }
}

/// `file:line:column` of a policy span.
fn place(checked: &Checked, span: Span) -> String {
    let loc = crate::eval::explain::policy_loc(checked, span);
    format!("{}:{}:{}", loc.file, loc.line, loc.column)
}

/// Runs one test; returns the text of its failed expectations (empty: passed).
fn run_one(
    checked: &Checked,
    test: &TestBlock,
    tz: &TimeZone,
    as_of: Date,
    coverage: &mut Coverage,
    lang: Lang,
) -> String {
    let ds = match given::dataset(checked, test, tz) {
        Ok(ds) => ds,
        Err(errors) => {
            return errors
                .iter()
                .map(|e| {
                    let at = place(checked, e.span);
                    let problem = e.message.as_str();
                    format!(
                        "  {}\n",
                        t!(lang, "test-given-at", place = at, problem = problem)
                    )
                })
                .collect();
        }
    };
    let evaluation = crate::eval::evaluate(checked, &ds, tz, as_of);
    let violations = match evaluation.violations.read_back(checked, &ds.files) {
        Ok(v) => v,
        Err(e) => {
            return format!("  {}\n", t!(lang, "stop-spill-unread", error = &e));
        }
    };
    let indexes = crate::eval::index::build_for(checked, &ds);
    let ctx = Ctx {
        schema: &checked.schema,
        ds: &ds,
        indexes: &indexes,
        tz,
        as_of,
    };
    let mut out = String::new();
    if test.expects.is_empty() {
        // A test that expects nothing passes whatever the rules do.
        out.push_str(&format!("  {}\n", t!(lang, "test-expects-nothing")));
    }
    for expect in &test.expects {
        out.push_str(&check_expect(&ctx, checked, expect, &violations, lang));
    }
    for (index, rule) in checked.rules.iter().enumerate() {
        if test.expects.iter().any(|e| e.rule.node == rule.name) {
            coverage.add(index, rule, &trace::trace_rule(&ctx, checked, rule, None));
        }
    }
    out
}

/// The text of a failed expectation, or nothing when it holds.
fn check_expect(
    ctx: &Ctx,
    checked: &Checked,
    expect: &Expect,
    violations: &[Violation],
    lang: Lang,
) -> String {
    let Some(rule) = checked.rule(&expect.rule.node) else {
        return String::new(); // the checker reports unknown rule names
    };
    let subject = expect.subject.as_ref().map(|s| s.node.as_str());
    let mut out = String::new();
    let header = |out: &mut String| {
        let _ = writeln!(
            out,
            "  {}",
            t!(
                lang,
                "test-expect-line",
                expect = one_line(checked.sources.snippet(expect.span)),
                place = place(checked, expect.span)
            )
        );
    };
    let rows: Vec<u32> = (0..ctx.ds.table(rule.subject).len())
        .filter(|r| subject.map_or(true, |id| ctx.object_id(rule.subject, *r) == id))
        .collect();
    if let (Some(id), true) = (subject, rows.is_empty()) {
        header(&mut out);
        let coll = &ctx.schema.collection(rule.subject).name;
        let _ = writeln!(
            out,
            "    {}",
            t!(lang, "test-no-such-subject", collection = coll, id = id)
        );
        return out;
    }
    let found: Vec<&Violation> = violations
        .iter()
        .filter(|v| *v.rule == *rule.name && subject.map_or(true, |id| v.subject_id() == id))
        .collect();
    // `fails` holds only for a violation: a rule that could not tell
    // (insufficient evidence: a value missing, a ref naming nothing) did
    // not show what the test says (hostile review, 2026-12-07).
    let violated: Vec<&Violation> = found
        .iter()
        .copied()
        .filter(|v| v.finding().outcome == FindingOutcome::Violated)
        .collect();
    let expected = |outcome: ExpectOutcome| {
        let rule = rule.name.as_str();
        match (outcome, subject) {
            (ExpectOutcome::Fails, Some(s)) => {
                t!(lang, "test-expected-fails-for", rule = rule, subject = s)
            }
            (ExpectOutcome::Fails, None) => t!(lang, "test-expected-fails", rule = rule),
            (ExpectOutcome::Passes, Some(s)) => {
                t!(lang, "test-expected-passes-for", rule = rule, subject = s)
            }
            (ExpectOutcome::Passes, None) => t!(lang, "test-expected-passes", rule = rule),
            (ExpectOutcome::LacksEvidence, Some(s)) => {
                t!(lang, "test-expected-lacks-for", rule = rule, subject = s)
            }
            (ExpectOutcome::LacksEvidence, None) => t!(lang, "test-expected-lacks", rule = rule),
        }
    };
    // Subjects a `where` or `when` left out because it could not be decided.
    let unknown_traces = || -> Vec<trace::SubjectTrace> {
        trace::trace_rule(ctx, checked, rule, Some(&rows))
            .into_iter()
            .filter(|t| left_out_unknown(rule, t))
            .collect()
    };
    let no_subject = subject.is_none() && ctx.ds.table(rule.subject).is_empty();
    match expect.outcome {
        ExpectOutcome::Fails if !violated.is_empty() => {}
        ExpectOutcome::Fails if !found.is_empty() => {
            header(&mut out);
            let _ = writeln!(out, "    {}", expected(ExpectOutcome::Fails));
            let _ = writeln!(
                out,
                "    {}",
                t!(lang, "test-happened-could-not-tell", count = found.len())
            );
            for v in &found {
                violation(ctx, v, lang, &mut out);
            }
            dangling(ctx, rule, &rows, violations, lang, &mut out);
            let for_ = expect
                .subject
                .as_ref()
                .map(|s| format!(" for {}", one_line(checked.sources.snippet(s.span))))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "    {}",
                t!(
                    lang,
                    "test-could-not-tell-fix",
                    rule = rule.name.as_str(),
                    subject = for_
                )
            );
        }
        ExpectOutcome::Fails => {
            header(&mut out);
            let _ = writeln!(out, "    {}", expected(ExpectOutcome::Fails));
            let _ = writeln!(out, "    {}", t!(lang, "test-happened-passes"));
            for t in trace::trace_rule(ctx, checked, rule, Some(&rows))
                .iter()
                .take(MAX_TRACES)
            {
                for line in render_trace(ctx, checked, rule, t, lang).lines() {
                    let _ = writeln!(out, "      {line}");
                }
            }
        }
        ExpectOutcome::Passes if found.is_empty() => {
            // A pass over a subject left out because its `where` or `when`
            // could not be decided is no pass: the rule said nothing about
            // it (second hostile review, 2026-12-05).
            // `passes` without `for`, and no object of the rule's
            // collection given: it had nothing to check, as `check` says
            // not applicable (hostile review, 2026-12-05). Objects its
            // `where` keeps out test that `where`.
            if no_subject {
                header(&mut out);
                let _ = writeln!(out, "    {}", expected(ExpectOutcome::Passes));
                let coll = &ctx.schema.collection(rule.subject).name;
                let _ = writeln!(
                    out,
                    "    {}",
                    t!(lang, "test-happened-no-subject", collection = coll)
                );
                return out;
            }
            let unknown = unknown_traces();
            if unknown.is_empty() {
                return out;
            }
            header(&mut out);
            let _ = writeln!(out, "    {}", expected(ExpectOutcome::Passes));
            let ids: Vec<String> = unknown
                .iter()
                .map(|t| format!("`{}`", ctx.object_id(rule.subject, t.row)))
                .collect();
            let ids = ids.join(&t!(lang, "list-comma"));
            let _ = writeln!(
                out,
                "    {}",
                t!(lang, "test-happened-not-checked", ids = ids)
            );
            for t in unknown.iter().take(MAX_TRACES) {
                for line in render_trace(ctx, checked, rule, t, lang).lines() {
                    let _ = writeln!(out, "      {line}");
                }
            }
            dangling(ctx, rule, &rows, violations, lang, &mut out);
        }
        ExpectOutcome::Passes => {
            header(&mut out);
            let _ = writeln!(out, "    {}", expected(ExpectOutcome::Passes));
            happened_violations(ctx, &found, lang, &mut out);
            if violated.is_empty() {
                dangling(ctx, rule, &rows, violations, lang, &mut out);
            }
        }
        // `lacks evidence`: an insufficient-evidence finding, or a subject
        // left out by a `where` or `when` that could not be decided; and
        // no violation, which would show the rule could tell.
        ExpectOutcome::LacksEvidence if !violated.is_empty() => {
            header(&mut out);
            let _ = writeln!(out, "    {}", expected(ExpectOutcome::LacksEvidence));
            happened_violations(ctx, &violated, lang, &mut out);
        }
        ExpectOutcome::LacksEvidence if !found.is_empty() => {}
        ExpectOutcome::LacksEvidence => {
            if !no_subject && !unknown_traces().is_empty() {
                return out;
            }
            header(&mut out);
            let _ = writeln!(out, "    {}", expected(ExpectOutcome::LacksEvidence));
            if no_subject {
                let coll = &ctx.schema.collection(rule.subject).name;
                let _ = writeln!(
                    out,
                    "    {}",
                    t!(lang, "test-happened-no-subject", collection = coll)
                );
                return out;
            }
            let _ = writeln!(out, "    {}", t!(lang, "test-happened-passes"));
            for t in trace::trace_rule(ctx, checked, rule, Some(&rows))
                .iter()
                .take(MAX_TRACES)
            {
                for line in render_trace(ctx, checked, rule, t, lang).lines() {
                    let _ = writeln!(out, "      {line}");
                }
            }
        }
    }
    out
}

/// The refs of the rule's subjects (`rows`) that name no object given
/// (`integrity.dangling_ref`, as `custodia check` reports them): a rule
/// reading through one cannot tell.
fn dangling(
    ctx: &Ctx,
    rule: &crate::check::ir::CheckedRule,
    rows: &[u32],
    violations: &[Violation],
    lang: Lang,
    out: &mut String,
) {
    let coll = &ctx.schema.collection(rule.subject).name;
    let ids: Vec<String> = rows
        .iter()
        .map(|r| ctx.object_id(rule.subject, *r).to_string())
        .collect();
    let refs: Vec<_> = violations
        .iter()
        .filter(|v| *v.rule == *crate::eval::builtin::DANGLING_REF.id)
        .map(|v| v.finding())
        .filter(|f| {
            f.evidence.iter().any(|e| {
                *e.collection == **coll
                    && e.id.as_deref().is_some_and(|i| ids.iter().any(|x| x == i))
            })
        })
        .collect();
    if refs.is_empty() {
        return;
    }
    let _ = writeln!(out, "    {}", t!(lang, "test-dangling-refs"));
    for f in refs {
        let _ = writeln!(out, "      - {}", f.message);
    }
}

/// Whether the trace shows the subject left out by a `where` of `for` or a
/// `when` that could not be decided (a value it needs is missing), as
/// `custodia check` notes it (`eval-condition-unknown`).
fn left_out_unknown(rule: &crate::check::ir::CheckedRule, t: &trace::SubjectTrace) -> bool {
    t.steps.iter().any(|s| undecided_filter(rule, s))
}

/// Whether the step is a `where` of `for` or a `when` that could not be
/// decided: it neither held nor failed.
fn undecided_filter(rule: &crate::check::ir::CheckedRule, step: &trace::Step) -> bool {
    let filter = match step.clause {
        None => true,
        Some(i) => matches!(
            rule.clauses.get(i).map(|c| &c.kind),
            Some(crate::check::ir::CheckedClauseKind::When(_))
        ),
    };
    filter && step.result == trace::StepResult::NotHeld { unknown: true }
}

/// "it found N violations", then each of them.
fn happened_violations(ctx: &Ctx, found: &[&Violation], lang: Lang, out: &mut String) {
    let _ = writeln!(
        out,
        "    {}",
        t!(lang, "test-happened-violations", count = found.len())
    );
    for v in found {
        violation(ctx, v, lang, out);
    }
}

/// One violation as `custodia check` explains it: clause, message, values, evidence.
fn violation(ctx: &Ctx, v: &Violation, lang: Lang, out: &mut String) {
    let v = &v.finding();
    let at = v
        .policy
        .as_ref()
        .map(|p| {
            t!(
                lang,
                "test-at",
                place = format!("{}:{}:{}", p.file, p.line, p.column)
            )
        })
        .unwrap_or_default();
    let said = t!(
        lang,
        "human-input-error",
        at = &*v.subject_id,
        message = &*v.message
    );
    let _ = writeln!(out, "      - {said}{at}");
    if let Some(c) = &v.clause {
        let _ = writeln!(out, "        {}", t!(lang, "test-clause", clause = &**c));
    }
    if !v.values.is_empty() {
        let vals: Vec<String> = v
            .values
            .iter()
            .map(|(k, x)| format!("{k} = {}", value_text(x, lang)))
            .collect();
        let _ = writeln!(
            out,
            "        {}",
            t!(
                lang,
                "human-values",
                values = vals.join(&t!(lang, "list-comma"))
            )
        );
    }
    if v.outcome == FindingOutcome::InsufficientEvidence {
        let _ = writeln!(out, "        {}", t!(lang, "test-insufficient-evidence"));
    }
    for e in &v.evidence {
        let file = e
            .file
            .and_then(|f| ctx.ds.files.get(f as usize))
            .map_or("?", |f| f.path.as_str());
        let id = e.id.as_deref().map(|i| format!("{i} ")).unwrap_or_default();
        let line = e.line.unwrap_or(0);
        let place = format!("{id}({file}:{line})");
        let _ = writeln!(
            out,
            "        {}",
            t!(
                lang,
                "test-evidence",
                collection = &e.collection,
                place = place
            )
        );
    }
}
