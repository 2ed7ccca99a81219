//! The search index, built once per corpus (in the background):
//!
//! - every document case folded, with its map back to the original (where
//!   the hits of one document are found, to show them and step to them);
//! - the word index ([`super::words`]): every word of the corpus in order,
//!   where each distinct word occurs and what separates it from the word
//!   before, so that a words query is counted without reading the text;
//! - per document, how many words begin with each ASCII letter or digit,
//!   so a one-letter query (the first keystroke) is counted from a table.

use super::fold::{Folded, fold};
use super::query::{Matcher, Query, Space};
use super::words::WordIndex;
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
    /// The words of the corpus, for counting words queries.
    pub words: WordIndex,
    /// Per document, words beginning with each ASCII letter or digit in the
    /// folded text (caseless), and with each capital letter in the original
    /// (cased).
    caseless_counts: Vec<[u32; ALNUM]>,
    cased_counts: Vec<[u32; ALNUM]>,
}

/// One document's part of the index.
struct DocPart {
    folded: Folded,
    caseless: [u32; ALNUM],
    cased: [u32; ALNUM],
}

fn doc_part(text: &str) -> DocPart {
    let folded = fold(text);
    let t = folded.text.as_bytes();
    let mut caseless = [0u32; ALNUM];
    let mut cased = [0u32; ALNUM];
    let mut prev_alnum = false;
    for (p, c) in folded.text.char_indices() {
        let alnum = c.is_alphanumeric();
        if alnum
            && !prev_alnum
            && let Some(k) = alnum_slot(t[p])
        {
            caseless[k] += 1;
            // Cased: words whose original first letter is this capital.
            let o = folded.to_original(p..p + 1).start;
            if text.as_bytes().get(o).is_some_and(u8::is_ascii_uppercase) {
                cased[k] += 1;
            }
        }
        prev_alnum = alnum;
    }
    DocPart {
        folded,
        caseless,
        cased,
    }
}

impl SearchIndex {
    pub fn build(docs: &[Document]) -> SearchIndex {
        let (parts, words): (Vec<DocPart>, WordIndex) = rayon::join(
            || docs.par_iter().map(|d| doc_part(&d.text)).collect(),
            || WordIndex::build(docs),
        );
        let mut index = SearchIndex {
            words,
            ..SearchIndex::default()
        };
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
