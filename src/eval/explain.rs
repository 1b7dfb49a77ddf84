//! Turns values and objects into what a report shows: subject and evidence
//! locations, the values behind a failure, message holes. PII is masked here.

use crate::check::ir::{CheckedClause, CheckedClauseKind, CheckedMessage, CheckedPart, Ir, IrKind};
use crate::check::pii::Mark;
use crate::check::schema::CollKind;
use crate::check::Checked;
use crate::pii::mask;
use crate::report::model::{DataLoc, PolicyLoc, ValueSource};
use crate::syntax::span::Span;
use crate::value::{CollId, FieldId, Key, Value};
use std::sync::Arc;

use super::expr::Ctx;

impl Ctx<'_> {
    /// The id a report names an object by: its `id`, else `FILE:LINE`.
    pub fn object_id(&self, coll: CollId, row: u32) -> String {
        self.declared_id(coll, row).unwrap_or_else(|| {
            let (file, origin) = self.ds.origin(coll, row);
            format!("{}:{}", file.path, origin.line)
        })
    }

    pub fn declared_id(&self, coll: CollId, row: u32) -> Option<String> {
        let id = self.schema.collection(coll).id_field()?;
        self.ds
            .table(coll)
            .get(row, id)
            .as_text(&self.ds.interner)
            .map(String::from)
    }

    /// The object's `title` field as text (a record's 题名), unless the
    /// title itself is personal information, which a report never prints.
    pub fn object_title(&self, coll: CollId, row: u32) -> Option<String> {
        let c = self.schema.collection(coll);
        let field = FieldId(c.fields.iter().position(|f| f.name == "title")? as u32);
        if self.personal_field(coll, row, field) {
            return None;
        }
        self.ds
            .table(coll)
            .get(row, field)
            .as_text(&self.ds.interner)
            .map(String::from)
    }

    pub fn data_loc(&self, coll: CollId, row: u32) -> DataLoc {
        self.data_loc_named(coll, row, self.schema.collection(coll).name.as_str().into())
    }

    /// [`Ctx::data_loc`] with the collection's name given, so that the many
    /// locations of one rule's run share one copy of it.
    pub fn data_loc_named(&self, coll: CollId, row: u32, collection: Arc<str>) -> DataLoc {
        let (file, origin) = self.ds.origin(coll, row);
        // The mapped value may be an id where the file holds a name.
        let hidden = file
            .columns
            .as_ref()
            .is_some_and(|c| c.hides_rows_of(&collection));
        let id: Option<Arc<str>> = self.declared_id(coll, row).map(Arc::from);
        DataLoc {
            collection,
            key: match &id {
                Some(id) if self.schema.collection(coll).kind != CollKind::Company => id.clone(),
                _ => self.object_key(coll, row, id.as_deref()).into(),
            },
            id,
            file: Some(origin.file),
            line: Some(origin.line),
            offset: Some(origin.offset),
            pii: hidden || self.row_is_personal(coll, row),
        }
    }

    /// The id a report names the object at `loc` by ([`Ctx::object_id`]),
    /// sharing the location's copy of a declared id.
    pub fn loc_id(&self, coll: CollId, row: u32, loc: &DataLoc) -> Arc<str> {
        match &loc.id {
            Some(id) => id.clone(),
            None => self.object_id(coll, row).into(),
        }
    }

    /// Whether a row's source text may show personal information: one of
    /// its fields holds a personal value ([`Ctx::personal_field`]), or, for
    /// a mapped file, its line as written does (a name looked up into an
    /// id, a column no field reads: `mapping::personal`).
    fn row_is_personal(&self, coll: CollId, row: u32) -> bool {
        let c = self.schema.collection(coll);
        let (file, origin) = self.ds.origin(coll, row);
        file.personal_line(origin.line)
            || (0..c.fields.len()).any(|i| self.personal_field(coll, row, FieldId(i as u32)))
    }

    /// Whether a field of a row holds personal information: the field is
    /// `pii`, or it is a ref into a collection with `pii` fields and holds
    /// something that does not read like an id (a name where an id belongs;
    /// security.md, "Ids and dangling refs").
    fn personal_field(&self, coll: CollId, row: u32, field: FieldId) -> bool {
        use crate::check::schema::FieldType;
        let f = self.schema.collection(coll).field(field);
        if f.pii {
            return true;
        }
        let target = match &f.ty {
            FieldType::Ref(t) => *t,
            FieldType::List(inner) => match **inner {
                FieldType::Ref(t) => t,
                _ => return false,
            },
            _ => return false,
        };
        if !self.schema.collection(target).fields.iter().any(|t| t.pii) {
            return false;
        }
        let odd = |item: &Value| !crate::pii::looks_like_id(&self.display(item, false));
        match self.ds.table(coll).get(row, field) {
            Value::List(items) => items.iter().any(odd),
            Value::Missing => false,
            other => odd(&other),
        }
    }

    /// See [`DataLoc::key`]. The digest covers every field's value but the
    /// personal ones ([`Ctx::personal_field`]), so an event without id keeps its key when rows around it
    /// move, and the key (and every fingerprint built from it) cannot be
    /// used to guess a masked value: it is an unsalted hash the reader can
    /// recompute (security.md, "Fingerprints").
    fn object_key(&self, coll: CollId, row: u32, id: Option<&str>) -> String {
        use sha2::Digest;
        let c = self.schema.collection(coll);
        if c.kind == CollKind::Company {
            return c.name.clone();
        }
        if let Some(id) = id {
            return id.to_string();
        }
        let mut h = sha2::Sha256::new();
        let fields = (0..c.fields.len()).map(|i| FieldId(i as u32));
        for field in fields.filter(|f| !self.personal_field(coll, row, *f)) {
            let v = self.ds.table(coll).get(row, field);
            h.update(self.display(&v, false).as_bytes());
            h.update([0x1f]);
        }
        format!("#{}", crate::text::hex(&h.finalize()[..8]))
    }

    /// Whether an expression's value `v` is shown masked; `pii` holds the
    /// rule's personal slots ([`crate::check::pii`]). A ref's text into a
    /// collection with `pii` fields is masked unless each text in it names
    /// an object of that collection or reads like an id (a staff member's
    /// name where an id belongs; security.md, "Names in ref fields").
    pub fn reads_pii(&self, ir: &Ir, pii: &[Mark], v: &Value) -> bool {
        match crate::check::pii::mark(self.schema, ir, pii) {
            Mark::No => false,
            Mark::Always => true,
            Mark::Ref(target) => !self.names_ids(v, target),
        }
    }

    /// Whether every text in `v` is an id of `target` or reads like an id
    /// (`S-03`, `[S-01, S-02]`, a dangling `S-99`).
    fn names_ids(&self, v: &Value, target: CollId) -> bool {
        match v {
            Value::List(items) => items.iter().all(|i| self.names_ids(i, target)),
            Value::Missing | Value::Obj(..) => true,
            other => {
                crate::pii::looks_like_id(&self.display(other, false))
                    || Key::of(other, &self.ds.interner)
                        .is_some_and(|k| self.indexes.first_by_id(target, &k).is_some())
            }
        }
    }

    /// A value as report text (`missing` for unknown).
    pub fn display(&self, v: &Value, pii: bool) -> String {
        let text = match v {
            Value::Missing => return "missing".into(),
            Value::Bool(b) => b.to_string(),
            Value::Int(i) => i.to_string(),
            Value::Dec(d) => d.to_string(),
            Value::Sym(_) | Value::Str(_) => v.as_text(&self.ds.interner).unwrap_or("").to_string(),
            Value::Date(d) => d.to_string(),
            Value::DateTime(t) => self.datetime_text(*t),
            Value::Duration(d) => d.to_string(),
            Value::List(items) => {
                return format!(
                    "[{}]",
                    items
                        .iter()
                        .map(|i| self.display(i, pii))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            }
            Value::Obj(c, r) => return self.object_id(*c, *r),
        };
        if pii {
            mask(&text)
        } else {
            text
        }
    }

    pub fn datetime_text(&self, secs: i64) -> String {
        match jiff::Timestamp::from_second(secs) {
            Ok(t) => t
                .to_zoned(self.tz.clone())
                .strftime("%Y-%m-%dT%H:%M:%S%:z")
                .to_string(),
            Err(_) if secs == i64::MAX => {
                crate::t!(crate::i18n::message_lang(), "explain-end-of-time")
            }
            Err(_) => crate::t!(crate::i18n::message_lang(), "explain-beginning-of-time"),
        }
    }

    pub fn to_json(&self, v: &Value, pii: bool) -> serde_json::Value {
        use serde_json::Value as J;
        match v {
            Value::Missing => J::Null,
            Value::Bool(b) => J::Bool(*b),
            Value::Int(i) if !pii => J::from(*i),
            Value::Dec(d) if !pii => serde_json::Number::from_f64(*d).map_or(J::Null, J::Number),
            Value::List(items) => J::Array(items.iter().map(|i| self.to_json(i, pii)).collect()),
            _ => J::String(self.display(v, pii)),
        }
    }

    /// `unbound`: the slot of a `match` that found nothing; paths through it
    /// have no value to show.
    /// The paths, calls and `let`s of a clause with their values, outermost
    /// first, each once (`len(d.witnesses) = 1`, `d.approved_by = missing`).
    pub fn values(
        &self,
        checked: &Checked,
        ir: &Ir,
        env: &mut [Value],
        unbound: Option<u16>,
        pii: &[Mark],
    ) -> Vec<(String, serde_json::Value)> {
        self.values_and_sources(checked, ir, env, unbound, pii, None)
            .0
    }

    /// [`Ctx::values`], and with `sources` where each value read from a
    /// mapped source came from (its row and column; docs/mapping.md,
    /// "Provenance"). Only the values a violation shows are traced.
    /// `traced`: trace them, with the rule's clauses, whose `let`s say
    /// where a `let`'s value came from (`None`: no tracing).
    pub fn values_and_sources(
        &self,
        checked: &Checked,
        ir: &Ir,
        env: &mut [Value],
        unbound: Option<u16>,
        pii: &[Mark],
        traced: Option<&[CheckedClause]>,
    ) -> (Vec<(String, serde_json::Value)>, Vec<ValueSource>) {
        let mut out: Vec<(String, serde_json::Value)> = Vec::new();
        let mut found = Vec::new();
        let mut walk = ValueWalk {
            checked,
            unbound,
            pii,
            out: &mut out,
            lets: traced.unwrap_or_default(),
            sources: traced.is_some().then_some(&mut found),
        };
        self.collect_values(&mut walk, ir, env);
        (out, found)
    }

    /// Whether any row came through a mapping (then values are traced).
    pub fn any_mapped_source(&self) -> bool {
        self.ds.files.iter().any(|f| f.columns.is_some())
    }

    /// Where the value of `base.field` was read, when `base`'s row came
    /// from a source that names the column feeding `field`.
    fn value_source(
        &self,
        base: &Ir,
        coll: CollId,
        field: FieldId,
        env: &mut [Value],
    ) -> Option<(u32, u32, u32)> {
        let Value::Obj(c, row) = self.eval(base, env) else {
            // `d.approved_by.role` with no approver: the ref's own cell
            // (批准人, empty) is where the missing value comes from.
            return match &base.kind {
                IrKind::Deref { base: inner, .. } => match &inner.kind {
                    IrKind::Field { base, coll, field } => {
                        self.value_source(base, *coll, *field, env)
                    }
                    _ => None,
                },
                _ => None,
            };
        };
        if c != coll {
            return None;
        }
        let (file, origin) = self.ds.origin(c, row);
        let collection = self.schema.collection(c);
        let column = file
            .columns
            .as_ref()?
            .find(&collection.name, &collection.field(field).name)?;
        Some((origin.file, origin.line, column))
    }

    /// The cells the `let` of `slot` among `lets` was computed from: every
    /// path its expression reads (through other `let`s too; not inside an
    /// aggregate, whose objects are not bound here), each once.
    fn let_sources(
        &self,
        lets: &[CheckedClause],
        slot: u16,
        env: &mut [Value],
        depth: usize,
        out: &mut Vec<(u32, u32, u32)>,
    ) {
        let value = lets.iter().find_map(|c| match &c.kind {
            CheckedClauseKind::Let { slot: s, value } if *s == slot => Some(value),
            _ => None,
        });
        if let Some(value) = value {
            self.path_sources(lets, value, env, depth + 1, out);
        }
    }

    fn path_sources(
        &self,
        lets: &[CheckedClause],
        ir: &Ir,
        env: &mut [Value],
        depth: usize,
        out: &mut Vec<(u32, u32, u32)>,
    ) {
        // `let`s only read earlier ones, so this ends; the bound is for
        // a deep expression.
        if depth > 64 {
            return;
        }
        match &ir.kind {
            IrKind::Field { base, coll, field } => {
                if let Some(cell) = self.value_source(base, *coll, *field, env) {
                    if !out.contains(&cell) {
                        out.push(cell);
                    }
                }
            }
            IrKind::Var(slot) => self.let_sources(lets, *slot, env, depth, out),
            IrKind::Aggregate(..) => {}
            _ => {
                for c in ir.children() {
                    self.path_sources(lets, c, env, depth + 1, out);
                }
            }
        }
    }

    fn collect_values(&self, walk: &mut ValueWalk, ir: &Ir, env: &mut [Value]) {
        if walk.unbound.is_some_and(|s| root_slot(ir) == Some(s)) {
            return;
        }
        let shown = match &ir.kind {
            IrKind::Field { .. } | IrKind::Call(..) | IrKind::Aggregate(..) | IrKind::AsOf => true,
            IrKind::Var(s) => !matches!(env[*s as usize], Value::Obj(..)),
            _ => false,
        };
        if shown {
            let text = expression_text(walk.checked, ir);
            let value = self.eval(ir, env);
            if !matches!(value, Value::Obj(..)) && !walk.out.iter().any(|(k, _)| *k == text) {
                let masked = self.reads_pii(ir, walk.pii, &value);
                let json = self.to_json(&value, masked);
                walk.out.push((text, json));
                let mut cells = Vec::new();
                match &ir.kind {
                    _ if walk.sources.is_none() => {}
                    IrKind::Field { base, coll, field } => {
                        cells.extend(self.value_source(base, *coll, *field, env));
                    }
                    // `expires` of `let expires = d.record.created +
                    // s.period`: the cells it was computed from.
                    IrKind::Var(slot) => self.let_sources(walk.lets, *slot, env, 0, &mut cells),
                    _ => {}
                }
                if let Some(found) = walk.sources.as_deref_mut() {
                    let value = (walk.out.len() - 1) as u32;
                    found.extend(cells.into_iter().map(|(file, line, column)| ValueSource {
                        value,
                        file,
                        line,
                        column,
                        masked,
                    }));
                }
            }
            if !matches!(ir.kind, IrKind::Call(..)) {
                return;
            }
        }
        match &ir.kind {
            IrKind::Call(_, args) => args.iter().for_each(|a| self.collect_values(walk, a, env)),
            IrKind::Aggregate(..) | IrKind::Field { .. } => {}
            _ => {
                for c in ir.children() {
                    self.collect_values(walk, c, env);
                }
            }
        }
    }

    /// A hole's value in the set's language: an enum value by its label
    /// (`"general" zh "一般"`), a duration in its words (`10年`); any other
    /// value, and every masked one, as [`Ctx::display`] shows it.
    fn hole_value(&self, checked: &Checked, ir: &Ir, v: &Value, pii: bool) -> String {
        if !pii {
            if let Value::Duration(d) = v {
                return d.text(checked.lang);
            }
            if let Some(label) = v
                .as_text(&self.ds.interner)
                .and_then(|code| checked.label(ir, code))
            {
                return label.to_string();
            }
        }
        self.display(v, pii)
    }

    /// A rule's `else` message with its holes filled. A hole whose value is
    /// missing names itself (`[a.actor.name missing]`): a bare `missing`
    /// reads like a value, and two of them (`missing (missing) opened R1`)
    /// say neither what is missing nor that anything is.
    pub fn message(
        &self,
        checked: &Checked,
        m: &CheckedMessage,
        env: &mut [Value],
        pii: &[Mark],
    ) -> String {
        let mut out = String::new();
        let zh = zh_message(checked, m);
        for part in &m.parts {
            match part {
                CheckedPart::Text(t) => out.push_str(t),
                CheckedPart::Hole(ir) => match self.eval(ir, env) {
                    Value::Missing => {
                        out.push_str(&crate::t!(
                            checked.lang,
                            "hole-missing",
                            hole = hole_text(checked, ir)
                        ));
                    }
                    v => {
                        let masked = self.reads_pii(ir, pii, &v);
                        match v {
                            Value::Date(d) if zh && !masked => {
                                out.push_str(&format!("{}年{}月{}日", d.year(), d.month(), d.day()))
                            }
                            v => out.push_str(&self.hole_value(checked, ir, &v, masked)),
                        }
                    }
                },
            }
        }
        out
    }
}

