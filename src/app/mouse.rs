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
        if !self.overlays.is_empty() || self.compare.is_some() {
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
            if let Some(index) = ctx.index
                && let Some(e) = layout::timeline_event_at(r, index, self.timeline.event, x)
            {
                self.timeline.event = Some(e);
            }
        } else if layout::contains(p.document, x, y) {
            self.focus = Pane::Document;
        }
    }
}
