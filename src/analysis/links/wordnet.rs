//! Synonyms and lemmas from WordNet 3.0 (Princeton University; WordNet
//! licence, reproduced with provenance in the header of
//! `src/analysis/data/wordnet.tsv`, which `wordnet_subset.py` beside it
//! derives from Debian's `wordnet-base`): irregular forms of verbs and nouns
//! with their lemma ("held" → "hold"), and the synsets of each word's most
//! frequent senses, so that two words sharing one are synonyms ("vague",
//! "unclear"). Parsed at first use (a few milliseconds).

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

static DATA: &str = include_str!("../data/wordnet.tsv");

pub struct WordNet {
    lemma: HashMap<&'static str, &'static str>,
    index: HashMap<&'static str, u32>,
    synsets: Vec<Vec<u32>>,
    /// Entry -> entries of its antonyms.
    antonyms: HashMap<u32, Vec<u32>>,
}

/// No synonyms known for this word.
pub const NONE: u32 = u32::MAX;

fn parse() -> WordNet {
    let mut w = WordNet {
        lemma: HashMap::default(),
        index: HashMap::default(),
        synsets: Vec::new(),
        antonyms: HashMap::default(),
    };
    let mut antonym_lines = Vec::new();
    for line in DATA.lines().filter(|l| !l.starts_with('#')) {
        let Some((key, value)) = line.split_once('\t') else {
            continue;
        };
        if let Some(form) = key.strip_prefix('=') {
            w.lemma.insert(form, value);
            continue;
        }
        if let Some(word) = key.strip_prefix('!') {
            antonym_lines.push((word, value));
            continue;
        }
        let mut ids: Vec<u32> = value
            .split(' ')
            .filter_map(|id| {
                let pos = match id.as_bytes().first()? {
                    b'n' => 0,
                    b'v' => 1,
                    b'a' => 2,
                    _ => 3,
                };
                Some(pos << 28 | id[1..].parse::<u32>().ok()?)
            })
            .collect();
        ids.sort_unstable();
        w.index.insert(key, w.synsets.len() as u32);
        w.synsets.push(ids);
    }
    for (word, others) in antonym_lines {
        let Some(&a) = w.index.get(word) else {
            continue;
        };
        let ids: Vec<u32> = others
            .split(' ')
            .filter_map(|o| w.index.get(o).copied())
            .collect();
        w.antonyms.entry(a).or_default().extend(ids);
    }
    w
}

pub fn get() -> &'static WordNet {
    static W: OnceLock<WordNet> = OnceLock::new();
    W.get_or_init(parse)
}

impl WordNet {
    /// The lemma of an irregular form ("held" → "hold"), if it is one.
    pub fn irregular(&self, word: &str) -> Option<&'static str> {
        self.lemma.get(word).copied()
    }

    /// The entry of a word, trying its lemma and base forms as WordNet's
    /// morphology does ("rose" → "rise", "destroying" → "destroy", "cities"
    /// → "city").
    pub fn entry(&self, word: &str) -> u32 {
        // An irregular form is read as its lemma first ("rose" as "rise").
        if let Some(l) = self.irregular(word)
            && let Some(&i) = self.index.get(l)
        {
            return i;
        }
        if let Some(&i) = self.index.get(word) {
            return i;
        }
        const RULES: &[(&str, &str)] = &[
            ("ies", "y"),
            ("ied", "y"),
            ("es", ""),
            ("s", ""),
            ("ed", ""),
            ("ed", "e"),
            ("ing", ""),
            ("ing", "e"),
            ("er", ""),
            ("est", ""),
        ];
        for (suffix, with) in RULES {
            if let Some(stem) = word.strip_suffix(suffix) {
                if stem.len() < 3 {
                    continue;
                }
                let base = format!("{stem}{with}");
                if let Some(&i) = self.index.get(base.as_str()) {
                    return i;
                }
                // A doubled consonant: "stopped" -> "stop".
                let b = stem.as_bytes();
                if with.is_empty()
                    && b.len() >= 2
                    && b[b.len() - 1] == b[b.len() - 2]
                    && let Some(&i) = self.index.get(&stem[..stem.len() - 1])
                {
                    return i;
                }
            }
        }
        NONE
    }

    /// Are two entries antonyms ("rise" and "fall")?
    pub fn antonyms(&self, a: u32, b: u32) -> bool {
        let has = |x: u32, y: u32| self.antonyms.get(&x).is_some_and(|v| v.contains(&y));
        a != NONE && b != NONE && (has(a, b) || has(b, a))
    }

    /// Do two entries share a synset?
    pub fn synonyms(&self, a: u32, b: u32) -> bool {
        if a == NONE || b == NONE {
            return false;
        }
        if a == b {
            return true;
        }
        let (x, y) = (&self.synsets[a as usize], &self.synsets[b as usize]);
        let (mut i, mut j) = (0, 0);
        while i < x.len() && j < y.len() {
            match x[i].cmp(&y[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => return true,
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lemmas_and_synonyms() {
        let w = get();
        assert_eq!(w.irregular("held"), Some("hold"));
        assert_eq!(w.irregular("children"), Some("child"));
        let e = |s: &str| w.entry(s);
        assert_ne!(e("destroying"), NONE);
        assert_eq!(e("destroying"), e("destroy"));
        assert!(w.synonyms(e("vague"), e("unclear")));
        assert!(w.synonyms(e("quake"), e("earthquake")));
        assert!(!w.synonyms(e("earthquake"), e("budget")));
        assert!(
            !w.synonyms(e("clear"), e("unclear")),
            "antonyms are not synonyms"
        );
        assert!(w.antonyms(e("rose"), e("fell")));
        assert!(w.antonyms(e("increase"), e("decrease")));
        assert!(!w.antonyms(e("rose"), e("climbed")));
    }
}
