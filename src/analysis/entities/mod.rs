//! Named entities: candidates from capitalised spans, title patterns,
//! acronyms and the gazetteer; a kind for each (person, organisation, place,
//! event, other); and alias merging across the whole corpus.
//!
//! Merging rules, in order: the same name up to case, hyphens, dots and
//! spaces; gazetteer names, short forms, demonyms and capitals to their
//! entry; acronyms to an expansion defined in the text ("Long Name (LN)") or
//! seen elsewhere with those initials; a bare surname or title + surname to
//! the one full name that has it (in the same document first, else in the
//! corpus) — never when two full names share it. A user alias file wins.

mod evidence;
mod lexicon;
mod resolve;
mod spans;
#[cfg(test)]
mod tests;
mod tokens;
mod user;

pub use lexicon::is_stop;
pub use resolve::resolve;
pub use user::UserAliases;

use crate::analysis::boilerplate::Boilerplate;
use crate::analysis::gazetteer::AliasKind;
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
    words: Vec<String>,
    source: Source,
    cues: Cues,
    /// Only ever seen at the start of a sentence (may be a common word).
    initial: bool,
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
}

pub struct Entities {
    pub entities: Vec<Entity>,
    /// Sorted by (doc, start).
    pub mentions: Vec<Mention>,
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
    DocCandidates {
        cands: kept,
        acronyms,
    }
}
