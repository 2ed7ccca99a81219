//! Render tests of the reader into ratatui's TestBackend.

mod common;
use common::*;
use crossread::app::keymap::key_name;
use crossread::app::{Action, Input, Overlay, Pane};
use ratatui::style::Modifier;

#[test]
fn document_pane_at_80x24_shows_the_wrapped_article() {
    let h = Harness::seeds(80, 24);
    let buf = h.render();
    let s = screen(&buf);
    // The first seed's title is the pane title and the first line of text.
    assert!(
        rows(&buf)[0].contains("The Next North Korean Summit"),
        "{s}"
    );
    assert!(s.contains("Documents (5)"), "{s}");
    // Text is wrapped by words inside the pane: the first paragraph's words
    // appear in order over lines no wider than the text column.
    let text_col = |y: usize| {
        rows(&buf)[y]
            .split('┃')
            .nth(1)
            .unwrap_or("")
            .trim_end_matches(['█', '║', ' '])
            .trim()
            .to_string()
    };
    assert_eq!(
        text_col(3),
        "President Donald Trump will hold a second summit"
    );
    assert_eq!(text_col(4), "with North Korean leader Kim Jong Un in late");
    assert_eq!(text_col(5), "February.");
    assert_eq!(text_col(6), "", "paragraphs keep their blank line");
    // Status bar names the document by its title, and the position.
    let last = rows(&buf).last().unwrap().clone();
    assert!(
        last.contains("The Next North Korean Summit") && last.contains("1/5"),
        "{last}"
    );
    // The title line is styled as a title.
    // Row 0 is the border with the pane title; the text's own first line
    // (row 1) is drawn in the title style.
    let r1 = &rows(&buf)[1];
    let i = r1
        .find("The Next North Korean Summit")
        .expect("title line in the text");
    let tx = r1[..i].chars().count() as u16;
    assert!(buf[(tx, 1)].modifier.contains(Modifier::BOLD));
    assert!(
        !buf[(tx, 3)].modifier.contains(Modifier::BOLD),
        "body text is not bold"
    );
}

#[test]
fn document_pane_at_200x60_sets_a_readable_measure() {
    let h = Harness::seeds(200, 60);
    let buf = h.render();
    let s = screen(&buf);
    // At most 100 cells of text per line, so the first paragraph (103 chars)
    // wraps before "February.".
    assert!(s.contains("President Donald Trump will hold a second summit with North Korean leader Kim Jong Un in late"), "{s}");
    assert!(!s.contains("in late February. "), "{s}");
    assert!(s.contains("February."));
    // The whole paywalled seed fits, including its last line.
    assert!(
        s.contains("If you’re not already a member, you should be."),
        "{s}"
    );
}

#[test]
fn scrolling_and_document_keys_move_the_view() {
    let mut h = Harness::seeds(80, 24);
    h.act(Input::Action(Action::NextDocument));
    assert_eq!(h.state.reader.doc, 1);
    let before = screen(&h.render());
    h.act(Input::Action(Action::PageDown));
    let after = screen(&h.render());
    assert_ne!(before, after);
    h.act(Input::Action(Action::Bottom));
    let s = screen(&h.render());
    assert!(
        s.contains("Read more from"),
        "bottom shows the last line: {s}"
    );
    h.act(Input::Action(Action::Top));
    assert_eq!(screen(&h.render()), before);
    h.act(Input::Action(Action::PrevDocument));
    h.act(Input::Action(Action::PrevDocument));
    assert_eq!(h.state.reader.doc, 4, "[ wraps around");
}

#[test]
fn scroll_position_survives_a_resize() {
    let mut h = Harness::seeds(80, 24);
    h.act(Input::Action(Action::NextDocument));
    for _ in 0..15 {
        h.act(Input::Action(Action::Down));
    }
    let row = rows(&h.render())[1].clone();
    let word = row.split_whitespace().nth(1).unwrap().to_string();
    h.act(Input::Resize {
        width: 120,
        height: 40,
    });
    h.act(Input::Resize {
        width: 80,
        height: 24,
    });
    assert!(
        rows(&h.render())[1].contains(&word),
        "top line kept across resizes"
    );
}

#[test]
fn help_overlay_lists_every_key_of_the_keymap() {
    let mut h = Harness::seeds(200, 60);
    h.act(Input::Action(Action::Help));
    assert!(matches!(h.state.overlays.top(), Some(Overlay::Help { .. })));
    // The help is longer than the screen: read it page by page.
    let mut s = String::new();
    loop {
        let page = screen(&h.render());
        s.push_str(&page);
        h.act(Input::Action(Action::PageDown));
        if screen(&h.render()) == page {
            break;
        }
    }
    for b in &h.keymap.bindings {
        for k in &b.keys {
            assert!(s.contains(&key_name(k)), "help lacks {}", key_name(k));
        }
        assert!(s.contains(&b.description), "help lacks {:?}", b.description);
    }
    h.act(Input::Action(Action::Close));
    assert!(h.state.overlays.is_empty());
}

#[test]
fn tiny_and_odd_terminals_render_without_panic() {
    let mut h = Harness::seeds(10, 4);
    h.render();
    for (w, hgt) in [
        (1, 1),
        (2, 2),
        (10, 4),
        (11, 3),
        (25, 5),
        (59, 10),
        (61, 7),
        (300, 100),
    ] {
        h.act(Input::Resize {
            width: w,
            height: hgt,
        });
        for a in [
            Action::Help,
            Action::Close,
            Action::ShowLog,
            Action::Bottom,
            Action::FocusNext,
            Action::NextTheme,
        ] {
            h.act(Input::Action(a));
            h.render();
        }
    }
    h.act(Input::Resize {
        width: 10,
        height: 4,
    });
    let s = screen(&h.render());
    assert_eq!(s.lines().count(), 4);
}

