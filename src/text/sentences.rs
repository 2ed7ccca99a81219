//! Sentence splitting that survives abbreviations (`U.S.`, `Dr.`, `Jan.`,
//! initials), decimals, quotes and bullet lines. Every sentence keeps its byte
//! range. Paragraphs (lines) never share a sentence.

use std::ops::Range;

/// Abbreviations after which a period does not end a sentence.
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "capt", "cmdr",
    "sgt", "maj", "adm", "st", "jr", "sr", "rev", "hon", "pres", "supt", "det", "insp", "messrs",
    "mme", "mlle", "fr", "brig", "cpl", "pvt", "amb", "atty", "supt",
];
const OTHER_ABBREV: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc",
    "ltd", "co", "corp", "vs", "etc", "e.g", "i.e", "no", "nos", "vol", "fig", "approx", "est",
    "dept", "univ", "ave", "blvd", "rd", "mt", "ft", "p", "pp", "ch", "art", "cf", "al", "ca",
    "op", "ed", "eds", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "d.c", "ph.d", "b.a", "m.a",
];
/// Words that start a new sentence even after an abbreviation such as U.S.
const STARTERS: &[&str] = &[
    "The",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "But",
    "And",
    "However",
    "In",
    "On",
    "At",
    "A",
    "An",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "My",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "Meanwhile",
    "So",
    "Yet",
    "As",
    "What",
    "Why",
    "How",
    "Who",
    "Where",
    "Since",
    "Although",
];

/// Split `text` into sentence byte ranges, trimmed of surrounding spaces and
/// bullet marks.
pub fn split(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    // One buffer of characters for every paragraph.
    let mut chars: Vec<(usize, char)> = Vec::new();
    for line in text.split('\n') {
        let end = start + line.len();
        split_paragraph(text, start, end, &mut chars, &mut out);
        start = end + 1;
    }
    out
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '’' | '”' | ')' | ']' | '»')
}

fn is_opening(c: char) -> bool {
    matches!(c, '"' | '\'' | '‘' | '“' | '(' | '[' | '«')
}

/// Skip a bullet or list mark and spaces at the start of a paragraph.
fn body_start(text: &str, start: usize, end: usize) -> usize {
    let line = &text[start..end];
    let trimmed = line.trim_start();
    let mut off = line.len() - trimmed.len();
    let mut rest = trimmed;
    while let Some(r) = rest.strip_prefix("> ") {
        off += 2;
        rest = r;
    }
    for b in ["- ", "* ", "• ", "– ", "— "] {
        if let Some(r) = rest.strip_prefix(b) {
            return start + off + b.len() + (r.len() - r.trim_start().len());
        }
    }
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0
        && digits < 4
        && (rest[digits..].starts_with(". ") || rest[digits..].starts_with(") "))
    {
        return start + off + digits + 2;
    }
    start + off
}

fn push_trimmed(text: &str, s: usize, e: usize, out: &mut Vec<Range<usize>>) {
    let piece = &text[s..e];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push(s + lead..e - trail);
    }
}

/// The word (letters and inner periods) that ends at byte `dot` (exclusive).
fn word_before(text: &str, dot: usize) -> &str {
    let before = &text[..dot];
    let start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || *c == '.' || *c == '-')
        .last()
        .map_or(dot, |(i, _)| i);
    &text[start..dot]
}

fn split_paragraph(
    text: &str,
    start: usize,
    end: usize,
    chars: &mut Vec<(usize, char)>,
    out: &mut Vec<Range<usize>>,
) {
    let body = body_start(text, start, end);
    let para = &text[body..end];
    let mut sent_start = body;
    chars.clear();
    chars.extend(para.char_indices().map(|(i, c)| (body + i, c)));
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if !matches!(c, '.' | '!' | '?' | '…') {
            i += 1;
            continue;
        }
        // Take the whole run of terminal punctuation and closing marks.
        let mut j = i + 1;
        while j < chars.len()
            && (matches!(chars[j].1, '.' | '!' | '?' | '…') || is_closing(chars[j].1))
        {
            j += 1;
        }
        let after = if j < chars.len() { chars[j].0 } else { end };
        // A boundary needs white space, then something that opens a sentence.
        let mut k = j;
        let mut saw_space = false;
        while k < chars.len() && chars[k].1.is_whitespace() {
            saw_space = true;
            k += 1;
        }
        if k >= chars.len() {
            break; // end of paragraph closes the sentence anyway
        }
        if !saw_space {
            i = j;
            continue;
        }
        let next = chars[k].1;
        let opens = next.is_uppercase() || next.is_ascii_digit() || is_opening(next);
        if !opens {
            i = j;
            continue;
        }
        if c == '.' && j == i + 1 && is_abbreviation(text, pos, &para[chars[k].0 - body..]) {
            i = j;
            continue;
        }
        push_trimmed(text, sent_start, after, out);
        sent_start = chars[k].0;
        i = k;
    }
    push_trimmed(text, sent_start, end, out);
}

