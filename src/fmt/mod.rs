//! `custodia fmt`: one canonical layout for policy files. Items are
//! separated by one blank line; two-space indentation; rule metadata in the
//! order title, severity, cite, help, tags, then a blank line and `for`; one
//! clause per line, its condition broken before its `and`s/`or`s and its
//! `else` on the next line when the line would pass [`MAX_WIDTH`] display
//! columns (see [`expr::ExprPrinter::flow`]); a `given` on one line when it
//! fits. Comments are kept (see [`comments`]). The formatter prints the syntax tree, so formatting
//! never changes what a policy means: `parse(fmt(x)) == parse(x)`.

pub mod comments;
pub mod expr;
pub mod meaning;

use crate::i18n::Lang;
use crate::syntax::ast::{
    Clause, ClauseKind, CollectionDecl, FieldDecl, Given, Header, Item, LetDecl, Messages,
    PolicyFile, Rule, TestBlock, Texts, TypeExpr, Waiver,
};
use crate::syntax::localized;
use crate::syntax::span::{FileId, Span};
use crate::syntax::SyntaxError;

use comments::{same_line, Comment};
use expr::{quote, ExprPrinter};

/// Longest line, in display columns, before a condition breaks at its
/// `and`s/`or`s, or `else`, `because` or a `given`'s fields move to lines
/// of their own.
pub const MAX_WIDTH: usize = 100;

const INDENT: &str = "  ";
/// A clause's `else` on a line of its own.
const ELSE_INDENT: &str = "        ";
/// The column of the `and`/`or` lines of a long condition: under the text
/// after `require `, as the packs were laid out by hand.
const CONTINUE_COLUMN: usize = 10;

/// Formats the text of one policy file; syntax errors are returned as they
/// are, and so is an error when the formatted text would not read back as
/// the same tree ([`read_back`]).
pub fn format_source(src: &str) -> Result<String, Vec<SyntaxError>> {
    let (ast, errors) = crate::syntax::parse_file(src, FileId(0));
    if !errors.is_empty() {
        return Err(errors);
    }
    let out = Printer::new(Some(src), comments::scan(src)).file(&ast);
    read_back(&ast, out)
}

/// `out`, the formatted text of the file whose tree is `before`, when it
/// parses to that tree (positions, layout and comments aside); otherwise an
/// error, and the file is not written. Parentheses fmt adds (an `and`
/// inside an `or`) count towards the nesting limit, so a file at the limit
/// can come out unreadable: that is the one failure the author can act
/// on. Any other is a fault of fmt, and the safety net that keeps it from
/// changing what a policy means (hostile review h19: a misread comment
/// turned `+ 1 year` into `+ 1 year + 1 year`; [`meaning`]).
pub fn read_back(before: &PolicyFile, out: String) -> Result<String, Vec<SyntaxError>> {
    let (after, errors) = crate::syntax::parse_file(&out, FileId(0));
    if let Some(e) = errors.first() {
        let too_deep = matches!(e.message.id, "syntax-too-deep" | "syntax-too-deep-to-parse");
        let problem = e.message.clone();
        let message = if too_deep {
            crate::msg!("fmt-would-not-read-back", problem = problem)
        } else {
            crate::msg!("fmt-read-back-failed", problem = problem)
        };
        return Err(vec![SyntaxError {
            // The error's place is in the formatted text, which is not
            // written: name the file, and say what went wrong there.
            span: Span::new(FileId(0), 0, 0),
            message,
            expected: vec![],
        }]);
    }
    match meaning::first_difference(before, &after) {
        None => Ok(out),
        Some(span) => Err(vec![SyntaxError {
            span,
            message: crate::msg!("fmt-would-change-meaning"),
            expected: vec![],
        }]),
    }
}

/// Formats a syntax tree that has no source text (values are printed from
/// the tree; there are no comments).
pub fn format_ast(ast: &PolicyFile) -> String {
    Printer::new(None, vec![]).file(ast)
}

struct Printer<'a> {
    src: Option<&'a str>,
    ex: ExprPrinter<'a>,
    comments: Vec<Comment>,
    next: usize,
    out: String,
    /// Marks where a trailing comment starts until [`align_trailing`] places
    /// it: a character that does not occur in the source.
    marker: char,
}

