//! The schema: collections and typed fields, merged from every `schema` and
//! `extend` block of the set.

use std::collections::HashMap;

use rustc_hash::FxHashMap;
use std::sync::Arc;

use crate::syntax::ast::{CollectionDecl, CollectionHead, TypeExpr};
use crate::syntax::localized::Localized;
use crate::syntax::span::Span;
use crate::value::{CollId, FieldId, Value};

use super::error::CheckError;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CollKind {
    Record,
    Event,
    Table,
    Company,
}

impl CollKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CollKind::Record => "record",
            CollKind::Event => "event",
            CollKind::Table => "table",
            CollKind::Company => "company",
        }
    }
}

/// The type of a schema field.
#[derive(Clone, Debug, PartialEq)]
pub enum FieldType {
    Text,
    Int,
    Decimal,
    Bool,
    Date,
    DateTime,
    Duration,
    Id,
    Enum(Arc<[String]>),
    List(Box<FieldType>),
    Ref(CollId),
}

impl FieldType {
    pub fn describe(&self, schema: &Schema) -> String {
        match self {
            FieldType::Text => "text".into(),
            FieldType::Int => "int".into(),
            FieldType::Decimal => "decimal".into(),
            FieldType::Bool => "bool".into(),
            FieldType::Date => "date".into(),
            FieldType::DateTime => "datetime".into(),
            FieldType::Duration => "duration".into(),
            FieldType::Id => "id".into(),
            FieldType::Enum(v) => {
                format!(
                    "one of {}",
                    v.iter()
                        .map(|s| format!("\"{s}\""))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            }
            FieldType::List(t) => format!("list of {}", t.describe(schema)),
            FieldType::Ref(c) => format!("ref {}", schema.collection(*c).name),
        }
    }
}

#[derive(Clone, Debug)]
pub struct Field {
    pub name: String,
    pub ty: FieldType,
    pub optional: bool,
    pub default: Option<Value>,
    pub pii: bool,
    /// `None` for the implicit `at` and `id` of events.
    pub span: Option<Span>,
    /// The display labels of an enum's values (`"general" zh "一般"`),
    /// by value; empty when none has one.
    pub labels: Labels,
}

impl Field {
    /// Whether the field holds a person's name, which `==` and `!=`
    /// compare as names (`王芳（签）` is `王芳`; docs/language.md): a `text`
    /// field marked `pii`, as the standard schema marks every name.
    pub fn is_name(&self) -> bool {
        self.ty == FieldType::Text && self.pii
    }
}

/// Display labels of enum values, by value.
pub type Labels = Arc<HashMap<String, Localized<String>>>;

/// The labels a `one of` type (or a list of one) gives its values.
pub(crate) fn labels_of(t: &TypeExpr) -> Labels {
    match t {
        TypeExpr::OneOf(values) => Arc::new(
            values
                .iter()
                .filter(|v| !v.label.is_empty())
                .map(|v| (v.code.clone(), v.label.clone()))
                .collect(),
        ),
        TypeExpr::List(inner) => labels_of(inner),
        _ => Labels::default(),
    }
}

#[derive(Clone, Debug)]
pub struct Collection {
    pub name: String,
    pub kind: CollKind,
    pub fields: Vec<Field>,
    /// Fx: looked up per row while loading (`id_field`, event kinds).
    pub by_name: FxHashMap<String, FieldId>,
    pub span: Option<Span>,
}

impl Collection {
    pub fn field(&self, id: FieldId) -> &Field {
        &self.fields[id.0 as usize]
    }
    pub fn field_id(&self, name: &str) -> Option<FieldId> {
        self.by_name.get(name).copied()
    }
    pub fn id_field(&self) -> Option<FieldId> {
        self.field_id("id")
            .filter(|f| self.field(*f).ty == FieldType::Id)
    }
}

#[derive(Clone, Debug, Default)]
pub struct Schema {
    pub collections: Vec<Collection>,
    pub by_name: FxHashMap<String, CollId>,
}

impl Schema {
    pub fn collection(&self, id: CollId) -> &Collection {
        &self.collections[id.0 as usize]
    }
    pub fn lookup(&self, name: &str) -> Option<CollId> {
        self.by_name.get(name).copied()
    }
    pub fn ids(&self) -> impl Iterator<Item = CollId> {
        (0..self.collections.len() as u32).map(CollId)
    }
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.collections.iter().map(|c| c.name.as_str())
    }
    pub fn record(&self) -> Option<CollId> {
        self.ids()
            .find(|c| self.collection(*c).kind == CollKind::Record)
    }
    pub fn company(&self) -> Option<CollId> {
        self.ids()
            .find(|c| self.collection(*c).kind == CollKind::Company)
    }
}

/// Builds the schema in two passes: first every collection name (so a `ref`
/// may point at a collection declared later or in another file), then fields.
/// Defaults are left for the expression checker (they are expressions).
pub fn build(decls: &[&CollectionDecl], errors: &mut Vec<CheckError>) -> Schema {
    let mut schema = Schema::default();
    let mut skipped: Vec<Span> = Vec::new();
    for d in decls.iter().filter(|d| !d.extend) {
        let name = d.head.node.name();
        if let Some(&other) = schema.by_name.get(name) {
            let previous = schema.collection(other).span.unwrap_or(d.head.span);
            errors.push(CheckError::DuplicateName {
                what: "collection",
                name: name.into(),
                span: d.head.span,
                previous,
            });
            skipped.push(d.head.span);
            continue;
        }
        add_collection(&mut schema, &d.head.node, d.head.span);
    }
    for d in decls.iter().filter(|d| !skipped.contains(&d.head.span)) {
        let found = schema
            .lookup(d.head.node.name())
            .filter(|c| kind_of(&d.head.node) == schema.collection(*c).kind);
        let Some(coll) = found else {
            errors.push(CheckError::UnknownCollection {
                name: d.head.node.name().into(),
                span: d.head.span,
                candidates: schema.names().map(String::from).collect(),
            });
            continue;
        };
        for f in &d.fields {
            add_field(&mut schema, coll, f, errors);
        }
    }
    schema
}

