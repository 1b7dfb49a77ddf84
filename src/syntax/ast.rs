//! The syntax tree of a policy file. Every node that a diagnostic can point at
//! carries its span; equality ignores spans.

use super::localized::Localized;
use super::span::{Span, Spanned};

pub type Ident = Spanned<String>;

#[derive(Clone, Debug, PartialEq, Default)]
pub struct PolicyFile {
    pub items: Vec<Item>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    Header(Header),
    Let(LetDecl),
    Schema(Vec<CollectionDecl>),
    Rule(Box<Rule>),
    Waiver(Waiver),
    Test(TestBlock),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Header {
    pub name: Spanned<String>,
    pub fields: Vec<(Ident, Spanned<String>)>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct LetDecl {
    pub name: Ident,
    pub value: Expr,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CollectionHead {
    Record,
    Company,
    Event(String),
    Table(String),
}

impl CollectionHead {
    /// The name rules use for the collection (`record`, `access`, `staff`, ...).
    pub fn name(&self) -> &str {
        match self {
            CollectionHead::Record => "record",
            CollectionHead::Company => "company",
            CollectionHead::Event(n) | CollectionHead::Table(n) => n,
        }
    }
}

/// A collection declared in a `schema` block, or an `extend` of one.
#[derive(Clone, Debug, PartialEq)]
pub struct CollectionDecl {
    pub head: Spanned<CollectionHead>,
    pub extend: bool,
    pub fields: Vec<FieldDecl>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FieldDecl {
    pub name: Ident,
    pub ty: Spanned<TypeExpr>,
    pub optional: bool,
    pub default: Option<Expr>,
    pub pii: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum TypeExpr {
    Text,
    Int,
    Decimal,
    Bool,
    Date,
    DateTime,
    Duration,
    Id,
    OneOf(Vec<EnumValue>),
    List(Box<TypeExpr>),
    Ref(String),
}

/// A value of a `one of` type with its display label, if it has one
/// (`"general" zh "一般"`).
#[derive(Clone, Debug, PartialEq)]
pub struct EnumValue {
    pub code: String,
    pub label: Localized<String>,
}

/// A title, help or label in one or both languages.
pub type Texts = Localized<Spanned<String>>;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RuleKind {
    Retention,
    Access,
    Destruction,
    Notification,
    Rule,
}

impl RuleKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RuleKind::Retention => "retention",
            RuleKind::Access => "access",
            RuleKind::Destruction => "destruction",
            RuleKind::Notification => "notification",
            RuleKind::Rule => "rule",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Rule {
    pub kind: RuleKind,
    pub name: Ident,
    pub title: Option<Texts>,
    pub severity: Option<Spanned<Severity>>,
    pub cite: Vec<Spanned<String>>,
    pub help: Option<Texts>,
    pub tags: Vec<Spanned<String>>,
    pub subjects: ForClause,
    pub clauses: Vec<Clause>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ForClause {
    pub collection: Ident,
    pub var: Ident,
    pub filter: Option<Expr>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Clause {
    pub kind: ClauseKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ClauseKind {
    Let {
        name: Ident,
        value: Expr,
    },
    When(Expr),
    Require {
        cond: Expr,
        message: Option<Messages>,
    },
    Match {
        collection: Ident,
        var: Ident,
        on: Expr,
        message: Option<Messages>,
    },
    Forbid {
        collection: Ident,
        var: Ident,
        on: Expr,
        message: Option<Messages>,
    },
}

/// An `else` message in one or both languages.
pub type Messages = Localized<Message>;

/// A message string with `{expression}` holes.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    pub parts: Vec<MessagePart>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum MessagePart {
    Text(String),
    Hole(Expr),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Waiver {
    pub rule: Ident,
    pub subject: Spanned<String>,
    pub until: Spanned<jiff::civil::Date>,
    pub because: Spanned<String>,
    pub by: Option<Spanned<String>>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TestBlock {
    pub name: Spanned<String>,
    pub givens: Vec<Given>,
    pub expects: Vec<Expect>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Given {
    pub collection: Ident,
    pub fields: Vec<(Ident, Expr)>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Expect {
    pub rule: Ident,
    pub outcome: ExpectOutcome,
    pub subject: Option<Spanned<String>>,
    pub span: Span,
}

/// What an `expect` says of a rule (docs/authoring.md, "Tests").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExpectOutcome {
    /// `passes`: no finding.
    Passes,
    /// `fails`: at least one violated finding; insufficient evidence alone
    /// does not make it hold (hostile review, 2026-12-07).
    Fails,
    /// `lacks evidence`: the rule could not tell, and found no violation.
    LacksEvidence,
}

impl ExpectOutcome {
    /// The words as written, canonically.
    pub fn as_str(self) -> &'static str {
        match self {
            ExpectOutcome::Passes => "passes",
            ExpectOutcome::Fails => "fails",
            ExpectOutcome::LacksEvidence => "lacks evidence",
        }
    }
}

pub type Expr = Spanned<ExprKind>;

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    Literal(Literal),
    List(Vec<Expr>),
    /// A name: a variable, a `let`, `company` or `as_of`.
    Name(String),
    Field(Box<Expr>, Ident),
    Unary(UnaryOp, Box<Expr>),
    Binary(BinaryOp, Box<Expr>, Box<Expr>),
    In {
        item: Box<Expr>,
        list: Box<Expr>,
        negated: bool,
    },
    Contains(Box<Expr>, Box<Expr>),
    Matches(Box<Expr>, Spanned<String>),
    Is {
        value: Box<Expr>,
        set: bool,
    },
    Within {
        value: Box<Expr>,
        window: Box<Expr>,
        after: bool,
        anchor: Box<Expr>,
    },
    Call(Ident, Vec<Expr>),
    Aggregate {
        op: AggregateOp,
        collection: Ident,
        var: Ident,
        filter: Option<Box<Expr>>,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub enum Literal {
    Text(String),
    Int(i64),
    Decimal(f64),
    Bool(bool),
    Date(jiff::civil::Date),
    DateTime(jiff::Timestamp),
    Duration(Duration),
}

/// A calendar duration: months and days move by the calendar, seconds do not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Duration {
    Permanent,
    Span {
        months: i32,
        days: i32,
        seconds: i64,
    },
}

impl Duration {
    /// An approximate length in seconds, for ordering durations only.
    pub fn approx_seconds(self) -> i128 {
        match self {
            Duration::Permanent => i128::MAX,
            Duration::Span {
                months,
                days,
                seconds,
            } => months as i128 * 2_629_746 + days as i128 * 86_400 + seconds as i128,
        }
    }
}

impl std::fmt::Display for Duration {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            Duration::Permanent => f.write_str("permanent"),
            Duration::Span {
                months,
                days,
                seconds,
            } => {
                let mut parts = Vec::new();
                let plural =
                    |n: i64, unit: &str| format!("{n} {unit}{}", if n == 1 { "" } else { "s" });
                if months != 0 && months % 12 == 0 {
                    parts.push(plural(months as i64 / 12, "year"));
                } else if months != 0 {
                    parts.push(plural(months as i64, "month"));
                }
                if days != 0 {
                    parts.push(plural(days as i64, "day"));
                }
                if seconds != 0 && seconds % 3600 == 0 {
                    parts.push(plural(seconds / 3600, "hour"));
                } else if seconds != 0 {
                    parts.push(plural(seconds / 60, "minute"));
                }
                if parts.is_empty() {
                    parts.push("0 days".into());
                }
                f.write_str(&parts.join(" "))
            }
        }
    }
}

impl Duration {
    /// The duration as a message in `lang` shows it: `10 years`, or
    /// `10年` (a Chinese sentence does not say `10 years`).
    pub fn text(self, lang: crate::i18n::Lang) -> String {
        let Duration::Span {
            months,
            days,
            seconds,
        } = self
        else {
            return match lang {
                crate::i18n::Lang::Zh => "永久".into(),
                crate::i18n::Lang::En => self.to_string(),
            };
        };
        if lang == crate::i18n::Lang::En {
            return self.to_string();
        }
        let mut out = String::new();
        if months != 0 && months % 12 == 0 {
            out.push_str(&format!("{}年", months / 12));
        } else if months != 0 {
            out.push_str(&format!("{months}个月"));
        }
        if days != 0 {
            out.push_str(&format!("{days}天"));
        }
        if seconds != 0 && seconds % 3600 == 0 {
            out.push_str(&format!("{}小时", seconds / 3600));
        } else if seconds != 0 {
            out.push_str(&format!("{}分钟", seconds / 60));
        }
        if out.is_empty() {
            out.push_str("0天");
        }
        out
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Not,
    Neg,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinaryOp {
    Or,
    And,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Add,
    Sub,
    Mul,
    Div,
}

impl BinaryOp {
    pub fn as_str(self) -> &'static str {
        match self {
            BinaryOp::Or => "or",
            BinaryOp::And => "and",
            BinaryOp::Eq => "==",
            BinaryOp::Ne => "!=",
            BinaryOp::Lt => "<",
            BinaryOp::Le => "<=",
            BinaryOp::Gt => ">",
            BinaryOp::Ge => ">=",
            BinaryOp::Add => "+",
            BinaryOp::Sub => "-",
            BinaryOp::Mul => "*",
            BinaryOp::Div => "/",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AggregateOp {
    Count,
    Exists,
}
