//! Every mark the reader draws, with its meaning: the gutter's source
//! counts, the entity letters and colours, the styles laid over the text,
//! the timeline's shapes and source colours, the compare view's joins and
//! diffs, the corroboration view's cells. The panes draw from these tables
//! and the help overlay's legend is generated from them, in the theme in
//! use, so the two cannot disagree.

use crate::analysis::dates::Precision;
use crate::analysis::entities::EntityKind;

/// How a claim is marked in the gutter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gutter {
    /// Made by two or more independent sources.
    Multi,
    /// Sources make it but give different numbers, dates or places.
    Conflict,
    /// Made by this source only.
    Single,
}

/// (kind, mark after the count on the claim's first line, mark on its
/// other lines, theme scope, meaning).
pub const GUTTER: &[(Gutter, &str, &str, &str, &str)] = &[
    (
        Gutter::Multi,
        "▐",
        "▐",
        "reader.gutter.linked",
        "a claim 3 independent sources make; ▐ on its next lines",
    ),
    (
        Gutter::Conflict,
        "!",
        "▐",
        "reader.claim.conflict",
        "2 sources make it, with different numbers, dates, places",
    ),
    (
        Gutter::Single,
        "▏",
        "▏",
        "reader.gutter",
        "a claim only this source makes (single source)",
    ),
];

/// The gutter's mark for a claim with `sources` independent sources, on
/// its first line or on a later one, and its scope.
pub fn gutter_mark(kind: Gutter, sources: usize, first: bool) -> (String, &'static str) {
    let (_, head, rest, scope, _) = GUTTER
        .iter()
        .find(|g| g.0 == kind)
        .copied()
        .unwrap_or(GUTTER[GUTTER.len() - 1]);
    let mark = match (first, kind) {
        (true, Gutter::Single) | (false, _) => {
            format!(" {}", if first { head } else { rest })
        }
        (true, _) if sources > 9 => format!("+{head}"),
        (true, _) => format!("{sources}{head}"),
    };
    (mark, scope)
}

/// The count shown in samples of the legend.
pub fn gutter_sample_count(kind: Gutter) -> usize {
    match kind {
        Gutter::Multi => 3,
        Gutter::Conflict => 2,
        Gutter::Single => 1,
    }
}

/// The letter of an entity kind in the sidebar, the scope its mentions are
/// drawn in, and what it is.
pub const ENTITY_KINDS: &[(EntityKind, &str, &str, &str)] = &[
    (EntityKind::Person, "P", "reader.entity.person", "a person"),
    (
        EntityKind::Organization,
        "O",
        "reader.entity.organization",
        "an organization",
    ),
    (
        EntityKind::Place,
        "L",
        "reader.entity.place",
        "a place (location)",
    ),
    (
        EntityKind::Event,
        "E",
        "reader.entity.event",
        "a named event",
    ),
    (
        EntityKind::Other,
        "·",
        "reader.entity.other",
        "another named thing (a treaty, a programme)",
    ),
];

pub fn entity_letter(kind: EntityKind) -> &'static str {
    ENTITY_KINDS
        .iter()
        .find(|k| k.0 == kind)
        .map_or("·", |k| k.1)
}

pub fn entity_scope(kind: EntityKind) -> &'static str {
    ENTITY_KINDS
        .iter()
        .find(|k| k.0 == kind)
        .map_or("reader.entity", |k| k.2)
}

/// Styles laid over the text: (sample, scope, meaning).
pub const TEXT: &[(&str, &str, &str)] = &[
    (
        "claim",
        "reader.claim.selected",
        "the current claim (} and { step through claims)",
    ),
    (
        "claim",
        "reader.claim.linked",
        "a claim other independent sources make too",
    ),
    (
        "claim",
        "reader.claim.conflict",
        "a claim other sources contradict",
    ),
    ("quote", "reader.claim.quote", "a quotation"),
    ("June 4", "reader.date", "a date (on the timeline)"),
    (
        "Name",
        "reader.mention.selected",
        "a mention of the chosen entity",
    ),
    (
        "Name",
        "reader.mention.current",
        "the mention n/N went to last",
    ),
    ("word", "reader.search.match", "a search hit"),
    (
        "word",
        "reader.search.match.current",
        "the current search hit",
    ),
    (
        "Share",
        "reader.boilerplate",
        "boilerplate: paywall, sharing, captions, copyright",
    ),
    (
        "text",
        "reader.missing",
        "compare: a passage the other copy lacks",
    ),
];

