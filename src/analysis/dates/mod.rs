//! Dates in news text, found once per document and then resolved.
//!
//! The scanner ([`scan`]) finds every date expression and records what it
//! says ([`expr::Expr`]): a date the text fixes (`June 4, 2015`, `1961`, `the
//! 1990s`, `from 2015 to 2017`), a calendar date whose year comes from
//! context (`March 3`, `early June`, `Christmas`, `the third quarter`, `this
//! summer`), a weekday (`said Tuesday`), a date counted from the document's
//! date (`last year`, `two weeks ago`, `yesterday`) or one counted from the
//! last date mentioned (`that day`, `the following year`, `two weeks
//! later`). The resolver ([`resolve`]) then turns each into an ISO partial
//! date with a precision, an optional qualifier and an optional end,
//! against the publication date, or, in an undated article, against dates
//! the article itself states. What nothing fixes stays unresolved (its
//! `date` is `None`); it is never resolved against another article.

mod calendar;
pub mod expr;
mod holidays;
mod resolve;
mod scan;
mod words;

pub use calendar::month_number;
pub use resolve::{Reference, ReferenceBasis, Resolution, resolve};
pub use scan::scan;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    Year,
    Month,
    Day,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Early,
    Mid,
    Late,
}

/// A date known to a year, a month or a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PartialDate {
    pub fn year(y: i32) -> Self {
        PartialDate {
            year: y,
            month: None,
            day: None,
        }
    }
    pub fn month(y: i32, m: u8) -> Self {
        PartialDate {
            year: y,
            month: Some(m),
            day: None,
        }
    }
    pub fn day(d: NaiveDate) -> Self {
        PartialDate {
            year: d.year(),
            month: Some(d.month() as u8),
            day: Some(d.day() as u8),
        }
    }
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }
    /// ISO 8601, as precise as known: `2015`, `2015-06`, `2015-06-04`.
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }
    /// The first day this date could be.
    pub fn first_day(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(
            self.year,
            self.month.unwrap_or(1) as u32,
            self.day.unwrap_or(1) as u32,
        )
    }
    /// The last day this date could be.
    pub fn last_day(&self) -> Option<NaiveDate> {
        match (self.month, self.day) {
            (Some(_), Some(_)) => self.first_day(),
            (Some(m), None) => calendar::month_end(self.year, m),
            _ => NaiveDate::from_ymd_opt(self.year, 12, 31),
        }
    }
    /// A day number for placing the date on a time axis (the middle of the
    /// span, shifted by the qualifier).
    pub fn axis_day(&self, q: Option<Qualifier>) -> i64 {
        let start = self.first_day().map_or(0, |d| d.num_days_from_ce() as i64);
        let span = match self.precision() {
            Precision::Day => 0,
            Precision::Month => 30,
            Precision::Year => 365,
        };
        let frac = match q {
            Some(Qualifier::Early) => 0.15,
            Some(Qualifier::Mid) => 0.5,
            Some(Qualifier::Late) => 0.85,
            None => 0.5,
        };
        start + (span as f64 * frac) as i64
    }
}

impl std::fmt::Display for PartialDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.iso())
    }
}

/// A date expression found in text and resolved as far as the document
/// allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    pub range: Range<usize>,
    /// `None` when the expression is relative and nothing in the document
    /// fixes it (a weekday in an undated article).
    pub date: Option<PartialDate>,
    pub end: Option<PartialDate>,
    pub qualifier: Option<Qualifier>,
    /// True when the text alone does not fix the date (partial or relative).
    pub relative: bool,
}

/// Find and resolve every date expression in `text`; `published` is the
/// document's own date, if known.
pub fn find(text: &str, published: Option<NaiveDate>) -> Vec<DateMention> {
    resolve(text, &scan(text), published).mentions
}

/// The first date with a day and a year stated in `s` (for datelines and
/// metadata fields) and its range.
pub fn full_date_in(s: &str) -> Option<(Range<usize>, NaiveDate)> {
    scan(s).into_iter().find_map(|f| match f.expr {
        expr::Expr::Stated { date, .. } if date.precision() == Precision::Day => {
            date.first_day().map(|d| (f.range, d))
        }
        _ => None,
    })
}

#[cfg(test)]
mod tests;
