//! The write-ahead log beside a SQLite file (`archive.db-wal`), verified
//! before SQLite reads it. SQLite reads a log's frames up to the first one
//! whose salts or checksum do not verify and ignores the rest without a
//! word, and ignores the whole log when its header does not verify: a copy
//! of the log cut short, or a byte of it changed, read as the database
//! without the changes it held, and the check said COMPLIANT (hostile
//! review, 2026-12-06). **Decision** (docs/databases.md, "A write-ahead log
//! that does not verify"): custodia walks the log once, as SQLite's
//! recovery does, and refuses one that does not verify.
//!
//! The format (<https://sqlite.org/fileformat2.html#walformat>): a 32-byte
//! header (magic 0x377f0682 or 0x377f0683, whose last bit says the byte
//! order of the checksums' words; version 3007000; page size; checkpoint
//! sequence; two salts; the header's checksum), then frames of a 24-byte
//! header (page number; the database's size in pages after a commit, 0 in
//! a frame that does not end a transaction; the two salts; the cumulative
//! checksum) and one page. A frame is valid when its salts are the
//! header's and its checksum, continued from the previous frame's, matches;
//! only frames up to the last valid commit frame are read.
//!
//! Frames after the valid ones that carry *other* salts are a normal sight:
//! when a checkpoint has copied every frame into the database, the next
//! writer starts the log over from its beginning with new salts and leaves
//! the older, longer tail in place. Those are not an error. Frames after
//! them that carry the header's salts are: they belong to this log and
//! SQLite would not read them.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};
use std::time::SystemTime;

use crate::msg;

const HEADER: usize = 32;
const FRAME_HEADER: usize = 24;
const MAGIC_LE: u32 = 0x377f_0682;
const MAGIC_BE: u32 = 0x377f_0683;
const VERSION: u32 = 3_007_000;

/// What is wrong with a write-ahead log.
#[derive(Debug, PartialEq, Eq)]
pub enum WalProblem {
    /// Fewer bytes than a header.
    Short { bytes: u64 },
    /// The header does not verify: what was found.
    Header(HeaderFault),
    /// `bytes` bytes from the end of frame `after` on belong to the log
    /// (its salts) but do not verify.
    Torn { after: u64, bytes: u64 },
    /// Frames `from..=to` are valid but no commit frame ends them.
    Uncommitted { from: u64, to: u64 },
}

#[derive(Debug, PartialEq, Eq)]
pub enum HeaderFault {
    Magic(u32),
    Version(u32),
    PageSize(u32),
    Checksum,
}

/// The log beside `db`, when there is one.
pub fn wal_of(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push("-wal");
    name.into()
}

/// Verifies the log beside `db`, once per run for a log of one size and
/// time of change (each entry opens the database; the walk is not
/// repeated). `Ok` when there is no log, or it verifies; else the input
/// error's words.
pub fn verify_beside(db: &Path) -> Result<(), String> {
    let wal = wal_of(db);
    let Ok(meta) = std::fs::metadata(&wal) else {
        return Ok(());
    };
    if !meta.is_file() || meta.len() == 0 {
        return Ok(());
    }
    let stamp = (meta.len(), meta.modified().ok());
    static SEEN: OnceLock<Mutex<Verdicts>> = OnceLock::new();
    let seen = SEEN.get_or_init(Mutex::default);
    if let Ok(seen) = seen.lock() {
        if let Some((s, verdict)) = seen.get(&wal) {
            if *s == stamp {
                return verdict.clone();
            }
        }
    }
    let verdict = match std::fs::File::open(&wal) {
        Ok(file) => match verify(std::io::BufReader::with_capacity(1 << 16, file)) {
            Ok(Ok(())) => Ok(()),
            Ok(Err(problem)) => Err(words(&wal, db, &problem)),
            Err(e) => Err(msg!(
                "db-sqlite-wal-unreadable",
                wal = wal.display().to_string(),
                reason = e.to_string()
            )
            .words()),
        },
        Err(e) => Err(msg!(
            "db-sqlite-wal-unreadable",
            wal = wal.display().to_string(),
            reason = e.to_string()
        )
        .words()),
    };
    if let Ok(mut seen) = seen.lock() {
        seen.insert(wal, (stamp, verdict.clone()));
    }
    verdict
}

/// A log's size and time of change: the same log, not verified again.
type Stamp = (u64, Option<SystemTime>);

/// The verdict on each log verified in this run, with its `Stamp`.
type Verdicts = HashMap<PathBuf, (Stamp, Result<(), String>)>;

