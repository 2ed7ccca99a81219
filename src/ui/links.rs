//! Overlays for following claims: a claim's links (source, relation,
//! score, what the link rests on, quote diff, conflict), and the list to
//! pick a document to compare.

use super::{View, centered, fit};
use crate::app::layout;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders, Clear, Widget};

pub struct LinksOverlay<'a> {
    pub view: &'a View<'a>,
    pub claim: usize,
    pub selected: usize,
}

/// The rows a link takes in the overlay: its head, the other claim (two
/// lines at most), what it rests on, and its whole diff or its conflict.
fn link_rows(l: &crate::analysis::links::Link, w: usize) -> usize {
    let extra = if !l.diff.is_empty() {
        super::diff::diff_lines(&l.diff, w.saturating_sub(2)).len()
    } else {
        usize::from(l.conflict.is_some())
    };
    1 + 2 + 1 + extra
}

impl Widget for LinksOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (view, theme) = (self.view, self.view.theme);
        let Some(index) = view.index else { return };
        let claim = &index.claims[self.claim];
        let links = &index.links[self.claim];
        let width = area.width.saturating_sub(4).min(110);
        let w = width.saturating_sub(2) as usize;
        let heights: Vec<usize> = links.iter().map(|l| link_rows(l, w)).collect();
        let want = 4 + heights.iter().sum::<usize>() as u16 + 2;
        let r = centered(area, width, area.height.saturating_sub(2).min(want));
        Clear.render(r, buf);
        let popup = theme.get("ui.text").patch(theme.get("ui.popup"));
        buf.set_style(r, popup);
        let n = index.sources[self.claim];
        let title = format!(
            " {} · {n} independent source{} · Enter go · c compare · q close ",
            claim.kind.label(),
            if n == 1 { "" } else { "s" }
        );
        Block::default()
            .borders(Borders::ALL)
            .border_style(theme.get("ui.border.focused"))
            .title(Span::styled(
                fit(&title, r.width.saturating_sub(2) as usize),
                theme.get("ui.title"),
            ))
            .render(r, buf);
        let inner = layout::inner(r);
        if inner.width == 0 || inner.height == 0 {
            // Only the frame fits (a terminal 1–3 rows high).
            return;
        }
        let text = &view.docs[claim.doc].text[claim.range.clone()];
        let mut y = inner.y;
        for chunk in super::wrap_plain(text, w).into_iter().take(2) {
            if y >= inner.bottom() {
                break;
            }
            buf.set_stringn(
                inner.x,
                y,
                chunk,
                w,
                popup.patch(theme.get("markup.strong")),
            );
            y += 1;
        }
        y += 1;
        // Keep the selected link in view: start from the link that lets
        // the selected one end on screen.
        let room = inner.bottom().saturating_sub(y) as usize;
        let mut first = self.selected.min(links.len().saturating_sub(1));
        let mut used = heights.get(first).copied().unwrap_or(0);
        while first > 0 && used + heights[first - 1] <= room {
            first -= 1;
            used += heights[first];
        }
        for (i, l) in links.iter().enumerate().skip(first) {
            if y >= inner.bottom() {
                break;
            }
            let to = &index.claims[l.to];
            let d = &view.docs[to.doc];
            let sel = i == self.selected;
            let mut head_style = popup.patch(theme.get("reader.gutter.linked"));
            if sel {
                head_style = head_style.patch(theme.get("ui.selection"));
                buf.set_style(
                    Rect {
                        x: inner.x,
                        y,
                        width: inner.width,
                        height: 1,
                    },
                    head_style,
                );
            }
            let dup = if l.duplicate {
                " · copy of this article (not independent)"
            } else {
                ""
            };
            let head = format!(
                "{} {} · {:.2} · {}{dup}",
                if sel { "▸" } else { " " },
                l.relation.label(),
                l.score,
                crate::label::label(view.docs, Some(index), to.doc)
            );
            buf.set_stringn(inner.x, y, fit(&head, w), w, head_style);
            y += 1;
            for chunk in super::wrap_plain(&d.text[to.range.clone()], w.saturating_sub(2))
                .into_iter()
                .take(2)
            {
                if y >= inner.bottom() {
                    break;
                }
                buf.set_stringn(inner.x + 2, y, chunk, w.saturating_sub(2), popup);
                y += 1;
            }
            if y >= inner.bottom() {
                break;
            }
            let basis = index.explain(view.docs, self.claim, l.to);
            buf.set_stringn(
                inner.x + 2,
                y,
                fit(
                    &format!("rests on {}", basis.summary()),
                    w.saturating_sub(2),
                ),
                w.saturating_sub(2),
                popup.patch(theme.get("ui.text.dim")),
            );
            y += 1;
            if y >= inner.bottom() {
                break;
            }
            if !l.diff.is_empty() {
                let rows = inner.bottom().saturating_sub(y) as usize;
                let used = super::diff::draw(
                    buf,
                    (inner.x + 2, y),
                    (w.saturating_sub(2), rows),
                    view,
                    popup,
                    &l.diff,
                );
                y += used.min(rows) as u16;
            } else if let Some(c) = &l.conflict {
                buf.set_stringn(
                    inner.x + 2,
                    y,
                    fit(&format!("⚠ {c}"), w.saturating_sub(2)),
                    w.saturating_sub(2),
                    popup.patch(theme.get("ui.warning")),
                );
                y += 1;
            }
        }
    }
}

pub struct PickerOverlay<'a> {
    pub view: &'a View<'a>,
    pub selected: usize,
    pub current: usize,
}

impl Widget for PickerOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (view, theme) = (self.view, self.view.theme);
        let r = crate::app::layout::picker_popup(area, view.docs.len());
        let (popup, inner) =
            super::popup_frame(buf, r, theme, " Compare with… (Enter) ".to_string());
        let w = inner.width as usize;
        let h = inner.height as usize;
        let first = crate::app::layout::list_first(self.selected, h);
        for (row, i) in (0..view.docs.len()).skip(first).take(h).enumerate() {
            let y = inner.y + row as u16;
            let mut style = if i == self.current {
                popup.patch(theme.get("ui.text.dim"))
            } else {
                popup
            };
            if i == self.selected {
                style = style.patch(theme.get("ui.selection"));
                buf.set_style(
                    Rect {
                        y,
                        height: 1,
                        ..inner
                    },
                    style,
                );
            }
            let links = view.index.map_or(0, |ix| {
                ix.doc_claims(self.current)
                    .iter()
                    .map(|c| {
                        ix.links[c.id]
                            .iter()
                            .filter(|l| ix.claims[l.to].doc == i)
                            .count()
                    })
                    .sum::<usize>()
            });
            let note = if i == self.current {
                " (this document)".to_string()
            } else if links > 0 {
                format!(" · {links} links")
            } else {
                String::new()
            };
            let name = crate::label::label(view.docs, view.index, i);
            buf.set_stringn(inner.x, y, fit(&format!("{name}{note}"), w), w, style);
        }
    }
}
