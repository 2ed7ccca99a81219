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

#[test]
fn pipes_and_devices_are_skipped_not_read() {
    let d = tmp("fifo");
    std::fs::write(d.join("a.txt"), "Fine\n\nText.\n").unwrap();
    let fifo = d.join("x.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    // Reading the FIFO would block forever; the loader must not open it.
    let loaded = load_paths(&[d.clone(), PathBuf::from("/dev/zero")]);
    assert_eq!(loaded.documents.len(), 1);
    let msgs: Vec<String> = loaded.issues.iter().map(|i| i.to_string()).collect();
    assert!(
        msgs.iter()
            .any(|m| m.contains("x.txt") && m.contains("FIFO") && m.contains("skipped")),
        "{msgs:?}"
    );
    assert!(
        msgs.iter()
            .any(|m| m.contains("/dev/zero") && m.contains("device")),
        "{msgs:?}"
    );
    std::fs::remove_dir_all(d).ok();
}

#[test]
fn the_size_limit_counts_bytes_read() {
    let d = tmp("limit");
    let f = d.join("grows.txt");
    std::fs::write(&f, "x".repeat(3 << 20)).unwrap();
    let err = crossread::corpus::read_limited_to(&f, 1 << 20).unwrap_err();
    assert!(err.contains("too large"), "{err}");
    assert_eq!(
        crossread::corpus::read_limited_to(&f, 4 << 20)
            .unwrap()
            .len(),
        3 << 20
    );
    std::fs::remove_dir_all(d).ok();
}

#[test]
fn utf16_with_a_byte_order_mark_is_decoded() {
    let d = tmp("utf16");
    let text = "Wide title\n\nThe café reopened on Monday. 北京\n";
    let le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(|u| u.to_le_bytes()))
        .collect();
    let be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(text.encode_utf16().flat_map(|u| u.to_be_bytes()))
        .collect();
    std::fs::write(d.join("le.txt"), le).unwrap();
    std::fs::write(d.join("be.txt"), be).unwrap();
    let loaded = load_paths(std::slice::from_ref(&d));
    assert_eq!(loaded.documents.len(), 2, "{:?}", loaded.issues);
    for doc in &loaded.documents {
        assert_eq!(doc.text, text);
        assert_eq!(doc.title, "Wide title");
    }
    std::fs::remove_dir_all(d).ok();
}

#[test]
fn deeply_nested_folders_are_all_read() {
    let d = tmp("deep");
    let mut p = d.clone();
    for i in 0..60 {
        p = p.join(format!("level{i}"));
    }
    std::fs::create_dir_all(&p).unwrap();
    std::fs::write(p.join("bottom.txt"), "Bottom\n\nStill here.\n").unwrap();
    let loaded = load_paths(std::slice::from_ref(&d));
    assert_eq!(loaded.documents.len(), 1, "{:?}", loaded.issues);
    assert_eq!(loaded.documents[0].title, "Bottom");
    std::fs::remove_dir_all(d).ok();
}
