//! Hostile and random input through the whole pipeline: loading, analysis,
//! export and drawing must never panic. Deterministic (a fixed xorshift), so
//! a failure reproduces.

mod common;
use common::*;
use crossread::analysis::entities::UserAliases;
use crossread::app::{Action, Input};
use crossread::corpus::document_from_bytes;
use crossread::corpus::generate::Rng;
use crossread::index::Index;
use std::path::Path;

/// Picking from a list with the generator's random numbers.
trait Pick {
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str;
}

impl Pick for Rng {
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

const PIECES: &[&str] = &[
    "The Harbour Council",
    " said ",
    "“We will not go",
    " back,” ",
    "President Ana Ruiz",
    " on March 3-5, 2021",
    " last year",
    ".",
    ". ",
    "\n",
    "\n\n",
    "# Heading\n",
    "- bullet ",
    "> quote ",
    "**bold** ",
    "`code` ",
    "[link](http://x)",
    "\x1b[31m",
    "\x07",
    "\u{202e}",
    "漢字",
    "👨‍👩‍👧",
    "e\u{301}",
    "\t",
    "$15/month",
    "12,000",
    "U.S.",
    "Dr.",
    " (HTA) ",
    "Harbour Trust Authority",
    "Copyright © 2020 Ledger.",
    "Subscribe now",
    "?",
    "!",
    "\"",
    "'",
    "mid-2015",
    "two years ago",
    "early June",
    "Smith-Jones",
    "de Vries",
    "---\ntitle: x\n---\n",
    "|a|b|\n|-|-|\n|1|2|\n",
    "  ",
    "\r\n",
    "\u{feff}",
    "ß",
    "İ",
    "\u{200b}",
    "(",
    ")",
    "[",
    "]",
    "*",
    "_",
    "~~",
    "<b>",
    "&amp;",
    "1.",
    "2)",
    "Jan.",
    "Sept. 9",
    "9 Sept 2009",
    "2019-02-30",
];

fn random_doc(rng: &mut Rng) -> String {
    let n = 1 + (rng.next() % 120) as usize;
    (0..n).map(|_| rng.pick(PIECES)).collect()
}

#[test]
fn random_documents_survive_analysis_export_and_drawing() {
    let mut rng = Rng(0x9E3779B97F4A7C15);
    for round in 0..40 {
        let docs: Vec<_> = (0..5)
            .filter_map(|i| {
                let name = if rng.next().is_multiple_of(2) {
                    format!("d{i}.md")
                } else {
                    format!("d{i}.txt")
                };
                let mut bytes = random_doc(&mut rng).into_bytes();
                if rng.next().is_multiple_of(7) && !bytes.is_empty() {
                    let at = (rng.next() as usize) % bytes.len();
                    bytes[at] = 0xff; // invalid UTF-8
                }
                document_from_bytes(i, Path::new(&name), &name, bytes).ok()
            })
            .enumerate()
            .map(|(i, mut d)| {
                d.id = i;
                d
            })
            .collect();
        if docs.is_empty() {
            continue;
        }
        let index = Index::build(&docs, &UserAliases::default());
        let json = crossread::export::json(&docs, &index);
        // Every exported range is on character boundaries of the source.
        for e in json["entities"].as_array().unwrap() {
            for m in e["mentions"].as_array().unwrap() {
                let d = docs
                    .iter()
                    .find(|d| d.slug == m["doc"].as_str().unwrap())
                    .unwrap();
                let (s, t) = (
                    m["start"].as_u64().unwrap() as usize,
                    m["end"].as_u64().unwrap() as usize,
                );
                assert!(
                    s <= t
                        && t <= d.source.len()
                        && d.source.is_char_boundary(s)
                        && d.source.is_char_boundary(t),
                    "round {round}"
                );
            }
        }
        let _ = crossread::export::markdown(&docs, &index);
        // Draw the reader over them, moving about, at odd sizes.
        let mut h = Harness::seeds(80, 24);
        h.state = crossread::app::AppState::new(
            docs.len(),
            0,
            h.themes.len(),
            ratatui::layout::Rect::new(0, 0, 80, 24),
        );
        h.docs = docs;
        h.index = Some(index);
        h.act(Input::Analysed);
        for (k, (w, hh)) in [(80, 24), (13, 5), (200, 60), (31, 17)]
            .into_iter()
            .enumerate()
        {
            h.act(Input::Resize {
                width: w,
                height: hh,
            });
            for a in [
                Action::NextClaim,
                Action::Confirm,
                Action::Down,
                Action::Confirm,
                Action::Compare,
                Action::NextClaim,
                Action::Close,
                Action::FocusNext,
                Action::Right,
                Action::Confirm,
                Action::NextDocument,
                Action::Bottom,
            ] {
                h.act(Input::Action(a));
                if k % 2 == 0 {
                    h.render();
                }
            }
            h.render();
        }
    }
}

/// One name said tens of thousands of times in one document, on one line:
/// the evidence about it saturates instead of overflowing (a panic in a
/// debug build), and every sentence of the line is still read.
#[test]
fn a_name_repeated_seventy_thousand_times_on_one_line() {
    let text = "Mayor Ann Lee said the port will reopen. ".repeat(70_000);
    let doc = document_from_bytes(
        0,
        Path::new("one-line.txt"),
        "one-line.txt",
        text.into_bytes(),
    )
    .unwrap();
    let docs = vec![doc];
    let index = Index::build(&docs, &UserAliases::default());
    let ann = index
        .entities
        .iter()
        .find(|e| e.name == "Ann Lee")
        .expect("the person is found");
    assert!(ann.per_doc.iter().map(|(_, n)| *n as usize).sum::<usize>() >= 69_000);
    assert!(index.claims.len() >= 69_000, "{}", index.claims.len());
}
