//! The corpus index: everything the analysis found, built once from the
//! loaded documents and read-only afterwards. The UI reads it; nothing
//! re-analyses.

use crate::analysis::entities::{Entity, Mention, UserAliases};
use crate::analysis::{self, DocAnalysis, Event};
use crate::corpus::Document;

pub struct Index {
    pub docs: Vec<DocAnalysis>,
    pub entities: Vec<Entity>,
    /// All mentions, sorted by (doc, start).
    pub mentions: Vec<Mention>,
    /// All events, sorted by (doc, start).
    pub events: Vec<Event>,
    /// Event indices sorted by date (then document and position).
    pub timeline: Vec<usize>,
}

impl Index {
    pub fn build(docs: &[Document], user: &UserAliases) -> Index {
        let base = analysis::analyse_base(docs, user);
        let mut timeline: Vec<usize> = (0..base.events.len()).collect();
        timeline.sort_by_key(|&i| {
            let e = &base.events[i];
            (e.axis_day(), e.doc, e.range.start)
        });
        Index {
            docs: base.docs,
            entities: base.entities.entities,
            mentions: base.entities.mentions,
            events: base.events,
            timeline,
        }
    }

    /// The mentions in document `doc`, sorted by position.
    pub fn doc_mentions(&self, doc: usize) -> &[Mention] {
        let a = self.mentions.partition_point(|m| m.doc < doc);
        let b = self.mentions.partition_point(|m| m.doc <= doc);
        &self.mentions[a..b]
    }

    /// The events in document `doc`, sorted by position.
    pub fn doc_events(&self, doc: usize) -> &[Event] {
        let a = self.events.partition_point(|e| e.doc < doc);
        let b = self.events.partition_point(|e| e.doc <= doc);
        &self.events[a..b]
    }
}
