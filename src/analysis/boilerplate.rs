//! Boilerplate: paywall and subscription pitches, comment forms, share,
//! follow and login prompts, newsletter sign-ups, advertisements, lists of
//! related articles, image and photo credits, cookie notices, bylines,
//! copyright lines and tag lines. Found by general patterns of how news
//! sites write them (never by one site's wording); the text itself is kept
//! and shown dimmed, only its range is recorded, and it is never a claim.

use regex::{Regex, RegexSet};
use serde::Serialize;
use std::ops::Range;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BoilerKind {
    Paywall,
    CommentForm,
    Share,
    Copyright,
    Caption,
    Promo,
    Metadata,
    /// "By Jane Doe, Staff Reporter", "Posted by …".
    Byline,
    /// "We use cookies …".
    Cookie,
    /// "Sign up for our newsletter …".
    Newsletter,
    /// A "Related articles" / "Read more" heading and the list under it.
    Related,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Boilerplate {
    pub range: Range<usize>,
    pub kind: BoilerKind,
}

/// Words one of which every boilerplate pattern contains: text without any
/// of them is not boilerplate, and is skipped without running the patterns.
const TRIGGERS: &[&str] = &[
    "subscri",
    "member",
    "the rest",
    "the full",
    "to access",
    "to unlock",
    "to read this",
    "to read more",
    "continue reading",
    "free trial",
    "/m",
    "/y",
    "/w",
    "leave a",
    "fill in",
    "commenting",
    "log out",
    "%s",
    "notify me",
    "not be published",
    "required fields",
    "comment",
    "cancel reply",
    "click an icon",
    "share",
    "tweet",
    "print",
    "email",
    "click",
    "like this",
    "related",
    "follow us",
    "follow him",
    "follow her",
    "follow them",
    "follow me",
    "sign in",
    "sign up",
    "log in",
    "log up",
    "login",
    "you can follow",
    "copyright",
    "©",
    "rights reserved",
    "(c)",
    "image:",
    "images:",
    "image credit",
    "photo:",
    "photos:",
    "photo credit",
    "picture:",
    "pictures:",
    "picture credit",
    "photograph:",
    "photographs:",
    "photograph credit",
    "illustration:",
    "illustrations:",
    "illustration credit",
    "graphic:",
    "graphics:",
    "graphic credit",
    "video:",
    "videos:",
    "video credit",
    "credit:",
    "credits:",
    "credit credit",
    "source:",
    "sources:",
    "source credit",
    "(photo",
    "(image",
    "(picture",
    "getty",
    "ap photo",
    "afp",
    "epa/",
    "shutterstock",
    "reuters/",
    "read more",
    "more from",
    "editor",
    "newsletter",
    "advertis",
    "sponsored",
    "recommended",
    "you may also",
    "read next",
    "most read",
    "trending",
    "check out",
    "topic:",
    "topics:",
    "tag:",
    "tags:",
    "region:",
    "category:",
    "categories:",
    "filed under",
    "section:",
    "keywords:",
    "brand:",
    "related:",
    "cookie",
    "photo by",
    "photos by",
    "picture by",
    "image by",
    "courtesy",
    "you might",
    "more stories",
    "more news",
    "also read",
    "see also",
    "further reading",
    "popular",
    "don't miss",
    "must read",
];

struct Rules {
    triggers: aho_corasick::AhoCorasick,
    /// (kind, patterns, the longest paragraph they may claim whole)
    paragraph: Vec<(BoilerKind, RegexSet, usize)>,
    comment_start: Regex,
    /// A heading over a list of other articles.
    related_heading: Regex,
    /// "By Jane Doe", "Posted by Jane Doe · March 3", "Reporting by …".
    byline: Regex,
    truncated_credit: Regex,
    labels: Regex,
}

fn rules() -> &'static Rules {
    static R: OnceLock<Rules> = OnceLock::new();
    R.get_or_init(|| {
        let set = |p: &[&str]| RegexSet::new(p.iter().map(|s| format!("(?i){}", s.replace(r"\b", r"(?-u:\b)")))).expect("boilerplate patterns compile");
                Rules {
            triggers: aho_corasick::AhoCorasick::builder().ascii_case_insensitive(true).kind(Some(aho_corasick::AhoCorasickKind::DFA)).build(TRIGGERS).expect("trigger words build"),
            paragraph: vec![
                (
                    BoilerKind::Newsletter,
                    set(&[
                        r"\bnewsletters?\b.{0,80}\b(sign up|subscribe|inbox|delivered|every (morning|day|week)|free)\b",
                        r"\b(sign up|subscribe|register)\b.{0,60}\bnewsletters?\b",
                    ]),
                    300,
                ),
                (
                    BoilerKind::Cookie,
                    set(&[
                        r"\b(we|this (web)?site|our (web)?site)( \w+)? uses? cookies\b",
                        r"\b(accept|allow|manage) (all )?cookies\b",
                        r"\bcookie (policy|settings|preferences|notice)\b",
                        r"\buse of cookies\b",
                    ]),
                    500,
                ),
                (
                    BoilerKind::Paywall,
                    set(&[
                        r"\bbecome an? (\w+ ){0,5}(member|subscriber)\b",
                        r"\balready an? (\w+ )?(member|subscriber)\b",
                        r"\bsubscribe (now|today|to (read|continue|our|get))",
                        r"\bto (access|read|continue reading|unlock) (the rest|the full|this|more)",
                        r"\bcontinue reading\b",
                        r"\bfree trial\b",
                        r"\$\d+(\.\d\d)?\s*/\s*(month|mo|year|yr|week|wk)\b",
                        r"\bmembership\b.*\b(join|\$|per|only)\b",
                        r"\byou('re| are)? (not )?(already )?an? (\w+ )?(member|subscriber)\b",
                        r"\b(members|subscribers) (engage|get|enjoy|receive)\b",
                        r"\bthis (article|content|story) is (for|available to) (subscribers|members)",
                    ]),
                    600,
                ),
                (
                    BoilerKind::CommentForm,
                    set(&[
                        r"^leave an? (reply|comment)",
                        r"fill in your details below",
                        r"you are commenting using your",
                        r"\blog out\s*/",
                        r"connecting to %s",
                        r"^notify me of",
                        r"your email address will not be published",
                        r"required fields are marked",
                        r"^(post (a )?comment|cancel reply|comments? (are )?closed)",
                        r"click an icon to log in",
                    ]),
                    300,
                ),
                (
                    BoilerKind::Share,
                    set(&[
                        r"^(share|tweet|print|email)( this)?( article| story| post| page)?:?$",
                        r"^click to (share|email|print)",
                        r"^share (on|via) (facebook|twitter|x|linkedin|whatsapp|email|reddit|telegram)",
                        r"^share this( article| story| post| page)?\b",
                        r"^(share|tweet|email|print)( on \w+)?( +(share|tweet|email|print)( on \w+)?)+$",
                        r"^(like this|related( articles| stories| posts)?):?$",
                        r"^follow (us|him|her|them|me)\b",
                        r"^(like|follow) (us|our \w+) on\b",
                        r"^(sign|log) (in|up)\b",
                        r"\byou can follow (him|her|them|us|me)\b",
                    ]),
                    200,
                ),
                (
                    BoilerKind::Copyright,
                    set(&[r"^copyright\b", r"^©", r"\bcopyright ©", r"\ball rights reserved\b", r"^\(c\) \d{4}"]),
                    300,
                ),
                (
                    BoilerKind::Caption,
                    set(&[
                        r"^(image|photo|picture|photograph|illustration|graphic|video|credit|source)s?( credit)?:\s",
                        r"\((photo|image|picture)s? (by|credit|courtesy)",
                        r"\b(getty images|ap photo|afp photo|epa|shutterstock|reuters)/\w+",
                        r"\b(getty images|ap photo|afp via getty images)\s*$",
                        r"^(photo|photograph|picture|image|video)s? (by|courtesy of|credit)\b",
                        r"^\(?(photo|image|picture)s?:?\s*(courtesy|credit)",
                    ]),
                    500,
                ),
                (
                    BoilerKind::Promo,
                    set(&[
                        r"^read more( from| at| on)?\b",
                        r"^editor['’]s note\b",
                        r"^sign up for\b",
                        r"\bsubscribe to our newsletter\b",
                        r"^(advertisement|advert|ad|sponsored( content)?|paid content)\s*:?$",
                        r"^(advertisement|sponsored( content)?|recommended( for you)?|more from|you may also like|read next|most read|trending)\b",
                        r"\bcheck out (all|our|more)\b",
                    ]),
                    300,
                ),
            ],
            related_heading: Regex::new(r"(?i)^(related( articles| stories| posts| content| coverage| links| reading| news)?|read more|read next|read also|also read|more (stories|news|headlines|on this( story| topic)?|from [\w .'’&-]{1,40})|you (may|might) (also )?(like|enjoy|be interested in)|see also|further reading|recommended( for you| reading| stories)?|most (read|popular|viewed|shared)|popular (stories|now|articles)|trending( now| stories)?|don['’]t miss|must read|top stories)\s*:?$").expect("compiles"),
            byline: Regex::new(r"(?i)^(?:(?:by|written by|words by|reporting by|posted by|report by)\s+(\p{Lu}[\p{L}.'’-]*)(?:\s+(?:\p{Lu}[\p{L}.'’-]*|de|van|von|der|da|di|al|bin|and|&))*|\(reporting by\b.*\)|(?:staff|senior|special) (?:reporter|writer|correspondent))(?:\s*(?:,|\||·|-|–|—|/)\s*.*)?$").expect("compiles"),
            comment_start: Regex::new(r"(?i)^leave an? (reply|comment)|^(\d+ )?comments?:?$|^join the (conversation|discussion)").expect("compiles"),
            // A caption whose credit was cut off: "... 2018. RE"
            truncated_credit: Regex::new(r"\.\s+[A-Z]{1,3}$").expect("compiles"),
            // "Topic: Security Region: Asia Tags: ..." (several labels in a row)
            labels: super::regex(r"\b(Topics?|Tags?|Region|Categor(y|ies)|Filed under|Section|Keywords|Blog Brand|Related)\s*:"),
        }
    })
}

