//! What linking needs of each claim, computed once: its content words
//! (stemmed, with their word vector and background rarity), its quotation,
//! its names with their scope, its dates that can be shared, and whether it
//! is background (dated a year or more before its document).

use super::names::{self, NameKey, Scope};
use super::quotes::{self, hash};
use super::vectors;
use crate::analysis::claims::Claim;
use crate::analysis::dates::Precision;
use crate::analysis::entities::EntityKind;
use crate::analysis::{Event, ReferenceBasis};
use chrono::Datelike;
use rust_stemmers::{Algorithm, Stemmer};
use std::sync::OnceLock;

/// No word vector for this term.
pub const NO_VECTOR: u32 = u32::MAX;
/// A claim dated this many days or more before its document is background.
pub const BACKGROUND_DAYS: i64 = 365;

fn stemmer() -> &'static Stemmer {
    static S: OnceLock<Stemmer> = OnceLock::new();
    S.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// Day words other than month and weekday names.
const CALENDAR: &[&str] = &["today", "yesterday", "tomorrow", "a.m", "p.m"];

/// A month, weekday or other day word (lower case, as written).
fn is_calendar(w: &str) -> bool {
    crate::text::words::MONTHS_AND_DAYS.contains(&w) || CALENDAR.contains(&w)
}

/// The word-vector index of a word, if it may be matched by meaning:
/// letters only, not a day or month name (dates are compared as dates).
pub fn vector_of(surface: &str) -> u32 {
    if !matchable(surface) {
        return NO_VECTOR;
    }
    let table = vectors::get();
    table
        .find(surface)
        .filter(|&i| table.rank(i) > COMMON_RANK)
        .map_or(NO_VECTOR, |i| i as u32)
}

/// The most frequent words (by GloVe rank) are never matched by meaning:
/// their vectors are near too many others ("left" and "close", "day" and
/// "week").
pub const COMMON_RANK: u32 = 300;

fn matchable(surface: &str) -> bool {
    surface.len() >= 3 && surface.chars().all(|c| c.is_ascii_lowercase()) && !is_calendar(surface)
}

/// Share of news articles a word appears in, from its frequency rank.
pub fn background_share(surface: &str) -> f32 {
    let v = vectors::get();
    match v.find(surface) {
        Some(i) => (60.0 / v.rank(i) as f32).min(0.9),
        None => 0.0008,
    }
}

/// A content word of a sentence, ready for comparison.
#[derive(Debug, Clone, Copy)]
pub struct Token {
    /// Hash of the stem.
    pub key: u64,
    /// Word-vector index (or `NO_VECTOR`).
    pub vec: u32,
    /// Background share (see `background_share`).
    pub share: f32,
    /// WordNet entry (or `wordnet::NONE`).
    pub syn: u32,
    /// A word, not a number or a day or month name.
    pub plain: bool,
    /// Byte range in the document.
    pub start: u32,
    pub end: u32,
}

#[derive(Clone, Copy)]
struct TokenInfo {
    key: u64,
    vec: u32,
    share: f32,
    syn: u32,
    plain: bool,
}

/// Content words of `text[range]` (offsets into `text`). Words are stemmed
/// and looked up once per thread (news repeats its words).
pub fn tokens(text: &str, range: std::ops::Range<usize>, out: &mut Vec<Token>) {
    use std::cell::RefCell;
    use std::hash::Hasher;
    // Keyed by a 64-bit hash of the lower-cased word: no string is built or
    // compared for a word seen before.
    thread_local! {
        static CACHE: RefCell<rustc_hash::FxHashMap<u64, Option<TokenInfo>>> =
            RefCell::new(Default::default());
    }
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        if cache.len() > 500_000 {
            cache.clear();
        }
        let mut lower = String::new();
        for (at, w) in word_spans(&text[range.clone()]) {
            let ascii = w.is_ascii();
            if !ascii {
                lower.clear();
                for c in w.chars() {
                    if c == '’' {
                        lower.push('\'');
                    } else {
                        lower.extend(c.to_lowercase());
                    }
                }
            }
            let mut h = rustc_hash::FxHasher::default();
            if ascii {
                for b in w.bytes() {
                    h.write_u8(b.to_ascii_lowercase());
                }
            } else {
                h.write(lower.as_bytes());
            }
            h.write_usize(w.len());
            let info = *cache.entry(h.finish()).or_insert_with(|| {
                if ascii {
                    token_info(&w.to_ascii_lowercase())
                } else {
                    token_info(&lower)
                }
            });
            if let Some(i) = info {
                let start = (range.start + at) as u32;
                out.push(Token {
                    key: i.key,
                    vec: i.vec,
                    share: i.share,
                    syn: i.syn,
                    plain: i.plain,
                    start,
                    end: start + w.len() as u32,
                });
            }
        }
    });
}

