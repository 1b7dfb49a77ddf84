//! Converts raw cells to typed values (data-and-reports.md section 2).

use crate::msg;
use std::sync::Arc;

use jiff::civil::Date;
use jiff::tz::TimeZone;
use serde_json::Value as Json;

use crate::check::schema::FieldType;
use crate::syntax::lower::duration_from;
use crate::text::trim_cell;
use crate::value::{Duration, Interner, Value};

use super::read::{Raw, RawRef};

pub struct Converter<'a> {
    pub interner: &'a mut Interner,
    pub tz: &'a TimeZone,
    /// Store the text of the field being converted without hashing it
    /// (`Interner::push_unhashed`; see `rows::FileCtx::unhashed`).
    pub unhashed: bool,
    /// The field is not stored (`rows::FileCtx::unread`): check its text,
    /// but do not put it in the interner.
    pub discard: bool,
    /// List items dropped so far as standing for nothing
    /// ([`crate::text::stands_for_nothing`]); the caller notes them.
    pub placeholders: u64,
}

/// Whether a list of `inner` drops an item standing for nothing: a list
/// of names, ids, refs or enum values (`王芳;无`), not of numbers or dates,
/// whose items are values.
fn drops_placeholders(inner: &FieldType) -> bool {
    matches!(
        inner,
        FieldType::Text | FieldType::Id | FieldType::Ref(_) | FieldType::Enum(_)
    )
}

/// The Chinese list comma (`、`) or full-width comma (`，`) inside an item
/// of a CSV list cell of names, ids or refs: the cell is split at `;`
/// only, so `赵磊、王芳` was one witness no name matched, and a rule that
/// the approver is no witness passed (hostile review, 2026-12-07). One at
/// either end is punctuation, folded away as before (`王芳、`). A mapping
/// that names the column's `separator` (docs/mapping.md) reads such cells.
fn unsplit_separator(item: &str, inner: &FieldType) -> Option<char> {
    if !matches!(inner, FieldType::Text | FieldType::Id | FieldType::Ref(_)) {
        return None;
    }
    let inside = item.trim_matches(['、', '，']);
    ['、', '，'].into_iter().find(|c| inside.contains(*c))
}

/// Whether a cell of an optional text, id or ref field (`purpose: text?`,
/// `vendor: ref vendor?`) holds only a word standing for nothing (`无`,
/// `N/A`, `－`: [`crate::text::stands_for_nothing`]): it is read as
/// missing, and the caller notes it (Decision 2026-12-05, hostile review:
/// `purpose` of `无` passed the packs' `require a.purpose is set`). A
/// required field, or one with a default, keeps the word as its value.
pub fn optional_placeholder(field: &crate::check::schema::Field, text: Option<&str>) -> bool {
    takes_placeholder(field) && text.is_some_and(crate::text::cell_stands_for_nothing)
}

/// Whether [`optional_placeholder`] can hold for some cell of the field:
/// the part of it that depends on the field alone (asked once per file by
/// `rows::FileCtx`, not per cell).
pub fn takes_placeholder(field: &crate::check::schema::Field) -> bool {
    field.optional
        && field.default.is_none()
        && matches!(
            field.ty,
            FieldType::Text | FieldType::Id | FieldType::Ref(_)
        )
}

/// `Ok(None)` means absent (empty cell, empty string, `null`).
pub type Converted = Result<Option<Value>, String>;

/// A datetime as a mapping without `format:` reads it (docs/mapping.md):
/// a day in one of the five year-first forms, then a time on a 24-hour
/// clock or after `上午`/`下午` (`2026/1/5 下午3:30`, as a Chinese Excel
/// or WPS saves one in a CSV file), read in the case's time zone.
/// **Decision (2026-12-07):** a file read without a mapping reads such
/// datetimes too; they were input errors there, and the same cell read
/// once the file was mapped (docs/inputs-and-reports.md).
fn as_mapped(t: &str, tz: &TimeZone) -> Option<i64> {
    let formats = &super::mapping::values::DEFAULT_FORMATS;
    let canonical = super::mapping::values::datetime(t, formats)?;
    parse_datetime(&canonical, tz)
}

