//! The help overlay, generated from the keymap table.

use super::{View, centered, fit};
use crate::app::keymap::{Context, Keymap, key_name};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

pub struct HelpOverlay<'a> {
    pub view: &'a View<'a>,
    pub scroll: usize,
}

fn section_title(c: Context) -> &'static str {
    match c {
        Context::Global => "Reading",
        Context::Sidebar => "In the sidebar",
        Context::Filter => "Typing the entity filter (sidebar)",
        Context::Prompt => "Typing a search (/): type words; a capital makes case matter",
        Context::Hits => "In the hits list",
        Context::Finder => "In the finder (Ctrl-p or :): type to narrow",
        Context::Links => "In a claim's links",
        Context::Compare => "Comparing two documents side by side",
        Context::Pair => "The pair in full (Enter in the compare view)",
        Context::Picker => "Choosing a document to compare",
        Context::Help => "In this help",
        Context::Card => "In an entity's card",
    }
}

/// The help text: (is a heading, keys, description) per line.
pub fn lines(keymap: &Keymap) -> Vec<(bool, String, String)> {
    let mut out = Vec::new();
    let mut last = None;
    for b in &keymap.bindings {
        if last != Some(b.context) {
            if last.is_some() {
                out.push((false, String::new(), String::new()));
            }
            out.push((true, section_title(b.context).to_string(), String::new()));
            last = Some(b.context);
        }
        let keys = b.keys.iter().map(key_name).collect::<Vec<_>>().join(" ");
        out.push((false, keys, b.description.clone()));
    }
    out
}

impl Widget for HelpOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.view.theme;
        let lines = lines(self.view.keymap);
        let r = centered(
            area,
            area.width.saturating_sub(4).min(96),
            lines.len() as u16 + 2,
        );
        let (popup, inner) =
            super::popup_frame(buf, r, theme, " Keys · j/k scroll · q close ".to_string());
        let keys_w = 26.min(inner.width as usize / 2);
        for (row, (heading, keys, desc)) in lines
            .iter()
            .skip(self.scroll)
            .take(inner.height as usize)
            .enumerate()
        {
            let y = inner.y + row as u16;
            if *heading {
                buf.set_stringn(
                    inner.x,
                    y,
                    fit(keys, inner.width as usize),
                    inner.width as usize,
                    popup.patch(theme.get("ui.help.section")),
                );
                continue;
            }
            buf.set_stringn(
                inner.x + 1,
                y,
                fit(keys, keys_w),
                keys_w,
                popup.patch(theme.get("ui.help.key")),
            );
            let dx = keys_w as u16 + 2;
            if inner.width > dx {
                buf.set_stringn(
                    inner.x + dx,
                    y,
                    fit(desc, (inner.width - dx) as usize),
                    (inner.width - dx) as usize,
                    popup,
                );
            }
        }
    }
}
