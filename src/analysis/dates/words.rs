//! The words around a date expression: the word before and after, numbers
//! that only look like dates, qualifiers (`early`, `the end of`) and
//! whether the clause speaks of the future.

use super::Qualifier;
use std::ops::Range;

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The word before byte `pos` (skipping spaces) and where it starts; an
/// opening bracket or a possessive `'s` counts as a word. Empty when
/// something other than a space or a word comes first.
pub fn prev_word(text: &str, pos: usize) -> (&str, usize) {
    let before = text[..pos].trim_end_matches([' ', '\u{a0}', '\n']);
    if let Some(b) = before.strip_suffix('(') {
        return ("(", b.len());
    }
    for poss in ["'s", "’s"] {
        if before.ends_with(poss) {
            return (poss, before.len() - poss.len());
        }
    }
    let start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || *c == '-')
        .last()
        .map_or(before.len(), |(i, _)| i);
    let start = start + before[start..].len() - before[start..].trim_start_matches('-').len();
    (&before[start..], start)
}

/// The word after byte `pos` (skipping spaces) and where it ends.
pub fn next_word(text: &str, pos: usize) -> (&str, usize) {
    let rest = &text[pos..];
    let lead = rest.len() - rest.trim_start_matches([' ', '\u{a0}']).len();
    let start = pos + lead;
    let len = text[start..]
        .char_indices()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '\'' || *c == '’'))
        .map_or(text.len() - start, |(i, _)| i);
    (&text[start..start + len], start + len)
}

/// Is the match part of a number (`12,000`, `$2018`, `2018%`)?
pub fn in_number(text: &str, range: &Range<usize>) -> bool {
    let before = text[..range.start].chars().next_back();
    let after = text[range.end..].chars().next();
    let after2 = text[range.end..].chars().nth(1);
    matches!(before, Some('$' | '£' | '€' | '#' | ',' | '.' | '/' | '+'))
        || before.is_some_and(|c| c.is_ascii_digit())
        || matches!(after, Some(',' | '.' | '/' | ':'))
            && after2.is_some_and(|c| c.is_ascii_digit())
        || matches!(after, Some('%'))
        || after.is_some_and(|c| c.is_ascii_digit())
}

