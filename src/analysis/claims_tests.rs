//! Tests of `claims`.

use super::*;
use crate::analysis::entities::UserAliases;
use crate::corpus::document_from_bytes;
use std::path::Path;

fn claims(text: &str) -> Vec<(String, ClaimKind)> {
    let doc =
        document_from_bytes(0, Path::new("a.txt"), "a.txt", text.as_bytes().to_vec()).unwrap();
    let base = crate::analysis::analyse_base(std::slice::from_ref(&doc), &UserAliases::default());
    let kinds = |e: usize| base.entities.entities[e].kind;
    extract(&DocClaims {
        doc: 0,
        text: &doc.text,
        title: &doc.title,
        analysis: &base.docs[0],
        mentions: &base.entities.mentions,
        events: &base.events,
        event_base: 0,
        entity_kind: &kinds,
    })
    .into_iter()
    .map(|c| (doc.text[c.range].to_string(), c.kind))
    .collect()
}

#[test]
fn kinds_of_claims() {
    let t = "Harbour news\nMarch 8, 2021\n\n\"We will not go back until wages rise,\" union leader Pieter Jansen said on Monday. \
             The port authority said 40 ships were waiting. The port handled 436 million tonnes of cargo. \
             Mayor Ines Duarte will open the new quay next month. The quay opened on March 3, 2021 after delays. \
             Rotterdam is the largest port in Europe. Why does this matter? It might get worse. \
             I think the council could perhaps do better.";
    let c = claims(t);
    let kind_of = |start: &str| c.iter().find(|(s, _)| s.starts_with(start)).map(|x| x.1);
    assert_eq!(kind_of("\"We will not"), Some(ClaimKind::Quote));
    assert_eq!(
        kind_of("The port authority said"),
        Some(ClaimKind::Attributed)
    );
    assert_eq!(kind_of("The port handled"), Some(ClaimKind::Quantity));
    assert_eq!(
        kind_of("Mayor Ines Duarte will"),
        Some(ClaimKind::Prediction)
    );
    assert_eq!(kind_of("The quay opened"), Some(ClaimKind::Event));
    assert_eq!(kind_of("Rotterdam is"), Some(ClaimKind::Assertion));
    assert_eq!(kind_of("Why does"), None, "questions are not claims");
    assert_eq!(kind_of("It might"), None, "hedged opinion is not a claim");
    assert_eq!(kind_of("I think"), None);
    assert_eq!(kind_of("Harbour news"), None, "a heading is not a claim");
}

#[test]
fn quote_ranges_and_quantities() {
    let t = "Officials said: “The fleet of 12 ships will sail at dawn,” said Admiral Kay Moreno. Some 28,500 troops are stationed there.";
    let doc = document_from_bytes(0, Path::new("a.txt"), "a.txt", t.as_bytes().to_vec()).unwrap();
    let s = crate::text::sentences::split(&doc.text);
    let q = quoted_span(t, &s[0]).unwrap();
    assert_eq!(&t[q], "The fleet of 12 ships will sail at dawn,");
    let qs = quantities(t, &s[1], &[]);
    assert_eq!(qs[0].value, 28500.0);
    assert_eq!(qs[0].unit, "troop");
    let c = claims(t);
    assert_eq!(c[0].1, ClaimKind::Quote);
}

#[test]
fn quantity_only_when_a_quantity_is_stated() {
    let kind = |t: &str| claims(t).first().map(|c| c.1);
    let q = |t: &str| -> Vec<(f64, String)> {
        let doc =
            document_from_bytes(0, Path::new("a.txt"), "a.txt", t.as_bytes().to_vec()).unwrap();
        quantities(&doc.text, &(0..doc.text.len()), &[])
            .into_iter()
            .map(|q| (q.value, q.unit))
            .collect()
    };
    // Numbers that label, locate or time something are not quantities.
    assert_eq!(
        q("The ferry left Pier 39 on Route 52 at 9:30 a.m. for the island."),
        vec![]
    );
    assert_eq!(q("The bus stops at 4 a.m. near the No. 5 gate."), vec![]);
    assert_eq!(
        q("Workers at the COVID-19 ward in Room 12 went home."),
        vec![]
    );
    assert_eq!(
        q("The two leaders met again in the harbour office."),
        vec![]
    );
    assert_eq!(
        kind("The ferry left Pier 39 on Route 52 at 9:30 a.m. for the island."),
        Some(ClaimKind::Assertion),
        "a number without a quantity is not a quantity claim"
    );
    // Counts, amounts, percentages and measures are.
    assert_eq!(
        q("The council approved 40 new homes."),
        vec![(40.0, "home".to_string())]
    );
    assert_eq!(
        q("Thirty-one cars left the track."),
        vec![(31.0, "car".to_string())]
    );
    assert_eq!(
        q("Fares rose by 3.5% this year."),
        vec![(3.5, "%".to_string())]
    );
    assert_eq!(
        q("A magnitude 4.6 earthquake shook the coast."),
        vec![(4.6, "magnitud".to_string())]
    );
    assert_eq!(
        q("The repairs cost $12 million."),
        vec![(12e6, "$".to_string())]
    );
    assert_eq!(
        kind("The council approved 40 new homes on the old quay."),
        Some(ClaimKind::Quantity)
    );
}

#[test]
fn headlines_are_not_claims_but_plain_statements_are() {
    let t = "Ferry terminal approved after long dispute\n\nThe announcement follows talks between the council and the ferry operators. The venue is likely to be the old customs hall. Islanders welcomed the decision.\n\n## What happens next\n";
    let c = claims(t);
    let texts: Vec<&str> = c.iter().map(|x| x.0.as_str()).collect();
    assert!(
        !texts
            .iter()
            .any(|x| x.starts_with("Ferry terminal approved")),
        "{texts:?}"
    );
    assert!(
        !texts.iter().any(|x| x.contains("What happens next")),
        "{texts:?}"
    );
    assert!(
        texts
            .iter()
            .any(|x| x.starts_with("The announcement follows")),
        "{texts:?}"
    );
    assert!(
        texts.iter().any(|x| x.starts_with("The venue is likely")),
        "{texts:?}"
    );
}
