//! Stage 1: policy text -> AST with spans.

pub mod ast;
pub mod depth;
pub mod localized;
pub mod lower;
pub mod parse;
pub mod slips;
pub mod span;

use span::{FileId, Span};

use crate::i18n::Msg;

/// A problem with the text of a policy file.
#[derive(Clone, Debug, PartialEq)]
pub struct SyntaxError {
    pub span: Span,
    /// Put into words where it is written (`Msg::text`).
    pub message: Msg,
    /// What the parser would have accepted at that point: catalogue ids
    /// (`syntax-want-name`) or tokens in backticks (`` `for` ``).
    pub expected: Vec<String>,
}

/// File `id` of `sources` parsed ([`parse_file`]), once per file however
/// often it is asked for, by this map or any copy of it.
pub fn parsed(sources: &span::SourceMap, id: FileId) -> std::sync::Arc<span::Parsed> {
    sources.parsed_with(id, parse_file)
}

/// Parses one policy file. Returns the AST and every problem found; the AST
/// is only usable when the error list is empty.
pub fn parse_file(text: &str, file: FileId) -> (ast::PolicyFile, Vec<SyntaxError>) {
    match parse::parse(parse::Rule::file, text, file, 0) {
        Ok(pair) => {
            let mut lowerer = lower::Lowerer {
                file,
                errors: vec![],
                depth: 0,
            };
            let ast = lowerer.file(pair);
            (ast, lowerer.errors)
        }
        Err(e) => (ast::PolicyFile::default(), vec![e]),
    }
}

#[cfg(test)]
mod tests {
    use super::span::SourceMap;

    /// A file is parsed once for a map and every copy of it, and a file
    /// added to one copy only is parsed as its own.
    #[test]
    fn a_parse_is_shared_by_copies_of_the_map() {
        let mut case = SourceMap::default();
        let own = case.add("rules.policy", "let limit = 3\n");
        let mut trial = case.clone();
        let pack = trial.add("<builtin>/pack.policy", "let other = 4\n");
        let first = super::parsed(&trial, own);
        assert!(std::sync::Arc::ptr_eq(&first, &super::parsed(&case, own)));
        assert!(first.1.is_empty(), "{:?}", first.1);
        assert_eq!(first.0, super::parse_file("let limit = 3\n", own).0);
        // The id a file was parsed as is in its spans: the pack is file 1.
        assert_eq!(case.files().count(), 1);
        let pack_parse = super::parsed(&trial, pack);
        assert_eq!(pack_parse.0, super::parse_file("let other = 4\n", pack).0);
        assert!(!std::sync::Arc::ptr_eq(&pack_parse, &first));
    }
}
