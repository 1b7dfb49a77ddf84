//! Checks on a CSV record that spans lines (a quoted field holding line
//! breaks), for both CSV readers (by convention and mapped: both read
//! through `read::csv_body`). A quote opened by mistake makes one cell of
//! the rows below it, down to the next quote; the csv crate reads that as
//! a valid field, and the rows it holds would vanish without an error.
//!
//! Both checks run only on a record whose last line is past its first,
//! which `csv_body` knows from the line count it keeps anyway: a file
//! without multi-line cells pays nothing for them.

use super::read::ReadError;
use super::split::fields_in_line;
use crate::msg;

/// Swallowed lines named one by one (a range of consecutive lines counts
/// as one); the rest are counted.
const MAX_LINES_NAMED: usize = 5;

/// A record spanning `lines` lines, more than `MAX_RECORD_LINES`: a quoted
/// field that swallowed the rows below it. The record is left out with an
/// error at its first line; the rows it swallowed are lost with it, so the
/// file is not complete (exit 2), never a quiet cell of a thousand rows.
pub(super) fn too_many_lines(lines: u32, line: u32) -> Option<ReadError> {
    let max = super::limits::MAX_RECORD_LINES;
    (lines as usize > max).then(|| ReadError {
        line: Some(line),
        column: None,
        message: msg!("read-csv-record-too-long", lines = lines, max = max).words(),
    })
}

/// A record starting at `line` whose quoted field holds a line (after the
/// field's first) that reads as a whole row of the file: as many fields as
/// the header's `width`, under the file's separator and quoting, and not
/// only separators. A stray pair of quotes around rows makes such a
/// record, and one with as many fields as the header passed as one row
/// with a long cell, the rows inside lost (a false "compliant"). A
/// genuine multi-line remark has lines of prose, not of rows.
///
/// A file of one column has no separator to tell a row from a line of
/// remark: the check does not apply to it. A line break in a field is a
/// line break of the file (they sit inside quotes, which unescaping leaves
/// as they are), so the file's line of each is counted from them.
pub(super) fn swallowed_rows(
    fields: super::read::Fields<'_>,
    width: usize,
    line: u32,
) -> Option<ReadError> {
    if width < 2 {
        return None;
    }
    let shapes: Vec<String> = fields
        .iter()
        .map(|field| shape(field.split(is_break).next().unwrap_or("")))
        .collect();
    let mut found = Vec::new();
    let (mut column, mut end) = (0, line);
    let mut field_line = line;
    for (i, field) in fields.iter().enumerate() {
        let breaks = newlines(field);
        if breaks == 0 && !has_other_breaks(field.as_bytes()) {
            continue;
        }
        let before = found.len();
        // The field's first line continues its row's line: not a row.
        for (k, piece) in field.split('\n').enumerate() {
            let piece = piece.strip_suffix('\r').unwrap_or(piece);
            let mut texts = piece.split(OTHER_BREAKS);
            if k == 0 {
                texts.next();
            }
            if texts.any(|text| reads_as_row(text, width) || starts_like(text, &shapes)) {
                found.push(field_line + k as u32);
            }
        }
        if before == 0 && !found.is_empty() {
            column = i as u32 + 1;
            end = field_line + breaks;
        }
        field_line += breaks;
    }
    if found.is_empty() {
        return None;
    }
    if end == line {
        // Only breaks that are no line end of the file: no line to name.
        return Some(ReadError {
            line: Some(line),
            column: Some(column),
            message: msg!("read-csv-swallowed-rows-unseen-breaks").words(),
        });
    }
    let (lines, more) = named_lines(&found);
    Some(ReadError {
        line: Some(line),
        column: Some(column),
        message: msg!(
            "read-csv-swallowed-rows",
            count = found.len(),
            lines = lines,
            more = more,
            end = end
        )
        .words(),
    })
}

/// A header whose quoted name holds lines that read as rows: as many
/// fields as the header, or three or more (a name broken over two lines,
/// `保管期限` over `（年）`, has none). A quote opened in the header made
/// the rows below it one column name, the column was then "absent", and
/// the run passed (hostile review, 2026-12-06). The header is line 1.
pub(super) fn header_swallowed_rows(headers: &[String]) -> Option<ReadError> {
    let mut line = 1;
    for (i, name) in headers.iter().enumerate() {
        let rows_inside = name.split(is_break).skip(1).any(|text| {
            let text = text.trim();
            reads_as_row(text, headers.len()) || super::split::line_fields(text).len() >= 3
        });
        if rows_inside {
            return Some(ReadError {
                line: Some(line),
                column: Some(i as u32 + 1),
                message: msg!(
                    "read-csv-header-swallowed-rows",
                    end = line + newlines(name)
                )
                .words(),
            });
        }
        line += newlines(name);
    }
    None
}

