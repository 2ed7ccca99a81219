//! The Markdown briefing through the real binary: on the seeds, on
//! tests/fixtures, restricted to pins and to one entity, and with hostile
//! text in titles, sentences and file names.

use crossread::corpus;
use crossread::index::Index;
use crossread::pins::{Pin, PinStore};
use pulldown_cmark::{Event, Parser, Tag};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A folder under the system temp dir, removed when dropped.
struct TempDir(PathBuf);
impl TempDir {
    fn new(tag: &str) -> TempDir {
        let p =
            std::env::temp_dir().join(format!("crossread-briefing-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).unwrap();
        TempDir(p)
    }
}
impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn run(args: &[&str], data: Option<&Path>) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_crossread"));
    c.arg("export").args(args).current_dir(root());
    // Never read or write the pins of the person running the tests.
    let fallback =
        std::env::temp_dir().join(format!("crossread-briefing-nodata-{}", std::process::id()));
    c.env("XDG_DATA_HOME", data.unwrap_or(&fallback));
    c.output().unwrap()
}

fn briefing(args: &[&str], data: Option<&Path>) -> String {
    let out = run(args, data);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// The lines of section `## title` (up to the next `## `).
fn section<'a>(md: &'a str, title: &str) -> Vec<&'a str> {
    let head = format!("## {title}");
    md.lines()
        .skip_while(|l| *l != head)
        .skip(1)
        .take_while(|l| !l.starts_with("## "))
        .collect()
}

/// The numbered items of a section, each with its indented lines.
fn items<'a>(lines: &[&'a str]) -> Vec<Vec<&'a str>> {
    let mut out: Vec<Vec<&str>> = Vec::new();
    for l in lines {
        let numbered = l
            .split_once(". ")
            .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
        if numbered {
            out.push(vec![l]);
        } else if l.starts_with("   ")
            && let Some(last) = out.last_mut()
        {
            last.push(l);
        }
    }
    out
}

fn sources_of(item: &[&str]) -> usize {
    let head = item[0];
    if head.contains("**Single source**") {
        return 1;
    }
    let at = head.find("**").expect("a sources label") + 2;
    head[at..]
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .expect("a count")
}

/// What a Markdown renderer makes of the text: no raw HTML, and the links.
fn rendered(md: &str) -> (Vec<String>, Vec<String>, String) {
    let mut html = Vec::new();
    let mut links = Vec::new();
    let mut text = String::new();
    for ev in Parser::new_ext(md, pulldown_cmark::Options::all()) {
        match ev {
            Event::Html(h) | Event::InlineHtml(h) => html.push(h.to_string()),
            Event::Start(Tag::Link { dest_url, .. })
            | Event::Start(Tag::Image { dest_url, .. }) => links.push(dest_url.to_string()),
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            _ => {}
        }
    }
    (html, links, text)
}

