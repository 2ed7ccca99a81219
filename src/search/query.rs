//! A search query: plain words (the default) or a regular expression, and
//! smart case: caseless unless the query has a capital letter.

use super::fold::{collapse_whitespace, fold_query};
use memchr::memmem;
use regex::{Regex, RegexBuilder};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// The words as typed, matched anywhere (inside words too), any run of
    /// whitespace standing for any other.
    #[default]
    Words,
    Regex,
}

#[derive(Debug, Clone)]
pub(super) enum Matcher {
    Words {
        /// The folded query and a searcher for it in folded texts.
        folded: String,
        finder: memmem::Finder<'static>,
        /// For a case-sensitive query: the query with whitespace collapsed,
        /// which the original text of each match must equal.
        exact: Option<String>,
    },
    Regex(Regex),
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
            match chars.next() {
                Some('p' | 'P') => {
                    let rest = chars.as_str();
                    if rest.starts_with('{') {
                        let close = rest.find('}').map_or(rest.len(), |i| i + 1);
                        chars = rest[close..].chars();
                    } else {
                        chars.next();
                    }
                }
                _ => {}
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
                let folded = fold_query(text);
                let finder = memmem::Finder::new(folded.as_bytes()).into_owned();
                Matcher::Words {
                    folded,
                    finder,
                    exact: case_sensitive.then(|| collapse_whitespace(text)),
                }
            }
            Mode::Regex => {
                let re = RegexBuilder::new(text)
                    .case_insensitive(!case_sensitive)
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
                Matcher::Regex(re)
            }
        };
        Ok(Some(Query {
            text: text.to_string(),
            mode,
            case_sensitive,
            matcher,
        }))
    }

    /// The folded words of a words query.
    pub fn folded(&self) -> Option<&str> {
        match &self.matcher {
            Matcher::Words { folded, .. } => Some(folded),
            Matcher::Regex(_) => None,
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
        assert_eq!(q.folded(), Some("sanctions relief"));
        let e = Query::new("(unclosed", Mode::Regex).unwrap_err();
        assert!(e.contains("unclosed"), "{e}");
    }
}
