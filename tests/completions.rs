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
        assert!(zh.contains("按策略集检查一个案卷目录"), "{shell}:\n{zh}");
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
    assert!(man.contains("按策略集检查一个案卷目录"), "{man}");
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
