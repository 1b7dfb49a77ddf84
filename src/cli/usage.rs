//! The command line in the run's language: `--help` and the usage errors
//! a user meets (docs/reports.md, "Languages", clap).
//!
//! clap writes its own words in English (`Usage:`, `Options:`, `error:
//! unexpected argument`, `[default: .]`), with no setting to change them.
//! In English custodia leaves clap as it is. In Chinese it gives clap the
//! catalogue's help for every command and argument ([`localize`]: `cli-*`
//! ids, named after the command and the argument), its own headings and
//! template, and writes the common usage errors itself from what clap
//! found ([`error_text`]: the kind of error and its context), since the
//! language must be known before the arguments are parsed: `--lang` as
//! written on the command line ([`lang_of_args`]), else the locale.
//! `lang:` in custodia.yaml is not read for these: no case is known yet.

use std::ffi::OsString;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, Command};

use crate::i18n::catalogue::{has, text};
use crate::i18n::Lang;
use crate::t;

/// The language of the command line's own words: `--lang zh|en` (or
/// `--lang=zh`) before a `--`, else the locale. A `--lang` custodia does
/// not write is left to the parser to refuse, in the locale's language.
pub fn lang_of_args(args: &[OsString]) -> Lang {
    let mut words = args.iter().skip(1).map(|a| a.to_string_lossy());
    let mut flag = None;
    while let Some(w) = words.next() {
        if w == "--" {
            break;
        }
        let value = match w.strip_prefix("--lang") {
            Some("") => words.next().map(|v| v.into_owned()),
            Some(rest) => rest.strip_prefix('=').map(str::to_string),
            None => None,
        };
        if let Some(v) = value {
            flag = Lang::parse(&v)
                .filter(|_| !matches!(v.to_ascii_lowercase().as_str(), "c" | "posix"));
        }
    }
    Lang::choose(flag, None)
}

/// The catalogue id of a command's about text: `cli-about` for custodia
/// itself, `cli-about-check` for `custodia check`.
pub fn about_id(path: &[&str]) -> String {
    match path {
        [] => "cli-about".to_string(),
        _ => format!("cli-about-{}", path.join("-")),
    }
}

/// The catalogue id of an argument's help: `cli-arg-check-max-per-rule`;
/// a global argument (`--color`, `--lang`) is `cli-arg-color`.
pub fn arg_id(path: &[&str], arg: &str) -> String {
    let arg = arg.replace('_', "-");
    match path {
        [] => format!("cli-arg-{arg}"),
        _ => format!("cli-arg-{}-{arg}", path.join("-")),
    }
}

/// `cmd` with its help in `lang`; in English, `cmd` as it is.
pub fn localize(cmd: Command, lang: Lang) -> Command {
    if lang == Lang::En {
        return cmd;
    }
    let headings = Headings::of(lang);
    let mut cmd = localize_command(cmd, lang, &headings, &[]);
    // The `help` flag and subcommand exist once clap has built the command.
    cmd.build();
    helps_in(cmd, lang, &headings)
}

/// The headings of `--help` in one language. clap takes a heading as a
/// `&'static str` (without its `string` feature): the three are leaked
/// once, when the command line is parsed.
struct Headings {
    commands: &'static str,
    arguments: &'static str,
    options: &'static str,
}

impl Headings {
    fn of(lang: Lang) -> Headings {
        let leak = |id: &str| -> &'static str { Box::leak(text(lang, id, &[]).into_boxed_str()) };
        Headings {
            commands: leak("cli-heading-commands"),
            arguments: leak("cli-heading-arguments"),
            options: leak("cli-heading-options"),
        }
    }
}

fn localize_command(mut cmd: Command, lang: Lang, headings: &Headings, path: &[&str]) -> Command {
    let id = about_id(path);
    if has(lang, &id) {
        cmd = cmd.about(text(lang, &id, &[])).long_about(None);
    }
    cmd = cmd
        .help_template(template(lang))
        .subcommand_help_heading(headings.commands);
    let args: Vec<(String, bool)> = cmd
        .get_arguments()
        .filter(|a| !a.is_global_set() || path.is_empty())
        .map(|a| (a.get_id().to_string(), a.is_positional()))
        .collect();
    for (name, positional) in args {
        let id = arg_id(path, &name);
        let heading = match positional {
            true => headings.arguments,
            false => headings.options,
        };
        cmd = cmd.mut_arg(&name, |a| localize_arg(a, lang, &id, heading));
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        let mut sub_path = path.to_vec();
        sub_path.push(&name);
        cmd = cmd.mut_subcommand(&name, |s| localize_command(s, lang, headings, &sub_path));
    }
    cmd
}

