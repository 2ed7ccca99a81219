//! A quote variant's word diff, shown whole: words removed as `[-…-]`,
//! added as `[+…+]`, one space between words, wrapped over as many lines
//! as it needs (never cut with `…`).

use super::View;
use crate::analysis::links::{DiffOp, DiffTag};
pub use crate::app::pair::{diff_lines, diff_words};
use crate::text::display_width;
use ratatui::buffer::Buffer;
use ratatui::style::Style;

/// The style of a diff word.
pub fn tag_style(view: &View, base: Style, tag: DiffTag) -> Style {
    match tag {
        DiffTag::Equal => base,
        DiffTag::Delete => base.patch(view.theme.get("diff.minus")),
        DiffTag::Insert => base.patch(view.theme.get("diff.plus")),
    }
}

/// Draw one line of a diff at (`x`, `y`), at most `w` cells.
pub fn draw_line(
    buf: &mut Buffer,
    (x, y): (u16, u16),
    w: usize,
    view: &View,
    base: Style,
    line: &[(String, DiffTag)],
) {
    let end = x.saturating_add(w as u16);
    let mut cx = x;
    for (i, (word, tag)) in line.iter().enumerate() {
        if i > 0 {
            cx += 1;
        }
        if cx >= end {
            break;
        }
        let room = (end - cx) as usize;
        let shown = super::fit(word, room);
        buf.set_stringn(cx, y, &shown, room, tag_style(view, base, *tag));
        cx = cx.saturating_add(display_width(&shown) as u16);
    }
}

/// Draw the diff from `y` on, at most `rows` lines; returns the lines it
/// needs in all (more than `rows` when it did not fit).
pub fn draw(
    buf: &mut Buffer,
    (x, y): (u16, u16),
    (w, rows): (usize, usize),
    view: &View,
    base: Style,
    diff: &[DiffOp],
) -> usize {
    let lines = diff_lines(diff, w);
    for (i, line) in lines.iter().take(rows).enumerate() {
        draw_line(buf, (x, y + i as u16), w, view, base, line);
    }
    lines.len()
}
