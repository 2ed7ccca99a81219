//! What the pin keys do: `p` pins what you are on, with a one-line note
//! typed at once; `P` lists the pins (go there, reorder, edit the note,
//! delete and undo, write their briefing to a file); and what the store
//! reports (a corrupt file moved aside, a newer format, a failed save)
//! reaches the status bar and the load log.

use super::input::{Edit, LineInput};
use super::overlay::Overlay;
use super::pins::{PinPrompt, PromptFor, fresh_briefing_name, today};
use super::search::{HitRow, HitRows};
use super::sidebar::SidebarTab;
use super::state::{AppState, Ctx, Pane};
use crate::card::Jump;
use crate::corpus::DocId;
use crate::export::briefing::{self, WriteError};
use crate::pins::{Pin, PinKind, PinStore, Resolved, model::one_line};
use std::ops::Range;
use std::path::PathBuf;

/// What `p` pins.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PinWhat {
    Claim(usize),
    /// An entity, and the mention it was pinned from.
    Entity(usize, Option<usize>),
    /// An event, by its index in the index's event list.
    Event(usize),
    /// A search hit: bytes `range` of `doc`, found by `query`.
    Hit {
        doc: DocId,
        range: Range<usize>,
        query: String,
    },
}

/// A pin's text cut to about `n` characters, for messages.
fn short(s: &str, n: usize) -> String {
    let flat = one_line(s);
    if flat.chars().count() <= n {
        return flat;
    }
    let mut out: String = flat.chars().take(n.saturating_sub(1)).collect();
    out.push('…');
    out
}

impl AppState {
    /// Use `store` for the pins of this corpus (the reader opens it); what
    /// it reported on opening is shown.
    pub fn attach_pins(&mut self, store: PinStore) {
        self.pins.store = store;
        self.pins.resolved.clear();
        self.pin_notices();
    }

    /// Move the store's notices to the load log, the last one to the
    /// status bar.
    fn pin_notices(&mut self) {
        let notices = self.pins.store.take_notices();
        if let Some(last) = notices.last() {
            self.message = Some(last.clone());
        }
        self.pins.log.extend(notices);
    }

    /// The analysis arrived: find every pin again (re-anchored where its
    /// file changed, marked lost where its text is gone).
    pub(super) fn pins_analysed(&mut self, ctx: &Ctx) {
        let Some(index) = ctx.index else { return };
        let resolved = self.pins.store.reanchor(ctx.docs, index);
        let lost = resolved.iter().filter(|r| r.is_lost()).count();
        self.pins.resolved = self
            .pins
            .store
            .pins()
            .iter()
            .map(|p| p.id.clone())
            .zip(resolved)
            .collect();
        self.pin_notices();
        if lost > 0 && self.message.is_none() {
            self.message = Some(format!(
                "{lost} pin{} can no longer be found in the corpus (P lists {}, marked lost)",
                if lost == 1 { "" } else { "s" },
                if lost == 1 { "it" } else { "them" }
            ));
        }
    }

    /// After a change of the pins (which may have taken in another
    /// window's): place the pins not placed yet, keep the selection in the
    /// list, and show what the store said.
    fn pins_changed(&mut self, ctx: &Ctx) {
        self.pins.clamp();
        self.pin_notices();
        let Some(index) = ctx.index else { return };
        let missing: Vec<Pin> = self
            .pins
            .store
            .pins()
            .iter()
            .filter(|p| !self.pins.resolved.contains_key(&p.id))
            .cloned()
            .collect();
        if missing.is_empty() {
            return;
        }
        let found = crate::pins::resolve(&missing, ctx.docs, index);
        for (p, r) in missing.into_iter().zip(found) {
            self.pins.resolved.insert(p.id, r);
        }
    }

    /// The bytes of the current document on screen.
    fn visible_bytes(&self, ctx: &Ctx) -> Range<usize> {
        let lines = self.lines(ctx);
        let top = self.top_line(&lines);
        let first = lines.get(top).map_or(0, |l| l.range.start);
        let last = lines
            .get(
                (top + self.page_height())
                    .min(lines.len())
                    .saturating_sub(1),
            )
            .map_or(first, |l| l.range.end);
        first..last.max(first)
    }

