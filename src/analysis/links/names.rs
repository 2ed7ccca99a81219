//! How specific a name is, for telling one story from another: a person, an
//! organisation or a city says much more about which event a text reports
//! than the country it happened in, and a demonym ("French") says nothing
//! about it. The gazetteer tells countries, their capitals and demonyms
//! apart by the words written, whatever entity the mention was merged into
//! (a capital is often merged into its country as a metonym).

use super::super::entities::EntityKind;
use super::super::gazetteer::{self, NameForm, PlaceScope};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Scope {
    /// "French", "Kenyans": not a participant of any one event.
    Demonym,
    /// A country, its short form, a region or a sea.
    Country,
    /// A city or other place below a country (a capital written as such).
    City,
    /// A person, an organisation, an event or another proper name.
    Specific,
}

/// A name as a feature: which thing it names, and how specific it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NameKey {
    pub scope: Scope,
    /// The merged entity id, or for a capital written as such, the
    /// gazetteer entry (offset past every entity id), so that "Moscow" and
    /// "Russia" stay apart.
    pub id: u64,
    pub person: bool,
}

const CITY_BASE: u64 = 1 << 40;

/// The key of a mention written `text` of entity `entity`.
pub fn key(text: &str, entity: usize, kind: EntityKind) -> NameKey {
    let g = gazetteer::get();
    // Only places (and unclassified names) can be countries, capitals or
    // demonyms.
    let found = if matches!(kind, EntityKind::Place | EntityKind::Other) {
        g.lookup(text.trim_end_matches(['’', '\'']))
    } else {
        None
    };
    let (scope, id) = match found {
        Some((_, NameForm::Demonym)) => (Scope::Demonym, entity as u64),
        Some((i, _)) if g.entries[i].scope == Some(PlaceScope::City) => {
            (Scope::City, CITY_BASE + i as u64)
        }
        Some((_, _)) if kind == EntityKind::Place => (Scope::Country, entity as u64),
        _ if kind == EntityKind::Place => (Scope::City, entity as u64),
        _ => (Scope::Specific, entity as u64),
    };
    NameKey {
        scope,
        id,
        person: kind == EntityKind::Person && scope == Scope::Specific,
    }
}

/// The weight of a name in a story vector, before its rarity.
pub fn weight(scope: Scope) -> f32 {
    match scope {
        Scope::Demonym => 0.0,
        Scope::Country => 0.25,
        Scope::City | Scope::Specific => 1.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_capitals_and_demonyms_apart() {
        let place = EntityKind::Place;
        assert_eq!(key("French", 3, place).scope, Scope::Demonym);
        assert_eq!(key("France", 3, place).scope, Scope::Country);
        let paris = key("Paris", 3, place);
        assert_eq!(paris.scope, Scope::City);
        assert_ne!(paris.id, 3, "a capital is not its country");
        assert_eq!(key("Kirkwall", 9, place).scope, Scope::City);
        let p = key("Ines Duarte", 4, EntityKind::Person);
        assert!(p.person && p.scope == Scope::Specific);
    }
}
