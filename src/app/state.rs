//! The application state, composed of one small state per pane and overlay,
//! and the one function that changes it (`update`).

use super::action::{Action, Input};
use super::card::CardState;
use super::chosen::Chosen;
use super::compare::{Compare, Side};
use super::corroboration::Corroboration;
use super::document::DocumentState;
use super::finder::FinderState;
use super::input::Edit;
use super::jumps::JumpList;
use super::layout::{self, Panes};
use super::overlay::{Overlay, Overlays};
use super::pins::PinsState;
use super::search::{SearchState, Walk};
use super::sidebar::{SidebarState, SidebarTab};
use super::timeline::TimelineState;
use crate::corpus::{DocId, Document, LoadIssue};
use crate::index::Index;
use crate::search::SearchIndex;
use crate::search::finder::FinderIndex;
use crate::text::wrap::{Line, WrapCache};
use ratatui::layout::Rect;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Sidebar,
    Document,
    Timeline,
}

#[derive(Debug, Clone)]
pub struct AppState {
    pub reader: DocumentState,
    pub sidebar: SidebarState,
    pub timeline: TimelineState,
    /// The chosen entity: its mentions are highlighted everywhere.
    pub chosen: Option<Chosen>,
    /// Open overlays, the top one last.
    pub overlays: Overlays,
    pub jumps: JumpList,
    pub search: SearchState,
    pub finder: FinderState,
    /// The open entity card.
    pub card: Option<CardState>,
    /// What `n`/`N` walk: the search's hits or the chosen entity's mentions.
    pub walk: Walk,
    /// The pins of this corpus, the pins list and the note prompt.
    pub pins: PinsState,
    pub compare: Option<Compare>,
    /// The corroboration view's matrix and place, while it is open.
    pub corroboration: Option<Corroboration>,
    pub focus: Pane,
    pub theme: usize,
    pub theme_count: usize,
    pub size: Rect,
    pub quit: bool,
    /// Set by `Ctrl-z`: the event loop gives the terminal back and stops.
    pub suspend: bool,
    pub message: Option<String>,
    /// True once the analysis has arrived.
    pub analysed: bool,
    /// The themes' names, for saying which one `t` switched to.
    pub theme_names: Vec<String>,
    /// Mouse capture is on (off: the terminal selects text).
    pub mouse: bool,
    /// Text for the clipboard, as an OSC 52 sequence the event loop writes
    /// to the terminal and clears.
    pub clipboard: Option<String>,
}

/// What `update` reads besides the state.
pub struct Ctx<'a> {
    pub docs: &'a [Document],
    pub issues: &'a [LoadIssue],
    pub wraps: &'a WrapCache,
    pub help_lines: usize,
    pub index: Option<&'a Index>,
    /// The search index, once built.
    pub search: Option<&'a SearchIndex>,
    /// The finder's full list, once the analysis is there.
    pub finder: Option<&'a FinderIndex>,
}

impl AppState {
    pub fn new(doc_count: usize, theme: usize, theme_count: usize, size: Rect) -> Self {
        AppState {
            reader: DocumentState::new(doc_count),
            sidebar: SidebarState::default(),
            timeline: TimelineState::default(),
            chosen: None,
            overlays: Overlays::default(),
            jumps: JumpList::default(),
            search: SearchState::default(),
            finder: FinderState::default(),
            card: None,
            walk: Walk::default(),
            pins: PinsState::default(),
            compare: None,
            corroboration: None,
            focus: Pane::Document,
            theme,
            theme_count: theme_count.max(1),
            size,
            quit: false,
            suspend: false,
            message: None,
            analysed: false,
            theme_names: Vec::new(),
            mouse: true,
            clipboard: None,
        }
    }

    /// The document shown.
    pub fn doc(&self) -> DocId {
        self.reader.doc
    }

    /// The current claim.
    pub fn claim(&self) -> Option<usize> {
        self.reader.claim
    }

    /// The chosen entity.
    pub fn chosen_entity(&self) -> Option<usize> {
        self.chosen.map(|c| c.entity)
    }

