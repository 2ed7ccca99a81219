//! The document pane: the wrapped article, only its visible slice drawn,
//! styled in layers (markup, boilerplate, claims, dates, entity mentions,
//! the chosen entity and the current claim), with a gutter that marks each
//! claim by the number of independent sources that make it.

use super::legend::{Gutter, gutter_mark};
use super::{View, is_focused, pane_block};
use crate::app::document::top_line_at;
use crate::app::layout;
use crate::app::{AppState, Pane};
use crate::corpus::{DocId, markup};
use crate::text::grapheme_width;
use crate::text::sanitize::display_grapheme;
use crate::text::wrap::Line;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget};
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

pub struct DocumentPane<'a> {
    pub state: &'a AppState,
    pub view: &'a View<'a>,
}

const MARKUP_SCOPES: &[(u16, &str)] = &[
    (markup::TITLE, "markup.title"),
    (markup::HEADING, "markup.heading"),
    (markup::QUOTE, "markup.quote"),
    (markup::LIST_MARKER, "markup.list"),
    (markup::CODE, "markup.code"),
    (markup::LINK, "markup.link"),
    (markup::EMPHASIS, "markup.emphasis"),
    (markup::STRONG, "markup.strong"),
    (markup::STRIKE, "markup.strike"),
];

pub use super::legend::entity_scope;

/// Sorted, non-overlapping styled ranges, walked with a cursor as the
/// renderer moves forward through the text.
struct Layer {
    ranges: Vec<(Range<usize>, Style)>,
    i: usize,
}

impl Layer {
    fn new(mut ranges: Vec<(Range<usize>, Style)>) -> Self {
        ranges.sort_by_key(|r| r.0.start);
        Layer { ranges, i: 0 }
    }
    fn seek(&mut self, pos: usize) {
        self.i = self.ranges.partition_point(|r| r.0.end <= pos);
    }
    fn style_at(&mut self, pos: usize) -> Option<Style> {
        while self.i < self.ranges.len() && self.ranges[self.i].0.end <= pos {
            self.i += 1;
        }
        self.ranges
            .get(self.i)
            .filter(|r| r.0.start <= pos)
            .map(|r| r.1)
    }
}

/// Items of a list sorted by position whose ranges meet `window`.
fn visible<'a, T>(
    items: &'a [T],
    window: &Range<usize>,
    range: impl Fn(&T) -> Range<usize> + 'a,
) -> impl Iterator<Item = &'a T> {
    let window = window.clone();
    let first = items.partition_point(|x| range(x).end <= window.start);
    items[first..]
        .iter()
        .take_while(move |x| range(x).start < window.end)
}

/// Extra marks for the compare view.
#[derive(Default)]
pub struct Marks {
    /// Ranges to show as "present here, missing in the other copy".
    pub added: Vec<Range<usize>>,
    /// Claims to show as selected (an aligned pair).
    pub selected_claims: Vec<usize>,
}

/// Which document a pane shows, from which line, and whether it has focus.
#[derive(Debug, Clone, Copy)]
pub struct Shown {
    pub doc: DocId,
    pub top: usize,
    pub focused: bool,
}

