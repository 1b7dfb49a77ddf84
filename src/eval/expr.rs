//! Evaluates IR expressions with three-valued logic: `Value::Missing` is
//! *unknown* (language.md 5.1).

use std::cmp::Ordering;
use std::sync::Arc;

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::Span as JSpan;

use crate::check::ir::{ArithOp, CmpOp, ContainsBy, Func, Ir, IrKind, Join};
use crate::check::schema::{FieldType, Schema};
use crate::data::Dataset;
use crate::syntax::ast::AggregateOp;
use crate::value::{Duration, Key, Value};

use super::index::Indexes;

pub struct Ctx<'a> {
    pub schema: &'a Schema,
    pub ds: &'a Dataset,
    pub indexes: &'a Indexes,
    pub tz: &'a TimeZone,
    pub as_of: Date,
}

/// Where a join's visit stands: a candidate's condition was unknown; the
/// visitor wants no more rows.
struct Visit {
    unknown: bool,
    done: bool,
}

/// What a join's scan saw besides the rows it visited: a candidate whose
/// condition was unknown; a probe key that was missing (no candidate tested).
struct Scan {
    unknown: bool,
    key_missing: bool,
}

/// The objects a join found: the rows whose condition is definitely true,
/// and whether any candidate's condition was unknown.
pub struct JoinResult {
    pub rows: Vec<u32>,
    pub unknown: bool,
}

