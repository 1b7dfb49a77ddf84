//! Top-level items: the file, its header, `let`, waivers and test blocks.

use super::{inner, next, Lowerer};
use crate::syntax::ast::*;
use crate::syntax::parse::{Pair, Rule};

impl Lowerer {
    pub fn file(&mut self, pair: Pair) -> PolicyFile {
        let mut items = Vec::new();
        for p in inner(pair) {
            let item = match p.as_rule() {
                Rule::header => Item::Header(self.header(p)),
                Rule::set_let => Item::Let(self.set_let(p)),
                Rule::schema_block => Item::Schema(inner(p).map(|c| self.collection(c)).collect()),
                Rule::extend_block => Item::Schema(vec![self.collection(p)]),
                Rule::rule_item => Item::Rule(Box::new(self.rule(p))),
                Rule::waiver => Item::Waiver(self.waiver(p)),
                Rule::test_block => Item::Test(self.test_block(p)),
                _ => continue, // EOI
            };
            items.push(item);
        }
        PolicyFile { items }
    }

    fn header(&mut self, pair: Pair) -> Header {
        let span = self.span(&pair);
        let mut it = inner(pair);
        let name = self.string(next(&mut it));
        let fields = self.key_values(it, Self::string);
        Header { name, fields, span }
    }

    fn set_let(&mut self, pair: Pair) -> LetDecl {
        let mut it = inner(pair);
        let name = self.ident(next(&mut it));
        let value = self.expr(next(&mut it));
        LetDecl { name, value }
    }

    fn waiver(&mut self, pair: Pair) -> Waiver {
        let span = self.span(&pair);
        let mut it = inner(pair);
        let rule = self.ident(next(&mut it));
        let subject = self.string(next(&mut it));
        let until = self.date(next(&mut it));
        let because = self.string(next(&mut it));
        let by = it.next().map(|b| self.string(next(&mut inner(b))));
        Waiver {
            rule,
            subject,
            until,
            because,
            by,
            span,
        }
    }

    fn test_block(&mut self, pair: Pair) -> TestBlock {
        let span = self.span(&pair);
        let mut it = inner(pair);
        let name = self.string(next(&mut it));
        let (mut givens, mut expects) = (vec![], vec![]);
        for p in it {
            if p.as_rule() == Rule::given {
                givens.push(self.given(p));
            } else {
                expects.push(self.expect(p));
            }
        }
        TestBlock {
            name,
            givens,
            expects,
            span,
        }
    }

    fn given(&mut self, pair: Pair) -> Given {
        let span = self.span(&pair);
        let mut it = inner(pair);
        let collection = self.ident(next(&mut it));
        let fields = self.key_values(it, Self::expr);
        Given {
            collection,
            fields,
            span,
        }
    }

    fn expect(&mut self, pair: Pair) -> Expect {
        let span = self.span(&pair);
        let mut it = inner(pair);
        let rule = self.ident(next(&mut it));
        let outcome = match next(&mut it).as_str() {
            "fails" => ExpectOutcome::Fails,
            "passes" => ExpectOutcome::Passes,
            _ => ExpectOutcome::LacksEvidence, // `lacks evidence`
        };
        let subject = it.next().map(|f| self.string(next(&mut inner(f))));
        Expect {
            rule,
            outcome,
            subject,
            span,
        }
    }
}
