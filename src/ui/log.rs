//! The load log: every file that was skipped or read with a warning.

use super::{View, centered, fit};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

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
        let (popup, inner) = super::popup_frame(
            buf,
            r,
            theme,
            format!(" Load messages ({}) ", issues.len()).to_string(),
        );
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
