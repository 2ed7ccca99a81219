//! Entities by name: when a search query is the name or an alias of an
//! entity, the entity is offered before the text hits.

use super::fold::fold_query;
use crate::index::Index;
use std::collections::HashMap;

#[derive(Debug, Default)]
pub struct Names {
    /// Folded name or alias → entities, most mentioned first.
    exact: HashMap<String, Vec<usize>>,
    /// Folded word of a name → entities, most mentioned first.
    words: HashMap<String, Vec<usize>>,
}

impl Names {
    pub fn build(index: &Index) -> Names {
        let mut n = Names::default();
        for e in &index.entities {
            let mut names = vec![fold_query(e.name.trim())];
            names.extend(e.aliases.iter().map(|a| fold_query(a.name.trim())));
            for name in names {
                for w in name.split(|c: char| !c.is_alphanumeric()) {
                    if w.chars().count() >= 3 && w != name {
                        n.words.entry(w.to_string()).or_default().push(e.id);
                    }
                }
                n.exact.entry(name).or_default().push(e.id);
            }
        }
        let by_mentions = |v: &mut Vec<usize>| {
            v.sort_by_key(|&e| (std::cmp::Reverse(index.entities[e].mentions.len()), e));
            v.dedup();
        };
        n.exact.values_mut().for_each(by_mentions);
        n.words.values_mut().for_each(by_mentions);
        n
    }

    /// The entity whose name or alias `query` is (any case; the most
    /// mentioned when several).
    pub fn exact(&self, query: &str) -> Option<usize> {
        let q = fold_query(query.trim());
        self.exact.get(&q).and_then(|v| v.first().copied())
    }

    /// The entities whose name or an alias has `query` as a whole word
    /// (of three letters or more), most mentioned first.
    pub fn with_word(&self, query: &str) -> &[usize] {
        let q = fold_query(query.trim());
        self.words.get(&q).map_or(&[], Vec::as_slice)
    }

    /// The entity `query` names: one whose name or alias it is (the most
    /// mentioned when several), else the most mentioned whose name has it
    /// as a whole word.
    pub fn offer(&self, query: &str) -> Option<usize> {
        let q = fold_query(query.trim());
        if q.is_empty() {
            return None;
        }
        self.exact
            .get(&q)
            .or_else(|| self.words.get(&q))
            .and_then(|v| v.first().copied())
    }
}