/// clap's default template with the usage heading in `lang`.
fn template(lang: Lang) -> String {
    let usage = t!(lang, "cli-usage-heading");
    format!("{{before-help}}{{about-with-newline}}\n{usage}{{usage}}\n\n{{all-args}}{{after-help}}")
}

/// `--help` (or `--version`) in `lang`: clap's text with the colons after
/// the headings made Chinese; `None` in English or for another error.
pub fn help_text(err: &clap::Error, lang: Lang, ansi: bool) -> Option<String> {
    let shown = matches!(
        err.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            | ErrorKind::DisplayVersion
    );
    if lang == Lang::En || !shown {
        return None;
    }
    let rendered = err.render();
    let mut out = match ansi {
        true => rendered.ansi().to_string(),
        false => rendered.to_string(),
    };
    for id in [
        "cli-heading-commands",
        "cli-heading-arguments",
        "cli-heading-options",
    ] {
        let heading = text(lang, id, &[]);
        out = out.replace(
            &format!("{heading}:"),
            &t!(lang, "cli-heading", heading = heading),
        );
    }
    Some(out)
}

/// An argument's help from the catalogue, its default and possible values
/// said in `lang` (clap's `[default: …]` and `[possible values: …]` are
/// hidden), under the heading for arguments or options.
fn localize_arg(arg: Arg, lang: Lang, id: &str, heading: &'static str) -> Arg {
    let mut help = match has(lang, id) {
        true => text(lang, id, &[]),
        false => arg.get_help().map(ToString::to_string).unwrap_or_default(),
    };
    if arg.get_action().takes_values() {
        help.push_str(&values_and_default(&arg, lang));
    }
    let arg = arg.help(help).long_help(None).help_heading(heading);
    match arg.get_action().takes_values() {
        true => arg.hide_possible_values(true).hide_default_value(true),
        false => arg,
    }
}

