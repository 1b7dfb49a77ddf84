//! One rule -> a chain of CTEs. Each CTE is a *frame*: one row per subject
//! (and per bound `match` object) still in play, with `_k` the rows bound so
//! far (subject first) and one column per variable and per hoisted value
//! (ref navigation, `count`/`exists`). Violations are selected from the
//! frames in the output schema `rule, clause, rows, outcome, message`.

use std::collections::BTreeSet;

use crate::check::ir::{CheckedClauseKind, CheckedMessage, CheckedPart, CheckedRule, Join};
use crate::check::schema::FieldType;
use crate::check::Checked;
use crate::value::CollId;

use super::types::{self, T};
use super::{comment, ident, quote, CompileError, Compiled, Layout, STAGE_PLACEHOLDER};

pub type R<X> = Result<X, CompileError>;

/// The current frame: its CTE and its columns besides `_k` (and `_pk`,
/// the parent's `_k`, in a join's candidates).
#[derive(Clone, Debug)]
pub struct Frame {
    pub name: String,
    pub cols: Vec<String>,
    pub pk: bool,
}

pub struct RuleSql<'a> {
    pub checked: &'a Checked,
    pub rule: &'a CheckedRule,
    pub ix: usize,
    pub ctes: Vec<String>,
    pub frame: Frame,
    pub slots: Vec<Option<T>>,
    /// Collections of the `match` objects in scope, in `_k` order.
    pub bound: Vec<CollId>,
    pub outputs: Vec<String>,
    /// Each violation view with the collection of each row it binds
    /// (subject first), for the rows read in place a report must name.
    pub refs: Vec<(String, Vec<CollId>)>,
    pub layout: Vec<Vec<CollId>>,
    /// Per clause, the texts of the values its violations show.
    pub value_keys: Vec<Vec<String>>,
    /// Per clause, the texts of the values a `forbid`'s violations without
    /// a forbidden row show (`Layout::keyless`).
    pub keyless_keys: Vec<Vec<String>>,
    /// Collections some ref navigation leads to (`first_<c>` CTEs).
    pub firsts: &'a mut BTreeSet<CollId>,
    pub as_of: jiff::civil::Date,
    /// Ref navigations already hoisted: (key SQL, target, column); reused
    /// while the column is in the current frame.
    pub navigated: Vec<(String, CollId, String)>,
    /// CTEs of the subjects (`s`) a `where` or `when` could not decide.
    pub undecided: Vec<String>,
    /// Collections some source of which Spark reads in place: they have no
    /// staged name keys (`stage::name_column`).
    pub in_place: &'a BTreeSet<CollId>,
    /// A message being built is Chinese: its date holes read 2026年4月30日,
    /// as the native engine writes them (`eval::explain::Ctx::message`).
    pub zh_dates: bool,
    counter: usize,
}

impl<'a> RuleSql<'a> {
    pub fn fresh(&mut self, prefix: &str) -> String {
        self.counter += 1;
        format!("{prefix}{}", self.counter)
    }

    /// Adds a CTE; its name.
    pub fn cte(&mut self, what: &str, body: String) -> String {
        let step = self.fresh("s");
        let name = format!("r{}_{step}", self.ix);
        self.ctes.push(view(&name, what, &body));
        name
    }

    /// `p._k, p.v0, ...` of the current frame (with `_pk` when it has one).
    pub fn carried(&self, frame: &Frame) -> String {
        let mut cols = vec!["p._k".to_string()];
        if frame.pk {
            cols.push("p._pk".into());
        }
        cols.extend(frame.cols.iter().map(|c| format!("p.{c}")));
        cols.join(", ")
    }

    /// A new frame: the current one with `sql` as column `name`, joined with
    /// `join` (may be empty).
    pub fn add_column(&mut self, what: &str, sql: &str, name: &str, join: &str) {
        let frame = self.frame.clone();
        let body = format!(
            "SELECT {}, {sql} AS {name}\nFROM {} p{join}",
            self.carried(&frame),
            frame.name
        );
        let cte = self.cte(what, body);
        let mut cols = frame.cols;
        cols.push(name.to_string());
        self.frame = Frame {
            name: cte,
            cols,
            pk: frame.pk,
        };
    }

