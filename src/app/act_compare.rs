//! What the compare view's keys do: open it on the pair the user chose,
//! scroll either side (the other following when sync is on), step through
//! the linked pairs, switch sides, and close it.

use super::action::Action;
use super::compare::{Compare, Side, aligned_top, most_linked};
use super::document::top_line_at;
use super::layout;
use super::overlay::Overlay;
use super::state::{AppState, Ctx};
use crate::corpus::DocId;
use crate::text::wrap::Line;
use std::rc::Rc;

impl AppState {
    /// The wrapped lines of one side of the compare view.
    pub(super) fn side_lines(&self, ctx: &Ctx, c: &Compare, side: Side) -> Rc<Vec<Line>> {
        let (l, r, _) = layout::compare_panes(self.size);
        let col = layout::text_column(if side == Side::Left { l } else { r });
        let doc = c.doc(side);
        ctx.wraps.get(doc, &ctx.docs[doc].text, col.width.max(1))
    }

    pub(super) fn compare_page(&self) -> usize {
        let (l, _, _) = layout::compare_panes(self.size);
        layout::text_column(l).height.max(1) as usize
    }

    /// `c`: compare on the pair the user chose: the link selected in the
    /// links overlay, else the current claim's strongest link. A claim with
    /// no link says so and offers the document picker; with no claim, the
    /// document this one is most linked to.
    pub(super) fn compare_chosen(&mut self, ctx: &Ctx) {
        let Some(index) = ctx.index else {
            self.message = Some("links come with the analysis: choose a document (C)".into());
            return self.open_picker(ctx);
        };
        if let Some(&Overlay::Links { claim, selected }) = self.overlays.top() {
            if let Some(l) = index.links[claim].get(selected) {
                let (from, to) = (index.claims[claim].doc, index.claims[l.to].doc);
                return self.open_compare(ctx, from, to, Some((claim, l.to)));
            }
            return;
        }
        let doc = self.reader.doc;
        if let Some(c) = self.reader.claim.filter(|c| index.claims[*c].doc == doc) {
            match index.links[c].first() {
                Some(l) => {
                    let to = index.claims[l.to].doc;
                    return self.open_compare(ctx, doc, to, Some((c, l.to)));
                }
                None => {
                    self.open_picker(ctx);
                    self.message = Some(
                        "no other document makes this claim: choose one to compare with".into(),
                    );
                    return;
                }
            }
        }
        match most_linked(index, ctx.docs.len(), doc) {
            Some(to) => self.open_compare(ctx, doc, to, None),
            None => {
                self.open_picker(ctx);
                self.message =
                    Some("nothing in this document is linked: choose one to compare with".into());
            }
        }
    }

    pub(super) fn open_picker(&mut self, ctx: &Ctx) {
        self.overlays.open(Overlay::Picker {
            selected: (self.reader.doc + 1) % ctx.docs.len().max(1),
        });
    }

    /// Open the compare view of `left` and `right`, on the pair `chosen`
    /// (left claim, right claim) when given.
    pub(super) fn open_compare(
        &mut self,
        ctx: &Ctx,
        left: DocId,
        right: DocId,
        chosen: Option<(usize, usize)>,
    ) {
        if left == right || right >= ctx.docs.len() || left >= ctx.docs.len() {
            self.message = Some("choose another document to compare with".into());
            return;
        }
        let mut c = Compare::new(left, right);
        c.anchors[0] = self.reader.anchor_of(left);
        if let Some(index) = ctx.index {
            c.analyse(
                index,
                [ctx.docs[left].text.as_str(), ctx.docs[right].text.as_str()],
            );
        }
        c.pair = chosen.and_then(|p| c.pairs.iter().position(|q| *q == p));
        self.overlays.clear();
        self.reader.set_doc(left);
        if let Some(p) = c.pair {
            self.show_pair(ctx, &mut c, p);
        } else {
            self.follow(ctx, &mut c, Side::Left, 0, true);
        }
        self.compare = Some(c);
    }

    /// The analysis arrived while comparing: pairs and missing passages.
    pub(super) fn compare_analysed(&mut self, ctx: &Ctx) {
        if let (Some(mut c), Some(index)) = (self.compare.take(), ctx.index) {
            c.analyse(
                index,
                [
                    ctx.docs[c.left].text.as_str(),
                    ctx.docs[c.right].text.as_str(),
                ],
            );
            self.compare = Some(c);
        }
    }

