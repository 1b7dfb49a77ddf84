//! Schema declarations: collections, their fields and field types.

use super::{inner, next, Lowerer};
use crate::syntax::ast::*;
use crate::syntax::parse::{Pair, Rule};
use crate::syntax::span::Spanned;

impl Lowerer {
    pub(super) fn collection(&mut self, pair: Pair) -> CollectionDecl {
        let extend = pair.as_rule() == Rule::extend_block;
        let mut it = inner(pair);
        let head_pair = next(&mut it);
        let head_span = self.span(&head_pair);
        let head = next(&mut inner(head_pair));
        let head = match head.as_rule() {
            Rule::record_head => CollectionHead::Record,
            Rule::company_head => CollectionHead::Company,
            Rule::event_head => CollectionHead::Event(next(&mut inner(head)).as_str().into()),
            _ => CollectionHead::Table(next(&mut inner(head)).as_str().into()),
        };
        let fields = it.map(|f| self.field_decl(f)).collect();
        CollectionDecl {
            head: Spanned::new(head, head_span),
            extend,
            fields,
        }
    }

    fn field_decl(&mut self, pair: Pair) -> FieldDecl {
        let mut it = inner(pair);
        let name = self.ident(next(&mut it));
        let ty_pair = next(&mut it);
        let ty = Spanned::new(self.type_expr(ty_pair.clone()), self.span(&ty_pair));
        let mut decl = FieldDecl {
            name,
            ty,
            optional: false,
            default: None,
            pii: false,
        };
        for p in it {
            match p.as_rule() {
                Rule::optional_mark => decl.optional = true,
                Rule::pii_mark => decl.pii = true,
                _ => decl.default = Some(self.expr(next(&mut inner(p)))),
            }
        }
        decl
    }

    fn type_expr(&mut self, pair: Pair) -> TypeExpr {
        let ty = next(&mut inner(pair));
        match ty.as_rule() {
            Rule::one_of_type => TypeExpr::OneOf(inner(ty).map(|v| self.enum_value(v)).collect()),
            Rule::list_type => self.list_type(ty),
            Rule::ref_type => TypeExpr::Ref(next(&mut inner(ty)).as_str().into()),
            _ => match ty.as_str() {
                "text" => TypeExpr::Text,
                "int" => TypeExpr::Int,
                "decimal" => TypeExpr::Decimal,
                "bool" => TypeExpr::Bool,
                "date" => TypeExpr::Date,
                "datetime" => TypeExpr::DateTime,
                "duration" => TypeExpr::Duration,
                _ => TypeExpr::Id,
            },
        }
    }

    /// `list<T>`, counted against the nesting limit like an expression.
    fn list_type(&mut self, ty: Pair) -> TypeExpr {
        let span = self.span(&ty);
        if self.too_deep(1, span) {
            return TypeExpr::Text;
        }
        self.depth += 1;
        let item = self.type_expr(next(&mut inner(ty)));
        self.depth -= 1;
        TypeExpr::List(Box::new(item))
    }

    /// `"general"` or `"general" zh "一般" en "general"`.
    fn enum_value(&mut self, pair: Pair) -> EnumValue {
        let mut it = inner(pair);
        let code = self.string(next(&mut it)).node;
        let label = it
            .next()
            .map(|t| self.texts(t).map(|s| s.node.clone()))
            .unwrap_or_default();
        EnumValue { code, label }
    }
}
