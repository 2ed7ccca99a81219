//! Running a query over the corpus: how many hits each document has, and
//! where the next or previous hit is from a place. Words queries are
//! counted from the word index ([`super::words`]); a regex, or words that
//! begin with a symbol, by scanning each document.

use super::index::SearchIndex;
use super::query::{Matcher, Query};
use super::words::Plan;
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
    /// False when counting stopped early (a regex over a large corpus,
    /// while typing): `docs` holds the documents counted so far, from the
    /// first, and `total` their hits.
    pub complete: bool,
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
            complete: true,
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

/// What a remembered count answers: the query's mode and its text.
type Key = (bool, String);
/// Hit counts per document, in corpus order.
type Counts = Arc<Vec<(DocId, u32)>>;

/// Runs queries, remembering the counts of the last few so that going back
/// (Backspace) answers at once.
#[derive(Debug, Clone, Default)]
pub struct Searcher {
    /// (key, its counts per document), newest last.
    recent: Vec<(Key, Counts)>,
}

/// How many earlier queries are remembered.
const RECENT: usize = 24;
/// Documents a regex is counted in between looks at the clock.
const REGEX_CHUNK: usize = 64;

impl Searcher {
    pub fn clear(&mut self) {
        self.recent.clear();
    }

    /// Every document's hit count for `q`.
    pub fn search(&mut self, index: &SearchIndex, docs: &[Document], q: Query) -> Hits {
        self.search_within(index, docs, q, None)
    }

    /// Every document's hit count for `q`; a regex (a scan of the text)
    /// stops counting after about `budget`, leaving the hits incomplete
    /// (`Hits::complete` false) but the keystroke answered. Words queries
    /// are always complete: the word index answers them in milliseconds.
    pub fn search_within(
        &mut self,
        index: &SearchIndex,
        docs: &[Document],
        q: Query,
        budget: Option<std::time::Duration>,
    ) -> Hits {
        let key = (q.mode == super::Mode::Regex, q.text.clone());
        if let Some((_, c)) = self.recent.iter().find(|(k, _)| *k == key) {
            return Hits::new(q, c.as_ref().clone());
        }
        let n = index.len().min(docs.len());
        let counts: Vec<(DocId, u32)> = match &q.matcher {
            Matcher::Regex { .. } => {
                let started = std::time::Instant::now();
                let mut counts = Vec::new();
                let mut from = 0;
                while from < n {
                    let to = (from + REGEX_CHUNK).min(n);
                    counts.par_extend(
                        (from..to)
                            .into_par_iter()
                            .map(|d| (d, index.regex_count(&q, d, &docs[d].text)))
                            .filter(|x| x.1 > 0),
                    );
                    from = to;
                    if from < n && budget.is_some_and(|b| started.elapsed() > b) {
                        let mut hits = Hits::new(q, counts);
                        hits.complete = false;
                        return hits;
                    }
                }
                counts
            }
            Matcher::Words { .. } if n == 0 || index.counted(&q, 0).is_some() => (0..n)
                .filter_map(|d| index.counted(&q, d).map(|c| (d, c)))
                .filter(|x| x.1 > 0)
                .collect(),
            Matcher::Words { needle, exact, .. } => {
                match Plan::new(needle, exact.as_deref())
                    .filter(|_| !index.words.is_empty() || n == 0)
                {
                    Some(plan) => {
                        let bits = index.words.matches(&plan);
                        index.words.count_per_doc(&bits)
                    }
                    // A query that begins with a symbol: each document is
                    // scanned.
                    None => (0..n)
                        .into_par_iter()
                        .map(|d| (d, index.doc_hits(&q, d, &docs[d].text).len() as u32))
                        .filter(|x| x.1 > 0)
                        .collect(),
                }
            }
        };
        self.recent.push((key, Arc::new(counts.clone())));
        if self.recent.len() > RECENT {
            self.recent.remove(0);
        }
        Hits::new(q, counts)
    }
}
