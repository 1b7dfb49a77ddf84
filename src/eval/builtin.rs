//! The built-in checks of language.md section 8: duplicate ids, dangling
//! refs, future events. Waiver checks live in `waivers.rs`.

use std::collections::{BTreeMap, HashMap};
use std::hash::BuildHasher;
use std::sync::Arc;

use crate::check::schema::{CollKind, FieldType};
use crate::report::model::{Broken, Finding, Outcome, ValueSource, Violation};
use crate::syntax::ast::Severity;
use crate::value::{CollId, FieldId, HashedRanks, Interner, Key, Sym, Value};

use super::expr::Ctx;

/// Most referencing rows listed as evidence of one dangling ref.
const MAX_DANGLING_EVIDENCE: usize = 10;

/// A built-in check as reports list it next to the rules of the set.
/// `title` and `help` are catalogue ids (i18n/*.ftl, "Checks and
/// commands"), written in the run's message language by [`BuiltinCheck::title`].
pub struct BuiltinCheck {
    pub id: &'static str,
    pub severity: Severity,
    pub title: &'static str,
    pub help: &'static str,
}

impl BuiltinCheck {
    /// The title in the run's message language (`i18n::message_lang`).
    pub fn title(&self) -> String {
        crate::i18n::catalogue::text(crate::i18n::message_lang(), self.title, &[])
    }

    /// The help in the run's message language.
    pub fn help(&self) -> String {
        crate::i18n::catalogue::text(crate::i18n::message_lang(), self.help, &[])
    }
}

pub const DUPLICATE_ID: BuiltinCheck = BuiltinCheck {
    id: "integrity.duplicate_id",
    severity: Severity::Error,
    title: "builtin-duplicate-id-title",
    help: "builtin-duplicate-id-help",
};
pub const DANGLING_REF: BuiltinCheck = BuiltinCheck {
    id: "integrity.dangling_ref",
    severity: Severity::Warning,
    title: "builtin-dangling-ref-title",
    help: "builtin-dangling-ref-help",
};
pub const FUTURE_EVENT: BuiltinCheck = BuiltinCheck {
    id: "integrity.future_event",
    severity: Severity::Warning,
    title: "builtin-future-event-title",
    help: "builtin-future-event-help",
};
const WAIVER_TITLE: &str = "builtin-waiver-title";
pub const WAIVER_UNKNOWN_RULE: BuiltinCheck = BuiltinCheck {
    id: "waiver.unknown_rule",
    severity: Severity::Warning,
    title: WAIVER_TITLE,
    help: "builtin-waiver-unknown-rule-help",
};
pub const WAIVER_EXPIRED: BuiltinCheck = BuiltinCheck {
    id: "waiver.expired",
    severity: Severity::Warning,
    title: WAIVER_TITLE,
    help: "builtin-waiver-expired-help",
};
pub const WAIVER_UNUSED: BuiltinCheck = BuiltinCheck {
    id: "waiver.unused",
    severity: Severity::Warning,
    title: WAIVER_TITLE,
    help: "builtin-waiver-unused-help",
};

/// Every built-in check, in id order.
pub const CHECKS: [&BuiltinCheck; 6] = [
    &DANGLING_REF,
    &DUPLICATE_ID,
    &FUTURE_EVENT,
    &WAIVER_EXPIRED,
    &WAIVER_UNKNOWN_RULE,
    &WAIVER_UNUSED,
];

fn builtin(
    check: &BuiltinCheck,
    message: String,
    ctx: &Ctx,
    subject: (CollId, u32),
    subject_id: String,
) -> Finding {
    Finding {
        broken: Arc::new(Broken {
            rule: check.id.into(),
            kind: check.id.split('.').next().unwrap_or("integrity"),
            severity: check.severity,
            title: Some(check.title().into()),
            cite: Arc::new([]),
            help: None,
            policy: None,
            clause: None,
        }),
        outcome: Outcome::Violated,
        message: message.into(),
        subject_id: subject_id.into(),
        subject: ctx.data_loc(subject.0, subject.1),
        subject_title: None,
        evidence: Box::default(),
        values: Box::default(),
        sources: Default::default(),
        waiver: None,
        fingerprint: Default::default(),
        baseline: None,
    }
}

pub fn duplicate_ids(ctx: &Ctx) -> Vec<Violation> {
    duplicate_ids_except(ctx, &|_| false)
}

/// [`duplicate_ids`] over the collections `skip` does not name (those the
/// Spark engine checks in SQL; `sql::inplace`).
pub fn duplicate_ids_except(ctx: &Ctx, skip: &dyn Fn(CollId) -> bool) -> Vec<Violation> {
    let mut out = Vec::new();
    let ranks = ctx.ds.interner.hashed_ranks();
    for coll in ctx.schema.ids().filter(|c| !skip(*c)) {
        let Some(id_field) = ctx.schema.collection(coll).id_field() else {
            continue;
        };
        let table = ctx.ds.table(coll);
        let by_text = ctx.ds.is_unhashed(coll, id_field);
        if by_text {
            let text = |row| match table.get(row, id_field) {
                Value::Sym(s) => Some(ctx.ds.interner.resolve(s)),
                _ => None,
            };
            let runs = sorted_runs(table.len(), &text, MAX_SORTED_RUNS);
            if let Some(runs) = runs {
                let mut found = repeats_in_sorted_runs(table.len(), &runs, &text);
                // The other ids (numbers, dates: no text) as below.
                let mut first = FirstRows::new(0, &ranks, false);
                for row in 0..table.len() {
                    let value = table.get(row, id_field);
                    if matches!(value, Value::Sym(_)) {
                        continue;
                    }
                    let orig = Key::of(&value, &ctx.ds.interner)
                        .and_then(|k| first.first_or_insert(k, row));
                    found.extend(orig.map(|orig| (row, orig)));
                }
                found.sort_unstable();
                out.extend(
                    found
                        .into_iter()
                        .map(|(row, orig)| duplicate(ctx, coll, row, orig)),
                );
                continue;
            }
        }
        let mut first = FirstRows::new(table.len(), &ranks, by_text);
        for row in 0..table.len() {
            let found = match table.get(row, id_field) {
                // Unhashed ids share no symbol: compare their texts.
                Value::Sym(s) if by_text => first.first_by_text(&ctx.ds.interner, s, row),
                value => match Key::of(&value, &ctx.ds.interner) {
                    Some(key) => first.first_or_insert(key, row),
                    None => continue,
                },
            };
            if let Some(orig) = found {
                out.push(duplicate(ctx, coll, row, orig));
            }
        }
        out.extend(super::near_duplicates::near_duplicate_ids(
            ctx, coll, id_field,
        ));
    }
    out
}

