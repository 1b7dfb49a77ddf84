//! pest pairs -> AST, one function per grammar rule. Problems found while
//! lowering (bad escapes, impossible dates, bad message holes) are collected,
//! not thrown, so one run shows all of them.

use super::ast::*;
use super::parse::{parse, Pair, Rule};
use super::span::{FileId, Span, Spanned};
use super::SyntaxError;

pub use super::depth::MAX_EXPR_DEPTH;
use super::depth::{levels_added, skip_pass_through};

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

    fn error(&mut self, span: Span, message: impl Into<String>) {
        self.errors.push(SyntaxError {
            span,
            message: message.into(),
            expected: vec![],
        });
    }

    fn ident(&self, pair: Pair) -> Ident {
        Spanned::new(pair.as_str().to_string(), self.span(&pair))
    }

    pub fn file(&mut self, pair: Pair) -> PolicyFile {
        let mut items = Vec::new();
        for p in inner(pair) {
            let item = match p.as_rule() {
                Rule::header => Item::Header(self.header(p)),
                Rule::set_let => {
                    let mut it = inner(p);
                    let name = self.ident(next(&mut it));
                    let value = self.expr(next(&mut it));
                    Item::Let(LetDecl { name, value })
                }
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
        let fields = it
            .map(|f| {
                let mut fi = inner(f);
                let key = self.ident(next(&mut fi));
                (key, self.string(next(&mut fi)))
            })
            .collect();
        Header { name, fields, span }
    }

    fn collection(&mut self, pair: Pair) -> CollectionDecl {
        let extend = pair.as_rule() == Rule::extend_block;
        let mut it = inner(pair);
        let head_pair = next(&mut it);
        let head_span = self.span(&head_pair);
        let head = next(&mut inner(head_pair));
        let head = match head.as_rule() {
            Rule::record_head => CollectionHead::Record,
            Rule::company_head => CollectionHead::Company,
            Rule::event_head => CollectionHead::Event(next(&mut inner(head)).as_str().into()),
            _ => CollectionHead::Table(next(&mut inner(head)).as_str().into()),
        };
        let fields = it.map(|f| self.field_decl(f)).collect();
        CollectionDecl {
            head: Spanned::new(head, head_span),
            extend,
            fields,
        }
    }

    fn field_decl(&mut self, pair: Pair) -> FieldDecl {
        let mut it = inner(pair);
        let name = self.ident(next(&mut it));
        let ty_pair = next(&mut it);
        let ty = Spanned::new(self.type_expr(ty_pair.clone()), self.span(&ty_pair));
        let mut decl = FieldDecl {
            name,
            ty,
            optional: false,
            default: None,
            pii: false,
        };
        for p in it {
            match p.as_rule() {
                Rule::optional_mark => decl.optional = true,
                Rule::pii_mark => decl.pii = true,
                _ => decl.default = Some(self.expr(next(&mut inner(p)))),
            }
        }
        decl
    }

    fn type_expr(&mut self, pair: Pair) -> TypeExpr {
        let ty = next(&mut inner(pair));
        match ty.as_rule() {
            Rule::one_of_type => TypeExpr::OneOf(inner(ty).map(|s| self.string(s).node).collect()),
            Rule::list_type => {
                let span = self.span(&ty);
                if self.too_deep(1, span) {
                    return TypeExpr::Text;
                }
                self.depth += 1;
                let item = self.type_expr(next(&mut inner(ty)));
                self.depth -= 1;
                TypeExpr::List(Box::new(item))
            }
            Rule::ref_type => TypeExpr::Ref(next(&mut inner(ty)).as_str().into()),
            _ => match ty.as_str() {
                "text" => TypeExpr::Text,
                "int" => TypeExpr::Int,
                "decimal" => TypeExpr::Decimal,
                "bool" => TypeExpr::Bool,
                "date" => TypeExpr::Date,
                "datetime" => TypeExpr::DateTime,
                "duration" => TypeExpr::Duration,
                _ => TypeExpr::Id,
            },
        }
    }

    fn rule(&mut self, pair: Pair) -> Rule_ {
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
        let mut rule = Rule_ {
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
        };
        for p in it {
            let pspan = self.span(&p);
            match p.as_rule() {
                Rule::meta_title => rule.title = Some(self.string(next(&mut inner(p)))),
                Rule::meta_severity => {
                    let sev = match next(&mut inner(p)).as_str() {
                        "warning" => Severity::Warning,
                        "info" => Severity::Info,
                        _ => Severity::Error,
                    };
                    rule.severity = Some(Spanned::new(sev, pspan));
                }
                Rule::meta_cite => rule.cite.push(self.string(next(&mut inner(p)))),
                Rule::meta_help => rule.help = Some(self.string(next(&mut inner(p)))),
                Rule::meta_tags => rule.tags = inner(p).map(|s| self.string(s)).collect(),
                Rule::for_clause => {
                    let mut fi = inner(p);
                    let collection = self.ident(next(&mut fi));
                    let var = self.ident(next(&mut fi));
                    let filter = fi.next().map(|w| self.expr(next(&mut inner(w))));
                    rule.subjects = ForClause {
                        collection,
                        var,
                        filter,
                        span: pspan,
                    };
                }
                _ => rule.clauses.push(self.clause(p)),
            }
        }
        rule
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
                    message: it.next().map(|e| self.message(e)),
                }
            }
            _ => {
                let collection = self.ident(next(&mut it));
                let var = self.ident(next(&mut it));
                let on = self.expr(next(&mut it));
                let message = it.next().map(|e| self.message(e));
                if rule == Rule::match_clause {
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
        };
        Clause { kind, span }
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
            let pspan = self.span(&p);
            if p.as_rule() == Rule::given {
                let mut gi = inner(p);
                let collection = self.ident(next(&mut gi));
                let fields = gi
                    .map(|f| {
                        let mut fi = inner(f);
                        let key = self.ident(next(&mut fi));
                        (key, self.expr(next(&mut fi)))
                    })
                    .collect();
                givens.push(Given {
                    collection,
                    fields,
                    span: pspan,
                });
            } else {
                let mut ei = inner(p);
                let rule = self.ident(next(&mut ei));
                let fails = next(&mut ei).as_str() == "fails";
                let subject = ei.next().map(|f| self.string(next(&mut inner(f))));
                expects.push(Expect {
                    rule,
                    fails,
                    subject,
                    span: pspan,
                });
            }
        }
        TestBlock {
            name,
            givens,
            expects,
            span,
        }
    }

    // ---- strings and messages ----------------------------------------

    /// A string literal with its escapes resolved.
    fn string(&mut self, pair: Pair) -> Spanned<String> {
        let span = self.span(&pair);
        let body = next(&mut inner(pair));
        let (text, _) = self.unescape(body.as_str(), span);
        Spanned::new(text, span)
    }

    /// Resolves escapes; also returns, for each output byte, its source offset
    /// inside the body (used to place message-hole spans exactly).
    fn unescape(&mut self, raw: &str, span: Span) -> (String, Vec<usize>) {
        let mut out = String::with_capacity(raw.len());
        let mut map = Vec::with_capacity(raw.len());
        let mut chars = raw.char_indices();
        while let Some((i, c)) = chars.next() {
            let ch = if c == '\\' {
                match chars.next() {
                    Some((_, '"')) => '"',
                    Some((_, '\\')) => '\\',
                    Some((_, 'n')) => '\n',
                    Some((_, 't')) => '\t',
                    Some((j, other)) => {
                        let at = span.start as usize + 1 + j;
                        self.error(
                            Span::new(self.file, at - 1, at + other.len_utf8()),
                            format!(
                                "unknown escape `\\{other}`; use `\\\"`, `\\\\`, `\\n` or `\\t`"
                            ),
                        );
                        other
                    }
                    None => '\\',
                }
            } else {
                c
            };
            for _ in 0..ch.len_utf8() {
                map.push(i);
            }
            out.push(ch);
        }
        map.push(raw.len());
        (out, map)
    }

    /// A message: literal text with `{expr}` holes; `{{` and `}}` are braces.
    fn message(&mut self, else_pair: Pair) -> Message {
        let string = next(&mut inner(else_pair));
        let span = self.span(&string);
        let body = next(&mut inner(string));
        let body_start = body.as_span().start();
        let (text, map) = self.unescape(body.as_str(), span);
        let mut parts = Vec::new();
        let mut lit = String::new();
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < text.len() {
            match (bytes[i], bytes.get(i + 1)) {
                (b'{', Some(b'{')) | (b'}', Some(b'}')) => {
                    lit.push(bytes[i] as char);
                    i += 2;
                }
                (b'{', _) => {
                    let Some(close) = text[i..].find('}') else {
                        self.error(
                            Span::new(self.file, body_start + map[i], body_start + map[i] + 1),
                            "unclosed `{` in message; write `{{` for a literal brace",
                        );
                        break;
                    };
                    if !lit.is_empty() {
                        parts.push(MessagePart::Text(std::mem::take(&mut lit)));
                    }
                    let hole = &text[i + 1..i + close];
                    let offset = body_start + map[i + 1];
                    if let Some(e) = self.hole(hole, offset) {
                        parts.push(MessagePart::Hole(e));
                    }
                    i += close + 1;
                }
                (b'}', _) => {
                    self.error(
                        Span::new(self.file, body_start + map[i], body_start + map[i] + 1),
                        "unmatched `}` in message; write `}}` for a literal brace",
                    );
                    i += 1;
                }
                _ => {
                    let ch_len = utf8_len(bytes[i]);
                    lit.push_str(&text[i..i + ch_len]);
                    i += ch_len;
                }
            }
        }
        if !lit.is_empty() {
            parts.push(MessagePart::Text(lit));
        }
        Message { parts, span }
    }

    fn hole(&mut self, text: &str, offset: usize) -> Option<Expr> {
        match parse(Rule::hole, text, self.file, offset) {
            Ok(pair) => {
                let expr = next(&mut inner(pair));
                let mut sub = Lowerer {
                    file: self.file,
                    errors: vec![],
                    depth: self.depth,
                };
                let mut e = sub.expr(expr);
                shift(&mut e, offset);
                self.errors.extend(sub.errors.into_iter().map(|mut err| {
                    err.span.start += offset as u32;
                    err.span.end += offset as u32;
                    err
                }));
                Some(e)
            }
            Err(mut err) => {
                err.message = format!("in a message hole: {}", err.message);
                self.errors.push(err);
                None
            }
        }
    }

    // ---- expressions ---------------------------------------------------

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

    fn too_deep(&mut self, levels: usize, span: Span) -> bool {
        if self.depth + levels <= MAX_EXPR_DEPTH {
            return false;
        }
        let message = format!(
            "this is nested more than {MAX_EXPR_DEPTH} levels deep (the limit); name parts of it with `let`"
        );
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
            Rule::postfix => {
                let mut it = inner(pair);
                let mut e = self.expr(next(&mut it));
                for access in it {
                    let field = self.ident(next(&mut inner(access)));
                    let s = e.span.to(field.span);
                    e = Spanned::new(ExprKind::Field(Box::new(e), field), s);
                }
                e
            }
            Rule::ident => Spanned::new(ExprKind::Name(pair.as_str().into()), span),
            Rule::list => Spanned::new(
                ExprKind::List(inner(pair).map(|p| self.expr(p)).collect()),
                span,
            ),
            Rule::call => {
                let mut it = inner(pair);
                let name = self.ident(next(&mut it));
                Spanned::new(
                    ExprKind::Call(name, it.map(|p| self.expr(p)).collect()),
                    span,
                )
            }
            Rule::aggregate => {
                let mut it = inner(pair);
                let op = if next(&mut it).as_str() == "count" {
                    AggregateOp::Count
                } else {
                    AggregateOp::Exists
                };
                let collection = self.ident(next(&mut it));
                let var = self.ident(next(&mut it));
                let filter = it.next().map(|p| Box::new(self.expr(p)));
                Spanned::new(
                    ExprKind::Aggregate {
                        op,
                        collection,
                        var,
                        filter,
                    },
                    span,
                )
            }
            _ => Spanned::new(ExprKind::Literal(self.literal(pair)), span),
        }
    }

    fn literal(&mut self, pair: Pair) -> Literal {
        let span = self.span(&pair);
        match pair.as_rule() {
            Rule::string => Literal::Text(self.string(pair).node),
            Rule::boolean => Literal::Bool(pair.as_str() == "true"),
            Rule::integer => match pair.as_str().parse() {
                Ok(n) => Literal::Int(n),
                Err(_) => {
                    self.error(span, "this number is too large");
                    Literal::Int(0)
                }
            },
            Rule::decimal => Literal::Decimal(pair.as_str().parse().unwrap_or(0.0)),
            Rule::date => Literal::Date(self.date(pair).node),
            Rule::datetime => self.datetime(pair),
            Rule::permanent => Literal::Duration(Duration::Permanent),
            _ => self.duration(pair),
        }
    }

    fn date(&mut self, pair: Pair) -> Spanned<jiff::civil::Date> {
        let span = self.span(&pair);
        match pair.as_str().parse::<jiff::civil::Date>() {
            Ok(d) => Spanned::new(d, span),
            Err(_) => {
                self.error(
                    span,
                    format!("`{}` is not a date on the calendar", pair.as_str()),
                );
                Spanned::new(jiff::civil::Date::constant(1970, 1, 1), span)
            }
        }
    }

    fn datetime(&mut self, pair: Pair) -> Literal {
        let span = self.span(&pair);
        let text = pair.as_str();
        // `datetime` is atomic, so its offset is found in the text, not as a child.
        let time = text.split_once('T').map_or("", |(_, t)| t);
        let has_offset = time.ends_with(['Z', 'z']) || time.contains(['+', '-']);
        if !has_offset {
            self.error(span, format!("datetime `{text}` needs an offset in a policy, e.g. `{text}+08:00` or `{text}Z`"));
            return Literal::DateTime(jiff::Timestamp::UNIX_EPOCH);
        }
        match text.parse::<jiff::Timestamp>() {
            Ok(t) => Literal::DateTime(t),
            Err(_) => {
                self.error(span, format!("`{text}` is not a valid datetime"));
                Literal::DateTime(jiff::Timestamp::UNIX_EPOCH)
            }
        }
    }

    fn duration(&mut self, pair: Pair) -> Literal {
        let span = self.span(&pair);
        let mut it = inner(pair);
        let n: i64 = next(&mut it).as_str().parse().unwrap_or(i64::MAX);
        let unit = next(&mut it).as_str();
        match duration_from(n, unit) {
            Some(d) => Literal::Duration(d),
            None => {
                self.error(span, "this duration is too long");
                Literal::Duration(Duration::Permanent)
            }
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
                let op = match next(&mut t).as_str() {
                    "==" => BinaryOp::Eq,
                    "!=" => BinaryOp::Ne,
                    "<=" => BinaryOp::Le,
                    ">=" => BinaryOp::Ge,
                    "<" => BinaryOp::Lt,
                    _ => BinaryOp::Gt,
                };
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
            _ => {
                let window = Box::new(self.expr(next(&mut t)));
                let after = next(&mut t).as_str() == "after";
                let anchor = Box::new(self.expr(next(&mut t)));
                ExprKind::Within {
                    value: lhs,
                    window,
                    after,
                    anchor,
                }
            }
        };
        Spanned::new(kind, span)
    }
}

