//! Finding pins again in the corpus as loaded now. Files may have been
//! added, removed, reordered or edited since a pin was made:
//!
//! 1. the document is found by its canonical path (else, when the file was
//!    moved, by its file name, else by the pinned text in any document);
//! 2. the pinned text is looked for in it: at the recorded byte range it is
//!    found where it was; elsewhere it has moved (the occurrence nearest the
//!    old place is taken); with its spaces and line breaks changed it is
//!    still found;
//! 3. otherwise the pin is lost: kept, shown as lost with its text, never
//!    dropped.
//!
//! Entities are found by name or alias, case-insensitively.

use super::model::{Anchor, Pin, PinKind};
use crate::corpus::{DocId, Document};
use crate::index::Index;
use std::collections::HashMap;
use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// The pinned text, in `doc` at bytes `range` of its text (as analysed);
    /// `moved` when it is no longer where it was recorded.
    Text {
        doc: DocId,
        range: Range<usize>,
        moved: bool,
    },
    /// An entity pin: the entity, and the mention it was pinned from when
    /// that is still there.
    Entity {
        entity: usize,
        at: Option<(DocId, Range<usize>)>,
    },
    /// Not found; `why` says what is missing.
    Lost { why: String },
}

impl Resolved {
    pub fn is_lost(&self) -> bool {
        matches!(self, Resolved::Lost { .. })
    }
    /// Where to jump for this pin.
    pub fn place(&self) -> Option<(DocId, Range<usize>)> {
        match self {
            Resolved::Text { doc, range, .. } => Some((*doc, range.clone())),
            Resolved::Entity { at, .. } => at.clone(),
            Resolved::Lost { .. } => None,
        }
    }
}

/// Finds documents by canonical path, computed once and only when asked.
struct Docs<'a> {
    docs: &'a [Document],
    by_path: Option<HashMap<String, DocId>>,
}

impl<'a> Docs<'a> {
    fn find(&mut self, a: &Anchor) -> Option<DocId> {
        let docs = self.docs;
        let map = self.by_path.get_or_insert_with(|| {
            docs.iter()
                .map(|d| {
                    (
                        super::canonical(&d.path).to_string_lossy().into_owned(),
                        d.id,
                    )
                })
                .collect()
        });
        map.get(&a.path).copied()
    }
}

/// Find every pin in `docs` (and, for entities, in `index`).
pub fn resolve(pins: &[Pin], docs: &[Document], index: &Index) -> Vec<Resolved> {
    let mut finder = Docs {
        docs,
        by_path: None,
    };
    pins.iter()
        .map(|p| resolve_one(p, &mut finder, index))
        .collect()
}

fn resolve_one(p: &Pin, finder: &mut Docs, index: &Index) -> Resolved {
    if p.kind == PinKind::Entity {
        let names: Vec<&str> = p
            .entity
            .iter()
            .chain(&p.aliases)
            .map(String::as_str)
            .collect();
        let Some(entity) = find_entity(index, &names) else {
            return Resolved::Lost {
                why: format!(
                    "no entity named {} in this corpus",
                    p.entity.as_deref().unwrap_or("(no name)")
                ),
            };
        };
        let at = p
            .anchor
            .as_ref()
            .and_then(|a| locate_anywhere(a, finder))
            .map(|(d, r, _)| (d, r));
        return Resolved::Entity { entity, at };
    }
    let Some(a) = &p.anchor else {
        return Resolved::Lost {
            why: "the pin records no text".into(),
        };
    };
    match locate_anywhere(a, finder) {
        Some((doc, range, moved)) => Resolved::Text { doc, range, moved },
        None => Resolved::Lost {
            why: match finder.find(a) {
                Some(_) => format!("the text is no longer in {}", a.path),
                None => format!("{} is not in this corpus", a.path),
            },
        },
    }
}

/// The entity with one of `names` as its name, else as an alias
/// (case-insensitive).
pub fn find_entity(index: &Index, names: &[&str]) -> Option<usize> {
    let lower: Vec<String> = names.iter().map(|n| n.to_lowercase()).collect();
    let is = |s: &str| lower.iter().any(|n| *n == s.to_lowercase());
    index
        .entities
        .iter()
        .find(|e| lower.first().is_some_and(|n| *n == e.name.to_lowercase()))
        .or_else(|| index.entities.iter().find(|e| is(&e.name)))
        .or_else(|| {
            index
                .entities
                .iter()
                .find(|e| e.aliases.iter().any(|a| is(&a.name)))
        })
        .map(|e| e.id)
}

fn locate_anywhere(a: &Anchor, finder: &mut Docs) -> Option<(DocId, Range<usize>, bool)> {
    if let Some(d) = finder.find(a) {
        return locate(&finder.docs[d], a).map(|(r, moved)| (d, r, moved));
    }
    // The file is not at its path: moved or renamed. Its name first, then
    // any document that holds the text.
    let name = std::path::Path::new(&a.path).file_name();
    let same_name: Vec<&Document> = finder
        .docs
        .iter()
        .filter(|d| name.is_some() && d.path.file_name() == name)
        .collect();
    same_name
        .into_iter()
        .chain(finder.docs.iter())
        .find_map(|d| locate(d, a).map(|(r, _)| (d.id, r, true)))
}

