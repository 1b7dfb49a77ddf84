//! Text -> pest pairs. Only this file knows about pest's error type; it turns
//! pest rule names into words a policy author understands.

use pest::Parser;
use pest_derive::Parser;

use super::span::{FileId, Span};
use super::SyntaxError;

#[derive(Parser)]
#[grammar = "../grammar/policy.pest"]
pub struct PolicyParser;

pub type Pair<'a> = pest::iterators::Pair<'a, Rule>;

/// Parses a whole file, or the expression of a message hole.
pub fn parse(rule: Rule, text: &str, file: FileId, offset: usize) -> Result<Pair<'_>, SyntaxError> {
    if let Some(at) = super::depth::too_deep(text) {
        return Err(SyntaxError {
            span: Span::new(file, offset + at, offset + at + 1),
            message: format!(
                "this is nested more than {} levels deep (the limit); name parts of it with `let`",
                super::depth::MAX_EXPR_DEPTH
            ),
            expected: vec![],
        });
    }
    match PolicyParser::parse(rule, text) {
        Ok(mut pairs) => pairs.next().ok_or_else(|| SyntaxError {
            span: Span::new(file, offset, offset),
            message: "empty input".into(),
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
        pest::error::ErrorVariant::ParsingError { positives, .. } => {
            positives.iter().filter_map(|r| describe(*r)).collect()
        }
        pest::error::ErrorVariant::CustomError { message } => {
            // pest's guard against running out of stack (or calls).
            if message.contains("limit reached") {
                return SyntaxError {
                    span: Span::new(file, offset + start, offset + end),
                    message: format!(
                        "the policy is nested too deeply to parse ({message}); expressions and types may nest at most {} levels",
                        super::depth::MAX_EXPR_DEPTH
                    ),
                    expected: vec![],
                };
            }
            vec![]
        }
    };
    expected.sort();
    expected.dedup();
    let message = if expected.is_empty() {
        "unexpected input".to_string()
    } else {
        format!("expected {}", join_or(&expected))
    };
    SyntaxError {
        span: Span::new(file, offset + start, offset + end),
        message,
        expected,
    }
}

fn join_or(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {}", init.join(", "), last),
    }
}

/// The words for a grammar rule; `None` hides rules that would only confuse.
fn describe(rule: Rule) -> Option<String> {
    let name = format!("{rule:?}");
    if let Some(word) = name.strip_prefix("k_") {
        return Some(format!("`{word}`"));
    }
    Some(String::from(match rule {
        Rule::EOI => "end of file",
        Rule::ident => "a name",
        Rule::string | Rule::string_body => "a string",
        Rule::datetime => "a datetime",
        Rule::date | Rule::date_part => "a date",
        Rule::decimal | Rule::integer => "a number",
        Rule::duration | Rule::duration_unit => "a duration",
        Rule::header => "`policy`",
        Rule::header_field | Rule::header_key => "`version`, `owner` or `description`",
        Rule::set_let | Rule::let_clause => "`let`",
        Rule::schema_block => "`schema`",
        Rule::extend_block => "`extend`",
        Rule::collection | Rule::collection_head => {
            "a collection (`record`, `event NAME`, `table NAME`, `company`)"
        }
        Rule::record_head | Rule::event_head | Rule::table_head | Rule::company_head => {
            "a collection (`record`, `event NAME`, `table NAME`, `company`)"
        }
        Rule::field_decl => "a field declaration (`name: type`)",
        Rule::type_expr
        | Rule::scalar_type
        | Rule::one_of_type
        | Rule::list_type
        | Rule::ref_type => "a type",
        Rule::optional_mark => "`?`",
        Rule::pii_mark => "`pii`",
        Rule::field_default => "`=` and a default value",
        Rule::rule_item | Rule::rule_kind => {
            "a rule (`retention`, `access`, `destruction`, `notification` or `rule`)"
        }
        Rule::meta_title => "`title`",
        Rule::meta_severity => "`severity`",
        Rule::severity => "`error`, `warning` or `info`",
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
        Rule::given_field => "a field (`name: value`)",
        Rule::expect => "`expect`",
        Rule::expect_outcome => "`fails` or `passes`",
        Rule::expect_for => "`for`",
        Rule::expr | Rule::or_expr | Rule::and_expr | Rule::not_expr | Rule::cmp_expr => {
            "an expression"
        }
        Rule::add_expr | Rule::mul_expr | Rule::unary_expr | Rule::postfix => "an expression",
        Rule::paren | Rule::list | Rule::call | Rule::aggregate | Rule::hole => "an expression",
        Rule::permanent | Rule::boolean => "an expression",
        Rule::or_op => "`or`",
        Rule::and_op => "`and`",
        Rule::not_op | Rule::not_in_op => "`not`",
        Rule::cmp_op | Rule::compare_tail => "a comparison",
        Rule::in_tail => "`in`",
        Rule::contains_tail => "`contains`",
        Rule::matches_tail => "`matches`",
        Rule::is_tail => "`is`",
        Rule::presence => "`set` or `missing`",
        Rule::within_tail => "`within`",
        Rule::direction => "`after` or `before`",
        Rule::add_op => "`+` or `-`",
        Rule::mul_op => "`*` or `/`",
        Rule::neg_op => "`-`",
        Rule::field_access => "`.`",
        Rule::aggregate_op => "`count` or `exists`",
        Rule::tz_offset => "a time-zone offset (`+08:00` or `Z`)",
        _ => return None,
    }))
}
