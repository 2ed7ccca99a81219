//! Compare view: two documents side by side, each scrolled where the state
//! says (the focused side has the thick border), the selected pair of
//! linked claims highlighted on both sides and pairs that stand on one row
//! joined by `══`. The strip below names the pair (`pair 2/7`), its
//! relation, score and independent sources, and the word diff of a quote
//! variant, wrapped; when the two are copies, which is fuller, its extra
//! passages marked. `Enter` shows the pair in full (the pair overlay).

use super::document::{Marks, Shown, render_doc};
use super::{View, centered, fit};
use crate::app::Action;
use crate::app::compare::{Compare, Side};
use crate::app::document::top_line_at;
use crate::app::keymap::Context;
use crate::app::layout;
use crate::app::pair::{PairRow, pair_rows};
use crate::app::{AppState, Keymap};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders, Widget};

pub struct CompareView<'a> {
    pub state: &'a AppState,
    pub view: &'a View<'a>,
    pub compare: &'a Compare,
}

/// The first key bound to `action` in the compare view, for hints.
fn key(keymap: &Keymap, action: Action) -> String {
    keymap
        .keys_for(Context::Compare, action)
        .into_iter()
        .next()
        .map(|k| k.trim_start_matches('<').trim_end_matches('>').to_string())
        .unwrap_or_else(|| "?".into())
}

impl Widget for CompareView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (state, view, c) = (self.state, self.view, self.compare);
        let theme = view.theme;
        let text = theme.get("ui.text");
        let (left, right, info) = layout::compare_panes(area);
        let rects = [left, right];
        let mut tops = [0usize; 2];
        let mut lines = Vec::new();
        for side in [Side::Left, Side::Right] {
            let i = side.i();
            let doc = c.doc(side);
            let col = layout::text_column(rects[i]);
            let l = view.wraps.get(doc, &view.docs[doc].text, col.width.max(1));
            tops[i] = top_line_at(&l, c.anchors[i]);
            let mut marks = Marks {
                added: c.missing[i].clone(),
                ..Marks::default()
            };
            if let Some(p) = c.pair
                && let Some(cl) = c.claim(p, side)
            {
                marks.selected_claims.push(cl);
            }
            render_doc(
                buf,
                rects[i],
                view,
                state,
                Shown {
                    doc,
                    top: tops[i],
                    focused: c.focus == side && state.overlays.is_empty(),
                },
                &marks,
            );
            lines.push(l);
        }
        let Some(index) = view.index else {
            return;
        };
        // Join pairs that stand on one row across the middle.
        let lcol = layout::text_column(left);
        let style = text.patch(theme.get("reader.gutter.linked"));
        for &(a, b) in &c.pairs {
            let row = |i: usize, cl: usize| {
                top_line_at(&lines[i], index.claims[cl].range.start) as isize - tops[i] as isize
            };
            let (lrow, rrow) = (row(0, a), row(1, b));
            if lrow == rrow
                && lrow >= 0
                && (lrow as u16) < lcol.height
                && left.width > 0
                && right.width > 0
            {
                let y = lcol.y + lrow as u16;
                buf.set_stringn(left.right() - 1, y, "═", 1, style);
                buf.set_stringn(right.x, y, "═", 1, style);
            }
        }
        if info.height == 0 {
            return;
        }
        let n = c.pairs.len();
        let at = c
            .pair
            .map_or_else(|| format!("{n} pairs"), |p| format!("pair {}/{n}", p + 1));
        let km = view.keymap;
        let title = format!(
            " {at} · {}/{} pairs · {} side · {} sync {} · {} whole pair · {} back ",
            key(km, Action::NextClaim),
            key(km, Action::PrevClaim),
            key(km, Action::FocusNext),
            key(km, Action::ToggleSync),
            if c.sync { "on" } else { "off" },
            key(km, Action::Confirm),
            key(km, Action::Close),
        );
        Block::default()
            .borders(Borders::TOP)
            .border_style(theme.get("ui.border"))
            .title(Span::styled(
                fit(&title, info.width as usize),
                theme.get("ui.title"),
            ))
            .render(info, buf);
        let w = info.width as usize;
        let mut y = info.y + 1;
        let bottom = info.bottom();
        let put = |buf: &mut Buffer, y: u16, s: &str, scope: &str| {
            buf.set_stringn(info.x, y, fit(s, w), w, text.patch(theme.get(scope)));
        };
        if let Some(d) = index
            .duplicates
            .iter()
            .find(|d| (d.a == c.left && d.b == c.right) || (d.a == c.right && d.b == c.left))
        {
            let fi = if d.fuller == c.left { 0 } else { 1 };
            let (side, other) = if fi == 0 {
                ("left", "right")
            } else {
                ("right", "left")
            };
            let k = c.missing[fi].len();
            let msg = format!(
                "copies: the {side} is fuller ({:.0}% of the {other} is in it); {k} passage{} only it has {} marked",
                d.overlap * 100.0,
                if k == 1 { "" } else { "s" },
                if k == 1 { "is" } else { "are" },
            );
            put(buf, y, &msg, "ui.warning");
            y += 1;
        }
        if y >= bottom {
            return;
        }
        let Some(pair) = c.selected() else {
            let msg = if n == 0 {
                "no linked claims between these two documents".to_string()
            } else {
                format!(
                    "no pair selected · {} goes to the next of the {n} linked pairs",
                    key(km, Action::NextClaim)
                )
            };
            put(buf, y, &msg, "ui.text.dim");
            return;
        };
        // The pair's relation and its diff, wrapped; what does not fit is
        // in the pair overlay.
        let rows: Vec<PairRow> = pair_rows(view.docs, index, pair, w)
            .into_iter()
            .skip_while(|r| !matches!(r, PairRow::Head(_)))
            .filter(|r| *r != PairRow::Blank)
            .collect();
        let room = (bottom - y) as usize;
        let conflict = index.links[pair.0]
            .iter()
            .any(|l| l.to == pair.1 && l.conflict.is_some());
        for (i, r) in rows.iter().enumerate() {
            if y >= bottom {
                break;
            }
            if i + 1 == room && rows.len() > room {
                let more = rows.len() - i;
                put(
                    buf,
                    y,
                    &format!(
                        "… {more} more line{} · {} shows the pair in full",
                        if more == 1 { "" } else { "s" },
                        key(km, Action::Confirm)
                    ),
                    "ui.text.dim",
                );
                break;
            }
            match r {
                PairRow::Head(s) => {
                    let scope = if conflict {
                        "ui.warning"
                    } else {
                        "reader.gutter.linked"
                    };
                    put(buf, y, s, scope)
                }
                PairRow::Conflict(s) => put(buf, y, s, "ui.warning"),
                PairRow::Diff(words) => {
                    super::diff::draw_line(buf, (info.x, y), w, view, text, words)
                }
                PairRow::Label(s) | PairRow::Text(s) => put(buf, y, s, "ui.text"),
                PairRow::Blank => {}
            }
            y += 1;
        }
    }
}

