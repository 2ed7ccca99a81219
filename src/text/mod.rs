//! Text primitives shared by the loader, the analysis and the UI: grapheme
//! widths, visible rendering of control characters, and (in later modules)
//! sentences and words. Nothing here knows about the terminal.

pub mod sanitize;
pub mod sentences;
pub mod words;
pub mod wrap;

pub use sanitize::{display_grapheme, display_width, grapheme_width};
