//! Applies waivers (language.md section 6) and reports the ones that are
//! expired, unused or name no rule.
//!
//! A waiver names what it silences by content, never by place: an object's
//! id, or a violation's fingerprint (`fingerprint:…`). An object without an
//! id is named `FILE:LINE` in reports, but a waiver naming that is not
//! applied: after an edit of the file another row sits on that line, and
//! the waiver would silence it (issue 12). The finding says which
//! fingerprint to use instead.

use std::sync::Arc;

use crate::check::schema::CollKind;
use crate::check::Checked;
use crate::data::InputFile;
use crate::report::model::{fingerprint, Broken, DataLoc, Finding, Outcome, Violation, WaiverInfo};

use super::builtin::{BuiltinCheck, WAIVER_EXPIRED, WAIVER_UNKNOWN_RULE, WAIVER_UNUSED};
use super::explain::policy_loc;
use jiff::civil::Date;

/// How a waiver's subject names a violation by its fingerprint.
pub const FINGERPRINT_PREFIX: &str = "fingerprint:";

/// Whether the waiver `w` may be applied on `as_of`: not expired, and
/// with a reason (a blank `because` is applied to nothing). `apply` and
/// `custodia explain` decide by this one rule.
pub fn in_force(w: &crate::syntax::ast::Waiver, as_of: Date) -> bool {
    w.until.node >= as_of && gives_reason(&w.because.node)
}

