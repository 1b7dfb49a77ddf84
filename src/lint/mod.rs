//! Lints of `custodia validate`: things that type-check but are probably
//! wrong, slow or unauditable. Each has a stable code (the registry below);
//! they are warnings, and `--deny-warnings` makes any of them fail CI.

mod conditions;

use jiff::civil::Date;

use crate::check::ir::{CheckedClauseKind, CheckedRule, Ir, IrKind, Join};
use crate::check::rules::names_in;
use crate::check::schema::FieldType;
use crate::check::{Checked, PolicyDiagnostic};
use crate::i18n::{Lang, Msg};
use crate::msg;
use crate::syntax::ast::{ClauseKind, Expr, Item, MessagePart, Messages, PolicyFile, Rule};
use crate::syntax::span::Span;

/// Every lint code, with what it catches (docs/authoring.md explains each).
pub const REGISTRY: [(&str, &str); 11] = [
    (MISSING_TITLE, "a rule without `title`"),
    (MISSING_CITE, "a rule without `cite`"),
    (UNUSED_LET, "a `let` whose name is never used"),
    (NEVER_TRUE, "a `where` or `when` that can never be true"),
    (ALWAYS_TRUE, "a `require` that is always true"),
    (
        LIST_IS_SET,
        "`is set` or `is missing` of a list, which an empty list passes as set",
    ),
    (
        UNINDEXED_JOIN,
        "a `match`, `forbid`, `count` or `exists` with no indexable equality",
    ),
    (
        COUNT_FOR_NONE,
        "`count(...) == 0`, which cannot tell a violation where a condition cannot be decided",
    ),
    (
        WAIVER_WITHOUT_BY,
        "a waiver that does not say who granted it",
    ),
    (WAIVER_TOO_LONG, "a waiver that runs more than a year"),
    (
        WAIVER_BY_PLACE,
        "a waiver that names a line of a data file, not an object",
    ),
];

pub const MISSING_TITLE: &str = "custodia::lint::missing_title";
pub const MISSING_CITE: &str = "custodia::lint::missing_cite";
pub const UNUSED_LET: &str = "custodia::lint::unused_let";
pub const NEVER_TRUE: &str = "custodia::lint::never_true";
pub const ALWAYS_TRUE: &str = "custodia::lint::always_true";
pub const LIST_IS_SET: &str = "custodia::lint::list_is_set";
pub const UNINDEXED_JOIN: &str = "custodia::lint::unindexed_join";
pub const COUNT_FOR_NONE: &str = "custodia::lint::count_for_none";
pub const WAIVER_WITHOUT_BY: &str = "custodia::lint::waiver_without_by";
pub const WAIVER_TOO_LONG: &str = "custodia::lint::waiver_too_long";
pub const WAIVER_BY_PLACE: &str = "custodia::lint::waiver_by_place";

/// A lint warning before it is put into words (`Lint::describe_in`).
#[derive(Clone, Debug, PartialEq)]
pub struct Lint {
    pub code: &'static str,
    pub span: Span,
    pub message: Msg,
    pub label: Msg,
    pub help: Option<Msg>,
}

impl Lint {
    pub fn describe_in(&self, lang: Lang) -> PolicyDiagnostic {
        PolicyDiagnostic {
            code: self.code,
            message: self.message.text(lang),
            span: self.span,
            label: self.label.text(lang),
            help: self.help.as_ref().map(|h| h.text(lang)),
            related: vec![],
        }
    }
}

fn warn(code: &'static str, span: Span, message: Msg, label: Msg, help: Option<Msg>) -> Lint {
    Lint {
        code,
        span,
        message,
        label,
        help,
    }
}

/// Every lint of a checked set in English (see [`lint_in`]).
pub fn lint(checked: &Checked, today: Date) -> Vec<PolicyDiagnostic> {
    lint_in(checked, today, Lang::En)
}

/// Every lint of a checked set in `lang`, sorted by place. `today`
/// measures waivers.
pub fn lint_in(checked: &Checked, today: Date, lang: Lang) -> Vec<PolicyDiagnostic> {
    lints(checked, today)
        .iter()
        .map(|l| l.describe_in(lang))
        .collect()
}

/// The conditions of the case's own rules that can never be true
/// (`NEVER_TRUE`): the span, what it is (`this \`where\` can never be
/// true ...`) and why. `check` reports such a rule not checked
/// (docs/reports.md, "A rule that can never apply").
pub fn never_true(checked: &Checked, today: Date) -> Vec<(Span, Msg, Msg)> {
    (lints(checked, today).into_iter())
        .filter(|l| l.code == NEVER_TRUE)
        .map(|l| (l.span, l.message, l.label))
        .collect()
}

