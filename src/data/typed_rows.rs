//! A CSV row whose every column is a declared field, converted straight
//! into its table's columns: a plan per header position worked out once
//! per file, the row's cells typed first (nothing stored), then written
//! to the columns (`Sym`s, seconds, dates) with no `Value` per cell. A
//! JSONL line whose every key names a declared field that is not a list
//! (or is the `kind` of an event) is converted the same way, by a plan
//! per set of keys in their order, worked out once per piece
//! (`JsonlPlans`).
//!
//! `rows::convert_row` does the same for every row, through a row of
//! `Value`s and a dispatch per cell on the cell, the field's marks and its
//! type; on a large log that plumbing cost more than the conversion. A row
//! this path cannot load exactly as `convert_row` would (a cell in error,
//! a required field missing, an unnamed row whose unread fields are kept)
//! is left to `convert_row`, and nothing of it is stored before that is
//! known: the interner, the free-text samples and the tables see the same
//! calls in the same order either way.

use serde_json::Value as Json;

use crate::check::schema::{CollKind, Collection, FieldType};
use crate::text::{cell_stands_for_nothing, trim_cell};
use crate::value::{CollId, FieldId, Sym};

use super::convert::{excel_error, scalar, Scalar};
use super::csv_records::Fields;
use super::read::{Cells, JsonCell, RawRef, RowView};
use super::rows::{self, FileCtx, Sink};
use super::{Column, RowOrigin};

/// Header positions a plan takes at most: a row's typed cells are kept in
/// an array this long (no allocation per row).
const MAX_POSITIONS: usize = 32;

/// How a CSV file's rows of one collection are converted: per header
/// position, its field, the field's marks (`rows::FileCtx::marks`) and its
/// type.
pub struct CsvPlan<'a> {
    ops: Vec<Op<'a>>,
    /// One bit per field that must hold a value: neither optional nor
    /// with a default.
    required: u64,
    /// The position of the `id` field, when the table leaves fields out
    /// (`TableData::id_when_leaving_out`): a row is named by it.
    id: Option<usize>,
}

#[derive(Clone, Copy)]
struct Op<'a> {
    field: FieldId,
    marks: u8,
    ty: &'a FieldType,
}

