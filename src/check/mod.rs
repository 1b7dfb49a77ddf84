//! Stage 2: AST -> a typed, resolved policy set ([`Checked`]). Only a
//! `Checked` set can be evaluated.

pub mod error;
pub mod expr;
pub mod ir;
pub mod pii;
pub mod regex_budget;
pub mod rules;
pub mod schema;
pub mod suggest;

use std::collections::HashMap;

use crate::i18n::Lang;
use crate::syntax::ast::{
    CollectionDecl, Header, Item, LetDecl, PolicyFile, Rule, TestBlock, TypeExpr, Waiver,
};
use crate::syntax::span::{FileId, Parsed, SourceMap, Span};
use std::sync::Arc;

pub use error::{CheckError, PolicyDiagnostic};
use ir::CheckedRule;
use schema::Schema;

/// The standard schema shipped in the binary.
pub const STD_SCHEMA: &str = include_str!("../../policies/std/schema.policy");
pub const STD_SCHEMA_PATH: &str = "<builtin>/std/schema.policy";
/// Paths of policy files built into the binary start with this.
pub const BUILTIN_PREFIX: &str = "<builtin>/";

/// A policy set that parsed and type-checked.
#[derive(Debug)]
pub struct Checked {
    pub sources: SourceMap,
    pub header: Option<Header>,
    pub schema: Schema,
    /// Sorted by name.
    pub rules: Vec<CheckedRule>,
    pub waivers: Vec<Waiver>,
    pub tests: Vec<TestBlock>,
    /// The language of rule texts and enum labels in reports
    /// ([`Checked::localize`]).
    pub lang: Lang,
}

impl Checked {
    /// Puts every rule's title, help and `else` messages in `lang`, and
    /// makes message holes show enum values by their label in it; called
    /// once, before evaluation, where the report's options are set. The
    /// choice for each text is [`crate::syntax::localized::Localized::get`].
    pub fn localize(&mut self, lang: Lang) {
        self.lang = lang;
        for rule in &mut self.rules {
            rule.localize(lang);
        }
    }

    /// The label of the enum value `code` when `hole` reads a field whose
    /// values have labels, in the set's language; `None` otherwise (the
    /// code is shown).
    pub fn label(&self, hole: &ir::Ir, code: &str) -> Option<&str> {
        let ir::IrKind::Field { coll, field, .. } = &hole.kind else {
            return None;
        };
        let labels = &self.schema.collection(*coll).field(*field).labels;
        labels.get(code)?.written_for(self.lang).map(String::as_str)
    }

    pub fn rule(&self, name: &str) -> Option<&CheckedRule> {
        self.rules
            .binary_search_by(|r| r.name.as_str().cmp(name))
            .ok()
            .map(|i| &self.rules[i])
    }
}

/// Parses and checks every source in `sources`. When no file declares the
/// inventory (`record`), the standard schema is added first, so a set may
/// consist of `extend` blocks and rules only. A set with built-in packs
/// whose case file declares its own `record` must declare every field the
/// packs' rules name, with its type (a copy of the standard schema with a
/// field added does): when it does not, the one error says to `extend` the
/// standard `record` instead of the packs' many unknown fields.
pub fn check_sources(sources: SourceMap) -> Result<Checked, (SourceMap, Vec<CheckError>)> {
    let (sources, mut errors, packs_on_own_record) = match check_all(sources) {
        Ok(checked) => return Ok(checked),
        Err(failed) => failed,
    };
    if let Some(span) = packs_on_own_record {
        // The packs' rules naming fields the case's `record` lacks: one
        // error at that `record`, not one in a built-in file per field.
        let before = errors.len();
        errors.retain(|e| !misfit(&sources, e));
        if errors.len() < before {
            errors.push(CheckError::Schema {
                span,
                message: crate::msg!("schema-own-record-with-packs"),
            });
        }
    }
    Err((sources, sorted(errors)))
}

