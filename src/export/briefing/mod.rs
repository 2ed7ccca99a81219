//! The Markdown briefing: what a person can hand on after reading the
//! corpus. In order:
//!
//! 1. the corpus in one paragraph: documents, outlets, date range, copies,
//!    and what the analysis found;
//! 2. the key claims, ranked by the number of independent sources that
//!    make them (copies of one article count once), each citing its sources
//!    by outlet, title and date; a claim only one source makes is marked
//!    *single source*;
//! 3. conflicts between sources, and quotations that differ from source to
//!    source with their word diff;
//! 4. a short timeline (the dates most sources mention, in time order);
//! 5. the entities involved, and the list of sources.
//!
//! [`Scope::Entity`] keeps what concerns one entity; [`Scope::Pins`] lists
//! the pinned items, in the user's order, with their notes. Every field
//! from the corpus or the user is sanitised and escaped ([`md`]).

pub mod cite;
pub mod md;
mod pinned;
mod sections;
pub mod statements;
mod timeline;
mod variants;

use crate::corpus::Document;
use crate::index::Index;
use crate::pins::{Pin, Resolved};
use std::path::{Path, PathBuf};

/// What the briefing covers.
#[derive(Debug, Clone, Copy)]
pub enum Scope<'a> {
    /// The whole corpus.
    All,
    /// What concerns one entity (an index into `index.entities`).
    Entity(usize),
    /// The pinned items, with how each was found in the corpus (from
    /// [`crate::pins::resolve`]; same length and order).
    Pins(&'a [Pin], &'a [Resolved]),
}

#[derive(Debug, Clone, Copy)]
pub struct Options<'a> {
    pub scope: Scope<'a>,
    /// At most this many key claims (every claim with two or more sources
    /// comes before any single-source one).
    pub max_claims: usize,
    /// At most this many dates on the timeline.
    pub max_dates: usize,
    /// At most this many rows in the table of entities.
    pub max_entities: usize,
    /// At most this many conflicts, and as many quote variants.
    pub max_pairs: usize,
}

impl Default for Options<'_> {
    fn default() -> Self {
        Options {
            scope: Scope::All,
            max_claims: 15,
            max_dates: 12,
            max_entities: 15,
            max_pairs: 10,
        }
    }
}

/// The briefing, as Markdown.
pub fn markdown(docs: &[Document], index: &Index, opts: &Options) -> String {
    let mut sw = crate::analysis::Stopwatch::new();
    let mut out = String::new();
    match opts.scope {
        Scope::All => {
            out.push_str("# crossread briefing\n\n");
            let all: Vec<usize> = (0..docs.len()).collect();
            let digest = sections::Digest::new(docs, index, &|_| true);
            sw.lap("briefing: claims ranked");
            sections::corpus(&mut out, docs, index, &all, None, Some(&digest));
            let mut cited = Vec::new();
            sections::body(&mut out, docs, index, opts, &digest, None, &mut cited);
            sections::sources(&mut out, docs, index, &cited, docs.len());
        }
        Scope::Entity(e) => {
            let ent = &index.entities[e];
            out.push_str(&format!(
                "# crossread briefing: {}\n\n",
                md::text(&ent.name)
            ));
            let in_docs: Vec<usize> = ent.per_doc.iter().map(|(d, _)| *d).collect();
            let mentions = |c: usize| {
                let cl = &index.claims[c];
                cl.entities.contains(&e) || cl.speaker == Some(e)
            };
            let digest = sections::Digest::new(docs, index, &mentions);
            sections::corpus(&mut out, docs, index, &in_docs, Some(e), Some(&digest));
            let mut cited = Vec::new();
            sections::body(&mut out, docs, index, opts, &digest, Some(e), &mut cited);
            sections::sources(&mut out, docs, index, &cited, in_docs.len());
        }
        Scope::Pins(pins, resolved) => {
            out.push_str("# crossread briefing: pinned items\n\n");
            let all: Vec<usize> = (0..docs.len()).collect();
            sections::corpus(&mut out, docs, index, &all, None, None);
            let mut cited = Vec::new();
            pinned::items(&mut out, docs, index, pins, resolved, &mut cited);
            sections::sources(&mut out, docs, index, &cited, docs.len());
        }
    }
    sw.lap("briefing: written");
    let end = out.trim_end().len();
    out.truncate(end);
    out.push('\n');
    out
}

