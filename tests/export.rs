//! Integration tests of `crossread export` on the seeds and on a second,
//! unrelated corpus (tests/fixtures/harbour), through the real binary.

use serde_json::Value;
use std::path::Path;
use std::process::Command;

fn export(args: &[&str]) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_crossread"))
        .arg("export")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

fn entity<'a>(j: &'a Value, name: &str) -> &'a Value {
    j["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == name)
        .unwrap_or_else(|| panic!("no entity {name}"))
}

fn has_entity(j: &Value, name: &str) -> bool {
    j["entities"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["name"] == name)
}

fn aliases(e: &Value) -> Vec<&str> {
    e["aliases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect()
}

fn events_with<'a>(j: &'a Value, text: &str) -> Vec<&'a Value> {
    j["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["text"] == text)
        .collect()
}

/// Every range in the export points at the text it claims, in the source.
fn check_offsets(j: &Value, root: &Path) {
    let sources: std::collections::HashMap<String, String> = j["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let rel = d["path"].as_str().unwrap();
            let p = root.join(rel);
            (
                d["id"].as_str().unwrap().to_string(),
                std::fs::read_to_string(p).unwrap(),
            )
        })
        .collect();
    for e in j["entities"].as_array().unwrap() {
        for m in e["mentions"].as_array().unwrap() {
            let src = &sources[m["doc"].as_str().unwrap()];
            let (s, t) = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                &src[s..t],
                m["text"].as_str().unwrap(),
                "mention offsets of {}",
                e["name"]
            );
        }
    }
    for ev in j["events"].as_array().unwrap() {
        let src = &sources[ev["doc"].as_str().unwrap()];
        let (s, t) = (
            ev["start"].as_u64().unwrap() as usize,
            ev["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&src[s..t], ev["text"].as_str().unwrap());
        assert!(
            ev["sentence"]
                .as_str()
                .unwrap()
                .contains(ev["text"].as_str().unwrap())
        );
    }
}

#[test]
fn seeds_structure_and_facts() {
    let j = export(&[]);
    assert_eq!(j["version"], 2);
    for key in ["documents", "entities", "events", "claims", "duplicates"] {
        assert!(j[key].is_array(), "{key} missing");
    }
    let docs = j["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 5);
    let doc = |id: &str| {
        docs.iter()
            .find(|d| d["id"].as_str().unwrap().starts_with(id))
            .unwrap()
    };
    assert_eq!(doc("004")["date"], "2019-01-25");
    assert_eq!(doc("003")["date"], "2019-02-06");
    assert_eq!(doc("004")["source"], "McLarty Associates");
    assert_eq!(doc("003")["author"], "David Santoro");
    assert!(
        doc("000")["date"].is_null(),
        "no date is invented for an undated article"
    );
    // Boilerplate: the paywall, the comment form and the copyright line.
    let kinds = |id: &str| {
        doc(id)["boilerplate"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b["kind"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    assert!(kinds("000").contains(&"paywall".to_string()));
    assert!(kinds("002").contains(&"comment_form".to_string()));
    assert!(kinds("004").contains(&"copyright".to_string()));
    assert!(kinds("003").contains(&"caption".to_string()));

    // Entities: aliases merged, people kept apart.
    let trump = entity(&j, "Donald Trump");
    assert_eq!(trump["kind"], "person");
    assert!(aliases(trump).contains(&"Trump"));
    let kim = entity(&j, "Kim Jong-un");
    assert!(
        aliases(kim).contains(&"Kim Jong Un"),
        "spelling variants merge"
    );
    assert!(
        has_entity(&j, "Kim Yong Chol") && has_entity(&j, "Kim Jong Chol"),
        "different Kims stay apart"
    );
    assert!(aliases(entity(&j, "Moon Jae-in")).contains(&"Moon"));
    let nk = entity(&j, "North Korea");
    assert_eq!(nk["kind"], "place");
    assert_eq!(nk["place"], "country");
    for a in ["DPRK", "North Korean"] {
        assert!(aliases(nk).contains(&a), "North Korea lacks alias {a}");
    }
    // A capital is a place of its own that knows its country, never an alias.
    assert!(!aliases(nk).contains(&"Pyongyang"));
    let pyongyang = entity(&j, "Pyongyang");
    assert_eq!(pyongyang["kind"], "place");
    assert_eq!(pyongyang["place"], "city");
    assert_eq!(pyongyang["capital_of"], nk["id"]);
    assert_eq!(entity(&j, "Washington")["place"], "city");
    assert!(aliases(entity(&j, "South Korea")).contains(&"ROK"));
    assert!(aliases(entity(&j, "Belt and Road Initiative")).contains(&"BRI"));
    // Each alias says how it was merged.
    let alias_kind = |e: &Value, name: &str| -> String {
        e["alias_kinds"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["name"] == name)
            .map(|a| a["kind"].as_str().unwrap().to_string())
            .unwrap_or_else(|| panic!("no alias {name} in {e}"))
    };
    assert_eq!(alias_kind(nk, "DPRK"), "short_form");
    assert_eq!(alias_kind(nk, "North Korean"), "demonym");
    assert_eq!(
        alias_kind(entity(&j, "Kim Jong-un"), "Kim Jong Un"),
        "spelling"
    );
    assert_eq!(alias_kind(trump, "Trump"), "partial_name");
    assert_eq!(
        alias_kind(entity(&j, "Belt and Road Initiative"), "BRI"),
        "acronym"
    );
    assert_eq!(entity(&j, "White House")["kind"], "organization");
    assert_eq!(entity(&j, "Korean War")["kind"], "event");
    for bad in [
        "The",
        "But",
        "Despite",
        "Observers",
        "Given",
        "KEY POINTS",
        "Un",
    ] {
        assert!(!has_entity(&j, bad), "{bad} is not an entity");
    }
    let sanders = entity(&j, "Sarah Huckabee Sanders");
    assert_eq!(
        sanders["mentions_per_document"].as_object().unwrap().len(),
        3,
        "Sanders is in three documents"
    );

    // Events resolved against each article's own date.
    assert!(
        events_with(&j, "January 18")
            .iter()
            .all(|e| e["date"] == "2019-01-18")
    );
    assert!(
        events_with(&j, "June 12")
            .iter()
            .all(|e| e["date"] == "2018-06-12"),
        "past summit, not a future one"
    );
    let lf = events_with(&j, "late February");
    assert!(
        !lf.is_empty()
            && lf
                .iter()
                .all(|e| e["date"] == "2019-02" && e["qualifier"] == "late")
    );
    assert_eq!(
        events_with(&j, "January 19-22")[0]["date_end"],
        "2019-01-22"
    );
    assert_eq!(events_with(&j, "Last year")[0]["date"], "2018");
    assert_eq!(
        events_with(&j, "the end of last year")[0]["qualifier"],
        "late"
    );
    assert!(events_with(&j, "mid-2018")[0]["precision"] == "year");
    // An undated article that states no full date: its relative dates stay
    // unresolved rather than borrow another article's date.
    let decade = events_with(&j, "the past decade");
    assert!(
        !decade.is_empty()
            && decade
                .iter()
                .all(|e| e["date"].is_null() && e["resolved"] == false && e["precision"].is_null()),
        "{decade:?}"
    );
    for d in docs.iter().filter(|d| d["date"].is_null()) {
        assert_ne!(d["reference_basis"], "corpus", "{d}");
    }
    // Not dates: $10/month, 28,500 troops, Level I.
    for e in j["events"].as_array().unwrap() {
        let t = e["text"].as_str().unwrap();
        assert!(
            !t.contains('$') && !t.contains("28,500"),
            "{t} is not a date"
        );
    }
    check_offsets(&j, Path::new(env!("CARGO_MANIFEST_DIR")));
}

#[test]
fn a_second_corpus_generalises() {
    let j = export(&["tests/fixtures/harbour"]);
    let docs = j["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 3);
    assert_eq!(docs[0]["date"], "2021-03-08");
    assert_eq!(docs[0]["date_basis"], "front_matter");
    assert_eq!(docs[0]["author"], "Ann Lee");
    assert_eq!(docs[0]["format"], "markdown");
    assert_eq!(docs[1]["date"], "2021-03-09");
    assert_eq!(docs[1]["author"], "Omar Haddad");
    assert_eq!(docs[1]["source"], "Wire Services Ltd");
    assert_eq!(docs[2]["boilerplate"][0]["kind"], "paywall");

    let rutte = entity(&j, "Mark Rutte");
    assert_eq!(rutte["kind"], "person");
    assert!(aliases(rutte).contains(&"Rutte"));
    // Two people share a family name: never merged, and the bare name stays apart.
    assert_eq!(entity(&j, "Pieter de Vries")["kind"], "person");
    assert_eq!(entity(&j, "Lotte de Vries")["kind"], "person");
    assert!(has_entity(&j, "de Vries"));
    let nl = entity(&j, "Netherlands");
    assert!(aliases(nl).contains(&"Dutch"));
    // Amsterdam is a city of its own, not folded into its country.
    assert!(!aliases(nl).contains(&"Amsterdam"));
    let amsterdam = entity(&j, "Amsterdam");
    assert_eq!(amsterdam["kind"], "place");
    assert_eq!(amsterdam["capital_of"], nl["id"]);
    assert!(aliases(entity(&j, "European Union")).contains(&"EU"));
    assert_eq!(entity(&j, "Port Authority")["kind"], "organization");

    let ev = |t: &str| {
        events_with(&j, t)
            .first()
            .copied()
            .unwrap_or_else(|| panic!("no event {t}"))
            .clone()
    };
    assert_eq!(ev("March 3-5")["date"], "2021-03-03");
    // Bare weekdays, as wires write them, against each article's own date.
    assert_eq!(ev("Monday")["date"], "2021-03-08");
    assert_eq!(ev("Tuesday")["date"], "2021-03-09");
    assert_eq!(ev("March 3-5")["date_end"], "2021-03-05");
    assert_eq!(ev("last year")["date"], "2020");
    assert_eq!(ev("two years ago")["date"], "2019");
    assert_eq!(ev("early June")["date"], "2021-06");
    assert_eq!(ev("since 2019")["date"], "2019");
    assert!(
        events_with(&j, "March 9, 2021").is_empty(),
        "the dateline is not an event"
    );
    for e in j["events"].as_array().unwrap() {
        let t = e["text"].as_str().unwrap();
        assert!(
            !t.contains("436") && !t.contains("3,000") && !t.contains("$4"),
            "{t} is not a date"
        );
    }
    // Offsets in the Markdown file point into its source, front matter included.
    check_offsets(
        &j,
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .as_path(),
    );
}

/// A corpus written for the test: a dated wire, an undated report with a
/// bare weekday and nothing to resolve it against, and an undated report
/// that states a full date.
#[test]
fn weekdays_resolve_against_their_own_article_only() {
    let dir = std::env::temp_dir().join(format!("crossread-weekdays-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("a_wire.txt"),
        "Ferry sinks off the cape\n\nHALIFAX, Nova Scotia, May 12, 2022 (Wire) - A ferry sank Tuesday off the cape, the coast guard said Thursday. Divers will search the wreck Saturday.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("b_undated.txt"),
        "Ferry inquiry\n\nInvestigators said Friday that the ferry had been overloaded.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("c_anchored.txt"),
        "Ferry salvage\n\nThe wreck was raised on June 1, 2022. On Friday the owners paid the crew.\n",
    )
    .unwrap();
    let j = export(&[dir.to_str().unwrap()]);
    let in_doc = |doc: &str, text: &str| -> Value {
        j["events"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["doc"] == doc && e["text"] == text)
            .unwrap_or_else(|| panic!("no {text} in {doc}"))
            .clone()
    };
    let docs = j["documents"].as_array().unwrap();
    assert_eq!(docs[0]["date"], "2022-05-12");
    assert_eq!(in_doc("a_wire", "Tuesday")["date"], "2022-05-10");
    assert_eq!(in_doc("a_wire", "Thursday")["date"], "2022-05-12");
    assert_eq!(in_doc("a_wire", "Saturday")["date"], "2022-05-14");
    // Never resolved against the other article's date.
    let friday = in_doc("b_undated", "Friday");
    assert!(
        friday["date"].is_null() && friday["resolved"] == false,
        "{friday}"
    );
    assert!(docs[1]["reference_date"].is_null());
    // A full date the article states anchors its weekday.
    assert_eq!(in_doc("c_anchored", "Friday")["date"], "2022-06-03");
    assert_eq!(docs[2]["reference_basis"], "latest_in_text");
    // The briefing's timeline holds the dates it knows, never a guessed one.
    let out = Command::new(env!("CARGO_BIN_EXE_crossread"))
        .args(["export", "--format", "markdown"])
        .arg(&dir)
        .output()
        .unwrap();
    let md = String::from_utf8_lossy(&out.stdout);
    let timeline = md.split("## Timeline").nth(1).unwrap();
    let timeline = timeline.split("\n## ").next().unwrap();
    assert!(timeline.contains("- **2022-05-10** — "), "{timeline}");
    assert!(
        !timeline.contains("Friday") || timeline.contains("2022-06-03"),
        "{timeline}"
    );
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn markdown_export_and_user_aliases() {
    let dir = std::env::temp_dir().join(format!("crossread-aliases-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("a.txt"),
        "Harbour news\n\nMayor Ines Duarte opened the quay. The Quay Trust praised Duarte.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("b.txt"),
        "More news\n\nThe mayor, known locally as Dona Ines, spoke again on March 3, 2021.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("aliases.toml"),
        "[merge]\n\"Ines Duarte\" = [\"Dona Ines\"]\n",
    )
    .unwrap();
    let j = export(&[dir.to_str().unwrap()]);
    let e = entity(&j, "Ines Duarte");
    assert!(aliases(e).contains(&"Dona Ines"), "{e}");
    assert_eq!(e["mentions_per_document"].as_object().unwrap().len(), 2);
    // A broken alias file is reported, and the export still runs.
    std::fs::write(dir.join("aliases.toml"), "[merge\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_crossread"))
        .args(["export", "--format", "markdown"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("aliases.toml") && err.contains("line 1"),
        "{err}"
    );
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(
        md.starts_with("# crossread briefing") && md.contains("| Ines Duarte | person |"),
        "{md}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("aliases.toml")).unwrap(),
        "[merge\n",
        "the user's file is never rewritten"
    );
    std::fs::remove_dir_all(dir).ok();
}

fn claim_with<'a>(j: &'a Value, doc: &str, start: &str) -> &'a Value {
    j["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| {
            c["doc"].as_str().unwrap().starts_with(doc)
                && c["text"].as_str().unwrap().starts_with(start)
        })
        .unwrap_or_else(|| panic!("no claim in {doc} starting {start:?}"))
}

#[test]
fn seeds_claims_links_and_duplicates() {
    let j = export(&[]);
    // The paywalled article is a truncated copy of the full one.
    let dups = j["duplicates"].as_array().unwrap();
    assert_eq!(dups.len(), 1, "{dups:?}");
    assert_eq!(dups[0]["relation"], "truncated_copy");
    assert!(dups[0]["fuller"].as_str().unwrap().starts_with("001"));
    assert!(dups[0]["overlap"].as_f64().unwrap() > 0.9);
    // The summit announcement is made by three independent sources.
    let announce = claim_with(
        &j,
        "001",
        "President Donald Trump will hold a second summit",
    );
    assert_eq!(announce["sources"], 3, "{announce}");
    let corroborating: Vec<&str> = announce["links"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["relation"] == "corroborates" && l["duplicate"] == false)
        .map(|l| l["doc"].as_str().unwrap())
        .collect();
    assert!(
        corroborating.iter().any(|d| d.starts_with("002"))
            && corroborating.iter().any(|d| d.starts_with("004")),
        "{corroborating:?}"
    );
    // Its copy in the paywalled article is linked but marked as a duplicate.
    assert!(
        announce["links"]
            .as_array()
            .unwrap()
            .iter()
            .any(|l| l["doc"].as_str().unwrap().starts_with("000") && l["duplicate"] == true)
    );
    // The press secretary's words, quoted differently by two sources.
    let sanders = claim_with(&j, "001", "White House press secretary");
    assert_eq!(sanders["kind"], "quote");
    assert_eq!(sanders["speaker"], "Sarah Huckabee Sanders");
    let variant = sanders["links"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["relation"] == "quote_variant" && l["doc"].as_str().unwrap().starts_with("004"))
        .expect("quote variant");
    let changes: Vec<(String, String)> = variant["diff"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| o["op"] != "equal")
        .map(|o| {
            (
                o["op"].as_str().unwrap().to_string(),
                o["text"].as_str().unwrap().trim().to_string(),
            )
        })
        .collect();
    assert!(
        changes.contains(&("delete".into(), "fully".into()))
            && changes.contains(&("insert".into(), "full".into())),
        "{changes:?}"
    );
    // A claim only one article makes has no corroboration.
    let single = claim_with(&j, "003", "A catastrophic second summit");
    assert_eq!(single["sources"], 1);
    assert!(
        single["links"]
            .as_array()
            .unwrap()
            .iter()
            .all(|l| l["relation"] == "related")
    );
    // Questions are not claims; boilerplate holds none.
    for c in j["claims"].as_array().unwrap() {
        let t = c["text"].as_str().unwrap();
        assert!(!t.ends_with('?'), "{t}");
        assert!(
            !t.contains("Cipher Brief Level I Member") && !t.contains("commenting using"),
            "{t}"
        );
    }
}

#[test]
fn second_corpus_claims_and_quote_variant() {
    let j = export(&["tests/fixtures/harbour"]);
    assert!(
        j["duplicates"].as_array().unwrap().is_empty(),
        "different reports of one strike are not copies"
    );
    let quote = claim_with(&j, "01", "\"We will not go back");
    assert_eq!(quote["kind"], "quote");
    let v = quote["links"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["relation"] == "quote_variant")
        .expect("variant");
    assert!(v["doc"].as_str().unwrap().starts_with("02"));
    assert_eq!(quote["sources"], 2);
    // The same person saying two different things is not corroboration.
    let walkout = claim_with(&j, "01", "Union leader Pieter de Vries said the walkout");
    assert_eq!(walkout["sources"], 1);
}

/// The text of claim `id`.
fn claim_text(j: &Value, id: u64) -> &str {
    j["claims"][id as usize]["text"].as_str().unwrap()
}

/// The relation of the first link from a claim starting `a` (in `doc_a`)
/// to a claim containing `b`.
fn relation_between(j: &Value, doc_a: &str, a: &str, b: &str) -> Option<String> {
    let c = claim_with(j, doc_a, a);
    c["links"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| claim_text(j, l["claim"].as_u64().unwrap()).contains(b))
        .map(|l| l["relation"].as_str().unwrap().to_string())
}

#[test]
fn seeds_paraphrases_people_statements_and_explanations() {
    let j = export(&[]);
    // Statements said in other words are linked: the venue, the unclear
    // joint statement (a thing named after a place names the place), and
    // the two quotations of one spokesperson.
    assert!(
        relation_between(
            &j,
            "002",
            "Although the plan is being finalized",
            "most likely venue"
        )
        .is_some(),
        "venue"
    );
    assert_eq!(
        relation_between(
            &j,
            "003",
            "North Korea hasn’t moved closer",
            "vague joint statement"
        )
        .as_deref(),
        Some("corroborates"),
        "joint statement"
    );
    assert_eq!(
        relation_between(
            &j,
            "001",
            "White House press secretary",
            "continue to keep pressure"
        )
        .as_deref(),
        Some("quote_variant")
    );
    // Different people who share a family name or a title never make two
    // claims link: when both claims name people, they name one in common.
    let kind: std::collections::HashMap<&str, &str> = j["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["name"].as_str().unwrap(), e["kind"].as_str().unwrap()))
        .collect();
    let people = |c: &Value| -> Vec<String> {
        c["entities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e.as_str().unwrap())
            .filter(|e| kind.get(e) == Some(&"person"))
            .map(str::to_lowercase)
            .collect()
    };
    let claims = j["claims"].as_array().unwrap();
    let mut links = 0;
    for c in claims {
        for l in c["links"].as_array().unwrap() {
            links += 1;
            let other = &claims[l["claim"].as_u64().unwrap() as usize];
            let (pa, pb) = (people(c), people(other));
            let compatible = pa.is_empty()
                || pb.is_empty()
                || pa.iter().any(|x| {
                    pb.iter()
                        .any(|y| x.ends_with(y.as_str()) || y.ends_with(x.as_str()))
                });
            assert!(
                compatible,
                "{pa:?} / {pb:?}: {} || {}",
                c["text"], other["text"]
            );
            // Every link says what it rests on.
            let basis = &l["basis"];
            for field in ["names", "numbers", "dates", "words", "meanings"] {
                assert!(basis[field].is_array(), "{l}");
            }
        }
    }
    assert!(links > 20);
    // One count per statement, whichever document the claim is in.
    let mut by_statement: std::collections::HashMap<u64, Vec<u64>> = Default::default();
    for c in claims {
        by_statement
            .entry(c["statement"].as_u64().unwrap())
            .or_default()
            .push(c["sources"].as_u64().unwrap());
    }
    for counts in by_statement.values() {
        assert!(counts.iter().all(|&n| n == counts[0]), "{counts:?}");
    }
    // The story of every seed is one.
    let stories: std::collections::HashSet<&str> = j["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["story"].as_str().unwrap())
        .collect();
    assert_eq!(stories.len(), 1, "{stories:?}");
}
