//! Acronyms defined in the text: "the Belt and Road Initiative (BRI)".

use std::ops::Range;

/// Acronyms defined in the text: "the Belt and Road Initiative (BRI)".
pub(super) fn acronym_definitions(text: &str) -> Vec<(String, String, Range<usize>)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut search = 0;
    while let Some(i) = text[search..].find('(') {
        let open = search + i;
        search = open + 1;
        let Some(close_rel) = text[open..].find(')') else {
            break;
        };
        let inner = &text[open + 1..open + close_rel];
        if inner.len() < 2
            || inner.len() > 8
            || !inner
                .chars()
                .all(|c| c.is_ascii_uppercase() || c == '-' || c == '&')
        {
            continue;
        }
        let letters: Vec<char> = inner.chars().filter(char::is_ascii_uppercase).collect();
        // Walk back over words until their capital initials spell the acronym.
        let before = &text[..open];
        let words: Vec<(usize, &str)> = before
            .split_whitespace()
            .rev()
            .take(letters.len() * 2 + 3)
            .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
            .collect();
        let mut initials = Vec::new();
        let mut start = None;
        for (pos, w) in &words {
            let c = w.chars().next().unwrap_or(' ');
            if c.is_uppercase() {
                initials.push(c);
                start = Some(*pos);
                if initials.len() == letters.len() {
                    break;
                }
            } else if !matches!(*w, "of" | "and" | "for" | "the" | "on" | "in" | "&") {
                break;
            }
        }
        initials.reverse();
        if initials == letters
            && let Some(s) = start
        {
            let long = text[s..open].trim_end().trim_end_matches(',').to_string();
            let _ = bytes;
            out.push((long.clone(), inner.to_string(), s..s + long.len()));
        }
    }
    out
}
