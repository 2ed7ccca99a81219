//! Finding date expressions, with no need of the document's date. Each
//! family of patterns runs only on the stretches of text around the words
//! its dates must hold (a month name, a year, a unit of time, a season, a
//! quarter, a decade), found first by one fast pass each; the words around
//! a match are then checked by hand. The longest expression wins where
//! two overlap.

mod lists;
mod months;
mod periods;
mod relative;
mod years;

use super::calendar::month_number;
use super::expr::{Expr, Found, Span, Unit, YearRef, Yearly};
use super::words::{prev_word, qualifier_before};
use super::{PartialDate, Precision, holidays};
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use regex::{Captures, Regex};
use std::ops::Range;
use std::sync::OnceLock;

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

/// The patterns, compiled once.
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

/// The families of date patterns, each run only around its anchors.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Family {
    Month,
    Relative,
    Season,
    Quarter,
    Decade,
    Holiday,
    YearWords,
}

/// Anchor words (as written) and the families they open; `quarter` and
/// `century` open two.
fn anchor_words() -> Vec<(String, &'static [Family])> {
    use Family::*;
    let mut v: Vec<(String, &'static [Family])> = Vec::new();
    let both = |w: &str| [w.to_string(), cap(w)];
    for m in [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
    ] {
        v.push((m.to_string(), &[Month]));
    }
    for w in ["yesterday", "today", "tomorrow", "tonight"] {
        for x in both(w) {
            v.push((x, &[Relative]));
        }
    }
    for w in [
        "year",
        "years",
        "month",
        "months",
        "week",
        "weeks",
        "day",
        "days",
        "decade",
        "decades",
        "night",
        "morning",
        "afternoon",
        "evening",
    ] {
        v.push((w.to_string(), &[Relative]));
    }
    v.push(("quarter".into(), &[Relative, Quarter]));
    for w in ["century", "centuries"] {
        v.push((w.into(), &[Relative, Decade]));
    }
    for w in ["half", "Q1", "Q2", "Q3", "Q4", "H1", "H2"] {
        v.push((w.into(), &[Quarter]));
    }
    for w in ["spring", "summer", "autumn", "fall", "winter"] {
        for x in both(w) {
            v.push((x, &[Season]));
        }
    }
    for w in [
        "twenties",
        "thirties",
        "forties",
        "fifties",
        "sixties",
        "seventies",
        "eighties",
        "nineties",
    ] {
        v.push((w.into(), &[Decade]));
    }
    for d in 0..10 {
        for q in ['\'', '’'] {
            v.push((format!("{q}{d}0s"), &[Decade]));
        }
    }
    for (name, _) in holidays::HOLIDAYS {
        v.push((name.to_string(), &[Holiday]));
        if name.contains('\'') {
            v.push((name.replace('\'', "’"), &[Holiday]));
        }
    }
    for w in [
        "nineteen",
        "eighteen",
        "seventeen",
        "sixteen",
        "twenty",
        "two thousand",
    ] {
        for x in both(w) {
            v.push((x, &[YearWords]));
        }
    }
    v
}

fn cap(w: &str) -> String {
    let mut c = w.chars();
    c.next().map_or(String::new(), |f| {
        f.to_uppercase().collect::<String>() + c.as_str()
    })
}

/// One automaton over every anchor word.
fn anchors() -> &'static (AhoCorasick, Vec<&'static [Family]>) {
    static A: OnceLock<(AhoCorasick, Vec<&'static [Family]>)> = OnceLock::new();
    A.get_or_init(|| {
        let words = anchor_words();
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            // A full DFA: a few hundred short words make a small table, and
            // the scan runs over every byte of every document.
            .kind(Some(AhoCorasickKind::DFA))
            .build(words.iter().map(|w| w.0.as_str()))
            .expect("anchor words build");
        (ac, words.into_iter().map(|w| w.1).collect())
    })
}

/// Stretches of the text around the anchors of each family of dates,
/// widened to whitespace so that word boundaries inside them are the
/// text's own.
struct Windows {
    month: Vec<Range<usize>>,
    year: Vec<Range<usize>>,
    rel: Vec<Range<usize>>,
    season: Vec<Range<usize>>,
    quarter: Vec<Range<usize>>,
    decade: Vec<Range<usize>>,
    holiday: Vec<Range<usize>>,
    year_words: Vec<Range<usize>>,
}

impl Windows {
    fn new(text: &str) -> Windows {
        let (ac, families) = anchors();
        let bytes = text.as_bytes();
        let alnum_at = |i: usize| bytes.get(i).is_some_and(|b| b.is_ascii_alphanumeric());
        let mut hits: [Vec<Range<usize>>; 7] = Default::default();
        for m in ac.find_iter(text) {
            let (s, e) = (m.start(), m.end());
            // Whole words only ("Mar." is one; "Market" and "Mayor" are not).
            if s > 0 && alnum_at(s - 1) || alnum_at(e) {
                continue;
            }
            for f in families[m.pattern().as_usize()] {
                hits[*f as usize].push(s..e);
            }
        }
        // Years: runs of exactly four digits from 1600 to 2099.
        let mut years = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i].is_ascii_digit() {
                let j = bytes[i..]
                    .iter()
                    .position(|b| !b.is_ascii_digit())
                    .map_or(bytes.len(), |k| i + k);
                if j - i == 4
                    && (i == 0 || !bytes[i - 1].is_ascii_alphabetic())
                    && matches!(&bytes[i..i + 2], b"16" | b"17" | b"18" | b"19" | b"20")
                {
                    years.push(i..j);
                }
                i = j;
            } else {
                i += 1;
            }
        }
        let [month, rel, season, quarter, decade, holiday, year_words] = hits;
        Windows {
            month: around(text, month, 32, 40),
            year: around(text, years, 24, 24),
            rel: around(text, rel, 48, 32),
            season: around(text, season, 24, 32),
            quarter: around(text, quarter, 32, 40),
            decade: around(text, decade, 40, 24),
            holiday: around(text, holiday, 16, 24),
            year_words: around(text, year_words, 16, 48),
        }
    }
}

