//! Drawing: a pure function of the corpus, the state and the theme. One
//! module per pane; panes are borrowed widgets. Nothing here changes state.

pub mod card;
pub mod compare;
pub mod corroboration;
pub mod diff;
pub mod document;
pub mod finder;
pub mod help;
pub mod hits;
pub mod legend;
pub mod links;
pub mod log;
pub mod pins;
pub mod sidebar;
pub mod status;
pub mod theme;
pub mod timeline;

use crate::app::{AppState, Keymap, Overlay, Pane};
use crate::corpus::{Document, LoadIssue};
use crate::text::sanitize::sanitize;
use crate::text::wrap::WrapCache;
use crate::text::{display_width, grapheme_width};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, BorderType, Borders};
use theme::Theme;
use unicode_segmentation::UnicodeSegmentation;

/// Everything drawing reads.
pub struct View<'a> {
    pub docs: &'a [Document],
    pub issues: &'a [LoadIssue],
    pub wraps: &'a WrapCache,
    pub theme: &'a Theme,
    pub keymap: &'a Keymap,
    /// Progress of background work, shown in the status bar.
    pub progress: Option<&'a str>,
    /// The analysis, once it has arrived.
    pub index: Option<&'a crate::index::Index>,
    /// The search index, once built.
    pub search: Option<&'a crate::search::SearchIndex>,
    /// The finder's full list, once the analysis is there.
    pub finder: Option<&'a crate::search::finder::FinderIndex>,
}

/// A document's outlet and publication date, when the analysis found them.
pub fn doc_meta(view: &View, doc: usize) -> (String, String) {
    let Some(a) = view.index.and_then(|i| i.docs.get(doc)) else {
        return (String::new(), String::new());
    };
    (
        a.meta.source.clone().unwrap_or_default(),
        a.meta.date.map(|d| d.0.to_string()).unwrap_or_default(),
    )
}

pub fn draw(frame: &mut Frame, state: &AppState, view: &View) {
    let area = frame.area();
    frame
        .buffer_mut()
        .set_style(area, view.theme.get("ui.text"));
    let panes = state.panes();
    // The corroboration view covers everything but the status bar: what
    // lies under it is not drawn.
    let covered = state.overlays.iter().any(|o| *o == Overlay::Corroboration);
    if !covered {
        if let Some(compare) = state.compare.as_ref() {
            frame.render_widget(
                compare::CompareView {
                    state,
                    view,
                    compare,
                },
                area,
            );
        } else {
            if let Some(r) = panes.sidebar.filter(|_| !panes.sidebar_floats) {
                frame.render_widget(sidebar::Sidebar { state, view }, r);
            }
            frame.render_widget(document::DocumentPane { state, view }, panes.document);
            // On a narrow terminal the sidebar's key shows it over the text.
            if let Some(r) = panes.sidebar.filter(|_| panes.sidebar_floats) {
                frame.render_widget(ratatui::widgets::Clear, r);
                frame.render_widget(sidebar::Sidebar { state, view }, r);
            }
            if let Some(r) = panes.timeline {
                frame.render_widget(timeline::Timeline { state, view }, r);
            }
        }
    }
    frame.render_widget(status::StatusBar { state, view }, panes.status);
    for overlay in state.overlays.iter() {
        draw_overlay(frame, state, view, *overlay);
    }
}

