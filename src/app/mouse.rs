//! Mouse input: the wheel scrolls what is under the pointer, a click focuses
//! a pane and opens what it lands on.

use super::layout;
use super::overlay::Overlay;
use super::sidebar::SidebarTab;
use super::state::{AppState, Ctx, Pane};

impl AppState {
    pub(super) fn wheel(&mut self, ctx: &Ctx, x: u16, y: u16, down: bool) {
        let p = self.panes();
        let delta = if down { 3 } else { -3 };
        let overlay_page = self.size.height.saturating_sub(4) as usize;
        match self.overlays.top_mut() {
            Some(o @ Overlay::Help { .. }) => o.scroll_by(delta, ctx.help_lines, overlay_page),
            Some(o @ Overlay::Log { .. }) => o.scroll_by(delta, ctx.issues.len(), overlay_page),
            Some(Overlay::Pair { .. }) => {
                let (len, page) = self.pair_overlay_len(ctx);
                if let Some(o) = self.overlays.top_mut() {
                    o.scroll_by(delta, len, page)
                }
            }
            Some(Overlay::Hits { .. }) => {
                let n = self.hit_rows();
                if let Some(o) = self.overlays.top_mut() {
                    o.select_by(delta, n);
                }
            }
            Some(Overlay::Finder) => self.finder_move(delta),
            Some(Overlay::Card) => {
                if let Some(c) = self.card.as_mut() {
                    c.move_by(delta);
                }
            }
            Some(Overlay::Pins) => self.pins.move_by(delta.signum()),
            Some(Overlay::Corroboration) => self.corroboration_navigate(if down {
                super::action::Action::Down
            } else {
                super::action::Action::Up
            }),
            Some(Overlay::Events { .. }) => {
                let n = self.timeline.listed.len();
                if let Some(o) = self.overlays.top_mut() {
                    o.select_by(delta.signum(), n);
                }
            }
            Some(Overlay::Links { .. } | Overlay::Picker { .. } | Overlay::PinPrompt) => {}
            None => {
                if self.compare.is_some() {
                    self.compare_wheel(ctx, x, down);
                } else if p.sidebar.is_some_and(|r| layout::contains(r, x, y)) {
                    self.move_list(ctx, delta);
                } else if p.timeline.is_some_and(|r| layout::contains(r, x, y)) {
                    self.move_event(ctx, delta.signum());
                } else if layout::contains(p.document, x, y) {
                    self.scroll_doc(ctx, delta);
                }
            }
        }
    }

    pub(super) fn click(&mut self, ctx: &Ctx, x: u16, y: u16) {
        if !self.overlays.is_empty() {
            return self.click_overlay(ctx, x, y);
        }
        if self.compare.is_some() {
            return;
        }
        let p = self.panes();
        if let Some(r) = p.sidebar.filter(|r| layout::contains(*r, x, y)) {
            self.focus = Pane::Sidebar;
            let list = layout::sidebar_list(r);
            if layout::contains(list, x, y) {
                let row = (y - list.y) as usize;
                let sb = &self.sidebar;
                match sb.tab {
                    SidebarTab::Documents if sb.doc_offset + row < ctx.docs.len() => {
                        self.set_doc(sb.doc_offset + row)
                    }
                    SidebarTab::Entities if sb.entity_offset + row < sb.entity_rows.len() => {
                        self.sidebar.entity_selected = sb.entity_offset + row;
                        let e = self.sidebar.entity_rows[self.sidebar.entity_selected];
                        self.choose_entity(ctx, e);
                    }
                    _ => {}
                }
            } else if y == r.y + 1 {
                // The tab row.
                self.sidebar.tab = if x < r.x + r.width / 2 {
                    SidebarTab::Entities
                } else {
                    SidebarTab::Documents
                };
            }
        } else if let Some(r) = p.timeline.filter(|r| layout::contains(*r, x, y)) {
            self.focus = Pane::Timeline;
            let inner = layout::timeline_inner(r);
            if let Some(index) = ctx.index
                && x >= inner.x
            {
                let ax = super::timeline::axis(index, inner.width, &self.timeline);
                if let Some(c) = ax.column_at(x - inner.x) {
                    self.timeline.event = c.events.first().copied();
                }
            }
        } else if layout::contains(p.document, x, y) {
            self.focus = Pane::Document;
            self.click_claim(ctx, p.document, x, y);
        }
    }

