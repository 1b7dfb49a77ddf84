//! Runs one rule over its subjects: `for`, then the clauses in order; a
//! `match` repeats the clauses after it once per matched object.

use crate::check::ir::{CheckedClause, CheckedClauseKind, CheckedMessage, CheckedRule, Ir};
use crate::check::Checked;
use std::sync::Arc;

use crate::report::model::{Broken, DataLoc, Finding, Outcome, ValueSource, Violation};
use crate::syntax::span::Span;
use crate::value::{CollId, Value};

use super::explain::policy_loc;
use super::expr::Ctx;

pub struct RuleRun<'a> {
    pub ctx: &'a Ctx<'a>,
    pub checked: &'a Checked,
    pub rule: &'a CheckedRule,
    pub violations: Vec<Violation>,
    /// Objects bound by `match`es in scope, in clause order (evidence).
    bound: Vec<(CollId, u32)>,
    /// Objects found by `match` and `forbid` (for `--profile`).
    matches: u64,
    /// The rows of the joins in scope, innermost last: one buffer reused
    /// for every subject, so a join allocates nothing once it has grown.
    found: Vec<u32>,
    /// The rows of a `forbid` whose condition was unknown (reused).
    unknown: Vec<u32>,
    /// The rule and clause of each clause's violations, made on its first
    /// (most runs have none) and shared by the others.
    broken: Vec<(Span, Arc<Broken>)>,
    /// The paths of the values shown, shared by the violations.
    paths: Vec<Arc<str>>,
    /// The names of the collections located so far, shared by the locations.
    names: Vec<(CollId, Arc<str>)>,
    /// Whether the current subject reached a clause that checks something
    /// (`require`, `match`, `forbid`): one stopped by a `when` before it was
    /// not tested, so it does not count as a subject that passed.
    reached_check: bool,
    /// Whether a `when` of the current subject was unknown (a value it needs
    /// missing), which left the clauses after it unchecked.
    when_unknown: bool,
}

/// Subjects checked and violations of one rule.
#[derive(Default)]
pub struct RuleResult {
    /// Objects found by `match` and `forbid` joins.
    pub matches: u64,
    /// Time spent, estimated from a sample of the subjects (`--profile`).
    pub time: std::time::Duration,
    pub subjects: u64,
    pub violated_subjects: u64,
    pub violations: Vec<Violation>,
    /// The row of every subject checked, when asked for (`list_subjects`),
    /// up to `MAX_LISTED_SUBJECTS`.
    pub subject_rows: Rows,
    /// Subjects a `where` or `when` left out because it was unknown, not
    /// false, and the first `MAX_UNKNOWN_ROWS` of their rows (the note of
    /// `eval::unknown_notes`).
    pub unknown: u64,
    pub unknown_rows: Vec<u32>,
}

/// Rows pushed in ascending order, kept as bits from the first one: each
/// task of a rule lists up to 10,000 of its 16,384 subjects, and every
/// task's list is held until the rules end. As 4-byte rows they took 12 MB
/// on a million records, which made JUnit (the format that lists passing
/// subjects) peak above the input where the other formats did not.
#[derive(Clone, Debug, Default)]
pub struct Rows {
    first: u32,
    bits: Vec<u64>,
    len: usize,
}

impl Rows {
    pub fn len(&self) -> usize {
        self.len
    }
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
    /// Adds `row`, which follows every row pushed before.
    pub fn push(&mut self, row: u32) {
        if self.len == 0 {
            self.first = row;
        }
        debug_assert!(row >= self.first, "Rows::push:ascending");
        let i = row.saturating_sub(self.first) as usize;
        if self.bits.len() <= i / 64 {
            self.bits.resize(i / 64 + 1, 0);
        }
        self.bits[i / 64] |= 1 << (i % 64);
        self.len += 1;
    }
    /// The rows, ascending.
    pub fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        self.bits.iter().enumerate().flat_map(move |(w, &word)| {
            (0..64)
                .filter(move |b| word & (1 << b) != 0)
                .map(move |b| self.first + (w * 64 + b) as u32)
        })
    }
}

