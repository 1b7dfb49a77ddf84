//! `custodia explain RULE --subject ID [CASE]`: one rule, one subject, every
//! step in plain words — what the `where` read, what each `match` found
//! (file:line), each clause's outcome and the values it read. The trace
//! text is also what `custodia test` shows when a test expected a failure
//! that did not happen.

use std::fmt::Write;
use std::path::PathBuf;

use crate::check::ir::{CheckedClauseKind, CheckedRule};
use crate::check::Checked;
use crate::cli::app::{self, Outcome};
use crate::data::{self, case};
use crate::eval::expr::Ctx;
use crate::eval::trace::{self, Step, StepResult, SubjectTrace};
use crate::i18n::Lang;
use crate::report::model::{Originals, ValueOrigin, ValueSource};
use crate::t;
use crate::value::CollId;

/// Most objects listed for one `match`/`forbid`; the count is always shown.
const MAX_LISTED: usize = 10;

#[derive(Clone, Debug)]
pub struct ExplainOptions {
    pub rule: String,
    pub subject: Option<String>,
    pub case: PathBuf,
    pub overrides: case::Overrides,
    pub as_of: Option<String>,
    pub tz: Option<String>,
    /// `--lang`; `None`: `lang:` in custodia.yaml, else the locale.
    pub lang: Option<crate::i18n::Lang>,
}

/// Explains in a thread pool of its own whose threads carry this run's
/// language (`i18n::set_run_message_lang`), as `check` does: two explains
/// (or an explain and a check) in one process each write in their own,
/// and the process-wide fallback is left alone.
pub fn run_explain(opts: &ExplainOptions) -> Outcome {
    match rayon::ThreadPoolBuilder::new().build() {
        Ok(pool) => pool.install(|| explain_case(opts)),
        Err(e) => {
            let lang = Lang::choose(opts.lang.or(opts.overrides.lang), None);
            app::stop(format!(
                "{}\n",
                t!(lang, "app-no-threads", error = e.to_string())
            ))
        }
    }
}

