//! String literals (escapes) and messages with `{expr}` holes.

use super::{inner, next, Lowerer};
use crate::syntax::ast::*;
use crate::syntax::localized::Localized;
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

    /// A title, help or label: one text, or one per language.
    pub(super) fn texts(&mut self, texts: Pair) -> Texts {
        self.localized(texts, |l, s| l.string(s))
    }

    /// An `else` message: one, or one per language.
    pub(super) fn messages(&mut self, else_pair: Pair) -> Messages {
        self.localized(next(&mut inner(else_pair)), |l, s| l.message(s))
    }

    /// The texts of a `texts` pair by language. A text without a tag is
    /// every language's, so it must be the only one; a tag is `zh` or `en`,
    /// each at most once. Each mistake is an error at the text it is about.
    fn localized<'a, T>(
        &mut self,
        texts: Pair<'a>,
        mut lower: impl FnMut(&mut Self, Pair<'a>) -> T,
    ) -> Localized<T> {
        let parts: Vec<Pair> = inner(texts).collect();
        let several = parts.len() > 1;
        let mut out = Localized::default();
        for part in parts {
            let mut it = inner(part);
            let first = next(&mut it);
            let (tag, string) = match it.next() {
                Some(string) => (Some(first), string),
                None => (None, first),
            };
            let at = self.span(&string);
            let value = lower(self, string);
            let Some(tag) = tag else {
                if several {
                    self.error(at, UNTAGGED_BESIDE_OTHERS);
                } else {
                    out.any = Some(value);
                }
                continue;
            };
            let tag_span = self.span(&tag);
            let slot = match tag.as_str() {
                "zh" => &mut out.zh,
                "en" => &mut out.en,
                other => {
                    let msg = format!("unknown language `{other}`: a text is tagged `zh` (Simplified Chinese) or `en` (English)");
                    self.error(tag_span, msg);
                    continue;
                }
            };
            if slot.is_some() {
                let msg = format!(
                    "a second `{}` text: write one text per language",
                    tag.as_str()
                );
                self.error(tag_span, msg);
                continue;
            }
            *slot = Some(value);
        }
        out
    }

    /// A message: literal text with `{expr}` holes; `{{` and `}}` are braces.
    fn message(&mut self, string: Pair) -> Message {
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
                    // A hole's own escapes (`\"` in a string in it) make
                    // the source longer than its text: place each position
                    // through the escape map, not by one shift.
                    let at = |p: u32| {
                        let k = (i + 1 + p as usize).min(map.len().saturating_sub(1));
                        (body_start + map.get(k).copied().unwrap_or(0)) as u32
                    };
                    if let Some(e) = self.hole(hole, &at) {
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

    /// A hole's expression; `at` turns a position in its text into one in
    /// the file.
    fn hole(&mut self, text: &str, at: &dyn Fn(u32) -> u32) -> Option<Expr> {
        let to_file = |span: &mut Span| {
            span.start = at(span.start);
            span.end = at(span.end);
        };
        match parse(Rule::hole, text, self.file, 0) {
            Ok(pair) => {
                let expr = next(&mut inner(pair));
                let mut sub = Lowerer {
                    file: self.file,
                    errors: vec![],
                    depth: self.depth,
                };
                let mut e = sub.expr(expr);
                each_span(&mut e, &mut { to_file });
                self.errors.extend(sub.errors.into_iter().map(|mut err| {
                    to_file(&mut err.span);
                    err
                }));
                Some(e)
            }
            Err(mut err) => {
                to_file(&mut err.span);
                err.message = format!("in a message hole: {}", err.message);
                self.errors.push(err);
                None
            }
        }
    }
}

const UNTAGGED_BESIDE_OTHERS: &str = "a text without a language beside others: tag each with `zh` or `en` (`zh \"…\" en \"…\"`), or write one text for every language";

fn utf8_len(first: u8) -> usize {
    match first {
        0..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        _ => 4,
    }
}

/// Applies `f` to every span of a hole expression.
fn each_span(e: &mut Expr, f: &mut impl FnMut(&mut Span)) {
    f(&mut e.span);
    match &mut e.node {
        ExprKind::Literal(_) | ExprKind::Name(_) => {}
        ExprKind::List(items) => items.iter_mut().for_each(|i| each_span(i, f)),
        ExprKind::Field(b, field) => {
            each_span(b, f);
            f(&mut field.span);
        }
        ExprKind::Unary(_, x) => each_span(x, f),
        ExprKind::Binary(_, a, b)
        | ExprKind::Contains(a, b)
        | ExprKind::In {
            item: a, list: b, ..
        } => {
            each_span(a, f);
            each_span(b, f);
        }
        ExprKind::Matches(a, pattern) => {
            each_span(a, f);
            f(&mut pattern.span);
        }
        ExprKind::Is { value, .. } => each_span(value, f),
        ExprKind::Within {
            value,
            window,
            anchor,
            ..
        } => {
            each_span(value, f);
            each_span(window, f);
            each_span(anchor, f);
        }
        ExprKind::Call(name, args) => {
            f(&mut name.span);
            args.iter_mut().for_each(|a| each_span(a, f));
        }
        ExprKind::Aggregate {
            collection,
            var,
            filter,
            ..
        } => {
            f(&mut collection.span);
            f(&mut var.span);
            if let Some(filter) = filter {
                each_span(filter, f);
            }
        }
    }
}