/// Subjects named in the note on conditions that were unknown.
pub const MAX_UNKNOWN_ROWS: usize = 5;

pub fn run_rule(
    ctx: &Ctx,
    checked: &Checked,
    rule: &CheckedRule,
    list_subjects: bool,
) -> RuleResult {
    run_rule_on(
        ctx,
        checked,
        rule,
        0..ctx.ds.table(rule.subject).len(),
        list_subjects,
    )
}

/// Runs a rule over the subjects whose rows are in `rows`; results of
/// consecutive ranges concatenate to the result of the whole.
pub fn run_rule_on(
    ctx: &Ctx,
    checked: &Checked,
    rule: &CheckedRule,
    rows: std::ops::Range<u32>,
    list_subjects: bool,
) -> RuleResult {
    let mut results = run_rules_on(ctx, checked, &[rule], rows, list_subjects);
    results.pop().unwrap_or_default()
}

/// Runs rules that range over the same collection in one pass: each subject
/// row is visited once and every rule checks it in turn, while its columns
/// are in cache. One result per rule, in the order given; each is the result
/// `run_rule_on` would give for that rule alone.
pub fn run_rules_on(
    ctx: &Ctx,
    checked: &Checked,
    rules: &[&CheckedRule],
    rows: std::ops::Range<u32>,
    list_subjects: bool,
) -> Vec<RuleResult> {
    let mut states: Vec<RuleState> = rules
        .iter()
        .map(|rule| RuleState::new(ctx, checked, rule))
        .collect();
    for row in rows {
        // Timing every subject would cost more than many rules take; every
        // TIMING_STRIDE-th one is timed and the total estimated from them.
        let timed = row % TIMING_STRIDE == 0;
        for state in &mut states {
            if timed {
                let started = std::time::Instant::now();
                state.check(row, list_subjects);
                state.timed += started.elapsed();
                state.timed_subjects += 1;
            } else {
                state.check(row, list_subjects);
            }
        }
    }
    states.into_iter().map(RuleState::finish).collect()
}

/// One subject in this many is timed for `--profile`.
const TIMING_STRIDE: u32 = 64;

/// One rule's progress through a pass over its collection.
struct RuleState<'a> {
    run: RuleRun<'a>,
    env: Vec<Value>,
    result: RuleResult,
    /// Rows visited (whether or not the `for` filter kept them), and the
    /// time and count of those timed.
    visited: u64,
    timed: std::time::Duration,
    timed_subjects: u64,
}

impl<'a> RuleState<'a> {
    fn new(ctx: &'a Ctx<'a>, checked: &'a Checked, rule: &'a CheckedRule) -> Self {
        RuleState {
            run: RuleRun {
                ctx,
                checked,
                rule,
                violations: Vec::new(),
                bound: Vec::new(),
                matches: 0,
                found: Vec::new(),
                unknown: Vec::new(),
                broken: Vec::new(),
                paths: Vec::new(),
                reached_check: false,
                when_unknown: false,
                names: Vec::new(),
            },
            env: vec![Value::Missing; rule.slots as usize],
            result: RuleResult::default(),
            visited: 0,
            timed: std::time::Duration::ZERO,
            timed_subjects: 0,
        }
    }

    /// The `for` filter, then the clauses, for the subject in `row`.
    fn check(&mut self, row: u32, list_subjects: bool) {
        let rule = self.run.rule;
        let env = &mut self.env;
        self.visited += 1;
        env.iter_mut().for_each(|v| *v = Value::Missing);
        env[rule.subject_slot as usize] = Value::Obj(rule.subject, row);
        if let Some(filter) = &rule.filter {
            match self.run.ctx.eval(filter, env) {
                Value::Bool(true) => {}
                v => {
                    if v.is_missing() {
                        self.left_out_unknown(row);
                    }
                    return;
                }
            }
        }
        let before = self.run.violations.len();
        self.run.reached_check = false;
        self.run.when_unknown = false;
        self.run.clauses(&rule.clauses, row, env);
        if self.run.when_unknown && self.run.violations.len() == before {
            self.left_out_unknown(row);
        }
        if !self.run.reached_check {
            return;
        }
        self.result.subjects += 1;
        if list_subjects && self.result.subject_rows.len() < super::MAX_LISTED_SUBJECTS {
            self.result.subject_rows.push(row);
        }
        if self.run.violations.len() > before {
            self.result.violated_subjects += 1;
        }
    }

