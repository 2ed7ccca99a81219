//! Tests of the pins store on disk: round trip, re-anchoring, lost pins,
//! a corrupt file, an interrupted write and two writers.

use super::testdir::TempDir;
use super::*;
use crate::corpus::{self, Document};
use crate::index::Index;
use std::fs;
use std::path::PathBuf;

const A: &str = "Harbour reopens\nMarch 1, 2021\n\nThe quay reopened on Monday after repairs. \
Mayor Ines Duarte said the repairs cost 3 million euros.\n\n\
Ferries resume on March 3, 2021, the port said.\n";
const B: &str = "Port news\n\nMayor Ines Duarte said the quay reopened on Monday. \
Ferry crews returned to work.\n";

struct Corpus {
    dir: TempDir,
    docs: Vec<Document>,
    index: Index,
}

impl Corpus {
    fn new(tag: &str, files: &[(&str, &str)]) -> Corpus {
        let dir = TempDir::new(tag);
        fs::create_dir_all(dir.path().join("news")).unwrap();
        for (name, text) in files {
            fs::write(dir.path().join("news").join(name), text).unwrap();
        }
        let mut c = Corpus {
            dir,
            docs: Vec::new(),
            index: Index::build(&[], &Default::default()),
        };
        c.reload();
        c
    }
    fn reload(&mut self) {
        self.docs = corpus::load_paths(&[self.news()]).documents;
        self.index = Index::build(&self.docs, &Default::default());
    }
    fn news(&self) -> PathBuf {
        self.dir.path().join("news")
    }
    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }
    fn store(&self) -> PinStore {
        PinStore::open_in(&self.data(), &[self.news()])
    }
    fn write(&self, name: &str, text: &str) {
        fs::write(self.news().join(name), text).unwrap();
    }
    fn claim(&self, doc: &str, starts: &str) -> usize {
        self.index
            .claims
            .iter()
            .find(|c| {
                self.docs[c.doc].path.ends_with(doc)
                    && self.docs[c.doc].text[c.range.clone()].starts_with(starts)
            })
            .unwrap_or_else(|| panic!("no claim {starts:?} in {doc}"))
            .id
    }
    fn text_of(&self, r: &Resolved) -> &str {
        let (d, range) = r.place().expect("found");
        &self.docs[d].text[range]
    }
}

#[test]
fn round_trip_through_the_file() {
    let c = Corpus::new("roundtrip", &[("a.txt", A), ("b.txt", B)]);
    let mut s = c.store();
    assert!(s.pins().is_empty());
    assert!(!s.path().unwrap().exists(), "opening writes nothing");
    let claim = c.claim("a.txt", "Mayor Ines Duarte said");
    s.add(Pin::claim(&c.docs, &c.index, claim, "check the\nfigure"))
        .unwrap();
    let e = c
        .index
        .entities
        .iter()
        .find(|e| e.name == "Ines Duarte")
        .unwrap()
        .id;
    s.add(Pin::entity(&c.docs, &c.index, e, None, "")).unwrap();
    let ev = c
        .index
        .events
        .iter()
        .position(|e| e.date.is_some_and(|d| d.iso() == "2021-03-03"))
        .unwrap();
    s.add(Pin::event(&c.docs, &c.index, ev, "")).unwrap();
    let b = &c.docs[1];
    let at = b.text.find("Ferry crews").unwrap();
    s.add(Pin::search_hit(b, at..at + 11, "ferry crews", ""))
        .unwrap();
    assert_eq!(s.pins()[0].note, "check the figure");

    // Another session reads back exactly what was written.
    let again = c.store();
    assert_eq!(again.pins(), s.pins());
    let p = &again.pins()[0];
    let a = p.anchor.as_ref().unwrap();
    assert_eq!(a.path, canonical(&c.news().join("a.txt")).to_string_lossy());
    assert_eq!(&A[a.start..a.end], a.text);
    assert_eq!(again.pins()[1].entity.as_deref(), Some("Ines Duarte"));
    assert_eq!(again.pins()[2].date.as_deref(), Some("2021-03-03"));
    assert_eq!(again.pins()[3].query.as_deref(), Some("ferry crews"));
    let text = fs::read_to_string(s.path().unwrap()).unwrap();
    assert!(text.contains("\"kind\": \"search_hit\""), "{text}");
    assert!(
        text.contains(&format!(
            "\"corpus\": [\n    {:?}",
            canonical(&c.news()).to_string_lossy()
        )),
        "{text}"
    );

    // Each kind is found again.
    let r = resolve(again.pins(), &c.docs, &c.index);
    assert!(matches!(r[0], Resolved::Text { moved: false, .. }), "{r:?}");
    assert_eq!(
        claim_at(&c.index, r[0].place().unwrap().0, &r[0].place().unwrap().1),
        Some(claim)
    );
    assert!(
        matches!(r[1], Resolved::Entity { entity, at: Some(_) } if entity == e),
        "{r:?}"
    );
    assert_eq!(c.text_of(&r[2]), "March 3, 2021");
    assert_eq!(c.text_of(&r[3]), "Ferry crews");
}

