//! The whole `check` on a small case whose files the fuzzer writes. The
//! input is split at NUL bytes into the case's files, in this order.
#![no_main]

use custodia::app::{run_check, CheckOptions, Format};
use libfuzzer_sys::fuzz_target;

const FILES: [&str; 6] = [
    "inventory.csv",
    "logs/destruction.jsonl",
    "logs/handover.yaml",
    "company.yaml",
    "tables/staff.csv",
    "policies/rules.policy",
];

fuzz_target!(|data: &[u8]| {
    let root = custodia_fuzz::scratch().join("case");
    let _ = std::fs::remove_dir_all(&root);
    for dir in ["logs", "tables", "policies"] {
        let _ = std::fs::create_dir_all(root.join(dir));
    }
    let _ = std::fs::write(root.join("policies/schema.policy"), custodia_fuzz::SCHEMA);
    for (name, part) in FILES.iter().zip(data.split(|&b| b == 0)) {
        let _ = std::fs::write(root.join(name), part);
    }
    for format in [Format::Json, Format::Human] {
        let out = run_check(&CheckOptions {
            case: root.clone(),
            overrides: Default::default(),
            as_of: Some("2026-11-27".into()),
            tz: Some("Asia/Shanghai".into()),
            format,
            fail_on: None,
            strict: false,
            color: false,
            ..Default::default()
        });
        assert!(out.exit <= 2, "exit status {}", out.exit);
    }
});
