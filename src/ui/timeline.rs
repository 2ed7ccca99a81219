//! The timeline strip: a time axis over the corpus's dated events, one
//! marker per event coloured by its source document; the selected event's
//! date, words and sources below. Events of the current document are
//! emphasised; when an entity or claim is chosen, its events stand out and
//! the rest are dimmed. Events whose date nothing in their document fixes
//! ("Friday" in an undated article) share a last slot marked `?`.

use super::{View, fit, is_focused, pane_block};
use crate::app::layout::{self, slot_of, timeline_window};
use crate::app::{AppState, Pane};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::Span;
use ratatui::widgets::Widget;

pub struct Timeline<'a> {
    pub state: &'a AppState,
    pub view: &'a View<'a>,
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

impl Widget for Timeline<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (state, view, theme) = (self.state, self.view, self.view.theme);
        let text = theme.get("ui.text");
        let undated = view.index.map_or(0, |i| {
            i.timeline
                .iter()
                .rev()
                .take_while(|&&e| i.events[e].date.is_none())
                .count()
        });
        let count = view.index.map_or(0, |i| i.events.len()) - undated;
        let unknown = if undated > 0 {
            format!(", {undated} of unknown date")
        } else {
            String::new()
        };
        pane_block(theme, is_focused(state, Pane::Timeline))
            .title(Span::styled(
                format!(" Timeline ({count} dated events{unknown}) "),
                theme.get("ui.title"),
            ))
            .render(area, buf);
        let inner = layout::inner(area);
        if inner.height < 2 || inner.width < 4 {
            return;
        }
        let Some(index) = view.index else {
            buf.set_stringn(
                inner.x,
                inner.y,
                "analysing…",
                inner.width as usize,
                text.patch(theme.get("ui.text.dim")),
            );
            return;
        };
        if index.timeline.is_empty() {
            buf.set_stringn(
                inner.x,
                inner.y,
                fit("no dated events", inner.width as usize),
                inner.width as usize,
                text.patch(theme.get("ui.text.dim")),
            );
            return;
        }
        let sel_slot = state.timeline.event.map(|e| slot_of(index, e));
        let (first, shown, slot_w) =
            timeline_window(inner.width, index.timeline_slots.len(), sel_slot);
        // What the document pane has chosen picks the events to emphasise.
        let focus_sentence = state
            .reader
            .claim
            .map(|c| (index.claims[c].doc, index.claims[c].sentence));
        let entity = state.chosen_entity();
        let emphasised =
            |ev: usize| -> Option<bool> {
                let e = &index.events[ev];
                if let Some(fs) = focus_sentence {
                    return Some((e.doc, e.sentence) == fs);
                }
                if let Some(ent) = entity {
                    let s = &index.docs[e.doc].sentences[e.sentence];
                    return Some(index.doc_mentions(e.doc).iter().any(|m| {
                        m.entity == ent && s.start <= m.range.start && m.range.end <= s.end
                    }));
                }
                None
            };
        let marker_rows = inner.height.saturating_sub(2).clamp(1, 3);
        let mut last_label_end = 0u16;
        let mut prev: Option<(i32, Option<u8>)> = None;
        if first > 0 {
            buf.set_stringn(
                inner.x,
                inner.y + 1,
                "◀",
                1,
                text.patch(theme.get("ui.text.dim")),
            );
        }
        for k in 0..shown {
            let slot = first + k;
            let range = index.timeline_slots[slot].clone();
            let x = inner.x + k as u16 * slot_w;
            // Axis labels: the year when it changes, else the month; `?` for
            // the slot of unknown dates.
            let label = match index.events[index.timeline[range.start]].date {
                None => Some("?".to_string()),
                Some(date) => {
                    let label = match prev {
                        Some((y, _)) if y == date.year => match date.month {
                            Some(m) if prev.is_some_and(|p| p.1 != Some(m)) => {
                                Some(MONTHS[(m - 1) as usize].to_string())
                            }
                            _ => None,
                        },
                        _ => Some(date.year.to_string()),
                    };
                    prev = Some((date.year, date.month));
                    label
                }
            };
            if let Some(l) = label
                && x >= last_label_end
            {
                let lw = l.chars().count() as u16;
                if x + lw <= inner.right() {
                    buf.set_stringn(
                        x,
                        inner.y,
                        &l,
                        lw as usize,
                        text.patch(theme.get("reader.timeline.axis")),
                    );
                    last_label_end = x + lw + 1;
                }
            }
            // Markers, stacked.
            let selected = sel_slot == Some(slot);
            for (r, &tpos) in index.timeline[range.clone()]
                .iter()
                .enumerate()
                .take(marker_rows as usize)
            {
                let ev = &index.events[tpos];
                let glyph = if r + 1 == marker_rows as usize && range.len() > marker_rows as usize {
                    super::legend::MORE.0
                } else {
                    super::legend::shape(ev.precision())
                };
                let mut style = text.patch(theme.get(super::legend::source_scope(ev.doc)));
                if ev.doc == state.reader.doc {
                    style = style.add_modifier(Modifier::BOLD);
                }
                match emphasised(tpos) {
                    Some(true) => style = style.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                    Some(false) => style = style.add_modifier(Modifier::DIM),
                    None => {}
                }
                if selected {
                    style = style.patch(theme.get("reader.timeline.selected"));
                }
                buf.set_stringn(x, inner.y + 1 + r as u16, glyph, 1, style);
            }
        }
        if first + shown < index.timeline_slots.len() {
            buf.set_stringn(
                inner.right() - 1,
                inner.y + 1,
                "▶",
                1,
                text.patch(theme.get("ui.text.dim")),
            );
        }
        // The selected event.
        let info_y = inner.bottom() - 1;
        let w = inner.width as usize;
        let info = match state.timeline.event {
            Some(t) => {
                let ev = &index.events[index.timeline[t]];
                let d = &view.docs[ev.doc];
                let sentence = &d.text[index.docs[ev.doc].sentences[ev.sentence].clone()];
                let slot = &index.timeline_slots[slot_of(index, t)];
                let mut sources: Vec<String> = index.timeline[slot.clone()]
                    .iter()
                    .map(|&i| crate::label::short(view.docs, view.index, index.events[i].doc, 24))
                    .collect();
                sources.dedup();
                let words = d.text[ev.range.clone()].trim();
                match ev.date {
                    Some(date) => {
                        let end = ev.end.map_or(String::new(), |e| format!("–{}", e.iso()));
                        let q = ev
                            .qualifier
                            .map_or(String::new(), |q| format!(" ({q:?})").to_lowercase());
                        format!(
                            "{}{end}{q} · {words} · {} · “{sentence}”",
                            date.iso(),
                            sources.join(", "),
                        )
                    }
                    None => format!(
                        "{words}, date unknown · {} · “{sentence}”",
                        crate::label::short(view.docs, view.index, ev.doc, 24)
                    ),
                }
            }
            None => {
                "←/→ or h/l select an event (Tab to focus the strip) · Enter goes to its sentence"
                    .to_string()
            }
        };
        buf.set_stringn(
            inner.x,
            info_y,
            fit(&info, w),
            w,
            text.patch(theme.get(if state.timeline.event.is_some() {
                "reader.timeline.event"
            } else {
                "ui.text.dim"
            })),
        );
    }
}
