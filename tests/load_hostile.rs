//! Hostile input: every bad file is reported with its path and reason, and
//! the rest still loads.

use crossread::corpus::load_paths;
use std::path::PathBuf;

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("crossread-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn bad_files_are_reported_and_good_ones_load() {
    let d = tmp("hostile");
    std::fs::write(d.join("a_good.txt"), "Good title\n\nBody.\n").unwrap();
    std::fs::write(d.join("b_latin1.txt"), b"Caf\xe9 society\n").unwrap();
    std::fs::write(d.join("c_binary.txt"), b"PK\x03\x04\x00\x00binary").unwrap();
    std::fs::write(d.join("d_empty.md"), "").unwrap();
    std::fs::write(d.join("e_ignored.pdf"), "not an article").unwrap();
    std::os::unix::fs::symlink(d.join("missing-target"), d.join("f_dangling.txt")).unwrap();
    std::fs::create_dir_all(d.join("sub")).unwrap();
    std::fs::write(d.join("sub/g_nested.md"), "# Nested\n\ntext").unwrap();
    let loaded = load_paths(&[d.clone(), d.join("nope.txt")]);
    let titles: Vec<&str> = loaded.documents.iter().map(|x| x.title.as_str()).collect();
    assert_eq!(titles, vec!["Good title", "Caf\u{fffd} society", "Nested"]);
    let msgs: Vec<String> = loaded.issues.iter().map(|i| i.to_string()).collect();
    let has = |file: &str, what: &str| msgs.iter().any(|m| m.contains(file) && m.contains(what));
    assert!(has("b_latin1.txt", "warning: invalid UTF-8"), "{msgs:?}");
    assert!(has("c_binary.txt", "skipped: binary"), "{msgs:?}");
    assert!(has("d_empty.md", "skipped: empty"), "{msgs:?}");
    assert!(has("f_dangling.txt", "skipped: cannot read"), "{msgs:?}");
    assert!(has("nope.txt", "skipped"), "{msgs:?}");
    assert!(
        !msgs.iter().any(|m| m.contains("e_ignored.pdf")),
        "non-articles are not listed"
    );
    std::fs::remove_dir_all(d).ok();
}

#[test]
fn a_50_mb_file_loads() {
    let d = tmp("big");
    let para = "A long article keeps going with sentences about harbours and budgets. ".repeat(20)
        + "\n\n";
    let mut big = String::from("Big file\n\n");
    while big.len() < 50 * 1024 * 1024 {
        big.push_str(&para);
    }
    std::fs::write(d.join("big.txt"), &big).unwrap();
    let loaded = load_paths(std::slice::from_ref(&d));
    assert_eq!(loaded.documents.len(), 1);
    assert_eq!(loaded.documents[0].text.len(), big.len());
    let lines = crossread::text::wrap::wrap(&loaded.documents[0].text, 100);
    assert!(lines.len() > 500_000);
    std::fs::remove_dir_all(d).ok();
}
