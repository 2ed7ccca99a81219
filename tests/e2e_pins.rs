//! End-to-end pins and briefing: the real binary in tmux at 80×24. Pin
//! three claims (one with a note typed at once), open the pins list, write
//! the briefing from it to a file, find it on disk with the claim, its
//! note and its sources; Esc many times without quitting; q quits. And
//! `crossread lookup` on a terminal: colour, unless NO_COLOR.

mod common;
#[path = "common/tmux.rs"]
#[allow(dead_code)]
mod tmux;
use tmux::Tmux;

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_crossread")
}

struct Tmp(std::path::PathBuf);
impl Drop for Tmp {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn tmp(tag: &str) -> Tmp {
    let p = std::env::temp_dir().join(format!("crossread-e2e-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&p);
    std::fs::create_dir_all(&p).unwrap();
    Tmp(p)
}

fn type_text(t: &Tmux, s: &str) {
    for c in s.chars() {
        let k = if c == ' ' {
            "Space".to_string()
        } else {
            c.to_string()
        };
        t.keys(&[&k]);
    }
}

#[test]
fn pin_with_a_note_list_write_the_briefing_escape_and_quit() {
    let dir = tmp("pins");
    let seeds = common::seeds();
    let cmd = format!(
        "cd {} && XDG_DATA_HOME={}/data {} {}",
        dir.0.display(),
        dir.0.display(),
        bin(),
        seeds.display()
    );
    let t = Tmux::start("pins", 80, 24, &cmd);
    t.wait_text("Entities (71)");
    // The second document's first claim, pinned with a note.
    t.keys(&["]", "}", "p"]);
    t.wait_text("note:");
    type_text(&t, "ask the embassy");
    t.keys(&["Enter"]);
    t.wait_text("1 pin · pinned claim");
    // Two more: Esc pins without a note.
    t.keys(&["}", "p"]);
    t.wait_text("note:");
    t.keys(&["Enter"]);
    t.wait_text("2 pins");
    t.keys(&["}", "p"]);
    t.wait_text("note:");
    t.keys(&["Escape"]);
    t.wait_text("3 pins");
    // The list.
    t.keys(&["P"]);
    let s = t.wait_text("Pins (3)");
    assert!(s.contains("✎ ask the embassy"), "{s}");
    assert!(
        s.contains(" 1 claim  President Donald Trump will hold"),
        "{s}"
    );
    // Write the briefing: a new file in the current folder is offered.
    t.keys(&["w"]);
    let s = t.wait_text("write briefing to: briefing-");
    assert!(
        s.lines()
            .last()
            .unwrap_or("")
            .starts_with("write briefing to:"),
        "{s}"
    );
    t.keys(&["Enter"]);
    let s = t.wait_text("briefing written to");
    assert!(
        s.contains(&dir.0.display().to_string()) || s.contains("briefing-"),
        "{s}"
    );
    let written: Vec<std::path::PathBuf> = std::fs::read_dir(&dir.0)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("briefing-"))
        })
        .collect();
    assert_eq!(written.len(), 1, "{written:?}");
    let md = std::fs::read_to_string(&written[0]).unwrap();
    assert!(md.contains("# crossread briefing: pinned items"), "{md}");
    assert!(md.contains("3 items are pinned"), "{md}");
    assert!(
        md.contains("President Donald Trump will hold a second summit"),
        "{md}"
    );
    assert!(md.contains("Note: ask the embassy"), "{md}");
    assert!(md.contains("## Sources"), "{md}");
    // The pins are saved under XDG_DATA_HOME.
    let pins_dir = dir.0.join("data/crossread/pins");
    let saved: Vec<String> = std::fs::read_dir(&pins_dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| std::fs::read_to_string(e.path()).unwrap_or_default())
        .collect();
    assert!(
        saved.iter().any(|s| s.contains("ask the embassy")),
        "{saved:?}"
    );
    // From another document, Enter on a pin goes there; Ctrl-o comes back.
    t.keys(&["Escape", "]", "]"]);
    t.wait_text("4/5 ·");
    t.keys(&["P", "g", "Enter"]);
    t.wait_text("2/5 ·");
    t.keys(&["C-o"]);
    t.wait_text("back to North Korea and America");
    // Esc many times: nothing quits.
    t.keys(&["P"]);
    t.wait_text("Pins (3)");
    for _ in 0..6 {
        t.keys(&["Escape"]);
    }
    let s = t.wait_for("list closed", |s| !s.contains("Pins (3)"));
    assert!(!s.contains("EXITED"), "{s}");
    t.wait_text("q quits");
    t.keys(&["q"]);
    let s = t.wait_text("EXITED:");
    assert!(s.contains("EXITED:0"), "{s}");
}

#[test]
fn lookup_on_a_terminal_has_colour_unless_no_color() {
    let seeds = common::seeds();
    let t = Tmux::start(
        "lookup-color",
        80,
        100,
        &format!("{} lookup biegun {}", bin(), seeds.display()),
    );
    t.wait_text("EXITED:0");
    let styled = t.screen_styled();
    assert!(styled.contains("\x1b[1m"), "bold on a terminal: {styled}");
    assert!(t.screen().contains("Stephen Biegun · person"));
    let t = Tmux::start(
        "lookup-nocolor",
        80,
        100,
        &format!("NO_COLOR=1 {} lookup biegun {}", bin(), seeds.display()),
    );
    t.wait_text("EXITED:0");
    let styled = t.screen_styled();
    assert!(!styled.contains("\x1b[1m"), "NO_COLOR: {styled}");
}
