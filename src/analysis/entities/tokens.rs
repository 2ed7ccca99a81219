//! Words of a sentence with their byte ranges, case, possessive and the
//! punctuation after them.

use super::super::gazetteer;
use std::ops::Range;

#[derive(Debug, Clone)]
pub(super) struct Token<'a> {
    pub(super) range: Range<usize>,
    pub(super) text: &'a str,
    /// Starts with a capital letter (months and weekdays never do here).
    pub(super) cap: bool,
    /// Two letters or more, all capitals ("NATO", "NEW").
    pub(super) caps: bool,
    /// A capital letter and its dot: the initial of a given name ("M.").
    pub(super) initial_letter: bool,
    /// Starts with a digit.
    pub(super) number: bool,
    pub(super) possessive: bool,
    /// Punctuation directly after (",", ".", ":", "(" …); none for a space.
    pub(super) punct_after: Option<char>,
    /// The first word of a sentence, or of a quotation or clause after a
    /// colon or dash.
    pub(super) initial: bool,
}

impl Token<'_> {
    /// Can this word be part of a name?
    pub(super) fn name_like(&self) -> bool {
        self.cap || self.initial_letter
    }
}

fn is_title_abbrev(w: &str) -> bool {
    matches!(
        w,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "Gen"
            | "Sen"
            | "Rep"
            | "Gov"
            | "Prof"
            | "Lt"
            | "Col"
            | "Sgt"
            | "Capt"
            | "Adm"
            | "Maj"
            | "St"
            | "Jr"
            | "Sr"
            | "Mt"
            | "Ft"
    )
}

/// Months and weekdays, in any case: dates, never part of a name.
pub(super) fn is_month_or_day(w: &str) -> bool {
    crate::text::words::is_month_or_day(w)
}

/// Words of a sentence with their byte ranges (absolute).
pub(super) fn tokenize(text: &str, range: Range<usize>) -> Vec<Token<'_>> {
    thread_local! {
        static CHARS: std::cell::RefCell<Vec<(usize, char)>> = const {
            std::cell::RefCell::new(Vec::new())
        };
    }
    CHARS.with_borrow_mut(|chars| {
        chars.clear();
        let s = &text[range.clone()];
        if s.is_ascii() {
            // No UTF-8 decoding, and the exact length is known.
            chars.extend(s.bytes().enumerate().map(|(i, b)| (i, b as char)));
        } else {
            chars.extend(s.char_indices());
        }
        tokenize_chars(text, range, chars)
    })
}

fn tokenize_chars<'t>(
    text: &'t str,
    range: Range<usize>,
    chars: &[(usize, char)],
) -> Vec<Token<'t>> {
    let s = &text[range.clone()];
    let base = range.start;
    let mut tokens = Vec::with_capacity(s.len() / 5 + 1);
    let mut i = 0;
    let mut initial = true;
    while i < chars.len() {
        let c = chars[i].1;
        if !c.is_alphanumeric() {
            if matches!(c, '“' | '"' | ':' | '‘' | '(' | '—' | '–' | '-')
                && tokens
                    .last()
                    .is_none_or(|t: &Token| t.punct_after != Some(','))
            {
                // A dash starts a clause only when spaced ("Defenders - Ann Lee").
                let spaced_dash = c == '-'
                    && i > 0
                    && chars[i - 1].1.is_whitespace()
                    && chars.get(i + 1).is_some_and(|n| n.1.is_whitespace());
                initial = matches!(c, '“' | '"' | ':' | '‘' | '—' | '–') || spaced_dash || initial;
            }
            // "&" between words is a word of its own ("Marks & Spencer").
            if c == '&'
                && i > 0
                && chars[i - 1].1.is_whitespace()
                && chars.get(i + 1).is_some_and(|n| n.1.is_whitespace())
            {
                let at = base + chars[i].0;
                tokens.push(Token {
                    range: at..at + 1,
                    text: &s[chars[i].0..chars[i].0 + 1],
                    cap: false,
                    caps: false,
                    initial_letter: false,
                    number: false,
                    possessive: false,
                    punct_after: None,
                    initial: false,
                });
                i += 1;
                continue;
            }
            if !c.is_whitespace()
                && let Some(t) = tokens.last_mut()
                && t.punct_after.is_none()
            {
                t.punct_after = Some(c);
            }
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i;
        while j < chars.len() {
            let c = chars[j].1;
            // Letters and digits, and inner hyphens, apostrophes, ampersands
            // between capitals (AT&T) and the dots of acronyms (U.S.)
            // continue a word.
            let inner = matches!(c, '-' | '\'' | '’' | '.' | '&')
                && j + 1 < chars.len()
                && chars[j + 1].1.is_alphanumeric()
                && (!matches!(c, '.' | '&')
                    || (j >= 1 && chars[j - 1].1.is_uppercase() && chars[j + 1].1.is_uppercase()));
            if c.is_alphanumeric() || inner {
                j += 1;
            } else {
                break;
            }
        }
        let mut end_b = if j < chars.len() { chars[j].0 } else { s.len() };
        let mut word = &s[chars[start].0..end_b];
        let single_capital =
            j == start + 1 && chars[start].1.is_uppercase() && chars[start].1.is_alphabetic();
        // Dotted acronyms keep their last dot (U.S.), as do title
        // abbreviations and initials (M.).
        let dotted = j < chars.len()
            && chars[j].1 == '.'
            && (word.contains('.') || is_title_abbrev(word) || single_capital);
        if dotted {
            end_b += 1;
            word = &s[chars[start].0..end_b];
            j += 1;
        }
        let mut possessive = false;
        for suffix in ["'s", "’s", "'", "’"] {
            if word.len() > suffix.len() + 1
                && word.ends_with(suffix)
                && (suffix.len() > 1 || word.ends_with("s'") || word.ends_with("s’"))
            {
                word = &word[..word.len() - suffix.len()];
                possessive = true;
                break;
            }
        }
        let first = chars[start].1;
        let cap = first.is_uppercase() && !is_month_or_day(word);
        let caps = cap
            && word.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && word
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase);
        let abs = base + chars[start].0..base + chars[start].0 + word.len();
        tokens.push(Token {
            range: abs,
            text: word,
            cap,
            caps,
            initial_letter: single_capital && dotted,
            number: first.is_ascii_digit(),
            possessive,
            punct_after: None,
            initial,
        });
        initial = false;
        i = j;
    }
    tokens
}

