//! The corroboration view, full screen: statements as rows (the count of
//! independent sources, then the statement's text), sources as columns
//! grouped by outlet (outlet, then document, in two header rows), and in
//! each cell the legend's mark for what that source does with the
//! statement. Only the visible rows and columns are drawn. Under the rows,
//! the selected cell in words: the source, what its mark means, and its
//! claim.

use super::legend;
use super::{View, fit};
use crate::app::Action;
use crate::app::corroboration::{Column, Corroboration, Mark, Row};
use crate::app::keymap::Context;
use crate::label;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders, Clear, Widget};

pub struct CorroborationView<'a> {
    pub view: &'a View<'a>,
    pub state: &'a Corroboration,
    /// The screen.
    pub size: Rect,
}

/// A claim's text on one line.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first key bound to `action` in the view, for hints.
fn key(view: &View, action: Action) -> String {
    view.keymap
        .keys_for(Context::Corroboration, action)
        .into_iter()
        .next()
        .map(|k| k.trim_start_matches('<').trim_end_matches('>').to_string())
        .unwrap_or_else(|| "?".into())
}

/// The first of `len` items shown in a window of `fit` that keeps `sel`
/// in view, starting from `top` when it can.
fn window(top: usize, sel: usize, fit: usize, len: usize) -> usize {
    let fit = fit.max(1);
    let mut t = top.min(sel);
    if sel >= t + fit {
        t = sel + 1 - fit;
    }
    t.min(len.saturating_sub(fit))
}

/// A column's outlet, as a header says it.
fn outlet_name(c: &Column) -> &str {
    c.outlet.as_deref().unwrap_or("no outlet")
}

/// `s` centred in `w` cells.
fn centre(s: &str, w: usize) -> String {
    let n = crate::text::display_width(s);
    let pad = w.saturating_sub(n) / 2;
    format!("{}{s}", " ".repeat(pad))
}

impl CorroborationView<'_> {
    /// The text of a cell: its mark, with the count of documents when
    /// outlets are collapsed.
    fn cell_text(&self, row: &Row, col: &Column) -> (String, Mark) {
        let (mark, n) = row.column(&col.docs);
        let (sym, _) = legend::cell(mark);
        let s = if self.state.collapsed && n > 0 {
            format!("{n}{sym}")
        } else {
            sym.to_string()
        };
        (s, mark)
    }

    fn title(&self, index: &crate::index::Index, first: usize, shown: usize) -> String {
        let v = self.state;
        let n = v.shown.len();
        let mut t = format!(
            " Who says what · {n} statement{}",
            if n == 1 { "" } else { "s" }
        );
        if let Some(e) = v.entity.and_then(|e| index.entities.get(e)) {
            t.push_str(&format!(" about {}", e.name));
        }
        if v.single {
            t.push_str(" · single-source only");
        }
        let what = if v.collapsed { "outlets" } else { "sources" };
        if shown < v.columns.len() {
            t.push_str(&format!(
                " · {what} {}–{} of {}",
                first + 1,
                first + shown,
                v.columns.len()
            ));
        } else {
            t.push_str(&format!(" · {} {what}", v.columns.len()));
        }
        t.push(' ');
        t
    }

    fn hints(&self) -> String {
        let view = self.view;
        format!(
            " {} open · {} entity · {} single-source · {} outlets · {}/{} sources · {} close ",
            key(view, Action::Confirm),
            key(view, Action::FilterEntity),
            key(view, Action::SingleSource),
            key(view, Action::CollapseOutlets),
            key(view, Action::Left),
            key(view, Action::Right),
            key(view, Action::Close),
        )
    }
}

