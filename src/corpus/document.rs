use std::ops::Range;
use std::path::PathBuf;

/// Index of a document in the corpus.
pub type DocId = usize;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
}

/// Markup flags of a run of rendered text (a small hand-rolled bit set).
pub mod markup {
    pub const HEADING: u16 = 1;
    pub const EMPHASIS: u16 = 1 << 1;
    pub const STRONG: u16 = 1 << 2;
    pub const CODE: u16 = 1 << 3;
    pub const LINK: u16 = 1 << 4;
    pub const QUOTE: u16 = 1 << 5;
    pub const LIST_MARKER: u16 = 1 << 6;
    pub const STRIKE: u16 = 1 << 7;
    pub const TITLE: u16 = 1 << 8;
}

/// A maximal run of rendered text with one set of markup flags. Runs are
/// sorted and never overlap, so the renderer can walk them with a cursor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkupRun {
    pub range: Range<usize>,
    pub flags: u16,
}

/// Maps byte offsets of the rendered text back to the source file. Each
/// segment says: rendered bytes from `text` on come from source bytes from
/// `source` on, for `len` bytes (or are synthetic when `len` is 0).
#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    /// (text offset, source offset, source length), sorted by text offset.
    segments: Vec<(usize, usize, usize)>,
    identity: bool,
}

impl OffsetMap {
    pub fn identity() -> Self {
        OffsetMap {
            segments: Vec::new(),
            identity: true,
        }
    }

    pub fn push(&mut self, text: usize, source: usize, len: usize) {
        self.segments.push((text, source, len));
    }

    /// The source byte offset that rendered byte `pos` comes from.
    pub fn to_source(&self, pos: usize) -> usize {
        if self.identity {
            return pos;
        }
        let i = self.segments.partition_point(|s| s.0 <= pos);
        if i == 0 {
            return self.segments.first().map_or(pos, |s| s.1);
        }
        let (t, s, len) = self.segments[i - 1];
        s + (pos - t).min(len)
    }
}

/// One article as loaded. `source` is the decoded file; `text` is what is
/// read and analysed (identical to `source` for plain text; rendered from
/// Markdown otherwise). Every range elsewhere indexes `text`; export maps
/// them to `source` through `offsets`.
#[derive(Debug, Clone)]
pub struct Document {
    pub id: DocId,
    /// Short stable name (file stem, made unique).
    pub slug: String,
    /// The path as shown to the user (relative to the folder given).
    pub display_path: String,
    pub path: PathBuf,
    pub format: Format,
    pub source: String,
    pub text: String,
    pub markup: Vec<MarkupRun>,
    pub offsets: OffsetMap,
    pub title: String,
    /// Front-matter fields (Markdown), lower-cased keys.
    pub front_matter: Vec<(String, String)>,
    /// Problems found while loading that did not stop it (e.g. invalid UTF-8).
    pub warnings: Vec<String>,
}

impl Document {
    pub fn front(&self, key: &str) -> Option<&str> {
        self.front_matter
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// A byte range of `text` as a byte range of `source`.
    pub fn source_range(&self, r: &Range<usize>) -> Range<usize> {
        let start = self.offsets.to_source(r.start);
        let end = if r.end > r.start {
            self.offsets.to_source(r.end - 1) + 1
        } else {
            start
        };
        let end = end.max(start).min(self.source.len());
        // Keep the range on character boundaries of the source.
        let mut s = start.min(end);
        while !self.source.is_char_boundary(s) {
            s -= 1;
        }
        let mut e = end;
        while !self.source.is_char_boundary(e) {
            e += 1;
        }
        s..e
    }
}
