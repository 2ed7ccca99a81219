//! Markdown to plain text with markup runs, through pulldown-cmark's offset
//! iterator so that every rendered byte maps back to its source byte.

use super::document::{MarkupRun, OffsetMap, markup};
use pulldown_cmark::{Event, HeadingLevel, MetadataBlockKind, Options, Parser, Tag, TagEnd};

#[derive(Debug, Default)]
pub struct Rendered {
    pub text: String,
    pub markup: Vec<MarkupRun>,
    pub offsets: OffsetMap,
    pub front_matter: Vec<(String, String)>,
    pub first_heading: Option<String>,
}

/// Nesting deeper than this is drawn at this depth: the prefix of every line
/// would otherwise grow with the depth, and a file of deeply nested quotes or
/// lists would render to text quadratic in its size.
const MAX_SHOWN_DEPTH: usize = 8;

/// `> ` once per level of quotation, up to [`MAX_SHOWN_DEPTH`] levels.
fn quote_prefix(depth: usize) -> String {
    "> ".repeat(depth.min(MAX_SHOWN_DEPTH))
}

struct Builder {
    out: Rendered,
    /// Open markup: (flag, start offset in text).
    open: Vec<(u16, usize)>,
    raw_spans: Vec<(usize, usize, u16)>,
    lists: Vec<Option<u64>>,
    quote_depth: usize,
    at_item_start: bool,
    heading_start: Option<usize>,
    in_metadata: bool,
}

impl Builder {
    fn push(&mut self, s: &str, src: usize, src_len: usize) {
        if s.is_empty() {
            return;
        }
        self.out.offsets.push(self.out.text.len(), src, src_len);
        self.out.text.push_str(s);
    }

    fn prefix(&self) -> String {
        let mut p = quote_prefix(self.quote_depth);
        p.push_str(&"  ".repeat(self.lists.len().min(MAX_SHOWN_DEPTH)));
        p
    }

    /// Begin a block: a line break, and a blank line unless `tight`.
    fn start_block(&mut self, tight: bool, src: usize) {
        if self.at_item_start {
            self.at_item_start = false;
            return;
        }
        let t = &self.out.text;
        if !t.is_empty() {
            if !t.ends_with('\n') {
                self.push("\n", src, 0);
            }
            if !tight && !self.out.text.ends_with("\n\n") {
                self.push("\n", src, 0);
            }
        }
        let p = self.prefix();
        if !p.is_empty() {
            let start = self.out.text.len();
            self.push(&p, src, 0);
            if self.quote_depth > 0 {
                self.raw_spans
                    .push((start, self.out.text.len(), markup::QUOTE));
            }
        }
    }
}

fn flag_for(tag: &Tag) -> Option<u16> {
    Some(match tag {
        Tag::Emphasis => markup::EMPHASIS,
        Tag::Strong => markup::STRONG,
        Tag::Strikethrough => markup::STRIKE,
        Tag::Link { .. } => markup::LINK,
        Tag::CodeBlock(_) => markup::CODE,
        Tag::BlockQuote(_) => markup::QUOTE,
        Tag::Heading { .. } => markup::HEADING,
        _ => return None,
    })
}

fn flag_for_end(tag: &TagEnd) -> Option<u16> {
    Some(match tag {
        TagEnd::Emphasis => markup::EMPHASIS,
        TagEnd::Strong => markup::STRONG,
        TagEnd::Strikethrough => markup::STRIKE,
        TagEnd::Link => markup::LINK,
        TagEnd::CodeBlock => markup::CODE,
        TagEnd::BlockQuote(_) => markup::QUOTE,
        TagEnd::Heading(_) => markup::HEADING,
        _ => return None,
    })
}

