//! Text -> pest pairs. Only this file knows about pest's error type; it turns
//! pest rule names into words a policy author understands.

use pest::Parser;
use pest_derive::Parser;

use super::span::{FileId, Span};
use super::SyntaxError;
use crate::i18n::Arg;
use crate::msg;

#[derive(Parser)]
#[grammar = "../grammar/policy.pest"]
pub struct PolicyParser;

pub type Pair<'a> = pest::iterators::Pair<'a, Rule>;

/// Parses a whole file, or the expression of a message hole.
pub fn parse(rule: Rule, text: &str, file: FileId, offset: usize) -> Result<Pair<'_>, SyntaxError> {
    if let Some(at) = super::depth::too_deep(text) {
        return Err(SyntaxError {
            span: Span::new(file, offset + at, offset + at + 1),
            message: msg!("syntax-too-deep", limit = super::depth::MAX_EXPR_DEPTH),
            expected: vec![],
        });
    }
    match PolicyParser::parse(rule, text) {
        Ok(mut pairs) => pairs.next().ok_or_else(|| SyntaxError {
            span: Span::new(file, offset, offset),
            message: msg!("syntax-empty"),
            expected: vec![],
        }),
        Err(e) => Err(convert(e, text, file, offset)),
    }
}

fn convert(e: pest::error::Error<Rule>, text: &str, file: FileId, offset: usize) -> SyntaxError {
    let (start, end) = match e.location {
        pest::error::InputLocation::Pos(p) => (p, p),
        pest::error::InputLocation::Span((s, e)) => (s, e),
    };
    // A full-width `（` or a `30天` gets a message saying what to type
    // instead, rather than the tokens pest would have taken there.
    if let Some(slip) = super::slips::find(text, start) {
        return SyntaxError {
            span: Span::new(file, offset + slip.start, offset + slip.end),
            message: slip.message,
            expected: vec![],
        };
    }
    let mut expected: Vec<String> = match &e.variant {
        pest::error::ErrorVariant::ParsingError { positives, .. } => positives
            .iter()
            .flat_map(|r| match r {
                // pest reports a file whose first item is wrong as `file`
                // alone (its children's attempts give way to it): say what
                // may start a file instead of nothing.
                Rule::file => FILE_ITEMS.iter().map(|w| w.to_string()).collect(),
                // A choice among tokens is its tokens, each once in one
                // list (`*`, `+`, `-`, `/` or `.`), not lists inside a list.
                r => match describe(*r) {
                    Some(d) => match tokens(&d) {
                        Some(ts) => ts.iter().map(|t| t.to_string()).collect(),
                        None => vec![d],
                    },
                    None => vec![],
                },
            })
            .collect(),
        pest::error::ErrorVariant::CustomError { message } => {
            // pest's guard against running out of stack (or calls).
            if message.contains("limit reached") {
                return SyntaxError {
                    span: Span::new(file, offset + start, offset + end),
                    message: msg!(
                        "syntax-too-deep-to-parse",
                        reason = message.as_str(),
                        limit = super::depth::MAX_EXPR_DEPTH
                    ),
                    expected: vec![],
                };
            }
            vec![]
        }
    };
    // Listed in the order of their English words, in every language.
    expected.sort_by_cached_key(|e| english(e));
    expected.dedup_by(|a, b| english(a) == english(b));
    SyntaxError {
        span: Span::new(file, offset + start, offset + end),
        message: match expected.is_empty() {
            true => msg!("syntax-unexpected"),
            false => msg!(
                "syntax-expected",
                list = Arg::OneOf(expected.clone()),
                count = expected.len()
            ),
        },
        expected,
    }
}

/// What may start a policy file (grammar: `item`).
const FILE_ITEMS: &[&str] = &[
    "`policy`",
    "`let`",
    "`schema`",
    "`extend`",
    "syntax-want-rule",
    "`waive`",
    "`test`",
];

/// The tokens of a rule that is a choice among tokens.
fn tokens(described: &str) -> Option<&'static [&'static str]> {
    Some(match described {
        "syntax-want-header-key" => &["`version`", "`owner`", "`description`"],
        "syntax-want-severity" => &["`error`", "`warning`", "`info`"],
        "syntax-want-outcome" => &["`fails`", "`passes`", "`lacks evidence`"],
        "syntax-want-presence" => &["`set`", "`missing`"],
        "syntax-want-direction" => &["`after`", "`before`"],
        "syntax-want-add-op" => &["`+`", "`-`"],
        "syntax-want-mul-op" => &["`*`", "`/`"],
        "syntax-want-aggregate" => &["`count`", "`exists`"],
        _ => return None,
    })
}