impl<'a> Printer<'a> {
    fn new(src: Option<&'a str>, comments: Vec<Comment>) -> Self {
        Printer {
            src,
            ex: ExprPrinter { src },
            comments,
            next: 0,
            out: String::new(),
            marker: ('\u{E000}'..='\u{F8FF}')
                .find(|c| !src.is_some_and(|s| s.contains(*c)))
                .unwrap_or('\u{1}'),
        }
    }

    fn file(mut self, f: &PolicyFile) -> String {
        for (i, item) in f.items.iter().enumerate() {
            if i > 0 {
                self.out.push('\n');
            }
            self.item(item);
        }
        let rest: Vec<String> = self.comments[self.next..]
            .iter()
            .map(|c| c.text.clone())
            .collect();
        if !rest.is_empty() && !self.out.is_empty() {
            self.out.push('\n');
        }
        for c in rest {
            self.out.push_str(&c);
            self.out.push('\n');
        }
        align_trailing(&self.out, self.marker)
    }

    /// Prints the comments that start before `pos`, each on its own line.
    fn leading(&mut self, pos: u32, indent: &str, closing: bool) {
        while let Some(c) = self.comments.get(self.next) {
            if c.start >= pos as usize {
                break;
            }
            self.out.push_str(indent);
            self.out.push_str(&c.text);
            self.out.push('\n');
            if c.blank_after && !closing {
                self.out.push('\n');
            }
            self.next += 1;
        }
    }

    /// One line: the comments before `start`, the text, and a comment that
    /// followed `end` on the same source line.
    fn line(&mut self, indent: &str, text: &str, start: Option<u32>, end: Option<u32>) {
        if let Some(s) = start {
            self.leading(s, indent, false);
        }
        self.out.push_str(indent);
        self.out.push_str(text);
        if let (Some(e), Some(src)) = (end, self.src) {
            let e = self.code_end(e);
            if let Some(c) = self.comments.get(self.next) {
                // Only the last code before the comment takes it: with two
                // fields on a line, the first took the second's comment,
                // which is the second's description (hostile review,
                // 2026-12-05). What a span leaves out (`?`, `pii`, brackets,
                // a comma) does not count.
                let between = src.get(e as usize..c.start).unwrap_or("");
                if c.start >= e as usize
                    && same_line(src, e as usize, c.start)
                    && between.replace("pii", "").chars().all(|ch| {
                        ch.is_whitespace() || matches!(ch, '{' | '}' | '?' | ',' | ')' | ']')
                    })
                {
                    self.out.push(self.marker);
                    self.out.push_str(&c.text);
                    self.next += 1;
                }
            }
        }
        self.out.push('\n');
    }

    /// Where the code of a node that ends at `end` really ends: pest's
    /// spans can take in the whitespace and comments after the last token.
    fn code_end(&self, end: u32) -> u32 {
        let Some(src) = self.src else { return end };
        let mut e = (end as usize).min(src.len());
        loop {
            let trimmed = src[..e].trim_end().len();
            match self
                .comments
                .iter()
                .find(|c| c.end == trimmed && c.start < trimmed)
            {
                Some(c) => e = c.start,
                None => return trimmed as u32,
            }
        }
    }

    /// The closing brace of a block that ends at `end`, after the comments inside it.
    fn close(&mut self, indent: &str, end: u32) {
        self.leading(end, &format!("{indent}{INDENT}"), true);
        self.line(indent, "}", None, Some(end));
    }

    fn item(&mut self, item: &Item) {
        match item {
            Item::Header(h) => self.header(h),
            Item::Let(l) => self.set_let(l),
            Item::Schema(decls) => self.schema(decls),
            Item::Rule(r) => self.rule(r),
            Item::Waiver(w) => self.waiver(w),
            Item::Test(t) => self.test(t),
        }
    }

    fn header(&mut self, h: &Header) {
        let name = self.ex.string(&h.name);
        self.line(
            "",
            &format!("policy {name} {{"),
            Some(h.span.start),
            Some(h.name.span.end),
        );
        for (key, value) in &h.fields {
            let text = format!("{} {}", key.node, self.ex.string(value));
            self.line(INDENT, &text, Some(key.span.start), Some(value.span.end));
        }
        self.close("", h.span.end);
    }

    fn set_let(&mut self, l: &LetDecl) {
        let head = format!("let {} = ", l.name.node);
        let value = self.ex.flow(&l.value, width(&head), INDENT.len());
        let text = format!("{head}{value}");
        self.line("", &text, Some(l.name.span.start), Some(l.value.span.end));
    }

