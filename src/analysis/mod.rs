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
use serde::Serialize;
use std::ops::Range;

/// What the reference date for resolving relative dates was taken from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReferenceBasis {
    /// The publication date (front matter or dateline).
    Published,
    /// The latest full date the document itself states.
    LatestInText,
    /// The latest publication date in the corpus.
    Corpus,
    /// The end of the latest month or year the document states.
    LatestPartial,
}

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

/// A dated event: a date expression in a sentence of a document.
#[derive(Debug, Clone)]
pub struct Event {
    pub doc: usize,
    pub range: Range<usize>,
    pub sentence: usize,
    pub date: PartialDate,
    pub end: Option<PartialDate>,
    pub qualifier: Option<Qualifier>,
    pub relative: bool,
}

impl Event {
    pub fn precision(&self) -> Precision {
        self.date.precision()
    }
    pub fn axis_day(&self) -> i64 {
        self.date.axis_day(self.qualifier)
    }
}

/// The first half of the analysis, per document and across the corpus.
pub struct Base {
    pub docs: Vec<DocAnalysis>,
    pub entities: entities::Entities,
    /// Sorted by (doc, start).
    pub events: Vec<Event>,
}

/// Dates stated with a year, used to bound the reference date.
fn explicit_dates(text: &str, boiler: &[Boilerplate]) -> Vec<DateMention> {
    dates::find(text, None)
        .into_iter()
        .filter(|m| !m.relative && !boilerplate::covers(boiler, &m.range))
        .collect()
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
    // Per document, in parallel.
    let per: Vec<(DocAnalysis, Vec<DateMention>, entities::DocCandidates)> = docs
        .par_iter()
        .map(|d| {
            let sentences = crate::text::sentences::split(&d.text);
            let boilerplate = boilerplate::find(&d.text, &sentences);
            let meta = metadata::extract(d);
            let explicit = explicit_dates(&d.text, &boilerplate);
            let cands = entities::doc_candidates(&DocInput {
                doc: d.id,
                text: &d.text,
                sentences: &sentences,
                boilerplate: &boilerplate,
            });
            (
                DocAnalysis {
                    sentences,
                    boilerplate,
                    meta,
                    reference: None,
                },
                explicit,
                cands,
            )
        })
        .collect();
    sw.lap("per-document pass");
    let corpus_latest = per
        .iter()
        .filter_map(|(a, _, _)| a.meta.date.map(|d| d.0))
        .max();
    let mut analyses = Vec::with_capacity(per.len());
    let mut candidates = Vec::with_capacity(per.len());
    let mut explicit_all = Vec::with_capacity(per.len());
    for (mut a, explicit, c) in per {
        a.reference = reference_date(&a.meta, &explicit, corpus_latest);
        analyses.push(a);
        candidates.push(c);
        explicit_all.push(explicit);
    }
    let events: Vec<Vec<Event>> = docs
        .par_iter()
        .zip(analyses.par_iter())
        .map(|(d, a)| {
            dates::find(&d.text, a.reference.map(|r| r.0))
                .into_iter()
                .filter(|m| !boilerplate::covers(&a.boilerplate, &m.range))
                .filter_map(|m| {
                    let sentence = a.sentence_at(m.range.start)?;
                    // The dateline, or a line that is only a date, is not an event.
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
        })
        .collect();
    sw.lap("events");
    let entities = entities::resolve(candidates, user);
    sw.lap("entity resolution");
    Base {
        docs: analyses,
        entities,
        events: events.into_iter().flatten().collect(),
    }
}

/// The date relative expressions in a document are resolved against: its
/// publication date; else the latest full date it states; else the corpus's
/// latest publication date, unless the document states a later month or
/// year (then the end of that).
fn reference_date(
    meta: &Metadata,
    explicit: &[DateMention],
    corpus_latest: Option<NaiveDate>,
) -> Option<(NaiveDate, ReferenceBasis)> {
    if let Some((d, _)) = meta.date {
        return Some((d, ReferenceBasis::Published));
    }
    if let Some(d) = explicit
        .iter()
        .filter(|m| m.date.precision() == Precision::Day)
        .filter_map(|m| m.end.unwrap_or(m.date).first_day())
        .max()
    {
        return Some((d, ReferenceBasis::LatestInText));
    }
    let latest_partial = explicit
        .iter()
        .filter_map(|m| {
            let p = m.end.unwrap_or(m.date);

            match p.precision() {
                Precision::Year => NaiveDate::from_ymd_opt(p.year, 12, 31),
                _ => p
                    .first_day()
                    .and_then(|d| d.checked_add_months(chrono::Months::new(1)))
                    .and_then(|d| d.pred_opt()),
            }
        })
        .max();
    match (corpus_latest, latest_partial) {
        (Some(c), Some(p)) if p > c => Some((p, ReferenceBasis::LatestPartial)),
        (Some(c), _) => Some((c, ReferenceBasis::Corpus)),
        (None, Some(p)) => Some((p, ReferenceBasis::LatestPartial)),
        (None, None) => None,
    }
}

/// Publication date basis as a word for the export.
pub fn date_basis_name(b: DateBasis) -> &'static str {
    match b {
        DateBasis::FrontMatter => "front_matter",
        DateBasis::Dateline => "dateline",
    }
}
pub mod claims;
pub mod duplicates;
pub mod links;
