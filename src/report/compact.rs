//! A violation's own part as bytes (docs/scale.md, "Memory"): a rule that
//! fails every row of a large case holds one violation a row, and as a
//! [`Finding`] each cost about 560 bytes in a dozen allocations (the box,
//! the message, the subject's names, each value with its path). Encoded,
//! it is one allocation of about the text it carries. The report keeps
//! violations encoded; a renderer opens one at a time
//! ([`Violation::finding`]), and sorting and counting read the few fields
//! they need in place ([`Violation::subject_id`], [`Violation::evidence`]).
//!
//! Layout: a header of [`HEADER`] bytes (flags: the outcome, the baseline
//! state, whether a value has sources; then the fingerprint, set in place
//! when the report is built), then subject id, message, evidence,
//! subject, title, values, sources. Integers are LEB128; a string is its
//! length and bytes; an optional integer is 0 for `None`, else the value
//! plus one.

use std::sync::Arc;

use serde_json::Value;

use super::model::{BaselineState, DataLoc, Finding, Fingerprint, Outcome, ValueSource};

/// Flags, then the fingerprint's 16 bytes.
const HEADER: usize = 17;
const INSUFFICIENT: u8 = 1;
const BASELINE_NEW: u8 = 2;
const BASELINE_UNCHANGED: u8 = 4;
const BASELINE: u8 = BASELINE_NEW | BASELINE_UNCHANGED;
const HAS_SOURCES: u8 = 8;

/// A [`DataLoc`] read in place: the same fields in the same order, so that
/// it orders as the location it was made from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LocRef<'a> {
    pub collection: &'a str,
    pub id: Option<&'a str>,
    pub file: Option<u32>,
    pub line: Option<u32>,
    pub offset: Option<u64>,
    pub pii: bool,
    pub key: &'a str,
}

/// The encoded part of `f`: everything but the clause it broke and its
/// waiver.
pub fn encode(f: &Finding) -> Box<[u8]> {
    // Written into a scratch buffer and copied into an allocation of its
    // exact size: shrinking a larger one in place left a hole beside each
    // violation (measured: 30 MB more at a million violations).
    let mut out = Vec::with_capacity(256 + f.message.len());
    let mut flags = 0;
    if f.outcome == Outcome::InsufficientEvidence {
        flags |= INSUFFICIENT;
    }
    if !f.sources.is_empty() {
        flags |= HAS_SOURCES;
    }
    out.push(flags);
    out.extend_from_slice(&f.fingerprint.0);
    set_baseline(&mut out, f.baseline);
    put_str(&mut out, &f.subject_id);
    put_str(&mut out, &f.message);
    put_len(&mut out, f.evidence.len());
    for e in f.evidence.iter() {
        put_loc(&mut out, e, None);
    }
    put_loc(&mut out, &f.subject, Some(&f.subject_id));
    match &f.subject_title {
        None => out.push(0),
        Some(t) => {
            out.push(1);
            put_str(&mut out, t);
        }
    }
    put_len(&mut out, f.values.len());
    for (path, value) in f.values.iter() {
        put_str(&mut out, path);
        put_value(&mut out, value);
    }
    put_len(&mut out, f.sources.len());
    for s in f.sources.iter() {
        put_int(&mut out, u64::from(s.value));
        put_int(&mut out, u64::from(s.file));
        put_int(&mut out, u64::from(s.line));
        put_int(&mut out, u64::from(s.column));
        out.push(u8::from(s.masked));
    }
    Box::from(out.as_slice())
}

/// The fields of [`encode`]'s bytes, owned again.
pub struct Decoded {
    pub outcome: Outcome,
    pub baseline: Option<BaselineState>,
    pub fingerprint: Fingerprint,
    pub subject_id: Arc<str>,
    pub message: Box<str>,
    pub evidence: Box<[DataLoc]>,
    pub subject: DataLoc,
    pub subject_title: Option<Box<str>>,
    pub values: Box<[(Arc<str>, Value)]>,
    pub sources: Box<[ValueSource]>,
}

