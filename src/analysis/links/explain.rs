//! What a link rests on, so a reader can judge it: the names, numbers,
//! dates and words the two claims share, and the words they match by
//! meaning. Computed on demand for the link shown (or exported), from the
//! two claims alone.

use super::features::{self, Span};
use super::names::{self, Scope};
use super::{score, vectors};
use crate::analysis::claims::Claim;
use crate::analysis::entities::{Entity, EntityKind};
use crate::analysis::{DocAnalysis, Event};
use serde::Serialize;

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Basis {
    /// Names both claims mention (people, organisations, places).
    pub names: Vec<String>,
    /// Numbers both give (with their unit), as written in this claim.
    pub numbers: Vec<String>,
    /// Dates both refer to (ISO).
    pub dates: Vec<String>,
    /// Content words both use, as written in this claim.
    pub words: Vec<String>,
    /// Words matched by meaning: (this claim's word, the other's).
    pub meanings: Vec<(String, String)>,
}

impl Basis {
    /// One line for a reader: `names: X, Y · numbers: 40 · words: a, b · a≈b`.
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        let mut add = |label: &str, items: &[String]| {
            if !items.is_empty() {
                parts.push(format!("{label}: {}", items.join(", ")));
            }
        };
        add("names", &self.names);
        add("numbers", &self.numbers);
        add("dates", &self.dates);
        add("words", &self.words);
        let meanings: Vec<String> = self
            .meanings
            .iter()
            .map(|(a, b)| format!("{a}≈{b}"))
            .collect();
        add("meaning", &meanings);
        if parts.is_empty() {
            "nothing shared beyond the quotation".to_string()
        } else {
            parts.join(" · ")
        }
    }
}

/// What the explanation needs of the corpus.
pub struct Corpus<'a> {
    pub claims: &'a [Claim],
    pub docs: &'a [DocAnalysis],
    pub entities: &'a [Entity],
    pub events: &'a [Event],
}

/// A content word of a claim: its stem's hash and how it is written.
struct Word {
    key: u64,
    vec: u32,
    syn: u32,
    surface: String,
}

struct Side<'a> {
    names: Vec<(names::NameKey, String)>,
    words: Vec<Word>,
    dates: Vec<(Span, String)>,
    text: &'a str,
}

fn side<'a>(cx: &Corpus, c: &Claim, text: &'a str) -> Side<'a> {
    let mut blank = Vec::new();
    let mut names = Vec::new();
    for (r, e) in &c.names {
        let ent = &cx.entities[*e];
        let key = names::key(&text[r.clone()], *e, ent.kind);
        if key.scope == Scope::Demonym {
            continue;
        }
        let shown = if key.scope == Scope::City && key.id != *e as u64 {
            text[r.clone()].to_string()
        } else {
            ent.name.clone()
        };
        if !names.iter().any(|(k, _)| *k == key) {
            names.push((key, shown));
        }
        if matches!(
            ent.kind,
            EntityKind::Person | EntityKind::Place | EntityKind::Organization
        ) {
            blank.push(r.clone());
        }
    }
    let mut tokens = Vec::new();
    features::tokens(text, c.range.clone(), &mut tokens);
    let words = tokens
        .into_iter()
        .filter(|t| {
            !blank
                .iter()
                .any(|b| b.start < t.end as usize && (t.start as usize) < b.end)
        })
        .map(|t| Word {
            key: t.key,
            vec: t.vec,
            syn: t.syn,
            surface: text[t.start as usize..t.end as usize]
                .to_lowercase()
                .replace('’', "'"),
        })
        .collect();
    let basis = cx.docs[c.doc].reference.map(|r| r.1);
    let dates = c
        .events
        .iter()
        .map(|&e| &cx.events[e])
        .filter(|e| !features::fallback(e, basis))
        .filter_map(|e| Some((features::span(e)?, e.date?.iso())))
        .collect();
    Side {
        names,
        words,
        dates,
        text,
    }
}

/// Why claim `a` (in `text_a`) links to claim `b` (in `text_b`).
pub fn explain(cx: &Corpus, a: usize, b: usize, text_a: &str, text_b: &str) -> Basis {
    let (ca, cb) = (&cx.claims[a], &cx.claims[b]);
    let (sa, sb) = (side(cx, ca, text_a), side(cx, cb, text_b));
    let mut basis = Basis::default();
    for (k, shown) in &sa.names {
        if sb.names.iter().any(|(q, _)| q == k) {
            basis.names.push(shown.clone());
        }
    }
    for q in &ca.quantities {
        if cb
            .quantities
            .iter()
            .any(|r| r.unit == q.unit && (r.value - q.value).abs() <= 0.01 * q.value.abs())
        {
            push_unique(&mut basis.numbers, &sa.text[q.range.clone()]);
        }
    }
    for (s, iso) in &sa.dates {
        if sb.dates.iter().any(|(t, _)| s.meets(t, 0)) {
            push_unique(&mut basis.dates, iso);
        }
    }
    let mut matched_b = vec![false; sb.words.len()];
    let mut unmatched = Vec::new();
    for w in &sa.words {
        let mut hit = false;
        for (j, v) in sb.words.iter().enumerate() {
            if v.key == w.key {
                matched_b[j] = true;
                hit = true;
            }
        }
        if hit {
            push_unique(&mut basis.words, &w.surface);
        } else {
            unmatched.push(w);
        }
    }
    let (table, wn) = (vectors::get(), super::wordnet::get());
    for w in unmatched {
        let best = sb
            .words
            .iter()
            .enumerate()
            .filter(|(j, _)| !matched_b[*j])
            .map(|(_, v)| {
                let m = score::meaning(table, wn, (w.vec, w.syn), (v.vec, v.syn));
                (m, v)
            })
            .filter(|(m, _)| *m > 0.0)
            .max_by(|x, y| x.0.total_cmp(&y.0));
        if let Some((_, v)) = best
            && !basis.meanings.iter().any(|(x, _)| *x == w.surface)
        {
            basis.meanings.push((w.surface.clone(), v.surface.clone()));
        }
    }
    basis
}

fn push_unique(v: &mut Vec<String>, s: &str) {
    if !v.iter().any(|x| x == s) {
        v.push(s.to_string());
    }
}
