//! What the search keys do: the prompt (incremental, `Enter` keeps,
//! `Esc` returns to where you were), `n`/`N`, and the hits list.

use super::input::{Edit, LineInput};
use super::overlay::Overlay;
use super::search::{Active, HitRow, HitRows, Prompt, Walk};
use super::state::{AppState, Ctx};
use crate::search::{Mode, Names, Query};
use std::sync::Arc;

impl AppState {
    /// `/`: open the prompt.
    pub(super) fn open_search(&mut self) {
        let origin = self.here();
        let previous = self.search.active.take();
        self.search.prompt = Some(Prompt {
            input: LineInput::default(),
            origin,
            previous,
            note: None,
        });
    }

    /// Typing in the prompt.
    pub(super) fn search_edit(&mut self, ctx: &Ctx, e: Edit) {
        let Some(p) = self.search.prompt.as_mut() else {
            return;
        };
        if p.input.edit(e) {
            self.run_search(ctx);
        }
    }

    pub(super) fn toggle_regex(&mut self, ctx: &Ctx) {
        self.search.mode = match self.search.mode {
            Mode::Words => Mode::Regex,
            Mode::Regex => Mode::Words,
        };
        if self.search.prompt.is_some() {
            self.run_search(ctx);
        }
    }

    /// The names of the entities, once the analysis is there.
    fn names(&mut self, ctx: &Ctx) -> Option<Arc<Names>> {
        if self.search.names.is_none()
            && let Some(index) = ctx.index
        {
            self.search.names = Some(Arc::new(Names::build(index)));
        }
        self.search.names.clone()
    }

    /// Run the prompt's query over the corpus and go to the first hit at or
    /// after where the prompt was opened.
    pub(super) fn run_search(&mut self, ctx: &Ctx) {
        let Some(p) = self.search.prompt.as_ref() else {
            return;
        };
        let (text, origin) = (p.input.text.clone(), p.origin);
        let query = Query::new(&text, self.search.mode);
        let note = match (&query, ctx.search) {
            (Err(e), _) => Some(format!("regex: {e}")),
            (Ok(Some(_)), None) => Some("building the search index…".to_string()),
            _ => None,
        };
        let (Ok(Some(q)), Some(index)) = (query, ctx.search) else {
            self.search.active = None;
            if let Some(p) = self.search.prompt.as_mut() {
                p.note = note;
            }
            self.restore_view(origin);
            return;
        };
        let hits = self.search.searcher.search(index, ctx.docs, q);
        let entity = self.names(ctx).and_then(|n| n.offer(&text));
        let first = hits
            .step(
                index,
                ctx.docs,
                origin.doc,
                origin.anchor.checked_sub(1),
                true,
            )
            .map(|(h, _)| h);
        match &first {
            Some(h) => {
                let (doc, pos) = (h.doc, h.range.start);
                self.reveal(ctx, doc, pos);
            }
            None => self.restore_view(origin),
        }
        self.search.active = Some(Active {
            hits,
            current: first,
            entity,
        });
        if let Some(p) = self.search.prompt.as_mut() {
            p.note = None;
        }
    }

    /// Put the view back where `loc` says, without recording a jump.
    fn restore_view(&mut self, loc: super::jumps::Loc) {
        self.set_doc(loc.doc);
        if let Some(a) = self.reader.anchors.get_mut(loc.doc) {
            *a = loc.anchor;
        }
    }

    /// The index arrived: a query typed before it runs now.
    pub(super) fn search_index_ready(&mut self, ctx: &Ctx) {
        if self.search.prompt.is_some() {
            self.run_search(ctx);
        }
    }

    /// `Enter` in the prompt: keep the search; the move to its first hit is
    /// a jump. An empty query brings back the previous search.
    pub(super) fn confirm_search(&mut self, ctx: &Ctx) {
        let Some(p) = self.search.prompt.take() else {
            return;
        };
        if p.input.text.is_empty() {
            self.search.active = p.previous;
            if self.search.active.is_some() {
                self.walk = Walk::Hits;
                self.step_hit(ctx, true);
            }
            return;
        }
        if self
            .search
            .active
            .as_ref()
            .is_none_or(|a| a.hits.total == 0)
        {
            self.message = Some(match p.note {
                Some(n) => n,
                None => format!("no hits for “{}”", p.input.text),
            });
            self.search.active = p.previous;
            return;
        }
        self.walk = Walk::Hits;
        if self.here() != p.origin {
            self.jumps.push(p.origin);
        }
    }