    /// A subject a condition could not decide: counted, and named in the
    /// note when among the first.
    fn left_out_unknown(&mut self, row: u32) {
        self.result.unknown += 1;
        if self.result.unknown_rows.len() < MAX_UNKNOWN_ROWS {
            self.result.unknown_rows.push(row);
        }
    }

    fn finish(self) -> RuleResult {
        let estimated = if self.timed_subjects == 0 {
            std::time::Duration::ZERO
        } else {
            self.timed
                .mul_f64(self.visited as f64 / self.timed_subjects as f64)
        };
        RuleResult {
            matches: self.run.matches,
            violations: self.run.violations,
            time: estimated,
            ..self.result
        }
    }
}

impl RuleRun<'_> {
    fn clauses(&mut self, clauses: &[CheckedClause], subject: u32, env: &mut [Value]) {
        for (i, clause) in clauses.iter().enumerate() {
            if !matches!(
                clause.kind,
                CheckedClauseKind::Let { .. } | CheckedClauseKind::When(_)
            ) {
                self.reached_check = true;
            }
            match &clause.kind {
                CheckedClauseKind::Let { slot, value } => {
                    env[*slot as usize] = self.ctx.eval(value, env)
                }
                CheckedClauseKind::When(cond) => match self.ctx.eval(cond, env) {
                    Value::Bool(true) => {}
                    v => {
                        self.when_unknown |= v.is_missing();
                        return;
                    }
                },
                CheckedClauseKind::Require { cond, message } => match self.ctx.eval(cond, env) {
                    Value::Bool(true) => {}
                    v => {
                        let outcome = if v.is_missing() {
                            Outcome::InsufficientEvidence
                        } else {
                            Outcome::Violated
                        };
                        self.violation(
                            clause,
                            subject,
                            None,
                            outcome,
                            Some(cond),
                            message.as_ref(),
                            env,
                        );
                    }
                },
                CheckedClauseKind::Match { join, message } => {
                    let (start, unknown) = self.join(join, env);
                    if self.found.len() == start {
                        let outcome = if unknown {
                            Outcome::InsufficientEvidence
                        } else {
                            Outcome::Violated
                        };
                        let on = join.cond.as_ref();
                        self.violation(clause, subject, None, outcome, on, message.as_ref(), env);
                        return;
                    }
                    let rest = &clauses[i + 1..];
                    let slot = join.slot as usize;
                    // The clauses after it push their own joins' rows after
                    // these and truncate back to them.
                    for at in start..self.found.len() {
                        let row = self.found[at];
                        env[slot] = Value::Obj(join.coll, row);
                        self.bound.push((join.coll, row));
                        self.clauses(rest, subject, env);
                        self.bound.pop();
                    }
                    self.found.truncate(start);
                    env[slot] = Value::Missing;
                    return;
                }
                CheckedClauseKind::Forbid { join, message } => {
                    self.forbid(clause, subject, join, message.as_ref(), env);
                }
            }
        }
    }

    /// `forbid`: one violation per object whose `on` is true; one
    /// `insufficient_evidence` per object whose `on` is unknown (it may be
    /// forbidden: the record says nothing), and one for the subject when the
    /// join key itself is missing, as `require not exists(…)` would say
    /// (docs/language.md, "forbid and missing values").
    fn forbid(
        &mut self,
        clause: &CheckedClause,
        subject: u32,
        join: &crate::check::ir::Join,
        message: Option<&CheckedMessage>,
        env: &mut [Value],
    ) {
        let start = self.found.len();
        let mut unknown = std::mem::take(&mut self.unknown);
        unknown.clear();
        let key_missing = self
            .ctx
            .forbid_join(join, env, &mut self.found, &mut unknown);
        self.matches += (self.found.len() - start) as u64;
        let slot = join.slot as usize;
        let on = join.cond.as_ref();
        let found = (start..self.found.len()).map(|at| (self.found[at], Outcome::Violated));
        let unsure = unknown.iter().map(|&r| (r, Outcome::InsufficientEvidence));
        let rows: Vec<(u32, Outcome)> = found.chain(unsure).collect();
        for (row, outcome) in rows {
            env[slot] = Value::Obj(join.coll, row);
            let forbidden = Some((join.coll, row));
            self.violation(clause, subject, forbidden, outcome, on, message, env);
        }
        env[slot] = Value::Missing;
        if key_missing {
            let outcome = Outcome::InsufficientEvidence;
            self.violation(clause, subject, None, outcome, on, message, env);
        }
        self.found.truncate(start);
        self.unknown = unknown;
    }

    /// Runs a join, its rows pushed on `found`: where they start, and
    /// whether any candidate's condition was unknown.
    fn join(&mut self, join: &crate::check::ir::Join, env: &mut [Value]) -> (usize, bool) {
        let start = self.found.len();
        let unknown = self.ctx.join_into(join, env, &mut self.found);
        self.matches += (self.found.len() - start) as u64;
        (start, unknown)
    }

    #[allow(clippy::too_many_arguments)]
    fn violation(
        &mut self,
        clause: &CheckedClause,
        subject: u32,
        forbidden: Option<(CollId, u32)>,
        outcome: Outcome,
        expr: Option<&Ir>,
        message: Option<&CheckedMessage>,
        env: &mut [Value],
    ) {
        // After a `match` that found nothing (or a `forbid` whose key was
        // missing), its variable has no value to show.
        let unbound = match (&clause.kind, forbidden) {
            (
                CheckedClauseKind::Match { join, .. } | CheckedClauseKind::Forbid { join, .. },
                None,
            ) => Some(join.slot),
            _ => None,
        };
        let traced = self.ctx.any_mapped_source();
        let (values, sources) = expr
            .map(|e| {
                self.ctx.values_and_sources(
                    self.checked,
                    e,
                    env,
                    unbound,
                    &self.rule.pii_slots,
                    traced.then_some(&self.rule.clauses[..]),
                )
            })
            .unwrap_or_default();
        self.push(
            clause,
            subject,
            forbidden,
            outcome,
            (values, sources),
            message,
            env,
        );
    }

    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        clause: &CheckedClause,
        subject: u32,
        forbidden: Option<(CollId, u32)>,
        outcome: Outcome,
        (values, sources): (Vec<(String, serde_json::Value)>, Vec<ValueSource>),
        message: Option<&CheckedMessage>,
        env: &mut [Value],
    ) {
        let ctx = self.ctx;
        let rule = self.rule;
        let broken = self.broken(clause);
        let message = match message {
            Some(m) => ctx.message(self.checked, m, env, &rule.pii_slots),
            None => default_message(&clause.kind, clause_text(&broken), ctx, outcome),
        };
        let mut evidence: Vec<DataLoc> = Vec::with_capacity(self.bound.len() + 1);
        for at in 0..self.bound.len() {
            let (c, r) = self.bound[at];
            evidence.push(self.loc(c, r));
        }
        if let Some((c, r)) = forbidden {
            evidence.push(self.loc(c, r));
        }
        let subject_loc = self.loc(rule.subject, subject);
        let values = self.shared_paths(values);
        self.violations.push(Violation::from(Finding {
            broken,
            outcome,
            message: message.into(),
            subject_id: ctx.loc_id(rule.subject, subject, &subject_loc),
            subject: subject_loc,
            subject_title: ctx.object_title(rule.subject, subject).map(Into::into),
            evidence: evidence.into(),
            values,
            sources: sources.into_boxed_slice(),
            waiver: None,
            fingerprint: Default::default(),
            baseline: None,
        }));
    }
}

