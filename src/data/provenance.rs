//! Provenance of mapped values (docs/mapping.md, "Provenance"): which of a
//! source's columns feeds each field, kept once per source, and the value
//! as the company wrote it, read back from the source only for the values
//! a report shows. Nothing is kept per cell while the data is loaded.
//!
//! The lookup is by source and (collection, field), whatever the source
//! is: a mapped file today, a database query's result columns tomorrow
//! (their re-reading is then a [`Reread`] of their own).

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use crate::check::schema::{FieldType, Schema};
use crate::data::source::ReadOptions;

/// How a source's rows name the schema's fields, kept once per source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceColumns {
    pub columns: Vec<SourceColumn>,
    /// How to read the source's raw rows again.
    pub reread: Reread,
}

/// One field read from one column of a source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceColumn {
    pub collection: String,
    pub field: String,
    /// The column's header as written (`保管期限`).
    pub column: String,
    /// The column's position in the source's header.
    pub index: u32,
    pub personal: Personal,
    /// The cell's text is turned into another (a value map, a lookup):
    /// the value loaded may read like an id where the file holds a name.
    pub translated: bool,
}

/// Whether a column's original text is personal information, decided as
/// for the field's own value (security.md, "PII").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Personal {
    No,
    /// The field is `pii`: the text is always masked.
    Always,
    /// The field names a row of a collection with `pii` fields (a ref, a
    /// lookup by name): the text is masked unless it reads like an id.
    UnlessId,
}

impl Personal {
    pub fn of(schema: &Schema, ty: &FieldType, pii: bool, lookup_by_pii: bool) -> Personal {
        if pii {
            return Personal::Always;
        }
        if lookup_by_pii {
            return Personal::UnlessId;
        }
        let target = match ty {
            FieldType::Ref(t) => *t,
            FieldType::List(inner) => match **inner {
                FieldType::Ref(t) => t,
                _ => return Personal::No,
            },
            _ => return Personal::No,
        };
        if schema.collection(target).fields.iter().any(|f| f.pii) {
            Personal::UnlessId
        } else {
            Personal::No
        }
    }

    /// `text` as a report may show it; `masked`: the value read from it
    /// was masked, so the text is too, whatever the column says.
    pub fn shown(self, text: &str, masked: bool) -> String {
        let masked = masked
            || match self {
                Personal::No => false,
                Personal::Always => true,
                Personal::UnlessId => !crate::pii::looks_like_id(text),
            };
        if masked {
            crate::pii::mask(text)
        } else {
            crate::data::truncate(text)
        }
    }
}

/// How a source's rows are read again at report time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reread {
    /// A mapped file: read as the mapping read it (same encoding choice,
    /// sheet and header row), so its rows and cells are the ones mapped.
    MappedFile {
        encoding: Option<&'static encoding_rs::Encoding>,
        options: ReadOptions,
    },
}

impl SourceColumns {
    /// Adds one field's column. A field two entries of the source read
    /// from two different columns (rows split by `where:`) has no single
    /// column: it is left out rather than named wrongly.
    pub fn add(&mut self, column: SourceColumn) {
        let same = |c: &SourceColumn| c.collection == column.collection && c.field == column.field;
        match self.columns.iter().position(same) {
            None => self.columns.push(column),
            Some(i) if self.columns[i].index == column.index => {}
            Some(i) => {
                self.columns[i].index = u32::MAX;
            }
        }
    }

    /// Whether a row of `collection` from this source may hold personal
    /// text its loaded values do not show: a column that names a row of a
    /// collection with `pii` fields is translated (a reader's name looked
    /// up to a staff number). Such a row's line is never quoted.
    pub fn hides_rows_of(&self, collection: &str) -> bool {
        self.columns
            .iter()
            .any(|c| c.collection == collection && c.translated && c.personal == Personal::UnlessId)
    }

    /// The position in [`SourceColumns::columns`] of the column feeding
    /// `collection.field`, if one does.
    pub fn find(&self, collection: &str, field: &str) -> Option<u32> {
        self.columns
            .iter()
            .position(|c| c.collection == collection && c.field == field && c.index != u32::MAX)
            .map(|i| i as u32)
    }
}

