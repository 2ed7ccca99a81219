//! The corroboration view (`v`): statements as rows, sources as columns
//! grouped by outlet, a mark per cell; filters, Enter, scrolling columns,
//! outlets collapsed at 500 documents; and one count per statement in
//! every place that shows it.

mod common;
use common::{Harness, rows, screen};
use crossread::app::Overlay;
use crossread::app::corroboration::{Corroboration, Mark};
use std::collections::BTreeSet;
use std::path::PathBuf;

const SIZES: [(u16, u16); 3] = [(80, 24), (120, 40), (200, 60)];

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/harbour")
}

fn analysed_at(paths: &[PathBuf], w: u16, h: u16) -> Harness {
    let mut t = Harness::new(paths, w, h);
    t.index = Some(crossread::index::Index::build(&t.docs, &Default::default()));
    t.act(crossread::app::Input::Analysed);
    t
}

fn view(h: &Harness) -> &Corroboration {
    h.state.corroboration.as_ref().expect("the view is open")
}

/// The text drawn in column `i` of the shown columns on screen row `y`.
fn cell_at(h: &Harness, buf: &ratatui::buffer::Buffer, y: u16, i: usize) -> String {
    let g = view(h).geometry(h.state.size);
    let x0 = g.cells_x + i as u16 * g.col_w;
    (x0..x0 + g.col_w)
        .map(|x| buf[(x, y)].symbol().to_string())
        .collect::<String>()
        .trim()
        .to_string()
}

/// The screen row of the `k`th statement shown (from the top of the list).
fn row_y(h: &Harness, k: usize) -> u16 {
    view(h).geometry(h.state.size).body.y + k as u16
}

/// The mark a cell of `doc` should carry for the statement of `row`,
/// straight from the index: whether the document has a claim in it,
/// whether a link of it carries a conflict, and whether it is a copy of
/// another document that makes it.
fn expected_marks(h: &Harness, row: usize) -> Vec<(usize, Option<Mark>)> {
    let index = h.index();
    let v = view(h);
    let r = &v.rows[v.shown[row]];
    let s = &index.statements[r.statement];
    (0..h.docs.len())
        .map(|d| {
            let in_s = s.claims.iter().any(|&c| index.claims[c].doc == d);
            (d, in_s.then(|| r.cell(d).unwrap().mark))
        })
        .collect()
}

#[test]
fn the_top_row_is_the_statement_most_sources_make_with_the_right_marks() {
    for (w, hh) in SIZES {
        let mut h = Harness::analysed(w, hh);
        h.keys(&["v"]);
        assert_eq!(h.state.overlays.top(), Some(&Overlay::Corroboration));
        let buf = h.render();
        let s = screen(&buf);
        let index = h.index();
        assert!(s.contains("Who says what"), "{s}");
        // The most independent sources any statement has, in the index.
        let most = index.statements.iter().map(|s| s.sources).max().unwrap();
        assert_eq!(most, 3, "the seeds have a statement three sources make");
        let y = row_y(&h, 0);
        let top = &rows(&buf)[y as usize];
        assert!(top.contains("▸ 3 "), "top row carries its count: {s}");
        let v = view(&h);
        let r = &v.rows[v.shown[0]];
        assert_eq!(index.sources[r.claim], 3);
        // Its text is the start of its claim's.
        let c = &index.claims[r.claim];
        let words: Vec<&str> = h.docs[c.doc].text[c.range.clone()]
            .split_whitespace()
            .take(2)
            .collect();
        assert!(top.contains(&words.join(" ")), "{top}");
        // Every shown column's cell: the right mark for the right document.
        let marks = expected_marks(&h, 0);
        let mut independent = BTreeSet::new();
        let mut copies = 0;
        let mut absent = 0;
        for (i, col) in v
            .columns
            .iter()
            .enumerate()
            .take(v.geometry(h.state.size).fit)
        {
            assert_eq!(col.docs.len(), 1, "five documents: one column each");
            let d = col.docs[0];
            let drawn = cell_at(&h, &buf, y, i);
            match marks[d].1 {
                None => {
                    absent += 1;
                    assert_eq!(drawn, "·", "doc {d} does not make it")
                }
                Some(Mark::Copy) => {
                    copies += 1;
                    assert_eq!(drawn, "○", "doc {d} is a copy");
                    // A copy of a document that makes it too.
                    let g = index.cluster[d];
                    assert!(
                        marks
                            .iter()
                            .any(|(e, m)| *e != d && index.cluster[*e] == g && m.is_some())
                    );
                }
                Some(m) => {
                    independent.insert(index.cluster[d]);
                    let want = match m {
                        Mark::Makes => "●",
                        Mark::Variant => "≈",
                        Mark::Conflict => "!",
                        _ => unreachable!(),
                    };
                    assert_eq!(drawn, want, "doc {d}");
                }
            }
        }
        // Three independent sources, one copy (the seeds' paywalled copy
        // and its full text), one document that does not say it.
        assert_eq!((independent.len(), copies, absent), (3, 1, 1), "{s}");
    }
}

