//! The application state and the one function that changes it.

use super::action::{Action, Input};
use super::layout::{self, Panes};
use crate::corpus::{DocId, Document, LoadIssue};
use crate::text::wrap::{Line, WrapCache};
use ratatui::layout::Rect;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Sidebar,
    Document,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    None,
    Help { scroll: usize },
    Log { scroll: usize },
}

#[derive(Debug, Clone)]
pub struct AppState {
    /// The document shown.
    pub doc: DocId,
    /// Per document, the byte offset of the first visible line. Kept as a
    /// text position, not a line number, so it survives a change of width.
    pub anchors: Vec<usize>,
    pub focus: Pane,
    pub sidebar_visible: bool,
    /// Selected row of the document list, and its first visible row.
    pub list_selected: usize,
    pub list_offset: usize,
    pub overlay: Overlay,
    pub theme: usize,
    pub theme_count: usize,
    pub size: Rect,
    pub quit: bool,
    pub message: Option<String>,
}

/// What `update` reads besides the state: the loaded documents and the
/// memoised wrapping.
pub struct Ctx<'a> {
    pub docs: &'a [Document],
    pub issues: &'a [LoadIssue],
    pub wraps: &'a WrapCache,
    pub help_lines: usize,
}

impl AppState {
    pub fn new(doc_count: usize, theme: usize, theme_count: usize, size: Rect) -> Self {
        AppState {
            doc: 0,
            anchors: vec![0; doc_count],
            focus: Pane::Document,
            sidebar_visible: true,
            list_selected: 0,
            list_offset: 0,
            overlay: Overlay::None,
            theme,
            theme_count: theme_count.max(1),
            size,
            quit: false,
            message: None,
        }
    }

    pub fn panes(&self) -> Panes {
        layout::panes(self.size, self)
    }

    fn visible_panes(&self) -> Vec<Pane> {
        let p = self.panes();
        let mut v = Vec::new();
        if p.sidebar.is_some() {
            v.push(Pane::Sidebar);
        }
        v.push(Pane::Document);
        v
    }

    /// The wrapped lines of the current document at the current width.
    pub fn lines(&self, ctx: &Ctx) -> std::rc::Rc<Vec<Line>> {
        let col = layout::text_column(self.panes().document);
        ctx.wraps
            .get(self.doc, &ctx.docs[self.doc].text, col.width.max(1))
    }

    /// Index of the first visible line of the current document.
    pub fn top_line(&self, lines: &[Line]) -> usize {
        let anchor = self.anchors.get(self.doc).copied().unwrap_or(0);
        lines
            .partition_point(|l| l.range.start <= anchor)
            .saturating_sub(1)
    }

    fn page_height(&self) -> usize {
        layout::text_column(self.panes().document).height.max(1) as usize
    }

    fn scroll_doc(&mut self, ctx: &Ctx, delta: isize) {
        let lines = self.lines(ctx);
        if lines.is_empty() {
            return;
        }
        let max_top = lines.len().saturating_sub(self.page_height());
        let top = self.top_line(&lines) as isize + delta;
        let top = top.clamp(0, max_top as isize) as usize;
        self.anchors[self.doc] = lines[top].range.start;
    }

    fn scroll_doc_to_end(&mut self, ctx: &Ctx) {
        self.scroll_doc(ctx, isize::MAX / 2);
    }

    fn set_doc(&mut self, doc: DocId) {
        self.doc = doc;
        self.list_selected = doc;
        self.ensure_list_visible();
    }

    fn list_height(&self) -> usize {
        self.panes()
            .sidebar
            .map_or(1, |r| layout::inner(r).height.max(1) as usize)
    }

    fn ensure_list_visible(&mut self) {
        let h = self.list_height();
        if self.list_selected < self.list_offset {
            self.list_offset = self.list_selected;
        } else if self.list_selected >= self.list_offset + h {
            self.list_offset = self.list_selected + 1 - h;
        }
    }

    fn move_list(&mut self, ctx: &Ctx, delta: isize) {
        let n = ctx.docs.len();
        if n == 0 {
            return;
        }
        let s = (self.list_selected as isize + delta).clamp(0, n as isize - 1) as usize;
        self.list_selected = s;
        self.ensure_list_visible();
    }

    fn overlay_scroll(&mut self, delta: isize, len: usize) {
        let page = self.size.height.saturating_sub(4) as usize;
        let max = len.saturating_sub(page);
        if let Overlay::Help { scroll } | Overlay::Log { scroll } = &mut self.overlay {
            *scroll = (*scroll as isize + delta).clamp(0, max as isize) as usize;
        }
    }

