//! The fuzzy finder: the query on top, the ranked matches with the kind of
//! each row and its matched letters marked, and a preview of the selected
//! one (beside the list when there is room, else below it).

use super::document::entity_scope;
use super::{View, fit, wrap_plain};
use crate::app::AppState;
use crate::search::finder::{self, FinderIndex, Target, doc_line};
use crate::text::display_width;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

pub struct FinderOverlay<'a> {
    pub state: &'a AppState,
    pub view: &'a View<'a>,
}

/// The kind of a row, as shown, and its theme scope.
fn kind(view: &View, t: Target) -> (&'static str, &'static str) {
    match t {
        Target::Document(_) => ("doc", "ui.title"),
        Target::Entity(e) => match view.index.map(|i| i.entities[e].kind) {
            Some(k) => (k.label(), entity_scope(k)),
            None => ("entity", "ui.text"),
        },
        Target::Claim(_) => ("claim", "reader.gutter.linked"),
        Target::Event(_) => ("date", "reader.date"),
    }
}

/// What follows a row's text, dimmed.
fn extra(view: &View, items: &FinderIndex, t: Target) -> String {
    let Some(ix) = view.index else {
        return String::new();
    };
    match t {
        Target::Document(_) => String::new(),
        Target::Entity(e) => format!(" · {} mentions", ix.entities[e].mentions.len()),
        Target::Claim(c) => match ix.sources[c] {
            1 => " · single source".to_string(),
            n => format!(" · {n} sources"),
        },
        Target::Event(i) => match items.event_groups.get(&i).map_or(1, Vec::len) {
            1 => format!(" · {}", view.docs[ix.events[i].doc].slug),
            n => format!(" · {n} documents"),
        },
    }
}

