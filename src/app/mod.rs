//! Application state, changed only by actions (the `update` function), the
//! keymap that turns keys into actions, and the screen geometry both share.
//! One small state per pane and overlay, each in its own module; `state`
//! composes them. Knows nothing of how things are drawn.

mod act_card;
mod act_compare;
mod act_corroboration;
mod act_finder;
mod act_pins;
mod act_search;
mod act_timeline;
pub mod action;
pub mod bindings;
pub mod card;
pub mod chosen;
pub mod clipboard;
pub mod compare;
pub mod corroboration;
pub mod document;
pub mod finder;
mod goto;
pub mod input;
pub mod jumps;
pub mod keymap;
pub mod keys;
pub mod layout;
mod motion;
mod mouse;
pub mod overlay;
pub mod pair;
pub mod pins;
pub mod search;
pub mod sidebar;
pub mod state;
pub mod timeline;

pub use act_pins::PinWhat;
pub use action::{Action, Input};
pub use compare::Compare;
pub use keymap::{Context, Keymap};
pub use overlay::Overlay;
pub use sidebar::{EntitySort, SidebarTab};
pub use state::{AppState, Ctx, Pane};
