//! Dates in news text: absolute (`June 4, 2015`, `2015-06-04`, `1961`),
//! partial (`March 3`), ranges (`March 3-5`, `2015-2017`), vague (`early
//! June`, `mid-2015`, `end of last year`) and relative (`last year`, `two
//! years ago`, `on Monday`), each normalised to an ISO partial date with a
//! precision, an optional qualifier and an optional end. Relative and partial
//! dates are resolved against a reference date (the document's own).

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use regex::Regex;
use serde::Serialize;
use std::ops::Range;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    Year,
    Month,
    Day,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Early,
    Mid,
    Late,
}

/// A date known to a year, a month or a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PartialDate {
    pub fn year(y: i32) -> Self {
        PartialDate {
            year: y,
            month: None,
            day: None,
        }
    }
    pub fn month(y: i32, m: u8) -> Self {
        PartialDate {
            year: y,
            month: Some(m),
            day: None,
        }
    }
    pub fn day(d: NaiveDate) -> Self {
        PartialDate {
            year: d.year(),
            month: Some(d.month() as u8),
            day: Some(d.day() as u8),
        }
    }
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }
    /// ISO 8601, as precise as known: `2015`, `2015-06`, `2015-06-04`.
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }
    /// The first day this date could be.
    pub fn first_day(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(
            self.year,
            self.month.unwrap_or(1) as u32,
            self.day.unwrap_or(1) as u32,
        )
    }
    /// A day number for placing the date on a time axis (the middle of the
    /// span, shifted by the qualifier).
    pub fn axis_day(&self, q: Option<Qualifier>) -> i64 {
        let start = self.first_day().map_or(0, |d| d.num_days_from_ce() as i64);
        let span = match self.precision() {
            Precision::Day => 0,
            Precision::Month => 30,
            Precision::Year => 365,
        };
        let frac = match q {
            Some(Qualifier::Early) => 0.15,
            Some(Qualifier::Mid) => 0.5,
            Some(Qualifier::Late) => 0.85,
            None => 0.5,
        };
        start + (span as f64 * frac) as i64
    }
}

impl std::fmt::Display for PartialDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.iso())
    }
}

/// A date expression found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    pub range: Range<usize>,
    pub date: PartialDate,
    pub end: Option<PartialDate>,
    pub qualifier: Option<Qualifier>,
    /// True when the text alone does not fix the date (partial or relative)
    /// and the reference date was used.
    pub relative: bool,
}

const MON: &str = r"(?P<mon>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)";
const FULL_MON: &str = r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December)";
const YEAR: &str = r"(?:1[6-9]\d\d|20\d\d)";

struct Patterns {
    iso: Regex,
    mdy: Regex,
    dmy: Regex,
    my: Regex,
    vague: Regex,
    relative: Regex,
    year_range: Regex,
    year: Regex,
    month_alone: Regex,
    weekday: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let r = |s: String| super::regex(&s);
        Patterns {
            iso: r(format!(r"\b(?P<y>{YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
            mdy: r(format!(
                r"\b{MON}\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?:\s*(?:-|–|—|to|through)\s*(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?)?\b(?:,?\s+(?P<y>{YEAR})\b)?"
            )),
            dmy: r(format!(r"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{MON}(?:,?\s+(?P<y>{YEAR}))?\b")),
            my: r(format!(r"\b{MON},?\s+(?:of\s+)?(?P<y>{YEAR})\b")),
            vague: r(format!(
                r"\b(?P<q>[Ee]arly|[Mm]id|[Ll]ate|(?:[Tt]he\s+)?(?:[Ee]nd|[Bb]eginning|[Ss]tart|[Mm]iddle)\s+of)[-\s]+(?:{FULL_MON}(?:,?\s+(?P<y1>{YEAR}))?|(?P<y>{YEAR})|(?P<rel>(?:last|this|next)\s+(?:year|month)))\b"
            )),
            relative: r(r"\b(?P<rel>(?P<dir>[Ll]ast|[Tt]his|[Nn]ext|[Ee]arlier\s+this|[Ll]ater\s+this)\s+(?P<unit>year|month|week)|(?P<day>[Yy]esterday|[Tt]oday|[Tt]omorrow)|(?P<past>[Tt]he\s+(?:past|last)\s+(?:week|month|year))|(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a)\s+(?P<unit2>years?|months?|weeks?|days?)\s+ago)\b".to_string()),
            year_range: r(format!(r"\b(?:[Ff]rom\s+|[Bb]etween\s+)?(?P<y>{YEAR})\s*(?:-|–|—|to|and|until)\s*(?P<y2>{YEAR}|\d\d)\b")),
            // Anchored on the rare part (a year, a month, a weekday); the word
            // before is checked by hand, so that common words such as "in"
            // and "the" do not drive the search.
            year: r(format!(r"\b(?P<y>{YEAR})(?P<s>s)?\b")),
            month_alone: r(format!(r"\b{FULL_MON}\b")),
            weekday: r(r"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b".to_string()),
        }
    })
}

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

