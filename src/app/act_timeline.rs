//! Timeline keys: hide the strip, switch its axis, fold background dates,
//! and `Enter` on a column (one event: go there; a stack: list them all).

use super::action::Action;
use super::layout;
use super::overlay::Overlay;
use super::state::{AppState, Ctx, Pane};
use super::timeline::{axis, background_count, visible_events};

impl AppState {
    pub(super) fn timeline_key(&mut self, ctx: &Ctx, action: Action) {
        let t = &mut self.timeline;
        let msg = match action {
            Action::ToggleTimeline => {
                t.hidden = !t.hidden;
                if t.hidden {
                    "timeline hidden · T shows it"
                } else {
                    "timeline shown · T hides it"
                }
            }
            Action::TimelineScale => {
                t.scaled = !t.scaled;
                if t.scaled {
                    "timeline to scale: ≈ marks a long gap · a for evenly spaced"
                } else {
                    "timeline evenly spaced: one column per date · a for to scale"
                }
            }
            Action::FoldBackground => {
                t.fold_background = !t.fold_background;
                if t.fold_background {
                    "background dates (a year or more before their article) folded · B shows them"
                } else {
                    "background dates shown · B folds them"
                }
            }
            _ => return,
        };
        self.message = Some(msg.to_string());
        if action == Action::FoldBackground
            && let Some(index) = ctx.index
        {
            let n = background_count(index);
            self.message = Some(format!("{n} {msg}"));
            // A selected event that is folded away is let go.
            let shown = visible_events(index, &self.timeline);
            if self.timeline.event.is_some_and(|e| !shown.contains(&e)) {
                self.timeline.event = None;
            }
        }
        if self.timeline.hidden && self.focus == Pane::Timeline {
            self.focus = Pane::Document;
        }
        if !self.timeline.hidden && self.panes().timeline.is_none() {
            self.message = Some("the window is too small for the timeline".into());
        }
    }

    /// `Enter` on the focused strip: the selected event's column, when it
    /// holds one event, is gone to; a stacked column is listed.
    pub(super) fn confirm_timeline(&mut self, ctx: &Ctx) {
        let (Some(index), Some(t)) = (ctx.index, self.timeline.event) else {
            self.message = Some("h/l select an event first".into());
            return;
        };
        let width = self
            .panes()
            .timeline
            .map_or(self.size.width, |r| layout::timeline_inner(r).width);
        let ax = axis(index, width, &self.timeline);
        let column = ax
            .column_of(t)
            .map(|c| c.events.clone())
            .unwrap_or_default();
        if column.len() > 1 {
            let selected = column.iter().position(|&p| p == t).unwrap_or(0);
            self.timeline.listed = column;
            self.overlays.open(Overlay::Events { selected });
        } else {
            self.go_to_event(ctx, t);
        }
    }

    /// `Enter` on a row of the events list.
    pub(super) fn confirm_event_row(&mut self, ctx: &Ctx, selected: usize) {
        let Some(&t) = self.timeline.listed.get(selected) else {
            return;
        };
        self.overlays.close_top();
        self.go_to_event(ctx, t);
    }

    /// Go to the sentence of timeline event `t` (a jump) and select it.
    fn go_to_event(&mut self, ctx: &Ctx, t: usize) {
        let Some(index) = ctx.index else { return };
        let e = &index.events[index.timeline[t]];
        self.timeline.event = Some(t);
        self.jump(ctx, e.doc, e.range.start);
        self.reader.claim = index
            .doc_claims(e.doc)
            .iter()
            .find(|c| c.range.start <= e.range.start && e.range.end <= c.range.end)
            .map(|c| c.id);
    }
}
