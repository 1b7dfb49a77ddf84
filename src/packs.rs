//! Policy packs built into the binary (readable under `policies/`).

type Pack = &'static [(&'static str, &'static str)];

const PACKS: &[(&str, Pack)] = &[(
    "std/schema",
    &[("std/schema.policy", crate::check::STD_SCHEMA)],
)];

pub fn get(name: &str) -> Option<Pack> {
    PACKS.iter().find(|(n, _)| *n == name).map(|(_, p)| *p)
}

pub fn names() -> Vec<&'static str> {
    PACKS.iter().map(|(n, _)| *n).collect()
}
