//! Every problem the checker can find, as data, and the one place where each
//! is put into words (Gleam's and Cedar's style: lowercase, user input in
//! backticks, detail in help and labels).

use crate::syntax::span::Span;
use crate::syntax::SyntaxError;

use super::suggest::did_you_mean;

#[derive(Clone, Debug, PartialEq)]
pub enum CheckError {
    Syntax(SyntaxError),
    UnknownCollection {
        name: String,
        span: Span,
        candidates: Vec<String>,
    },
    UnknownField {
        collection: String,
        name: String,
        span: Span,
        candidates: Vec<String>,
    },
    UnknownVariable {
        name: String,
        span: Span,
        candidates: Vec<String>,
    },
    UnknownRule {
        name: String,
        span: Span,
        candidates: Vec<String>,
    },
    UnknownFunction {
        name: String,
        span: Span,
        candidates: Vec<String>,
    },
    UnknownEnumValue {
        value: String,
        span: Span,
        allowed: Vec<String>,
    },
    UnknownRefTarget {
        name: String,
        span: Span,
        candidates: Vec<String>,
    },
    TypeMismatch {
        span: Span,
        expected: String,
        found: String,
        context: String,
    },
    WrongArity {
        name: String,
        span: Span,
        expected: usize,
        found: usize,
    },
    DuplicateName {
        what: &'static str,
        name: String,
        span: Span,
        previous: Span,
    },
    ImplicitField {
        name: String,
        span: Span,
    },
    RegexBudget {
        span: Span,
        message: String,
    },
    BadRegex {
        span: Span,
        reason: String,
    },
    NotConstant {
        span: Span,
        what: String,
    },
    Schema {
        span: Span,
        message: String,
    },
    /// A hole of one language's `else` message that the other language's
    /// message does not fill.
    MessageHoles {
        span: Span,
        has: &'static str,
        lacks: &'static str,
        message: Span,
    },
}

/// A renderer-neutral diagnostic about a policy file.
#[derive(Clone, Debug, PartialEq)]
pub struct PolicyDiagnostic {
    pub code: &'static str,
    pub message: String,
    pub span: Span,
    pub label: String,
    pub help: Option<String>,
    pub related: Vec<(Span, String)>,
}

fn suggestion(name: &str, candidates: &[String]) -> Option<String> {
    did_you_mean(name, candidates.iter().map(String::as_str))
        .map(|c| format!("did you mean `{c}`?"))
}

impl CheckError {
    pub fn span(&self) -> Span {
        self.describe().span
    }

