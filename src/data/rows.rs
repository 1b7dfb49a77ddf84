//! One raw row -> one typed row: field lookup, conversion, defaults,
//! required fields, input errors. Writes into a `Sink`, which is either the
//! dataset itself or the private part of one chunk being loaded in parallel.

use std::collections::BTreeSet;

use jiff::tz::TimeZone;

use crate::check::schema::{CollKind, Collection, FieldType, Schema};
use crate::value::{CollId, FieldId, Interner, Value};
use rustc_hash::FxHashMap;

/// The field-name maps of `FileCtx::fields`.
pub fn field_maps(schema: &Schema) -> Vec<FxHashMap<&str, FieldId>> {
    schema
        .collections
        .iter()
        .map(|c| {
            c.fields
                .iter()
                .enumerate()
                .map(|(i, f)| (f.name.as_str(), FieldId(i as u32)))
                .collect()
        })
        .collect()
}

use super::convert::Converter;
use super::read::{RawRef, RowView};
use super::{truncate, InputError, RowOrigin, TableData};

/// Where converted rows, their strings and their errors go.
pub struct Sink<'a> {
    pub interner: &'a mut Interner,
    /// Indexed by `CollId`.
    pub tables: &'a mut [TableData],
    pub errors: &'a mut Vec<InputError>,
    /// Columns found in the file that the schema does not declare.
    pub undeclared: &'a mut BTreeSet<String>,
    /// Ids of rows left out for input errors: a reference to one of them is
    /// already explained by that error, not a dangling reference.
    pub left_out: &'a mut BTreeSet<(CollId, String)>,
    /// Datetimes of loaded rows read without an offset (counted only when
    /// `FileCtx::count_naive` is set).
    pub naive: &'a mut NaiveDatetimes,
    /// Undeclared columns that look like a misspelt declared field.
    pub near: &'a mut NearMisses,
    /// Set in a piece loaded in parallel (`parallel::Part`): free text
    /// (`text` fields of `FileCtx::unhashed`) whose values are mostly
    /// distinct is stored there without deduplicating. `None`: every text
    /// is interned, as in the dataset itself.
    pub free_text: Option<&'a mut FreeText>,
    /// Some log row had a `kind` column or key ([`event_kind`]).
    pub kind_named: bool,
    /// The values of the row being converted, by field: kept from row to
    /// row so that a row costs no allocation of its own.
    pub values: Vec<Option<Value>>,
}

/// Per free-text field of one piece (a `text` field of `FileCtx::unhashed`):
/// whether its values repeat. The first `SAMPLE` values of the field are
/// interned in the piece; if at most two of them repeated an earlier one
/// (a field of 5,000 names repeats about six times in 256 values; random
/// IP addresses or numbered purposes practically never), the rest of the
/// piece's values of that field are stored unhashed
/// (`Interner::push_unhashed`): no hash, no probe, no growth of the piece's
/// table for text such as numbered purposes or IP addresses that is
/// practically never repeated, while a field of a few repeated values
/// (seven purposes) keeps one copy per piece. The choice depends only on
/// the piece's text, and text is compared by text wherever a symbol may
/// be unhashed, so the dataset's behaviour does not depend on it.
#[derive(Debug, Default)]
pub struct FreeText {
    /// (collection, field, values sampled, of which new to the piece).
    fields: Vec<(CollId, FieldId, u32, u32)>,
}

impl FreeText {
    const SAMPLE: u32 = 256;

    /// Whether the field's values are to be stored unhashed from now on.
    pub(super) fn unhashed(&self, coll: CollId, field: FieldId) -> bool {
        self.fields
            .iter()
            .find(|(c, f, ..)| (*c, *f) == (coll, field))
            .is_some_and(|&(_, _, sampled, new)| sampled >= Self::SAMPLE && new + 2 >= sampled)
    }

    /// Counts one sampled value of the field, `new` when it added a string.
    pub(super) fn count(&mut self, coll: CollId, field: FieldId, new: bool) {
        match self
            .fields
            .iter_mut()
            .find(|(c, f, ..)| (*c, *f) == (coll, field))
        {
            Some((_, _, sampled, added)) if *sampled < Self::SAMPLE => {
                *sampled += 1;
                *added += u32::from(new);
            }
            Some(_) => {}
            None => self.fields.push((coll, field, 1, u32::from(new))),
        }
    }
}

/// An undeclared column named like a declared field that the row lacks
/// (`Legal_Hold` for `legal_hold`): an input error, not a note, since the
/// field then silently takes its default in every row.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct NearMiss {
    /// Where first seen (for CSV, the header).
    pub line: u32,
    pub column: Option<u32>,
    /// The declared field it resembles.
    pub field: String,
}

/// An undeclared column named like a declared field whose own column the
/// row also has (`legal_hold` blank, `Legal_Hold` holding `yes`): the
/// values are in the column that is not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shadow {
    /// The declared field it resembles.
    pub field: String,
    /// The same field written twice: named as the field but for case,
    /// width, `_`, `-` and spaces, or by one of its usual names (`诉讼保全`
    /// for `legal_hold`), not merely a typo away.
    pub one_field: bool,
    /// The first row where this column held a value and the field's own
    /// column none: (line, column) of the cell.
    pub hidden: Option<(u32, Option<u32>)>,
    /// The field's own column held a value in some row that has this one.
    pub field_filled: bool,
    /// The first row where both columns held a value and the values
    /// differ, for a column of `one_field`: (line, column) of this
    /// column's cell.
    pub disagrees: Option<(u32, Option<u32>)>,
    /// The constant the field is mapped to, which `disagrees` is with.
    pub constant: Option<String>,
    /// The column custodia.yaml maps the field to, which `disagrees` is
    /// with (docs/mapping.md, Decision 2026-12-08).
    pub mapped: Option<String>,
}

impl Shadow {
    /// Where the column hides values, when that is an input error
    /// (docs/inputs-and-reports.md, near-miss columns): a column of
    /// `one_field` as soon as one row holds a value only there; one a typo
    /// away only when the field's column is blank in every such row, since
    /// `notes` beside an optional `note` may be another column.
    pub fn hides(&self) -> Option<(u32, Option<u32>)> {
        match self.one_field || !self.field_filled {
            true => self.hidden,
            false => None,
        }
    }

    fn merge(&mut self, other: Shadow) {
        self.field_filled |= other.field_filled;
        let first = |a: Option<(u32, Option<u32>)>, b: Option<(u32, Option<u32>)>| match (a, b) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        self.hidden = first(self.hidden, other.hidden);
        self.disagrees = first(self.disagrees, other.disagrees);
    }
}

/// What the near misses of a file (or piece of one) found, with the other
/// tallies of its rows that end in an error or a note (shapes, fields
/// named, placeholder list items).
#[derive(Debug, Default)]
pub struct NearFound {
    /// Undeclared column -> where it was first seen as a near miss.
    pub misses: std::collections::BTreeMap<String, NearMiss>,
    /// Undeclared column beside the field it resembles -> what it held.
    pub shadows: std::collections::BTreeMap<String, Shadow>,
    /// Undeclared column of a collection's rows -> what every value of it
    /// reads as, and the fields filled beside it.
    pub shapes: Shapes,
    /// Rows of a JSON, JSONL or YAML file (no header): per collection with
    /// a row, whether some row named each field (even empty). A field no
    /// row names is a column the file lacks, as for a CSV header.
    pub seen: std::collections::BTreeMap<u32, Vec<bool>>,
    /// (collection, list field) -> items of loaded rows dropped as standing
    /// for nothing (`text::stands_for_nothing`), and the first such row's
    /// line: a note per file and column says so.
    pub placeholders: std::collections::BTreeMap<(u32, u32), (u64, u32)>,
}