/// Render Markdown source to plain text.
pub fn render(src: &str) -> Rendered {
    let opts = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut b = Builder {
        out: Rendered {
            offsets: OffsetMap::default(),
            ..Default::default()
        },
        open: Vec::new(),
        raw_spans: Vec::new(),
        lists: Vec::new(),
        quote_depth: 0,
        at_item_start: false,
        heading_start: None,
        in_metadata: false,
    };
    for (event, range) in Parser::new_ext(src, opts).into_offset_iter() {
        match event {
            Event::Start(tag) => {
                match &tag {
                    Tag::Paragraph => b.start_block(false, range.start),
                    Tag::Heading { .. } => {
                        b.start_block(false, range.start);
                        b.heading_start = Some(b.out.text.len());
                    }
                    Tag::BlockQuote(_) => {
                        b.start_block(false, range.start);
                        b.quote_depth += 1;
                        // The first paragraph inside starts on this line.
                        let p = b.prefix();
                        if !b.out.text.is_empty() && !b.out.text.ends_with('\n') {
                            b.push("\n", range.start, 0);
                        }
                        let s = b.out.text.len();
                        b.push(&p, range.start, 0);
                        b.raw_spans.push((s, b.out.text.len(), markup::QUOTE));
                        b.at_item_start = true;
                    }
                    Tag::CodeBlock(_) => b.start_block(false, range.start),
                    Tag::List(start) => {
                        if b.lists.is_empty() {
                            b.start_block(false, range.start);
                            b.at_item_start = true;
                        }
                        b.lists.push(*start);
                    }
                    Tag::Item => {
                        // Items sit on their own line, indented by depth.
                        b.at_item_start = false;
                        if !b.out.text.is_empty() && !b.out.text.ends_with('\n') {
                            b.push("\n", range.start, 0);
                        }
                        let depth = b.lists.len().saturating_sub(1);
                        let mut p = quote_prefix(b.quote_depth);
                        p.push_str(&"  ".repeat(depth.min(MAX_SHOWN_DEPTH)));
                        let marker = match b.lists.last_mut() {
                            Some(Some(n)) => {
                                let m = format!("{n}. ");
                                *n += 1;
                                m
                            }
                            _ => "- ".to_string(),
                        };
                        b.push(&p, range.start, 0);
                        let s = b.out.text.len();
                        b.push(&marker, range.start, 0);
                        b.raw_spans.push((s, b.out.text.len(), markup::LIST_MARKER));
                        b.at_item_start = true;
                    }
                    Tag::MetadataBlock(
                        MetadataBlockKind::YamlStyle | MetadataBlockKind::PlusesStyle,
                    ) => {
                        b.in_metadata = true;
                    }
                    Tag::TableRow | Tag::TableHead
                        if !b.out.text.is_empty() && !b.out.text.ends_with('\n') =>
                    {
                        b.push("\n", range.start, 0);
                    }
                    Tag::TableCell if !b.out.text.ends_with('\n') && !b.out.text.is_empty() => {
                        b.push(" | ", range.start, 0);
                    }
                    Tag::Table(_) => b.start_block(false, range.start),
                    _ => {}
                }
                if let Some(f) = flag_for(&tag) {
                    b.open.push((f, b.out.text.len()));
                }
            }
            Event::End(tag) => {
                if let Some(f) = flag_for_end(&tag)
                    && let Some(pos) = b.open.iter().rposition(|(g, _)| *g == f)
                {
                    let (_, start) = b.open.remove(pos);
                    b.raw_spans.push((start, b.out.text.len(), f));
                }
                match tag {
                    TagEnd::Heading(level) => {
                        if let Some(s) = b.heading_start.take()
                            && b.out.first_heading.is_none()
                        {
                            let h = b.out.text[s..].trim().to_string();
                            if !h.is_empty() {
                                b.out.first_heading = Some(h);
                            }
                            if level == HeadingLevel::H1 {
                                b.raw_spans.push((s, b.out.text.len(), markup::TITLE));
                            }
                        }
                    }
                    TagEnd::BlockQuote(_) => b.quote_depth = b.quote_depth.saturating_sub(1),
                    TagEnd::List(_) => {
                        b.lists.pop();
                    }
                    TagEnd::Item => b.at_item_start = false,
                    TagEnd::MetadataBlock(_) => b.in_metadata = false,
                    _ => {}
                }
            }
            Event::Text(t) => {
                if b.in_metadata {
                    b.out.front_matter.extend(parse_front_matter(&t));
                    continue;
                }
                b.at_item_start = false;
                // Code block text carries its own newlines; keep the quote prefix.
                let len = range.len();
                b.push(&t, range.start, len);
            }
            Event::Code(t) => {
                let s = b.out.text.len();
                b.push(&t, range.start + 1, t.len());
                b.raw_spans.push((s, b.out.text.len(), markup::CODE));
            }
            Event::InlineMath(t) | Event::DisplayMath(t) => b.push(&t, range.start, range.len()),
            Event::Html(t) | Event::InlineHtml(t) => b.push(&t, range.start, range.len()),
            Event::SoftBreak => b.push(" ", range.start, range.len()),
            Event::HardBreak => {
                let p = b.prefix();
                b.push("\n", range.start, 0);
                b.push(&p, range.start, 0);
            }
            Event::Rule => {
                b.start_block(false, range.start);
                b.push("———", range.start, 0);
            }
            Event::FootnoteReference(n) => b.push(&format!("[^{n}]"), range.start, range.len()),
            Event::TaskListMarker(done) => {
                b.push(if done { "[x] " } else { "[ ] " }, range.start, 0)
            }
        }
    }
    b.out.markup = flatten(&b.raw_spans, b.out.text.len());
    b.out
}

