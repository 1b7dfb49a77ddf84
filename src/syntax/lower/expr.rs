//! Expressions: operators, comparisons, access chains, calls and
//! aggregates, each counted against the nesting limit.

use super::{inner, next, Lowerer, MAX_EXPR_DEPTH};
use crate::syntax::ast::*;
use crate::syntax::depth::{levels_added, skip_pass_through};
use crate::syntax::parse::{Pair, Rule};
use crate::syntax::span::{Span, Spanned};

impl Lowerer {
    /// Lowers an expression within [`MAX_EXPR_DEPTH`]; a deeper one is an
    /// error (reported once per file) and lowers to a placeholder.
    pub fn expr(&mut self, pair: Pair) -> Expr {
        let pair = skip_pass_through(pair);
        let levels = levels_added(&pair);
        let span = self.span(&pair);
        if self.too_deep(levels, span) {
            return Spanned::new(ExprKind::Literal(Literal::Bool(false)), span);
        }
        self.depth += levels;
        let e = self.expr_unbounded(pair);
        self.depth -= levels;
        e
    }

    pub(super) fn too_deep(&mut self, levels: usize, span: Span) -> bool {
        if self.depth + levels <= MAX_EXPR_DEPTH {
            return false;
        }
        let message = crate::msg!("syntax-too-deep", limit = MAX_EXPR_DEPTH);
        if !self.errors.iter().any(|e| e.message == message) {
            self.error(span, message);
        }
        true
    }

    fn expr_unbounded(&mut self, pair: Pair) -> Expr {
        let span = self.span(&pair);
        match pair.as_rule() {
            Rule::expr | Rule::paren => self.expr(next(&mut inner(pair))),
            Rule::or_expr | Rule::and_expr | Rule::add_expr | Rule::mul_expr => {
                self.binary_chain(pair)
            }
            Rule::not_expr => self.prefix(pair, UnaryOp::Not),
            Rule::unary_expr => self.prefix(pair, UnaryOp::Neg),
            Rule::cmp_expr => self.comparison(pair),
            Rule::postfix => self.postfix(pair),
            Rule::ident => Spanned::new(ExprKind::Name(pair.as_str().into()), span),
            Rule::list => Spanned::new(
                ExprKind::List(inner(pair).map(|p| self.expr(p)).collect()),
                span,
            ),
            Rule::call => Spanned::new(self.call(pair), span),
            Rule::aggregate => Spanned::new(self.aggregate(pair), span),
            _ => Spanned::new(ExprKind::Literal(self.literal(pair)), span),
        }
    }

    /// `a.b.c`: each access wraps what comes before it.
    fn postfix(&mut self, pair: Pair) -> Expr {
        let mut it = inner(pair);
        let mut e = self.expr(next(&mut it));
        for access in it {
            let field = self.ident(next(&mut inner(access)));
            let s = e.span.to(field.span);
            e = Spanned::new(ExprKind::Field(Box::new(e), field), s);
        }
        e
    }

    fn call(&mut self, pair: Pair) -> ExprKind {
        let mut it = inner(pair);
        let name = self.ident(next(&mut it));
        ExprKind::Call(name, it.map(|p| self.expr(p)).collect())
    }

    fn aggregate(&mut self, pair: Pair) -> ExprKind {
        let mut it = inner(pair);
        let op = if next(&mut it).as_str() == "count" {
            AggregateOp::Count
        } else {
            AggregateOp::Exists
        };
        let collection = self.ident(next(&mut it));
        let var = self.ident(next(&mut it));
        let filter = it.next().map(|p| Box::new(self.expr(p)));
        ExprKind::Aggregate {
            op,
            collection,
            var,
            filter,
        }
    }

    fn binary_chain(&mut self, pair: Pair) -> Expr {
        let mut it = inner(pair);
        let mut lhs = self.expr(next(&mut it));
        while let Some(op) = it.next() {
            let rhs = self.expr(next(&mut it));
            let op = match op.as_str() {
                "or" => BinaryOp::Or,
                "and" => BinaryOp::And,
                "+" => BinaryOp::Add,
                "-" => BinaryOp::Sub,
                "*" => BinaryOp::Mul,
                _ => BinaryOp::Div,
            };
            let span = lhs.span.to(rhs.span);
            lhs = Spanned::new(ExprKind::Binary(op, Box::new(lhs), Box::new(rhs)), span);
        }
        lhs
    }

    fn prefix(&mut self, pair: Pair, op: UnaryOp) -> Expr {
        let pairs: Vec<Pair> = inner(pair).collect();
        let (ops, operand) = pairs.split_at(pairs.len() - 1);
        let mut e = self.expr(operand[0].clone());
        for o in ops.iter().rev() {
            let span = self.span(o).to(e.span);
            e = match (op, &e.node) {
                // `-5` is a literal, so that it can be an enum-free constant.
                (UnaryOp::Neg, ExprKind::Literal(Literal::Int(n))) => {
                    Spanned::new(ExprKind::Literal(Literal::Int(-n)), span)
                }
                (UnaryOp::Neg, ExprKind::Literal(Literal::Decimal(n))) => {
                    Spanned::new(ExprKind::Literal(Literal::Decimal(-n)), span)
                }
                _ => Spanned::new(ExprKind::Unary(op, Box::new(e)), span),
            };
        }
        e
    }

    /// An operand and at most one tail: `== x`, `in xs`, `contains x`,
    /// `matches "re"`, `is set` or `within d after t`.
    fn comparison(&mut self, pair: Pair) -> Expr {
        let span = self.span(&pair);
        let mut it = inner(pair);
        let lhs = self.expr(next(&mut it));
        let Some(tail) = it.next() else { return lhs };
        let rule = tail.as_rule();
        let mut t = inner(tail).peekable();
        let lhs = Box::new(lhs);
        let kind = match rule {
            Rule::compare_tail => {
                let op = compare_op(next(&mut t).as_str());
                ExprKind::Binary(op, lhs, Box::new(self.expr(next(&mut t))))
            }
            Rule::in_tail => {
                let negated = t.peek().is_some_and(|p| p.as_rule() == Rule::not_in_op);
                if negated {
                    t.next();
                }
                ExprKind::In {
                    item: lhs,
                    list: Box::new(self.expr(next(&mut t))),
                    negated,
                }
            }
            Rule::contains_tail => ExprKind::Contains(lhs, Box::new(self.expr(next(&mut t)))),
            Rule::matches_tail => ExprKind::Matches(lhs, self.string(next(&mut t))),
            Rule::is_tail => ExprKind::Is {
                value: lhs,
                set: next(&mut t).as_str() == "set",
            },
            _ => self.within(lhs, t),
        };
        Spanned::new(kind, span)
    }

    /// The tail `within <window> after|before <anchor>`.
    fn within<'a>(&mut self, value: Box<Expr>, mut t: impl Iterator<Item = Pair<'a>>) -> ExprKind {
        let window = Box::new(self.expr(next(&mut t)));
        let after = next(&mut t).as_str() == "after";
        let anchor = Box::new(self.expr(next(&mut t)));
        ExprKind::Within {
            value,
            window,
            after,
            anchor,
        }
    }
}

fn compare_op(op: &str) -> BinaryOp {
    match op {
        "==" => BinaryOp::Eq,
        "!=" => BinaryOp::Ne,
        "<=" => BinaryOp::Le,
        ">=" => BinaryOp::Ge,
        "<" => BinaryOp::Lt,
        _ => BinaryOp::Gt,
    }
}
