use super::*;
use crate::analysis::boilerplate;
use crate::text::sentences;

pub(super) fn run(docs: &[&str], user: &UserAliases) -> Entities {
    let per: Vec<DocCandidates> = docs
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let s = sentences::split(t);
            let b = boilerplate::find(t, &s);
            doc_candidates(&DocInput {
                doc: i,
                text: t,
                sentences: &s,
                boilerplate: &b,
            })
        })
        .collect();
    resolve(per, user)
}

/// The kind of each entity of one document, by name.
pub(super) fn run_one(doc: &str) -> impl Fn(&str) -> Option<EntityKind> {
    let e = run(&[doc], &UserAliases::default());
    move |name: &str| e.entities.iter().find(|x| x.name == name).map(|x| x.kind)
}

fn find<'a>(e: &'a Entities, name: &str) -> Option<&'a Entity> {
    e.entities.iter().find(|x| x.name == name)
}

fn names(e: &Entities) -> Vec<String> {
    e.entities
        .iter()
        .map(|x| format!("{}:{}", x.name, x.kind.label()))
        .collect()
}

#[test]
fn titles_surnames_and_spelling_variants_merge() {
    let e = run(
        &[
            "Secretary-General Ban Ki-moon met Foreign Minister Amara Osei in Accra on Monday. Ban said the talks went well.",
            "Ban Ki Moon, the U.N. chief, later told reporters that Osei had agreed. Minister Osei declined to comment.",
        ],
        &UserAliases::default(),
    );
    let ban = find(&e, "Ban Ki-moon").unwrap_or_else(|| panic!("{:?}", names(&e)));
    assert_eq!(ban.kind, EntityKind::Person);
    assert_eq!(ban.mentions.len(), 3, "{:?}", names(&e));
    assert_eq!(ban.per_doc, vec![(0, 2), (1, 1)]);
    let osei = find(&e, "Amara Osei").unwrap();
    assert_eq!(osei.mentions.len(), 3);
    assert_eq!(osei.kind, EntityKind::Person);
    // Ghana's capital is a city of its own (Ghana is not named here);
    // U.N. is the United Nations.
    let accra = find(&e, "Accra").unwrap_or_else(|| panic!("{:?}", names(&e)));
    assert_eq!(accra.kind, EntityKind::Place);
    assert_eq!(accra.place, Some(PlaceScope::City));
    assert!(find(&e, "Ghana").is_none(), "{:?}", names(&e));
    assert!(find(&e, "United Nations").is_some(), "{:?}", names(&e));
    let alias = |e: &Entity, name: &str| e.aliases.iter().find(|a| a.name == name).map(|a| a.kind);
    assert_eq!(alias(ban, "Ban"), Some(AliasKind::PartialName));
    assert_eq!(alias(ban, "Ban Ki Moon"), Some(AliasKind::Spelling));
}

#[test]
fn acronyms_dotted_forms_and_demonyms() {
    let e = run(
        &[
            "The U.K. and the UK are one. British officials in London agreed.",
            "The United Kingdom voted. The Harbour Trust Authority (HTA) met, and the HTA said no.",
        ],
        &UserAliases::default(),
    );
    let uk = find(&e, "United Kingdom").unwrap();
    assert_eq!(
        uk.mentions.len(),
        4,
        "U.K., UK, British, United Kingdom: {:?}",
        uk.aliases
    );
    // A city is never merged into its country; its country's entity is known.
    let london = find(&e, "London").unwrap();
    assert_eq!(london.kind, EntityKind::Place);
    assert_eq!(london.place, Some(PlaceScope::City));
    assert_eq!(london.capital_of, Some(uk.id));
    assert_eq!(uk.place, Some(PlaceScope::Country));
    let hta = find(&e, "Harbour Trust Authority").unwrap_or_else(|| panic!("{:?}", names(&e)));
    assert_eq!(hta.kind, EntityKind::Organization);
    assert_eq!(
        hta.mentions.len(),
        3,
        "the name, (HTA) and the HTA: {:?}",
        hta.aliases
    );
}

