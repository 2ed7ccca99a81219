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

/// Documents made from texts written for a unit test, named `d0.txt`,
/// `d1.txt` … in order.
#[cfg(test)]
pub fn test_documents(texts: &[&str]) -> Vec<Document> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let name = format!("d{i}.txt");
            document_from_bytes(i, std::path::Path::new(&name), &name, t.as_bytes().to_vec())
                .unwrap()
        })
        .collect()
}
