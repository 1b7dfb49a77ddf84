//! What `custodia init` proposes for each file: which collection it holds
//! (by its name and how well its header matches), which column feeds which
//! field (the dictionary of `terms`, the schema's descriptions, then
//! resemblance), and the value maps, separators, date formats and lookups
//! its values call for.

use std::collections::{BTreeMap, BTreeSet};

use crate::check::schema::{CollKind, Collection, Field, FieldType, Schema};
use crate::data::convert::parse_bool;
use crate::data::mapping::{fold, values};
use crate::data::read::{Raw, RawRow};
use crate::value::CollId;

use crate::data::terms;

/// A data file as read for the proposal.
pub struct FileInfo {
    /// Relative to the case, `/`-separated.
    pub rel: String,
    /// `Some` when the file is not UTF-8 (read as GB18030).
    pub encoding: Option<&'static str>,
    /// A workbook's header row when it is below row 1 (title rows above).
    pub header_row: Option<u32>,
    pub headers: Vec<String>,
    pub rows: Vec<RawRow>,
}

impl FileInfo {
    fn cell(&self, row: &RawRow, i: usize) -> Option<String> {
        row.cells.get(i).and_then(|(_, raw, _)| match raw {
            Raw::Text(t) => Some(t.trim().to_string()),
            Raw::Json(serde_json::Value::String(s)) => Some(s.trim().to_string()),
            Raw::Json(serde_json::Value::Null) => None,
            Raw::Json(j) => Some(j.to_string()),
        })
    }

    /// The distinct non-empty values of a column, with counts.
    pub fn distinct(&self, i: usize) -> BTreeMap<String, u64> {
        let mut out = BTreeMap::new();
        for row in &self.rows {
            if let Some(v) = self.cell(row, i).filter(|v| !v.is_empty()) {
                *out.entry(v).or_default() += 1;
            }
        }
        out
    }
}

/// How sure a match is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Score(pub u32);

const SURE: u32 = 80;
const LEAST: u32 = 50;

/// One field's proposal.
#[derive(Clone, Debug, Default)]
pub struct FieldProposal {
    pub field: String,
    /// `None`: no column found (a required field: to fill in).
    pub column: Option<String>,
    /// Chosen by its name, not by resemblance (else `# check`).
    pub sure: bool,
    /// file value -> code (`None`: unknown, to fill in).
    pub values: Vec<(String, Option<String>)>,
    /// What the values to fill in must be.
    pub values_hint: Hint,
    pub separator: Option<String>,
    pub formats: Option<Vec<&'static str>>,
    pub lookup: Option<String>,
    /// Values that no known form reads (a note for the summary).
    pub unread: Vec<String>,
}

/// What a value left to fill in must be (put into words by `yaml`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Hint {
    #[default]
    None,
    Duration,
    /// One of these codes.
    OneOf(Vec<String>),
    Bool,
    /// The id of a row of `table` whose `field` is the value.
    IdOf {
        table: String,
        field: String,
        /// Whether `field` is `pii`: the values (names) are then shown
        /// masked in what `init` prints; custodia.yaml holds them as keys.
        pii: bool,
    },
}

/// Where a file goes in custodia.yaml.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    Inventory,
    Log(String),
    Table(String),
}

pub struct Proposal {
    pub file: usize,
    pub coll: CollId,
    pub place: Place,
    pub fields: Vec<FieldProposal>,
    /// Headers no field takes, each with the field it names as well as
    /// the column the field took (`诉讼保全`, a usual name of `legal_hold`
    /// beside `涉诉冻结`): (field, that column).
    pub unmapped: Vec<(String, Option<(String, String)>)>,
}

/// The dictionary and description terms of each field of a collection.
pub struct Terms<'a> {
    pub descriptions: &'a dyn Fn(&Collection, &Field) -> Vec<String>,
}

