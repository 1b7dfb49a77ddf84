//! Conditions that cannot do their job: a `where`/`when` that can never be
//! true (the rule silently checks nothing) and a `require` that is always
//! true (it can never report anything). Only what can be decided from the
//! schema and the constants is flagged; nothing here guesses about data.

use std::collections::BTreeMap;

use crate::check::ir::{CheckedClauseKind, CheckedRule, CmpOp, Ir, IrKind};
use crate::check::schema::FieldType;
use crate::check::Checked;
use crate::cli::explain::one_line;
use crate::i18n::Msg;
use crate::msg;
use crate::value::Value;

use super::{warn, Lint, ALWAYS_TRUE, NEVER_TRUE};

pub fn check_rule(checked: &Checked, rule: &CheckedRule, out: &mut Vec<Lint>) {
    if let Some(f) = &rule.filter {
        if let Some(why) = never_true(checked, f) {
            out.push(never(f, "`where`", why));
        }
    }
    for clause in &rule.clauses {
        match &clause.kind {
            CheckedClauseKind::When(c) => {
                if let Some(why) = never_true(checked, c) {
                    out.push(never(c, "`when`", why));
                }
            }
            CheckedClauseKind::Require { cond, .. } => {
                if let Some(why) = always_true(checked, cond) {
                    out.push(warn(
                        ALWAYS_TRUE,
                        cond.span,
                        msg!("lint-always-true"),
                        why,
                        Some(msg!("lint-always-true-help")),
                    ));
                }
            }
            _ => {}
        }
    }
}

fn never(ir: &Ir, what: &str, why: Msg) -> Lint {
    warn(
        NEVER_TRUE,
        ir.span,
        msg!("lint-never-true", what = what),
        why,
        None,
    )
}

fn conjuncts(ir: &Ir) -> Vec<&Ir> {
    match &ir.kind {
        IrKind::And(a, b) => {
            let mut v = conjuncts(a);
            v.extend(conjuncts(b));
            v
        }
        _ => vec![ir],
    }
}

/// The text of a path as written, to tell whether two conditions test the
/// same value.
fn path_text(checked: &Checked, ir: &Ir) -> Option<String> {
    matches!(ir.kind, IrKind::Field { .. } | IrKind::Var(_))
        .then(|| one_line(checked.sources.snippet(ir.span)))
}

/// Constant values (a literal, or a list of literals) as comparable keys.
fn constants(ir: &Ir) -> Option<Vec<String>> {
    match &ir.kind {
        IrKind::Const(Value::List(items)) => Some(items.iter().map(key).collect()),
        IrKind::List(items) => items
            .iter()
            .map(|i| match &i.kind {
                IrKind::Const(v) => Some(key(v)),
                _ => None,
            })
            .collect(),
        _ => None,
    }
}

fn key(v: &Value) -> String {
    match v {
        Value::Str(s) => format!("\"{s}\""),
        other => format!("{other:?}"),
    }
}

/// A field of a bound object that always has a value: required, or with a
/// default. (Navigation through a `ref` can still be missing.)
fn always_set(checked: &Checked, ir: &Ir) -> bool {
    match &ir.kind {
        IrKind::Field { base, coll, field } if matches!(base.kind, IrKind::Var(_)) => {
            let f = checked.schema.collection(*coll).field(*field);
            !f.optional || f.default.is_some()
        }
        _ => false,
    }
}

fn enum_values(checked: &Checked, ir: &Ir) -> Option<Vec<String>> {
    match &ir.kind {
        IrKind::Field { coll, field, .. } => {
            match &checked.schema.collection(*coll).field(*field).ty {
                FieldType::Enum(values) => {
                    Some(values.iter().map(|v| format!("\"{v}\"")).collect())
                }
                _ => None,
            }
        }
        _ => None,
    }
}