/// Draw a document into `area` (a bordered pane).
pub fn render_doc(
    buf: &mut Buffer,
    area: Rect,
    view: &View,
    state: &AppState,
    shown_doc: Shown,
    marks: &Marks,
) {
    let Shown { doc, top, focused } = shown_doc;
    let theme = view.theme;
    let Some(d) = view.docs.get(doc) else { return };
    let title = super::fit(
        &crate::label::label(view.docs, view.index, doc),
        area.width.saturating_sub(6) as usize,
    );
    pane_block(theme, focused)
        .title(Span::styled(format!(" {title} "), theme.get("ui.title")))
        .render(area, buf);
    let col = layout::text_column(area);
    if col.width == 0 || col.height == 0 {
        return;
    }
    let lines: std::rc::Rc<Vec<Line>> = view.wraps.get(doc, &d.text, col.width);
    let top = top.min(lines.len().saturating_sub(1));
    let shown: &[Line] = &lines[top.min(lines.len())..(top + col.height as usize).min(lines.len())];
    let window = match (shown.first(), shown.last()) {
        (Some(a), Some(b)) => a.range.start..b.range.end + 1,
        _ => 0..0,
    };
    let base = theme.get("ui.text");
    // Markup runs become a layer of their own.
    let markup_layer = Layer::new(
        visible(&d.markup, &window, |r| r.range.clone())
            .map(|r| {
                let mut s = Style::default();
                for (flag, scope) in MARKUP_SCOPES.iter().rev() {
                    if r.flags & flag != 0 {
                        s = s.patch(theme.get(scope));
                    }
                }
                (r.range.clone(), s)
            })
            .collect(),
    );
    let mut layers = vec![markup_layer];
    let mut claims_shown: Vec<(Range<usize>, usize, Gutter)> = Vec::new();
    let hl = state.reader.highlight;
    if let Some(index) = view.index {
        let a = &index.docs[doc];
        layers.push(Layer::new(
            visible(&a.boilerplate, &window, |b| b.range.clone())
                .map(|b| (b.range.clone(), theme.get("reader.boilerplate")))
                .collect(),
        ));
        let claims = index.doc_claims(doc);
        let mut claim_styles = Vec::new();
        for c in visible(claims, &window, |c| c.range.clone()) {
            let conflict = index.links[c.id].iter().any(|l| l.conflict.is_some());
            let sources = index.sources[c.id];
            let kind = if conflict {
                Gutter::Conflict
            } else if sources > 1 {
                Gutter::Multi
            } else {
                Gutter::Single
            };
            claims_shown.push((c.range.clone(), sources, kind));
            if hl.claims() {
                // The kind's own style, then the sources' over it.
                let mut style = theme.get(&format!("reader.claim.{}", c.kind.label()));
                match kind {
                    Gutter::Conflict => style = style.patch(theme.get("reader.claim.conflict")),
                    Gutter::Multi => style = style.patch(theme.get("reader.claim.linked")),
                    Gutter::Single => {}
                }
                claim_styles.push((c.range.clone(), style));
            }
        }
        layers.push(Layer::new(claim_styles));
        if hl.dates() {
            layers.push(Layer::new(
                visible(index.doc_events(doc), &window, |e| e.range.clone())
                    .map(|e| (e.range.clone(), theme.get("reader.date")))
                    .collect(),
            ));
        }
        let mentions = index.doc_mentions(doc);
        if hl.entities() {
            layers.push(Layer::new(
                visible(mentions, &window, |m| m.range.clone())
                    .map(|m| {
                        (
                            m.range.clone(),
                            theme.get(entity_scope(index.entities[m.entity].kind)),
                        )
                    })
                    .collect(),
            ));
        }
        // The chosen entity's mentions always stand out; the one walked to
        // last stands out from the rest.
        if let Some(chosen) = state.chosen {
            let current = chosen
                .current(index)
                .map(|m| index.mentions[m].range.clone());
            let (all, cur) = (
                theme.get("reader.mention.selected"),
                theme.get("reader.mention.current"),
            );
            layers.push(Layer::new(
                visible(mentions, &window, |m| m.range.clone())
                    .filter(|m| m.entity == chosen.entity)
                    .map(|m| {
                        let style = if Some(&m.range) == current.as_ref() {
                            all.patch(cur)
                        } else {
                            all
                        };
                        (m.range.clone(), style)
                    })
                    .collect(),
            ));
        }
        let mut selected: Vec<(Range<usize>, Style)> = Vec::new();
        for c in marks
            .selected_claims
            .iter()
            .copied()
            .chain(state.reader.claim)
        {
            if let Some(c) = index.claims.get(c).filter(|c| c.doc == doc) {
                selected.push((c.range.clone(), theme.get("reader.claim.selected")));
            }
        }
        selected.dedup();
        layers.push(Layer::new(selected));
        layers.push(Layer::new(
            marks
                .added
                .iter()
                .map(|r| (r.clone(), theme.get("reader.missing")))
                .collect(),
        ));
    }
    // Search hits over everything else, the current one set apart.
    if let (Some(search), Some(active)) = (view.search, state.search.active.as_ref()) {
        let from = window.start.saturating_sub(256);
        let current = active
            .current
            .as_ref()
            .filter(|h| h.doc == doc)
            .map(|h| h.range.clone());
        let (hit, cur) = (
            theme.get("reader.search.match"),
            theme.get("reader.search.match.current"),
        );
        layers.push(Layer::new(
            search
                .hits_in(&active.hits.query, doc, &d.text, from..window.end)
                .into_iter()
                .map(|r| {
                    let style = if current.as_ref() == Some(&r) {
                        cur
                    } else {
                        hit
                    };
                    (r, style)
                })
                .collect(),
        ));
    }
    // The gutter sits just left of the text, however wide the pane.
    let gutter_x = col
        .x
        .saturating_sub(layout::GUTTER)
        .max(layout::inner(area).x);
    let gutter_w = col.x.saturating_sub(gutter_x).min(layout::GUTTER);
    let gutter = gutter_rows(shown, &claims_shown);
    for (row, line) in shown.iter().enumerate() {
        let y = col.y + row as u16;
        for layer in layers.iter_mut() {
            layer.seek(line.range.start);
        }
        let mut x = col.x + line.indent.min(col.width);
        let text = &d.text[line.range.clone()];
        for (i, g) in text.grapheme_indices(true) {
            let w = grapheme_width(g) as u16;
            if x + w > col.right() {
                break;
            }
            let pos = line.range.start + i;
            let mut style = base;
            for layer in layers.iter_mut() {
                if let Some(s) = layer.style_at(pos) {
                    style = style.patch(s);
                }
            }
            buf.set_stringn(x, y, display_grapheme(g), w as usize, style);
            x += w;
        }
        if gutter_w >= 2
            && let Some((kind, sources, first)) = gutter[row]
        {
            let (mark, scope) = gutter_mark(kind, sources, first);
            buf.set_stringn(
                gutter_x,
                y,
                mark,
                gutter_w as usize,
                base.patch(theme.get(scope)),
            );
        }
    }
    if lines.len() > col.height as usize && area.height > 2 {
        let mut sb =
            ScrollbarState::new(lines.len().saturating_sub(col.height as usize)).position(top);
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .style(theme.get("ui.border"))
            .render(
                Rect {
                    y: area.y + 1,
                    height: area.height - 2,
                    ..area
                },
                buf,
                &mut sb,
            );
    }
}

