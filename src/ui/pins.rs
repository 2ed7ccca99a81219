//! The pins list (`P`): each pin with its kind, its words and its note,
//! the selected one's source and whole text below, where the pins are
//! saved (or where the briefing was written) at the bottom; and the one
//! line prompt for a note, a file name or a question, on the bottom line.

use super::{View, doc_meta, fit, wrap_plain};
use crate::app::AppState;
use crate::app::pins::{PinPrompt, PromptFor};
use crate::pins::{Pin, PinKind, Resolved};
use crate::search::finder::plain;
use crate::text::display_width;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::widgets::Widget;

pub struct PinsOverlay<'a> {
    pub state: &'a AppState,
    pub view: &'a View<'a>,
}

/// The sentence of `doc` around byte `pos`, when the analysis is there.
fn sentence(view: &View, doc: usize, pos: usize) -> Option<String> {
    let a = view.index?.docs.get(doc)?;
    let s = a.sentence_at(pos)?;
    Some(plain(&view.docs[doc].text[a.sentences[s].clone()]))
}

/// How a pin reads in the list: its kind and its text.
pub fn pin_text(view: &View, pin: &Pin, place: Option<&Resolved>) -> (String, String) {
    let words = pin
        .anchor
        .as_ref()
        .map(|a| plain(&a.text))
        .unwrap_or_default();
    let at = place.and_then(Resolved::place);
    let text = match pin.kind {
        PinKind::Claim => words,
        PinKind::Entity => {
            let name = pin.entity.clone().unwrap_or_default();
            match (place, view.index) {
                (Some(Resolved::Entity { entity, .. }), Some(ix)) => {
                    let e = &ix.entities[*entity];
                    format!(
                        "{} · {} · {} mentions in {} documents",
                        e.name,
                        e.kind.label(),
                        e.mentions.len(),
                        e.per_doc.len()
                    )
                }
                _ => name,
            }
        }
        PinKind::Event => {
            let date = pin.date.clone().unwrap_or_else(|| "date unknown".into());
            let s = at.and_then(|(d, r)| sentence(view, d, r.start));
            match s {
                Some(s) => format!("{date} · “{words}” · {s}"),
                None => format!("{date} · “{words}”"),
            }
        }
        PinKind::SearchHit => {
            let q = pin.query.clone().unwrap_or_default();
            let s = at.and_then(|(d, r)| sentence(view, d, r.start));
            format!("“{q}” · {}", s.unwrap_or(words))
        }
    };
    let kind = if pin.lost || place.is_some_and(Resolved::is_lost) {
        "LOST".to_string()
    } else {
        match pin.kind {
            PinKind::SearchHit => "hit".to_string(),
            k => k.label().to_string(),
        }
    };
    (kind, text)
}

/// Where a pin is, in words: the document's title, outlet and date, or
/// why it is lost.
fn where_line(view: &View, pin: &Pin, place: Option<&Resolved>) -> String {
    match place {
        Some(Resolved::Lost { why }) => format!("lost: {why}"),
        Some(r) => match r.place() {
            Some((d, _)) => {
                let (outlet, date) = doc_meta(view, d);
                let mut s = format!("{} · {}", view.docs[d].slug, plain(&view.docs[d].title));
                for part in [outlet, date] {
                    if !part.is_empty() {
                        s.push_str(" · ");
                        s.push_str(&part);
                    }
                }
                s
            }
            None => "the entity, anywhere in the corpus".to_string(),
        },
        None => match &pin.anchor {
            Some(a) => format!("{} (placed once the analysis is done)", a.path),
            None => "placed once the analysis is done".to_string(),
        },
    }
}

