//! Compiles a checked policy set to one Spark SQL script (docs/spark.md).
//!
//! The script reads the case's collections as staged by [`stage`] (typed
//! JSONL, one file per collection, each row with its file and line), and
//! its last statement yields the rows Spark read of each collection, then
//! one row per violation: rule, clause, the rows bound (subject first, then
//! each `match`, then a `forbid`den object), outcome, message and the
//! values the clause shows. [`spark`] runs it and turns the rows back into the
//! report model. A construct the compiler does not translate is an error
//! naming the clause and its policy line, never different SQL.

pub mod diagnose;
pub mod expr;
pub mod inplace;
pub mod joblog;
pub mod rules;
pub mod spark;
pub mod stage;
pub mod types;

use crate::check::Checked;
use crate::syntax::span::Span;

/// A construct the compiler cannot translate faithfully.
#[derive(Debug, Clone, PartialEq)]
pub struct CompileError {
    /// `file:line:column`.
    pub place: String,
    /// Why, in words put into the run's message language when shown.
    pub what: crate::i18n::Msg,
}

impl std::fmt::Display for CompileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = crate::t!(
            crate::i18n::message_lang(),
            "sql-cannot-compile",
            place = &self.place,
            what = self.what.clone()
        );
        f.write_str(&text)
    }
}

impl CompileError {
    pub fn at(checked: &Checked, span: Span, what: crate::i18n::Msg) -> Self {
        let file = checked.sources.get(span.file);
        let (line, col) = file.line_col(span.start);
        CompileError {
            place: format!("{}:{line}:{col}", file.path),
            what,
        }
    }
}

/// What the Rust side needs to turn an output row back into a violation:
/// per rule, per clause, the collection of each bound row after the
/// subject (in `_k` order).
#[derive(Debug, Clone, Default)]
pub struct Layout {
    /// `clauses[rule][clause]`.
    pub clauses: Vec<Vec<Vec<crate::value::CollId>>>,
    /// `values[rule][clause]`: the texts of the values a violation shows
    /// (the script's `vals` holds them in this order).
    pub values: Vec<Vec<Vec<String>>>,
    /// `keyless[rule][clause]`: for a `forbid`, the texts of the values its
    /// violations without a forbidden row show (its join key was missing,
    /// so the values of the forbidden variable are left out).
    pub keyless: Vec<Vec<Vec<String>>>,
    /// `undecided[rule]`: the rule has a `where` or `when`, so its result
    /// must count the objects they could not decide (`rules::UNDECIDED`).
    pub undecided: Vec<bool>,
}

/// The whole script and its layout.
pub struct Compiled {
    pub sql: String,
    pub layout: Layout,
}

/// The placeholder for the staged data directory in the script; the
/// driver (or whoever runs the script) replaces it.
pub const STAGE_PLACEHOLDER: &str = "${custodia.stage}";

/// Compiles every rule of the set; the first construct that does not
/// compile stops it.
pub fn compile(
    checked: &Checked,
    tz_name: &str,
    as_of: jiff::civil::Date,
) -> Result<Compiled, CompileError> {
    rules::script(checked, tz_name, as_of, &[])
}

/// [`compile`] for a case some of whose sources Spark reads in place.
pub fn compile_in_place(
    checked: &Checked,
    tz_name: &str,
    as_of: jiff::civil::Date,
    parts: &[inplace::Part],
) -> Result<Compiled, CompileError> {
    rules::script(checked, tz_name, as_of, parts)
}

/// A Spark SQL string literal: backslash and quote escaped, control
/// characters written as escapes so that no literal spans lines.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// A backticked identifier (collection and field names may be keywords).
pub fn ident(s: &str) -> String {
    format!("`{}`", s.replace('`', "``"))
}

/// A comment line's text: one line, no `*/`.
pub fn comment(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
