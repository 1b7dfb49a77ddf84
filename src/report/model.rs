//! The one neutral report model. Every renderer (human, JSON, and later
//! SARIF, JUnit, Markdown) reads this; none re-evaluates anything.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::data::case::NotRead;
use crate::data::{InputError, InputFile, Note};
use crate::i18n::Lang;
use crate::syntax::ast::Severity;
use crate::syntax::span::Span;
use crate::t;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    Violated,
    InsufficientEvidence,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Violated => "violated",
            Outcome::InsufficientEvidence => "insufficient_evidence",
        }
    }
}

/// A place in the data: an object of a collection and the row it came from.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct DataLoc {
    /// Shared by the locations of a collection a rule's run makes.
    pub collection: Arc<str>,
    /// Shared with `key` (and a subject's `subject_id`) when they are the same text.
    pub id: Option<Arc<str>>,
    /// Index into `Report::inputs`.
    pub file: Option<u32>,
    pub line: Option<u32>,
    pub offset: Option<u64>,
    /// The row holds `pii` fields, so its text is never shown.
    pub pii: bool,
    /// What names the object independently of where it sits in its file: the
    /// declared id, the collection name for the company, else a digest of the
    /// row's values. Fingerprints are built from it, so editing other lines
    /// of a file does not change them.
    pub key: Arc<str>,
}

/// Where one of a violation's `values` was read when its row came through
/// a mapping: the source's row and the column feeding the field. The
/// column's name is kept once per source (`InputFile::columns`) and the
/// value as written is read back when the report is built
/// (`Report::originals`): nothing is stored per cell while loading.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ValueSource {
    /// Index into `Violation::values`.
    pub value: u32,
    /// Index into `Report::inputs`.
    pub file: u32,
    pub line: u32,
    /// Index into that input's `columns`.
    pub column: u32,
    /// The value was masked: so is its original text.
    pub masked: bool,
}

/// A value's origin as reports show it: `保管期限` = `30年` at
/// `案卷目录.xlsx!案卷目录:10`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ValueOrigin<'a> {
    /// The path of `values` it is the origin of (`r.retention`).
    pub value: &'a str,
    pub file: &'a str,
    pub line: u32,
    pub column: &'a str,
    /// The cell as written (masked as the value is), `""` when empty;
    /// `None` when the source could not be read again.
    pub original: Option<&'a str>,
}

/// Original cell texts by (input, line, column index), read back for the
/// values the violations show.
pub type Originals = std::collections::HashMap<(u32, u32, u32), String>;

/// A place in a policy file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PolicyLoc {
    /// Shared by every violation of the file's rules.
    pub file: Arc<str>,
    pub line: u32,
    pub column: u32,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct WaiverInfo {
    pub until: String,
    pub because: String,
    pub by: Option<String>,
    pub policy: PolicyLoc,
}

/// One finding as the report keeps it: the clause it broke (shared, read
/// through `Deref`: `v.rule`, `v.severity`, `v.clause`), the fields set
/// after it was found, and the rest encoded in one allocation
/// ([`super::compact`]): a large check has hundreds of thousands, and a
/// [`Finding`] costs several times the text it carries (docs/scale.md,
/// "Memory"). [`Violation::finding`] opens one.
#[derive(Clone, Debug, PartialEq)]
pub struct Violation {
    broken: Arc<Broken>,
    /// Boxed: most violations have none.
    pub waiver: Option<Box<WaiverInfo>>,
    own: Box<[u8]>,
}

impl From<Finding> for Violation {
    fn from(f: Finding) -> Violation {
        Violation {
            own: super::compact::encode(&f),
            broken: f.broken,
            waiver: f.waiver,
        }
    }
}

impl std::ops::Deref for Violation {
    type Target = Broken;
    fn deref(&self) -> &Broken {
        &self.broken
    }
}

impl Violation {
    /// The whole finding, owned: what renderers show.
    pub fn finding(&self) -> Finding {
        let d = super::compact::decode(&self.own);
        Finding {
            broken: self.broken.clone(),
            outcome: d.outcome,
            message: d.message,
            subject_id: d.subject_id,
            subject: d.subject,
            subject_title: d.subject_title,
            evidence: d.evidence,
            values: d.values,
            sources: d.sources,
            waiver: self.waiver.clone(),
            fingerprint: d.fingerprint,
            baseline: d.baseline,
        }
    }

    pub fn outcome(&self) -> Outcome {
        super::compact::outcome(&self.own)
    }

    /// Set when the run is compared with a baseline (`--baseline`).
    pub fn baseline(&self) -> Option<BaselineState> {
        super::compact::baseline(&self.own)
    }

    pub fn set_baseline(&mut self, state: Option<BaselineState>) {
        super::compact::set_baseline(&mut self.own, state)
    }

    /// Stable identity across runs (see [`fingerprint`]); set by `report::build`.
    pub fn fingerprint(&self) -> Fingerprint {
        super::compact::fingerprint(&self.own)
    }

    pub fn set_fingerprint(&mut self, fp: Fingerprint) {
        super::compact::set_fingerprint(&mut self.own, fp)
    }

    pub fn broken(&self) -> &Arc<Broken> {
        &self.broken
    }

    pub fn subject_id(&self) -> &str {
        super::compact::subject_id(&self.own)
    }

    pub fn message(&self) -> &str {
        super::compact::message(&self.own)
    }

    pub fn subject(&self) -> super::compact::LocRef<'_> {
        super::compact::subject(&self.own)
    }

    pub fn evidence(&self) -> impl Iterator<Item = super::compact::LocRef<'_>> {
        super::compact::evidence(&self.own)
    }

    /// Whether a value came through a mapping (see [`ValueSource`]).
    pub fn has_sources(&self) -> bool {
        super::compact::has_sources(&self.own)
    }

    /// The bytes its encoded part takes (for the memory tests).
    pub fn encoded_len(&self) -> usize {
        self.own.len()
    }

    /// Its encoded part, for the file of `eval::spill`.
    pub(crate) fn encoded(&self) -> &[u8] {
        &self.own
    }

    /// A violation read back from `eval::spill`'s file: without a waiver,
    /// as every violation is until the rules are done.
    pub(crate) fn from_encoded(broken: Arc<Broken>, own: Box<[u8]>) -> Violation {
        Violation {
            broken,
            waiver: None,
            own,
        }
    }
}

/// What a [`Violation`] holds: what is its own (outcome, message, subject,
/// evidence, values) and, behind one pointer, the rule and clause it broke,
/// which every violation of that clause shares ([`Broken`], read through
/// `Deref`: `v.rule`, `v.title`, `v.clause`).
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub broken: Arc<Broken>,
    pub outcome: Outcome,
    pub message: Box<str>,
    /// The subject's id as the report names it (`FILE:LINE` for events
    /// without id); shares `subject.id`'s text when it is that.
    pub subject_id: Arc<str>,
    pub subject: DataLoc,
    /// The subject's `title` field (题名), for the audit report; `None`
    /// when its collection has none or the row holds personal information.
    pub subject_title: Option<Box<str>>,
    pub evidence: Box<[DataLoc]>,
    /// Each path and call of the failing clause with its value (PII
    /// masked); the paths are shared by the clause's violations.
    pub values: Box<[(Arc<str>, serde_json::Value)]>,
    /// Where values read from a mapped source came from (empty otherwise;
    /// an empty box does not allocate). See [`Report::value_origin`].
    pub sources: Box<[ValueSource]>,
    /// Boxed: most violations have none.
    pub waiver: Option<Box<WaiverInfo>>,
    /// Stable identity across runs (see [`fingerprint`]); set by `report::build`.
    pub fingerprint: Fingerprint,
    /// Set when the run is compared with a baseline (`--baseline`).
    pub baseline: Option<BaselineState>,
}

