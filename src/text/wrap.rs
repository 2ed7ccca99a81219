//! Word wrapping measured in terminal cells per grapheme cluster. A document
//! is wrapped once per width into a list of line ranges (byte offsets into its
//! text); the renderer draws only the visible slice. Wide graphemes take two
//! cells, combining marks none, and a grapheme is never split.

use crate::text::grapheme_width;
use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;
use unicode_segmentation::UnicodeSegmentation;

/// One screen line: a byte range of the text and the indent before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub range: Range<usize>,
    pub indent: u16,
}

/// Width of the hanging indent for a paragraph: bullets and numbered items
/// continue under their first word, quoted lines under the quote mark.
fn hanging_indent(line: &str) -> usize {
    let lead = line.len() - line.trim_start_matches(' ').len();
    let rest = &line[lead..];
    let mut extra = 0;
    let mut r = rest;
    while let Some(t) = r.strip_prefix("> ") {
        extra += 2;
        r = t;
    }
    for bullet in ["- ", "* ", "• ", "– ", "[ ] ", "[x] "] {
        if r.starts_with(bullet) {
            return lead + extra + crate::text::display_width(bullet);
        }
    }
    let digits = r.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits < 4 && (r[digits..].starts_with(". ") || r[digits..].starts_with(") "))
    {
        return lead + extra + digits + 2;
    }
    lead + extra
}

/// Wrap `text` to `width` cells.
pub fn wrap(text: &str, width: usize) -> Vec<Line> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut start = 0;
    for para in text.split('\n') {
        let end = start + para.len();
        let body = para.strip_suffix('\r').unwrap_or(para);
        wrap_paragraph(text, start..start + body.len(), width, &mut lines);
        start = end + 1;
    }
    lines
}

fn wrap_paragraph(text: &str, range: Range<usize>, width: usize, out: &mut Vec<Line>) {
    let para = &text[range.clone()];
    if para.is_empty() {
        out.push(Line {
            range: range.start..range.start,
            indent: 0,
        });
        return;
    }
    let hang = hanging_indent(para).min(width / 2);
    let base = range.start;
    let mut line_start = base;
    let mut line_end = base; // end of the last non-space content on the line
    let mut used = 0usize;
    let mut indent = 0usize;
    let mut first = true;
    let mut word: Vec<(usize, &str, usize)> = Vec::new(); // pending word graphemes

    // Emits the pending word onto the current line, breaking where needed.
    let flush_word = |word: &mut Vec<(usize, &str, usize)>,
                      out: &mut Vec<Line>,
                      line_start: &mut usize,
                      line_end: &mut usize,
                      used: &mut usize,
                      indent: &mut usize,
                      first: &mut bool| {
        if word.is_empty() {
            return;
        }
        let wlen: usize = word.iter().map(|g| g.2).sum();
        let avail = width.saturating_sub(*indent);
        if *used + wlen > avail && *used > 0 {
            out.push(Line {
                range: *line_start..*line_end,
                indent: *indent as u16,
            });
            *first = false;
            *indent = hang;
            *used = 0;
            *line_start = word[0].0;
        }
        for &(pos, g, w) in word.iter() {
            if *used + w > width.saturating_sub(*indent) && *used > 0 {
                out.push(Line {
                    range: *line_start..*line_end,
                    indent: *indent as u16,
                });
                *first = false;
                *indent = hang;
                *used = 0;
                *line_start = pos;
            }
            *used += w;
            *line_end = pos + g.len();
        }
        word.clear();
    };

    for (i, g) in para.grapheme_indices(true) {
        let pos = base + i;
        let w = grapheme_width(g);
        if g.chars().all(char::is_whitespace) {
            flush_word(
                &mut word,
                out,
                &mut line_start,
                &mut line_end,
                &mut used,
                &mut indent,
                &mut first,
            );
            if used == 0 && !first {
                // Spaces at the start of a continuation line are dropped.
                line_start = pos + g.len();
                line_end = line_start;
                continue;
            }
            if used + w <= width.saturating_sub(indent) {
                // Spaces count towards the width but end no line.
                used += w;
            } else {
                // Trailing space past the edge: the line ends here.
                out.push(Line {
                    range: line_start..line_end.max(line_start),
                    indent: indent as u16,
                });
                first = false;
                indent = hang;
                used = 0;
                line_start = pos + g.len();
                line_end = line_start;
            }
            continue;
        }
        word.push((pos, g, w));
        // A wide character or a hyphen inside a word is a break opportunity.
        let breaks_after = w == 2 || (g == "-" && word.len() > 1) || g == "—" || g == "/";
        if breaks_after {
            flush_word(
                &mut word,
                out,
                &mut line_start,
                &mut line_end,
                &mut used,
                &mut indent,
                &mut first,
            );
        }
    }
    flush_word(
        &mut word,
        out,
        &mut line_start,
        &mut line_end,
        &mut used,
        &mut indent,
        &mut first,
    );
    out.push(Line {
        range: line_start..line_end.max(line_start),
        indent: indent as u16,
    });
}

