//! What kind of line a sentence is (running text, a headline, a line in
//! capitals, a row of a table, a wire dateline) and whether the document is a
//! sports report: names are read differently in each.

use super::evidence::{DocKind, LineKind};
use super::lexicon::{bits, word};
use super::tokens::Token;
use std::ops::Range;

/// Is the line a headline (short, title-case or capitals, no full stop)?
pub(super) fn is_headline(text: &str, sentence: &Range<usize>) -> bool {
    let s = text[sentence.clone()].trim();
    if s.ends_with(['.', '?', '!', '"', '”', ';']) && !s.ends_with("?:") {
        // More than two bytes on its line besides it: not a line of its own.
        if crate::text::line_extra(text, sentence, 3) > 2 {
            return false;
        }
        if s.ends_with(['.', '!', ';']) {
            return false;
        }
    }
    let words: Vec<&str> = s
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    if words.is_empty() || words.len() > 16 {
        return false;
    }
    let caps = words
        .iter()
        .filter(|w| {
            w.chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase)
        })
        .count();
    let long = words
        .iter()
        .filter(|w| w.chars().count() > 3)
        .count()
        .max(1);
    let long_caps = words
        .iter()
        .filter(|w| w.chars().count() > 3 && w.chars().next().is_some_and(char::is_uppercase))
        .count();
    caps * 2 >= words.len() && long_caps * 3 >= long * 2
}

/// The kind of a sentence from its words.
pub(super) fn line_kind(tokens: &[Token]) -> LineKind {
    let (mut words, mut caps, mut lower, mut numbers) = (0, 0, 0, 0);
    for t in tokens {
        if t.number {
            numbers += 1;
        } else if t.text.len() >= 2 && !t.initial_letter {
            words += 1;
            if t.caps {
                caps += 1;
            } else if !t.cap {
                lower += 1;
            }
        }
    }
    LineKind {
        caps: words > 0 && caps * 4 >= words * 3 && (caps >= 2 || lower == 0),
        table: numbers >= 2 && lower <= 1 && words <= 8,
        headline: false,
    }
}

/// Is the document a sports report? Its title starts with a sport ("SOCCER -
/// …"), or it uses several words of sports reports and has scores.
pub(super) fn doc_kind(text: &str, sentences: &[(Range<usize>, Vec<Token>)]) -> DocKind {
    let title = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut words = title.split_whitespace();
    let first = words.next().unwrap_or("").to_lowercase();
    let second = words.next().unwrap_or("");
    let titled = bits(&first) & word::SPORTS != 0
        && (matches!(second, "-" | "–" | "—" | ":")
            || first.ends_with(':')
            || words
                .next()
                .is_some_and(|w| matches!(w, "-" | "–" | "—" | ":")));
    if titled {
        return DocKind { sports: true };
    }
    let scores = sentences
        .iter()
        .flat_map(|(_, t)| t)
        .filter(|t| {
            // "2-1", "6-3"
            t.number
                && t.text.split_once('-').is_some_and(|(a, b)| {
                    a.len() <= 2
                        && !b.is_empty()
                        && b.len() <= 2
                        && b.bytes().all(|c| c.is_ascii_digit())
                })
        })
        .take(2)
        .count();
    let mut seen: Vec<&str> = Vec::new();
    if scores >= 2 {
        for t in sentences.iter().flat_map(|(_, t)| t) {
            if !t.cap
                && !t.number
                && t.text.len() >= 3
                && bits(t.text) & word::SPORTS_WORDS != 0
                && !seen.contains(&t.text)
            {
                seen.push(t.text);
            }
        }
    }
    DocKind {
        sports: seen.len() >= 4 && scores >= 2,
    }
}

/// The place of a wire dateline ("NEW YORK 1996-08-22", "LONDON (Reuters) -",
/// "BEIJING, March 3"): words in capitals that open one of the first lines
/// of the body, before a date, a parenthesis, a comma or a dash. Returns the
/// token indices of the place in `tokens`.
pub(super) fn dateline_place(tokens: &[Token]) -> Option<Range<usize>> {
    let n = tokens
        .iter()
        .take_while(|t| t.caps || (t.cap && t.text.len() <= 3 && t.text.ends_with('.')))
        .count();
    if n == 0 || n > 4 || tokens[..n].iter().any(|t| t.possessive) {
        return None;
    }
    if tokens[..n - 1].iter().any(|t| t.punct_after.is_some()) {
        return None;
    }
    let last = &tokens[n - 1];
    let next = tokens.get(n);
    // A date: "1996-08-22", "2024", "March 3".
    let date_after = next.is_some_and(|t| {
        (t.number && (t.text.len() == 4 || t.text.len() >= 8 && t.text.contains(['-', '/'])))
            || super::tokens::is_month_or_day(t.text) && last.punct_after.is_none_or(|c| c == ',')
    });
    let mark_after = matches!(last.punct_after, Some('(' | '-' | '—' | '–'));
    (date_after || mark_after).then_some(0..n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::entities::tokens::tokenize;

    fn toks(s: &str) -> Vec<Token<'_>> {
        tokenize(s, 0..s.len())
    }

    #[test]
    fn lines_in_capitals_and_table_rows() {
        assert!(line_kind(&toks("KESTREL TOWN 12 4 .750 -")).caps);
        assert!(line_kind(&toks("KESTREL TOWN 12 4 .750 -")).table);
        assert!(line_kind(&toks("Kestrel Town 3 1 1 1 4 4 4")).table);
        assert!(!line_kind(&toks("The NATO summit opened in Riga on Monday.")).caps);
        assert!(!line_kind(&toks("Prices rose 4 percent in 12 months to March.")).table);
    }

    #[test]
    fn datelines_name_a_place() {
        assert_eq!(dateline_place(&toks("PORT LOUIS 2024-03-01")), Some(0..2));
        assert_eq!(
            dateline_place(&toks("OSLO, March 3 (Wire) - Talks began.")),
            Some(0..1)
        );
        assert_eq!(
            dateline_place(&toks("LIMA (Wire) - Talks began.")),
            Some(0..1)
        );
        assert_eq!(dateline_place(&toks("NATO said on Monday")), None);
        assert_eq!(dateline_place(&toks("Talks began in Oslo.")), None);
        assert_eq!(dateline_place(&toks("PORTLAND 12 4 .750 -")), None);
    }

    #[test]
    fn sports_reports_by_title_or_by_their_words() {
        let text = "RUGBY - Harbour Town beat Kestrel\n\nHarbour Town won.";
        assert!(doc_kind(text, &[]).sports);
        let text = "Markets rally\n\nShares rose 2-1 in heavy trade.";
        let s: Vec<(Range<usize>, Vec<Token>)> =
            vec![(0..text.len(), tokenize(text, 0..text.len()))];
        assert!(!doc_kind(text, &s).sports);
        let text = "Kestrel win\n\nThe striker scored two goals in the match as the league leaders won 2-1 and 3-0 this season.";
        let s: Vec<(Range<usize>, Vec<Token>)> =
            vec![(0..text.len(), tokenize(text, 0..text.len()))];
        assert!(doc_kind(text, &s).sports);
    }
}
