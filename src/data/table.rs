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

/// The origins of a table's rows in about 4 bytes a row instead of 16:
/// rows come from their files in runs (a file's rows are appended
/// together), so the file is kept once per run; so is the line, in runs of
/// rows one line apart (a CSV or JSONL file's rows, but where a quoted cell
/// spans lines or a row was left out); offsets fit in 32 bits because no
/// input file may exceed `limits::MAX_FILE_BYTES` (1 GiB). At ten million
/// events this is 120 MB less. A document whose records each span several
/// lines costs a run a row: 8 bytes, for files read whole and small.
#[derive(Debug, Default)]
pub struct Origins {
    offsets: Vec<u32>,
    /// `(first row, its line)` of each run of rows one line apart, by
    /// first row.
    lines: Vec<(u32, u32)>,
    /// `(first row, file)` of each run of rows from one file, by first row.
    files: Vec<(u32, u32)>,
}

/// The run of `runs` (each starting at a row, by first row) that `row` is in.
fn run_of(runs: &[(u32, u32)], row: u32) -> (u32, u32) {
    let run = runs.partition_point(|(first, _)| *first <= row);
    // Row 0 starts the first run, so a row always has one before it.
    runs[run.saturating_sub(1)]
}

impl Origins {
    pub fn len(&self) -> usize {
        self.offsets.len()
    }
    pub fn is_empty(&self) -> bool {
        self.offsets.is_empty()
    }
    pub fn get(&self, row: u32) -> RowOrigin {
        let (first, line) = run_of(&self.lines, row);
        RowOrigin {
            file: run_of(&self.files, row).1,
            line: line + (row - first),
            offset: u64::from(self.offsets[row as usize]),
        }
    }
    /// The files rows came from, in row order (a file may repeat).
    pub fn files(&self) -> impl Iterator<Item = u32> + '_ {
        self.files.iter().map(|(_, f)| *f)
    }
    pub fn push(&mut self, o: RowOrigin) {
        let row = self.offsets.len() as u32;
        let new_file = !matches!(self.files.last(), Some((_, file)) if *file == o.file);
        if new_file {
            self.files.push((row, o.file));
        }
        if new_file || !Self::continues(self.lines.last(), row, o.line) {
            self.lines.push((row, o.line));
        }
        // Saturates rather than wraps should a larger file ever get through.
        self.offsets
            .push(u32::try_from(o.offset).unwrap_or(u32::MAX));
    }
    /// Whether `row` on `line` is the next of the run `last`.
    fn continues(last: Option<&(u32, u32)>, row: u32, line: u32) -> bool {
        last.is_some_and(|&(first, first_line)| first_line.checked_add(row - first) == Some(line))
    }
    pub fn append(&mut self, other: Origins) {
        let base = self.offsets.len() as u32;
        let mut file_runs = other.files.iter().peekable();
        for (first, line) in other.lines {
            let row = base + first;
            // A run of lines never spans two files: each file starts one.
            let new_file = match file_runs.next_if(|(f, _)| *f == first) {
                Some(&(_, file)) => {
                    let new = !matches!(self.files.last(), Some((_, f)) if *f == file);
                    if new {
                        self.files.push((row, file));
                    }
                    new
                }
                None => false,
            };
            if new_file || !Self::continues(self.lines.last(), row, line) {
                self.lines.push((row, line));
            }
        }
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
    /// The `id` field when some field's values are not kept
    /// (`Column::Unread`), else `None`: the collection's `id_field`, kept
    /// here so that a loaded row does not look it up by name.
    pub fn id_when_leaving_out(&self) -> Option<FieldId> {
        self.id
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
        // Lines: 2-3, then each file anew, and 5-6 after the jump in file 1.
        assert_eq!(whole.lines.len(), 5);
    }

    proptest::proptest! {
        /// Whatever the files, lines and cuts into appended pieces, every
        /// row reads back as it went in, and rows one line apart in one
        /// file share a run.
        #[test]
        fn origins_read_back_what_went_in(
            steps in proptest::collection::vec((0u32..3, 0u32..3, proptest::bool::ANY), 0..200),
        ) {
            let (mut rows, mut line) = (Vec::new(), 1u32);
            for (file, gap, _) in &steps {
                // Mostly the next line; sometimes the same or a jump.
                line += [1, 0, 7][*gap as usize];
                rows.push(at(*file, line));
            }
            let mut whole = Origins::default();
            let mut piece = Origins::default();
            for (o, (_, _, cut)) in rows.iter().zip(&steps) {
                piece.push(*o);
                if *cut {
                    whole.append(std::mem::take(&mut piece));
                }
            }
            whole.append(piece);
            proptest::prop_assert_eq!(whole.len(), rows.len());
            for (row, o) in rows.iter().enumerate() {
                proptest::prop_assert_eq!(whole.get(row as u32), *o, "row {}", row);
            }
            let breaks = rows
                .windows(2)
                .filter(|w| w[0].file != w[1].file || w[0].line + 1 != w[1].line)
                .count();
            proptest::prop_assert_eq!(whole.lines.len(), rows.len().min(1) + breaks);
        }
    }
}
