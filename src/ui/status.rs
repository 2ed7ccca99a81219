//! The status bar: where you are, what happened, and the key to help.

use super::{View, fit};
use crate::app::AppState;
use crate::app::search::{Active, Walk};
use crate::search::Mode;
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
        if state.search.prompt.is_some() {
            return draw_prompt(state, view, area, buf);
        }
        if let Some(c) = state.compare.as_ref() {
            return draw_compare(state, view, c, area, buf);
        }
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
        } else if let Some(a) = state
            .search
            .active
            .as_ref()
            .filter(|_| state.walk == Walk::Hits || state.chosen.is_none())
        {
            format!(
                "“{}” {} · n/N walk hits · H list · Esc clears",
                a.hits.query.text,
                hit_summary(a, view.docs.len())
            )
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
            let next = if index.links[c].is_empty() {
                "no links · C compare with…"
            } else {
                "Enter links · c compare"
            };
            format!("{} claim · {what} · {next}", index.claims[c].kind.label())
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
            format!("{} (!: details)", parts.join(", "))
        } else {
            String::new()
        };
        let rw = display_width(&right) as u16;
        let left_w = area.width.saturating_sub(rw) as usize;
        let name = crate::label::label(view.docs, view.index, state.reader.doc);
        // A hint gives way whole: the document's name first, then its
        // last parts; never cut mid-word.
        let left = if middle.is_empty() {
            fit(&format!(" {name}"), left_w)
        } else {
            super::fit_hint(&format!(" {middle} · {name}"), left_w)
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

/// `hit 3/17 · 4 of 5 documents`.
pub fn hit_summary(a: &Active, doc_count: usize) -> String {
    if a.hits.total == 0 {
        return "no hits".to_string();
    }
    let at = a
        .current
        .as_ref()
        .map_or(String::new(), |h| format!("{}/", h.ordinal + 1));
    format!(
        "hit {at}{} · {} of {doc_count} documents",
        a.hits.total,
        a.hits.docs.len()
    )
}

/// The search prompt on the bottom line: the query with its cursor on the
/// left; the mode, the hits and the entity the query names on the right.
fn draw_prompt(state: &AppState, view: &View, area: Rect, buf: &mut Buffer) {
    let theme = view.theme;
    let Some(p) = state.search.prompt.as_ref() else {
        return;
    };
    let base = theme.get("ui.text");
    buf.set_style(area, base);
    let mut right = String::new();
    if state.search.mode == Mode::Regex {
        right.push_str("[regex] ");
    }
    let active = state.search.active.as_ref();
    if active.is_some_and(|a| a.hits.query.case_sensitive) {
        right.push_str("[case] ");
    }
    let mut warn = false;
    if let Some(n) = &p.note {
        right.push_str(n);
        warn = true;
    } else if let Some(a) = active {
        right.push_str(&hit_summary(a, view.docs.len()));
        if let (Some(e), Some(index)) = (a.entity, view.index) {
            right.push_str(&format!(" · ◆ {} (Tab)", index.entities[e].name));
        }
    } else if p.input.text.is_empty() {
        right.push_str("search every document · Ctrl-r regex · Tab list · Esc cancel");
    }
    right.push(' ');
    let rw = (display_width(&right) as u16).min(area.width.saturating_sub(12));
    let lw = area.width - rw;
    if rw > 0 {
        let rstyle = if warn {
            base.patch(theme.get("ui.warning"))
        } else {
            base.patch(theme.get("ui.text.dim"))
        };
        buf.set_stringn(
            area.right() - rw,
            area.y,
            fit(&right, rw as usize),
            rw as usize,
            rstyle,
        );
    }
    // The query, its end kept in view, and the cursor as a reversed cell.
    let text = crate::text::sanitize::sanitize(&p.input.text);
    let before = crate::text::sanitize::sanitize(&p.input.text[..p.input.cursor]);
    let room = (lw as usize).saturating_sub(3);
    let skip = display_width(&before).saturating_sub(room);
    let mut shown = String::from("/");
    let mut w = 0;
    let mut cursor_x = None;
    let mut cut = 0;
    for (i, g) in unicode_segmentation::UnicodeSegmentation::grapheme_indices(text.as_ref(), true) {
        let gw = crate::text::grapheme_width(g);
        if cut < skip {
            cut += gw;
            continue;
        }
        if i == before.len() {
            cursor_x = Some(display_width(&shown));
        }
        if w + gw > room {
            break;
        }
        shown.push_str(g);
        w += gw;
    }
    let cursor_x = cursor_x.unwrap_or(display_width(&shown));
    buf.set_stringn(
        area.x,
        area.y,
        &shown,
        lw as usize,
        base.patch(theme.get("ui.help.key")),
    );
    if (cursor_x as u16) < lw {
        let cell = &mut buf[(area.x + cursor_x as u16, area.y)];
        cell.set_style(base.add_modifier(ratatui::style::Modifier::REVERSED));
    }
}

/// The status bar of the compare view: the message, else which side has
/// focus and the two documents; how far down each side is on the right.
fn draw_compare(
    state: &AppState,
    view: &View,
    c: &crate::app::Compare,
    area: Rect,
    buf: &mut Buffer,
) {
    use crate::app::compare::Side;
    let theme = view.theme;
    let style = theme.get("ui.statusline");
    let (l, r, _) = crate::app::layout::compare_panes(state.size);
    let pct = |side: Side, rect: Rect| {
        let doc = c.doc(side);
        let col = crate::app::layout::text_column(rect);
        let lines = view.wraps.get(doc, &view.docs[doc].text, col.width.max(1));
        let top = crate::app::document::top_line_at(&lines, c.anchors[side.i()]);
        let h = col.height as usize;
        if lines.len() <= h {
            100
        } else {
            (top * 100 / (lines.len() - h)).min(100)
        }
    };
    let right = format!(
        " {}% | {}% · ? help ",
        pct(Side::Left, l),
        pct(Side::Right, r)
    );
    let middle = match &state.message {
        Some(m) => m.clone(),
        None => {
            let side = if c.focus == Side::Left {
                "left"
            } else {
                "right"
            };
            format!(
                "{side} side · sync {} · {} | {}",
                if c.sync { "on" } else { "off" },
                crate::label::short(view.docs, view.index, c.left, 40),
                crate::label::short(view.docs, view.index, c.right, 40),
            )
        }
    };
    let rw = display_width(&right) as u16;
    let left_w = area.width.saturating_sub(rw) as usize;
    buf.set_stringn(
        area.x,
        area.y,
        fit(&format!(" {middle}"), left_w),
        left_w,
        style,
    );
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
