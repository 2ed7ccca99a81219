//! Links between claims of different documents: `corroborates` (the same
//! assertion in other words), `quote_variant` (the same quotation with
//! different words, with a word diff) and `related` (same entities and
//! topic). Candidates come from an inverted index of informative terms and
//! quotation trigrams, so no two claims are compared unless they share one;
//! each candidate is then scored exactly.
//!
//! score = 0.65 · similarity of TF-IDF vectors over stemmed content words
//!         (the mean of their cosine and of the shorter one's coverage)
//!       + 0.25 · Jaccard of the merged entities
//!       + 0.10 · (1 if they share a normalised date)
//!
//! Claims made of the same content words always propose each other (an
//! exact index, uncapped), so a statement repeated by many outlets is still
//! linked; at most 20 strong links are kept per claim.
//!
//! Thresholds: `corroborates` needs similarity ≥ 0.35 and score ≥ 0.40;
//! `related` needs score ≥ 0.28 and a shared entity (at most 5 per claim);
//! `quote_variant` needs the two quotations' longest common word sequence to
//! keep ≥ 60% of the shorter one's words (contractions spelled out), and
//! different words (identical quotations corroborate). Names are left out
//! of the word vectors: shared entities count through the Jaccard term.

use super::claims::Claim;
use super::entities::EntityKind;
use crate::text::words;
use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;
use serde::Serialize;

pub const CORROBORATE_COSINE: f32 = 0.35;
pub const CORROBORATE_SCORE: f32 = 0.40;
pub const RELATED_SCORE: f32 = 0.28;
pub const QUOTE_SIMILARITY: f32 = 0.6;
const MAX_RELATED: usize = 5;
/// At most this many corroborating or quote-variant links are kept per claim
/// (the strongest), so a statement repeated by thousands of wire copies
/// does not flood memory.
const MAX_STRONG: usize = 20;
/// At most this many claims with the very same words are proposed per claim
/// (enough to show it corroborated; wire copies can number thousands).
const MAX_SAME_WORDS: usize = 8;
/// Terms in more claims than this do not propose candidates.
const MAX_POSTINGS: usize = 200;
/// At most this many candidates (by shared terms) are scored per claim.
const MAX_CANDIDATES: usize = 120;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    Corroborates,
    QuoteVariant,
    Related,
}

impl Relation {
    pub fn label(self) -> &'static str {
        match self {
            Relation::Corroborates => "corroborates",
            Relation::QuoteVariant => "quote variant",
            Relation::Related => "related",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DiffTag {
    Equal,
    Insert,
    Delete,
}

/// One run of a word diff from this claim's quotation to the other's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffOp {
    pub op: DiffTag,
    pub text: String,
}

#[derive(Debug, Clone)]
pub struct Link {
    pub to: usize,
    pub relation: Relation,
    pub score: f32,
    /// The two documents are duplicates of each other: not independent.
    pub duplicate: bool,
    pub diff: Vec<DiffOp>,
    pub conflict: Option<String>,
}

/// What linking needs of each claim, computed once.
struct Features {
    terms: Vec<u64>,
    /// The squared IDF weight of each term, aligned with `terms`.
    weights: Vec<f32>,
    quote: Vec<String>,
    trigrams: Vec<u64>,
    /// The ISO dates of the claim's events.
    dates: Vec<String>,
}

fn hash(s: &str) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

/// Words of a quotation, normalised: lower case, one kind of apostrophe,
/// contractions spelled out ("won't" = "will not"), no punctuation.
pub fn quote_words(q: &str) -> Vec<String> {
    let mut out = Vec::new();
    for w in words::words(q) {
        let w = w.replace('’', "'");
        match w.as_str() {
            "won't" => out.extend(["will".to_string(), "not".to_string()]),
            "can't" | "cannot" => out.extend(["can".to_string(), "not".to_string()]),
            "shan't" => out.extend(["shall".to_string(), "not".to_string()]),
            _ => {
                if let Some(stem) = w.strip_suffix("n't") {
                    out.push(stem.to_string());
                    out.push("not".to_string());
                } else if let Some(stem) = w.strip_suffix("'re") {
                    out.push(stem.to_string());
                    out.push("are".to_string());
                } else if let Some(stem) = w.strip_suffix("'ll") {
                    out.push(stem.to_string());
                    out.push("will".to_string());
                } else {
                    out.push(w);
                }
            }
        }
    }
    out
}

/// How alike two quotations are: the share of the shorter one's words that
/// the longest common word sequence keeps (1 = the same words in order).
fn quote_similarity(a: &[String], b: &[String]) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    if a == b {
        return 1.0;
    }
    let a_ref: Vec<&str> = a.iter().map(String::as_str).collect();
    let b_ref: Vec<&str> = b.iter().map(String::as_str).collect();
    let diff = similar::capture_diff_slices(similar::Algorithm::Myers, &a_ref, &b_ref);
    let same: usize = diff
        .iter()
        .filter_map(|op| match op {
            similar::DiffOp::Equal { len, .. } => Some(*len),
            _ => None,
        })
        .sum();
    same as f32 / a.len().min(b.len()) as f32
}