/// A line of a cell that would be a row of the file: as many fields as the
/// header, and something besides separators.
fn reads_as_row(text: &str, width: usize) -> bool {
    text.bytes().any(|b| b != b',' && !b.is_ascii_whitespace()) && fields_in_line(text) == width
}

/// A line of a cell that starts like the record's own row: two fields or
/// more, the first shaped like the record's first field and the second
/// like its second (shapes by `shape`). A stray quote swallows short rows
/// as well as whole ones (a log that leaves trailing empty fields out);
/// such a row, read as a row, would have been an error, so its loss must
/// be one too. A line of prose with a comma starts with words, not with a
/// value shaped like the row's id and the field after it.
fn starts_like(text: &str, shapes: &[String]) -> bool {
    let fields = super::split::line_fields(text);
    // Three fields at least where the file has three (a remark line
    // `Paper, 30 years` under `ledger,30 years,…` is two), and a first
    // value that is not a bare word (prose starts with one; an id, a
    // date or a number does not).
    fields.len() >= shapes.len().min(3)
        && shapes.len() >= 2
        && shapes[0] != "a"
        && fields
            .iter()
            .zip(shapes)
            .take(2)
            .all(|(field, shape_of_row)| !shape_of_row.is_empty() && shape(field) == *shape_of_row)
}

/// A value's shape: each run of digits `9`, each run of letters (any
/// script) `a`, each run of spaces one space, quotes dropped, anything else
/// as it is: `ACC-000123` and `ACC-9` are both `a-9`, `2026-02-10` is
/// `9-9-9`, `客户回访 (补)` is `a (a)`.
fn shape(value: &str) -> String {
    let value = value.trim().trim_matches('"');
    // Every way of writing a date or a datetime is one shape: a log that
    // mixes `2026-02-03T14:20:00+08:00` and `2026-02-10 16:45` (as acme's
    // does) has both in the first column.
    if starts_with_date(value) {
        return "D".into();
    }
    let mut out = String::new();
    for c in value.chars().filter(|&c| c != '"') {
        let class = if c.is_numeric() {
            '9'
        } else if c.is_alphabetic() {
            'a'
        } else if c.is_whitespace() {
            ' '
        } else {
            c
        };
        if !(matches!(class, '9' | 'a' | ' ') && out.ends_with(class)) {
            out.push(class);
        }
    }
    out
}

/// `2026-02-03`, `2026/2/3`, `2026.02.03` or `2026年2月3日` at the start.
fn starts_with_date(value: &str) -> bool {
    let b = value.as_bytes();
    let year = b.len() >= 6 && b[..4].iter().all(u8::is_ascii_digit);
    year && (matches!(b[4], b'-' | b'/' | b'.') && b[5].is_ascii_digit()
        || value[4..].starts_with('年'))
}

/// Line breaks inside a quoted field that are not the file's line ends:
/// a lone carriage return (a "CSV (Macintosh)" file keeps those inside
/// quotes, `split::lone_cr_to_lf`) and the Unicode line and paragraph
/// separators and next-line, which editors show as line breaks. Rows
/// after one were swallowed unchecked, and the run said COMPLIANT
/// (hostile review, 2026-12-06); they are looked at as lines, counted in
/// the file's line they sit in.
const OTHER_BREAKS: [char; 4] = ['\r', '\u{2028}', '\u{2029}', '\u{85}'];

/// A line end of the file or one of [`OTHER_BREAKS`].
fn is_break(c: char) -> bool {
    c == '\n' || OTHER_BREAKS.contains(&c)
}

