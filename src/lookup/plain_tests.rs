//! Tests of `plain`.

use super::*;

#[test]
fn clean_shows_controls_and_flattens_lines() {
    assert_eq!(clean("a\n\n b\x1b[31m\tc\u{202e}"), "a b^[[31m c<U+202E>");
}

#[test]
fn context_puts_the_match_in_view() {
    let text = "First paragraph.\n\nThe board said on Monday that the ferry will run every day, the mayor agreed, and fares stay.\n\nNext.";
    let p = text.find("ferry").unwrap();
    let (b, m, a) = context(text, p..p + 5, 40);
    assert_eq!(m, "ferry");
    assert!(b.ends_with("the ") && b.starts_with('…'), "{b:?}");
    assert!(a.starts_with(" will run") && a.ends_with('…'), "{a:?}");
    assert!(display_width(&format!("{b}{m}{a}")) <= 40);
    assert!(!a.contains("Next"), "one paragraph");
}

#[test]
fn colour_escapes_take_no_room() {
    let p = Paint(true);
    assert_eq!(visible_width(&format!("  {} x", p.bold("2019-02"))), 11);
}

#[test]
fn wrapping_keeps_to_the_width() {
    let mut out = String::new();
    let text = "word ".repeat(40);
    wrapped(&mut out, "  - ", text.trim(), 4, 40, |s| s.to_string());
    for l in out.lines() {
        assert!(display_width(l) <= 40, "{l:?}");
    }
    assert!(out.lines().skip(1).all(|l| l.starts_with("    word")));
}
