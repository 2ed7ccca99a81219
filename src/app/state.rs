//! The application state and the one function that changes it.

use super::action::{Action, Input};
use super::layout::{self, Panes};
use crate::corpus::{DocId, Document, LoadIssue};
use crate::index::Index;
use crate::text::wrap::{Line, WrapCache};
use ratatui::layout::Rect;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Sidebar,
    Document,
    Timeline,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SidebarTab {
    Entities,
    Documents,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntitySort {
    Mentions,
    Kind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    None,
    Help {
        scroll: usize,
    },
    Log {
        scroll: usize,
    },
    /// The links of a claim, one selected.
    Links {
        claim: usize,
        selected: usize,
    },
    /// A list of documents to compare the current one with.
    Picker {
        selected: usize,
    },
}

/// Two documents side by side; the left one scrolls, the right follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Compare {
    pub left: DocId,
    pub right: DocId,
    /// The aligned pair last jumped to.
    pub pair: usize,
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
    pub sidebar_tab: SidebarTab,
    /// Documents tab: selected row and first visible row.
    pub list_selected: usize,
    pub list_offset: usize,
    /// Entities tab: the filtered, sorted entity ids, the selected row and
    /// the first visible row.
    pub entity_rows: Vec<usize>,
    pub entity_selected: usize,
    pub entity_offset: usize,
    pub entity_filter: String,
    pub filter_editing: bool,
    pub entity_sort: EntitySort,
    /// The chosen entity: its mentions are highlighted everywhere.
    pub chosen_entity: Option<usize>,
    /// Position in the chosen entity's mention list (for n / N).
    pub mention: Option<usize>,
    /// The current claim (id).
    pub claim: Option<usize>,
    /// The selected event, as a position in the index's timeline.
    pub event: Option<usize>,
    pub overlay: Overlay,
    pub compare: Option<Compare>,
    pub theme: usize,
    pub theme_count: usize,
    pub size: Rect,
    pub quit: bool,
    pub message: Option<String>,
    /// True once the analysis has arrived.
    pub analysed: bool,
}

/// What `update` reads besides the state.
pub struct Ctx<'a> {
    pub docs: &'a [Document],
    pub issues: &'a [LoadIssue],
    pub wraps: &'a WrapCache,
    pub help_lines: usize,
    pub index: Option<&'a Index>,
}