impl std::ops::Deref for Finding {
    type Target = Broken;
    fn deref(&self) -> &Broken {
        &self.broken
    }
}

/// The rule and clause a finding broke: the same for every violation of
/// the clause, so it is made once per clause and shared (a rule failing a
/// million rows holds one, not a million copies of its names and places).
#[derive(Clone, Debug, PartialEq)]
pub struct Broken {
    pub rule: Arc<str>,
    /// `retention` .. `rule`, or `integrity` / `waiver` for built-in checks.
    pub kind: &'static str,
    pub severity: Severity,
    pub title: Option<Arc<str>>,
    pub cite: Arc<[String]>,
    pub help: Option<Arc<str>>,
    pub policy: Option<PolicyLoc>,
    /// The source text of the failing clause (for `integrity.dangling_ref`,
    /// the ref field `collection.field`; it has no clause).
    pub clause: Option<Arc<str>>,
}

/// A violation's stable identity (the first 16 bytes of a SHA-256, see
/// [`fingerprint`]), kept as bytes and written as 32 hexadecimal digits:
/// 16 bytes a violation rather than a 32-character `String` (72).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Fingerprint(pub [u8; 16]);

impl Fingerprint {
    /// The 32 hexadecimal digits the reports show.
    pub fn to_hex(self) -> String {
        crate::text::hex(&self.0)
    }
}

impl std::fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.to_hex())
    }
}

impl serde::Serialize for Fingerprint {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_hex())
    }
}

/// Whether a violation was already in the baseline report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BaselineState {
    New,
    Unchanged,
}

impl BaselineState {
    pub fn as_str(self) -> &'static str {
        match self {
            BaselineState::New => "new",
            BaselineState::Unchanged => "baseline",
        }
    }
}

/// A violation of the baseline report that this run no longer finds.
#[derive(Clone, Debug, PartialEq)]
pub struct FixedViolation {
    pub rule: String,
    pub subject_id: String,
    pub message: String,
    pub fingerprint: String,
    /// `violated` or `insufficient_evidence`; empty in a baseline that
    /// does not say (then the fingerprint alone matches).
    pub outcome: String,
    /// The severity the finding had when the baseline was taken; `None`
    /// when the baseline does not say (or says something unknown): then it
    /// absorbs `info` findings only, so no warning or error that was never
    /// gated is hidden by it (`baseline::apply`).
    pub severity: Option<crate::syntax::ast::Severity>,
    /// The finding was waived when the baseline was taken: no run gated on
    /// it, so it absorbs only a finding that is waived now too.
    pub waived: bool,
}

/// The comparison with an earlier JSON report.
#[derive(Clone, Debug, PartialEq)]
pub struct Baseline {
    /// The baseline file as given on the command line.
    pub file: String,
    pub fixed: Vec<FixedViolation>,
}

/// Metadata and counts for every rule and built-in check in the set.
#[derive(Clone, Debug, PartialEq)]
pub struct RuleSummary {
    pub name: String,
    pub kind: String,
    pub severity: Severity,
    pub title: Option<String>,
    pub cite: Vec<String>,
    pub help: Option<String>,
    pub policy: Option<PolicyLoc>,
    pub subjects: u64,
    /// Subjects with at least one violation, waived or not.
    pub violated_subjects: u64,
    /// Subjects whose violations are all waived (set by `report::build`).
    pub waived_subjects: u64,
    /// A built-in check (`integrity.*`, `waiver.*`): it has no `for`, so
    /// `subjects` counts only the objects it found at fault.
    pub builtin: bool,
    /// The collection the rule's `for` ranges over.
    pub subject_collection: Option<String>,
    /// The collections the rule reads (its `for`, `match`/`forbid`/`count`/
    /// `exists` targets, the tables its refs lead to, the company), in
    /// schema order; empty for built-in checks, which read whatever was
    /// loaded.
    pub uses: Vec<String>,
    /// The collections of `uses` that decide its subjects (the `for`
    /// collection and what its `where` reads).
    pub selects: Vec<String>,
    /// What the rule's result means (set by `report::build`).
    pub status: RuleStatus,
    /// The collections of `uses` for which no source was supplied; the
    /// rule is then `NotChecked`.
    pub no_data: Vec<String>,
    /// The ids of the first subjects checked (at most
    /// `eval::MAX_LISTED_SUBJECTS`), in data order; filled only when a
    /// renderer lists passes (JUnit), empty otherwise.
    pub subject_ids: Vec<String>,
    /// Subjects a `where` or `when` could not decide (a value it needs
    /// missing), so not checked: said on the audit report's first page
    /// and in a note (`eval::unknown_notes`). Counted by both engines.
    pub unknown_subjects: u64,
    /// Unwaived findings whose clause could not be decided, a value it
    /// needs missing (`Outcome::InsufficientEvidence`; set by
    /// `report::build`): the rule did not check those subjects, so the run
    /// is not fully checked whatever the rule's severity (hostile review
    /// h24b F10: a warning rule read "every rule checked: yes").
    pub undecided_findings: u64,
    /// Text the rule compares a field with that no row holds, while rows
    /// hold a value a typo away (`eval::literals`): the rule does not test
    /// what is written, so the run is not fully checked.
    pub unmatched_values: Vec<UnmatchedValue>,
    /// A `where` or `when` of the rule that can never be true
    /// (`custodia::lint::never_true`): the rule checks nothing, so it is
    /// not checked and the run not fully checked (set by `app::run_check`
    /// for the case's own rules; hostile review h23b #11).
    pub never_true: Option<NeverTrue>,
    /// Parts of a provision the rule cites that it does not check, as its
    /// policy declares them in `tags` ([`UncheckedPart::from_tag`]): the
    /// audit report's statute table reads such a provision "partly
    /// checked", never "passed" (hostile review h24b F05).
    pub unchecked_parts: Vec<UncheckedPart>,
}

/// A part of a cited provision that a rule does not check: declared by a
/// tag `unchecked CITATION: WHAT`, or `unchecked CITATION: WHAT | WHAT IN
/// ENGLISH`, where CITATION is one of the rule's `cite` lines as written
/// (`tags ["unchecked 个人信息保护法 第五十七条第一款: 立即 | how soon
/// (立即, at once)"]`; docs/reports.md, "Provisions partly checked").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UncheckedPart {
    pub cite: String,
    /// What is not checked, in the policy's words.
    pub what: String,
    /// The same in English, when the tag gives it.
    pub what_en: Option<String>,
}

impl UncheckedPart {
    /// The tag's prefix.
    pub const TAG: &'static str = "unchecked ";

    /// The part a tag declares; `None` for any other tag, or one without
    /// `: ` and a text after it.
    pub fn from_tag(tag: &str) -> Option<UncheckedPart> {
        let rest = tag.strip_prefix(Self::TAG)?;
        let (cite, what) = rest.split_once(": ")?;
        let (what, en) = match what.split_once(" | ") {
            Some((what, en)) => (what, Some(en.trim().to_string())),
            None => (what, None),
        };
        let (cite, what) = (cite.trim(), what.trim());
        (!cite.is_empty() && !what.is_empty()).then(|| UncheckedPart {
            cite: cite.to_string(),
            what: what.to_string(),
            what_en: en.filter(|e| !e.is_empty()),
        })
    }

    /// What is not checked, in `lang` where the tag gives it.
    pub fn text(&self, lang: Lang) -> &str {
        match (lang, &self.what_en) {
            (Lang::En, Some(en)) => en,
            _ => &self.what,
        }
    }
}