/// Whether message `m` is Chinese as the report shows it: a date in it
/// then reads 2026年4月30日 (hostile review h24b), in both engines. It is
/// when the set's language is Chinese and the message's `zh` text was
/// chosen, or its text without a language tag holds Chinese.
pub fn zh_message(checked: &Checked, m: &CheckedMessage) -> bool {
    let han =
        |p: &CheckedPart| matches!(p, CheckedPart::Text(t) if t.chars().any(crate::pii::is_han));
    checked.lang == crate::i18n::Lang::Zh && (m.texts.zh.is_some() || m.parts.iter().any(han))
}

/// What [`Ctx::values`] carries down an expression.
struct ValueWalk<'a> {
    checked: &'a Checked,
    unbound: Option<u16>,
    pii: &'a [Mark],
    out: &'a mut Vec<(String, serde_json::Value)>,
    /// The rule's clauses: where a `let`'s value came from.
    lets: &'a [CheckedClause],
    /// Where each value came from, when traced.
    sources: Option<&'a mut Vec<ValueSource>>,
}

/// A hole's expression as a reader would write it: `a.purpose == "audit"`
/// for `{a.purpose == \"audit\"}`. Read from the source between the hole's
/// braces (a hole holds neither brace), not from the expression's span: the
/// span is shifted by the escapes before its end.
pub fn hole_text(checked: &Checked, ir: &Ir) -> String {
    let text: &str = &checked.sources.get(ir.span.file).text;
    let at = ir.span.start as usize;
    let (Some(before), Some(after)) = (text.get(..at), text.get(at..)) else {
        return expression_text(checked, ir);
    };
    let open = before.rfind('{').map_or(at, |i| i + 1);
    let close = after.find('}').map_or(text.len(), |i| at + i);
    let mut raw = String::new();
    let mut chars = text[open..close].chars();
    while let Some(c) = chars.next() {
        // The escapes a message string knows; `\n` and `\t` are spaces.
        raw.push(match c {
            '\\' => match chars.next() {
                Some('n' | 't') => ' ',
                Some(other) => other,
                None => c,
            },
            c => c,
        });
    }
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An expression as the policy wrote it, on one line (`len(d.witnesses)`).
pub fn expression_text(checked: &Checked, ir: &Ir) -> String {
    policy_text(checked, ir.span)
}

/// The policy's text at `span` on one line (whitespace collapsed, comments
/// left out), as a violation's `clause` shows it and its fingerprint hashes
/// it. A clause's span takes in a comment inside it or after its last
/// token (hostile review h19: `… period_end // 保管期满日 + 1 year`), which
/// is no part of what failed: with it, editing a comment changed the
/// fingerprint.
pub fn policy_text(checked: &Checked, span: Span) -> String {
    let snippet = checked.sources.snippet(span);
    let mut text = String::with_capacity(snippet.len());
    let mut at = 0;
    for c in crate::fmt::comments::scan(snippet) {
        text.push_str(&snippet[at..c.start]);
        text.push(' ');
        at = c.end;
    }
    text.push_str(&snippet[at..]);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The variable a path starts from (`d` in `d.approved_by.role`).
pub fn root_slot(ir: &Ir) -> Option<u16> {
    match &ir.kind {
        IrKind::Var(s) => Some(*s),
        IrKind::Field { base, .. } | IrKind::Deref { base, .. } => root_slot(base),
        _ => None,
    }
}

pub fn policy_loc(checked: &Checked, span: Span) -> PolicyLoc {
    let f = checked.sources.get(span.file);
    let (line, column) = f.line_col(span.start);
    PolicyLoc {
        file: f.path.as_str().into(),
        line,
        column,
        span,
    }
}
