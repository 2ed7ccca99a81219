//! The document pane: the wrapped article, only its visible slice drawn,
//! styled in layers (markup, boilerplate, claims, dates, entity mentions,
//! the chosen entity and the current claim), with a gutter that marks each
//! claim by the number of independent sources that make it.

use super::{View, is_focused, pane_block};
use crate::analysis::entities::EntityKind;
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

pub fn entity_scope(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "reader.entity.person",
        EntityKind::Organization => "reader.entity.organization",
        EntityKind::Place => "reader.entity.place",
        EntityKind::Event => "reader.entity.event",
        EntityKind::Other => "reader.entity.other",
    }
}

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
    let mut claims_shown: Vec<(Range<usize>, usize, bool)> = Vec::new();
    if let Some(index) = view.index {
        let a = &index.docs[doc];
        layers.push(Layer::new(
            visible(&a.boilerplate, &window, |b| b.range.clone())
                .map(|b| (b.range.clone(), theme.get("reader.boilerplate")))
                .collect(),
        ));
        let claims = index.doc_claims(doc);
        layers.push(Layer::new(
            visible(claims, &window, |c| c.range.clone())
                .map(|c| {
                    let conflict = index.links[c.id].iter().any(|l| l.conflict.is_some());
                    // The kind's own style, then the sources' over it.
                    let mut style = theme.get(&format!("reader.claim.{}", c.kind.label()));
                    if conflict {
                        style = style.patch(theme.get("reader.claim.conflict"));
                    } else if index.sources[c.id] > 1 {
                        style = style.patch(theme.get("reader.claim.linked"));
                    }
                    claims_shown.push((c.range.clone(), index.sources[c.id], conflict));
                    (c.range.clone(), style)
                })
                .collect(),
        ));
        layers.push(Layer::new(
            visible(index.doc_events(doc), &window, |e| e.range.clone())
                .map(|e| (e.range.clone(), theme.get("reader.date")))
                .collect(),
        ));
        let mentions = index.doc_mentions(doc);
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
        if let Some(e) = state.chosen_entity() {
            layers.push(Layer::new(
                visible(mentions, &window, |m| m.range.clone())
                    .filter(|m| m.entity == e)
                    .map(|m| (m.range.clone(), theme.get("reader.mention.selected")))
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
        // Gutter: the source count on a claim's first line, a bar after.
        if gutter_w >= 2
            && let Some((r, sources, conflict)) = claims_shown.iter().find(|(r, _, _)| {
                r.start < line.range.end.max(line.range.start + 1) && line.range.start < r.end
            })
        {
            let first = r.start >= line.range.start;
            let (mark, scope) = match (first, *sources > 1, *conflict) {
                (true, _, true) => (format!("{}!", (*sources).min(9)), "reader.claim.conflict"),
                (true, true, _) => (format!("{}▐", (*sources).min(9)), "reader.gutter.linked"),
                (true, false, _) => (" ▏".to_string(), "reader.gutter"),
                (false, true, _) => (" ▐".to_string(), "reader.gutter.linked"),
                (false, false, _) => (" ▏".to_string(), "reader.gutter"),
            };
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
