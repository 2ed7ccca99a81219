//! Render and state tests of the reader's keys on small and normal
//! terminals (issue 10, items 8-12): the timeline strip (compact, hidden,
//! to scale, background folded, a stacked column listed), focus, paging
//! keys, the sidebar as an overlay, shortened hints, the unbound-key hint,
//! the theme's name, mouse clicks, and copying a claim with its citation.

mod common;
use base64::Engine;
use common::*;
use crossread::app::timeline::{axis, is_background, visible_events};
use crossread::app::{Action, Input, Overlay, Pane};
use crossread::ui::fit_hint;

fn act(h: &mut Harness, actions: &[Action]) {
    for a in actions {
        h.act(Input::Action(*a));
    }
}

fn status(h: &Harness) -> String {
    rows(&h.render()).last().cloned().unwrap_or_default()
}

/// The width of the timeline's inside, as the reader lays it out.
fn strip_width(h: &Harness) -> u16 {
    crossread::app::layout::timeline_inner(h.state.panes().timeline.expect("timeline shown")).width
}

/// The row index of the full strip's title, and the axis row below it.
fn strip_rows(h: &Harness) -> (Vec<String>, usize) {
    let rows = rows(&h.render());
    let tl = rows
        .iter()
        .position(|r| r.contains("Timeline ("))
        .expect("timeline title");
    (rows, tl)
}

#[test]
fn the_timeline_takes_three_rows_at_80x24_and_hides_with_its_key() {
    let mut h = Harness::analysed(80, 24);
    let t = h.state.panes().timeline.expect("a strip at 80×24");
    assert!(t.height <= 3, "{t:?}");
    let rows = rows(&h.render());
    // Rule with the axis labels, markers, then the hint with the counts,
    // just above the status bar.
    assert!(rows[20].starts_with("1945"), "{}", rows[20]);
    assert!(rows[21].contains('▲'), "{}", rows[21]);
    assert!(
        rows[22].starts_with("Timeline (31 dated events, 1 of unknown date)"),
        "{}",
        rows[22]
    );
    let doc_before = h.state.panes().document.height;
    h.keys(&["T"]);
    assert!(h.state.panes().timeline.is_none());
    assert_eq!(h.state.panes().document.height, doc_before + 3);
    let s = screen(&h.render());
    assert!(!s.contains("Timeline ("), "{s}");
    assert!(status(&h).contains("timeline hidden · T shows it"));
    h.keys(&["T"]);
    assert!(screen(&h.render()).contains("Timeline ("));
    // A taller terminal keeps the bordered strip.
    h.act(Input::Resize {
        width: 120,
        height: 40,
    });
    assert_eq!(h.state.panes().timeline.unwrap().height, 7);
    let (rows, tl) = strip_rows(&h);
    assert!(rows[tl].contains("┌ Timeline ("), "{}", rows[tl]);
}

#[test]
fn the_scale_key_changes_the_axis_and_marks_gaps() {
    let mut h = Harness::analysed(120, 40);
    let (even, tl) = strip_rows(&h);
    assert!(!even[tl + 2].contains('≈'));
    h.keys(&["a"]);
    let (scaled, tl2) = strip_rows(&h);
    assert_eq!(tl, tl2);
    assert!(scaled[tl].contains("· to scale"), "{}", scaled[tl]);
    assert_ne!(even[tl + 1], scaled[tl + 1], "the axis labels move");
    // The seeds reach back to 1945: the long gaps are broken and marked.
    assert!(scaled[tl + 2].contains('≈'), "{}", scaled[tl + 2]);
    // To scale, the 1945 label sits at the left edge and the last dated
    // label is far right of where the evenly spaced axis puts it.
    let label_x = |row: &str, l: &str| row.find(l).map(|i| row[..i].chars().count());
    assert_eq!(label_x(&scaled[tl + 1], "│1945"), Some(0));
    let ax = axis(h.index(), strip_width(&h), &h.state.timeline);
    assert!(ax.columns.iter().any(|c| c.gap_before));
    h.keys(&["a"]);
    let (back, _) = strip_rows(&h);
    assert_eq!(back[tl + 1], even[tl + 1]);
}

