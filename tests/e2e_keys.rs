//! End-to-end: the real binary at 80×24 in tmux, walked through the keys of
//! a small terminal: the compact timeline and its keys, an unbound key, the
//! theme's name, paging, the sidebar over the text when narrow, copying.

mod common;
#[path = "common/tmux.rs"]
#[allow(dead_code)]
mod tmux;
use tmux::Tmux;

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_crossread")
}

#[test]
fn a_small_terminal_walk_through_the_timeline_and_the_keys() {
    let seeds = common::seeds();
    let t = Tmux::start("keys", 80, 24, &format!("{} {}", bin(), seeds.display()));
    let s = t.wait_text("Entities (71)");
    // The strip is three rows: axis, markers, the hint with its counts.
    let rows: Vec<&str> = s.lines().collect();
    assert!(rows[20].starts_with("1945"), "{s}");
    assert!(
        rows[22].starts_with("Timeline (31 dated events, 1 of unknown date)"),
        "{s}"
    );
    // To scale: the status bar says so and gaps are marked.
    t.keys(&["a"]);
    let s = t.wait_text("timeline to scale");
    assert!(s.lines().nth(21).is_some_and(|r| r.contains('≈')), "{s}");
    // Focus the strip, select an event: h/l move it, the hint shows it.
    t.keys(&["Tab", "l"]);
    let s = t.wait_for("an event selected", |s| {
        s.lines().nth(22).is_some_and(|r| r.starts_with("1945"))
    });
    assert!(!s.contains("Tab, then h/l select"), "{s}");
    // Hide the strip: the text takes its rows.
    t.keys(&["T"]);
    let s = t.wait_text("timeline hidden · T shows it");
    assert!(!s.contains("Timeline ("), "{s}");
    // An unbound key says so; t names the theme.
    t.keys(&["Z"]);
    t.wait_text("Z: no action here · ? help");
    t.keys(&["t"]);
    t.wait_text("theme: ");
    // Page down like less, and back.
    t.keys(&["]", "f"]);
    let s = t.wait_for("paged", |s| !s.contains("· 0% ·"));
    assert!(s.contains("2/5"), "{s}");
    t.keys(&["b"]);
    t.wait_text("· 0% ·");
    // A claim, copied with its citation.
    t.keys(&["}", "y"]);
    t.wait_text("copied the claim and its citation");
    // Narrow: the sidebar key shows the sidebar over the text; Esc hides it.
    t.keys(&["q"]);
    t.wait_text("EXITED:0");
    let t = Tmux::start(
        "keysnarrow",
        60,
        24,
        &format!("{} {}", bin(), seeds.display()),
    );
    let s = t.wait_for("the analysis", |s| {
        s.contains("1/5") && !s.contains("analysing")
    });
    assert!(!s.contains("Entities ("), "{s}");
    t.keys(&["S"]);
    let s = t.wait_text("Entities (71)");
    assert!(s.contains("by mentions"), "{s}");
    t.keys(&["Escape"]);
    t.wait_for("sidebar gone", |s| !s.contains("Entities ("));
    t.keys(&["q"]);
    t.wait_text("EXITED:0");
}
