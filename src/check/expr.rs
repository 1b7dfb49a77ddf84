//! Type-checks expressions and lowers them to [`Ir`]. Errors are collected;
//! an ill-typed sub-expression gets the type `Error`, which is compatible
//! with everything, so one mistake is reported once, not at every use.

use std::collections::HashMap;
use std::sync::Arc;

use crate::syntax::ast::{AggregateOp, BinaryOp, Duration, Expr, ExprKind, Literal, UnaryOp};
use crate::syntax::span::Span;
use crate::value::{CollId, Value};

use super::error::CheckError;
use super::ir::{ArithOp, CmpOp, ContainsBy, Func, Ir, IrKind, Join};
use super::schema::{FieldType, Schema};
use crate::i18n::{Arg, Msg};

/// The static type of an expression.
#[derive(Clone, Debug, PartialEq)]
pub enum Ty {
    Text,
    Int,
    Decimal,
    Bool,
    Date,
    DateTime,
    Duration,
    Id,
    Enum(Arc<[String]>),
    List(Box<Ty>),
    EmptyList,
    Ref(CollId),
    Obj(CollId),
    /// Already reported; compatible with everything.
    Error,
}

impl Ty {
    pub fn of_field(t: &FieldType) -> Ty {
        match t {
            FieldType::Text => Ty::Text,
            FieldType::Int => Ty::Int,
            FieldType::Decimal => Ty::Decimal,
            FieldType::Bool => Ty::Bool,
            FieldType::Date => Ty::Date,
            FieldType::DateTime => Ty::DateTime,
            FieldType::Duration => Ty::Duration,
            FieldType::Id => Ty::Id,
            FieldType::Enum(v) => Ty::Enum(v.clone()),
            FieldType::List(t) => Ty::List(Box::new(Ty::of_field(t))),
            FieldType::Ref(c) => Ty::Ref(*c),
        }
    }

    /// The type in words (`an int`, `a list of date`), a catalogue
    /// message put into the reader's language where the error is printed.
    pub fn describe(&self, schema: &Schema) -> Msg {
        self.phrase(schema, "yes")
    }

    /// `article` is `no` for the item of a list (`a list of int`).
    fn phrase(&self, schema: &Schema, article: &'static str) -> Msg {
        let plain = |id: &'static str| Msg {
            id,
            args: vec![("article", Arg::from(article))],
        };
        match self {
            Ty::Text => plain("ty-text"),
            Ty::Int => plain("ty-int"),
            Ty::Decimal => plain("ty-decimal"),
            Ty::Bool => plain("ty-bool"),
            Ty::Date => plain("ty-date"),
            Ty::DateTime => plain("ty-datetime"),
            Ty::Duration => plain("ty-duration"),
            Ty::Id => plain("ty-id"),
            Ty::Enum(_) => plain("ty-enum"),
            Ty::List(t) => crate::msg!(
                "ty-list-of",
                article = article,
                item = t.phrase(schema, "no")
            ),
            Ty::EmptyList => plain("ty-empty-list"),
            Ty::Ref(c) => crate::msg!(
                "ty-ref",
                article = article,
                collection = &schema.collection(*c).name
            ),
            Ty::Obj(c) => crate::msg!(
                "ty-object",
                article = article,
                collection = &schema.collection(*c).name
            ),
            Ty::Error => plain("ty-error"),
        }
    }

    fn is_text(&self) -> bool {
        matches!(
            self,
            Ty::Text | Ty::Id | Ty::Enum(_) | Ty::Ref(_) | Ty::Error
        )
    }
    fn is_number(&self) -> bool {
        matches!(self, Ty::Int | Ty::Decimal | Ty::Error)
    }
    fn is_time(&self) -> bool {
        matches!(self, Ty::Date | Ty::DateTime | Ty::Error)
    }
    fn is_list(&self) -> bool {
        matches!(self, Ty::List(_) | Ty::EmptyList | Ty::Error)
    }
    fn element(&self) -> Ty {
        match self {
            Ty::List(t) => (**t).clone(),
            _ => Ty::Error,
        }
    }
}

/// Whether values of the two types can be compared with `==`.
fn comparable(a: &Ty, b: &Ty) -> bool {
    match (a, b) {
        (Ty::Error, _) | (_, Ty::Error) => true,
        (Ty::EmptyList, t) | (t, Ty::EmptyList) => t.is_list(),
        (Ty::List(x), Ty::List(y)) => comparable(x, y),
        _ => {
            (a.is_text() && b.is_text())
                || (a.is_number() && b.is_number())
                || (a.is_time() && b.is_time())
                || (a == b && matches!(a, Ty::Bool | Ty::Duration))
        }
    }
}

fn ordered(a: &Ty, b: &Ty) -> bool {
    comparable(a, b) && !matches!(a, Ty::Bool | Ty::List(_) | Ty::EmptyList | Ty::Obj(_))
}

