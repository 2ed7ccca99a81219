//! Finding date expressions: one pass of a few patterns over the text, each
//! anchored on the rare part of a date (a month, a weekday, a year, a
//! holiday, a unit of time), the words around it checked by hand. Nothing
//! here needs the document's date.

use super::calendar::{month_number, number_word, year_in_words};
use super::expr::{Expr, Found, Shift, Span, Unit, YearRef, Yearly};
use super::words::{in_number, next_word, prev_word, qualifier_before};
use super::{PartialDate, Precision, holidays};
use chrono::{NaiveDate, Weekday};
use regex::{Captures, Regex};
use std::ops::Range;
use std::sync::OnceLock;

/// A month name or abbreviation, as a whole word.
const MON: &str = r"(?P<mon>(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?:\.|\b))";
const MON2: &str = r"(?P<mon2>(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?:\.|\b))";
const FULL_MON: &str = r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December)";
const YEAR: &str = r"(?:1[6-9]\d\d|20\d\d)";
const WEEKDAY: &str = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
/// A weekday written before a calendar date (`Tuesday, March 4`).
const WD_PREFIX: &str = r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?,?\s+)?";
const REL_YEAR: &str = r"(?:,?\s+(?:of\s+)?(?P<rel>last|this|next)\s+year\b)";
const NUM: &str = r"(?:\d{1,3}|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Ee]leven|[Tt]welve|[Ff]ifteen|[Tt]wenty|[Tt]hirty|[Ff]orty|[Ff]ifty|[Aa]n?)";
const TENS_UNITS: &str = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?)";