#[test]
fn seeds_briefing_ranks_claims_and_cites_sources() {
    let md = briefing(&["--format", "markdown"], None);
    assert!(md.starts_with("# crossread briefing\n\n"), "{md}");
    // The corpus in one paragraph.
    let para = md.lines().nth(2).unwrap();
    assert!(para.contains("5 documents"), "{para}");
    assert!(para.contains("4 independent: one is a copy"), "{para}");
    assert!(para.contains("*McLarty Associates*"), "{para}");
    assert!(para.contains("between 2019-01-25 and 2019-02-06"), "{para}");

    // Key claims, ranked by independent sources, each citing its sources.
    let claims = items(&section(&md, "Key claims"));
    assert!(claims.len() >= 10, "{md}");
    let counts: Vec<usize> = claims.iter().map(|i| sources_of(i)).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    assert_eq!(counts[0], 3, "{md}");
    // Two statements of two sources: the spokesperson's quotation and the
    // unclear joint statement; the rest are single-source.
    assert_eq!(counts[1..3], [2, 2], "{md}");
    assert!(counts[3..].iter().all(|&n| n == 1), "{counts:?}");
    assert!(
        claims[1..3]
            .iter()
            .any(|c| c.join("\n").contains("joint statement")),
        "{md}"
    );
    let first = claims[0].join("\n");
    assert!(first.contains("second summit"), "{first}");
    // One citation per independent source, by outlet, title and date; the
    // copy of an article is named but not counted.
    let cites: Vec<&&str> = claims[0][1..]
        .iter()
        .filter(|l| l.starts_with("   - "))
        .collect();
    assert_eq!(cites.len(), 3, "{first}");
    assert!(first.contains("*McLarty Associates* — “McLARTY KOREA UPDATE: Toward a second US-DPRK summit”, 2019-01-25"), "{first}");
    assert!(
        first.contains("by Tim Willasey-Wilsey — “President Donald Trump will hold"),
        "{first}"
    );
    assert!(
        first.contains("(also in a copy: *Cipher Brief*)"),
        "{first}"
    );
    assert!(
        first.contains("outlet not stated — “Another Step Forward?"),
        "{first}"
    );
    // Single-source claims are marked and cite their one source.
    for i in &claims[3..] {
        assert!(i[0].contains("**Single source**"), "{i:?}");
        assert_eq!(
            i.iter().filter(|l| l.starts_with("   - ")).count(),
            1,
            "{i:?}"
        );
    }
    assert!(
        md.contains("more claims made by a single source are not listed"),
        "{md}"
    );

    // The quotation worded differently, with its word diff.
    let variants = section(&md, "Conflicts and quote variants").join("\n");
    assert!(variants.contains("No conflicts were found"), "{variants}");
    assert!(
        variants.contains("Quoting **Sarah Huckabee Sanders**"),
        "{variants}"
    );
    assert!(
        variants.contains("Word diff: **continue to** keep pressure and sanctions … Korea until we see ~~fully~~ **full** and verified denuclearization"),
        "{variants}"
    );

    // A short timeline, in time order.
    let timeline: Vec<&str> = section(&md, "Timeline")
        .into_iter()
        .filter(|l| l.starts_with("- **"))
        .collect();
    assert!((5..=12).contains(&timeline.len()), "{timeline:?}");
    let dates: Vec<String> = timeline
        .iter()
        .map(|l| {
            let d = l.trim_start_matches("- **").split("**").next().unwrap();
            d.rsplit(' ')
                .find(|w| w.starts_with(|c: char| c.is_ascii_digit()))
                .unwrap()
                .to_string()
        })
        .collect();
    assert!(dates.iter().any(|d| d == "2019-01-18"), "{dates:?}");
    let starts: Vec<&str> = timeline
        .iter()
        .map(|l| {
            l.trim_start_matches("- **")
                .trim_start_matches(|c: char| c.is_alphabetic() || c == ' ')
        })
        .collect();
    assert!(
        starts.windows(2).all(|w| w[0][..4] <= w[1][..4]),
        "{starts:?}"
    );
    assert!(
        md.contains("- **2019-01-18** — On January 18, the White House announced"),
        "{md}"
    );

    // The entities involved and the sources.
    let ents = section(&md, "Entities involved").join("\n");
    assert!(
        ents.lines()
            .any(|l| l.starts_with("| North Korea | place | 4 |") && l.contains("DPRK")),
        "{ents}"
    );
    let srcs = section(&md, "Sources").join("\n");
    assert!(
        srcs.contains("· `seeds/004_bda03317836dd115.txt`"),
        "{srcs}"
    );
    assert!(
        srcs.contains("(a copy of “President Donald Trump will hold a…”)"),
        "{srcs}"
    );

    let (html, links, _) = rendered(&md);
    assert!(html.is_empty() && links.is_empty(), "{html:?} {links:?}");
}

