//! Scoring one pair of claims of one story: word similarity (exact and by
//! meaning), shared names and dates, the relation, and the event
//! compatibility veto (different people, places, numbers or dates).

use super::features::{Features, NO_VECTOR};
use super::names::Scope;
use super::quotes::{self, MIN_QUOTE_WORDS};
use super::{Link, LinkInput, Relation, vectors};
use crate::analysis::claims::Claim;
use crate::analysis::entities::Entity;

pub const CORROBORATE_COSINE: f32 = 0.35;
pub const CORROBORATE_SCORE: f32 = 0.40;
pub const RELATED_SCORE: f32 = 0.28;
pub const QUOTE_SIMILARITY: f32 = 0.6;
/// Two words whose vectors' cosine is below this are not related.
pub const SOFT_MIN: f32 = 0.7;
/// A word matched by meaning counts this much of an identical one, at most.
pub const SOFT_WEIGHT: f32 = 0.8;
/// Claims this alike in words that give different numbers or dates are one
/// statement reported differently (a conflict worth showing), not two events.
const SAME_STATEMENT: f32 = 0.6;
/// Claims of one story this alike in words corroborate each other even
/// when they name no one in common (one of them names no one).
const SAME_WORDS: f32 = 0.5;
/// Two precise dates this many days apart can still be one event.
pub const DATE_SLACK_DAYS: i64 = 3;

/// How much of each claim's word weight the other covers, exactly and
/// by meaning.
#[derive(Debug, Clone, Copy)]
pub struct Overlap {
    pub a: f32,
    pub b: f32,
    /// True when words matched by meaning contributed.
    pub soft: bool,
    /// The best-covered clause of each claim (a clause of at least
    /// `CLAUSE_TERMS` content words; 0 when it has none): how much of it
    /// the other claim says.
    pub clause_a: f32,
    pub clause_b: f32,
}

impl Overlap {
    /// Word similarity: the mean of the geometric mean of both coverages (a
    /// cosine when only identical words match) and the coverage of the
    /// lighter claim (a short claim restated inside a long sentence).
    pub fn similarity(&self, wa: f32, wb: f32) -> f32 {
        let small = if wa <= wb { self.a } else { self.b };
        0.5 * (self.a * self.b).sqrt() + 0.5 * small
    }
}

/// Word overlap of two claims: identical words only (no allocation).
pub fn exact(fa: &Features, fb: &Features) -> Overlap {
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
    Overlap {
        a: dot / fa.mass,
        b: dot / fb.mass,
        soft: false,
        clause_a: 0.0,
        clause_b: 0.0,
    }
}

/// How much a word matched by meaning counts, from its vectors' cosine:
/// half of `SOFT_WEIGHT` at `SOFT_MIN`, all of it for the same vector.
pub fn soft_value(cosine: f32) -> f32 {
    if cosine < SOFT_MIN {
        return 0.0;
    }
    SOFT_WEIGHT * (0.5 + 0.5 * (cosine - SOFT_MIN) / (1.0 - SOFT_MIN))
}

/// How much two different words count as one by meaning: WordNet
/// synonyms count `SOFT_WEIGHT`; otherwise words whose vectors are close
/// (cosine at least `SOFT_MIN`) and among each other's 25 nearest
/// neighbours count by their cosine; WordNet antonyms never count.
pub fn meaning(
    v: &vectors::Vectors,
    wn: &super::wordnet::WordNet,
    (va, sa): (u32, u32),
    (vb, sb): (u32, u32),
) -> f32 {
    if wn.antonyms(sa, sb) {
        return 0.0;
    }
    if wn.synonyms(sa, sb) {
        return SOFT_WEIGHT;
    }
    if va == NO_VECTOR || vb == NO_VECTOR {
        return 0.0;
    }
    let c = v.cosine(va as usize, vb as usize);
    if !v.mutual(va as usize, vb as usize, c) {
        return 0.0;
    }
    soft_value(c)
}

/// Word overlap of two claims, also matching words by meaning.
pub fn overlap(fa: &Features, fb: &Features) -> Overlap {
    let (mut ma, mut mb) = (vec![0f32; fa.terms.len()], vec![0f32; fb.terms.len()]);
    let (mut x, mut y) = (0, 0);
    while x < fa.terms.len() && y < fb.terms.len() {
        match fa.terms[x].cmp(&fb.terms[y]) {
            std::cmp::Ordering::Less => x += 1,
            std::cmp::Ordering::Greater => y += 1,
            std::cmp::Ordering::Equal => {
                ma[x] = 1.0;
                mb[y] = 1.0;
                x += 1;
                y += 1;
            }
        }
    }
    let mut used_soft = false;
    let v = vectors::get();
    let wn = super::wordnet::get();
    for (i, ia) in fa.info.iter().enumerate() {
        if ma[i] > 0.0 {
            continue;
        }
        for (j, ib) in fb.info.iter().enumerate() {
            if mb[j] >= 1.0 {
                continue;
            }
            let s = meaning(v, wn, (ia.vec, ia.syn), (ib.vec, ib.syn));
            if s > 0.0 {
                ma[i] = ma[i].max(s);
                mb[j] = mb[j].max(s);
                used_soft = true;
            }
        }
    }
    let cov = |m: &[f32], f: &Features| {
        m.iter().zip(&f.weights).map(|(m, w)| m * w).sum::<f32>() / f.mass
    };
    Overlap {
        a: cov(&ma, fa),
        b: cov(&mb, fb),
        soft: used_soft,
        clause_a: best_clause(&ma, fa),
        clause_b: best_clause(&mb, fb),
    }
}

