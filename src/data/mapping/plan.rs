//! A source entry resolved against the schema and one file's header: which
//! column feeds which field and how. Every mistake in the entry is found
//! here, before a row is loaded, as one error at its line in custodia.yaml.

use std::collections::{BTreeMap, HashMap};

use crate::check::schema::{CollKind, Collection, FieldType, Schema};
use crate::data::read::{Raw, RawRow};
use crate::data::source::{Resolved, Role};
use crate::data::InputError;
use crate::value::CollId;

use super::messages as msg;
use super::values::{self, DateFormat};

/// Where a field's value comes from.
#[derive(Clone, Debug)]
pub enum From {
    /// The column at this position of the header.
    Column(usize),
    /// The same text in every row.
    Constant(String),
}

#[derive(Clone, Debug)]
pub struct FieldPlan {
    pub name: String,
    pub ty: FieldType,
    pub pii: bool,
    pub from: From,
    /// The header text of the column (empty for a constant).
    pub column: String,
    /// File value -> schema value.
    pub values: Option<HashMap<String, String>>,
    pub formats: Vec<DateFormat>,
    /// Separators of a list's items; `;` always among them.
    pub separators: Vec<String>,
    /// (table, field): the cell names a row of the table by that field.
    pub lookup: Option<(String, String)>,
    /// How personal the cells it reads are (`personal::kind_of`), found
    /// once per file: it is asked of every cell.
    pub personal: super::personal::Kind,
    /// Line of the field's mapping in custodia.yaml (0: not mapped there).
    pub line: u32,
}

/// One source entry resolved for one file.
#[derive(Clone, Debug)]
pub struct Plan {
    pub coll: CollId,
    pub fields: Vec<FieldPlan>,
    /// (column position, values, line): only rows holding one are read.
    pub filter: Vec<(usize, Vec<String>, u32)>,
    /// (column position, values, line): rows holding one of the values of
    /// every column are skipped.
    pub skip: Vec<(usize, Vec<String>, u32)>,
    /// The position of a log's `kind` column no field reads, and the
    /// entry's kind: a row that names another kind there is not read into
    /// it (docs/mapping.md, "The kind of a log's rows").
    pub kind_column: Option<(usize, String)>,
    /// Line of the entry in custodia.yaml.
    pub line: u32,
    /// Unread columns named like a field read from its implicit column
    /// beside them (`near_miss_columns`).
    pub beside: Vec<Beside>,
    /// Columns no entry of the file reads (nor `beside`), by position and
    /// header, watched for the
    /// values of a field this entry reads nothing into, or only its own
    /// column (`load::by_values`); filled in once every entry is planned.
    pub unread: Vec<(usize, String)>,
    /// The headers of the `skip:` columns, in `skip`'s order; filled in
    /// with `unread`.
    pub skip_headers: Vec<String>,
}

/// An unread column named like a field the entry reads from the column
/// named exactly after it (`Legal_Hold` beside `legal_hold`): rows holding
/// a value only there are found as they are read (`rows::Shadow`).
#[derive(Clone, Debug)]
pub struct Beside {
    /// The unread column's position and header.
    pub near: usize,
    pub column: String,
    /// Where the field's value comes from: its own column, or the constant
    /// the entry maps it to.
    pub own: Own,
    pub field: String,
    /// Named as the field but for case, width and separators, or by one
    /// of its usual names (`诉讼保全`): the same field written twice.
    pub one_field: bool,
}

/// The value a [`Beside`] column is compared with.
#[derive(Clone, Debug)]
pub enum Own {
    /// The position of the field's own column.
    Column(usize),
    /// The constant the entry maps the field to (`legal_hold: { constant:
    /// false }`), as written.
    Constant(String),
    /// The column the entry maps the field to under `columns:`, by
    /// position and header, with the entry's value map: compared with an unread
    /// column under the field's own or usual name (`诉讼保全` beside
    /// `legal_hold: 涉诉冻结`), as a constant is (docs/mapping.md, Decision
    /// 2026-12-08).
    Mapped(usize, String, Option<HashMap<String, String>>),
}

/// What a plan is checked in.
pub struct Ctx<'a> {
    pub schema: &'a Schema,
    /// The manifest's name, where mapping errors point.
    pub manifest: &'a str,
    /// The data file, as shown.
    pub rel: &'a str,
    pub stem: &'a str,
    pub headers: &'a [String],
    /// Tables that have a source (a lookup needs one).
    pub tables: &'a [String],
    /// The language of the messages.
    pub lang: crate::i18n::Lang,
    /// The header row holds none of the columns the entry names: it is
    /// likely a row of data (a wrong `header_row`, a file without header),
    /// so a message does not list its cells as written ([`listed_headers`]).
    pub header_is_data: bool,
}