#[derive(Clone, Debug)]
pub struct Binding {
    pub name: String,
    pub slot: u16,
    pub ty: Ty,
    /// A `let` of a text field read from the data ([`ExprChecker::reads_name`]).
    pub names: bool,
    /// A rule's `let` of a string or a list written in the rule: the
    /// value, so that an enum compared with the name is checked as with
    /// the literal (`let kinds = ["sensitve"]` then `kinds contains r.class`).
    pub literal: Option<Ir>,
}

pub struct ExprChecker<'a> {
    pub schema: &'a Schema,
    pub consts: &'a HashMap<String, (Ir, Ty)>,
    pub scope: Vec<Binding>,
    pub next_slot: u16,
    pub max_slot: u16,
    /// Shared by the whole policy set.
    pub regexes: &'a mut super::regex_budget::RegexBudget,
    pub errors: &'a mut Vec<CheckError>,
    /// Set while checking a set-wide `let` or a default: no data may be
    /// read. The catalogue id of what is being checked (`what-set-let`).
    pub constant_context: Option<&'static str>,
}

/// `text`, as an expected type.
fn ty_text() -> Msg {
    crate::msg!("ty-text", article = "yes")
}

impl ExprChecker<'_> {
    /// An error when `name` is already in reach where it is bound (a
    /// variable in scope, a set-wide `let`, `as_of`, `company`): reusing it
    /// hid the other from every clause after, so `forbid ev r on r.record
    /// == r.id` in a rule `for record r` compared the event with itself and
    /// passed (second hostile review, 2026-12-05).
    pub fn name_free(&mut self, name: &str, span: Span) {
        let taken = self.scope.iter().any(|b| b.name == name)
            || self.consts.contains_key(name)
            || name == "as_of"
            || (name == "company" && self.schema.company().is_some());
        if taken {
            self.errors.push(CheckError::NameInUse {
                span,
                name: name.into(),
            });
        }
    }

    pub fn bind(&mut self, name: &str, ty: Ty) -> u16 {
        let slot = self.next_slot;
        self.next_slot += 1;
        self.max_slot = self.max_slot.max(self.next_slot);
        self.scope.push(Binding {
            name: name.into(),
            slot,
            ty,
            names: false,
            literal: None,
        });
        slot
    }

    /// Whether `ir` is a name read from the data, which `==`, `!=` and
    /// `in [...]` compare as names with another such text (`王芳（签）` is
    /// `王芳`, `IrKind::Cmp`): a field of type `text` marked `pii` (not an
    /// id, a ref, a `one of`, a date or a number), a `let` of one, or
    /// `lower`/`upper` of one. A literal and a `let` of a literal are
    /// compared as written: a rule's text says what it means.
    ///
    /// Only `pii` text: a person's name is personal information, and the
    /// standard schema marks every field holding one; the other text
    /// fields the packs compare are numbers and places (`n.subject ==
    /// c.record.subject`, `i.location == r.location`), join keys compared
    /// as written, which the index looks up and Spark SQL compiles.
    pub fn reads_name(&self, ir: &Ir) -> bool {
        match &ir.kind {
            // Names are compared without letter case already: `lower` of
            // one is the name (hostile review, 2026-12-07: the pack's
            // `lower(h.received_by) != lower(h.receiver_supervisor)` took
            // the comparison out of the names').
            IrKind::Call(Func::Lower | Func::Upper, args) if args.len() == 1 => {
                self.reads_name(&args[0])
            }
            IrKind::Field { coll, field, .. } => {
                self.schema.collection(*coll).field(*field).is_name()
            }
            IrKind::Var(slot) => self
                .scope
                .iter()
                .rev()
                .find(|b| b.slot == *slot)
                .is_some_and(|b| b.names),
            _ => false,
        }
    }

    fn err(&mut self, e: CheckError) -> (Ir, Ty) {
        let span = e.span();
        self.errors.push(e);
        (
            Ir {
                kind: IrKind::Const(Value::Missing),
                span,
            },
            Ty::Error,
        )
    }

    fn mismatch(&mut self, span: Span, expected: Msg, found: &Ty, context: Msg) {
        let found = found.describe(self.schema);
        self.errors.push(CheckError::TypeMismatch {
            span,
            expected,
            found,
            context,
        });
    }

    /// Checks a condition (`where`, `on`, `when`, `require`): it must be a bool.
    pub fn condition(&mut self, e: &Expr, context: Msg) -> Ir {
        let (ir, ty) = self.expr(e);
        if !matches!(ty, Ty::Bool | Ty::Error) {
            self.mismatch(e.span, crate::msg!("ty-condition"), &ty, context);
        }
        ir
    }

    pub fn expr(&mut self, e: &Expr) -> (Ir, Ty) {
        let span = e.span;
        let mk = |kind| Ir { kind, span };
        match &e.node {
            ExprKind::Literal(l) => {
                let (v, t) = literal(l);
                (mk(IrKind::Const(v)), t)
            }
            ExprKind::List(items) => self.list(items, span),
            ExprKind::Name(n) => self.name(n, span),
            ExprKind::Field(base, field) => self.field(base, &field.node, field.span, span),
            ExprKind::Unary(UnaryOp::Not, x) => {
                let x = self.condition(x, crate::msg!("ctx-not"));
                (mk(IrKind::Not(Box::new(x))), Ty::Bool)
            }
            ExprKind::Unary(UnaryOp::Neg, x) => {
                let (x, t) = self.expr(x);
                if !t.is_number() {
                    self.mismatch(
                        x.span,
                        crate::msg!("ty-number"),
                        &t,
                        crate::msg!("ctx-negate"),
                    );
                }
                (mk(IrKind::Neg(Box::new(x))), t)
            }
            ExprKind::Binary(op, a, b) => self.binary(*op, a, b, span),
            ExprKind::In {
                item,
                list,
                negated,
            } => {
                let (i, it) = self.expr(item);
                let (l, lt) = self.expr(list);
                if !lt.is_list() {
                    self.mismatch(
                        l.span,
                        crate::msg!("ty-list"),
                        &lt,
                        crate::msg!("ctx-in-right"),
                    );
                } else if !comparable(&it, &lt.element()) {
                    self.mismatch(
                        i.span,
                        lt.element().describe(self.schema),
                        &it,
                        crate::msg!("ctx-in-item"),
                    );
                }
                self.check_enum_members(&it, &l);
                if lt.is_list() && comparable(&it, &lt.element()) {
                    self.check_items_other_collection(
                        (&i, &it),
                        (&l, &lt),
                        crate::msg!("ctx-in-item"),
                    );
                }
                // The literal on the left (`"Destroyed" in [r.status]`) is
                // checked as on the right of `contains` (hostile review,
                // 2026-12-07: it passed, and the `where` was never true).
                if lt.is_list() {
                    self.check_enum_members(&lt.element(), &i);
                }
                // A list written in brackets of text fields, `item` one too
                // (`d.approver_name in [d.w1, d.w2]`): compared as `==`
                // between them is.
                let written_names = match &l.kind {
                    IrKind::List(items) => {
                        !items.is_empty()
                            && self.reads_name(&i)
                            && items.iter().all(|x| self.reads_name(x))
                    }
                    _ => false,
                };
                let names = read_names(&lt, &l) || written_names;
                (
                    mk(IrKind::In {
                        item: Box::new(i),
                        list: Box::new(l),
                        negated: *negated,
                        names,
                    }),
                    Ty::Bool,
                )
            }
            ExprKind::Contains(hay, needle) => {
                let (h, ht) = self.expr(hay);
                let (n, nt) = self.expr(needle);
                if ht.is_list() {
                    if !comparable(&ht.element(), &nt) {
                        self.mismatch(
                            n.span,
                            ht.element().describe(self.schema),
                            &nt,
                            crate::msg!("ctx-contains-item"),
                        );
                    }
                    self.check_enum_members(&ht.element(), &n);
                    // The mirror of `x in L`: `["sensitve"] contains r.class`
                    // (hostile review h19: it passed, and the `where` was
                    // never true).
                    self.check_enum_members(&nt, &h);
                    if comparable(&ht.element(), &nt) {
                        self.check_items_other_collection(
                            (&n, &nt),
                            (&h, &ht),
                            crate::msg!("ctx-contains-item"),
                        );
                    }
                } else if ht.is_text() {
                    if !nt.is_text() {
                        self.mismatch(n.span, ty_text(), &nt, crate::msg!("ctx-contains-text"));
                    }
                    self.check_enum_part(&ht, &n);
                } else {
                    let (want, context) = (
                        crate::msg!("ty-list-or-text"),
                        crate::msg!("ctx-contains-left"),
                    );
                    self.mismatch(h.span, want, &ht, context);
                }
                let by = if read_names(&ht, &h) {
                    ContainsBy::Names
                } else if ht == Ty::Text && nt == Ty::Text {
                    ContainsBy::Read
                } else {
                    ContainsBy::Written
                };
                (mk(IrKind::Contains(Box::new(h), Box::new(n), by)), Ty::Bool)
            }
            ExprKind::Matches(x, pattern) => {
                let (x, t) = self.expr(x);
                if !t.is_text() {
                    self.mismatch(x.span, ty_text(), &t, crate::msg!("ctx-matches-left"));
                }
                use super::regex_budget::RegexRefusal;
                let read = crate::text::matched_pattern(&pattern.node);
                match (self.regexes).compile(&read) {
                    Ok(re) => (mk(IrKind::Matches(Box::new(x), re, read.into())), Ty::Bool),
                    Err(RegexRefusal::Bad(reason)) => self.err(CheckError::BadRegex {
                        span: pattern.span,
                        reason,
                    }),
                    Err(RegexRefusal::OverBudget(message)) => self.err(CheckError::RegexBudget {
                        span: pattern.span,
                        message,
                    }),
                    // The set is already in error; nothing more to say here.
                    Err(RegexRefusal::AfterBudget) => {
                        (mk(IrKind::Const(Value::Missing)), Ty::Error)
                    }
                }
            }
            ExprKind::Is { value, set } => {
                let (v, _) = self.expr(value);
                (
                    mk(IrKind::Is {
                        value: Box::new(v),
                        set: *set,
                    }),
                    Ty::Bool,
                )
            }
            ExprKind::Within {
                value,
                window,
                after,
                anchor,
            } => self.within(value, window, *after, anchor, span),
            ExprKind::Call(name, args) => self.call(&name.node, name.span, args, span),
            ExprKind::Aggregate {
                op,
                collection,
                var,
                filter,
            } => {
                let Some(coll) = self.collection(&collection.node, collection.span) else {
                    return (mk(IrKind::Const(Value::Missing)), Ty::Error);
                };
                self.name_free(&var.node, var.span);
                let join = self.join(
                    coll,
                    &var.node,
                    filter.as_deref(),
                    crate::msg!("ctx-aggregate-where"),
                );
                self.scope.pop();
                let ty = if *op == AggregateOp::Count {
                    Ty::Int
                } else {
                    Ty::Bool
                };
                (mk(IrKind::Aggregate(*op, Box::new(join))), ty)
            }
        }
    }

    /// Resolves a collection name used by `for`, `match`, `forbid` or an aggregate.
    pub fn collection(&mut self, name: &str, span: Span) -> Option<CollId> {
        if self.constant_context.is_some() {
            self.errors.push(CheckError::NotConstant {
                span,
                what: Msg {
                    id: self.constant_context.unwrap_or("what-this"),
                    args: vec![],
                },
            });
            return None;
        }
        let found = self.schema.lookup(name);
        if found.is_none() {
            let candidates = self.schema.names().map(String::from).collect();
            self.errors.push(CheckError::UnknownCollection {
                name: name.into(),
                span,
                candidates,
            });
        }
        found
    }

    /// Binds `var` to objects of `coll` and checks the condition that selects
    /// them, finding an equality usable as an index key. The caller pops the
    /// binding when it goes out of scope.
    pub fn join(&mut self, coll: CollId, var: &str, cond: Option<&Expr>, context: Msg) -> Join {
        let slot = self.bind(var, Ty::Obj(coll));
        let cond = cond.map(|c| self.condition(c, context));
        let key = cond.as_ref().and_then(|c| index_key(c, slot));
        Join {
            coll,
            slot,
            cond,
            key,
        }
    }

    fn list(&mut self, items: &[Expr], span: Span) -> (Ir, Ty) {
        let mut irs = Vec::with_capacity(items.len());
        let mut elem: Option<Ty> = None;
        for item in items {
            let (ir, t) = self.expr(item);
            match &elem {
                Some(e) if !comparable(e, &t) => self.mismatch(
                    ir.span,
                    e.describe(self.schema),
                    &t,
                    crate::msg!("ctx-list-items"),
                ),
                Some(Ty::Error) | None => elem = Some(t),
                _ => {}
            }
            irs.push(ir);
        }
        let ty = elem.map_or(Ty::EmptyList, |e| Ty::List(Box::new(e)));
        (
            Ir {
                kind: IrKind::List(irs),
                span,
            },
            ty,
        )
    }

    fn name(&mut self, n: &str, span: Span) -> (Ir, Ty) {
        let mk = |kind| Ir { kind, span };
        if let Some(b) = self.scope.iter().rev().find(|b| b.name == n) {
            return (mk(IrKind::Var(b.slot)), b.ty.clone());
        }
        if let Some((ir, t)) = self.consts.get(n) {
            // A set-wide `let` is inlined; the use site keeps its own span.
            return (
                Ir {
                    kind: ir.kind.clone(),
                    span,
                },
                t.clone(),
            );
        }
        match (n, self.schema.company()) {
            ("as_of", _) => return (mk(IrKind::AsOf), Ty::Date),
            ("company", Some(c)) if self.constant_context.is_none() => {
                return (mk(IrKind::Company(c)), Ty::Obj(c))
            }
            _ => {}
        }
        let mut candidates: Vec<String> = self.scope.iter().map(|b| b.name.clone()).collect();
        candidates.extend(self.consts.keys().cloned());
        candidates.push("as_of".into());
        if self.schema.company().is_some() {
            candidates.push("company".into());
        }
        self.err(CheckError::UnknownVariable {
            name: n.into(),
            span,
            candidates,
        })
    }

    fn field(&mut self, base: &Expr, name: &str, name_span: Span, span: Span) -> (Ir, Ty) {
        let (mut b, bt) = self.expr(base);
        let coll = match bt {
            Ty::Obj(c) => c,
            Ty::Ref(c) => {
                let bspan = b.span;
                b = Ir {
                    kind: IrKind::Deref {
                        base: Box::new(b),
                        target: c,
                    },
                    span: bspan,
                };
                c
            }
            Ty::Error => return (b, Ty::Error),
            other => {
                self.mismatch(
                    b.span,
                    crate::msg!("ty-object-or-ref"),
                    &other,
                    crate::msg!("ctx-field-access", name = name),
                );
                return (b, Ty::Error);
            }
        };
        let c = self.schema.collection(coll);
        match c.field_id(name) {
            Some(field) => {
                let ty = Ty::of_field(&c.field(field).ty);
                (
                    Ir {
                        kind: IrKind::Field {
                            base: Box::new(b),
                            coll,
                            field,
                        },
                        span,
                    },
                    ty,
                )
            }
            None => {
                let candidates = c.fields.iter().map(|f| f.name.clone()).collect();
                let collection = c.name.clone();
                self.err(CheckError::UnknownField {
                    collection,
                    name: name.into(),
                    span: name_span,
                    candidates,
                })
            }
        }
    }

    fn binary(&mut self, op: BinaryOp, a: &Expr, b: &Expr, span: Span) -> (Ir, Ty) {
        let mk = |kind| Ir { kind, span };
        match op {
            BinaryOp::And | BinaryOp::Or => {
                let x = Box::new(self.condition(a, crate::msg!("ctx-combines", op = op.as_str())));
                let y = Box::new(self.condition(b, crate::msg!("ctx-combines", op = op.as_str())));
                (
                    mk(if op == BinaryOp::And {
                        IrKind::And(x, y)
                    } else {
                        IrKind::Or(x, y)
                    }),
                    Ty::Bool,
                )
            }
            BinaryOp::Eq
            | BinaryOp::Ne
            | BinaryOp::Lt
            | BinaryOp::Le
            | BinaryOp::Gt
            | BinaryOp::Ge => {
                let (x, xt) = self.expr(a);
                let (y, yt) = self.expr(b);
                let cmp = match op {
                    BinaryOp::Eq => CmpOp::Eq,
                    BinaryOp::Ne => CmpOp::Ne,
                    BinaryOp::Lt => CmpOp::Lt,
                    BinaryOp::Le => CmpOp::Le,
                    BinaryOp::Gt => CmpOp::Gt,
                    _ => CmpOp::Ge,
                };
                let ok = if matches!(cmp, CmpOp::Eq | CmpOp::Ne) {
                    comparable(&xt, &yt)
                } else {
                    ordered(&xt, &yt)
                };
                if !ok && comparable(&xt, &yt) {
                    // Two values of one kind that has no order (`r.legal_hold
                    // < true`): "expected a bool, found a bool" said nothing
                    // (hostile review h19); say what `<` takes.
                    let unordered = if ordered(&xt, &xt) {
                        (&y, &yt)
                    } else {
                        (&x, &xt)
                    };
                    self.mismatch(
                        unordered.0.span,
                        crate::msg!("ty-ordered"),
                        unordered.1,
                        crate::msg!("ctx-orders", op = op.as_str()),
                    );
                } else if !ok {
                    self.mismatch(
                        y.span,
                        xt.describe(self.schema),
                        &yt,
                        crate::msg!("ctx-compares", op = op.as_str()),
                    );
                }
                self.check_enum_members(&xt, &y);
                self.check_enum_members(&yt, &x);
                if ok && matches!(cmp, CmpOp::Eq | CmpOp::Ne) {
                    self.check_never_equal((&x, &xt), (&y, &yt), op);
                }
                // Two texts read from the data are compared as names, as
                // membership in a list of them is: `d.approver_name !=
                // d.witness_name` passed with `王芳` beside `王芳（签）`.
                let names = matches!(cmp, CmpOp::Eq | CmpOp::Ne)
                    && self.reads_name(&x)
                    && self.reads_name(&y);
                (
                    mk(IrKind::Cmp(cmp, Box::new(x), Box::new(y), names)),
                    Ty::Bool,
                )
            }
            _ => self.arithmetic(op, a, b, span),
        }
    }

    fn arithmetic(&mut self, op: BinaryOp, a: &Expr, b: &Expr, span: Span) -> (Ir, Ty) {
        let (x, xt) = self.expr(a);
        let (y, yt) = self.expr(b);
        let arith = match op {
            BinaryOp::Add => ArithOp::Add,
            BinaryOp::Sub => ArithOp::Sub,
            BinaryOp::Mul => ArithOp::Mul,
            _ => ArithOp::Div,
        };
        let ty = match (&xt, &yt, arith) {
            (Ty::Error, _, _) | (_, Ty::Error, _) => Ty::Error,
            (Ty::Int, Ty::Int, ArithOp::Add | ArithOp::Sub | ArithOp::Mul) => Ty::Int,
            (x, y, _) if x.is_number() && y.is_number() => Ty::Decimal,
            (Ty::Date, Ty::Duration, ArithOp::Add | ArithOp::Sub) => Ty::Date,
            (Ty::DateTime, Ty::Duration, ArithOp::Add | ArithOp::Sub) => Ty::DateTime,
            (Ty::Duration, Ty::Date, ArithOp::Add) => Ty::Date,
            (Ty::Duration, Ty::DateTime, ArithOp::Add) => Ty::DateTime,
            _ => {
                let expected = match xt {
                    Ty::Date | Ty::DateTime => crate::msg!("ty-duration-for-dates"),
                    _ => crate::msg!("ty-numbers-or-date-duration"),
                };
                let context = crate::msg!(
                    "ctx-arith-on",
                    op = op.as_str(),
                    operand = xt.describe(self.schema)
                );
                self.mismatch(y.span, expected, &yt, context);
                Ty::Error
            }
        };
        (
            Ir {
                kind: IrKind::Arith(arith, Box::new(x), Box::new(y)),
                span,
            },
            ty,
        )
    }

    fn within(
        &mut self,
        value: &Expr,
        window: &Expr,
        after: bool,
        anchor: &Expr,
        span: Span,
    ) -> (Ir, Ty) {
        let (v, vt) = self.expr(value);
        let (w, wt) = self.expr(window);
        let (a, at) = self.expr(anchor);
        if !vt.is_time() {
            self.mismatch(
                v.span,
                crate::msg!("ty-date-or-datetime"),
                &vt,
                crate::msg!("ctx-within"),
            );
        }
        if !matches!(wt, Ty::Duration | Ty::Error) {
            let (want, context) = (
                Ty::Duration.describe(self.schema),
                crate::msg!("ctx-within-window"),
            );
            self.mismatch(w.span, want, &wt, context);
        }
        if !at.is_time() {
            let (want, context) = (
                crate::msg!("ty-date-or-datetime"),
                crate::msg!("ctx-within-anchor"),
            );
            self.mismatch(a.span, want, &at, context);
        }
        let kind = IrKind::Within {
            value: Box::new(v),
            window: Box::new(w),
            after,
            anchor: Box::new(a),
        };
        (Ir { kind, span }, Ty::Bool)
    }

    fn call(&mut self, name: &str, name_span: Span, args: &[Expr], span: Span) -> (Ir, Ty) {
        let Some(&(_, func, arity)) = Func::ALL.iter().find(|(n, ..)| *n == name) else {
            let candidates = Func::ALL.iter().map(|(n, ..)| n.to_string()).collect();
            return self.err(CheckError::UnknownFunction {
                name: name.into(),
                span: name_span,
                candidates,
            });
        };
        let checked: Vec<(Ir, Ty)> = args.iter().map(|a| self.expr(a)).collect();
        if checked.len() != arity {
            return self.err(CheckError::WrongArity {
                name: name.into(),
                span,
                expected: arity,
                found: checked.len(),
            });
        }
        let want = |ok: bool, expected: Msg, this: &mut Self, i: usize| {
            if !ok {
                this.mismatch(
                    checked[i].0.span,
                    expected,
                    &checked[i].1,
                    crate::msg!("ctx-argument", name = name),
                );
            }
        };
        let date_or_datetime = || crate::msg!("ty-date-or-datetime");
        let t0 = &checked[0].1;
        let ty = match func {
            Func::Len => {
                want(
                    t0.is_list() || t0.is_text(),
                    crate::msg!("ty-list-or-text"),
                    self,
                    0,
                );
                Ty::Int
            }
            // Of an enum, the enum's values folded (`lower(r.class)` is one
            // of "general", "sensitive", "important" lowered), so a literal
            // compared with it is checked as one compared with the field:
            // `lower(r.class) in ["sensitve"]` passed (hostile review h19).
            // No other function keeps an enum's values: `len` counts them,
            // `credit_code_valid` tests them, the others take no text.
            Func::Lower | Func::Upper => {
                want(t0.is_text(), ty_text(), self, 0);
                match t0 {
                    Ty::Enum(values) => Ty::Enum(folded(values, func == Func::Lower)),
                    _ => Ty::Text,
                }
            }
            Func::Date => {
                want(t0.is_time(), Ty::DateTime.describe(self.schema), self, 0);
                Ty::Date
            }
            Func::Year => {
                want(t0.is_time(), date_or_datetime(), self, 0);
                Ty::Int
            }
            // The last day of the calendar (= Chinese fiscal) year: retention
            // of accounting archives runs from the day after it.
            Func::EndOfYear => {
                want(t0.is_time(), date_or_datetime(), self, 0);
                Ty::Date
            }
            Func::DaysBetween => {
                want(t0.is_time(), date_or_datetime(), self, 0);
                want(checked[1].1.is_time(), date_or_datetime(), self, 1);
                Ty::Int
            }
            // GB 32100-2015: a unified social credit code's 18th character
            // is a check digit no regular expression can verify.
            Func::CreditCodeValid => {
                want(t0.is_text(), ty_text(), self, 0);
                Ty::Bool
            }
            // 民法典 第二百零三条: a period counted in days, months or years
            // whose last day is a rest day ends on the next working day.
            Func::Deadline => {
                want(t0.is_time(), date_or_datetime(), self, 0);
                let period = &checked[1];
                let calendar_period = match &period.0.kind {
                    IrKind::Const(Value::Duration(d)) => counts_in_days(*d),
                    _ => true,
                };
                want(
                    matches!(period.1, Ty::Duration | Ty::Error) && calendar_period,
                    crate::msg!("ty-calendar-duration"),
                    self,
                    1,
                );
                Ty::Date
            }
        };
        let irs = checked.into_iter().map(|(ir, _)| ir).collect();
        (
            Ir {
                kind: IrKind::Call(func, irs),
                span,
            },
            ty,
        )
    }

    /// Two sides of `==` that type-check but name different things: a ref
    /// to one collection and another's id or ref (`a.actor == r.id` for
    /// `a.record == r.id`), the ids of two collections (`d.id == r.id` for
    /// `d.record == r.id`, hostile review h19), or enums with no value in
    /// common. The join found nothing, and a `forbid` on it passed (hostile
    /// review, 2026-12-05).
    fn check_never_equal(&mut self, (x, xt): (&Ir, &Ty), (y, yt): (&Ir, &Ty), op: BinaryOp) {
        let context = crate::msg!("ctx-compares", op = op.as_str());
        self.check_other_collection((x, xt), (y, yt), context.clone());
        if let (Ty::Enum(a), Ty::Enum(b)) = (xt, yt) {
            if !a.iter().any(|v| b.contains(v)) {
                let values = |v: &[String]| {
                    crate::msg!(
                        "ty-enum-values",
                        values = Arg::List(v.iter().map(|v| format!("\"{v}\"")).collect())
                    )
                };
                self.errors.push(CheckError::TypeMismatch {
                    span: y.span,
                    expected: values(a),
                    found: values(b),
                    context,
                });
            }
        }
    }

    /// The collection whose objects a value names: a ref's target, or the
    /// collection of an `id` field read from it (`r.id`, `d.record.id`).
    fn names_collection(&self, ir: &Ir, ty: &Ty) -> Option<CollId> {
        match ty {
            Ty::Ref(c) => Some(*c),
            Ty::Id => match &ir.kind {
                IrKind::Field { coll, field, .. }
                    if self.schema.collection(*coll).id_field() == Some(*field) =>
                {
                    Some(*coll)
                }
                _ => None,
            },
            _ => None,
        }
    }

    /// An error at `y` when `x` and `y` name objects of two collections
    /// (refs or ids): they are never equal.
    fn check_other_collection(&mut self, (x, xt): (&Ir, &Ty), (y, yt): (&Ir, &Ty), context: Msg) {
        let (Some(a), Some(b)) = (self.names_collection(x, xt), self.names_collection(y, yt))
        else {
            return;
        };
        if a == b {
            return;
        }
        let describe = |ty: &Ty, c: CollId| match ty {
            Ty::Id => crate::msg!("ty-id-of", collection = &self.schema.collection(c).name),
            _ => ty.describe(self.schema),
        };
        self.errors.push(CheckError::TypeMismatch {
            span: y.span,
            expected: describe(xt, a),
            found: describe(yt, b),
            context,
        });
    }

    /// `d.approved_by in [r.id]`, `[r.id] contains d.id`, `s.id in
    /// d.records`: each item of the list against `item`, as `==` is
    /// checked (hostile review h19: they never matched, and a `forbid`
    /// passed). Items written in the rule are checked one by one; a list
    /// read from the data by its items' type.
    fn check_items_other_collection(&mut self, item: (&Ir, &Ty), list: (&Ir, &Ty), context: Msg) {
        match &list.0.kind {
            IrKind::List(items) => {
                for i in items {
                    let ty = match &i.kind {
                        IrKind::Field { coll, field, .. } => {
                            Ty::of_field(&self.schema.collection(*coll).field(*field).ty)
                        }
                        _ => continue,
                    };
                    self.check_other_collection(item, (i, &ty), context.clone());
                }
            }
            _ => {
                let element = list.1.element();
                let at = Ir {
                    kind: IrKind::Const(Value::Missing),
                    span: list.0.span,
                };
                self.check_other_collection(item, (&at, &element), context);
            }
        }
    }

    /// `r.class == "sensitve"`: a text constant compared with an enum must be
    /// one of its values.
    fn check_enum_members(&mut self, ty: &Ty, other: &Ir) {
        let Ty::Enum(allowed) = ty else { return };
        for (value, span) in self.string_literals(other) {
            if !allowed.contains(&value) {
                self.errors.push(CheckError::UnknownEnumValue {
                    value,
                    span,
                    allowed: allowed.to_vec(),
                    part: false,
                });
            }
        }
    }

    /// `r.class contains "sensitve"`: text looked for inside an enum must
    /// be inside one of its values, or the condition is never true
    /// (hostile review h19).
    fn check_enum_part(&mut self, ty: &Ty, needle: &Ir) {
        let Ty::Enum(allowed) = ty else { return };
        for (value, span) in self.string_literals(needle) {
            if !allowed.iter().any(|a| a.contains(value.as_str())) {
                self.errors.push(CheckError::UnknownEnumValue {
                    value,
                    span,
                    allowed: allowed.to_vec(),
                    part: true,
                });
            }
        }
    }

    /// The strings `ir` is written as in the rule: a string, a list of
    /// them (items that are not strings left out), or a `let` of either,
    /// each with the place to point at (the use of a `let`).
    fn string_literals(&self, ir: &Ir) -> Vec<(String, Span)> {
        let text = |v: &Value| match v {
            Value::Str(s) => Some(s.to_string()),
            _ => None,
        };
        match &ir.kind {
            IrKind::Const(Value::List(items)) => items
                .iter()
                .filter_map(text)
                .map(|s| (s, ir.span))
                .collect(),
            IrKind::Const(v) => text(v).map(|s| (s, ir.span)).into_iter().collect(),
            IrKind::List(items) => items
                .iter()
                .filter_map(|i| match &i.kind {
                    IrKind::Const(v) => text(v).map(|s| (s, i.span)),
                    _ => None,
                })
                .collect(),
            IrKind::Var(slot) => {
                let bound = self.scope.iter().rev().find(|b| b.slot == *slot);
                match bound.and_then(|b| b.literal.as_ref()) {
                    Some(value) => self
                        .string_literals(value)
                        .into_iter()
                        .map(|(s, _)| (s, ir.span))
                        .collect(),
                    None => vec![],
                }
            }
            _ => vec![],
        }
    }
}