/// Whether a quoted field's bytes hold one of [`OTHER_BREAKS`] (a `\r`
/// of a `\r\n` line end does not count).
pub(super) fn has_other_breaks(bytes: &[u8]) -> bool {
    memchr::memchr3_iter(b'\r', 0xe2, 0xc2, bytes).any(|i| match bytes[i] {
        b'\r' => bytes.get(i + 1) != Some(&b'\n'),
        0xe2 => matches!(bytes.get(i + 1..i + 3), Some([0x80, 0xa8 | 0xa9])),
        _ => bytes.get(i + 1) == Some(&0x85),
    })
}

fn newlines(text: &str) -> u32 {
    memchr::memchr_iter(b'\n', text.as_bytes()).count() as u32
}

/// `lines` (increasing) as a list of lines and ranges in the run's message
/// language, at most `MAX_LINES_NAMED` of them, and the words counting the
/// lines not named (empty when all are).
fn named_lines(lines: &[u32]) -> (String, String) {
    let lang = crate::i18n::message_lang();
    let mut ranges: Vec<(u32, u32)> = Vec::new();
    for &l in lines {
        match ranges.last_mut() {
            Some((_, last)) if *last + 1 == l => *last = l,
            _ => ranges.push((l, l)),
        }
    }
    let named: Vec<String> = ranges
        .iter()
        .take(MAX_LINES_NAMED)
        .map(|&(first, last)| match last - first {
            0 => first.to_string(),
            _ => crate::t!(lang, "read-csv-line-range", first = first, last = last),
        })
        .collect();
    let left: u32 = ranges
        .iter()
        .skip(MAX_LINES_NAMED)
        .map(|(first, last)| last - first + 1)
        .sum();
    let more = match left {
        0 => String::new(),
        _ => crate::t!(lang, "read-csv-more-lines", count = left),
    };
    (named.join(&crate::t!(lang, "list-comma")), more)
}

#[cfg(test)]
mod tests {
    use super::super::read::{csv, RawRow, ReadError};

    fn read(text: &str) -> (Vec<RawRow>, Vec<ReadError>) {
        let (mut rows, mut errors) = (Vec::new(), Vec::new());
        csv(text, &mut rows, &mut errors);
        (rows, errors)
    }

    fn lines_read(rows: &[RawRow]) -> Vec<u32> {
        rows.iter().map(|r| r.line).collect()
    }

    /// The case of the report: two stray quotes made rows 3 and 4 one cell
    /// of row 2, and a violation on row 3 vanished.
    #[test]
    fn rows_inside_a_stray_pair_of_quotes_are_an_error_at_the_first_line() {
        let (rows, errors) = read(
            "at,record,actor,purpose\n\
             2026-02-03T14:20:00+08:00,R-1,S-01,\"客户资料整理\n\
             2026-02-10T16:45:00+08:00,R-1,S-06,客户回访\n\
             2026-02-20T10:00:00+08:00,R-1,S-01,复核\"\n\
             2026-02-21T10:00:00+08:00,R-1,S-01,归档\n",
        );
        assert_eq!(lines_read(&rows), [5]);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!((errors[0].line, errors[0].column), (Some(2), Some(4)));
        assert_eq!(
            errors[0].message,
            "the quoted field starting here runs on to line 4, and lines 3-4 inside it \
             read as rows of this file (as many fields as the header, or their first two \
             shaped like this row's): was a quote (`\"`) opened here, or closed on line 4, by \
             mistake? this row and the lines it holds were not read"
        );
    }

    /// A "CSV (Macintosh)" file keeps a lone carriage return inside quotes
    /// as part of the value: rows behind a stray quote there were read as
    /// one cell, no line count saw them, and the run said COMPLIANT.
    #[test]
    fn rows_behind_a_lone_carriage_return_inside_quotes_are_an_error() {
        let mac = "at,record,actor,purpose\r\
                   2026-02-03 14:20,R-1,S-01,\"整理\r\
                   2026-02-10 16:45,R-1,S-06,客户回访\r\
                   2026-02-20 10:00,R-1,S-01,\"复核\r\
                   2026-02-21 10:00,R-1,S-01,归档\r";
        let text = super::super::split::lone_cr_to_lf(mac, true);
        let (rows, errors) = read(&text);
        assert_eq!(lines_read(&rows), [3], "{errors:?}");
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!((errors[0].line, errors[0].column), (Some(2), Some(4)));
        assert!(
            errors[0]
                .message
                .contains("does not end a line of this file"),
            "{}",
            errors[0].message
        );
        // Prose on lines of its own inside quotes is a cell, as before.
        let prose = "a,b,c\r1,\"第一行\r第二行，补充\",3\r";
        let (rows, errors) = read(&super::super::split::lone_cr_to_lf(prose, true));
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(rows.len(), 1);
    }

