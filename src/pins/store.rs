//! [`PinStore`]: the pins of one corpus, as the reader uses them. Every
//! change is written at once (atomically, merged with what another window
//! wrote meanwhile), so nothing the user did is lost by a crash.
//!
//! Two windows on one corpus: each write takes a lock (`.<file>.lock`,
//! held for the milliseconds of one read-merge-write) and, under it, reads
//! the file again and merges it with this window's pins ([`super::merge`]).
//! The lock alone would make two writes take turns but the second would
//! still overwrite the first's pins; the merge alone would leave a small
//! window between one writer's read and its rename. Together, no pin is
//! lost; where locks are not supported (some network file systems) the
//! merge still catches every change but the rarest races.

use super::anchor::{self, Resolved};
use super::atomic;
use super::file::{self, PinsFile, ReadError};
use super::merge::merge;
use super::model::{Anchor, Pin};
use crate::corpus::Document;
use crate::index::Index;
use serde_json::Value;
use std::collections::BTreeMap;
use std::fs::{self, File, OpenOptions};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long a write waits for another window's write to finish.
const LOCK_WAIT: Duration = Duration::from_secs(3);

/// A change that could not be saved. The change itself is kept in memory
/// (and saved with the next change that succeeds) unless the store is read
/// only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PinError(pub String);

impl std::fmt::Display for PinError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for PinError {}

/// A deleted pin, for undo: the pin and the id of the pin it followed.
#[derive(Debug, Clone)]
struct Removed {
    pin: Pin,
    after: Option<String>,
}

#[derive(Debug, Clone)]
pub struct PinStore {
    /// The pins file; `None` keeps pins in memory only.
    path: Option<PathBuf>,
    corpus: Vec<String>,
    pins: Vec<Pin>,
    /// The file's pins as this window last read or wrote them.
    base: Vec<Pin>,
    /// Top-level fields of the file this version does not know.
    extra: BTreeMap<String, Value>,
    undo: Vec<Removed>,
    /// Why changes are refused (a file written by a newer crossread).
    read_only: Option<String>,
    /// Changes not yet written.
    dirty: bool,
    /// Messages for the user (a corrupt file moved aside, …), taken by
    /// [`PinStore::take_notices`].
    notices: Vec<String>,
}

/// Where the pins of a corpus opened from `inputs` are kept under
/// `data_dir` (see [`super::pins_file`]).
pub fn file_for(data_dir: &Path, inputs: &[PathBuf]) -> PathBuf {
    super::pins_file(data_dir, &super::corpus_key(inputs))
}

/// The pins saved for the corpus opened from `inputs`, read only (for the
/// export): nothing is written or moved. No file: no pins.
pub fn read_pins(data_dir: &Path, inputs: &[PathBuf]) -> Result<(PathBuf, Vec<Pin>), String> {
    let path = file_for(data_dir, inputs);
    match file::read(&path) {
        Ok(f) => Ok((path, f.pins)),
        Err(ReadError::Missing) => Ok((path, Vec::new())),
        Err(ReadError::Newer(_, f)) => Ok((path, f.pins)),
        Err(e) => Err(format!("{}: {e}", path.display())),
    }
}

impl PinStore {
    /// The pins of the corpus opened from `inputs`, kept in the user's data
    /// folder ([`super::data_dir`]); in memory only, with a notice, when
    /// there is none.
    pub fn open(inputs: &[PathBuf]) -> PinStore {
        match super::data_dir() {
            Some(d) => PinStore::open_in(&d, inputs),
            None => {
                let mut s = PinStore::in_memory();
                s.notices.push(
                    "pins are not saved: no data folder ($XDG_DATA_HOME and $HOME are unset)"
                        .into(),
                );
                s
            }
        }
    }

    /// The pins of the corpus opened from `inputs`, kept under `data_dir`.
    pub fn open_in(data_dir: &Path, inputs: &[PathBuf]) -> PinStore {
        let corpus = super::corpus_key(inputs);
        let path = super::pins_file(data_dir, &corpus);
        PinStore::open_file(path, corpus)
    }

    /// The pins kept in the file `path`, for the corpus `corpus`.
    pub fn open_file(path: PathBuf, corpus: Vec<String>) -> PinStore {
        let mut s = PinStore {
            path: Some(path.clone()),
            corpus,
            ..PinStore::in_memory()
        };
        match file::read(&path) {
            Ok(f) => s.take_file(f),
            Err(ReadError::Missing) => {}
            Err(ReadError::Corrupt(why)) => s.set_aside(&why),
            Err(ReadError::Newer(v, f)) => {
                s.take_file(*f);
                s.read_only = Some(format!(
                    "pins file {} was written by a newer crossread (format {v}); pins are shown but not changed",
                    path.display()
                ));
                s.notices.extend(s.read_only.clone());
            }
            Err(ReadError::Io(e)) => s.notices.push(format!(
                "cannot read pins file {}: {e}; new pins are kept for this session and saved once it can be read",
                path.display()
            )),
        }
        s
    }

