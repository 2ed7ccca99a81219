//! The corroboration view's state: who says what. Statements (clusters of
//! claims that corroborate or quote each other) as rows, sources as
//! columns grouped by outlet, and in each cell whether that source makes
//! the statement. The matrix is computed once when the view opens (sparse:
//! each row keeps only the documents that make it); filters, scrolling and
//! collapsing the outlets then only move indices. Pure functions only; the
//! actions are in `act_corroboration`.

use crate::corpus::DocId;
use crate::index::Index;
use ratatui::layout::Rect;

/// What a cell says about one source and one statement. The order is the
/// order of the legend's cell table (`ui::legend::CELLS`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Mark {
    /// The source makes the statement (the row's claim, or one that
    /// corroborates it).
    Makes = 0,
    /// It quotes the same words differently.
    Variant = 1,
    /// It makes it with other numbers, dates or places (a link with a
    /// conflict).
    Conflict = 2,
    /// A copy of another source's article that makes it: not independent.
    Copy = 3,
    /// It does not make it.
    Absent = 4,
}

impl Mark {
    /// Which of two marks a collapsed cell (several documents) shows.
    fn rank(self) -> u8 {
        match self {
            Mark::Conflict => 0,
            Mark::Makes => 1,
            Mark::Variant => 2,
            Mark::Copy => 3,
            Mark::Absent => 4,
        }
    }
}

/// One source's part in a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    pub doc: DocId,
    /// Its claim (the first of the document's claims in the statement).
    pub claim: usize,
    pub mark: Mark,
}

/// One statement.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub statement: usize,
    /// The claim shown for it: the one most linked within the statement.
    pub claim: usize,
    /// Independent sources (`index.sources` of its claims).
    pub sources: usize,
    /// The documents that make it, or contradict it, by document id.
    pub cells: Vec<Cell>,
}

impl Row {
    /// The cell of document `doc`, if it has one.
    pub fn cell(&self, doc: DocId) -> Option<&Cell> {
        self.cells
            .binary_search_by_key(&doc, |c| c.doc)
            .ok()
            .map(|i| &self.cells[i])
    }

    /// What the documents `docs` (a column) say: the mark to show and how
    /// many of them make the statement (conflicting or copying included).
    pub fn column(&self, docs: &[DocId]) -> (Mark, usize) {
        let mut best = Mark::Absent;
        let mut n = 0;
        for d in docs {
            if let Some(c) = self.cell(*d) {
                n += 1;
                if c.mark.rank() < best.rank() {
                    best = c.mark;
                }
            }
        }
        (best, n)
    }

    /// The claim a column leads to: its first document's that has one.
    pub fn claim_in(&self, docs: &[DocId]) -> Option<usize> {
        docs.iter().find_map(|d| self.cell(*d)).map(|c| c.claim)
    }
}

/// A column: one document, or with outlets collapsed all of one outlet's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// The outlet, as the analysis found it (None: unknown).
    pub outlet: Option<String>,
    pub docs: Vec<DocId>,
}

/// The view.
#[derive(Debug, Clone)]
pub struct Corroboration {
    /// Every statement, sorted: most independent sources first, then the
    /// most claims, then by position.
    pub rows: Vec<Row>,
    /// The rows the filters keep (indices into `rows`), in order.
    pub shown: Vec<usize>,
    /// Documents in column order: grouped by outlet (known outlets by
    /// name, then the documents of no known outlet).
    pub order: Vec<DocId>,
    pub columns: Vec<Column>,
    /// One column per outlet instead of one per document.
    pub collapsed: bool,
    /// Only statements that mention this entity.
    pub entity: Option<usize>,
    /// Only statements one source makes.
    pub single: bool,
    /// The selected row (an index into `shown`) and the first row shown.
    pub selected: usize,
    pub top: usize,
    /// The selected column and the first column shown.
    pub col: usize,
    pub left: usize,
}

/// How a document takes part in a statement it has claim `c` in.
fn mark_of(index: &Index, statement: usize, rep: usize, c: usize) -> Mark {
    let in_s = |x: usize| index.statement_of[x] == statement;
    let conflict = index.links[c]
        .iter()
        .any(|l| l.conflict.is_some() && in_s(l.to))
        || index.links[rep]
            .iter()
            .any(|l| l.to == c && l.conflict.is_some());
    if conflict {
        return Mark::Conflict;
    }
    if c == rep {
        return Mark::Makes;
    }
    use crate::analysis::links::Relation;
    let to_rep = index.links[c]
        .iter()
        .find(|l| l.to == rep)
        .or_else(|| index.links[rep].iter().find(|l| l.to == c))
        .map(|l| l.relation);
    let relation = to_rep.or_else(|| {
        let strong: Vec<Relation> = index.links[c]
            .iter()
            .filter(|l| l.relation.is_strong() && in_s(l.to))
            .map(|l| l.relation)
            .collect();
        if strong.is_empty() {
            None
        } else if strong.iter().all(|r| *r == Relation::QuoteVariant) {
            Some(Relation::QuoteVariant)
        } else {
            Some(Relation::Corroborates)
        }
    });
    if relation == Some(Relation::QuoteVariant) {
        Mark::Variant
    } else {
        Mark::Makes
    }
}