#[test]
fn focus_moves_and_is_visible() {
    let mut h = Harness::seeds(80, 24);
    assert_eq!(h.state.focus, Pane::Document);
    h.act(Input::Action(Action::FocusPrev));
    assert_eq!(h.state.focus, Pane::Sidebar);
    let s = screen(&h.render());
    assert!(
        rows(&h.render())[0].starts_with('┏'),
        "focused sidebar has the thick border: {s}"
    );
    h.act(Input::Action(Action::Down));
    h.act(Input::Action(Action::Down));
    h.act(Input::Action(Action::Confirm));
    assert_eq!(h.state.reader.doc, 2);
    assert_eq!(h.state.focus, Pane::Document);
    // The sidebar hides and comes back.
    h.act(Input::Action(Action::ToggleSidebar));
    assert!(!screen(&h.render()).contains("Documents (5)"));
    h.act(Input::Action(Action::ToggleSidebar));
    assert!(screen(&h.render()).contains("Documents (5)"));
}

#[test]
fn mouse_wheel_scrolls_and_click_focuses() {
    let mut h = Harness::seeds(80, 24);
    h.act(Input::Action(Action::NextDocument));
    let before = screen(&h.render());
    h.act(Input::Wheel {
        x: 50,
        y: 10,
        down: true,
    });
    assert_ne!(before, screen(&h.render()));
    // Row 0 is the border, 1 the tabs, 2 the hint line; documents from row 3.
    h.act(Input::Click { x: 5, y: 6 });
    assert_eq!(h.state.focus, Pane::Sidebar);
    assert_eq!(h.state.reader.doc, 3, "clicking a row opens it");
}

#[test]
fn theme_cycles_and_no_color_strips_colours() {
    let mut h = Harness::seeds(80, 24);
    let first = h.render();
    h.act(Input::Action(Action::NextTheme));
    assert_ne!(first, h.render(), "another theme draws differently");
    let (themes, _) = crossread::ui::theme::theme_set(None, true);
    h.themes = themes;
    for t in 0..h.themes.len() {
        h.state.theme = t;
        let buf = h.render();
        for c in buf.content() {
            assert!(
                matches!(c.fg, ratatui::style::Color::Reset),
                "colour under NO_COLOR"
            );
            assert!(
                matches!(c.bg, ratatui::style::Color::Reset),
                "colour under NO_COLOR"
            );
        }
    }
}

#[test]
fn escape_sequences_in_articles_are_shown_not_sent() {
    let dir = std::env::temp_dir().join(format!("crossread-esc-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("evil.txt"),
        "Evil\n\nclear \x1b[2J screen and bell \x07 done\n\nhid\u{200B}den \u{FEFF}mark line\u{2028}break tag\u{E0041}s\n",
    )
    .unwrap();
    let h = Harness::new(std::slice::from_ref(&dir), 80, 24);
    let s = screen(&h.render());
    assert!(s.contains("clear ^[[2J screen and bell ^G done"), "{s}");
    assert!(
        s.contains("hid<U+200B>den <U+FEFF>mark line<U+2028>break"),
        "{s}"
    );
    assert!(s.contains("tag<U+E0041>s"), "{s}");
    assert!(!s.chars().any(|c| c.is_control() && c != '\n'));
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn a_message_survives_the_analysis_arriving() {
    let mut h = Harness::seeds(80, 24);
    h.state.message = Some("theme x.toml:2: bad colour".into());
    h.index = Some(crossread::index::Index::build(&h.docs, &Default::default()));
    h.act(Input::Analysed);
    h.act(Input::Resize {
        width: 90,
        height: 30,
    });
    assert!(screen(&h.render()).contains("x.toml:2"));
    h.act(Input::Action(Action::Down));
    assert!(
        !screen(&h.render()).contains("x.toml:2"),
        "a key press dismisses it"
    );
}

/// The reader shows the first document before the other files are read;
/// when they arrive the same document stays in view, every document can be
/// reached, and a message shown meanwhile stays.
#[test]
fn the_first_document_shows_alone_then_the_rest_join() {
    let mut h = Harness::seeds(100, 30);
    let all = std::mem::take(&mut h.docs);
    h.docs = vec![all[0].clone()];
    h.state = crossread::app::AppState::new(
        1,
        0,
        h.themes.len(),
        ratatui::layout::Rect::new(0, 0, 100, 30),
    );
    let s = screen(&h.render());
    assert!(s.contains("1/1"), "{s}");
    assert!(s.contains(&all[0].title), "{s}");
    h.act(Input::Action(Action::NextDocument));
    assert_eq!(h.state.doc(), 0, "no other document yet");
    h.state.message = Some("keymap k.toml:3: bad key".into());
    h.docs = all;
    h.act(Input::Loaded);
    let s = screen(&h.render());
    assert!(s.contains("k.toml:3"), "the message stays: {s}");
    assert!(s.contains("1/5"), "{s}");
    for want in 1..5 {
        h.act(Input::Action(Action::NextDocument));
        assert_eq!(h.state.doc(), want);
    }
    let s = screen(&h.render());
    assert!(s.contains("5/5"), "{s}");
    // A document that joined later scrolls and keeps its place.
    h.act(Input::Action(Action::PageDown));
    assert!(h.state.reader.anchor_of(4) > 0, "the last document scrolls");
}