#[test]
fn two_people_sharing_a_surname_stay_apart() {
    let e = run(
        &["John Smith, a lawyer, met Jane Smith, a judge, in Leeds. Smith said it was fine."],
        &UserAliases::default(),
    );
    assert_eq!(find(&e, "John Smith").unwrap().mentions.len(), 1);
    assert_eq!(find(&e, "Jane Smith").unwrap().mentions.len(), 1);
    // The bare surname is ambiguous and stays unmerged.
    assert!(find(&e, "Smith").is_some(), "{:?}", names(&e));
}

#[test]
fn two_people_sharing_a_title_stay_apart() {
    let e = run(
        &[
            "President Ana Ruiz met President Tomas Berg. Ruiz spoke first, then President Berg replied.",
        ],
        &UserAliases::default(),
    );
    assert_eq!(find(&e, "Ana Ruiz").unwrap().mentions.len(), 2);
    assert_eq!(find(&e, "Tomas Berg").unwrap().mentions.len(), 2);
    assert!(find(&e, "President").is_none());
}

#[test]
fn sentence_initial_common_words_are_not_entities() {
    let e = run(
        &[
            "The mayor spoke. But nobody came. Despite the rain, nobody left. Observers waited. Harbour Board officials met in Leeds.",
        ],
        &UserAliases::default(),
    );
    let n = names(&e);
    for bad in ["The", "But", "Despite", "Observers"] {
        assert!(
            !n.iter().any(|x| x.starts_with(&format!("{bad}:"))),
            "{bad} in {n:?}"
        );
    }
    assert!(
        n.contains(&"Harbour Board:organization".to_string()),
        "{n:?}"
    );
}

#[test]
fn user_aliases_force_merges_and_splits() {
    let docs = ["Maria Lopez spoke. Lopez left. Later Mary Lopez-Ortiz returned."];
    let user = UserAliases::parse(
        "split = [\"Lopez\"]\n[merge]\n\"Maria Lopez\" = [\"Mary Lopez-Ortiz\"]\n",
    )
    .unwrap();
    let e = run(&docs, &user);
    assert_eq!(
        find(&e, "Maria Lopez").unwrap().mentions.len(),
        2,
        "{:?}",
        names(&e)
    );
    assert!(
        find(&e, "Lopez").is_some(),
        "split keeps the surname apart: {:?}",
        names(&e)
    );
    assert!(
        UserAliases::parse("split = 3")
            .unwrap_err()
            .contains("line 1")
    );
}

/// Development aid: prints the candidates of the file in
/// `CROSSREAD_ENTITY_DEBUG` with their evidence and decided kind
/// (`cargo test --lib debug_candidates -- --ignored --nocapture`).
#[test]
#[ignore]
fn debug_candidates() {
    let Some(path) = std::env::var_os("CROSSREAD_ENTITY_DEBUG") else {
        return;
    };
    let text = std::fs::read_to_string(path).unwrap();
    let s = sentences::split(&text);
    let b = boilerplate::find(&text, &s);
    let d = doc_candidates(&DocInput {
        doc: 0,
        text: &text,
        sentences: &s,
        boilerplate: &b,
    });
    let filter = std::env::var("CROSSREAD_ENTITY_DEBUG_NAME").unwrap_or_default();
    for c in &d.cands {
        if filter.is_empty() || c.name.contains(&filter) {
            println!(
                "{:?} {:?} {:?} lead {} cues {:?} list {} initial {} caps {}",
                c.range, c.name, c.kind, c.lead, c.cues, c.list, c.initial, c.caps
            );
        }
    }
}

#[test]
fn a_city_stays_apart_from_its_country() {
    let e = run(
        &[
            "Talks opened in Nairobi on Monday. Kenya said the Kenyan delegation would stay in Mombasa.",
        ],
        &UserAliases::default(),
    );
    let kenya = find(&e, "Kenya").unwrap_or_else(|| panic!("{:?}", names(&e)));
    assert_eq!(kenya.place, Some(PlaceScope::Country));
    assert!(
        kenya
            .aliases
            .iter()
            .all(|a| a.name != "Nairobi" && a.name != "Mombasa")
    );
    assert_eq!(
        kenya
            .aliases
            .iter()
            .find(|a| a.name == "Kenyan")
            .map(|a| a.kind),
        Some(AliasKind::Demonym)
    );
    let nairobi = find(&e, "Nairobi").unwrap();
    assert_eq!(
        (nairobi.kind, nairobi.place),
        (EntityKind::Place, Some(PlaceScope::City))
    );
    assert_eq!(
        nairobi.capital_of,
        Some(kenya.id),
        "the country's card can list its capital"
    );
    assert_eq!(e.place_scope(nairobi.id), Some(PlaceScope::City));
    let mombasa = find(&e, "Mombasa").unwrap();
    assert_eq!(mombasa.place, Some(PlaceScope::City));
    assert_eq!(mombasa.capital_of, None);
}