/// Why `ir` can never be definitely true, if it cannot.
fn never_true(checked: &Checked, ir: &Ir) -> Option<Msg> {
    // For each path: the values the conjuncts so far allow it to have.
    let mut allowed: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut ranges = Ranges::default();
    let parts = conjuncts(ir);
    if let Some(why) = negates_itself(checked, &parts) {
        return Some(why);
    }
    for c in parts {
        if let Some(why) = case_never_equal(checked, c)
            .or_else(|| compares_itself(checked, c))
            .or_else(|| negative_size(checked, c))
        {
            return Some(why);
        }
        if let Some(why) = ranges.narrow(checked, c) {
            return Some(why);
        }
        let (path, values) = match &c.kind {
            IrKind::Const(Value::Bool(false)) => return Some(msg!("lint-why-false")),
            IrKind::Not(x) if matches!(x.kind, IrKind::Const(Value::Bool(true))) => {
                return Some(msg!("lint-why-false"))
            }
            // A pattern over an enum narrows it to the values it matches
            // (seventh hostile review: `r.status matches "^Destroyed$"`,
            // over lower-case values, made the rule check nothing).
            IrKind::Matches(x, re, _) => match (path_text(checked, x), enum_values(checked, x)) {
                (Some(p), Some(all)) => {
                    let hit: Vec<String> = all
                        .into_iter()
                        .filter(|v| re.is_match(v.trim_matches('"')))
                        .collect();
                    if hit.is_empty() {
                        return Some(msg!("lint-why-pattern-matches-none", path = p));
                    }
                    (p, hit)
                }
                _ => continue,
            },
            // `!=` of an enum leaves its other values (a missing one is
            // unknown, never definitely true either).
            IrKind::Cmp(CmpOp::Ne, a, b, _) => {
                let (x, v) = match (&a.kind, &b.kind) {
                    (_, IrKind::Const(v)) => (a, v),
                    (IrKind::Const(v), _) => (b, v),
                    _ => continue,
                };
                match (path_text(checked, x), enum_values(checked, x)) {
                    (Some(p), Some(all)) => (p, all.into_iter().filter(|a| *a != key(v)).collect()),
                    _ => continue,
                }
            }
            IrKind::Is { value, set: false } if always_set(checked, value) => {
                let p = one_line(checked.sources.snippet(value.span));
                return Some(msg!("lint-why-always-set", path = p));
            }
            IrKind::In {
                item,
                list,
                negated: true,
                ..
            } => {
                let (Some(all), Some(excluded)) = (enum_values(checked, item), constants(list))
                else {
                    continue;
                };
                if always_set(checked, item) && all.iter().all(|v| excluded.contains(v)) {
                    let p = one_line(checked.sources.snippet(item.span));
                    return Some(msg!("lint-why-lists-every-value", path = p));
                }
                continue;
            }
            IrKind::In {
                item,
                list,
                negated: false,
                ..
            } => match (path_text(checked, item), constants(list)) {
                (Some(p), Some(vs)) => (p, vs),
                _ => continue,
            },
            // Two enums with no value in common are a type error
            // (`ExprChecker::check_never_equal`), before any lint runs.
            IrKind::Cmp(CmpOp::Eq, a, b, _) => match (&a.kind, &b.kind) {
                (_, IrKind::Const(v)) => match path_text(checked, a) {
                    Some(p) => (p, vec![key(v)]),
                    None => continue,
                },
                (IrKind::Const(v), _) => match path_text(checked, b) {
                    Some(p) => (p, vec![key(v)]),
                    None => continue,
                },
                _ => continue,
            },
            _ => continue,
        };
        let entry = allowed
            .entry(path.clone())
            .or_insert_with(|| values.clone());
        let before = entry.clone();
        entry.retain(|v| values.contains(v));
        if entry.is_empty() && matches!(c.kind, IrKind::Cmp(CmpOp::Ne, ..)) {
            return Some(msg!("lint-why-excludes-every-value", path = path));
        }
        if entry.is_empty() {
            return Some(msg!(
                "lint-why-contradiction",
                path = path,
                first = crate::i18n::Arg::List(before.iter().map(|v| v.to_string()).collect()),
                second = crate::i18n::Arg::List(values.iter().map(|v| v.to_string()).collect())
            ));
        }
    }
    None
}

/// A value with an order, as a bound of a range: numbers, dates and
/// datetimes (each only against its own kind).
#[derive(Clone, Copy, PartialEq, PartialOrd)]
enum Point {
    Number(f64),
    Date(jiff::civil::Date),
    DateTime(i64),
}

impl Point {
    fn of(ir: &Ir) -> Option<Point> {
        match &ir.kind {
            IrKind::Const(Value::Int(n)) => Some(Point::Number(*n as f64)),
            IrKind::Const(Value::Dec(n)) => Some(Point::Number(*n)),
            IrKind::Const(Value::Date(d)) => Some(Point::Date(*d)),
            IrKind::Const(Value::DateTime(t)) => Some(Point::DateTime(*t)),
            _ => None,
        }
    }

