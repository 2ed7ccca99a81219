//! Moving through the corpus: jumps that the jump list records, going back
//! and forward along it, and what `Esc` undoes.

use super::jumps::Loc;
use super::state::{AppState, Ctx};
use crate::corpus::DocId;

impl AppState {
    /// Where the view is now.
    pub fn here(&self) -> Loc {
        Loc {
            doc: self.reader.doc,
            anchor: self.reader.anchor_of(self.reader.doc),
        }
    }

    /// Record the current place in the jump list, before a jump.
    pub(super) fn record_jump(&mut self) {
        let here = self.here();
        self.jumps.push(here);
    }

    /// Jump to byte `pos` of `doc`, recording where the view was when the
    /// jump moves it.
    pub(super) fn jump(&mut self, ctx: &Ctx, doc: DocId, pos: usize) {
        let before = self.here();
        self.reveal(ctx, doc, pos);
        if self.here() != before {
            self.jumps.push(before);
        }
    }

    fn restore(&mut self, ctx: &Ctx, loc: Loc, word: &str) {
        self.set_doc(loc.doc);
        if let Some(a) = self.reader.anchors.get_mut(loc.doc) {
            *a = loc.anchor;
        }
        let lines = self.lines(ctx);
        let line = self.top_line(&lines) + 1;
        let (at, of) = self.jumps.position();
        self.message = Some(format!(
            "{word} {} · line {line} · jump {at}/{of}",
            crate::label::short(ctx.docs, ctx.index, loc.doc, 32)
        ));
    }

    pub(super) fn go_back(&mut self, ctx: &Ctx) {
        let here = self.here();
        match self.jumps.back(here) {
            Some(loc) => self.restore(ctx, loc, "back to"),
            None => self.message = Some("no earlier place in the jump list".into()),
        }
    }

    pub(super) fn go_forward(&mut self, ctx: &Ctx) {
        let here = self.here();
        match self.jumps.forward(here) {
            Some(loc) => self.restore(ctx, loc, "forward to"),
            None => self.message = Some("no later place in the jump list".into()),
        }
    }

    /// `Esc`: close the top overlay; else cancel the prompt, close the
    /// compare view, cancel or clear the filter, clear the search's
    /// highlights, then the selection. Never quits.
    pub(super) fn escape(&mut self, ctx: &Ctx) {
        if self.overlays.top() == Some(&super::overlay::Overlay::PinPrompt) {
            return self.escape_pin_prompt(ctx);
        }
        if self.overlays.close_top() {
            return;
        }
        if self.search.prompt.is_some() {
            return self.cancel_search();
        }
        if self.compare.is_some() {
            self.close_compare();
            return;
        }
        if self.sidebar.filter_editing || !self.sidebar.filter.is_empty() {
            self.sidebar.filter_editing = false;
            self.sidebar.filter.clear();
            self.refresh_entities(ctx);
            return;
        }
        if self.sidebar.floating {
            self.sidebar.floating = false;
            if self.focus == super::state::Pane::Sidebar {
                self.focus = super::state::Pane::Document;
            }
            return;
        }
        if self.search.active.is_some() {
            self.search.active = None;
            self.message = Some("search cleared".into());
            return;
        }
        if self.chosen.is_some() || self.reader.claim.is_some() || self.timeline.event.is_some() {
            self.chosen = None;
            self.reader.claim = None;
            self.timeline.event = None;
            return;
        }
        self.message = Some("nothing to close · q quits".into());
    }
}
