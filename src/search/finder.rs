//! The fuzzy finder's engine: one list of everything a briefing asks about
//! (documents, entities, claims, dated events), ranked. Pure: no terminal.
//!
//! Names (document titles, entity names and aliases, dates) are matched
//! fuzzily with nucleo-matcher, helix's matcher. Claims are long sentences,
//! where a fuzzy match of a few letters is found in nearly every one: a
//! claim matches when every word of the query (of three letters or more)
//! begins a word in it, found through the search index, so a keystroke
//! costs as much as the words' occurrences, not the corpus. Claims made in
//! the same words by several documents (copies) are listed once.

use super::SearchIndex;
use crate::corpus::{DocId, Document};
use crate::index::Index;
use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32String};
use rayon::prelude::*;
use std::sync::Arc;

/// What a row of the finder stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Document(DocId),
    Entity(usize),
    Claim(usize),
    /// An event, by its index in the index's event list (the first of the
    /// events with the same date and words).
    Event(usize),
}

impl Target {
    /// Ties in score go to entities, then documents, events, claims (and
    /// within a kind to the shorter text, then the heavier item).
    fn order(self) -> u8 {
        match self {
            Target::Entity(_) => 0,
            Target::Document(_) => 1,
            Target::Event(_) => 2,
            Target::Claim(_) => 3,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Item {
    pub target: Target,
    /// The text matched and shown.
    pub text: Utf32String,
    /// How much the item weighs among equals: mentions, documents.
    pub weight: u32,
}

/// Every item, built once the corpus (and its analysis) is there.
#[derive(Debug, Default)]
pub struct FinderIndex {
    /// Documents, entities and dated events, matched fuzzily.
    pub items: Vec<Item>,
    /// Per dated-event item (by its first event): every event with the same
    /// date and words.
    pub event_groups: std::collections::HashMap<usize, Vec<usize>>,
    /// Per claim, the first claim with the same words (itself for the
    /// first), to list copies once.
    claim_canon: Vec<u32>,
    /// Per claim, its span of words in the word index's ordinals, and the
    /// number of words of the corpus they were counted in.
    claim_spans: Vec<(u32, u32)>,
    words: usize,
    /// True when entities, claims and events are in (the analysis was
    /// there); documents only otherwise.
    pub analysed: bool,
}

/// Between a document's title, outlet and date as shown, and as matched.
const SHOWN_SEP: &str = " · ";
const MATCHED_SEP: &str = " | ";

/// Typographic punctuation made ASCII and whitespace runs one space, so
/// that most items stay one byte a character in the matcher.
pub fn plain(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut ws = false;
    for c in s.chars() {
        let c = match c {
            '\u{2018}' | '\u{2019}' | '\u{201b}' | '\u{2032}' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{2033}' => '"',
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            '\u{2026}' => {
                out.push_str("...");
                ws = false;
                continue;
            }
            c if c.is_whitespace() || c.is_control() => ' ',
            c => c,
        };
        if c == ' ' {
            if !ws && !out.is_empty() {
                out.push(' ');
            }
            ws = true;
        } else {
            out.push(c);
            ws = false;
        }
    }
    out.truncate(out.trim_end().len());
    out
}

/// A document's title, outlet and date, as the finder and cards show them.
pub fn doc_line(docs: &[Document], index: Option<&Index>, d: DocId) -> String {
    let mut s = plain(&docs[d].title);
    if let Some(a) = index.and_then(|i| i.docs.get(d)) {
        if let Some(src) = &a.meta.source {
            s.push_str(" · ");
            s.push_str(&plain(src));
        }
        if let Some((date, _)) = a.meta.date {
            s.push_str(" · ");
            s.push_str(&date.to_string());
        }
    }
    s
}

impl FinderIndex {
    pub fn build(docs: &[Document], index: Option<&Index>) -> FinderIndex {
        let mut items: Vec<Item> = (0..docs.len())
            .map(|d| Item {
                target: Target::Document(d),
                // Matched with ASCII separators: a text all ASCII takes
                // nucleo's fast path (shown with the dots again).
                text: doc_line(docs, index, d)
                    .replace(SHOWN_SEP, MATCHED_SEP)
                    .into(),
                weight: 0,
            })
            .collect();
        let Some(ix) = index else {
            return FinderIndex {
                items,
                ..Default::default()
            };
        };
        items.extend(ix.entities.iter().map(|e| {
            let mut s = plain(&e.name);
            if !e.aliases.is_empty() {
                let names: Vec<String> = e.aliases.iter().map(|a| plain(&a.name)).collect();
                s.push_str(" (");
                s.push_str(&names.join(", "));
                s.push(')');
            }
            Item {
                target: Target::Entity(e.id),
                text: s.into(),
                weight: e.mentions.len() as u32,
            }
        }));
        let hashes: Vec<u64> = ix
            .claims
            .par_iter()
            .map(|c| {
                use std::hash::{Hash, Hasher};
                let mut h = rustc_hash::FxHasher::default();
                super::fold::fold_query(&docs[c.doc].text[c.range.clone()]).hash(&mut h);
                h.finish()
            })
            .collect();
        let mut first: rustc_hash::FxHashMap<u64, u32> = Default::default();
        let claim_canon = hashes
            .iter()
            .enumerate()
            .map(|(i, h)| *first.entry(*h).or_insert(i as u32))
            .collect();
        // Events with the same date and words are one row.
        let mut groups: std::collections::HashMap<(String, String), Vec<usize>> =
            Default::default();
        let mut order: Vec<(String, String)> = Vec::new();
        for &i in &ix.timeline {
            let e = &ix.events[i];
            let key = (e.label("-"), plain(&docs[e.doc].text[e.range.clone()]));
            let g = groups.entry(key.clone()).or_default();
            if g.is_empty() {
                order.push(key);
            }
            g.push(i);
        }
        let mut event_groups = std::collections::HashMap::new();
        for key in order {
            let members = groups.remove(&key).unwrap_or_default();
            let first = members[0];
            items.push(Item {
                target: Target::Event(first),
                text: format!("{} {}", key.0, key.1).into(),
                weight: members.len() as u32,
            });
            event_groups.insert(first, members);
        }
        let ranges: Vec<(DocId, std::ops::Range<usize>)> =
            ix.claims.iter().map(|c| (c.doc, c.range.clone())).collect();
        let words = docs
            .par_iter()
            .map(|d| super::words::word_count(&d.text))
            .sum();
        let claim_spans = super::words::ordinal_spans(docs, &ranges);
        FinderIndex {
            items,
            event_groups,
            claim_canon,
            claim_spans,
            words,
            analysed: true,
        }
    }
}

/// The items a query matches, best first.
#[derive(Debug, Clone, Default)]
pub struct Matches {
    pub query: String,
    /// The best matches, (row id, score), best first. A row id below the
    /// number of items is an item; above, a claim (`id - items`).
    pub ranked: Vec<(u32, u32)>,
    /// How many rows match in all.
    pub total: usize,
    /// Every matching item (in index order), for narrowing.
    all: Arc<Vec<u32>>,
}

/// How many matches are ranked and shown.
pub const SHOWN: usize = 500;
/// Items scored by one task.
const CHUNK: usize = 4096;
/// Query words shorter than this do not look into claims.
const CLAIM_WORD: usize = 3;

fn pattern(query: &str) -> Pattern {
    Pattern::parse(query, CaseMatching::Smart, Normalization::Smart)
}

/// What claims are found with: the search index over the same documents,
/// the analysis, and the memory of the last keystrokes.
pub struct Claims<'a> {
    pub search: &'a SearchIndex,
    pub index: &'a Index,
    pub docs: &'a [Document],
    pub memory: &'a mut ClaimSearch,
}

/// Finds the claims in which a query word begins a word, remembering the
/// claims of the last words (so typing the second word does not redo the
/// first).
#[derive(Debug, Default, Clone)]
pub struct ClaimSearch {
    words: Vec<(String, Arc<Vec<usize>>)>,
}

/// How many words' claims are remembered.
const WORDS: usize = 16;

impl ClaimSearch {
    pub fn clear(&mut self) {
        self.words.clear();
    }

    /// The claims in which `word` begins a word, in claim order: the word
    /// index's set of the words that begin with it, tested on each claim's
    /// span of words.
    fn claims_of(&mut self, word: &str, fi: &FinderIndex, search: &SearchIndex) -> Arc<Vec<usize>> {
        if let Some((_, c)) = self.words.iter().find(|(w, _)| w == word) {
            return c.clone();
        }
        // Spans made for other documents (or none yet): no claims.
        let ids: Vec<usize> = if fi.words != search.words.len() {
            Vec::new()
        } else {
            let bits = search.words.prefix_bits(word);
            fi.claim_spans
                .par_iter()
                .enumerate()
                .with_min_len(4096)
                .filter(|(_, (a, b))| bits.any_in(*a, *b))
                .map(|(i, _)| i)
                .collect()
        };
        let ids = Arc::new(ids);
        self.words.push((word.to_string(), ids.clone()));
        if self.words.len() > WORDS {
            self.words.remove(0);
        }
        ids
    }
}

impl FinderIndex {
    /// What row `id` stands for.
    pub fn target(&self, id: u32) -> Target {
        match self.items.get(id as usize) {
            Some(it) => it.target,
            None => Target::Claim(id as usize - self.items.len()),
        }
    }

    /// The text of row `id`, as shown.
    pub fn text(&self, id: u32, docs: &[Document], index: Option<&Index>) -> String {
        match self.items.get(id as usize) {
            Some(it) => it.text.to_string().replace(MATCHED_SEP, SHOWN_SEP),
            None => {
                let c = id as usize - self.items.len();
                index
                    .and_then(|ix| ix.claims.get(c))
                    .map_or(String::new(), |c| plain(&docs[c.doc].text[c.range.clone()]))
            }
        }
    }
}

/// The claims in which every word of `query` (of three letters or more)
/// begins a word, one per set of copies, heaviest (most sources) first.
fn claims_matching(fi: &FinderIndex, query: &str, cl: &mut Claims) -> Vec<usize> {
    let words: Vec<&str> = query
        .split_whitespace()
        .filter(|w| w.chars().count() >= CLAIM_WORD)
        .collect();
    let mut found: Option<Vec<usize>> = None;
    // Rarer words first: they narrow the most.
    let mut lists: Vec<Arc<Vec<usize>>> = words
        .iter()
        .map(|w| {
            let w = super::fold::fold_query(w);
            cl.memory.claims_of(&w, fi, cl.search)
        })
        .collect();
    lists.sort_by_key(|l| l.len());
    for ids in lists {
        found = Some(match found {
            None => ids.to_vec(),
            Some(prev) => prev
                .into_iter()
                .filter(|c| ids.binary_search(c).is_ok())
                .collect(),
        });
    }
    let mut ids = found.unwrap_or_default();
    // Copies once: the first claim of each text (all copies of a text
    // match alike, so its first is among them).
    ids.retain(|&c| fi.claim_canon.get(c).is_none_or(|&k| k as usize == c));
    ids.sort_by_key(|&c| std::cmp::Reverse(cl.index.sources.get(c).copied().unwrap_or(1)));
    ids
}

/// Rank the rows for `query`. When `previous` was for a query this one
/// extends, only its matching items are scored again.
pub fn rank(
    fi: &FinderIndex,
    query: &str,
    previous: Option<&Matches>,
    claims: Option<Claims>,
) -> Matches {
    if query.trim().is_empty() {
        // Nothing typed: documents in corpus order, then entities by
        // mentions (the items' own order).
        let ranked = (0..fi.items.len().min(SHOWN) as u32)
            .map(|i| (i, 0))
            .collect();
        return Matches {
            query: query.to_string(),
            ranked,
            total: fi.items.len(),
            all: Arc::new((0..fi.items.len() as u32).collect()),
        };
    }
    let pat = pattern(query);
    let narrowing = previous.filter(|p| {
        !p.query.trim().is_empty()
            && query.starts_with(p.query.as_str())
            && !query.ends_with('\\')
            && p.all.len() <= fi.items.len()
    });
    let score_chunk = |ids: &mut dyn Iterator<Item = u32>| -> Vec<(u32, u32)> {
        let mut m = Matcher::new(Config::DEFAULT);
        ids.filter_map(|i| {
            pat.score(fi.items[i as usize].text.slice(..), &mut m)
                .map(|s| (i, s))
        })
        .collect()
    };
    let mut scored: Vec<(u32, u32)> = match narrowing {
        Some(p) => p
            .all
            .par_chunks(CHUNK)
            .flat_map_iter(|c| score_chunk(&mut c.iter().copied()))
            .collect(),
        None => {
            let n = fi.items.len() as u32;
            (0..n.div_ceil(CHUNK as u32))
                .into_par_iter()
                .flat_map_iter(|k| {
                    let start = k * CHUNK as u32;
                    score_chunk(&mut (start..(start + CHUNK as u32).min(n)))
                })
                .collect()
        }
    };
    let all: Vec<u32> = scored.iter().map(|x| x.0).collect();
    // Claims score as a whole-word match of the query, a little below a
    // name that is exactly the query.
    if let Some(mut cl) = claims {
        let claim_ids = claims_matching(fi, query, &mut cl);
        let mut m = Matcher::new(Config::DEFAULT);
        let mut buf = Vec::new();
        let exact = pat
            .score(
                nucleo_matcher::Utf32Str::new(query.trim(), &mut buf),
                &mut m,
            )
            .unwrap_or(0);
        let claim_score = exact * 9 / 10;
        let base = fi.items.len() as u32;
        scored.extend(
            claim_ids
                .into_iter()
                .map(|c| (base + c as u32, claim_score)),
        );
    }
    let total = scored.len();
    let weight = |i: u32| match fi.items.get(i as usize) {
        Some(it) => (it.target.order(), it.weight, it.text.len()),
        None => (Target::Claim(0).order(), 0, 0),
    };
    let key = |&(i, s): &(u32, u32)| {
        let (order, w, len) = weight(i);
        (std::cmp::Reverse(s), order, len, std::cmp::Reverse(w), i)
    };
    let mut ranked = scored;
    if ranked.len() > SHOWN {
        ranked.select_nth_unstable_by_key(SHOWN, key);
        ranked.truncate(SHOWN);
    }
    ranked.sort_unstable_by_key(key);
    Matches {
        query: query.to_string(),
        ranked,
        total,
        all: Arc::new(all),
    }
}

/// The positions (in characters) of `query`'s matched characters in `text`
/// (row `id`'s text), for marking them: fuzzy for names, by words for
/// claims.
pub fn matched_chars(fi: &FinderIndex, query: &str, id: u32, text: &str) -> Vec<u32> {
    let mut m = Matcher::new(Config::DEFAULT);
    let mut idx = Vec::new();
    let mut buf = Vec::new();
    let hay = nucleo_matcher::Utf32Str::new(text, &mut buf);
    if (id as usize) < fi.items.len() {
        pattern(query).indices(hay, &mut m, &mut idx);
    } else {
        let words = Pattern::new(
            query,
            CaseMatching::Smart,
            Normalization::Smart,
            AtomKind::Substring,
        );
        words.indices(hay, &mut m, &mut idx);
    }
    idx.sort_unstable();
    idx.dedup();
    idx
}

#[cfg(test)]
#[path = "finder_tests.rs"]
mod tests;