    /// Back to reading the left document where the compare view showed it.
    pub(super) fn close_compare(&mut self) {
        if let Some(c) = self.compare.take()
            && let Some(a) = self.reader.anchors.get_mut(c.left)
        {
            *a = c.anchors[0];
        }
    }

    /// Put pair `p` a third of the way down the focused side, and the other
    /// side's claim on the same row.
    fn show_pair(&self, ctx: &Ctx, c: &mut Compare, p: usize) {
        let Some(index) = ctx.index else { return };
        let side = c.focus;
        let Some(claim) = c.claim(p, side) else {
            return;
        };
        let lines = self.side_lines(ctx, c, side);
        let page = self.compare_page();
        if !lines.is_empty() {
            let line = top_line_at(&lines, index.claims[claim].range.start);
            let top = line
                .saturating_sub(page / 3)
                .min(lines.len().saturating_sub(page));
            c.anchors[side.i()] = lines[top].range.start;
        }
        c.pair = Some(p);
        self.follow(ctx, c, side, 0, true);
    }

    /// Make the side other than `leader` follow it: line up a linked pair
    /// the leader shows; with none in view, move by `moved` lines (what the
    /// leader moved). `force` aligns even when sync is off.
    fn follow(&self, ctx: &Ctx, c: &mut Compare, leader: Side, moved: isize, force: bool) {
        if !(c.sync || force) {
            return;
        }
        let follower = leader.other();
        let llines = self.side_lines(ctx, c, leader);
        let flines = self.side_lines(ctx, c, follower);
        if flines.is_empty() {
            return;
        }
        let page = self.compare_page();
        let ltop = top_line_at(&llines, c.anchors[leader.i()]);
        let aligned = ctx.index.and_then(|index| {
            let pos = |cl: usize| index.claims[cl].range.start;
            let pairs: Vec<(usize, usize)> = c
                .pairs
                .iter()
                .map(|&(l, r)| match leader {
                    Side::Left => (pos(l), pos(r)),
                    Side::Right => (pos(r), pos(l)),
                })
                .collect();
            aligned_top((&llines, ltop), &flines, page, &pairs, c.pair)
        });
        let ftop = top_line_at(&flines, c.anchors[follower.i()]);
        let top = match aligned {
            Some(t) => t,
            None => {
                let max = flines.len().saturating_sub(page) as isize;
                (ftop as isize + moved).clamp(0, max.max(0)) as usize
            }
        };
        c.anchors[follower.i()] = flines[top.min(flines.len() - 1)].range.start;
    }

    /// Scrolling in the compare view: the focused side moves; with sync on
    /// the other follows it, and when the focused side can go no further
    /// (the shorter copy has ended) the other goes on alone, so every line
    /// of the fuller one can be reached.
    pub(super) fn compare_scroll(&mut self, ctx: &Ctx, action: Action) {
        let Some(mut c) = self.compare.take() else {
            return;
        };
        let page = self.compare_page() as isize;
        let side = c.focus;
        let lines = self.side_lines(ctx, &c, side);
        let max = lines.len().saturating_sub(page as usize) as isize;
        let top = top_line_at(&lines, c.anchors[side.i()]) as isize;
        let delta = match action {
            Action::Down => 1,
            Action::Up => -1,
            Action::HalfPageDown => (page / 2).max(1),
            Action::HalfPageUp => -(page / 2).max(1),
            Action::PageDown => (page - 1).max(1),
            Action::PageUp => -(page - 1).max(1),
            Action::Top => -top,
            Action::Bottom => max - top,
            _ => 0,
        };
        let new_top = (top + delta).clamp(0, max.max(0));
        if let Some(l) = lines.get(new_top as usize) {
            c.anchors[side.i()] = l.range.start;
        }
        let moved = new_top - top;
        if c.sync {
            if matches!(action, Action::Top | Action::Bottom) || moved == 0 {
                // Both ends together; or the focused side is at its end:
                // the other side goes on by itself.
                let other = side.other();
                let olines = self.side_lines(ctx, &c, other);
                let omax = olines.len().saturating_sub(page as usize) as isize;
                let otop = top_line_at(&olines, c.anchors[other.i()]) as isize;
                let t = match action {
                    Action::Top => 0,
                    Action::Bottom => omax.max(0),
                    _ => (otop + delta).clamp(0, omax.max(0)),
                } as usize;
                if let Some(l) = olines.get(t) {
                    c.anchors[other.i()] = l.range.start;
                }
            } else {
                self.follow(ctx, &mut c, side, moved, false);
            }
        }
        // The selected pair stays selected only while it is in view.
        if let (Some(index), Some(p)) = (ctx.index, c.pair)
            && let Some(cl) = c.claim(p, side)
        {
            let l = top_line_at(&lines, index.claims[cl].range.start) as isize;
            if l < new_top || l >= new_top + page {
                c.pair = None;
            }
        }
        self.compare = Some(c);
    }

