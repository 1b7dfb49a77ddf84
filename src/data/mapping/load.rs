//! The loader's side of a mapped file: the mapped rows go through the same
//! converter as every other row; its errors name the file's column and
//! value, and the file is listed with its digest and row count.

use std::path::Path;

use crate::data::loader::Loader;
use crate::data::parallel::{self, Loaded, Part};
use crate::data::read::RowView;
use crate::data::rows::{self, FileCtx};
use crate::data::source::Resolved;
use crate::data::InputError;

use super::rows::Rows;
use super::transform::{self, shown, RowsOut};
use super::{choose, messages, Choice, Env, Original, Prepared};

impl<'a> Loader<'a> {
    /// What mapping a source of `rel` needs from the loader, for a file
    /// that is not a workbook (whose day 0 and typed cells the file gives).
    fn mapping_env<'r>(&self, rel: &'r str) -> Env<'r>
    where
        'a: 'r,
    {
        Env {
            schema: self.schema,
            mappings: self.mappings,
            tables: self.tables,
            rel,
            encoding: self.encoding,
            excel_day_zero: crate::data::excel_epoch::EXCEL_1900,
            typed: None,
            piece_bytes: self.check.piece_bytes.unwrap_or(parallel::PIECE_BYTES),
            strict: self.opts.strict,
        }
    }

    /// Loads a file through its source entries; whether part of it was
    /// not read.
    pub(in crate::data) fn mapped(
        &mut self,
        path: &Path,
        role: &'static str,
        rel: &str,
        entries: &[Resolved],
    ) -> bool {
        let file_idx = self.push_file(rel, path, role);
        // A log mapped to another kind (`kind:`) than its name says is a
        // source of the kind its rows are, not of its name's.
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        self.ds.files[file_idx as usize].rows_name_kind = role == "log"
            && entries
                .iter()
                .any(|e| e.entry.kind.as_deref().is_some_and(|k| k.trim() != stem));
        self.ds.files[file_idx as usize].given_for = match role {
            "log" => entries
                .iter()
                .filter_map(|e| e.entry.kind.clone())
                .collect(),
            _ => vec![],
        };
        let first_error = self.ds.errors.len();
        let mut mapped = super::load(&self.mapping_env(rel), path, entries);
        // The digest of the bytes the mapping read; a Parquet file (read by
        // its reader from the path) or an unreadable one is hashed here.
        let sha256 = mapped.sha256.take().or_else(|| {
            std::fs::read(path)
                .ok()
                .map(|bytes| crate::data::loader::sha256_hex(&bytes))
        });
        self.ds.files[file_idx as usize].sha256 = sha256.unwrap_or_default();
        // Quoted lines are cut from the text decoded as it was read.
        self.ds.files[file_idx as usize].encoding = mapped.encoding;
        let file_rel = rel;
        let sheet_rel;
        let mut rel = rel;
        if let Some(sheets) = &mapped.sheet {
            // Listed as the sheet read (`目录.xlsx!Sheet1`), as unmapped,
            // and so are the sheet's errors.
            sheet_rel = format!("{file_rel}!{}", sheets.name);
            rel = &sheet_rel;
            let file = &mut self.ds.files[file_idx as usize];
            file.path = sheet_rel.clone();
            file.sheet = Some(sheets.name.clone());
            for e in mapped.errors.iter_mut().filter(|e| e.file == file_rel) {
                e.file = sheet_rel.clone();
            }
            let named = self.mappings.read_options(path).sheet.is_some();
            self.sheets_listed(file_rel, sheets, named);
        }
        if let Some(columns) = mapped.columns.take() {
            self.ds.files[file_idx as usize].columns = Some(std::sync::Arc::new(columns));
        }
        let failed = self.mapping_failed(path, entries, &mapped);
        self.ds.files[file_idx as usize].mapping_failed = failed;
        let loaded = self.mapped_rows(file_idx, rel, &mut mapped, &|_, _| {});
        let lost = self.finish(rel, file_idx, first_error, false, loaded);
        mapped.lost || lost
    }

    /// The entries of a mapped file that read none of its rows because
    /// their mapping has an input error, which is custodia.yaml's
    /// (`InputFile::mapping_failed`): every entry when the file's entries
    /// could not all be planned (or a lookup's table could not be read),
    /// else each whose values were refused (`Prepared::reads`). Each
    /// points at the first error of custodia.yaml at or after its line
    /// and before the next entry's, else at the first of the file's.
    pub(in crate::data) fn mapping_failed(
        &self,
        path: &Path,
        entries: &[Resolved],
        mapped: &super::Mapped,
    ) -> Vec<crate::data::MappingFailed> {
        let manifest = &self.mappings.manifest;
        let lines: Vec<u32> = (mapped.errors.iter())
            .filter(|e| &e.file == manifest)
            .filter_map(|e| e.line)
            .collect();
        let Some(&first) = lines.iter().min() else {
            return Vec::new();
        };
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let collection = |e: &Resolved| match &e.role {
            crate::data::source::Role::Table(name) => Some(name.clone()),
            crate::data::source::Role::Inventory => {
                Some(self.schema.collection(self.schema.record()?).name.clone())
            }
            crate::data::source::Role::Log => {
                Some(e.entry.kind.as_deref().map_or(stem, str::trim).to_string())
            }
        };
        let starts: Vec<u32> = entries.iter().map(|e| e.entry.line).collect();
        let line_of = |start: u32| {
            let next = (starts.iter().copied())
                .filter(|l| *l > start)
                .min()
                .unwrap_or(u32::MAX);
            (lines.iter().copied())
                .filter(|l| *l >= start && *l < next)
                .min()
                .unwrap_or(first)
        };
        let failed: Vec<usize> = match &mapped.prepared {
            None => (0..entries.len()).collect(),
            Some(p) => (0..entries.len())
                .filter(|i| p.reads.get(*i) == Some(&false))
                .collect(),
        };
        failed
            .into_iter()
            .filter_map(|i| {
                let e = &entries[i];
                Some(crate::data::MappingFailed {
                    collection: collection(e)?,
                    manifest: manifest.clone(),
                    line: line_of(e.entry.line),
                })
            })
            .collect()
    }

    /// Loads the rows of a mapped source (a file, a database result)
    /// through the converter, with its errors and notes: each entry's rows
    /// in file order, a piece at a time on the pool (a row is mapped and
    /// converted as it is read, its cells' original text kept only while
    /// its errors are named). `after_row` sees each row's new input errors
    /// and its line (a database source names the row's key in them).
    pub(in crate::data) fn mapped_rows(
        &mut self,
        file_idx: u32,
        rel: &str,
        mapped: &mut super::Mapped,
        after_row: &(dyn Fn(&mut [InputError], u32) + Sync),
    ) -> Loaded {
        self.ds.errors.append(&mut mapped.errors);
        self.ds.notes.append(&mut mapped.notes);
        let absent = mapped.defaulted.drain(..);
        (self.ds.defaulted).extend(absent.map(|(c, f)| (rel.to_string(), c, f)));
        let mut loaded = Loaded::default();
        let Some(prepared) = mapped.prepared.take() else {
            return loaded;
        };
        let ctx = FileCtx::new(self.schema, self.opts.tz, &self.check, file_idx, rel, false);
        let base = self.mapping_env(rel);
        let env = Env {
            excel_day_zero: mapped.excel_day_zero.unwrap_or(base.excel_day_zero),
            typed: mapped.typed.as_ref(),
            ..base
        };
        let rows = &mapped.rows;
        let mut personal = Vec::new();
        for p in 0..prepared.plans.len() {
            if !prepared.reads[p] {
                continue;
            }
            let plan = &prepared.plans[p];
            let coll = self.schema.collection(plan.coll);
            let entry = EntryRows {
                ctx: &ctx,
                env: &env,
                prepared: &prepared,
                p,
                after_row,
                watch: super::by_values::Watch::of(plan, coll),
            };
            let convert = |i: usize| entry.piece(rows, i);
            let got = parallel::load_parts(self.ds, rows.pieces(), &convert, &mut |lines| {
                personal.extend(lines)
            });
            loaded.add(got);
        }
        // Placeholder list items are noted under the file's column names.
        let placeholders = std::mem::take(&mut loaded.near.placeholders);
        let column = |coll: crate::value::CollId, field: &str| {
            (prepared.plans.iter())
                .filter(|p| p.coll == coll)
                .flat_map(|p| &p.fields)
                .find(|f| f.name == field && !f.column.is_empty())
                .map_or_else(|| field.to_string(), |f| f.column.clone())
        };
        self.placeholder_notes(rel, placeholders, &column);
        let file = &mut self.ds.files[file_idx as usize];
        file.personal_lines.extend(personal);
        file.personal_lines.sort_unstable();
        loaded
    }
}

