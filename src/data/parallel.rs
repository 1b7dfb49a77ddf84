//! Large CSV and JSONL files are cut into pieces at record ends and the
//! pieces are converted in parallel, each into a private `Part` (its own
//! interner and columns). Parts are merged in file order, and the cut points
//! depend only on the text, so the dataset is the same whatever the number
//! of threads. Only a window of pieces is in flight at a time, which bounds
//! the memory beyond the file's text and the tables themselves.

use std::collections::BTreeSet;

use rayon::prelude::*;

use crate::check::schema::Schema;
use crate::value::{CollId, FieldId, Interner, Sym, Value};

use super::read::{self, Base, RowView};
use super::rows::{self, FileCtx, FreeText, NaiveDatetimes, NearFound, NearMisses, Sink};
use super::typed_rows;
use super::{new_tables, Column, Dataset, InputError, TableData, Target};

/// Bytes per piece: large enough that a piece's fixed costs vanish, small
/// enough that two cores get an even share of a file.
pub const PIECE_BYTES: usize = 1 << 20;

/// Pieces converted on the pool at a time: four a thread, so that a thread
/// done early takes another while the group's slowest piece finishes.
pub fn group_len() -> usize {
    rayon::current_num_threads().max(1) * 4
}

/// The rows of one piece, converted, with everything they refer to.
pub struct Part {
    interner: Interner,
    /// Per string of `interner`: how it enters the dataset's interner,
    /// with its hash when hashed. Worked out while the piece parses, on the
    /// pool, so the sequential merge only probes.
    slots: Vec<Slot>,
    tables: Vec<TableData>,
    errors: Vec<InputError>,
    undeclared: BTreeSet<String>,
    left_out: BTreeSet<(crate::value::CollId, String)>,
    naive: NaiveDatetimes,
    near: NearMisses,
    /// Which free-text fields this piece stores without deduplicating.
    free_text: FreeText,
    loaded: u64,
    /// A row arrived but the schema has no collection for this file.
    no_collection: bool,
    /// A row named its own event kind (`Sink::kind_named`).
    kind_named: bool,
}

/// How a string of a part enters the dataset's interner.
#[derive(Clone, Copy)]
enum Slot {
    /// Stored unhashed (`needs_hashing`).
    Unhashed,
    /// Interned, under this hash.
    Hashed(u64),
}

pub enum Format<'h> {
    Csv {
        headers: &'h [String],
        /// Rows from this line on are inside a quote that never closes.
        open_quote: Option<u32>,
    },
    Jsonl,
}

/// What loading a file's pieces found besides its rows.
#[derive(Default)]
pub struct Loaded {
    pub rows: u64,
    pub undeclared: BTreeSet<String>,
    pub naive: NaiveDatetimes,
    /// Undeclared columns that resemble a declared field (`rows::NearMiss`,
    /// `rows::Shadow`).
    pub near: NearFound,
    pub no_collection: bool,
    /// A row named its own event kind (`InputFile::rows_name_kind`).
    pub kind_named: bool,
}

/// Loads `text[starts[0]..]`, cut at `starts`, into the dataset through
/// `merger` (its last group stays pending: `Merger::finish`). `text`
/// starts at `origin` in its file (a window of a file read in windows).
#[allow(clippy::too_many_arguments)]
pub fn load_pieces(
    ds: &mut Dataset,
    merger: &mut Merger<()>,
    ctx: &FileCtx,
    target: &Target,
    stem: &str,
    text: &str,
    format: &Format,
    starts: &[usize],
    origin: Base,
) {
    let pieces = pieces(text, starts, origin);
    let parse = |i: usize| {
        let (piece, base) = pieces[i];
        parse_piece(ctx, target, stem, piece, base, format)
    };
    merger.feed(ds, pieces.len(), &parse, &mut |()| {});
}

