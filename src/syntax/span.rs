//! Source files and byte spans into them.

use std::sync::{Arc, OnceLock};

use super::ast::PolicyFile;
use super::SyntaxError;

/// Index of a source file in a [`SourceMap`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FileId(pub u32);

/// A byte range in one policy file. Equality of AST nodes ignores spans
/// (see [`Spanned`]), so two parses of differently laid-out text compare equal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub file: FileId,
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(file: FileId, start: usize, end: usize) -> Self {
        Span {
            file,
            start: start as u32,
            end: end as u32,
        }
    }
    pub fn len(&self) -> usize {
        (self.end - self.start) as usize
    }
    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }
    pub fn to(self, other: Span) -> Span {
        Span {
            file: self.file,
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

impl From<Span> for miette::SourceSpan {
    fn from(s: Span) -> Self {
        (s.start as usize, s.len()).into()
    }
}

/// A node together with where it came from. The span is not part of equality.
#[derive(Clone, Debug)]
pub struct Spanned<T> {
    pub node: T,
    pub span: Span,
}

impl<T: PartialEq> PartialEq for Spanned<T> {
    fn eq(&self, other: &Self) -> bool {
        self.node == other.node
    }
}

impl<T> Spanned<T> {
    pub fn new(node: T, span: Span) -> Self {
        Spanned { node, span }
    }
}

/// One loaded source file: a display path (relative to the case directory or
/// `<builtin>/...` for shipped packs) and its text.
#[derive(Clone, Debug)]
pub struct SourceFile {
    pub path: String,
    pub text: Arc<str>,
    line_starts: Vec<u32>,
    /// The file's parse (`syntax::parsed`), made once and shared by every
    /// copy of the map: choosing the packs checks a case's files with and
    /// without them, and parsing is most of a small case's run.
    parsed: Arc<OnceLock<Arc<Parsed>>>,
}

/// A file's syntax tree and the errors met making it.
pub type Parsed = (PolicyFile, Vec<SyntaxError>);

impl SourceFile {
    pub fn new(path: String, text: Arc<str>) -> Self {
        let mut line_starts = vec![0u32];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i as u32 + 1));
        SourceFile {
            path,
            text,
            line_starts,
            parsed: Arc::default(),
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: u32) -> (u32, u32) {
        let line = self.line_starts.partition_point(|&s| s <= offset).max(1);
        let start = self.line_starts[line - 1] as usize;
        let end = (offset as usize).min(self.text.len());
        let col = self.text.get(start..end).map_or(0, |s| s.chars().count());
        (line as u32, col as u32 + 1)
    }
}

/// A lone CR (classic Mac line ends, or one stray in a line) ends a line
/// in every editor, so it ends one here too: otherwise a `//` comment
/// would run on through the clauses a reader sees below it (docs/language.md,
/// "Line ends"). Same length, so every offset stays valid.
fn lone_cr_to_lf(text: Arc<str>) -> Arc<str> {
    let lone = |(i, _): &(usize, &str)| text.as_bytes().get(i + 1) != Some(&b'\n');
    if !text.match_indices('\r').any(|m| lone(&m)) {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = &*text;
    while let Some(i) = rest.find('\r') {
        out.push_str(&rest[..i]);
        out.push(if rest[i + 1..].starts_with('\n') {
            '\r'
        } else {
            '\n'
        });
        rest = &rest[i + 1..];
    }
    out.push_str(rest);
    out.into()
}

/// Every policy file of a run.
#[derive(Clone, Debug, Default)]
pub struct SourceMap {
    files: Vec<SourceFile>,
}

impl SourceMap {
    pub fn add(&mut self, path: impl Into<String>, text: impl Into<Arc<str>>) -> FileId {
        let text = lone_cr_to_lf(text.into());
        self.files.push(SourceFile::new(path.into(), text));
        FileId(self.files.len() as u32 - 1)
    }
    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }
    /// Drops the parses kept with the files, once the set is checked: the
    /// trees are not needed after, and a run keeps its sources to the end.
    pub fn forget_parses(&mut self) {
        for f in &mut self.files {
            f.parsed = Arc::default();
        }
    }

    /// File `id`'s parse by `parse`, made the first time it is asked for
    /// ([`super::parsed`]).
    pub(super) fn parsed_with(&self, id: FileId, parse: fn(&str, FileId) -> Parsed) -> Arc<Parsed> {
        let f = self.get(id);
        f.parsed
            .get_or_init(|| Arc::new(parse(&f.text, id)))
            .clone()
    }
    pub fn files(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files
            .iter()
            .enumerate()
            .map(|(i, f)| (FileId(i as u32), f))
    }
    pub fn snippet(&self, span: Span) -> &str {
        let f = self.get(span.file);
        f.text
            .get(span.start as usize..span.end as usize)
            .unwrap_or("")
    }
}