#[test]
fn notes_order_delete_and_undo() {
    let c = Corpus::new("edit", &[("a.txt", A), ("b.txt", B)]);
    let mut s = c.store();
    let ids: Vec<String> = c
        .index
        .claims
        .iter()
        .take(3)
        .map(|cl| {
            let p = Pin::claim(&c.docs, &c.index, cl.id, "");
            let id = p.id.clone();
            s.add(p).unwrap();
            id
        })
        .collect();
    assert_eq!(ids.len(), 3);
    s.set_note(&ids[1], "second").unwrap();
    let order = |s: &PinStore| s.pins().iter().map(|p| p.id.clone()).collect::<Vec<_>>();
    s.move_to(&ids[2], 0).unwrap();
    s.shift(&ids[1], -1).unwrap();
    assert_eq!(order(&s), [ids[2].clone(), ids[1].clone(), ids[0].clone()]);
    s.shift(&ids[1], 1).unwrap();
    assert_eq!(order(&s), [ids[2].clone(), ids[0].clone(), ids[1].clone()]);
    s.remove(&ids[0]).unwrap();
    assert_eq!(
        order(&c.store()),
        [ids[2].clone(), ids[1].clone()],
        "deletion saved"
    );
    assert!(s.can_undo());
    assert_eq!(s.undo_remove().unwrap().as_deref(), Some(ids[0].as_str()));
    assert_eq!(
        order(&c.store()),
        [ids[2].clone(), ids[0].clone(), ids[1].clone()],
        "undo saved, in place"
    );
    assert_eq!(c.store().get(&ids[1]).unwrap().note, "second");
    assert_eq!(s.undo_remove().unwrap(), None);
    assert!(s.set_note("nope", "x").is_err());
}

#[test]
fn re_anchored_after_files_change() {
    let mut c = Corpus::new("reanchor", &[("b.txt", B), ("c.txt", A)]);
    let mut s = c.store();
    let claim = c.claim("c.txt", "Ferries resume");
    s.add(Pin::claim(&c.docs, &c.index, claim, "date?"))
        .unwrap();
    let old = s.pins()[0].anchor.clone().unwrap();
    // A file is added before it, and its own file gains a paragraph.
    c.write(
        "a0.txt",
        "Earlier\n\nA storm closed the harbour for a week.\n",
    );
    c.write(
        "c.txt",
        &A.replace(
            "\n\nFerries",
            "\n\nA new paragraph was added here.\n\nFerries",
        ),
    );
    c.reload();
    let mut s = c.store();
    let r = s.reanchor(&c.docs, &c.index);
    assert!(matches!(r[0], Resolved::Text { moved: true, .. }), "{r:?}");
    assert!(
        c.text_of(&r[0])
            .starts_with("Ferries resume on March 3, 2021")
    );
    // The new place is saved, so the next session finds it where it is.
    let saved = c.store().pins()[0].anchor.clone().unwrap();
    assert!(saved.start > old.start);
    assert_eq!(saved.text, old.text);
    let r = resolve(c.store().pins(), &c.docs, &c.index);
    assert!(matches!(r[0], Resolved::Text { moved: false, .. }), "{r:?}");
    assert_eq!(c.store().pins()[0].note, "date?");
}

