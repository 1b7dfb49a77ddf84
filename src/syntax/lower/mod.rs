//! pest pairs -> AST, one function per grammar rule. Problems found while
//! lowering (bad escapes, impossible dates, bad message holes) are collected,
//! not thrown, so one run shows all of them.
//!
//! The submodules split the work by what is lowered: top-level `items`, the
//! `schema` (collections, fields, types), `rules` and their clauses,
//! `expr`essions, `literal`s and `strings` with messages.

use super::ast::Ident;
use super::parse::{Pair, Rule};
use super::span::{FileId, Span, Spanned};
use super::SyntaxError;

pub use super::depth::MAX_EXPR_DEPTH;
pub use literal::duration_from;

mod expr;
mod items;
mod literal;
mod rules;
mod schema;
mod strings;

pub struct Lowerer {
    pub file: FileId,
    pub errors: Vec<SyntaxError>,
    /// Nesting of the expression or type being lowered.
    pub depth: usize,
}

impl Lowerer {
    /// The span of a pair without the whitespace pest's implicit skipping
    /// leaves at its end (an optional `else` that is absent still skips it).
    fn span(&self, pair: &Pair) -> Span {
        let s = pair.as_span();
        Span::new(
            self.file,
            s.start(),
            s.start() + pair.as_str().trim_end().len(),
        )
    }

    fn error(&mut self, span: Span, message: crate::i18n::Msg) {
        self.errors.push(SyntaxError {
            span,
            message,
            expected: vec![],
        });
    }

    fn ident(&self, pair: Pair) -> Ident {
        Spanned::new(pair.as_str().to_string(), self.span(&pair))
    }

    /// `key: value` pairs (header fields, `given` fields): each child is a
    /// name followed by a value that `value` lowers.
    fn key_values<'a, T>(
        &mut self,
        pairs: impl Iterator<Item = Pair<'a>>,
        mut value: impl FnMut(&mut Self, Pair<'a>) -> T,
    ) -> Vec<(Ident, T)> {
        pairs
            .map(|p| {
                let mut it = inner(p);
                let key = self.ident(next(&mut it));
                (key, value(self, next(&mut it)))
            })
            .collect()
    }
}

/// The children of a pair, without keyword tokens (`k_*` rules), which
/// only serve to keep `format` from matching `for`.
pub(super) fn inner(pair: Pair<'_>) -> impl Iterator<Item = Pair<'_>> {
    pair.into_inner().filter(|c| !is_keyword(c.as_rule()))
}

pub(super) fn is_keyword(rule: Rule) -> bool {
    format!("{rule:?}").starts_with("k_")
}

/// The next child of a pair. The grammar guarantees the child exists, so a
/// missing one is a bug in this module, not bad input.
fn next<'a>(it: &mut impl Iterator<Item = Pair<'a>>) -> Pair<'a> {
    #[allow(
        clippy::expect_used,
        reason = "the grammar fixes the children of every rule lowered here"
    )]
    it.next().expect("grammar guarantees this child")
}