/// What every value of an undeclared column reads as (`SHAPE_BOOL`, ...),
/// its first cell holding one, and which fields of its rows' collection
/// held a value beside it. A file whose column of a bool, date or datetime
/// field a rule reads is absent, or blank in every row that has the other,
/// and that holds an undeclared column every value of which reads as that
/// type (`诉讼保全` of `是`/`否` beside no `legal_hold`), most likely holds the
/// field under another name: an input error, not a note
/// (docs/inputs-and-reports.md, "a field under another name").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shape {
    /// The bits of the types every value so far reads as.
    pub fits: u8,
    /// The first cell holding a value: (line, column). `None` while every
    /// cell seen was blank (a row with a blank cell still counts for
    /// `filled`).
    pub first: Option<(u32, Option<u32>)>,
    /// The fields (ids in the rows' collection) that held a value in some
    /// row having this column, or that a mapping reads from a column the
    /// author chose: not judged beside it.
    pub filled: Vec<u32>,
    /// Per watched field, the first cell of this column holding a value in
    /// a row where the field is blank: (field, (line, column)).
    pub gaps: Vec<(u32, (u32, Option<u32>))>,
    /// The line in custodia.yaml of the entry that leaves a mapped file's
    /// column unread; `None` for a file read without a mapping.
    pub entry: Option<u32>,
    /// What the column's header asks of a person's status (`在职状态`,
    /// `是否在职`, `离职`: `ends::status_asks`): its cells are looked at
    /// for a word saying the person is gone, whatever the other cells hold.
    pub status: Option<super::StatusAsks>,
    /// Per watched field, the first cell of a status column saying the
    /// person is gone (`离职`, `否`) in a row where the field is blank or
    /// holds a day standing for no end, and what it said:
    /// (field, (line, column), said).
    pub gone: Vec<(u32, (u32, Option<u32>), super::Gone)>,
    /// The column's header names an end (`离职日期`: `ends::says_an_end`):
    /// its dates are compared with the row's own end date, and a cell that
    /// reads as no date is kept ([`Shape::end_cell`]).
    pub end: bool,
    /// Per end field filled in the row (`authorized_to`), the first cell
    /// of this end column holding an earlier date ([`Earlier`]).
    pub earlier: Vec<Earlier>,
    /// Some cell of this end column read as a date.
    pub dated: bool,
    /// The first cell of this end column holding a value that reads as no
    /// date (nor a word standing for nothing, nor one saying the person is
    /// still there): (line, column) and the text.
    pub undated: Option<((u32, Option<u32>), String)>,
    /// The first cell holding a value that reads as no yes or no (`涉诉`,
    /// `身份证号、手机号`): (line, column) and the text. Beside a bool field
    /// the column's header names (`诉讼情况` for `legal_hold`:
    /// `worded::header_names_field`), the field written in words
    /// (hostile review h24a F13).
    pub unbool: Option<((u32, Option<u32>), String)>,
}

/// A date in a column named as an end (`离职日期` of `2026/4/30`) earlier
/// than the row's own end date (`authorized_to` of `2026-12-31`): the row
/// overstates how long the rights lasted (hostile review h23a F2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Earlier {
    /// The end field (in the rows' collection).
    pub field: u32,
    /// The cell of the end column: (line, column).
    pub at: (u32, Option<u32>),
    /// The date the end column holds.
    pub date: jiff::civil::Date,
    /// The date the field holds in that row.
    pub field_date: jiff::civil::Date,
}

/// Per collection of rows, per undeclared column (its header): its
/// [`Shape`].
pub type Shapes = std::collections::BTreeMap<u32, std::collections::BTreeMap<String, Shape>>;

/// Bits of [`Shape::fits`].
pub const SHAPE_BOOL: u8 = 1;
pub const SHAPE_DATE: u8 = 2;
pub const SHAPE_DATETIME: u8 = 4;
/// Every bit: what a column is known to fit before its first value.
pub const SHAPE_ANY: u8 = SHAPE_BOOL | SHAPE_DATE | SHAPE_DATETIME;
pub const SHAPES: [(u8, FieldType); 3] = [
    (SHAPE_BOOL, FieldType::Bool),
    (SHAPE_DATE, FieldType::Date),
    (SHAPE_DATETIME, FieldType::DateTime),
];

/// The bit of [`Shape::fits`] for a field's type, if it has one.
pub fn shape_bit(ty: &FieldType) -> Option<u8> {
    SHAPES.iter().find(|(_, t)| t == ty).map(|(bit, _)| *bit)
}

impl Shape {
    /// A column not yet seen holding anything.
    pub fn new(entry: Option<u32>) -> Shape {
        Shape {
            fits: SHAPE_ANY,
            first: None,
            filled: Vec::new(),
            gaps: Vec::new(),
            entry,
            status: None,
            gone: Vec::new(),
            end: false,
            earlier: Vec::new(),
            dated: false,
            undated: None,
            unbool: None,
        }
    }

    /// A column not yet seen holding anything, headed `header`.
    pub fn headed(header: &str, entry: Option<u32>) -> Shape {
        Shape {
            status: super::ends::status_asks(header),
            end: super::ends::says_an_end(header),
            ..Shape::new(entry)
        }
    }

    /// Counts a cell `text` of an end column (`离职日期`) at `at`, read as
    /// `date` (`None`: no date), in a row whose end fields hold `ends`
    /// (field, date): a date earlier than one of them is kept, the first
    /// by position per field; a value that reads as no date, the first.
    /// A blank cell, a word standing for nothing (`无`) and one saying the
    /// person is still there (`在职`: `ends::says_present`) say nothing.
    pub fn end_cell(
        &mut self,
        text: &str,
        date: Option<jiff::civil::Date>,
        ends: &[(u32, jiff::civil::Date)],
        at: (u32, Option<u32>),
    ) {
        let text = crate::text::trim_cell(text);
        if !self.end
            || text.is_empty()
            || crate::text::stands_for_nothing(text)
            || super::ends::says_present(text)
        {
            return;
        }
        let Some(date) = date else {
            if self.undated.as_ref().map_or(true, |(kept, _)| at < *kept) {
                self.undated = Some((at, text.to_string()));
            }
            return;
        };
        self.dated = true;
        for &(field, field_date) in ends {
            if date < field_date {
                self.earlier_at(Earlier {
                    field,
                    at,
                    date,
                    field_date,
                });
            }
        }
    }

    fn earlier_at(&mut self, e: Earlier) {
        match self.earlier.iter_mut().find(|k| k.field == e.field) {
            Some(kept) if kept.at <= e.at => {}
            Some(kept) => *kept = e,
            None => self.earlier.push(e),
        }
    }

    /// Counts a status cell `text` at `at`, in a row leaving the watched
    /// fields `blank` blank and holding in the end fields `no_end` a day
    /// standing for no end (`9999-12-31`: `ends::stands_for_no_end`):
    /// when it says the person is gone, the first such cell by line is
    /// kept per field.
    pub fn status_cell(
        &mut self,
        text: &str,
        blank: &[u32],
        no_end: &[(u32, jiff::civil::Date)],
        at: (u32, Option<u32>),
    ) {
        let Some(asks) = self.status else {
            return;
        };
        if !super::ends::status_says_gone(asks, text) {
            return;
        }
        let word = crate::text::trim_cell(text);
        // A word for gone (`离职`) is said of a status whatever the header
        // asks; only a yes or a no is said of the header's question.
        let asks = match super::ends::says_gone(word) {
            true => super::StatusAsks::Status,
            false => asks,
        };
        let held =
            (blank.iter().map(|f| (*f, None))).chain(no_end.iter().map(|(f, d)| (*f, Some(*d))));
        for (f, held) in held {
            let said = super::Gone {
                word: word.to_string(),
                asks,
                held,
            };
            self.gone_at(f, at, said);
        }
    }

    fn gone_at(&mut self, f: u32, at: (u32, Option<u32>), said: super::Gone) {
        match self.gone.iter_mut().find(|(g, _, _)| *g == f) {
            Some(kept) if kept.1 <= at => {}
            Some(kept) => *kept = (f, at, said),
            None => self.gone.push((f, at, said)),
        }
    }

    fn merge(&mut self, other: Shape) {
        self.fits &= other.fits;
        self.first = match (self.first, other.first) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        for f in other.filled {
            self.fill(f);
        }
        for (f, at) in other.gaps {
            self.gap(f, at);
        }
        for (f, at, said) in other.gone {
            self.gone_at(f, at, said);
        }
        for e in other.earlier {
            self.earlier_at(e);
        }
        self.dated |= other.dated;
        self.undated = match (self.undated.take(), other.undated) {
            (Some(a), Some(b)) => Some(if b.0 < a.0 { b } else { a }),
            (a, b) => a.or(b),
        };
        self.unbool = match (self.unbool.take(), other.unbool) {
            (Some(a), Some(b)) => Some(if b.0 < a.0 { b } else { a }),
            (a, b) => a.or(b),
        };
        self.end |= other.end;
        self.status = self.status.or(other.status);
        self.entry = self.entry.or(other.entry);
    }

    /// Counts the field `f` as holding a value beside this column.
    pub fn fill(&mut self, f: u32) {
        if !self.filled.contains(&f) {
            self.filled.push(f);
        }
    }

    /// Counts the field `f` as blank in a row where this column holds a
    /// value, at (line, column): the first such cell by line is kept.
    pub fn gap(&mut self, f: u32, at: (u32, Option<u32>)) {
        match self.gaps.iter_mut().find(|(g, _)| *g == f) {
            Some((_, kept)) => *kept = (*kept).min(at),
            None => self.gaps.push((f, at)),
        }
    }

    /// Keeps `text` at `at` as the first value reading as no yes or no
    /// ([`Shape::unbool`]) when `fits` lacks the bool bit.
    pub fn unbool_cell(&mut self, fits: u8, text: &str, at: (u32, Option<u32>)) {
        if fits & SHAPE_BOOL == 0 && self.unbool.as_ref().map_or(true, |(kept, _)| at < *kept) {
            self.unbool = Some((at, crate::text::trim_cell(text).to_string()));
        }
    }

    /// Folds in one cell holding a value: the bits of the types it reads as
    /// (`fits` is only ever narrowed), at (line, column).
    pub fn value(&mut self, fits: u8, at: (u32, Option<u32>)) {
        self.fits &= fits;
        self.first = Some(self.first.map_or(at, |f| f.min(at)));
    }
}

