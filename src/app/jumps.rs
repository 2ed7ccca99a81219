//! The jump list, as in vim and helix: every jump records where the view
//! was, `back` returns there and `forward` undoes the `back`. A new jump
//! from the middle of the list drops the places ahead of it.

use crate::corpus::DocId;

/// A place in the corpus: a document and the byte at the top of the view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Loc {
    pub doc: DocId,
    pub anchor: usize,
}

/// How many places are kept.
const CAPACITY: usize = 100;

#[derive(Debug, Clone, Default)]
pub struct JumpList {
    entries: Vec<Loc>,
    /// Where `back` starts from: `entries.len()` when not walking the list.
    pos: usize,
}

impl JumpList {
    /// Record `from`, the place a jump leaves.
    pub fn push(&mut self, from: Loc) {
        self.entries.truncate(self.pos);
        if self.entries.last() != Some(&from) {
            self.entries.push(from);
        }
        if self.entries.len() > CAPACITY {
            self.entries.remove(0);
        }
        self.pos = self.entries.len();
    }

    /// The place before `here`, if any.
    pub fn back(&mut self, here: Loc) -> Option<Loc> {
        if self.pos == self.entries.len() {
            // Leaving the head: remember it so that `forward` returns here.
            if self.entries.last() != Some(&here) {
                self.entries.push(here);
            }
            self.pos = self.entries.len().saturating_sub(1);
        }
        let mut p = self.pos;
        while p > 0 {
            p -= 1;
            if self.entries[p] != here {
                self.pos = p;
                return Some(self.entries[p]);
            }
        }
        None
    }

    /// The place after `here`, once `back` has been used.
    pub fn forward(&mut self, here: Loc) -> Option<Loc> {
        let mut p = self.pos;
        while p + 1 < self.entries.len() {
            p += 1;
            if self.entries[p] != here {
                self.pos = p;
                return Some(self.entries[p]);
            }
        }
        None
    }

    /// (position walked to, counting from 1; places recorded).
    pub fn position(&self) -> (usize, usize) {
        (self.pos.min(self.entries.len()) + 1, self.entries.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(doc: DocId, anchor: usize) -> Loc {
        Loc { doc, anchor }
    }

    #[test]
    fn back_and_forward_retrace_the_jumps() {
        let mut j = JumpList::default();
        assert_eq!(j.back(at(0, 0)), None, "nothing to go back to");
        j.push(at(0, 0)); // jump from A to B
        j.push(at(1, 10)); // from B to C
        let c = at(2, 20);
        assert_eq!(j.back(c), Some(at(1, 10)));
        assert_eq!(j.back(at(1, 10)), Some(at(0, 0)));
        assert_eq!(j.back(at(0, 0)), None, "at the oldest place");
        assert_eq!(j.forward(at(0, 0)), Some(at(1, 10)));
        assert_eq!(
            j.forward(at(1, 10)),
            Some(c),
            "forward returns to where back started"
        );
        assert_eq!(j.forward(c), None);
        assert_eq!(j.back(c), Some(at(1, 10)));
    }

    #[test]
    fn a_new_jump_drops_the_places_ahead() {
        let mut j = JumpList::default();
        j.push(at(0, 0));
        j.push(at(1, 0));
        assert_eq!(j.back(at(2, 0)), Some(at(1, 0)));
        // From B, jump somewhere new: C is no longer ahead.
        j.push(at(1, 0));
        assert_eq!(j.forward(at(3, 0)), None);
        assert_eq!(j.back(at(3, 0)), Some(at(1, 0)));
        assert_eq!(j.back(at(1, 0)), Some(at(0, 0)));
    }

    #[test]
    fn repeated_places_are_skipped_and_the_list_is_bounded() {
        let mut j = JumpList::default();
        j.push(at(0, 0));
        j.push(at(0, 0));
        assert_eq!(j.position().1, 1, "the same place is kept once in a row");
        // Going back from the place itself finds nothing else.
        assert_eq!(j.back(at(0, 0)), None);
        let mut j = JumpList::default();
        for i in 0..250 {
            j.push(at(i, 0));
        }
        assert_eq!(j.position().1, CAPACITY);
        let mut n = 0;
        let mut here = at(999, 0);
        while let Some(l) = j.back(here) {
            here = l;
            n += 1;
        }
        assert_eq!(n, CAPACITY);
        assert_eq!(here, at(150, 0), "the oldest places are dropped first");
    }
}
