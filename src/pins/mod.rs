//! Pins: claims, entities, events and search hits the user keeps for a
//! briefing, each with an optional one-line note, saved per corpus.
//!
//! - [`model`]: a [`Pin`] and what it points at ([`Anchor`]: the document's
//!   path, a byte range and the quoted text).
//! - [`file`]: the JSON file format (documented in the README).
//! - [`anchor`]: finding a pin again in the corpus as loaded now: by its
//!   path and range, else by its text, else marked lost (never dropped).
//! - [`merge`]: the three-way merge that lets two windows share one file.
//! - [`atomic`]: writing a file so that a crash leaves the old or the new.
//! - [`store`]: [`PinStore`], what the reader calls: add, note, reorder,
//!   delete with undo; every change is saved at once.
//!
//! Where the file lives: `$XDG_DATA_HOME/crossread/pins/` (or
//! `~/.local/share/crossread/pins/`), one file per corpus, named after the
//! corpus folder plus a hash of the canonical paths of its inputs.
//!
//! Knows nothing of the terminal: the reader and the export both use it.

pub mod anchor;
pub mod atomic;
pub mod file;
pub mod merge;
pub mod model;
pub mod store;

pub use anchor::{Resolved, claim_at, event_at, resolve};
pub use model::{Anchor, Pin, PinKind};
pub use store::{PinError, PinStore, file_for, read_pins};

use std::path::{Path, PathBuf};

/// The folder crossread keeps its data in: `$XDG_DATA_HOME/crossread`
/// (when set to an absolute path, as the XDG spec asks), else
/// `~/.local/share/crossread`; `None` when neither is known.
pub fn data_dir() -> Option<PathBuf> {
    let xdg = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute());
    xdg.or_else(|| {
        std::env::var_os("HOME")
            .filter(|h| !h.is_empty())
            .map(|h| PathBuf::from(h).join(".local").join("share"))
    })
    .map(|d| d.join("crossread"))
}

/// The identity of a corpus: the canonical paths of the folders and files
/// it was opened from, sorted and without repeats (so the order they were
/// given in does not matter). A path that cannot be canonicalised (it no
/// longer exists) is kept absolute as given.
pub fn corpus_key(inputs: &[PathBuf]) -> Vec<String> {
    let mut key: Vec<String> = inputs
        .iter()
        .map(|p| canonical(p).to_string_lossy().into_owned())
        .collect();
    key.sort();
    key.dedup();
    key
}

/// The canonical form of a path, or the path made absolute when it does
/// not exist.
pub fn canonical(p: &Path) -> PathBuf {
    p.canonicalize().unwrap_or_else(|_| {
        if p.is_absolute() {
            p.to_path_buf()
        } else {
            std::env::current_dir()
                .map(|d| d.join(p))
                .unwrap_or_else(|_| p.to_path_buf())
        }
    })
}

/// The pins file of a corpus inside `data_dir`: `pins/<name>-<hash>.json`,
/// where `<name>` is the last part of the first input (letters, digits, `.`,
/// `_` and `-` only) and `<hash>` 16 hex digits of an FNV-1a hash of the
/// whole key, so that two corpora with the same folder name differ.
pub fn pins_file(data_dir: &Path, key: &[String]) -> PathBuf {
    let first = key
        .first()
        .and_then(|k| Path::new(k).file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut name: String = first
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
                c
            } else {
                '_'
            }
        })
        .take(40)
        .collect();
    let trimmed = name.trim_start_matches('.').to_string();
    name = if trimmed.is_empty() {
        "corpus".to_string()
    } else {
        trimmed
    };
    let joined = key.join("\n");
    data_dir
        .join("pins")
        .join(format!("{name}-{:016x}.json", fnv1a(joined.as_bytes())))
}

/// FNV-1a, 64 bits: stable across Rust versions and platforms (the std
/// hasher is not), so a corpus keeps its file name.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

#[cfg(test)]
pub(crate) mod testdir {
    //! A temporary folder removed when dropped, for the tests of this module.
    use std::path::{Path, PathBuf};
    use std::sync::atomic::{AtomicUsize, Ordering};

    pub struct TempDir(PathBuf);
    impl TempDir {
        pub fn new(tag: &str) -> TempDir {
            static N: AtomicUsize = AtomicUsize::new(0);
            let p = std::env::temp_dir().join(format!(
                "crossread-pins-{tag}-{}-{}",
                std::process::id(),
                N.fetch_add(1, Ordering::Relaxed)
            ));
            let _ = std::fs::remove_dir_all(&p);
            std::fs::create_dir_all(&p).expect("temp dir");
            TempDir(p)
        }
        pub fn path(&self) -> &Path {
            &self.0
        }
    }
    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_ignores_order_and_repeats() {
        let d = testdir::TempDir::new("key");
        let a = d.path().join("a");
        let b = d.path().join("b");
        std::fs::create_dir_all(&a).unwrap();
        std::fs::create_dir_all(&b).unwrap();
        let k1 = corpus_key(&[a.clone(), b.clone()]);
        let k2 = corpus_key(&[b.clone(), a.join("..").join("a"), b.clone()]);
        assert_eq!(k1, k2);
        assert_eq!(k1.len(), 2);
        assert_ne!(
            pins_file(Path::new("/data"), &k1),
            pins_file(Path::new("/data"), &corpus_key(std::slice::from_ref(&a)))
        );
    }

    #[test]
    fn file_name_is_readable_and_safe() {
        let key = vec!["/home/ann/news/Harbour talks/../x".to_string()];
        let p = pins_file(Path::new("/data"), &key);
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        assert!(name.starts_with("x-") && name.ends_with(".json"), "{name}");
        let key = vec!["/home/ann/Harbour talks".to_string()];
        let name = pins_file(Path::new("/data"), &key)
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        assert!(name.starts_with("Harbour_talks-"), "{name}");
        assert_eq!(
            pins_file(Path::new("/data"), &key).parent().unwrap(),
            Path::new("/data/pins")
        );
        // The hash is stable (a saved corpus must find its file again).
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}

#[cfg(test)]
mod store_tests;
