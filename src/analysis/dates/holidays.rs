//! Holidays whose date follows from a rule: fixed days of the year, days
//! counted from Easter (Western churches), and the nth weekday of a month
//! (United States federal holidays and a few customs that follow them).
//! Holidays of lunar or lunisolar calendars (Ramadan, Eid, Passover,
//! Hanukkah, Diwali, the Lunar New Year) need tables per year and are not
//! listed: they are left undated rather than guessed.

use super::calendar::{easter, nth_weekday};
use chrono::{Duration, NaiveDate, Weekday};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// The same month and day every year.
    Fixed(u8, u8),
    /// Days after (or before, when negative) Easter Sunday.
    Easter(i16),
    /// The nth weekday of a month; 0 is the last.
    Nth(u8, Weekday, u8),
    /// Days after the nth weekday of a month (Black Friday).
    NthPlus(u8, Weekday, u8, i16),
}

impl Rule {
    /// The holiday's date in year `y`.
    pub fn date_in(self, y: i32) -> Option<NaiveDate> {
        match self {
            Rule::Fixed(m, d) => NaiveDate::from_ymd_opt(y, m as u32, d as u32),
            Rule::Easter(off) => easter(y).map(|e| e + Duration::days(off as i64)),
            Rule::Nth(m, wd, n) => nth_weekday(y, m, wd, n),
            Rule::NthPlus(m, wd, n, off) => {
                nth_weekday(y, m, wd, n).map(|d| d + Duration::days(off as i64))
            }
        }
    }
}

/// Names (as written, capitalised; apostrophes straight) and their rules.
/// Longer names come before the shorter names they contain.
pub const HOLIDAYS: &[(&str, Rule)] = &[
    ("New Year's Day", Rule::Fixed(1, 1)),
    ("New Year's Eve", Rule::Fixed(12, 31)),
    ("New Year's", Rule::Fixed(1, 1)),
    ("New Year Day", Rule::Fixed(1, 1)),
    ("Christmas Day", Rule::Fixed(12, 25)),
    ("Christmas Eve", Rule::Fixed(12, 24)),
    ("Christmas", Rule::Fixed(12, 25)),
    ("Boxing Day", Rule::Fixed(12, 26)),
    ("Hogmanay", Rule::Fixed(12, 31)),
    ("Epiphany", Rule::Fixed(1, 6)),
    ("Valentine's Day", Rule::Fixed(2, 14)),
    ("St. Patrick's Day", Rule::Fixed(3, 17)),
    ("St Patrick's Day", Rule::Fixed(3, 17)),
    ("Saint Patrick's Day", Rule::Fixed(3, 17)),
    ("International Women's Day", Rule::Fixed(3, 8)),
    ("Earth Day", Rule::Fixed(4, 22)),
    ("Anzac Day", Rule::Fixed(4, 25)),
    ("May Day", Rule::Fixed(5, 1)),
    ("Juneteenth", Rule::Fixed(6, 19)),
    ("Canada Day", Rule::Fixed(7, 1)),
    ("Bastille Day", Rule::Fixed(7, 14)),
    ("Assumption Day", Rule::Fixed(8, 15)),
    ("Halloween", Rule::Fixed(10, 31)),
    ("All Saints' Day", Rule::Fixed(11, 1)),
    ("All Souls' Day", Rule::Fixed(11, 2)),
    ("Guy Fawkes Night", Rule::Fixed(11, 5)),
    ("Bonfire Night", Rule::Fixed(11, 5)),
    ("Armistice Day", Rule::Fixed(11, 11)),
    ("Remembrance Day", Rule::Fixed(11, 11)),
    ("Veterans Day", Rule::Fixed(11, 11)),
    ("Veterans' Day", Rule::Fixed(11, 11)),
    ("World AIDS Day", Rule::Fixed(12, 1)),
    ("Australia Day", Rule::Fixed(1, 26)),
    ("Shrove Tuesday", Rule::Easter(-47)),
    ("Mardi Gras", Rule::Easter(-47)),
    ("Ash Wednesday", Rule::Easter(-46)),
    ("Palm Sunday", Rule::Easter(-7)),
    ("Maundy Thursday", Rule::Easter(-3)),
    ("Holy Thursday", Rule::Easter(-3)),
    ("Good Friday", Rule::Easter(-2)),
    ("Holy Saturday", Rule::Easter(-1)),
    ("Easter Sunday", Rule::Easter(0)),
    ("Easter Monday", Rule::Easter(1)),
    ("Easter", Rule::Easter(0)),
    ("Ascension Day", Rule::Easter(39)),
    ("Whit Sunday", Rule::Easter(49)),
    ("Whitsunday", Rule::Easter(49)),
    ("Pentecost", Rule::Easter(49)),
    ("Whit Monday", Rule::Easter(50)),
    ("Martin Luther King Jr. Day", Rule::Nth(1, Weekday::Mon, 3)),
    ("Martin Luther King Day", Rule::Nth(1, Weekday::Mon, 3)),
    ("Presidents' Day", Rule::Nth(2, Weekday::Mon, 3)),
    ("Presidents Day", Rule::Nth(2, Weekday::Mon, 3)),
    ("Memorial Day", Rule::Nth(5, Weekday::Mon, 0)),
    ("Labor Day", Rule::Nth(9, Weekday::Mon, 1)),
    ("Columbus Day", Rule::Nth(10, Weekday::Mon, 2)),
    ("Remembrance Sunday", Rule::Nth(11, Weekday::Sun, 2)),
    ("Thanksgiving Day", Rule::Nth(11, Weekday::Thu, 4)),
    ("Thanksgiving", Rule::Nth(11, Weekday::Thu, 4)),
    ("Black Friday", Rule::NthPlus(11, Weekday::Thu, 4, 1)),
    ("Cyber Monday", Rule::NthPlus(11, Weekday::Thu, 4, 4)),
];

/// The holiday named exactly `name` (curly apostrophes allowed).
pub fn rule(name: &str) -> Option<Rule> {
    let n = name.replace('’', "'");
    HOLIDAYS.iter().find(|(h, _)| *h == n).map(|(_, r)| *r)
}

/// Every spelling of every name, for the scanner's pattern (apostrophes
/// match either form).
pub fn pattern() -> String {
    let mut names: Vec<&str> = HOLIDAYS.iter().map(|(n, _)| *n).collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names
        .iter()
        .map(|n| regex::escape(n).replace('\'', "['’]"))
        .collect::<Vec<_>>()
        .join("|")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn fixed_and_movable_holidays() {
        let on = |n: &str, y: i32| rule(n).and_then(|r| r.date_in(y));
        assert_eq!(on("Christmas", 2020), Some(d(2020, 12, 25)));
        assert_eq!(on("Good Friday", 2024), Some(d(2024, 3, 29)));
        assert_eq!(on("Easter Monday", 2019), Some(d(2019, 4, 22)));
        assert_eq!(on("Ash Wednesday", 2025), Some(d(2025, 3, 5)));
        assert_eq!(on("Pentecost", 2023), Some(d(2023, 5, 28)));
        assert_eq!(on("Thanksgiving", 2022), Some(d(2022, 11, 24)));
        assert_eq!(on("Black Friday", 2022), Some(d(2022, 11, 25)));
        assert_eq!(on("Labor Day", 2021), Some(d(2021, 9, 6)));
        assert_eq!(on("Memorial Day", 2021), Some(d(2021, 5, 31)));
        assert_eq!(on("Valentine’s Day", 2021), Some(d(2021, 2, 14)));
        assert_eq!(on("Ramadan", 2021), None);
    }
}
