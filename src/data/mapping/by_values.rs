//! A mapped file's unread columns watched for the values of a field its
//! entry reads nothing into, or only from the field's own column when that
//! column is blank (docs/inputs-and-reports.md, "a field under another
//! name"): `保全标记` of `是`/`否` left unmapped beside no `legal_hold` read
//! every record as not held, and the run passed with a note listing the
//! unmapped columns. A field mapped to a column blank in every row is
//! watched too (`legal_hold: 冻结标志`, empty, beside `保全标记`). The rows' [`Shape`]s are judged with those of every
//! other file (`Loader::hidden_fields`).

use crate::check::schema::{Collection, FieldType};
use crate::data::rows::{self, NearMisses, Shape};

use super::plan::{CellAt, From, Plan};
use super::values;

/// What one entry's rows are watched for.
pub struct Watch {
    /// The unread columns: position and header.
    columns: Vec<(usize, String)>,
    /// Watched fields read from a column: their own (left to it by the
    /// entry) or the one the entry maps them to: (field, position).
    /// Counted as filled where the cell is.
    own: Vec<(u32, usize)>,
    /// Watched fields the entry maps to a constant, or to a column whose
    /// blank cell its value map reads (`"": true`): never judged.
    chosen: Vec<u32>,
    /// Every watched field: those not filled in a row are blank in it
    /// (a status column saying `离职` beside them is judged).
    watched: Vec<u32>,
    /// A table's watched end fields (`authorized_to`:
    /// `ends::field_names_an_end`) the entry reads from a column: their
    /// day in a row is compared with an unread end column's
    /// ([`Watch::ends`]).
    ends: Vec<(u32, String)>,
    coll: u32,
    entry: u32,
}

impl Watch {
    /// `None` when nothing is to be watched: no unread column, or every
    /// watched field mapped by the author's choice.
    pub fn of(plan: &Plan, c: &Collection) -> Option<Watch> {
        let (mut own, mut chosen) = (Vec::new(), Vec::new());
        let mut open = false;
        let watched = rows::watched_fields(c);
        for &f in &watched {
            let name = &c.field(crate::value::FieldId(f)).name;
            match plan.fields.iter().find(|p| &p.name == name) {
                None => open = true,
                // A column the entry maps the field to is watched as its
                // own column is (Decision 2026-12-05): mapped to a column
                // blank in every row while an unread one holds the values,
                // every record read as not held and the run passed.
                Some(p) => match &p.from {
                    From::Column(i) if !reads_blank(p) => {
                        own.push((f, *i));
                        open = true;
                    }
                    _ => chosen.push(f),
                },
            }
        }
        if !open || plan.unread.is_empty() {
            return None;
        }
        let ends = match c.kind {
            crate::check::schema::CollKind::Table => (own.iter())
                .map(|(f, _)| (*f, c.field(crate::value::FieldId(*f)).name.clone()))
                .filter(|(_, name)| crate::data::ends::field_names_an_end(name))
                .collect(),
            _ => Vec::new(),
        };
        Some(Watch {
            columns: plan.unread.clone(),
            own,
            chosen,
            watched,
            ends,
            coll: plan.coll.0,
            entry: plan.line,
        })
    }

    /// Folds one row the entry read (`mapped`: its fields as the mapping
    /// gave them, dates in their canonical form) into the unread end
    /// columns' shapes (`离职日期`): a date there earlier than the row's
    /// own end date (`authorized_to`), or a value that reads as no date
    /// (`Shape::end_cell`; docs/inputs-and-reports.md, "an end column
    /// earlier than the row's end"). After [`Watch::row`], which made
    /// the shapes.
    pub fn ends(
        &self,
        near: &mut NearMisses,
        row: &(impl CellAt + ?Sized),
        mapped: &crate::data::read::RawRow,
    ) {
        let day = |name: &str| {
            let (_, raw, _) = mapped.cells.iter().find(|(n, _, _)| n == name)?;
            let crate::data::read::Raw::Text(t) = raw else {
                return None;
            };
            crate::data::ends::end_day(t)
        };
        let ends: Vec<(u32, jiff::civil::Date)> = (self.ends.iter())
            .filter_map(|(f, name)| Some((*f, day(name)?)))
            .collect();
        let Some(columns) = near.found.shapes.get_mut(&self.coll) else {
            return;
        };
        for (i, header) in &self.columns {
            let Some(shape) = columns.get_mut(header).filter(|s| s.end) else {
                continue;
            };
            let Some(text) = row.text_at(*i) else {
                continue;
            };
            let at = (row.line(), row.column_at(*i));
            shape.end_cell(&text, crate::data::ends::end_day(&text), &ends, at);
        }
    }

