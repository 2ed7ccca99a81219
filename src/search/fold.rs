//! Text made ready for caseless search: Unicode full case folding (so
//! `STRASSE` finds `Straße` and `ΟΔΥΣΣΕΥΣ` finds `Οδυσσεύς`) and every run of
//! whitespace made one space (so a phrase is found across a line break),
//! with a map from the folded text back to byte ranges of the original.

use caseless::Caseless;
use std::ops::Range;

/// A stretch where the folded text is not the original byte for byte: a
/// character whose folding has another length or several characters, or a
/// run of whitespace other than one ASCII space-like byte.
#[derive(Debug, Clone, Copy)]
struct Seg {
    /// Start and length in the folded text.
    f: u32,
    flen: u32,
    /// Start and length in the original text.
    o: u32,
    olen: u32,
}

/// A folded text and its way back to the original.
#[derive(Debug, Clone, Default)]
pub struct Folded {
    pub text: String,
    /// Irregular stretches, in order; between them the texts run in step.
    segs: Vec<Seg>,
}

/// Fold one character into `out`; true when the folding is a single
/// character of the same UTF-8 length (so byte positions map one to one).
fn fold_char(c: char, out: &mut String) -> bool {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return true;
    }
    let mut folded = std::iter::once(c).default_case_fold();
    match (folded.next(), folded.next()) {
        (Some(f), None) => {
            out.push(f);
            f.len_utf8() == c.len_utf8()
        }
        (Some(a), Some(b)) => {
            out.push(a);
            out.push(b);
            out.extend(folded);
            false
        }
        (None, _) => false,
    }
}

/// Fold `text`: case folded, whitespace runs made one space.
pub fn fold(text: &str) -> Folded {
    let mut out = String::with_capacity(text.len());
    let mut segs = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let f = out.len();
        if c.is_whitespace() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if !d.is_whitespace() {
                    break;
                }
                end = j + d.len_utf8();
                chars.next();
            }
            out.push(' ');
            if end - i != 1 {
                segs.push(Seg {
                    f: f as u32,
                    flen: 1,
                    o: i as u32,
                    olen: (end - i) as u32,
                });
            }
            continue;
        }
        if !fold_char(c, &mut out) {
            segs.push(Seg {
                f: f as u32,
                flen: (out.len() - f) as u32,
                o: i as u32,
                olen: c.len_utf8() as u32,
            });
        }
    }
    Folded { text: out, segs }
}

/// Append `s` folded as [`fold`] folds it (case folded, whitespace runs
/// one space; a run at the start of `s` too) to `out`, without the map
/// back: for words and the separators between them.
pub fn fold_into(s: &str, out: &mut String) {
    let mut ws = false;
    for c in s.chars() {
        if c.is_whitespace() {
            if !ws {
                out.push(' ');
            }
            ws = true;
        } else {
            ws = false;
            fold_char(c, out);
        }
    }
}

/// Fold a query the way texts are folded.
pub fn fold_query(q: &str) -> String {
    fold(q).text
}

/// Make every whitespace run of `s` one space (the case kept), for exact
/// comparisons that ignore line breaks.
pub fn collapse_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut ws = false;
    for c in s.chars() {
        if c.is_whitespace() {
            if !ws {
                out.push(' ');
            }
            ws = true;
        } else {
            out.push(c);
            ws = false;
        }
    }
    out
}

impl Folded {
    /// Position `p` of one text in the other. `from_folded` picks the
    /// direction; inside an irregular stretch a start goes to the
    /// stretch's start and an end to its end, so ranges stay on character
    /// boundaries.
    fn map(&self, p: usize, end: bool, from_folded: bool) -> usize {
        let p = p as u32;
        let key = |s: &Seg| if from_folded { s.f } else { s.o };
        // The last stretch starting before p (or at p, for starts).
        let i = self
            .segs
            .partition_point(|s| if end { key(s) < p } else { key(s) <= p });
        let Some(s) = i.checked_sub(1).map(|i| self.segs[i]) else {
            return p as usize;
        };
        let (src, slen, dst, dlen) = if from_folded {
            (s.f, s.flen, s.o, s.olen)
        } else {
            (s.o, s.olen, s.f, s.flen)
        };
        let inside = if end {
            p > src && p <= src + slen
        } else {
            p >= src && p < src + slen
        };
        if inside {
            return (if end { dst + dlen } else { dst }) as usize;
        }
        (dst + dlen + (p - src - slen)) as usize
    }

    /// A range of the folded text as a range of the original.
    pub fn to_original(&self, r: Range<usize>) -> Range<usize> {
        let start = self.map(r.start, false, true);
        let end = self.map(r.end, true, true).max(start);
        start..end
    }

    /// A range of the original text as a range of the folded one.
    pub fn to_folded(&self, r: Range<usize>) -> Range<usize> {
        let start = self.map(r.start, false, false);
        let end = self.map(r.end, true, false).max(start);
        start..end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every occurrence of `needle` in the folded text, as original text.
    fn found<'a>(text: &'a str, needle: &str) -> Vec<&'a str> {
        let f = fold(text);
        let n = fold_query(needle);
        f.text
            .match_indices(&n)
            .map(|(i, _)| &text[f.to_original(i..i + n.len())])
            .collect()
    }

    #[test]
    fn ascii_folds_in_place() {
        let f = fold("The Harbour Board");
        assert_eq!(f.text, "the harbour board");
        assert!(f.segs.is_empty());
        assert_eq!(found("The Harbour Board", "HARBOUR"), vec!["Harbour"]);
    }

    #[test]
    fn unicode_full_case_folding_maps_back_to_whole_characters() {
        let text = "Die Straße in Köln; STRASSE; ΟΔΥΣΣΕΥΣ and Οδυσσεύς; the \u{fb01}nance office";
        assert_eq!(found(text, "strasse"), vec!["Straße", "STRASSE"]);
        assert_eq!(found(text, "köln"), vec!["Köln"]);
        assert_eq!(found(text, "ΚΌΛΝ"), Vec::<&str>::new(), "accents are kept");
        // Final and medial sigma fold alike.
        assert_eq!(found(text, "οδυσσευς"), vec!["ΟΔΥΣΣΕΥΣ"]);
        assert_eq!(found(text, "οδυσσεύς"), vec!["Οδυσσεύς"]);
        // A ligature folds to its letters.
        assert_eq!(found(text, "finance"), vec!["\u{fb01}nance"]);
        // A match inside an expansion covers the whole original character.
        assert_eq!(found("Maß", "s"), vec!["ß", "ß"]);
    }

    #[test]
    fn whitespace_runs_match_one_space() {
        let text = "sanctions\n\nrelief and  sanctions relief\u{a0}today";
        assert_eq!(
            found(text, "sanctions relief"),
            vec!["sanctions\n\nrelief", "sanctions relief"]
        );
        assert_eq!(found(text, "relief today"), vec!["relief\u{a0}today"]);
        let f = fold(text);
        // And back: the original range of "and" maps to the folded "and".
        let o = text.find("and").unwrap();
        let r = f.to_folded(o..o + 3);
        assert_eq!(&f.text[r], "and");
    }

    #[test]
    fn folding_pieces_agrees_with_folding_the_whole() {
        for s in ["The  Straße\n\n\tΟΔΥΣΣΕΥΣ", " x ", "\u{fb01}ne"] {
            let mut out = String::new();
            fold_into(s, &mut out);
            assert_eq!(out, fold(s).text, "{s:?}");
        }
    }

    #[test]
    fn collapse_keeps_case() {
        assert_eq!(collapse_whitespace("A\n\n b"), "A b");
    }
}
