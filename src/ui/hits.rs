//! The hits list: a search's hits grouped by document (title, source,
//! date, count), each hit on a line of its context with the match marked;
//! the entity the query names comes first.

use super::document::entity_scope;
use super::{View, doc_meta, fit};
use crate::app::search::{Active, HitRow, HitRows};
use crate::text::display_width;
use crate::text::grapheme_width;
use crate::text::sanitize::sanitize;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;
use std::collections::HashMap;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

pub struct HitsOverlay<'a> {
    pub view: &'a View<'a>,
    pub active: &'a Active,
    pub selected: usize,
}

/// The last graphemes of `s` that fit in `width` cells (after its last
/// line break).
fn tail(s: &str, width: usize) -> String {
    let s = s.rsplit('\n').next().unwrap_or("");
    let mut parts = Vec::new();
    let mut w = 0;
    for g in s.graphemes(true).rev() {
        let gw = grapheme_width(g);
        if w + gw > width {
            break;
        }
        w += gw;
        parts.push(g);
    }
    parts.reverse();
    parts.concat()
}

/// One line of context around `range` of `text`, drawn at (x, y) in
/// `width` cells, the match in `mark`.
#[allow(clippy::too_many_arguments)]
pub fn draw_context(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    width: usize,
    text: &str,
    range: Range<usize>,
    base: Style,
    mark: Style,
) {
    let matched = sanitize(&text[range.clone()]).replace('\n', " ");
    let mw = display_width(&matched).min(width);
    let before_w = (width.saturating_sub(mw)) / 3;
    let before = tail(&sanitize(&text[..range.start]), before_w);
    let after = sanitize(&text[range.end..]);
    let after = after.split('\n').next().unwrap_or("");
    let mut cx = x;
    let end = x + width as u16;
    for (s, style) in [
        (before.as_str(), base),
        (matched.as_str(), mark),
        (after, base),
    ] {
        if cx >= end {
            break;
        }
        let s = fit(s, (end - cx) as usize);
        let sw = display_width(&s) as u16;
        buf.set_stringn(cx, y, &s, (end - cx) as usize, style);
        cx += sw;
    }
}

impl Widget for HitsOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (view, theme, active) = (self.view, self.view.theme, self.active);
        let hits = &active.hits;
        let r = crate::app::layout::wide_popup(area);
        let title = format!(
            " “{}” · {} hit{} in {} of {} documents · Enter go · q close ",
            hits.query.text,
            hits.total,
            if hits.total == 1 { "" } else { "s" },
            hits.docs.len(),
            view.docs.len()
        );
        let w = r.width.saturating_sub(2) as usize;
        let (popup, inner) = super::popup_frame(buf, r, theme, fit(&title, w));
        if inner.height == 0 || inner.width == 0 {
            return;
        }
        let rows = HitRows { active };
        if rows.is_empty() {
            buf.set_stringn(
                inner.x,
                inner.y,
                fit("no hits", w),
                w,
                popup.patch(theme.get("ui.text.dim")),
            );
            return;
        }
        let h = inner.height as usize;
        let first = crate::app::layout::centred_first(self.selected, rows.len(), h);
        let mark = popup.patch(theme.get("reader.search.match"));
        let mut cache: HashMap<usize, Vec<Range<usize>>> = HashMap::new();
        for (line, r) in (first..rows.len()).take(h).enumerate() {
            let y = inner.y + line as u16;
            let selected = r == self.selected;
            let mut base = popup;
            if selected {
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
            match rows.row(r) {
                Some(HitRow::Entity(e)) => {
                    let Some(index) = view.index else { continue };
                    let ent = &index.entities[e];
                    let head = format!("◆ {}", ent.name);
                    let rest = format!(
                        " · {} · {} mentions in {} documents · Enter: choose it",
                        ent.kind.label(),
                        ent.mentions.len(),
                        ent.per_doc.len()
                    );
                    let hs = fit(&head, w);
                    let hw = display_width(&hs);
                    buf.set_stringn(
                        inner.x,
                        y,
                        &hs,
                        w,
                        base.patch(theme.get(entity_scope(ent.kind))),
                    );
                    if hw < w {
                        buf.set_stringn(inner.x + hw as u16, y, fit(&rest, w - hw), w - hw, base);
                    }
                }
                Some(HitRow::Doc(i)) => {
                    let (d, n) = hits.docs[i];
                    let doc = &view.docs[d];
                    let (outlet, date) = doc_meta(view, d);
                    let mut right = format!(" {n} hit{}", if n == 1 { "" } else { "s" });
                    for part in [outlet, date] {
                        if !part.is_empty() {
                            right.push_str(" · ");
                            right.push_str(&part);
                        }
                    }
                    right.push(' ');
                    let rw = display_width(&right).min(w / 2);
                    let tw = w - rw;
                    buf.set_stringn(
                        inner.x,
                        y,
                        fit(&format!("▌{}", doc.title), tw),
                        tw,
                        base.patch(theme.get("ui.title")),
                    );
                    buf.set_stringn(
                        inner.x + tw as u16,
                        y,
                        fit(&right, rw),
                        rw,
                        base.patch(theme.get("ui.text.dim")),
                    );
                }
                Some(HitRow::Hit(i, k)) => {
                    let d = hits.docs[i].0;
                    let ranges = cache.entry(d).or_insert_with(|| {
                        view.search.map_or(Vec::new(), |s| {
                            s.doc_hits(&hits.query, d, &view.docs[d].text)
                        })
                    });
                    let Some(range) = ranges.get(k).cloned() else {
                        continue;
                    };
                    let cw = w.saturating_sub(3);
                    draw_context(
                        buf,
                        inner.x + 3,
                        y,
                        cw,
                        &view.docs[d].text,
                        range,
                        base,
                        mark,
                    );
                }
                None => {}
            }
        }
    }
}