/// Converts pieces `0..n` on the pool, each into a part of its own by
/// `convert`, and merges the parts into the dataset in piece order, a
/// group at a time; `take` sees what each piece gave besides its rows,
/// in piece order.
pub fn load_parts<T: Send>(
    ds: &mut Dataset,
    n: usize,
    convert: &(dyn Fn(usize) -> (Part, T) + Sync),
    take: &mut (dyn FnMut(T) + Send),
) -> Loaded {
    let mut merger = Merger::default();
    merger.feed(ds, n, convert, take);
    merger.finish(ds, take)
}

/// Merges parts into the dataset in the order they were fed. Merging is
/// sequential (symbols are numbered in file order), so the parts of one
/// group merge while the next group parses, and the last group of one
/// `feed` stays pending until the next: a file read in windows keeps both
/// cores busy across its windows, not only within each.
pub struct Merger<T> {
    pending: Vec<(Part, T)>,
    loaded: Loaded,
}

impl<T> Default for Merger<T> {
    fn default() -> Self {
        Merger {
            pending: Vec::new(),
            loaded: Loaded::default(),
        }
    }
}

impl<T: Send> Merger<T> {
    /// Converts pieces `0..n` by `convert` on the pool and merges all but
    /// the last group of them (and what an earlier call left pending).
    pub fn feed(
        &mut self,
        ds: &mut Dataset,
        n: usize,
        convert: &(dyn Fn(usize) -> (Part, T) + Sync),
        take: &mut (dyn FnMut(T) + Send),
    ) {
        let group = group_len();
        let indices: Vec<usize> = (0..n).collect();
        for group in indices.chunks(group) {
            let (parts, ()) = rayon::join(
                || group.par_iter().map(|i| convert(*i)).collect::<Vec<_>>(),
                || self.merge_pending(ds, take),
            );
            self.pending = parts;
        }
    }

    /// Merges what is pending; what all the parts found besides rows.
    pub fn finish(mut self, ds: &mut Dataset, take: &mut (dyn FnMut(T) + Send)) -> Loaded {
        self.merge_pending(ds, take);
        self.loaded
    }

    /// Merges what is pending, so that what the caller adds to the
    /// dataset next (an error of the file) comes after these rows' errors.
    pub fn merge_pending(&mut self, ds: &mut Dataset, take: &mut (dyn FnMut(T) + Send)) {
        for (part, extra) in self.pending.drain(..) {
            merge(ds, &mut self.loaded, part);
            take(extra);
        }
    }
}

/// The pieces' texts and where each starts in the file.
fn pieces<'t>(text: &'t str, starts: &[usize], origin: Base) -> Vec<(&'t str, Base)> {
    bounds(text, starts, origin)
        .into_iter()
        .map(|(start, end, base)| (&text[start..end], base))
        .collect()
}

/// The pieces of `text` starting at `starts`: each one's start, end and
/// first line and offset in its file (`text` starts at `origin` there).
pub fn bounds(text: &str, starts: &[usize], origin: Base) -> Vec<(usize, usize, Base)> {
    let mut out = Vec::with_capacity(starts.len());
    let first = Base::of(text, starts.first().copied().unwrap_or(0));
    let mut base = Base {
        lines: origin.lines + first.lines,
        offset: origin.offset + first.offset,
    };
    for (i, &start) in starts.iter().enumerate() {
        let end = starts.get(i + 1).copied().unwrap_or(text.len());
        out.push((start, end, base));
        let piece = &text.as_bytes()[start..end];
        base = Base {
            lines: base.lines + memchr::memchr_iter(b'\n', piece).count() as u32,
            offset: origin.offset + end as u64,
        };
    }
    out
}

