//! Overlays drawn over the panes; they see keys first.

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

impl Overlay {
    /// Scroll a text overlay of `len` lines, `page` of them visible.
    pub fn scroll_by(&mut self, delta: isize, len: usize, page: usize) {
        let max = len.saturating_sub(page);
        if let Overlay::Help { scroll } | Overlay::Log { scroll } = self {
            *scroll = (*scroll as isize + delta).clamp(0, max as isize) as usize;
        }
    }

    /// Move the selection of a list overlay of `n` rows by one step in the
    /// direction of `delta`.
    pub fn select_by(&mut self, delta: isize, n: usize) {
        let step = |s: usize| {
            (s as isize + delta.signum()).clamp(0, n.saturating_sub(1) as isize) as usize
        };
        match self {
            Overlay::Links { selected, .. } | Overlay::Picker { selected } => {
                *selected = step(*selected)
            }
            _ => {}
        }
    }
}
