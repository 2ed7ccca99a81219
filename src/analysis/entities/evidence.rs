//! Evidence about the kind of a mention, as weighted cues: what the words of
//! the name say (a given name, an initial, a company's legal form, a keyword
//! such as "Ministry" or "River", the city list) and what the words around it
//! say (a title or role before it, "X said in a statement", "shares of X",
//! "X, 24,", a score after a team's name). No cue decides alone: the kind is
//! the best total over a document (see `sense`).

use super::EntityKind;
use super::lexicon::{bits, has, is_title_head, with_lower, word};
use super::names::{self, bit};
use super::tokens::Token;
use crate::analysis::gazetteer::{self, PlaceScope};
use std::borrow::Cow;

/// Evidence about what a mention is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cues {
    pub(super) person: u16,
    pub(super) org: u16,
    pub(super) place: u16,
    pub(super) event: u16,
    pub(super) other: u16,
}

impl Cues {
    pub(super) fn add(&mut self, o: &Cues) {
        // Saturating: a name repeated tens of thousands of times in one
        // document has all the evidence it can get.
        self.person = self.person.saturating_add(o.person);
        self.org = self.org.saturating_add(o.org);
        self.place = self.place.saturating_add(o.place);
        self.event = self.event.saturating_add(o.event);
        self.other = self.other.saturating_add(o.other);
    }

    pub(super) fn get(&self, k: EntityKind) -> u16 {
        match k {
            EntityKind::Person => self.person,
            EntityKind::Organization => self.org,
            EntityKind::Place => self.place,
            EntityKind::Event => self.event,
            EntityKind::Other => self.other,
        }
    }

    pub(super) fn add_to(&mut self, k: EntityKind, v: u16) {
        match k {
            EntityKind::Person => self.person = self.person.saturating_add(v),
            EntityKind::Organization => self.org = self.org.saturating_add(v),
            EntityKind::Place => self.place = self.place.saturating_add(v),
            EntityKind::Event => self.event = self.event.saturating_add(v),
            EntityKind::Other => self.other = self.other.saturating_add(v),
        }
    }

    pub(super) fn total(&self) -> u16 {
        self.person + self.org + self.place + self.event + self.other
    }

    /// The kind with the most evidence and its lead over the runner-up;
    /// `Other` with no lead when there is no evidence. Ties go to the
    /// earlier kind (person, organisation, place, event, other).
    pub(super) fn best(&self) -> (EntityKind, u16) {
        let all = [
            EntityKind::Person,
            EntityKind::Organization,
            EntityKind::Place,
            EntityKind::Event,
            EntityKind::Other,
        ];
        let mut best = EntityKind::Other;
        let (mut top, mut second) = (0u16, 0u16);
        for k in all {
            let v = self.get(k);
            if v > top {
                second = top;
                top = v;
                best = k;
            } else if v > second {
                second = v;
            }
        }
        if top == 0 {
            (EntityKind::Other, 0)
        } else {
            (best, top - second)
        }
    }
}

/// What the words of a name say about its kind ("… Authority" is an
/// organisation, "… Summit" an event).
pub(super) fn keyword_cues(words: &[&str]) -> Cues {
    keyword_cues_of(words.iter().copied())
}

/// [`keyword_cues`] of the words an iterator gives.
pub(super) fn keyword_cues_of<'w>(words: impl Iterator<Item = &'w str>) -> Cues {
    let mut cues = Cues::default();
    let (mut n, mut last, mut any) = (0, 0u32, 0u32);
    for w in words {
        last = bits(w);
        any |= last;
        n += 1;
    }
    if n >= 2 && last & word::LEGAL_SUFFIXES != 0 {
        cues.org += 6;
    } else if any & word::ORG_WORDS != 0 && last & word::EVENT_WORDS == 0 {
        cues.org += 4;
    } else if last & word::EVENT_WORDS != 0 {
        cues.event += 4;
    } else if last & word::PLACE_WORDS != 0 {
        cues.place += 4;
    } else if last & word::OTHER_WORDS != 0 {
        cues.other += 4;
    } else if n >= 2 && any & word::TEAM_WORDS != 0 {
        cues.org += 3;
    }
    cues
}

/// Documents of a kind that changes what names mean.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct DocKind {
    /// A sports report: a town next to a score is a team.
    pub(super) sports: bool,
}

/// The sentence a mention is in.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct LineKind {
    /// Most words are written in capitals.
    pub(super) caps: bool,
    /// A row of a table: names and numbers, few lowercase words.
    pub(super) table: bool,
    /// A headline (short, title case, no full stop).
    pub(super) headline: bool,
}