    fn schema(&mut self, decls: &[CollectionDecl]) {
        // A lone top-level `extend` stays one.
        if let [d] = decls {
            if d.extend {
                self.collection("", d);
                return;
            }
        }
        let start = decls.first().map(|d| d.head.span.start);
        self.line("", "schema {", start, None);
        for (i, d) in decls.iter().enumerate() {
            if i > 0 {
                self.out.push('\n');
            }
            self.collection(INDENT, d);
        }
        self.line("", "}", None, None);
    }

    fn collection(&mut self, indent: &str, d: &CollectionDecl) {
        use crate::syntax::ast::CollectionHead as H;
        let head = match &d.head.node {
            H::Record => "record".to_string(),
            H::Company => "company".to_string(),
            H::Event(n) => format!("event {n}"),
            H::Table(n) => format!("table {n}"),
        };
        let extend = if d.extend { "extend " } else { "" };
        let (start, end) = (Some(d.head.span.start), Some(d.head.span.end));
        if d.fields.is_empty() {
            self.line(indent, &format!("{extend}{head} {{}}"), start, end);
            return;
        }
        self.line(indent, &format!("{extend}{head} {{"), start, end);
        let inner = format!("{indent}{INDENT}");
        for f in &d.fields {
            self.field(&inner, f);
        }
        self.line(indent, "}", None, None);
    }

    fn field(&mut self, indent: &str, f: &FieldDecl) {
        let mut text = format!("{}: {}", f.name.node, type_text(&f.ty.node));
        if f.optional {
            text.push('?');
        }
        let mut end = f.ty.span.end;
        if let Some(d) = &f.default {
            text.push_str(&format!(" = {}", self.ex.expr(d)));
            end = end.max(d.span.end);
        }
        if f.pii {
            text.push_str(" pii");
        }
        self.line(indent, &text, Some(f.name.span.start), Some(end));
    }

    fn rule(&mut self, r: &Rule) {
        let head = format!("{} {} {{", r.kind.as_str(), r.name.node);
        self.line("", &head, Some(r.span.start), Some(r.name.span.end));
        let mut meta = false;
        if let Some(t) = &r.title {
            self.texts("title", t);
            meta = true;
        }
        if let Some(s) = &r.severity {
            let text = format!("severity {}", s.node.as_str());
            self.line(INDENT, &text, Some(s.span.start), Some(s.span.end));
            meta = true;
        }
        for c in &r.cite {
            let text = format!("cite {}", self.ex.string(c));
            self.line(INDENT, &text, Some(c.span.start), Some(c.span.end));
            meta = true;
        }
        if let Some(h) = &r.help {
            self.texts("help", h);
            meta = true;
        }
        if !r.tags.is_empty() {
            let tags: Vec<String> = r.tags.iter().map(|t| self.ex.string(t)).collect();
            let text = format!("tags [{}]", tags.join(", "));
            let start = r.tags.first().map(|t| t.span.start);
            self.line(INDENT, &text, start, r.tags.last().map(|t| t.span.end));
            meta = true;
        }
        if meta {
            // Comments before `for` go after the blank line, next to it.
            self.out.push('\n');
        }
        let f = &r.subjects;
        let mut text = format!("for {} {}", f.collection.node, f.var.node);
        if let Some(w) = &f.filter {
            text.push_str(" where ");
            text.push_str(&self.condition(&text, w));
        }
        self.line(INDENT, &text, Some(f.span.start), Some(f.span.end));
        for c in &r.clauses {
            self.clause(c);
        }
        self.close("", r.span.end);
    }

