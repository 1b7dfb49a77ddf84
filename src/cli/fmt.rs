//! `custodia fmt [PATHS] [--check]`: rewrites policy files in the canonical
//! layout, or with `--check` prints a diff of each file that is not in it
//! and exits 1. A file that does not parse is left alone (exit 2).

use std::fmt::Write;
use std::path::{Path, PathBuf};

use crate::cli::app::Outcome;
use crate::i18n::Lang;
use crate::syntax::span::SourceMap;
use crate::t;

/// `lang`: policy files have no manifest, so `--lang`, else the locale.
pub fn run_fmt(paths: &[PathBuf], check: bool, color: bool, lang: Lang) -> Outcome {
    let found = crate::policy_files::all(paths, Path::new("."));
    let files = found.files;
    let mut problems = found.problems.concat();
    let mut output = String::new();
    let mut changed = 0;
    // A path that names no policy file is not "formatted": `--check` in CI
    // must not pass on a mistyped path.
    let mut broken = !problems.is_empty();
    for path in &files {
        let shown = path.display().to_string();
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                let _ = writeln!(
                    problems,
                    "{}",
                    t!(lang, "fmt-cannot-read", file = &shown, reason = &e)
                );
                broken = true;
                continue;
            }
        };
        let formatted = match crate::fmt::format_source(&text) {
            Ok(f) => f,
            Err(errors) => {
                let mut sources = SourceMap::default();
                sources.add(shown.clone(), text.as_str());
                let errors: Vec<_> = errors
                    .into_iter()
                    .map(crate::check::CheckError::Syntax)
                    .collect();
                problems.push_str(&crate::cli::app::policy_error_text_in(
                    &sources, &errors, color, lang,
                ));
                broken = true;
                continue;
            }
        };
        if formatted == text {
            continue;
        }
        changed += 1;
        if check {
            output.push_str(&diff(&shown, &text, &formatted));
        } else if let Err(e) = std::fs::write(path, &formatted) {
            let _ = writeln!(
                problems,
                "{}",
                t!(lang, "fmt-cannot-write", file = &shown, reason = &e)
            );
            broken = true;
        } else {
            let _ = writeln!(output, "{}", t!(lang, "fmt-formatted", file = &shown));
        }
    }
    let summary = match check {
        true => t!(
            lang,
            "fmt-would-reformat",
            changed = changed,
            total = files.len()
        ),
        false => t!(
            lang,
            "fmt-reformatted",
            changed = changed,
            total = files.len()
        ),
    };
    // A path that named no policy file has its error: "0 of 0" beside it
    // read as a clean result (hostile review, 2026-12-05).
    if !(files.is_empty() && broken) {
        let _ = writeln!(output, "{summary}");
    }
    let exit = if broken {
        2
    } else {
        u8::from(check && changed > 0)
    };
    Outcome {
        output,
        errors: problems,
        exit,
        files: Vec::new(),
    }
}

/// A unified diff from the file as it is to the file as `fmt` would write it.
pub fn diff(path: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(2)
        .header(path, &format!("{path} (formatted)"))
        .to_string()
}