fn lints(checked: &Checked, today: Date) -> Vec<Lint> {
    let files = user_files(checked);
    let mut out = Vec::new();
    for rule in &checked.rules {
        metadata(rule, &mut out);
        conditions::check_rule(checked, rule, &mut out);
        joins(checked, rule, &mut out);
        counts_for_none(rule, &mut out);
        list_presence(checked, rule, &mut out);
    }
    unused_lets(&files, &mut out);
    waivers(checked, today, &mut out);
    out.sort_by_key(|d| (d.span.file, d.span.start, d.code));
    out
}

/// The ASTs of the user's files (built-in packs are not the author's to fix).
fn user_files(checked: &Checked) -> Vec<PolicyFile> {
    checked
        .sources
        .files()
        .filter(|(_, f)| !f.path.starts_with(crate::check::BUILTIN_PREFIX))
        .map(|(id, f)| crate::syntax::parse_file(&f.text, id).0)
        .collect()
}

fn metadata(rule: &CheckedRule, out: &mut Vec<Lint>) {
    // A blank text says as little as none (hostile review, 2026-12-05).
    if !rule.title.as_deref().is_some_and(|t| !t.trim().is_empty()) {
        out.push(warn(
            MISSING_TITLE,
            rule.name_span,
            msg!("lint-missing-title", rule = &rule.name),
            msg!("lint-missing-title-label"),
            Some(msg!("lint-missing-title-help")),
        ));
    }
    if rule.cite.iter().all(|c| c.trim().is_empty()) {
        out.push(warn(
            MISSING_CITE,
            rule.name_span,
            msg!("lint-missing-cite", rule = &rule.name),
            msg!("lint-missing-cite-label"),
            Some(msg!("lint-missing-cite-help")),
        ));
    }
}

