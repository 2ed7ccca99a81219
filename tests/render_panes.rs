//! Render and state tests of the analysed reader: document highlights, the
//! entity sidebar, the timeline strip, the links overlay and compare view,
//! at 80×24 and 200×60, asserting styled cells where highlighting matters.

mod common;
use common::*;
use crossread::app::{Action, Input, Overlay, Pane, SidebarTab};
use ratatui::buffer::Buffer;
use ratatui::style::{Modifier, Style};

/// The style the theme gives `scope` over the base text style.
fn themed(h: &Harness, scope: &str) -> Style {
    let t = &h.themes[h.state.theme];
    t.get("ui.text").patch(t.get(scope))
}

/// Does the cell at the start of `needle` (first on screen) carry `style`'s
/// colours and modifiers?
fn styled_like(buf: &Buffer, needle: &str, style: Style) -> bool {
    let Some((x, y)) = find(buf, needle) else {
        return false;
    };
    let c = &buf[(x, y)];
    style.fg.is_none_or(|f| c.fg == f)
        && style.bg.is_none_or(|b| c.bg == b)
        && c.modifier.contains(style.add_modifier)
}

fn act(h: &mut Harness, actions: &[Action]) {
    for a in actions {
        h.act(Input::Action(*a));
    }
}

/// Choose the entity named `name` through the sidebar filter.
fn choose_entity(h: &mut Harness, name: &str) {
    h.state.focus = crossread::app::Pane::Sidebar;
    act(h, &[Action::Filter]);
    for c in name.chars() {
        h.act(Input::Char(c));
    }
    act(h, &[Action::Filter, Action::Confirm]);
    let idx = h.index();
    assert_eq!(
        h.state
            .chosen_entity()
            .map(|e| idx.entities[e].name.clone())
            .as_deref(),
        Some(name)
    );
}

#[test]
fn claims_are_highlighted_with_their_source_count_at_200x60() {
    let mut h = Harness::analysed(200, 60);
    h.state.theme = 1; // dark: claims have background colours
    let buf = h.render();
    let s = screen(&buf);
    // The lead claim of the paywalled copy is made by three sources.
    let row = rows(&buf)
        .into_iter()
        .position(|r| r.contains("President Donald Trump will hold"))
        .unwrap();
    assert!(rows(&buf)[row].contains("3▐"), "{s}");
    // The claim's own words (not a mention) carry the linked-claim style,
    // and a single-source claim's do not.
    let linked_bg = themed(&h, "reader.claim.linked").bg.unwrap();
    let (x, y) = find(&buf, "will hold a second summit").unwrap();
    assert_eq!(buf[(x, y)].bg, linked_bg, "linked claim");
    let (x, y) = find(&buf, "opportunity was missed").unwrap();
    assert_ne!(buf[(x, y)].bg, linked_bg, "single-source claim");
    // Entity mentions are styled by kind; dates by their own style.
    let person = themed(&h, "reader.entity.person");
    assert!(
        styled_like(&buf, "Donald Trump", Style { bg: None, ..person }),
        "person style"
    );
    let date = themed(&h, "reader.date");
    assert!(
        styled_like(&buf, "June 2018", Style { bg: None, ..date }),
        "date style"
    );
    // Boilerplate is dimmed, not removed.
    assert!(s.contains("To access the rest of this"));
    assert!(styled_like(
        &buf,
        "To access the rest",
        Style {
            bg: None,
            ..themed(&h, "reader.boilerplate")
        }
    ));
    // The timeline and the entity sidebar share the screen.
    assert!(
        s.contains("Timeline (31 dated events, 1 of unknown date)") && s.contains("Entities (71)"),
        "{s}"
    );
}

#[test]
fn panes_fit_at_80x24_and_collapse_below() {
    let mut h = Harness::analysed(80, 24);
    let s = screen(&h.render());
    assert!(s.contains("Entities (") && s.contains("Timeline ("), "{s}");
    h.act(Input::Resize {
        width: 60,
        height: 24,
    });
    let s = screen(&h.render());
    assert!(!s.contains("Entities ("), "the sidebar hides first: {s}");
    assert!(s.contains("Timeline ("));
    h.act(Input::Resize {
        width: 60,
        height: 14,
    });
    let s = screen(&h.render());
    assert!(!s.contains("Timeline ("), "then the timeline: {s}");
    for (w, hh) in [(10, 4), (30, 8), (250, 70), (1, 1)] {
        h.act(Input::Resize {
            width: w,
            height: hh,
        });
        for a in [
            Action::NextClaim,
            Action::Confirm,
            Action::Compare,
            Action::Close,
            Action::FocusNext,
            Action::Right,
            Action::Confirm,
        ] {
            h.act(Input::Action(a));
            h.render();
        }
    }
}