/// A qualifier written just before `start` (`early`, `mid-`, `late`, `the
/// end of`, `the beginning of`…) and where it begins.
pub fn qualifier_before(text: &str, start: usize) -> Option<(Qualifier, usize)> {
    let lo = floor_boundary(text, start.saturating_sub(24));
    let before = &text[lo..start];
    let lower = before.to_ascii_lowercase();
    const PHRASES: &[(&str, Qualifier)] = &[
        ("the end of ", Qualifier::Late),
        ("end of ", Qualifier::Late),
        ("the close of ", Qualifier::Late),
        ("the beginning of ", Qualifier::Early),
        ("beginning of ", Qualifier::Early),
        ("the start of ", Qualifier::Early),
        ("start of ", Qualifier::Early),
        ("the middle of ", Qualifier::Mid),
        ("middle of ", Qualifier::Mid),
        ("early-", Qualifier::Early),
        ("early ", Qualifier::Early),
        ("mid-", Qualifier::Mid),
        ("mid ", Qualifier::Mid),
        ("late-", Qualifier::Late),
        ("late ", Qualifier::Late),
    ];
    for (p, q) in PHRASES {
        if lower.ends_with(p) {
            let at = lo + before.len() - p.len();
            // A whole word: "chocolate " is not "late ".
            let ok = text[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            if ok {
                return Some((*q, at));
            }
        }
    }
    None
}

/// Words in the sentence before byte `pos` (at most `n`, nearest last) and
/// after byte `end` (at most `n`, nearest first).
fn clause_words(text: &str, pos: usize, end: usize, n: usize) -> (Vec<&str>, Vec<&str>) {
    let lo = floor_boundary(text, pos.saturating_sub(160));
    let before = &text[lo..pos];
    let cut = before
        .rfind(['.', '!', '?', '\n', ';'])
        .map_or(0, |i| i + 1);
    let mut back: Vec<&str> = before[cut..]
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    if back.len() > n {
        back.drain(..back.len() - n);
    }
    let hi = floor_boundary(text, end + 120);
    let after = &text[end..hi.max(end)];
    let stop = after
        .find(['.', '!', '?', '\n', ';'])
        .unwrap_or(after.len());
    let ahead: Vec<&str> = after[..stop]
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .filter(|w| !w.is_empty())
        .take(n)
        .collect();
    (back, ahead)
}

/// Words that open a clause of their own: the tense beyond them belongs to
/// another verb (`will play on the 9th after their match on Tuesday was
/// postponed`).
fn opens_clause(w: &str) -> bool {
    matches!(
        w,
        "after"
            | "before"
            | "since"
            | "when"
            | "while"
            | "because"
            | "although"
            | "though"
            | "whereas"
            | "unless"
            | "if"
    )
}

/// Words that put what follows in the future.
fn future_word(w: &str) -> bool {
    matches!(
        w,
        "will"
            | "shall"
            | "would"
            | "won't"
            | "won’t"
            | "upcoming"
            | "forthcoming"
            | "next"
            | "scheduled"
            | "slated"
            | "planned"
            | "ahead"
            | "coming"
            | "expect"
            | "expects"
    ) || w.ends_with("'ll")
        || w.ends_with("’ll")
}

/// Words that, before `to`, make the infinitive a plan: `is to meet`, `due
/// to arrive`, `expected to sign`, `threatened to strike`.
fn before_to(w: &str) -> bool {
    matches!(
        w,
        "is" | "are"
            | "was"
            | "were"
            | "am"
            | "due"
            | "set"
            | "expected"
            | "scheduled"
            | "going"
            | "plans"
            | "plan"
            | "planned"
            | "planning"
            | "slated"
            | "intends"
            | "intend"
            | "intended"
            | "aims"
            | "poised"
            | "likely"
            | "threatens"
            | "threatening"
            | "vows"
            | "hopes"
            | "wants"
    )
}

/// Verbs of the present tense that, in news, announce a scheduled event:
/// `the market opens Monday`, `the session ends on Friday`. The first list
/// is rarely anything but a verb; the second is often a plural noun too
/// (`tax returns`, `state visits`), so it counts only next to the date.
fn schedule_verb(w: &str, adjacent: bool) -> bool {
    matches!(
        w,
        "opens"
            | "closes"
            | "starts"
            | "begins"
            | "resumes"
            | "reopens"
            | "convenes"
            | "arrives"
            | "departs"
            | "expires"
            | "kicks"
            | "travels"
            | "flies"
    ) || adjacent
        && matches!(
            w,
            "ends"
                | "meets"
                | "returns"
                | "leaves"
                | "falls"
                | "hosts"
                | "faces"
                | "plays"
                | "visits"
                | "open"
                | "close"
                | "begin"
                | "resume"
                | "reopen"
                | "convene"
                | "arrive"
                | "depart"
                | "expire"
                | "end"
                | "meet"
        )
}

/// Modal verbs: before `be` and a participle they make the clause
/// non-past (`can be held until Saturday`).
fn modal(w: &str) -> bool {
    matches!(
        w,
        "can" | "could" | "may" | "might" | "must" | "should" | "to" | "will" | "would" | "shall"
    )
}

const PAST_IRREGULAR: &[&str] = &[
    "said", "told", "met", "began", "went", "came", "saw", "took", "gave", "made", "held", "won",
    "lost", "fell", "rose", "left", "sent", "found", "brought", "spoke", "wrote", "ran", "struck",
    "led", "flew", "drew", "broke", "chose", "fought", "kept", "knew", "paid", "sold", "stood",
    "threw", "was", "were", "had", "did", "got", "beat", "shot", "became", "swept", "hit", "quit",
    "sank", "stole", "woke", "tore", "wore", "forgot", "froze", "overtook", "withdrew", "upheld",
    "ago",
];

/// Does the word show the past tense (a past form, not part of a name)?
pub fn past_word(w: &str) -> bool {
    if w.starts_with(|c: char| c.is_uppercase()) && w != "I" {
        return false;
    }
    let l = w.to_ascii_lowercase();
    if PAST_IRREGULAR.contains(&l.as_str()) {
        return true;
    }
    l.len() > 4
        && l.ends_with("ed")
        && !matches!(
            l.as_str(),
            "indeed" | "speed" | "exceed" | "proceed" | "succeed" | "hundred" | "breed" | "greed"
        )
}

/// What the clause around a date says of its time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Future,
    /// A verb in the past tense governs the date (`elected in January`).
    Past,
    /// A verb in the past tense further off, or after the date (`the May
    /// 23 polls, the minister said`): it may be the telling that is past.
    WeakPast,
    /// Nothing in the clause decides.
    Unknown,
}