impl Ctx<'_> {
    pub fn eval(&self, ir: &Ir, env: &mut [Value]) -> Value {
        match &ir.kind {
            IrKind::Const(v) => v.clone(),
            IrKind::Var(s) => env[*s as usize].clone(),
            IrKind::AsOf => Value::Date(self.as_of),
            IrKind::Company(c) => {
                if self.ds.table(*c).is_empty() {
                    Value::Missing
                } else {
                    Value::Obj(*c, 0)
                }
            }
            IrKind::Field { base, field, .. } => match self.eval(base, env) {
                Value::Obj(c, row) => self.ds.table(c).get(row, *field),
                _ => Value::Missing,
            },
            IrKind::Deref { base, target } => {
                if let IrKind::Field {
                    base: object,
                    coll,
                    field,
                } = &base.kind
                {
                    if let Value::Obj(c, row) = self.eval(object, env) {
                        if let Some(found) = self.indexes.resolved(c, *field, row) {
                            debug_assert_eq!(c, *coll);
                            return found.map_or(Value::Missing, |r| Value::Obj(*target, r));
                        }
                    }
                }
                let v = self.eval(base, env);
                match Key::of(&v, &self.ds.interner)
                    .and_then(|k| self.indexes.first_by_id(*target, &k))
                {
                    Some(row) => Value::Obj(*target, row),
                    None => Value::Missing,
                }
            }
            IrKind::List(items) => Value::List(
                items
                    .iter()
                    .map(|i| self.eval(i, env))
                    .collect::<Vec<_>>()
                    .into(),
            ),
            IrKind::Not(x) => match self.eval(x, env) {
                Value::Bool(b) => Value::Bool(!b),
                _ => Value::Missing,
            },
            IrKind::Neg(x) => match self.eval(x, env) {
                Value::Int(i) => i.checked_neg().map_or(Value::Missing, Value::Int),
                Value::Dec(d) => Value::Dec(-d),
                _ => Value::Missing,
            },
            // Three-valued, and short-circuit: a side that decides alone
            // (false for `and`, true for `or`) makes the other's value moot,
            // and evaluating has no effect besides its value.
            IrKind::And(a, b) => match self.eval(a, env) {
                Value::Bool(false) => Value::Bool(false),
                x => match (x, self.eval(b, env)) {
                    (_, Value::Bool(false)) => Value::Bool(false),
                    (Value::Bool(true), Value::Bool(true)) => Value::Bool(true),
                    _ => Value::Missing,
                },
            },
            IrKind::Or(a, b) => match self.eval(a, env) {
                Value::Bool(true) => Value::Bool(true),
                x => match (x, self.eval(b, env)) {
                    (_, Value::Bool(true)) => Value::Bool(true),
                    (Value::Bool(false), Value::Bool(false)) => Value::Bool(false),
                    _ => Value::Missing,
                },
            },
            IrKind::Cmp(op, a, b, names) => match (&a.kind, &b.kind) {
                (IrKind::Aggregate(AggregateOp::Count, join), _) => {
                    let bounds = self.count_bounds(join, env);
                    let y = self.eval(b, env);
                    self.count_compare(*op, bounds, &y)
                }
                (_, IrKind::Aggregate(AggregateOp::Count, join)) => {
                    let x = self.eval(a, env);
                    let bounds = self.count_bounds(join, env);
                    self.count_compare(op.flipped(), bounds, &x)
                }
                _ => {
                    let (x, y) = (self.eval(a, env), self.eval(b, env));
                    match (*names, op) {
                        (true, CmpOp::Eq | CmpOp::Ne) => match self.same_name(&x, &y) {
                            Some(same) => Value::Bool(same == (*op == CmpOp::Eq)),
                            None => cmp_holds(*op, self.compare(&x, &y)),
                        },
                        _ => cmp_holds(*op, self.compare(&x, &y)),
                    }
                }
            },
            IrKind::Arith(op, a, b) => {
                let (x, y) = (self.eval(a, env), self.eval(b, env));
                self.arith(*op, x, y)
            }
            IrKind::In {
                item,
                list,
                negated,
                names,
            } => {
                let x = self.eval(item, env);
                // A written list (`in ["a", "b"]`) is read item by item, not
                // built anew for every subject.
                if let (IrKind::List(items), false) = (&list.kind, x.is_missing()) {
                    let mut unknown = false;
                    for i in items {
                        match self.eval(i, env) {
                            Value::Missing => unknown = true,
                            v if self.compare(&v, &x) == Some(Ordering::Equal)
                                || (*names && self.same_name(&v, &x) == Some(true)) =>
                            {
                                return Value::Bool(!*negated)
                            }
                            _ => {}
                        }
                    }
                    // A missing item may be `x`: not found is not known.
                    return if unknown {
                        Value::Missing
                    } else {
                        Value::Bool(*negated)
                    };
                }
                let l = self.eval(list, env);
                match self.contains(&l, &x, *names) {
                    Some(found) => Value::Bool(found != *negated),
                    None => Value::Missing,
                }
            }
            IrKind::Contains(hay, needle, ContainsBy::Read) => {
                let (h, n) = (self.eval(hay, env), self.eval(needle, env));
                let interner = &self.ds.interner;
                match (h.as_text(interner), n.as_text(interner)) {
                    // Both read as `matches` reads a text (`ContainsBy::Read`).
                    (Some(h), Some(n)) => {
                        let n = crate::text::as_matched(n);
                        Value::Bool(crate::text::as_matched(h).contains(n.as_ref()))
                    }
                    _ => Value::Missing,
                }
            }
            IrKind::Contains(hay, needle, by) => {
                let (h, n) = (self.eval(hay, env), self.eval(needle, env));
                self.contains(&h, &n, *by == ContainsBy::Names)
                    .map_or(Value::Missing, Value::Bool)
            }
            IrKind::Matches(x, re, _) => match self.eval(x, env).as_text(&self.ds.interner) {
                Some(t) => Value::Bool(re.is_match(crate::text::as_matched(t).as_ref())),
                None => Value::Missing,
            },
            IrKind::Is { value, set } => Value::Bool(self.eval(value, env).is_missing() != *set),
            IrKind::Within {
                value,
                window,
                after,
                anchor,
            } => {
                let (v, w, a) = (
                    self.eval(value, env),
                    self.eval(window, env),
                    self.eval(anchor, env),
                );
                self.within(&v, &w, *after, &a)
            }
            // Built-ins take one or two arguments: no vector per call.
            IrKind::Call(f, args) => match args.as_slice() {
                [a] => self.call(*f, &[self.eval(a, env)]),
                [a, b] => self.call(*f, &[self.eval(a, env), self.eval(b, env)]),
                _ => {
                    let vals: Vec<Value> = args.iter().map(|a| self.eval(a, env)).collect();
                    self.call(*f, &vals)
                }
            },
            // `count` is known when no candidate is unknown (language.md,
            // "count and unknown candidates"); a comparison with it is
            // decided from its bounds (above).
            IrKind::Aggregate(AggregateOp::Count, join) => match self.count_bounds(join, env) {
                (lo, hi) if lo == hi => Value::Int(lo),
                _ => Value::Missing,
            },
            // Found, with no list of rows: true at the first
            // definitely-true candidate, else unknown if one was unknown.
            IrKind::Aggregate(AggregateOp::Exists, join) => {
                let mut found = false;
                let scan = self.join_scan(join, env, |_, known| {
                    found |= known;
                    // Whether to look further.
                    !known
                });
                if found {
                    Value::Bool(true)
                } else if scan.unknown || scan.key_missing {
                    Value::Missing
                } else {
                    Value::Bool(false)
                }
            }
        }
    }

    /// The least and the most a `count` over `join` can be: the candidates
    /// whose condition is definitely true, and those plus the unknown ones
    /// (every row of the collection when the probe key is missing).
    fn count_bounds(&self, join: &Join, env: &mut [Value]) -> (i64, i64) {
        let (mut known, mut unknown) = (0i64, 0i64);
        let scan = self.join_scan(join, env, |_, is_known| {
            if is_known {
                known += 1;
            } else {
                unknown += 1;
            }
            true
        });
        if scan.key_missing {
            return (0, self.ds.table(join.coll).len() as i64);
        }
        (known, known + unknown)
    }

    /// `count OP y` for a count between `lo` and `hi`: decided when every
    /// count in that range gives the same answer, else unknown.
    fn count_compare(&self, op: CmpOp, (lo, hi): (i64, i64), y: &Value) -> Value {
        let at = |n: i64| self.compare(&Value::Int(n), y);
        if lo == hi {
            return cmp_holds(op, at(lo));
        }
        let (from_lo, from_hi) = (at(lo), at(hi));
        match op {
            // Monotone in the count: the ends decide when they agree.
            CmpOp::Lt | CmpOp::Le | CmpOp::Gt | CmpOp::Ge => {
                match (cmp_holds(op, from_lo), cmp_holds(op, from_hi)) {
                    (Value::Bool(a), Value::Bool(b)) if a == b => Value::Bool(a),
                    _ => Value::Missing,
                }
            }
            // Equal to a value outside the range is false; inside it, the
            // count may or may not be it.
            CmpOp::Eq | CmpOp::Ne => {
                let outside = from_lo == Some(Ordering::Greater) || from_hi == Some(Ordering::Less);
                match (outside, op) {
                    (true, CmpOp::Eq) => Value::Bool(false),
                    (true, _) => Value::Bool(true),
                    (false, _) => Value::Missing,
                }
            }
        }
    }

    /// The rows of `join.coll` whose condition is definitely true, in input
    /// order. Uses the (collection, key field) index when the condition has
    /// an equality on a field of the joined variable.
    pub fn join(&self, join: &Join, env: &mut [Value]) -> JoinResult {
        let mut rows = Vec::new();
        let unknown = self.join_into(join, env, &mut rows);
        JoinResult { rows, unknown }
    }

    /// `join`, appending the rows to `out` (a buffer the caller reuses, so
    /// a join allocates nothing once it has grown); whether any candidate's
    /// condition was unknown.
    pub fn join_into(&self, join: &Join, env: &mut [Value], out: &mut Vec<u32>) -> bool {
        self.join_visit(join, env, |row| {
            out.push(row);
            true
        })
    }

    /// Calls `found` with each row of the join, in input order, until it
    /// returns false; whether any candidate's condition was unknown.
    fn join_visit(
        &self,
        join: &Join,
        env: &mut [Value],
        mut found: impl FnMut(u32) -> bool,
    ) -> bool {
        let scan = self.join_scan(join, env, |row, known| !known || found(row));
        scan.unknown || scan.key_missing
    }

    /// What a `forbid` needs of its join: the rows whose condition is
    /// definitely true (appended to `found`), those whose condition is
    /// unknown (to `unknown`), and whether the key the index is probed with
    /// was itself missing, so that no candidate could be told apart
    /// (docs/language.md, "forbid and missing values").
    pub fn forbid_join(
        &self,
        join: &Join,
        env: &mut [Value],
        found: &mut Vec<u32>,
        unknown: &mut Vec<u32>,
    ) -> bool {
        let scan = self.join_scan(join, env, |row, known| {
            match known {
                true => found.push(row),
                false => unknown.push(row),
            }
            true
        });
        scan.key_missing
    }

    /// Tests each candidate of the join, in input order: `visit(row, true)`
    /// for a definitely-true condition, `visit(row, false)` for an unknown
    /// one, until it returns false. A candidate whose condition is false is
    /// not visited; when the probe key is missing none is tested.
    fn join_scan(
        &self,
        join: &Join,
        env: &mut [Value],
        mut visit: impl FnMut(u32, bool) -> bool,
    ) -> Scan {
        let slot = join.slot as usize;
        let saved = std::mem::replace(&mut env[slot], Value::Missing);
        let mut result = Visit {
            unknown: false,
            done: false,
        };
        let mut key_missing = false;
        let table = self.ds.table(join.coll);
        let mut test = |row: u32, env: &mut [Value], result: &mut Visit| {
            if result.done {
                return;
            }
            env[slot] = Value::Obj(join.coll, row);
            match join
                .cond
                .as_ref()
                .map_or(Value::Bool(true), |c| self.eval(c, env))
            {
                Value::Bool(true) => result.done = !visit(row, true),
                Value::Bool(false) => {}
                _ => {
                    result.unknown = true;
                    result.done = !visit(row, false);
                }
            }
        };
        let index = join.key.as_ref().and_then(|(field, key_ir)| {
            Some((*field, key_ir, self.indexes.get(join.coll, *field)?))
        });
        match index {
            Some((field, key_ir, index)) => {
                let key_value = self.eval(key_ir, env);
                if key_value.is_missing() {
                    // `y.f == missing` is unknown for every candidate.
                    key_missing = !table.is_empty();
                } else {
                    let field_ty = &self.schema.collection(join.coll).field(field).ty;
                    match self.probe(index, key_value, field_ty) {
                        Some(keyed) if index.missing.is_empty() && keyed.1.is_empty() => {
                            for &row in keyed.0 {
                                test(row, env, &mut result);
                            }
                        }
                        Some((keyed, edge)) => {
                            // Rows without a key are candidates too, in input order.
                            let mut rows = keyed.to_vec();
                            rows.extend_from_slice(&index.missing);
                            rows.extend_from_slice(edge);
                            rows.sort_unstable();
                            rows.dedup();
                            for row in rows {
                                test(row, env, &mut result);
                            }
                        }
                        None => {
                            for row in 0..table.len() {
                                test(row, env, &mut result);
                            }
                        }
                    }
                }
            }
            None => {
                for row in 0..table.len() {
                    test(row, env, &mut result);
                }
            }
        }
        env[slot] = saved;
        Scan {
            unknown: result.unknown,
            key_missing,
        }
    }

    /// The candidates an index gives for a key field `== value` (present):
    /// the rows keyed by `value` and the rows that any probe of its type
    /// must test as well (`Index::edge`); `None` when no key stands for
    /// `value`, and every row is tested. A superset of the rows for which
    /// `==` is true or unknown (the condition is tested on each), never
    /// fewer: `==` through an index means what it means without one.
    fn probe<'i>(
        &self,
        index: &'i super::index::Index,
        value: Value,
        ty: &FieldType,
    ) -> Option<(&'i [u32], &'i [u32])> {
        match (value, ty) {
            // A date means the start of that day in the case time zone.
            (Value::Date(d), FieldType::DateTime) => {
                Some((index.rows(&Key::DateTime(self.start_of_day(d)?)), &[]))
            }
            // Equal to a day only at that day's start; days whose start is
            // no timestamp compare as unknown and are always tested.
            (Value::DateTime(t), FieldType::Date) => {
                let d = self.date_of(t)?;
                let keyed = match self.start_of_day(d) {
                    Some(start) if start == t => index.rows(&Key::Date(d)),
                    _ => &[],
                };
                Some((keyed, &index.edge))
            }
            // Text no loaded row holds is `==` to no key field.
            (v @ (Value::Sym(_) | Value::Str(_)), _) => Some((
                Key::of(&v, &self.ds.interner).map_or(&[][..], |k| index.rows(&k)),
                &[],
            )),
            (v, _) => Some((index.rows(&Key::of(&v, &self.ds.interner)?), &[])),
        }
    }

    /// Midnight of `d` in the case time zone. Uses the zone by reference:
    /// cloning it (an `Arc`) per comparison made worker threads contend on
    /// one reference count.
    pub fn start_of_day(&self, d: Date) -> Option<i64> {
        self.tz
            .to_timestamp(jiff::civil::DateTime::from(d))
            .ok()
            .map(|t| t.as_second())
    }

    /// A date against a datetime: the date's start of day. A day whose
    /// start is no timestamp (`date + permanent` is 9999-12-31, whose start
    /// lies past jiff's range in UTC and west of it; `- permanent` the
    /// first day) is ordered by the datetime's own date, which cannot be
    /// that day: a false "unknown" there let a destroyed permanent record
    /// through a `when` (hostile review, 2026-12-05).
    fn date_against(&self, d: Date, t: i64) -> Ordering {
        match self.start_of_day(d) {
            Some(start) => start.cmp(&t),
            None => match self.date_of(t) {
                // On that day, so past its (unrepresentable) start.
                Some(day) if day == d => Ordering::Less,
                Some(day) => d.cmp(&day),
                // `datetime ± permanent`: the end or the start of time.
                None if t > 0 => Ordering::Less,
                None => Ordering::Greater,
            },
        }
    }

    pub fn date_of(&self, secs: i64) -> Option<Date> {
        jiff::Timestamp::from_second(secs)
            .ok()
            .map(|t| self.tz.to_datetime(t).date())
    }

    pub fn compare(&self, a: &Value, b: &Value) -> Option<Ordering> {
        use Value::*;
        match (a, b) {
            (Missing, _) | (_, Missing) => None,
            (Sym(x), Sym(y)) if x == y => Some(Ordering::Equal),
            (Int(x), Int(y)) => Some(x.cmp(y)),
            (Int(x), Dec(y)) => (*x as f64).partial_cmp(y),
            (Dec(x), Int(y)) => x.partial_cmp(&(*y as f64)),
            (Dec(x), Dec(y)) => x.partial_cmp(y),
            (Bool(x), Bool(y)) => Some(x.cmp(y)),
            (Date(x), Date(y)) => Some(x.cmp(y)),
            (DateTime(x), DateTime(y)) => Some(x.cmp(y)),
            (Date(x), DateTime(y)) => Some(self.date_against(*x, *y)),
            (DateTime(x), Date(y)) => Some(self.date_against(*y, *x).reverse()),
            (Duration(x), Duration(y)) => Some(x.approx_seconds().cmp(&y.approx_seconds())),
            (List(x), List(y)) => {
                if x.len() != y.len() {
                    return Some(x.len().cmp(&y.len()));
                }
                for (p, q) in x.iter().zip(y.iter()) {
                    match self.compare(p, q)? {
                        Ordering::Equal => {}
                        other => return Some(other),
                    }
                }
                Some(Ordering::Equal)
            }
            (Obj(c, r), Obj(d, s)) if c == d => Some(r.cmp(s)),
            _ => {
                let (x, y) = (a.as_text(&self.ds.interner)?, b.as_text(&self.ds.interner)?);
                Some(x.cmp(y))
            }
        }
    }

    /// `hay contains needle` (list membership or substring); `None` = unknown.
    /// `names`: `hay` is a list of text from the data, whose items are
    /// compared as names, as the loader keeps each once (`王芳（签）`,
    /// `王　芳`, `监销人：王芳` are `王芳`; docs/inputs-and-reports.md,
    /// "repeated list items"; hostile review 2026-12-07: the approver
    /// witnessing as `王芳（签）` passed `not (d.witnesses contains ...)`).
    fn contains(&self, hay: &Value, needle: &Value, names: bool) -> Option<bool> {
        if needle.is_missing() {
            return None;
        }
        match hay {
            // Found, or not known when a missing item may be it (a list
            // written with a missing path in it, `[d.a, d.b]`; hostile
            // review, 2026-12-05: `not in` passed on it), as SQL's `IN`.
            Value::List(items) => {
                let interner = &self.ds.interner;
                // A needle that folds to nothing (a mark alone) is compared
                // as written: no item folds to nothing (such items are
                // dropped on reading).
                let key = match (names, needle.as_text(interner)) {
                    (true, Some(t)) => {
                        Some(crate::data::convert::name_key(t)).filter(|k| !k.is_empty())
                    }
                    _ => None,
                };
                let same_name = |i: &Value| match (&key, i.as_text(interner)) {
                    (Some(k), Some(t)) => crate::data::convert::name_key(t) == *k,
                    _ => false,
                };
                if items
                    .iter()
                    .any(|i| self.compare(i, needle) == Some(Ordering::Equal) || same_name(i))
                {
                    Some(true)
                } else if items.iter().any(Value::is_missing) {
                    None
                } else {
                    Some(false)
                }
            }
            _ => {
                let h = hay.as_text(&self.ds.interner)?;
                let n = needle.as_text(&self.ds.interner)?;
                Some(h.contains(n))
            }
        }
    }

    /// Whether two texts are one name, for a comparison marked `names`
    /// (`IrKind::Cmp`, a written list of `IrKind::In`): equal as written,
    /// or their `name_key`s equal, as [`Self::contains`] compares a list's
    /// items (a text that folds to nothing, a mark alone, is compared as
    /// written). `None` when either is missing or not text.
    fn same_name(&self, x: &Value, y: &Value) -> Option<bool> {
        let interner = &self.ds.interner;
        let (s, t) = (x.as_text(interner)?, y.as_text(interner)?);
        if s == t {
            return Some(true);
        }
        let key = crate::data::convert::name_key(s);
        Some(!key.is_empty() && crate::data::convert::name_key(t) == key)
    }

    fn arith(&self, op: ArithOp, x: Value, y: Value) -> Value {
        use Value::*;
        let num = |v: &Value| match v {
            Int(i) => Some(*i as f64),
            Dec(d) => Some(*d),
            _ => None,
        };
        match (op, &x, &y) {
            (_, Missing, _) | (_, _, Missing) => Missing,
            (ArithOp::Add, Int(a), Int(b)) => a.checked_add(*b).map_or(Missing, Int),
            (ArithOp::Sub, Int(a), Int(b)) => a.checked_sub(*b).map_or(Missing, Int),
            (ArithOp::Mul, Int(a), Int(b)) => a.checked_mul(*b).map_or(Missing, Int),
            (ArithOp::Add | ArithOp::Sub, Date(_) | DateTime(_), Duration(d)) => {
                self.shift(&x, *d, op == ArithOp::Sub)
            }
            (ArithOp::Add, Duration(d), Date(_) | DateTime(_)) => self.shift(&y, *d, false),
            _ => match (num(&x), num(&y)) {
                (Some(a), Some(b)) => {
                    let r = match op {
                        ArithOp::Add => a + b,
                        ArithOp::Sub => a - b,
                        ArithOp::Mul => a * b,
                        ArithOp::Div if b == 0.0 => return Missing,
                        ArithOp::Div => a / b,
                    };
                    Dec(r)
                }
                _ => Missing,
            },
        }
    }

    /// Calendar arithmetic in the case time zone; month ends clamp
    /// (2020-02-29 + 1 year = 2021-02-28). `permanent` goes to the end of time.
    pub fn shift(&self, v: &Value, d: Duration, back: bool) -> Value {
        let (months, days, seconds) = match d {
            Duration::Permanent => {
                return match (v, back) {
                    (Value::Date(_), false) => Value::Date(Date::MAX),
                    (Value::Date(_), true) => Value::Date(Date::MIN),
                    (_, false) => Value::DateTime(i64::MAX),
                    (_, true) => Value::DateTime(i64::MIN),
                }
            }
            Duration::Span {
                months,
                days,
                seconds,
            } => (months, days, seconds),
        };
        let sign = if back { -1 } else { 1 };
        let span = JSpan::new()
            .try_months(sign * months as i64)
            .and_then(|s| s.try_days(sign * days as i64))
            .and_then(|s| s.try_seconds(sign * seconds));
        let Ok(span) = span else {
            return Value::Missing;
        };
        match v {
            Value::Date(date) if seconds == 0 => {
                date.checked_add(span).map_or(Value::Missing, Value::Date)
            }
            Value::Date(date) => match self.start_of_day(*date) {
                Some(ts) => self.shift(&Value::DateTime(ts), d, back),
                None => Value::Missing,
            },
            Value::DateTime(ts) => {
                let Ok(t) = jiff::Timestamp::from_second(*ts) else {
                    return Value::Missing;
                };
                t.to_zoned(self.tz.clone())
                    .checked_add(span)
                    .map_or(Value::Missing, |z| {
                        Value::DateTime(z.timestamp().as_second())
                    })
            }
            _ => Value::Missing,
        }
    }

    fn within(&self, v: &Value, w: &Value, after: bool, anchor: &Value) -> Value {
        let Value::Duration(d) = w else {
            return Value::Missing;
        };
        if v.is_missing() || anchor.is_missing() {
            return Value::Missing;
        }
        let bound = self.shift(anchor, *d, !after);
        let (lo, hi) = if after {
            (anchor, &bound)
        } else {
            (&bound, anchor)
        };
        match (self.compare(lo, v), self.compare(v, hi)) {
            (Some(a), Some(b)) => Value::Bool(a != Ordering::Greater && b != Ordering::Greater),
            _ => Value::Missing,
        }
    }

    fn call(&self, f: Func, args: &[Value]) -> Value {
        let interner = &self.ds.interner;
        match (f, args) {
            (_, [Value::Missing, ..]) => Value::Missing,
            (Func::Len, [Value::List(l)]) => Value::Int(l.len() as i64),
            (Func::Len, [v]) => v
                .as_text(interner)
                .map_or(Value::Missing, |t| Value::Int(t.chars().count() as i64)),
            (Func::Lower, [v]) => v
                .as_text(interner)
                .map_or(Value::Missing, |t| Value::Str(Arc::from(t.to_lowercase()))),
            (Func::Upper, [v]) => v
                .as_text(interner)
                .map_or(Value::Missing, |t| Value::Str(Arc::from(t.to_uppercase()))),
            (Func::Date, [Value::DateTime(t)]) => {
                self.date_of(*t).map_or(Value::Missing, Value::Date)
            }
            (Func::Date, [d @ Value::Date(_)]) => d.clone(),
            (Func::Year, [v]) => self
                .to_date(v)
                .map_or(Value::Missing, |d| Value::Int(d.year() as i64)),
            (Func::EndOfYear, [v]) => self
                .to_date(v)
                .map_or(Value::Missing, |d| Value::Date(d.last_of_year())),
            (Func::DaysBetween, [a, b]) => match (self.to_date(a), self.to_date(b)) {
                (Some(a), Some(b)) => a
                    .until(b)
                    .map_or(Value::Missing, |s| Value::Int(s.get_days() as i64)),
                _ => Value::Missing,
            },
            (Func::CreditCodeValid, [v]) => v.as_text(interner).map_or(Value::Missing, |t| {
                Value::Bool(super::builtin::credit_code_valid(t))
            }),
            (Func::Deadline, [start, Value::Duration(d)]) => self.deadline(start, *d),
            _ => Value::Missing,
        }
    }

    /// `deadline(start, D)`: the calendar end `start + D` (the first day is
    /// not counted, 民法典 第二百零一条), moved past statutory rest days
    /// (第二百零三条). Unknown for hours, `permanent`, or a day outside the
    /// holiday calendar: a rule never passes on a guessed day.
    fn deadline(&self, start: &Value, d: Duration) -> Value {
        if !matches!(d, Duration::Span { seconds: 0, .. }) {
            return Value::Missing;
        }
        let Some(start) = self.to_date(start) else {
            return Value::Missing;
        };
        match self.shift(&Value::Date(start), d, false) {
            Value::Date(end) => {
                super::holidays::last_day_of_period(end).map_or(Value::Missing, Value::Date)
            }
            _ => Value::Missing,
        }
    }

    fn to_date(&self, v: &Value) -> Option<Date> {
        match v {
            Value::Date(d) => Some(*d),
            Value::DateTime(t) => self.date_of(*t),
            _ => None,
        }
    }
}

/// Whether `op` holds for an ordering (`None`: the values do not compare,
/// one is missing): unknown then.
fn cmp_holds(op: CmpOp, ord: Option<Ordering>) -> Value {
    match ord {
        None => Value::Missing,
        Some(ord) => Value::Bool(match op {
            CmpOp::Eq => ord == Ordering::Equal,
            CmpOp::Ne => ord != Ordering::Equal,
            CmpOp::Lt => ord == Ordering::Less,
            CmpOp::Le => ord != Ordering::Greater,
            CmpOp::Gt => ord == Ordering::Greater,
            CmpOp::Ge => ord != Ordering::Less,
        }),
    }
}
