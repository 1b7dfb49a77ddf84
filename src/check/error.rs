//! Every problem the checker can find, as data, and the one place where each
//! is put into words (Gleam's and Cedar's style: lowercase, user input in
//! backticks, detail in help and labels).

use crate::syntax::span::Span;
use crate::syntax::SyntaxError;

use super::suggest::did_you_mean;
use crate::i18n::Lang;
use crate::t;

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
        /// Looked for inside the values (`r.class contains "x"`), not
        /// compared with them.
        part: bool,
    },
    UnknownRefTarget {
        name: String,
        span: Span,
        candidates: Vec<String>,
    },
    /// A field of the case's own schema that the standard schema also
    /// declares, with another default (`None`: no default, so missing).
    ChangedDefault {
        collection: String,
        field: String,
        span: Span,
        own: Option<String>,
        standard: Option<String>,
    },
    /// A field of the case's own schema whose `one of` values include some
    /// the standard schema's same field does not have (`added`; none: the
    /// field is no `one of` at all, so it takes any value).
    AddedEnumValues {
        collection: String,
        field: String,
        span: Span,
        added: Vec<String>,
    },
    /// The three phrases are catalogue messages (`ty-*`, `ctx-*`), put
    /// into words with the rest of the error in `describe_in`.
    TypeMismatch {
        span: Span,
        expected: crate::i18n::Msg,
        found: crate::i18n::Msg,
        context: crate::i18n::Msg,
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
        message: crate::i18n::Msg,
    },
    BadRegex {
        span: Span,
        reason: super::regex_budget::BadReason,
    },
    NotConstant {
        span: Span,
        /// A catalogue message (`what-*`).
        what: crate::i18n::Msg,
    },
    /// A rule with no `require`, `match` or `forbid`: it would test nothing
    /// and pass every subject.
    ChecksNothing {
        span: Span,
    },
    /// A variable or `let` named as something already in reach (the rule's
    /// own variable, an enclosing one, a set-wide `let`, `as_of`,
    /// `company`): it would hide it for the clauses after.
    NameInUse {
        span: Span,
        name: String,
    },
    Schema {
        span: Span,
        message: crate::i18n::Msg,
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

fn suggestion(lang: Lang, name: &str, candidates: &[String]) -> Option<String> {
    did_you_mean(name, candidates.iter().map(String::as_str))
        .map(|c| t!(lang, "check-did-you-mean", name = c))
}

impl CheckError {
    pub fn span(&self) -> Span {
        self.describe().span
    }

    pub fn code(&self) -> &'static str {
        self.describe().code
    }

    /// In English (tests, and callers with no language).
    pub fn describe(&self) -> PolicyDiagnostic {
        self.describe_in(Lang::En)
    }

    /// The one place where each error is put into words, in `lang`.
    pub fn describe_in(&self, lang: Lang) -> PolicyDiagnostic {
        let d = |code, message: String, span: Span, label: String, help: Option<String>| {
            PolicyDiagnostic {
                code,
                message,
                span,
                label,
                help,
                related: vec![],
            }
        };
        let here = || t!(lang, "check-label-here");
        match self {
            CheckError::Syntax(e) => d(
                "custodia::syntax::parse",
                e.message.text(lang),
                e.span,
                here(),
                None,
            ),
            CheckError::UnknownCollection {
                name,
                span,
                candidates,
            } => d(
                "custodia::check::unknown_collection",
                t!(lang, "check-unknown-collection", name = name),
                *span,
                t!(lang, "check-unknown-collection-label"),
                suggestion(lang, name, candidates).or_else(|| {
                    Some(t!(
                        lang,
                        "check-declared-collections",
                        list = list(lang, candidates)
                    ))
                }),
            ),
            CheckError::UnknownField {
                collection,
                name,
                span,
                candidates,
            } => d(
                "custodia::check::unknown_field",
                t!(
                    lang,
                    "check-unknown-field",
                    collection = collection,
                    name = name
                ),
                *span,
                t!(lang, "check-unknown-field-label"),
                suggestion(lang, name, candidates).or_else(|| {
                    Some(t!(
                        lang,
                        "check-fields-of",
                        collection = collection,
                        list = list(lang, candidates)
                    ))
                }),
            ),
            CheckError::UnknownVariable {
                name,
                span,
                candidates,
            } => d(
                "custodia::check::unknown_variable",
                t!(lang, "check-unknown-variable", name = name),
                *span,
                t!(lang, "check-unknown-variable-label"),
                suggestion(lang, name, candidates),
            ),
            CheckError::UnknownRule {
                name,
                span,
                candidates,
            } => d(
                "custodia::check::unknown_rule",
                t!(lang, "check-unknown-rule", name = name),
                *span,
                t!(lang, "check-unknown-rule-label"),
                suggestion(lang, name, candidates),
            ),
            CheckError::UnknownFunction {
                name,
                span,
                candidates,
            } => d(
                "custodia::check::unknown_function",
                t!(lang, "check-unknown-function", name = name),
                *span,
                t!(lang, "check-unknown-function-label"),
                suggestion(lang, name, candidates).or_else(|| {
                    Some(t!(
                        lang,
                        "check-builtin-functions",
                        list = list(lang, candidates)
                    ))
                }),
            ),
            CheckError::UnknownEnumValue {
                value,
                span,
                allowed,
                part,
            } => d(
                "custodia::check::unknown_enum_value",
                match part {
                    false => t!(lang, "check-unknown-enum-value", value = value),
                    true => t!(lang, "check-enum-value-part", value = value),
                },
                *span,
                match part {
                    false => t!(lang, "check-unknown-enum-value-label"),
                    true => t!(lang, "check-enum-value-part-label"),
                },
                did_you_mean(value, allowed.iter().map(String::as_str))
                    .map(|c| t!(lang, "check-did-you-mean-value", value = c))
                    .or_else(|| {
                        let quoted: Vec<String> =
                            allowed.iter().map(|v| format!("\"{v}\"")).collect();
                        Some(t!(
                            lang,
                            "check-allowed-values",
                            list = quoted.join(&t!(lang, "list-comma"))
                        ))
                    }),
            ),
            CheckError::UnknownRefTarget {
                name,
                span,
                candidates,
            } => d(
                "custodia::check::unknown_ref_target",
                t!(lang, "check-unknown-ref-target", name = name),
                *span,
                t!(lang, "check-unknown-ref-target-label"),
                suggestion(lang, name, candidates),
            ),
            CheckError::ChangedDefault {
                collection,
                field,
                span,
                own,
                standard,
            } => {
                let shown = |v: &Option<String>| match v {
                    Some(v) => format!("`{v}`"),
                    None => t!(lang, "check-default-none"),
                };
                d(
                    "custodia::check::changed_default",
                    t!(
                        lang,
                        "check-changed-default",
                        collection = collection,
                        field = field,
                        own = shown(own),
                        standard = shown(standard)
                    ),
                    *span,
                    t!(lang, "check-changed-default-label"),
                    None,
                )
            }
            CheckError::AddedEnumValues {
                collection,
                field,
                span,
                added,
            } if added.is_empty() => d(
                "custodia::check::added_enum_values",
                t!(
                    lang,
                    "check-enum-made-free",
                    collection = collection,
                    field = field
                ),
                *span,
                t!(lang, "check-enum-made-free-label"),
                Some(t!(lang, "check-added-enum-values-help")),
            ),
            CheckError::AddedEnumValues {
                collection,
                field,
                span,
                added,
            } => d(
                "custodia::check::added_enum_values",
                t!(
                    lang,
                    "check-added-enum-values",
                    collection = collection,
                    field = field,
                    added = added
                        .iter()
                        .map(|v| format!("`{v}`"))
                        .collect::<Vec<_>>()
                        .join(", "),
                    count = added.len()
                ),
                *span,
                t!(lang, "check-added-enum-values-label"),
                Some(t!(lang, "check-added-enum-values-help")),
            ),
            CheckError::TypeMismatch {
                span,
                expected,
                found,
                context,
            } => d(
                "custodia::check::type_mismatch",
                t!(
                    lang,
                    "check-type-mismatch",
                    context = context.text(lang),
                    expected = expected.text(lang),
                    found = found.text(lang)
                ),
                *span,
                t!(lang, "check-type-mismatch-label", found = found.text(lang)),
                None,
            ),
            CheckError::WrongArity {
                name,
                span,
                expected,
                found,
            } => d(
                "custodia::check::wrong_arity",
                t!(
                    lang,
                    "check-wrong-arity",
                    name = name,
                    expected = *expected,
                    found = *found
                ),
                *span,
                t!(lang, "check-wrong-arity-label"),
                None,
            ),
            CheckError::DuplicateName {
                what,
                name,
                span,
                previous,
            } => PolicyDiagnostic {
                code: "custodia::check::duplicate_name",
                message: t!(lang, "check-duplicate-name", what = *what, name = name),
                span: *span,
                label: t!(lang, "check-duplicate-name-label"),
                help: Some(t!(lang, "check-duplicate-name-help")),
                related: vec![(*previous, t!(lang, "check-duplicate-name-first"))],
            },
            CheckError::ImplicitField { name, span } => d(
                "custodia::check::duplicate_name",
                t!(lang, "check-duplicate-name", what = "field", name = name),
                *span,
                t!(lang, "check-implicit-field-label"),
                Some(t!(lang, "check-implicit-field-help")),
            ),
            CheckError::RegexBudget { span, message } => d(
                "custodia::check::regex_budget",
                t!(lang, "check-regex-budget"),
                *span,
                t!(lang, "check-regex-budget-label"),
                Some(message.text(lang)),
            ),
            CheckError::BadRegex { span, reason } => d(
                "custodia::check::bad_regex",
                t!(lang, "check-bad-regex"),
                *span,
                t!(lang, "check-bad-regex-label"),
                // The regex crate's own words: not ours to translate.
                Some(match reason {
                    super::regex_budget::BadReason::Crate(reason) => {
                        reason.lines().last().unwrap_or(reason).trim().to_string()
                    }
                    super::regex_budget::BadReason::TooLarge { mib } => {
                        t!(lang, "regex-one-too-large", mib = *mib)
                    }
                }),
            ),
            CheckError::NotConstant { span, what } => d(
                "custodia::check::not_constant",
                t!(lang, "check-not-constant", what = what.text(lang)),
                *span,
                t!(lang, "check-not-constant-label"),
                Some(t!(lang, "check-not-constant-help")),
            ),
            CheckError::ChecksNothing { span } => d(
                "custodia::check::checks_nothing",
                t!(lang, "check-checks-nothing"),
                *span,
                t!(lang, "check-checks-nothing-label"),
                Some(t!(lang, "check-checks-nothing-help")),
            ),
            CheckError::NameInUse { span, name } => d(
                "custodia::check::name_in_use",
                t!(lang, "check-name-in-use", name = name),
                *span,
                t!(lang, "check-name-in-use-label"),
                Some(t!(lang, "check-name-in-use-help", name = name)),
            ),
            CheckError::Schema { span, message } => d(
                "custodia::check::schema",
                message.text(lang),
                *span,
                here(),
                None,
            ),
            CheckError::MessageHoles {
                span,
                has,
                lacks,
                message,
            } => PolicyDiagnostic {
                code: "custodia::check::message_holes",
                message: t!(lang, "check-message-holes", has = *has, lacks = *lacks),
                span: *message,
                label: t!(lang, "check-message-holes-label", has = *has),
                help: Some(t!(lang, "check-message-holes-help", lacks = *lacks)),
                related: vec![(
                    *span,
                    t!(lang, "check-message-holes-related", lacks = *lacks),
                )],
            },
        }
    }
}

fn list(lang: Lang, items: &[String]) -> String {
    let mut v: Vec<&str> = items.iter().map(String::as_str).collect();
    v.sort();
    v.iter()
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(&t!(lang, "list-comma"))
}
