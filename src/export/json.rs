//! The JSON and JSON Lines export, streamed: typed records that borrow from
//! the documents and the index, serialised straight into a writer. Nothing
//! is gathered first (no `serde_json::Value` tree, no copies of the text), so
//! the export needs little memory beyond the index itself.

use super::VERSION;
use super::chunks::{Sep, write_par};
use crate::analysis::links::explain::Basis;
use crate::corpus::{AliasFile, Document, Format, LoadIssue};
use crate::index::Index;
use serde::ser::{Serialize, SerializeStruct, Serializer};
use std::io::{self, Write};
use std::ops::Range;

/// What the export says besides the analysis: files the loader skipped or
/// read in part (each issue is listed under `skipped`), and the alias files
/// that applied.
#[derive(Debug, Default, Clone, Copy)]
pub struct Extras<'a> {
    pub issues: &'a [LoadIssue],
    pub alias_files: &'a [AliasFile],
}

/// Round a score to 3 decimals (0.6499999761581421 → 0.65).
fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn round3_f64<S: Serializer>(x: &f64, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64(round3(*x))
}

fn round3_f32<S: Serializer>(x: &f32, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64(round3(f64::from(*x)))
}

/// A sequence produced on demand, serialised item by item.
struct Seq<F>(F);

impl<F, I> Serialize for Seq<F>
where
    F: Fn() -> I,
    I: Iterator,
    I::Item: Serialize,
{
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq((self.0)())
    }
}

/// A map produced on demand.
struct Map<F>(F);

impl<F, I, K, V> Serialize for Map<F>
where
    F: Fn() -> I,
    I: Iterator<Item = (K, V)>,
    K: Serialize,
    V: Serialize,
{
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map((self.0)())
    }
}

/// Serialised with `Display` (a date), without an owned string.
struct Shown<T>(T);

impl<T: std::fmt::Display> Serialize for Shown<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

type Tag = Option<&'static str>;

fn span(doc: &Document, r: &Range<usize>) -> (usize, usize) {
    let s = doc.source_range(r);
    (s.start, s.end)
}

#[derive(serde::Serialize)]
struct SkippedRec<'a> {
    path: String,
    reason: &'a str,
    /// `none`: the file was skipped; `partly`: it was read with a problem.
    read: &'static str,
}

fn skipped<'a>(issues: &'a [LoadIssue]) -> impl Iterator<Item = SkippedRec<'a>> + 'a {
    issues.iter().map(|i| SkippedRec {
        path: i.path.display().to_string(),
        reason: &i.problem,
        read: if i.skipped { "none" } else { "partly" },
    })
}

#[derive(serde::Serialize)]
struct AliasFileRec {
    path: String,
    from_corpus: bool,
    merges: usize,
    names: usize,
    splits: usize,
}

fn alias_files(files: &[AliasFile]) -> impl Iterator<Item = AliasFileRec> + '_ {
    files.iter().map(|f| AliasFileRec {
        path: f.path.display().to_string(),
        from_corpus: f.from_corpus,
        merges: f.merges,
        names: f.names,
        splits: f.splits,
    })
}

#[derive(serde::Serialize)]
struct SpanRec<K> {
    start: usize,
    end: usize,
    kind: K,
}

#[derive(serde::Serialize)]
struct DocumentRec<'a, B> {
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    tag: Tag,
    id: &'a str,
    path: &'a str,
    title: &'a str,
    format: &'static str,
    date: Option<Shown<chrono::NaiveDate>>,
    date_basis: Option<&'static str>,
    reference_date: Option<Shown<chrono::NaiveDate>>,
    reference_basis: Option<crate::analysis::ReferenceBasis>,
    source: Option<&'a str>,
    outlet: Option<&'a str>,
    outlet_basis: Option<crate::analysis::metadata::SourceBasis>,
    author: Option<&'a str>,
    sentences: usize,
    story: &'a str,
    boilerplate: B,
}

