//! The lookup's answer as plain text: lines of at most the width asked
//! (80 when piped), long lines wrapped with a hanging indent, every word
//! from an article or a file name sanitised (control characters and escape
//! sequences shown as `^[`, never sent), and colour only when asked (a
//! terminal without `NO_COLOR`).

use super::{Answer, DocHits, Options, hit_groups, line_of};
use crate::card::{Card, CardClaim};
use crate::corpus::{DocId, Document};
use crate::index::Index;
use crate::search::SearchIndex;
use crate::text::sanitize::sanitize;
use crate::text::{display_width, grapheme_width};
use std::fmt::Write;
use unicode_segmentation::UnicodeSegmentation;

/// Styles, as ANSI escapes when colour is on, else nothing.
struct Paint(bool);

impl Paint {
    fn wrap(&self, code: &str, s: &str) -> String {
        if self.0 && !s.is_empty() {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn bold(&self, s: &str) -> String {
        self.wrap("1", s)
    }
    fn dim(&self, s: &str) -> String {
        self.wrap("2", s)
    }
    fn mark(&self, s: &str) -> String {
        self.wrap("1;4", s)
    }
    fn warn(&self, s: &str) -> String {
        self.wrap("1;33", s)
    }
}

/// Text from an article or a file made safe to print on one line: runs of
/// white space made one space, then every control character, escape
/// sequence or bidirectional override shown visibly.
pub fn clean(s: &str) -> String {
    let mut flat = String::with_capacity(s.len());
    let mut ws = false;
    for c in s.chars() {
        if c.is_whitespace() {
            if !ws && !flat.is_empty() {
                flat.push(' ');
            }
            ws = true;
        } else {
            flat.push(c);
            ws = false;
        }
    }
    let end = flat.trim_end().len();
    flat.truncate(end);
    sanitize(&flat).into_owned()
}

/// `s` (already clean) cut to `width` cells, with `…` when cut.
fn cut(s: &str, width: usize) -> String {
    if display_width(s) <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for g in s.graphemes(true) {
        let gw = grapheme_width(g);
        if w + gw + 1 > width {
            break;
        }
        out.push_str(g);
        w += gw;
    }
    out.push('…');
    out
}

/// The last cells of `s` (clean) that fit in `width`, with `…` before when
/// cut.
fn cut_left(s: &str, width: usize) -> String {
    if display_width(s) <= width {
        return s.to_string();
    }
    let mut parts = Vec::new();
    let mut w = 1;
    for g in s.graphemes(true).rev() {
        let gw = grapheme_width(g);
        if w + gw > width {
            break;
        }
        parts.push(g);
        w += gw;
    }
    parts.reverse();
    format!("…{}", parts.concat())
}

/// Cells `s` takes on screen: our own colour escapes take none (text from
/// articles never holds a raw escape: it is cleaned first).
fn visible_width(s: &str) -> usize {
    let mut plain = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('\x1b') {
        plain.push_str(&rest[..i]);
        rest = &rest[i..];
        rest = rest.find('m').map_or("", |j| &rest[j + 1..]);
    }
    plain.push_str(rest);
    display_width(&plain)
}

/// `text` (clean) wrapped to `width` cells: the first line after `first`
/// (a lead such as an indent or a date), the others indented by `indent`.
fn wrapped(
    out: &mut String,
    first: &str,
    text: &str,
    indent: usize,
    width: usize,
    paint: impl Fn(&str) -> String,
) {
    let first_w = visible_width(first);
    let room = width.saturating_sub(first_w).max(20);
    let rest_room = width.saturating_sub(indent).max(20);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut w = 0;
    for word in text.split(' ') {
        let ww = display_width(word);
        let limit = if lines.is_empty() { room } else { rest_room };
        if w > 0 && w + 1 + ww > limit {
            lines.push(std::mem::take(&mut line));
            w = 0;
        }
        if w > 0 {
            line.push(' ');
            w += 1;
        }
        // A word longer than a line is cut into pieces.
        let limit = if lines.is_empty() { room } else { rest_room };
        if ww > limit {
            for g in word.graphemes(true) {
                let gw = grapheme_width(g);
                let limit = if lines.is_empty() { room } else { rest_room };
                if w + gw > limit {
                    lines.push(std::mem::take(&mut line));
                    w = 0;
                }
                line.push_str(g);
                w += gw;
            }
            continue;
        }
        line.push_str(word);
        w += ww;
    }
    lines.push(line);
    for (i, l) in lines.iter().enumerate() {
        if i == 0 {
            let _ = writeln!(out, "{first}{}", paint(l));
        } else {
            let _ = writeln!(out, "{}{}", " ".repeat(indent), paint(l));
        }
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

/// A document's outlet, date and path, as one dim line.
fn doc_meta(docs: &[Document], index: &Index, d: DocId) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(a) = index.docs.get(d) {
        if let Some(s) = &a.meta.source {
            parts.push(clean(s));
        }
        if let Some((date, _)) = a.meta.date {
            parts.push(date.to_string());
        }
    }
    parts.push(clean(&docs[d].display_path));
    parts.join(" · ")
}

/// Who says a claim: the outlet (else the file's short name) and date.
fn said_by(docs: &[Document], index: &Index, d: DocId) -> String {
    let a = index.docs.get(d);
    let outlet = a
        .and_then(|a| a.meta.source.as_deref())
        .map(clean)
        .unwrap_or_else(|| clean(&docs[d].slug));
    match a.and_then(|a| a.meta.date) {
        Some((date, _)) => format!("{outlet}, {date}"),
        None => outlet,
    }
}

/// "… and N more" when a list was cut.
fn more(out: &mut String, paint: &Paint, left: usize, what: &str) {
    if left > 0 {
        let _ = writeln!(
            out,
            "  {}",
            paint.dim(&format!("… and {left} more {what} (--all lists every one)"))
        );
    }
}

/// The answer as text.
pub fn answer(
    docs: &[Document],
    index: &Index,
    search: &SearchIndex,
    answer: &Answer,
    opts: &Options,
) -> String {
    match answer {
        Answer::Entity(e) => match Card::build(index, docs, *e) {
            Some(card) => card_text(docs, index, &card, opts),
            None => String::new(),
        },
        Answer::Hits { hits, entities } => {
            let groups = hit_groups(hits, search, docs, opts.all, opts.max_hits);
            hits_text(docs, index, hits, entities, &groups, opts)
        }
        Answer::Nothing { near } => nothing(docs.len(), opts, near),
    }
}

/// What is said when nothing is found.
pub fn nothing(doc_count: usize, opts: &Options, near: &[String]) -> String {
    let mut s = format!(
        "nothing found for “{}” in {}",
        clean(&opts.term),
        plural(doc_count, "document", "documents")
    );
    if !near.is_empty() {
        let names: Vec<String> = near.iter().map(|n| clean(n)).collect();
        s.push_str(&format!(
            "; entities with a close name: {}",
            names.join(", ")
        ));
    }
    s
}

/// How many of each list are printed, without `--all`.
const SOURCES: usize = 12;
const EVENTS: usize = 12;
const CLAIMS: usize = 8;

fn card_text(docs: &[Document], index: &Index, card: &Card, opts: &Options) -> String {
    let p = Paint(opts.color);
    let w = opts.width.max(40);
    let cap = |n: usize, limit: usize| if opts.all { n } else { n.min(limit) };
    let mut out = String::new();
    let head = format!(
        "{} · {} · {} in {}",
        clean(&card.name),
        card.kind,
        plural(card.mentions, "mention", "mentions"),
        plural(card.sources.len(), "source", "sources")
    );
    wrapped(&mut out, "", &head, 2, w, |s| p.bold(s));
    for a in &card.aliases {
        wrapped(
            &mut out,
            "  ",
            &format!("also “{}”: {}", clean(&a.name), a.how),
            4,
            w,
            |s| p.dim(s),
        );
    }
    // Sources.
    out.push('\n');
    let _ = writeln!(
        out,
        "{}",
        p.bold(&format!(
            "Sources ({}): mentions, title, outlet, date",
            card.sources.len()
        ))
    );
    let n = cap(card.sources.len(), SOURCES);
    for s in &card.sources[..n] {
        wrapped(
            &mut out,
            &format!("  {:>4}  ", s.mentions),
            &clean(&s.title),
            8,
            w,
            |x| x.to_string(),
        );
        wrapped(
            &mut out,
            "        ",
            &doc_meta(docs, index, s.doc),
            8,
            w,
            |x| p.dim(x),
        );
    }
    more(&mut out, &p, card.sources.len() - n, "sources");
    // When.
    out.push('\n');
    let _ = writeln!(
        out,
        "{}",
        p.bold(&format!(
            "When: {}",
            plural(card.events.len(), "dated event", "dated events")
        ))
    );
    let n = cap(card.events.len(), EVENTS);
    for e in &card.events[..n] {
        let date = match &e.date_end {
            Some(end) => format!("{}–{end}", e.date),
            None => e.date.clone(),
        };
        wrapped(
            &mut out,
            &format!("  {} ", p.bold(&date)),
            &format!("“{}” · {}", clean(&e.text), said_by(docs, index, e.doc)),
            6,
            w,
            |x| x.to_string(),
        );
        wrapped(&mut out, "      ", &clean(&e.sentence), 6, w, |x| p.dim(x));
    }
    more(&mut out, &p, card.events.len() - n, "dated events");
    // What is said.
    for (title, claims) in [
        (
            "Corroborated by several independent sources",
            &card.corroborated,
        ),
        ("Single-source", &card.single_source),
        ("In conflict", &card.in_conflict),
    ] {
        out.push('\n');
        let _ = writeln!(out, "{}", p.bold(&format!("{title} ({})", claims.len())));
        let n = cap(claims.len(), CLAIMS);
        for c in &claims[..n] {
            claim_lines(&mut out, docs, index, c, &p, w);
        }
        more(&mut out, &p, claims.len() - n, "claims");
    }
    if !card.appears_with.is_empty() {
        out.push('\n');
        let _ = writeln!(out, "{}", p.bold("Appears most with"));
        let peers: Vec<String> = card
            .appears_with
            .iter()
            .map(|x| {
                format!(
                    "{} ({}, {})",
                    clean(&x.name),
                    x.kind,
                    plural(x.together as usize, "sentence", "sentences")
                )
            })
            .collect();
        wrapped(&mut out, "  ", &peers.join(", "), 2, w, |x| x.to_string());
    }
    out
}

fn claim_lines(
    out: &mut String,
    docs: &[Document],
    index: &Index,
    c: &CardClaim,
    p: &Paint,
    w: usize,
) {
    let lead = if c.sources > 1 {
        format!("  [{} sources] ", c.sources)
    } else {
        "  - ".to_string()
    };
    wrapped(out, &lead, &clean(&c.text), 4, w, |x| x.to_string());
    let mut who = vec![said_by(docs, index, c.doc)];
    who.extend(c.also_in.iter().map(|&d| said_by(docs, index, d)));
    wrapped(out, "    — ", &who.join("; "), 6, w, |x| p.dim(x));
    if let Some(k) = &c.conflict {
        wrapped(out, "    ", &format!("⚠ {}", clean(k)), 6, w, |x| {
            p.warn(x)
        });
    }
}

/// A context cut by `cut` or `cut_left` made to end (`end`) or begin at a
/// whole word, so no half word stands beside the `…`.
fn at_word(s: String, end: bool) -> String {
    if end {
        match s.strip_suffix('…') {
            Some(body) => match body.rfind(' ') {
                Some(i) if i > 0 => format!("{}…", &body[..i]),
                _ => s,
            },
            None => s,
        }
    } else {
        match s.strip_prefix('…') {
            Some(body) => match body.find(' ') {
                Some(i) if i + 1 < body.len() => format!("…{}", &body[i + 1..]),
                _ => s,
            },
            None => s,
        }
    }
}

/// One line of context around `range` of `text`: (before, match, after),
/// clean, fitting `width` cells with the match about a third in.
fn context(text: &str, range: std::ops::Range<usize>, width: usize) -> (String, String, String) {
    let para_start = text[..range.start].rfind("\n\n").map_or(0, |i| i + 2);
    let para_end = text[range.end..]
        .find("\n\n")
        .map_or(text.len(), |i| range.end + i);
    let before_from = range.start.saturating_sub(400).max(para_start);
    let before_from = (before_from..=range.start)
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(range.start);
    let after_to = (range.end + 600).min(para_end);
    let after_to = (after_to..=text.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(text.len());
    let matched = cut(&clean(&text[range.clone()]), width);
    let mw = display_width(&matched);
    let room = width.saturating_sub(mw);
    let raw_before = &text[before_from..range.start];
    let before = clean(raw_before);
    let before = if raw_before.ends_with(char::is_whitespace) && !before.is_empty() {
        format!("{before} ")
    } else {
        before
    };
    let before = at_word(cut_left(&before, room * 2 / 5), false);
    let bw = display_width(&before);
    let raw_after = &text[range.end..after_to];
    let after = clean(raw_after);
    let after = if raw_after.starts_with(char::is_whitespace) && !after.is_empty() {
        format!(" {after}")
    } else {
        after
    };
    let after = at_word(cut(&after, room.saturating_sub(bw)), true);
    (before, matched, after)
}

fn hits_text(
    docs: &[Document],
    index: &Index,
    hits: &crate::search::Hits,
    entities: &[usize],
    groups: &[DocHits],
    opts: &Options,
) -> String {
    let p = Paint(opts.color);
    let w = opts.width.max(40);
    let mut out = String::new();
    let mode = if opts.regex { " (regex)" } else { "" };
    let head = format!(
        "“{}”{mode}: {} in {} of {}",
        clean(&opts.term),
        plural(hits.total as usize, "hit", "hits"),
        hits.docs.len(),
        plural(docs.len(), "document", "documents")
    );
    wrapped(&mut out, "", &head, 2, w, |s| p.bold(s));
    if !entities.is_empty() {
        let names: Vec<String> = entities
            .iter()
            .take(6)
            .map(|&e| {
                let ent = &index.entities[e];
                format!(
                    "{} ({}, {})",
                    clean(&ent.name),
                    ent.kind.label(),
                    plural(ent.mentions.len(), "mention", "mentions")
                )
            })
            .collect();
        wrapped(
            &mut out,
            "",
            &format!(
                "Entities named with “{}”: {}; look one of them up for its card",
                clean(&opts.term),
                names.join(", ")
            ),
            2,
            w,
            |s| p.dim(s),
        );
    }
    let mut shown = 0u64;
    for g in groups {
        let doc = &docs[g.doc];
        out.push('\n');
        wrapped(
            &mut out,
            "",
            &format!(
                "{} · {}",
                clean(&doc.title),
                plural(g.count as usize, "hit", "hits")
            ),
            2,
            w,
            |s| p.bold(s),
        );
        wrapped(&mut out, "  ", &doc_meta(docs, index, g.doc), 4, w, |s| {
            p.dim(s)
        });
        for r in &g.shown {
            let line = format!("  {:>4}: ", line_of(doc, r.start));
            let room = w.saturating_sub(display_width(&line));
            let (b, m, a) = context(&doc.text, r.clone(), room);
            let _ = writeln!(out, "{}{b}{}{a}", p.dim(&line), p.mark(&m));
        }
        shown += g.shown.len() as u64;
        let left = g.count as u64 - g.shown.len() as u64;
        if left > 0 {
            let _ = writeln!(
                out,
                "        {}",
                p.dim(&format!("… {} more in this document", left))
            );
        }
    }
    let unshown_docs = hits.docs.len() - groups.len();
    if shown < hits.total {
        out.push('\n');
        let _ = writeln!(
            out,
            "{}",
            p.dim(&format!(
                "{} of {} hits shown{}; --all shows every hit, --max N more",
                shown,
                hits.total,
                if unshown_docs > 0 {
                    format!(" ({} more documents have hits)", unshown_docs)
                } else {
                    String::new()
                }
            ))
        );
    }
    out
}

#[cfg(test)]
#[path = "plain_tests.rs"]
mod tests;