fn number_word(s: &str) -> Option<i64> {
    Some(match s.to_ascii_lowercase().as_str() {
        "a" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        n => n.parse().ok()?,
    })
}

fn add_months(y: i32, m: u8, delta: i32) -> (i32, u8) {
    let idx = y * 12 + (m as i32 - 1) + delta;
    (idx.div_euclid(12), (idx.rem_euclid(12) + 1) as u8)
}

/// The year that puts month `m` (day `d`) nearest to the reference date.
/// News mostly reports what happened, so a future date counts double unless
/// the sentence speaks of the future.
fn nearest_year(m: u8, d: u8, reference: NaiveDate, future: bool) -> i32 {
    let r = reference.year();
    (r - 1..=r + 1)
        .filter_map(|y| {
            NaiveDate::from_ymd_opt(y, m as u32, d as u32)
                .map(|date| (y, (date - reference).num_days()))
        })
        .min_by_key(|(_, diff)| {
            let cost = if *diff <= 0 {
                -diff
            } else if future {
                *diff
            } else {
                diff * 2
            };
            (cost, *diff > 0)
        })
        .map_or(r, |(y, _)| y)
}

/// Does the sentence around `pos` speak of the future?
fn future_context(text: &str, pos: usize) -> bool {
    static FUT: OnceLock<Regex> = OnceLock::new();
    let re = FUT.get_or_init(|| {
        super::regex(r"(?i)\b(will|would|shall|are to|is to|expected|scheduled|upcoming|plans? to|planning|set to|to be held|next|forthcoming)\b|['’]ll\b")
    });
    let mut a = pos.saturating_sub(300);
    while !text.is_char_boundary(a) {
        a += 1;
    }
    let mut b = (pos + 300).min(text.len());
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    let start = text[a..pos]
        .rfind(['.', '!', '?', '\n'])
        .map_or(a, |i| a + i + 1);
    let end = text[pos..b]
        .find(['.', '!', '?', '\n'])
        .map_or(b, |i| pos + i);
    re.is_match(&text[start..end])
}

fn valid(y: i32, m: u8, d: u8) -> bool {
    NaiveDate::from_ymd_opt(y, m as u32, d as u32).is_some()
}

/// The word before byte `pos` (skipping spaces) and where it starts; an
/// opening bracket or a possessive `'s` counts as a word.
fn prev_word(text: &str, pos: usize) -> (&str, usize) {
    let before = text[..pos].trim_end_matches([' ', '\u{a0}']);
    if before.len() == pos && pos > 0 {
        return ("", pos);
    }
    if let Some(b) = before.strip_suffix('(') {
        return ("(", b.len());
    }
    for poss in ["'s", "’s"] {
        if before.ends_with(poss) {
            return (poss, before.len() - poss.len());
        }
    }
    let start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map_or(before.len(), |(i, _)| i);
    (&before[start..], start)
}

/// Is the text just before `start` part of a number (so a match there is a
/// quantity such as `12,000` or `$2018`)?
fn in_number(text: &str, range: &Range<usize>) -> bool {
    let before = text[..range.start].chars().next_back();
    let after = text[range.end..].chars().next();
    let after2 = text[range.end..].chars().nth(1);
    matches!(before, Some('$' | '£' | '€' | '#' | ',' | '.' | '/' | '-')) && before != Some('-')
        || matches!(after, Some(',' | '.' | '/' | '%'))
            && after2.is_some_and(|c| c.is_ascii_digit())
        || after == Some('%')
}

