//! Quick lookup speed (issue 9): the time the corpus search takes to answer
//! one keystroke (all documents' hit counts and the first hit), typing
//! queries letter by letter as a user does, on a large generated corpus and
//! on real news. Not a test: figures to read.
//!
//! `cargo bench --bench lookup [-- PATH ...]`; without paths it uses
//! `/work/bench/gen10k` and `../shared/devdata/realnews` when they exist,
//! else the seeds.

use crossread::corpus;
use crossread::search::{Mode, Query, SearchIndex, Searcher};
use std::path::PathBuf;
use std::time::{Duration, Instant};

const QUERIES: &[(&str, Mode)] = &[
    ("sanctions relief", Mode::Words),
    ("president", Mode::Words),
    ("North Korea", Mode::Words),
    ("the", Mode::Words),
    ("minister said", Mode::Words),
    ("february 27", Mode::Words),
    ("straße", Mode::Words),
    ("zzqx", Mode::Words),
    ("sanction(s|ed) (relief|on)", Mode::Regex),
    (r"\d+ (people|troops)", Mode::Regex),
];

fn corpora() -> Vec<PathBuf> {
    let args: Vec<PathBuf> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .map(PathBuf::from)
        .collect();
    if !args.is_empty() {
        return args;
    }
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let found: Vec<PathBuf> = [
        PathBuf::from("/work/bench/gen10k"),
        manifest.join("../shared/devdata/realnews"),
        PathBuf::from("/work/shared/devdata/realnews"),
    ]
    .into_iter()
    .filter(|p| p.is_dir())
    .collect();
    if found.is_empty() {
        vec![manifest.join("seeds")]
    } else {
        found
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn main() {
    for dir in corpora() {
        let loaded = corpus::load_paths(std::slice::from_ref(&dir));
        let docs = loaded.documents;
        let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
        let t = Instant::now();
        let index = SearchIndex::build(&docs);
        let build = t.elapsed();
        println!(
            "{}: {} documents, {:.1} MB; search index built in {:.0} ms",
            dir.display(),
            docs.len(),
            bytes as f64 / 1e6,
            ms(build)
        );
        let mut all = Vec::new();
        for (q, mode) in QUERIES {
            // A fresh prompt per query, as `/` opens one; then each
            // keystroke: run the query and find the first hit.
            let mut searcher = Searcher::default();
            let mut times = Vec::new();
            let mut typed = String::new();
            let mut total = 0;
            for c in q.chars() {
                typed.push(c);
                let t = Instant::now();
                if let Ok(Some(query)) = Query::new(&typed, *mode) {
                    let hits = searcher.search(&index, &docs, query);
                    let _ = std::hint::black_box(hits.step(&index, &docs, 0, None, true));
                    total = hits.total;
                }
                times.push(t.elapsed());
            }
            if std::env::args().any(|a| a == "--verbose") {
                let each: Vec<String> = times.iter().map(|t| format!("{:.1}", ms(*t))).collect();
                println!("    {}", each.join(" "));
            }
            let worst = times.iter().max().copied().unwrap_or_default();
            println!(
                "  {:<28} {:>8} hits  per keystroke: first {:>6.2} ms, worst {:>6.2} ms",
                format!("{q:?}{}", if *mode == Mode::Regex { " (regex)" } else { "" }),
                total,
                ms(times[0]),
                ms(worst)
            );
            all.extend(times);
        }
        all.sort();
        println!(
            "  all keystrokes ({}): median {:.2} ms, 95th percentile {:.2} ms, max {:.2} ms",
            all.len(),
            ms(percentile(&all, 0.5)),
            ms(percentile(&all, 0.95)),
            ms(*all.last().unwrap())
        );
    }
}