#[test]
fn the_header_names_outlets_over_their_documents() {
    let mut h = Harness::analysed(200, 60);
    h.keys(&["v"]);
    let buf = h.render();
    let r = rows(&buf);
    let g = view(&h).geometry(h.state.size);
    let header = &r[g.header.y as usize];
    let docs = &r[g.header.y as usize + 1];
    for (i, col) in view(&h).columns.iter().enumerate() {
        let outlet = h.index().docs[col.docs[0]].meta.source.clone();
        let x = (g.cells_x + i as u16 * g.col_w) as usize;
        let under: String = docs.chars().skip(x).take(g.col_w as usize).collect();
        let title = crossread::label::title(&h.docs, col.docs[0]);
        assert!(
            title.starts_with(under.trim().trim_end_matches('…')),
            "{under:?} heads {title:?}"
        );
        if let Some(o) = outlet {
            assert!(header.contains(&o[..8]), "{header}");
        }
    }
    // Known outlets first, by name; the documents of no known outlet after.
    let names: Vec<Option<String>> = view(&h)
        .columns
        .iter()
        .map(|c| h.index().docs[c.docs[0]].meta.source.clone())
        .collect();
    let known = names.iter().take_while(|n| n.is_some()).count();
    assert!(names[known..].iter().all(|n| n.is_none()));
    assert!(known >= 2 && header.contains("no outlet"), "{header}");
}

#[test]
fn single_source_only_keeps_the_statements_one_source_makes() {
    for (w, hh) in SIZES {
        let mut h = Harness::analysed(w, hh);
        h.keys(&["v", "s"]);
        let buf = h.render();
        let s = screen(&buf);
        assert!(s.contains("single-source only"), "{s}");
        let index = h.index();
        let v = view(&h);
        let want = index.statements.iter().filter(|s| s.sources == 1).count();
        assert_eq!(v.shown.len(), want);
        assert!(s.contains(&format!("{want} statements")), "{s}");
        assert!(v.shown.iter().all(|&i| v.rows[i].sources == 1));
        // Every drawn row says 1.
        let g = v.geometry(h.state.size);
        for y in g.body.y..g.body.y + g.body.height {
            let line = &rows(&buf)[y as usize];
            assert_eq!(line.chars().nth(3), Some('1'), "{line}");
        }
        // `s` again: all of them.
        let total = index.statements.len();
        h.keys(&["s"]);
        assert_eq!(view(&h).shown.len(), total);
        assert!(!screen(&h.render()).contains("single-source only"));
    }
}

#[test]
fn enter_opens_the_statement_in_the_chosen_source_at_its_claim() {
    for (w, hh) in SIZES {
        let mut h = Harness::analysed(w, hh);
        let before = h.state.doc();
        h.keys(&["v"]);
        // The last document that makes the top statement, by its column.
        let v = view(&h);
        let r = v.rows[v.shown[0]].clone();
        let (col, cell) = v
            .columns
            .iter()
            .enumerate()
            .rev()
            .find_map(|(i, c)| r.cell(c.docs[0]).map(|x| (i, *x)))
            .unwrap();
        assert_ne!(cell.doc, before);
        for _ in 0..col {
            h.keys(&["l"]);
        }
        h.keys(&["<Enter>"]);
        assert!(h.state.overlays.is_empty(), "the view closes");
        assert_eq!(h.state.doc(), cell.doc);
        assert_eq!(h.state.claim(), Some(cell.claim));
        let index = h.index();
        let c = &index.claims[cell.claim];
        let words: Vec<&str> = h.docs[c.doc].text[c.range.clone()]
            .split_whitespace()
            .take(3)
            .collect();
        let s = screen(&h.render());
        assert!(s.contains(&words.join(" ")), "the claim is on screen: {s}");
        // A jump: Ctrl-o goes back.
        h.keys(&["<Ctrl-o>"]);
        assert_eq!(h.state.doc(), before);
    }
}

