//! Parquet files (cargo feature `parquet`; docs/inputs-and-reports.md):
//! each row of the file as a row of typed cells, loaded through the same
//! row path as a JSONL line. A row's place is its 1-based row number in
//! the file (reported as its line), a cell's column its field's position.
//!
//! Types: booleans and integers stay what they are; floats are numbers;
//! text is text; a `DATE` is `YYYY-MM-DD`; a timestamp adjusted to UTC
//! (and Spark's `INT96`) is an instant (`...Z`), one that is not is a local
//! date and time read in the case's time zone like any other; a decimal is
//! its exact text; a list is a list. Binary values, nested groups and maps
//! are input errors of their row, never dropped.

use crate::msg;
use std::path::Path;

use parquet::basic::{LogicalType, TimeUnit};
use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::record::Field;
use serde_json::Value as Json;

use super::read::{Raw, RawRow, ReadError};

/// How a top-level column's integers are read beyond their physical type.
#[derive(Clone, Copy)]
enum Kind {
    Plain,
    /// A timestamp: adjusted to UTC or local, and its unit.
    Timestamp {
        utc: bool,
        per_second: i64,
    },
}

/// Why a file is not Parquet, with the reader's own words.
fn not_parquet(e: impl std::fmt::Display) -> String {
    msg!("parquet-cannot-read", reason = e.to_string()).words()
}

/// The rows of the Parquet file at `path`, or why it cannot be read.
pub fn read(path: &Path) -> Result<(Vec<RawRow>, Vec<ReadError>), String> {
    read_table(path).map(|(_, rows, errors)| (rows, errors))
}

/// A file's header, its rows and the errors of rows left out.
pub type Table = (Vec<String>, Vec<RawRow>, Vec<ReadError>);

/// [`read`], with the file's top-level column names in order (its header,
/// for a mapping: known even when the file has no row).
pub fn read_table(path: &Path) -> Result<Table, String> {
    let file =
        std::fs::File::open(path).map_err(|e| msg!("load-cannot-read", reason = &e).words())?;
    let reader = SerializedFileReader::new(file).map_err(not_parquet)?;
    let kinds: Vec<(String, Kind)> = reader
        .metadata()
        .file_metadata()
        .schema()
        .get_fields()
        .iter()
        .map(|t| {
            let info = t.get_basic_info();
            (info.name().to_string(), kind(info.logical_type_ref()))
        })
        .collect();
    // Two columns of one name: a row's cells are found by name, and the
    // last one won without a word (hostile review, 2026-12-06: a second
    // `record` column hid the first). As a CSV header naming a column
    // twice, the file is not read.
    for (second, (name, _)) in kinds.iter().enumerate() {
        if let Some(first) = kinds[..second].iter().position(|(n, _)| n == name) {
            return Err(msg!(
                "parquet-duplicate-column",
                column = name.as_str(),
                first = first + 1,
                second = second + 1
            )
            .words());
        }
    }
    let rows = reader.get_row_iter(None).map_err(not_parquet)?;
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (i, row) in rows.enumerate() {
        let number = u32::try_from(i + 1).unwrap_or(u32::MAX);
        // A page that does not decode ends the file: the rows after it
        // cannot be located, so the file is partly read (an input error).
        let row = row.map_err(|e| {
            msg!(
                "parquet-row-unreadable",
                row = number,
                reason = e.to_string()
            )
            .words()
        })?;
        let mut cells = Vec::new();
        let mut bad = None;
        for (position, (name, field)) in row.get_column_iter().enumerate() {
            let k = kinds
                .iter()
                .find(|(n, _)| n == name)
                .map_or(Kind::Plain, |(_, k)| *k);
            match cell(field, k) {
                Ok(v) => cells.push((name.clone(), Raw::Json(v), Some(position as u32 + 1))),
                Err(m) => {
                    bad = Some(ReadError {
                        line: Some(number),
                        column: Some(position as u32 + 1),
                        message: msg!("parquet-bad-cell", column = name, problem = m).words(),
                    });
                    break;
                }
            }
        }
        match bad {
            Some(e) => errors.push(e),
            None => out.push(RawRow {
                line: number,
                offset: 0,
                cells,
            }),
        }
    }
    let header = kinds.into_iter().map(|(name, _)| name).collect();
    Ok((header, out, errors))
}

