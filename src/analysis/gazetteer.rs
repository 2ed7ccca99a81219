//! A general gazetteer shipped as data: every country with its short forms,
//! demonyms and capitals; major international organisations; regions.

use super::entities::EntityKind;
use rustc_hash::{FxHashMap as HashMap, FxHashSet};
use serde::Serialize;
use std::sync::OnceLock;

/// How a name refers to a gazetteer entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AliasKind {
    Name,
    ShortForm,
    Demonym,
    Capital,
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub canonical: String,
    pub kind: EntityKind,
}

pub struct Gazetteer {
    pub entries: Vec<Entry>,
    index: HashMap<String, (usize, AliasKind)>,
    /// Keys of names written in capitals ("UN", "US"): they match only
    /// when written in capitals too, so "Un" in a name such as "Park Ji Un" is not the UN.
    caps_only: FxHashSet<String>,
    /// Keys of the first 1, 2, … words of every name, so a lookup can stop
    /// as soon as no name continues.
    prefixes: FxHashSet<String>,
    /// Most words in any name.
    pub max_words: usize,
}

/// Normalised lookup key: lower case, without dots, hyphens, apostrophes
/// and spaces ("U.S." = "US" = "us"; "Ki-moon" = "Ki Moon").
pub fn key(name: &str) -> String {
    if name.is_ascii() {
        let mut k = String::with_capacity(name.len());
        k.extend(
            name.bytes()
                .filter(u8::is_ascii_alphanumeric)
                .map(|b| b.to_ascii_lowercase() as char),
        );
        return k;
    }
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn parse(g: &mut Gazetteer, src: &str, kind: EntityKind) {
    for line in src
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        let id = g.entries.len();
        g.entries.push(Entry {
            canonical: cols[0].to_string(),
            kind,
        });
        let kinds = [
            AliasKind::Name,
            AliasKind::ShortForm,
            AliasKind::Demonym,
            AliasKind::Capital,
        ];
        for (col, alias_kind) in cols.iter().zip(kinds) {
            for name in col.split(';').map(str::trim).filter(|n| !n.is_empty()) {
                g.max_words = g.max_words.max(name.split_whitespace().count());
                // The first entry to claim a name keeps it.
                let k = key(name);
                if name
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase)
                    && k.len() <= 5
                {
                    g.caps_only.insert(k.clone());
                }
                g.index.entry(k).or_insert((id, alias_kind));
                let mut prefix = String::new();
                for w in name.split_whitespace() {
                    prefix.push_str(&key(w));
                    g.prefixes.insert(prefix.clone());
                }
            }
        }
    }
}

pub fn get() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| {
        let mut g = Gazetteer {
            entries: Vec::new(),
            index: HashMap::default(),
            caps_only: Default::default(),
            prefixes: Default::default(),
            max_words: 1,
        };
        parse(
            &mut g,
            include_str!("data/countries.tsv"),
            EntityKind::Place,
        );
        parse(
            &mut g,
            include_str!("data/organizations.tsv"),
            EntityKind::Organization,
        );
        parse(&mut g, include_str!("data/regions.tsv"), EntityKind::Place);
        g
    })
}

impl Gazetteer {
    /// Look a name up as written (capitals matter for short acronyms).
    pub fn lookup(&self, name: &str) -> Option<(usize, AliasKind)> {
        let k = key(name);
        if self.caps_only.contains(&k)
            && !name
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
        {
            return None;
        }
        self.index.get(&k).copied()
    }

    /// Could a name start with the words whose keys are joined in `k`?
    pub fn is_prefix(&self, k: &str) -> bool {
        self.prefixes.contains(k)
    }

    /// Look up a normalised key, ignoring case rules (for canonical names).
    pub fn lookup_key(&self, k: &str) -> Option<(usize, AliasKind)> {
        self.index.get(k).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_aliases_demonyms_capitals() {
        let g = get();
        let name = |s: &str| g.lookup(s).map(|(i, _)| g.entries[i].canonical.as_str());
        assert_eq!(name("U.K."), Some("United Kingdom"));
        assert_eq!(name("UK"), Some("United Kingdom"));
        assert_eq!(name("Britain"), Some("United Kingdom"));
        assert_eq!(name("Moscow"), Some("Russia"));
        assert_eq!(g.lookup("Moscow").unwrap().1, AliasKind::Capital);
        assert_eq!(name("French"), Some("France"));
        assert_eq!(g.lookup("Kenyan").unwrap().1, AliasKind::Demonym);
        assert_eq!(name("NATO"), Some("North Atlantic Treaty Organization"));
        assert_eq!(name("Côte d'Ivoire"), Some("Ivory Coast"));
        assert!(
            g.entries
                .iter()
                .filter(|e| e.kind == EntityKind::Place)
                .count()
                > 230
        );
        assert_eq!(
            name("Victoria"),
            None,
            "a capital that is also a first name is left out"
        );
        assert_eq!(name("UN"), Some("United Nations"));
        assert_eq!(name("Un"), None, "short acronyms match only in capitals");
    }
}