impl NearFound {
    /// Counts `n` placeholder items of a list field dropped in the row at
    /// `line`.
    pub fn placeholder(&mut self, key: (u32, u32), n: u64, line: u32) {
        let kept = self.placeholders.entry(key).or_insert((0, line));
        *kept = (kept.0 + n, kept.1.min(line));
    }

    /// Folds in another piece's findings: the first by line wins, so the
    /// result does not depend on how the file was cut.
    pub fn merge(&mut self, other: NearFound) {
        for (key, (n, line)) in other.placeholders {
            self.placeholder(key, n, line);
        }
        for (key, miss) in other.misses {
            match self.misses.get(&key) {
                Some(kept) if *kept <= miss => {}
                _ => {
                    self.misses.insert(key, miss);
                }
            }
        }
        for (key, shadow) in other.shadows {
            match self.shadows.get_mut(&key) {
                Some(kept) => kept.merge(shadow),
                None => {
                    self.shadows.insert(key, shadow);
                }
            }
        }
        for (coll, seen) in other.seen {
            match self.seen.get_mut(&coll) {
                Some(kept) => kept.iter_mut().zip(seen).for_each(|(k, s)| *k |= s),
                None => {
                    self.seen.insert(coll, seen);
                }
            }
        }
        for (coll, columns) in other.shapes {
            let kept = self.shapes.entry(coll).or_default();
            for (key, shape) in columns {
                match kept.get_mut(&key) {
                    Some(k) => k.merge(shape),
                    None => {
                        kept.insert(key, shape);
                    }
                }
            }
        }
    }
}

/// The near misses of one file (or piece of one), with the judgement of
/// each undeclared column per collection kept so rows do not repeat it.
#[derive(Debug, Default)]
pub struct NearMisses {
    /// (collection, column) -> the field it resembles, and how.
    judged: FxHashMap<(u32, String), Option<(FieldId, Likeness)>>,
    /// Per collection: its fields whose values an undeclared column could
    /// hold ([`watched_fields`]); none, and no column's values are judged.
    shapes_wanted: FxHashMap<u32, Vec<u32>>,
    pub found: NearFound,
}

impl NearMisses {
    /// Counts one row of the column `key` beside the declared `field` it
    /// resembles (`Shadow`); allocates only the first time.
    pub fn beside(&mut self, key: &str, field: &str, seen: Shadow) {
        match self.found.shadows.get_mut(key) {
            Some(kept) => kept.merge(seen),
            None => {
                let first = Shadow {
                    field: field.to_string(),
                    ..seen
                };
                self.found.shadows.insert(key.to_string(), first);
            }
        }
    }

    /// The declared field of `c` that `key` (undeclared) looks like.
    fn field_like(
        &mut self,
        coll: CollId,
        c: &Collection,
        key: &str,
    ) -> Option<(FieldId, Likeness)> {
        if let Some(judged) = self.judged.get(&(coll.0, key.to_string())) {
            return *judged;
        }
        let judged = match resembled(c, key) {
            Some((fid, true)) => Some((fid, Likeness::SameName)),
            Some((fid, false)) if super::terms::usual_name_of(c, key) == Some(fid) => {
                Some((fid, Likeness::UsualName))
            }
            judged => deduplicated(c, key).or(match judged {
                Some((fid, _)) => Some((fid, Likeness::Typo)),
                None => containing(c, key).map(|fid| (fid, Likeness::Contains)),
            }),
        };
        self.judged.insert((coll.0, key.to_string()), judged);
        judged
    }
}

/// A column named as an export tool names the second of two columns of
/// one name (`legal_hold.1`; [`deduplicated_base`]): the field written
/// twice, as `SameName` (or `UsualName`) is, when the field holds a fact a
/// rule judges by (a flag, a value of a list, a day, a number). Text, ids
/// and lists are left as they were judged: `phone_2` beside `phone` is
/// another phone (hostile review, 2026-12-07: `legal_hold.1` saying `是`
/// beside `legal_hold` saying `否` was ignored with a note, and passed).
fn deduplicated(c: &Collection, key: &str) -> Option<(FieldId, Likeness)> {
    let base = deduplicated_base(key)?;
    let (fid, likeness) = match resembled(c, base)? {
        (fid, true) => (fid, Likeness::SameName),
        (fid, false) if super::terms::usual_name_of(c, base) == Some(fid) => {
            (fid, Likeness::UsualName)
        }
        _ => return None,
    };
    judged_by(&c.field(fid).ty).then_some((fid, likeness))
}

/// A field holding a fact a rule judges by, whose renamed copy is its twin
/// ([`deduplicated`]): a flag, a value of a list, a day, a number; not
/// text, an id, a ref or a list.
pub(in crate::data) fn judged_by(ty: &FieldType) -> bool {
    !matches!(
        ty,
        FieldType::Text | FieldType::Id | FieldType::Ref(_) | FieldType::List(_)
    )
}

/// The name before the suffix an export tool adds to the second of two
/// columns of one name: pandas and R `name.1`, readr `name...7`, Power
/// Query `name_1`, Excel and WPS `name (2)` (also with full-width
/// brackets), Excel's tables and Spark `name2`, polars
/// `name_duplicated_0`, by hand `name 2` or `name-2`. At most three
/// digits: `name_2024` is a year.
pub(in crate::data) fn deduplicated_base(key: &str) -> Option<&str> {
    let key = key.trim();
    // polars: `name_duplicated_0`.
    if let Some((base, n)) = key.rsplit_once("_duplicated_") {
        if !base.is_empty() && (1..=3).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()) {
            return Some(base);
        }
    }
    let (inner, closed) = match key.strip_suffix(')').or_else(|| key.strip_suffix('）')) {
        Some(inner) => (inner, true),
        None => (key, false),
    };
    let digits = inner.len() - inner.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if !(1..=3).contains(&digits) {
        return None;
    }
    let before = &inner[..inner.len() - digits];
    let base = match closed {
        true => before
            .strip_suffix('(')
            .or_else(|| before.strip_suffix('（'))?,
        // Excel's tables and Spark: `name2`; by hand: `name 2`, `name-2`.
        false => ["...", ".", "_", "-", " "]
            .iter()
            .find_map(|s| before.strip_suffix(s))
            .unwrap_or(before),
    };
    let base = base.trim_end();
    (!base.is_empty()).then_some(base)
}

/// How an undeclared column's name resembles a declared field's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Likeness {
    /// But for case, width, `_`, `-` and spaces (`Legal_Hold`).
    SameName,
    /// One of the field's usual names (`诉讼保全` for `legal_hold`): beside
    /// the field's column, the same field written twice, as `SameName`.
    UsualName,
    /// A typo away (`legal_hlod`).
    Typo,
    /// Holding the field's whole name (`legal_hold_flag`,
    /// `legal_hold(Y/N)`): only a shadow of a field the row also has, never
    /// a near miss of one it lacks (`created_by` is not `created`).
    Contains,
}

/// A column or field name folded as the mapping folds headers (a header
/// typed in full-width letters, `ｌｅｇａｌ＿ｈｏｌｄ`, was ignored with a note,
/// its field defaulted), without `_`, `-` and spaces.
///
/// Invisible characters are dropped too (`legal_hold` + U+200B, a header
/// pasted from a web form or Word): such a column is the field written
/// twice, compared with it (hostile review, 2026-12-07: it disagreed with
/// `legal_hold` and was ignored with a note that printed as `legal_hold`).
fn squash(s: &str) -> String {
    crate::data::mapping::plan::fold(s)
        .chars()
        .filter(|ch| !matches!(ch, '_' | '-' | ' ') && !crate::text::is_invisible(*ch))
        .map(|ch| crate::text::latin_lookalike(ch).unwrap_or(ch))
        .collect()
}

/// The field (of four letters or more) whose name `key` holds whole, once
/// folded as in [`resembled`].
fn containing(c: &Collection, key: &str) -> Option<FieldId> {
    let key = squash(key.trim());
    c.fields
        .iter()
        .enumerate()
        .filter(|(_, f)| {
            let name = squash(&f.name);
            name.chars().count() >= 4 && key != name && key.contains(&name)
        })
        .max_by_key(|(_, f)| f.name.len())
        .map(|(i, _)| FieldId(i as u32))
}

/// The field `key` names but for case and `_`/`-`/space, or but for a typo
/// (one edit in a name of 4 to 7 characters, two from 8 on), or by one of
/// its usual names in records staff's words (`涉诉冻结` for `legal_hold`;
/// `terms::usual_name_of`). Stricter than `check::suggest::did_you_mean`,
/// whose hint costs nothing when wrong: this makes an input error, so a
/// column that merely shares a few letters with a short field (`1ee` and
/// `keep`) must stay a note.
pub(in crate::data) fn resembled_field(c: &Collection, key: &str) -> Option<FieldId> {
    resembled(c, key).map(|(f, _)| f)
}