    /// `}`/`{`: the next or previous linked pair, at once: from the
    /// selected one, else from the top of the focused side's view.
    pub(super) fn compare_step(&mut self, ctx: &Ctx, forward: bool) {
        let Some(mut c) = self.compare.take() else {
            return;
        };
        let Some(index) = ctx.index else {
            self.message = Some("links come with the analysis".into());
            self.compare = Some(c);
            return;
        };
        if c.pairs.is_empty() {
            self.message = Some("no linked claims between these two documents".into());
            self.compare = Some(c);
            return;
        }
        let n = c.pairs.len();
        let next = match c.pair {
            Some(p) if forward => (p + 1 < n).then_some(p + 1),
            Some(p) => p.checked_sub(1),
            None => {
                // From the view: the first pair at or below its top line on
                // the focused side, or the last above it.
                let side = c.focus;
                let lines = self.side_lines(ctx, &c, side);
                let top = top_line_at(&lines, c.anchors[side.i()]);
                let line = |p: usize| {
                    c.claim(p, side)
                        .map_or(0, |cl| top_line_at(&lines, index.claims[cl].range.start))
                };
                if forward {
                    (0..n).find(|&p| line(p) >= top)
                } else {
                    (0..n).rev().find(|&p| line(p) < top)
                }
            }
        };
        match next {
            Some(p) => self.show_pair(ctx, &mut c, p),
            None => {
                self.message = Some(if forward {
                    format!("last pair ({n} of {n})")
                } else {
                    "first pair".to_string()
                })
            }
        }
        self.compare = Some(c);
    }

    /// The wheel over one side scrolls that side (and gives it focus).
    pub(super) fn compare_wheel(&mut self, ctx: &Ctx, x: u16, down: bool) {
        let (_, r, _) = layout::compare_panes(self.size);
        let side = if x >= r.x { Side::Right } else { Side::Left };
        self.compare_focus(Some(side));
        let a = if down { Action::Down } else { Action::Up };
        for _ in 0..3 {
            self.compare_scroll(ctx, a);
        }
    }

    /// Focus the other side (or `side`).
    pub(super) fn compare_focus(&mut self, side: Option<Side>) {
        if let Some(c) = self.compare.as_mut() {
            c.focus = side.unwrap_or(c.focus.other());
        }
    }

    pub(super) fn toggle_sync(&mut self, ctx: &Ctx) {
        let Some(mut c) = self.compare.take() else {
            return;
        };
        c.sync = !c.sync;
        self.message = Some(if c.sync {
            "sync on: the other side follows".into()
        } else {
            "sync off: each side scrolls on its own".into()
        });
        if c.sync {
            let side = c.focus;
            self.follow(ctx, &mut c, side, 0, true);
        }
        self.compare = Some(c);
    }

    /// Rows of the pair overlay, and how many show at once.
    pub(super) fn pair_overlay_len(&self, ctx: &Ctx) -> (usize, usize) {
        let r = layout::inner(layout::pair_popup(self.size));
        let rows = match (ctx.index, self.compare.as_ref().and_then(|c| c.selected())) {
            (Some(index), Some(p)) => {
                super::pair::pair_rows(ctx.docs, index, p, r.width as usize).len()
            }
            _ => 0,
        };
        (rows, r.height.max(1) as usize)
    }

    /// The pair overlay: both claims and the whole diff.
    pub(super) fn open_pair(&mut self) {
        match self.compare.as_ref().and_then(|c| c.pair) {
            Some(_) => self.overlays.open(Overlay::Pair { scroll: 0 }),
            None => self.message = Some("no pair selected: } goes to the next one".into()),
        }
    }
}
