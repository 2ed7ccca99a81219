//! The pins file: pretty-printed JSON, one file per corpus.
//!
//! ```json
//! {
//!   "format": "crossread-pins",
//!   "version": 1,
//!   "corpus": ["/home/ann/news/harbour"],
//!   "pins": [
//!     {"id": "…", "kind": "claim", "note": "…", "doc": "/home/ann/news/harbour/a.txt",
//!      "start": 120, "end": 233, "text": "…", "created": "…", "updated": "…"}
//!   ]
//! }
//! ```

use super::model::Pin;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, HashSet};
use std::path::Path;

pub const FORMAT: &str = "crossread-pins";
/// The version this build writes. A file with a higher version is read but
/// never written (a newer crossread may have changed what fields mean).
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PinsFile {
    #[serde(default = "format_name")]
    pub format: String,
    pub version: u32,
    /// The corpus key: canonical paths of the folders and files opened.
    #[serde(default)]
    pub corpus: Vec<String>,
    /// In the user's order.
    #[serde(default)]
    pub pins: Vec<Pin>,
    /// Fields written by a newer crossread, kept untouched.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

fn format_name() -> String {
    FORMAT.to_string()
}

impl PinsFile {
    pub fn new(corpus: Vec<String>) -> PinsFile {
        PinsFile {
            format: FORMAT.to_string(),
            version: VERSION,
            corpus,
            pins: Vec::new(),
            extra: BTreeMap::new(),
        }
    }
}

#[derive(Debug)]
pub enum ReadError {
    /// There is no file (no pins yet).
    Missing,
    /// The file exists but cannot be read (permissions, I/O).
    Io(std::io::Error),
    /// The file is not a valid pins file; the text says why.
    Corrupt(String),
    /// Written by a newer crossread (its version); readable, not writable.
    Newer(u32, Box<PinsFile>),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Missing => write!(f, "no pins file"),
            ReadError::Io(e) => write!(f, "cannot read: {e}"),
            ReadError::Corrupt(why) => write!(f, "not a valid pins file: {why}"),
            ReadError::Newer(v, _) => write!(
                f,
                "written by a newer crossread (format version {v}; this one writes {VERSION})"
            ),
        }
    }
}

/// Parse a pins file's text. Two pins with one id (a hand edit) both stay:
/// the later one gets a new id.
pub fn parse(text: &str) -> Result<PinsFile, ReadError> {
    let mut f: PinsFile = serde_json::from_str(text).map_err(|e| {
        ReadError::Corrupt(format!("line {}, column {}: {e}", e.line(), e.column()))
    })?;
    if f.format != FORMAT {
        return Err(ReadError::Corrupt(format!(
            "\"format\" is {:?}, expected {FORMAT:?}",
            f.format
        )));
    }
    let mut seen = HashSet::new();
    for p in &mut f.pins {
        if !seen.insert(p.id.clone()) {
            p.id = super::model::new_id();
            seen.insert(p.id.clone());
        }
    }
    if f.version > VERSION {
        return Err(ReadError::Newer(f.version, Box::new(f)));
    }
    Ok(f)
}

/// Read and parse the file at `path`.
pub fn read(path: &Path) -> Result<PinsFile, ReadError> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(ReadError::Missing),
        Err(e) => return Err(ReadError::Io(e)),
    };
    let text = String::from_utf8(bytes).map_err(|e| {
        ReadError::Corrupt(format!(
            "invalid UTF-8 at byte {}",
            e.utf8_error().valid_up_to()
        ))
    })?;
    parse(&text)
}

