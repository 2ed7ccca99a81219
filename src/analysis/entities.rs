//! Named entities: candidates from capitalised spans, title patterns,
//! acronyms and the gazetteer; a kind for each (person, organisation, place,
//! event, other); and alias merging across the whole corpus.
//!
//! Merging rules, in order: the same name up to case, hyphens, dots and
//! spaces; gazetteer names, short forms, demonyms and capitals to their
//! entry; acronyms to an expansion defined in the text ("Long Name (LN)") or
//! seen elsewhere with those initials; a bare surname or title + surname to
//! the one full name that has it (in the same document first, else in the
//! corpus) — never when two full names share it. A user alias file wins.

use super::boilerplate::{self, Boilerplate};
use super::gazetteer::{self, AliasKind, key};
use crate::corpus::DocId;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Serialize;
use std::collections::BTreeMap;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Person,
    Organization,
    Place,
    Event,
    Other,
}

impl EntityKind {
    pub fn label(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
            EntityKind::Event => "event",
            EntityKind::Other => "other",
        }
    }
}

/// Words that head a title before a name ("President", "Minister").
const TITLE_HEADS: &[&str] = &[
    "President",
    "Minister",
    "Secretary",
    "Chancellor",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Pope",
    "General",
    "Admiral",
    "Colonel",
    "Lieutenant",
    "Captain",
    "Sergeant",
    "Senator",
    "Representative",
    "Congressman",
    "Congresswoman",
    "Governor",
    "Mayor",
    "Judge",
    "Justice",
    "Chairman",
    "Chairwoman",
    "Chair",
    "Ambassador",
    "Envoy",
    "Spokesman",
    "Spokeswoman",
    "Spokesperson",
    "Leader",
    "Professor",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "Sheikh",
    "Emperor",
    "Empress",
    "Premier",
    "Commissioner",
    "Speaker",
    "Advisor",
    "Adviser",
    "Director",
    "Commander",
    "Marshal",
    "Rabbi",
    "Imam",
    "Bishop",
    "Archbishop",
    "Cardinal",
    "Father",
    "Saint",
    "CEO",
    "Counsel",
    "Inspector",
    "Superintendent",
    "Detective",
    "Constable",
    "Sultan",
    "Emir",
    "Ayatollah",
    "President-elect",
    "Chief",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "Prof.",
    "Gen.",
    "Sen.",
    "Rep.",
    "Gov.",
    "Lt.",
    "Col.",
    "Capt.",
    "Adm.",
    "Sgt.",
    "Maj.",
    "Secretary-General",
    "Director-General",
    "Attorney-General",
    "Vice-President",
    "Prime-Minister",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
];
/// Words that may stand before a title head ("Vice", "Foreign", "Press").
const TITLE_PREFIXES: &[&str] = &[
    "Vice",
    "Deputy",
    "Acting",
    "Former",
    "Interim",
    "Prime",
    "Supreme",
    "Special",
    "Press",
    "Foreign",
    "Chief",
    "First",
    "Crown",
    "Grand",
    "Lieutenant",
    "Major",
    "Brigadier",
    "Rear",
    "Attorney",
    "Senior",
    "Executive",
    "National",
    "Security",
    "Defense",
    "Defence",
    "Finance",
    "Interior",
    "Trade",
    "Health",
    "Education",
    "Economy",
    "Energy",
    "Justice",
    "Home",
    "Treasury",
    "Opposition",
    "Majority",
    "Minority",
    "Party",
    "State",
];