fn documents<'a>(
    docs: &'a [Document],
    index: &'a Index,
    tag: Tag,
    r: Range<usize>,
) -> impl Iterator<Item = impl Serialize + 'a> + 'a {
    let first = r.start;
    docs[r.clone()]
        .iter()
        .zip(&index.docs[r])
        .enumerate()
        .map(move |(k, (d, a))| (first + k, d, a))
        .map(move |(i, d, a)| DocumentRec {
            tag,
            id: &d.slug,
            path: &d.display_path,
            title: &d.title,
            format: match d.format {
                Format::Markdown => "markdown",
                Format::Text => "text",
            },
            date: a.meta.date.map(|x| Shown(x.0)),
            date_basis: a.meta.date.map(|x| crate::analysis::date_basis_name(x.1)),
            reference_date: a.reference.map(|x| Shown(x.0)),
            reference_basis: a.reference.map(|x| x.1),
            source: a.meta.source.as_deref(),
            outlet: a.meta.source.as_deref(),
            outlet_basis: a.meta.source_basis,
            author: a.meta.author.as_deref(),
            sentences: a.sentences.len(),
            story: &docs[index.story[i]].slug,
            boilerplate: Seq(move || {
                a.boilerplate.iter().map(move |b| {
                    let (start, end) = span(d, &b.range);
                    SpanRec {
                        start,
                        end,
                        kind: b.kind,
                    }
                })
            }),
        })
}

#[derive(serde::Serialize)]
struct MentionRec<'a> {
    doc: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
}

#[derive(serde::Serialize)]
struct EntityRec<'a, A, P, M> {
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    tag: Tag,
    id: usize,
    name: &'a str,
    kind: crate::analysis::entities::EntityKind,
    aliases: A,
    alias_kinds: &'a [crate::analysis::entities::Alias],
    place: Option<crate::analysis::entities::PlaceScope>,
    capital_of: Option<usize>,
    mentions_per_document: P,
    mentions: M,
}

fn entities<'a>(
    docs: &'a [Document],
    index: &'a Index,
    tag: Tag,
    r: Range<usize>,
) -> impl Iterator<Item = impl Serialize + 'a> + 'a {
    index.entities[r].iter().map(move |e| EntityRec {
        tag,
        id: e.id,
        name: &e.name,
        kind: e.kind,
        aliases: Seq(move || e.aliases.iter().map(|a| a.name.as_str())),
        alias_kinds: &e.aliases,
        place: e.place,
        capital_of: e.capital_of,
        mentions_per_document: Map(move || {
            e.per_doc
                .iter()
                .map(move |&(d, n)| (docs[d].slug.as_str(), n))
        }),
        mentions: Seq(move || {
            e.mentions.iter().map(move |&m| {
                let m = &index.mentions[m];
                let d = &docs[m.doc];
                let (start, end) = span(d, &m.range);
                MentionRec {
                    doc: &d.slug,
                    start,
                    end,
                    text: &d.text[m.range.clone()],
                }
            })
        }),
    })
}

#[derive(serde::Serialize)]
struct EventRec<'a> {
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    tag: Tag,
    date: Option<String>,
    date_end: Option<String>,
    resolved: bool,
    precision: Option<crate::analysis::dates::Precision>,
    qualifier: Option<crate::analysis::dates::Qualifier>,
    relative: bool,
    text: &'a str,
    doc: &'a str,
    start: usize,
    end: usize,
    sentence: &'a str,
}

fn events<'a>(
    docs: &'a [Document],
    index: &'a Index,
    tag: Tag,
    r: Range<usize>,
) -> impl Iterator<Item = EventRec<'a>> + 'a {
    index.timeline[r].iter().map(move |&i| {
        let e = &index.events[i];
        let d = &docs[e.doc];
        let (start, end) = span(d, &e.range);
        EventRec {
            tag,
            date: e.date.map(|x| x.iso()),
            date_end: e.end.map(|x| x.iso()),
            resolved: e.date.is_some(),
            precision: e.precision(),
            qualifier: e.qualifier,
            relative: e.relative,
            text: &d.text[e.range.clone()],
            doc: &d.slug,
            start,
            end,
            sentence: &d.text[index.docs[e.doc].sentences[e.sentence].clone()],
        }
    })
}

#[derive(serde::Serialize)]
struct QuoteRec<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

#[derive(serde::Serialize)]
struct LinkRec<'a> {
    claim: usize,
    doc: &'a str,
    relation: crate::analysis::links::Relation,
    #[serde(serialize_with = "round3_f32")]
    score: f32,
    duplicate: bool,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    diff: &'a [crate::analysis::links::DiffOp],
    #[serde(skip_serializing_if = "Option::is_none")]
    conflict: Option<&'a str>,
    basis: Basis,
    paraphrase: bool,
}

