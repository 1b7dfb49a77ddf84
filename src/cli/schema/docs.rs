//! Descriptions of collections and fields, taken from the comments of the
//! policy text that declares them. The schema language has no syntax of its
//! own for this: a comment is how the standard schema (and every schema in
//! the docs) already says what a field holds and its Chinese term, so that
//! is what `custodia schema` shows (docs/language.md, "Schema").
//!
//! A declaration's description is the comment at the end of its line, when
//! it is the last declaration on that line; otherwise, when it starts its
//! line, the comment lines right above it (no blank line between).
//!
//! The standard schema's descriptions are also in the catalogue
//! (`std-schema-COLLECTION[-FIELD]`), so that `schema` shows them in the
//! run's language; its English there is the comment (a test below keeps
//! the two equal). A case's own declarations show their comments.

use std::collections::HashMap;

use crate::check::schema::{CollKind, Collection, Field};
use crate::check::Checked;
use crate::fmt::comments::{self, Comment};
use crate::i18n::Lang;
use crate::syntax::span::{FileId, Span};

/// The description of every collection and field that has one, by the span
/// of its name (fields) or head (collections).
pub struct Descriptions {
    by_span: HashMap<Span, String>,
    /// The file of the standard schema, when the set has it.
    std_file: Option<FileId>,
}

impl Descriptions {
    pub fn of(checked: &Checked) -> Descriptions {
        let mut decls: HashMap<FileId, Vec<Span>> = HashMap::new();
        for c in &checked.schema.collections {
            let spans = c
                .span
                .into_iter()
                .chain(c.fields.iter().filter_map(|f| f.span));
            for s in spans {
                decls.entry(s.file).or_default().push(s);
            }
        }
        let mut by_span = HashMap::new();
        for (file, spans) in decls {
            let text = &checked.sources.get(file).text;
            let found = FileComments::new(text);
            for s in &spans {
                let last_on_line = !spans.iter().any(|o| {
                    o.start > s.start
                        && comments::same_line(text, s.start as usize, o.start as usize)
                });
                if let Some(d) = found.describe(s.start as usize, last_on_line) {
                    by_span.insert(*s, d);
                }
            }
        }
        let std_file = checked
            .schema
            .collections
            .iter()
            .filter_map(|c| c.span)
            .map(|s| s.file)
            .find(|f| checked.sources.get(*f).path == crate::check::STD_SCHEMA_PATH);
        Descriptions { by_span, std_file }
    }

    /// Whether `span` declares something of the standard schema.
    fn standard(&self, span: Option<Span>) -> bool {
        span.is_some_and(|s| Some(s.file) == self.std_file)
    }

    /// A collection's description in `lang`: the catalogue's for the
    /// standard schema's, else the comment.
    pub fn collection_in(&self, lang: Lang, c: &Collection) -> Option<String> {
        if self.standard(c.span) {
            let id = format!("std-schema-{}", c.name);
            return Some(crate::i18n::catalogue::text(lang, &id, &[]));
        }
        self.collection(c).map(String::from)
    }

    /// A declared field's description in `lang`: the catalogue's for the
    /// standard schema's, else the comment.
    pub fn field_in(&self, lang: Lang, c: &Collection, f: &Field) -> Option<String> {
        if self.standard(f.span) {
            let id = format!("std-schema-{}-{}", c.name, f.name);
            return Some(crate::i18n::catalogue::text(lang, &id, &[]));
        }
        self.field(c, f).map(String::from)
    }

    pub fn collection(&self, c: &Collection) -> Option<&str> {
        self.by_span.get(&c.span?).map(String::as_str)
    }

    /// A field's description; the implicit fields of events have their own.
    pub fn field(&self, c: &Collection, f: &Field) -> Option<&str> {
        match f.span {
            Some(s) => self.by_span.get(&s).map(String::as_str),
            None if c.kind == CollKind::Event && f.name == "at" => {
                Some("when it happened (发生时间); every event has it")
            }
            None if c.kind == CollKind::Event && f.name == "id" => {
                Some("the event's own number, if it has one")
            }
            None => None,
        }
    }
}

/// The comments of one policy file.
struct FileComments<'a> {
    text: &'a str,
    comments: Vec<Comment>,
}

impl<'a> FileComments<'a> {
    fn new(text: &'a str) -> Self {
        FileComments {
            text,
            comments: comments::scan(text),
        }
    }

    fn describe(&self, start: usize, last_on_line: bool) -> Option<String> {
        let line_start = self.text[..start].rfind('\n').map_or(0, |n| n + 1);
        let line_end = self.text[start..]
            .find('\n')
            .map_or(self.text.len(), |n| start + n);
        if last_on_line {
            let trailing = self
                .comments
                .iter()
                .find(|c| c.start > start && c.start < line_end);
            if let Some(c) = trailing {
                return Some(words(&c.text));
            }
        }
        if !self.text[line_start..start].trim().is_empty() {
            return None;
        }
        self.comment_lines_above(line_start)
    }

    /// The whole-line comments right above the line starting at `line_start`.
    fn comment_lines_above(&self, line_start: usize) -> Option<String> {
        let mut lines = Vec::new();
        let mut end = line_start;
        while end > 0 {
            let start = self.text[..end - 1].rfind('\n').map_or(0, |n| n + 1);
            let line = self.text[start..end - 1].trim();
            let whole_comment = self
                .comments
                .iter()
                .any(|c| c.start >= start && c.start < end && line.starts_with("//"));
            if !whole_comment {
                break;
            }
            lines.push(words(line));
            end = start;
        }
        lines.reverse();
        let text = lines
            .into_iter()
            .filter(|l| !l.is_empty())
            .fold(String::new(), |text, line| joined(text, &line));
        (!text.is_empty()).then_some(text)
    }
}

/// Two lines of one comment as one text: a space between words, none
/// between two Chinese characters (Chinese is written without spaces).
fn joined(mut text: String, line: &str) -> String {
    let wide =
        |c: Option<char>| c.is_some_and(|c| crate::fmt::width(c.encode_utf8(&mut [0; 4])) == 2);
    let chinese_both_sides = wide(text.chars().next_back()) && wide(line.chars().next());
    if !text.is_empty() && !chinese_both_sides {
        text.push(' ');
    }
    text.push_str(line);
    text
}

/// A comment's words: without the `//` (or `///`) and the spaces around them.
fn words(comment: &str) -> String {
    comment.trim_start_matches('/').trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The catalogue's English for the standard schema is its comments,
    /// word for word, and every collection and declared field has one.
    #[test]
    fn the_catalogue_says_what_the_standard_schema_comments_say() {
        let checked = crate::check::check_sources(crate::syntax::span::SourceMap::default())
            .unwrap_or_else(|_| panic!("the standard schema checks"));
        let d = Descriptions::of(&checked);
        assert!(d.std_file.is_some());
        for c in &checked.schema.collections {
            assert_eq!(
                d.collection_in(Lang::En, c).as_deref(),
                d.collection(c),
                "{}",
                c.name
            );
            for f in c.fields.iter().filter(|f| f.span.is_some()) {
                assert_eq!(
                    d.field_in(Lang::En, c, f).as_deref(),
                    d.field(c, f),
                    "{}.{}",
                    c.name,
                    f.name
                );
                let zh = d.field_in(Lang::Zh, c, f).unwrap_or_default();
                assert!(!zh.starts_with("std-schema-"), "{}.{}", c.name, f.name);
            }
        }
    }
}
