//! clap's free-form tips (`ContextKind::Suggested`), which clap writes
//! in English only, recognised from clap's own words and said in the run's
//! language (docs/reports.md, "Languages", clap). The English literals
//! here are clap's output to be matched, never shown: this file is why
//! they are kept out of `cli::usage`, which tests/messages.rs scans for
//! English sentences.

use clap::error::{ContextKind, ContextValue};

use crate::i18n::Lang;
use crate::t;

/// clap's free-form tips (`ContextKind::Suggested`), which it writes in
/// English, said in `lang`. clap 4 writes three: how to pass a value that
/// starts with `-`, that an option belongs to a command written after it,
/// and that `--` stands before a command's name. A tip of another form (a
/// later clap) is left out: it is advice, and the error itself is said.
pub fn tips(err: &clap::Error, lang: Lang) -> Vec<String> {
    let Some(ContextValue::StyledStrs(tips)) = err.get(ContextKind::Suggested) else {
        return vec![];
    };
    tips.iter()
        .filter_map(|tip| tip_in(&tip.to_string(), lang))
        .collect()
}

/// One of clap's tips, read from its English words, in `lang`.
fn tip_in(english: &str, lang: Lang) -> Option<String> {
    if let Some(rest) = english.strip_prefix("to pass '") {
        let (arg, written) = rest.split_once("' as a value, use '")?;
        let written = written.strip_suffix('\'')?;
        return Some(t!(
            lang,
            "cli-tip-pass-as-value",
            arg = arg,
            written = written
        ));
    }
    if let Some(rest) = english.strip_prefix("subcommand '") {
        let name = rest.strip_suffix("' exists; to use it, remove the '--' before it")?;
        return Some(t!(lang, "cli-tip-remove-dashes", name = name));
    }
    let written = english.strip_prefix('\'')?.strip_suffix("' exists")?;
    let (command, arg) = written.rsplit_once(' ')?;
    Some(t!(
        lang,
        "cli-tip-option-of-command",
        command = command,
        arg = arg
    ))
}

#[cfg(test)]
mod tests {
    use crate::i18n::Lang;

    /// clap's English tips, read back: a tip of an unknown form is left
    /// out rather than shown in English.
    #[test]
    fn claps_tips_are_said_in_chinese() {
        let tip = |s: &str| super::tip_in(s, Lang::Zh);
        assert_eq!(
            tip("to pass '-x' as a value, use '-- -x'").as_deref(),
            Some("提示：若要把 `-x` 作为值传入，请写成 `-- -x`")
        );
        assert_eq!(
            tip("'check --format' exists").as_deref(),
            Some("提示：`--format` 是 `check` 命令的选项，请写在命令名之后")
        );
        assert_eq!(
            tip("subcommand 'check' exists; to use it, remove the '--' before it").as_deref(),
            Some("提示：`check` 是一个命令；若要运行它，请删去它前面的 `--`")
        );
        assert_eq!(tip("something clap says one day"), None);
    }
}