impl Ctx<'_> {
    fn error(&self, line: u32, field: Option<&str>, message: String) -> InputError {
        InputError {
            file: self.manifest.to_string(),
            line: (line > 0).then_some(line),
            column: None,
            field: field.map(str::to_string),
            value: None,
            message,
        }
    }

    /// The header position of `column`: exact, else equal but for case and
    /// full-width letters; an error with a did-you-mean over the header.
    fn column(&self, column: &str, line: u32, field: Option<&str>) -> Result<usize, InputError> {
        let column = column.trim();
        if let Some(i) = self.headers.iter().position(|h| h == column) {
            return Ok(i);
        }
        let folded = fold(column);
        let like: Vec<usize> = (0..self.headers.len())
            .filter(|i| fold(&self.headers[*i]) == folded)
            .collect();
        if let [one] = like.as_slice() {
            return Ok(*one);
        }
        let hint =
            crate::check::suggest::did_you_mean(column, self.headers.iter().map(String::as_str))
                .filter(|_| !self.header_is_data);
        Err(self.error(
            line,
            field,
            msg::no_such_column(self.lang, self.rel, column, hint, &listed_headers(self)),
        ))
    }
}

/// The header's cells as a message lists them: as written, but each
/// masked when the header row is likely data (`Ctx::header_is_data`):
/// its cells may be a customer's name and phone number.
fn listed_headers(ctx: &Ctx) -> Vec<String> {
    if ctx.header_is_data {
        ctx.headers.iter().map(|h| crate::pii::mask(h)).collect()
    } else {
        ctx.headers.to_vec()
    }
}

/// Whether the entry names columns (fields' `column:`, `where:`, `skip:`)
/// and the header holds none of them, even but for case and width.
fn header_is_data(ctx: &Ctx, e: &crate::data::source::SourceEntry) -> bool {
    let fields = e.columns.iter().flatten();
    let named: Vec<&str> = fields
        .filter_map(|(_, spec)| spec.0.column.as_deref())
        .chain(e.filter.keys().map(String::as_str))
        .chain(e.skip.keys().map(String::as_str))
        .collect();
    let headers: Vec<String> = ctx.headers.iter().map(|h| fold(h)).collect();
    !named.is_empty() && !named.iter().any(|n| headers.contains(&fold(n)))
}