    /// The end fields (`authorized_to`) whose column holds, in `row`, a
    /// day standing for no end (`9999-12-31`: `ends::stands_for_no_end`):
    /// beside a status saying the person is gone, as blank as an empty one.
    fn no_end(&self, row: &(impl CellAt + ?Sized)) -> Vec<(u32, jiff::civil::Date)> {
        (self.own.iter())
            .filter(|(f, _)| self.ends.iter().any(|(e, _)| e == f))
            .filter_map(|(f, i)| Some((*f, crate::data::ends::end_day(row.cell_at(*i)?)?)))
            .filter(|(_, d)| crate::data::ends::stands_for_no_end(*d))
            .collect()
    }

    /// Folds one row the entry reads into the shapes of its unread columns.
    pub fn row(&self, near: &mut NearMisses, row: &(impl CellAt + ?Sized)) {
        let blank = |t: Option<&str>| t.map_or(true, |t| crate::text::trim_cell(t).is_empty());
        let filled = self
            .own
            .iter()
            .filter(|(_, i)| !blank(row.cell_at(*i)))
            .map(|(f, _)| *f)
            .chain(self.chosen.iter().copied());
        let filled: Vec<u32> = filled.collect();
        let blank: Vec<u32> = (self.watched.iter().copied())
            .filter(|f| !filled.contains(f))
            .collect();
        let no_end = self.no_end(row);
        let columns = near.found.shapes.entry(self.coll).or_default();
        for (i, header) in &self.columns {
            // A row without the cell (a JSONL line without the key) does
            // not have the column.
            let Some(text) = row.text_at(*i) else {
                continue;
            };
            if !columns.contains_key(header) {
                columns.insert(header.clone(), Shape::headed(header, Some(self.entry)));
            }
            let Some(shape) = columns.get_mut(header) else {
                continue;
            };
            shape.status_cell(&text, &blank, &no_end, (row.line(), row.column_at(*i)));
            if shape.fits == 0 {
                continue;
            }
            filled.iter().for_each(|f| shape.fill(*f));
            let text = crate::text::trim_cell(&text);
            // A word standing for nothing (`无`, `-`) is no counterexample,
            // as a blank cell is not.
            // In a column named as an end, neither is a word saying the
            // person is still there (`在职`: `ends::says_present`).
            let present = shape.end && crate::data::ends::says_present(text);
            if !text.is_empty() && !crate::text::stands_for_nothing(text) && !present {
                let fits = fits(text, shape.fits);
                let at = (row.line(), row.column_at(*i));
                // The watched fields blank where this column holds a value,
                // as `rows::shapes` keeps them: a leave date beside a blank
                // `authorized_to` in one row (docs/inputs-and-reports.md,
                // "one row is enough for a date named as an end").
                blank.iter().for_each(|f| shape.gap(*f, at));
                shape.unbool_cell(fits, text, at);
                shape.value(fits, at);
            }
        }
    }
}

/// Whether the field's value map gives a blank cell a value (`"": true`,
/// docs/mapping.md): then no cell of its column is blank.
fn reads_blank(p: &super::plan::FieldPlan) -> bool {
    (p.values.as_ref()).is_some_and(|v| v.keys().any(|k| crate::text::trim_cell(k).is_empty()))
}

/// The bits of `wanted` whose type `text` reads as, the way a mapping
/// reads it without a value map or `format:` (dates in the five year-first
/// forms, `2026/3/18` among them). An unmapped file's columns are judged
/// so too (`rows::shapes`): Excel on a Chinese system saves dates in a CSV
/// file as `2024/6/30`.
pub(crate) fn fits(text: &str, wanted: u8) -> u8 {
    let mut fits = 0;
    for (bit, ty) in &rows::SHAPES {
        let reads = match ty {
            FieldType::Bool => {
                crate::data::convert::parse_bool(text).is_some()
                    || crate::data::convert::yes_no_mark(text)
            }
            FieldType::Date => values::date(text, &values::DEFAULT_FORMATS).is_some(),
            _ => values::datetime(text, &values::DEFAULT_FORMATS).is_some(),
        };
        if wanted & bit != 0 && reads {
            fits |= bit;
        }
    }
    fits
}
