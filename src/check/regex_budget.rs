//! The memory the policy set's regular expressions may take together
//! (security.md, "Limits"). Each is already size-capped by the regex engine;
//! without a cap on their number, 400 regexes of a few dozen characters
//! (`\w{100}`) took gigabytes and aborted the process.

use std::sync::Arc;

use regex_automata::meta::{Config, Regex};

/// Most regular expressions in one policy set.
pub const MAX_REGEXES: usize = 256;
/// Most memory the compiled regular expressions of a set take together.
pub const MAX_TOTAL_BYTES: usize = 64 << 20;
/// Most memory one regular expression's automaton may take (the `regex`
/// crate's default).
pub const MAX_ONE_BYTES: usize = 10 << 20;

/// What the set's regexes have used so far.
#[derive(Debug, Default)]
pub struct RegexBudget {
    count: usize,
    bytes: usize,
    /// Once one regex went past the budget, the rest are not compiled
    /// (and not reported: the first error says why).
    spent: bool,
}

/// Why a pattern was not compiled.
pub enum RegexRefusal {
    /// It does not compile (syntax, or too large on its own).
    Bad(BadReason),
    /// It does not fit in what the set has left: the first such one.
    OverBudget(crate::i18n::Msg),
    /// The budget was exhausted by an earlier pattern, already reported.
    AfterBudget,
}

impl RegexBudget {
    /// Compiles `pattern` within what is left of the budget.
    pub fn compile(&mut self, pattern: &str) -> Result<Arc<Regex>, RegexRefusal> {
        if self.spent {
            return Err(RegexRefusal::AfterBudget);
        }
        if self.count >= MAX_REGEXES {
            return Err(self.over(crate::msg!("regex-too-many", limit = MAX_REGEXES)));
        }
        let left = MAX_TOTAL_BYTES - self.bytes;
        // The automaton is built within what is left, so a large pattern
        // stops early rather than taking the memory first.
        let config = Config::new()
            .nfa_size_limit(Some(MAX_ONE_BYTES.min(left)))
            .hybrid_cache_capacity(2 << 20);
        let re = match Regex::builder().configure(config).build(pattern) {
            Ok(re) => re,
            Err(e) if e.size_limit().is_some() && left < MAX_ONE_BYTES => {
                return Err(self.over(total_message()))
            }
            // The syntax error says what is wrong; the build error around
            // it only says that pattern 0 failed.
            Err(e) => {
                let reason = match (e.syntax_error(), e.size_limit()) {
                    (Some(syntax), _) => BadReason::Crate(syntax.to_string()),
                    (None, Some(limit)) => BadReason::TooLarge { mib: limit >> 20 },
                    (None, None) => BadReason::Crate(e.to_string()),
                };
                return Err(RegexRefusal::Bad(reason));
            }
        };
        let bytes = re.memory_usage();
        if bytes > left {
            return Err(self.over(total_message()));
        }
        self.count += 1;
        self.bytes += bytes;
        Ok(Arc::new(re))
    }

    fn over(&mut self, message: crate::i18n::Msg) -> RegexRefusal {
        self.spent = true;
        RegexRefusal::OverBudget(message)
    }
}

/// Why a pattern does not compile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BadReason {
    /// The regex crate's own words (a syntax error): not ours to translate.
    Crate(String),
    /// Compiled, it would take more than `mib` MiB, the limit for one.
    TooLarge { mib: usize },
}

fn total_message() -> crate::i18n::Msg {
    crate::msg!("regex-total-too-large", mib = MAX_TOTAL_BYTES >> 20)
}