/// A cell typed, not yet stored.
#[derive(Clone, Copy)]
enum Cell<'t, 's> {
    /// Empty: the field takes its default, or is absent.
    Absent,
    /// A word standing for nothing where an optional text belongs.
    Placeholder,
    /// Text of an unread field: checked, not stored.
    Discarded,
    /// The trimmed text of a text, id or ref field.
    Text(&'t str),
    Typed(Scalar<'s>),
}

impl<'a> CsvPlan<'a> {
    /// The plan of `coll`'s rows under a header whose positions name
    /// `fields`; `None` where a row may need what only `convert_row` does
    /// (an undeclared column, a field named twice, a list, a table that
    /// keeps unread values without an id column to tell named rows).
    pub fn new(ctx: &FileCtx<'a>, coll: CollId, fields: &[Option<FieldId>]) -> Option<Self> {
        let c: &'a Collection = ctx.schema.collection(coll);
        if fields.len() > MAX_POSITIONS || c.fields.len() > 64 {
            return None;
        }
        let marks = ctx.marks_of(coll);
        let mut ops = Vec::with_capacity(fields.len());
        let mut named = 0u64;
        for f in fields {
            let field = (*f)?;
            let ty = &c.field(field).ty;
            let bit = 1u64 << field.0;
            if named & bit != 0 || matches!(ty, FieldType::List(_)) {
                return None;
            }
            named |= bit;
            let m = marks.get(field.0 as usize).copied()?;
            ops.push(Op {
                field,
                marks: m,
                ty,
            });
        }
        let required = c
            .fields
            .iter()
            .enumerate()
            .filter(|(_, f)| !f.optional && f.default.is_none())
            .fold(0u64, |bits, (i, _)| bits | (1 << i));
        let leaves_out = marks.iter().any(|m| m & rows::UNREAD != 0);
        let id = match leaves_out {
            true => Some(id_position(c, &ops)?),
            false => None,
        };
        Some(CsvPlan { ops, required, id })
    }

    /// The header positions planned.
    pub fn len(&self) -> usize {
        self.ops.len()
    }
}

/// Where the `id` field of a table that leaves fields out is read, when it
/// is itself read.
fn id_position(c: &Collection, ops: &[Op]) -> Option<usize> {
    let id = c.id_field()?;
    ops.iter()
        .position(|op| op.field == id && op.marks & rows::UNREAD == 0)
}

/// Converts one row by `plan` into `sink`: true when loaded, false when
/// nothing was stored and `convert_row` is to convert it.
pub fn convert(
    ctx: &FileCtx,
    sink: &mut Sink,
    (coll, plan): (CollId, &CsvPlan),
    (line, offset): (u32, u64),
    fields: &Fields,
) -> bool {
    let at = |i: usize| Some(In::Text(fields.get(i).unwrap_or_default()));
    convert_cells(ctx, sink, (coll, plan), (line, offset), at)
}

/// A cell as the typed path reads it: text (a CSV cell, a JSON string) or
/// a JSON `null`.
#[derive(Clone, Copy)]
enum In<'t> {
    Text(&'t str),
    Null,
}

/// [`convert`] of a row whose cell of the plan's position `i` is `at(i)`
/// (`None`: a cell this path does not read, left to `convert_row`).
/// Inlined into both callers, as `store` and the small functions they
/// call: with a copy per format the compiler inlined less into each, and
/// the CSV rows paid more than the JSONL ones gained.
#[inline(always)]
fn convert_cells<'t>(
    ctx: &FileCtx,
    sink: &mut Sink,
    (coll, plan): (CollId, &CsvPlan),
    (line, offset): (u32, u64),
    at: impl Fn(usize) -> Option<In<'t>>,
) -> bool {
    let mut cells = [Cell::Absent; MAX_POSITIONS];
    let Some(counts) = typed(ctx, plan, at, &mut cells) else {
        return false;
    };
    store(ctx, sink, (coll, plan, line), &cells[..plan.ops.len()]);
    sink.naive.add(line, counts.naive);
    sink.naive
        .add_foreign(line, counts.foreign.0, counts.foreign.1);
    let origin = RowOrigin {
        file: ctx.file,
        line,
        offset,
    };
    sink.tables[coll.0 as usize].origins.push(origin);
    true
}

/// Most sets of keys a piece keeps a plan for; a line with another set is
/// left to `convert_row`.
const MAX_JSONL_PLANS: usize = 16;

/// The plans of one piece's JSONL lines, one per collection and set of
/// keys in their order (a log writes every line with the same keys).
#[derive(Default)]
pub struct JsonlPlans<'a> {
    plans: Vec<JsonlPlan<'a>>,
}

struct JsonlPlan<'a> {
    coll: CollId,
    /// The line's keys as written.
    keys: Vec<String>,
    /// Per position of the plan, the key's position in the line (the
    /// `kind` of an event is no field, and is skipped).
    positions: Vec<usize>,
    /// `None` where a key names no field, names a list, or a line may
    /// need what only `convert_row` does.
    plan: Option<CsvPlan<'a>>,
}

impl<'a> JsonlPlans<'a> {
    /// The plan of lines of `coll` with `cells`' keys, made when first
    /// met; `None` beyond `MAX_JSONL_PLANS` sets of keys.
    fn of(
        &mut self,
        ctx: &FileCtx<'a>,
        sink: &mut Sink,
        coll: CollId,
        cells: &[(std::borrow::Cow<str>, JsonCell)],
    ) -> Option<&JsonlPlan<'a>> {
        let same = |p: &JsonlPlan| {
            p.coll == coll
                && p.keys.len() == cells.len()
                && p.keys.iter().zip(cells).all(|(a, (b, _))| a == b)
        };
        if let Some(i) = self.plans.iter().position(same) {
            return self.plans.get(i);
        }
        if self.plans.len() >= MAX_JSONL_PLANS {
            return None;
        }
        let c = ctx.schema.collection(coll);
        let names = &ctx.fields[coll.0 as usize];
        let (mut fields, mut positions) = (Vec::new(), Vec::new());
        for (i, (key, _)) in cells.iter().enumerate() {
            let known = names.get(key.trim()).copied();
            // As `convert_row` skips it.
            if known.is_none() && key == "kind" && c.kind == CollKind::Event {
                continue;
            }
            fields.push(known);
            positions.push(i);
        }
        // A line without a header names its fields itself
        // (`NearFound::seen`): every line with these keys marks the same
        // fields, which `convert_row` marks for each.
        let seen = (sink.near.found.seen)
            .entry(coll.0)
            .or_insert_with(|| vec![false; c.fields.len()]);
        for f in fields.iter().flatten() {
            seen[f.0 as usize] = true;
        }
        self.plans.push(JsonlPlan {
            coll,
            keys: cells.iter().map(|(k, _)| k.to_string()).collect(),
            positions,
            plan: CsvPlan::new(ctx, coll, &fields),
        });
        self.plans.last()
    }
}

