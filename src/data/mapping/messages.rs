//! Every message of the mapping, in one place (one function each), put
//! into words by the catalogue (i18n/*.ftl, section "Mapping"). Written for
//! a compliance officer who edits custodia.yaml: what is wrong, in the
//! officer's terms (file, column, value), and what to write.

use crate::check::schema::FieldType;
use crate::i18n::Lang;
use crate::t;

fn quoted(lang: Lang, items: &[&str]) -> String {
    items
        .iter()
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(&t!(lang, "list-comma"))
}

/// `; did you mean `x`?`, or nothing.
fn hint(lang: Lang, name: Option<&str>) -> String {
    name.map(|h| t!(lang, "mapping-did-you-mean", name = h))
        .unwrap_or_default()
}

/// What a field holds, in words (`one of "a", "b"`, `a date YYYY-MM-DD`).
pub fn expected(lang: Lang, ty: &FieldType) -> String {
    match ty {
        FieldType::Text | FieldType::Id | FieldType::Ref(_) => t!(lang, "mapping-expect-text"),
        FieldType::Enum(v) => {
            let values: Vec<String> = v.iter().map(|s| format!("\"{s}\"")).collect();
            t!(
                lang,
                "mapping-expect-enum",
                values = values.join(&t!(lang, "list-comma"))
            )
        }
        FieldType::Int => t!(lang, "mapping-expect-int"),
        FieldType::Decimal => t!(lang, "mapping-expect-decimal"),
        FieldType::Bool => t!(lang, "mapping-expect-bool"),
        FieldType::Date => t!(lang, "mapping-expect-date"),
        FieldType::DateTime => t!(lang, "mapping-expect-datetime"),
        FieldType::Duration => t!(lang, "mapping-expect-duration"),
        FieldType::List(inner) => t!(lang, "mapping-expect-list", item = expected(lang, inner)),
    }
}

/// Values with how many rows hold each, most frequent first, at most 10.
pub fn counted(lang: Lang, values: &[(String, u64)]) -> String {
    let mut shown: Vec<String> = values
        .iter()
        .take(10)
        .map(|(v, n)| {
            let value = crate::data::truncate(v);
            t!(lang, "mapping-value-count", value = value, count = *n)
        })
        .collect();
    if values.len() > 10 {
        shown.push(t!(lang, "mapping-and-more", count = values.len() - 10));
    }
    shown.join(&t!(lang, "list-comma"))
}

pub fn bad_glob(lang: Lang, pattern: &str) -> String {
    t!(lang, "mapping-bad-glob", pattern = pattern)
}

pub fn the_case_itself(lang: Lang, path: &str) -> String {
    t!(lang, "mapping-the-case-itself", path = path)
}

pub fn glob_matches_nothing(lang: Lang, pattern: &str) -> String {
    t!(lang, "mapping-glob-matches-nothing", pattern = pattern)
}

pub fn folder_entry(lang: Lang, folder: &str) -> String {
    t!(lang, "mapping-folder-entry", folder = folder)
}

pub fn no_such_column(
    lang: Lang,
    rel: &str,
    column: &str,
    near: Option<&str>,
    headers: &[String],
) -> String {
    let names: Vec<&str> = headers.iter().map(String::as_str).take(30).collect();
    t!(
        lang,
        "mapping-no-such-column",
        file = rel,
        column = column,
        hint = hint(lang, near),
        columns = quoted(lang, &names)
    )
}

pub fn column_twice(lang: Lang, column: &str, first: &str, second: &str) -> String {
    t!(
        lang,
        "mapping-column-twice",
        column = column,
        first = first,
        second = second
    )
}

pub fn shadowed_column(lang: Lang, rel: &str, field: &str) -> String {
    t!(lang, "mapping-shadowed-column", file = rel, field = field)
}

pub fn unmapped_required(lang: Lang, rel: &str, collection: &str, missing: &[&str]) -> String {
    t!(
        lang,
        "mapping-unmapped-required",
        file = rel,
        collection = collection,
        fields = quoted(lang, missing),
        count = missing.len()
    )
}

pub fn header_lacks(lang: Lang, collection: &str, missing: &[&str]) -> String {
    t!(
        lang,
        "mapping-header-lacks",
        collection = collection,
        columns = quoted(lang, missing),
        count = missing.len()
    )
}