    /// Movement actions are relative to what has focus.
    fn navigate(&mut self, action: Action, ctx: &Ctx) {
        let page = self.page_height() as isize;
        let delta = match action {
            Action::Down => 1,
            Action::Up => -1,
            Action::HalfPageDown => (page / 2).max(1),
            Action::HalfPageUp => -(page / 2).max(1),
            Action::PageDown => (page - 1).max(1),
            Action::PageUp => -(page - 1).max(1),
            Action::Top => isize::MIN / 2,
            Action::Bottom => isize::MAX / 2,
            _ => return,
        };
        match self.overlay {
            Overlay::Help { .. } => return self.overlay_scroll(delta, ctx.help_lines),
            Overlay::Log { .. } => return self.overlay_scroll(delta, ctx.issues.len()),
            Overlay::None => {}
        }
        match self.focus {
            Pane::Sidebar => {
                let list_page = self.list_height() as isize;
                let d = match action {
                    Action::PageDown => list_page,
                    Action::PageUp => -list_page,
                    Action::HalfPageDown => list_page / 2,
                    Action::HalfPageUp => -list_page / 2,
                    _ => delta,
                };
                self.move_list(ctx, d);
            }
            Pane::Document => {
                if action == Action::Bottom {
                    self.scroll_doc_to_end(ctx)
                } else {
                    self.scroll_doc(ctx, delta)
                }
            }
        }
    }

    pub fn update(&mut self, input: Input, ctx: &Ctx) {
        self.message = None;
        match input {
            Input::Resize { width, height } => {
                self.size = Rect::new(0, 0, width, height);
                if !self.visible_panes().contains(&self.focus) {
                    self.focus = Pane::Document;
                }
                self.ensure_list_visible();
                self.scroll_doc(ctx, 0);
            }
            Input::Wheel { x, y, down } => {
                let p = self.panes();
                let delta = if down { 3 } else { -3 };
                if self.overlay != Overlay::None {
                    let len = if matches!(self.overlay, Overlay::Help { .. }) {
                        ctx.help_lines
                    } else {
                        ctx.issues.len()
                    };
                    self.overlay_scroll(delta, len);
                } else if p.sidebar.is_some_and(|r| layout::contains(r, x, y)) {
                    self.move_list(ctx, delta);
                } else if layout::contains(p.document, x, y) {
                    self.scroll_doc(ctx, delta);
                }
            }
            Input::Click { x, y } => {
                if self.overlay != Overlay::None {
                    return;
                }
                let p = self.panes();
                if let Some(r) = p.sidebar.filter(|r| layout::contains(*r, x, y)) {
                    self.focus = Pane::Sidebar;
                    let inner = layout::inner(r);
                    if layout::contains(inner, x, y) {
                        let row = self.list_offset + (y - inner.y) as usize;
                        if row < ctx.docs.len() {
                            self.list_selected = row;
                            self.set_doc(row);
                        }
                    }
                } else if layout::contains(p.document, x, y) {
                    self.focus = Pane::Document;
                }
            }
            Input::Action(a) => self.act(a, ctx),
        }
    }

    fn act(&mut self, action: Action, ctx: &Ctx) {
        use Action::*;
        match action {
            Down | Up | HalfPageDown | HalfPageUp | PageDown | PageUp | Top | Bottom => {
                self.navigate(action, ctx)
            }
            Left | Right => {}
            FocusNext | FocusPrev => {
                let panes = self.visible_panes();
                let i = panes.iter().position(|p| *p == self.focus).unwrap_or(0);
                let n = panes.len();
                let j = if action == FocusNext {
                    (i + 1) % n
                } else {
                    (i + n - 1) % n
                };
                self.focus = panes[j];
            }
            NextDocument | PrevDocument => {
                let n = ctx.docs.len();
                if n > 0 {
                    let d = if action == NextDocument {
                        (self.doc + 1) % n
                    } else {
                        (self.doc + n - 1) % n
                    };
                    self.set_doc(d);
                }
            }
            Confirm => {
                if self.focus == Pane::Sidebar && self.list_selected < ctx.docs.len() {
                    self.set_doc(self.list_selected);
                    self.focus = Pane::Document;
                }
            }
            NextTheme => self.theme = (self.theme + 1) % self.theme_count,
            ToggleSidebar => {
                self.sidebar_visible = !self.sidebar_visible;
                if self.panes().sidebar.is_none() {
                    if self.sidebar_visible {
                        self.message = Some("the window is too small for the sidebar".into());
                    }
                    self.focus = Pane::Document;
                } else {
                    self.ensure_list_visible();
                }
            }
            Help => {
                self.overlay = match self.overlay {
                    Overlay::Help { .. } => Overlay::None,
                    _ => Overlay::Help { scroll: 0 },
                }
            }
            ShowLog => {
                self.overlay = match self.overlay {
                    Overlay::Log { .. } => Overlay::None,
                    _ => Overlay::Log { scroll: 0 },
                }
            }
            Close => {
                if self.overlay != Overlay::None {
                    self.overlay = Overlay::None;
                } else {
                    self.quit = true;
                }
            }
            Quit => {
                if self.overlay != Overlay::None {
                    self.overlay = Overlay::None;
                } else {
                    self.quit = true;
                }
            }
        }
    }
}
