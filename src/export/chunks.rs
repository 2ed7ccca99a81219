//! Writing many records fast: chunks of records serialised in parallel,
//! each into a buffer of its own, then written in order.

use serde::Serialize;
use std::io::{self, Write};
use std::ops::Range;

/// How records written by [`write_par`] are separated.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Sep {
    /// Items of a JSON array: a comma between two.
    Comma,
    /// JSON Lines: a line break after each.
    Line,
}

/// Serialise the records `make` gives for `0..n`, in chunks of `chunk`
/// serialised in parallel, each into a buffer of its own, and write them in
/// order. A block of chunks at a time is held, so memory stays bounded
/// whatever the corpus.
pub(super) fn write_par<W, I, F>(
    w: &mut W,
    n: usize,
    chunk: usize,
    sep: Sep,
    make: F,
) -> io::Result<()>
where
    W: Write + ?Sized,
    F: Fn(Range<usize>) -> I + Sync,
    I: Iterator,
    I::Item: Serialize,
{
    use rayon::prelude::*;
    const BLOCK: usize = 64;
    let chunk = chunk.max(1);
    let chunks: Vec<Range<usize>> = (0..n)
        .step_by(chunk)
        .map(|s| s..(s + chunk).min(n))
        .collect();
    let mut first = true;
    for block in chunks.chunks(BLOCK) {
        let bufs: Vec<io::Result<Vec<u8>>> = block
            .par_iter()
            .map(|r| {
                let mut buf = Vec::with_capacity(r.len() * 256);
                for (k, rec) in make(r.clone()).enumerate() {
                    if sep == Sep::Comma && k > 0 {
                        buf.push(b',');
                    }
                    serde_json::to_writer(&mut buf, &rec)?;
                    if sep == Sep::Line {
                        buf.push(b'\n');
                    }
                }
                Ok(buf)
            })
            .collect();
        for b in bufs {
            let b = b?;
            if b.is_empty() {
                continue;
            }
            if sep == Sep::Comma && !first {
                w.write_all(b",")?;
            }
            first = false;
            w.write_all(&b)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn par(n: usize, chunk: usize, sep: Sep) -> String {
        let mut out = Vec::new();
        write_par(&mut out, n, chunk, sep, |r| r.map(|i| format!("item {i}"))).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn parallel_chunks_come_out_in_order_and_well_separated() {
        for n in [0, 1, 2, 7, 8, 9, 500, 1000] {
            for chunk in [1, 3, 7, 256] {
                let want: Vec<String> = (0..n).map(|i| format!("item {i}")).collect();
                let array = format!("[{}]", par(n, chunk, Sep::Comma));
                let got: Vec<String> = serde_json::from_str(&array).unwrap();
                assert_eq!(got, want, "{n} in chunks of {chunk}");
                let lines = par(n, chunk, Sep::Line);
                let got: Vec<String> = lines
                    .lines()
                    .map(|l| serde_json::from_str(l).unwrap())
                    .collect();
                assert_eq!(got, want, "{n} lines in chunks of {chunk}");
                assert!(n == 0 || lines.ends_with('\n'));
            }
        }
    }
}