#[test]
fn choosing_an_entity_highlights_its_mentions_and_n_walks_them_across_documents() {
    let mut h = Harness::analysed(120, 40);
    assert_eq!(h.state.sidebar.tab, SidebarTab::Entities);
    choose_entity(&mut h, "Sarah Huckabee Sanders");
    let buf = h.render();
    let chosen = themed(&h, "reader.mention.selected");
    assert!(
        styled_like(&buf, "Sarah Huckabee Sanders said", chosen),
        "{}",
        screen(&buf)
    );
    // Details show per-document counts.
    assert!(
        screen(&buf).contains("3 mentions in 3 of 5"),
        "{}",
        screen(&buf)
    );
    // Each alias says how it was merged.
    assert!(
        screen(&buf).contains("Sanders (part of name)"),
        "{}",
        screen(&buf)
    );
    let mut docs_seen = vec![h.state.reader.doc];
    for _ in 0..2 {
        act(&mut h, &[Action::NextHit]);
        docs_seen.push(h.state.reader.doc);
    }
    docs_seen.sort_unstable();
    docs_seen.dedup();
    assert_eq!(docs_seen.len(), 3, "n walks into other documents");
    let buf = h.render();
    let (x, y) =
        find(&buf, "Sanders emphasized").expect("the mention in the third document is on screen");
    assert!(
        buf[(x, y)].modifier.contains(chosen.add_modifier),
        "{}",
        screen(&buf)
    );
    assert!(
        screen(&buf).contains("Sarah Huckabee Sanders 3/3"),
        "status counts mentions"
    );
}

#[test]
fn choosing_an_entity_emphasises_its_events_on_the_timeline() {
    let mut h = Harness::analysed(200, 60);
    choose_entity(&mut h, "Stephen Biegun");
    let buf = h.render();
    let rows = rows(&buf);
    let tl = rows.iter().position(|r| r.contains("Timeline (")).unwrap();
    // Markers of events in sentences that mention him are underlined; the rest dimmed.
    let mut under = 0;
    let mut dim = 0;
    for y in tl + 2..tl + 5 {
        for x in 0..buf.area.width {
            let c = &buf[(x, y as u16)];
            if matches!(c.symbol(), "●" | "◆" | "▲") {
                if c.modifier.contains(Modifier::UNDERLINED) {
                    under += 1;
                } else if c.modifier.contains(Modifier::DIM) {
                    dim += 1;
                }
            }
        }
    }
    assert!(under >= 2 && dim > under, "under {under}, dim {dim}");
}

#[test]
fn selecting_an_event_moves_the_document() {
    let mut h = Harness::analysed(120, 40);
    h.state.focus = Pane::Timeline;
    act(&mut h, &[Action::Right]);
    let first = h.state.timeline.event.unwrap();
    let ev = h.index().events[h.index().timeline[first]].clone();
    let doc = ev.doc;
    let text = h.docs[doc].text[ev.range.clone()].to_string();
    let buf = h.render();
    assert!(
        screen(&buf).contains(&text),
        "the strip shows the selected event's words"
    );
    act(&mut h, &[Action::Confirm]);
    assert_eq!(h.state.reader.doc, doc);
    let s = screen(&h.render());
    let sentence = &h.docs[doc].text[h.index().docs[doc].sentences[ev.sentence].clone()];
    let first_words: String = sentence
        .split_whitespace()
        .take(4)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        s.contains(&first_words),
        "the event's sentence is on screen: {first_words} / {s}"
    );
}

#[test]
fn an_event_of_unknown_date_sits_last_and_says_so() {
    // "the past decade" in an undated seed article with no full date.
    let mut h = Harness::analysed(120, 40);
    h.state.focus = Pane::Timeline;
    for _ in 0..h.index().timeline.len() {
        act(&mut h, &[Action::Right]);
    }
    let last = h.state.timeline.event.unwrap();
    assert_eq!(last + 1, h.index().timeline.len());
    assert!(h.index().events[h.index().timeline[last]].date.is_none());
    let buf = h.render();
    let s = screen(&buf);
    assert!(s.contains("the past decade, date unknown"), "{s}");
    // Its slot is the last on the strip, labelled and marked "?".
    let rows = rows(&buf);
    let tl = rows.iter().position(|r| r.contains("Timeline (")).unwrap();
    let axis = rows[tl + 1].trim_end_matches(['│', '┃', ' ']);
    assert!(axis.ends_with('?'), "{axis}");
    assert!(rows[tl + 2].contains('?'), "{}", rows[tl + 2]);
}