/// The finding for `row` of `coll`, whose id the earlier row `orig` has.
pub fn duplicate(ctx: &Ctx, coll: CollId, row: u32, orig: u32) -> Violation {
    id_repeated(ctx, (coll, row), orig, |name, id, file, line| match file {
        Some(file) => crate::msg!(
            "builtin-duplicate-id-elsewhere",
            collection = name,
            id = id,
            file = file,
            line = line
        ),
        None => crate::msg!(
            "builtin-duplicate-id",
            collection = name,
            id = id,
            line = line
        ),
    })
}

/// An `integrity.duplicate_id` finding for `row` of `coll`, the earlier
/// row `orig` its evidence, its message `say(collection, id, the file of
/// orig when it is another, orig's line)`: a line alone would point into
/// the row's own file.
pub(super) fn id_repeated(
    ctx: &Ctx,
    (coll, row): (CollId, u32),
    orig: u32,
    say: impl FnOnce(&str, &str, Option<&str>, u32) -> crate::i18n::Msg,
) -> Violation {
    let id = ctx.object_id(coll, row);
    let table = ctx.ds.table(coll);
    let (here, first) = (table.origin(row), table.origin(orig));
    let file = ctx.ds.files.get(first.file as usize);
    let elsewhere = file
        .filter(|_| first.file != here.file)
        .map(|f| f.path.as_str());
    let message = say(
        &ctx.schema.collection(coll).name,
        &id,
        elsewhere,
        first.line,
    );
    let mut v = builtin(&DUPLICATE_ID, message.words(), ctx, (coll, row), id);
    v.evidence = Box::new([ctx.data_loc(coll, orig)]);
    v.into()
}

/// The first row of each id seen so far. Ids are interned text, so for a
/// large collection an array indexed by symbol (4 bytes a symbol) replaces a
/// hash map of a million keys, which took 64 MB and twice that while it
/// grew, at the moment a large check's memory peaks. The array is indexed by
/// the rank of a hashed symbol (`HashedRanks`), not by symbol, so the free
/// text stored unhashed does not size it.
struct FirstRows<'r> {
    by_sym: Vec<u32>,
    ranks: &'r HashedRanks,
    other: rustc_hash::FxHashMap<Key, u32>,
    /// For ids stored unhashed (`Dataset::unhashed`): the symbol and row of
    /// the first occurrence of each text, found by the text's hash.
    by_text: hashbrown::HashTable<(Sym, u32)>,
}

impl<'r> FirstRows<'r> {
    fn new(rows: u32, ranks: &'r HashedRanks, by_text: bool) -> Self {
        let dense = rows >= super::index::SYM_ARRAY_MIN_ROWS && !by_text;
        FirstRows {
            by_sym: if dense {
                vec![u32::MAX; ranks.len()]
            } else {
                Vec::new()
            },
            ranks,
            other: Default::default(),
            by_text: if by_text {
                hashbrown::HashTable::with_capacity(rows as usize)
            } else {
                hashbrown::HashTable::new()
            },
        }
    }

    /// `first_or_insert` for an unhashed id, by its text.
    fn first_by_text(&mut self, interner: &Interner, sym: Sym, row: u32) -> Option<u32> {
        let text = interner.resolve(sym);
        let hash = |s: &str| rustc_hash::FxBuildHasher.hash_one(s);
        let entry = self.by_text.entry(
            hash(text),
            |(other, _)| interner.resolve(*other) == text,
            |(other, _)| hash(interner.resolve(*other)),
        );
        match entry {
            hashbrown::hash_table::Entry::Occupied(e) => Some(e.get().1),
            hashbrown::hash_table::Entry::Vacant(e) => {
                e.insert((sym, row));
                None
            }
        }
    }

    /// The first row with `key`, or `None` after recording `row` as it.
    fn first_or_insert(&mut self, key: Key, row: u32) -> Option<u32> {
        if let Key::Sym(s) = &key {
            let slot = self.ranks.rank(*s).and_then(|r| self.by_sym.get_mut(r));
            if let Some(slot) = slot {
                if *slot == u32::MAX {
                    *slot = row;
                    return None;
                }
                return Some(*slot);
            }
        }
        match self.other.entry(key) {
            std::collections::hash_map::Entry::Occupied(e) => Some(*e.get()),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(row);
                None
            }
        }
    }
}

/// At most this many ascending runs are merged; ids in more disorder are
/// found again through the hash table of [`FirstRows`].
const MAX_SORTED_RUNS: usize = 64;

/// The first row of each maximal strictly ascending run of the texts of
/// `rows` (rows with no text are skipped), or `None` past `max` runs. Logs
/// number their events in order: each file is one run, and an id found
/// again breaks one.
fn sorted_runs<'t>(
    rows: u32,
    text: &impl Fn(u32) -> Option<&'t str>,
    max: usize,
) -> Option<Vec<u32>> {
    let mut starts = Vec::new();
    let mut last: Option<&str> = None;
    for row in 0..rows {
        let Some(t) = text(row) else { continue };
        if last.map_or(true, |l| t <= l) {
            if starts.len() == max {
                return None;
            }
            starts.push(row);
        }
        last = Some(t);
    }
    Some(starts)
}