/// Capitalised role words that are not names ("Senior Visiting Fellow").
const ROLE_WORDS: &[&str] = &[
    "Senior",
    "Visiting",
    "Research",
    "Fellow",
    "Expert",
    "Analyst",
    "Editor",
    "Reporter",
    "Correspondent",
    "Columnist",
    "Contributor",
    "Associate",
    "Assistant",
    "Member",
    "Members",
    "Staff",
    "Writer",
    "Author",
    "Founder",
    "Co-founder",
    "Partner",
    "Head",
    "Manager",
    "Lecturer",
    "Scholar",
    "Researcher",
    "Candidate",
    "Official",
    "Officials",
    "Junior",
    "Principal",
    "Distinguished",
    "Nonresident",
    "Non-resident",
    "Adjunct",
    "Emeritus",
    "Honorary",
];
/// Lowercase words before a name that say it is a person.
const ROLE_CUES: &[&str] = &[
    "leader",
    "president",
    "minister",
    "secretary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "envoy",
    "diplomat",
    "negotiator",
    "official",
    "analyst",
    "expert",
    "director",
    "chairman",
    "chairwoman",
    "ambassador",
    "general",
    "senator",
    "lawmaker",
    "reporter",
    "correspondent",
    "professor",
    "author",
    "adviser",
    "advisor",
    "chief",
    "executive",
    "founder",
    "ceo",
    "coach",
    "player",
    "actor",
    "actress",
    "singer",
    "judge",
    "lawyer",
    "attorney",
    "mayor",
    "governor",
    "premier",
    "chancellor",
    "commander",
    "officer",
    "counterpart",
    "economist",
    "scientist",
    "researcher",
    "historian",
    "journalist",
    "editor",
    "mr",
    "mrs",
    "ms",
    "dr",
    "colleague",
    "successor",
    "predecessor",
    "candidate",
    "politician",
    "activist",
    "businessman",
    "businesswoman",
    "billionaire",
    "king",
    "queen",
    "prince",
    "princess",
    "son",
    "daughter",
    "wife",
    "husband",
    "brother",
    "sister",
    "mother",
    "father",
    "widow",
    "minister",
    "prosecutor",
    "chef",
    "manager",
    "owner",
    "resident",
    "student",
    "teacher",
    "doctor",
    "nurse",
    "engineer",
    "architect",
    "artist",
    "writer",
    "novelist",
    "poet",
    "composer",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "captain",
];
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "stated",
    "states",
    "added",
    "argued",
    "argues",
    "wrote",
    "writes",
    "warned",
    "warns",
    "explained",
    "noted",
    "insisted",
    "claimed",
    "tweeted",
    "asked",
    "replied",
    "recalled",
    "admitted",
    "believes",
    "thinks",
    "thought",
    "emphasized",
    "emphasised",
    "confirmed",
    "denied",
    "urged",
    "suggested",
    "testified",
    "spoke",
    "speaks",
    "announced",
    "declared",
    "replied",
    "responded",
    "acknowledged",
    "predicted",
    "cautioned",
];
const ORG_WORDS: &[&str] = &[
    "Department",
    "Ministry",
    "Agency",
    "Council",
    "Committee",
    "Commission",
    "University",
    "College",
    "Institute",
    "Institution",
    "Bank",
    "Party",
    "Corporation",
    "Corp",
    "Corp.",
    "Inc",
    "Inc.",
    "Ltd",
    "Ltd.",
    "LLC",
    "Company",
    "Co.",
    "Group",
    "Association",
    "Organization",
    "Organisation",
    "Union",
    "Forum",
    "Foundation",
    "Center",
    "Centre",
    "Office",
    "House",
    "Court",
    "Army",
    "Navy",
    "Force",
    "Forces",
    "Police",
    "Service",
    "Services",
    "Times",
    "Post",
    "News",
    "Journal",
    "Herald",
    "Tribune",
    "Gazette",
    "Fund",
    "Board",
    "Authority",
    "Administration",
    "Congress",
    "Parliament",
    "Senate",
    "Assembly",
    "Cabinet",
    "Government",
    "Federation",
    "League",
    "Club",
    "Network",
    "Associates",
    "Partners",
    "Holdings",
    "Media",
    "Press",
    "Bureau",
    "Society",
    "School",
    "Academy",
    "Hospital",
    "Church",
    "Corps",
    "Guard",
    "Brigade",
    "Regiment",
    "Directorate",
    "Secretariat",
    "Alliance",
    "Coalition",
    "Movement",
    "Front",
    "Trust",
    "Council",
    "Institutes",
    "Laboratory",
    "Labs",
    "Airlines",
    "Airways",
    "Motors",
    "Systems",
    "Technologies",
    "Industries",
    "Enterprises",
];
const PLACE_WORDS: &[&str] = &[
    "City",
    "Island",
    "Islands",
    "River",
    "Mountains",
    "Mountain",
    "Mount",
    "Lake",
    "Sea",
    "Ocean",
    "Peninsula",
    "Province",
    "County",
    "Region",
    "Valley",
    "Bay",
    "Strait",
    "Street",
    "Square",
    "Airport",
    "Hotel",
    "Park",
    "Bridge",
    "Port",
    "Harbour",
    "Harbor",
    "Village",
    "District",
    "Coast",
    "Desert",
    "Canal",
    "Avenue",
    "Road",
    "Stadium",
    "Palace",
    "Castle",
    "Hill",
    "Hills",
    "Beach",
    "Gulf",
    "Plateau",
    "Zone",
    "Base",
    "Border",
];
const EVENT_WORDS: &[&str] = &[
    "Summit",
    "War",
    "Olympics",
    "Games",
    "Conference",
    "Election",
    "Elections",
    "Crisis",
    "Revolution",
    "Championship",
    "Championships",
    "Cup",
    "Festival",
    "Expo",
    "Uprising",
    "Massacre",
    "Referendum",
    "Talks",
    "Spring",
    "Congress",
    "Marathon",
    "Tournament",
    "Awards",
    "Derby",
    "Pandemic",
    "Earthquake",
    "Hurricane",
];
const OTHER_WORDS: &[&str] = &[
    "Agreement",
    "Treaty",
    "Accord",
    "Statement",
    "Act",
    "Initiative",
    "Plan",
    "Review",
    "Report",
    "Declaration",
    "Doctrine",
    "Protocol",
    "Bill",
    "Law",
    "Convention",
    "Charter",
    "Program",
    "Programme",
    "Project",
    "Strategy",
];
/// Connectors allowed inside a name.
const CONNECTORS: &[&str] = &[
    "of", "for", "the", "de", "van", "von", "der", "den", "al", "bin", "da", "di", "du", "la",
    "le", "del", "y", "&",
];
/// Lowercase nouns after a name that say it is an organisation ("the FNV union").
const ORG_NOUNS: &[&str] = &[
    "union",
    "party",
    "group",
    "company",
    "agency",
    "ministry",
    "council",
    "committee",
    "bank",
    "firm",
    "newspaper",
    "broadcaster",
    "network",
    "institute",
    "university",
    "government",
    "administration",
    "army",
    "militia",
    "movement",
    "organisation",
    "organization",
    "alliance",
    "coalition",
    "club",
    "team",
    "airline",
    "carrier",
    "charity",
    "foundation",
    "regulator",
    "watchdog",
    "court",
    "lab",
    "startup",
    "conglomerate",
    "insurer",
];
const PLACE_PREPS: &[&str] = &[
    "in", "at", "to", "from", "near", "outside", "across", "into", "toward", "towards", "via",
];
const PLACE_NOUNS: &[&str] = &[
    "town", "city", "village", "capital", "province", "region", "port", "island", "district",
    "state", "county", "area",
];
/// Capitalised words that never name anything by themselves.
const NEVER: &[&str] = &[
    "i",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "mr",
    "mrs",
    "ms",
    "dr",
    "ok",
    "okay",
    "yes",
    "no",
    "god",
    "oh",
    "am",
    "pm",
    "a.m.",
    "p.m.",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "here",
    "there",
    "then",
    "now",
];

pub fn is_stop(word_lower: &str) -> bool {
    crate::text::words::is_stop(word_lower)
}

#[derive(Debug, Clone)]
struct Token<'a> {
    range: Range<usize>,
    text: &'a str,
    cap: bool,
    possessive: bool,
    /// Punctuation directly after (",", ".", ":", "(" …); none for a space.
    punct_after: Option<char>,
    initial: bool,
}

fn is_title_abbrev(w: &str) -> bool {
    matches!(
        w,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "Gen"
            | "Sen"
            | "Rep"
            | "Gov"
            | "Prof"
            | "Lt"
            | "Col"
            | "Sgt"
            | "Capt"
            | "Adm"
            | "Maj"
            | "St"
            | "Jr"
            | "Sr"
    )
}

fn is_month_or_day(w: &str) -> bool {
    matches!(
        w,
        "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
            | "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
    )
}

/// Words of a sentence with their byte ranges (absolute).
fn tokenize(text: &str, range: Range<usize>) -> Vec<Token<'_>> {
    let s = &text[range.clone()];
    let base = range.start;
    let mut chars: Vec<(usize, char)> = Vec::with_capacity(s.len());
    chars.extend(s.char_indices());
    let mut tokens = Vec::with_capacity(s.len() / 5 + 1);
    let mut i = 0;
    let mut initial = true;
    while i < chars.len() {
        let c = chars[i].1;
        if !c.is_alphanumeric() {
            if matches!(c, '“' | '"' | ':' | '‘' | '(' | '—' | '–')
                && tokens
                    .last()
                    .is_none_or(|t: &Token| t.punct_after != Some(','))
            {
                initial = matches!(c, '“' | '"' | ':' | '‘' | '—' | '–') || initial;
            }
            if !c.is_whitespace()
                && let Some(t) = tokens.last_mut()
                && t.punct_after.is_none()
            {
                t.punct_after = Some(c);
            }
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i;
        while j < chars.len() {
            let c = chars[j].1;
            // Letters and digits, and inner hyphens, apostrophes and the
            // dots of acronyms (U.S.) continue a word.
            let inner = matches!(c, '-' | '\'' | '’' | '.')
                && j + 1 < chars.len()
                && chars[j + 1].1.is_alphanumeric()
                && (c != '.'
                    || (j >= 1 && chars[j - 1].1.is_uppercase() && chars[j + 1].1.is_uppercase()));
            if c.is_alphanumeric() || inner {
                j += 1;
            } else {
                break;
            }
        }
        let mut end_b = if j < chars.len() { chars[j].0 } else { s.len() };
        let mut word = &s[chars[start].0..end_b];
        // Dotted acronyms keep their last dot (U.S.), as do title abbreviations.
        if j < chars.len() && chars[j].1 == '.' && (word.contains('.') || is_title_abbrev(word)) {
            end_b += 1;
            word = &s[chars[start].0..end_b];
            j += 1;
        }
        let mut possessive = false;
        for suffix in ["'s", "’s", "'", "’"] {
            if word.len() > suffix.len() + 1
                && word.ends_with(suffix)
                && (suffix.len() > 1 || word.ends_with("s'") || word.ends_with("s’"))
            {
                word = &word[..word.len() - suffix.len()];
                possessive = true;
                break;
            }
        }
        // Months and weekdays are dates, never part of a name.
        let cap = word.chars().next().is_some_and(char::is_uppercase) && !is_month_or_day(word);
        let abs = base + chars[start].0..base + chars[start].0 + word.len();
        tokens.push(Token {
            range: abs,
            text: word,
            cap,
            possessive,
            punct_after: None,
            initial,
        });
        initial = false;
        let _ = end_b;
        i = j;
    }
    tokens
}

