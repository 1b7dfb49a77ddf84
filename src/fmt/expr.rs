//! Expressions back to text, with the parentheses the precedence of
//! language.md section 5 needs and one more rule: an `and` inside an `or`
//! is always parenthesised (the AST keeps no parentheses, so the author's
//! cannot be kept; this rule keeps the ones that say how a condition groups).
//! [`ExprPrinter::flow`] breaks a condition too long for one line. Strings,
//! datetimes and durations are copied from the source when there is one, so
//! an author's `+08:00` or `2 weeks` stays as written.

use crate::syntax::ast::{
    AggregateOp, BinaryOp, Duration, Expr, ExprKind, Literal, Message, MessagePart, UnaryOp,
};
use crate::syntax::span::{Span, Spanned};

use super::{width, MAX_WIDTH};

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
        let text = self.text(e);
        if level(e) < min {
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

    /// The text of `e` without parentheses around it; [`level`] says
    /// whether it needs them where it stands.
    fn text(&self, e: &Expr) -> String {
        match &e.node {
            ExprKind::Literal(l) => self.literal(l, e.span),
            ExprKind::Name(n) => n.clone(),
            ExprKind::List(items) => format!("[{}]", self.list(items)),
            ExprKind::Field(base, name) => format!("{}.{}", self.at(base, POSTFIX), name.node),
            // `not (a contains b)`: the parentheses are not needed, but
            // without them a reader may take `not` to apply to `a` alone.
            ExprKind::Unary(UnaryOp::Not, x) => format!("not {}", self.at(x, ADD)),
            ExprKind::Unary(UnaryOp::Neg, x) => format!("-{}", self.at(x, NEG)),
            ExprKind::Binary(op, a, b) => self.binary(*op, a, b),
            ExprKind::In {
                item,
                list,
                negated,
            } => {
                let op = if *negated { "not in" } else { "in" };
                format!("{} {op} {}", self.at(item, ADD), self.at(list, ADD))
            }
            ExprKind::Contains(a, b) => {
                format!("{} contains {}", self.at(a, ADD), self.at(b, ADD))
            }
            ExprKind::Matches(a, pattern) => {
                format!("{} matches {}", self.at(a, ADD), self.string(pattern))
            }
            ExprKind::Is { value, set } => {
                let word = if *set { "set" } else { "missing" };
                format!("{} is {word}", self.at(value, ADD))
            }
            ExprKind::Within {
                value,
                window,
                after,
                anchor,
            } => {
                let dir = if *after { "after" } else { "before" };
                format!(
                    "{} within {} {dir} {}",
                    self.at(value, ADD),
                    self.at(window, ADD),
                    self.at(anchor, ADD)
                )
            }
            ExprKind::Call(name, args) => format!("{}({})", name.node, self.list(args)),
            ExprKind::Aggregate {
                op,
                collection,
                var,
                filter,
            } => {
                let op = aggregate_word(*op);
                let filter = filter
                    .as_ref()
                    .map(|f| format!(" where {}", self.expr(f)))
                    .unwrap_or_default();
                format!("{op}({} {}{filter})", collection.node, var.node)
            }
        }
    }

    /// `e` for a line on which it starts at display column `col`: on that
    /// line when it fits in [`MAX_WIDTH`], else broken before the `and`s or
    /// `or`s of its top-level chain, one operand per line, each continuation
    /// line starting at column `indent` with its operator. An operand that is
    /// still too long breaks the same way inside its parentheses (four
    /// columns deeper) or inside an aggregate's `where` (two columns right of
    /// the aggregate's opening parenthesis). Only spaces become line breaks,
    /// so the broken text reads back as the same tree.
    pub fn flow(&self, e: &Expr, col: usize, indent: usize) -> String {
        self.flow_at(e, col, indent, 0)
    }

    /// [`Self::flow`] with `tail` columns (closing parentheses) to follow
    /// the expression on its last line.
    fn flow_at(&self, e: &Expr, col: usize, indent: usize, tail: usize) -> String {
        let one = self.expr(e);
        if col + width(&one) + tail <= MAX_WIDTH {
            return one;
        }
        match &e.node {
            ExprKind::Binary(op @ (BinaryOp::And | BinaryOp::Or), _, _) => {
                self.flow_chain(e, *op, col, indent, tail)
            }
            ExprKind::Binary(op, a, b) => {
                // `count(...) >= 2`: the left side breaks so that the
                // operator and the right side still fit after it.
                let (a_grouped, b_grouped) =
                    (self.grouped(*op, a, true), self.grouped(*op, b, false));
                let right_width = width(&self.expr(b)) + 2 * usize::from(b_grouped);
                let after = op.as_str().len() + 2 + right_width + tail;
                let left = self.flow_operand(a, a_grouped, col, indent, after);
                let at = end_column(col, &left) + op.as_str().len() + 2;
                let right = self.flow_operand(b, b_grouped, at, indent, tail);
                format!("{left} {} {right}", op.as_str())
            }
            ExprKind::Unary(UnaryOp::Not, x) => {
                let x = self.flow_operand(x, level(x) < ADD, col + 4, indent, tail);
                format!("not {x}")
            }
            ExprKind::Aggregate {
                op,
                collection,
                var,
                filter: Some(filter),
            } => {
                let op = aggregate_word(*op);
                let head = format!("{op}({} {} where ", collection.node, var.node);
                let inner = col + op.len() + 1 + 2;
                let filter = self.flow_at(filter, col + width(&head), inner, tail + 1);
                format!("{head}{filter})")
            }
            _ => one,
        }
    }

    /// A chain of `op` broken before each operator.
    fn flow_chain(&self, e: &Expr, op: BinaryOp, col: usize, indent: usize, tail: usize) -> String {
        let mut operands = Vec::new();
        chain(e, op, &mut operands);
        let last = operands.len() - 1;
        let mut out = String::new();
        for (i, x) in operands.into_iter().enumerate() {
            let at = if i == 0 {
                col
            } else {
                out.push('\n');
                out.push_str(&" ".repeat(indent));
                out.push_str(op.as_str());
                out.push(' ');
                indent + op.as_str().len() + 1
            };
            let t = if i == last { tail } else { 0 };
            let grouped = self.grouped(op, x, i == 0);
            out.push_str(&self.flow_operand(x, grouped, at, indent + 4, t));
        }
        out
    }

    /// An operand, in parentheses when `grouped`.
    fn flow_operand(
        &self,
        x: &Expr,
        grouped: bool,
        col: usize,
        indent: usize,
        tail: usize,
    ) -> String {
        if grouped {
            format!("({})", self.flow_at(x, col + 1, indent, tail + 1))
        } else {
            self.flow_at(x, col, indent, tail)
        }
    }

    /// Whether `x`, the left or right operand of `op`, is printed in
    /// parentheses: when precedence needs them, and around an `and` inside
    /// an `or`, where they are redundant but say how the condition groups
    /// (the tree keeps no parentheses, so fmt cannot keep the author's).
    fn grouped(&self, op: BinaryOp, x: &Expr, left: bool) -> bool {
        let (_, l, r) = levels(op);
        let is_and = matches!(x.node, ExprKind::Binary(BinaryOp::And, _, _));
        level(x) < if left { l } else { r } || (op == BinaryOp::Or && is_and)
    }

    fn list(&self, items: &[Expr]) -> String {
        items
            .iter()
            .map(|i| self.expr(i))
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn binary(&self, op: BinaryOp, a: &Expr, b: &Expr) -> String {
        let side = |x: &Expr, left: bool| {
            if self.grouped(op, x, left) {
                format!("({})", self.expr(x))
            } else {
                self.expr(x)
            }
        };
        format!("{} {} {}", side(a, true), op.as_str(), side(b, false))
    }

    fn literal(&self, l: &Literal, span: Span) -> String {
        match l {
            Literal::Text(s) => self.string(&Spanned::new(s.clone(), span)),
            Literal::Int(n) => n.to_string(),
            Literal::Decimal(d) => decimal_text(*d),
            Literal::Bool(b) => b.to_string(),
            Literal::Date(d) => d.to_string(),
            Literal::DateTime(t) => self
                .snippet(span)
                .filter(|s| s.contains('T'))
                .unwrap_or_else(|| t.to_string()),
            Literal::Duration(d) => self.duration(d, span),
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

/// How tightly `e` binds (one of the levels above), without computing its
/// text: the printer asks it of every operand.
fn level(e: &Expr) -> u8 {
    match &e.node {
        ExprKind::Literal(Literal::Int(n)) if *n < 0 => NEG,
        ExprKind::Literal(Literal::Decimal(d)) if decimal_text(*d).starts_with('-') => NEG,
        ExprKind::Literal(_)
        | ExprKind::Name(_)
        | ExprKind::List(_)
        | ExprKind::Call(..)
        | ExprKind::Aggregate { .. } => ATOM,
        ExprKind::Field(..) => POSTFIX,
        ExprKind::Unary(UnaryOp::Not, _) => NOT,
        ExprKind::Unary(UnaryOp::Neg, _) => NEG,
        ExprKind::Binary(op, _, _) => levels(*op).0,
        ExprKind::In { .. }
        | ExprKind::Contains(..)
        | ExprKind::Matches(..)
        | ExprKind::Is { .. }
        | ExprKind::Within { .. } => CMP,
    }
}

/// A decimal as the grammar reads it back: always with a point.
fn decimal_text(d: f64) -> String {
    let mut t = d.to_string();
    if !t.contains('.') {
        t.push_str(".0");
    }
    t
}

/// The precedence of `op` and the least its left and right operands need
/// without parentheses: chains are left-associative; comparisons do not
/// chain at all.
fn levels(op: BinaryOp) -> (u8, u8, u8) {
    match op {
        BinaryOp::Or => (OR, OR, AND),
        BinaryOp::And => (AND, AND, NOT),
        BinaryOp::Add | BinaryOp::Sub => (ADD, ADD, MUL),
        BinaryOp::Mul | BinaryOp::Div => (MUL, MUL, NEG),
        _ => (CMP, ADD, ADD),
    }
}

fn aggregate_word(op: AggregateOp) -> &'static str {
    match op {
        AggregateOp::Count => "count",
        AggregateOp::Exists => "exists",
    }
}

/// The display column just after `text`, printed from column `col`.
fn end_column(col: usize, text: &str) -> usize {
    match text.rsplit_once('\n') {
        Some((_, last)) => width(last),
        None => col + width(text),
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
