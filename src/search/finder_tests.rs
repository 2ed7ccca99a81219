//! Tests of `finder`.

use super::*;

fn items(texts: &[(Target, &str, u32)]) -> FinderIndex {
    FinderIndex {
        items: texts
            .iter()
            .map(|(t, s, w)| Item {
                target: *t,
                text: (*s).into(),
                weight: *w,
            })
            .collect(),
        analysed: true,
        ..Default::default()
    }
}

fn order(fi: &FinderIndex, m: &Matches) -> Vec<String> {
    m.ranked
        .iter()
        .map(|(i, _)| fi.items[*i as usize].text.to_string())
        .collect()
}

#[test]
fn ranks_the_closest_match_first_and_ties_by_kind_and_weight() {
    let fi = items(&[
        (
            Target::Claim(0),
            "The harbour board voted to close the port",
            3,
        ),
        (Target::Entity(0), "Harbour Board (the Board)", 12),
        (
            Target::Document(0),
            "Port closes · Coast Gazette · 2021-03-08",
            0,
        ),
        (Target::Entity(1), "Harriet Boardman", 2),
        (Target::Event(0), "2021-03-08 March 8", 0),
    ]);
    let m = rank(&fi, "harbour board", None, None);
    assert_eq!(m.total, 2);
    assert_eq!(
        order(&fi, &m),
        vec![
            "Harbour Board (the Board)",
            "The harbour board voted to close the port"
        ],
        "the entity whose name it is comes first"
    );
    let m = rank(&fi, "hboard", None, None);
    assert!(m.total >= 2, "fuzzy: letters in order");
    let m = rank(&fi, "2021-03", None, None);
    let o = order(&fi, &m);
    assert!(o.contains(&"2021-03-08 March 8".to_string()), "{o:?}");
    let m = rank(&fi, "zzz", None, None);
    assert_eq!(m.total, 0);
    // Equal scores: entities first, then heavier ones.
    let fi = items(&[
        (Target::Claim(0), "Kim", 9),
        (Target::Entity(1), "Kim", 1),
        (Target::Entity(2), "Kim", 5),
    ]);
    let m = rank(&fi, "kim", None, None);
    let targets: Vec<Target> = m
        .ranked
        .iter()
        .map(|(i, _)| fi.items[*i as usize].target)
        .collect();
    assert_eq!(
        targets,
        vec![Target::Entity(2), Target::Entity(1), Target::Claim(0)]
    );
}

#[test]
fn claims_are_found_by_their_words_once_per_set_of_copies() {
    let texts = [
        "Port news\n\nThe mayor said the port of Kelby will reopen to cargo ships next month.\n",
        "Port news copy\n\nThe mayor said the port of Kelby will reopen to cargo ships next month.\n",
        "Budget\n\nThe governor said taxes on fuel will rise by 3 percent next year.\n",
    ];
    let docs: Vec<Document> = crate::corpus::test_documents(&texts);
    let index = Index::build(&docs, &Default::default());
    let search = SearchIndex::build(&docs);
    let fi = FinderIndex::build(&docs, Some(&index));
    let mut memory = ClaimSearch::default();
    let mut run = |q: &str| {
        let claims = Claims {
            search: &search,
            index: &index,
            docs: &docs,
            memory: &mut memory,
        };
        let m = rank(&fi, q, None, Some(claims));
        m.ranked
            .iter()
            .filter(|(id, _)| matches!(fi.target(*id), Target::Claim(_)))
            .map(|(id, _)| fi.text(*id, &docs, Some(&index)))
            .collect::<Vec<String>>()
    };
    // Words in any order, at word starts; the copy is listed once.
    let found = run("reopen kelby");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("will reopen"));
    assert_eq!(run("fuel taxes").len(), 1);
    assert!(run("open").is_empty(), "not inside a word");
    assert!(run("ke").is_empty(), "short words do not look into claims");
}

#[test]
fn narrowing_agrees_with_ranking_afresh_and_marks_matches() {
    let fi = items(&[
        (Target::Claim(0), "Sanctions relief was discussed", 1),
        (Target::Claim(1), "Sandersen said nothing", 1),
        (Target::Entity(0), "Anna Lisa Sandersen (Sandersen)", 3),
    ]);
    let mut prev: Option<Matches> = None;
    let mut typed = String::new();
    for c in "sanders".chars() {
        typed.push(c);
        let narrowed = rank(&fi, &typed, prev.as_ref(), None);
        let fresh = rank(&fi, &typed, None, None);
        assert_eq!(narrowed.ranked, fresh.ranked, "{typed}");
        prev = Some(narrowed);
    }
    let best = prev.unwrap().ranked[0].0;
    let text = fi.items[best as usize].text.to_string();
    let idx = matched_chars(&fi, "sanders", best, &text);
    assert_eq!(idx.len(), 7);
    assert!(plain("“Keep” – it’s\n\n  done…") == "\"Keep\" - it's done...");
}
