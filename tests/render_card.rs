//! The entity card, opened the ways a user would (finder, `e`, the search
//! prompt) and drawn into a TestBackend at 80×24 and 200×60: who, which
//! sources, when, what is said (corroborated / single-source / in
//! conflict), with whom; every row goes where it says.

mod common;
use common::*;
use crossread::app::Overlay;

#[test]
fn the_card_answers_who_where_when_and_what_at_80x24_and_200x60() {
    for (w, hh) in [(80, 24), (200, 60)] {
        let mut h = Harness::analysed(w, hh);
        h.keys(&["<Ctrl-p>"]);
        h.type_text("biegun");
        h.keys(&["<Enter>"]);
        assert_eq!(h.state.overlays.top(), Some(&Overlay::Card), "{w}x{hh}");
        let mut seen = String::new();
        // Read the whole card, scrolling as a user would.
        for _ in 0..40 {
            seen.push_str(&screen(&h.render()));
            h.keys(&["<PgDn>"]);
        }
        for want in [
            "Stephen Biegun · person · 4 mentions in 1 source",
            "also “Biegun”: part of the name, resolved to the full name",
            "Sources (1) · mentions",
            "McLARTY KOREA UPDATE",
            "When: ",
            "2018-08",
            "Corroborated by several independent sources (",
            "Single-source (",
            "In conflict (",
            "Appears most with",
        ] {
            assert!(seen.contains(want), "{w}x{hh} lacks {want:?}:\n{seen}");
        }
        // Events and claims name their source by outlet, never by file name.
        assert!(
            seen.contains("2018-08  August 2018 · McLarty Associates"),
            "{seen}"
        );
        assert!(
            !seen.contains("004_bda"),
            "{w}x{hh}: a file name shown:\n{seen}"
        );
        // Nothing is drawn outside the screen and the card fits it.
        let buf = h.render();
        assert_eq!(buf.area.width, w);
    }
    // At 200×60 it is all on one screen.
    let mut h = Harness::analysed(200, 60);
    h.keys(&["<Ctrl-p>"]);
    h.type_text("biegun");
    h.keys(&["<Enter>"]);
    let s = screen(&h.render());
    assert!(
        s.contains("Sources (1)") && s.contains("Appears most with"),
        "{s}"
    );
}

#[test]
fn every_row_goes_where_it_says_and_ctrl_o_returns() {
    let mut h = Harness::analysed(120, 40);
    let start = h.state.here();
    // `e` on the chosen entity.
    h.keys(&["/"]);
    h.type_text("biegun");
    h.keys(&["<Ctrl-e>"]);
    assert_eq!(h.state.overlays.top(), Some(&Overlay::Card));
    assert!(
        h.state.search.prompt.is_none(),
        "the prompt gave way to the card"
    );
    // The first row is the source: Enter goes to its first mention.
    h.keys(&["<Enter>"]);
    assert!(h.state.overlays.is_empty());
    assert_eq!(h.state.reader.doc, 4);
    assert!(screen(&h.render()).contains("Stephen"));
    h.keys(&["<Ctrl-o>"]);
    assert_eq!(h.state.here().doc, start.doc);
    // Choose him, then `e`; down to a dated event and go there.
    h.keys(&["<Ctrl-p>"]);
    h.type_text("biegun");
    h.keys(&["<Enter>", "<Esc>"]);
    assert!(h.state.chosen.is_some());
    h.keys(&["e"]);
    assert_eq!(h.state.overlays.top(), Some(&Overlay::Card));
    let card = h.state.card.as_ref().unwrap();
    let event_row = card
        .rows
        .iter()
        .position(|r| matches!(r.jump, Some(crossread::card::Jump::Event { .. })))
        .expect("a dated event");
    let source_row = card.selected;
    // j moves over rows that lead somewhere.
    let steps = card.rows[source_row..event_row]
        .iter()
        .filter(|r| r.jump.is_some())
        .count();
    for _ in 0..steps {
        h.keys(&["j"]);
    }
    assert_eq!(h.state.card.as_ref().unwrap().selected, event_row);
    h.keys(&["<Enter>"]);
    assert!(h.state.timeline.event.is_some(), "the event is selected");
    // A peer's row opens its card.
    h.keys(&["e", "G", "<Enter>"]);
    assert_eq!(h.state.overlays.top(), Some(&Overlay::Card));
    assert_ne!(h.state.card.as_ref().unwrap().card.name, "Stephen Biegun");
    h.keys(&["<Esc>"]);
    assert!(h.state.overlays.is_empty() && !h.state.quit);
}

#[test]
fn e_without_an_entity_says_what_to_do() {
    let mut h = Harness::analysed(80, 24);
    h.keys(&["e"]);
    assert!(h.state.overlays.is_empty());
    assert!(screen(&h.render()).contains("no entity here"));
    // On a claim, the claim's main entity.
    h.keys(&["]", "}", "e"]);
    assert_eq!(h.state.overlays.top(), Some(&Overlay::Card));
}
