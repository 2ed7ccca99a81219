//! The short timeline: the dates most sources mention, in time order.

use super::sections::{MAX_NAMES, name_list, plural};
use super::{Options, cite, md};
use crate::corpus::Document;
use crate::index::Index;
use std::collections::HashSet;
use std::fmt::Write;

/// The date of a timeline slot as shown: `2019-01-19 – 2019-01-22`,
/// `late 2019-02`.
pub fn event_date(index: &Index, e: usize) -> String {
    let ev = &index.events[e];
    let q = ev
        .qualifier
        .map(|q| format!("{} ", format!("{q:?}").to_lowercase()))
        .unwrap_or_default();
    let Some(date) = ev.date else {
        return "date unknown".to_string();
    };
    let end = ev.end.map_or(String::new(), |x| format!(" – {}", x.iso()));
    format!("{q}{}{end}", date.iso())
}

pub fn timeline(
    out: &mut String,
    docs: &[Document],
    index: &Index,
    opts: &Options,
    entity: Option<usize>,
    cited: &mut Vec<usize>,
) {
    out.push_str("## Timeline\n\n");
    // With an entity, only the events of sentences that mention it.
    let sentences: Option<HashSet<(usize, usize)>> = entity.map(|e| {
        index.entities[e]
            .mentions
            .iter()
            .filter_map(|&m| {
                let m = &index.mentions[m];
                index.docs[m.doc]
                    .sentence_at(m.range.start)
                    .map(|s| (m.doc, s))
            })
            .collect()
    });
    // A date nothing in its document fixes is no point on a timeline.
    let keep = |e: usize| {
        let ev = &index.events[e];
        ev.date.is_some()
            && sentences
                .as_ref()
                .is_none_or(|s| s.contains(&(ev.doc, ev.sentence)))
    };
    // Per date: its events and the independent sources that mention it.
    let mut slots: Vec<(usize, Vec<usize>, usize)> = Vec::new();
    for (k, r) in index.timeline_slots.iter().enumerate() {
        let events: Vec<usize> = index.timeline[r.clone()]
            .iter()
            .copied()
            .filter(|&e| keep(e))
            .collect();
        if events.is_empty() {
            continue;
        }
        let groups: HashSet<usize> = events
            .iter()
            .map(|&e| index.cluster[index.events[e].doc])
            .collect();
        slots.push((k, events, groups.len()));
    }
    if slots.is_empty() {
        out.push_str("No dated events.\n\n");
        return;
    }
    out.push_str("The dates the most sources mention, in time order, each with one sentence that mentions it.\n\n");
    let total = slots.len();
    let flags = cite::copy_flags(index);
    let fullers = cite::fullers(index);
    let mut chosen: Vec<usize> = (0..slots.len()).collect();
    chosen.sort_by_key(|&i| {
        let ev = &index.events[slots[i].1[0]];
        (
            std::cmp::Reverse(slots[i].2),
            std::cmp::Reverse(ev.precision()),
            slots[i].0,
        )
    });
    chosen.truncate(opts.max_dates);
    chosen.sort_by_key(|&i| slots[i].0);
    for i in chosen {
        let (_, events, n) = &slots[i];
        // The event told by an original (not a copy), stated outright if any.
        let e = *events
            .iter()
            .min_by_key(|&&e| {
                let ev = &index.events[e];
                (flags[ev.doc], ev.relative, ev.doc)
            })
            .expect("slot has events");
        let ev = &index.events[e];
        let sentence = &docs[ev.doc].text[index.docs[ev.doc].sentences[ev.sentence].clone()];
        let mut who: Vec<usize> = Vec::new();
        let mut groups_seen: HashSet<usize> = HashSet::new();
        for &x in events {
            let d = fullers[index.events[x].doc];
            if groups_seen.insert(index.cluster[d]) {
                who.push(d);
            }
        }
        cited.extend(who.iter().take(MAX_NAMES));
        let names = name_list(docs, index, &who);
        let _ = writeln!(
            out,
            "- **{}** — {} ({}: {})",
            md::text(&event_date(index, e)),
            md::short(sentence, 220),
            plural(*n, "source", "sources"),
            names
        );
    }
    if total > opts.max_dates {
        let _ = writeln!(
            out,
            "\n{} fewer sources mention {} not listed.",
            plural(total - opts.max_dates, "date that", "dates that"),
            if total - opts.max_dates == 1 {
                "is"
            } else {
                "are"
            }
        );
    }
    out.push('\n');
}
