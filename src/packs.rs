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

/// `custodia packs`: every built-in pack with its rules (in file order), each
/// with kind, severity, title and citations. The packs are checked here like
/// any policy set, so a listing never shows a pack that would not load.
pub fn listing() -> Result<String, String> {
    let mut out = String::new();
    for name in names() {
        let Some(files) = get(name) else { continue };
        let mut sources = crate::syntax::span::SourceMap::default();
        for (path, text) in files {
            sources.add(format!("{}{path}", crate::check::BUILTIN_PREFIX), *text);
        }
        let checked = crate::check::check_sources(sources).map_err(|(_, errors)| {
            format!("error: the built-in pack `{name}` does not check: {errors:?}\n")
        })?;
        let mut rules: Vec<_> = checked.rules.iter().collect();
        rules.sort_by_key(|r| r.span.start);
        let paths: Vec<String> = files.iter().map(|(p, _)| format!("policies/{p}")).collect();
        out.push_str(&format!("{name}  ({})\n", paths.join(", ")));
        if rules.is_empty() {
            out.push_str("  the standard schema: no rules; every pack builds on it\n");
        }
        for r in rules {
            out.push_str(&format!(
                "  {:<44} {:<12} {:<7} {}\n",
                r.name,
                r.kind.as_str(),
                r.severity.as_str(),
                r.title.as_deref().unwrap_or("")
            ));
            for c in &r.cite {
                out.push_str(&format!("  {:<44} cite {c}\n", ""));
            }
        }
        out.push('\n');
    }
    out.push_str("Use: custodia check CASE --pack NAME (repeatable), or `packs: [NAME, ...]` in custodia.yaml.\nA case with no policies/ and no packs is checked against every cn/ pack.\n");
    Ok(out)
}