/// An enum's values through `lower` (else `upper`), as the evaluator folds
/// text (`str::to_lowercase`), each once.
fn folded(values: &[String], lower: bool) -> Arc<[String]> {
    let mut out: Vec<String> = Vec::with_capacity(values.len());
    for v in values {
        let f = if lower {
            v.to_lowercase()
        } else {
            v.to_uppercase()
        };
        if !out.contains(&f) {
            out.push(f);
        }
    }
    out.into()
}

/// Whether a rule's `let` is worth keeping as a literal for the enum
/// checks: a string, or a list written in the rule.
pub fn is_literal(ir: &Ir) -> bool {
    match &ir.kind {
        IrKind::Const(Value::Str(_) | Value::List(_)) => true,
        IrKind::List(items) => items.iter().all(|i| matches!(i.kind, IrKind::Const(_))),
        _ => false,
    }
}

/// Whether membership in `list` (of type `ty`) compares its items as
/// names: a list of text not written in the rule (`d.witnesses`, or a
/// `let` of it), whose items the loader folded to keep each once
/// (`IrKind::In`). A list written in brackets holds what the rule says
/// (unless its items and the item are texts read from the data,
/// [`ExprChecker::reads_name`]).
fn read_names(ty: &Ty, list: &Ir) -> bool {
    *ty == Ty::List(Box::new(Ty::Text)) && !matches!(list.kind, IrKind::List(_) | IrKind::Const(_))
}