impl Widget for CorroborationView<'_> {
    fn render(self, _area: Rect, buf: &mut Buffer) {
        let (view, v) = (self.view, self.state);
        let Some(index) = view.index else { return };
        let theme = view.theme;
        let g = v.geometry(self.size);
        if g.area.width < 8 || g.area.height < 4 {
            return;
        }
        Clear.render(g.area, buf);
        let base = theme.get("ui.text").patch(theme.get("ui.popup"));
        buf.set_style(g.area, base);
        let left = window(v.left, v.col, g.fit, v.columns.len());
        let cols: Vec<usize> = (left..v.columns.len()).take(g.fit).collect();
        let inner_w = g.area.width.saturating_sub(2) as usize;
        Block::default()
            .borders(Borders::ALL)
            .border_style(theme.get("ui.border.focused"))
            .title(Span::styled(
                fit(&self.title(index, left, cols.len()), inner_w),
                theme.get("ui.title"),
            ))
            .title_bottom(Span::styled(
                fit(&self.hints(), inner_w),
                theme.get("ui.text.dim"),
            ))
            .render(g.area, buf);
        let x0 = g.header.x;
        let cw = g.col_w as usize;
        let cell_x = |i: usize| g.cells_x + (i as u16) * g.col_w;
        let current = theme.get("reader.cell.current");
        // The header: outlets over their documents' columns, then the
        // documents (or, collapsed, how many each outlet has).
        if g.header.height >= 1 {
            let y = g.header.y;
            buf.set_string(
                x0,
                y,
                fit(" n statement", (g.count_w + g.text_w) as usize),
                theme.get("ui.title"),
            );
            let mut i = 0;
            while i < cols.len() {
                let c = &v.columns[cols[i]];
                let mut j = i + 1;
                while !v.collapsed && j < cols.len() && v.columns[cols[j]].outlet == c.outlet {
                    j += 1;
                }
                let w = (j - i) * cw;
                let style = if v.collapsed && cols[i] == v.col {
                    theme.get("ui.title").patch(current)
                } else {
                    theme.get("ui.title")
                };
                buf.set_string(
                    cell_x(i),
                    y,
                    fit(outlet_name(c), w.saturating_sub(1)),
                    style,
                );
                i = j;
            }
        }
        if g.header.height >= 2 {
            let y = g.header.y + 1;
            let sorted = if v.single {
                " 1 source each"
            } else {
                " most sources first"
            };
            buf.set_string(
                x0,
                y,
                fit(sorted, (g.count_w + g.text_w) as usize),
                theme.get("ui.text.dim"),
            );
            for (i, &ci) in cols.iter().enumerate() {
                let c = &v.columns[ci];
                let name = if v.collapsed {
                    let n = c.docs.len();
                    let long = format!("{n} doc{}", if n == 1 { "" } else { "s" });
                    if long.len() < cw { long } else { n.to_string() }
                } else {
                    label::title(view.docs, c.docs[0]).to_string()
                };
                let style = if ci == v.col {
                    theme.get("ui.text.dim").patch(current)
                } else {
                    theme.get("ui.text.dim")
                };
                buf.set_string(cell_x(i), y, fit(&name, cw.saturating_sub(1)), style);
            }
        }
        // The rows.
        let h = g.body.height as usize;
        if v.shown.is_empty() {
            let why = match (v.entity.and_then(|e| index.entities.get(e)), v.single) {
                (Some(e), true) => {
                    format!("no statement about {} that one source alone makes", e.name)
                }
                (Some(e), false) => format!("no statement about {}", e.name),
                (None, true) => "no statement that one source alone makes".to_string(),
                (None, false) => "no statements: nothing was analysed".to_string(),
            };
            buf.set_string(
                x0 + 1,
                g.body.y,
                fit(&why, g.body.width.saturating_sub(1) as usize),
                theme.get("ui.text.dim"),
            );
        }
        let top = window(v.top, v.selected, h, v.shown.len());
        for (k, &ri) in v.shown.iter().enumerate().skip(top).take(h) {
            let y = g.body.y + (k - top) as u16;
            let row = &v.rows[ri];
            let selected = k == v.selected;
            let line = Rect {
                y,
                height: 1,
                ..g.body
            };
            let row_style = if selected {
                base.patch(theme.get("ui.selection"))
            } else {
                base
            };
            buf.set_style(line, row_style);
            if selected {
                buf.set_string(x0, y, "▸", row_style);
            }
            let count_scope = if row.sources > 1 {
                "reader.gutter.linked"
            } else {
                "reader.gutter"
            };
            buf.set_string(
                x0 + 1,
                y,
                format!("{:>2}", row.sources.min(99)),
                row_style.patch(theme.get(count_scope)),
            );
            let c = &index.claims[row.claim];
            let text = one_line(&view.docs[c.doc].text[c.range.clone()]);
            buf.set_string(
                x0 + g.count_w,
                y,
                fit(&text, g.text_w.saturating_sub(1) as usize),
                row_style,
            );
            for (i, &ci) in cols.iter().enumerate() {
                let (s, mark) = self.cell_text(row, &v.columns[ci]);
                let (_, scope) = legend::cell(mark);
                let mut style = row_style.patch(theme.get(scope));
                if selected && ci == v.col {
                    style = style.patch(current);
                }
                let s = centre(&s, cw.saturating_sub(1));
                let xs = cell_x(i);
                buf.set_string(xs, y, fit(&s, cw.saturating_sub(1)), Style::default());
                // Only the mark takes the cell's style.
                let lead = s.len() - s.trim_start().len();
                let mark_w = crate::text::display_width(s.trim_start()) as u16;
                buf.set_style(
                    Rect {
                        x: xs + lead as u16,
                        y,
                        width: mark_w.min(g.col_w.saturating_sub(1)),
                        height: 1,
                    },
                    style,
                );
            }
        }
        // The selected cell in words.
        if g.footer.height >= 2
            && let Some(row) = v.row()
            && let Some(col) = v.columns.get(v.col)
        {
            let (mark, n) = row.column(&col.docs);
            let who = if v.collapsed {
                format!(
                    "{} · {n} of its {} document{} make{} it",
                    outlet_name(col),
                    col.docs.len(),
                    if col.docs.len() == 1 { "" } else { "s" },
                    if n == 1 { "s" } else { "" }
                )
            } else {
                label::label(view.docs, view.index, col.docs[0])
            };
            let (sym, scope) = legend::cell(mark);
            let meaning = legend::cell_meaning(mark);
            let head = format!(" {who}: ");
            let w = g.footer.width as usize;
            let (x, _) = buf.set_stringn(
                g.footer.x,
                g.footer.y,
                fit(&head, w),
                w,
                theme.get("ui.title"),
            );
            let rest = w.saturating_sub((x - g.footer.x) as usize);
            let (x, _) = buf.set_stringn(x, g.footer.y, sym, rest, theme.get(scope));
            let rest = w.saturating_sub((x - g.footer.x) as usize);
            buf.set_stringn(x, g.footer.y, fit(&format!(" {meaning}"), rest), rest, base);
            let claim = row.claim_in(&col.docs).unwrap_or(row.claim);
            let c = &index.claims[claim];
            let said = one_line(&view.docs[c.doc].text[c.range.clone()]);
            let prefix = if row.claim_in(&col.docs).is_some() {
                "  its claim: "
            } else {
                "  the statement: "
            };
            buf.set_string(
                g.footer.x,
                g.footer.y + 1,
                fit(&format!("{prefix}“{said}”"), w),
                theme.get("ui.text.dim"),
            );
        }
    }
}