fn explain_case(opts: &ExplainOptions) -> Outcome {
    // Until the manifest is read: the flag, else the manifest's `lang:`
    // line, else the locale (not the language another run in this process
    // may have set).
    let early = Lang::choose(
        opts.lang.or(opts.overrides.lang),
        case::manifest_lang_hint(&opts.case),
    );
    crate::i18n::set_run_message_lang(early);
    let inputs = match case::discover(&opts.case, &opts.overrides) {
        Ok(i) => i,
        Err(errors) => return app::stop(app::input_error_text_in(&errors, early)),
    };
    // `explain` speaks the language of the report it explains.
    let lang = match app::case_lang(opts.lang, &inputs) {
        Ok(lang) => {
            crate::i18n::set_run_message_lang(lang);
            lang
        }
        Err(message) => return app::stop(message),
    };
    let tz_name = opts
        .tz
        .clone()
        .or_else(|| inputs.time_zone.clone())
        .unwrap_or_else(|| "UTC".into());
    let (tz, as_of) =
        match app::resolve_time(&tz_name, opts.as_of.as_deref().or(inputs.as_of.as_deref())) {
            Ok(x) => x,
            Err(m) => return app::stop(m),
        };
    // The set `check` uses for this case, so a rule explained is a rule checked.
    let (sources, _, packs) = match app::load_case_policies(&inputs) {
        Ok(x) => x,
        Err(m) => return app::stop(m),
    };
    let mut checked = match crate::check::check_sources(sources) {
        Ok(c) => c,
        Err((sources, errors)) => {
            return app::stop(app::policy_error_text_in(&sources, &errors, false, lang));
        }
    };
    checked.localize(lang);
    let Some(rule) = checked.rule(&opts.rule) else {
        let hint = crate::check::suggest::did_you_mean(
            &opts.rule,
            checked.rules.iter().map(|r| r.name.as_str()),
        )
        .map(|s| t!(lang, "explain-did-you-mean", name = s))
        .unwrap_or_default();
        return app::stop(t!(lang, "explain-no-rule", rule = &opts.rule, hint = hint) + "\n");
    };
    let ds = data::load(
        &inputs,
        &checked.schema,
        &data::LoadOptions {
            tz: &tz,
            strict: false,
        },
    );
    let indexes = crate::eval::index::build_for(&checked, &ds);
    let ctx = Ctx {
        schema: &checked.schema,
        ds: &ds,
        indexes: &indexes,
        tz: &tz,
        as_of,
    };
    let rows = match subject_rows(&ctx, rule, opts.subject.as_deref(), lang) {
        Ok(r) => r,
        Err(m) => return app::stop(m + &left_out_by_skip(&ds, lang)),
    };
    let mut out = String::new();
    if !ds.errors.is_empty() {
        let _ = writeln!(
            out,
            "{}\n",
            t!(lang, "explain-input-errors", count = ds.errors.len())
        );
    }
    out.push_str(&rule_header(&checked, rule, lang));
    let _ = writeln!(
        out,
        "{}",
        t!(
            lang,
            "explain-as-of",
            as_of = as_of.to_string(),
            zone = &tz_name
        )
    );
    // What `check` would call not checked: a collection the rule reads
    // with no source, rows left out by input errors. Then no "passes" and
    // exit 2, as `check` (hostile review: explain said "passes", exit 0,
    // about a destruction log it never had).
    let coverage = crate::report::coverage::coverage(&checked, &ds, &inputs);
    let lacking: Vec<String> = crate::report::coverage::rule_uses(rule)
        .into_iter()
        .filter_map(|c| {
            let name = &checked.schema.collection(c).name;
            coverage
                .iter()
                .find(|cv| &cv.collection == name && !cv.supplied())
        })
        .map(|cv| match cv.all_refused() {
            false if cv.mapping_failed() => cv.describe_unmapped(lang),
            false => cv.describe(lang),
            true => cv.describe_refused(lang),
        })
        .collect();
    // Every collection lacking was given and not read for an error in its
    // mapping (custodia.yaml's, not the file's).
    let all_unmapped = crate::report::coverage::rule_uses(rule)
        .into_iter()
        .all(|c| {
            let name = &checked.schema.collection(c).name;
            !(coverage.iter())
                .any(|cv| &cv.collection == name && !cv.supplied() && !cv.mapping_failed())
        });
    let all_refused = crate::report::coverage::rule_uses(rule)
        .into_iter()
        .all(|c| {
            let name = &checked.schema.collection(c).name;
            !(coverage.iter())
                .any(|cv| &cv.collection == name && !cv.supplied() && !cv.all_refused())
        });
    let gap = match (lacking.is_empty(), ds.errors.is_empty()) {
        (false, _) if all_unmapped => Some(t!(
            lang,
            "explain-not-checked-unmapped",
            data = lacking.join(&t!(lang, "list-comma"))
        )),
        (false, _) if all_refused => Some(t!(
            lang,
            "explain-not-checked-rows-refused",
            data = lacking.join(&t!(lang, "list-comma"))
        )),
        (false, _) => Some(t!(
            lang,
            "explain-not-checked-no-data",
            data = lacking.join(&t!(lang, "list-comma"))
        )),
        (true, false) => Some(t!(
            lang,
            "explain-not-checked-input-errors",
            count = ds.errors.len()
        )),
        (true, true) => None,
    };
    let gap = gap
        .or_else(|| check_said_not_checked(&ctx, (&checked, rule), (&inputs, opts, &packs), lang));
    let traces = trace::trace_rule(&ctx, &checked, rule, Some(&rows));
    let waivers = Waived::as_check_applies(&ctx, &checked, rule, as_of);
    let mut failed = false;
    let mut undecided = false;
    for t in &traces {
        out.push('\n');
        let waiver = match fails(rule, t) {
            true => waivers.of(&ctx, rule, t),
            false => WaiverSaid::None,
        };
        let said = Said {
            gap: gap.as_deref(),
            waiver: &waiver,
        };
        out.push_str(&render_trace_said(&ctx, &checked, rule, t, lang, &said));
        // A waived violation does not fail the run, as in `check`.
        failed |= fails(rule, t) && !matches!(waiver, WaiverSaid::Waived(_));
        undecided |= undecided_step(rule, t).is_some();
    }
    // A subject whose `where` or `when` could not be decided leaves the
    // check NOT FULLY CHECKED: exit 2, as `check` (hostile review,
    // 2026-12-08: explain said "does not apply", exit 0).
    Outcome {
        output: out,
        errors: String::new(),
        exit: if gap.is_some() || undecided {
            2
        } else {
            u8::from(failed)
        },
        files: Vec::new(),
    }
}

