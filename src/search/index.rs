//! The search index, built once per corpus (in the background):
//!
//! - every document case folded, with its map back to the original;
//! - every place a word begins in the folded corpus, grouped by the word's
//!   first two bytes (a bucket holds, in corpus order, every word start
//!   beginning with those two bytes), so a query is checked only at the
//!   word starts that can begin it, never by scanning the corpus;
//! - per document, how many words begin with each ASCII letter or digit,
//!   so a one-letter query (the first keystroke) is counted from a table.

use super::fold::{Folded, fold};
use super::query::{Matcher, Query, Space};
use crate::corpus::{DocId, Document};
use rayon::prelude::*;
use std::ops::Range;

/// ASCII letters and digits, counted per document by first byte.
const ALNUM: usize = 36;

fn alnum_slot(b: u8) -> Option<usize> {
    match b {
        b'0'..=b'9' => Some((b - b'0') as usize),
        b'a'..=b'z' => Some(10 + (b - b'a') as usize),
        b'A'..=b'Z' => Some(10 + (b - b'A') as usize),
        _ => None,
    }
}

/// The bucket of a word beginning with `a`, `b`.
fn bucket(a: u8, b: u8) -> usize {
    (a as usize) << 8 | b as usize
}

/// Does a word begin at byte `p` of `t` (a letter or digit there, none
/// just before)?
pub(super) fn word_start(t: &str, p: usize) -> bool {
    t[p..].chars().next().is_some_and(char::is_alphanumeric)
        && !t[..p]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
}

#[derive(Debug, Default)]
pub struct SearchIndex {
    pub(super) docs: Vec<Folded>,
    /// Where each document begins in the corpus's positions (the folded
    /// texts one after the other), plus the end.
    pub(super) base: Vec<u32>,
    /// Word starts (corpus positions) by bucket: `starts[offsets[k]..offsets[k + 1]]`.
    offsets: Vec<u32>,
    starts: Vec<u32>,
    /// Per document, words beginning with each ASCII letter or digit in the
    /// folded text (caseless), and with each capital letter in the original
    /// (cased).
    caseless_counts: Vec<[u32; ALNUM]>,
    cased_counts: Vec<[u32; ALNUM]>,
}

/// One document's part of the index.
struct DocPart {
    folded: Folded,
    /// (bucket, folded offset) of each word start, in order.
    words: Vec<(u16, u32)>,
    caseless: [u32; ALNUM],
    cased: [u32; ALNUM],
}

fn doc_part(text: &str) -> DocPart {
    let folded = fold(text);
    let t = folded.text.as_bytes();
    let mut words = Vec::with_capacity(t.len() / 6);
    let mut caseless = [0u32; ALNUM];
    let mut cased = [0u32; ALNUM];
    let mut prev_alnum = false;
    for (p, c) in folded.text.char_indices() {
        let alnum = c.is_alphanumeric();
        if alnum && !prev_alnum {
            let b = t.get(p + 1).copied().unwrap_or(b' ');
            words.push((bucket(t[p], b) as u16, p as u32));
            if let Some(k) = alnum_slot(t[p]) {
                caseless[k] += 1;
                // Cased: words whose original first letter is this capital.
                let o = folded.to_original(p..p + 1).start;
                if text.as_bytes().get(o).is_some_and(u8::is_ascii_uppercase) {
                    cased[k] += 1;
                }
            }
        }
        prev_alnum = alnum;
    }
    DocPart {
        folded,
        words,
        caseless,
        cased,
    }
}

