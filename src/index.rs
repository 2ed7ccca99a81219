//! The corpus index: everything the analysis found, built once from the
//! loaded documents and read-only afterwards. The UI reads it; nothing
//! re-analyses.

use crate::analysis::claims::{self, Claim};
use crate::analysis::duplicates::{self, Duplicate};
use crate::analysis::entities::{Entity, Mention, UserAliases};
use crate::analysis::links::explain::{self, Basis};
use crate::analysis::links::statements::{self, Statement};
use crate::analysis::links::{self, Link, LinkInput};
use crate::analysis::{self, DocAnalysis, Event};
use crate::corpus::Document;
use rayon::prelude::*;

pub struct Index {
    pub docs: Vec<DocAnalysis>,
    pub entities: Vec<Entity>,
    /// All mentions, sorted by (doc, start).
    pub mentions: Vec<Mention>,
    /// All events, sorted by (doc, start).
    pub events: Vec<Event>,
    /// Event indices sorted by date (then document and position); events
    /// whose date is unknown come last.
    pub timeline: Vec<usize>,
    /// Runs of `timeline` that share a date (one slot on the strip each;
    /// the events of unknown date share the last one).
    pub timeline_slots: Vec<std::ops::Range<usize>>,
    /// All claims, sorted by (doc, start); a claim's id is its index.
    pub claims: Vec<Claim>,
    /// Links of each claim: independent sources first, strongest first.
    pub links: Vec<Vec<Link>>,
    pub duplicates: Vec<Duplicate>,
    /// Per document, the id of its group of duplicates (its own id when it
    /// has none), so copies are not counted as independent sources.
    pub cluster: Vec<usize>,
    /// Story of each document (the smallest document id in it): claims
    /// link only within a story.
    pub story: Vec<usize>,
    /// Claims that corroborate or quote each other, across sources.
    pub statements: Vec<Statement>,
    /// The statement of each claim.
    pub statement_of: Vec<usize>,
    /// Per claim, the independent sources of its statement (copies of one
    /// article count once): the same for every claim of one statement.
    pub sources: Vec<usize>,
}

impl Index {
    pub fn build(docs: &[Document], user: &UserAliases) -> Index {
        let base = analysis::analyse_base(docs, user);
        let mut sw = analysis::Stopwatch::new();
        let mut timeline: Vec<usize> = (0..base.events.len()).collect();
        timeline.sort_by_key(|&i| {
            let e = &base.events[i];
            // Events of unknown date go last, in one slot of their own.
            (e.axis_day().is_none(), e.axis_day(), e.doc, e.range.start)
        });
        let mut timeline_slots: Vec<std::ops::Range<usize>> = Vec::new();
        for (pos, &e) in timeline.iter().enumerate() {
            let key = |i: usize| (base.events[i].date, base.events[i].qualifier);
            match timeline_slots.last_mut() {
                Some(r) if key(timeline[r.start]) == key(e) => r.end = pos + 1,
                _ => timeline_slots.push(pos..pos + 1),
            }
        }
        let entities = base.entities.entities;
        let mentions = base.entities.mentions;
        let events = base.events;
        let kinds: Vec<_> = entities.iter().map(|e| e.kind).collect();
        let kind_of = |e: usize| kinds[e];
        // Claims, per document in parallel.
        let mut claims: Vec<Claim> = docs
            .par_iter()
            .zip(base.docs.par_iter())
            .flat_map_iter(|(d, a)| {
                let m = slice_by_doc(&mentions, d.id, |m| m.doc);
                let e0 = events.partition_point(|e| e.doc < d.id);
                let ev = slice_by_doc(&events, d.id, |e| e.doc);
                claims::extract(&claims::DocClaims {
                    doc: d.id,
                    text: &d.text,
                    title: &d.title,
                    analysis: a,
                    mentions: m,
                    events: ev,
                    event_base: e0,
                    entity_kind: &kind_of,
                })
            })
            .collect();
        for (i, c) in claims.iter_mut().enumerate() {
            c.id = i;
        }
        sw.lap("claims");
        // Duplicates, and groups of them.
        let sets: Vec<Vec<u64>> = docs
            .par_iter()
            .zip(base.docs.par_iter())
            .map(|(d, a)| duplicates::shingles(&d.text, &a.boilerplate))
            .collect();
        let dups = duplicates::find(&sets);
        drop(sets);
        let mut cluster: Vec<usize> = (0..docs.len()).collect();
        fn root(c: &mut [usize], mut x: usize) -> usize {
            while c[x] != x {
                c[x] = c[c[x]];
                x = c[x];
            }
            x
        }
        for d in &dups {
            let (ra, rb) = (root(&mut cluster, d.a), root(&mut cluster, d.b));
            if ra != rb {
                cluster[ra.max(rb)] = ra.min(rb);
            }
        }
        for i in 0..cluster.len() {
            cluster[i] = root(&mut cluster, i);
        }
        sw.lap("duplicates");
        let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
        let titles: Vec<&str> = docs.iter().map(|d| d.title.as_str()).collect();
        let linked = links::link(&LinkInput {
            claims: &claims,
            texts: &texts,
            titles: &titles,
            docs: &base.docs,
            entities: &entities,
            mentions: &mentions,
            events: &events,
            cluster: &cluster,
        });
        let links = linked.links;
        sw.lap("links");
        let (statements, statement_of) = statements::statements(&claims, &links, &cluster);
        let sources = statement_of
            .iter()
            .map(|&s| statements[s].sources)
            .collect();
        Index {
            docs: base.docs,
            entities,
            mentions,
            events,
            timeline,
            timeline_slots,
            claims,
            links,
            duplicates: dups,
            cluster,
            story: linked.story,
            statements,
            statement_of,
            sources,
        }
    }

    /// The mentions in document `doc`, sorted by position.
    pub fn doc_mentions(&self, doc: usize) -> &[Mention] {
        slice_by_doc(&self.mentions, doc, |m| m.doc)
    }

    /// The events in document `doc`, sorted by position.
    pub fn doc_events(&self, doc: usize) -> &[Event] {
        slice_by_doc(&self.events, doc, |e| e.doc)
    }

    /// Independent sources of the statement claim `c` belongs to.
    pub fn statement_sources(&self, c: usize) -> usize {
        self.statements[self.statement_of[c]].sources
    }

    /// What the link from claim `a` to claim `b` rests on.
    pub fn explain(&self, docs: &[Document], a: usize, b: usize) -> Basis {
        let cx = explain::Corpus {
            claims: &self.claims,
            docs: &self.docs,
            entities: &self.entities,
            events: &self.events,
        };
        let (da, db) = (self.claims[a].doc, self.claims[b].doc);
        explain::explain(&cx, a, b, &docs[da].text, &docs[db].text)
    }

    /// The claims in document `doc`, sorted by position.
    pub fn doc_claims(&self, doc: usize) -> &[Claim] {
        slice_by_doc(&self.claims, doc, |c| c.doc)
    }
}

/// The run of `items` (sorted by document) that belongs to `doc`.
fn slice_by_doc<T>(items: &[T], doc: usize, of: impl Fn(&T) -> usize) -> &[T] {
    let a = items.partition_point(|x| of(x) < doc);
    let b = items.partition_point(|x| of(x) <= doc);
    &items[a..b]
}
