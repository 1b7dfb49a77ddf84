//! Resource limits (issue 7.6) at their edges: the deepest expression that
//! is allowed is parsed, checked and evaluated on a thread with the smallest
//! stack a Rust thread gets by default (2 MiB), and one level more is a clear
//! error. The limits beyond the edge, end to end, are cases of the bad-input
//! catalogue (`policy_deep_*`, `json_deep_nesting`, `huge_single_line`,
//! `many_bad_rows`, `yaml_*`); file size is unit-tested in src/data/limits.rs.

mod common;

use common::{rec, Case};
use custodia::syntax::lower::MAX_EXPR_DEPTH;

/// `r.legal_hold and r.legal_hold and ...` with `n` terms is `n` levels deep
/// (n - 1 `and`s, and one field access under the last).
fn and_chain(n: usize) -> String {
    format!(
        "rule deep {{\n  for record r\n  require {} else \"{{r.id}} failed\"\n}}\n",
        vec!["r.legal_hold"; n].join(" and ")
    )
}

/// `nots` times `not`, then `parens` brackets around `r.legal_hold`: one
/// level each, and one for the field access.
fn parens_and_nots(parens: usize, nots: usize) -> String {
    format!(
        "rule deep {{\n  for record r\n  require {}{}r.legal_hold{}\n}}\n",
        "not ".repeat(nots),
        "(".repeat(parens),
        ")".repeat(parens)
    )
}

fn run_on_small_stack(rules: String) -> common::Run {
    std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(move || Case::with(&rules, &rec("R1", &[("legal_hold", "yes")])).run())
        .expect("spawn")
        .join()
        .expect("the check runs within 2 MiB of stack")
}

#[test]
fn the_deepest_allowed_expression_is_checked_and_evaluated() {
    for rules in [
        and_chain(MAX_EXPR_DEPTH),
        parens_and_nots(MAX_EXPR_DEPTH - 1, 0),
        parens_and_nots(0, MAX_EXPR_DEPTH - 1),
        parens_and_nots(MAX_EXPR_DEPTH / 2, MAX_EXPR_DEPTH / 2 - 1),
    ] {
        let r = run_on_small_stack(rules);
        assert!(r.errors.is_empty(), "{}", r.dump());
        assert_eq!(r.report()["summary"]["rules"], 1, "{}", r.dump());
    }
}

#[test]
fn one_level_more_is_an_error_naming_the_limit() {
    for rules in [
        and_chain(MAX_EXPR_DEPTH + 1),
        parens_and_nots(MAX_EXPR_DEPTH, 0),
        parens_and_nots(0, MAX_EXPR_DEPTH),
        parens_and_nots(MAX_EXPR_DEPTH / 2, MAX_EXPR_DEPTH / 2),
        parens_and_nots(10 * MAX_EXPR_DEPTH, 0),
    ] {
        let r = run_on_small_stack(rules);
        assert_eq!(r.exit, 2, "{}", r.dump());
        // Past the limit the lowering says so; far past it pest's own stack
        // guard stops first, and that message names the limit too.
        assert!(
            r.errors
                .contains("this is nested more than 100 levels deep (the limit)")
                || r.errors.contains("nested too deeply to parse"),
            "{}",
            r.dump()
        );
        assert!(r.errors.contains("at most 100 levels") || r.errors.contains("100 levels deep"));
        assert!(
            r.errors.contains("policies/rules.policy:3:"),
            "{}",
            r.dump()
        );
    }
}

/// `list of` nests like an expression: 100 levels are a type, 101 an error.
#[test]
fn list_types_nest_to_the_same_limit() {
    let field = |n: usize| {
        format!(
            "extend record {{ deep: {}text? }}\nrule r1 {{\n  for record r\n  require r.id is set\n}}\n",
            "list of ".repeat(n)
        )
    };
    let ok = run_on_small_stack(field(MAX_EXPR_DEPTH));
    assert!(ok.errors.is_empty(), "{}", ok.dump());
    let deep = run_on_small_stack(field(MAX_EXPR_DEPTH + 1));
    assert_eq!(deep.exit, 2, "{}", deep.dump());
    assert!(
        deep.errors.contains("100 levels deep (the limit)"),
        "{}",
        deep.dump()
    );
}

/// `fmt` adds parentheses around an `and` inside an `or`, and parentheses
/// count towards the nesting limit: near the limit its output must still
/// parse, or it must refuse (leaving the file as it is).
#[test]
fn fmt_never_writes_a_policy_that_does_not_parse() {
    let mut refused = 0;
    for nots in MAX_EXPR_DEPTH - 6..MAX_EXPR_DEPTH {
        let src = format!(
            "rule deep {{\n  for record r\n  require {}(r.legal_hold and r.legal_hold or r.legal_hold)\n}}\n",
            "not ".repeat(nots)
        );
        if custodia::syntax::parse_file(&src, custodia::syntax::span::FileId(0))
            .1
            .is_empty()
        {
            match custodia::fmt::format_source(&src) {
                Ok(out) => {
                    let (_, errors) =
                        custodia::syntax::parse_file(&out, custodia::syntax::span::FileId(0));
                    assert!(errors.is_empty(), "fmt wrote what does not parse:\n{out}");
                }
                Err(_) => refused += 1,
            }
        }
    }
    assert!(refused > 0, "the edge of the limit was reached");
}

/// Set-wide `let`s are written out where they are used, so the nesting
/// limit also holds for a `let` with the `let`s it uses, and for a chain of
/// `let`s: both are errors naming the limit, not a deeper expression.
#[test]
fn lets_in_lets_are_held_to_the_nesting_limit() {
    let deep = format!(
        "let a1 = {0}true\nlet a2 = {0}a1\nrule deep {{\n  for record r\n  require a2\n}}\n",
        "not ".repeat(60)
    );
    let chain: String = (1..150)
        .map(|i| format!("let a{i} = a{}\n", i - 1))
        .chain(["let a0 = true\nrule deep {\n  for record r\n  require a149\n}\n".into()])
        .collect();
    for (what, rules) in [("deep", deep), ("chain", chain)] {
        let run = run_on_small_stack(rules);
        assert_eq!(run.exit, 2, "{what}: {}", run.errors);
        assert!(
            run.errors.contains(&format!("more than {MAX_EXPR_DEPTH}")),
            "{what}: {}",
            run.errors
        );
    }
}
