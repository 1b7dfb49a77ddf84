//! Ids of one collection that are the same id to a reader but not to a
//! computer: `R-1011` and `Ｒ-1011` (typed with a Chinese input method),
//! `r-1011`, `R-10\u{200B}11`. A reference matches one of them only, so
//! the same record listed twice, once under legal hold, lost its hold,
//! and the run said COMPLIANT (hostile review, 2026-12-06). Such a pair is
//! an `integrity.duplicate_id` finding, as an exact repeat is.
//!
//! Records and tables only: they are what references name. Event ids are
//! not referenced, and a log of ten million is not folded.

use std::hash::{BuildHasher, Hasher};

use rustc_hash::FxHashMap;

use super::builtin::{folded_id, id_repeated};
use super::expr::Ctx;
use crate::check::schema::CollKind;
use crate::report::model::Violation;
use crate::value::{CollId, FieldId, Value};

/// The findings of `coll`, whose id field is `id_field`: each row whose id
/// folds (`builtin::folded_id`) to an earlier row's different id.
pub fn near_duplicate_ids(ctx: &Ctx, coll: CollId, id_field: FieldId) -> Vec<Violation> {
    if ctx.schema.collection(coll).kind == CollKind::Event {
        return Vec::new();
    }
    let table = ctx.ds.table(coll);
    let text = |row: u32| match table.get(row, id_field) {
        Value::Sym(s) => Some(ctx.ds.interner.resolve(s)),
        _ => None,
    };
    // Most id schemes are plain (ASCII, no lower-case letter): nothing to
    // fold, and nothing to hold, unless some id is not. The rows that are
    // not, with their folded id's hash, and the first row of each.
    let mut unusual: Vec<(u32, u64)> = Vec::new();
    let mut first: FxHashMap<u64, u32> = FxHashMap::default();
    for row in 0..table.len() {
        if let Some(id) = text(row).filter(|id| !is_plain(id)) {
            let h = hash(&folded_id(id));
            first.entry(h).or_insert(row);
            unusual.push((row, h));
        }
    }
    if unusual.is_empty() {
        return Vec::new();
    }
    let mut pairs = Vec::new();
    let mut unusual = unusual.into_iter().peekable();
    let mut lower = String::new();
    for row in 0..table.len() {
        let Some(id) = text(row) else { continue };
        // A plain id's fold is itself in lower case (one buffer for all).
        let h = match unusual.next_if(|(r, _)| *r == row) {
            Some((_, h)) => h,
            None => {
                lower.clear();
                lower.extend(id.chars().map(|c| c.to_ascii_lowercase()));
                hash(&lower)
            }
        };
        let Some(&other) = first.get(&h) else {
            continue;
        };
        // Another id that folds alike (an exact repeat is the duplicate
        // finding already): the later row is the finding.
        if text(other).is_some_and(|t| t != id && folded_id(t) == folded_id(id)) {
            pairs.push((row.max(other), row.min(other)));
        }
    }
    // Each later row once, naming the earliest row of its id: a row found
    // beside a later one (`Ｒ-1011` found for `R-10\u{200B}11`, both after
    // `R-1011`) is followed to where that one leads.
    pairs.sort_unstable();
    pairs.dedup_by_key(|(row, _)| *row);
    let mut earliest: FxHashMap<u32, u32> = FxHashMap::default();
    pairs
        .into_iter()
        .map(|(row, orig)| {
            let orig = earliest.get(&orig).copied().unwrap_or(orig);
            earliest.insert(row, orig);
            near_duplicate(ctx, coll, row, orig, text(orig).unwrap_or(""))
        })
        .collect()
}

/// ASCII printable with no lower-case letter and no space at an end: its
/// fold is itself in lower case.
fn is_plain(id: &str) -> bool {
    id.bytes()
        .all(|b| (0x21..0x7f).contains(&b) && !b.is_ascii_lowercase())
}

fn hash(key: &str) -> u64 {
    let mut h = rustc_hash::FxBuildHasher.build_hasher();
    h.write(key.as_bytes());
    h.finish()
}

fn near_duplicate(ctx: &Ctx, coll: CollId, row: u32, orig: u32, other: &str) -> Violation {
    id_repeated(ctx, (coll, row), orig, |name, id, file, line| match file {
        Some(file) => crate::msg!(
            "builtin-near-duplicate-id-elsewhere",
            collection = name,
            id = id,
            other = other,
            file = file,
            line = line
        ),
        None => crate::msg!(
            "builtin-near-duplicate-id",
            collection = name,
            id = id,
            other = other,
            line = line
        ),
    })
}