/// The preview of an item: lines of (text, scope).
fn preview(view: &View, items: &FinderIndex, t: Target) -> Vec<(String, &'static str)> {
    let mut out: Vec<(String, &'static str)> = Vec::new();
    let docs = view.docs;
    match (t, view.index) {
        (Target::Document(d), ix) => {
            out.push((doc_line(docs, ix, d), "ui.title"));
            out.push((docs[d].display_path.clone(), "ui.text.dim"));
            if let Some(ix) = ix {
                out.push((
                    format!(
                        "{} claims · {} dated events",
                        ix.doc_claims(d).len(),
                        ix.doc_events(d).len()
                    ),
                    "ui.text.dim",
                ));
            }
            out.push((String::new(), "ui.text"));
            for line in docs[d]
                .text
                .lines()
                .filter(|l| !l.trim().is_empty())
                .skip(1)
            {
                out.push((line.to_string(), "ui.text"));
                if out.len() > 40 {
                    break;
                }
            }
        }
        (Target::Entity(e), Some(ix)) => {
            let ent = &ix.entities[e];
            out.push((format!("{} · {}", ent.name, ent.kind.label()), "ui.title"));
            if !ent.aliases.is_empty() {
                let a: Vec<&str> = ent.aliases.iter().map(|a| a.name.as_str()).collect();
                out.push((format!("also: {}", a.join(", ")), "ui.text"));
            }
            out.push((
                format!(
                    "{} mention{} in {} document{} · Enter: its card",
                    ent.mentions.len(),
                    if ent.mentions.len() == 1 { "" } else { "s" },
                    ent.per_doc.len(),
                    if ent.per_doc.len() == 1 { "" } else { "s" }
                ),
                "ui.text.dim",
            ));
            let mut per = ent.per_doc.clone();
            per.sort_by_key(|(d, n)| (std::cmp::Reverse(*n), *d));
            for (d, n) in per.iter().take(12) {
                out.push((
                    format!("{n:>4}  {}", doc_line(docs, Some(ix), *d)),
                    "ui.text",
                ));
            }
        }
        (Target::Claim(c), Some(ix)) => {
            let claim = &ix.claims[c];
            out.push((doc_line(docs, Some(ix), claim.doc), "ui.title"));
            let n = ix.sources[c];
            out.push((
                format!(
                    "{} claim · {}",
                    claim.kind.label(),
                    if n > 1 {
                        format!("{n} independent sources")
                    } else {
                        "single source".to_string()
                    }
                ),
                "ui.text.dim",
            ));
            out.push((String::new(), "ui.text"));
            out.push((
                docs[claim.doc].text[claim.range.clone()].to_string(),
                "ui.text",
            ));
            for l in ix.links[c].iter().take(6) {
                let to = &ix.claims[l.to];
                out.push((
                    format!(
                        "{} · {}",
                        l.relation.label(),
                        doc_line(docs, Some(ix), to.doc)
                    ),
                    "reader.gutter.linked",
                ));
            }
        }
        (Target::Event(i), Some(ix)) => {
            let ev = &ix.events[i];
            out.push((ev.label(" – "), "reader.date"));
            out.push((doc_line(docs, Some(ix), ev.doc), "ui.title"));
            out.push((String::new(), "ui.text"));
            let s = &ix.docs[ev.doc].sentences[ev.sentence];
            out.push((docs[ev.doc].text[s.clone()].to_string(), "ui.text"));
            let group = items.event_groups.get(&i).map_or(&[][..], Vec::as_slice);
            if group.len() > 1 {
                out.push((String::new(), "ui.text"));
                out.push((format!("in {} documents:", group.len()), "ui.text.dim"));
                for &g in group.iter().take(20) {
                    out.push((doc_line(docs, Some(ix), ix.events[g].doc), "ui.text"));
                }
            }
        }
        _ => {}
    }
    out
}

/// Draw `text` at (x, y) in `w` cells, the characters at `marks` (indices
/// of characters) in `mark`.
#[allow(clippy::too_many_arguments)]
fn draw_marked(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    w: usize,
    text: &str,
    marks: &[u32],
    base: Style,
    mark: Style,
) -> usize {
    let mut cx = 0usize;
    // Long texts whose first match is far in start just before it.
    let skip = match marks.first() {
        Some(&m) if m as usize > w / 2 => {
            // From the start of a word, a little before the first match.
            let chars: Vec<char> = text.chars().collect();
            let from = m as usize - w / 4;
            chars[..from]
                .iter()
                .rposition(|c| c.is_whitespace())
                .map_or(from, |i| i + 1)
        }
        _ => 0,
    };
    if skip > 0 && w > 1 {
        buf.set_stringn(x, y, "…", 1, base);
        cx = 1;
    }
    for (i, c) in text.chars().enumerate().skip(skip) {
        let s = super::fit(&c.to_string(), 2);
        let cw = display_width(&s);
        if cx + cw > w {
            break;
        }
        let style = if marks.binary_search(&(i as u32)).is_ok() {
            mark
        } else {
            base
        };
        buf.set_stringn(x + cx as u16, y, &s, cw, style);
        cx += cw;
    }
    cx
}

impl Widget for FinderOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (state, view, theme) = (self.state, self.view, self.view.theme);
        let Some(items): Option<&FinderIndex> = state.finder_items(view.finder) else {
            return;
        };
        let r = super::centered(
            area,
            area.width.saturating_sub(2).min(150),
            area.height.saturating_sub(2),
        );
        let what = if items.analysed {
            "documents, entities, claims, dates"
        } else {
            "documents (the rest once analysed)"
        };
        let (popup, inner) = super::popup_frame(
            buf,
            r,
            theme,
            fit(
                &format!(" Find · {what} · Enter go · Esc close "),
                r.width.saturating_sub(2) as usize,
            ),
        );
        if inner.height < 3 || inner.width < 10 {
            return;
        }
        let w = inner.width as usize;
        let f = &state.finder;
        // The query line.
        let count = format!(" {} of {} ", f.matches.total, items.items.len());
        let cw = display_width(&count).min(w / 2);
        let qw = w - cw;
        let shown = fit(&format!("> {}", f.input.text), qw.saturating_sub(1));
        buf.set_stringn(
            inner.x,
            inner.y,
            &shown,
            qw,
            popup.patch(theme.get("ui.help.key")),
        );
        let cursor_x = inner.x
            + (display_width(&format!("> {}", &f.input.text[..f.input.cursor])) as u16)
                .min(qw.saturating_sub(1) as u16);
        buf[(cursor_x, inner.y)].set_style(popup.add_modifier(ratatui::style::Modifier::REVERSED));
        buf.set_stringn(
            inner.x + qw as u16,
            inner.y,
            &count,
            cw,
            popup.patch(theme.get("ui.text.dim")),
        );
        // List and preview.
        let body = Rect {
            y: inner.y + 1,
            height: inner.height - 1,
            ..inner
        };
        let side = body.width >= 100;
        let (list, prev) = if side {
            let lw = body.width * 3 / 5;
            (
                Rect { width: lw, ..body },
                Rect {
                    x: body.x + lw + 1,
                    width: body.width - lw - 1,
                    ..body
                },
            )
        } else {
            let lh = (body.height * 11 / 20).max(3).min(body.height);
            (
                Rect { height: lh, ..body },
                Rect {
                    y: body.y + lh,
                    height: body.height - lh,
                    ..body
                },
            )
        };
        let border = popup.patch(theme.get("ui.border"));
        if side {
            for y in body.y..body.bottom() {
                buf.set_stringn(prev.x - 1, y, "│", 1, border);
            }
        } else if prev.height > 0 {
            buf.set_stringn(prev.x, prev.y, "─".repeat(w), w, border);
        }
        let ranked = &f.matches.ranked;
        if ranked.is_empty() {
            buf.set_stringn(
                list.x,
                list.y,
                fit("nothing matches", list.width as usize),
                list.width as usize,
                popup.patch(theme.get("ui.text.dim")),
            );
        }
        let h = list.height as usize;
        let first = f.selected.saturating_sub(h.saturating_sub(1));
        let mark = popup.patch(theme.get("reader.search.match"));
        let lw = list.width as usize;
        for (row, &(i, _)) in ranked.iter().enumerate().skip(first).take(h) {
            let y = list.y + (row - first) as u16;
            let target = items.target(i);
            let text = items.text(i, view.docs, view.index);
            let mut base = popup;
            if row == f.selected {
                base = base.patch(theme.get("ui.selection"));
                buf.set_style(
                    Rect {
                        y,
                        height: 1,
                        ..list
                    },
                    base,
                );
            }
            let (label, scope) = kind(view, target);
            let tag = format!("{label:<7}");
            buf.set_stringn(list.x, y, &tag, lw, base.patch(theme.get(scope)));
            let tx = 8.min(lw);
            let extra = extra(view, items, target);
            let ew = display_width(&extra).min(lw.saturating_sub(tx) / 3);
            let text_w = lw.saturating_sub(tx + ew);
            let marks = if f.input.text.trim().is_empty() {
                Vec::new()
            } else {
                finder::matched_chars(items, &f.input.text, i, &text)
            };
            let used = draw_marked(
                buf,
                list.x + tx as u16,
                y,
                text_w,
                &text,
                &marks,
                base,
                mark,
            );
            if ew > 0 {
                buf.set_stringn(
                    list.x + (tx + used) as u16,
                    y,
                    fit(&extra, ew),
                    ew,
                    base.patch(theme.get("ui.text.dim")),
                );
            }
        }
        // The preview of the selected item.
        let Some(&(i, _)) = ranked.get(f.selected) else {
            return;
        };
        let top = if side { prev.y } else { prev.y + 1 };
        let pw = prev.width as usize;
        let mut y = top;
        for (text, scope) in preview(view, items, items.target(i)) {
            if text.is_empty() {
                y += 1;
                continue;
            }
            for chunk in wrap_plain(&text, pw) {
                if y >= prev.bottom() {
                    return;
                }
                buf.set_stringn(prev.x, y, &chunk, pw, popup.patch(theme.get(scope)));
                y += 1;
            }
        }
    }
}