/// Classify one unit (a short paragraph or a sentence) by the pattern sets.
fn classify(unit: &str) -> Option<BoilerKind> {
    classify_triggered(unit, rules().triggers.is_match(unit))
}

/// `classify`, told whether `unit` holds a trigger word.
fn classify_triggered(unit: &str, triggered: bool) -> Option<BoilerKind> {
    if !triggered {
        return None;
    }
    rules()
        .paragraph
        .iter()
        .find(|(_, set, max_len)| unit.len() <= *max_len && set.is_match(unit))
        .map(|(k, _, _)| *k)
}

/// Words a byline's name never starts with ("By Tuesday, …").
const NOT_A_NAME: &[&str] = &[
    "the",
    "then",
    "now",
    "law",
    "night",
    "noon",
    "midnight",
    "far",
    "contrast",
    "comparison",
    "early",
    "late",
    "mid",
    "next",
    "last",
    "this",
    "that",
];

/// A line that names who wrote or posted the article.
fn is_byline(line: &str) -> bool {
    if line.len() > 100 || line.ends_with(['.', '?', '!']) && line.split_whitespace().count() > 6 {
        return false;
    }
    let Some(c) = rules().byline.captures(line) else {
        return false;
    };
    c.get(1).is_none_or(|name| {
        let w = name.as_str().to_lowercase();
        !{
            let w = w.trim_end_matches([',', '.']);
            crate::text::words::MONTHS_AND_DAYS.contains(&w) || NOT_A_NAME.contains(&w)
        }
    })
}

