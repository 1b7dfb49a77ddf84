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

/// The duties of its laws that a built-in pack does not check, in `lang`:
/// the one place that says them (docs/packs.md, "What the packs do not
/// check", and the "not checkable" rows of its tables). The audit report
/// lists them for every pack used, under what was not checked, so that
/// "every rule checked" is not read as "every duty of the law" (hostile
/// review h23b #10). A pack with nothing listed here gets no line.
pub fn unchecked_duties(lang: crate::i18n::Lang, pack: &str) -> Vec<String> {
    use crate::t;
    match pack {
        "cn/accounting-archives" => vec![
            t!(lang, "pack-unchecked-appraisal-opinion"),
            t!(lang, "pack-unchecked-custodian"),
            t!(lang, "pack-unchecked-electronic-metadata"),
            t!(lang, "pack-unchecked-destruction-effect"),
            // Hostile review h25b (B13, B18): the rules read the records the
            // catalogue lists; one it leaves out is judged by none.
            t!(lang, "pack-unchecked-catalogue-complete"),
        ],
        "cn/pipl" => vec![
            t!(lang, "pack-unchecked-separate-consent"),
            t!(lang, "pack-unchecked-breach-immediately"),
            t!(lang, "pack-unchecked-notice-reached"),
            t!(lang, "pack-unchecked-transfer-contact"),
            t!(lang, "pack-unchecked-entrusted-supervision"),
            t!(lang, "pack-unchecked-disclosure"),
        ],
        "cn/company-law" => vec![
            t!(lang, "pack-unchecked-simplified-allowed"),
            // Hostile review h25b (B22): 公司法 第二百三十六条第三款 and
            // 实施细则 第四十四条 leave no record the model reads.
            t!(lang, "pack-unchecked-no-new-business"),
            t!(lang, "pack-unchecked-claims-register"),
        ],
        "cn/tax" => vec![t!(lang, "pack-unchecked-tax-settled")],
        "cn/customer-records" => vec![
            t!(lang, "pack-unchecked-destruction-effect"),
            t!(lang, "pack-unchecked-guide-conduct"),
        ],
        "intl/gdpr" => vec![
            t!(lang, "pack-unchecked-gdpr-lawfulness"),
            t!(lang, "pack-unchecked-gdpr-undue-delay"),
        ],
        _ => vec![],
    }
}

/// The packs a check uses and what the report must say about that choice.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PackChoice {
    pub packs: Vec<String>,
    /// Said in every report (a note, and the audit report's scope) when the
    /// choice is not the plain default: packs added to the case's own
    /// policies, packs left out because the case declares its own schema,
    /// or every pack refused with `packs: []`.
    /// Put into words in the report's language (`app::run_check`).
    pub note: Option<crate::i18n::Msg>,
    /// The default packs that would apply had no list been named, which
    /// the named list leaves out (`app::load_case_policies` fills it):
    /// named by custodia.yaml, they leave the run not fully checked.
    /// Also every default pack when the case's own `record` schema lacks
    /// fields their rules use ([`PackChoice::unfit_schema`]).
    pub left_out: Vec<String>,
    /// The case's policy file and the line of its own `record`, when that
    /// schema left the default packs out (no `packs:` named): the run is
    /// not fully checked, as with `packs: []` (docs/reports.md, "Statute
    /// packs left out by custodia.yaml"; `app::load_case_policies` fills
    /// the line).
    pub unfit_schema: Option<(String, u32)>,
}

/// Chooses the packs of a check (docs/packs.md, "Choosing packs"):
/// - packs named (`packs:` in custodia.yaml, even `[]`, or `--pack`): those;
/// - no policies of the case: the default `cn/` packs;
/// - the case's policies build on the standard schema: they and the
///   defaults, so writing one rule of one's own never drops the statutes;
/// - the case's policies declare their own `record`: no pack can apply
///   (pack rules name standard fields), and the note says which were not
///   used; they are left out, as `packs: []` leaves them (the statutes
///   are not checked, so the run is not fully checked: hostile review
///   h23b #5, COMPLIANT exit 0 on a five-field `record`).
///
/// `own_record` names the case's policy file that declares its own `record`,
/// and `fits` says whether the default packs check against that schema (a
/// copy of the standard one, a field added): then they are used, as on the
/// standard schema, and the note says so; a copied schema must never drop
/// the statutes without a word (hostile review, 2026-12-04: COMPLIANT,
/// exit 0, on a case with eight statutory violations).
pub fn choose(
    has_policies: bool,
    chosen: Option<&[String]>,
    own_record: Option<&str>,
    fits: impl FnOnce(&[String]) -> bool,
) -> PackChoice {
    let defaults = || defaults().into_iter().map(String::from).collect::<Vec<_>>();
    match (chosen, has_policies, own_record) {
        (Some([]), true, _) => PackChoice {
            packs: vec![],
            note: Some(crate::msg!("pack-note-none-used")),
            left_out: vec![],
            unfit_schema: None,
        },
        (Some(named), _, _) => PackChoice {
            packs: named.to_vec(),
            note: None,
            left_out: vec![],
            unfit_schema: None,
        },
        (None, false, _) => PackChoice {
            packs: defaults(),
            note: None,
            left_out: vec![],
            unfit_schema: None,
        },
        (None, true, None) => PackChoice {
            note: Some(crate::msg!(
                "pack-note-beside-own",
                packs = crate::i18n::Arg::List(defaults())
            )),
            packs: defaults(),
            left_out: vec![],
            unfit_schema: None,
        },
        (None, true, Some(file)) if fits(&defaults()) => PackChoice {
            note: Some(crate::msg!(
                "pack-note-own-record-fits",
                packs = crate::i18n::Arg::List(defaults()),
                file = file
            )),
            packs: defaults(),
            left_out: vec![],
            unfit_schema: None,
        },
        (None, true, Some(file)) => PackChoice {
            packs: vec![],
            note: Some(crate::msg!(
                "pack-note-own-record",
                packs = crate::i18n::Arg::List(defaults()),
                file = file
            )),
            left_out: defaults(),
            unfit_schema: Some((file.to_string(), 0)),
        },
    }
}

