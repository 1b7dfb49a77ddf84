//! Expressions -> Spark SQL with the evaluator's semantics: SQL `NULL` is
//! the language's unknown, and `AND`/`OR`/`NOT` are already Kleene's
//! three-valued logic. Ref navigation and `count`/`exists` are hoisted into
//! frame columns (`rules.rs`); the expression then names the column.

use crate::check::ir::{ArithOp, CmpOp, ContainsBy, Func, Ir, IrKind, Join};
use crate::i18n::Msg;
use crate::msg;
use crate::syntax::ast::{AggregateOp, Duration};
use crate::value::Value;

use super::rules::{RuleSql, R};
use super::types::{self, T};
use super::{ident, quote, CompileError};

impl RuleSql<'_> {
    fn ty(&self, ir: &Ir) -> T {
        types::ty(ir, &self.checked.schema, &self.slots)
    }

    /// `a == b` or `a != b` between two names (`IrKind::Cmp`): equal as
    /// written, or by the name keys custodia staged beside them
    /// (`stage::name_column`), as the native engine's `same_name`; unknown
    /// when either is missing. Refused where no key is staged: a `let` of
    /// a name, or a collection Spark reads in place.
    fn names_compared(&mut self, ir: &Ir, op: CmpOp, a: &Ir, b: &Ir) -> R<String> {
        let (Some(ka), Some(kb)) = (self.name_key(a)?, self.name_key(b)?) else {
            return Err(self.refuse(ir, msg!("sql-comparison-names")));
        };
        let (x, y) = (self.expr(a)?, self.expr(b)?);
        let same = format!(
            "(CASE WHEN {x} IS NULL OR {y} IS NULL THEN CAST(NULL AS BOOLEAN) ELSE ({x} = {y} OR ({ka} <> '' AND {ka} = {kb})) END)"
        );
        Ok(match op {
            CmpOp::Ne => format!("(NOT {same})"),
            _ => same,
        })
    }

    /// The staged name key of a name field (through `lower`/`upper`, which
    /// a name's key folds already); `None` where none is staged.
    fn name_key(&mut self, ir: &Ir) -> R<Option<String>> {
        match &ir.kind {
            IrKind::Call(Func::Lower | Func::Upper, args) if args.len() == 1 => {
                self.name_key(&args[0])
            }
            IrKind::Field { base, coll, field } if !self.in_place.contains(coll) => {
                let f = self.checked.schema.collection(*coll).field(*field);
                if !super::stage::names_staged(f) {
                    return Ok(None);
                }
                let b = self.expr(base)?;
                Ok(Some(format!(
                    "({b}).{}",
                    ident(&super::stage::name_column(&f.name))
                )))
            }
            _ => Ok(None),
        }
    }

    fn refuse(&self, ir: &Ir, what: Msg) -> CompileError {
        let text = super::comment(self.checked.sources.snippet(ir.span));
        let rule = self.rule.name.as_str();
        let what = msg!(
            "sql-refused-in-rule",
            clause = text,
            rule = rule,
            what = what
        );
        CompileError::at(self.checked, ir.span, what)
    }

    /// The first object of `target` whose id is `key` (`base`'s SQL), as
    /// a frame column: one `LEFT JOIN` per key and target in a frame.
    fn navigate(&mut self, base: &Ir, key: String, target: crate::value::CollId) -> String {
        if let Some((_, _, col)) = self
            .navigated
            .iter()
            .find(|(k, t, col)| *k == key && *t == target && self.frame.cols.contains(col))
        {
            return col.clone();
        }
        self.firsts.insert(target);
        let col = self.fresh("h");
        self.navigated.push((key.clone(), target, col.clone()));
        let what = format!(
            "ref navigation {} -> first `{}` with that id",
            super::comment(self.checked.sources.snippet(base.span)),
            self.checked.schema.collection(target).name
        );
        let join = format!("\nLEFT JOIN first_{} f ON f._id = ({key})", target.0);
        self.add_column(&what, "f._obj", &col, &join);
        col
    }

    /// How the shown value of `ir` (its SQL `v`, its type `t`) is
    /// masked: `check::pii::mark`'s answer, and for a ref's text
    /// (`Mark::Ref`) `Ctx::reads_pii`'s test made in SQL: masked unless
    /// every text names an object of the target (the id navigation's join)
    /// or reads like an id (`pii::looks_like_id`, [`looks_like_id`]).
    fn pii(&mut self, ir: &Ir, v: &str, t: &T) -> R<Pii> {
        use crate::check::pii::Mark;
        let target = match crate::check::pii::mark(&self.checked.schema, ir, &self.rule.pii_slots) {
            Mark::No => return Ok(Pii::No),
            Mark::Always => return Ok(Pii::Always),
            Mark::Ref(target) => target,
        };
        Ok(match t {
            T::Text => {
                let found = self.navigate(ir, v.to_string(), target);
                Pii::When(format!(
                    "NOT ({v} IS NULL OR {} OR {found} IS NOT NULL)",
                    looks_like_id(v)
                ))
            }
            // No subquery in a lambda: the texts that do not read like ids,
            // less the target's ids (one uncorrelated subquery), must be none.
            T::List(inner) if **inner == T::Text => {
                self.firsts.insert(target);
                Pii::When(format!(
                    "NOT ({v} IS NULL OR size(array_except(filter({v}, e -> e IS NOT NULL AND NOT {}), \
                     (SELECT collect_set(_id) FROM first_{}))) = 0)",
                    looks_like_id("e"),
                    target.0
                ))
            }
            T::Obj(_) | T::Null | T::EmptyList => Pii::No,
            _ => return Err(self.refuse(ir, msg!("sql-ref-text-type"))),
        })
    }

    pub fn expr(&mut self, ir: &Ir) -> R<String> {
        Ok(match &ir.kind {
            IrKind::Const(v) => self.constant(ir, v)?,
            IrKind::Var(s) => format!("v{s}"),
            IrKind::AsOf => format!("DATE'{}'", self.as_of()),
            IrKind::Company(c) => format!(
                "(SELECT min_by(struct(x.*), x._row) FROM {} x)",
                ident(&self.checked.schema.collection(*c).name)
            ),
            IrKind::Field { base, coll, field } => {
                let b = self.expr(base)?;
                let name = &self.checked.schema.collection(*coll).field(*field).name;
                format!("({b}).{}", ident(name))
            }
            IrKind::Deref { base, target } => {
                let key = self.expr(base)?;
                self.navigate(base, key, *target)
            }
            IrKind::List(items) => {
                let mut parts = Vec::new();
                for i in items {
                    parts.push(self.expr(i)?);
                }
                format!("array({})", parts.join(", "))
            }
            IrKind::Not(x) => format!("(NOT {})", self.expr(x)?),
            IrKind::Neg(x) => match self.ty(x) {
                T::Int => format!("try_multiply({}, -1)", self.expr(x)?),
                T::Dec => format!("(- {})", self.expr(x)?),
                _ => return Err(self.refuse(ir, msg!("sql-no-negation"))),
            },
            IrKind::And(a, b) => format!("({} AND {})", self.expr(a)?, self.expr(b)?),
            IrKind::Or(a, b) => format!("({} OR {})", self.expr(a)?, self.expr(b)?),
            // Two texts read from the data, compared as names (`王芳（签）`
            // is `王芳`, `IrKind::Cmp`): no Spark SQL function repeats the
            // folding, and `=` would pass what the native engine fails.
            IrKind::Cmp(op, a, b, true) => self.names_compared(ir, *op, a, b)?,
            IrKind::Cmp(op, a, b, false) => match (&a.kind, &b.kind) {
                (IrKind::Aggregate(AggregateOp::Count, join), _) => {
                    let bounds = self.count_bounds(a, join)?;
                    let (tb, y) = (self.ty(b), self.expr(b)?);
                    self.count_compare(ir, *op, &bounds, &y, &tb)?
                }
                (_, IrKind::Aggregate(AggregateOp::Count, join)) => {
                    let (ta, x) = (self.ty(a), self.expr(a)?);
                    let bounds = self.count_bounds(b, join)?;
                    self.count_compare(ir, op.flipped(), &bounds, &x, &ta)?
                }
                _ => {
                    let (ta, tb) = (self.ty(a), self.ty(b));
                    let (x, y) = (self.expr(a)?, self.expr(b)?);
                    self.compare(ir, *op, &x, &ta, &y, &tb)?
                }
            },
            IrKind::Arith(op, a, b) => self.arith(ir, *op, a, b)?,
            IrKind::In {
                item,
                list,
                negated,
                names,
            } => {
                let found = self.member(ir, list, item, *names)?;
                if *negated {
                    format!("(NOT {found})")
                } else {
                    found
                }
            }
            IrKind::Contains(hay, needle, by) => match self.ty(hay) {
                T::List(_) | T::EmptyList => {
                    self.member(ir, hay, needle, *by == ContainsBy::Names)?
                }
                T::Text => {
                    if self.ty(needle) != T::Text {
                        return Err(self.refuse(ir, msg!("sql-contains-non-text")));
                    }
                    let (h, n) = (self.expr(hay)?, self.expr(needle)?);
                    match (by, &needle.kind) {
                        // Text in text, both read as `matches` reads a text
                        // (`ContainsBy::Read`); a literal is read here.
                        (ContainsBy::Read, IrKind::Const(Value::Str(s))) => format!(
                            "contains({}, {})",
                            as_matched(&h),
                            quote(&crate::text::as_matched(s))
                        ),
                        (ContainsBy::Read, _) => {
                            format!("contains({}, {})", as_matched(&h), as_matched(&n))
                        }
                        _ => format!("contains({h}, {n})"),
                    }
                }
                _ => return Err(self.refuse(ir, msg!("sql-contains-type"))),
            },
            IrKind::Matches(x, ..) => {
                let pattern = self.pattern(ir, x)?;
                let pattern = crate::text::matched_pattern(&pattern);
                format!("({} RLIKE {})", as_matched(&self.expr(x)?), quote(&pattern))
            }
            IrKind::Is { value, set } => {
                let v = self.expr(value)?;
                if *set {
                    format!("({v} IS NOT NULL)")
                } else {
                    format!("({v} IS NULL)")
                }
            }
            IrKind::Within {
                value,
                window,
                after,
                anchor,
            } => self.within(ir, value, window, *after, anchor)?,
            IrKind::Call(f, args) => self.call(ir, *f, args)?,
            // A count is known when no candidate is unknown, as natively
            // (language.md, "count and unknown candidates").
            IrKind::Aggregate(AggregateOp::Count, join) => {
                let b = self.count_bounds(ir, join)?;
                format!("(CASE WHEN ({b}).lo = ({b}).hi THEN ({b}).lo END)")
            }
            IrKind::Aggregate(AggregateOp::Exists, join) => {
                // A frame row no candidate met has no group: false.
                let value = "CASE WHEN a.n > 0 THEN TRUE WHEN a.m > 0 THEN CAST(NULL AS BOOLEAN) ELSE FALSE END";
                self.aggregate(ir, join, value)?
            }
        })
    }

    /// A column of the frame holding, per frame row, `value` over the
    /// counts of `join`'s candidates: `a.n` definitely true, `a.m` unknown
    /// (`NULL` for a frame row that no candidate met).
    fn aggregate(&mut self, ir: &Ir, join: &Join, value: &str) -> R<String> {
        let outer = self.frame.clone();
        let what = format!(
            "{} (per frame row)",
            super::comment(self.checked.sources.snippet(ir.span))
        );
        let c = self.candidates(join, &what)?;
        let cands = self.frame.clone();
        let agg = self.cte(
            &format!("{what}: counted"),
            format!(
                "SELECT _pk, count_if({c}) AS n, count_if({c} IS NULL) AS m FROM {} GROUP BY _pk",
                cands.name
            ),
        );
        self.frame = outer;
        let col = self.fresh("h");
        let join = format!("\nLEFT JOIN {agg} a ON a._pk = p._k");
        self.add_column(&what, value, &col, &join);
        Ok(col)
    }

    /// A struct column `lo`, `hi`: the least and the most a `count` over
    /// `join` can be (its definitely-true candidates; those plus the
    /// unknown ones).
    fn count_bounds(&mut self, ir: &Ir, join: &Join) -> R<String> {
        let value = "named_struct('lo', coalesce(a.n, CAST(0 AS BIGINT)), \
                     'hi', coalesce(a.n, CAST(0 AS BIGINT)) + coalesce(a.m, CAST(0 AS BIGINT)))";
        self.aggregate(ir, join, value)
    }

    /// `count OP y` for a count between the bounds of the struct column
    /// `b` (see `eval::expr::count_compare`): decided when every count in
    /// that range gives the same answer, else unknown.
    fn count_compare(&self, ir: &Ir, op: CmpOp, b: &str, y: &str, ty: &T) -> R<String> {
        let (lo, hi) = (format!("({b}).lo"), format!("({b}).hi"));
        let at = |op, n: &str| self.compare(ir, op, n, &T::Int, y, ty);
        Ok(match op {
            CmpOp::Lt | CmpOp::Le | CmpOp::Gt | CmpOp::Ge => {
                let (l, h) = (at(op, &lo)?, at(op, &hi)?);
                format!("(CASE WHEN {l} = {h} THEN {l} END)")
            }
            CmpOp::Eq | CmpOp::Ne => {
                let eq = at(CmpOp::Eq, &lo)?;
                let (below, above) = (at(CmpOp::Gt, &lo)?, at(CmpOp::Lt, &hi)?);
                let decided = format!(
                    "(CASE WHEN {lo} = {hi} THEN {eq} WHEN {below} OR {above} THEN FALSE END)"
                );
                match op {
                    CmpOp::Eq => decided,
                    _ => format!("(NOT {decided})"),
                }
            }
        })
    }

    fn as_of(&self) -> String {
        self.as_of.to_string()
    }

    fn constant(&self, ir: &Ir, v: &Value) -> R<String> {
        Ok(match v {
            Value::Missing => "NULL".into(),
            Value::Bool(b) => if *b { "TRUE" } else { "FALSE" }.into(),
            Value::Int(i) => format!("CAST({i} AS BIGINT)"),
            Value::Dec(d) if d.is_finite() => format!("CAST('{d}' AS DOUBLE)"),
            Value::Str(s) => quote(s),
            Value::Date(d) if d.year() >= 1 => format!("DATE'{d}'"),
            Value::DateTime(t) => format!("timestamp_seconds({t})"),
            Value::Duration(d) => duration_literal(*d),
            Value::List(items) if items.is_empty() => "array()".into(),
            Value::List(items) => {
                let parts: R<Vec<String>> = items.iter().map(|i| self.constant(ir, i)).collect();
                format!("array({})", parts?.join(", "))
            }
            _ => return Err(self.refuse(ir, msg!("sql-constant"))),
        })
    }

    /// `a OP b` with the evaluator's coercions: a date against a datetime
    /// is the start of that day in the session (case) time zone.
    pub fn compare(&self, ir: &Ir, op: CmpOp, x: &str, ta: &T, y: &str, tb: &T) -> R<String> {
        let sym = match op {
            CmpOp::Eq => "=",
            CmpOp::Ne => "<>",
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        };
        let (x, y) = match (ta, tb) {
            (T::Null, _) | (_, T::Null) => return Ok("CAST(NULL AS BOOLEAN)".into()),
            (T::Date, T::DateTime) => (format!("CAST({x} AS TIMESTAMP)"), y.to_string()),
            (T::DateTime, T::Date) => (x.to_string(), format!("CAST({y} AS TIMESTAMP)")),
            (T::Duration, T::Duration) => (approx_seconds(x), approx_seconds(y)),
            (T::Obj(c), T::Obj(d)) if c == d => (format!("({x})._row"), format!("({y})._row")),
            (T::Int | T::Dec, T::Int | T::Dec) => (x.to_string(), y.to_string()),
            (a, b) if a == b && matches!(a, T::Text | T::Bool | T::Date | T::DateTime) => {
                (x.to_string(), y.to_string())
            }
            _ => return Err(self.refuse(ir, msg!("sql-comparison"))),
        };
        Ok(format!("({x} {sym} {y})"))
    }

    /// `item in list`: list membership, unknown when the item or the list
    /// is missing (staged and literal lists hold no missing items).
    fn member(&mut self, ir: &Ir, list: &Ir, item: &Ir, names: bool) -> R<String> {
        // Items compared as names (`王芳（签）` is `王芳`, `IrKind::In`):
        // the folding is custodia's, which no Spark SQL function repeats;
        // `array_contains` would compare as written and could pass what
        // the native engine fails.
        if names {
            let why = match list.kind {
                IrKind::List(_) => msg!("sql-comparison-names"),
                _ => msg!("sql-membership-names"),
            };
            return Err(self.refuse(ir, why));
        }
        let (tl, ti) = (self.ty(list), self.ty(item));
        let i = self.expr(item)?;
        match tl {
            T::EmptyList => {
                let l = self.expr(list)?;
                Ok(format!("CASE WHEN {i} IS NULL OR {l} IS NULL THEN CAST(NULL AS BOOLEAN) ELSE FALSE END"))
            }
            // A staged list holds its items' text: only lists of text are
            // compared item by item; literal lists keep their type.
            T::List(inner)
                if *inner == ti
                    && (ti == T::Text
                        || (!is_staged(list) && matches!(ti, T::Int | T::Bool | T::Date))) =>
            {
                let l = self.expr(list)?;
                Ok(format!("array_contains({l}, {i})"))
            }
            _ => Err(self.refuse(ir, msg!("sql-membership"))),
        }
    }

    fn arith(&mut self, ir: &Ir, op: ArithOp, a: &Ir, b: &Ir) -> R<String> {
        let (ta, tb) = (self.ty(a), self.ty(b));
        match (op, &ta, &tb) {
            (ArithOp::Add | ArithOp::Sub | ArithOp::Mul, T::Int, T::Int) => {
                let f = match op {
                    ArithOp::Add => "try_add",
                    ArithOp::Sub => "try_subtract",
                    _ => "try_multiply",
                };
                Ok(format!("{f}({}, {})", self.expr(a)?, self.expr(b)?))
            }
            (ArithOp::Add | ArithOp::Sub, x, T::Duration) if x.is_time() => {
                let base = self.expr(a)?;
                self.shift(ir, &base, x, b, op == ArithOp::Sub)
            }
            (ArithOp::Add, T::Duration, y) if y.is_time() => {
                let base = self.expr(b)?;
                self.shift(ir, &base, y, a, false)
            }
            (_, T::Int | T::Dec, T::Int | T::Dec) => {
                let (x, y) = (self.expr(a)?, self.expr(b)?);
                let (x, y) = (
                    format!("CAST({x} AS DOUBLE)"),
                    format!("CAST({y} AS DOUBLE)"),
                );
                Ok(match op {
                    ArithOp::Add => format!("({x} + {y})"),
                    ArithOp::Sub => format!("({x} - {y})"),
                    ArithOp::Mul => format!("({x} * {y})"),
                    ArithOp::Div => format!("try_divide({x}, {y})"),
                })
            }
            _ => Err(self.refuse(ir, msg!("sql-arithmetic"))),
        }
    }

    /// Calendar arithmetic in the session time zone: months first (month
    /// ends clamp: `add_months`), then days, then seconds as elapsed time,
    /// as the evaluator (jiff) does. `permanent` is the end of time.
    fn shift(&mut self, ir: &Ir, base: &str, tb: &T, dur: &Ir, back: bool) -> R<String> {
        let sign = if back { -1 } else { 1 };
        if let IrKind::Const(Value::Duration(d)) = &dur.kind {
            return match (*d, tb) {
                (Duration::Permanent, _) if back => {
                    Err(self.refuse(ir, msg!("sql-minus-permanent")))
                }
                (Duration::Permanent, T::Date) => Ok(format!(
                    "CASE WHEN {base} IS NULL THEN CAST(NULL AS DATE) ELSE DATE'9999-12-31' END"
                )),
                (Duration::Permanent, _) => {
                    Err(self.refuse(ir, msg!("sql-datetime-plus-permanent")))
                }
                (
                    Duration::Span {
                        months,
                        days,
                        seconds: 0,
                    },
                    T::Date,
                ) => Ok(date_shift(
                    base,
                    &(sign * months).to_string(),
                    &(sign * days).to_string(),
                )),
                (
                    Duration::Span {
                        months,
                        days,
                        seconds,
                    },
                    T::Date,
                ) => Ok(ts_shift(
                    &format!("CAST({base} AS TIMESTAMP)"),
                    &(sign * months).to_string(),
                    &(sign * days).to_string(),
                    &(sign as i64 * seconds).to_string(),
                )),
                (
                    Duration::Span {
                        months,
                        days,
                        seconds,
                    },
                    _,
                ) => Ok(ts_shift(
                    base,
                    &(sign * months).to_string(),
                    &(sign * days).to_string(),
                    &(sign as i64 * seconds).to_string(),
                )),
            };
        }
        if back {
            return Err(self.refuse(ir, msg!("sql-minus-data-duration")));
        }
        let d = self.expr(dur)?;
        let (m, dd, s) = (
            format!("{d}.months"),
            format!("{d}.days"),
            format!("{d}.seconds"),
        );
        match tb {
            T::Date => Ok(format!(
                "CASE WHEN {d}.perm THEN DATE'9999-12-31' WHEN {s} <> 0 THEN {} ELSE {} END",
                super::inplace::raise("spark-run-date-plus-hours", &[]),
                date_shift(base, &m, &dd)
            )),
            _ => Err(self.refuse(ir, msg!("sql-datetime-plus-data-duration"))),
        }
    }

    fn within(&mut self, ir: &Ir, value: &Ir, window: &Ir, after: bool, anchor: &Ir) -> R<String> {
        let (tv, ta) = (self.ty(value), self.ty(anchor));
        if !tv.is_time() || !ta.is_time() {
            return Err(self.refuse(ir, msg!("sql-within")));
        }
        let v = self.expr(value)?;
        let a = self.expr(anchor)?;
        let w = self.expr(window)?;
        let bound = self.shift(ir, &a, &ta, window, !after)?;
        let tbound = match (&ta, &window.kind) {
            (T::Date, IrKind::Const(Value::Duration(Duration::Span { seconds, .. })))
                if *seconds != 0 =>
            {
                T::DateTime
            }
            _ => ta.clone(),
        };
        let (lo, tlo, hi, thi) = if after {
            (a.clone(), ta.clone(), bound.clone(), tbound)
        } else {
            (bound.clone(), tbound, a.clone(), ta.clone())
        };
        let c1 = self.compare(ir, CmpOp::Le, &lo, &tlo, &v, &tv)?;
        let c2 = self.compare(ir, CmpOp::Le, &v, &tv, &hi, &thi)?;
        Ok(format!(
            "CASE WHEN {v} IS NULL OR {a} IS NULL OR {w} IS NULL OR {bound} IS NULL THEN CAST(NULL AS BOOLEAN) ELSE ({c1} AND {c2}) END"
        ))
    }

    fn call(&mut self, ir: &Ir, f: Func, args: &[Ir]) -> R<String> {
        let t0 = args.first().map(|a| self.ty(a)).unwrap_or(T::Null);
        let mut xs = Vec::new();
        for a in args {
            xs.push(self.expr(a)?);
        }
        let x = xs.first().cloned().unwrap_or_default();
        let as_date = |x: &str, t: &T| match t {
            T::DateTime => Ok(format!("CAST({x} AS DATE)")),
            T::Date => Ok(x.to_string()),
            _ => Err(()),
        };
        Ok(match (f, &t0) {
            (Func::Len, T::List(_) | T::EmptyList) => format!("CAST(size({x}) AS BIGINT)"),
            (Func::Len, T::Text) => format!("CAST(char_length({x}) AS BIGINT)"),
            (Func::Lower, T::Text) => format!("lower({x})"),
            (Func::Upper, T::Text) => format!("upper({x})"),
            (Func::Date | Func::Year | Func::EndOfYear, t) if t.is_time() => {
                let d = as_date(&x, t).map_err(|_| self.refuse(ir, msg!("sql-not-a-date")))?;
                match f {
                    Func::Date => d,
                    Func::Year => format!("CAST(year({d}) AS BIGINT)"),
                    _ => format!("make_date(year({d}), 12, 31)"),
                }
            }
            (Func::DaysBetween, t) if t.is_time() => {
                let t1 = self.ty(&args[1]);
                let a = as_date(&x, t).map_err(|_| self.refuse(ir, msg!("sql-not-a-date")))?;
                let b =
                    as_date(&xs[1], &t1).map_err(|_| self.refuse(ir, msg!("sql-not-a-date")))?;
                format!("CAST(datediff({b}, {a}) AS BIGINT)")
            }
            (Func::CreditCodeValid, T::Text) => credit_code_valid(&x),
            (Func::Deadline, t) if t.is_time() => {
                let start = as_date(&x, t).map_err(|_| self.refuse(ir, msg!("sql-not-a-date")))?;
                let end = self.calendar_end(ir, &start, &args[1], &xs[1])?;
                last_day_of_period(&end)
            }
            _ => return Err(self.refuse(ir, msg!("sql-call"))),
        })
    }

    /// `deadline`'s calendar end `start + D` (first day not counted):
    /// unknown, as natively, for hours or `permanent`.
    fn calendar_end(&self, ir: &Ir, start: &str, period: &Ir, d: &str) -> R<String> {
        match &period.kind {
            IrKind::Const(Value::Duration(Duration::Span {
                months,
                days,
                seconds: 0,
            })) => Ok(date_shift(start, &months.to_string(), &days.to_string())),
            IrKind::Const(_) => Err(self.refuse(ir, msg!("sql-deadline-period"))),
            _ => Ok(format!(
                "CASE WHEN {d}.perm OR {d}.seconds <> 0 THEN CAST(NULL AS DATE) ELSE {} END",
                date_shift(start, &format!("{d}.months"), &format!("{d}.days"))
            )),
        }
    }

    /// The regex of `x matches "..."`, read from the policy text, if it is
    /// in the subset where Java's regex (Spark) and custodia's agree:
    /// literals, classes, anchors, groups, alternation, quantifiers.
    fn pattern(&self, ir: &Ir, x: &Ir) -> R<String> {
        let text = &self.checked.sources.get(ir.span.file).text;
        let tail = text
            .get(x.span.end as usize..ir.span.end as usize)
            .unwrap_or("");
        let lit = tail
            .trim_start()
            .strip_prefix("matches")
            .map(str::trim)
            .and_then(|s| s.strip_prefix('"'))
            .and_then(|s| s.strip_suffix('"'))
            .ok_or_else(|| self.refuse(ir, msg!("sql-pattern-unreadable")))?;
        let mut pattern = String::new();
        let mut chars = lit.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some('"') => pattern.push('"'),
                    _ => return Err(self.refuse(ir, msg!("sql-pattern-escape"))),
                }
            } else if c == '.' || (c as u32) > 0xFFFF || c == '&' || c == '~' {
                return Err(self.refuse(ir, msg!("sql-pattern-char", char = c.to_string())));
            } else if c == '(' && chars.clone().next() == Some('?') {
                return Err(self.refuse(ir, msg!("sql-pattern-flags")));
            } else if c == '[' && chars.clone().next() == Some('[') {
                return Err(self.refuse(ir, msg!("sql-pattern-nested-class")));
            } else {
                pattern.push(c);
            }
        }
        Ok(pattern)
    }

    /// A message hole: the value as the report shows it (`display`), PII
    /// masked, `[hole missing]` (`hole-missing`, in the set's language) for unknown.
    pub fn hole(&mut self, ir: &Ir) -> R<String> {
        let t = self.ty(ir);
        let v = self.expr(ir)?;
        let pii = self.pii(ir, &v, &t)?;
        let v = match (&pii, &t) {
            (Pii::No, T::Text) => self.labelled(ir, v),
            _ => v,
        };
        let shown = self.display(ir, &v, &t, &pii)?;
        let name = hole_text(self.checked, ir);
        Ok(format!(
            "coalesce({shown}, {})",
            quote(&crate::t!(self.checked.lang, "hole-missing", hole = name))
        ))
    }

    /// An enum field's code `v` by its label in the set's language
    /// (`"query" en "consulted"`), as the native engine fills a hole
    /// (`eval::explain::Ctx::hole_value`); other values as they are.
    fn labelled(&self, ir: &Ir, v: String) -> String {
        let IrKind::Field { coll, field, .. } = &ir.kind else {
            return v;
        };
        let labels = &self.checked.schema.collection(*coll).field(*field).labels;
        let mut whens: Vec<(&String, &String)> = labels
            .iter()
            .filter_map(|(code, l)| Some((code, l.written_for(self.checked.lang)?)))
            .collect();
        if whens.is_empty() {
            return v;
        }
        whens.sort();
        let arms: String = whens
            .iter()
            .map(|(code, label)| format!(" WHEN {} THEN {}", quote(code), quote(label)))
            .collect();
        format!("CASE {v}{arms} ELSE {v} END")
    }

    fn display(&self, ir: &Ir, v: &str, t: &T, pii: &Pii) -> R<String> {
        let text = match t {
            T::Text => v.to_string(),
            T::Date if self.zh_dates => {
                let iso = format!("CAST({v} AS STRING)");
                let zh = format!(
                    "concat(CAST(year({v}) AS STRING), '年', CAST(month({v}) AS STRING), '月', CAST(day({v}) AS STRING), '日')"
                );
                return Ok(match pii {
                    Pii::No => zh,
                    Pii::Always => mask(&iso),
                    Pii::When(c) => format!("CASE WHEN {c} THEN {} ELSE {zh} END", mask(&iso)),
                });
            }
            T::Int | T::Bool | T::Date => format!("CAST({v} AS STRING)"),
            T::DateTime => format!("date_format({v}, 'yyyy-MM-dd\\'T\\'HH:mm:ssxxx')"),
            T::Duration => duration_text(v),
            T::Obj(c) => {
                let coll = self.checked.schema.collection(*c);
                return Ok(if coll.id_field().is_some() {
                    format!("({v}).`id`")
                } else {
                    format!("concat(({v})._file, ':', CAST(({v})._line AS STRING))")
                });
            }
            // A missing item reads `missing`, as `Ctx::display` writes it.
            T::List(inner) if **inner == T::Text => {
                return Ok(format!(
                    "concat('[', array_join({}, ', ', 'missing'), ']')",
                    masked_list(v, pii)
                ));
            }
            T::EmptyList => return Ok(format!("CASE WHEN {v} IS NULL THEN NULL ELSE '[]' END")),
            T::Null => return Ok("CAST(NULL AS STRING)".into()),
            _ => return Err(self.refuse(ir, msg!("sql-show-type"))),
        };
        Ok(match pii {
            Pii::No => text,
            Pii::Always => mask(&text),
            Pii::When(c) => format!("CASE WHEN {c} THEN {} ELSE {text} END", mask(&text)),
        })
    }
}