impl AppState {
    pub fn new(doc_count: usize, theme: usize, theme_count: usize, size: Rect) -> Self {
        AppState {
            doc: 0,
            anchors: vec![0; doc_count],
            focus: Pane::Document,
            sidebar_visible: true,
            sidebar_tab: SidebarTab::Documents,
            list_selected: 0,
            list_offset: 0,
            entity_rows: Vec::new(),
            entity_selected: 0,
            entity_offset: 0,
            entity_filter: String::new(),
            filter_editing: false,
            entity_sort: EntitySort::Mentions,
            chosen_entity: None,
            mention: None,
            claim: None,
            event: None,
            overlay: Overlay::None,
            compare: None,
            theme,
            theme_count: theme_count.max(1),
            size,
            quit: false,
            message: None,
            analysed: false,
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
        if p.timeline.is_some() {
            v.push(Pane::Timeline);
        }
        v
    }

    /// The wrapped lines of a document at the width it is shown.
    pub fn lines_of(&self, ctx: &Ctx, doc: DocId) -> std::rc::Rc<Vec<Line>> {
        let col = match self.compare {
            Some(c) if c.right == doc && c.left != doc => {
                layout::text_column(layout::compare_panes(self.size).1)
            }
            Some(_) => layout::text_column(layout::compare_panes(self.size).0),
            None => layout::text_column(self.panes().document),
        };
        ctx.wraps.get(doc, &ctx.docs[doc].text, col.width.max(1))
    }

    pub fn lines(&self, ctx: &Ctx) -> std::rc::Rc<Vec<Line>> {
        self.lines_of(ctx, self.doc)
    }

    /// Index of the first visible line of the current document.
    pub fn top_line(&self, lines: &[Line]) -> usize {
        top_line_at(lines, self.anchors.get(self.doc).copied().unwrap_or(0))
    }

    fn page_height(&self) -> usize {
        let col = match self.compare {
            Some(_) => layout::text_column(layout::compare_panes(self.size).0),
            None => layout::text_column(self.panes().document),
        };
        col.height.max(1) as usize
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

    fn set_doc(&mut self, doc: DocId) {
        if self.doc != doc {
            self.claim = None;
        }
        self.doc = doc;
        self.list_selected = doc;
        self.ensure_list_visible();
    }

    /// Show document `doc` with byte `pos` a third of the way down.
    pub fn reveal(&mut self, ctx: &Ctx, doc: DocId, pos: usize) {
        self.set_doc(doc);
        let lines = self.lines(ctx);
        if lines.is_empty() {
            return;
        }
        let line = top_line_at(&lines, pos);
        let max_top = lines.len().saturating_sub(self.page_height());
        let top = line.saturating_sub(self.page_height() / 3).min(max_top);
        self.anchors[doc] = lines[top].range.start;
    }

    fn list_height(&self) -> usize {
        self.panes()
            .sidebar
            .map_or(1, |r| layout::sidebar_list(r).height.max(1) as usize)
    }

    fn ensure_list_visible(&mut self) {
        let h = self.list_height();
        for (sel, off) in [
            (self.list_selected, &mut self.list_offset),
            (self.entity_selected, &mut self.entity_offset),
        ] {
            if sel < *off {
                *off = sel;
            } else if sel >= *off + h {
                *off = sel + 1 - h;
            }
        }
    }

    fn move_list(&mut self, ctx: &Ctx, delta: isize) {
        let (n, sel) = match self.sidebar_tab {
            SidebarTab::Documents => (ctx.docs.len(), &mut self.list_selected),
            SidebarTab::Entities => (self.entity_rows.len(), &mut self.entity_selected),
        };
        if n == 0 {
            return;
        }
        *sel = (*sel as isize + delta).clamp(0, n as isize - 1) as usize;
        self.ensure_list_visible();
    }

    /// Recompute the entity list after a change of filter, sort or index.
    fn refresh_entities(&mut self, ctx: &Ctx) {
        let Some(index) = ctx.index else { return };
        let needle = self.entity_filter.to_lowercase();
        let mut rows: Vec<usize> = index
            .entities
            .iter()
            .filter(|e| {
                needle.is_empty()
                    || e.name.to_lowercase().contains(&needle)
                    || e.aliases
                        .iter()
                        .any(|a| a.name.to_lowercase().contains(&needle))
            })
            .map(|e| e.id)
            .collect();
        match self.entity_sort {
            // Entities are stored by mention count already.
            EntitySort::Mentions => {}
            EntitySort::Kind => rows.sort_by_key(|&e| {
                (
                    index.entities[e].kind,
                    std::cmp::Reverse(index.entities[e].mentions.len()),
                )
            }),
        }
        self.entity_rows = rows;
        self.entity_selected = self
            .entity_selected
            .min(self.entity_rows.len().saturating_sub(1));
        self.entity_offset = self.entity_offset.min(self.entity_selected);
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
            Overlay::Links { claim, selected } => {
                let n = ctx.index.map_or(0, |i| i.links[claim].len());
                let s = (selected as isize + delta.signum()).clamp(0, n.saturating_sub(1) as isize)
                    as usize;
                self.overlay = Overlay::Links { claim, selected: s };
                return;
            }
            Overlay::Picker { selected } => {
                let n = ctx.docs.len();
                let s = (selected as isize + delta.signum()).clamp(0, n.saturating_sub(1) as isize)
                    as usize;
                self.overlay = Overlay::Picker { selected: s };
                return;
            }
            Overlay::None => {}
        }
        if self.compare.is_some() {
            return self.scroll_doc(ctx, delta);
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
            Pane::Document => self.scroll_doc(ctx, delta),
            Pane::Timeline => self.move_event(ctx, delta.signum()),
        }
    }

    fn move_event(&mut self, ctx: &Ctx, delta: isize) {
        let Some(index) = ctx.index else { return };
        let n = index.timeline.len();
        if n == 0 {
            return;
        }
        let next = match self.event {
            None if delta >= 0 => 0,
            None => n - 1,
            Some(e) => (e as isize + delta).clamp(0, n as isize - 1) as usize,
        };
        self.event = Some(next);
    }

    /// The claim at or after the top of the view in the current document.
    fn claim_from_view(&self, ctx: &Ctx, index: &Index, forward: bool) -> Option<usize> {
        let claims = index.doc_claims(self.doc);
        let current = self.claim.filter(|c| index.claims[*c].doc == self.doc);
        let pos = match current {
            Some(c) => index.claims[c].range.start,
            None => {
                let lines = self.lines(ctx);
                lines
                    .get(self.top_line(&lines))
                    .map_or(0, |l| l.range.start)
            }
        };
        if forward {
            match current {
                Some(_) => claims.iter().find(|c| c.range.start > pos),
                None => claims.iter().find(|c| c.range.start >= pos),
            }
        } else {
            claims.iter().rev().find(|c| c.range.start < pos)
        }
        .map(|c| c.id)
    }

    fn step_claim(&mut self, ctx: &Ctx, forward: bool) {
        let Some(index) = ctx.index else {
            self.message = Some("claims appear when the analysis is done".into());
            return;
        };
        if let Some(c) = self.compare {
            let pairs = compare_pairs(index, c.left, c.right);
            if pairs.is_empty() {
                self.message = Some("no linked claims between these documents".into());
                return;
            }
            let p = if forward {
                (c.pair + 1).min(pairs.len() - 1)
            } else {
                c.pair.saturating_sub(1)
            };
            let p = if self.claim.is_none() { 0 } else { p };
            self.compare = Some(Compare { pair: p, ..c });
            self.claim = Some(pairs[p].0);
            let start = index.claims[pairs[p].0].range.start;
            self.reveal(ctx, c.left, start);
            return;
        }
        let next = self.claim_from_view(ctx, index, forward).or_else(|| {
            // Past the last claim: on to the next document that has one.
            let n = ctx.docs.len();
            (1..n)
                .map(|k| {
                    if forward {
                        (self.doc + k) % n
                    } else {
                        (self.doc + n - k) % n
                    }
                })
                .find_map(|d| {
                    let cs = index.doc_claims(d);
                    if forward { cs.first() } else { cs.last() }.map(|c| c.id)
                })
        });
        if let Some(id) = next {
            let c = &index.claims[id];
            self.reveal(ctx, c.doc, c.range.start);
            self.claim = Some(id);
        }
    }

    fn step_mention(&mut self, ctx: &Ctx, forward: bool) {
        let (Some(index), Some(e)) = (ctx.index, self.chosen_entity) else {
            self.message = Some("choose an entity in the sidebar first (Enter)".into());
            return;
        };
        let ms = &index.entities[e].mentions;
        if ms.is_empty() {
            return;
        }
        let next = match self.mention {
            Some(m) if forward => (m + 1) % ms.len(),
            Some(m) => (m + ms.len() - 1) % ms.len(),
            None => 0,
        };
        self.mention = Some(next);
        let m = &index.mentions[ms[next]];
        self.reveal(ctx, m.doc, m.range.start);
    }

    fn choose_entity(&mut self, ctx: &Ctx, e: usize) {
        let Some(index) = ctx.index else { return };
        self.chosen_entity = Some(e);
        let ms = &index.entities[e].mentions;
        // Start in the current document when the entity is mentioned there.
        let first = ms
            .iter()
            .position(|&m| index.mentions[m].doc == self.doc)
            .unwrap_or(0);
        if ms.is_empty() {
            return;
        }
        self.mention = Some(first);
        let m = &index.mentions[ms[first]];
        self.reveal(ctx, m.doc, m.range.start);
    }

    fn open_compare(&mut self, ctx: &Ctx, right: DocId) {
        if right == self.doc || right >= ctx.docs.len() {
            self.message = Some("choose another document to compare with".into());
            return;
        }
        self.compare = Some(Compare {
            left: self.doc,
            right,
            pair: 0,
        });
        self.overlay = Overlay::None;
        self.claim = None;
    }

    /// The document to compare with: the selected link's, else the one the
    /// current claim or document links to most.
    fn compare_target(&self, ctx: &Ctx) -> Option<DocId> {
        let index = ctx.index?;
        if let Overlay::Links { claim, selected } = self.overlay {
            return index.links[claim]
                .get(selected)
                .map(|l| index.claims[l.to].doc);
        }
        if let Some(c) = self.claim
            && let Some(l) = index.links[c].first()
        {
            return Some(index.claims[l.to].doc);
        }
        let mut counts = vec![0usize; ctx.docs.len()];
        for c in index.doc_claims(self.doc) {
            for l in &index.links[c.id] {
                counts[index.claims[l.to].doc] += 1;
            }
        }
        counts
            .iter()
            .enumerate()
            .filter(|(d, n)| *d != self.doc && **n > 0)
            .max_by_key(|(_, n)| **n)
            .map(|(d, _)| d)
    }

    pub fn update(&mut self, input: Input, ctx: &Ctx) {
        // A message stays until the user does something (the analysis
        // arriving or a resize does not dismiss it).
        if !matches!(input, Input::Analysed | Input::Resize { .. }) {
            self.message = None;
        }
        match input {
            Input::Resize { width, height } => {
                self.size = Rect::new(0, 0, width, height);
                if !self.visible_panes().contains(&self.focus) {
                    self.focus = Pane::Document;
                }
                self.ensure_list_visible();
                self.scroll_doc(ctx, 0);
            }
            Input::Char(c) => {
                if self.filter_editing {
                    self.entity_filter.push(c);
                    self.entity_selected = 0;
                    self.refresh_entities(ctx);
                }
            }
            Input::Backspace => {
                if self.filter_editing {
                    self.entity_filter.pop();
                    self.refresh_entities(ctx);
                }
            }
            Input::Wheel { x, y, down } => {
                let p = self.panes();
                let delta = if down { 3 } else { -3 };
                if matches!(self.overlay, Overlay::Help { .. } | Overlay::Log { .. }) {
                    let len = if matches!(self.overlay, Overlay::Help { .. }) {
                        ctx.help_lines
                    } else {
                        ctx.issues.len()
                    };
                    self.overlay_scroll(delta, len);
                } else if self.overlay != Overlay::None {
                } else if self.compare.is_some() {
                    self.scroll_doc(ctx, delta);
                } else if p.sidebar.is_some_and(|r| layout::contains(r, x, y)) {
                    self.move_list(ctx, delta);
                } else if p.timeline.is_some_and(|r| layout::contains(r, x, y)) {
                    self.move_event(ctx, delta.signum());
                } else if layout::contains(p.document, x, y) {
                    self.scroll_doc(ctx, delta);
                }
            }
            Input::Click { x, y } => self.click(ctx, x, y),
            Input::Analysed => {
                self.analysed = true;
                if self.sidebar_tab == SidebarTab::Documents && self.focus != Pane::Sidebar {
                    self.sidebar_tab = SidebarTab::Entities;
                }
                self.refresh_entities(ctx);
            }
            Input::Action(a) => self.act(a, ctx),
        }
    }

    fn click(&mut self, ctx: &Ctx, x: u16, y: u16) {
        if self.overlay != Overlay::None || self.compare.is_some() {
            return;
        }
        let p = self.panes();
        if let Some(r) = p.sidebar.filter(|r| layout::contains(*r, x, y)) {
            self.focus = Pane::Sidebar;
            let list = layout::sidebar_list(r);
            if layout::contains(list, x, y) {
                let row = (y - list.y) as usize;
                match self.sidebar_tab {
                    SidebarTab::Documents if self.list_offset + row < ctx.docs.len() => {
                        self.set_doc(self.list_offset + row)
                    }
                    SidebarTab::Entities if self.entity_offset + row < self.entity_rows.len() => {
                        self.entity_selected = self.entity_offset + row;
                        self.choose_entity(ctx, self.entity_rows[self.entity_selected]);
                    }
                    _ => {}
                }
            } else if y == r.y + 1 {
                // The tab row.
                self.sidebar_tab = if x < r.x + r.width / 2 {
                    SidebarTab::Entities
                } else {
                    SidebarTab::Documents
                };
            }
        } else if let Some(r) = p.timeline.filter(|r| layout::contains(*r, x, y)) {
            self.focus = Pane::Timeline;
            if let Some(index) = ctx.index
                && let Some(e) = layout::timeline_event_at(r, index, self.event, x)
            {
                self.event = Some(e);
            }
        } else if layout::contains(p.document, x, y) {
            self.focus = Pane::Document;
        }
    }

    fn act(&mut self, action: Action, ctx: &Ctx) {
        use Action::*;
        match action {
            Down | Up | HalfPageDown | HalfPageUp | PageDown | PageUp | Top | Bottom => {
                self.navigate(action, ctx)
            }
            Left | Right => {
                let d = if action == Right { 1 } else { -1 };
                match self.focus {
                    Pane::Timeline => self.move_event(ctx, d),
                    Pane::Sidebar => {
                        self.sidebar_tab = if self.sidebar_tab == SidebarTab::Entities {
                            SidebarTab::Documents
                        } else {
                            SidebarTab::Entities
                        };
                    }
                    Pane::Document => self.move_event(ctx, d),
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
                    let d = if action == NextDocument {
                        (self.doc + 1) % n
                    } else {
                        (self.doc + n - 1) % n
                    };
                    self.set_doc(d);
                }
            }
            NextClaim => self.step_claim(ctx, true),
            PrevClaim => self.step_claim(ctx, false),
            NextMention => self.step_mention(ctx, true),
            PrevMention => self.step_mention(ctx, false),
            Confirm => self.confirm(ctx),
            Compare => {
                if self.compare.is_some() {
                    self.compare = None;
                } else if let Some(d) = self.compare_target(ctx) {
                    self.open_compare(ctx, d);
                } else {
                    self.overlay = Overlay::Picker {
                        selected: (self.doc + 1) % ctx.docs.len().max(1),
                    };
                }
            }
            ComparePick => {
                self.overlay = Overlay::Picker {
                    selected: (self.doc + 1) % ctx.docs.len().max(1),
                }
            }
            Filter => {
                self.filter_editing = !self.filter_editing;
                if self.filter_editing {
                    self.sidebar_visible = true;
                    self.sidebar_tab = SidebarTab::Entities;
                    if self.panes().sidebar.is_some() {
                        self.focus = Pane::Sidebar;
                    }
                }
            }
            SortEntities => {
                self.entity_sort = if self.entity_sort == EntitySort::Mentions {
                    EntitySort::Kind
                } else {
                    EntitySort::Mentions
                };
                self.refresh_entities(ctx);
            }
            ClearSelection => {
                self.chosen_entity = None;
                self.mention = None;
                self.claim = None;
                self.event = None;
            }
            NextTheme => self.theme = (self.theme + 1) % self.theme_count,
            ToggleSidebar => {
                self.sidebar_visible = !self.sidebar_visible;
                if self.panes().sidebar.is_none() {
                    if self.sidebar_visible {
                        self.message = Some("the window is too small for the sidebar".into());
                    }
                    if self.focus == Pane::Sidebar {
                        self.focus = Pane::Document;
                    }
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
            Close | Quit => {
                if self.filter_editing {
                    self.filter_editing = false;
                } else if self.overlay != Overlay::None {
                    self.overlay = Overlay::None;
                } else if self.compare.is_some() {
                    self.compare = None;
                } else {
                    self.quit = true;
                }
            }
        }
    }

    fn confirm(&mut self, ctx: &Ctx) {
        if self.filter_editing {
            self.filter_editing = false;
            return;
        }
        match self.overlay {
            Overlay::Links { claim, selected } => {
                if let Some(index) = ctx.index
                    && let Some(l) = index.links[claim].get(selected)
                {
                    let to = &index.claims[l.to];
                    self.overlay = Overlay::None;
                    self.reveal(ctx, to.doc, to.range.start);
                    self.claim = Some(l.to);
                }
                return;
            }
            Overlay::Picker { selected } => return self.open_compare(ctx, selected),
            Overlay::Help { .. } | Overlay::Log { .. } => return,
            Overlay::None => {}
        }
        match self.focus {
            Pane::Sidebar => match self.sidebar_tab {
                SidebarTab::Documents => {
                    if self.list_selected < ctx.docs.len() {
                        self.set_doc(self.list_selected);
                        self.focus = Pane::Document;
                    }
                }
                SidebarTab::Entities => {
                    if let Some(&e) = self.entity_rows.get(self.entity_selected) {
                        self.choose_entity(ctx, e);
                    }
                }
            },
            Pane::Timeline => {
                if let (Some(index), Some(t)) = (ctx.index, self.event) {
                    let e = &index.events[index.timeline[t]];
                    self.reveal(ctx, e.doc, e.range.start);
                    self.claim = index
                        .doc_claims(e.doc)
                        .iter()
                        .find(|c| c.range.start <= e.range.start && e.range.end <= c.range.end)
                        .map(|c| c.id);
                }
            }
            Pane::Document => {
                let Some(index) = ctx.index else { return };
                let claim = self
                    .claim
                    .filter(|c| index.claims[*c].doc == self.doc)
                    .or_else(|| self.claim_from_view(ctx, index, true));
                if let Some(c) = claim {
                    self.claim = Some(c);
                    if index.links[c].is_empty() {
                        self.message =
                            Some("single source: no other document makes this claim".into());
                    } else {
                        self.overlay = Overlay::Links {
                            claim: c,
                            selected: 0,
                        };
                    }
                }
            }
        }
    }
}

/// Index of the line holding byte `pos`.
pub fn top_line_at(lines: &[Line], pos: usize) -> usize {
    lines
        .partition_point(|l| l.range.start <= pos)
        .saturating_sub(1)
}

/// Linked claims between two documents, aligned: (left claim, right claim),
/// in the left document's order, each left claim with its strongest link.
pub fn compare_pairs(index: &Index, left: DocId, right: DocId) -> Vec<(usize, usize)> {
    index
        .doc_claims(left)
        .iter()
        .filter_map(|c| {
            index.links[c.id]
                .iter()
                .find(|l| index.claims[l.to].doc == right)
                .map(|l| (c.id, l.to))
        })
        .collect()
}