    fn kind(self) -> u8 {
        match self {
            Point::Number(_) => 0,
            Point::Date(_) => 1,
            Point::DateTime(_) => 2,
        }
    }
}

/// One end of a range: the point, whether it is in the range, and the
/// comparison that set it (as written).
#[derive(Clone)]
struct End {
    at: Point,
    inclusive: bool,
    text: String,
}

/// For each path compared with constants by `<`, `<=`, `>`, `>=` or `==`:
/// the range the conjuncts so far leave it. An empty range can never be
/// definitely true (hostile review h19: `r.created < 2020-01-01 and
/// r.created > 2021-01-01`, an inverted date range, left the rule not
/// applicable and the run COMPLIANT).
#[derive(Default)]
struct Ranges {
    /// (path, kind of point) -> (lowest, highest).
    ends: BTreeMap<(String, u8), (Option<End>, Option<End>)>,
}

impl Ranges {
    /// Narrows by `c`; why the conjunction can never hold, when it cannot.
    fn narrow(&mut self, checked: &Checked, c: &Ir) -> Option<Msg> {
        let IrKind::Cmp(op, a, b, _) = &c.kind else {
            return None;
        };
        let text = one_line(checked.sources.snippet(c.span));
        // Two constants: decided now (`1 > 2`).
        if let (Some(x), Some(y)) = (Point::of(a), Point::of(b)) {
            if x.kind() == y.kind() && !holds(*op, x, y)? {
                return Some(msg!("lint-why-false"));
            }
            return None;
        }
        // `path OP point`, or `point OP path` turned around.
        let (path, op, at) = match (path_text(checked, a), Point::of(b)) {
            (Some(p), Some(at)) => (p, *op, at),
            _ => match (path_text(checked, b), Point::of(a)) {
                (Some(p), Some(at)) => (p, flipped(*op)?, at),
                _ => return None,
            },
        };
        let end = |inclusive| {
            Some(End {
                at,
                inclusive,
                text: text.clone(),
            })
        };
        let (low, high) = match op {
            CmpOp::Lt => (None, end(false)),
            CmpOp::Le => (None, end(true)),
            CmpOp::Gt => (end(false), None),
            CmpOp::Ge => (end(true), None),
            CmpOp::Eq => (end(true), end(true)),
            CmpOp::Ne => return None,
        };
        let range = self.ends.entry((path, at.kind())).or_default();
        if let Some(l) = low {
            if range
                .0
                .as_ref()
                .map_or(true, |r| l.at > r.at || (l.at == r.at && !l.inclusive))
            {
                range.0 = Some(l);
            }
        }
        if let Some(h) = high {
            if range
                .1
                .as_ref()
                .map_or(true, |r| h.at < r.at || (h.at == r.at && !h.inclusive))
            {
                range.1 = Some(h);
            }
        }
        let (Some(l), Some(h)) = (&range.0, &range.1) else {
            return None;
        };
        let empty = l.at > h.at || (l.at == h.at && !(l.inclusive && h.inclusive));
        empty.then(|| msg!("lint-why-empty-range", first = &l.text, second = &h.text))
    }
}

/// `x OP y` of two points of one kind; `None` for `!=` of NaN and such.
fn holds(op: CmpOp, x: Point, y: Point) -> Option<bool> {
    let order = x.partial_cmp(&y)?;
    Some(match op {
        CmpOp::Eq => order.is_eq(),
        CmpOp::Ne => order.is_ne(),
        CmpOp::Lt => order.is_lt(),
        CmpOp::Le => order.is_le(),
        CmpOp::Gt => order.is_gt(),
        CmpOp::Ge => order.is_ge(),
    })
}

/// `c OP x` as `x OP' c`.
fn flipped(op: CmpOp) -> Option<CmpOp> {
    Some(match op {
        CmpOp::Lt => CmpOp::Gt,
        CmpOp::Le => CmpOp::Ge,
        CmpOp::Gt => CmpOp::Lt,
        CmpOp::Ge => CmpOp::Le,
        CmpOp::Eq => CmpOp::Eq,
        CmpOp::Ne => return None,
    })
}

