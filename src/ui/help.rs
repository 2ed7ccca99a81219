//! The help overlay: first a legend of every mark the reader draws, from
//! the tables the panes draw with (`legend`), in the theme in use; then
//! every key, generated from the keymap table.

use super::legend;
use super::{View, centered, fit};
use crate::app::keymap::{Context, Keymap, key_name};
use crate::text::display_width;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

pub struct HelpOverlay<'a> {
    pub view: &'a View<'a>,
    pub scroll: usize,
}

fn section_title(c: Context) -> &'static str {
    match c {
        Context::Global => "Keys: reading",
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
        Context::Pins => "In the pins list (P)",
        Context::Note => "Typing a pin's note or a file name",
        Context::Ask => "Asked to replace a file",
        Context::Corroboration => "Who says what (v): statements by sources",
        Context::Events => "In the list of a timeline column's events (Enter on a stack)",
    }
}

/// A line of the help.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    Heading(String),
    /// Keys and what they do.
    Key(String, String),
    /// Marks, each drawn in its theme scope, and what they mean.
    Mark(Vec<(String, &'static str)>, String),
    Blank,
}

/// The legend: every mark, letter, colour, shape and cell, with its
/// meaning.
pub fn legend_lines() -> Vec<HelpLine> {
    use HelpLine::*;
    let one = |s: &str, scope: &'static str, m: &str| Mark(vec![(s.to_string(), scope)], m.into());
    let mut out = vec![Heading(
        "What the marks mean (as this theme draws them)".into(),
    )];
    out.push(Heading("  Gutter, left of the text".into()));
    for &(kind, _, _, scope, meaning) in legend::GUTTER {
        let (mark, _) = legend::gutter_mark(kind, legend::gutter_sample_count(kind), true);
        out.push(one(&mark, scope, meaning));
    }
    out.push(Heading(
        "  Entities: letter in the entity list, colour in the text".into(),
    ));
    for &(_, letter, scope, meaning) in legend::ENTITY_KINDS {
        out.push(one(&format!("{letter} Name"), scope, meaning));
    }
    out.push(Heading(
        "  In the text (m cycles what is highlighted)".into(),
    ));
    for &(sample, scope, meaning) in legend::TEXT {
        out.push(one(sample, scope, meaning));
    }
    out.push(Heading("  Timeline".into()));
    for &(_, shape, meaning) in legend::SHAPES {
        out.push(one(shape, "ui.text", meaning));
    }
    out.push(one(legend::MORE.0, "ui.text", legend::MORE.1));
    out.push(one(legend::GAP.0, "ui.text.dim", legend::GAP.1));
    out.push(Mark(
        legend::SOURCES
            .iter()
            .map(|s| ("●".to_string(), *s))
            .collect(),
        "a colour per document, in list order; the one shown bold".into(),
    ));
    out.push(Heading("  Links, compare, lists".into()));
    for &(sample, scope, meaning) in legend::OTHER {
        out.push(one(sample, scope, meaning));
    }
    out.push(Heading(
        "  Who says what (v): one cell per statement and source".into(),
    ));
    for &(sample, scope, meaning) in legend::CELLS {
        out.push(one(sample, scope, meaning));
    }
    out
}

/// The whole help: the legend, then the keys of every context.
pub fn lines(keymap: &Keymap) -> Vec<HelpLine> {
    let mut out = legend_lines();
    let mut last = None;
    for b in &keymap.bindings {
        if last != Some(b.context) {
            out.push(HelpLine::Blank);
            out.push(HelpLine::Heading(section_title(b.context).to_string()));
            last = Some(b.context);
        }
        let keys = b.keys.iter().map(key_name).collect::<Vec<_>>().join(" ");
        out.push(HelpLine::Key(keys, b.description.clone()));
    }
    out
}

impl Widget for HelpOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.view.theme;
        let lines = lines(self.view.keymap);
        let r = centered(
            area,
            area.width.saturating_sub(4).min(104),
            lines.len() as u16 + 2,
        );
        let (popup, inner) = super::popup_frame(
            buf,
            r,
            theme,
            " Help: marks, then keys · j/k scroll · q close ".to_string(),
        );
        let keys_w = 26.min(inner.width as usize / 2);
        let w = inner.width as usize;
        for (row, line) in lines
            .iter()
            .skip(self.scroll)
            .take(inner.height as usize)
            .enumerate()
        {
            let y = inner.y + row as u16;
            match line {
                HelpLine::Heading(t) => {
                    buf.set_stringn(
                        inner.x,
                        y,
                        fit(t, w),
                        w,
                        popup.patch(theme.get("ui.help.section")),
                    );
                }
                HelpLine::Key(keys, desc) => {
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
                HelpLine::Mark(samples, meaning) => {
                    // Samples in their own style, a space between them.
                    let mut x = inner.x + 2;
                    for (s, scope) in samples {
                        let sw = display_width(s) as u16;
                        if x + sw > inner.right() {
                            break;
                        }
                        buf.set_stringn(x, y, s, sw as usize, popup.patch(theme.get(scope)));
                        x += sw + 1;
                    }
                    let dx = (inner.x + 2 + 14).max(x + 1);
                    if inner.right() > dx {
                        let room = (inner.right() - dx) as usize;
                        buf.set_stringn(dx, y, fit(meaning, room), room, popup);
                    }
                }
                HelpLine::Blank => {}
            }
        }
    }
}
