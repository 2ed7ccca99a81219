//! Candidate spans of one document. In running text: runs of capitalised
//! words (with connectors such as "of" and "&"), split at titles and role
//! words, at a spaced dash, a colon or other punctuation; a place name inside
//! a longer name stays inside it. In headlines, lines in capitals and table
//! rows: names the document writes in normal case elsewhere, gazetteer and
//! city names, and words that are not common English words. The place of a
//! wire dateline is a place.

use super::acronyms::acronym_definitions;
use super::evidence::{Cues, DocKind, LineKind, context_cues, keyword_cues, name_cues};
use super::lexicon::{bits, has, is_stop, is_stop_any, is_title, is_title_head, with_lower, word};
use super::lines::{dateline_place, doc_kind, is_headline, line_kind};
use super::names::{self, bit};
use super::tokens::{Token, split_gazetteer_compounds, tokenize};
use super::{Candidate, Source};
use crate::analysis::boilerplate::{self, Boilerplate};
use crate::analysis::gazetteer::{self, NameForm, key, key_into};
use crate::corpus::DocId;
use rustc_hash::FxHashSet as HashSet;

/// A key's hash, to remember names without copying them.
fn hash(k: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(k)
}
use std::ops::Range;

/// Evidence a title or role word before a name gives ("President X").
const TITLE_CUE: u16 = 5;
/// Evidence a wire dateline gives its place.
const DATELINE_CUE: u16 = 8;

/// How many tokens from `i` (up to `end`) form a title phrase: prefixes
/// ("Vice", "Foreign", up to three), a head ("Minister"), and an optional "of
/// X" ("Secretary of State"). Zero when there is no head: "Special Measures
/// Agreement" and "Islamic State" are not titles.
fn title_len(t: &[Token], i: usize, end: usize) -> usize {
    let n = end + 1;
    let mut j = i;
    while j < n && j - i < 3 && has(word::TITLE_PREFIXES, t[j].text) && !is_title_head(t[j].text) {
        j += 1;
    }
    // Any one word before "Minister"/"Secretary" names a portfolio.
    if j < n
        && !is_title_head(t[j].text)
        && j + 1 < n
        && matches!(t[j + 1].text, "Minister" | "Secretary" | "Ministers")
    {
        j += 1;
    }
    if j >= n || !is_title_head(t[j].text) {
        return 0;
    }
    j += 1;
    // Several heads in a row ("Director General").
    while j < n && is_title_head(t[j].text) && j + 1 < n {
        j += 1;
    }
    if j + 1 < n && t[j].text == "of" && t[j + 1].cap && j + 2 < n {
        j += 2;
    }
    j - i
}

use super::names::word_bits;

/// A common English word that is no given name, surname or place.
#[cfg(test)]
fn plain_word(w: &str) -> bool {
    let b = word_bits(w);
    b & bit::COMMON != 0 && b & (bit::GIVEN | bit::SURNAME | bit::CITY | bit::STATE) == 0
}

/// The gazetteer name that starts at `t[i]` and ends at or before `end`, if
/// any: (words, entry).
fn gazetteer_at(t: &[Token], i: usize, end: usize) -> Option<(usize, usize)> {
    thread_local! {
        static BUF: std::cell::RefCell<(String, String)> = const {
            std::cell::RefCell::new((String::new(), String::new()))
        };
    }
    let gaz = gazetteer::get();
    if !t[i].cap {
        return None;
    }
    BUF.with_borrow_mut(|(k, w)| {
        k.clear();
        let mut best = None;
        for n in 1..=gaz.max_words.min(end + 1 - i) {
            let tok = &t[i + n - 1];
            key_into(tok.text, w);
            k.push_str(w);
            if !gaz.is_prefix(k) {
                break;
            }
            let hit = if n == 1 {
                gaz.lookup_folded(k, tok.text)
            } else {
                gaz.lookup_key(k)
            };
            if let Some((id, _)) = hit {
                best = Some((n, id));
            }
            if tok.punct_after.is_some() || tok.possessive {
                break;
            }
        }
        best
    })
}

