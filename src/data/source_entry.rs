//! A source entry of `custodia.yaml`: where a collection's rows come from.
//! The short form is a path (`inventory: 案卷目录.xlsx`); the long form a map
//! with `file` and how to read it (`sheet`, `header_row`). An unknown key
//! is an error naming it.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use super::excel::SheetChoice;

/// How to read one file beyond its path.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// The workbook sheet to read; `None` is the first visible worksheet.
    pub sheet: Option<SheetChoice>,
    /// 1-based row of the header; `None` is row 1.
    pub header_row: Option<u32>,
}

impl ReadOptions {
    pub fn is_default(&self) -> bool {
        *self == ReadOptions::default()
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceEntry {
    pub file: String,
    pub read: ReadOptions,
}

/// The long form, as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LongForm {
    file: String,
    #[serde(default)]
    sheet: Option<SheetName>,
    #[serde(default)]
    header_row: Option<u32>,
}

/// `sheet: 目录` or `sheet: 2` (a number is a position; quote it, `sheet:
/// "2"`, for a sheet named 2).
struct SheetName(SheetChoice);

impl<'de> Deserialize<'de> for SheetName {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = SheetName;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a sheet name or a 1-based sheet number")
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<SheetName, E> {
                match u32::try_from(n) {
                    Ok(n) if n >= 1 => Ok(SheetName(SheetChoice::Index(n))),
                    _ => Err(E::custom(format!(
                        "sheet number {n}: sheets are numbered from 1"
                    ))),
                }
            }
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<SheetName, E> {
                match u64::try_from(n) {
                    Ok(n) => self.visit_u64(n),
                    Err(_) => Err(E::custom(format!(
                        "sheet number {n}: sheets are numbered from 1"
                    ))),
                }
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<SheetName, E> {
                Ok(SheetName(SheetChoice::Name(s.to_string())))
            }
        }
        d.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for SourceEntry {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(EntryVisitor)
    }
}

struct EntryVisitor;

impl<'de> Visitor<'de> for EntryVisitor {
    type Value = SourceEntry;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a file path, or a map with `file` (and `sheet`, `header_row`)")
    }
    fn visit_str<E: de::Error>(self, s: &str) -> Result<SourceEntry, E> {
        Ok(SourceEntry {
            file: s.to_string(),
            read: ReadOptions::default(),
        })
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<SourceEntry, A::Error> {
        let long = LongForm::deserialize(de::value::MapAccessDeserializer::new(map))?;
        if long.header_row == Some(0) {
            return Err(de::Error::custom(
                "`header_row` counts from 1 (row 1 is the first row)",
            ));
        }
        Ok(SourceEntry {
            file: long.file,
            read: ReadOptions {
                sheet: long.sheet.map(|s| s.0),
                header_row: long.header_row,
            },
        })
    }
}

/// One source entry or a list of them (`logs:`).
#[derive(Debug)]
pub struct SourceList(pub Vec<SourceEntry>);

impl<'de> Deserialize<'de> for SourceList {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = SourceList;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a source entry or a list of them")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<SourceList, E> {
                EntryVisitor.visit_str(s).map(|e| SourceList(vec![e]))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<SourceList, A::Error> {
                EntryVisitor.visit_map(map).map(|e| SourceList(vec![e]))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<SourceList, A::Error> {
                let mut out = Vec::new();
                while let Some(e) = seq.next_element::<SourceEntry>()? {
                    out.push(e);
                }
                Ok(SourceList(out))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(yaml: &str) -> Result<SourceEntry, String> {
        serde_saphyr::from_str::<SourceEntry>(yaml).map_err(|e| e.to_string())
    }

    #[test]
    fn the_short_form_is_a_path() {
        let e = entry("案卷目录.xlsx").expect("a path");
        assert_eq!(e.file, "案卷目录.xlsx");
        assert!(e.read.is_default());
    }

    #[test]
    fn the_long_form_names_the_sheet_and_header_row() {
        let e = entry("file: a.xlsx\nsheet: 目录\nheader_row: 2\n").expect("a map");
        assert_eq!(e.file, "a.xlsx");
        assert_eq!(e.read.sheet, Some(SheetChoice::Name("目录".into())));
        assert_eq!(e.read.header_row, Some(2));
        let e = entry("file: a.xlsx\nsheet: 2\n").expect("a map");
        assert_eq!(e.read.sheet, Some(SheetChoice::Index(2)));
        let e = entry("file: a.xlsx\nsheet: \"2\"\n").expect("a map");
        assert_eq!(e.read.sheet, Some(SheetChoice::Name("2".into())));
    }

    #[test]
    fn unknown_keys_and_bad_values_are_named() {
        let e = entry("file: a.xlsx\nshet: 目录\n").expect_err("unknown key");
        assert!(e.contains("shet"), "{e}");
        let e = entry("file: a.xlsx\nheader_row: 0\n").expect_err("row 0");
        assert!(e.contains("counts from 1"), "{e}");
        let e = entry("file: a.xlsx\nsheet: 0\n").expect_err("sheet 0");
        assert!(e.contains("numbered from 1"), "{e}");
        assert!(entry("sheet: 1\n").is_err(), "file is required");
    }

    #[test]
    fn a_list_takes_both_forms() {
        let l = serde_saphyr::from_str::<SourceList>("- a.csv\n- file: b.xlsx\n  sheet: 2\n")
            .expect("a list");
        assert_eq!(l.0.len(), 2);
        assert_eq!(l.0[1].read.sheet, Some(SheetChoice::Index(2)));
    }
}
