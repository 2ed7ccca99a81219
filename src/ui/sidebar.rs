//! The sidebar: entities (filterable, sortable, with per-document counts)
//! and the list of documents, as two tabs.

use super::document::entity_scope;
use super::{View, fit, is_focused, pane_block};
use crate::app::layout;
use crate::app::{AppState, EntitySort, Pane, SidebarTab};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::Span;
use ratatui::widgets::Widget;

pub struct Sidebar<'a> {
    pub state: &'a AppState,
    pub view: &'a View<'a>,
}

impl Widget for Sidebar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (state, view, theme) = (self.state, self.view, self.view.theme);
        let focused = is_focused(state, Pane::Sidebar);
        let text = theme.get("ui.text");
        let title = match (state.sidebar.tab, view.index) {
            (SidebarTab::Entities, Some(i)) => format!(" Entities ({}) ", i.entities.len()),
            (SidebarTab::Entities, None) => " Entities ".to_string(),
            (SidebarTab::Documents, _) => format!(" Documents ({}) ", view.docs.len()),
        };
        pane_block(theme, focused)
            .title(Span::styled(title, theme.get("ui.title")))
            .render(area, buf);
        let inner = layout::inner(area);
        if inner.height == 0 || inner.width == 0 {
            return;
        }
        // Tabs.
        let half = inner.width / 2;
        for (i, (tab, label)) in [
            (SidebarTab::Entities, "Entities"),
            (SidebarTab::Documents, "Documents"),
        ]
        .iter()
        .enumerate()
        {
            let x = inner.x + half * i as u16;
            let style = if *tab == state.sidebar.tab {
                text.patch(theme.get("ui.title"))
                    .add_modifier(Modifier::UNDERLINED)
            } else {
                text.patch(theme.get("ui.text.dim"))
            };
            buf.set_stringn(x, inner.y, fit(label, half as usize), half as usize, style);
        }
        // Second row: the filter, or the sort order.
        if inner.height > 1 {
            let line = if state.sidebar.tab == SidebarTab::Entities {
                if state.sidebar.filter_editing || !state.sidebar.filter.is_empty() {
                    let cursor = if state.sidebar.filter_editing {
                        "▏"
                    } else {
                        ""
                    };
                    format!("/{}{cursor}", state.sidebar.filter)
                } else {
                    let by = if state.sidebar.sort == EntitySort::Mentions {
                        "mentions"
                    } else {
                        "kind"
                    };
                    format!("by {by} · / filter · s sort")
                }
            } else {
                "Enter opens · ] [ next/prev".to_string()
            };
            let style = if state.sidebar.filter_editing {
                text.patch(theme.get("ui.help.key"))
            } else {
                text.patch(theme.get("ui.text.dim"))
            };
            buf.set_stringn(
                inner.x,
                inner.y + 1,
                if state.sidebar.filter_editing || !state.sidebar.filter.is_empty() {
                    fit(&line, inner.width as usize)
                } else {
                    super::fit_hint(&line, inner.width as usize)
                },
                inner.width as usize,
                style,
            );
        }
        let list = layout::sidebar_list(area);
        let w = list.width as usize;
        match state.sidebar.tab {
            SidebarTab::Documents => {
                for (row, i) in (0..view.docs.len())
                    .skip(state.sidebar.doc_offset)
                    .take(list.height as usize)
                    .enumerate()
                {
                    let y = list.y + row as u16;
                    let current = i == state.reader.doc;
                    let copy = view.index.is_some_and(|ix| {
                        ix.duplicates
                            .iter()
                            .any(|d| (d.a == i || d.b == i) && d.fuller != i)
                    });
                    let marker = if current { "▸" } else { " " };
                    let name = crate::label::label(view.docs, view.index, i);
                    let label = fit(
                        &format!("{marker}{}{name}", if copy { "≈" } else { " " }),
                        w,
                    );
                    let mut style = if current {
                        text.patch(theme.get("ui.title"))
                    } else {
                        text
                    };
                    if i == state.sidebar.doc_selected && focused {
                        style = style.patch(theme.get("ui.selection"));
                        buf.set_style(
                            Rect {
                                y,
                                height: 1,
                                ..list
                            },
                            style,
                        );
                    }
                    buf.set_stringn(list.x, y, label, w, style);
                }
            }
            SidebarTab::Entities => {
                let Some(index) = view.index else {
                    buf.set_stringn(
                        list.x,
                        list.y,
                        fit("analysing…", w),
                        w,
                        text.patch(theme.get("ui.text.dim")),
                    );
                    return;
                };
                if state.sidebar.entity_rows.is_empty() && list.height > 0 {
                    buf.set_stringn(
                        list.x,
                        list.y,
                        fit("no entity matches", w),
                        w,
                        text.patch(theme.get("ui.text.dim")),
                    );
                }
                for (row, &e) in state
                    .sidebar
                    .entity_rows
                    .iter()
                    .enumerate()
                    .skip(state.sidebar.entity_offset)
                    .take(list.height as usize)
                {
                    let y = list.y + (row - state.sidebar.entity_offset) as u16;
                    let ent = &index.entities[e];
                    let count = ent.mentions.len().to_string();
                    let chosen = state.chosen_entity() == Some(e);
                    let mut style = if chosen {
                        text.patch(theme.get("reader.mention.selected"))
                    } else {
                        text
                    };
                    if row == state.sidebar.entity_selected && focused {
                        style = style.patch(theme.get("ui.selection"));
                        buf.set_style(
                            Rect {
                                y,
                                height: 1,
                                ..list
                            },
                            style,
                        );
                    }
                    buf.set_stringn(
                        list.x,
                        y,
                        super::legend::entity_letter(ent.kind),
                        1,
                        style.patch(theme.get(entity_scope(ent.kind))),
                    );
                    let name_w = w.saturating_sub(count.len() + 3);
                    buf.set_stringn(list.x + 2, y, fit(&ent.name, name_w), name_w, style);
                    if w > count.len() {
                        buf.set_stringn(
                            list.x + (w - count.len()) as u16,
                            y,
                            &count,
                            count.len(),
                            style.patch(theme.get("ui.text.dim")),
                        );
                    }
                }
                // Details of the chosen (or selected) entity.
                let detail = layout::sidebar_detail(area);
                let shown = state.chosen_entity().or_else(|| {
                    state
                        .sidebar
                        .entity_rows
                        .get(state.sidebar.entity_selected)
                        .copied()
                });
                if detail.height > 0
                    && let Some(e) = shown
                {
                    let ent = &index.entities[e];
                    let dw = detail.width as usize;
                    let mut lines: Vec<(String, &str)> = vec![
                        (
                            match ent.place {
                                Some(p) => {
                                    format!("{} · {} ({})", ent.name, ent.kind.label(), p.label())
                                }
                                None => format!("{} · {}", ent.name, ent.kind.label()),
                            },
                            "ui.title",
                        ),
                        (
                            format!(
                                "{} mentions in {} of {} documents",
                                ent.mentions.len(),
                                ent.per_doc.len(),
                                view.docs.len()
                            ),
                            "ui.text.dim",
                        ),
                    ];
                    if !ent.aliases.is_empty() {
                        // Each alias with how it was merged.
                        let names: Vec<String> = ent
                            .aliases
                            .iter()
                            .map(|a| format!("{} ({})", a.name, a.kind.label()))
                            .collect();
                        lines.push((format!("also: {}", names.join(", ")), "ui.text"));
                    }
                    let per: Vec<String> = ent
                        .per_doc
                        .iter()
                        .map(|(d, n)| {
                            format!("{}:{n}", crate::label::short(view.docs, view.index, *d, 14))
                        })
                        .collect();
                    lines.push((per.join(" "), "ui.text"));
                    let sep = "─".repeat(dw);
                    buf.set_stringn(
                        detail.x,
                        detail.y,
                        &sep,
                        dw,
                        text.patch(theme.get("ui.border")),
                    );
                    let mut y = detail.y + 1;
                    for (l, scope) in lines {
                        // Wrap long lines over the rows left.
                        for chunk in super::wrap_plain(&l, dw) {
                            if y >= detail.bottom() {
                                break;
                            }
                            buf.set_stringn(detail.x, y, chunk, dw, text.patch(theme.get(scope)));
                            y += 1;
                        }
                    }
                }
            }
        }
    }
}

/// A short name for a document in tight places: its id up to 8 characters.
pub fn short(slug: &str) -> String {
    slug.chars().take(8).collect()
}
