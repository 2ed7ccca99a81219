//! A synthetic corpus for benchmarks: N articles recombined from the
//! paragraphs of any input texts, with numbers varied so that no two
//! articles are identical. Deterministic for a given seed.

use super::Document;

/// A small deterministic generator (xorshift), enough for shuffling and
/// for reproducible random test input. The seed must not be zero.
pub struct Rng(pub u64);
impl Rng {
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Articles of about `target_bytes` each, built from the paragraphs of
/// `sources`. Returns (file name, text) pairs.
pub fn generate(
    sources: &[Document],
    count: usize,
    target_bytes: usize,
    seed: u64,
) -> Vec<(String, String)> {
    let paragraphs: Vec<&str> = sources
        .iter()
        .flat_map(|d| d.text.split('\n'))
        .map(str::trim)
        .filter(|p| p.len() > 60)
        .collect();
    let titles: Vec<&str> = sources.iter().map(|d| d.title.as_str()).collect();
    let mut rng = Rng(seed.max(1));
    let mut out = Vec::with_capacity(count);
    for i in 0..count {
        let mut text = String::with_capacity(target_bytes + 512);
        let title = titles
            .get(rng.below(titles.len()))
            .copied()
            .unwrap_or("Article");
        text.push_str(&format!("{title} ({i})\n"));
        let day = 1 + rng.below(28);
        let month = ["January", "February", "March", "April", "May", "June"][rng.below(6)];
        text.push_str(&format!("{month} {day}, 2019\n\n"));
        while text.len() < target_bytes && !paragraphs.is_empty() {
            let p = paragraphs[rng.below(paragraphs.len())];
            // Vary digits so that copies are near-duplicates, not clones.
            let varied: String = p
                .chars()
                .map(|c| {
                    if c.is_ascii_digit() && rng.below(4) == 0 {
                        char::from(b'0' + rng.below(10) as u8)
                    } else {
                        c
                    }
                })
                .collect();
            text.push_str(&varied);
            text.push_str("\n\n");
        }
        out.push((format!("{i:06}.txt"), text));
    }
    out
}