    /// The current frame's rows where `cond` is definitely true.
    fn keep(&mut self, what: &str, cond: &str) {
        let frame = self.frame.clone();
        let body = format!(
            "SELECT {}\nFROM {} p\nWHERE ({cond}) IS TRUE",
            self.carried(&frame),
            frame.name
        );
        self.frame.name = self.cte(what, body);
    }

    fn span_text(&self, span: crate::syntax::span::Span) -> String {
        comment(self.checked.sources.snippet(span))
    }

    /// The rows of `join.coll` that may satisfy `join.cond` for each row of
    /// the current frame, with `_pk` the frame's `_k` and the condition
    /// (true, false or unknown, exactly as the evaluator has it) in the
    /// returned column. With a key (`y.f == E`), only rows whose `f` equals
    /// E or is missing are candidates, and every row is one (with an
    /// unknown condition) when E is missing, as the evaluator's index does.
    pub fn candidates(&mut self, join: &Join, what: &str) -> R<String> {
        let key_col = self.join_key(join, what)?;
        self.candidates_keyed(join, what, key_col.as_ref())
    }

    /// With a key (`y.f == E`), adds E to the current frame: the name of
    /// `f` and of the new column.
    fn join_key(&mut self, join: &Join, what: &str) -> R<Option<(String, String)>> {
        let schema = &self.checked.schema;
        let coll = schema.collection(join.coll);
        let Some((field, key_ir)) = &join.key else {
            return Ok(None);
        };
        // A key the evaluator does not index is no key there: every row is
        // tested with the whole condition. The tagged join would compare a
        // duration's parts as text (`1 day` met no `24 hours`, which `==`
        // holds equal), and make every row unknown for a missing probe.
        if !crate::eval::index::indexable(&coll.field(*field).ty) {
            return Ok(None);
        }
        let kt = types::ty(key_ir, schema, &self.slots);
        let k = self.expr(key_ir)?;
        let (y, k) = key_texts(
            &coll.field(*field).ty,
            &format!("y.{}", ident(&coll.field(*field).name)),
            &kt,
            &k,
        );
        let name = self.fresh("k");
        self.add_column(&format!("{what}: the join key"), &k, &name, "");
        Ok(Some((y, name)))
    }

    /// [`Self::candidates`] once the key is a column of the current frame.
    fn candidates_keyed(
        &mut self,
        join: &Join,
        what: &str,
        key_col: Option<&(String, String)>,
    ) -> R<String> {
        let schema = &self.checked.schema;
        let coll = schema.collection(join.coll);
        let outer = self.frame.clone();
        let slot = format!("v{}", join.slot);
        let ysrc = format!(
            "(SELECT y._row AS _yrow, struct(y.*) AS _yobj FROM {} y)",
            ident(&coll.name)
        );
        let mut cols: Vec<String> = outer.cols.iter().map(|c| format!("p.{c}")).collect();
        cols.retain(|c| *c != format!("p.{slot}"));
        let select = format!(
            "SELECT concat(p._k, array(y._yrow)) AS _k, p._k AS _pk{}{}, y._yobj AS {slot}",
            if cols.is_empty() { "" } else { ", " },
            cols.join(", ")
        );
        let body = match key_col {
            // `f` is the key field's side of the key (`key_texts`).
            // One equi-join on a tagged key, so that the frame is read once:
            // a frame row with key k meets the rows whose field is k (tag 0)
            // and those whose field is missing (tag 1); one whose key is
            // missing meets every row (tag 2).
            Some((f, k)) => format!(
                "{select}\nFROM (\n  SELECT p.*, explode(CASE WHEN p.{k} IS NULL THEN array(named_struct('t', 2, 'v', '')) \
                 ELSE array(named_struct('t', 0, 'v', CAST(p.{k} AS STRING)), named_struct('t', 1, 'v', '')) END) AS _jk\n  FROM {o} p) p\n\
                 JOIN (\n  SELECT y._row AS _yrow, struct(y.*) AS _yobj, \
                 CASE WHEN {f} IS NULL THEN named_struct('t', 1, 'v', '') ELSE named_struct('t', 0, 'v', CAST({f} AS STRING)) END AS _jk FROM {c} y\n  \
                 UNION ALL\n  SELECT y._row AS _yrow, struct(y.*) AS _yobj, named_struct('t', 2, 'v', '') AS _jk FROM {c} y) y\n\
                 ON y._jk = p._jk",
                o = outer.name,
                c = ident(&coll.name),
            ),
            None => format!("{select}\nFROM {} p CROSS JOIN {ysrc} y", outer.name),
        };
        let name = self.cte(&format!("{what}: candidates"), body);
        let mut new_cols: Vec<String> = outer.cols.clone();
        new_cols.retain(|c| *c != slot);
        new_cols.push(slot);
        self.frame = Frame {
            name,
            cols: new_cols,
            pk: true,
        };
        self.slots[join.slot as usize] = Some(T::Obj(join.coll));
        let cond = match &join.cond {
            Some(c) => self.expr(c)?,
            None => "TRUE".into(),
        };
        let cond = match key_col {
            Some((_, k)) => {
                format!("CASE WHEN {k} IS NULL THEN CAST(NULL AS BOOLEAN) ELSE ({cond}) END")
            }
            None => cond,
        };
        let c = self.fresh("c");
        self.add_column(&format!("{what}: the condition"), &cond, &c, "");
        Ok(c)
    }

