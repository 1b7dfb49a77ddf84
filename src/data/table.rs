//! Typed columnar storage for loaded rows: one vector per field, text
//! interned, dates and datetimes as integers. Every row keeps its origin.

use std::sync::Arc;

use jiff::civil::Date;

use crate::check::schema::FieldType;
use crate::value::{CollId, Duration, FieldId, Sym, Value};

/// The absent value of a `DateTime` column; no loaded datetime is this far
/// in the past (jiff timestamps stop at year -9999).
pub const NO_TIME: i64 = i64::MIN;

#[derive(Debug)]
pub enum Column {
    Bool(Vec<Option<bool>>),
    Int(Vec<Option<i64>>),
    Dec(Vec<Option<f64>>),
    Sym(Vec<Option<Sym>>),
    Date(Vec<Option<Date>>),
    /// Seconds since the epoch; `NO_TIME` when absent (8 bytes a row
    /// instead of 16 for `Option<i64>`, on the largest column of every log).
    DateTime(Vec<i64>),
    Duration(Vec<Option<Duration>>),
    List(Vec<Option<Arc<[Value]>>>),
    /// A field no rule or report of the run reads (`eval::reads`): its
    /// values are checked as they load, and kept only for the rows without
    /// an id, whose name in the report is a digest of all their values
    /// (`Ctx::object_key`): (row, value), by row.
    Unread(Vec<(u32, Value)>),
}

impl Column {
    pub fn for_type(ty: &FieldType) -> Column {
        match ty {
            FieldType::Bool => Column::Bool(vec![]),
            FieldType::Int => Column::Int(vec![]),
            FieldType::Decimal => Column::Dec(vec![]),
            FieldType::Text | FieldType::Id | FieldType::Enum(_) | FieldType::Ref(_) => {
                Column::Sym(vec![])
            }
            FieldType::Date => Column::Date(vec![]),
            FieldType::DateTime => Column::DateTime(vec![]),
            FieldType::Duration => Column::Duration(vec![]),
            FieldType::List(_) => Column::List(vec![]),
        }
    }

    /// Appends a value converted for this column's type; anything else
    /// (including `Missing`) is stored as absent.
    pub fn push(&mut self, v: Value) {
        match self {
            Column::Bool(c) => c.push(if let Value::Bool(b) = v {
                Some(b)
            } else {
                None
            }),
            Column::Int(c) => c.push(if let Value::Int(i) = v { Some(i) } else { None }),
            Column::Dec(c) => c.push(match v {
                Value::Dec(d) => Some(d),
                Value::Int(i) => Some(i as f64),
                _ => None,
            }),
            Column::Sym(c) => c.push(if let Value::Sym(s) = v { Some(s) } else { None }),
            Column::Date(c) => c.push(if let Value::Date(d) = v {
                Some(d)
            } else {
                None
            }),
            Column::DateTime(c) => c.push(match v {
                Value::DateTime(t) if t != NO_TIME => t,
                _ => NO_TIME,
            }),
            Column::Duration(c) => c.push(if let Value::Duration(d) = v {
                Some(d)
            } else {
                None
            }),
            Column::List(c) => c.push(if let Value::List(l) = v {
                Some(l)
            } else {
                None
            }),
            // Rows are numbered by the table (`TableData::push_row`).
            Column::Unread(_) => {}
        }
    }

    /// Appends another column of the same type whose symbols are numbered
    /// by another interner: `map[local] = global`.
    pub fn append(&mut self, other: Column, map: &[Sym]) {
        let remap = |s: Sym| map[s.index()];
        match (self, other) {
            (Column::Bool(a), Column::Bool(b)) => a.extend(b),
            (Column::Int(a), Column::Int(b)) => a.extend(b),
            (Column::Dec(a), Column::Dec(b)) => a.extend(b),
            (Column::Sym(a), Column::Sym(b)) => a.extend(b.into_iter().map(|s| s.map(remap))),
            (Column::Date(a), Column::Date(b)) => a.extend(b),
            (Column::DateTime(a), Column::DateTime(b)) => a.extend(b),
            (Column::Duration(a), Column::Duration(b)) => a.extend(b),
            (Column::List(a), Column::List(b)) => a.extend(
                b.into_iter()
                    .map(|l| l.map(|items| items.iter().map(|v| remap_value(v, map)).collect())),
            ),
            // `TableData::append` shifts the rows.
            (Column::Unread(_), Column::Unread(_)) => {}
            // Columns come from one schema, so their types always agree.
            _ => {}
        }
    }

