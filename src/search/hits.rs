//! Running a query over the corpus: how many hits each document has, and
//! where the next or previous hit is from a place. A searcher keeps the hits
//! of the queries typed so far, so that a query that extends one of them
//! (the next keystroke) checks only that one's hits instead of the corpus.

use super::index::SearchIndex;
use super::query::{Matcher, Query};
use crate::corpus::{DocId, Document};
use rayon::prelude::*;
use std::ops::Range;
use std::sync::Arc;

/// The hits of a query: per document, how many, in corpus order.
#[derive(Debug, Clone)]
pub struct Hits {
    pub query: Query,
    /// Documents with at least one hit, with their count, in corpus order.
    pub docs: Vec<(DocId, u32)>,
    /// Hits before each entry of `docs`.
    before: Vec<u64>,
    pub total: u64,
}

/// One hit: its document, its byte range, and its number among all hits
/// (from 0, in corpus order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub doc: DocId,
    pub range: Range<usize>,
    pub ordinal: u64,
}

impl Hits {
    fn new(query: Query, docs: Vec<(DocId, u32)>) -> Hits {
        let mut before = Vec::with_capacity(docs.len());
        let mut total = 0u64;
        for (_, n) in &docs {
            before.push(total);
            total += *n as u64;
        }
        Hits {
            query,
            docs,
            before,
            total,
        }
    }

    /// How many hits `doc` has.
    pub fn count_in(&self, doc: DocId) -> u32 {
        self.docs
            .binary_search_by_key(&doc, |d| d.0)
            .map_or(0, |i| self.docs[i].1)
    }

    /// Hits in the documents before the `i`-th document with hits.
    pub fn before(&self, i: usize) -> u64 {
        self.before.get(i).copied().unwrap_or(self.total)
    }

    /// The first hit after (`forward`) or before byte `pos` of `doc`, going
    /// round the corpus; `pos` of `None` means "from the start of `doc`"
    /// (inclusive), so the first hit at or after it is found.
    pub fn step(
        &self,
        index: &SearchIndex,
        docs: &[Document],
        doc: DocId,
        pos: Option<usize>,
        forward: bool,
    ) -> Option<(Hit, bool)> {
        if self.docs.is_empty() {
            return None;
        }
        let slot = self.docs.partition_point(|d| d.0 < doc);
        // In this document first.
        if self.docs.get(slot).is_some_and(|d| d.0 == doc) {
            let hits = index.doc_hits(&self.query, doc, &docs[doc].text);
            let k = if forward {
                match pos {
                    None => Some(0).filter(|_| !hits.is_empty()),
                    Some(p) => {
                        let k = hits.partition_point(|r| r.start <= p);
                        (k < hits.len()).then_some(k)
                    }
                }
            } else {
                let p = pos.unwrap_or(0);
                hits.partition_point(|r| r.start < p).checked_sub(1)
            };
            if let Some(k) = k {
                return Some((
                    Hit {
                        doc,
                        range: hits[k].clone(),
                        ordinal: self.before(slot) + k as u64,
                    },
                    false,
                ));
            }
        }
        // Then the next (or previous) document with hits, going round.
        let n = self.docs.len();
        let (i, wrapped) = if forward {
            let i = if self.docs.get(slot).is_some_and(|d| d.0 == doc) {
                slot + 1
            } else {
                slot
            };
            if i >= n { (0, true) } else { (i, false) }
        } else if slot == 0 {
            (n - 1, true)
        } else {
            (slot - 1, false)
        };
        let d = self.docs[i].0;
        let hits = index.doc_hits(&self.query, d, &docs[d].text);
        let k = if forward {
            0
        } else {
            hits.len().checked_sub(1)?
        };
        let range = hits.get(k)?.clone();
        Some((
            Hit {
                doc: d,
                range,
                ordinal: self.before(i) + k as u64,
            },
            wrapped,
        ))
    }
}

/// Folded starts of a words query, per document with hits.
type Starts = Arc<Vec<(DocId, Vec<u32>)>>;

/// Runs queries, remembering the hits of the last few so that typing on
/// narrows instead of searching again, and deleting returns at once.
#[derive(Debug, Clone, Default)]
pub struct Searcher {
    /// (folded words, folded starts of every caseless occurrence), newest last.
    recent: Vec<(String, Starts)>,
}

/// How many earlier queries are remembered.
const RECENT: usize = 24;
/// Above this many occurrences the starts are not kept (memory); the next
/// keystroke then scans again.
const KEEP_AT_MOST: usize = 4_000_000;

impl Searcher {
    pub fn clear(&mut self) {
        self.recent.clear();
    }

    /// Every document's hit count for `q`.
    pub fn search(&mut self, index: &SearchIndex, docs: &[Document], q: Query) -> Hits {
        let n = index.len().min(docs.len());
        let counts: Vec<(DocId, u32)> = match &q.matcher {
            Matcher::Regex(re) => (0..n)
                .into_par_iter()
                .map(|d| {
                    let c = re
                        .find_iter(&docs[d].text)
                        .filter(|m| !m.is_empty())
                        .count();
                    (d, c as u32)
                })
                .filter(|x| x.1 > 0)
                .collect(),
            Matcher::Words { .. } if n == 0 || index.counted(&q, 0).is_some() => (0..n)
                .filter_map(|d| index.counted(&q, d).map(|c| (d, c)))
                .filter(|x| x.1 > 0)
                .collect(),
            Matcher::Words { folded, .. } => {
                let starts = self.starts(index, &q, folded, n);
                let c: Vec<(DocId, u32)> = starts
                    .par_iter()
                    .map(|(d, s)| (*d, index.confirm_count(&q, *d, &docs[*d].text, s)))
                    .filter(|x| x.1 > 0)
                    .collect();
                c
            }
        };
        Hits::new(q, counts)
    }

    /// The folded starts of `folded` in every document: remembered, or
    /// narrowed from a remembered query it extends, or scanned.
    fn starts(&mut self, index: &SearchIndex, q: &Query, folded: &str, n: usize) -> Starts {
        if let Some((_, s)) = self.recent.iter().find(|(f, _)| f == folded) {
            return s.clone();
        }
        let base = self
            .recent
            .iter()
            .filter(|(f, _)| !f.is_empty() && folded.starts_with(f.as_str()))
            .max_by_key(|(f, _)| f.len())
            .map(|(_, s)| s.clone());
        let needle = folded.as_bytes();
        let starts: Vec<(DocId, Vec<u32>)> = match base {
            Some(base) => base
                .par_iter()
                .filter_map(|(d, s)| {
                    let t = index.docs[*d].text.as_bytes();
                    let kept: Vec<u32> = s
                        .iter()
                        .copied()
                        .filter(|&p| t[p as usize..].starts_with(needle))
                        .collect();
                    (!kept.is_empty()).then_some((*d, kept))
                })
                .collect(),
            None => (0..n)
                .into_par_iter()
                .filter_map(|d| {
                    let s = index.folded_starts(q, d, 0..usize::MAX);
                    (!s.is_empty()).then_some((d, s))
                })
                .collect(),
        };
        let total: usize = starts.iter().map(|(_, s)| s.len()).sum();
        let starts = Arc::new(starts);
        if total <= KEEP_AT_MOST {
            self.recent.push((folded.to_string(), starts.clone()));
            if self.recent.len() > RECENT {
                self.recent.remove(0);
            }
        }
        starts
    }
}
