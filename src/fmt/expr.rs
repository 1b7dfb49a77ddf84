//! Expressions back to text, with only the parentheses the precedence of
//! language.md section 5 needs (the AST keeps no parentheses). Strings,
//! datetimes and durations are copied from the source when there is one, so
//! an author's `+08:00` or `2 weeks` stays as written.

use crate::syntax::ast::{
    AggregateOp, BinaryOp, Duration, Expr, ExprKind, Literal, Message, MessagePart, UnaryOp,
};
use crate::syntax::span::{Span, Spanned};

// Precedence levels, loosest first (language.md section 5).
const OR: u8 = 1;
const AND: u8 = 2;
const NOT: u8 = 3;
const CMP: u8 = 4;
const ADD: u8 = 5;
const MUL: u8 = 6;
const NEG: u8 = 7;
const POSTFIX: u8 = 8;
const ATOM: u8 = 9;

pub struct ExprPrinter<'a> {
    /// The text the spans point into; `None` for a tree built in memory.
    pub src: Option<&'a str>,
}

impl ExprPrinter<'_> {
    pub fn expr(&self, e: &Expr) -> String {
        self.at(e, 0)
    }

    fn at(&self, e: &Expr, min: u8) -> String {
        let (level, text) = self.raw(e);
        if level < min {
            format!("({text})")
        } else {
            text
        }
    }

    /// The source text of a span, exactly.
    fn snippet(&self, span: Span) -> Option<String> {
        let s = self.src?.get(span.start as usize..span.end as usize)?;
        Some(s.to_string())
    }

    /// A string literal: as written when the source is known, else quoted.
    pub fn string(&self, s: &Spanned<String>) -> String {
        match self.snippet(s.span) {
            Some(t) if t.starts_with('"') && t.ends_with('"') && t.len() >= 2 => t,
            _ => quote(&s.node),
        }
    }

    pub fn message(&self, m: &Message) -> String {
        if let Some(t) = self.snippet(m.span).filter(|t| t.starts_with('"')) {
            return t;
        }
        let mut out = String::from("\"");
        for part in &m.parts {
            match part {
                MessagePart::Text(t) => {
                    let q = quote(t);
                    out.push_str(&q[1..q.len() - 1].replace('{', "{{").replace('}', "}}"));
                }
                MessagePart::Hole(e) => {
                    out.push('{');
                    out.push_str(&self.expr(e));
                    out.push('}');
                }
            }
        }
        out.push('"');
        out
    }

    fn raw(&self, e: &Expr) -> (u8, String) {
        match &e.node {
            ExprKind::Literal(l) => self.literal(l, e.span),
            ExprKind::Name(n) => (ATOM, n.clone()),
            ExprKind::List(items) => (ATOM, format!("[{}]", self.list(items))),
            ExprKind::Field(base, name) => {
                (POSTFIX, format!("{}.{}", self.at(base, POSTFIX), name.node))
            }
            // `not (a contains b)`: the parentheses are not needed, but
            // without them a reader may take `not` to apply to `a` alone.
            ExprKind::Unary(UnaryOp::Not, x) => (NOT, format!("not {}", self.at(x, ADD))),
            ExprKind::Unary(UnaryOp::Neg, x) => (NEG, format!("-{}", self.at(x, NEG))),
            ExprKind::Binary(op, a, b) => self.binary(*op, a, b),
            ExprKind::In {
                item,
                list,
                negated,
            } => {
                let op = if *negated { "not in" } else { "in" };
                (
                    CMP,
                    format!("{} {op} {}", self.at(item, ADD), self.at(list, ADD)),
                )
            }
            ExprKind::Contains(a, b) => (
                CMP,
                format!("{} contains {}", self.at(a, ADD), self.at(b, ADD)),
            ),
            ExprKind::Matches(a, pattern) => (
                CMP,
                format!("{} matches {}", self.at(a, ADD), self.string(pattern)),
            ),
            ExprKind::Is { value, set } => {
                let word = if *set { "set" } else { "missing" };
                (CMP, format!("{} is {word}", self.at(value, ADD)))
            }
            ExprKind::Within {
                value,
                window,
                after,
                anchor,
            } => {
                let dir = if *after { "after" } else { "before" };
                let text = format!(
                    "{} within {} {dir} {}",
                    self.at(value, ADD),
                    self.at(window, ADD),
                    self.at(anchor, ADD)
                );
                (CMP, text)
            }
            ExprKind::Call(name, args) => (ATOM, format!("{}({})", name.node, self.list(args))),
            ExprKind::Aggregate {
                op,
                collection,
                var,
                filter,
            } => {
                let op = match op {
                    AggregateOp::Count => "count",
                    AggregateOp::Exists => "exists",
                };
                let filter = filter
                    .as_ref()
                    .map(|f| format!(" where {}", self.expr(f)))
                    .unwrap_or_default();
                (
                    ATOM,
                    format!("{op}({} {}{filter})", collection.node, var.node),
                )
            }
        }
    }

    /// An aggregate whose `where` is too long for one line: the `where`'s
    /// `and`s start continuation lines; anything else as [`Self::broken`].
    pub fn broken_aggregate(&self, e: &Expr, indent: &str) -> String {
        match &e.node {
            ExprKind::Aggregate {
                op,
                collection,
                var,
                filter: Some(filter),
            } => {
                let op = match op {
                    AggregateOp::Count => "count",
                    AggregateOp::Exists => "exists",
                };
                let filter = self.broken(filter, indent);
                format!("{op}({} {} where {filter})", collection.node, var.node)
            }
            _ => self.broken(e, indent),
        }
    }

    /// A condition too long for one line: its top-level `and`s (or `or`s)
    /// start continuation lines indented by `indent`.
    pub fn broken(&self, e: &Expr, indent: &str) -> String {
        let ExprKind::Binary(op @ (BinaryOp::And | BinaryOp::Or), _, _) = &e.node else {
            return self.expr(e);
        };
        let mut operands = Vec::new();
        chain(e, *op, &mut operands);
        let inner = if *op == BinaryOp::And { NOT } else { AND };
        let mut out = self.at(operands[0], if *op == BinaryOp::And { AND } else { OR });
        for x in &operands[1..] {
            out.push_str(&format!("\n{indent}{} {}", op.as_str(), self.at(x, inner)));
        }
        out
    }

    fn list(&self, items: &[Expr]) -> String {
        items
            .iter()
            .map(|i| self.expr(i))
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn binary(&self, op: BinaryOp, a: &Expr, b: &Expr) -> (u8, String) {
        // Left-associative chains; comparisons do not chain at all.
        let (level, left, right) = match op {
            BinaryOp::Or => (OR, OR, AND),
            BinaryOp::And => (AND, AND, NOT),
            BinaryOp::Add | BinaryOp::Sub => (ADD, ADD, MUL),
            BinaryOp::Mul | BinaryOp::Div => (MUL, MUL, NEG),
            _ => (CMP, ADD, ADD),
        };
        let text = format!("{} {} {}", self.at(a, left), op.as_str(), self.at(b, right));
        (level, text)
    }

    fn literal(&self, l: &Literal, span: Span) -> (u8, String) {
        match l {
            Literal::Text(s) => (ATOM, self.string(&Spanned::new(s.clone(), span))),
            Literal::Int(n) => (if *n < 0 { NEG } else { ATOM }, n.to_string()),
            Literal::Decimal(d) => {
                let mut t = d.to_string();
                if !t.contains('.') {
                    t.push_str(".0");
                }
                (if t.starts_with('-') { NEG } else { ATOM }, t)
            }
            Literal::Bool(b) => (ATOM, b.to_string()),
            Literal::Date(d) => (ATOM, d.to_string()),
            Literal::DateTime(t) => (
                ATOM,
                self.snippet(span)
                    .filter(|s| s.contains('T'))
                    .unwrap_or_else(|| t.to_string()),
            ),
            Literal::Duration(d) => (ATOM, self.duration(d, span)),
        }
    }

    fn duration(&self, d: &Duration, span: Span) -> String {
        // `30   days` is one duration; it is printed with one space.
        let written = self
            .snippet(span)
            .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "));
        match written {
            Some(s) if s.starts_with(|c: char| c.is_ascii_digit()) || s == "permanent" => s,
            _ => d.to_string(),
        }
    }
}

/// The operands of a left-nested chain of `op`, in order.
fn chain<'e>(e: &'e Expr, op: BinaryOp, out: &mut Vec<&'e Expr>) {
    match &e.node {
        ExprKind::Binary(o, a, b) if *o == op => {
            chain(a, op, out);
            out.push(b);
        }
        _ => out.push(e),
    }
}

/// A string literal for `s`, with the escapes the grammar reads.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