/// "US-UK", "US-South Africa": a hyphenated word whose parts include a
/// gazetteer name becomes separate words, so each part is found.
pub(super) fn split_gazetteer_compounds(tokens: Vec<Token<'_>>) -> Vec<Token<'_>> {
    if !tokens.iter().any(|t| t.cap && t.text.contains('-')) {
        return tokens;
    }
    let gaz = gazetteer::get();
    let mut out = Vec::with_capacity(tokens.len());
    for t in tokens {
        if !t.cap
            || !t.text.contains('-')
            || gaz.lookup(t.text).is_some()
            || !t.text.split('-').any(|p| gaz.lookup(p).is_some())
        {
            out.push(t);
            continue;
        }
        let parts: Vec<&str> = t.text.split('-').collect();
        let mut off = t.range.start;
        for (k, p) in parts.iter().enumerate() {
            let last = k + 1 == parts.len();
            let cap = p.chars().next().is_some_and(char::is_uppercase);
            out.push(Token {
                range: off..off + p.len(),
                text: p,
                cap,
                caps: cap && p.chars().count() >= 2 && p.chars().all(|c| !c.is_lowercase()),
                initial_letter: false,
                number: p.starts_with(|c: char| c.is_ascii_digit()),
                possessive: last && t.possessive,
                punct_after: if last { t.punct_after } else { Some('-') },
                initial: t.initial && k == 0,
            });
            off += p.len() + 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        tokenize(s, 0..s.len()).iter().map(|t| t.text).collect()
    }

    #[test]
    fn initials_keep_their_dot_and_acronyms_their_letters() {
        let s = "M. Smith met J.R. Ewing of AT&T and the U.S. team.";
        assert_eq!(
            words(s),
            [
                "M.", "Smith", "met", "J.R.", "Ewing", "of", "AT&T", "and", "the", "U.S.", "team"
            ]
        );
        let t = tokenize(s, 0..s.len());
        assert!(t[0].initial_letter && t[0].punct_after.is_none());
        assert!(t[6].caps && !t[1].caps);
    }

    #[test]
    fn a_spaced_dash_starts_a_clause_and_months_are_not_capitals() {
        let s = "Defenders - Ann Lee, AUGUST 22";
        let t = tokenize(s, 0..s.len());
        assert_eq!(t[0].punct_after, Some('-'));
        assert!(t[1].initial, "the word after a spaced dash starts a clause");
        assert!(!t[3].cap && t[4].number);
        let h = "Smith-Jones";
        assert_eq!(tokenize(h, 0..h.len()).len(), 1);
        let a = "Marks & Spencer";
        assert_eq!(words(a), ["Marks", "&", "Spencer"]);
    }
}
