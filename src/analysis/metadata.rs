//! Document metadata: publication date, author and source (the outlet),
//! from front matter, a date line near the top (`Published: 8 Mar 2021`,
//! a line that is a date, a wire dateline such as `LONDON, March 8, 2021
//! (Reuters) -`), a date in the file name, a byline, a copyright line, a
//! "Read more from" line or a closing author bio. The outlet is looked for
//! in front matter, a `Source:` line, a copyright line, a byline
//! (`By Ann Lee, The Daily Ledger`), a wire dateline's agency, a URL line,
//! a paywall's "become a … member" or "subscribe to …", and, as a last
//! resort, the sub-folder the file sits in (see [`outlet`]).

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

/// Where a document's outlet was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceBasis {
    FrontMatter,
    /// A `Source:`, `Publisher:` or "first published in" line.
    SourceLine,
    Copyright,
    /// After the author's name in a byline.
    Byline,
    /// A wire dateline's agency: `LONDON (Reuters) -`.
    Dateline,
    /// The host of a URL line.
    Url,
    /// A paywall or promotion that names the publication.
    Masthead,
    /// The sub-folder the file sits in.
    Folder,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    pub date: Option<(NaiveDate, DateBasis)>,
    /// The line the publication date was read from (not an event).
    pub dateline: Option<std::ops::Range<usize>>,
    pub author: Option<String>,
    /// The outlet or publication.
    pub source: Option<String>,
    pub source_basis: Option<SourceBasis>,
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
    source_line: Regex,
    byline_outlet: Regex,
    wire_agency: Regex,
    url_line: Regex,
    masthead: Regex,
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
        // `Source: The Daily Ledger`, `Publisher: …`, `This article first
        // appeared in …`, `Originally published by …`.
        source_line: Regex::new(r"(?i)^(?:source|publisher|publication|published by|via|originally published (?:in|by|at|on)|(?:this (?:article|story) )?(?:was )?(?:first|originally) (?:appeared|published) (?:in|on|by|at))\s*:?\s+(?P<name>\S.*)$").expect("compiles"),
        // `By Ann Lee, The Daily Ledger`, `By Ann Lee | Ledger`, `By Ann
        // Lee for the Ledger`.
        byline_outlet: Regex::new(&format!(r"^(?:[Bb]y|BY)\s+{NAME}\s*(?:,|\||·|—|–|\bfor\b)\s*(?P<outlet>[^|·,\n]+)")).expect("compiles"),
        // `LONDON (Reuters) -`, `ROTTERDAM, March 8, 2021 (Reuters) -`,
        // `NEW YORK, March 8 /PRNewswire/ --`, `PARIS (AFP) —`.
        wire_agency: Regex::new(r"^\p{Lu}[\p{Lu}\p{M} .'’-]+(?:,[^()\n/]{0,40})?\s*(?:\((?P<agency>\p{Lu}[\p{L}&.'’ -]{0,30})\)|/(?P<agency2>\p{Lu}[\p{L}&.'’ -]{0,30})/)\s*(?:--|-|–|—|:)").expect("compiles"),
        // A line that is a URL, or `URL: https://…`, `Read it at https://…`.
        url_line: Regex::new(r"(?i)^(?:(?:url|link|read (?:it|more) at|see|available at)\s*:?\s*)?<?(?P<url>https?://\S+?)>?$").expect("compiles"),
        // A paywall's `become a Harbour Herald member`, `subscribe to The
        // Ledger`, `support The Ledger`.
        masthead: Regex::new(r"(?:[Bb]ecome\s+an?\s+|[Jj]oin\s+)(?P<name>(?:The\s+|the\s+)?\p{Lu}[\p{L}’'&.-]*(?:\s+\p{Lu}[\p{L}’'&.-]*){0,3}?)(?:\s+(?:Level|Tier)\s+\w+|\s+(?:Gold|Silver|Platinum|Premium|Premier|Plus|Pro|Digital|Print|Basic|Standard|VIP|Annual|Monthly))?\s+(?:[Mm]ember|[Ss]ubscriber|[Ii]nsider)|[Ss]ubscribe\s+(?:now\s+)?to\s+(?P<name2>(?:The\s+|the\s+)?\p{Lu}[\p{L}’'&.-]*(?:\s+\p{Lu}[\p{L}’'&.-]*){0,3})").expect("compiles"),
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
    if let Some((name, basis)) = outlet(doc, &lines) {
        meta.source = Some(name);
        meta.source_basis = Some(basis);
    }
    meta
}

/// A name that can be an outlet: not empty, not a date, a role or a
/// sentence.
fn outlet_name(raw: &str) -> Option<String> {
    let n = raw
        .trim()
        .trim_start_matches(['|', '·', '—', '-', '–', ',', ':'])
        .trim()
        .trim_end_matches(['.', ',', ';', ':', '|', '-', '—', '–'])
        .trim();
    let n = &match n.strip_prefix("the ") {
        Some(rest) => format!("The {rest}"),
        None => n.to_string(),
    };
    let words = n.split_whitespace().count();
    let lower = n.to_lowercase();
    const ROLES: &[&str] = &[
        "staff",
        "writer",
        "reporter",
        "correspondent",
        "editor",
        "contributor",
        "columnist",
        "analyst",
        "photographer",
        "updated",
        "published",
    ];
    let bad = n.is_empty()
        || words > 6
        || n.chars().filter(|c| c.is_ascii_digit()).count() >= 3
        || !n
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        || ROLES
            .iter()
            .any(|r| lower.split_whitespace().any(|w| w == *r))
        || !super::dates::scan(n).is_empty();
    if bad { None } else { clean(n) }
}

