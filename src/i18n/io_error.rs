//! An operating system's error, said in the reader's language.
//!
//! `std::io::Error` writes itself in English (`No such file or directory
//! (os error 2)`), and custodia puts that text into its messages: "cannot
//! read this file: {$reason}". A Chinese reader got a Chinese frame around
//! an English reason. Every io error that reaches a message goes through
//! [`IoReason`] instead (`Arg::from(&e)`, so `msg!(..., reason = &e)` and
//! `t!(lang, ..., error = &e)` take the error itself): in Chinese it is the
//! kind of error in words, the system's own text kept after it in
//! parentheses (`文件或文件夹不存在（No such file or directory (os error
//! 2)）`), so nothing the system said is lost and a search for it still
//! finds it; in English it is the system's text, as before. An error
//! custodia makes itself ([`own`]) carries a catalogue message and is
//! written in the language with nothing in parentheses (docs/reports.md,
//! "Decision (2026-12-05): an operating system's error").

use std::io::ErrorKind;

use super::{Lang, Msg};

/// What an io error says: its kind and the text it was made with.
#[derive(Clone, Debug, PartialEq)]
pub struct IoReason {
    /// The name of the kind (`NotFound`, `StorageFull`): see [`kind_id`].
    kind: String,
    /// The error's own text, as the system or the library wrote it.
    raw: String,
    /// The message of an error custodia made itself ([`own`]).
    own: Option<Msg>,
}

/// An io error with a catalogue message for its text, for the errors
/// custodia makes itself (a spilled run cut short): `Display` is English,
/// [`IoReason`] writes it in the reader's language.
#[derive(Debug)]
struct OwnError(Msg);

impl std::fmt::Display for OwnError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for OwnError {}

/// An io error of `kind` whose text is the catalogue message `msg`.
pub fn own(kind: ErrorKind, msg: Msg) -> std::io::Error {
    std::io::Error::new(kind, OwnError(msg))
}

impl IoReason {
    pub fn of(e: &std::io::Error) -> IoReason {
        let own = e
            .get_ref()
            .and_then(|inner| inner.downcast_ref::<OwnError>())
            .map(|o| o.0.clone());
        IoReason {
            kind: format!("{:?}", e.kind()),
            raw: e.to_string(),
            own,
        }
    }

    /// Only the kind is known (a library that keeps the kind and drops the
    /// error): its English name is the text in parentheses.
    pub fn of_kind(kind: ErrorKind) -> IoReason {
        IoReason {
            kind: format!("{kind:?}"),
            raw: kind.to_string(),
            own: None,
        }
    }

    /// The reason in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        if let Some(own) = &self.own {
            return own.text(lang);
        }
        match lang {
            Lang::En => self.raw.clone(),
            Lang::Zh => super::catalogue::text(
                lang,
                "io-error",
                &[
                    (
                        "kind",
                        super::Arg::Text(super::catalogue::text(lang, kind_id(&self.kind), &[])),
                    ),
                    ("raw", super::Arg::Text(self.raw.clone())),
                ],
            ),
        }
    }
}

/// The catalogue id of an io error kind, by the kind's name. By name, not
/// by variant: the kinds a disk or a file system reports (`StorageFull`,
/// `IsADirectory`, `ReadOnlyFilesystem` …) became nameable in Rust 1.83,
/// after custodia's minimum version, but std has reported them since
/// before it, so a full disk is `StorageFull` on every supported version.
pub fn kind_id(kind: &str) -> &'static str {
    KINDS
        .iter()
        .find(|(name, _)| *name == kind)
        .map_or("io-kind-other", |(_, id)| id)
}