/// Cues from the words of the name `t[a..=b]` and the lists: given names,
/// initials, surnames, keywords, cities.
pub(super) fn name_cues(
    t: &[Token],
    a: usize,
    b: usize,
    line: LineKind,
    span_bits: u8,
    fb: u8,
    lb: u8,
) -> Cues {
    let names_of = || t[a..=b].iter().filter(|w| w.name_like());
    let mut c = keyword_cues_of(names_of().map(|w| w.text));
    if c.total() > 0 {
        return c;
    }
    let count = names_of().count();
    let (Some(first), Some(last)) = (names_of().next(), names_of().next_back()) else {
        return c;
    };
    let place_bits = bit::CITY | bit::STATE;
    if count >= 2 && first.caps && !line.caps && !line.headline && first.text.len() <= 5 {
        // "SBC Warburg", "PSV Eindhoven": an acronym opens a company or club.
        c.org += 3;
    } else if count >= 2 && span_bits & place_bits != 0 {
        // "Los Angeles": a city's whole name, written out.
        c.place += 1;
    } else if count >= 2 {
        if first.initial_letter && !last.initial_letter {
            c.person += 5;
        } else if fb & bit::GIVEN != 0
            && !first.caps
            && gazetteer::get().lookup(first.text).is_none()
        {
            c.person += if fb & (bit::COMMON | place_bits) == 0 {
                4
            } else {
                2
            };
        }
        if lb & bit::SURNAME != 0 && lb & (bit::COMMON | place_bits) == 0 && !last.caps {
            c.person += 1;
        }
        // Family name first ("Nguyen Van Thanh", "Wang Shi-Ting").
        if fb & bit::SURNAME != 0
            && fb & (bit::COMMON | place_bits | bit::GIVEN) == 0
            && !first.caps
        {
            c.person += 1;
        }
        if lb & bit::GIVEN != 0 && lb & (bit::COMMON | place_bits) == 0 && !last.caps {
            c.person += 1;
        }
    } else if first.caps && !line.caps && !line.headline && (2..=6).contains(&first.text.len()) {
        // An acronym that is not a country or a known organisation is most
        // often an organisation.
        c.org += 2;
    } else if fb & (bit::COMMON | place_bits) == 0 && fb & (bit::GIVEN | bit::SURNAME) != 0 {
        c.person += 1;
    }
    // The city list: a tie-breaker, never enough against other evidence.
    if span_bits & bit::STATE != 0 {
        c.place += 3;
    } else if span_bits & bit::LARGE_CITY != 0 {
        c.place += 2;
    } else if span_bits & bit::CITY != 0 {
        c.place += 1;
    }
    c
}

/// A word in lower case as written ("said"), without allocating when it is.
fn lower<'a>(t: &Token<'a>) -> Option<Cow<'a, str>> {
    (!t.cap && !t.number).then(|| lowercase(t.text))
}

fn lowercase(w: &str) -> Cow<'_, str> {
    if w.chars().any(char::is_uppercase) {
        Cow::Owned(w.to_lowercase())
    } else {
        Cow::Borrowed(w)
    }
}

/// Is the token a country or a US state (for "Springfield, Illinois")?
fn is_region_name(t: &Token) -> bool {
    if !t.cap {
        return false;
    }
    let gaz = gazetteer::get();
    if let Some((id, _)) = gaz.lookup(t.text)
        && matches!(
            gaz.entries[id].scope,
            Some(PlaceScope::Country | PlaceScope::Region)
        )
    {
        return true;
    }
    names::word_bits(t.text) & bit::STATE != 0
}