/// What else `check` says leaves this rule, or the run, not fully checked,
/// in `check`'s own words: the rule compares a field with text no row holds
/// beside a value a typo away (`eval::literals`), rows a `skip:` left out,
/// data an `ignore:` left out, default packs `packs:` left out, events
/// dated after `as_of` (`report::model::Skipped`). explain said "passes",
/// exit 0, where `check` said NOT FULLY CHECKED, exit 2 (hostile review
/// h23c, 2026-12-07: a rule "not checked (likely a typo)", and a pass
/// resting on an event dated after `as_of`).
fn check_said_not_checked(
    ctx: &Ctx,
    (checked, rule): (&Checked, &CheckedRule),
    (inputs, opts, packs): (
        &case::CaseInputs,
        &ExplainOptions,
        &crate::packs::PackChoice,
    ),
    lang: Lang,
) -> Option<String> {
    use crate::report::model::{LeftOut, Skipped};
    let mut said = Vec::new();
    let index = checked.rules.iter().position(|r| r.name == rule.name);
    let unmatched = crate::eval::literals::unmatched(checked, ctx.ds, &|_| false);
    if let Some(values) = index
        .and_then(|i| unmatched.get(i))
        .filter(|u| !u.is_empty())
    {
        said.push(t!(
            lang,
            "explain-not-checked-unmatched",
            values = crate::report::model::unmatched_values_text(values, lang)
        ));
    }
    let future = crate::eval::builtin::future_events(ctx);
    let mut skipped = Skipped::from_notes(&ctx.ds.notes);
    skipped.extend(Skipped::from_not_read(&ctx.ds.not_read));
    skipped.extend(Skipped::future_events(&future, &ctx.ds.files));
    // As `check` counts them: the manifest's `packs:`, not `--pack`.
    if inputs.packs_chosen && opts.overrides.packs.is_empty() && !packs.left_out.is_empty() {
        skipped.push(Skipped {
            file: "custodia.yaml".to_string(),
            what: LeftOut::Packs(packs.left_out.clone()),
            line: case::manifest_key_line(&inputs.root, "packs"),
        });
    }
    if !skipped.is_empty() {
        let what: Vec<String> = skipped.iter().map(|s| s.describe(lang)).collect();
        said.push(t!(
            lang,
            "explain-not-checked-left-out",
            what = what.join(&t!(lang, "list-separator"))
        ));
    }
    (!said.is_empty()).then(|| said.join(&t!(lang, "list-separator")))
}

/// What the result line says beside the trace: why the run could not
/// check completely, and what `check` does with a waiver of the failure.
struct Said<'a> {
    gap: Option<&'a str>,
    waiver: &'a WaiverSaid,
}

impl Default for Said<'_> {
    fn default() -> Self {
        Said {
            gap: None,
            waiver: &WaiverSaid::None,
        }
    }
}

/// What `check` did with the waivers of a failing subject.
#[derive(Default)]
enum WaiverSaid {
    /// No waiver names it.
    #[default]
    None,
    /// Every violation of the subject is waived; the first waiver's place.
    Waived(String),
    /// A waiver naming the subject (or one of its violations' fingerprints)
    /// is not applied: its place and `check`'s finding about it.
    Refused(String, String),
}

/// The rule's violations as `check` finds them (`rules::run_rule`), with
/// the rule's waivers applied as `check` applies them
/// (`waivers::apply_these`), and `check`'s findings on those waivers. One
/// decision for both commands: explain had its own (the rule and the id),
/// and called waived what `check` refused, a waiver over two destructions
/// of a held record (hostile review, 2026-12-08).
struct Waived {
    violations: Vec<crate::report::model::Violation>,
    /// The rule's waivers, each with `check`'s finding about it, if any.
    refusals: Vec<(crate::syntax::ast::Waiver, String, Option<String>)>,
}

