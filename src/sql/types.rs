//! The static types the compiler needs to pick an SQL translation
//! (`date + duration` vs `int + int`, a date compared with a datetime, how a
//! message hole is displayed), and the SQL types of staged columns.

use crate::check::ir::{ArithOp, Func, Ir, IrKind};
use crate::check::schema::{CollKind, FieldType, Schema};
use crate::syntax::ast::{AggregateOp, Duration};
use crate::value::{CollId, Value};

#[derive(Clone, Debug, PartialEq)]
pub enum T {
    Text,
    Int,
    Dec,
    Bool,
    Date,
    DateTime,
    Duration,
    List(Box<T>),
    EmptyList,
    Obj(CollId),
    /// A literal missing value.
    Null,
}

impl T {
    pub fn of_field(t: &FieldType) -> T {
        match t {
            FieldType::Text | FieldType::Id | FieldType::Enum(_) | FieldType::Ref(_) => T::Text,
            FieldType::Int => T::Int,
            FieldType::Decimal => T::Dec,
            FieldType::Bool => T::Bool,
            FieldType::Date => T::Date,
            FieldType::DateTime => T::DateTime,
            FieldType::Duration => T::Duration,
            FieldType::List(inner) => T::List(Box::new(T::of_field(inner))),
        }
    }

    pub fn of_value(v: &Value) -> T {
        match v {
            Value::Missing => T::Null,
            Value::Bool(_) => T::Bool,
            Value::Int(_) => T::Int,
            Value::Dec(_) => T::Dec,
            Value::Sym(_) | Value::Str(_) => T::Text,
            Value::Date(_) => T::Date,
            Value::DateTime(_) => T::DateTime,
            Value::Duration(_) => T::Duration,
            Value::List(items) => items
                .first()
                .map_or(T::EmptyList, |i| T::List(Box::new(T::of_value(i)))),
            Value::Obj(c, _) => T::Obj(*c),
        }
    }

    pub fn is_time(&self) -> bool {
        matches!(self, T::Date | T::DateTime)
    }
}

/// The type of an expression, given the types of the rule's slots.
pub fn ty(ir: &Ir, schema: &Schema, slots: &[Option<T>]) -> T {
    let t = |x: &Ir| ty(x, schema, slots);
    match &ir.kind {
        IrKind::Const(v) => T::of_value(v),
        IrKind::Var(s) => slots.get(*s as usize).cloned().flatten().unwrap_or(T::Null),
        IrKind::AsOf => T::Date,
        IrKind::Company(c) => T::Obj(*c),
        IrKind::Field { coll, field, .. } => {
            T::of_field(&schema.collection(*coll).field(*field).ty)
        }
        IrKind::Deref { target, .. } => T::Obj(*target),
        IrKind::List(items) => items
            .first()
            .map_or(T::EmptyList, |i| T::List(Box::new(t(i)))),
        IrKind::Neg(x) => t(x),
        IrKind::Not(_)
        | IrKind::And(..)
        | IrKind::Or(..)
        | IrKind::Cmp(..)
        | IrKind::In { .. }
        | IrKind::Contains(..)
        | IrKind::Matches(..)
        | IrKind::Is { .. }
        | IrKind::Within { .. } => T::Bool,
        IrKind::Arith(op, a, b) => match (op, t(a), t(b)) {
            (ArithOp::Add | ArithOp::Sub | ArithOp::Mul, T::Int, T::Int) => T::Int,
            (ArithOp::Add | ArithOp::Sub, x, T::Duration) if x.is_time() => shifted(x, b),
            (ArithOp::Add, T::Duration, y) if y.is_time() => shifted(y, a),
            _ => T::Dec,
        },
        IrKind::Call(f, _) => match f {
            Func::Len | Func::Year | Func::DaysBetween => T::Int,
            Func::Lower | Func::Upper => T::Text,
            Func::Date | Func::EndOfYear | Func::Deadline => T::Date,
            Func::CreditCodeValid => T::Bool,
        },
        IrKind::Aggregate(AggregateOp::Count, _) => T::Int,
        IrKind::Aggregate(..) => T::Bool,
    }
}

/// A date shifted by a duration with hours or minutes becomes a datetime
/// (the evaluator moves it to the start of its day first). Known only for
/// a literal duration; for one read from data the compiler refuses a date.
fn shifted(base: T, duration: &Ir) -> T {
    match (&base, &duration.kind) {
        (T::Date, IrKind::Const(Value::Duration(Duration::Span { seconds, .. })))
            if *seconds != 0 =>
        {
            T::DateTime
        }
        _ => base,
    }
}

/// The SQL type of a field in the typed view of its collection.
pub fn sql_type(t: &FieldType) -> &'static str {
    match t {
        FieldType::Text | FieldType::Id | FieldType::Enum(_) | FieldType::Ref(_) => "STRING",
        FieldType::Int => "BIGINT",
        FieldType::Decimal => "DOUBLE",
        FieldType::Bool => "BOOLEAN",
        FieldType::Date => "DATE",
        FieldType::DateTime => "TIMESTAMP",
        FieldType::Duration => DURATION_TYPE,
        // Staged as the items' report text; only lists of text-like items
        // are compiled (`expr.rs`).
        FieldType::List(_) => "ARRAY<STRING>",
    }
}

/// How a duration is held: `permanent`, or months, days and seconds, as
/// the evaluator holds it.
pub const DURATION_TYPE: &str = "STRUCT<perm: BOOLEAN, months: INT, days: INT, seconds: BIGINT>";

/// The provenance columns every typed view starts with.
pub const PROVENANCE: [(&str, &str); 3] =
    [("_row", "BIGINT"), ("_file", "STRING"), ("_line", "BIGINT")];

/// The SQL type of one object of `coll` (`struct(x.*)` of its typed view).
pub fn obj_type(schema: &Schema, coll: CollId) -> String {
    let c = schema.collection(coll);
    let mut parts: Vec<String> = PROVENANCE
        .iter()
        .map(|(n, t)| format!("{}: {t}", super::ident(n)))
        .collect();
    for f in &c.fields {
        parts.push(format!("{}: {}", super::ident(&f.name), sql_type(&f.ty)));
    }
    format!("STRUCT<{}>", parts.join(", "))
}

/// Whether the collection is the single company object.
pub fn is_company(schema: &Schema, coll: CollId) -> bool {
    schema.collection(coll).kind == CollKind::Company
}