/// A line of a list of other articles' titles (under a "Related" heading).
fn is_list_item(line: &str) -> bool {
    let words = line.split_whitespace().count();
    line.starts_with(['-', '*', '•', '·', '–', '—', '>'])
        || (words <= 16 && line.len() <= 120 && !line.ends_with(['.', '"', '”', ':']))
}

/// Signals that only make sense for a whole paragraph.
/// `triggered`: the paragraph holds a trigger word.
fn classify_paragraph(par: &str, triggered: bool) -> Option<BoilerKind> {
    let r = rules();
    if par.len() < 400 && r.truncated_credit.is_match(par) {
        return Some(BoilerKind::Caption);
    }
    if !triggered {
        return None;
    }
    if par.len() < 400 && r.truncated_credit.is_match(par) {
        return Some(BoilerKind::Caption);
    }
    None
}

/// Most bytes between two labels of one run ("Topic: Cities Region:").
const LABEL_GAP: usize = 80;
/// Most bytes of the last label's value ("Tags: Leeds, ferries"); no more
/// than [`LABEL_GAP`], so that runs never overlap.
const LABEL_VALUE: usize = LABEL_GAP;
/// Most bytes before the first label taken into the run (a date).
const LABEL_LEAD: usize = 40;

/// Does `s` end a sentence somewhere (a word ending in `.`, `!` or `?`)?
fn ends_sentence(s: &str) -> bool {
    s.split_whitespace().any(|w| w.ends_with(['.', '!', '?']))
}