/// Lower case, full-width ASCII and the ideographic space as half-width,
/// trimmed: `ＩＤ`, `Id ` and `id` are one header.
pub fn fold(s: &str) -> String {
    s.trim()
        .chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Resolves `entry` for a file whose header is `ctx.headers`; every
/// mistake at once.
pub fn plan(ctx: &Ctx, entry: &Resolved) -> Result<Plan, Vec<InputError>> {
    let e = &entry.entry;
    let data_ctx;
    let ctx = if header_is_data(ctx, e) {
        data_ctx = Ctx {
            header_is_data: true,
            ..*ctx
        };
        &data_ctx
    } else {
        ctx
    };
    let coll = collection(ctx, entry).map_err(|m| vec![ctx.error(e.line, None, m)])?;
    let c = ctx.schema.collection(coll);
    let mut errors = Vec::new();
    let mut fields = Vec::new();
    let mut used: BTreeMap<usize, String> = BTreeMap::new();
    let mut failed = Vec::new();
    for (key, spec) in e.columns.iter().flatten() {
        let (name, line) = (&key.name, key.line);
        match field_plan(ctx, c, name, &spec.0, line) {
            Ok(fp) => {
                if let From::Column(i) = fp.from {
                    if let Some(other) = used.insert(i, name.clone()) {
                        errors.push(ctx.error(
                            line,
                            Some(name),
                            msg::column_twice(ctx.lang, &fp.column, &other, name),
                        ));
                    }
                }
                fields.push(fp);
            }
            Err((at, m)) => {
                failed.push(name.clone());
                // `titel: 题名` is one mistake: `title` is not also unmapped.
                if c.field_id(name).is_none() {
                    let names = c.fields.iter().map(|f| f.name.as_str());
                    if let Some(meant) = crate::check::suggest::did_you_mean(name, names) {
                        failed.push(meant.to_string());
                    }
                }
                errors.push(ctx.error(at, Some(name), m));
            }
        }
    }
    implicit_columns(ctx, c, e.line, &mut fields, &used, &mut errors);
    let beside = near_miss_columns(ctx, c, e, &fields, &mut failed, &mut errors);
    let missing: Vec<&str> = c
        .fields
        .iter()
        .filter(|f| !f.optional && f.default.is_none())
        .filter(|f| !fields.iter().any(|p| p.name == f.name) && !failed.contains(&f.name))
        .map(|f| f.name.as_str())
        .collect();
    if !missing.is_empty() {
        errors.push(ctx.error(
            e.line,
            None,
            msg::unmapped_required(ctx.lang, ctx.rel, &c.name, &missing),
        ));
    }
    let filter = row_filter(ctx, &e.filter, &mut errors);
    let skip = row_filter(ctx, &e.skip, &mut errors);
    let kind_column = (c.kind == CollKind::Event && !ctx.header_is_data)
        .then(|| ctx.headers.iter().position(|h| h.trim() == "kind"))
        .flatten()
        .filter(|i| {
            !fields
                .iter()
                .any(|f| matches!(f.from, From::Column(j) if j == *i))
        })
        .map(|i| (i, c.name.clone()));
    if errors.is_empty() {
        Ok(Plan {
            coll,
            fields,
            filter,
            skip,
            kind_column,
            line: e.line,
            beside,
            unread: Vec::new(),
            skip_headers: Vec::new(),
        })
    } else {
        Err(errors)
    }
}

/// The collection an entry's rows go to.
fn collection(ctx: &Ctx, entry: &Resolved) -> Result<CollId, String> {
    let schema = ctx.schema;
    let of_kind = |name: &str, kind: CollKind| {
        schema
            .lookup(name)
            .filter(|c| schema.collection(*c).kind == kind)
    };
    match &entry.role {
        Role::Inventory => schema
            .record()
            .ok_or_else(|| msg::no_collection(ctx.lang, "record")),
        Role::Table(name) => {
            of_kind(name, CollKind::Table).ok_or_else(|| msg::no_table(ctx.lang, name))
        }
        Role::Log => {
            let kinds: Vec<&str> = schema
                .collections
                .iter()
                .filter(|c| c.kind == CollKind::Event)
                .map(|c| c.name.as_str())
                .collect();
            match &entry.entry.kind {
                Some(k) => of_kind(k.trim(), CollKind::Event)
                    .ok_or_else(|| msg::unknown_kind(ctx.lang, k, &kinds)),
                None => of_kind(ctx.stem, CollKind::Event)
                    .ok_or_else(|| msg::log_needs_kind(ctx.lang, ctx.rel, &kinds)),
            }
        }
    }
}

/// A field's mapping checked: the field exists, the column too, the value
/// map's targets are values of the field, the formats are known.
fn field_plan(
    ctx: &Ctx,
    c: &Collection,
    name: &str,
    spec: &crate::data::source::FieldSpec,
    line: u32,
) -> Result<FieldPlan, (u32, String)> {
    let at = |m: String| (line, m);
    let Some(fid) = c.field_id(name) else {
        let hint =
            crate::check::suggest::did_you_mean(name, c.fields.iter().map(|f| f.name.as_str()));
        return Err(at(msg::unknown_field(ctx.lang, name, &c.name, hint)));
    };
    let f = c.field(fid);
    let (from, column) = match (&spec.column, &spec.constant) {
        (Some(col), None) if col.trim().is_empty() => {
            return Err(at(msg::fill_in_column(ctx.lang, name)))
        }
        (Some(col), None) => {
            let i = ctx
                .column(col, line, Some(name))
                .map_err(|e| at(e.message))?;
            (From::Column(i), ctx.headers[i].clone())
        }
        (None, Some(k)) => (From::Constant(k.0.clone()), String::new()),
        (Some(_), Some(_)) => return Err(at(msg::column_and_constant(ctx.lang, name))),
        (None, None) => return Err(at(msg::no_column(ctx.lang, name))),
    };
    let item = match &f.ty {
        FieldType::List(inner) => inner.as_ref(),
        ty => ty,
    };
    // A key is a value of the file (`init` writes them from it): masked
    // in a message when the field's cells are personal.
    let lookup_named = spec.lookup.as_deref().and_then(|l| l.split_once('.'));
    let key_kind = super::personal::kind_of(ctx.schema, f.pii, &f.ty, lookup_named);
    let values = match &spec.values {
        None => None,
        Some(map) => {
            let mut out = HashMap::new();
            for (k, v) in map {
                let target = v.value.0.trim();
                let value_line = v.referenced.line() as u32;
                let key = key_kind.shown(&k.0);
                // An optional field's value may be sent to empty, the
                // author's word that it stands for nothing (`永久: ""` for
                // a `period_end` where empty means permanent; docs/mapping.md,
                // Decision 2026-12-08). A required field (or one with a
                // default, or a list) has no empty to send it to.
                // Nor is a yes or no word (`是: ""`) a word for nothing.
                let to_empty = f.optional
                    && f.default.is_none()
                    && !matches!(f.ty, FieldType::List(_))
                    && !(f.ty == FieldType::Bool
                        && crate::data::convert::parse_bool(k.0.trim()).is_some());
                if target.is_empty() && !to_empty {
                    return Err((value_line, msg::fill_in_value(ctx.lang, name, &key, item)));
                }
                if !target.is_empty() && !accepts(item, target) {
                    return Err((
                        value_line,
                        msg::bad_target(ctx.lang, name, &key, target, item),
                    ));
                }
                let written = (k.0.trim(), key.as_str());
                if let Some(m) = contradicted_label(ctx.lang, c, f, name, written, target) {
                    return Err((value_line, m));
                }
                out.insert(k.0.trim().to_string(), target.to_string());
            }
            if let Some(m) = answers_alike(ctx.lang, name, item, &out) {
                return Err((line, m));
            }
            Some(out)
        }
    };
    let formats = match &spec.format {
        None => values::DEFAULT_FORMATS.to_vec(),
        Some(names) => {
            if !matches!(item, FieldType::Date | FieldType::DateTime) {
                return Err(at(msg::format_not_date(ctx.lang, name)));
            }
            if names.0.is_empty() {
                // `format: []` accepts no date: every value would fail.
                return Err(at(crate::t!(ctx.lang, "review-empty-format", field = name)));
            }
            let mut out = Vec::new();
            for n in &names.0 {
                out.push(
                    values::format_named(&n.0)
                        .ok_or_else(|| at(msg::unknown_format(ctx.lang, &n.0)))?,
                );
            }
            out
        }
    };
    let mut separators = vec![";".to_string()];
    if let Some(seps) = &spec.separator {
        if !matches!(f.ty, FieldType::List(_)) {
            return Err(at(msg::separator_not_list(ctx.lang, name)));
        }
        separators.extend(seps.0.iter().map(|s| s.0.clone()).filter(|s| !s.is_empty()));
    }
    let lookup = match &spec.lookup {
        None => None,
        Some(l) => Some(lookup(ctx, l).map_err(at)?),
    };
    if let From::Constant(k) = &from {
        if spec.values.is_none() && !accepts(&f.ty, k) {
            return Err(at(msg::bad_constant(ctx.lang, name, k, &f.ty)));
        }
    }
    Ok(FieldPlan {
        name: name.to_string(),
        ty: f.ty.clone(),
        pii: f.pii,
        from,
        column,
        values,
        formats,
        separators,
        lookup,
        line,
        personal: key_kind,
    })
}

/// A value map sending one of the field's own values, or its label
/// (`已销毁`, the label of `destroyed`), to another value: every row saying
/// it would be read as what it does not say (hostile review, 2026-12-07:
/// `已销毁: active` took the destroyed records out of every destruction
/// rule). Compared without ASCII case, as labels are read.
/// `written`: the key as written, and as a message may show it (masked
/// when the field's cells are personal).
fn contradicted_label(
    lang: crate::i18n::Lang,
    c: &Collection,
    f: &crate::check::schema::Field,
    name: &str,
    (key, shown): (&str, &str),
    target: &str,
) -> Option<String> {
    let FieldType::Enum(allowed) = (match &f.ty {
        FieldType::List(inner) => inner.as_ref(),
        ty => ty,
    }) else {
        return None;
    };
    // Written as a reader reads it: `已　销毁`, full-width letters.
    let folded = |t: &str| -> String {
        use unicode_normalization::UnicodeNormalization;
        t.nfkc()
            .filter(|c| !c.is_whitespace() && !crate::text::is_invisible(*c))
            .flat_map(char::to_lowercase)
            .collect()
    };
    let key_folded = folded(key);
    let same = |w: &Option<String>| w.as_deref().is_some_and(|w| folded(w) == key_folded);
    let standard = crate::check::standard_labels(&c.name, &f.name);
    let own = allowed.iter().find(|v| {
        let labelled = |labels: &crate::check::schema::Labels| {
            (labels.get(v.as_str())).is_some_and(|l| same(&l.any) || same(&l.zh) || same(&l.en))
        };
        folded(v) == key_folded || labelled(&f.labels) || labelled(&standard)
    })?;
    (own != target).then(|| {
        crate::t!(
            lang,
            "mapping-value-is-another-label",
            field = name,
            key = shown,
            value = own.as_str(),
            target = target
        )
    })
}

/// A value map under which yes and no read alike: a word that reads true
/// by itself (`是`, `Y`, `1`) sent to false while no word of the other
/// answer is sent to true, or the other way (hostile review, 2026-12-07:
/// `legal_hold: { values: { 是: false, 否: false } }` read every record as
/// not held). A map turning both answers round reads a column that says
/// the opposite (`可销毁` for `legal_hold`); the report notes it
/// ([`inverted_bools`]).
fn answers_alike(
    lang: crate::i18n::Lang,
    name: &str,
    item: &FieldType,
    map: &HashMap<String, String>,
) -> Option<String> {
    if *item != FieldType::Bool {
        return None;
    }
    let (flipped, kept) = bool_words(map);
    let turned = |b: bool| flipped.iter().any(|(_, w)| *w == b);
    let (key, natural) = flipped
        .iter()
        .find(|(_, w)| !turned(!*w) || kept.iter().any(|(_, k)| *k != *w))?;
    let target = !*natural;
    let other = kept
        .iter()
        .find(|(_, w)| *w == target)
        .map(|(k, _)| k.to_string())
        .unwrap_or_else(|| match (key.is_ascii(), target) {
            (false, true) => "是".into(),
            (false, false) => "否".into(),
            (true, true) => "yes".into(),
            (true, false) => "no".into(),
        });
    Some(crate::t!(
        lang,
        "mapping-bool-answers-alike",
        field = name,
        key = key.as_str(),
        natural = natural.to_string(),
        target = target.to_string(),
        other = other
    ))
}

/// A key of a value map that is a bool word, with the answer it gives by
/// itself.
type BoolWord = (String, bool);

/// The keys of a bool field's value map that are bool words: those sent
/// to the other answer and those sent to their own, each with the answer
/// the word gives by itself.
fn bool_words(map: &HashMap<String, String>) -> (Vec<BoolWord>, Vec<BoolWord>) {
    use crate::data::convert::parse_bool;
    let (mut flipped, mut kept) = (Vec::new(), Vec::new());
    let mut keys: Vec<_> = map.iter().collect();
    keys.sort();
    for (k, v) in keys {
        let (Some(word), Some(to)) = (answer_of(k), parse_bool(v)) else {
            continue;
        };
        match word == to {
            true => kept.push((k.clone(), word)),
            false => flipped.push((k.clone(), word)),
        }
    }
    (flipped, kept)
}

/// The answer a key of a bool field's value map gives by itself: a bool
/// word (`是`, `Y`, `1`), in full-width letters too (`Ｙ`), or a mark a
/// register ticks (`√`, `×`, `有`, `无`, `对`, `错`, `真`, `假`, `T`, `F`):
/// `{ √: false, ×: false }` read every record as not held (hostile review,
/// 2026-12-07).
fn answer_of(key: &str) -> Option<bool> {
    use unicode_normalization::UnicodeNormalization;
    let key: String = key.trim().nfkc().collect();
    if let Some(b) = crate::data::convert::parse_bool(&key) {
        return Some(b);
    }
    const YES: [&str; 10] = ["√", "✓", "✔", "☑", "有", "对", "對", "真", "t", "T"];
    const NO: [&str; 11] = ["×", "✗", "✘", "☒", "╳", "无", "無", "错", "錯", "假", "f"];
    if YES.contains(&key.as_str()) {
        Some(true)
    } else if NO.contains(&key.as_str()) || key == "F" {
        Some(false)
    } else {
        None
    }
}

/// The bool fields a plan reads turned round (`answers_alike`): each
/// with its column, its line and its map's words, for the report's note.
pub fn inverted_bools(plan: &Plan) -> Vec<(&FieldPlan, Vec<BoolWord>)> {
    plan.fields
        .iter()
        .filter(|f| f.ty == FieldType::Bool)
        .filter_map(|f| {
            let (flipped, _) = bool_words(f.values.as_ref()?);
            (!flipped.is_empty()).then_some((f, flipped))
        })
        .collect()
}

/// `TABLE.FIELD` of a lookup, checked against the schema and the tables
/// supplied.
fn lookup(ctx: &Ctx, text: &str) -> Result<(String, String), String> {
    let Some((table, field)) = text.trim().split_once('.') else {
        return Err(msg::bad_lookup(ctx.lang, text));
    };
    let schema = ctx.schema;
    let Some(t) = schema
        .lookup(table)
        .filter(|c| schema.collection(*c).kind == CollKind::Table)
    else {
        return Err(msg::no_table(ctx.lang, table));
    };
    if schema.collection(t).field_id(field).is_none() {
        return Err(msg::unknown_field(ctx.lang, field, table, None));
    }
    if !ctx.tables.iter().any(|n| n == table) {
        return Err(msg::lookup_without_source(ctx.lang, table));
    }
    Ok((table.to_string(), field.to_string()))
}

/// Whether a canonical value is one the type accepts (the value map's
/// targets and constants are checked before any row).
pub fn accepts(ty: &FieldType, v: &str) -> bool {
    use crate::data::convert;
    let v = v.trim();
    match ty {
        FieldType::Enum(allowed) => allowed.iter().any(|a| a == v),
        FieldType::Bool => convert::parse_bool(v).is_some(),
        FieldType::Duration => values::duration(v).is_some(),
        FieldType::Date => values::date(v, &values::DEFAULT_FORMATS).is_some(),
        FieldType::DateTime => values::datetime(v, &values::DEFAULT_FORMATS).is_some(),
        FieldType::Int => v.parse::<i64>().is_ok(),
        FieldType::Decimal => v.parse::<f64>().is_ok_and(f64::is_finite),
        FieldType::List(inner) => accepts(inner, v),
        FieldType::Text | FieldType::Id | FieldType::Ref(_) => !v.is_empty(),
    }
}

/// Fields the entry does not name are read from a column named exactly
/// after them, as without a mapping; such a column already mapped to
/// another field would be read twice.
fn implicit_columns(
    ctx: &Ctx,
    c: &Collection,
    line: u32,
    fields: &mut Vec<FieldPlan>,
    used: &BTreeMap<usize, String>,
    errors: &mut Vec<InputError>,
) {
    for f in &c.fields {
        if fields.iter().any(|p| p.name == f.name) {
            if let Some(i) = ctx.headers.iter().position(|h| *h == f.name) {
                if !used.contains_key(&i) {
                    errors.push(ctx.error(
                        line,
                        Some(&f.name),
                        msg::shadowed_column(ctx.lang, ctx.rel, &f.name),
                    ));
                }
            }
            continue;
        }
        let Some(i) = ctx.headers.iter().position(|h| *h == f.name) else {
            continue;
        };
        if let Some(other) = used.get(&i) {
            errors.push(ctx.error(
                line,
                Some(&f.name),
                msg::column_twice(ctx.lang, &f.name, other, &f.name),
            ));
            continue;
        }
        fields.push(FieldPlan {
            name: f.name.clone(),
            ty: f.ty.clone(),
            pii: f.pii,
            from: From::Column(i),
            column: f.name.clone(),
            values: None,
            formats: values::DEFAULT_FORMATS.to_vec(),
            separators: vec![";".into()],
            lookup: None,
            line: 0,
            personal: super::personal::kind_of(ctx.schema, f.pii, &f.ty, None),
        });
    }
}

/// An unread column named as an export tool names the second of two
/// columns of one name (`涉诉冻结.1` beside `涉诉冻结`,
/// `rows::deduplicated_base`) whose first a flag, enum, day or number field
/// reads: watched as the field written twice, as in an unmapped file
/// (hostile review, 2026-12-07).
fn renamed_twin(
    ctx: &Ctx,
    c: &Collection,
    fields: &[FieldPlan],
    near: usize,
    header: &str,
) -> Option<Beside> {
    let base = fold(crate::data::rows::deduplicated_base(header)?);
    let (p, own) = fields.iter().find_map(|p| match p.from {
        From::Column(j) if fold(&ctx.headers[j]) == base => Some((p, j)),
        _ => None,
    })?;
    let judged =
        (c.field_id(&p.name)).is_some_and(|f| crate::data::rows::judged_by(&c.field(f).ty));
    judged.then(|| Beside {
        near,
        column: header.to_string(),
        own: Own::Column(own),
        field: p.name.clone(),
        one_field: true,
    })
}

/// A field the entry leaves to its implicit column, when the file has
/// no column named exactly after it but one named nearly so (`Legal_Hold`,
/// `ｌｅｇａｌ_ｈｏｌｄ`) that nothing reads: the input error an unmapped
/// file gives (docs/inputs-and-reports.md, near-miss columns), at the
/// entry's line. It was a note, and the field silently took its default.
/// Such a column beside the field's implicit column is returned, to be
/// watched row by row.
fn near_miss_columns(
    ctx: &Ctx,
    c: &Collection,
    e: &crate::data::source::SourceEntry,
    fields: &[FieldPlan],
    failed: &mut Vec<String>,
    errors: &mut Vec<InputError>,
) -> Vec<Beside> {
    let mut beside = Vec::new();
    if ctx.header_is_data {
        return beside;
    }
    let filtered: Vec<String> = e
        .filter
        .keys()
        .chain(e.skip.keys())
        .map(|k| fold(k))
        .collect();
    for (i, header) in ctx.headers.iter().enumerate() {
        let read = fields
            .iter()
            .any(|f| matches!(f.from, From::Column(p) if p == i));
        if read || filtered.contains(&fold(header)) {
            continue;
        }
        if let Some(twin) = renamed_twin(ctx, c, fields, i, header) {
            beside.push(twin);
            continue;
        }
        let Some((fid, same_name)) = crate::data::rows::resembled(c, header) else {
            continue;
        };
        let f = c.field(fid);
        if let Some(p) = fields.iter().find(|p| p.name == f.name) {
            let one_field = same_name || crate::data::terms::usual_name_of(c, header) == Some(fid);
            let own = match (p.line, &p.from) {
                // Left to its implicit column, which the file has.
                (0, From::Column(exact)) => Some(Own::Column(*exact)),
                // A constant beside a column of the field's own or usual
                // name is compared with it (Decision 2026-12-06).
                (_, From::Constant(k)) if one_field => Some(Own::Constant(k.clone())),
                // So is a column the author chose, for a field a rule can
                // test by value (a flag, a category, a day, a number): a
                // second `诉讼保全` of `是` beside `legal_hold: 涉诉冻结` of
                // `否` passed a destroyed held record (hostile review h23a
                // F1). Two text columns under one field's names (two
                // titles) may well both be meant.
                (_, From::Column(chosen)) if one_field && crate::data::rows::judged_by(&f.ty) => {
                    Some(Own::Mapped(*chosen, p.column.clone(), p.values.clone()))
                }
                _ => None,
            };
            if let Some(own) = own {
                beside.push(Beside {
                    near: i,
                    column: header.clone(),
                    own,
                    field: f.name.clone(),
                    one_field,
                });
            }
            continue;
        }
        if failed.contains(&f.name) {
            continue;
        }
        failed.push(f.name.clone());
        errors.push(ctx.error(
            e.line,
            Some(&f.name),
            crate::t!(
                ctx.lang,
                "review-mapped-near-miss-column",
                file = ctx.rel,
                column = header.as_str(),
                field = f.name.as_str()
            ),
        ));
    }
    beside
}

fn row_filter(
    ctx: &Ctx,
    filter: &BTreeMap<String, serde_saphyr::Spanned<crate::data::source::Scalars>>,
    errors: &mut Vec<InputError>,
) -> Vec<(usize, Vec<String>, u32)> {
    let mut out = Vec::new();
    for (column, values) in filter {
        let line = values.referenced.line() as u32;
        match ctx.column(column, line, None) {
            Ok(i) => out.push((
                i,
                values
                    .value
                    .0
                    .iter()
                    .map(|v| v.0.trim().to_string())
                    .collect(),
                line,
            )),
            Err(e) => errors.push(e),
        }
    }
    out
}

/// The trimmed text of the cell at `position` of a row read from the file.
pub fn cell(row: &RawRow, position: usize) -> Option<&str> {
    row.cells
        .get(position)
        .and_then(|(_, raw, _)| raw_cell(raw))
}

/// A row's cells by position as a mapping reads them: a row held, or a
/// CSV record read in place (`rows::Rows::visit_piece`, which allocates
/// nothing per row).
pub trait CellAt {
    fn line(&self) -> u32;
    /// Where the row starts in its file.
    fn offset(&self) -> u64;
    /// The cell's text, trimmed; a structured or `null` cell has none.
    fn cell_at(&self, position: usize) -> Option<&str>;
    /// The cell's text as written, a JSON number or list included (a phone
    /// number written as a number is still one); `None` for `null`.
    fn text_at(&self, position: usize) -> Option<std::borrow::Cow<'_, str>>;
    /// A JSON list or object cell (a JSONL line's, a Parquet row's).
    fn structured_at(&self, position: usize) -> Option<&serde_json::Value>;
    /// The cell's column as an error names it (see `RawRow::cells`).
    fn column_at(&self, position: usize) -> Option<u32>;
    /// Whether `f` holds for some cell the row has, given its position and
    /// its text as written (`text_at`): a sparse row (a JSONL line among
    /// lines of other keys) is not walked over every column of the file.
    fn any_text(&self, f: &mut dyn FnMut(usize, &str) -> bool) -> bool;
}

impl CellAt for RawRow {
    fn line(&self) -> u32 {
        self.line
    }
    fn offset(&self) -> u64 {
        self.offset
    }
    fn cell_at(&self, position: usize) -> Option<&str> {
        cell(self, position)
    }
    fn text_at(&self, position: usize) -> Option<std::borrow::Cow<'_, str>> {
        raw_text(&self.cells.get(position)?.1)
    }
    fn structured_at(&self, position: usize) -> Option<&serde_json::Value> {
        raw_structured(&self.cells.get(position)?.1)
    }
    fn column_at(&self, position: usize) -> Option<u32> {
        self.cells.get(position).and_then(|c| c.2)
    }
    fn any_text(&self, f: &mut dyn FnMut(usize, &str) -> bool) -> bool {
        (0..self.cells.len()).any(|i| self.text_at(i).is_some_and(|t| f(i, &t)))
    }
}

