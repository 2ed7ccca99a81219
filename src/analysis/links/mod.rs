//! Links between claims of different documents: `corroborates` (the same
//! assertion, in the same or other words), `quote_variant` (the same
//! quotation with different words, with a word diff) and `related` (the
//! same people or places, on the same story). A wrong link is worse than a
//! missing one, so a link needs three things:
//!
//! 1. **One story.** The two documents belong to one story (`story`): their
//!    specific names and content words are alike, by greedy complete
//!    linkage over documents, and their publication dates are close.
//! 2. **One event.** The two claims do not name different people, different
//!    cities or different countries, and do not give different numbers or
//!    dates unless they are otherwise the same statement (then the link
//!    is kept and the difference shown as a conflict). Dates resolved
//!    against a guessed reference never count as shared.
//! 3. **The same assertion.** Scored as
//!
//!    score = 0.65 · words + 0.25 · names + 0.10 · (a shared date)
//!
//!    where `words` compares TF-IDF weighted stemmed content words (names
//!    left out), matching different words of close meaning through word
//!    vectors (GloVe, see `vectors`) at up to 0.8 of an identical word, and
//!    `names` is the weighted Jaccard of their names (a country a quarter).
//!
//! `corroborates` needs words ≥ 0.35 and score ≥ 0.40; `quote_variant`
//! needs two quotations of at least four words each whose longest common
//! word sequence keeps ≥ 60% of the shorter one (and at least four words);
//! `related` needs score ≥ 0.28 and a shared name more specific than a
//! country (at most 5 per claim); at most 20 strong links are kept per claim.
//!
//! Candidates come from inverted indexes of informative terms, names and
//! quotation trigrams, so no two claims are compared unless they share
//! something; claims with the same content words always propose each other.

pub mod explain;
pub mod features;
pub mod names;
pub mod quotes;
pub mod score;
pub mod statements;
pub mod story;
pub mod vectors;
pub mod wordnet;

pub use quotes::{DiffOp, DiffTag, quote_words, word_diff};
pub use score::{CORROBORATE_COSINE, CORROBORATE_SCORE, QUOTE_SIMILARITY, RELATED_SCORE};

use super::claims::Claim;
use super::entities::{Entity, EntityKind, Mention};
use super::{DocAnalysis, Event, boilerplate};
use features::{Context, Features};
use names::Scope;
use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;
use serde::Serialize;
use story::{DocFeatures, Occurrence, Stories};

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
const MAX_CANDIDATES: usize = 80;
/// A name mentioned by at most this many claims is a detail that few
/// statements share: two claims of one story that share it are related.
pub const RARE_NAME: usize = 3;
/// Candidates sharing less of their words than this, and no name or
/// quotation, cannot link and are not kept.
const MIN_WORDS: f32 = 0.1;
/// Candidate pairs this alike (words and names, before any meaning match)
/// propose their documents as one story.
const STORY_EVIDENCE: f32 = 0.2;

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

    /// Does this relation make the two claims one statement?
    pub fn is_strong(self) -> bool {
        matches!(self, Relation::Corroborates | Relation::QuoteVariant)
    }
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
    /// The link rests on words of close meaning, not only the same words.
    pub paraphrase: bool,
}

/// Input to linking: the claims, their documents, and what the analysis
/// found in them.
pub struct LinkInput<'a> {
    pub claims: &'a [Claim],
    pub texts: &'a [&'a str],
    pub titles: &'a [&'a str],
    pub docs: &'a [DocAnalysis],
    pub entities: &'a [Entity],
    /// All mentions, sorted by (doc, start).
    pub mentions: &'a [Mention],
    /// All events, sorted by (doc, start).
    pub events: &'a [Event],
    /// Duplicate group of each document.
    pub cluster: &'a [usize],
}

pub struct Linked {
    /// Links of every claim: independent sources first, strongest first.
    pub links: Vec<Vec<Link>>,
    /// Story of each document (the smallest document id in it).
    pub story: Vec<usize>,
}

fn slice_by_doc<T>(items: &[T], doc: usize, of: impl Fn(&T) -> usize) -> &[T] {
    let a = items.partition_point(|x| of(x) < doc);
    let b = items.partition_point(|x| of(x) <= doc);
    &items[a..b]
}

fn exact_key(f: &Features) -> u64 {
    f.terms.iter().fold(0u64, |h, t| h.rotate_left(5) ^ t)
}