pub fn no_collection(lang: Lang, name: &str) -> String {
    t!(lang, "mapping-no-collection", name = name)
}

pub fn no_table(lang: Lang, name: &str) -> String {
    t!(lang, "mapping-no-table", name = name)
}

pub fn unknown_kind(lang: Lang, kind: &str, kinds: &[&str]) -> String {
    let near = crate::check::suggest::did_you_mean(kind, kinds.iter().copied());
    t!(
        lang,
        "mapping-unknown-kind",
        kind = kind,
        hint = hint(lang, near),
        kinds = quoted(lang, kinds)
    )
}

pub fn other_kind(lang: Lang, named: &str, kind: &str, line: u32) -> String {
    t!(
        lang,
        "mapping-other-kind",
        named = named,
        kind = kind,
        line = line
    )
}

pub fn log_needs_kind(lang: Lang, rel: &str, kinds: &[&str]) -> String {
    t!(
        lang,
        "mapping-log-needs-kind",
        file = rel,
        kinds = quoted(lang, kinds)
    )
}

pub fn unknown_field(lang: Lang, name: &str, collection: &str, near: Option<&str>) -> String {
    t!(
        lang,
        "mapping-unknown-field",
        name = name,
        collection = collection,
        hint = hint(lang, near)
    )
}

pub fn column_and_constant(lang: Lang, name: &str) -> String {
    t!(lang, "mapping-column-and-constant", name = name)
}

pub fn no_column(lang: Lang, name: &str) -> String {
    t!(lang, "mapping-no-column", name = name)
}

pub fn bad_target(lang: Lang, field: &str, from: &str, to: &str, ty: &FieldType) -> String {
    let near = match ty {
        FieldType::Enum(allowed) => {
            crate::check::suggest::did_you_mean(to, allowed.iter().map(String::as_str))
        }
        _ => None,
    };
    t!(
        lang,
        "mapping-bad-target",
        field = field,
        from = from,
        to = to,
        expected = expected(lang, ty),
        hint = hint(lang, near)
    )
}

pub fn fill_in_value(lang: Lang, field: &str, from: &str, ty: &FieldType) -> String {
    let what = match ty {
        FieldType::Ref(_) | FieldType::Id => t!(lang, "mapping-the-id"),
        ty => expected(lang, ty),
    };
    t!(
        lang,
        "mapping-fill-in-value",
        field = field,
        from = from,
        what = what
    )
}

pub fn fill_in_column(lang: Lang, field: &str) -> String {
    t!(lang, "mapping-fill-in-column", field = field)
}

pub fn bad_constant(lang: Lang, field: &str, value: &str, ty: &FieldType) -> String {
    t!(
        lang,
        "mapping-bad-constant",
        field = field,
        value = value,
        expected = expected(lang, ty)
    )
}

pub fn format_not_date(lang: Lang, field: &str) -> String {
    t!(lang, "mapping-format-not-date", field = field)
}

pub fn unknown_format(lang: Lang, name: &str) -> String {
    let names: Vec<&str> = super::values::FORMAT_NAMES
        .iter()
        .map(|(n, _)| *n)
        .collect();
    t!(
        lang,
        "mapping-unknown-format",
        name = name,
        formats = quoted(lang, &names)
    )
}

pub fn separator_not_list(lang: Lang, field: &str) -> String {
    t!(lang, "mapping-separator-not-list", field = field)
}

pub fn bad_lookup(lang: Lang, text: &str) -> String {
    t!(lang, "mapping-bad-lookup", text = text)
}

pub fn lookup_without_source(lang: Lang, table: &str) -> String {
    t!(lang, "mapping-lookup-without-source", table = table)
}

pub fn lookup_through_lookup(lang: Lang, table: &str) -> String {
    t!(lang, "mapping-lookup-through-lookup", table = table)
}

pub fn lookup_table_unreadable(lang: Lang, table: &str) -> String {
    t!(lang, "mapping-lookup-table-unreadable", table = table)
}

pub fn values_missing(
    lang: Lang,
    rel: &str,
    column: &str,
    field: &str,
    missing: &[(String, u64)],
) -> String {
    t!(
        lang,
        "mapping-values-missing",
        field = field,
        column = column,
        file = rel,
        values = counted(lang, missing)
    )
}

