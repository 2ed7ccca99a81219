//! What the finder's keys do: open it, type, move, and go to the chosen
//! item (a jump the jump list records).

use super::input::Edit;
use super::overlay::Overlay;
use super::state::{AppState, Ctx};
use crate::search::finder::{self, FinderIndex, Target};
use std::sync::Arc;

impl AppState {
    /// The finder's items: the full list once the analysis is there, else
    /// the documents.
    pub fn finder_items<'a>(&'a self, full: Option<&'a FinderIndex>) -> Option<&'a FinderIndex> {
        full.or(self.finder.local.as_deref())
    }

    pub(super) fn open_finder(&mut self, ctx: &Ctx) {
        // From the help overlay, the finder takes its place.
        if matches!(self.overlays.top(), Some(Overlay::Help { .. })) {
            self.overlays.close_top();
        }
        if ctx.finder.is_none() && self.finder.local.is_none() {
            self.finder.local = Some(Arc::new(FinderIndex::build(ctx.docs, None)));
        }
        self.finder.input = Default::default();
        self.finder.selected = 0;
        self.finder.claims.clear();
        self.rank_finder(ctx, false);
        self.overlays.open(Overlay::Finder);
    }

    /// Rank again after the query (or the list) changed.
    pub(super) fn rank_finder(&mut self, ctx: &Ctx, narrow: bool) {
        let local = self.finder.local.clone();
        let Some(items) = ctx.finder.or(local.as_deref()) else {
            return;
        };
        let previous = narrow.then_some(&self.finder.matches);
        let claims = match (ctx.search, ctx.index) {
            (Some(search), Some(index)) if items.analysed => Some(finder::Claims {
                search,
                index,
                docs: ctx.docs,
                memory: &mut self.finder.claims,
            }),
            _ => None,
        };
        let m = finder::rank(items, &self.finder.input.text, previous, claims);
        self.finder.matches = m;
        self.finder.selected = 0;
    }

    pub(super) fn finder_edit(&mut self, ctx: &Ctx, e: Edit) {
        let before = self.finder.input.text.clone();
        if self.finder.input.edit(e) {
            let narrow = self.finder.input.text.starts_with(before.as_str());
            self.rank_finder(ctx, narrow);
        }
    }

    /// The analysis arrived while the finder was open: its list grows.
    pub(super) fn finder_analysed(&mut self, ctx: &Ctx) {
        if ctx.finder.is_some() {
            self.finder.local = None;
            if self.overlays.iter().any(|o| *o == Overlay::Finder) {
                self.rank_finder(ctx, false);
            }
        }
    }

    pub(super) fn finder_move(&mut self, delta: isize) {
        let n = self.finder.matches.ranked.len();
        self.finder.selected = (self.finder.selected as isize)
            .saturating_add(delta)
            .clamp(0, n.saturating_sub(1) as isize) as usize;
    }

    /// `Enter`: go to the selected item.
    pub(super) fn confirm_finder(&mut self, ctx: &Ctx) {
        let Some(items) = self.finder_items(ctx.finder) else {
            return;
        };
        let Some(&(i, _)) = self.finder.matches.ranked.get(self.finder.selected) else {
            return;
        };
        let target = items.target(i);
        self.overlays.close_top();
        self.go_to_target(ctx, target);
    }

    /// Go to what a finder row (or a card row) stands for.
    pub(super) fn go_to_target(&mut self, ctx: &Ctx, target: Target) {
        match target {
            Target::Document(d) => {
                self.jump(ctx, d, 0);
            }
            Target::Entity(e) => {
                self.choose_entity(ctx, e);
                self.open_card(ctx, e);
            }
            Target::Claim(c) => {
                if let Some(claim) = ctx.index.and_then(|ix| ix.claims.get(c)) {
                    self.jump(ctx, claim.doc, claim.range.start);
                    self.reader.claim = Some(c);
                }
            }
            Target::Event(i) => {
                let Some(index) = ctx.index else { return };
                let Some(ev) = index.events.get(i) else {
                    return;
                };
                self.jump(ctx, ev.doc, ev.range.start);
                self.timeline.event = index.timeline.iter().position(|&t| t == i);
                self.reader.claim = index
                    .doc_claims(ev.doc)
                    .iter()
                    .find(|c| c.range.start <= ev.range.start && ev.range.end <= c.range.end)
                    .map(|c| c.id);
            }
        }
    }
}
