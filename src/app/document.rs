//! The document pane's state: which document is shown, where each document
//! is scrolled to, and the current claim.

use crate::corpus::DocId;
use crate::index::Index;
use crate::text::wrap::Line;

/// What the text highlights; the chosen entity's mentions, the current
/// claim and search hits always stand out, and the gutter always counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Highlight {
    #[default]
    All,
    Claims,
    Entities,
    Dates,
    Nothing,
}

impl Highlight {
    pub fn next(self) -> Highlight {
        match self {
            Highlight::All => Highlight::Claims,
            Highlight::Claims => Highlight::Entities,
            Highlight::Entities => Highlight::Dates,
            Highlight::Dates => Highlight::Nothing,
            Highlight::Nothing => Highlight::All,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Highlight::All => "claims, entities and dates",
            Highlight::Claims => "claims only",
            Highlight::Entities => "entities only",
            Highlight::Dates => "dates only",
            Highlight::Nothing => "nothing (the gutter still counts sources)",
        }
    }

    pub fn claims(self) -> bool {
        matches!(self, Highlight::All | Highlight::Claims)
    }

    pub fn entities(self) -> bool {
        matches!(self, Highlight::All | Highlight::Entities)
    }

    pub fn dates(self) -> bool {
        matches!(self, Highlight::All | Highlight::Dates)
    }
}

#[derive(Debug, Clone)]
pub struct DocumentState {
    /// The document shown.
    pub doc: DocId,
    /// Per document, the byte offset of the first visible line. Kept as a
    /// text position, not a line number, so it survives a change of width.
    pub anchors: Vec<usize>,
    /// The current claim (id).
    pub claim: Option<usize>,
    /// What the text highlights.
    pub highlight: Highlight,
}

impl DocumentState {
    pub fn new(doc_count: usize) -> Self {
        DocumentState {
            doc: 0,
            anchors: vec![0; doc_count],
            claim: None,
            highlight: Highlight::default(),
        }
    }

    /// The byte offset of the first visible line of `doc`.
    pub fn anchor_of(&self, doc: DocId) -> usize {
        self.anchors.get(doc).copied().unwrap_or(0)
    }

    /// Index of the first visible line of the current document.
    pub fn top_line(&self, lines: &[Line]) -> usize {
        top_line_at(lines, self.anchor_of(self.doc))
    }

    /// Show `doc`; the current claim belongs to the document it was in.
    pub fn set_doc(&mut self, doc: DocId) {
        if self.doc != doc {
            self.claim = None;
        }
        self.doc = doc;
    }

    /// Scroll the current document by `delta` lines, `page` lines being
    /// visible.
    pub fn scroll(&mut self, lines: &[Line], page: usize, delta: isize) {
        if lines.is_empty() {
            return;
        }
        let max_top = lines.len().saturating_sub(page);
        let top = self.top_line(lines) as isize + delta;
        let top = top.clamp(0, max_top as isize) as usize;
        if let Some(a) = self.anchors.get_mut(self.doc) {
            *a = lines[top].range.start;
        }
    }

    /// Scroll the current document so that byte `pos` stands a third of the
    /// way down.
    pub fn reveal(&mut self, lines: &[Line], page: usize, pos: usize) {
        if lines.is_empty() {
            return;
        }
        let line = top_line_at(lines, pos);
        let max_top = lines.len().saturating_sub(page);
        let top = line.saturating_sub(page / 3).min(max_top);
        if let Some(a) = self.anchors.get_mut(self.doc) {
            *a = lines[top].range.start;
        }
    }

    /// The claim at or after (`forward`) or before the current one, or the
    /// top of the view when there is no current claim in this document.
    pub fn claim_from(&self, index: &Index, view_top: usize, forward: bool) -> Option<usize> {
        let claims = index.doc_claims(self.doc);
        let current = self.claim.filter(|c| index.claims[*c].doc == self.doc);
        let pos = match current {
            Some(c) => index.claims[c].range.start,
            None => view_top,
        };
        if forward {
            match current {
                Some(_) => claims.iter().find(|c| c.range.start > pos),
                None => claims.iter().find(|c| c.range.start >= pos),
            }
        } else {
            claims.iter().rev().find(|c| c.range.start < pos)
        }
        .map(|c| c.id)
    }
}

/// Index of the line holding byte `pos`.
pub fn top_line_at(lines: &[Line], pos: usize) -> usize {
    lines
        .partition_point(|l| l.range.start <= pos)
        .saturating_sub(1)
}

/// The first claim (forward) or last claim of the documents after (or
/// before) `from`, going round the corpus.
pub fn claim_in_next_document(
    index: &Index,
    doc_count: usize,
    from: DocId,
    forward: bool,
) -> Option<usize> {
    let n = doc_count;
    (1..n)
        .map(|k| {
            if forward {
                (from + k) % n
            } else {
                (from + n - k) % n
            }
        })
        .find_map(|d| {
            let cs = index.doc_claims(d);
            if forward { cs.first() } else { cs.last() }.map(|c| c.id)
        })
}