/// A condition of a rule that can never be true, as the lint says it.
#[derive(Clone, Debug, PartialEq)]
pub struct NeverTrue {
    /// The condition's line in the rule's policy file.
    pub line: u32,
    /// `this \`where\` can never be true, so the rule checks nothing`.
    pub what: crate::i18n::Msg,
    /// Why: `it is \`false\``, `... cannot both hold`.
    pub why: crate::i18n::Msg,
}

impl NeverTrue {
    /// `line 12: this \`where\` can never be true, so the rule checks
    /// nothing (it is \`false\`)`.
    pub fn text(&self, lang: Lang) -> String {
        t!(
            lang,
            "never-true-text",
            line = self.line,
            what = self.what.text(lang),
            why = self.why.text(lang)
        )
    }
}

impl RuleSummary {
    /// Not checked because a collection it reads had no source (rather
    /// than, or besides, a value a typo away).
    pub fn lacks_data(&self) -> bool {
        !self.no_data.is_empty()
    }

    /// Its status in words: a rule not checked says why, for want of data,
    /// for a value a typo away, or for objects it could not decide.
    pub fn status_words(&self, lang: Lang) -> String {
        match self.not_checked_why() {
            Some(NotCheckedWhy::Unmatched) => t!(lang, "status-not-checked-unmatched"),
            Some(NotCheckedWhy::NeverTrue) => t!(lang, "status-not-checked-never-true"),
            Some(NotCheckedWhy::Undecided) => t!(lang, "status-not-checked-undecided"),
            _ => self.status.words(lang),
        }
    }

    /// Why the rule is `NotChecked`, the first that applies; `None` for
    /// any other status.
    pub fn not_checked_why(&self) -> Option<NotCheckedWhy> {
        if self.status != RuleStatus::NotChecked {
            None
        } else if self.lacks_data() {
            Some(NotCheckedWhy::NoData)
        } else if self.never_true.is_some() {
            Some(NotCheckedWhy::NeverTrue)
        } else if !self.unmatched_values.is_empty() {
            Some(NotCheckedWhy::Unmatched)
        } else {
            Some(NotCheckedWhy::Undecided)
        }
    }
}

/// Why a rule was not checked (`RuleStatus::NotChecked`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotCheckedWhy {
    /// A collection it reads had no source.
    NoData,
    /// It compares a field with text no row holds, a typo away from text
    /// rows hold.
    Unmatched,
    /// A `where` or `when` of it can never be true: it checks nothing.
    NeverTrue,
    /// Its `where` or `when` could not decide some objects, and it found
    /// nothing in the others.
    Undecided,
}

/// Unmatched values as the report and `explain` say them: `` `record.category`
/// with "acounting_voucher", which no row holds (3 rows hold
/// "accounting_voucher") ``, joined by the language's list comma.
pub fn unmatched_values_text(values: &[UnmatchedValue], lang: Lang) -> String {
    let each: Vec<String> = (values.iter())
        .map(|u| {
            t!(
                lang,
                "not-checked-unmatched-value",
                field = u.field.as_str(),
                value = u.value.as_str(),
                near = u.near.as_str(),
                rows = u.rows
            )
        })
        .collect();
    each.join(&t!(lang, "list-comma"))
}

/// A literal of a rule that no row of its field holds, beside the value
/// rows hold that is nearest it (masked where the field is personal).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnmatchedValue {
    /// `collection.field`.
    pub field: String,
    /// The literal as the rule writes it.
    pub value: String,
    /// The held value nearest it.
    pub near: String,
    /// How many rows hold `near`.
    pub rows: u64,
}

/// What a rule's result means, for every report (docs/reports.md,
/// "Verdict and rule status"). When several apply, the first listed wins.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum RuleStatus {
    /// A collection the rule needs had no source, or the rule compares a
    /// field with text no row holds while rows hold a value a typo away
    /// (`RuleSummary::unmatched_values`): nothing it says, pass or fail,
    /// rests on what it was written to test. Its findings are still listed.
    /// Also a rule with no unwaived finding whose `where` or `when` could
    /// not decide some objects (`RuleSummary::unknown_subjects`): it did
    /// not check them ([`NotCheckedWhy`]).
    NotChecked,
    /// At least one unwaived finding.
    Violated,
    /// Every source was supplied and no object was a subject of the rule.
    NotApplicable,
    /// Subjects were checked and none has an unwaived finding.
    #[default]
    Passed,
}

impl RuleStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            RuleStatus::NotChecked => "not_checked",
            RuleStatus::Violated => "violated",
            RuleStatus::NotApplicable => "not_applicable",
            RuleStatus::Passed => "passed",
        }
    }
    /// The words of the human and audit reports.
    pub fn words(self, lang: Lang) -> String {
        match self {
            RuleStatus::NotChecked => t!(lang, "status-not-checked"),
            RuleStatus::Violated => t!(lang, "status-violated"),
            RuleStatus::NotApplicable => t!(lang, "status-not-applicable"),
            RuleStatus::Passed => t!(lang, "status-passed"),
        }
    }
}

/// What was read for one collection that the rules use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Coverage {
    pub collection: String,
    /// `record`, `event`, `table` or `company`.
    pub kind: &'static str,
    /// The files that fed it (relative paths); empty: no source supplied.
    pub files: Vec<String>,
    /// Rows loaded.
    pub rows: u64,
    /// Input errors in its files: rows (or whole files) left out.
    pub input_errors: u64,
    /// Files the case gave for it (a log entry's `kind:`) that fed it no
    /// row because every row was refused by an input error: it is not
    /// supplied, but "no log supplied" would be false (hostile review f6,
    /// 2026-12-08). Empty when some row was read, or nothing was given.
    pub refused: Vec<String>,
    /// Files the case gave for it (a log entry's `kind:`) that were read
    /// without an input error and hold no row (a header alone): not
    /// supplied either, but "no log supplied" pointed the reader at the
    /// mapping or the file's name (hostile review h23a M1).
    pub empty: Vec<String>,
    /// Files an entry of custodia.yaml reads into it that fed it no row
    /// because that entry's mapping has an input error (a column the file
    /// lacks, a bad `values:`): given, not read, and no source; each
    /// points at the error (`InputFile::mapping_failed`).
    pub unmapped: Vec<MappingFailed>,
}

/// One of [`Coverage::unmapped`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MappingFailed {
    /// The data file, as the report lists files.
    pub file: String,
    /// custodia.yaml, and the line of the first error of the entry.
    pub manifest: String,
    pub line: u32,
}

