//! What the corroboration view's keys do: open it (the matrix computed
//! once), move through statements and sources, filter by entity or to
//! single-source statements, collapse outlets, and open a statement's
//! claim in its document.

use super::action::Action;
use super::corroboration::{Corroboration, geometry};
use super::overlay::Overlay;
use super::sidebar::SidebarTab;
use super::state::{AppState, Ctx, Pane};

impl AppState {
    /// `v`: open the view (from anywhere); filtered by the chosen entity
    /// when there is one.
    pub(super) fn open_corroboration(&mut self, ctx: &Ctx) {
        let Some(index) = ctx.index else {
            self.message = Some("who says what needs the analysis: a moment".into());
            return;
        };
        let n = ctx.docs.len();
        // With more documents than fit, one column per outlet (when that
        // makes fewer columns).
        let mut v = Corroboration::build(index, n, false);
        let fit = geometry(self.size, n, false).fit;
        if n > fit && v.outlet_count(index) < n {
            v.set_columns(index, true);
        }
        v.entity = self.chosen_entity();
        v.refilter(index);
        self.corroboration = Some(v);
        self.overlays.open(Overlay::Corroboration);
    }

    /// Rows shown at once.
    fn corroboration_page(&self) -> usize {
        self.corroboration
            .as_ref()
            .map_or(1, |v| v.geometry(self.size).body.height.max(1) as usize)
    }

    pub(super) fn corroboration_navigate(&mut self, action: Action) {
        let page = self.corroboration_page();
        let p = page as isize;
        let delta = match action {
            Action::Down => 1,
            Action::Up => -1,
            Action::HalfPageDown => (p / 2).max(1),
            Action::HalfPageUp => -(p / 2).max(1),
            Action::PageDown => (p - 1).max(1),
            Action::PageUp => -(p - 1).max(1),
            Action::Top => isize::MIN / 2,
            Action::Bottom => isize::MAX / 2,
            _ => return,
        };
        if let Some(v) = self.corroboration.as_mut() {
            v.move_rows(delta, page);
        }
    }

    /// `h`/`l`: the previous / next source column (scrolling the columns).
    pub(super) fn corroboration_columns(&mut self, delta: isize) {
        let size = self.size;
        if let Some(v) = self.corroboration.as_mut() {
            let fit = v.geometry(size).fit;
            v.move_cols(delta, fit);
        }
    }

    /// `Enter`: the selected statement's claim in the selected source (the
    /// row's own claim when that source does not make it), as a jump.
    pub(super) fn confirm_corroboration(&mut self, ctx: &Ctx) {
        let (Some(index), Some(c)) = (
            ctx.index,
            self.corroboration.as_ref().and_then(|v| v.target()),
        ) else {
            return;
        };
        let claim = &index.claims[c];
        self.overlays.clear();
        if self.compare.is_some() {
            self.close_compare();
        }
        self.record_jump();
        self.reveal(ctx, claim.doc, claim.range.start);
        self.reader.claim = Some(c);
        self.focus = Pane::Document;
        self.message = Some(format!(
            "{} independent source{} · Ctrl-o back · v the view again",
            index.sources[c],
            if index.sources[c] == 1 { "" } else { "s" }
        ));
    }

    /// `e`: only the statements about an entity — the chosen one, else the
    /// one selected in the entity list, else the first named in the
    /// selected statement — or all of them again.
    pub(super) fn corroboration_entity(&mut self, ctx: &Ctx) {
        let Some(index) = ctx.index else { return };
        let in_list = (self.sidebar.tab == SidebarTab::Entities)
            .then(|| self.sidebar.selected_entity())
            .flatten();
        let chosen = self.chosen_entity();
        let Some(v) = self.corroboration.as_mut() else {
            return;
        };
        if v.entity.take().is_none() {
            let of_row = v.row().and_then(|r| {
                let c = &index.claims[r.claim];
                c.speaker.or_else(|| c.entities.first().copied())
            });
            v.entity = chosen.or(in_list).or(of_row);
            if v.entity.is_none() {
                self.message = Some("no entity to filter by: choose one in the sidebar".into());
            }
        }
        v.refilter(index);
    }

    /// `s`: only the statements a single source makes, or all.
    pub(super) fn corroboration_single(&mut self, ctx: &Ctx) {
        let Some(index) = ctx.index else { return };
        if let Some(v) = self.corroboration.as_mut() {
            v.single = !v.single;
            v.refilter(index);
        }
    }

    /// `o`: one column per outlet, or one per document.
    pub(super) fn corroboration_outlets(&mut self, ctx: &Ctx) {
        let Some(index) = ctx.index else { return };
        let size = self.size;
        if let Some(v) = self.corroboration.as_mut() {
            // Keep the selected column's first document selected.
            let doc = v.columns.get(v.col).and_then(|c| c.docs.first().copied());
            v.set_columns(index, !v.collapsed);
            if let Some(i) = doc.and_then(|d| v.columns.iter().position(|c| c.docs.contains(&d))) {
                v.col = i;
            }
            let fit = v.geometry(size).fit;
            v.left = 0;
            v.move_cols(0, fit);
        }
    }
}