/// [`resembled_field`], and whether `key` names it but for case, width,
/// `_`, `-` and spaces (a usual name is not the same name: the column may
/// still be another one, so it is judged as a typo is).
pub(in crate::data) fn resembled(c: &Collection, key: &str) -> Option<(FieldId, bool)> {
    let squashed = squash(key.trim());
    if squashed.is_empty() {
        return None;
    }
    c.fields
        .iter()
        .enumerate()
        .filter_map(|(i, f)| {
            let name = squash(&f.name);
            let limit = match name.chars().count() {
                0..=3 => 0,
                4..=7 => 1,
                _ => 2,
            };
            let distance = strsim::damerau_levenshtein(&squashed, &name);
            (distance <= limit).then_some((distance, i))
        })
        .min()
        .map(|(distance, i)| (FieldId(i as u32), distance == 0))
        .or_else(|| super::terms::usual_name_of(c, key).map(|f| (f, false)))
}

/// The datetimes of one file (or piece of one) written without an offset:
/// how many, and the first line holding one. With no time zone named they
/// were read in UTC, which the report notes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NaiveDatetimes {
    pub count: u64,
    pub first_line: Option<u32>,
    /// Datetimes written with an offset that is neither UTC's nor one the
    /// case's time zone has (`+08:00` read in a case left in UTC, or under
    /// `Etc/GMT+8`): their days are counted in another zone than the one
    /// they were written in, which the report notes (hostile review,
    /// 2026-12-04: an access at 00:30 Beijing time on the day after a
    /// reader's rights ended fell on the day before, and passed). Counted
    /// whether or not a zone was named; the first by line with its offset.
    pub foreign: u64,
    pub foreign_first: Option<(u32, i32)>,
}

impl NaiveDatetimes {
    pub(super) fn add(&mut self, line: u32, count: u64) {
        if count > 0 {
            self.count += count;
            self.first_line = Some(self.first_line.map_or(line, |l| l.min(line)));
        }
    }

    pub(super) fn add_foreign(&mut self, line: u32, count: u64, offset: i32) {
        if count > 0 {
            self.foreign += count;
            if !self.foreign_first.is_some_and(|(l, _)| l <= line) {
                self.foreign_first = Some((line, offset));
            }
        }
    }

    /// Folds in another piece of the same file; the result does not depend
    /// on how the file was cut or in which order the pieces arrive.
    pub fn merge(&mut self, other: NaiveDatetimes) {
        if let Some(line) = other.first_line {
            self.add(line, other.count);
        }
        if let Some((line, offset)) = other.foreign_first {
            self.add_foreign(line, other.foreign, offset);
        }
    }
}

/// The offsets (seconds) a time zone has had since 1970 and will have to
/// 2100, by its offset on 1 January and 1 July of each year: a datetime
/// written with one of them is taken to be in that zone.
pub fn zone_offsets(tz: &TimeZone) -> Vec<i32> {
    let mut offsets: Vec<i32> = (1970..=2100)
        .flat_map(|year| [(year, 1), (year, 7)])
        .filter_map(|(year, month)| {
            let day = jiff::civil::date(year, month, 1)
                .to_zoned(tz.clone())
                .ok()?;
            Some(day.offset().seconds())
        })
        .collect();
    offsets.sort_unstable();
    offsets.dedup();
    offsets
}

/// The offset a datetime cell was written with (`Z` 0, `+08:00`, `+0800`,
/// `+08`), in seconds; `None` for one written without.
pub(super) fn written_offset(raw: RawRef) -> Option<i32> {
    let text = match raw {
        RawRef::Text(s) | RawRef::JsonStr(s) => s,
        RawRef::Json(serde_json::Value::String(s)) => s.as_str(),
        RawRef::Json(_) => return None,
    };
    // The common forms first, by position (every event row passes here):
    // `…T10:04:24+08:00` and `…T10:04:24Z`.
    let b = text.as_bytes();
    if b.len() == 25 && b[22] == b':' && matches!(b[19], b'+' | b'-') {
        let d = |i: usize| b[i].is_ascii_digit().then(|| i32::from(b[i] - b'0'));
        let (h, m) = (d(20)? * 10 + d(21)?, d(23)? * 10 + d(24)?);
        let sign = if b[19] == b'-' { -1 } else { 1 };
        return Some(sign * (h * 3600 + m * 60));
    }
    if b.len() == 20 && b[19] == b'Z' {
        return Some(0);
    }
    // An annotation (`[Asia/Shanghai]`) is checked against its offset.
    let text = text.trim();
    let text = text.split('[').next().unwrap_or(text);
    let time = text.get(10..)?;
    if time.ends_with(['Z', 'z']) {
        return Some(0);
    }
    let at = time.rfind(['+', '-'])?;
    let sign = if time.as_bytes()[at] == b'-' { -1 } else { 1 };
    // `HH`, `HHMM` or `HH:MM`: its digits, read without allocating (a
    // datetime cell of every event row passes here).
    let mut digits = time[at + 1..].bytes().filter(|b| *b != b':');
    let mut two = || -> Option<i32> {
        let (a, b) = (digits.next()?, digits.next()?);
        (a.is_ascii_digit() && b.is_ascii_digit())
            .then(|| i32::from(a - b'0') * 10 + i32::from(b - b'0'))
    };
    let hours = two()?;
    let minutes = two().unwrap_or(0);
    Some(sign * (hours * 3600 + minutes * 60))
}

/// The `FileCtx::header_fields` of a CSV header.
pub fn header_fields(
    fields: &[FxHashMap<&str, FieldId>],
    headers: &[String],
) -> Vec<Vec<Option<FieldId>>> {
    fields
        .iter()
        .map(|names| {
            headers
                .iter()
                .map(|h| names.get(h.trim()).copied())
                .collect()
        })
        .collect()
}

/// What every row of one file shares.
pub struct FileCtx<'a> {
    pub schema: &'a Schema,
    /// Per collection, field name -> id with a fast hash (looked up per cell).
    pub fields: Vec<FxHashMap<&'a str, FieldId>>,
    /// For a CSV file, per collection, the field of each header position
    /// (looked up once per file instead of once per cell).
    pub header_fields: Vec<Vec<Option<FieldId>>>,
    pub tz: &'a TimeZone,
    pub file: u32,
    pub rel: &'a str,
    pub is_company: bool,
    /// Count datetimes without an offset (`CheckLoadOptions::naive_in_utc`).
    pub count_naive: bool,
    /// The offsets of `tz` (`zone_offsets`): a datetime written with
    /// another one, not UTC's, is counted as foreign.
    pub zone_offsets: Vec<i32>,
    /// Bytes of a CSV or JSONL file that are not UTF-8: their rows are left out.
    pub bad_bytes: super::encoding::BadBytes,
    /// `Dataset::unhashed`: ids among them are stored without hashing as
    /// soon as they are read (an id names one row, so there is nothing to
    /// share); free text is still stored once per piece.
    pub unhashed: &'a [(CollId, FieldId)],
    /// `CheckLoadOptions::unread`: their text is checked, not stored.
    pub unread: &'a [(CollId, FieldId)],
    /// Per collection and field, its plan: whether it is in `unread` and
    /// in `unhashed` (`UNREAD`, `UNHASHED`), and what follows from that and
    /// its type (`FREE_TEXT`, `UNHASHED_ID`, `PLACEHOLDER`, `DATETIME`).
    /// Worked out once per file, so that a cell, converted millions of
    /// times in a large log, asks one byte instead of the lists and the
    /// field's type.
    marks: Vec<Vec<u8>>,
    /// For a CSV file, per collection, how its rows are converted straight
    /// into the columns (`typed_rows`), where they can be.
    csv_plans: Vec<Option<super::typed_rows::CsvPlan<'a>>>,
}

/// In `FileCtx::unread`: the text is checked, not stored.
pub(super) const UNREAD: u8 = 1;
/// In `FileCtx::unhashed`.
const UNHASHED: u8 = 2;
/// A `text` field of `unhashed` not in `unread`: free text, sampled in a
/// piece loaded in parallel and maybe stored unhashed (`FreeText`).
pub(super) const FREE_TEXT: u8 = 4;
/// An `id` field of `unhashed`: stored unhashed from its first value.
pub(super) const UNHASHED_ID: u8 = 8;
/// A cell of it may be a placeholder read as missing
/// (`convert::takes_placeholder`).
pub(super) const PLACEHOLDER: u8 = 16;
/// A `datetime` field: its offsets are counted (naive, foreign).
pub(super) const DATETIME: u8 = 32;
/// A `text`, `id` or `ref` field: a text cell is read by
/// `Converter::plain_text`.
pub(super) const PLAIN_TEXT: u8 = 64;

impl FileCtx<'_> {
    /// The plans (`marks`) of the fields of `coll`, by field id.
    pub(super) fn marks_of(&self, coll: CollId) -> &[u8] {
        self.marks.get(coll.0 as usize).map_or(&[], Vec::as_slice)
    }
}