type Rule_ = super::ast::Rule;

/// The children of a pair, without keyword tokens (`k_*` rules), which
/// only serve to keep `format` from matching `for`.
pub(super) fn inner(pair: Pair<'_>) -> impl Iterator<Item = Pair<'_>> {
    pair.into_inner().filter(|c| !is_keyword(c.as_rule()))
}

pub(super) fn is_keyword(rule: Rule) -> bool {
    format!("{rule:?}").starts_with("k_")
}

/// The next child of a pair. The grammar guarantees the child exists, so a
/// missing one is a bug in this file, not bad input.
fn next<'a>(it: &mut impl Iterator<Item = Pair<'a>>) -> Pair<'a> {
    #[allow(
        clippy::expect_used,
        reason = "the grammar fixes the children of every rule lowered here"
    )]
    it.next().expect("grammar guarantees this child")
}

pub fn duration_from(n: i64, unit: &str) -> Option<Duration> {
    let n32 = i32::try_from(n).ok();
    let (months, days, seconds) = match unit.trim_end_matches('s') {
        "year" => (n32?.checked_mul(12)?, 0, 0),
        "month" => (n32?, 0, 0),
        "week" => (0, n32?.checked_mul(7)?, 0),
        "day" => (0, n32?, 0),
        "hour" => (0, 0, n.checked_mul(3600)?),
        "minute" => (0, 0, n.checked_mul(60)?),
        _ => return None,
    };
    Some(Duration::Span {
        months,
        days,
        seconds,
    })
}

