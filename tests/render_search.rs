//! The corpus search in the reader, driven by keys and drawn into a
//! TestBackend: the prompt with highlighted hits, `n`/`N` across documents,
//! `Enter` and `Esc`, the hits list, and the entity a query names.

mod common;
use common::*;
use crossread::app::Overlay;
use ratatui::buffer::Buffer;
use ratatui::style::Style;

fn themed(h: &Harness, scope: &str) -> Style {
    let t = &h.themes[h.state.theme];
    t.get("ui.text").patch(t.get(scope))
}

/// Cells on screen whose background is `bg`, as the text they spell per row.
fn marked(buf: &Buffer, style: Style) -> Vec<String> {
    let mut out = Vec::new();
    for y in 0..buf.area.height {
        let mut run = String::new();
        for x in 0..buf.area.width {
            let c = &buf[(x, y)];
            if style.bg.is_some_and(|b| c.bg == b) && style.fg.is_none_or(|f| c.fg == f) {
                run.push_str(c.symbol());
            } else if !run.is_empty() {
                out.push(std::mem::take(&mut run));
            }
        }
        if !run.is_empty() {
            out.push(run);
        }
    }
    out
}

#[test]
fn the_prompt_searches_every_document_as_you_type_at_80x24_and_200x60() {
    for (w, hh) in [(80, 24), (200, 60)] {
        let mut h = Harness::analysed(w, hh);
        h.keys(&["/"]);
        h.type_text("sanctions relief");
        let buf = h.render();
        let rows = rows(&buf);
        let last = rows.last().unwrap();
        assert!(last.starts_with("/sanctions relief"), "{last}");
        assert!(last.contains("hit 1/4 · 3 of 5 documents"), "{last}");
        // Hits are highlighted in the document pane; the current one set
        // apart.
        let current = themed(&h, "reader.search.match.current");
        let cur: Vec<String> = marked(&buf, current);
        assert_eq!(cur.concat(), "sanctions relief", "{w}x{hh}: {cur:?}");
        // Enter keeps it; n goes on to the next hit, in the next document.
        h.keys(&["<Enter>"]);
        assert!(h.state.search.prompt.is_none());
        h.keys(&["n"]);
        assert_eq!(h.state.reader.doc, 1);
        let buf = h.render();
        let s = screen(&buf);
        assert!(s.contains("hit 2/4 · 3 of 5 documents"), "{s}");
        assert_eq!(marked(&buf, current).concat(), "sanctions relief");
        h.keys(&["n"]);
        let buf = h.render();
        // Both hits of this document, the current one set apart.
        assert_eq!(h.state.reader.doc, 1);
        assert_eq!(marked(&buf, current).concat(), "sanctions relief");
        let ordinary = h.search.as_ref().unwrap().doc_hits(
            &h.state.search.active.as_ref().unwrap().hits.query,
            1,
            &h.docs[1].text,
        );
        assert_eq!(ordinary.len(), 2);
        assert!(screen(&buf).contains("hit 3/4"));
        h.keys(&["n"]);
        assert_eq!(h.state.reader.doc, 4);
        h.keys(&["n"]);
        assert!(
            screen(&h.render()).contains("past the last hit"),
            "n goes round"
        );
        assert!(screen(&h.render()).contains("hit 1/4"));
        h.keys(&["N"]);
        assert!(screen(&h.render()).contains("hit 4/4"));
    }
}

#[test]
fn escape_cancels_the_prompt_and_returns_to_where_you_were() {
    let mut h = Harness::analysed(120, 40);
    h.keys(&["]", "<Ctrl-d>"]);
    let start = h.state.here();
    h.keys(&["/"]);
    h.type_text("stockholm");
    assert_ne!(h.state.here(), start, "the view follows the first hit");
    h.keys(&["<Esc>"]);
    assert_eq!(h.state.here(), start);
    assert!(h.state.search.active.is_none() && h.state.search.prompt.is_none());
    // Enter keeps it, and the move is a jump Ctrl-o undoes.
    h.keys(&["/"]);
    h.type_text("stockholm");
    h.keys(&["<Enter>"]);
    let there = h.state.here();
    assert_ne!(there, start);
    h.keys(&["<Ctrl-o>"]);
    assert_eq!(h.state.here(), start);
    // Esc then clears the highlights, and never quits.
    h.keys(&["<Esc>"]);
    assert!(h.state.search.active.is_none());
    assert!(!h.state.quit);
}

