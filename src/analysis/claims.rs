//! Claims: sentences that assert something checkable. Each gets a kind —
//! quote, attributed, quantity, event, prediction, assertion — a byte range,
//! and for quotes the range of the quoted words and the speaker where the
//! text names one. Questions, hedged opinion and rhetorical lines are not
//! claims (a quotation stays a claim even when its words hedge: that the
//! speaker said them is checkable).

use super::entities::{EntityKind, Mention};
use super::{DocAnalysis, Event, boilerplate};
use regex::Regex;
use serde::Serialize;
use std::ops::Range;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    Quote,
    Attributed,
    Quantity,
    Event,
    Prediction,
    Assertion,
}

impl ClaimKind {
    pub fn label(self) -> &'static str {
        match self {
            ClaimKind::Quote => "quote",
            ClaimKind::Attributed => "attributed",
            ClaimKind::Quantity => "quantity",
            ClaimKind::Event => "event",
            ClaimKind::Prediction => "prediction",
            ClaimKind::Assertion => "assertion",
        }
    }
}

/// A number stated in a claim, with the noun it counts ("28,500 troops").
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    pub value: f64,
    pub unit: String,
    pub range: Range<usize>,
}

#[derive(Debug, Clone)]
pub struct Claim {
    pub id: usize,
    pub doc: usize,
    pub sentence: usize,
    pub range: Range<usize>,
    pub kind: ClaimKind,
    /// The quoted words (inside the quotation marks).
    pub quote: Option<Range<usize>>,
    pub speaker: Option<usize>,
    /// Merged entities mentioned, sorted and unique.
    pub entities: Vec<usize>,
    /// Each mention in the claim: where it is and its merged entity (so
    /// that comparison can leave names out and weigh them by kind).
    pub names: Vec<(Range<usize>, usize)>,
    /// Indices of events in the sentence.
    pub events: Vec<usize>,
    pub quantities: Vec<Quantity>,
}

struct Patterns {
    attribution: Regex,
    hedge: Regex,
    prediction: Regex,
    number: Regex,
    verb: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| Patterns {
        attribution: super::regex(
            r"(?i)\b(said|says|told|tells|stated|states|announced|announces|according to|reported|reports|confirmed|confirms|claimed|claims|denied|denies|warned|warns|insisted|insists|emphasi[sz]ed|added|noted|argued|argues|wrote|writes|tweeted|declared|estimated?s?|acknowledged|testified|revealed|disclosed)\b",
        ),
        hedge: super::regex(
            r"(?i)\b(might|may|perhaps|possibly|arguably|maybe|probably|seems?|seemingly|i think|we think|i believe|we believe|in my view|in our view|it is possible|could be|would be foolish|should be|must surely)\b",
        ),
        prediction: super::regex(
            r"(?i)\b(will|won't|shall|is expected to|are expected to|is likely to|are likely to|is set to|are set to|plans? to|is to|are to|is scheduled|are scheduled|would be held|is due to|are due to|forecasts?|predicts?|projected)\b",
        ),
        number: super::regex(
            r"(?i)(?:[$£€]\s?)?\b\d{1,3}(?:,\d{3})+(?:\.\d+)?\b|(?:[$£€]\s?)?\b\d+(?:\.\d+)?\b(?:\s?(?:%|percent|per cent))?(?:\s(?:million|billion|thousand|trillion))?|\b(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred|dozens?|hundreds|thousands|millions)\b",
        ),
        verb: super::regex(
            r"(?i)\b(is|are|was|were|has|have|had|does|did|remains?|became|becomes|held|holds|made|makes|met|meets|signed|signs|agreed|showed|shows|led|leads|resulted|failed|fails|lacks?|includes?|continues?|called|calls|established|dismantled|developed|tested|invested|hoped|hopes|lost|eased|gathered|halted|walked|reached|struck|killed|won|rose|fell|opened|closed|traveled|travelled|flew|introduced|persisted|insisted|maintained|cancelled|canceled|cut|put|set|hit|let|quit|spread|cost|shut|beat|bought|sold|sent|spent|built|paid|took|gave|got|went|came|saw|ran|left|kept|began|broke|brought|chose|drew|drove|felt|fought|found|grew|heard|hid|knew|laid|lent|meant|sank|sat|shot|spoke|stood|stole|swore|threw|wore|fled|sought|taught|caught|stuck|slid|bled|fed|freed|\w+ed)\b",
        ),
    })
}

