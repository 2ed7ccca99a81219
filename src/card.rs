//! An entity's card: what the sources say about it, and when, on one
//! screen. A pure data model built from the index and the documents (no
//! terminal), so the reader draws it and a command line can print it.
//!
//! - name, kind, aliases and how each was merged;
//! - per source (title, outlet, date) its number of mentions;
//! - its dated events, in time order;
//! - the claims that mention it: corroborated by several independent
//!   sources, single-source, in conflict (each assertion once);
//! - the entities it appears with most (in the same sentences).

use crate::analysis::entities::AliasKind;
use crate::corpus::{DocId, Document};
use crate::index::Index;
use crate::search::finder::plain;
use serde::Serialize;
use std::collections::HashMap;

/// Where a row of the card leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "to", rename_all = "snake_case")]
pub enum Jump {
    /// A place in a document (a byte offset).
    Place {
        doc: DocId,
        pos: usize,
    },
    /// A dated event, by its index in the index's event list.
    Event {
        event: usize,
    },
    Claim {
        claim: usize,
    },
    /// Another entity's card.
    Entity {
        entity: usize,
    },
}

#[derive(Debug, Clone, Serialize)]
pub struct CardAlias {
    pub name: String,
    /// How the name was merged into the entity, in words.
    pub how: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct CardSource {
    pub doc: DocId,
    pub title: String,
    pub outlet: Option<String>,
    pub date: Option<String>,
    pub mentions: u32,
    /// Where the entity is first mentioned in it.
    pub first: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct CardEvent {
    pub event: usize,
    pub date: String,
    pub date_end: Option<String>,
    /// The date's words in the text.
    pub text: String,
    pub doc: DocId,
    pub sentence: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct CardClaim {
    pub claim: usize,
    pub doc: DocId,
    pub text: String,
    /// Independent documents that make it (itself included).
    pub sources: usize,
    /// The other documents that make it.
    pub also_in: Vec<DocId>,
    pub conflict: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CardPeer {
    pub entity: usize,
    pub name: String,
    pub kind: &'static str,
    /// Sentences in which both appear.
    pub together: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct Card {
    pub entity: usize,
    pub name: String,
    pub kind: &'static str,
    pub mentions: usize,
    pub aliases: Vec<CardAlias>,
    pub sources: Vec<CardSource>,
    pub events: Vec<CardEvent>,
    pub corroborated: Vec<CardClaim>,
    pub single_source: Vec<CardClaim>,
    pub in_conflict: Vec<CardClaim>,
    pub appears_with: Vec<CardPeer>,
}

/// How many entities are listed as appearing with it.
const PEERS: usize = 8;

/// How an alias came to name the entity, in words (the analysis records
/// the reason of every merge).
fn how_merged(k: AliasKind) -> &'static str {
    match k {
        AliasKind::Spelling => "the same name with other accents, hyphens, spaces or case",
        AliasKind::ShortForm => "another name of the same country or body",
        AliasKind::Demonym => "its people or adjective (demonym)",
        AliasKind::CompanySuffix => "the same company with or without its legal form",
        AliasKind::Acronym => "its acronym",
        AliasKind::PartialName => "part of the name, resolved to the full name",
        AliasKind::User => "merged by your alias file",
    }
}

impl Card {
    pub fn build(index: &Index, docs: &[Document], entity: usize) -> Option<Card> {
        let ent = index.entities.get(entity)?;
        let meta = |d: DocId| index.docs.get(d).map(|a| &a.meta);
        // Sources, by date (undated last), then title.
        let mut sources: Vec<CardSource> = ent
            .per_doc
            .iter()
            .map(|&(d, n)| CardSource {
                doc: d,
                title: plain(&docs[d].title),
                outlet: meta(d).and_then(|m| m.source.clone()),
                date: meta(d).and_then(|m| m.date.map(|x| x.0.to_string())),
                mentions: n,
                first: index
                    .doc_mentions(d)
                    .iter()
                    .find(|m| m.entity == entity)
                    .map_or(0, |m| m.range.start),
            })
            .collect();
        sources.sort_by(|a, b| {
            (a.date.is_none(), &a.date, &a.title).cmp(&(b.date.is_none(), &b.date, &b.title))
        });
        // The sentences it is mentioned in.
        let mut sentences: Vec<(DocId, usize)> = ent
            .mentions
            .iter()
            .filter_map(|&m| {
                let m = &index.mentions[m];
                index.docs[m.doc]
                    .sentence_at(m.range.start)
                    .map(|s| (m.doc, s))
            })
            .collect();
        sentences.sort_unstable();
        sentences.dedup();
        let in_sentence = |d: DocId, s: usize| sentences.binary_search(&(d, s)).is_ok();
        // Its dated events, in time order.
        let events = index
            .timeline
            .iter()
            .filter(|&&i| index.events[i].date.is_some())
            .filter(|&&i| in_sentence(index.events[i].doc, index.events[i].sentence))
            .map(|&i| {
                let e = &index.events[i];
                let s = &index.docs[e.doc].sentences[e.sentence];
                CardEvent {
                    event: i,
                    date: e.date.map(|d| d.iso()).unwrap_or_default(),
                    date_end: e.end.map(|x| x.iso()),
                    text: plain(&docs[e.doc].text[e.range.clone()]),
                    doc: e.doc,
                    sentence: plain(&docs[e.doc].text[s.clone()]),
                }
            })
            .collect();
        // Claims that mention it, each assertion once: a claim linked (as
        // the same assertion) to one already listed is left out.
        let mut shown: Vec<usize> = Vec::new();
        let (mut corroborated, mut single_source, mut in_conflict) = (vec![], vec![], vec![]);
        for c in index
            .claims
            .iter()
            .filter(|c| c.entities.binary_search(&entity).is_ok())
        {
            let links = &index.links[c.id];
            let same = |l: &crate::analysis::links::Link| {
                !matches!(l.relation, crate::analysis::links::Relation::Related)
            };
            if links.iter().any(|l| same(l) && shown.contains(&l.to)) {
                continue;
            }
            shown.push(c.id);
            let mut also_in: Vec<DocId> = links
                .iter()
                .filter(|l| same(l))
                .map(|l| index.claims[l.to].doc)
                .filter(|&d| d != c.doc)
                .collect();
            also_in.sort_unstable();
            also_in.dedup();
            let row = CardClaim {
                claim: c.id,
                doc: c.doc,
                text: plain(&docs[c.doc].text[c.range.clone()]),
                sources: index.sources.get(c.id).copied().unwrap_or(1),
                also_in,
                conflict: links.iter().find_map(|l| l.conflict.clone()),
            };
            if row.conflict.is_some() {
                in_conflict.push(row);
            } else if row.sources > 1 {
                corroborated.push(row);
            } else {
                single_source.push(row);
            }
        }
        corroborated.sort_by_key(|c| std::cmp::Reverse(c.sources));
        // The entities in the same sentences.
        let mut together: HashMap<usize, u32> = HashMap::new();
        for &(d, s) in &sentences {
            let range = &index.docs[d].sentences[s];
            let mut seen: Vec<usize> = index
                .doc_mentions(d)
                .iter()
                .filter(|m| {
                    m.entity != entity && range.start <= m.range.start && m.range.end <= range.end
                })
                .map(|m| m.entity)
                .collect();
            seen.sort_unstable();
            seen.dedup();
            for e in seen {
                *together.entry(e).or_default() += 1;
            }
        }
        let mut peers: Vec<(usize, u32)> = together.into_iter().collect();
        peers.sort_by_key(|&(e, n)| (std::cmp::Reverse(n), e));
        let appears_with = peers
            .into_iter()
            .take(PEERS)
            .map(|(e, n)| CardPeer {
                entity: e,
                name: index.entities[e].name.clone(),
                kind: index.entities[e].kind.label(),
                together: n,
            })
            .collect();
        Some(Card {
            entity,
            name: ent.name.clone(),
            kind: ent.kind.label(),
            mentions: ent.mentions.len(),
            aliases: ent
                .aliases
                .iter()
                .map(|a| CardAlias {
                    name: a.name.clone(),
                    how: how_merged(a.kind),
                })
                .collect(),
            sources,
            events,
            corroborated,
            single_source,
            in_conflict,
            appears_with,
        })
    }

    /// The card as rows to show or print, each with where it leads.
    pub fn rows(&self, docs: &[Document]) -> Vec<Row> {
        let mut rows = Vec::new();
        // A source named briefly: its outlet, else the start of its title
        // (every document the card cites is among its sources).
        let short = |d: DocId| -> String {
            let name = self
                .sources
                .iter()
                .find(|s| s.doc == d)
                .map(|s| s.outlet.clone().unwrap_or_else(|| s.title.clone()))
                .unwrap_or_else(|| crate::label::title(docs, d).to_string());
            if name.chars().count() <= 20 {
                name
            } else {
                let mut t: String = name.chars().take(19).collect();
                t.push('…');
                t
            }
        };
        let plural = |n: usize, one: &str, many: &str| {
            if n == 1 {
                format!("{n} {one}")
            } else {
                format!("{n} {many}")
            }
        };
        rows.push(Row::heading(format!(
            "{} · {} · {} in {}",
            self.name,
            self.kind,
            plural(self.mentions, "mention", "mentions"),
            plural(self.sources.len(), "source", "sources")
        )));
        for a in &self.aliases {
            rows.push(Row::text(format!("also “{}”: {}", a.name, a.how)));
        }
        rows.push(Row::section(format!(
            "Sources ({}) · mentions",
            self.sources.len()
        )));
        for s in &self.sources {
            let mut t = format!("{:>4}  {}", s.mentions, s.title);
            for part in [&s.outlet, &s.date].into_iter().flatten() {
                t.push_str(" · ");
                t.push_str(part);
            }
            rows.push(Row::jump(
                t,
                Jump::Place {
                    doc: s.doc,
                    pos: s.first,
                },
            ));
        }
        rows.push(Row::section(format!(
            "When: {}",
            plural(self.events.len(), "dated event", "dated events")
        )));
        for e in &self.events {
            let end = e
                .date_end
                .as_ref()
                .map_or(String::new(), |x| format!("–{x}"));
            rows.push(Row::jump(
                format!(
                    "{}{end}  {} · {} · {}",
                    e.date,
                    e.text,
                    short(e.doc),
                    e.sentence
                ),
                Jump::Event { event: e.event },
            ));
        }
        for (title, claims) in [
            (
                "Corroborated by several independent sources",
                &self.corroborated,
            ),
            ("Single-source", &self.single_source),
            ("In conflict", &self.in_conflict),
        ] {
            rows.push(Row::section(format!("{title} ({})", claims.len())));
            for c in claims {
                let mut t = if c.sources > 1 {
                    format!("{} sources  ", c.sources)
                } else {
                    format!("{}  ", short(c.doc))
                };
                t.push_str(&c.text);
                if let Some(k) = &c.conflict {
                    t.push_str(&format!("  ⚠ {k}"));
                }
                rows.push(Row::jump(t, Jump::Claim { claim: c.claim }));
            }
        }
        rows.push(Row::section("Appears most with".to_string()));
        for p in &self.appears_with {
            rows.push(Row::jump(
                format!(
                    "{} · {} · {}",
                    p.name,
                    p.kind,
                    plural(p.together as usize, "sentence", "sentences")
                ),
                Jump::Entity { entity: p.entity },
            ));
        }
        rows
    }
}

/// What a row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    Heading,
    Section,
    Text,
    Item,
}

#[derive(Debug, Clone)]
pub struct Row {
    pub kind: RowKind,
    pub text: String,
    pub jump: Option<Jump>,
}

impl Row {
    fn heading(text: String) -> Row {
        Row {
            kind: RowKind::Heading,
            text,
            jump: None,
        }
    }
    fn section(text: String) -> Row {
        Row {
            kind: RowKind::Section,
            text,
            jump: None,
        }
    }
    fn text(text: String) -> Row {
        Row {
            kind: RowKind::Text,
            text,
            jump: None,
        }
    }
    fn jump(text: String, jump: Jump) -> Row {
        Row {
            kind: RowKind::Item,
            text,
            jump: Some(jump),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXTS: &[&str] = &[
        "Harbour talks\n\nMayor Alice Brennan said on March 3, 2021 that the port of Kelby will reopen to cargo ships next month.\n\nBrennan met Governor Tom Reyes in Kelby on Friday.\n",
        "Port news\n\nMayor Alice Brennan said on March 3, 2021 that the port of Kelby will reopen to cargo ships next month.\n\nBrennan also visited Dunmore on January 5, 2021, the council said.\n",
        "Budget\n\nGovernor Tom Reyes said on June 1, 2021 that taxes on fuel will rise by 3 percent.\n",
    ];

    fn card_of(name: &str) -> (Card, Vec<Document>) {
        let docs: Vec<Document> = crate::corpus::test_documents(TEXTS);
        let index = Index::build(&docs, &Default::default());
        let e = index
            .entities
            .iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| {
                let names: Vec<&str> = index.entities.iter().map(|e| e.name.as_str()).collect();
                panic!("{name} not among {names:?}")
            })
            .id;
        (Card::build(&index, &docs, e).unwrap(), docs)
    }

    #[test]
    fn a_card_says_who_where_when_and_what() {
        let (card, docs) = card_of("Alice Brennan");
        assert_eq!(card.kind, "person");
        assert!(
            card.aliases.iter().any(|a| a.name == "Brennan"),
            "{:?}",
            card.aliases
        );
        // Two sources, two mentions each.
        let per: Vec<(DocId, u32)> = card.sources.iter().map(|s| (s.doc, s.mentions)).collect();
        assert_eq!(per, vec![(0, 2), (1, 2)]);
        // Its dates in time order; the governor's June date is not its own.
        let dates: Vec<&str> = card.events.iter().map(|e| e.date.as_str()).collect();
        assert_eq!(dates.first(), Some(&"2021-01-05"), "{dates:?}");
        assert!(dates.contains(&"2021-03-03"), "{dates:?}");
        assert!(!dates.contains(&"2021-06-01"), "{dates:?}");
        // The reopening, said by both sources, once and corroborated.
        let reopen: Vec<&CardClaim> = card
            .corroborated
            .iter()
            .chain(&card.single_source)
            .filter(|c| c.text.contains("will reopen"))
            .collect();
        assert_eq!(reopen.len(), 1, "{:#?}", card);
        assert_eq!(reopen[0].sources, 2);
        assert!(
            card.corroborated
                .iter()
                .any(|c| c.text.contains("will reopen"))
        );
        // Who it appears with.
        assert!(
            card.appears_with.iter().any(|p| p.name.contains("Reyes")),
            "{:?}",
            card.appears_with
        );
        // Every item row leads somewhere.
        let rows = card.rows(&docs);
        assert!(
            rows.iter()
                .filter(|r| r.kind == RowKind::Item)
                .all(|r| r.jump.is_some())
        );
        assert!(
            rows.iter()
                .any(|r| r.text.starts_with("Corroborated by several"))
        );
    }
}
