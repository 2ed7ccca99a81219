//! Dates built on a month name (`March 3`, `3 March 2015`, `March 2015`,
//! `in March`) and bare weekdays (`said Tuesday`).

use super::lists::*;
use super::{Scan, continues_range, each, num, patterns, range_of, rel_year, whole};
use crate::analysis::dates::PartialDate;
use crate::analysis::dates::calendar::month_number;
use crate::analysis::dates::expr::{Expr, Shift, YearRef, Yearly};
use crate::analysis::dates::words::{in_number, next_word, past_word, prev_word, qualifier_before};
use chrono::Weekday;

impl Scan<'_> {
    pub(super) fn month_day(&mut self) {
        let text = self.text;
        let wins = &self.wins.month;
        let p = patterns();
        for (off, c, day_first) in each(&p.mdy, text, wins)
            .map(|(o, c)| (o, c, false))
            .chain(each(&p.dmy, text, wins).map(|(o, c)| (o, c, true)))
        {
            let w = whole(&c, off);
            let mon = &c["mon"];
            let Some(m) = month_number(mon) else { continue };
            let d: u8 = num(&c, "d");
            let d2: Option<u8> = c.name("d2").and_then(|x| x.as_str().parse().ok());
            let m2 = c.name("mon2").and_then(|x| month_number(x.as_str()));
            // "May" needs its capital and a day; a bare "Mar" or "Jun" with
            // no year and no period is not a month.
            if mon.len() == 3 && mon != "May" && c.name("y").is_none() && !day_first {
                let after = text[range_of(&c, "mon", off).end..].chars().next();
                if after != Some('.') && !text[w.clone()].ends_with(char::is_numeric) {
                    continue;
                }
            }
            // A month name glued to a number ("Mar2") is not a date.
            if !day_first
                && !mon.ends_with('.')
                && text[range_of(&c, "mon", off).end..].starts_with(|ch: char| ch.is_ascii_digit())
            {
                continue;
            }
            if d == 0 || in_number(text, &w) {
                continue;
            }
            let year = match c.name("y") {
                Some(y) => YearRef::Stated(y.as_str().parse().unwrap_or(0)),
                None => rel_year(&c).unwrap_or(YearRef::Context),
            };
            // "last December 17", "next March 31".
            let (pw, pstart) = prev_word(text, w.start);
            let (year, start) = match (year, pw) {
                (YearRef::Context, "last") => (YearRef::Last, pstart),
                (YearRef::Context, "next") => (YearRef::Next, pstart),
                _ => (year, w.start),
            };
            let what = match (m2, d2) {
                (Some(m2), Some(e)) if m2 != m => Yearly::Days {
                    month: m,
                    day: d,
                    end_month: m2,
                    end_day: e,
                },
                (_, e) => Yearly::Day {
                    month: m,
                    day: d,
                    end_day: e.filter(|e| *e > d),
                },
            };
            if !crate::analysis::dates::calendar::valid(2000, m, d) {
                continue;
            }
            self.yearly(start..w.end, what, year);
        }
    }

    pub(super) fn month_year(&mut self) {
        let text = self.text;
        let wins = self.wins;
        for (off, c) in each(&patterns().my, text, &wins.month) {
            let Some(m) = month_number(&c["mon"]) else {
                continue;
            };
            let w = whole(&c, off);
            if in_number(text, &w) {
                continue;
            }
            self.stated(w, PartialDate::month(num(&c, "y"), m), None);
        }
    }

    fn may_is_name(&mut self) -> bool {
        let text = self.text;
        *self.may_is_name.get_or_insert_with(|| {
            patterns().may_name.find_iter(text).any(|m| {
                let first = m.as_str().split_whitespace().next().unwrap_or("");
                !MONTH_CUES.contains(&first.to_ascii_lowercase().as_str())
                    && month_number(first).is_none_or(|_| first.len() < 3)
            })
        })
    }

    pub(super) fn month_alone(&mut self) {
        let text = self.text;
        let wins = self.wins;
        for (off, c) in each(&patterns().month, text, &wins.month) {
            let mon = range_of(&c, "mon", off);
            let name = &text[mon.clone()];
            let Some(m) = month_number(name) else {
                continue;
            };
            let w = whole(&c, off);
            let rel = rel_year(&c);
            let (word, word_start) = prev_word(text, mon.start);
            let pre = word.to_ascii_lowercase();
            let qualified = qualifier_before(text, mon.start).is_some();
            let (year, start) = match pre.as_str() {
                "last" => (YearRef::Last, word_start),
                "next" => (YearRef::Next, word_start),
                "this" => (YearRef::This, word_start),
                _ => (rel.unwrap_or(YearRef::Context), mon.start),
            };
            let cue = rel.is_some()
                || qualified
                || matches!(
                    year,
                    YearRef::Last | YearRef::Next | YearRef::This | YearRef::Offset(_)
                )
                || MONTH_CUES.contains(&pre.as_str())
                || (pre == "of" && {
                    let (w2, _) = prev_word(text, word_start);
                    PART_BEFORE_OF.contains(&w2.to_ascii_lowercase().as_str())
                })
                || ((pre == "'s" || pre == "’s") && !matches!(name, "March" | "May") && {
                    let (nw, _) = next_word(text, mon.end);
                    nw.starts_with(|ch: char| ch.is_lowercase())
                })
                // "a February bomb blast", "the March ballot".
                || (matches!(pre.as_str(), "a" | "an" | "the") && {
                    let (nw, _) = next_word(text, mon.end);
                    nw.starts_with(|ch: char| ch.is_lowercase())
                        && nw.chars().all(char::is_alphabetic)
                        && !FUNCTION_WORDS.contains(&nw)
                        && !MONTH_NOUN_AFTER.contains(&nw)
                })
                // "September's summit".
                || text[mon.end..].starts_with(['\'', '’']) && text[mon.end..].chars().nth(1) == Some('s')
                || continues_range(text, mon.start)
                // "July saw record traffic": a sentence that opens with the
                // month and a verb.
                || ({
                    let before = text[..mon.start].trim_end_matches([' ', '\n', '"', '“']);
                    before.is_empty() || before.ends_with(['.', '!', '?', ':'])
                } && {
                    let (nw, _) = next_word(text, mon.end);
                    matches!(nw, "is" | "was" | "will" | "has" | "had") || past_word(nw)
                });
            if !cue {
                continue;
            }
            // "a speech by May": the document names someone May.
            let possessive = text[mon.end..].starts_with(['\'', '’']);
            if name == "May"
                && rel.is_none()
                && (possessive
                    || matches!(pre.as_str(), "by" | "his" | "her" | "their" | "its" | "our"))
                && self.may_is_name()
            {
                continue;
            }
            self.yearly(start..w.end, Yearly::Month(m), year);
        }
    }

    pub(super) fn weekdays(&mut self) {
        let text = self.text;
        let whole_text = 0..text.len();
        for (off, c) in each(&patterns().weekday, text, std::slice::from_ref(&whole_text)) {
            let wdr = range_of(&c, "wd", off);
            let Ok(day) = text[wdr.clone()].parse::<Weekday>() else {
                continue;
            };
            let (word, word_start) = prev_word(text, wdr.start);
            let pre = word.to_ascii_lowercase();
            let (nw, _) = next_word(text, wdr.end);
            // Names: "the Sunday Times", "Bloody Sunday"; and weekdays in
            // general ("every Friday", "a Monday").
            let named_after = nw.starts_with(|ch: char| ch.is_uppercase())
                && (pre == "the" || NAME_AFTER_WEEKDAY.contains(&nw));
            if named_after
                || NAME_BEFORE_WEEKDAY.contains(&word)
                || matches!(pre.as_str(), "every" | "a" | "each" | "any" | "one")
            {
                continue;
            }
            let (shift, start) = match pre.as_str() {
                "last" => (Shift::Last, word_start),
                "next" => (Shift::Next, word_start),
                "this" => (Shift::This, word_start),
                _ => (Shift::Context, wdr.start),
            };
            self.push(start..wdr.end, Expr::Weekday { day, shift });
        }
    }
}
