//! The word index: the corpus as one sequence of words (a word is a
//! maximal run of letters and digits; its number in the sequence is its
//! *ordinal*), the distinct words with the ordinals where each occurs, and
//! the separator (the folded text between two words) before each word.
//!
//! A words query is answered with bit sets over the ordinals, never by
//! looking at the text: its first word sets the bits of its occurrences;
//! each next word keeps the bits whose next ordinals hold that word with
//! the query's separator before it; the last word of the query may be the
//! beginning of a word (`sanction` finds `sanctions`). Counting the hits of
//! a document is then a population count over its ordinals. A keystroke
//! costs the occurrences of the query's words plus a pass over a bit set of
//! one bit per word of the corpus (about 1 MB at 10,000 articles), whatever
//! the query, so it stays in milliseconds where checking each occurrence in
//! the text took tens.
//!
//! Case: the words are kept as they are written; a caseless query matches
//! them by their folded form, a cased one by their form as written.
//! Separators are compared folded (whitespace runs are one space).

use super::fold::fold_into;
use crate::corpus::{DocId, Document};
use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// A separator, interned.
type Sep = u16;
/// Before the first word of a document: equal to no separator.
const BOUNDARY: Sep = u16::MAX;
/// A separator beyond the table (too long, or too many kinds): no query
/// matches across it.
const OTHER: Sep = u16::MAX - 1;
/// Separators longer than this (in folded bytes) are not interned.
const SEP_MAX: usize = 32;

/// Calls `f(start, end)` for each word of `text` (a maximal run of
/// characters that are letters or digits), in order.
pub fn for_each_word(text: &str, mut f: impl FnMut(usize, usize)) {
    let b = text.as_bytes();
    let mut i = 0;
    let mut start: Option<usize> = None;
    while i < b.len() {
        let (alnum, len) = if b[i] < 0x80 {
            (b[i].is_ascii_alphanumeric(), 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (c.is_alphanumeric(), c.len_utf8())
        };
        match (alnum, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                f(s, i);
                start = None;
            }
            _ => {}
        }
        i += len;
    }
    if let Some(s) = start {
        f(s, b.len());
    }
}

/// How many words `text` has.
pub fn word_count(text: &str) -> usize {
    let mut n = 0;
    for_each_word(text, |_, _| n += 1);
    n
}

/// A set of ordinals.
#[derive(Debug, Clone, Default)]
pub struct Bits {
    w: Vec<u64>,
}

impl Bits {
    pub fn new(n: usize) -> Bits {
        Bits {
            w: vec![0; n.div_ceil(64) + 1],
        }
    }
    #[inline]
    fn set(&mut self, i: u32) {
        self.w[(i >> 6) as usize] |= 1u64 << (i & 63);
    }
    /// The set moved down by `k`: ordinal `i` is in it when `i + k` was.
    fn shifted_down(&self, k: u32) -> Bits {
        let (q, r) = ((k >> 6) as usize, k & 63);
        let n = self.w.len();
        let get = |i: usize| self.w.get(i).copied().unwrap_or(0);
        let w = (0..n)
            .map(|i| {
                if r == 0 {
                    get(i + q)
                } else {
                    (get(i + q) >> r) | (get(i + q + 1) << (64 - r))
                }
            })
            .collect();
        Bits { w }
    }
    fn and(&mut self, o: &Bits) {
        self.w
            .par_chunks_mut(1 << 14)
            .zip(o.w.par_chunks(1 << 14))
            .for_each(|(a, b)| a.iter_mut().zip(b).for_each(|(x, y)| *x &= *y));
    }
    /// How many ordinals in `a..b` are in the set.
    pub fn count_in(&self, a: u32, b: u32) -> u32 {
        if a >= b {
            return 0;
        }
        let (wa, wb) = ((a >> 6) as usize, ((b - 1) >> 6) as usize);
        let lo = !0u64 << (a & 63);
        let hi = !0u64 >> (63 - ((b - 1) & 63));
        if wa == wb {
            return (self.w[wa] & lo & hi).count_ones();
        }
        let mut n = (self.w[wa] & lo).count_ones() + (self.w[wb] & hi).count_ones();
        for x in &self.w[wa + 1..wb] {
            n += x.count_ones();
        }
        n
    }
    /// Is any ordinal of `a..b` in the set?
    pub fn any_in(&self, a: u32, b: u32) -> bool {
        self.count_in(a, b) > 0
    }
    pub fn is_empty(&self) -> bool {
        self.w.iter().all(|&x| x == 0)
    }
}