/// Whether a shown value is masked: never, always, or when the SQL
/// condition holds (a ref's text that names no object, `RuleSql::pii`).
pub enum Pii {
    No,
    Always,
    When(String),
}

/// A list of texts with each item masked as `pii` says.
fn masked_list(v: &str, pii: &Pii) -> String {
    match pii {
        Pii::No => v.to_string(),
        Pii::Always => format!("transform({v}, e -> {})", mask("e")),
        Pii::When(c) => format!(
            "CASE WHEN {c} THEN transform({v}, e -> {}) ELSE {v} END",
            mask("e")
        ),
    }
}

/// `crate::pii::looks_like_id` in SQL (`s` a text): ASCII letters, digits
/// and `-_.:/#` only, at most 40, with a letter and a digit, or digits
/// only and at most 6, and no personal document number (7 digits or more
/// with at most two letters at each end); or a code written in Chinese
/// (`pii::looks_like_chinese_code`: Chinese characters by the ranges of
/// `pii::is_han`, at most 8 of them, at least 3 digits, no run of 7, no
/// car plate). `\z`, not `$`: Java's `$` also matches before a final line
/// break.
pub fn looks_like_id(s: &str) -> String {
    format!(
        "(({s} RLIKE '^[A-Za-z0-9_.:/#-]{{1,40}}\\\\z' AND (({s} RLIKE '[A-Za-z]' AND {s} RLIKE '[0-9]') OR {s} RLIKE '^[0-9]{{1,6}}\\\\z') AND NOT {s} RLIKE '^[A-Za-z]{{0,2}}[0-9]{{7,}}[A-Za-z]{{0,2}}\\\\z') OR {})",
        chinese_code(s)
    )
}

