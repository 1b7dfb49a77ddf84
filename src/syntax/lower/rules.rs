//! Rules: their kind, metadata, `for` clause and body clauses.

use super::{inner, next, Lowerer};
use crate::syntax::ast::*;
use crate::syntax::parse::{Pair, Rule};
use crate::syntax::span::{Span, Spanned};

type Rule_ = crate::syntax::ast::Rule;

impl Lowerer {
    pub(super) fn rule(&mut self, pair: Pair) -> Rule_ {
        let span = self.span(&pair);
        let mut it = inner(pair);
        let kind = match next(&mut it).as_str() {
            "retention" => RuleKind::Retention,
            "access" => RuleKind::Access,
            "destruction" => RuleKind::Destruction,
            "notification" => RuleKind::Notification,
            _ => RuleKind::Rule,
        };
        let name = self.ident(next(&mut it));
        let mut rule = empty_rule(kind, name, span);
        for p in it {
            self.rule_part(&mut rule, p);
        }
        rule
    }

    /// One metadata line, the `for` clause or a body clause of a rule.
    fn rule_part(&mut self, rule: &mut Rule_, p: Pair) {
        let pspan = self.span(&p);
        // A second `severity error` ... `severity info` silently replaced
        // the first (and `fmt` dropped it): the rule ran as info, exit 0
        // (hostile review, 2026-12-05). `cite` may repeat.
        let given = match p.as_rule() {
            Rule::meta_title => rule.title.is_some().then_some("title"),
            Rule::meta_severity => rule.severity.is_some().then_some("severity"),
            Rule::meta_help => rule.help.is_some().then_some("help"),
            Rule::meta_tags => (!rule.tags.is_empty()).then_some("tags"),
            _ => None,
        };
        if let Some(what) = given {
            self.error(pspan, crate::msg!("syntax-meta-twice", what = what));
        }
        match p.as_rule() {
            Rule::meta_title => rule.title = Some(self.texts(next(&mut inner(p)))),
            Rule::meta_severity => {
                let sev = match next(&mut inner(p)).as_str() {
                    "warning" => Severity::Warning,
                    "info" => Severity::Info,
                    _ => Severity::Error,
                };
                rule.severity = Some(Spanned::new(sev, pspan));
            }
            Rule::meta_cite => rule.cite.push(self.string(next(&mut inner(p)))),
            Rule::meta_help => rule.help = Some(self.texts(next(&mut inner(p)))),
            Rule::meta_tags => rule.tags = inner(p).map(|s| self.string(s)).collect(),
            Rule::for_clause => rule.subjects = self.for_clause(p),
            _ => rule.clauses.push(self.clause(p)),
        }
    }

    fn for_clause(&mut self, pair: Pair) -> ForClause {
        let span = self.span(&pair);
        let mut it = inner(pair);
        let collection = self.ident(next(&mut it));
        let var = self.ident(next(&mut it));
        let filter = it.next().map(|w| self.expr(next(&mut inner(w))));
        ForClause {
            collection,
            var,
            filter,
            span,
        }
    }

    fn clause(&mut self, pair: Pair) -> Clause {
        let span = self.span(&pair);
        let rule = pair.as_rule();
        let mut it = inner(pair);
        let kind = match rule {
            Rule::let_clause => {
                let name = self.ident(next(&mut it));
                ClauseKind::Let {
                    name,
                    value: self.expr(next(&mut it)),
                }
            }
            Rule::when_clause => ClauseKind::When(self.expr(next(&mut it))),
            Rule::require_clause => {
                let cond = self.expr(next(&mut it));
                ClauseKind::Require {
                    cond,
                    message: it.next().map(|e| self.messages(e)),
                }
            }
            _ => self.join_clause(rule == Rule::match_clause, it),
        };
        Clause { kind, span }
    }

    /// `match` or `forbid`: a collection, a variable, an `on` condition and
    /// an optional message.
    fn join_clause<'a>(
        &mut self,
        is_match: bool,
        mut it: impl Iterator<Item = Pair<'a>>,
    ) -> ClauseKind {
        let collection = self.ident(next(&mut it));
        let var = self.ident(next(&mut it));
        let on = self.expr(next(&mut it));
        let message = it.next().map(|e| self.messages(e));
        if is_match {
            ClauseKind::Match {
                collection,
                var,
                on,
                message,
            }
        } else {
            ClauseKind::Forbid {
                collection,
                var,
                on,
                message,
            }
        }
    }
}

/// A rule with its kind and name and nothing else yet; its `for` clause
/// spans the whole rule until the real one is lowered.
fn empty_rule(kind: RuleKind, name: Ident, span: Span) -> Rule_ {
    Rule_ {
        kind,
        name,
        title: None,
        severity: None,
        cite: vec![],
        help: None,
        tags: vec![],
        subjects: ForClause {
            collection: Spanned::new(String::new(), span),
            var: Spanned::new(String::new(), span),
            filter: None,
            span,
        },
        clauses: vec![],
        span,
    }
}
