//! No panic in any view at any terminal size: every view and overlay of the
//! reader, on the analysed seeds, drawn at every size from 1×1 to 12×8 and
//! at a few odd ones, both opened at a normal size and then shrunk, and
//! opened at the tiny size itself.

mod common;
use common::{Harness, screen};
use crossread::app::{Action, AppState, Input, Overlay, Pane};
use crossread::corpus::LoadIssue;
use std::path::PathBuf;

type Setup = fn(&mut Harness);
type Reached = fn(&Harness) -> bool;

fn act(h: &mut Harness, actions: &[Action]) {
    for a in actions {
        h.act(Input::Action(*a));
    }
}

/// Step to the first claim that has links.
fn to_linked_claim(h: &mut Harness) {
    for _ in 0..400 {
        act(h, &[Action::NextClaim]);
        if let Some(c) = h.state.reader.claim
            && !h.index().links[c].is_empty()
        {
            return;
        }
        if h.state.reader.claim.is_none()
            || matches!(h.state.reader.claim, Some(c) if c + 1 >= h.index().claims.len())
        {
            act(h, &[Action::NextDocument]);
        }
    }
}

/// Focus `pane` when it is shown (at a tiny size it may not be).
fn focus(h: &mut Harness, pane: Pane) {
    for _ in 0..4 {
        if h.state.focus == pane {
            return;
        }
        act(h, &[Action::FocusNext]);
    }
}

fn top(h: &Harness) -> Option<Overlay> {
    h.state.overlays.top().copied()
}

/// The views: how to open each, and how to tell it is open.
fn views() -> Vec<(&'static str, Setup, Reached)> {
    vec![
        (
            "document",
            |h| act(h, &[Action::NextClaim, Action::PageDown]),
            |h| h.state.overlays.is_empty() && h.state.focus == Pane::Document,
        ),
        (
            "sidebar, entities",
            |h| {
                focus(h, Pane::Sidebar);
                act(h, &[Action::Right]);
            },
            |h| h.state.focus == Pane::Sidebar,
        ),
        (
            "sidebar, other tab",
            |h| {
                focus(h, Pane::Sidebar);
                act(h, &[Action::Right, Action::Right, Action::Down]);
            },
            |h| h.state.focus == Pane::Sidebar,
        ),
        (
            "sidebar filter",
            |h| {
                focus(h, Pane::Sidebar);
                act(h, &[Action::Filter]);
                h.type_text("a");
            },
            |h| h.state.focus == Pane::Sidebar,
        ),
        (
            "timeline",
            |h| {
                focus(h, Pane::Timeline);
                act(h, &[Action::Right, Action::Right]);
            },
            |h| h.state.focus == Pane::Timeline,
        ),
        (
            "help",
            |h| act(h, &[Action::Help, Action::PageDown]),
            |h| matches!(top(h), Some(Overlay::Help { .. })),
        ),
        (
            "load log",
            |h| act(h, &[Action::ShowLog]),
            |h| matches!(top(h), Some(Overlay::Log { .. })),
        ),
        (
            "links overlay",
            |h| {
                to_linked_claim(h);
                act(h, &[Action::Confirm]);
            },
            |h| matches!(top(h), Some(Overlay::Links { .. })),
        ),
        (
            "compare picker",
            |h| act(h, &[Action::ComparePick, Action::Down]),
            |h| matches!(top(h), Some(Overlay::Picker { .. })),
        ),
        (
            "compare",
            |h| {
                to_linked_claim(h);
                act(h, &[Action::Compare, Action::NextClaim]);
            },
            |h| h.state.compare.is_some() && h.state.overlays.is_empty(),
        ),
        (
            "pair overlay",
            |h| {
                to_linked_claim(h);
                act(h, &[Action::Compare, Action::NextClaim, Action::Confirm]);
            },
            |h| matches!(top(h), Some(Overlay::Pair { .. })),
        ),
        (
            "search prompt",
            |h| {
                act(h, &[Action::Search]);
                h.type_text("the summit");
            },
            |h| h.state.search.prompt.is_some(),
        ),
        (
            "hits",
            |h| {
                act(h, &[Action::Search]);
                h.type_text("the");
                act(h, &[Action::Confirm, Action::HitsList, Action::Down]);
            },
            |h| matches!(top(h), Some(Overlay::Hits { .. })),
        ),
        (
            "finder",
            |h| {
                act(h, &[Action::Finder]);
                h.type_text("ko");
            },
            |h| matches!(top(h), Some(Overlay::Finder)),
        ),
        (
            "entity card",
            |h| {
                to_linked_claim(h);
                act(h, &[Action::EntityCard, Action::Down]);
            },
            |h| matches!(top(h), Some(Overlay::Card)),
        ),
        (
            "pins",
            |h| {
                to_linked_claim(h);
                act(h, &[Action::Pin]);
                h.type_text("a note");
                act(h, &[Action::Confirm, Action::PinsList]);
            },
            |h| matches!(top(h), Some(Overlay::Pins)),
        ),
        (
            "pin prompt",
            |h| {
                to_linked_claim(h);
                act(h, &[Action::Pin]);
                h.type_text("a long note that does not fit");
            },
            |h| matches!(top(h), Some(Overlay::PinPrompt)),
        ),
        (
            "help over compare",
            |h| {
                to_linked_claim(h);
                act(h, &[Action::Compare, Action::Help]);
            },
            |h| h.state.compare.is_some() && matches!(top(h), Some(Overlay::Help { .. })),
        ),
    ]
}