#[test]
fn background_dates_fold_away() {
    let mut h = Harness::analysed(120, 40);
    let ix = h.index();
    let all = ix.timeline.len();
    let bg = (0..all).filter(|&p| is_background(ix, p)).count();
    assert!(bg > 0 && bg < all, "the seeds have background dates: {bg}");
    let (rows, tl) = strip_rows(&h);
    assert!(rows[tl + 1].contains("1945"));
    h.keys(&["B"]);
    let (rows, tl) = strip_rows(&h);
    assert!(
        rows[tl].contains(&format!("{bg} background folded")),
        "{}",
        rows[tl]
    );
    assert!(!rows[tl + 1].contains("1945"), "{}", rows[tl + 1]);
    assert_eq!(visible_events(h.index(), &h.state.timeline).len(), all - bg);
    // Stepping never lands on a folded date.
    h.state.focus = Pane::Timeline;
    for _ in 0..all {
        h.keys(&["l"]);
        let e = h.state.timeline.event.unwrap();
        assert!(!is_background(h.index(), e));
    }
    h.keys(&["B"]);
    let (rows, tl) = strip_rows(&h);
    assert!(rows[tl + 1].contains("1945"));
}

#[test]
fn enter_on_a_stacked_column_lists_its_events_and_goes_to_one() {
    let mut h = Harness::analysed(120, 40);
    h.state.focus = Pane::Timeline;
    let width = strip_width(&h);
    // Walk right until the selected event's column holds several events.
    let mut column = Vec::new();
    for _ in 0..h.index().timeline.len() {
        h.keys(&["l"]);
        let e = h.state.timeline.event.unwrap();
        let ax = axis(h.index(), width, &h.state.timeline);
        let c = ax.column_of(e).unwrap();
        if c.events.len() > 1 {
            column = c.events.clone();
            break;
        }
    }
    assert!(
        column.len() > 1,
        "the seeds have a date several articles share"
    );
    let before = h.state.here();
    h.keys(&["<Enter>"]);
    assert!(matches!(
        h.state.overlays.top(),
        Some(Overlay::Events { .. })
    ));
    assert_eq!(h.state.timeline.listed, column);
    let s = screen(&h.render());
    assert!(
        s.contains(&format!("{} events in this column", column.len())),
        "{s}"
    );
    for &p in &column {
        let ev = &h.index().events[h.index().timeline[p]];
        let words = h.docs[ev.doc].text[ev.range.clone()].trim().to_string();
        assert!(s.contains(&words), "{words} listed: {s}");
    }
    // The last row, then Enter: its sentence, recorded as a jump.
    h.keys(&["G", "<Enter>"]);
    assert!(h.state.overlays.is_empty());
    let last = *column.last().unwrap();
    assert_eq!(h.state.timeline.event, Some(last));
    let ev = h.index().events[h.index().timeline[last]].clone();
    assert_eq!(h.state.doc(), ev.doc);
    assert_ne!(h.state.here(), before);
    h.keys(&["<Ctrl-o>"]);
    assert_eq!(h.state.here(), before, "Ctrl-o comes back");
}

#[test]
fn h_l_and_enter_in_the_document_leave_the_timeline_alone() {
    let mut h = Harness::analysed(120, 40);
    h.state.focus = Pane::Timeline;
    // Select an event of another document than the one shown.
    let ix = h.index();
    let other = (0..ix.timeline.len())
        .find(|&p| ix.events[ix.timeline[p]].doc != 0)
        .unwrap();
    for _ in 0..=other {
        h.keys(&["l"]);
    }
    let sel = h.state.timeline.event;
    assert_eq!(sel, Some(other));
    h.state.focus = Pane::Document;
    let here = h.state.here();
    h.keys(&["l", "h"]);
    assert_eq!(h.state.timeline.event, sel);
    assert!(status(&h).contains("Tab to it first"), "{}", status(&h));
    h.keys(&["<Enter>"]);
    assert_eq!(h.state.timeline.event, sel);
    assert_eq!(h.state.doc(), here.doc, "Enter did not go to the event");
    assert!(!matches!(
        h.state.overlays.top(),
        Some(Overlay::Events { .. })
    ));
    // With the strip focused, the same keys act on it.
    h.state.overlays.clear();
    h.state.focus = Pane::Timeline;
    h.keys(&["l"]);
    assert_ne!(h.state.timeline.event, sel);
}

/// Choose `name` in the sidebar: filter, then Enter on the first row.
fn choose_in_sidebar(h: &mut Harness, name: &str) {
    h.state.focus = Pane::Sidebar;
    h.keys(&["/"]);
    h.type_text(name);
    h.keys(&["<Enter>", "<Enter>"]);
}

