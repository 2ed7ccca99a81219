//! Screen geometry as a pure function of the terminal size and the state.
//! Both `update` (to page, clamp and hit-test clicks) and the renderer use
//! it, so they agree.

use crate::index::Index;
use ratatui::layout::Rect;

/// The longest line a document is set to, in cells, for readability.
pub const MAX_MEASURE: u16 = 100;
/// Columns left of the text for claim marks.
pub const GUTTER: u16 = 3;
/// Rows of the timeline strip, borders included.
pub const TIMELINE_HEIGHT: u16 = 7;
/// Rows of the compact strip (no borders) on short terminals.
pub const TIMELINE_COMPACT: u16 = 3;
/// Rows at the bottom of the sidebar for the chosen entity's details.
pub const ENTITY_DETAIL: u16 = 6;
/// Below this width the sidebar does not fit beside the text: its key
/// shows it as an overlay instead.
pub const SIDEBAR_MIN_WIDTH: u16 = 70;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panes {
    pub sidebar: Option<Rect>,
    pub document: Rect,
    pub timeline: Option<Rect>,
    pub status: Rect,
    /// The sidebar is drawn over the document (narrow terminals).
    pub sidebar_floats: bool,
}

/// What the user asked to see.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Show {
    pub sidebar: bool,
    /// The sidebar as an overlay on a narrow terminal.
    pub sidebar_overlay: bool,
    pub timeline: bool,
}

/// Is the timeline strip in its compact (borderless, 3-row) form?
pub fn timeline_compact(r: Rect) -> bool {
    r.height < TIMELINE_HEIGHT
}

/// Panes collapse as the terminal shrinks: the sidebar hides first (below
/// 70 columns; its key then shows it over the text), the timeline shrinks
/// to 3 rows below 35 rows and hides below 17 rows.
pub fn panes(area: Rect, sidebar_visible: bool) -> Panes {
    panes_for(
        area,
        Show {
            sidebar: sidebar_visible,
            sidebar_overlay: false,
            timeline: true,
        },
    )
}