/// What every violation of a rule's clause shares: the rule's names and
/// the clause's place and text. Both engines make it (`sql::spark` too).
pub fn broken_clause(checked: &Checked, rule: &CheckedRule, clause: Span) -> Broken {
    Broken {
        rule: rule.name.as_str().into(),
        kind: rule.kind.as_str(),
        severity: rule.severity,
        title: rule.title.as_deref().map(Arc::from),
        cite: rule.cite.as_slice().into(),
        help: rule.help.as_deref().map(Arc::from),
        policy: Some(policy_loc(checked, clause)),
        clause: Some(super::explain::policy_text(checked, clause).into()),
    }
}

fn clause_text(broken: &Broken) -> &str {
    broken.clause.as_deref().unwrap_or("")
}

impl RuleRun<'_> {
    /// The location of an object, its collection's name shared with every
    /// other location of this run (a copy a violation less).
    fn loc(&mut self, coll: CollId, row: u32) -> DataLoc {
        let name = match self.names.iter().find(|(c, _)| *c == coll) {
            Some((_, name)) => name.clone(),
            None => {
                let name: Arc<str> = self.ctx.schema.collection(coll).name.as_str().into();
                self.names.push((coll, name.clone()));
                name
            }
        };
        self.ctx.data_loc_named(coll, row, name)
    }

    /// The rule and the clause (its text with whitespace collapsed, its
    /// place), made on the clause's first violation and shared by the others.
    fn broken(&mut self, clause: &CheckedClause) -> Arc<Broken> {
        if let Some((_, broken)) = self.broken.iter().find(|(s, _)| *s == clause.span) {
            return broken.clone();
        }
        let broken = Arc::new(broken_clause(self.checked, self.rule, clause.span));
        self.broken.push((clause.span, broken.clone()));
        broken
    }

    /// The values with their paths (`r.id`) shared with the other
    /// violations of the run: a path is the same text every time.
    fn shared_paths(
        &mut self,
        values: Vec<(String, serde_json::Value)>,
    ) -> Box<[(Arc<str>, serde_json::Value)]> {
        values
            .into_iter()
            .map(|(path, value)| (self.path(&path), value))
            .collect()
    }

    fn path(&mut self, path: &str) -> Arc<str> {
        if let Some(p) = self.paths.iter().find(|p| ***p == *path) {
            return p.clone();
        }
        let p: Arc<str> = path.into();
        self.paths.push(p.clone());
        p
    }
}