/// How well `header` names `field` of `c`.
fn score(header: &str, c: &Collection, f: &Field, t: &Terms) -> Score {
    let h = fold(header);
    if h.is_empty() {
        return Score(0);
    }
    if h == fold(&f.name) {
        return Score(100);
    }
    let own: Vec<&str> = terms::FIELD_TERMS
        .iter()
        .filter(|(coll, field, _)| *coll == c.name && *field == f.name)
        .flat_map(|(_, _, words)| words.iter().copied())
        .collect();
    let generic: Vec<&str> = terms::FIELD_TERMS
        .iter()
        .filter(|(coll, field, _)| *coll == "*" && *field == f.name)
        .flat_map(|(_, _, words)| words.iter().copied())
        .collect();
    let described = (t.descriptions)(c, f);
    if own.iter().any(|w| fold(w) == h) {
        return Score(95);
    }
    if generic.iter().any(|w| fold(w) == h) {
        return Score(90);
    }
    if described.iter().any(|w| fold(w) == h) {
        return Score(85);
    }
    let all = own
        .iter()
        .chain(&generic)
        .map(|w| w.to_string())
        .chain(described);
    // A header naming what a bool field holds in words (`诉讼情况` for
    // `legal_hold`, `个人信息类型` for `personal_info`): proposed, with a
    // value map for its words (hostile review h24a F13).
    let mut best = match f.ty == FieldType::Bool && crate::data::header_names_field(&f.name, header)
    {
        true => 60,
        false => 0,
    };
    for w in all {
        let w = fold(&w);
        let (hn, wn) = (h.chars().count(), w.chars().count());
        if hn >= 2 && wn >= 2 && (h.contains(&w) || w.contains(&h)) {
            best = best.max(65);
        } else if strsim::normalized_levenshtein(&h, &w) >= 0.6 {
            best = best.max(55);
        }
    }
    Score(best)
}

/// The header -> field assignment of a file for one collection: the best
/// pairs first, each header and each field once.
fn assign(file: &FileInfo, c: &Collection, t: &Terms) -> Vec<(usize, usize, Score)> {
    let mut pairs = Vec::new();
    for (i, h) in file.headers.iter().enumerate() {
        for (j, f) in c.fields.iter().enumerate() {
            let s = score(h, c, f, t);
            if s.0 >= LEAST {
                pairs.push((i, j, s));
            }
        }
    }
    pairs.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)).then(a.1.cmp(&b.1)));
    let (mut used_h, mut used_f) = (BTreeSet::new(), BTreeSet::new());
    let mut out = Vec::new();
    for (i, j, s) in pairs {
        if used_h.contains(&i) || used_f.contains(&j) {
            continue;
        }
        used_h.insert(i);
        used_f.insert(j);
        out.push((i, j, s));
    }
    out
}

/// The collection a file most likely holds, or `None` when nothing fits.
pub fn collection(schema: &Schema, file: &FileInfo, t: &Terms) -> Option<CollId> {
    let stem = file
        .rel
        .rsplit('/')
        .next()
        .unwrap_or(&file.rel)
        .to_lowercase();
    let mut best: Option<(i64, CollId)> = None;
    for id in schema.ids() {
        let c = schema.collection(id);
        if c.kind == CollKind::Company {
            continue;
        }
        let matched = assign(file, c, t);
        let named = terms::FILE_TERMS
            .iter()
            .any(|(coll, words)| *coll == c.name && words.iter().any(|w| stem.contains(w)));
        let covered: BTreeSet<usize> = matched.iter().map(|m| m.1).collect();
        let missing = c
            .fields
            .iter()
            .enumerate()
            .filter(|(j, f)| !f.optional && f.default.is_none() && !covered.contains(j))
            .count() as i64;
        let sum: i64 = matched.iter().map(|m| i64::from(m.2 .0)).sum();
        let total = sum + if named { 150 } else { 0 } - 40 * missing;
        if matched.len() < 2 && !named {
            continue;
        }
        if best.map_or(true, |(b, _)| total > b) {
            best = Some((total, id));
        }
    }
    best.map(|(_, id)| id)
}

