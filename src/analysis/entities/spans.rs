//! Candidate spans of one document: gazetteer names, runs of capitalised
//! words split at titles and known names, and acronyms defined in the text.

use super::evidence::{Cues, cues_around, keyword_cues};
use super::lexicon::{has, is_stop, is_title, is_title_head, word};
use super::tokens::{Token, split_gazetteer_compounds, tokenize};
use super::{Candidate, Source};
use crate::analysis::boilerplate::{self, Boilerplate};
use crate::analysis::gazetteer::{self, key};
use crate::corpus::DocId;
use std::ops::Range;

/// How many tokens from `i` form a title phrase: prefixes ("Vice", "Foreign",
/// up to three), a head ("Minister"), and an optional "of X" ("Secretary of
/// State"). Zero when there is no head: "Special Measures Agreement" and
/// "Islamic State" are not titles.
fn title_len(run: &[Token], used: &[bool], i: usize) -> usize {
    let mut j = i;
    while j < run.len()
        && j - i < 3
        && !used[j]
        && has(word::TITLE_PREFIXES, run[j].text)
        && !is_title_head(run[j].text)
    {
        j += 1;
    }
    // Any one word before "Minister"/"Secretary" names a portfolio.
    if j < run.len()
        && !is_title_head(run[j].text)
        && j + 1 < run.len()
        && matches!(run[j + 1].text, "Minister" | "Secretary" | "Ministers")
        && !used[j]
    {
        j += 1;
    }
    if j >= run.len() || used[j] || !is_title_head(run[j].text) {
        return 0;
    }
    j += 1;
    // Several heads in a row ("Director General").
    while j < run.len() && !used[j] && is_title_head(run[j].text) && j + 1 < run.len() {
        j += 1;
    }
    if j + 1 < run.len()
        && run[j].text == "of"
        && run[j + 1].cap
        && !used[j + 1]
        && j + 2 < run.len()
    {
        j += 2;
    }
    j - i
}

/// Is the line a headline (short, title-case or capitals, no full stop)?
fn is_headline(text: &str, sentence: &Range<usize>) -> bool {
    let s = text[sentence.clone()].trim();
    if s.ends_with(['.', '?', '!', '"', '”', ';']) && !s.ends_with("?:") {
        let line_start = text[..sentence.start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[sentence.end..]
            .find('\n')
            .map_or(text.len(), |i| sentence.end + i);
        if line_end - line_start > sentence.len() + 2 {
            return false;
        }
        if s.ends_with(['.', '!', ';']) {
            return false;
        }
    }
    let words: Vec<&str> = s
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    if words.is_empty() || words.len() > 16 {
        return false;
    }
    let caps = words
        .iter()
        .filter(|w| {
            w.chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase)
        })
        .count();
    let long = words
        .iter()
        .filter(|w| w.chars().count() > 3)
        .count()
        .max(1);
    let long_caps = words
        .iter()
        .filter(|w| w.chars().count() > 3 && w.chars().next().is_some_and(char::is_uppercase))
        .count();
    caps * 2 >= words.len() && long_caps * 3 >= long * 2
}

/// Acronyms defined in the text: "the Belt and Road Initiative (BRI)".
fn acronym_definitions(text: &str) -> Vec<(String, String, Range<usize>)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut search = 0;
    while let Some(i) = text[search..].find('(') {
        let open = search + i;
        search = open + 1;
        let Some(close_rel) = text[open..].find(')') else {
            break;
        };
        let inner = &text[open + 1..open + close_rel];
        if inner.len() < 2
            || inner.len() > 8
            || !inner
                .chars()
                .all(|c| c.is_ascii_uppercase() || c == '-' || c == '&')
        {
            continue;
        }
        let letters: Vec<char> = inner.chars().filter(char::is_ascii_uppercase).collect();
        // Walk back over words until their capital initials spell the acronym.
        let before = &text[..open];
        let words: Vec<(usize, &str)> = before
            .split_whitespace()
            .rev()
            .take(letters.len() * 2 + 3)
            .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
            .collect();
        let mut initials = Vec::new();
        let mut start = None;
        for (pos, w) in &words {
            let c = w.chars().next().unwrap_or(' ');
            if c.is_uppercase() {
                initials.push(c);
                start = Some(*pos);
                if initials.len() == letters.len() {
                    break;
                }
            } else if !matches!(*w, "of" | "and" | "for" | "the" | "on" | "in" | "&") {
                break;
            }
        }
        initials.reverse();
        if initials == letters
            && let Some(s) = start
        {
            let long = text[s..open].trim_end().trim_end_matches(',').to_string();
            let _ = bytes;
            out.push((long.clone(), inner.to_string(), s..s + long.len()));
        }
    }
    out
}

