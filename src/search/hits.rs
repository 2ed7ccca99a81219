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

/// Where a query matches: corpus positions, in order, and for a cased query
/// the offset of each in its document's original text (so that the next
/// keystroke checks the case without mapping again).
#[derive(Debug, Default)]
pub(crate) struct Found {
    pub(crate) pos: Vec<u32>,
    orig: Vec<u32>,
}

type Positions = Arc<Found>;

/// What a remembered set of positions answers: a folded needle, and for a
/// cased query its text.
type Key = (String, Option<String>);

/// Runs queries, remembering where the last few matched so that typing on
/// narrows instead of searching again, and deleting returns at once.
#[derive(Debug, Clone, Default)]
pub struct Searcher {
    /// (key, its positions), newest last.
    recent: Vec<(Key, Positions)>,
}

/// How many earlier queries are remembered.
const RECENT: usize = 24;
/// Above this many positions they are not kept (memory); the next
/// keystroke then starts again from the index.
const KEEP_AT_MOST: usize = 8_000_000;

/// Does a query of key `old` match wherever one of key `new` does (so its
/// positions can be narrowed to `new`'s)?
fn covers(old: &Key, new: &Key) -> bool {
    !old.0.is_empty()
        && new.0.starts_with(old.0.as_str())
        && match (&old.1, &new.1) {
            (None, _) => true,
            (Some(o), Some(n)) => n.starts_with(o.as_str()),
            (Some(_), None) => false,
        }
}

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
            Matcher::Words { needle, exact, .. } => {
                let key = (needle.clone(), exact.clone());
                let found = self.positions(index, docs, &q, key, n);
                count_per_doc(index, &found.pos)
            }
        };
        Hits::new(q, counts)
    }

    /// Where a words query matches, as corpus positions of the folded texts
    /// (see `SearchIndex::corpus_position`), in order.
    pub(crate) fn corpus_positions(
        &mut self,
        index: &SearchIndex,
        docs: &[Document],
        q: &Query,
    ) -> Arc<Found> {
        let Matcher::Words { needle, exact, .. } = &q.matcher else {
            return Arc::default();
        };
        let n = index.len().min(docs.len());
        self.positions(index, docs, q, (needle.clone(), exact.clone()), n)
    }

    /// Every match of a words query, as (document, original byte offset),
    /// in corpus order; empty for a regex.
    pub fn places(
        &mut self,
        index: &SearchIndex,
        docs: &[Document],
        q: &Query,
    ) -> Vec<(DocId, usize)> {
        let Matcher::Words { needle, exact, .. } = &q.matcher else {
            return Vec::new();
        };
        let n = index.len().min(docs.len());
        let key = (needle.clone(), exact.clone());
        let found = self.positions(index, docs, q, key, n);
        let mut doc = found.pos.first().map_or(0, |&p| index.doc_of(p));
        found
            .pos
            .iter()
            .enumerate()
            .map(|(i, &p)| {
                while index.base.get(doc + 1).is_some_and(|&b| b <= p) {
                    doc += 1;
                }
                let o = match found.orig.get(i) {
                    Some(&o) => o as usize,
                    None => {
                        let off = (p - index.base[doc]) as usize;
                        index.docs[doc].to_original(off..off).start
                    }
                };
                (doc, o)
            })
            .collect()
    }

    /// The positions of a words query: remembered, or narrowed from a
    /// remembered query it extends, or from the index's bucket of its first
    /// two bytes (a scan only for queries that do not begin a word).
    fn positions(
        &mut self,
        index: &SearchIndex,
        docs: &[Document],
        q: &Query,
        key: Key,
        n: usize,
    ) -> Positions {
        if let Some((_, p)) = self.recent.iter().find(|(k, _)| *k == key) {
            return p.clone();
        }
        let base = self
            .recent
            .iter()
            .filter(|(k, _)| covers(k, &key))
            .max_by_key(|(k, _)| (k.0.len(), k.1.is_some()))
            .map(|(k, p)| (k.0.len(), p.clone()));
        let at_word_start = matches!(
            q.matcher,
            Matcher::Words {
                at_word_start: true,
                ..
            }
        );
        let found = match base {
            Some((known, base)) => narrow(index, docs, q, &base.pos, &base.orig, known),
            // A bucket holds the word starts that begin with the needle's
            // first two bytes.
            None if at_word_start => narrow(
                index,
                docs,
                q,
                index.bucket_starts(key.0.as_bytes()),
                &[],
                2,
            ),
            None => {
                let scanned: Vec<u32> = (0..n)
                    .into_par_iter()
                    .flat_map_iter(|d| index.scan_positions(q, d))
                    .collect();
                narrow(index, docs, q, &scanned, &[], key.0.len())
            }
        };
        let found = Arc::new(found);
        if found.pos.len() <= KEEP_AT_MOST {
            self.recent.push((key, found.clone()));
            if self.recent.len() > RECENT {
                self.recent.remove(0);
            }
        }
        found
    }
}

