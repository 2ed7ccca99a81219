//! From a key press to an input for `update`: the keys are offered to the
//! top layer first (an overlay, a text field, the focused pane), then to the
//! global keys, as helix's compositor does. Text fields take printable
//! characters before any binding can.

use super::action::{Action, Input};
use super::keymap::{Context, Key, Keymap};
use super::overlay::Overlay;
use super::state::{AppState, Pane};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The contexts that see a key, in order.
pub fn contexts(state: &AppState) -> Vec<Context> {
    if let Some(o) = state.overlays.top() {
        let c = match o {
            Overlay::Help { .. } | Overlay::Log { .. } => Context::Help,
            Overlay::Links { .. } => Context::Links,
            Overlay::Picker { .. } => Context::Picker,
            Overlay::Hits { .. } => Context::Hits,
            Overlay::Finder => Context::Finder,
            Overlay::Card => Context::Card,
            Overlay::Pins => Context::Pins,
            Overlay::PinPrompt if state.pins.prompt.as_ref().is_some_and(|p| p.asks()) => {
                Context::Ask
            }
            Overlay::PinPrompt => Context::Note,
            Overlay::Pair { .. } => Context::Pair,
            Overlay::Corroboration => Context::Corroboration,
            Overlay::Events { .. } => Context::Events,
        };
        return vec![c];
    }
    if state.search.prompt.is_some() {
        return vec![Context::Prompt];
    }
    if state.sidebar.filter_editing {
        return vec![Context::Filter];
    }
    if state.compare.is_some() {
        return vec![Context::Compare];
    }
    if state.focus == Pane::Sidebar && state.panes().sidebar.is_some() {
        return vec![Context::Sidebar, Context::Global];
    }
    vec![Context::Global]
}

/// Is a text field taking typed characters?
fn typing(contexts: &[Context]) -> bool {
    matches!(
        contexts.first(),
        Some(Context::Filter | Context::Prompt | Context::Finder | Context::Note)
    )
}

/// Global actions that work over every overlay and mode that does not bind
/// the key itself.
fn falls_through(a: Action) -> bool {
    matches!(
        a,
        Action::Quit
            | Action::Close
            | Action::Help
            | Action::NextTheme
            | Action::ForceQuit
            | Action::Suspend
    )
}

pub fn translate_key(state: &AppState, keymap: &Keymap, ev: KeyEvent) -> Option<Input> {
    // Ctrl-c quits whatever a user keymap says: there is always a way out.
    if ev.code == KeyCode::Char('c') && ev.modifiers.contains(KeyModifiers::CONTROL) {
        return Some(Input::Action(Action::ForceQuit));
    }
    let key = Key::from_event(ev);
    let chain = contexts(state);
    if let Some(a) = keymap.lookup_chain(&chain, key) {
        return Some(Input::Action(a));
    }
    if typing(&chain)
        && !ev
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        match ev.code {
            KeyCode::Char(c) => return Some(Input::Char(c)),
            KeyCode::Backspace => return Some(Input::Backspace),
            _ => {}
        }
    }
    if chain.contains(&Context::Global) {
        return unbound(&chain, key);
    }
    // Quitting and the like work everywhere, but a text field keeps its
    // characters: only keys with a modifier or without a character pass.
    let plain_char = matches!(ev.code, KeyCode::Char(_))
        && !ev
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    if typing(&chain) && plain_char {
        return None;
    }
    match keymap.lookup(Context::Global, key) {
        Some(a) if falls_through(a) => Some(Input::Action(a)),
        _ => unbound(&chain, key),
    }
}

/// A key that does nothing where it was pressed: said in the status bar
/// (outside text fields, and only for keys one types on purpose).
fn unbound(chain: &[Context], key: Key) -> Option<Input> {
    let deliberate = matches!(
        key.code,
        KeyCode::Char(_)
            | KeyCode::F(_)
            | KeyCode::Enter
            | KeyCode::Tab
            | KeyCode::BackTab
            | KeyCode::Backspace
            | KeyCode::Delete
            | KeyCode::Insert
            | KeyCode::Left
            | KeyCode::Right
            | KeyCode::Up
            | KeyCode::Down
            | KeyCode::Home
            | KeyCode::End
            | KeyCode::PageUp
            | KeyCode::PageDown
    );
    (deliberate && !typing(chain)).then_some(Input::Unbound(key))
}
