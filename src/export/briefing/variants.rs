//! Conflicts between sources and quotations worded differently, with the
//! word diff.

use super::sections::{Digest, plural};
use super::statements::Pair;
use super::{Options, cite, md};
use crate::analysis::links::{DiffOp, DiffTag};
use crate::corpus::Document;
use crate::index::Index;
use std::fmt::Write;

/// A word diff on one line: words only in the first quotation struck,
/// words only in the second in bold, long unchanged runs elided.
pub fn diff_line(diff: &[DiffOp]) -> String {
    const KEEP: usize = 4;
    let last = diff.len().saturating_sub(1);
    let mut parts: Vec<String> = Vec::new();
    for (i, op) in diff.iter().enumerate() {
        let words: Vec<&str> = op.text.split_whitespace().collect();
        if words.is_empty() {
            continue;
        }
        match op.op {
            DiffTag::Equal => {
                let (head, tail) = (i > 0, i < last);
                let keep = |w: &[&str]| md::text(&w.join(" "));
                let s = if head && tail && words.len() > 2 * KEEP {
                    format!(
                        "{} … {}",
                        keep(&words[..KEEP]),
                        keep(&words[words.len() - KEEP..])
                    )
                } else if !head && tail && words.len() > KEEP {
                    format!("… {}", keep(&words[words.len() - KEEP..]))
                } else if head && !tail && words.len() > KEEP {
                    format!("{} …", keep(&words[..KEEP]))
                } else {
                    keep(&words)
                };
                parts.push(s);
            }
            DiffTag::Delete => parts.push(format!("~~{}~~", md::text(&words.join(" ")))),
            DiffTag::Insert => parts.push(format!("**{}**", md::text(&words.join(" ")))),
        }
    }
    parts.join(" ")
}

/// One pair of claims as a list item (a conflict or a quote variant).
pub fn pair_item(
    out: &mut String,
    docs: &[Document],
    index: &Index,
    n: usize,
    p: &Pair,
    indent: &str,
    cited: &mut Vec<usize>,
) {
    let (a, b) = (&index.claims[p.a], &index.claims[p.b]);
    let quoted = |c: &crate::analysis::claims::Claim| {
        let r = match (&c.quote, p.conflict.is_none()) {
            (Some(q), true) => q.clone(),
            _ => c.range.clone(),
        };
        md::short(&docs[c.doc].text[r], 300)
    };
    let head = match (&p.conflict, a.speaker.or(b.speaker)) {
        (Some(c), _) => format!("**{}**", md::text(&capitalise(c))),
        (None, Some(sp)) => format!("Quoting **{}**", md::text(&index.entities[sp].name)),
        (None, None) => "A quotation".to_string(),
    };
    let _ = writeln!(out, "{indent}{n}. {head}");
    for c in [a, b] {
        cited.push(c.doc);
        let _ = writeln!(
            out,
            "{indent}   - {}: “{}”",
            cite::cite(docs, index, c.doc),
            quoted(c)
        );
    }
    if !p.diff.is_empty() {
        let _ = writeln!(out, "{indent}   - Word diff: {}", diff_line(&p.diff));
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

pub fn conflicts_and_variants(
    out: &mut String,
    docs: &[Document],
    index: &Index,
    opts: &Options,
    d: &Digest,
    cited: &mut Vec<usize>,
) {
    out.push_str("## Conflicts and quote variants\n\n");
    let more = |out: &mut String, n: usize, one: &str, many: &str| {
        if n > opts.max_pairs {
            let rest = n - opts.max_pairs;
            let _ = writeln!(
                out,
                "\n{} {} not listed.",
                plural(rest, one, many),
                if rest == 1 { "is" } else { "are" }
            );
        }
    };
    if d.conflicts.is_empty() {
        out.push_str("No conflicts were found between sources.\n\n");
    } else {
        out.push_str("### Conflicts\n\n");
        for (i, p) in d.conflicts.iter().take(opts.max_pairs).enumerate() {
            pair_item(out, docs, index, i + 1, p, "", cited);
        }
        more(out, d.conflicts.len(), "more conflict", "more conflicts");
        out.push('\n');
    }
    if d.variants.is_empty() {
        out.push_str("No quotation is worded differently by different sources.\n\n");
    } else {
        out.push_str("### Quote variants\n\n");
        out.push_str(
            "The same quotation in different words. In each word diff, words only in the first source are ~~struck~~ and words only in the second are **bold**.\n\n",
        );
        for (i, p) in d.variants.iter().take(opts.max_pairs).enumerate() {
            pair_item(out, docs, index, i + 1, p, "", cited);
        }
        more(
            out,
            d.variants.len(),
            "more quote variant",
            "more quote variants",
        );
        out.push('\n');
    }
}
