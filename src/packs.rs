//! Policy packs built into the binary (readable under `policies/`). Each pack
//! is one file of rules written against the standard schema
//! (`policies/std/schema.policy`), which the checker adds to every set that
//! does not declare its own `record`.

type Pack = &'static [(&'static str, &'static str)];

const PACKS: &[(&str, Pack)] = &[
    (
        "std/schema",
        &[("std/schema.policy", crate::check::STD_SCHEMA)],
    ),
    (
        "cn/accounting-archives",
        &[(
            "cn/accounting-archives.policy",
            include_str!("../policies/cn/accounting-archives.policy"),
        )],
    ),
    (
        "cn/pipl",
        &[("cn/pipl.policy", include_str!("../policies/cn/pipl.policy"))],
    ),
    (
        "cn/company-law",
        &[(
            "cn/company-law.policy",
            include_str!("../policies/cn/company-law.policy"),
        )],
    ),
    (
        "cn/tax",
        &[("cn/tax.policy", include_str!("../policies/cn/tax.policy"))],
    ),
    (
        "cn/customer-records",
        &[(
            "cn/customer-records.policy",
            include_str!("../policies/cn/customer-records.policy"),
        )],
    ),
    (
        "intl/gdpr",
        &[(
            "intl/gdpr.policy",
            include_str!("../policies/intl/gdpr.policy"),
        )],
    ),
];

pub fn get(name: &str) -> Option<Pack> {
    PACKS.iter().find(|(n, _)| *n == name).map(|(_, p)| *p)
}

pub fn names() -> Vec<&'static str> {
    PACKS.iter().map(|(n, _)| *n).collect()
}

/// The packs a case gets when it has no `policies/` and names no packs: the
/// Chinese packs (data-and-reports.md section 1, "the standard packs built
/// into the binary are used"). `intl/gdpr` is a second jurisdiction and is
/// only used when asked for.
pub fn defaults() -> Vec<&'static str> {
    names()
        .into_iter()
        .filter(|n| n.starts_with("cn/"))
        .collect()
}