/// The proposal for a file holding collection `coll`. `tables`: the
/// proposals of the tables already made (for lookups).
pub fn propose(
    schema: &Schema,
    file: &FileInfo,
    files: &[FileInfo],
    coll: CollId,
    t: &Terms,
    tables: &[Proposal],
) -> Proposal {
    let c = schema.collection(coll);
    let matched = assign(file, c, t);
    let mut fields = Vec::new();
    for (j, f) in c.fields.iter().enumerate() {
        let Some((i, _, s)) = matched.iter().find(|m| m.1 == j) else {
            if !f.optional && f.default.is_none() {
                fields.push(FieldProposal {
                    field: f.name.clone(),
                    ..Default::default()
                });
            }
            continue;
        };
        let mut p = FieldProposal {
            field: f.name.clone(),
            column: Some(file.headers[*i].clone()),
            sure: s.0 >= SURE,
            ..Default::default()
        };
        shape(schema, file, files, *i, f, tables, &mut p);
        fields.push(p);
    }
    let taken: BTreeSet<usize> = matched.iter().map(|m| m.0).collect();
    let unmapped = file
        .headers
        .iter()
        .enumerate()
        .filter(|(i, h)| !taken.contains(i) && !h.trim().is_empty())
        .map(|(_, h)| (h.clone(), twin_of(file, c, t, h, &matched)))
        .collect();
    let place = match c.kind {
        CollKind::Record => Place::Inventory,
        CollKind::Event => Place::Log(c.name.clone()),
        _ => Place::Table(c.name.clone()),
    };
    Proposal {
        file: files
            .iter()
            .position(|f| f.rel == file.rel)
            .unwrap_or_default(),
        coll,
        place,
        fields,
        unmapped,
    }
}

/// The field a header left unmapped names surely (by its name or one of
/// its usual names) when another column took that field, with that
/// column: `init` said no field was like `诉讼保全` beside `legal_hold:
/// 涉诉冻结` (hostile review h23a F1), and `check` compares the two.
fn twin_of(
    file: &FileInfo,
    c: &Collection,
    t: &Terms,
    header: &str,
    matched: &[(usize, usize, Score)],
) -> Option<(String, String)> {
    matched
        .iter()
        .filter(|(_, j, _)| score(header, c, &c.fields[*j], t).0 >= SURE)
        .max_by_key(|(_, j, _)| score(header, c, &c.fields[*j], t))
        .map(|(i, j, _)| (c.fields[*j].name.clone(), file.headers[*i].clone()))
}

/// Value maps, separator, formats and lookup of one mapped column.
fn shape(
    schema: &Schema,
    file: &FileInfo,
    files: &[FileInfo],
    i: usize,
    f: &Field,
    tables: &[Proposal],
    p: &mut FieldProposal,
) {
    let (item, list) = match &f.ty {
        FieldType::List(inner) => (inner.as_ref(), true),
        ty => (ty, false),
    };
    let distinct = file.distinct(i);
    let mut items: BTreeMap<String, u64> = BTreeMap::new();
    if list {
        let sep = ["、", "，", "；", ",", "/", "|"]
            .into_iter()
            .find(|s| distinct.keys().any(|v| v.contains(s)));
        p.separator = sep.map(str::to_string);
        for (v, n) in &distinct {
            let parts: Vec<&str> = match sep {
                Some(s) => v.split(s).chain(std::iter::empty()).collect(),
                None => v.split(';').collect(),
            };
            for part in parts.iter().map(|x| x.trim()).filter(|x| !x.is_empty()) {
                *items.entry(part.to_string()).or_default() += n;
            }
        }
    } else {
        items = distinct;
    }
    match item {
        FieldType::Enum(allowed) => enum_values(&items, allowed, p),
        FieldType::Bool => bool_values(&items, p),
        FieldType::Date | FieldType::DateTime => date_formats(&items, item, p),
        FieldType::Duration => {
            let bad: Vec<(String, Option<String>)> = items
                .keys()
                .filter(|v| values::duration(v).is_none())
                .map(|v| (v.clone(), None))
                .collect();
            if !bad.is_empty() {
                p.values = items
                    .keys()
                    .map(|v| (v.clone(), values::duration(v)))
                    .collect();
                p.values_hint = Hint::Duration;
            }
        }
        FieldType::Ref(t) => lookup(schema, files, *t, &items, tables, p),
        _ => {}
    }
}

