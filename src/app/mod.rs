//! Application state, changed only by actions (the `update` function), the
//! keymap that turns keys into actions, and the screen geometry both share.
//! Knows nothing of how things are drawn.

pub mod action;
pub mod keymap;
pub mod layout;
pub mod state;

pub use action::{Action, Input};
pub use keymap::{Context, Keymap};
pub use state::{AppState, Compare, Ctx, EntitySort, Overlay, Pane, SidebarTab};
