//! Stage 1: policy text -> AST with spans.

pub mod ast;
pub mod depth;
pub mod localized;
pub mod lower;
pub mod parse;
pub mod slips;
pub mod span;

use span::{FileId, Span};

/// A problem with the text of a policy file.
#[derive(Clone, Debug, PartialEq)]
pub struct SyntaxError {
    pub span: Span,
    pub message: String,
    /// What the parser would have accepted at that point, in words.
    pub expected: Vec<String>,
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