    /// U+2028, U+2029 and U+0085 show as line breaks in some editors: a row
    /// behind one inside quotes is an error too, in a one-line record.
    #[test]
    fn rows_behind_a_unicode_line_separator_inside_quotes_are_an_error() {
        for sep in ['\u{2028}', '\u{2029}', '\u{85}'] {
            let (rows, errors) = read(&format!("a,b,c\n1,\"x{sep}4,5,6\",9\n7,8,9\n"));
            assert_eq!(lines_read(&rows), [3], "{sep:?}: {errors:?}");
            assert_eq!(errors.len(), 1, "{sep:?}: {errors:?}");
            assert_eq!(errors[0].line, Some(2));
        }
        let (rows, errors) = read("a,b,c\n1,\"“引号”与说明\u{2028}第二段\",9\n");
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(rows.len(), 1);
    }

    /// A quote opened in the header: the rows below were one column name.
    #[test]
    fn rows_inside_a_quoted_column_name_are_an_error() {
        let (rows, errors) = read(
            "at,record,actor,\"purpose\n\
             2026-07-08 14:00,R-1013,S-06,客户资料整理\n\
             2026-01-05 09:00,R-1002,S-03,\"年度审计\n\
             2026-01-06 09:00,R-1002,S-03,复核\n",
        );
        assert!(rows.is_empty(), "{rows:?}");
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!((errors[0].line, errors[0].column), (Some(1), Some(4)));
        assert!(
            errors[0].message.contains("runs on to line 3"),
            "{}",
            errors[0].message
        );
        // A name broken over two lines (Alt+Enter in Excel) is a name.
        let (rows, errors) = read("id,\"保管期限\n（年）\",备注\nR-1,30,无\n");
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(rows.len(), 1);
    }

    /// Rows swallowed whatever the field count of the record made: here the
    /// quote opens in the second field, and the record is also short of
    /// fields; the error says why, once.
    #[test]
    fn the_swallowed_rows_are_named_before_the_field_count() {
        let (rows, errors) = read("a,b,c\n1,\"2,3\n4,5,6\n7,8,9\"\n");
        assert!(rows.is_empty());
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!((errors[0].line, errors[0].column), (Some(2), Some(2)));
        assert!(errors[0].message.contains("lines 3-4 inside it"));
    }

    /// A log that leaves trailing empty fields out: the rows a stray quote
    /// swallowed are short, so none has the header's width, yet each
    /// starts with an id and a record like the row that holds them.
    #[test]
    fn short_rows_inside_a_stray_pair_of_quotes_are_an_error() {
        let (rows, errors) = read(
            "id,record,actor,purpose,remark\n\
             ACC-000001,R-1,S-01,\"整理\n\
             ACC-000002,R-1,S-06\n\
             ACC-000003,R-2,S-06,复核\",\n\
             ACC-000004,R-1,S-01,归档,\n",
        );
        assert_eq!(lines_read(&rows), [5]);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!((errors[0].line, errors[0].column), (Some(2), Some(4)));
        assert!(
            errors[0].message.contains("lines 3-4 inside it"),
            "{}",
            errors[0].message
        );
    }

