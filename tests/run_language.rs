//! Two runs in one process, in two languages at the same time, each write
//! in their own (docs/reports.md, "Languages"): `check` and `explain` run
//! in a thread pool of their own whose threads carry the run's language
//! (`i18n::set_run_message_lang`); neither sets the process-wide fallback
//! (`i18n::set_message_lang`), which only the binary's `main` sets. The
//! messages tested are those that become text away from the report's
//! renderer (`i18n::message_lang`): an input error read from a data file on
//! the run's worker threads, and a refused `as_of`.

mod common;

use std::path::Path;
use std::sync::Barrier;

use common::{rec, Case};
use custodia::cli::app::{run_check, CheckOptions, Format};
use custodia::cli::explain::{run_explain, ExplainOptions};
use custodia::i18n::Lang;

const RULE: &str = "rule titled {\n  for record r\n  require r.title != \"\"\n}\n";

/// Rounds of the two runs side by side: enough for their threads to
/// interleave on a two-core machine, few enough to stay quick.
const ROUNDS: usize = 6;

/// A case whose event log holds two YAML documents: an input error whose
/// words are written while the log is read.
fn case() -> tempfile::TempDir {
    Case::with(RULE, &rec("R-1", &[]))
        .file(
            "logs/destruction.yaml",
            "- record: R-1\n---\n- record: R-2\n",
        )
        .write()
}

/// The log's input error, in the language asked.
fn check_error(dir: &Path, lang: Lang) -> String {
    let out = run_check(&CheckOptions {
        case: dir.to_path_buf(),
        as_of: Some("2026-11-27".into()),
        format: Format::Json,
        lang: Some(lang),
        ..Default::default()
    });
    let report: serde_json::Value = serde_json::from_str(&out.output)
        .unwrap_or_else(|e| panic!("not JSON: {e}\n{}\n{}", out.output, out.errors));
    let errors = report["input_errors"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    errors
        .iter()
        .find(|e| e["file"] == "logs/destruction.yaml")
        .and_then(|e| e["message"].as_str())
        .unwrap_or_else(|| panic!("no error for the log: {report}"))
        .to_string()
}

fn explain(dir: &Path, lang: Lang, as_of: &str) -> custodia::cli::app::Outcome {
    run_explain(&ExplainOptions {
        rule: "titled".into(),
        subject: Some("R-1".into()),
        case: dir.to_path_buf(),
        overrides: Default::default(),
        as_of: Some(as_of.into()),
        tz: None,
        lang: Some(lang),
    })
}

/// Runs `run(lang)` for English and Chinese on two threads at once,
/// `ROUNDS` times each, and checks every result with `is_in(lang, text)`
/// once both threads are done (a check failing inside a thread would leave
/// the other waiting at the barrier).
fn side_by_side(run: impl Fn(Lang) -> String + Sync, is_in: impl Fn(Lang, &str) -> bool) {
    let barrier = Barrier::new(2);
    let results: Vec<(Lang, String)> = std::thread::scope(|s| {
        let threads: Vec<_> = [Lang::En, Lang::Zh]
            .into_iter()
            .map(|lang| {
                let (run, barrier) = (&run, &barrier);
                s.spawn(move || {
                    barrier.wait();
                    (0..ROUNDS).map(|_| (lang, run(lang))).collect::<Vec<_>>()
                })
            })
            .collect();
        threads
            .into_iter()
            .flat_map(|t| t.join().expect("a run does not panic"))
            .collect()
    });
    assert_eq!(results.len(), 2 * ROUNDS);
    for (lang, text) in results {
        assert!(is_in(lang, &text), "{lang:?}: {text}");
    }
}

/// No run touched the process-wide fallback: a thread no run has set
/// still reads English.
fn fallback_is_untouched() {
    let lang = std::thread::spawn(custodia::i18n::message_lang)
        .join()
        .expect("the thread returns");
    assert_eq!(lang, Lang::En);
}

#[test]
fn two_checks_at_once_keep_their_languages() {
    let dir = case();
    side_by_side(
        |lang| check_error(dir.path(), lang),
        |lang, text| match lang {
            Lang::Zh => text.contains("该文件包含多个 YAML 文档"),
            Lang::En => text.contains("the file holds several YAML documents"),
        },
    );
    fallback_is_untouched();
}

#[test]
fn two_explains_at_once_keep_their_languages() {
    let dir = case();
    // A refused as_of: said with the run's message language.
    side_by_side(
        |lang| {
            let out = explain(dir.path(), lang, "someday");
            format!("{}{}", out.errors, out.output)
        },
        |lang, text| match lang {
            Lang::Zh => text.starts_with("错误：检查基准日 as_of `someday`"),
            Lang::En => text.starts_with("error: as_of `someday` is not a valid date"),
        },
    );
    // An explanation: its words, and the input error it counts.
    side_by_side(
        |lang| explain(dir.path(), lang, "2026-11-27").output,
        |lang, text| match lang {
            Lang::Zh => text.contains("检查基准日 2026-11-27") && !text.contains("as of"),
            Lang::En => text.contains("as of 2026-11-27") && !text.contains("检查基准日"),
        },
    );
    // Chinese last, so that a run setting the fallback would leave it Chinese.
    let out = explain(dir.path(), Lang::Zh, "2026-11-27");
    assert!(out.output.contains("检查基准日"), "{}", out.output);
    fallback_is_untouched();
}

/// An explain in Chinese beside a check in English.
#[test]
fn an_explain_beside_a_check() {
    let dir = case();
    side_by_side(
        |lang| match lang {
            Lang::Zh => explain(dir.path(), lang, "someday").errors,
            Lang::En => check_error(dir.path(), lang),
        },
        |lang, text| match lang {
            Lang::Zh => text.starts_with("错误："),
            Lang::En => text.contains("the file holds several YAML documents"),
        },
    );
    fallback_is_untouched();
}
