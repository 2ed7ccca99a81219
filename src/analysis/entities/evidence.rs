//! Evidence about the kind of a mention, as weighted cues: what the words of
//! the name say (a given name, an initial, a company's legal form, a keyword
//! such as "Ministry" or "River", the city list) and what the words around it
//! say (a title or role before it, "X said in a statement", "shares of X",
//! "X, 24,", a score after a team's name). No cue decides alone: the kind is
//! the best total over a document (see `sense`).

use super::EntityKind;
use super::lexicon::{bits, has, is_title_head, word};
use super::names::{self, bit};
use super::tokens::Token;
use crate::analysis::gazetteer::{self, PlaceScope, key_into};

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
        self.person += o.person;
        self.org += o.org;
        self.place += o.place;
        self.event += o.event;
        self.other += o.other;
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
            EntityKind::Person => self.person += v,
            EntityKind::Organization => self.org += v,
            EntityKind::Place => self.place += v,
            EntityKind::Event => self.event += v,
            EntityKind::Other => self.other += v,
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
pub(super) fn keyword_cues(words: &[String]) -> Cues {
    let mut cues = Cues::default();
    let last = words.last().map_or("", String::as_str);
    if words.len() >= 2 && has(word::LEGAL_SUFFIXES, last) {
        cues.org += 6;
    } else if words.iter().any(|w| has(word::ORG_WORDS, w)) && !has(word::EVENT_WORDS, last) {
        cues.org += 4;
    } else if has(word::EVENT_WORDS, last) {
        cues.event += 4;
    } else if has(word::PLACE_WORDS, last) {
        cues.place += 4;
    } else if has(word::OTHER_WORDS, last) {
        cues.other += 4;
    } else if words.len() >= 2 && words.iter().any(|w| has(word::TEAM_WORDS, w)) {
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
pub(super) fn name_cues(t: &[Token], a: usize, b: usize, line: LineKind) -> Cues {
    let words: Vec<String> = t[a..=b]
        .iter()
        .filter(|w| w.name_like())
        .map(|w| w.text.to_string())
        .collect();
    let mut c = keyword_cues(&words);
    if c.total() > 0 {
        return c;
    }
    let lists = names::get();
    let mut k = String::new();
    let mut bits_of = |w: &str| {
        key_into(w, &mut k);
        lists.bits(&k)
    };
    let name_words: Vec<&Token> = t[a..=b].iter().filter(|w| w.name_like()).collect();
    let Some(first) = name_words.first() else {
        return c;
    };
    let last = name_words[name_words.len() - 1];
    let fb = bits_of(first.text);
    let lb = bits_of(last.text);
    let place_bits = bit::CITY | bit::STATE;
    if name_words.len() >= 2 {
        if first.initial_letter && !last.initial_letter {
            c.person += 5;
        } else if fb & bit::GIVEN != 0 && !first.caps {
            c.person += if fb & (bit::COMMON | place_bits) == 0 {
                4
            } else {
                2
            };
        }
        if lb & bit::SURNAME != 0 && lb & (bit::COMMON | place_bits) == 0 && !last.caps {
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
    let span_bits = if name_words.len() == 1 {
        fb
    } else {
        let mut whole = String::new();
        for w in &name_words {
            whole.push_str(w.text);
        }
        bits_of(&whole)
    };
    if span_bits & bit::STATE != 0 {
        c.place += 3;
    } else if span_bits & bit::LARGE_CITY != 0 {
        c.place += 2;
    } else if span_bits & bit::CITY != 0 {
        c.place += 1;
    }
    c
}

fn lower(t: &Token) -> Option<String> {
    (!t.cap && !t.number).then(|| t.text.to_lowercase())
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
    let mut k = String::new();
    key_into(t.text, &mut k);
    names::get().bits(&k) & bit::STATE != 0
}

/// Cues from the words around the name `t[a..=b]`.
pub(super) fn context_cues(t: &[Token], a: usize, b: usize, doc: DocKind, line: LineKind) -> Cues {
    let mut c = Cues::default();
    let last = &t[b];
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
            if matches!(pl.as_str(), "of" | "in")
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
            if doc.sports && matches!(pl.as_str(), "v" | "vs" | "v." | "versus") {
                c.org += 3;
            }
        }
        // "Ann Lee (Harbour Town)": a club after a player in a sports report.
        if doc.sports
            && p.punct_after == Some('(')
            && p.name_like()
            && last.punct_after == Some(')')
        {
            c.org += 3;
        }
        if doc.sports && line.caps && p.text == "AT" && a >= 2 && t[a - 2].caps {
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
            if statement {
                c.org += 3;
            } else {
                c.person += 1;
            }
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
                has(word::ROLE_CUES, &w.text.to_lowercase())
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
        // A team next to its score, or a row of a table.
        if last.punct_after.is_none() && n.number && (doc.sports || line.table) {
            c.org += if doc.sports { 4 } else { 2 };
        }
        if doc.sports && matches!(n.text, "v" | "vs" | "v." | "versus") {
            c.org += 3;
        }
        if doc.sports && line.caps && n.text == "AT" && next2.is_some_and(|w| w.caps) {
            c.org += 3;
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::entities::tokens::tokenize;

    fn cues(s: &str, name: &str, doc: DocKind) -> Cues {
        let t = tokenize(s, 0..s.len());
        let first = name.split(' ').next().unwrap();
        let n = name.split(' ').count();
        let a = t.iter().position(|w| w.text == first).unwrap();
        let line = LineKind::default();
        let mut c = name_cues(&t, a, a + n - 1, line);
        c.add(&context_cues(&t, a, a + n - 1, doc, line));
        c
    }

    #[test]
    fn names_and_contexts_give_kinds() {
        let news = DocKind::default();
        let sport = DocKind { sports: true };
        let kind = |s: &str, n: &str, d: DocKind| cues(s, n, d).best().0;
        use EntityKind::*;
        assert_eq!(
            kind("Then Maria Kowalczyk left.", "Maria Kowalczyk", news),
            Person
        );
        assert_eq!(kind("Then T. Okafor left.", "T. Okafor", news), Person);
        assert_eq!(
            kind(
                "Then Brightwater Mining Ltd left.",
                "Brightwater Mining Ltd",
                news
            ),
            Organization
        );
        assert_eq!(
            kind("Profits at the firm Zellamo rose.", "Zellamo", news),
            Organization
        );
        assert_eq!(
            kind("They bought shares of Zellamo on Friday.", "Zellamo", news),
            Organization
        );
        assert_eq!(
            kind(
                "Then Zellamo said in a statement it would close.",
                "Zellamo",
                news
            ),
            Organization
        );
        assert_eq!(
            kind("Then Okafor, 34, was charged.", "Okafor", news),
            Person
        );
        assert_eq!(kind("He lives in Rotterdam now.", "Rotterdam", news), Place);
        assert_eq!(
            kind("They met in Springfield, Illinois.", "Springfield", news),
            Place
        );
        assert_eq!(
            kind("Burnley 2 Rotherham 1", "Rotherham", sport),
            Organization
        );
        assert_eq!(
            kind("Burnley 2 Rotherham 1", "Burnley", sport),
            Organization
        );
        assert_eq!(
            kind("Lena Moor (Rotherham) scored twice.", "Rotherham", sport),
            Organization
        );
        assert_eq!(
            kind("He played for Rotherham v Burnley.", "Burnley", sport),
            Organization
        );
        assert_eq!(
            kind("The Kestrel Valley dam burst.", "Kestrel Valley", news),
            Place
        );
        assert_eq!(
            kind("Then Zellamo's chairman resigned.", "Zellamo", news),
            Organization
        );
        assert_eq!(kind("Then Okafor's wife spoke.", "Okafor", news), Person);
        assert_eq!(kind("Then the WFTU said so.", "WFTU", news), Organization);
    }

    #[test]
    fn the_best_kind_and_its_lead() {
        let c = Cues {
            person: 4,
            place: 1,
            ..Default::default()
        };
        assert_eq!(c.best(), (EntityKind::Person, 3));
        assert_eq!(Cues::default().best(), (EntityKind::Other, 0));
    }
}
