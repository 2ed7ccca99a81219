//! Untrusted text must never reach the terminal raw. Every grapheme that
//! contains a control character (C0, DEL, C1), a bidirectional override or
//! an invisible character (zero-width space, byte-order mark, line and
//! paragraph separators, tag characters…) is replaced by a visible stand-in
//! such as `^[` or `<U+202E>`, so that escape sequences inside an article are
//! shown and never executed, and nothing hides in the text. This is the one
//! function every output to a terminal goes through, as `less` does.

use std::borrow::Cow;
use unicode_width::UnicodeWidthStr;

/// Width in cells of a tab when shown.
pub const TAB_WIDTH: usize = 4;

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Characters that draw nothing and can hide text or change how it reads.
/// The joiners U+200C and U+200D are not among them: scripts and emoji
/// sequences need them.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{2060}'..='\u{2064}'
            | '\u{206A}'..='\u{206F}'
            | '\u{180E}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{E0000}'..='\u{E007F}'
    )
}

fn needs_escape(c: char) -> bool {
    c.is_control() || is_bidi_control(c) || is_invisible(c)
}

fn push_visible(out: &mut String, c: char) {
    match c {
        '\t' => out.push_str(&" ".repeat(TAB_WIDTH)),
        '\u{0}'..='\u{1f}' => {
            out.push('^');
            out.push((c as u8 + 0x40) as char);
        }
        '\u{7f}' => out.push_str("^?"),
        _ => out.push_str(&format!("<U+{:04X}>", c as u32)),
    }
}

/// The text to show for one grapheme cluster: itself, or a visible stand-in
/// when it holds a control character.
pub fn display_grapheme(g: &str) -> Cow<'_, str> {
    if !g.chars().any(needs_escape) {
        return Cow::Borrowed(g);
    }
    let mut out = String::new();
    for c in g.chars() {
        if needs_escape(c) {
            push_visible(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Cells taken by one grapheme cluster once displayed: 0 for a lone combining
/// mark, 2 for wide (CJK, emoji), the stand-in's width for control characters.
pub fn grapheme_width(g: &str) -> usize {
    match display_grapheme(g) {
        Cow::Borrowed(s) => {
            let w = s.width();
            // An emoji ZWJ sequence or a flag is one cluster shown in two cells.
            if w > 2 && s.chars().count() > 1 { 2 } else { w }
        }
        Cow::Owned(s) => s.width(),
    }
}

/// Cells taken by a whole string once displayed.
pub fn display_width(s: &str) -> usize {
    use unicode_segmentation::UnicodeSegmentation;
    s.graphemes(true).map(grapheme_width).sum()
}

/// A whole string made safe to print, for messages and titles.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs_escape) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if needs_escape(c) {
            push_visible(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible() {
        assert_eq!(sanitize("a\x1b[31mred"), "a^[[31mred");
        assert_eq!(sanitize("bell\x07"), "bell^G");
        assert_eq!(sanitize("del\x7f"), "del^?");
        assert_eq!(sanitize("c1\u{9b}x"), "c1<U+009B>x");
        assert_eq!(sanitize("rtl\u{202e}x"), "rtl<U+202E>x");
        assert_eq!(sanitize("plain"), "plain");
        assert!(!sanitize("\x1b]0;title\x07").chars().any(|c| c.is_control()));
    }

    #[test]
    fn invisible_characters_are_shown() {
        assert_eq!(sanitize("zero\u{200B}width"), "zero<U+200B>width");
        assert_eq!(sanitize("\u{FEFF}bom"), "<U+FEFF>bom");
        assert_eq!(sanitize("line\u{2028}sep"), "line<U+2028>sep");
        assert_eq!(sanitize("tag\u{E0041}\u{E007F}"), "tag<U+E0041><U+E007F>");
        assert_eq!(display_grapheme("\u{2060}"), "<U+2060>");
        // Joiners inside emoji and scripts stay.
        let family = "\u{1F468}\u{200D}\u{1F469}";
        assert_eq!(sanitize(family), family);
    }

    #[test]
    fn widths_per_grapheme() {
        assert_eq!(grapheme_width("a"), 1);
        assert_eq!(grapheme_width("漢"), 2);
        assert_eq!(grapheme_width("e\u{301}"), 1); // e + combining acute
        assert_eq!(
            grapheme_width("\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}"),
            2
        ); // family ZWJ
        assert_eq!(grapheme_width("\u{1F1EC}\u{1F1E7}"), 2); // flag
        assert_eq!(grapheme_width("\x1b"), 2); // ^[
        assert_eq!(grapheme_width("\t"), TAB_WIDTH);
        assert_eq!(display_width("日本語 ok"), 9);
    }
}