/// Wrapped documents, memoised per (document, width). Interior mutability
/// keeps rendering a function of its inputs while wrapping happens once.
/// Wrapped lines of one document at one width, shared with the renderer.
pub type Wrapped = Rc<Vec<Line>>;

#[derive(Default)]
pub struct WrapCache {
    map: RefCell<HashMap<(usize, u16), Wrapped>>,
}

impl WrapCache {
    pub fn get(&self, doc: usize, text: &str, width: u16) -> Rc<Vec<Line>> {
        if let Some(l) = self.map.borrow().get(&(doc, width)) {
            return l.clone();
        }
        let lines = Rc::new(wrap(text, width as usize));
        let mut map = self.map.borrow_mut();
        // Keep memory bounded when a user resizes through many widths.
        if map.len() > 64 {
            map.clear();
        }
        map.insert((doc, width), lines.clone());
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::display_width;

    fn show(text: &str, width: usize) -> Vec<String> {
        wrap(text, width)
            .into_iter()
            .map(|l| format!("{}{}", " ".repeat(l.indent as usize), &text[l.range]))
            .collect()
    }

    fn assert_fits(text: &str, width: usize) {
        for l in wrap(text, width) {
            let w = display_width(&text[l.range.clone()]) + l.indent as usize;
            assert!(
                w <= width,
                "line {:?} is {w} cells wide, limit {width}",
                &text[l.range]
            );
        }
    }

    #[test]
    fn ascii_words() {
        assert_eq!(
            show("the quick brown fox jumps over", 10),
            vec!["the quick", "brown fox", "jumps over"]
        );
        assert_eq!(show("a\n\nb", 10), vec!["a", "", "b"]);
        assert_eq!(
            show("line one\r\nline two", 20),
            vec!["line one", "line two"]
        );
    }

    #[test]
    fn cjk_is_two_cells_and_breaks_between_characters() {
        let t = "日本語のテキストです";
        assert_eq!(show(t, 6), vec!["日本語", "のテキ", "ストで", "す"]);
        assert_fits(t, 5);
        assert_fits("mixed 漢字 and words 漢字漢字", 7);
    }

    #[test]
    fn emoji_zwj_and_combining_marks_stay_whole() {
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}";
        let t = format!("{family}{family}{family}");
        let lines = show(&t, 4);
        assert_eq!(lines, vec![format!("{family}{family}"), family.to_string()]);
        let t = "cafe\u{301} cafe\u{301} cafe\u{301}";
        assert_eq!(
            show(t, 5),
            vec!["cafe\u{301}", "cafe\u{301}", "cafe\u{301}"]
        );
    }

    #[test]
    fn very_long_words_are_split_at_graphemes() {
        let t = "short supercalifragilisticexpialidocious end";
        let lines = show(t, 10);
        assert_eq!(
            lines,
            vec![
                "short",
                "supercalif",
                "ragilistic",
                "expialidoc",
                "ious end"
            ]
        );
        assert_fits(t, 3);
        assert_fits(t, 1);
    }

    #[test]
    fn bullets_hang_under_their_text() {
        let t = "- a bullet that wraps onto more lines";
        assert_eq!(
            show(t, 14),
            vec!["- a bullet", "  that wraps", "  onto more", "  lines"]
        );
        assert_eq!(
            show("12. numbered item wraps", 12),
            vec!["12. numbered", "    item", "    wraps"]
        );
    }

    #[test]
    fn control_characters_are_measured_as_shown() {
        // ESC is shown as two cells (^[).
        assert_fits("ab\x1b[31mcd ef\x07gh", 4);
    }
}