pub fn panes_for(area: Rect, show: Show) -> Panes {
    let status = Rect {
        y: area.bottom().saturating_sub(1),
        height: area.height.min(1),
        ..area
    };
    let mut body = Rect {
        height: area.height.saturating_sub(1),
        ..area
    };
    let th = match body.height {
        34.. => TIMELINE_HEIGHT,
        16..=33 => TIMELINE_COMPACT,
        _ => 0,
    };
    let timeline = (show.timeline && th > 0 && body.width >= 30).then(|| {
        let t = Rect {
            y: body.bottom() - th,
            height: th,
            ..body
        };
        body.height -= th;
        t
    });
    let show_sidebar = show.sidebar && body.width >= SIDEBAR_MIN_WIDTH && body.height >= 6;
    if !show_sidebar {
        let floats = show.sidebar_overlay && body.width < SIDEBAR_MIN_WIDTH && body.height >= 6;
        let sidebar = floats.then(|| Rect {
            width: body.width.min(40).max(body.width * 3 / 4).min(body.width),
            ..body
        });
        return Panes {
            sidebar,
            document: body,
            timeline,
            status,
            sidebar_floats: floats,
        };
    }
    let w = (body.width / 4).clamp(24, 44);
    let sidebar = Rect { width: w, ..body };
    let document = Rect {
        x: body.x + w,
        width: body.width - w,
        ..body
    };
    Panes {
        sidebar: Some(sidebar),
        document,
        timeline,
        status,
        sidebar_floats: false,
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

/// The list part of the sidebar: below the tab row (and the filter row),
/// above the entity details.
pub fn sidebar_list(sidebar: Rect) -> Rect {
    let i = inner(sidebar);
    let top = 2.min(i.height);
    let detail = if i.height > ENTITY_DETAIL + 6 {
        ENTITY_DETAIL
    } else {
        0
    };
    Rect {
        y: i.y + top,
        height: i.height.saturating_sub(top + detail),
        ..i
    }
}

/// The entity detail area at the bottom of the sidebar.
pub fn sidebar_detail(sidebar: Rect) -> Rect {
    let i = inner(sidebar);
    let h = if i.height > ENTITY_DETAIL + 6 {
        ENTITY_DETAIL
    } else {
        0
    };
    Rect {
        y: i.bottom() - h,
        height: h,
        ..i
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

/// Compare view: the left and right documents and an information strip.
pub fn compare_panes(area: Rect) -> (Rect, Rect, Rect) {
    let body = Rect {
        height: area.height.saturating_sub(1),
        ..area
    };
    // The strip under the two sides: the pair, its relation and diff.
    let info_h = match body.height {
        30.. => 6,
        14..=29 => 4,
        _ => 0,
    };
    let top = Rect {
        height: body.height - info_h,
        ..body
    };
    let half = top.width / 2;
    let left = Rect { width: half, ..top };
    let right = Rect {
        x: top.x + half,
        width: top.width - half,
        ..top
    };
    let info = Rect {
        y: top.bottom(),
        height: info_h,
        ..body
    };
    (left, right, info)
}

pub fn contains(r: Rect, x: u16, y: u16) -> bool {
    x >= r.x && x < r.right() && y >= r.y && y < r.bottom()
}

/// The inside of the timeline strip: within its border, or (compact) the
/// whole strip.
pub fn timeline_inner(r: Rect) -> Rect {
    if timeline_compact(r) { r } else { inner(r) }
}

/// The slot of a position in the timeline.
pub fn slot_of(index: &Index, timeline_pos: usize) -> usize {
    index
        .timeline_slots
        .partition_point(|s| s.end <= timeline_pos)
}

/// A rectangle of `w`×`h` centred in `area`, clipped to it.
pub fn centred(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// The document picker of the compare view (borders included).
pub fn picker_popup(area: Rect, docs: usize) -> Rect {
    centred(
        area,
        area.width.saturating_sub(4).min(90),
        (docs as u16 + 2).min(area.height.saturating_sub(2)),
    )
}

/// The list of a stacked timeline column's events (borders included).
pub fn events_popup(area: Rect, events: usize) -> Rect {
    centred(
        area,
        area.width.saturating_sub(4).min(110),
        (events.min(u16::MAX as usize - 2) as u16 + 2).min(area.height.saturating_sub(2)),
    )
}

/// The first row shown of a list of `height` rows with `selected` kept at
/// the bottom once it passes it.
pub fn list_first(selected: usize, height: usize) -> usize {
    selected.saturating_sub(height.saturating_sub(1))
}

/// The wide list overlays (the hits, an entity's card), borders included.
pub fn wide_popup(area: Rect) -> Rect {
    centred(
        area,
        area.width.saturating_sub(2).min(130),
        area.height.saturating_sub(2),
    )
}

/// The list rows of the pins overlay drawn in `inner` (its last row is the
/// footer; the selected pin's details take 4 rows when there is room).
pub fn pins_list_height(inner: Rect) -> u16 {
    let body_h = inner.height.saturating_sub(1);
    let detail = if body_h > 10 { 4 } else { 0 };
    body_h - detail
}

/// Rows at the bottom of an entity card for the selected row's details.
pub const CARD_DETAIL: u16 = 3;

/// The list rows of an entity card drawn in `inner`.
pub fn card_list_height(inner: Rect) -> u16 {
    let detail = if inner.height > CARD_DETAIL + 6 {
        CARD_DETAIL
    } else {
        0
    };
    inner.height - detail
}

/// The first row shown of a list of `n` rows, `height` of them visible,
/// that keeps `selected` in the middle.
pub fn centred_first(selected: usize, n: usize, height: usize) -> usize {
    selected
        .saturating_sub(height / 2)
        .min(n.saturating_sub(height))
}

/// The pair overlay of the compare view (borders included).
pub fn pair_popup(area: Rect) -> Rect {
    centred(
        area,
        area.width.saturating_sub(4).min(100),
        area.height.saturating_sub(2),
    )
}