/// `（可选值：a、b；默认：a）`: what clap writes as `[possible values: a,
/// b] [default: a]`; empty when there is neither.
fn values_and_default(arg: &Arg, lang: Lang) -> String {
    let mut parts = vec![];
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    if !values.is_empty() {
        let list = values.join(&t!(lang, "list-comma"));
        parts.push(t!(lang, "cli-possible-values", values = list));
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() {
        parts.push(t!(lang, "cli-default", value = defaults.join(" ")));
    }
    match parts.is_empty() {
        true => String::new(),
        false => t!(
            lang,
            "cli-spec",
            spec = parts.join(&t!(lang, "cli-spec-sep"))
        ),
    }
}

/// The `help` flag, `version` flag and `help` subcommand clap adds, in
/// `lang`, in `cmd` and every subcommand.
fn helps_in(mut cmd: Command, lang: Lang, headings: &Headings) -> Command {
    let names: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for (name, id) in [("help", "cli-flag-help"), ("version", "cli-flag-version")] {
        if names.iter().any(|n| n == name) {
            let words = text(lang, id, &[]);
            cmd = cmd.mut_arg(name, |a| a.help(words).help_heading(headings.options));
        }
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        cmd = cmd.mut_subcommand(&name, |s| {
            let s = match s.get_name() {
                "help" => s.about(t!(lang, "cli-about-help")),
                _ => s,
            };
            helps_in(s, lang, headings)
        });
    }
    cmd
}

/// A usage error in `lang`, as custodia writes it; `None` where clap's
/// own text is shown (English; `--help` and `--version`, which
/// [`help_text`] says; Io and Format, which parsing never returns).
/// Every kind clap's parser returns is said (docs/reports.md, "Languages").
pub fn error_text(err: &clap::Error, lang: Lang, command: Option<&str>) -> Option<String> {
    if lang == Lang::En {
        return None;
    }
    let arg = context_text(err, ContextKind::InvalidArg);
    let value = context_text(err, ContextKind::InvalidValue);
    let head = match err.kind() {
        ErrorKind::UnknownArgument => t!(lang, "cli-error-unknown-argument", arg = arg?),
        ErrorKind::InvalidSubcommand => {
            let name = context_text(err, ContextKind::InvalidSubcommand)?;
            t!(lang, "cli-error-unknown-command", name = name)
        }
        ErrorKind::InvalidValue if value.as_deref() == Some("") => {
            t!(lang, "cli-error-missing-value", arg = arg?)
        }
        ErrorKind::InvalidValue => {
            let valid = context_list(err, ContextKind::ValidValue);
            let shown = valid.join(&t!(lang, "list-comma"));
            let (arg, value) = (arg?, value?);
            match valid.is_empty() {
                true => t!(lang, "cli-error-bad-value", arg = arg, value = value),
                false => t!(
                    lang,
                    "cli-error-bad-value-one-of",
                    arg = arg,
                    value = value,
                    values = shown
                ),
            }
        }
        ErrorKind::ValueValidation => {
            // The reason is custodia's own (a value parser of main.rs),
            // already in `lang`.
            let reason = std::error::Error::source(err).map(ToString::to_string)?;
            t!(
                lang,
                "cli-error-bad-value-because",
                arg = arg?,
                value = value?,
                reason = reason
            )
        }
        ErrorKind::MissingRequiredArgument => {
            let missing = context_list(err, ContextKind::InvalidArg);
            let list = missing.join(&t!(lang, "list-comma"));
            t!(lang, "cli-error-missing-argument", args = list)
        }
        ErrorKind::MissingSubcommand => {
            let name = context_text(err, ContextKind::InvalidSubcommand)?;
            let valid = context_list(err, ContextKind::ValidSubcommand);
            let list = valid.join(&t!(lang, "list-comma"));
            t!(
                lang,
                "cli-error-missing-command",
                name = name,
                commands = list
            )
        }
        // Shown by `help_text`, as `--help` is.
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => return None,
        // clap names neither the argument nor the bytes; the usage line
        // below names the command.
        ErrorKind::InvalidUtf8 => t!(lang, "cli-error-invalid-utf8"),
        ErrorKind::ArgumentConflict => {
            let prior = context_text(err, ContextKind::PriorArg);
            match prior {
                Some(prior) if Some(&prior) != arg.as_ref() => {
                    t!(lang, "cli-error-conflict", arg = arg?, other = prior)
                }
                _ => t!(lang, "cli-error-repeated", arg = arg?),
            }
        }
        ErrorKind::NoEquals => t!(lang, "cli-error-no-equals", arg = arg?),
        ErrorKind::TooManyValues => {
            t!(
                lang,
                "cli-error-too-many-values",
                arg = arg?,
                value = value?
            )
        }
        ErrorKind::TooFewValues => t!(
            lang,
            "cli-error-too-few-values",
            arg = arg?,
            min = context_number(err, ContextKind::MinValues)?,
            actual = context_number(err, ContextKind::ActualNumValues)?
        ),
        ErrorKind::WrongNumberOfValues => t!(
            lang,
            "cli-error-wrong-number-of-values",
            arg = arg?,
            expected = context_number(err, ContextKind::ExpectedNumValues)?,
            actual = context_number(err, ContextKind::ActualNumValues)?
        ),
        // `--help`, `--version` (help_text) and the errors of a program
        // using clap, not of parsing (Io, Format).
        _ => return None,
    };
    let mut out = format!("{}\n", t!(lang, "cli-error", message = head));
    let tips = suggestion(err, lang)
        .into_iter()
        .chain(super::clap_tips::tips(err, lang));
    for tip in tips {
        out.push_str(&format!("\n  {tip}\n"));
    }
    if let Some(usage) = usage_line(err) {
        out.push_str(&format!("\n{}\n", t!(lang, "cli-usage", usage = usage)));
    }
    let help = match command {
        Some(name) => format!("custodia {name} --help"),
        None => "custodia --help".to_string(),
    };
    out.push_str(&format!("\n{}\n", t!(lang, "cli-more", command = help)));
    Some(out)
}

/// clap's "a similar argument/subcommand/value exists", as a question.
fn suggestion(err: &clap::Error, lang: Lang) -> Option<String> {
    for kind in [
        ContextKind::SuggestedArg,
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedValue,
    ] {
        let items = context_list(err, kind);
        if !items.is_empty() {
            let names = match items.split_last() {
                Some((last, init)) if !init.is_empty() => {
                    let init = init.join(&t!(lang, "list-comma"));
                    format!("{init}{}{last}", t!(lang, "cli-or"))
                }
                _ => items.join(""),
            };
            return Some(t!(lang, "cli-did-you-mean", names = names));
        }
    }
    None
}

/// The usage line clap found for the command (`custodia check [OPTIONS]
/// [CASE]`), without clap's `Usage:`.
fn usage_line(err: &clap::Error) -> Option<String> {
    match err.get(ContextKind::Usage)? {
        ContextValue::StyledStr(s) => {
            let plain = s.to_string();
            let line = plain.trim();
            let line = line.strip_prefix("Usage:").unwrap_or(line).trim();
            Some(line.to_string())
        }
        _ => None,
    }
}

/// The command the arguments name (`check` in `custodia --lang zh check
/// x`): the first word that is one of `cmd`'s subcommands.
pub fn command_of<'a>(args: &[std::ffi::OsString], cmd: &'a Command) -> Option<&'a str> {
    let words: Vec<String> = args
        .iter()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    cmd.get_subcommands()
        .map(Command::get_name)
        .find(|name| words.iter().any(|w| w == name))
}