/// Every row whose text an earlier row has, with the first such row, in no
/// particular order: the ascending runs starting at `starts` (from
/// [`sorted_runs`]) merged in order of text then row, so equal texts come
/// together, earliest row first. A run holds no text twice, so this reads
/// each row once and hashes nothing: what a hash table of a million unique
/// ids costs is a cache miss a row (issue 16).
fn repeats_in_sorted_runs<'t>(
    rows: u32,
    starts: &[u32],
    text: &impl Fn(u32) -> Option<&'t str>,
) -> Vec<(u32, u32)> {
    use std::cmp::Reverse;
    let ends: Vec<u32> = starts.iter().skip(1).copied().chain([rows]).collect();
    // The next row with a text in `row..end`, with its text.
    let next = |mut row: u32, end: u32| {
        while row < end {
            if let Some(t) = text(row) {
                return Some((t, row));
            }
            row += 1;
        }
        None
    };
    match starts {
        // One run holds no text twice.
        [] | [_] => return Vec::new(),
        // Two files of a log, or one with an id again: side by side, one
        // comparison a row and no heap.
        [first, second] => {
            let mut found = Vec::new();
            let (mut a, mut b) = (next(*first, ends[0]), next(*second, ends[1]));
            while let (Some((ta, ra)), Some((tb, rb))) = (a, b) {
                let order = ta.cmp(tb);
                if order.is_eq() {
                    found.push((rb, ra));
                }
                if order.is_le() {
                    a = next(ra + 1, ends[0]);
                }
                if order.is_ge() {
                    b = next(rb + 1, ends[1]);
                }
            }
            return found;
        }
        _ => {}
    }
    let rows_end = |run: usize| ends[run];
    let mut heap = std::collections::BinaryHeap::with_capacity(starts.len());
    for (run, &start) in starts.iter().enumerate() {
        if let Some((t, row)) = next(start, rows_end(run)) {
            heap.push(Reverse((t, row, run)));
        }
    }
    let mut found = Vec::new();
    let mut group: Option<(&str, u32)> = None;
    while let Some(Reverse((t, row, run))) = heap.pop() {
        match group {
            Some((g, first)) if g == t => found.push((row, first)),
            _ => group = Some((t, row)),
        }
        if let Some((t, row)) = next(row + 1, rows_end(run)) {
            heap.push(Reverse((t, row, run)));
        }
    }
    found
}

pub fn dangling_refs(ctx: &Ctx) -> Vec<Violation> {
    dangling_refs_except(ctx, &|_, _| false)
}

/// [`dangling_refs`] of the ref fields of a collection into a target that
/// `skip(collection, target)` does not name.
pub fn dangling_refs_except(ctx: &Ctx, skip: &dyn Fn(CollId, CollId) -> bool) -> Vec<Violation> {
    let mut out = Vec::new();
    for coll in ctx.schema.ids() {
        let c = ctx.schema.collection(coll);
        for (i, f) in c.fields.iter().enumerate() {
            let target = match &f.ty {
                FieldType::Ref(t) => *t,
                FieldType::List(inner) => match **inner {
                    FieldType::Ref(t) => t,
                    _ => continue,
                },
                _ => continue,
            };
            if skip(coll, target) {
                continue;
            }
            if ctx.ds.partly_read.contains(&target) {
                continue; // its input errors already make the check incomplete
            }
            // dangling id -> referencing rows, in id order for determinism
            let mut dangling_ids: BTreeMap<String, Vec<u32>> = BTreeMap::new();
            let table = ctx.ds.table(coll);
            let field = FieldId(i as u32);
            let resolved = ctx.indexes.resolved_column(coll, field);
            for row in 0..table.len() {
                // A ref resolved ahead to a row is not dangling: skip it
                // without reading or looking up its value.
                if resolved.is_some_and(|r| r[row as usize] != super::index::NO_ROW) {
                    continue;
                }
                let v = table.get(row, field);
                let mut check = |item: &Value| {
                    let found = Key::of(item, &ctx.ds.interner)
                        .and_then(|k| ctx.indexes.first_by_id(target, &k));
                    if found.is_none() {
                        // A row left out for an input error is already reported.
                        let display = ctx.display(item, false);
                        if !ctx.ds.was_left_out(target, &display) {
                            dangling_ids.entry(display).or_default().push(row);
                        }
                    }
                };
                // No vector per row: this runs over every ref of every event.
                match &v {
                    Value::List(items) => items.iter().for_each(&mut check),
                    Value::Missing => {}
                    item => check(item),
                }
            }
            out.extend(danglings(ctx, coll, field, dangling_ids));
        }
    }
    out
}

/// The findings for the ids `field` of `coll` names that no object of its
/// target has (id -> referencing rows in input order), each with the
/// existing id it differs from only in case, width or spaces, if any.
pub fn danglings(
    ctx: &Ctx,
    coll: CollId,
    field: FieldId,
    ids: BTreeMap<String, Vec<u32>>,
) -> Vec<Violation> {
    if ids.is_empty() {
        return Vec::new();
    }
    let target = ref_target(ctx, coll, field);
    let near = near_ids(ctx, target, ids.keys());
    // The ids of the target within a ref's text, when it is not one
    // (`R-3、R-2`, `R-3号`): h24a F6.
    let pieces: BTreeMap<&String, (Vec<String>, bool)> = (ids.keys())
        .filter(|id| !near.contains_key(*id))
        .map(|id| (id, id_pieces(id)))
        .filter(|(id, (pieces, _))| !pieces.is_empty() && pieces.as_slice() != [id.to_string()])
        .collect();
    let within = near_ids(ctx, target, pieces.values().flat_map(|(p, _)| p));
    ids.iter()
        .map(|(id, rows)| {
            let (held, clean) = match pieces.get(id) {
                Some((p, only_ids)) => {
                    let mut held: Vec<&str> = p
                        .iter()
                        .filter_map(|x| within.get(x))
                        .map(String::as_str)
                        .collect();
                    held.dedup();
                    let clean = *only_ids && held.len() == p.len();
                    (held, clean)
                }
                None => (Vec::new(), false),
            };
            if !held.is_empty() {
                return dangling_within(ctx, (coll, field), id, rows, (&held, clean));
            }
            dangling_near(ctx, coll, field, id, rows, near.get(id).map(String::as_str))
        })
        .collect()
}

