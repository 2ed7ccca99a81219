//! The document pane: the wrapped article, only its visible slice drawn,
//! styled by markup (and, later, by analysis layers).

use super::{View, is_focused, pane_block};
use crate::app::layout;
use crate::app::{AppState, Pane};
use crate::corpus::{MarkupRun, markup};
use crate::text::grapheme_width;
use crate::text::sanitize::display_grapheme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget};
use unicode_segmentation::UnicodeSegmentation;

pub struct DocumentPane<'a> {
    pub state: &'a AppState,
    pub view: &'a View<'a>,
}

const MARKUP_SCOPES: &[(u16, &str)] = &[
    (markup::TITLE, "markup.title"),
    (markup::HEADING, "markup.heading"),
    (markup::QUOTE, "markup.quote"),
    (markup::LIST_MARKER, "markup.list"),
    (markup::CODE, "markup.code"),
    (markup::LINK, "markup.link"),
    (markup::EMPHASIS, "markup.emphasis"),
    (markup::STRONG, "markup.strong"),
    (markup::STRIKE, "markup.strike"),
];

/// Walks sorted, non-overlapping runs alongside increasing positions.
struct RunCursor<'r> {
    runs: &'r [MarkupRun],
    i: usize,
}

impl<'r> RunCursor<'r> {
    fn new(runs: &'r [MarkupRun], from: usize) -> Self {
        RunCursor {
            runs,
            i: runs.partition_point(|r| r.range.end <= from),
        }
    }

    fn flags_at(&mut self, pos: usize) -> u16 {
        while self.i < self.runs.len() && self.runs[self.i].range.end <= pos {
            self.i += 1;
        }
        match self.runs.get(self.i) {
            Some(r) if r.range.start <= pos => r.flags,
            _ => 0,
        }
    }
}

impl Widget for DocumentPane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (state, view) = (self.state, self.view);
        let theme = view.theme;
        let Some(doc) = view.docs.get(state.doc) else {
            return;
        };
        let title = super::fit(&doc.title, area.width.saturating_sub(12) as usize);
        let block = pane_block(theme, is_focused(state, Pane::Document))
            .title(Span::styled(format!(" {title} "), theme.get("ui.title")));
        block.render(area, buf);
        let col = layout::text_column(area);
        if col.width == 0 || col.height == 0 {
            return;
        }
        let lines = view.wraps.get(state.doc, &doc.text, col.width);
        let top = state.top_line(&lines);
        let base = theme.get("ui.text");
        let mut markup_styles = [Style::default(); 16];
        for (flag, scope) in MARKUP_SCOPES {
            markup_styles[flag.trailing_zeros() as usize] = theme.get(scope);
        }
        let style_for = |flags: u16| {
            let mut s = base;
            for (flag, _) in MARKUP_SCOPES.iter().rev() {
                if flags & flag != 0 {
                    s = s.patch(markup_styles[flag.trailing_zeros() as usize]);
                }
            }
            s
        };
        for (row, line) in lines.iter().skip(top).take(col.height as usize).enumerate() {
            let y = col.y + row as u16;
            let mut x = col.x + line.indent.min(col.width);
            let mut cursor = RunCursor::new(&doc.markup, line.range.start);
            let text = &doc.text[line.range.clone()];
            for (i, g) in text.grapheme_indices(true) {
                let w = grapheme_width(g) as u16;
                if x + w > col.right() {
                    break;
                }
                let pos = line.range.start + i;
                let style = style_for(cursor.flags_at(pos));
                buf.set_stringn(x, y, display_grapheme(g), w as usize, style);
                x += w;
            }
        }
        if lines.len() > col.height as usize && area.height > 2 {
            let mut sb =
                ScrollbarState::new(lines.len().saturating_sub(col.height as usize)).position(top);
            Scrollbar::new(ScrollbarOrientation::VerticalRight)
                .begin_symbol(None)
                .end_symbol(None)
                .style(theme.get("ui.border"))
                .render(
                    Rect {
                        y: area.y + 1,
                        height: area.height - 2,
                        ..area
                    },
                    buf,
                    &mut sb,
                );
        }
    }
}