pub fn decode(bytes: &[u8]) -> Decoded {
    let mut r = Reader::body(bytes);
    let subject_id: Arc<str> = r.str().into();
    let message = r.str().into();
    let evidence = (0..r.len()).map(|_| owned_loc(r.loc(None), None)).collect();
    let subject = owned_loc(r.loc(Some(&subject_id)), Some(&subject_id));
    let subject_title = match r.byte() {
        0 => None,
        _ => Some(r.str().into()),
    };
    let values = (0..r.len())
        .map(|_| (Arc::from(r.str()), r.value()))
        .collect();
    let sources = (0..r.len())
        .map(|_| ValueSource {
            value: r.int() as u32,
            file: r.int() as u32,
            line: r.int() as u32,
            column: r.int() as u32,
            masked: r.byte() != 0,
        })
        .collect();
    Decoded {
        outcome: outcome(bytes),
        baseline: baseline(bytes),
        fingerprint: fingerprint(bytes),
        subject_id,
        message,
        evidence,
        subject,
        subject_title,
        values,
        sources,
    }
}

/// The subject id, in place.
pub fn subject_id(bytes: &[u8]) -> &str {
    Reader::body(bytes).str()
}

/// The message, in place.
pub fn message(bytes: &[u8]) -> &str {
    let mut r = Reader::body(bytes);
    r.str();
    r.str()
}

/// The evidence, in place.
pub fn evidence(bytes: &[u8]) -> impl Iterator<Item = LocRef<'_>> {
    let mut r = Reader::body(bytes);
    r.str();
    r.str();
    let n = r.len();
    (0..n).map(move |_| r.loc(None))
}

/// The subject's location, in place.
pub fn subject(bytes: &[u8]) -> LocRef<'_> {
    let mut r = Reader::body(bytes);
    let id = r.str();
    r.str();
    for _ in 0..r.len() {
        r.loc(None);
    }
    r.loc(Some(id))
}

/// Whether any value came through a mapping (most violations: none).
pub fn has_sources(bytes: &[u8]) -> bool {
    flags(bytes) & HAS_SOURCES != 0
}

pub fn outcome(bytes: &[u8]) -> Outcome {
    match flags(bytes) & INSUFFICIENT {
        0 => Outcome::Violated,
        _ => Outcome::InsufficientEvidence,
    }
}

pub fn baseline(bytes: &[u8]) -> Option<BaselineState> {
    match flags(bytes) & BASELINE {
        BASELINE_NEW => Some(BaselineState::New),
        BASELINE_UNCHANGED => Some(BaselineState::Unchanged),
        _ => None,
    }
}

pub fn set_baseline(bytes: &mut [u8], state: Option<BaselineState>) {
    if let Some(flags) = bytes.first_mut() {
        *flags &= !BASELINE;
        *flags |= match state {
            None => 0,
            Some(BaselineState::New) => BASELINE_NEW,
            Some(BaselineState::Unchanged) => BASELINE_UNCHANGED,
        };
    }
}

pub fn fingerprint(bytes: &[u8]) -> Fingerprint {
    let mut fp = Fingerprint::default();
    if let Some(b) = bytes.get(1..HEADER) {
        fp.0.copy_from_slice(b);
    }
    fp
}

pub fn set_fingerprint(bytes: &mut [u8], fp: Fingerprint) {
    if let Some(b) = bytes.get_mut(1..HEADER) {
        b.copy_from_slice(&fp.0);
    }
}

fn flags(bytes: &[u8]) -> u8 {
    bytes.first().copied().unwrap_or(0)
}

// Location tags: how `id` and `key` are written.
const ID_NONE: u8 = 0;
const ID_SUBJECT: u8 = 1;
const ID_OWN: u8 = 2;
const KEY_IS_ID: u8 = 0;
const KEY_OWN: u8 = 1;

