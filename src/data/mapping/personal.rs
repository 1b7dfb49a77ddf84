//! Whether a cell of a company's file, as written there, is personal
//! information (security.md, "Mapped files"). One rule for every place that
//! shows an original cell: the mapping's messages, input errors, the line a
//! report quotes. The mapped value is not enough: a lookup turns a staff
//! member's name (`李强`) into an id (`S-03`), and a value map can do the
//! same, so the original text must be judged by where it goes.

use crate::check::schema::{FieldType, Schema};

use super::plan::{CellAt, FieldPlan, From, Plan};

/// How personal the cells a field reads are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Nothing personal: the field is not `pii` and names no person.
    No,
    /// Every cell: the field is `pii`, or its lookup finds rows by a `pii`
    /// field (`lookup: staff.name` reads names).
    Always,
    /// A cell that does not read like an id: the field refers to a
    /// collection with `pii` fields (a name where an id belongs).
    UnlessId,
}

/// The kind of the cells `f` reads.
pub fn kind(f: &FieldPlan) -> Kind {
    f.personal
}

/// The kind of the cells of a field of type `ty`, `pii` or not, read
/// through `lookup` (`(table, field)`) or not.
pub fn kind_of(schema: &Schema, pii: bool, ty: &FieldType, lookup: Option<(&str, &str)>) -> Kind {
    if pii {
        return Kind::Always;
    }
    if let Some((table, by)) = lookup {
        // A lookup the schema does not know is an error of its own; what
        // it would read is unknown, so it is taken as personal.
        let by_pii = schema
            .lookup(table.trim())
            .map(|t| schema.collection(t))
            .and_then(|t| t.field_id(by.trim()).map(|b| t.field(b).pii))
            .unwrap_or(true);
        if by_pii {
            return Kind::Always;
        }
    }
    let target = match ty {
        FieldType::Ref(t) => *t,
        FieldType::List(inner) => match **inner {
            FieldType::Ref(t) => t,
            _ => return Kind::No,
        },
        _ => return Kind::No,
    };
    if schema.collection(target).fields.iter().any(|t| t.pii) {
        Kind::UnlessId
    } else {
        Kind::No
    }
}

impl Kind {
    /// Whether one value of such a field (a list's item, a value-map key)
    /// is personal.
    pub fn holds(self, value: &str) -> bool {
        match self {
            Kind::No => false,
            Kind::Always => true,
            Kind::UnlessId => !crate::pii::looks_like_id(value.trim()),
        }
    }

    /// A value as a message shows it: masked when personal.
    pub fn shown(self, value: &str) -> String {
        if self.holds(value) {
            crate::pii::mask(value)
        } else {
            value.to_string()
        }
    }
}

/// Values with their counts as a message lists them: each masked when
/// personal for a column of `kind`; a column no field reads (`None`) is
/// listed as it is (a category the entry's `where:` chooses by).
pub fn counted(kind: Option<Kind>, values: Vec<(String, u64)>) -> Vec<(String, u64)> {
    match kind {
        None | Some(Kind::No) => values,
        Some(k) => values.into_iter().map(|(v, n)| (k.shown(&v), n)).collect(),
    }
}

/// Whether the cell `text` that `f` reads is personal: for a list field,
/// when any of its items is.
pub fn cell(f: &FieldPlan, text: &str) -> bool {
    let k = kind(f);
    match k {
        Kind::No => false,
        Kind::Always => !text.trim().is_empty(),
        Kind::UnlessId => super::transform::items(f, text)
            .into_iter()
            .any(|i| k.holds(i)),
    }
}

/// The kind of a column of the file: the most personal of the fields of
/// any entry that read it; `None` when no field reads it (its content is
/// unknown).
pub fn column(plans: &[Plan], position: usize) -> Option<Kind> {
    let mut found = None;
    for f in plans.iter().flat_map(|p| &p.fields) {
        if matches!(f.from, From::Column(i) if i == position) {
            found = Some(match (found, kind(f)) {
                (Some(Kind::Always), _) | (_, Kind::Always) => Kind::Always,
                (Some(Kind::UnlessId), _) | (_, Kind::UnlessId) => Kind::UnlessId,
                _ => Kind::No,
            });
        }
    }
    found
}

/// Whether the line a row was read from must not be quoted: one of its
/// cells is personal, or a non-empty cell is read by no field of the entry
/// that selected the row nor by its `where:` (a column no field reads holds
/// unknown content: an ID number beside a name, another entry's personal
/// column).
pub fn row_is_personal(plan: &Plan, row: &dyn CellAt) -> bool {
    row.any_text(&mut |position, text| {
        if text.trim().is_empty() {
            return false;
        }
        let field = plan
            .fields
            .iter()
            .find(|f| matches!(f.from, From::Column(i) if i == position));
        match field {
            Some(f) => cell(f, text),
            None => !plan.filter.iter().any(|(i, _, _)| *i == position),
        }
    })
}