fn trigrams(ws: &[String]) -> Vec<u64> {
    let mut t: Vec<u64> = ws.windows(3).map(|w| hash(&w.join(" "))).collect();
    t.sort_unstable();
    t.dedup();
    t
}

/// A word diff between two quotations (in their own words, quotes and
/// apostrophes unified).
pub fn word_diff(a: &str, b: &str) -> Vec<DiffOp> {
    // Quotes and apostrophes unified; punctuation closing the quotation is
    // not a difference in words.
    let norm = |s: &str| {
        s.replace(['“', '”'], "\"")
            .replace(['‘', '’'], "'")
            .trim_end_matches(['.', ',', ';', ':', '!', '?', ' '])
            .to_string()
    };
    let (a, b) = (norm(a), norm(b));
    let diff = similar::TextDiff::from_words(a.as_str(), b.as_str());
    let mut ops: Vec<DiffOp> = Vec::new();
    for change in diff.iter_all_changes() {
        let op = match change.tag() {
            similar::ChangeTag::Equal => DiffTag::Equal,
            similar::ChangeTag::Insert => DiffTag::Insert,
            similar::ChangeTag::Delete => DiffTag::Delete,
        };
        match ops.last_mut() {
            Some(last) if last.op == op => last.text.push_str(change.value()),
            _ => ops.push(DiffOp {
                op,
                text: change.value().to_string(),
            }),
        }
    }
    ops
}

/// Input to linking: the claims, their documents' texts, the duplicate
/// cluster of each document, and each entity's kind.
pub struct LinkInput<'a> {
    pub claims: &'a [Claim],
    pub texts: &'a [&'a str],
    pub cluster: &'a [usize],
    pub entity_kind: &'a (dyn Fn(usize) -> EntityKind + Sync),
    /// An event's ISO date; `None` when its date is unknown.
    pub event_iso: &'a (dyn Fn(usize) -> Option<String> + Sync),
}

