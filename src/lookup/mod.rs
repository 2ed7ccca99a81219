//! `crossread lookup TERM [PATH ...]`: what the sources say about TERM,
//! from a shell. TERM is resolved as the reader's finder and search do: an
//! entity by its name or an alias first (its card), otherwise a search of
//! the text of every document (the hits, grouped by document with source,
//! date and a line of context). Printed as plain text that reads well at 80
//! columns and pipes well ([`plain`]), or as JSON ([`json`], documented in
//! the README). Never opens the terminal UI.
//!
//! Exit codes: 0 when something was found, 1 when nothing was, 2 on error
//! (no readable file, a bad regex).

pub mod json;
pub mod plain;

use crate::corpus::{DocId, Document};
use crate::index::Index;
use crate::search::{Hits, Mode, Names, Query, SearchIndex, Searcher};
use std::ops::Range;

/// How to look up and print.
#[derive(Debug, Clone)]
pub struct Options {
    pub term: String,
    /// TERM is a regular expression (smart case), not words.
    pub regex: bool,
    pub json: bool,
    /// No caps on the lists printed.
    pub all: bool,
    /// At most this many hits printed (without `all`).
    pub max_hits: usize,
    /// ANSI colour and bold (only on a terminal, and not with NO_COLOR).
    pub color: bool,
    /// Width of the text printed, in cells.
    pub width: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            term: String::new(),
            regex: false,
            json: false,
            all: false,
            max_hits: 40,
            color: false,
            width: 80,
        }
    }
}

/// Hits printed per document, without `all`.
pub const PER_DOC: usize = 5;

/// What TERM turned out to be.
#[derive(Debug)]
pub enum Answer {
    /// An entity named (by its name or an alias, or a word of the name of
    /// only one entity).
    Entity(usize),
    /// The text hits; `entities` are those whose names have TERM as a word
    /// (several, so none was chosen).
    Hits { hits: Hits, entities: Vec<usize> },
    /// Nothing; `near` are entity names close to TERM.
    Nothing { near: Vec<String> },
}

/// The hits of one document that are printed.
#[derive(Debug, Clone)]
pub struct DocHits {
    pub doc: DocId,
    /// All its hits.
    pub count: u32,
    /// Byte ranges (of the text as analysed) of those shown.
    pub shown: Vec<Range<usize>>,
}

/// Resolve `term`: an entity first, then the text.
pub fn resolve(
    docs: &[Document],
    index: &Index,
    search: &SearchIndex,
    term: &str,
    mode: Mode,
) -> Result<Answer, String> {
    let names = (mode == Mode::Words).then(|| Names::build(index));
    let mut entities = Vec::new();
    if let Some(names) = &names {
        if let Some(e) = names.exact(term) {
            return Ok(Answer::Entity(e));
        }
        match names.with_word(term) {
            [one] => return Ok(Answer::Entity(*one)),
            many => entities = many.to_vec(),
        }
    }
    let query = Query::new(term.trim(), mode).map_err(|e| format!("bad regex: {e}"))?;
    let Some(query) = query else {
        return Ok(Answer::Nothing { near: Vec::new() });
    };
    let hits = Searcher::default().search(search, docs, query);
    if hits.total == 0 && entities.is_empty() {
        return Ok(Answer::Nothing {
            near: near_names(index, term),
        });
    }
    Ok(Answer::Hits { hits, entities })
}

/// Entity names close to `term` (fuzzy, as the finder ranks them), for a
/// "did you mean".
fn near_names(index: &Index, term: &str) -> Vec<String> {
    use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
    use nucleo_matcher::{Config, Matcher, Utf32Str};
    let pat = Pattern::parse(term, CaseMatching::Ignore, Normalization::Smart);
    let mut m = Matcher::new(Config::DEFAULT);
    let mut buf = Vec::new();
    let mut scored: Vec<(u32, usize, &str)> = index
        .entities
        .iter()
        .flat_map(|e| {
            std::iter::once(e.name.as_str())
                .chain(e.aliases.iter().map(|a| a.name.as_str()))
                .map(move |n| (e, n))
        })
        .filter_map(|(e, n)| {
            pat.score(Utf32Str::new(n, &mut buf), &mut m)
                .map(|s| (s, e.mentions.len(), e.name.as_str()))
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)));
    let mut out: Vec<String> = Vec::new();
    for (_, _, name) in scored {
        if !out.iter().any(|n| n == name) {
            out.push(name.to_string());
        }
        if out.len() == 5 {
            break;
        }
    }
    out
}

/// The hits to print, by document in corpus order: at most
/// [`PER_DOC`] per document and `max` in all, unless `all`.
pub fn hit_groups(
    hits: &Hits,
    search: &SearchIndex,
    docs: &[Document],
    all: bool,
    max: usize,
) -> Vec<DocHits> {
    let mut out = Vec::new();
    let mut left = if all { usize::MAX } else { max };
    for &(doc, count) in &hits.docs {
        if left == 0 {
            break;
        }
        let per = if all { usize::MAX } else { PER_DOC.min(left) };
        let shown: Vec<Range<usize>> = search
            .doc_hits(&hits.query, doc, &docs[doc].text)
            .into_iter()
            .take(per)
            .collect();
        left -= shown.len();
        out.push(DocHits { doc, count, shown });
    }
    out
}

/// The line (from 1) of the source file that byte `pos` of `doc`'s text
/// comes from.
pub fn line_of(doc: &Document, pos: usize) -> usize {
    let src = doc.source_range(&(pos..pos)).start.min(doc.source.len());
    doc.source.as_bytes()[..src]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Look `opts.term` up in the corpus and print the answer to `out`;
/// problems go to `err`. Returns the exit code: 0 found, 1 nothing found,
/// 2 error.
pub fn run(
    docs: &[Document],
    index: &Index,
    opts: &Options,
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
) -> u8 {
    let search = SearchIndex::build(docs);
    let mode = if opts.regex { Mode::Regex } else { Mode::Words };
    let answer = match resolve(docs, index, &search, &opts.term, mode) {
        Ok(a) => a,
        Err(e) => {
            let _ = writeln!(err, "crossread: {}", crate::text::sanitize::sanitize(&e));
            return 2;
        }
    };
    let code = match &answer {
        Answer::Nothing { .. } => 1,
        _ => 0,
    };
    let written = if opts.json {
        let v = json::answer(docs, index, &search, &answer, opts);
        serde_json::to_string_pretty(&v)
            .map_err(std::io::Error::other)
            .and_then(|s| writeln!(out, "{s}"))
    } else {
        if let Answer::Nothing { near } = &answer {
            let _ = writeln!(err, "{}", plain::nothing(docs.len(), opts, near));
            return 1;
        }
        let text = plain::answer(docs, index, &search, &answer, opts);
        out.write_all(text.as_bytes())
    };
    match written {
        Ok(()) => code,
        // A closed pipe (`| head`) is not an error worth a message.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => code,
        Err(e) => {
            let _ = writeln!(err, "crossread: cannot write the answer: {e}");
            2
        }
    }
}
