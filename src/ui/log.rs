//! The load log: every file that was skipped or read with a warning, and
//! what the pins store reported (a corrupt file moved aside, a save that
//! failed).

use super::{View, centered, fit, wrap_plain};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

pub struct LogOverlay<'a> {
    pub view: &'a View<'a>,
    pub scroll: usize,
    /// Messages about the pins, after the files'.
    pub notes: &'a [String],
}

impl Widget for LogOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.view.theme;
        let issues = self.view.issues;
        let count = issues.len() + self.notes.len();
        let width = area.width.saturating_sub(4).max(10);
        // Long messages (two paths in one) are wrapped, not cut.
        let inner_w = width.saturating_sub(2).max(1) as usize;
        let height: usize = issues
            .iter()
            .map(|i| i.to_string())
            .chain(self.notes.iter().cloned())
            .map(|t| wrap_plain(&t, inner_w).len().max(1))
            .sum();
        let r = centered(area, width, (height.max(1) + 2) as u16);
        let (popup, inner) = super::popup_frame(
            buf,
            r,
            theme,
            format!(" Load messages ({count}) ").to_string(),
        );
        let w = inner.width as usize;
        if count == 0 {
            buf.set_stringn(
                inner.x,
                inner.y,
                fit("every file loaded cleanly", w),
                w,
                popup,
            );
        }
        let lines = issues
            .iter()
            .map(|i| {
                let style = if i.skipped {
                    theme.get("ui.error")
                } else {
                    theme.get("ui.warning")
                };
                (i.to_string(), style)
            })
            .chain(
                self.notes
                    .iter()
                    .map(|n| (n.clone(), theme.get("ui.warning"))),
            );
        let wrapped = lines
            .skip(self.scroll)
            .flat_map(|(text, style)| wrap_plain(&text, w).into_iter().map(move |l| (l, style)))
            .take(inner.height as usize);
        for (row, (text, style)) in wrapped.enumerate() {
            buf.set_stringn(inner.x, inner.y + row as u16, &text, w, popup.patch(style));
        }
    }
}
