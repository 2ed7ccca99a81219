//! The lookup's answer as JSON (documented in the README, "crossread
//! lookup --json"). Offsets are bytes of the document as loaded (for
//! Markdown the source file), as in the export; strings are the text as it
//! is (JSON escapes control characters).

use super::{Answer, Options, hit_groups, line_of};
use crate::card::{Card, CardClaim};
use crate::corpus::{DocId, Document};
use crate::index::Index;
use crate::search::{Mode, SearchIndex};
use serde_json::{Value, json};

/// The version of this shape.
pub const VERSION: u32 = 1;

fn doc_fields(docs: &[Document], index: &Index, d: DocId) -> Value {
    let meta = index.docs.get(d).map(|a| &a.meta);
    json!({
        "doc": docs[d].slug,
        "path": docs[d].display_path,
        "title": docs[d].title,
        "source": meta.and_then(|m| m.source.clone()),
        "date": meta.and_then(|m| m.date.map(|x| x.0.to_string())),
    })
}

fn with(mut base: Value, extra: Value) -> Value {
    if let (Some(b), Value::Object(e)) = (base.as_object_mut(), extra) {
        b.extend(e);
    }
    base
}

fn claim(docs: &[Document], index: &Index, c: &CardClaim) -> Value {
    let cl = &index.claims[c.claim];
    let src = docs[cl.doc].source_range(&cl.range);
    json!({
        "claim": c.claim,
        "doc": docs[c.doc].slug,
        "start": src.start,
        "end": src.end,
        "text": docs[cl.doc].text[cl.range.clone()],
        "kind": cl.kind.label(),
        "sources": c.sources,
        "also_in": c.also_in.iter().map(|&d| docs[d].slug.clone()).collect::<Vec<_>>(),
        "conflict": c.conflict,
    })
}

fn cut<T: Clone>(v: &[T], all: bool, n: usize) -> &[T] {
    if all { v } else { &v[..v.len().min(n)] }
}

fn card(docs: &[Document], index: &Index, card: &Card, opts: &Options) -> Value {
    let claims = |v: &[CardClaim]| -> Value {
        json!({
            "total": v.len(),
            "items": cut(v, opts.all, 8).iter().map(|c| claim(docs, index, c)).collect::<Vec<_>>(),
        })
    };
    json!({
        "id": card.entity,
        "name": card.name,
        "kind": card.kind,
        "mentions": card.mentions,
        "aliases": card.aliases.iter().map(|a| json!({"name": a.name, "how": a.how})).collect::<Vec<_>>(),
        "sources": {
            "total": card.sources.len(),
            "items": cut(&card.sources, opts.all, 12).iter().map(|s| with(doc_fields(docs, index, s.doc), json!({"mentions": s.mentions}))).collect::<Vec<_>>(),
        },
        "events": {
            "total": card.events.len(),
            "items": cut(&card.events, opts.all, 12).iter().map(|e| {
                let ev = &index.events[e.event];
                let src = docs[ev.doc].source_range(&ev.range);
                json!({
                    "date": e.date,
                    "date_end": e.date_end,
                    "text": docs[ev.doc].text[ev.range.clone()],
                    "doc": docs[ev.doc].slug,
                    "start": src.start,
                    "end": src.end,
                    "sentence": e.sentence,
                })
            }).collect::<Vec<_>>(),
        },
        "corroborated": claims(&card.corroborated),
        "single_source": claims(&card.single_source),
        "in_conflict": claims(&card.in_conflict),
        "appears_with": card.appears_with.iter().map(|p| json!({
            "entity": p.entity, "name": p.name, "kind": p.kind, "sentences": p.together,
        })).collect::<Vec<_>>(),
    })
}

/// The answer as JSON.
pub fn answer(
    docs: &[Document],
    index: &Index,
    search: &SearchIndex,
    answer: &Answer,
    opts: &Options,
) -> Value {
    let mut v = json!({
        "version": VERSION,
        "query": opts.term,
        "documents": docs.len(),
        "found": match answer {
            Answer::Entity(_) => "entity",
            Answer::Hits { .. } => "hits",
            Answer::Nothing { .. } => "nothing",
        },
        "entity": null,
        "hits": null,
        "named_with": [],
        "near": [],
    });
    match answer {
        Answer::Entity(e) => {
            if let Some(c) = Card::build(index, docs, *e) {
                v["entity"] = card(docs, index, &c, opts);
            }
        }
        Answer::Hits { hits, entities } => {
            let groups = hit_groups(hits, search, docs, opts.all, opts.max_hits);
            v["hits"] = json!({
                "mode": if hits.query.mode == Mode::Regex { "regex" } else { "words" },
                "case_sensitive": hits.query.case_sensitive,
                "total": hits.total,
                "documents": hits.docs.len(),
                "shown": groups.iter().map(|g| g.shown.len()).sum::<usize>(),
                "by_document": groups.iter().map(|g| {
                    let d = &docs[g.doc];
                    with(doc_fields(docs, index, g.doc), json!({
                        "count": g.count,
                        "hits": g.shown.iter().map(|r| {
                            let src = d.source_range(r);
                            let (b, m, a) = context_words(&d.text, r.clone());
                            json!({
                                "start": src.start,
                                "end": src.end,
                                "line": line_of(d, r.start),
                                "text": m,
                                "before": b,
                                "after": a,
                            })
                        }).collect::<Vec<_>>(),
                    }))
                }).collect::<Vec<_>>(),
            });
            v["named_with"] = entities
                .iter()
                .map(|&e| {
                    let ent = &index.entities[e];
                    json!({"id": e, "name": ent.name, "kind": ent.kind.label(), "mentions": ent.mentions.len()})
                })
                .collect();
        }
        Answer::Nothing { near } => {
            v["near"] = near.iter().map(|n| json!(n)).collect();
        }
    }
    v
}

/// About a hundred bytes of text before and after a hit, within its
/// paragraph, cut at words.
fn context_words(text: &str, r: std::ops::Range<usize>) -> (String, String, String) {
    let para_start = text[..r.start].rfind("\n\n").map_or(0, |i| i + 2);
    let para_end = text[r.end..].find("\n\n").map_or(text.len(), |i| r.end + i);
    let mut from = r.start.saturating_sub(100).max(para_start);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    if from > para_start
        && let Some(i) = text[from..r.start].find(' ')
    {
        from += i + 1;
    }
    let mut to = (r.end + 100).min(para_end);
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    if to < para_end
        && let Some(i) = text[r.end..to].rfind(' ')
    {
        to = r.end + i;
    }
    (
        text[from..r.start].to_string(),
        text[r.clone()].to_string(),
        text[r.end..to].to_string(),
    )
}