fn add_field(
    schema: &mut Schema,
    coll: CollId,
    f: &crate::syntax::ast::FieldDecl,
    errors: &mut Vec<CheckError>,
) {
    let ty = resolve_type(&f.ty.node, schema, f.ty.span, errors);
    let c = &mut schema.collections[coll.0 as usize];
    if let Some(prev) = c.by_name.get(&f.name.node) {
        errors.push(match c.fields[prev.0 as usize].span {
            Some(previous) => CheckError::DuplicateName {
                what: "field",
                name: f.name.node.clone(),
                span: f.name.span,
                previous,
            },
            None => CheckError::ImplicitField {
                name: f.name.node.clone(),
                span: f.name.span,
            },
        });
        return;
    }
    let Some(ty) = ty else { return };
    if ty == FieldType::Id && f.pii {
        // Reports name rows by their id, and waivers and baselines match
        // it: masking it would break both, showing it would leak.
        errors.push(CheckError::Schema {
            span: f.name.span,
            message: crate::msg!("schema-pii-id", name = &f.name.node),
        });
    }
    c.by_name
        .insert(f.name.node.clone(), FieldId(c.fields.len() as u32));
    c.fields.push(Field {
        name: f.name.node.clone(),
        ty,
        optional: f.optional,
        default: None,
        pii: f.pii,
        span: Some(f.name.span),
        labels: labels_of(&f.ty.node),
    });
}

fn kind_of(head: &CollectionHead) -> CollKind {
    match head {
        CollectionHead::Record => CollKind::Record,
        CollectionHead::Company => CollKind::Company,
        CollectionHead::Event(_) => CollKind::Event,
        CollectionHead::Table(_) => CollKind::Table,
    }
}

fn add_collection(schema: &mut Schema, head: &CollectionHead, span: Span) {
    let kind = kind_of(head);
    let mut c = Collection {
        name: head.name().into(),
        kind,
        fields: vec![],
        by_name: FxHashMap::default(),
        span: Some(span),
    };
    if kind == CollKind::Event {
        // Every event has `at`; `id` is optional (language.md section 3).
        for (name, ty, optional) in [
            ("at", FieldType::DateTime, false),
            ("id", FieldType::Id, true),
        ] {
            c.by_name
                .insert(name.into(), FieldId(c.fields.len() as u32));
            c.fields.push(Field {
                name: name.into(),
                ty,
                optional,
                default: None,
                pii: false,
                span: None,
                labels: Labels::default(),
            });
        }
    }
    let id = CollId(schema.collections.len() as u32);
    schema.by_name.insert(c.name.clone(), id);
    schema.collections.push(c);
}

fn resolve_type(
    t: &TypeExpr,
    schema: &Schema,
    span: Span,
    errors: &mut Vec<CheckError>,
) -> Option<FieldType> {
    Some(match t {
        TypeExpr::Text => FieldType::Text,
        TypeExpr::Int => FieldType::Int,
        TypeExpr::Decimal => FieldType::Decimal,
        TypeExpr::Bool => FieldType::Bool,
        TypeExpr::Date => FieldType::Date,
        TypeExpr::DateTime => FieldType::DateTime,
        TypeExpr::Duration => FieldType::Duration,
        TypeExpr::Id => FieldType::Id,
        TypeExpr::OneOf(values) => FieldType::Enum(values.iter().map(|v| v.code.clone()).collect()),
        TypeExpr::List(inner) => {
            FieldType::List(Box::new(resolve_type(inner, schema, span, errors)?))
        }
        TypeExpr::Ref(target) => match schema.lookup(target) {
            Some(c) => FieldType::Ref(c),
            None => {
                errors.push(CheckError::UnknownRefTarget {
                    name: target.clone(),
                    span,
                    candidates: schema.names().map(String::from).collect(),
                });
                return None;
            }
        },
    })
}

/// Checks that the merged schema is usable: one inventory with ids, and every
/// `ref` pointing at a collection with an `id` field.
pub fn validate(schema: &Schema, any_span: Span, errors: &mut Vec<CheckError>) {
    match schema.record() {
        None => errors.push(CheckError::Schema {
            span: any_span,
            message: crate::msg!("schema-no-record"),
        }),
        Some(r) if schema.collection(r).id_field().is_none() => {
            let span = schema.collection(r).span.unwrap_or(any_span);
            errors.push(CheckError::Schema {
                span,
                message: crate::msg!("schema-record-no-id"),
            });
        }
        Some(_) => {}
    }
    for c in &schema.collections {
        for f in &c.fields {
            let mut ty = &f.ty;
            while let FieldType::List(inner) = ty {
                ty = inner;
            }
            if let (FieldType::Ref(target), Some(span)) = (ty, f.span) {
                let t = schema.collection(*target);
                if t.id_field().is_none() {
                    errors.push(CheckError::Schema {
                        span,
                        message: crate::msg!("schema-ref-no-id", field = &f.name, target = &t.name),
                    });
                }
            }
        }
    }
}