    /// Lines of prose with commas do not start like the row: words, not an
    /// id and a record; Chinese prose under a first column of names neither
    /// (its second value is not shaped like the row's).
    /// Rows whose times are written in another form than the time of the
    /// row holding them (acme's access log mixes both).
    #[test]
    fn short_rows_with_times_in_another_form_are_an_error() {
        let (rows, errors) = read(
            "at,record,actor,purpose,remark\n\
             2026-02-03T14:20:00+08:00,R-1,S-01,\"整理\n\
             2026-02-10 16:45,R-1,S-06\n\
             2026-02-11 09:00,R-2,S-06\",\n",
        );
        assert!(rows.is_empty(), "{rows:?}");
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].message.contains("lines 3-4 inside it"),
            "{}",
            errors[0].message
        );
    }

    #[test]
    fn prose_with_commas_is_not_a_row() {
        let text = "id,note,by\n\
                    ACC-1,\"checked, then filed\nsee page 2, box 7\nACC, then R\",S-1\n";
        let (rows, errors) = read(text);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(lines_read(&rows), [2]);
        // A remark of two values under a row that starts with a word.
        let text = "series,period,citation\nledger,30 years,\"Paper, 30 years\nScans, 30 years\"\n";
        let (rows, errors) = read(text);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(lines_read(&rows), [2]);
        let text = "name,record,note\n张三,R-1,\"备注\n李四,见附件\n王五,第2页\"\n";
        let (rows, errors) = read(text);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(lines_read(&rows), [2]);
    }

    #[test]
    fn shapes_keep_separators_and_fold_runs() {
        use super::shape;
        assert_eq!(shape("ACC-000123"), "a-9");
        assert_eq!(shape("ACC-7"), "a-9");
        assert_eq!(shape("2026-02-10T16:45:00+08:00"), "D");
        assert_eq!(shape("2026-02-10 16:45"), "D");
        assert_eq!(shape("2026/2/10"), "D");
        assert_eq!(shape("2026年2月10日"), "D");
        assert_eq!(shape("20260210"), "9");
        assert_eq!(shape(" \"客户回访  (补)\" "), "a (a)");
        assert_eq!(shape("张三"), "a");
        assert_eq!(shape(""), "");
    }

    #[test]
    fn a_multi_line_remark_is_read() {
        let text = "id,note,by\n\
                    1,\"第一行，说明\n第二行, 含一个逗号\n\n第四行\",S-1\n\
                    2,\"line one\r\nline, two\",S-2\n\
                    3,\"\"\"quoted\"\",\n,\",S-3\n";
        let (rows, errors) = read(text);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(lines_read(&rows), [2, 6, 8]);
        let note = |r: &RawRow| match &r.cells[1].1 {
            super::super::read::Raw::Text(t) => t.clone(),
            other => panic!("{other:?}"),
        };
        assert_eq!(note(&rows[0]), "第一行，说明\n第二行, 含一个逗号\n\n第四行");
        assert_eq!(note(&rows[2]), "\"quoted\",\n,");
    }

    /// With one column every line is a whole row: nothing tells a stray
    /// quote from a remark, and the remark is read.
    #[test]
    fn a_file_of_one_column_is_not_checked() {
        let (rows, errors) = read("note\n\"a\nb\nc\"\nd\n");
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(lines_read(&rows), [2, 5]);
    }

    /// A line in a field of a record whose earlier field spans lines is
    /// counted from where it is; the error stays at the record's first line.
    #[test]
    fn lines_are_counted_across_fields_and_listed_as_ranges() {
        let mut text = String::from("a,b,c\n\"x\ny\",\"open\n");
        for i in 0..8 {
            text.push_str(&format!("{i},{i},{i}\n"));
            if i == 1 {
                text.push_str("prose\n");
            }
            if i == 4 {
                text.push_str("more prose\n");
            }
        }
        text.push_str("close\",z\n");
        let (rows, errors) = read(&text);
        assert!(rows.is_empty());
        assert_eq!((errors[0].line, errors[0].column), (Some(2), Some(2)));
        assert_eq!(
            errors[0].message,
            "the quoted field starting here runs on to line 14, and lines 4-5, 7-9, 11-13 \
             inside it read as rows of this file (as many fields as the header, or their \
             first two shaped like this row's): was a quote (`\"`) opened here, or closed on \
             line 14, by mistake? this row and the lines it holds were not read"
        );
        let many: String = (0..12).map(|i| format!("{i},{i},{i}\nprose\n")).collect();
        let (_, errors) = read(&format!("a,b,c\n1,2,\"x\n{many}\"\n"));
        assert!(
            errors[0]
                .message
                .contains("lines 3, 5, 7, 9, 11 and 7 more inside it"),
            "{}",
            errors[0].message
        );
    }

    #[test]
    fn too_many_lines_counts_the_record_lines() {
        let mut text = String::from("a,b\n1,\"x\n");
        text.push_str(&"remark\n".repeat(1000));
        text.push_str("end\"\n2,y\n");
        let (rows, errors) = read(&text);
        assert_eq!(lines_read(&rows), [1004]);
        assert_eq!(errors[0].line, Some(2));
        assert!(
            errors[0]
                .message
                .contains("runs over 1002 lines, more than 1000"),
            "{}",
            errors[0].message
        );
    }
}
