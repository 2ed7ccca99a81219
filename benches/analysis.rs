//! Speed and memory of loading and analysis at 10, 1,000 and 10,000
//! articles (DESIGN.md §7). Run with `cargo bench --bench analysis`.
//! Prints wall time per stage and the process's peak resident memory.

use crossread::analysis::entities::UserAliases;
use crossread::corpus::{self, generate};
use crossread::index::Index;
use std::time::Instant;

fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn main() {
    let seeds =
        corpus::load_paths(&[std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds")]);
    let sizes: Vec<usize> = std::env::var("CROSSREAD_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|x| x.parse().ok()).collect())
        .unwrap_or_else(|| vec![10, 1_000, 10_000]);
    println!(
        "{:>8} {:>9} {:>10} {:>10} {:>10} {:>12}",
        "articles", "MB", "load ms", "analyse ms", "per doc µs", "peak RSS MB"
    );
    for n in sizes {
        let dir = std::env::temp_dir().join(format!("crossread-bench-{n}"));
        if !dir.exists() {
            std::fs::create_dir_all(&dir).unwrap();
            for (name, text) in generate::generate(&seeds.documents, n, 5000, 42) {
                std::fs::write(dir.join(name), text).unwrap();
            }
        }
        let t = Instant::now();
        let loaded = corpus::load_paths(std::slice::from_ref(&dir));
        let load_ms = t.elapsed().as_secs_f64() * 1000.0;
        let bytes: usize = loaded.documents.iter().map(|d| d.text.len()).sum();
        if std::env::var_os("CROSSREAD_STAGES").is_some() {
            stages(&loaded.documents);
        }
        let t = Instant::now();
        let index = Index::build(&loaded.documents, &UserAliases::default());
        let analyse_ms = t.elapsed().as_secs_f64() * 1000.0;
        println!(
            "{:>8} {:>9.1} {:>10.1} {:>10.1} {:>10.1} {:>12.1}",
            n,
            bytes as f64 / 1e6,
            load_ms,
            analyse_ms,
            analyse_ms * 1000.0 / n as f64,
            peak_rss_kib() as f64 / 1024.0
        );
        std::hint::black_box(&index);
    }
}

/// Single-threaded time of each per-document stage (set CROSSREAD_STAGES).
#[allow(dead_code)]
pub fn stages(docs: &[crossread::corpus::Document]) {
    use crossread::analysis::{boilerplate, dates, entities, metadata};
    let t = Instant::now();
    let sents: Vec<_> = docs
        .iter()
        .map(|d| crossread::text::sentences::split(&d.text))
        .collect();
    println!("  sentences   {:>8.1} ms", t.elapsed().as_secs_f64() * 1e3);
    let t = Instant::now();
    let boiler: Vec<_> = docs
        .iter()
        .zip(&sents)
        .map(|(d, s)| boilerplate::find(&d.text, s))
        .collect();
    println!("  boilerplate {:>8.1} ms", t.elapsed().as_secs_f64() * 1e3);
    let t = Instant::now();
    let found: Vec<_> = docs.iter().map(|d| dates::scan(&d.text)).collect();
    println!("  date scan   {:>8.1} ms", t.elapsed().as_secs_f64() * 1e3);
    let t = Instant::now();
    let metas: Vec<_> = docs
        .iter()
        .zip(&found)
        .map(|(d, f)| metadata::extract(d, f))
        .collect();
    println!("  metadata    {:>8.1} ms", t.elapsed().as_secs_f64() * 1e3);
    let t = Instant::now();
    for ((d, f), m) in docs.iter().zip(&found).zip(&metas) {
        std::hint::black_box(dates::resolve(&d.text, f, m.date.map(|x| x.0)));
    }
    println!("  date resolve{:>8.1} ms", t.elapsed().as_secs_f64() * 1e3);
    let t = Instant::now();
    for ((d, s), b) in docs.iter().zip(&sents).zip(&boiler) {
        std::hint::black_box(entities::doc_candidates(&entities::DocInput {
            doc: d.id,
            text: &d.text,
            sentences: s,
            boilerplate: b,
        }));
    }
    println!("  candidates  {:>8.1} ms", t.elapsed().as_secs_f64() * 1e3);
}
