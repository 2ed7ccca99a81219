//! Compare view: two documents side by side. The left one scrolls; the right
//! one follows so that linked claims stand on the same row. The strip below
//! shows the aligned pair: relation, score, the word diff of a quote variant,
//! a conflict; for copies, which is fuller and what the shorter lacks.

use super::document::{Marks, Shown, render_doc};
use super::{View, fit};
use crate::analysis::links::{DiffTag, Relation};
use crate::app::compare::compare_pairs;
use crate::app::document::top_line_at;
use crate::app::layout;
use crate::app::{AppState, Compare};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders, Widget};

pub struct CompareView<'a> {
    pub state: &'a AppState,
    pub view: &'a View<'a>,
    pub compare: Compare,
}

impl Widget for CompareView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (state, view, c) = (self.state, self.view, self.compare);
        let theme = view.theme;
        let text = theme.get("ui.text");
        let (left, right, info) = layout::compare_panes(area);
        let lcol = layout::text_column(left);
        let rcol = layout::text_column(right);
        let (ld, rd) = (&view.docs[c.left], &view.docs[c.right]);
        let llines = view.wraps.get(c.left, &ld.text, lcol.width.max(1));
        let rlines = view.wraps.get(c.right, &rd.text, rcol.width.max(1));
        let ltop = top_line_at(
            &llines,
            state.reader.anchors.get(c.left).copied().unwrap_or(0),
        );
        let Some(index) = view.index else {
            render_doc(
                buf,
                left,
                view,
                state,
                Shown {
                    doc: c.left,
                    top: ltop,
                    focused: true,
                },
                &Marks::default(),
            );
            render_doc(
                buf,
                right,
                view,
                state,
                Shown {
                    doc: c.right,
                    top: 0,
                    focused: false,
                },
                &Marks::default(),
            );
            return;
        };
        let pairs = compare_pairs(index, c.left, c.right);
        // The pair to align: the current one if it is on screen, else the
        // first whose left claim is visible.
        let line_of = |lines: &[crate::text::wrap::Line], pos: usize| top_line_at(lines, pos);
        let visible = |p: &(usize, usize)| {
            let l = line_of(&llines, index.claims[p.0].range.start);
            l >= ltop && l < ltop + lcol.height as usize
        };
        let current = state
            .reader
            .claim
            .and_then(|cl| pairs.iter().find(|p| p.0 == cl))
            .filter(|p| visible(p))
            .or_else(|| pairs.iter().find(|p| visible(p)));
        let rtop = match current {
            Some(p) => {
                let row = line_of(&llines, index.claims[p.0].range.start) - ltop;
                line_of(&rlines, index.claims[p.1].range.start).saturating_sub(row)
            }
            // Nothing linked in view: keep the same share of the way down.
            None => (ltop * rlines.len()) / llines.len().max(1),
        };
        // The follower may scroll past its end so that the pair stays aligned.
        let rtop = rtop.min(rlines.len().saturating_sub(1));
        // Copies: mark what the fuller one has that the other lacks.
        let dup = index
            .duplicates
            .iter()
            .find(|d| (d.a == c.left && d.b == c.right) || (d.a == c.right && d.b == c.left));
        let lacking = |fuller: usize, other: usize| -> Vec<std::ops::Range<usize>> {
            index
                .doc_claims(fuller)
                .iter()
                .filter(|cl| {
                    !index.links[cl.id]
                        .iter()
                        .any(|l| index.claims[l.to].doc == other)
                })
                .map(|cl| cl.range.clone())
                .collect()
        };
        let mut lmarks = Marks::default();
        let mut rmarks = Marks::default();
        if let Some(d) = dup {
            if d.fuller == c.left {
                lmarks.added = lacking(c.left, c.right);
            } else {
                rmarks.added = lacking(c.right, c.left);
            }
        }
        if let Some(p) = current {
            lmarks.selected_claims.push(p.0);
            rmarks.selected_claims.push(p.1);
        }
        render_doc(
            buf,
            left,
            view,
            state,
            Shown {
                doc: c.left,
                top: ltop,
                focused: true,
            },
            &lmarks,
        );
        render_doc(
            buf,
            right,
            view,
            state,
            Shown {
                doc: c.right,
                top: rtop,
                focused: false,
            },
            &rmarks,
        );
        // Connect aligned pairs across the middle.
        for p in &pairs {
            let lrow = line_of(&llines, index.claims[p.0].range.start) as isize - ltop as isize;
            let rrow = line_of(&rlines, index.claims[p.1].range.start) as isize - rtop as isize;
            if lrow == rrow && lrow >= 0 && (lrow as u16) < lcol.height {
                let y = lcol.y + lrow as u16;
                let style = text.patch(theme.get("reader.gutter.linked"));
                buf.set_stringn(left.right() - 1, y, "═", 1, style);
                buf.set_stringn(right.x, y, "═", 1, style);
            }
        }
        if info.height == 0 {
            return;
        }
        let block = Block::default()
            .borders(Borders::TOP)
            .border_style(theme.get("ui.border"))
            .title(Span::styled(
                format!(
                    " {} linked claims · }}/{{ next/previous pair · q back ",
                    pairs.len()
                ),
                theme.get("ui.title"),
            ));
        block.render(info, buf);
        let w = info.width as usize;
        let mut y = info.y + 1;
        if let Some(d) = dup {
            let (fuller, other) = if d.fuller == c.left {
                (ld, rd)
            } else {
                (rd, ld)
            };
            let msg = format!(
                "{} is the fuller copy: {:.0}% of {} is in it; marked passages are missing from the shorter copy",
                fuller.slug,
                d.overlap * 100.0,
                other.slug
            );
            buf.set_stringn(
                info.x,
                y,
                fit(&msg, w),
                w,
                text.patch(theme.get("ui.warning")),
            );
            y += 1;
        }
        let Some(p) = current else {
            if y < info.bottom() {
                buf.set_stringn(
                    info.x,
                    y,
                    fit("no linked claim in view", w),
                    w,
                    text.patch(theme.get("ui.text.dim")),
                );
            }
            return;
        };
        let Some(link) = index.links[p.0].iter().find(|l| l.to == p.1) else {
            return;
        };
        let sources = index.statement_sources(p.0);
        let head = format!(
            "{} · score {:.2} · {} independent source{}{}",
            link.relation.label(),
            link.score,
            sources,
            if sources == 1 { "" } else { "s" },
            link.conflict
                .as_ref()
                .map_or(String::new(), |c| format!(" · {c}"))
        );
        if y < info.bottom() {
            buf.set_stringn(
                info.x,
                y,
                fit(&head, w),
                w,
                text.patch(theme.get(if link.conflict.is_some() {
                    "ui.warning"
                } else {
                    "reader.gutter.linked"
                })),
            );
            y += 1;
        }
        if link.relation == Relation::QuoteVariant && y < info.bottom() {
            render_diff(buf, info.x, y, w, view, &link.diff);
        }
    }
}

