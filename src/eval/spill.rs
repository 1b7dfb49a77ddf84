//! Violations held off the heap while the data is in memory (docs/scale.md,
//! "Memory"). A rule that fails every row of a large case finds about as
//! many bytes of violations as the data it read, and the two used to peak
//! together at the end of the rules. Past a budget, each task's violations
//! are written to an unnamed temporary file as it finishes; `report::build`
//! reads them back after it has freed the rows, so the data and the
//! violations are never in memory at the same time.
//!
//! A run that cannot make or write the file keeps its violations in memory
//! (the old cost, never a lost violation); one that cannot read them back
//! stops with an error.

use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom, Write};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use jiff::civil::Date;

use crate::check::Checked;
use crate::data::InputFile;
use crate::report::model::{Broken, Violation};

/// Bytes of violations kept in memory before the rest go to the file:
/// small and medium cases (about 25,000 violations) never touch the disk.
/// 16 MiB cost a rule failing every row of a million 12-18 MiB more peak
/// (bench/RESULTS.md, 2026-12-05).
const DEFAULT_BUDGET: usize = 4 << 20;

/// Overrides [`DEFAULT_BUDGET`] (bytes; `0` spills every violation), for the
/// tests that hold a spilled run's report to an unspilled one's.
pub const BUDGET_VAR: &str = "CUSTODIA_SPILL_AFTER";

/// What a violation costs in memory beside its encoded bytes: the
/// `Violation` itself and the allocator's header.
const OVERHEAD: usize = std::mem::size_of::<Violation>() + 16;

pub struct Spill {
    budget: usize,
    in_memory: AtomicUsize,
    /// `None` until the first run is written; `Err` when the file could not
    /// be made, `closed` once a write failed: later runs stay in memory.
    file: Mutex<Option<Result<Written, ()>>>,
}

struct Written {
    file: File,
    len: u64,
    /// A write failed (a full disk): no run is written after it, and the
    /// runs before it, each with its own range, are still read back.
    closed: bool,
}

/// One task's violations of one rule, in the order found.
pub enum Held {
    Memory(Vec<Violation>),
    Spilled(Run),
}

/// Where a task's violations are in the file: `count` records of the
/// clause's index in `clauses`, the encoded length and the encoded bytes
/// ([`crate::report::compact`]), each length a little-endian `u32`.
pub struct Run {
    start: u64,
    len: u64,
    count: usize,
    clauses: Vec<Arc<Broken>>,
}