/// `FileCtx::marks`.
fn field_marks(
    schema: &Schema,
    unread: &[(CollId, FieldId)],
    unhashed: &[(CollId, FieldId)],
) -> Vec<Vec<u8>> {
    let mut marks: Vec<Vec<u8>> = schema
        .collections
        .iter()
        .map(|c| vec![0; c.fields.len()])
        .collect();
    for (list, mark) in [(unread, UNREAD), (unhashed, UNHASHED)] {
        for (c, f) in list {
            if let Some(m) = marks
                .get_mut(c.0 as usize)
                .and_then(|fields| fields.get_mut(f.0 as usize))
            {
                *m |= mark;
            }
        }
    }
    for (c, fields) in schema.collections.iter().zip(&mut marks) {
        for (f, m) in c.fields.iter().zip(fields.iter_mut()) {
            *m |= type_marks(f, *m);
        }
    }
    marks
}

/// The marks of a field that follow from its type and its `UNREAD` and
/// `UNHASHED` marks (`listed`), as `convert_row` once asked them per cell.
fn type_marks(field: &crate::check::schema::Field, listed: u8) -> u8 {
    let unhashed = listed & UNHASHED != 0;
    let free_text = field.ty == FieldType::Text && unhashed && listed & UNREAD == 0;
    let unhashed_id = field.ty == FieldType::Id && unhashed;
    let placeholder = super::convert::takes_placeholder(field);
    let datetime = field.ty == FieldType::DateTime;
    let plain = matches!(
        field.ty,
        FieldType::Text | FieldType::Id | FieldType::Ref(_)
    );
    [
        (free_text, FREE_TEXT),
        (unhashed_id, UNHASHED_ID),
        (placeholder, PLACEHOLDER),
        (datetime, DATETIME),
        (plain, PLAIN_TEXT),
    ]
    .iter()
    .filter(|(holds, _)| *holds)
    .fold(0, |m, (_, bit)| m | bit)
}

impl<'a> FileCtx<'a> {
    /// The context of one input file (or sheet, or database source) with
    /// no header fields looked up yet and no bad bytes: what every reader
    /// starts from. An associated function, not a `Loader` method: the
    /// context borrows the file's label while the loader is borrowed
    /// mutably to read it.
    pub fn new(
        schema: &'a Schema,
        tz: &'a TimeZone,
        check: &super::CheckLoadOptions<'a>,
        file: u32,
        rel: &'a str,
        is_company: bool,
    ) -> Self {
        FileCtx {
            schema,
            fields: field_maps(schema),
            header_fields: Vec::new(),
            tz,
            file,
            rel,
            is_company,
            count_naive: check.naive_in_utc,
            zone_offsets: zone_offsets(tz),
            bad_bytes: Default::default(),
            unhashed: check.unhashed,
            unread: check.unread,
            marks: field_marks(schema, check.unread, check.unhashed),
            csv_plans: Vec::new(),
        }
    }

    /// Looks up the fields of a CSV header's positions (`header_fields`),
    /// once per file, and plans its rows' conversion (`csv_plans`).
    pub fn set_headers(&mut self, headers: &[String]) {
        self.header_fields = header_fields(&self.fields, headers);
        let plans = self
            .schema
            .ids()
            .zip(&self.header_fields)
            .map(|(coll, fields)| super::typed_rows::CsvPlan::new(self, coll, fields))
            .collect();
        self.csv_plans = plans;
    }
}

/// Whether a datetime cell as written names no offset (`Z`, `+08:00`,
/// `-05:00` after the date): it was then read in the case time zone.
pub(super) fn is_naive_datetime(raw: RawRef) -> bool {
    let text = match raw {
        RawRef::Text(s) | RawRef::JsonStr(s) => s,
        RawRef::Json(serde_json::Value::String(s)) => s.as_str(),
        RawRef::Json(_) => return false,
    };
    // The date's own dashes are in its first 10 bytes; a datetime read as
    // a mapping reads it (`2026/1/5 下午3:30`) is judged by its canonical
    // form.
    let naive = |t: &str| {
        t.get(10..)
            .is_some_and(|time| !time.contains(['Z', 'z', '+', '-']))
    };
    let t = text.trim();
    match t.get(10..) {
        Some(_) if t.as_bytes().get(4) == Some(&b'-') => naive(t),
        _ => super::mapping::values::datetime(t, &super::mapping::values::DEFAULT_FORMATS)
            .is_some_and(|c| naive(&c)),
    }
}

fn raw_text(raw: RawRef) -> Option<String> {
    match raw {
        RawRef::Text(s) | RawRef::JsonStr(s) => Some(s.to_string()),
        RawRef::Json(serde_json::Value::String(s)) => Some(s.clone()),
        RawRef::Json(serde_json::Value::Null) => None,
        RawRef::Json(j) => Some(j.to_string()),
    }
}

/// The event kind of a log row: its `kind` field, else the file stem.
pub fn event_kind(ctx: &FileCtx, sink: &mut Sink, row: &RowView, stem: &str) -> Option<CollId> {
    let kind = row.find("kind");
    sink.kind_named |= kind.is_some();
    // The kind named, borrowed from the row where it is text, else the
    // stem: this is per row, so nothing is allocated on the way.
    let named = kind
        .and_then(|(i, v)| Some((kind_text(v)?, i)))
        .filter(|(k, _)| !k.trim().is_empty());
    let name = named.as_ref().map_or(stem, |(k, _)| k.trim());
    if let Some(c) = event_kind_named(ctx.schema, name) {
        return Some(c);
    }
    // Its column only for the error: in a JSONL line it is searched for.
    let col = named.as_ref().and_then(|(_, i)| row.column(*i, "kind"));
    sink.errors.push(unknown_kind_error(ctx, row, name, col));
    None
}

/// The event collection called `name`, if there is one.
pub fn event_kind_named(schema: &Schema, name: &str) -> Option<CollId> {
    schema
        .lookup(name)
        .filter(|c| schema.collection(*c).kind == CollKind::Event)
}

/// A `kind` cell's text as `raw_text` gives it, borrowed where it can be.
fn kind_text(raw: RawRef) -> Option<std::borrow::Cow<str>> {
    use std::borrow::Cow;
    match raw {
        RawRef::Text(s) | RawRef::JsonStr(s) => Some(Cow::Borrowed(s)),
        RawRef::Json(serde_json::Value::String(s)) => Some(Cow::Borrowed(s.as_str())),
        raw => raw_text(raw).map(Cow::Owned),
    }
}

/// The rows of a file `rel` (its errors from `first` on) whose kind came
/// from the file's name, which names no event kind (a misplaced
/// `logs/2025/查阅登记.csv`): one error, at the first such row, saying how
/// many rows it stands for, not one per row (hostile review h23a M4: 251
/// errors buried every other one). A row naming an unknown kind in its
/// own `kind` cell keeps its error.
pub(in crate::data) fn one_unknown_kind(errors: &mut Vec<InputError>, first: usize, rel: &str) {
    let file = rel.split('!').next().unwrap_or(rel);
    let name = file.rsplit('/').next().unwrap_or(file);
    let stem = std::path::Path::new(name)
        .file_stem()
        .map_or(String::new(), |s| s.to_string_lossy().into_owned());
    let from_name = |e: &InputError| {
        e.field.as_deref() == Some("kind")
            && e.column.is_none()
            && e.value.as_deref() == Some(truncate(&stem).as_str())
    };
    let mut tail = errors.split_off(first.min(errors.len()));
    let count = tail.iter().filter(|e| from_name(e)).count();
    let kept = (tail.iter().filter(|e| from_name(e)))
        .min_by_key(|e| e.line)
        .cloned();
    if let (true, Some(mut kept)) = (count > 1, kept) {
        tail.retain(|e| !from_name(e));
        kept.message = crate::msg!(
            "data-unknown-event-kind-rows",
            message = kept.message.as_str(),
            count = count,
            kind = stem.as_str()
        )
        .words();
        errors.push(kept);
    }
    errors.append(&mut tail);
}

/// The input error of a row whose kind (`name`, at `col`) is no event
/// collection's. Cold, out of line: `event_kind` runs per log row.
#[cold]
#[inline(never)]
fn unknown_kind_error(ctx: &FileCtx, row: &RowView, name: &str, col: Option<u32>) -> InputError {
    let schema = ctx.schema;
    let kinds: Vec<&str> = schema
        .collections
        .iter()
        .filter(|c| c.kind == CollKind::Event)
        .map(|c| c.name.as_str())
        .collect();
    let hint = crate::check::suggest::did_you_mean(name, kinds.iter().copied())
        .map(|s| crate::msg!("data-did-you-mean", name = s).words())
        .unwrap_or_default();
    InputError {
        file: ctx.rel.into(),
        line: Some(row.line),
        column: col,
        field: Some("kind".into()),
        value: Some(truncate(name)),
        message: crate::msg!(
            "data-unknown-event-kind",
            kind = name,
            kinds = kinds
                .iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(&crate::t!(crate::i18n::message_lang(), "list-comma")),
            hint = hint
        )
        .words(),
    }
}

