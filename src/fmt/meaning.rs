//! The formatter's safety net: the text it writes must parse to the tree
//! it read, positions, comments and layout aside. `fmt` prints the tree, so
//! this holds by construction; but a comment scan that disagreed with the
//! grammar on where a comment ends once put code into a comment, printed it
//! twice and turned `+ 1 year` into `+ 1 year + 1 year` (hostile review
//! h19). A file whose formatted text means something else is left as it is.

use crate::syntax::ast::{Clause, ClauseKind, Item, Messages, PolicyFile};
use crate::syntax::span::{FileId, Span};

/// Where `after` first says something else than `before`, as a place in
/// `before` (the first item that differs, or the clause of a rule, or the
/// end of the last item when `after` has items `before` has not); `None`
/// when they are the same tree.
pub fn first_difference(before: &PolicyFile, after: &PolicyFile) -> Option<Span> {
    let (a, b) = (without_spans(before), without_spans(after));
    if a == b {
        return None;
    }
    let at = a
        .items
        .iter()
        .zip(&b.items)
        .position(|(x, y)| x != y)
        .unwrap_or(a.items.len().min(b.items.len()));
    let Some(item) = before.items.get(at) else {
        // `after` has more items: the place is the end of `before`'s last.
        let end = before.items.last().map_or(START, item_span);
        return Some(Span {
            start: end.end,
            ..end
        });
    };
    if let (Item::Rule(r), Some(Item::Rule(x)), Some(Item::Rule(y))) =
        (item, a.items.get(at), b.items.get(at))
    {
        if x.subjects != y.subjects {
            return Some(r.subjects.span);
        }
        let clause = x.clauses.iter().zip(&y.clauses).position(|(p, q)| p != q);
        if let Some(c) = clause.and_then(|c| r.clauses.get(c)) {
            return Some(c.span);
        }
    }
    Some(item_span(item))
}

const START: Span = Span {
    file: FileId(0),
    start: 0,
    end: 0,
};

/// The text an item takes, as near as its spans tell.
fn item_span(item: &Item) -> Span {
    match item {
        Item::Header(h) => h.span,
        Item::Let(l) => l.name.span.to(l.value.span),
        Item::Schema(decls) => decls
            .iter()
            .map(|d| d.head.span)
            .reduce(Span::to)
            .unwrap_or(START),
        Item::Rule(r) => r.span,
        Item::Waiver(w) => w.span,
        Item::Test(t) => t.span,
    }
}

/// A copy of `f` with every span that equality does not already ignore
/// (`Spanned` ignores its own) set to the start of the file: the plain
/// `span` fields of the structs of `syntax::ast`.
fn without_spans(f: &PolicyFile) -> PolicyFile {
    let zero = START;
    let mut f = f.clone();
    for item in &mut f.items {
        match item {
            Item::Header(h) => h.span = zero,
            Item::Let(_) | Item::Schema(_) => {}
            Item::Rule(r) => {
                let crate::syntax::ast::Rule {
                    subjects,
                    clauses,
                    span,
                    ..
                } = &mut **r;
                *span = zero;
                subjects.span = zero;
                for c in clauses {
                    clause(c, zero);
                }
            }
            Item::Waiver(w) => w.span = zero,
            Item::Test(t) => {
                t.span = zero;
                for g in &mut t.givens {
                    g.span = zero;
                }
                for e in &mut t.expects {
                    e.span = zero;
                }
            }
        }
    }
    f
}

fn clause(c: &mut Clause, zero: Span) {
    c.span = zero;
    let message = match &mut c.kind {
        ClauseKind::Let { .. } | ClauseKind::When(_) => None,
        ClauseKind::Require { message, .. }
        | ClauseKind::Match { message, .. }
        | ClauseKind::Forbid { message, .. } => message.as_mut(),
    };
    if let Some(m) = message {
        messages(m, zero);
    }
}

fn messages(m: &mut Messages, zero: Span) {
    for text in [&mut m.any, &mut m.zh, &mut m.en].into_iter().flatten() {
        text.span = zero;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::parse_file;

    fn tree(text: &str) -> PolicyFile {
        let (ast, errors) = parse_file(text, FileId(0));
        assert!(errors.is_empty(), "{errors:?}");
        ast
    }

    const RULE: &str = "rule r {\n  for destruction d\n  require date(d.at) <= d.record.created + 1 year  // why\n  else \"late {d.id}\"\n}\n";

    #[test]
    fn layout_comments_and_positions_are_no_difference() {
        let relaid = "\n\n// new\nrule r { for destruction d require date(d.at)\n <= (d.record.created + 1 year) else \"late {d.id}\" }";
        assert_eq!(first_difference(&tree(RULE), &tree(relaid)), None);
    }

    #[test]
    fn another_tree_is_found_at_the_clause_that_differs() {
        let doubled = RULE.replace("+ 1 year", "+ 1 year + 1 year");
        let at = first_difference(&tree(RULE), &tree(&doubled)).expect("a difference");
        assert_eq!(&RULE[at.start as usize..at.start as usize + 7], "require");
        let message = RULE.replace("late", "late!");
        let at = first_difference(&tree(RULE), &tree(&message)).expect("a difference");
        assert_eq!(&RULE[at.start as usize..at.start as usize + 7], "require");
        let more = format!("{RULE}\nlet x = 1\n");
        let at = first_difference(&tree(RULE), &tree(&more)).expect("a difference");
        assert_eq!(at.start as usize, RULE.trim_end().len());
        let fewer = first_difference(&tree(&more), &tree(RULE)).expect("a difference");
        assert_eq!(
            &more[fewer.start as usize..fewer.start as usize + 5],
            "x = 1"
        );
    }
}
