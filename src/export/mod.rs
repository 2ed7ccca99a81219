//! `crossread export`: the analysis as versioned JSON or JSON Lines (see
//! README for the schema), streamed by [`json`], or as a Markdown briefing.
//! Every `start`/`end` is a byte offset into the document's text as loaded
//! (for Markdown, the source file).

use crate::corpus::Document;
use crate::index::Index;

pub mod briefing;
mod chunks;
pub mod json;

pub use json::{Export, Extras, write_json, write_jsonl};

/// 2: `events[].date` (and `precision`) may be null, for a relative date
/// that nothing in its document fixes (`resolved: false`).
pub const VERSION: u32 = 2;

/// The export as a `serde_json::Value`, for tests and small corpora only:
/// `crossread export` streams through [`write_json`] instead.
pub fn json(docs: &[Document], index: &Index) -> serde_json::Value {
    let export = Export {
        docs,
        index,
        extras: Extras::default(),
    };
    serde_json::to_value(&export).unwrap_or_default()
}

/// The Markdown briefing of the whole corpus (see [`briefing`]).
pub fn markdown(docs: &[Document], index: &Index) -> String {
    briefing::markdown(docs, index, &briefing::Options::default())
}