/// `pii::looks_like_chinese_code` in SQL (Java regular expressions).
fn chinese_code(s: &str) -> String {
    const HAN: &str = "\\\\x{3400}-\\\\x{4DBF}\\\\x{4E00}-\\\\x{9FFF}\\\\x{F900}-\\\\x{FAFF}";
    format!(
        "({s} RLIKE '^[{HAN}A-Za-z0-9_.:/#-]{{1,40}}\\\\z' AND {s} RLIKE '[{HAN}]' \
         AND NOT {s} RLIKE '([{HAN}].*){{9}}' AND {s} RLIKE '[0-9].*[0-9].*[0-9]' \
         AND NOT {s} RLIKE '[0-9]{{7}}' AND NOT {s} RLIKE '^[{HAN}][A-Za-z][A-Za-z0-9]{{5,6}}\\\\z')"
    )
}

impl RuleSql<'_> {
    /// `eval::explain`'s `values` of a failing clause in SQL: the same
    /// paths, calls, aggregates and `let`s, outermost first, each once,
    /// with their texts (known here) and one SQL column per value, an
    /// array of `{"v": value}` JSON texts in the native engine's JSON
    /// (`Ctx::to_json`). `unbound`: the slot of a `match` that found
    /// nothing, whose paths have no value to show.
    pub fn values(&mut self, ir: Option<&Ir>, unbound: Option<u16>) -> R<(Vec<String>, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        if let Some(ir) = ir {
            self.collect_values(ir, unbound, &mut out)?;
        }
        if out.is_empty() {
            return Ok((vec![], "CAST(array() AS ARRAY<STRING>)".into()));
        }
        let (keys, jsons): (Vec<String>, Vec<String>) = out.into_iter().unzip();
        let items: Vec<String> = jsons
            .iter()
            .map(|j| format!("to_json(named_struct('v', {j}), map('ignoreNullFields', 'false'))"))
            .collect();
        Ok((keys, format!("array({})", items.join(", "))))
    }

    fn collect_values(
        &mut self,
        ir: &Ir,
        unbound: Option<u16>,
        out: &mut Vec<(String, String)>,
    ) -> R<()> {
        use crate::eval::explain::{expression_text, root_slot};
        if unbound.is_some_and(|s| root_slot(ir) == Some(s)) {
            return Ok(());
        }
        let t = self.ty(ir);
        // The evaluator tests the value for an object; the type says the
        // same before the data is read.
        let shown = match &ir.kind {
            IrKind::Field { .. } | IrKind::Call(..) | IrKind::Aggregate(..) | IrKind::AsOf => true,
            IrKind::Var(_) => !matches!(t, T::Obj(_)),
            _ => false,
        };
        if shown {
            let text = expression_text(self.checked, ir);
            if !matches!(t, T::Obj(_)) && !out.iter().any(|(k, _)| *k == text) {
                let json = self.json_value(ir, &t)?;
                out.push((text, json));
            }
            if !matches!(ir.kind, IrKind::Call(..)) {
                return Ok(());
            }
        }
        match &ir.kind {
            IrKind::Call(_, args) => {
                for a in args {
                    self.collect_values(a, unbound, out)?;
                }
            }
            IrKind::Aggregate(..) | IrKind::Field { .. } => {}
            _ => {
                for c in ir.children() {
                    self.collect_values(c, unbound, out)?;
                }
            }
        }
        Ok(())
    }

    /// `Ctx::to_json` in SQL: bools and (unmasked) numbers as JSON
    /// values, lists as arrays, anything else as its report text, masked
    /// when it reads personal data; missing is `null`.
    fn json_value(&mut self, ir: &Ir, t: &T) -> R<String> {
        let v = self.expr(ir)?;
        let pii = self.pii(ir, &v, t)?;
        let plain = matches!(pii, Pii::No);
        Ok(match t {
            T::Bool => v,
            T::Int if plain => v,
            // serde_json has no NaN or infinity: the evaluator shows null.
            T::Dec if plain => format!(
                "CASE WHEN isnan({v}) OR abs({v}) = double('inf') THEN CAST(NULL AS DOUBLE) ELSE {v} END"
            ),
            T::Dec => {
                return Err(self.refuse(
                    ir,
                    msg!("sql-show-masked-decimal"),
                ))
            }
            T::List(inner) if **inner == T::Text => masked_list(&v, &pii),
            T::List(_) => {
                return Err(self.refuse(
                    ir,
                    msg!("sql-show-list"),
                ))
            }
            T::EmptyList => {
                format!("CASE WHEN {v} IS NULL THEN NULL ELSE CAST(array() AS ARRAY<STRING>) END")
            }
            T::Null | T::Obj(_) => "CAST(NULL AS STRING)".into(),
            T::Text | T::Int | T::Date | T::DateTime | T::Duration => self.display(ir, &v, t, &pii)?,
        })
    }
}