#[test]
fn fixtures_briefing() {
    let md = briefing(&["--format", "markdown", "tests/fixtures"], None);
    let para = md.lines().nth(2).unwrap();
    assert!(para.contains("3 documents from 2 named outlets (*The Daily Ledger*, *Wire Services Ltd*; 1 names none)"), "{para}");
    let claims = items(&section(&md, "Key claims"));
    assert_eq!(sources_of(&claims[0]), 2);
    let first = claims[0].join("\n");
    assert!(
        first.contains("union leader Pieter de Vries said"),
        "{first}"
    );
    assert!(
        first.contains(
            "*Wire Services Ltd* — “Rotterdam port strike enters second day”, 2021-03-09"
        ),
        "{first}"
    );
    assert!(first.contains("*The Daily Ledger* — “Dockworkers strike halts Rotterdam port”, 2021-03-08: “\"We will not go back"), "{first}");
    // The Rutte sentence is a paraphrase across the two outlets.
    let second = claims[1].join("\n");
    assert_eq!(sources_of(&claims[1]), 2, "{second}");
    assert!(second.contains("Mark Rutte"), "{second}");
    assert!(
        claims[2..]
            .iter()
            .all(|i| i[0].contains("**Single source**"))
    );
    assert!(
        md.contains("Word diff: We ~~will not~~ **won't** go back until **our** wages rise"),
        "{md}"
    );
    assert!(
        md.contains(
            "- **2021-03-03 – 2021-03-05** — Further talks are planned for March 3-5 in Amsterdam"
        ),
        "{md}"
    );
    assert!(md.contains("- **early 2021-06** — "), "{md}");
    assert!(
        md.contains("| Mark Rutte | person | 2 | 3 | Rutte |"),
        "{md}"
    );
    assert!(md.contains("- *The Daily Ledger* — “Dockworkers strike halts Rotterdam port”, 2021-03-08, by Ann Lee · `fixtures/harbour/01_ledger.md`"), "{md}");
    // The export keeps JSON by default.
    let json = run(&["tests/fixtures"], None);
    let j: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(j["version"], crossread::export::VERSION);
}

#[test]
fn conflicts_are_listed_with_both_sources() {
    let dir = TempDir::new("conflict");
    std::fs::write(
        dir.0.join("a.txt"),
        "Strike news\nMarch 2, 2021\n\nMayor Ines Duarte said 3,000 workers joined the strike at the Porto docks on Monday.\n\nThe union said talks would resume.\n",
    )
    .unwrap();
    std::fs::write(
        dir.0.join("b.txt"),
        "Docks walkout\nMarch 3, 2021\n\nMayor Ines Duarte said 5,000 workers joined the strike at the Porto docks on Monday.\n\nShipping lines diverted vessels to other ports.\n",
    )
    .unwrap();
    let md = briefing(&["--format", "markdown", dir.0.to_str().unwrap()], None);
    let conflicts = section(&md, "Conflicts and quote variants").join("\n");
    assert!(
        conflicts.contains("1. **Numbers differ: 3,000 vs 5,000**"),
        "{md}"
    );
    assert!(
        conflicts.contains("“Strike news”, 2021-03-02: “Mayor Ines Duarte said 3,000 workers"),
        "{md}"
    );
    assert!(
        conflicts.contains("“Docks walkout”, 2021-03-03: “Mayor Ines Duarte said 5,000 workers"),
        "{md}"
    );
    let claims = items(&section(&md, "Key claims"));
    assert!(
        claims[0]
            .iter()
            .any(|l| l.contains("Conflict with “Docks walkout”: numbers differ")),
        "{md}"
    );
}

