//! Every kind of usage error custodia's command line can produce, said in
//! the run's language (docs/reports.md, "Languages", clap): one test per
//! clap `ErrorKind`, each a snapshot of standard error in English (clap's
//! own words) and in Chinese (custodia's, from the catalogue). The kinds
//! this command line cannot produce (`TooFewValues`,
//! `WrongNumberOfValues`, `NoEquals`: no argument takes a fixed number of
//! values or requires `=`) are tested on a small command in
//! `src/cli/usage.rs`.

use std::ffi::OsString;
use std::process::Command;

/// Runs custodia with `args` in the locale `lang` (LANG, no LC_*): exit
/// status, standard output, standard error.
fn run(args: &[OsString], lang: &str) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_custodia"))
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang)
        .env("NO_COLOR", "1")
        .output()
        .expect("custodia runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn words(args: &[&str]) -> Vec<OsString> {
    args.iter().map(OsString::from).collect()
}

/// The same arguments in English and in Chinese: both exit 2 with nothing
/// on standard output; the Chinese has none of clap's English words left.
/// Returns both texts for the snapshot.
fn both(args: &[OsString]) -> String {
    let shown: Vec<String> = args
        .iter()
        .map(|a| match a.is_empty() {
            true => "''".to_string(),
            false => a.to_string_lossy().into_owned(),
        })
        .collect();
    let mut text = format!("$ custodia {}\n", shown.join(" "));
    for (name, locale) in [("en", "en_US.UTF-8"), ("zh", "zh_CN.UTF-8")] {
        let (code, out, err) = run(args, locale);
        assert_eq!(code, 2, "{name} {shown:?}: {err}");
        assert!(out.is_empty(), "{name} {shown:?}: {out}");
        if name == "zh" {
            for english in [
                "error:",
                "Usage:",
                "tip:",
                "For more information",
                "found",
                "provided",
            ] {
                assert!(!err.contains(english), "{english} in\n{err}");
            }
            assert!(err.starts_with("错误："), "{err}");
        }
        text.push_str(&format!("--- {name} ---\n{err}"));
    }
    text
}

#[test]
fn invalid_value() {
    let text = both(&words(&["check", "--format", "xml"]));
    insta::assert_snapshot!(text);
}

#[test]
fn invalid_value_left_empty() {
    let text = both(&words(&["check", "--inventory", ""]));
    insta::assert_snapshot!(text);
}

#[test]
fn unknown_argument_with_a_suggestion() {
    let text = both(&words(&["check", "--formt", "json"]));
    insta::assert_snapshot!(text);
}

/// clap's tip on how to pass a value that starts with `-`.
#[test]
fn unknown_argument_that_looks_like_a_value() {
    let text = both(&words(&["check", "-x"]));
    insta::assert_snapshot!(text);
}

/// clap's tip that the option belongs to a command written after it.
#[test]
fn unknown_argument_of_a_command_written_before_it() {
    let text = both(&words(&["--format", "json", "check"]));
    insta::assert_snapshot!(text);
}

/// clap's tip that `--` stands before a command's name.
#[test]
fn unknown_argument_after_double_dash() {
    let text = both(&words(&["--", "check"]));
    insta::assert_snapshot!(text);
}

#[test]
fn invalid_subcommand() {
    let text = both(&words(&["chek"]));
    insta::assert_snapshot!(text);
}

#[test]
fn invalid_subcommand_of_help() {
    let text = both(&words(&["help", "chek"]));
    insta::assert_snapshot!(text);
}

/// A value its parser refuses: the reason is custodia's in both languages
/// (`--max-per-rule` has its own parser for that).
#[test]
fn value_validation() {
    let text = both(&words(&["check", "--max-per-rule", "abc"]));
    insta::assert_snapshot!(text);
}

/// A value given to a flag that takes none.
#[test]
fn too_many_values() {
    let text = both(&words(&["check", "--strict=yes"]));
    insta::assert_snapshot!(text);
}

#[test]
fn argument_conflict() {
    let text = both(&words(&["check", "--parse-only", "--format", "json"]));
    insta::assert_snapshot!(text);
}

#[test]
fn argument_repeated() {
    let text = both(&words(&["check", "--format", "json", "--format", "html"]));
    insta::assert_snapshot!(text);
}

#[test]
fn missing_required_argument() {
    let text = both(&words(&["compile"]));
    insta::assert_snapshot!(text);
}

/// Arguments but no command (`custodia` alone shows the help instead).
#[test]
fn missing_subcommand() {
    let text = both(&words(&["--color", "never"]));
    insta::assert_snapshot!(text);
}

#[cfg(unix)]
#[test]
fn invalid_utf8() {
    use std::os::unix::ffi::OsStringExt;
    let mut args = words(&["check", "--as-of"]);
    args.push(OsString::from_vec(vec![0xE9]));
    let text = both(&args);
    // The byte is not shown: clap names neither the argument nor the byte.
    insta::assert_snapshot!(text.replace('\u{FFFD}', "\\xE9"));
}

/// `custodia` alone: the help, on standard error, exit 2, in the language
/// of the locale (DisplayHelpOnMissingArgumentOrSubcommand).
#[test]
fn no_arguments_show_the_help() {
    for (locale, heading) in [("en_US.UTF-8", "Usage:"), ("zh_CN.UTF-8", "用法：")] {
        let (code, out, err) = run(&[], locale);
        assert_eq!(code, 2, "{err}");
        assert!(out.is_empty(), "{out}");
        let (help_code, help, _) = run(&words(&["--help"]), locale);
        assert_eq!(help_code, 0);
        assert_eq!(err, help);
        assert!(err.contains(heading), "{err}");
    }
}

/// `--help` (DisplayHelp) on standard output, exit 0, in the locale's
/// language; the full texts are snapshots of tests/messages_cli.rs.
#[test]
fn display_help() {
    let (code, out, err) = run(&words(&["check", "--help"]), "zh_CN.UTF-8");
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("用法：custodia check [OPTIONS] [CASE]"),
        "{out}"
    );
    assert!(!out.contains("Usage:"), "{out}");
    let (code, out, _) = run(&words(&["check", "--help"]), "en_US.UTF-8");
    assert_eq!(code, 0);
    assert!(
        out.contains("Usage: custodia check [OPTIONS] [CASE]"),
        "{out}"
    );
}

/// `--version` (DisplayVersion) has no words to translate: the same in
/// both languages.
#[test]
fn display_version() {
    let expected = format!("custodia {}\n", env!("CARGO_PKG_VERSION"));
    for locale in ["en_US.UTF-8", "zh_CN.UTF-8"] {
        let (code, out, err) = run(&words(&["--version"]), locale);
        assert_eq!(code, 0, "{err}");
        assert_eq!(out, expected);
    }
}
