//! Quick lookup speed (issue 9): the time the corpus search takes to answer
//! one keystroke (all documents' hit counts and the first hit), typing
//! queries letter by letter as a user does, on a large generated corpus and
//! on real news. Not a test: figures to read.
//!
//! `cargo bench --bench lookup [-- PATH ...]`; without paths it uses
//! `/work/bench/gen10k` and `../shared/devdata/realnews` when they exist,
//! else the seeds.

use crossread::corpus;
use crossread::search::finder::{self, FinderIndex};
use crossread::search::{Mode, Query, SearchIndex, Searcher};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Typed into the finder.
const FINDER_QUERIES: &[&str] = &[
    "biegun",
    "sanctions relief",
    "2019-02",
    "president trump",
    "kim",
    "minister",
];

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

/// How many times each query is typed.
const REPEAT: usize = 9;

/// CPU time used by this process so far (all threads), in ms, from
/// /proc/self/stat (0 where there is none).
fn cpu_ms() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // Fields after the command name (which is in parentheses).
    let rest = stat.rsplit(')').next().unwrap_or("");
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|x| x.parse::<f64>().ok()).unwrap_or(0.0);
    // utime and stime are fields 14 and 15 of the line, 12 and 13 here;
    // the kernel counts them in 1/100 s.
    (ticks(11) + ticks(12)) * 10.0
}

/// Resident memory of this process, in MB (0 where unknown).
fn rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|k| k.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
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
        let rss0 = rss_mb();
        let t = Instant::now();
        let index = SearchIndex::build(&docs);
        let build = t.elapsed();
        println!(
            "{}: {} documents, {:.1} MB; search index built in {:.0} ms, {:.0} MB resident",
            dir.display(),
            docs.len(),
            bytes as f64 / 1e6,
            ms(build),
            rss_mb() - rss0
        );
        let mut all = Vec::new();
        let cpu0 = cpu_ms();
        let mut keystrokes = 0usize;
        for (q, mode) in QUERIES {
            // A fresh prompt per query, as `/` opens one; then each
            // keystroke: run the query and find the first hit. Typed
            // REPEAT times; each keystroke's median is kept (the machine is
            // shared and noisy).
            let chars: Vec<char> = q.chars().collect();
            let mut times = vec![Vec::new(); chars.len()];
            let mut total = 0;
            let query_cpu = cpu_ms();
            for _ in 0..REPEAT {
                let mut searcher = Searcher::default();
                let mut typed = String::new();
                for (i, c) in chars.iter().enumerate() {
                    typed.push(*c);
                    let t = Instant::now();
                    if let Ok(Some(query)) = Query::new(&typed, *mode) {
                        let hits = searcher.search(&index, &docs, query);
                        let _ = std::hint::black_box(hits.step(&index, &docs, 0, None, true));
                        total = hits.total;
                    }
                    times[i].push(t.elapsed());
                    keystrokes += 1;
                }
            }
            let query_cpu = (cpu_ms() - query_cpu) / (REPEAT * chars.len()) as f64;
            let times: Vec<Duration> = times
                .into_iter()
                .map(|mut v| {
                    v.sort();
                    v[v.len() / 2]
                })
                .collect();
            if std::env::args().any(|a| a == "--verbose") {
                let each: Vec<String> = times.iter().map(|t| format!("{:.1}", ms(*t))).collect();
                println!("    {}", each.join(" "));
            }
            let worst = times.iter().max().copied().unwrap_or_default();
            println!(
                "  {:<36} {:>7} hits  per keystroke (median of {REPEAT}): first {:>6.2} ms, worst {:>6.2} ms; CPU {:>5.1} ms",
                format!(
                    "{q:?}{}",
                    if *mode == Mode::Regex { " (regex)" } else { "" }
                ),
                total,
                ms(times[0]),
                ms(worst),
                query_cpu
            );
            all.extend(times);
        }
        let cpu = cpu_ms() - cpu0;
        println!(
            "  CPU time (all threads) per keystroke: {:.2} ms on average",
            cpu / keystrokes as f64
        );
        all.sort();
        println!(
            "  all keystrokes ({}, each its median): median {:.2} ms, 95th percentile {:.2} ms, max {:.2} ms",
            all.len(),
            ms(percentile(&all, 0.5)),
            ms(percentile(&all, 0.95)),
            ms(*all.last().unwrap())
        );
        finder_bench(&docs, &index);
    }
}

/// The finder: rank every document, entity, claim and event per keystroke.
fn finder_bench(docs: &[crossread::corpus::Document], search: &SearchIndex) {
    let t = Instant::now();
    let index = crossread::index::Index::build(docs, &Default::default());
    let analysis = t.elapsed();
    let t = Instant::now();
    let fi = FinderIndex::build(docs, Some(&index));
    println!(
        "  finder: {} documents, {} entities, {} claims, {} events ({} rows of dates); listed in {:.0} ms (analysis {:.1} s)",
        docs.len(),
        index.entities.len(),
        index.claims.len(),
        index.events.len(),
        fi.event_groups.len(),
        ms(t.elapsed()),
        analysis.as_secs_f64()
    );
    let mut all = Vec::new();
    for q in FINDER_QUERIES {
        let chars: Vec<char> = q.chars().collect();
        let mut times = vec![Vec::new(); chars.len()];
        let mut total = 0;
        let cpu0 = cpu_ms();
        for _ in 0..REPEAT {
            let mut prev: Option<finder::Matches> = None;
            let mut memory = finder::ClaimSearch::default();
            let mut typed = String::new();
            for (i, c) in chars.iter().enumerate() {
                typed.push(*c);
                let t = Instant::now();
                let claims = finder::Claims {
                    search,
                    index: &index,
                    docs,
                    memory: &mut memory,
                };
                let m = finder::rank(&fi, &typed, prev.as_ref(), Some(claims));
                times[i].push(t.elapsed());
                total = m.total;
                prev = Some(m);
            }
        }
        let cpu = (cpu_ms() - cpu0) / (REPEAT * chars.len()) as f64;
        let times: Vec<Duration> = times
            .into_iter()
            .map(|mut v| {
                v.sort();
                v[v.len() / 2]
            })
            .collect();
        let worst = times.iter().max().copied().unwrap_or_default();
        println!(
            "  finder {:<22} {:>7} matches  per keystroke (median of {REPEAT}): first {:>6.2} ms, worst {:>6.2} ms; CPU {:>5.1} ms",
            format!("{q:?}"),
            total,
            ms(times[0]),
            ms(worst),
            cpu
        );
        all.extend(times);
    }
    all.sort();
    println!(
        "  finder keystrokes ({}): median {:.2} ms, 95th percentile {:.2} ms, max {:.2} ms",
        all.len(),
        ms(percentile(&all, 0.5)),
        ms(percentile(&all, 0.95)),
        ms(*all.last().unwrap())
    );
}
