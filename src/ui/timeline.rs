//! The timeline strip: a time axis over the corpus's dated events, one
//! marker per event coloured by its source document; the selected event's
//! date, words and sources below. Events of the current document are
//! emphasised; when an entity or claim is chosen, its events stand out and
//! the rest are dimmed. Events whose date nothing in their document fixes
//! ("Friday" in an undated article) share a last column marked `?`. The
//! axis is evenly spaced (a column per date) or to scale (long gaps broken
//! and marked `≈`); background dates can be folded away. On short
//! terminals the strip is 3 rows without borders.

use super::{View, fit, fit_hint, is_focused, pane_block};
use crate::app::layout;
use crate::app::timeline::{Axis, axis, background_count};
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

/// The strip's title: the counts, what is folded, the axis mode.
fn title(state: &AppState, view: &View) -> String {
    let Some(i) = view.index else {
        return "Timeline".to_string();
    };
    let undated = i
        .timeline
        .iter()
        .rev()
        .take_while(|&&e| i.events[e].date.is_none())
        .count();
    let count = i.events.len() - undated;
    let mut t = format!("Timeline ({count} dated events");
    if undated > 0 {
        t.push_str(&format!(", {undated} of unknown date"));
    }
    t.push(')');
    if state.timeline.fold_background {
        t.push_str(&format!(" · {} background folded", background_count(i)));
    }
    if state.timeline.scaled {
        t.push_str(" · to scale");
    }
    t
}

impl Widget for Timeline<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (state, view, theme) = (self.state, self.view, self.view.theme);
        let text = theme.get("ui.text");
        let dim = text.patch(theme.get("ui.text.dim"));
        let focused = is_focused(state, Pane::Timeline);
        let compact = layout::timeline_compact(area);
        let title = title(state, view);
        if compact {
            // A rule above the markers stands in for the border.
            let (glyph, style) = if focused {
                ("━", theme.get("ui.border.focused"))
            } else {
                ("─", theme.get("ui.border"))
            };
            for x in area.x..area.right() {
                buf.set_stringn(x, area.y, glyph, 1, style);
            }
        } else {
            pane_block(theme, focused)
                .title(Span::styled(format!(" {title} "), theme.get("ui.title")))
                .render(area, buf);
        }
        let inner = layout::timeline_inner(area);
        if inner.height < 2 || inner.width < 4 {
            return;
        }
        let info_y = inner.bottom() - 1;
        let w = inner.width as usize;
        let Some(index) = view.index else {
            buf.set_stringn(inner.x, info_y, fit("analysing…", w), w, dim);
            return;
        };
        if index.timeline.is_empty() {
            buf.set_stringn(inner.x, info_y, fit("no dated events", w), w, dim);
            return;
        }
        let ax = axis(index, inner.width, &state.timeline);
        let marker_rows = if compact {
            1
        } else {
            inner.height.saturating_sub(2).clamp(1, 3)
        };
        draw_axis(state, view, &ax, inner, marker_rows, buf);
        // The selected event, else what to do.
        let info = match state.timeline.event {
            Some(t) => event_info(view, &ax, t),
            None if compact => format!(
                "{title} · Tab, then h/l select · Enter goes · T hides · a scale · B background"
            ),
            None => "←/→ or h/l select an event (Tab to focus the strip) · Enter goes to its \
                     sentence · T hides · a to scale · B folds background dates"
                .to_string(),
        };
        let info_style = if state.timeline.event.is_some() {
            text.patch(theme.get("reader.timeline.event"))
        } else {
            dim
        };
        let shown = if state.timeline.event.is_some() {
            fit(&info, w)
        } else {
            fit_hint(&info, w)
        };
        buf.set_stringn(inner.x, info_y, shown, w, info_style);
    }
}