/// What converting one entry's rows of a mapped source needs, piece by
/// piece on the pool.
struct EntryRows<'e> {
    ctx: &'e FileCtx<'e>,
    env: &'e Env<'e>,
    prepared: &'e Prepared,
    /// The entry: its plan's index.
    p: usize,
    after_row: &'e (dyn Fn(&mut [InputError], u32) + Sync),
    /// The unread columns watched for a field's values (`by_values`).
    watch: Option<super::by_values::Watch>,
}

impl EntryRows<'_> {
    /// Piece `i`'s rows of the entry, mapped and converted into a part of
    /// their own, and the lines of those whose text must not be quoted.
    /// The piece's read errors were said by the survey.
    fn piece(&self, source: &Rows, i: usize) -> (Part, Vec<u32>) {
        let plan = &self.prepared.plans[self.p];
        let mut out = RowsOut::default();
        let part = Part::convert(self.ctx, &mut |sink| {
            let mut n = 0;
            source.visit_piece(i, true, &mut |row| {
                if choose(&self.prepared.plans, row) != Choice::One(self.p) {
                    return;
                }
                if let Some(e) = self.voided(plan, row) {
                    out.errors.push(e);
                    return;
                }
                for b in &plan.beside {
                    beside(sink.near, b, row);
                }
                if let Some(w) = &self.watch {
                    w.row(sink.near, row);
                }
                let before = out.errors.len();
                let one = transform::row(self.env, plan, row, &self.prepared.lookups, &mut out);
                (self.after_row)(&mut out.errors[before..], row.line());
                let Some((fields, originals)) = one else {
                    return;
                };
                if let Some(w) = &self.watch {
                    w.ends(sink.near, row, &fields);
                }
                let before = sink.errors.len();
                if rows::convert_row(self.ctx, sink, plan.coll, &RowView::of(&fields)) {
                    n += 1;
                }
                for e in &mut sink.errors[before..] {
                    name_the_column(self.env.mappings.lang, e, &originals);
                }
                (self.after_row)(&mut sink.errors[before..], row.line());
            });
            sink.errors.append(&mut out.errors);
            sink.left_out.extend(out.left_out.drain(..));
            n
        });
        (part, out.personal_lines)
    }
}