    /// Selects violations from the current frame where `filter` holds.
    #[allow(clippy::too_many_arguments)]
    fn violations(
        &mut self,
        clause: usize,
        what: &str,
        outcome: &str,
        message: &str,
        filter: &str,
        evidence: Vec<CollId>,
        (keys, values): (Vec<String>, String),
    ) {
        let body = format!(
            "SELECT {} AS rule, {clause} AS clause, _k AS rows, {outcome} AS outcome, {message} AS message, {values} AS vals\nFROM {}\nWHERE {filter}",
            self.ix, self.frame.name
        );
        let name = self.cte(what, body);
        self.outputs.push(name.clone());
        let mut colls = vec![self.rule.subject];
        colls.extend(evidence.iter().copied());
        self.refs.push((name, colls));
        self.layout[clause] = evidence;
        self.value_keys[clause] = keys;
    }

    /// A message with its holes filled, or NULL when the rule gives none
    /// (the report's default message is made from the clause text).
    fn message(&mut self, m: Option<&CheckedMessage>) -> R<String> {
        let Some(m) = m else {
            return Ok("CAST(NULL AS STRING)".into());
        };
        let mut parts = Vec::new();
        self.zh_dates = crate::eval::explain::zh_message(self.checked, m);
        for part in &m.parts {
            match part {
                CheckedPart::Text(t) => parts.push(quote(t)),
                CheckedPart::Hole(ir) => parts.push(self.hole(ir)?),
            }
        }
        self.zh_dates = false;
        if parts.is_empty() {
            return Ok("''".into());
        }
        Ok(format!("concat({})", parts.join(", ")))
    }

    fn rule_body(&mut self) -> R<()> {
        let rule = self.rule;
        let schema = &self.checked.schema;
        let coll = schema.collection(rule.subject);
        let s = format!("v{}", rule.subject_slot);
        self.slots[rule.subject_slot as usize] = Some(T::Obj(rule.subject));
        let body = format!(
            "SELECT array(x._row) AS _k, struct(x.*) AS {s}\nFROM {} x",
            ident(&coll.name)
        );
        let name = self.cte(&format!("for {} {}", coll.name, "(every object)"), body);
        self.frame = Frame {
            name,
            cols: vec![s],
            pk: false,
        };
        if let Some(f) = &rule.filter {
            let c = self.expr(f)?;
            let what = format!("where {}", self.span_text(f.span));
            self.left_undecided(&what, &c);
            self.keep(&what, &c);
        }
        self.clauses()?;
        self.count_undecided();
        Ok(())
    }

    /// The subjects the rule tested: those that reach its first `require`,
    /// `match` or `forbid` (past `where` and every `when` before it), as the
    /// native evaluator counts them. The checker refuses a rule without
    /// such a clause (`checks_nothing`).
    fn count_subjects(&mut self) {
        let subjects = self.cte(
            "subjects checked",
            format!(
                "SELECT {} AS rule, -1 AS clause, array(count(*)) AS rows, 'subjects' AS outcome, CAST(NULL AS STRING) AS message, CAST(NULL AS ARRAY<STRING>) AS vals\nFROM {}",
                self.ix, self.frame.name
            ),
        );
        self.outputs.push(subjects);
    }

