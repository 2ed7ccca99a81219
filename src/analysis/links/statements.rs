//! Statements: claims of different documents that corroborate or quote
//! each other form one statement (connected by `corroborates` and
//! `quote_variant` links). The number of independent sources that make a
//! statement — its documents, copies of one article counted once — is a
//! property of the statement, the same for each of its claims.

use super::Link;
use crate::analysis::claims::Claim;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    /// Its claims, in id order.
    pub claims: Vec<usize>,
    /// Independent sources (duplicate groups of its documents).
    pub sources: usize,
}

fn root(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// The statements of a corpus, and the statement of each claim.
/// `cluster` is the duplicate group of each document.
pub fn statements(
    claims: &[Claim],
    links: &[Vec<Link>],
    cluster: &[usize],
) -> (Vec<Statement>, Vec<usize>) {
    let n = claims.len();
    let mut parent: Vec<usize> = (0..n).collect();
    for (i, ls) in links.iter().enumerate() {
        for l in ls.iter().filter(|l| l.relation.is_strong()) {
            let (a, b) = (root(&mut parent, i), root(&mut parent, l.to));
            if a != b {
                parent[a.max(b)] = a.min(b);
            }
        }
    }
    let mut id = vec![usize::MAX; n];
    let mut out: Vec<Statement> = Vec::new();
    let mut of = Vec::with_capacity(n);
    for c in 0..n {
        let r = root(&mut parent, c);
        if id[r] == usize::MAX {
            id[r] = out.len();
            out.push(Statement {
                claims: Vec::new(),
                sources: 0,
            });
        }
        of.push(id[r]);
        out[id[r]].claims.push(c);
    }
    for s in &mut out {
        let mut groups: Vec<usize> = s.claims.iter().map(|&c| cluster[claims[c].doc]).collect();
        groups.sort_unstable();
        groups.dedup();
        s.sources = groups.len();
    }
    (out, of)
}