/// A cell's text, trimmed, as [`cell`] reads it.
pub fn raw_cell(raw: &Raw) -> Option<&str> {
    match raw {
        Raw::Text(t) => Some(t.trim()),
        Raw::Json(serde_json::Value::String(s)) => Some(s.trim()),
        Raw::Json(_) => None,
    }
}

/// A cell's text as written, a JSON number or list as its JSON text;
/// `None` for `null` ([`CellAt::text_at`]).
pub fn raw_text(raw: &Raw) -> Option<std::borrow::Cow<'_, str>> {
    match raw {
        Raw::Text(t) => Some(t.into()),
        Raw::Json(serde_json::Value::String(s)) => Some(s.into()),
        Raw::Json(serde_json::Value::Null) => None,
        Raw::Json(other) => Some(other.to_string().into()),
    }
}

/// A JSON list or object cell.
pub fn raw_structured(raw: &Raw) -> Option<&serde_json::Value> {
    match raw {
        Raw::Json(v @ (serde_json::Value::Array(_) | serde_json::Value::Object(_))) => Some(v),
        _ => None,
    }
}

impl Plan {
    /// The kind a row's `kind` column names, when it is not the entry's
    /// (an empty cell is the entry's): the row is not read into the entry.
    pub fn other_kind<'r>(&self, row: &'r (impl CellAt + ?Sized)) -> Option<&'r str> {
        let (i, own) = self.kind_column.as_ref()?;
        row.cell_at(*i).filter(|k| !k.is_empty() && k != own)
    }

    /// Whether the row passes the entry's `where`.
    pub fn selects(&self, row: &(impl CellAt + ?Sized)) -> bool {
        self.filter.iter().all(|(i, values, _)| {
            row.cell_at(*i)
                .is_some_and(|v| values.iter().any(|w| w == v))
        })
    }

    /// The line of the entry's `skip:` when it names the row: when the
    /// row holds one of the values given under *every* key, as `where:`
    /// reads its keys (docs/mapping.md, "Row filters"). Two keys once
    /// meant either: `skip: { 操作类型: 登录, 操作人: S-06 }` left out every
    /// row of S-06, hiding the violations among them. The line is the
    /// first key's (the `skip:` written on one line has one).
    pub fn skip_line(&self, row: &(impl CellAt + ?Sized)) -> Option<u32> {
        let names = !self.skip.is_empty()
            && self.skip.iter().all(|(i, values, _)| {
                row.cell_at(*i)
                    .is_some_and(|v| values.iter().any(|w| w == v))
            });
        names.then(|| self.skip.iter().map(|s| s.2).min()).flatten()
    }
}