/// `crate::pii::mask` in SQL: short values become `***`, longer ones show
/// only their last characters.
fn mask(s: &str) -> String {
    use crate::pii::{MAX_SHOWN, SHORT, SHORT_MASK, SHOWN_ONE_IN};
    format!(
        "CASE WHEN {s} IS NULL THEN NULL WHEN char_length({s}) < {SHORT} THEN '{SHORT_MASK}' \
         ELSE concat(repeat('*', char_length({s}) - least(char_length({s}) div {SHOWN_ONE_IN}, {MAX_SHOWN})), \
         right({s}, least(char_length({s}) div {SHOWN_ONE_IN}, {MAX_SHOWN}))) END"
    )
}

/// The view of `eval::holidays::rest_days`, written into the script when
/// a rule calls `deadline` (`calendar_view`).
pub const CALENDAR_VIEW: &str = "custodia_rest_days";

/// `holidays::last_day_of_period` in SQL: a day outside the calendar is
/// unknown, a rest day moves to the day after its run (unknown when the run
/// reaches past the calendar), any other day stays. The map of rest days
/// is one uncorrelated scalar subquery, computed once per query.
fn last_day_of_period(end: &str) -> String {
    use crate::eval::holidays::{FIRST_DAY, LAST_DAY};
    let moved = format!(
        "(SELECT map_from_entries(collect_list(struct(day, last_day))) FROM {CALENDAR_VIEW})"
    );
    format!(
        "CASE WHEN {end} IS NULL OR {end} < DATE'{FIRST_DAY}' OR {end} > DATE'{LAST_DAY}' THEN CAST(NULL AS DATE) \
         WHEN map_contains_key({moved}, {end}) THEN element_at({moved}, {end}) ELSE {end} END"
    )
}