/// `subject_id`: the subject's id, which a subject location usually
/// shares (`Finding::subject_id`), written once.
fn put_loc(out: &mut Vec<u8>, l: &DataLoc, subject_id: Option<&str>) {
    put_str(out, &l.collection);
    let id = l.id.as_deref();
    match id {
        None => out.push(ID_NONE),
        Some(id) if Some(id) == subject_id => out.push(ID_SUBJECT),
        Some(id) => {
            out.push(ID_OWN);
            put_str(out, id);
        }
    }
    put_opt(out, l.file.map(u64::from));
    put_opt(out, l.line.map(u64::from));
    put_opt(out, l.offset);
    out.push(u8::from(l.pii));
    match id {
        Some(id) if *l.key == *id => out.push(KEY_IS_ID),
        _ => {
            out.push(KEY_OWN);
            put_str(out, &l.key);
        }
    }
}

/// A location read in place made owned; its id and key share one
/// allocation, and the subject's id its violation's `subject_id`, as
/// when it was made.
fn owned_loc(l: LocRef<'_>, subject_id: Option<&Arc<str>>) -> DataLoc {
    let id: Option<Arc<str>> = l.id.map(|id| match subject_id {
        Some(s) if **s == *id => s.clone(),
        _ => id.into(),
    });
    let key = match &id {
        Some(id) if **id == *l.key => id.clone(),
        _ => l.key.into(),
    };
    DataLoc {
        collection: l.collection.into(),
        id,
        file: l.file,
        line: l.line,
        offset: l.offset,
        pii: l.pii,
        key,
    }
}

// Value tags.
const NULL: u8 = 0;
const FALSE: u8 = 1;
const TRUE: u8 = 2;
const UNSIGNED: u8 = 3;
const NEGATIVE: u8 = 4;
const FLOAT: u8 = 5;
const STRING: u8 = 6;
const ARRAY: u8 = 7;
const OBJECT: u8 = 8;

fn put_value(out: &mut Vec<u8>, v: &Value) {
    match v {
        Value::Null => out.push(NULL),
        Value::Bool(false) => out.push(FALSE),
        Value::Bool(true) => out.push(TRUE),
        Value::Number(n) => {
            if let Some(u) = n.as_u64() {
                out.push(UNSIGNED);
                put_int(out, u);
            } else if let Some(i) = n.as_i64() {
                // Negative (as_u64 took the rest): its magnitude less one.
                out.push(NEGATIVE);
                put_int(out, !(i as u64));
            } else {
                out.push(FLOAT);
                out.extend_from_slice(&n.as_f64().unwrap_or(f64::NAN).to_le_bytes());
            }
        }
        Value::String(s) => {
            out.push(STRING);
            put_str(out, s);
        }
        Value::Array(items) => {
            out.push(ARRAY);
            put_len(out, items.len());
            items.iter().for_each(|i| put_value(out, i));
        }
        Value::Object(map) => {
            out.push(OBJECT);
            put_len(out, map.len());
            for (k, v) in map {
                put_str(out, k);
                put_value(out, v);
            }
        }
    }
}

