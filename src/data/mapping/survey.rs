//! One pass over a mapped file's rows, on the pool, before any row is
//! turned into fields: which entry reads each row (a row no entry reads,
//! or two read, is an error for the file; a filter that selects no row is
//! an error at its line: nothing disappears without a word), and every
//! value of a mapped column that its value map or its field's values lack.
//! Only counts and the values in error are kept, not the rows.

use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;

use crate::check::schema::FieldType;
use crate::data::read::ReadError;
use crate::data::{InputError, Note};

use super::plan::{self, CellAt, Ctx, FieldPlan, From, Plan};
use super::rows::Rows;
use super::{choose, messages, personal, transform, Choice, Mapped};

/// What one pass over the rows found.
#[derive(Default)]
pub struct Survey {
    rows: u64,
    per_plan: Vec<u64>,
    unread: u64,
    /// The line of the first row no entry reads.
    first_unread: Option<u32>,
    twice: u64,
    /// The first row two entries read: (its line, the two entries).
    first_twice: Option<(u32, usize, usize)>,
    /// Rows left out, per manifest line of the `skip:` that left them out:
    /// two entries' `skip:`s over one file are each named with their own
    /// count (the verdict names them: docs/reports.md).
    skipped: BTreeMap<u32, u64>,
    /// Per plan, per field: the values its map or its type lacks, counted.
    bad: Vec<Vec<HashMap<String, u64>>>,
    read_errors: Vec<ReadError>,
}

/// Surveys every piece of `rows` in parallel, merged in file order.
pub fn survey(plans: &[Plan], rows: &Rows) -> Survey {
    let checked: Vec<Vec<bool>> = plans
        .iter()
        .map(|p| p.fields.iter().map(needs_check).collect())
        .collect();
    (0..rows.pieces())
        .into_par_iter()
        .map(|i| {
            let mut s = Survey {
                per_plan: vec![0; plans.len()],
                bad: checked
                    .iter()
                    .map(|f| vec![HashMap::new(); f.len()])
                    .collect(),
                ..Survey::default()
            };
            s.read_errors = rows.visit_piece(i, false, &mut |row| s.row(plans, &checked, row));
            s
        })
        .reduce(Survey::default, Survey::then)
        .sized_for(plans, &checked)
}

/// Whether a field's values are checked before any row is read: a value
/// map's (beside a lookup, a value map names the exceptions, a reader not
/// on the roster: the other values are looked up, row by row), an enum's
/// or a bool's.
fn needs_check(f: &FieldPlan) -> bool {
    let item = match &f.ty {
        FieldType::List(inner) => inner.as_ref(),
        ty => ty,
    };
    matches!(f.from, From::Column(_))
        && f.lookup.is_none()
        && (f.values.is_some() || matches!(item, FieldType::Enum(_) | FieldType::Bool))
}

impl Survey {
    /// A survey with a count per plan and field, rows or none (a source
    /// with no row has no piece).
    fn sized_for(mut self, plans: &[Plan], checked: &[Vec<bool>]) -> Survey {
        if self.per_plan.is_empty() {
            self.per_plan = vec![0; plans.len()];
            self.bad = checked
                .iter()
                .map(|f| vec![HashMap::new(); f.len()])
                .collect();
        }
        self
    }

    fn row(&mut self, plans: &[Plan], checked: &[Vec<bool>], row: &dyn CellAt) {
        self.rows += 1;
        let choice = choose(plans, row);
        match choice {
            Choice::Skipped(line) => {
                *self.skipped.entry(line).or_default() += 1;
            }
            Choice::Unread => {
                self.unread += 1;
                self.first_unread.get_or_insert(row.line());
            }
            Choice::One(p) => {
                self.per_plan[p] += 1;
                // A row of another kind is not read (an error at the row):
                // its values are not the entry's to map.
                if plans[p].other_kind(row).is_none() {
                    self.check_values(&plans[p], &checked[p], p, row);
                }
            }
            Choice::Twice(a, b) => {
                // Every entry that reads it counts it (a filter that
                // selects only such rows still selects some).
                for (q, plan) in plans.iter().enumerate() {
                    if plan.selects(row) && plan.skip_line(row).is_none() {
                        self.per_plan[q] += 1;
                    }
                }
                self.twice += 1;
                self.first_twice.get_or_insert((row.line(), a, b));
            }
        }
    }