/// An error of a pack's rule on a case's own schema: a collection, field,
/// value or type the packs need that the schema does not declare so.
fn misfit(sources: &SourceMap, e: &CheckError) -> bool {
    matches!(
        e,
        CheckError::UnknownCollection { .. }
            | CheckError::UnknownField { .. }
            | CheckError::UnknownEnumValue { .. }
            | CheckError::UnknownRefTarget { .. }
            | CheckError::TypeMismatch { .. }
            | CheckError::ImplicitField { .. }
    ) && is_builtin(sources, e.span().file)
}

/// Every error of the set, and the span of the case's own `record` when
/// the set also holds built-in packs.
type Failed = (SourceMap, Vec<CheckError>, Option<Span>);

/// [`check_sources`] without putting the packs' errors on a case's own
/// `record` together (`packs_fit` reads them one by one).
fn check_all(mut sources: SourceMap) -> Result<Checked, Failed> {
    let mut errors = Vec::new();
    // Each file parses on its own: the packs' thousands of lines on the
    // pool. A file parsed before (a copy of this map was checked to choose
    // the packs) is not parsed again.
    let mut files: Vec<(FileId, Arc<Parsed>)> = {
        use rayon::prelude::*;
        let ids: Vec<FileId> = sources.files().map(|(id, _)| id).collect();
        ids.into_par_iter()
            .map(|id| (id, crate::syntax::parsed(&sources, id)))
            .collect()
    };
    for (_, parsed) in &files {
        errors.extend(parsed.1.iter().cloned().map(CheckError::Syntax));
    }
    // A std-schema pack already loaded counts as declaring the inventory.
    let own_record = files
        .iter()
        .find_map(|(id, f)| record_decl(&f.0).map(|span| (*id, span)));
    let packs_on_own_record = own_record
        .filter(|(id, _)| uses_packs(&sources) && !is_builtin(&sources, *id))
        .map(|(_, span)| span);
    // Packs named beside a schema of the case's own: a changed default
    // turns their verdicts as it does for packs chosen by default.
    if packs_on_own_record.is_some() {
        errors.extend(changed_from_standard(&sources));
    }
    if own_record.is_none() && errors.is_empty() {
        let id = sources.add(STD_SCHEMA_PATH, STD_SCHEMA);
        let parsed = crate::syntax::parsed(&sources, id);
        errors.extend(parsed.1.iter().cloned().map(CheckError::Syntax));
        files.insert(0, (id, parsed));
    }
    if !errors.is_empty() {
        return Err((sources, errors, None));
    }
    let mut checked = check_files(sources, &files, &mut errors);
    drop(files);
    // The trees are made: a run keeps its sources to the end, not them.
    checked.sources.forget_parses();
    if errors.is_empty() {
        return Ok(checked);
    }
    Err((checked.sources, errors, packs_on_own_record))
}

