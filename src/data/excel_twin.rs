//! Other sheets of a workbook that look like more of the data of the sheet
//! read: told by a header naming most of its columns (`twin_of`), or by
//! identifiers of its form that it lacks (`ids_twin`). Naming a sheet does
//! not account for either (docs/inputs-and-reports.md, "Which sheet").

use std::collections::HashSet;

use calamine::{Data, Range};

use super::excel::{cell_text, is_blank};
use super::read::{Raw, RawRow};

/// A header row of another sheet that names most of the columns of the
/// sheet read, with rows of values below it (`twin_of`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Twin {
    /// Its header row (1-based).
    pub header_row: u32,
    /// How many of the columns of the sheet read it names.
    pub matched: usize,
    /// How many columns the header of the sheet read names (distinct,
    /// non-empty).
    pub columns: usize,
    /// Rows holding a value below it.
    pub rows: u64,
}

/// How many rows further down than the `header_row:` of the sheet read the
/// header of another sheet is looked for: rows 1-10 for a header at row 1.
/// Another sheet of the same data may have title rows the sheet read lacks
/// (or lack those it has).
pub const TWIN_HEADER_SLACK: u32 = 9;

/// Whether `range`, another sheet of the workbook, looks like more of the
/// same data as the sheet read (hostile review, 2026-12-04): one of its
/// rows 1 to `header_row` + `TWIN_HEADER_SLACK` names at least 80% of the
/// distinct non-empty names of `header` (the header of the sheet read;
/// trimmed, letter case and order aside, more columns allowed), and a row
/// below that one holds a value. Of several such rows the one naming the
/// most is taken, the first of equals. A summary or a template under the
/// same header with no rows below it is not one; nor is a sheet sharing a
/// few columns.
pub fn twin_of(range: &Range<Data>, header_row: u32, header: &[String]) -> Option<Twin> {
    let wanted: HashSet<String> = header
        .iter()
        .map(|n| crate::text::trim_cell(n).to_lowercase())
        .filter(|n| !n.is_empty())
        .collect();
    let (start, end) = (range.start()?, range.end()?);
    if wanted.is_empty() {
        return None;
    }
    let last = header_row
        .saturating_add(TWIN_HEADER_SLACK)
        .saturating_sub(1)
        .min(end.0);
    let mut best: Option<(u32, usize)> = None;
    for r in start.0..=last {
        let names: HashSet<String> = (start.1..=end.1)
            .filter_map(|c| range.get_value((r, c)))
            .filter_map(|v| cell_text(v).ok())
            .map(|t| crate::text::trim_cell(&t).to_lowercase())
            .filter(|t| wanted.contains(t))
            .collect();
        if best.map_or(true, |(_, most)| names.len() > most) {
            best = Some((r, names.len()));
        }
    }
    let (r, matched) = best?;
    // At least 80%: of 12 columns, 10.
    if matched * 5 < wanted.len() * 4 {
        return None;
    }
    let rows = range
        .rows()
        .skip((r + 1 - start.0) as usize)
        .filter(|row| row.iter().any(|c| !is_blank(c)))
        .count() as u64;
    (rows > 0).then_some(Twin {
        header_row: r + 1,
        matched,
        columns: wanted.len(),
        rows,
    })
}

/// The identifier column of the sheet read, told from its rows alone: the
/// first column in which at least 90% of the rows hold a value with a digit
/// and a letter (Latin or Chinese: `R-0000001`, `文书-2024-001`), no two of
/// them alike. A row number (`序号`: digits only), a date or a phone number
/// is not one. The 10% spared are rows without an id (a log's events need
/// none) or with one of another form: one such row must not turn the check
/// off for the whole workbook.
#[derive(Debug)]
pub struct ReadIds {
    /// Its header as the sheet read writes it.
    shown: String,
    /// Its header, trimmed and lowercased, as other sheets are matched.
    name: String,
    values: HashSet<String>,
    /// The values' forms (`form`).
    forms: HashSet<String>,
}

/// Another sheet's column named as the identifier column of the sheet
/// read, holding identifiers of the same form that the sheet read lacks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdsTwin {
    /// The column's header as the sheet read writes it.
    pub column: String,
    /// Its header row (1-based).
    pub header_row: u32,
    /// How many of its values are identifiers the sheet read lacks.
    pub rows: u64,
    /// The sheet row of the first of them (1-based).
    pub first_row: u32,
}

