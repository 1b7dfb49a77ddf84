//! What the day a check is "as of" and the zone it counts days in must
//! agree with before the rules judge deadlines by them.

use crate::check::schema::{CollKind, FieldType};
use crate::check::Checked;
use crate::data::{Dataset, InputError};
use crate::i18n::Lang;
use crate::t;
use crate::value::{FieldId, Value};
use jiff::civil::Date;
use jiff::tz::TimeZone;

/// A company fact dated after `as_of` (`deregistration_filed` in November
/// for a check as of January): the case's own facts say the deadlines
/// they start have run, while the check, as of a day before them, finds
/// each "not yet due". A leftover `as_of` passed a company that had filed
/// without ever announcing to its creditors (hostile review, 2026-12-07).
/// Events so dated are `integrity.future_event`; a fact is an input error.
/// Only the facts the standard schema names, which each say a day that has
/// come (the cause of dissolution, the filing, ...): a company's own fact
/// may be a plan.
pub fn company_facts_after_as_of(
    checked: &Checked,
    ds: &Dataset,
    tz: &TimeZone,
    as_of: Date,
    lang: Lang,
) -> Vec<InputError> {
    let schema = &checked.schema;
    let Some(coll) = schema.company() else {
        return vec![];
    };
    let table = ds.table(coll);
    if table.is_empty() || schema.collection(coll).kind != CollKind::Company {
        return vec![];
    }
    let (file, origin) = ds.origin(coll, 0);
    let company = &schema.collection(coll).name;
    let fields = schema.collection(coll).fields.iter().enumerate();
    fields
        .filter(|(_, f)| matches!(f.ty, FieldType::Date | FieldType::DateTime))
        .filter(|(_, f)| crate::check::is_standard_field(company, &f.name))
        .filter_map(|(i, f)| {
            let day = day_of(table.get(0, FieldId(i as u32)), tz)?;
            // A fact declared personal is shown masked, as everywhere.
            let shown = match f.pii {
                true => crate::pii::mask(&day.to_string()),
                false => day.to_string(),
            };
            (day > as_of).then(|| InputError {
                file: file.path.clone(),
                line: (origin.line > 0).then_some(origin.line),
                column: None,
                field: Some(f.name.clone()),
                value: Some(shown.clone()),
                message: t!(
                    lang,
                    "input-company-fact-after-as-of",
                    field = f.name.as_str(),
                    date = shown,
                    as_of = as_of.to_string()
                ),
            })
        })
        .collect()
}

/// Records `created` after `as_of`: the check is as of a day before they
/// existed, so every period and deadline they start is found "not yet
/// due". A manifest's `as_of: 2001-01-01` over records of 2015-2019 gave
/// COMPLIANT, exit 0 (hostile review h23c). One error per file, at its
/// first such row, with the count: a run as of a filing day over an
/// export taken later names the export once, not every later record.
pub fn records_created_after_as_of(
    checked: &Checked,
    ds: &Dataset,
    tz: &TimeZone,
    as_of: Date,
    lang: Lang,
) -> Vec<InputError> {
    let schema = &checked.schema;
    // Per file: how many, the first one's line, and its day as shown.
    let mut per_file: std::collections::BTreeMap<u32, (u64, u32, String)> = Default::default();
    for coll in schema.ids() {
        let c = schema.collection(coll);
        let Some(created) = c.field_id("created") else {
            continue;
        };
        if c.kind != CollKind::Record {
            continue;
        }
        let table = ds.table(coll);
        for row in 0..table.len() {
            let Some(day) = day_of(table.get(row, created), tz).filter(|d| *d > as_of) else {
                continue;
            };
            // A day declared personal is shown masked, as everywhere.
            let shown = match c.field(created).pii {
                true => crate::pii::mask(&day.to_string()),
                false => day.to_string(),
            };
            let origin = table.origin(row);
            let entry = per_file
                .entry(origin.file)
                .or_insert((0, origin.line, shown));
            entry.0 += 1;
        }
    }
    (per_file.into_iter())
        .map(|(file, (count, line, day))| InputError {
            file: ds.files[file as usize].path.clone(),
            line: (line > 0).then_some(line),
            column: None,
            field: Some("created".into()),
            value: Some(day.clone()),
            message: t!(
                lang,
                "input-records-created-after-as-of",
                count = count,
                date = day,
                as_of = as_of.to_string()
            ),
        })
        .collect()
}

/// The day of a date or a datetime (in the case's zone).
fn day_of(v: Value, tz: &TimeZone) -> Option<Date> {
    match v {
        Value::Date(d) => Some(d),
        Value::DateTime(t) => Some(
            jiff::Timestamp::from_second(t)
                .ok()?
                .to_zoned(tz.clone())
                .date(),
        ),
        _ => None,
    }
}

/// The Chinese packs count the days of Chinese law, which are days in
/// Beijing time. Counted in another zone, an announcement at 07:30 Beijing
/// time on the day after its deadline (`23:30Z` the day before) was on
/// time, COMPLIANT with no word (hostile review, 2026-12-07). A case whose
/// zone is not eight hours ahead of UTC on `as_of` is stopped before its
/// deadlines are judged.
pub fn zone_for_chinese_packs(
    packs: &[String],
    (tz_name, zone_from): (&str, &str),
    tz: &TimeZone,
    as_of: Date,
    lang: Lang,
) -> Option<InputError> {
    let chinese: Vec<&str> = (packs.iter())
        .filter(|p| p.starts_with("cn/"))
        .map(String::as_str)
        .collect();
    let noon = as_of.at(12, 0, 0, 0).to_zoned(tz.clone()).ok()?;
    if chinese.is_empty() || noon.offset().seconds() == 8 * 3600 {
        return None;
    }
    Some(InputError::file(
        zone_from,
        &t!(
            lang,
            "input-zone-for-chinese-packs",
            zone = tz_name,
            offset = offset_text(noon.offset().seconds()),
            packs = chinese.join(", ")
        ),
    ))
}

/// `+08:00`, `-05:00`, `+00:00`.
fn offset_text(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.unsigned_abs() / 60;
    format!("{sign}{:02}:{:02}", minutes / 60, minutes % 60)
}