    /// The subjects of the current frame whose `cond` (a `where` or a
    /// `when`) is unknown: the rule does not check them.
    fn left_undecided(&mut self, what: &str, cond: &str) {
        let body = format!(
            "SELECT DISTINCT p._k[0] AS s\nFROM {} p\nWHERE ({cond}) IS NULL",
            self.frame.name
        );
        let name = self.cte(&format!("{what}: unknown"), body);
        self.undecided.push(name);
    }

    /// The subjects a `where` or `when` could not decide, less those with a
    /// finding of this rule, as the native evaluator counts them
    /// (`RuleResult::unknown`): their number (clause `UNDECIDED`) and the
    /// first `MAX_UNKNOWN_ROWS` of them in data order (clause
    /// `UNDECIDED_ROW`, one row each, named in the note).
    fn count_undecided(&mut self) {
        if self.undecided.is_empty() {
            return;
        }
        let unknown: Vec<String> = self
            .undecided
            .iter()
            .map(|u| format!("SELECT s FROM {u}"))
            .collect();
        let mut found: Vec<String> = self
            .refs
            .iter()
            .map(|(v, _)| format!("SELECT rows[0] AS s FROM {v}"))
            .collect();
        if found.is_empty() {
            found.push("SELECT CAST(NULL AS BIGINT) AS s WHERE FALSE".into());
        }
        let set = self.cte(
            "subjects left undecided, without a finding",
            format!(
                "SELECT DISTINCT u.s\nFROM ({}) u\nLEFT ANTI JOIN ({}) f ON f.s = u.s",
                unknown.join(" UNION ALL "),
                found.join(" UNION ALL ")
            ),
        );
        let count = self.cte(
            "subjects left undecided: how many",
            format!(
                "SELECT {} AS rule, {UNDECIDED} AS clause, array(count(*)) AS rows, 'undecided' AS outcome, CAST(NULL AS STRING) AS message, CAST(NULL AS ARRAY<STRING>) AS vals\nFROM {set}",
                self.ix
            ),
        );
        let listed = self.cte(
            "subjects left undecided: the first",
            format!(
                "SELECT {} AS rule, {UNDECIDED_ROW} AS clause, array(s) AS rows, 'undecided' AS outcome, CAST(NULL AS STRING) AS message, CAST(NULL AS ARRAY<STRING>) AS vals\nFROM (SELECT s FROM {set} ORDER BY s LIMIT {})",
                self.ix,
                crate::eval::rules::MAX_UNKNOWN_ROWS
            ),
        );
        self.outputs.push(count);
        self.outputs.push(listed.clone());
        // Rows read in place are brought back for the note's ids.
        self.refs.push((listed, vec![self.rule.subject]));
    }

    fn clauses(&mut self) -> R<()> {
        let rule = self.rule;
        let mut counted = false;
        for (i, clause) in rule.clauses.iter().enumerate() {
            let checks = !matches!(
                clause.kind,
                CheckedClauseKind::Let { .. } | CheckedClauseKind::When(_)
            );
            if checks && !counted {
                self.count_subjects();
                counted = true;
            }
            let text = self.span_text(clause.span);
            let loc = super::rules::line_of(self.checked, clause.span);
            let what = format!("{loc} {text}");
            match &clause.kind {
                CheckedClauseKind::Let { slot, value } => {
                    let t = types::ty(value, &self.checked.schema, &self.slots);
                    let v = self.expr(value)?;
                    let name = format!("v{slot}");
                    self.frame.cols.retain(|c| *c != name);
                    self.add_column(&what, &v, &name, "");
                    self.slots[*slot as usize] = Some(t);
                }
                CheckedClauseKind::When(cond) => {
                    let c = self.expr(cond)?;
                    self.left_undecided(&what, &c);
                    self.keep(&what, &c);
                }
                CheckedClauseKind::Require { cond, message } => {
                    let c = self.expr(cond)?;
                    let m = self.message(message.as_ref())?;
                    let outcome = format!(
                        "CASE WHEN ({c}) IS NULL THEN 'insufficient_evidence' ELSE 'violated' END"
                    );
                    let ev = self.bound.clone();
                    let vals = self.values(Some(cond), None)?;
                    let filter = format!("({c}) IS NOT TRUE");
                    self.violations(i, &what, &outcome, &m, &filter, ev, vals);
                }
                CheckedClauseKind::Match { join, message } => {
                    self.match_clause(i, &what, join, message.as_ref())?;
                }
                CheckedClauseKind::Forbid { join, message } => {
                    self.forbid_clause(i, &what, join, message.as_ref())?;
                }
            }
        }
        Ok(())
    }

