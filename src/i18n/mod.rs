//! The language custodia writes in: Simplified Chinese or English.
//!
//! Chosen by `--lang`, then `lang:` in `custodia.yaml`, then the locale
//! (`LC_ALL`, `LC_MESSAGES`, `LANG`, in the order POSIX gives them
//! precedence); English when none of them names a language we have.
//!
//! Every text custodia itself writes comes from one catalogue in two
//! languages, `i18n/en.ftl` and `i18n/zh.ftl` (Project Fluent), built into
//! the binary; see [`catalogue`] and the [`t!`](crate::t) macro.

pub mod catalogue;
pub mod dates;
pub mod io_error;
pub mod msg;
pub mod numerals;
pub mod serde_frame;

pub use catalogue::Arg;
pub use msg::Msg;

/// A language of custodia's messages and reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The BCP 47 tag written into reports (`<html lang>`, JSON `lang`).
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }

    /// Reads `zh`, `zh-CN`, `zh_CN.UTF-8`, `en`, `en_US.UTF-8`, `C`, ...
    /// `None` for a language custodia does not write.
    pub fn parse(s: &str) -> Option<Lang> {
        let base = s.split(['.', '@']).next().unwrap_or_default();
        let primary = base.split(['-', '_']).next().unwrap_or_default();
        match primary.to_ascii_lowercase().as_str() {
            "zh" => Some(Lang::Zh),
            "en" | "c" | "posix" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language the locale asks for. The first variable that is set
    /// and not empty decides, as in POSIX; a language custodia does not
    /// write falls back to English.
    pub fn from_env(get: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| get(k).filter(|v| !v.is_empty()))
            .map(|v| Lang::parse(&v).unwrap_or_default())
            .next()
            .unwrap_or_default()
    }

    /// Flag, then manifest, then locale.
    pub fn choose(flag: Option<Lang>, manifest: Option<Lang>) -> Lang {
        flag.or(manifest)
            .unwrap_or_else(|| Lang::from_env(|k| std::env::var(k).ok()))
    }
}

/// The language of messages that become text before the output stage: the
/// input errors and notes read from data (`data::InputError::message` is
/// text, built in many modules; docs/reports.md, "Languages").
///
/// A run's language is its threads' ([`set_run_message_lang`]): `check`
/// runs in a thread pool of its own, and sets the language on every thread
/// of it, so two checks in one process (the tests, a library caller) each
/// write in their own. A thread no run has set (the binary's main thread,
/// a library that never sets it) falls back to the process-wide language
/// ([`set_message_lang`], which the binary sets from `--lang`/the locale),
/// English until then.
static MESSAGE_LANG: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);

thread_local! {
    /// The language of the run this thread works for, once it is known.
    static RUN_LANG: std::cell::Cell<Option<Lang>> = const { std::cell::Cell::new(None) };
}

/// Sets the process-wide fallback of [`message_lang`].
pub fn set_message_lang(lang: Lang) {
    let code = match lang {
        Lang::En => 0,
        Lang::Zh => 1,
    };
    MESSAGE_LANG.store(code, std::sync::atomic::Ordering::Relaxed);
}

/// Sets [`message_lang`] for this thread and, on a worker of a rayon pool,
/// for every thread of that pool (the pool a run works in).
pub fn set_run_message_lang(lang: Lang) {
    RUN_LANG.with(|l| l.set(Some(lang)));
    if rayon::current_thread_index().is_some() {
        rayon::broadcast(|_| RUN_LANG.with(|l| l.set(Some(lang))));
    }
}

/// The language input errors and notes are written in (see above).
pub fn message_lang() -> Lang {
    if let Some(lang) = RUN_LANG.with(std::cell::Cell::get) {
        return lang;
    }
    match MESSAGE_LANG.load(std::sync::atomic::Ordering::Relaxed) {
        1 => Lang::Zh,
        _ => Lang::En,
    }
}

/// A catalogue message in `lang`: `t!(lang, "verdict-compliant")`,
/// `t!(lang, "human-checked", rules = 8, records = 14, events = 37)`. A message the
/// language lacks falls back to English, one English lacks to its id (the
/// catalogue tests keep both from happening).
#[macro_export]
macro_rules! t {
    ($lang:expr, $id:literal) => {
        $crate::i18n::catalogue::text($lang, $id, &[])
    };
    ($lang:expr, $id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::catalogue::text(
            $lang,
            $id,
            &[$((stringify!($name), $crate::i18n::Arg::from($value))),+],
        )
    };
}

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn parses_locale_names() {
        assert_eq!(Lang::parse("zh_CN.UTF-8"), Some(Lang::Zh));
        assert_eq!(Lang::parse("zh-Hans"), Some(Lang::Zh));
        assert_eq!(Lang::parse("en_US.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::parse("C"), Some(Lang::En));
        assert_eq!(Lang::parse("fr_FR.UTF-8"), None);
    }

    #[test]
    fn first_set_variable_decides() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(Lang::from_env(env(&[("LANG", "zh_CN.UTF-8")])), Lang::Zh);
        let c_wins = env(&[("LC_ALL", "C"), ("LANG", "zh_CN.UTF-8")]);
        assert_eq!(Lang::from_env(c_wins), Lang::En);
        let empty_skipped = env(&[("LC_ALL", ""), ("LANG", "zh_CN.UTF-8")]);
        assert_eq!(Lang::from_env(empty_skipped), Lang::Zh);
        assert_eq!(Lang::from_env(env(&[("LANG", "de_DE.UTF-8")])), Lang::En);
        assert_eq!(Lang::from_env(env(&[])), Lang::En);
    }
}