/// Turn possibly nested spans into sorted, non-overlapping runs: a sweep
/// over the span boundaries with a count of open spans per flag bit, so the
/// work grows as n log n with the number of spans (a file of many inline code
/// spans or list items stays fast).
fn flatten(spans: &[(usize, usize, u16)], len: usize) -> Vec<MarkupRun> {
    // (position, +1 opens / -1 closes, flag)
    let mut edges: Vec<(usize, i8, u16)> = Vec::with_capacity(spans.len() * 2);
    for &(a, z, f) in spans {
        if a < z && a < len {
            edges.push((a, 1, f));
            edges.push((z.min(len), -1, f));
        }
    }
    edges.sort_unstable_by_key(|e| (e.0, e.1));
    let mut open = [0u32; 16];
    let flags_of = |open: &[u32; 16]| {
        open.iter()
            .enumerate()
            .filter(|(_, n)| **n > 0)
            .fold(0u16, |f, (bit, _)| f | (1 << bit))
    };
    let mut runs: Vec<MarkupRun> = Vec::new();
    let mut i = 0;
    let mut pos = 0;
    while i < edges.len() {
        let at = edges[i].0;
        let flags = flags_of(&open);
        if flags != 0 && at > pos {
            match runs.last_mut() {
                Some(r) if r.range.end == pos && r.flags == flags => r.range.end = at,
                _ => runs.push(MarkupRun {
                    range: pos..at,
                    flags,
                }),
            }
        }
        while i < edges.len() && edges[i].0 == at {
            let (_, d, f) = edges[i];
            for (bit, n) in open.iter_mut().enumerate() {
                if f & (1 << bit) != 0 {
                    *n = n.saturating_add_signed(d as i32);
                }
            }
            i += 1;
        }
        pos = at;
    }
    runs
}

