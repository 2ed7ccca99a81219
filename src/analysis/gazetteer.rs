//! A general gazetteer shipped as data: every country with its short forms
//! and demonyms, its capital cities (places of their own, never merged into
//! the country), major international organisations, and regions.

use super::entities::EntityKind;
use rustc_hash::{FxHashMap as HashMap, FxHashSet};
use serde::Serialize;
use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;

/// How a name refers to a gazetteer entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NameForm {
    /// The entry's canonical name (or a spelling of it).
    Name,
    /// Another name: an official long form, an abbreviation.
    ShortForm,
    /// A demonym or adjective ("French" for France).
    Demonym,
}

/// What sort of place an entry (or an entity) is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum PlaceScope {
    Country,
    /// A region larger or other than a country, or a part of one: continents,
    /// seas, provinces and states.
    Region,
    City,
    /// A place of no known scope (a street, a river, a small town).
    Other,
}

impl PlaceScope {
    pub fn label(self) -> &'static str {
        match self {
            PlaceScope::Country => "country",
            PlaceScope::Region => "region",
            PlaceScope::City => "city",
            PlaceScope::Other => "place",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub canonical: String,
    /// The canonical name's key.
    pub key: String,
    pub kind: EntityKind,
    /// For places: country, region or city.
    pub scope: Option<PlaceScope>,
    /// For a capital city: its country's entry.
    pub capital_of: Option<usize>,
}

pub struct Gazetteer {
    pub entries: Vec<Entry>,
    index: HashMap<String, (usize, NameForm)>,
    /// Keys of names written in capitals ("UN", "US"): they match only
    /// when written in capitals too, so "Un" in a name such as "Park Ji Un" is not the UN.
    caps_only: FxHashSet<String>,
    /// Keys of the first 1, 2, … words of every name, so a lookup can stop
    /// as soon as no name continues.
    prefixes: FxHashSet<String>,
    /// Most words in any name.
    pub max_words: usize,
}

/// Letters that Unicode does not decompose into a base letter and a mark.
fn special(c: char) -> Option<&'static str> {
    Some(match c {
        'ø' => "o",
        'ł' => "l",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'đ' => "d",
        'ı' => "i",
        'þ' => "th",
        'ð' => "d",
        'ħ' => "h",
        'ŀ' => "l",
        _ => return None,
    })
}

/// Normalised lookup key: lower case, without accents, dots, hyphens,
/// apostrophes and spaces ("U.S." = "US" = "us"; "Ki-moon" = "Ki Moon";
/// "Pérez" = "Perez"). The name lists under `data/` hold keys folded the
/// same way (`data/derive.py`).
pub fn key(name: &str) -> String {
    let mut k = String::with_capacity(name.len());
    key_into(name, &mut k);
    k
}

/// [`key`] into a buffer (cleared first), to look words up without allocating.
pub fn key_into(name: &str, k: &mut String) {
    k.clear();
    if name.is_ascii() {
        k.extend(
            name.bytes()
                .filter(u8::is_ascii_alphanumeric)
                .map(|b| b.to_ascii_lowercase() as char),
        );
        return;
    }
    for c in name.chars().flat_map(char::to_lowercase).nfd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        if let Some(s) = special(c) {
            k.push_str(s);
        } else if c.is_alphanumeric() {
            k.push(c);
        }
    }
}

fn all_caps(name: &str) -> bool {
    name.chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
}

impl Gazetteer {
    fn add_name(&mut self, name: &str, id: usize, form: NameForm) {
        self.max_words = self.max_words.max(name.split_whitespace().count());
        // The first entry to claim a name keeps it.
        let k = key(name);
        if all_caps(name) && k.len() <= 5 {
            self.caps_only.insert(k.clone());
        }
        let mut prefix = String::new();
        for w in name.split_whitespace() {
            prefix.push_str(&key(w));
            self.prefixes.insert(prefix.clone());
        }
        self.index.entry(k).or_insert((id, form));
    }

    fn push(&mut self, canonical: &str, kind: EntityKind, scope: Option<PlaceScope>) -> usize {
        self.entries.push(Entry {
            canonical: canonical.to_string(),
            key: key(canonical),
            kind,
            scope,
            capital_of: None,
        });
        self.entries.len() - 1
    }