#[test]
fn an_entity_filter_keeps_its_statements_and_says_so() {
    let mut h = Harness::analysed(120, 40);
    h.keys(&["v"]);
    let all = view(&h).shown.len();
    // `e` takes the entity of the selected statement.
    h.keys(&["e"]);
    let v = view(&h);
    let e = v.entity.expect("an entity taken from the row");
    let index = h.index();
    let name = index.entities[e].name.clone();
    assert!(v.shown.len() < all && !v.shown.is_empty());
    for &i in &v.shown {
        let s = &index.statements[v.rows[i].statement];
        assert!(
            s.claims
                .iter()
                .any(|&c| index.claims[c].entities.contains(&e))
        );
    }
    let want = index
        .statements
        .iter()
        .filter(|s| {
            s.claims
                .iter()
                .any(|&c| index.claims[c].entities.contains(&e))
        })
        .count();
    assert_eq!(v.shown.len(), want);
    let s = screen(&h.render());
    assert!(s.contains(&format!("about {name}")), "{s}");
    h.keys(&["e"]);
    assert_eq!(view(&h).shown.len(), all);
    // Esc closes, q too; neither quits.
    h.keys(&["<Esc>"]);
    assert!(h.state.overlays.is_empty() && !h.state.quit);
    h.keys(&["v", "q"]);
    assert!(h.state.overlays.is_empty() && !h.state.quit);
}

#[test]
fn the_view_on_the_fixtures_shows_who_says_what() {
    for (w, hh) in SIZES {
        let mut h = analysed_at(&[fixtures()], w, hh);
        h.keys(&["v"]);
        let buf = h.render();
        let s = screen(&buf);
        let index = h.index();
        let most = index.statements.iter().map(|s| s.sources).max().unwrap();
        assert_eq!(most, 2);
        let y = row_y(&h, 0);
        assert!(rows(&buf)[y as usize].contains("▸ 2 "), "{s}");
        // Outlets found in the files head their columns.
        assert!(s.contains("The Daily"), "{s}");
        let v = view(&h);
        let marks = expected_marks(&h, 0);
        for (i, col) in v.columns.iter().enumerate() {
            let drawn = cell_at(&h, &buf, y, i);
            let d = col.docs[0];
            match marks[d].1 {
                None => assert_eq!(drawn, "·"),
                Some(Mark::Makes) => assert_eq!(drawn, "●"),
                Some(Mark::Variant) => assert_eq!(drawn, "≈"),
                Some(Mark::Conflict) => assert_eq!(drawn, "!"),
                Some(Mark::Copy) => assert_eq!(drawn, "○"),
                Some(Mark::Absent) => unreachable!(),
            }
        }
        assert_eq!(
            marks.iter().filter(|m| m.1.is_some()).count(),
            2,
            "two documents make the top statement"
        );
        // Every count-2 statement comes before the single-source ones.
        let counts: Vec<usize> = v.shown.iter().map(|&i| v.rows[i].sources).collect();
        assert!(counts.windows(2).all(|p| p[0] >= p[1]));
    }
}

/// Each row's cells agree with the index: the documents that make the
/// statement are its claims' documents, the distinct duplicate groups among
/// them are `index.sources`, and only one document per group is not a copy.
fn check_counts(h: &Harness) {
    let index = h.index();
    let v = Corroboration::build(index, h.docs.len(), false);
    assert_eq!(v.rows.len(), index.statements.len());
    let mut seen = BTreeSet::new();
    for r in &v.rows {
        assert!(seen.insert(r.statement));
        let s = &index.statements[r.statement];
        assert_eq!(index.statement_of[r.claim], r.statement);
        assert_eq!(r.sources, index.sources[r.claim]);
        let makers: Vec<_> = r
            .cells
            .iter()
            .filter(|c| index.statement_of[c.claim] == r.statement)
            .collect();
        let docs: BTreeSet<usize> = s.claims.iter().map(|&c| index.claims[c].doc).collect();
        assert_eq!(makers.iter().map(|c| c.doc).collect::<BTreeSet<_>>(), docs);
        let groups: BTreeSet<usize> = makers.iter().map(|c| index.cluster[c.doc]).collect();
        assert_eq!(groups.len(), r.sources, "statement {}", r.statement);
        let counted: Vec<_> = makers.iter().filter(|c| c.mark != Mark::Copy).collect();
        let counted_groups: BTreeSet<usize> =
            counted.iter().map(|c| index.cluster[c.doc]).collect();
        assert_eq!(counted_groups.len(), r.sources);
        // Outside the statement: only sources that contradict it.
        assert!(
            r.cells
                .iter()
                .filter(|c| index.statement_of[c.claim] != r.statement)
                .all(|c| c.mark == Mark::Conflict)
        );
        // Collapsed into one column per outlet, the counts add up.
        let all: Vec<usize> = (0..h.docs.len()).collect();
        assert_eq!(r.column(&all).1, r.cells.len());
    }
    // Sorted by sources, most first.
    assert!(v.rows.windows(2).all(|p| p[0].sources >= p[1].sources));
}

