//! The selected pair of the compare view, in full: both claims, each under
//! its document's name, the relation, and the whole word diff of a quote
//! variant, as rows of plain text that the pair overlay draws (and whose
//! number the state uses to scroll it). The word diff is broken into lines
//! here too: words removed as `[-…-]`, added as `[+…+]`, one space between
//! words, never cut.

use crate::analysis::links::{DiffOp, DiffTag, Relation};
use crate::corpus::Document;
use crate::index::Index;
use crate::text::display_width;
use crate::text::sanitize::sanitize;

/// A row of the pair overlay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PairRow {
    /// A document's name (outlet · title · date).
    Label(String),
    Text(String),
    /// Relation, score and independent sources.
    Head(String),
    Conflict(String),
    Diff(Vec<(String, DiffTag)>),
    Blank,
}

/// The rows of the pair overlay for `pair` (left claim, right claim) at
/// `width` cells.
pub fn pair_rows(
    docs: &[Document],
    index: &Index,
    pair: (usize, usize),
    width: usize,
) -> Vec<PairRow> {
    let width = width.max(1);
    let mut rows = Vec::new();
    for c in [pair.0, pair.1] {
        let claim = &index.claims[c];
        rows.push(PairRow::Label(crate::label::label(
            docs,
            Some(index),
            claim.doc,
        )));
        let text = sanitize(&docs[claim.doc].text[claim.range.clone()]).into_owned();
        for l in crate::text::wrap::wrap(&text, width) {
            rows.push(PairRow::Text(text[l.range].trim_end().to_string()));
        }
        rows.push(PairRow::Blank);
    }
    if let Some(link) = index.links[pair.0].iter().find(|l| l.to == pair.1) {
        let n = index.sources[pair.0];
        rows.push(PairRow::Head(format!(
            "{} · score {:.2} · {n} independent source{}{}",
            link.relation.label(),
            link.score,
            if n == 1 { "" } else { "s" },
            if link.duplicate {
                " · copies of one article"
            } else {
                ""
            }
        )));
        if let Some(c) = &link.conflict {
            rows.push(PairRow::Conflict(format!("⚠ {}", sanitize(c))));
        }
        if link.relation == Relation::QuoteVariant && !link.diff.is_empty() {
            rows.push(PairRow::Blank);
            rows.extend(diff_lines(&link.diff, width).into_iter().map(PairRow::Diff));
        }
    }
    rows
}

/// The words of a diff, each with its tag; the first and last word of a
/// changed run carry the brackets.
pub fn diff_words(diff: &[DiffOp]) -> Vec<(String, DiffTag)> {
    let mut out = Vec::new();
    for op in diff {
        let words: Vec<String> = op
            .text
            .split_whitespace()
            .map(|w| sanitize(w).into_owned())
            .collect();
        let n = words.len();
        for (i, w) in words.into_iter().enumerate() {
            let s = match op.op {
                DiffTag::Equal => w,
                DiffTag::Delete | DiffTag::Insert => {
                    let mark = if op.op == DiffTag::Delete { '-' } else { '+' };
                    let mut s = String::new();
                    if i == 0 {
                        s.push('[');
                        s.push(mark);
                    }
                    s.push_str(&w);
                    if i + 1 == n {
                        s.push(mark);
                        s.push(']');
                    }
                    s
                }
            };
            out.push((s, op.op));
        }
    }
    out
}

/// The diff's words broken into lines of at most `width` cells.
pub fn diff_lines(diff: &[DiffOp], width: usize) -> Vec<Vec<(String, DiffTag)>> {
    let width = width.max(1);
    let mut lines: Vec<Vec<(String, DiffTag)>> = Vec::new();
    let mut line: Vec<(String, DiffTag)> = Vec::new();
    let mut w = 0;
    for (word, tag) in diff_words(diff) {
        let ww = display_width(&word);
        if !line.is_empty() && w + 1 + ww > width {
            lines.push(std::mem::take(&mut line));
            w = 0;
        }
        w += ww + usize::from(!line.is_empty());
        line.push((word, tag));
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::links::word_diff;

    fn text(lines: &[Vec<(String, DiffTag)>]) -> Vec<String> {
        lines
            .iter()
            .map(|l| {
                l.iter()
                    .map(|(w, _)| w.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    #[test]
    fn words_keep_their_spaces_and_changes_their_brackets() {
        let d = word_diff(
            "the report from the harbour board was delayed",
            "the report of the harbour board was delayed again",
        );
        let all = text(&diff_lines(&d, 200)).join("\n");
        assert_eq!(
            all,
            "the report [-from-] [+of+] the harbour board was delayed [+again+]"
        );
    }

    #[test]
    fn a_long_diff_wraps_whole() {
        let a = "one two three four five six seven eight nine ten eleven twelve";
        let b = "one two three four five six seven eight nine ten eleven twelve thirteen";
        let lines = diff_lines(&word_diff(a, b), 20);
        assert!(lines.len() >= 4, "{:?}", text(&lines));
        let joined = text(&lines).join(" ");
        assert_eq!(joined, format!("{a} [+thirteen+]"));
        for l in text(&lines) {
            assert!(display_width(&l) <= 20, "{l}");
        }
    }
}