/// Cues from the words around the name `t[a..=b]`.
pub(super) fn context_cues(
    t: &[Token],
    a: usize,
    b: usize,
    doc: DocKind,
    line: LineKind,
    span_bits: u8,
) -> Cues {
    let mut c = Cues::default();
    let last = &t[b];
    let team_word = t[a..=b].iter().any(|w| has(word::TEAM_WORDS, w.text));
    // A town, or a name with a town in it ("Hutnik Krakow").
    // A town that is also a surname is a town only when large.
    let town_bits = span_bits & bit::STATE != 0
        || span_bits & bit::LARGE_CITY != 0
        || span_bits & bit::CITY != 0 && span_bits & (bit::SURNAME | bit::GIVEN) == 0;
    let town = town_bits
        || (doc.sports
            && b > a
            && (t[a..=b].iter().any(|w| {
                let wb = names::word_bits(w.text);
                w.cap && wb & bit::CITY != 0 && wb & (bit::GIVEN | bit::SURNAME | bit::COMMON) == 0
            }) || b > a + 1
                && names::get().bits(&crate::analysis::gazetteer::key(
                    &[t[a].text, t[a + 1].text].concat(),
                )) & (bit::CITY | bit::STATE)
                    != 0));
    // "in Oslo", "At Leeds:" (a sentence's first word may be the preposition).
    let place_prep = a > 0
        && (!t[a - 1].cap || t[a - 1].initial || t[a - 1].caps)
        && with_lower(t[a - 1].text, |p| has(word::PLACE_PREPS, p));
    // In a sports report a town stands for its team, unless it follows
    // "in", "at" or "from".
    if doc.sports && town && !place_prep {
        c.org += 2;
    }
    // "Harbour City", "Kestrel Rovers" in a sports report: a club.
    if doc.sports && team_word && b > a {
        c.org += 3;
    }
    if doc.sports && place_prep && t[a - 1].caps {
        // "OAKLAND AT BOSTON": the second team plays at home, a place.
        c.place += 2;
    }
    // Before: "envoy Kim", "the firm X", "in Oslo", "city of Leeds", "shares of X".
    if a > 0 {
        let p = &t[a - 1];
        if let Some(pl) = lower(p) {
            let pb = bits(&pl);
            if pb & word::ROLE_CUES != 0 {
                c.person += 3;
            }
            if pb & word::ORG_CUES_BEFORE != 0 {
                c.org += 3;
            }
            let p2 = a.checked_sub(2).and_then(|i| lower(&t[i]));
            if matches!(&*pl, "of" | "in")
                && p2
                    .as_deref()
                    .is_some_and(|w| matches!(w, "shares" | "stake" | "stock" | "bid"))
            {
                c.org += 3;
            } else if pl == "of" && p2.as_deref().is_some_and(|w| has(word::PLACE_NOUNS, w)) {
                c.place += 3;
            } else if pb & word::PLACE_PREPS != 0 {
                c.place += 1;
            }
            if doc.sports && matches!(&*pl, "v" | "vs" | "v." | "versus") {
                c.org += 3;
            }
            // A cricket scorecard: "c Lee b Moor".
            if doc.sports && matches!(&*pl, "b" | "c" | "lbw" | "st") {
                c.person += 3;
            }
        }
        // "Ann Lee (Norway) Harbour Cycling 1:53.1": a team after a
        // competitor and her country.
        if doc.sports && a >= 2 && p.punct_after == Some(')') && t[a - 2].punct_after == Some('(') {
            c.org += 3;
        }
        // "Ann Lee (Harbour Town)": a club after a player in a sports report.
        if doc.sports
            && p.punct_after == Some('(')
            && p.name_like()
            && last.punct_after == Some(')')
        {
            c.org += 3;
        }
    }
    let next = t.get(b + 1);
    let next2 = t.get(b + 2);
    if let Some(n) = next {
        let nl = lower(n);
        let nb = nl.as_deref().map_or(0, bits);
        if last.punct_after.is_none() {
            if nb & word::ORG_NOUNS != 0 {
                c.org += 2;
            }
            if nb & word::ORG_CUES_AFTER != 0 && !last.possessive {
                c.org += 2;
            }
            if nb & word::PERSON_CUES_AFTER != 0 && !last.possessive {
                c.person += 2;
            }
            // "Hubei province", "Tarn river"
            if nb & word::PLACE_NOUNS != 0 && !last.possessive {
                c.place += 3;
            }
            if last.possessive {
                if nb & word::ORG_CUES_AFTER != 0 {
                    c.org += 3;
                }
                if nb & word::PERSON_CUES_AFTER != 0 {
                    c.person += 3;
                }
            }
        }
        if nb & word::SPEECH_VERBS != 0 {
            // "X said in a statement" is an organisation; "X said" a person.
            let statement = t
                .iter()
                .skip(b + 2)
                .take(4)
                .any(|w| matches!(w.text, "statement" | "statements" | "release"));
            // "X said it would …" is an organisation; "X said he …" a person.
            match next2.map(|w| w.text) {
                Some("it" | "its") => c.org += 3,
                Some("he" | "she" | "his" | "her") => c.person += 2,
                _ if statement => c.org += 3,
                _ => c.person += 1,
            }
        }
        // "the Belga news agency"
        if last.punct_after.is_none()
            && nl.as_deref() == Some("news")
            && next2.is_some_and(|w| matches!(w.text, "agency" | "service" | "network" | "channel"))
        {
            c.org += 4;
        }
        if nl.as_deref() == Some("who") && last.punct_after == Some(',') {
            c.person += 2;
        }
        // "Ann Lee, 34, of Leeds"
        if last.punct_after == Some(',')
            && n.number
            && n.text.len() <= 2
            && matches!(n.punct_after, Some(',' | ')'))
        {
            c.person += 4;
        }
        // "Springfield, Illinois"
        if last.punct_after == Some(',')
            && is_region_name(n)
            && next2.is_none_or(|w| !w.name_like() || n.punct_after.is_some())
        {
            c.place += 3;
        }
        // "Ann Lee is the director of …", "Ann Lee, a senior fellow at …"
        if matches!(nl.as_deref(), Some("is" | "was")) || last.punct_after == Some(',') {
            let ahead = t.iter().skip(b + 1).take(5);
            if ahead.clone().any(|w| {
                with_lower(w.text, |l| has(word::ROLE_CUES, l))
                    || has(word::ROLE_WORDS, w.text)
                    || is_title_head(w.text)
            }) && next2.is_some_and(|w| {
                matches!(
                    w.text,
                    "a" | "an" | "the" | "our" | "their" | "his" | "her" | "former" | "senior"
                )
            }) {
                c.person += 2;
            }
        }
        // A team next to its score, or a row of a table. A town or a
        // club's name is a team; another name may as well be a player.
        // Not a date, a time ("4:14.7") or an ordinal ("15th": a minute).
        let date = n.text.len() >= 8 && n.text.matches('-').count() == 2
            || n.text.len() == 4 && (n.text.starts_with("19") || n.text.starts_with("20"));
        let score = n.number
            && !date
            && n.punct_after != Some(':')
            && !n.text.contains(':')
            && !n.text.ends_with(|c: char| c.is_alphabetic());
        if last.punct_after.is_none() && score && (doc.sports || line.table) {
            c.org += match (doc.sports, town || team_word) {
                (true, true) => 5,
                (true, false) if a == b => 2,
                (true, false) => 0,
                (false, _) => 2,
            };
            // A row of a league table ("Kestrel 12 7 3 2 20 9 24"): a team.
            if doc.sports
                && t[b + 1..]
                    .iter()
                    .take(6)
                    .filter(|w| w.number && w.text.bytes().all(|c| c.is_ascii_digit()))
                    .count()
                    >= 5
            {
                c.org += 5;
            }
            // "Harbour 1 Kestrel 3": a result, two teams.
            let result = |x: usize| t.get(x).is_some_and(|w| w.cap && !w.number);
            if doc.sports
                && (result(b + 2) && t.get(b + 3).is_some_and(|w| w.number)
                    || a >= 2 && t[a - 1].number && result(a - 2))
            {
                c.org += 2;
            }
        }
        // "(Lee 15th, Moor 32nd)": scorers and the minute.
        if doc.sports
            && last.punct_after.is_none()
            && n.number
            && n.text.ends_with(|c: char| c.is_alphabetic())
            && !town
        {
            c.person += 3;
        }
        // "Ann Lee (Norway)", "Ann Lee (32nd)": a competitor with her
        // country, a scorer with the minute.
        if doc.sports && last.punct_after == Some('(') && !town && !team_word {
            let country = n.cap
                && gazetteer::get().lookup(n.text).is_some_and(|(id, _)| {
                    gazetteer::get().entries[id].scope == Some(PlaceScope::Country)
                });
            let minute = n.number
                && n.text.ends_with(|c: char| c.is_alphabetic())
                && n.text.starts_with(|c: char| c.is_ascii_digit());
            if country || minute {
                c.person += 4;
            }
        }
        if doc.sports && matches!(n.text, "v" | "vs" | "v." | "versus") {
            c.org += 3;
        }
        if doc.sports && line.caps && n.text == "AT" && next2.is_some_and(|w| w.caps) {
            c.org += 3;
        }
    }
    // Two unknown words in a sports report: a player more often than a club.
    if doc.sports && b == a + 1 && !town && !team_word && t[a].cap && t[b].cap && !t[a].caps {
        let unknown =
            |w: &Token| names::word_bits(w.text) & (bit::COMMON | bit::CITY | bit::STATE) == 0;
        if unknown(&t[a]) && unknown(&t[b]) {
            c.person += 2;
        }
    }
    c
}

#[cfg(test)]
#[path = "evidence_tests.rs"]
mod tests;
