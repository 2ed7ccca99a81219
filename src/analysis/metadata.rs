//! Document metadata: publication date, author and source, from front
//! matter, a date line near the top (`Published: 8 Mar 2021`, a line that
//! is a date, a wire dateline such as `LONDON, March 8, 2021 (Reuters) -`),
//! a date in the file name, a byline, a copyright line, a "Read more from"
//! line or a closing author bio.

use super::dates::{self, expr::Expr, expr::Found};
use crate::corpus::Document;
use chrono::NaiveDate;
use regex::Regex;
use serde::Serialize;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateBasis {
    FrontMatter,
    /// A line near the top of the text: a dateline or a `Date:` line.
    Dateline,
    /// A date in the file's name (`2021-03-08-harbour.md`).
    FileName,
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
    wire_place: Regex,
    wire_tail: Regex,
    file_date: Regex,
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
        date_lead: Regex::new(r"(?i)^(?:published|updated|posted|first published|last updated|date|dated|released|issued)?[:\s]*(?:on\s+)?$").expect("compiles"),
        // A wire dateline's place: `LONDON, `, `MAR DEL PLATA, Argentina, `.
        wire_place: Regex::new(r"^[\p{Lu}][\p{Lu}\p{M} .'’/-]+(?:\s*\([\p{L} .]+\))?(?:,\s*[\p{L}][\p{L} .'’-]*){0,2},?\s*$").expect("compiles"),
        // …and what follows its date: `(Reuters) -`, `/PRNewswire/ --`, `:`.
        wire_tail: Regex::new(r"^,?\s*(?:\([^()\n]{1,40}\)|/[^/\n]{1,40}/)?\s*(?:--|-|–|—|:)").expect("compiles"),
        file_date: Regex::new(r"(?:^|[^0-9])((?:19|20)\d\d)[-_.]?([01]\d)[-_.]?([0-3]\d)(?:[^0-9]|$)").expect("compiles"),
    })
}

fn clean(name: &str) -> Option<String> {
    let n = name.trim().trim_end_matches([',', ';', ':', '.']).trim();
    (!n.is_empty() && n.chars().count() <= 80)
        .then(|| crate::text::sanitize::sanitize(n).into_owned())
}