/// Converts one row into `coll`; returns whether it was loaded (a row with
/// an input error is left out).
pub fn convert_row(ctx: &FileCtx, sink: &mut Sink, coll: CollId, row: &RowView) -> bool {
    if let (super::read::Cells::Csv { headers, fields }, Some(Some(plan)), false) = (
        &row.cells,
        ctx.csv_plans.get(coll.0 as usize),
        may_be_marked_void(ctx, coll, row),
    ) {
        let at = (row.line, row.offset);
        if headers.len() == plan.len()
            && super::typed_rows::convert(ctx, sink, (coll, plan), at, fields)
        {
            return true;
        }
    }
    let c = ctx.schema.collection(coll);
    let names = &ctx.fields[coll.0 as usize];
    let by_position = match row.cells {
        super::read::Cells::Csv { .. } => ctx.header_fields.get(coll.0 as usize),
        _ => None,
    };
    let mut values = std::mem::take(&mut sink.values);
    values.clear();
    values.resize(c.fields.len(), None);
    let mut ok = true;
    let mut naive = 0u64;
    let mut foreign: (u64, i32) = (0, 0);
    let mut bad: Vec<usize> = Vec::new();
    let mut conv = Converter {
        interner: sink.interner,
        tz: ctx.tz,
        unhashed: false,
        discard: false,
        placeholders: 0,
    };
    // Per list field of the row: items dropped as standing for nothing.
    let mut dropped: Vec<(u32, u64)> = Vec::new();
    let errors = &mut *sink.errors;
    let undeclared = &mut *sink.undeclared;
    let mut free_text = sink.free_text.as_deref_mut();
    // Undeclared cells of this row, by position: near misses are judged
    // once the row's declared fields are known.
    let mut odd: Vec<(usize, &str, RawRef)> = Vec::new();
    // The first cell of a field read that carries a voiding mark.
    let mut marked: Option<(usize, &str, RawRef)> = None;
    // A row without a header names its fields itself (`NearFound::seen`).
    let mut seen = match row.cells {
        super::read::Cells::Csv { .. } => None,
        _ => Some(
            sink.near
                .found
                .seen
                .entry(coll.0)
                .or_insert_with(|| vec![false; c.fields.len()]),
        ),
    };
    let marks = ctx.marks_of(coll);
    row.each(|i, key, raw| {
        let known = match by_position {
            Some(fields) => fields.get(i).copied().flatten(),
            None => names.get(key.trim()).copied(),
        };
        if let (Some(fid), Some(seen)) = (known, seen.as_mut()) {
            seen[fid.0 as usize] = true;
        }
        let Some(fid) = known else {
            let is_kind = key == "kind" && c.kind == CollKind::Event;
            // A column without a name counts only where it holds a value
            // (a trailing comma holds none): then it is an input error.
            let blank_and_empty = key.trim().is_empty() && raw_is_empty(&raw);
            if !is_kind && !blank_and_empty && !undeclared.contains(key) {
                undeclared.insert(key.to_string());
            }
            if !is_kind {
                odd.push((i, key, raw));
            }
            return;
        };
        let field = c.field(fid);
        // The field's plan, worked out once per file (`FileCtx::marks`).
        let m = marks[fid.0 as usize];
        // A voiding mark in a text, id or ref cell of an event (h25a F07).
        if c.kind == CollKind::Event
            && m & PLAIN_TEXT != 0
            && marked.is_none()
            && raw_str(raw).is_some_and(super::voided::marks_void)
        {
            marked = Some((i, key, raw));
        }
        conv.discard = m & UNREAD != 0;
        // Free text of a piece: sampled, then maybe stored unhashed.
        let free = m & FREE_TEXT != 0 && free_text.is_some();
        conv.unhashed = m & UNHASHED_ID != 0
            || (free && free_text.as_ref().is_some_and(|f| f.unhashed(coll, fid)));
        // `无` where an optional text or ref belongs: missing, noted
        // (`convert::optional_placeholder`, its field part planned).
        if m & PLACEHOLDER != 0 && raw_str(raw).is_some_and(crate::text::cell_stands_for_nothing) {
            dropped.push((fid.0, 1));
            return;
        }
        let strings = conv.interner.len();
        let placeholders = conv.placeholders;
        let converted = match raw {
            // What `convert_ref` does for these, without its dispatch.
            RawRef::Text(s) | RawRef::JsonStr(s) if m & PLAIN_TEXT != 0 => conv.plain_text(s),
            _ => conv.convert_ref(raw, &field.ty),
        };
        match converted {
            Ok(v) => {
                if conv.placeholders > placeholders {
                    dropped.push((fid.0, conv.placeholders - placeholders));
                }
                if let (true, false, Some(f), Some(_)) =
                    (free, conv.unhashed, free_text.as_mut(), &v)
                {
                    f.count(coll, fid, conv.interner.len() > strings);
                }
                if m & DATETIME != 0 && v.is_some() {
                    if ctx.count_naive && is_naive_datetime(raw) {
                        naive += 1;
                    }
                    if let Some(o) = written_offset(raw) {
                        if o != 0 && !ctx.zone_offsets.contains(&o) {
                            foreign = (foreign.0 + 1, o);
                        }
                    }
                }
                values[fid.0 as usize] = v
            }
            Err(expected) => {
                ok = false;
                bad.push(fid.0 as usize);
                errors.push(cell_error(ctx, row, (i, key, raw), field, expected));
            }
        }
    });
    // An event row an undeclared column says was voided or did not go
    // through (`作废` = `是`, `发送状态` = `失败`): an input error at that
    // cell, and the row is left out (`voided`; h24a F9).
    // An undeclared column naming an action of another kind (`操作类型` =
    // `销毁` in an access log; h25a F15) likewise. A field's cell with a
    // voiding mark (`YJQC-001（作废）`; h25a F07) too.
    if c.kind == CollKind::Event {
        let said = (odd.iter()).find_map(|(i, key, raw)| {
            let said = super::voided::judge(key, &cell_text(raw), &c.name)?;
            Some((said, (*i, *key, *raw)))
        });
        if let Some((said, cell)) = said {
            ok = false;
            errors.push(void_error(ctx, row, cell, &c.name, Some(said)));
        } else if let Some(cell) = marked {
            ok = false;
            errors.push(void_error(ctx, row, cell, &c.name, None));
        }
    }
    if !odd.is_empty() {
        let watched = sink
            .near
            .shapes_wanted
            .entry(coll.0)
            .or_insert_with(|| watched_fields(c));
        if !watched.is_empty() {
            // The watched fields this row holds a value in (or a bad one).
            let filled: Vec<u32> = watched
                .iter()
                .copied()
                .filter(|f| values[*f as usize].is_some() || bad.contains(&(*f as usize)))
                .collect();
            let blank: Vec<u32> = watched
                .iter()
                .copied()
                .filter(|f| !filled.contains(f))
                .collect();
            let ends = end_dates(ctx, c, &filled, &values);
            let row_fields = RowFields {
                filled: &filled,
                blank: &blank,
                ends: &ends,
            };
            shapes(&mut conv, sink.near, coll, row, &odd, row_fields);
        }
        near_misses(ctx, sink.near, coll, row, &odd);
    }
    for (i, f) in c.fields.iter().enumerate() {
        if values[i].is_none() {
            values[i] = f.default.as_ref().map(|d| stored_default(conv.interner, d));
        }
        if values[i].is_none() && !f.optional && !bad.contains(&i) {
            ok = false;
            let mut column = None;
            row.each(|pos, k, _| {
                if column.is_none() && k.trim() == f.name && !ctx.is_company {
                    column = row.column(pos, k);
                }
            });
            errors.push(InputError {
                file: ctx.rel.into(),
                line: Some(row.line),
                column,
                field: Some(f.name.clone()),
                value: None,
                message: crate::msg!("data-required-field-missing").words(),
            });
        }
    }
    if !ok {
        if let Some(id) = c.id_field().map(|f| c.field(f).name.as_str()) {
            row.each(|_, key, raw| {
                if key.trim() == id {
                    if let Some(text) = raw_text(raw) {
                        sink.left_out.insert((coll, text.trim().to_string()));
                    }
                }
            });
        }
    }
    // The table's id field is there only when it leaves fields out.
    if let (true, Some(id)) = (ok, sink.tables[coll.0 as usize].id_when_leaving_out()) {
        keep_unread_of_unnamed(ctx, &mut conv, (coll, id), row, &mut values);
    }
    if ok {
        // Only rows that were loaded: a row left out was not read in UTC.
        sink.naive.add(row.line, naive);
        for (fid, n) in dropped {
            sink.near.found.placeholder((coll.0, fid), n, row.line);
        }
        sink.naive.add_foreign(row.line, foreign.0, foreign.1);
        let origin = RowOrigin {
            file: ctx.file,
            line: row.line,
            offset: row.offset,
        };
        sink.tables[coll.0 as usize].push_row(
            values.drain(..).map(|v| v.unwrap_or(Value::Missing)),
            origin,
        );
    }
    sink.values = values;
    ok
}

/// The input error of an event row an undeclared column says was voided
/// or did not go through, or of another kind (`said`, `voided::judge`),
/// or whose field's cell carries a voiding mark (`None`,
/// `voided::marks_void`).
#[cold]
#[inline(never)]
fn void_error(
    ctx: &FileCtx,
    row: &RowView,
    cell: (usize, &str, RawRef),
    kind: &str,
    said: Option<super::voided::Said>,
) -> InputError {
    let (i, key, raw) = cell;
    let value = cell_text(&raw);
    InputError {
        file: ctx.rel.into(),
        line: Some(row.line),
        column: row.column(i, key),
        // A field's cell: named, as a cell error is (a mapped file adds
        // the column it was read from).
        field: said.is_none().then(|| key.to_string()),
        value: None,
        message: match said {
            Some(said) => super::voided::message(said, key, &value, kind),
            None => super::voided::read_cell_message(&value, kind),
        },
    }
}

