//! The streamed export through the real binary: compact and indented JSON
//! say the same, JSON Lines carries the same records, scores have 3
//! decimals, every skipped or partly read file is listed, an alias file from
//! the corpus folder is announced, nothing read is exit status 2, and `-o`
//! never replaces a file without `--force`.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> TempDir {
        let d = std::env::temp_dir().join(format!("crossread-xs-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        TempDir(d)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/harbour")
}

/// Run `crossread export ARGS` with an empty config folder (so no alias
/// file of the user's applies).
fn run(args: &[&str], config: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_crossread"))
        .arg("export")
        .args(args)
        .env("XDG_CONFIG_HOME", config)
        .env_remove("CROSSREAD_TIMING")
        .output()
        .unwrap()
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).expect("UTF-8")
}

#[test]
fn compact_pretty_and_jsonl_carry_the_same_records() {
    let cfg = TempDir::new("cfg1");
    let corpus = fixtures();
    let c = corpus.to_str().unwrap();
    let compact = ok(&run(&["--format", "json", c], &cfg.0));
    let pretty = ok(&run(&["--pretty", c], &cfg.0));
    // Compact is one line; indented is many; both the same JSON.
    assert_eq!(compact.lines().count(), 1);
    assert!(pretty.lines().count() > 1000);
    let j: Value = serde_json::from_str(&compact).unwrap();
    assert_eq!(j, serde_json::from_str::<Value>(&pretty).unwrap());
    assert_eq!(j["version"], crossread::export::VERSION);
    assert!(j["claims"].as_array().unwrap().len() > 20);
    // Every score and overlap has at most 3 decimals, as written.
    let mut scores = 0;
    for key in ["\"score\":", "\"overlap\":"] {
        for (i, _) in compact.match_indices(key) {
            let rest = &compact[i + key.len()..];
            let num: String = rest
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '.')
                .collect();
            let decimals = num.split('.').nth(1).map_or(0, str::len);
            assert!(decimals <= 3, "{key}{num}");
            scores += 1;
        }
    }
    assert!(scores > 10, "links have scores");

    // JSON Lines: a header, then the records in order, each tagged.
    let jsonl = ok(&run(&["--format", "jsonl", c], &cfg.0));
    let lines: Vec<Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    let header = &lines[0];
    assert_eq!(header["type"], "header");
    assert_eq!(header["version"], crossread::export::VERSION);
    let order = ["document", "entity", "event", "claim", "duplicate"];
    let mut last = 0;
    for l in &lines[1..] {
        let t = l["type"].as_str().expect("typed line");
        let at = order.iter().position(|o| *o == t).expect("known type");
        assert!(at >= last, "{t} after {}", order[last]);
        last = at;
    }
    for (t, key, count) in [
        ("document", "documents", "documents"),
        ("entity", "entities", "entities"),
        ("event", "events", "events"),
        ("claim", "claims", "claims"),
        ("duplicate", "duplicates", "duplicates"),
    ] {
        let recs: Vec<Value> = lines
            .iter()
            .filter(|l| l["type"] == t)
            .map(|l| {
                let mut l = l.clone();
                l.as_object_mut().unwrap().remove("type");
                l
            })
            .collect();
        assert_eq!(&Value::Array(recs.clone()), &j[key], "{t} records");
        assert_eq!(header["counts"][count], recs.len(), "{t} count");
    }
    let links: usize = j["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["links"].as_array().unwrap().len())
        .sum();
    assert_eq!(header["counts"]["links"], links);
}

