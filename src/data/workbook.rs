//! A workbook into the dataset: its one chosen sheet read by `excel` and
//! loaded as an input of its own (`目录.xlsx!Sheet1`) through the same row
//! path as a CSV file; every other sheet listed as not read, and one that
//! holds values while no sheet was named is an input error.

use std::path::Path;

use crate::msg;

use super::case::NotRead;
use super::excel::{self, OtherSheet, SheetData, SheetsRead, TypedCells};
use super::loader::{extension, Loader, Target};
use super::read::{Raw, RawRow};
use super::rows::FileCtx;
use super::InputError;
use crate::check::schema::{CollKind, FieldType};
use crate::value::CollId;

impl Loader<'_> {
    /// Loads the chosen sheet of the workbook `bytes`; whether part of it
    /// could not be read (see `Loader::file`).
    pub(super) fn workbook(
        &mut self,
        path: &Path,
        role: &'static str,
        target: Target,
        bytes: &[u8],
        rel: &str,
    ) -> bool {
        let opts = self.read_options(path);
        let ext = extension(path);
        // The workbook readers parse untrusted binary formats (.xls is an
        // OLE file of records): should one of them panic on a crafted file,
        // that file is an input error, not the end of the run.
        let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            excel::read_sheet(bytes, &ext, opts.sheet.as_ref(), opts.header_row)
        }))
        .unwrap_or_else(|_| Err(msg!("excel-reader-failed", ext = ext.as_str()).words()));
        let sheet = match read {
            Ok(sheet) => sheet,
            Err(message) => {
                self.ds.errors.push(InputError::file(rel, &message));
                return true;
            }
        };
        let sheet_rel = format!("{rel}!{}", sheet.name);
        let file_idx = self.push_file(&sheet_rel, path, role);
        let file = &mut self.ds.files[file_idx as usize];
        file.sheet = Some(sheet.name.clone());
        file.sha256 = super::loader::sha256_hex(bytes);
        let SheetData {
            name,
            hidden,
            rows,
            errors,
            header,
            others,
            typed,
            ..
        } = sheet;
        let sheets = SheetsRead {
            name,
            hidden,
            others,
        };
        self.sheets_listed(rel, &sheets, opts.sheet.is_some());
        let first_error = self.ds.errors.len();
        self.read_errors(&sheet_rel, errors);
        let stem = self.stem_for(path, &target);
        // As for a CSV file: one error for the columns a header lacks, and
        // the defaults its rows take, noted.
        if self.header_lacks(&target, &stem, &header, &sheet_rel) {
            return true;
        }
        let rows = self.refuse_changed_cells(&target, &stem, rows, &typed, &sheet_rel);
        let ctx = FileCtx::new(
            self.schema,
            self.opts.tz,
            &self.check,
            file_idx,
            &sheet_rel,
            role == "company",
        );
        let loaded = self.rows(&ctx, &target, vec![(stem, rows)]);
        self.finish(&sheet_rel, file_idx, first_error, ctx.is_company, loaded)
    }

    /// The rows without a cell Excel changed from what was typed in an
    /// id, reference or text field ([`identifying`]): a number cut to 15
    /// digits (review R32), a date, datetime or time cell (`1995-2`
    /// typed, February 1995 kept; hostile review, 2026-12-04) or a number
    /// shown through a number format (`R-001` for 1). Each such
    /// row is left out with an input error at the cell, its value masked
    /// when the field is `pii`.
    fn refuse_changed_cells(
        &mut self,
        target: &Target,
        stem: &str,
        rows: Vec<RawRow>,
        typed: &TypedCells,
        rel: &str,
    ) -> Vec<RawRow> {
        if typed.long_numbers.is_empty()
            && typed.dates.is_empty()
            && typed.times.is_empty()
            && typed.formatted.is_empty()
            && typed.text_formatted.is_empty()
        {
            return rows;
        }
        let mut kept = Vec::with_capacity(rows.len());
        for row in rows {
            let Some(coll) = self.row_collection(target, stem, &row) else {
                kept.push(row);
                continue;
            };
            let coll = self.schema.collection(coll);
            let mut refused = false;
            for (key, raw, column) in &row.cells {
                let Some(column) = *column else { continue };
                let Some(field) = coll.field_id(key).map(|f| coll.field(f)) else {
                    continue;
                };
                if !identifying(&field.ty) {
                    continue;
                }
                let at = (row.line, column);
                let message = if typed.long_numbers.contains(&at) {
                    msg!("excel-long-number", column = key).words()
                } else if typed.dated(at) {
                    date_cell_refused(key, row.line, column)
                } else if let Some(format) = typed.formatted.get(&at) {
                    msg!("excel-formatted-number", column = key, format = format).words()
                } else if let Some(format) = typed.text_formatted.get(&at) {
                    msg!("excel-formatted-text", column = key, format = format).words()
                } else {
                    continue;
                };
                let text = match raw {
                    Raw::Text(t) => t.as_str(),
                    Raw::Json(_) => "",
                };
                self.ds.errors.push(InputError {
                    file: rel.to_string(),
                    line: Some(row.line),
                    column: Some(column),
                    field: Some(key.clone()),
                    value: Some(match field.pii {
                        true => crate::pii::mask(text),
                        false => super::truncate(text),
                    }),
                    message,
                });
                refused = true;
            }
            if !refused {
                kept.push(row);
            }
        }
        kept
    }

    /// The collection a row of the sheet loads into: the target's, or for
    /// an event log the row's `kind` (else the file stem's).
    fn row_collection(&self, target: &Target, stem: &str, row: &RawRow) -> Option<CollId> {
        let kind = match target {
            Target::Fixed(c) => return *c,
            Target::Events => row
                .cells
                .iter()
                .find(|c| c.0 == "kind")
                .and_then(|c| match &c.1 {
                    Raw::Text(t) => Some(t.trim()),
                    Raw::Json(_) => None,
                })
                .filter(|k| !k.is_empty())
                .unwrap_or(stem),
        };
        self.schema
            .lookup(kind)
            .filter(|c| self.schema.collection(*c).kind == CollKind::Event)
    }

    /// The other sheets of the workbook `rel`, each listed as not read, and
    /// a note when the sheet read is hidden (review R14: nothing said that
    /// the sheet read was one Excel does not show). `named`: custodia.yaml
    /// names the sheet read.
    pub(super) fn sheets_listed(&mut self, rel: &str, sheets: &SheetsRead, named: bool) {
        if sheets.hidden {
            self.ds.notes.push(super::Note {
                file: format!("{rel}!{}", sheets.name),
                message: msg!("workbook-hidden-sheet-read", sheet = &sheets.name).words(),
                rules: Vec::new(),
            });
        }
        for other in &sheets.others {
            self.other_sheet(rel, &sheets.name, other, named);
        }
    }

    /// A sheet that was not read: listed as such; when it holds values, or
    /// cannot be read, and no sheet was named, an input error too (which
    /// sheet holds the data would be a guess, and its rows must not
    /// vanish). When a sheet was named, another whose header (near its top)
    /// names most of the columns of the sheet read and has rows below it is
    /// an input error too, as is one holding identifiers of the form of
    /// those read that the sheet read lacks (`excel::ids_twin`), and so is
    /// a very hidden sheet with values,
    /// unless under `ignore:` as `FILE!SHEET` (`excel::twin_of`,
    /// docs/inputs-and-reports.md).
    fn other_sheet(&mut self, rel: &str, read: &str, other: &OtherSheet, named: bool) {
        let path = format!("{rel}!{}", other.name);
        let sheet = match other.hidden {
            true => msg!("workbook-a-hidden-sheet"),
            false => msg!("workbook-a-sheet"),
        };
        // Under `ignore:` as listed (`目录.xlsx!2026年补录`): knowingly not
        // read, once a sheet is named.
        let ignored = self.ignore.contains(&self.root.join(&path));
        let reason = match (
            &other.rows_with_data,
            other.same_columns,
            &other.same_ids,
            named,
        ) {
            (Ok(0), _, _, _) => msg!("workbook-sheet-no-values", sheet = sheet).words(),
            (_, _, _, true) if ignored => msg!("account-ignored").words(),
            // Another sheet under the same columns: more of the same data,
            // which naming one sheet does not account for (hostile review,
            // 2026-12-04).
            (Ok(_), Some(twin), _, true) => {
                let message = msg!(
                    "workbook-sheet-same-columns",
                    sheet = sheet,
                    row = twin.header_row,
                    matched = twin.matched,
                    columns = twin.columns,
                    missing = twin.columns.saturating_sub(twin.matched),
                    rows = twin.rows,
                    read = read,
                    name = other.name.as_str(),
                    file = rel
                )
                .words();
                self.ds.errors.push(InputError::file(&path, &message));
                message
            }
            // Identifiers of the form of those read that the sheet read
            // lacks, under its identifier column's name, whatever the other
            // columns are called: records left out (hostile review,
            // 2026-12-06).
            (Ok(_), None, Some(twin), true) => {
                let message = msg!(
                    "workbook-sheet-same-ids",
                    sheet = sheet,
                    column = twin.column.as_str(),
                    row = twin.header_row,
                    rows = twin.rows,
                    first = twin.first_row,
                    read = read
                )
                .words();
                self.ds.errors.push(InputError::file(&path, &message));
                message
            }
            // A very hidden sheet with values: naming another sheet does
            // not account for one no user could see (hostile review,
            // 2026-12-05, F5).
            (Ok(n), _, _, true) if other.very_hidden => {
                let message = msg!("workbook-sheet-very-hidden", rows = *n, read = read).words();
                self.ds.errors.push(InputError::file(&path, &message));
                message
            }
            (Ok(n), _, _, true) => msg!(
                "workbook-sheet-not-named",
                sheet = sheet,
                rows = *n,
                read = read
            )
            .words(),
            (Err(why), _, _, true) => msg!(
                "workbook-sheet-unreadable-not-named",
                sheet = sheet,
                reason = why.as_str(),
                read = read
            )
            .words(),
            (Ok(n), _, _, false) => {
                let message = msg!(
                    "workbook-sheet-unread",
                    sheet = sheet,
                    rows = *n,
                    read = read,
                    file = rel
                )
                .words();
                self.ds.errors.push(InputError::file(&path, &message));
                message
            }
            (Err(why), _, _, false) => {
                let message = msg!(
                    "workbook-sheet-unreadable",
                    sheet = sheet,
                    reason = why.as_str(),
                    read = read,
                    file = rel
                )
                .words();
                self.ds.errors.push(InputError::file(&path, &message));
                message
            }
        };
        // An ignored sheet with values is data left out (rows_with_data > 0).
        let data = ignored && named && !matches!(other.rows_with_data, Ok(0));
        self.ds.not_read.push(NotRead {
            ignored_data: data.then(|| super::case::ignore_line(self.root)),
            ..NotRead::new(path, reason)
        });
    }
}

/// The error for a date, datetime or time cell in the column `column`
/// (an identifying field), at sheet row `line` and column number `column_no`.
pub(crate) fn date_cell_refused(column: &str, line: u32, column_no: u32) -> String {
    let cell = format!("{}{line}", excel::column_letters(column_no));
    msg!("excel-date-in-identifier", column = column, cell = cell).words()
}

/// **Decision** (docs/mapping.md, review R32): a field whose value says
/// which record or person a row is about (an id, a reference, a text such
/// as an id number or bank account) does not take a number Excel cut to 15
/// digits: a cut id can collide with another, a cut reference can match
/// the wrong record (a false pass), a cut id number is not the person's.
/// **Decision (2026-12-04)**: nor a date cell, for the same reason: Excel
/// turned the catalogue number `1995-2` into February 1995, read as
/// `1995-02-01`, and the logs that say `1995-2` no longer joined to it.
pub(crate) fn identifying(ty: &FieldType) -> bool {
    match ty {
        FieldType::Text | FieldType::Id | FieldType::Ref(_) => true,
        FieldType::List(inner) => identifying(inner),
        _ => false,
    }
}