impl Coverage {
    pub fn supplied(&self) -> bool {
        !self.files.is_empty()
    }
    /// Given, but not read for an error in its mapping (which wins over
    /// rows refused or none: the file was never read as the entry says).
    pub fn mapping_failed(&self) -> bool {
        !self.supplied() && !self.unmapped.is_empty()
    }
    /// Given, but every row of it refused by an input error.
    pub fn all_refused(&self) -> bool {
        !self.supplied() && !self.mapping_failed() && !self.refused.is_empty()
    }
    /// Given and read, but holding no row (and no row refused).
    pub fn read_empty(&self) -> bool {
        !self.supplied()
            && !self.mapping_failed()
            && self.refused.is_empty()
            && !self.empty.is_empty()
    }
    /// The files of [`Coverage::unmapped`], joined.
    pub fn unmapped_files(&self, lang: Lang) -> String {
        let files: Vec<&str> = self.unmapped.iter().map(|m| m.file.as_str()).collect();
        files.join(&t!(lang, "list-comma"))
    }
    /// Where the errors of [`Coverage::unmapped`] are: `custodia.yaml:27`.
    pub fn unmapped_at(&self, lang: Lang) -> String {
        let at: Vec<String> = (self.unmapped.iter())
            .map(|m| format!("{}:{}", m.manifest, m.line))
            .collect();
        at.join(&t!(lang, "list-comma"))
    }
    /// `log \`access\` (查阅登记.csv; see the input error at
    /// custodia.yaml:27)`: what was given and not read, and where its
    /// mapping's error is.
    pub fn describe_unmapped(&self, lang: Lang) -> String {
        t!(
            lang,
            "coverage-unmapped-files",
            data = self.describe(lang),
            files = self.unmapped_files(lang),
            at = self.unmapped_at(lang)
        )
    }
    /// `log \`access\` (查阅登记.csv)`: what was given and read empty.
    pub fn describe_empty(&self, lang: Lang) -> String {
        let files = self.empty.join(&t!(lang, "list-comma"));
        t!(
            lang,
            "coverage-given-files",
            data = self.describe(lang),
            files = files
        )
    }
    /// `log \`access\` (查阅登记.csv)`: what was given, and its files.
    pub fn describe_refused(&self, lang: Lang) -> String {
        let files = self.refused.join(&t!(lang, "list-comma"));
        t!(
            lang,
            "coverage-given-files",
            data = self.describe(lang),
            files = files
        )
    }
    /// `log \`backup\``, `table \`staff\``, `inventory`, `company facts (company.yaml)`.
    pub fn describe(&self, lang: Lang) -> String {
        describe_collection(lang, self.kind, &self.collection)
    }
}

/// Scope the run did not check although it exists, each named by the
/// verdict (docs/reports.md, "Rows left out by `skip:`", "Data left out by
/// `ignore:`", "Statute packs left out by custodia.yaml", "Events dated
/// after `as_of`"): rows a `skip:` of custodia.yaml left out knowingly (the
/// loader's note `mapping-rows-skipped`), a file, folder, sheet or table
/// holding data that its `ignore:` left out, the default statute packs its
/// `packs:` left out, or the events of a log dated after `as_of`. Each
/// makes the verdict `NOT FULLY CHECKED`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// The file, as the note names it, the entry `ignore:` covers,
    /// `custodia.yaml` for `packs:`, or the log holding future events.
    pub file: String,
    /// What was left out.
    pub what: LeftOut,
    /// The line of the `skip:`, `ignore:` or `packs:` in custodia.yaml, or
    /// of the log's first event dated after `as_of`.
    pub line: u32,
}

/// What a [`Skipped`] left out of the check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LeftOut {
    /// Rows a `skip:` left out.
    Rows(u64),
    /// All of an entry `ignore:` covers.
    Ignored,
    /// The default statute packs `packs:` of custodia.yaml left out, which
    /// would otherwise have been checked.
    Packs(Vec<String>),
    /// The default statute packs left out because the case's own `record`
    /// schema (the [`Skipped`]'s file and line) lacks fields their rules
    /// use: left out as by `packs: []` (hostile review h23b #5).
    PacksUnfit(Vec<String>),
    /// Events of the log dated after `as_of`: they went through the rules,
    /// but on `as_of` they had not happened, so a rule that an event
    /// satisfies was not shown to hold on that day.
    FutureEvents(u64),
}

impl LeftOut {
    /// Whether `--allow-skipped` accepts it: the case's manifest took it
    /// out of the check, and the auditor has read what. Events dated after
    /// `as_of` are not accepted by any flag: the log or `as_of` is wrong,
    /// and which cannot be told from here (docs/reports.md).
    pub fn accepted_by_allow_skipped(&self) -> bool {
        !matches!(self, LeftOut::FutureEvents(_))
    }
}

impl Skipped {
    /// The skips the notes of a run tell of, by file and manifest line
    /// (one note per `skip:` line of a file).
    pub fn from_notes(notes: &[Note]) -> Vec<Skipped> {
        let mut skips: Vec<Skipped> = notes
            .iter()
            .filter_map(|n| {
                let (rows, line) = crate::data::mapping::messages::read_rows_skipped(&n.message)?;
                Some(Skipped {
                    file: n.file.clone(),
                    what: LeftOut::Rows(rows),
                    line,
                })
            })
            .collect();
        skips.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
        skips
    }

    /// The entries an `ignore:` left out that hold data (`NotRead`).
    pub fn from_not_read(not_read: &[crate::data::case::NotRead]) -> Vec<Skipped> {
        let ignored = not_read.iter().filter_map(|n| {
            Some(Skipped {
                file: n.path.clone(),
                what: LeftOut::Ignored,
                line: n.ignored_data?,
            })
        });
        ignored.collect()
    }

    /// Per log, the events dated after `as_of` (the `integrity.future_event`
    /// findings, waived or not: a waiver cannot make an event have
    /// happened), with the line of the first; `inputs` names the files.
    pub fn future_events(violations: &[Violation], inputs: &[InputFile]) -> Vec<Skipped> {
        let mut per_file: BTreeMap<String, (u64, u32)> = BTreeMap::new();
        for v in violations.iter().filter(|v| &*v.rule == FUTURE_EVENT) {
            let subject = v.subject();
            let file = match subject.file.and_then(|f| inputs.get(f as usize)) {
                Some(input) => input.path.clone(),
                None => subject.collection.to_string(),
            };
            // A row of a database table has no line: the first with one.
            let line = subject.line.unwrap_or(u32::MAX);
            let entry = per_file.entry(file).or_insert((0, line));
            entry.0 += 1;
            entry.1 = entry.1.min(line);
        }
        (per_file.into_iter())
            .map(|(file, (count, line))| Skipped {
                file,
                what: LeftOut::FutureEvents(count),
                line: if line == u32::MAX { 0 } else { line },
            })
            .collect()
    }

    /// `2 rows of `logs/access.csv` left out by `skip:` (custodia.yaml line 11)`.
    pub fn describe(&self, lang: Lang) -> String {
        match &self.what {
            LeftOut::Rows(rows) => t!(
                lang,
                "not-checked-skipped",
                count = *rows,
                file = self.file.as_str(),
                line = self.line
            ),
            LeftOut::Ignored => t!(
                lang,
                "not-checked-ignored",
                file = self.file.as_str(),
                line = self.line
            ),
            LeftOut::Packs(packs) => t!(
                lang,
                "not-checked-packs",
                count = packs.len(),
                packs = packs.join(&t!(lang, "list-comma")),
                line = self.line
            ),
            LeftOut::PacksUnfit(packs) => t!(
                lang,
                "not-checked-packs-own-schema",
                count = packs.len(),
                packs = packs.join(&t!(lang, "list-comma")),
                file = self.file.as_str(),
                line = self.line
            ),
            LeftOut::FutureEvents(count) => t!(
                lang,
                "not-checked-future-events",
                count = *count,
                file = self.file.as_str(),
                line = self.line
            ),
        }
    }
}

/// The built-in check whose findings are events dated after `as_of`.
pub const FUTURE_EVENT: &str = "integrity.future_event";

/// How reports name a collection that had no source.
pub fn describe_collection(lang: Lang, kind: &str, name: &str) -> String {
    match kind {
        "record" => t!(lang, "collection-inventory"),
        "company" => t!(lang, "collection-company"),
        "event" => t!(lang, "collection-log", name = name),
        _ => t!(lang, "collection-table", name = name),
    }
}