fn enum_values(items: &BTreeMap<String, u64>, allowed: &[String], p: &mut FieldProposal) {
    if items.keys().all(|v| allowed.contains(v)) {
        return;
    }
    p.values = items
        .keys()
        .map(|v| {
            let code = if allowed.contains(v) {
                Some(v.clone())
            } else {
                terms::VALUE_WORDS
                    .iter()
                    .find(|(w, code)| *w == v.as_str() && allowed.iter().any(|a| a == code))
                    .map(|(_, code)| code.to_string())
            };
            (v.clone(), code)
        })
        .collect();
    p.values_hint = Hint::OneOf(allowed.to_vec());
}

fn bool_values(items: &BTreeMap<String, u64>, p: &mut FieldProposal) {
    if items.keys().all(|v| parse_bool(v).is_some()) {
        return;
    }
    p.values = items
        .keys()
        .map(|v| {
            let b = parse_bool(v).or_else(|| {
                terms::BOOL_WORDS
                    .iter()
                    .find(|(w, _)| *w == v.as_str())
                    .map(|(_, b)| *b)
            });
            (v.clone(), b.map(|b| b.to_string()))
        })
        .collect();
    p.values_hint = Hint::Bool;
}

fn date_formats(items: &BTreeMap<String, u64>, ty: &FieldType, p: &mut FieldProposal) {
    let reads = |v: &str, formats: &[values::DateFormat]| match ty {
        FieldType::Date => values::date(v, formats).is_some(),
        _ => values::datetime(v, formats).is_some(),
    };
    let mut with_excel = values::DEFAULT_FORMATS.to_vec();
    with_excel.push(values::DateFormat::Excel);
    let needs_excel = items
        .keys()
        .any(|v| !reads(v, &values::DEFAULT_FORMATS) && reads(v, &with_excel));
    let formats: &[values::DateFormat] = if needs_excel {
        p.formats = Some(values::FORMAT_NAMES.iter().map(|(n, _)| *n).collect());
        &with_excel
    } else {
        &values::DEFAULT_FORMATS
    };
    p.unread = items
        .keys()
        .filter(|v| !reads(v, formats))
        .cloned()
        .collect();
}

/// A reference to a table given by another field of it (a name for a
/// staff number): `lookup: TABLE.FIELD`, with the values the table lacks
/// to fill in.
fn lookup(
    schema: &Schema,
    files: &[FileInfo],
    table: CollId,
    items: &BTreeMap<String, u64>,
    tables: &[Proposal],
    p: &mut FieldProposal,
) {
    let Some(tp) = tables.iter().find(|t| t.coll == table) else {
        return;
    };
    let tfile = &files[tp.file];
    let column_values = |field: &str| -> BTreeSet<String> {
        let Some(fp) = tp.fields.iter().find(|f| f.field == field) else {
            return BTreeSet::new();
        };
        let Some(i) = fp
            .column
            .as_ref()
            .and_then(|c| tfile.headers.iter().position(|h| h == c))
        else {
            return BTreeSet::new();
        };
        tfile
            .distinct(i)
            .into_keys()
            .map(|v| {
                fp.values
                    .iter()
                    .find(|(from, _)| *from == v)
                    .and_then(|(_, to)| to.clone())
                    .unwrap_or(v)
            })
            .collect()
    };
    let share = |set: &BTreeSet<String>| {
        items.keys().filter(|v| set.contains(*v)).count() as f64 / items.len().max(1) as f64
    };
    if share(&column_values("id")) >= 0.8 {
        return;
    }
    let c = schema.collection(table);
    let best = c
        .fields
        .iter()
        .filter(|f| f.name != "id" && matches!(f.ty, FieldType::Text))
        .map(|f| {
            let set = column_values(&f.name);
            (share(&set), f.name.clone(), set)
        })
        .max_by(|a, b| a.0.total_cmp(&b.0));
    let Some((s, field, set)) = best.filter(|b| b.0 >= 0.5) else {
        return;
    };
    let _ = s;
    p.lookup = Some(format!("{}.{field}", c.name));
    p.values = items
        .keys()
        .filter(|v| !set.contains(*v))
        .map(|v| (v.clone(), None))
        .collect();
    let pii = c.fields.iter().any(|f| f.name == field && f.pii);
    p.values_hint = Hint::IdOf {
        table: c.name.clone(),
        field: field.to_string(),
        pii,
    };
}
