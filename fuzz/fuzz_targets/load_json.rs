//! The json reader and converter against the fixed schema.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    custodia_fuzz::load_one("inventory.json", data, false);
});
