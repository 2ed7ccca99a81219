//! Entry points for the `cargo fuzz` targets in `fuzz/` and for the
//! regression test that replays the inputs they found (`tests/fuzz.rs`), so
//! both run exactly the same code. Each takes arbitrary bytes and must
//! neither panic nor take long.

use crate::corpus::{Document, document_from_bytes};
use std::path::Path;

fn text(data: &[u8]) -> &str {
    match std::str::from_utf8(data) {
        Ok(s) => s,
        Err(e) => std::str::from_utf8(&data[..e.valid_up_to()]).unwrap_or(""),
    }
}

fn doc(id: usize, name: &str, data: &[u8]) -> Option<Document> {
    document_from_bytes(id, Path::new(name), name, data.to_vec()).ok()
}

/// Decoding and Markdown conversion; every markup run and offset stays in
/// bounds.
pub fn markdown(data: &[u8]) {
    if let Some(d) = doc(0, "fuzz.md", data) {
        for run in &d.markup {
            assert!(run.range.start <= run.range.end && run.range.end <= d.text.len());
            assert!(d.text.is_char_boundary(run.range.start));
        }
        let r = d.source_range(&(0..d.text.len()));
        assert!(r.end <= d.source.len());
    }
}

/// Decoding of plain text files (UTF-8, broken UTF-8, UTF-16, binary).
pub fn loader(data: &[u8]) {
    if let Some(d) = doc(0, "fuzz.txt", data) {
        assert!(!d.text.trim().is_empty());
    }
}

/// The sentence splitter: sorted, in bounds, on character boundaries.
pub fn sentences(data: &[u8]) {
    let t = text(data);
    let mut last = 0;
    for s in crate::text::sentences::split(t) {
        assert!(last <= s.start && s.start <= s.end && s.end <= t.len());
        assert!(t.is_char_boundary(s.start) && t.is_char_boundary(s.end));
        last = s.end;
    }
}

/// The date finder and normaliser, with and without a reference date.
pub fn dates(data: &[u8]) {
    let t = text(data);
    let reference = chrono::NaiveDate::from_ymd_opt(2020, 2, 29);
    for r in [None, reference] {
        for m in crate::analysis::dates::find(t, r) {
            assert!(m.range.end <= t.len() && t.is_char_boundary(m.range.start));
            let _ = m.date.map(|d| d.iso());
        }
    }
}

/// The key-string parser (`<Ctrl-d>`, `g`, `<S-Tab>` …); a key that parses
/// names itself in a form that parses to the same key.
pub fn keys(data: &[u8]) {
    use crate::app::keymap::{key_name, parse_key};
    if let Ok(k) = parse_key(text(data)) {
        assert_eq!(parse_key(&key_name(&k)), Ok(k));
    }
}

/// A user keymap file.
pub fn keymap(data: &[u8]) {
    let mut map = crate::app::keymap::Keymap::default();
    let _ = map.apply_user(text(data));
}

/// A theme file.
pub fn theme(data: &[u8]) {
    let _ = crate::ui::theme::Theme::parse("fuzz", text(data), "fuzz.toml", None);
}

/// The whole analysis on up to three documents cut from the input at
/// `\x00` bytes (the first as Markdown, the others as text), then the export.
pub fn analysis(data: &[u8]) {
    let docs: Vec<Document> = data
        .split(|&b| b == 0)
        .take(3)
        .enumerate()
        .filter_map(|(i, part)| doc(i, if i == 0 { "a.md" } else { "b.txt" }, part))
        .enumerate()
        .map(|(i, mut d)| {
            d.id = i;
            d
        })
        .collect();
    if docs.is_empty() {
        return;
    }
    let index = crate::index::Index::build(&docs, &Default::default());
    let export = crate::export::Export {
        docs: &docs,
        index: &index,
        extras: Default::default(),
    };
    let _ = crate::export::write_json(std::io::sink(), &export, false);
    let _ = crate::export::write_jsonl(std::io::sink(), &export);
}