impl Converter<'_> {
    pub fn convert(&mut self, raw: &Raw, ty: &FieldType) -> Converted {
        self.convert_ref(raw.as_ref(), ty)
    }

    pub fn convert_ref(&mut self, raw: RawRef, ty: &FieldType) -> Converted {
        match raw {
            RawRef::Text(s) => self.text(s, ty, true),
            RawRef::Json(j) => self.json(j, ty),
            RawRef::JsonStr(s) => match ty {
                FieldType::List(_) if trim_cell(s).is_empty() => Ok(None),
                _ => self.text(s, ty, false),
            },
        }
    }

    fn json(&mut self, j: &Json, ty: &FieldType) -> Converted {
        match (j, ty) {
            (Json::Null, _) => Ok(None),
            (Json::Array(items), FieldType::List(inner)) => {
                let mut out = Vec::with_capacity(items.len());
                for item in items {
                    if let (Json::String(t), true) = (item, drops_placeholders(inner)) {
                        if placeholder_item(trim_cell(t)) {
                            self.placeholders += 1;
                            continue;
                        }
                    }
                    // A number is no name or free text: `[true, 1]` is not
                    // two witnesses (ids and refs may be numbers, as alone).
                    if item.is_number() && **inner == FieldType::Text {
                        return Err(msg!(
                            "data-expected-found-list-number",
                            expected = expected(ty)
                        )
                        .words());
                    }
                    let item = self
                        .json(item, inner)
                        .map_err(|e| msg!("data-list-item", problem = e).words())?;
                    if let Some(v) = item {
                        out.push(v);
                    }
                }
                let out = self.same_names_once(distinct(out), inner);
                Ok(Some(Value::List(Arc::from(out))))
            }
            (Json::Array(_), _) => Err(found(ty, msg!("data-found-list"))),
            (Json::Object(_), _) => Err(found(ty, msg!("data-found-object"))),
            (Json::Bool(b), FieldType::Bool) => Ok(Some(Value::Bool(*b))),
            (Json::Number(n), FieldType::Int) => n
                .as_i64()
                .map(|i| Some(Value::Int(i)))
                .ok_or_else(|| msg!("data-expected", expected = expected(ty)).words()),
            (Json::Number(n), FieldType::Decimal) => n
                .as_f64()
                .map(|f| Some(Value::Dec(f)))
                .ok_or_else(|| msg!("data-expected", expected = expected(ty)).words()),
            (Json::Number(n), FieldType::Bool) if n.as_i64().is_some_and(|i| i == 0 || i == 1) => {
                Ok(Some(Value::Bool(n.as_i64() == Some(1))))
            }
            (Json::Number(_), FieldType::Text | FieldType::Id | FieldType::Ref(_))
                if self.discard =>
            {
                Ok(Some(Value::Missing))
            }
            // A whole number beyond 2^53 that is no u64 or i64 was read as a
            // float: `12345678901234567890123` became `1.2345678901234568e22`
            // and a held record's destruction named no record (hostile
            // review, 2026-12-06).
            (Json::Number(n), FieldType::Text | FieldType::Id | FieldType::Ref(_))
                if n.as_f64()
                    .is_some_and(|f| n.is_f64() && f.abs() >= 9_007_199_254_740_992.0) =>
            {
                Err(msg!("data-number-not-exact").words())
            }
            (Json::Number(n), FieldType::Text | FieldType::Id | FieldType::Ref(_)) => {
                Ok(Some(Value::Sym(self.interner.intern(&n.to_string()))))
            }
            (Json::Number(_), _) => Err(found(ty, msg!("data-found-number"))),
            (Json::Bool(_), _) => Err(found(ty, msg!("data-found-bool"))),
            (Json::String(s), FieldType::List(_)) if trim_cell(s).is_empty() => Ok(None),
            (Json::String(s), _) => self.text(s, ty, false),
        }
    }

    /// `csv_list`: in CSV a list cell is `;`-separated and empty means the
    /// empty list; in JSON/YAML a list must be an array.
    fn text(&mut self, s: &str, ty: &FieldType, csv_list: bool) -> Converted {
        if let FieldType::Text | FieldType::Id | FieldType::Ref(_) = ty {
            return self.plain_text(s);
        }
        // Whitespace and invisible characters (a zero-width space pasted
        // from a web form) at the ends are no part of a value; a cell of
        // nothing else is empty.
        let t = trim_cell(s);
        if let FieldType::List(inner) = ty {
            if !csv_list {
                return Err(found(ty, msg!("data-found-text")));
            }
            let mut out = Vec::new();
            for part in t.split(';').map(trim_cell).filter(|p| !p.is_empty()) {
                if let Some(sep) = unsplit_separator(part, inner) {
                    return Err(msg!("data-list-unsplit", sep = sep.to_string()).words());
                }
                if drops_placeholders(inner) && placeholder_item(part) {
                    self.placeholders += 1;
                    continue;
                }
                if let Some(v) = self.text(part, inner, false)? {
                    out.push(v);
                }
            }
            let out = self.same_names_once(distinct(out), inner);
            return Ok(Some(Value::List(Arc::from(out))));
        }
        match scalar(t, ty, self.tz)? {
            Some(Scalar::Enum(a)) => Ok(Some(Value::Sym(self.interner.intern(a)))),
            Some(v) => Ok(Some(v.value())),
            None => Ok(None),
        }
    }
}

/// A typed cell of a field that is not text, an id, a ref or a list: what
/// [`scalar`] reads, before an enum's value is interned.
#[derive(Clone, Copy, Debug)]
pub enum Scalar<'s> {
    /// The allowed value of the field's type the cell is.
    Enum(&'s str),
    Int(i64),
    Dec(f64),
    Bool(bool),
    Date(Date),
    /// Seconds since the epoch.
    DateTime(i64),
    Duration(Duration),
}

impl Scalar<'_> {
    /// The value of any but an enum's (which the caller interns).
    fn value(self) -> Value {
        match self {
            Scalar::Int(i) => Value::Int(i),
            Scalar::Dec(d) => Value::Dec(d),
            Scalar::Bool(b) => Value::Bool(b),
            Scalar::Date(d) => Value::Date(d),
            Scalar::DateTime(t) => Value::DateTime(t),
            Scalar::Duration(d) => Value::Duration(d),
            // `Converter::text` interns it; nothing else asks.
            Scalar::Enum(_) => Value::Missing,
        }
    }
}

/// A trimmed cell (`t`) of a field of type `ty`, typed: `None` when empty,
/// an input error's words when it is no value of the type. What
/// `Converter::text` does for a field that is not text, an id, a ref or a
/// list, without the interner (an enum's value is returned as the
/// schema's text), so that a caller can check a whole row before storing
/// any of it (`typed_rows`). Text, ids, refs and lists are not read here.
pub fn scalar<'s>(t: &str, ty: &'s FieldType, tz: &TimeZone) -> Result<Option<Scalar<'s>>, String> {
    if t.is_empty() {
        return Ok(None);
    }
    if let Some(error) = excel_error(t) {
        return Err(msg!("data-excel-error-text", error = error).words());
    }
    let fail = || Err(msg!("data-expected", expected = expected(ty)).words());
    let v = match ty {
        FieldType::Enum(allowed) => match allowed.iter().find(|a| a.as_str() == t) {
            Some(a) => Scalar::Enum(a),
            None => return fail(),
        },
        FieldType::Int => match t.parse() {
            Ok(i) => Scalar::Int(i),
            Err(_) => return fail(),
        },
        FieldType::Decimal => match parse_decimal(t) {
            Some(d) => Scalar::Dec(d),
            None => return fail(),
        },
        FieldType::Bool => match parse_bool(t) {
            Some(b) => Scalar::Bool(b),
            None => return fail(),
        },
        FieldType::Date => match parse_date(t) {
            Some(d) if d.year() < FIRST_YEAR => return Err(year_before_1900(i64::from(d.year()))),
            Some(d) => Scalar::Date(d),
            None => return fail(),
        },
        FieldType::DateTime => match parse_datetime(t, tz).or_else(|| as_mapped(t, tz)) {
            Some(ts) => match written_year(t, ts, tz) {
                y if y < i64::from(FIRST_YEAR) => return Err(year_before_1900(y)),
                _ => Scalar::DateTime(ts),
            },
            None => return Err(datetime_error(t, tz)),
        },
        FieldType::Duration => match parse_duration(t) {
            Some(d) => Scalar::Duration(d),
            None => match crate::data::durations::refused(t) {
                Some(why) => return Err(why.words()),
                None => return fail(),
            },
        },
        // Read by `Converter::plain_text` and `Converter::text`: the
        // converter never asks for them here.
        FieldType::Text | FieldType::Id | FieldType::Ref(_) | FieldType::List(_) => return fail(),
    };
    Ok(Some(v))
}