fn word_count(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// The quoted span of a sentence: text between matching quotation marks,
/// at least three words long.
pub fn quoted_span(text: &str, sentence: &Range<usize>) -> Option<Range<usize>> {
    let s = &text[sentence.clone()];
    for (open, close) in [('“', '”'), ('"', '"'), ('‘', '’')] {
        let mut from = 0;
        while let Some(i) = s[from..].find(open) {
            let a = from + i + open.len_utf8();
            let Some(j) = s[a..].find(close) else {
                // An unclosed quotation runs to the end of the sentence.
                if word_count(&s[a..]) >= 3 {
                    return Some(sentence.start + a..sentence.end);
                }
                break;
            };
            let b = a + j;
            if word_count(&s[a..b]) >= 3 {
                return Some(sentence.start + a..sentence.start + b);
            }
            from = b + close.len_utf8();
        }
    }
    None
}

/// Value of a spelled-out number ("thirty-one" = 31), if it has one.
fn spelled(word: &str) -> Option<f64> {
    let unit = |w: &str| -> Option<f64> {
        Some(match w {
            "one" => 1.0,
            "two" => 2.0,
            "three" => 3.0,
            "four" => 4.0,
            "five" => 5.0,
            "six" => 6.0,
            "seven" => 7.0,
            "eight" => 8.0,
            "nine" => 9.0,
            "ten" => 10.0,
            "eleven" => 11.0,
            "twelve" => 12.0,
            "thirteen" => 13.0,
            "fourteen" => 14.0,
            "fifteen" => 15.0,
            "sixteen" => 16.0,
            "seventeen" => 17.0,
            "eighteen" => 18.0,
            "nineteen" => 19.0,
            "twenty" => 20.0,
            "thirty" => 30.0,
            "forty" => 40.0,
            "fifty" => 50.0,
            "sixty" => 60.0,
            "seventy" => 70.0,
            "eighty" => 80.0,
            "ninety" => 90.0,
            _ => return None,
        })
    };
    match word.split_once('-') {
        Some((tens, ones)) => Some(unit(tens)? + unit(ones)?),
        None => unit(word),
    }
}

/// Nouns that measure what follows them ("magnitude 4.6", "aged 35").
const MEASURE_BEFORE: &[&str] = &[
    "magnitude",
    "aged",
    "age",
    "temperature",
    "speed",
    "depth",
    "height",
    "weight",
    "toll",
    "population",
    "rate",
    "turnout",
    "score",
    "total",
    "capacity",
    "budget",
    "salary",
    "price",
    "cost",
    "worth",
    "value",
    "revenue",
    "profit",
    "loss",
    "deficit",
    "debt",
    "fine",
];

/// Words after a number that make it a time, a rank or a label, not a
/// quantity ("9 a.m.", "5th", "7 p.m").
const NOT_A_UNIT: &[&str] = &[
    "a", "p", "am", "pm", "a.m", "p.m", "gmt", "utc", "et", "pt", "bst", "cet", "th", "st", "nd",
    "rd", "o'clock",
];

/// The quantities a sentence states: amounts (currency), counts ("40
/// ships", "thirty-one cars"), percentages and measures ("4.2-magnitude",
/// "magnitude 4.6", "12 miles"), each with its unit. Numbers that only label
/// or locate something are not quantities: dates and years, times ("9:27
/// a.m."), ranks ("No. 5"), numbers inside names and codes ("Route 52",
/// "Windows 7", "COVID-19") and numbers with no unit.
pub fn quantities(text: &str, range: &Range<usize>, events: &[&Event]) -> Vec<Quantity> {
    let s = &text[range.clone()];
    let mut out = Vec::new();
    for m in patterns().number.find_iter(s) {
        let abs = range.start + m.start()..range.start + m.end();
        // Numbers inside dates are dates, not quantities.
        if events
            .iter()
            .any(|e| e.range.start <= abs.start && abs.end <= e.range.end)
        {
            continue;
        }
        let raw = m.as_str().to_lowercase();
        let before = &s[..m.start()];
        let after = &s[m.end()..];
        // Part of a time, a code or a name: "9:27", "MS08-078", "COVID-19".
        if after.starts_with([':', '/']) && after[1..].starts_with(|c: char| c.is_ascii_digit())
            || before.ends_with([':', '/', '.', '#'])
            || before.ends_with('-') && before[..before.len() - 1].ends_with(char::is_alphanumeric)
            || after.starts_with(|c: char| c.is_alphabetic())
        {
            continue;
        }
        let digits: String = raw
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        let word_number = !raw.chars().any(|c| c.is_ascii_digit());
        let mut value: f64 = match digits.trim_end_matches('.').parse() {
            Ok(v) if !word_number => v,
            _ => match spelled(raw.trim_end_matches('s')) {
                Some(v) => v,
                None => continue, // "dozens", "hundreds": no value to compare
            },
        };
        if raw.contains("million") {
            value *= 1e6;
        } else if raw.contains("billion") {
            value *= 1e9;
        } else if raw.contains("thousand") {
            value *= 1e3;
        } else if raw.contains("trillion") {
            value *= 1e12;
        }
        // A bare year-like number is not a quantity.
        if !raw.contains(',')
            && (1600.0..2100.0).contains(&value)
            && digits.len() == 4
            && !raw.contains('%')
            && !raw.starts_with(['$', '£', '€'])
        {
            continue;
        }
        let prev_words: Vec<&str> = before
            .split_whitespace()
            .rev()
            .take(2)
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .collect();
        // A rank or a label: "No. 5", "number 3", "Route 52", "Windows 7".
        let prev = prev_words.first().copied().unwrap_or("");
        let sentence_initial = before.split_whitespace().count() == 1;
        // "the two leaders", "its three plants": a reference to things
        // already known, not a quantity stated.
        if word_number
            && matches!(
                prev.to_lowercase().as_str(),
                "the" | "these" | "those" | "its" | "their" | "his" | "her" | "our" | "both"
            )
        {
            continue;
        }
        let labelled = matches!(prev.to_lowercase().as_str(), "no" | "number" | "nos")
            || (prev.chars().next().is_some_and(char::is_uppercase)
                && !sentence_initial
                && !before.trim_end().ends_with([',', ';', ':', '(', '"', '“'])
                && !MEASURE_BEFORE.contains(&prev.to_lowercase().as_str())
                && !matches!(
                    prev.to_lowercase().as_str(),
                    "some" | "about" | "around" | "nearly" | "almost" | "over" | "under" | "at"
                ));
        // The noun counted or measured: a word joined by a hyphen
        // ("4.2-magnitude"), else the first plural among the lower-case
        // words that follow ("40 new homes", "three subsequent visits"), or
        // the last of them.
        let next_word = if let Some(rest) = after.strip_prefix('-') {
            rest.split(|c: char| !c.is_alphanumeric())
                .next()
                .filter(|w| !w.is_empty())
        } else {
            let mut last = None;
            for raw_word in after.split_whitespace().take(4) {
                let w = raw_word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
                if w.is_empty()
                    || matches!(w, "more" | "or" | "additional" | "other" | "of") && last.is_none()
                {
                    continue;
                }
                if !w.chars().next().is_some_and(char::is_lowercase)
                    || crate::text::words::is_stop(w)
                    || NOT_A_UNIT.contains(&w)
                {
                    if last.is_none() {
                        last = Some(w);
                    }
                    break;
                }
                last = Some(w);
                // Counted nouns are plural ("40 new homes"): the first
                // plural ends the noun phrase ("31 cars left").
                if w.ends_with('s') || raw_word.ends_with([',', '.', ';', ':', ')']) {
                    break;
                }
            }
            last
        };
        let unit = if raw.contains('%') || raw.contains("percent") || raw.contains("per cent") {
            "%".to_string()
        } else if raw.starts_with(['$', '£', '€']) {
            raw[..raw.chars().next().map_or(1, char::len_utf8)].to_string()
        } else if let Some(w) = prev_words
            .iter()
            .enumerate()
            // "magnitude 4.6", "a magnitude of 4.6"
            .find(|(i, w)| {
                (*i == 0 || prev_words[0].eq_ignore_ascii_case("of"))
                    && MEASURE_BEFORE.contains(&w.to_lowercase().as_str())
            })
            .map(|(_, w)| w)
        {
            crate::text::words::content_terms(w)
                .into_iter()
                .next()
                .unwrap_or_default()
        } else {
            next_word
                .filter(|w| {
                    w.chars().next().is_some_and(char::is_lowercase)
                        && !crate::text::words::is_stop(w)
                        && !NOT_A_UNIT.contains(w)
                })
                .map(|w| {
                    crate::text::words::content_terms(w)
                        .into_iter()
                        .next()
                        .unwrap_or_default()
                })
                .unwrap_or_default()
        };
        let amount = raw.contains('%') || raw.starts_with(['$', '£', '€']);
        if unit.is_empty() || (labelled && !amount) {
            continue;
        }
        out.push(Quantity {
            value,
            unit,
            range: abs,
        });
    }
    out
}

/// "were told to leave" is not someone telling the press something.
fn passive_told(before: &str, verb: &str) -> bool {
    let v = verb.to_lowercase();
    (v == "told" || v == "reported")
        && before.split_whitespace().next_back().is_some_and(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "was" | "were" | "been" | "be" | "being" | "is" | "are"
            )
        })
        && !before.trim_end().ends_with(',')
}

