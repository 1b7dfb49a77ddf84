//! `custodia completions SHELL` and `custodia man` in the run's language
//! (docs/reports.md, "CI packaging"): the scripts complete every command,
//! and a Chinese user's man page and completion descriptions are the
//! catalogue's Chinese.

mod common;

use common::custodia;

/// The commands `custodia --help` lists (English, clap's `Commands:`).
fn commands() -> Vec<String> {
    let (code, help, _) = custodia(&["--help", "--lang", "en"]);
    assert_eq!(code, 0);
    let listed = help
        .split("Commands:\n")
        .nth(1)
        .expect("the help lists the commands");
    let names: Vec<String> = listed
        .lines()
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .map(str::to_string)
        .collect();
    assert!(names.len() >= 10, "{names:?}");
    names
}

#[test]
fn the_bash_completion_knows_every_command_in_both_languages() {
    let names = commands();
    for lang in ["en", "zh"] {
        let (code, script, err) = custodia(&["completions", "bash", "--lang", lang]);
        assert_eq!(code, 0, "{err}");
        for name in &names {
            assert!(
                script.contains(&format!("custodia,{name})")),
                "{lang}: no `{name}` in\n{script}"
            );
        }
    }
}

/// fish and zsh show each command's and option's description: the
/// catalogue's, in the run's language.
#[test]
fn completion_descriptions_are_in_the_runs_language() {
    for shell in ["fish", "zsh"] {
        let (code, zh, _) = custodia(&["completions", shell, "--lang", "zh"]);
        assert_eq!(code, 0);
        assert!(zh.contains("按策略集检查一个案卷文件夹"), "{shell}:\n{zh}");
        assert!(!zh.contains("Check a case directory"), "{shell}:\n{zh}");
        let (code, en, _) = custodia(&["completions", shell, "--lang", "en"]);
        assert_eq!(code, 0);
        assert!(en.contains("Check a case directory"), "{shell}:\n{en}");
    }
}

#[test]
fn the_man_page_in_chinese() {
    let (code, man, err) = custodia(&["man", "--lang", "zh"]);
    assert_eq!(code, 0, "{err}");
    for heading in [".SH 名称", ".SH 概述", ".SH 描述", ".SH 选项", ".SH 命令"] {
        assert!(man.contains(heading), "{heading} in\n{man}");
    }
    assert!(
        man.contains("custodia \\- 公司注销时客户资料的合规检查"),
        "{man}"
    );
    assert!(man.contains("按策略集检查一个案卷文件夹"), "{man}");
    for english in [
        ".SH NAME",
        ".SH OPTIONS",
        "Possible values",
        "[default:",
        "Print help",
    ] {
        assert!(!man.contains(english), "{english} in\n{man}");
    }
}

/// In English the man page is clap_mangen's as it was.
#[test]
fn the_man_page_in_english() {
    let (code, man, _) = custodia(&["man", "--lang", "en"]);
    assert_eq!(code, 0);
    assert!(man.contains(".SH NAME"), "{man}");
    assert!(man.contains("Check a case directory"), "{man}");
    assert!(!man.contains("名称"), "{man}");
}

/// Without `--lang`, the locale decides, as for every other command.
#[test]
fn the_locale_chooses_the_man_pages_language() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_custodia"))
        .arg("man")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "zh_CN.UTF-8")
        .output()
        .expect("custodia runs");
    let man = String::from_utf8_lossy(&out.stdout);
    assert!(man.contains(".SH 名称"), "{man}");
}

/// Every command the man page lists as `custodia-NAME(1)` has that page:
/// `custodia man NAME`, titled and synopsised as the command, in the
/// run's language.
#[test]
fn every_command_listed_in_the_man_page_has_its_own_page() {
    let (code, man, err) = custodia(&["man", "--lang", "en"]);
    assert_eq!(code, 0, "{err}");
    let listed: Vec<String> = man
        .lines()
        .filter_map(|l| l.strip_prefix("custodia\\-"))
        .filter_map(|l| l.strip_suffix("(1)"))
        .map(|name| name.replace("\\-", "-"))
        .collect();
    assert_eq!(listed.len(), commands().len() - 1, "{listed:?}"); // all but `help`
    for name in &listed {
        let (code, page, err) = custodia(&["man", name, "--lang", "en"]);
        assert_eq!(code, 0, "custodia man {name}: {err}");
        let title = format!(".TH custodia-{name} 1  \"custodia ");
        assert!(page.contains(&title), "{title} in\n{page}");
        let synopsis = format!("\\fBcustodia {name}\\fR");
        assert!(page.contains(&synopsis), "{synopsis} in\n{page}");
    }
}

#[test]
fn a_commands_man_page_in_chinese() {
    let (code, page, err) = custodia(&["man", "check", "--lang", "zh"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        page.contains("custodia\\-check \\- 按策略集检查一个案卷文件夹"),
        "{page}"
    );
    assert!(page.contains(".SH 选项"), "{page}");
    assert!(!page.contains(".SH OPTIONS"), "{page}");
}

/// A page for a command custodia does not have is a usage error naming
/// the commands there are, in the run's language.
#[test]
fn a_man_page_for_an_unknown_command_is_an_error() {
    let (code, page, err) = custodia(&["man", "chek", "--lang", "en"]);
    assert_eq!((code, page.as_str()), (2, ""));
    assert!(err.contains("custodia has no command `chek`"), "{err}");
    assert!(err.contains("check, validate"), "{err}");
    let (code, _, err) = custodia(&["man", "chek", "--lang", "zh"]);
    assert_eq!(code, 2);
    assert!(err.contains("错误：custodia 没有 `chek` 命令"), "{err}");
}