    /// `forbid`: a violation per candidate whose condition is true,
    /// `insufficient_evidence` per candidate whose condition is unknown,
    /// and one `insufficient_evidence` without a forbidden row for a frame
    /// row whose join key is missing (when the collection has rows), as the
    /// evaluator's `forbid` (docs/language.md, "forbid and missing values").
    fn forbid_clause(
        &mut self,
        i: usize,
        what: &str,
        join: &Join,
        message: Option<&CheckedMessage>,
    ) -> R<()> {
        let outer = self.frame.clone();
        let key_col = self.join_key(join, what)?;
        let keyed = self.frame.clone();
        let c = self.candidates_keyed(join, what, key_col.as_ref())?;
        // A frame row whose key is missing meets every row with an unknown
        // condition (the tagged join): those are one finding, made below.
        let tested = match &key_col {
            Some((_, k)) => format!("{k} IS NOT NULL"),
            None => "TRUE".into(),
        };
        let cands = self.frame.clone();
        let body = format!(
            "SELECT {}\nFROM {} p\nWHERE ({c}) IS NOT FALSE AND {tested}",
            self.carried(&cands),
            cands.name
        );
        self.frame.name = self.cte(&format!("{what}: found or unknown"), body);
        let m = self.message(message)?;
        let outcome =
            format!("CASE WHEN ({c}) IS NULL THEN 'insufficient_evidence' ELSE 'violated' END");
        let mut ev = self.bound.clone();
        ev.push(join.coll);
        let vals = self.values(join.cond.as_ref(), None)?;
        self.violations(i, what, &outcome, &m, "TRUE", ev.clone(), vals);
        if let Some((_, k)) = &key_col {
            // Its violations name one row fewer and show fewer values: the
            // clause's layout stays that of the found rows.
            let keys = self.value_keys[i].clone();
            self.key_missing(i, what, join, message, &keyed, k)?;
            self.keyless_keys[i] = std::mem::replace(&mut self.value_keys[i], keys);
            self.layout[i] = ev;
        }
        self.frame = outer;
        Ok(())
    }

    /// A `forbid`'s frame rows whose join key is missing, when its
    /// collection has rows: one `insufficient_evidence` each, with no
    /// forbidden row (its `rows` one shorter than the clause's layout).
    fn key_missing(
        &mut self,
        i: usize,
        what: &str,
        join: &Join,
        message: Option<&CheckedMessage>,
        keyed: &Frame,
        k: &str,
    ) -> R<()> {
        let slot = format!("v{}", join.slot);
        let obj = types::obj_type(&self.checked.schema, join.coll);
        let mut cols: Vec<String> = keyed.cols.clone();
        cols.retain(|c| *c != slot);
        let carried = self.carried(&Frame {
            cols: cols.clone(),
            ..keyed.clone()
        });
        let coll = ident(&self.checked.schema.collection(join.coll).name);
        let body = format!(
            "SELECT {carried}, CAST(NULL AS {obj}) AS {slot}\nFROM {} p\n\
             WHERE p.{k} IS NULL AND (SELECT count(*) FROM {coll}) > 0",
            keyed.name
        );
        cols.push(slot);
        let name = self.cte(&format!("{what}: the key is missing"), body);
        self.frame = Frame {
            name,
            cols,
            pk: keyed.pk,
        };
        let m = self.message(message)?;
        let ev = self.bound.clone();
        let vals = self.values(join.cond.as_ref(), Some(join.slot))?;
        let outcome = "'insufficient_evidence'";
        self.violations(i, what, outcome, &m, "TRUE", ev, vals);
        Ok(())
    }