/// Where `a`'s text is in `doc`: (range in `doc.text`, moved).
pub fn locate(doc: &Document, a: &Anchor) -> Option<(Range<usize>, bool)> {
    if a.text.trim().is_empty() {
        return None;
    }
    let dist = |r: &Range<usize>| doc.source_range(r).start.abs_diff(a.start);
    let mut best: Option<Range<usize>> = None;
    for (p, m) in doc.text.match_indices(a.text.as_str()) {
        let r = p..p + m.len();
        let src = doc.source_range(&r);
        if src.start == a.start && src.end == a.end {
            return Some((r, false));
        }
        if best.as_ref().is_none_or(|b| dist(&r) < dist(b)) {
            best = Some(r);
        }
    }
    if let Some(r) = best {
        return Some((r, true));
    }
    // Spaces and line breaks may have changed (a file rewrapped).
    let want = a.text.split_whitespace().collect::<Vec<_>>().join(" ");
    let (flat, origin) = squeeze(&doc.text);
    flat.match_indices(want.as_str())
        .map(|(p, m)| {
            origin[p]..origin[p + m.len() - 1] + char_len(&doc.text, origin[p + m.len() - 1])
        })
        .min_by_key(|r| dist(r))
        .map(|r| (r, true))
}

fn char_len(s: &str, at: usize) -> usize {
    s[at..].chars().next().map_or(0, char::len_utf8)
}

/// `text` with every run of white space made one space, and for each byte
/// of the result the byte of `text` it came from.
fn squeeze(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len());
    let mut in_space = false;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if !in_space {
                out.push(' ');
                origin.push(i);
            }
            in_space = true;
        } else {
            in_space = false;
            let start = out.len();
            out.push(c);
            origin.extend(std::iter::repeat_n(i, out.len() - start));
        }
    }
    (out, origin)
}

/// The claim of `doc` at `range`: the one with exactly that range, else the
/// one that holds its start.
pub fn claim_at(index: &Index, doc: DocId, range: &Range<usize>) -> Option<usize> {
    let claims = index.doc_claims(doc);
    claims
        .iter()
        .find(|c| c.range == *range)
        .or_else(|| {
            claims
                .iter()
                .find(|c| c.range.start <= range.start && range.start < c.range.end)
        })
        .map(|c| c.id)
}

/// The event of `doc` at `range` (an index into `index.events`).
pub fn event_at(index: &Index, doc: DocId, range: &Range<usize>) -> Option<usize> {
    let first = index.events.partition_point(|e| e.doc < doc);
    let events = index.doc_events(doc);
    events
        .iter()
        .position(|e| e.range == *range)
        .or_else(|| {
            events
                .iter()
                .position(|e| e.range.start < range.end && range.start < e.range.end)
        })
        .map(|i| first + i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::document_from_bytes;
    use std::path::Path;

    fn doc(id: usize, path: &str, text: &str) -> Document {
        document_from_bytes(id, Path::new(path), path, text.as_bytes().to_vec()).unwrap()
    }

    fn anchor_of(d: &Document, needle: &str) -> Anchor {
        let p = d.text.find(needle).unwrap();
        Anchor::of(d, p..p + needle.len())
    }

    #[test]
    fn found_where_it_was() {
        let d = doc(
            0,
            "/c/a.txt",
            "Title\n\nThe quay reopened on Monday. Rain fell.\n",
        );
        let a = anchor_of(&d, "The quay reopened on Monday.");
        let (r, moved) = locate(&d, &a).unwrap();
        assert!(!moved);
        assert_eq!(&d.text[r], "The quay reopened on Monday.");
    }

    #[test]
    fn re_anchored_after_an_edit() {
        let before = doc(
            0,
            "/c/a.txt",
            "Title\n\nThe quay reopened on Monday. Rain fell.\n",
        );
        let a = anchor_of(&before, "Rain fell.");
        // A paragraph is added above: the text moves down.
        let after = doc(
            0,
            "/c/a.txt",
            "Title\n\nA new first paragraph.\n\nThe quay reopened on Monday. Rain fell.\n",
        );
        let (r, moved) = locate(&after, &a).unwrap();
        assert!(moved);
        assert_eq!(&after.text[r], "Rain fell.");
        // The same words twice: the one nearest the old place is taken.
        let twice = doc(
            0,
            "/c/a.txt",
            "Title\n\nRain fell. The quay reopened. Rain fell.\n",
        );
        let (r, _) = locate(&twice, &a).unwrap();
        assert_eq!(r.start, twice.text.rfind("Rain").unwrap());
        // Rewrapped: the line break inside the sentence does not lose it.
        let a = anchor_of(&before, "The quay reopened on Monday.");
        let wrapped = doc(
            0,
            "/c/a.txt",
            "Title\n\nThe quay\nreopened   on Monday. Rain fell.\n",
        );
        let (r, moved) = locate(&wrapped, &a).unwrap();
        assert!(moved);
        assert_eq!(&wrapped.text[r], "The quay\nreopened   on Monday.");
    }

    #[test]
    fn lost_when_the_text_is_gone() {
        let before = doc(
            0,
            "/c/a.txt",
            "Title\n\nThe quay reopened on Monday. Rain fell.\n",
        );
        let a = anchor_of(&before, "The quay reopened on Monday.");
        let after = doc(0, "/c/a.txt", "Title\n\nThe quay stayed shut. Rain fell.\n");
        assert_eq!(locate(&after, &a), None);
    }

    #[test]
    fn markdown_ranges_are_in_the_source() {
        let d = doc(0, "/c/a.md", "# Head\n\nThe **quay** reopened on Monday.\n");
        let a = anchor_of(&d, "The quay reopened");
        assert_eq!(a.text, "The quay reopened");
        assert_eq!(&d.source[a.start..a.end], "The **quay** reopened");
        assert!(!locate(&d, &a).unwrap().1);
    }

    #[test]
    fn squeeze_maps_back() {
        let (s, o) = squeeze("a \n\t b  é");
        assert_eq!(s, "a b é");
        assert_eq!(o[2], 5);
        assert_eq!(o[4], 8);
    }
}