pub fn not_values_of(
    lang: Lang,
    rel: &str,
    column: &str,
    field: &str,
    ty: &FieldType,
    bad: &[(String, u64)],
) -> String {
    t!(
        lang,
        "mapping-not-values-of",
        column = column,
        file = rel,
        field = field,
        values = counted(lang, bad),
        expected = expected(lang, ty)
    )
}

pub fn filter_selects_nothing(
    lang: Lang,
    rel: &str,
    column: &str,
    present: &[(String, u64)],
) -> String {
    t!(
        lang,
        "mapping-filter-selects-nothing",
        file = rel,
        column = column,
        values = counted(lang, present)
    )
}

/// `: `操作类型` = `登录` (3)`: the values of the filter's column among
/// rows no entry reads.
/// A mapped file with no header to map: a blank header row, or no line
/// that could be read.
pub fn no_header(lang: Lang, rel: &str) -> String {
    t!(lang, "mapping-no-header", file = rel)
}

/// How an empty cell is named among a column's values.
pub fn empty_value(lang: Lang) -> String {
    t!(lang, "mapping-empty-value")
}

pub fn by_value(lang: Lang, column: &str, present: &[(String, u64)]) -> String {
    t!(
        lang,
        "mapping-by-value",
        column = column,
        values = counted(lang, present)
    )
}

pub fn rows_unread(lang: Lang, rel: &str, count: u64, first_line: u32, by_value: &str) -> String {
    t!(
        lang,
        "mapping-rows-unread",
        count = count,
        file = rel,
        line = first_line,
        values = by_value
    )
}

pub fn rows_twice(lang: Lang, rel: &str, count: u64, first_line: u32, lines: (u32, u32)) -> String {
    t!(
        lang,
        "mapping-rows-twice",
        count = count,
        file = rel,
        line = first_line,
        first = lines.0,
        second = lines.1
    )
}

pub fn rows_skipped(lang: Lang, count: u64, line: u32) -> String {
    t!(lang, "mapping-rows-skipped", count = count, line = line)
}

/// The count and the `skip:` line of a [`rows_skipped`] note, written in
/// either language; `None` for any other message. The report reads them
/// back from the note: rows left out knowingly are scope that was not
/// checked, and the verdict names them (docs/reports.md, "Rows left out by
/// `skip:`").
pub fn read_rows_skipped(message: &str) -> Option<(u64, u32)> {
    Lang::ALL.into_iter().find_map(|lang| {
        let template = t!(
            lang,
            "mapping-rows-skipped",
            count = "\u{1}",
            line = "\u{2}"
        );
        read_two_numbers(&template, message)
    })
}

/// The numbers standing where `template` has `\u{1}` and `\u{2}`, when
/// `message` is that template filled in.
fn read_two_numbers(template: &str, message: &str) -> Option<(u64, u32)> {
    let (mut first, mut second) = (None, None);
    let mut rest = message;
    for part in template.split_inclusive(['\u{1}', '\u{2}']) {
        let slot = part
            .chars()
            .last()
            .filter(|c| matches!(c, '\u{1}' | '\u{2}'));
        let literal = &part[..part.len() - slot.map_or(0, char::len_utf8)];
        rest = rest.strip_prefix(literal)?;
        if let Some(slot) = slot {
            let end = rest
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(rest.len());
            let digits = &rest[..end];
            rest = &rest[end..];
            match slot {
                '\u{1}' => first = Some(digits.parse().ok()?),
                _ => second = Some(digits.parse().ok()?),
            }
        }
    }
    rest.is_empty().then_some(())?;
    Some((first?, second?))
}

pub fn skip_left_out_nothing(lang: Lang, line: u32) -> String {
    t!(lang, "mapping-skip-left-out-nothing", line = line)
}

pub fn unmapped_columns(lang: Lang, columns: &[&str]) -> String {
    // The first 20 in the file's order, as with undeclared columns (a JSONL file whose
    // lines each bring a key of their own once listed 20,000 of them).
    let max = crate::data::limits::MAX_UNDECLARED_NAMED;
    let mut named = quoted(lang, &columns[..columns.len().min(max)]);
    if columns.len() > max {
        named.push_str(&format!(
            ", {}",
            t!(lang, "mapping-and-more", count = columns.len() - max)
        ));
    }
    t!(lang, "mapping-unmapped-columns", columns = named)
}

