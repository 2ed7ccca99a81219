//! Claims grouped into statements (one assertion and the claims of other
//! sources that make it), ranked for a briefing; and the pairs of claims in
//! conflict or quoting one statement in different words.

use super::cite;
use crate::analysis::claims::ClaimKind;
use crate::analysis::links::{DiffOp, Link, Relation};
use crate::corpus::Document;
use crate::index::Index;
use rayon::prelude::*;
use std::collections::HashSet;

/// The number of independent sources that make claim `claim` (copies of
/// one article count once). The one place the briefing asks the index for
/// it, so that a change of how the index counts is one change here.
pub fn independent_sources(index: &Index, claim: usize) -> usize {
    index.sources[claim]
}

/// Links that say another source makes the same assertion.
fn strong(l: &Link) -> bool {
    matches!(l.relation, Relation::Corroborates | Relation::QuoteVariant)
}

/// One source's version of a statement: its claim and document, and the
/// copies of that document that carry it too (they count once).
#[derive(Debug, Clone)]
pub struct Citation {
    pub claim: usize,
    pub doc: usize,
    pub copies: Vec<usize>,
}

#[derive(Debug, Clone)]
pub struct Statement {
    /// The claim that stands for the statement.
    pub rep: usize,
    pub sources: usize,
    /// How much a reader needs it, among statements with as many sources.
    pub weight: f32,
}

impl Statement {
    /// One citation per independent source, the representative's first.
    pub fn citations(&self, index: &Index) -> Vec<Citation> {
        citations(index, self.rep)
    }
}

/// The sources of claim `rep`: itself and the other claims of its
/// statement, one citation per group of copies (per source, the claim the
/// representative links to most strongly, else its first).
pub fn citations(index: &Index, rep: usize) -> Vec<Citation> {
    let mut members = vec![rep];
    members.extend(index.links[rep].iter().filter(|l| strong(l)).map(|l| l.to));
    members.extend(
        index.statements[index.statement_of[rep]]
            .claims
            .iter()
            .copied()
            .filter(|&m| m != rep),
    );
    let mut out: Vec<Citation> = Vec::new();
    // Per group of copies, the claim in the fuller document.
    for &m in &members {
        let doc = index.claims[m].doc;
        let group = index.cluster[doc];
        match out.iter_mut().find(|c| index.cluster[c.doc] == group) {
            None => out.push(Citation {
                claim: m,
                doc,
                copies: Vec::new(),
            }),
            Some(c) if c.doc == doc => {}
            Some(c) => {
                let keep_new = c.claim != rep && cite::fuller(index, doc) == doc;
                if keep_new {
                    c.copies.push(c.doc);
                    c.doc = doc;
                    c.claim = m;
                } else if !c.copies.contains(&doc) {
                    c.copies.push(doc);
                }
            }
        }
    }
    let date = |d: usize| index.docs[d].meta.date.map(|x| x.0);
    out[1..].sort_by_key(|c| (date(c.doc).is_none(), date(c.doc), c.doc));
    out
}

/// How central a claim is to the corpus, for ranking claims made by as
/// many sources: other sources touch on it (related links), it names
/// entities many documents mention, it is of a checkable kind, it is dated.
pub fn weight(index: &Index, claim: usize) -> f32 {
    let c = &index.claims[claim];
    let n_docs = index.docs.len().max(1) as f32;
    let mut related: Vec<usize> = index.links[claim]
        .iter()
        .filter(|l| l.relation == Relation::Related)
        .map(|l| index.cluster[index.claims[l.to].doc])
        .collect();
    related.sort_unstable();
    related.dedup();
    let spread: f32 = c
        .entities
        .iter()
        .map(|&e| index.entities[e].per_doc.len() as f32 / n_docs)
        .sum();
    let kind = match c.kind {
        ClaimKind::Quote | ClaimKind::Attributed => 0.6,
        ClaimKind::Quantity | ClaimKind::Event => 0.5,
        ClaimKind::Prediction => 0.3,
        ClaimKind::Assertion => 0.0,
    };
    let dated = if c.events.is_empty() { 0.0 } else { 0.3 };
    (0.5 * related.len() as f32).min(2.0) + spread.min(1.5) + kind + dated
}

/// The statements among the claims `in_scope` says yes to, ranked: by
/// independent sources, then by [`weight`]. Each claim belongs to one
/// statement; a statement's representative is its claim with the most
/// sources (then the most links, then not in a copy).
pub fn statements(index: &Index, in_scope: &dyn Fn(usize) -> bool) -> Vec<Statement> {
    let flags = cite::copy_flags(index);
    // (claim, sources, strong links, in a copy, weight), computed once.
    let scoped: Vec<usize> = (0..index.claims.len()).filter(|&c| in_scope(c)).collect();
    let mut keyed: Vec<(usize, usize, usize, bool, f32)> = scoped
        .into_par_iter()
        .map(|c| {
            let strong_n = index.links[c].iter().filter(|l| strong(l)).count();
            (
                c,
                independent_sources(index, c),
                strong_n,
                flags[index.claims[c].doc],
                weight(index, c),
            )
        })
        .collect();
    keyed.par_sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then(b.2.cmp(&a.2))
            .then(a.3.cmp(&b.3))
            .then(b.4.total_cmp(&a.4))
            .then(a.0.cmp(&b.0))
    });
    let mut taken = vec![false; index.claims.len()];
    let mut out = Vec::new();
    for (c, sources, _, _, weight) in keyed {
        if taken[c] {
            continue;
        }
        // Every claim of its statement (as the index clusters them) is
        // this item: a statement is listed once.
        for &m in &index.statements[index.statement_of[c]].claims {
            taken[m] = true;
        }
        taken[c] = true;
        out.push(Statement {
            rep: c,
            sources,
            weight,
        });
    }
    out.sort_by(|a, b| {
        b.sources
            .cmp(&a.sources)
            .then(b.weight.total_cmp(&a.weight))
            .then(a.rep.cmp(&b.rep))
    });
    out
}