/// One document's words, with local ids.
struct DocWords<'a> {
    /// Local type id → the word as written.
    types: Vec<&'a str>,
    /// The local type of each word.
    words: Vec<u32>,
    /// The local separator before each word (`u32::MAX` for the first).
    seps: Vec<u32>,
    /// Local separator id → its folded text (0 is one space).
    sep_texts: Vec<String>,
    /// The separator after the last word.
    tail: u32,
}

fn doc_words(text: &str) -> DocWords<'_> {
    let mut types: Vec<&str> = Vec::new();
    let mut type_ids: FxHashMap<&str, u32> = FxHashMap::default();
    let mut sep_ids: FxHashMap<String, u32> = FxHashMap::default();
    let mut sep_texts = vec![" ".to_string()];
    sep_ids.insert(" ".to_string(), 0);
    let mut words = Vec::with_capacity(text.len() / 6);
    let mut seps = Vec::with_capacity(text.len() / 6);
    let mut scratch = String::new();
    let mut last_end: Option<usize> = None;
    let mut intern_sep = |s: &str, scratch: &mut String| -> u32 {
        if s == " " {
            return 0;
        }
        scratch.clear();
        fold_into(s, scratch);
        if let Some(&id) = sep_ids.get(scratch.as_str()) {
            return id;
        }
        let id = sep_texts.len() as u32;
        sep_texts.push(scratch.clone());
        sep_ids.insert(scratch.clone(), id);
        id
    };
    for_each_word(text, |s, e| {
        let w = &text[s..e];
        let next = types.len() as u32;
        let t = *type_ids.entry(w).or_insert_with(|| {
            types.push(w);
            next
        });
        words.push(t);
        seps.push(match last_end {
            None => u32::MAX,
            Some(le) => intern_sep(&text[le..s], &mut scratch),
        });
        last_end = Some(e);
    });
    let tail = match last_end {
        Some(le) if le < text.len() => intern_sep(&text[le..], &mut scratch),
        _ => u32::MAX,
    };
    DocWords {
        types,
        words,
        seps,
        sep_texts,
        tail,
    }
}

#[derive(Debug, Default)]
pub struct WordIndex {
    /// First ordinal of each document, and the total at the end.
    pub doc_first: Vec<u32>,
    /// Distinct words sorted by their folded form (then as written):
    /// folded forms, forms as written.
    folded: Vec<String>,
    written: Vec<String>,
    /// Type ids sorted by the form as written.
    by_written: Vec<u32>,
    /// Ordinals of type `t`: `postings[post_off[t]..post_off[t + 1]]`, in
    /// order.
    post_off: Vec<u32>,
    postings: Vec<u32>,
    /// The separator before each word, by ordinal.
    sep_before: Vec<Sep>,
    /// The separator after the last word of each document.
    tail_sep: Vec<Sep>,
    /// Separator id → folded text.
    seps: Vec<String>,
    /// The ordinals whose separator before begins with a space (what
    /// follows a query that ends with a space, as one does while typing).
    space_before: Bits,
}

/// A words query made ready: its words and the separators between them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// Each word: its folded form, its form as typed when case matters.
    words: Vec<(String, Option<String>)>,
    /// The separators between the words (folded), one fewer than words.
    between: Vec<String>,
    /// A separator typed after the last word (the next word is not begun):
    /// the text after the last word must begin with it. When there is
    /// none, the last word may be the beginning of a word.
    trailing: Option<String>,
}

/// Words and separators of `s`: alternating runs (`true` for words).
fn runs(s: &str) -> Vec<(bool, &str)> {
    let mut out: Vec<(bool, &str)> = Vec::new();
    let mut last = 0;
    for_each_word(s, |a, b| {
        if a > last {
            out.push((false, &s[last..a]));
        }
        out.push((true, &s[a..b]));
        last = b;
    });
    if last < s.len() {
        out.push((false, &s[last..]));
    }
    out
}