/// Joins the evaluator cannot look up in a hash index scan the whole
/// collection once per subject.
fn joins(checked: &Checked, rule: &CheckedRule, out: &mut Vec<Lint>) {
    let mut found: Vec<(&Join, Span, &'static str)> = Vec::new();
    if let Some(f) = &rule.filter {
        aggregate_joins(f, &mut found);
    }
    for clause in &rule.clauses {
        match &clause.kind {
            CheckedClauseKind::Match { join, .. } => found.push((join, clause.span, "`match`")),
            CheckedClauseKind::Forbid { join, .. } => found.push((join, clause.span, "`forbid`")),
            CheckedClauseKind::Let { value: e, .. }
            | CheckedClauseKind::When(e)
            | CheckedClauseKind::Require { cond: e, .. } => aggregate_joins(e, &mut found),
        }
    }
    for (join, span, what) in found {
        let indexable = join.key.as_ref().is_some_and(|(f, _)| {
            !matches!(
                checked.schema.collection(join.coll).field(*f).ty,
                FieldType::List(_) | FieldType::Duration
            )
        });
        if !indexable {
            let coll = &checked.schema.collection(join.coll).name;
            out.push(warn(
                UNINDEXED_JOIN,
                span,
                msg!("lint-unindexed-join", what = what, collection = coll),
                msg!("lint-unindexed-join-label"),
                Some(msg!("lint-unindexed-join-help", collection = coll)),
            ));
        }
    }
}

/// `count(...) == 0` (or `< 1`, `<= 0`) says "none" the way that tells
/// less: one object whose condition is unknown (a missing date) makes the
/// count unknown, so a subject with another object that definitely
/// matches is reported as insufficient evidence, where `not exists(...)`
/// reports it as violated. (Before the count was made unknown it left
/// such objects out and the subject passed; language.md, "count and
/// unknown candidates"; hostile review, 2026-12-04.)
/// The rule's `where` and the expressions of its `let`, `when` and
/// `require` clauses (not the conditions of `match` and `forbid`).
fn clause_exprs(rule: &CheckedRule) -> Vec<&Ir> {
    let mut exprs: Vec<&Ir> = rule.filter.iter().collect();
    for clause in &rule.clauses {
        match &clause.kind {
            CheckedClauseKind::Let { value: e, .. }
            | CheckedClauseKind::When(e)
            | CheckedClauseKind::Require { cond: e, .. } => exprs.push(e),
            CheckedClauseKind::Match { .. } | CheckedClauseKind::Forbid { .. } => {}
        }
    }
    exprs
}

fn counts_for_none(rule: &CheckedRule, out: &mut Vec<Lint>) {
    let exprs = clause_exprs(rule);
    // `let n = count(...)` then `n == 0` says the same.
    let counted: Vec<u16> = rule
        .clauses
        .iter()
        .filter_map(|c| match &c.kind {
            CheckedClauseKind::Let { slot, value } if is_count(value) => Some(*slot),
            _ => None,
        })
        .collect();
    let mut found = Vec::new();
    for e in exprs {
        none_counts(e, &counted, &mut found);
    }
    for span in found {
        out.push(warn(
            COUNT_FOR_NONE,
            span,
            msg!("lint-count-for-none"),
            msg!("lint-count-for-none-label"),
            Some(msg!("lint-count-for-none-help")),
        ));
    }
}

/// `x is set` (or `is missing`) where `x` is a list field: a blank CSV
/// cell, `[]` or a cell of only `无` is an empty list, which is set, so
/// `require d.approvers is set` passed a register naming no one (seventh
/// hostile review, 2026-12-07). `len(x) >= 1` says what was meant.
fn list_presence(checked: &Checked, rule: &CheckedRule, out: &mut Vec<Lint>) {
    for e in clause_exprs(rule) {
        e.walk(&mut |n| list_is_set(checked, n, out));
    }
    for clause in &rule.clauses {
        if let CheckedClauseKind::Match { join, .. } | CheckedClauseKind::Forbid { join, .. } =
            &clause.kind
        {
            join.walk(&mut |n| list_is_set(checked, n, out));
        }
    }
}

fn list_is_set(checked: &Checked, ir: &Ir, out: &mut Vec<Lint>) {
    let IrKind::Is { value, .. } = &ir.kind else {
        return;
    };
    let IrKind::Field { coll, field, .. } = &value.kind else {
        return;
    };
    if !matches!(
        checked.schema.collection(*coll).field(*field).ty,
        FieldType::List(_)
    ) {
        return;
    }
    let path = crate::cli::explain::one_line(checked.sources.snippet(value.span));
    out.push(warn(
        LIST_IS_SET,
        ir.span,
        msg!("lint-list-is-set", path = path.as_str()),
        msg!("lint-list-is-set-label"),
        Some(msg!("lint-list-is-set-help", path = path.as_str())),
    ));
}

fn is_count(ir: &Ir) -> bool {
    matches!(
        ir.kind,
        IrKind::Aggregate(crate::syntax::ast::AggregateOp::Count, _)
    )
}

/// The comparisons in `ir` that say a `let` bound to a `count` (by slot in
/// `counted`) is zero: `== 0`, `< 1`, `<= 0`, and `not (… > 0)`. A count
/// compared itself is decided by its bounds (language.md, "count and
/// unknown candidates"), as `not exists` is; one through `let` is not.
fn none_counts(ir: &Ir, counted: &[u16], found: &mut Vec<Span>) {
    let count = |x: &Ir| matches!(x.kind, IrKind::Var(v) if counted.contains(&v));
    let int =
        |x: &Ir, n: i64| matches!(x.kind, IrKind::Const(crate::value::Value::Int(v)) if v == n);
    // `not (count(...) > 0)`, `not (count(...) >= 1)`.
    if let IrKind::Not(inner) = &ir.kind {
        if let IrKind::Cmp(op, a, b, _) = &inner.kind {
            use crate::check::ir::CmpOp::{Ge, Gt, Le, Lt, Ne};
            let some = match op {
                Gt => count(a) && int(b, 0),
                Ge => count(a) && int(b, 1),
                Ne => (count(a) && int(b, 0)) || (int(a, 0) && count(b)),
                Lt => int(a, 0) && count(b),
                Le => int(a, 1) && count(b),
                _ => false,
            };
            if some {
                found.push(ir.span);
            }
        }
    }
    if let IrKind::Cmp(op, a, b, _) = &ir.kind {
        use crate::check::ir::CmpOp::{Eq, Ge, Gt, Le, Lt};
        let none = match op {
            Eq => (count(a) && int(b, 0)) || (int(a, 0) && count(b)),
            Le => count(a) && int(b, 0),
            Lt => count(a) && int(b, 1),
            Ge => int(a, 0) && count(b),
            Gt => int(a, 1) && count(b),
            _ => false,
        };
        if none {
            found.push(ir.span);
        }
    }
    for c in ir.children() {
        none_counts(c, counted, found);
    }
}

/// The joins of the `count`s and `exists` in `ir`.
fn aggregate_joins<'a>(ir: &'a Ir, found: &mut Vec<(&'a Join, Span, &'static str)>) {
    let mut nodes: Vec<&Ir> = Vec::new();
    collect_aggregates(ir, &mut nodes);
    for n in nodes {
        if let IrKind::Aggregate(op, join) = &n.kind {
            let what = match op {
                crate::syntax::ast::AggregateOp::Count => "`count`",
                crate::syntax::ast::AggregateOp::Exists => "`exists`",
            };
            found.push((join, n.span, what));
        }
    }
}

/// The aggregate nodes in `ir`, outermost first.
fn collect_aggregates<'a>(ir: &'a Ir, out: &mut Vec<&'a Ir>) {
    if matches!(ir.kind, IrKind::Aggregate(..)) {
        out.push(ir);
    }
    for c in ir.children() {
        collect_aggregates(c, out);
    }
}

