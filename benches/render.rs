//! Time to draw one frame at 200×60 (DESIGN.md §7: under 2 ms), for the
//! analysed seeds, in the reading view and the compare view.
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
}
