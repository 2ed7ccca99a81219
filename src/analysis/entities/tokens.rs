//! Words of a sentence with their byte ranges, case, possessive and the
//! punctuation after them.

use super::super::gazetteer;
use std::ops::Range;

#[derive(Debug, Clone)]
pub(super) struct Token<'a> {
    pub(super) range: Range<usize>,
    pub(super) text: &'a str,
    pub(super) cap: bool,
    pub(super) possessive: bool,
    /// Punctuation directly after (",", ".", ":", "(" …); none for a space.
    pub(super) punct_after: Option<char>,
    pub(super) initial: bool,
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
    )
}

fn is_month_or_day(w: &str) -> bool {
    matches!(
        w,
        "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
            | "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
    )
}

/// Words of a sentence with their byte ranges (absolute).
pub(super) fn tokenize(text: &str, range: Range<usize>) -> Vec<Token<'_>> {
    let s = &text[range.clone()];
    let base = range.start;
    let mut chars: Vec<(usize, char)> = Vec::with_capacity(s.len());
    chars.extend(s.char_indices());
    let mut tokens = Vec::with_capacity(s.len() / 5 + 1);
    let mut i = 0;
    let mut initial = true;
    while i < chars.len() {
        let c = chars[i].1;
        if !c.is_alphanumeric() {
            if matches!(c, '“' | '"' | ':' | '‘' | '(' | '—' | '–')
                && tokens
                    .last()
                    .is_none_or(|t: &Token| t.punct_after != Some(','))
            {
                initial = matches!(c, '“' | '"' | ':' | '‘' | '—' | '–') || initial;
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
            // Letters and digits, and inner hyphens, apostrophes and the
            // dots of acronyms (U.S.) continue a word.
            let inner = matches!(c, '-' | '\'' | '’' | '.')
                && j + 1 < chars.len()
                && chars[j + 1].1.is_alphanumeric()
                && (c != '.'
                    || (j >= 1 && chars[j - 1].1.is_uppercase() && chars[j + 1].1.is_uppercase()));
            if c.is_alphanumeric() || inner {
                j += 1;
            } else {
                break;
            }
        }
        let mut end_b = if j < chars.len() { chars[j].0 } else { s.len() };
        let mut word = &s[chars[start].0..end_b];
        // Dotted acronyms keep their last dot (U.S.), as do title abbreviations.
        if j < chars.len() && chars[j].1 == '.' && (word.contains('.') || is_title_abbrev(word)) {
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
        // Months and weekdays are dates, never part of a name.
        let cap = word.chars().next().is_some_and(char::is_uppercase) && !is_month_or_day(word);
        let abs = base + chars[start].0..base + chars[start].0 + word.len();
        tokens.push(Token {
            range: abs,
            text: word,
            cap,
            possessive,
            punct_after: None,
            initial,
        });
        initial = false;
        let _ = end_b;
        i = j;
    }
    tokens
}

/// "US-UK", "US-South Africa": a hyphenated word whose parts include a
/// gazetteer name becomes separate words, so each part is found.
pub(super) fn split_gazetteer_compounds(tokens: Vec<Token<'_>>) -> Vec<Token<'_>> {
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
            out.push(Token {
                range: off..off + p.len(),
                text: p,
                cap: p.chars().next().is_some_and(char::is_uppercase),
                possessive: last && t.possessive,
                punct_after: if last { t.punct_after } else { None },
                initial: t.initial && k == 0,
            });
            off += p.len() + 1;
        }
    }
    out
}