impl SearchIndex {
    pub fn build(docs: &[Document]) -> SearchIndex {
        let parts: Vec<DocPart> = docs.par_iter().map(|d| doc_part(&d.text)).collect();
        let mut index = SearchIndex::default();
        let mut base = 0u64;
        let mut sizes = vec![0u32; 1 << 16];
        for p in &parts {
            index.base.push(base as u32);
            base += p.folded.text.len() as u64 + 1;
            for (k, _) in &p.words {
                sizes[*k as usize] += 1;
            }
        }
        index.base.push(base.min(u32::MAX as u64) as u32);
        // Counting sort into buckets; corpus order within each.
        let mut offsets = Vec::with_capacity(sizes.len() + 1);
        let mut total = 0u32;
        for s in &sizes {
            offsets.push(total);
            total += s;
        }
        offsets.push(total);
        let mut fill = offsets.clone();
        let mut starts = vec![0u32; total as usize];
        for (d, p) in parts.iter().enumerate() {
            let b = index.base[d];
            for (k, off) in &p.words {
                let slot = &mut fill[*k as usize];
                starts[*slot as usize] = b + off;
                *slot += 1;
            }
        }
        index.offsets = offsets;
        index.starts = starts;
        for p in parts {
            index.caseless_counts.push(p.caseless);
            index.cased_counts.push(p.cased);
            index.docs.push(p.folded);
        }
        index
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// The corpus position (as the searcher reports them) of byte `pos` of
    /// document `doc`'s original text.
    pub fn corpus_position(&self, doc: DocId, pos: usize) -> u32 {
        let f = self.docs[doc].to_folded(pos..pos).start;
        self.base[doc] + f as u32
    }

    /// The document holding corpus position `pos`.
    pub(super) fn doc_of(&self, pos: u32) -> DocId {
        self.base.partition_point(|&b| b <= pos).saturating_sub(1)
    }

    /// The word starts of a bucket, in corpus order.
    pub(super) fn bucket_starts(&self, needle: &[u8]) -> &[u32] {
        let (a, b) = match needle {
            [a, b, ..] => (*a, *b),
            _ => return &[],
        };
        let k = bucket(a, b);
        &self.starts[self.offsets[k] as usize..self.offsets[k + 1] as usize]
    }

    /// Bytes of the folded corpus from position `pos` on (within its
    /// document).
    pub(super) fn at(&self, doc: DocId, pos: u32) -> &[u8] {
        let off = (pos - self.base[doc]) as usize;
        self.docs[doc].text.as_bytes().get(off..).unwrap_or(&[])
    }

    /// The count of a one-letter query in `doc`, from the table, when the
    /// query is an ASCII letter or digit.
    pub(super) fn counted(&self, q: &Query, doc: DocId) -> Option<u32> {
        let Matcher::Words { needle, exact, .. } = &q.matcher else {
            return None;
        };
        let &[b] = needle.as_bytes() else {
            return None;
        };
        let k = alnum_slot(b)?;
        let table = if exact.is_some() {
            // Cased: a capital letter counts the words that begin with it.
            if exact
                .as_deref()
                .is_some_and(|e| e.as_bytes() != [b.to_ascii_uppercase()])
            {
                return None;
            }
            &self.cased_counts
        } else {
            &self.caseless_counts
        };
        Some(table.get(doc)?[k])
    }

    /// Does the original text of a match equal a case-sensitive query
    /// (whitespace runs standing for one space)?
    fn exact_at(text: &str, orig: &Range<usize>, exact: &str) -> bool {
        let s = &text.as_bytes()[orig.clone()];
        if s.len() == exact.len() && s == exact.as_bytes() {
            return true;
        }
        let mut got = text[orig.clone()].chars().peekable();
        for want in exact.chars() {
            match got.next() {
                Some(c) if want == ' ' && c.is_whitespace() => {
                    while got.peek().is_some_and(|c| c.is_whitespace()) {
                        got.next();
                    }
                }
                Some(c) if c == want => {}
                _ => return false,
            }
        }
        got.next().is_none()
    }

    /// The original byte range of the folded occurrence at document offset
    /// `off`, if it is a match of `q` (its case, for a cased query).
    pub(super) fn confirm_one(
        &self,
        q: &Query,
        doc: DocId,
        text: &str,
        off: usize,
    ) -> Option<Range<usize>> {
        let Matcher::Words { needle, exact, .. } = &q.matcher else {
            return None;
        };
        let r = self.docs[doc].to_original(off..off + needle.len());
        exact
            .as_deref()
            .is_none_or(|e| Self::exact_at(text, &r, e))
            .then_some(r)
    }

    /// Document offsets, in the folded text, where a words query's needle
    /// occurs in `window` (overlapping occurrences included), keeping only
    /// word starts when the query begins with a letter or digit.
    fn folded_occurrences(&self, q: &Query, doc: DocId, window: Range<usize>) -> Vec<usize> {
        let Matcher::Words {
            finder,
            needle,
            at_word_start,
            ..
        } = &q.matcher
        else {
            return Vec::new();
        };
        let text = &self.docs[doc].text;
        let t = text.as_bytes();
        let end = window.end.saturating_add(needle.len()).min(t.len());
        let mut from = window.start.min(end);
        let mut out = Vec::new();
        while let Some(i) = finder.find(&t[from..end]) {
            let p = from + i;
            if !*at_word_start || word_start(text, p) {
                out.push(p);
            }
            from = p + 1;
            while from < end && !text.is_char_boundary(from) {
                from += 1;
            }
        }
        out
    }

    /// Corpus positions of a words query's needle in `doc` (for keeping, so
    /// that the next keystroke narrows them).
    pub(super) fn scan_positions(&self, q: &Query, doc: DocId) -> Vec<u32> {
        let b = self.base[doc];
        self.folded_occurrences(q, doc, 0..usize::MAX)
            .into_iter()
            .map(|o| b + o as u32)
            .collect()
    }

    /// How many matches a regex has in `doc`.
    pub(super) fn regex_count(&self, q: &Query, doc: DocId, original: &str) -> u32 {
        let Matcher::Regex { re, space } = &q.matcher else {
            return 0;
        };
        let t = match space {
            Space::Folded => &self.docs[doc].text,
            Space::Original => original,
        };
        re.find_iter(t).filter(|m| !m.is_empty()).count() as u32
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
            Matcher::Words { .. } => {
                let w = folded.to_folded(window.clone());
                let mut v: Vec<Range<usize>> = self
                    .folded_occurrences(q, doc, w)
                    .into_iter()
                    .filter_map(|o| self.confirm_one(q, doc, text, o))
                    .collect();
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
                    Space::Original => (&text[..e], s),
                    Space::Folded => {
                        let fw = folded.to_folded(s..e);
                        (&folded.text[..fw.end], fw.start)
                    }
                };
                re.find_iter(&t[base..])
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
