//! Names that differ only by white space or an invisible character
//! (hostile review h24a F4): `张　伟` (an ideographic space inside), `张 伟`,
//! `张\u{a0}伟` (a no-break space) and `张伟\u{200b}` (a zero-width space
//! after it) beside `张伟` are one person wherever names are compared: two
//! witnesses of one destruction, a witness who also approved it, and a
//! name in a log looked up in a list of names
//! (`data::convert::name_key`).

mod common;

use common::{rec, Case};

const VARIANTS: [&str; 4] = ["张\u{3000}伟", "张 伟", "张\u{a0}伟", "张伟\u{200b}"];

/// Each variant beside `张伟` is one witness, and the rule asking for two
/// finds the destruction.
#[test]
fn a_name_written_with_a_space_inside_is_one_witness() {
    let log: String = (VARIANTS.iter().enumerate())
        .map(|(i, v)| format!("R{i},2026-01-01 10:00,shred,B1,张伟;{v}\n"))
        .collect();
    let rows: String = (0..VARIANTS.len())
        .map(|i| {
            let id = format!("R{i}");
            rec(&id, &[("subject", "s"), ("status", "destroyed")])
        })
        .collect();
    let r = Case::with(common::TWO_WITNESSES, &rows)
        .file(
            "logs/destruction.csv",
            &format!("record,at,method,place,witnesses\n{log}"),
        )
        .run();
    assert!(r.input_errors().is_empty(), "{}", r.dump());
    assert_eq!(r.of("two_witnesses").len(), VARIANTS.len(), "{}", r.dump());
}

/// The approver is not one of the witnesses, and the roster's names are
/// looked up by `in`: each variant is the same person as `张伟`.
#[test]
fn a_name_written_with_a_space_inside_is_the_same_person() {
    let schema = r#"
schema {
  record {
    id: id
  }
  event destruction {
    record: ref record
    witnesses: list of text
    approved_by: text
  }
}
"#;
    let rules = r#"
rule approver_is_no_witness {
  title "The approver is not a witness"
  cite "none"
  for destruction d
  require not (d.approved_by in d.witnesses)
}
rule witnesses_differ {
  title "Two different witnesses"
  cite "none"
  for destruction d
  require len(d.witnesses) >= 2
}
"#;
    for v in VARIANTS {
        let r = Case::new()
            .file("policies/schema.policy", schema)
            .file("policies/rules.policy", rules)
            .file("inventory.csv", "id\nR1\n")
            .file(
                "logs/destruction.csv",
                &format!("record,at,witnesses,approved_by\nR1,2026-01-01 10:00,李强;{v},张伟\n"),
            )
            .run();
        assert!(r.input_errors().is_empty(), "{v:?}: {}", r.dump());
        assert_eq!(
            r.of("approver_is_no_witness").len(),
            1,
            "{v:?}: {}",
            r.dump()
        );
        assert_eq!(r.of("witnesses_differ").len(), 0, "{v:?}: {}", r.dump());
    }
}