/// "US-UK", "US-South Africa": a hyphenated word whose parts include a
/// gazetteer name becomes separate words, so each part is found.
fn split_gazetteer_compounds(tokens: Vec<Token<'_>>) -> Vec<Token<'_>> {
    let gaz = gazetteer::get();
    let mut out = Vec::with_capacity(tokens.len());
    for t in tokens {
        if !t.cap
            || !t.text.contains('-')
            || gaz.lookup(t.text).is_some()
            || !t.text.split('-').any(|p| gaz.lookup(p).is_some())
        {
            out.push(t);
            continue;
        }
        let parts: Vec<&str> = t.text.split('-').collect();
        let mut off = t.range.start;
        for (k, p) in parts.iter().enumerate() {
            let last = k + 1 == parts.len();
            out.push(Token {
                range: off..off + p.len(),
                text: p,
                cap: p.chars().next().is_some_and(char::is_uppercase),
                possessive: last && t.possessive,
                punct_after: if last { t.punct_after } else { None },
                initial: t.initial && k == 0,
            });
            off += p.len() + 1;
        }
    }
    out
}

/// Evidence about what a mention is.
#[derive(Debug, Clone, Copy, Default)]
pub struct Cues {
    person: u16,
    org: u16,
    place: u16,
    event: u16,
    other: u16,
}

impl Cues {
    fn add(&mut self, o: &Cues) {
        self.person += o.person;
        self.org += o.org;
        self.place += o.place;
        self.event += o.event;
        self.other += o.other;
    }
}

#[derive(Debug, Clone)]
enum Source {
    Gazetteer(usize),
    Name,
}

#[derive(Debug, Clone)]
struct Candidate {
    doc: DocId,
    range: Range<usize>,
    name: String,
    key: String,
    words: Vec<String>,
    source: Source,
    cues: Cues,
    /// Only ever seen at the start of a sentence (may be a common word).
    initial: bool,
}

/// Category bits for the word lists, so that one hash lookup answers every
/// "is this word a …" question.
mod word {
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
}

fn word_classes() -> &'static HashMap<&'static str, u32> {
    static M: std::sync::OnceLock<HashMap<&'static str, u32>> = std::sync::OnceLock::new();
    M.get_or_init(|| {
        let mut m: HashMap<&'static str, u32> = HashMap::default();
        let lists: [(u32, &[&'static str]); 13] = [
            (word::TITLE_HEADS, TITLE_HEADS),
            (word::TITLE_PREFIXES, TITLE_PREFIXES),
            (word::ROLE_WORDS, ROLE_WORDS),
            (word::ROLE_CUES, ROLE_CUES),
            (word::SPEECH_VERBS, SPEECH_VERBS),
            (word::ORG_WORDS, ORG_WORDS),
            (word::PLACE_WORDS, PLACE_WORDS),
            (word::EVENT_WORDS, EVENT_WORDS),
            (word::OTHER_WORDS, OTHER_WORDS),
            (word::CONNECTORS, CONNECTORS),
            (word::PLACE_PREPS, PLACE_PREPS),
            (word::PLACE_NOUNS, PLACE_NOUNS),
            (word::ORG_NOUNS, ORG_NOUNS),
        ];
        for (bit, list) in lists {
            for w in list {
                *m.entry(w).or_default() |= bit;
            }
        }
        m
    })
}

/// Is `w` in the word list `list` (one of the `word::` bits)?
fn has(list: u32, w: &str) -> bool {
    word_classes().get(w).is_some_and(|bits| bits & list != 0)
}

fn is_title_head(w: &str) -> bool {
    has(word::TITLE_HEADS, w)
        || (w.contains('-')
            && w.split('-')
                .next_back()
                .is_some_and(|p| has(word::TITLE_HEADS, p)))
}

/// A word that can be part of a title phrase.
fn is_title(w: &str) -> bool {
    is_title_head(w) || has(word::TITLE_PREFIXES, w)
}

/// How many tokens from `i` form a title phrase: prefixes ("Vice", "Foreign",
/// up to three), a head ("Minister"), and an optional "of X" ("Secretary of
/// State"). Zero when there is no head: "Special Measures Agreement" and
/// "Islamic State" are not titles.
fn title_len(run: &[Token], used: &[bool], i: usize) -> usize {
    let mut j = i;
    while j < run.len()
        && j - i < 3
        && !used[j]
        && has(word::TITLE_PREFIXES, run[j].text)
        && !is_title_head(run[j].text)
    {
        j += 1;
    }
    // Any one word before "Minister"/"Secretary" names a portfolio.
    if j < run.len()
        && !is_title_head(run[j].text)
        && j + 1 < run.len()
        && matches!(run[j + 1].text, "Minister" | "Secretary" | "Ministers")
        && !used[j]
    {
        j += 1;
    }
    if j >= run.len() || used[j] || !is_title_head(run[j].text) {
        return 0;
    }
    j += 1;
    // Several heads in a row ("Director General").
    while j < run.len() && !used[j] && is_title_head(run[j].text) && j + 1 < run.len() {
        j += 1;
    }
    if j + 1 < run.len()
        && run[j].text == "of"
        && run[j + 1].cap
        && !used[j + 1]
        && j + 2 < run.len()
    {
        j += 2;
    }
    j - i
}

/// What the words of a name say about its kind ("… Authority" is an
/// organisation, "… Summit" an event).
fn keyword_cues(words: &[String]) -> Cues {
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

/// Is the line a headline (short, title-case or capitals, no full stop)?
fn is_headline(text: &str, sentence: &Range<usize>) -> bool {
    let s = text[sentence.clone()].trim();
    if s.ends_with(['.', '?', '!', '"', '”', ';']) && !s.ends_with("?:") {
        let line_start = text[..sentence.start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[sentence.end..]
            .find('\n')
            .map_or(text.len(), |i| sentence.end + i);
        if line_end - line_start > sentence.len() + 2 {
            return false;
        }
        if s.ends_with(['.', '!', ';']) {
            return false;
        }
    }
    let words: Vec<&str> = s
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    if words.is_empty() || words.len() > 16 {
        return false;
    }
    let caps = words
        .iter()
        .filter(|w| {
            w.chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase)
        })
        .count();
    let long = words
        .iter()
        .filter(|w| w.chars().count() > 3)
        .count()
        .max(1);
    let long_caps = words
        .iter()
        .filter(|w| w.chars().count() > 3 && w.chars().next().is_some_and(char::is_uppercase))
        .count();
    caps * 2 >= words.len() && long_caps * 3 >= long * 2
}

/// Acronyms defined in the text: "the Belt and Road Initiative (BRI)".
fn acronym_definitions(text: &str) -> Vec<(String, String, Range<usize>)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut search = 0;
    while let Some(i) = text[search..].find('(') {
        let open = search + i;
        search = open + 1;
        let Some(close_rel) = text[open..].find(')') else {
            break;
        };
        let inner = &text[open + 1..open + close_rel];
        if inner.len() < 2
            || inner.len() > 8
            || !inner
                .chars()
                .all(|c| c.is_ascii_uppercase() || c == '-' || c == '&')
        {
            continue;
        }
        let letters: Vec<char> = inner.chars().filter(char::is_ascii_uppercase).collect();
        // Walk back over words until their capital initials spell the acronym.
        let before = &text[..open];
        let words: Vec<(usize, &str)> = before
            .split_whitespace()
            .rev()
            .take(letters.len() * 2 + 3)
            .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
            .collect();
        let mut initials = Vec::new();
        let mut start = None;
        for (pos, w) in &words {
            let c = w.chars().next().unwrap_or(' ');
            if c.is_uppercase() {
                initials.push(c);
                start = Some(*pos);
                if initials.len() == letters.len() {
                    break;
                }
            } else if !matches!(*w, "of" | "and" | "for" | "the" | "on" | "in" | "&") {
                break;
            }
        }
        initials.reverse();
        if initials == letters
            && let Some(s) = start
        {
            let long = text[s..open].trim_end().trim_end_matches(',').to_string();
            let _ = bytes;
            out.push((long.clone(), inner.to_string(), s..s + long.len()));
        }
    }
    out
}

/// Find the candidates of one document.
fn candidates(
    doc: DocId,
    text: &str,
    sentences: &[Range<usize>],
    boiler: &[Boilerplate],
) -> (Vec<Candidate>, Vec<(String, String)>) {
    let gaz = gazetteer::get();
    let mut out = Vec::new();
    let mut acronyms = Vec::new();
    for (long, short, range) in acronym_definitions(text) {
        if boilerplate::covers(boiler, &range) {
            continue;
        }
        acronyms.push((long.clone(), short));
        let words: Vec<String> = long.split_whitespace().map(str::to_string).collect();
        out.push(Candidate {
            doc,
            key: key(&long),
            range,
            name: long,
            cues: keyword_cues(&words),
            words,
            source: Source::Name,
            initial: false,
        });
    }
    for sentence in sentences {
        if boilerplate::covers(boiler, sentence) {
            continue;
        }
        let tokens = split_gazetteer_compounds(tokenize(text, sentence.clone()));
        let headline = is_headline(text, sentence);
        let mut keys: Vec<Option<String>> = vec![None; tokens.len()];
        let mut used = vec![false; tokens.len()];
        // 1. Gazetteer names (longest first), also inside hyphenated compounds.
        let mut i = 0;
        while i < tokens.len() {
            if !tokens[i].cap {
                i += 1;
                continue;
            }
            // Grow the key word by word and keep the longest hit; names run
            // over spaces only and end at a possessive.
            let mut k = String::new();
            let mut best = None;
            for n in 1..=gaz.max_words.min(tokens.len() - i) {
                k.push_str(keys[i + n - 1].get_or_insert_with(|| key(tokens[i + n - 1].text)));
                if !gaz.is_prefix(&k) {
                    break;
                }
                let hit = if n == 1 {
                    gaz.lookup(tokens[i].text)
                } else {
                    gaz.lookup_key(&k)
                };
                if let Some((id, _)) = hit {
                    best = Some((n, id));
                }
                let t = &tokens[i + n - 1];
                if t.punct_after.is_some() || t.possessive {
                    break;
                }
            }
            let mut matched = false;
            if let Some((n, id)) = best {
                let r = tokens[i].range.start..tokens[i + n - 1].range.end;
                out.push(Candidate {
                    doc,
                    range: r.clone(),
                    name: text[r].to_string(),
                    key: key(&gaz.entries[id].canonical),
                    words: vec![],
                    source: Source::Gazetteer(id),
                    cues: Cues::default(),
                    initial: false,
                });
                for u in used.iter_mut().skip(i).take(n) {
                    *u = true;
                }
                i += n;
                matched = true;
            }
            if matched {
                continue;
            }
            i += 1;
        }
        if headline {
            continue;
        }
        // 2. Runs of capitalised words.
        let mut i = 0;
        while i < tokens.len() {
            if !tokens[i].cap || used[i] && !run_continues_after_gaz(&tokens, &used, i) {
                i += 1;
                continue;
            }
            let mut j = i;
            let mut end = i;
            while j < tokens.len() {
                let t = &tokens[j];
                // Connectors join names when a capital follows ("Institute
                // for the World Economy").
                let joins = || {
                    let mut k = j;
                    while k < tokens.len()
                        && k - j < 2
                        && has(word::CONNECTORS, tokens[k].text)
                        && tokens[k].punct_after.is_none()
                    {
                        k += 1;
                    }
                    k > j && k < tokens.len() && tokens[k].cap
                };
                let ok = t.cap || (j > i && has(word::CONNECTORS, t.text) && joins());
                if !ok {
                    break;
                }
                if t.cap {
                    end = j;
                }
                if t.possessive || t.punct_after.is_some_and(|c| c != '-') {
                    break;
                }
                j += 1;
            }
            decompose(
                doc,
                text,
                &tokens[i..=end],
                &used[i..=end],
                &tokens,
                i,
                &mut out,
            );
            i = end + 1;
        }
    }
    (out, acronyms)
}

/// A run may start on a gazetteer word when a keyword makes the whole run
/// one name ("Geneva Summit", "Atlantic Council").
fn run_continues_after_gaz(tokens: &[Token], used: &[bool], i: usize) -> bool {
    let mut j = i;
    while j < tokens.len()
        && tokens[j].cap
        && !tokens[j].possessive
        && tokens[j].punct_after.is_none()
    {
        j += 1;
    }
    let last = if j < tokens.len() && tokens[j].cap {
        j
    } else {
        j.saturating_sub(1)
    };
    if last <= i || used[last] {
        return false;
    }
    let w = tokens[last].text;
    has(word::ORG_WORDS, w) || has(word::EVENT_WORDS, w) || has(word::PLACE_WORDS, w)
}

fn cues_around(tokens: &[Token<'_>], first: usize, last: usize) -> Cues {
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

#[allow(clippy::too_many_arguments)]
fn decompose(
    doc: DocId,
    text: &str,
    run: &[Token],
    used: &[bool],
    all: &[Token],
    offset: usize,
    out: &mut Vec<Candidate>,
) {
    let push = |out: &mut Vec<Candidate>, a: usize, b: usize, mut cues: Cues, initial: bool| {
        // Trim connectors at the ends.
        let (mut a, mut b) = (a, b);
        while a <= b && !run[a].cap {
            a += 1;
        }
        while b > a && (!run[b].cap || has(word::ROLE_WORDS, run[b].text)) {
            b -= 1;
        }
        if a > b
            || run[a..=b]
                .iter()
                .all(|t| has(word::ROLE_WORDS, t.text) || is_title(t.text))
        {
            return;
        }
        // A lone keyword ("Peninsula", "Summit") or direction names nothing.
        if a == b
            && (has(word::ORG_WORDS, run[a].text)
                || has(word::EVENT_WORDS, run[a].text)
                || has(word::PLACE_WORDS, run[a].text)
                || has(word::OTHER_WORDS, run[a].text))
        {
            return;
        }
        let words: Vec<String> = run[a..=b].iter().map(|t| t.text.to_string()).collect();
        if words.len() == 1 && NEVER.contains(&words[0].to_lowercase().as_str()) {
            return;
        }
        let around = cues_around(all, offset + a, offset + b);
        cues.person += around.person;
        cues.place += around.place;
        cues.org += around.org;
        if words.len() > 1 || cues.person == 0 {
            let k = keyword_cues(&words);
            cues.org += k.org;
            cues.event += k.event;
            cues.place += k.place;
            cues.other += k.other;
        }
        let mut r = run[a].range.start..run[b].range.end;
        // "de Vries": a lowercase particle before a lone surname belongs to it.
        if offset + a > 0 && a == 0 {
            let p = &all[offset + a - 1];
            if matches!(
                p.text,
                "de" | "van"
                    | "von"
                    | "der"
                    | "al"
                    | "bin"
                    | "da"
                    | "di"
                    | "du"
                    | "le"
                    | "la"
                    | "del"
                    | "ter"
                    | "ten"
            ) && p.punct_after.is_none()
            {
                r.start = p.range.start;
            }
        }
        let name = text[r.clone()].to_string();
        out.push(Candidate {
            doc,
            key: key(&name),
            name,
            range: r,
            words,
            source: Source::Name,
            cues,
            initial,
        });
    };
    let n = run.len();
    let mut start = 0;
    // A sentence-initial function word is not part of a name.
    while start < n && run[start].initial && is_stop(&run[start].text.to_lowercase()) {
        start += 1;
    }
    if start >= n {
        return;
    }
    let initial = run[start].initial;
    let last = run[n - 1].text;
    let keyword_run = n - start > 1
        && (run.iter().any(|t| has(word::ORG_WORDS, t.text))
            || has(word::EVENT_WORDS, last)
            || has(word::PLACE_WORDS, last)
            || has(word::OTHER_WORDS, last));
    let titled = is_title(run[start].text) || has(word::ROLE_WORDS, run[start].text);
    if keyword_run && !titled {
        // "Smith-Jones Geneva Summit", "Atlantic Council": one name.
        if used[start..].iter().all(|u| *u) {
            return;
        }
        push(
            out,
            start,
            n - 1,
            Cues::default(),
            initial && n - start == 1,
        );
        return;
    }
    // Split at gazetteer names and title phrases.
    let mut i = start;
    let mut pending_title = false;
    let mut seg_start: Option<usize> = None;
    let close =
        |out: &mut Vec<Candidate>, seg: &mut Option<usize>, end: usize, pending: &mut bool| {
            if let Some(s) = seg.take() {
                let cues = Cues {
                    person: if *pending { 4 } else { 0 },
                    ..Default::default()
                };
                push(out, s, end, cues, initial && s == start);
                *pending = false;
            }
        };
    while i < n {
        let t = &run[i];
        if used[i] {
            close(out, &mut seg_start, i.saturating_sub(1), &mut pending_title);
            i += 1;
            continue;
        }
        let tl = if seg_start.is_none() {
            title_len(run, used, i)
        } else {
            0
        };
        if tl > 0 {
            pending_title = true;
            i += tl;
            continue;
        }
        if seg_start.is_none() && has(word::ROLE_WORDS, t.text) {
            // "Senior Fellow", "Expert": dropped; a name right after is a person.
            pending_title = i + 1 < n
                && run[i + 1].cap
                && !used[i + 1]
                && !has(word::ROLE_WORDS, run[i + 1].text);
            i += 1;
            continue;
        }
        if !t.cap {
            // A connector: the title continues only into a gazetteer name
            // ("Special Envoy for South Sudan Ann Lee").
            if seg_start.is_none() && !(i + 1 < n && used[i + 1]) {
                pending_title = false;
            }
            i += 1;
            continue;
        }
        if seg_start.is_none() {
            seg_start = Some(i);
        }
        i += 1;
    }
    close(out, &mut seg_start, n - 1, &mut pending_title);
}

/// A user alias file: forced merges and splits (`aliases.toml`).
#[derive(Debug, Default, Clone, serde::Deserialize)]
pub struct UserAliases {
    /// Names that must stay their own entity.
    #[serde(default)]
    pub split: Vec<String>,
    /// Canonical name = the names that are aliases of it.
    #[serde(default)]
    pub merge: BTreeMap<String, Vec<String>>,
}

impl UserAliases {
    pub fn parse(src: &str) -> Result<UserAliases, String> {
        toml::from_str(src).map_err(|e| {
            let line = e.span().map(|s| src[..s.start].matches('\n').count() + 1);
            match line {
                Some(l) => format!("line {l}: {}", e.message()),
                None => e.message().to_string(),
            }
        })
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Alias {
    pub name: String,
    pub kind: AliasKind,
}

#[derive(Debug, Clone)]
pub struct Mention {
    pub doc: DocId,
    pub range: Range<usize>,
    pub entity: usize,
}

#[derive(Debug, Clone)]
pub struct Entity {
    pub id: usize,
    pub name: String,
    pub kind: EntityKind,
    pub aliases: Vec<Alias>,
    /// Indices into the mention list, in document order.
    pub mentions: Vec<usize>,
    /// Mentions per document, sorted by document.
    pub per_doc: Vec<(DocId, u32)>,
}

pub struct Entities {
    pub entities: Vec<Entity>,
    /// Sorted by (doc, start).
    pub mentions: Vec<Mention>,
}

/// Per-document input to the entity pass.
pub struct DocInput<'a> {
    pub doc: DocId,
    pub text: &'a str,
    pub sentences: &'a [Range<usize>],
    pub boilerplate: &'a [Boilerplate],
}

/// Candidates of one document (run in parallel per document).
pub struct DocCandidates {
    cands: Vec<Candidate>,
    acronyms: Vec<(String, String)>,
}

pub fn doc_candidates(input: &DocInput) -> DocCandidates {
    let (mut cands, acronyms) =
        candidates(input.doc, input.text, input.sentences, input.boilerplate);
    // Overlaps within the document: the longest candidate wins. Done here,
    // per document and in parallel, so the corpus pass only concatenates.
    cands.sort_unstable_by_key(|c| (c.range.start, std::cmp::Reverse(c.range.end)));
    let mut kept: Vec<Candidate> = Vec::with_capacity(cands.len());
    for c in cands {
        if kept
            .last()
            .is_some_and(|last: &Candidate| c.range.start < last.range.end)
        {
            continue;
        }
        kept.push(c);
    }
    DocCandidates {
        cands: kept,
        acronyms,
    }
}

/// Union-find over cluster ids.
struct Dsu(Vec<usize>);
impl Dsu {
    fn find(&mut self, x: usize) -> usize {
        let mut r = x;
        while self.0[r] != r {
            r = self.0[r];
        }
        let mut y = x;
        while self.0[y] != r {
            let n = self.0[y];
            self.0[y] = r;
            y = n;
        }
        r
    }
    fn union(&mut self, a: usize, into: usize) {
        let (a, b) = (self.find(a), self.find(into));
        if a != b {
            self.0[a] = b;
        }
    }
}

/// Merge the candidates of all documents into entities.
pub fn resolve(per_doc: Vec<DocCandidates>, user: &UserAliases) -> Entities {
    let mut sw = super::Stopwatch::new();
    let gaz = gazetteer::get();
    let mut cands: Vec<Candidate> = Vec::new();
    let mut acronyms: HashMap<String, String> = HashMap::default();
    for d in per_doc {
        cands.extend(d.cands);
        for (long, short) in d.acronyms {
            acronyms.entry(key(&short)).or_insert_with(|| key(&long));
        }
    }
    // Each document's candidates come sorted and without overlaps; documents
    // come in order (see `doc_candidates`).
    let kept = cands;
    sw.lap("resolve: gather and sort");
    let split: HashSet<String> = user.split.iter().map(|s| key(s)).collect();
    let mut forced: HashMap<String, String> = HashMap::default();
    for (canon, names) in &user.merge {
        for n in names {
            forced.insert(key(n), key(canon));
        }
        forced.insert(key(canon), key(canon));
    }
    // A word seen only at sentence starts is likely a common word, unless
    // it is part of a person's name seen elsewhere.
    let seen_inside: HashSet<&str> = kept
        .iter()
        .filter(|c| !c.initial)
        .map(|c| c.key.as_str())
        .collect();
    let name_parts: HashSet<String> = kept
        .iter()
        .filter(|c| c.words.len() >= 2 && c.cues.person > 0)
        .flat_map(|c| [key(&c.words[0]), key(&c.words[c.words.len() - 1])])
        .collect();
    let keep: Vec<bool> = kept
        .iter()
        .map(|c| {
            !c.initial
                || c.words.len() > 1
                || seen_inside.contains(c.key.as_str())
                || c.cues.person > 0
                || name_parts.contains(&c.key)
                || forced.contains_key(&c.key)
                || split.contains(&c.key)
        })
        .collect();
    drop(seen_inside);
    drop(name_parts);
    let kept: Vec<Candidate> = kept
        .into_iter()
        .zip(keep)
        .filter_map(|(c, k)| k.then_some(c))
        .collect();

    // Clusters by key; gazetteer entries by their canonical key.
    let mut cluster_of: HashMap<String, usize> = HashMap::default();
    let mut cluster_keys: Vec<String> = Vec::new();
    let mut cand_cluster = Vec::with_capacity(kept.len());
    sw.lap("resolve: filter");
    // Names that are gazetteer entries join their entry's cluster; a key
    // seen before is looked up without allocating.
    let mut gaz_key_of: HashMap<usize, String> = HashMap::default();
    for c in &kept {
        let mut k: &str = &c.key;
        if let Source::Name = c.source
            && !split.contains(k)
            && gaz.lookup_key(k).is_some()
            && let Some((id, _)) = gaz.lookup(&c.name)
        {
            k = gaz_key_of
                .entry(id)
                .or_insert_with(|| key(&gaz.entries[id].canonical));
        }
        let id = match cluster_of.get(k) {
            Some(&id) => id,
            None => {
                cluster_keys.push(k.to_string());
                cluster_of.insert(k.to_string(), cluster_keys.len() - 1);
                cluster_keys.len() - 1
            }
        };
        cand_cluster.push(id);
    }
    sw.lap("resolve: clusters");
    let n = cluster_keys.len();
    let mut dsu = Dsu((0..n).collect());
    // Kind evidence per cluster.
    let mut cues = vec![Cues::default(); n];
    let mut gaz_of: Vec<Option<usize>> = vec![None; n];
    let mut words_of: Vec<Vec<String>> = vec![Vec::new(); n];
    let mut docs_of: Vec<HashSet<DocId>> = vec![HashSet::default(); n];
    for (c, &cl) in kept.iter().zip(&cand_cluster) {
        cues[cl].add(&c.cues);
        if let Source::Gazetteer(id) = c.source {
            gaz_of[cl] = Some(id);
        }
        if c.words.len() > words_of[cl].len() {
            words_of[cl] = c.words.clone();
        }
        docs_of[cl].insert(c.doc);
    }
    let is_person = |cl: usize, cues: &[Cues], gaz_of: &[Option<usize>]| {
        let q = cues[cl];
        gaz_of[cl].is_none()
            && q.person > 0
            && q.person >= q.org.max(q.place).max(q.event).max(q.other)
    };
    // Acronyms to their expansions: defined in text, or by initials.
    let mut initials: HashMap<String, Vec<usize>> = HashMap::default();
    for (cl, ws) in words_of.iter().enumerate() {
        if ws.len() >= 2 {
            let ini: String = ws
                .iter()
                .filter(|w| !has(word::CONNECTORS, w))
                .filter_map(|w| w.chars().next())
                .flat_map(char::to_lowercase)
                .collect();
            initials.entry(ini).or_default().push(cl);
        }
    }
    for cl in 0..n {
        let ws = &words_of[cl];
        let k = &cluster_keys[cl];
        if split.contains(k)
            || gaz_of[cl].is_some()
            || ws.len() != 1
            || !ws[0]
                .chars()
                .all(|c| c.is_uppercase() || c == '.' || c == '-')
        {
            continue;
        }
        let target = acronyms
            .get(k)
            .and_then(|long| cluster_of.get(long).copied())
            .or_else(|| match initials.get(k).map(Vec::as_slice) {
                Some([one]) => Some(*one),
                _ => None,
            });
        if let Some(t) = target.filter(|t| *t != cl) {
            dsu.union(cl, t);
        }
    }
    // Surnames and partial names to the one full name that has them.
    let mut by_part: HashMap<String, Vec<usize>> = HashMap::default();
    for (cl, ws) in words_of.iter().enumerate() {
        if ws.len() >= 2 && is_person(cl, &cues, &gaz_of) {
            let first = key(&ws[0]);
            let last = key(&ws[ws.len() - 1]);
            by_part.entry(last).or_default().push(cl);
            if first != key(&ws[ws.len() - 1]) {
                by_part.entry(first).or_default().push(cl);
            }
        }
    }
    for cl in 0..n {
        let ws = words_of[cl].clone();
        let k = cluster_keys[cl].clone();
        if split.contains(&k) || gaz_of[cl].is_some() {
            continue;
        }
        let targets: Vec<usize> = if ws.len() == 1 {
            by_part.get(&k).cloned().unwrap_or_default()
        } else if ws.len() >= 2 && is_person(cl, &cues, &gaz_of) {
            // "Mary Evans" → "Mary Ann Evans": same first and
            // last word, fewer words.
            let (f, l) = (key(&ws[0]), key(&ws[ws.len() - 1]));
            by_part
                .get(&l)
                .map(|v| {
                    v.iter()
                        .copied()
                        .filter(|t| {
                            *t != cl && words_of[*t].len() > ws.len() && key(&words_of[*t][0]) == f
                        })
                        .collect()
                })
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        let me = dsu.find(cl);
        let mut distinct: Vec<usize> = targets
            .iter()
            .map(|t| dsu.find(*t))
            .filter(|t| *t != me)
            .collect();
        distinct.sort_unstable();
        distinct.dedup();
        if distinct.len() == 1 {
            dsu.union(cl, distinct[0]);
            continue;
        }
        // Ambiguous in the corpus: try within each document that mentions it,
        // but only if every document agrees on one person.
        if distinct.len() > 1 {
            let mut chosen = HashSet::default();
            for d in &docs_of[cl] {
                let local: HashSet<usize> = distinct
                    .iter()
                    .copied()
                    .filter(|t| docs_of[*t].contains(d))
                    .collect();
                if local.len() == 1 {
                    chosen.extend(local);
                } else {
                    chosen.insert(usize::MAX);
                }
            }
            if chosen.len() == 1
                && let Some(t) = chosen.into_iter().next().filter(|t| *t != usize::MAX)
            {
                dsu.union(cl, t);
            }
        }
    }
    // Forced merges from the user file.
    for (name_key, canon_key) in &forced {
        if let (Some(&a), Some(&b)) = (cluster_of.get(name_key), cluster_of.get(canon_key)) {
            dsu.union(a, b);
        }
    }
    // Hyphenated pairs of two known names ("Smith-Jones") are not entities.
    let pair = |cl: usize| {
        let ws = &words_of[cl];
        ws.len() == 1
            && ws[0].contains('-')
            && ws[0].split('-').all(|p| {
                p.chars().next().is_some_and(char::is_uppercase) && by_part.contains_key(&key(p))
            })
    };

    sw.lap("resolve: merging");
    // Build entities from clusters.
    let mut root_index: HashMap<usize, usize> = HashMap::default();
    let mut entities: Vec<Entity> = Vec::new();
    let mut mentions: Vec<Mention> = Vec::new();
    let mut surfaces: Vec<HashMap<String, (u32, usize)>> = Vec::new();
    let mut ent_cues: Vec<Cues> = Vec::new();
    let mut ent_gaz: Vec<Option<usize>> = Vec::new();
    for (c, &cl) in kept.iter().zip(&cand_cluster) {
        if pair(cl) {
            continue;
        }
        let root = dsu.find(cl);
        let e = *root_index.entry(root).or_insert_with(|| {
            entities.push(Entity {
                id: entities.len(),
                name: String::new(),
                kind: EntityKind::Other,
                aliases: Vec::new(),
                mentions: Vec::new(),
                per_doc: Vec::new(),
            });
            surfaces.push(HashMap::default());
            ent_cues.push(Cues::default());
            ent_gaz.push(None);
            entities.len() - 1
        });
        ent_cues[e].add(&c.cues);
        if let Source::Gazetteer(id) = c.source {
            ent_gaz[e] = Some(id);
        }
        let order = mentions.len();
        if c.name.contains(['\n', '\t', '\u{a0}']) || c.name.contains("  ") {
            let form = c.name.split_whitespace().collect::<Vec<_>>().join(" ");
            surfaces[e].entry(form).or_insert((0, usize::MAX - order)).0 += 1;
        } else if let Some(s) = surfaces[e].get_mut(c.name.as_str()) {
            s.0 += 1;
        } else {
            surfaces[e].insert(c.name.clone(), (1, usize::MAX - order));
        }
        mentions.push(Mention {
            doc: c.doc,
            range: c.range.clone(),
            entity: e,
        });
    }
    sw.lap("resolve: mentions");
    for (e, ent) in entities.iter_mut().enumerate() {
        let mut q = ent_cues[e];
        // A lone word that is part of several people's names is a person
        // (unmerged because it is ambiguous).
        if ent_gaz[e].is_none()
            && surfaces[e]
                .keys()
                .all(|s| !s.contains(' ') && by_part.get(&key(s)).is_some_and(|v| v.len() > 1))
        {
            q.person += 2;
        }
        ent.kind = if let Some(id) = ent_gaz[e] {
            gaz.entries[id].kind
        } else {
            let best = [
                (q.person, EntityKind::Person),
                (q.org, EntityKind::Organization),
                (q.place, EntityKind::Place),
                (q.event, EntityKind::Event),
                (q.other, EntityKind::Other),
            ];
            best.iter()
                .filter(|(v, _)| *v > 0)
                .max_by_key(|(v, k)| (*v, std::cmp::Reverse(*k)))
                .map_or(EntityKind::Other, |(_, k)| *k)
        };
        // The name: the gazetteer's, else a forced canonical, else the
        // most frequent of the longest forms.
        // Longest name (by its letters), then most frequent, then first seen.
        let mut forms: Vec<(&String, &(u32, usize))> = surfaces[e].iter().collect();
        forms.sort_by_key(|f| std::cmp::Reverse((key(f.0).len(), f.1.0, f.1.1)));
        let mut name = forms.first().map(|f| f.0.clone()).unwrap_or_default();
        if let Some(id) = ent_gaz[e] {
            name = gaz.entries[id].canonical.clone();
        } else if let Some(canon) = user.merge.keys().find(|c| {
            surfaces[e].keys().any(|s| key(s) == key(c)) || forced.get(&key(&name)) == Some(&key(c))
        }) {
            name = canon.clone();
        }
        ent.name = crate::text::sanitize::sanitize(&name).into_owned();
        let mut aliases: Vec<Alias> = forms
            .iter()
            .map(|f| f.0.clone())
            .filter(|s| key(s) != key(&ent.name) || s != &ent.name)
            .filter(|s| s != &ent.name)
            .map(|s| {
                let kind = gaz.lookup(&s).map_or(AliasKind::Name, |(_, k)| k);
                Alias {
                    name: crate::text::sanitize::sanitize(&s).into_owned(),
                    kind,
                }
            })
            .collect();
        aliases.sort_by(|a, b| a.name.cmp(&b.name));
        aliases.dedup_by(|a, b| a.name == b.name);
        ent.aliases = aliases;
    }
    sw.lap("resolve: names and kinds");
    // Drop lone capitalised words with no evidence at all that were only ever
    // seen once (mostly noise), and order entities by mentions.
    mentions.sort_by_key(|m| (m.doc, m.range.start));
    for (i, m) in mentions.iter().enumerate() {
        entities[m.entity].mentions.push(i);
    }
    for ent in entities.iter_mut() {
        let mut per: BTreeMap<DocId, u32> = BTreeMap::new();
        for &m in &ent.mentions {
            *per.entry(mentions[m].doc).or_default() += 1;
        }
        ent.per_doc = per.into_iter().collect();
    }
    // Stable ids: by kind, then mentions (desc), then name.
    let mut order: Vec<usize> = (0..entities.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&entities[a], &entities[b]);
        y.mentions
            .len()
            .cmp(&x.mentions.len())
            .then_with(|| x.name.cmp(&y.name))
    });
    let mut new_id = vec![0; entities.len()];
    for (new, &old) in order.iter().enumerate() {
        new_id[old] = new;
    }
    let mut sorted: Vec<Entity> = order.iter().map(|&o| entities[o].clone()).collect();
    for (i, e) in sorted.iter_mut().enumerate() {
        e.id = i;
    }
    for m in mentions.iter_mut() {
        m.entity = new_id[m.entity];
    }
    Entities {
        entities: sorted,
        mentions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::sentences;

    fn run(docs: &[&str], user: &UserAliases) -> Entities {
        let per: Vec<DocCandidates> = docs
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let s = sentences::split(t);
                let b = boilerplate::find(t, &s);
                doc_candidates(&DocInput {
                    doc: i,
                    text: t,
                    sentences: &s,
                    boilerplate: &b,
                })
            })
            .collect();
        resolve(per, user)
    }

    fn find<'a>(e: &'a Entities, name: &str) -> Option<&'a Entity> {
        e.entities.iter().find(|x| x.name == name)
    }

    fn names(e: &Entities) -> Vec<String> {
        e.entities
            .iter()
            .map(|x| format!("{}:{}", x.name, x.kind.label()))
            .collect()
    }

    #[test]
    fn titles_surnames_and_spelling_variants_merge() {
        let e = run(
            &[
                "Secretary-General Ban Ki-moon met Foreign Minister Amara Osei in Accra on Monday. Ban said the talks went well.",
                "Ban Ki Moon, the U.N. chief, later told reporters that Osei had agreed. Minister Osei declined to comment.",
            ],
            &UserAliases::default(),
        );
        let ban = find(&e, "Ban Ki-moon").unwrap_or_else(|| panic!("{:?}", names(&e)));
        assert_eq!(ban.kind, EntityKind::Person);
        assert_eq!(ban.mentions.len(), 3, "{:?}", names(&e));
        assert_eq!(ban.per_doc, vec![(0, 2), (1, 1)]);
        let osei = find(&e, "Amara Osei").unwrap();
        assert_eq!(osei.mentions.len(), 3);
        assert_eq!(osei.kind, EntityKind::Person);
        // Ghana's capital is an alias of Ghana; U.N. is the United Nations.
        let ghana = find(&e, "Ghana").unwrap();
        assert!(
            ghana
                .aliases
                .iter()
                .any(|a| a.name == "Accra" && a.kind == AliasKind::Capital)
        );
        assert!(find(&e, "United Nations").is_some(), "{:?}", names(&e));
    }

    #[test]
    fn acronyms_dotted_forms_and_demonyms() {
        let e = run(
            &[
                "The U.K. and the UK are one. British officials in London agreed.",
                "The United Kingdom voted. The Harbour Trust Authority (HTA) met, and the HTA said no.",
            ],
            &UserAliases::default(),
        );
        let uk = find(&e, "United Kingdom").unwrap();
        assert_eq!(
            uk.mentions.len(),
            5,
            "U.K., UK, British, London, United Kingdom: {:?}",
            uk.aliases
        );
        let hta = find(&e, "Harbour Trust Authority").unwrap_or_else(|| panic!("{:?}", names(&e)));
        assert_eq!(hta.kind, EntityKind::Organization);
        assert_eq!(
            hta.mentions.len(),
            3,
            "the name, (HTA) and the HTA: {:?}",
            hta.aliases
        );
    }

    #[test]
    fn two_people_sharing_a_surname_stay_apart() {
        let e = run(
            &["John Smith, a lawyer, met Jane Smith, a judge, in Leeds. Smith said it was fine."],
            &UserAliases::default(),
        );
        assert_eq!(find(&e, "John Smith").unwrap().mentions.len(), 1);
        assert_eq!(find(&e, "Jane Smith").unwrap().mentions.len(), 1);
        // The bare surname is ambiguous and stays unmerged.
        assert!(find(&e, "Smith").is_some(), "{:?}", names(&e));
    }

    #[test]
    fn two_people_sharing_a_title_stay_apart() {
        let e = run(
            &[
                "President Ana Ruiz met President Tomas Berg. Ruiz spoke first, then President Berg replied.",
            ],
            &UserAliases::default(),
        );
        assert_eq!(find(&e, "Ana Ruiz").unwrap().mentions.len(), 2);
        assert_eq!(find(&e, "Tomas Berg").unwrap().mentions.len(), 2);
        assert!(find(&e, "President").is_none());
    }

    #[test]
    fn sentence_initial_common_words_are_not_entities() {
        let e = run(
            &[
                "The mayor spoke. But nobody came. Despite the rain, nobody left. Observers waited. Harbour Board officials met in Leeds.",
            ],
            &UserAliases::default(),
        );
        let n = names(&e);
        for bad in ["The", "But", "Despite", "Observers"] {
            assert!(
                !n.iter().any(|x| x.starts_with(&format!("{bad}:"))),
                "{bad} in {n:?}"
            );
        }
        assert!(
            n.contains(&"Harbour Board:organization".to_string()),
            "{n:?}"
        );
    }

    #[test]
    fn user_aliases_force_merges_and_splits() {
        let docs = ["Maria Lopez spoke. Lopez left. Later Mary Lopez-Ortiz returned."];
        let user = UserAliases::parse(
            "split = [\"Lopez\"]\n[merge]\n\"Maria Lopez\" = [\"Mary Lopez-Ortiz\"]\n",
        )
        .unwrap();
        let e = run(&docs, &user);
        assert_eq!(
            find(&e, "Maria Lopez").unwrap().mentions.len(),
            2,
            "{:?}",
            names(&e)
        );
        assert!(
            find(&e, "Lopez").is_some(),
            "split keeps the surname apart: {:?}",
            names(&e)
        );
        assert!(
            UserAliases::parse("split = 3")
                .unwrap_err()
                .contains("line 1")
        );
    }
}