struct Patterns {
    numeric: Regex,
    mdy: Regex,
    dmy: Regex,
    my: Regex,
    month: Regex,
    weekday: Regex,
    year: Regex,
    year_range: Regex,
    relative: Regex,
    part_of: Regex,
    season: Regex,
    quarter: Regex,
    decade: Regex,
    holiday: Regex,
    year_words: Regex,
    may_name: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let r = |s: String| super::super::regex(&s);
        Patterns {
            numeric: r(format!(
                r"\b(?:(?P<y>{YEAR})(?P<s1>[-/.])(?P<m>[01]?\d)(?P<s1b>[-/.])(?P<d>[0-3]?\d)|(?P<a>[0-3]?\d)(?P<s2>[-/.])(?P<b>[0-3]?\d)(?P<s2b>[-/.])(?P<y2>{YEAR}))(?:\b|T\d)"
            )),
            mdy: r(format!(
                r"\b{WD_PREFIX}{MON}\s*(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?:\s*(?:-|–|—|to|through|until|and)\s*(?:{MON2}\s*)?(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?)?\b(?:(?:,\s*|\s+)(?P<y>{YEAR})\b|{REL_YEAR})?"
            )),
            dmy: r(format!(
                r"\b{WD_PREFIX}(?:the\s+)?(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?:\s*(?:-|–|to|and)\s*(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?)?\s+(?:of\s+)?{MON}(?:,?\s+(?P<y>{YEAR})\b|{REL_YEAR})?"
            )),
            my: r(format!(r"\b{MON},?\s+(?:of\s+)?(?P<y>{YEAR})\b")),
            month: r(format!(r"\b{FULL_MON}\b{REL_YEAR}?")),
            weekday: r(format!(r"\b(?P<wd>{WEEKDAY})\b")),
            year: r(format!(r"\b(?P<y>{YEAR})(?:(?P<dec>s)|(?P<pos>['’]s))?\b")),
            year_range: r(format!(
                r"\b(?P<y>{YEAR})\s*(?:-|–|—|/)\s*(?P<y2>{YEAR}|\d\d)\b"
            )),
            relative: r(format!(
                r"\b(?:(?P<day>[Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight)|(?P<night>[Ll]ast\s+night|[Tt]his\s+(?:morning|afternoon|evening))|(?P<dir>[Ll]ast|[Tt]his|[Nn]ext|[Cc]oming|[Pp]ast|[Cc]urrent|[Pp]revious|[Pp]receding|[Ff]ollowing|[Ss]ame|[Tt]hat|[Ee]arlier\s+this|[Ll]ater\s+this)\s+(?P<fiscal>(?:fiscal|financial)\s+)?(?P<unit>year|month|week|quarter|decade|century|day)|(?P<n>{NUM})\s+(?P<u2>days?|weeks?|months?|years?|decades?|centuries|century)\s+(?P<rel>ago|later|earlier|before|after|on|from\s+now|hence)|(?P<dayrel>[Tt]he\s+day\s+(?:before|after)|[Tt]he\s+(?:next|following|previous|preceding)\s+(?:morning|evening|night)))\b"
            )),
            part_of: r(
                r"\b(?:(?:[Tt]he\s+)?(?P<q>end|beginning|start|middle|close)\s+of\s+(?:the|this)\s+(?P<unit>year|month|week|decade|century)|(?P<ye>year|month)-end|[Tt]he\s+(?P<ye2>year|month)['’]s\s+end)\b"
                    .to_string(),
            ),
            season: r(format!(
                r"\b(?:(?P<dir>[Ll]ast|[Tt]his|[Nn]ext|[Pp]ast|[Cc]oming)\s+)?(?P<s>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)\b(?:\s+(?:of\s+)?(?P<y>{YEAR})\b|{REL_YEAR})?"
            )),
            quarter: r(format!(
                r"\b(?:(?P<ord>[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|1st|2nd|3rd|4th|[Ff]inal)(?P<hy>-|\s+)(?P<unit>quarter|half)\b(?:\s+of\s+(?:(?P<y>{YEAR})\b|(?:the\s+)?(?:fiscal\s+)?(?P<of>this|last|next|current|previous|same|following)?\s*year\b)|\s+(?P<y3>{YEAR})\b)?|(?P<qq>[QH][1-4])(?:\s+|-|/)?(?P<qy>{YEAR}|['’]?\d\d)?\b)"
            )),
            decade: r(
                r"(?:['’](?P<yy>\d0)s\b|\b[Tt]he\s+(?P<dw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b|\b(?P<ord>\d{1,2}(?:st|nd|rd|th)|[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]ifth|[Ss]ixth|[Ss]eventh|[Ee]ighth|[Nn]inth|[Tt]enth|[Ee]leventh|[Tt]welfth|[Tt]hirteenth|[Ff]ourteenth|[Ff]ifteenth|[Ss]ixteenth|[Ss]eventeenth|[Ee]ighteenth|[Nn]ineteenth|[Tt]wentieth|[Tt]wenty-first|[Tt]wenty-second)[\s-]+century\b)"
                    .to_string(),
            ),
            holiday: r(format!(
                r"\b(?:(?P<dir>[Ll]ast|[Tt]his|[Nn]ext)\s+)?(?P<h>{})\b(?:,?\s+(?P<y>{YEAR})\b|{REL_YEAR})?",
                holidays::pattern()
            )),
            year_words: r(format!(
                r"\b(?P<w>(?:[Nn]ineteen|[Ee]ighteen|[Ss]eventeen|[Ss]ixteen|[Tt]wenty)[\s-]+(?:hundred|oh[\s-]+[a-z]+|{TENS_UNITS})|[Tt]wo[\s-]+thousand(?:(?:\s+and)?[\s-]+(?:{TENS_UNITS}|one|two|three|four|five|six|seven|eight|nine))?)\b"
            )),
            may_name: r(r"\b[A-Z][a-z]+\s+May\b".to_string()),
        }
    })
}

fn range_of(c: &Captures, name: &str) -> Range<usize> {
    c.name(name).map_or(0..0, |m| m.range())
}

fn whole(c: &Captures) -> Range<usize> {
    c.get(0).map_or(0..0, |m| m.range())
}

