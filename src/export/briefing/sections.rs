//! The sections of a briefing of the corpus or of one entity.

use super::statements::{self, Pair, Statement};
use super::{Options, cite, md, timeline, variants};
use crate::corpus::Document;
use crate::index::Index;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::fmt::Write;

/// At most this many sources are named in one list (a date on the
/// timeline, a claim's copies).
pub const MAX_NAMES: usize = 5;
/// At most this many sources are cited under one claim.
const MAX_CITATIONS: usize = 8;

/// `a, b, c and 12 more`.
pub fn name_list(docs: &[Document], index: &Index, who: &[usize]) -> String {
    let names: Vec<String> = who
        .iter()
        .take(MAX_NAMES)
        .map(|&d| cite::short(docs, index, d))
        .collect();
    let more = who.len().saturating_sub(MAX_NAMES);
    if more > 0 {
        format!("{} and {more} more", names.join(", "))
    } else {
        names.join(", ")
    }
}

/// What the analysis says about the claims in scope, computed once.
pub struct Digest {
    pub statements: Vec<Statement>,
    pub conflicts: Vec<Pair>,
    pub variants: Vec<Pair>,
}

impl Digest {
    pub fn new(docs: &[Document], index: &Index, in_scope: &dyn Fn(usize) -> bool) -> Digest {
        let statements = statements::statements(index, in_scope);
        let (conflicts, variants) = statements::pairs(docs, index, in_scope);
        Digest {
            statements,
            conflicts,
            variants,
        }
    }
}

pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The corpus (or the part of it `doc_set` holds) in one paragraph.
pub fn corpus(
    out: &mut String,
    docs: &[Document],
    index: &Index,
    doc_set: &[usize],
    entity: Option<usize>,
    digest: Option<&Digest>,
) {
    let mut p = String::new();
    if let Some(e) = entity {
        let ent = &index.entities[e];
        let aliases: Vec<String> = ent.aliases.iter().map(|a| md::text(&a.name)).collect();
        let also = if aliases.is_empty() {
            String::new()
        } else {
            format!("; also called {}", aliases.join(", "))
        };
        let _ = write!(
            p,
            "**{}** ({}{also}) is mentioned {} in {} of the {} documents",
            md::text(&ent.name),
            ent.kind.label(),
            plural(ent.mentions.len(), "time", "times"),
            doc_set.len(),
            docs.len()
        );
    } else {
        let _ = write!(
            p,
            "This briefing draws on {}",
            plural(doc_set.len(), "document", "documents")
        );
    }
    let groups: HashSet<usize> = doc_set.iter().map(|&d| index.cluster[d]).collect();
    let copies = doc_set.len() - groups.len();
    if copies > 0 {
        let _ = write!(
            p,
            " ({} independent: {} of another and counted once)",
            groups.len(),
            if copies == 1 {
                "one is a copy".to_string()
            } else {
                format!("{copies} are copies")
            }
        );
    }
    let mut outlets: Vec<String> = doc_set
        .iter()
        .filter_map(|&d| index.docs[d].meta.source.clone())
        .collect();
    outlets.sort();
    outlets.dedup();
    let unnamed = doc_set
        .iter()
        .filter(|&&d| index.docs[d].meta.source.is_none())
        .count();
    match outlets.len() {
        0 => p.push_str(", none of which names its outlet"),
        n => {
            let shown: Vec<String> = outlets
                .iter()
                .take(8)
                .map(|o| format!("*{}*", md::text(o)))
                .collect();
            let more = if n > 8 {
                format!(" and {} more", n - 8)
            } else {
                String::new()
            };
            let none = if unnamed > 0 {
                format!(
                    "; {unnamed} {} none",
                    if unnamed == 1 { "names" } else { "name" }
                )
            } else {
                String::new()
            };
            let _ = write!(
                p,
                "{} from {} ({}{more}{none})",
                if entity.is_some() { "," } else { "" },
                plural(n, "named outlet", "named outlets"),
                shown.join(", ")
            );
        }
    }
    let mut dates: Vec<_> = doc_set
        .iter()
        .filter_map(|&d| index.docs[d].meta.date.map(|x| x.0))
        .collect();
    dates.sort();
    let undated = doc_set.len() - dates.len();
    match (dates.first(), dates.last()) {
        (Some(a), Some(b)) if a == b => {
            let _ = write!(p, ", published on {a}");
        }
        (Some(a), Some(b)) => {
            let _ = write!(p, ", published between {a} and {b}");
        }
        _ => p.push_str(if doc_set.len() == 1 {
            ", undated"
        } else {
            ", all undated"
        }),
    }
    if undated > 0 && !dates.is_empty() {
        let _ = write!(p, " ({undated} undated)");
    }
    p.push('.');
    if let Some(d) = digest {
        let multi = d.statements.iter().filter(|s| s.sources > 1).count();
        let single = d.statements.len() - multi;
        let _ = write!(
            p,
            " The analysis found {}{}: {} made by two or more independent sources and {} by one only; {} between sources and {}.",
            plural(d.statements.len(), "distinct claim", "distinct claims"),
            if entity.is_some() {
                " that name it"
            } else {
                ""
            },
            multi,
            single,
            plural(d.conflicts.len(), "conflict", "conflicts"),
            plural(
                d.variants.len(),
                "quotation worded differently",
                "quotations worded differently"
            ),
        );
    }
    out.push_str(&p);
    out.push_str("\n\n");
}