/// The calendar of statutory rest days as an inline `VALUES` view, from
/// the table the evaluator reads (`eval::holidays`), never a copy.
pub fn calendar_view() -> String {
    let rows: Vec<String> = crate::eval::holidays::rest_days()
        .map(|(day, last)| match last {
            Some(l) => format!("(DATE'{day}', DATE'{l}')"),
            None => format!("(DATE'{day}', CAST(NULL AS DATE))"),
        })
        .collect();
    format!(
        "-- statutory rest days (eval::holidays) and the last day a period ending on each moves to\n\
         CREATE OR REPLACE TEMPORARY VIEW {CALENDAR_VIEW} AS\nSELECT * FROM VALUES\n{}\nAS t(day, last_day)\n;\n",
        rows.join(",\n")
    )
}

fn date_shift(base: &str, months: &str, days: &str) -> String {
    format!("date_add(add_months({base}, {months}), {days})")
}

fn ts_shift(base: &str, months: &str, days: &str, seconds: &str) -> String {
    format!(
        "({base} + make_interval(0, {months}, 0, {days}, 0, 0, CAST({seconds} AS DECIMAL(18, 6))))"
    )
}

fn duration_literal(d: Duration) -> String {
    match d {
        Duration::Permanent => "named_struct('perm', TRUE, 'months', 0, 'days', 0, 'seconds', CAST(0 AS BIGINT))".into(),
        Duration::Span { months, days, seconds } => format!(
            "named_struct('perm', FALSE, 'months', {months}, 'days', {days}, 'seconds', CAST({seconds} AS BIGINT))"
        ),
    }
}

