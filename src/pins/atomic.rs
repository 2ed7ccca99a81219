//! Writing a file so that a crash leaves either the old or the new content,
//! never a mix: a temporary file in the same folder (same file system, so
//! the rename is atomic), written, flushed and synced, then renamed over the
//! old one, and the folder synced so the rename itself is durable.
//!
//! Temporary files are named `.<name>.tmp-<pid>-<n>`; a crash between
//! writing and renaming leaves one behind, which readers never look at
//! ([`stray_temps`] finds them for clean-up).

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

fn temp_prefix(path: &Path) -> String {
    format!(
        ".{}.tmp-",
        path.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    )
}

/// Write through `fill` (buffered) into a new temporary file beside `path`
/// and sync it; the caller renames it. Returns the temporary file's path.
fn write_temp_with(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<PathBuf> {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = path.parent().unwrap_or(Path::new("."));
    loop {
        let tmp = dir.join(format!(
            "{}{}-{}",
            temp_prefix(path),
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(f) => {
                let mut w = io::BufWriter::with_capacity(1 << 16, f);
                let written = fill(&mut w)
                    .and_then(|()| w.flush())
                    .and_then(|()| w.get_ref().sync_all());
                if let Err(e) = written {
                    let _ = fs::remove_file(&tmp);
                    return Err(e);
                }
                return Ok(tmp);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
}

/// Make a completed rename in `dir` durable (where the platform allows).
fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Replace `path` with `bytes` atomically (creating it when missing).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with(path, |w| w.write_all(bytes))
}

/// Replace `path` atomically with what `fill` writes (streamed through a
/// buffer into the temporary file, so the content is never held whole).
pub fn write_atomic_with(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let tmp = write_temp_with(path, fill)?;
    if let Err(e) = fs::rename(&tmp, path) {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    sync_dir(path.parent().unwrap_or(Path::new(".")));
    Ok(())
}

/// Write `bytes` to `path` only if no file is there: the check and the
/// creation are one step (no other writer can slip in between), and the
/// content appears whole or not at all. Fails with
/// [`io::ErrorKind::AlreadyExists`] when `path` exists.
pub fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_new_with(path, |w| w.write_all(bytes))
}

/// [`write_new`] with the content streamed from `fill`.
pub fn write_new_with(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    if path.exists() {
        return Err(io::Error::from(io::ErrorKind::AlreadyExists));
    }
    let tmp = write_temp_with(path, fill)?;
    // A hard link fails if the target exists, atomically.
    let linked = fs::hard_link(&tmp, path);
    match linked {
        Ok(()) => {
            let _ = fs::remove_file(&tmp);
            sync_dir(path.parent().unwrap_or(Path::new(".")));
            Ok(())
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            let _ = fs::remove_file(&tmp);
            Err(e)
        }
        Err(_) => {
            // The file system has no hard links: create the file exclusively
            // and copy the temporary file into it (not atomic, but never
            // overwrites).
            let copied = (|| {
                let mut f = OpenOptions::new().write(true).create_new(true).open(path)?;
                io::copy(&mut File::open(&tmp)?, &mut f)?;
                f.sync_all()
            })();
            let _ = fs::remove_file(&tmp);
            copied
        }
    }
}

/// Temporary files left beside `path` by interrupted writes.
pub fn stray_temps(path: &Path) -> Vec<PathBuf> {
    let prefix = temp_prefix(path);
    let dir = path.parent().unwrap_or(Path::new("."));
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(&prefix))
        .map(|e| e.path())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pins::testdir::TempDir;

    #[test]
    fn replaces_whole_and_leaves_no_temp() {
        let d = TempDir::new("atomic");
        let p = d.path().join("f.json");
        write_atomic(&p, b"one").unwrap();
        write_atomic(&p, b"two, longer").unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"two, longer");
        assert!(stray_temps(&p).is_empty());
        let names: Vec<_> = fs::read_dir(d.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }

    #[test]
    fn write_new_never_overwrites() {
        let d = TempDir::new("new");
        let p = d.path().join("brief.md");
        write_new(&p, b"first").unwrap();
        let e = write_new(&p, b"second").unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read(&p).unwrap(), b"first");
        assert!(stray_temps(&p).is_empty());
    }

    #[test]
    fn strays_are_found() {
        let d = TempDir::new("stray");
        let p = d.path().join("f.json");
        fs::write(d.path().join(".f.json.tmp-1-0"), b"half").unwrap();
        fs::write(d.path().join(".g.json.tmp-1-0"), b"other").unwrap();
        assert_eq!(stray_temps(&p), vec![d.path().join(".f.json.tmp-1-0")]);
    }
}
