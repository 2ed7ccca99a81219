//! The timeline strip's state (the selected event, the axis mode, what is
//! folded away) and its geometry: which events sit in which column, as a
//! pure function of the index, the width and the state, so that drawing,
//! clicks and keys agree.

use crate::index::Index;

#[derive(Debug, Clone, Default)]
pub struct TimelineState {
    /// The selected event, as a position in the index's timeline.
    pub event: Option<usize>,
    /// The axis is to scale (long gaps broken and marked `≈`) instead of
    /// one evenly spaced column per date.
    pub scaled: bool,
    /// Background dates (well before their document's own date) are
    /// folded away.
    pub fold_background: bool,
    /// The strip is hidden.
    pub hidden: bool,
    /// The events of the stacked column listed in the events overlay.
    pub listed: Vec<usize>,
}

/// One column of the strip.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// Offset from the strip's left edge, in cells.
    pub x: u16,
    /// Timeline positions of its events, in date order.
    pub events: Vec<usize>,
    /// A long stretch of time without events lies just before this
    /// column (to-scale axis only); drawn `≈` two cells to the left.
    pub gap_before: bool,
}

/// The columns shown at a width, and whether more lie off either side.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Axis {
    pub columns: Vec<Column>,
    pub more_left: bool,
    pub more_right: bool,
    /// Cells per column on the evenly spaced axis (1 on the scaled one).
    pub slot_w: u16,
}

impl Axis {
    /// The column shown at offset `dx` from the strip's left edge.
    pub fn column_at(&self, dx: u16) -> Option<&Column> {
        let w = self.slot_w.max(1);
        self.columns.iter().find(|c| dx >= c.x && dx < c.x + w)
    }

    /// The column holding timeline position `pos`.
    pub fn column_of(&self, pos: usize) -> Option<&Column> {
        self.columns.iter().find(|c| c.events.contains(&pos))
    }
}

/// Which dates are background: those that ended more than a year before
/// their own document's date ("since 1945", "the 2018 summit" in a 2020
/// article). A document without a date of its own is dated by the latest
/// date it states, as relative dates are.
pub struct Background {
    /// Per document, its reference day (days from 1 CE).
    refs: Vec<Option<i64>>,
}

fn last_day(e: &crate::analysis::Event) -> Option<i64> {
    use chrono::Datelike;
    e.end
        .or(e.date)?
        .last_day()
        .map(|d| d.num_days_from_ce() as i64)
}

impl Background {
    pub fn new(index: &Index) -> Background {
        use chrono::Datelike;
        let mut latest: Vec<Option<i64>> = vec![None; index.docs.len()];
        for e in &index.events {
            if let (Some(l), Some(slot)) = (last_day(e), latest.get_mut(e.doc)) {
                *slot = Some(slot.map_or(l, |s: i64| s.max(l)));
            }
        }
        let refs = index
            .docs
            .iter()
            .zip(latest)
            .map(|(d, l)| d.meta.date.map(|(d, _)| d.num_days_from_ce() as i64).or(l))
            .collect();
        Background { refs }
    }

    /// Is timeline position `pos` a background date?
    pub fn is(&self, index: &Index, pos: usize) -> bool {
        let e = &index.events[index.timeline[pos]];
        match (last_day(e), self.refs.get(e.doc).copied().flatten()) {
            (Some(l), Some(r)) => l < r - 365,
            _ => false,
        }
    }
}

/// Is timeline position `pos` a background date? (One question; for many,
/// build a `Background` once.)
pub fn is_background(index: &Index, pos: usize) -> bool {
    Background::new(index).is(index, pos)
}

/// Timeline positions that are shown (all, less folded background dates),
/// in order: what `h`/`l` step through.
pub fn visible_events(index: &Index, state: &TimelineState) -> Vec<usize> {
    if !state.fold_background {
        return (0..index.timeline.len()).collect();
    }
    let bg = Background::new(index);
    (0..index.timeline.len())
        .filter(|&p| !bg.is(index, p))
        .collect()
}

/// How many background dates the corpus has.
pub fn background_count(index: &Index) -> usize {
    let bg = Background::new(index);
    (0..index.timeline.len())
        .filter(|&p| bg.is(index, p))
        .count()
}

/// The shown events grouped by date (one group per slot of the index).
fn groups(index: &Index, state: &TimelineState) -> Vec<Vec<usize>> {
    let bg = state.fold_background.then(|| Background::new(index));
    index
        .timeline_slots
        .iter()
        .map(|r| {
            r.clone()
                .filter(|&p| !bg.as_ref().is_some_and(|b| b.is(index, p)))
                .collect::<Vec<_>>()
        })
        .filter(|g| !g.is_empty())
        .collect()
}