#[test]
fn compact_output_made_in_parallel_chunks_equals_the_indented_one() {
    // A generated corpus with more claims and events than one chunk holds.
    let seeds =
        crossread::corpus::load_paths(&[Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")])
            .documents;
    let docs: Vec<crossread::corpus::Document> =
        crossread::corpus::generate::generate(&seeds, 80, 5000, 7)
            .into_iter()
            .enumerate()
            .map(|(i, (name, text))| {
                let mut d = crossread::corpus::document_from_bytes(
                    i,
                    Path::new(&name),
                    &name,
                    text.into_bytes(),
                )
                .unwrap();
                d.id = i;
                d
            })
            .collect();
    let index = crossread::index::Index::build(&docs, &Default::default());
    assert!(index.claims.len() > 600, "{}", index.claims.len());
    assert!(index.events.len() > 300, "{}", index.events.len());
    let export = crossread::export::Export {
        docs: &docs,
        index: &index,
        extras: Default::default(),
    };
    let (mut compact, mut pretty, mut lines) = (Vec::new(), Vec::new(), Vec::new());
    crossread::export::write_json(&mut compact, &export, false).unwrap();
    crossread::export::write_json(&mut pretty, &export, true).unwrap();
    crossread::export::write_jsonl(&mut lines, &export).unwrap();
    let j: Value = serde_json::from_slice(&compact).unwrap();
    assert_eq!(j, serde_json::from_slice::<Value>(&pretty).unwrap());
    let ids: Vec<u64> = String::from_utf8(lines)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|l| l["type"] == "claim")
        .map(|l| l["id"].as_u64().unwrap())
        .collect();
    assert_eq!(ids, (0..index.claims.len() as u64).collect::<Vec<_>>());
}

#[test]
fn skipped_and_partly_read_files_are_listed_in_the_export() {
    let cfg = TempDir::new("cfg2");
    let d = TempDir::new("skipped");
    std::fs::write(
        d.0.join("a_good.txt"),
        "Ferry strike ends\n\nThe ferry operator said on Monday that service resumes.\n",
    )
    .unwrap();
    std::fs::write(d.0.join("b_binary.txt"), b"PK\x03\x04\x00\x00binary\x00").unwrap();
    std::fs::write(
        d.0.join("c_latin1.txt"),
        b"Caf\xe9 owners protest\n\nOwners said the rent rose by 40 percent.\n",
    )
    .unwrap();
    let fifo = d.0.join("x.txt");
    let made = Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    for format in ["json", "jsonl"] {
        let out = run(&["--format", format, d.0.to_str().unwrap()], &cfg.0);
        let text = ok(&out);
        let skipped = if format == "json" {
            let j: Value = serde_json::from_str(&text).unwrap();
            assert_eq!(j["documents"].as_array().unwrap().len(), 2);
            j["skipped"].clone()
        } else {
            let header: Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
            assert_eq!(header["counts"]["skipped"], 3);
            header["skipped"].clone()
        };
        let find = |name: &str| {
            skipped
                .as_array()
                .unwrap()
                .iter()
                .find(|s| s["path"].as_str().unwrap().ends_with(name))
                .cloned()
                .unwrap_or_else(|| panic!("{name} not in {skipped}"))
        };
        let fifo = find("x.txt");
        assert_eq!(fifo["read"], "none");
        assert!(fifo["reason"].as_str().unwrap().contains("FIFO"), "{fifo}");
        let bin = find("b_binary.txt");
        assert_eq!(bin["read"], "none");
        assert!(bin["reason"].as_str().unwrap().contains("binary"), "{bin}");
        let latin = find("c_latin1.txt");
        assert_eq!(latin["read"], "partly");
        assert!(
            latin["reason"].as_str().unwrap().contains("UTF-8"),
            "{latin}"
        );
        assert_eq!(skipped.as_array().unwrap().len(), 3, "{skipped}");
        // The same files are named on stderr.
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("x.txt") && err.contains("b_binary.txt"),
            "{err}"
        );
    }
}

#[test]
fn nothing_read_is_exit_status_2_with_the_reasons() {
    let cfg = TempDir::new("cfg3");
    let d = TempDir::new("nothing");
    std::fs::write(d.0.join("a_binary.txt"), b"\x00\x01\x02binary\x00").unwrap();
    std::fs::write(d.0.join("b_empty.md"), "").unwrap();
    let made = Command::new("mkfifo").arg(d.0.join("c.txt")).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    for format in ["json", "jsonl", "markdown"] {
        let out = run(&["--format", format, d.0.to_str().unwrap()], &cfg.0);
        assert_eq!(out.status.code(), Some(2), "{format}");
        assert!(out.stdout.is_empty(), "{format}: nothing on stdout");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("nothing readable"), "{err}");
        for name in ["a_binary.txt", "b_empty.md", "c.txt"] {
            assert!(err.contains(name), "{name} named: {err}");
        }
    }
    // A folder with no articles at all.
    let empty = TempDir::new("empty");
    let out = run(&[empty.0.to_str().unwrap()], &cfg.0);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no .txt or .md files"));
}

