//! The fuzzy finder's state: the query typed, the ranked matches and the
//! selected row.

use super::input::LineInput;
use crate::search::finder::{ClaimSearch, FinderIndex, Matches};
use std::sync::Arc;

#[derive(Debug, Clone, Default)]
pub struct FinderState {
    pub input: LineInput,
    pub matches: Matches,
    pub selected: usize,
    /// The documents-only list used before the analysis is there.
    pub local: Option<Arc<FinderIndex>>,
    /// Finds the claims (through the search index), remembering the last
    /// keystrokes.
    pub claims: ClaimSearch,
}