/// Words of `s` with their byte offsets: runs of letters and digits, joined
/// across an apostrophe between letters ("don't"), a dot between letters
/// ("U.S") and a dot or comma between digits ("4.6", "28,500"), as Unicode
/// word boundaries (UAX #29) would, but without its tables.
pub fn word_spans(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let b = s.as_bytes();
    let mut i = 0;
    // The character at byte `at` (ASCII without decoding).
    let char_at = move |at: usize| -> Option<char> {
        match b.get(at) {
            Some(&c) if c < 0x80 => Some(c as char),
            Some(_) => s[at..].chars().next(),
            None => None,
        }
    };
    std::iter::from_fn(move || {
        // Skip to the start of a word.
        while i < b.len() {
            let c = char_at(i)?;
            if c.is_alphanumeric() {
                break;
            }
            i += c.len_utf8();
        }
        if i >= b.len() {
            return None;
        }
        let start = i;
        let mut prev = char_at(i)?;
        i += prev.len_utf8();
        while i < b.len() {
            let c = char_at(i)?;
            if c.is_alphanumeric() {
                prev = c;
                i += c.len_utf8();
                continue;
            }
            let next = char_at(i + c.len_utf8());
            let joins = match (c, next) {
                ('\'' | '’' | '.', Some(n)) if prev.is_alphabetic() && n.is_alphabetic() => true,
                ('.' | ',', Some(n)) if prev.is_ascii_digit() && n.is_ascii_digit() => true,
                _ => false,
            };
            if joins {
                i += c.len_utf8();
                continue;
            }
            break;
        }
        Some((start, &s[start..i]))
    })
}

fn token_info(lower: &str) -> Option<TokenInfo> {
    if crate::text::words::is_stop(lower)
        || !lower.chars().any(char::is_alphanumeric)
        || (lower.len() == 1 && lower.chars().all(|c| c.is_ascii_digit()))
    {
        return None;
    }
    let surface = lower.strip_suffix("'s").unwrap_or(lower);
    let table = vectors::get();
    let found = table.find(surface);
    let wn = super::wordnet::get();
    // Irregular forms are compared by their lemma ("held" as "hold").
    let lemma = wn.irregular(surface).unwrap_or(surface);
    Some(TokenInfo {
        plain: surface.chars().any(char::is_alphabetic) && !is_calendar(surface),
        key: hash(&stemmer().stem(lemma)),
        syn: if matchable(surface) {
            wn.entry(surface)
        } else {
            super::wordnet::NONE
        },
        vec: match found {
            Some(i) if matchable(surface) && table.rank(i) > COMMON_RANK => i as u32,
            _ => NO_VECTOR,
        },
        share: found.map_or(0.0008, |i| (60.0 / table.rank(i) as f32).min(0.9)),
    })
}

/// A date that two claims can share: its first and last day (day numbers).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub first: i64,
    pub last: i64,
    pub precision: Precision,
}

impl Span {
    /// Could the two spans be the same date (allowing `slack` days between
    /// two precise days)?
    pub fn meets(&self, o: &Span, slack: i64) -> bool {
        let slack = if self.precision == Precision::Day && o.precision == Precision::Day {
            slack
        } else {
            0
        };
        self.first <= o.last + slack && o.first <= self.last + slack
    }
}