#[test]
fn smart_case_regex_and_no_hits_in_the_prompt() {
    let mut h = Harness::analysed(120, 40);
    h.keys(&["/"]);
    h.type_text("korea");
    let caseless = h.state.search.active.as_ref().unwrap().hits.total;
    h.keys(&["<Ctrl-u>"]);
    h.type_text("Korea");
    let cased = h.state.search.active.as_ref().unwrap().hits.total;
    assert!(cased < caseless, "{cased} < {caseless}");
    assert!(screen(&h.render()).contains("[case]"));
    h.keys(&["<Ctrl-u>", "<Ctrl-r>"]);
    h.type_text("sanctions (relief|on)");
    let s = screen(&h.render());
    assert!(s.contains("[regex]"), "{s}");
    let re = h.state.search.active.as_ref().unwrap().hits.total;
    assert!(re > 4, "{re}");
    h.keys(&["<Ctrl-u>"]);
    h.type_text("(unclosed");
    assert!(
        screen(&h.render()).contains("regex:"),
        "a bad regex is explained"
    );
    h.keys(&["<Ctrl-r>", "<Ctrl-u>"]);
    h.type_text("zzqx");
    assert!(screen(&h.render()).contains("no hits"));
    h.keys(&["<Enter>"]);
    assert!(screen(&h.render()).contains("no hits for “zzqx”"));
}

#[test]
fn the_hits_list_groups_hits_by_document_and_jumps_at_80x24_and_200x60() {
    for (w, hh) in [(80, 24), (200, 60)] {
        let mut h = Harness::analysed(w, hh);
        h.keys(&["/"]);
        h.type_text("sanctions relief");
        h.keys(&["<Tab>"]);
        assert!(matches!(h.state.overlays.top(), Some(Overlay::Hits { .. })));
        let buf = h.render();
        let s = screen(&buf);
        assert!(s.contains("4 hits in 3 of 5 documents"), "{s}");
        // Each document by title, with its source and date when known,
        // and its count; each hit on a line of context.
        assert!(s.contains("▌The Next North Korean Summit"), "{s}");
        assert!(s.contains("2 hits"), "{s}");
        let meta = if w >= 120 {
            "1 hit · McLarty Associates · 2019-01-25"
        } else {
            "1 hit · McLarty"
        };
        assert!(s.contains(meta), "{s}");
        assert!(s.contains("economic sanctions relief and"), "{s}");
        assert!(
            marked(&buf, themed(&h, "reader.search.match"))
                .iter()
                .filter(|m| m.as_str() == "sanctions relief")
                .count()
                >= 3,
            "matches marked in the list: {s}"
        );
        // Down to the last hit and Enter: there, recorded as a jump.
        h.keys(&["G", "<Enter>"]);
        assert!(h.state.overlays.is_empty());
        assert_eq!(h.state.reader.doc, 4);
        assert!(screen(&h.render()).contains("hit 4/4"));
        h.keys(&["<Ctrl-o>"]);
        assert_eq!(h.state.reader.doc, 0);
    }
}

#[test]
fn a_query_that_names_an_entity_offers_it_first() {
    let mut h = Harness::analysed(120, 40);
    h.keys(&["/"]);
    h.type_text("biegun");
    let s = screen(&h.render());
    assert!(s.contains("◆ Stephen Biegun"), "{s}");
    h.keys(&["<Tab>"]);
    let s = screen(&h.render());
    let first = rows(&h.render())
        .into_iter()
        .position(|r| r.contains("◆ Stephen Biegun · person"))
        .expect("entity row");
    let doc_row = rows(&h.render())
        .into_iter()
        .position(|r| r.contains("▌McLARTY"))
        .expect("document row");
    assert!(first < doc_row, "{s}");
    // Enter on it chooses the entity: n now walks its mentions.
    h.keys(&["g", "<Enter>"]);
    let idx = h.index();
    assert_eq!(
        h.state
            .chosen_entity()
            .map(|e| idx.entities[e].name.as_str()),
        Some("Stephen Biegun")
    );
    assert!(screen(&h.render()).contains("Stephen Biegun 1/4 · n/N walk mentions"));
}

#[test]
fn slash_in_the_sidebar_filters_the_entities() {
    let mut h = Harness::analysed(120, 40);
    h.keys(&["<S-Tab>", "/"]);
    assert!(h.state.sidebar.filter_editing);
    assert!(h.state.search.prompt.is_none());
    h.type_text("moon");
    let s = screen(&h.render());
    assert!(s.contains("/moon") && s.contains("Moon Jae-in"), "{s}");
    h.keys(&["<Enter>", "<Enter>"]);
    assert!(h.state.chosen.is_some());
}
