//! The chosen entity: its mentions are highlighted everywhere, and `n`/`N`
//! walk them through the corpus.

use crate::corpus::DocId;
use crate::index::Index;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chosen {
    pub entity: usize,
    /// Position in the entity's mention list.
    pub mention: Option<usize>,
}

impl Chosen {
    /// Choose `entity`, starting at its first mention in `doc` when it has
    /// one there, else its first mention.
    pub fn new(index: &Index, entity: usize, doc: DocId) -> Chosen {
        let ms = &index.entities[entity].mentions;
        let first = ms
            .iter()
            .position(|&m| index.mentions[m].doc == doc)
            .unwrap_or(0);
        Chosen {
            entity,
            mention: (!ms.is_empty()).then_some(first),
        }
    }

    /// Step to the next (or previous) mention, going round; returns the
    /// mention's index in the index's mention list.
    pub fn step(&mut self, index: &Index, forward: bool) -> Option<usize> {
        let ms = &index.entities[self.entity].mentions;
        if ms.is_empty() {
            return None;
        }
        let next = match self.mention {
            Some(m) if forward => (m + 1) % ms.len(),
            Some(m) => (m + ms.len() - 1) % ms.len(),
            None => 0,
        };
        self.mention = Some(next);
        Some(ms[next])
    }

    /// The mention currently walked to.
    pub fn current(&self, index: &Index) -> Option<usize> {
        self.mention
            .and_then(|m| index.entities[self.entity].mentions.get(m).copied())
    }
}