/// The days a date covers.
pub fn span(e: &Event) -> Option<Span> {
    let date = e.date?;
    let first = date.first_day()?;
    let end = e.end.unwrap_or(date);
    let last_first = end.first_day()?;
    let last = match end.precision() {
        Precision::Day => last_first,
        Precision::Month => last_first
            .checked_add_months(chrono::Months::new(1))?
            .pred_opt()?,
        Precision::Year => chrono::NaiveDate::from_ymd_opt(end.year, 12, 31)?,
    };
    Some(Span {
        first: first.num_days_from_ce() as i64,
        last: last.num_days_from_ce() as i64,
        precision: date.precision().min(end.precision()),
    })
}

/// Is a date resolved against a reference that is only a guess (the
/// corpus's latest date, or the end of a month the text names)? Such a date
/// is never shared with another document.
pub fn fallback(e: &Event, basis: Option<ReferenceBasis>) -> bool {
    e.relative
        && !matches!(
            basis,
            Some(ReferenceBasis::Published | ReferenceBasis::LatestInText)
        )
}

/// A term's word vector, WordNet entry, clause and kind.
#[derive(Debug, Clone, Copy)]
pub struct TermInfo {
    /// Word-vector index (or `NO_VECTOR`).
    pub vec: u32,
    /// WordNet entry (or `wordnet::NONE`).
    pub syn: u32,
    /// The clauses of the sentence the term is in (bit `k` for clause `k`;
    /// clauses past the 32nd count as the last).
    pub clauses: u32,
    /// A word, not a number or a date word.
    pub plain: bool,
}

#[derive(Default)]
pub struct Features {
    /// Stem hashes, sorted and unique.
    pub terms: Vec<u64>,
    /// The squared IDF weight of each term.
    pub weights: Vec<f32>,
    /// The sum of `weights` (at least a tiny amount).
    pub mass: f32,
    /// What else is known of each term.
    pub info: Vec<TermInfo>,
    pub quote: Vec<String>,
    pub trigrams: Vec<u64>,
    /// Dates that can be shared.
    pub dates: Vec<Span>,
    /// Names (no demonyms), sorted and unique.
    pub names: Vec<NameKey>,
    pub background: bool,
}

/// What `features` needs to know about the claim's document.
pub struct Context<'a> {
    pub text: &'a str,
    pub events: &'a [Event],
    pub basis: Option<ReferenceBasis>,
    /// The document's own date (day number), when it is known.
    pub present: Option<i64>,
    pub entity_kind: &'a (dyn Fn(usize) -> EntityKind + Sync),
    /// Start of each mention of the document, and its name key.
    pub keys: &'a [(usize, NameKey)],
    /// The corpus's places by folded name.
    pub places: &'a super::PlaceNames,
}

/// The place a thing's name begins with ("Singapore" in "Singapore Joint
/// Statement", "Paris" in "Paris Agreement"), up to three words, as the
/// key a mention of that place has, and the length of the place's name.
fn place_in_name(name: &str, cx: &Context) -> Option<(NameKey, usize)> {
    let ends: Vec<usize> = name
        .char_indices()
        .filter(|&(_, c)| c == ' ')
        .map(|(i, _)| i)
        .take(3)
        .collect();
    // Not the whole name: a name that is a place is a place already.
    ends.iter().rev().find_map(|&end| {
        let prefix = &name[..end];
        let &e = cx.places.get(&prefix.to_lowercase())?;
        Some((names::key(prefix, e, EntityKind::Place), end))
    })
}

/// Words that open a subordinate clause.
const CLAUSE_WORDS: &[&str] = &[
    "because", "where", "while", "whereas", "although", "but", "which", "after",
];