    /// A click in the text selects the claim under it (in the gutter: the
    /// claim the line belongs to).
    fn click_claim(&mut self, ctx: &Ctx, doc_rect: ratatui::layout::Rect, x: u16, y: u16) {
        let Some(index) = ctx.index else { return };
        let col = layout::text_column(doc_rect);
        if y < col.y || y >= col.bottom() {
            return;
        }
        let lines = self.lines(ctx);
        let Some(line) = lines.get(self.top_line(&lines) + (y - col.y) as usize) else {
            return;
        };
        let text = &ctx.docs[self.reader.doc].text[line.range.clone()];
        let mut pos = line.range.start;
        let mut w = col.x + line.indent;
        if x >= col.x {
            for (i, g) in unicode_segmentation::UnicodeSegmentation::grapheme_indices(text, true) {
                let gw = crate::text::grapheme_width(g) as u16;
                if w + gw > x {
                    break;
                }
                w += gw;
                pos = line.range.start + i + g.len();
            }
        }
        let claims = index.doc_claims(self.reader.doc);
        let hit = claims
            .iter()
            .find(|c| c.range.start <= pos && pos < c.range.end)
            .or_else(|| {
                claims
                    .iter()
                    .find(|c| c.range.start < line.range.end && line.range.start < c.range.end)
            });
        if let Some(c) = hit {
            self.reader.claim = Some(c.id);
        }
    }

    /// A click in a list overlay selects the row under it.
    fn click_overlay(&mut self, ctx: &Ctx, _x: u16, y: u16) {
        let area = self.size;
        match self.overlays.top().copied() {
            Some(Overlay::Picker { .. } | Overlay::Events { .. }) => {}
            Some(Overlay::Hits { selected }) => {
                let inner = layout::inner(layout::wide_popup(area));
                let n = self.hit_rows();
                if let Some(row) = centred_row(inner, selected, n, inner.height, y)
                    && let Some(o) = self.overlays.top_mut()
                {
                    *o = Overlay::Hits { selected: row };
                }
                return;
            }
            Some(Overlay::Pins) => {
                let inner = layout::inner(layout::wide_popup(area));
                let list_h = layout::pins_list_height(inner);
                // The list's lines: each pin, then its note when it has one.
                let lines: Vec<usize> = self
                    .pins
                    .pins()
                    .iter()
                    .enumerate()
                    .flat_map(|(i, p)| std::iter::repeat_n(i, 1 + usize::from(!p.note.is_empty())))
                    .collect();
                if lines.is_empty() {
                    return;
                }
                let sel = self.pins.selected.min(self.pins.pins().len() - 1);
                let sel_line = lines.iter().position(|&i| i == sel).unwrap_or(0);
                if let Some(line) = centred_row(inner, sel_line, lines.len(), list_h, y) {
                    self.pins.selected = lines[line];
                }
                return;
            }
            Some(Overlay::Card) => {
                let inner = layout::inner(layout::wide_popup(area));
                let list_h = layout::card_list_height(inner);
                if let Some(c) = self.card.as_mut()
                    && let Some(row) = centred_row(inner, c.selected, c.rows.len(), list_h, y)
                    && c.rows[row].jump.is_some()
                {
                    c.selected = row;
                }
                return;
            }
            _ => return,
        }
        let (popup, n) = match self.overlays.top() {
            Some(Overlay::Picker { .. }) => {
                (layout::picker_popup(area, ctx.docs.len()), ctx.docs.len())
            }
            _ => {
                let n = self.timeline.listed.len();
                (layout::events_popup(area, n), n)
            }
        };
        let inner = layout::inner(popup);
        if y < inner.y || y >= inner.bottom() {
            return;
        }
        if let Some(Overlay::Picker { selected } | Overlay::Events { selected }) =
            self.overlays.top_mut()
        {
            let first = layout::list_first(*selected, inner.height as usize);
            let row = first + (y - inner.y) as usize;
            if row < n {
                *selected = row;
            }
        }
    }
}

/// The row at screen row `y` of a list drawn from `inner`'s top, `height`
/// rows tall, that keeps its `selected` row of `n` in the middle.
fn centred_row(
    inner: ratatui::layout::Rect,
    selected: usize,
    n: usize,
    height: u16,
    y: u16,
) -> Option<usize> {
    if y < inner.y || y >= inner.y + height {
        return None;
    }
    let first = layout::centred_first(selected, n, height as usize);
    let row = first + (y - inner.y) as usize;
    (row < n).then_some(row)
}