/// Keep a few unchanged words next to the changes: the end of the first run,
/// the start of the last, both ends of a middle one.
fn elide(s: &str, first: bool, last: bool) -> String {
    let words: Vec<&str> = s.split_whitespace().collect();
    let keep = 3;
    let pad = |t: String| {
        let lead = if s.starts_with(' ') && !first {
            " "
        } else {
            ""
        };
        let trail = if s.ends_with(' ') && !last { " " } else { "" };
        format!("{lead}{t}{trail}")
    };
    if words.len() <= keep * 2 {
        return s.to_string();
    }
    match (first, last) {
        (true, true) => s.to_string(),
        (true, false) => pad(format!("…{}", words[words.len() - keep..].join(" "))),
        (false, true) => pad(format!("{}…", words[..keep].join(" "))),
        (false, false) => pad(format!(
            "{} … {}",
            words[..2].join(" "),
            words[words.len() - 2..].join(" ")
        )),
    }
}

/// A word diff on one line: removed words struck, added words marked.
pub fn render_diff(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    w: usize,
    view: &View,
    diff: &[crate::analysis::links::DiffOp],
) {
    let theme = view.theme;
    let text = theme.get("ui.text");
    let mut cx = x;
    let end = x + w as u16;
    let last = diff.len().saturating_sub(1);
    for (i, op) in diff.iter().enumerate() {
        let (s, style) = match op.op {
            // Unchanged words far from a change are elided, so that the
            // changes fit on the line.
            DiffTag::Equal => (elide(&op.text, i == 0, i == last), text),
            DiffTag::Delete => (
                format!("[-{}-]", op.text.trim()),
                text.patch(theme.get("diff.minus")),
            ),
            DiffTag::Insert => (
                format!("[+{}+]", op.text.trim()),
                text.patch(theme.get("diff.plus")),
            ),
        };
        let s = fit(&s, (end - cx) as usize);
        let sw = crate::text::display_width(&s) as u16;
        buf.set_stringn(cx, y, &s, (end - cx) as usize, style);
        cx += sw;
        // A space between a change and what follows, unless it brings one.
        let next_spaced = diff
            .get(i + 1)
            .is_some_and(|n| n.op == DiffTag::Equal && n.text.starts_with(' '));
        if op.op != DiffTag::Equal && cx < end && !next_spaced {
            cx += 1;
        }
        if cx >= end {
            break;
        }
    }
}
