//! Calendar arithmetic: month names and numbers, number words, month and
//! weekday steps, Easter, the nth weekday of a month, and the choice of a
//! year for a date written without one.

use super::words::Tense;
use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// The month a name or abbreviation stands for (`March`, `Mar.`, `Sept`).
pub fn month_number(name: &str) -> Option<u8> {
    let n = name.trim_end_matches('.').to_ascii_lowercase();
    let m = match n.get(..3)? {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(m)
}

const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// A number from 0 to 99 written in words (`seven`, `forty-two`,
/// `forty two`) or digits; `a`/`an` count as one.
pub fn number_word(s: &str) -> Option<i64> {
    let s = s.trim().to_ascii_lowercase();
    if let Ok(n) = s.parse::<i64>() {
        return Some(n);
    }
    if s == "a" || s == "an" {
        return Some(1);
    }
    if let Some(i) = UNITS.iter().position(|u| *u == s) {
        return Some(i as i64);
    }
    let mut parts = s.split(['-', ' ']).filter(|p| !p.is_empty());
    let tens = TENS
        .iter()
        .position(|t| !t.is_empty() && Some(*t) == parts.clone().next())?;
    parts.next();
    let unit = match parts.next() {
        None => 0,
        Some(u) => UNITS[1..10].iter().position(|x| *x == u)? + 1,
    };
    if parts.next().is_some() {
        return None;
    }
    Some((tens * 10 + unit) as i64)
}

/// A year written in words: `nineteen ninety-seven`, `nineteen hundred`,
/// `nineteen oh five`, `two thousand and eight`, `twenty twenty-one`.
pub fn year_in_words(s: &str) -> Option<i32> {
    let s = s
        .to_ascii_lowercase()
        .replace(['-', '\u{2010}', '\u{2011}'], " ");
    let words: Vec<&str> = s.split_whitespace().filter(|w| *w != "and").collect();
    match words.as_slice() {
        ["two", "thousand"] => Some(2000),
        ["two", "thousand", rest @ ..] => {
            let n = number_word(&rest.join(" "))?;
            (1..100).contains(&n).then_some(2000 + n as i32)
        }
        [century, rest @ ..] if !rest.is_empty() => {
            let c = number_word(century)?;
            if !(10..=20).contains(&c) {
                return None;
            }
            let tail = match rest {
                ["hundred"] => 0,
                ["oh" | "o", unit] => {
                    let u = number_word(unit)?;
                    if !(1..10).contains(&u) {
                        return None;
                    }
                    u
                }
                _ => {
                    let n = number_word(&rest.join(" "))?;
                    if !(10..100).contains(&n) {
                        return None;
                    }
                    n
                }
            };
            Some((c * 100 + tail) as i32)
        }
        _ => None,
    }
}

/// The year and month `delta` months after `y`-`m`.
pub fn add_months(y: i32, m: u8, delta: i32) -> (i32, u8) {
    let idx = y * 12 + (m as i32 - 1) + delta;
    (idx.div_euclid(12), (idx.rem_euclid(12) + 1) as u8)
}

pub fn valid(y: i32, m: u8, d: u8) -> bool {
    NaiveDate::from_ymd_opt(y, m as u32, d as u32).is_some()
}

/// The last day of a month.
pub fn month_end(y: i32, m: u8) -> Option<NaiveDate> {
    let (ny, nm) = add_months(y, m, 1);
    NaiveDate::from_ymd_opt(ny, nm as u32, 1)?.pred_opt()
}

/// Days from `from` back to the most recent `wd` (0 when `from` is one).
pub fn days_back(from: NaiveDate, wd: Weekday) -> i64 {
    (from.weekday().num_days_from_monday() as i64 - wd.num_days_from_monday() as i64).rem_euclid(7)
}

/// The Monday of the week holding `d`.
pub fn monday_of(d: NaiveDate) -> NaiveDate {
    d - Duration::days(d.weekday().num_days_from_monday() as i64)
}

/// Easter Sunday in the Gregorian calendar (the anonymous algorithm of
/// 1876, known as Meeus/Jones/Butcher).
pub fn easter(y: i32) -> Option<NaiveDate> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(y, month as u32, day as u32)
}

/// The `n`th `wd` of a month (`n` from 1), or the last one when `n` is 0.
pub fn nth_weekday(y: i32, m: u8, wd: Weekday, n: u8) -> Option<NaiveDate> {
    if n == 0 {
        let end = month_end(y, m)?;
        return Some(end - Duration::days(days_back(end, wd)));
    }
    let first = NaiveDate::from_ymd_opt(y, m as u32, 1)?;
    let ahead = (wd.num_days_from_monday() as i64 - first.weekday().num_days_from_monday() as i64)
        .rem_euclid(7);
    let d = first + Duration::days(ahead + 7 * (n as i64 - 1));
    (d.month() == m as u32).then_some(d)
}

/// How a reference date bounds the time of writing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// The publication date: the text was written then.
    Exact,
    /// The latest date the text states: it was written then or later.
    AtLeast,
}