/// A headline, heading or title line is not a claim of its own: a
/// Markdown heading, or a line without closing punctuation that is the
/// document's title (wherever it is repeated) or is a whole line of up to
/// 20 words. A first line that is a full sentence stays a claim.
fn is_heading(text: &str, sr: &Range<usize>, title: &str) -> bool {
    let s = text[sr.clone()].trim();
    let whole_line =
        crate::text::line_starts_here(text, sr.start) && crate::text::line_ends_here(text, sr.end);
    if whole_line && s.starts_with('#') {
        return true;
    }
    if s.ends_with(['.', '!', '"', '”', '’', ')', ':', ';']) {
        return false;
    }
    let t = title.trim().trim_start_matches('#').trim();
    (!t.is_empty() && s == t) || (whole_line && word_count(s) <= 20)
}

/// One document, as claim extraction needs it. `mentions` and `events`
/// are the document's own, sorted by position; `event_base` is the index of
/// its first event in the corpus; `entity_kind` gives each entity's kind.
#[derive(Clone, Copy)]
pub struct DocClaims<'a> {
    pub doc: usize,
    pub text: &'a str,
    pub title: &'a str,
    pub analysis: &'a DocAnalysis,
    pub mentions: &'a [Mention],
    pub events: &'a [Event],
    pub event_base: usize,
    pub entity_kind: &'a dyn Fn(usize) -> EntityKind,
}

