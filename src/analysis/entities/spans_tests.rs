//! Tests of `spans`.

use super::*;
use crate::text::sentences;

/// Candidate spans, without the lone common words that open sentences
/// (resolution drops those).
fn spans(text: &str) -> Vec<String> {
    let s = sentences::split(text);
    let (c, _) = candidates(0, text, &s, &[]);
    let mut v: Vec<(usize, String)> = c
        .into_iter()
        .filter(|c| !(c.initial && c.word_count() == 1 && plain_word(&c.name)))
        .map(|c| (c.range.start, c.name))
        .collect();
    v.sort();
    v.into_iter().map(|x| x.1).collect()
}

#[test]
fn role_words_dashes_and_initials() {
    assert_eq!(
        spans("Squad news\n\nDefenders - Ann Okafor (Harbour Town), Bea Lund.\n"),
        ["Ann Okafor", "Harbour Town", "Bea Lund"]
    );
    assert_eq!(spans("Then Striker Tomas Brandt scored."), ["Tomas Brandt"]);
    assert_eq!(spans("The report by M. Okafor was read."), ["M. Okafor"]);
    assert_eq!(
        spans("Results: Kestrel Town beat Harbour Rovers."),
        ["Kestrel Town", "Harbour Rovers"]
    );
}

#[test]
fn a_place_inside_a_name_stays_inside() {
    assert_eq!(
        spans("The Minera San Jose mine closed on Monday."),
        ["Minera San Jose"]
    );
    assert_eq!(
        spans("Then Dynamo Oslo lost to Kestrel of Norway."),
        ["Dynamo Oslo", "Kestrel", "Norway"]
    );
    assert_eq!(
        spans("Then Australian Greg Ward won, and U.S. President Ann Cole spoke."),
        ["Australian", "Greg Ward", "U.S.", "Ann Cole"]
    );
    assert_eq!(
        spans("He joined the Bank of England in May."),
        ["Bank of England"]
    );
}

#[test]
fn lines_in_capitals_match_names_written_in_normal_case() {
    let text = "ZELLAMO BEATS FORECASTS IN OSLO\n\nBERGEN 2021-03-04\nZellamo Holdings said profits rose.\n";
    let got = spans(text);
    assert!(got.contains(&"ZELLAMO".to_string()), "{got:?}");
    assert!(got.contains(&"OSLO".to_string()), "{got:?}");
    assert!(got.contains(&"BERGEN".to_string()), "{got:?}");
    assert!(!got.iter().any(|g| g.contains("BEATS")), "{got:?}");
}