#[test]
fn matrix_counts_match_the_index_for_every_row() {
    check_counts(&Harness::analysed(120, 40));
    check_counts(&analysed_at(&[fixtures()], 120, 40));
}

/// The same statement shows the same count wherever it is shown: the
/// gutter, the links overlay, the compare strip and the view, from each of
/// its documents.
#[test]
fn one_count_per_statement_in_every_place() {
    for (w, hh) in [(120, 40), (200, 60)] {
        let mut h = Harness::analysed(w, hh);
        h.keys(&["v"]);
        let v = view(&h);
        let r = v.rows[v.shown[0]].clone();
        let n = r.sources;
        assert!(screen(&h.render()).contains(&format!("▸ {n} ")));
        let cols: Vec<(usize, usize)> = v
            .columns
            .iter()
            .enumerate()
            .filter_map(|(i, c)| r.cell(c.docs[0]).map(|x| (i, x.claim)))
            .collect();
        assert!(cols.len() >= 3);
        h.keys(&["<Esc>"]);
        for (col, claim) in cols {
            // Open the statement in this document from the view.
            h.keys(&["v", "g"]);
            for _ in 0..col {
                h.keys(&["l"]);
            }
            h.keys(&["<Enter>"]);
            assert_eq!(h.state.claim(), Some(claim));
            let c = h.index().claims[claim].clone();
            let first: Vec<&str> = h.docs[c.doc].text[c.range.clone()]
                .split_whitespace()
                .take(3)
                .collect();
            let first = first.join(" ");
            let buf = h.render();
            // (The title in the pane's border may start with the same
            // words: the text's own line is the one with a gutter mark.)
            let lines: Vec<String> = rows(&buf)
                .into_iter()
                .take(hh as usize - 1)
                .filter(|l| l.contains(&first) && !l.contains('━'))
                .collect();
            assert!(!lines.is_empty(), "{first:?} on screen: {}", screen(&buf));
            assert!(
                lines.iter().all(|l| l.contains(&format!("{n}▐"))),
                "gutter of doc {}: {lines:?}",
                c.doc
            );
            // The links overlay.
            h.keys(&["<Enter>"]);
            let s = screen(&h.render());
            assert!(
                s.contains(&format!("{n} independent sources")),
                "links of doc {}: {s}",
                c.doc
            );
            // Compare, on this claim's pair.
            h.keys(&["c"]);
            assert!(h.state.compare.is_some());
            let s = screen(&h.render());
            assert!(
                s.contains(&format!("{n} independent sources")),
                "compare from doc {}: {s}",
                c.doc
            );
            // And the view, from compare.
            h.keys(&["v"]);
            let buf = h.render();
            let v = view(&h);
            let k = v
                .shown
                .iter()
                .position(|&i| v.rows[i].claim == r.claim)
                .unwrap();
            assert_eq!(k, 0);
            assert!(rows(&buf)[row_y(&h, 0) as usize].contains(&format!(" {n} ")));
            h.keys(&["<Esc>", "<Esc>"]);
            assert!(h.state.compare.is_none() && h.state.overlays.is_empty());
        }
    }
}

