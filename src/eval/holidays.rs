//! The calendar of Chinese statutory rest days behind `deadline(start, D)`.
//!
//! 民法典 第二百零三条第一款: "期间的最后一日是法定休假日的，以法定休假日结束的
//! 次日为期间的最后一日。" A rest day (法定休假日) is read as the weekly rest
//! days (Saturday and Sunday) and the public holidays, both as re-arranged
//! each year by the State Council's notice on the holiday arrangements
//! (放假调休): a day the notice lists inside a 放假 block is a rest day
//! whatever its weekday, a Saturday or Sunday it names for 上班 is a working
//! day. The table below is that notice, year by year, as published; a year
//! whose notice is not here is outside the calendar and `deadline` gives
//! no answer for it (the rule reports `insufficient_evidence`, never a pass).

use jiff::civil::{date, Date, Weekday};

/// One year's notice: its rest blocks (first and last day, both included)
/// and the weekend days it makes working days.
struct Notice {
    year: i16,
    rest: &'static [(Date, Date)],
    work: &'static [Date],
}

/// The first and last day the calendar answers for.
pub const FIRST_DAY: Date = date(2020, 1, 1);
pub const LAST_DAY: Date = date(2026, 12, 31);

/// 国务院办公厅 notices, from the texts published by 新华社 / 中国政府网
/// (checked against copies found with the project's search tool). The
/// notice for 2027 was not available when this table was written, so the
/// calendar ends on 2026-12-31: add the 2027 notice here and move LAST_DAY.
const NOTICES: [Notice; 7] = [
    // 国务院办公厅关于2020年部分节假日安排的通知 (国办发明电〔2019〕16号,
    // 2019-11-21), and 国务院办公厅关于延长2020年春节假期的通知
    // (国办发明电〔2020〕1号): the Spring Festival holiday extended to
    // 2 February (正月初九, Sunday), work from 3 February, so 1 February is
    // no longer a working Saturday.
    Notice {
        year: 2020,
        rest: &[
            (date(2020, 1, 1), date(2020, 1, 1)),
            (date(2020, 1, 24), date(2020, 2, 2)),
            (date(2020, 4, 4), date(2020, 4, 6)),
            (date(2020, 5, 1), date(2020, 5, 5)),
            (date(2020, 6, 25), date(2020, 6, 27)),
            (date(2020, 10, 1), date(2020, 10, 8)),
        ],
        work: &[
            date(2020, 1, 19),
            date(2020, 4, 26),
            date(2020, 5, 9),
            date(2020, 6, 28),
            date(2020, 9, 27),
            date(2020, 10, 10),
        ],
    },
    // 国务院办公厅关于2021年部分节假日安排的通知 (国办发明电〔2020〕27号, 2020-11-25).
    Notice {
        year: 2021,
        rest: &[
            (date(2021, 1, 1), date(2021, 1, 3)),
            (date(2021, 2, 11), date(2021, 2, 17)),
            (date(2021, 4, 3), date(2021, 4, 5)),
            (date(2021, 5, 1), date(2021, 5, 5)),
            (date(2021, 6, 12), date(2021, 6, 14)),
            (date(2021, 9, 19), date(2021, 9, 21)),
            (date(2021, 10, 1), date(2021, 10, 7)),
        ],
        work: &[
            date(2021, 2, 7),
            date(2021, 2, 20),
            date(2021, 4, 25),
            date(2021, 5, 8),
            date(2021, 9, 18),
            date(2021, 9, 26),
            date(2021, 10, 9),
        ],
    },
    // 国务院办公厅关于2022年部分节假日安排的通知 (国办发明电〔2021〕11号, 2021-10-25).
    Notice {
        year: 2022,
        rest: &[
            (date(2022, 1, 1), date(2022, 1, 3)),
            (date(2022, 1, 31), date(2022, 2, 6)),
            (date(2022, 4, 3), date(2022, 4, 5)),
            (date(2022, 4, 30), date(2022, 5, 4)),
            (date(2022, 6, 3), date(2022, 6, 5)),
            (date(2022, 9, 10), date(2022, 9, 12)),
            (date(2022, 10, 1), date(2022, 10, 7)),
        ],
        work: &[
            date(2022, 1, 29),
            date(2022, 1, 30),
            date(2022, 4, 2),
            date(2022, 4, 24),
            date(2022, 5, 7),
            date(2022, 10, 8),
            date(2022, 10, 9),
        ],
    },
    // 国务院办公厅关于2023年部分节假日安排的通知 (国办发明电〔2022〕16号,
    // 2022-12-08); its New Year block starts on 2022-12-31 (a Saturday).
    Notice {
        year: 2023,
        rest: &[
            (date(2022, 12, 31), date(2023, 1, 2)),
            (date(2023, 1, 21), date(2023, 1, 27)),
            (date(2023, 4, 5), date(2023, 4, 5)),
            (date(2023, 4, 29), date(2023, 5, 3)),
            (date(2023, 6, 22), date(2023, 6, 24)),
            (date(2023, 9, 29), date(2023, 10, 6)),
        ],
        work: &[
            date(2023, 1, 28),
            date(2023, 1, 29),
            date(2023, 4, 23),
            date(2023, 5, 6),
            date(2023, 6, 25),
            date(2023, 10, 7),
            date(2023, 10, 8),
        ],
    },
    // 国务院办公厅关于2024年部分节假日安排的通知 (国办发明电〔2023〕7号,
    // 2023-10-25). 元旦 and 端午节 "与周末连休": 30–31 December 2023 and
    // 8–9 June 2024 are ordinary weekends.
    Notice {
        year: 2024,
        rest: &[
            (date(2024, 1, 1), date(2024, 1, 1)),
            (date(2024, 2, 10), date(2024, 2, 17)),
            (date(2024, 4, 4), date(2024, 4, 6)),
            (date(2024, 5, 1), date(2024, 5, 5)),
            (date(2024, 6, 10), date(2024, 6, 10)),
            (date(2024, 9, 15), date(2024, 9, 17)),
            (date(2024, 10, 1), date(2024, 10, 7)),
        ],
        work: &[
            date(2024, 2, 4),
            date(2024, 2, 18),
            date(2024, 4, 7),
            date(2024, 4, 28),
            date(2024, 5, 11),
            date(2024, 9, 14),
            date(2024, 9, 29),
            date(2024, 10, 12),
        ],
    },
    // 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号, 2024-11-12).
    Notice {
        year: 2025,
        rest: &[
            (date(2025, 1, 1), date(2025, 1, 1)),
            (date(2025, 1, 28), date(2025, 2, 4)),
            (date(2025, 4, 4), date(2025, 4, 6)),
            (date(2025, 5, 1), date(2025, 5, 5)),
            (date(2025, 5, 31), date(2025, 6, 2)),
            (date(2025, 10, 1), date(2025, 10, 8)),
        ],
        work: &[
            date(2025, 1, 26),
            date(2025, 2, 8),
            date(2025, 4, 27),
            date(2025, 9, 28),
            date(2025, 10, 11),
        ],
    },
    // 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04, 新华社 全文).
    Notice {
        year: 2026,
        rest: &[
            (date(2026, 1, 1), date(2026, 1, 3)),
            (date(2026, 2, 15), date(2026, 2, 23)),
            (date(2026, 4, 4), date(2026, 4, 6)),
            (date(2026, 5, 1), date(2026, 5, 5)),
            (date(2026, 6, 19), date(2026, 6, 21)),
            (date(2026, 9, 25), date(2026, 9, 27)),
            (date(2026, 10, 1), date(2026, 10, 7)),
        ],
        work: &[
            date(2026, 1, 4),
            date(2026, 2, 14),
            date(2026, 2, 28),
            date(2026, 5, 9),
            date(2026, 9, 20),
            date(2026, 10, 10),
        ],
    },
];