/// `key: value` lines of a YAML or TOML front-matter block (flat keys only).
pub fn parse_front_matter(block: &str) -> Vec<(String, String)> {
    block
        .lines()
        .filter_map(|l| {
            let (k, v) = l.split_once(':').or_else(|| l.split_once('='))?;
            let k = k.trim().to_ascii_lowercase();
            let v = v
                .trim()
                .trim_matches(|c| c == '"' || c == '\'')
                .trim()
                .to_string();
            (!k.is_empty() && !v.is_empty() && !k.contains(' ')).then_some((k, v))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs_with(r: &Rendered, flag: u16) -> Vec<&str> {
        r.markup
            .iter()
            .filter(|m| m.flags & flag != 0)
            .map(|m| &r.text[m.range.clone()])
            .collect()
    }

    #[test]
    fn headings_emphasis_and_paragraphs() {
        let r =
            render("# Title here\n\nSome *soft* and **strong** text\nover two lines.\n\n## Next\n");
        assert_eq!(
            r.text,
            "Title here\n\nSome soft and strong text over two lines.\n\nNext"
        );
        assert_eq!(r.first_heading.as_deref(), Some("Title here"));
        assert_eq!(runs_with(&r, markup::HEADING), vec!["Title here", "Next"]);
        assert_eq!(runs_with(&r, markup::EMPHASIS), vec!["soft"]);
        assert_eq!(runs_with(&r, markup::STRONG), vec!["strong"]);
    }

    #[test]
    fn lists_quotes_links_code() {
        let r = render(
            "Intro:\n\n- one\n- two [link](http://x.y)\n\n1. first\n2. second\n\n> quoted words\n\nUse `code` here.\n",
        );
        assert!(r.text.contains("- one\n- two link"), "{:?}", r.text);
        assert!(r.text.contains("1. first\n2. second"), "{:?}", r.text);
        assert!(r.text.contains("> quoted words"), "{:?}", r.text);
        assert_eq!(runs_with(&r, markup::LINK), vec!["link"]);
        assert_eq!(runs_with(&r, markup::CODE), vec!["code"]);
        assert!(
            runs_with(&r, markup::QUOTE)
                .concat()
                .contains("quoted words")
        );
    }

    #[test]
    fn offsets_map_back_to_source() {
        let src =
            "---\ntitle: Front Title\ndate: 2021-03-08\n---\n# Head\n\nThe *harbour* opened.\n";
        let r = render(src);
        assert_eq!(r.front_matter[0], ("title".into(), "Front Title".into()));
        assert_eq!(r.front_matter[1], ("date".into(), "2021-03-08".into()));
        let pos = r.text.find("harbour").unwrap();
        let s = r.offsets.to_source(pos);
        assert_eq!(&src[s..s + 7], "harbour");
        let pos = r.text.find("opened").unwrap();
        let s = r.offsets.to_source(pos);
        assert_eq!(&src[s..s + 6], "opened");
    }

    /// The sweep gives the same runs as checking every span at every point.
    #[test]
    fn flatten_matches_the_naive_definition() {
        fn naive(spans: &[(usize, usize, u16)], len: usize) -> Vec<MarkupRun> {
            let mut runs: Vec<MarkupRun> = Vec::new();
            for a in 0..len {
                let flags = spans
                    .iter()
                    .filter(|s| s.0 <= a && a < s.1)
                    .fold(0, |f, s| f | s.2);
                if flags == 0 {
                    continue;
                }
                match runs.last_mut() {
                    Some(r) if r.range.end == a && r.flags == flags => r.range.end = a + 1,
                    _ => runs.push(MarkupRun {
                        range: a..a + 1,
                        flags,
                    }),
                }
            }
            runs
        }
        let mut seed = 7u64;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        for _ in 0..200 {
            let len = 1 + next(40);
            let spans: Vec<(usize, usize, u16)> = (0..next(8))
                .map(|_| {
                    let a = next(len);
                    (a, a + next(len - a + 1), 1 << next(5))
                })
                .collect();
            assert_eq!(
                flatten(&spans, len),
                naive(&spans, len),
                "{spans:?} in {len}"
            );
        }
    }

    #[test]
    fn deep_nesting_is_drawn_at_a_bounded_depth() {
        // The rendered text grows linearly with the nesting, not as its square.
        for unit in [">", "- "] {
            let size = |n: usize| render(&format!("{} deep\n", unit.repeat(n))).text.len();
            let (small, large) = (size(1000), size(4000));
            assert!(large < 5 * small, "{unit:?}: {small} then {large} bytes");
            assert!(large < 80_000, "{unit:?}: {large} bytes");
        }
    }
}