impl Widget for PinsOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (state, view, theme) = (self.state, self.view, self.view.theme);
        let pins = state.pins.pins();
        let r = crate::app::layout::wide_popup(area);
        let title = format!(
            " Pins ({}) · Enter go · J/K move · e note · d del · u undo · w briefing · q close ",
            pins.len()
        );
        let (popup, inner) = super::popup_frame(
            buf,
            r,
            theme,
            fit(&title, r.width.saturating_sub(2) as usize),
        );
        if inner.height == 0 || inner.width == 0 {
            return;
        }
        let w = inner.width as usize;
        let dim = popup.patch(theme.get("ui.text.dim"));
        // The last line: where the pins are kept, or the briefing written.
        let footer = match (&state.pins.written, state.pins.store.path()) {
            (Some(p), _) => format!("briefing written to {}", p.display()),
            (None, Some(p)) => format!("saved in {}", p.display()),
            (None, None) => "not saved (no data folder)".to_string(),
        };
        let footer = match state.pins.store.read_only() {
            Some(why) => format!("read only: {why}"),
            None => footer,
        };
        let footer_style = if state.pins.store.read_only().is_some() {
            popup.patch(theme.get("ui.warning"))
        } else {
            dim
        };
        buf.set_stringn(
            inner.x,
            inner.bottom() - 1,
            fit(&footer, w),
            w,
            footer_style,
        );
        let body_h = inner.height.saturating_sub(1);
        if pins.is_empty() {
            for (k, line) in wrap_plain(
                "Nothing is pinned yet. Press p on a claim (} and { move between claims), \
                 an event of the timeline, an entity, a search hit or a row of a card, \
                 type a note if you like, and Enter.",
                w,
            )
            .into_iter()
            .take(body_h as usize)
            .enumerate()
            {
                buf.set_stringn(inner.x, inner.y + k as u16, line, w, dim);
            }
            return;
        }
        // The selected pin's source and whole text below the list.
        let list_h = crate::app::layout::pins_list_height(inner) as usize;
        let detail = body_h - list_h as u16;
        // Lines: each pin, then its note when it has one.
        let mut lines: Vec<(usize, bool)> = Vec::new();
        for (i, p) in pins.iter().enumerate() {
            lines.push((i, false));
            if !p.note.is_empty() {
                lines.push((i, true));
            }
        }
        let sel = state.pins.selected.min(pins.len() - 1);
        let sel_line = lines.iter().position(|&(i, _)| i == sel).unwrap_or(0);
        let first = crate::app::layout::centred_first(sel_line, lines.len(), list_h);
        let kind_w = 6;
        for (row, &(i, note)) in lines.iter().skip(first).take(list_h).enumerate() {
            let y = inner.y + row as u16;
            let pin = &pins[i];
            let place = state.pins.place_of(pin);
            let mut base = popup;
            if i == sel {
                base = base.patch(theme.get("ui.selection"));
                buf.set_style(
                    Rect {
                        y,
                        height: 1,
                        ..inner
                    },
                    base,
                );
            }
            if note {
                let s = fit(&format!("✎ {}", pin.note), w.saturating_sub(kind_w + 4));
                buf.set_stringn(
                    inner.x + kind_w as u16 + 4,
                    y,
                    s,
                    w.saturating_sub(kind_w + 4),
                    base.patch(theme.get("ui.help.key")),
                );
                continue;
            }
            let (kind, text) = pin_text(view, pin, place);
            let num = format!("{:>2}", i + 1);
            buf.set_stringn(inner.x, y, &num, w, base.patch(theme.get("ui.text.dim")));
            let kind_style = if kind == "LOST" {
                base.patch(theme.get("ui.error"))
            } else {
                base.patch(theme.get("ui.title"))
            };
            if w > 4 {
                buf.set_stringn(inner.x + 3, y, fit(&kind, kind_w), w - 3, kind_style);
            }
            let tx = kind_w + 4;
            if w > tx {
                buf.set_stringn(inner.x + tx as u16, y, fit(&text, w - tx), w - tx, base);
            }
        }
        if detail == 0 {
            return;
        }
        let sep_y = inner.y + list_h as u16;
        buf.set_stringn(
            inner.x,
            sep_y,
            "─".repeat(w),
            w,
            popup.patch(theme.get("ui.border")),
        );
        let pin = &pins[sel];
        let place = state.pins.place_of(pin);
        let whr = where_line(view, pin, place);
        let lost = place.is_some_and(Resolved::is_lost) || pin.lost;
        buf.set_stringn(
            inner.x,
            sep_y + 1,
            fit(&whr, w),
            w,
            if lost {
                popup.patch(theme.get("ui.error"))
            } else {
                popup.patch(theme.get("ui.title"))
            },
        );
        let (_, text) = pin_text(view, pin, place);
        for (k, chunk) in wrap_plain(&text, w)
            .into_iter()
            .take(detail as usize - 2)
            .enumerate()
        {
            buf.set_stringn(inner.x, sep_y + 2 + k as u16, chunk, w, popup);
        }
    }
}