/// Converts a JSONL line by its plan into `sink`: true when loaded, false
/// when nothing was stored and `convert_row` is to convert it (another
/// format, a key that is no field, a list, a value other than a string or
/// `null`, or anything `convert` leaves to it).
pub fn convert_jsonl<'a>(
    ctx: &FileCtx<'a>,
    sink: &mut Sink,
    plans: &mut JsonlPlans<'a>,
    coll: CollId,
    row: &RowView,
) -> bool {
    let Cells::Jsonl { cells, .. } = &row.cells else {
        return false;
    };
    let Some(JsonlPlan {
        positions,
        plan: Some(plan),
        ..
    }) = plans.of(ctx, sink, coll, cells)
    else {
        return false;
    };
    let at = |i: usize| match &cells.get(*positions.get(i)?)?.1 {
        JsonCell::Str(s) => Some(In::Text(s)),
        JsonCell::Other(Json::Null) => Some(In::Null),
        JsonCell::Other(_) => None,
    };
    convert_cells(ctx, sink, (coll, plan), (row.line, row.offset), at)
}

/// What a row's datetimes were written with (as `convert_row` counts
/// them): without an offset, and with another zone's (count, last).
struct Counts {
    naive: u64,
    foreign: (u64, i32),
}

/// The row's cells typed into `cells`, with nothing stored; `None` when
/// `convert_row` must convert the row: a cell in error, a required field
/// without a value, a row without an id in a table that leaves fields out.
#[inline(always)]
fn typed<'t, 's>(
    ctx: &FileCtx,
    plan: &CsvPlan<'s>,
    at: impl Fn(usize) -> Option<In<'t>>,
    cells: &mut [Cell<'t, 's>],
) -> Option<Counts> {
    let mut present = 0u64;
    let mut counts = Counts {
        naive: 0,
        foreign: (0, 0),
    };
    for (i, (op, cell)) in plan.ops.iter().zip(cells.iter_mut()).enumerate() {
        // A JSON `null` is absent, whatever the field (`Converter::json`).
        let In::Text(s) = at(i)? else {
            *cell = Cell::Absent;
            continue;
        };
        *cell = typed_cell(ctx, op, s)?;
        if let Cell::Typed(_) = cell {
            if op.marks & rows::DATETIME != 0 {
                count_offsets(ctx, s, &mut counts);
            }
        }
        if let Cell::Text(_) | Cell::Discarded | Cell::Typed(_) = cell {
            present |= 1 << op.field.0;
        }
    }
    let named = plan.id.map_or(true, |p| matches!(cells[p], Cell::Text(_)));
    (plan.required & !present == 0 && named).then_some(counts)
}

/// One cell typed as `convert_row` types it; `None` for a cell in error.
#[inline(always)]
fn typed_cell<'t, 's>(ctx: &FileCtx, op: &Op<'s>, s: &'t str) -> Option<Cell<'t, 's>> {
    let m = op.marks;
    if m & rows::PLACEHOLDER != 0 && cell_stands_for_nothing(s) {
        return Some(Cell::Placeholder);
    }
    let t = trim_cell(s);
    if m & rows::PLAIN_TEXT == 0 {
        return match scalar(t, op.ty, ctx.tz).ok()? {
            Some(v) => Some(Cell::Typed(v)),
            None => Some(Cell::Absent),
        };
    }
    // What `Converter::plain_text` checks.
    Some(
        match (t.is_empty(), excel_error(t), m & rows::UNREAD != 0) {
            (true, ..) => Cell::Absent,
            (false, Some(_), _) => return None,
            (false, None, true) => Cell::Discarded,
            (false, None, false) => Cell::Text(t),
        },
    )
}