/// `id` with every run of ASCII digits as one `9`: `R-0000001`, `R-12` and
/// `R-1234` share one, as ids numbered with and without leading zeros do.
fn form(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for c in id.chars() {
        match c.is_ascii_digit() {
            // Only a digit ran into the output as `9`.
            true if out.ends_with('9') => {}
            true => out.push('9'),
            false => out.push(c),
        }
    }
    out
}

fn looks_like_an_id(v: &str) -> bool {
    v.chars().any(|c| c.is_ascii_digit()) && v.chars().any(char::is_alphabetic)
}

/// The identifier column of the rows read (`ReadIds`), if one is told.
pub fn read_ids(header: &[String], rows: &[RawRow]) -> Option<ReadIds> {
    if rows.is_empty() {
        return None;
    }
    header
        .iter()
        .filter(|h| !h.trim().is_empty())
        .find_map(|column| {
            let mut values = HashSet::with_capacity(rows.len());
            for row in rows {
                let text = row.cells.iter().find_map(|(key, raw, _)| match raw {
                    Raw::Text(t) if key == column => Some(crate::text::trim_cell(t)),
                    _ => None,
                });
                let Some(id) = text.filter(|t| looks_like_an_id(t)) else {
                    continue;
                };
                // Two rows alike: a category or a place, not an identifier.
                if !values.insert(id.to_string()) {
                    return None;
                }
            }
            if values.len() * 10 < rows.len() * 9 {
                return None;
            }
            let forms = values.iter().map(|v| form(v)).collect();
            Some(ReadIds {
                shown: column.clone(),
                name: crate::text::trim_cell(column).to_lowercase(),
                values,
                forms,
            })
        })
}