/// The input error's words for `problem` of the log `wal` of `db`.
fn words(wal: &Path, db: &Path, problem: &WalProblem) -> String {
    let wal = wal.display().to_string();
    let db = db.display().to_string();
    let fix = msg!("db-sqlite-wal-fix");
    match problem {
        WalProblem::Short { bytes } => msg!(
            "db-sqlite-wal-short",
            wal = wal,
            bytes = *bytes,
            db = db,
            fix = fix
        ),
        WalProblem::Header(fault) => {
            let found = match fault {
                HeaderFault::Magic(m) => {
                    msg!("db-sqlite-wal-magic", found = format!("0x{m:08x}"))
                }
                HeaderFault::Version(v) => msg!("db-sqlite-wal-version", found = *v),
                HeaderFault::PageSize(p) => msg!("db-sqlite-wal-page-size", found = *p),
                HeaderFault::Checksum => msg!("db-sqlite-wal-header-checksum"),
            };
            msg!(
                "db-sqlite-wal-bad-header",
                wal = wal,
                found = found,
                db = db,
                fix = fix
            )
        }
        WalProblem::Torn { after, bytes } => msg!(
            "db-sqlite-wal-torn",
            wal = wal,
            bytes = *bytes,
            after = *after,
            db = db,
            fix = fix
        ),
        WalProblem::Uncommitted { from, to } => msg!(
            "db-sqlite-wal-uncommitted",
            wal = wal,
            from = *from,
            to = *to,
            db = db,
            fix = fix
        ),
    }
    .words()
}