#[test]
fn choosing_an_entity_focuses_the_text_and_n_says_when_it_wraps() {
    let mut h = Harness::analysed(120, 40);
    choose_in_sidebar(&mut h, "Biegun");
    assert_eq!(h.state.focus, Pane::Document);
    let e = h.state.chosen_entity().expect("chosen");
    let total = h.index().entities[e].mentions.len();
    assert!(total > 1);
    // j scrolls the text now, not the list.
    let doc = h.state.doc();
    let anchor = h.state.reader.anchor_of(doc);
    let row = h.state.sidebar.entity_selected;
    h.keys(&["j", "j", "j"]);
    assert_eq!(h.state.sidebar.entity_selected, row);
    assert!(h.state.reader.anchor_of(doc) > anchor, "the text scrolled");
    // Walk every mention: the last step wraps and says so.
    let at = h.state.chosen.unwrap().mention.unwrap();
    for _ in 0..(total - 1 - at) {
        h.keys(&["n"]);
        assert!(!status(&h).contains("past the last mention"));
    }
    h.keys(&["n"]);
    assert_eq!(h.state.chosen.unwrap().mention, Some(0));
    assert!(
        status(&h).contains("past the last mention: back to the first"),
        "{}",
        status(&h)
    );
    h.keys(&["N"]);
    assert!(status(&h).contains("before the first mention"));
}

#[test]
fn paging_keys_work_as_in_less_and_vim() {
    let mut h = Harness::analysed(80, 24);
    act(&mut h, &[Action::NextDocument]); // a long article
    let doc = h.state.doc();
    let at = |h: &Harness| h.state.reader.anchor_of(doc);
    assert_eq!(at(&h), 0);
    h.keys(&["f"]);
    let page = at(&h);
    assert!(page > 0);
    h.keys(&["b"]);
    assert_eq!(at(&h), 0);
    for k in ["<Space>", "<Ctrl-f>", "<PgDn>"] {
        h.keys(&[k]);
        assert_eq!(at(&h), page, "{k}");
        h.keys(&["<Ctrl-b>"]);
        assert_eq!(at(&h), 0, "{k} then Ctrl-b");
    }
    h.keys(&["d"]);
    let half = at(&h);
    assert!(half > 0 && half < page, "{half} < {page}");
    h.keys(&["u"]);
    assert_eq!(at(&h), 0);
    h.keys(&["G"]);
    let end = at(&h);
    assert!(end > page);
    h.keys(&["g"]);
    assert_eq!(at(&h), 0);
    h.keys(&["<End>"]);
    assert_eq!(at(&h), end);
    h.keys(&["<Home>"]);
    assert_eq!(at(&h), 0);
    // In the help: G to the bottom, g to the top, f a page.
    h.keys(&["?"]);
    let scroll = |h: &Harness| match h.state.overlays.top() {
        Some(Overlay::Help { scroll }) => *scroll,
        o => panic!("{o:?}"),
    };
    h.keys(&["G"]);
    let bottom = scroll(&h);
    assert!(bottom > 0);
    h.keys(&["g"]);
    assert_eq!(scroll(&h), 0);
    h.keys(&["f"]);
    assert!(scroll(&h) > 1);
    h.keys(&["<Esc>"]);
    // In a list (the compare picker): G and g go to either end.
    h.keys(&["C"]);
    h.keys(&["G"]);
    assert_eq!(
        h.state.overlays.top(),
        Some(&Overlay::Picker {
            selected: h.docs.len() - 1
        })
    );
    h.keys(&["<Home>"]);
    assert_eq!(
        h.state.overlays.top(),
        Some(&Overlay::Picker { selected: 0 })
    );
}

#[test]
fn the_old_clashing_keys_moved_and_are_in_the_help() {
    let mut h = Harness::analysed(120, 40);
    // b pages now; S hides the sidebar; ! opens the log.
    h.keys(&["S"]);
    assert!(!h.state.sidebar.visible);
    h.keys(&["S"]);
    assert!(h.state.sidebar.visible);
    h.keys(&["!"]);
    assert!(matches!(h.state.overlays.top(), Some(Overlay::Log { .. })));
    h.keys(&["<Esc>"]);
    use crossread::app::keymap::{Context, parse_key};
    use crossread::ui::help::HelpLine;
    let help = crossread::ui::help::lines(&h.keymap);
    for (k, a) in [
        ("b", Action::PageUp),
        ("<Ctrl-b>", Action::PageUp),
        ("f", Action::PageDown),
        ("<Ctrl-f>", Action::PageDown),
        ("d", Action::HalfPageDown),
        ("u", Action::HalfPageUp),
        ("S", Action::ToggleSidebar),
        ("!", Action::ShowLog),
        ("T", Action::ToggleTimeline),
        ("a", Action::TimelineScale),
        ("B", Action::FoldBackground),
        ("y", Action::Copy),
        ("M", Action::ToggleMouse),
    ] {
        assert_eq!(
            h.keymap.lookup(Context::Global, parse_key(k).unwrap()),
            Some(a),
            "{k}"
        );
        let b = h
            .keymap
            .bindings
            .iter()
            .find(|b| b.context == Context::Global && b.action == a)
            .unwrap();
        assert!(
            help.iter()
                .any(|l| matches!(l, HelpLine::Key(_, d) if *d == b.description)),
            "{k} in the help"
        );
    }
}