/// Counts a datetime written without an offset, or with one the case's
/// zone never has.
#[inline(always)]
fn count_offsets(ctx: &FileCtx, s: &str, counts: &mut Counts) {
    if ctx.count_naive && rows::is_naive_datetime(RawRef::Text(s)) {
        counts.naive += 1;
    }
    if let Some(o) = rows::written_offset(RawRef::Text(s)) {
        if o != 0 && !ctx.zone_offsets.contains(&o) {
            counts.foreign = (counts.foreign.0 + 1, o);
        }
    }
}

/// Stores a row's typed cells: texts interned (or stored unhashed) in
/// header order, then the defaults of the fields left without a value in
/// field order, as `convert_row` does; every column gets one value.
#[inline(always)]
fn store(
    ctx: &FileCtx,
    sink: &mut Sink,
    (coll, plan, line): (CollId, &CsvPlan, u32),
    cells: &[Cell],
) {
    let c = ctx.schema.collection(coll);
    let columns = &mut sink.tables[coll.0 as usize].columns;
    let mut filled = 0u64;
    for (op, cell) in plan.ops.iter().zip(cells) {
        let column = &mut columns[op.field.0 as usize];
        match *cell {
            Cell::Text(t) => {
                let sym = text_symbol(sink.interner, sink.free_text.as_deref_mut(), (coll, op), t);
                put_sym(column, sym);
            }
            Cell::Typed(Scalar::Enum(a)) => put_sym(column, sink.interner.intern(a)),
            Cell::Typed(v) => put(column, v),
            Cell::Placeholder => {
                sink.near.found.placeholder((coll.0, op.field.0), 1, line);
                continue;
            }
            Cell::Absent => continue,
            Cell::Discarded => {}
        }
        filled |= 1 << op.field.0;
    }
    for (i, f) in c.fields.iter().enumerate() {
        if filled & (1 << i) == 0 {
            let v = f
                .default
                .as_ref()
                .map(|d| rows::stored_default(sink.interner, d));
            columns[i].push(v.unwrap_or(crate::value::Value::Missing));
        }
    }
}

/// The symbol of a text cell, as `Converter::plain_text` stores it: an
/// id of `FileCtx::unhashed` unhashed, free text of a piece sampled and
/// then maybe unhashed (`rows::FreeText`), anything else interned.
#[inline(always)]
fn text_symbol(
    interner: &mut crate::value::Interner,
    free_text: Option<&mut rows::FreeText>,
    (coll, op): (CollId, &Op),
    t: &str,
) -> Sym {
    let free = free_text.filter(|_| op.marks & rows::FREE_TEXT != 0);
    let unhashed = op.marks & rows::UNHASHED_ID != 0
        || free.as_ref().is_some_and(|f| f.unhashed(coll, op.field));
    if unhashed {
        return interner.push_unhashed(t);
    }
    let strings = interner.len();
    let sym = interner.intern(t);
    if let Some(f) = free {
        f.count(coll, op.field, interner.len() > strings);
    }
    sym
}

/// Appends a symbol to a column of text (an unread one keeps nothing of a
/// named row).
#[inline(always)]
fn put_sym(column: &mut Column, sym: Sym) {
    match column {
        Column::Sym(c) => c.push(Some(sym)),
        Column::Unread(_) => {}
        // Columns are made for their field's type: text, ids, refs and
        // enums are `Sym`. Anything else is stored as absent, as
        // `Column::push` stores a value of another type.
        other => other.push(crate::value::Value::Missing),
    }
}

/// Appends a typed cell to its column, as `Column::push` appends its value.
#[inline(always)]
fn put(column: &mut Column, v: Scalar) {
    match (column, v) {
        (Column::Int(c), Scalar::Int(i)) => c.push(Some(i)),
        (Column::Dec(c), Scalar::Dec(d)) => c.push(Some(d)),
        (Column::Bool(c), Scalar::Bool(b)) => c.push(Some(b)),
        (Column::Date(c), Scalar::Date(d)) => c.push(Some(d)),
        (Column::DateTime(c), Scalar::DateTime(t)) => c.push(t),
        (Column::Duration(c), Scalar::Duration(d)) => c.push(Some(d)),
        (Column::Unread(_), _) => {}
        // See `put_sym`.
        (other, _) => other.push(crate::value::Value::Missing),
    }
}