/// A conjunct and its negation (`x and not x`, `x is set and x is
/// missing`), compared as written (round 19a: these left the rule
/// checking nothing, and the run COMPLIANT, without a word).
fn negates_itself(checked: &Checked, parts: &[&Ir]) -> Option<Msg> {
    let text = |ir: &Ir| one_line(checked.sources.snippet(ir.span));
    let mut yes = std::collections::BTreeSet::new();
    let mut no = std::collections::BTreeSet::new();
    for c in parts {
        match &c.kind {
            IrKind::Not(x) => no.insert(text(x)),
            IrKind::Is { value, set } => {
                (if *set { &mut yes } else { &mut no }).insert(format!("{} is set", text(value)))
            }
            _ => yes.insert(text(c)),
        };
    }
    let cond = yes.intersection(&no).next()?;
    Some(msg!("lint-why-negates-itself", cond = cond.as_str()))
}

/// `x != x`, `x < x` or `x > x`: a value against itself is never so (a
/// missing one is unknown), whatever the data.
fn compares_itself(checked: &Checked, c: &Ir) -> Option<Msg> {
    let IrKind::Cmp(CmpOp::Ne | CmpOp::Lt | CmpOp::Gt, a, b, _) = &c.kind else {
        return None;
    };
    let text = |ir: &Ir| one_line(checked.sources.snippet(ir.span));
    (text(a) == text(b)).then(|| msg!("lint-why-compares-itself", cond = text(c)))
}

/// `len(x) < 0`, `count(...) <= -1`, `len(x) == -1`: a length or a count
/// is never negative.
fn negative_size(checked: &Checked, c: &Ir) -> Option<Msg> {
    let IrKind::Cmp(op, a, b, _) = &c.kind else {
        return None;
    };
    let size = |ir: &Ir| {
        matches!(
            ir.kind,
            IrKind::Call(crate::check::ir::Func::Len, _)
                | IrKind::Aggregate(crate::syntax::ast::AggregateOp::Count, _)
        )
    };
    let (op, n) = match (Point::of(a), Point::of(b)) {
        (None, Some(Point::Number(n))) if size(a) => (*op, n),
        (Some(Point::Number(n)), None) if size(b) => (flipped(*op)?, n),
        _ => return None,
    };
    let never = match op {
        CmpOp::Lt => n <= 0.0,
        CmpOp::Le | CmpOp::Eq => n < 0.0,
        _ => false,
    };
    never.then(|| {
        let cond = one_line(checked.sources.snippet(c.span));
        msg!("lint-why-negative-size", cond = cond)
    })
}

/// `lower(x) == "Destroyed"` (or `upper(x) == "destroyed"`): the call's
/// result has no letter of the literal's other case, so they are never
/// equal (seventh hostile review).
fn case_never_equal(checked: &Checked, ir: &Ir) -> Option<Msg> {
    let IrKind::Cmp(CmpOp::Eq, a, b, _) = &ir.kind else {
        return None;
    };
    let (call, text) = match (&a.kind, &b.kind) {
        (IrKind::Call(f, _), IrKind::Const(Value::Str(t))) => ((f, a), t),
        (IrKind::Const(Value::Str(t)), IrKind::Call(f, _)) => ((f, b), t),
        _ => return None,
    };
    let changed = match call.0 {
        crate::check::ir::Func::Lower => text.to_lowercase() != **text,
        crate::check::ir::Func::Upper => text.to_uppercase() != **text,
        _ => false,
    };
    changed.then(|| {
        msg!(
            "lint-why-case-never-equal",
            call = one_line(checked.sources.snippet(call.1.span)),
            literal = format!("\"{text}\"")
        )
    })
}

/// Why `ir` is always true, if it is.
fn always_true(checked: &Checked, ir: &Ir) -> Option<Msg> {
    match &ir.kind {
        IrKind::Const(Value::Bool(true)) => Some(msg!("lint-why-true")),
        IrKind::Is { value, set: true } if always_set(checked, value) => {
            let p = one_line(checked.sources.snippet(value.span));
            Some(msg!("lint-why-required", path = p))
        }
        IrKind::In {
            item,
            list,
            negated: false,
            ..
        } => {
            let all = enum_values(checked, item)?;
            let listed = constants(list)?;
            (always_set(checked, item) && all.iter().all(|v| listed.contains(v))).then(|| {
                let p = one_line(checked.sources.snippet(item.span));
                msg!("lint-why-lists-every-value", path = p)
            })
        }
        IrKind::Or(a, b) => always_true(checked, a).or_else(|| always_true(checked, b)),
        IrKind::And(a, b) => {
            let x = always_true(checked, a)?;
            always_true(checked, b).map(|y| msg!("lint-why-both", first = x, second = y))
        }
        _ => None,
    }
}
