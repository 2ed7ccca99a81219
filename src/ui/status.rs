//! The status bar: where you are, what happened, and the key to help.

use super::{View, fit};
use crate::app::AppState;
use crate::text::display_width;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

pub struct StatusBar<'a> {
    pub state: &'a AppState,
    pub view: &'a View<'a>,
}

impl Widget for StatusBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.height == 0 {
            return;
        }
        let (state, view, theme) = (self.state, self.view, self.view.theme);
        let style = theme.get("ui.statusline");
        buf.set_style(area, style);
        let Some(doc) = view.docs.get(state.reader.doc) else {
            return;
        };
        let lines = view.wraps.get(
            state.reader.doc,
            &doc.text,
            crate::app::layout::text_column(state.panes().document)
                .width
                .max(1),
        );
        let top = state.top_line(&lines);
        let height = crate::app::layout::text_column(state.panes().document).height as usize;
        let pct = if lines.len() <= height {
            100
        } else {
            (top * 100 / (lines.len() - height)).min(100)
        };
        let right = format!(
            " {}/{} · {pct}% · ? help ",
            state.reader.doc + 1,
            view.docs.len()
        );
        let skipped = view.issues.iter().filter(|i| i.skipped).count();
        let warned = view.issues.len() - skipped;
        let middle = if let Some(m) = &state.message {
            m.clone()
        } else if let Some(p) = view.progress {
            p.to_string()
        } else if let (Some(index), Some(e)) = (view.index, state.chosen_entity()) {
            let ent = &index.entities[e];
            let at = state
                .chosen
                .and_then(|c| c.mention)
                .map_or(String::new(), |m| {
                    format!(" {}/{}", m + 1, ent.mentions.len())
                });
            format!("{}{at} · n/N walk mentions · x clear", ent.name)
        } else if let (Some(index), Some(c)) = (view.index, state.reader.claim) {
            let n = index.sources[c];
            let what = if n > 1 {
                format!("{n} independent sources")
            } else {
                "single source".to_string()
            };
            format!(
                "{} claim · {what} · Enter links · c compare",
                index.claims[c].kind.label()
            )
        } else if !view.issues.is_empty() {
            let mut parts = Vec::new();
            if skipped > 0 {
                parts.push(format!(
                    "{skipped} file{} skipped",
                    if skipped == 1 { "" } else { "s" }
                ));
            }
            if warned > 0 {
                parts.push(format!(
                    "{warned} warning{}",
                    if warned == 1 { "" } else { "s" }
                ));
            }
            format!("{} (L: details)", parts.join(", "))
        } else {
            String::new()
        };
        let rw = display_width(&right) as u16;
        let left_w = area.width.saturating_sub(rw) as usize;
        let left = if middle.is_empty() {
            fit(&format!(" {}", doc.display_path), left_w)
        } else {
            fit(&format!(" {} · {middle}", doc.display_path), left_w)
        };
        let left_style =
            if !view.issues.is_empty() && state.message.is_none() && view.progress.is_none() {
                style.patch(theme.get("ui.warning"))
            } else {
                style
            };
        buf.set_stringn(area.x, area.y, &left, left_w, left_style);
        if rw <= area.width {
            buf.set_stringn(
                area.right() - rw,
                area.y,
                &right,
                rw as usize,
                theme.get("ui.statusline.key"),
            );
        }
    }
}