/// The overall finding of a check; the first listed that applies wins
/// (docs/reports.md, "Verdict and rule status").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Input errors: rows were left out.
    Incomplete,
    /// An unwaived error.
    NotCompliant,
    /// A rule was not checked for want of data, or the inventory is empty.
    NotFullyChecked,
    /// Unwaived warnings or infos only.
    CompliantWithFindings,
    /// Every rule was checked, against at least one record, and none failed.
    Compliant,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Incomplete => "INCOMPLETE",
            Verdict::NotCompliant => "NOT COMPLIANT",
            Verdict::NotFullyChecked => "NOT FULLY CHECKED",
            Verdict::CompliantWithFindings => "COMPLIANT WITH FINDINGS",
            Verdict::Compliant => "COMPLIANT",
        }
    }
    /// The verdict in words of the report's language (`不合规`).
    pub fn words(self, lang: Lang) -> String {
        match self {
            Verdict::Incomplete => t!(lang, "verdict-incomplete"),
            Verdict::NotCompliant => t!(lang, "verdict-not-compliant"),
            Verdict::NotFullyChecked => t!(lang, "verdict-not-fully-checked"),
            Verdict::CompliantWithFindings => t!(lang, "verdict-compliant-with-findings"),
            Verdict::Compliant => t!(lang, "verdict-compliant"),
        }
    }
    /// The JSON/SARIF value.
    pub fn id(self) -> &'static str {
        match self {
            Verdict::Incomplete => "incomplete",
            Verdict::NotCompliant => "not_compliant",
            Verdict::NotFullyChecked => "not_fully_checked",
            Verdict::CompliantWithFindings => "compliant_with_findings",
            Verdict::Compliant => "compliant",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Counts {
    pub error: u64,
    pub warning: u64,
    pub info: u64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub rules: u64,
    pub records: u64,
    pub events: u64,
    pub violations: Counts,
    pub waived: u64,
    pub input_errors: u64,
}

/// The repository root and the case directory, both absolute and without
/// `.` or `..`; empty when unknown (paths are then named from the case).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Roots {
    pub repo: std::path::PathBuf,
    pub case: std::path::PathBuf,
}

#[derive(Clone, Debug)]
pub struct Report {
    pub tool_version: &'static str,
    pub as_of: String,
    pub time_zone: String,
    pub complete: bool,
    pub inputs: Vec<InputFile>,
    pub summary: Summary,
    pub rules: Vec<RuleSummary>,
    /// Ordered by rule id, subject id, evidence location.
    pub violations: Vec<Violation>,
    pub input_errors: Vec<InputError>,
    pub notes: Vec<Note>,
    /// Files and folders of the case that were not read, with why.
    pub not_read: Vec<NotRead>,
    pub baseline: Option<Baseline>,
    /// Where the case sits in its repository. SARIF, GitHub annotations and
    /// Code Quality name files from the repository root, which is what their
    /// readers resolve paths against (`render::paths`).
    pub roots: Roots,
    /// `--fail-on`: the lowest severity that fails the run (`None`: never).
    /// JUnit shows only violations that fail the run as failures.
    pub fail_on: Option<Severity>,
    /// Whether `--allow-not-checked` and `--allow-skipped` accepted all the
    /// run did not check, leaving the exit status to `--fail-on`; when not,
    /// a run not fully checked exits 2 and JUnit has an `<error>` for it.
    pub not_checked_accepted: bool,
    /// The company object's fields (PII masked), in schema order.
    pub company: Vec<(String, serde_json::Value)>,
    /// The company's facts declared `pii`, shown masked in `company`: a
    /// baseline cannot be told to be this company's by them.
    pub company_personal: Vec<String>,
    /// Per collection the rules use, in schema order: what was read.
    pub coverage: Vec<Coverage>,
    /// The built-in packs checked, and what the report says about the
    /// choice (`packs::choose`).
    pub packs: Vec<String>,
    pub packs_note: Option<String>,
    /// What exists and was left out of the check: rows a `skip:` of
    /// custodia.yaml left out, per file and line; data its `ignore:` left
    /// out; default packs its `packs:` left out; events after `as_of`.
    pub skipped: Vec<Skipped>,
    /// What chose the packs when the case or the command line named them
    /// (`custodia.yaml`, `--pack`): the terminal report says so.
    pub packs_chosen_by: Option<&'static str>,
    /// The default packs that would otherwise apply and that the packs
    /// named (by custodia.yaml or `--pack`) leave out.
    pub packs_left_out: Vec<String>,
    /// The case's policy file and line of its own `record`, when that
    /// schema left the default packs out (`packs::PackChoice::unfit_schema`).
    pub packs_unfit_schema: Option<(String, u32)>,
    /// The language of the report's own words (`--lang`, `lang:` in
    /// custodia.yaml, the locale); rule titles and messages come as the
    /// model gives them.
    pub lang: Lang,
    /// How much the human and audit reports show.
    pub view: View,
    /// The cells of mapped sources as written, for [`Report::value_origin`].
    pub originals: Originals,
}

/// How much of the report the human and audit formats show; the machine
/// formats always have everything.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct View {
    /// Findings shown per rule on the terminal (`--max-per-rule`); `None`:
    /// all of them (`--all`).
    pub per_rule: Option<usize>,
    /// The audit report's summary page only (`--summary-only`).
    pub summary_only: bool,
}

/// Findings the terminal report shows per rule unless told otherwise.
pub const DEFAULT_PER_RULE: usize = 3;

impl Default for View {
    fn default() -> View {
        View {
            per_rule: Some(DEFAULT_PER_RULE),
            summary_only: false,
        }
    }
}

impl Report {
    /// Everything but the violations (which may be millions).
    pub fn clone_without_violations(&self) -> Report {
        Report {
            tool_version: self.tool_version,
            as_of: self.as_of.clone(),
            time_zone: self.time_zone.clone(),
            complete: self.complete,
            inputs: self.inputs.clone(),
            summary: self.summary.clone(),
            rules: self.rules.clone(),
            violations: Vec::new(),
            input_errors: self.input_errors.clone(),
            notes: self.notes.clone(),
            not_read: self.not_read.clone(),
            baseline: self.baseline.clone(),
            company: self.company.clone(),
            company_personal: self.company_personal.clone(),
            roots: self.roots.clone(),
            fail_on: self.fail_on,
            not_checked_accepted: self.not_checked_accepted,
            coverage: self.coverage.clone(),
            packs: self.packs.clone(),
            packs_note: self.packs_note.clone(),
            skipped: self.skipped.clone(),
            packs_chosen_by: self.packs_chosen_by,
            packs_left_out: self.packs_left_out.clone(),
            packs_unfit_schema: self.packs_unfit_schema.clone(),
            lang: self.lang,
            view: self.view,
            // The head of a report has no violations to look them up for.
            originals: Originals::new(),
        }
    }

    /// The overall finding; see [`Verdict`]. It does not follow
    /// `--fail-on` or `--allow-not-checked`, which decide the exit status.
    pub fn verdict(&self) -> Verdict {
        if !self.complete {
            Verdict::Incomplete
        } else if self.summary.violations.error > 0 {
            Verdict::NotCompliant
        } else if !self.fully_checked() {
            Verdict::NotFullyChecked
        } else if self.summary.violations.warning + self.summary.violations.info > 0 {
            // From the counts, not `self.violations`: renderers that stream
            // the violations judge a copy that holds none (the JSON report
            // said COMPLIANT beside a warning).
            Verdict::CompliantWithFindings
        } else {
            Verdict::Compliant
        }
    }

    /// Every rule had its data, the inventory had records, some rule
    /// applied to an object, and nothing was left out ([`Skipped`]: a
    /// `skip:`, an `ignore:`, `packs:`, events after `as_of`).
    pub fn fully_checked(&self) -> bool {
        self.rules_fully_checked() && self.skipped.is_empty()
    }

