//! The load log: every file that was skipped or read with a warning.

use super::{View, centered, fit};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders, Clear, Widget};

pub struct LogOverlay<'a> {
    pub view: &'a View<'a>,
    pub scroll: usize,
}

impl Widget for LogOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.view.theme;
        let issues = self.view.issues;
        let r = centered(
            area,
            area.width.saturating_sub(4).max(10),
            (issues.len().max(1) + 2) as u16,
        );
        Clear.render(r, buf);
        let popup = theme.get("ui.text").patch(theme.get("ui.popup"));
        buf.set_style(r, popup);
        Block::default()
            .borders(Borders::ALL)
            .border_style(theme.get("ui.border.focused"))
            .title(Span::styled(
                format!(" Load messages ({}) ", issues.len()),
                theme.get("ui.title"),
            ))
            .render(r, buf);
        let inner = crate::app::layout::inner(r);
        let w = inner.width as usize;
        if issues.is_empty() {
            buf.set_stringn(
                inner.x,
                inner.y,
                fit("every file loaded cleanly", w),
                w,
                popup,
            );
        }
        for (row, issue) in issues
            .iter()
            .skip(self.scroll)
            .take(inner.height as usize)
            .enumerate()
        {
            let style = if issue.skipped {
                theme.get("ui.error")
            } else {
                theme.get("ui.warning")
            };
            buf.set_stringn(
                inner.x,
                inner.y + row as u16,
                fit(&issue.to_string(), w),
                w,
                popup.patch(style),
            );
        }
    }
}