/// Whether a row of an event `coll` holds a cell that may carry a voiding
/// mark (`voided::marks_void`): then `convert_row` converts it, not the
/// typed path, which reads no such mark (h25a F07).
pub(super) fn may_be_marked_void(ctx: &FileCtx, coll: CollId, row: &RowView) -> bool {
    if ctx.schema.collection(coll).kind != CollKind::Event {
        return false;
    }
    let mut marked = false;
    row.each(|_, _, raw| {
        marked = marked || raw_str(raw).is_some_and(super::voided::marks_void);
    });
    marked
}

/// The input error of a cell whose value is not of its field's type
/// (`expected` says what was expected). Out of line and cold: the
/// closure `convert_row` runs per cell stays small.
#[cold]
#[inline(never)]
fn cell_error(
    ctx: &FileCtx,
    row: &RowView,
    (i, key, raw): (usize, &str, RawRef),
    field: &crate::check::schema::Field,
    expected: String,
) -> InputError {
    let (line, column) = if ctx.is_company {
        (row.column(i, key).or(Some(row.line)), None)
    } else {
        (Some(row.line), row.column(i, key))
    };
    let shown = raw_text(raw).map(|t| {
        if field.pii {
            crate::pii::mask(&t)
        } else {
            truncate(&t)
        }
    });
    InputError {
        file: ctx.rel.into(),
        line,
        column,
        field: Some(field.name.clone()),
        value: shown,
        message: expected,
    }
}

/// A field's default as its column stores it: a text or enum default is a
/// string in the schema, and a text column keeps symbols only
/// (`table::Column::push`), so an uninterned default was stored as absent:
/// `grade: one of "low", "high" = "high"` read as missing in every row that
/// left it out, while the note said the default was taken (hostile review,
/// 2026-12-05).
pub(super) fn stored_default(interner: &mut crate::value::Interner, default: &Value) -> Value {
    match default {
        Value::Str(s) => Value::Sym(interner.intern(s)),
        other => other.clone(),
    }
}

/// The values of a row's unread fields (`FileCtx::unread`): none when the
/// row has an id, else all of them, converted again for keeping, since
/// such a row is named by a digest of all its values (`Ctx::object_key`).
///
/// `id` is the collection's id field (`Collection::id_field`), which the
/// table keeps (`TableData::id_when_leaving_out`): not looked up per row.
fn keep_unread_of_unnamed(
    ctx: &FileCtx,
    conv: &mut Converter,
    (coll, id): (CollId, FieldId),
    row: &RowView,
    values: &mut [Option<Value>],
) {
    let c = ctx.schema.collection(coll);
    let unread = ctx
        .unread
        .iter()
        .filter(|(u, _)| *u == coll)
        .map(|(_, f)| *f);
    let named = !matches!(values[id.0 as usize], None | Some(Value::Missing));
    if named {
        unread.for_each(|f| values[f.0 as usize] = None);
        return;
    }
    let unread: Vec<FieldId> = unread.collect();
    let names = &ctx.fields[coll.0 as usize];
    let by_position = match row.cells {
        super::read::Cells::Csv { .. } => ctx.header_fields.get(coll.0 as usize),
        _ => None,
    };
    conv.discard = false;
    conv.unhashed = false;
    // The placeholders were counted when the cells were first converted.
    let placeholders = conv.placeholders;
    row.each(|i, key, raw| {
        let known = match by_position {
            Some(fields) => fields.get(i).copied().flatten(),
            None => names.get(key.trim()).copied(),
        };
        if let Some(f) = known.filter(|f| unread.contains(f)) {
            // The cell converted once already: only its text is new.
            if let Ok(Some(v)) = conv.convert_ref(raw, &c.field(f).ty) {
                values[f.0 as usize] = Some(v);
            }
        }
    });
    conv.placeholders = placeholders;
}

/// The fields of `c` whose values an undeclared column is judged for
/// holding ([`Shape`]): bool, date and datetime fields with a default, or
/// optional (a required one's absence is an error of its own).
pub fn watched_fields(c: &Collection) -> Vec<u32> {
    c.fields
        .iter()
        .enumerate()
        .filter(|(_, f)| (f.optional || f.default.is_some()) && shape_bit(&f.ty).is_some())
        .map(|(i, _)| i as u32)
        .collect()
}

/// The watched fields of a row that [`shapes`] judges its undeclared
/// cells beside.
struct RowFields<'r> {
    /// Holding a value (or a bad one).
    filled: &'r [u32],
    /// Blank.
    blank: &'r [u32],
    /// End dates of a table's row (`end_dates`): (field, day).
    ends: &'r [(u32, jiff::civil::Date)],
}

/// The end dates a table's row holds (`authorized_to`: a watched field
/// whose name says an end, `ends::field_names_an_end`), by day: a
/// datetime's in the case's zone. A date in a column named as an end that
/// is earlier is an input error (docs/inputs-and-reports.md, "an end
/// column earlier than the row's end"). None for a record's or an event's
/// row, as for a status column (`Loader::gone_beside_end`).
pub(super) fn end_dates(
    ctx: &FileCtx,
    c: &Collection,
    filled: &[u32],
    values: &[Option<Value>],
) -> Vec<(u32, jiff::civil::Date)> {
    if c.kind != CollKind::Table {
        return Vec::new();
    }
    (filled.iter().copied())
        .filter(|f| super::ends::field_names_an_end(&c.field(FieldId(*f)).name))
        .filter_map(|f| match values.get(f as usize)? {
            Some(Value::Date(d)) => Some((f, *d)),
            Some(Value::DateTime(s)) => {
                let at = jiff::Timestamp::from_second(*s).ok()?;
                Some((f, at.to_zoned(ctx.tz.clone()).date()))
            }
            _ => None,
        })
        .collect()
}

/// Folds the undeclared cells (`odd`) of a row of `coll` into the
/// [`Shape`] of their column: the types a value reads as, and the watched
/// fields the row holds a value in (`filled`), which counts even where the
/// cell is blank, and those it leaves blank where the cell is not. A column one of whose values reads as none of the types
/// is not looked at again.
fn shapes(
    conv: &mut Converter,
    near: &mut NearMisses,
    coll: CollId,
    row: &RowView,
    odd: &[(usize, &str, RawRef)],
    fields: RowFields,
) {
    let (filled, blank) = (fields.filled, fields.blank);
    for &(i, key, raw) in odd {
        if key.trim().is_empty() {
            continue;
        }
        let columns = near.found.shapes.entry(coll.0).or_default();
        // The key is allocated only the first time the column is seen.
        if !columns.contains_key(key) {
            columns.insert(key.to_string(), Shape::headed(key, None));
        }
        let Some(shape) = columns.get_mut(key) else {
            continue;
        };
        if shape.status.is_some() {
            // A JSON `false` of `active` is a cell too.
            if let Some(t) = raw_text(raw) {
                let no_end: Vec<_> = (fields.ends.iter())
                    .filter(|(_, d)| super::ends::stands_for_no_end(*d))
                    .copied()
                    .collect();
                shape.status_cell(&t, blank, &no_end, (row.line, row.column(i, key)));
            }
        }
        if shape.end {
            let text = raw_text(raw).unwrap_or_default();
            let day = match conv.convert_ref(raw, &FieldType::Date) {
                Ok(Some(Value::Date(d))) => Some(d),
                _ => super::ends::end_day(&text),
            };
            shape.end_cell(&text, day, fields.ends, (row.line, row.column(i, key)));
        }
        if shape.fits == 0 {
            continue;
        }
        for f in filled {
            shape.fill(*f);
        }
        // A word standing for nothing (`无`, `-` among `是` and `否`) is no
        // counterexample, as a blank cell is not.
        // In a column named as an end, a word saying the person is still
        // there (`在职`) is none either (`ends::says_present`).
        let present = shape.end && raw_str(raw).is_some_and(super::ends::says_present);
        if raw_is_empty(&raw) || raw_stands_for_nothing(raw) || present {
            continue;
        }
        let mut fits = 0;
        for (bit, ty) in &SHAPES {
            if shape.fits & bit != 0 && matches!(conv.convert_ref(raw, ty), Ok(Some(_))) {
                fits |= bit;
            }
        }
        // Read as a mapping reads it too: a tick or `Ｙ` holds a yes or no,
        // `2024/6/30` a date (Decision 2026-12-05).
        if let Some(t) = raw_str(raw) {
            fits |= super::mapping::by_values::fits(crate::text::trim_cell(t), shape.fits);
        }
        let at = (row.line, row.column(i, key));
        for f in blank {
            shape.gap(*f, at);
        }
        if let Some(t) = raw_text(raw) {
            shape.unbool_cell(fits, &t, at);
        }
        shape.value(fits, at);
    }
}