impl Waived {
    fn as_check_applies(
        ctx: &Ctx,
        checked: &Checked,
        rule: &CheckedRule,
        as_of: jiff::civil::Date,
    ) -> Waived {
        let own: Vec<crate::syntax::ast::Waiver> = checked
            .waivers
            .iter()
            .filter(|w| w.rule.node == rule.name)
            .cloned()
            .collect();
        if own.is_empty() {
            return Waived {
                violations: Vec::new(),
                refusals: Vec::new(),
            };
        }
        let mut violations = crate::eval::rules::run_rule(ctx, checked, rule, false).violations;
        let findings =
            crate::eval::waivers::apply_these(as_of, checked, &own, &ctx.ds.files, &mut violations);
        let refusals = own
            .into_iter()
            .map(|w| {
                let at = crate::eval::explain::policy_loc(checked, w.span);
                let finding = findings
                    .iter()
                    .find(|f| f.policy.as_ref().is_some_and(|p| p.span == at.span))
                    .map(|f| f.message().to_string());
                (w, format!("{}:{}", at.file, at.line), finding)
            })
            .collect();
        Waived {
            violations,
            refusals,
        }
    }

    /// What `check` does with the waivers of the subject `t`.
    fn of(&self, ctx: &Ctx, rule: &CheckedRule, t: &SubjectTrace) -> WaiverSaid {
        let at = ctx.data_loc(rule.subject, t.row);
        let mine: Vec<&crate::report::model::Violation> = self
            .violations
            .iter()
            .filter(|v| {
                let s = v.subject();
                (s.file, s.line, s.offset) == (at.file, at.line, at.offset)
            })
            .collect();
        // Waived when every violation is, as `check` counts a subject.
        if mine.iter().all(|v| v.waiver.is_some()) {
            if let Some(w) = mine.first().and_then(|v| v.waiver.as_ref()) {
                return WaiverSaid::Waived(format!("{}:{}", w.policy.file, w.policy.line));
            }
        }
        let path = at.file.and_then(|f| ctx.ds.files.get(f as usize));
        let names = |w: &crate::syntax::ast::Waiver| {
            let subject = w.subject.node.as_str();
            match subject.strip_prefix(crate::eval::waivers::FINGERPRINT_PREFIX) {
                Some(fp) => mine.iter().any(|v| {
                    crate::report::model::fingerprint(v, path.map(|f| f.path.as_str())).to_hex()
                        == fp
                }),
                None => mine.iter().any(|v| v.subject_id() == subject),
            }
        };
        self.refusals
            .iter()
            .find_map(|(w, place, finding)| {
                let finding = finding.as_ref().filter(|_| names(w))?;
                Some(WaiverSaid::Refused(place.clone(), finding.clone()))
            })
            .unwrap_or_default()
    }
}

/// Beside "no object has the id": the rows a `skip:` left out, which the
/// subject may be among (explain called a row `skip:` left out one that
/// does not exist; hostile review h23c, 2026-12-07).
fn left_out_by_skip(ds: &data::Dataset, lang: Lang) -> String {
    let skipped = crate::report::model::Skipped::from_notes(&ds.notes);
    if skipped.is_empty() {
        return String::new();
    }
    let what: Vec<String> = skipped.iter().map(|s| s.describe(lang)).collect();
    t!(
        lang,
        "explain-no-subject-skipped",
        what = what.join(&t!(lang, "list-separator"))
    ) + "\n"
}