/// The candidates of one document, with the acronyms it defines.
pub(super) struct Finder<'a> {
    doc: DocId,
    text: &'a str,
    kind: DocKind,
    out: Vec<Candidate>,
    /// Per candidate of the current sentence: its first and last token.
    spans: Vec<(usize, usize)>,
    /// Per token of the sentence in hand: the longest gazetteer name that
    /// starts there, once looked up.
    gz: Vec<Option<Option<(usize, usize)>>>,
    /// Per token of the sentence in hand: what the name lists say of it
    /// (`u16::MAX` until looked up).
    nb: Vec<u16>,
    next_list: u32,
}

impl<'a> Finder<'a> {
    /// [`word_bits`] of `t[i]`, remembered per token of the sentence in hand.
    fn bits_at(&mut self, t: &[Token], i: usize) -> u8 {
        if self.nb.len() != t.len() {
            return word_bits(t[i].text);
        }
        if self.nb[i] == u16::MAX {
            self.nb[i] = u16::from(word_bits(t[i].text));
        }
        self.nb[i] as u8
    }

    /// A common English word that is no given name, surname or place.
    fn plain_at(&mut self, t: &[Token], i: usize) -> bool {
        let b = self.bits_at(t, i);
        b & bit::COMMON != 0 && b & (bit::GIVEN | bit::SURNAME | bit::CITY | bit::STATE) == 0
    }

    /// Does a person's name start at `t[i]` (an initial or a given name)?
    fn person_at(&mut self, t: &[Token], i: usize, end: usize) -> bool {
        i < end
            && t[i + 1].name_like()
            && (t[i].initial_letter || {
                let b = self.bits_at(t, i);
                b & bit::GIVEN != 0 && b & bit::COMMON == 0
            })
    }