/// A timeline marker's shape by the precision of its date.
pub const SHAPES: &[(Option<Precision>, &str, &str)] = &[
    (Some(Precision::Day), "●", "an event dated to the day"),
    (Some(Precision::Month), "◆", "an event dated to the month"),
    (Some(Precision::Year), "▲", "an event dated to the year"),
    (
        None,
        "?",
        "an event whose date nothing in its document fixes",
    ),
];

/// The last marker of a column that holds more events than rows.
pub const MORE: (&str, &str) = ("+", "more events on that date: Enter on it lists them all");

/// On the timeline to scale (`a`): a long stretch of time left out.
pub const GAP: (&str, &str) = ("≈", "timeline to scale: a long gap in time, shortened");

pub fn shape(p: Option<Precision>) -> &'static str {
    SHAPES.iter().find(|s| s.0 == p).map_or("?", |s| s.1)
}

/// The timeline's own palette for sources (documents), distinct from the
/// entity kinds' colours; it repeats after six.
pub const SOURCES: [&str; 6] = [
    "reader.timeline.source.0",
    "reader.timeline.source.1",
    "reader.timeline.source.2",
    "reader.timeline.source.3",
    "reader.timeline.source.4",
    "reader.timeline.source.5",
];

pub fn source_scope(doc: usize) -> &'static str {
    SOURCES[doc % SOURCES.len()]
}

/// Other marks: (sample, scope, meaning).
pub const OTHER: &[(&str, &str, &str)] = &[
    (
        "≈",
        "ui.text",
        "a copy of another document (not counted as a source)",
    ),
    (
        "▸",
        "ui.text",
        "the selected row; in the document list, the document shown",
    ),
    (
        "══",
        "reader.gutter.linked",
        "compare: the two claims of a linked pair stand on this row",
    ),
    (
        "[-word-]",
        "diff.minus",
        "quote diff: words only the first quotation has",
    ),
    (
        "[+word+]",
        "diff.plus",
        "quote diff: words only the second quotation has",
    ),
    (
        "0.83",
        "ui.text",
        "a link's score, 0–1: how closely two claims match",
    ),
    (
        "corroborates",
        "reader.gutter.linked",
        "another source makes the same claim",
    ),
    (
        "quote variant",
        "reader.gutter.linked",
        "another source quotes the same words differently",
    ),
    (
        "related",
        "ui.text",
        "another source says something close, not the same",
    ),
];

/// The corroboration view's cells: (mark, scope, meaning).
pub const CELLS: &[(&str, &str, &str)] = &[
    ("●", "reader.cell.makes", "this source makes the statement"),
    (
        "≈",
        "reader.cell.variant",
        "this source quotes it in other words",
    ),
    (
        "!",
        "reader.cell.conflict",
        "it makes it with other numbers, dates or places",
    ),
    (
        "○",
        "reader.cell.copy",
        "a copy of another source's article: not counted",
    ),
    ("·", "reader.cell.absent", "this source does not make it"),
    (
        "2●",
        "reader.cell.makes",
        "outlets collapsed (o): how many of the outlet's documents make it",
    ),
];

/// The mark and scope of a corroboration cell (`CELLS` is in `Mark`'s
/// order).
pub fn cell(m: crate::app::corroboration::Mark) -> (&'static str, &'static str) {
    let (mark, scope, _) = CELLS[m as usize];
    (mark, scope)
}

/// What a mark means, for the view's detail line.
pub fn cell_meaning(m: crate::app::corroboration::Mark) -> &'static str {
    CELLS[m as usize].2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gutter_marks_carry_the_count_on_the_first_line() {
        assert_eq!(gutter_mark(Gutter::Multi, 3, true).0, "3▐");
        assert_eq!(gutter_mark(Gutter::Multi, 3, false).0, " ▐");
        assert_eq!(gutter_mark(Gutter::Conflict, 2, true).0, "2!");
        assert_eq!(gutter_mark(Gutter::Single, 1, true).0, " ▏");
        assert_eq!(gutter_mark(Gutter::Multi, 12, true).0, "+▐");
    }

    #[test]
    fn cells_are_in_the_order_of_the_marks() {
        use crate::app::corroboration::Mark;
        assert_eq!(cell(Mark::Makes), ("●", "reader.cell.makes"));
        assert_eq!(cell(Mark::Variant), ("≈", "reader.cell.variant"));
        assert_eq!(cell(Mark::Conflict), ("!", "reader.cell.conflict"));
        assert_eq!(cell(Mark::Copy), ("○", "reader.cell.copy"));
        assert_eq!(cell(Mark::Absent), ("·", "reader.cell.absent"));
    }
}