/// The row of statement `s`.
fn row_of(index: &Index, s: usize) -> Row {
    let claims = &index.statements[s].claims;
    // The claim most linked within the statement stands for it.
    let rep = claims
        .iter()
        .copied()
        .max_by_key(|&c| {
            let n = index.links[c]
                .iter()
                .filter(|l| l.relation.is_strong() && index.statement_of[l.to] == s)
                .count();
            (n, std::cmp::Reverse(c))
        })
        .unwrap_or(0);
    let mut cells: Vec<Cell> = Vec::new();
    for &c in claims {
        let doc = index.claims[c].doc;
        // A document's first claim in the statement speaks for it (the
        // claims are in id order, so in document order).
        if cells.last().is_some_and(|x| x.doc == doc) {
            continue;
        }
        cells.push(Cell {
            doc,
            claim: c,
            mark: mark_of(index, s, rep, c),
        });
    }
    // Copies: in each group of duplicates, the document of the shown claim
    // (else the first) counts; the others are marked as copies.
    let rep_doc = index.claims[rep].doc;
    for i in 0..cells.len() {
        let g = index.cluster[cells[i].doc];
        let primary = if index.cluster[rep_doc] == g {
            rep_doc
        } else {
            cells
                .iter()
                .find(|x| index.cluster[x.doc] == g)
                .map_or(cells[i].doc, |x| x.doc)
        };
        if cells[i].doc != primary && cells[i].mark != Mark::Conflict {
            cells[i].mark = Mark::Copy;
        }
    }
    // Sources that contradict it without making it: a link with a conflict
    // from one of its claims to another document.
    let mut against: Vec<Cell> = Vec::new();
    for &c in claims {
        for l in index.links[c].iter().filter(|l| l.conflict.is_some()) {
            let doc = index.claims[l.to].doc;
            if index.statement_of[l.to] != s
                && !cells.iter().any(|x| x.doc == doc)
                && !against.iter().any(|x| x.doc == doc)
            {
                against.push(Cell {
                    doc,
                    claim: l.to,
                    mark: Mark::Conflict,
                });
            }
        }
    }
    cells.extend(against);
    cells.sort_by_key(|c| c.doc);
    Row {
        statement: s,
        claim: rep,
        sources: index.statements[s].sources,
        cells,
    }
}

/// Does statement `s` mention entity `e`?
pub fn mentions(index: &Index, s: usize, e: usize) -> bool {
    index.statements[s]
        .claims
        .iter()
        .any(|&c| index.claims[c].entities.binary_search(&e).is_ok())
}

impl Corroboration {
    /// The view of the whole index, with one column per document unless
    /// `collapsed`.
    pub fn build(index: &Index, doc_count: usize, collapsed: bool) -> Corroboration {
        let mut rows: Vec<Row> = (0..index.statements.len())
            .map(|s| row_of(index, s))
            .collect();
        rows.sort_by_key(|r| {
            let c = &index.claims[r.claim];
            (
                std::cmp::Reverse(r.sources),
                std::cmp::Reverse(index.statements[r.statement].claims.len()),
                c.doc,
                c.range.start,
            )
        });
        let outlet = |d: usize| {
            index
                .docs
                .get(d)
                .and_then(|a| a.meta.source.as_deref())
                .map(str::to_string)
        };
        let mut order: Vec<DocId> = (0..doc_count).collect();
        order.sort_by_cached_key(|&d| {
            let o = outlet(d);
            (o.is_none(), o.map(|s| s.to_lowercase()), d)
        });
        let mut v = Corroboration {
            shown: (0..rows.len()).collect(),
            rows,
            order,
            columns: Vec::new(),
            collapsed,
            entity: None,
            single: false,
            selected: 0,
            top: 0,
            col: 0,
            left: 0,
        };
        v.set_columns(index, collapsed);
        v
    }

    /// Lay the columns out: per document, or per outlet.
    pub fn set_columns(&mut self, index: &Index, collapsed: bool) {
        let outlet = |d: usize| index.docs.get(d).and_then(|a| a.meta.source.clone());
        self.collapsed = collapsed;
        self.columns.clear();
        for &d in &self.order {
            let o = outlet(d);
            match self.columns.last_mut() {
                Some(c) if collapsed && c.outlet == o => c.docs.push(d),
                _ => self.columns.push(Column {
                    outlet: o,
                    docs: vec![d],
                }),
            }
        }
        self.col = self.col.min(self.columns.len().saturating_sub(1));
        self.left = self.left.min(self.col);
    }

