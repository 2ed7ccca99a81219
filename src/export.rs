//! `crossread export`: the analysis as versioned JSON (see README for the
//! schema) or as a Markdown briefing. Every `start`/`end` is a byte offset
//! into the document's text as loaded (for Markdown, the source file).

use crate::corpus::Document;
use crate::index::Index;
use serde_json::{Value, json};

pub mod briefing;

/// 2: `events[].date` (and `precision`) may be null, for a relative date
/// that nothing in its document fixes (`resolved: false`).
pub const VERSION: u32 = 2;

fn span(doc: &Document, r: &std::ops::Range<usize>) -> (usize, usize) {
    let s = doc.source_range(r);
    (s.start, s.end)
}

pub fn json(docs: &[Document], index: &Index) -> Value {
    let documents: Vec<Value> = docs
        .iter()
        .zip(&index.docs)
        .enumerate()
        .map(|(i, (d, a))| {
            let boiler: Vec<Value> = a
                .boilerplate
                .iter()
                .map(|b| {
                    let (start, end) = span(d, &b.range);
                    json!({"start": start, "end": end, "kind": b.kind})
                })
                .collect();
            json!({
                "id": d.slug,
                "path": d.display_path,
                "title": d.title,
                "format": match d.format { crate::corpus::Format::Markdown => "markdown", crate::corpus::Format::Text => "text" },
                "date": a.meta.date.map(|x| x.0.to_string()),
                "date_basis": a.meta.date.map(|x| crate::analysis::date_basis_name(x.1)),
                "reference_date": a.reference.map(|x| x.0.to_string()),
                "reference_basis": a.reference.map(|x| x.1),
                "source": a.meta.source,
                "outlet": a.meta.source,
                "outlet_basis": a.meta.source_basis,
                "author": a.meta.author,
                "sentences": a.sentences.len(),
                "story": docs[index.story[i]].slug,
                "boilerplate": boiler,
            })
        })
        .collect();
    let entities: Vec<Value> = index
        .entities
        .iter()
        .map(|e| {
            let mentions: Vec<Value> = e
                .mentions
                .iter()
                .map(|&m| {
                    let m = &index.mentions[m];
                    let d = &docs[m.doc];
                    let (start, end) = span(d, &m.range);
                    json!({"doc": d.slug, "start": start, "end": end, "text": &d.text[m.range.clone()]})
                })
                .collect();
            let per_doc: serde_json::Map<String, Value> = e.per_doc.iter().map(|(d, n)| (docs[*d].slug.clone(), json!(n))).collect();
            json!({
                "id": e.id,
                "name": e.name,
                "kind": e.kind,
                "aliases": e.aliases.iter().map(|a| a.name.clone()).collect::<Vec<_>>(),
                "alias_kinds": e.aliases.iter().map(|a| json!({"name": a.name, "kind": a.kind})).collect::<Vec<_>>(),
                "place": e.place,
                "capital_of": e.capital_of,
                "mentions_per_document": per_doc,
                "mentions": mentions,
            })
        })
        .collect();
    let events: Vec<Value> = index
        .timeline
        .iter()
        .map(|&i| {
            let e = &index.events[i];
            let d = &docs[e.doc];
            let (start, end) = span(d, &e.range);
            let sentence = &d.text[index.docs[e.doc].sentences[e.sentence].clone()];
            json!({
                "date": e.date.map(|x| x.iso()),
                "date_end": e.end.map(|x| x.iso()),
                "resolved": e.date.is_some(),
                "precision": e.precision(),
                "qualifier": e.qualifier,
                "relative": e.relative,
                "text": &d.text[e.range.clone()],
                "doc": d.slug,
                "start": start,
                "end": end,
                "sentence": sentence,
            })
        })
        .collect();
    let claims: Vec<Value> = index
        .claims
        .iter()
        .map(|c| {
            let d = &docs[c.doc];
            let (start, end) = span(d, &c.range);
            let quote = c.quote.as_ref().map(|q| {
                let (qs, qe) = span(d, q);
                json!({"start": qs, "end": qe, "text": &d.text[q.clone()]})
            });
            let links: Vec<Value> = index.links[c.id]
                .iter()
                .map(|l| {
                    let mut v = json!({
                        "claim": l.to,
                        "doc": docs[index.claims[l.to].doc].slug,
                        "relation": l.relation,
                        "score": (l.score * 1000.0).round() / 1000.0,
                        "duplicate": l.duplicate,
                    });
                    if !l.diff.is_empty() {
                        v["diff"] = json!(l.diff);
                    }
                    if let Some(conflict) = &l.conflict {
                        v["conflict"] = json!(conflict);
                    }
                    let basis = index.explain(docs, c.id, l.to);
                    v["basis"] = json!({
                        "names": basis.names,
                        "numbers": basis.numbers,
                        "dates": basis.dates,
                        "words": basis.words,
                        "meanings": basis.meanings,
                    });
                    v["paraphrase"] = json!(l.paraphrase);
                    v
                })
                .collect();
            json!({
                "id": c.id,
                "doc": d.slug,
                "start": start,
                "end": end,
                "kind": c.kind,
                "text": &d.text[c.range.clone()],
                "quote": quote,
                "speaker": c.speaker.map(|e| index.entities[e].name.clone()),
                "entities": c.entities.iter().map(|e| index.entities[*e].name.clone()).collect::<Vec<_>>(),
                "sources": index.statement_sources(c.id),
                "statement": index.statement_of[c.id],
                "links": links,
            })
        })
        .collect();
    let duplicates: Vec<Value> = index
        .duplicates
        .iter()
        .map(|x| {
            json!({
                "a": docs[x.a].slug,
                "b": docs[x.b].slug,
                "relation": x.relation,
                "overlap": (x.overlap * 1000.0).round() / 1000.0,
                "fuller": docs[x.fuller].slug,
            })
        })
        .collect();
    json!({
        "version": VERSION,
        "documents": documents,
        "entities": entities,
        "events": events,
        "claims": claims,
        "duplicates": duplicates,
    })
}

/// The Markdown briefing of the whole corpus (see [`briefing`]).
pub fn markdown(docs: &[Document], index: &Index) -> String {
    briefing::markdown(docs, index, &briefing::Options::default())
}