/// Does the clause around the expression at `range` speak of the future
/// or of the past? The nearest deciding word before it wins (a future word
/// or construction, or a verb in the past tense), else the nearest after
/// it; `until` leans to the future unless a past verb comes before it
/// (`the vote was extended until Monday`).
pub fn tense(text: &str, range: &Range<usize>) -> Tense {
    const LOOK: usize = 14;
    let (back, ahead) = clause_words(text, range.start, range.end, LOOK + 4);
    let lower: Vec<String> = back.iter().map(|w| w.to_ascii_lowercase()).collect();
    let mut until = false;
    let first = back.len().saturating_sub(LOOK);
    for i in (first..back.len()).rev() {
        let w = lower[i].as_str();
        let prev = i.checked_sub(1).map(|j| lower[j].as_str());
        let next = lower.get(i + 1).map(String::as_str);
        // "next to" is a place.
        if future_word(w) && !(w == "next" && next == Some("to")) {
            return Tense::Future;
        }
        // (Right before the date it is the date's own preposition.)
        if opens_clause(w) && i + 1 < back.len() {
            break;
        }
        if matches!(w, "until" | "till") {
            until = true;
            continue;
        }
        if w == "to" && prev.is_some_and(before_to) {
            return Tense::Future;
        }
        if matches!(w, "expected" | "due" | "set" | "poised" | "likely")
            && matches!(next, Some("to" | "for"))
        {
            return Tense::Future;
        }
        if schedule_verb(w, i + 2 >= back.len()) {
            return Tense::Future;
        }
        if past_word(back[i]) {
            // A passive after "be" is decided by what comes before it
            // ("will be held", "can be held"); one in the present ("are
            // held") is not past.
            match prev {
                Some("be") if i >= 2 && modal(&lower[i - 2]) => return Tense::Future,
                Some("be" | "is" | "are" | "am") => continue,
                _ if back.len() - i <= 4 => return Tense::Past,
                _ => return Tense::WeakPast,
            }
        }
    }
    if until {
        return Tense::Future;
    }
    for (i, raw) in ahead.iter().enumerate() {
        let w = raw.to_ascii_lowercase();
        if future_word(&w) && w != "next" {
            return Tense::Future;
        }
        if opens_clause(&w) {
            break;
        }
        if before_to(&w)
            && ahead
                .get(i + 1)
                .is_some_and(|n| n.eq_ignore_ascii_case("to"))
        {
            return Tense::Future;
        }
        if past_word(raw) {
            return Tense::WeakPast;
        }
    }
    Tense::Unknown
}

/// Does the clause around the expression at `range` speak of the future?
/// News reports the past, so nothing decides for the past.
pub fn future(text: &str, range: &Range<usize>) -> bool {
    tense(text, range) == Tense::Future
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fut(sentence: &str, expr: &str) -> bool {
        let at = sentence.find(expr).unwrap();
        future(sentence, &(at..at + expr.len()))
    }

    #[test]
    fn tense_of_the_clause() {
        assert!(!fut(
            "The minister said Tuesday that talks would resume.",
            "Tuesday"
        ));
        assert!(fut("The committee will vote on Tuesday.", "Tuesday"));
        assert!(fut("Talks are to resume Thursday in Oslo.", "Thursday"));
        assert!(fut("The envoy was due to arrive Friday.", "Friday"));
        assert!(fut(
            "The ferry service, to be launched on Monday, is new.",
            "Monday"
        ));
        assert!(!fut("The ferry was launched on Monday.", "Monday"));
        assert!(fut("Trading is suspended until Wednesday.", "Wednesday"));
        assert!(!fut(
            "The board extended the vote until Wednesday.",
            "Wednesday"
        ));
        assert!(fut("Suspects can be held until Saturday.", "Saturday"));
        assert!(fut("The exchange opens Monday after a holiday.", "Monday"));
        assert!(fut("On Friday, the mayor will open the bridge.", "Friday"));
        assert!(!fut("On Friday, the mayor opened the bridge.", "Friday"));
        assert!(fut("Sunday's race will close the avenue.", "Sunday"));
        assert!(!fut("Police arrested two men Sunday.", "Sunday"));
        assert!(!fut("She will retire, the union said Monday.", "Monday"));
        assert!(!fut(
            "They will play on the 9th after their match on Tuesday was called off.",
            "Tuesday"
        ));
        assert!(!fut(
            "He was led to a room next to the hall Tuesday.",
            "Tuesday"
        ));
        assert!(fut("Traders expect a quiet Monday.", "Monday"));
    }

    #[test]
    fn qualifiers_and_neighbours() {
        let t = "in the end of June and mid-2015, chocolate June";
        assert_eq!(
            qualifier_before(t, t.find("June").unwrap()),
            Some((Qualifier::Late, 3))
        );
        assert_eq!(
            qualifier_before(t, t.find("2015").unwrap()).map(|x| x.0),
            Some(Qualifier::Mid)
        );
        assert_eq!(qualifier_before(t, t.rfind("June").unwrap()), None);
        assert_eq!(prev_word("met on Monday", 7), ("on", 4));
        assert_eq!(prev_word("the company's March", 14), ("'s", 11));
        assert_eq!(next_word("Monday night", 6), ("night", 12));
        assert!(in_number("costs $2019 now", &(7..11)));
        assert!(in_number("about 2019.5 tonnes", &(6..10)));
        assert!(!in_number("in 2019.", &(3..7)));
    }
}
