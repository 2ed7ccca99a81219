//! The word lists of the entity analysis, embedded from
//! `data/entity_words.txt` and indexed once: one hash lookup answers every
//! "is this word a …" question.

use rustc_hash::FxHashMap as HashMap;

/// Category bits for the word lists.
pub(super) mod word {
    pub const TITLE_HEADS: u32 = 1 << 0;
    pub const TITLE_PREFIXES: u32 = 1 << 1;
    pub const ROLE_WORDS: u32 = 1 << 2;
    pub const ROLE_CUES: u32 = 1 << 3;
    pub const SPEECH_VERBS: u32 = 1 << 4;
    pub const ORG_WORDS: u32 = 1 << 5;
    pub const PLACE_WORDS: u32 = 1 << 6;
    pub const EVENT_WORDS: u32 = 1 << 7;
    pub const OTHER_WORDS: u32 = 1 << 8;
    pub const CONNECTORS: u32 = 1 << 9;
    pub const PLACE_PREPS: u32 = 1 << 10;
    pub const PLACE_NOUNS: u32 = 1 << 11;
    pub const ORG_NOUNS: u32 = 1 << 12;
    pub const NEVER: u32 = 1 << 13;
    pub const LEGAL_SUFFIXES: u32 = 1 << 14;
    pub const TEAM_WORDS: u32 = 1 << 15;
    pub const ORG_CUES_BEFORE: u32 = 1 << 16;
    pub const ORG_CUES_AFTER: u32 = 1 << 17;
    pub const PERSON_CUES_AFTER: u32 = 1 << 18;
    pub const SPORTS: u32 = 1 << 19;
    pub const SPORTS_WORDS: u32 = 1 << 20;
}

/// The lists' names in the data file and their bits.
const LISTS: [(&str, u32); 21] = [
    ("title_heads", word::TITLE_HEADS),
    ("title_prefixes", word::TITLE_PREFIXES),
    ("role_words", word::ROLE_WORDS),
    ("role_cues", word::ROLE_CUES),
    ("speech_verbs", word::SPEECH_VERBS),
    ("org_words", word::ORG_WORDS),
    ("place_words", word::PLACE_WORDS),
    ("event_words", word::EVENT_WORDS),
    ("other_words", word::OTHER_WORDS),
    ("connectors", word::CONNECTORS),
    ("place_preps", word::PLACE_PREPS),
    ("place_nouns", word::PLACE_NOUNS),
    ("org_nouns", word::ORG_NOUNS),
    ("never", word::NEVER),
    ("legal_suffixes", word::LEGAL_SUFFIXES),
    ("team_words", word::TEAM_WORDS),
    ("org_cues_before", word::ORG_CUES_BEFORE),
    ("org_cues_after", word::ORG_CUES_AFTER),
    ("person_cues_after", word::PERSON_CUES_AFTER),
    ("sports", word::SPORTS),
    ("sports_words", word::SPORTS_WORDS),
];

/// Every word of the data file with the bits of the lists it is in.
fn parse(src: &'static str) -> HashMap<&'static str, u32> {
    let mut m: HashMap<&'static str, u32> = HashMap::default();
    let mut bit = 0;
    for line in src.lines() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            bit = LISTS
                .iter()
                .find(|(n, _)| *n == name)
                .map_or(0, |(_, b)| *b);
            continue;
        }
        *m.entry(line).or_default() |= bit;
    }
    m
}

fn word_classes() -> &'static HashMap<&'static str, u32> {
    static M: std::sync::OnceLock<HashMap<&'static str, u32>> = std::sync::OnceLock::new();
    M.get_or_init(|| parse(include_str!("../data/entity_words.txt")))
}

/// Call `f` with `w` in lower case, without allocating for short ASCII words.
pub(super) fn with_lower<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    if w.len() <= 32 && w.is_ascii() {
        let mut buf = [0u8; 32];
        for (d, s) in buf.iter_mut().zip(w.bytes()) {
            *d = s.to_ascii_lowercase();
        }
        // ASCII stays valid UTF-8.
        return f(std::str::from_utf8(&buf[..w.len()]).unwrap_or_default());
    }
    f(&w.to_lowercase())
}

/// The bits of every list `w` is in.
pub(super) fn bits(w: &str) -> u32 {
    word_classes().get(w).copied().unwrap_or(0)
}

/// Is `w` in the word list `list` (one of the `word::` bits)?
pub(super) fn has(list: u32, w: &str) -> bool {
    word_classes().get(w).is_some_and(|bits| bits & list != 0)
}

pub(super) fn is_title_head(w: &str) -> bool {
    has(word::TITLE_HEADS, w)
        || (w.contains('-')
            && w.split('-')
                .next_back()
                .is_some_and(|p| has(word::TITLE_HEADS, p)))
}

/// A word that can be part of a title phrase.
pub(super) fn is_title(w: &str) -> bool {
    is_title_head(w) || has(word::TITLE_PREFIXES, w)
}

/// Is `w` (in any case) a stop word?
pub(super) fn is_stop_any(w: &str) -> bool {
    with_lower(w, is_stop)
}

pub fn is_stop(word_lower: &str) -> bool {
    crate::text::words::is_stop(word_lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_of_the_data_file_is_known_and_filled() {
        let src = include_str!("../data/entity_words.txt");
        let names: Vec<&str> = src
            .lines()
            .filter_map(|l| l.strip_prefix('[').and_then(|l| l.strip_suffix(']')))
            .collect();
        assert_eq!(names.len(), LISTS.len());
        for (name, bit) in LISTS {
            assert!(names.contains(&name), "{name} missing from the data file");
            assert!(
                word_classes().values().any(|b| b & bit != 0),
                "{name} is empty"
            );
        }
        assert!(has(word::TITLE_HEADS, "President"));
        assert!(has(word::NEVER, "monday"));
        assert!(!has(word::TITLE_HEADS, "president"));
    }
}
