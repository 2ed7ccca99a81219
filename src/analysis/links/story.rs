//! The story gate: which documents report the same story. Claims link only
//! between documents of one story, so two different events of the same kind
//! (two earthquakes in one region years apart, two arrests of players of one
//! team) are never joined through the words and places they share.
//!
//! Each document becomes two weighted vectors, built from its own text
//! outside boilerplate and background (sentences dated a year or more
//! before the document):
//! - the names it mentions: people, organisations, cities and other
//!   specific names at full weight, countries and regions at a quarter,
//!   demonyms not at all;
//! - the content words of its title and claims.
//!
//! The title and the first sentences (where news says what happened) count
//! twice. Weights are `(1 + ln tf) · idf`, where the idf blends the corpus
//! with general English so that a handful of documents about one story still
//! weigh rare words as rare: `idf = ln((N + N0) / (df + N0 · p + 0.5))`, `p`
//! being the share of news articles a word appears in, estimated from its
//! frequency rank (names: from their rarest word), `N0 = 20` pseudo-documents.
//!
//! story similarity = 0.3 · cosine(names) + 0.7 · cosine(words)
//!
//! Documents are then grouped by greedy complete linkage: pairs are taken
//! strongest first, and two groups merge only when every pair of their first
//! members is similar enough and not vetoed (publication dates more than
//! `DATE_WINDOW_DAYS` apart). A document similar to one member of a story but
//! not to the others stays out, which keeps sister events apart far better
//! than a threshold on pairs alone. Copies of one article are one story.
//! Candidate pairs come from the claim index (documents that share claim
//! terms), so no pass over all pairs is made.

use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;

/// Two documents whose similarity is below this are different stories.
pub const STORY_SIMILARITY: f32 = 0.33;
/// Weight of the names' cosine (the words' is the rest).
const NAME_SHARE: f32 = 0.3;
/// Pseudo-documents of general English blended into the corpus counts.
const PSEUDO_DOCS: f32 = 20.0;
/// Each document keeps its strongest features only.
const TOP_FEATURES: usize = 128;
/// Members of each group compared before two groups merge.
const REPRESENTATIVES: usize = 8;
/// Publication dates further apart than this are different stories.
pub const DATE_WINDOW_DAYS: i64 = 180;

/// One feature of a document before weighting: its key, how often it
/// occurs (lead occurrences count twice), its background share `p`, and
/// its own weight (names: a quarter for countries).
#[derive(Debug, Clone, Copy)]
pub struct Occurrence {
    pub key: u64,
    pub count: f32,
    pub p: f32,
    pub weight: f32,
}

/// What the gate needs of one document.
#[derive(Debug, Default)]
pub struct DocFeatures {
    pub names: Vec<Occurrence>,
    pub words: Vec<Occurrence>,
    /// Publication date as a day number, when known.
    pub published: Option<i64>,
    /// Readings stated to a decimal in the title and lead ("a 4.6
    /// magnitude earthquake", "3.5%"): (unit, value).
    pub lead_measures: Vec<(String, f64)>,
    /// Every decimal number the document states.
    pub decimals: Vec<f64>,
}

/// A sparse unit vector, sorted by key.
#[derive(Debug, Default, Clone)]
struct Sparse(Vec<(u32, f32)>);

impl Sparse {
    fn dot(&self, o: &Sparse) -> f32 {
        let (a, b) = (&self.0, &o.0);
        let (mut i, mut j, mut s) = (0, 0, 0.0);
        // Branch-light merge: both sides advance on equal keys.
        while i < a.len() && j < b.len() {
            let (x, y) = (a[i].0, b[j].0);
            if x == y {
                s += a[i].1 * b[j].1;
            }
            i += (x <= y) as usize;
            j += (y <= x) as usize;
        }
        s
    }
}

/// At most this many candidate partners per document and source.
pub const PARTNERS: usize = 8;