#[derive(serde::Serialize)]
struct ClaimRec<'a, E, L> {
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    tag: Tag,
    id: usize,
    doc: &'a str,
    start: usize,
    end: usize,
    kind: crate::analysis::claims::ClaimKind,
    text: &'a str,
    quote: Option<QuoteRec<'a>>,
    speaker: Option<&'a str>,
    entities: E,
    sources: usize,
    statement: usize,
    links: L,
}

fn claims<'a>(
    docs: &'a [Document],
    index: &'a Index,
    tag: Tag,
    r: Range<usize>,
) -> impl Iterator<Item = impl Serialize + 'a> + 'a {
    index.claims[r].iter().map(move |c| {
        let d = &docs[c.doc];
        let (start, end) = span(d, &c.range);
        ClaimRec {
            tag,
            id: c.id,
            doc: &d.slug,
            start,
            end,
            kind: c.kind,
            text: &d.text[c.range.clone()],
            quote: c.quote.as_ref().map(|q| {
                let (start, end) = span(d, q);
                QuoteRec {
                    start,
                    end,
                    text: &d.text[q.clone()],
                }
            }),
            speaker: c.speaker.map(|e| index.entities[e].name.as_str()),
            entities: Seq(move || c.entities.iter().map(|&e| index.entities[e].name.as_str())),
            sources: index.statement_sources(c.id),
            statement: index.statement_of[c.id],
            links: Seq(move || {
                index.links[c.id].iter().map(move |l| LinkRec {
                    claim: l.to,
                    doc: &docs[index.claims[l.to].doc].slug,
                    relation: l.relation,
                    score: l.score,
                    duplicate: l.duplicate,
                    diff: &l.diff,
                    conflict: l.conflict.as_deref(),
                    basis: index.explain(docs, c.id, l.to),
                    paraphrase: l.paraphrase,
                })
            }),
        }
    })
}

#[derive(serde::Serialize)]
struct DuplicateRec<'a> {
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    tag: Tag,
    a: &'a str,
    b: &'a str,
    relation: crate::analysis::duplicates::DupRelation,
    #[serde(serialize_with = "round3_f64")]
    overlap: f64,
    fuller: &'a str,
}

fn duplicates<'a>(
    docs: &'a [Document],
    index: &'a Index,
    tag: Tag,
    r: Range<usize>,
) -> impl Iterator<Item = DuplicateRec<'a>> + 'a {
    index.duplicates[r].iter().map(move |x| DuplicateRec {
        tag,
        a: &docs[x.a].slug,
        b: &docs[x.b].slug,
        relation: x.relation,
        overlap: x.overlap,
        fuller: &docs[x.fuller].slug,
    })
}

/// The whole export as one JSON object.
pub struct Export<'a> {
    pub docs: &'a [Document],
    pub index: &'a Index,
    pub extras: Extras<'a>,
}

impl Serialize for Export<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (docs, index, extras) = (self.docs, self.index, self.extras);
        let mut o = s.serialize_struct("Export", 8)?;
        o.serialize_field("version", &VERSION)?;
        o.serialize_field("alias_files", &Seq(|| alias_files(extras.alias_files)))?;
        o.serialize_field("skipped", &Seq(|| skipped(extras.issues)))?;
        o.serialize_field(
            "documents",
            &Seq(|| documents(docs, index, None, 0..docs.len())),
        )?;
        o.serialize_field(
            "entities",
            &Seq(|| entities(docs, index, None, 0..index.entities.len())),
        )?;
        o.serialize_field(
            "events",
            &Seq(|| events(docs, index, None, 0..index.timeline.len())),
        )?;
        o.serialize_field(
            "claims",
            &Seq(|| claims(docs, index, None, 0..index.claims.len())),
        )?;
        o.serialize_field(
            "duplicates",
            &Seq(|| duplicates(docs, index, None, 0..index.duplicates.len())),
        )?;
        o.end()
    }
}

/// Write the export as one JSON object (compact, or indented with
/// `pretty`), followed by a line break. Compact output is made in parallel
/// (see [`write_par`]); indented output in one pass of [`Export`].
pub fn write_json<W: Write>(w: W, export: &Export, pretty: bool) -> io::Result<()> {
    let mut w = w;
    if pretty {
        serde_json::to_writer_pretty(&mut w, export)?;
    } else {
        write_compact(&mut w, export)?;
    }
    w.write_all(b"\n")?;
    w.flush()
}