    /// Rows of `canonical <TAB> other names (;) <TAB> demonyms (;) <TAB> capitals
    /// (;, spellings |)`; the last columns may be missing.
    fn parse(&mut self, src: &str, kind: EntityKind, scope: Option<PlaceScope>) {
        for line in src
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let cols: Vec<&str> = line.split('\t').collect();
            let id = self.push(cols[0], kind, scope);
            self.add_name(cols[0], id, NameForm::Name);
            let names = |i: usize| {
                cols.get(i)
                    .into_iter()
                    .flat_map(|c| c.split(';'))
                    .map(str::trim)
                    .filter(|n| !n.is_empty())
            };
            for n in names(1) {
                self.add_name(n, id, NameForm::ShortForm);
            }
            for n in names(2) {
                self.add_name(n, id, NameForm::Demonym);
            }
            for capital in names(3) {
                let mut spellings = capital.split('|').map(str::trim);
                let first = spellings.next().unwrap_or_default();
                let city = self.push(first, EntityKind::Place, Some(PlaceScope::City));
                self.entries[city].capital_of = Some(id);
                self.add_name(first, city, NameForm::Name);
                for s in spellings {
                    self.add_name(s, city, NameForm::ShortForm);
                }
            }
        }
    }

    /// Look a name up as written (capitals matter for short acronyms).
    pub fn lookup(&self, name: &str) -> Option<(usize, NameForm)> {
        thread_local! {
            static BUF: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
        }
        BUF.with_borrow_mut(|k| {
            key_into(name, k);
            self.lookup_folded(k, name)
        })
    }

    /// [`Gazetteer::lookup`] of a name already folded to its key `k`.
    pub fn lookup_folded(&self, k: &str, written: &str) -> Option<(usize, NameForm)> {
        if self.caps_only.contains(k) && !all_caps(written) {
            return None;
        }
        self.index.get(k).copied()
    }

    /// Could a name start with the words whose keys are joined in `k`?
    pub fn is_prefix(&self, k: &str) -> bool {
        self.prefixes.contains(k)
    }

    /// Look up a normalised key, ignoring case rules (for canonical names).
    pub fn lookup_key(&self, k: &str) -> Option<(usize, NameForm)> {
        self.index.get(k).copied()
    }

    /// Is the key one that matches only when written in capitals?
    pub fn caps_only(&self, k: &str) -> bool {
        self.caps_only.contains(k)
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
        g.parse(
            include_str!("data/countries.tsv"),
            EntityKind::Place,
            Some(PlaceScope::Country),
        );
        g.parse(
            include_str!("data/organizations.tsv"),
            EntityKind::Organization,
            None,
        );
        g.parse(
            include_str!("data/regions.tsv"),
            EntityKind::Place,
            Some(PlaceScope::Region),
        );
        g
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_aliases_demonyms_and_capitals_of_their_own() {
        let g = get();
        let name = |s: &str| g.lookup(s).map(|(i, _)| g.entries[i].canonical.as_str());
        assert_eq!(name("U.K."), Some("United Kingdom"));
        assert_eq!(name("UK"), Some("United Kingdom"));
        assert_eq!(name("Britain"), Some("United Kingdom"));
        // A capital is a city of its own that knows its country.
        let (moscow, form) = g.lookup("Moscow").unwrap();
        assert_eq!(form, NameForm::Name);
        assert_eq!(g.entries[moscow].canonical, "Moscow");
        assert_eq!(g.entries[moscow].scope, Some(PlaceScope::City));
        let russia = g.entries[moscow].capital_of.unwrap();
        assert_eq!(g.entries[russia].canonical, "Russia");
        assert_eq!(g.entries[russia].scope, Some(PlaceScope::Country));
        // Spellings of one capital are one city; two capitals are two.
        assert_eq!(name("Kiev"), Some("Kyiv"));
        assert_eq!(name("Washington, D.C."), Some("Washington"));
        assert_ne!(name("Sucre"), name("La Paz"));
        assert_eq!(name("French"), Some("France"));
        assert_eq!(g.lookup("Kenyan").unwrap().1, NameForm::Demonym);
        assert_eq!(name("NATO"), Some("North Atlantic Treaty Organization"));
        assert_eq!(name("Côte d'Ivoire"), Some("Ivory Coast"));
        assert_eq!(name("Cote d'Ivoire"), Some("Ivory Coast"));
        assert!(
            g.entries
                .iter()
                .filter(|e| e.scope == Some(PlaceScope::Country))
                .count()
                > 190
        );
        assert_eq!(
            g.entries[g.lookup("Asia").unwrap().0].scope,
            Some(PlaceScope::Region)
        );
        assert_eq!(
            name("Victoria"),
            None,
            "a capital that is also a first name is left out"
        );
        assert_eq!(name("UN"), Some("United Nations"));
        assert_eq!(name("Un"), None, "short acronyms match only in capitals");
    }

    #[test]
    fn keys_fold_case_accents_and_punctuation() {
        assert_eq!(key("Pérez"), "perez");
        assert_eq!(key("PEREZ"), "perez");
        assert_eq!(key("U.S."), "us");
        assert_eq!(key("Ki-moon"), key("Ki Moon"));
        assert_eq!(key("Łódź"), "lodz");
        assert_eq!(key("Søren Æbelø"), "sorenaebelo");
        assert_eq!(key("Straße"), "strasse");
        assert_eq!(key("Chișinău"), "chisinau");
    }
}