/// Background share of a name: that of its rarest word.
fn name_share(name: &str) -> f32 {
    crate::text::words::words(name)
        .map(|w| features::background_share(&w))
        .fold(0.9f32, f32::min)
}

/// The places of the corpus by name and alias (folded), for the names of
/// things that carry a place's name ("the Paris Agreement" names Paris).
pub type PlaceNames = HashMap<String, usize>;

fn place_names(entities: &[Entity]) -> PlaceNames {
    let mut out = PlaceNames::default();
    for e in entities.iter().filter(|e| e.kind == EntityKind::Place) {
        for n in std::iter::once(&e.name).chain(e.aliases.iter().map(|a| &a.name)) {
            out.entry(n.to_lowercase()).or_insert(e.id);
        }
    }
    out
}

/// One document's claim features (written into `feats`, one slot per claim
/// of the document) and story features, from one pass over its sentences'
/// words.
fn analyse_doc(
    input: &LinkInput,
    doc: usize,
    name_shares: &[f32],
    places: &PlaceNames,
    kind: &(dyn Fn(usize) -> EntityKind + Sync),
    feats: &mut [Features],
) -> DocFeatures {
    let a = &input.docs[doc];
    let text = input.texts[doc];
    let present = features::present(
        a.meta.date.map(|x| x.0),
        slice_by_doc(input.events, doc, |e| e.doc),
    );
    let mentions = slice_by_doc(input.mentions, doc, |m| m.doc);
    let keys: Vec<(usize, names::NameKey)> = mentions
        .iter()
        .map(|m| {
            let kind = input.entities[m.entity].kind;
            (
                m.range.start,
                names::key(&text[m.range.clone()], m.entity, kind),
            )
        })
        .collect();
    let cx = Context {
        text,
        events: input.events,
        basis: a.reference.map(|r| r.1),
        present,
        entity_kind: kind,
        keys: &keys,
        places,
    };
    // The lead (title and first sentences) says what happened: it counts twice.
    let lead = |sentence: usize| if sentence < 3 { 2.0 } else { 1.0 };
    let mut background = vec![false; a.sentences.len()];
    let mut filled = 0;
    let mut tokens = Vec::new();
    let mut words: HashMap<u64, Occurrence> =
        HashMap::with_capacity_and_hasher(text.len() / 12, Default::default());
    let mut add = |t: &features::Token, count: f32| {
        words
            .entry(t.key)
            .and_modify(|o| o.count += count)
            .or_insert(Occurrence {
                key: t.key,
                count,
                p: t.share,
                weight: 1.0,
            });
    };
    let mut decimals: Vec<f64> = Vec::new();
    let claims = slice_by_doc(input.claims, doc, |c| c.doc);
    let mut next_claim = 0;
    for (si, r) in a.sentences.iter().enumerate() {
        if boilerplate::covers(&a.boilerplate, r) {
            continue;
        }
        tokens.clear();
        features::tokens(text, r.clone(), &mut tokens);
        for t in tokens.iter().filter(|t| !t.plain) {
            let w = &text[t.start as usize..t.end as usize];
            if w.contains('.')
                && let Ok(v) = w.parse::<f64>()
            {
                decimals.push(v);
            }
        }
        while next_claim < claims.len() && claims[next_claim].sentence < si {
            next_claim += 1;
        }
        if let Some(c) = claims.get(next_claim).filter(|c| c.sentence == si) {
            let f = features::features(c, &tokens, &cx);
            background[si] = f.background;
            feats[filled] = f;
            filled += 1;
        }
        if background[si] {
            continue;
        }
        for t in &tokens {
            add(t, lead(si));
        }
    }
    debug_assert_eq!(filled, claims.len(), "one claim per sentence");
    debug_assert_eq!(feats.len(), claims.len(), "one slot per claim");
    let title = input.titles[doc];
    tokens.clear();
    features::tokens(title, 0..title.len(), &mut tokens);
    for t in &tokens {
        add(t, 2.0);
    }
    let words: Vec<Occurrence> = words.into_values().collect();
    let mut names = Vec::new();
    for (m, &(_, key)) in mentions.iter().zip(&keys) {
        if boilerplate::covers(&a.boilerplate, &m.range) {
            continue;
        }
        let sentence = a.sentence_at(m.range.start).unwrap_or(usize::MAX);
        if background.get(sentence).copied().unwrap_or(false) {
            continue;
        }
        if key.scope == Scope::Demonym {
            continue;
        }
        let p = if key.scope == Scope::City && key.id != m.entity as u64 {
            name_share(&text[m.range.clone()])
        } else {
            name_shares[m.entity]
        };
        names.push(Occurrence {
            key: key.id.wrapping_mul(0x9E3779B97F4A7C15) ^ key.scope as u64,
            count: lead(sentence),
            p,
            weight: names::weight(key.scope),
        });
    }
    // Readings to a decimal in the title and the first sentences, and every
    // decimal the document states.
    let doc_events = slice_by_doc(input.events, doc, |e| e.doc);
    let mut lead_measures: Vec<(String, f64)> = Vec::new();
    let mut measures = |t: &str, r: std::ops::Range<usize>, evs: &[&Event]| {
        for q in super::claims::quantities(t, &r, evs) {
            if t[q.range.clone()].contains('.') && q.unit.len() > 1 {
                lead_measures.push((q.unit, q.value));
            }
        }
    };
    measures(title, 0..title.len(), &[]);
    for (si, r) in a.sentences.iter().enumerate().take(3) {
        if !boilerplate::covers(&a.boilerplate, r) && !background[si] {
            let evs: Vec<&Event> = doc_events
                .iter()
                .filter(|e| r.start <= e.range.start && e.range.end <= r.end)
                .collect();
            measures(text, r.clone(), &evs);
        }
    }
    DocFeatures {
        names,
        words,
        published: a.meta.date.and(present),
        lead_measures,
        decimals,
    }
}

