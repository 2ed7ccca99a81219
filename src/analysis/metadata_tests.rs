//! Tests of `metadata`.

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

fn outlet_of(name: &str, text: &str) -> Option<(String, SourceBasis)> {
    let m = meta(name, text);
    m.source.zip(m.source_basis)
}

#[test]
fn outlets_from_each_place_a_news_page_puts_them() {
    let o = |t: &str| outlet_of("a.txt", t);
    let is = |t: &str, name: &str, basis: SourceBasis| {
        assert_eq!(o(t), Some((name.to_string(), basis)), "{t}");
    };
    // Front matter (of a Markdown file).
    assert_eq!(
        outlet_of("a.md", "---\noutlet: Coast Gazette\n---\n# T\n"),
        Some(("Coast Gazette".into(), SourceBasis::FrontMatter))
    );
    is(
        "Quay opens\nSource: The Coast Gazette\nThe quay opened on Monday.",
        "The Coast Gazette",
        SourceBasis::SourceLine,
    );
    is(
        "Quay opens\nThe quay opened.\nThis article first appeared in the Valley Courier.",
        "The Valley Courier",
        SourceBasis::SourceLine,
    );
    is(
        "Quay opens\nBy Ann Lee, The Coast Gazette\nThe quay opened.",
        "The Coast Gazette",
        SourceBasis::Byline,
    );
    is(
        "Quay opens\nBy Ann Lee | Coast Gazette\nThe quay opened.",
        "Coast Gazette",
        SourceBasis::Byline,
    );
    // A role or a date after the name is not an outlet.
    assert_eq!(
        o("Quay opens\nBy Ann Lee, Staff Writer\nThe quay opened."),
        None
    );
    assert_eq!(
        o("Quay opens\nBy Ann Lee | March 9, 2021\nThe quay opened."),
        None
    );
    is(
        "Quay opens\n\nPORTVILLE (Harbour Wire) - The quay opened on Monday.",
        "Harbour Wire",
        SourceBasis::Dateline,
    );
    is(
        "Quay opens\n\nPORTVILLE, March 8, 2021 /Coast Newswire/ -- The quay opened.",
        "Coast Newswire",
        SourceBasis::Dateline,
    );
    is(
        "Quay opens\nThe quay opened.\nhttps://www.coastgazette.example/2021/03/quay",
        "coastgazette.example",
        SourceBasis::Url,
    );
    is(
        "Quay opens\nThe quay opened.\nTo read on, become a\u{a0}Coast Gazette Gold Member today.",
        "Coast Gazette",
        SourceBasis::Masthead,
    );
    is(
        "Quay opens\nThe quay opened.\nSubscribe to The Valley Courier for more.",
        "The Valley Courier",
        SourceBasis::Masthead,
    );
    // Nothing named: nothing guessed.
    assert_eq!(
        o("Quay opens\nThe quay opened on Monday, the mayor said."),
        None
    );
    // A copyright line wins over a paywall's name.
    is(
        "Quay opens\nSubscribe to Quay Weekly.\n© 2021 Coast Media Group. All rights reserved.",
        "Coast Media Group",
        SourceBasis::Copyright,
    );
}

#[test]
fn a_sub_folder_names_the_outlet_unless_it_holds_several() {
    let doc = |id: usize, path: &str, text: &str| {
        document_from_bytes(id, Path::new(path), path, text.as_bytes().to_vec()).unwrap()
    };
    let docs = vec![
        doc(0, "news/gazette/a.txt", "Quay opens\nThe quay opened."),
        doc(1, "news/gazette/b.txt", "Quay shuts\nThe quay shut."),
        doc(
            2,
            "news/story/c.txt",
            "Quay opens\nBy Ann Lee, Coast Gazette\nIt opened.",
        ),
        doc(3, "news/story/d.txt", "Quay opens\nThe quay opened."),
        doc(4, "news/e.txt", "Quay opens\nThe quay opened."),
    ];
    let mut metas: Vec<Metadata> = docs
        .iter()
        .map(|d| extract(d, &dates::scan(&d.text)))
        .collect();
    outlets_from_folders(&docs, metas.iter_mut());
    let got: Vec<Option<&str>> = metas.iter().map(|m| m.source.as_deref()).collect();
    assert_eq!(
        got,
        vec![
            Some("gazette"),
            Some("gazette"),
            Some("Coast Gazette"),
            None,
            None
        ]
    );
    assert_eq!(metas[0].source_basis, Some(SourceBasis::Folder));
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
    let bio =
        "Title\nBody text.\nPriya Nair is the director of ports policy at the Coastal Institute.";
    assert_eq!(meta("a.txt", bio).author.as_deref(), Some("Priya Nair"));
}
