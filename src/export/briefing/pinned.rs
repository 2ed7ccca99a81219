//! The pinned items of a briefing, in the user's order, with their notes.

use super::sections;
use super::statements::{self, Pair, Statement};
use super::variants::pair_item;
use super::{cite, md};
use crate::analysis::links::Relation;
use crate::corpus::Document;
use crate::index::Index;
use crate::pins::{Pin, PinKind, Resolved, claim_at, event_at};
use std::fmt::Write;

fn note_line(out: &mut String, pin: &Pin) {
    if !pin.note.is_empty() {
        let _ = writeln!(out, "   - Note: {}", md::text(&pin.note));
    }
}

/// The sentence of `doc` around bytes `range`.
fn sentence(
    docs: &[Document],
    index: &Index,
    doc: usize,
    range: &std::ops::Range<usize>,
) -> String {
    let a = &index.docs[doc];
    match a.sentence_at(range.start) {
        Some(s) => docs[doc].text[a.sentences[s].clone()].to_string(),
        None => docs[doc].text[range.clone()].to_string(),
    }
}

pub fn items(
    out: &mut String,
    docs: &[Document],
    index: &Index,
    pins: &[Pin],
    resolved: &[Resolved],
    cited: &mut Vec<usize>,
) {
    let lost = resolved.iter().filter(|r| r.is_lost()).count();
    let _ = write!(
        out,
        "{} {} pinned",
        pins.len(),
        if pins.len() == 1 {
            "item is"
        } else {
            "items are"
        }
    );
    if lost > 0 {
        let _ = write!(
            out,
            "; {lost} can no longer be found in the corpus and {} marked lost",
            if lost == 1 { "is" } else { "are" }
        );
    }
    out.push_str(".\n\n## Pinned items\n\n");
    if pins.is_empty() {
        out.push_str("Nothing is pinned for this corpus yet.\n\n");
        return;
    }
    for (i, (pin, r)) in pins.iter().zip(resolved).enumerate() {
        let n = i + 1;
        match r {
            Resolved::Lost { why } => lost_item(out, n, pin, why),
            Resolved::Entity { entity, .. } => {
                entity_item(out, docs, index, n, pin, *entity, cited)
            }
            Resolved::Text { doc, range, moved } => {
                let claim = (pin.kind == PinKind::Claim)
                    .then(|| claim_at(index, *doc, range))
                    .flatten();
                match (pin.kind, claim) {
                    (PinKind::Claim, Some(c)) => claim_item(out, docs, index, n, pin, c, cited),
                    _ => {
                        cited.push(*doc);
                        text_item(out, docs, index, n, pin, *doc, range)
                    }
                }
                if *moved {
                    out.push_str("   - (found again after its file changed)\n");
                }
            }
        }
    }
    out.push('\n');
}

fn lost_item(out: &mut String, n: usize, pin: &Pin, why: &str) {
    let what = match (&pin.entity, &pin.anchor) {
        (Some(e), _) => md::text(e),
        (None, Some(a)) => format!("“{}”", md::short(&a.text, 300)),
        (None, None) => String::new(),
    };
    let _ = writeln!(out, "{n}. **Lost {}** — {what}", pin.kind.label());
    let _ = writeln!(out, "   - Not found: {}", md::text(why));
    note_line(out, pin);
}

fn claim_item(
    out: &mut String,
    docs: &[Document],
    index: &Index,
    n: usize,
    pin: &Pin,
    c: usize,
    cited: &mut Vec<usize>,
) {
    let s = Statement {
        rep: c,
        sources: statements::independent_sources(index, c),
        weight: 0.0,
    };
    sections::statement_item(out, docs, index, n, &s, Some(&pin.note), cited);
    // Its quotation as other sources word it: once per group of copies,
    // from the fuller one.
    let mut shown: Vec<usize> = Vec::new();
    let mut variants: Vec<&crate::analysis::links::Link> = index.links[c]
        .iter()
        .filter(|l| l.relation == Relation::QuoteVariant && !l.duplicate)
        .collect();
    variants.sort_by_key(|l| cite::is_copy(index, index.claims[l.to].doc));
    for l in variants {
        let group = index.cluster[index.claims[l.to].doc];
        if shown.contains(&group) {
            continue;
        }
        if shown.is_empty() {
            out.push_str("   - Worded differently elsewhere (words only in the first struck, only in the second bold):\n");
        }
        shown.push(group);
        let p = Pair {
            a: c,
            b: l.to,
            relation: l.relation,
            conflict: None,
            diff: l.diff.clone(),
        };
        pair_item(out, docs, index, shown.len(), &p, "     ", cited);
    }
}

fn text_item(
    out: &mut String,
    docs: &[Document],
    index: &Index,
    n: usize,
    pin: &Pin,
    doc: usize,
    range: &std::ops::Range<usize>,
) {
    let head = match pin.kind {
        PinKind::Event => {
            let date = event_at(index, doc, range)
                .map(|e| super::timeline::event_date(index, e))
                .or_else(|| pin.date.clone())
                .unwrap_or_default();
            format!("**Event** · **{}**", md::text(&date))
        }
        PinKind::SearchHit => format!(
            "**Search hit** for “{}”",
            md::text(pin.query.as_deref().unwrap_or(""))
        ),
        // A claim the analysis no longer finds there (the file changed).
        _ => format!(
            "**{}** (no longer analysed as a claim)",
            capital(pin.kind.label())
        ),
    };
    let _ = writeln!(
        out,
        "{n}. {head} — {}",
        md::short(&sentence(docs, index, doc, range), 400)
    );
    let _ = writeln!(out, "   - {}", cite::cite(docs, index, doc));
    note_line(out, pin);
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
}

fn entity_item(
    out: &mut String,
    docs: &[Document],
    index: &Index,
    n: usize,
    pin: &Pin,
    e: usize,
    cited: &mut Vec<usize>,
) {
    let ent = &index.entities[e];
    let groups: std::collections::BTreeSet<usize> =
        ent.per_doc.iter().map(|(d, _)| index.cluster[*d]).collect();
    let aliases: Vec<String> = ent.aliases.iter().map(|a| md::text(&a.name)).collect();
    let also = if aliases.is_empty() {
        String::new()
    } else {
        format!("; also called {}", aliases.join(", "))
    };
    let _ = writeln!(
        out,
        "{n}. **Entity** · **{}** ({}{also}) — mentioned {} times in {} documents ({} independent)",
        md::text(&ent.name),
        ent.kind.label(),
        ent.mentions.len(),
        ent.per_doc.len(),
        groups.len()
    );
    note_line(out, pin);
    let about = |c: usize| {
        let cl = &index.claims[c];
        cl.entities.contains(&e) || cl.speaker == Some(e)
    };
    let top = statements::statements(index, &about);
    for s in top.iter().take(3) {
        let cl = &index.claims[s.rep];
        let cites = s.citations(index);
        let names: Vec<String> = cites
            .iter()
            .take(5)
            .map(|c| cite::short(docs, index, c.doc))
            .collect();
        cited.extend(cites.iter().take(5).map(|c| c.doc));
        let _ = writeln!(
            out,
            "   - {} — {} ({})",
            if s.sources > 1 {
                format!("{} sources", s.sources)
            } else {
                "single source".to_string()
            },
            md::short(&docs[cl.doc].text[cl.range.clone()], 240),
            names.join(", ")
        );
    }
}