/// Merged windows around `hits`, reaching `before` and `after` bytes
/// beyond each.
fn around(text: &str, hits: Vec<Range<usize>>, before: usize, after: usize) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let space = |b: &u8| matches!(b, b' ' | b'\n' | b'\t' | b'\r');
    let mut out: Vec<Range<usize>> = Vec::new();
    for h in hits {
        let lo = h.start.saturating_sub(before);
        let start = bytes[..lo].iter().rposition(space).map_or(0, |i| i + 1);
        let hi = (h.end + after).min(text.len());
        let end = bytes[hi..]
            .iter()
            .position(space)
            .map_or(text.len(), |i| hi + i);
        match out.last_mut() {
            Some(last) if start <= last.end => last.end = last.end.max(end),
            _ => out.push(start..end),
        }
    }
    out
}

/// The matches of `re` in the windows of `text`, each with the offset of
/// its window.
fn each<'t>(
    re: &'t Regex,
    text: &'t str,
    windows: &'t [Range<usize>],
) -> impl Iterator<Item = (usize, Captures<'t>)> + 't {
    windows.iter().flat_map(move |w| {
        re.captures_iter(&text[w.clone()])
            .map(move |c| (w.start, c))
    })
}

fn range_of(c: &Captures, name: &str, off: usize) -> Range<usize> {
    c.name(name)
        .map_or(0..0, |m| off + m.start()..off + m.end())
}

fn whole(c: &Captures, off: usize) -> Range<usize> {
    c.get(0).map_or(0..0, |m| off + m.start()..off + m.end())
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

/// The scanner's state: the text, where to look, and what was found so far.
struct Scan<'t> {
    text: &'t str,
    wins: &'t Windows,
    found: Vec<Found>,
    may_is_name: Option<bool>,
}

/// Find every date expression in `text`, in text order, without
/// overlaps (the longest wins).
pub fn scan(text: &str) -> Vec<Found> {
    let wins = Windows::new(text);
    let mut s = Scan {
        text,
        wins: &wins,
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
    pub(super) fn push(&mut self, range: Range<usize>, expr: Expr) {
        self.found.push(Found::new(range, expr));
    }

    pub(super) fn stated(
        &mut self,
        range: Range<usize>,
        date: PartialDate,
        end: Option<PartialDate>,
    ) {
        self.push(range, Expr::Stated { date, end });
    }

    /// A calendar date: fixed when its year is written, else to resolve.
    pub(super) fn yearly(&mut self, range: Range<usize>, what: Yearly, year: YearRef) {
        if let YearRef::Stated(y) = year {
            if let Some((date, end)) = super::resolve::yearly_in(what, y) {
                self.stated(range, date, end);
            }
            return;
        }
        self.push(range, Expr::Yearly { what, year });
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
