//! Near-duplicate documents and truncated copies. Each document (less its
//! boilerplate) becomes a set of hashed word 5-shingles; a sample of them
//! (those whose hash is 0 mod 4) goes into an inverted index that proposes
//! candidate pairs without comparing all pairs; each candidate is then
//! measured exactly: containment of the shorter in the longer, and Jaccard.

use super::boilerplate::{self, Boilerplate};
use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DupRelation {
    /// The same article, give or take small edits.
    NearDuplicate,
    /// The shorter document is contained in the longer (a paywalled or cut copy).
    TruncatedCopy,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Duplicate {
    pub a: usize,
    pub b: usize,
    pub relation: DupRelation,
    /// Share of the shorter document's shingles found in the other.
    pub overlap: f64,
    /// The fuller of the two documents.
    pub fuller: usize,
}

/// Above this, two documents are near-duplicates (Jaccard of shingles).
pub const NEAR_DUPLICATE: f64 = 0.8;
/// Above this, the shorter is a copy of part of the longer (containment).
pub const CONTAINED: f64 = 0.8;
const SHINGLE: usize = 5;
const SAMPLE_MOD: u64 = 4;
/// Shingles in more documents than this are common phrases, not evidence.
const MAX_POSTINGS: usize = 64;

fn word_hash(w: &str) -> u64 {
    // FNV-1a over the lower-cased word.
    let mut h: u64 = 0xcbf29ce484222325;
    for b in w.bytes() {
        h ^= b.to_ascii_lowercase() as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

/// Sorted, unique shingle hashes of the text outside boilerplate.
pub fn shingles(text: &str, boiler: &[Boilerplate]) -> Vec<u64> {
    let mut words: Vec<u64> = Vec::with_capacity(text.len() / 5);
    let mut start = None;
    let push = |a: usize, b: usize, words: &mut Vec<u64>| {
        if !boilerplate::covers(boiler, &(a..b)) {
            words.push(word_hash(&text[a..b]));
        }
    };
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            push(s, i, &mut words);
        }
    }
    if let Some(s) = start {
        push(s, text.len(), &mut words);
    }
    let mut out: Vec<u64> = words
        .windows(SHINGLE)
        .map(|w| {
            w.iter().fold(0u64, |h, x| {
                h.rotate_left(7).wrapping_mul(0x9E3779B97F4A7C15) ^ x
            })
        })
        .collect();
    if out.is_empty() && !words.is_empty() {
        out.push(words.iter().fold(0u64, |h, x| h.rotate_left(7) ^ x));
    }
    out.sort_unstable();
    out.dedup();
    out
}

fn intersection(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Find duplicate pairs among documents given as their shingle sets.
pub fn find(sets: &[Vec<u64>]) -> Vec<Duplicate> {
    let mut postings: HashMap<u64, Vec<u32>> = HashMap::default();
    for (d, set) in sets.iter().enumerate() {
        for &h in set.iter().filter(|h| *h % SAMPLE_MOD == 0) {
            postings.entry(h).or_default().push(d as u32);
        }
    }
    let mut shared: HashMap<(u32, u32), u32> = HashMap::default();
    for docs in postings
        .values()
        .filter(|d| d.len() > 1 && d.len() <= MAX_POSTINGS)
    {
        for (i, &a) in docs.iter().enumerate() {
            for &b in &docs[i + 1..] {
                *shared.entry((a, b)).or_default() += 1;
            }
        }
    }
    let counts: Vec<f64> = sets
        .iter()
        .map(|s| s.iter().filter(|h| *h % SAMPLE_MOD == 0).count().max(1) as f64)
        .collect();
    let sampled = |d: u32| counts[d as usize];
    let candidates: Vec<(u32, u32)> = shared
        .into_iter()
        .filter(|((a, b), n)| *n as f64 >= 0.3 * sampled(*a).min(sampled(*b)))
        .map(|(p, _)| p)
        .collect();
    let mut out: Vec<Duplicate> = candidates
        .par_iter()
        .filter_map(|&(a, b)| {
            let (sa, sb) = (&sets[a as usize], &sets[b as usize]);
            let inter = intersection(sa, sb) as f64;
            let small = sa.len().min(sb.len()).max(1) as f64;
            let union = (sa.len() + sb.len()) as f64 - inter;
            let jaccard = inter / union.max(1.0);
            let contained = inter / small;
            let fuller = if sa.len() >= sb.len() { a } else { b } as usize;
            let (lo, hi) = (a.min(b) as usize, a.max(b) as usize);
            if jaccard >= NEAR_DUPLICATE {
                Some(Duplicate {
                    a: lo,
                    b: hi,
                    relation: DupRelation::NearDuplicate,
                    overlap: jaccard,
                    fuller,
                })
            } else if contained >= CONTAINED {
                Some(Duplicate {
                    a: lo,
                    b: hi,
                    relation: DupRelation::TruncatedCopy,
                    overlap: contained,
                    fuller,
                })
            } else {
                None
            }
        })
        .collect();
    out.sort_by_key(|d| (d.a, d.b));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(seed: usize) -> String {
        let words = [
            "harbour", "council", "budget", "vote", "quay", "ferry", "tide", "crane", "dock",
            "cargo", "mayor", "union",
        ];
        (0..60)
            .map(|i| words[(i * 7 + seed * 13 + i / 3) % words.len()])
            .collect::<Vec<_>>()
            .join(" ")
            + &format!(" item{seed}. ")
    }

    #[test]
    fn truncated_copy_near_duplicate_and_shared_lead() {
        let full: String = (0..8).map(para).collect();
        let cut: String = (0..3).map(para).collect::<String>() + "Subscribe to read the rest.";
        let edited = full.replace("item5", "item55");
        let lead_only: String = para(0) + &(20..28).map(para).collect::<String>();
        let docs = [full.clone(), cut, edited, lead_only];
        let sets: Vec<Vec<u64>> = docs.iter().map(|d| shingles(d, &[])).collect();
        let dups = find(&sets);
        let rel = |a: usize, b: usize| {
            dups.iter()
                .find(|d| d.a == a && d.b == b)
                .map(|d| (d.relation, d.fuller))
        };
        assert_eq!(rel(0, 1), Some((DupRelation::TruncatedCopy, 0)), "{dups:?}");
        assert_eq!(rel(0, 2).map(|r| r.0), Some(DupRelation::NearDuplicate));
        assert_eq!(
            rel(0, 3),
            None,
            "a shared lead paragraph does not make a copy"
        );
        assert!(dups.iter().find(|d| d.a == 0 && d.b == 1).unwrap().overlap > 0.85);
    }
}
