//! The search index, built once per corpus (in the background): every
//! document case folded with its map back to the original, and per document
//! the count of each printable ASCII byte, so that a one-letter query (the
//! first keystroke, with the most hits) is counted without a scan.

use super::fold::{Folded, collapse_whitespace, fold};
use super::query::{Matcher, Query};
use crate::corpus::{DocId, Document};
use rayon::prelude::*;
use std::ops::Range;

/// Printable ASCII, the bytes counted per document.
const FIRST: u8 = 0x20;
const COUNTED: usize = 0x7f - 0x20;

#[derive(Debug, Default)]
pub struct SearchIndex {
    pub(super) docs: Vec<Folded>,
    /// Per document, counts of each printable ASCII byte in the folded text
    /// and in the original.
    folded_counts: Vec<[u32; COUNTED]>,
    original_counts: Vec<[u32; COUNTED]>,
}

fn byte_counts(s: &str) -> [u32; COUNTED] {
    let mut c = [0u32; COUNTED];
    for &b in s.as_bytes() {
        if (FIRST..0x7f).contains(&b) {
            c[(b - FIRST) as usize] += 1;
        }
    }
    c
}

impl SearchIndex {
    pub fn build(docs: &[Document]) -> SearchIndex {
        let built: Vec<(Folded, [u32; COUNTED], [u32; COUNTED])> = docs
            .par_iter()
            .map(|d| {
                let f = fold(&d.text);
                let fc = byte_counts(&f.text);
                let oc = byte_counts(&d.text);
                (f, fc, oc)
            })
            .collect();
        let mut index = SearchIndex::default();
        for (f, fc, oc) in built {
            index.docs.push(f);
            index.folded_counts.push(fc);
            index.original_counts.push(oc);
        }
        index
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// The count of a one-byte query in `doc`, from the table, when the
    /// query is a printable ASCII character other than a space.
    pub(super) fn counted(&self, q: &Query, doc: DocId) -> Option<u32> {
        let Matcher::Words { folded, exact, .. } = &q.matcher else {
            return None;
        };
        let bytes = match exact {
            Some(e) => e.as_bytes(),
            None => folded.as_bytes(),
        };
        let &[b] = bytes else { return None };
        if !(FIRST + 1..0x7f).contains(&b) {
            return None;
        }
        let table = if exact.is_some() {
            &self.original_counts
        } else {
            &self.folded_counts
        };
        Some(table[doc][(b - FIRST) as usize])
    }

    /// Does the match of a case-sensitive query at `orig` equal it?
    fn exact_at(text: &str, orig: &Range<usize>, exact: &str) -> bool {
        let s = &text[orig.clone()];
        // Fast path: no whitespace to collapse.
        if s.len() == exact.len() && !s.contains(char::is_whitespace) {
            return s == exact;
        }
        collapse_whitespace(s) == exact
    }

    /// Start offsets, in the folded text of `doc`, of every occurrence of a
    /// words query's folded text from folded byte `from` to `to`.
    pub(super) fn folded_starts(&self, q: &Query, doc: DocId, window: Range<usize>) -> Vec<u32> {
        let Matcher::Words { finder, folded, .. } = &q.matcher else {
            return Vec::new();
        };
        let t = self.docs[doc].text.as_bytes();
        let end = window.end.saturating_add(folded.len()).min(t.len());
        let start = window.start.min(end);
        finder
            .find_iter(&t[start..end])
            .map(|i| (start + i) as u32)
            .collect()
    }

    /// Keep the folded starts that are matches of `q` (all of them, unless
    /// the query is case-sensitive), as original byte ranges.
    pub(super) fn confirm(
        &self,
        q: &Query,
        doc: DocId,
        text: &str,
        starts: &[u32],
    ) -> Vec<Range<usize>> {
        let Matcher::Words { folded, exact, .. } = &q.matcher else {
            return Vec::new();
        };
        let f = &self.docs[doc];
        starts
            .iter()
            .map(|&s| f.to_original(s as usize..s as usize + folded.len()))
            .filter(|r| exact.as_deref().is_none_or(|e| Self::exact_at(text, r, e)))
            .collect()
    }

    /// How many of the folded starts are matches of `q`.
    pub(super) fn confirm_count(&self, q: &Query, doc: DocId, text: &str, starts: &[u32]) -> u32 {
        let Matcher::Words { folded, exact, .. } = &q.matcher else {
            return 0;
        };
        match exact {
            None => starts.len() as u32,
            Some(e) => {
                let f = &self.docs[doc];
                starts
                    .iter()
                    .filter(|&&s| {
                        let r = f.to_original(s as usize..s as usize + folded.len());
                        Self::exact_at(text, &r, e)
                    })
                    .count() as u32
            }
        }
    }

    /// Every match of `q` in `doc` (whose text is `text`), as byte ranges of
    /// the original text, in order.
    pub fn doc_hits(&self, q: &Query, doc: DocId, text: &str) -> Vec<Range<usize>> {
        self.hits_in(q, doc, text, 0..text.len())
    }

    /// The matches of `q` in `doc` that start inside `window` (a byte range
    /// of the original text), for drawing only what is on screen.
    pub fn hits_in(
        &self,
        q: &Query,
        doc: DocId,
        text: &str,
        window: Range<usize>,
    ) -> Vec<Range<usize>> {
        if doc >= self.docs.len() {
            return Vec::new();
        }
        let window = window.start.min(text.len())..window.end.min(text.len());
        match &q.matcher {
            Matcher::Words { .. } => {
                let f = &self.docs[doc];
                let fw = f.to_folded(window.clone());
                let starts = self.folded_starts(q, doc, fw);
                self.confirm(q, doc, text, &starts)
                    .into_iter()
                    .filter(|r| r.start >= window.start && r.start < window.end.max(1))
                    .collect()
            }
            Matcher::Regex(re) => {
                // Widen to whole lines so that anchors and context hold.
                let s = text[..window.start].rfind('\n').map_or(0, |i| i + 1);
                let e = text[window.end..]
                    .find('\n')
                    .map_or(text.len(), |i| window.end + i);
                re.find_iter(&text[s..e])
                    .filter(|m| !m.is_empty())
                    .map(|m| s + m.start()..s + m.end())
                    .filter(|r| r.start >= window.start && r.start < window.end.max(1))
                    .collect()
            }
        }
    }
}