/// A clause needs this many content words to stand for a statement.
pub const CLAUSE_TERMS: usize = 4;
/// A clause of one claim this well covered by the other claim is a
/// statement both make (the rest of the sentences may say more).
const SAME_CLAUSE: f32 = 0.8;
/// ... and the other claim's best clause must echo it at least this much.
const CLAUSE_ECHO: f32 = 0.3;

/// Coverage of the best-covered clause of a claim, given how well each of
/// its terms is matched.
fn best_clause(m: &[f32], f: &Features) -> f32 {
    let n = f
        .info
        .iter()
        .map(|t| 32 - t.clauses.leading_zeros())
        .max()
        .unwrap_or(0);
    if n < 2 {
        return 0.0;
    }
    let mut best = 0.0f32;
    for c in 0..n {
        let (mut got, mut all, mut count) = (0.0, 0.0, 0);
        for ((t, &w), &x) in f.info.iter().zip(&f.weights).zip(m) {
            // Dates and numbers do not make a clause a statement.
            if t.clauses & (1 << c) != 0 && t.plain {
                got += w * x;
                all += w;
                count += 1;
            }
        }
        if count >= CLAUSE_TERMS && all > 0.0 {
            best = best.max(got / all);
        }
    }
    best
}

/// Weighted Jaccard of two claims' names (countries count a quarter), and
/// whether they share a name more specific than a country.
fn names_similarity(fa: &Features, fb: &Features) -> (f32, bool) {
    let w = |s: Scope| super::names::weight(s);
    let (mut inter, mut union, mut specific) = (0.0, 0.0, false);
    let (mut x, mut y) = (0, 0);
    let (a, b) = (&fa.names, &fb.names);
    while x < a.len() || y < b.len() {
        match (a.get(x), b.get(y)) {
            (Some(p), Some(q)) if p == q => {
                inter += w(p.scope);
                union += w(p.scope);
                specific |= p.scope != Scope::Country;
                x += 1;
                y += 1;
            }
            (Some(p), Some(q)) if p < q => {
                union += w(p.scope);
                x += 1;
            }
            (Some(_), Some(q)) => {
                union += w(q.scope);
                y += 1;
            }
            (Some(p), None) => {
                union += w(p.scope);
                x += 1;
            }
            (None, Some(q)) => {
                union += w(q.scope);
                y += 1;
            }
            (None, None) => break,
        }
    }
    (if union > 0.0 { inter / union } else { 0.0 }, specific)
}

/// Do two sets of names conflict: both name some of a kind, and share none?
fn disjoint(fa: &Features, fb: &Features, keep: impl Fn(&super::names::NameKey) -> bool) -> bool {
    let a: Vec<_> = fa.names.iter().filter(|n| keep(n)).collect();
    let b: Vec<_> = fb.names.iter().filter(|n| keep(n)).collect();
    !a.is_empty() && !b.is_empty() && a.iter().all(|n| !b.contains(n))
}

/// Could two person entities be one person? The same entity, or one
/// name the end of the other ("de Vries" and "Pieter de Vries", "Rutte" and
/// "Mark Rutte"): a surname alone is compatible with the full name, but a
/// family name shared by two people written in full ("Lee Su Min", "Lee
/// Ha Eun") is not.
pub fn same_person(entities: &[Entity], a: usize, b: usize) -> bool {
    if a == b {
        return true;
    }
    let words = |e: &Entity| -> Vec<Vec<String>> {
        std::iter::once(e.name.as_str())
            .chain(e.aliases.iter().map(|x| x.name.as_str()))
            .map(|n| crate::text::words::words(n).collect())
            .collect()
    };
    let (wa, wb) = (words(&entities[a]), words(&entities[b]));
    wa.iter().any(|x| {
        wb.iter().any(|y| {
            let (short, long) = if x.len() <= y.len() { (x, y) } else { (y, x) };
            !short.is_empty() && long.ends_with(short)
        })
    })
}