impl Held {
    pub fn len(&self) -> usize {
        match self {
            Held::Memory(v) => v.len(),
            Held::Spilled(run) => run.count,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Default for Spill {
    /// The budget of [`BUDGET_VAR`], else [`DEFAULT_BUDGET`].
    fn default() -> Spill {
        let budget = std::env::var(BUDGET_VAR)
            .ok()
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(DEFAULT_BUDGET);
        Spill::with_budget(budget)
    }
}

impl Spill {
    pub fn with_budget(budget: usize) -> Spill {
        Spill {
            budget,
            in_memory: AtomicUsize::new(0),
            file: Mutex::new(None),
        }
    }

    /// Keeps `violations` in memory while the budget lasts, else writes them
    /// to the file. A violation with a waiver (set only after the rules)
    /// stays in memory: the file does not carry waivers.
    pub fn hold(&self, violations: Vec<Violation>) -> Held {
        let bytes: usize = violations.iter().map(|v| v.encoded_len() + OVERHEAD).sum();
        let before = self.in_memory.fetch_add(bytes, Ordering::Relaxed);
        if before.saturating_add(bytes) <= self.budget
            || violations.iter().any(|v| v.waiver.is_some())
        {
            return Held::Memory(violations);
        }
        let (clauses, records) = encode_run(&violations);
        match self.append(&records) {
            Some(start) => {
                self.in_memory.fetch_sub(bytes, Ordering::Relaxed);
                Held::Spilled(Run {
                    start,
                    len: records.len() as u64,
                    count: violations.len(),
                    clauses,
                })
            }
            None => Held::Memory(violations),
        }
    }

    /// Appends `records` to the file, making it on first use; where they
    /// start, or `None` when the file cannot be made or written.
    fn append(&self, records: &[u8]) -> Option<u64> {
        // A task that panicked while holding the lock left the file as it
        // was: its run was not recorded, so the file is still usable.
        let mut slot = self.file.lock().unwrap_or_else(|p| p.into_inner());
        if slot.is_none() {
            *slot = Some(
                make_file()
                    .map(|file| Written {
                        file,
                        len: 0,
                        closed: false,
                    })
                    .map_err(|_| ()),
            );
        }
        let Some(Ok(w)) = slot.as_mut() else {
            return None;
        };
        if w.closed {
            return None;
        }
        let start = w.len;
        // A failed write may leave part of a run behind: nothing more is
        // written, and no run already written is affected (each knows its
        // range). The file is kept for them: dropping it would lose them,
        // and stop a run that is only out of disk space.
        if w.file.write_all(records).is_err() {
            w.closed = true;
            return None;
        }
        w.len += records.len() as u64;
        Some(start)
    }

    /// Every held list, in order, as one list with room for `extra` more.
    pub fn read_back(self, held: Vec<Held>, extra: usize) -> std::io::Result<Vec<Violation>> {
        let total: usize = held.iter().map(Held::len).sum();
        let mut all = Vec::with_capacity(total + extra);
        let mut file = match self.file.into_inner().unwrap_or_else(|p| p.into_inner()) {
            Some(Ok(w)) => Some(w.file),
            _ => None,
        };
        for h in held {
            match h {
                Held::Memory(v) => all.extend(v),
                Held::Spilled(run) => {
                    let Some(file) = file.as_mut() else {
                        return Err(crate::i18n::io_error::own(
                            std::io::ErrorKind::NotFound,
                            crate::msg!("spill-file-gone"),
                        ));
                    };
                    read_run(file, &run, &mut all)?;
                }
            }
        }
        Ok(all)
    }
}

/// The unnamed file, owner-only: `tempfile()` makes it with `O_TMPFILE` on
/// Linux, mode 0666 less the umask (0644 as a rule), which another user
/// could read were it linked into the file system.
fn make_file() -> std::io::Result<File> {
    let file = tempfile::tempfile()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
    }
    Ok(file)
}

fn encode_run(violations: &[Violation]) -> (Vec<Arc<Broken>>, Vec<u8>) {
    let mut clauses: Vec<Arc<Broken>> = Vec::new();
    let size: usize = violations.iter().map(|v| v.encoded_len() + 8).sum();
    let mut out = Vec::with_capacity(size);
    for v in violations {
        // A task's violations share a handful of clauses.
        let clause = match clauses.iter().position(|c| Arc::ptr_eq(c, v.broken())) {
            Some(i) => i,
            None => {
                clauses.push(v.broken().clone());
                clauses.len() - 1
            }
        };
        out.extend_from_slice(&(clause as u32).to_le_bytes());
        out.extend_from_slice(&(v.encoded_len() as u32).to_le_bytes());
        out.extend_from_slice(v.encoded());
    }
    (clauses, out)
}

fn read_run(file: &mut File, run: &Run, into: &mut Vec<Violation>) -> std::io::Result<()> {
    file.seek(SeekFrom::Start(run.start))?;
    let mut r = BufReader::new(file.take(run.len));
    let broken = || {
        crate::i18n::io_error::own(
            std::io::ErrorKind::InvalidData,
            crate::msg!("spill-run-cut"),
        )
    };
    for _ in 0..run.count {
        let clause = read_u32(&mut r)? as usize;
        let len = read_u32(&mut r)? as usize;
        let mut own = vec![0u8; len];
        r.read_exact(&mut own)?;
        let clause = run.clauses.get(clause).ok_or_else(broken)?;
        into.push(Violation::from_encoded(
            clause.clone(),
            own.into_boxed_slice(),
        ));
    }
    Ok(())
}

fn read_u32(r: &mut impl Read) -> std::io::Result<u32> {
    let mut b = [0u8; 4];
    r.read_exact(&mut b)?;
    Ok(u32::from_le_bytes(b))
}

/// An evaluation's violations, some perhaps in the spill file, with the
/// waivers still to apply.
pub struct Found {
    held: Vec<Held>,
    spill: Spill,
    /// The day waivers are judged on.
    waive_on: Date,
}

impl Found {
    pub fn new(held: Vec<Held>, spill: Spill, waive_on: Date) -> Found {
        Found {
            held,
            spill,
            waive_on,
        }
    }

    /// Violations all in memory (the Spark engine's), waived on `day`.
    pub fn in_memory(violations: Vec<Violation>, day: Date) -> Found {
        Found::new(vec![Held::Memory(violations)], Spill::default(), day)
    }

    pub fn len(&self) -> usize {
        self.held.iter().map(Held::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every violation in one list, in the order found, with the waivers
    /// applied and their own findings (expired, unused) after the rest.
    pub fn read_back(
        self,
        checked: &Checked,
        files: &[InputFile],
    ) -> std::io::Result<Vec<Violation>> {
        let mut all = self.spill.read_back(self.held, 2 * checked.waivers.len())?;
        let findings = super::waivers::apply(self.waive_on, checked, files, &mut all);
        all.extend(findings);
        Ok(all)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::model::{DataLoc, Finding, Outcome};

    use crate::report::model::test_clause as clause;

    fn violation(clause: &Arc<Broken>, i: usize) -> Violation {
        let id: Arc<str> = format!("R-{i:05}").into();
        Violation::from(Finding {
            broken: clause.clone(),
            outcome: Outcome::Violated,
            message: format!("记录 {i} 不合规").into(),
            subject_id: id.clone(),
            subject: DataLoc {
                collection: "record".into(),
                id: Some(id.clone()),
                file: Some(0),
                line: Some(i as u32 + 2),
                offset: None,
                pii: false,
                key: id,
            },
            subject_title: None,
            evidence: Box::default(),
            values: Box::default(),
            sources: Box::default(),
            waiver: None,
            fingerprint: Default::default(),
            baseline: None,
        })
    }

    /// Three tasks' violations of two clauses, in order.
    fn tasks() -> Vec<Vec<Violation>> {
        let (a, b) = (clause("a"), clause("b"));
        (0..3)
            .map(|t| {
                (0..50)
                    .map(|i| violation(if i % 3 == 0 { &a } else { &b }, t * 100 + i))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn runs_read_back_in_order_with_their_clauses() {
        let spill = Spill::with_budget(0);
        let expected: Vec<Violation> = tasks().into_iter().flatten().collect();
        let held: Vec<Held> = tasks().into_iter().map(|t| spill.hold(t)).collect();
        assert!(held.iter().all(|h| matches!(h, Held::Spilled(_))));
        assert_eq!(held.iter().map(Held::len).sum::<usize>(), 150);
        let back = spill.read_back(held, 0).expect("read back");
        assert_eq!(back, expected);
        // The clauses are shared again, not copied per violation.
        assert!(Arc::ptr_eq(back[1].broken(), back[2].broken()));
    }

    /// A write that fails after runs went to the file (a temporary folder
    /// that fills up during the check) keeps that run and the later ones
    /// in memory, and the runs already written are still read back: the
    /// file is not given up with them in it.
    #[test]
    fn a_failed_write_keeps_the_runs_already_written() {
        let spill = Spill::with_budget(0);
        let named = tempfile::NamedTempFile::new().expect("a temporary file");
        let rw = named.reopen().expect("reopen read-write");
        *spill.file.lock().expect("lock") = Some(Ok(Written {
            file: rw,
            len: 0,
            closed: false,
        }));
        let expected: Vec<Violation> = tasks().into_iter().flatten().collect();
        let mut runs = tasks().into_iter();
        let mut held = vec![spill.hold(runs.next().expect("a task"))];
        assert!(matches!(held[0], Held::Spilled(_)));
        // From now on the file takes no more bytes (a read-only handle on
        // the same file: writes fail, reads see what was written).
        if let Ok(mut slot) = spill.file.lock() {
            if let Some(Ok(w)) = slot.as_mut() {
                w.file = std::fs::File::open(named.path()).expect("reopen read-only");
            }
        }
        held.extend(runs.map(|t| spill.hold(t)));
        assert!(held[1..].iter().all(|h| matches!(h, Held::Memory(_))));
        let back = spill.read_back(held, 0).expect("read back");
        assert_eq!(back, expected);
    }

    /// The file is owner-only (security.md, "spill file"): Linux's
    /// `O_TMPFILE`, which `tempfile()` uses, makes it 0666 less the umask,
    /// readable by every user once linked, or through `/proc/PID/fd`.
    #[cfg(unix)]
    #[test]
    fn the_file_is_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let spill = Spill::with_budget(0);
        let held: Vec<Held> = tasks().into_iter().map(|t| spill.hold(t)).collect();
        assert!(matches!(held[0], Held::Spilled(_)));
        let slot = spill.file.lock().expect("lock");
        let Some(Ok(w)) = slot.as_ref() else {
            panic!("no file was made");
        };
        let mode = w.file.metadata().expect("metadata").permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "mode {mode:o}");
    }

    #[test]
    fn within_the_budget_nothing_is_written() {
        let spill = Spill::with_budget(1 << 30);
        let held: Vec<Held> = tasks().into_iter().map(|t| spill.hold(t)).collect();
        assert!(held.iter().all(|h| matches!(h, Held::Memory(_))));
        assert!(spill.file.lock().map(|f| f.is_none()).unwrap_or(false));
        let back = spill.read_back(held, 0).expect("read back");
        assert_eq!(back.len(), 150);
    }

    /// A file cut short (it cannot be, but a failing disk could lose a
    /// run) is an error, never a shorter list of violations.
    #[test]
    fn a_cut_file_is_an_error_not_fewer_violations() {
        let spill = Spill::with_budget(0);
        let held: Vec<Held> = tasks().into_iter().map(|t| spill.hold(t)).collect();
        if let Ok(mut slot) = spill.file.lock() {
            if let Some(Ok(w)) = slot.as_mut() {
                w.file.set_len(w.len / 2).expect("cut the file");
            }
        }
        assert!(spill.read_back(held, 0).is_err());
    }

    /// What `check` says when the violations cannot be read back, in
    /// Chinese: custodia's own reasons in Chinese, a system's reason as its
    /// kind in Chinese with the system's text after it. They were English
    /// inside the Chinese sentence (`the violations' file is gone`).
    fn said_in_chinese(e: &std::io::Error) -> String {
        crate::t!(crate::i18n::Lang::Zh, "stop-spill-unread", error = e)
    }

    /// The text without its one English word (`TMPDIR`, the variable's name).
    fn english_in(text: &str) -> Vec<&str> {
        text.split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| w.len() > 1 && *w != "TMPDIR")
            .collect()
    }

    #[test]
    fn a_lost_file_is_said_in_chinese() {
        let spill = Spill::with_budget(0);
        let held: Vec<Held> = tasks().into_iter().map(|t| spill.hold(t)).collect();
        assert!(matches!(held[0], Held::Spilled(_)));
        *spill.file.lock().expect("lock") = None;
        let e = spill.read_back(held, 0).expect_err("the file is gone");
        let zh = said_in_chinese(&e);
        assert!(zh.contains("暂存违规记录的临时文件已不存在"), "{zh}");
        assert!(english_in(&zh).is_empty(), "{zh}");
        // English is as it was.
        let en = crate::t!(crate::i18n::Lang::En, "stop-spill-unread", error = &e);
        assert!(en.contains("(the violations' file is gone)"), "{en}");
    }

    #[test]
    fn a_run_that_names_no_clause_is_said_in_chinese() {
        let spill = Spill::with_budget(0);
        let mut held: Vec<Held> = tasks().into_iter().map(|t| spill.hold(t)).collect();
        if let Held::Spilled(run) = &mut held[0] {
            run.clauses.clear();
        }
        let e = spill.read_back(held, 0).expect_err("a run is cut");
        let zh = said_in_chinese(&e);
        assert!(zh.contains("临时文件中的一段违规记录不完整"), "{zh}");
        assert!(english_in(&zh).is_empty(), "{zh}");
    }

    /// A file cut short fails inside the reader, with the system's words:
    /// its kind is said in Chinese, its own text kept in parentheses.
    #[test]
    fn a_cut_file_is_said_in_chinese_with_the_systems_text() {
        let spill = Spill::with_budget(0);
        let held: Vec<Held> = tasks().into_iter().map(|t| spill.hold(t)).collect();
        if let Ok(mut slot) = spill.file.lock() {
            if let Some(Ok(w)) = slot.as_mut() {
                w.file.set_len(w.len / 2).expect("cut the file");
            }
        }
        let e = spill.read_back(held, 0).expect_err("cut");
        let zh = said_in_chinese(&e);
        assert!(
            zh.contains(&format!("内容不完整：数据在中途结束（{e}）")),
            "{zh}"
        );
    }
}