/// The rows of the rule's collection named `id` (several when ids repeat).
fn subject_rows(
    ctx: &Ctx,
    rule: &CheckedRule,
    id: Option<&str>,
    lang: Lang,
) -> Result<Vec<u32>, String> {
    let coll = ctx.schema.collection(rule.subject);
    let n = ctx.ds.table(rule.subject).len();
    let Some(id) = id else {
        return if coll.name == "company" && n == 1 {
            Ok(vec![0])
        } else {
            Err(t!(lang, "explain-give-subject", collection = &coll.name) + "\n")
        };
    };
    let rows: Vec<u32> = (0..n)
        .filter(|r| ctx.object_id(rule.subject, *r) == id)
        .collect();
    if rows.is_empty() {
        let ids: Vec<String> = (0..n).map(|r| ctx.object_id(rule.subject, r)).collect();
        let hint = crate::check::suggest::did_you_mean(id, ids.iter().map(String::as_str))
            .map(|s| t!(lang, "explain-did-you-mean", name = s))
            .unwrap_or_default();
        return Err(t!(
            lang,
            "explain-no-subject",
            collection = &coll.name,
            id = id,
            hint = hint
        ) + "\n");
    }
    Ok(rows)
}

/// Whether any step of the trace failed (the subject violates the rule).
pub fn fails(rule: &CheckedRule, t: &SubjectTrace) -> bool {
    t.is_subject()
        && t.steps
            .iter()
            .any(|s| s.clause.is_some() && fails_step(rule, s))
}

/// A failed `when` filters, it does not violate.
fn fails_step(rule: &CheckedRule, s: &Step) -> bool {
    let is_when = s
        .clause
        .and_then(|i| rule.clauses.get(i))
        .is_some_and(|c| matches!(c.kind, CheckedClauseKind::When(_)));
    !is_when && s.passed(rule) == Some(false)
}

pub fn rule_header(checked: &Checked, rule: &CheckedRule, lang: Lang) -> String {
    let loc = crate::eval::explain::policy_loc(checked, rule.name_span);
    let title = rule
        .title
        .as_deref()
        .map(|t| t!(lang, "explain-title", title = t))
        .unwrap_or_default();
    t!(
        lang,
        "explain-rule-header",
        rule = &rule.name,
        kind = crate::i18n::catalogue::text(lang, &format!("kind-{}", rule.kind.as_str()), &[]),
        title = title,
        place = format!("{}:{}", loc.file, loc.line)
    ) + "\n"
}

/// The whole trace of one subject, indented by the `match`es in scope.
pub fn render_trace(
    ctx: &Ctx,
    checked: &Checked,
    rule: &CheckedRule,
    t: &SubjectTrace,
    lang: Lang,
) -> String {
    render_trace_said(ctx, checked, rule, t, lang, &Said::default())
}

fn render_trace_said(
    ctx: &Ctx,
    checked: &Checked,
    rule: &CheckedRule,
    t: &SubjectTrace,
    lang: Lang,
    said: &Said,
) -> String {
    let mut out = String::new();
    let coll = &ctx.schema.collection(rule.subject).name;
    let subject = object(ctx, rule.subject, t.row, lang);
    let _ = writeln!(
        out,
        "{}",
        t!(lang, "explain-subject", collection = coll, object = subject)
    );
    // The cells the trace's mapped values came from, as written.
    let originals = crate::report::origins::read_back_cells(
        &ctx.ds.files,
        t.steps.iter().flat_map(|s| s.sources.iter()),
    );
    let mut scope: Vec<(CollId, u32)> = Vec::new();
    for step in &t.steps {
        if step.bound != scope {
            if let Some(&(c, r)) = step.bound.last() {
                let var = bound_var(checked, rule, step);
                let pad = "  ".repeat(2 * step.bound.len());
                let with = t!(
                    lang,
                    "explain-with",
                    var = var,
                    object = object(ctx, c, r, lang)
                );
                let _ = writeln!(out, "{pad}{with}");
            }
            scope = step.bound.clone();
        }
        render_step(ctx, (checked, rule), step, &originals, lang, &mut out);
    }
    let verdict = if let Some(step) = undecided_step(rule, t) {
        undecided(checked, rule, step, lang)
    } else if !t.is_subject() {
        not_a_subject(checked, rule, t, lang)
    } else if fails(rule, t) {
        let n = t
            .steps
            .iter()
            .filter(|s| s.clause.is_some() && fails_step(rule, s))
            .count();
        match said.waiver {
            WaiverSaid::Waived(place) => {
                t!(lang, "explain-fails-waived", count = n, place = place)
            }
            WaiverSaid::Refused(place, why) => t!(
                lang,
                "explain-fails-waiver-refused",
                count = n,
                place = place,
                why = why
            ),
            WaiverSaid::None => t!(lang, "explain-fails", count = n),
        }
    } else {
        t!(lang, "explain-passes")
    };
    // Without the data the rule reads, a pass or "not a subject" rests on
    // nothing: said instead (a failure found still stands, as in `check`).
    let verdict = match said.gap {
        Some(gap) if !fails(rule, t) => gap.to_string(),
        Some(gap) => format!("{verdict}{}{gap}", t!(lang, "list-separator")),
        None => verdict,
    };
    let _ = writeln!(out, "{}", t!(lang, "explain-result", verdict = verdict));
    out
}