    fn clause(&mut self, c: &Clause) {
        let (text, message) = match &c.kind {
            ClauseKind::Let { name, value } => {
                let head = format!("let {} = ", name.node);
                (format!("{head}{}", self.condition(&head, value)), None)
            }
            ClauseKind::When(e) => (format!("when {}", self.condition("when ", e)), None),
            ClauseKind::Require { cond, message } => (
                format!("require {}", self.condition("require ", cond)),
                message.as_ref(),
            ),
            ClauseKind::Match {
                collection,
                var,
                on,
                message,
            } => {
                let head = format!("match {} {} on ", collection.node, var.node);
                (
                    format!("{head}{}", self.condition(&head, on)),
                    message.as_ref(),
                )
            }
            ClauseKind::Forbid {
                collection,
                var,
                on,
                message,
            } => {
                let head = format!("forbid {} {} on ", collection.node, var.node);
                (
                    format!("{head}{}", self.condition(&head, on)),
                    message.as_ref(),
                )
            }
        };
        let (start, end) = (Some(c.span.start), Some(c.span.end));
        let parts = message.map(|m| self.message_parts(m)).unwrap_or_default();
        if parts.len() > 1 {
            // One language a line, the second under the first.
            self.line(INDENT, &text, start, None);
            self.tagged_lines(ELSE_INDENT, "else", &parts, end);
            return;
        }
        match parts.first().map(|(m, _)| format!("else {m}")) {
            None => self.line(INDENT, &text, start, end),
            Some(e) if !text.contains('\n') && fits(INDENT, &format!("{text} {e}")) => {
                self.line(INDENT, &format!("{text} {e}"), start, end)
            }
            Some(e) => {
                self.line(INDENT, &text, start, None);
                self.line(ELSE_INDENT, &e, None, end);
            }
        }
    }

    /// A title or help: `title "…"`, or one line per language with the
    /// second text under the first (`title zh "…"` / `      en "…"`).
    fn texts(&mut self, key: &str, texts: &Texts) {
        let parts: Vec<(String, Span)> = texts
            .each()
            .map(|(lang, s)| (tagged(lang, &self.ex.string(s)), s.span))
            .collect();
        self.tagged_lines(INDENT, key, &parts, None);
    }

    /// A message's texts as written, each with its tag.
    fn message_parts(&self, m: &Messages) -> Vec<(String, Span)> {
        m.each()
            .map(|(lang, m)| (tagged(lang, &self.ex.message(m)), m.span))
            .collect()
    }

    /// `key` and the first text on one line, each other text on a line of
    /// its own under the first; `end` (else the last text's end) takes the
    /// comment that followed it.
    fn tagged_lines(
        &mut self,
        indent: &str,
        key: &str,
        parts: &[(String, Span)],
        end: Option<u32>,
    ) {
        let under = format!("{indent}{}", " ".repeat(width(key) + 1));
        for (i, (text, span)) in parts.iter().enumerate() {
            let last = i + 1 == parts.len();
            let end = if last {
                end.or(Some(span.end))
            } else {
                Some(span.end)
            };
            if i == 0 {
                self.line(indent, &format!("{key} {text}"), Some(span.start), end);
            } else {
                self.line(&under, text, Some(span.start), end);
            }
        }
    }

    /// The expression that follows `head` on a clause line (a condition,
    /// an `on`, a `where`, a `let` value), broken at its `and`s or `or`s
    /// when the line would pass [`MAX_WIDTH`].
    fn condition(&self, head: &str, e: &crate::syntax::ast::Expr) -> String {
        self.ex.flow(e, INDENT.len() + width(head), CONTINUE_COLUMN)
    }

    fn waiver(&mut self, w: &Waiver) {
        let head = format!(
            "waive {} for {} until {}",
            w.rule.node,
            self.ex.string(&w.subject),
            w.until.node
        );
        let mut tail = format!("because {}", self.ex.string(&w.because));
        if let Some(by) = &w.by {
            tail.push_str(&format!(" by {}", self.ex.string(by)));
        }
        let one = format!("{head} {tail}");
        let (start, end) = (Some(w.span.start), Some(w.span.end));
        if fits("", &one) {
            self.line("", &one, start, end);
        } else {
            self.line("", &head, start, None);
            self.line(INDENT, &tail, None, end);
        }
    }

    fn test(&mut self, t: &TestBlock) {
        let head = format!("test {} {{", self.ex.string(&t.name));
        self.line("", &head, Some(t.span.start), Some(t.name.span.end));
        // Givens and expects in source order.
        let mut parts: Vec<(u32, Result<&Given, &crate::syntax::ast::Expect>)> = t
            .givens
            .iter()
            .map(|g| (g.span.start, Ok(g)))
            .chain(t.expects.iter().map(|e| (e.span.start, Err(e))))
            .collect();
        if self.src.is_none() {
            // Without a source the spans are not positions: givens first.
            parts.sort_by_key(|(_, p)| p.is_err());
        } else {
            parts.sort_by_key(|(s, _)| *s);
        }
        for (_, part) in parts {
            match part {
                Ok(g) => self.given(g),
                Err(e) => {
                    let outcome = e.outcome.as_str();
                    let mut text = format!("expect {} {outcome}", e.rule.node);
                    if let Some(s) = &e.subject {
                        text.push_str(&format!(" for {}", self.ex.string(s)));
                    }
                    self.line(INDENT, &text, Some(e.span.start), Some(e.span.end));
                }
            }
        }
        self.close("", t.span.end);
    }

