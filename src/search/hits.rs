//! Running a query over the corpus: how many hits each document has, and
//! where the next or previous hit is from a place. A searcher keeps the hits
//! of the queries typed so far, so that a query that extends one of them
//! (the next keystroke) checks only that one's hits instead of the corpus.

use super::index::SearchIndex;
use super::query::{Matcher, Query, Space};
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

/// Occurrences of a needle (start offsets in its space), per document with
/// some.
type Starts = Arc<Vec<(DocId, Vec<u32>)>>;

/// Runs queries, remembering the occurrences of the last few needles so
/// that typing on narrows instead of searching again, and deleting returns
/// at once.
#[derive(Debug, Clone, Default)]
pub struct Searcher {
    /// ((space, needle), its occurrences), newest last.
    recent: Vec<((Space, String), Starts)>,
}

/// How many earlier needles are remembered.
const RECENT: usize = 24;
/// Above this many occurrences they are not kept (memory); the next
/// keystroke then scans again.
const KEEP_AT_MOST: usize = 4_000_000;
/// Needles this short have too many occurrences to be worth keeping: they
/// are only counted, and the next keystroke scans.
const COUNT_ONLY: usize = 2;

impl Searcher {
    pub fn clear(&mut self) {
        self.recent.clear();
    }

    /// Every document's hit count for `q`.
    pub fn search(&mut self, index: &SearchIndex, docs: &[Document], q: Query) -> Hits {
        let n = index.len().min(docs.len());
        let counts: Vec<(DocId, u32)> = match &q.matcher {
            Matcher::Regex { .. } => (0..n)
                .into_par_iter()
                .map(|d| (d, index.regex_count(&q, d, &docs[d].text)))
                .filter(|x| x.1 > 0)
                .collect(),
            Matcher::Words { .. } if n == 0 || index.counted(&q, 0).is_some() => (0..n)
                .filter_map(|d| index.counted(&q, d).map(|c| (d, c)))
                .filter(|x| x.1 > 0)
                .collect(),
            Matcher::Words { needle, space, .. } => {
                let key = (*space, needle.clone());
                match self.occurrences(index, docs, &q, key, n) {
                    Some(starts) => starts
                        .par_iter()
                        .map(|(d, s)| (*d, index.confirm_count(&q, *d, &docs[*d].text, s)))
                        .filter(|x| x.1 > 0)
                        .collect(),
                    None => (0..n)
                        .into_par_iter()
                        .map(|d| (d, index.count(&q, d, &docs[d].text)))
                        .filter(|x| x.1 > 0)
                        .collect(),
                }
            }
        };
        Hits::new(q, counts)
    }

    /// The occurrences of a needle in every document: remembered, or
    /// narrowed from a remembered needle it extends, or scanned; `None`
    /// when the needle is too short to be worth collecting (the caller
    /// counts instead).
    fn occurrences(
        &mut self,
        index: &SearchIndex,
        docs: &[Document],
        q: &Query,
        key: (Space, String),
        n: usize,
    ) -> Option<Starts> {
        if let Some((_, s)) = self.recent.iter().find(|(k, _)| *k == key) {
            return Some(s.clone());
        }
        let (space, needle) = (&key.0, key.1.as_str());
        let base = self
            .recent
            .iter()
            .filter(|((sp, f), _)| sp == space && !f.is_empty() && needle.starts_with(f.as_str()))
            .max_by_key(|((_, f), _)| f.len())
            .map(|(_, s)| s.clone());
        if base.is_none() && needle.len() <= COUNT_ONLY {
            return None;
        }
        let bytes = needle.as_bytes();
        let starts: Vec<(DocId, Vec<u32>)> = match base {
            Some(base) => base
                .par_iter()
                .filter_map(|(d, s)| {
                    let t = index.text(*space, *d, &docs[*d].text).as_bytes();
                    let kept: Vec<u32> = s
                        .iter()
                        .copied()
                        .filter(|&p| t[p as usize..].starts_with(bytes))
                        .collect();
                    (!kept.is_empty()).then_some((*d, kept))
                })
                .collect(),
            None => (0..n)
                .into_par_iter()
                .filter_map(|d| {
                    let s = index.starts(q, d, &docs[d].text, 0..usize::MAX);
                    (!s.is_empty()).then_some((d, s))
                })
                .collect(),
        };
        let total: usize = starts.iter().map(|(_, s)| s.len()).sum();
        let starts = Arc::new(starts);
        if total <= KEEP_AT_MOST {
            self.recent.push((key, starts.clone()));
            if self.recent.len() > RECENT {
                self.recent.remove(0);
            }
        }
        Some(starts)
    }
}