/// Links of every claim, and the story of every document.
pub fn link(input: &LinkInput) -> Linked {
    let mut sw = super::Stopwatch::new();
    let claims = input.claims;
    let n = claims.len();
    let ndocs = input.texts.len();
    let kind_of = |e: usize| input.entities[e].kind;
    let kind_ref: &(dyn Fn(usize) -> EntityKind + Sync) = &kind_of;
    let name_shares: Vec<f32> = input
        .entities
        .par_iter()
        .map(|e| name_share(&e.name))
        .collect();
    let places = place_names(input.entities);
    // Claims are sorted by document: each document fills its own run of
    // one vector in place (no per-document vectors to copy and free).
    let mut feats: Vec<Features> = (0..n).map(|_| Features::default()).collect();
    let mut runs: Vec<&mut [Features]> = Vec::with_capacity(ndocs);
    let mut rest: &mut [Features] = &mut feats;
    for d in 0..ndocs {
        let count = slice_by_doc(claims, d, |c| c.doc).len();
        let (run, tail) = rest.split_at_mut(count);
        runs.push(run);
        rest = tail;
    }
    let doc_feats: Vec<DocFeatures> = runs
        .into_par_iter()
        .enumerate()
        .map(|(d, run)| analyse_doc(input, d, &name_shares, &places, kind_ref, run))
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
    feats.par_iter_mut().for_each(|f| {
        f.weights = f.terms.iter().map(|t| idf(t).powi(2)).collect();
        f.mass = f.weights.iter().sum::<f32>().max(1e-6);
    });
    sw.lap("links: claim features");
    let (candidates, evidence) = candidates(input, &feats, &df);
    drop(df);
    let mut name_df: HashMap<names::NameKey, u32> = HashMap::default();
    for f in &feats {
        for k in &f.names {
            *name_df.entry(*k).or_default() += 1;
        }
    }
    let rare = |k: &names::NameKey| name_df.get(k).is_some_and(|&d| d as usize <= RARE_NAME);
    sw.lap("links: candidates");
    let sizes = input.texts.iter().map(|t| t.len()).collect();
    let mut stories = Stories::new(doc_feats, input.cluster, sizes);
    let claim_base: Vec<usize> = (0..=ndocs)
        .map(|d| claims.partition_point(|c| c.doc < d))
        .collect();
    let mut pairs: Vec<(u32, u32)> = (0..ndocs)
        .into_par_iter()
        .flat_map_iter(|d| {
            let mut shared: HashMap<u32, u32> = HashMap::default();
            for docs in &evidence[claim_base[d]..claim_base[d + 1]] {
                for &o in docs.iter() {
                    *shared.entry(o).or_default() += 1;
                }
            }
            story::top_partners(d as u32, shared)
        })
        .collect();
    drop(evidence);
    pairs.extend(stories.candidate_pairs());
    sw.lap("links: story pairs");
    stories.cluster(pairs);
    sw.lap("links: stories");
    // Only the story of each document is needed from here on: the
    // documents' vectors are freed before the links are scored.
    let story_of = std::mem::take(&mut stories.story);
    drop(stories);
    let story = &story_of;
    let links: Vec<Vec<Link>> = candidates
        .into_par_iter()
        .enumerate()
        .map(|(i, cs)| {
            let mut links: Vec<Link> = cs
                .iter()
                .filter(|&&j| story[claims[j as usize].doc] == story[claims[i].doc])
                .filter_map(|&j| score::score_pair(input, &feats, &rare, i, j as usize))
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
                if l.relation.is_strong() {
                    strong += 1;
                    return strong <= MAX_STRONG;
                }
                related += 1;
                related <= MAX_RELATED
            });
            links
        })
        .collect();
    sw.lap("links: scoring");
    if std::env::var_os("CROSSREAD_TIMING").is_some() {
        let mut ids = story_of.clone();
        ids.sort_unstable();
        ids.dedup();
        let count: usize = links.iter().map(Vec::len).sum();
        eprintln!(
            "  links: {count} links, {} stories of {ndocs} documents",
            ids.len()
        );
    }
    Linked {
        links,
        story: story_of,
    }
}