/// Whether a cell's whole text is a word standing for nothing
/// (`text::stands_for_nothing`).
fn raw_stands_for_nothing(raw: RawRef) -> bool {
    raw_str(raw).is_some_and(crate::text::cell_stands_for_nothing)
}

/// A cell's text, when it is text.
fn raw_str<'a>(raw: RawRef<'a>) -> Option<&'a str> {
    match raw {
        RawRef::Text(s) | RawRef::JsonStr(s) => Some(s),
        RawRef::Json(serde_json::Value::String(s)) => Some(s.as_str()),
        RawRef::Json(_) => None,
    }
}

/// Records the undeclared cells (`odd`) of a row that resemble a declared
/// field: as a near miss when the row lacks the field, as a shadow
/// (`Shadow`) when the row has it too.
fn near_misses(
    ctx: &FileCtx,
    near: &mut NearMisses,
    coll: CollId,
    row: &RowView,
    odd: &[(usize, &str, RawRef)],
) {
    let c = ctx.schema.collection(coll);
    let names = &ctx.fields[coll.0 as usize];
    let csv_header = ctx
        .header_fields
        .get(coll.0 as usize)
        .filter(|_| matches!(row.cells, super::read::Cells::Csv { .. }));
    let mut resembled = Vec::new();
    for &(i, key, raw) in odd {
        if let Some((fid, likeness)) = near.field_like(coll, c, key) {
            resembled.push((i, key, raw, fid, likeness));
        }
    }
    if resembled.is_empty() {
        return;
    }
    // Per field: absent (`None`), or whether its cell holds a value.
    let mut present: Vec<Option<bool>> = vec![None; c.fields.len()];
    // Per field a column of one field beside it resembles: its cell's
    // text, when it holds one (for disagreements).
    let mut texts: Vec<Option<String>> = vec![None; c.fields.len()];
    let mut compared = vec![false; c.fields.len()];
    for &(.., fid, likeness) in &resembled {
        compared[fid.0 as usize] |= matches!(likeness, Likeness::SameName | Likeness::UsualName);
    }
    row.each(|i, key, raw| {
        let known = match csv_header {
            Some(fields) => fields.get(i).copied().flatten(),
            None => names.get(key.trim()).copied(),
        };
        if let Some(fid) = known {
            let filled = !raw_is_empty(&raw);
            let slot = &mut present[fid.0 as usize];
            *slot = Some(slot.unwrap_or(false) || filled);
            if filled && compared[fid.0 as usize] && texts[fid.0 as usize].is_none() {
                texts[fid.0 as usize] = Some(cell_text(&raw));
            }
        }
    });
    for (i, key, raw, fid, likeness) in resembled {
        let field = &c.field(fid).name;
        let Some(field_filled) = present[fid.0 as usize] else {
            if likeness == Likeness::Contains {
                continue;
            }
            // A CSV column is named in the header; other formats per row.
            let (line, column) = match (csv_header.is_some(), ctx.is_company) {
                (true, _) => (1, Some(i as u32 + 1)),
                (false, true) => (row.column(i, key).unwrap_or(row.line), None),
                (false, false) => (row.line, row.column(i, key)),
            };
            let miss = NearMiss {
                line,
                column,
                field: field.clone(),
            };
            near.found.merge(NearFound {
                misses: [(key.to_string(), miss)].into(),
                ..NearFound::default()
            });
            continue;
        };
        let hidden = (!field_filled && !raw_is_empty(&raw)).then(|| match ctx.is_company {
            true => (row.column(i, key).unwrap_or(row.line), None),
            false => (row.line, row.column(i, key)),
        });
        let one_field = matches!(likeness, Likeness::SameName | Likeness::UsualName);
        let disagrees = match (&texts[fid.0 as usize], one_field) {
            (Some(own), true) if !raw_is_empty(&raw) && !same_value(own, &cell_text(&raw)) => {
                Some(match ctx.is_company {
                    true => (row.column(i, key).unwrap_or(row.line), None),
                    false => (row.line, row.column(i, key)),
                })
            }
            _ => None,
        };
        let seen = Shadow {
            field: String::new(),
            one_field,
            hidden,
            field_filled,
            disagrees,
            constant: None,
            mapped: None,
        };
        near.beside(key, field, seen);
    }
}

/// A cell's text, trimmed (a JSON value other than a string as written).
fn cell_text(raw: &crate::data::read::RawRef) -> String {
    use crate::data::read::RawRef;
    match raw {
        RawRef::Text(s) | RawRef::JsonStr(s) => crate::text::trim_cell(s).to_string(),
        RawRef::Json(j) => match j.as_str() {
            Some(s) => crate::text::trim_cell(s).to_string(),
            None => j.to_string(),
        },
    }
}

/// Whether two cells of one field written twice say the same: the same
/// text but for ASCII case, or the same yes or no (`是` and `Y`).
pub(in crate::data) fn same_value(a: &str, b: &str) -> bool {
    use crate::data::convert::parse_bool;
    a.eq_ignore_ascii_case(b) || parse_bool(a).is_some_and(|x| parse_bool(b) == Some(x))
}

/// Whether a cell holds nothing (blank text, JSON null or ""; see
/// `text::trim_cell`).
fn raw_is_empty(raw: &crate::data::read::RawRef) -> bool {
    use crate::data::read::RawRef;
    match raw {
        RawRef::Text(s) | RawRef::JsonStr(s) => crate::text::trim_cell(s).is_empty(),
        RawRef::Json(j) => {
            j.is_null()
                || j.as_str()
                    .is_some_and(|s| crate::text::trim_cell(s).is_empty())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_offset_a_datetime_was_written_with() {
        use super::written_offset;
        let at = |t: &str| written_offset(RawRef::Text(t));
        assert_eq!(at("2026-05-01T00:30:00+08:00"), Some(8 * 3600));
        assert_eq!(at("2026-05-01T00:30:00+0530"), Some(5 * 3600 + 1800));
        assert_eq!(at("2026-05-01 00:30:00-03"), Some(-3 * 3600));
        assert_eq!(at("2026-05-01T00:30:00Z"), Some(0));
        assert_eq!(
            at("2026-05-01T00:30:00+08:00[Asia/Shanghai]"),
            Some(8 * 3600)
        );
        assert_eq!(at("2026-05-01 00:30"), None);
        assert_eq!(at("2026-05-01"), None);
        let shanghai = jiff::tz::TimeZone::get("Asia/Shanghai").expect("a zone");
        assert_eq!(super::zone_offsets(&shanghai), [8 * 3600, 9 * 3600]);
        assert_eq!(super::zone_offsets(&jiff::tz::TimeZone::UTC), [0]);
    }

    #[test]
    fn a_datetime_is_naive_when_nothing_after_its_date_names_an_offset() {
        for naive in [
            "2026-02-12 10:00",
            " 2026-02-12T10:00:00 ",
            "2026-02-12T10:00:00.5",
        ] {
            assert!(is_naive_datetime(RawRef::Text(naive)), "{naive}");
        }
        for with_offset in [
            "2026-02-12T10:00:00Z",
            "2026-02-12 10:00:00+08:00",
            "2026-02-12T10:00:00-05:00",
        ] {
            assert!(
                !is_naive_datetime(RawRef::JsonStr(with_offset)),
                "{with_offset}"
            );
        }
        assert!(!is_naive_datetime(RawRef::Json(&serde_json::json!(
            1_700_000_000
        ))));
    }

    /// A free-text field goes unhashed only after `SAMPLE` values of which
    /// at most two repeated; a field of repeated values stays interned.
    #[test]
    fn free_text_goes_unhashed_only_when_its_sample_barely_repeats() {
        let (c, f, g) = (CollId(1), FieldId(2), FieldId(3));
        let mut free = FreeText::default();
        for i in 0..FreeText::SAMPLE {
            assert!(!free.unhashed(c, f), "judged after {i} values only");
            // Two repeats in `f`, three in `g`.
            free.count(c, f, i >= 2);
            free.count(c, g, i >= 3);
        }
        assert!(free.unhashed(c, f));
        assert!(!free.unhashed(c, g));
        assert!(!free.unhashed(CollId(0), f), "another collection's field");
        // Values past the sample change nothing.
        free.count(c, g, true);
        assert!(!free.unhashed(c, g));
    }

    /// Pieces of a file merge to the same count and first line in any order.
    #[test]
    fn naive_counts_merge_to_the_sum_and_the_first_line() {
        let piece = |line, count| {
            let mut n = NaiveDatetimes::default();
            n.add(line, count);
            n
        };
        let parts = [
            piece(40, 2),
            NaiveDatetimes::default(),
            piece(7, 3),
            piece(90, 1),
        ];
        let mut forward = NaiveDatetimes::default();
        parts.iter().for_each(|p| forward.merge(*p));
        let mut backward = NaiveDatetimes::default();
        parts.iter().rev().for_each(|p| backward.merge(*p));
        assert_eq!(forward, backward);
        assert_eq!((forward.count, forward.first_line), (6, Some(7)));
    }
}