impl EntryRows<'_> {
    /// The input error of an event row the entry reads that says it was
    /// voided or did not go through (h24a F9, `voided::says_void`): in a
    /// column no entry reads, or in the column of the entry's `skip:`,
    /// whose values it leaves out but not this one (`已作废` beside
    /// `skip: { 状态: 作废 }`). Also a row whose `skip:` column holds a
    /// listed value within more text (`作废（重录）`): the author named it
    /// as a row to leave out, written otherwise. `None` when the row is
    /// read.
    fn voided(&self, plan: &super::plan::Plan, row: &dyn super::CellAt) -> Option<InputError> {
        let coll = self.env.schema.collection(plan.coll);
        if coll.kind != crate::check::schema::CollKind::Event {
            return None;
        }
        let lang = self.env.mappings.lang;
        let error = |i: usize, message: String| InputError {
            line: Some(row.line()),
            column: row.column_at(i),
            ..InputError::file(self.env.rel, &message)
        };
        // Every key's cell either one of its values or holding one within
        // more text, and some key's only so: the row the `skip:` meant.
        let trim = crate::text::trim_cell;
        let near_skip = !plan.skip.is_empty()
            && plan.skip.iter().all(|(i, values, _)| {
                row.cell_at(*i).is_some_and(|cell| {
                    let cell = trim(cell);
                    values.iter().any(|v| {
                        let v = trim(v);
                        cell == v || (!v.is_empty() && cell.contains(v))
                    })
                })
            });
        let skips = plan.skip.iter().zip(&plan.skip_headers);
        for ((i, values, line), header) in skips.filter(|_| near_skip) {
            let Some(cell) = row.cell_at(*i).map(trim) else {
                continue;
            };
            if values.iter().any(|v| trim(v) == cell) {
                continue;
            }
            let Some(skipped) =
                (values.iter().map(|v| trim(v))).find(|v| !v.is_empty() && cell.contains(v))
            else {
                continue;
            };
            let message = crate::t!(
                lang,
                "mapping-skip-near-value",
                column = crate::text::invisibles_shown(header),
                value = crate::text::invisibles_shown(cell),
                skipped = skipped,
                manifest = self.env.mappings.manifest.as_str(),
                line = *line
            );
            return Some(error(*i, message));
        }
        let skip_columns = (plan.skip.iter().zip(&plan.skip_headers)).map(|((i, _, _), h)| (*i, h));
        let unread = plan.unread.iter().map(|(i, h)| (*i, h));
        for (i, header) in unread.chain(skip_columns) {
            let Some(cell) = row.text_at(i) else {
                continue;
            };
            let voided = super::super::voided::judge(header, &cell, &coll.name);
            if let Some(said) = voided {
                let message = super::super::voided::message(said, header, trim(&cell), &coll.name);
                return Some(error(i, message));
            }
        }
        None
    }
}

