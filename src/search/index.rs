//! The search index, built once per corpus (in the background): every
//! document case folded with its map back to the original, and per document
//! the count of each printable ASCII byte, so that a one-letter query (the
//! first keystroke, with the most hits) is counted without a scan.

use super::fold::{Folded, collapse_whitespace, fold};
use super::query::{Matcher, Query, Space};
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

    /// The text of `doc` in `space`.
    pub(super) fn text<'a>(&'a self, space: Space, doc: DocId, original: &'a str) -> &'a str {
        match space {
            Space::Folded => &self.docs[doc].text,
            Space::Original => original,
        }
    }

    /// The count of a one-byte query in `doc`, from the table, when the
    /// query is a printable ASCII character other than a space.
    pub(super) fn counted(&self, q: &Query, doc: DocId) -> Option<u32> {
        let Matcher::Words {
            needle,
            space,
            exact: None,
            ..
        } = &q.matcher
        else {
            return None;
        };
        let &[b] = needle.as_bytes() else {
            return None;
        };
        if !(FIRST + 1..0x7f).contains(&b) {
            return None;
        }
        let table = match space {
            Space::Folded => &self.folded_counts,
            Space::Original => &self.original_counts,
        };
        Some(table.get(doc)?[(b - FIRST) as usize])
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

    /// Start offsets, in the query's space, of every occurrence of a words
    /// query's needle that starts in `window` (a range of that space).
    pub(super) fn starts(
        &self,
        q: &Query,
        doc: DocId,
        original: &str,
        window: Range<usize>,
    ) -> Vec<u32> {
        let Matcher::Words {
            finder,
            needle,
            space,
            ..
        } = &q.matcher
        else {
            return Vec::new();
        };
        let t = self.text(*space, doc, original).as_bytes();
        let end = window.end.saturating_add(needle.len()).min(t.len());
        let start = window.start.min(end);
        finder
            .find_iter(&t[start..end])
            .map(|i| (start + i) as u32)
            .collect()
    }

    /// How many occurrences a words query's needle has in `doc`.
    pub(super) fn count(&self, q: &Query, doc: DocId, original: &str) -> u32 {
        let Matcher::Words { finder, space, .. } = &q.matcher else {
            return 0;
        };
        finder
            .find_iter(self.text(*space, doc, original).as_bytes())
            .count() as u32
    }

    /// The original byte range of an occurrence starting at `s` (in the
    /// query's space), if it is a match.
    fn confirm_one(&self, q: &Query, doc: DocId, text: &str, s: u32) -> Option<Range<usize>> {
        let Matcher::Words {
            needle,
            space,
            exact,
            ..
        } = &q.matcher
        else {
            return None;
        };
        let s = s as usize;
        let r = match space {
            Space::Original => return Some(s..s + needle.len()),
            Space::Folded => self.docs[doc].to_original(s..s + needle.len()),
        };
        exact
            .as_deref()
            .is_none_or(|e| Self::exact_at(text, &r, e))
            .then_some(r)
    }

    /// The occurrences that are matches of `q`, as original byte ranges.
    pub(super) fn confirm(
        &self,
        q: &Query,
        doc: DocId,
        text: &str,
        starts: &[u32],
    ) -> Vec<Range<usize>> {
        starts
            .iter()
            .filter_map(|&s| self.confirm_one(q, doc, text, s))
            .collect()
    }

    /// How many of the occurrences are matches of `q`.
    pub(super) fn confirm_count(&self, q: &Query, doc: DocId, text: &str, starts: &[u32]) -> u32 {
        match &q.matcher {
            Matcher::Words { exact: None, .. } => starts.len() as u32,
            _ => starts
                .iter()
                .filter(|&&s| self.confirm_one(q, doc, text, s).is_some())
                .count() as u32,
        }
    }

    /// How many matches a regex has in `doc`.
    pub(super) fn regex_count(&self, q: &Query, doc: DocId, original: &str) -> u32 {
        let Matcher::Regex { re, space } = &q.matcher else {
            return 0;
        };
        re.find_iter(self.text(*space, doc, original))
            .filter(|m| !m.is_empty())
            .count() as u32
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
        let in_window = |r: &Range<usize>| r.start >= window.start && r.start < window.end.max(1);
        let folded = &self.docs[doc];
        match &q.matcher {
            Matcher::Words { space, .. } => {
                let w = match space {
                    Space::Folded => folded.to_folded(window.clone()),
                    Space::Original => window.clone(),
                };
                let starts = self.starts(q, doc, text, w);
                let mut v = self.confirm(q, doc, text, &starts);
                v.retain(in_window);
                v
            }
            Matcher::Regex { re, space } => {
                // Widen to whole lines so that anchors and context hold.
                let s = text[..window.start].rfind('\n').map_or(0, |i| i + 1);
                let e = text[window.end..]
                    .find('\n')
                    .map_or(text.len(), |i| window.end + i);
                let (t, base) = match space {
                    Space::Original => (text, 0),
                    Space::Folded => {
                        let fw = folded.to_folded(s..e);
                        (&folded.text[..fw.end], fw.start)
                    }
                };
                let t = &t[base..];
                re.find_iter(t)
                    .filter(|m| !m.is_empty())
                    .map(|m| {
                        let r = base + m.start()..base + m.end();
                        match space {
                            Space::Original => r,
                            Space::Folded => folded.to_original(r),
                        }
                    })
                    .filter(in_window)
                    .collect()
            }
        }
    }
}