/// `Duration::approx_seconds`, for ordering durations.
fn approx_seconds(d: &str) -> String {
    format!(
        "CASE WHEN {d}.perm THEN CAST('1e37' AS DECIMAL(38, 0)) ELSE CAST({d}.months AS DECIMAL(38, 0)) * 2629746 + CAST({d}.days AS DECIMAL(38, 0)) * 86400 + CAST({d}.seconds AS DECIMAL(38, 0)) END"
    )
}

/// `Duration`'s `Display` in SQL.
fn duration_text(d: &str) -> String {
    let plural = |n: &str, unit: &str| {
        format!("concat(CAST({n} AS STRING), ' {unit}', IF({n} = 1, '', 's'))")
    };
    format!(
        "CASE WHEN {d} IS NULL THEN NULL WHEN {d}.perm THEN 'permanent' ELSE coalesce(nullif(concat_ws(' ', \
         CASE WHEN {d}.months <> 0 AND {d}.months % 12 = 0 THEN {} WHEN {d}.months <> 0 THEN {} END, \
         CASE WHEN {d}.days <> 0 THEN {} END, \
         CASE WHEN {d}.seconds <> 0 AND {d}.seconds % 3600 = 0 THEN {} WHEN {d}.seconds <> 0 THEN {} END), ''), '0 days') END",
        plural(&format!("{d}.months div 12"), "year"),
        plural(&format!("{d}.months"), "month"),
        plural(&format!("{d}.days"), "day"),
        plural(&format!("{d}.seconds div 3600"), "hour"),
        plural(&format!("{d}.seconds div 60"), "minute"),
    )
}