    pub fn panes(&self) -> Panes {
        layout::panes_for(
            self.size,
            layout::Show {
                sidebar: self.sidebar.visible,
                sidebar_overlay: self.sidebar.floating,
                timeline: !self.timeline.hidden,
            },
        )
    }

    pub(super) fn visible_panes(&self) -> Vec<Pane> {
        let p = self.panes();
        let mut v = Vec::new();
        if p.sidebar.is_some() {
            v.push(Pane::Sidebar);
        }
        v.push(Pane::Document);
        if p.timeline.is_some() {
            v.push(Pane::Timeline);
        }
        v
    }

    /// The wrapped lines of a document at the width it is shown.
    pub fn lines_of(&self, ctx: &Ctx, doc: DocId) -> std::rc::Rc<Vec<Line>> {
        let col = match &self.compare {
            Some(c) if c.right == doc && c.left != doc => {
                layout::text_column(layout::compare_panes(self.size).1)
            }
            Some(_) => layout::text_column(layout::compare_panes(self.size).0),
            None => layout::text_column(self.panes().document),
        };
        ctx.wraps.get(doc, &ctx.docs[doc].text, col.width.max(1))
    }

    pub fn lines(&self, ctx: &Ctx) -> std::rc::Rc<Vec<Line>> {
        self.lines_of(ctx, self.reader.doc)
    }

    /// Index of the first visible line of the current document.
    pub fn top_line(&self, lines: &[Line]) -> usize {
        self.reader.top_line(lines)
    }

    pub(super) fn page_height(&self) -> usize {
        let col = match self.compare {
            Some(_) => layout::text_column(layout::compare_panes(self.size).0),
            None => layout::text_column(self.panes().document),
        };
        col.height.max(1) as usize
    }

    pub(super) fn list_height(&self) -> usize {
        self.panes()
            .sidebar
            .map_or(1, |r| layout::sidebar_list(r).height.max(1) as usize)
    }

    pub(super) fn scroll_doc(&mut self, ctx: &Ctx, delta: isize) {
        let lines = self.lines(ctx);
        let page = self.page_height();
        self.reader.scroll(&lines, page, delta);
    }

    pub(super) fn set_doc(&mut self, doc: DocId) {
        self.reader.set_doc(doc);
        let h = self.list_height();
        self.sidebar.select_doc(doc, h);
    }

    /// Show document `doc` with byte `pos` a third of the way down.
    pub fn reveal(&mut self, ctx: &Ctx, doc: DocId, pos: usize) {
        self.set_doc(doc);
        let lines = self.lines(ctx);
        let page = self.page_height();
        self.reader.reveal(&lines, page, pos);
    }

    pub(super) fn refresh_entities(&mut self, ctx: &Ctx) {
        if let Some(index) = ctx.index {
            let h = self.list_height();
            self.sidebar.refresh_entities(index, h);
        }
    }

    pub(super) fn move_list(&mut self, ctx: &Ctx, delta: isize) {
        let h = self.list_height();
        self.sidebar.move_by(ctx.docs.len(), delta, h);
    }

    pub(super) fn move_event(&mut self, ctx: &Ctx, delta: isize) {
        if let Some(index) = ctx.index {
            let shown = super::timeline::visible_events(index, &self.timeline);
            self.timeline.move_by(&shown, delta);
        }
    }

    pub(super) fn choose_entity(&mut self, ctx: &Ctx, e: usize) {
        let Some(index) = ctx.index else { return };
        let chosen = Chosen::new(index, e, self.reader.doc);
        self.chosen = Some(chosen);
        self.walk = Walk::Mentions;
        // The text takes focus, so j/k scroll it at once.
        self.focus = Pane::Document;
        self.sidebar.floating = false;
        if let Some(m) = chosen.current(index) {
            let m = &index.mentions[m];
            self.jump(ctx, m.doc, m.range.start);
        }
    }