/// The selected pair in full: both claims under their documents' names,
/// the relation, and the whole diff; scrolls.
pub struct PairOverlay<'a> {
    pub view: &'a View<'a>,
    pub compare: &'a Compare,
    pub scroll: usize,
}

impl Widget for PairOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (view, theme) = (self.view, self.view.theme);
        let (Some(index), Some(pair)) = (view.index, self.compare.selected()) else {
            return;
        };
        let r = layout::pair_popup(area);
        let inner = layout::inner(r);
        let rows = pair_rows(view.docs, index, pair, inner.width as usize);
        let r = centered(area, r.width, (rows.len() as u16 + 2).min(r.height));
        let n = self.compare.pairs.len();
        let at = self.compare.pair.map_or(0, |p| p + 1);
        let (popup, inner) = super::popup_frame(
            buf,
            r,
            theme,
            format!(" pair {at}/{n} · j/k scroll · q back "),
        );
        let w = inner.width as usize;
        let scroll = self
            .scroll
            .min(rows.len().saturating_sub(inner.height as usize));
        for (i, row) in rows
            .iter()
            .skip(scroll)
            .take(inner.height as usize)
            .enumerate()
        {
            let y = inner.y + i as u16;
            let put = |buf: &mut Buffer, s: &str, scope: &str| {
                buf.set_stringn(inner.x, y, fit(s, w), w, popup.patch(theme.get(scope)));
            };
            match row {
                PairRow::Label(s) => put(buf, s, "ui.title"),
                PairRow::Text(s) => put(buf, s, "ui.popup"),
                PairRow::Head(s) => put(buf, s, "reader.gutter.linked"),
                PairRow::Conflict(s) => put(buf, s, "ui.warning"),
                PairRow::Diff(words) => {
                    super::diff::draw_line(buf, (inner.x, y), w, view, popup, words)
                }
                PairRow::Blank => {}
            }
        }
    }
}