/// The `where` or `when` whose unknown left the subject unchecked, as
/// `check` counts it (`eval::rules`, `left_out_unknown`): an unknown
/// `where`, or an unknown `when` of a subject no clause failed. `check`
/// names such a subject and says NOT FULLY CHECKED; explain said "not a
/// subject … does not apply", or "passes" when the `when` followed a check
/// (hostile review, 2026-12-08).
fn undecided_step<'t>(rule: &CheckedRule, t: &'t SubjectTrace) -> Option<&'t Step> {
    let unknown = |s: &&Step| s.result == StepResult::NotHeld { unknown: true };
    let is_when = |s: &&Step| {
        s.clause
            .and_then(|i| rule.clauses.get(i))
            .is_some_and(|c| matches!(c.kind, CheckedClauseKind::When(_)))
    };
    if let Some(w) = t.steps.iter().find(|s| s.clause.is_none() && unknown(s)) {
        return Some(w);
    }
    match fails(rule, t) {
        true => None,
        false => t.steps.iter().find(|s| is_when(s) && unknown(s)),
    }
}

/// `not checked: whether `R` applies cannot be decided: the `where` at …
/// is unknown, as `d.record.class` is missing`.
fn undecided(checked: &Checked, rule: &CheckedRule, step: &Step, lang: Lang) -> String {
    let span = match step.clause.and_then(|i| rule.clauses.get(i)) {
        Some(c) => c.span,
        None => rule.filter.as_ref().map_or(rule.for_span, |f| f.span),
    };
    let loc = crate::eval::explain::policy_loc(checked, span);
    let missing: Vec<String> = step
        .values
        .iter()
        .filter(|(_, v)| v.is_null())
        .map(|(k, _)| format!("`{k}`"))
        .collect();
    let missing = match missing.is_empty() {
        true => t!(lang, "explain-undecided-some-value"),
        false => missing.join(&t!(lang, "list-comma")),
    };
    t!(
        lang,
        "explain-undecided",
        rule = &rule.name,
        condition = if step.clause.is_none() {
            "where"
        } else {
            "when"
        },
        place = format!("{}:{}", loc.file, loc.line),
        missing = missing
    )
}

/// Why the object is not a subject: the `where` of `for` left it out, or
/// a `when` before the first check did not hold (the message blamed the
/// `where` for both).
fn not_a_subject(checked: &Checked, rule: &CheckedRule, t: &SubjectTrace, lang: Lang) -> String {
    if t.steps
        .iter()
        .any(|s| s.clause.is_none() && s.result != StepResult::Held)
    {
        return t!(lang, "explain-not-a-subject", rule = &rule.name);
    }
    let when = t.steps.iter().find(|s| {
        s.result != StepResult::Held
            && s.clause
                .and_then(|i| rule.clauses.get(i))
                .is_some_and(|c| matches!(c.kind, CheckedClauseKind::When(_)))
    });
    match when
        .and_then(|s| s.clause)
        .and_then(|i| rule.clauses.get(i))
    {
        Some(c) => {
            let loc = crate::eval::explain::policy_loc(checked, c.span);
            t!(
                lang,
                "explain-not-a-subject-when",
                rule = &rule.name,
                place = format!("{}:{}", loc.file, loc.line)
            )
        }
        None => t!(lang, "explain-not-a-subject-untested", rule = &rule.name),
    }
}

