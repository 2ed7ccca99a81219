//! The entity card's state: the card (built when it opens), its rows and
//! the selected one.

use crate::card::{Card, Row, RowKind};

#[derive(Debug, Clone)]
pub struct CardState {
    pub card: Card,
    pub rows: Vec<Row>,
    /// The selected row (one that leads somewhere).
    pub selected: usize,
}

impl CardState {
    pub fn new(card: Card, rows: Vec<Row>) -> CardState {
        let selected = rows
            .iter()
            .position(|r| r.kind == RowKind::Item)
            .unwrap_or(0);
        CardState {
            card,
            rows,
            selected,
        }
    }

    /// Move to the `delta`-th row that leads somewhere, up or down.
    pub fn move_by(&mut self, delta: isize) {
        let items: Vec<usize> = (0..self.rows.len())
            .filter(|&i| self.rows[i].jump.is_some())
            .collect();
        if items.is_empty() {
            return;
        }
        let at = items.partition_point(|&i| i < self.selected);
        let k = (at as isize)
            .saturating_add(delta)
            .clamp(0, items.len() as isize - 1) as usize;
        self.selected = items[k];
    }
}
