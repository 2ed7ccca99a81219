//! Word lists of the scanner: the words around a date that make it one,
//! or that make it part of a name.

/// Words after which a month name alone is a date (`in June`, `since
/// March`, `early May`).
pub(super) const MONTH_CUES: &[&str] = &[
    "in",
    "since",
    "by",
    "until",
    "till",
    "from",
    "during",
    "before",
    "after",
    "through",
    "throughout",
    "between",
    "early",
    "mid",
    "late",
    "his",
    "her",
    "their",
    "its",
    "our",
    "last",
    "next",
    "this",
    "(",
];

/// Words after "the March" that make it a procession, not a month.
pub(super) const MONTH_NOUN_AFTER: &[&str] =
    &["against", "towards", "toward", "past", "through", "across"];

/// Words before "of" that make "of June" a date (`the end of June`).
pub(super) const PART_BEFORE_OF: &[&str] = &[
    "end",
    "beginning",
    "start",
    "middle",
    "rest",
    "part",
    "course",
    "first",
    "last",
    "week",
    "weeks",
    "days",
    "half",
    "month",
    "remainder",
    "ides",
    "close",
];

/// Words before a year that belong to the expression (`in 1961`).
pub(super) const YEAR_CUES_KEPT: &[&str] = &[
    "in", "since", "by", "until", "till", "from", "before", "after", "during", "around", "circa",
    "through", "between", "beyond",
];

/// Words before "the" that make "the summer" a season (`in the summer`).
pub(super) const SEASON_BEFORE_THE: &[&str] = &[
    "in",
    "during",
    "by",
    "until",
    "till",
    "since",
    "over",
    "through",
    "throughout",
    "of",
];

/// Short words that may follow a date without making it part of a name or
/// a noun phrase.
pub(super) const FUNCTION_WORDS: &[&str] = &[
    "and", "or", "but", "when", "as", "after", "before", "at", "to", "for", "in", "on", "the",
    "it", "he", "she", "they", "we", "i", "there", "which", "while", "that", "this", "of", "with",
    "from", "until", "a", "an", "his", "her", "their", "its",
];

/// Capitalised words that make a weekday part of a name when they follow
/// it (`Sunday Times`, `Monday Night Football`).
pub(super) const NAME_AFTER_WEEKDAY: &[&str] = &[
    "Times",
    "Telegraph",
    "Post",
    "Mirror",
    "Express",
    "Herald",
    "Mail",
    "Tribune",
    "Independent",
    "Observer",
    "Star",
    "Sport",
    "People",
    "World",
    "Business",
    "Night",
    "Club",
    "Review",
    "Magazine",
    "Edition",
    "Show",
];

/// Words that make a weekday a name or another calendar's day when they
/// come before it (`Bloody Sunday`, `Super Tuesday`).
pub(super) const NAME_BEFORE_WEEKDAY: &[&str] = &[
    "Bloody", "Super", "Black", "Blue", "Manic", "Fat", "Orthodox",
];

/// Words before a holiday's name that put it in another calendar.
pub(super) const OTHER_CALENDARS: &[&str] = &[
    "Orthodox",
    "Coptic",
    "Julian",
    "Chinese",
    "Lunar",
    "Jewish",
    "Persian",
    "Iranian",
    "Islamic",
    "Hijri",
    "Tibetan",
    "Vietnamese",
    "Korean",
    "Thai",
    "Khmer",
    "Sinhala",
    "Tamil",
    "Ethiopian",
    "Hindu",
];