/// Does the period at `dot` end an abbreviation rather than a sentence?
/// `next` is the text from the next word on.
fn is_abbreviation(text: &str, dot: usize, next: &str) -> bool {
    let word = word_before(text, dot);
    if word.is_empty() {
        return false;
    }
    let lower = word.to_lowercase();
    let next_word: &str = next
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    // A single capital letter is an initial (John F. Kennedy).
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return true;
    }
    if TITLES.contains(&lower.as_str()) {
        return true;
    }
    let dotted = lower.contains('.');
    if OTHER_ABBREV.contains(&lower.as_str()) || dotted {
        // After U.S. or Jan. a new sentence may still begin: a typical
        // sentence starter or a time says so.
        if STARTERS.contains(&next_word) {
            return false;
        }
        return true;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|r| &text[r]).collect()
    }

    /// English "Golden Rules" of pragmatic_segmenter (a selection).
    #[test]
    fn golden_rules() {
        assert_eq!(
            s("Hello World. My name is Jonas."),
            vec!["Hello World.", "My name is Jonas."]
        );
        assert_eq!(
            s("What is your name? My name is Jonas."),
            vec!["What is your name?", "My name is Jonas."]
        );
        assert_eq!(
            s("There it is! I found it."),
            vec!["There it is!", "I found it."]
        );
        assert_eq!(
            s("My name is Jonas E. Smith."),
            vec!["My name is Jonas E. Smith."]
        );
        assert_eq!(s("Please turn to p. 55."), vec!["Please turn to p. 55."]);
        assert_eq!(
            s("Were Jane and co. at the party?"),
            vec!["Were Jane and co. at the party?"]
        );
        assert_eq!(
            s("They closed the deal with Pitt, Briggs & Co. at noon."),
            vec!["They closed the deal with Pitt, Briggs & Co. at noon."]
        );
        assert_eq!(
            s("Let's ask Jane and co. They should know."),
            vec!["Let's ask Jane and co.", "They should know."]
        );
        assert_eq!(
            s("I can see Mt. Fuji from here."),
            vec!["I can see Mt. Fuji from here."]
        );
        assert_eq!(
            s("St. Michael's Church is on 5th st. near the light."),
            vec!["St. Michael's Church is on 5th st. near the light."]
        );
        assert_eq!(
            s("That is JFK Jr.'s book."),
            vec!["That is JFK Jr.'s book."]
        );
        assert_eq!(
            s("I visited the U.S.A. last year."),
            vec!["I visited the U.S.A. last year."]
        );
        assert_eq!(
            s("I live in the E.U. How about you?"),
            vec!["I live in the E.U.", "How about you?"]
        );
        assert_eq!(
            s("I live in the U.S. How about you?"),
            vec!["I live in the U.S.", "How about you?"]
        );
        assert_eq!(
            s("I work for the U.S. Government in Virginia."),
            vec!["I work for the U.S. Government in Virginia."]
        );
        assert_eq!(
            s("I have lived in the U.S. for 20 years."),
            vec!["I have lived in the U.S. for 20 years."]
        );
        assert_eq!(
            s("She has $100.00 in her bag."),
            vec!["She has $100.00 in her bag."]
        );
        assert_eq!(
            s("She has $100.00. It is in her bag."),
            vec!["She has $100.00.", "It is in her bag."]
        );
        assert_eq!(
            s(
                "He teaches science (He previously worked for 5 years as an engineer.) at the local University."
            ),
            vec![
                "He teaches science (He previously worked for 5 years as an engineer.) at the local University."
            ]
        );
        assert_eq!(
            s("The nurse gave him the 1.5 mg dose."),
            vec!["The nurse gave him the 1.5 mg dose."]
        );
        assert_eq!(
            s("She turned to him, \"This is great.\" She held the book out to show him."),
            vec![
                "She turned to him, \"This is great.\"",
                "She held the book out to show him."
            ]
        );
        assert_eq!(
            s("Hello!! Long time no see."),
            vec!["Hello!!", "Long time no see."]
        );
        assert_eq!(s("Hello?? Who is there?"), vec!["Hello??", "Who is there?"]);
        assert_eq!(s("Hello!? Is that you?"), vec!["Hello!?", "Is that you?"]);
        assert_eq!(
            s("Dr. Smith arrived on Jan. 5 with Gen. Jones."),
            vec!["Dr. Smith arrived on Jan. 5 with Gen. Jones."]
        );
        assert_eq!(
            s("This is a sentence\ncut off in the middle because pdf."),
            vec!["This is a sentence", "cut off in the middle because pdf."]
        );
    }

    #[test]
    fn bullets_and_ranges() {
        let t = "KEY POINTS:\n- First point here. Second one.\n  - Nested point.\n1. Numbered.";
        assert_eq!(
            s(t),
            vec![
                "KEY POINTS:",
                "First point here.",
                "Second one.",
                "Nested point.",
                "Numbered."
            ]
        );
        for r in split(t) {
            assert!(t.is_char_boundary(r.start) && t.is_char_boundary(r.end));
        }
        assert_eq!(
            s("“We will win.” Then he left."),
            vec!["“We will win.”", "Then he left."]
        );
        assert!(s("").is_empty());
        assert!(s("   \n  ").is_empty());
    }
}
