//! How deep a policy may nest, and how deep a piece of it does. The checker
//! and the evaluator recurse over expressions, so nesting is bounded twice:
//! a scan of the text before pest runs (brackets, `list of` chains), and the
//! lowering, which counts the levels it builds.

use super::lower::{inner, is_keyword};
use super::parse::{Pair, Rule};

/// Deepest nesting of an expression or a type (each bracket, operator,
/// field access, call or `list of` is one level). The checker and the
/// evaluator recurse over the tree, so a bound keeps them off the end of the
/// stack; real policies nest a handful of levels.
pub const MAX_EXPR_DEPTH: usize = 100;

/// Where brackets, or `list of`s in a row, nest past the limit, found by a
/// scan before parsing: pest's own guard against deep input depends on the
/// stack left, so its verdict (and the place it gives) would vary from run
/// to run. Strings and comments are skipped; a few levels are left for the
/// braces of blocks, so that the lowering reports the limit at its edge.
pub fn too_deep(text: &str) -> Option<usize> {
    let max = MAX_EXPR_DEPTH + 3;
    let (mut depth, mut lists, mut prev_list) = (0usize, 0usize, false);
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => {
                while let Some((_, c)) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '"' => break,
                        _ => {}
                    }
                }
            }
            '/' if chars.peek().is_some_and(|(_, n)| *n == '/') => {
                for (_, c) in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
            }
            '(' | '[' | '{' => {
                depth += 1;
                if depth > max {
                    return Some(i);
                }
            }
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            // A whole name, so that `档案list` is not read as `list`.
            c if c == '_' || pest::unicode::XID_START(c) => {
                let start = i;
                let mut end = i + c.len_utf8();
                while let Some((j, c)) = chars.peek().copied() {
                    if pest::unicode::XID_CONTINUE(c) {
                        end = j + c.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                }
                match &text[start..end] {
                    "list" => prev_list = true,
                    "of" if prev_list => {
                        prev_list = false;
                        lists += 1;
                        if lists > max {
                            return Some(start);
                        }
                    }
                    _ => {
                        prev_list = false;
                        lists = 0;
                    }
                }
            }
            _ => {}
        }
    }
    None
}

/// The first grammar level below `pair` that builds something: each of
/// `expr`, a chain with one operand, a prefix without operators, a postfix
/// without accesses or a comparison without a tail lowers to its only child.
/// Walking down them in a loop keeps a bracket level to two stack frames.
pub fn skip_pass_through(mut pair: Pair) -> Pair {
    loop {
        let passes = match pair.as_rule() {
            Rule::expr => true,
            Rule::or_expr
            | Rule::and_expr
            | Rule::add_expr
            | Rule::mul_expr
            | Rule::not_expr
            | Rule::unary_expr
            | Rule::postfix
            | Rule::cmp_expr => levels_added(&pair) == 0,
            _ => false,
        };
        if !passes {
            return pair;
        }
        match inner(pair.clone()).next() {
            Some(child) => pair = child,
            None => return pair,
        }
    }
}

/// How many levels of the AST an expression pair adds: one per operator of
/// a chain, prefix or field access, one for a bracket, list, call or tail.
pub fn levels_added(pair: &Pair) -> usize {
    let children = || {
        pair.clone()
            .into_inner()
            .filter(|c| !is_keyword(c.as_rule()))
    };
    match pair.as_rule() {
        Rule::or_expr | Rule::and_expr | Rule::add_expr | Rule::mul_expr => children().count() / 2,
        Rule::not_expr | Rule::unary_expr | Rule::postfix => children().count().saturating_sub(1),
        Rule::cmp_expr => children().count().saturating_sub(1),
        Rule::paren | Rule::list | Rule::call | Rule::aggregate => 1,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::too_deep;

    #[test]
    fn the_scan_skips_strings_and_comments_and_counts_list_chains() {
        let deep = "(".repeat(200);
        assert!(too_deep(&deep).is_some());
        assert_eq!(too_deep(&format!("\"{deep}\"")), None);
        assert_eq!(too_deep(&format!("// {deep}\nx")), None);
        assert_eq!(too_deep(&"list of ".repeat(103)), None);
        assert_eq!(too_deep(&"list of ".repeat(104)), Some(103 * 8 + 5));
        assert_eq!(too_deep(&"one of list of ".repeat(200)), None);
        assert_eq!(too_deep(&"档案list of ".repeat(200)), None);
    }
}