/// Find every date expression in `text`, resolving partial and relative
/// ones against `reference` (those are dropped when it is `None`).
pub fn find(text: &str, reference: Option<NaiveDate>) -> Vec<DateMention> {
    let p = patterns();
    let mut found: Vec<DateMention> = Vec::new();
    let mut push = |m: Option<DateMention>| {
        if let Some(m) = m {
            found.push(m);
        }
    };
    for c in p.iso.captures_iter(text) {
        let (y, m, d) = (
            c["y"].parse().unwrap_or(0),
            c["m"].parse().unwrap_or(0),
            c["d"].parse().unwrap_or(0),
        );
        if valid(y, m, d) {
            let date = PartialDate {
                year: y,
                month: Some(m),
                day: Some(d),
            };
            push(Some(DateMention {
                range: c.get(0).map_or(0..0, |x| x.range()),
                date,
                end: None,
                qualifier: None,
                relative: false,
            }));
        }
    }
    for c in p.mdy.captures_iter(text).chain(p.dmy.captures_iter(text)) {
        let whole = c.get(0).map_or(0..0, |x| x.range());
        let Some(m) = month_number(&c["mon"]) else {
            continue;
        };
        let d: u8 = c["d"].parse().unwrap_or(0);
        let d2: Option<u8> = c.name("d2").and_then(|x| x.as_str().parse().ok());
        // "May 5" needs the capital; "Mar" and "Jun" etc. without a period
        // or a day are not dates.
        if c["mon"].len() == 3
            && !matches!(&c["mon"], "May")
            && c.name("y").is_none()
            && !text[..whole.end].ends_with(char::is_numeric)
        {
            continue;
        }
        let (year, relative) = match c.name("y") {
            Some(y) => (y.as_str().parse().unwrap_or(0), false),
            None => match reference {
                Some(r) => (
                    nearest_year(m, d.max(1), r, future_context(text, whole.start)),
                    true,
                ),
                None => continue,
            },
        };
        if !valid(year, m, d) || in_number(text, &whole) {
            continue;
        }
        let end = d2
            .filter(|e| *e > d && valid(year, m, *e))
            .map(|e| PartialDate {
                year,
                month: Some(m),
                day: Some(e),
            });
        push(Some(DateMention {
            range: whole,
            date: PartialDate {
                year,
                month: Some(m),
                day: Some(d),
            },
            end,
            qualifier: None,
            relative,
        }));
    }
    for c in p.my.captures_iter(text) {
        let Some(m) = month_number(&c["mon"]) else {
            continue;
        };
        let y = c["y"].parse().unwrap_or(0);
        push(Some(DateMention {
            range: c.get(0).map_or(0..0, |x| x.range()),
            date: PartialDate::month(y, m),
            end: None,
            qualifier: None,
            relative: false,
        }));
    }
    for c in p.vague.captures_iter(text) {
        let q = c["q"].to_ascii_lowercase();
        let qualifier = if q.starts_with("early") || q.contains("beginning") || q.contains("start")
        {
            Qualifier::Early
        } else if q.starts_with("mid") || q.contains("middle") {
            Qualifier::Mid
        } else {
            Qualifier::Late
        };
        let range = c.get(0).map_or(0..0, |x| x.range());
        let (date, relative) = if let Some(mon) = c.name("mon") {
            let Some(m) = month_number(mon.as_str()) else {
                continue;
            };
            match c.name("y1") {
                Some(y) => (
                    PartialDate::month(y.as_str().parse().unwrap_or(0), m),
                    false,
                ),
                None => match reference {
                    Some(r) => (
                        PartialDate::month(
                            nearest_year(m, 15, r, future_context(text, range.start)),
                            m,
                        ),
                        true,
                    ),
                    None => continue,
                },
            }
        } else if let Some(y) = c.name("y") {
            (PartialDate::year(y.as_str().parse().unwrap_or(0)), false)
        } else {
            let Some(r) = reference else { continue };
            let rel = c["rel"].to_ascii_lowercase();
            let dir = if rel.starts_with("last") {
                -1
            } else if rel.starts_with("next") {
                1
            } else {
                0
            };
            if rel.ends_with("year") {
                (PartialDate::year(r.year() + dir), true)
            } else {
                let (y, m) = add_months(r.year(), r.month() as u8, dir);
                (PartialDate::month(y, m), true)
            }
        };
        push(Some(DateMention {
            range,
            date,
            end: None,
            qualifier: Some(qualifier),
            relative,
        }));
    }
    if let Some(r) = reference {
        for c in p.relative.captures_iter(text) {
            let range = c.get(0).map_or(0..0, |x| x.range());
            let (date, end) = if let Some(past) = c.name("past") {
                let unit = past.as_str().rsplit(' ').next().unwrap_or("week");
                let days = match unit {
                    "week" => 7,
                    "month" => 30,
                    _ => 365,
                };
                (
                    PartialDate::day(r - Duration::days(days)),
                    Some(PartialDate::day(r)),
                )
            } else if let Some(day) = c.name("day") {
                let delta = match day.as_str().to_ascii_lowercase().as_str() {
                    "yesterday" => -1,
                    "tomorrow" => 1,
                    _ => 0,
                };
                (PartialDate::day(r + Duration::days(delta)), None)
            } else if let Some(unit) = c.name("unit") {
                let dir_s = c["dir"].to_ascii_lowercase();
                let dir = if dir_s.starts_with("last") {
                    -1
                } else if dir_s.starts_with("next") {
                    1
                } else {
                    0
                };
                match unit.as_str() {
                    "year" => (PartialDate::year(r.year() + dir), None),
                    "month" => {
                        let (y, m) = add_months(r.year(), r.month() as u8, dir);
                        (PartialDate::month(y, m), None)
                    }
                    _ => {
                        let monday = r - Duration::days(r.weekday().num_days_from_monday() as i64)
                            + Duration::weeks(dir as i64);
                        (
                            PartialDate::day(monday),
                            Some(PartialDate::day(monday + Duration::days(6))),
                        )
                    }
                }
            } else {
                let n = number_word(&c["n"]).unwrap_or(1);
                let unit = c["unit2"].trim_end_matches('s');
                match unit {
                    "year" => (PartialDate::year(r.year() - n as i32), None),
                    "month" => {
                        let (y, m) = add_months(r.year(), r.month() as u8, -(n as i32));
                        (PartialDate::month(y, m), None)
                    }
                    "week" => (PartialDate::day(r - Duration::weeks(n)), None),
                    _ => (PartialDate::day(r - Duration::days(n)), None),
                }
            };
            found.push(DateMention {
                range,
                date,
                end,
                qualifier: None,
                relative: true,
            });
        }
        for c in p.month_alone.captures_iter(text) {
            let mon = c.name("mon").map_or(0..0, |x| x.range());
            let Some(m) = month_number(&text[mon.clone()]) else {
                continue;
            };
            let (word, word_start) = prev_word(text, mon.start);
            let pre = word.to_ascii_lowercase();
            let cue = matches!(
                pre.as_str(),
                "in" | "since"
                    | "by"
                    | "until"
                    | "from"
                    | "during"
                    | "before"
                    | "after"
                    | "this"
                    | "last"
                    | "next"
                    | "his"
                    | "her"
                    | "their"
                    | "its"
                    | "'s"
                    | "’s"
            );
            if !cue {
                continue;
            }
            let (ry, rm) = (r.year(), r.month() as u8);
            let year = match pre.as_str() {
                "last" => {
                    if m < rm {
                        ry
                    } else {
                        ry - 1
                    }
                }
                "next" => {
                    if m > rm {
                        ry
                    } else {
                        ry + 1
                    }
                }
                "this" => ry,
                _ => nearest_year(m, 15, r, future_context(text, mon.start)),
            };
            let range = if matches!(pre.as_str(), "last" | "next" | "this") {
                word_start..mon.end
            } else {
                mon
            };
            found.push(DateMention {
                range,
                date: PartialDate::month(year, m),
                end: None,
                qualifier: None,
                relative: true,
            });
        }
        for c in p.weekday.captures_iter(text) {
            let wdr = c.name("wd").map_or(0..0, |x| x.range());
            let wd: Weekday = text[wdr.clone()].parse().unwrap_or(Weekday::Mon);
            let (word, word_start) = prev_word(text, wdr.start);
            let pre = word.to_ascii_lowercase();
            if !matches!(pre.as_str(), "on" | "last" | "next" | "this") {
                continue;
            }
            let back = (r.weekday().num_days_from_monday() as i64
                - wd.num_days_from_monday() as i64)
                .rem_euclid(7);
            let date = if pre == "next" {
                r + Duration::days(7 - back)
            } else if back == 0 && pre == "last" {
                r - Duration::days(7)
            } else {
                r - Duration::days(back)
            };
            let start = if pre == "on" { wdr.start } else { word_start };
            found.push(DateMention {
                range: start..wdr.end,
                date: PartialDate::day(date),
                end: None,
                qualifier: None,
                relative: true,
            });
        }
    }
    for c in p.year_range.captures_iter(text) {
        let range = c.get(0).map_or(0..0, |x| x.range());
        let y: i32 = c["y"].parse().unwrap_or(0);
        let y2s = &c["y2"];
        let y2: i32 = if y2s.len() == 2 {
            (y / 100) * 100 + y2s.parse::<i32>().unwrap_or(0)
        } else {
            y2s.parse().unwrap_or(0)
        };
        if y2 <= y || y2 - y > 200 || in_number(text, &range) {
            continue;
        }
        found.push(DateMention {
            range,
            date: PartialDate::year(y),
            end: Some(PartialDate::year(y2)),
            qualifier: None,
            relative: false,
        });
    }
    for c in p.year.captures_iter(text) {
        let ym = c.name("y").map_or(0..0, |x| x.range());
        let range = ym.start..c.get(0).map_or(0, |x| x.end());
        if in_number(text, &range) {
            continue;
        }
        let (word, word_start) = prev_word(text, ym.start);
        let pre = word.to_ascii_lowercase();
        let keep_word = matches!(
            pre.as_str(),
            "in" | "since"
                | "by"
                | "until"
                | "till"
                | "from"
                | "before"
                | "after"
                | "during"
                | "around"
                | "circa"
                | "through"
        );
        let bare_ok = matches!(pre.as_str(), "the" | "of" | "for");
        if !keep_word && !bare_ok {
            // "(2018)" needs its closing bracket to be a year.
            if !(pre == "(" && text[range.end..].starts_with(')')) {
                continue;
            }
        }
        let y: i32 = c["y"].parse().unwrap_or(0);
        let end = c.name("s").map(|_| PartialDate::year(y + 9));
        let start = if keep_word { word_start } else { ym.start };
        found.push(DateMention {
            range: start..range.end,
            date: PartialDate::year(y),
            end,
            qualifier: None,
            relative: false,
        });
    }
    // Overlapping matches: keep the longest (then the earliest).
    found.sort_by(|a, b| {
        (std::cmp::Reverse(a.range.len()), a.range.start)
            .cmp(&(std::cmp::Reverse(b.range.len()), b.range.start))
    });
    let mut taken: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    let mut out: Vec<DateMention> = Vec::with_capacity(found.len());
    for m in found {
        // Accepted ranges never overlap, so the last one starting before
        // this one ends is the only one that could overlap it.
        let clash = taken
            .range(..m.range.end)
            .next_back()
            .is_some_and(|(_, &end)| end > m.range.start);
        if !clash {
            taken.insert(m.range.start, m.range.end);
            out.push(m);
        }
    }
    out.sort_by_key(|m| m.range.start);
    out
}

