//! Searching the text of the whole corpus: a pure engine (no terminal), so
//! the reader's `/` and a command line can share it.
//!
//! - [`SearchIndex`]: built once per corpus, in the background: each text
//!   case folded (Unicode full folding, whitespace runs made one space) with
//!   a map back to the original bytes, the word index ([`words`]: every
//!   word in order, where each distinct word occurs, the separators), and
//!   per-document counts of each ASCII character.
//! - [`Query`]: plain words by default or a regex; smart case.
//! - [`Searcher`]: runs a query over the corpus into [`Hits`] (counts per
//!   document, in corpus order): words queries from the word index, in
//!   milliseconds whatever the corpus; a regex by scanning.
//! - [`Names`]: the entity a query names, offered first.

pub mod finder;
pub mod fold;
pub mod hits;
pub mod index;
pub mod names;
pub mod query;
pub mod words;

pub use hits::{Hit, Hits, Searcher};
pub use index::SearchIndex;
pub use names::Names;
pub use query::{Mode, Query};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Document;

    fn corpus(texts: &[&str]) -> (Vec<Document>, SearchIndex) {
        let docs: Vec<Document> = crate::corpus::test_documents(texts);
        let index = SearchIndex::build(&docs);
        (docs, index)
    }

    fn run(docs: &[Document], index: &SearchIndex, q: &str, mode: Mode) -> Hits {
        let q = Query::new(q, mode).unwrap().unwrap();
        Searcher::default().search(index, docs, q)
    }

    /// Every hit's text, in corpus order.
    fn texts(docs: &[Document], index: &SearchIndex, hits: &Hits) -> Vec<String> {
        hits.docs
            .iter()
            .flat_map(|(d, _)| {
                index
                    .doc_hits(&hits.query, *d, &docs[*d].text)
                    .into_iter()
                    .map(|r| docs[*d].text[r].to_string())
            })
            .collect()
    }

    const TEXTS: &[&str] = &[
        "Harbour talks\n\nThe port authority said the harbour would reopen.",
        "Second report\n\nOfficials in the Harbour District disagreed; the HARBOUR\nmaster said nothing.",
        "Third report\n\nNothing about ports here. Straße and Köln.",
    ];

    #[test]
    fn smart_case_words() {
        let (docs, index) = corpus(TEXTS);
        let all = run(&docs, &index, "harbour", Mode::Words);
        assert_eq!(all.total, 4);
        assert_eq!(all.docs, vec![(0, 2), (1, 2)]);
        let capital = run(&docs, &index, "Harbour", Mode::Words);
        assert_eq!(
            texts(&docs, &index, &capital),
            vec!["Harbour", "Harbour"],
            "a capital makes case matter"
        );
        let upper = run(&docs, &index, "HARBOUR master", Mode::Words);
        assert_eq!(
            texts(&docs, &index, &upper),
            vec!["HARBOUR\nmaster"],
            "across a line break"
        );
    }

    #[test]
    fn unicode_case_folding() {
        let (docs, index) = corpus(TEXTS);
        let h = run(&docs, &index, "strasse", Mode::Words);
        assert_eq!(texts(&docs, &index, &h), vec!["Straße"]);
        let h = run(&docs, &index, "KÖLN", Mode::Words);
        assert_eq!(h.total, 0, "KÖLN has capitals: case matters");
        let h = run(&docs, &index, "köln", Mode::Words);
        assert_eq!(texts(&docs, &index, &h), vec!["Köln"]);
        // A caseless regex sees the folded text too.
        let h = run(&docs, &index, "stras+e", Mode::Regex);
        assert_eq!(texts(&docs, &index, &h), vec!["Straße"]);
    }

    #[test]
    fn regex_when_asked() {
        let (docs, index) = corpus(TEXTS);
        let h = run(&docs, &index, r"harbou?r (would|district)", Mode::Regex);
        assert_eq!(
            texts(&docs, &index, &h),
            vec!["harbour would", "Harbour District"]
        );
        // In words mode the same text is looked for literally.
        let h = run(&docs, &index, r"harbou?r", Mode::Words);
        assert_eq!(h.total, 0);
        let h = run(&docs, &index, r"^Nothing", Mode::Regex);
        assert_eq!(h.docs, vec![(2, 1)], "^ anchors at line starts");
        let h = run(&docs, &index, r"x*", Mode::Regex);
        assert_eq!(h.total, 0, "empty matches are not hits");
    }

    #[test]
    fn hits_step_across_documents_in_corpus_order() {
        let (docs, index) = corpus(TEXTS);
        let h = run(&docs, &index, "the", Mode::Words);
        // From the start of document 0, forward through every hit.
        let mut seen = Vec::new();
        let mut at = (0, None);
        while let Some((hit, wrapped)) = h.step(&index, &docs, at.0, at.1, true) {
            if wrapped {
                break;
            }
            seen.push((hit.doc, hit.ordinal));
            at = (hit.doc, Some(hit.range.start));
        }
        let want: Vec<(usize, u64)> = (0..h.total)
            .map(|i| (if i < h.docs[0].1 as u64 { 0 } else { 1 }, i))
            .collect();
        assert_eq!(seen, want);
        // Past the last hit it goes round to the first.
        let (last, _) = h.step(&index, &docs, 2, None, false).unwrap();
        assert_eq!(
            last.ordinal,
            h.total - 1,
            "backward from a document without hits"
        );
        let (first, wrapped) = h
            .step(&index, &docs, last.doc, Some(last.range.start), true)
            .unwrap();
        assert!(wrapped);
        assert_eq!(first.ordinal, 0);
    }

    #[test]
    fn words_match_where_words_begin() {
        let (docs, index) = corpus(&[
            "Sanctions on the North-Korean side; $5 fees; ab ab ab.",
            "Inspections and actions.",
        ]);
        let h = run(&docs, &index, "ctions", Mode::Words);
        assert_eq!(h.total, 0, "not inside a word");
        let h = run(&docs, &index, "sanction", Mode::Words);
        assert_eq!(
            texts(&docs, &index, &h),
            vec!["Sanction"],
            "a word's beginning"
        );
        let h = run(&docs, &index, "korea", Mode::Words);
        assert_eq!(texts(&docs, &index, &h), vec!["Korea"], "after a hyphen");
        let h = run(&docs, &index, "$5", Mode::Words);
        assert_eq!(
            texts(&docs, &index, &h),
            vec!["$5"],
            "symbols match anywhere"
        );
        let h = run(&docs, &index, "ab ab", Mode::Words);
        assert_eq!(h.total, 2, "overlapping matches count");
        let h = run(&docs, &index, "ctions", Mode::Regex);
        assert_eq!(h.total, 3, "a regex matches anywhere");
    }

    #[test]
    fn no_match() {
        let (docs, index) = corpus(TEXTS);
        let h = run(&docs, &index, "submarine", Mode::Words);
        assert_eq!(h.total, 0);
        assert!(h.docs.is_empty());
        assert!(h.step(&index, &docs, 0, None, true).is_none());
    }

    #[test]
    fn narrowing_as_you_type_agrees_with_a_fresh_search() {
        let (docs, index) = corpus(TEXTS);
        for text in ["the harbour", "Harbour District", "HARBOUR"] {
            let mut s = Searcher::default();
            let mut typed = String::new();
            for c in text.chars() {
                typed.push(c);
                let q = Query::new(&typed, Mode::Words).unwrap().unwrap();
                let narrowed = s.search(&index, &docs, q);
                let fresh = run(&docs, &index, &typed, Mode::Words);
                assert_eq!(narrowed.docs, fresh.docs, "{typed:?}");
                // And the same as counting each document's hits.
                let each: Vec<(usize, u32)> = (0..docs.len())
                    .map(|d| {
                        (
                            d,
                            index.doc_hits(&fresh.query, d, &docs[d].text).len() as u32,
                        )
                    })
                    .filter(|x| x.1 > 0)
                    .collect();
                assert_eq!(fresh.docs, each, "{typed:?}");
            }
        }
        // One letter is counted from the table, the same as a scan.
        for letter in ["h", "H", "t", "T", "s", "S"] {
            let q = Query::new(letter, Mode::Words).unwrap().unwrap();
            let counted = Searcher::default().search(&index, &docs, q.clone());
            let scanned: u64 = (0..docs.len())
                .map(|d| index.doc_hits(&q, d, &docs[d].text).len() as u64)
                .sum();
            assert_eq!(counted.total, scanned, "{letter}");
            assert!(scanned > 0, "{letter}");
        }
    }

    /// The word index counts exactly what a scan of each document finds,
    /// for every beginning of every run of up to four words in texts with
    /// punctuation, line breaks, case, Unicode and repeated words; typed
    /// letter by letter, caseless and cased.
    #[test]
    fn the_word_index_counts_what_a_scan_finds() {
        let texts = [
            "Lee Su-min met Park Ha-eun; the U.S. said \u{201c}no deal\u{201d}.\n\nLee's talks: North Korea, north-korean, NORTH KOREA.",
            "The Straße and STRASSE in Köln (2019) \u{2014} Οδυσσεύς, ΟΔΥΣΣΕΥΣ. The the the.\n",
            "Sanctions relief?  Sanctions\nrelief! sanctions-relief, \u{fb01}nance; G7 and G20 met 3-5 March.",
            "ab ab ab. Ab, ab\tab",
            "  x  ",
            "One-word",
        ];
        let (docs, index) = corpus(&texts);
        let mut queries: Vec<String> = Vec::new();
        for t in texts {
            let words: Vec<(usize, usize)> = {
                let mut v = Vec::new();
                super::words::for_each_word(t, |a, b| v.push((a, b)));
                v
            };
            for i in 0..words.len() {
                for k in 1..=4.min(words.len() - i) {
                    let end = words[i + k - 1].1;
                    // Every beginning of the run, and a separator after it.
                    let mut stop = (end + 2).min(t.len());
                    while !t.is_char_boundary(stop) {
                        stop += 1;
                    }
                    let run = &t[words[i].0..stop];
                    let mut typed = String::new();
                    for c in run.chars() {
                        typed.push(c);
                        queries.push(typed.clone());
                    }
                }
            }
        }
        queries.sort();
        queries.dedup();
        assert!(queries.len() > 300, "{}", queries.len());
        for text in &queries {
            for q in [text.clone(), text.to_lowercase()] {
                let Ok(Some(query)) = Query::new(&q, Mode::Words) else {
                    continue;
                };
                let counted = Searcher::default().search(&index, &docs, query.clone());
                let scanned: Vec<(usize, u32)> = (0..docs.len())
                    .map(|d| (d, index.doc_hits(&query, d, &docs[d].text).len() as u32))
                    .filter(|x| x.1 > 0)
                    .collect();
                assert_eq!(counted.docs, scanned, "{q:?}");
            }
        }
    }
}
