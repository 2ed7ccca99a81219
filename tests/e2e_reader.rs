//! End-to-end: the real binary in tmux, driven by keys, screen read back.

mod common;
#[path = "common/tmux.rs"]
mod tmux;
use tmux::Tmux;

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_crossread")
}

#[test]
fn read_navigate_help_theme_and_quit_restores_the_terminal() {
    let seeds = common::seeds();
    let t = Tmux::start("reader", 100, 30, &format!("{} {}", bin(), seeds.display()));
    let s = t.wait_text("Documents (5)");
    assert!(s.contains("The Next North Korean Summit"), "{s}");
    assert_eq!(
        t.display("#{alternate_on}"),
        "1",
        "the reader uses the alternate screen"
    );

    // Next document, then scroll.
    t.keys(&["]"]);
    let s = t.wait_text("2/5");
    assert!(
        s.contains("President Donald Trump will hold a second summit"),
        "{s}"
    );
    let before = t.screen();
    t.keys(&["j", "j", "j"]);
    let s = t.wait_for("scrolled", |s| s != before);
    assert!(
        !s.lines()
            .nth(1)
            .unwrap_or("")
            .contains("President Donald Trump will hold"),
        "{s}"
    );
    t.keys(&["G"]);
    t.wait_text("Read more from");
    t.keys(&["g"]);
    t.wait_text("President Donald Trump will hold");

    // Help overlay, then close it.
    t.keys(&["?"]);
    let s = t.wait_text("What the marks mean");
    assert!(
        s.contains("3▐") && s.contains("a claim only this source makes"),
        "the legend comes first: {s}"
    );
    // The keys follow, pages down (as many as the legend takes), then a
    // few lines down.
    let mut pages = 0;
    while !t.screen().contains("Keys: reading") && pages < 6 {
        t.keys(&["PageDown"]);
        pages += 1;
    }
    t.wait_text("Keys: reading");
    let mut lines = 0;
    while !t.screen().contains("next document") && lines < 12 {
        t.keys(&["j"]);
        lines += 1;
    }
    t.wait_text("next document");
    let mut lines = 0;
    while !t.screen().contains("search the text of every document") && lines < 12 {
        t.keys(&["j"]);
        lines += 1;
    }
    t.wait_text("search the text of every document");
    t.keys(&["Escape"]);
    t.wait_for("help closed", |s| !s.contains("j/k scroll"));

    // Theme changes the colours on screen.
    let styled = t.screen_styled();
    t.keys(&["t"]);
    let start = std::time::Instant::now();
    while t.screen_styled() == styled {
        assert!(
            start.elapsed().as_secs() < 10,
            "theme did not change the screen"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }

    // Quit: exit code 0, normal screen back, terminal in cooked mode.
    t.keys(&["q"]);
    let s = t.wait_text("EXITED:");
    assert!(s.contains("EXITED:0"), "{s}");
    assert!(
        s.lines().any(|l| l.trim() == "icanon"),
        "terminal left in raw mode: {s}"
    );
    assert_eq!(t.display("#{alternate_on}"), "0");
}

#[test]
fn a_folder_with_nothing_readable_exits_with_a_clear_message() {
    let dir = std::env::temp_dir().join(format!("crossread-empty-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("empty.txt"), "").unwrap();
    std::fs::write(dir.join("bin.md"), b"\x00\x01\x02binary").unwrap();
    let out = std::process::Command::new(bin())
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("nothing readable"), "{err}");
    assert!(err.contains("empty.txt: skipped: empty file"), "{err}");
    assert!(err.contains("bin.md: skipped: binary file"), "{err}");
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn help_and_version_flags() {
    let out = std::process::Command::new(bin())
        .arg("--help")
        .output()
        .unwrap();
    let s = String::from_utf8_lossy(&out.stdout);
    for flag in ["--theme", "--keymap", "--no-color", "--version", "[PATHS]"] {
        assert!(s.contains(flag), "--help lacks {flag}: {s}");
    }
    let out = std::process::Command::new(bin())
        .arg("--version")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("crossread "));
}

#[test]
fn a_bad_theme_file_is_reported_and_the_default_used() {
    let dir = std::env::temp_dir().join(format!("crossread-theme-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let theme = dir.join("broken.toml");
    std::fs::write(
        &theme,
        "\"ui.text\" = \"red\"\n\"ui.border\" = { fg = \"nosuch\" }\n",
    )
    .unwrap();
    let t = Tmux::start(
        "theme",
        120,
        30,
        &format!(
            "{} --theme {} {}",
            bin(),
            theme.display(),
            common::seeds().display()
        ),
    );
    let s = t.wait_text("Documents (5)");
    assert!(
        s.contains("broken.toml:2"),
        "status names the file and line: {s}"
    );
    t.keys(&["q"]);
    t.wait_text("EXITED:0");
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn entity_mentions_links_compare_and_quit_in_one_session() {
    let seeds = common::seeds();
    let t = Tmux::start("panes", 120, 40, &format!("{} {}", bin(), seeds.display()));
    // The analysis arrives in the background; the entity list appears.
    let s = t.wait_text("Entities (71)");
    assert!(
        s.contains("Timeline (31 dated events, 1 of unknown date)"),
        "{s}"
    );
    // Filter the entities (`/` in the focused sidebar) and choose one.
    t.keys(&["BTab", "/", "B", "i", "e", "g", "u", "n", "Enter", "Enter"]);
    let s = t.wait_text("Stephen Biegun 1/4");
    assert!(
        s.contains("McLarty Associates · McLARTY KOREA UPDATE"),
        "Biegun is only in the McLarty update (the status bar names it by outlet and title): {s}"
    );
    // Walk his mentions.
    t.keys(&["n"]);
    t.wait_text("Stephen Biegun 2/4");
    // Into another document: back to the sidebar (choosing focused the
    // text), choose Sanders, whose mentions span three.
    t.keys(&[
        "BTab", "/", "BSpace", "BSpace", "BSpace", "BSpace", "BSpace", "BSpace", "S", "a", "n",
        "d", "e", "r", "s", "Enter", "Enter",
    ]);
    // The walk starts at the mention in the document on screen (the third).
    t.wait_text("Sarah Huckabee Sanders 3/3");
    t.keys(&["n"]);
    let s = t.wait_text("Sarah Huckabee Sanders 1/3");
    assert!(
        s.contains("Cipher Brief · The Next North Korean Summit"),
        "n wraps round into another document: {s}"
    );
    // Choosing him focused the text; walk claims to the quotation.
    t.keys(&["x"]);
    let mut tries = 0;
    while !t.screen().contains("quote claim") && tries < 8 {
        t.keys(&["}"]);
        tries += 1;
    }
    t.keys(&["Enter"]);
    let s = t.wait_text("quote variant");
    assert!(s.contains("[-fully-]") && s.contains("[+full+]"), "{s}");
    // Compare the two documents side by side.
    t.keys(&["c"]);
    let s = t.wait_text("whole pair");
    assert!(s.contains("McLARTY KOREA UPDATE"), "{s}");
    assert!(
        s.contains("[-fully-]"),
        "compare opens on the chosen pair: {s}"
    );
    t.keys(&["q"]);
    t.wait_for("compare closed", |s| !s.contains("whole pair"));
    t.keys(&["q"]);
    let s = t.wait_text("EXITED:");
    assert!(s.contains("EXITED:0"), "{s}");
    assert!(
        s.lines().any(|l| l.trim() == "icanon"),
        "terminal restored: {s}"
    );
}

#[test]
fn resize_storms_do_not_break_the_reader() {
    let t = Tmux::start(
        "resize",
        100,
        30,
        &format!("{} {}", bin(), common::seeds().display()),
    );
    t.wait_text("Entities (71)");
    for (w, h) in [
        (10, 4),
        (200, 60),
        (11, 5),
        (80, 24),
        (30, 10),
        (250, 70),
        (60, 20),
        (120, 40),
    ] {
        let _ = std::process::Command::new("tmux")
            .args([
                "-L",
                t.socket(),
                "resize-window",
                "-t",
                "0",
                "-x",
                &w.to_string(),
                "-y",
                &h.to_string(),
            ])
            .status();
    }
    t.wait_text("Entities (71)");
    t.keys(&["q"]);
    let s = t.wait_text("EXITED:");
    assert!(s.contains("EXITED:0"), "{s}");
}

#[test]
fn who_says_what_opens_filters_and_goes_to_a_statement() {
    let seeds = common::seeds();
    let t = Tmux::start("corro", 120, 40, &format!("{} {}", bin(), seeds.display()));
    t.wait_text("Entities (71)");
    // `v` from the reader: the statements by sources, most sources first.
    t.keys(&["v"]);
    let s = t.wait_text("Who says what");
    assert!(s.contains("▸ 3 Following a meeting"), "{s}");
    assert!(
        s.contains("Cipher Bri") && s.contains("McLarty As"),
        "outlets head the columns: {s}"
    );
    // The top row: three sources make it, a copy is marked apart, one
    // document does not say it.
    let top = s.lines().find(|l| l.contains("▸ 3")).unwrap();
    assert_eq!(
        top.matches('●').count() + top.matches('≈').count(),
        3,
        "{top}"
    );
    assert_eq!(top.matches('○').count(), 1, "{top}");
    assert_eq!(top.matches('·').count(), 1, "{top}");
    // Only what a single source says.
    t.keys(&["s"]);
    let s = t.wait_text("single-source only");
    assert!(!s.contains("▸ 3") && s.contains("▸ 1 "), "{s}");
    t.keys(&["s"]);
    t.wait_for("all statements again", |s| {
        !s.contains("single-source only")
    });
    // The second source's column, Enter: its claim in its document.
    t.keys(&["l", "Enter"]);
    let s = t.wait_text("3 independent sources · Ctrl-o back");
    assert!(!s.contains("Who says what"), "{s}");
    assert!(
        s.contains("McLARTY KOREA UPDATE") && s.contains("3▐"),
        "the McLarty update, at the claim with its count: {s}"
    );
    // Esc closes the view without quitting; q quits.
    t.keys(&["v"]);
    t.wait_text("Who says what");
    t.keys(&["Escape"]);
    t.wait_for("view closed", |s| !s.contains("Who says what"));
    t.keys(&["q"]);
    let s = t.wait_text("EXITED:");
    assert!(s.contains("EXITED:0"), "{s}");
}