    /// `match`: the clauses after it run on the found objects; a frame row
    /// with none is one violation, `insufficient_evidence` when some
    /// candidate's condition was unknown.
    fn match_clause(
        &mut self,
        i: usize,
        what: &str,
        join: &Join,
        message: Option<&CheckedMessage>,
    ) -> R<()> {
        let outer = self.frame.clone();
        let c = self.candidates(join, what)?;
        let cands = self.frame.clone();
        let stats = self.cte(
            &format!("{what}: per frame row, whether a candidate matched or was unknown"),
            format!(
                "SELECT _pk, bool_or({c} IS TRUE) AS f, bool_or({c} IS NULL) AS u FROM {} GROUP BY _pk",
                cands.name
            ),
        );
        self.keep(&format!("{what}: found"), &c);
        let hits = self.frame.clone();
        let slot = format!("v{}", join.slot);
        let u = self.fresh("u");
        let obj = types::obj_type(&self.checked.schema, join.coll);
        let mut cols: Vec<String> = outer.cols.clone();
        cols.retain(|c| *c != slot);
        let carried = self.carried(&Frame {
            cols: cols.clone(),
            ..outer.clone()
        });
        let body = format!(
            "SELECT {carried}, CAST(NULL AS {obj}) AS {slot}, coalesce(n.u, FALSE) AS {u}\n\
             FROM {} p\nLEFT JOIN {stats} n ON n._pk = p._k\nWHERE NOT coalesce(n.f, FALSE)",
            outer.name
        );
        let none = self.cte(&format!("{what}: none found"), body);
        cols.push(slot);
        cols.push(u.clone());
        self.frame = Frame {
            name: none,
            cols,
            pk: outer.pk,
        };
        let m = self.message(message)?;
        let outcome = format!("CASE WHEN {u} THEN 'insufficient_evidence' ELSE 'violated' END");
        let ev = self.bound.clone();
        let vals = self.values(join.cond.as_ref(), Some(join.slot))?;
        self.violations(i, what, &outcome, &m, "TRUE", ev, vals);
        self.frame = hits;
        self.bound.push(join.coll);
        Ok(())
    }
}

pub fn line_of(checked: &Checked, span: crate::syntax::span::Span) -> String {
    let f = checked.sources.get(span.file);
    let (line, _) = f.line_col(span.start);
    format!("{}:{line}", f.path)
}

/// One step as a temporary view. Spark inlines views: a frame is read by
/// at most two later steps (a join reads its frame once, through the
/// tagged key), so the plan of a rule doubles with each `match` or
/// aggregate, not more.
fn view(name: &str, what: &str, body: &str) -> String {
    format!(
        "-- {}\nCREATE OR REPLACE TEMPORARY VIEW {name} AS\n{body}\n;\n",
        comment(what)
    )
}