    /// Every rule had its data and decided which objects it applies to,
    /// the inventory had records and some rule applied to an object: what
    /// `--allow-not-checked` accepts when not (rows left out by `skip:`
    /// are accepted by `--allow-skipped`).
    pub fn rules_fully_checked(&self) -> bool {
        self.rules_checked_but_findings() && self.undecided_findings().next().is_none()
    }

    /// [`Report::rules_fully_checked`] but for findings of insufficient
    /// evidence: those leave the run not fully checked, and decide the
    /// exit status only when it would otherwise pass (`app::exit_status`).
    pub fn rules_checked_but_findings(&self) -> bool {
        self.not_checked().next().is_none()
            && self.undecided().next().is_none()
            && self.mistyped().next().is_none()
            && self.never_true().next().is_none()
            && !self.no_records()
            && !self.nothing_applied()
    }

    /// Rules whose `where` or `when` was unknown for some objects, which
    /// they therefore did not check (`RuleSummary::unknown_subjects`): a
    /// catalogue row whose category names no schedule row, a blank
    /// `medium`. They leave the check not fully checked, as a rule without
    /// its data does (docs/reports.md, "Verdict and rule status").
    pub fn undecided(&self) -> impl Iterator<Item = &RuleSummary> {
        self.rules.iter().filter(|r| r.unknown_subjects > 0)
    }

    /// Rules with unwaived findings whose clause could not be decided
    /// (`RuleSummary::undecided_findings`): their subjects were not
    /// checked, so the run is not fully checked, at any severity.
    pub fn undecided_findings(&self) -> impl Iterator<Item = &RuleSummary> {
        self.rules.iter().filter(|r| r.undecided_findings > 0)
    }

    /// Rules comparing a field with text no row holds while rows hold a
    /// value a typo away (`RuleSummary::unmatched_values`): they do not
    /// test what is written, so the run is not fully checked.
    pub fn mistyped(&self) -> impl Iterator<Item = &RuleSummary> {
        self.rules.iter().filter(|r| !r.unmatched_values.is_empty())
    }

    /// Rules with a `where` or `when` that can never be true
    /// (`RuleSummary::never_true`): they check nothing.
    pub fn never_true(&self) -> impl Iterator<Item = &RuleSummary> {
        self.rules.iter().filter(|r| r.never_true.is_some())
    }

    /// How a rule's unmatched values read: `` `record.category` with
    /// "acounting_voucher", which no row holds (3 rows hold
    /// "accounting_voucher") ``.
    pub fn unmatched_text(&self, rule: &RuleSummary) -> String {
        self.unmatched_text_in(rule, self.lang)
    }

    /// [`Report::unmatched_text`] in `lang`.
    pub fn unmatched_text_in(&self, rule: &RuleSummary, lang: Lang) -> String {
        unmatched_values_text(&rule.unmatched_values, lang)
    }

    /// The set has rules, all of them had their data, and not one applied
    /// to any object (every one `not_applicable`, e.g. each `for` has a
    /// `where` no row meets): the check read the data but tested nothing,
    /// which is no more a pass than a set with no rule (docs/reports.md).
    pub fn nothing_applied(&self) -> bool {
        let mut rules = self.rules.iter().filter(|r| !r.builtin).peekable();
        rules.peek().is_some() && rules.all(|r| r.status == RuleStatus::NotApplicable)
    }

    /// What a rule not checked lacked, as reports name it: `log \`backup\``,
    /// `table \`staff\``, `inventory`, ... joined by commas.
    pub fn lacking(&self, rule: &RuleSummary) -> String {
        self.lacking_in(rule, self.lang)
    }

    /// Why a rule lacked its data, one clause per cause: `absent` words
    /// the collections no source was given for (`no log \`backup\``
    /// supplied), `refused` those given whose every row an input error
    /// refused (`every row of log \`access\` (查阅登记.csv) was refused`);
    /// each is handed the collections' names joined by commas.
    pub fn lack_text(
        &self,
        rule: &RuleSummary,
        lang: Lang,
        absent: &dyn Fn(String) -> String,
        refused: &dyn Fn(String) -> String,
        empty: &dyn Fn(String) -> String,
        unmapped: &dyn Fn(String) -> String,
    ) -> String {
        let lacking: Vec<&Coverage> = (rule.no_data.iter())
            .filter_map(|name| self.coverage.iter().find(|c| &c.collection == name))
            .collect();
        let comma = t!(lang, "list-comma");
        let (not_read, lacking): (Vec<&Coverage>, Vec<&Coverage>) =
            lacking.into_iter().partition(|c| c.mapping_failed());
        let (given, none): (Vec<&Coverage>, Vec<&Coverage>) =
            lacking.into_iter().partition(|c| c.all_refused());
        let (read_empty, none): (Vec<&Coverage>, Vec<&Coverage>) =
            none.into_iter().partition(|c| c.read_empty());
        let mut parts = Vec::new();
        if !not_read.is_empty() {
            let names: Vec<String> = (not_read.iter())
                .map(|c| c.describe_unmapped(lang))
                .collect();
            parts.push(unmapped(names.join(&comma)));
        }
        if !none.is_empty() || (given.is_empty() && read_empty.is_empty() && not_read.is_empty()) {
            let names: Vec<String> = none.iter().map(|c| c.describe(lang)).collect();
            parts.push(absent(names.join(&comma)));
        }
        if !given.is_empty() {
            let names: Vec<String> = given.iter().map(|c| c.describe_refused(lang)).collect();
            parts.push(refused(names.join(&comma)));
        }
        if !read_empty.is_empty() {
            let names: Vec<String> = (read_empty.iter())
                .map(|c| c.describe_empty(lang))
                .collect();
            parts.push(empty(names.join(&comma)));
        }
        parts.join(&t!(lang, "list-separator"))
    }

    /// [`Report::lacking`] in `lang`.
    pub fn lacking_in(&self, rule: &RuleSummary, lang: Lang) -> String {
        let lacking: Vec<String> = rule
            .no_data
            .iter()
            .filter_map(|name| self.coverage.iter().find(|c| &c.collection == name))
            .map(|c| c.describe(lang))
            .collect();
        lacking.join(&t!(lang, "list-comma"))
    }

    /// The rules not checked, for want of data or for a value a typo away.
    pub fn not_checked(&self) -> impl Iterator<Item = &RuleSummary> {
        self.rules
            .iter()
            .filter(|r| r.status == RuleStatus::NotChecked)
    }

    /// The rules not checked for want of data.
    pub fn without_data(&self) -> impl Iterator<Item = &RuleSummary> {
        self.not_checked().filter(|r| r.lacks_data())
    }

    /// Why a rule was not checked, after its status: `not checked (no
    /// data): no source was supplied for log \`backup\`` (SARIF, JUnit).
    pub fn not_checked_reason(&self, rule: &RuleSummary) -> String {
        let lang = self.lang;
        match rule.not_checked_why() {
            Some(NotCheckedWhy::NoData) | None => self.lack_text(
                rule,
                lang,
                &|data| t!(lang, "report-not-checked-no-source", data = data),
                &|data| t!(lang, "report-not-checked-rows-refused", data = data),
                &|data| t!(lang, "report-not-checked-read-empty", data = data),
                &|data| t!(lang, "report-not-checked-unmapped", data = data),
            ),
            Some(NotCheckedWhy::Unmatched) => {
                let values = self.unmatched_text(rule);
                t!(lang, "report-not-checked-unmatched", values = values)
            }
            Some(NotCheckedWhy::NeverTrue) => {
                let why = (rule.never_true.as_ref()).map_or_else(String::new, |n| n.text(lang));
                t!(lang, "report-not-checked-never-true", why = why)
            }
            Some(NotCheckedWhy::Undecided) => {
                let count = rule.unknown_subjects;
                t!(lang, "report-not-checked-undecided", count = count)
            }
        }
    }