fn put_int(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn put_len(out: &mut Vec<u8>, n: usize) {
    put_int(out, n as u64);
}

fn put_opt(out: &mut Vec<u8>, n: Option<u64>) {
    put_int(out, n.map_or(0, |n| n.saturating_add(1)));
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_len(out, s.len());
    out.extend_from_slice(s.as_bytes());
}

/// Reads what [`encode`] wrote. The bytes never come from outside the
/// process, so a short read cannot happen; it would read as zeros and
/// empty strings rather than panic.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    /// At the first field after the header.
    fn body(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, at: HEADER }
    }

    fn byte(&mut self) -> u8 {
        let b = self.bytes.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        b
    }

    fn int(&mut self) -> u64 {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte();
            n |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                break;
            }
        }
        n
    }

    fn len(&mut self) -> usize {
        self.int() as usize
    }

    fn opt(&mut self) -> Option<u64> {
        self.int().checked_sub(1)
    }

    fn str(&mut self) -> &'a str {
        let n = self.len();
        let end = self.at.saturating_add(n).min(self.bytes.len());
        let s = self.bytes.get(self.at..end).unwrap_or_default();
        self.at = end;
        std::str::from_utf8(s).unwrap_or_default()
    }

    fn loc(&mut self, subject_id: Option<&'a str>) -> LocRef<'a> {
        let collection = self.str();
        let id = match self.byte() {
            ID_NONE => None,
            ID_SUBJECT => subject_id,
            _ => Some(self.str()),
        };
        let file = self.opt().map(|n| n as u32);
        let line = self.opt().map(|n| n as u32);
        let offset = self.opt();
        let pii = self.byte() != 0;
        let key = match self.byte() {
            KEY_IS_ID => id.unwrap_or_default(),
            _ => self.str(),
        };
        LocRef {
            collection,
            id,
            file,
            line,
            offset,
            pii,
            key,
        }
    }

    fn value(&mut self) -> Value {
        match self.byte() {
            FALSE => Value::Bool(false),
            TRUE => Value::Bool(true),
            UNSIGNED => Value::from(self.int()),
            NEGATIVE => Value::from(!self.int() as i64),
            FLOAT => {
                let mut b = [0u8; 8];
                for x in &mut b {
                    *x = self.byte();
                }
                serde_json::Number::from_f64(f64::from_le_bytes(b))
                    .map_or(Value::Null, Value::Number)
            }
            STRING => Value::String(self.str().to_string()),
            ARRAY => Value::Array((0..self.len()).map(|_| self.value()).collect()),
            OBJECT => Value::Object(
                (0..self.len())
                    .map(|_| (self.str().to_string(), self.value()))
                    .collect(),
            ),
            _ => Value::Null,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::model::{Outcome, Violation};
    use proptest::prelude::*;

    use crate::report::model::test_clause as broken;

    fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            Just(String::new()),
            "[a-zA-Z0-9 :./-]{0,12}",
            "[\\p{Han}\\u{0}-\\u{7f}\\u{202e}]{0,200}",
        ]
    }

    fn loc() -> impl Strategy<Value = DataLoc> {
        (
            text(),
            proptest::option::of(text()),
            proptest::option::of(any::<u32>()),
            proptest::option::of(any::<u32>()),
            proptest::option::of(any::<u64>()),
            any::<bool>(),
            proptest::option::of(text()),
        )
            .prop_map(|(collection, id, file, line, offset, pii, key)| {
                // The key is usually the id (the same text), else its own.
                let id: Option<Arc<str>> = id.map(Into::into);
                let key = match (key, &id) {
                    (None, Some(id)) => id.clone(),
                    (key, _) => key.unwrap_or_default().into(),
                };
                DataLoc {
                    collection: collection.into(),
                    id,
                    file,
                    line,
                    offset,
                    pii,
                    key,
                }
            })
    }

    fn value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<u64>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            any::<f64>()
                .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
            text().prop_map(Value::String),
        ];
        leaf.prop_recursive(3, 24, 4, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                proptest::collection::vec((text(), inner), 0..4)
                    .prop_map(|kv| Value::Object(kv.into_iter().collect())),
            ]
        })
    }

    fn source() -> impl Strategy<Value = ValueSource> {
        (
            any::<u32>(),
            any::<u32>(),
            any::<u32>(),
            any::<u32>(),
            any::<bool>(),
        )
            .prop_map(|(value, file, line, column, masked)| ValueSource {
                value,
                file,
                line,
                column,
                masked,
            })
    }

    fn finding() -> impl Strategy<Value = Finding> {
        (
            text(),
            text(),
            loc(),
            any::<bool>(),
            proptest::option::of(text()),
            proptest::collection::vec(loc(), 0..4),
            proptest::collection::vec((text(), value()), 0..4),
            proptest::collection::vec(source(), 0..3),
            (any::<bool>(), 0..3u8, any::<[u8; 16]>()),
        )
            .prop_map(
                |(
                    subject_id,
                    message,
                    mut subject,
                    shared,
                    title,
                    evidence,
                    values,
                    sources,
                    (insufficient, baseline, fp),
                )| {
                    let subject_id: Arc<str> = subject_id.into();
                    if shared {
                        // A subject named by its declared id shares it.
                        subject.id = Some(subject_id.clone());
                        subject.key = subject_id.clone();
                    }
                    Finding {
                        broken: broken("r"),
                        outcome: match insufficient {
                            true => Outcome::InsufficientEvidence,
                            false => Outcome::Violated,
                        },
                        message: message.into(),
                        subject_id,
                        subject,
                        subject_title: title.map(Into::into),
                        evidence: evidence.into(),
                        values: values.into_iter().map(|(p, v)| (p.into(), v)).collect(),
                        sources: sources.into(),
                        waiver: None,
                        fingerprint: crate::report::model::Fingerprint(fp),
                        baseline: [
                            None,
                            Some(BaselineState::New),
                            Some(BaselineState::Unchanged),
                        ][baseline as usize],
                    }
                },
            )
    }

    fn in_place(l: &DataLoc) -> LocRef<'_> {
        LocRef {
            collection: &l.collection,
            id: l.id.as_deref(),
            file: l.file,
            line: l.line,
            offset: l.offset,
            pii: l.pii,
            key: &l.key,
        }
    }

    proptest! {
        /// A violation opens as the finding it was made from, and what is
        /// read in place is that finding's.
        #[test]
        fn a_violation_opens_as_it_was_made(f in finding()) {
            let v = Violation::from(f.clone());
            prop_assert_eq!(&v.finding(), &f);
            prop_assert_eq!(v.subject_id(), &*f.subject_id);
            prop_assert_eq!(v.message(), &*f.message);
            prop_assert_eq!(v.subject(), in_place(&f.subject));
            prop_assert!(v.evidence().eq(f.evidence.iter().map(in_place)));
            prop_assert_eq!(v.has_sources(), !f.sources.is_empty());
            prop_assert_eq!(v.outcome(), f.outcome);
            prop_assert_eq!(v.baseline(), f.baseline);
            prop_assert_eq!(v.fingerprint(), f.fingerprint);
        }

        /// Evidence read in place sorts as the locations it came from
        /// (`report::sort_violations` relies on it).
        #[test]
        fn locations_read_in_place_sort_as_made(a in proptest::collection::vec(loc(), 0..3), b in proptest::collection::vec(loc(), 0..3)) {
            let ia = a.iter().map(in_place);
            let ib = b.iter().map(in_place);
            prop_assert_eq!(ia.cmp(ib), a.cmp(&b));
        }
    }

    /// What a violation of a rule failing every row costs: its text and
    /// a few bytes, not the ~500 of a boxed [`Finding`] and its parts.
    #[test]
    fn an_every_row_violation_is_about_its_text() {
        let id: Arc<str> = "R-0000001".into();
        let f = Finding {
            broken: broken("every_record_fails"),
            outcome: Outcome::Violated,
            message: "record R-0000001 fails on purpose".into(),
            subject_id: id.clone(),
            subject: DataLoc {
                collection: "record".into(),
                id: Some(id.clone()),
                file: Some(0),
                line: Some(123_456),
                offset: Some(12_345_678),
                pii: false,
                key: id,
            },
            subject_title: None,
            evidence: Box::default(),
            values: Box::new([("r.id".into(), Value::String("R-0000001".into()))]),
            sources: Box::default(),
            waiver: None,
            fingerprint: Default::default(),
            baseline: None,
        };
        let v = Violation::from(f);
        // Flags and fingerprint 17, subject id 10, message 34, no evidence
        // 1, the subject's place 18 (its id and key written once, as the
        // subject id), no title 1, one value 1 + 16, no sources 1.
        assert_eq!(v.encoded_len(), 99);
    }
}