/// The `PARTNERS` documents that share most with `d`, as ordered pairs.
pub fn top_partners(d: u32, shared: HashMap<u32, u32>) -> Vec<(u32, u32)> {
    let mut v: Vec<(u32, u32)> = shared.into_iter().collect();
    if v.len() > PARTNERS {
        v.select_nth_unstable_by(PARTNERS, |x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
        v.truncate(PARTNERS);
    }
    v.into_iter().map(|(o, _)| (d.min(o), d.max(o))).collect()
}

pub struct Stories {
    /// Names and words in one vector (names' keys with the top bit set),
    /// scaled so that its dot product is the weighted sum of both cosines.
    vectors: Vec<Sparse>,
    /// The strongest keys of each document (its names' and its words').
    top: Vec<Vec<u32>>,
    published: Vec<Option<i64>>,
    lead_measures: Vec<Vec<(String, f64)>>,
    decimals: Vec<Vec<f64>>,
    /// Size of each document (the fuller copy stands for its group).
    size: Vec<usize>,
    /// Story id of each document (the smallest document id in it).
    pub story: Vec<usize>,
}

fn merge_counts(occ: &[Occurrence]) -> Vec<Occurrence> {
    let mut m: HashMap<u64, Occurrence> = HashMap::default();
    for o in occ {
        m.entry(o.key)
            .and_modify(|x| {
                x.count += o.count;
                x.p = x.p.min(o.p);
                x.weight = x.weight.max(o.weight);
            })
            .or_insert(*o);
    }
    m.into_values().collect()
}

fn vectors(per_doc: &[Vec<Occurrence>]) -> Vec<Vec<(u64, f32)>> {
    let n = per_doc.len() as f32;
    let df: HashMap<u64, u32> = per_doc
        .par_iter()
        .fold(HashMap::default, |mut m: HashMap<u64, u32>, v| {
            for o in v {
                *m.entry(o.key).or_default() += 1;
            }
            m
        })
        .reduce(HashMap::default, |mut a, b| {
            for (k, v) in b {
                *a.entry(k).or_default() += v;
            }
            a
        });
    per_doc
        .par_iter()
        .map(|v| {
            let mut w: Vec<(u64, f32)> = v
                .iter()
                .filter(|o| df[&o.key] > 1)
                .map(|o| {
                    let d = df[&o.key] as f32;
                    let idf = ((n + PSEUDO_DOCS) / (d + PSEUDO_DOCS * o.p + 0.5))
                        .ln()
                        .max(0.0);
                    (o.key, o.weight * (1.0 + o.count.max(1.0).ln()) * idf)
                })
                .filter(|x| x.1 > 0.0)
                .collect();
            if w.len() > TOP_FEATURES {
                w.select_nth_unstable_by(TOP_FEATURES, |a, b| b.1.total_cmp(&a.1));
                w.truncate(TOP_FEATURES);
            }
            let norm = w.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt().max(1e-6);
            for x in &mut w {
                x.1 /= norm;
            }
            w.sort_unstable_by_key(|x| x.0);
            w
        })
        .collect()
}

impl Stories {
    /// Build the vectors; `story` starts as the duplicate groups.
    pub fn new(docs: Vec<DocFeatures>, copies: &[usize], size: Vec<usize>) -> Stories {
        let published = docs.iter().map(|d| d.published).collect();
        let lead_measures = docs.iter().map(|d| d.lead_measures.clone()).collect();
        let decimals = docs.iter().map(|d| d.decimals.clone()).collect();
        let (names, words): (Vec<Vec<Occurrence>>, Vec<Vec<Occurrence>>) = docs
            .into_par_iter()
            .map(|d| (merge_counts(&d.names), d.words))
            .unzip();
        let (names, words) = (vectors(&names), vectors(&words));
        // (the occurrence lists are dropped here)
        let (vectors, top): (Vec<Sparse>, Vec<Vec<u32>>) = names
            .into_par_iter()
            .zip(words)
            .map(|(n, w)| {
                const KEYS: usize = 12;
                let mut top = Vec::with_capacity(2 * KEYS);
                for (v, bit) in [(&n, 1u32 << 31), (&w, 0)] {
                    let mut by_weight: Vec<&(u64, f32)> = v.iter().collect();
                    by_weight.sort_unstable_by(|a, b| b.1.total_cmp(&a.1));
                    top.extend(
                        by_weight
                            .iter()
                            .take(KEYS)
                            .map(|x| (x.0 as u32 & !(1 << 31)) | bit),
                    );
                }
                let (sn, sw) = (NAME_SHARE.sqrt(), (1.0 - NAME_SHARE).sqrt());
                let mut all: Vec<(u32, f32)> = n
                    .iter()
                    .map(|x| ((x.0 as u32) | 1 << 31, x.1 * sn))
                    .chain(w.iter().map(|x| (x.0 as u32 & !(1 << 31), x.1 * sw)))
                    .collect();
                all.sort_unstable_by_key(|x| x.0);
                all.dedup_by_key(|x| x.0);
                (Sparse(all), top)
            })
            .unzip();
        Stories {
            vectors,
            top,
            published,
            lead_measures,
            decimals,
            size,
            story: copies.to_vec(),
        }
    }

    /// How alike the stories of two documents are (0–1).
    pub fn similarity(&self, a: usize, b: usize) -> f32 {
        self.vectors[a].dot(&self.vectors[b])
    }

    /// A reason two documents cannot report one story, if there is one:
    /// publication dates too far apart, or their leads state a reading of
    /// the same kind to a decimal ("magnitude 4.2", "magnitude 4.6") and
    /// neither document mentions the other's.
    pub fn veto(&self, a: usize, b: usize) -> bool {
        if matches!((self.published[a], self.published[b]),
            (Some(x), Some(y)) if (x - y).abs() > DATE_WINDOW_DAYS)
        {
            return true;
        }
        let mentions = |d: usize, v: f64| self.decimals[d].iter().any(|x| (x - v).abs() < 1e-9);
        self.lead_measures[a].iter().any(|(unit, _)| {
            let mine: Vec<f64> = self.lead_measures[a]
                .iter()
                .filter(|m| &m.0 == unit)
                .map(|m| m.1)
                .collect();
            let theirs: Vec<f64> = self.lead_measures[b]
                .iter()
                .filter(|m| &m.0 == unit)
                .map(|m| m.1)
                .collect();
            !theirs.is_empty()
                && !mine.iter().any(|&v| mentions(b, v))
                && !theirs.iter().any(|&v| mentions(a, v))
        })
    }

    /// Pairs of documents that share some of their strongest features (an
    /// inverted index of each document's `KEYS` heaviest names and words;
    /// features in more than `MAX_POSTINGS` documents propose nothing), at
    /// most `PARTNERS` per document, those sharing most first.
    pub fn candidate_pairs(&self) -> Vec<(u32, u32)> {
        const MAX_POSTINGS: usize = 64;
        let mut postings: HashMap<u32, Vec<u32>> = HashMap::default();
        for (d, mine) in self.top.iter().enumerate() {
            for k in mine {
                postings.entry(*k).or_default().push(d as u32);
            }
        }
        postings.retain(|_, p| p.len() > 1 && p.len() <= MAX_POSTINGS);
        self.top
            .par_iter()
            .enumerate()
            .flat_map_iter(|(d, mine)| {
                let mut shared: HashMap<u32, u32> = HashMap::default();
                for k in mine {
                    for &o in postings.get(k).map_or(&[][..], |p| p.as_slice()) {
                        if o as usize != d {
                            *shared.entry(o).or_default() += 1;
                        }
                    }
                }
                top_partners(d as u32, shared)
            })
            .collect()
    }

    /// Group documents into stories, given candidate pairs of documents.
    pub fn cluster(&mut self, mut pairs: Vec<(u32, u32)>) {
        pairs.par_sort_unstable();
        pairs.dedup();
        let mut edges: Vec<(f32, u32, u32)> = pairs
            .par_iter()
            .filter(|(a, b)| a != b && self.story[*a as usize] != self.story[*b as usize])
            .filter_map(|&(a, b)| {
                let s = self.similarity(a as usize, b as usize);
                (s >= STORY_SIMILARITY && !self.veto(a as usize, b as usize)).then_some((s, a, b))
            })
            .collect();
        if std::env::var_os("CROSSREAD_TIMING").is_some() {
            eprintln!(
                "  links: {} candidate pairs of documents, {} above the story threshold",
                pairs.len(),
                edges.len()
            );
        }
        edges.par_sort_unstable_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
        // Groups by root; copies start together. Each group keeps its
        // members, its representatives (the fullest copy of each of its
        // first duplicate groups), the span of its publication dates and
        // its members whose lead states a reading to a decimal.
        let n = self.story.len();
        let mut root: Vec<usize> = self.story.clone();
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); n];
        for d in 0..n {
            members[root[d]].push(d);
        }
        let mut reps: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut span: Vec<Option<(i64, i64)>> = vec![None; n];
        let mut measured: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (g, m) in members.iter().enumerate() {
            if let Some(&d) = m
                .iter()
                .max_by_key(|&&d| (self.size[d], std::cmp::Reverse(d)))
            {
                reps[g].push(d);
            }
            for &d in m {
                if let Some(p) = self.published[d] {
                    span[g] = Some(span[g].map_or((p, p), |(a, b)| (a.min(p), b.max(p))));
                }
                if !self.lead_measures[d].is_empty() {
                    measured[g].push(d);
                }
            }
        }
        // Two groups that cannot merge never can once they grow (their
        // representatives and vetoes only accumulate): remembered.
        let mut failed: rustc_hash::FxHashSet<(usize, usize)> = Default::default();
        for (_, a, b) in edges {
            let (ra, rb) = (root[a as usize], root[b as usize]);
            if ra == rb || failed.contains(&(ra.min(rb), ra.max(rb))) {
                continue;
            }
            // Never vetoed (dates over the whole groups, readings between
            // their members that state one), and similar enough (between
            // their representatives).
            let dates_apart = match (span[ra], span[rb]) {
                (Some((a0, a1)), Some((b0, b1))) => {
                    b1 - a0 > DATE_WINDOW_DAYS || a1 - b0 > DATE_WINDOW_DAYS
                }
                _ => false,
            };
            let ok = !dates_apart
                && measured[ra].iter().take(64).all(|&p| {
                    measured[rb]
                        .iter()
                        .take(64)
                        .all(|&q| self.story[p] == self.story[q] || !self.veto(p, q))
                })
                && reps[ra].iter().all(|&p| {
                    reps[rb].iter().all(|&q| {
                        self.story[p] == self.story[q] || self.similarity(p, q) >= STORY_SIMILARITY
                    })
                });
            if !ok {
                failed.insert((ra.min(rb), ra.max(rb)));
                continue;
            }
            let (keep, gone) = if members[ra].len() >= members[rb].len() {
                (ra, rb)
            } else {
                (rb, ra)
            };
            let moved = std::mem::take(&mut members[gone]);
            for &d in &moved {
                root[d] = keep;
            }
            members[keep].extend(moved);
            let extra = std::mem::take(&mut reps[gone]);
            let room = REPRESENTATIVES.saturating_sub(reps[keep].len());
            reps[keep].extend(extra.into_iter().take(room));
            let m = std::mem::take(&mut measured[gone]);
            measured[keep].extend(m);
            span[keep] = match (span[keep], span[gone]) {
                (Some((a0, a1)), Some((b0, b1))) => Some((a0.min(b0), a1.max(b1))),
                (x, y) => x.or(y),
            };
        }
        // Story id: the smallest document of the group.
        let mut first = vec![usize::MAX; n];
        for d in 0..n {
            first[root[d]] = first[root[d]].min(d);
        }
        self.story = (0..n).map(|d| first[root[d]]).collect();
    }
}