fn parse_piece(
    ctx: &FileCtx,
    target: &Target,
    stem: &str,
    piece: &str,
    base: Base,
    format: &Format,
) -> (Part, ()) {
    let mut read_errors = Vec::new();
    let mut no_collection = false;
    let stem_kind = csv_stem_kind(ctx, target, stem, format);
    let mut part = Part::convert(ctx, &mut |sink| {
        let mut loaded = 0u64;
        // JSONL lines typed straight into the columns where they can be.
        let mut plans = typed_rows::JsonlPlans::default();
        let mut on_row = |row: &RowView| {
            if let Format::Csv {
                open_quote: Some(open),
                ..
            } = format
            {
                if row.line >= *open {
                    return;
                }
            }
            let coll = match target {
                Target::Fixed(Some(c)) => *c,
                Target::Fixed(None) => {
                    no_collection = true;
                    return;
                }
                Target::Events => match stem_kind {
                    Some(c) => c,
                    None => match rows::event_kind(ctx, sink, row, stem) {
                        Some(c) => c,
                        None => return,
                    },
                },
            };
            let jsonl = matches!(format, Format::Jsonl);
            // A line that may carry a voiding mark is judged by
            // `convert_row` (h25a F07).
            let typed = jsonl && !rows::may_be_marked_void(ctx, coll, row);
            if (typed && typed_rows::convert_jsonl(ctx, sink, &mut plans, coll, row))
                || rows::convert_row(ctx, sink, coll, row)
            {
                loaded += 1;
            }
        };
        match format {
            Format::Csv {
                headers,
                open_quote,
            } => {
                read::csv_body(
                    piece,
                    headers,
                    base,
                    &ctx.bad_bytes,
                    &mut read_errors,
                    &mut on_row,
                );
                if let Some(open) = open_quote {
                    // The loader reports the open quote once, for the file.
                    read::drop_after_open_quote(&mut read_errors, *open);
                }
            }
            Format::Jsonl => {
                read::jsonl_body(piece, base, &ctx.bad_bytes, &mut read_errors, &mut on_row)
            }
        }
        loaded
    });
    part.no_collection = no_collection;
    part.errors
        .extend(read_errors.into_iter().map(|e| InputError {
            file: ctx.rel.into(),
            line: e.line,
            column: e.column,
            field: None,
            value: None,
            message: e.message,
        }));
    (part, ())
}

/// The event kind of every row of a CSV log without a `kind` column, when
/// its stem names one: what `rows::event_kind` finds for each row, asked
/// once per piece instead of a header search and a lookup per row. `None`
/// leaves it to `event_kind` (a `kind` column, another format, or a stem
/// naming no kind, whose error each row reports).
fn csv_stem_kind(ctx: &FileCtx, target: &Target, stem: &str, format: &Format) -> Option<CollId> {
    let Format::Csv { headers, .. } = format else {
        return None;
    };
    if !matches!(target, Target::Events) || headers.iter().any(|h| h == "kind") {
        return None;
    }
    rows::event_kind_named(ctx.schema, stem)
}

impl Part {
    /// A part holding the rows `fill` converts into the sink it is given
    /// (returning how many it loaded), with each string's hash computed
    /// here, on the pool.
    pub fn convert(ctx: &FileCtx, fill: &mut dyn FnMut(&mut Sink) -> u64) -> Part {
        let mut part = Part::new(ctx.schema, ctx.unread);
        let mut sink = Sink {
            interner: &mut part.interner,
            tables: &mut part.tables,
            errors: &mut part.errors,
            undeclared: &mut part.undeclared,
            left_out: &mut part.left_out,
            naive: &mut part.naive,
            near: &mut part.near,
            free_text: Some(&mut part.free_text),
            kind_named: false,
            values: Vec::new(),
        };
        let loaded = fill(&mut sink);
        part.kind_named = sink.kind_named;
        part.loaded = loaded;
        part.slots = needs_hashing(ctx.unhashed, &part)
            .into_iter()
            .zip(part.interner.strings())
            .map(|(hashed, s)| match hashed {
                true => Slot::Hashed(Interner::hash(s)),
                false => Slot::Unhashed,
            })
            .collect();
        part
    }

    fn new(schema: &Schema, unread: &[(crate::value::CollId, FieldId)]) -> Self {
        Part {
            // A 1 MiB piece holds a few thousand distinct strings. (Sized
            // for one every 32 bytes, as in real logs, the bench's shape
            // took 11% more CPU and memory: each piece's buffers were then
            // fresh pages as large as the piece.)
            interner: Interner::with_capacity(4096),
            slots: Vec::new(),
            tables: new_tables(schema, unread),
            errors: Vec::new(),
            undeclared: BTreeSet::new(),
            left_out: BTreeSet::new(),
            naive: NaiveDatetimes::default(),
            near: NearMisses::default(),
            free_text: FreeText::default(),
            loaded: 0,
            no_collection: false,
            kind_named: false,
        }
    }
}

