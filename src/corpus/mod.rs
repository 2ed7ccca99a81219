//! Reading articles from disk into [`Document`]s: decoding, Markdown rendered
//! to plain text with style runs, titles, and a report of every file that
//! could not be read. Knows nothing of the terminal.

mod document;
pub mod generate;
mod load;
pub mod markdown;

pub use document::{DocId, Document, Format, MarkupRun, OffsetMap, markup};
pub use load::{
    AliasFile, Aliases, LoadIssue, Loaded, MAX_FILE_BYTES, collect_paths, document_from_bytes,
    load_aliases, load_files, load_first, load_paths, read_limited, read_limited_to,
};
