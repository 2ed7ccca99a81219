//! Keys as less, vim and helix users expect them, pressed through the same
//! translation as the terminal's keys: `Esc` never quits, `q` and `Ctrl-c`
//! do, and the jump list takes you back and forward.

mod common;
use common::*;
use crossread::app::Overlay;

#[test]
fn escape_closes_and_clears_but_never_quits() {
    let mut h = Harness::analysed(120, 40);
    // An overlay on an overlay, a chosen entity, a claim, a filter.
    h.keys(&["}", "<Enter>"]);
    assert!(matches!(
        h.state.overlays.top(),
        Some(Overlay::Links { .. })
    ));
    h.keys(&["?"]);
    assert!(matches!(h.state.overlays.top(), Some(Overlay::Help { .. })));
    h.keys(&["<Esc>"]);
    assert!(
        matches!(h.state.overlays.top(), Some(Overlay::Links { .. })),
        "Esc closes the top overlay only"
    );
    h.keys(&["<Esc>"]);
    assert!(h.state.overlays.is_empty());
    assert!(h.state.reader.claim.is_some());
    h.keys(&["<Esc>"]);
    assert!(
        h.state.reader.claim.is_none(),
        "then the selection is cleared"
    );
    // The compare view closes on Esc.
    h.keys(&["C", "<Enter>"]);
    assert!(h.state.compare.is_some());
    h.keys(&["<Esc>"]);
    assert!(h.state.compare.is_none());
    for _ in 0..20 {
        h.keys(&["<Esc>"]);
    }
    assert!(!h.state.quit, "Esc never quits");
    assert!(
        screen(&h.render()).contains("q quits"),
        "and says how to quit"
    );
    h.keys(&["q"]);
    assert!(h.state.quit);
}

#[test]
fn q_closes_an_overlay_first_and_ctrl_c_quits_from_anywhere() {
    let mut h = Harness::analysed(120, 40);
    h.keys(&["?", "q"]);
    assert!(h.state.overlays.is_empty() && !h.state.quit);
    // While typing a filter, q is a letter and Esc cancels.
    h.keys(&["<S-Tab>", "/"]);
    assert!(h.state.sidebar.filter_editing);
    h.type_text("qu");
    assert_eq!(h.state.sidebar.filter, "qu");
    assert!(!h.state.quit);
    h.keys(&["<Esc>"]);
    assert!(!h.state.sidebar.filter_editing && h.state.sidebar.filter.is_empty());
    h.keys(&["/", "<Ctrl-c>"]);
    assert!(h.state.quit, "Ctrl-c quits even while typing");
}

#[test]
fn the_jump_list_goes_back_and_forward_and_says_where() {
    let mut h = Harness::analysed(120, 40);
    h.keys(&["]", "<Ctrl-d>", "}"]);
    let start = h.state.here();
    // Follow a link to another document.
    h.keys(&["<Enter>"]);
    let link_doc = match h.state.overlays.top().copied() {
        Some(Overlay::Links { claim, selected }) => {
            let ix = h.index();
            ix.claims[ix.links[claim][selected].to].doc
        }
        other => panic!("links expected, got {other:?}"),
    };
    h.keys(&["<Enter>"]);
    assert_eq!(h.state.reader.doc, link_doc);
    let there = h.state.here();
    // And on to the next document.
    h.keys(&["]"]);
    let third = h.state.here();
    assert_ne!(third, there);
    h.keys(&["<Ctrl-o>"]);
    assert_eq!(h.state.here(), there);
    h.keys(&["<Ctrl-o>"]);
    assert_eq!(h.state.here(), start, "back to the place before the link");
    let s = screen(&h.render());
    let name = crossread::label::short(&h.docs, h.index.as_ref(), start.doc, 32);
    assert!(s.contains(&format!("back to {name} · line")), "{s}");
    h.keys(&["<Ctrl-o>"]);
    assert_eq!(h.state.here().doc, 0, "] was a jump too");
    let first = h.state.here();
    h.keys(&["<Ctrl-o>"]);
    assert_eq!(h.state.here(), first, "nothing earlier");
    assert!(screen(&h.render()).contains("no earlier place"));
    h.keys(&["<Ctrl-n>", "<Ctrl-n>"]);
    assert_eq!(h.state.here(), there);
    h.keys(&["<Alt-i>"]);
    assert_eq!(h.state.here(), third, "forward returns to where back began");
    assert!(screen(&h.render()).contains("forward to"));
}
