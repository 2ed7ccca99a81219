//! Profile helper: only the entity candidate stage, repeated.
use crossread::analysis::{boilerplate, entities};
fn main() {
    let dir = std::env::temp_dir().join("crossread-bench-1000");
    let docs = crossread::corpus::load_paths(&[dir]).documents;
    let sents: Vec<_> = docs
        .iter()
        .map(|d| crossread::text::sentences::split(&d.text))
        .collect();
    let boiler: Vec<_> = docs
        .iter()
        .zip(&sents)
        .map(|(d, s)| boilerplate::find(&d.text, s))
        .collect();
    let t = std::time::Instant::now();
    for _ in 0..3 {
        for ((d, s), b) in docs.iter().zip(&sents).zip(&boiler) {
            std::hint::black_box(entities::doc_candidates(&entities::DocInput {
                doc: d.id,
                text: &d.text,
                sentences: s,
                boilerplate: b,
            }));
        }
    }
    println!(
        "candidates: {:.1} µs per doc",
        t.elapsed().as_secs_f64() * 1e6 / 3000.0
    );
}