#[test]
fn entity_briefing_keeps_what_concerns_it() {
    // By an alias, in any case.
    let md = briefing(&["--entity", "kim jong un"], None);
    assert!(
        md.starts_with("# crossread briefing: Kim Jong-un\n"),
        "{md}"
    );
    let para = md.lines().nth(2).unwrap();
    assert!(para.starts_with("**Kim Jong-un** (person; also called Kim Jong Un) is mentioned 12 times in 5 of the 5 documents"), "{para}");
    let claims = items(&section(&md, "Key claims"));
    assert!(!claims.is_empty());
    for i in &claims {
        assert!(i[0].contains("Kim"), "a claim that does not name it: {i:?}");
    }
    let timeline = section(&md, "Timeline").join("\n");
    assert!(timeline.contains("2019-01-18"), "{timeline}");
    assert!(
        !timeline.contains("Stockholm"),
        "an event of another entity: {timeline}"
    );
    let with = section(&md, "Entities named with it").join("\n");
    assert!(with.contains("| Donald Trump | person |"), "{with}");
    assert!(!with.contains("| Kim Jong-un |"), "{with}");
    // Sources: only the documents that mention it (all five here); on the
    // fixtures, only two of three.
    let md = briefing(&["--entity", "RUTTE", "tests/fixtures"], None);
    assert!(md.starts_with("# crossread briefing: Mark Rutte\n"), "{md}");
    let srcs = section(&md, "Sources");
    assert_eq!(
        srcs.iter().filter(|l| l.starts_with("- ")).count(),
        2,
        "{srcs:?}"
    );
    // An unknown entity: exit 1, with the nearest names.
    let out = run(&["--entity", "kim jong"], None);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no entity named “kim jong”; did you mean: Kim Jong-un"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
    // The briefing options do not make JSON.
    let out = run(&["--entity", "Kim", "--format", "json"], None);
    assert_eq!(out.status.code(), Some(2));
}

fn seeds_index() -> (Vec<corpus::Document>, Index) {
    let docs = corpus::load_paths(&[root().join("seeds")]).documents;
    let index = Index::build(&docs, &Default::default());
    (docs, index)
}

fn claim_starting(docs: &[corpus::Document], index: &Index, doc: &str, start: &str) -> usize {
    index
        .claims
        .iter()
        .find(|c| {
            docs[c.doc].slug.starts_with(doc)
                && docs[c.doc].text[c.range.clone()].starts_with(start)
        })
        .unwrap_or_else(|| panic!("no claim {start:?}"))
        .id
}

