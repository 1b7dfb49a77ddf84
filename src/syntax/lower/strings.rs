//! String literals (escapes) and messages with `{expr}` holes.

use super::{inner, next, Lowerer};
use crate::syntax::ast::*;
use crate::syntax::parse::{parse, Pair, Rule};
use crate::syntax::span::{Span, Spanned};

impl Lowerer {
    /// A string literal with its escapes resolved.
    pub(super) fn string(&mut self, pair: Pair) -> Spanned<String> {
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
    pub(super) fn message(&mut self, else_pair: Pair) -> Message {
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