    /// What `p` pins: in a list, its selected row; in the panes, the
    /// selected event (timeline) or entity (sidebar), else the current
    /// claim on screen, else the current search hit on screen, else the
    /// chosen entity.
    pub fn pin_target(&self, ctx: &Ctx) -> Result<PinWhat, String> {
        let index = ctx.index;
        let needs_analysis =
            || "claims, entities and events can be pinned once the analysis is done".to_string();
        match self.overlays.top() {
            Some(&Overlay::Hits { selected }) => {
                let Some(a) = self.search.active.as_ref() else {
                    return Err("no search".into());
                };
                return match (HitRows { active: a }).row(selected) {
                    Some(HitRow::Entity(e)) => Ok(PinWhat::Entity(e, None)),
                    Some(HitRow::Hit(i, k)) => {
                        let doc = a.hits.docs[i].0;
                        let range = ctx
                            .search
                            .and_then(|s| {
                                s.doc_hits(&a.hits.query, doc, &ctx.docs[doc].text)
                                    .get(k)
                                    .cloned()
                            })
                            .ok_or("the hit is not there any more")?;
                        Ok(PinWhat::Hit {
                            doc,
                            range,
                            query: a.hits.query.text.clone(),
                        })
                    }
                    _ => Err("choose a hit (j/k), then p pins it".into()),
                };
            }
            Some(Overlay::Card) => {
                let Some(card) = self.card.as_ref() else {
                    return Err("no card".into());
                };
                let jump = card.rows.get(card.selected).and_then(|r| r.jump);
                return Ok(match jump {
                    Some(Jump::Claim { claim }) => PinWhat::Claim(claim),
                    Some(Jump::Event { event }) => PinWhat::Event(event),
                    Some(Jump::Entity { entity }) => PinWhat::Entity(entity, None),
                    Some(Jump::Place { .. }) | None => PinWhat::Entity(card.card.entity, None),
                });
            }
            Some(&Overlay::Links { claim, selected }) => {
                let index = index.ok_or_else(needs_analysis)?;
                return Ok(PinWhat::Claim(
                    index.links[claim].get(selected).map_or(claim, |l| l.to),
                ));
            }
            Some(_) => return Err("nothing to pin here".into()),
            None => {}
        }
        if self.compare.is_none() {
            match self.focus {
                Pane::Timeline => {
                    if let (Some(ix), Some(t)) = (index, self.timeline.event) {
                        return Ok(PinWhat::Event(ix.timeline[t]));
                    }
                }
                Pane::Sidebar if self.sidebar.tab == SidebarTab::Entities => {
                    if let Some(e) = self.sidebar.selected_entity() {
                        return Ok(PinWhat::Entity(e, None));
                    }
                }
                _ => {}
            }
        }
        let doc = self.reader.doc;
        let seen = self.visible_bytes(ctx);
        let on_screen =
            |r: &Range<usize>| r.start < seen.end.max(seen.start + 1) && r.end > seen.start;
        if let (Some(ix), Some(c)) = (index, self.reader.claim) {
            let claim = &ix.claims[c];
            if claim.doc == doc && on_screen(&claim.range) {
                return Ok(PinWhat::Claim(c));
            }
        }
        if let Some(a) = self.search.active.as_ref()
            && let Some(h) = a.current.as_ref()
            && h.doc == doc
            && on_screen(&h.range)
        {
            return Ok(PinWhat::Hit {
                doc,
                range: h.range.clone(),
                query: a.hits.query.text.clone(),
            });
        }
        if let (Some(ix), Some(ch)) = (index, self.chosen) {
            return Ok(PinWhat::Entity(ch.entity, ch.current(ix)));
        }
        if index.is_none() {
            return Err(needs_analysis());
        }
        Err("nothing to pin: go to a claim (} or {), a search hit (n), an event or an entity, then p".into())
    }