#[test]
fn lost_pins_are_kept_and_marked() {
    let mut c = Corpus::new("lost", &[("a.txt", A), ("b.txt", B)]);
    let mut s = c.store();
    let claim = c.claim("b.txt", "Mayor Ines Duarte said the quay");
    s.add(Pin::claim(&c.docs, &c.index, claim, "who said?"))
        .unwrap();
    let e = c
        .index
        .entities
        .iter()
        .find(|e| e.name == "Ines Duarte")
        .unwrap()
        .id;
    s.add(Pin::entity(&c.docs, &c.index, e, None, "")).unwrap();
    // The sentence is rewritten and the mayor is gone.
    c.write("b.txt", "Port news\n\nThe crews went back on Tuesday.\n");
    c.write(
        "a.txt",
        "Harbour reopens\n\nThe quay reopened on Monday after repairs.\n",
    );
    c.reload();
    let mut s = c.store();
    let r = s.reanchor(&c.docs, &c.index);
    assert!(r.iter().all(Resolved::is_lost), "{r:?}");
    let saved = c.store();
    assert_eq!(saved.pins().len(), 2, "lost pins are never dropped");
    assert!(saved.pins().iter().all(|p| p.lost));
    assert_eq!(saved.pins()[0].note, "who said?");
    assert!(
        saved.pins()[0]
            .anchor
            .as_ref()
            .unwrap()
            .text
            .starts_with("Mayor Ines Duarte said the quay")
    );
    // The text comes back: the pin is found again and no longer lost.
    c.write("b.txt", B);
    c.reload();
    let r = c.store().reanchor(&c.docs, &c.index);
    assert!(!r[0].is_lost());
    assert!(!c.store().pins()[0].lost);
    // A removed file makes a pin lost too; a renamed one is followed.
    fs::rename(c.news().join("b.txt"), c.news().join("b-renamed.txt")).unwrap();
    c.reload();
    let r = c.store().reanchor(&c.docs, &c.index);
    assert!(matches!(r[0], Resolved::Text { moved: true, .. }), "{r:?}");
    assert!(
        c.store().pins()[0]
            .anchor
            .as_ref()
            .unwrap()
            .path
            .ends_with("b-renamed.txt")
    );
}

#[test]
fn a_corrupt_file_is_moved_aside_never_overwritten() {
    let c = Corpus::new("corrupt", &[("a.txt", A)]);
    let path = c.store().path().unwrap().to_path_buf();
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    let garbage = "{\"format\": \"crossread-pins\", \"version\": 1, \"pins\": [ {\"id\": ";
    fs::write(&path, garbage).unwrap();
    let mut s = c.store();
    let notes = s.take_notices();
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(
        notes[0].contains("not valid") && notes[0].contains("moved to"),
        "{notes:?}"
    );
    assert!(s.pins().is_empty());
    let aside: Vec<PathBuf> = fs::read_dir(path.parent().unwrap())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().contains(".json.corrupt-"))
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(fs::read_to_string(&aside[0]).unwrap(), garbage);
    // New pins go to a fresh file; the corrupt one is untouched.
    s.add(Pin::claim(&c.docs, &c.index, 0, "")).unwrap();
    assert_eq!(c.store().pins().len(), 1);
    assert_eq!(fs::read_to_string(&aside[0]).unwrap(), garbage);
    // A file that turns corrupt while the reader runs is set aside too, and
    // this window's pins are written again.
    fs::write(&path, "not json").unwrap();
    s.set_note(&s.pins()[0].id.clone(), "still here").unwrap();
    assert!(s.take_notices().iter().any(|n| n.contains("moved to")));
    assert_eq!(c.store().pins()[0].note, "still here");
    let asides = fs::read_dir(path.parent().unwrap())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains(".corrupt-"))
        .count();
    assert_eq!(asides, 2);
}