/// `custodia packs`: every built-in pack with its rules (in file order), each
/// with kind, severity, title and citations. The packs are checked here like
/// any policy set, so a listing never shows a pack that would not load.
pub fn listing(lang: crate::i18n::Lang) -> Result<String, String> {
    let mut out = String::new();
    for name in names() {
        let Some(files) = get(name) else { continue };
        let mut sources = crate::syntax::span::SourceMap::default();
        for (path, text) in files {
            sources.add(format!("{}{path}", crate::check::BUILTIN_PREFIX), *text);
        }
        let mut checked = crate::check::check_sources(sources).map_err(|(_, errors)| {
            crate::t!(
                lang,
                "packs-does-not-check",
                pack = name,
                errors = format!("{errors:?}")
            ) + "\n"
        })?;
        // Titles in the language of the reports.
        checked.localize(lang);
        let mut rules: Vec<_> = checked.rules.iter().collect();
        rules.sort_by_key(|r| r.span.start);
        let paths: Vec<String> = files.iter().map(|(p, _)| format!("policies/{p}")).collect();
        out.push_str(&crate::t!(
            lang,
            "packs-pack",
            name = name,
            paths = paths.join(", ")
        ));
        out.push('\n');
        if rules.is_empty() {
            out.push_str(&format!("  {}\n", crate::t!(lang, "packs-standard-schema")));
        }
        // Kind and severity in words, padded by display width (a Chinese
        // character takes two columns).
        let pad = |text: String, columns: usize| {
            let n = columns.saturating_sub(crate::fmt::width(&text));
            text + &" ".repeat(n)
        };
        for r in rules {
            let kind =
                crate::i18n::catalogue::text(lang, &format!("kind-{}", r.kind.as_str()), &[]);
            let severity = crate::report::render::human::severity_word(lang, r.severity);
            out.push_str(&format!(
                "  {:<44} {} {} {}\n",
                r.name,
                pad(kind, 12),
                pad(severity, 7),
                r.title.as_deref().unwrap_or("")
            ));
            for c in &r.cite {
                out.push_str(&format!(
                    "  {:<44} {}\n",
                    "",
                    crate::t!(lang, "packs-cite", cite = c.as_str())
                ));
            }
        }
        out.push('\n');
    }
    out.push_str(&crate::t!(lang, "packs-use"));
    out.push('\n');
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::{get, names};

    /// Each `unchecked CITATION: ...` tag of a built-in rule (a part of a
    /// provision the rule does not check, which the audit report's statute
    /// table marks "partly checked": h24b F05) names a citation the rule
    /// cites, so that a changed citation does not leave the table marking
    /// the provision checked; and the words of time the law puts in no days
    /// are so tagged.
    #[test]
    fn every_unchecked_tag_names_a_citation_of_its_rule() {
        let mut tagged = Vec::new();
        for name in names() {
            for (_, text) in get(name).unwrap_or_default() {
                for rule in text.split("\n}\n") {
                    for (at, _) in rule.match_indices("\"unchecked ") {
                        let tag = &rule[at + 1..];
                        let cite =
                            &tag["unchecked ".len()..tag.find(": ").expect("a `: ` in the tag")];
                        assert!(
                            rule.contains(&format!("cite \"{cite}\"")),
                            "a rule of {name} tags `{cite}` unchecked but does not cite it"
                        );
                        tagged.push(cite.to_string());
                    }
                }
            }
        }
        for cite in [
            "个人信息保护法 第五十七条第一款",
            "GDPR Art. 34(1)",
            "GDPR Art. 17(1)",
        ] {
            assert!(
                tagged.iter().any(|t| t == cite),
                "{cite} is not tagged: {tagged:?}"
            );
        }
    }
}