/// Steps inside `depth` matches sit one level below their `with` line.
fn indent(depth: usize) -> String {
    "  ".repeat(2 * depth + 1)
}

/// The variable name of the innermost `match` in scope at `step`.
fn bound_var(checked: &Checked, rule: &CheckedRule, step: &Step) -> String {
    let depth = step.bound.len();
    rule.clauses
        .iter()
        .filter(|c| matches!(c.kind, CheckedClauseKind::Match { .. }))
        .nth(depth - 1)
        .map(|c| {
            let text = checked.sources.snippet(c.span);
            text.split_whitespace().nth(2).unwrap_or("it").to_string()
        })
        .unwrap_or_else(|| "it".into())
}

fn render_step(
    ctx: &Ctx,
    (checked, rule): (&Checked, &CheckedRule),
    step: &Step,
    originals: &Originals,
    lang: Lang,
    out: &mut String,
) {
    let pad = indent(step.bound.len());
    let (text, span) = match step.clause.and_then(|i| rule.clauses.get(i)) {
        Some(c) => (clause_text(checked.sources.snippet(c.span)), c.span),
        None => {
            let span = rule.filter.as_ref().map_or(rule.for_span, |f| f.span);
            (
                format!("where {}", clause_text(checked.sources.snippet(span))),
                span,
            )
        }
    };
    let loc = crate::eval::explain::policy_loc(checked, span);
    let _ = writeln!(out, "{pad}{text}    [{}:{}]", loc.file, loc.line);
    let forbid = step
        .clause
        .and_then(|i| rule.clauses.get(i))
        .is_some_and(|c| matches!(c.kind, CheckedClauseKind::Forbid { .. }));
    let coll = step
        .clause
        .and_then(|i| rule.clauses.get(i))
        .and_then(|c| match &c.kind {
            CheckedClauseKind::Match { join, .. } | CheckedClauseKind::Forbid { join, .. } => {
                Some(join.coll)
            }
            _ => None,
        });
    let verdict = match (&step.result, coll) {
        (StepResult::Held, _) => t!(lang, "explain-held"),
        (StepResult::NotHeld { unknown: true }, _) => t!(lang, "explain-unknown"),
        (StepResult::NotHeld { unknown: false }, _) => t!(lang, "explain-not-held"),
        (StepResult::Bound(v), _) => format!("= {v}"),
        (StepResult::Found { rows, unknown }, Some(c)) => {
            found(ctx, c, rows, *unknown, forbid, lang)
        }
        (StepResult::Found { .. }, None) => String::new(),
    };
    let _ = writeln!(out, "{pad}  -> {verdict}");
    for (i, (k, v)) in step.values.iter().enumerate() {
        let _ = writeln!(out, "{pad}     {k} = {}", value_text(v, lang));
        for s in step.sources.iter().filter(|s| s.value == i as u32) {
            if let Some(origin) = origin_text(ctx, k, s, originals, lang) {
                let _ = writeln!(out, "{pad}       {origin}");
            }
        }
    }
}

/// `as written: expires ← 形成日期 = 2024年3月1日 (案卷目录.xlsx!案卷目录:8)`:
/// where a value read through a mapping came from, as reports say it.
fn origin_text(
    ctx: &Ctx,
    value: &str,
    s: &ValueSource,
    originals: &Originals,
    lang: Lang,
) -> Option<String> {
    let input = ctx.ds.files.get(s.file as usize)?;
    let column = input.columns.as_ref()?.columns.get(s.column as usize)?;
    let origin = ValueOrigin {
        value,
        file: &input.path,
        line: s.line,
        column: &column.column,
        original: originals
            .get(&(s.file, s.line, s.column))
            .map(String::as_str),
    };
    let text = crate::report::render::common::origin_text(lang, &origin);
    Some(t!(lang, "human-origins", origins = text))
}

