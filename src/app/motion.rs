//! Moving in the corpus: scrolling and list moves relative to what has
//! focus (or the top overlay), and stepping through claims and mentions.

use super::action::Action;
use super::document::claim_in_next_document;
use super::overlay::Overlay;
use super::state::{AppState, Ctx, Pane};

impl AppState {
    /// Movement actions are relative to what has focus.
    pub(super) fn navigate(&mut self, action: Action, ctx: &Ctx) {
        let page = self.page_height() as isize;
        let delta = match action {
            Action::Down => 1,
            Action::Up => -1,
            Action::HalfPageDown => (page / 2).max(1),
            Action::HalfPageUp => -(page / 2).max(1),
            Action::PageDown => (page - 1).max(1),
            Action::PageUp => -(page - 1).max(1),
            Action::Top => isize::MIN / 2,
            Action::Bottom => isize::MAX / 2,
            _ => return,
        };
        let overlay_page = self.size.height.saturating_sub(4) as usize;
        if let Some(o) = self.overlays.top_mut() {
            match *o {
                Overlay::Help { .. } => o.scroll_by(delta, ctx.help_lines, overlay_page),
                Overlay::Log { .. } => {
                    o.scroll_by(delta, ctx.issues.len() + self.pins.log.len(), overlay_page)
                }
                Overlay::Pair { .. } => {
                    let (len, page) = self.pair_overlay_len(ctx);
                    if let Some(o) = self.overlays.top_mut() {
                        o.scroll_by(delta, len, page)
                    }
                }
                Overlay::Links { claim, .. } => {
                    let n = ctx.index.map_or(0, |i| i.links[claim].len());
                    o.select_by(delta, n)
                }
                Overlay::Picker { .. } => o.select_by(delta, ctx.docs.len()),
                Overlay::Events { .. } => {
                    let n = self.timeline.listed.len();
                    if let Some(o) = self.overlays.top_mut() {
                        o.select_by(delta, n)
                    }
                }
                Overlay::Hits { .. } => {
                    let n = self.hit_rows();
                    if let Some(o) = self.overlays.top_mut() {
                        o.select_by(delta, n)
                    }
                }
                Overlay::Card => {
                    let d = match action {
                        Action::PageDown | Action::PageUp => {
                            delta.signum() * (self.size.height as isize / 2).max(1)
                        }
                        Action::Top | Action::Bottom => delta,
                        _ => delta.signum(),
                    };
                    if let Some(c) = self.card.as_mut() {
                        c.move_by(d);
                    }
                }
                Overlay::Finder => {
                    let d = match action {
                        Action::PageDown | Action::PageUp => {
                            delta.signum() * (self.size.height as isize / 2).max(1)
                        }
                        _ => delta,
                    };
                    self.finder_move(d);
                }
                Overlay::Pins => {
                    let d = match action {
                        Action::PageDown | Action::PageUp => {
                            delta.signum() * (self.size.height as isize / 3).max(1)
                        }
                        _ => delta,
                    };
                    self.pins.move_by(d);
                }
                Overlay::PinPrompt => {}
                Overlay::Corroboration => self.corroboration_navigate(action),
            }
            return;
        }
        if self.compare.is_some() {
            return self.compare_scroll(ctx, action);
        }
        match self.focus {
            Pane::Sidebar => {
                let list_page = self.list_height() as isize;
                let d = match action {
                    Action::PageDown => list_page,
                    Action::PageUp => -list_page,
                    Action::HalfPageDown => list_page / 2,
                    Action::HalfPageUp => -list_page / 2,
                    _ => delta,
                };
                self.move_list(ctx, d);
            }
            Pane::Document => self.scroll_doc(ctx, delta),
            Pane::Timeline => self.move_event(ctx, delta.signum()),
        }
    }

    pub(super) fn step_claim(&mut self, ctx: &Ctx, forward: bool) {
        let Some(index) = ctx.index else {
            self.message = Some("claims appear when the analysis is done".into());
            return;
        };
        if self.compare.is_some() {
            return self.compare_step(ctx, forward);
        }
        let view_top = {
            let lines = self.lines(ctx);
            lines
                .get(self.top_line(&lines))
                .map_or(0, |l| l.range.start)
        };
        let next = self
            .reader
            .claim_from(index, view_top, forward)
            .or_else(|| claim_in_next_document(index, ctx.docs.len(), self.reader.doc, forward));
        if let Some(id) = next {
            let c = &index.claims[id];
            self.reveal(ctx, c.doc, c.range.start);
            self.reader.claim = Some(id);
        }
    }

    pub(super) fn step_mention(&mut self, ctx: &Ctx, forward: bool) {
        let (Some(index), Some(chosen)) = (ctx.index, self.chosen.as_mut()) else {
            self.message = Some("choose an entity in the sidebar first (Enter)".into());
            return;
        };
        let before = chosen.mention;
        if let Some(m) = chosen.step(index, forward) {
            let total = index.entities[chosen.entity].mentions.len();
            let at = chosen.mention.unwrap_or(0);
            let wrapped = total > 1
                && before.is_some()
                && (forward && at == 0 || !forward && at + 1 == total);
            let name = index.entities[chosen.entity].name.clone();
            let m = &index.mentions[m];
            self.jump(ctx, m.doc, m.range.start);
            if wrapped {
                self.message = Some(if forward {
                    format!(
                        "{name} {}/{total} · past the last mention: back to the first",
                        at + 1
                    )
                } else {
                    format!(
                        "{name} {}/{total} · before the first mention: on from the last",
                        at + 1
                    )
                });
            }
        }
    }
}