/// Whether `d` is a statutory rest day; `None` outside the calendar.
pub fn is_rest_day(d: Date) -> Option<bool> {
    if d < FIRST_DAY || d > LAST_DAY {
        return None;
    }
    // A day is named by its own year's notice or, for a New Year block
    // starting on 31 December, by the next year's.
    let notices = || {
        NOTICES
            .iter()
            .filter(move |n| n.year == d.year() || n.year == d.year() + 1)
    };
    let listed_rest = notices()
        .flat_map(|n| n.rest)
        .any(|(from, to)| *from <= d && d <= *to);
    let listed_work = notices().flat_map(|n| n.work).any(|w| *w == d);
    let weekend = matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday);
    Some(listed_rest || (weekend && !listed_work))
}

/// The last day of a period whose calendar end is `end` (民法典 第二百零一、
/// 二百零二条 count it; the caller adds the period): moved past a run of rest
/// days to the day after it (第二百零三条第一款). `None` when a day it must
/// look at is outside the calendar.
pub fn last_day_of_period(end: Date) -> Option<Date> {
    let mut day = end;
    while is_rest_day(day)? {
        day = day.tomorrow().ok()?;
    }
    Some(day)
}

/// Every rest day of the calendar, in order, with the last day a period
/// ending on it moves to (`None`: the run of rest days reaches past the
/// calendar). The Spark compiler (`sql::expr`) writes this table into its
/// script, so both engines read one calendar.
pub fn rest_days() -> impl Iterator<Item = (Date, Option<Date>)> {
    use jiff::ToSpan;
    FIRST_DAY
        .series(1.day())
        .take_while(|d| *d <= LAST_DAY)
        .filter(|d| is_rest_day(*d) == Some(true))
        .map(|d| (d, last_day_of_period(d)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_notice_lies_in_its_year_and_the_calendar() {
        for (i, n) in NOTICES.iter().enumerate() {
            assert_eq!(n.year, 2020 + i as i16, "notices in year order");
            for (from, to) in n.rest {
                assert!(from <= to);
                // A New Year block may start on 31 December before.
                assert!(to.year() == n.year && from.year() >= n.year - 1);
            }
            for w in n.work {
                assert_eq!(w.year(), n.year);
                // The notices only ever make a weekend day a working day.
                assert!(matches!(w.weekday(), Weekday::Saturday | Weekday::Sunday));
            }
        }
        assert_eq!(NOTICES.last().map(|n| n.year), Some(LAST_DAY.year()));
    }

    #[test]
    fn rest_days_working_days_and_the_edges() {
        // An ordinary Wednesday and Saturday.
        assert_eq!(is_rest_day(date(2026, 3, 11)), Some(false));
        assert_eq!(is_rest_day(date(2026, 3, 14)), Some(true));
        // A holiday on a weekday, an adjusted working Saturday.
        assert_eq!(is_rest_day(date(2026, 10, 5)), Some(true));
        assert_eq!(is_rest_day(date(2026, 10, 10)), Some(false));
        // 2020: the extended Spring Festival took back the working Saturday.
        assert_eq!(is_rest_day(date(2020, 2, 1)), Some(true));
        assert_eq!(is_rest_day(date(2020, 2, 3)), Some(false));
        // Outside the calendar there is no answer.
        assert_eq!(is_rest_day(date(2019, 12, 31)), None);
        assert_eq!(is_rest_day(date(2027, 1, 1)), None);
    }

    #[test]
    fn a_last_day_on_a_rest_day_moves_to_the_day_after_the_run() {
        // National Day 2026: 1–7 October, work on Saturday the 10th.
        assert_eq!(
            last_day_of_period(date(2026, 10, 2)),
            Some(date(2026, 10, 8))
        );
        assert_eq!(
            last_day_of_period(date(2026, 10, 7)),
            Some(date(2026, 10, 8))
        );
        assert_eq!(
            last_day_of_period(date(2026, 10, 10)),
            Some(date(2026, 10, 10))
        );
        // A plain weekend moves to Monday.
        assert_eq!(
            last_day_of_period(date(2026, 3, 14)),
            Some(date(2026, 3, 16))
        );
        // The last days of the calendar: 2026-12-31 is a Thursday.
        assert_eq!(
            last_day_of_period(date(2026, 12, 31)),
            Some(date(2026, 12, 31))
        );
        assert_eq!(
            last_day_of_period(date(2026, 12, 26)),
            Some(date(2026, 12, 28))
        );
        // A day outside the calendar has no answer.
        assert_eq!(last_day_of_period(date(2027, 1, 4)), None);
        assert_eq!(last_day_of_period(date(2019, 12, 31)), None);
    }

    #[test]
    fn the_table_of_rest_days_is_the_calendar() {
        let days: Vec<_> = rest_days().collect();
        assert_eq!(
            days.first(),
            Some(&(date(2020, 1, 1), Some(date(2020, 1, 2))))
        );
        assert!(days.contains(&(date(2026, 10, 7), Some(date(2026, 10, 8)))));
        assert!(!days.iter().any(|(d, _)| *d == date(2026, 10, 10)));
        assert!(days.iter().all(|(d, _)| FIRST_DAY <= *d && *d <= LAST_DAY));
    }
}