/// Candidate partners of every claim (from inverted indexes of informative
/// terms, names and quotation trigrams), and for each claim the documents of
/// those partners alike enough in words to propose one story.
#[allow(clippy::type_complexity)]
fn candidates(
    input: &LinkInput,
    feats: &[Features],
    df: &HashMap<u64, u32>,
) -> (Vec<Box<[u32]>>, Vec<Box<[u32]>>) {
    let claims = input.claims;
    let n = claims.len();
    let cap = ((n / 50).max(12) as u32).min(MAX_POSTINGS as u32);
    let name_key = |k: &names::NameKey| k.id.wrapping_mul(0x9E3779B97F4A7C15) ^ 0x5bd1e995;
    let mut postings: HashMap<u64, Vec<u32>> = HashMap::default();
    let mut quote_postings: HashMap<u64, Vec<u32>> = HashMap::default();
    // Claims with the same words (a statement repeated by many outlets)
    // find each other whatever the cap on common terms.
    let mut exact: HashMap<u64, Vec<u32>> = HashMap::default();
    for (i, f) in feats.iter().enumerate() {
        if f.terms.len() >= 3 {
            exact.entry(exact_key(f)).or_default().push(i as u32);
        }
        for t in f
            .terms
            .iter()
            .filter(|t| df.get(t).is_some_and(|d| *d > 1 && *d <= cap))
        {
            postings.entry(*t).or_default().push(i as u32);
        }
        for k in &f.names {
            postings.entry(name_key(k)).or_default().push(i as u32);
        }
        for t in &f.trigrams {
            quote_postings.entry(*t).or_default().push(i as u32);
        }
    }
    postings.retain(|_, p| p.len() > 1 && p.len() <= cap as usize);
    (0..n)
        .into_par_iter()
        .map(|i| {
            let a = &claims[i];
            let fa = &feats[i];
            let mut cand: HashMap<u32, u32> = HashMap::default();
            if fa.terms.len() >= 3
                && let Some(same) = exact.get(&exact_key(fa))
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
            // A name only a few claims mention is a strong cue; a country
            // most claims mention is none.
            for k in &fa.names {
                if let Some(p) = postings.get(&name_key(k)) {
                    let hits = if p.len() <= RARE_NAME {
                        2
                    } else {
                        (k.scope != Scope::Country) as u32
                    };
                    for &j in p {
                        *cand.entry(j).or_default() += hits;
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
            // Keep the candidates that can still link: some words in
            // common, a name or a quotation in common.
            let mut docs = Vec::new();
            let mut ids = Vec::new();
            for (j, _) in cand {
                let fb = &feats[j as usize];
                let words = score::exact(fa, fb).similarity(fa.mass, fb.mass);
                if 0.65 * words >= STORY_EVIDENCE {
                    docs.push(claims[j as usize].doc as u32);
                }
                if words >= MIN_WORDS
                    || fa.names.iter().any(|k| fb.names.contains(k))
                    || fa
                        .trigrams
                        .iter()
                        .any(|t| fb.trigrams.binary_search(t).is_ok())
                {
                    ids.push(j);
                }
            }
            docs.sort_unstable();
            docs.dedup();
            (ids.into_boxed_slice(), docs.into_boxed_slice())
        })
        .unzip()
}