impl Converter<'_> {
    /// The cell of a text, id or ref field, written as text (a CSV cell, a
    /// JSON string): trimmed, and stored as it is (or not at all, when
    /// `discard`). What `convert_ref` does for such a cell, without its
    /// dispatch on the cell and the type: `rows::convert_row` asks it
    /// directly for most cells of a log (ids, refs, free text).
    #[inline]
    pub fn plain_text(&mut self, s: &str) -> Converted {
        // Whitespace and invisible characters at the ends are no part of
        // a value; a cell of nothing else is empty.
        let t = trim_cell(s);
        if t.is_empty() {
            return Ok(None);
        }
        if let Some(error) = excel_error(t) {
            return Err(msg!("data-excel-error-text", error = error).words());
        }
        Ok(Some(if self.discard {
            Value::Missing
        } else if self.unhashed {
            Value::Sym(self.interner.push_unhashed(t))
        } else {
            Value::Sym(self.interner.intern(t))
        }))
    }
}

/// The error values Excel (and WPS, LibreOffice) show in a cell whose
/// formula failed, and write as that text when the sheet is saved as CSV.
pub const EXCEL_ERRORS: [&str; 15] = [
    "#N/A",
    "#REF!",
    "#VALUE!",
    "#DIV/0!",
    "#NAME?",
    "#NUM!",
    "#NULL!",
    "#SPILL!",
    "#CALC!",
    "#FIELD!",
    "#BLOCKED!",
    "#CONNECT!",
    "#BUSY!",
    "#UNKNOWN!",
    "#GETTING_DATA",
];

/// The Excel error a cell's text is (`#N/A`), if it is one. A workbook's
/// error cell is an input error (`excel-error-cell`); the same cell saved
/// as CSV is this text, which read as a value made `王芳;#N/A` two
/// witnesses and a `purpose` of `#REF!` set (hostile review, 2026-12-05).
#[inline]
pub fn excel_error(text: &str) -> Option<&'static str> {
    if !text.starts_with('#') {
        return None;
    }
    EXCEL_ERRORS
        .iter()
        .find(|e| e.eq_ignore_ascii_case(text))
        .copied()
}

/// A list's items with each text, id or enum value kept once, in order of
/// first appearance: `王芳;王芳` is one witness, not two, for `len()` and
/// every rule (inputs-and-reports.md, "Repeated list items"). Numbers,
/// dates and other values may repeat for real and are kept.
fn distinct(mut out: Vec<Value>) -> Vec<Value> {
    if out.len() < 2 {
        return out;
    }
    let sym = |v: &Value| match v {
        Value::Sym(s) => Some(*s),
        _ => None,
    };
    if out.len() <= 32 {
        // No allocation for the short lists of real cells.
        let mut kept = 0;
        for i in 0..out.len() {
            let repeated = sym(&out[i]).is_some() && out[..kept].contains(&out[i]);
            if !repeated {
                out.swap(kept, i);
                kept += 1;
            }
        }
        out.truncate(kept);
    } else {
        let mut seen = rustc_hash::FxHashSet::default();
        out.retain(|v| sym(v).map_or(true, |s| seen.insert(s)));
    }
    out
}

impl Converter<'_> {
    /// A list of text with each name kept once as a reader sees it: items
    /// with one [`name_key`] (`王芳` and `王　芳`, padded to line up with
    /// three-character names; `Wang Fang` and `wang fang`) are one, the
    /// first kept
    /// (hostile review, 2026-12-06: `王芳、王　芳` was two witnesses).
    /// Ids, refs and enum values are compared as written.
    fn same_names_once(&self, out: Vec<Value>, inner: &FieldType) -> Vec<Value> {
        if *inner != FieldType::Text || out.len() < 2 {
            return out;
        }
        let key = |v: &Value| match v {
            Value::Sym(s) => Some(name_key(self.interner.resolve(*s))),
            _ => None,
        };
        let mut seen = rustc_hash::FxHashSet::default();
        out.into_iter()
            .filter(|v| key(v).map_or(true, |k| seen.insert(k)))
            .collect()
    }
}

/// A name as [`Converter::same_names_once`] compares it: folded as
/// `folded_name` says, without a signature mark after it (`王芳（签）` is
/// `王芳`). Membership in a list of text (`contains`, `in`) and `==`/`!=`
/// between two names compare by it too (`eval::expr`), and the Spark
/// engine by the keys staged beside each name (`sql::stage`).
pub fn name_key(text: &str) -> String {
    use crate::text::name_between_marks;
    let folded = folded_name(text);
    let key = name_between_marks(&folded);
    let name = match crate::text::name_before_signature_mark(key) {
        Some(name) if !name.is_empty() => name,
        _ => crate::text::name_before_bare_signature_mark(key).unwrap_or(key),
    };
    // Punctuation may stand after the mark too (`王芳（签）。`).
    name_between_marks(name).to_string()
}