/// Chunks of positions handled by one task.
const CHUNK: usize = 1 << 15;

/// The positions where `q` matches: the folded corpus continues with its
/// needle there (its first `known` bytes are known to), and for a cased
/// query the original text has its case. `orig`, when not empty, holds the
/// original offset of each position.
fn narrow(
    index: &SearchIndex,
    docs: &[Document],
    q: &Query,
    positions: &[u32],
    orig: &[u32],
    known: usize,
) -> Found {
    let Matcher::Words { needle, exact, .. } = &q.matcher else {
        return Found::default();
    };
    let rest = &needle.as_bytes()[known.min(needle.len())..];
    let Some(exact) = exact else {
        if rest.is_empty() {
            return Found {
                pos: positions.to_vec(),
                orig: Vec::new(),
            };
        }
        let pos = positions
            .par_chunks(CHUNK)
            .flat_map_iter(|chunk| {
                let mut doc = chunk.first().map_or(0, |&p| index.doc_of(p));
                chunk.iter().copied().filter(move |&p| {
                    while index.base.get(doc + 1).is_some_and(|&b| b <= p) {
                        doc += 1;
                    }
                    let t = index.at(doc, p);
                    t.len() >= known + rest.len()
                        && rest.iter().zip(&t[known..]).all(|(a, b)| a == b)
                })
            })
            .collect();
        return Found {
            pos,
            orig: Vec::new(),
        };
    };
    let e = exact.as_bytes();
    let spaced = exact.contains(' ');
    let pairs: Vec<(u32, u32)> = positions
        .par_chunks(CHUNK)
        .enumerate()
        .flat_map_iter(|(c, chunk)| {
            let mut doc = chunk.first().map_or(0, |&p| index.doc_of(p));
            let origs = orig.get(c * CHUNK..(c * CHUNK + chunk.len()).min(orig.len()));
            chunk.iter().enumerate().filter_map(move |(i, &p)| {
                while index.base.get(doc + 1).is_some_and(|&b| b <= p) {
                    doc += 1;
                }
                let t = index.at(doc, p);
                if t.len() < known + rest.len()
                    || !rest.iter().zip(&t[known..]).all(|(a, b)| a == b)
                {
                    return None;
                }
                let off = (p - index.base[doc]) as usize;
                let text = &docs[doc].text;
                let o = match origs.and_then(|o| o.get(i)) {
                    Some(&o) => o as usize,
                    None => index.docs[doc].to_original(off..off).start,
                };
                let ok = text.as_bytes().get(o..o + e.len()) == Some(e)
                    || (spaced && index.confirm_one(q, doc, text, off).is_some());
                ok.then_some((p, o as u32))
            })
        })
        .collect();
    let (pos, orig) = pairs.into_iter().unzip();
    Found { pos, orig }
}

/// Hits per document from the positions of the matches.
fn count_per_doc(index: &SearchIndex, positions: &[u32]) -> Vec<(DocId, u32)> {
    let per: Vec<Vec<(DocId, u32)>> = positions
        .par_chunks(CHUNK)
        .map(|chunk| {
            let mut out: Vec<(DocId, u32)> = Vec::new();
            let mut doc = chunk.first().map_or(0, |&p| index.doc_of(p));
            for &p in chunk {
                while index.base.get(doc + 1).is_some_and(|&b| b <= p) {
                    doc += 1;
                }
                match out.last_mut() {
                    Some((d, c)) if *d == doc => *c += 1,
                    _ => out.push((doc, 1)),
                }
            }
            out
        })
        .collect();
    // Join the chunks: a document may straddle two.
    let mut all: Vec<(DocId, u32)> = Vec::new();
    for part in per {
        for (d, c) in part {
            match all.last_mut() {
                Some((ld, lc)) if *ld == d => *lc += c,
                _ => all.push((d, c)),
            }
        }
    }
    all
}