/// `--strict`: a column of a mapped file that no entry reads.
pub fn unmapped_column_strict(lang: Lang, column: &str) -> String {
    t!(
        lang,
        "mapping-unmapped-column-strict",
        column = crate::text::invisibles_shown(column)
    )
}

/// `--strict`: how many more unread columns there are.
pub fn unmapped_columns_strict_more(lang: Lang, count: usize) -> String {
    t!(lang, "mapping-unmapped-columns-strict-more", count = count)
}

/// Row level: a JSON list or object where the field takes one value (or
/// a list of values holding a list or an object).
pub fn structured_cell(lang: Lang, column: &str, list: bool) -> String {
    if list {
        t!(lang, "mapping-list-cell", column = column)
    } else {
        t!(lang, "mapping-object-cell", column = column)
    }
}

pub fn cannot_map_format(lang: Lang, ext: &str) -> String {
    t!(lang, "mapping-cannot-map-format", ext = ext)
}

/// Row level: why a cell could not be read through the mapping.
/// A workbook's date cell a date or datetime field cannot take (a date
/// with a time into a date field, a date alone into a datetime field).
pub fn bad_date_cell(lang: Lang, column: &str, ty: &FieldType) -> String {
    t!(
        lang,
        "mapping-bad-date-cell",
        column = column,
        expected = expected(lang, ty)
    )
}

/// A number cell of 16 digits or more into an id, reference or text
/// field (review R32); the value is in the error, masked when personal.
pub fn long_number(lang: Lang, column: &str) -> String {
    t!(lang, "excel-long-number", column = column)
}

/// A number cell shown through a number format into an id, reference
/// or text field (hostile review, 2026-12-05).
pub fn formatted_number(lang: Lang, column: &str, format: &str) -> String {
    t!(
        lang,
        "excel-formatted-number",
        column = column,
        format = format
    )
}

/// A text cell whose number format adds text to it (`"R-"@`) into an id,
/// reference or text field (hostile review, 2026-12-07, F1).
pub fn formatted_text(lang: Lang, column: &str, format: &str) -> String {
    t!(
        lang,
        "excel-formatted-text",
        column = column,
        format = format
    )
}

/// A date, datetime or time cell into an id, reference or text field
/// (hostile review, 2026-12-04); `cell` is its (sheet row, column).
pub fn date_cell_refused(lang: Lang, column: &str, cell: Option<(u32, u32)>) -> String {
    let cell = cell.map_or(String::new(), |(line, c)| {
        format!("{}{line}", crate::data::excel::column_letters(c))
    });
    t!(
        lang,
        "excel-date-in-identifier",
        column = column,
        cell = cell
    )
}

pub fn bad_cell(
    lang: Lang,
    column: &str,
    ty: &FieldType,
    formats: &[super::values::DateFormat],
    text: &str,
) -> String {
    use super::values::{self, DateFormat, FORMAT_NAMES};
    let shown = match ty {
        FieldType::Date | FieldType::DateTime => {
            let datetime = *ty == FieldType::DateTime;
            let (day, time) = match datetime {
                true => values::split_day_and_time(text),
                false => (text.trim(), None),
            };
            // The day reads: the time is what is wrong, and `format:`
            // cannot help (hostile review f6, 2026-12-08: `下午3:30` was
            // told to add a form under `format:`, which has none for it).
            if let (true, Some(time)) = (datetime, time) {
                if values::date(day, formats).is_some() {
                    return t!(
                        lang,
                        "mapping-bad-cell",
                        column = column,
                        expected = bad_clock(lang, time)
                    );
                }
            }
            let names: Vec<&str> = FORMAT_NAMES
                .iter()
                .filter(|(_, f)| formats.contains(f))
                .map(|(n, _)| *n)
                .collect();
            let forms = names.join(&t!(lang, "list-comma"));
            // Advise a form only when one that `format:` can name reads
            // the day; else say that none does.
            let other = FORMAT_NAMES
                .iter()
                .find(|(_, f)| !formats.contains(f) && values::date(day, &[*f]).is_some());
            let advice = match other {
                Some((name, _)) => t!(lang, "mapping-date-advice-add-form", form = *name),
                None => t!(lang, "mapping-date-advice-none"),
            };
            // A number refused by `excel` is said why (review: `12` read
            // as a day of 1900).
            let excel = formats.contains(&DateFormat::Excel);
            match (datetime, excel) {
                (true, false) => t!(
                    lang,
                    "mapping-expect-date-time-as",
                    forms = forms,
                    advice = advice
                ),
                (false, false) => t!(
                    lang,
                    "mapping-expect-date-as",
                    forms = forms,
                    advice = advice
                ),
                (true, true) => t!(
                    lang,
                    "mapping-expect-date-time-as-excel",
                    forms = forms,
                    advice = advice
                ),
                (false, true) => t!(
                    lang,
                    "mapping-expect-date-as-excel",
                    forms = forms,
                    advice = advice
                ),
            }
        }
        FieldType::Duration => match crate::data::durations::refused(text) {
            Some(why) => {
                return t!(
                    lang,
                    "mapping-cell-refused",
                    column = column,
                    why = why.text(lang)
                )
            }
            None => t!(lang, "mapping-expect-duration-words"),
        },
        ty => expected(lang, ty),
    };
    t!(lang, "mapping-bad-cell", column = column, expected = shown)
}

