//! The analysis: plain functions from documents to plain data. Knows nothing
//! of the terminal or the app.

pub mod boilerplate;
pub mod dates;

/// Compile a pattern with ASCII word boundaries: Unicode `\b` forces the
/// regex crate off its fast DFA onto a backtracker (10× slower here), and the
/// words these patterns look for are ASCII.
pub(crate) fn regex(pattern: &str) -> regex::Regex {
    regex::Regex::new(&pattern.replace(r"\b", r"(?-u:\b)")).expect("built-in pattern compiles")
}
pub mod entities;
pub mod gazetteer;
pub mod metadata;

use crate::corpus::Document;
use boilerplate::Boilerplate;
use chrono::NaiveDate;
use dates::{DateMention, PartialDate, Precision, Qualifier};
use entities::{DocInput, UserAliases};
use metadata::{DateBasis, Metadata};
use rayon::prelude::*;
use std::ops::Range;

pub use dates::ReferenceBasis;

#[derive(Debug, Clone)]
pub struct DocAnalysis {
    pub sentences: Vec<Range<usize>>,
    pub boilerplate: Vec<Boilerplate>,
    pub meta: Metadata,
    pub reference: Option<(NaiveDate, ReferenceBasis)>,
}

impl DocAnalysis {
    /// Index of the sentence containing byte `pos`.
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= pos);
        (i < self.sentences.len() && self.sentences[i].start <= pos).then_some(i)
    }
}

/// An event: a date expression in a sentence of a document.
#[derive(Debug, Clone)]
pub struct Event {
    pub doc: usize,
    pub range: Range<usize>,
    pub sentence: usize,
    /// `None` when the expression is relative and the document gives
    /// nothing to resolve it against ("Friday" in an undated article): the
    /// date is unknown, never borrowed from another document.
    pub date: Option<PartialDate>,
    pub end: Option<PartialDate>,
    pub qualifier: Option<Qualifier>,
    pub relative: bool,
}

impl Event {
    pub fn precision(&self) -> Option<Precision> {
        self.date.map(|d| d.precision())
    }
    /// The date as shown: `2019-01-18`, `2019-01-18 – 2019-01-20` (with
    /// `sep` between the ends), or `date unknown`.
    pub fn label(&self, sep: &str) -> String {
        match (self.date, self.end) {
            (None, _) => "date unknown".to_string(),
            (Some(d), None) => d.iso(),
            (Some(d), Some(e)) => format!("{}{sep}{}", d.iso(), e.iso()),
        }
    }
    /// Where the event sits on a time axis; `None` when its date is unknown.
    pub fn axis_day(&self) -> Option<i64> {
        self.date.map(|d| d.axis_day(self.qualifier))
    }
}

/// The first half of the analysis, per document and across the corpus.
pub struct Base {
    pub docs: Vec<DocAnalysis>,
    pub entities: entities::Entities,
    /// Sorted by (doc, start).
    pub events: Vec<Event>,
}

/// Prints the time of each stage to stderr when `CROSSREAD_TIMING` is set.
pub(crate) struct Stopwatch(Option<std::time::Instant>);
impl Stopwatch {
    pub(crate) fn new() -> Self {
        Stopwatch(std::env::var_os("CROSSREAD_TIMING").map(|_| std::time::Instant::now()))
    }
    pub(crate) fn lap(&mut self, what: &str) {
        if let Some(t) = self.0 {
            eprintln!("  {what}: {:.1} ms", t.elapsed().as_secs_f64() * 1000.0);
            self.0 = Some(std::time::Instant::now());
        }
    }
}

pub fn analyse_base(docs: &[Document], user: &UserAliases) -> Base {
    let mut sw = Stopwatch::new();
    // Per document, in parallel: dates are found once and resolved against
    // the document's own date (or what the document itself states).
    let per: Vec<(DocAnalysis, Vec<Event>, entities::DocCandidates)> = docs
        .par_iter()
        .map(|d| {
            let sentences = crate::text::sentences::split(&d.text);
            let boilerplate = boilerplate::find(&d.text, &sentences);
            let mut found = dates::scan(&d.text);
            let meta = metadata::extract(d, &found);
            found.retain(|f| !boilerplate::covers(&boilerplate, &f.range));
            let resolution = dates::resolve(&d.text, &found, meta.date.map(|x| x.0));
            let cands = entities::doc_candidates(&DocInput {
                doc: d.id,
                text: &d.text,
                sentences: &sentences,
                boilerplate: &boilerplate,
            });
            let a = DocAnalysis {
                sentences,
                boilerplate,
                meta,
                reference: resolution.reference.map(|r| (r.date, r.basis)),
            };
            let events = events_of(d, &a, resolution.mentions);
            (a, events, cands)
        })
        .collect();
    sw.lap("per-document pass");
    let mut analyses = Vec::with_capacity(per.len());
    let mut candidates = Vec::with_capacity(per.len());
    let mut events = Vec::new();
    for (a, ev, c) in per {
        analyses.push(a);
        candidates.push(c);
        events.extend(ev);
    }
    metadata::outlets_from_folders(docs, analyses.iter_mut().map(|a| &mut a.meta));
    sw.lap("events");
    let entities = entities::resolve(candidates, user);
    sw.lap("entity resolution");
    Base {
        docs: analyses,
        entities,
        events,
    }
}

/// The events of one document: its date mentions outside the dateline and
/// outside lines that hold nothing but a date.
fn events_of(d: &Document, a: &DocAnalysis, mentions: Vec<DateMention>) -> Vec<Event> {
    mentions
        .into_iter()
        .filter_map(|m| {
            let sentence = a.sentence_at(m.range.start)?;
            if a.meta
                .dateline
                .as_ref()
                .is_some_and(|l| l.start <= m.range.start && m.range.end <= l.end)
            {
                return None;
            }
            if d.text[a.sentences[sentence].clone()].trim_end_matches(['.', ':'])
                == &d.text[m.range.clone()]
            {
                return None;
            }
            Some(Event {
                doc: d.id,
                range: m.range,
                sentence,
                date: m.date,
                end: m.end,
                qualifier: m.qualifier,
                relative: m.relative,
            })
        })
        .collect()
}

/// Publication date basis as a word for the export.
pub fn date_basis_name(b: DateBasis) -> &'static str {
    match b {
        DateBasis::FrontMatter => "front_matter",
        DateBasis::Dateline => "dateline",
        DateBasis::FileName => "file_name",
    }
}
pub mod claims;
pub mod duplicates;
pub mod links;