/// Byte offset in `par` where the value of a label ending at `from` ends:
/// after the first word that ends a sentence, or before the word that
/// would take it past [`LABEL_VALUE`] bytes.
fn value_end(par: &str, from: usize) -> usize {
    let mut end = from;
    let mut pos = from;
    for w in par[from..].split_inclusive(char::is_whitespace) {
        let word = w.trim_end();
        let word_end = pos + word.len();
        if word_end - from > LABEL_VALUE {
            break;
        }
        pos += w.len();
        if word.is_empty() {
            continue;
        }
        end = word_end;
        if word.ends_with(['.', '!', '?']) {
            break;
        }
    }
    end
}

/// The runs of labelled metadata in a paragraph ("March 8, 2021 Topic:
/// Cities Region: Europe Tags: Leeds"): two or more labels in a row, each
/// within [`LABEL_GAP`] bytes of the next with no sentence end between; the
/// last label's value is bounded by [`value_end`]. Only these runs are
/// metadata: body text in the same paragraph (or one-line file) stays text.
/// Byte ranges into `par`.
fn label_runs(par: &str) -> Vec<Range<usize>> {
    let r = rules();
    if !r.triggers.is_match(par) {
        return Vec::new();
    }
    let labels: Vec<Range<usize>> = r.labels.find_iter(par).map(|m| m.range()).collect();
    let mut runs = Vec::new();
    let mut i = 0;
    while i < labels.len() {
        let mut j = i;
        while j + 1 < labels.len() {
            let gap = &par[labels[j].end..labels[j + 1].start];
            if gap.len() > LABEL_GAP || ends_sentence(gap) {
                break;
            }
            j += 1;
        }
        if j > i {
            // A short lead with no sentence end in it (a date) goes with
            // the run when nothing precedes it on the line.
            let first = labels[i].start;
            let start = if first <= LABEL_LEAD && !ends_sentence(&par[..first]) {
                0
            } else {
                first
            };
            let start = runs
                .last()
                .map_or(start, |r: &Range<usize>| start.max(r.end));
            let end = value_end(par, labels[j].end).max(labels[j].end);
            if start < end {
                runs.push(start..end);
            }
        }
        i = j + 1;
    }
    runs
}