#[test]
fn a_claims_links_show_source_relation_score_and_quote_diff() {
    let mut h = Harness::analysed(120, 40);
    act(&mut h, &[Action::NextDocument]); // 001, the full article
    // Walk to the press secretary's quotation.
    for _ in 0..6 {
        act(&mut h, &[Action::NextClaim]);
        let c = h.state.reader.claim.unwrap();
        if h.docs[1].text[h.index().claims[c].range.clone()]
            .starts_with("White House press secretary")
        {
            break;
        }
    }
    act(&mut h, &[Action::Confirm]);
    assert!(matches!(
        h.state.overlays.top(),
        Some(Overlay::Links { .. })
    ));
    let buf = h.render();
    let s = screen(&buf);
    assert!(
        s.contains("quote variant") && s.contains("McLarty Associates · McLARTY KOREA UPDATE"),
        "{s}"
    );
    assert!(s.contains("[-fully-]") && s.contains("[+full+]"), "{s}");
    assert!(styled_like(&buf, "[-fully-]", themed(&h, "diff.minus")));
    // Each link says what it rests on: the names and words both share.
    assert!(
        s.contains("rests on names: White House, Sarah Huckabee Sanders"),
        "{s}"
    );
    assert!(s.contains("words: ") && s.contains("pressure"), "{s}");
    // Go through the copy link to the other source's claim.
    let target = match h.state.overlays.top().copied() {
        Some(Overlay::Links { claim, .. }) => h.index().links[claim]
            .iter()
            .position(|l| !l.duplicate && h.index().claims[l.to].doc == 4)
            .unwrap(),
        _ => unreachable!(),
    };
    for _ in 0..target {
        act(&mut h, &[Action::Down]);
    }
    act(&mut h, &[Action::Confirm]);
    assert_eq!(h.state.reader.doc, 4);
    assert!(screen(&h.render()).contains("continue to keep pressure"));
}

#[test]
fn compare_aligns_linked_claims_and_shows_the_quote_diff() {
    for (w, hh) in [(80, 24), (200, 60)] {
        let mut h = Harness::analysed(w, hh);
        act(&mut h, &[Action::NextDocument, Action::ComparePick]);
        // Pick 004.
        for _ in 0..2 {
            act(&mut h, &[Action::Down]);
        }
        act(&mut h, &[Action::Confirm]);
        let c = h.state.compare.clone().expect("compare open");
        assert_eq!((c.left, c.right), (1, 4));
        // Step to the linked pairs until the quotation's.
        let mut found = false;
        for _ in 0..6 {
            act(&mut h, &[Action::NextClaim]);
            let s = screen(&h.render());
            if s.contains("[-fully-]") {
                found = true;
                // Both sides show their words on the same screen.
                assert!(s.contains("quote variant"), "{s}");
                break;
            }
        }
        assert!(found, "the quote variant pair is reached at {w}x{hh}");
        let buf = h.render();
        let rows = rows(&buf);
        // Aligned claims are joined across the middle.
        assert!(
            rows.iter().any(|r| r.matches('═').count() >= 2),
            "{}",
            rows.join("\n")
        );
        act(&mut h, &[Action::Close]);
        assert!(h.state.compare.is_none());
    }
}

#[test]
fn compare_of_copies_says_which_is_fuller() {
    let mut h = Harness::analysed(200, 60);
    act(&mut h, &[Action::ComparePick, Action::Confirm]); // 000 with 001
    let s = screen(&h.render());
    assert!(s.contains("copies: the right is fuller"), "{s}");
    let buf = h.render();
    // Passages the paywalled copy lacks are marked on the fuller side.
    assert!(
        styled_like(
            &buf,
            "For the United States the potential win",
            Style {
                bg: None,
                ..themed(&h, "reader.missing")
            }
        ),
        "{s}"
    );
}

#[test]
fn claims_are_styled_by_kind() {
    let mut h = Harness::analysed(200, 60);
    act(&mut h, &[Action::NextDocument]);
    let buf = h.render();
    // A quotation (italic in the default theme) and a plain assertion are
    // drawn differently.
    let (qx, qy) = find(&buf, "sanctions on North Korea until").unwrap();
    assert!(
        buf[(qx, qy)].modifier.contains(Modifier::ITALIC),
        "quote claims are italic"
    );
    let (ax, ay) = find(&buf, "did not use the leverage").unwrap();
    assert!(!buf[(ax, ay)].modifier.contains(Modifier::ITALIC));
    // A calm page: claims are not underlined in the default theme (only
    // conflicts are).
    assert!(
        !buf[(ax, ay)].modifier.contains(Modifier::UNDERLINED),
        "plain claims are not underlined"
    );
}
