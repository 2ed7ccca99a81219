//! Alias resolution across the corpus: candidates grouped by key, gazetteer
//! entries, acronyms, surnames and the user's file, then entities built from
//! the groups with a kind and a name each.

use super::evidence::Cues;
use super::lexicon::{has, word};
use super::{
    Alias, Candidate, DocCandidates, Entities, Entity, EntityKind, Mention, Source, UserAliases,
};
use crate::analysis::gazetteer::{self, AliasKind, key};
use crate::corpus::DocId;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::collections::BTreeMap;

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
    fn union(&mut self, a: usize, into: usize) {
        let (a, b) = (self.find(a), self.find(into));
        if a != b {
            self.0[a] = b;
        }
    }
}

/// Merge the candidates of all documents into entities.
pub fn resolve(per_doc: Vec<DocCandidates>, user: &UserAliases) -> Entities {
    let mut sw = crate::analysis::Stopwatch::new();
    let gaz = gazetteer::get();
    let mut cands: Vec<Candidate> = Vec::new();
    let mut acronyms: HashMap<String, String> = HashMap::default();
    for d in per_doc {
        cands.extend(d.cands);
        for (long, short) in d.acronyms {
            acronyms.entry(key(&short)).or_insert_with(|| key(&long));
        }
    }
    // Each document's candidates come sorted and without overlaps; documents
    // come in order (see `doc_candidates`).
    let kept = cands;
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
    let seen_inside: HashSet<&str> = kept
        .iter()
        .filter(|c| !c.initial)
        .map(|c| c.key.as_str())
        .collect();
    let name_parts: HashSet<String> = kept
        .iter()
        .filter(|c| c.words.len() >= 2 && c.cues.person > 0)
        .flat_map(|c| [key(&c.words[0]), key(&c.words[c.words.len() - 1])])
        .collect();
    let keep: Vec<bool> = kept
        .iter()
        .map(|c| {
            !c.initial
                || c.words.len() > 1
                || seen_inside.contains(c.key.as_str())
                || c.cues.person > 0
                || name_parts.contains(&c.key)
                || forced.contains_key(&c.key)
                || split.contains(&c.key)
        })
        .collect();
    drop(seen_inside);
    drop(name_parts);
    let kept: Vec<Candidate> = kept
        .into_iter()
        .zip(keep)
        .filter_map(|(c, k)| k.then_some(c))
        .collect();

    // Clusters by key; gazetteer entries by their canonical key.
    let mut cluster_of: HashMap<String, usize> = HashMap::default();
    let mut cluster_keys: Vec<String> = Vec::new();
    let mut cand_cluster = Vec::with_capacity(kept.len());
    sw.lap("resolve: filter");
    // Names that are gazetteer entries join their entry's cluster; a key
    // seen before is looked up without allocating.
    let mut gaz_key_of: HashMap<usize, String> = HashMap::default();
    for c in &kept {
        let mut k: &str = &c.key;
        if let Source::Name = c.source
            && !split.contains(k)
            && gaz.lookup_key(k).is_some()
            && let Some((id, _)) = gaz.lookup(&c.name)
        {
            k = gaz_key_of
                .entry(id)
                .or_insert_with(|| key(&gaz.entries[id].canonical));
        }
        let id = match cluster_of.get(k) {
            Some(&id) => id,
            None => {
                cluster_keys.push(k.to_string());
                cluster_of.insert(k.to_string(), cluster_keys.len() - 1);
                cluster_keys.len() - 1
            }
        };
        cand_cluster.push(id);
    }
    sw.lap("resolve: clusters");
    let n = cluster_keys.len();
    let mut dsu = Dsu((0..n).collect());
    // Kind evidence per cluster.
    let mut cues = vec![Cues::default(); n];
    let mut gaz_of: Vec<Option<usize>> = vec![None; n];
    let mut words_of: Vec<Vec<String>> = vec![Vec::new(); n];
    let mut docs_of: Vec<HashSet<DocId>> = vec![HashSet::default(); n];
    for (c, &cl) in kept.iter().zip(&cand_cluster) {
        cues[cl].add(&c.cues);
        if let Source::Gazetteer(id) = c.source {
            gaz_of[cl] = Some(id);
        }
        if c.words.len() > words_of[cl].len() {
            words_of[cl] = c.words.clone();
        }
        docs_of[cl].insert(c.doc);
    }
    let is_person = |cl: usize, cues: &[Cues], gaz_of: &[Option<usize>]| {
        let q = cues[cl];
        gaz_of[cl].is_none()
            && q.person > 0
            && q.person >= q.org.max(q.place).max(q.event).max(q.other)
    };
    // Acronyms to their expansions: defined in text, or by initials.
    let mut initials: HashMap<String, Vec<usize>> = HashMap::default();
    for (cl, ws) in words_of.iter().enumerate() {
        if ws.len() >= 2 {
            let ini: String = ws
                .iter()
                .filter(|w| !has(word::CONNECTORS, w))
                .filter_map(|w| w.chars().next())
                .flat_map(char::to_lowercase)
                .collect();
            initials.entry(ini).or_default().push(cl);
        }
    }
    for cl in 0..n {
        let ws = &words_of[cl];
        let k = &cluster_keys[cl];
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
            .and_then(|long| cluster_of.get(long).copied())
            .or_else(|| match initials.get(k).map(Vec::as_slice) {
                Some([one]) => Some(*one),
                _ => None,
            });
        if let Some(t) = target.filter(|t| *t != cl) {
            dsu.union(cl, t);
        }
    }
    // Surnames and partial names to the one full name that has them.
    let mut by_part: HashMap<String, Vec<usize>> = HashMap::default();
    for (cl, ws) in words_of.iter().enumerate() {
        if ws.len() >= 2 && is_person(cl, &cues, &gaz_of) {
            let first = key(&ws[0]);
            let last = key(&ws[ws.len() - 1]);
            by_part.entry(last).or_default().push(cl);
            if first != key(&ws[ws.len() - 1]) {
                by_part.entry(first).or_default().push(cl);
            }
        }
    }
    for cl in 0..n {
        let ws = words_of[cl].clone();
        let k = cluster_keys[cl].clone();
        if split.contains(&k) || gaz_of[cl].is_some() {
            continue;
        }
        let targets: Vec<usize> = if ws.len() == 1 {
            by_part.get(&k).cloned().unwrap_or_default()
        } else if ws.len() >= 2 && is_person(cl, &cues, &gaz_of) {
            // "Mary Evans" → "Mary Ann Evans": same first and
            // last word, fewer words.
            let (f, l) = (key(&ws[0]), key(&ws[ws.len() - 1]));
            by_part
                .get(&l)
                .map(|v| {
                    v.iter()
                        .copied()
                        .filter(|t| {
                            *t != cl && words_of[*t].len() > ws.len() && key(&words_of[*t][0]) == f
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
        if distinct.len() == 1 {
            dsu.union(cl, distinct[0]);
            continue;
        }
        // Ambiguous in the corpus: try within each document that mentions it,
        // but only if every document agrees on one person.
        if distinct.len() > 1 {
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
            if chosen.len() == 1
                && let Some(t) = chosen.into_iter().next().filter(|t| *t != usize::MAX)
            {
                dsu.union(cl, t);
            }
        }
    }
    // Forced merges from the user file.
    for (name_key, canon_key) in &forced {
        if let (Some(&a), Some(&b)) = (cluster_of.get(name_key), cluster_of.get(canon_key)) {
            dsu.union(a, b);
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
    let mut surfaces: Vec<HashMap<String, (u32, usize)>> = Vec::new();
    let mut ent_cues: Vec<Cues> = Vec::new();
    let mut ent_gaz: Vec<Option<usize>> = Vec::new();
    for (c, &cl) in kept.iter().zip(&cand_cluster) {
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
            });
            surfaces.push(HashMap::default());
            ent_cues.push(Cues::default());
            ent_gaz.push(None);
            entities.len() - 1
        });
        ent_cues[e].add(&c.cues);
        if let Source::Gazetteer(id) = c.source {
            ent_gaz[e] = Some(id);
        }
        let order = mentions.len();
        if c.name.contains(['\n', '\t', '\u{a0}']) || c.name.contains("  ") {
            let form = c.name.split_whitespace().collect::<Vec<_>>().join(" ");
            surfaces[e].entry(form).or_insert((0, usize::MAX - order)).0 += 1;
        } else if let Some(s) = surfaces[e].get_mut(c.name.as_str()) {
            s.0 += 1;
        } else {
            surfaces[e].insert(c.name.clone(), (1, usize::MAX - order));
        }
        mentions.push(Mention {
            doc: c.doc,
            range: c.range.clone(),
            entity: e,
        });
    }
    sw.lap("resolve: mentions");
    for (e, ent) in entities.iter_mut().enumerate() {
        let mut q = ent_cues[e];
        // A lone word that is part of several people's names is a person
        // (unmerged because it is ambiguous).
        if ent_gaz[e].is_none()
            && surfaces[e]
                .keys()
                .all(|s| !s.contains(' ') && by_part.get(&key(s)).is_some_and(|v| v.len() > 1))
        {
            q.person += 2;
        }
        ent.kind = if let Some(id) = ent_gaz[e] {
            gaz.entries[id].kind
        } else {
            let best = [
                (q.person, EntityKind::Person),
                (q.org, EntityKind::Organization),
                (q.place, EntityKind::Place),
                (q.event, EntityKind::Event),
                (q.other, EntityKind::Other),
            ];
            best.iter()
                .filter(|(v, _)| *v > 0)
                .max_by_key(|(v, k)| (*v, std::cmp::Reverse(*k)))
                .map_or(EntityKind::Other, |(_, k)| *k)
        };
        // The name: the gazetteer's, else a forced canonical, else the
        // most frequent of the longest forms.
        // Longest name (by its letters), then most frequent, then first seen.
        let mut forms: Vec<(&String, &(u32, usize))> = surfaces[e].iter().collect();
        forms.sort_by_key(|f| std::cmp::Reverse((key(f.0).len(), f.1.0, f.1.1)));
        let mut name = forms.first().map(|f| f.0.clone()).unwrap_or_default();
        if let Some(id) = ent_gaz[e] {
            name = gaz.entries[id].canonical.clone();
        } else if let Some(canon) = user.merge.keys().find(|c| {
            surfaces[e].keys().any(|s| key(s) == key(c)) || forced.get(&key(&name)) == Some(&key(c))
        }) {
            name = canon.clone();
        }
        ent.name = crate::text::sanitize::sanitize(&name).into_owned();
        let mut aliases: Vec<Alias> = forms
            .iter()
            .map(|f| f.0.clone())
            .filter(|s| key(s) != key(&ent.name) || s != &ent.name)
            .filter(|s| s != &ent.name)
            .map(|s| {
                let kind = gaz.lookup(&s).map_or(AliasKind::Name, |(_, k)| k);
                Alias {
                    name: crate::text::sanitize::sanitize(&s).into_owned(),
                    kind,
                }
            })
            .collect();
        aliases.sort_by(|a, b| a.name.cmp(&b.name));
        aliases.dedup_by(|a, b| a.name == b.name);
        ent.aliases = aliases;
    }
    sw.lap("resolve: names and kinds");
    // Drop lone capitalised words with no evidence at all that were only ever
    // seen once (mostly noise), and order entities by mentions.
    mentions.sort_by_key(|m| (m.doc, m.range.start));
    for (i, m) in mentions.iter().enumerate() {
        entities[m.entity].mentions.push(i);
    }
    for ent in entities.iter_mut() {
        let mut per: BTreeMap<DocId, u32> = BTreeMap::new();
        for &m in &ent.mentions {
            *per.entry(mentions[m].doc).or_default() += 1;
        }
        ent.per_doc = per.into_iter().collect();
    }
    // Stable ids: by kind, then mentions (desc), then name.
    let mut order: Vec<usize> = (0..entities.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&entities[a], &entities[b]);
        y.mentions
            .len()
            .cmp(&x.mentions.len())
            .then_with(|| x.name.cmp(&y.name))
    });
    let mut new_id = vec![0; entities.len()];
    for (new, &old) in order.iter().enumerate() {
        new_id[old] = new;
    }
    let mut sorted: Vec<Entity> = order.iter().map(|&o| entities[o].clone()).collect();
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
