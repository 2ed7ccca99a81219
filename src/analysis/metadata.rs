//! Document metadata: publication date, author and source, from front
//! matter, a dateline or date line near the top, a byline, a copyright line,
//! a "Read more from" line or a closing author bio.

use super::dates;
use crate::corpus::Document;
use chrono::NaiveDate;
use regex::Regex;
use serde::Serialize;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateBasis {
    FrontMatter,
    Dateline,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    pub date: Option<(NaiveDate, DateBasis)>,
    /// The line the publication date was read from (not an event).
    pub dateline: Option<std::ops::Range<usize>>,
    pub author: Option<String>,
    pub source: Option<String>,
}

struct Patterns {
    byline: Regex,
    read_more: Regex,
    copyright: Regex,
    bio: Regex,
    date_lead: Regex,
}

const NAME: &str =
    r"[A-Z][\p{L}.'’-]+(?:\s+(?:[A-Z][\p{L}.'’-]+|de|van|von|der|al|bin|da|di|du|la|le)){0,4}";

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| Patterns {
        byline: Regex::new(&format!(r"^(?:[Bb]y|BY|[Ww]ritten by|[Aa]uthor:)\s+(?P<name>{NAME})")).expect("compiles"),
        read_more: Regex::new(&format!(r"^(?:[Rr]ead more (?:from|by)|[Mm]ore from)\s+(?P<name>{NAME})\s*$")).expect("compiles"),
        copyright: Regex::new(r"(?i)(?:copyright\s*(?:©|\(c\))?|©)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*(?P<name>[^.\n]*?)\s*(?:\.|all rights reserved|$)").expect("compiles"),
        bio: Regex::new(&format!(r"^(?P<name>{NAME}) (?:is|was|has been|serves as) (?:a|an|the)\b")).expect("compiles"),
        date_lead: Regex::new(r"(?i)^(?:published|updated|posted|first published|date)?[:\s]*(?:on\s+)?$").expect("compiles"),
    })
}

fn clean(name: &str) -> Option<String> {
    let n = name.trim().trim_end_matches([',', ';', ':', '.']).trim();
    (!n.is_empty() && n.chars().count() <= 80)
        .then(|| crate::text::sanitize::sanitize(n).into_owned())
}

/// The publication date from a line near the top: a line that begins with a
/// full date (after "Published", "Updated" and the like), or a short line
/// that holds one. Returns the date and the line's byte range.
pub fn dateline(text: &str) -> Option<(NaiveDate, std::ops::Range<usize>)> {
    let mut head = text.len().min(3000);
    while !text.is_char_boundary(head) {
        head -= 1;
    }
    let mut offset = 0;
    let mut seen = 0;
    for raw in text[..head].split('\n') {
        let line_start = offset;
        offset += raw.len() + 1;
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        seen += 1;
        if seen > 15 {
            break;
        }
        if let Some((range, date)) = dates::full_date_in(line) {
            let before = &line[..range.start];
            let lead_ok = patterns().date_lead.is_match(before)
                || before.trim_end().ends_with(['|', '·', '—', '-', '–'])
                || before.to_lowercase().starts_with("by ");
            if lead_ok || line.chars().count() <= 60 {
                let lead = raw.len() - raw.trim_start().len();
                return Some((date, line_start + lead..line_start + lead + line.len()));
            }
        }
    }
    None
}

pub fn extract(doc: &Document) -> Metadata {
    let p = patterns();
    let mut meta = Metadata::default();
    for key in ["date", "published", "pubdate", "created"] {
        if let Some((_, d)) = doc.front(key).and_then(dates::full_date_in) {
            meta.date = Some((d, DateBasis::FrontMatter));
            break;
        }
    }
    if meta.date.is_none()
        && let Some((d, line)) = dateline(&doc.text)
    {
        meta.date = Some((d, DateBasis::Dateline));
        meta.dateline = Some(line);
    }
    meta.author = ["author", "byline", "by"]
        .iter()
        .find_map(|k| doc.front(k))
        .and_then(clean);
    meta.source = ["source", "publisher", "site", "publication"]
        .iter()
        .find_map(|k| doc.front(k))
        .and_then(clean);
    let lines: Vec<&str> = doc
        .text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if meta.author.is_none() {
        meta.author = lines
            .iter()
            .take(12)
            .find_map(|l| p.byline.captures(l))
            .and_then(|c| clean(&c["name"]));
    }
    if meta.author.is_none() {
        meta.author = lines
            .iter()
            .rev()
            .take(6)
            .find_map(|l| p.read_more.captures(l))
            .and_then(|c| clean(&c["name"]));
    }
    if meta.author.is_none() {
        meta.author = lines
            .iter()
            .rev()
            .take(4)
            .find_map(|l| p.bio.captures(l))
            .and_then(|c| clean(&c["name"]));
    }
    if meta.source.is_none() {
        meta.source = lines
            .iter()
            .rev()
            .take(8)
            .filter(|l| {
                l.len() < 300 && (l.to_lowercase().contains("copyright") || l.contains('©'))
            })
            .find_map(|l| p.copyright.captures(l))
            .and_then(|c| clean(&c["name"]));
    }
    meta
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::document_from_bytes;
    use std::path::Path;

    fn meta(name: &str, text: &str) -> Metadata {
        extract(&document_from_bytes(0, Path::new(name), name, text.as_bytes().to_vec()).unwrap())
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn datelines_and_front_matter() {
        assert_eq!(
            meta("a.txt", "Harbour reopens\nMarch 8, 2021\nBody.").date,
            Some((d(2021, 3, 8), DateBasis::Dateline))
        );
        assert_eq!(
            meta("a.txt", "Harbour reopens\nPublished: 8 Mar 2021\nBody.")
                .date
                .map(|x| x.0),
            Some(d(2021, 3, 8))
        );
        assert_eq!(
            meta("a.txt", "Harbour\n2021-03-08 Topic: Ports\nBody.")
                .date
                .map(|x| x.0),
            Some(d(2021, 3, 8))
        );
        assert_eq!(
            meta("a.md", "---\ndate: 2020-01-02\n---\n# T\n").date,
            Some((d(2020, 1, 2), DateBasis::FrontMatter))
        );
        // A date inside a long caption sentence is not the publication date.
        let caption = "Title\nThe mayor and the harbour master open the new quay together, after their meeting at the town hall in Leeds on June 12, 2018.\nBody.";
        assert_eq!(meta("a.txt", caption).date, None);
    }

    #[test]
    fn authors_and_sources() {
        let m = meta(
            "a.txt",
            "Title\nBy Ann Lee | March 8, 2021\nBody.\nCopyright © 2021 Ledger Media Group. All rights reserved.",
        );
        assert_eq!(m.author.as_deref(), Some("Ann Lee"));
        assert_eq!(m.source.as_deref(), Some("Ledger Media Group"));
        assert_eq!(m.date.map(|x| x.0), Some(d(2021, 3, 8)));
        assert_eq!(
            meta("a.txt", "Title\nBody text.\nRead more from Omar Haddad")
                .author
                .as_deref(),
            Some("Omar Haddad")
        );
        let bio = "Title\nBody text.\nPriya Nair is the director of ports policy at the Coastal Institute.";
        assert_eq!(meta("a.txt", bio).author.as_deref(), Some("Priya Nair"));
    }
}