    /// `rule backup_kept was not checked: no source was supplied for …`
    /// in `lang` (GitHub annotations, Code Quality).
    pub fn rule_not_checked_text(&self, rule: &RuleSummary, lang: Lang) -> String {
        let name = rule.name.as_str();
        match rule.not_checked_why() {
            Some(NotCheckedWhy::NoData) | None => self.lack_text(
                rule,
                lang,
                &|data| t!(lang, "report-rule-not-checked", rule = name, data = data),
                &|data| t!(lang, "report-rule-rows-refused", rule = name, data = data),
                &|data| t!(lang, "report-rule-read-empty", rule = name, data = data),
                &|data| t!(lang, "report-rule-unmapped", rule = name, data = data),
            ),
            Some(NotCheckedWhy::Unmatched) => {
                let values = self.unmatched_text_in(rule, lang);
                t!(lang, "report-rule-unmatched", rule = name, values = values)
            }
            Some(NotCheckedWhy::NeverTrue) => {
                let why = (rule.never_true.as_ref()).map_or_else(String::new, |n| n.text(lang));
                t!(lang, "report-rule-never-true", rule = name, why = why)
            }
            Some(NotCheckedWhy::Undecided) => {
                let count = rule.unknown_subjects;
                t!(lang, "report-rule-undecided", rule = name, count = count)
            }
        }
    }

    /// The inventory was supplied (or not) and holds no record: no rule
    /// over records checked anything.
    pub fn no_records(&self) -> bool {
        self.summary.records == 0 && self.coverage.iter().any(|c| c.kind == "record")
    }

    /// The sentence that names what was not checked, or `None` when every
    /// rule was checked: `2 rules not checked (no data): log \`backup\`
    /// (important_records_backed_up), ...; the inventory has no records`.
    pub fn not_checked_text(&self) -> Option<String> {
        let mut parts = Vec::new();
        let rules: Vec<&RuleSummary> = self.without_data().collect();
        if !rules.is_empty() {
            let missing: Vec<String> = self
                .coverage
                .iter()
                .filter(|c| !c.supplied())
                .filter_map(|c| {
                    let users: Vec<&str> = rules
                        .iter()
                        .filter(|r| r.no_data.contains(&c.collection))
                        .map(|r| r.name.as_str())
                        .collect();
                    let rules = users.join(&t!(self.lang, "list-comma"));
                    (!users.is_empty()).then(|| match c.all_refused() {
                        false if c.mapping_failed() => t!(
                            self.lang,
                            "not-checked-unmapped",
                            data = c.describe_unmapped(self.lang),
                            rules = rules
                        ),
                        false if c.read_empty() => t!(
                            self.lang,
                            "not-checked-read-empty",
                            data = c.describe_empty(self.lang),
                            rules = rules
                        ),
                        false => t!(
                            self.lang,
                            "not-checked-no-source",
                            data = c.describe(self.lang),
                            rules = rules
                        ),
                        true => t!(
                            self.lang,
                            "not-checked-rows-refused",
                            data = c.describe_refused(self.lang),
                            rules = rules
                        ),
                    })
                })
                .collect();
            parts.push(t!(
                self.lang,
                "not-checked-rules",
                count = rules.len(),
                total = self.rules.iter().filter(|r| !r.builtin).count(),
                missing = missing.join(&t!(self.lang, "list-separator"))
            ));
        }
        let undecided: Vec<String> = self
            .undecided()
            .map(|r| {
                t!(
                    self.lang,
                    "not-checked-undecided-rule",
                    rule = r.name.as_str(),
                    count = r.unknown_subjects
                )
            })
            .collect();
        if !undecided.is_empty() {
            parts.push(t!(
                self.lang,
                "not-checked-undecided",
                count = undecided.len(),
                rules = undecided.join(&t!(self.lang, "list-comma"))
            ));
        }
        let insufficient: Vec<String> = self
            .undecided_findings()
            .map(|r| {
                t!(
                    self.lang,
                    "not-checked-insufficient-rule",
                    rule = r.name.as_str(),
                    count = r.undecided_findings
                )
            })
            .collect();
        if !insufficient.is_empty() {
            parts.push(t!(
                self.lang,
                "not-checked-insufficient",
                count = insufficient.len(),
                rules = insufficient.join(&t!(self.lang, "list-comma"))
            ));
        }
        let mistyped: Vec<String> = self
            .mistyped()
            .map(|r| {
                t!(
                    self.lang,
                    "not-checked-unmatched-rule",
                    rule = r.name.as_str(),
                    values = self.unmatched_text(r)
                )
            })
            .collect();
        if !mistyped.is_empty() {
            parts.push(t!(
                self.lang,
                "not-checked-unmatched",
                count = mistyped.len(),
                rules = mistyped.join(&t!(self.lang, "list-separator"))
            ));
        }
        let never: Vec<String> = (self.never_true())
            .filter_map(|r| {
                let n = r.never_true.as_ref()?;
                Some(t!(
                    self.lang,
                    "not-checked-never-true-rule",
                    rule = r.name.as_str(),
                    why = n.text(self.lang)
                ))
            })
            .collect();
        if !never.is_empty() {
            parts.push(t!(
                self.lang,
                "not-checked-never-true",
                count = never.len(),
                rules = never.join(&t!(self.lang, "list-separator"))
            ));
        }
        if self.no_records() {
            parts.push(t!(self.lang, "not-checked-no-records"));
        } else if self.nothing_applied() {
            parts.push(t!(self.lang, "not-checked-nothing-applied"));
        }
        parts.extend(self.skipped.iter().map(|s| s.describe(self.lang)));
        (!parts.is_empty()).then(|| parts.join(&t!(self.lang, "list-separator")))
    }

    /// The origins of a violation's values that came through a mapping,
    /// in the order of its values.
    pub fn value_origins<'a>(&'a self, v: &'a Finding) -> Vec<ValueOrigin<'a>> {
        v.sources
            .iter()
            .filter_map(|s| self.value_origin(v, s))
            .collect()
    }

    /// See [`ValueSource`]; `None` if it points at nothing (cannot
    /// happen for a report built from one run).
    pub fn value_origin<'a>(&'a self, v: &'a Finding, s: &ValueSource) -> Option<ValueOrigin<'a>> {
        let input = self.inputs.get(s.file as usize)?;
        let column = input.columns.as_ref()?.columns.get(s.column as usize)?;
        Some(ValueOrigin {
            value: &v.values.get(s.value as usize)?.0,
            file: &input.path,
            line: s.line,
            column: &column.column,
            original: self
                .originals
                .get(&(s.file, s.line, s.column))
                .map(String::as_str),
        })
    }

    pub fn input_path(&self, file: Option<u32>) -> Option<&str> {
        file.map(|f| self.inputs[f as usize].path.as_str())
    }

    /// Violations that count for `--fail-on`: waived ones do not, and with a
    /// baseline only new ones do.
    pub fn max_unwaived_severity(&self) -> Option<Severity> {
        self.violations
            .iter()
            .filter(|v| counts_for_fail_on(v))
            .map(|v| v.severity)
            .max()
    }

    /// Whether this violation alone makes the exit status 1 under the
    /// report's `--fail-on`.
    pub fn fails_the_run(&self, v: &Violation) -> bool {
        counts_for_fail_on(v) && self.fail_on.is_some_and(|t| v.severity >= t)
    }

    /// The violations of one rule.
    pub fn violations_of(&self, rule: &str) -> &[Violation] {
        violations_of(&self.violations, rule)
    }
}

