//! The command line and the developer's output in Chinese (docs/reports.md,
//! "Languages"): `--help` from the catalogue, the usage errors a user meets
//! said by custodia, the language taken from `--lang` or the locale before
//! the arguments are parsed; and `--profile`.

mod common;

use common::custodia;

#[test]
fn help_in_chinese() {
    let (code, out, _) = custodia(&["--help", "--lang", "zh"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("help_zh", out);
    let (code, out, _) = custodia(&["check", "--help", "--lang", "zh"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("help_check_zh", out);
    // No word of clap's own English is left.
    for english in [
        "Usage:",
        "Options:",
        "Arguments:",
        "Print help",
        "[default:",
        "[possible values:",
    ] {
        assert!(!out.contains(english), "{english} in\n{out}");
    }
}

#[test]
fn help_in_english_is_clap_as_it_was() {
    let (code, out, _) = custodia(&["check", "--help"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("Usage: custodia check [OPTIONS] [CASE]"),
        "{out}"
    );
    assert!(
        out.contains("[possible values: human, json, sarif"),
        "{out}"
    );
    assert!(out.contains("The case directory [default: .]"), "{out}");
}

/// The usage errors a user meets, each with its arguments.
const MISTAKES: [&[&str]; 8] = [
    &["check", "--formt", "json"],
    &["check", "--format", "xml"],
    &["check", "--threads", "0"],
    &["check", "--table", "staff"],
    &["check", "--parse-only", "--format", "json"],
    &["chek"],
    &["validate"],
    &["test", "policies/std", "--coverage-threshold", "200"],
];

fn mistakes(lang: &[&str]) -> String {
    let mut shown = String::new();
    for args in MISTAKES {
        let mut all = args.to_vec();
        all.extend_from_slice(lang);
        let (code, out, err) = custodia(&all);
        assert_eq!(code, 2, "{all:?}: {err}");
        assert!(out.is_empty(), "{all:?}: {out}");
        shown.push_str(&format!("$ custodia {}\n{err}\n", all.join(" ")));
    }
    shown
}

#[test]
fn usage_errors_in_chinese() {
    let shown = mistakes(&["--lang", "zh"]);
    insta::assert_snapshot!("usage_errors_zh", shown);
    for english in [
        "error:",
        "Usage:",
        "unexpected argument",
        "For more information",
        "tip:",
    ] {
        assert!(!shown.contains(english), "{english} in\n{shown}");
    }
}

#[test]
fn usage_errors_in_english_stay_claps() {
    let shown = mistakes(&[]);
    assert!(
        shown.contains("error: unexpected argument '--formt' found"),
        "{shown}"
    );
    assert!(
        shown.contains("For more information, try '--help'."),
        "{shown}"
    );
    assert!(
        shown.contains("expected a number of threads from 1 to 256, found `0`"),
        "{shown}"
    );
}

/// `--lang` is read before the arguments are parsed, wherever it stands
/// and as `--lang=zh`; without it the locale decides, and a `--lang` that
/// is not zh or en is refused in the locale's language.
#[test]
fn the_language_of_usage_errors_comes_from_the_flag_or_the_locale() {
    let (_, _, err) = custodia(&["--lang=zh", "check", "--formt"]);
    assert!(err.starts_with("错误：无法识别的参数 `--formt`"), "{err}");
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_custodia"))
            .args(args)
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "zh_CN.UTF-8")
            .output()
            .expect("run custodia");
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let err = run(&["check", "--formt"]);
    assert!(err.starts_with("错误：无法识别的参数"), "{err}");
    let err = run(&["check", "--lang", "fr"]);
    assert!(
        err.starts_with("错误：`--lang <LANG>` 的值 `fr` 无效：应为 zh 或 en，而不是 `fr`"),
        "{err}"
    );
    let err = run(&["check", "--formt", "--lang", "en"]);
    assert!(err.starts_with("error: unexpected argument"), "{err}");
}

#[test]
fn profile_in_chinese() {
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/acme-deregistration");
    let (exit, _, err) = custodia(&[
        "check",
        example,
        "--format",
        "json",
        "--profile",
        "--threads",
        "2",
        "--lang",
        "zh",
        common::ACCEPT_OWN_SCHEMA,
    ]);
    assert_eq!(exit, 1);
    let times = regex::Regex::new(r"\d+\.\d{3} s").expect("valid regex");
    insta::assert_snapshot!("profile_zh", times.replace_all(&err, "#.### s"));
}
