//! Making untrusted text (titles, sentences, names, paths, notes) safe to
//! put in a Markdown briefing that is printed to a terminal:
//!
//! - white space runs (line breaks included) become one space, so a field
//!   stays on its line and cannot start a block of its own;
//! - control and bidirectional characters are shown, not executed
//!   ([`crate::text::sanitize`]);
//! - characters that Markdown or HTML would act on are backslash-escaped,
//!   so `<script>` stays text, `[x](javascript:…)` is no link, `*` `_` `~`
//!   emphasise nothing and `|` does not split a table cell.

use crate::text::sanitize::sanitize;

/// `s` on one line, sanitised and escaped as Markdown text.
pub fn text(s: &str) -> String {
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let clean = sanitize(&flat);
    let mut out = String::with_capacity(clean.len() + 8);
    let chars: Vec<char> = clean.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let escape = match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' => true,
            // An entity or a character reference (`&amp;`, `&#60;`).
            '&' => {
                let name = chars[i + 1..]
                    .iter()
                    .take_while(|n| n.is_ascii_alphanumeric() || **n == '#')
                    .count();
                name > 0 && chars.get(i + 1 + name) == Some(&';')
            }
            // What would open a block at the start of a line: a heading, a
            // list item, a setext underline, an ordered list (`1.`).
            '#' | '-' | '+' | '=' if i == 0 => true,
            '.' | ')' if chars[..i].iter().all(char::is_ascii_digit) && i > 0 => true,
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// `s` shortened to about `max` characters at a word boundary, with `…`.
pub fn shorten(s: &str, max: usize) -> String {
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max).collect();
    let at = cut.rfind(' ').filter(|&i| i > max / 2).unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end_matches([',', ';', ':', ' ']))
}

/// [`text`] of [`shorten`].
pub fn short(s: &str, max: usize) -> String {
    text(&shorten(s, max))
}

/// `s` as an inline code span (for paths): sanitised, on one line, fenced
/// with more backticks than it holds in a row, so a backtick in a file
/// name cannot end the span early.
pub fn code(s: &str) -> String {
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let clean = sanitize(&flat);
    let mut longest = 0;
    let mut run = 0;
    for c in clean.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let pad = if clean.starts_with('`') || clean.ends_with('`') || clean.is_empty() {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{clean}{pad}{fence}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_html_are_escaped() {
        assert_eq!(
            text("<script>alert(1)</script>"),
            "\\<script\\>alert(1)\\</script\\>"
        );
        assert_eq!(
            text("[x](javascript:alert(1))"),
            "\\[x\\](javascript:alert(1))"
        );
        assert_eq!(
            text("a *b* _c_ ~~d~~ | e"),
            "a \\*b\\* \\_c\\_ \\~\\~d\\~\\~ \\| e"
        );
        assert_eq!(text("AT&T &amp; &#60; a&b;"), "AT&T \\&amp; \\&#60; a\\&b;");
        assert_eq!(text("back\\slash `code`"), "back\\\\slash \\`code\\`");
    }

    #[test]
    fn a_field_cannot_open_a_block() {
        assert_eq!(text("# Heading"), "\\# Heading");
        assert_eq!(text("- item"), "\\- item");
        assert_eq!(text("1. first"), "1\\. first");
        assert_eq!(text("2019) ok"), "2019\\) ok");
        assert_eq!(text("> quote"), "\\> quote");
        assert_eq!(text("line one\n# two\n\n---"), "line one # two ---");
        // Ordinary text stays as it is.
        assert_eq!(
            text("U.S. talks in 2019. Lee-Park"),
            "U.S. talks in 2019. Lee-Park"
        );
    }

    #[test]
    fn control_characters_are_shown() {
        let t = text("red \x1b[31mtext\x07 \u{202e}rtl");
        assert!(
            !t.chars().any(|c| c.is_control() || c == '\u{202e}'),
            "{t:?}"
        );
        assert!(t.contains("^\\[\\[31m") || t.contains("^["), "{t:?}");
        assert!(t.contains("\\<U+202E\\>"), "{t:?}");
    }

    #[test]
    fn code_spans_hold_backticks() {
        assert_eq!(code("news/a.txt"), "`news/a.txt`");
        assert_eq!(code("we`ird.txt"), "``we`ird.txt``");
        assert_eq!(code("`x``"), "``` `x`` ```");
        assert!(!code("a\x1bb").contains('\x1b'));
    }

    #[test]
    fn shortened_at_a_word() {
        assert_eq!(shorten("one two three four", 100), "one two three four");
        assert_eq!(shorten("one two three four five six", 16), "one two three…");
    }
}
