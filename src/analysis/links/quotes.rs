//! Quotations compared word by word: normalised words, how much of the
//! shorter quotation the longest common word sequence keeps, and the word
//! diff shown for a quote variant.

use crate::text::words;
use serde::Serialize;

/// A quotation shorter than this (in words) is a phrase, not a statement:
/// two such phrases are never quote variants of each other, nor is one of
/// them a variant of a long quotation that happens to contain it.
pub const MIN_QUOTE_WORDS: usize = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DiffTag {
    Equal,
    Insert,
    Delete,
}

/// One run of a word diff from this claim's quotation to the other's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffOp {
    pub op: DiffTag,
    pub text: String,
}

pub(super) fn hash(s: &str) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

/// Words of a quotation, normalised: lower case, one kind of apostrophe,
/// contractions spelled out ("won't" = "will not"), no punctuation.
pub fn quote_words(q: &str) -> Vec<String> {
    let mut out = Vec::new();
    for w in words::words(q) {
        let w = w.replace('’', "'");
        match w.as_str() {
            "won't" => out.extend(["will".to_string(), "not".to_string()]),
            "can't" | "cannot" => out.extend(["can".to_string(), "not".to_string()]),
            "shan't" => out.extend(["shall".to_string(), "not".to_string()]),
            _ => {
                if let Some(stem) = w.strip_suffix("n't") {
                    out.push(stem.to_string());
                    out.push("not".to_string());
                } else if let Some(stem) = w.strip_suffix("'re") {
                    out.push(stem.to_string());
                    out.push("are".to_string());
                } else if let Some(stem) = w.strip_suffix("'ll") {
                    out.push(stem.to_string());
                    out.push("will".to_string());
                } else {
                    out.push(w);
                }
            }
        }
    }
    out
}

/// How alike two quotations are: the share of the shorter one's words that
/// the longest common word sequence keeps (1 = the same words in order),
/// and how many words that sequence has.
pub fn quote_similarity(a: &[String], b: &[String]) -> (f32, usize) {
    if a.is_empty() || b.is_empty() {
        return (0.0, 0);
    }
    if a == b {
        return (1.0, a.len());
    }
    let a_ref: Vec<&str> = a.iter().map(String::as_str).collect();
    let b_ref: Vec<&str> = b.iter().map(String::as_str).collect();
    let diff = similar::capture_diff_slices(similar::Algorithm::Myers, &a_ref, &b_ref);
    let same: usize = diff
        .iter()
        .filter_map(|op| match op {
            similar::DiffOp::Equal { len, .. } => Some(*len),
            _ => None,
        })
        .sum();
    (same as f32 / a.len().min(b.len()) as f32, same)
}

pub fn trigrams(ws: &[String]) -> Vec<u64> {
    let mut t: Vec<u64> = ws.windows(3).map(|w| hash(&w.join(" "))).collect();
    t.sort_unstable();
    t.dedup();
    t
}

/// A word diff between two quotations (in their own words, quotes and
/// apostrophes unified).
pub fn word_diff(a: &str, b: &str) -> Vec<DiffOp> {
    // Quotes and apostrophes unified; punctuation closing the quotation is
    // not a difference in words.
    let norm = |s: &str| {
        s.replace(['“', '”'], "\"")
            .replace(['‘', '’'], "'")
            .trim_end_matches(['.', ',', ';', ':', '!', '?', ' '])
            .to_string()
    };
    let (a, b) = (norm(a), norm(b));
    let diff = similar::TextDiff::from_words(a.as_str(), b.as_str());
    let mut ops: Vec<DiffOp> = Vec::new();
    for change in diff.iter_all_changes() {
        let op = match change.tag() {
            similar::ChangeTag::Equal => DiffTag::Equal,
            similar::ChangeTag::Insert => DiffTag::Insert,
            similar::ChangeTag::Delete => DiffTag::Delete,
        };
        match ops.last_mut() {
            Some(last) if last.op == op => last.text.push_str(change.value()),
            _ => ops.push(DiffOp {
                op,
                text: change.value().to_string(),
            }),
        }
    }
    ops
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_diff_shows_the_changed_words() {
        let d = word_diff(
            "keep the ferry running until we see fully and properly funded repairs",
            "continue to keep the ferry running until we see full and properly funded repairs",
        );
        let changed: Vec<(DiffTag, &str)> = d
            .iter()
            .filter(|o| o.op != DiffTag::Equal)
            .map(|o| (o.op, o.text.trim()))
            .collect();
        assert!(changed.contains(&(DiffTag::Insert, "continue to")), "{d:?}");
        assert!(changed.contains(&(DiffTag::Delete, "fully")), "{d:?}");
        assert!(changed.contains(&(DiffTag::Insert, "full")), "{d:?}");
    }

    #[test]
    fn contractions_and_similarity() {
        let a = quote_words("We won't rebuild the pier");
        assert_eq!(a, ["we", "will", "not", "rebuild", "the", "pier"]);
        let b = quote_words("we will not repair the pier");
        let (sim, same) = quote_similarity(&a, &b);
        assert_eq!(same, 5);
        assert!((sim - 5.0 / 6.0).abs() < 1e-6);
    }
}