/// The whole script: session settings, the staged views, then one query
/// whose CTEs are the rules' frames.
pub fn script(
    checked: &Checked,
    tz_name: &str,
    as_of: jiff::civil::Date,
    parts: &[super::inplace::Part],
) -> R<Compiled> {
    let mut firsts = BTreeSet::new();
    let mut rule_ctes = Vec::new();
    let mut outputs = Vec::new();
    let mut refs = Vec::new();
    let mut layout = Layout::default();
    let in_place = super::inplace::collections(parts);
    for (ix, rule) in checked.rules.iter().enumerate() {
        let mut r = RuleSql {
            checked,
            rule,
            ix,
            ctes: Vec::new(),
            frame: Frame {
                name: String::new(),
                cols: vec![],
                pk: false,
            },
            slots: vec![None; rule.slots as usize],
            bound: Vec::new(),
            outputs: Vec::new(),
            refs: Vec::new(),
            layout: vec![Vec::new(); rule.clauses.len()],
            value_keys: vec![Vec::new(); rule.clauses.len()],
            keyless_keys: vec![Vec::new(); rule.clauses.len()],
            firsts: &mut firsts,
            as_of,
            navigated: Vec::new(),
            undecided: Vec::new(),
            in_place: &in_place,
            zh_dates: false,
            counter: 0,
        };
        r.rule_body()?;
        let head = format!(
            "-- ==== rule {} ({}, {}) ====",
            rule.name,
            rule.kind.as_str(),
            line_of(checked, rule.name_span)
        );
        let mut ctes = r.ctes;
        if let Some(first) = ctes.first_mut() {
            *first = format!("\n{head}\n{first}");
        }
        rule_ctes.extend(ctes);
        outputs.extend(r.outputs);
        refs.extend(r.refs);
        layout.clauses.push(r.layout);
        layout.values.push(r.value_keys);
        layout.keyless.push(r.keyless_keys);
        layout.undecided.push(!r.undecided.is_empty());
    }
    let mut out = String::new();
    out.push_str(&format!(
        "-- custodia: the policy set compiled to Spark SQL (docs/spark.md).\n\
         -- Evaluation date (as_of): {as_of}; time zone: {tz_name}.\n\
         -- Reads the staged collections under {STAGE_PLACEHOLDER}; yields one row per\n\
         -- violation: rule (index), clause (index), rows (subject row, then the\n\
         -- rows of each match in scope, then a forbidden row), outcome, message,\n\
         -- vals (the values the clause shows, as JSON).\n\
         -- Statements are separated by lines holding only `;`.\n\n"
    ));
    out.push_str(&format!("SET spark.sql.session.timeZone={tz_name}\n;\n"));
    out.push_str("SET spark.sql.caseSensitive=true\n;\n");
    out.push_str("SET spark.sql.ansi.enabled=true\n;\n");
    out.push_str(&super::stage::views(checked, parts));
    if rule_ctes
        .iter()
        .any(|c| c.contains(super::expr::CALENDAR_VIEW))
    {
        out.push_str(&super::expr::calendar_view());
    }
    let mut ctes: Vec<String> = firsts.iter().map(|c| first_cte(checked, *c)).collect();
    ctes.extend(rule_ctes);
    out.push('\n');
    out.push_str(&ctes.join("\n"));
    if !parts.is_empty() {
        out.push('\n');
        out.push_str(&in_place_views(checked, parts, as_of, &refs));
    }
    out.push_str(
        "\n-- the rows Spark read of each collection (rule -1, clause: the collection),\n\
         -- then the violations of every rule\n",
    );
    let mut selects: Vec<String> = checked
        .schema
        .ids()
        .map(|c| {
            format!(
                "SELECT -1 AS rule, {} AS clause, array(count(*)) AS rows, '{ROWS_READ}' AS outcome, CAST(NULL AS STRING) AS message, CAST(NULL AS ARRAY<STRING>) AS vals FROM {}",
                c.0,
                ident(&checked.schema.collection(c).name)
            )
        })
        .collect();
    selects.extend(
        outputs
            .iter()
            .map(|o| format!("SELECT rule, clause, rows, outcome, message, vals FROM {o}")),
    );
    if !parts.is_empty() {
        selects.extend(super::inplace::counts(parts));
        selects.extend(super::inplace::columns(parts));
        selects.push(
            "SELECT rule, clause, rows, outcome, message, vals FROM custodia_builtins".into(),
        );
        selects.extend(super::inplace::objects(checked, parts, "custodia_refs"));
    }
    if selects.is_empty() {
        out.push_str("SELECT CAST(NULL AS INT) AS rule, CAST(NULL AS INT) AS clause, CAST(NULL AS ARRAY<BIGINT>) AS rows, CAST(NULL AS STRING) AS outcome, CAST(NULL AS STRING) AS message, CAST(NULL AS ARRAY<STRING>) AS vals WHERE FALSE\n");
    } else {
        out.push_str(&selects.join("\nUNION ALL\n"));
        out.push('\n');
    }
    out.push_str(";\n");
    Ok(Compiled { sql: out, layout })
}