fn english(expected: &str) -> String {
    if expected.starts_with("syntax-want-") {
        crate::i18n::catalogue::text(crate::i18n::Lang::En, expected, &[])
    } else {
        expected.to_string()
    }
}

/// The words for a grammar rule, a catalogue id (`syntax-want-...`) or a
/// token in backticks; `None` hides rules that would only confuse.
fn describe(rule: Rule) -> Option<String> {
    let name = format!("{rule:?}");
    if let Some(word) = name.strip_prefix("k_") {
        return Some(format!("`{word}`"));
    }
    Some(String::from(match rule {
        Rule::EOI => "syntax-want-eof",
        Rule::ident => "syntax-want-name",
        Rule::string | Rule::string_body => "syntax-want-string",
        Rule::datetime => "syntax-want-datetime",
        Rule::date | Rule::date_part => "syntax-want-date",
        Rule::decimal | Rule::integer => "syntax-want-number",
        Rule::duration | Rule::duration_unit => "syntax-want-duration",
        Rule::header => "`policy`",
        Rule::header_field | Rule::header_key => "syntax-want-header-key",
        Rule::set_let | Rule::let_clause => "`let`",
        Rule::schema_block => "`schema`",
        Rule::extend_block => "`extend`",
        Rule::collection | Rule::collection_head => "syntax-want-collection",
        Rule::record_head | Rule::event_head | Rule::table_head | Rule::company_head => {
            "syntax-want-collection"
        }
        Rule::field_decl => "syntax-want-field-decl",
        Rule::type_expr
        | Rule::scalar_type
        | Rule::one_of_type
        | Rule::list_type
        | Rule::ref_type => "syntax-want-type",
        Rule::optional_mark => "`?`",
        Rule::pii_mark => "`pii`",
        Rule::field_default => "syntax-want-default",
        Rule::rule_item | Rule::rule_kind => "syntax-want-rule",
        Rule::meta_title => "`title`",
        Rule::meta_severity => "`severity`",
        Rule::severity => "syntax-want-severity",
        Rule::meta_cite => "`cite`",
        Rule::meta_help => "`help`",
        Rule::meta_tags => "`tags`",
        Rule::for_clause => "`for`",
        Rule::where_part => "`where`",
        Rule::when_clause => "`when`",
        Rule::require_clause => "`require`",
        Rule::match_clause => "`match`",
        Rule::forbid_clause => "`forbid`",
        Rule::else_part => "`else`",
        Rule::waiver => "`waive`",
        Rule::waiver_by => "`by`",
        Rule::test_block => "`test`",
        Rule::given => "`given`",
        Rule::given_field => "syntax-want-given-field",
        Rule::expect => "`expect`",
        Rule::expect_outcome => "syntax-want-outcome",
        Rule::expect_for => "`for`",
        Rule::expr | Rule::or_expr | Rule::and_expr | Rule::not_expr | Rule::cmp_expr => {
            "syntax-want-expr"
        }
        Rule::add_expr | Rule::mul_expr | Rule::unary_expr | Rule::postfix => "syntax-want-expr",
        Rule::paren | Rule::list | Rule::call | Rule::aggregate | Rule::hole => "syntax-want-expr",
        Rule::permanent | Rule::boolean => "syntax-want-expr",
        Rule::or_op => "`or`",
        Rule::and_op => "`and`",
        Rule::not_op | Rule::not_in_op => "`not`",
        Rule::cmp_op | Rule::compare_tail => "syntax-want-comparison",
        Rule::in_tail => "`in`",
        Rule::contains_tail => "`contains`",
        Rule::matches_tail => "`matches`",
        Rule::is_tail => "`is`",
        Rule::presence => "syntax-want-presence",
        Rule::within_tail => "`within`",
        Rule::direction => "syntax-want-direction",
        Rule::add_op => "syntax-want-add-op",
        Rule::mul_op => "syntax-want-mul-op",
        Rule::neg_op => "`-`",
        Rule::field_access => "`.`",
        Rule::aggregate_op => "syntax-want-aggregate",
        Rule::tz_offset => "syntax-want-tz-offset",
        _ => return None,
    }))
}
