//! Review R28: a YAML file custodia cannot parse is reported in the user's
//! terms — what was expected, at file:line:column, in the run's language —
//! never in the YAML library's (its API, its grammar productions, Rust
//! type names). Each broken log below is one family of parser errors.

mod common;

use common::{rec, Case};

const RULE: &str = "rule titled {\n  for record r\n  require r.title != \"\"\n}\n";

/// Words of the parser that must not reach a user.
const LIBRARY_WORDS: [&str; 12] = [
    "from_multiple",
    "while scanning",
    "while parsing",
    "scalar",
    "event",
    "Spanned",
    "u64",
    "u32",
    "simple key",
    "flow",
    "EOF",
    "budget",
];

/// (broken YAML log, the start of what custodia says instead)
const CASES: [(&str, &str); 10] = [
    (
        "- record: R-1\n---\n- record: R-2\n",
        "the file holds several YAML documents",
    ),
    (
        "- record: R-1\n\tmethod: shred\n",
        "a tab where YAML allows none",
    ),
    ("- record: \"R-1\n", "a quoted value is not closed"),
    ("- record: [R-1, R-2\n", "a `[` or `{` is not closed"),
    (
        "- record: R-1\n  method: a: b\n",
        "a `:` where no key can start",
    ),
    (
        "- record: R-1\n  method: shred\n place: x\n",
        "the indentation does not fit",
    ),
    ("- record: *nowhere\n", "an alias `*name` needs an anchor"),
    (
        "- record: R-1\n  record: R-2\n",
        "the key `record` is written twice",
    ),
    (
        "- record: @R-1\n",
        "a value cannot start with this character",
    ),
    ("- record: !!binary x\n", "not valid YAML"),
];

#[test]
fn yaml_errors_say_what_was_expected_at_their_place() {
    for (yaml, says) in CASES {
        let r = Case::with(RULE, &rec("R-1", &[]))
            .file("logs/destruction.yaml", yaml)
            .run();
        assert_eq!(r.exit, 2, "{yaml:?}: {}", r.dump());
        let errors = r.input_errors();
        let e = errors
            .iter()
            .find(|e| e["file"] == "logs/destruction.yaml")
            .unwrap_or_else(|| panic!("{yaml:?}: {}", r.dump()));
        let message = e["message"].as_str().unwrap_or_default();
        assert!(message.contains(says), "{yaml:?}: {message}");
        assert!(e["line"].is_u64() && e["column"].is_u64(), "{yaml:?}: {e}");
        for word in LIBRARY_WORDS {
            assert!(!message.contains(word), "{yaml:?}: `{word}` in {message}");
        }
    }
    // In the run's language (one test: the message language is the run's,
    // and runs in parallel threads of one process would share it).
    let r = Case::with(RULE, &rec("R-1", &[]))
        .file("custodia.yaml", "lang: zh\n")
        .file(
            "logs/destruction.yaml",
            "- record: R-1\n---\n- record: R-2\n",
        )
        .run();
    let errors = r.input_errors();
    let message = errors
        .iter()
        .find(|e| e["file"] == "logs/destruction.yaml")
        .and_then(|e| e["message"].as_str())
        .unwrap_or_default()
        .to_string();
    assert!(
        message.starts_with("不是有效的 YAML：该文件包含多个 YAML 文档"),
        "{message}"
    );
}