    pub fn update(&mut self, input: Input, ctx: &Ctx) {
        // A message stays until the user does something (the analysis
        // arriving or a resize does not dismiss it).
        if !matches!(
            input,
            Input::Loaded
                | Input::Analysed
                | Input::Indexed
                | Input::FinderReady
                | Input::Resize { .. }
        ) {
            self.message = None;
        }
        match input {
            Input::Resize { width, height } => {
                self.size = Rect::new(0, 0, width, height);
                if width >= layout::SIDEBAR_MIN_WIDTH {
                    // Wide enough: the sidebar sits beside the text again.
                    self.sidebar.floating = false;
                }
                if !self.visible_panes().contains(&self.focus) {
                    self.focus = Pane::Document;
                }
                let h = self.list_height();
                self.sidebar.ensure_visible(h);
                self.scroll_doc(ctx, 0);
            }
            Input::Char(c) => {
                if self.overlays.top() == Some(&Overlay::PinPrompt) {
                    self.pin_prompt_edit(Edit::Insert(c));
                } else if self.overlays.top() == Some(&Overlay::Finder) {
                    self.finder_edit(ctx, Edit::Insert(c));
                } else if self.search.prompt.is_some() {
                    self.search_edit(ctx, Edit::Insert(c));
                } else if self.sidebar.filter_editing {
                    self.sidebar.filter.push(c);
                    self.sidebar.entity_selected = 0;
                    self.refresh_entities(ctx);
                }
            }
            Input::Backspace => {
                if self.overlays.top() == Some(&Overlay::PinPrompt) {
                    self.pin_prompt_edit(Edit::Backspace);
                } else if self.overlays.top() == Some(&Overlay::Finder) {
                    self.finder_edit(ctx, Edit::Backspace);
                } else if self.search.prompt.is_some() {
                    self.search_edit(ctx, Edit::Backspace);
                } else if self.sidebar.filter_editing {
                    self.sidebar.filter.pop();
                    self.refresh_entities(ctx);
                }
            }
            Input::Indexed => self.search_index_ready(ctx),
            Input::Wheel { x, y, down } => self.wheel(ctx, x, y, down),
            Input::Click { x, y } => self.click(ctx, x, y),
            Input::Loaded => {
                // The document shown stays the first; the others join.
                self.reader.anchors.resize(ctx.docs.len(), 0);
            }
            Input::Analysed => {
                self.analysed = true;
                if self.sidebar.tab == SidebarTab::Documents && self.focus != Pane::Sidebar {
                    self.sidebar.tab = SidebarTab::Entities;
                }
                self.refresh_entities(ctx);
                self.pins_analysed(ctx);
                self.compare_analysed(ctx);
            }
            Input::FinderReady => self.finder_analysed(ctx),
            Input::Unbound(key) => {
                self.message = Some(format!(
                    "{}: no action here · ? help",
                    super::keymap::key_name(&key)
                ))
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
            Left | Right if self.overlays.top() == Some(&Overlay::Corroboration) => {
                self.corroboration_columns(if action == Left { -1 } else { 1 })
            }
            Corroboration => self.open_corroboration(ctx),
            FilterEntity => self.corroboration_entity(ctx),
            SingleSource => self.corroboration_single(ctx),
            CollapseOutlets => self.corroboration_outlets(ctx),
            Left | Right if self.compare.is_some() && self.overlays.is_empty() => self
                .compare_focus(Some(if action == Left {
                    Side::Left
                } else {
                    Side::Right
                })),
            FocusNext | FocusPrev if self.compare.is_some() && self.overlays.is_empty() => {
                self.compare_focus(None)
            }
            ToggleSync => self.toggle_sync(ctx),
            Left | Right => {
                let d = if action == Right { 1 } else { -1 };
                match self.focus {
                    Pane::Sidebar => self.sidebar.next_tab(),
                    Pane::Timeline => self.move_event(ctx, d),
                    // The timeline moves only when it has focus.
                    Pane::Document => {
                        self.message = Some(if self.panes().timeline.is_some() {
                            "h/l move on the timeline: Tab to it first".into()
                        } else {
                            "h/l move on the timeline (T shows it)".into()
                        })
                    }
                }
            }
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
                    let doc = self.reader.doc;
                    let d = if action == NextDocument {
                        (doc + 1) % n
                    } else {
                        (doc + n - 1) % n
                    };
                    self.record_jump();
                    self.set_doc(d);
                }
            }
            NextClaim => self.step_claim(ctx, true),
            PrevClaim => self.step_claim(ctx, false),
            NextHit => self.step_walk(ctx, true),
            PrevHit => self.step_walk(ctx, false),
            Search => self.open_search(),
            ToggleRegex => self.toggle_regex(ctx),
            HitsList => {
                if self.search.prompt.is_some() {
                    self.confirm_search(ctx);
                }
                self.open_hits();
            }
            DeleteWord => self.edit(ctx, Edit::DeleteWord),
            ClearInput => self.edit(ctx, Edit::Clear),
            CursorLeft => self.edit(ctx, Edit::Left),
            CursorRight => self.edit(ctx, Edit::Right),
            CursorHome => self.edit(ctx, Edit::Home),
            CursorEnd => self.edit(ctx, Edit::End),
            Finder => self.open_finder(ctx),
            EntityCard => self.card_for_context(ctx),
            Confirm => self.confirm(ctx),
            Compare => {
                if self.compare.is_some() && self.overlays.is_empty() {
                    self.close_compare();
                } else {
                    self.compare_chosen(ctx);
                }
            }
            ComparePick => self.open_picker(ctx),
            Filter => {
                self.sidebar.filter_editing = !self.sidebar.filter_editing;
                if self.sidebar.filter_editing {
                    self.sidebar.visible = true;
                    self.sidebar.tab = SidebarTab::Entities;
                    if self.panes().sidebar.is_some() {
                        self.focus = Pane::Sidebar;
                    }
                }
            }
            SortEntities => {
                self.sidebar.next_sort();
                self.refresh_entities(ctx);
            }
            ClearSelection => {
                self.chosen = None;
                self.reader.claim = None;
                self.timeline.event = None;
            }
            NextTheme => {
                self.theme = (self.theme + 1) % self.theme_count;
                self.message = Some(match self.theme_names.get(self.theme) {
                    Some(name) => format!("theme: {name} · t for the next"),
                    None => format!("theme {} of {}", self.theme + 1, self.theme_count),
                });
            }
            ToggleTimeline | TimelineScale | FoldBackground => self.timeline_key(ctx, action),
            ToggleMouse => {
                self.mouse = !self.mouse;
                self.message = Some(if self.mouse {
                    "mouse on: a click selects, the wheel scrolls".into()
                } else {
                    "mouse off: select text with the terminal · M turns it on".into()
                });
            }
            Copy => self.copy_claim(ctx),
            CycleHighlight => {
                self.reader.highlight = self.reader.highlight.next();
                self.message = Some(format!(
                    "highlighting {} · m for more",
                    self.reader.highlight.label()
                ));
            }
            ToggleSidebar if self.size.width < layout::SIDEBAR_MIN_WIDTH => {
                // Too narrow to sit beside the text: shown over it.
                self.sidebar.floating = !self.sidebar.floating;
                self.sidebar.visible = true;
                if self.panes().sidebar.is_some() {
                    self.focus = Pane::Sidebar;
                    let h = self.list_height();
                    self.sidebar.ensure_visible(h);
                } else {
                    self.sidebar.floating = false;
                    if self.focus == Pane::Sidebar {
                        self.focus = Pane::Document;
                    }
                    self.message = Some("the window is too small for the sidebar".into());
                }
                if !self.sidebar.floating && self.focus == Pane::Sidebar {
                    self.focus = Pane::Document;
                }
            }
            ToggleSidebar => {
                self.sidebar.visible = !self.sidebar.visible;
                if self.panes().sidebar.is_none() {
                    if self.sidebar.visible {
                        self.message = Some("the window is too small for the sidebar".into());
                    }
                    if self.focus == Pane::Sidebar {
                        self.focus = Pane::Document;
                    }
                } else {
                    let h = self.list_height();
                    self.sidebar.ensure_visible(h);
                }
            }
            Help => self.overlays.toggle(Overlay::Help { scroll: 0 }),
            ShowLog => self.overlays.toggle(Overlay::Log { scroll: 0 }),
            Close => self.escape(ctx),
            Quit => {
                if self.overlays.close_top() {
                } else if self.sidebar.filter_editing {
                    self.sidebar.filter_editing = false;
                } else if self.sidebar.floating {
                    self.sidebar.floating = false;
                    self.focus = Pane::Document;
                } else if self.compare.is_some() {
                    self.close_compare();
                } else {
                    self.quit = true;
                }
            }
            ForceQuit => self.quit = true,
            Suspend => self.suspend = true,
            Back => self.go_back(ctx),
            Forward => self.go_forward(ctx),
            Pin => self.pin_here(ctx),
            PinsList => self.open_pins(ctx),
            PinUp => self.shift_pin(ctx, -1),
            PinDown => self.shift_pin(ctx, 1),
            EditNote => self.edit_pin_note(),
            DeletePin => self.delete_pin(ctx),
            Undo => self.undo_pin(ctx),
            WriteBriefing => self.ask_briefing_path(),
            Yes => self.confirm_overwrite(ctx),
        }
    }

    /// An edit of whichever text field is taking keys.
    fn edit(&mut self, ctx: &Ctx, e: Edit) {
        if self.overlays.top() == Some(&Overlay::PinPrompt) {
            self.pin_prompt_edit(e);
        } else if self.overlays.top() == Some(&Overlay::Finder) {
            self.finder_edit(ctx, e);
        } else {
            self.search_edit(ctx, e);
        }
    }

    fn confirm(&mut self, ctx: &Ctx) {
        if self.search.prompt.is_some() {
            return self.confirm_search(ctx);
        }
        if self.sidebar.filter_editing {
            self.sidebar.filter_editing = false;
            return;
        }
        match self.overlays.top().copied() {
            Some(Overlay::Links { claim, selected }) => {
                if let Some(index) = ctx.index
                    && let Some(l) = index.links[claim].get(selected)
                {
                    let to = &index.claims[l.to];
                    self.overlays.close_top();
                    self.jump(ctx, to.doc, to.range.start);
                    self.reader.claim = Some(l.to);
                }
                return;
            }
            Some(Overlay::Picker { selected }) => {
                let left = self.compare.as_ref().map_or(self.reader.doc, |c| c.left);
                return self.open_compare(ctx, left, selected, None);
            }
            Some(Overlay::Hits { selected }) => return self.confirm_hit_row(ctx, selected),
            Some(Overlay::Finder) => return self.confirm_finder(ctx),
            Some(Overlay::Card) => return self.confirm_card(ctx),
            Some(Overlay::Pins) => return self.confirm_pin_row(ctx),
            Some(Overlay::PinPrompt) => return self.confirm_pin_prompt(ctx),
            Some(Overlay::Corroboration) => return self.confirm_corroboration(ctx),
            Some(Overlay::Events { selected }) => return self.confirm_event_row(ctx, selected),
            Some(Overlay::Help { .. } | Overlay::Log { .. } | Overlay::Pair { .. }) => return,
            None => {}
        }
        if self.compare.is_some() {
            return self.open_pair();
        }
        match self.focus {
            Pane::Sidebar => match self.sidebar.tab {
                SidebarTab::Documents => {
                    if self.sidebar.doc_selected < ctx.docs.len() {
                        self.set_doc(self.sidebar.doc_selected);
                        self.focus = Pane::Document;
                        self.sidebar.floating = false;
                    }
                }
                SidebarTab::Entities => {
                    if let Some(e) = self.sidebar.selected_entity() {
                        self.choose_entity(ctx, e);
                    }
                }
            },
            Pane::Timeline => self.confirm_timeline(ctx),
            Pane::Document => {
                let Some(index) = ctx.index else { return };
                let view_top = {
                    let lines = self.lines(ctx);
                    lines
                        .get(self.top_line(&lines))
                        .map_or(0, |l| l.range.start)
                };
                let doc = self.reader.doc;
                let claim = self
                    .reader
                    .claim
                    .filter(|c| index.claims[*c].doc == doc)
                    .or_else(|| self.reader.claim_from(index, view_top, true));
                if let Some(c) = claim {
                    self.reader.claim = Some(c);
                    if index.links[c].is_empty() {
                        self.message =
                            Some("single source: no other document makes this claim".into());
                    } else {
                        self.overlays.open(Overlay::Links {
                            claim: c,
                            selected: 0,
                        });
                    }
                }
            }
        }
    }
}