fn draw_overlay(frame: &mut Frame, state: &AppState, view: &View, overlay: Overlay) {
    let area = frame.area();
    match overlay {
        Overlay::Help { scroll } => frame.render_widget(help::HelpOverlay { view, scroll }, area),
        Overlay::Log { scroll } => frame.render_widget(
            log::LogOverlay {
                view,
                scroll,
                notes: &state.pins.log,
            },
            area,
        ),
        Overlay::Links { claim, selected } => frame.render_widget(
            links::LinksOverlay {
                view,
                claim,
                selected,
            },
            area,
        ),
        Overlay::Hits { selected } => {
            if let Some(active) = state.search.active.as_ref() {
                frame.render_widget(
                    hits::HitsOverlay {
                        view,
                        active,
                        selected,
                    },
                    area,
                )
            }
        }
        Overlay::Finder => frame.render_widget(finder::FinderOverlay { state, view }, area),
        Overlay::Card => {
            if let Some(card) = state.card.as_ref() {
                frame.render_widget(card::CardOverlay { view, card }, area)
            }
        }
        Overlay::Pins => frame.render_widget(pins::PinsOverlay { state, view }, area),
        Overlay::PinPrompt => {
            if let Some(prompt) = state.pins.prompt.as_ref() {
                frame.render_widget(pins::PinPromptLine { prompt, view }, area)
            }
        }
        Overlay::Pair { scroll } => {
            if let Some(compare) = state.compare.as_ref() {
                frame.render_widget(
                    compare::PairOverlay {
                        view,
                        compare,
                        scroll,
                    },
                    area,
                )
            }
        }
        Overlay::Corroboration => {
            if let Some(v) = state.corroboration.as_ref() {
                frame.render_widget(
                    corroboration::CorroborationView {
                        view,
                        state: v,
                        size: state.size,
                    },
                    area,
                )
            }
        }
        Overlay::Events { selected } => frame.render_widget(
            timeline::EventsOverlay {
                state,
                view,
                selected,
            },
            area,
        ),
        Overlay::Picker { selected } => frame.render_widget(
            links::PickerOverlay {
                view,
                selected,
                current: state.reader.doc,
            },
            area,
        ),
    }
}

/// A bordered block, its border styled by focus.
pub fn pane_block<'a>(theme: &Theme, focused: bool) -> Block<'a> {
    let border = if focused {
        theme.get("ui.border.focused")
    } else {
        theme.get("ui.border")
    };
    Block::default()
        .borders(Borders::ALL)
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(border)
}

pub fn is_focused(state: &AppState, pane: Pane) -> bool {
    state.focus == pane && state.overlays.is_empty()
}

/// `s` made safe and cut to at most `width` cells, with `…` when cut.
pub fn fit(s: &str, width: usize) -> String {
    let s = sanitize(s);
    if display_width(&s) <= width {
        return s.into_owned();
    }
    let mut out = String::new();
    let mut w = 0;
    for g in s.graphemes(true) {
        let gw = grapheme_width(g);
        if w + gw + 1 > width {
            break;
        }
        out.push_str(g);
        w += gw;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// A hint (`a · b · c`) made safe and shortened to `width` cells: whole
/// `·`-separated parts are dropped from the end; a single part too long is
/// cut after its last whole word, with `…`. Never cut mid-word.
pub fn fit_hint(s: &str, width: usize) -> String {
    let s = sanitize(s);
    if display_width(&s) <= width {
        return s.into_owned();
    }
    let parts: Vec<&str> = s.split(" · ").collect();
    let mut out = String::new();
    for p in &parts {
        let next = if out.is_empty() {
            p.to_string()
        } else {
            format!("{out} · {p}")
        };
        if display_width(&next) > width {
            break;
        }
        out = next;
    }
    if !out.trim().is_empty() {
        return out;
    }
    // The first part alone is too long: whole words, then `…`.
    let mut out = String::new();
    for word in parts[0].split(' ') {
        let next = if out.is_empty() {
            word.to_string()
        } else {
            format!("{out} {word}")
        };
        if display_width(&next) + 1 > width {
            break;
        }
        out = next;
    }
    if out.trim().is_empty() {
        return fit(parts[0], width);
    }
    out.push('…');
    out
}

/// `s` made safe and broken into pieces of at most `width` cells (by
/// graphemes, at spaces where possible), for short informational text.
pub fn wrap_plain(s: &str, width: usize) -> Vec<String> {
    let s = sanitize(s);
    crate::text::wrap::wrap(&s, width.max(1))
        .into_iter()
        .map(|l| s[l.range].to_string())
        .collect()
}

/// Clear `r` and draw an overlay's frame with `title`; returns the popup's
/// base style and its inside.
pub fn popup_frame(
    buf: &mut ratatui::buffer::Buffer,
    r: Rect,
    theme: &Theme,
    title: String,
) -> (ratatui::style::Style, Rect) {
    use ratatui::widgets::{Clear, Widget};
    Clear.render(r, buf);
    let popup = theme.get("ui.text").patch(theme.get("ui.popup"));
    buf.set_style(r, popup);
    Block::default()
        .borders(Borders::ALL)
        .border_style(theme.get("ui.border.focused"))
        .title(ratatui::text::Span::styled(title, theme.get("ui.title")))
        .render(r, buf);
    (popup, crate::app::layout::inner(r))
}

/// A rectangle of `w`×`h` centred in `area`, clipped to it.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}
