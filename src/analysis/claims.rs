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
            r"(?i)(?:[$£€]\s?)?\b\d{1,3}(?:,\d{3})+(?:\.\d+)?\b|(?:[$£€]\s?)?\b\d+(?:\.\d+)?\b(?:\s?(?:%|percent|per cent))?(?:\s(?:million|billion|thousand|trillion))?|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|dozens?|hundreds|thousands|millions)\b",
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

fn quantities(text: &str, range: &Range<usize>, events: &[&Event]) -> Vec<Quantity> {
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
        let digits: String = raw
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        let mut value: f64 = match digits.parse() {
            Ok(v) => v,
            Err(_) => match raw.trim_end_matches('s') {
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
                "twenty" => 20.0,
                "thirty" => 30.0,
                "forty" => 40.0,
                "fifty" => 50.0,
                _ => continue, // "dozens", "hundreds": no value to compare
            },
        };
        if raw.contains("million") {
            value *= 1e6;
        } else if raw.contains("billion") {
            value *= 1e9;
        } else if raw.contains("thousand") {
            value *= 1e3;
        }
        // A bare year-like number is not a quantity.
        if !raw.contains(',')
            && (1600.0..2100.0).contains(&value)
            && digits.len() == 4
            && !raw.contains('%')
        {
            continue;
        }
        // The unit: "%" or the first lower-case word after the number.
        let unit = if raw.contains('%') || raw.contains("percent") || raw.contains("per cent") {
            "%".to_string()
        } else if raw.starts_with(['$', '£', '€']) {
            raw[..raw.chars().next().map_or(1, char::len_utf8)].to_string()
        } else {
            s[m.end()..]
                .split_whitespace()
                .take(3)
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                .find(|w| {
                    w.chars().next().is_some_and(char::is_lowercase)
                        && !crate::text::words::is_stop(w)
                })
                .map(|w| {
                    crate::text::words::content_terms(w)
                        .into_iter()
                        .next()
                        .unwrap_or_default()
                })
                .unwrap_or_default()
        };
        out.push(Quantity {
            value,
            unit,
            range: abs,
        });
    }
    out
}

/// Claims of one document. `mentions` and `events` are the document's own,
/// sorted by position; `entity_kind` gives each entity's kind.
pub fn extract(
    doc: usize,
    text: &str,
    a: &DocAnalysis,
    mentions: &[Mention],
    events: &[Event],
    event_base: usize,
    entity_kind: &dyn Fn(usize) -> EntityKind,
) -> Vec<Claim> {
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
        // A line without a full stop that reads like a heading is not a claim.
        if !s
            .trim_end()
            .ends_with(['.', '!', '"', '”', '’', ')', ':', ';'])
            && word_count(s) < 12
        {
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
        let attributed = p.attribution.is_match(s);
        let hedged = p.hedge.is_match(s);
        let qs = quantities(text, sr, &ev_refs);
        let mut entities: Vec<usize> = ms.iter().map(|m| m.entity).collect();
        entities.sort_unstable();
        entities.dedup();
        let kind = if quote.is_some() {
            ClaimKind::Quote
        } else if attributed {
            ClaimKind::Attributed
        } else if hedged {
            continue;
        } else if p.prediction.is_match(s) && !entities.is_empty() {
            ClaimKind::Prediction
        } else if !evs.is_empty() && p.verb.is_match(s) {
            ClaimKind::Event
        } else if !qs.is_empty() && p.verb.is_match(s) {
            ClaimKind::Quantity
        } else if !entities.is_empty() && p.verb.is_match(s) {
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
mod tests {
    use super::*;
    use crate::analysis::entities::UserAliases;
    use crate::corpus::document_from_bytes;
    use std::path::Path;

    fn claims(text: &str) -> Vec<(String, ClaimKind)> {
        let doc =
            document_from_bytes(0, Path::new("a.txt"), "a.txt", text.as_bytes().to_vec()).unwrap();
        let base =
            crate::analysis::analyse_base(std::slice::from_ref(&doc), &UserAliases::default());
        let kinds = |e: usize| base.entities.entities[e].kind;
        extract(
            0,
            &doc.text,
            &base.docs[0],
            &base.entities.mentions,
            &base.events,
            0,
            &kinds,
        )
        .into_iter()
        .map(|c| (doc.text[c.range].to_string(), c.kind))
        .collect()
    }

    #[test]
    fn kinds_of_claims() {
        let t = "Harbour news\nMarch 8, 2021\n\n\"We will not go back until wages rise,\" union leader Pieter Jansen said on Monday. \
                 The port authority said 40 ships were waiting. The port handled 436 million tonnes of cargo. \
                 Mayor Ines Duarte will open the new quay next month. The quay opened on March 3, 2021 after delays. \
                 Rotterdam is the largest port in Europe. Why does this matter? It might get worse. \
                 I think the council could perhaps do better.";
        let c = claims(t);
        let kind_of = |start: &str| c.iter().find(|(s, _)| s.starts_with(start)).map(|x| x.1);
        assert_eq!(kind_of("\"We will not"), Some(ClaimKind::Quote));
        assert_eq!(
            kind_of("The port authority said"),
            Some(ClaimKind::Attributed)
        );
        assert_eq!(kind_of("The port handled"), Some(ClaimKind::Quantity));
        assert_eq!(
            kind_of("Mayor Ines Duarte will"),
            Some(ClaimKind::Prediction)
        );
        assert_eq!(kind_of("The quay opened"), Some(ClaimKind::Event));
        assert_eq!(kind_of("Rotterdam is"), Some(ClaimKind::Assertion));
        assert_eq!(kind_of("Why does"), None, "questions are not claims");
        assert_eq!(kind_of("It might"), None, "hedged opinion is not a claim");
        assert_eq!(kind_of("I think"), None);
        assert_eq!(kind_of("Harbour news"), None, "a heading is not a claim");
    }

    #[test]
    fn quote_ranges_and_quantities() {
        let t = "Officials said: “The fleet of 12 ships will sail at dawn,” said Admiral Kay Moreno. Some 28,500 troops are stationed there.";
        let doc =
            document_from_bytes(0, Path::new("a.txt"), "a.txt", t.as_bytes().to_vec()).unwrap();
        let s = crate::text::sentences::split(&doc.text);
        let q = quoted_span(t, &s[0]).unwrap();
        assert_eq!(&t[q], "The fleet of 12 ships will sail at dawn,");
        let qs = quantities(t, &s[1], &[]);
        assert_eq!(qs[0].value, 28500.0);
        assert_eq!(qs[0].unit, "troop");
        let c = claims(t);
        assert_eq!(c[0].1, ClaimKind::Quote);
    }
}