    fn check_values(&mut self, plan: &Plan, checked: &[bool], p: usize, row: &dyn CellAt) {
        for (i, f) in plan.fields.iter().enumerate() {
            let (true, From::Column(column)) = (checked[i], &f.from) else {
                continue;
            };
            let Some(text) = row.cell_at(*column) else {
                continue;
            };
            let item = match &f.ty {
                FieldType::List(inner) => inner.as_ref(),
                ty => ty,
            };
            for item_text in transform::items(f, text) {
                // Dropped by the converter, with a note.
                if transform::placeholder(f, item_text) {
                    continue;
                }
                // On a date, datetime, duration or number field the map
                // names exceptions (`永久: ""` beside dates): the other
                // values are read in the field's own forms, which refuse
                // any other word (docs/mapping.md, Decision 2026-12-08).
                let parsed = matches!(
                    item,
                    FieldType::Date
                        | FieldType::DateTime
                        | FieldType::Duration
                        | FieldType::Int
                        | FieldType::Decimal
                );
                let ok = match &f.values {
                    Some(map) => map.contains_key(item_text) || parsed,
                    None => plan::accepts(item, item_text),
                };
                if !ok {
                    match self.bad[p][i].get_mut(item_text) {
                        Some(n) => *n += 1,
                        None => {
                            self.bad[p][i].insert(item_text.to_string(), 1);
                        }
                    }
                }
            }
        }
    }

    /// This survey of earlier rows followed by `later`'s.
    fn then(mut self, later: Survey) -> Survey {
        if self.per_plan.is_empty() {
            return Survey {
                rows: self.rows + later.rows,
                ..later
            };
        }
        if later.per_plan.is_empty() {
            return self;
        }
        self.rows += later.rows;
        for (a, b) in self.per_plan.iter_mut().zip(&later.per_plan) {
            *a += b;
        }
        self.unread += later.unread;
        self.first_unread = self.first_unread.or(later.first_unread);
        self.twice += later.twice;
        self.first_twice = self.first_twice.or(later.first_twice);
        for (line, rows) in later.skipped {
            *self.skipped.entry(line).or_default() += rows;
        }
        for (mine, theirs) in self.bad.iter_mut().zip(later.bad) {
            for (m, t) in mine.iter_mut().zip(theirs) {
                for (value, n) in t {
                    *m.entry(value).or_default() += n;
                }
            }
        }
        self.read_errors.extend(later.read_errors);
        self
    }

    /// The errors and notes about which rows are read, and the read errors
    /// of the file's rows.
    pub fn report(&self, ctx: &Ctx, plans: &[Plan], rows: &Rows, out: &mut Mapped) {
        out.lost |= !self.read_errors.is_empty();
        out.errors
            .extend(self.read_errors.iter().map(|e| InputError {
                line: e.line,
                column: e.column,
                ..InputError::file(ctx.rel, &e.message)
            }));
        let mut filter_selected_nothing = false;
        for (p, plan) in plans.iter().enumerate() {
            if self.per_plan[p] > 0 || self.rows == 0 {
                continue;
            }
            if let Some((column, _, line)) = plan.filter.first() {
                let present = present_values(ctx, plans, rows, *column, |_| true);
                out.errors.push(at(
                    ctx,
                    *line,
                    messages::filter_selects_nothing(
                        ctx.lang,
                        ctx.rel,
                        &ctx.headers[*column],
                        &present,
                    ),
                ));
                out.lost = true;
                filter_selected_nothing = true;
            }
        }
        // A filter that selects nothing already lists the values it missed.
        if let (Some(line), false) = (self.first_unread, filter_selected_nothing) {
            let by_value = plans
                .iter()
                .find_map(|p| p.filter.first())
                .map(|(column, _, _)| {
                    let unread = |row: &dyn CellAt| choose(plans, row) == Choice::Unread;
                    let present = present_values(ctx, plans, rows, *column, unread);
                    messages::by_value(ctx.lang, &ctx.headers[*column], &present)
                })
                .unwrap_or_default();
            out.errors.push(at(
                ctx,
                plans[0].line,
                messages::rows_unread(ctx.lang, ctx.rel, self.unread, line, &by_value),
            ));
            out.lost = true;
        }
        if let Some((line, a, b)) = self.first_twice {
            let lines = (plans[a].line, plans[b].line);
            out.errors.push(at(
                ctx,
                lines.1,
                messages::rows_twice(ctx.lang, ctx.rel, self.twice, line, lines),
            ));
            out.lost = true;
        }
        for (&line, &rows) in &self.skipped {
            out.notes.push(Note {
                file: ctx.rel.to_string(),
                message: messages::rows_skipped(ctx.lang, rows, line),
                rules: Vec::new(),
            });
        }
        // A `skip:` that leaves out nothing may be written unlike the
        // cells (`1.0` for `1.00`): said, so that a mistyped one is seen
        // (review, 2026-12-04).
        // Each entry's `skip:` by the line its rows are counted under.
        let skip_lines = plans
            .iter()
            .filter_map(|p| p.skip.iter().map(|(_, _, l)| *l).min());
        for line in skip_lines.collect::<std::collections::BTreeSet<u32>>() {
            if !self.skipped.contains_key(&line) {
                out.notes.push(Note {
                    file: ctx.rel.to_string(),
                    message: messages::skip_left_out_nothing(ctx.lang, line),
                    rules: Vec::new(),
                });
            }
        }
    }

