//! What a pass does not cover, said where a reader looks: a provision a
//! rule cites but checks only in part reads "partly checked" in the audit
//! report's statute table, never "passed" (hostile review h24b F05); the
//! duties of the law no rule of a pack checks are in the JSON report and
//! the terminal report, as on the audit report's page one (h24b F32).

mod common;

use common::{rec, Case};
use custodia::cli::app::{run_check, CheckOptions, Format};
use custodia::i18n::Lang;
use serde_json::Value;

/// A rule that passes and declares the part of its provision it does not
/// check, in both languages.
const PARTLY: &str = r#"
rule notified {
  title "Every record is general"
  cite "示例法 第五十七条第一款"
  cite "示例法 第五十七条第二款"
  tags ["notice", "unchecked 示例法 第五十七条第一款: “立即” | whether at once, 立即"]
  for record r
  require r.class == "general" else "{r.id} is not general"
}
"#;

fn run(case: &Case, format: Format, lang: Lang) -> String {
    let dir = case.write();
    run_check(&CheckOptions {
        case: dir.path().to_path_buf(),
        as_of: Some("2026-11-27".into()),
        format,
        lang: Some(lang),
        allow_skipped: true,
        ..Default::default()
    })
    .output
}

/// The audit report's rows of 示例法 in Appendix D.
fn statute_rows(md: &str) -> Vec<&str> {
    md.lines().filter(|l| l.starts_with("| 示例法")).collect()
}

#[test]
fn a_provision_with_a_part_no_rule_checks_is_partly_checked_not_passed() {
    let case = Case::with(PARTLY, &rec("R1", &[]));
    let en = run(&case, Format::Markdown, Lang::En);
    let zh = run(&case, Format::Markdown, Lang::Zh);
    let rows: Vec<&str> = statute_rows(&en)
        .into_iter()
        .chain(statute_rows(&zh))
        .collect();
    assert_eq!(rows.len(), 4, "{en}\n{zh}");
    assert!(
        rows[0].ends_with("| **partly checked (not checked: whether at once, 立即)** |"),
        "{rows:#?}"
    );
    // The other paragraph, which the rule checks whole, passes.
    assert!(rows[1].ends_with("| **passed** |"), "{rows:#?}");
    assert!(
        rows[2].ends_with("| **部分检查（未检查：“立即”）** |"),
        "{rows:#?}"
    );
    assert!(rows[3].ends_with("| **通过** |"), "{rows:#?}");
    let json: Value = serde_json::from_str(&run(&case, Format::Json, Lang::Zh)).expect("json");
    common::assert_valid_report(&json);
    assert_eq!(
        json["rules"][0]["unchecked_parts"],
        serde_json::json!([{"cite": "示例法 第五十七条第一款", "not_checked": "“立即”"}])
    );
}

#[test]
fn a_violated_provision_stays_violated_whatever_it_leaves_unchecked() {
    let case = Case::with(PARTLY, &rec("R1", &[("class", "sensitive")]));
    let md = run(&case, Format::Markdown, Lang::En);
    let rows = statute_rows(&md);
    assert!(rows[0].ends_with("| **violated** |"), "{rows:#?}");
}

#[test]
fn a_tag_of_another_form_is_an_ordinary_tag() {
    use custodia::report::model::UncheckedPart;
    assert_eq!(UncheckedPart::from_tag("notice"), None);
    assert_eq!(UncheckedPart::from_tag("unchecked 示例法 第一条"), None);
    assert_eq!(UncheckedPart::from_tag("unchecked 示例法 第一条: "), None);
    let p = UncheckedPart::from_tag("unchecked 示例法 第一条: 立即").expect("a part");
    assert_eq!(
        (p.cite.as_str(), p.text(Lang::En)),
        ("示例法 第一条", "立即")
    );
}

/// The acme-style example with the packs it is checked against: the JSON
/// report lists each duty its packs do not check, as page one does.
#[test]
fn the_json_report_lists_the_duties_no_rule_checks() {
    let dir = tempfile::tempdir().expect("tempdir");
    let from =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/shanghai-deregistration");
    for file in common::files_under(&from) {
        let to = dir.path().join(file.strip_prefix(&from).expect("inside"));
        std::fs::create_dir_all(to.parent().expect("parent")).expect("mkdir");
        std::fs::copy(&file, &to).expect("copy");
    }
    let out = run_check(&CheckOptions {
        case: dir.path().to_path_buf(),
        format: Format::Json,
        lang: Some(Lang::Zh),
        ..Default::default()
    });
    let json: Value = serde_json::from_str(&out.output).expect("json");
    common::assert_valid_report(&json);
    let duties = json["packs"]["unchecked_duties"]
        .as_array()
        .expect("listed");
    assert!(
        duties
            .iter()
            .any(|d| d["pack"] == "cn/pipl"
                && d["duty"].as_str().is_some_and(|t| t.contains("立即"))),
        "{duties:#?}"
    );
    let md = run_check(&CheckOptions {
        case: dir.path().to_path_buf(),
        format: Format::Markdown,
        lang: Some(Lang::Zh),
        ..Default::default()
    })
    .output;
    for d in duties {
        let duty = d["duty"].as_str().expect("text");
        assert!(md.contains(duty), "page one lists {duty}");
    }
}