/// Words written beside an id in a ref cell that say nothing of which
/// record (`R-3号`, `R-3（原件）`, `档案R-3`).
const ID_DECORATIONS: [&str; 14] = [
    "号",
    "號",
    "原件",
    "复印件",
    "複印件",
    "副本",
    "正本",
    "档案",
    "檔案",
    "档号",
    "檔號",
    "编号",
    "卷",
    "件",
];

/// The pieces of a ref's text split where a list or a decoration splits
/// it (`R-3、R-2`, `R-3;R-2`, `R-2至R-3`, `R-3号`, `R-3（原件）`), without
/// the decorations; and whether nothing but separators and decorations
/// was set aside (the text then holds no other words, such as a name).
fn id_pieces(id: &str) -> (Vec<String>, bool) {
    const SEPARATORS: &[char] = &[
        '、', '，', ',', ';', '；', '/', '／', '~', '～', '至', '等', '（', '）', '(', ')', '#',
        '＃', '|', '+', '＋', '和', '及', '&', '【', '】', '[', ']', '《', '》', ':', '：',
    ];
    let mut clean = true;
    let mut out = Vec::new();
    for piece in id.split(|c: char| SEPARATORS.contains(&c) || c.is_whitespace()) {
        // A full stop ends the text (`R-3.`); within it, it is part of an
        // id (`R-1.2`, an item of R-1, is another id).
        let mut p = piece.trim().trim_end_matches(['.', '。']);
        for d in ID_DECORATIONS {
            p = p.strip_prefix(d).unwrap_or(p);
            p = p.strip_suffix(d).unwrap_or(p);
        }
        if p.is_empty() {
            continue;
        }
        if p.chars().all(|c| !c.is_ascii_alphanumeric()) {
            // Words, not an id (`张三`): the text is not only ids.
            clean = false;
            continue;
        }
        out.push(p.to_string());
    }
    (out, clean)
}

/// **Decision (2026-12-07, hostile review h24a F6).** A ref naming no
/// object whose text holds ids of its target within more text: a list
/// where one id is expected (`R-3、R-2`, `R-3;R-2`) or an id with
/// decorations (`R-3号`, `R-3（原件）`). The row was joined to nothing, so
/// the destruction of the held record R-3 passed every rule about R-3 with
/// a warning exit 0 accepted. It is an error, as a near miss is, naming
/// the ids it holds; its text is shown as written when it holds nothing
/// but ids, separators and decorations (ids of records are not personal;
/// it was masked as `***` for not reading like one id).
fn dangling_within(
    ctx: &Ctx,
    (coll, field): (CollId, FieldId),
    id: &str,
    rows: &[u32],
    (held, clean): (&[&str], bool),
) -> Violation {
    let c = ctx.schema.collection(coll);
    let f = c.field(field);
    let target = ref_target(ctx, coll, field);
    let target_name = &ctx.schema.collection(target).name;
    let personal = f.pii || ctx.schema.collection(target).fields.iter().any(|t| t.pii);
    let shown = match clean && !f.pii {
        true => id.to_string(),
        false => dangling_shown(id, f.pii, personal),
    };
    let masked = shown != id;
    let held: Vec<String> = held
        .iter()
        .map(|h| match f.pii {
            true => crate::pii::mask(h),
            false => format!("`{h}`"),
        })
        .collect();
    let lang = crate::i18n::message_lang();
    let message = crate::msg!(
        "builtin-dangling-ref-within",
        field = format!("{}.{}", c.name, f.name),
        id = crate::text::id_shown(&shown),
        target = target_name,
        rows = rows.len(),
        held = held.join(&crate::t!(lang, "list-comma")),
        count = held.len()
    );
    let mut v = builtin(&DANGLING_REF, message.words(), ctx, (coll, rows[0]), shown);
    Arc::make_mut(&mut v.broken).severity = Severity::Error;
    dangling_rows(ctx, v, (coll, field), rows, masked)
}

/// An id as a person would read it: letter case, full-width forms (`Ｒ－１`,
/// typed with a Chinese input method), other hyphens (`R‐1`), invisible
/// characters, spaces, leading zeros, a fraction of zeros (`1001.0`) and
/// the separators `-` and `_` (`R1`, `R_1` for `R-1`; hostile review,
/// 2026-12-05) set aside. The separators go last, so that the leading
/// zeros of each run of digits are told apart first (`R-1-02` is `R-1-2`).
fn near_key(id: &str) -> String {
    near_key_of_folded(&folded_id(id))
}

/// [`near_key`] of an id already folded: the marks come off after the
/// folding, since they may be typed full-width (`＝＂R-3＂`, `＇R-3`).
fn near_key_of_folded(folded: &str) -> String {
    without_leading_zeros(without_zero_fraction(without_text_marks(folded)))
        .chars()
        .filter(|c| !matches!(c, '-' | '_') && !c.is_whitespace())
        .collect()
}