/// Two claims of different sources: in conflict, or the same quotation in
/// other words (with the word diff from `a`'s quotation to `b`'s).
#[derive(Debug, Clone)]
pub struct Pair {
    pub a: usize,
    pub b: usize,
    pub relation: Relation,
    pub conflict: Option<String>,
    pub diff: Vec<DiffOp>,
}

fn words_key(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The conflicts and quote variants where one claim is in scope, each pair
/// once (a copy of an article repeats none), the most-sourced first.
pub fn pairs(
    docs: &[Document],
    index: &Index,
    in_scope: &dyn Fn(usize) -> bool,
) -> (Vec<Pair>, Vec<Pair>) {
    use std::hash::{Hash, Hasher};
    let mut conflicts = Vec::new();
    let mut variants = Vec::new();
    let mut seen: HashSet<(bool, u64, u64)> = HashSet::new();
    // Per claim, once: its group of copies and the words it quotes (or says).
    let mut keys: Vec<Option<u64>> = vec![None; index.claims.len()];
    let mut key_of = |c: usize| -> u64 {
        *keys[c].get_or_insert_with(|| {
            let cl = &index.claims[c];
            let text = match &cl.quote {
                Some(q) => &docs[cl.doc].text[q.clone()],
                None => &docs[cl.doc].text[cl.range.clone()],
            };
            let mut h = std::collections::hash_map::DefaultHasher::new();
            index.cluster[cl.doc].hash(&mut h);
            words_key(text).hash(&mut h);
            h.finish()
        })
    };
    // Originals before copies, so that a pair is shown from the fuller text.
    let flags = cite::copy_flags(index);
    let mut order: Vec<usize> = (0..index.claims.len()).collect();
    order.sort_by_key(|&c| (flags[index.claims[c].doc], c));
    for a in order {
        for l in &index.links[a] {
            let is_variant = l.relation == Relation::QuoteVariant;
            if (!is_variant && l.conflict.is_none()) || l.duplicate {
                continue;
            }
            if !in_scope(a) && !in_scope(l.to) {
                continue;
            }
            let (ka, kb) = (key_of(a), key_of(l.to));
            let conflict = l.conflict.is_some();
            if !seen.insert((conflict, ka.min(kb), ka.max(kb))) {
                continue;
            }
            let pair = Pair {
                a,
                b: l.to,
                relation: l.relation,
                conflict: l.conflict.clone(),
                diff: l.diff.clone(),
            };
            if conflict {
                conflicts.push(pair.clone());
            }
            if is_variant {
                variants.push(pair);
            }
        }
    }
    let rank = |p: &Pair| {
        std::cmp::Reverse(independent_sources(index, p.a).max(independent_sources(index, p.b)))
    };
    conflicts.sort_by_key(|p| (rank(p), p.a));
    variants.sort_by_key(|p| (rank(p), p.a));
    (conflicts, variants)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus(texts: &[&str]) -> (Vec<Document>, Index) {
        let docs: Vec<Document> = crate::corpus::test_documents(texts);
        let index = Index::build(&docs, &Default::default());
        (docs, index)
    }

    const LONG: &str = "Ferry report\n\nThe harbour board said on Tuesday that the northern ferry line would close for repairs until the end of May. \
        Engineers found cracks in two of the older hulls during a routine inspection last month. \
        Commuters will be offered buses between the two terminals while the work goes on. \
        The board expects the repairs to cost about four million euros in all. \
        Local shops near the northern pier fear a quiet spring without the ferry trade.\n";

    #[test]
    fn a_copy_counts_once_and_is_named() {
        let copy = LONG.replace(
            "\nLocal shops near the northern pier fear a quiet spring without the ferry trade.",
            "",
        );
        let other = "Other outlet\n\nThe northern ferry line will close for repairs until the end of May, the harbour board said on Tuesday.\n";
        let (docs, index) = corpus(&[LONG, &copy, other]);
        assert_eq!(index.cluster[0], index.cluster[1], "the copy is found");
        let st = statements(&index, &|_| true);
        let top = &st[0];
        assert_eq!(top.sources, 2);
        let text = &docs[index.claims[top.rep].doc].text[index.claims[top.rep].range.clone()];
        assert!(text.contains("close for repairs"), "{text}");
        let cites = top.citations(&index);
        assert_eq!(cites.len(), 2, "{cites:?}");
        let with_copy = cites
            .iter()
            .find(|c| !c.copies.is_empty())
            .expect("a copy named");
        assert_eq!(with_copy.doc, 0, "the fuller document is cited");
        assert_eq!(with_copy.copies, vec![1]);
        // Each claim belongs to one statement: the copy's claim is not listed again.
        let reps: Vec<usize> = st.iter().map(|s| index.claims[s.rep].doc).collect();
        assert!(st.iter().skip(1).all(|s| s.sources == 1), "{reps:?}");
        let repeated = st
            .iter()
            .filter(|s| {
                docs[index.claims[s.rep].doc].text[index.claims[s.rep].range.clone()]
                    .contains("close for repairs")
            })
            .count();
        assert_eq!(repeated, 1);
    }

    #[test]
    fn scope_limits_the_statements() {
        let (_, index) = corpus(&[LONG]);
        let all = statements(&index, &|_| true).len();
        assert!(all >= 3);
        assert_eq!(statements(&index, &|c| c == 0).len(), 1);
        assert!(statements(&index, &|_| false).is_empty());
    }
}