    pub fn get(&self, row: u32) -> Value {
        let r = row as usize;
        let v = match self {
            Column::Bool(c) => c[r].map(Value::Bool),
            Column::Int(c) => c[r].map(Value::Int),
            Column::Dec(c) => c[r].map(Value::Dec),
            Column::Sym(c) => c[r].map(Value::Sym),
            Column::Date(c) => c[r].map(Value::Date),
            Column::DateTime(c) => Some(c[r]).filter(|t| *t != NO_TIME).map(Value::DateTime),
            Column::Duration(c) => c[r].map(Value::Duration),
            Column::List(c) => c[r].clone().map(Value::List),
            Column::Unread(kept) => kept
                .binary_search_by_key(&row, |(r, _)| *r)
                .ok()
                .map(|i| kept[i].1.clone()),
        };
        v.unwrap_or(Value::Missing)
    }
}

fn remap_value(v: &Value, map: &[Sym]) -> Value {
    match v {
        Value::Sym(s) => Value::Sym(map[s.index()]),
        Value::List(items) => Value::List(items.iter().map(|i| remap_value(i, map)).collect()),
        other => other.clone(),
    }
}

/// Where a row came from: the input file (index into `Dataset::files`), its
/// 1-based line, and the byte offset of that line (for showing it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct RowOrigin {
    pub file: u32,
    pub line: u32,
    pub offset: u64,
}

/// The origins of a table's rows in 8 bytes a row instead of 16: rows come
/// from their files in runs (a file's rows are appended together), so the
/// file is kept once per run; offsets fit in 32 bits because no input file
/// may exceed `limits::MAX_FILE_BYTES` (1 GiB). At ten million events this
/// is 80 MB less.
#[derive(Debug, Default)]
pub struct Origins {
    lines: Vec<u32>,
    offsets: Vec<u32>,
    /// `(first row, file)` of each run of rows from one file, by first row.
    files: Vec<(u32, u32)>,
}

impl Origins {
    pub fn len(&self) -> usize {
        self.lines.len()
    }
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }
    pub fn get(&self, row: u32) -> RowOrigin {
        let run = self.files.partition_point(|(first, _)| *first <= row);
        RowOrigin {
            // Row 0 starts the first run, so a row always has one before it.
            file: self.files[run.saturating_sub(1)].1,
            line: self.lines[row as usize],
            offset: u64::from(self.offsets[row as usize]),
        }
    }
    /// The files rows came from, in row order (a file may repeat).
    pub fn files(&self) -> impl Iterator<Item = u32> + '_ {
        self.files.iter().map(|(_, f)| *f)
    }
    pub fn push(&mut self, o: RowOrigin) {
        if !matches!(self.files.last(), Some((_, file)) if *file == o.file) {
            self.files.push((self.lines.len() as u32, o.file));
        }
        self.lines.push(o.line);
        // Saturates rather than wraps should a larger file ever get through.
        self.offsets
            .push(u32::try_from(o.offset).unwrap_or(u32::MAX));
    }
    pub fn append(&mut self, other: Origins) {
        let base = self.lines.len() as u32;
        for (first, file) in other.files {
            if !matches!(self.files.last(), Some((_, f)) if *f == file) {
                self.files.push((base + first, file));
            }
        }
        self.lines.extend(other.lines);
        self.offsets.extend(other.offsets);
    }
}