/// Find the candidates of one document.
pub(super) fn candidates(
    doc: DocId,
    text: &str,
    sentences: &[Range<usize>],
    boiler: &[Boilerplate],
) -> (Vec<Candidate>, Vec<(String, String)>) {
    let gaz = gazetteer::get();
    let mut out = Vec::new();
    let mut acronyms = Vec::new();
    for (long, short, range) in acronym_definitions(text) {
        if boilerplate::covers(boiler, &range) {
            continue;
        }
        acronyms.push((long.clone(), short));
        let words: Vec<String> = long.split_whitespace().map(str::to_string).collect();
        out.push(Candidate {
            doc,
            key: key(&long),
            range,
            name: long,
            cues: keyword_cues(&words),
            words,
            source: Source::Name,
            initial: false,
        });
    }
    for sentence in sentences {
        if boilerplate::covers(boiler, sentence) {
            continue;
        }
        let tokens = split_gazetteer_compounds(tokenize(text, sentence.clone()));
        let headline = is_headline(text, sentence);
        let mut keys: Vec<Option<String>> = vec![None; tokens.len()];
        let mut used = vec![false; tokens.len()];
        // 1. Gazetteer names (longest first), also inside hyphenated compounds.
        let mut i = 0;
        while i < tokens.len() {
            if !tokens[i].cap {
                i += 1;
                continue;
            }
            // Grow the key word by word and keep the longest hit; names run
            // over spaces only and end at a possessive.
            let mut k = String::new();
            let mut best = None;
            for n in 1..=gaz.max_words.min(tokens.len() - i) {
                k.push_str(keys[i + n - 1].get_or_insert_with(|| key(tokens[i + n - 1].text)));
                if !gaz.is_prefix(&k) {
                    break;
                }
                let hit = if n == 1 {
                    gaz.lookup(tokens[i].text)
                } else {
                    gaz.lookup_key(&k)
                };
                if let Some((id, _)) = hit {
                    best = Some((n, id));
                }
                let t = &tokens[i + n - 1];
                if t.punct_after.is_some() || t.possessive {
                    break;
                }
            }
            let mut matched = false;
            if let Some((n, id)) = best {
                let r = tokens[i].range.start..tokens[i + n - 1].range.end;
                out.push(Candidate {
                    doc,
                    range: r.clone(),
                    name: text[r].to_string(),
                    key: key(&gaz.entries[id].canonical),
                    words: vec![],
                    source: Source::Gazetteer(id),
                    cues: Cues::default(),
                    initial: false,
                });
                for u in used.iter_mut().skip(i).take(n) {
                    *u = true;
                }
                i += n;
                matched = true;
            }
            if matched {
                continue;
            }
            i += 1;
        }
        if headline {
            continue;
        }
        // 2. Runs of capitalised words.
        let mut i = 0;
        while i < tokens.len() {
            if !tokens[i].cap || used[i] && !run_continues_after_gaz(&tokens, &used, i) {
                i += 1;
                continue;
            }
            let mut j = i;
            let mut end = i;
            while j < tokens.len() {
                let t = &tokens[j];
                // Connectors join names when a capital follows ("Institute
                // for the World Economy").
                let joins = || {
                    let mut k = j;
                    while k < tokens.len()
                        && k - j < 2
                        && has(word::CONNECTORS, tokens[k].text)
                        && tokens[k].punct_after.is_none()
                    {
                        k += 1;
                    }
                    k > j && k < tokens.len() && tokens[k].cap
                };
                let ok = t.cap || (j > i && has(word::CONNECTORS, t.text) && joins());
                if !ok {
                    break;
                }
                if t.cap {
                    end = j;
                }
                if t.possessive || t.punct_after.is_some_and(|c| c != '-') {
                    break;
                }
                j += 1;
            }
            decompose(
                doc,
                text,
                &tokens[i..=end],
                &used[i..=end],
                &tokens,
                i,
                &mut out,
            );
            i = end + 1;
        }
    }
    (out, acronyms)
}

/// A run may start on a gazetteer word when a keyword makes the whole run
/// one name ("Geneva Summit", "Atlantic Council").
fn run_continues_after_gaz(tokens: &[Token], used: &[bool], i: usize) -> bool {
    let mut j = i;
    while j < tokens.len()
        && tokens[j].cap
        && !tokens[j].possessive
        && tokens[j].punct_after.is_none()
    {
        j += 1;
    }
    let last = if j < tokens.len() && tokens[j].cap {
        j
    } else {
        j.saturating_sub(1)
    };
    if last <= i || used[last] {
        return false;
    }
    let w = tokens[last].text;
    has(word::ORG_WORDS, w) || has(word::EVENT_WORDS, w) || has(word::PLACE_WORDS, w)
}