/// Axis labels on the first row of `inner`, markers (stacked) below.
fn draw_axis(
    state: &AppState,
    view: &View,
    ax: &Axis,
    inner: Rect,
    marker_rows: u16,
    buf: &mut Buffer,
) {
    let Some(index) = view.index else { return };
    let theme = view.theme;
    let text = theme.get("ui.text");
    let dim = text.patch(theme.get("ui.text.dim"));
    // What the document pane has chosen picks the events to emphasise.
    let focus_sentence = state
        .reader
        .claim
        .map(|c| (index.claims[c].doc, index.claims[c].sentence));
    let entity = state.chosen_entity();
    let emphasised = |ev: usize| -> Option<bool> {
        let e = &index.events[ev];
        if let Some(fs) = focus_sentence {
            return Some((e.doc, e.sentence) == fs);
        }
        if let Some(ent) = entity {
            let s = &index.docs[e.doc].sentences[e.sentence];
            return Some(
                index
                    .doc_mentions(e.doc)
                    .iter()
                    .any(|m| m.entity == ent && s.start <= m.range.start && m.range.end <= s.end),
            );
        }
        None
    };
    let marker_y = inner.y + 1;
    if ax.more_left {
        buf.set_stringn(inner.x, marker_y, "◀", 1, dim);
    }
    let mut last_label_end = 0u16;
    let mut prev: Option<(i32, Option<u8>)> = None;
    for col in &ax.columns {
        let x = inner.x + col.x;
        if x >= inner.right() {
            continue;
        }
        if col.gap_before && col.x >= 2 {
            buf.set_stringn(x - 2, marker_y, super::legend::GAP.0, 1, dim);
        }
        // Axis labels: the year when it changes, else the month; `?` for
        // the column of unknown dates.
        let label = match index.events[index.timeline[col.events[0]]].date {
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
        let selected = state
            .timeline
            .event
            .is_some_and(|e| col.events.contains(&e));
        for (r, &tpos) in col.events.iter().enumerate().take(marker_rows as usize) {
            let ev = &index.events[index.timeline[tpos]];
            let glyph = if r + 1 == marker_rows as usize && col.events.len() > marker_rows as usize
            {
                super::legend::MORE.0
            } else {
                super::legend::shape(ev.precision())
            };
            let mut style = text.patch(theme.get(super::legend::source_scope(ev.doc)));
            if ev.doc == state.reader.doc {
                style = style.add_modifier(Modifier::BOLD);
            }
            match emphasised(index.timeline[tpos]) {
                Some(true) => style = style.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                Some(false) => style = style.add_modifier(Modifier::DIM),
                None => {}
            }
            if selected {
                style = style.patch(theme.get("reader.timeline.selected"));
            }
            buf.set_stringn(x, marker_y + r as u16, glyph, 1, style);
        }
    }
    if ax.more_right {
        buf.set_stringn(inner.right() - 1, marker_y, "▶", 1, dim);
    }
}

/// The selected event: date, words, the sources of its column, sentence.
fn event_info(view: &View, ax: &Axis, t: usize) -> String {
    let Some(index) = view.index else {
        return String::new();
    };
    let ev = &index.events[index.timeline[t]];
    let d = &view.docs[ev.doc];
    let sentence = &d.text[index.docs[ev.doc].sentences[ev.sentence].clone()];
    let column = ax.column_of(t).map_or(&[][..], |c| &c.events[..]);
    let mut sources: Vec<String> = Vec::new();
    for &p in column {
        let s = crate::label::short(
            view.docs,
            view.index,
            index.events[index.timeline[p]].doc,
            24,
        );
        if !sources.contains(&s) {
            sources.push(s);
        }
    }
    let stack = if column.len() > 1 {
        format!(" · {} events here: Enter lists them", column.len())
    } else {
        String::new()
    };
    let words = d.text[ev.range.clone()].trim();
    match ev.date {
        Some(date) => {
            let end = ev.end.map_or(String::new(), |e| format!("–{}", e.iso()));
            let q = ev
                .qualifier
                .map_or(String::new(), |q| format!(" ({q:?})").to_lowercase());
            format!(
                "{}{end}{q} · {words} · {}{stack} · “{sentence}”",
                date.iso(),
                sources.join(", "),
            )
        }
        None => format!(
            "{words}, date unknown · {}{stack} · “{sentence}”",
            crate::label::short(view.docs, view.index, ev.doc, 24)
        ),
    }
}

/// The events of a stacked column, one row each (Enter goes to one).
pub struct EventsOverlay<'a> {
    pub state: &'a AppState,
    pub view: &'a View<'a>,
    pub selected: usize,
}

impl Widget for EventsOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (state, view, theme) = (self.state, self.view, self.view.theme);
        let Some(index) = view.index else { return };
        let listed = &state.timeline.listed;
        let r = layout::events_popup(area, listed.len());
        let title = format!(
            " {} events in this column · Enter go · q close ",
            listed.len()
        );
        let (popup, inner) = super::popup_frame(
            buf,
            r,
            theme,
            fit(&title, r.width.saturating_sub(2) as usize),
        );
        let (w, h) = (inner.width as usize, inner.height as usize);
        if w == 0 || h == 0 {
            return;
        }
        let first = layout::list_first(self.selected, h);
        for (row, (i, &t)) in listed.iter().enumerate().skip(first).take(h).enumerate() {
            let y = inner.y + row as u16;
            let ev = &index.events[index.timeline[t]];
            let d = &view.docs[ev.doc];
            let sentence = &d.text[index.docs[ev.doc].sentences[ev.sentence].clone()];
            let line = format!(
                "{} · {} · {} · “{}”",
                ev.label("–"),
                d.text[ev.range.clone()].trim(),
                crate::label::short(view.docs, view.index, ev.doc, 24),
                sentence.trim()
            );
            let mut style = popup.patch(theme.get(super::legend::source_scope(ev.doc)));
            if i == self.selected {
                style = popup.patch(theme.get("ui.selection"));
                buf.set_style(
                    Rect {
                        y,
                        height: 1,
                        ..inner
                    },
                    style,
                );
            }
            buf.set_stringn(inner.x, y, fit(&line, w), w, style);
        }
    }
}