/// Features of claim `c`, whose sentence's content words are `tokens`.
pub fn features(c: &Claim, tokens: &[Token], cx: &Context) -> Features {
    // Names of people, places and organisations are compared as names, not
    // as words; the words of other names ("Joint Statement") stay words.
    let mut names: Vec<NameKey> = Vec::new();
    let mut blank: Vec<(u32, u32)> = Vec::new();
    for (r, e) in &c.names {
        let kind = (cx.entity_kind)(*e);
        let at = cx.keys.partition_point(|k| k.0 < r.start);
        let key = match cx.keys.get(at) {
            Some((start, k)) if *start == r.start => *k,
            _ => names::key(&cx.text[r.clone()], *e, kind),
        };
        if key.scope != Scope::Demonym {
            names.push(key);
        }
        if matches!(kind, EntityKind::Other | EntityKind::Event)
            && let Some((place, len)) = place_in_name(&cx.text[r.clone()], cx)
        {
            // The place is compared as a name, as where it stands alone;
            // the rest of the name ("joint statement") stays words.
            names.push(place);
            blank.push((r.start as u32, (r.start + len) as u32));
        }
        if matches!(
            kind,
            EntityKind::Person | EntityKind::Place | EntityKind::Organization
        ) {
            blank.push((r.start as u32, r.end as u32));
        }
    }
    names.sort_unstable();
    names.dedup();
    // Clauses: split at punctuation inside the sentence and before the
    // words that open a subordinate clause.
    // Clauses: a new one starts after punctuation inside the sentence or at
    // a word that opens a subordinate clause (both sit between content
    // words).
    let mut clause = vec![0u8; tokens.len()];
    for k in 1..tokens.len() {
        let gap = &cx.text[tokens[k - 1].end as usize..tokens[k].start as usize];
        let cut = gap.contains([',', ';', ':', '(', ')', '—', '–'])
            || (gap.len() > 3
                && gap.split_whitespace().any(|x| {
                    CLAUSE_WORDS
                        .iter()
                        .any(|w| x.len() == w.len() && x.eq_ignore_ascii_case(w))
                }));
        clause[k] = clause[k - 1].saturating_add(cut as u8);
    }
    let mut words: Vec<(&Token, u32)> = tokens
        .iter()
        .zip(clause)
        .filter(|(t, _)| !blank.iter().any(|b| b.0 < t.end && t.start < b.1))
        .map(|(t, c)| (t, 1u32 << c.min(31)))
        .collect();
    words.sort_by_key(|w| w.0.key);
    // One entry per term, in every clause it occurs in.
    words.dedup_by(|later, first| {
        let same = later.0.key == first.0.key;
        if same {
            first.1 |= later.1;
        }
        same
    });
    let quote = c
        .quote
        .as_ref()
        .map(|q| quotes::quote_words(&cx.text[q.clone()]))
        .unwrap_or_default();
    let trigrams = quotes::trigrams(&quote);
    let dates: Vec<Span> = c
        .events
        .iter()
        .map(|&e| &cx.events[e])
        .filter(|e| !fallback(e, cx.basis))
        .filter_map(span)
        .collect();
    let background = cx
        .present
        .is_some_and(|p| !dates.is_empty() && dates.iter().all(|d| d.last < p - BACKGROUND_DAYS));
    Features {
        terms: words.iter().map(|w| w.0.key).collect(),
        weights: Vec::new(),
        mass: 1e-6,
        info: words
            .iter()
            .map(|(t, clauses)| TermInfo {
                vec: t.vec,
                syn: t.syn,
                clauses: *clauses,
                plain: t.plain,
            })
            .collect(),
        quote,
        trigrams,
        dates,
        names,
        background,
    }
}

/// The date a document is about, as a day number: its publication date,
/// else the latest date its text states in full.
pub fn present(published: Option<chrono::NaiveDate>, events: &[Event]) -> Option<i64> {
    published
        .or_else(|| {
            events
                .iter()
                .filter_map(|e| {
                    e.date
                        .filter(|d| !e.relative && d.precision() == Precision::Day)
                })
                .filter_map(|d| d.first_day())
                .max()
        })
        .map(|d| d.num_days_from_ce() as i64)
}