#[test]
fn pins_briefing_lists_the_pinned_items_with_notes() {
    let data = TempDir::new("pins");
    let (docs, index) = seeds_index();
    // The reader's store for the seeds (as `crossread seeds` opens them).
    let mut store = PinStore::open_in(&data.0.join("crossread"), &[root().join("seeds")]);
    let single = claim_starting(
        &docs,
        &index,
        "004",
        "US Special Representative for North Korea Stephen Biegun",
    );
    let quote = claim_starting(
        &docs,
        &index,
        "004",
        "After the White House meeting on January 18",
    );
    let summit = claim_starting(
        &docs,
        &index,
        "002",
        "On January 18, the White House announced",
    );
    for (c, note) in [
        (single, "only McLarty has this"),
        (quote, "wording differs"),
        (summit, ""),
    ] {
        store.add(Pin::claim(&docs, &index, c, note)).unwrap();
    }
    let biegun = index
        .entities
        .iter()
        .find(|e| e.name == "Stephen Biegun")
        .unwrap()
        .id;
    store
        .add(Pin::entity(&docs, &index, biegun, None, "who is he?"))
        .unwrap();
    let hit = docs.iter().find(|d| d.slug.starts_with("004")).unwrap();
    let at = hit.text.find("sanctions relief").expect("a hit");
    store
        .add(Pin::search_hit(hit, at..at + 16, "sanctions relief", ""))
        .unwrap();
    // A pin whose text is gone from its file.
    let mut lost = Pin::claim(&docs, &index, summit, "was in the first draft");
    lost.anchor.as_mut().unwrap().text = "A sentence no source ever wrote.".into();
    store.add(lost).unwrap();
    let file = store.path().unwrap().to_path_buf();
    let before = std::fs::read(&file).unwrap();

    let md = briefing(&["--pins", "seeds"], Some(&data.0));
    assert!(
        md.starts_with("# crossread briefing: pinned items\n"),
        "{md}"
    );
    assert!(
        md.contains(
            "6 items are pinned; 1 can no longer be found in the corpus and is marked lost."
        ),
        "{md}"
    );
    let pinned = items(&section(&md, "Pinned items"));
    assert_eq!(pinned.len(), 6, "{md}");
    // In the user's order, with notes, sources and marks.
    assert!(
        pinned[0][0].contains("**Single source** — US Special Representative"),
        "{:?}",
        pinned[0]
    );
    assert!(
        pinned[0].contains(&"   - Note: only McLarty has this"),
        "{:?}",
        pinned[0]
    );
    assert!(
        pinned[0]
            .iter()
            .any(|l| l.contains("*McLarty Associates* — “McLARTY KOREA UPDATE")),
        "{:?}",
        pinned[0]
    );
    assert!(
        pinned[1][0].contains("**2 independent sources** — After the White House meeting"),
        "{:?}",
        pinned[1]
    );
    let quote_item = pinned[1].join("\n");
    assert!(quote_item.contains("Note: wording differs"), "{quote_item}");
    assert!(quote_item.contains("~~full~~ **fully**"), "{quote_item}");
    assert_eq!(
        quote_item
            .matches("Quoting **Sarah Huckabee Sanders**")
            .count(),
        1,
        "a copy repeats no variant: {quote_item}"
    );
    assert!(
        pinned[2][0].contains("**3 independent sources**"),
        "{:?}",
        pinned[2]
    );
    assert!(
        !pinned[2].iter().any(|l| l.contains("Note:")),
        "{:?}",
        pinned[2]
    );
    assert!(
        pinned[3][0].contains("**Entity** · **Stephen Biegun** (person; also called Biegun)"),
        "{:?}",
        pinned[3]
    );
    assert!(
        pinned[3].contains(&"   - Note: who is he?"),
        "{:?}",
        pinned[3]
    );
    assert!(
        pinned[4][0].contains("**Search hit** for “sanctions relief”"),
        "{:?}",
        pinned[4]
    );
    assert!(
        pinned[5][0].contains("**Lost claim** — “A sentence no source ever wrote.”"),
        "{:?}",
        pinned[5]
    );
    assert!(
        pinned[5].contains(&"   - Note: was in the first draft"),
        "{:?}",
        pinned[5]
    );
    // Only the documents cited (and the copies named) are listed as sources.
    let srcs = section(&md, "Sources").join("\n");
    assert!(srcs.contains("000_f3e51788789c48b3"), "{srcs}");
    assert!(
        srcs.contains("004_bda03317836dd115") && srcs.contains("002_d1ef7bbd62b417c6"),
        "{srcs}"
    );
    assert!(!srcs.contains("003_c41f042527850e36"), "{srcs}");
    // The export never changes the pins file.
    assert_eq!(std::fs::read(&file).unwrap(), before);
    // What the reader will write from its pins list is the same briefing.
    let from_lib = crossread::export::briefing::of_pins(&docs, &index, store.pins());
    assert_eq!(from_lib, md);
}

