//! A text a policy shows its reader (a rule's title, help and `else`
//! message, an enum value's label) in one or both languages.
//!
//! `title "…"` is one text for every language; `title zh "…" en "…"` one
//! per language. [`Localized::get`] is the one place a language is chosen
//! for a policy text (docs/language.md, "Texts in two languages").

use crate::i18n::Lang;

#[derive(Clone, Debug, PartialEq)]
pub struct Localized<T> {
    /// Written without a language tag: the text of every language.
    pub any: Option<T>,
    pub zh: Option<T>,
    pub en: Option<T>,
}

impl<T> Default for Localized<T> {
    fn default() -> Self {
        Localized {
            any: None,
            zh: None,
            en: None,
        }
    }
}

impl<T> Localized<T> {
    /// One text for every language (the form every policy had before texts
    /// could carry a language).
    pub fn any(text: T) -> Self {
        Localized {
            any: Some(text),
            ..Default::default()
        }
    }

    /// The text to show in `lang`: the one written for it, else the
    /// untagged one, else the other language's. A policy written in one
    /// language is read in that language by everyone rather than not at
    /// all (docs/language.md, **Decision — fallback**).
    pub fn get(&self, lang: Lang) -> Option<&T> {
        let (own, other) = match lang {
            Lang::Zh => (&self.zh, &self.en),
            Lang::En => (&self.en, &self.zh),
        };
        own.as_ref().or(self.any.as_ref()).or(other.as_ref())
    }

    /// The text written for exactly `lang` (untagged or tagged for it).
    pub fn written_for(&self, lang: Lang) -> Option<&T> {
        let own = match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        };
        own.as_ref().or(self.any.as_ref())
    }

    /// Every text with its language (`None`: untagged), `zh` before `en`,
    /// the order `custodia fmt` writes them in.
    pub fn each(&self) -> impl Iterator<Item = (Option<Lang>, &T)> {
        [
            (None, &self.any),
            (Some(Lang::Zh), &self.zh),
            (Some(Lang::En), &self.en),
        ]
        .into_iter()
        .filter_map(|(lang, t)| t.as_ref().map(|t| (lang, t)))
    }

    pub fn is_empty(&self) -> bool {
        self.any.is_none() && self.zh.is_none() && self.en.is_none()
    }

    pub fn map<U>(&self, mut f: impl FnMut(&T) -> U) -> Localized<U> {
        Localized {
            any: self.any.as_ref().map(&mut f),
            zh: self.zh.as_ref().map(&mut f),
            en: self.en.as_ref().map(&mut f),
        }
    }
}

/// The tag a policy writes before a text of that language.
pub fn tag(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh",
        Lang::En => "en",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chosen_language_then_untagged_then_the_other() {
        let both = Localized {
            any: None,
            zh: Some("中"),
            en: Some("en"),
        };
        assert_eq!(both.get(Lang::Zh), Some(&"中"));
        assert_eq!(both.get(Lang::En), Some(&"en"));
        let zh_only = Localized {
            zh: Some("中"),
            ..Default::default()
        };
        assert_eq!(zh_only.get(Lang::En), Some(&"中"));
        assert_eq!(zh_only.written_for(Lang::En), None);
        let untagged = Localized::any("x");
        assert_eq!(untagged.get(Lang::Zh), Some(&"x"));
        assert_eq!(Localized::<&str>::default().get(Lang::En), None);
    }
}