/// `near_key` before zeros and separators are set aside. Compatibility
/// normalization (NFKC) first: an accent typed as a combining mark
/// (`Café` two ways), a CJK compatibility ideograph (U+F90A for 金, as
/// some input methods and converters write it) and full-width forms read
/// alike (hostile review, 2026-12-05).
pub(super) fn folded_id(id: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    id.nfkc()
        // Invisible characters pasted with an id (zero-width space, soft
        // hyphen, direction marks, variation selectors: every one of
        // `text::INVISIBLE`; hostile review, 2026-12-05: only five were
        // set aside, and `R-10\u{AD}14` in a workbook was a dangling-ref
        // warning), and control characters (a database's `char(10)` padded
        // with NUL bytes, `R-1\0\0`).
        .filter(|c| !crate::text::is_invisible(*c))
        .filter(|c| !c.is_control())
        .map(|c| match c {
            '\u{3000}' => ' ',
            // Hyphens and dashes a word processor or an input method puts
            // for `-` (U+2010 to U+2015, the minus sign, the small hyphen).
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' => '-',
            _ => crate::text::half_width(c),
        })
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .trim()
        .to_string()
}

/// `id` without the marks a spreadsheet user types to keep a value as
/// text, which a CSV export then keeps: a leading apostrophe (`'R-3`) and
/// the formula `="R-3"` (third hostile review, 2026-12-06: a held record's
/// destruction written either way was only a dangling-ref warning).
fn without_text_marks(id: &str) -> &str {
    let id = id.trim();
    if let Some(inner) = id.strip_prefix("=\"").and_then(|t| t.strip_suffix('"')) {
        return inner;
    }
    match id.strip_prefix(['\'', '\u{2018}', '\u{2019}']) {
        // A closing quote typed with it (`‘R-3’`) goes too.
        Some(rest) => rest.strip_suffix(['\'', '\u{2019}']).unwrap_or(rest),
        None => id,
    }
}

/// A number Excel showed, and a CSV saved through it kept, in scientific
/// notation (`2.23457E+11` for the id `223456789014`): its significant
/// digits (`223457`) and its power of ten (11). The id's other digits are
/// lost, so such a value is compared with ids by rounding them alike.
fn scientific(id: &str) -> Option<(String, u32)> {
    if let Some(form) = resaved(id) {
        return Some(form);
    }
    let (mantissa, exponent) = id.split_once(['e', 'E'])?;
    let exponent: u32 = exponent
        .strip_prefix('+')
        .unwrap_or(exponent)
        .parse()
        .ok()?;
    // A comma is the decimal mark where Excel is set so (`2,23457E+11`).
    let (whole, fraction) = mantissa.split_once(['.', ',']).unwrap_or((mantissa, ""));
    let digit_run = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    let one_digit = whole.len() == 1 && whole != "0" && digit_run(whole);
    (one_digit && digit_run(fraction)).then(|| (format!("{whole}{fraction}"), exponent))
}

/// A long number saved again after Excel rounded it (`223457000000` for
/// `2.23457E+11`): 12 digits or more, as Excel shows in scientific
/// notation, ending in three zeros or more. Its significant digits and
/// power of ten, as [`scientific`] gives them.
fn resaved(id: &str) -> Option<(String, u32)> {
    let digits = id.len() >= 12 && id.bytes().all(|b| b.is_ascii_digit()) && !id.starts_with('0');
    let significant = id.trim_end_matches('0');
    (digits && id.len() - significant.len() >= 3)
        .then(|| (significant.to_string(), id.len() as u32 - 1))
}

/// Whether `near` was found for `id` by rounding, not by folding.
fn by_rounding(id: &str, near: &str) -> bool {
    scientific(&folded_id(id)).is_some() && scientific(&folded_id(near)).is_none()
}

/// Whether the digit-only id `digits` rounds to the scientific form
/// `(significant, exponent)` as Excel rounds it (half away from zero).
fn rounds_to(digits: &str, (significant, exponent): &(String, u32)) -> bool {
    let keep = significant.len();
    let valid = |t: &str| !t.is_empty() && t.len() <= 38 && t.bytes().all(|b| b.is_ascii_digit());
    if !valid(digits) || !valid(significant) || digits.len() < keep || digits.starts_with('0') {
        return false;
    }
    // Both parse: at most 38 ASCII digits fit in a u128.
    let (Ok(value), Ok(wanted)) = (digits.parse::<u128>(), significant.parse::<u128>()) else {
        return false;
    };
    let scale = 10u128.pow((digits.len() - keep) as u32);
    let rounded = (value + scale / 2) / scale;
    // Rounding up may carry into one more digit (`999996` to `1.0E+6`).
    let carried = rounded.to_string().len() > keep;
    let (rounded, power) = match carried {
        true => (rounded / 10, digits.len() as u32),
        false => (rounded, digits.len() as u32 - 1),
    };
    rounded == wanted && power == *exponent
}

/// A number written with trailing zeros in its fraction as the number:
/// `1001.0` (as pandas writes an id column holding a blank) is `1001`, and
/// `2023.10` is `2023.1`, as a number cell, a JSON number or a SQLite
/// `REAL` keeps it (hostile review, 2026-12-05: a destruction of
/// `2023.10` read from such a column was only a dangling-ref warning).
fn without_zero_fraction(id: &str) -> &str {
    let Some((whole, fraction)) = id.split_once('.') else {
        return id;
    };
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || !digits(fraction) {
        return id;
    }
    match fraction.trim_end_matches('0').len() {
        0 => whole,
        kept => &id[..whole.len() + 1 + kept],
    }
}

/// `id` with the leading zeros of each run of digits left out (`001001`
/// -> `1001`, `R-007` -> `R-7`, `0` stays): Excel drops them from an id
/// typed as a number, so an inventory saved through it names `001001` as
/// `1001` while the logs keep `001001` (Decision 2026-12-05, hostile
/// review: the held record's destruction passed).
fn without_leading_zeros(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    let mut chars = id.chars().peekable();
    // Whether every digit of the current run so far was a zero left out.
    let mut zeros = true;
    while let Some(c) = chars.next() {
        let next_digit = chars.peek().is_some_and(char::is_ascii_digit);
        if c == '0' && zeros && next_digit {
            continue;
        }
        zeros = !c.is_ascii_digit();
        out.push(c);
    }
    out
}