/// Key claims, conflicts and quote variants, timeline and entities.
pub fn body(
    out: &mut String,
    docs: &[Document],
    index: &Index,
    opts: &Options,
    digest: &Digest,
    entity: Option<usize>,
    cited: &mut Vec<usize>,
) {
    key_claims(out, docs, index, opts, digest, cited);
    variants::conflicts_and_variants(out, docs, index, opts, digest, cited);
    timeline::timeline(out, docs, index, opts, entity, cited);
    entities(out, index, opts, digest, entity);
}

fn sources_label(n: usize) -> String {
    if n > 1 {
        format!("**{n} independent sources**")
    } else {
        "**Single source**".to_string()
    }
}

/// One statement as a list item: its text, then one line per source.
pub fn statement_item(
    out: &mut String,
    docs: &[Document],
    index: &Index,
    n: usize,
    s: &Statement,
    note: Option<&str>,
    cited: &mut Vec<usize>,
) {
    let rep = &index.claims[s.rep];
    let rep_text = &docs[rep.doc].text[rep.range.clone()];
    let _ = writeln!(
        out,
        "{n}. {} — {}",
        sources_label(s.sources),
        md::short(rep_text, 400)
    );
    if let Some(note) = note.filter(|n| !n.is_empty()) {
        let _ = writeln!(out, "   - Note: {}", md::text(note));
    }
    let same = |a: &str, b: &str| md::shorten(a, 400) == md::shorten(b, 400);
    let citations = s.citations(index);
    for c in citations.iter().take(MAX_CITATIONS) {
        cited.push(c.doc);
        cited.extend(c.copies.iter().take(MAX_NAMES));
        let cl = &index.claims[c.claim];
        let text = &docs[cl.doc].text[cl.range.clone()];
        let mut line = format!("   - {}", cite::cite(docs, index, c.doc));
        if !same(text, rep_text) {
            let _ = write!(line, ": “{}”", md::short(text, 240));
        }
        if !c.copies.is_empty() {
            let _ = write!(
                line,
                " (also in {}: {})",
                if c.copies.len() == 1 {
                    "a copy"
                } else {
                    "copies"
                },
                name_list(docs, index, &c.copies)
            );
        }
        let _ = writeln!(out, "{line}");
    }
    if citations.len() > MAX_CITATIONS {
        let _ = writeln!(
            out,
            "   - and {} more independent sources",
            citations.len() - MAX_CITATIONS
        );
    }
    for l in index.links[s.rep]
        .iter()
        .filter(|l| l.conflict.is_some())
        .take(3)
    {
        if let Some(conflict) = &l.conflict {
            let other = index.claims[l.to].doc;
            cited.push(other);
            let _ = writeln!(
                out,
                "   - Conflict with {}: {}",
                cite::short(docs, index, other),
                md::text(conflict)
            );
        }
    }
}