    /// [`gazetteer_at`], remembered per token of the sentence in hand.
    fn gaz(&mut self, t: &[Token], i: usize, end: usize) -> Option<(usize, usize)> {
        if self.gz.len() != t.len() {
            return gazetteer_at(t, i, end);
        }
        let full = *self.gz[i].get_or_insert_with(|| gazetteer_at(t, i, t.len() - 1));
        match full {
            Some((n, _)) if i + n - 1 > end => gazetteer_at(t, i, end),
            hit => hit,
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        t: &[Token],
        a: usize,
        b: usize,
        source: Source,
        mut cues: Cues,
        line: LineKind,
    ) {
        let mut r = t[a].range.start..t[b].range.end;
        // "de Vries": a lowercase particle before a lone surname belongs to it.
        if a > 0 && source_is_name(&source) {
            let p = &t[a - 1];
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
                && (a < 2 || !t[a - 2].name_like())
            {
                r.start = p.range.start;
            }
        }
        let name = self.text[r.clone()].to_string();
        let key = match source {
            Source::Gazetteer(id) => gazetteer::get().entries[id].key.clone(),
            Source::Name => key(&name),
        };
        let list_bits = names::get().bits(&key);
        if let Source::Name = source {
            let first = (a..=b).find(|&i| t[i].name_like()).unwrap_or(a);
            let last = (a..=b).rev().find(|&i| t[i].name_like()).unwrap_or(b);
            let (fb, lb) = if first == last {
                (list_bits, list_bits)
            } else {
                (self.bits_at(t, first), self.bits_at(t, last))
            };
            cues.add(&name_cues(t, a, b, line, list_bits, fb, lb));
        }
        cues.add(&context_cues(t, a, b, self.kind, line, list_bits));
        // In a sports report a town after "in" or "at" is the town, whatever
        // its other mentions (its team) say.
        let town = list_bits & (names::bit::CITY | names::bit::STATE) != 0
            || matches!(source, Source::Gazetteer(id)
                if gazetteer::get().entries[id].scope == Some(crate::analysis::gazetteer::PlaceScope::City));
        let apart = self.kind.sports
            && town
            && a > 0
            && (!t[a - 1].cap || t[a - 1].initial || t[a - 1].caps)
            && with_lower(t[a - 1].text, |p| {
                matches!(p, "in" | "at" | "from" | "near")
            });
        self.spans.push((a, b));
        self.out.push(Candidate {
            doc: self.doc,
            range: r,
            nwords: super::name_words(&name).count().min(255) as u8,
            name,
            key,
            source,
            cues,
            initial: t[a].initial,
            caps: line.caps || t[a..=b].iter().all(|w| w.caps || !w.name_like()),
            bits: list_bits,
            list: 0,
            apart,
            unmatched: false,
            kind: super::EntityKind::Other,
            lead: 0,
        });
    }

    /// A name in running text, `t[a..=b]`: split out a gazetteer name when
    /// the rest is a title's person or another place, else keep it whole.
    fn name(&mut self, t: &[Token], a: usize, b: usize, person_cue: bool, line: LineKind) {
        let (mut a, mut b) = (a, b);
        let mut person_cue = person_cue;
        let mut extra = Cues::default();
        while a <= b && (!t[a].name_like() || (a < b && has(word::ROLE_WORDS, t[a].text))) {
            // "Fellow of Nuclear Policy": a role of something, not a person.
            if t[a].name_like() && !t[a + 1].name_like() {
                person_cue = false;
            }
            a += 1;
        }
        while b > a && (!t[b].name_like() || has(word::ROLE_WORDS, t[b].text)) {
            // "the Harbour Policy Fellow": what a role is of is no person.
            if t[b].name_like() {
                extra.other = 5;
            }
            b -= 1;
        }
        // "North Korean Supreme leader": a title's first words before its
        // head in lower case.
        let role_after = t
            .get(b + 1)
            .is_some_and(|w| !w.cap && with_lower(w.text, |l| has(word::ROLE_CUES, l)));
        while b > a && role_after && has(word::TITLE_PREFIXES, t[b].text) {
            b -= 1;
        }
        if a > b
            || t[a..=b]
                .iter()
                .all(|w| has(word::ROLE_WORDS, w.text) || is_title(w.text) || !w.name_like())
        {
            return;
        }
        // "Struggling French side …": a common word opening a sentence is
        // not part of the name that follows it.
        if a < b
            && t[a].initial
            && !t[a].caps
            && self.plain_at(t, a)
            && (self.person_at(t, a + 1, b) || self.gaz(t, a + 1, b).is_some())
        {
            a += 1;
        }
        // "Leaders of the Harbour Council": a common word and "of" opening a
        // sentence are not part of the name after them.
        if a + 1 < b
            && t[a].initial
            && !t[a].caps
            && self.plain_at(t, a)
            && keyword_cues(&[t[a].text]).total() == 0
            && !t[a + 1].name_like()
        {
            a += 1;
            while a < b && !t[a].name_like() {
                a += 1;
            }
        }
        // "Harbour Region Ann Lee": a keyword ends a name when a person's
        // name follows it without a comma.
        if let Some(q) = (a + 1..b).find(|&q| {
            bits(t[q].text) & (word::ORG_WORDS | word::PLACE_WORDS | word::EVENT_WORDS) != 0
                && self.person_at(t, q + 1, b)
        }) {
            self.name(t, a, q, person_cue, line);
            self.name(t, q + 1, b, true, line);
            return;
        }
        // A lone keyword ("Peninsula", "Summit") names nothing, but "the
        // Senate", "the Commission" name an institution.
        if a == b {
            let w = t[a].text;
            let institution = !t[a].initial
                && bits(w) & word::ORG_WORDS != 0
                && a > 0
                && t[a - 1].text == "the"
                && t[a].punct_after != Some('-');
            if institution {
                self.push(t, a, b, Source::Name, Cues::default(), line);
                return;
            }
            // "I'm", "We've": a pronoun and its verb.
            if let Some((head, _)) = w.split_once(['\'', '’'])
                && is_stop_any(head)
            {
                return;
            }
            const KEYWORDS: u32 = word::ORG_WORDS
                | word::EVENT_WORDS
                | word::PLACE_WORDS
                | word::OTHER_WORDS
                | word::LEGAL_SUFFIXES;
            if bits(w) & KEYWORDS != 0
                || with_lower(w, |lw| {
                    has(word::NEVER, lw)
                        || (t[a].initial && !t[a].caps && is_stop(lw))
                        || (lw.contains('-')
                            && lw.split('-').all(|p| has(word::NEVER, p) || is_stop(p)))
                })
            {
                return;
            }
        }
        let mut title = Cues {
            person: if person_cue { TITLE_CUE } else { 0 },
            ..Default::default()
        };
        title.add(&extra);
        // "Ferencvaros of Hungary": "of" before a country or city ends a name
        // that has no keyword ("Bank of England" keeps it).
        if let Some(q) = (a + 1..b).find(|&q| t[q].text == "of") {
            let left: Vec<&str> = t[a..q].iter().map(|w| w.text).collect();
            let right_place = self.gaz(t, q + 1, b).is_some_and(|(n, id)| {
                q + n == b && gazetteer::get().entries[id].kind == super::EntityKind::Place
            }) || self.bits_at(t, q + 1) & (bit::CITY | bit::STATE) != 0
                && q + 1 == b;
            if right_place && keyword_cues(&left).total() == 0 && !left.iter().any(|w| is_title(w))
            {
                self.name(t, a, q - 1, person_cue, line);
                self.name(t, q + 1, b, false, line);
                return;
            }
        }
        // Gazetteer names inside the span.
        let mut hits: Vec<(usize, usize, usize)> = Vec::new();
        let mut i = a;
        while i <= b {
            if let Some((n, id)) = self.gaz(t, i, b) {
                hits.push((i, i + n - 1, id));
                i += n;
            } else {
                i += 1;
            }
        }
        let gaz = gazetteer::get();
        if let [(s, e, id)] = hits[..]
            && s == a
            && e == b
        {
            self.push(t, a, b, Source::Gazetteer(id), title, line);
            return;
        }
        if !hits.is_empty() {
            let covered = (a..=b)
                .all(|i| !t[i].name_like() || hits.iter().any(|&(s, e, _)| s <= i && i <= e));
            if covered {
                for (s, e, id) in hits {
                    self.push(t, s, e, Source::Gazetteer(id), Cues::default(), line);
                }
                return;
            }
            // "Australian Greg Norman": a place before a person; "Syrian
            // Kurds": a demonym before a word that is no keyword.
            let (s, e, id) = hits[0];
            let demonym_of_word = e + 1 == b
                && gaz
                    .lookup(t[s].text)
                    .is_some_and(|(_, f)| f == NameForm::Demonym)
                && keyword_cues(&[t[b].text]).total() == 0
                && !has(word::TEAM_WORDS, t[b].text);
            if s == a
                && gaz.entries[id].kind == super::EntityKind::Place
                && (self.person_at(t, e + 1, b) || person_cue || demonym_of_word)
            {
                self.push(t, s, e, Source::Gazetteer(id), Cues::default(), line);
                self.push(t, e + 1, b, Source::Name, title, line);
                return;
            }
        }
        // "United Nations Environment Council": a name that opens with an
        // organisation's is one of its parts.
        if let Some(&(s, _, id)) = hits.first()
            && s == a
            && gaz.entries[id].kind == super::EntityKind::Organization
        {
            title.org += 4;
        }
        self.push(t, a, b, Source::Name, title, line);
    }

    /// A run of capitalised words `t[i..=end]` in running text, split at
    /// titles and role words.
    fn run(&mut self, t: &[Token], i: usize, end: usize, line: LineKind) {
        let mut s = i;
        // A sentence-initial function word is not part of a name.
        if t[s].initial && !t[s].caps && is_stop_any(t[s].text) {
            s += 1;
        }
        if s > end {
            return;
        }
        let mut seg: Option<usize> = None;
        let mut person_cue = false;
        let mut p = s;
        while p <= end {
            let tl = title_len(t, p, end);
            let role = seg.is_none()
                && tl == 0
                && p < end
                && t[p + 1].name_like()
                && (has(word::ROLE_WORDS, t[p].text)
                    || with_lower(t[p].text, |l| has(word::ROLE_CUES, l)));
            let len = if role { 1 } else { tl };
            // A title before a lone keyword is part of a name ("General
            // Motors", "Justice Department"); a title that ends the run is
            // no part of a name ("the U.S. President said").
            let rest = p + len;
            let keyword = |w: &str| {
                bits(w)
                    & (word::ORG_WORDS | word::PLACE_WORDS | word::EVENT_WORDS | word::OTHER_WORDS)
                    != 0
            };
            let at_end = rest > end;
            let before_is_place = seg.is_some_and(|a| {
                self.gaz(t, a, p - 1).is_some_and(|(n, _)| a + n == p) || (a + 1 == p && t[a].caps)
            });
            let is_title = len > 0
                && !(rest == end && keyword(t[rest].text))
                && (!at_end || seg.is_none() || len >= 2 || before_is_place);
            if is_title {
                if let Some(a) = seg.take() {
                    self.name(t, a, p - 1, person_cue, line);
                }
                person_cue = true;
                p = rest;
                continue;
            }
            if !t[p].name_like() {
                p += 1;
                continue;
            }
            if seg.is_none() {
                seg = Some(p);
            }
            p += 1;
        }
        if let Some(a) = seg {
            self.name(t, a, end, person_cue, line);
        }
    }

    /// Runs of capitalised words in a sentence of running text.
    fn running_text(&mut self, t: &[Token], line: LineKind) {
        self.gz.clear();
        self.gz.resize(t.len(), None);
        self.nb.clear();
        self.nb.resize(t.len(), u16::MAX);
        let mut i = 0;
        while i < t.len() {
            if !t[i].name_like() {
                i += 1;
                continue;
            }
            // A gazetteer name with a word in lower case ("Korean peninsula").
            if let Some((n, id)) = self.gaz(t, i, t.len() - 1)
                && t[i..i + n].iter().any(|w| !w.name_like())
                && t.get(i + n)
                    .is_none_or(|w| !w.name_like() || t[i + n - 1].punct_after.is_some())
            {
                self.push(
                    t,
                    i,
                    i + n - 1,
                    Source::Gazetteer(id),
                    Cues::default(),
                    line,
                );
                i += n;
                continue;
            }
            let mut j = i;
            let mut end = i;
            while j < t.len() {
                let tok = &t[j];
                // Connectors join names when a capital follows ("Institute
                // for the World Economy", "Marks & Spencer").
                let joins = || {
                    let mut k = j;
                    while k < t.len()
                        && k - j < 2
                        && has(word::CONNECTORS, t[k].text)
                        && t[k].punct_after.is_none()
                    {
                        k += 1;
                    }
                    k > j && k < t.len() && t[k].cap
                };
                let ok = tok.name_like() || (j > i && has(word::CONNECTORS, tok.text) && joins());
                if !ok {
                    break;
                }
                if tok.name_like() {
                    end = j;
                }
                if tok.possessive || tok.punct_after.is_some() {
                    break;
                }
                j += 1;
            }
            self.run(t, i, end, line);
            i = end + 1;
        }
    }

    /// A headline, a line in capitals or a table row: names the document
    /// writes elsewhere, gazetteer and city names, and words that are not
    /// common English words.
    fn matched_line(&mut self, t: &[Token], known: &HashSet<u64>, line: LineKind) {
        let gaz = gazetteer::get();
        let lists = names::get();
        let mut i = 0;
        let mut k = String::new();
        let mut w = String::new();
        while i < t.len() {
            if !t[i].cap || t[i].number {
                i += 1;
                continue;
            }
            // The longest known name from here.
            let mut best: Option<(usize, Option<usize>)> = None;
            k.clear();
            for n in 1..=5.min(t.len() - i) {
                let tok = &t[i + n - 1];
                if n > 1 && !(tok.cap || with_lower(tok.text, |l| has(word::CONNECTORS, l))) {
                    break;
                }
                key_into(tok.text, &mut w);
                k.push_str(&w);
                if tok.cap {
                    let gaz_hit = if n == 1 {
                        gaz.lookup(tok.text)
                    } else {
                        gaz.lookup_key(&k)
                    };
                    if let Some((id, _)) = gaz_hit {
                        best = Some((n, Some(id)));
                    } else if known.contains(&hash(&k))
                        || (lists.bits(&k) & (bit::CITY | bit::STATE) != 0
                            && (n > 1 || lists.bits(&k) & bit::COMMON == 0))
                    {
                        best = Some((n, None));
                    }
                }
                if tok.punct_after.is_some() || tok.possessive {
                    break;
                }
            }
            if let Some((n, hit)) = best {
                let source = hit.map_or(Source::Name, Source::Gazetteer);
                self.push(t, i, i + n - 1, source, Cues::default(), line);
                i += n;
                continue;
            }
            // Words that are not common English words.
            let unknown = |tok: &Token| {
                tok.cap
                    && !tok.number
                    && tok.text.chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && !with_lower(tok.text, |l| is_stop(l) || has(word::NEVER, l))
                    && word_bits(tok.text) & bit::COMMON == 0
                    && bits(tok.text) & word::LEGAL_SUFFIXES == 0
            };
            if !unknown(&t[i]) {
                i += 1;
                continue;
            }
            let mut e = i;
            while e + 1 < t.len()
                && t[e].punct_after.is_none()
                && !t[e].possessive
                && unknown(&t[e + 1])
                && !known.contains(&hash(&key(t[e + 1].text)))
            {
                e += 1;
            }
            self.push(t, i, e, Source::Name, Cues::default(), line);
            if let Some(c) = self.out.last_mut() {
                c.unmatched = true;
            }
            i = e + 1;
        }
    }

    /// Candidates of one sentence in a list ("A, B and C") share a list id.
    fn link_lists(&mut self, t: &[Token], first: usize) {
        for c in first + 1..self.out.len() {
            let (_, pb) = self.spans[c - 1];
            let (na, _) = self.spans[c];
            let comma = t[pb].punct_after == Some(',') && na == pb + 1;
            let and = na == pb + 2
                && matches!(t[pb + 1].text, "and" | "or")
                && matches!(t[pb].punct_after, None | Some(','));
            if comma || and {
                if self.out[c - 1].list == 0 {
                    self.next_list += 1;
                    self.out[c - 1].list = self.next_list;
                }
                self.out[c].list = self.out[c - 1].list;
            }
        }
    }
}

fn source_is_name(s: &Source) -> bool {
    matches!(s, Source::Name)
}

/// Find the candidates of one document.
pub(super) fn candidates(
    doc: DocId,
    text: &str,
    sentences: &[Range<usize>],
    boiler: &[Boilerplate],
) -> (Vec<Candidate>, Vec<(String, String)>) {
    let mut acronyms = Vec::new();
    let mut f = Finder {
        doc,
        text,
        kind: DocKind::default(),
        out: Vec::new(),
        spans: Vec::new(),
        gz: Vec::new(),
        nb: Vec::new(),
        next_list: 0,
    };
    for (long, short, range) in acronym_definitions(text) {
        if boilerplate::covers(boiler, &range) {
            continue;
        }
        acronyms.push((long.clone(), short));
        let cues = keyword_cues(&long.split_whitespace().collect::<Vec<_>>());
        f.out.push(Candidate {
            doc,
            nwords: super::name_words(&long).count().min(255) as u8,
            key: key(&long),
            range,
            name: long,
            cues,
            source: Source::Name,
            initial: false,
            caps: false,
            bits: 0,
            list: 0,
            apart: false,
            unmatched: false,
            kind: super::EntityKind::Other,
            lead: 0,
        });
    }
    let tokenized: Vec<(Range<usize>, Vec<Token>)> = sentences
        .iter()
        .filter(|s| !boilerplate::covers(boiler, s))
        .map(|s| {
            (
                s.clone(),
                split_gazetteer_compounds(tokenize(text, s.clone())),
            )
        })
        .collect();
    f.kind = doc_kind(text, &tokenized);
    // The title is the first line; a dateline is one of the few after it.
    let title_end = text
        .trim_start()
        .find('\n')
        .map_or(text.len(), |i| i + (text.len() - text.trim_start().len()));
    let dateline_end = text[title_end.min(text.len())..]
        .match_indices('\n')
        .nth(5)
        .map_or(text.len(), |(i, _)| title_end + i);
    // Running text first; lines in capitals and headlines then match the
    // names it found.
    let mut deferred = Vec::new();
    let mut dateline_seen = false;
    for (si, (range, toks)) in tokenized.iter().enumerate() {
        let mut from = 0;
        let at_line_start = range.start == 0 || text.as_bytes()[range.start - 1] == b'\n';
        if !dateline_seen
            && range.start > title_end
            && range.start < dateline_end
            && at_line_start
            && let Some(p) = dateline_place(toks)
        {
            dateline_seen = true;
            let cue = Cues {
                place: DATELINE_CUE,
                ..Default::default()
            };
            let (a, b) = (p.start, p.end - 1);
            let line = line_kind(&toks[..p.end]);
            let first = f.out.len();
            match gazetteer_at(toks, a, b).filter(|(n, _)| *n == b - a + 1) {
                Some((_, id)) => f.push(toks, a, b, Source::Gazetteer(id), cue, line),
                None => f.push(toks, a, b, Source::Name, cue, line),
            }
            f.out[first].initial = false;
            f.out[first].apart = true;
            from = p.end;
            // "COMMACK, New York 2024-05-01": the state or country after the
            // town is a place too.
            let n = toks[from..]
                .iter()
                .take(3)
                .take_while(|w| w.cap && !w.number)
                .count();
            let region_end = from + n;
            if toks[p.end - 1].punct_after == Some(',')
                && n > 0
                && toks[from..region_end - 1]
                    .iter()
                    .all(|w| w.punct_after.is_none())
                && toks
                    .get(region_end)
                    .is_some_and(|w| w.number || super::tokens::is_month_or_day(w.text))
                    | matches!(toks[region_end - 1].punct_after, Some('(' | '-'))
            {
                let (a, b) = (from, region_end - 1);
                let line = line_kind(&toks[..region_end]);
                let first = f.out.len();
                match gazetteer_at(toks, a, b).filter(|(n, _)| *n == b - a + 1) {
                    Some((_, id)) => f.push(toks, a, b, Source::Gazetteer(id), cue, line),
                    None => f.push(toks, a, b, Source::Name, cue, line),
                }
                f.out[first].apart = true;
                from = region_end;
            }
        }
        let t = &toks[from..];
        if t.is_empty() {
            continue;
        }
        let line = line_kind(t);
        if line.caps || (!line.table && is_headline(text, range)) {
            deferred.push((si, from, !line.caps));
            continue;
        }
        let first = f.out.len();
        f.spans.clear();
        f.spans.resize(first, (0, 0));
        f.running_text(t, line);
        f.link_lists(t, first);
    }
    // Names written in normal case, and the words of people's names (by
    // the hash of their keys: no copies).
    let mut known: HashSet<u64> = HashSet::default();
    if !deferred.is_empty() {
        for c in &f.out {
            known.insert(hash(&c.key));
            let person_like = c.cues.person > c.cues.org.max(c.cues.place);
            if c.word_count() >= 2 && matches!(c.source, Source::Name) && person_like {
                let words = c.words();
                for w in [words[0], words[words.len() - 1]] {
                    let k = key(w);
                    if names::get().bits(&k) & bit::COMMON == 0 && k.len() > 2 {
                        known.insert(hash(&k));
                    }
                }
            }
        }
    }
    for (si, from, headline) in deferred {
        let t = &tokenized[si].1[from..];
        let line = LineKind {
            headline,
            ..line_kind(t)
        };
        f.spans.clear();
        f.spans.resize(f.out.len(), (0, 0));
        f.matched_line(t, &known, line);
    }
    (f.out, acronyms)
}

#[cfg(test)]
#[path = "spans_tests.rs"]
mod tests;