/// A name as names are compared: without invisible characters or letter
/// case (in every script), with compatibility forms as their plain ones
/// (NFKC: full-width Latin `ＷＡＮＧ`, the Kangxi radicals PDF text
/// extraction gives for ideographs, `王⽅` being `王方`, full-width brackets
/// and colons). White space and dashes between two words of a script
/// written with spaces are one space (`Wang  Fang`, `Jean-Pierre`), and
/// gone elsewhere (`王　芳`, padded to line up with three-character names);
/// a dot inside a name is one dot in every form (`阿卜杜·热合曼`,
/// `阿卜杜•热合曼`, `阿卜杜・热合曼`, `阿卜杜.热合曼`). Traditional
/// characters are their simplified forms (`張偉` is `张伟`, `chinese`).
/// Hostile reviews, 2026-12-07: `ＷＡＮＧ ＦＡＮＧ` and `王⽅` were other people than
/// `Wang Fang` and `王方`, the dots made two people of one, and with every
/// space dropped `Li Nan` was `Lin An`.
fn folded_name(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let chars: Vec<char> = text
        .nfkc()
        .filter(|c| !crate::text::is_invisible(*c))
        .flat_map(char::to_lowercase)
        .map(crate::chinese::simplified)
        .map(|c| match c {
            '\u{2010}'..='\u{2015}' | '-' | '\u{2212}' => ' ',
            c => c,
        })
        .collect();
    let spaced = |c: char| c.is_alphanumeric() && (c as u32) < 0x2e80;
    let word = |c: char| c.is_alphanumeric();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            let next = chars[i..].iter().copied().find(|c| !c.is_whitespace());
            let prev = out.chars().next_back();
            if let (Some(p), Some(n)) = (prev, next) {
                if spaced(p) && spaced(n) {
                    out.push(' ');
                }
            }
            while i < chars.len() && chars[i].is_whitespace() {
                i += 1;
            }
            continue;
        }
        let dot = matches!(
            c,
            '.' | '\u{b7}' | '\u{2022}' | '\u{2027}' | '\u{22c5}' | '\u{30fb}'
        );
        let inside =
            out.chars().next_back().is_some_and(word) && chars.get(i + 1).is_some_and(|n| word(*n));
        out.push(if dot && inside { '\u{b7}' } else { c });
        i += 1;
    }
    out
}

/// Whether a list item (trimmed) says nothing: a word standing for
/// nothing (`无`, `-`), or a signature mark without a name (`（签）`,
/// `签字`): `王芳、签字` is one witness.
pub fn placeholder_item(item: &str) -> bool {
    // Only an item ending as a mark can be one: the others are not folded
    // (an allocation).
    crate::text::stands_for_nothing(item)
        || (item.ends_with([
            ')', '）', ']', '】', '〕', '签', '簽', '字', '名', '章', '人', '：', ':',
        ]) && crate::text::is_label_only(&folded_name(item)))
}

/// "expected X, found Y" in the message language.
fn found(ty: &FieldType, what: crate::i18n::Msg) -> String {
    msg!("data-expected-found", expected = expected(ty), found = what).words()
}

/// What a field's type accepts, in words (the message language), for
/// input errors.
pub fn expected(ty: &FieldType) -> String {
    let m = match ty {
        FieldType::Text | FieldType::Id | FieldType::Ref(_) => msg!("data-type-text"),
        FieldType::Enum(v) => {
            let quoted: Vec<String> = v.iter().map(|s| format!("\"{s}\"")).collect();
            msg!(
                "data-type-enum",
                values = quoted.join(&crate::t!(crate::i18n::message_lang(), "list-comma"))
            )
        }
        FieldType::Int => msg!("data-type-int"),
        FieldType::Decimal => msg!("data-type-decimal"),
        FieldType::Bool => msg!("data-type-bool"),
        FieldType::Date => msg!("data-type-date"),
        FieldType::DateTime => msg!("data-type-datetime"),
        FieldType::Duration => msg!("data-type-duration"),
        FieldType::List(t) => msg!("data-type-list", item = expected(t)),
    };
    m.words()
}

fn parse_decimal(t: &str) -> Option<f64> {
    let ok = t
        .chars()
        .enumerate()
        .all(|(i, c)| c.is_ascii_digit() || c == '.' || (i == 0 && (c == '-' || c == '+')));
    if !ok {
        return None;
    }
    t.parse().ok().filter(|f: &f64| f.is_finite())
}

pub fn parse_bool(t: &str) -> Option<bool> {
    // ASCII case folding is enough (是/否 have no case) and allocates nothing.
    let is = |words: &[&str]| words.iter().any(|w| w.eq_ignore_ascii_case(t));
    if is(&["true", "yes", "1", "是", "y"]) {
        Some(true)
    } else if is(&["false", "no", "0", "否", "n"]) {
        Some(false)
    } else {
        None
    }
}

/// Whether a cell (trimmed) is a yes/no mark that is no bool this reader
/// takes: a tick or a cross (`√`, `×`), `有`, or a bool word in full-width
/// letters or digits (`Ｙ`, `１`). Only the judgement of an undeclared
/// column by its values counts it as a bool (docs/inputs-and-reports.md,
/// "a field under another name"; Decision 2026-12-05): a column of `√`
/// and blanks beside no `legal_hold` read every record as not held and
/// passed. The field's own column still refuses such a value.
pub fn yes_no_mark(t: &str) -> bool {
    const MARKS: [&str; 10] = ["√", "✓", "✔", "☑", "×", "✗", "✘", "☒", "╳", "有"];
    if MARKS.contains(&t) {
        return true;
    }
    let full_width = |c: char| ('\u{ff01}'..='\u{ff5e}').contains(&c);
    if t.len() > 15 || !t.chars().any(full_width) {
        return false;
    }
    let folded: String = t
        .chars()
        .map(|c| match full_width(c) {
            true => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            false => c,
        })
        .collect();
    parse_bool(&folded).is_some()
}