pub fn default_message(
    kind: &CheckedClauseKind,
    clause_text: &str,
    ctx: &Ctx,
    outcome: Outcome,
) -> String {
    let unknown = outcome == Outcome::InsufficientEvidence;
    let msg = match kind {
        CheckedClauseKind::Require { .. } => crate::msg!(
            "default-require",
            unknown = if unknown { "yes" } else { "no" },
            clause = strip(clause_text, "require")
        ),
        CheckedClauseKind::Match { join, .. } => crate::msg!(
            "default-match",
            unknown = if unknown { "yes" } else { "no" },
            collection = &ctx.schema.collection(join.coll).name,
            clause = strip(clause_text, "match")
        ),
        CheckedClauseKind::Forbid { join, .. } => crate::msg!(
            "default-forbid",
            unknown = if unknown { "yes" } else { "no" },
            collection = &ctx.schema.collection(join.coll).name,
            clause = strip(clause_text, "forbid")
        ),
        _ => return clause_text.to_string(),
    };
    // Written as the violation is found, in the run's message language
    // (docs/reports.md, "Languages"); the fingerprint never reads it.
    msg.words()
}

fn strip<'a>(text: &'a str, keyword: &str) -> &'a str {
    let t = text.strip_prefix(keyword).unwrap_or(text).trim();
    match t.find(" else \"") {
        Some(i) => &t[..i],
        None => t,
    }
}
