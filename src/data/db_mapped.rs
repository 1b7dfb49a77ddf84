//! A database source whose entry maps (`columns:`, `kind:`, `where:`,
//! `skip:`; docs/mapping.md): the result's columns are the header and its
//! rows the rows of the same mapping as a file's, so the mapping's checks
//! (a mapped column the result lacks, a value its map lacks, a filter that
//! selects nothing) come before any row is loaded, at the mapping's line.
//!
//! **Decision** (docs/databases.md): those checks need every row before
//! the first is loaded, so a mapped result is held in memory while it is
//! mapped, as a mapped file is; an unmapped result streams.

use super::db::{
    plain_key, push_source, row_key, Connection, DbError, Plan, ResultDigest, RowKeys,
};
use super::loader::Loader;
use super::mapping::rows::as_text;
use super::mapping::{self, Env, Mapped};
use super::parallel::Loaded;
use super::read::RawRow;
use super::source::{Resolved, SourceEntry};
use super::InputError;

/// What reading a mapped source gave: its index in the inputs, what was
/// loaded, the error that stopped the read early, and whether the mapping
/// left rows unread.
pub(super) struct MappedRead {
    pub file_idx: u32,
    pub loaded: Loaded,
    pub stopped: Option<DbError>,
    pub lost: bool,
}

/// Reads the whole result of `plan`, maps it through the entries that
/// read it (`db::same_result`) and loads the mapped rows.
pub(super) fn read(
    loader: &mut Loader,
    conn: &mut dyn Connection,
    plan: &Plan,
    inputs: &[&Resolved],
    label: &str,
) -> MappedRead {
    // `db::load` passes the entries of one group, never none.
    let input = inputs[0];
    let file_idx = push_source(loader, input, label);
    // Entries of several kinds (a `where:` per kind): the source is one of
    // the kinds its rows are, not of the first entry's, as a file is.
    let first_kind = super::db::event_kind_of(&input.entry);
    loader.ds.files[file_idx as usize].rows_name_kind = inputs
        .iter()
        .any(|i| super::db::event_kind_of(&i.entry) != first_kind);
    loader.ds.files[file_idx as usize].given_for = inputs
        .iter()
        .filter_map(|i| super::db::event_kind_of(&i.entry).map(String::from))
        .collect();
    let mut digest = ResultDigest::new(&plan.columns);
    let (mut rows, mut keys, mut unreadable) = (Vec::new(), Vec::new(), Vec::new());
    let mut row_keys = RowKeys::default();
    let mut line = 0u32;
    let result = conn.stream(&plan.sql, &mut |row| {
        line += 1;
        match row {
            Ok(cells) => {
                digest.row(&cells);
                let row = RawRow {
                    line,
                    offset: 0,
                    cells: plan
                        .columns
                        .iter()
                        .zip(cells)
                        .enumerate()
                        .map(|(i, (c, v))| (c.clone(), as_text(v), Some(i as u32 + 1)))
                        .collect(),
                };
                keys.push(row_key(&row, &plan.key));
                row_keys.push(&plain_key(&row, &plan.key));
                rows.push(row);
            }
            Err(message) => {
                digest.unreadable(line);
                keys.push(crate::msg!("db-row-of-result", line = line).words());
                row_keys.push("");
                unreadable.push(InputError {
                    line: Some(line),
                    ..InputError::file(label, &message)
                });
            }
        }
    });
    let stopped = result
        .err()
        .map(|e| DbError(crate::msg!("db-read-stopped", rows = line, reason = e.0).words()));
    let file = &mut loader.ds.files[file_idx as usize];
    file.sha256 = digest.finish();
    file.row_keys = Some(std::sync::Arc::new(row_keys));
    loader.ds.errors.extend(unreadable);
    let env = Env {
        schema: loader.schema,
        mappings: loader.mappings,
        tables: loader.tables,
        rel: label,
        encoding: None,
        excel_day_zero: super::excel_epoch::EXCEL_1900,
        typed: None,
        piece_bytes: super::parallel::PIECE_BYTES,
        strict: loader.opts.strict,
    };
    // A log's kind defaults to the table's name, as to a file's stem.
    let stem = super::db::event_kind_of(&input.entry).unwrap_or("");
    let mut mapped = Mapped::default();
    let entries: Vec<Resolved> = inputs.iter().map(|i| (*i).clone()).collect();
    mapping::map_rows(
        &env,
        &plan.columns,
        rows.into(),
        stem,
        &entries,
        None,
        &mut mapped,
    );
    // An entry whose mapping's error read no row: given but not read, as a
    // file's (`coverage[].mapping_failed`); it read "read and holds no rows".
    let failed = loader.mapping_failed(std::path::Path::new(stem), &entries, &mapped);
    loader.ds.files[file_idx as usize].mapping_failed = failed;
    let key_of = |line: u32| keys.get(line.saturating_sub(1) as usize);
    // The mapping's own errors about a row (a value its map or lookup
    // cannot read) name the row's key too, as the converter's do.
    let loaded = loader.mapped_rows(file_idx, label, &mut mapped, &|errors, line| {
        if let Some(key) = key_of(line) {
            for e in errors {
                e.message = format!("{} ({key})", e.message);
            }
        }
    });
    MappedRead {
        file_idx,
        loaded,
        stopped,
        lost: mapped.lost,
    }
}

/// The position of the column the entry maps onto the collection's id
/// field, which names a row of a query's result (the result's own names
/// are not the schema's).
pub(super) fn id_column(entry: &SourceEntry, id: Option<&str>, columns: &[String]) -> Vec<usize> {
    let mapped = entry
        .columns
        .iter()
        .flatten()
        .find(|(k, _)| Some(k.name.as_str()) == id)
        .and_then(|(_, f)| f.0.column.as_deref());
    mapped
        .or(id)
        .and_then(|c| columns.iter().position(|col| col == c.trim()))
        .into_iter()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::read::Raw;
    use serde_json::Value;

    #[test]
    fn values_reach_the_mapping_as_text() {
        let text = |v: Raw| match as_text(v) {
            Raw::Text(t) => Some(t),
            Raw::Json(_) => None,
        };
        assert_eq!(text(Raw::Json(Value::Bool(true))).as_deref(), Some("true"));
        assert_eq!(
            text(Raw::Json(serde_json::json!(42))).as_deref(),
            Some("42")
        );
        assert_eq!(
            text(Raw::Json(serde_json::json!(["a", "b"]))).as_deref(),
            Some("a;b")
        );
        assert_eq!(text(Raw::Json(Value::Null)), None);
    }
}