fn context_text(err: &clap::Error, kind: ContextKind) -> Option<String> {
    match err.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => v.first().cloned(),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        _ => None,
    }
}

fn context_number(err: &clap::Error, kind: ContextKind) -> Option<String> {
    match err.get(kind)? {
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn context_list(err: &clap::Error, kind: ContextKind) -> Vec<String> {
    match err.get(kind) {
        Some(ContextValue::String(s)) => vec![format!("`{s}`")],
        Some(ContextValue::Strings(v)) => v.iter().map(|s| format!("`{s}`")).collect(),
        _ => vec![],
    }
}

/// For tests: every catalogue id [`localize`] looks up for `cmd`, with the
/// English help clap has for it (from the doc comments).
pub fn help_ids(cmd: &Command) -> Vec<(String, String)> {
    let mut out = vec![];
    collect_ids(cmd, &[], &mut out);
    out
}

fn collect_ids(cmd: &Command, path: &[&str], out: &mut Vec<(String, String)>) {
    let about = cmd.get_about().map(ToString::to_string).unwrap_or_default();
    out.push((about_id(path), about));
    for a in cmd.get_arguments() {
        if a.is_global_set() && !path.is_empty() {
            continue;
        }
        // An argument without help (a completion's shell) has none in
        // either language.
        if let Some(help) = a.get_help() {
            out.push((arg_id(path, a.get_id().as_str()), help.to_string()));
        }
    }
    for s in cmd.get_subcommands() {
        let mut sub = path.to_vec();
        sub.push(s.get_name());
        collect_ids(s, &sub, out);
    }
}

#[cfg(test)]
mod tests {
    use super::{error_text, lang_of_args};
    use crate::i18n::Lang;
    use clap::{Arg, ArgAction, Command};

    /// The error a small command gives for `words`: the kinds custodia's
    /// own command line cannot produce (tests/cli_errors.rs has the rest).
    fn zh_error(arg: Arg, words: &[&str]) -> String {
        let cmd = Command::new("prog").arg(arg);
        let args = std::iter::once("prog").chain(words.iter().copied());
        let err = match cmd.try_get_matches_from(args) {
            Ok(_) => panic!("{words:?} parsed"),
            Err(e) => e,
        };
        match error_text(&err, Lang::Zh, None) {
            Some(text) => text,
            None => panic!("{:?} is not said in Chinese:\n{err}", err.kind()),
        }
    }

    #[test]
    fn the_kinds_custodia_does_not_produce_are_said_too() {
        let two = Arg::new("pair").long("pair").num_args(2);
        let text = zh_error(two, &["--pair", "a"]);
        assert!(
            text.starts_with("错误：`--pair <pair> <pair>` 需要 2 个值，提供了 1 个"),
            "{text}"
        );
        let some = Arg::new("some").long("some").num_args(2..=3);
        let text = zh_error(some, &["--some", "a"]);
        assert!(
            text.starts_with("错误：`--some <some> <some>...` 至少需要 2 个值，只提供了 1 个"),
            "{text}"
        );
        let equals = Arg::new("eq")
            .long("eq")
            .require_equals(true)
            .action(ArgAction::Set);
        let text = zh_error(equals, &["--eq", "a"]);
        assert!(
            text.starts_with("错误：`--eq=<eq>` 的值须写在 `=` 之后"),
            "{text}"
        );
    }

    fn args(words: &[&str]) -> Vec<std::ffi::OsString> {
        std::iter::once("custodia")
            .chain(words.iter().copied())
            .map(Into::into)
            .collect()
    }

    #[test]
    fn the_flag_is_found_wherever_it_stands() {
        assert_eq!(lang_of_args(&args(&["check", "--lang", "zh"])), Lang::Zh);
        assert_eq!(lang_of_args(&args(&["--lang=zh", "check"])), Lang::Zh);
        assert_eq!(
            lang_of_args(&args(&["check", "--lang", "zh_CN.UTF-8"])),
            Lang::Zh
        );
        // `--language` is another flag; after `--`, `--lang` is a value.
        let not_flags = ["--language=zh", "--lang", "en", "--", "--lang", "zh"];
        assert_eq!(lang_of_args(&args(&not_flags)), Lang::En);
    }
}
