//! Time to draw one frame at 200×60 (DESIGN.md §7: under 2 ms), for the
//! analysed seeds, in the reading view, the compare view and the
//! corroboration view; with `CROSSREAD_BENCH_CORPUS=path`, also opening the
//! corroboration view (the matrix built) and drawing it on that corpus.
//! Run with `cargo bench --bench render`.

use crossread::analysis::entities::UserAliases;
use crossread::app::{Action, AppState, Ctx, Input, Keymap};
use crossread::corpus;
use crossread::index::Index;
use crossread::text::wrap::WrapCache;
use crossread::ui::{self, View, theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use std::time::Instant;

fn main() {
    let loaded =
        corpus::load_paths(&[std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds")]);
    let docs = loaded.documents;
    let index = Index::build(&docs, &UserAliases::default());
    let (themes, start) = theme::theme_set(None, false);
    let keymap = Keymap::default();
    let wraps = WrapCache::default();
    let mut state = AppState::new(docs.len(), start, themes.len(), Rect::new(0, 0, 200, 60));
    let help_lines = ui::help::lines(&keymap).len();
    let act = |state: &mut AppState, input: Input| {
        let ctx = Ctx {
            docs: &docs,
            issues: &[],
            wraps: &wraps,
            help_lines,
            index: Some(&index),
            search: None,
            finder: None,
        };
        state.update(input, &ctx);
    };
    act(&mut state, Input::Analysed);
    act(&mut state, Input::Action(Action::NextDocument));
    let mut term = Terminal::new(TestBackend::new(200, 60)).unwrap();
    for (name, setup) in [
        ("reading", vec![Action::NextClaim]),
        ("compare", vec![Action::Compare, Action::NextClaim]),
        // Who says what, over the reader (compare closed first).
        ("who-says", vec![Action::Close, Action::Corroboration]),
    ] {
        for a in setup {
            act(&mut state, Input::Action(a));
        }
        let view = View {
            docs: &docs,
            issues: &[],
            wraps: &wraps,
            theme: &themes[state.theme],
            keymap: &keymap,
            progress: None,
            index: Some(&index),
            search: None,
            finder: None,
        };
        let n = 2000;
        let t = Instant::now();
        for _ in 0..n {
            term.draw(|f| ui::draw(f, &state, &view)).unwrap();
        }
        let per = t.elapsed().as_secs_f64() * 1e6 / n as f64;
        println!(
            "{name:>8} view at 200×60: {per:.0} µs per frame (draw into a buffer, {n} frames)"
        );
    }
    if let Some(path) = std::env::var_os("CROSSREAD_BENCH_CORPUS") {
        corroboration_on(std::path::PathBuf::from(path), &themes[start], &keymap);
    }
}

/// Open the corroboration view on a larger corpus: the time to build its
/// matrix, and to draw a frame at 200×60.
fn corroboration_on(path: std::path::PathBuf, theme: &theme::Theme, keymap: &Keymap) {
    let docs = corpus::load_paths(&[path]).documents;
    let index = Index::build(&docs, &UserAliases::default());
    let wraps = WrapCache::default();
    let mut state = AppState::new(docs.len(), 0, 1, Rect::new(0, 0, 200, 60));
    let ctx = Ctx {
        docs: &docs,
        issues: &[],
        wraps: &wraps,
        help_lines: 0,
        index: Some(&index),
        search: None,
        finder: None,
    };
    state.update(Input::Analysed, &ctx);
    let mut opens = Vec::new();
    for _ in 0..9 {
        let t = Instant::now();
        state.update(Input::Action(Action::Corroboration), &ctx);
        opens.push(t.elapsed().as_secs_f64() * 1e3);
        state.update(Input::Action(Action::Close), &ctx);
    }
    opens.sort_by(f64::total_cmp);
    state.update(Input::Action(Action::Corroboration), &ctx);
    state.update(Input::Action(Action::Right), &ctx);
    let view = View {
        docs: &docs,
        issues: &[],
        wraps: &wraps,
        theme,
        keymap,
        progress: None,
        index: Some(&index),
        search: None,
        finder: None,
    };
    let mut term = Terminal::new(TestBackend::new(200, 60)).unwrap();
    let n = 500;
    let t = Instant::now();
    for _ in 0..n {
        term.draw(|f| ui::draw(f, &state, &view)).unwrap();
    }
    let per = t.elapsed().as_secs_f64() * 1e6 / n as f64;
    let v = state.corroboration.as_ref().expect("open");
    println!(
        "who-says on {} documents ({} statements, {} columns{}): open {:.1} ms (median of 9), {per:.0} µs per frame",
        docs.len(),
        v.rows.len(),
        v.columns.len(),
        if v.collapsed {
            ", outlets collapsed"
        } else {
            ""
        },
        opens[4]
    );
}