fn message_names(m: &Option<Messages>, out: &mut Vec<String>) {
    let texts = m.iter().flat_map(|m| m.each().map(|(_, m)| m));
    for part in texts.flat_map(|m| &m.parts) {
        if let MessagePart::Hole(e) = part {
            names_in(e, out);
        }
    }
}

/// The names a clause reads.
fn clause_names(kind: &ClauseKind, out: &mut Vec<String>) {
    match kind {
        ClauseKind::Let { value, .. } | ClauseKind::When(value) => names_in(value, out),
        ClauseKind::Require { cond, message } => {
            names_in(cond, out);
            message_names(message, out);
        }
        ClauseKind::Match { on, message, .. } | ClauseKind::Forbid { on, message, .. } => {
            names_in(on, out);
            message_names(message, out);
        }
    }
}

fn rules(files: &[PolicyFile]) -> impl Iterator<Item = &Rule> {
    files.iter().flat_map(|f| &f.items).filter_map(|i| match i {
        Item::Rule(r) => Some(&**r),
        _ => None,
    })
}

fn unused_lets(files: &[PolicyFile], out: &mut Vec<Lint>) {
    let mut everywhere: Vec<String> = Vec::new();
    for rule in rules(files) {
        if let Some(f) = &rule.subjects.filter {
            names_in(f, &mut everywhere);
        }
        for c in &rule.clauses {
            clause_names(&c.kind, &mut everywhere);
        }
        for (i, c) in rule.clauses.iter().enumerate() {
            let ClauseKind::Let { name, .. } = &c.kind else {
                continue;
            };
            let mut later = Vec::new();
            for after in &rule.clauses[i + 1..] {
                clause_names(&after.kind, &mut later);
            }
            if !later.contains(&name.node) {
                out.push(unused(name.node.as_str(), name.span));
            }
        }
    }
    let set_lets: Vec<(&crate::syntax::ast::Ident, &Expr)> = files
        .iter()
        .flat_map(|f| &f.items)
        .filter_map(|i| match i {
            Item::Let(l) => Some((&l.name, &l.value)),
            _ => None,
        })
        .collect();
    for (_, value) in &set_lets {
        names_in(value, &mut everywhere);
    }
    for (name, _) in set_lets {
        if !everywhere.contains(&name.node) {
            out.push(unused(&name.node, name.span));
        }
    }
}

fn unused(name: &str, span: Span) -> Lint {
    warn(
        UNUSED_LET,
        span,
        msg!("lint-unused-let", name = name),
        msg!("lint-unused-let-label"),
        Some(msg!("lint-unused-let-help")),
    )
}

fn waivers(checked: &Checked, today: Date, out: &mut Vec<Lint>) {
    let limit = today
        .checked_add(jiff::Span::new().years(1))
        .unwrap_or(today);
    for w in &checked.waivers {
        if checked
            .sources
            .get(w.span.file)
            .path
            .starts_with(crate::check::BUILTIN_PREFIX)
        {
            continue;
        }
        if !w.by.as_ref().is_some_and(|b| !b.node.trim().is_empty()) {
            out.push(warn(
                WAIVER_WITHOUT_BY,
                w.span,
                msg!(
                    "lint-waiver-without-by",
                    rule = &w.rule.node,
                    subject = &w.subject.node
                ),
                msg!("lint-waiver-without-by-label"),
                Some(msg!("lint-waiver-without-by-help")),
            ));
        }
        if names_a_place(&w.subject.node) {
            out.push(warn(
                WAIVER_BY_PLACE,
                w.subject.span,
                msg!("lint-waiver-by-place", subject = &w.subject.node),
                msg!("lint-waiver-by-place-label"),
                Some(msg!("lint-waiver-by-place-help")),
            ));
        }
        if w.until.node > limit {
            out.push(warn(
                WAIVER_TOO_LONG,
                w.until.span,
                msg!(
                    "lint-waiver-too-long",
                    until = w.until.node.to_string(),
                    today = today.to_string()
                ),
                msg!("lint-waiver-too-long-label"),
                Some(msg!("lint-waiver-too-long-help")),
            ));
        }
    }
}

/// Whether a waiver subject reads `FILE.EXT:LINE` for a data file: the name
/// reports give an object without id, which a waiver must not use (the
/// company's file, one object, excepted: language.md, Waivers).
fn names_a_place(subject: &str) -> bool {
    let Some((file, line)) = subject.rsplit_once(':') else {
        return false;
    };
    let ext = file.rsplit_once('.').map_or("", |(_, e)| e);
    let stem = file.rsplit('/').next().unwrap_or(file);
    !line.is_empty()
        && line.bytes().all(|b| b.is_ascii_digit())
        && ["csv", "jsonl", "json", "yaml", "yml"].contains(&ext)
        && !stem.starts_with("company.")
}
