//! One sense per document: the kind of a name is decided once per document
//! from all the evidence of its mentions, with two more sources of evidence
//! that only the whole document has: a lone word that is part of a person's
//! (or a company's) full name there is that person (or company), and the
//! items of one list ("A, B and C") share a kind unless their own evidence
//! says otherwise. The city list never makes a person; a wire dateline's
//! place is a place whatever the rest of the document says of the name.

use super::evidence::Cues;
use super::names::bit;
use super::resolve::base_key;
use super::{Candidate, EntityKind, Source};
use crate::analysis::gazetteer::{self, PlaceScope, key};
use rustc_hash::FxHashMap as HashMap;

/// Evidence a full name gives the lone words of it in the same document.
const PART_CUE: u16 = 4;
/// Evidence a list gives the items that have little of their own.
const LIST_CUE: u16 = 2;
/// A lead from which a kind is taken as decided.
pub(super) const DECIDED: u16 = 2;
/// Person evidence that overrides the city list.
const STRONG_PERSON: u16 = 4;

/// Decide the kind of every candidate of one document.
pub(super) fn decide(cands: &mut [Candidate]) {
    // Candidates by key (a dateline's place stands apart).
    let mut group_of: Vec<usize> = Vec::with_capacity(cands.len());
    // "Cobre Verde" and "Cobre Verde SA" are one name.
    let bases: Vec<Option<String>> = cands
        .iter()
        .map(|c| {
            matches!(c.source, Source::Name)
                .then(|| base_key(&c.name))
                .flatten()
        })
        .collect();
    let mut groups: HashMap<(&str, bool), usize> = HashMap::default();
    let mut sums: Vec<Cues> = Vec::new();
    for (c, base) in cands.iter().zip(&bases) {
        let n = groups.len();
        let k = base.as_deref().unwrap_or(c.key.as_str());
        let g = *groups.entry((k, c.apart)).or_insert(n);
        if g == sums.len() {
            sums.push(Cues::default());
        }
        sums[g].add(&c.cues);
        group_of.push(g);
    }
    // Lone words of full names.
    let single: HashMap<&str, usize> = cands
        .iter()
        .zip(&group_of)
        .filter(|(c, _)| !c.apart && c.word_count() == 1)
        .map(|(c, g)| (c.key.as_str(), *g))
        .collect();
    let mut extra = vec![Cues::default(); sums.len()];
    let mut done = vec![false; sums.len()];
    for (c, &g) in cands.iter().zip(&group_of) {
        if done[g] || !matches!(c.source, Source::Name) || c.word_count() < 2 {
            continue;
        }
        let words = c.words();
        done[g] = true;
        let (kind, lead) = sums[g].best();
        if lead == 0 {
            continue;
        }
        let parts: Vec<String> = match kind {
            EntityKind::Person => vec![key(words[0]), key(words[words.len() - 1])],
            EntityKind::Organization => vec![key(words[0])],
            _ => continue,
        };
        for p in parts {
            if let Some(&s) = single.get(p.as_str())
                && s != g
            {
                extra[s].add_to(kind, PART_CUE);
            }
        }
    }
    for (s, e) in sums.iter_mut().zip(&extra) {
        s.add(e);
    }
    // Lists: items with little evidence take the kind most items have.
    let mut lists: HashMap<u32, Vec<usize>> = HashMap::default();
    for (i, c) in cands.iter().enumerate() {
        if c.list != 0 {
            lists.entry(c.list).or_default().push(i);
        }
    }
    let mut extra = vec![Cues::default(); sums.len()];
    for items in lists.values() {
        let mut count = [0usize; 5];
        for &i in items {
            let (k, lead) = kind_of(&cands[i], &sums[group_of[i]]);
            if lead >= DECIDED {
                count[k as usize] += 1;
            }
        }
        let (best, &n) = count
            .iter()
            .enumerate()
            .max_by_key(|(_, n)| **n)
            .expect("five kinds");
        let others: usize = count.iter().sum::<usize>() - n;
        if n < 2 || others >= n {
            continue;
        }
        let kind = [
            EntityKind::Person,
            EntityKind::Organization,
            EntityKind::Place,
            EntityKind::Event,
            EntityKind::Other,
        ][best];
        for &i in items {
            let (_, lead) = kind_of(&cands[i], &sums[group_of[i]]);
            if lead < DECIDED {
                extra[group_of[i]].add_to(kind, LIST_CUE);
            }
        }
    }
    for (s, e) in sums.iter_mut().zip(&extra) {
        s.add(e);
    }
    for (c, &g) in cands.iter_mut().zip(&group_of) {
        let (k, lead) = kind_of(c, &sums[g]);
        c.kind = k;
        c.lead = lead;
    }
}

/// The kind of a candidate given the summed evidence of its name.
pub(super) fn kind_of(c: &Candidate, q: &Cues) -> (EntityKind, u16) {
    if let Source::Gazetteer(id) = c.source {
        let e = &gazetteer::get().entries[id];
        // A city standing for its team ("Lima 2 Quito 1").
        if e.scope == Some(PlaceScope::City) && q.org >= 3 && q.org > q.place {
            return (EntityKind::Organization, q.org - q.place);
        }
        return (e.kind, u16::MAX);
    }
    let (mut k, mut lead) = q.best();
    // The city list vetoes a person on weak evidence; the name is then
    // left undecided (a lone surname may still join a full name elsewhere).
    if k == EntityKind::Person && c.bits & (bit::CITY | bit::STATE) != 0 && q.person < STRONG_PERSON
    {
        k = if q.org > q.place {
            EntityKind::Organization
        } else {
            EntityKind::Place
        };
        lead = 0;
    }
    (k, lead)
}

#[cfg(test)]
mod tests {
    use super::super::tests::run_one;
    use super::*;

    #[test]
    fn one_sense_per_document_and_full_names_lend_their_kind() {
        let e = run_one("Lena Okafor arrived. Okafor said the talks went well. Later Okafor left.");
        assert_eq!(e("Lena Okafor"), Some(EntityKind::Person));
        let e = run_one("The firm Zellamo Ltd grew. Zellamo hired staff. Rivals watched Zellamo.");
        assert_eq!(e("Zellamo Ltd"), Some(EntityKind::Organization));
    }

    #[test]
    fn list_items_share_a_kind() {
        let e = run_one("The squad: Tomas Brandt, Ana Ruiz, Bea Lund, Oksmer Talvik and Ivo Kask.");
        assert_eq!(e("Oksmer Talvik"), Some(EntityKind::Person));
    }

    #[test]
    fn a_dateline_place_stays_a_place_beside_its_team() {
        let text = "BASEBALL - STANDINGS\n\nPORTLAND 2021-05-02\nPORTLAND 12 4 .750 -\nDENVER 10 6 .625 2\n";
        let e = super::super::tests::run(&[text], &Default::default());
        let kinds: Vec<(String, EntityKind)> = e
            .entities
            .iter()
            .filter(|x| x.name.eq_ignore_ascii_case("portland"))
            .map(|x| (x.name.clone(), x.kind))
            .collect();
        assert!(kinds.iter().any(|k| k.1 == EntityKind::Place), "{kinds:?}");
        assert!(
            kinds.iter().any(|k| k.1 == EntityKind::Organization),
            "{kinds:?}"
        );
    }
}
