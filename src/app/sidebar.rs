//! The sidebar's state: two tabs (entities, documents), each a scrolled list
//! with a selected row; the entity list filtered and sorted.

use crate::index::Index;

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

#[derive(Debug, Clone)]
pub struct SidebarState {
    pub visible: bool,
    pub tab: SidebarTab,
    /// Documents tab: selected row and first visible row.
    pub doc_selected: usize,
    pub doc_offset: usize,
    /// Entities tab: the filtered, sorted entity ids, the selected row and
    /// the first visible row.
    pub entity_rows: Vec<usize>,
    pub entity_selected: usize,
    pub entity_offset: usize,
    pub filter: String,
    /// The filter is being typed.
    pub filter_editing: bool,
    pub sort: EntitySort,
    /// Shown as an overlay over the text (narrow terminals).
    pub floating: bool,
}

impl Default for SidebarState {
    fn default() -> Self {
        SidebarState {
            visible: true,
            tab: SidebarTab::Documents,
            doc_selected: 0,
            doc_offset: 0,
            entity_rows: Vec::new(),
            entity_selected: 0,
            entity_offset: 0,
            filter: String::new(),
            filter_editing: false,
            sort: EntitySort::Mentions,
            floating: false,
        }
    }
}

impl SidebarState {
    /// Keep both lists' selected rows inside their `height` visible rows.
    pub fn ensure_visible(&mut self, height: usize) {
        let h = height.max(1);
        for (sel, off) in [
            (self.doc_selected, &mut self.doc_offset),
            (self.entity_selected, &mut self.entity_offset),
        ] {
            if sel < *off {
                *off = sel;
            } else if sel >= *off + h {
                *off = sel + 1 - h;
            }
        }
    }

    /// Move the selection of the shown tab by `delta` rows.
    pub fn move_by(&mut self, doc_count: usize, delta: isize, height: usize) {
        let (n, sel) = match self.tab {
            SidebarTab::Documents => (doc_count, &mut self.doc_selected),
            SidebarTab::Entities => (self.entity_rows.len(), &mut self.entity_selected),
        };
        if n == 0 {
            return;
        }
        *sel = (*sel as isize + delta).clamp(0, n as isize - 1) as usize;
        self.ensure_visible(height);
    }

    pub fn select_doc(&mut self, doc: usize, height: usize) {
        self.doc_selected = doc;
        self.ensure_visible(height);
    }

    /// The entity on the selected row of the entity tab.
    pub fn selected_entity(&self) -> Option<usize> {
        self.entity_rows.get(self.entity_selected).copied()
    }

    pub fn next_tab(&mut self) {
        self.tab = match self.tab {
            SidebarTab::Entities => SidebarTab::Documents,
            SidebarTab::Documents => SidebarTab::Entities,
        };
    }

    pub fn next_sort(&mut self) {
        self.sort = match self.sort {
            EntitySort::Mentions => EntitySort::Kind,
            EntitySort::Kind => EntitySort::Mentions,
        };
    }

    /// Recompute the entity list after a change of filter, sort or index.
    pub fn refresh_entities(&mut self, index: &Index, height: usize) {
        let needle = self.filter.to_lowercase();
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
        match self.sort {
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
        self.ensure_visible(height);
    }
}