/// Claims of one document. `mentions` and `events` are the document's own,
/// sorted by position; `entity_kind` gives each entity's kind.
pub fn extract(input: &DocClaims) -> Vec<Claim> {
    let DocClaims {
        doc,
        text,
        title,
        analysis: a,
        mentions,
        events,
        event_base,
        entity_kind,
    } = *input;
    let p = patterns();
    let mut out = Vec::new();
    for (si, sr) in a.sentences.iter().enumerate() {
        if boilerplate::covers(&a.boilerplate, sr) {
            continue;
        }
        let s = &text[sr.clone()];
        if word_count(s) < 5 || s.trim_end().ends_with('?') {
            continue;
        }
        if is_heading(text, sr, title) {
            continue;
        }
        let m0 = mentions.partition_point(|m| m.range.start < sr.start);
        let ms: Vec<&Mention> = mentions[m0..]
            .iter()
            .take_while(|m| m.range.end <= sr.end)
            .collect();
        let e0 = events.partition_point(|e| e.range.start < sr.start);
        let evs: Vec<(usize, &Event)> = events[e0..]
            .iter()
            .enumerate()
            .take_while(|(_, e)| e.range.end <= sr.end)
            .map(|(i, e)| (event_base + e0 + i, e))
            .collect();
        let ev_refs: Vec<&Event> = evs.iter().map(|(_, e)| *e).collect();
        let quote = quoted_span(text, sr);
        let attributed = p
            .attribution
            .find_iter(s)
            .any(|m| !passive_told(&s[..m.start()], m.as_str()));
        // Asked only of a sentence with neither quote nor attribution.
        let hedged = || p.hedge.is_match(s);
        let qs = quantities(text, sr, &ev_refs);
        let mut entities: Vec<usize> = ms.iter().map(|m| m.entity).collect();
        entities.sort_unstable();
        entities.dedup();
        let kind = if quote.is_some() {
            ClaimKind::Quote
        } else if attributed {
            ClaimKind::Attributed
        } else if hedged() {
            continue;
        } else if p.prediction.is_match(s) {
            ClaimKind::Prediction
        } else if !evs.is_empty() && p.verb.is_match(s) {
            ClaimKind::Event
        } else if !qs.is_empty() {
            ClaimKind::Quantity
        } else if p.verb.is_match(s) || word_count(s) >= 8 {
            // A factual sentence, with or without a speech verb or a name.
            ClaimKind::Assertion
        } else {
            continue;
        };
        // The speaker: a person or organisation mentioned outside the quote,
        // nearest to an attribution verb.
        let speaker = if matches!(kind, ClaimKind::Quote | ClaimKind::Attributed) {
            let verb_at = p.attribution.find(s).map(|m| sr.start + m.start());
            ms.iter()
                .filter(|m| {
                    quote
                        .as_ref()
                        .is_none_or(|q| m.range.end <= q.start || m.range.start >= q.end)
                })
                .filter(|m| {
                    matches!(
                        entity_kind(m.entity),
                        EntityKind::Person | EntityKind::Organization
                    )
                })
                .min_by_key(|m| {
                    verb_at.map_or(0, |v| (m.range.start as i64 - v as i64).unsigned_abs())
                })
                .map(|m| m.entity)
        } else {
            None
        };
        out.push(Claim {
            id: 0,
            doc,
            sentence: si,
            range: sr.clone(),
            kind,
            quote,
            speaker,
            entities,
            names: ms.iter().map(|m| (m.range.clone(), m.entity)).collect(),
            events: evs.iter().map(|(i, _)| *i).collect(),
            quantities: qs,
        });
    }
    out
}

#[cfg(test)]
#[path = "claims_tests.rs"]
mod tests;