/// Records per chunk of [`write_par`]: an entity (with all its mentions)
/// is a chunk of its own.
const CHUNK: usize = 256;

/// The compact JSON object, field by field as [`Export`] writes it, its
/// arrays made by [`write_par`].
fn write_compact<W: Write + ?Sized>(w: &mut W, export: &Export) -> io::Result<()> {
    let (docs, index, extras) = (export.docs, export.index, export.extras);
    w.write_all(b"{\"version\":")?;
    serde_json::to_writer(&mut *w, &VERSION)?;
    w.write_all(b",\"alias_files\":")?;
    serde_json::to_writer(&mut *w, &Seq(|| alias_files(extras.alias_files)))?;
    w.write_all(b",\"skipped\":")?;
    serde_json::to_writer(&mut *w, &Seq(|| skipped(extras.issues)))?;
    w.write_all(b",\"documents\":[")?;
    write_par(w, docs.len(), CHUNK, Sep::Comma, |r| {
        documents(docs, index, None, r)
    })?;
    w.write_all(b"],\"entities\":[")?;
    write_par(w, index.entities.len(), 1, Sep::Comma, |r| {
        entities(docs, index, None, r)
    })?;
    w.write_all(b"],\"events\":[")?;
    write_par(w, index.timeline.len(), CHUNK, Sep::Comma, |r| {
        events(docs, index, None, r)
    })?;
    w.write_all(b"],\"claims\":[")?;
    write_par(w, index.claims.len(), CHUNK, Sep::Comma, |r| {
        claims(docs, index, None, r)
    })?;
    w.write_all(b"],\"duplicates\":[")?;
    write_par(w, index.duplicates.len(), CHUNK, Sep::Comma, |r| {
        duplicates(docs, index, None, r)
    })?;
    w.write_all(b"]}")
}

#[derive(serde::Serialize)]
struct Counts {
    documents: usize,
    entities: usize,
    events: usize,
    claims: usize,
    links: usize,
    duplicates: usize,
    skipped: usize,
}

#[derive(serde::Serialize)]
struct Header<A, K> {
    #[serde(rename = "type")]
    tag: &'static str,
    version: u32,
    counts: Counts,
    alias_files: A,
    skipped: K,
}

fn line<W: Write, T: Serialize>(w: &mut W, item: &T) -> io::Result<()> {
    serde_json::to_writer(&mut *w, item)?;
    w.write_all(b"\n")
}

/// Write the export as JSON Lines: a header object (`"type": "header"`,
/// the version, the counts, the alias files and the skipped files), then one
/// object a line for each document, entity, event, claim and duplicate, in
/// that order, each tagged with its `type`.
pub fn write_jsonl<W: Write>(w: W, export: &Export) -> io::Result<()> {
    let (docs, index, extras) = (export.docs, export.index, export.extras);
    let mut w = w;
    let header = Header {
        tag: "header",
        version: VERSION,
        counts: Counts {
            documents: docs.len(),
            entities: index.entities.len(),
            events: index.events.len(),
            claims: index.claims.len(),
            links: index.links.iter().map(Vec::len).sum(),
            duplicates: index.duplicates.len(),
            skipped: skipped(extras.issues).count(),
        },
        alias_files: Seq(|| alias_files(extras.alias_files)),
        skipped: Seq(|| skipped(extras.issues)),
    };
    line(&mut w, &header)?;
    let tag = |t| Some(t);
    write_par(&mut w, docs.len(), CHUNK, Sep::Line, |r| {
        documents(docs, index, tag("document"), r)
    })?;
    write_par(&mut w, index.entities.len(), 1, Sep::Line, |r| {
        entities(docs, index, tag("entity"), r)
    })?;
    write_par(&mut w, index.timeline.len(), CHUNK, Sep::Line, |r| {
        events(docs, index, tag("event"), r)
    })?;
    write_par(&mut w, index.claims.len(), CHUNK, Sep::Line, |r| {
        claims(docs, index, tag("claim"), r)
    })?;
    write_par(&mut w, index.duplicates.len(), CHUNK, Sep::Line, |r| {
        duplicates(docs, index, tag("duplicate"), r)
    })?;
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_to_three_decimals() {
        assert_eq!(round3(f64::from(0.65f32)), 0.65);
        let mut out = Vec::new();
        round3_f32(&0.6499999f32, &mut serde_json::Serializer::new(&mut out)).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "0.65");
    }
}