/// The file's text: pretty-printed JSON and a final line break.
pub fn render(f: &PinsFile) -> String {
    let mut s = serde_json::to_string_pretty(f).expect("pins serialise");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pins::model::{Anchor, PinKind};

    fn sample() -> PinsFile {
        let mut f = PinsFile::new(vec!["/news/harbour".into()]);
        f.pins.push(Pin {
            id: "a1".into(),
            kind: PinKind::Claim,
            note: "ask the desk".into(),
            entity: None,
            aliases: vec![],
            query: None,
            date: None,
            anchor: Some(Anchor {
                path: "/news/harbour/a.txt".into(),
                start: 10,
                end: 40,
                text: "The ferry \"Aurora\" sank — 3 lost.".into(),
            }),
            lost: false,
            created: "2024-01-02T03:04:05.000Z".into(),
            updated: "2024-01-02T03:04:05.000Z".into(),
            extra: BTreeMap::new(),
        });
        f.pins.push(Pin {
            id: "b2".into(),
            kind: PinKind::Entity,
            note: String::new(),
            entity: Some("Ines Duarte".into()),
            aliases: vec!["Duarte".into()],
            query: None,
            date: None,
            anchor: None,
            lost: true,
            created: "2024-01-02T03:04:05.000Z".into(),
            updated: "2024-01-02T03:04:06.000Z".into(),
            extra: BTreeMap::new(),
        });
        f
    }

    #[test]
    fn round_trip() {
        let f = sample();
        let text = render(&f);
        assert_eq!(parse(&text).unwrap(), f);
        // Human-readable: one field per line, the quoted text as written.
        assert!(text.contains("\"kind\": \"claim\""), "{text}");
        assert!(text.contains("\"doc\": \"/news/harbour/a.txt\""), "{text}");
        assert!(text.contains("\"note\": \"ask the desk\""), "{text}");
        // Empty fields are left out; a pin without text has no doc.
        assert!(!text.contains("\"query\""), "{text}");
        let entity_part = &text[text.find("\"b2\"").unwrap()..];
        assert!(!entity_part.contains("\"doc\""), "{text}");
    }

    #[test]
    fn unknown_fields_survive() {
        let text = r#"{"format":"crossread-pins","version":1,"corpus":[],"colour":"blue",
            "pins":[{"id":"x","kind":"claim","doc":"/a","start":0,"end":3,"text":"abc",
                     "created":"2024-01-01T00:00:00.000Z","updated":"2024-01-01T00:00:00.000Z",
                     "flag":{"starred":true}}]}"#;
        let f = parse(text).unwrap();
        assert_eq!(f.extra["colour"], "blue");
        assert_eq!(f.pins[0].extra["flag"]["starred"], true);
        assert_eq!(f.pins[0].extra.len(), 1, "{:?}", f.pins[0].extra);
        assert_eq!(f.extra.len(), 1, "{:?}", f.extra);
        assert_eq!(f.pins[0].anchor.as_ref().unwrap().text, "abc");
        let again = parse(&render(&f)).unwrap();
        assert_eq!(again, f);
    }

    #[test]
    fn bad_files_are_told_apart() {
        assert!(matches!(parse("{\"pins\": ["), Err(ReadError::Corrupt(_))));
        assert!(matches!(parse("[]"), Err(ReadError::Corrupt(_))));
        assert!(matches!(
            parse(r#"{"format":"other","version":1}"#),
            Err(ReadError::Corrupt(_))
        ));
        // A pin without its required fields makes the file invalid.
        assert!(matches!(
            parse(r#"{"version":1,"pins":[{"kind":"claim"}]}"#),
            Err(ReadError::Corrupt(_))
        ));
        assert!(matches!(
            parse(r#"{"format":"crossread-pins","version":7,"pins":[]}"#),
            Err(ReadError::Newer(7, _))
        ));
        let msg = parse("{\n  \"version\": 1,\n  oops\n}")
            .unwrap_err()
            .to_string();
        assert!(msg.contains("line 3"), "{msg}");
    }

    #[test]
    fn repeated_ids_get_new_ones() {
        let mut f = sample();
        f.pins[1].id = "a1".into();
        let g = parse(&render(&f)).unwrap();
        assert_eq!(g.pins.len(), 2);
        assert_eq!(g.pins[0].id, "a1");
        assert_ne!(g.pins[1].id, "a1");
    }
}
