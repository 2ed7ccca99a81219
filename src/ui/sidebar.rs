//! The sidebar: the list of documents.

use super::{View, fit, is_focused, pane_block};
use crate::app::layout;
use crate::app::{AppState, Pane};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::Widget;

pub struct Sidebar<'a> {
    pub state: &'a AppState,
    pub view: &'a View<'a>,
}

impl Widget for Sidebar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (state, view, theme) = (self.state, self.view, self.view.theme);
        let focused = is_focused(state, Pane::Sidebar);
        pane_block(theme, focused)
            .title(Span::styled(
                format!(" Documents ({}) ", view.docs.len()),
                theme.get("ui.title"),
            ))
            .render(area, buf);
        let inner = layout::inner(area);
        for (row, (i, doc)) in view
            .docs
            .iter()
            .enumerate()
            .skip(state.list_offset)
            .take(inner.height as usize)
            .enumerate()
        {
            let y = inner.y + row as u16;
            let current = i == state.doc;
            let marker = if current { "▸ " } else { "  " };
            let label = fit(&format!("{marker}{}", doc.title), inner.width as usize);
            let mut style = if current {
                theme.get("ui.text").patch(theme.get("ui.title"))
            } else {
                theme.get("ui.text")
            };
            if i == state.list_selected && focused {
                style = style.patch(theme.get("ui.selection"));
                buf.set_style(
                    Rect {
                        y,
                        height: 1,
                        ..inner
                    },
                    style,
                );
            }
            buf.set_stringn(inner.x, y, label, inner.width as usize, style);
        }
    }
}