impl Plan {
    /// The plan of a query whose folded text is `needle`, and, when case
    /// matters, `exact` (the query with its whitespace runs made one
    /// space). `None` when the query does not begin with a letter or digit
    /// (it is then found by a scan).
    pub fn new(needle: &str, exact: Option<&str>) -> Option<Plan> {
        let folded = runs(needle);
        if folded.first().is_none_or(|r| !r.0) {
            return None;
        }
        let cased = match exact {
            Some(e) => {
                let r = runs(e);
                // Folding changed where words begin: leave it to a scan.
                if r.len() != folded.len() || r.iter().zip(&folded).any(|(a, b)| a.0 != b.0) {
                    return None;
                }
                Some(r)
            }
            None => None,
        };
        let mut plan = Plan {
            words: Vec::new(),
            between: Vec::new(),
            trailing: None,
        };
        for (i, (is_word, text)) in folded.iter().enumerate() {
            if *is_word {
                let as_typed = cased.as_ref().map(|c| c[i].1.to_string());
                plan.words.push((text.to_string(), as_typed));
            } else if i + 1 == folded.len() {
                plan.trailing = Some(text.to_string());
            } else {
                plan.between.push(text.to_string());
            }
        }
        Some(plan)
    }
}

impl WordIndex {
    pub fn build(docs: &[Document]) -> WordIndex {
        let parts: Vec<DocWords> = docs.par_iter().map(|d| doc_words(&d.text)).collect();
        // Global ids: words as written, and separators.
        let mut type_ids: FxHashMap<&str, u32> = FxHashMap::default();
        let mut written: Vec<&str> = Vec::new();
        let mut sep_ids: FxHashMap<&str, Sep> = FxHashMap::default();
        let mut seps: Vec<String> = Vec::new();
        let mut doc_first = Vec::with_capacity(parts.len() + 1);
        let mut total = 0u32;
        let mut trans: Vec<(Vec<u32>, Vec<Sep>)> = Vec::with_capacity(parts.len());
        for p in &parts {
            doc_first.push(total);
            total += p.words.len() as u32;
            let t: Vec<u32> = p
                .types
                .iter()
                .map(|w| {
                    let next = written.len() as u32;
                    *type_ids.entry(w).or_insert_with(|| {
                        written.push(w);
                        next
                    })
                })
                .collect();
            let s: Vec<Sep> = p
                .sep_texts
                .iter()
                .map(|x| {
                    if x.len() > SEP_MAX {
                        return OTHER;
                    }
                    if let Some(&id) = sep_ids.get(x.as_str()) {
                        return id;
                    }
                    if seps.len() >= OTHER as usize {
                        return OTHER;
                    }
                    seps.push(x.clone());

                    (seps.len() - 1) as Sep
                })
                .collect();
            for (k, x) in p.sep_texts.iter().enumerate() {
                if s[k] != OTHER {
                    sep_ids.entry(x.as_str()).or_insert(s[k]);
                }
            }
            trans.push((t, s));
        }
        doc_first.push(total);
        // Sort the distinct words by folded form, then as written.
        let mut folded_of: Vec<String> = written
            .par_iter()
            .map(|w| {
                let mut f = String::with_capacity(w.len());
                fold_into(w, &mut f);
                f
            })
            .collect();
        let mut order: Vec<u32> = (0..written.len() as u32).collect();
        order.par_sort_unstable_by(|&a, &b| {
            (&folded_of[a as usize], written[a as usize])
                .cmp(&(&folded_of[b as usize], written[b as usize]))
        });
        let mut rank = vec![0u32; written.len()];
        for (r, &t) in order.iter().enumerate() {
            rank[t as usize] = r as u32;
        }
        // Each word's type (by rank) and separator, by ordinal.
        let n = total as usize;
        let mut word_type = vec![0u32; n];
        let mut sep_before = vec![BOUNDARY; n];
        let mut tail_sep = vec![BOUNDARY; parts.len()];
        {
            let mut wt: Vec<&mut [u32]> = Vec::with_capacity(parts.len());
            let mut sb: Vec<&mut [Sep]> = Vec::with_capacity(parts.len());
            let (mut rest_t, mut rest_s) = (&mut word_type[..], &mut sep_before[..]);
            for p in &parts {
                let (a, b) = rest_t.split_at_mut(p.words.len());
                wt.push(a);
                rest_t = b;
                let (a, b) = rest_s.split_at_mut(p.words.len());
                sb.push(a);
                rest_s = b;
            }
            parts
                .par_iter()
                .zip(trans.par_iter())
                .zip(wt.into_par_iter().zip(sb.into_par_iter()))
                .for_each(|((p, (t, s)), (wt, sb))| {
                    for (i, &w) in p.words.iter().enumerate() {
                        wt[i] = rank[t[w as usize] as usize];
                        sb[i] = match p.seps[i] {
                            u32::MAX => BOUNDARY,
                            x => s[x as usize],
                        };
                    }
                });
            for (d, p) in parts.iter().enumerate() {
                if p.tail != u32::MAX {
                    tail_sep[d] = trans[d].1[p.tail as usize];
                }
            }
        }
        // Postings: ordinals grouped by type, in order.
        let v = written.len();
        let mut post_off = vec![0u32; v + 1];
        for &t in &word_type {
            post_off[t as usize + 1] += 1;
        }
        for i in 0..v {
            post_off[i + 1] += post_off[i];
        }
        let mut fill = post_off.clone();
        let mut postings = vec![0u32; n];
        for (o, &t) in word_type.iter().enumerate() {
            let slot = &mut fill[t as usize];
            postings[*slot as usize] = o as u32;
            *slot += 1;
        }
        drop(word_type);
        let written_sorted: Vec<String> = order
            .iter()
            .map(|&t| written[t as usize].to_string())
            .collect();
        let folded_sorted: Vec<String> = order
            .iter()
            .map(|&t| std::mem::take(&mut folded_of[t as usize]))
            .collect();
        let mut by_written: Vec<u32> = (0..v as u32).collect();
        by_written.par_sort_unstable_by(|&a, &b| {
            written_sorted[a as usize].cmp(&written_sorted[b as usize])
        });
        let spaced: Vec<bool> = seps.iter().map(|s| s.starts_with(' ')).collect();
        let mut space_before = Bits::new(n);
        for (o, &s) in sep_before.iter().enumerate() {
            if spaced.get(s as usize).copied().unwrap_or(false) {
                space_before.set(o as u32);
            }
        }
        WordIndex {
            space_before,
            doc_first,
            folded: folded_sorted,
            written: written_sorted,
            by_written,
            post_off,
            postings,
            sep_before,
            tail_sep,
            seps,
        }
    }