pub fn literal(l: &Literal) -> (Value, Ty) {
    match l {
        Literal::Text(s) => (Value::Str(s.as_str().into()), Ty::Text),
        Literal::Int(n) => (Value::Int(*n), Ty::Int),
        Literal::Decimal(d) => (Value::Dec(*d), Ty::Decimal),
        Literal::Bool(b) => (Value::Bool(*b), Ty::Bool),
        Literal::Date(d) => (Value::Date(*d), Ty::Date),
        Literal::DateTime(t) => (Value::DateTime(t.as_second()), Ty::DateTime),
        Literal::Duration(d) => (Value::Duration(*d), Ty::Duration),
    }
}

/// Finds, among the top-level `and` conjuncts of `cond`, an equality between
/// a scalar field of the joined variable and an expression that does not
/// mention it: that pair is the hash-index key of the join.
fn index_key(cond: &Ir, slot: u16) -> Option<(crate::value::FieldId, Ir)> {
    match &cond.kind {
        IrKind::And(a, b) => index_key(a, slot).or_else(|| index_key(b, slot)),
        // Names (`王芳（签）` is `王芳`) are not the index's keys: such a
        // join tests every row.
        IrKind::Cmp(CmpOp::Eq, a, b, false) => {
            side_key(a, b, slot).or_else(|| side_key(b, a, slot))
        }
        _ => None,
    }
}

fn side_key(field_side: &Ir, other: &Ir, slot: u16) -> Option<(crate::value::FieldId, Ir)> {
    match &field_side.kind {
        IrKind::Field { base, field, .. }
            if matches!(base.kind, IrKind::Var(s) if s == slot) && !other.uses_slot(slot) =>
        {
            Some((*field, other.clone()))
        }
        _ => None,
    }
}

/// A period `deadline` can count: whole days, weeks, months or years
/// (民法典 第二百零一条第二款 counts hours from the moment, not by days, and
/// `permanent` has no last day).
fn counts_in_days(d: Duration) -> bool {
    matches!(d, Duration::Span { seconds: 0, .. })
}
