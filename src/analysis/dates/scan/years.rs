//! Dates built on a year: numeric dates (`2021-03-08`, `25.12.2019`),
//! years after a cue (`in 1961`), ranges (`2009-12`), decades and
//! centuries (`the 1990s`, `the 19th century`) and years in words.

use super::lists::*;
use super::{Scan, continues_range, each, num, patterns, range_of, whole};
use crate::analysis::dates::PartialDate;
use crate::analysis::dates::calendar::year_in_words;
use crate::analysis::dates::words::{in_number, next_word, prev_word, qualifier_before};
use chrono::NaiveDate;

impl Scan<'_> {
    pub(super) fn numeric(&mut self) {
        let text = self.text;
        let wins = self.wins;
        for (off, c) in each(&patterns().numeric, text, &wins.year) {
            let w = whole(&c, off);
            let (y, m, d, end) = if c.name("y").is_some() {
                if c["s1"] != c["s1b"] {
                    continue;
                }
                (
                    num::<i32>(&c, "y"),
                    num::<u8>(&c, "m"),
                    num::<u8>(&c, "d"),
                    range_of(&c, "d", off).end,
                )
            } else {
                if c["s2"] != c["s2b"] {
                    continue;
                }
                let (a, b): (u8, u8) = (num(&c, "a"), num(&c, "b"));
                // Day first with dots; with slashes or hyphens only when the
                // order is certain.
                let (d, m) = if &c["s2"] == "." || a > 12 {
                    (a, b)
                } else if b > 12 {
                    (b, a)
                } else {
                    continue;
                };
                (num::<i32>(&c, "y2"), m, d, range_of(&c, "y2", off).end)
            };
            let range = w.start..end;
            let Some(date) = NaiveDate::from_ymd_opt(y, m as u32, d as u32) else {
                continue;
            };
            if in_number(text, &range) {
                continue;
            }
            self.stated(range, PartialDate::day(date), None);
        }
    }

    pub(super) fn years(&mut self) {
        let text = self.text;
        let wins = self.wins;
        let p = patterns();
        for (off, c) in each(&p.year, text, &wins.year) {
            let yr = range_of(&c, "y", off);
            let w = whole(&c, off);
            let num_range = yr.start..if c.name("dec").is_some() {
                w.end
            } else {
                yr.end
            };
            let y: i32 = num(&c, "y");
            if in_number(text, &num_range) {
                continue;
            }
            let (word, word_start) = prev_word(text, yr.start);
            let pre = word.to_ascii_lowercase();
            let keep_word = YEAR_CUES_KEPT.contains(&pre.as_str());
            let bare_ok = matches!(pre.as_str(), "the" | "of" | "for" | "fiscal" | "year")
                || (pre == "(" && text[w.end..].starts_with(')'))
                || c.name("pos").is_some()
                || qualifier_before(text, yr.start).is_some()
                || continues_range(text, yr.start);
            if !keep_word && !bare_ok {
                continue;
            }
            let decade_poss = c.name("pos").is_some() && y % 10 == 0 && pre == "the";
            let (date, end) = if c.name("dec").is_some() || decade_poss {
                // "the 1800s" is a century, "the 1990s" and "the 2000s" decades.
                if y % 100 == 0 && y != 2000 {
                    (y, Some(y + 99))
                } else if y % 10 == 0 {
                    (y, Some(y + 9))
                } else {
                    continue;
                }
            } else {
                (y, None)
            };
            let start = if keep_word { word_start } else { yr.start };
            let end_at = if c.name("dec").is_some() || decade_poss {
                w.end
            } else {
                yr.end
            };
            self.stated(
                start..end_at,
                PartialDate::year(date),
                end.map(PartialDate::year),
            );
        }
        for (off, c) in each(&p.year_range, text, &wins.year) {
            let w = whole(&c, off);
            let y: i32 = num(&c, "y");
            let y2s = &c["y2"];
            let y2: i32 = if y2s.len() == 2 {
                (y / 100) * 100 + y2s.parse::<i32>().unwrap_or(0)
            } else {
                y2s.parse().unwrap_or(0)
            };
            if y2 <= y || y2 - y > 200 || in_number(text, &w) {
                continue;
            }
            self.stated(w, PartialDate::year(y), Some(PartialDate::year(y2)));
        }
        for (off, c) in each(&p.year_words, text, &wins.year_words) {
            let w = whole(&c, off);
            let Some(y) = year_in_words(&c["w"]) else {
                continue;
            };
            let (word, _) = prev_word(text, w.start);
            let pre = word.to_ascii_lowercase();
            let (nw, _) = next_word(text, w.end);
            // "two thousand" is also a number: only after a word that asks
            // for a year, and before no noun.
            if c["w"].to_ascii_lowercase().starts_with("two") {
                let cue = YEAR_CUES_KEPT.contains(&pre.as_str()) || pre == "year";
                let noun_follows =
                    nw.starts_with(|ch: char| ch.is_lowercase()) && !FUNCTION_WORDS.contains(&nw);
                if !cue || noun_follows {
                    continue;
                }
            }
            self.stated(w, PartialDate::year(y), None);
        }
    }

    pub(super) fn decades(&mut self) {
        let text = self.text;
        let wins = self.wins;
        for (off, c) in each(&patterns().decade, text, &wins.decade) {
            let w = whole(&c, off);
            let (first, last) = if let Some(yy) = c.name("yy") {
                if text[..w.start]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
                {
                    continue;
                }
                let d: i32 = yy.as_str().parse().unwrap_or(0);
                let y = if d <= 10 { 2000 + d } else { 1900 + d };
                (y, y + 9)
            } else if let Some(dw) = c.name("dw") {
                let tens =
                    crate::analysis::dates::calendar::number_word(&dw.as_str().replace("ies", "y"))
                        .unwrap_or(0) as i32;
                (1900 + tens, 1900 + tens + 9)
            } else {
                let o = c["ord"].to_ascii_lowercase();
                let n = o
                    .trim_end_matches(|ch: char| ch.is_alphabetic())
                    .parse::<i32>()
                    .ok()
                    .or_else(|| ordinal_word(&o))
                    .unwrap_or(0);
                let (nw, _) = next_word(text, w.end);
                if !(1..=22).contains(&n) || matches!(nw, "BC" | "BCE" | "B") {
                    continue;
                }
                ((n - 1) * 100, (n - 1) * 100 + 99)
            };
            let mut range = w;
            let (pw, ps) = prev_word(text, range.start);
            if pw.eq_ignore_ascii_case("the") {
                range.start = ps;
            }
            self.stated(
                range,
                PartialDate::year(first),
                Some(PartialDate::year(last)),
            );
        }
    }
}

fn ordinal_word(s: &str) -> Option<i32> {
    const ORD: [&str; 22] = [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
        "twenty-first",
        "twenty-second",
    ];
    ORD.iter().position(|o| *o == s).map(|i| i as i32 + 1)
}
