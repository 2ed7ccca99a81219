//! Word vectors for seeing paraphrases: 50,000 frequent English words of
//! GloVe 6B 50-d (PDDL 1.0; provenance, licence and the script that derives
//! the table are in `src/analysis/data/glove_subset.py` and the file's own
//! header), unit length, quantised to bytes and embedded in the binary.
//!
//! The table is read in place: loading is finding four slices in a static
//! byte array (microseconds); a lookup is a binary search over the sorted
//! words. GloVe lists words by frequency, so each word's rank also gives a
//! background rarity that does not depend on the corpus being read.

use std::sync::OnceLock;

static DATA: &[u8] = include_bytes!("../data/glove50k.bin");

pub struct Vectors {
    n: usize,
    pub dim: usize,
    offsets: &'static [u8],
    ranks: &'static [u8],
    /// Signed bytes, stored as `u8` (two's complement).
    vectors: &'static [u8],
    /// Each word's 25th-neighbour cosine, x255.
    kth: &'static [u8],
    strings: &'static [u8],
}

fn u32_at(b: &[u8], i: usize) -> u32 {
    u32::from_le_bytes([b[4 * i], b[4 * i + 1], b[4 * i + 2], b[4 * i + 3]])
}

impl Vectors {
    fn parse(data: &'static [u8]) -> Option<Vectors> {
        let start = data.iter().position(|&b| b == 0)? + 1;
        let d = &data[start..];
        if d.get(..4)? != b"CRWV" {
            return None;
        }
        let n = u32_at(&d[4..], 0) as usize;
        let dim = u32_at(&d[4..], 1) as usize;
        let mut at = 12;
        let offsets = d.get(at..at + 4 * (n + 1))?;
        at += 4 * (n + 1);
        let ranks = d.get(at..at + 4 * n)?;
        at += 4 * n;
        let vectors = d.get(at..at + n * dim)?;
        at += n * dim;
        let kth = d.get(at..at + n)?;
        at += n;
        let strings = d.get(at..)?;
        (strings.len() == u32_at(offsets, n) as usize).then_some(Vectors {
            n,
            dim,
            offsets,
            ranks,
            vectors,
            kth,
            strings,
        })
    }

    fn word(&self, i: usize) -> &[u8] {
        &self.strings[u32_at(self.offsets, i) as usize..u32_at(self.offsets, i + 1) as usize]
    }

    /// The table index of a lower-case word.
    pub fn find(&self, word: &str) -> Option<usize> {
        let w = word.as_bytes();
        let (mut lo, mut hi) = (0, self.n);
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.word(mid).cmp(w) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }

    /// 1-based frequency rank of word `i` in GloVe's vocabulary.
    pub fn rank(&self, i: usize) -> u32 {
        u32_at(self.ranks, i)
    }

    /// Cosine of two words' vectors.
    pub fn cosine(&self, a: usize, b: usize) -> f32 {
        if a == b {
            return 1.0;
        }
        let va = &self.vectors[a * self.dim..(a + 1) * self.dim];
        let vb = &self.vectors[b * self.dim..(b + 1) * self.dim];
        let dot: i32 = va
            .iter()
            .zip(vb)
            .map(|(x, y)| *x as i8 as i32 * *y as i8 as i32)
            .sum();
        dot as f32 / (127.0 * 127.0)
    }

    /// Are two words among each other's 25 nearest neighbours in the
    /// table? (Their cosine reaches both words' 25th-neighbour cosine:
    /// close for both, not only for a word whose neighbourhood is crowded.)
    pub fn mutual(&self, a: usize, b: usize, cosine: f32) -> bool {
        let need = self.kth[a].max(self.kth[b]) as f32 / 255.0;
        cosine >= need
    }

    pub fn len(&self) -> usize {
        self.n
    }

    pub fn is_empty(&self) -> bool {
        self.n == 0
    }
}

/// The embedded table (parsed at first use).
pub fn get() -> &'static Vectors {
    static V: OnceLock<Vectors> = OnceLock::new();
    V.get_or_init(|| Vectors::parse(DATA).expect("embedded word-vector table is well formed"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_loads_fast_and_knows_related_words() {
        let v = get();
        assert_eq!(v.len(), 50_000);
        assert_eq!(v.dim, 50);
        let w = |s: &str| v.find(s).unwrap_or_else(|| panic!("{s} missing"));
        assert!(v.cosine(w("earthquake"), w("quake")) > 0.9);
        assert!(v.cosine(w("arrested"), w("detained")) > 0.85);
        assert!(v.cosine(w("earthquake"), w("sandwich")) < 0.3);
        assert!(v.rank(w("the")) < v.rank(w("harbour")));
        assert_eq!(v.find("zzzzqx"), None);
    }
}