/// The briefing of `pins` (as [`crate::pins::PinStore::pins`] gives them),
/// each found in the corpus as loaded now: what the reader writes to a file
/// from its pins list.
pub fn of_pins(docs: &[Document], index: &Index, pins: &[Pin]) -> String {
    let resolved = crate::pins::resolve(pins, docs, index);
    markdown(
        docs,
        index,
        &Options {
            scope: Scope::Pins(pins, &resolved),
            ..Options::default()
        },
    )
}

/// The entity named `name` (its name or an alias, any case). The error
/// names the closest entities when there is no such one.
pub fn find_entity(index: &Index, name: &str) -> Result<usize, String> {
    if let Some(e) = crate::pins::anchor::find_entity(index, &[name.trim()]) {
        return Ok(e);
    }
    let q = name.trim().to_lowercase();
    let mut near: Vec<&str> = index
        .entities
        .iter()
        .filter(|e| {
            !q.is_empty()
                && (e.name.to_lowercase().contains(&q)
                    || e.aliases.iter().any(|a| a.name.to_lowercase().contains(&q)))
        })
        .map(|e| e.name.as_str())
        .take(5)
        .collect();
    near.dedup();
    let shown = crate::text::sanitize::sanitize(name.trim()).into_owned();
    Err(if near.is_empty() {
        format!("no entity named “{shown}” in this corpus")
    } else {
        format!(
            "no entity named “{shown}”; did you mean: {}?",
            crate::text::sanitize::sanitize(&near.join(", "))
        )
    })
}

/// Why a briefing was not written.
#[derive(Debug)]
pub enum WriteError {
    /// A file is already there (and overwriting was not asked for).
    Exists(PathBuf),
    Io(PathBuf, std::io::Error),
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::Exists(p) => write!(f, "{} already exists; not overwritten", p.display()),
            WriteError::Io(p, e) => write!(f, "cannot write {}: {e}", p.display()),
        }
    }
}

impl std::error::Error for WriteError {}

/// Write `text` (a briefing) to `path`, whole or not at all. An existing
/// file is replaced only when `overwrite` is true; otherwise
/// [`WriteError::Exists`] (the reader asks the user, then calls again).
pub fn write_briefing(path: &Path, text: &str, overwrite: bool) -> Result<(), WriteError> {
    write_file_with(path, overwrite, |w| w.write_all(text.as_bytes()))
}

/// Write what `fill` streams to `path`, whole or not at all, as
/// [`write_briefing`] does (the JSON export writes its file this way).
pub fn write_file_with(
    path: &Path,
    overwrite: bool,
    fill: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> Result<(), WriteError> {
    use crate::pins::atomic;
    let r = if overwrite {
        atomic::write_atomic_with(path, fill)
    } else {
        atomic::write_new_with(path, fill)
    };
    r.map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            WriteError::Exists(path.to_path_buf())
        } else {
            WriteError::Io(path.to_path_buf(), e)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::links::{DiffOp, DiffTag};

    #[test]
    fn write_refuses_to_overwrite_unless_told() {
        let dir = std::env::temp_dir().join(format!("crossread-write-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("briefing.md");
        let _ = std::fs::remove_file(&p);
        write_briefing(&p, "# one\n", false).unwrap();
        match write_briefing(&p, "# two\n", false) {
            Err(WriteError::Exists(q)) => assert_eq!(q, p),
            other => panic!("{other:?}"),
        }
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "# one\n");
        write_briefing(&p, "# two\n", true).unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "# two\n");
        let e = write_briefing(&dir.join("no/such/dir/b.md"), "x", false).unwrap_err();
        assert!(matches!(e, WriteError::Io(..)), "{e}");
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn word_diff_on_one_line() {
        let op = |op, t: &str| DiffOp {
            op,
            text: t.to_string(),
        };
        let d = vec![
            op(DiffTag::Insert, "continue to "),
            op(
                DiffTag::Equal,
                "keep the ferry running every day until we see ",
            ),
            op(DiffTag::Delete, "fully"),
            op(DiffTag::Insert, "full"),
            op(DiffTag::Equal, " and properly funded repairs"),
        ];
        assert_eq!(
            variants::diff_line(&d),
            "**continue to** keep the ferry running … day until we see ~~fully~~ **full** and properly funded repairs"
        );
        // Markup inside the quotation stays text.
        let d = vec![
            op(DiffTag::Delete, "*no*"),
            op(DiffTag::Insert, "<b>yes</b>"),
        ];
        assert_eq!(
            variants::diff_line(&d),
            "~~\\*no\\*~~ **\\<b\\>yes\\</b\\>**"
        );
    }
}