/// A corpus of `n` short articles from 20 outlets (one folder each), some
/// statements shared across outlets, written for this test.
fn many_documents(n: usize) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("crossread-corro-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let places = ["Harwick", "Lonmouth", "Brackley", "Tesford", "Ormsby"];
    let groups = [
        "river authority",
        "county council",
        "fire service",
        "water board",
    ];
    let shared: Vec<String> = (0..30)
        .map(|k| {
            format!(
                "The {} said on Tuesday that {} homes in {} had lost power after the storm.",
                groups[k % groups.len()],
                120 + k * 37,
                places[k % places.len()]
            )
        })
        .collect();
    let mut rng = crossread::corpus::generate::Rng(7);
    let heads = ["north", "south", "east", "west", "coast"];
    let tails = ["herald", "courier", "gazette", "post"];
    for i in 0..n {
        let outlet = i % 20;
        let folder = format!("{}-{}", heads[outlet % 5], tails[outlet / 5]);
        let d = dir.join(&folder);
        std::fs::create_dir_all(&d).unwrap();
        let mut text = format!(
            "Storm report number {i} from {}\nMarch {}, 2024\n\n",
            places[i % 5],
            1 + i % 5
        );
        for _ in 0..3 {
            text.push_str(&shared[rng.below(shared.len())]);
            text.push(' ');
        }
        text.push_str(&format!(
            "\n\nReporter {i} counted {} fallen trees on road {} near {}.\n",
            3 + i,
            i * 11 % 97,
            places[(i + 2) % 5]
        ));
        std::fs::write(d.join(format!("{i:04}.txt")), text).unwrap();
    }
    dir
}

#[test]
fn five_hundred_documents_collapse_into_outlets_and_scroll() {
    let dir = many_documents(500);
    let mut h = analysed_at(std::slice::from_ref(&dir), 80, 24);
    assert_eq!(h.docs.len(), 500);
    h.keys(&["v"]);
    let v = view(&h);
    assert!(v.collapsed, "500 documents: one column per outlet");
    // The folders name the outlets (a folder with a document that names
    // another outlet is not taken for one: those go to `no outlet`).
    let k = v.columns.len();
    assert_eq!(k, v.outlet_count(h.index()));
    assert!((20..=21).contains(&k), "{k} outlets");
    assert_eq!(v.columns.iter().map(|c| c.docs.len()).sum::<usize>(), 500);
    let g = v.geometry(h.state.size);
    assert!(g.fit < k, "not all outlets fit at 80 columns");
    let buf = h.render();
    let s = screen(&buf);
    assert!(s.contains(&format!("outlets 1–{} of {k}", g.fit)), "{s}");
    let docs0 = v.columns[0].docs.len();
    let head2 = &rows(&buf)[g.header.y as usize + 1];
    assert!(head2.contains(&format!(" {docs0} ")), "{head2}");
    // The top statement: its count, and the cells say how many of each
    // outlet's documents make it.
    let r = v.rows[v.shown[0]].clone();
    assert!(r.sources >= 3, "a statement several outlets make");
    let y = row_y(&h, 0);
    assert!(
        rows(&buf)[y as usize].contains(&format!("{} ", r.sources)),
        "{s}"
    );
    for (i, col) in v.columns.iter().enumerate().take(g.fit) {
        let (_, n) = r.column(&col.docs);
        let drawn = cell_at(&h, &buf, y, i);
        if n == 0 {
            assert_eq!(drawn, "·");
        } else {
            assert!(drawn.starts_with(&n.to_string()), "{drawn} for {n}");
        }
    }
    // Scroll the columns to the last outlet.
    let last_outlet = v.columns[k - 1]
        .outlet
        .clone()
        .unwrap_or("no outlet".into());
    h.keys(&["G"]);
    for _ in 0..k + 3 {
        h.keys(&["l"]);
    }
    let v = view(&h);
    assert_eq!(v.col, k - 1);
    assert_eq!(v.left, k - g.fit);
    let buf = h.render();
    let s = screen(&buf);
    assert!(
        s.contains(&format!("outlets {}–{k} of {k}", k + 1 - g.fit)),
        "{s}"
    );
    let head = &rows(&buf)[g.header.y as usize];
    let shown_last = crossread::ui::fit(&last_outlet, g.col_w as usize - 1);
    assert!(head.contains(shown_last.trim_end_matches('…')), "{head}");
    // The last row is selected and in view.
    let last = v.shown.len() - 1;
    let y = g.body.y + g.body.height - 1;
    assert!(rows(&buf)[y as usize].starts_with("│▸"), "{s}");
    assert_eq!(v.selected, last);
    // One column per document on `o`, scrolled the same way.
    h.keys(&["o"]);
    let v = view(&h);
    assert!(!v.collapsed && v.columns.len() == 500);
    let s = screen(&h.render());
    assert!(s.contains("of 500"), "{s}");
    h.keys(&["h"]);
    assert!(view(&h).col < 500);
    // Enter from the last row opens its statement.
    h.keys(&["<Enter>"]);
    assert!(h.state.claim().is_some() && h.state.overlays.is_empty());
    let _ = std::fs::remove_dir_all(&dir);
}