#[test]
fn below_70_columns_the_sidebar_key_shows_it_over_the_text() {
    let mut h = Harness::analysed(60, 24);
    assert!(h.state.panes().sidebar.is_none());
    assert!(!screen(&h.render()).contains("Entities (71)"));
    h.keys(&["S"]);
    assert_eq!(h.state.focus, Pane::Sidebar);
    let p = h.state.panes();
    assert!(p.sidebar_floats);
    let s = screen(&h.render());
    assert!(s.contains("Entities (71)"), "{s}");
    // The text goes on beside it: the document keeps its full width.
    assert_eq!(p.document.width, 60);
    // j moves in the list; Esc puts it away.
    h.keys(&["j"]);
    assert_eq!(h.state.sidebar.entity_selected, 1);
    h.keys(&["<Esc>"]);
    assert!(h.state.panes().sidebar.is_none());
    assert_eq!(h.state.focus, Pane::Document);
    assert!(!screen(&h.render()).contains("Entities (71)"));
    // Choosing an entity from it closes it and focuses the text.
    h.keys(&["S", "j", "<Enter>"]);
    assert!(h.state.panes().sidebar.is_none());
    assert_eq!(h.state.focus, Pane::Document);
    assert!(h.state.chosen_entity().is_some());
}

#[test]
fn hints_shorten_at_word_boundaries() {
    assert_eq!(
        fit_hint("by mentions · / filter · s sort", 22),
        "by mentions · / filter"
    );
    assert_eq!(
        fit_hint("by mentions · / filter · s sort", 21),
        "by mentions"
    );
    assert_eq!(fit_hint("alpha beta gamma", 12), "alpha beta…");
    assert_eq!(fit_hint("short", 12), "short");
    let h = Harness::analysed(80, 24);
    let s = screen(&h.render());
    assert!(s.contains("by mentions · / filter│"), "{s}");
    assert!(!s.contains("filte…"), "{s}");
    // The compact strip's hint keeps whole parts.
    let rows = rows(&h.render());
    let hint = rows[22].trim_end();
    assert!(
        hint.ends_with("unknown date)") || hint.ends_with("select") || hint.ends_with("goes"),
        "{hint}"
    );
}

#[test]
fn an_unbound_key_says_so_and_t_names_the_theme() {
    let mut h = Harness::analysed(80, 24);
    h.keys(&["Z"]);
    assert!(
        status(&h).starts_with(" Z: no action here · ? help"),
        "{}",
        status(&h)
    );
    h.keys(&["<F9>"]);
    assert!(status(&h).contains("<F9>: no action here"));
    // In a text field, letters are typed, not reported.
    h.keys(&["/", "Z"]);
    assert!(!status(&h).contains("no action"));
    h.keys(&["<Esc>"]);
    h.state.theme_names = h.themes.iter().map(|t| t.name.clone()).collect();
    h.keys(&["t"]);
    let name = h.themes[h.state.theme].name.clone();
    assert!(
        status(&h).contains(&format!("theme: {name} · t for the next")),
        "{}",
        status(&h)
    );
    h.keys(&["t"]);
    let next = h.themes[h.state.theme].name.clone();
    assert_ne!(next, name);
    assert!(status(&h).contains(&format!("theme: {next}")));
}

#[test]
fn a_click_selects_the_claim_under_it_and_the_row_of_a_list() {
    let mut h = Harness::analysed(120, 40);
    // A claim that starts on screen: click in its middle.
    let ix = h.index();
    let buf = h.render();
    let claim = ix
        .doc_claims(0)
        .iter()
        .find_map(|c| {
            let text = &h.docs[0].text[c.range.clone()];
            let words: String = text
                .split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ");
            find(&buf, &words).map(|at| (c.id, at))
        })
        .expect("a claim on screen");
    let (id, (x, y)) = claim;
    assert_ne!(h.state.claim(), Some(id));
    h.act(Input::Click { x: x + 2, y });
    assert_eq!(h.state.claim(), Some(id));
    assert_eq!(h.state.focus, Pane::Document);
    // A click on a row of the compare picker selects it.
    h.keys(&["C"]);
    let popup = crossread::app::layout::picker_popup(h.state.size, h.docs.len());
    let y = popup.y + 1 + 3;
    let row = rows(&h.render())[y as usize].clone();
    let name: String = crossread::label::label(&h.docs, h.index.as_ref(), 3)
        .chars()
        .take(20)
        .collect();
    assert!(row.contains(&name), "{row}");
    h.act(Input::Click { x: popup.x + 4, y });
    assert_eq!(
        h.state.overlays.top(),
        Some(&Overlay::Picker { selected: 3 })
    );
    h.keys(&["<Esc>"]);
    // M turns mouse capture off and on.
    assert!(h.state.mouse);
    h.keys(&["M"]);
    assert!(!h.state.mouse);
    assert!(status(&h).contains("mouse off: select text with the terminal"));
    h.keys(&["M"]);
    assert!(h.state.mouse);
}