    /// A store that never touches the disk (tests, or no data folder).
    pub fn in_memory() -> PinStore {
        PinStore {
            path: None,
            corpus: Vec::new(),
            pins: Vec::new(),
            base: Vec::new(),
            extra: BTreeMap::new(),
            undo: Vec::new(),
            read_only: None,
            dirty: false,
            notices: Vec::new(),
        }
    }

    fn take_file(&mut self, f: PinsFile) {
        self.pins = f.pins;
        self.base = self.pins.clone();
        self.extra = f.extra;
    }

    /// Move a corrupt file aside (`<name>.corrupt-<unix time>`), never to be
    /// overwritten; if it cannot be moved, refuse to write.
    fn set_aside(&mut self, why: &str) {
        let Some(path) = self.path.clone() else {
            return;
        };
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut aside = path.with_file_name(format!("{name}.corrupt-{secs}"));
        let mut n = 2;
        while aside.exists() {
            aside = path.with_file_name(format!("{name}.corrupt-{secs}-{n}"));
            n += 1;
        }
        match fs::rename(&path, &aside) {
            Ok(()) => self.notices.push(format!(
                "pins file {} is not valid ({why}); it was moved to {} and pins start afresh",
                path.display(),
                aside.display()
            )),
            Err(e) => {
                let msg = format!(
                    "pins file {} is not valid ({why}) and cannot be moved aside ({e}); pins will not be saved",
                    path.display()
                );
                self.read_only = Some(msg.clone());
                self.notices.push(msg);
            }
        }
    }

    /// The pins file (none for a store kept in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The pins, in the user's order.
    pub fn pins(&self) -> &[Pin] {
        &self.pins
    }

    pub fn get(&self, id: &str) -> Option<&Pin> {
        self.pins.iter().find(|p| p.id == id)
    }

