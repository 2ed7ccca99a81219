//! What a date expression says, before anything is resolved: found once per
//! document by the scanner, then resolved against the document's date and
//! the dates mentioned before it.

use super::holidays::Rule;
use super::{PartialDate, Qualifier};
use chrono::Weekday;
use std::ops::Range;

/// Where a date written without a year gets one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearRef {
    /// Written: `March 3, 2015`, `Easter 2019`.
    Stated(i32),
    /// From the reference date and the tense of the sentence: `March 3`.
    Context,
    /// The reference year plus this: `June last year` (-1), `this
    /// summer` (0), `January next year` (1).
    Offset(i32),
    /// The latest one before the reference date: `last Christmas`.
    Last,
    /// The first one after it: `next March`.
    Next,
    /// The one nearest to it (or holding it): `this winter`, `this
    /// March`.
    This,
    /// The year a date mentioned earlier in the text names: `the
    /// following spring`… (the anchor's year plus this).
    Anchor(i32),
}

/// A part of the calendar that recurs every year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Yearly {
    /// A day, or days of one month: `March 3`, `March 3-5`.
    Day {
        month: u8,
        day: u8,
        end_day: Option<u8>,
    },
    /// Across a month boundary: `March 30-April 2`.
    Days {
        month: u8,
        day: u8,
        end_month: u8,
        end_day: u8,
    },
    Month(u8),
    /// Months `first..=last` (seasons, quarters, halves); `first` greater
    /// than `last` means the span starts the year before (winter).
    Months {
        first: u8,
        last: u8,
    },
    Holiday(Rule),
}

/// How a weekday is placed around the reference date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shift {
    /// The most recent one, or the next one when the sentence speaks of
    /// the future.
    Context,
    /// `last Friday`: the most recent one strictly before.
    Last,
    /// `next Friday`: the first one strictly after.
    Next,
    /// `this Friday`: this week's, before or after by tense.
    This,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Unit {
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

/// The shape of a date counted from another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Span {
    /// The unit as a whole: `last month` is a month, `last week` a week.
    Whole,
    /// A point `n` units away, as precise as the unit (`two weeks ago` is a
    /// day, `three months ago` a month).
    Point,
    /// From `n` units before up to the base date: `the past week`.
    UpTo,
    /// The part of the unit before the base date: `earlier this week`.
    SoFar,
    /// The part of the unit from the base date on: `later this week`.
    Rest,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Expr {
    /// Fixed by the text alone.
    Stated {
        date: PartialDate,
        end: Option<PartialDate>,
    },
    /// A calendar date whose year comes from the year reference.
    Yearly {
        what: Yearly,
        year: YearRef,
    },
    Weekday {
        day: Weekday,
        shift: Shift,
    },
    /// Counted from the reference date: `yesterday`, `last year`, `two
    /// weeks ago`, `next month`, `this quarter`.
    FromReference {
        unit: Unit,
        n: i32,
        span: Span,
    },
    /// Counted from the last date the text mentioned: `that day`, `the
    /// following year`, `two weeks later`, `a year earlier`.
    FromAnchor {
        unit: Unit,
        n: i32,
        span: Span,
    },
}

/// A date expression found in the text, not yet resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub range: Range<usize>,
    pub expr: Expr,
    pub qualifier: Option<Qualifier>,
    /// Index (among the found expressions) of the expression that ends
    /// the range this one starts: `from January to March`.
    pub until: Option<usize>,
}

impl Found {
    pub fn new(range: Range<usize>, expr: Expr) -> Found {
        Found {
            range,
            expr,
            qualifier: None,
            until: None,
        }
    }

    /// Is the date fixed by the text alone?
    pub fn is_stated(&self) -> bool {
        matches!(self.expr, Expr::Stated { .. })
    }
}