fn num<T: std::str::FromStr + Default>(c: &Captures, name: &str) -> T {
    c.name(name)
        .and_then(|m| m.as_str().parse().ok())
        .unwrap_or_default()
}

fn rel_year(c: &Captures) -> Option<YearRef> {
    c.name("rel").map(|r| match r.as_str() {
        "last" => YearRef::Offset(-1),
        "next" => YearRef::Offset(1),
        _ => YearRef::Offset(0),
    })
}

fn is_month_word(w: &str) -> bool {
    month_number(w).is_some() && (w.len() > 3 && w.chars().next().is_some_and(char::is_uppercase))
}

fn is_year_word(w: &str) -> bool {
    w.len() == 4
        && w.bytes().all(|b| b.is_ascii_digit())
        && w.parse::<i32>().is_ok_and(|y| (1600..2100).contains(&y))
}

/// Is the word before `pos` a range word (`to`, `and`, `-`) that follows a
/// year or a month (`1994 and 1997`, `January to March`)?
fn continues_range(text: &str, pos: usize) -> bool {
    let before = text[..pos].trim_end();
    let (w, start) = if before.ends_with(['-', '–', '—']) {
        (
            "-",
            before.len() - before.chars().next_back().map_or(1, char::len_utf8),
        )
    } else {
        prev_word(text, pos)
    };
    if !matches!(w, "to" | "and" | "or" | "through" | "until" | "till" | "-") {
        return false;
    }
    let (w2, s2) = prev_word(text, start);
    let in_number = text[..s2]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_digit() || c == '.' || c == ',');
    !in_number && (is_year_word(w2) || is_month_word(w2))
}

/// The scanner's state: the text and what was found so far.
struct Scan<'t> {
    text: &'t str,
    found: Vec<Found>,
    may_is_name: Option<bool>,
}

/// Find every date expression in `text`, in text order, without
/// overlaps (the longest wins).
pub fn scan(text: &str) -> Vec<Found> {
    let mut s = Scan {
        text,
        found: Vec::new(),
        may_is_name: None,
    };
    s.numeric();
    s.month_day();
    s.month_year();
    s.month_alone();
    s.weekdays();
    s.years();
    s.relative();
    s.seasons();
    s.quarters();
    s.decades();
    s.holidays();
    s.qualifiers();
    let mut out = without_overlaps(s.found);
    link_ranges(text, &mut out);
    out
}

