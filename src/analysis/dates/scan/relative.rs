//! Dates counted from another: `yesterday`, `last year`, `two weeks ago`,
//! `the following year`, `that day`, `the end of the month`.

use super::lists::*;
use super::{Scan, each, is_year_word, patterns, whole};
use crate::analysis::dates::Qualifier;
use crate::analysis::dates::calendar::{month_number, number_word};
use crate::analysis::dates::expr::{Expr, Found, Span, Unit};
use crate::analysis::dates::words::{next_word, prev_word};

impl Scan<'_> {
    pub(super) fn relative(&mut self) {
        let text = self.text;
        let wins = self.wins;
        let p = patterns();
        for (off, c) in each(&p.relative, text, &wins.rel) {
            let w = whole(&c, off);
            let (pw, pstart) = prev_word(text, w.start);
            let the = pw.eq_ignore_ascii_case("the");
            let (nw, _) = next_word(text, w.end);
            let mut start = w.start;
            let expr = if let Some(d) = c.name("day") {
                let n = match d.as_str().to_ascii_lowercase().as_str() {
                    "yesterday" => -1,
                    "tomorrow" => 1,
                    _ => 0,
                };
                Expr::FromReference {
                    unit: Unit::Day,
                    n,
                    span: Span::Point,
                }
            } else if let Some(x) = c.name("night") {
                let n = if x.as_str().to_ascii_lowercase().starts_with("last") {
                    -1
                } else {
                    0
                };
                Expr::FromReference {
                    unit: Unit::Day,
                    n,
                    span: Span::Point,
                }
            } else if let Some(unit) = c.name("unit") {
                let unit = unit_of(unit.as_str());
                let dir = c["dir"].to_ascii_lowercase();
                // "the last week of March" belongs to another expression.
                let (nw2, _) = next_word(text, next_word(text, w.end).1);
                let of_date = nw == "of"
                    && (nw2.starts_with(char::is_uppercase) && month_number(nw2).is_some()
                        || is_year_word(nw2)
                        || matches!(nw2, "this" | "last" | "next"));
                if of_date || nw == "or" {
                    continue;
                }
                // "the last fiscal year" is the previous one, not the past twelve months.
                let the = the && (c.name("fiscal").is_none() || dir != "last");
                if the {
                    start = pstart;
                }
                match (dir.as_str(), the, unit) {
                    // "the last quarter" of a game, as often as of a year.
                    ("last", true, Unit::Quarter) => continue,
                    ("last", true, _) | ("past", _, _) => Expr::FromReference {
                        unit,
                        n: -1,
                        span: Span::UpTo,
                    },
                    ("next", true, _) | ("following", _, _) => Expr::FromAnchor {
                        unit,
                        n: 1,
                        span: Span::Whole,
                    },
                    ("previous" | "preceding", _, _) => Expr::FromAnchor {
                        unit,
                        n: -1,
                        span: Span::Whole,
                    },
                    ("same", true, _) | ("that", false, _) => Expr::FromAnchor {
                        unit,
                        n: 0,
                        span: Span::Whole,
                    },
                    (_, _, Unit::Day) | ("same" | "that", _, _) => continue,
                    ("last", false, _) => Expr::FromReference {
                        unit,
                        n: -1,
                        span: Span::Whole,
                    },
                    ("next" | "coming", _, _) => Expr::FromReference {
                        unit,
                        n: 1,
                        span: Span::Whole,
                    },
                    (d, _, _) => Expr::FromReference {
                        unit,
                        n: 0,
                        span: if d.starts_with("earlier") {
                            Span::SoFar
                        } else if d.starts_with("later") {
                            Span::Rest
                        } else {
                            Span::Whole
                        },
                    },
                }
            } else if let Some(n) = c.name("n") {
                let Some(count) = number_word(n.as_str()) else {
                    continue;
                };
                // "1,400 years ago" is no count of one word.
                if text[..off + n.start()].ends_with([',', '.']) {
                    continue;
                }
                let unit = unit_of(&c["u2"]);
                let rel = c["rel"].to_ascii_lowercase();
                // "two days before the vote" counts from the vote; "a year
                // on" ends its clause.
                let clause_ends = text[w.end..]
                    .trim_start_matches(' ')
                    .starts_with(|ch: char| !ch.is_alphanumeric());
                if matches!(rel.as_str(), "before" | "after" | "on") && !clause_ends {
                    continue;
                }
                let n = count as i32;
                match rel.as_str() {
                    "ago" => Expr::FromReference {
                        unit,
                        n: -n,
                        span: Span::Point,
                    },
                    "earlier" | "before" => Expr::FromAnchor {
                        unit,
                        n: -n,
                        span: Span::Point,
                    },
                    "later" | "after" | "on" => Expr::FromAnchor {
                        unit,
                        n,
                        span: Span::Point,
                    },
                    _ => Expr::FromReference {
                        unit,
                        n,
                        span: Span::Point,
                    },
                }
            } else {
                let s = c["dayrel"].to_ascii_lowercase();
                let n = if s.contains("before") || s.contains("previous") || s.contains("preceding")
                {
                    -1
                } else {
                    1
                };
                if s.ends_with("before") || s.ends_with("after") {
                    // "the day after the vote" counts from the vote.
                    if nw.starts_with(|ch: char| ch.is_alphanumeric())
                        && !FUNCTION_WORDS.contains(&nw)
                    {
                        continue;
                    }
                }
                Expr::FromAnchor {
                    unit: Unit::Day,
                    n,
                    span: Span::Point,
                }
            };
            self.push(start..w.end, expr);
        }
        for (off, c) in each(&p.part_of, text, &wins.rel) {
            let w = whole(&c, off);
            let (unit, q) = if let Some(u) = c.name("unit") {
                let q = match &c["q"] {
                    "beginning" | "start" => Qualifier::Early,
                    "middle" => Qualifier::Mid,
                    _ => Qualifier::Late,
                };
                (unit_of(u.as_str()), q)
            } else {
                let u = c
                    .name("ye")
                    .or(c.name("ye2"))
                    .map_or("year", |m| m.as_str());
                (unit_of(u), Qualifier::Late)
            };
            // A week has no qualifier worth a date ("the end of the week"
            // is left to the weekday it names).
            if unit == Unit::Week {
                continue;
            }
            let expr = Expr::FromReference {
                unit,
                n: 0,
                span: Span::Whole,
            };
            let mut f = Found::new(w, expr);
            f.qualifier = Some(q);
            self.found.push(f);
        }
    }
}

pub(super) fn unit_of(s: &str) -> Unit {
    match s.trim_end_matches('s') {
        "day" => Unit::Day,
        "week" => Unit::Week,
        "month" => Unit::Month,
        "quarter" => Unit::Quarter,
        "decade" => Unit::Decade,
        "century" | "centurie" => Unit::Century,
        _ => Unit::Year,
    }
}