#[allow(clippy::too_many_arguments)]
fn decompose(
    doc: DocId,
    text: &str,
    run: &[Token],
    used: &[bool],
    all: &[Token],
    offset: usize,
    out: &mut Vec<Candidate>,
) {
    let push = |out: &mut Vec<Candidate>, a: usize, b: usize, mut cues: Cues, initial: bool| {
        // Trim connectors at the ends.
        let (mut a, mut b) = (a, b);
        while a <= b && !run[a].cap {
            a += 1;
        }
        while b > a && (!run[b].cap || has(word::ROLE_WORDS, run[b].text)) {
            b -= 1;
        }
        if a > b
            || run[a..=b]
                .iter()
                .all(|t| has(word::ROLE_WORDS, t.text) || is_title(t.text))
        {
            return;
        }
        // A lone keyword ("Peninsula", "Summit") or direction names nothing.
        if a == b
            && (has(word::ORG_WORDS, run[a].text)
                || has(word::EVENT_WORDS, run[a].text)
                || has(word::PLACE_WORDS, run[a].text)
                || has(word::OTHER_WORDS, run[a].text))
        {
            return;
        }
        let words: Vec<String> = run[a..=b].iter().map(|t| t.text.to_string()).collect();
        if words.len() == 1 && has(word::NEVER, &words[0].to_lowercase()) {
            return;
        }
        let around = cues_around(all, offset + a, offset + b);
        cues.person += around.person;
        cues.place += around.place;
        cues.org += around.org;
        if words.len() > 1 || cues.person == 0 {
            let k = keyword_cues(&words);
            cues.org += k.org;
            cues.event += k.event;
            cues.place += k.place;
            cues.other += k.other;
        }
        let mut r = run[a].range.start..run[b].range.end;
        // "de Vries": a lowercase particle before a lone surname belongs to it.
        if offset + a > 0 && a == 0 {
            let p = &all[offset + a - 1];
            if matches!(
                p.text,
                "de" | "van"
                    | "von"
                    | "der"
                    | "al"
                    | "bin"
                    | "da"
                    | "di"
                    | "du"
                    | "le"
                    | "la"
                    | "del"
                    | "ter"
                    | "ten"
            ) && p.punct_after.is_none()
            {
                r.start = p.range.start;
            }
        }
        let name = text[r.clone()].to_string();
        out.push(Candidate {
            doc,
            key: key(&name),
            name,
            range: r,
            words,
            source: Source::Name,
            cues,
            initial,
        });
    };
    let n = run.len();
    let mut start = 0;
    // A sentence-initial function word is not part of a name.
    while start < n && run[start].initial && is_stop(&run[start].text.to_lowercase()) {
        start += 1;
    }
    if start >= n {
        return;
    }
    let initial = run[start].initial;
    let last = run[n - 1].text;
    let keyword_run = n - start > 1
        && (run.iter().any(|t| has(word::ORG_WORDS, t.text))
            || has(word::EVENT_WORDS, last)
            || has(word::PLACE_WORDS, last)
            || has(word::OTHER_WORDS, last));
    let titled = is_title(run[start].text) || has(word::ROLE_WORDS, run[start].text);
    if keyword_run && !titled {
        // "Smith-Jones Geneva Summit", "Atlantic Council": one name.
        if used[start..].iter().all(|u| *u) {
            return;
        }
        push(
            out,
            start,
            n - 1,
            Cues::default(),
            initial && n - start == 1,
        );
        return;
    }
    // Split at gazetteer names and title phrases.
    let mut i = start;
    let mut pending_title = false;
    let mut seg_start: Option<usize> = None;
    let close =
        |out: &mut Vec<Candidate>, seg: &mut Option<usize>, end: usize, pending: &mut bool| {
            if let Some(s) = seg.take() {
                let cues = Cues {
                    person: if *pending { 4 } else { 0 },
                    ..Default::default()
                };
                push(out, s, end, cues, initial && s == start);
                *pending = false;
            }
        };
    while i < n {
        let t = &run[i];
        if used[i] {
            close(out, &mut seg_start, i.saturating_sub(1), &mut pending_title);
            i += 1;
            continue;
        }
        let tl = if seg_start.is_none() {
            title_len(run, used, i)
        } else {
            0
        };
        if tl > 0 {
            pending_title = true;
            i += tl;
            continue;
        }
        if seg_start.is_none() && has(word::ROLE_WORDS, t.text) {
            // "Senior Fellow", "Expert": dropped; a name right after is a person.
            pending_title = i + 1 < n
                && run[i + 1].cap
                && !used[i + 1]
                && !has(word::ROLE_WORDS, run[i + 1].text);
            i += 1;
            continue;
        }
        if !t.cap {
            // A connector: the title continues only into a gazetteer name
            // ("Special Envoy for South Sudan Ann Lee").
            if seg_start.is_none() && !(i + 1 < n && used[i + 1]) {
                pending_title = false;
            }
            i += 1;
            continue;
        }
        if seg_start.is_none() {
            seg_start = Some(i);
        }
        i += 1;
    }
    close(out, &mut seg_start, n - 1, &mut pending_title);
}