/// The first year a date typed from text may have (docs/inputs-and-reports.md,
/// *Dates before 1900*): a company's records, events and retention dates
/// lie well after it, as the Excel serials accepted do (1927 on). A year
/// `0024` is `24-03-01` written out by Python's or pandas' `%Y` (hostile
/// review, 2026-12-07): every retention period read as long expired, and
/// an early destruction passed.
const FIRST_YEAR: i16 = 1900;

/// The input error for a date whose year is `year`, before [`FIRST_YEAR`].
fn year_before_1900(year: i64) -> String {
    msg!("data-date-year-before-1900", year = format!("{year:04}")).words()
}

/// The year of the date part of a datetime `t` read as `ts`: as written
/// (`1899-12-31T23:00:00-01:00` is of 1899), else (an extended year such as
/// `+002024-...`) the year of the instant in the case time zone.
fn written_year(t: &str, ts: i64, tz: &TimeZone) -> i64 {
    if let Some(y) = t
        .get(..4)
        .filter(|y| y.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|y| y.parse::<i64>().ok())
    {
        return y;
    }
    jiff::Timestamp::from_second(ts)
        .map(|s| i64::from(s.to_zoned(tz.clone()).year()))
        .unwrap_or(i64::MIN)
}

pub fn parse_date(t: &str) -> Option<Date> {
    if t.len() != 10 {
        return None;
    }
    t.parse().ok()
}

/// The largest offset from UTC accepted (real time zones span -12:00 to
/// +14:00; RFC 3339's syntax allows up to 23:59, jiff's up to 25:59:59).
const MAX_OFFSET_SECONDS: i32 = 14 * 3600;

/// RFC 3339 with an offset, or a local `YYYY-MM-DD HH:MM[:SS]` (also with
/// `T`) read in the case time zone. Returns seconds since the epoch. An
/// offset beyond ±14:00 is refused; an RFC 9557 time zone annotation
/// (`...+08:00[Asia/Shanghai]`) is accepted only with an offset that the
/// zone has at that instant.
pub fn parse_datetime(t: &str, tz: &TimeZone) -> Option<i64> {
    if let Some(secs) = fast_rfc3339(t) {
        return Some(secs);
    }
    if fraction_of_second(t).is_some() {
        return None;
    }
    let offset_ok = || {
        jiff::fmt::temporal::Pieces::parse(t)
            .ok()
            .and_then(|p| p.to_numeric_offset())
            .is_some_and(|o| o.seconds().abs() <= MAX_OFFSET_SECONDS)
    };
    if t.contains('[') {
        let zoned = t.parse::<jiff::Zoned>().ok()?;
        return offset_ok().then(|| zoned.timestamp().as_second());
    }
    if let Ok(ts) = t.parse::<jiff::Timestamp>() {
        return offset_ok().then(|| ts.as_second());
    }
    // Past this point the text must name no offset: it is read locally.
    if t.get(10..)
        .is_some_and(|time| time.contains(['Z', 'z', '+', '-']))
    {
        return None;
    }
    let normal = t.replacen(' ', "T", 1);
    let dt: jiff::civil::DateTime = normal.parse().ok()?;
    if normal.len() < 16 {
        return None;
    }
    // A clock time the zone skips or shows twice (daylight saving) names
    // no one instant: `datetime_error` says which, and what to write.
    tz.to_ambiguous_zoned(dt)
        .unambiguous()
        .ok()
        .map(|z| z.timestamp().as_second())
}

/// The fraction of a second written in the time of `t`, when it is not
/// all zeros (`2026-01-05 09:15:00.250` -> `.250`; `.000` is none).
/// **Decision (2026-12-08, hostile review f6).** A datetime is kept to the
/// whole second (`Value::DateTime` counts seconds), and dropping a
/// fraction is not harmless: `09:15:00.600` read as `09:15:00` is on time
/// for a deadline of `09:15:00`, and rounding up makes an event that must
/// come after another look after it. Either way a late event could look
/// on time, so a non-zero fraction is an input error that says so
/// (`data-datetime-fraction`); zeros (`.000`, as many systems export every
/// time) are read. Before, the fraction was dropped without a word.
pub fn fraction_of_second(t: &str) -> Option<&str> {
    let time = t.get(10..)?;
    let at = time.find(['.', ','])?;
    let before = time[..at].bytes().last()?;
    let digits = time[at + 1..]
        .bytes()
        .take_while(u8::is_ascii_digit)
        .count();
    let fraction = &time[at..at + 1 + digits];
    (before.is_ascii_digit() && fraction.bytes().skip(1).any(|b| b != b'0')).then_some(fraction)
}

/// The offsets around a local time `t` that the case's zone skips (a
/// gap, `true`) or shows twice (a fold), when it is one.
fn ambiguous_local(t: &str, tz: &TimeZone) -> Option<(bool, jiff::tz::Offset, jiff::tz::Offset)> {
    let dt: jiff::civil::DateTime = t.replacen(' ', "T", 1).parse().ok()?;
    match tz.to_ambiguous_zoned(dt).offset() {
        jiff::tz::AmbiguousOffset::Gap { before, after } => Some((true, before, after)),
        jiff::tz::AmbiguousOffset::Fold { before, after } => Some((false, before, after)),
        jiff::tz::AmbiguousOffset::Unambiguous { .. } => None,
    }
}