#[test]
fn an_alias_file_from_the_corpus_folder_is_in_the_export() {
    let cfg = TempDir::new("cfg4");
    let d = TempDir::new("aliases");
    std::fs::write(
        d.0.join("a.txt"),
        "Mayor visits port\n\nMayor Ann Lee said on Monday that the port will reopen.\n",
    )
    .unwrap();
    std::fs::write(
        d.0.join("b.txt"),
        "Port reopens\n\nAnnie Lee, the mayor, said the port reopened on Tuesday.\n",
    )
    .unwrap();
    std::fs::write(
        d.0.join("aliases.toml"),
        "[merge]\n\"Ann Lee\" = [\"Annie Lee\"]\n",
    )
    .unwrap();
    let out = run(&[d.0.to_str().unwrap()], &cfg.0);
    let j: Value = serde_json::from_str(&ok(&out)).unwrap();
    let files = j["alias_files"].as_array().unwrap();
    assert_eq!(files.len(), 1, "{files:?}");
    assert_eq!(files[0]["from_corpus"], true);
    assert_eq!(files[0]["merges"], 1);
    assert_eq!(files[0]["names"], 1);
    assert!(files[0]["path"].as_str().unwrap().ends_with("aliases.toml"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("alias file in the corpus folder applies"),
        "{err}"
    );
    // The user's own alias file is listed too, not marked as the corpus's.
    std::fs::create_dir_all(cfg.0.join("crossread")).unwrap();
    std::fs::write(cfg.0.join("crossread/aliases.toml"), "split = [\"Lee\"]\n").unwrap();
    let j: Value = serde_json::from_str(&ok(&run(&[d.0.to_str().unwrap()], &cfg.0))).unwrap();
    let from: Vec<&Value> = j["alias_files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| &f["from_corpus"])
        .collect();
    assert_eq!(from, vec![&Value::Bool(false), &Value::Bool(true)]);
    // No alias file: an empty list, and nothing on stderr about one.
    std::fs::remove_file(d.0.join("aliases.toml")).unwrap();
    std::fs::remove_file(cfg.0.join("crossread/aliases.toml")).unwrap();
    let out = run(&[d.0.to_str().unwrap()], &cfg.0);
    let j: Value = serde_json::from_str(&ok(&out)).unwrap();
    assert_eq!(j["alias_files"], Value::Array(vec![]));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("alias"));
}

#[test]
fn json_to_a_file_is_never_overwritten_without_force() {
    let cfg = TempDir::new("cfg5");
    let d = TempDir::new("out");
    let corpus = fixtures();
    let c = corpus.to_str().unwrap();
    let file = d.0.join("export.json");
    let f = file.to_str().unwrap();
    let out = run(&["-o", f, c], &cfg.0);
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    let first: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert!(first["documents"].as_array().unwrap().len() > 1);
    std::fs::write(&file, "mine").unwrap();
    let out = run(&["--format", "jsonl", "-o", f, c], &cfg.0);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--force"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "mine");
    let out = run(&["--format", "jsonl", "-o", f, "--force", c], &cfg.0);
    assert!(out.status.success());
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.starts_with("{\"type\":\"header\""), "{}", &text[..80]);
    // No temporary file is left beside it.
    let names: Vec<String> = std::fs::read_dir(&d.0)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, vec!["export.json".to_string()]);
}

#[test]
fn a_closed_pipe_ends_the_export_quietly() {
    let cfg = TempDir::new("cfg6");
    let corpus = fixtures();
    let mut child = Command::new(env!("CARGO_BIN_EXE_crossread"))
        .args(["export", "--pretty", corpus.to_str().unwrap()])
        .env("XDG_CONFIG_HOME", &cfg.0)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Read a little, then close the pipe (as `| head` does).
    let mut stdout = child.stdout.take().unwrap();
    let mut buf = [0u8; 64];
    std::io::Read::read_exact(&mut stdout, &mut buf).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{:?}", out.status);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn a_huge_one_line_file_with_labels_still_gives_entities_events_and_claims() {
    let mut line = String::from(
        "Section: World Tags: ports, ferries Maria Olsen, the harbour master of Halden, said on March 3, 2021 that 40 ships were delayed by fog. ",
    );
    let mut day = 0;
    // 1 MB here (the boilerplate unit test takes 5 MB; the release binary
    // analyses a 5 MB one-line file in under a second, a debug build not).
    while line.len() < 1_000_000 {
        day = day % 28 + 1;
        line.push_str(&format!(
            "On March {day}, 2021 the port said that {} more ships were delayed by fog. ",
            day + 3
        ));
    }
    let doc = crossread::corpus::document_from_bytes(
        0,
        Path::new("one_line.txt"),
        "one_line.txt",
        line.into_bytes(),
    )
    .unwrap();
    let docs = vec![doc];
    let index = crossread::index::Index::build(&docs, &Default::default());
    let meta: usize = index.docs[0]
        .boilerplate
        .iter()
        .map(|b| b.range.len())
        .sum();
    assert!(meta < 200, "{meta} bytes taken as boilerplate");
    assert!(
        index.entities.iter().any(|e| e.name == "Maria Olsen"),
        "entities found"
    );
    assert!(index.events.len() > 1000, "{} events", index.events.len());
    assert!(index.claims.len() > 1000, "{} claims", index.claims.len());
    // The label run alone is metadata, at the start of the line.
    let b = &index.docs[0].boilerplate;
    assert_eq!(b.len(), 1, "{b:?}");
    assert_eq!(b[0].range.start, 0);
}
