//! The name lists derived from public data (`data/derive.py`): given names,
//! surnames, common English words, cities and US states. All are embedded
//! and indexed once into one table of folded keys (see `gazetteer::key`), so
//! a single hash lookup tells everything the lists know about a word.
//! The table borrows the embedded text: nothing is copied or allocated per
//! entry, and it loads in a few milliseconds.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

/// What the lists say about a key.
pub(super) mod bit {
    /// A given name (census first names, forenames of 106 countries).
    pub const GIVEN: u8 = 1 << 0;
    /// A surname.
    pub const SURNAME: u8 = 1 << 1;
    /// A word the dictionaries write in lower case ("share", "bill").
    pub const COMMON: u8 = 1 << 2;
    /// A city of 15,000 people or more.
    pub const CITY: u8 = 1 << 3;
    /// A city of 300,000 people or more.
    pub const LARGE_CITY: u8 = 1 << 4;
    /// A state of the United States.
    pub const STATE: u8 = 1 << 5;
}

/// Population from which a city counts as large.
const LARGE: u32 = 300_000;

pub(super) struct Names {
    /// By the 64-bit hash of the key: a lookup touches one small entry and
    /// never the text (collisions among 130,000 keys are vanishingly rare).
    map: HashMap<u64, u8>,
}

fn hash(k: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(k)
}

/// The entries of a list file: lines that are not comments.
fn entries(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.split('\n')
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn load() -> Names {
    const GIVEN: &str = include_str!("../data/given_names.txt");
    const SURNAMES: &str = include_str!("../data/surnames.txt");
    const COMMON: &str = include_str!("../data/common_words.txt");
    const PLACES: &str = include_str!("../data/places.tsv");
    let mut map: HashMap<u64, u8> = HashMap::default();
    map.reserve(140_000);
    for (src, b) in [
        (COMMON, bit::COMMON),
        (GIVEN, bit::GIVEN),
        (SURNAMES, bit::SURNAME),
    ] {
        for k in entries(src) {
            *map.entry(hash(k)).or_default() |= b;
        }
    }
    for row in entries(PLACES) {
        let mut cols = row.split('\t');
        let (Some(k), Some(kind), _, Some(pop)) =
            (cols.next(), cols.next(), cols.next(), cols.next())
        else {
            continue;
        };
        let b = match kind {
            "S" => bit::STATE,
            _ if pop.parse::<u32>().is_ok_and(|p| p >= LARGE) => bit::CITY | bit::LARGE_CITY,
            _ => bit::CITY,
        };
        *map.entry(hash(k)).or_default() |= b;
    }
    Names { map }
}

pub(super) fn get() -> &'static Names {
    static N: OnceLock<Names> = OnceLock::new();
    N.get_or_init(load)
}

/// The bits of one word as written (folded here; no allocation for
/// ASCII words).
pub(super) fn word_bits(w: &str) -> u8 {
    if w.len() <= 48 && w.is_ascii() {
        let mut buf = [0u8; 48];
        let mut n = 0;
        for b in w.bytes().filter(u8::is_ascii_alphanumeric) {
            buf[n] = b.to_ascii_lowercase();
            n += 1;
        }
        return std::str::from_utf8(&buf[..n]).map_or(0, |k| get().bits(k));
    }
    get().bits(&crate::analysis::gazetteer::key(w))
}

impl Names {
    /// The bits of a folded key (0 when no list has it).
    pub(super) fn bits(&self, key: &str) -> u8 {
        self.map.get(&hash(key)).copied().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::gazetteer::key;

    #[test]
    fn lists_cover_their_categories() {
        let n = get();
        let has = |w: &str, b: u8| n.bits(&key(w)) & b != 0;
        for g in ["Maria", "John", "Jose", "José", "Ahmed", "Olga", "Yuki"] {
            assert!(has(g, bit::GIVEN), "{g} is a given name");
        }
        for s in ["Johnson", "Garcia", "Nguyen", "Ivanov", "Müller"] {
            assert!(has(s, bit::SURNAME), "{s} is a surname");
        }
        for c in ["share", "total", "democratic", "central", "bill"] {
            assert!(has(c, bit::COMMON), "{c} is a common word");
        }
        for c in ["Rotterdam", "Porto Alegre", "Nagoya", "Córdoba", "Leeds"] {
            assert!(has(c, bit::CITY), "{c} is a city");
        }
        assert!(has("Lagos", bit::LARGE_CITY) && !has("Leeds", bit::STATE));
        assert!(has("Ohio", bit::STATE));
        assert_eq!(n.bits("zzqx"), 0);
    }

    #[test]
    fn every_key_is_folded_as_the_program_folds() {
        for src in [
            include_str!("../data/given_names.txt"),
            include_str!("../data/surnames.txt"),
            include_str!("../data/common_words.txt"),
        ] {
            for k in entries(src) {
                assert_eq!(key(k), k, "{k} is not a folded key");
            }
        }
        for row in entries(include_str!("../data/places.tsv")) {
            let k = row.split('\t').next().unwrap();
            assert_eq!(key(k), k, "{k} is not a folded key");
            assert_eq!(row.split('\t').count(), 4, "{row}");
        }
    }
}