    /// How many outlets (documents of no known outlet counted as one).
    pub fn outlet_count(&self, index: &Index) -> usize {
        let mut o: Vec<Option<&str>> = self
            .order
            .iter()
            .map(|&d| index.docs.get(d).and_then(|a| a.meta.source.as_deref()))
            .collect();
        o.dedup();
        o.len()
    }

    /// Apply the filters again (after one changed).
    pub fn refilter(&mut self, index: &Index) {
        let keep = |r: &Row| {
            (!self.single || r.sources == 1)
                && self.entity.is_none_or(|e| mentions(index, r.statement, e))
        };
        self.shown = (0..self.rows.len())
            .filter(|&i| keep(&self.rows[i]))
            .collect();
        self.selected = self.selected.min(self.shown.len().saturating_sub(1));
        self.top = self.top.min(self.selected);
    }

    /// The selected row.
    pub fn row(&self) -> Option<&Row> {
        self.shown.get(self.selected).map(|&i| &self.rows[i])
    }

    /// The claim `Enter` opens: the selected column's, else the row's.
    pub fn target(&self) -> Option<usize> {
        let row = self.row()?;
        Some(
            self.columns
                .get(self.col)
                .and_then(|c| row.claim_in(&c.docs))
                .unwrap_or(row.claim),
        )
    }

    /// Move the selected row by `delta`, keeping it in view of `page` rows.
    pub fn move_rows(&mut self, delta: isize, page: usize) {
        let n = self.shown.len();
        self.selected = (self.selected as isize)
            .saturating_add(delta)
            .clamp(0, n.saturating_sub(1) as isize) as usize;
        let page = page.max(1);
        if self.selected < self.top {
            self.top = self.selected;
        } else if self.selected >= self.top + page {
            self.top = self.selected + 1 - page;
        }
    }

    /// Move the selected column by `delta`, keeping it among the `fit`
    /// columns shown.
    pub fn move_cols(&mut self, delta: isize, fit: usize) {
        let n = self.columns.len();
        self.col = (self.col as isize)
            .saturating_add(delta)
            .clamp(0, n.saturating_sub(1) as isize) as usize;
        let fit = fit.max(1);
        if self.col < self.left {
            self.left = self.col;
        } else if self.col >= self.left + fit {
            self.left = self.col + 1 - fit;
        }
        self.left = self.left.min(n.saturating_sub(fit));
    }
}

/// Where things go on screen: shared by the actions (page sizes, columns
/// that fit) and the drawing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Geometry {
    /// The view's frame (the whole screen but the status bar).
    pub area: Rect,
    /// The two header rows (outlets, documents), full width.
    pub header: Rect,
    /// The statements' rows.
    pub body: Rect,
    /// Details of the selected cell, under the rows.
    pub footer: Rect,
    /// Width of the selection mark and the count, before the text.
    pub count_w: u16,
    /// Width of the statement's text.
    pub text_w: u16,
    /// First column of the cells, and each cell's width.
    pub cells_x: u16,
    pub col_w: u16,
    /// How many columns fit.
    pub fit: usize,
}

/// The geometry of the view on a screen of `size`, with `columns` columns.
pub fn geometry(size: Rect, columns: usize, collapsed: bool) -> Geometry {
    let area = Rect {
        height: size.height.saturating_sub(1),
        ..size
    };
    let inner = crate::app::layout::inner(area);
    let footer_h = if inner.height >= 10 { 2 } else { 0 };
    let header = Rect {
        height: inner.height.min(2),
        ..inner
    };
    let body = Rect {
        y: inner.y + header.height,
        height: inner.height.saturating_sub(header.height + footer_h),
        ..inner
    };
    let footer = Rect {
        y: body.y + body.height,
        height: footer_h.min(inner.height.saturating_sub(header.height)),
        ..inner
    };
    let count_w: u16 = 4;
    // The statement's text keeps about half the width; the sources share
    // the rest.
    let min_text = inner.width * 45 / 100;
    // A collapsed cell holds a count and a mark, and its header an outlet.
    let min_cw: u16 = if collapsed { 7 } else { 3 };
    let avail = inner.width.saturating_sub(count_w + min_text);
    let n = columns.max(1) as u16;
    let col_w = (avail / n).clamp(min_cw, 14);
    let fit = ((avail / col_w) as usize).clamp(1, columns.max(1));
    let cells_w = (fit as u16 * col_w).min(inner.width.saturating_sub(count_w));
    let text_w = inner.width.saturating_sub(count_w + cells_w);
    Geometry {
        area,
        header,
        body,
        footer,
        count_w,
        text_w,
        cells_x: inner.x + count_w + text_w,
        col_w,
        fit,
    }
}

impl Corroboration {
    /// The geometry on a screen of `size`.
    pub fn geometry(&self, size: Rect) -> Geometry {
        geometry(size, self.columns.len(), self.collapsed)
    }
}