#[derive(Debug)]
pub struct TableData {
    pub coll: CollId,
    pub columns: Vec<Column>,
    pub origins: Origins,
    /// The `id` field, when some column is `Column::Unread`.
    id: Option<FieldId>,
}

impl TableData {
    pub fn new(coll: CollId, types: &[&FieldType]) -> Self {
        TableData {
            coll,
            columns: types.iter().map(|t| Column::for_type(t)).collect(),
            origins: Origins::default(),
            id: None,
        }
    }
    /// Leaves out the values of these fields (`Column::Unread`) but for
    /// rows whose `id` field is missing.
    pub fn without(mut self, unread: impl Iterator<Item = FieldId>, id: Option<FieldId>) -> Self {
        for f in unread {
            self.columns[f.0 as usize] = Column::Unread(Vec::new());
            self.id = id;
        }
        self
    }
    pub fn len(&self) -> u32 {
        self.origins.len() as u32
    }
    pub fn is_empty(&self) -> bool {
        self.origins.is_empty()
    }
    pub fn get(&self, row: u32, field: FieldId) -> Value {
        let column = &self.columns[field.0 as usize];
        // `eval::reads` missed a reader if a row with an id is read here:
        // a release build would read the field as missing.
        debug_assert!(
            !matches!(column, Column::Unread(_)) || !self.has_id(row),
            "Column::Unread::read_of_a_named_row"
        );
        column.get(row)
    }
    fn has_id(&self, row: u32) -> bool {
        self.id
            .is_some_and(|id| !matches!(self.columns[id.0 as usize].get(row), Value::Missing))
    }
    /// Whether some field's values are not kept (`Column::Unread`).
    pub fn leaves_out(&self) -> bool {
        self.id.is_some()
    }
    pub fn origin(&self, row: u32) -> RowOrigin {
        self.origins.get(row)
    }
    /// Appends the rows of another table of the same collection (see
    /// `Column::append`).
    pub fn append(&mut self, other: TableData, map: &[Sym]) {
        let base = self.len();
        for (col, o) in self.columns.iter_mut().zip(other.columns) {
            if let (Column::Unread(kept), Column::Unread(more)) = (&mut *col, &o) {
                kept.extend(more.iter().map(|(r, v)| (base + r, remap_value(v, map))));
            }
            col.append(o, map);
        }
        self.origins.append(other.origins);
    }

    pub fn push_row(&mut self, values: impl IntoIterator<Item = Value>, origin: RowOrigin) {
        let row = self.len();
        for (col, v) in self.columns.iter_mut().zip(values) {
            match col {
                Column::Unread(kept) if !matches!(v, Value::Missing) => kept.push((row, v)),
                col => col.push(v),
            }
        }
        self.origins.push(origin);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(file: u32, line: u32) -> RowOrigin {
        RowOrigin {
            file,
            line,
            offset: u64::from(line) * 10,
        }
    }

    /// Rows pushed and appended from several files, in runs that continue
    /// across appends, read back exactly as they went in.
    #[test]
    fn origins_keep_file_line_and_offset_of_every_row() {
        let rows = [
            at(0, 2),
            at(0, 3),
            at(1, 2),
            at(1, 5),
            at(1, 6),
            at(2, 2),
            at(0, 9),
        ];
        let mut whole = Origins::default();
        let mut piece = Origins::default();
        for (i, o) in rows.iter().enumerate() {
            // The first three rows directly, the rest in two appended pieces.
            match i {
                0..3 => whole.push(*o),
                3 => {
                    piece.push(*o);
                }
                4 => {
                    piece.push(*o);
                    whole.append(std::mem::take(&mut piece));
                }
                _ => piece.push(*o),
            }
        }
        whole.append(piece);
        assert_eq!(whole.len(), rows.len());
        for (row, o) in rows.iter().enumerate() {
            assert_eq!(whole.get(row as u32), *o, "row {row}");
        }
        // One run per change of file: 0, 1, 2, 0.
        assert_eq!(whole.files.len(), 4);
    }
}