fn kind(logical: Option<&LogicalType>) -> Kind {
    match logical {
        Some(LogicalType::Timestamp(t)) => Kind::Timestamp {
            utc: t.is_adjusted_to_u_t_c,
            per_second: match t.unit {
                TimeUnit::MILLIS => 1_000,
                TimeUnit::MICROS => 1_000_000,
                _ => 1_000_000_000,
            },
        },
        _ => Kind::Plain,
    }
}

/// One value as the JSONL reader would hand it over.
fn cell(field: &Field, k: Kind) -> Result<Json, String> {
    Ok(match field {
        Field::Null => Json::Null,
        Field::Bool(b) => Json::Bool(*b),
        Field::Byte(n) => Json::from(*n),
        Field::Short(n) => Json::from(*n),
        Field::Int(n) => Json::from(*n),
        Field::Long(n) => match k {
            Kind::Timestamp { utc, per_second } => timestamp(*n, per_second, utc)?,
            Kind::Plain => Json::from(*n),
        },
        Field::UByte(n) => Json::from(*n),
        Field::UShort(n) => Json::from(*n),
        Field::UInt(n) => Json::from(*n),
        Field::ULong(n) => Json::from(*n),
        Field::Float16(f) => number(f64::from(*f))?,
        Field::Float(f) => number(f64::from(*f))?,
        Field::Double(f) => number(*f)?,
        Field::Decimal(d) => Json::String(decimal(d.data(), d.scale())?),
        Field::Str(s) => Json::String(s.clone()),
        Field::Date(days) => {
            let day = jiff::civil::date(1970, 1, 1)
                .checked_add(jiff::Span::new().days(i64::from(*days)))
                .map_err(|_| msg!("parquet-date-out-of-range", days = *days).words())?;
            Json::String(day.to_string())
        }
        Field::TimestampMillis(ms) => {
            let utc = !matches!(k, Kind::Timestamp { utc: false, .. });
            timestamp(*ms, 1_000, utc)?
        }
        Field::TimestampMicros(us) => {
            let utc = !matches!(k, Kind::Timestamp { utc: false, .. });
            timestamp(*us, 1_000_000, utc)?
        }
        Field::ListInternal(list) => Json::Array(
            list.elements()
                .iter()
                .map(|f| cell(f, Kind::Plain))
                .collect::<Result<_, _>>()?,
        ),
        Field::Bytes(_) => return Err(msg!("parquet-binary").words()),
        Field::TimeMillis(_) | Field::TimeMicros(_) => {
            return Err(msg!("parquet-time-of-day").words())
        }
        Field::Group(_) => return Err(msg!("parquet-group").words()),
        Field::MapInternal(_) => return Err(msg!("parquet-map").words()),
    })
}

fn number(f: f64) -> Result<Json, String> {
    serde_json::Number::from_f64(f)
        .map(Json::Number)
        .ok_or_else(|| msg!("parquet-bad-number", number = f.to_string()).words())
}

/// An instant (`Z`) or a local date and time, to the second when whole.
fn timestamp(n: i64, per_second: i64, utc: bool) -> Result<Json, String> {
    let nanos = i128::from(n) * i128::from(1_000_000_000 / per_second);
    let ts = jiff::Timestamp::from_nanosecond(nanos)
        .map_err(|_| msg!("parquet-timestamp-out-of-range", value = n.to_string()).words())?;
    Ok(Json::String(if utc {
        ts.to_string()
    } else {
        ts.to_zoned(jiff::tz::TimeZone::UTC).datetime().to_string()
    }))
}

/// A decimal's exact text from its unscaled big-endian two's complement
/// bytes (up to 16) and its scale.
fn decimal(bytes: &[u8], scale: i32) -> Result<String, String> {
    if bytes.is_empty() || bytes.len() > 16 {
        return Err(msg!("parquet-decimal-bytes", bytes = bytes.len()).words());
    }
    let fill = if bytes[0] & 0x80 != 0 { 0xFF } else { 0 };
    let mut wide = [fill; 16];
    wide[16 - bytes.len()..].copy_from_slice(bytes);
    let unscaled = i128::from_be_bytes(wide);
    let digits = unscaled.unsigned_abs().to_string();
    let sign = if unscaled < 0 { "-" } else { "" };
    let scale =
        usize::try_from(scale).map_err(|_| msg!("parquet-decimal-scale", scale = scale).words())?;
    if scale == 0 {
        return Ok(format!("{sign}{digits}"));
    }
    let digits = format!("{digits:0>width$}", width = scale + 1);
    let (int, frac) = digits.split_at(digits.len() - scale);
    Ok(format!("{sign}{int}.{frac}"))
}
