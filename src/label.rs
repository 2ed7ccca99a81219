//! How a document is named to the user: by its outlet, title and date, as
//! the analysis found them; the file name only when nothing better is
//! known. One place, so that the document list, the links overlay, the
//! compare headers, the timeline, the status bar and copied citations all
//! say the same.

use crate::corpus::{DocId, Document};
use crate::index::Index;

/// The document's outlet (publication), when the analysis found one.
pub fn outlet(index: Option<&Index>, doc: DocId) -> Option<&str> {
    index?.docs.get(doc)?.meta.source.as_deref()
}

/// The publication date, ISO, when known.
pub fn date(index: Option<&Index>, doc: DocId) -> Option<String> {
    index?
        .docs
        .get(doc)?
        .meta
        .date
        .map(|(d, _)| d.format("%Y-%m-%d").to_string())
}

/// The title, or the file name when the document has none.
pub fn title(docs: &[Document], doc: DocId) -> &str {
    let d = &docs[doc];
    let t = d.title.trim();
    if t.is_empty() { &d.display_path } else { t }
}

/// `Outlet · Title · 2019-01-25`: whatever of the three is known (the
/// title always is: the first line, else the file name).
pub fn label(docs: &[Document], index: Option<&Index>, doc: DocId) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(o) = outlet(index, doc) {
        parts.push(o.to_string());
    }
    parts.push(title(docs, doc).to_string());
    if let Some(d) = date(index, doc) {
        parts.push(d);
    }
    parts.join(" · ")
}

/// A short name for tight places (the timeline, columns): the outlet, else
/// the start of the title.
pub fn short(docs: &[Document], index: Option<&Index>, doc: DocId, max_chars: usize) -> String {
    let s = outlet(index, doc).unwrap_or_else(|| title(docs, doc));
    if s.chars().count() <= max_chars {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max_chars.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// A citation for a claim copied out of the reader: `— Outlet, “Title”,
/// 2019-01-25, path` (whatever is known).
pub fn citation(docs: &[Document], index: Option<&Index>, doc: DocId) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(o) = outlet(index, doc) {
        parts.push(o.to_string());
    }
    parts.push(format!("“{}”", title(docs, doc)));
    if let Some(d) = date(index, doc) {
        parts.push(d);
    }
    parts.push(docs[doc].display_path.clone());
    format!("— {}", parts.join(", "))
}
