//! Literals: numbers, dates, datetimes and durations.

use super::{inner, next, Lowerer};
use crate::syntax::ast::*;
use crate::syntax::parse::{Pair, Rule};
use crate::syntax::span::Spanned;

impl Lowerer {
    pub(super) fn literal(&mut self, pair: Pair) -> Literal {
        let span = self.span(&pair);
        match pair.as_rule() {
            Rule::string => Literal::Text(self.string(pair).node),
            Rule::boolean => Literal::Bool(pair.as_str() == "true"),
            Rule::integer => match pair.as_str().parse() {
                Ok(n) => Literal::Int(n),
                Err(_) => {
                    self.error(span, crate::msg!("syntax-number-too-large"));
                    Literal::Int(0)
                }
            },
            Rule::decimal => Literal::Decimal(pair.as_str().parse().unwrap_or(0.0)),
            Rule::date => Literal::Date(self.date(pair).node),
            Rule::datetime => self.datetime(pair),
            Rule::permanent => Literal::Duration(Duration::Permanent),
            _ => self.duration(pair),
        }
    }

    pub(super) fn date(&mut self, pair: Pair) -> Spanned<jiff::civil::Date> {
        let span = self.span(&pair);
        match pair.as_str().parse::<jiff::civil::Date>() {
            Ok(d) => Spanned::new(d, span),
            Err(_) => {
                self.error(
                    span,
                    crate::msg!("syntax-not-a-calendar-date", text = pair.as_str()),
                );
                Spanned::new(jiff::civil::Date::constant(1970, 1, 1), span)
            }
        }
    }

    fn datetime(&mut self, pair: Pair) -> Literal {
        let span = self.span(&pair);
        let text = pair.as_str();
        // `datetime` is atomic, so its offset is found in the text, not as a child.
        let time = text.split_once('T').map_or("", |(_, t)| t);
        let has_offset = time.ends_with(['Z', 'z']) || time.contains(['+', '-']);
        if !has_offset {
            self.error(
                span,
                crate::msg!("syntax-datetime-needs-offset", text = text),
            );
            return Literal::DateTime(jiff::Timestamp::UNIX_EPOCH);
        }
        match text.parse::<jiff::Timestamp>() {
            Ok(t) => Literal::DateTime(t),
            Err(_) => {
                self.error(span, crate::msg!("syntax-bad-datetime", text = text));
                Literal::DateTime(jiff::Timestamp::UNIX_EPOCH)
            }
        }
    }

    fn duration(&mut self, pair: Pair) -> Literal {
        let span = self.span(&pair);
        let mut it = inner(pair);
        let n: i64 = next(&mut it).as_str().parse().unwrap_or(i64::MAX);
        let unit = next(&mut it).as_str();
        match duration_from(n, unit) {
            Some(d) => Literal::Duration(d),
            None => {
                self.error(span, crate::msg!("syntax-duration-too-long"));
                Literal::Duration(Duration::Permanent)
            }
        }
    }
}

pub fn duration_from(n: i64, unit: &str) -> Option<Duration> {
    let n32 = i32::try_from(n).ok();
    let (months, days, seconds) = match unit.trim_end_matches('s') {
        "year" => (n32?.checked_mul(12)?, 0, 0),
        "month" => (n32?, 0, 0),
        "week" => (0, n32?.checked_mul(7)?, 0),
        "day" => (0, n32?, 0),
        "hour" => (0, 0, n.checked_mul(3600)?),
        "minute" => (0, 0, n.checked_mul(60)?),
        _ => return None,
    };
    Some(Duration::Span {
        months,
        days,
        seconds,
    })
}