#[test]
fn a_newer_file_is_read_but_not_written() {
    let c = Corpus::new("newer", &[("a.txt", A)]);
    let path = c.store().path().unwrap().to_path_buf();
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    let text = "{\"format\": \"crossread-pins\", \"version\": 9, \"pins\": []}";
    fs::write(&path, text).unwrap();
    let mut s = c.store();
    assert!(s.read_only().is_some());
    assert!(s.add(Pin::claim(&c.docs, &c.index, 0, "")).is_err());
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn an_interrupted_write_leaves_the_old_file() {
    let c = Corpus::new("interrupted", &[("a.txt", A)]);
    let mut s = c.store();
    s.add(Pin::claim(&c.docs, &c.index, 0, "kept")).unwrap();
    let path = s.path().unwrap().to_path_buf();
    let before = fs::read_to_string(&path).unwrap();
    // A crash after the temporary file was half written, before the rename.
    let stray = path.with_file_name(format!(
        ".{}.tmp-99999-0",
        path.file_name().unwrap().to_string_lossy()
    ));
    fs::write(&stray, &before[..before.len() / 2]).unwrap();
    let again = c.store();
    assert_eq!(again.pins().len(), 1, "the stray file is ignored");
    assert_eq!(again.pins()[0].note, "kept");
    assert!(again.take_notices_is_empty());
    // The next write cleans it up.
    s.set_note(&s.pins()[0].id.clone(), "edited").unwrap();
    assert!(!stray.exists());
    assert_eq!(c.store().pins()[0].note, "edited");
}

impl PinStore {
    fn take_notices_is_empty(mut self) -> bool {
        self.take_notices().is_empty()
    }
}

#[test]
fn two_windows_keep_each_others_pins() {
    let c = Corpus::new("two", &[("a.txt", A), ("b.txt", B)]);
    let mut one = c.store();
    let mut two = c.store();
    let p1 = Pin::claim(&c.docs, &c.index, 0, "from one");
    let p2 = Pin::claim(&c.docs, &c.index, 1, "from two");
    let (id1, id2) = (p1.id.clone(), p2.id.clone());
    one.add(p1).unwrap();
    two.add(p2).unwrap();
    // Two saw one's pin when it wrote, and kept it.
    assert_eq!(c.store().pins().len(), 2);
    assert_eq!(two.pins().len(), 2);
    // One deletes its pin, two edits its own note: both changes stay.
    one.remove(&id1).unwrap();
    two.set_note(&id2, "edited in two").unwrap();
    let pins = c.store().pins().to_vec();
    assert_eq!(pins.len(), 1);
    assert_eq!(pins[0].note, "edited in two");
    // One edits a note two deleted meanwhile: the edit is not thrown away.
    one.sync().unwrap();
    assert_eq!(one.pins().len(), 1);
    two.remove(&id2).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(3));
    one.set_note(&id2, "edited in one").unwrap();
    let pins = c.store().pins().to_vec();
    assert_eq!(pins.len(), 1, "{pins:?}");
    assert_eq!(pins[0].note, "edited in one");
    // A third window's pin reaches the others when they next save or sync.
    let mut three = c.store();
    three
        .add(Pin::claim(&c.docs, &c.index, 2, "from three"))
        .unwrap();
    one.sync().unwrap();
    two.sync().unwrap();
    assert_eq!(one.pins().len(), 2, "one sees three's pin");
    assert_eq!(one.pins(), two.pins());
}

#[test]
fn concurrent_writers_lose_nothing() {
    let c = Corpus::new("race", &[("a.txt", A), ("b.txt", B)]);
    let data = c.data();
    let news = c.news();
    let pins: Vec<Pin> = (0..40)
        .map(|i| {
            Pin::claim(
                &c.docs,
                &c.index,
                i % c.index.claims.len(),
                &format!("n{i}"),
            )
        })
        .collect();
    let handles: Vec<_> = pins
        .chunks(10)
        .map(|chunk| {
            let chunk = chunk.to_vec();
            let (data, news) = (data.clone(), news.clone());
            std::thread::spawn(move || {
                let mut s = PinStore::open_in(&data, &[news]);
                for p in chunk {
                    s.add(p).unwrap();
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    let saved = c.store();
    let mut notes: Vec<&str> = saved.pins().iter().map(|p| p.note.as_str()).collect();
    notes.sort_unstable();
    let mut want: Vec<String> = (0..40).map(|i| format!("n{i}")).collect();
    want.sort_unstable();
    assert_eq!(notes, want);
    assert!(atomic::stray_temps(saved.path().unwrap()).is_empty());
}

#[test]
fn in_memory_store_never_writes() {
    let mut s = PinStore::in_memory();
    let c = Corpus::new("memory", &[("a.txt", A)]);
    s.add(Pin::claim(&c.docs, &c.index, 0, "x")).unwrap();
    assert_eq!(s.pins().len(), 1);
    assert!(s.path().is_none());
    assert!(!c.data().exists());
}