/// Per dangling id, the id of `target` it differs from only as
/// [`near_key`] sets aside (the first in input order). The target's ids
/// are read once, and only when some ref dangles into it.
fn near_ids<'a>(
    ctx: &Ctx,
    target: CollId,
    dangling: impl Iterator<Item = &'a String>,
) -> HashMap<String, String> {
    let mut wanted: HashMap<String, Vec<&String>> = HashMap::new();
    for id in dangling {
        wanted.entry(near_key(id)).or_default().push(id);
    }
    let mut found = HashMap::new();
    let c = ctx.schema.collection(target);
    let Some(id_field) = c.id_field() else {
        return found;
    };
    if c.field(id_field).pii {
        return found;
    }
    // Refs in scientific notation, compared with every digit-only id.
    let mut rounded: Vec<(&String, (String, u32))> = wanted
        .values()
        .flatten()
        .filter_map(|id| Some((*id, scientific(&folded_id(id))?)))
        .collect();
    let table = ctx.ds.table(target);
    for row in 0..table.len() {
        let value = table.get(row, id_field);
        let Some(existing) = value.as_text(&ctx.ds.interner) else {
            continue;
        };
        // Folded once a row: this reads every id of the target.
        let folded = folded_id(existing);
        // An id the inventory itself holds in scientific notation: the
        // exact refs that round to it are near.
        if let Some(form) = scientific(&folded) {
            for id in wanted.values().flatten() {
                if rounds_to(&folded_id(id), &form) {
                    found.insert((*id).clone(), existing.to_string());
                }
            }
        }
        rounded.retain(|(id, form)| {
            let near = rounds_to(&folded, form);
            if near {
                found.insert((*id).clone(), existing.to_string());
            }
            !near
        });
        if let Some(ids) = wanted.remove(&near_key_of_folded(&folded)) {
            for id in ids {
                found.insert(id.clone(), existing.to_string());
            }
            if wanted.is_empty() {
                break;
            }
        }
    }
    found
}

/// The collection a ref field (or a list of refs) points into.
fn ref_target(ctx: &Ctx, coll: CollId, field: FieldId) -> CollId {
    match &ctx.schema.collection(coll).field(field).ty {
        FieldType::List(inner) => match **inner {
            FieldType::Ref(t) => t,
            _ => coll,
        },
        FieldType::Ref(t) => *t,
        _ => coll,
    }
}

/// The finding for field `field` of `coll` naming `id`, which no object of
/// its target has, in `rows` (in input order). When `near` is an id of the
/// target that `id` differs from only in case, width or spaces (`r-1` for
/// `R-1`), the finding is an error and says so (language.md, "Built-in
/// checks"): those rows were joined to nothing, so every rule about `near`
/// passed without them (a held record's destruction written `r-1` made the
/// legal-hold rule pass).
fn dangling_near(
    ctx: &Ctx,
    coll: CollId,
    field: FieldId,
    id: &str,
    rows: &[u32],
    near: Option<&str>,
) -> Violation {
    let c = ctx.schema.collection(coll);
    let f = c.field(field);
    let target = ref_target(ctx, coll, field);
    let target_name = &ctx.schema.collection(target).name;
    let personal = f.pii || ctx.schema.collection(target).fields.iter().any(|t| t.pii);
    // A value that is an existing id but for case, width or spaces is
    // that id mistyped, not a name (`Ｒ－１` does not read like an id).
    let shown = dangling_shown(id, f.pii, personal && near.is_none());
    // A masked ref is personal: the rows naming it are shown as
    // file and line only, like a row with a `pii` field.
    let masked = shown != id;
    let id = shown;
    // A masked id is personal (its field is `pii`): naming the near one
    // would show it.
    let near = near.filter(|_| !masked);
    let quoted = crate::text::id_shown(&id);
    let message = match near {
        None => crate::msg!(
            "builtin-dangling-ref",
            field = format!("{}.{}", c.name, f.name),
            id = &quoted,
            target = target_name,
            rows = rows.len()
        ),
        Some(near) if by_rounding(id.as_str(), near) => crate::msg!(
            "builtin-dangling-ref-rounded",
            field = format!("{}.{}", c.name, f.name),
            id = &quoted,
            target = target_name,
            rows = rows.len(),
            near = near
        ),
        Some(near) => crate::msg!(
            "builtin-dangling-ref-near",
            field = format!("{}.{}", c.name, f.name),
            id = &quoted,
            target = target_name,
            rows = rows.len(),
            near = near
        ),
    };
    let mut v = builtin(&DANGLING_REF, message.words(), ctx, (coll, rows[0]), id);
    if near.is_some() {
        Arc::make_mut(&mut v.broken).severity = Severity::Error;
    }
    dangling_rows(ctx, v, (coll, field), rows, masked)
}

/// What every dangling-ref finding adds to its message: the ref field as
/// its clause, the rows as evidence (masked with the id) and their origins.
fn dangling_rows(
    ctx: &Ctx,
    mut v: Finding,
    (coll, field): (CollId, FieldId),
    rows: &[u32],
    masked: bool,
) -> Violation {
    let c = ctx.schema.collection(coll);
    // Not shown as a policy clause (there is none): it names the
    // ref field, so that the fingerprint tells fields apart.
    Arc::make_mut(&mut v.broken).clause =
        Some(format!("{}.{}", c.name, c.field(field).name).into());
    v.evidence = rows
        .iter()
        .take(MAX_DANGLING_EVIDENCE)
        .map(|r| ctx.data_loc(coll, *r))
        .collect();
    if masked {
        v.subject.pii = true;
        v.evidence.iter_mut().for_each(|e| e.pii = true);
    }
    ref_origins(ctx, &mut v, (coll, field), rows, masked);
    v.into()
}