/// The year that places a date written without one (given for each
/// candidate year by `at`) best against the reference. A sentence about
/// the future takes the first such date on or after the reference (or at
/// most a week before it: a plan reported late). Else
/// news reports the past: against a publication date, the most recent
/// such date on or before it, unless nothing in the clause is in the past
/// tense and the next one is near (within `near` days, and much nearer);
/// against a lower bound (the text was written on it or later), simply the
/// nearest.
pub fn year_for(
    at: impl Fn(i32) -> Option<NaiveDate>,
    reference: NaiveDate,
    bound: Bound,
    tense: Tense,
    near: i64,
) -> Option<i32> {
    let r = reference.year();
    let cands: Vec<(i32, i64)> = (r - 1..=r + 1)
        .filter_map(|y| at(y).map(|d| (y, (d - reference).num_days())))
        .collect();
    if tense == Tense::Future {
        // A few days back is a plan reported late, not one a year ahead.
        return cands.iter().find(|(_, diff)| *diff >= -7).map(|c| c.0);
    }
    // A verb in the past tense allows nothing ahead of a publication date.
    let near = if tense == Tense::Past { -1 } else { near };
    match bound {
        Bound::AtLeast => cands.iter().min_by_key(|(_, diff)| diff.abs()).map(|c| c.0),
        Bound::Exact => {
            let past = cands
                .iter()
                .filter(|(_, diff)| *diff <= 0)
                .max_by_key(|c| c.1);
            let ahead = cands.iter().find(|(_, diff)| *diff > 0);
            match (past, ahead) {
                (Some(p), Some(a)) if a.1 <= near && -p.1 > 2 * a.1 => Some(a.0),
                (Some(p), _) => Some(p.0),
                (None, a) => a.map(|a| a.0),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn easter_sundays() {
        assert_eq!(easter(2024), Some(d(2024, 3, 31)));
        assert_eq!(easter(2025), Some(d(2025, 4, 20)));
        assert_eq!(easter(2019), Some(d(2019, 4, 21)));
        assert_eq!(easter(2000), Some(d(2000, 4, 23)));
        assert_eq!(easter(1997), Some(d(1997, 3, 30)));
    }

    #[test]
    fn nth_weekdays() {
        // Thanksgiving 2023: the fourth Thursday of November.
        assert_eq!(
            nth_weekday(2023, 11, Weekday::Thu, 4),
            Some(d(2023, 11, 23))
        );
        // Memorial Day 2024: the last Monday of May.
        assert_eq!(nth_weekday(2024, 5, Weekday::Mon, 0), Some(d(2024, 5, 27)));
        assert_eq!(nth_weekday(2023, 2, Weekday::Thu, 5), None);
        assert_eq!(nth_weekday(2024, 2, Weekday::Thu, 5), Some(d(2024, 2, 29)));
    }

    #[test]
    fn numbers_and_years_in_words() {
        assert_eq!(number_word("forty-two"), Some(42));
        assert_eq!(number_word("seven"), Some(7));
        assert_eq!(number_word("a"), Some(1));
        assert_eq!(number_word("twenty eleven"), None);
        assert_eq!(year_in_words("nineteen ninety-seven"), Some(1997));
        assert_eq!(year_in_words("Nineteen hundred"), Some(1900));
        assert_eq!(year_in_words("nineteen oh five"), Some(1905));
        assert_eq!(year_in_words("two thousand and eight"), Some(2008));
        assert_eq!(year_in_words("two thousand"), Some(2000));
        assert_eq!(year_in_words("twenty twenty-one"), Some(2021));
        assert_eq!(year_in_words("two hundred"), None);
    }

    #[test]
    fn years_for_dates_without_one() {
        let dec = d(2006, 12, 18);
        let feb = |y: i32| NaiveDate::from_ymd_opt(y, 2, 15);
        // A past February seen from December is this year's…
        assert_eq!(
            year_for(feb, dec, Bound::Exact, Tense::Unknown, 30),
            Some(2006)
        );
        // …a future one, next year's.
        assert_eq!(
            year_for(feb, dec, Bound::Exact, Tense::Future, 30),
            Some(2007)
        );
        // A date a few days ahead, with nothing said of the future, is near.
        let jan = |y: i32| NaiveDate::from_ymd_opt(y, 1, 2);
        assert_eq!(
            year_for(jan, dec, Bound::Exact, Tense::Unknown, 30),
            Some(2007)
        );
        // …unless the verb is in the past tense.
        assert_eq!(
            year_for(jan, dec, Bound::Exact, Tense::Past, 30),
            Some(2006)
        );
        // Against a lower bound, the nearest.
        let lb = d(2018, 12, 31);
        let jan18 = |y: i32| NaiveDate::from_ymd_opt(y, 1, 18);
        assert_eq!(
            year_for(jan18, lb, Bound::AtLeast, Tense::Unknown, 30),
            Some(2019)
        );
    }
}
