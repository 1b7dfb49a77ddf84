//! A message not yet put into words: a catalogue id and its arguments.
//!
//! Errors and diagnostics found deep in the parser, the checker or the
//! loaders carry a [`Msg`] instead of text, and are put into the chosen
//! language where they are written out (docs/reports.md, "Languages").
//! The stage that finds a problem need not know the language; the one
//! place that writes it does.

use super::{Arg, Lang};

/// A catalogue message with its arguments; [`Msg::text`] writes it.
#[derive(Clone, Debug, PartialEq)]
pub struct Msg {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

/// Arguments are counts and text: a count is never NaN, so equality is total.
impl Eq for Msg {}

impl Msg {
    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        super::catalogue::text(lang, self.id, &self.args)
    }

    /// The message in the run's message language (`i18n::message_lang`),
    /// for text that must exist before the output stage.
    pub fn words(&self) -> String {
        self.text(super::message_lang())
    }
}

/// English, for logs, tests and the places that have no language.
impl std::fmt::Display for Msg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

/// A [`Msg`]: `msg!("check-unknown-rule", name = n)`. The id must be in
/// both catalogues (tests/i18n.rs checks every `msg!` and `t!` id).
#[macro_export]
macro_rules! msg {
    ($id:literal) => {
        $crate::i18n::Msg { id: $id, args: vec![] }
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::Msg {
            id: $id,
            args: vec![$((stringify!($name), $crate::i18n::Arg::from($value))),+],
        }
    };
}