    /// `Esc` in the prompt: back to where it was opened, with the search
    /// kept before.
    pub(super) fn cancel_search(&mut self) {
        if let Some(p) = self.search.prompt.take() {
            self.restore_view(p.origin);
            self.search.active = p.previous;
        }
    }

    /// The byte the view starts at, and whether the current hit is on
    /// screen (then walking goes on from it).
    fn walk_from(&self, ctx: &Ctx) -> (usize, Option<usize>) {
        let lines = self.lines(ctx);
        let top = self.top_line(&lines);
        let first = lines.get(top).map_or(0, |l| l.range.start);
        let last = lines
            .get(
                (top + self.page_height())
                    .min(lines.len())
                    .saturating_sub(1),
            )
            .map_or(0, |l| l.range.end);
        let current = self
            .search
            .active
            .as_ref()
            .and_then(|a| a.current.as_ref())
            .filter(|h| h.doc == self.reader.doc && h.range.start >= first && h.range.start <= last)
            .map(|h| h.range.start);
        (first, current)
    }

    /// `n`/`N` on the search's hits.
    pub(super) fn step_hit(&mut self, ctx: &Ctx, forward: bool) {
        let (Some(index), Some(active)) = (ctx.search, self.search.active.as_ref()) else {
            return;
        };
        let (top, current) = self.walk_from(ctx);
        let pos = match (current, forward) {
            (Some(c), _) => Some(c),
            (None, true) => top.checked_sub(1),
            (None, false) => Some(top),
        };
        let Some((hit, wrapped)) = active
            .hits
            .step(index, ctx.docs, self.reader.doc, pos, forward)
        else {
            self.message = Some(format!("no hits for “{}”", active.hits.query.text));
            return;
        };
        let (doc, start) = (hit.doc, hit.range.start);
        let at = format!("hit {}/{}", hit.ordinal + 1, active.hits.total);
        if let Some(a) = self.search.active.as_mut() {
            a.current = Some(hit);
        }
        self.jump(ctx, doc, start);
        if wrapped {
            self.message = Some(if forward {
                format!("{at} · past the last hit: on from the first document")
            } else {
                format!("{at} · before the first hit: on from the last document")
            });
        }
    }

    /// `n`/`N`: the hits of the search, or the mentions of the chosen
    /// entity, whichever was set last.
    pub(super) fn step_walk(&mut self, ctx: &Ctx, forward: bool) {
        let hits = self.search.active.is_some();
        let mentions = self.chosen.is_some();
        match (self.walk, hits, mentions) {
            (Walk::Hits, true, _) | (Walk::Mentions, true, false) => self.step_hit(ctx, forward),
            (_, _, true) => self.step_mention(ctx, forward),
            _ => {
                self.message =
                    Some("search with / (or choose an entity) first, then n/N walk".into())
            }
        }
    }

    /// Open the hits list on the current hit.
    pub(super) fn open_hits(&mut self) {
        let Some(a) = self.search.active.as_ref() else {
            self.message = Some("no search: / searches every document".into());
            return;
        };
        let selected = HitRows { active: a }.current_row();
        self.overlays.open(Overlay::Hits { selected });
    }

    /// `Enter` on a row of the hits list.
    pub(super) fn confirm_hit_row(&mut self, ctx: &Ctx, selected: usize) {
        let (Some(index), Some(a)) = (ctx.search, self.search.active.as_ref()) else {
            return;
        };
        let row = HitRows { active: a }.row(selected);
        let target = match row {
            Some(HitRow::Entity(e)) => {
                self.overlays.close_top();
                self.choose_entity(ctx, e);
                self.walk = Walk::Mentions;
                self.open_card(ctx, e);
                return;
            }
            Some(HitRow::Doc(i)) => (i, 0),
            Some(HitRow::Hit(i, k)) => (i, k),
            None => return,
        };
        let (i, k) = target;
        let (doc, _) = a.hits.docs[i];
        let ranges = index.doc_hits(&a.hits.query, doc, &ctx.docs[doc].text);
        let Some(range) = ranges.get(k).cloned() else {
            return;
        };
        let ordinal = a.hits.before(i) + k as u64;
        self.overlays.close_top();
        if let Some(a) = self.search.active.as_mut() {
            a.current = Some(crate::search::Hit {
                doc,
                range: range.clone(),
                ordinal,
            });
        }
        self.walk = Walk::Hits;
        self.jump(ctx, doc, range.start);
    }

    /// Rows in the hits list.
    pub(super) fn hit_rows(&self) -> usize {
        self.search
            .active
            .as_ref()
            .map_or(0, |a| HitRows { active: a }.len())
    }
}
