//! The message catalogue: `i18n/en.ftl` and `i18n/zh.ftl`, Project Fluent
//! files built into the binary.
//!
//! Why Fluent (docs/reports.md, "Languages"): it is the established format
//! for this (Firefox, many Rust tools), translators can edit the files
//! without touching Rust, and it selects plural forms (`1 rule`, `2 rules`)
//! where English needs them and Chinese does not. The price of a runtime
//! catalogue, a message looked up by a name the compiler does not check,
//! is paid by tests: every id the source uses exists, and every message
//! exists in both languages with the same placeables (`tests` below and
//! `tests/i18n.rs`).

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use super::Lang;

/// The English catalogue, as built into the binary.
pub const EN: &str = include_str!("../../i18n/en.ftl");
/// The Chinese catalogue, as built into the binary.
pub const ZH: &str = include_str!("../../i18n/zh.ftl");

/// A value for a placeable: a number (which selects plural forms) or text.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    Num(f64),
    Text(String),
    /// Another message, written in the same language (`in a message hole: {$problem}`).
    Msg(Box<super::Msg>),
    /// Alternatives, joined with the language's "or" (`a name, a string
    /// or `{`"): each a catalogue id, or text kept as it is (a token).
    OneOf(Vec<String>),
    /// Items kept as they are (names, paths), joined with the language's
    /// list comma (`a, b, c`; `a、b、c`).
    List(Vec<String>),
    /// An io error: the system's text in English, its kind in words with
    /// that text in parentheses in Chinese ([`super::io_error`]).
    Io(Box<super::io_error::IoReason>),
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                // Counts of rows and violations: far below 2^53.
                Arg::Num(n as f64)
            }
        }
    )*};
}
number_args!(u8, u16, u32, u64, usize, i32, i64);

impl From<super::Msg> for Arg {
    fn from(m: super::Msg) -> Arg {
        Arg::Msg(Box::new(m))
    }
}

impl From<&std::io::Error> for Arg {
    fn from(e: &std::io::Error) -> Arg {
        Arg::Io(Box::new(super::io_error::IoReason::of(e)))
    }
}

impl From<std::io::Error> for Arg {
    fn from(e: std::io::Error) -> Arg {
        Arg::from(&e)
    }
}

impl From<super::io_error::IoReason> for Arg {
    fn from(r: super::io_error::IoReason) -> Arg {
        Arg::Io(Box::new(r))
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_string())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}

impl From<&std::sync::Arc<str>> for Arg {
    fn from(s: &std::sync::Arc<str>) -> Arg {
        Arg::Text(s.to_string())
    }
}

type Bundle = FluentBundle<FluentResource>;

fn source(lang: Lang) -> &'static str {
    match lang {
        Lang::En => EN,
        Lang::Zh => ZH,
    }
}

/// The bundle of one language, parsed once. A syntax error in a catalogue
/// is a bug the catalogue tests catch; the entries that did parse are kept.
fn bundle(lang: Lang) -> &'static Bundle {
    static EN_BUNDLE: OnceLock<Bundle> = OnceLock::new();
    static ZH_BUNDLE: OnceLock<Bundle> = OnceLock::new();
    let cell = match lang {
        Lang::En => &EN_BUNDLE,
        Lang::Zh => &ZH_BUNDLE,
    };
    cell.get_or_init(|| {
        let resource = FluentResource::try_new(source(lang).to_string()).unwrap_or_else(|(r, _)| r);
        // Both tags are well-formed; a failed parse would only lose the
        // plural rules (the root locale's are used).
        let id: unic_langid::LanguageIdentifier = lang.tag().parse().unwrap_or_default();
        let mut bundle = Bundle::new_concurrent(vec![id]);
        // No Unicode isolation marks around placeables: reports are read in
        // terminals, tables and files that would show them as noise.
        bundle.set_use_isolating(false);
        // `{ DAY($until) }`: a date in a sentence as the language writes
        // it (`2026年4月30日`; `super::dates`). Registered once on a new
        // bundle, so it cannot clash with another function.
        let _ = bundle.add_function("DAY", move |positional, _named| match positional.first() {
            Some(FluentValue::String(s)) => FluentValue::from(super::dates::in_sentence(lang, s)),
            Some(other) => other.clone(),
            None => FluentValue::None,
        });
        // Duplicates are caught by the tests; the first entry stays.
        let _ = bundle.add_resource(resource);
        bundle
    })
}

fn format(lang: Lang, id: &str, args: &[(&str, Arg)]) -> Option<String> {
    let bundle = bundle(lang);
    let pattern = bundle.get_message(id)?.value()?;
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        let value = match value {
            Arg::Num(n) => FluentValue::from(*n),
            Arg::Text(s) => FluentValue::from(s.clone()),
            Arg::Msg(m) => FluentValue::from(m.text(lang)),
            Arg::OneOf(items) => FluentValue::from(one_of(lang, items)),
            Arg::List(items) => FluentValue::from(items.join(&text(lang, "list-comma", &[]))),
            Arg::Io(reason) => FluentValue::from(reason.text(lang)),
        };
        fluent_args.set(*name, value);
    }
    let mut errors = vec![];
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    Some(text.into_owned())
}

/// `a, b or c` in `lang`; an item that is a catalogue id is put into words.
fn one_of(lang: Lang, items: &[String]) -> String {
    let words: Vec<String> = items
        .iter()
        .map(|i| match has(lang, i) {
            true => text(lang, i, &[]),
            false => i.clone(),
        })
        .collect();
    match words.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => {
            let init = init.join(&text(lang, "list-comma", &[]));
            text(
                lang,
                "list-or",
                &[("init", Arg::Text(init)), ("last", Arg::Text(last.clone()))],
            )
        }
    }
}

/// The message `id` in `lang`, English when `lang` lacks it, the id itself
/// when English lacks it too.
pub fn text(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    format(lang, id, args)
        .or_else(|| format(Lang::En, id, args))
        .unwrap_or_else(|| id.to_string())
}

/// Whether the catalogue of `lang` has the message (for tests).
pub fn has(lang: Lang, id: &str) -> bool {
    bundle(lang).has_message(id)
}