/// Whether `range`, another sheet of the workbook, holds identifiers the
/// sheet read lacks (hostile review, 2026-12-06): a cell of one of its rows
/// 1 to `header_row` + `TWIN_HEADER_SLACK` names the identifier column of
/// the sheet read (trimmed, letter case aside), and below it stand values
/// of the form of its identifiers that are none of them. Of several such
/// cells the one with the most is taken. A sheet that only refers to the
/// records read (a hand-over list, a lookup) is not one; nor is one whose
/// column under that name holds other kinds of values.
pub fn ids_twin(range: &Range<Data>, header_row: u32, ids: &ReadIds) -> Option<IdsTwin> {
    let (start, end) = (range.start()?, range.end()?);
    let last = header_row
        .saturating_add(TWIN_HEADER_SLACK)
        .saturating_sub(1)
        .min(end.0);
    let text = |r, c| {
        let v = range.get_value((r, c))?;
        let t = cell_text(v).ok()?;
        Some(crate::text::trim_cell(&t).to_string())
    };
    let mut best: Option<IdsTwin> = None;
    for r in start.0..=last {
        for c in start.1..=end.1 {
            if !text(r, c).is_some_and(|t| t.to_lowercase() == ids.name) {
                continue;
            }
            let unseen: Vec<u32> = (r + 1..=end.0)
                .filter(|&below| {
                    text(below, c).is_some_and(|v| {
                        !v.is_empty() && ids.forms.contains(&form(&v)) && !ids.values.contains(&v)
                    })
                })
                .collect();
            // More than the best so far (at least 0), so `unseen` has a first.
            if unseen.len() as u64 > best.as_ref().map_or(0, |b| b.rows) {
                best = Some(IdsTwin {
                    column: ids.shown.clone(),
                    header_row: r + 1,
                    rows: unseen.len() as u64,
                    first_row: unseen[0] + 1,
                });
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sheet of strings, from CSV lines (an empty line is an empty row).
    fn sheet(lines: &[&str]) -> Range<Data> {
        let mut r = Range::new((0, 0), (lines.len() as u32 - 1, 15));
        for (i, line) in lines.iter().enumerate() {
            for (c, v) in line.split(',').enumerate().filter(|(_, v)| !v.is_empty()) {
                r.set_value((i as u32, c as u32), Data::String(v.to_string()));
            }
        }
        r
    }

    #[test]
    fn a_twin_is_told_by_most_of_the_columns_near_the_top_with_rows_below() {
        let header: Vec<String> = "a,b,c,d,e".split(',').map(String::from).collect();
        let twin = |lines: &[&str], header_row| twin_of(&sheet(lines), header_row, &header);
        // The same header, two rows down from where the sheet read has it.
        let t = twin(&["A,B,C,D,E", "1,2,3,4,5", "6,7,8,9,0"], 3);
        assert_eq!(
            t,
            Some(Twin {
                header_row: 1,
                matched: 5,
                columns: 5,
                rows: 2
            })
        );
        // 4 of 5 is enough (80%), 3 of 5 not; more columns are allowed.
        let t = twin(&["title", "", " b ,a,c,d,x", "1,2,3,4,5"], 1);
        assert_eq!(t.map(|t| (t.header_row, t.matched)), Some((3, 4)));
        assert_eq!(twin(&["a,b,c,x,y", "1,2,3,4,5"], 1), None);
        // No rows below it: a template, a summary.
        assert_eq!(twin(&["a,b,c,d,e", ""], 1), None);
        // Further down than `header_row` + 9: not looked for.
        let mut far = vec![""; 10];
        far.extend(["a,b,c,d,e", "1,2,3,4,5"]);
        assert_eq!(twin(&far, 1), None);
        assert!(twin(&far, 2).is_some());
    }

    /// Rows read under `header`, from CSV lines.
    fn rows(header: &[&str], lines: &[&str]) -> Vec<RawRow> {
        (lines.iter().enumerate())
            .map(|(i, line)| RawRow {
                line: i as u32 + 2,
                offset: 0,
                cells: (header.iter().zip(line.split(',')).enumerate())
                    .map(|(c, (h, v))| {
                        (h.to_string(), Raw::Text(v.to_string()), Some(c as u32 + 1))
                    })
                    .collect(),
            })
            .collect()
    }

    #[test]
    fn the_identifier_column_is_the_first_of_distinct_values_with_digits_and_letters() {
        let header = ["序号", "日期", "电话", "档案编号", "题名"];
        let read = rows(
            &header,
            &[
                "1,2024-01-01,13800000000,R-0001,甲",
                "2,2024-01-02,13800000001,R-0002,乙",
            ],
        );
        let ids = read_ids(&header.map(String::from), &read).expect("档案编号");
        assert_eq!(ids.shown, "档案编号");
        assert_eq!(ids.forms, HashSet::from(["R-9".to_string()]));
        assert_eq!(form("文书-2024-001"), "文书-9-9");
        // Two rows alike, or a row without one: not an identifier column.
        let twice = rows(&["id"], &["R-1", "R-1"]);
        assert!(read_ids(&["id".to_string()], &twice).is_none());
        let blank = rows(&["id"], &["R-1", ""]);
        assert!(read_ids(&["id".to_string()], &blank).is_none());
        // One row in ten without one (an event without an id, an id of
        // another form) does not turn the check off; two do.
        let mut ten: Vec<String> = (1..=9).map(|i| format!("R-{i}")).collect();
        ten.push(String::new());
        let lines: Vec<&str> = ten.iter().map(String::as_str).collect();
        let ids = read_ids(&["id".to_string()], &rows(&["id"], &lines)).expect("9 of 10");
        assert_eq!(ids.values.len(), 9);
        ten[8] = "1009".into();
        let lines: Vec<&str> = ten.iter().map(String::as_str).collect();
        assert!(read_ids(&["id".to_string()], &rows(&["id"], &lines)).is_none());
        // Chinese letters count.
        let chinese = rows(&["案卷号"], &["文书-2024-001"]);
        assert!(read_ids(&["案卷号".to_string()], &chinese).is_some());
    }

    #[test]
    fn a_sheet_holding_identifiers_the_sheet_read_lacks_is_told() {
        let header = ["id", "title"];
        let read = rows(&header, &["R-0001,甲", "R-0002,乙"]);
        let ids = read_ids(&header.map(String::from), &read).expect("id");
        let twin = |lines: &[&str]| ids_twin(&sheet(lines), 1, &ids);
        // Other columns, the identifier column under its name (any case).
        assert_eq!(
            twin(&[
                "补录",
                "状态, ID ,备注",
                "destroyed,R-0001,",
                "destroyed,R-0003,",
                "x,R-0004,"
            ]),
            Some(IdsTwin {
                column: "id".into(),
                header_row: 2,
                rows: 2,
                first_row: 4
            })
        );
        // Only identifiers read: a list referring to the records read.
        assert_eq!(twin(&["id,to", "R-0001,C-1", "R-0002,C-1"]), None);
        // Values of another form under that name: another table's ids.
        assert_eq!(twin(&["id,name", "S-01,王芳", "2024,x"]), None);
        // The name further down than row 10: not looked for.
        let mut far = vec![""; 10];
        far.extend(["id", "R-0009"]);
        assert_eq!(twin(&far), None);
        assert!(ids_twin(&sheet(&far), 2, &ids).is_some());
    }
}
