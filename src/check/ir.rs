//! The checked, resolved form of expressions and rules that the evaluator
//! runs: names are slots, fields are ids, joins carry their index key.

use std::sync::Arc;

use regex_automata::meta::Regex;

use crate::syntax::ast::{AggregateOp, RuleKind, Severity};
use crate::syntax::localized::Localized;
use crate::syntax::span::Span;
use crate::value::{CollId, FieldId, Value};

#[derive(Clone, Debug)]
pub struct Ir {
    pub kind: IrKind,
    pub span: Span,
}

/// How `contains` compares its two sides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContainsBy {
    /// As written: a list written in the rule, of ids, refs or enum values;
    /// a text inside an id, a ref or an enum value.
    Written,
    /// A list of text read from the data: its items compared as names
    /// (`names` of [`IrKind::In`]).
    Names,
    /// Text inside text: both sides as `matches` reads a text
    /// (`text::as_matched`: traditional characters as simplified ones,
    /// `帐` as `账`, invisible characters dropped, odd spaces plain). A
    /// purpose `客户營銷回访` passed `not (a.purpose contains "营销")`,
    /// which `matches "营销"` found (hostile review h23, 2026-12-07).
    Read,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl CmpOp {
    /// The operator with its operands swapped: `a < b` is `b > a`.
    pub fn flipped(self) -> CmpOp {
        match self {
            CmpOp::Lt => CmpOp::Gt,
            CmpOp::Le => CmpOp::Ge,
            CmpOp::Gt => CmpOp::Lt,
            CmpOp::Ge => CmpOp::Le,
            same => same,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArithOp {
    Add,
    Sub,
    Mul,
    Div,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Func {
    Len,
    Lower,
    Upper,
    Date,
    Year,
    EndOfYear,
    DaysBetween,
    CreditCodeValid,
    Deadline,
}

impl Func {
    pub const ALL: [(&'static str, Func, usize); 9] = [
        ("len", Func::Len, 1),
        ("lower", Func::Lower, 1),
        ("upper", Func::Upper, 1),
        ("date", Func::Date, 1),
        ("year", Func::Year, 1),
        ("end_of_year", Func::EndOfYear, 1),
        ("days_between", Func::DaysBetween, 2),
        ("credit_code_valid", Func::CreditCodeValid, 1),
        ("deadline", Func::Deadline, 2),
    ];
}

#[derive(Clone, Debug)]
pub enum IrKind {
    Const(Value),
    /// A rule-local variable or `let`, by slot.
    Var(u16),
    AsOf,
    /// The single `company` object.
    Company(CollId),
    /// A field of the object `base` evaluates to.
    Field {
        base: Box<Ir>,
        coll: CollId,
        field: FieldId,
    },
    /// Navigation through a `ref`: the object whose id is `base` (first in
    /// input order), via the id index of `target`.
    Deref {
        base: Box<Ir>,
        target: CollId,
    },
    List(Vec<Ir>),
    Not(Box<Ir>),
    Neg(Box<Ir>),
    And(Box<Ir>, Box<Ir>),
    Or(Box<Ir>, Box<Ir>),
    /// `names`: `==`/`!=` between two text fields read from the data (or
    /// `let`s of them), compared as names as [`IrKind::In`]'s items are
    /// (`王芳（签）` is `王芳`): `d.approver_name != d.witness_name` passed
    /// with the witness written `王芳（签）` (2026-12-07).
    Cmp(CmpOp, Box<Ir>, Box<Ir>, bool),
    Arith(ArithOp, Box<Ir>, Box<Ir>),
    /// `names`: the list is a list of text read from the data, whose items
    /// are compared as names (`data::convert::name_key`: `王芳（签）` is
    /// `王芳`), as the loader compares them to keep each once; or a list
    /// written in brackets whose items, and `item`, are all text fields
    /// read from the data (`x in [d.w1, d.w2]`), compared as `==` of
    /// [`IrKind::Cmp`] compares them.
    In {
        item: Box<Ir>,
        list: Box<Ir>,
        negated: bool,
        names: bool,
    },
    /// `hay contains needle`, compared as [`ContainsBy`] says.
    Contains(Box<Ir>, Box<Ir>, ContainsBy),
    /// `x matches "pattern"`: the compiled pattern, and its text as read
    /// (`text::matched_pattern`), for the check of values no row holds
    /// (`eval::literals`).
    Matches(Box<Ir>, Arc<Regex>, Arc<str>),
    Is {
        value: Box<Ir>,
        set: bool,
    },
    Within {
        value: Box<Ir>,
        window: Box<Ir>,
        after: bool,
        anchor: Box<Ir>,
    },
    Call(Func, Vec<Ir>),
    Aggregate(AggregateOp, Box<Join>),
}

/// The objects of `coll` (bound to `slot`) for which `cond` holds. When `cond`
/// has a conjunct `y.field == e` with `e` not depending on `y`, `key` holds it
/// and the evaluator looks candidates up in the (coll, field) hash index.
#[derive(Clone, Debug)]
pub struct Join {
    pub coll: CollId,
    pub slot: u16,
    pub cond: Option<Ir>,
    pub key: Option<(FieldId, Ir)>,
}

#[derive(Clone, Debug)]
pub struct CheckedRule {
    pub name: String,
    pub kind: RuleKind,
    /// The title and help in the report's language ([`super::Checked::localize`]).
    pub title: Option<String>,
    pub severity: Severity,
    pub cite: Vec<String>,
    pub help: Option<String>,
    /// The title and help as written, in every language given.
    pub titles: Localized<String>,
    pub helps: Localized<String>,
    pub tags: Vec<String>,
    pub subject: CollId,
    pub subject_slot: u16,
    pub filter: Option<Ir>,
    pub clauses: Vec<CheckedClause>,
    pub slots: u16,
    /// Per slot, whether it holds personal information ([`super::pii::slots`]).
    pub pii_slots: Vec<super::pii::Mark>,
    pub span: Span,
    pub name_span: Span,
    pub for_span: Span,
}

#[derive(Clone, Debug)]
pub struct CheckedClause {
    pub kind: CheckedClauseKind,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum CheckedClauseKind {
    Let {
        slot: u16,
        value: Ir,
    },
    When(Ir),
    Require {
        cond: Ir,
        message: Option<CheckedMessage>,
    },
    Match {
        join: Join,
        message: Option<CheckedMessage>,
    },
    Forbid {
        join: Join,
        message: Option<CheckedMessage>,
    },
}

#[derive(Clone, Debug)]
pub struct CheckedMessage {
    /// The message in the report's language ([`super::Checked::localize`]).
    pub parts: Vec<CheckedPart>,
    /// The message as written, in every language given.
    pub texts: Localized<Vec<CheckedPart>>,
}

#[derive(Clone, Debug)]
pub enum CheckedPart {
    Text(String),
    Hole(Ir),
}

impl CheckedRule {
    /// Resolves the title, help and messages to `lang` (see
    /// [`super::Checked::localize`]).
    pub fn localize(&mut self, lang: crate::i18n::Lang) {
        self.title = self.titles.get(lang).cloned();
        self.help = self.helps.get(lang).cloned();
        for clause in &mut self.clauses {
            if let CheckedClauseKind::Require {
                message: Some(m), ..
            }
            | CheckedClauseKind::Match {
                message: Some(m), ..
            }
            | CheckedClauseKind::Forbid {
                message: Some(m), ..
            } = &mut clause.kind
            {
                m.parts = m.texts.get(lang).cloned().unwrap_or_default();
            }
        }
    }
}

impl Ir {
    /// The nodes directly below this one (an aggregate's are its join's).
    /// Levels of nesting, this node included.
    pub fn depth(&self) -> usize {
        1 + self.children().iter().map(|c| c.depth()).max().unwrap_or(0)
    }

    pub fn children(&self) -> Vec<&Ir> {
        match &self.kind {
            IrKind::Const(_) | IrKind::Var(_) | IrKind::AsOf | IrKind::Company(_) => vec![],
            IrKind::Field { base, .. } | IrKind::Deref { base, .. } => vec![base],
            IrKind::List(items) | IrKind::Call(_, items) => items.iter().collect(),
            IrKind::Not(x)
            | IrKind::Neg(x)
            | IrKind::Matches(x, ..)
            | IrKind::Is { value: x, .. } => vec![x],
            IrKind::And(a, b)
            | IrKind::Or(a, b)
            | IrKind::Cmp(_, a, b, _)
            | IrKind::Arith(_, a, b)
            | IrKind::Contains(a, b, _)
            | IrKind::In {
                item: a, list: b, ..
            } => vec![a, b],
            IrKind::Within {
                value,
                window,
                anchor,
                ..
            } => vec![value, window, anchor],
            IrKind::Aggregate(_, join) => join
                .cond
                .iter()
                .chain(join.key.iter().map(|(_, k)| k))
                .collect(),
        }
    }

    /// Calls `f` on this node and every node below it.
    pub fn walk(&self, f: &mut impl FnMut(&Ir)) {
        f(self);
        for c in self.children() {
            c.walk(f);
        }
    }

    /// Mutable variant of [`Ir::walk`], children first.
    pub fn walk_mut(&mut self, f: &mut impl FnMut(&mut Ir)) {
        match &mut self.kind {
            IrKind::Const(_) | IrKind::Var(_) | IrKind::AsOf | IrKind::Company(_) => {}
            IrKind::Field { base, .. } | IrKind::Deref { base, .. } => base.walk_mut(f),
            IrKind::List(items) | IrKind::Call(_, items) => {
                items.iter_mut().for_each(|i| i.walk_mut(f))
            }
            IrKind::Not(x)
            | IrKind::Neg(x)
            | IrKind::Matches(x, ..)
            | IrKind::Is { value: x, .. } => x.walk_mut(f),
            IrKind::And(a, b)
            | IrKind::Or(a, b)
            | IrKind::Cmp(_, a, b, _)
            | IrKind::Arith(_, a, b)
            | IrKind::Contains(a, b, _)
            | IrKind::In {
                item: a, list: b, ..
            } => {
                a.walk_mut(f);
                b.walk_mut(f);
            }
            IrKind::Within {
                value,
                window,
                anchor,
                ..
            } => {
                value.walk_mut(f);
                window.walk_mut(f);
                anchor.walk_mut(f);
            }
            IrKind::Aggregate(_, join) => join.walk_mut(f),
        }
        f(self);
    }

    pub fn uses_slot(&self, slot: u16) -> bool {
        let mut found = false;
        self.walk(&mut |n| found |= matches!(n.kind, IrKind::Var(s) if s == slot));
        found
    }
}

impl Join {
    pub fn walk(&self, f: &mut impl FnMut(&Ir)) {
        if let Some(c) = &self.cond {
            c.walk(f);
        }
        if let Some((_, k)) = &self.key {
            k.walk(f);
        }
    }
    pub fn walk_mut(&mut self, f: &mut impl FnMut(&mut Ir)) {
        if let Some(c) = &mut self.cond {
            c.walk_mut(f);
        }
        if let Some((_, k)) = &mut self.key {
            k.walk_mut(f);
        }
    }
}