/// One row of an unread column named like a field read beside it
/// (`plan::Beside`): whether it holds a value the field's column lacks, or
/// one that differs from the field's (its column's, or the constant the
/// entry maps it to). A row without the column (a JSONL line without the
/// key) does not count.
fn beside(
    near: &mut rows::NearMisses,
    b: &super::plan::Beside,
    row: &(impl super::CellAt + ?Sized),
) {
    use super::plan::Own;
    let Some(other) = row.cell_at(b.near) else {
        return;
    };
    let blank = |t: Option<&str>| t.map_or(true, |t| crate::text::trim_cell(t).is_empty());
    // A mapped column's cell is read through the entry's value map, a
    // blank one included (a `""` key), as the field reads it.
    let through = |values: &Option<std::collections::HashMap<String, String>>, t: &str| {
        values
            .as_ref()
            .and_then(|m| m.get(t).map(|v| v.trim().to_string()))
    };
    let (own, own_mapped) = match &b.own {
        Own::Column(i) => (row.cell_at(*i).map(crate::text::trim_cell), None),
        Own::Constant(k) => (Some(k.trim()), None),
        Own::Mapped(i, _, values) => {
            let cell = row.cell_at(*i).map(crate::text::trim_cell);
            (cell, through(values, cell.unwrap_or("")))
        }
    };
    let field_filled = !blank(own) || own_mapped.as_deref().is_some_and(|t| !t.is_empty());
    // Beside a mapped column, a blank cell there is another value than
    // the twin's (said as a disagreement, naming the mapped column).
    let mapped = matches!(b.own, Own::Mapped(..));
    let hidden = (!field_filled && !blank(Some(other)) && !mapped)
        .then(|| (row.line(), row.column_at(b.near)));
    // Beside a constant, a word standing for nothing (`无`) says nothing.
    let theirs = Some(crate::text::trim_cell(other)).filter(|t| match &b.own {
        Own::Column(_) => !t.is_empty(),
        Own::Constant(_) | Own::Mapped(..) => !t.is_empty() && !crate::text::stands_for_nothing(t),
    });
    let own = own_mapped
        .as_deref()
        .filter(|t| !t.is_empty())
        .or(own)
        .filter(|t| !t.is_empty());
    let disagrees = match (own, theirs) {
        (None, Some(_)) if mapped && b.one_field => Some((row.line(), row.column_at(b.near))),
        (Some(own), Some(theirs)) if b.one_field && !agree(own, theirs) => {
            // The twin may be written in the file's words the map reads
            // (`已销毁` beside `destroyed`).
            let mapped = match &b.own {
                Own::Mapped(i, _, values) => {
                    row.cell_at(*i)
                        .map(crate::text::trim_cell)
                        .is_some_and(|c| agree(c, theirs))
                        || through(values, theirs).is_some_and(|t| agree(own, &t))
                }
                _ => false,
            };
            (!mapped).then(|| (row.line(), row.column_at(b.near)))
        }
        _ => None,
    };
    let seen = rows::Shadow {
        field: String::new(),
        one_field: b.one_field,
        hidden,
        field_filled,
        disagrees,
        constant: match &b.own {
            Own::Constant(k) => Some(k.clone()),
            Own::Column(_) | Own::Mapped(..) => None,
        },
        mapped: match &b.own {
            Own::Mapped(_, column, _) => Some(column.clone()),
            Own::Column(_) | Own::Constant(_) => None,
        },
    };
    near.beside(&b.column, &b.field, seen);
}

/// Whether two cells of one field say the same (`rows::same_value`), or
/// the same date in two of the forms a mapping reads (`2026-03-18`,
/// `2026/3/18`).
fn agree(a: &str, b: &str) -> bool {
    let date = |t| super::values::date(t, &super::values::DEFAULT_FORMATS);
    rows::same_value(a, b) || date(a).is_some_and(|d| date(b) == Some(d))
}

/// A converter's error about a mapped field: said in the file's terms,
/// its column and the value as written there.
fn name_the_column(lang: crate::i18n::Lang, e: &mut InputError, originals: &[Original]) {
    let Some(o) = originals
        .iter()
        .find(|o| e.field.as_deref() == Some(o.field) && !o.column.is_empty())
    else {
        return;
    };
    if o.column != o.field {
        e.message.push_str(&messages::from_column(lang, o.column));
    }
    if e.value.is_some() {
        e.value = Some(shown(&o.value, o.pii));
    }
}
