//! Screen geometry as a pure function of the terminal size and the state.
//! Both `update` (to page and clamp) and the renderer use it, so they agree.

use super::state::AppState;
use ratatui::layout::Rect;

/// The longest line a document is set to, in cells, for readability.
pub const MAX_MEASURE: u16 = 100;
/// Columns left of the text for claim marks.
pub const GUTTER: u16 = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panes {
    pub sidebar: Option<Rect>,
    pub document: Rect,
    pub status: Rect,
}

pub fn panes(area: Rect, state: &AppState) -> Panes {
    let status = Rect {
        y: area.bottom().saturating_sub(1),
        height: area.height.min(1),
        ..area
    };
    let body = Rect {
        height: area.height.saturating_sub(1),
        ..area
    };
    let show_sidebar = state.sidebar_visible && body.width >= 60 && body.height >= 6;
    if !show_sidebar {
        return Panes {
            sidebar: None,
            document: body,
            status,
        };
    }
    let w = (body.width / 4).clamp(22, 42);
    let sidebar = Rect { width: w, ..body };
    let document = Rect {
        x: body.x + w,
        width: body.width - w,
        ..body
    };
    Panes {
        sidebar: Some(sidebar),
        document,
        status,
    }
}

/// Inside of a bordered pane.
pub fn inner(r: Rect) -> Rect {
    Rect {
        x: r.x.saturating_add(1),
        y: r.y.saturating_add(1),
        width: r.width.saturating_sub(2),
        height: r.height.saturating_sub(2),
    }
}

/// The column the document text is set in: inside the border, after the
/// gutter, at most `MAX_MEASURE` wide and centred in wide panes.
pub fn text_column(doc: Rect) -> Rect {
    let i = inner(doc);
    let (gutter, right_pad) = if i.width > GUTTER + 10 {
        (GUTTER, 1)
    } else {
        (0, 0)
    };
    let avail = i.width.saturating_sub(gutter + right_pad);
    let width = avail.min(MAX_MEASURE);
    let pad = (avail - width) / 2;
    Rect {
        x: i.x + gutter + pad,
        y: i.y,
        width,
        height: i.height,
    }
}

pub fn contains(r: Rect, x: u16, y: u16) -> bool {
    x >= r.x && x < r.right() && y >= r.y && y < r.bottom()
}
