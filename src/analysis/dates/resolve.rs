//! Resolving what the scanner found: against the publication date when the
//! document has one; else against dates the document itself states (the
//! latest of them bounds the time of writing, the nearest full date
//! anchors a weekday); and `that day`, `the following year`, `two weeks
//! later` against the last date mentioned before. What nothing fixes stays
//! unresolved.

use super::calendar::{Bound, add_months, days_back, monday_of, year_for};
use super::expr::{Expr, Found, Shift, Span, Unit, YearRef, Yearly};
use super::words::{Tense, future, prev_word, tense};
use super::{DateMention, PartialDate, Precision};
use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};
use serde::Serialize;

/// What the reference date for resolving relative dates was taken from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReferenceBasis {
    /// The publication date (front matter, a date line, a dateline or the
    /// file name).
    Published,
    /// No publication date: the latest full date the document states (the
    /// time of writing is then or later).
    LatestInText,
    /// No publication date and no full date: the first day of the latest
    /// month or year the document states; it only gives a year to dates
    /// written without one.
    LatestPartial,
}

/// What a document's relative dates are resolved against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reference {
    pub date: NaiveDate,
    pub basis: ReferenceBasis,
}

/// The resolved mentions, in the order found, and the document's
/// reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolution {
    pub mentions: Vec<DateMention>,
    pub reference: Option<Reference>,
}

/// A yearly date in year `y`: its start and, for a span, its end.
pub fn yearly_in(what: Yearly, y: i32) -> Option<(PartialDate, Option<PartialDate>)> {
    let day =
        |y: i32, m: u8, d: u8| NaiveDate::from_ymd_opt(y, m as u32, d as u32).map(PartialDate::day);
    match what {
        Yearly::Day {
            month,
            day: d,
            end_day,
        } => Some((day(y, month, d)?, end_day.and_then(|e| day(y, month, e)))),
        Yearly::Days {
            month,
            day: d,
            end_month,
            end_day,
        } => {
            let ey = if end_month < month { y + 1 } else { y };
            Some((day(y, month, d)?, Some(day(ey, end_month, end_day)?)))
        }
        Yearly::Month(m) => Some((PartialDate::month(y, m), None)),
        Yearly::Months { first, last } if first > last => Some((
            PartialDate::month(y - 1, first),
            Some(PartialDate::month(y, last)),
        )),
        Yearly::Months { first, last } => Some((
            PartialDate::month(y, first),
            Some(PartialDate::month(y, last)),
        )),
        Yearly::Holiday(rule) => rule.date_in(y).map(|d| (PartialDate::day(d), None)),
    }
}

fn first_day_in(what: Yearly, y: i32) -> Option<NaiveDate> {
    yearly_in(what, y)?.0.first_day()
}

fn last_day_in(what: Yearly, y: i32) -> Option<NaiveDate> {
    let (d, e) = yearly_in(what, y)?;
    e.unwrap_or(d).last_day()
}

/// How far ahead (in days) a date written without a year may fall when
/// nothing in the sentence speaks of the future.
const NEAR_AHEAD: i64 = 30;

/// The document's anchors for relative dates.
struct Context {
    /// The time of writing: the publication date, or the latest full date
    /// the text states.
    now: Option<NaiveDate>,
    /// What gives a year to calendar dates written without one.
    year_ref: Option<(NaiveDate, Bound)>,
    /// Full dates the text states (position, date): in an undated text,
    /// the nearest one anchors a weekday.
    full: Vec<(usize, NaiveDate)>,
    published: bool,
}

impl Context {
    fn new(
        text: &str,
        found: &[Found],
        published: Option<NaiveDate>,
    ) -> (Context, Option<Reference>) {
        if let Some(p) = published {
            let ctx = Context {
                now: Some(p),
                year_ref: Some((p, Bound::Exact)),
                full: Vec::new(),
                published: true,
            };
            let reference = Reference {
                date: p,
                basis: ReferenceBasis::Published,
            };
            return (ctx, Some(reference));
        }
        let mut full = Vec::new();
        let mut latest: Option<NaiveDate> = None;
        for f in found {
            let Expr::Stated { date, end } = f.expr else {
                continue;
            };
            let last = end.unwrap_or(date);
            // Decades and centuries say nothing of when the text was
            // written; nor do dates it looks forward to.
            if last.year - date.year >= 9 || future(text, &f.range) {
                continue;
            }
            if date.precision() == Precision::Day
                && let Some(d) = date.first_day()
            {
                full.push((f.range.start, d));
            }
            // The text was written during or after the latest period it
            // names: from its first day on.
            latest = latest.max(last.first_day());
        }
        let latest_full = full.iter().map(|x| x.1).max();
        let reference = match (latest_full, latest) {
            (Some(d), _) => Some(Reference {
                date: d,
                basis: ReferenceBasis::LatestInText,
            }),
            (None, Some(d)) => Some(Reference {
                date: d,
                basis: ReferenceBasis::LatestPartial,
            }),
            _ => None,
        };
        let ctx = Context {
            now: latest_full,
            year_ref: latest.max(latest_full).map(|d| (d, Bound::AtLeast)),
            full,
            published: false,
        };
        (ctx, reference)
    }

