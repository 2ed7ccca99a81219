//! Tests of `evidence`.

use super::*;
use crate::analysis::entities::tokens::tokenize;

fn cues(s: &str, name: &str, doc: DocKind) -> Cues {
    let t = tokenize(s, 0..s.len());
    let first = name.split(' ').next().unwrap();
    let n = name.split(' ').count();
    let a = t.iter().position(|w| w.text == first).unwrap();
    let line = LineKind::default();
    let k = crate::analysis::gazetteer::key(&s[t[a].range.start..t[a + n - 1].range.end]);
    let sb = names::get().bits(&k);
    let (fb, lb) = if n == 1 {
        (sb, sb)
    } else {
        (
            names::word_bits(t[a].text),
            names::word_bits(t[a + n - 1].text),
        )
    };
    let mut c = name_cues(&t, a, a + n - 1, line, sb, fb, lb);
    c.add(&context_cues(
        &t,
        a,
        a + n - 1,
        doc,
        line,
        names::get().bits(&k),
    ));
    c
}

#[test]
fn names_and_contexts_give_kinds() {
    let news = DocKind::default();
    let sport = DocKind { sports: true };
    let kind = |s: &str, n: &str, d: DocKind| cues(s, n, d).best().0;
    use EntityKind::*;
    assert_eq!(
        kind("Then Maria Kowalczyk left.", "Maria Kowalczyk", news),
        Person
    );
    assert_eq!(kind("Then T. Okafor left.", "T. Okafor", news), Person);
    assert_eq!(
        kind(
            "Then Brightwater Mining Ltd left.",
            "Brightwater Mining Ltd",
            news
        ),
        Organization
    );
    assert_eq!(
        kind("Profits at the firm Zellamo rose.", "Zellamo", news),
        Organization
    );
    assert_eq!(
        kind("They bought shares of Zellamo on Friday.", "Zellamo", news),
        Organization
    );
    assert_eq!(
        kind(
            "Then Zellamo said in a statement it would close.",
            "Zellamo",
            news
        ),
        Organization
    );
    assert_eq!(
        kind("Then Okafor, 34, was charged.", "Okafor", news),
        Person
    );
    assert_eq!(kind("He lives in Rotterdam now.", "Rotterdam", news), Place);
    assert_eq!(
        kind("They met in Springfield, Illinois.", "Springfield", news),
        Place
    );
    assert_eq!(
        kind("Burnley 2 Rotherham 1", "Rotherham", sport),
        Organization
    );
    assert_eq!(
        kind("Burnley 2 Rotherham 1", "Burnley", sport),
        Organization
    );
    assert_eq!(
        kind("Lena Moor (Rotherham) scored twice.", "Rotherham", sport),
        Organization
    );
    assert_eq!(
        kind("He played for Rotherham v Burnley.", "Burnley", sport),
        Organization
    );
    assert_eq!(
        kind("The Kestrel Valley dam burst.", "Kestrel Valley", news),
        Place
    );
    assert_eq!(
        kind("Then Zellamo's chairman resigned.", "Zellamo", news),
        Organization
    );
    assert_eq!(kind("Then Okafor's wife spoke.", "Okafor", news), Person);
    assert_eq!(kind("Then the WFTU said so.", "WFTU", news), Organization);
}

#[test]
fn the_best_kind_and_its_lead() {
    let c = Cues {
        person: 4,
        place: 1,
        ..Default::default()
    };
    assert_eq!(c.best(), (EntityKind::Person, 3));
    assert_eq!(Cues::default().best(), (EntityKind::Other, 0));
}