/// Find boilerplate in `text`, given its sentences (sorted byte ranges).
pub fn find(text: &str, sentences: &[Range<usize>]) -> Vec<Boilerplate> {
    let mut out: Vec<Boilerplate> = Vec::new();
    let mut in_comment_form = false;
    let mut in_related = false;
    let mut start = 0;
    for line in text.split('\n') {
        let end = start + line.len();
        let lead = line.len() - line.trim_start().len();
        let trimmed = line.trim();
        let range = start + lead..start + lead + trimmed.len();
        start = end + 1;
        if trimmed.is_empty() {
            continue;
        }
        if rules().comment_start.is_match(trimmed) {
            in_comment_form = true;
        }
        if rules().related_heading.is_match(trimmed) {
            in_related = true;
            out.push(Boilerplate {
                range,
                kind: BoilerKind::Related,
            });
            continue;
        }
        if in_related && is_list_item(trimmed) {
            out.push(Boilerplate {
                range,
                kind: classify(trimmed).unwrap_or(BoilerKind::Related),
            });
            continue;
        }
        in_related = false;
        if is_byline(trimmed) {
            out.push(Boilerplate {
                range,
                kind: BoilerKind::Byline,
            });
            continue;
        }
        let first = sentences.partition_point(|s| s.start < range.start);
        let count = sentences[first..]
            .iter()
            .take_while(|s| s.end <= range.end)
            .count();
        let sents = &sentences[first..first + count];
        let runs = label_runs(trimmed);
        if let [run] = runs.as_slice()
            && run.start == 0
            && trimmed[run.end..].trim().is_empty()
        {
            // The whole paragraph is labels and their values.
            out.push(Boilerplate {
                range,
                kind: BoilerKind::Metadata,
            });
            continue;
        }
        if !runs.is_empty() {
            // Labels with body text around them: only the runs are
            // metadata; the sentences outside them are judged one by one.
            in_comment_form = false;
            let mut found: Vec<Boilerplate> = runs
                .iter()
                .map(|r| Boilerplate {
                    range: range.start + r.start..range.start + r.end,
                    kind: BoilerKind::Metadata,
                })
                .collect();
            for s in sents {
                let clear = found
                    .iter()
                    .all(|b| s.end <= b.range.start || b.range.end <= s.start);
                if clear && let Some(kind) = classify(&text[s.clone()]) {
                    found.push(Boilerplate {
                        range: s.clone(),
                        kind,
                    });
                }
            }
            found.sort_by_key(|b| b.range.start);
            out.extend(found);
            continue;
        }
        // The paragraph is searched for trigger words once.
        let triggered = rules().triggers.is_match(trimmed);
        let mut kind = classify_paragraph(trimmed, triggered);
        if kind.is_none() && sents.len() <= 1 {
            kind = classify_triggered(trimmed, triggered);
        }
        if kind.is_none() && in_comment_form && trimmed.len() < 100 {
            kind = Some(BoilerKind::CommentForm);
        }
        if let Some(kind) = kind {
            out.push(Boilerplate { range, kind });
            continue;
        }
        in_comment_form = false;
        // A longer paragraph: judge each sentence; when most of the
        // paragraph is boilerplate, all of it is.
        if !triggered {
            continue;
        }
        let judged: Vec<(Range<usize>, BoilerKind)> = sents
            .iter()
            .filter_map(|s| classify(&text[s.clone()]).map(|k| (s.clone(), k)))
            .collect();
        let boiler_bytes: usize = judged.iter().map(|(r, _)| r.len()).sum();
        if !judged.is_empty() && boiler_bytes * 3 >= trimmed.len() * 2 {
            out.push(Boilerplate {
                range,
                kind: judged[0].1,
            });
        } else {
            out.extend(
                judged
                    .into_iter()
                    .map(|(range, kind)| Boilerplate { range, kind }),
            );
        }
    }
    out
}

/// Is the byte range inside boilerplate?
pub fn covers(boiler: &[Boilerplate], range: &Range<usize>) -> bool {
    let i = boiler.partition_point(|b| b.range.end <= range.start);
    boiler
        .get(i)
        .is_some_and(|b| b.range.start <= range.start && range.end <= b.range.end)
}

#[cfg(test)]
#[path = "boilerplate_tests.rs"]
mod tests;
