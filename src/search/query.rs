//! A search query: plain words (the default) or a regular expression, and
//! smart case: caseless unless the query has a capital letter.

use super::fold::{collapse_whitespace, fold_query};
use memchr::memmem;
use regex::{Regex, RegexBuilder};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// The words as typed, found where a word begins (so `sanction` finds
    /// `sanctions` and `Korea` finds `North-Korean`, but `ctions` is not a
    /// hit); any run of whitespace stands for any other.
    #[default]
    Words,
    Regex,
}

/// Which text a regex runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Space {
    /// The case-folded text (whitespace runs made one space).
    Folded,
    /// The text as loaded.
    Original,
}

#[derive(Debug, Clone)]
pub(super) enum Matcher {
    Words {
        /// The folded query, and a searcher for it in folded texts.
        needle: String,
        finder: Box<memmem::Finder<'static>>,
        /// For a case-sensitive query: the query with its whitespace
        /// collapsed, which the original text of each match must equal.
        exact: Option<String>,
        /// The query begins with a letter or digit, so it matches where a
        /// word begins; otherwise (`$5`, `“keep`) anywhere.
        at_word_start: bool,
    },
    Regex {
        re: Regex,
        /// A caseless regex runs on the folded text (Unicode full folding,
        /// and the regex engine's literal search stays fast); a cased one
        /// on the text as loaded.
        space: Space,
    },
}

#[derive(Debug, Clone)]
pub struct Query {
    /// The query as typed.
    pub text: String,
    pub mode: Mode,
    pub case_sensitive: bool,
    pub(super) matcher: Matcher,
}

/// Does the query ask for case to matter? A capital letter does; in a
/// regex, escapes such as `\W`, `\S` or `\p{Lu}` do not count.
pub fn has_capital(text: &str, mode: Mode) -> bool {
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if mode == Mode::Regex && c == '\\' {
            if let Some('p' | 'P') = chars.next() {
                let rest = chars.as_str();
                if rest.starts_with('{') {
                    let close = rest.find('}').map_or(rest.len(), |i| i + 1);
                    chars = rest[close..].chars();
                } else {
                    chars.next();
                }
            }
            continue;
        }
        if c.is_uppercase() {
            return true;
        }
    }
    false
}

impl Query {
    /// Parse `text` in `mode`; `None` for an empty query, an error message
    /// for a regex that does not compile.
    pub fn new(text: &str, mode: Mode) -> Result<Option<Query>, String> {
        if text.is_empty() || (mode == Mode::Regex && text.trim().is_empty()) {
            return Ok(None);
        }
        let case_sensitive = has_capital(text, mode);
        let matcher = match mode {
            Mode::Words => {
                let needle = fold_query(text);
                let finder = Box::new(memmem::Finder::new(needle.as_bytes()).into_owned());
                let at_word_start = needle.chars().next().is_some_and(char::is_alphanumeric);
                Matcher::Words {
                    needle,
                    finder,
                    exact: case_sensitive.then(|| collapse_whitespace(text)),
                    at_word_start,
                }
            }
            Mode::Regex => {
                let re = RegexBuilder::new(text)
                    .multi_line(true)
                    .size_limit(1 << 22)
                    .build()
                    .map_err(|e| match e {
                        regex::Error::Syntax(s) => s
                            .lines()
                            .last()
                            .unwrap_or("bad regex")
                            .trim_start_matches("error: ")
                            .to_string(),
                        regex::Error::CompiledTooBig(_) => "regex too large".to_string(),
                        _ => "bad regex".to_string(),
                    })?;
                Matcher::Regex {
                    re,
                    space: if case_sensitive {
                        Space::Original
                    } else {
                        Space::Folded
                    },
                }
            }
        };
        Ok(Some(Query {
            text: text.to_string(),
            mode,
            case_sensitive,
            matcher,
        }))
    }

    /// What a words query looks for: its folded text.
    pub fn needle(&self) -> Option<&str> {
        match &self.matcher {
            Matcher::Words { needle, .. } => Some(needle),
            Matcher::Regex { .. } => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smart_case() {
        assert!(!has_capital("sanctions relief", Mode::Words));
        assert!(has_capital("Sanctions", Mode::Words));
        assert!(
            has_capital("École", Mode::Words),
            "non-ASCII capitals count"
        );
        assert!(!has_capital(r"\W+\S\D\p{Lu}\PL", Mode::Regex));
        assert!(has_capital(r"\w+ Korea", Mode::Regex));
        assert!(has_capital(r"\Wx", Mode::Words), "in words, W is a capital");
    }

    #[test]
    fn queries_parse_and_report_bad_regexes() {
        assert!(Query::new("", Mode::Words).unwrap().is_none());
        let q = Query::new("Sanctions  Relief", Mode::Words)
            .unwrap()
            .unwrap();
        assert!(q.case_sensitive);
        assert_eq!(q.needle(), Some("sanctions relief"));

        let e = Query::new("(unclosed", Mode::Regex).unwrap_err();
        assert!(e.contains("unclosed"), "{e}");
    }
}