/// Every kind said in words, with its message; the rest are `io-kind-other`.
pub const KINDS: &[(&str, &str)] = &[
    ("NotFound", "io-kind-not-found"),
    ("PermissionDenied", "io-kind-permission-denied"),
    ("AlreadyExists", "io-kind-already-exists"),
    ("IsADirectory", "io-kind-is-a-directory"),
    ("NotADirectory", "io-kind-not-a-directory"),
    ("DirectoryNotEmpty", "io-kind-directory-not-empty"),
    ("StorageFull", "io-kind-storage-full"),
    ("QuotaExceeded", "io-kind-quota-exceeded"),
    ("FileTooLarge", "io-kind-file-too-large"),
    ("ReadOnlyFilesystem", "io-kind-read-only-filesystem"),
    ("InvalidData", "io-kind-invalid-data"),
    ("UnexpectedEof", "io-kind-unexpected-eof"),
    ("InvalidInput", "io-kind-invalid-input"),
    ("InvalidFilename", "io-kind-invalid-filename"),
    ("FilesystemLoop", "io-kind-filesystem-loop"),
    (
        "StaleNetworkFileHandle",
        "io-kind-stale-network-file-handle",
    ),
    ("ResourceBusy", "io-kind-resource-busy"),
    ("ExecutableFileBusy", "io-kind-executable-file-busy"),
    ("CrossesDevices", "io-kind-crosses-devices"),
    ("TooManyLinks", "io-kind-too-many-links"),
    ("NotSeekable", "io-kind-not-seekable"),
    ("WriteZero", "io-kind-write-zero"),
    ("BrokenPipe", "io-kind-broken-pipe"),
    ("Interrupted", "io-kind-interrupted"),
    ("TimedOut", "io-kind-timed-out"),
    ("WouldBlock", "io-kind-would-block"),
    ("OutOfMemory", "io-kind-out-of-memory"),
    ("Unsupported", "io-kind-unsupported"),
    ("ConnectionRefused", "io-kind-connection-refused"),
    ("ConnectionReset", "io-kind-connection-reset"),
    ("ConnectionAborted", "io-kind-connection-aborted"),
    ("NotConnected", "io-kind-not-connected"),
    ("HostUnreachable", "io-kind-host-unreachable"),
    ("NetworkUnreachable", "io-kind-network-unreachable"),
    ("NetworkDown", "io-kind-network-down"),
    ("AddrInUse", "io-kind-addr-in-use"),
    ("AddrNotAvailable", "io-kind-addr-not-available"),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn zh(e: &std::io::Error) -> String {
        IoReason::of(e).text(Lang::Zh)
    }

    #[test]
    fn a_system_error_is_said_in_chinese_with_its_own_text_kept() {
        let e = std::io::Error::from_raw_os_error(2);
        let raw = e.to_string();
        assert_eq!(zh(&e), format!("文件或文件夹不存在（{raw}）"));
        // English is the system's text, unchanged.
        assert_eq!(IoReason::of(&e).text(Lang::En), raw);
    }

    #[test]
    fn the_common_kinds_have_chinese_words() {
        #[cfg(unix)]
        for (code, words) in [
            (13, "没有访问权限"),
            (17, "同名的文件或文件夹已存在"),
            (21, "这是文件夹，不是文件"),
            (28, "磁盘空间已满"),
            (30, "文件系统为只读"),
        ] {
            let e = std::io::Error::from_raw_os_error(code);
            assert!(zh(&e).starts_with(words), "{code}: {}", zh(&e));
            assert!(zh(&e).contains(&format!("（{e}）")), "{code}: {}", zh(&e));
        }
        for (kind, words) in [
            (ErrorKind::InvalidData, "数据无效或已损坏"),
            (ErrorKind::UnexpectedEof, "内容不完整：数据在中途结束"),
        ] {
            let e = std::io::Error::new(kind, "boom");
            assert_eq!(zh(&e), format!("{words}（boom）"));
        }
    }

    #[test]
    fn an_unknown_kind_keeps_its_text() {
        let e = std::io::Error::other("something odd");
        assert_eq!(zh(&e), "读写出错（something odd）");
    }

    #[test]
    fn custodias_own_error_is_written_in_the_language() {
        let e = own(ErrorKind::InvalidData, crate::msg!("spill-run-cut"));
        let zh = zh(&e);
        assert!(!zh.contains('（'), "{zh}");
        assert!(!zh.is_ascii(), "{zh}");
        assert_eq!(IoReason::of(&e).text(Lang::En), e.to_string());
    }

    #[test]
    fn every_kind_has_words_in_both_languages() {
        let mut ids: Vec<&str> = KINDS.iter().map(|(_, id)| *id).collect();
        ids.push("io-kind-other");
        ids.push("io-error");
        for id in ids {
            for lang in Lang::ALL {
                assert!(super::super::catalogue::has(lang, id), "{id} {lang:?}");
            }
        }
    }

    #[test]
    fn a_kind_alone_is_said_in_words() {
        let r = IoReason::of_kind(ErrorKind::PermissionDenied);
        assert_eq!(r.text(Lang::Zh), "没有访问权限（permission denied）");
        assert_eq!(r.text(Lang::En), "permission denied");
    }
}
