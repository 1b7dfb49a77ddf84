//! The progress line on a terminal while a large check loads and evaluates
//! (indicatif). Shown only when stderr is a terminal and the report is for
//! people: machine formats and redirected stderr never see it.

use std::path::Path;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

/// Whether a run shows progress: on a terminal, for the human format.
pub fn wanted(stderr_is_terminal: bool, human_format: bool) -> bool {
    stderr_is_terminal && human_format
}

/// A spinner with the phase, what it is working on and the elapsed time;
/// cleared before the report is printed.
pub struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    pub fn new(shown: bool) -> Self {
        let bar = shown.then(|| {
            let bar = ProgressBar::new_spinner();
            if let Ok(style) = ProgressStyle::with_template("{spinner} {msg} [{elapsed}]") {
                bar.set_style(style);
            }
            bar.enable_steady_tick(Duration::from_millis(120));
            bar
        });
        Progress { bar }
    }

    pub fn phase(&self, message: String) {
        if let Some(bar) = &self.bar {
            bar.set_message(message);
        }
    }

    /// One more input file loaded.
    pub fn file_loaded(&self, path: &Path) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
            bar.set_message(loaded_message(bar.position(), path));
        }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// The bar's line after a file is loaded. A file's name may hold terminal
/// escapes, and the bar is on a terminal: they are shown escaped.
fn loaded_message(loaded: u64, path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| crate::text::visible_controls(&n.to_string_lossy()));
    crate::t!(
        crate::i18n::message_lang(),
        "progress-loaded",
        count = loaded,
        last = name.unwrap_or_default()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_only_on_a_terminal_and_for_people() {
        assert!(wanted(true, true));
        assert!(!wanted(false, true));
        assert!(!wanted(true, false));
        assert!(!wanted(false, false));
    }

    #[test]
    fn a_hidden_progress_does_nothing() {
        let p = Progress::new(false);
        p.phase("x".into());
        p.file_loaded(Path::new("logs/access.csv"));
        p.finish();
        assert!(p.bar.is_none());
    }

    #[test]
    fn a_file_name_with_escapes_is_shown_escaped() {
        let m = super::loaded_message(2, std::path::Path::new("logs/a\u{1b}[2J.csv"));
        assert_eq!(m, "reading inputs: 2 file(s) loaded, last a\\u{1b}[2J.csv");
    }
}
