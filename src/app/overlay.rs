//! Overlays drawn over the panes, kept as a stack: the top one sees keys
//! first, and `Esc` closes it to show the one below.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
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
    /// The search's hits, grouped by document.
    Hits {
        selected: usize,
    },
    /// The fuzzy finder (its state is the app's `finder`).
    Finder,
    /// An entity's card (its state is the app's `card`).
    Card,
    /// The pins list (its state is the app's `pins`).
    Pins,
    /// The one-line prompt for a pin's note, a file name or a question,
    /// on the bottom line (its state is `pins.prompt`).
    PinPrompt,
    /// The selected pair of the compare view in full: both claims and the
    /// whole word diff.
    Pair {
        scroll: usize,
    },
    /// The corroboration view, full screen (its state is the app's
    /// `corroboration`).
    Corroboration,
    /// The events of a stacked timeline column (`timeline.listed`).
    Events {
        selected: usize,
    },
}

impl Overlay {
    /// Scroll a text overlay of `len` lines, `page` of them visible.
    pub fn scroll_by(&mut self, delta: isize, len: usize, page: usize) {
        let max = len.saturating_sub(page);
        if let Overlay::Help { scroll } | Overlay::Log { scroll } | Overlay::Pair { scroll } = self
        {
            *scroll = (*scroll as isize + delta).clamp(0, max as isize) as usize;
        }
    }

    /// Move the selection of a list overlay of `n` rows by `delta` rows.
    pub fn select_by(&mut self, delta: isize, n: usize) {
        let step = |s: usize| {
            (s as isize)
                .saturating_add(delta)
                .clamp(0, n.saturating_sub(1) as isize) as usize
        };
        match self {
            // Lists move by pages too, and to either end.
            Overlay::Links { selected, .. }
            | Overlay::Picker { selected }
            | Overlay::Hits { selected }
            | Overlay::Events { selected } => *selected = step(*selected),
            _ => {}
        }
    }

    fn same_kind(&self, other: &Overlay) -> bool {
        std::mem::discriminant(self) == std::mem::discriminant(other)
    }
}

/// The open overlays, bottom first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overlays(Vec<Overlay>);

impl Overlays {
    pub fn top(&self) -> Option<&Overlay> {
        self.0.last()
    }

    pub fn top_mut(&mut self) -> Option<&mut Overlay> {
        self.0.last_mut()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Overlay> {
        self.0.iter()
    }

    /// Open `o` on top; an overlay of the same kind already open is taken
    /// out first, so that each kind is open once.
    pub fn open(&mut self, o: Overlay) {
        self.0.retain(|x| !x.same_kind(&o));
        self.0.push(o);
    }

    /// Close the top overlay; false when none was open.
    pub fn close_top(&mut self) -> bool {
        self.0.pop().is_some()
    }

    /// Open `o`, or close it when an overlay of its kind is on top.
    pub fn toggle(&mut self, o: Overlay) {
        if self.top().is_some_and(|t| t.same_kind(&o)) {
            self.0.pop();
        } else {
            self.open(o);
        }
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stack_closes_from_the_top() {
        let mut o = Overlays::default();
        o.open(Overlay::Links {
            claim: 1,
            selected: 0,
        });
        o.open(Overlay::Help { scroll: 0 });
        assert_eq!(o.top(), Some(&Overlay::Help { scroll: 0 }));
        assert!(o.close_top());
        assert!(matches!(o.top(), Some(Overlay::Links { .. })));
        o.toggle(Overlay::Help { scroll: 0 });
        o.toggle(Overlay::Help { scroll: 3 });
        assert!(matches!(o.top(), Some(Overlay::Links { .. })));
        // Each kind is open once.
        o.open(Overlay::Help { scroll: 0 });
        o.open(Overlay::Links {
            claim: 2,
            selected: 0,
        });
        assert_eq!(o.iter().count(), 2);
        assert!(o.close_top() && o.close_top() && !o.close_top());
    }
}