/// The built-in checks over the collections read in place
/// (`custodia_builtins`), and every row of them the result names
/// (`custodia_refs`: collection `c`, row `r`), whose objects it returns.
fn in_place_views(
    checked: &Checked,
    parts: &[super::inplace::Part],
    as_of: jiff::civil::Date,
    refs: &[(String, Vec<CollId>)],
) -> String {
    let in_place = super::inplace::collections(parts);
    let mut builtins = super::inplace::builtins(checked, parts, as_of);
    if builtins.is_empty() {
        builtins.push("SELECT CAST(NULL AS INT) AS rule, CAST(NULL AS INT) AS clause, CAST(NULL AS ARRAY<BIGINT>) AS rows, CAST(NULL AS STRING) AS outcome, CAST(NULL AS STRING) AS message, CAST(NULL AS ARRAY<STRING>) AS vals WHERE FALSE".into());
    }
    let mut named = vec![
        "SELECT b.clause AS c, r FROM custodia_builtins b LATERAL VIEW explode(b.rows) e AS r"
            .to_string(),
    ];
    for (view, colls) in refs {
        for (i, c) in colls.iter().enumerate() {
            if in_place.contains(c) {
                named.push(format!("SELECT {} AS c, rows[{i}] AS r FROM {view}", c.0));
            }
        }
    }
    let mut out = String::new();
    out.push_str(&view(
        "custodia_builtins",
        "the built-in checks (duplicate ids, dangling refs, future events) where a source is read in place",
        &builtins.join("\nUNION ALL\n"),
    ));
    out.push_str(&view(
        "custodia_refs",
        "the rows read in place that the result names",
        &named.join("\nUNION ALL\n"),
    ));
    out
}

/// The clause of a rule's result row counting the subjects its `where` or
/// `when` could not decide (`rows`: the count; absent when none can be).
pub const UNDECIDED: i64 = -2;
/// The clause of a rule's result row naming one of the first such
/// subjects (`rows`: its row).
pub const UNDECIDED_ROW: i64 = -3;

/// The outcome of the result rows that count a collection's rows as Spark
/// read them: custodia compares them with the rows it staged.
pub const ROWS_READ: &str = "rows_read";

/// The first object of `coll` by id, in input order: what ref navigation
/// resolves to (language.md 9.8).
fn first_cte(checked: &Checked, coll: CollId) -> String {
    let name = &checked.schema.collection(coll).name;
    view(
        &format!("first_{}", coll.0),
        &format!("the first `{name}` of each id (ref navigation)"),
        &format!(
            "SELECT f._id, f._obj FROM (\n  SELECT x.`id` AS _id, struct(x.*) AS _obj, row_number() OVER (PARTITION BY x.`id` ORDER BY x._row) AS _rn\n  FROM {} x WHERE x.`id` IS NOT NULL) f\nWHERE f._rn = 1",
            ident(name)
        ),
    )
}

/// The two sides of a join key `y.f == k`, written so that their texts
/// (`CAST(.. AS STRING)`, the tagged equi-join of `candidates_keyed`) are
/// equal whenever `==` holds (the candidates are a superset: the condition
/// is then tested on each), as the native index keys them
/// (`value::Key`, `Ctx::probe`). Both stay NULL exactly when missing.
/// - a date probe of a datetime field: the start of that day (session time
///   zone = case time zone), as `compare` casts it;
/// - a datetime probe of a date field: its day only when it is that day's
///   start, else its own timestamp text, which no date's text equals;
/// - numbers of which one is a decimal: both as DOUBLE (Spark's `=` of a
///   BIGINT and a DOUBLE compares them as DOUBLE, as native `==` compares
///   as f64), with -0.0 written as 0 (`CAST(-0.0 AS STRING)` is `-0.0`,
///   `CAST(5 AS STRING)` is `5`, `CAST(5.0D AS STRING)` is `5.0`).
///
/// Anything else is compared as its own text, one type on both sides.
fn key_texts(field: &FieldType, y: &str, kt: &T, k: &str) -> (String, String) {
    let number = |x: &str| {
        format!(
            "CASE WHEN CAST({x} AS DOUBLE) = 0 THEN '0' ELSE CAST(CAST({x} AS DOUBLE) AS STRING) END"
        )
    };
    match (field, kt) {
        (FieldType::DateTime, T::Date) => (y.into(), format!("CAST({k} AS TIMESTAMP)")),
        (FieldType::Date, T::DateTime) => (
            y.into(),
            format!(
                "CASE WHEN CAST(CAST({k} AS DATE) AS TIMESTAMP) = {k} THEN CAST(CAST({k} AS DATE) AS STRING) ELSE CAST({k} AS STRING) END"
            ),
        ),
        (FieldType::Decimal, T::Int | T::Dec) | (FieldType::Int, T::Dec) => (number(y), number(k)),
        _ => (y.into(), k.into()),
    }
}