#[test]
fn accents_case_and_company_suffixes_merge() {
    let e = run(
        &[
            "Ramón Ibáñez Ortega, a miner, spoke for Cobre Verde SA on Monday.",
            "Later RAMON IBANEZ ORTEGA met investors; Cobre Verde shares rose. Ramon Ibanez Ortega smiled.",
        ],
        &UserAliases::default(),
    );
    let ramon = find(&e, "Ramón Ibáñez Ortega").unwrap_or_else(|| panic!("{:?}", names(&e)));
    assert_eq!(ramon.kind, EntityKind::Person);
    assert_eq!(ramon.mentions.len(), 3, "{:?}", ramon.aliases);
    assert!(ramon.aliases.iter().all(|a| a.kind == AliasKind::Spelling));
    let cobre = find(&e, "Cobre Verde SA").unwrap_or_else(|| panic!("{:?}", names(&e)));
    assert_eq!(cobre.kind, EntityKind::Organization);
    assert_eq!(
        cobre
            .aliases
            .iter()
            .find(|a| a.name == "Cobre Verde")
            .map(|a| a.kind),
        Some(AliasKind::CompanySuffix)
    );
}

#[test]
fn a_place_inside_a_name_creates_no_entity() {
    let e = run(
        &["Output at the Minera Santa Lucia Lima mine resumed, and Banco de Lima lent more."],
        &UserAliases::default(),
    );
    assert!(find(&e, "Lima").is_none(), "{:?}", names(&e));
    assert!(find(&e, "Peru").is_none(), "{:?}", names(&e));
    assert_eq!(
        find(&e, "Banco de Lima").map(|x| x.kind),
        Some(EntityKind::Organization),
        "{:?}",
        names(&e)
    );
}

#[test]
fn no_single_letters_list_markers_or_opening_common_words() {
    let e = run(
        &[
            "Plan B\n\nA. The board met. B. We agreed. Democratic reforms came first. Central banks waited. X marks the spot. Co-operation grew. I'm sure, said Ann Okafor.\n",
        ],
        &UserAliases::default(),
    );
    let n = names(&e);
    for bad in [
        "A",
        "B",
        "X",
        "We",
        "Democratic",
        "Central",
        "I'm",
        "Co",
        "Plan B",
    ] {
        assert!(
            !n.iter().any(|x| x.starts_with(&format!("{bad}:"))),
            "{bad} in {n:?}"
        );
    }
    assert!(n.contains(&"Ann Okafor:person".to_string()), "{n:?}");
}

#[test]
fn the_city_list_breaks_ties_but_never_names_a_person() {
    // A town alone, after "in": a place.
    let e = run(
        &["Floods hit homes in Tamworth on Monday."],
        &UserAliases::default(),
    );
    assert_eq!(
        find(&e, "Tamworth").map(|x| x.kind),
        Some(EntityKind::Place)
    );
    // A surname that is also a town, with a person's evidence: a person.
    let e = run(
        &["Senator Grace Lincoln spoke. Lincoln, 61, said the bill would pass."],
        &UserAliases::default(),
    );
    assert_eq!(
        find(&e, "Grace Lincoln").map(|x| x.kind),
        Some(EntityKind::Person)
    );
    assert_eq!(find(&e, "Grace Lincoln").unwrap().mentions.len(), 2);
}

#[test]
fn user_merges_say_so() {
    let user =
        UserAliases::parse("[merge]\n\"Harbour Trust\" = [\"the Old Board\", \"Old Board\"]\n")
            .unwrap();
    let e = run(
        &["The Harbour Trust met. Old Board members left the Harbour Trust office."],
        &user,
    );
    let t = find(&e, "Harbour Trust").unwrap_or_else(|| panic!("{:?}", names(&e)));
    assert_eq!(
        t.aliases
            .iter()
            .find(|a| a.name == "Old Board")
            .map(|a| a.kind),
        Some(AliasKind::User),
        "{:?}",
        t.aliases
    );
}
