//! Pins in the reader, driven by keys and drawn into a TestBackend at
//! 80×24 and 200×60: `p` with a note typed at once (Enter keeps it, Esc
//! pins without one), the pins list (`P`): go there as a jump, reorder,
//! edit the note, delete and undo, write the briefing to a file (never
//! replacing one unasked); what the pins store reports reaches the user.

mod common;
use common::*;
use crossread::app::Overlay;
use crossread::pins::{PinKind, PinStore};
use std::path::{Path, PathBuf};

/// A temporary folder removed when dropped.
struct Tmp(PathBuf);
impl Tmp {
    fn new(tag: &str) -> Tmp {
        let p = std::env::temp_dir().join(format!(
            "crossread-render-pins-{tag}-{}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).unwrap();
        Tmp(p)
    }
    fn path(&self) -> &Path {
        &self.0
    }
}
impl Drop for Tmp {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The analysed seeds with pins kept in `data`.
fn with_store(w: u16, hh: u16, data: &Path) -> Harness {
    let mut h = Harness::analysed(w, hh);
    h.state.attach_pins(PinStore::open_in(data, &[seeds()]));
    h
}

fn last_row(h: &Harness) -> String {
    rows(&h.render()).pop().unwrap()
}

#[test]
fn p_pins_the_current_claim_with_a_note_typed_at_once_at_80x24_and_200x60() {
    for (w, hh) in [(80, 24), (200, 60)] {
        let mut h = Harness::analysed(w, hh);
        h.keys(&["]", "}"]);
        let claim = h.state.reader.claim.expect("a current claim");
        h.keys(&["p"]);
        assert_eq!(h.state.overlays.top(), Some(&Overlay::PinPrompt));
        let bottom = last_row(&h);
        assert!(bottom.starts_with("note: "), "{w}x{hh}: {bottom}");
        if w >= 200 {
            assert!(
                bottom.contains("pinning claim “President Donald Trump will hold"),
                "{bottom}"
            );
            assert!(bottom.contains("Enter keep · Esc no note"), "{bottom}");
        }
        // Typing goes into the note; keys such as q, j, P are letters here.
        h.type_text("ask Pj q about it");
        assert!(!h.state.quit);
        let bottom = last_row(&h);
        assert!(bottom.starts_with("note: ask Pj q about it"), "{bottom}");
        h.keys(&["<Enter>"]);
        assert!(h.state.overlays.is_empty());
        let pins = h.state.pins.pins();
        assert_eq!(pins.len(), 1);
        assert_eq!(pins[0].kind, PinKind::Claim);
        assert_eq!(pins[0].note, "ask Pj q about it");
        let text = &h.index().claims[claim];
        assert_eq!(
            pins[0].anchor.as_ref().unwrap().text,
            h.docs[text.doc].text[text.range.clone()]
        );
        let s = screen(&h.render());
        assert!(s.contains("pinned claim “President Donald Trump"), "{s}");
        // Esc pins without a note (and never quits).
        h.keys(&["}", "p", "<Esc>"]);
        assert!(h.state.overlays.is_empty());
        assert!(!h.state.quit);
        assert_eq!(h.state.pins.pins().len(), 2);
        assert_eq!(h.state.pins.pins()[1].note, "");
    }
}

#[test]
fn p_pins_events_entities_and_search_hits_too() {
    let mut h = Harness::analysed(120, 40);
    // An event of the timeline.
    h.keys(&["<Tab>", "l", "p", "<Enter>"]);
    assert_eq!(h.state.pins.pins()[0].kind, PinKind::Event);
    assert!(h.state.pins.pins()[0].date.is_some());
    // A search hit, from the hits list.
    h.keys(&["<S-Tab>", "/"]);
    h.type_text("sanctions relief");
    h.keys(&["<Tab>", "g", "j", "p"]);
    assert_eq!(
        h.state.overlays.top(),
        Some(&Overlay::PinPrompt),
        "{}",
        screen(&h.render())
    );
    h.type_text("hit note");
    h.keys(&["<Enter>"]);
    let p = &h.state.pins.pins()[1];
    assert_eq!(p.kind, PinKind::SearchHit);
    assert_eq!(p.query.as_deref(), Some("sanctions relief"));
    assert_eq!(p.anchor.as_ref().unwrap().text, "sanctions relief");
    // The hits list stays open under the prompt, and closes with Esc.
    assert!(matches!(h.state.overlays.top(), Some(Overlay::Hits { .. })));
    h.keys(&["<Esc>"]);
    // An entity, from its card.
    h.keys(&["<Ctrl-p>"]);
    h.type_text("biegun");
    h.keys(&["<Enter>"]);
    assert_eq!(h.state.overlays.top(), Some(&Overlay::Card));
    h.keys(&["g", "k", "p", "<Esc>"]);
    let kinds: Vec<PinKind> = h.state.pins.pins().iter().map(|p| p.kind).collect();
    assert_eq!(kinds.len(), 3, "{kinds:?}");
    // The card's first row leads to a source: the card's entity is pinned.
    assert_eq!(kinds[2], PinKind::Entity);
    assert_eq!(
        h.state.pins.pins()[2].entity.as_deref(),
        Some("Stephen Biegun")
    );
    // Nothing to pin: said so.
    let mut h = Harness::analysed(120, 40);
    h.keys(&["p"]);
    assert!(h.state.overlays.is_empty());
    assert!(screen(&h.render()).contains("nothing to pin"));
}

#[test]
fn the_pins_list_at_80x24_and_200x60() {
    for (w, hh) in [(80, 24), (200, 60)] {
        let data = Tmp::new(&format!("list{w}"));
        let mut h = with_store(w, hh, data.path());
        h.keys(&["P"]);
        let s = screen(&h.render());
        assert!(
            s.contains("Pins (0)") && s.contains("Nothing is pinned yet"),
            "{s}"
        );
        h.keys(&["<Esc>"]);
        h.keys(&["]", "}", "p"]);
        h.type_text("first note \x1b[31m");
        h.keys(&["<Enter>", "}", "p", "<Enter>", "}", "p"]);
        h.type_text("third");
        h.keys(&["<Enter>", "P"]);
        assert_eq!(h.state.overlays.top(), Some(&Overlay::Pins));
        let buf = h.render();
        let s = screen(&buf);
        assert!(s.contains("Pins (3)"), "{w}x{hh}:\n{s}");
        assert!(
            s.contains(" 1 claim  President Donald Trump will hold"),
            "{s}"
        );
        // The note under its pin, its escape shown, never sent.
        assert!(s.contains("✎ first note ^[[31m"), "{s}");
        assert!(s.contains("✎ third"), "{s}");
        // The selected pin's source below, and where the pins are saved.
        assert!(s.contains("001_9c9336045da5c779"), "{s}");
        assert!(s.contains("saved in"), "{s}");
        // The last pin added is selected.
        assert_eq!(h.state.pins.selected, 2);
        let (x, y) = find(&buf, " 3 claim").unwrap();
        let theme = &h.themes[h.state.theme];
        let cell = &buf[(x + 3, y)];
        let selection = theme.get("ui.selection");
        assert!(
            cell.modifier.contains(selection.add_modifier),
            "the selected row is marked: {cell:?} {selection:?}"
        );
        // The file holds the three pins with their notes.
        let file = h.state.pins.store.path().unwrap().to_path_buf();
        let saved = std::fs::read_to_string(&file).unwrap();
        assert!(saved.contains("\"note\": \"third\""), "{saved}");
    }
}

#[test]
fn reorder_edit_delete_undo_and_go_there() {
    let data = Tmp::new("edit");
    let mut h = with_store(120, 40, data.path());
    h.keys(&["]", "}", "p", "<Enter>", "}", "p", "<Enter>"]);
    let ids: Vec<String> = h.state.pins.pins().iter().map(|p| p.id.clone()).collect();
    h.keys(&["P", "g"]);
    // Move the first pin down: the order is saved.
    h.keys(&["J"]);
    let now: Vec<String> = h.state.pins.pins().iter().map(|p| p.id.clone()).collect();
    assert_eq!(now, vec![ids[1].clone(), ids[0].clone()]);
    assert_eq!(h.state.pins.selected, 1, "the selection follows the pin");
    let reread = PinStore::open_in(data.path(), &[seeds()]);
    let on_disk: Vec<String> = reread.pins().iter().map(|p| p.id.clone()).collect();
    assert_eq!(on_disk, now);
    h.keys(&["K"]);
    assert_eq!(h.state.pins.pins()[0].id, ids[0]);
    // Edit the note: the old one is there to change; Esc cancels.
    h.keys(&["e"]);
    assert!(last_row(&h).starts_with("note: "));
    h.type_text("checked");
    h.keys(&["<Esc>"]);
    assert_eq!(h.state.pins.pins()[0].note, "");
    assert_eq!(h.state.overlays.top(), Some(&Overlay::Pins));
    h.keys(&["e"]);
    h.type_text("checked");
    h.keys(&["<Enter>"]);
    assert_eq!(h.state.pins.pins()[0].note, "checked");
    assert!(screen(&h.render()).contains("✎ checked"));
    // Delete, then undo.
    h.keys(&["d"]);
    assert_eq!(h.state.pins.pins().len(), 1);
    assert!(screen(&h.render()).contains("u undoes"));
    h.keys(&["u"]);
    assert_eq!(h.state.pins.pins().len(), 2);
    assert_eq!(h.state.pins.pins()[0].id, ids[0]);
    // Enter goes to the pin, as a jump Ctrl-o comes back from.
    h.keys(&["<Esc>", "[", "["]);
    let before = h.state.here();
    h.keys(&["P", "j", "<Enter>"]);
    assert!(h.state.overlays.is_empty());
    assert_eq!(h.state.reader.doc, 1);
    let c = h.state.reader.claim.expect("the pinned claim is current");
    assert_eq!(
        h.docs[1].text[h.index().claims[c].range.clone()],
        h.state.pins.pins()[1].anchor.as_ref().unwrap().text
    );
    h.keys(&["<Ctrl-o>"]);
    assert_eq!(h.state.here(), before);
    // Esc in the list never quits.
    h.keys(&["P", "<Esc>", "<Esc>", "<Esc>"]);
    assert!(!h.state.quit);
}

#[test]
fn the_briefing_is_written_to_a_file_never_replacing_one_unasked() {
    let data = Tmp::new("brief");
    let out = data.path().join("brief.md");
    let mut h = with_store(80, 24, data.path());
    h.keys(&["]", "}", "p"]);
    h.type_text("the key claim");
    h.keys(&["<Enter>", "}", "p", "<Enter>", "}", "p", "<Enter>"]);
    h.keys(&["P", "w"]);
    let bottom = last_row(&h);
    assert!(
        bottom.starts_with("write briefing to: briefing-"),
        "{bottom}"
    );
    h.keys(&["<Ctrl-u>"]);
    h.type_text(&out.display().to_string());
    h.keys(&["<Enter>"]);
    let written = std::fs::read_to_string(&out).expect("the briefing is written");
    assert!(
        written.contains("# crossread briefing: pinned items"),
        "{written}"
    );
    assert!(written.contains("3 items are pinned"), "{written}");
    assert!(written.contains("Note: the key claim"), "{written}");
    assert!(
        written.contains("President Donald Trump will hold a second summit"),
        "{written}"
    );
    // The path is shown.
    let s = screen(&h.render());
    assert!(s.contains("briefing written to"), "{s}");
    assert_eq!(h.state.overlays.top(), Some(&Overlay::Pins));
    // Again to the same file: asked first; n keeps it.
    std::fs::write(&out, "keep me").unwrap();
    h.keys(&["w", "<Ctrl-u>"]);
    h.type_text(&out.display().to_string());
    h.keys(&["<Enter>"]);
    let bottom = last_row(&h);
    assert!(bottom.contains("exists. Replace it?"), "{bottom}");
    h.keys(&["n"]);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me");
    assert!(last_row(&h).starts_with("write briefing to: "));
    // y replaces it.
    h.keys(&["<Enter>", "y"]);
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("Note: the key claim")
    );
    assert!(!h.state.quit);
}

#[test]
fn the_prompt_and_list_at_200x60_show_the_whole_pin() {
    let data = Tmp::new("wide");
    let mut h = with_store(200, 60, data.path());
    h.keys(&["<Tab>", "l", "p"]);
    h.type_text("when exactly?");
    h.keys(&["<Enter>", "P"]);
    let s = screen(&h.render());
    assert!(s.contains(" 1 event"), "{s}");
    assert!(s.contains("✎ when exactly?"), "{s}");
    // The event's date and its sentence.
    let p = &h.state.pins.pins()[0];
    assert!(s.contains(p.date.as_deref().unwrap()), "{s}");
}

#[test]
fn a_corrupt_pins_file_is_reported_and_pins_are_found_again_after_an_edit() {
    let data = Tmp::new("corrupt");
    // A corpus of our own, so the pins file can be spoiled and the text
    // edited.
    let corpus = data.path().join("news");
    std::fs::create_dir_all(&corpus).unwrap();
    let a = corpus.join("a.txt");
    std::fs::write(
        &a,
        "Ferry talks\n\nThe harbour board said on Monday that the ferry will run every day from June 3, 2024.\n\nThe mayor agreed.\n",
    )
    .unwrap();
    std::fs::write(
        corpus.join("b.txt"),
        "Ferry news\n\nThe harbour board said the ferry will run every day from June 3, 2024.\n",
    )
    .unwrap();
    let open = |data: &Path| {
        let mut h = Harness::new(std::slice::from_ref(&corpus), 120, 40);
        h.state
            .attach_pins(PinStore::open_in(data, std::slice::from_ref(&corpus)));
        h.index = Some(crossread::index::Index::build(&h.docs, &Default::default()));
        h.act(crossread::app::Input::Analysed);
        h
    };
    let mut h = open(data.path());
    h.keys(&["}", "p"]);
    h.type_text("check");
    h.keys(&["<Enter>"]);
    assert_eq!(h.state.pins.pins().len(), 1);
    let file = h.state.pins.store.path().unwrap().to_path_buf();
    // The file is edited above the claim: the pin is found again.
    std::fs::write(
        &a,
        "Ferry talks\n\nA new first paragraph.\n\nThe harbour board said on Monday that the ferry will run every day from June 3, 2024.\n\nThe mayor agreed.\n",
    )
    .unwrap();
    let mut h = open(data.path());
    h.keys(&["P", "<Enter>"]);
    let c = h.state.reader.claim.expect("found again");
    assert!(h.docs[0].text[h.index().claims[c].range.clone()].contains("ferry will run"));
    // The text gone: shown as lost, kept.
    std::fs::write(&a, "Ferry talks\n\nThe mayor agreed.\n").unwrap();
    let mut h = open(data.path());
    assert!(screen(&h.render()).contains("can no longer be found"));
    h.keys(&["P"]);
    let s = screen(&h.render());
    assert!(s.contains("LOST"), "{s}");
    assert_eq!(h.state.pins.pins().len(), 1);
    // A corrupt file: reported in the status bar and the load log.
    std::fs::write(&file, "{ not json").unwrap();
    let mut h = open(data.path());
    let s = screen(&h.render());
    assert!(s.contains("is not valid"), "{s}");
    h.keys(&["!"]);
    let s = screen(&h.render());
    assert!(s.contains("pins file"), "{s}");
    assert!(s.contains("it was moved to"), "{s}");
    let aside = std::fs::read_dir(file.parent().unwrap())
        .unwrap()
        .filter_map(|e| e.ok())
        .any(|e| e.file_name().to_string_lossy().contains(".corrupt-"));
    assert!(aside, "the corrupt file is kept aside");
}

#[test]
fn every_pin_key_is_in_the_help() {
    let mut h = Harness::analysed(120, 40);
    h.keys(&["?"]);
    let mut seen = String::new();
    for _ in 0..12 {
        seen.push_str(&screen(&h.render()));
        h.keys(&["<PgDn>"]);
    }
    for want in [
        "pin the current claim",
        "In the pins list (P)",
        "write the briefing of the pins",
        "move the pin up",
        "delete the pin (u undoes)",
        "Typing a pin's note",
        "yes: replace the file",
    ] {
        assert!(seen.contains(want), "help lacks {want:?}");
    }
}