#[test]
fn pins_written_by_hand_in_the_documented_format() {
    let data = TempDir::new("pins-hand");
    // Offsets and text as the JSON export gives them.
    let json = run(&["tests/fixtures"], None);
    let j: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let claim = j["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| {
            c["text"]
                .as_str()
                .unwrap()
                .starts_with("Union leader Pieter de Vries said")
        })
        .unwrap();
    let doc = root()
        .join("tests/fixtures/harbour/01_ledger.md")
        .canonicalize()
        .unwrap();
    let file =
        crossread::pins::file_for(&data.0.join("crossread"), &[root().join("tests/fixtures")]);
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    let pins = serde_json::json!({
        "format": "crossread-pins",
        "version": 1,
        "corpus": [root().join("tests/fixtures").canonicalize().unwrap()],
        "pins": [{
            "id": "hand-1", "kind": "claim", "note": "three days?",
            "doc": doc, "start": claim["start"], "end": claim["end"], "text": claim["text"],
            "created": "2024-01-01T00:00:00.000Z", "updated": "2024-01-01T00:00:00.000Z"
        }]
    });
    std::fs::write(&file, serde_json::to_string_pretty(&pins).unwrap()).unwrap();
    let md = briefing(&["--pins", "tests/fixtures"], Some(&data.0));
    let pinned = items(&section(&md, "Pinned items"));
    assert_eq!(pinned.len(), 1, "{md}");
    assert!(pinned[0][0].contains("**Single source** — Union leader Pieter de Vries said the walkout would last three days."), "{md}");
    assert!(pinned[0].contains(&"   - Note: three days?"), "{md}");

    // A corrupt pins file: reported, exit 2, and left where it is.
    std::fs::write(&file, "{\"pins\": [").unwrap();
    let out = run(&["--pins", "tests/fixtures"], Some(&data.0));
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("not a valid pins file") && err.contains(&*file.to_string_lossy()),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "{\"pins\": [");

    // No pins at all: said on stderr, and the briefing says so.
    std::fs::remove_file(&file).unwrap();
    let out = run(&["--pins", "tests/fixtures"], Some(&data.0));
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("nothing is pinned"));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Nothing is pinned for this corpus yet"));
}