/// The prompt on the bottom line: a pin's note, a file name, or a
/// question.
pub struct PinPromptLine<'a> {
    pub prompt: &'a PinPrompt,
    pub view: &'a View<'a>,
}

impl Widget for PinPromptLine<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.height == 0 || area.width == 0 {
            return;
        }
        let theme = self.view.theme;
        let p = self.prompt;
        let row = Rect {
            y: area.bottom() - 1,
            height: 1,
            ..area
        };
        let base = theme.get("ui.text");
        buf.set_style(row, base);
        for x in row.left()..row.right() {
            buf[(x, row.y)].set_symbol(" ");
        }
        let (label, hint) = match &p.purpose {
            PromptFor::NewPin(pin, _) => (
                "note: ".to_string(),
                format!(
                    "pinning {} “{}” · Enter keep · Esc no note",
                    match pin.kind {
                        PinKind::SearchHit => "hit",
                        k => k.label(),
                    },
                    plain(pin.label())
                ),
            ),
            PromptFor::EditNote(_) => (
                "note: ".to_string(),
                "Enter keep · Esc cancel · Ctrl-u clear".to_string(),
            ),
            PromptFor::SavePath => (
                "write briefing to: ".to_string(),
                match std::env::current_dir() {
                    Ok(d) => format!("in {} · Enter write · Esc cancel", d.display()),
                    Err(_) => "Enter write · Esc cancel".to_string(),
                },
            ),
            PromptFor::Overwrite(path) => (
                format!("{} exists. Replace it? ", path.display()),
                "y replace · n keep it".to_string(),
            ),
        };
        let (hint, hint_style) = match &p.error {
            Some(e) => (e.clone(), base.patch(theme.get("ui.warning"))),
            None => (hint, base.patch(theme.get("ui.text.dim"))),
        };
        let width = row.width as usize;
        let label = fit(&label, width.saturating_sub(8).max(1));
        let lw = display_width(&label);
        buf.set_stringn(
            row.x,
            row.y,
            &label,
            width,
            base.patch(theme.get("ui.help.key")),
        );
        if p.asks() {
            let rest = width.saturating_sub(lw);
            if rest > 0 {
                buf.set_stringn(row.x + lw as u16, row.y, fit(&hint, rest), rest, hint_style);
            }
            return;
        }
        // The field, its end in view, the cursor as a reversed cell; the
        // hint on the right when there is room.
        let room = width.saturating_sub(lw + 1);
        // The field takes what its text needs (at least 20 cells), the hint
        // what is left when that is enough to read.
        let need = (display_width(&p.input.text) + 2).max(20).min(room);
        let hint_w = (display_width(&hint) + 1).min(room - need);
        let hint_w = if hint_w >= 12 { hint_w } else { 0 };
        let field_w = room - hint_w;
        let text = crate::text::sanitize::sanitize(&p.input.text);
        let before = crate::text::sanitize::sanitize(&p.input.text[..p.input.cursor]);
        let skip = display_width(&before).saturating_sub(field_w.saturating_sub(1));
        let mut shown = String::new();
        let mut cut = 0;
        let mut w = 0;
        let mut cursor_x = None;
        for (i, g) in
            unicode_segmentation::UnicodeSegmentation::grapheme_indices(text.as_ref(), true)
        {
            let gw = crate::text::grapheme_width(g);
            if cut < skip {
                cut += gw;
                continue;
            }
            if i == before.len() {
                cursor_x = Some(w);
            }
            if w + gw > field_w.saturating_sub(1) {
                break;
            }
            shown.push_str(g);
            w += gw;
        }
        let cursor_x = cursor_x.unwrap_or(w);
        let fx = row.x + lw as u16;
        buf.set_stringn(fx, row.y, &shown, field_w, base);
        if cursor_x < field_w {
            buf[(fx + cursor_x as u16, row.y)].set_style(base.add_modifier(Modifier::REVERSED));
        }
        if hint_w > 0 {
            buf.set_stringn(
                row.right() - hint_w as u16,
                row.y,
                fit(&hint, hint_w),
                hint_w,
                hint_style,
            );
        }
    }
}