    /// The full date a weekday at `pos` is placed around: the publication
    /// date, or the nearest full date stated before it (else after it).
    fn weekday_base(&self, pos: usize) -> Option<NaiveDate> {
        if self.published {
            return self.now;
        }
        self.full
            .iter()
            .rev()
            .find(|(p, _)| *p < pos)
            .or_else(|| self.full.iter().find(|(p, _)| *p > pos))
            .map(|x| x.1)
    }
}

/// The last dates mentioned, at each precision.
#[derive(Default)]
struct Anchors {
    day: Option<NaiveDate>,
    month: Option<NaiveDate>,
    year: Option<i32>,
}

impl Anchors {
    fn note(&mut self, d: PartialDate) {
        self.year = Some(d.year);
        match d.precision() {
            Precision::Day => {
                self.day = d.first_day();
                self.month = d.first_day();
            }
            Precision::Month => self.month = d.first_day(),
            Precision::Year => {}
        }
    }

    fn for_unit(&self, unit: Unit) -> Option<NaiveDate> {
        match unit {
            Unit::Day | Unit::Week => self.day,
            Unit::Month | Unit::Quarter => self.month,
            _ => self.year.and_then(|y| NaiveDate::from_ymd_opt(y, 1, 1)),
        }
    }

    fn any(&self) -> bool {
        self.year.is_some()
    }
}

type Resolved = Option<(PartialDate, Option<PartialDate>)>;

/// Resolve `found` (from [`super::scan`] on `text`) against the document's
/// publication date, if any.
pub fn resolve(text: &str, found: &[Found], published: Option<NaiveDate>) -> Resolution {
    let (ctx, reference) = Context::new(text, found, published);
    let mut anchors = Anchors::default();
    let mut out: Vec<DateMention> = Vec::with_capacity(found.len());
    for f in found {
        let resolved: Resolved = match f.expr {
            Expr::Stated { date, end } => Some((date, end)),
            Expr::Yearly { what, year } => {
                year_of(text, f, what, year, &ctx, &anchors).and_then(|y| yearly_in(what, y))
            }
            Expr::Weekday { day, shift } => {
                weekday(text, f, day, shift, &ctx).map(|d| (PartialDate::day(d), None))
            }
            Expr::FromReference { unit, n, span } => ctx.now.and_then(|b| count(b, unit, n, span)),
            Expr::FromAnchor { unit, n, span } => {
                let base = if anchors.any() {
                    anchors.for_unit(unit)
                } else {
                    ctx.now
                };
                base.and_then(|b| count(b, unit, n, span))
            }
        };
        if let Some((d, _)) = resolved {
            anchors.note(d);
        }
        out.push(DateMention {
            range: f.range.clone(),
            date: resolved.map(|r| r.0),
            end: resolved.and_then(|r| r.1),
            qualifier: f.qualifier,
            relative: !f.is_stated(),
        });
    }
    close_ranges(found, &mut out);
    Resolution {
        mentions: out,
        reference,
    }
}

/// The year of a calendar date written without one.
fn year_of(
    text: &str,
    f: &Found,
    what: Yearly,
    year: YearRef,
    ctx: &Context,
    anchors: &Anchors,
) -> Option<i32> {
    match year {
        YearRef::Stated(y) => Some(y),
        YearRef::Context => {
            let (r, bound) = ctx.year_ref?;
            // "since August" is past whatever the tense.
            let (pw, _) = prev_word(text, f.range.start);
            let t = if pw.eq_ignore_ascii_case("since") {
                Tense::Past
            } else {
                tense(text, &f.range)
            };
            year_for(|y| first_day_in(what, y), r, bound, t, NEAR_AHEAD)
        }
        YearRef::Offset(k) => ctx.now.map(|n| n.year() + k),
        YearRef::Last => {
            let now = ctx.now?;
            (now.year() - 2..=now.year())
                .rev()
                .find(|y| last_day_in(what, *y).is_some_and(|d| d < now))
        }
        YearRef::Next => {
            let now = ctx.now?;
            (now.year()..=now.year() + 2).find(|y| first_day_in(what, *y).is_some_and(|d| d > now))
        }
        YearRef::This => {
            let now = ctx.now?;
            (now.year() - 1..=now.year() + 1).min_by_key(|y| {
                match (first_day_in(what, *y), last_day_in(what, *y)) {
                    (Some(a), Some(b)) if a <= now && now <= b => 0,
                    (Some(a), Some(b)) => {
                        (a - now).num_days().abs().min((b - now).num_days().abs())
                    }
                    _ => i64::MAX,
                }
            })
        }
        YearRef::Anchor(k) => anchors.year.or(ctx.now.map(|n| n.year())).map(|y| y + k),
    }
}

