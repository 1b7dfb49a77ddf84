//! Where a renderer writes: a report of a million findings is written piece
//! by piece to its file or to standard output, never held whole as one
//! `String` (security.md, "Bounded resources").

use std::fmt;
use std::io;

/// A `fmt::Write` over an `io::Write`, so that a renderer keeps its
/// `write!`/`push_str` code. The first I/O error is kept (later writes do
/// nothing) and returned by [`Out::finish`]: a renderer ignores the
/// `fmt::Result` of each piece, the caller never ignores the error.
pub struct Out<'a> {
    w: &'a mut dyn io::Write,
    error: Option<io::Error>,
}

impl<'a> Out<'a> {
    pub fn new(w: &'a mut dyn io::Write) -> Self {
        Out { w, error: None }
    }

    pub fn push_str(&mut self, s: &str) {
        let _ = fmt::Write::write_str(self, s);
    }

    pub fn push(&mut self, c: char) {
        let _ = fmt::Write::write_char(self, c);
    }

    /// The first error any write met.
    pub fn finish(self) -> io::Result<()> {
        match self.error {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}

impl fmt::Write for Out<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        if self.error.is_some() {
            return Err(fmt::Error);
        }
        match self.w.write_all(s.as_bytes()) {
            Ok(()) => Ok(()),
            Err(e) => {
                self.error = Some(e);
                Err(fmt::Error)
            }
        }
    }
}

/// What a streaming renderer writes, as one `String` (tests, the library
/// API, small documents such as the CI step summary).
pub fn to_string(write: impl FnOnce(&mut dyn io::Write) -> io::Result<()>) -> String {
    let mut bytes = Vec::with_capacity(1 << 16);
    // Writing to a Vec cannot fail; renderers write only `str`s, so the
    // bytes are UTF-8 (lossy is a fallback that is never taken).
    let _ = write(&mut bytes);
    match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    }
}