/// The publication date from a line near the top (among the first 15
/// lines that hold text): a line that begins with a full date (after
/// "Published", "Updated" and the like), a short line that holds one, or a
/// wire dateline (`LONDON, March 8, 2021 (Reuters) -`). `found` are the
/// text's date expressions (from [`dates::scan`]). Returns the date and the
/// range of the line (of the dateline only, for a wire dateline).
pub fn dateline(text: &str, found: &[Found]) -> Option<(NaiveDate, std::ops::Range<usize>)> {
    const HEAD: usize = 3000;
    let p = patterns();
    for f in found {
        if f.range.start >= HEAD {
            break;
        }
        let Expr::Stated { date, end: None } = f.expr else {
            continue;
        };
        let Some(day) = date
            .first_day()
            .filter(|_| date.precision() == dates::Precision::Day)
        else {
            continue;
        };
        let line_start = text[..f.range.start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[f.range.end..]
            .find('\n')
            .map_or(text.len(), |i| f.range.end + i);
        let lines_before = text[..line_start]
            .split('\n')
            .filter(|l| !l.trim().is_empty())
            .count();
        if lines_before >= 15 {
            break;
        }
        let raw = &text[line_start..line_end];
        let lead = raw.len() - raw.trim_start().len();
        let line = raw.trim();
        let before = &text[line_start + lead..f.range.start];
        let lead_ok = p.date_lead.is_match(before)
            || before.trim_end().ends_with(['|', '·', '—', '-', '–'])
            || before.to_lowercase().starts_with("by ");
        if lead_ok || line.chars().count() <= 60 {
            return Some((day, line_start + lead..line_start + lead + line.len()));
        }
        if p.wire_place.is_match(before)
            && let Some(t) = p.wire_tail.find(&text[f.range.end..line_end])
        {
            return Some((day, line_start + lead..f.range.end + t.end()));
        }
    }
    None
}

/// A date in a file's name: `2021-03-08-harbour`, `harbour_20210308`.
pub fn date_in_file_name(name: &str) -> Option<NaiveDate> {
    patterns().file_date.captures_iter(name).find_map(|c| {
        NaiveDate::from_ymd_opt(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
    })
}

/// The document's metadata; `found` are its date expressions (from
/// [`dates::scan`] on its text).
pub fn extract(doc: &Document, found: &[Found]) -> Metadata {
    let p = patterns();
    let mut meta = Metadata::default();
    for key in [
        "date",
        "published",
        "pubdate",
        "pub_date",
        "publishdate",
        "publish_date",
        "published_at",
        "date_published",
        "datepublished",
        "created",
    ] {
        if let Some((_, d)) = doc.front(key).and_then(dates::full_date_in) {
            meta.date = Some((d, DateBasis::FrontMatter));
            break;
        }
    }
    if meta.date.is_none()
        && let Some((d, line)) = dateline(&doc.text, found)
    {
        meta.date = Some((d, DateBasis::Dateline));
        meta.dateline = Some(line);
    }
    if meta.date.is_none()
        && let Some(d) = doc
            .path
            .file_stem()
            .and_then(|s| s.to_str())
            .and_then(date_in_file_name)
    {
        meta.date = Some((d, DateBasis::FileName));
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
        let doc = document_from_bytes(0, Path::new(name), name, text.as_bytes().to_vec()).unwrap();
        extract(&doc, &dates::scan(&doc.text))
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
    fn wire_datelines_date_lines_and_file_names() {
        // A wire dateline opening the first paragraph: only the dateline is
        // the dateline, not the whole paragraph.
        let text = "Port strike spreads\n\nROTTERDAM, Netherlands, March 8, 2021 (Reuters) - Dock workers walked out on Monday at three terminals, a union said.";
        let m = meta("a.txt", text);
        assert_eq!(m.date, Some((d(2021, 3, 8), DateBasis::Dateline)));
        let line = m.dateline.unwrap();
        assert_eq!(
            &text[line],
            "ROTTERDAM, Netherlands, March 8, 2021 (Reuters) -"
        );
        let text = "Quake\n\nLIMA, 8 March 2021 /Andina/ -- A strong earthquake shook the coast of the country early on the morning of that day.";
        assert_eq!(meta("a.txt", text).date.map(|x| x.0), Some(d(2021, 3, 8)));
        assert_eq!(
            meta(
                "a.txt",
                "Title\nDate: Mon, 08 Mar 2021 10:32:00 +0000\nBody."
            )
            .date
            .map(|x| x.0),
            Some(d(2021, 3, 8))
        );
        assert_eq!(
            meta("a.txt", "Title\nLast updated: 2021-03-08T10:32:00Z\nBody.")
                .date
                .map(|x| x.0),
            Some(d(2021, 3, 8))
        );
        assert_eq!(
            meta(
                "a.md",
                "---\npublished_at: \"2021-03-08T10:32:00Z\"\n---\n# T\n"
            )
            .date,
            Some((d(2021, 3, 8), DateBasis::FrontMatter))
        );
        // A date in the file name, when the text gives none.
        assert_eq!(
            meta("2021-03-08-harbour.txt", "Title\nBody text.").date,
            Some((d(2021, 3, 8), DateBasis::FileName))
        );
        assert_eq!(
            meta("harbour_20210308.txt", "Title\nBody text.").date,
            Some((d(2021, 3, 8), DateBasis::FileName))
        );
        assert_eq!(meta("harbour_12345678.txt", "Title\nBody.").date, None);
        // The text's own date wins over the file name.
        assert_eq!(
            meta("2020-01-01-x.txt", "Title\nMarch 8, 2021\nBody.").date,
            Some((d(2021, 3, 8), DateBasis::Dateline))
        );
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
