//! End-to-end quick lookup: the real binary in tmux at 80×24. Search the
//! corpus, walk the hits with n/N, jump and come back with Ctrl-o, find an
//! entity with the finder, read its card, press Esc many times without
//! quitting, and quit with q.

mod common;
#[path = "common/tmux.rs"]
#[allow(dead_code)]
mod tmux;
use tmux::Tmux;

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_crossread")
}

#[test]
fn search_walk_jump_back_finder_card_escape_and_quit() {
    let seeds = common::seeds();
    let t = Tmux::start("lookup", 80, 24, &format!("{} {}", bin(), seeds.display()));
    t.wait_text("Entities (71)");

    // Search every document as you type.
    t.keys(&["/"]);
    for c in "sanctions relief".chars() {
        let k = if c == ' ' {
            "Space".to_string()
        } else {
            c.to_string()
        };
        t.keys(&[&k]);
    }
    let s = t.wait_text("hit 1/4 · 3 of 5 documents");
    assert!(
        s.lines()
            .last()
            .unwrap_or("")
            .starts_with("/sanctions relief"),
        "{s}"
    );
    t.keys(&["Enter"]);
    // n walks into the next document; N comes back.
    t.keys(&["n"]);
    t.wait_text("hit 2/4");
    t.wait_text("2/5 ·");
    t.keys(&["N"]);
    t.wait_text("hit 1/4");
    // The hits list: grouped by document; jump to the last hit.
    t.keys(&["H"]);
    t.wait_text("4 hits in 3 of 5 documents");
    t.keys(&["G", "Enter"]);
    let s = t.wait_text("hit 4/4");
    assert!(
        s.contains("5/5 ·"),
        "the last hit is in the last document: {s}"
    );
    // Ctrl-o goes back to where the jump started.
    t.keys(&["C-o"]);
    t.wait_text("back to Cipher Brief · line");
    // And forward again.
    t.keys(&["C-n"]);
    t.wait_text("forward to McLarty Associates · line");

    // The finder: an entity by a few letters, Enter shows its card.
    t.keys(&["C-p"]);
    t.wait_text("Find · documents, entities, claims, dates");
    for c in "biegun".chars() {
        t.keys(&[&c.to_string()]);
    }
    t.wait_text("person  Stephen Biegun");
    t.keys(&["Enter"]);
    let s = t.wait_text("Sources (1) · mentions");
    assert!(s.contains("Stephen Biegun · person · 4 mentions"), "{s}");

    // Esc, many times: the card closes, the selection clears, it never quits.
    for _ in 0..12 {
        t.keys(&["Escape"]);
    }
    let s = t.wait_text("nothing to close · q quits");
    assert!(!s.contains("EXITED"), "{s}");
    assert!(!s.contains("Sources (1)"), "{s}");

    t.keys(&["q"]);
    let s = t.wait_text("EXITED:");
    assert!(s.contains("EXITED:0"), "{s}");
    assert!(
        s.lines().any(|l| l.trim() == "icanon"),
        "terminal restored: {s}"
    );
}
