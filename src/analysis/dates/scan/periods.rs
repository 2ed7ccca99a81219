//! Named parts of the year: seasons, quarters and halves, holidays.

use super::lists::*;
use super::{Scan, each, patterns, rel_year, whole};
use crate::analysis::dates::calendar::month_number;
use crate::analysis::dates::expr::{YearRef, Yearly};
use crate::analysis::dates::holidays;
use crate::analysis::dates::words::{next_word, prev_word};
use chrono::Weekday;

impl Scan<'_> {
    pub(super) fn seasons(&mut self) {
        let text = self.text;
        let wins = self.wins;
        for (off, c) in each(&patterns().season, text, &wins.season) {
            let w = whole(&c, off);
            let s = c["s"].to_ascii_lowercase();
            let (first, last) = match s.as_str() {
                "spring" => (3, 5),
                "summer" => (6, 8),
                "autumn" | "fall" => (9, 11),
                _ => (12, 2),
            };
            let dir = c.name("dir").map(|d| d.as_str().to_ascii_lowercase());
            let year = if let Some(y) = c.name("y") {
                YearRef::Stated(y.as_str().parse().unwrap_or(0))
            } else if let Some(r) = rel_year(&c) {
                r
            } else {
                match dir.as_deref() {
                    Some("last" | "past") => YearRef::Last,
                    Some("next" | "coming") => YearRef::Next,
                    Some(_) => YearRef::This,
                    None => {
                        let capital = c["s"].starts_with(|ch: char| ch.is_uppercase());
                        let (pw, _) = prev_word(text, w.start);
                        let pre = pw.to_ascii_lowercase();
                        let (nw, _) = next_word(text, w.end);
                        let after_ok = !nw.starts_with(|ch: char| ch.is_alphanumeric())
                            || FUNCTION_WORDS.contains(&nw);
                        let cue = match pre.as_str() {
                            "in" | "during" | "by" | "until" | "till" | "since" | "over"
                            | "through" | "throughout" => s != "fall" || after_ok,
                            "the" => {
                                after_ok && s != "fall" && {
                                    let (p2, _) = prev_word(text, prev_word(text, w.start).1);
                                    SEASON_BEFORE_THE.contains(&p2.to_ascii_lowercase().as_str())
                                }
                            }
                            "early" | "late" | "mid" => s != "fall",
                            _ => false,
                        };
                        if capital || !cue {
                            continue;
                        }
                        YearRef::Context
                    }
                }
            };
            self.yearly(w, Yearly::Months { first, last }, year);
        }
    }

    pub(super) fn quarters(&mut self) {
        let text = self.text;
        let wins = self.wins;
        for (off, c) in each(&patterns().quarter, text, &wins.quarter) {
            let w = whole(&c, off);
            let (unit, idx) = if let Some(q) = c.name("qq") {
                let s = q.as_str();
                let n: u8 = s[1..].parse().unwrap_or(1);
                if s.starts_with('H') && (n > 2 || c.name("qy").is_none()) {
                    continue;
                }
                (
                    if s.starts_with('H') {
                        "half"
                    } else {
                        "quarter"
                    },
                    n,
                )
            } else {
                let ord = c["ord"].to_ascii_lowercase();
                let unit = &c["unit"];
                let n = match ord.as_str() {
                    "first" | "1st" => 1,
                    "second" | "2nd" => 2,
                    "third" | "3rd" => 3,
                    "fourth" | "4th" => 4,
                    _ => {
                        if unit == "half" {
                            2
                        } else {
                            4
                        }
                    }
                };
                if unit == "half" && n > 2 {
                    continue;
                }
                (unit, n)
            };
            let year = if let Some(y) = c.name("y").or(c.name("y3")) {
                YearRef::Stated(y.as_str().parse().unwrap_or(0))
            } else if let Some(y) = c.name("qy") {
                let s = y.as_str().trim_start_matches(['\'', '’']);
                let v: i32 = s.parse().unwrap_or(0);
                YearRef::Stated(if s.len() == 2 { 2000 + v } else { v })
            } else if let Some(of) = c.name("of") {
                match of.as_str() {
                    "last" => YearRef::Offset(-1),
                    "next" => YearRef::Offset(1),
                    "previous" => YearRef::Anchor(-1),
                    "following" => YearRef::Anchor(1),
                    "same" => YearRef::Anchor(0),
                    _ => YearRef::Offset(0),
                }
            } else if c.get(0).is_some_and(|m| m.as_str().contains(" of ")) {
                // "of the year": the year of the reference.
                YearRef::Offset(0)
            } else {
                // A bare "first quarter" is a period of a game as often as
                // of a year: only the adjective ("first-quarter profit")
                // and the abbreviations ("Q3") are dates on their own.
                let hyphen = c.name("hy").is_some_and(|h| h.as_str() == "-");
                if !(hyphen || c.name("qq").is_some()) {
                    continue;
                }
                YearRef::Context
            };
            let (first, last) = if unit == "half" {
                (idx * 6 - 5, idx * 6)
            } else {
                (idx * 3 - 2, idx * 3)
            };
            let mut range = w;
            let (pw, ps) = prev_word(text, range.start);
            if pw.eq_ignore_ascii_case("the") {
                range.start = ps;
            }
            self.yearly(range, Yearly::Months { first, last }, year);
        }
    }

    pub(super) fn holidays(&mut self) {
        let text = self.text;
        let wins = self.wins;
        for (off, c) in each(&patterns().holiday, text, &wins.holiday) {
            let w = whole(&c, off);
            let Some(rule) = holidays::rule(&c["h"]) else {
                continue;
            };
            let (pw, _) = prev_word(text, w.start);
            let (nw, _) = next_word(text, w.end);
            // Another calendar's holiday ("Orthodox Easter", "Lunar New
            // Year") or a name ("Easter Island", "Christmas Island").
            let (nw2, _) = next_word(text, next_word(text, w.end).1);
            let named = c.name("y").is_none()
                && nw.starts_with(|ch: char| ch.is_uppercase())
                && !nw2.starts_with(|ch: char| ch.is_uppercase())
                && month_number(nw).is_none()
                && nw.parse::<Weekday>().is_err();
            // A capitalised word before it, not at the start of a sentence,
            // makes it part of a name ("Jermaine Easter").
            let (_, ps) = prev_word(text, w.start);
            let sentence_start = text[..ps].trim_end().is_empty()
                || text[..ps]
                    .trim_end()
                    .ends_with(['.', '!', '?', '"', '“', ':']);
            let after_name = pw.starts_with(|ch: char| ch.is_uppercase())
                && !sentence_start
                && month_number(pw).is_none()
                && pw.parse::<Weekday>().is_err();
            if OTHER_CALENDARS.contains(&pw) || named || after_name {
                continue;
            }
            let year = if let Some(y) = c.name("y") {
                YearRef::Stated(y.as_str().parse().unwrap_or(0))
            } else if let Some(r) = rel_year(&c) {
                r
            } else {
                match c
                    .name("dir")
                    .map(|d| d.as_str().to_ascii_lowercase())
                    .as_deref()
                {
                    Some("last") => YearRef::Last,
                    Some("next") => YearRef::Next,
                    Some(_) => YearRef::This,
                    None => YearRef::Context,
                }
            };
            self.yearly(w, Yearly::Holiday(rule), year);
        }
    }
}