/// Cells a long gap takes on the to-scale axis.
const GAP_CELLS: u16 = 3;

/// The columns of a strip `width` cells wide.
pub fn axis(index: &Index, width: u16, state: &TimelineState) -> Axis {
    let groups = groups(index, state);
    if groups.is_empty() || width == 0 {
        return Axis {
            slot_w: 1,
            ..Axis::default()
        };
    }
    if state.scaled {
        return scaled_axis(index, width, groups);
    }
    let n = groups.len();
    let slot_w = (width as usize / n).clamp(2, 12) as u16;
    let fit = (width / slot_w).max(1) as usize;
    let sel = state
        .event
        .and_then(|e| groups.iter().position(|g| g.contains(&e)))
        .unwrap_or(0);
    let first = if n <= fit {
        0
    } else {
        sel.saturating_sub(fit / 2).min(n - fit)
    };
    let shown = fit.min(n - first);
    let columns = groups
        .into_iter()
        .skip(first)
        .take(shown)
        .enumerate()
        .map(|(k, events)| Column {
            x: k as u16 * slot_w,
            events,
            gap_before: false,
        })
        .collect();
    Axis {
        columns,
        more_left: first > 0,
        more_right: first + shown < n,
        slot_w,
    }
}

/// Every date placed by its day, long gaps broken to a few cells: dates
/// close together share a column (stacked).
fn scaled_axis(index: &Index, width: u16, groups: Vec<Vec<usize>>) -> Axis {
    let day = |g: &Vec<usize>| index.events[index.timeline[g[0]]].axis_day();
    let (dated, unknown): (Vec<_>, Vec<_>) = groups.into_iter().partition(|g| day(g).is_some());
    let days: Vec<i64> = dated.iter().filter_map(day).collect();
    // A gap is broken when it is longer than a year and more than four
    // times the median gap: the axis stays to scale between breaks.
    let gaps: Vec<i64> = days.windows(2).map(|w| w[1] - w[0]).collect();
    let mut sorted = gaps.clone();
    sorted.sort_unstable();
    let median = sorted.get(sorted.len() / 2).copied().unwrap_or(0);
    let broken: Vec<bool> = gaps
        .iter()
        .map(|&g| g > 365 && g > 4 * median.max(1))
        .collect();
    let breaks = broken.iter().filter(|b| **b).count() as u16;
    let linear: i64 = gaps
        .iter()
        .zip(&broken)
        .filter(|(_, b)| !**b)
        .map(|(g, _)| *g)
        .sum();
    let reserved = if unknown.is_empty() { 1 } else { 3 };
    let avail = width.saturating_sub(reserved + breaks * GAP_CELLS) as f64;
    let scale = if linear > 0 {
        avail / linear as f64
    } else {
        0.0
    };
    let mut columns: Vec<Column> = Vec::new();
    let (mut cum, mut brk) = (0i64, 0u16);
    for (i, events) in dated.into_iter().enumerate() {
        let mut gap_before = false;
        if i > 0 {
            if broken[i - 1] {
                brk += 1;
                gap_before = true;
            } else {
                cum += gaps[i - 1];
            }
        }
        let x = ((cum as f64 * scale).round() as u16 + brk * GAP_CELLS)
            .min(width.saturating_sub(reserved));
        match columns.last_mut() {
            Some(c) if c.x >= x => c.events.extend(events),
            _ => columns.push(Column {
                x,
                events,
                gap_before,
            }),
        }
    }
    if !unknown.is_empty() {
        let x = width.saturating_sub(1);
        columns.push(Column {
            x,
            events: unknown.into_iter().flatten().collect(),
            gap_before: false,
        });
    }
    Axis {
        columns,
        more_left: false,
        more_right: false,
        slot_w: 1,
    }
}

impl TimelineState {
    /// Select the event `delta` places away among the `shown` positions;
    /// with none selected (or the selected one folded away), the first
    /// (forward) or the last.
    pub fn move_by(&mut self, shown: &[usize], delta: isize) {
        if shown.is_empty() {
            return;
        }
        let n = shown.len() as isize;
        let next = match self.event.and_then(|e| shown.iter().position(|&p| p == e)) {
            None if delta >= 0 => 0,
            None => n - 1,
            Some(i) => (i as isize + delta).clamp(0, n - 1),
        };
        self.event = Some(shown[next as usize]);
    }
}