    /// Every value of plan `p`'s rows that a field's value map lacks, or
    /// that is not a value of its enum or bool field, as one error per
    /// field at the field's line, with counts.
    pub fn value_errors(&self, ctx: &Ctx, p: usize, plan: &Plan) -> Vec<InputError> {
        let mut errors = Vec::new();
        for (i, f) in plan.fields.iter().enumerate() {
            let Some(bad) = self.bad.get(p).and_then(|b| b.get(i)) else {
                continue;
            };
            if bad.is_empty() {
                continue;
            }
            let mut bad: Vec<(String, u64)> = bad.iter().map(|(v, n)| (v.clone(), *n)).collect();
            bad.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            // A name in a ref column is personal even where the field is not.
            bad = personal::counted(Some(personal::kind(f)), bad);
            let item = match &f.ty {
                FieldType::List(inner) => inner.as_ref(),
                ty => ty,
            };
            let message = match f.values {
                Some(_) => messages::values_missing(ctx.lang, ctx.rel, &f.column, &f.name, &bad),
                None => messages::not_values_of(ctx.lang, ctx.rel, &f.column, &f.name, item, &bad),
            };
            let line = if f.line > 0 { f.line } else { plan.line };
            errors.push(InputError {
                field: Some(f.name.clone()),
                ..at(ctx, line, message)
            });
        }
        errors
    }
}

/// The read errors of every row, for a file whose entries do not fit its
/// header (no survey is made then).
pub fn read_errors(rel: &str, rows: &Rows) -> Vec<InputError> {
    let errors: Vec<Vec<ReadError>> = (0..rows.pieces())
        .into_par_iter()
        .map(|i| rows.visit_piece(i, false, &mut |_| {}))
        .collect();
    errors
        .into_iter()
        .flatten()
        .map(|e| InputError {
            line: e.line,
            column: e.column,
            ..InputError::file(rel, &e.message)
        })
        .collect()
}

fn at(ctx: &Ctx, line: u32, message: String) -> InputError {
    InputError {
        line: (line > 0).then_some(line),
        ..InputError::file(ctx.manifest, &message)
    }
}

/// The distinct values of a column among the rows `keep` selects, with
/// their counts, most frequent first, masked where the column is personal;
/// empty cells count as one more value, `(empty)` (rows no entry read for
/// an empty cell were listed as "`类型` = ;"). Only for an error's
/// message: the rows are read again for it.
fn present_values(
    ctx: &Ctx,
    plans: &[Plan],
    rows: &Rows,
    column: usize,
    keep: impl Fn(&dyn CellAt) -> bool,
) -> Vec<(String, u64)> {
    let mut counts: BTreeMap<String, u64> = BTreeMap::new();
    let mut empty = 0u64;
    rows.for_each(|row| {
        if !keep(row) {
            return;
        }
        match row.cell_at(column).filter(|v| !v.is_empty()) {
            Some(v) => *counts.entry(v.to_string()).or_default() += 1,
            None => empty += 1,
        }
    });
    let mut out: Vec<(String, u64)> = counts.into_iter().collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let mut out = personal::counted(personal::column(plans, column), out);
    if empty > 0 {
        out.push((messages::empty_value(ctx.lang), empty));
        out.sort_by_key(|v| std::cmp::Reverse(v.1));
    }
    out
}
