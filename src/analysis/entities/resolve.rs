//! Alias resolution across the corpus: candidates grouped by name and kind,
//! gazetteer entries, acronyms, surnames and the user's file, then entities
//! built from the groups, each with a kind, a name, its aliases and how each
//! was merged.

use super::lexicon::{has, is_stop, word};
use super::names::bit;
use super::sense::DECIDED;
use super::{
    Alias, AliasKind, Candidate, DocCandidates, Entities, Entity, EntityKind, Mention, Source,
    UserAliases,
};
use crate::analysis::gazetteer::{self, NameForm, PlaceScope, key};
use crate::corpus::DocId;
use rayon::prelude::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// A surface form of an entity: (count, written in capitals, order of first
/// sight reversed, cluster).
type Surface = (u32, bool, usize, usize);

/// Union-find over cluster ids.
struct Dsu(Vec<usize>);
impl Dsu {
    fn find(&mut self, x: usize) -> usize {
        let mut r = x;
        while self.0[r] != r {
            r = self.0[r];
        }
        let mut y = x;
        while self.0[y] != r {
            let n = self.0[y];
            self.0[y] = r;
            y = n;
        }
        r
    }
    fn union(&mut self, a: usize, into: usize) -> bool {
        let (a, b) = (self.find(a), self.find(into));
        if a != b {
            self.0[a] = b;
        }
        a != b
    }
}

