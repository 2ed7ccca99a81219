//! Profile helper: time the corpus-level entity resolution on its own
//! (`cargo bench --bench stages`; corpus from `cargo bench --bench analysis`).
use crossread::analysis::entities::{self, UserAliases};
use crossread::analysis::{boilerplate, entities::DocInput};
fn main() {
    let n = std::env::var("CROSSREAD_STAGE_N").unwrap_or_else(|_| "10000".into());
    let dir = std::env::temp_dir().join(format!("crossread-bench-{n}"));
    if !dir.is_dir() {
        println!(
            "no corpus at {}: run `cargo bench --bench analysis` first (it writes it)",
            dir.display()
        );
        return;
    }
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
    let cands: Vec<_> = docs
        .iter()
        .zip(&sents)
        .zip(&boiler)
        .map(|((d, s), b)| {
            entities::doc_candidates(&DocInput {
                doc: d.id,
                text: &d.text,
                sentences: s,
                boilerplate: b,
            })
        })
        .collect();
    println!(
        "candidates: {:.1} µs per doc (one thread)",
        t.elapsed().as_secs_f64() * 1e6 / docs.len() as f64
    );
    let t = std::time::Instant::now();
    let e = entities::resolve(cands, &UserAliases::default());
    println!(
        "resolve: {:.0} ms for {} docs, {} entities, {} mentions",
        t.elapsed().as_secs_f64() * 1e3,
        docs.len(),
        e.entities.len(),
        e.mentions.len()
    );
}