/// Why two claims cannot report one event, if they cannot.
pub fn veto(entities: &[Entity], fa: &Features, fb: &Features) -> Option<&'static str> {
    let persons = |f: &Features| -> Vec<usize> {
        f.names
            .iter()
            .filter(|n| n.person)
            .map(|n| n.id as usize)
            .collect()
    };
    let (pa, pb) = (persons(fa), persons(fb));
    if !pa.is_empty()
        && !pb.is_empty()
        && !pa
            .iter()
            .any(|&x| pb.iter().any(|&y| same_person(entities, x, y)))
    {
        return Some("different people");
    }
    if disjoint(fa, fb, |n| n.scope == Scope::City) {
        return Some("different places");
    }
    if disjoint(fa, fb, |n| n.scope == Scope::Country)
        && !fa
            .names
            .iter()
            .any(|n| n.scope == Scope::City && fb.names.contains(n))
    {
        return Some("different countries");
    }
    None
}

fn dates_conflict(fa: &Features, fb: &Features) -> bool {
    !fa.dates.is_empty()
        && !fb.dates.is_empty()
        && !fa
            .dates
            .iter()
            .any(|d| fb.dates.iter().any(|e| d.meets(e, DATE_SLACK_DAYS)))
}

/// The first number of `a` that `b` gives differently (same unit), if any.
fn numbers_conflict(input: &LinkInput, a: &Claim, b: &Claim) -> Option<String> {
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
    None
}

pub fn score_pair(
    input: &LinkInput,
    feats: &[Features],
    rare: &dyn Fn(&super::names::NameKey) -> bool,
    i: usize,
    j: usize,
) -> Option<Link> {
    let (a, b) = (&input.claims[i], &input.claims[j]);
    let (fa, fb) = (&feats[i], &feats[j]);
    let duplicate = input.cluster[a.doc] == input.cluster[b.doc];
    let (wa, wb) = (fa.mass, fb.mass);
    let exact = exact(fa, fb);
    let mut ov = exact;
    let mut words = ov.similarity(wa, wb);
    if words < SAME_WORDS {
        // Unless the same words already make them one statement, words of
        // close meaning and clauses restated are looked for.
        let soft = overlap(fa, fb);
        if soft.soft || soft.clause_a.max(soft.clause_b) > 0.0 {
            words = soft.similarity(wa, wb);
            ov = soft;
        }
    }
    let (names, specific) = names_similarity(fa, fb);
    let same_date = fa
        .dates
        .iter()
        .any(|d| fb.dates.iter().any(|e| d.meets(e, 0)));
    let mut score = 0.65 * words + 0.25 * names + if same_date { 0.10 } else { 0.0 };
    // Copies of one article are not vetoed: they are the same text.
    if !duplicate && veto(input.entities, fa, fb).is_some() {
        return None;
    }
    let numbers = numbers_conflict(input, a, b);
    let dates = dates_conflict(fa, fb);
    if !duplicate && (numbers.is_some() || dates) && words < SAME_STATEMENT {
        return None;
    }
    let mut diff = Vec::new();
    let quote_sim = if fa.quote.len() >= MIN_QUOTE_WORDS && fb.quote.len() >= MIN_QUOTE_WORDS {
        let (sim, same) = quotes::quote_similarity(&fa.quote, &fb.quote);
        (sim >= QUOTE_SIMILARITY && same >= MIN_QUOTE_WORDS).then_some(sim)
    } else {
        None
    };
    let relation = if let Some(sim) = quote_sim {
        score = score.max(0.5 + 0.5 * sim);
        if fa.quote == fb.quote {
            Relation::Corroborates
        } else {
            let (qa, qb) = (
                a.quote.clone().unwrap_or_default(),
                b.quote.clone().unwrap_or_default(),
            );
            diff = quotes::word_diff(&input.texts[a.doc][qa], &input.texts[b.doc][qb]);
            Relation::QuoteVariant
        }
    } else if (words >= CORROBORATE_COSINE && (score >= CORROBORATE_SCORE || words >= SAME_WORDS))
        || (ov.clause_a.max(ov.clause_b) >= SAME_CLAUSE
            && ov.clause_a.min(ov.clause_b) >= CLAUSE_ECHO
            && names > 0.0)
    {
        score = score.max(CORROBORATE_SCORE);
        Relation::Corroborates
    } else if score >= RELATED_SCORE && specific {
        Relation::Related
    } else if fa.names.iter().any(|k| rare(k) && fb.names.contains(k)) {
        // Only these few claims mention that name: a detail they share.
        score = score.max(RELATED_SCORE);
        Relation::Related
    } else {
        return None;
    };
    let conflict = numbers.or_else(|| {
        (dates && relation != Relation::Related).then(|| {
            let iso = |c: &Claim| {
                c.events
                    .iter()
                    .map(|&e| &input.events[e])
                    .filter(|e| {
                        !super::features::fallback(e, input.docs[c.doc].reference.map(|r| r.1))
                    })
                    .find_map(|e| e.date.map(|d| d.iso()))
                    .unwrap_or_default()
            };
            format!("dates differ: {} vs {}", iso(a), iso(b))
        })
    });
    Some(Link {
        to: j,
        relation,
        score: score.min(1.0),
        duplicate,
        diff,
        conflict,
        paraphrase: ov.soft && exact.similarity(wa, wb) < CORROBORATE_COSINE,
    })
}