/// Whether a `because` (or `by`) says something: a letter or digit once
/// the whitespace and invisible characters at its ends are trimmed, and,
/// without the punctuation around it, not a word standing for nothing
/// (`无`, `N/A`: `text::NOTHING_WORDS`) nor one of [`NO_REASON_WORDS`].
/// `"\u{200b}"`, `"."` and `"无"` were applied as reasons (hostile review,
/// 2026-12-06), and so were `"无。"` and `"TBD"` (2026-12-07).
pub fn gives_reason(text: &str) -> bool {
    let text = crate::text::trim_cell(text);
    let word = text.trim_matches(|c: char| !c.is_alphanumeric());
    text.chars().any(char::is_alphanumeric)
        && !crate::text::stands_for_nothing(word)
        && !NO_REASON_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// What a draft writes where the reason is still to come: no reason for a
/// filing. Only for waivers: in data, `TBD` may be a value.
const NO_REASON_WORDS: [&str; 12] = [
    "tbd",
    "tbc",
    "todo",
    "fixme",
    "xxx",
    "test",
    "reason",
    "测试",
    "待补充",
    "待说明",
    "理由",
    "原因",
];

/// `files` are the data files the violations point into (for `FILE:LINE`).
pub fn apply(
    as_of: Date,
    checked: &Checked,
    files: &[InputFile],
    violations: &mut [Violation],
) -> Vec<Violation> {
    apply_these(as_of, checked, &checked.waivers, files, violations)
}

/// [`apply`] with the waivers `waivers` of the set only: `custodia
/// explain` applies a rule's own to its violations, and so says of a
/// waiver what `check` does (hostile review, 2026-12-08: it called waived
/// what `check` refused).
pub fn apply_these(
    as_of: Date,
    checked: &Checked,
    waivers: &[crate::syntax::ast::Waiver],
    files: &[InputFile],
    violations: &mut [Violation],
) -> Vec<Violation> {
    let mut findings = Vec::new();
    if waivers.is_empty() {
        return findings;
    }
    let places = Places::new(checked, waivers, files, violations);
    for w in waivers {
        let loc = policy_loc(checked, w.span);
        let mut finding = |check: &BuiltinCheck, message: String| {
            findings.push(Violation::from(Finding {
                broken: Arc::new(Broken {
                    rule: check.id.into(),
                    kind: "waiver",
                    severity: check.severity,
                    title: Some(check.title().into()),
                    cite: Arc::new([]),
                    help: None,
                    policy: Some(loc.clone()),
                    clause: Some(super::explain::policy_text(checked, w.span).into()),
                }),
                outcome: Outcome::Violated,
                message: message.into(),
                subject_id: w.subject.node.as_str().into(),
                subject: DataLoc {
                    collection: "waiver".into(),
                    id: Some(w.subject.node.as_str().into()),
                    file: None,
                    line: None,
                    offset: None,
                    pii: false,
                    key: w.subject.node.as_str().into(),
                },
                subject_title: None,
                evidence: Box::default(),
                values: Box::default(),
                sources: Default::default(),
                waiver: None,
                fingerprint: Default::default(),
                baseline: None,
            }))
        };
        let rule = &w.rule.node;
        if checked.rule(rule).is_none() {
            let hint = crate::check::suggest::did_you_mean(
                rule,
                checked.rules.iter().map(|r| r.name.as_str()),
            )
            .map(|s| crate::msg!("builtin-waiver-did-you-mean", name = s).words())
            .unwrap_or_default();
            finding(
                &WAIVER_UNKNOWN_RULE,
                crate::msg!("builtin-waiver-unknown-rule", rule = &**rule, hint = hint).words(),
            );
            continue;
        }
        if !in_force(w, as_of) {
            let subject = w.subject.node.as_str();
            let (check, message) = if w.until.node < as_of {
                let until = w.until.node.to_string();
                let m = crate::msg!(
                    "builtin-waiver-expired",
                    rule = &**rule,
                    subject = subject,
                    until = until
                );
                (&WAIVER_EXPIRED, m)
            } else {
                // A waiver with a blank reason was applied (`because " "`):
                // the filing would carry a waived violation nobody
                // explained (hostile review, 2026-12-05).
                let m = crate::msg!(
                    "builtin-waiver-no-reason",
                    rule = &**rule,
                    subject = subject
                );
                (&WAIVER_UNUSED, m)
            };
            finding(check, message.words());
            continue;
        }
        let info = WaiverInfo {
            until: w.until.node.to_string(),
            because: w.because.node.clone(),
            by: w
                .by
                .as_ref()
                .filter(|b| gives_reason(&b.node))
                .map(|b| b.node.clone()),
            policy: loc.clone(),
        };
        let subject = w.subject.node.as_str();
        if let Some(message) = places.refusal(rule, subject, violations) {
            finding(&WAIVER_UNUSED, message);
            continue;
        }
        let named: Vec<usize> = (0..violations.len())
            .filter(|&i| {
                let v = &violations[i];
                *v.rule == **rule && v.waiver.is_none() && places.names(i, v, subject)
            })
            .collect();
        // A fingerprint names one violation. Objects without an id that
        // differ only in personal fields (left out of their key) share
        // one: waiving them all would silence rows nobody reviewed
        // (hostile review, 2026-12-05). An id names a subject, which the
        // rule may find several times over other objects (two
        // destructions of one held record): the waiver was written about
        // what its author saw, and a later one would ride on it (hostile
        // review, 2026-12-07). Either way it waives none of them.
        let by_fingerprint = subject.starts_with(FINGERPRINT_PREFIX);
        let too_many = match by_fingerprint {
            true => (named.len() > 1).then(|| {
                let row = |k: usize| violations[named[k]].subject_id().to_string();
                (row(0), row(1))
            }),
            false => different_objects(files, violations, &named),
        };
        // Checked after the objects: a waiver over two destructions is
        // refused for that, as before.
        let other_clause = match (by_fingerprint, too_many.is_some()) {
            (false, false) => found_by_another_check(checked, files, violations, &named),
            _ => None,
        };
        if let Some(message) = other_clause {
            let message = crate::msg!(
                "builtin-waiver-id-finding",
                rule = &**rule,
                subject = subject,
                clause = message.clause,
                place = message.place,
                checks = message.checks,
                waiver = format!("for \"{FINGERPRINT_PREFIX}{}\"", message.fingerprint)
            );
            finding(&WAIVER_UNUSED, message.words());
            continue;
        }
        if let Some((first, second)) = too_many {
            let (rule, count) = (&**rule, named.len());
            let message = match by_fingerprint {
                true => crate::msg!(
                    "builtin-waiver-fingerprint-shared",
                    rule = rule,
                    subject = subject,
                    count = count,
                    first = first,
                    second = second
                ),
                false => crate::msg!(
                    "builtin-waiver-id-several",
                    rule = rule,
                    subject = subject,
                    count = count,
                    first = first,
                    second = second
                ),
            };
            finding(&WAIVER_UNUSED, message.words());
            continue;
        }
        let used = !named.is_empty();
        for i in named {
            violations[i].waiver = Some(Box::new(info.clone()));
        }
        if !used {
            finding(
                &WAIVER_UNUSED,
                crate::msg!("builtin-waiver-unused", rule = &**rule, subject = subject).words(),
            );
        }
    }
    findings
}

/// Two of the objects besides the subject (a forbidden or matched event)
/// that the `named` violations rest on, when they rest on more than one:
/// each violation's other objects are one set, the subject alone (a clause
/// over its own fields) the empty one. A waiver written about the record's
/// own field hid the destruction of it under hold (hostile review,
/// 2026-12-07); two clauses over its own fields are one set.
fn different_objects(
    files: &[InputFile],
    violations: &[Violation],
    named: &[usize],
) -> Option<(String, String)> {
    let others = |v: &Violation| -> Vec<String> {
        let subject = v.subject();
        let mut out: Vec<String> = v
            .evidence()
            .filter(|e| (e.collection, e.key) != (subject.collection, subject.key))
            .map(|e| match (e.id, e.file, e.line) {
                (Some(id), ..) => id.to_string(),
                (None, Some(f), Some(line)) => {
                    let path = files.get(f as usize).map_or("?", |f| f.path.as_str());
                    format!("{path}:{line}")
                }
                _ => e.key.to_string(),
            })
            .collect();
        out.sort();
        out.dedup();
        out
    };
    let mut seen: Vec<Vec<String>> = Vec::new();
    for &i in named {
        let set = others(&violations[i]);
        if !seen.contains(&set) {
            seen.push(set);
        }
    }
    let shown = |set: &[String]| match set.is_empty() {
        true => crate::msg!("builtin-waiver-subject-alone").words(),
        false => set.join(", "),
    };
    match &seen[..] {
        [a, b, ..] => Some((shown(a), shown(b))),
        _ => None,
    }
}

/// A violation a waiver by id does not cover: one that a clause found
/// against the rule, in a rule with other clauses that can fail
/// (`waiver_clauses`), with what the refusal says of it.
struct FoundByAnotherCheck {
    clause: String,
    place: String,
    checks: usize,
    fingerprint: String,
}

fn found_by_another_check(
    checked: &Checked,
    files: &[InputFile],
    violations: &[Violation],
    named: &[usize],
) -> Option<FoundByAnotherCheck> {
    named.iter().find_map(|&i| {
        let v = &violations[i];
        let rule = checked.rule(&v.rule)?;
        let checks = super::waiver_clauses::checks(rule);
        let at = v.policy.as_ref()?;
        let clause = rule.clauses.iter().find(|c| c.span == at.span)?;
        (checks > 1 && super::waiver_clauses::finds_objects(rule, clause)).then(|| {
            let path = v.subject().file.and_then(|f| files.get(f as usize));
            FoundByAnotherCheck {
                clause: crate::report::model::without_message(v.clause.as_deref().unwrap_or(""))
                    .trim()
                    .to_string(),
                place: format!("{}:{}", at.file, at.line),
                checks,
                fingerprint: fingerprint(v, path.map(|f| f.path.as_str())).to_hex(),
            }
        })
    })
}

/// What tells a violation's subject by place (`FILE:LINE`) from one by
/// content, and the fingerprints waivers may name.
struct Places {
    /// Per violation: its subject is named by its place in a file.
    by_place: Vec<bool>,
    /// Per violation, when a waiver names a fingerprint.
    fingerprints: Vec<String>,
    /// The data files' paths, to recognise `FILE:LINE` in a waiver.
    paths: Vec<String>,
}

impl Places {
    fn new(
        checked: &Checked,
        waivers: &[crate::syntax::ast::Waiver],
        files: &[InputFile],
        violations: &[Violation],
    ) -> Places {
        let path = |v: &Violation| v.subject().file.and_then(|f| files.get(f as usize));
        let by_place = violations
            .iter()
            .map(|v| {
                // Read in place once: each read walks the encoded violation.
                let subject = v.subject();
                // The company is one object: its `FILE:LINE` cannot drift.
                let company = || {
                    checked
                        .schema
                        .lookup(subject.collection)
                        .is_some_and(|c| checked.schema.collection(c).kind == CollKind::Company)
                };
                subject.id.is_none()
                    && matches!((path(v), subject.line), (Some(f), Some(l)) if is_place(v.subject_id(), &f.path, l))
                    && !company()
            })
            .collect();
        let wanted = waivers.iter().any(|w| {
            w.subject.node.starts_with(FINGERPRINT_PREFIX) || by_place_name(&w.subject.node, files)
        });
        let fingerprints = match wanted {
            true => violations
                .iter()
                .map(|v| fingerprint(v, path(v).map(|f| f.path.as_str())).to_hex())
                .collect(),
            false => Vec::new(),
        };
        Places {
            by_place,
            fingerprints,
            paths: place_named(files).map(|f| f.path.clone()).collect(),
        }
    }

    /// Whether the waiver subject `subject` names violation `i`.
    fn names(&self, i: usize, v: &Violation, subject: &str) -> bool {
        match subject.strip_prefix(FINGERPRINT_PREFIX) {
            Some(fp) => self.fingerprints.get(i).is_some_and(|f| f == fp),
            None => !self.by_place[i] && v.subject_id() == subject,
        }
    }

    /// Why a waiver naming a place (`FILE:LINE`) is not applied, with the
    /// fingerprint to name instead when a violation of the rule is there now.
    fn refusal(&self, rule: &str, subject: &str, violations: &[Violation]) -> Option<String> {
        let at_place = violations
            .iter()
            .enumerate()
            .find(|(i, v)| *v.rule == *rule && self.by_place[*i] && v.subject_id() == subject);
        let names_a_file = self.paths.iter().any(|p| is_place_in(subject, p));
        if at_place.is_none() && !names_a_file {
            return None;
        }
        let why = crate::msg!("builtin-waiver-by-place", rule = rule, subject = subject);
        Some(
            match at_place {
                Some((i, _)) => crate::msg!(
                    "builtin-waiver-by-place-now",
                    why = why,
                    waiver = format!("for \"{FINGERPRINT_PREFIX}{}\"", self.fingerprints[i])
                ),
                None => crate::msg!(
                    "builtin-waiver-by-place-later",
                    why = why,
                    waiver = format!("for \"{FINGERPRINT_PREFIX}…\"")
                ),
            }
            .words(),
        )
    }
}

/// Whether `subject` reads `PATH:LINE` for one of the data files.
fn by_place_name(subject: &str, files: &[InputFile]) -> bool {
    place_named(files).any(|f| is_place_in(subject, &f.path))
}

/// The files whose objects may be named by place: all but the company's,
/// which holds one object.
fn place_named(files: &[InputFile]) -> impl Iterator<Item = &InputFile> {
    files.iter().filter(|f| f.role != "company")
}

/// Whether `subject` is exactly `PATH:LINE` (without formatting one).
fn is_place(subject: &str, path: &str, line: u32) -> bool {
    subject
        .strip_prefix(path)
        .and_then(|rest| rest.strip_prefix(':'))
        .is_some_and(|n| n.parse::<u32>().ok() == Some(line) && !n.starts_with('0'))
}

fn is_place_in(subject: &str, path: &str) -> bool {
    subject
        .strip_prefix(path)
        .and_then(|rest| rest.strip_prefix(':'))
        .is_some_and(|line| !line.is_empty() && line.bytes().all(|b| b.is_ascii_digit()))
}