    /// Words in the corpus.
    pub fn len(&self) -> usize {
        self.sep_before.len()
    }

    pub fn is_empty(&self) -> bool {
        self.sep_before.is_empty()
    }

    /// Memory held, in bytes (for the benchmark).
    pub fn heap_bytes(&self) -> usize {
        let strings: usize = self
            .folded
            .iter()
            .chain(&self.written)
            .map(|s| s.capacity() + 24)
            .sum();
        strings
            + self.by_written.capacity() * 4
            + self.post_off.capacity() * 4
            + self.postings.capacity() * 4
            + self.sep_before.capacity() * 2
            + self.doc_first.capacity() * 4
    }

    /// The types (as ranges of type ids, or single ids) that a query word
    /// matches: by folded form, or as written when case matters; the
    /// beginning of a word when `prefix`.
    fn types_of(&self, word: &(String, Option<String>), prefix: bool) -> Vec<std::ops::Range<u32>> {
        let matches = |x: &str, t: &str| if prefix { x.starts_with(t) } else { x == t };
        match &word.1 {
            None => {
                let t = word.0.as_str();
                let lo = self.folded.partition_point(|x| x.as_str() < t);
                let len = self.folded[lo..].partition_point(|x| matches(x, t));
                std::iter::once(lo as u32..(lo + len) as u32).collect()
            }
            Some(t) => {
                let t = t.as_str();
                let key = |i: &u32| self.written[*i as usize].as_str();
                let lo = self.by_written.partition_point(|i| key(i) < t);
                let len = self.by_written[lo..].partition_point(|i| matches(key(i), t));
                self.by_written[lo..lo + len]
                    .iter()
                    .map(|&i| i..i + 1)
                    .collect()
            }
        }
    }