fn found(ctx: &Ctx, coll: CollId, rows: &[u32], unknown: bool, forbid: bool, lang: Lang) -> String {
    let name = &ctx.schema.collection(coll).name;
    if rows.is_empty() {
        let effect = match (forbid, unknown) {
            (true, true) => t!(lang, "explain-effect-cannot-tell"),
            (true, false) => t!(lang, "explain-effect-passes"),
            (false, _) => t!(lang, "explain-effect-fails"),
        };
        return match unknown {
            true => t!(
                lang,
                "explain-found-none-unknown",
                collection = name,
                effect = effect
            ),
            false => t!(
                lang,
                "explain-found-none",
                collection = name,
                effect = effect
            ),
        };
    }
    let mut listed: Vec<String> = rows
        .iter()
        .take(MAX_LISTED)
        .map(|r| object(ctx, coll, *r, lang))
        .collect();
    if rows.len() > MAX_LISTED {
        listed.push(t!(
            lang,
            "explain-and-more",
            count = rows.len() - MAX_LISTED
        ));
    }
    // A forbid that found some objects and could not tell for others:
    // check reports those too (insufficient evidence), so say so here.
    let effect = match (forbid, unknown) {
        (true, true) => t!(lang, "explain-effect-forbidden-and-cannot-tell"),
        (true, false) => t!(lang, "explain-effect-forbidden"),
        (false, _) => t!(lang, "explain-effect-holds"),
    };
    t!(
        lang,
        "explain-found",
        count = rows.len(),
        collection = name,
        objects = listed.join(&t!(lang, "list-comma")),
        effect = effect
    )
}

/// `R-1001 (data/inventory.csv:4)`: an object by id and the row it came from.
pub fn object(ctx: &Ctx, coll: CollId, row: u32, lang: Lang) -> String {
    let loc = ctx.data_loc(coll, row);
    let file = loc
        .file
        .and_then(|f| ctx.ds.files.get(f as usize))
        .map_or("?", |f| f.path.as_str());
    let id = ctx.object_id(coll, row);
    let place = format!("{file}:{}", loc.line.unwrap_or(0));
    if id == place {
        id
    } else {
        t!(lang, "explain-object", id = id, place = place)
    }
}

pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn value_text(v: &serde_json::Value, lang: Lang) -> String {
    match v {
        serde_json::Value::Null => t!(lang, "value-missing"),
        serde_json::Value::String(s) => crate::report::render::common::duration_words(lang, s)
            .unwrap_or_else(|| format!("\"{s}\"")),
        other => other.to_string(),
    }
}

/// A clause as one line of text: without comments (a clause's span can
/// take in a comment that ends its line) and without its `else` message.
pub fn clause_text(snippet: &str) -> String {
    let mut text = String::with_capacity(snippet.len());
    let mut at = 0;
    for c in crate::fmt::comments::scan(snippet) {
        text.push_str(&snippet[at..c.start]);
        at = c.end;
    }
    text.push_str(&snippet[at..]);
    without_message(&one_line(&text))
}

/// A clause's text without its `else "..."` message (or `else zh "..." en
/// "..."`), which says what a failure means rather than what was checked.
pub fn without_message(text: &str) -> String {
    let starts_message = |rest: &str| {
        let tagged = rest.len() > 3
            && rest.as_bytes()[..2].iter().all(u8::is_ascii_alphabetic)
            && rest[2..].starts_with(" \"");
        rest.starts_with('"') || tagged
    };
    let end = text
        .match_indices(" else ")
        .map(|(i, _)| i)
        .find(|&i| starts_message(&text[i + " else ".len()..]));
    match end {
        Some(i) => text[..i].to_string(),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::without_message;

    #[test]
    fn the_message_goes_in_one_language_or_two() {
        let plain = r#"require r.x is set else "{r.id} has no x""#;
        assert_eq!(without_message(plain), "require r.x is set");
        let both = r#"require r.x is set else zh "{r.id}没有x" en "{r.id} has no x""#;
        assert_eq!(without_message(both), "require r.x is set");
        let in_string = r#"require r.x == "a else b""#;
        assert_eq!(without_message(in_string), in_string);
    }
}