#[test]
fn y_copies_the_claim_with_its_citation_through_osc52() {
    let mut h = Harness::analysed(120, 40);
    h.keys(&["y"]);
    assert!(h.state.clipboard.is_none());
    assert!(status(&h).contains("no claim selected"));
    h.keys(&["}"]);
    let c = h.state.claim().expect("a claim");
    h.keys(&["y"]);
    let seq = h.state.clipboard.clone().expect("a sequence to write");
    let body = seq
        .strip_prefix("\x1b]52;c;")
        .and_then(|s| s.strip_suffix('\x07'))
        .expect("OSC 52");
    let text = String::from_utf8(
        base64::engine::general_purpose::STANDARD
            .decode(body)
            .unwrap(),
    )
    .unwrap();
    assert!(!text.chars().any(char::is_control), "{text:?}");
    let claim = &h.index().claims[c];
    let words: String = h.docs[claim.doc].text[claim.range.clone()]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(text.starts_with(&format!("“{words}”")), "{text}");
    let d = &h.docs[claim.doc];
    assert!(text.contains(&d.display_path), "{text}");
    assert!(text.contains(d.title.trim()), "{text}");
    if let Some(o) = crossread::label::outlet(h.index.as_ref(), claim.doc) {
        assert!(text.contains(o), "{text}");
    }
    assert!(status(&h).contains("copied the claim and its citation"));
}

#[test]
fn a_click_in_the_hits_list_selects_the_row_under_it() {
    let mut h = Harness::analysed(120, 40);
    h.keys(&["/"]);
    h.type_text("summit");
    h.keys(&["<Tab>"]);
    assert!(matches!(h.state.overlays.top(), Some(Overlay::Hits { .. })));
    let inner = crossread::app::layout::inner(crossread::app::layout::wide_popup(h.state.size));
    let selected = |h: &Harness| match h.state.overlays.top() {
        Some(Overlay::Hits { selected }) => *selected,
        o => panic!("{o:?}"),
    };
    // The list starts at its top while the selection is in its upper half,
    // so the fifth row on screen is row 4.
    assert!(selected(&h) < inner.height as usize / 2);
    assert_ne!(selected(&h), 4);
    h.act(Input::Click {
        x: inner.x + 3,
        y: inner.y + 4,
    });
    assert_eq!(selected(&h), 4);
    // A click outside the list leaves the selection.
    h.act(Input::Click {
        x: inner.x + 3,
        y: inner.bottom() + 1,
    });
    assert_eq!(selected(&h), 4);
}

#[test]
fn a_click_in_the_pins_list_selects_the_pin_under_it() {
    let data = std::env::temp_dir().join(format!("crossread-keys-pins-{}", std::process::id()));
    std::fs::create_dir_all(&data).unwrap();
    let mut h = Harness::analysed(120, 40);
    h.state
        .attach_pins(crossread::pins::PinStore::open_in(&data, &[seeds()]));
    // Three claims pinned, the second with a note (a line of its own).
    h.keys(&["}", "p", "<Enter>", "}", "p"]);
    h.type_text("check");
    h.keys(&["<Enter>", "}", "p", "<Enter>", "P"]);
    assert_eq!(h.state.pins.pins().len(), 3);
    assert_eq!(h.state.overlays.top(), Some(&Overlay::Pins));
    let inner = crossread::app::layout::inner(crossread::app::layout::wide_popup(h.state.size));
    // Lines: pin 0, pin 1, its note, pin 2.
    for (row, pin) in [(0, 0), (3, 2), (1, 1), (2, 1)] {
        h.act(Input::Click {
            x: inner.x + 2,
            y: inner.y + row,
        });
        assert_eq!(h.state.pins.selected, pin, "row {row}");
    }
    std::fs::remove_dir_all(&data).ok();
}
