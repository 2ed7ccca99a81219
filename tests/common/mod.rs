#![allow(dead_code)]
use crossread::app::{AppState, Ctx, Input, Keymap};
use crossread::corpus::{self, Document, LoadIssue};
use crossread::text::wrap::WrapCache;
use crossread::ui::{self, View, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use std::path::PathBuf;

pub fn seeds() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

/// Everything the reader holds, for driving it in tests.
pub struct Harness {
    pub index: Option<crossread::index::Index>,
    pub search: Option<crossread::search::SearchIndex>,
    pub finder: Option<crossread::search::finder::FinderIndex>,
    pub docs: Vec<Document>,
    pub issues: Vec<LoadIssue>,
    pub wraps: WrapCache,
    pub keymap: Keymap,
    pub themes: Vec<Theme>,
    pub state: AppState,
}

impl Harness {
    pub fn new(paths: &[PathBuf], w: u16, h: u16) -> Harness {
        let loaded = corpus::load_paths(paths);
        let (themes, start) = ui::theme::theme_set(None, false);
        let state = AppState::new(
            loaded.documents.len(),
            start,
            themes.len(),
            Rect::new(0, 0, w, h),
        );
        Harness {
            index: None,
            search: None,
            finder: None,
            docs: loaded.documents,
            issues: loaded.issues,
            wraps: WrapCache::default(),
            keymap: Keymap::default(),
            themes,
            state,
        }
    }

    pub fn seeds(w: u16, h: u16) -> Harness {
        Harness::new(&[seeds()], w, h)
    }

    /// The seeds with the analysis done, as the reader has it once the
    /// background work is over.
    pub fn analysed(w: u16, h: u16) -> Harness {
        let mut h = Harness::seeds(w, h);
        h.index = Some(crossread::index::Index::build(&h.docs, &Default::default()));
        h.act(Input::Analysed);
        h.search = Some(crossread::search::SearchIndex::build(&h.docs));
        h.act(Input::Indexed);
        h.finder = Some(crossread::search::finder::FinderIndex::build(
            &h.docs,
            h.index.as_ref(),
        ));
        h.act(Input::FinderReady);
        h
    }

    pub fn index(&self) -> &crossread::index::Index {
        self.index.as_ref().expect("analysed")
    }

    pub fn act(&mut self, input: Input) {
        let help_lines = ui::help::lines(&self.keymap).len();
        let ctx = Ctx {
            docs: &self.docs,
            issues: &self.issues,
            wraps: &self.wraps,
            help_lines,
            index: self.index.as_ref(),
            search: self.search.as_ref(),
            finder: self.finder.as_ref(),
        };
        self.state.update(input, &ctx);
    }

    /// Press keys given as keymap strings (`j`, `<Esc>`, `<Ctrl-o>`), each
    /// through the same translation the terminal's keys go through.
    pub fn keys(&mut self, keys: &[&str]) {
        for k in keys {
            let key = crossread::app::keymap::parse_key(k).expect("key string");
            let ev = crossterm::event::KeyEvent::new(key.code, key.mods);
            if let Some(input) = crossread::app::keys::translate_key(&self.state, &self.keymap, ev)
            {
                self.act(input);
            }
        }
    }

    /// Type text into whatever field takes it.
    pub fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            let k = if c == ' ' {
                "<Space>".to_string()
            } else {
                c.to_string()
            };
            self.keys(&[&k]);
        }
    }

    pub fn render(&self) -> Buffer {
        let size = self.state.size;
        let mut term = Terminal::new(TestBackend::new(size.width, size.height)).unwrap();
        let view = View {
            docs: &self.docs,
            issues: &self.issues,
            wraps: &self.wraps,
            theme: &self.themes[self.state.theme],
            keymap: &self.keymap,
            progress: None,
            index: self.index.as_ref(),
            search: self.search.as_ref(),
            finder: self.finder.as_ref(),
        };
        term.draw(|f| ui::draw(f, &self.state, &view)).unwrap();
        term.backend().buffer().clone()
    }
}

/// The rows of a buffer as strings (wide characters take one char).
pub fn rows(buf: &Buffer) -> Vec<String> {
    (0..buf.area.height)
        .map(|y| {
            let mut s = String::new();
            let mut x = 0;
            while x < buf.area.width {
                let c = &buf[(x, y)];
                s.push_str(c.symbol());
                x += 1;
            }
            s
        })
        .collect()
}

pub fn screen(buf: &Buffer) -> String {
    rows(buf).join("\n")
}

/// Position of the first cell where `needle` starts on screen.
pub fn find(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    for (y, row) in rows(buf).iter().enumerate() {
        if let Some(i) = row.find(needle) {
            let x = row[..i].chars().count();
            return Some((x as u16, y as u16));
        }
    }
    None
}