/// A date with a day and a year, stated in `s` (for datelines).
pub fn full_date_in(s: &str) -> Option<(Range<usize>, NaiveDate)> {
    find(s, None).into_iter().find_map(|m| {
        if m.date.precision() != Precision::Day || m.relative {
            return None;
        }
        m.date.first_day().map(|d| (m.range, d))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// (text, iso, end, qualifier) for each date found.
    fn found(
        text: &str,
        r: Option<NaiveDate>,
    ) -> Vec<(String, String, Option<String>, Option<Qualifier>)> {
        find(text, r)
            .into_iter()
            .map(|m| {
                (
                    text[m.range.clone()].to_string(),
                    m.date.iso(),
                    m.end.map(|e| e.iso()),
                    m.qualifier,
                )
            })
            .collect()
    }

    fn one(
        text: &str,
        r: Option<NaiveDate>,
    ) -> (String, String, Option<String>, Option<Qualifier>) {
        let f = found(text, r);
        assert_eq!(f.len(), 1, "{text}: {f:?}");
        f.into_iter().next().unwrap()
    }

    #[test]
    fn absolute_dates() {
        assert_eq!(
            one("It opened on June 4, 2015 in Oslo.", None).1,
            "2015-06-04"
        );
        assert_eq!(one("It opened on 4 June 2015.", None).1, "2015-06-04");
        assert_eq!(one("Filed 2021-03-08 by staff.", None).1, "2021-03-08");
        assert_eq!(one("Talks began in Sept. 2020 again.", None).1, "2020-09");
        assert_eq!(
            one("He was born in 1961.", None),
            ("in 1961".into(), "1961".into(), None, None)
        );
        assert_eq!(one("Prices have doubled since 1990.", None).0, "since 1990");
        assert_eq!(one("The 1990s were calm.", None).2, Some("1999".into()));
    }

    #[test]
    fn ranges() {
        let r = Some(d(2021, 3, 8));
        assert_eq!(
            one("The fair runs March 3-5 in Leeds.", r),
            (
                "March 3-5".into(),
                "2021-03-03".into(),
                Some("2021-03-05".into()),
                None
            )
        );
        assert_eq!(
            one("He served from 2015 to 2017.", None).2,
            Some("2017".into())
        );
        assert_eq!(one("a 2009–12 programme", None).2, Some("2012".into()));
    }

    #[test]
    fn vague_dates() {
        let r = Some(d(2019, 1, 25));
        assert_eq!(
            one("They will meet in early June.", r),
            (
                "early June".into(),
                "2019-06".into(),
                None,
                Some(Qualifier::Early)
            )
        );
        assert_eq!(one("The plant closed in mid-2015.", r).1, "2015");
        assert_eq!(
            one("It expired at the end of last year.", r),
            (
                "the end of last year".into(),
                "2018".into(),
                None,
                Some(Qualifier::Late)
            )
        );
        assert_eq!(one("A summit in late February is planned.", r).1, "2019-02");
        assert_eq!(
            one("Relations grew tense in late 2018.", r).3,
            Some(Qualifier::Late)
        );
    }

    #[test]
    fn relative_dates_use_the_reference() {
        let r = Some(d(2021, 3, 8)); // a Monday
        assert_eq!(one("Sales fell last year.", r).1, "2020");
        assert_eq!(one("Results come next month.", r).1, "2021-04");
        assert_eq!(one("It closed two years ago.", r).1, "2019");
        assert_eq!(one("The vote was held on Thursday.", r).1, "2021-03-04");
        assert_eq!(one("It was agreed yesterday.", r).1, "2021-03-07");
        // A month and day without a year take the nearest year.
        assert_eq!(one("On December 30 the ship sailed.", r).1, "2020-12-30");
        assert_eq!(one("Talks resume in November.", r).1, "2020-11");
        // A past event months ahead of the reference is last year's…
        assert_eq!(
            one(
                "Little has changed since the June 12 summit.",
                Some(d(2019, 1, 25))
            )
            .1,
            "2018-06-12"
        );
        // …unless the sentence speaks of the future.
        assert_eq!(
            one("The vote will be held on June 12.", Some(d(2019, 1, 25))).1,
            "2019-06-12"
        );
        assert_eq!(one("Her March visit was cancelled.", r).1, "2021-03");
        assert_eq!(
            one("The past week saw talks.", r).2,
            Some("2021-03-08".into())
        );
        // Without a reference, relative dates are not guessed.
        assert!(found("Sales fell last year.", None).is_empty());
        assert!(find("Talks resume in November.", None).is_empty());
    }

    #[test]
    fn numbers_are_not_dates() {
        for t in [
            "Some 12,000 people came.",
            "It costs $15/month or $120/yr.",
            "a Tier II partner",
            "The 2019 votes were 1,2019.",
            "Stationing 28,500 US troops.",
            "Revenue rose 2020% in a year.",
            "He may go; march on.",
            "Page 1999 of the file",
            "There were 1984 delegates.",
        ] {
            let f = found(t, Some(d(2020, 1, 1)));
            let bad: Vec<_> = f
                .iter()
                .filter(|x| !x.0.starts_with("The 2019") && x.0 != "2019")
                .collect();
            assert!(bad.is_empty(), "{t}: {f:?}");
        }
    }

    #[test]
    fn datelines() {
        assert_eq!(
            full_date_in("February 6, 2019 Topic: Security").map(|x| x.1),
            Some(d(2019, 2, 6))
        );
        assert_eq!(full_date_in("8 Mar 2021").map(|x| x.1), Some(d(2021, 3, 8)));
        assert_eq!(
            full_date_in("Posted 2021-03-08").map(|x| x.1),
            Some(d(2021, 3, 8))
        );
        assert_eq!(full_date_in("March 2021"), None);
    }
}
