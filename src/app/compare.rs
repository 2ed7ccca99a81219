//! The compare view's state: two documents side by side, each scrolled on
//! its own (a byte anchor per side), the side that has focus, whether the
//! other follows it, the linked pairs of claims between them and the one
//! selected, and, for two copies of one article, the passages of each that
//! the other lacks. Pure functions only; the actions are in `act_compare`.

use crate::corpus::DocId;
use crate::index::Index;
use crate::text::wrap::Line;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Left,
    Right,
}

impl Side {
    pub fn i(self) -> usize {
        match self {
            Side::Left => 0,
            Side::Right => 1,
        }
    }

    pub fn other(self) -> Side {
        match self {
            Side::Left => Side::Right,
            Side::Right => Side::Left,
        }
    }
}

/// Two documents side by side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Compare {
    pub left: DocId,
    pub right: DocId,
    /// Byte offset of the first visible line of each side (left, right):
    /// a text position, so it survives a change of width.
    pub anchors: [usize; 2],
    /// The side that scrolls (and leads when `sync` is on).
    pub focus: Side,
    /// The other side follows the focused one.
    pub sync: bool,
    /// Linked claims between the two, (left claim, right claim), in the
    /// left document's order.
    pub pairs: Vec<(usize, usize)>,
    /// The selected pair (an index into `pairs`).
    pub pair: Option<usize>,
    /// Passages of each side (left, right) that the other lacks, when the
    /// two are copies of one article (empty otherwise).
    pub missing: [Vec<Range<usize>>; 2],
}

impl Compare {
    pub fn new(left: DocId, right: DocId) -> Compare {
        Compare {
            left,
            right,
            anchors: [0, 0],
            focus: Side::Left,
            sync: true,
            pairs: Vec::new(),
            pair: None,
            missing: [Vec::new(), Vec::new()],
        }
    }

    pub fn doc(&self, side: Side) -> DocId {
        match side {
            Side::Left => self.left,
            Side::Right => self.right,
        }
    }

    /// The claim of `side` in pair `p`.
    pub fn claim(&self, p: usize, side: Side) -> Option<usize> {
        self.pairs
            .get(p)
            .map(|&(l, r)| if side == Side::Left { l } else { r })
    }

    /// The selected pair.
    pub fn selected(&self) -> Option<(usize, usize)> {
        self.pair.and_then(|p| self.pairs.get(p).copied())
    }

    /// Fill in what the analysis knows: the pairs and the missing passages.
    pub fn analyse(&mut self, index: &Index, texts: [&str; 2]) {
        self.pairs = compare_pairs(index, self.left, self.right);
        self.missing = if copies(index, self.left, self.right) {
            [
                missing_passages(index, self.left, self.right, texts),
                missing_passages(index, self.right, self.left, [texts[1], texts[0]]),
            ]
        } else {
            [Vec::new(), Vec::new()]
        };
    }
}

/// Linked claims between two documents: every link from a claim of `left`
/// to a claim of `right`, in the left document's order (then the right's).
pub fn compare_pairs(index: &Index, left: DocId, right: DocId) -> Vec<(usize, usize)> {
    let mut pairs: Vec<(usize, usize)> = index
        .doc_claims(left)
        .iter()
        .flat_map(|c| {
            index.links[c.id]
                .iter()
                .filter(|l| index.claims[l.to].doc == right)
                .map(move |l| (c.id, l.to))
        })
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// Are the two documents copies of one article?
pub fn copies(index: &Index, a: DocId, b: DocId) -> bool {
    index
        .duplicates
        .iter()
        .any(|d| (d.a == a && d.b == b) || (d.a == b && d.b == a))
}

/// A sentence as words, case and punctuation left out, so that two copies
/// that differ in quotes or spacing still match.
fn sentence_key(s: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    for w in s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        for c in w.chars().flat_map(char::to_lowercase) {
            c.hash(&mut h);
        }
        ' '.hash(&mut h);
    }
    h.finish()
}

/// The passages of `doc` whose sentences `other` does not have, adjacent
/// sentences joined. `texts` are the two documents' texts, `doc`'s first.
pub fn missing_passages(
    index: &Index,
    doc: DocId,
    other: DocId,
    texts: [&str; 2],
) -> Vec<Range<usize>> {
    let theirs: rustc_hash::FxHashSet<u64> = index.docs[other]
        .sentences
        .iter()
        .map(|r| sentence_key(&texts[1][r.clone()]))
        .collect();
    let mut out: Vec<Range<usize>> = Vec::new();
    for r in &index.docs[doc].sentences {
        let s = &texts[0][r.clone()];
        if s.trim().is_empty() || theirs.contains(&sentence_key(s)) {
            continue;
        }
        match out.last_mut() {
            // Sentences of one paragraph make one passage.
            Some(last)
                if texts[0][last.end..r.start].trim().is_empty()
                    && !texts[0][last.end..r.start].contains('\n') =>
            {
                last.end = r.end
            }
            _ => out.push(r.clone()),
        }
    }
    out
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

/// Index of the line holding byte `pos`.
fn line_of(lines: &[Line], pos: usize) -> usize {
    lines
        .partition_point(|l| l.range.start <= pos)
        .saturating_sub(1)
}

/// The top line of the follower that puts a pair visible on the leader
/// on the same row on both sides: the selected pair when the leader shows
/// it, else the first pair it shows. `leader`/`follower` are (lines, top)
/// and `pairs` are (leader's claim start, follower's claim start). None
/// when no pair is in the leader's view.
pub fn aligned_top(
    leader: (&[Line], usize),
    follower: &[Line],
    height: usize,
    pairs: &[(usize, usize)],
    selected: Option<usize>,
) -> Option<usize> {
    let (llines, ltop) = leader;
    let row = |pos: usize| {
        let l = line_of(llines, pos);
        (l >= ltop && l < ltop + height).then(|| l - ltop)
    };
    let chosen = selected
        .and_then(|s| pairs.get(s))
        .filter(|p| row(p.0).is_some())
        .or_else(|| pairs.iter().find(|p| row(p.0).is_some()))?;
    let r = row(chosen.0)?;
    Some(
        line_of(follower, chosen.1)
            .saturating_sub(r)
            .min(follower.len().saturating_sub(1)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::wrap::wrap;

    #[test]
    fn sentences_match_whatever_their_quotes_and_spacing() {
        assert_eq!(
            sentence_key("He said “we will stay.”"),
            sentence_key("He  said \"we will\nstay\"")
        );
        assert_ne!(sentence_key("We will stay."), sentence_key("We will go."));
    }

    #[test]
    fn the_follower_lines_up_the_pair_in_view() {
        let left = "one\ntwo\nthree claim\nfour\n";
        let right = "a\nb\nc\nd\ne\nthree claim\nf\n";
        let (ll, rl) = (wrap(left, 40), wrap(right, 40));
        let l3 = left.find("three").unwrap();
        let r3 = right.find("three").unwrap();
        // Leader at its top: the pair is on row 2 of the leader, so the
        // follower's top is two lines above its claim.
        assert_eq!(aligned_top((&ll, 0), &rl, 10, &[(l3, r3)], None), Some(3));
        // Leader scrolled past the pair: nothing to align.
        assert_eq!(aligned_top((&ll, 3), &rl, 10, &[(l3, r3)], None), None);
    }
}
