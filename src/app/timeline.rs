//! The timeline strip's state: the selected event.

#[derive(Debug, Clone, Default)]
pub struct TimelineState {
    /// The selected event, as a position in the index's timeline.
    pub event: Option<usize>,
}

impl TimelineState {
    /// Select the event `delta` places away in a timeline of `n` events;
    /// with none selected, the first (forward) or the last.
    pub fn move_by(&mut self, n: usize, delta: isize) {
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
}
