//! `crossread lookup` through the real binary: the card of an entity named
//! by name or alias, text hits grouped by document otherwise, exit codes
//! (0 found, 1 nothing, 2 error), `--json` parsed, text that fits 80
//! columns and has no colour when piped, and hostile article text shown,
//! never executed.

mod common;
use serde_json::Value;
use std::path::PathBuf;
use std::process::{Command, Output};

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_crossread")
}

fn lookup(args: &[&str]) -> Output {
    Command::new(bin())
        .arg("lookup")
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .expect("run crossread")
}

fn seeds() -> String {
    common::seeds().display().to_string()
}

fn out(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Every line fits 80 cells, and no escape reaches a pipe.
fn fits_80_without_escapes(s: &str) {
    assert!(!s.contains('\x1b'), "no escape sequence when piped:\n{s}");
    for l in s.lines() {
        let w = crossread::text::display_width(l);
        assert!(w <= 80, "{w} cells: {l:?}");
    }
}

#[test]
fn an_entity_by_name_or_alias_prints_its_card() {
    for term in ["Stephen Biegun", "biegun", "BIEGUN"] {
        let o = lookup(&[term, &seeds()]);
        assert_eq!(o.status.code(), Some(0), "{term}: {}", err(&o));
        let s = out(&o);
        fits_80_without_escapes(&s);
        assert!(
            s.starts_with("Stephen Biegun · person · 4 mentions in 1 source"),
            "{s}"
        );
        for want in [
            "also “Biegun”: part of the name, resolved to the full name",
            "Sources (1): mentions, title, outlet, date",
            "McLARTY KOREA UPDATE: Toward a second US-DPRK summit",
            "McLarty Associates · 2019-01-25 · seeds/004_bda03317836dd115.txt",
            "When: 2 dated events",
            "2018-08 “August 2018” · McLarty Associates, 2019-01-25",
            "Single-source (3)",
            "— McLarty Associates, 2019-01-25",
            "Appears most with",
        ] {
            assert!(s.contains(want), "{term}: lacks {want:?}:\n{s}");
        }
    }
    // An alias that is another form of the name.
    let o = lookup(&["DPRK", &seeds()]);
    assert_eq!(o.status.code(), Some(0));
    assert!(out(&o).starts_with("North Korea · place"), "{}", out(&o));
    // A long card is cut, saying so.
    let s = out(&o);
    assert!(s.contains("more claims (--all lists every one)"), "{s}");
    let all = out(&lookup(&["DPRK", "--all", &seeds()]));
    assert!(all.len() > s.len() && !all.contains("--all lists"));
}

#[test]
fn other_terms_print_the_hits_by_document() {
    let o = lookup(&["sanctions relief", &seeds()]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let s = out(&o);
    fits_80_without_escapes(&s);
    assert!(
        s.starts_with("“sanctions relief”: 4 hits in 3 of 5 documents\n"),
        "{s}"
    );
    // Per document: its title and count, its outlet, date and path, then a
    // line number and a line of context per hit.
    assert!(
        s.contains(
            "McLARTY KOREA UPDATE: Toward a second US-DPRK summit · 1 hit\n  McLarty Associates · 2019-01-25 · seeds/004_bda03317836dd115.txt\n"
        ),
        "{s}"
    );
    assert!(
        s.contains("    12: …on economic sanctions relief and maintained it"),
        "{s}"
    );
    let hit_lines = s.lines().filter(|l| l.contains("sanctions relief")).count();
    assert_eq!(hit_lines, 1 + 4, "the heading and each hit:\n{s}");
    // Several entities have the word in their names: listed, none chosen.
    let s = out(&lookup(&["korea", &seeds()]));
    assert!(
        s.contains("Entities named with “korea”: North Korea"),
        "{s}"
    );
    assert!(s.contains("hits in 5 of 5 documents"), "{s}");
    // Smart case.
    let lower = out(&lookup(&["korea", &seeds(), "--all"]));
    let upper = out(&lookup(&["KOREA", &seeds(), "--all"]));
    assert!(lower.len() > upper.len());
    // --max caps what is printed, and says so.
    let s = out(&lookup(&["the", &seeds(), "--max", "3"]));
    let hit_rows = s
        .lines()
        .filter(|l| {
            let t = l.trim_start();
            t.split_once(": ")
                .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
        })
        .count();
    assert_eq!(hit_rows, 3, "{s}");
    assert!(s.contains("3 of "), "{s}");
    assert!(s.contains("--all shows every hit"), "{s}");
    // A regex when asked.
    let o = lookup(&["--regex", "sanctions (relief|on)", &seeds()]);
    assert_eq!(o.status.code(), Some(0));
    assert!(out(&o).contains("(regex)"));
}

#[test]
fn exit_codes_nothing_found_and_errors() {
    let o = lookup(&["zzqxv", &seeds()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(out(&o).is_empty(), "nothing on stdout");
    assert!(err(&o).contains("nothing found for “zzqxv” in 5 documents"));
    // A near name is suggested.
    let o = lookup(&["biegn", &seeds()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("Stephen Biegun"), "{}", err(&o));
    // No readable file: 2, naming the path.
    let o = lookup(&["korea", "/nonexistent/crossread-corpus"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("/nonexistent/crossread-corpus"));
    // A bad regex: 2.
    let o = lookup(&["--regex", "(unclosed", &seeds()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("bad regex"), "{}", err(&o));
    // Never the terminal UI: no alternate screen, no mouse mode.
    let o = lookup(&["biegun", &seeds()]);
    assert!(!out(&o).contains("\x1b[?1049h") && !out(&o).contains("\x1b[?1000h"));
}

#[test]
fn json_is_documented_and_parses() {
    let o = lookup(&["biegun", "--json", &seeds()]);
    assert_eq!(o.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v["version"], 1);
    assert_eq!(v["found"], "entity");
    assert_eq!(v["query"], "biegun");
    let e = &v["entity"];
    assert_eq!(e["name"], "Stephen Biegun");
    assert_eq!(e["kind"], "person");
    assert_eq!(e["mentions"], 4);
    assert_eq!(e["aliases"][0]["name"], "Biegun");
    assert_eq!(e["sources"]["total"], 1);
    assert_eq!(e["sources"]["items"][0]["source"], "McLarty Associates");
    assert_eq!(e["sources"]["items"][0]["date"], "2019-01-25");
    assert_eq!(e["events"]["items"][0]["date"], "2018-08");
    assert_eq!(e["single_source"]["total"], 3);
    // Offsets are bytes of the file as loaded.
    let seed_dir = common::seeds();
    let claim = &e["single_source"]["items"][0];
    let file =
        std::fs::read_to_string(seed_dir.join(format!("{}.txt", claim["doc"].as_str().unwrap())))
            .unwrap();
    let (s, t) = (
        claim["start"].as_u64().unwrap() as usize,
        claim["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&file[s..t], claim["text"].as_str().unwrap());

    let o = lookup(&["sanctions relief", "--json", &seeds()]);
    let v: Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v["found"], "hits");
    let h = &v["hits"];
    assert_eq!(h["total"], 4);
    assert_eq!(h["documents"], 3);
    assert_eq!(h["mode"], "words");
    assert_eq!(h["case_sensitive"], false);
    let docs = h["by_document"].as_array().unwrap();
    assert_eq!(docs.len(), 3);
    for d in docs {
        let file =
            std::fs::read_to_string(seed_dir.join(format!("{}.txt", d["doc"].as_str().unwrap())))
                .unwrap();
        for hit in d["hits"].as_array().unwrap() {
            let (s, t) = (
                hit["start"].as_u64().unwrap() as usize,
                hit["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(file[s..t].to_lowercase(), "sanctions relief");
            assert_eq!(hit["text"].as_str().unwrap(), &file[s..t]);
            let line = file[..s].matches('\n').count() + 1;
            assert_eq!(hit["line"], line);
        }
    }
    let o = lookup(&["zzqxv", "--json", &seeds()]);
    assert_eq!(o.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v["found"], "nothing");
    assert!(v["entity"].is_null() && v["hits"].is_null());
}

struct Tmp(PathBuf);
impl Drop for Tmp {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn hostile_corpus() -> Tmp {
    let dir = std::env::temp_dir().join(format!("crossread-lookup-hostile-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("a\x1b[31mred.txt"),
        "Harbour \x1b]0;pwned\x07 news\x1b[2J\n\nThe harbour board said the ferry\x1b[31m will run \u{202e}daily\u{202c} again.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("b.txt"),
        "Ferry news\n\nThe ferry will run daily, the harbour board said.\n",
    )
    .unwrap();
    Tmp(dir)
}

#[test]
fn hostile_text_is_shown_never_executed() {
    let dir = hostile_corpus();
    let path = dir.0.display().to_string();
    let o = lookup(&["ferry", &path]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let s = out(&o);
    fits_80_without_escapes(&s);
    assert!(
        s.contains("^[]0;pwned^G"),
        "the title's escape is shown:\n{s}"
    );
    assert!(s.contains("ferry^[[31m"), "{s}");
    assert!(s.contains("<U+202E>daily"), "{s}");
    assert!(s.contains("a^[[31mred.txt"), "the file name too:\n{s}");
    assert!(!err(&o).contains('\x1b'), "{:?}", err(&o));
    // JSON escapes them.
    let o = lookup(&["ferry", "--json", &path]);
    let raw = out(&o);
    assert!(!raw.contains('\x1b'));
    let v: Value = serde_json::from_str(&raw).expect("JSON");
    assert!(raw.contains("\\u001b"), "escaped by JSON: {raw}");
    let afters: Vec<&str> = v["hits"]["by_document"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["hits"].as_array().unwrap())
        .map(|h| h["after"].as_str().unwrap())
        .collect();
    assert!(
        afters.iter().any(|a| a.starts_with("\x1b[31m will run")),
        "the text as it is, once parsed: {afters:?}"
    );
}

#[test]
fn colour_only_when_asked_and_article_escapes_never() {
    let dir = hostile_corpus();
    let loaded = crossread::corpus::load_paths(std::slice::from_ref(&dir.0));
    let index = crossread::index::Index::build(&loaded.documents, &Default::default());
    let run = |color: bool| {
        let opts = crossread::lookup::Options {
            term: "ferry".into(),
            color,
            ..Default::default()
        };
        let mut out = Vec::new();
        let mut err = Vec::new();
        let code = crossread::lookup::run(&loaded.documents, &index, &opts, &mut out, &mut err);
        assert_eq!(code, 0);
        String::from_utf8(out).unwrap()
    };
    let coloured = run(true);
    assert!(coloured.contains("\x1b[1m"), "bold headings");
    assert!(
        coloured.contains("\x1b[1;4mferry\x1b[0m"),
        "the match marked"
    );
    // Only our own SGR sequences: no OSC, no cursor or screen control.
    for (i, _) in coloured.match_indices('\x1b') {
        let rest = &coloured[i + 1..];
        let end = rest.find('m').expect("an SGR sequence");
        assert!(
            rest.starts_with('[') && rest[1..end].chars().all(|c| c.is_ascii_digit() || c == ';'),
            "{:?}",
            &rest[..end.min(20)]
        );
    }
    assert!(!run(false).contains('\x1b'));
}