/// What a time after a day that reads should have been: the clock forms
/// read, or why a part of the day such as `晚上` is not read.
fn bad_clock(lang: Lang, time: &str) -> String {
    match super::values::PARTS_OF_DAY
        .iter()
        .find(|p| time.contains(*p))
    {
        Some(part) => t!(lang, "mapping-expect-clock-part-of-day", part = *part),
        None => t!(lang, "mapping-expect-clock"),
    }
}

/// A date where the field is a date and time: `format:` cannot help, the
/// time of day was not recorded.
pub fn date_without_time(lang: Lang, column: &str) -> String {
    let expected = t!(lang, "mapping-expect-time-of-day");
    t!(
        lang,
        "mapping-bad-cell",
        column = column,
        expected = expected
    )
}

pub fn lookup_unknown(lang: Lang, column: &str, table: &str, by: &str) -> String {
    t!(
        lang,
        "mapping-lookup-unknown",
        column = column,
        table = table,
        by = by
    )
}

pub fn lookup_ambiguous(lang: Lang, column: &str, table: &str, by: &str, ids: &[String]) -> String {
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    t!(
        lang,
        "mapping-lookup-ambiguous",
        column = column,
        table = table,
        by = by,
        ids = quoted(lang, &ids)
    )
}

/// A value map's exception that names what a row of the lookup table
/// also has (`mapping::exception_shadowing_a_row`).
pub fn exception_shadows_row(
    lang: Lang,
    column: &str,
    table: &str,
    by: &str,
    name: &str,
    id: &str,
    ids: &[String],
) -> String {
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    t!(
        lang,
        "mapping-lookup-exception-shadows",
        column = column,
        table = table,
        by = by,
        name = name,
        id = id,
        ids = quoted(lang, &ids)
    )
}

/// A value map's exception whose id a row of the lookup table has under
/// another name (`mapping::exception_taking_a_rows_id`).
pub fn exception_takes_rows_id(
    lang: Lang,
    column: &str,
    table: &str,
    by: &str,
    name: &str,
    id: &str,
    other: &str,
) -> String {
    t!(
        lang,
        "mapping-lookup-exception-takes-id",
        column = column,
        table = table,
        by = by,
        name = name,
        id = id,
        other = other
    )
}

/// Said after a converter's message for a mapped field.
pub fn from_column(lang: Lang, column: &str) -> String {
    t!(lang, "mapping-from-column", column = column)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The report finds the rows a `skip:` left out in its note, in either
    /// language, and in no other message.
    #[test]
    fn a_skip_note_is_read_back() {
        for lang in Lang::ALL {
            for (count, line) in [(1, 3), (2, 11), (1_234_567, 99_999)] {
                let message = rows_skipped(lang, count, line);
                assert_eq!(
                    read_rows_skipped(&message),
                    Some((count, line)),
                    "{message}"
                );
            }
            let nothing = skip_left_out_nothing(lang, 11);
            assert_eq!(read_rows_skipped(&nothing), None);
            let longer = rows_skipped(lang, 2, 11) + " and more";
            assert_eq!(read_rows_skipped(&longer), None);
        }
        assert_eq!(read_rows_skipped(""), None);
    }
}
