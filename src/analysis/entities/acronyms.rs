//! Acronyms defined in the text: "the Belt and Road Initiative (BRI)".

use std::ops::Range;

/// Acronyms defined in the text: "the Belt and Road Initiative (BRI)".
pub(super) fn acronym_definitions(text: &str) -> Vec<(String, String, Range<usize>)> {
    let mut out = Vec::new();
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
        // Each word gives its initial, a hyphenated word those of its parts
        // ("Asia-Pacific Economic Cooperation (APEC)"), from the end.
        let mut need = letters.len();
        let mut start = None;
        for (pos, w) in &words {
            if need == 0 {
                break;
            }
            let first = w.chars().next().unwrap_or(' ');
            let parts: Vec<char> = w
                .split('-')
                .filter_map(|p| p.chars().next())
                .filter(|c| c.is_uppercase())
                .collect();
            if parts.len() > 1
                && parts.len() <= need
                && letters[need - parts.len()..need] == parts[..]
            {
                need -= parts.len();
                start = Some(*pos);
            } else if first.is_uppercase() && letters[need - 1] == first {
                need -= 1;
                start = Some(*pos);
            } else if !matches!(*w, "of" | "and" | "for" | "the" | "on" | "in" | "&") {
                break;
            }
        }
        let initials = if need == 0 {
            letters.clone()
        } else {
            Vec::new()
        };
        if initials == letters
            && let Some(s) = start
        {
            let long = text[s..open].trim_end().trim_end_matches(',').to_string();
            out.push((long.clone(), inner.to_string(), s..s + long.len()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms_spelled_by_initials_and_hyphenated_parts() {
        let text = "The Harbour Trust Authority (HTA) and the Asia-Pacific Rim Council (APRC) met; the Union of Dock Workers (UDW) left.";
        let got: Vec<(String, String)> = acronym_definitions(text)
            .into_iter()
            .map(|(l, s, r)| {
                assert_eq!(&text[r], l);
                (l, s)
            })
            .collect();
        assert_eq!(
            got,
            [
                ("Harbour Trust Authority".to_string(), "HTA".to_string()),
                ("Asia-Pacific Rim Council".to_string(), "APRC".to_string()),
                ("Union of Dock Workers".to_string(), "UDW".to_string()),
            ]
        );
    }
}
