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
/// Rows at the bottom of the sidebar for the chosen entity's details.
pub const ENTITY_DETAIL: u16 = 6;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panes {
    pub sidebar: Option<Rect>,
    pub document: Rect,
    pub timeline: Option<Rect>,
    pub status: Rect,
}

/// Panes collapse as the terminal shrinks: the sidebar hides first (below
/// 70 columns), then the timeline (below 16 rows).
pub fn panes(area: Rect, sidebar_visible: bool) -> Panes {
    let status = Rect {
        y: area.bottom().saturating_sub(1),
        height: area.height.min(1),
        ..area
    };
    let mut body = Rect {
        height: area.height.saturating_sub(1),
        ..area
    };
    let timeline = (body.height >= 16 && body.width >= 30).then(|| {
        let t = Rect {
            y: body.bottom() - TIMELINE_HEIGHT,
            height: TIMELINE_HEIGHT,
            ..body
        };
        body.height -= TIMELINE_HEIGHT;
        t
    });
    let show_sidebar = sidebar_visible && body.width >= 70 && body.height >= 6;
    if !show_sidebar {
        return Panes {
            sidebar: None,
            document: body,
            timeline,
            status,
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

/// Which timeline slots are shown, and how wide each is: every distinct date
/// gets a slot, in order; when there are more than fit, a window of them
/// around the selected one.
pub fn timeline_window(
    width: u16,
    slots: usize,
    selected_slot: Option<usize>,
) -> (usize, usize, u16) {
    if slots == 0 || width == 0 {
        return (0, 0, 1);
    }
    let slot_w = (width as usize / slots).clamp(2, 12) as u16;
    let fit = (width / slot_w).max(1) as usize;
    if slots <= fit {
        return (0, slots, slot_w);
    }
    let sel = selected_slot.unwrap_or(0);
    let first = sel.saturating_sub(fit / 2).min(slots - fit);
    (first, fit, slot_w)
}

/// The slot of a position in the timeline.
pub fn slot_of(index: &Index, timeline_pos: usize) -> usize {
    index
        .timeline_slots
        .partition_point(|s| s.end <= timeline_pos)
}

/// The timeline position clicked at column `x` of the strip `r`.
pub fn timeline_event_at(r: Rect, index: &Index, selected: Option<usize>, x: u16) -> Option<usize> {
    let i = inner(r);
    let (first, count, slot_w) = timeline_window(
        i.width,
        index.timeline_slots.len(),
        selected.map(|s| slot_of(index, s)),
    );
    if x < i.x {
        return None;
    }
    let k = ((x - i.x) / slot_w) as usize;
    (k < count).then(|| index.timeline_slots[first + k].start)
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

/// The pair overlay of the compare view (borders included).
pub fn pair_popup(area: Rect) -> Rect {
    centred(
        area,
        area.width.saturating_sub(4).min(100),
        area.height.saturating_sub(2),
    )
}
