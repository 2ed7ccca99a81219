//! The fuzzy finder's engine: one list of everything a briefing asks about
//! (documents, entities, claims, dated events), matched with nucleo-matcher
//! (helix's fuzzy matcher) and ranked. Pure: no terminal.

use crate::corpus::{DocId, Document};
use crate::index::Index;
use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32String};
use rayon::prelude::*;
use std::sync::Arc;

/// What a row of the finder stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Document(DocId),
    Entity(usize),
    Claim(usize),
    /// An event, by its index in the index's event list.
    Event(usize),
}

impl Target {
    /// Ties in score go to entities, then documents, events, claims.
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
    /// How much the item weighs among equals: mentions, sources.
    pub weight: u32,
}

/// Every item, built once the corpus (and its analysis) is there.
#[derive(Debug, Default)]
pub struct FinderIndex {
    pub items: Vec<Item>,
    /// True when entities, claims and events are in (the analysis was
    /// there); documents only otherwise.
    pub analysed: bool,
}

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
                text: doc_line(docs, index, d).into(),
                weight: 0,
            })
            .collect();
        let Some(ix) = index else {
            return FinderIndex {
                items,
                analysed: false,
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
        let claims: Vec<Item> = ix
            .claims
            .par_iter()
            .map(|c| Item {
                target: Target::Claim(c.id),
                text: plain(&docs[c.doc].text[c.range.clone()]).into(),
                weight: ix.sources.get(c.id).copied().unwrap_or(1) as u32,
            })
            .collect();
        items.extend(claims);
        items.extend(ix.events.iter().enumerate().map(|(i, e)| {
            let end = e.end.map_or(String::new(), |x| format!("-{}", x.iso()));
            Item {
                target: Target::Event(i),
                text: format!(
                    "{}{end} {}",
                    e.date.iso(),
                    plain(&docs[e.doc].text[e.range.clone()])
                )
                .into(),
                weight: 0,
            }
        }));
        FinderIndex {
            items,
            analysed: true,
        }
    }
}

/// The items a query matches, best first.
#[derive(Debug, Clone, Default)]
pub struct Matches {
    pub query: String,
    /// The best matches, (item, score), best first.
    pub ranked: Vec<(u32, u32)>,
    /// How many items match in all.
    pub total: usize,
    /// Every matching item (in index order), for narrowing.
    all: Arc<Vec<u32>>,
}

/// How many matches are ranked and shown.
pub const SHOWN: usize = 500;
/// Items scored by one task.
const CHUNK: usize = 8192;

fn pattern(query: &str) -> Pattern {
    Pattern::parse(query, CaseMatching::Smart, Normalization::Smart)
}

/// Rank the items for `query`. When `previous` was for a query this one
/// extends, only its matches are scored again.
pub fn rank(fi: &FinderIndex, query: &str, previous: Option<&Matches>) -> Matches {
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
    let scored: Vec<(u32, u32)> = match narrowing {
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
    let total = scored.len();
    let all: Vec<u32> = scored.iter().map(|x| x.0).collect();
    let key = |&(i, s): &(u32, u32)| {
        let it = &fi.items[i as usize];
        (
            std::cmp::Reverse(s),
            it.target.order(),
            std::cmp::Reverse(it.weight),
            it.text.len(),
            i,
        )
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

/// The positions (in characters) of `query`'s matched characters in item
/// `i`'s text, for marking them.
pub fn matched_chars(fi: &FinderIndex, query: &str, i: u32) -> Vec<u32> {
    let mut m = Matcher::new(Config::DEFAULT);
    let mut idx = Vec::new();
    if let Some(it) = fi.items.get(i as usize) {
        pattern(query).indices(it.text.slice(..), &mut m, &mut idx);
    }
    idx.sort_unstable();
    idx.dedup();
    idx
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(texts: &[(Target, &str, u32)]) -> FinderIndex {
        FinderIndex {
            items: texts
                .iter()
                .map(|(t, s, w)| Item {
                    target: *t,
                    text: (*s).into(),
                    weight: *w,
                })
                .collect(),
            analysed: true,
        }
    }

    fn order(fi: &FinderIndex, m: &Matches) -> Vec<String> {
        m.ranked
            .iter()
            .map(|(i, _)| fi.items[*i as usize].text.to_string())
            .collect()
    }

    #[test]
    fn ranks_the_closest_match_first_and_ties_by_kind_and_weight() {
        let fi = items(&[
            (
                Target::Claim(0),
                "The harbour board voted to close the port",
                3,
            ),
            (Target::Entity(0), "Harbour Board (the Board)", 12),
            (
                Target::Document(0),
                "Port closes · Coast Gazette · 2021-03-08",
                0,
            ),
            (Target::Entity(1), "Harriet Boardman", 2),
            (Target::Event(0), "2021-03-08 March 8", 0),
        ]);
        let m = rank(&fi, "harbour board", None);
        assert_eq!(m.total, 2);
        assert_eq!(
            order(&fi, &m),
            vec![
                "Harbour Board (the Board)",
                "The harbour board voted to close the port"
            ],
            "the entity whose name it is comes first"
        );
        let m = rank(&fi, "hboard", None);
        assert!(m.total >= 2, "fuzzy: letters in order");
        let m = rank(&fi, "2021-03", None);
        let o = order(&fi, &m);
        assert!(o.contains(&"2021-03-08 March 8".to_string()), "{o:?}");
        let m = rank(&fi, "zzz", None);
        assert_eq!(m.total, 0);
        // Equal scores: entities first, then heavier ones.
        let fi = items(&[
            (Target::Claim(0), "Kim", 9),
            (Target::Entity(1), "Kim", 1),
            (Target::Entity(2), "Kim", 5),
        ]);
        let m = rank(&fi, "kim", None);
        let targets: Vec<Target> = m
            .ranked
            .iter()
            .map(|(i, _)| fi.items[*i as usize].target)
            .collect();
        assert_eq!(
            targets,
            vec![Target::Entity(2), Target::Entity(1), Target::Claim(0)]
        );
    }

    #[test]
    fn narrowing_agrees_with_ranking_afresh_and_marks_matches() {
        let fi = items(&[
            (Target::Claim(0), "Sanctions relief was discussed", 1),
            (Target::Claim(1), "Sanders said nothing", 1),
            (Target::Entity(0), "Sarah Huckabee Sanders (Sanders)", 3),
        ]);
        let mut prev: Option<Matches> = None;
        let mut typed = String::new();
        for c in "sanders".chars() {
            typed.push(c);
            let narrowed = rank(&fi, &typed, prev.as_ref());
            let fresh = rank(&fi, &typed, None);
            assert_eq!(narrowed.ranked, fresh.ranked, "{typed}");
            prev = Some(narrowed);
        }
        let best = prev.unwrap().ranked[0].0;
        let idx = matched_chars(&fi, "sanders", best);
        assert_eq!(idx.len(), 7);
        assert!(plain("“Keep” – it’s\n\n  done…") == "\"Keep\" - it's done...");
    }
}
