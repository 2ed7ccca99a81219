//! Analysis II on small texts written for each case: paraphrases, shared
//! entities with different assertions, quote variants, unrelated claims,
//! truncated copies, shared leads, numeric conflicts.

use crossread::analysis::claims::ClaimKind;
use crossread::analysis::duplicates::DupRelation;
use crossread::analysis::entities::UserAliases;
use crossread::analysis::links::{DiffTag, Relation};
use crossread::corpus::{Document, document_from_bytes};
use crossread::index::Index;
use std::path::Path;

fn corpus(texts: &[&str]) -> (Vec<Document>, Index) {
    let docs: Vec<Document> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let name = format!("doc{i}.txt");
            document_from_bytes(i, Path::new(&name), &name, t.as_bytes().to_vec()).unwrap()
        })
        .collect();
    let index = Index::build(&docs, &UserAliases::default());
    (docs, index)
}

/// The claim whose text starts with `start`.
fn claim(docs: &[Document], index: &Index, start: &str) -> usize {
    index
        .claims
        .iter()
        .find(|c| docs[c.doc].text[c.range.clone()].starts_with(start))
        .unwrap_or_else(|| {
            let all: Vec<&str> = index
                .claims
                .iter()
                .map(|c| &docs[c.doc].text[c.range.clone()])
                .collect();
            panic!("no claim starting {start:?}; claims: {all:#?}")
        })
        .id
}

fn relation(index: &Index, a: usize, b: usize) -> Option<Relation> {
    index.links[a]
        .iter()
        .find(|l| l.to == b)
        .map(|l| l.relation)
}

const HEAD_A: &str = "Ferry news\nMarch 8, 2021\n\n";
const HEAD_B: &str = "Coast report\nMarch 9, 2021\n\n";

#[test]
fn paraphrases_link_and_unrelated_claims_stay_unlinked() {
    let (docs, index) = corpus(&[
        &format!(
            "{HEAD_A}The regional council approved a new ferry terminal in Kirkwall on Monday. Farmers in the valley reported a record apple harvest this autumn."
        ),
        &format!(
            "{HEAD_B}On Monday the regional council approved the new ferry terminal for Kirkwall. Astronomers observed a comet passing close to Jupiter."
        ),
    ]);
    let a = claim(&docs, &index, "The regional council approved");
    let b = claim(&docs, &index, "On Monday the regional council");
    assert_eq!(relation(&index, a, b), Some(Relation::Corroborates));
    assert_eq!(
        relation(&index, b, a),
        Some(Relation::Corroborates),
        "links are symmetric"
    );
    assert_eq!(index.sources[a], 2);
    let apples = claim(&docs, &index, "Farmers in the valley");
    let comet = claim(&docs, &index, "Astronomers observed");
    assert!(
        index.links[apples].is_empty(),
        "a claim no other source makes has no links"
    );
    assert!(index.links[comet].is_empty());
    assert_eq!(index.sources[apples], 1);
}

#[test]
fn shared_entities_with_different_assertions_are_related_at_most() {
    let (docs, index) = corpus(&[
        &format!("{HEAD_A}Mayor Ines Duarte opened the new harbour museum in Kirkwall on Monday."),
        &format!("{HEAD_B}Mayor Ines Duarte cut the harbour budget in Kirkwall by a third."),
    ]);
    let a = claim(&docs, &index, "Mayor Ines Duarte opened");
    let b = claim(&docs, &index, "Mayor Ines Duarte cut");
    assert_ne!(relation(&index, a, b), Some(Relation::Corroborates));
    assert_eq!(index.sources[a], 1);
}

#[test]
fn a_quote_with_one_word_changed_is_a_quote_variant_with_its_diff() {
    let (docs, index) = corpus(&[
        &format!(
            "{HEAD_A}\"We will rebuild the pier before the summer storms,\" said harbour master Ola Berg."
        ),
        &format!(
            "{HEAD_B}Harbour master Ola Berg told reporters: \"We will repair the pier before the summer storms.\""
        ),
    ]);
    let a = claim(&docs, &index, "\"We will rebuild");
    let b = claim(&docs, &index, "Harbour master Ola Berg told");
    assert_eq!(index.claims[a].kind, ClaimKind::Quote);
    let link = index.links[a].iter().find(|l| l.to == b).expect("linked");
    assert_eq!(link.relation, Relation::QuoteVariant);
    let changed: Vec<(DiffTag, &str)> = link
        .diff
        .iter()
        .filter(|o| o.op != DiffTag::Equal)
        .map(|o| (o.op, o.text.trim()))
        .collect();
    assert_eq!(
        changed,
        vec![(DiffTag::Delete, "rebuild"), (DiffTag::Insert, "repair")]
    );
    assert_eq!(index.sources[a], 2);
}

#[test]
fn truncated_copies_are_found_and_not_counted_twice() {
    let body = "The regional council approved a new ferry terminal in Kirkwall on Monday after a two-year dispute. \
                Construction will begin in early June and cost about 40 million pounds, officials said. \
                Islanders have campaigned for a larger terminal since 2015, when storms damaged the old one. \
                The council leader, Ruth Hale, said the vote was a relief for the whole community.";
    let full = format!(
        "{HEAD_A}{body}\nA closing paragraph about the ferry timetable follows here with more detail on routes and prices."
    );
    let cut = format!(
        "{HEAD_A}{}\nSubscribe now to read the rest of this story.",
        &body[..body.find(" Islanders").unwrap()]
    );
    let other = format!(
        "{HEAD_B}The regional council approved a new ferry terminal in Kirkwall on Monday after a two-year dispute. Fishermen, however, fear the larger ships will disturb their harbour, and a protest is planned."
    );
    let (docs, index) = corpus(&[&full, &cut, &other]);
    let d = index
        .duplicates
        .iter()
        .find(|d| d.a == 0 && d.b == 1)
        .expect("copy found");
    assert_eq!(d.relation, DupRelation::TruncatedCopy);
    assert_eq!(d.fuller, 0);
    assert!(d.overlap > 0.9, "{}", d.overlap);
    assert!(
        !index.duplicates.iter().any(|d| d.b == 2),
        "a shared lead sentence does not make a copy: {:?}",
        index.duplicates
    );
    // The lead claim is made by three documents, two of them copies: two sources.
    let lead = claim(&docs, &index, "The regional council approved");
    assert_eq!(index.sources[lead], 2);
    assert!(
        index.links[lead].iter().any(|l| l.duplicate),
        "links to the copy are kept, marked"
    );
    // Independent sources come before copies.
    let first_copy = index.links[lead].iter().position(|l| l.duplicate).unwrap();
    assert!(
        index.links[lead][..first_copy]
            .iter()
            .any(|l| index.claims[l.to].doc == 2),
        "the independent source is listed first"
    );
    assert!(index.links[lead][first_copy..].iter().all(|l| l.duplicate));
}

#[test]
fn differing_numbers_are_flagged_as_a_conflict() {
    let (docs, index) = corpus(&[
        &format!(
            "{HEAD_A}Police said 3,000 protesters marched through Kirkwall against the terminal on Monday."
        ),
        &format!(
            "{HEAD_B}Police said 5,000 protesters marched through Kirkwall against the terminal on Monday."
        ),
    ]);
    let a = claim(&docs, &index, "Police said 3,000");
    let b = claim(&docs, &index, "Police said 5,000");
    let link = index.links[a].iter().find(|l| l.to == b).expect("linked");
    let conflict = link.conflict.as_deref().expect("conflict noted");
    assert!(
        conflict.contains("3,000") && conflict.contains("5,000"),
        "{conflict}"
    );
}