#[test]
fn hostile_text_comes_out_escaped() {
    let dir = TempDir::new("hostile");
    let news = dir.0.join("news");
    std::fs::create_dir_all(&news).unwrap();
    let evil_title = "<script>alert(1)</script> Port [x](javascript:alert(1)) \x1b]0;pwned\x07news";
    std::fs::write(
        news.join("we`ird <b>.txt"),
        format!(
            "{evil_title}\nMarch 2, 2021\n\nHarbour master Ines Duarte said \"we will keep the *quay* open until the <b>storm</b> passes\" on Monday.\n\n\x1b[31mRed\x1b[0m alert: 3,000 workers | joined the strike at the Porto docks, Ines Duarte said.\n"
        ),
    )
    .unwrap();
    std::fs::write(
        news.join("b.txt"),
        "Second report\nMarch 3, 2021\n\nHarbour master Ines Duarte said \"we will keep the quay open until the storm has passed\" on Monday.\n\n# Not a heading: 5,000 workers joined the strike at the Porto docks, Ines Duarte said \u{202e}today.\n",
    )
    .unwrap();
    let md = briefing(&["--format", "markdown", news.to_str().unwrap()], None);
    // Nothing reaches the terminal raw.
    assert!(!md.chars().any(|c| c.is_control() && c != '\n'), "{md:?}");
    assert!(!md.contains('\u{202e}'), "{md}");
    assert!(
        md.contains("^[]0;pwned^Gnews") || md.contains("^\\[\\]0;pwned^Gnews"),
        "{md}"
    );
    // Markup in the text stays text.
    assert!(
        !md.contains("<script>") && md.contains("\\<script\\>alert(1)\\</script\\>"),
        "{md}"
    );
    assert!(md.contains("\\[x\\](javascript:alert(1))"), "{md}");
    assert!(
        md.contains("the \\*quay\\* open until the \\<b\\>storm\\</b\\>"),
        "{md}"
    );
    assert!(md.contains("\\# Not a heading"), "{md}");
    // The file name with a backtick stays one code span.
    assert!(md.contains("``news/we`ird <b>.txt``"), "{md}");
    // What a Markdown renderer sees: no HTML, no link, the text as written.
    let (html, links, text) = rendered(&md);
    assert!(html.is_empty(), "{html:?}");
    assert!(links.is_empty(), "{links:?}");
    assert!(
        text.contains("<script>alert(1)</script> Port [x](javascript:alert(1))"),
        "{text}"
    );
    assert!(text.contains("news/we`ird <b>.txt"), "{text}");
    assert!(text.contains("until the <b>storm</b> passes"), "{text}");
    let headings = Parser::new(&md)
        .filter(|e| matches!(e, Event::Start(Tag::Heading { .. })))
        .count();
    let ours = md.lines().filter(|l| l.starts_with('#')).count();
    assert_eq!(headings, ours, "a heading from the text: {md}");
    // A name from the command line is shown, not executed, on stderr too.
    let out = run(&["--entity", "\x1b[2J", news.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        !out.stderr.contains(&0x1b),
        "{:?}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn output_file_is_never_overwritten_without_force() {
    let dir = TempDir::new("output");
    let file = dir.0.join("brief.md");
    let f = file.to_str().unwrap();
    let out = run(&["--format", "markdown", "-o", f, "tests/fixtures"], None);
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    let first = std::fs::read_to_string(&file).unwrap();
    assert!(first.starts_with("# crossread briefing"));
    std::fs::write(&file, "my edits").unwrap();
    let out = run(&["--format", "markdown", "-o", f, "tests/fixtures"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--force"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "my edits");
    let out = run(
        &["--format", "markdown", "-o", f, "--force", "tests/fixtures"],
        None,
    );
    assert!(out.status.success());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), first);
}

#[test]
fn long_lists_are_cut_and_say_so() {
    let docs = corpus::load_paths(&[root().join("tests/fixtures")]).documents;
    let index = Index::build(&docs, &Default::default());
    let opts = crossread::export::briefing::Options {
        max_claims: 2,
        max_dates: 2,
        max_entities: 2,
        max_pairs: 0,
        ..Default::default()
    };
    let md = crossread::export::briefing::markdown(&docs, &index, &opts);
    assert_eq!(items(&section(&md, "Key claims")).len(), 2, "{md}");
    // All but the two shown are counted: the summary says how many there are.
    let distinct: usize = md
        .split("The analysis found ")
        .nth(1)
        .and_then(|t| t.split(' ').next())
        .and_then(|n| n.parse().ok())
        .expect("the summary counts the claims");
    assert!(
        md.contains(&format!(
            "{} more claims made by a single source are not listed",
            distinct - 2
        )),
        "{md}"
    );
    assert!(md.contains("1 more quote variant is not listed."), "{md}");
    let dates = section(&md, "Timeline");
    assert_eq!(
        dates.iter().filter(|l| l.starts_with("- **")).count(),
        2,
        "{md}"
    );
    assert!(
        md.contains("5 dates that fewer sources mention are not listed."),
        "{md}"
    );
    // The entities beyond the two shown are counted.
    let full = crossread::export::briefing::markdown(&docs, &index, &Default::default());
    let all_entities = section(&full, "Entities involved")
        .iter()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| entity"))
        .count();
    assert!(
        md.contains(&format!("{} more entities not listed.", all_entities - 2)),
        "{md}"
    );
    // Only what is cited is listed as a source: here the analysis piece is
    // cited by the timeline alone.
    let listed = |md: &str| {
        section(md, "Sources")
            .iter()
            .filter(|l| l.starts_with("- "))
            .count()
    };
    assert_eq!(listed(&md), 3, "{md}");
    assert!(!md.contains("not cited above"), "{md}");
    let md = crossread::export::briefing::markdown(
        &docs,
        &index,
        &crossread::export::briefing::Options {
            max_dates: 0,
            ..opts
        },
    );
    assert_eq!(listed(&md), 2, "{md}");
    assert!(
        !section(&md, "Sources").join("\n").contains("03_analysis"),
        "{md}"
    );
    assert!(md.contains("1 other document is not cited above."), "{md}");
}
