//! A pin and what it points at.

use crate::corpus::Document;
use crate::index::Index;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use std::ops::Range;

/// What was pinned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PinKind {
    Claim,
    Entity,
    Event,
    SearchHit,
}

impl PinKind {
    pub fn label(self) -> &'static str {
        match self {
            PinKind::Claim => "claim",
            PinKind::Entity => "entity",
            PinKind::Event => "event",
            PinKind::SearchHit => "search hit",
        }
    }
}

/// Where a pin's text is: the document file, a byte range and the words.
///
/// `start`/`end` are byte offsets into the file as loaded (after decoding;
/// for Markdown, the source file, front matter included), as everywhere in
/// the export. `text` is the quoted words as the reader shows them (for
/// Markdown, without the markup): when the file changes, the pin is found
/// again by these words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    /// The document's canonical path.
    #[serde(rename = "doc")]
    pub path: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// One pinned item. The JSON names of the fields are the file format (see
/// the README); fields this version does not know are kept as they are.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pin {
    /// Unique and stable (two windows merge by it).
    pub id: String,
    pub kind: PinKind,
    /// The user's one-line note (empty: none).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The entity's name, for an entity pin.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    /// The entity's other names when pinned (to find it again).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// The search query, for a search hit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
    /// The ISO date (and end) of an event, as analysed when pinned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The text pinned; optional for an entity (the mention it was
    /// pinned from).
    #[serde(flatten, default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<Anchor>,
    /// True when, the last time the corpus was opened, the pinned text
    /// could not be found: the pin is kept and shown as lost.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub lost: bool,
    /// RFC 3339, UTC, milliseconds.
    pub created: String,
    /// When the user last changed the pin (the later change wins a merge).
    pub updated: String,
    /// Fields written by a newer crossread, kept untouched.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// Now, as RFC 3339 UTC with milliseconds (sorts as text and as time).
pub fn now_stamp() -> String {
    let ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0);
    stamp_of(ms)
}

pub(crate) fn stamp_of(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .unwrap_or_default()
        .to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// A stamp as milliseconds since 1970 (an unreadable stamp is the oldest).
pub fn stamp_millis(s: &str) -> i64 {
    chrono::DateTime::parse_from_rfc3339(s)
        .map(|d| d.timestamp_millis())
        .unwrap_or(i64::MIN)
}

/// A new unique id: the time, the process and a counter (ids made by two
/// windows at the same millisecond still differ by process).
pub fn new_id() -> String {
    use std::sync::atomic::{AtomicU32, Ordering};
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let ns = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    format!(
        "{:x}-{:x}-{:x}",
        ns,
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}

impl Anchor {
    /// The anchor of bytes `range` of `doc`'s text (as analysed).
    pub fn of(doc: &Document, range: Range<usize>) -> Anchor {
        let src = doc.source_range(&range);
        Anchor {
            path: super::canonical(&doc.path).to_string_lossy().into_owned(),
            start: src.start,
            end: src.end,
            text: doc.text[range].to_string(),
        }
    }
}

impl Pin {
    fn new(kind: PinKind, anchor: Option<Anchor>, note: &str) -> Pin {
        let now = now_stamp();
        Pin {
            id: new_id(),
            kind,
            note: one_line(note),
            entity: None,
            aliases: Vec::new(),
            query: None,
            date: None,
            anchor,
            lost: false,
            created: now.clone(),
            updated: now,
            extra: BTreeMap::new(),
        }
    }

    /// A pin of claim `claim` (an index into `index.claims`).
    pub fn claim(docs: &[Document], index: &Index, claim: usize, note: &str) -> Pin {
        let c = &index.claims[claim];
        Pin::new(
            PinKind::Claim,
            Some(Anchor::of(&docs[c.doc], c.range.clone())),
            note,
        )
    }

    /// A pin of event `event` (an index into `index.events`).
    pub fn event(docs: &[Document], index: &Index, event: usize, note: &str) -> Pin {
        let e = &index.events[event];
        let mut p = Pin::new(
            PinKind::Event,
            Some(Anchor::of(&docs[e.doc], e.range.clone())),
            note,
        );
        p.date = e.date.map(|date| match e.end {
            Some(end) => format!("{}/{}", date.iso(), end.iso()),
            None => date.iso(),
        });
        p
    }

    /// A pin of entity `entity`, from mention `mention` (an index into
    /// `index.mentions`) when it was pinned from one.
    pub fn entity(
        docs: &[Document],
        index: &Index,
        entity: usize,
        mention: Option<usize>,
        note: &str,
    ) -> Pin {
        let e = &index.entities[entity];
        let anchor = mention
            .or_else(|| e.mentions.first().copied())
            .map(|m| &index.mentions[m])
            .map(|m| Anchor::of(&docs[m.doc], m.range.clone()));
        let mut p = Pin::new(PinKind::Entity, anchor, note);
        p.entity = Some(e.name.clone());
        p.aliases = e.aliases.iter().map(|a| a.name.clone()).collect();
        p
    }

    /// A pin of a search hit: bytes `range` of `doc`'s text, found by
    /// `query`.
    pub fn search_hit(doc: &Document, range: Range<usize>, query: &str, note: &str) -> Pin {
        let mut p = Pin::new(PinKind::SearchHit, Some(Anchor::of(doc, range)), note);
        p.query = Some(query.to_string());
        p
    }

    /// Replace the note (kept to one line) and mark the pin changed.
    pub fn set_note(&mut self, note: &str) {
        self.note = one_line(note);
        self.touch();
    }

    pub(crate) fn touch(&mut self) {
        self.updated = now_stamp();
    }

    /// A short label of what the pin is, for lists: the entity's name or
    /// the quoted text.
    pub fn label(&self) -> &str {
        match (&self.entity, &self.anchor) {
            (Some(e), _) => e,
            (None, Some(a)) => &a.text,
            (None, None) => "",
        }
    }
}

/// A note is one line: line breaks and tabs become spaces, ends trimmed.
pub fn one_line(s: &str) -> String {
    s.split(['\n', '\r', '\t'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_order_as_times() {
        let a = stamp_of(1_700_000_000_000);
        let b = stamp_of(1_700_000_000_001);
        assert_eq!(a, "2023-11-14T22:13:20.000Z");
        assert!(stamp_millis(&a) < stamp_millis(&b));
        assert_eq!(stamp_millis("not a time"), i64::MIN);
    }

    #[test]
    fn ids_are_unique() {
        let ids: std::collections::HashSet<String> = (0..1000).map(|_| new_id()).collect();
        assert_eq!(ids.len(), 1000);
    }

    #[test]
    fn notes_are_one_line() {
        assert_eq!(one_line("  check\nthe\r\n date\t "), "check the date");
        assert_eq!(one_line("\n"), "");
    }
}
