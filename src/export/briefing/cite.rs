//! How a briefing names a document: by outlet, title and date.

use super::md;
use crate::corpus::Document;
use crate::index::Index;

/// The outlet of a document (its source), else its author, as plain text.
pub fn outlet(index: &Index, doc: usize) -> Option<String> {
    let meta = &index.docs[doc].meta;
    meta.source
        .clone()
        .or_else(|| meta.author.as_ref().map(|a| format!("by {a}")))
}

/// Publication date (ISO), or `undated`.
pub fn date(index: &Index, doc: usize) -> String {
    index.docs[doc]
        .meta
        .date
        .map_or_else(|| "undated".to_string(), |d| d.0.to_string())
}

/// `*Outlet* — “Title”, 2019-01-25` (escaped Markdown).
pub fn cite(docs: &[Document], index: &Index, doc: usize) -> String {
    let who = match &index.docs[doc].meta.source {
        Some(s) => format!("*{}*", md::text(s)),
        None => match &index.docs[doc].meta.author {
            Some(a) => format!("by {}", md::text(a)),
            None => "outlet not stated".to_string(),
        },
    };
    format!(
        "{who} — “{}”, {}",
        md::short(&docs[doc].title, 90),
        date(index, doc)
    )
}

/// A short name for lists: the outlet, else the title.
pub fn short(docs: &[Document], index: &Index, doc: usize) -> String {
    match &index.docs[doc].meta.source {
        Some(s) => format!("*{}*", md::short(s, 40)),
        None => format!("“{}”", md::short(&docs[doc].title, 40)),
    }
}

/// The document of a group of copies that stands for the group: the fuller
/// one, as duplicate detection says.
pub fn fuller(index: &Index, doc: usize) -> usize {
    let mut best = doc;
    for d in &index.duplicates {
        if (d.a == best || d.b == best) && d.fuller != best {
            best = d.fuller;
        }
    }
    best
}

/// Whether `doc` is the shorter side of a pair of copies.
pub fn is_copy(index: &Index, doc: usize) -> bool {
    index
        .duplicates
        .iter()
        .any(|d| (d.a == doc || d.b == doc) && d.fuller != doc)
}

/// Per document, whether it is the shorter side of a pair of copies
/// ([`is_copy`] for every document at once).
pub fn copy_flags(index: &Index) -> Vec<bool> {
    let mut flags = vec![false; index.docs.len()];
    for d in &index.duplicates {
        for x in [d.a, d.b] {
            if x != d.fuller {
                flags[x] = true;
            }
        }
    }
    flags
}

/// Per document, the document that stands for its group of copies
/// ([`fuller`] for every document at once).
pub fn fullers(index: &Index) -> Vec<usize> {
    let mut out: Vec<usize> = (0..index.docs.len()).collect();
    for d in &index.duplicates {
        for x in [d.a, d.b] {
            if x != d.fuller && out[x] == x {
                out[x] = d.fuller;
            }
        }
    }
    // A copy of a copy stands under the fullest one.
    for _ in 0..4 {
        let next: Vec<usize> = out.iter().map(|&f| out[f]).collect();
        if next == out {
            break;
        }
        out = next;
    }
    out
}