/// When the rows naming a dangling id came through a mapping: the ref as
/// its value (`access.actor = "S-09"`) and, for each row listed, the cell
/// it was read from as the company wrote it (`查阅人 = 吴刚`, masked as a
/// name), as a rule's values have (docs/mapping.md, "Provenance"). An
/// unmapped ref keeps none: the message names the value as written.
fn ref_origins(
    ctx: &Ctx,
    v: &mut Finding,
    (coll, field): (CollId, FieldId),
    rows: &[u32],
    masked: bool,
) {
    let c = ctx.schema.collection(coll);
    let name = &c.field(field).name;
    let sources: Vec<ValueSource> = rows
        .iter()
        .take(MAX_DANGLING_EVIDENCE)
        .filter_map(|&row| {
            let (file, origin) = ctx.ds.origin(coll, row);
            let column = file.columns.as_ref()?.find(&c.name, name)?;
            Some(ValueSource {
                value: 0,
                file: origin.file,
                line: origin.line,
                column,
                masked,
            })
        })
        .collect();
    if sources.is_empty() {
        return;
    }
    v.values = Box::new([(
        format!("{}.{name}", c.name).into(),
        serde_json::Value::String(v.subject_id.to_string()),
    )]);
    v.sources = sources.into();
}

/// A dangling ref as a finding names it (security.md, "Dangling refs"):
/// masked when its field is `pii`, or when the collection it points into
/// holds personal fields and the value does not read like an id (an OA
/// export with staff names in a ref column).
fn dangling_shown(id: &str, field_pii: bool, target_personal: bool) -> String {
    if field_pii || (target_personal && !crate::pii::looks_like_id(id)) {
        crate::pii::mask(id)
    } else {
        id.to_string()
    }
}

pub fn future_events(ctx: &Ctx) -> Vec<Violation> {
    future_events_except(ctx, &|_| false)
}

/// [`future_events`] of the collections `skip` does not name.
pub fn future_events_except(ctx: &Ctx, skip: &dyn Fn(CollId) -> bool) -> Vec<Violation> {
    let mut out = Vec::new();
    for coll in ctx
        .schema
        .ids()
        .filter(|c| ctx.schema.collection(*c).kind == CollKind::Event && !skip(*c))
    {
        let Some(at) = ctx.schema.collection(coll).field_id("at") else {
            continue;
        };
        let table = ctx.ds.table(coll);
        for row in 0..table.len() {
            if let Some(v) = future(ctx, coll, row, at) {
                out.push(v);
            }
        }
    }
    out
}

/// The finding for `row` of event collection `coll` when its `at` field
/// is dated after `as_of`.
pub fn future(ctx: &Ctx, coll: CollId, row: u32, at: FieldId) -> Option<Violation> {
    let Value::DateTime(t) = ctx.ds.table(coll).get(row, at) else {
        return None;
    };
    let day = ctx.date_of(t)?;
    (day > ctx.as_of).then(|| {
        let id = ctx.object_id(coll, row);
        let message = crate::msg!(
            "builtin-future-event",
            kind = &ctx.schema.collection(coll).name,
            date = day.to_string(),
            as_of = ctx.as_of.to_string()
        )
        .words();
        builtin(&FUTURE_EVENT, message, ctx, (coll, row), id).into()
    })
}

#[cfg(test)]
mod tests {
    use super::FirstRows;
    use crate::value::{Interner, Key};

    /// Small and large collections (hash map, array by symbol) find the
    /// same first rows, for text ids and for others.
    #[test]
    fn first_rows_finds_the_first_occurrence_of_each_id() {
        let mut interner = Interner::default();
        interner.push_unhashed("free text before the ids");
        let (a, b) = (interner.intern("R-1"), interner.intern("R-2"));
        interner.push_unhashed("free text between the ids");
        let ranks = interner.hashed_ranks();
        for rows in [10, 5000] {
            let mut first = FirstRows::new(rows, &ranks, false);
            assert_eq!(first.first_or_insert(Key::Sym(a), 0), None);
            assert_eq!(first.first_or_insert(Key::Sym(b), 1), None);
            assert_eq!(first.first_or_insert(Key::Num(7), 2), None);
            assert_eq!(first.first_or_insert(Key::Sym(a), 3), Some(0), "{rows}");
            assert_eq!(first.first_or_insert(Key::Num(7), 4), Some(2), "{rows}");
            assert_eq!(first.first_or_insert(Key::Sym(b), 5), Some(1), "{rows}");
            // Sized by the two hashed ids, not the four symbols.
            assert_eq!(first.by_sym.len(), if rows < 4096 { 0 } else { 2 });
        }
    }

    /// What the hash table finds: every row whose text an earlier row
    /// has, with the earliest such row.
    fn repeats_by_hash(texts: &[Option<String>]) -> Vec<(u32, u32)> {
        let mut first = std::collections::HashMap::new();
        let mut found = Vec::new();
        for (row, t) in texts.iter().enumerate() {
            if let Some(t) = t {
                match first.get(t) {
                    Some(&orig) => found.push((row as u32, orig)),
                    None => {
                        first.insert(t.clone(), row as u32);
                    }
                }
            }
        }
        found
    }

