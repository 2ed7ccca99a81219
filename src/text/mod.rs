//! Text primitives shared by the loader, the analysis and the UI: grapheme
//! widths, visible rendering of control characters, and (in later modules)
//! sentences and words. Nothing here knows about the terminal.

pub mod sanitize;
pub mod sentences;
pub mod words;
pub mod wrap;

pub use sanitize::{display_grapheme, display_width, grapheme_width};

/// Is there only whitespace between the start of the line `pos` is on and
/// `pos`? Looks back no further than that whitespace, so asking it for
/// every sentence of a one-line file stays linear.
pub fn line_starts_here(text: &str, pos: usize) -> bool {
    for c in text[..pos].chars().rev() {
        if c == '\n' {
            return true;
        }
        if !c.is_whitespace() {
            return false;
        }
    }
    true
}

/// Is there only whitespace between `pos` and the end of its line?
pub fn line_ends_here(text: &str, pos: usize) -> bool {
    for c in text[pos..].chars() {
        if c == '\n' {
            return true;
        }
        if !c.is_whitespace() {
            return false;
        }
    }
    true
}

/// How many bytes the line holding `range` has outside it, counting no
/// more than `cap` on each side (so the cost is bounded by `cap`).
pub fn line_extra(text: &str, range: &std::ops::Range<usize>, cap: usize) -> usize {
    let before = text.as_bytes()[..range.start]
        .iter()
        .rev()
        .take(cap)
        .take_while(|&&b| b != b'\n')
        .count();
    let after = text.as_bytes()[range.end..]
        .iter()
        .take(cap)
        .take_while(|&&b| b != b'\n')
        .count();
    before + after
}

#[cfg(test)]
mod line_tests {
    use super::*;

    #[test]
    fn line_edges_without_scanning_the_line() {
        let t = "Head line\n  Second one.  \nThird";
        let second = t.find("Second").unwrap();
        let end = t.find("one.").unwrap() + 4;
        assert!(line_starts_here(t, second));
        assert!(line_ends_here(t, end));
        assert!(!line_starts_here(t, second + 1));
        assert!(!line_ends_here(t, end - 1));
        assert!(line_starts_here(t, 0));
        assert!(line_ends_here(t, t.len()));
        assert_eq!(line_extra(t, &(second..end), 10), 4);
        assert_eq!(line_extra(t, &(second..end), 1), 2);
        let third = t.find("Third").unwrap();
        assert_eq!(line_extra(t, &(third..t.len()), 5), 0);
    }
}
