//! Everything a user can do, as data. Keys map to actions (keymap.rs); only
//! `update` changes state, and only in answer to an action.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Down,
    Up,
    Left,
    Right,
    HalfPageDown,
    HalfPageUp,
    PageDown,
    PageUp,
    Top,
    Bottom,
    FocusNext,
    FocusPrev,
    NextDocument,
    PrevDocument,
    Confirm,
    NextClaim,
    PrevClaim,
    /// Next search hit, or mention of the chosen entity.
    NextHit,
    PrevHit,
    /// Open the search prompt.
    Search,
    /// Words or regex, in the prompt.
    ToggleRegex,
    /// The list of the search's hits.
    HitsList,
    /// The fuzzy finder over documents, entities, claims and dates.
    Finder,
    /// The card of the entity in question.
    EntityCard,
    DeleteWord,
    ClearInput,
    CursorLeft,
    CursorRight,
    CursorHome,
    CursorEnd,
    Compare,
    ComparePick,
    /// In the compare view: the other side follows the focused one, or not.
    ToggleSync,
    Filter,
    SortEntities,
    ClearSelection,
    NextTheme,
    /// What the text highlights: claims, entities, dates, all, nothing.
    CycleHighlight,
    ToggleSidebar,
    Help,
    ShowLog,
    Close,
    Quit,
    /// Quit at once, whatever is open (Ctrl-c).
    ForceQuit,
    /// Stop and give the shell back; `fg` returns (Ctrl-z).
    Suspend,
    /// Back to the place before the last jump.
    Back,
    /// Forward again after going back.
    Forward,
    /// Pin what you are on (with a note typed at once).
    Pin,
    /// The list of pins.
    PinsList,
    /// In the pins list: move the selected pin up / down.
    PinUp,
    PinDown,
    /// In the pins list: edit the selected pin's note.
    EditNote,
    /// In the pins list: delete the selected pin (undo brings it back).
    DeletePin,
    /// Undo the last deletion.
    Undo,
    /// Write the briefing of the pins to a file.
    WriteBriefing,
    /// Yes, to a question (replace a file).
    Yes,
    /// The corroboration view: statements by sources, who says what.
    Corroboration,
    /// In the corroboration view: only statements about an entity, or all.
    FilterEntity,
    /// In the corroboration view: only statements one source makes, or all.
    SingleSource,
    /// In the corroboration view: one column per outlet, or per document.
    CollapseOutlets,
    /// Show or hide the timeline strip.
    ToggleTimeline,
    /// The timeline's axis to scale, or evenly spaced.
    TimelineScale,
    /// Fold away (or show) the timeline's background dates.
    FoldBackground,
    /// Mouse capture off (the terminal selects text) or on.
    ToggleMouse,
    /// Copy the current claim with its citation (OSC 52).
    Copy,
}

/// Input that is not a key: the mouse and the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    Action(Action),
    Click {
        x: u16,
        y: u16,
    },
    Wheel {
        x: u16,
        y: u16,
        down: bool,
    },
    Resize {
        width: u16,
        height: u16,
    },
    /// Every file of the corpus is read (the first frame showed the first
    /// document alone); the documents given with the next inputs are all.
    Loaded,
    /// The analysis finished and its index is available.
    Analysed,
    /// A character typed into a text field (the entity filter).
    Char(char),
    Backspace,
    /// The search index is ready.
    Indexed,
    /// The finder's full list is ready.
    FinderReady,
    /// A key bound to nothing where it was pressed.
    Unbound(super::keymap::Key),
}
