//! The policy parser, lowering and type checker on arbitrary text: any
//! outcome is fine except a panic, a hang or a stack overflow.
#![no_main]

use custodia::syntax::span::SourceMap;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut sources = SourceMap::default();
    sources.add("fuzz.policy", text.to_string());
    let _ = custodia::check::check_sources(sources);
});