impl Loaded {
    /// Adds what a later window of the same file found.
    pub fn add(&mut self, other: Loaded) {
        self.rows += other.rows;
        self.undeclared.extend(other.undeclared);
        self.naive.merge(other.naive);
        self.near.merge(other.near);
        self.no_collection |= other.no_collection;
        self.kind_named |= other.kind_named;
    }
}

/// Appends a part's rows, re-interning its strings in the dataset's
/// interner (in the part's order, so symbols are assigned deterministically).
fn merge(ds: &mut Dataset, loaded: &mut Loaded, part: Part) {
    loaded.rows += part.loaded;
    loaded.no_collection |= part.no_collection;
    loaded.kind_named |= part.kind_named;
    loaded.undeclared.extend(part.undeclared.iter().cloned());
    ds.left_out_ids.extend(part.left_out.iter().cloned());
    loaded.naive.merge(part.naive);
    loaded.near.merge(part.near.found);
    let map = symbols_in(&mut ds.interner, &part.interner, &part.slots);
    for (dst, src) in ds.tables.iter_mut().zip(part.tables) {
        dst.append(src, &map);
    }
    ds.errors.extend(part.errors);
}

/// The dataset's symbol of each of the part's strings, in the part's
/// order; each run of unhashed strings is appended with one copy.
fn symbols_in(interner: &mut Interner, part: &Interner, slots: &[Slot]) -> Vec<Sym> {
    let mut map = Vec::with_capacity(slots.len());
    let mut i = 0;
    while i < slots.len() {
        match slots[i] {
            Slot::Hashed(h) => map.push(interner.intern_hashed(part.resolve_index(i), h)),
            Slot::Unhashed => {
                let run = slots[i..]
                    .iter()
                    .take_while(|s| matches!(s, Slot::Unhashed))
                    .count();
                if let Some(first) = interner.append_unhashed(part, i..i + run) {
                    map.extend((0..run).map(|k| first.plus(k)));
                }
                i += run;
                continue;
            }
        }
        i += 1;
    }
    map
}

/// Which of the part's strings must enter the dataset's hash table: those
/// held by any field that is not `unhashed` (`Dataset::unhashed`; lists
/// included). A string only unhashed fields hold is stored without hashing;
/// the part's own interner has already stored it once per piece.
fn needs_hashing(unhashed: &[(crate::value::CollId, FieldId)], part: &Part) -> Vec<bool> {
    let n = part.interner.len();
    if unhashed.is_empty() {
        return vec![true; n];
    }
    let mut hashed = vec![false; n];
    for table in &part.tables {
        for (f, column) in table.columns.iter().enumerate() {
            if unhashed.contains(&(table.coll, FieldId(f as u32))) {
                continue;
            }
            match column {
                Column::Sym(syms) => {
                    for s in syms.iter().flatten() {
                        hashed[s.index()] = true;
                    }
                }
                Column::List(lists) => {
                    for items in lists.iter().flatten() {
                        mark_list(items, &mut hashed);
                    }
                }
                _ => {}
            }
        }
    }
    hashed
}

fn mark_list(items: &[Value], hashed: &mut [bool]) {
    for v in items {
        match v {
            Value::Sym(s) => hashed[s.index()] = true,
            Value::List(inner) => mark_list(inner, hashed),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each piece starts at the line and byte its rows report.
    #[test]
    fn pieces_know_their_first_line_and_offset() {
        let text: String = (0..500).map(|i| format!("{{\"n\": {i}}}\n")).collect();
        let (starts, _) = read::split_points(&text, 0, 97, false);
        assert!(starts.len() > 50);
        for ((piece, base), &start) in pieces(&text, &starts, Base::default()).iter().zip(&starts) {
            let expected = Base::of(&text, start);
            assert_eq!((base.lines, base.offset), (expected.lines, expected.offset));
            assert!(piece.ends_with('\n'));
        }
    }
}