/// The original text of the wanted cells of one source, keyed by (line,
/// position in `columns`), masked as [`Personal`] says (`wanted` holds
/// whether the value read from the cell was masked). A source that cannot
/// be read again gives none (the report then names the column only).
pub fn original_cells(
    path: &Path,
    source: &SourceColumns,
    wanted: &BTreeMap<(u32, u32), bool>,
) -> HashMap<(u32, u32), String> {
    let mut out = HashMap::new();
    let Reread::MappedFile { encoding, options } = &source.reread;
    let Ok(file) = super::mapping::rows::read(path, *encoding, options, crate::i18n::Lang::En)
    else {
        return out;
    };
    // The file is read again a piece at a time on the pool, keeping only
    // the wanted cells.
    let pieces = file.rows.map_pieces(|found: &mut Vec<_>, row| {
        for (&(line, col), &masked) in wanted.range((row.line(), 0)..=(row.line(), u32::MAX)) {
            let Some(c) = source.columns.get(col as usize) else {
                continue;
            };
            // The row is there: a cell it lacks is an empty one.
            let text = row.text_at(c.index as usize).unwrap_or_default();
            let text = text.trim();
            let shown = if text.is_empty() {
                String::new()
            } else {
                c.personal.shown(text, masked)
            };
            found.push(((line, col), shown));
        }
    });
    out.extend(pieces.into_iter().flatten());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column(field: &str, index: u32, personal: Personal) -> SourceColumn {
        SourceColumn {
            collection: "access".into(),
            field: field.into(),
            column: format!("col{index}"),
            index,
            personal,
            translated: false,
        }
    }

    /// The cells are read back as written: an empty cell as "", a
    /// personal one masked, a name where an id belongs masked, an id not;
    /// a line the file lacks (changed since) gives nothing.
    #[test]
    fn cells_are_read_back_as_written_and_masked() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("a.csv");
        std::fs::write(
            &path,
            "时间,人,电话,备注\n2026/1/5 9:15,李强,13812345678,\n2026/1/6,S-03,,x\n",
        )
        .expect("write");
        let source = SourceColumns {
            columns: vec![
                column("at", 0, Personal::No),
                column("actor", 1, Personal::UnlessId),
                column("phone", 2, Personal::Always),
                column("note", 3, Personal::No),
            ],
            reread: Reread::MappedFile {
                encoding: None,
                options: ReadOptions::default(),
            },
        };
        let wanted: BTreeMap<(u32, u32), bool> = [
            ((2, 0), false),
            ((2, 1), false),
            ((2, 2), false),
            ((2, 3), false),
            ((3, 1), false),
            ((3, 3), true),
            ((9, 0), false),
        ]
        .into_iter()
        .collect();
        let got = original_cells(&path, &source, &wanted);
        assert_eq!(got[&(2, 0)], "2026/1/5 9:15");
        assert_eq!(got[&(2, 1)], "***");
        assert_eq!(got[&(2, 2)], "*********78");
        assert_eq!(got[&(2, 3)], "");
        assert_eq!(got[&(3, 1)], "S-03");
        assert_eq!(got[&(3, 3)], "***", "a masked value's text is masked");
        assert!(!got.contains_key(&(9, 0)));
        // A file gone since: nothing, so reports say it was not read again.
        std::fs::remove_file(&path).expect("rm");
        assert!(original_cells(&path, &source, &wanted).is_empty());
    }

    /// A field two entries read from two columns has no column.
    #[test]
    fn a_field_read_from_two_columns_has_none() {
        let mut source = SourceColumns {
            columns: Vec::new(),
            reread: Reread::MappedFile {
                encoding: None,
                options: ReadOptions::default(),
            },
        };
        source.add(column("at", 0, Personal::No));
        source.add(column("at", 0, Personal::No));
        assert_eq!(source.find("access", "at"), Some(0));
        source.add(column("at", 2, Personal::No));
        assert_eq!(source.find("access", "at"), None);
    }
}