/// Reads as many bytes as there are, up to `buf.len()`: fewer only at the
/// end of the log.
fn fill(r: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

fn be(b: &[u8], at: usize) -> u32 {
    u32::from_be_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

/// SQLite's checksum (`walChecksumBytes`) over `data` (a multiple of 8
/// bytes), continued from `s`.
fn checksum(big_endian: bool, data: &[u8], s: (u32, u32)) -> (u32, u32) {
    let (mut s0, mut s1) = s;
    for pair in data.chunks_exact(8) {
        let word = |w: &[u8]| {
            let w = [w[0], w[1], w[2], w[3]];
            match big_endian {
                true => u32::from_be_bytes(w),
                false => u32::from_le_bytes(w),
            }
        };
        s0 = s0.wrapping_add(word(&pair[..4])).wrapping_add(s1);
        s1 = s1.wrapping_add(word(&pair[4..])).wrapping_add(s0);
    }
    (s0, s1)
}

/// Walks a whole (non-empty) log once: `Ok(Ok(()))` when it verifies,
/// `Ok(Err(problem))` when it does not, `Err` when it cannot be read.
pub fn verify(mut r: impl Read) -> std::io::Result<Result<(), WalProblem>> {
    let mut header = [0u8; HEADER];
    let got = fill(&mut r, &mut header)?;
    if got < HEADER {
        return Ok(Err(WalProblem::Short { bytes: got as u64 }));
    }
    let magic = be(&header, 0);
    if magic != MAGIC_LE && magic != MAGIC_BE {
        return Ok(Err(WalProblem::Header(HeaderFault::Magic(magic))));
    }
    let big_endian = magic == MAGIC_BE;
    let version = be(&header, 4);
    if version != VERSION {
        return Ok(Err(WalProblem::Header(HeaderFault::Version(version))));
    }
    let page = be(&header, 8);
    if !(512..=65_536).contains(&page) || !page.is_power_of_two() {
        return Ok(Err(WalProblem::Header(HeaderFault::PageSize(page))));
    }
    let mut sum = checksum(big_endian, &header[..24], (0, 0));
    if sum != (be(&header, 24), be(&header, 28)) {
        return Ok(Err(WalProblem::Header(HeaderFault::Checksum)));
    }
    let mut salts = [0u8; 8];
    salts.copy_from_slice(&header[16..24]);
    let frame_len = FRAME_HEADER + page as usize;
    let mut frame = vec![0u8; frame_len];
    // Frames that verified; the last commit frame among them.
    let mut valid = 0u64;
    let mut committed = 0u64;
    loop {
        let got = fill(&mut r, &mut frame)?;
        if got == 0 {
            break;
        }
        if got == frame_len && frame[8..16] == salts && be(&frame, 0) != 0 {
            let next = checksum(big_endian, &frame[..8], sum);
            let next = checksum(big_endian, &frame[FRAME_HEADER..], next);
            if next == (be(&frame, 16), be(&frame, 20)) {
                sum = next;
                valid += 1;
                if be(&frame, 4) != 0 {
                    committed = valid;
                }
                continue;
            }
        }
        // The first piece that does not verify: the rest of the log is an
        // older log's tail (frames of other salts) or this log's, cut or
        // damaged. Every piece from here on is looked at for the salts.
        let mut rest = got as u64;
        let mut piece = got;
        loop {
            if piece < 16 || frame[8..16] == salts {
                rest += drain(&mut r)?;
                return Ok(Err(WalProblem::Torn {
                    after: valid,
                    bytes: rest,
                }));
            }
            if piece < frame_len {
                // The end of an older tail a size limit cut
                // (`journal_size_limit`).
                break;
            }
            piece = fill(&mut r, &mut frame)?;
            if piece == 0 {
                break;
            }
            rest += piece as u64;
        }
        break;
    }
    if valid > committed {
        return Ok(Err(WalProblem::Uncommitted {
            from: committed + 1,
            to: valid,
        }));
    }
    Ok(Ok(()))
}

/// Reads the rest of the log; how many bytes it held.
fn drain(r: &mut impl Read) -> std::io::Result<u64> {
    let mut n = 0u64;
    let mut buf = [0u8; 8192];
    loop {
        let k = fill(r, &mut buf)?;
        n += k as u64;
        if k < buf.len() {
            return Ok(n);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A log of 512-byte pages: its header with `salts`, then a frame per
    /// `(commit, salts)`, each checksummed on from the last.
    fn log(big_endian: bool, salts: [u8; 8], frames: &[(bool, [u8; 8])]) -> Vec<u8> {
        let mut out = Vec::new();
        let magic = if big_endian { MAGIC_BE } else { MAGIC_LE };
        for n in [magic, VERSION, 512, 0] {
            out.extend(n.to_be_bytes());
        }
        out.extend(salts);
        let mut sum = checksum(big_endian, &out, (0, 0));
        out.extend(sum.0.to_be_bytes());
        out.extend(sum.1.to_be_bytes());
        for (i, (commit, frame_salts)) in frames.iter().enumerate() {
            let mut frame = Vec::new();
            frame.extend((i as u32 + 1).to_be_bytes());
            frame.extend(u32::from(*commit).to_be_bytes());
            frame.extend(frame_salts);
            let page = vec![i as u8; 512];
            // An older log's frames were checksummed on from its own
            // header: any other sum does.
            let from = if *frame_salts == salts { sum } else { (7, 7) };
            let next = checksum(big_endian, &frame[..8], from);
            let next = checksum(big_endian, &page, next);
            if *frame_salts == salts {
                sum = next;
            }
            frame.extend(next.0.to_be_bytes());
            frame.extend(next.1.to_be_bytes());
            frame.extend(page);
            out.extend(frame);
        }
        out
    }

    const OURS: [u8; 8] = [1, 2, 3, 4, 5, 6, 7, 8];
    const OLDER: [u8; 8] = [1, 2, 3, 3, 9, 9, 9, 9];

    fn verdict(bytes: &[u8]) -> Result<(), WalProblem> {
        verify(bytes).expect("read from memory")
    }

    #[test]
    fn a_log_of_committed_frames_verifies_in_either_byte_order() {
        for big in [false, true] {
            let frames = [(false, OURS), (true, OURS), (true, OURS)];
            assert_eq!(verdict(&log(big, OURS, &frames)), Ok(()));
        }
        assert_eq!(verdict(&log(false, OURS, &[])), Ok(()), "a header alone");
    }

    #[test]
    fn a_header_that_does_not_verify_says_what_was_found() {
        let good = log(false, OURS, &[(true, OURS)]);
        assert_eq!(verdict(&good[..20]), Err(WalProblem::Short { bytes: 20 }));
        let mut bad = good.clone();
        bad[7] ^= 1;
        assert_eq!(
            verdict(&bad),
            Err(WalProblem::Header(HeaderFault::Version(VERSION ^ 1)))
        );
        let mut bad = good.clone();
        bad[10] = 3;
        assert!(matches!(
            verdict(&bad),
            Err(WalProblem::Header(HeaderFault::PageSize(_)))
        ));
        let mut bad = good.clone();
        bad[13] ^= 1;
        assert_eq!(
            verdict(&bad),
            Err(WalProblem::Header(HeaderFault::Checksum))
        );
    }

    #[test]
    fn a_cut_or_changed_frame_of_this_log_is_torn() {
        let good = log(false, OURS, &[(true, OURS), (true, OURS)]);
        let frame = FRAME_HEADER + 512;
        // Cut inside the second frame's page, and inside its salts.
        for cut in [100, frame - 10] {
            let torn = &good[..good.len() - cut];
            assert_eq!(
                verdict(torn),
                Err(WalProblem::Torn {
                    after: 1,
                    bytes: (frame - cut) as u64
                }),
                "{cut}"
            );
        }
        let mut changed = good.clone();
        changed[HEADER + 30] ^= 1;
        assert_eq!(
            verdict(&changed),
            Err(WalProblem::Torn {
                after: 0,
                bytes: 2 * frame as u64
            })
        );
    }

    #[test]
    fn an_older_log_s_tail_is_no_error_but_this_log_s_frames_after_it_are() {
        let frames = [(true, OURS), (false, OLDER), (true, OLDER)];
        assert_eq!(verdict(&log(false, OURS, &frames)), Ok(()));
        // A size limit cut the older tail inside a frame.
        let whole = log(false, OURS, &frames);
        assert_eq!(verdict(&whole[..whole.len() - 100]), Ok(()));
        // A frame of this log after frames that do not verify.
        let frames = [(true, OURS), (false, OLDER), (true, OURS)];
        assert!(matches!(
            verdict(&log(false, OURS, &frames)),
            Err(WalProblem::Torn { after: 1, .. })
        ));
    }

    #[test]
    fn valid_frames_no_commit_closes_are_uncommitted() {
        let frames = [(true, OURS), (false, OURS), (false, OURS)];
        assert_eq!(
            verdict(&log(false, OURS, &frames)),
            Err(WalProblem::Uncommitted { from: 2, to: 3 })
        );
    }
}
