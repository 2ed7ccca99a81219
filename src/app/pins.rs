//! The pins' state in the reader: the store (saved per corpus), where each
//! pin is in the corpus as loaded now, the pins list's selection, the one
//! line prompt for a note or a file name, and what the store had to say.

use super::input::LineInput;
use crate::pins::{Pin, PinStore, Resolved};
use std::collections::HashMap;
use std::path::PathBuf;

/// What the prompt on the bottom line is for.
#[derive(Debug, Clone)]
pub enum PromptFor {
    /// A new pin, added with the note typed (`Esc`: with no note).
    NewPin(Box<Pin>, Resolved),
    /// The note of the pin with this id.
    EditNote(String),
    /// The file to write the briefing of the pins to.
    SavePath,
    /// The file exists: replace it? (`y`, else back to the name).
    Overwrite(PathBuf),
}

#[derive(Debug, Clone)]
pub struct PinPrompt {
    pub input: LineInput,
    pub purpose: PromptFor,
    /// Why the last `Enter` did not go through (a file that cannot be
    /// written), shown beside the field.
    pub error: Option<String>,
}

impl PinPrompt {
    /// Is it a yes/no question rather than a text field?
    pub fn asks(&self) -> bool {
        matches!(self.purpose, PromptFor::Overwrite(_))
    }
}

#[derive(Debug, Clone)]
pub struct PinsState {
    pub store: PinStore,
    /// Where each pin (by id) is in the corpus as loaded now; filled once
    /// the analysis is there.
    pub resolved: HashMap<String, Resolved>,
    /// The selected row of the pins list.
    pub selected: usize,
    pub prompt: Option<PinPrompt>,
    /// What the store reported (a corrupt file moved aside, a file from a
    /// newer crossread, a save that failed), for the load log.
    pub log: Vec<String>,
    /// The last briefing written from the pins list.
    pub written: Option<PathBuf>,
}

impl Default for PinsState {
    fn default() -> Self {
        PinsState {
            store: PinStore::in_memory(),
            resolved: HashMap::new(),
            selected: 0,
            prompt: None,
            log: Vec::new(),
            written: None,
        }
    }
}

impl PinsState {
    pub fn pins(&self) -> &[Pin] {
        self.store.pins()
    }

    /// The selected pin.
    pub fn selected_pin(&self) -> Option<&Pin> {
        self.store.pins().get(self.selected)
    }

    /// Where pin `p` is, when known.
    pub fn place_of(&self, p: &Pin) -> Option<&Resolved> {
        self.resolved.get(&p.id)
    }

    /// Keep the selection inside the list.
    pub fn clamp(&mut self) {
        self.selected = self.selected.min(self.store.pins().len().saturating_sub(1));
    }

    /// Move the selection by `delta`, within the list.
    pub fn move_by(&mut self, delta: isize) {
        let n = self.store.pins().len();
        self.selected = (self.selected as isize)
            .saturating_add(delta)
            .clamp(0, n.saturating_sub(1) as isize) as usize;
    }
}

/// A file name for a new briefing in `dir` that does not exist yet:
/// `briefing-<date>.md`, else with `-2`, `-3`… added.
pub fn fresh_briefing_name(dir: &std::path::Path, date: &str) -> PathBuf {
    let mut p = dir.join(format!("briefing-{date}.md"));
    let mut n = 2;
    while p.exists() {
        p = dir.join(format!("briefing-{date}-{n}.md"));
        n += 1;
    }
    p
}

/// Today's date (UTC), as `YYYY-MM-DD`.
pub fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    chrono::DateTime::from_timestamp(secs, 0)
        .unwrap_or_default()
        .format("%Y-%m-%d")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fresh_names_do_not_clobber() {
        let dir = std::env::temp_dir().join(format!("crossread-fresh-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let a = fresh_briefing_name(&dir, "2026-05-02");
        assert_eq!(a, dir.join("briefing-2026-05-02.md"));
        std::fs::write(&a, "x").unwrap();
        let b = fresh_briefing_name(&dir, "2026-05-02");
        assert_eq!(b, dir.join("briefing-2026-05-02-2.md"));
        std::fs::remove_dir_all(&dir).ok();
        assert_eq!(today().len(), 10);
    }
}
