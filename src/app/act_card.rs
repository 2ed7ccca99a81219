//! What the card's keys do: open it for an entity, move, and go where a
//! row leads.

use super::card::CardState;
use super::overlay::Overlay;
use super::sidebar::SidebarTab;
use super::state::{AppState, Ctx, Pane};
use crate::card::{Card, Jump};
use crate::search::finder::Target;

impl AppState {
    /// Open the card of entity `e` (in place of an open card).
    pub(super) fn open_card(&mut self, ctx: &Ctx, e: usize) {
        let Some(card) = ctx.index.and_then(|ix| Card::build(ix, ctx.docs, e)) else {
            self.message = Some("entity cards come with the analysis".into());
            return;
        };
        let rows = card.rows(ctx.docs);
        self.card = Some(CardState::new(card, rows));
        self.overlays.open(Overlay::Card);
    }

    /// `e`: the card of the entity in question: the selected row of the
    /// entity list when it has focus, the chosen entity, the entity a
    /// search names, or the main entity of the current claim.
    pub(super) fn card_for_context(&mut self, ctx: &Ctx) {
        let Some(index) = ctx.index else {
            self.message = Some("entity cards come with the analysis".into());
            return;
        };
        let in_list = (self.focus == Pane::Sidebar && self.sidebar.tab == SidebarTab::Entities)
            .then(|| self.sidebar.selected_entity())
            .flatten();
        let offered = self
            .search
            .prompt
            .as_ref()
            .and(self.search.active.as_ref())
            .and_then(|a| a.entity);
        let of_claim = self.reader.claim.and_then(|c| {
            let claim = &index.claims[c];
            claim.speaker.or_else(|| {
                claim
                    .entities
                    .iter()
                    .copied()
                    .max_by_key(|&e| index.entities[e].mentions.len())
            })
        });
        match offered.or(in_list).or(self.chosen_entity()).or(of_claim) {
            Some(e) => {
                if self.search.prompt.is_some() {
                    self.confirm_search(ctx);
                }
                self.open_card(ctx, e);
            }
            None => {
                self.message = Some(
                    "no entity here: choose one (sidebar, /, Ctrl-p) or a claim that names one"
                        .into(),
                )
            }
        }
    }

    /// `Enter` on a card row.
    pub(super) fn confirm_card(&mut self, ctx: &Ctx) {
        let Some(jump) = self
            .card
            .as_ref()
            .and_then(|c| c.rows.get(c.selected))
            .and_then(|r| r.jump)
        else {
            return;
        };
        match jump {
            Jump::Entity { entity } => self.open_card(ctx, entity),
            Jump::Place { doc, pos } => {
                self.overlays.close_top();
                self.jump(ctx, doc, pos);
            }
            Jump::Event { event } => {
                self.overlays.close_top();
                self.go_to_target(ctx, Target::Event(event));
            }
            Jump::Claim { claim } => {
                self.overlays.close_top();
                self.go_to_target(ctx, Target::Claim(claim));
            }
        }
    }
}