    /// The pin for `what`, and where it is.
    fn make_pin(&self, ctx: &Ctx, what: &PinWhat) -> Option<(Pin, Resolved)> {
        let docs = ctx.docs;
        match what {
            PinWhat::Hit { doc, range, query } => Some((
                Pin::search_hit(&docs[*doc], range.clone(), query, ""),
                Resolved::Text {
                    doc: *doc,
                    range: range.clone(),
                    moved: false,
                },
            )),
            PinWhat::Claim(c) => {
                let index = ctx.index?;
                let claim = index.claims.get(*c)?;
                Some((
                    Pin::claim(docs, index, *c, ""),
                    Resolved::Text {
                        doc: claim.doc,
                        range: claim.range.clone(),
                        moved: false,
                    },
                ))
            }
            PinWhat::Event(i) => {
                let index = ctx.index?;
                let e = index.events.get(*i)?;
                Some((
                    Pin::event(docs, index, *i, ""),
                    Resolved::Text {
                        doc: e.doc,
                        range: e.range.clone(),
                        moved: false,
                    },
                ))
            }
            PinWhat::Entity(e, mention) => {
                let index = ctx.index?;
                let ent = index.entities.get(*e)?;
                let m = mention.or_else(|| ent.mentions.first().copied());
                Some((
                    Pin::entity(docs, index, *e, m, ""),
                    Resolved::Entity {
                        entity: *e,
                        at: m.map(|m| {
                            let m = &index.mentions[m];
                            (m.doc, m.range.clone())
                        }),
                    },
                ))
            }
        }
    }

    /// `p`: pin what you are on; the note is typed at once.
    pub(super) fn pin_here(&mut self, ctx: &Ctx) {
        if let Some(why) = self.pins.store.read_only() {
            self.message = Some(format!("cannot pin: {why}"));
            return;
        }
        let made = self.pin_target(ctx).and_then(|w| {
            self.make_pin(ctx, &w)
                .ok_or_else(|| "nothing to pin".into())
        });
        match made {
            Err(why) => self.message = Some(why),
            Ok((pin, r)) => {
                self.pins.prompt = Some(PinPrompt {
                    input: LineInput::default(),
                    purpose: PromptFor::NewPin(Box::new(pin), r),
                    error: None,
                });
                self.overlays.open(Overlay::PinPrompt);
            }
        }
    }

    fn add_pin(&mut self, ctx: &Ctx, pin: Pin, r: Resolved) {
        let id = pin.id.clone();
        let what = format!("{} “{}”", pin.kind.label(), short(pin.label(), 32));
        let saved = self.pins.store.add(pin);
        if self.pins.store.get(&id).is_some() {
            self.pins.resolved.insert(id.clone(), r);
            self.pins.selected = self.pins.store.position(&id).unwrap_or(0);
        }
        let n = self.pins.store.pins().len();
        self.pins_changed(ctx);
        let count = format!("{n} pin{}", if n == 1 { "" } else { "s" });
        self.message = Some(match saved {
            Ok(()) => format!("{count} · pinned {what} · P lists them"),
            Err(e) => format!("{count} · pinned {what}, but {e}"),
        });
    }

    /// `P`: the pins list.
    pub(super) fn open_pins(&mut self, ctx: &Ctx) {
        // See what another window pinned meanwhile.
        if let Err(e) = self.pins.store.sync() {
            self.pins.log.push(e.0.clone());
            self.message = Some(e.0);
        }
        self.pins_changed(ctx);
        self.overlays.open(Overlay::Pins);
    }

    /// Typing in the pin prompt.
    pub(super) fn pin_prompt_edit(&mut self, e: Edit) {
        if let Some(p) = self.pins.prompt.as_mut()
            && !p.asks()
        {
            p.input.edit(e);
            p.error = None;
        }
    }

    fn close_pin_prompt(&mut self) {
        self.pins.prompt = None;
        if self.overlays.top() == Some(&Overlay::PinPrompt) {
            self.overlays.close_top();
        }
    }

