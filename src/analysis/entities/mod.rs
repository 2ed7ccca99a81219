//! Named entities: candidate spans wherever text has names (running text,
//! headlines, lines in capitals, table rows, datelines), a kind for each from
//! weighted evidence decided once per document (person, organisation, place,
//! event, other), and alias merging across the whole corpus.
//!
//! Modules, in the order the analysis runs: `tokens` (words), `lines` (what
//! kind of line, dateline, sports report), `spans` (candidate spans),
//! `evidence` (cues of each mention), `sense` (one kind per name and
//! document), `resolve` (merging across the corpus); `lexicon` and `names`
//! hold the word lists, `acronyms` finds "Long Name (LN)", `user` reads the
//! user's alias file.
//!
//! Merging rules, in order: the same name up to case, accents, hyphens, dots,
//! spaces and a company's legal form ("Andes Litio SA" = "Andes Litio");
//! gazetteer names, short forms and demonyms to their entry (a city is never
//! merged into its country); acronyms to an expansion defined in the text
//! ("Long Name (LN)") or seen elsewhere with those initials; a bare surname or
//! title + surname to the one full name that has it (in the same document
//! first, else in the corpus) — never when two full names share it. The same
//! name with two kinds in different documents (a town and its team) is two
//! entities. A user alias file wins. Every alias says how it was merged.

mod acronyms;
mod evidence;
mod lexicon;
mod lines;
mod names;
mod resolve;
mod sense;
mod spans;
#[cfg(test)]
mod tests;
mod tokens;
mod user;

pub use crate::analysis::gazetteer::PlaceScope;
pub use lexicon::is_stop;
pub use resolve::resolve;
pub use user::UserAliases;

use crate::analysis::boilerplate::Boilerplate;
use crate::corpus::DocId;
use evidence::Cues;
use serde::Serialize;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Person,
    Organization,
    Place,
    Event,
    Other,
}

impl EntityKind {
    pub fn label(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
            EntityKind::Event => "event",
            EntityKind::Other => "other",
        }
    }
}

#[derive(Debug, Clone)]
enum Source {
    Gazetteer(usize),
    Name,
}

#[derive(Debug, Clone)]
struct Candidate {
    doc: DocId,
    range: Range<usize>,
    name: String,
    key: String,
    /// How many words of the name are names (see `name_words`).
    nwords: u8,
    source: Source,
    /// The mention's own evidence.
    cues: Cues,
    /// At the start of a sentence (may be a common word).
    initial: bool,
    /// Written in capitals (in a line in capitals).
    caps: bool,
    /// What the name lists say of the whole name (`names::bit`).
    bits: u8,
    /// Items of one list ("A, B and C") share a non-zero id.
    list: u32,
    /// Decided on its own evidence, apart from the other mentions of the
    /// name in the document: a dateline's place; a town after "in" or "at"
    /// in a sports report, where the town's other mentions are its team.
    apart: bool,
    /// Words of a headline or a line in capitals that match no name the
    /// document writes in normal case (kept only with a decided kind).
    unmatched: bool,
    /// The kind decided for this name in its document, and its lead over
    /// the runner-up (see `sense`).
    kind: EntityKind,
    lead: u16,
}

/// The words of a name that are names themselves ("Bank of England" →
/// Bank, England; "Pieter de Vries" → Pieter, Vries).
fn name_words(name: &str) -> impl Iterator<Item = &str> {
    name.split_whitespace().filter(|w| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
    })
}

impl Candidate {
    fn words(&self) -> Vec<&str> {
        name_words(&self.name).collect()
    }
    fn word_count(&self) -> usize {
        self.nwords as usize
    }
}

/// How an alias came to be merged into its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AliasKind {
    /// The same name up to case, accents, hyphens, dots and spaces.
    Spelling,
    /// Another name of a gazetteer entry ("U.K.", "Britain").
    ShortForm,
    /// A demonym or adjective of a country ("French").
    Demonym,
    /// The same company with or without its legal form ("Ltd", "SA").
    CompanySuffix,
    /// An acronym defined in the text or spelled by the name's initials.
    Acronym,
    /// A surname, given name or short name of the full name.
    PartialName,
    /// Merged by the user's alias file.
    User,
}

impl AliasKind {
    pub fn label(self) -> &'static str {
        match self {
            AliasKind::Spelling => "spelling",
            AliasKind::ShortForm => "other name",
            AliasKind::Demonym => "demonym",
            AliasKind::CompanySuffix => "company suffix",
            AliasKind::Acronym => "acronym",
            AliasKind::PartialName => "part of name",
            AliasKind::User => "your alias file",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Alias {
    pub name: String,
    pub kind: AliasKind,
}

#[derive(Debug, Clone)]
pub struct Mention {
    pub doc: DocId,
    pub range: Range<usize>,
    pub entity: usize,
}

#[derive(Debug, Clone)]
pub struct Entity {
    pub id: usize,
    pub name: String,
    pub kind: EntityKind,
    pub aliases: Vec<Alias>,
    /// Indices into the mention list, in document order.
    pub mentions: Vec<usize>,
    /// Mentions per document, sorted by document.
    pub per_doc: Vec<(DocId, u32)>,
    /// For a place: a country, a region, a city or another place.
    pub place: Option<PlaceScope>,
    /// For a capital city: the entity of its country, when the corpus names it.
    pub capital_of: Option<usize>,
}

pub struct Entities {
    pub entities: Vec<Entity>,
    /// Sorted by (doc, start).
    pub mentions: Vec<Mention>,
}

impl Entities {
    /// What sort of place an entity is (None for all but places): links use
    /// it to tell a country, which many stories share, from a city.
    pub fn place_scope(&self, entity: usize) -> Option<PlaceScope> {
        self.entities.get(entity).and_then(|e| e.place)
    }
}

/// Per-document input to the entity pass.
pub struct DocInput<'a> {
    pub doc: DocId,
    pub text: &'a str,
    pub sentences: &'a [Range<usize>],
    pub boilerplate: &'a [Boilerplate],
}

/// Candidates of one document (run in parallel per document).
pub struct DocCandidates {
    cands: Vec<Candidate>,
    acronyms: Vec<(String, String)>,
}

pub fn doc_candidates(input: &DocInput) -> DocCandidates {
    let (mut cands, acronyms) =
        spans::candidates(input.doc, input.text, input.sentences, input.boilerplate);
    // Overlaps within the document: the longest candidate wins. Done here,
    // per document and in parallel, so the corpus pass only concatenates.
    cands.sort_unstable_by_key(|c| (c.range.start, std::cmp::Reverse(c.range.end)));
    let mut kept: Vec<Candidate> = Vec::with_capacity(cands.len());
    for c in cands {
        if kept
            .last()
            .is_some_and(|last: &Candidate| c.range.start < last.range.end)
        {
            continue;
        }
        kept.push(c);
    }
    sense::decide(&mut kept);
    DocCandidates {
        cands: kept,
        acronyms,
    }
}