fn utf8_len(first: u8) -> usize {
    match first {
        0..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        _ => 4,
    }
}

/// Moves every span of a hole expression from hole-relative to file offsets.
fn shift(e: &mut Expr, by: usize) {
    let by = by as u32;
    e.span.start += by;
    e.span.end += by;
    match &mut e.node {
        ExprKind::Literal(_) | ExprKind::Name(_) => {}
        ExprKind::List(items) => items.iter_mut().for_each(|i| shift(i, by as usize)),
        ExprKind::Field(b, f) => {
            shift(b, by as usize);
            f.span.start += by;
            f.span.end += by;
        }
        ExprKind::Unary(_, x) => shift(x, by as usize),
        ExprKind::Binary(_, a, b)
        | ExprKind::Contains(a, b)
        | ExprKind::In {
            item: a, list: b, ..
        } => {
            shift(a, by as usize);
            shift(b, by as usize);
        }
        ExprKind::Matches(a, s) => {
            shift(a, by as usize);
            s.span.start += by;
            s.span.end += by;
        }
        ExprKind::Is { value, .. } => shift(value, by as usize),
        ExprKind::Within {
            value,
            window,
            anchor,
            ..
        } => {
            shift(value, by as usize);
            shift(window, by as usize);
            shift(anchor, by as usize);
        }
        ExprKind::Call(name, args) => {
            name.span.start += by;
            name.span.end += by;
            args.iter_mut().for_each(|a| shift(a, by as usize));
        }
        ExprKind::Aggregate {
            collection,
            var,
            filter,
            ..
        } => {
            for i in [collection, var] {
                i.span.start += by;
                i.span.end += by;
            }
            if let Some(f) = filter {
                shift(f, by as usize);
            }
        }
    }
}
