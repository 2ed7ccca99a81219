//! The search's state: the prompt being typed on the bottom line, the search
//! kept after it (its hits highlighted, `n`/`N` walking them), and the rows
//! of the hits list.

use super::input::LineInput;
use super::jumps::Loc;
use crate::search::{Hit, Hits, Mode, Names, Searcher};
use std::sync::Arc;

/// What `n`/`N` walk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Walk {
    #[default]
    Hits,
    Mentions,
}

/// A search with its hits.
#[derive(Debug, Clone)]
pub struct Active {
    pub hits: Hits,
    /// The hit last gone to.
    pub current: Option<Hit>,
    /// The entity the query names, offered before the hits.
    pub entity: Option<usize>,
}

/// The prompt on the bottom line, while a query is typed.
#[derive(Debug, Clone)]
pub struct Prompt {
    pub input: LineInput,
    /// Where the view was when the prompt opened: `Esc` returns there.
    pub origin: Loc,
    /// The search kept before, restored by `Esc`.
    pub previous: Option<Active>,
    /// Why the query cannot run (a bad regex), or that the index is not
    /// ready yet.
    pub note: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct SearchState {
    pub prompt: Option<Prompt>,
    pub active: Option<Active>,
    /// Words or regex, kept from one search to the next.
    pub mode: Mode,
    pub searcher: Searcher,
    /// Entity names, built once the analysis is there.
    pub names: Option<Arc<Names>>,
}

/// A row of the hits list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HitRow {
    /// The entity the query names.
    Entity(usize),
    /// The heading of the `i`-th document with hits.
    Doc(usize),
    /// The `k`-th hit of the `i`-th document with hits.
    Hit(usize, usize),
}

/// The rows of the hits list: the entity offered, then per document a
/// heading and its hits. Rows are computed, not stored: a short query can
/// have millions of hits.
pub struct HitRows<'a> {
    pub active: &'a Active,
}

impl HitRows<'_> {
    fn offset(&self) -> usize {
        usize::from(self.active.entity.is_some())
    }

    /// The row of the heading of the `i`-th document with hits.
    pub fn doc_row(&self, i: usize) -> usize {
        self.offset() + i + self.active.hits.before(i) as usize
    }

    pub fn len(&self) -> usize {
        self.offset() + self.active.hits.docs.len() + self.active.hits.total as usize
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn row(&self, r: usize) -> Option<HitRow> {
        if r >= self.len() {
            return None;
        }
        if let Some(e) = self.active.entity
            && r == 0
        {
            return Some(HitRow::Entity(e));
        }
        let n = self.active.hits.docs.len();
        // The last document whose heading is at or before r.
        let (mut lo, mut hi) = (0, n);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.doc_row(mid) <= r {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let i = lo.checked_sub(1)?;
        let head = self.doc_row(i);
        Some(if r == head {
            HitRow::Doc(i)
        } else {
            HitRow::Hit(i, r - head - 1)
        })
    }

    /// The row of the current hit, else the first row.
    pub fn current_row(&self) -> usize {
        let Some(h) = &self.active.current else {
            return 0;
        };
        let hits = &self.active.hits;
        let i = hits.docs.partition_point(|d| d.0 < h.doc);
        if hits.docs.get(i).is_none_or(|d| d.0 != h.doc) {
            return 0;
        }
        self.doc_row(i) + 1 + (h.ordinal - hits.before(i)) as usize
    }
}