fn weekday(text: &str, f: &Found, wd: Weekday, shift: Shift, ctx: &Context) -> Option<NaiveDate> {
    let base = ctx.weekday_base(f.range.start)?;
    let back = days_back(base, wd);
    let fwd = (7 - back) % 7;
    let days = match shift {
        Shift::Last if back == 0 => -7,
        Shift::Last => -back,
        Shift::Next if back == 0 => 7,
        Shift::Next => fwd,
        Shift::Context | Shift::This => {
            if future(text, &f.range) {
                fwd
            } else if ctx.published || back <= 3 {
                -back
            } else {
                fwd
            }
        }
    };
    Some(base + Duration::days(days))
}

/// The date `n` units from `base`, shaped by `span`.
fn count(base: NaiveDate, unit: Unit, n: i32, span: Span) -> Resolved {
    let day = PartialDate::day;
    let (y, m) = (base.year(), base.month() as u8);
    let back = |months: u32| base.checked_sub_months(Months::new(months));
    Some(match (unit, span) {
        (Unit::Day, _) => (day(base + Duration::days(n as i64)), None),
        (Unit::Week, Span::Whole) => {
            let monday = monday_of(base) + Duration::weeks(n as i64);
            (day(monday), Some(day(monday + Duration::days(6))))
        }
        (Unit::Week, Span::Point) => (day(base + Duration::weeks(n as i64)), None),
        (Unit::Week, Span::SoFar) => (day(monday_of(base)), Some(day(base))),
        (Unit::Week, Span::Rest) => (day(base), Some(day(monday_of(base) + Duration::days(6)))),
        (Unit::Week, Span::UpTo) => (day(base - Duration::weeks(n.abs() as i64)), Some(day(base))),
        (Unit::Month, Span::UpTo) => (day(back(n.unsigned_abs())?), Some(day(base))),
        (Unit::Month, _) => {
            let (y2, m2) = add_months(y, m, n);
            (PartialDate::month(y2, m2), None)
        }
        (Unit::Quarter, Span::UpTo) => (day(back(3 * n.unsigned_abs())?), Some(day(base))),
        (Unit::Quarter, _) => {
            let (y2, m2) = add_months(y, (m - 1) / 3 * 3 + 1, 3 * n);
            (
                PartialDate::month(y2, m2),
                Some(PartialDate::month(y2, m2 + 2)),
            )
        }
        (Unit::Year, Span::UpTo) => (day(back(12 * n.unsigned_abs())?), Some(day(base))),
        (Unit::Year, _) => (PartialDate::year(y + n), None),
        (Unit::Decade, Span::Whole | Span::SoFar | Span::Rest) => {
            let d = y.div_euclid(10) * 10 + 10 * n;
            (PartialDate::year(d), Some(PartialDate::year(d + 9)))
        }
        (Unit::Decade, Span::Point) => (PartialDate::year(y + 10 * n), None),
        (Unit::Decade, Span::UpTo) => (PartialDate::year(y - 10), Some(PartialDate::year(y))),
        (Unit::Century, Span::Whole | Span::SoFar | Span::Rest) => {
            let c = (y.div_euclid(100) + n) * 100;
            (PartialDate::year(c), Some(PartialDate::year(c + 99)))
        }
        (Unit::Century, Span::Point) => (PartialDate::year(y + 100 * n), None),
        (Unit::Century, Span::UpTo) => (PartialDate::year(y - 100), Some(PartialDate::year(y))),
    })
}

/// Give each range's start the date of its end (`from January to March`);
/// an end written without a year that would fall before the start is the
/// next year's (`from December to February`).
fn close_ranges(found: &[Found], out: &mut [DateMention]) {
    for i in 0..found.len() {
        let Some(j) = found[i].until else { continue };
        let (Some(a), Some(mut b)) = (out[i].date, out[j].date) else {
            continue;
        };
        if b < a
            && let Expr::Yearly {
                what,
                year: YearRef::Context,
            } = found[j].expr
            && let Some((d, e)) = yearly_in(what, b.year + 1)
        {
            out[j].date = Some(d);
            out[j].end = e;
            b = d;
        }
        if b > a {
            out[i].end = Some(out[j].end.unwrap_or(b));
        }
    }
}