    pub fn code(&self) -> &'static str {
        self.describe().code
    }

    pub fn describe(&self) -> PolicyDiagnostic {
        let d = |code, message: String, span: Span, label: &str, help: Option<String>| {
            PolicyDiagnostic {
                code,
                message,
                span,
                label: label.into(),
                help,
                related: vec![],
            }
        };
        match self {
            CheckError::Syntax(e) => d("custodia::syntax::parse", e.message.clone(), e.span, "here", None),
            CheckError::UnknownCollection { name, span, candidates } => d(
                "custodia::check::unknown_collection",
                format!("unknown collection `{name}`"),
                *span,
                "not declared in the schema",
                suggestion(name, candidates).or_else(|| Some(format!("declared collections: {}", list(candidates)))),
            ),
            CheckError::UnknownField { collection, name, span, candidates } => d(
                "custodia::check::unknown_field",
                format!("`{collection}` has no field `{name}`"),
                *span,
                "unknown field",
                suggestion(name, candidates).or_else(|| Some(format!("fields of `{collection}`: {}", list(candidates)))),
            ),
            CheckError::UnknownVariable { name, span, candidates } => d(
                "custodia::check::unknown_variable",
                format!("unknown name `{name}`"),
                *span,
                "not bound by `for`, `let`, `match` or `forbid` before this point",
                suggestion(name, candidates),
            ),
            CheckError::UnknownRule { name, span, candidates } => d(
                "custodia::check::unknown_rule",
                format!("no rule is named `{name}`"),
                *span,
                "unknown rule",
                suggestion(name, candidates),
            ),
            CheckError::UnknownFunction { name, span, candidates } => d(
                "custodia::check::unknown_function",
                format!("unknown function `{name}`"),
                *span,
                "not a built-in function",
                suggestion(name, candidates).or_else(|| Some(format!("built-in functions: {}", list(candidates)))),
            ),
            CheckError::UnknownEnumValue { value, span, allowed } => d(
                "custodia::check::unknown_enum_value",
                format!("`\"{value}\"` is not one of the allowed values"),
                *span,
                "never equal to any value of this field",
                did_you_mean(value, allowed.iter().map(String::as_str))
                    .map(|c| format!("did you mean `\"{c}\"`?"))
                    .or_else(|| Some(format!("allowed: {}", allowed.iter().map(|v| format!("\"{v}\"")).collect::<Vec<_>>().join(", ")))),
            ),
            CheckError::UnknownRefTarget { name, span, candidates } => d(
                "custodia::check::unknown_ref_target",
                format!("`ref {name}` names a collection that does not exist"),
                *span,
                "unknown collection",
                suggestion(name, candidates),
            ),
            CheckError::TypeMismatch { span, expected, found, context } => d(
                "custodia::check::type_mismatch",
                format!("{context}: expected {expected}, found {found}"),
                *span,
                &format!("this is {found}"),
                None,
            ),
            CheckError::WrongArity { name, span, expected, found } => d(
                "custodia::check::wrong_arity",
                format!("`{name}` takes {expected} argument{}, found {found}", if *expected == 1 { "" } else { "s" }),
                *span,
                "wrong number of arguments",
                None,
            ),
            CheckError::DuplicateName { what, name, span, previous } => PolicyDiagnostic {
                code: "custodia::check::duplicate_name",
                message: format!("{what} `{name}` is defined twice"),
                span: *span,
                label: "defined again here".into(),
                help: Some("rename or remove one of the two; a policy set is every file together, so names are shared across files".into()),
                related: vec![(*previous, "first defined here".into())],
            },
            CheckError::ImplicitField { name, span } => d(
                "custodia::check::duplicate_name",
                format!("field `{name}` is defined twice"),
                *span,
                "every event already has this field",
                Some("every event kind implicitly has `at: datetime` and an optional `id: id`; remove this line".into()),
            ),
            CheckError::RegexBudget { span, message } => d(
                "custodia::check::regex_budget",
                "the policy set's regular expressions are over their budget".into(),
                *span,
                "over the budget",
                Some(message.clone()),
            ),
            CheckError::BadRegex { span, reason } => d(
                "custodia::check::bad_regex",
                "this regular expression does not compile".into(),
                *span,
                "bad pattern",
                Some(reason.lines().last().unwrap_or(reason).trim().to_string()),
            ),
            CheckError::NotConstant { span, what } => d(
                "custodia::check::not_constant",
                format!("{what} must be a constant"),
                *span,
                "refers to data",
                Some("use literals, lists and other set-wide `let`s here".into()),
            ),
            CheckError::Schema { span, message } => d("custodia::check::schema", message.clone(), *span, "here", None),
            CheckError::MessageHoles { span, has, lacks, message } => PolicyDiagnostic {
                code: "custodia::check::message_holes",
                message: format!("the `{has}` message fills a hole that the `{lacks}` message does not"),
                span: *message,
                label: format!("the `{has}` message"),
                help: Some(format!("both languages of a message fill the same holes (in any order): add it to the `{lacks}` message or remove it here")),
                related: vec![(*span, format!("not in the `{lacks}` message"))],
            },
        }
    }
}

fn list(items: &[String]) -> String {
    let mut v: Vec<&str> = items.iter().map(String::as_str).collect();
    v.sort();
    v.iter()
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(", ")
}