    proptest::proptest! {
        /// Ascending runs merged find the repeats the hash table finds,
        /// whatever the order, gaps (rows with no text) and repeats; past
        /// the most runs they give way.
        #[test]
        fn sorted_runs_find_what_the_hash_table_finds(
            texts in proptest::collection::vec(proptest::option::weighted(0.9, "[a-c]{0,3}"), 0..60),
            sort_from in 0usize..60,
        ) {
            // Partly sorted, as logs are: few runs, or many.
            let mut texts = texts;
            let from = sort_from.min(texts.len());
            texts[from..].sort();
            let rows = texts.len() as u32;
            let text = |row: u32| texts[row as usize].as_deref();
            let mut expected = repeats_by_hash(&texts);
            expected.sort_unstable();
            let all = super::sorted_runs(rows, &text, usize::MAX).expect("no limit");
            let mut found = super::repeats_in_sorted_runs(rows, &all, &text);
            found.sort_unstable();
            proptest::prop_assert_eq!(&found, &expected);
            // Each run ascends strictly: a run never holds a text twice.
            for (i, &start) in all.iter().enumerate() {
                let end = all.get(i + 1).copied().unwrap_or(rows);
                let run: Vec<&str> = (start..end).filter_map(text).collect();
                proptest::prop_assert!(run.windows(2).all(|w| w[0] < w[1]), "{:?}", run);
            }
            if all.len() > 2 {
                proptest::prop_assert_eq!(super::sorted_runs(rows, &text, 2), None);
            }
        }
    }

    proptest::proptest! {
        /// Two ascending runs, as two files of one log are, find what the
        /// hash table finds, with gaps and texts in both.
        #[test]
        fn two_sorted_runs_find_what_the_hash_table_finds(
            first in proptest::collection::btree_set("[a-e]{1,2}", 1..20),
            second in proptest::collection::btree_set("[a-e]{1,2}", 1..20),
            gaps in proptest::collection::vec(0u8..8, 40),
        ) {
            // The second run starts below the first's end: two runs.
            let mut second: Vec<String> = second.into_iter().collect();
            second.insert(0, String::new());
            let mut texts: Vec<Option<String>> = Vec::new();
            for (i, t) in first.into_iter().chain(second).enumerate() {
                if gaps[i % gaps.len()] == 0 {
                    texts.push(None);
                }
                texts.push(Some(t));
            }
            let rows = texts.len() as u32;
            let text = |row: u32| texts[row as usize].as_deref();
            let runs = super::sorted_runs(rows, &text, 64).expect("two runs");
            proptest::prop_assert_eq!(runs.len(), 2);
            let mut expected = repeats_by_hash(&texts);
            expected.sort_unstable();
            let mut found = super::repeats_in_sorted_runs(rows, &runs, &text);
            found.sort_unstable();
            proptest::prop_assert_eq!(found, expected);
        }
    }

    #[test]
    fn two_sorted_files_with_an_id_again_are_merged() {
        let texts: Vec<Option<String>> = ["A1", "A3", "A5", "A2", "A3", "A4", "A5", "A6"]
            .iter()
            .map(|t| Some(t.to_string()))
            .collect();
        let text = |row: u32| texts[row as usize].as_deref();
        let runs = super::sorted_runs(8, &text, 64).expect("two runs");
        assert_eq!(runs, [0, 3]);
        let mut found = super::repeats_in_sorted_runs(8, &runs, &text);
        found.sort_unstable();
        assert_eq!(found, [(4, 1), (6, 2)]);
    }

    /// Ids stored unhashed are found again by their text, whatever symbol
    /// each occurrence got.
    #[test]
    fn first_rows_finds_unhashed_ids_by_text() {
        let mut interner = Interner::default();
        let hashed = interner.intern("ACC-1");
        let (a1, b, a2) = (
            interner.push_unhashed("ACC-1"),
            interner.push_unhashed("ACC-2"),
            interner.push_unhashed("ACC-1"),
        );
        let ranks = interner.hashed_ranks();
        let mut first = FirstRows::new(5000, &ranks, true);
        assert_eq!(first.first_by_text(&interner, a1, 0), None);
        assert_eq!(first.first_by_text(&interner, b, 1), None);
        assert_eq!(first.first_by_text(&interner, a2, 2), Some(0));
        assert_eq!(first.first_by_text(&interner, hashed, 3), Some(0));
        assert_eq!(first.first_by_text(&interner, b, 4), Some(1));
    }
}

/// The characters of a unified social credit code, in the order of their
/// values 0..=30 (GB 32100-2015 4.3: digits and capitals without I, O, S, V, Z).
const CREDIT_CODE_CHARS: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/// The weights of the first 17 characters (GB 32100-2015 5: 3^(i) mod 31).
const CREDIT_CODE_WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/// `credit_code_valid(t)`: `t` is 18 characters of the code alphabet and its
/// last is the check digit of GB 32100-2015 (31 − Σ value × weight mod 31,
/// where 31 is written 0). The check digit of the organisation code inside
/// it (characters 9–17, GB 11714) is not verified.
pub fn credit_code_valid(code: &str) -> bool {
    let values: Option<Vec<u32>> = code
        .chars()
        .map(|c| CREDIT_CODE_CHARS.find(c).map(|i| i as u32))
        .collect();
    let Some(values) = values else { return false };
    let [body @ .., check] = values.as_slice() else {
        return false;
    };
    if body.len() != CREDIT_CODE_WEIGHTS.len() {
        return false;
    }
    let sum: u32 = body
        .iter()
        .zip(CREDIT_CODE_WEIGHTS)
        .map(|(v, w)| v * w)
        .sum();
    (31 - sum % 31) % 31 == *check
}

#[cfg(test)]
mod credit_code_tests {
    use super::credit_code_valid;

    #[test]
    fn check_digit() {
        assert!(credit_code_valid("91310115MA1K4C2Y3C"));
        assert!(credit_code_valid("91350100M000100Y43"));
        // One character changed, the check digit no longer fits.
        assert!(!credit_code_valid("91310115MA1K4C2Y3N"));
        assert!(!credit_code_valid("91310115MA1K4C2Y4C"));
        // Wrong length, a letter outside the alphabet, lower case.
        assert!(!credit_code_valid("91310115MA1K4C2Y3"));
        assert!(!credit_code_valid("91310115MA1K4C2Y3CC"));
        assert!(!credit_code_valid("91310115MA1K4C2YOC"));
        assert!(!credit_code_valid("91310115ma1k4c2y3c"));
        assert!(!credit_code_valid(""));
    }
}
