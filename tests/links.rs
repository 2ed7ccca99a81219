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

/// Index of the first document whose text contains `needle`.
fn doc_with(docs: &[Document], needle: &str) -> usize {
    docs.iter().position(|d| d.text.contains(needle)).unwrap()
}

/// Is any claim of document `a` linked to a claim of document `b`?
fn docs_linked(index: &Index, a: usize, b: usize) -> bool {
    index.doc_claims(a).iter().any(|c| {
        index.links[c.id]
            .iter()
            .any(|l| index.claims[l.to].doc == b)
    })
}

// Two warehouse fires in one town, five years apart: the same kind of
// event, the same town, the same fire service, different fires.
const FIRE_2016_A: &str = "Fire destroys timber warehouse in Dunmore\nOctober 3, 2016\n\nA fire destroyed a timber warehouse on Quarry Road in Dunmore overnight, the county fire service said on Monday. About 60 firefighters fought the blaze for nine hours. The owner, Ewan Castell, said the building held most of his stock. Nobody was hurt, and the cause of the fire is being investigated.";
const FIRE_2016_B: &str = "Dunmore warehouse blaze took nine hours to control\nOctober 4, 2016\n\nFirefighters needed nine hours to control the blaze that destroyed a timber warehouse on Quarry Road in Dunmore, the county fire service said. Owner Ewan Castell told reporters most of his stock was lost. No injuries were reported. Investigators have not said what started the fire.";
const FIRE_2021_A: &str = "Paint store fire shuts Dunmore high street\nJune 12, 2021\n\nA fire gutted a paint and hardware store on the high street in Dunmore on Saturday, the county fire service said. Forty firefighters brought the flames under control after three hours. The shop's manager, Lena Marsh, said the family business had traded for 40 years. Two firefighters were treated for smoke inhalation.";
const FIRE_2021_B: &str = "Dunmore hardware shop destroyed by fire\nJune 13, 2021\n\nA hardware and paint shop on Dunmore's high street was gutted by fire on Saturday. The county fire service said 40 firefighters took three hours to control the flames. Manager Lena Marsh said the shop had been in her family for 40 years. Two firefighters were treated for smoke inhalation, officials said.";

#[test]
fn same_kind_events_of_different_years_are_not_linked() {
    let (docs, index) = corpus(&[FIRE_2016_A, FIRE_2021_A, FIRE_2016_B, FIRE_2021_B]);
    let (a16, b16) = (
        doc_with(
            &docs,
            "timber warehouse on Quarry Road in Dunmore overnight",
        ),
        doc_with(&docs, "needed nine hours"),
    );
    let (a21, b21) = (
        doc_with(&docs, "gutted a paint and hardware store"),
        doc_with(&docs, "hardware and paint shop"),
    );
    assert_eq!(index.story[a16], index.story[b16], "one fire, one story");
    assert_eq!(index.story[a21], index.story[b21], "one fire, one story");
    assert_ne!(index.story[a16], index.story[a21], "two fires, two stories");
    for (x, y) in [(a16, a21), (a16, b21), (b16, a21), (b16, b21)] {
        assert!(
            !docs_linked(&index, x, y),
            "{} and {} are different fires",
            docs[x].slug,
            docs[y].slug
        );
        assert!(!docs_linked(&index, y, x));
    }
    assert!(docs_linked(&index, a16, b16) && docs_linked(&index, a21, b21));
}

#[test]
fn a_background_paragraph_alone_does_not_link_two_stories() {
    let background = "In 1998, a fire at the old Dunmore mill killed two workers and led the county to build a second fire station.";
    let a = format!("{FIRE_2016_A}\n\n{background}");
    let b = format!("{FIRE_2021_A}\n\n{background}");
    let (docs, index) = corpus(&[&a, &b]);
    assert_ne!(index.story[0], index.story[1]);
    assert!(
        !docs_linked(&index, 0, 1) && !docs_linked(&index, 1, 0),
        "the shared background paragraph links nothing: {:?}",
        index
            .links
            .iter()
            .flatten()
            .map(|l| &docs[index.claims[l.to].doc].slug)
            .collect::<Vec<_>>()
    );
}

#[test]
fn a_paraphrase_is_linked_with_the_words_it_rests_on() {
    let (docs, index) = corpus(&[
        &format!(
            "{HEAD_A}The regional council approved a new ferry terminal in Kirkwall on Monday. The contract with the builder is unclear about who pays for delays, councillors said."
        ),
        &format!(
            "{HEAD_B}Kirkwall's new ferry terminal won the approval of the regional council on Monday. Councillors said the agreement with the builder is vague about who pays for delays."
        ),
    ]);
    let a = claim(&docs, &index, "The contract with the builder is unclear");
    let b = claim(&docs, &index, "Councillors said the agreement");
    let link = index.links[a]
        .iter()
        .find(|l| l.to == b)
        .expect("paraphrase linked");
    assert_eq!(link.relation, Relation::Corroborates);
    let basis = index.explain(&docs, a, b);
    assert!(
        basis
            .meanings
            .iter()
            .any(|(x, y)| x == "unclear" && y == "vague"),
        "{basis:?}"
    );
    assert!(basis.words.iter().any(|w| w == "builder"), "{basis:?}");
    assert!(
        basis.summary().contains("unclear≈vague"),
        "{}",
        basis.summary()
    );
}