impl Scan<'_> {
    fn push(&mut self, range: Range<usize>, expr: Expr) {
        self.found.push(Found::new(range, expr));
    }

    fn stated(&mut self, range: Range<usize>, date: PartialDate, end: Option<PartialDate>) {
        self.push(range, Expr::Stated { date, end });
    }

    /// A calendar date: fixed when its year is written, else to resolve.
    fn yearly(&mut self, range: Range<usize>, what: Yearly, year: YearRef) {
        if let YearRef::Stated(y) = year {
            if let Some((date, end)) = super::resolve::yearly_in(what, y) {
                self.stated(range, date, end);
            }
            return;
        }
        self.push(range, Expr::Yearly { what, year });
    }

    fn numeric(&mut self) {
        let text = self.text;
        for c in patterns().numeric.captures_iter(text) {
            let w = whole(&c);
            let (y, m, d, end) = if c.name("y").is_some() {
                if c["s1"] != c["s1b"] {
                    continue;
                }
                (
                    num::<i32>(&c, "y"),
                    num::<u8>(&c, "m"),
                    num::<u8>(&c, "d"),
                    range_of(&c, "d").end,
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
                (num::<i32>(&c, "y2"), m, d, range_of(&c, "y2").end)
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

    fn month_day(&mut self) {
        let text = self.text;
        let p = patterns();
        for (c, day_first) in p
            .mdy
            .captures_iter(text)
            .map(|c| (c, false))
            .chain(p.dmy.captures_iter(text).map(|c| (c, true)))
        {
            let w = whole(&c);
            let mon = &c["mon"];
            let Some(m) = month_number(mon) else { continue };
            let d: u8 = num(&c, "d");
            let d2: Option<u8> = c.name("d2").and_then(|x| x.as_str().parse().ok());
            let m2 = c.name("mon2").and_then(|x| month_number(x.as_str()));
            // "May" needs its capital and a day; a bare "Mar" or "Jun" with
            // no year and no period is not a month.
            if mon.len() == 3 && mon != "May" && c.name("y").is_none() && !day_first {
                let after = text[range_of(&c, "mon").end..].chars().next();
                if after != Some('.') && !text[w.clone()].ends_with(char::is_numeric) {
                    continue;
                }
            }
            // A month name glued to a number ("Mar2") is not a date.
            if !day_first
                && !mon.ends_with('.')
                && text[range_of(&c, "mon").end..].starts_with(|ch: char| ch.is_ascii_digit())
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
            if !super::calendar::valid(2000, m, d) {
                continue;
            }
            self.yearly(start..w.end, what, year);
        }
    }

    fn month_year(&mut self) {
        let text = self.text;
        for c in patterns().my.captures_iter(text) {
            let Some(m) = month_number(&c["mon"]) else {
                continue;
            };
            let w = whole(&c);
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

    fn month_alone(&mut self) {
        let text = self.text;
        for c in patterns().month.captures_iter(text) {
            let mon = range_of(&c, "mon");
            let name = &text[mon.clone()];
            let Some(m) = month_number(name) else {
                continue;
            };
            let w = whole(&c);
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
                || continues_range(text, mon.start);
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

    fn weekdays(&mut self) {
        let text = self.text;
        for c in patterns().weekday.captures_iter(text) {
            let wdr = range_of(&c, "wd");
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

    fn years(&mut self) {
        let text = self.text;
        let p = patterns();
        for c in p.year.captures_iter(text) {
            let yr = range_of(&c, "y");
            let w = whole(&c);
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
        for c in p.year_range.captures_iter(text) {
            let w = whole(&c);
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
        for c in p.year_words.captures_iter(text) {
            let w = whole(&c);
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

    fn relative(&mut self) {
        let text = self.text;
        let p = patterns();
        for c in p.relative.captures_iter(text) {
            let w = whole(&c);
            let (pw, pstart) = prev_word(text, w.start);
            let the = pw.eq_ignore_ascii_case("the");
            let (nw, _) = next_word(text, w.end);
            let mut start = w.start;
            let expr = if let Some(d) = c.name("day") {
                let n = match d.as_str().to_ascii_lowercase().as_str() {
                    "yesterday" => -1,
                    "tomorrow" => 1,
                    _ => 0,
                };
                Expr::FromReference {
                    unit: Unit::Day,
                    n,
                    span: Span::Point,
                }
            } else if let Some(x) = c.name("night") {
                let n = if x.as_str().to_ascii_lowercase().starts_with("last") {
                    -1
                } else {
                    0
                };
                Expr::FromReference {
                    unit: Unit::Day,
                    n,
                    span: Span::Point,
                }
            } else if let Some(unit) = c.name("unit") {
                let unit = unit_of(unit.as_str());
                let dir = c["dir"].to_ascii_lowercase();
                // "the last week of March" belongs to another expression.
                let (nw2, _) = next_word(text, next_word(text, w.end).1);
                let of_date = nw == "of"
                    && (nw2.starts_with(char::is_uppercase) && month_number(nw2).is_some()
                        || is_year_word(nw2)
                        || matches!(nw2, "the" | "this" | "last" | "next"));
                if of_date || nw == "or" {
                    continue;
                }
                // "the last fiscal year" is the previous one, not the past twelve months.
                let the = the && (c.name("fiscal").is_none() || dir != "last");
                if the {
                    start = pstart;
                }
                match (dir.as_str(), the, unit) {
                    // "the last quarter" of a game, as often as of a year.
                    ("last", true, Unit::Quarter) => continue,
                    ("last", true, _) | ("past", _, _) => Expr::FromReference {
                        unit,
                        n: -1,
                        span: Span::UpTo,
                    },
                    ("next", true, _) | ("following", _, _) => Expr::FromAnchor {
                        unit,
                        n: 1,
                        span: Span::Whole,
                    },
                    ("previous" | "preceding", _, _) => Expr::FromAnchor {
                        unit,
                        n: -1,
                        span: Span::Whole,
                    },
                    ("same", true, _) | ("that", false, _) => Expr::FromAnchor {
                        unit,
                        n: 0,
                        span: Span::Whole,
                    },
                    (_, _, Unit::Day) | ("same" | "that", _, _) => continue,
                    ("last", false, _) => Expr::FromReference {
                        unit,
                        n: -1,
                        span: Span::Whole,
                    },
                    ("next" | "coming", _, _) => Expr::FromReference {
                        unit,
                        n: 1,
                        span: Span::Whole,
                    },
                    (d, _, _) => Expr::FromReference {
                        unit,
                        n: 0,
                        span: if d.starts_with("earlier") {
                            Span::SoFar
                        } else if d.starts_with("later") {
                            Span::Rest
                        } else {
                            Span::Whole
                        },
                    },
                }
            } else if let Some(n) = c.name("n") {
                let Some(count) = number_word(n.as_str()) else {
                    continue;
                };
                // "1,400 years ago" is no count of one word.
                if text[..n.start()].ends_with([',', '.']) {
                    continue;
                }
                let unit = unit_of(&c["u2"]);
                let rel = c["rel"].to_ascii_lowercase();
                // "two days before the vote" counts from the vote; "a year
                // on" ends its clause.
                let clause_ends = text[w.end..]
                    .trim_start_matches(' ')
                    .starts_with(|ch: char| !ch.is_alphanumeric());
                if matches!(rel.as_str(), "before" | "after" | "on") && !clause_ends {
                    continue;
                }
                let n = count as i32;
                match rel.as_str() {
                    "ago" => Expr::FromReference {
                        unit,
                        n: -n,
                        span: Span::Point,
                    },
                    "earlier" | "before" => Expr::FromAnchor {
                        unit,
                        n: -n,
                        span: Span::Point,
                    },
                    "later" | "after" | "on" => Expr::FromAnchor {
                        unit,
                        n,
                        span: Span::Point,
                    },
                    _ => Expr::FromReference {
                        unit,
                        n,
                        span: Span::Point,
                    },
                }
            } else {
                let s = c["dayrel"].to_ascii_lowercase();
                let n = if s.contains("before") || s.contains("previous") || s.contains("preceding")
                {
                    -1
                } else {
                    1
                };
                if s.ends_with("before") || s.ends_with("after") {
                    // "the day after the vote" counts from the vote.
                    if nw.starts_with(|ch: char| ch.is_alphanumeric())
                        && !FUNCTION_WORDS.contains(&nw)
                    {
                        continue;
                    }
                }
                Expr::FromAnchor {
                    unit: Unit::Day,
                    n,
                    span: Span::Point,
                }
            };
            self.push(start..w.end, expr);
        }
        for c in p.part_of.captures_iter(text) {
            let w = whole(&c);
            let (unit, q) = if let Some(u) = c.name("unit") {
                let q = match &c["q"] {
                    "beginning" | "start" => super::Qualifier::Early,
                    "middle" => super::Qualifier::Mid,
                    _ => super::Qualifier::Late,
                };
                (unit_of(u.as_str()), q)
            } else {
                let u = c
                    .name("ye")
                    .or(c.name("ye2"))
                    .map_or("year", |m| m.as_str());
                (unit_of(u), super::Qualifier::Late)
            };
            let span = if unit == Unit::Week {
                continue;
            } else {
                Span::Whole
            };
            let mut f = Found::new(w, Expr::FromReference { unit, n: 0, span });
            f.qualifier = Some(q);
            self.found.push(f);
        }
    }

    fn seasons(&mut self) {
        let text = self.text;
        for c in patterns().season.captures_iter(text) {
            let w = whole(&c);
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

    fn quarters(&mut self) {
        let text = self.text;
        for c in patterns().quarter.captures_iter(text) {
            let w = whole(&c);
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

    fn decades(&mut self) {
        let text = self.text;
        for c in patterns().decade.captures_iter(text) {
            let w = whole(&c);
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
                let tens = super::calendar::number_word(&dw.as_str().replace("ies", "y"))
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

    fn holidays(&mut self) {
        let text = self.text;
        for c in patterns().holiday.captures_iter(text) {
            let w = whole(&c);
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

    /// `early`, `mid-`, `late`, `the end of` before a month, a year or a
    /// relative period belong to the expression.
    fn qualifiers(&mut self) {
        let text = self.text;
        for f in &mut self.found {
            if f.qualifier.is_some() {
                continue;
            }
            let eligible = match f.expr {
                Expr::Stated { date, .. } => date.precision() != Precision::Day,
                Expr::Yearly { what, .. } => {
                    matches!(what, Yearly::Month(_) | Yearly::Months { .. })
                }
                Expr::FromReference { unit, span, .. } | Expr::FromAnchor { unit, span, .. } => {
                    unit >= Unit::Month && span == Span::Whole
                }
                Expr::Weekday { .. } => false,
            };
            if !eligible {
                continue;
            }
            if let Some((q, at)) = qualifier_before(text, f.range.start) {
                f.qualifier = Some(q);
                f.range.start = at;
            }
        }
    }
}

fn unit_of(s: &str) -> Unit {
    match s.trim_end_matches('s') {
        "day" => Unit::Day,
        "week" => Unit::Week,
        "month" => Unit::Month,
        "quarter" => Unit::Quarter,
        "decade" => Unit::Decade,
        "century" | "centurie" => Unit::Century,
        _ => Unit::Year,
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

/// Words after which a month name alone is a date (`in June`, `since
/// March`, `early May`).
const MONTH_CUES: &[&str] = &[
    "in",
    "since",
    "by",
    "until",
    "till",
    "from",
    "during",
    "before",
    "after",
    "through",
    "throughout",
    "between",
    "early",
    "mid",
    "late",
    "his",
    "her",
    "their",
    "its",
    "our",
    "last",
    "next",
    "this",
    "(",
];

/// Words after "the March" that make it a procession, not a month.
const MONTH_NOUN_AFTER: &[&str] = &["against", "towards", "toward", "past", "through", "across"];

/// Words before "of" that make "of June" a date (`the end of June`).
const PART_BEFORE_OF: &[&str] = &[
    "end",
    "beginning",
    "start",
    "middle",
    "rest",
    "part",
    "course",
    "first",
    "last",
    "week",
    "weeks",
    "days",
    "half",
    "month",
    "remainder",
    "ides",
    "close",
];

/// Words before a year that belong to the expression (`in 1961`).
const YEAR_CUES_KEPT: &[&str] = &[
    "in", "since", "by", "until", "till", "from", "before", "after", "during", "around", "circa",
    "through", "between", "beyond",
];

/// Words before "the" that make "the summer" a season (`in the summer`).
const SEASON_BEFORE_THE: &[&str] = &[
    "in",
    "during",
    "by",
    "until",
    "till",
    "since",
    "over",
    "through",
    "throughout",
    "of",
];

/// Short words that may follow a date without making it part of a name or
/// a noun phrase.
const FUNCTION_WORDS: &[&str] = &[
    "and", "or", "but", "when", "as", "after", "before", "at", "to", "for", "in", "on", "the",
    "it", "he", "she", "they", "we", "i", "there", "which", "while", "that", "this", "of", "with",
    "from", "until", "a", "an", "his", "her", "their", "its",
];

/// Capitalised words that make a weekday part of a name when they follow
/// it (`Sunday Times`, `Monday Night Football`).
const NAME_AFTER_WEEKDAY: &[&str] = &[
    "Times",
    "Telegraph",
    "Post",
    "Mirror",
    "Express",
    "Herald",
    "Mail",
    "Tribune",
    "Independent",
    "Observer",
    "Star",
    "Sport",
    "People",
    "World",
    "Business",
    "Night",
    "Club",
    "Review",
    "Magazine",
    "Edition",
    "Show",
];

/// Words that make a weekday a name or another calendar's day when they
/// come before it (`Bloody Sunday`, `Super Tuesday`).
const NAME_BEFORE_WEEKDAY: &[&str] = &[
    "Bloody", "Super", "Black", "Blue", "Manic", "Fat", "Orthodox",
];

/// Words before a holiday's name that put it in another calendar.
const OTHER_CALENDARS: &[&str] = &[
    "Orthodox",
    "Coptic",
    "Julian",
    "Chinese",
    "Lunar",
    "Jewish",
    "Persian",
    "Iranian",
    "Islamic",
    "Hijri",
    "Tibetan",
    "Vietnamese",
    "Korean",
    "Thai",
    "Khmer",
    "Sinhala",
    "Tamil",
    "Ethiopian",
    "Hindu",
];

/// Drop expressions that overlap a longer one (then a later one).
fn without_overlaps(mut found: Vec<Found>) -> Vec<Found> {
    found.sort_by(|a, b| {
        (std::cmp::Reverse(a.range.len()), a.range.start)
            .cmp(&(std::cmp::Reverse(b.range.len()), b.range.start))
    });
    let mut taken: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    let mut out: Vec<Found> = Vec::with_capacity(found.len());
    for f in found {
        // Accepted ranges never overlap, so the last one starting before
        // this one ends is the only one that could overlap it.
        let clash = taken
            .range(..f.range.end)
            .next_back()
            .is_some_and(|(_, &end)| end > f.range.start);
        if !clash && !f.range.is_empty() {
            taken.insert(f.range.start, f.range.end);
            out.push(f);
        }
    }
    out.sort_by_key(|f| f.range.start);
    out
}

/// `from January to March`, `between 1994 and 1997`, `2001 - 2003`: the
/// first expression gets the second as its end (each stays a date of its
/// own).
fn link_ranges(text: &str, found: &mut [Found]) {
    for i in 1..found.len() {
        let (a, b) = (&found[i - 1], &found[i]);
        if a.range.end > b.range.start || a.until.is_some() {
            continue;
        }
        let gap = text[a.range.end..b.range.start].trim();
        let a_text = &text[a.range.clone()];
        let (pw, ps) = prev_word(text, a.range.start);
        let between = a_text.starts_with(['b', 'B']) && a_text[1..].starts_with("etween")
            || pw.eq_ignore_ascii_case("between");
        let from = a_text.starts_with(['f', 'F']) && a_text[1..].starts_with("rom ")
            || pw.eq_ignore_ascii_case("from");
        let ok = match gap {
            "and" => between,
            "to" | "through" | "until" | "till" | "-" | "–" | "—" => {
                from || between || gap.len() <= 3 && gap != "to"
            }
            _ => false,
        };
        let same_kind = matches!(
            (&a.expr, &b.expr),
            (Expr::Stated { .. }, Expr::Stated { .. })
                | (
                    Expr::Yearly { .. },
                    Expr::Yearly { .. } | Expr::Stated { .. }
                )
                | (Expr::Weekday { .. }, Expr::Weekday { .. })
        );
        if !ok || !same_kind {
            continue;
        }
        let extend = (between || from)
            && !pw.is_empty()
            && (pw.eq_ignore_ascii_case("between") || pw.eq_ignore_ascii_case("from"));
        let a = &mut found[i - 1];
        a.until = Some(i);
        if extend {
            a.range.start = ps;
        }
    }
}
