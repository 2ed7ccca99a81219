//! The compare view's state: two documents side by side, and the aligned
//! pair of linked claims last jumped to.

use crate::corpus::DocId;
use crate::index::Index;

/// Two documents side by side; the left one scrolls, the right follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Compare {
    pub left: DocId,
    pub right: DocId,
    /// The aligned pair last jumped to.
    pub pair: usize,
}

impl Compare {
    /// The next (or previous) pair of `count`; the first when nothing is
    /// selected yet.
    pub fn step(&self, count: usize, forward: bool, fresh: bool) -> usize {
        if fresh || count == 0 {
            return 0;
        }
        if forward {
            (self.pair + 1).min(count - 1)
        } else {
            self.pair.saturating_sub(1)
        }
    }
}

/// Linked claims between two documents, aligned: (left claim, right claim),
/// in the left document's order, each left claim with its strongest link.
pub fn compare_pairs(index: &Index, left: DocId, right: DocId) -> Vec<(usize, usize)> {
    index
        .doc_claims(left)
        .iter()
        .filter_map(|c| {
            index.links[c.id]
                .iter()
                .find(|l| index.claims[l.to].doc == right)
                .map(|l| (c.id, l.to))
        })
        .collect()
}

/// The document `doc` is most often linked to (other than itself).
pub fn most_linked(index: &Index, doc_count: usize, doc: DocId) -> Option<DocId> {
    let mut counts = vec![0usize; doc_count];
    for c in index.doc_claims(doc) {
        for l in &index.links[c.id] {
            counts[index.claims[l.to].doc] += 1;
        }
    }
    counts
        .iter()
        .enumerate()
        .filter(|(d, n)| *d != doc && **n > 0)
        .max_by_key(|(_, n)| **n)
        .map(|(d, _)| d)
}