    /// `Enter` in the pin prompt.
    pub(super) fn confirm_pin_prompt(&mut self, ctx: &Ctx) {
        let Some(p) = self.pins.prompt.take() else {
            return self.close_pin_prompt();
        };
        let text = p.input.text.clone();
        match p.purpose {
            PromptFor::NewPin(pin, r) => {
                self.close_pin_prompt();
                let mut pin = *pin;
                pin.note = one_line(&text);
                self.add_pin(ctx, pin, r);
            }
            PromptFor::EditNote(id) => {
                self.close_pin_prompt();
                let r = self.pins.store.set_note(&id, &text);
                self.pins_changed(ctx);
                self.message = Some(match r {
                    Ok(()) if one_line(&text).is_empty() => "note removed".into(),
                    Ok(()) => "note kept".into(),
                    Err(e) => e.0,
                });
            }
            PromptFor::SavePath => {
                let path = PathBuf::from(text.trim());
                if text.trim().is_empty() {
                    self.pins.prompt = Some(PinPrompt {
                        error: Some("type a file name".into()),
                        ..p_with(&text, PromptFor::SavePath)
                    });
                    return;
                }
                self.write_pins_briefing(ctx, path, false, &text);
            }
            PromptFor::Overwrite(path) => {
                // Enter on the question keeps the file: back to the name.
                self.pins.prompt = Some(p_with(&path.display().to_string(), PromptFor::SavePath));
            }
        }
    }

    /// `y` on the question: replace the file.
    pub(super) fn confirm_overwrite(&mut self, ctx: &Ctx) {
        let Some(PromptFor::Overwrite(path)) = self.pins.prompt.as_ref().map(|p| p.purpose.clone())
        else {
            return;
        };
        let typed = path.display().to_string();
        self.write_pins_briefing(ctx, path, true, &typed);
    }

    /// `Esc` in the pin prompt: a new pin is added with no note; a note
    /// edit or a file name is cancelled; the question goes back to the
    /// file name.
    pub(super) fn escape_pin_prompt(&mut self, ctx: &Ctx) {
        let Some(p) = self.pins.prompt.take() else {
            return self.close_pin_prompt();
        };
        match p.purpose {
            PromptFor::NewPin(pin, r) => {
                self.close_pin_prompt();
                self.add_pin(ctx, *pin, r);
            }
            PromptFor::Overwrite(path) => {
                self.pins.prompt = Some(PinPrompt {
                    error: Some(format!("{} kept; choose another name", path.display())),
                    ..p_with(&path.display().to_string(), PromptFor::SavePath)
                });
            }
            PromptFor::EditNote(_) | PromptFor::SavePath => {
                self.close_pin_prompt();
                self.message = Some("cancelled".into());
            }
        }
    }

    /// Write the briefing of the pins to `path` (replacing a file there
    /// only when `overwrite`); when the file exists, ask.
    fn write_pins_briefing(&mut self, ctx: &Ctx, path: PathBuf, overwrite: bool, typed: &str) {
        let Some(index) = ctx.index else {
            self.pins.prompt = Some(PinPrompt {
                error: Some("the briefing needs the analysis: a moment".into()),
                ..p_with(typed, PromptFor::SavePath)
            });
            return;
        };
        let n = self.pins.store.pins().len();
        let text = briefing::of_pins(ctx.docs, index, self.pins.store.pins());
        match briefing::write_briefing(&path, &text, overwrite) {
            Ok(()) => {
                let shown = std::path::absolute(&path).unwrap_or(path);
                self.close_pin_prompt();
                self.message = Some(format!(
                    "briefing of {n} pin{} written to {}",
                    if n == 1 { "" } else { "s" },
                    shown.display()
                ));
                self.pins.written = Some(shown);
            }
            Err(WriteError::Exists(p)) => {
                self.pins.prompt = Some(p_with("", PromptFor::Overwrite(p)));
            }
            Err(e) => {
                self.pins.prompt = Some(PinPrompt {
                    error: Some(e.to_string()),
                    ..p_with(typed, PromptFor::SavePath)
                });
            }
        }
    }

