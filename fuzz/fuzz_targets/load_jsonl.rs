//! The jsonl reader and converter against the fixed schema.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    custodia_fuzz::load_one("logs/destruction.jsonl", data, true);
});