/// Links of every claim (indexed by claim id): independent sources first,
/// each group strongest first.
pub fn link(input: &LinkInput) -> Vec<Vec<Link>> {
    let claims = input.claims;
    let n = claims.len();
    let mut feats: Vec<Features> = claims
        .par_iter()
        .map(|c| {
            // Names are compared as entities, not as words: blank them out.
            let mut text = input.texts[c.doc][c.range.clone()].to_string();
            for r in c.name_ranges.iter().rev() {
                let (a, b) = (r.start - c.range.start, r.end - c.range.start);
                text.replace_range(a..b, &" ".repeat(b - a));
            }
            let mut terms: Vec<u64> = words::content_terms(&text)
                .iter()
                .map(|t| hash(t))
                .collect();
            terms.sort_unstable();
            terms.dedup();
            let quote = c
                .quote
                .as_ref()
                .map(|q| quote_words(&input.texts[c.doc][q.clone()]))
                .unwrap_or_default();
            let tri = trigrams(&quote);
            Features {
                terms,
                weights: Vec::new(),
                dates: c
                    .events
                    .iter()
                    .filter_map(|e| (input.event_iso)(*e))
                    .collect(),
                quote,
                trigrams: tri,
            }
        })
        .collect();
    // Document frequency of each term, over claims.
    let df: HashMap<u64, u32> = feats
        .par_iter()
        .fold(HashMap::default, |mut m: HashMap<u64, u32>, f| {
            for t in &f.terms {
                *m.entry(*t).or_default() += 1;
            }
            m
        })
        .reduce(HashMap::default, |mut a, b| {
            for (k, v) in b {
                *a.entry(k).or_default() += v;
            }
            a
        });
    let idf = |t: &u64| (1.0 + n as f32 / *df.get(t).unwrap_or(&1) as f32).ln();
    feats
        .par_iter_mut()
        .for_each(|f| f.weights = f.terms.iter().map(|t| idf(t).powi(2)).collect());
    let norms: Vec<f32> = feats
        .par_iter()
        .map(|f| f.weights.iter().sum::<f32>().sqrt().max(1e-6))
        .collect();
    // Inverted indexes: informative terms (not in too many claims) and
    // quotation trigrams.
    let cap = ((n / 50).max(12) as u32).min(MAX_POSTINGS as u32);
    let mut postings: HashMap<u64, Vec<u32>> = HashMap::default();
    let mut quote_postings: HashMap<u64, Vec<u32>> = HashMap::default();
    // Claims with the same words (a statement repeated by many outlets)
    // find each other whatever the cap on common terms.
    let mut exact: HashMap<u64, Vec<u32>> = HashMap::default();
    for (i, f) in feats.iter().enumerate() {
        if f.terms.len() >= 3 {
            exact
                .entry(f.terms.iter().fold(0u64, |h, t| h.rotate_left(5) ^ t))
                .or_default()
                .push(i as u32);
        }
        for t in f
            .terms
            .iter()
            .filter(|t| df.get(t).is_some_and(|d| *d > 1 && *d <= cap))
        {
            postings.entry(*t).or_default().push(i as u32);
        }
        for t in &f.trigrams {
            quote_postings.entry(*t).or_default().push(i as u32);
        }
    }
    (0..n)
        .into_par_iter()
        .map(|i| {
            let a = &claims[i];
            let fa = &feats[i];
            let mut cand: HashMap<u32, u32> = HashMap::default();
            if fa.terms.len() >= 3
                && let Some(same) =
                    exact.get(&fa.terms.iter().fold(0u64, |h, t| h.rotate_left(5) ^ t))
            {
                // Same words: scored first (ahead of every term match).
                for &j in same
                    .iter()
                    .filter(|&&j| claims[j as usize].doc != a.doc)
                    .take(MAX_SAME_WORDS)
                {
                    cand.insert(j, u32::MAX / 2);
                }
            }
            for t in &fa.terms {
                if let Some(p) = postings.get(t) {
                    for &j in p {
                        *cand.entry(j).or_default() += 1;
                    }
                }
            }
            for t in &fa.trigrams {
                if let Some(p) = quote_postings.get(t)
                    && p.len() <= 4 * cap as usize
                {
                    for &j in p {
                        *cand.entry(j).or_default() += 2;
                    }
                }
            }
            let mut cand: Vec<(u32, u32)> = cand
                .into_iter()
                .filter(|(j, hits)| *hits >= 2 && claims[*j as usize].doc != a.doc)
                .collect();
            if cand.len() > MAX_CANDIDATES {
                cand.select_nth_unstable_by(MAX_CANDIDATES, |x, y| {
                    y.1.cmp(&x.1).then(x.0.cmp(&y.0))
                });
                cand.truncate(MAX_CANDIDATES);
            }
            let mut links: Vec<Link> = cand
                .into_iter()
                .filter_map(|(j, _)| score_pair(input, &feats, &norms, i, j as usize))
                .collect();
            // Independent sources first, strongest first; links to copies of
            // the same article last, so the caps below never drop an
            // independent source for a copy.
            links.sort_by(|x, y| {
                x.duplicate
                    .cmp(&y.duplicate)
                    .then(y.score.total_cmp(&x.score))
                    .then(x.to.cmp(&y.to))
            });
            let (mut related, mut strong) = (0, 0);
            links.retain(|l| {
                if l.relation != Relation::Related {
                    strong += 1;
                    return strong <= MAX_STRONG;
                }
                related += 1;
                related <= MAX_RELATED
            });
            links
        })
        .collect()
}