    fn sep_id(&self, s: &str) -> Option<Sep> {
        self.seps.iter().position(|x| x == s).map(|i| i as Sep)
    }

    /// The ordinals where a query of this plan begins to match.
    pub fn matches(&self, plan: &Plan) -> Bits {
        let n = self.len();
        let k = plan.words.len();
        let mut c = Bits::new(n);
        for (j, word) in plan.words.iter().enumerate() {
            let prefix = j + 1 == k && plan.trailing.is_none();
            let sets = self.types_of(word, prefix);
            if j == 0 {
                for r in &sets {
                    for &o in &self.postings[self.post_off[r.start as usize] as usize
                        ..self.post_off[r.end as usize] as usize]
                    {
                        c.set(o);
                    }
                }
                continue;
            }
            let Some(sep) = self.sep_id(&plan.between[j - 1]) else {
                return Bits::new(n);
            };
            let mut b = Bits::new(n);
            let shift = j as u32;
            for r in &sets {
                for &o in &self.postings[self.post_off[r.start as usize] as usize
                    ..self.post_off[r.end as usize] as usize]
                {
                    if self.sep_before[o as usize] == sep && o >= shift {
                        b.set(o - shift);
                    }
                }
            }
            c.and(&b);
        }
        if let Some(t) = &plan.trailing {
            let ok: Vec<bool> = self
                .seps
                .iter()
                .map(|s| s.starts_with(t.as_str()))
                .collect();
            let good = |s: Sep| (s as usize) < ok.len() && ok[s as usize];
            let shift = k as u32;
            // What follows the last word begins with the separator typed:
            // for a space (the common case) from a set made once.
            let mut b = if t == " " {
                self.space_before.shifted_down(shift)
            } else {
                let mut b = Bits::new(n);
                for (o, &s) in self.sep_before.iter().enumerate() {
                    if good(s) && o as u32 >= shift {
                        b.set(o as u32 - shift);
                    }
                }
                b
            };
            // After the last word of a document: its tail.
            for d in 0..self.tail_sep.len() {
                let (first, end) = (self.doc_first[d], self.doc_first[d + 1]);
                if end > first && good(self.tail_sep[d]) && end >= first + shift {
                    b.set(end - shift);
                }
            }
            c.and(&b);
        }
        c
    }

    /// Per document (in order, those with any), how many ordinals of `c`
    /// it holds.
    pub fn count_per_doc(&self, c: &Bits) -> Vec<(DocId, u32)> {
        let docs = self.doc_first.len().saturating_sub(1);
        (0..docs)
            .into_par_iter()
            .with_min_len(256)
            .filter_map(|d| {
                let n = c.count_in(self.doc_first[d], self.doc_first[d + 1]);
                (n > 0).then_some((d, n))
            })
            .collect()
    }

    /// The ordinals of the words that begin with `prefix` (folded).
    pub fn prefix_bits(&self, prefix: &str) -> Bits {
        self.matches(&Plan {
            words: vec![(prefix.to_string(), None)],
            between: Vec::new(),
            trailing: None,
        })
    }
}

/// For each document, the ordinal span (first word at or after `start`,
/// first word at or after `end`) of each of `ranges` (byte ranges of its
/// text, in any order), in the ordinals of a [`WordIndex`] built from the
/// same documents: what the finder uses to tell which claims hold a word.
pub fn ordinal_spans(
    docs: &[Document],
    ranges: &[(DocId, std::ops::Range<usize>)],
) -> Vec<(u32, u32)> {
    let starts: Vec<Vec<u32>> = docs
        .par_iter()
        .map(|d| {
            let mut v = Vec::new();
            for_each_word(&d.text, |s, _| v.push(s as u32));
            v
        })
        .collect();
    let mut first = Vec::with_capacity(docs.len());
    let mut total = 0u32;
    for s in &starts {
        first.push(total);
        total += s.len() as u32;
    }
    ranges
        .par_iter()
        .map(|(d, r)| {
            let s = &starts[*d];
            let a = s.partition_point(|&p| (p as usize) < r.start) as u32;
            let b = s.partition_point(|&p| (p as usize) < r.end) as u32;
            (first[*d] + a, first[*d] + b)
        })
        .collect()
}

#[cfg(test)]
#[path = "words_tests.rs"]
mod tests;