/// The key of a name without a company's legal form at its end ("Andes
/// Litio SA" → "andeslitio").
pub(super) fn base_key(name: &str) -> Option<String> {
    let last = name.rsplit(' ').next()?;
    if !has(word::LEGAL_SUFFIXES, last) {
        return None;
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let mut n = words.len();
    while n > 1 && has(word::LEGAL_SUFFIXES, words[n - 1]) {
        n -= 1;
    }
    (n < words.len()).then(|| key(&words[..n].join(" ")))
}

/// The sense a candidate's cluster is keyed by: its kind when its document
/// decided it, for the kinds that can share a name (a town and its team).
fn sense(c: &Candidate) -> Option<EntityKind> {
    let decided = c.lead >= DECIDED
        && matches!(
            c.kind,
            EntityKind::Person | EntityKind::Organization | EntityKind::Place
        );
    match c.source {
        Source::Gazetteer(id) => (c.kind != gazetteer::get().entries[id].kind).then_some(c.kind),
        Source::Name => decided.then_some(c.kind),
    }
}

/// Is the candidate noise: a single letter, a lone common word with no
/// decided kind, a sentence-initial word never seen elsewhere?
fn junk(c: &Candidate) -> bool {
    // (A name of more than six bytes has more than one letter.)
    let letters = if c.name.len() > 6 {
        7
    } else {
        c.name.chars().filter(|ch| ch.is_alphabetic()).count()
    };
    if letters <= 1 {
        return true;
    }
    if !matches!(c.source, Source::Name) {
        return false;
    }
    if c.unmatched && (c.lead < DECIDED || c.kind == EntityKind::Other) {
        return true;
    }
    if c.word_count() != 1 {
        return false;
    }
    let w = &c.name;
    if w.len() <= 12 && is_stop(&w.to_lowercase()) {
        return true;
    }
    // "Ld", "Mt": two letters, not capitals, no list knows them.
    if letters == 2 && !c.caps && w.chars().any(char::is_lowercase) && c.bits == 0 {
        return true;
    }
    // "Democratic", "Central", "Share": a common word needs a clear kind.
    c.bits & bit::COMMON != 0
        && c.bits & (bit::GIVEN | bit::SURNAME) == 0
        && (c.lead < 2 * DECIDED || c.kind == EntityKind::Other)
}

/// Merge the candidates of all documents into entities.
pub fn resolve(per_doc: Vec<DocCandidates>, user: &UserAliases) -> Entities {
    let mut sw = crate::analysis::Stopwatch::new();
    let gaz = gazetteer::get();
    let mut cands: Vec<Candidate> = Vec::with_capacity(per_doc.iter().map(|d| d.cands.len()).sum());
    let mut acronyms: HashMap<String, String> = HashMap::default();
    for d in per_doc {
        cands.extend(d.cands);
        for (long, short) in d.acronyms {
            acronyms.entry(key(&short)).or_insert_with(|| key(&long));
        }
    }
    sw.lap("resolve: gather and sort");
    let split: HashSet<String> = user.split.iter().map(|s| key(s)).collect();
    let mut forced: HashMap<String, String> = HashMap::default();
    for (canon, names) in &user.merge {
        for n in names {
            forced.insert(key(n), key(canon));
        }
        forced.insert(key(canon), key(canon));
    }
    // A word seen only at sentence starts is likely a common word, unless
    // it is part of a person's name seen elsewhere.
    let seen_inside: HashSet<&str> = cands
        .iter()
        .filter(|c| !c.initial)
        .map(|c| c.key.as_str())
        .collect();
    let person_names: HashSet<&str> = cands
        .iter()
        .filter(|c| c.kind == EntityKind::Person && c.name.contains(' '))
        .map(|c| c.name.as_str())
        .collect();
    let name_parts: HashSet<String> = person_names
        .iter()
        .flat_map(|n| {
            let ws: Vec<&str> = super::name_words(n).collect();
            match ws[..] {
                [first, .., last] => vec![key(first), key(last)],
                _ => Vec::new(),
            }
        })
        .collect();
    drop(person_names);
    let keep: Vec<bool> = cands
        .par_iter()
        .map(|c| {
            let wanted = || forced.contains_key(&c.key) || split.contains(&c.key);
            // A common word that only opens sentences ("Attendance: 8,000")
            // is no name, whatever its context suggests.
            let plain = matches!(c.source, Source::Name)
                && c.word_count() == 1
                && c.bits & bit::COMMON != 0
                && c.bits & (bit::GIVEN | bit::SURNAME | bit::CITY | bit::STATE) == 0;
            (!junk(c)
                && (!c.initial
                    || c.word_count() > 1
                    || seen_inside.contains(c.key.as_str())
                    || name_parts.contains(&c.key)
                    || !plain
                        && (c.cues.person > 0 || c.lead >= DECIDED && c.kind != EntityKind::Other)))
                || wanted()
        })
        .collect();
    drop(seen_inside);
    drop(name_parts);
    let kept: Vec<Candidate> = cands
        .into_iter()
        .zip(keep)
        .filter_map(|(c, k)| k.then_some(c))
        .collect();
    sw.lap("resolve: filter");

    // The key each candidate clusters by: its gazetteer entry's, else its
    // name's without a legal form. Keys become small ids first, so that the
    // maps after hash integers, not strings.
    let name_keys: Vec<Option<String>> = kept
        .par_iter()
        .map(|c| match c.source {
            Source::Gazetteer(_) => None,
            Source::Name => base_key(&c.name),
        })
        .collect();
    let mut key_id: HashMap<&str, u32> = HashMap::default();
    let mut keys: Vec<&str> = Vec::new();
    // Per key id of a name: the gazetteer entry it names, looked up once.
    let mut name_gaz: Vec<Option<Option<usize>>> = Vec::new();
    let mut gaz_ids: Vec<Option<usize>> = Vec::with_capacity(kept.len());
    let mut cand_key: Vec<u32> = Vec::with_capacity(kept.len());
    fn id_of<'k>(
        k: &'k str,
        key_id: &mut HashMap<&'k str, u32>,
        keys: &mut Vec<&'k str>,
        name_gaz: &mut Vec<Option<Option<usize>>>,
    ) -> u32 {
        let n = keys.len() as u32;
        let id = *key_id.entry(k).or_insert(n);
        if id == n {
            keys.push(k);
            name_gaz.push(None);
        }
        id
    }
    for (i, c) in kept.iter().enumerate() {
        let (gid, own) = match c.source {
            Source::Gazetteer(id) => (Some(id), None),
            Source::Name => {
                let own = name_keys[i].as_deref().unwrap_or(c.key.as_str());
                let kid = id_of(own, &mut key_id, &mut keys, &mut name_gaz);
                let gid = *name_gaz[kid as usize].get_or_insert_with(|| {
                    (!split.contains(&c.key) && gaz.lookup_key(&c.key).is_some())
                        .then(|| gaz.lookup(&c.name).map(|(id, _)| id))
                        .flatten()
                });
                (gid, Some(kid))
            }
        };
        gaz_ids.push(gid);
        let k = match (gid, own) {
            (None, Some(kid)) => kid,
            (Some(id), _) => id_of(&gaz.entries[id].key, &mut key_id, &mut keys, &mut name_gaz),
            (None, None) => unreachable!("a gazetteer candidate has an entry"),
        };
        cand_key.push(k);
    }
    // Clusters by (key, sense); a candidate its document left undecided
    // joins the decided cluster of its name with the most mentions.
    let senses: Vec<Option<EntityKind>> = kept
        .iter()
        .enumerate()
        .map(|(i, c)| {
            if gaz_ids[i].is_some() && matches!(c.source, Source::Name) {
                None
            } else {
                sense(c)
            }
        })
        .collect();
    let mut decided = vec![[0u32; 5]; keys.len()];
    for i in 0..kept.len() {
        if let Some(s) = senses[i] {
            decided[cand_key[i] as usize][s as usize] += 1;
        }
    }
    let best_sense = |k: u32| -> Option<EntityKind> {
        let d = &decided[k as usize];
        [
            EntityKind::Person,
            EntityKind::Organization,
            EntityKind::Place,
        ]
        .into_iter()
        .filter(|s| d[*s as usize] > 0)
        .max_by_key(|s| (d[*s as usize], std::cmp::Reverse(*s)))
    };
    let mut cluster_of: HashMap<(u32, Option<EntityKind>), usize> = HashMap::default();
    let mut cluster_keys: Vec<(&str, Option<EntityKind>)> = Vec::new();
    let mut cand_cluster = Vec::with_capacity(kept.len());
    for i in 0..kept.len() {
        let k = cand_key[i];
        // An undecided candidate that leans to a kind joins the decided
        // cluster of that kind, or starts one ("Leeds" the town beside
        // "Leeds" the team); one with no leaning joins the name's main one.
        let s = senses[i].or_else(|| {
            if gaz_ids[i].is_some() {
                return None;
            }
            let c = &kept[i];
            let leaning = c.lead > 0
                && matches!(
                    c.kind,
                    EntityKind::Person | EntityKind::Organization | EntityKind::Place
                );
            match best_sense(k) {
                Some(_) if leaning => Some(c.kind),
                best => best,
            }
        });
        let n = cluster_keys.len();
        let id = *cluster_of.entry((k, s)).or_insert(n);
        if id == n {
            cluster_keys.push((keys[k as usize], s));
        }
        cand_cluster.push(id);
    }
    sw.lap("resolve: clusters");
    let n = cluster_keys.len();
    let mut dsu = Dsu((0..n).collect());
    let mut reason: Vec<Option<AliasKind>> = vec![None; n];
    // Per cluster: the kind, the gazetteer entry, the longest words, documents.
    let mut votes = vec![[0u32; 5]; n];
    let mut gaz_of: Vec<Option<usize>> = vec![None; n];
    let mut words_of: Vec<Vec<&str>> = vec![Vec::new(); n];
    let mut docs_of: Vec<Vec<DocId>> = vec![Vec::new(); n];
    for (i, (c, &cl)) in kept.iter().zip(&cand_cluster).enumerate() {
        votes[cl][c.kind as usize] += if c.lead >= DECIDED { 2 } else { 1 };
        if let Some(id) = gaz_ids[i] {
            gaz_of[cl] = Some(id);
        }
        if c.word_count() > words_of[cl].len() {
            words_of[cl] = c.words();
        }
        if docs_of[cl].last() != Some(&c.doc) {
            docs_of[cl].push(c.doc);
        }
    }
    let kind_of = |cl: usize, votes: &[[u32; 5]]| -> EntityKind {
        if let (Some(id), (_, None)) = (gaz_of[cl], cluster_keys[cl]) {
            return gaz.entries[id].kind;
        }
        if let (_, Some(s)) = cluster_keys[cl] {
            return s;
        }
        let v = &votes[cl];
        let all = [
            EntityKind::Person,
            EntityKind::Organization,
            EntityKind::Place,
            EntityKind::Event,
        ];
        all.into_iter()
            .filter(|k| v[*k as usize] > 0)
            .max_by_key(|k| (v[*k as usize], std::cmp::Reverse(*k)))
            .unwrap_or(EntityKind::Other)
    };
    let kinds: Vec<EntityKind> = (0..n).map(|cl| kind_of(cl, &votes)).collect();
    let is_person = |cl: usize| gaz_of[cl].is_none() && kinds[cl] == EntityKind::Person;
    // Acronyms to their expansions: defined in text, or by initials.
    let mut by_key: HashMap<&str, Vec<usize>> = HashMap::default();
    for (cl, (k, _)) in cluster_keys.iter().enumerate() {
        by_key.entry(k).or_default().push(cl);
    }
    let mut initials: HashMap<String, Vec<usize>> = HashMap::default();
    for (cl, ws) in words_of.iter().enumerate() {
        if ws.len() >= 2 && !matches!(kinds[cl], EntityKind::Person) {
            let ini: String = ws
                .iter()
                .filter(|w| !has(word::CONNECTORS, w) && !has(word::LEGAL_SUFFIXES, w))
                .filter_map(|w| w.chars().next())
                .flat_map(char::to_lowercase)
                .collect();
            initials.entry(ini).or_default().push(cl);
        }
    }
    for cl in 0..n {
        let ws = &words_of[cl];
        let k = cluster_keys[cl].0;
        if split.contains(k)
            || gaz_of[cl].is_some()
            || ws.len() != 1
            || !ws[0]
                .chars()
                .all(|c| c.is_uppercase() || c == '.' || c == '-')
        {
            continue;
        }
        let target = acronyms
            .get(k)
            .and_then(|long| by_key.get(long.as_str()))
            .and_then(|v| v.first().copied())
            .or_else(|| match initials.get(k).map(Vec::as_slice) {
                Some([one]) => Some(*one),
                _ => None,
            });
        if let Some(t) = target.filter(|t| *t != cl)
            && dsu.union(cl, t)
        {
            reason[cl] = Some(AliasKind::Acronym);
        }
    }
    // Surnames and partial names to the one full name that has them; a
    // company's first word to the one company name it opens.
    let mut by_part: HashMap<String, Vec<usize>> = HashMap::default();
    let mut by_first_org: HashMap<String, Vec<usize>> = HashMap::default();
    for (cl, ws) in words_of.iter().enumerate() {
        if ws.len() >= 2 && is_person(cl) {
            let first = key(ws[0]);
            let last = key(ws[ws.len() - 1]);
            if first != last {
                by_part.entry(first).or_default().push(cl);
            }
            by_part.entry(last).or_default().push(cl);
        } else if ws.len() >= 2 && kinds[cl] == EntityKind::Organization && gaz_of[cl].is_none() {
            by_first_org.entry(key(ws[0])).or_default().push(cl);
        }
    }
    for cl in 0..n {
        let ws = &words_of[cl];
        let k = cluster_keys[cl].0;
        if split.contains(k) || gaz_of[cl].is_some() {
            continue;
        }
        let undecided = cluster_keys[cl].1.is_none();
        let targets: Vec<usize> = if ws.len() == 1 {
            match kinds[cl] {
                EntityKind::Person | EntityKind::Other => {
                    by_part.get(k).cloned().unwrap_or_default()
                }
                _ if undecided => by_part.get(k).cloned().unwrap_or_default(),
                EntityKind::Organization => by_first_org.get(k).cloned().unwrap_or_default(),
                _ => Vec::new(),
            }
        } else if ws.len() >= 2 && is_person(cl) {
            // "Mary Evans" → "Mary Ann Evans": same first and
            // last word, fewer words.
            let (f, l) = (key(ws[0]), key(ws[ws.len() - 1]));
            by_part
                .get(&l)
                .map(|v| {
                    v.iter()
                        .copied()
                        .filter(|t| {
                            *t != cl && words_of[*t].len() > ws.len() && key(words_of[*t][0]) == f
                        })
                        .collect()
                })
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        let me = dsu.find(cl);
        let mut distinct: Vec<usize> = targets
            .iter()
            .map(|t| dsu.find(*t))
            .filter(|t| *t != me)
            .collect();
        distinct.sort_unstable();
        distinct.dedup();
        let mut target = None;
        if distinct.len() == 1 {
            target = Some(distinct[0]);
        } else if distinct.len() > 1 {
            // Ambiguous in the corpus: try within each document that mentions
            // it, but only if every document agrees on one.
            let mut chosen = HashSet::default();
            for d in &docs_of[cl] {
                let local: HashSet<usize> = distinct
                    .iter()
                    .copied()
                    .filter(|t| docs_of[*t].contains(d))
                    .collect();
                if local.len() == 1 {
                    chosen.extend(local);
                } else {
                    chosen.insert(usize::MAX);
                }
            }
            if chosen.len() == 1 {
                target = chosen.into_iter().next().filter(|t| *t != usize::MAX);
            }
        }
        if let Some(t) = target
            && dsu.union(cl, t)
        {
            reason[cl] = Some(AliasKind::PartialName);
        }
    }
    // Forced merges from the user file.
    for (name_key, canon_key) in &forced {
        let (Some(a), Some(b)) = (
            by_key.get(name_key.as_str()),
            by_key.get(canon_key.as_str()),
        ) else {
            continue;
        };
        for &x in a {
            if dsu.union(x, b[0]) || x != b[0] {
                reason[x] = Some(AliasKind::User);
            }
        }
    }
    // Hyphenated pairs of two known names ("Smith-Jones") are not entities.
    let pair = |cl: usize| {
        let ws = &words_of[cl];
        ws.len() == 1
            && ws[0].contains('-')
            && ws[0].split('-').all(|p| {
                p.chars().next().is_some_and(char::is_uppercase) && by_part.contains_key(&key(p))
            })
    };

    sw.lap("resolve: merging");
    // Build entities from clusters.
    let mut root_index: HashMap<usize, usize> = HashMap::default();
    let mut entities: Vec<Entity> = Vec::new();
    let mut mentions: Vec<Mention> = Vec::new();
    // Per entity: surface form → (count, caps, order, cluster).
    let mut surfaces: Vec<HashMap<&str, Surface>> = Vec::new();
    let mut ent_votes: Vec<[u32; 5]> = Vec::new();
    let mut ent_kind: Vec<Option<EntityKind>> = Vec::new();
    let mut ent_gaz: Vec<Option<usize>> = Vec::new();
    let mut ent_bits: Vec<u8> = Vec::new();
    let normalized: Vec<Option<String>> = kept
        .par_iter()
        .map(|c| {
            (c.name.contains(['\n', '\t', '\u{a0}']) || c.name.contains("  "))
                .then(|| c.name.split_whitespace().collect::<Vec<_>>().join(" "))
        })
        .collect();
    for (i, (c, &cl)) in kept.iter().zip(&cand_cluster).enumerate() {
        if pair(cl) {
            continue;
        }
        let root = dsu.find(cl);
        let e = *root_index.entry(root).or_insert_with(|| {
            entities.push(Entity {
                id: entities.len(),
                name: String::new(),
                kind: EntityKind::Other,
                aliases: Vec::new(),
                mentions: Vec::new(),
                per_doc: Vec::new(),
                place: None,
                capital_of: None,
            });
            surfaces.push(HashMap::default());
            ent_votes.push([0; 5]);
            ent_kind.push(None);
            ent_gaz.push(None);
            ent_bits.push(0);
            entities.len() - 1
        });
        for (v, x) in ent_votes[e].iter_mut().zip(votes[cl]) {
            // Saturating: a name said tens of thousands of times adds its
            // cluster's votes as often.
            *v = v.saturating_add(x);
        }
        if cl == root || ent_kind[e].is_none() && cluster_keys[cl].1.is_some() {
            ent_kind[e] = Some(kinds[cl]);
        }
        if let Some(id) = gaz_ids[i] {
            ent_gaz[e] = Some(id);
        }
        ent_bits[e] |= c.bits;
        let order = mentions.len();
        let form: &str = normalized[i].as_deref().unwrap_or(&c.name);
        surfaces[e]
            .entry(form)
            .or_insert((0, c.caps, usize::MAX - order, cl))
            .0 += 1;
        mentions.push(Mention {
            doc: c.doc,
            range: c.range.clone(),
            entity: e,
        });
    }
    sw.lap("resolve: mentions");
    let user_canon: HashMap<String, &String> = user.merge.keys().map(|c| (key(c), c)).collect();
    for (e, ent) in entities.iter_mut().enumerate() {
        ent.kind = ent_kind[e].unwrap_or(EntityKind::Other);
        if ent.kind == EntityKind::Other {
            // A lone word that is part of several people's names is a person
            // (unmerged because it is ambiguous).
            if ent_gaz[e].is_none()
                && surfaces[e]
                    .keys()
                    .all(|s| !s.contains(' ') && by_part.get(&key(s)).is_some_and(|v| v.len() > 1))
            {
                ent.kind = EntityKind::Person;
            }
        }
        // The name: the gazetteer's, else a forced canonical, else the
        // longest form (by its letters) not in capitals, then the most
        // frequent, then the first seen.
        let mut forms: Vec<(&str, &Surface)> = surfaces[e].iter().map(|(k, v)| (*k, v)).collect();
        forms.sort_by_cached_key(|f| std::cmp::Reverse((!f.1.1, key(f.0).len(), f.1.0, f.1.2)));
        let mut name = forms.first().map(|f| f.0.to_string()).unwrap_or_default();
        let gaz_entry = ent_gaz[e].filter(|id| gaz.entries[*id].kind == ent.kind);
        if let Some(id) = gaz_entry {
            name = gaz.entries[id].canonical.clone();
        } else if let Some(canon) = surfaces[e]
            .keys()
            .find_map(|s| user_canon.get(&key(s)))
            .or_else(|| forced.get(&key(&name)).and_then(|k| user_canon.get(k)))
        {
            name = (*canon).clone();
        }
        // A name only ever written in capitals ("GLASGOW") reads in title
        // case when the lists know its words; acronyms stay as they are.
        if forms.iter().all(|f| f.1.1)
            && gaz_entry.is_none()
            && name.chars().any(char::is_uppercase)
        {
            let known = name
                .split_whitespace()
                .all(|w| super::names::word_bits(w) != 0 && w.chars().count() > 3);
            if known {
                name = title_case(&name);
            }
        }
        ent.name = crate::text::sanitize::sanitize(&name).into_owned();
        let name_key = key(&ent.name);
        let name_cluster = surfaces[e]
            .iter()
            .find(|(s, _)| key(s) == name_key)
            .map(|(_, v)| v.3);
        let name_base = base_key(&ent.name).unwrap_or_else(|| name_key.clone());
        let mut aliases: Vec<Alias> = forms
            .iter()
            .filter(|f| f.0 != ent.name)
            .map(|f| {
                let s = f.0;
                let k = key(s);
                let kind = if let Some((_, form)) = gaz_entry.and_then(|_| gaz.lookup(s)) {
                    match form {
                        NameForm::Name => AliasKind::Spelling,
                        NameForm::ShortForm if k == name_key => AliasKind::Spelling,
                        NameForm::ShortForm => AliasKind::ShortForm,
                        NameForm::Demonym => AliasKind::Demonym,
                    }
                } else if k == name_key {
                    AliasKind::Spelling
                } else if base_key(s).unwrap_or(k) == name_base {
                    AliasKind::CompanySuffix
                } else {
                    reason[f.1.3]
                        .or_else(|| name_cluster.and_then(|c| reason[c]))
                        .unwrap_or(AliasKind::Spelling)
                };
                Alias {
                    name: crate::text::sanitize::sanitize(s).into_owned(),
                    kind,
                }
            })
            .collect();
        aliases.sort_by(|a, b| a.name.cmp(&b.name));
        aliases.dedup_by(|a, b| a.name == b.name);
        ent.aliases = aliases;
        if ent.kind == EntityKind::Place {
            ent.place = Some(match gaz_entry.and_then(|id| gaz.entries[id].scope) {
                Some(s) => s,
                None if ent_bits[e] & bit::STATE != 0 => PlaceScope::Region,
                None if ent_bits[e] & bit::CITY != 0 => PlaceScope::City,
                None => PlaceScope::Other,
            });
        }
    }
    sw.lap("resolve: names and kinds");
    mentions.sort_by_key(|m| (m.doc, m.range.start));
    for (i, m) in mentions.iter().enumerate() {
        entities[m.entity].mentions.push(i);
    }
    // An entity's mentions are in document order: count runs.
    for ent in entities.iter_mut() {
        let mut per: Vec<(DocId, u32)> = Vec::new();
        for &m in &ent.mentions {
            let doc = mentions[m].doc;
            match per.last_mut() {
                Some((d, n)) if *d == doc => *n += 1,
                _ => per.push((doc, 1)),
            }
        }
        ent.per_doc = per;
    }
    // Stable ids: by mentions (desc), then name, then kind.
    let mut order: Vec<usize> = (0..entities.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&entities[a], &entities[b]);
        y.mentions
            .len()
            .cmp(&x.mentions.len())
            .then_with(|| x.name.cmp(&y.name))
            .then_with(|| x.kind.cmp(&y.kind))
    });
    let mut new_id = vec![0; entities.len()];
    for (new, &old) in order.iter().enumerate() {
        new_id[old] = new;
    }
    // A capital city points at its country's entity.
    let mut by_gaz: HashMap<usize, usize> = HashMap::default();
    for (e, g) in ent_gaz.iter().enumerate() {
        if let Some(id) = g
            && gaz.entries[*id].kind == entities[e].kind
        {
            by_gaz.entry(*id).or_insert(new_id[e]);
        }
    }
    for (e, g) in ent_gaz.iter().enumerate() {
        if let Some(country) = g.and_then(|id| gaz.entries[id].capital_of)
            && entities[e].place == Some(PlaceScope::City)
        {
            entities[e].capital_of = by_gaz.get(&country).copied();
        }
    }
    let mut entities: Vec<Option<Entity>> = entities.into_iter().map(Some).collect();
    let mut sorted: Vec<Entity> = order
        .iter()
        .map(|&o| entities[o].take().expect("each entity once"))
        .collect();
    for (i, e) in sorted.iter_mut().enumerate() {
        e.id = i;
    }
    for m in mentions.iter_mut() {
        m.entity = new_id[m.entity];
    }
    Entities {
        entities: sorted,
        mentions,
    }
}

/// "NEW YORK" → "New York".
fn title_case(name: &str) -> String {
    name.split(' ')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f
                    .to_uppercase()
                    .chain(c.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}