fn score_pair(
    input: &LinkInput,
    feats: &[Features],
    norms: &[f32],
    i: usize,
    j: usize,
) -> Option<Link> {
    let (a, b) = (&input.claims[i], &input.claims[j]);
    let (fa, fb) = (&feats[i], &feats[j]);
    // Exact cosine over the shared terms.
    let (mut x, mut y, mut dot) = (0, 0, 0.0f32);
    while x < fa.terms.len() && y < fb.terms.len() {
        match fa.terms[x].cmp(&fb.terms[y]) {
            std::cmp::Ordering::Less => x += 1,
            std::cmp::Ordering::Greater => y += 1,
            std::cmp::Ordering::Equal => {
                dot += fa.weights[x];
                x += 1;
                y += 1;
            }
        }
    }
    // Cosine, blended with coverage: how much of the shorter claim's weight
    // the other one carries (a short claim restated inside a long sentence).
    let cover = dot / (norms[i].powi(2).min(norms[j].powi(2)));
    let cosine = 0.5 * (dot / (norms[i] * norms[j])) + 0.5 * cover;
    let inter = a
        .entities
        .iter()
        .filter(|e| b.entities.binary_search(e).is_ok())
        .count();
    let union = a.entities.len() + b.entities.len() - inter;
    let ent = if union == 0 {
        0.0
    } else {
        inter as f32 / union as f32
    };
    let (dates_a, dates_b) = (&fa.dates, &fb.dates);
    let same_date = dates_a.iter().any(|d| dates_b.contains(d));
    let mut score = 0.65 * cosine + 0.25 * ent + if same_date { 0.10 } else { 0.0 };
    let duplicate = input.cluster[a.doc] == input.cluster[b.doc];

    let mut diff = Vec::new();
    let relation = if !fa.quote.is_empty() && !fb.quote.is_empty() && {
        let sim = quote_similarity(&fa.quote, &fb.quote);
        if sim >= QUOTE_SIMILARITY {
            score = score.max(0.5 + 0.5 * sim);
            true
        } else {
            false
        }
    } {
        if fa.quote == fb.quote {
            Relation::Corroborates
        } else {
            let (qa, qb) = (
                a.quote.clone().unwrap_or_default(),
                b.quote.clone().unwrap_or_default(),
            );
            diff = word_diff(&input.texts[a.doc][qa], &input.texts[b.doc][qb]);
            Relation::QuoteVariant
        }
    } else if cosine >= CORROBORATE_COSINE && score >= CORROBORATE_SCORE {
        Relation::Corroborates
    } else if score >= RELATED_SCORE && inter > 0 {
        Relation::Related
    } else {
        return None;
    };
    let conflict = conflict(input, a, b, dates_a, dates_b, relation, inter);
    Some(Link {
        to: j,
        relation,
        score: score.min(1.0),
        duplicate,
        diff,
        conflict,
    })
}

/// Where two linked claims give different numbers, dates or places.
fn conflict(
    input: &LinkInput,
    a: &Claim,
    b: &Claim,
    dates_a: &[String],
    dates_b: &[String],
    relation: Relation,
    shared_entities: usize,
) -> Option<String> {
    if shared_entities == 0 {
        return None;
    }
    for qa in &a.quantities {
        for qb in b
            .quantities
            .iter()
            .filter(|q| !q.unit.is_empty() && q.unit == qa.unit)
        {
            let (x, y) = (qa.value, qb.value);
            if (x - y).abs() > 0.01 * x.abs().max(y.abs())
                && !b
                    .quantities
                    .iter()
                    .any(|q| q.unit == qa.unit && q.value == x)
            {
                let ta = &input.texts[a.doc][qa.range.clone()];
                let tb = &input.texts[b.doc][qb.range.clone()];
                return Some(format!("numbers differ: {ta} vs {tb}"));
            }
        }
    }
    if relation != Relation::Related && !dates_a.is_empty() && !dates_b.is_empty() {
        let overlap = dates_a.iter().any(|d| {
            dates_b
                .iter()
                .any(|e| d.starts_with(e.as_str()) || e.starts_with(d.as_str()))
        });
        if !overlap {
            return Some(format!("dates differ: {} vs {}", dates_a[0], dates_b[0]));
        }
    }
    if relation == Relation::Corroborates {
        let places = |c: &Claim| -> Vec<usize> {
            c.entities
                .iter()
                .copied()
                .filter(|e| (input.entity_kind)(*e) == EntityKind::Place)
                .collect()
        };
        let (pa, pb) = (places(a), places(b));
        if !pa.is_empty() && !pb.is_empty() && pa.iter().all(|p| !pb.contains(p)) {
            return Some("places differ".to_string());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_diff_shows_the_changed_words() {
        let d = word_diff(
            "keep the ferry running until we see fully and properly funded repairs",
            "continue to keep the ferry running until we see full and properly funded repairs",
        );
        let changed: Vec<(DiffTag, &str)> = d
            .iter()
            .filter(|o| o.op != DiffTag::Equal)
            .map(|o| (o.op, o.text.trim()))
            .collect();
        assert!(changed.contains(&(DiffTag::Insert, "continue to")), "{d:?}");
        assert!(changed.contains(&(DiffTag::Delete, "fully")), "{d:?}");
        assert!(changed.contains(&(DiffTag::Insert, "full")), "{d:?}");
    }
}
