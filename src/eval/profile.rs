//! `--profile`: where a check spends its time, per phase, per rule and per
//! index, with the counts that explain it (subjects, matches, violations;
//! keys and rows). Rule and index times are summed over worker threads, so
//! they add up to CPU time, not wall time; rule times are estimated from a
//! sample of the subjects (`eval/rules.rs: TIMING_STRIDE`).

use std::fmt::Write;
use std::time::Duration;

use crate::i18n::Lang;
use crate::t;

#[derive(Clone, Debug, Default)]
pub struct Profile {
    pub threads: usize,
    /// Phases in run order, by catalogue id (`profile-phase-*`), wall time.
    pub phases: Vec<(&'static str, Duration)>,
    pub rules: Vec<RuleProfile>,
    pub indexes: Vec<IndexProfile>,
}

#[derive(Clone, Debug)]
pub struct RuleProfile {
    pub name: String,
    pub time: Duration,
    pub subjects: u64,
    /// Objects found by the rule's `match` and `forbid` joins.
    pub matches: u64,
    pub violations: u64,
}

#[derive(Clone, Debug)]
pub struct IndexProfile {
    /// `collection.field`.
    pub name: String,
    /// What the index is for.
    pub kind: IndexKind,
    pub time: Duration,
    pub keys: u64,
    pub rows: u64,
}

/// What an index is for, shown after its field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IndexKind {
    /// A collection's ids.
    Id,
    /// The key of a `match` or `forbid` join.
    Join,
    /// Row by interned id, for ref navigation.
    SymbolToRow,
    /// A ref field resolved to the rows of its target collection.
    Ref(String),
}

fn secs(d: Duration) -> String {
    format!("{:.3} s", d.as_secs_f64())
}

/// `text` then spaces up to `columns` terminal columns (a Chinese
/// character takes two).
fn pad(text: &str, columns: usize) -> String {
    let width = unicode_width::UnicodeWidthStr::width(text);
    format!("{text}{}", " ".repeat(columns.saturating_sub(width)))
}

/// `text` after spaces up to `columns` terminal columns.
fn pad_left(text: &str, columns: usize) -> String {
    let width = unicode_width::UnicodeWidthStr::width(text);
    format!("{}{text}", " ".repeat(columns.saturating_sub(width)))
}

/// A phase in words: the run names it by its catalogue id
/// (`profile-phase-rules`).
fn phase_words(lang: Lang, id: &str) -> String {
    crate::i18n::catalogue::text(lang, id, &[])
}

fn index_words(lang: Lang, i: &IndexProfile) -> String {
    let name = i.name.as_str();
    match &i.kind {
        IndexKind::Id => t!(lang, "profile-index-id", name = name),
        IndexKind::Join => t!(lang, "profile-index-join", name = name),
        IndexKind::SymbolToRow => t!(lang, "profile-index-symbols", name = name),
        IndexKind::Ref(target) => t!(lang, "profile-index-ref", name = name, target = target),
    }
}

/// One line of a table: the first cell padded to `width`, the others
/// right-aligned in ten columns.
fn row(out: &mut String, first: &str, width: usize, cells: &[String]) {
    let _ = write!(out, "  {}", pad(first, width));
    for c in cells {
        let _ = write!(out, " {}", pad_left(c, 10));
    }
    out.push('\n');
}

impl Profile {
    /// The text printed on stderr after the report, in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let mut out = String::new();
        let total: Duration = self.phases.iter().map(|(_, d)| *d).sum();
        let _ = writeln!(
            out,
            "{}",
            t!(
                lang,
                "profile-head",
                total = secs(total),
                threads = self.threads
            )
        );
        out.push('\n');
        let phases: Vec<(String, Duration)> = self
            .phases
            .iter()
            .map(|(n, d)| (phase_words(lang, n), *d))
            .collect();
        let width = column_width(phases.iter().map(|(n, _)| n.as_str()), 28);
        row(
            &mut out,
            &t!(lang, "profile-col-phase"),
            width,
            &[t!(lang, "profile-col-wall")],
        );
        for (name, d) in &phases {
            row(&mut out, name, width, &[secs(*d)]);
        }
        out.push('\n');
        let width = column_width(self.rules.iter().map(|r| r.name.as_str()), 4);
        let head = [
            "profile-col-time",
            "profile-col-subjects",
            "profile-col-matches",
            "profile-col-violations",
        ];
        let head: Vec<String> = head
            .iter()
            .map(|id| crate::i18n::catalogue::text(lang, id, &[]))
            .collect();
        row(&mut out, &t!(lang, "profile-col-rule"), width, &head);
        // In policy-set order, so two runs line up; the times show the slow one.
        for r in &self.rules {
            let cells = [
                secs(r.time),
                r.subjects.to_string(),
                r.matches.to_string(),
                r.violations.to_string(),
            ];
            row(&mut out, &r.name, width, &cells);
        }
        out.push('\n');
        let names: Vec<String> = self.indexes.iter().map(|i| index_words(lang, i)).collect();
        let width = column_width(names.iter().map(String::as_str), 5);
        let head = ["profile-col-time", "profile-col-keys", "profile-col-rows"];
        let head: Vec<String> = head
            .iter()
            .map(|id| crate::i18n::catalogue::text(lang, id, &[]))
            .collect();
        row(&mut out, &t!(lang, "profile-col-index"), width, &head);
        for (i, name) in self.indexes.iter().zip(&names) {
            row(
                &mut out,
                name,
                width,
                &[secs(i.time), i.keys.to_string(), i.rows.to_string()],
            );
        }
        out
    }
}

/// The widest of `names` in terminal columns, at least `min`.
fn column_width<'a>(names: impl Iterator<Item = &'a str>, min: usize) -> usize {
    names
        .map(unicode_width::UnicodeWidthStr::width)
        .max()
        .unwrap_or(min)
        .max(min)
}