/// Waived violations never count for `--fail-on`; with a baseline only new ones do.
fn counts_for_fail_on(v: &Violation) -> bool {
    v.waiver.is_none() && v.baseline() != Some(BaselineState::Unchanged)
}

/// The violations of one rule in a list sorted by rule id (as the report's is).
pub fn violations_of<'a>(sorted: &'a [Violation], rule: &str) -> &'a [Violation] {
    let start = sorted.partition_point(|v| &*v.rule < rule);
    let end = sorted.partition_point(|v| &*v.rule <= rule);
    &sorted[start..end]
}

/// The stable identity of a violation: rule id, subject (collection and key),
/// evidence (collection and key of each), and the failing clause's text. No
/// line numbers and no message text go in, so moving rows, editing other rows
/// or rewording a message keeps it; changing what failed changes it.
/// `subject_path` is the subject's file, to recognise `FILE:LINE` names.
pub fn fingerprint(v: &Violation, subject_path: Option<&str>) -> Fingerprint {
    use sha2::Digest;
    let mut h = sha2::Sha256::new();
    let mut part = |s: &str| {
        h.update(s.as_bytes());
        h.update([0x1f]);
    };
    part("custodia-fingerprint-v1");
    part(&v.rule);
    // Read in place once: each read walks the encoded violation.
    let subject = v.subject();
    part(subject.collection);
    // The report id names the subject unless it is a `FILE:LINE` name; then
    // the object's key (a digest of its values) does. Built-in checks name
    // what is at fault there (the dangling id, the duplicated id).
    let location_name = match (subject_path, subject.line) {
        (Some(path), Some(line)) => *v.subject_id() == *format!("{path}:{line}"),
        _ => false,
    };
    part(if location_name {
        subject.key
    } else {
        v.subject_id()
    });
    // A built-in check's evidence is where the fault shows (every row naming
    // a dangling id), which grows with the data; its identity is the subject
    // and the field (in `clause`). Built-in ids are dotted, rule names
    // cannot be.
    if !v.rule.contains('.') {
        for e in v.evidence() {
            part(e.collection);
            part(e.key);
        }
    }
    part(without_message(v.clause.as_deref().unwrap_or("")));
    let mut fp = Fingerprint::default();
    fp.0.copy_from_slice(&h.finalize()[..16]);
    fp
}

/// A clause's text without its `else` message: the message is no part of
/// what failed. With it, rewording a pack's message changed the
/// fingerprints of its violations, so waivers and baselines by fingerprint
/// stopped matching on every pack update (Chinese review, 2026-12-05).
/// `else` is a keyword, so its first whole-word occurrence outside a
/// string literal starts the message.
pub(crate) fn without_message(clause: &str) -> &str {
    let bytes = clause.as_bytes();
    let (mut i, mut in_string) = (0, false);
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if in_string => i += 1,
            b'"' => in_string = !in_string,
            // A comment runs to the line's end; a quote in it opens nothing.
            b'/' if !in_string && bytes.get(i + 1) == Some(&b'/') => {
                i += memchr::memchr(b'\n', &bytes[i..]).unwrap_or(bytes.len() - i);
            }
            b'e' if !in_string
                && clause[i..].starts_with("else")
                && (i == 0 || !is_word(bytes[i - 1]))
                && !bytes.get(i + 4).is_some_and(|b| is_word(*b)) =>
            {
                return clause[..i].trim_end();
            }
            _ => {}
        }
        i += 1;
    }
    clause
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

/// The clause of a rule `rule` with nothing else said, for unit tests.
#[cfg(test)]
pub fn test_clause(rule: &str) -> Arc<Broken> {
    Arc::new(Broken {
        rule: rule.into(),
        kind: "rule",
        severity: crate::syntax::ast::Severity::Error,
        title: None,
        cite: Arc::new([]),
        help: None,
        policy: None,
        clause: None,
    })
}

/// A complete report of `violations` read from `inputs`, with nothing else
/// in it (as of 2026-11-27, UTC, English, `--fail-on error`): the renderers'
/// unit tests start from it.
#[cfg(test)]
pub fn test_report(inputs: Vec<crate::data::InputFile>, violations: Vec<Violation>) -> Report {
    Report {
        tool_version: "0",
        as_of: "2026-11-27".into(),
        time_zone: "UTC".into(),
        complete: true,
        inputs,
        summary: Summary {
            rules: 0,
            records: 0,
            events: 0,
            violations: Counts::default(),
            waived: 0,
            input_errors: 0,
        },
        rules: Vec::new(),
        violations,
        input_errors: Vec::new(),
        notes: Vec::new(),
        not_read: Vec::new(),
        baseline: None,
        roots: Default::default(),
        fail_on: Some(crate::syntax::ast::Severity::Error),
        not_checked_accepted: false,
        company: Vec::new(),
        company_personal: Vec::new(),
        coverage: Vec::new(),
        packs: Vec::new(),
        packs_note: None,
        skipped: Vec::new(),
        packs_chosen_by: None,
        packs_left_out: Vec::new(),
        packs_unfit_schema: None,
        lang: crate::i18n::Lang::En,
        view: Default::default(),
        originals: Default::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rewording a message keeps a violation's fingerprint (the Chinese
    /// review reworded pack messages and changed them).
    #[test]
    fn the_else_message_is_no_part_of_a_fingerprint() {
        for (clause, kept) in [
            (
                "require d.witnesses is set else \"无监销人\"",
                "require d.witnesses is set",
            ),
            (
                "require len(d.witnesses) >= 2\n        else zh \"{d.record}\" en \"x\"",
                "require len(d.witnesses) >= 2",
            ),
            (
                "forbid destruction d on d.record == r.id",
                "forbid destruction d on d.record == r.id",
            ),
            // `else` inside a string, or inside a name, is no keyword.
            (
                "require r.note != \"else \\\" else\" else \"m\"",
                "require r.note != \"else \\\" else\"",
            ),
            (
                "require r.elsewhere is set else \"m\"",
                "require r.elsewhere is set",
            ),
            ("require r.或else is set", "require r.或else is set"),
            (
                "require r.a is set  // the \"odd\" one\n  else \"m\"",
                "require r.a is set  // the \"odd\" one",
            ),
            (
                "require r.a is set  // a lone \" quote\n  else \"m\"",
                "require r.a is set  // a lone \" quote",
            ),
        ] {
            assert_eq!(without_message(clause), kept, "{clause}");
        }
    }

    /// A rule failing every row of a large case holds one [`Finding`] a row
    /// (docs/scale.md, "Memory"): what the clause's violations share is one
    /// pointer, the fingerprint 16 bytes. 224 bytes now; about 400 when the
    /// rule's names, policy place and clause were copied into each.
    #[test]
    fn a_finding_stays_small() {
        assert!(
            std::mem::size_of::<Finding>() <= 232,
            "{}",
            std::mem::size_of::<Finding>()
        );
        assert_eq!(std::mem::size_of::<Fingerprint>(), 16);
        // The clause, the waiver and the encoded rest: what a report
        // keeps a violation, beside its bytes.
        assert!(
            std::mem::size_of::<Violation>() <= 32,
            "{}",
            std::mem::size_of::<Violation>()
        );
    }

    #[test]
    fn a_fingerprint_is_written_as_32_hex_digits() {
        let fp = Fingerprint(0x0123_4567_89ab_cdef_0011_2233_4455_6677_u128.to_be_bytes());
        assert_eq!(fp.to_hex(), "0123456789abcdef0011223344556677");
        assert_eq!(
            serde_json::to_string(&fp).ok().as_deref(),
            Some("\"0123456789abcdef0011223344556677\"")
        );
    }
}