    fn given(&mut self, g: &Given) {
        let fields: Vec<String> = g
            .fields
            .iter()
            .map(|(n, v)| format!("{}: {}", n.node, self.ex.expr(v)))
            .collect();
        let (start, end) = (Some(g.span.start), Some(g.span.end));
        let head = format!("given {}", g.collection.node);
        if fields.is_empty() {
            return self.line(INDENT, &format!("{head} {{}}"), start, end);
        }
        let one = format!("{head} {{ {} }}", fields.join(", "));
        let has_comments = self
            .comments
            .get(self.next)
            .is_some_and(|c| c.start < g.span.end as usize && c.start > g.span.start as usize);
        if fits(INDENT, &one) && !has_comments {
            return self.line(INDENT, &one, start, end);
        }
        self.line(INDENT, &format!("{head} {{"), start, None);
        let inner = format!("{INDENT}{INDENT}");
        for ((name, value), text) in g.fields.iter().zip(fields) {
            let (s, e) = (Some(name.span.start), Some(value.span.end));
            self.line(&inner, &format!("{text},"), s, e);
        }
        self.close(INDENT, g.span.end);
    }
}

/// Code wider than this (in columns) keeps its trailing comment two spaces after it
/// rather than pushing the whole column to the right.
const MAX_ALIGNED_CODE: usize = 60;

/// Lines in a row that end with comments get them in one display column,
/// two spaces after the widest code among them (as the schema of the example
/// is written).
fn align_trailing(text: &str, marker: char) -> String {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < lines.len() {
        if !lines[i].contains(marker) {
            out.push_str(lines[i]);
            i += 1;
            continue;
        }
        let run_end = (i..lines.len())
            .find(|j| !lines[*j].contains(marker))
            .unwrap_or(lines.len());
        let code_width = |l: &str| l.split(marker).next().map_or(0, width);
        let column = lines[i..run_end]
            .iter()
            .map(|l| code_width(l))
            .filter(|w| *w <= MAX_ALIGNED_CODE)
            .max()
            .unwrap_or(0);
        for l in &lines[i..run_end] {
            let (code, comment) = l.split_once(marker).unwrap_or((l, ""));
            let pad = column.saturating_sub(width(code)) + 2;
            out.push_str(code);
            out.push_str(&" ".repeat(pad));
            out.push_str(comment);
        }
        i = run_end;
    }
    out
}

fn fits(indent: &str, text: &str) -> bool {
    width(indent) + width(text) <= MAX_WIDTH
}

/// The columns `text` takes on a terminal or in an editor: a CJK character
/// takes two, a combining mark none (Unicode Standard Annex #11).
pub fn width(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

fn type_text(t: &TypeExpr) -> String {
    match t {
        TypeExpr::Text => "text".into(),
        TypeExpr::Int => "int".into(),
        TypeExpr::Decimal => "decimal".into(),
        TypeExpr::Bool => "bool".into(),
        TypeExpr::Date => "date".into(),
        TypeExpr::DateTime => "datetime".into(),
        TypeExpr::Duration => "duration".into(),
        TypeExpr::Id => "id".into(),
        TypeExpr::OneOf(values) => format!(
            "one of {}",
            values
                .iter()
                .map(|v| {
                    let mut text = quote(&v.code);
                    for (lang, label) in v.label.each() {
                        text.push(' ');
                        text.push_str(&tagged(lang, &quote(label)));
                    }
                    text
                })
                .collect::<Vec<_>>()
                .join(", ")
        ),
        TypeExpr::List(inner) => format!("list of {}", type_text(inner)),
        TypeExpr::Ref(c) => format!("ref {c}"),
    }
}

/// A text as written after its language tag (`zh "…"`), or alone.
fn tagged(lang: Option<Lang>, text: &str) -> String {
    match lang {
        Some(lang) => format!("{} {text}", localized::tag(lang)),
        None => text.to_string(),
    }
}