/// Why `t` is not a datetime, when it is close to one: an offset no time
/// zone has, or a time zone annotation that cannot be checked or disagrees.
fn datetime_error(t: &str, tz: &TimeZone) -> String {
    let base = msg!("data-expected", expected = expected(&FieldType::DateTime)).words();
    if let Some(fraction) = fraction_of_second(t) {
        let whole = t.replacen(fraction, "", 1);
        if parse_datetime(&whole, tz).is_some() {
            return msg!("data-datetime-fraction", fraction = fraction).words();
        }
    }
    if let Some((gap, before, after)) = ambiguous_local(t, tz) {
        let zone = tz.iana_name().unwrap_or("UTC");
        let (before, after) = (before.to_string(), after.to_string());
        return match gap {
            true => msg!(
                "data-datetime-in-gap",
                zone = zone,
                before = before,
                after = after
            ),
            false => msg!(
                "data-datetime-in-fold",
                zone = zone,
                before = before,
                after = after
            ),
        }
        .words();
    }
    let offset = jiff::fmt::temporal::Pieces::parse(t)
        .ok()
        .and_then(|p| p.to_numeric_offset());
    let before_zone = t.split('[').next().unwrap_or(t);
    let written = before_zone
        .get(10..)
        .and_then(|time| time.rfind(['+', '-']).map(|i| &time[i..]));
    match (offset, written) {
        (Some(o), Some(w)) if o.seconds().abs() > MAX_OFFSET_SECONDS => {
            msg!("data-datetime-offset-beyond", base = base, offset = w).words()
        }
        _ if t.contains('[') && offset.is_none() => {
            msg!("data-datetime-annotation-without-offset", base = base).words()
        }
        _ if t.contains('[') => msg!("data-datetime-annotation-disagrees", base = base).words(),
        _ => base,
    }
}

/// The form event logs use, `YYYY-MM-DDTHH:MM:SS` then `Z` or `±HH:MM`, read
/// without the general RFC 3339 parser (it is a tenth of loading a log).
/// Anything unusual (other separators, leap seconds, `-00:00`, far years)
/// returns `None` and goes to jiff, so the accepted texts and their values
/// are exactly jiff's.
fn fast_rfc3339(t: &str) -> Option<i64> {
    let b = t.as_bytes();
    if !(b.len() == 20 && b[19] == b'Z' || b.len() == 25 && b[22] == b':') {
        return None;
    }
    let digit = |i: usize| b[i].is_ascii_digit().then(|| i64::from(b[i] - b'0'));
    let two = |i: usize| Some(digit(i)? * 10 + digit(i + 1)?);
    let seps = [(4, b'-'), (7, b'-'), (10, b'T'), (13, b':'), (16, b':')];
    if seps.iter().any(|&(i, c)| b[i] != c) {
        return None;
    }
    let year = two(0)? * 100 + two(2)?;
    let (month, day) = (two(5)?, two(8)?);
    let (h, m, s) = (two(11)?, two(14)?, two(17)?);
    if !(1000..=9000).contains(&year) || h > 23 || m > 59 || s > 59 {
        return None;
    }
    Date::new(year as i16, month as i8, day as i8).ok()?;
    let offset = if b.len() == 20 {
        0
    } else {
        let (oh, om) = (two(20)?, two(23)?);
        let sign = match b[19] {
            b'+' => 1,
            b'-' if oh + om > 0 => -1,
            _ => return None,
        };
        // Beyond ±14:00 (see `MAX_OFFSET_SECONDS`), the general parser refuses.
        if oh > 14 || om > 59 || oh == 14 && om > 0 {
            return None;
        }
        sign * (oh * 3600 + om * 60)
    };
    Some(days_from_civil(year, month, day) * 86_400 + h * 3600 + m * 60 + s - offset)
}

/// Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's
/// algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// `30 days`, `10 years`, `1 year`, `permanent`, and the Chinese forms
/// of `durations::chinese` (`30年`, `36个月`, `永久保管`).
pub fn parse_duration(t: &str) -> Option<Duration> {
    if let Some(canonical) = crate::data::durations::chinese(t) {
        return parse_duration(&canonical);
    }
    let lower = t.to_lowercase();
    if lower == "permanent" || t == "永久" {
        return Some(Duration::Permanent);
    }
    let (n, unit) = lower.split_once(char::is_whitespace)?;
    let n: i64 = n.parse().ok()?;
    if n < 0 {
        return None;
    }
    duration_from(n, unit.trim())
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_signature_mark_after_a_name_is_the_name() {
        assert_eq!(super::name_key("王芳（签）"), "王芳");
        assert_eq!(super::name_key("王 芳 (签字)"), "王芳");
        assert_eq!(super::name_key("Wang Fang [Signed]"), "wang fang");
        // Compatibility forms and letter case in any script (hostile
        // review, 2026-12-07): full-width Latin, Kangxi radicals from PDF
        // text, a Greek or Cyrillic capital.
        assert_eq!(super::name_key("ＷＡＮＧ ＦＡＮＧ"), "wang fang");
        assert_eq!(super::name_key("Wang  Fang"), "wang fang");
        assert_eq!(
            super::name_key("Jean-Pierre"),
            super::name_key("Jean Pierre")
        );
        // Words of a script written with spaces keep them: two people.
        assert_ne!(super::name_key("Li Nan"), super::name_key("Lin An"));
        assert_ne!(super::name_key("Zhang Ang"), super::name_key("Zhan Gang"));
        for dotted in [
            "阿卜杜•热合曼",
            "阿卜杜・热合曼",
            "阿卜杜.热合曼",
            "阿卜杜 · 热合曼",
        ] {
            assert_eq!(super::name_key(dotted), "阿卜杜·热合曼", "{dotted}");
        }
        assert_eq!(super::name_key("王\u{2f45}"), super::name_key("王方"));
        assert_eq!(super::name_key("ИВАНОВ"), super::name_key("иванов"));
        assert_eq!(super::name_key("張偉"), super::name_key("张伟"));
        // A role or a department in brackets after a name is about them.
        for annotated in ["王芳（档案员）", "王芳(财务部)", "王芳【經理】"] {
            assert_eq!(super::name_key(annotated), "王芳", "{annotated}");
        }
        assert_eq!(super::name_key("Wang Fang (Manager)"), "wang fang");
        // Not a signature mark, or no name before it: kept whole (in its
        // compatibility form: full-width brackets as ASCII ones).
        assert_eq!(super::name_key("王芳（代）"), "王芳(代)");
        assert_eq!(super::name_key("（签）"), "(签)");
        assert_eq!(super::name_key("王芳（签"), "王芳(签");
        // Without brackets: Chinese marks, the longest, after two
        // characters or more.
        assert_eq!(super::name_key("王芳 签字"), "王芳");
        assert_eq!(super::name_key("王芳已签字"), "王芳");
        assert_eq!(super::name_key("王芳/签"), "王芳");
        assert_eq!(super::name_key("欧阳娜签名"), "欧阳娜");
        assert_eq!(super::name_key("李签"), "李签");
        assert_eq!(super::name_key("Wang Fang signed"), "wang fang signed");
        // Ticks and punctuation after it, a role or a label before it, a
        // mark before it or of several words (hostile review, 2026-12-06).
        for written in [
            "王芳√",
            "王芳✓",
            "王芳。",
            "王芳、",
            "王芳，",
            "签字：王芳",
            "（签）王芳",
            "王芳（签名盖章）",
            "监销人王芳",
            "监销人：王芳",
            "王芳_签",
            "王芳（签）。",
            // A re-test (2026-12-06): more roles, roles in brackets, full-width
            // punctuation, quotes around the name.
            "经手人：王芳",
            "监销：王芳",
            "监销人员：王芳",
            "监销员王芳",
            "见证：王芳",
            "（监销人）王芳",
            "王芳（监销人）",
            "王芳（监销）",
            "王芳．",
            "王芳｡",
            "王芳､",
            "王芳＿签",
            "王芳！",
            "“王芳”",
            "【王芳】",
            "（王芳）",
        ] {
            assert_eq!(super::name_key(written), "王芳", "{written}");
        }
        // Not folded: a cross, a role with one character after it, a name
        // that only starts like a label.
        assert_eq!(super::name_key("王芳✗"), "王芳✗");
        assert_eq!(super::name_key("监销人王"), "监销人王");
    }

    #[test]
    fn a_signature_mark_without_a_name_is_a_placeholder() {
        assert!(super::placeholder_item("（签）"));
        assert!(super::placeholder_item("( 签字 )"));
        assert!(super::placeholder_item("无"));
        assert!(super::placeholder_item("签字"));
        assert!(super::placeholder_item("已 签 名"));
        assert!(!super::placeholder_item("王芳（签）"));
        assert!(!super::placeholder_item("王芳签字"));
        assert!(!super::placeholder_item("（代）"));
        assert!(super::placeholder_item("监销人"));
        assert!(super::placeholder_item("签字："));
        assert!(!super::placeholder_item("监销人王芳"));
    }

    use super::*;

    /// A local time daylight saving skips or repeats names no one instant:
    /// it was read as the later (gap) or earlier (fold) without a word
    /// (hostile review, 2026-12-05). It is an input error saying which.
    #[test]
    fn local_times_daylight_saving_skips_or_repeats_are_errors() {
        let berlin = TimeZone::get("Europe/Berlin").expect("a zone");
        for (t, says) in [
            ("2026-03-29 02:30", "skipped (they moved from +01 to +02)"),
            ("2026-03-29T02:00:00", "skipped"),
            (
                "2026-10-25 02:30:00",
                "showed twice (first at +02, then at +01)",
            ),
        ] {
            assert_eq!(parse_datetime(t, &berlin), None, "{t}");
            let e = datetime_error(t, &berlin);
            assert!(e.contains(says) && e.contains("Europe/Berlin"), "{t}: {e}");
        }
        // Around them, and with the offset written, times read as ever.
        for (t, utc) in [
            ("2026-03-29 01:59:59", "2026-03-29T00:59:59Z"),
            ("2026-03-29 03:00", "2026-03-29T01:00:00Z"),
            ("2026-10-25 01:59:59", "2026-10-24T23:59:59Z"),
            ("2026-10-25 03:00", "2026-10-25T02:00:00Z"),
            ("2026-10-25T02:30:00+02:00", "2026-10-25T00:30:00Z"),
            ("2026-10-25T02:30:00+01:00", "2026-10-25T01:30:00Z"),
        ] {
            let want = utc
                .parse::<jiff::Timestamp>()
                .expect("a timestamp")
                .as_second();
            assert_eq!(parse_datetime(t, &berlin), Some(want), "{t}");
        }
        // A zone without daylight saving never meets one.
        let shanghai = TimeZone::get("Asia/Shanghai").expect("a zone");
        assert!(parse_datetime("2026-03-29 02:30", &shanghai).is_some());
    }

    /// A fraction of zeros reads as the whole second; any other fraction
    /// is refused, not dropped (hostile review f6, 2026-12-08: `.600`
    /// read as the second before, on time for a deadline it missed).
    #[test]
    fn a_fraction_of_a_second_is_read_only_when_it_is_zero() {
        let shanghai = TimeZone::get("Asia/Shanghai").expect("a zone");
        let whole = parse_datetime("2026-01-05T09:15:00+08:00", &shanghai);
        assert!(whole.is_some());
        for t in [
            "2026-01-05 09:15:00.000",
            "2026-01-05T09:15:00.000000",
            "2026-01-05T01:15:00.000Z",
            "2026-01-05T09:15:00,0+08:00",
        ] {
            assert_eq!(parse_datetime(t, &shanghai), whole, "{t}");
            assert_eq!(fraction_of_second(t), None, "{t}");
        }
        for (t, fraction) in [
            ("2026-01-05 09:15:00.600", ".600"),
            ("2026-01-05T09:15:00.000001", ".000001"),
            ("2026-01-05T01:15:00.5Z", ".5"),
            ("2026-01-05T09:15:00,25+08:00", ",25"),
        ] {
            assert_eq!(parse_datetime(t, &shanghai), None, "{t}");
            assert_eq!(fraction_of_second(t), Some(fraction), "{t}");
            assert!(
                datetime_error(t, &shanghai).contains(fraction),
                "{t}: {}",
                datetime_error(t, &shanghai)
            );
        }
    }

    #[test]
    fn bools_accept_every_spelling() {
        for t in ["true", "TRUE", "Yes", "1", "是"] {
            assert_eq!(parse_bool(t), Some(true), "{t}");
        }
        for t in ["false", "No", "0", "否"] {
            assert_eq!(parse_bool(t), Some(false), "{t}");
        }
        assert_eq!(parse_bool("maybe"), None);
    }

    #[test]
    fn dates_must_exist_on_the_calendar() {
        assert!(parse_date("2026-02-28").is_some());
        assert!(parse_date("2026-02-30").is_none());
        assert!(parse_date("2026-13-01").is_none());
        assert!(parse_date("2026-1-1").is_none());
    }

    #[test]
    fn local_datetimes_use_the_case_time_zone() {
        let shanghai = TimeZone::get("Asia/Shanghai").expect("bundled tzdb has Asia/Shanghai");
        let local = parse_datetime("2026-03-01 09:30", &shanghai);
        let explicit = parse_datetime("2026-03-01T09:30:00+08:00", &TimeZone::UTC);
        assert_eq!(local, explicit);
        assert_eq!(parse_datetime("2026-03-01T01:30:00Z", &shanghai), explicit);
        assert_eq!(parse_datetime("2026-03-01", &shanghai), None);
    }

    #[test]
    fn the_fast_datetime_path_agrees_with_jiff() {
        let mut n = 0u64;
        let mut next = || {
            // A small LCG: deterministic samples across the whole range.
            n = n
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            n >> 33
        };
        for _ in 0..20_000 {
            let (y, mo, d) = (1000 + next() % 8001, 1 + next() % 12, 1 + next() % 31);
            let (h, mi, s) = (next() % 24, next() % 60, next() % 60);
            let off = match next() % 4 {
                0 => "Z".to_string(),
                1 => format!("+{:02}:{:02}", next() % 14, next() % 60),
                2 => format!("-{:02}:{:02}", next() % 14, next() % 60),
                _ => "+08:00".to_string(),
            };
            let text = format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}{off}");
            let jiff = text.parse::<jiff::Timestamp>().ok().map(|t| t.as_second());
            if let Some(fast) = fast_rfc3339(&text) {
                assert_eq!(Some(fast), jiff, "{text}");
            } else {
                assert!(
                    jiff.is_none() || d > 28 || off == "-00:00",
                    "fast path refused {text}"
                );
            }
        }
        for odd in [
            "2026-02-30T10:00:00Z",
            "2026-01-01T24:00:00Z",
            "2026-01-01T10:00:60Z",
            "2026-01-01t10:00:00Z",
            "2026-01-01 10:00:00+08:00",
            "2026-01-01T10:00:00-00:00",
        ] {
            assert_eq!(fast_rfc3339(odd), None, "{odd}");
        }
    }

    #[test]
    fn offsets_beyond_14_hours_and_inconsistent_zones_are_refused() {
        let utc = TimeZone::UTC;
        for bad in [
            "2026-03-01T10:00:00+25:00",
            "2026-03-01T10:00:00+15:00",
            "2026-03-01T10:00:00-14:30",
            "2026-03-01T10:00:00+09:00[Asia/Shanghai]",
            "2026-03-01T10:00:00[Asia/Shanghai]",
            "2026-03-01T10:00:00+08:00[Mars/Base]",
            "2026-03-01 10:00+26:00",
        ] {
            assert_eq!(parse_datetime(bad, &utc), None, "{bad}");
        }
        let plain = parse_datetime("2026-03-01T10:00:00+08:00", &utc);
        assert!(plain.is_some());
        for good in [
            "2026-03-01T10:00:00+08:00[Asia/Shanghai]",
            "2026-03-01T10:00+08:00[Asia/Shanghai]",
        ] {
            assert_eq!(parse_datetime(good, &utc), plain, "{good}");
        }
        assert!(parse_datetime("2026-03-01T10:00:00+14:00", &utc).is_some());
        assert!(parse_datetime("2026-03-01T10:00:00-12:00", &utc).is_some());
    }

    #[test]
    fn json_lists_of_text_hold_strings() {
        let mut interner = Interner::default();
        let mut conv = Converter {
            interner: &mut interner,
            tz: &TimeZone::UTC,
            unhashed: false,
            discard: false,
            placeholders: 0,
        };
        let texts = FieldType::List(Box::new(FieldType::Text));
        assert!(conv.json(&serde_json::json!([true, 1]), &texts).is_err());
        assert!(conv.json(&serde_json::json!(["a", 1]), &texts).is_err());
        assert!(conv
            .json(&serde_json::json!(true), &FieldType::Text)
            .is_err());
        assert!(conv.json(&serde_json::json!(["a", "b"]), &texts).is_ok());
        let ids = FieldType::List(Box::new(FieldType::Id));
        assert!(conv.json(&serde_json::json!([1001, "S-2"]), &ids).is_ok());
        assert!(conv
            .json(&serde_json::json!(1001), &FieldType::Text)
            .is_ok());
    }

    #[test]
    fn durations_parse_units_and_permanent() {
        assert_eq!(
            parse_duration("30 days"),
            Some(Duration::Span {
                months: 0,
                days: 30,
                seconds: 0
            })
        );
        assert_eq!(
            parse_duration("10 years"),
            Some(Duration::Span {
                months: 120,
                days: 0,
                seconds: 0
            })
        );
        assert_eq!(parse_duration("permanent"), Some(Duration::Permanent));
        assert_eq!(parse_duration("30 yaers"), None);
        assert_eq!(parse_duration("-3 days"), None);
    }
}