fn key_claims(
    out: &mut String,
    docs: &[Document],
    index: &Index,
    opts: &Options,
    d: &Digest,
    cited: &mut Vec<usize>,
) {
    out.push_str("## Key claims\n\n");
    if d.statements.is_empty() {
        out.push_str("No claims were found.\n\n");
        return;
    }
    out.push_str(
        "Ranked by the number of independent sources that make them (copies of one article count once).\n\n",
    );
    let multi = d.statements.iter().filter(|s| s.sources > 1).count();
    let shown = opts.max_claims.max(multi.min(opts.max_claims * 2));
    for (i, s) in d.statements.iter().take(shown).enumerate() {
        statement_item(out, docs, index, i + 1, s, None, cited);
    }
    let rest = &d.statements[shown.min(d.statements.len())..];
    if !rest.is_empty() {
        let single = rest.iter().filter(|s| s.sources == 1).count();
        let which = if single == rest.len() {
            "made by a single source".to_string()
        } else {
            format!("({single} of them made by a single source)")
        };
        let _ = writeln!(
            out,
            "\n{} {which} {} not listed (`crossread export --format json` has every claim).",
            plural(rest.len(), "more claim", "more claims"),
            if rest.len() == 1 { "is" } else { "are" }
        );
    }
    out.push('\n');
}

fn entities(out: &mut String, index: &Index, opts: &Options, d: &Digest, entity: Option<usize>) {
    let groups = |e: usize| -> usize {
        index.entities[e]
            .per_doc
            .iter()
            .map(|(doc, _)| index.cluster[*doc])
            .collect::<BTreeSet<_>>()
            .len()
    };
    let rows: Vec<usize> = match entity {
        None => {
            out.push_str("## Entities involved\n\n");
            let mut rows: Vec<usize> = (0..index.entities.len())
                .filter(|&e| index.entities[e].mentions.len() > 1)
                .collect();
            rows.sort_by_key(|&e| {
                (
                    std::cmp::Reverse(groups(e)),
                    std::cmp::Reverse(index.entities[e].mentions.len()),
                    e,
                )
            });
            rows
        }
        Some(x) => {
            out.push_str("## Entities named with it\n\n");
            let mut together: HashMap<usize, usize> = HashMap::new();
            for s in &d.statements {
                for e in &index.claims[s.rep].entities {
                    if *e != x {
                        *together.entry(*e).or_default() += 1;
                    }
                }
            }
            let mut rows: Vec<usize> = together.keys().copied().collect();
            rows.sort_by_key(|e| {
                (
                    std::cmp::Reverse(together[e]),
                    std::cmp::Reverse(groups(*e)),
                    *e,
                )
            });
            rows
        }
    };
    if rows.is_empty() {
        out.push_str("None.\n\n");
        return;
    }
    out.push_str("| entity | kind | sources | mentions | also called |\n|---|---|---|---|---|\n");
    for &e in rows.iter().take(opts.max_entities) {
        let ent = &index.entities[e];
        let aliases: Vec<String> = ent.aliases.iter().map(|a| md::text(&a.name)).collect();
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            md::text(&ent.name),
            ent.kind.label(),
            groups(e),
            ent.mentions.len(),
            aliases.join(", ")
        );
    }
    if rows.len() > opts.max_entities {
        let _ = writeln!(
            out,
            "\n{} not listed.",
            plural(
                rows.len() - opts.max_entities,
                "more entity",
                "more entities"
            )
        );
    }
    out.push('\n');
}

/// The documents cited, in corpus order, with their paths; `of` is how
/// many documents the briefing draws on.
pub fn sources(out: &mut String, docs: &[Document], index: &Index, cited: &[usize], of: usize) {
    let mut set: Vec<usize> = cited.to_vec();
    set.sort_unstable();
    set.dedup();
    if set.is_empty() {
        return;
    }
    out.push_str("## Sources\n\n");
    let flags = cite::copy_flags(index);
    let fullers = cite::fullers(index);
    for &d in &set {
        let mut line = format!("- {}", cite::cite(docs, index, d));
        if let (Some(_), Some(a)) = (&index.docs[d].meta.source, &index.docs[d].meta.author) {
            let _ = write!(line, ", by {}", md::text(a));
        }
        if flags[d] {
            let _ = write!(
                line,
                " (a copy of {})",
                cite::short(docs, index, fullers[d])
            );
        }
        let _ = writeln!(out, "{line} · {}", md::code(&docs[d].display_path));
    }
    if of > set.len() {
        let rest = of - set.len();
        let _ = writeln!(
            out,
            "\n{} not cited above.",
            plural(rest, "other document is", "other documents are")
        );
    }
    out.push('\n');
}