fn sizes() -> Vec<(u16, u16)> {
    let mut v: Vec<(u16, u16)> = (1..=12)
        .flat_map(|w| (1..=8).map(move |h| (w, h)))
        .collect();
    v.extend([
        (1, 40),
        (200, 1),
        (3, 3),
        (40, 1),
        (40, 2),
        (2, 60),
        (13, 9),
        (20, 3),
        (80, 2),
        (0, 0),
        (0, 5),
        (5, 0),
    ]);
    v
}

/// A fresh state of the reader at `w`×`h`, the analysis arrived.
fn fresh(h: &mut Harness, w: u16, hh: u16) {
    let themes = h.themes.len();
    h.state = AppState::new(
        h.docs.len(),
        0,
        themes,
        ratatui::layout::Rect::new(0, 0, w, hh),
    );
    h.act(Input::Analysed);
    h.act(Input::Indexed);
    h.act(Input::FinderReady);
}

/// A harness whose load log has entries, long ones among them.
fn harness() -> Harness {
    let mut h = Harness::analysed(100, 30);
    h.issues = vec![
        LoadIssue {
            path: PathBuf::from("a/very/long/folder/name/that/goes/on/and/on/file.txt"),
            problem: "not text (binary data): skipped because it is not an article".into(),
            skipped: true,
        },
        LoadIssue {
            path: PathBuf::from("x.txt"),
            problem: "a FIFO, not a regular file".into(),
            skipped: true,
        },
        LoadIssue {
            path: PathBuf::from("aliases.toml"),
            problem:
                "alias file in the corpus folder applies: 1 merge(s) of 2 name(s), 0 kept apart"
                    .into(),
            skipped: false,
        },
    ];
    h
}

#[test]
fn every_view_at_every_tiny_size_renders_without_panic() {
    let mut h = harness();
    let mut failures = Vec::new();
    for (name, setup, reached) in views() {
        // The view opens at a normal size (the test checks it did, so a
        // view that silently failed to open cannot pass unseen) ...
        fresh(&mut h, 100, 30);
        setup(&mut h);
        assert!(reached(&h), "{name} did not open at 100x30");
        let s = screen(&h.render());
        assert!(!s.trim().is_empty(), "{name} drew nothing at 100x30");
        let opened = h.state.clone();
        let clock = std::time::Instant::now();
        for (w, hh) in sizes() {
            if std::env::var_os("RENDER_SIZES_TRACE").is_some() {
                eprintln!("{name} {w}x{hh} {:?}", clock.elapsed());
            }
            // ... and is then shrunk to the tiny size,
            h.state = opened.clone();
            h.act(Input::Resize {
                width: w,
                height: hh,
            });
            let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                let buf = h.render();
                assert_eq!((buf.area.width, buf.area.height), (w, hh));
                // Keys still work there, and drawing after each.
                for a in [Action::Down, Action::PageDown, Action::Bottom, Action::Up] {
                    h.act(Input::Action(a));
                    h.render();
                }
            }));
            if let Err(e) = r {
                failures.push(format!("{name}, shrunk to {w}x{hh}: {}", message(&e)));
            }
            // ... or opened at the tiny size itself.
            fresh(&mut h, w, hh);
            let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                h.render();
                setup(&mut h);
                h.render();
            }));
            if let Err(e) = r {
                failures.push(format!("{name}, opened at {w}x{hh}: {}", message(&e)));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} panics:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn message(e: &Box<dyn std::any::Any + Send>) -> String {
    e.downcast_ref::<String>()
        .cloned()
        .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_default()
}

#[test]
fn the_load_log_and_the_links_overlay_fit_one_to_three_rows() {
    let mut h = harness();
    for hh in 1..=3 {
        fresh(&mut h, 60, 30);
        act(&mut h, &[Action::ShowLog]);
        h.act(Input::Resize {
            width: 60,
            height: hh,
        });
        let s = screen(&h.render());
        assert_eq!(s.lines().count(), hh as usize);
        fresh(&mut h, 60, 30);
        to_linked_claim(&mut h);
        act(&mut h, &[Action::Confirm]);
        assert!(matches!(top(&h), Some(Overlay::Links { .. })));
        h.act(Input::Resize {
            width: 60,
            height: hh,
        });
        let s = screen(&h.render());
        assert_eq!(s.lines().count(), hh as usize);
    }
}