    /// Where pin `id` is in the list.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.pins.iter().position(|p| p.id == id)
    }

    /// Why changes are refused, if they are.
    pub fn read_only(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    /// Whether changes wait to be written (the last write failed).
    pub fn has_unsaved(&self) -> bool {
        self.dirty
    }

    /// Messages for the user since the last call: a corrupt file moved
    /// aside, a file that cannot be read, no data folder.
    pub fn take_notices(&mut self) -> Vec<String> {
        std::mem::take(&mut self.notices)
    }

    fn writable(&self) -> Result<(), PinError> {
        match &self.read_only {
            Some(why) => Err(PinError(why.clone())),
            None => Ok(()),
        }
    }

    fn index_of(&self, id: &str) -> Result<usize, PinError> {
        self.position(id)
            .ok_or_else(|| PinError(format!("no pin {id}")))
    }

    /// Add a pin at the end of the list and save.
    pub fn add(&mut self, pin: Pin) -> Result<(), PinError> {
        self.writable()?;
        self.pins.push(pin);
        self.changed()
    }

    /// Replace the note of pin `id` (kept to one line) and save.
    pub fn set_note(&mut self, id: &str, note: &str) -> Result<(), PinError> {
        self.writable()?;
        let i = self.index_of(id)?;
        self.pins[i].set_note(note);
        self.changed()
    }

    /// Move pin `id` to position `to` (clamped to the list) and save.
    pub fn move_to(&mut self, id: &str, to: usize) -> Result<(), PinError> {
        self.writable()?;
        let i = self.index_of(id)?;
        let to = to.min(self.pins.len() - 1);
        if i == to {
            return Ok(());
        }
        let p = self.pins.remove(i);
        self.pins.insert(to, p);
        self.changed()
    }

    /// Move pin `id` up (`delta` < 0) or down and save.
    pub fn shift(&mut self, id: &str, delta: isize) -> Result<(), PinError> {
        let i = self.index_of(id)?;
        self.move_to(id, i.saturating_add_signed(delta))
    }

    /// Delete pin `id` (undo brings it back) and save.
    pub fn remove(&mut self, id: &str) -> Result<(), PinError> {
        self.writable()?;
        let i = self.index_of(id)?;
        let pin = self.pins.remove(i);
        let after = i.checked_sub(1).map(|j| self.pins[j].id.clone());
        self.undo.push(Removed { pin, after });
        self.changed()
    }

    /// Whether a deletion can be undone.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Bring back the pin deleted last, where it was, and save. Returns its
    /// id (`None`: nothing to undo).
    pub fn undo_remove(&mut self) -> Result<Option<String>, PinError> {
        self.writable()?;
        let Some(r) = self.undo.pop() else {
            return Ok(None);
        };
        let at = r
            .after
            .as_deref()
            .and_then(|a| self.position(a))
            .map_or(0, |i| i + 1);
        let id = r.pin.id.clone();
        if self.position(&id).is_none() {
            self.pins.insert(at, r.pin);
        }
        self.changed().map(|()| Some(id))
    }

    /// Find every pin in the corpus as loaded now. Pins whose text moved are
    /// re-anchored to where it is now, pins not found are marked lost (and
    /// kept); when anything changed it is saved (a failure becomes a
    /// notice).
    pub fn reanchor(&mut self, docs: &[Document], index: &Index) -> Vec<Resolved> {
        let resolved = anchor::resolve(&self.pins, docs, index);
        let mut changed = false;
        for (p, r) in self.pins.iter_mut().zip(&resolved) {
            let lost = r.is_lost();
            if p.lost != lost {
                p.lost = lost;
                changed = true;
            }
            if let Some((doc, range)) = r.place() {
                let now = Anchor::of(&docs[doc], range);
                if p.anchor.as_ref() != Some(&now) {
                    p.anchor = Some(now);
                    changed = true;
                }
            }
        }
        if changed
            && self.read_only.is_none()
            && let Err(e) = self.changed()
        {
            self.notices.push(e.0);
        }
        resolved
    }

    fn changed(&mut self) -> Result<(), PinError> {
        self.dirty = true;
        self.sync()
    }

    /// Write the pins (merged with the file as another window may have
    /// changed it), and take in that window's changes. Also what to call to
    /// see another window's pins without changing any.
    pub fn sync(&mut self) -> Result<(), PinError> {
        let Some(path) = self.path.clone() else {
            self.dirty = false;
            return Ok(());
        };
        if self.read_only.is_some() {
            return self.writable();
        }
        let err = |what: &str, e: &dyn std::fmt::Display| {
            PinError(format!("pins not saved: {what} {}: {e}", path.display()))
        };
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(|e| err("cannot create the folder of", &e))?;
        }
        let lock = lock(&path).map_err(|e| err("cannot lock", &e))?;
        let (disk, exists) = match file::read(&path) {
            Ok(f) => {
                self.extra = f.extra;
                (f.pins, true)
            }
            // Never written, or removed by hand: nothing is known deleted.
            Err(ReadError::Missing) => (self.base.clone(), false),
            Err(ReadError::Corrupt(why)) => {
                self.set_aside(&why);
                if self.read_only.is_some() {
                    return self.writable();
                }
                (self.base.clone(), false)
            }
            Err(ReadError::Newer(v, _)) => {
                let msg = format!(
                    "pins file {} was written by a newer crossread (format {v}) meanwhile; pins are no longer saved",
                    path.display()
                );
                self.read_only = Some(msg.clone());
                return Err(PinError(msg));
            }
            Err(ReadError::Io(e)) => return Err(err("cannot read", &e)),
        };
        let merged = merge(&self.base, &self.pins, &disk);
        if merged != disk || (!exists && !merged.is_empty()) {
            let f = PinsFile {
                corpus: self.corpus.clone(),
                pins: merged.clone(),
                extra: self.extra.clone(),
                ..PinsFile::new(Vec::new())
            };
            atomic::write_atomic(&path, file::render(&f).as_bytes())
                .map_err(|e| err("cannot write", &e))?;
        }
        if lock.is_some() {
            // Under the lock no other window is between writing a temporary
            // file and renaming it: what is left is from a crash.
            for t in atomic::stray_temps(&path) {
                let _ = fs::remove_file(t);
            }
        }
        self.base = merged.clone();
        self.pins = merged;
        self.dirty = false;
        Ok(())
    }
}

/// Take the lock of `path`'s store (a file beside it), waiting a little for
/// another window. `None` when the file system cannot lock.
fn lock(path: &Path) -> std::io::Result<Option<File>> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let lock_path = path.with_file_name(format!(".{name}.lock"));
    let f = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)?;
    let started = Instant::now();
    loop {
        match f.try_lock() {
            Ok(()) => return Ok(Some(f)),
            Err(std::fs::TryLockError::WouldBlock) if started.elapsed() < LOCK_WAIT => {
                std::thread::sleep(Duration::from_millis(10));
            }
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::WouldBlock,
                    "another crossread window holds the lock",
                ));
            }
            Err(std::fs::TryLockError::Error(e)) if e.kind() == std::io::ErrorKind::Unsupported => {
                return Ok(None);
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(e),
        }
    }
}