impl Widget for DocumentPane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (state, view) = (self.state, self.view);
        let col = layout::text_column(area);
        let Some(d) = view.docs.get(state.reader.doc) else {
            return;
        };
        let lines = view.wraps.get(state.reader.doc, &d.text, col.width.max(1));
        let top = top_line_at(
            &lines,
            state
                .reader
                .anchors
                .get(state.reader.doc)
                .copied()
                .unwrap_or(0),
        );
        render_doc(
            buf,
            area,
            view,
            state,
            Shown {
                doc: state.reader.doc,
                top,
                focused: is_focused(state, Pane::Document),
            },
            &Marks::default(),
        );
    }
}

/// The gutter mark of each shown line: (kind, sources, is the claim's first
/// mark). Every claim shows its count: on the line it starts on, or, when
/// another claim with more sources starts on that line too (a claim that
/// begins mid-line), on its next line that no count holds yet. Lines inside
/// a claim carry its bar.
pub fn gutter_rows(
    shown: &[Line],
    claims: &[(Range<usize>, usize, Gutter)],
) -> Vec<Option<(Gutter, usize, bool)>> {
    let mut rows: Vec<Option<(Gutter, usize, bool)>> = vec![None; shown.len()];
    if shown.is_empty() {
        return rows;
    }
    let row_of = |pos: usize| {
        shown
            .partition_point(|l| l.range.start <= pos)
            .checked_sub(1)
    };
    let last_row = |r: &Range<usize>| row_of(r.end.saturating_sub(1).max(r.start)).unwrap_or(0);
    let rank = |k: Gutter| match k {
        Gutter::Conflict => 2,
        Gutter::Multi => 1,
        Gutter::Single => 0,
    };
    // Bars: the strongest claim on each line.
    for (r, n, k) in claims {
        let from = row_of(r.start).unwrap_or(0);
        for row in rows.iter_mut().take(last_row(r) + 1).skip(from) {
            if row.is_none_or(|(k0, _, _)| rank(*k) > rank(k0)) {
                *row = Some((*k, *n, false));
            }
        }
    }
    // Counts: claims with more sources first, each on the first of its
    // lines free of a count. A claim that began above the view has its
    // count there.
    let mut order: Vec<usize> = (0..claims.len()).collect();
    order.sort_by_key(|&i| {
        (
            std::cmp::Reverse(rank(claims[i].2)),
            std::cmp::Reverse(claims[i].1),
            i,
        )
    });
    let mut counted = vec![false; shown.len()];
    for i in order {
        let (r, n, k) = &claims[i];
        let Some(from) = row_of(r.start).filter(|_| r.start >= shown[0].range.start) else {
            continue;
        };
        if let Some(row) = (from..=last_row(r)).find(|&row| !counted[row]) {
            counted[row] = true;
            rows[row] = Some((*k, *n, true));
        }
    }
    rows
}
