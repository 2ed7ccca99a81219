//! Evidence about the kind of a mention: the words of the name and the words
//! around it.

use super::lexicon::{has, is_title_head, word};
use super::tokens::Token;

/// Evidence about what a mention is.
#[derive(Debug, Clone, Copy, Default)]
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
}

/// What the words of a name say about its kind ("… Authority" is an
/// organisation, "… Summit" an event).
pub(super) fn keyword_cues(words: &[String]) -> Cues {
    let mut cues = Cues::default();
    let last = words.last().map_or("", String::as_str);
    if words.iter().any(|w| has(word::ORG_WORDS, w)) && !has(word::EVENT_WORDS, last) {
        cues.org += 4;
    } else if has(word::EVENT_WORDS, last) {
        cues.event += 4;
    } else if has(word::PLACE_WORDS, last) {
        cues.place += 4;
    } else if has(word::OTHER_WORDS, last) {
        cues.other += 4;
    }
    cues
}

pub(super) fn cues_around(tokens: &[Token<'_>], first: usize, last: usize) -> Cues {
    let mut c = Cues::default();
    // Before: "envoy, Kim", "leader Kim", "in Oslo", "city of Leeds".
    if first > 0 {
        let p = &tokens[first - 1];
        let pl = p.text.to_lowercase();
        if !p.cap && has(word::ROLE_CUES, &pl) {
            c.person += 3;
        }
        if first > 1
            && !p.cap
            && pl == "of"
            && has(word::PLACE_NOUNS, &tokens[first - 2].text.to_lowercase())
        {
            c.place += 3;
        } else if !p.cap && has(word::PLACE_PREPS, &pl) {
            c.place += 1;
        }
    }
    if let Some(n) = tokens.get(last + 1) {
        let nl = n.text.to_lowercase();
        if !n.cap && tokens[last].punct_after.is_none() && has(word::ORG_NOUNS, &nl) {
            c.org += 2;
        }
        if has(word::SPEECH_VERBS, &nl) {
            c.person += 1;
        }
        if nl == "who" && tokens[last].punct_after == Some(',') {
            c.person += 2;
        }
        // "Ann Lee is the director of …", "Ann Lee, a senior fellow at …"
        if matches!(nl.as_str(), "is" | "was") || tokens[last].punct_after == Some(',') {
            let ahead = tokens.iter().skip(last + 1).take(5);
            if ahead.clone().any(|t| {
                has(word::ROLE_CUES, &t.text.to_lowercase())
                    || has(word::ROLE_WORDS, t.text)
                    || is_title_head(t.text)
            }) && tokens.get(last + 2).is_some_and(|t| {
                matches!(
                    t.text,
                    "a" | "an" | "the" | "our" | "their" | "his" | "her" | "former" | "senior"
                )
            }) {
                c.person += 2;
            }
        }
    }
    c
}
