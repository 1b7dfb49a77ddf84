//! A record id written in Chinese (`档案-2019-001`, `合同001`) in a
//! dangling reference was masked as personal data (`pii::looks_like_id`
//! was ASCII only), so the auditor could not tell which record a log
//! named. Codes of Chinese characters with digits are shown; a bare name
//! (`王芳`), a name with a digit and a phone number are still masked
//! (docs/security.md, "Names in ref fields").

mod common;

use common::{rec, Case, NOT_GENERAL};

/// The values the dangling-reference findings of a run name.
fn dangling(log: &str) -> Vec<String> {
    let r = Case::with(NOT_GENERAL, &rec("R1", &[("class", "sensitive")]))
        .file("logs/access.csv", log)
        .run();
    r.of("integrity.dangling_ref")
        .iter()
        .map(|v| v["message"].as_str().unwrap_or("").to_string())
        .collect()
}

#[test]
fn a_dangling_id_in_chinese_is_shown_and_a_name_is_masked() {
    let log = "at,record,actor,purpose\n\
               2026-03-01 10:00,档案-2019-001,S1,审计\n\
               2026-03-01 10:00,合同001,S1,审计\n\
               2026-03-01 10:00,王芳,S1,审计\n\
               2026-03-01 10:00,张伟2,S1,审计\n\
               2026-03-01 10:00,13812345678,S1,审计\n";
    let said = dangling(log).join("\n");
    for shown in ["`档案-2019-001`", "`合同001`"] {
        assert!(said.contains(shown), "{shown}: {said}");
    }
    for hidden in ["王芳", "张伟2", "13812345678"] {
        assert!(!said.contains(hidden), "{hidden}: {said}");
    }
    assert_eq!(said.matches("`***`").count(), 2, "{said}");
    assert!(said.contains("`*********78`"), "{said}");
}