    /// `w` in the pins list: ask where to write the briefing (a new file
    /// in the current folder is offered).
    pub(super) fn ask_briefing_path(&mut self) {
        if self.pins.store.pins().is_empty() {
            self.message = Some("nothing is pinned yet: p pins a claim".into());
            return;
        }
        let name = fresh_briefing_name(std::path::Path::new("."), &today());
        let name = name.file_name().map_or_else(
            || name.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        self.pins.prompt = Some(p_with(&name, PromptFor::SavePath));
        self.overlays.open(Overlay::PinPrompt);
    }

    /// `e` in the pins list: edit the selected pin's note.
    pub(super) fn edit_pin_note(&mut self) {
        let Some(p) = self.pins.selected_pin() else {
            return;
        };
        if let Some(why) = self.pins.store.read_only() {
            self.message = Some(format!("cannot change pins: {why}"));
            return;
        }
        let (note, id) = (p.note.clone(), p.id.clone());
        self.pins.prompt = Some(p_with(&note, PromptFor::EditNote(id)));
        self.overlays.open(Overlay::PinPrompt);
    }

    /// `J`/`K` in the pins list: move the selected pin down or up.
    pub(super) fn shift_pin(&mut self, ctx: &Ctx, delta: isize) {
        let Some(id) = self.pins.selected_pin().map(|p| p.id.clone()) else {
            return;
        };
        if let Err(e) = self.pins.store.shift(&id, delta) {
            self.message = Some(e.0);
        }
        self.pins.selected = self.pins.store.position(&id).unwrap_or(self.pins.selected);
        self.pins_changed(ctx);
    }

    /// `d` in the pins list: delete the selected pin (`u` brings it back).
    pub(super) fn delete_pin(&mut self, ctx: &Ctx) {
        let Some(p) = self.pins.selected_pin() else {
            return;
        };
        let (id, what) = (p.id.clone(), short(p.label(), 40));
        let r = self.pins.store.remove(&id);
        self.pins_changed(ctx);
        self.message = Some(match r {
            Ok(()) => format!("deleted the pin “{what}” · u undoes"),
            Err(e) => e.0,
        });
    }

    /// `u` in the pins list: bring back the pin deleted last.
    pub(super) fn undo_pin(&mut self, ctx: &Ctx) {
        match self.pins.store.undo_remove() {
            Ok(Some(id)) => {
                self.pins.selected = self.pins.store.position(&id).unwrap_or(0);
                self.message = Some("pin restored".into());
            }
            Ok(None) => self.message = Some("nothing to undo".into()),
            Err(e) => self.message = Some(e.0),
        }
        self.pins_changed(ctx);
    }

    /// `Enter` in the pins list: go to the pin (a jump).
    pub(super) fn confirm_pin_row(&mut self, ctx: &Ctx) {
        let Some((kind, place)) = self
            .pins
            .selected_pin()
            .map(|p| (p.kind, self.pins.place_of(p).cloned()))
        else {
            return;
        };
        let Some(index) = ctx.index else {
            self.message = Some("pins are placed once the analysis is done: a moment".into());
            return;
        };
        match place {
            Some(Resolved::Text { doc, range, .. }) => {
                self.overlays.close_top();
                self.jump(ctx, doc, range.start);
                self.reader.claim = crate::pins::claim_at(index, doc, &range);
                if kind == PinKind::Event
                    && let Some(ev) = crate::pins::event_at(index, doc, &range)
                {
                    self.timeline.event = index.timeline.iter().position(|&t| t == ev);
                }
            }
            Some(Resolved::Entity { entity, at }) => {
                self.overlays.close_top();
                self.choose_entity(ctx, entity);
                if let Some((doc, range)) = at {
                    self.jump(ctx, doc, range.start);
                }
            }
            Some(Resolved::Lost { why }) => {
                self.message = Some(format!("this pin is lost: {why}"));
            }
            None => self.message = Some("this pin is not placed yet".into()),
        }
    }
}

/// A prompt with `text` typed, for `purpose`.
fn p_with(text: &str, purpose: PromptFor) -> PinPrompt {
    PinPrompt {
        input: LineInput::new(text),
        purpose,
        error: None,
    }
}