/// `credit_code_valid` (GB 32100-2015 check digit) in SQL.
fn credit_code_valid(x: &str) -> String {
    const CHARS: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    format!(
        "CASE WHEN {x} IS NULL THEN CAST(NULL AS BOOLEAN) \
         WHEN char_length({x}) <> 18 OR NOT ({x} RLIKE '^[0-9A-HJ-NPQRTUWXY]+$') THEN FALSE \
         ELSE instr('{CHARS}', substr({x}, 18, 1)) - 1 = (31 - aggregate(sequence(1, 17), 0, \
         (acc, i) -> acc + (instr('{CHARS}', substr({x}, i, 1)) - 1) * element_at(array(1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28), i)) % 31) % 31 END"
    )
}

/// A hole's text as the evaluator names a missing one (`eval::explain`).
fn hole_text(checked: &crate::check::Checked, ir: &Ir) -> String {
    crate::eval::explain::hole_text(checked, ir)
}

/// Whether a list comes from staged data (a field), not from a literal.
fn is_staged(list: &Ir) -> bool {
    !matches!(list.kind, IrKind::Const(_) | IrKind::List(_))
}

/// `text` as `matches` reads it natively (`text::as_matched`): invisible
/// characters dropped, other spaces as a plain one, radicals as the
/// ideographs they stand for, traditional characters as simplified ones
/// and `帐` as `账` (`chinese::read_alike_pairs`). Java's regex reads
/// `\x{...}` ranges in a class, supplementary ones too.
fn as_matched(text: &str) -> String {
    let invisible = quote_class(&crate::text::INVISIBLE);
    let spaces = quote_class(&crate::text::MATCHED_AS_SPACE);
    let class = class_of(&crate::text::IDEOGRAPHS);
    let beside = quote(&format!("(?<={class})[\\r\\n]+|[\\r\\n]+(?={class})"));
    // Radicals first: a radical's ideograph may be traditional (`⻑` is
    // `長`, read as `长`), so it is mapped to the form it is read as at once.
    let radicals = crate::text::radicals()
        .iter()
        .map(|(r, i)| (*r, crate::chinese::read_alike(*i)));
    let traditional = crate::chinese::read_alike_pairs().iter().copied();
    let (from, to): (String, String) = radicals.chain(traditional).unzip();
    let visible = format!("regexp_replace({text}, {invisible}, '')");
    let unbroken =
        format!("regexp_replace(regexp_replace({visible}, {beside}, ''), '[\\\\r\\\\n]+', ' ')");
    format!(
        "translate(regexp_replace({unbroken}, {spaces}, ' '), {}, {})",
        quote(&from),
        quote(&to)
    )
}

/// A regex character class of `ranges` as a quoted SQL string.
fn quote_class(ranges: &[(char, char)]) -> String {
    quote(&class_of(ranges))
}

/// A Java regex character class of `ranges` (`\x{...}` escapes).
fn class_of(ranges: &[(char, char)]) -> String {
    let items: String = ranges
        .iter()
        .map(|(a, b)| format!("\\x{{{:x}}}-\\x{{{:x}}}", *a as u32, *b as u32))
        .collect();
    format!("[{items}]")
}
