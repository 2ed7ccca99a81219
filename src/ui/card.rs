//! An entity's card, drawn: one row a line, sections marked, the selected
//! row's whole text at the bottom. The content is `crate::card`'s model.

use super::{View, fit, wrap_plain};
use crate::app::card::CardState;
use crate::card::RowKind;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

pub struct CardOverlay<'a> {
    pub view: &'a View<'a>,
    pub card: &'a CardState,
}

impl Widget for CardOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (theme, c) = (self.view.theme, self.card);
        let r = crate::app::layout::wide_popup(area);
        let title = format!(
            " {} · {} · j/k move · Enter go · Esc close ",
            c.card.name, c.card.kind
        );
        let (popup, inner) = super::popup_frame(
            buf,
            r,
            theme,
            fit(&title, r.width.saturating_sub(2) as usize),
        );
        if inner.height == 0 || inner.width == 0 {
            return;
        }
        let w = inner.width as usize;
        let list_h = crate::app::layout::card_list_height(inner) as usize;
        let detail = inner.height - list_h as u16;
        let first = crate::app::layout::centred_first(c.selected, c.rows.len(), list_h);
        for (line, (i, row)) in c
            .rows
            .iter()
            .enumerate()
            .skip(first)
            .take(list_h)
            .enumerate()
        {
            let y = inner.y + line as u16;
            let (indent, scope) = match row.kind {
                RowKind::Heading => (0, "ui.title"),
                RowKind::Section => (0, "ui.help.section"),
                RowKind::Text => (1, "ui.text.dim"),
                RowKind::Item => (2, "ui.text"),
            };
            let mut style = popup.patch(theme.get(scope));
            if i == c.selected {
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
            let text = fit(&row.text, w.saturating_sub(indent));
            buf.set_stringn(inner.x + indent as u16, y, text, w - indent.min(w), style);
        }
        if detail == 0 {
            return;
        }
        let sep_y = inner.bottom() - detail;
        buf.set_stringn(
            inner.x,
            sep_y,
            "─".repeat(w),
            w,
            popup.patch(theme.get("ui.border")),
        );
        if let Some(row) = c.rows.get(c.selected) {
            for (k, chunk) in wrap_plain(&row.text, w)
                .into_iter()
                .take(detail as usize - 1)
                .enumerate()
            {
                buf.set_stringn(inner.x, sep_y + 1 + k as u16, chunk, w, popup);
            }
        }
    }
}
