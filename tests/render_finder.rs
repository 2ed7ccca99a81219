//! The fuzzy finder, driven by keys and drawn into a TestBackend at 80×24
//! and 200×60: one list of documents, entities, claims and dates, each
//! row's kind shown, a preview, and Enter going there as a jump.

mod common;
use common::*;
use crossread::app::Overlay;

#[test]
fn the_finder_lists_every_kind_with_a_preview_at_80x24_and_200x60() {
    for (w, hh) in [(80, 24), (200, 60)] {
        let mut h = Harness::analysed(w, hh);
        h.keys(&["<Ctrl-p>"]);
        assert_eq!(h.state.overlays.top(), Some(&Overlay::Finder));
        let s = screen(&h.render());
        assert!(
            s.contains("Find · documents, entities, claims, dates"),
            "{s}"
        );
        h.type_text("biegun");
        let buf = h.render();
        let s = screen(&buf);
        let rows = rows(&buf);
        // The entity first, its kind on the row; claims below with their
        // source counts.
        let first = rows
            .iter()
            .position(|r| r.contains("person  Stephen Biegun"))
            .unwrap_or_else(|| panic!("entity row at {w}x{hh}: {s}"));
        let claim = rows
            .iter()
            .position(|r| r.contains("claim   ") && r.contains("source"))
            .expect("claim rows");
        assert!(first < claim, "{s}");
        // The preview of the selected entity lists its sources.
        assert!(s.contains("Stephen Biegun · person"), "{s}");
        assert!(s.contains("4 mentions in 1 document"), "{s}");
        // The matched letters are marked.
        let (x, y) = find(&buf, "Stephen Biegun (").unwrap();
        let mark = h.themes[h.state.theme].get("reader.search.match");
        let b = &buf[(x + 8, y)];
        assert_eq!(b.symbol(), "B");
        assert!(mark.bg.is_none_or(|bg| b.bg == bg), "match marked");
    }
}

#[test]
fn enter_goes_to_a_date_a_claim_or_a_document_and_ctrl_o_returns() {
    let mut h = Harness::analysed(120, 40);
    let start = h.state.here();
    // A dated event: the view goes to its sentence and the timeline selects it.
    h.keys(&[":"]);
    h.type_text("2018-08");
    let s = screen(&h.render());
    assert!(s.contains("date    2018-08 August 2018"), "{s}");
    h.keys(&["<Enter>"]);
    assert!(h.state.overlays.is_empty());
    let ev = h.state.timeline.event.expect("event selected");
    let ix = h.index();
    let e = &ix.events[ix.timeline[ev]];
    assert_eq!(e.date.map(|d| d.iso()).as_deref(), Some("2018-08"));
    assert_eq!(h.state.reader.doc, e.doc);
    h.keys(&["<Ctrl-o>"]);
    assert_eq!(h.state.here(), start);
    // A claim, by words from it.
    h.keys(&["<Ctrl-p>"]);
    h.type_text("keep pressure sanctions");
    h.keys(&["<Enter>"]);
    let c = h.state.reader.claim.expect("claim chosen");
    let text = &h.docs[h.index().claims[c].doc].text[h.index().claims[c].range.clone()];
    assert!(text.contains("keep pressure"), "{text}");
    // A document, by its title.
    h.keys(&["<Ctrl-p>"]);
    h.type_text("mclarty update");
    h.keys(&["<Enter>"]);
    assert_eq!(h.state.reader.doc, 4);
    // Esc closes the finder without moving; typing q there is a letter.
    let here = h.state.here();
    h.keys(&["<Ctrl-p>", "q", "<Esc>"]);
    assert!(h.state.overlays.is_empty() && !h.state.quit);
    assert_eq!(h.state.here(), here);
}

#[test]
fn the_finder_is_reachable_from_the_help_and_before_the_analysis() {
    let mut h = Harness::seeds(80, 24);
    h.keys(&["?", "<Ctrl-p>"]);
    assert_eq!(h.state.overlays.top(), Some(&Overlay::Finder));
    let s = screen(&h.render());
    assert!(s.contains("documents (the rest once analysed)"), "{s}");
    h.type_text("mclarty");
    assert!(screen(&h.render()).contains("doc     McLARTY KOREA UPDATE"));
    h.keys(&["<Enter>"]);
    assert_eq!(h.state.reader.doc, 4);
}