#[test]
fn different_people_with_one_surname_or_title_never_link() {
    let (docs, index) = corpus(&[
        &format!(
            "{HEAD_A}President Mara Lind opened the new harbour museum in Kirkwall on Monday. Harbour master Ola Berg said the pier would reopen in May."
        ),
        &format!(
            "{HEAD_B}President Tomas Okoro opened the new harbour museum in Kirkwall on Monday. Harbour master Jon Berg said the pier would reopen in May."
        ),
    ]);
    for (x, y) in [
        ("President Mara Lind", "President Tomas Okoro"),
        ("Harbour master Ola Berg", "Harbour master Jon Berg"),
    ] {
        let (a, b) = (claim(&docs, &index, x), claim(&docs, &index, y));
        assert_eq!(relation(&index, a, b), None, "{x} / {y}");
        assert_eq!(index.sources[a], 1);
    }
}

#[test]
fn every_claim_of_a_statement_carries_the_same_count() {
    let lead = "The regional council approved a new ferry terminal in Kirkwall on Monday after a two-year dispute.";
    let copy_body = format!(
        "{lead} Construction will begin in June and cost about 40 million pounds, officials said. The vote was close."
    );
    let (docs, index) = corpus(&[
        &format!("{HEAD_A}{copy_body}"),
        &format!(
            "{HEAD_A}{copy_body} A closing paragraph on timetables and ticket prices for the summer follows here."
        ),
        &format!(
            "{HEAD_B}On Monday the regional council approved the new ferry terminal for Kirkwall after two years of dispute."
        ),
        "Island radio\nMarch 9, 2021\n\nKirkwall is getting a new ferry terminal: the regional council approved it on Monday after a two-year dispute.",
    ]);
    let claims: Vec<usize> = index
        .claims
        .iter()
        .filter(|c| docs[c.doc].text[c.range.clone()].contains("approved"))
        .map(|c| c.id)
        .collect();
    assert_eq!(claims.len(), 4, "one claim per document");
    let statement = index.statement_of[claims[0]];
    for &c in &claims {
        assert_eq!(index.statement_of[c], statement, "one statement");
        assert_eq!(index.sources[c], index.statement_sources(c));
    }
    // Four documents, two of them copies of one article: three sources.
    assert_eq!(index.statement_sources(claims[0]), 3);
    assert!(index.statements[statement].claims.len() == 4);
}

#[test]
fn boilerplate_of_several_site_styles_is_dimmed_and_never_a_claim() {
    let text = "Harbour strike enters second week\n\nBy Jane Holloway, Staff Reporter\n\nWe use cookies to improve your experience on our site. By continuing you accept our cookie policy.\n\nDock workers extended their strike in Kirkwall on Monday, the union said.\n\nPhoto by Sam Reid / Island Herald\n\nAdvertisement\n\nSubscribe to our newsletter to get the day's news in your inbox every morning.\n\nThis article is for subscribers only. Subscribe now to continue reading.\n\nShare this article on Facebook, Twitter or by email.\n\nFollow us on Instagram for more island news.\n\nRelated articles\n- Ferry timetable changes for the summer\n- Council approves new fire station\n\nRead more: Why the port matters to the islands\n\nCopyright 2021 Island Herald Ltd. All rights reserved.";
    let (docs, index) = corpus(&[text]);
    let a = &index.docs[0];
    for line in [
        "By Jane Holloway, Staff Reporter",
        "We use cookies",
        "Photo by Sam Reid",
        "Advertisement",
        "Subscribe to our newsletter",
        "This article is for subscribers only",
        "Share this article on Facebook",
        "Follow us on Instagram",
        "Related articles",
        "- Ferry timetable changes",
        "- Council approves new fire station",
        "Read more: Why the port",
        "Copyright 2021 Island Herald",
    ] {
        let at = docs[0].text.find(line).unwrap();
        assert!(
            a.boilerplate
                .iter()
                .any(|b| b.range.start <= at && at < b.range.end),
            "{line:?} is not dimmed"
        );
        assert!(
            !index
                .claims
                .iter()
                .any(|c| c.range.start <= at && at < c.range.end),
            "{line:?} is a claim"
        );
    }
    assert!(
        index
            .claims
            .iter()
            .any(|c| docs[0].text[c.range.clone()].starts_with("Dock workers extended")),
        "the news itself is a claim"
    );
}

/// A thing named after a place ("the Lisbon Protocol") names the place:
/// a claim about it and a claim about a protocol signed in that place can
/// say the same thing in other words.
#[test]
fn a_thing_named_after_a_place_names_the_place() {
    let (docs, index) = corpus(&[
        &format!(
            "{HEAD_A}Fishing quotas have not fallen, because the Lisbon Protocol is unclear about enforcement and no inspection plan exists."
        ),
        &format!(
            "{HEAD_B}The two governments met in Lisbon, where they signed a vague protocol on fishing quotas and enforcement."
        ),
    ]);
    let entity = |name: &str| index.entities.iter().find(|e| e.name == name);
    assert!(
        entity("Lisbon Protocol").is_some(),
        "{:?}",
        index.entities.iter().map(|e| &e.name).collect::<Vec<_>>()
    );
    let a = claim(&docs, &index, "Fishing quotas have not fallen");
    let b = claim(&docs, &index, "The two governments met");
    assert!(
        relation(&index, a, b).is_some(),
        "{:?}",
        index.explain(&docs, a, b)
    );
}