/// The host of a URL, without `www.`: `https://www.ledger.example/a` →
/// `ledger.example`.
fn url_host(s: &str) -> Option<String> {
    let rest = s.split_once("://")?.1;
    let host = rest.split(['/', '?', '#', ':']).next()?;
    let host = host.strip_prefix("www.").unwrap_or(host).to_lowercase();
    (host.contains('.')
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-'))
    .then_some(host)
}

/// The document's outlet and where it was read from. `lines` are the
/// document's non-blank lines, trimmed.
pub fn outlet(doc: &Document, lines: &[&str]) -> Option<(String, SourceBasis)> {
    let p = patterns();
    let head = || lines.iter().take(15);
    let tail = || lines.iter().rev().take(10);
    let front = [
        "source",
        "publisher",
        "publication",
        "outlet",
        "site",
        "site_name",
        "sitename",
        "newspaper",
        "journal",
        "network",
    ]
    .iter()
    .find_map(|k| doc.front(k))
    .and_then(outlet_name);
    if let Some(n) = front {
        return Some((n, SourceBasis::FrontMatter));
    }
    let source_line = head()
        .chain(tail())
        .filter(|l| l.len() < 200)
        .find_map(|l| p.source_line.captures(l))
        .and_then(|c| {
            let name = &c["name"];
            url_host(name).or_else(|| outlet_name(name))
        });
    if let Some(n) = source_line {
        return Some((n, SourceBasis::SourceLine));
    }
    let copyright = tail()
        .filter(|l| l.len() < 300 && (l.to_lowercase().contains("copyright") || l.contains('©')))
        .find_map(|l| p.copyright.captures(l))
        .and_then(|c| outlet_name(&c["name"]));
    if let Some(n) = copyright {
        return Some((n, SourceBasis::Copyright));
    }
    let byline = head()
        .take(12)
        // The pattern opens with "By": skip other lines before running it
        // (its `\bfor\b` keeps it off the fast DFA).
        .filter(|l| l.starts_with(['B', 'b']))
        .find_map(|l| p.byline_outlet.captures(l))
        .and_then(|c| outlet_name(&c["outlet"]));
    if let Some(n) = byline {
        return Some((n, SourceBasis::Byline));
    }
    let agency = head()
        .find_map(|l| p.wire_agency.captures(l))
        .and_then(|c| {
            c.name("agency")
                .or_else(|| c.name("agency2"))
                .and_then(|m| outlet_name(m.as_str()))
        });
    if let Some(n) = agency {
        return Some((n, SourceBasis::Dateline));
    }
    let url = head()
        .chain(tail())
        .filter(|l| l.len() < 300)
        .find_map(|l| p.url_line.captures(l))
        .and_then(|c| url_host(&c["url"]));
    if let Some(n) = url {
        return Some((n, SourceBasis::Url));
    }
    let masthead = tail()
        .chain(head())
        .filter(|l| l.len() < 400)
        .find_map(|l| p.masthead.captures(l))
        .and_then(|c| {
            c.name("name")
                .or_else(|| c.name("name2"))
                .and_then(|m| outlet_name(m.as_str()))
        });
    if let Some(n) = masthead {
        return Some((n, SourceBasis::Masthead));
    }
    None
}

/// The sub-folder a document sits in inside the folder that was opened
/// (`ledger` for `news/ledger/a.txt`), if any.
fn sub_folder(doc: &Document) -> Option<&str> {
    let parts: Vec<&str> = doc.display_path.split('/').collect();
    (parts.len() >= 3 && !doc.display_path.starts_with('/')).then(|| parts[parts.len() - 2])
}

/// The last resort for the outlet: the sub-folder of the opened folder a
/// document sits in, since people file articles by outlet. A folder is
/// taken for an outlet's only when none of its documents names an outlet
/// of another name (a folder that holds one story from several outlets is
/// not an outlet). `metas` are the documents' metadata, in `docs` order.
pub fn outlets_from_folders<'a>(docs: &[Document], metas: impl Iterator<Item = &'a mut Metadata>) {
    let mut metas: Vec<&mut Metadata> = metas.collect();
    let mut folders: std::collections::HashMap<&str, bool> = std::collections::HashMap::new();
    for (d, m) in docs.iter().zip(metas.iter()) {
        if let Some(f) = sub_folder(d) {
            let other = m
                .source
                .as_deref()
                .is_some_and(|s| !s.eq_ignore_ascii_case(f));
            *folders.entry(f).or_insert(true) &= !other;
        }
    }
    for (d, m) in docs.iter().zip(metas.iter_mut()) {
        if m.source.is_some() {
            continue;
        }
        if let Some(f) = sub_folder(d).filter(|f| folders.get(f) == Some(&true))
            && let Some(n) = outlet_name(f).or_else(|| clean(f))
        {
            m.source = Some(n);
            m.source_basis = Some(SourceBasis::Folder);
        }
    }
}

#[cfg(test)]
#[path = "metadata_tests.rs"]
mod tests;