/// Whether the built-in packs `packs` check against the case's own
/// policies `sources` (which declare their own `record`): `Ok` when every
/// field, collection and value the packs' rules name is declared there
/// with its type; else the first error a pack's rule meets on it. Other
/// errors (a rule of the case named as a pack's, a typo in the case's own
/// rules) do not make the packs unfit: the check with them reports those
/// errors, rather than dropping the packs without a word (hostile review,
/// 2026-12-04: a rule named as a pack's dropped all five, COMPLIANT).
pub fn packs_fit(
    sources: &SourceMap,
    packs: &[(String, &'static str)],
) -> Result<(), Box<CheckError>> {
    if let Some(e) = changed_from_standard(sources) {
        return Err(Box::new(e));
    }
    let mut trial = sources.clone();
    for (path, text) in packs {
        trial.add(path.clone(), *text);
    }
    let Err((sources, errors, _)) = check_all(trial) else {
        return Ok(());
    };
    match errors.into_iter().find(|e| misfit(&sources, e)) {
        Some(e) => Err(Box::new(e)),
        None => Ok(()),
    }
}

/// The first field the case's own schema declares with another default
/// than the standard schema's, or with `one of` values it lacks
/// ([`added_enum_values`]). The packs' rules read a missing value as the
/// standard default: a copy with `encrypted: bool = true` made the
/// encryption rule pass on records that said nothing (hostile review,
/// 2026-12-05), where the type check saw nothing wrong.
fn changed_from_standard(sources: &SourceMap) -> Option<CheckError> {
    let text_of = |text: &str, e: &crate::syntax::ast::Expr| {
        text.get(e.span.start as usize..e.span.end as usize)
            .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
    };
    let std = crate::syntax::parse_file(STD_SCHEMA, FileId(0)).0;
    let standard: HashMap<(String, String), Option<String>> = schema_fields(&std)
        .map(|(c, f)| {
            let default = f.default.as_ref().and_then(|e| text_of(STD_SCHEMA, e));
            (
                (c.head.node.name().to_string(), f.name.node.clone()),
                default,
            )
        })
        .collect();
    let enums: HashMap<(String, String), &TypeExpr> = schema_fields(&std)
        .map(|(c, f)| {
            let key = (c.head.node.name().to_string(), f.name.node.clone());
            (key, &f.ty.node)
        })
        .collect();
    sources.files().find_map(|(id, file)| {
        let parsed = crate::syntax::parsed(sources, id);
        let found = schema_fields(&parsed.0).find_map(|(c, f)| {
            let collection = c.head.node.name().to_string();
            let key = (collection.clone(), f.name.node.clone());
            let standard = standard.get(&key)?;
            let own = f.default.as_ref().and_then(|e| text_of(&file.text, e));
            if own != *standard {
                return Some(CheckError::ChangedDefault {
                    collection,
                    field: f.name.node.clone(),
                    span: f.default.as_ref().map_or(f.name.span, |e| e.span),
                    own,
                    standard: standard.clone(),
                });
            }
            let added = added_enum_values(&f.ty.node, enums.get(&key)?)?;
            Some(CheckError::AddedEnumValues {
                collection,
                field: f.name.node.clone(),
                span: f.ty.span,
                added,
            })
        });
        found
    })
}

/// The values of the `one of` type `own` (or a list of one) that the
/// standard type `standard` lacks (`Some` of none: `own` is no `one of`
/// and takes any value). The packs select rows by these values
/// (`r.status in ["active", "archived"]`, `== "destroyed"`): a row of a
/// value they never heard of is in no rule's `where`, neither held nor
/// destroyed, so a copy adding `"sealed"` took a held record out of every
/// pack (hostile review, 2026-12-07). A value removed is harmless: a rule
/// naming it does not check, and a row holding it is an input error.
fn added_enum_values(own: &TypeExpr, standard: &TypeExpr) -> Option<Vec<String>> {
    let added = match (own, standard) {
        (TypeExpr::OneOf(own), TypeExpr::OneOf(standard)) => own
            .iter()
            .filter(|v| !standard.iter().any(|s| s.code == v.code))
            .map(|v| v.code.clone())
            .collect(),
        (TypeExpr::List(own), TypeExpr::List(standard)) => return added_enum_values(own, standard),
        // `status: text` admits every value: `sealed` passed as above.
        (_, TypeExpr::OneOf(_)) => return Some(Vec::new()),
        _ => return None,
    };
    Some(added).filter(|a: &Vec<String>| !a.is_empty())
}

/// The fields of the collections `f` declares (not its `extend`s).
/// The labels the standard schema gives a field's values (`"destroyed"
/// zh "已销毁"`), for a company's copy that leaves them out: a value map
/// sending `已销毁` to `active` contradicts custodia's own word either way.
pub fn standard_labels(collection: &str, field: &str) -> schema::Labels {
    standard_fields()
        .get(&(collection.to_string(), field.to_string()))
        .cloned()
        .unwrap_or_default()
}

/// Whether the standard schema declares `field` in `collection`.
pub fn is_standard_field(collection: &str, field: &str) -> bool {
    standard_fields().contains_key(&(collection.to_string(), field.to_string()))
}

/// Every field of the standard schema, by collection and name, with the
/// labels of its values.
fn standard_fields() -> &'static HashMap<(String, String), schema::Labels> {
    static STANDARD: std::sync::OnceLock<HashMap<(String, String), schema::Labels>> =
        std::sync::OnceLock::new();
    STANDARD.get_or_init(|| {
        let std = crate::syntax::parse_file(STD_SCHEMA, FileId(0)).0;
        schema_fields(&std)
            .map(|(c, f)| {
                let key = (c.head.node.name().to_string(), f.name.node.clone());
                (key, schema::labels_of(&f.ty.node))
            })
            .collect()
    })
}

fn schema_fields(
    f: &PolicyFile,
) -> impl Iterator<
    Item = (
        &crate::syntax::ast::CollectionDecl,
        &crate::syntax::ast::FieldDecl,
    ),
> {
    f.items
        .iter()
        .filter_map(|i| match i {
            Item::Schema(cs) => Some(cs),
            _ => None,
        })
        .flatten()
        .filter(|c| !c.extend)
        .flat_map(|c| c.fields.iter().map(move |f| (c, f)))
}

/// The share of the standard `record`'s fields that the case's own
/// `record` (declared in `sources`) also declares, by name: a copy of the
/// standard schema with a field changed declares nearly all of them; a
/// schema of the case's own (acme's 12 of 19) far fewer.
pub fn std_record_share(sources: &SourceMap) -> f64 {
    let fields = |ast: &PolicyFile| -> Vec<String> {
        ast.items
            .iter()
            .filter_map(|i| match i {
                Item::Schema(cs) => Some(cs),
                _ => None,
            })
            .flatten()
            .filter(|c| !c.extend && c.head.node == crate::syntax::ast::CollectionHead::Record)
            .flat_map(|c| c.fields.iter().map(|f| f.name.node.clone()))
            .collect()
    };
    let own: Vec<String> = sources
        .files()
        .flat_map(|(id, _)| fields(&crate::syntax::parsed(sources, id).0))
        .collect();
    let std = fields(&crate::syntax::parse_file(STD_SCHEMA, FileId(0)).0);
    let shared = std.iter().filter(|f| own.contains(f)).count();
    shared as f64 / std.len().max(1) as f64
}

/// The path of the first file of `sources` that declares its own `record`
/// (not an `extend`); the pack choice depends on it (`packs::choose`). A
/// file that does not parse counts by what parsed; its errors come later.
pub fn own_record_file(sources: &SourceMap) -> Option<String> {
    sources.files().find_map(|(id, f)| {
        record_decl(&crate::syntax::parsed(sources, id).0).map(|_| f.path.clone())
    })
}

/// The span of a `record` collection (not an `extend`) declared in `f`.
fn record_decl(f: &PolicyFile) -> Option<Span> {
    f.items.iter().find_map(|i| match i {
        Item::Schema(cs) => cs
            .iter()
            .find(|c| !c.extend && c.head.node == crate::syntax::ast::CollectionHead::Record)
            .map(|c| c.head.span),
        _ => None,
    })
}

fn is_builtin(sources: &SourceMap, id: FileId) -> bool {
    sources
        .files()
        .any(|(i, f)| i == id && f.path.starts_with(BUILTIN_PREFIX))
}

/// Whether the set includes a built-in pack (its rules assume the standard
/// schema, so a case may not replace it).
fn uses_packs(sources: &SourceMap) -> bool {
    sources
        .files()
        .any(|(_, f)| f.path.starts_with(BUILTIN_PREFIX) && f.path != STD_SCHEMA_PATH)
}

fn sorted(mut errors: Vec<CheckError>) -> Vec<CheckError> {
    errors.sort_by_key(|e| {
        let s = e.span();
        (s.file, s.start, s.end)
    });
    errors.dedup();
    errors
}

fn check_files(
    sources: SourceMap,
    files: &[(FileId, Arc<Parsed>)],
    errors: &mut Vec<CheckError>,
) -> Checked {
    let items: Vec<&Item> = files.iter().flat_map(|(_, f)| &f.0.items).collect();
    let decls: Vec<&CollectionDecl> = items
        .iter()
        .filter_map(|i| {
            if let Item::Schema(cs) = i {
                Some(cs)
            } else {
                None
            }
        })
        .flatten()
        .collect();
    let mut schema = schema::build(&decls, errors);
    let first_span = decls
        .first()
        .map_or(Span::new(FileId(0), 0, 0), |d| d.head.span);
    schema::validate(&schema, first_span, errors);
    rules::apply_defaults(&mut schema, &decls, errors);

    let header = headers(&items, errors);
    let lets: Vec<&LetDecl> = items
        .iter()
        .filter_map(|i| if let Item::Let(l) = i { Some(l) } else { None })
        .collect();
    // One name, one value: a second set-wide `let` silently replaced the
    // first, the file order deciding which (hostile review, 2026-12-05).
    unique_names(
        lets.iter().map(|l| (&l.name.node, l.name.span)),
        "let",
        errors,
    );
    // One budget for every regex of the set, in lets and rules alike.
    let mut regexes = regex_budget::RegexBudget::default();
    let consts = rules::set_lets(&schema, &lets, &mut regexes, errors);

    let rule_asts: Vec<&Rule> = items
        .iter()
        .filter_map(|i| {
            if let Item::Rule(r) = i {
                Some(&**r)
            } else {
                None
            }
        })
        .collect();
    unique_names(
        rule_asts.iter().map(|r| (&r.name.node, r.name.span)),
        "rule",
        errors,
    );
    let mut rules: Vec<CheckedRule> = rule_asts
        .iter()
        .filter_map(|r| rules::check_rule(&schema, &consts, r, &mut regexes, errors))
        .collect();
    rules.sort_by(|a, b| a.name.cmp(&b.name));
    rules.dedup_by(|a, b| a.name == b.name);

    let waivers: Vec<Waiver> = items
        .iter()
        .filter_map(|i| {
            if let Item::Waiver(w) = i {
                Some(w.clone())
            } else {
                None
            }
        })
        .collect();
    let tests: Vec<TestBlock> = items
        .iter()
        .filter_map(|i| {
            if let Item::Test(t) = i {
                Some(t.clone())
            } else {
                None
            }
        })
        .collect();
    unique_names(
        tests.iter().map(|t| (&t.name.node, t.name.span)),
        "test",
        errors,
    );
    let rule_names: Vec<String> = rules.iter().map(|r| r.name.clone()).collect();
    for t in &tests {
        rules::check_test(&schema, &rule_names, t, errors);
    }
    Checked {
        sources,
        header,
        schema,
        rules,
        waivers,
        tests,
        lang: Lang::default(),
    }
}

fn headers(items: &[&Item], errors: &mut Vec<CheckError>) -> Option<Header> {
    let headers: Vec<&Header> = items
        .iter()
        .filter_map(|i| {
            if let Item::Header(h) = i {
                Some(h)
            } else {
                None
            }
        })
        .collect();
    for extra in headers.iter().skip(1) {
        errors.push(CheckError::DuplicateName {
            what: "policy header",
            name: extra.name.node.clone(),
            span: extra.span,
            previous: headers[0].span,
        });
    }
    headers.first().map(|h| (*h).clone())
}

fn unique_names<'a>(
    names: impl Iterator<Item = (&'a String, Span)>,
    what: &'static str,
    errors: &mut Vec<CheckError>,
) {
    let mut seen: HashMap<&String, Span> = HashMap::new();
    for (name, span) in names {
        match seen.get(name) {
            Some(prev) => errors.push(CheckError::DuplicateName {
                what,
                name: name.clone(),
                span,
                previous: *prev,
            }),
            None => {
                seen.insert(name, span);
            }
        }
    }
}
