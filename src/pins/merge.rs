//! The three-way merge that lets two crossread windows share one pins file.
//!
//! Each window remembers the file as it last read or wrote it (`base`).
//! Before writing, it reads the file again (`disk`) and merges it with what
//! it holds (`local`), pin by pin, by id:
//!
//! - a pin only one side added is kept;
//! - a pin one side deleted is dropped, unless the other side changed it
//!   after the deletion's base (an edited note is never thrown away);
//! - a pin both sides have takes the version changed last (`updated`;
//!   a tie keeps this window's, which holds the freshest anchoring);
//! - the order is this window's when it reordered pins since `base`,
//!   otherwise the file's; pins only the other side has are placed after
//!   the pin they followed there.

use super::model::{Pin, stamp_millis};
use std::collections::{HashMap, HashSet};

fn newer(a: &Pin, b: &Pin) -> bool {
    stamp_millis(&a.updated) > stamp_millis(&b.updated)
}

/// Does `list` order the ids of `common` differently from `base`?
fn reordered(base: &[Pin], list: &[Pin]) -> bool {
    let in_list: HashSet<&str> = list.iter().map(|p| p.id.as_str()).collect();
    let in_base: HashSet<&str> = base.iter().map(|p| p.id.as_str()).collect();
    let a = base
        .iter()
        .map(|p| p.id.as_str())
        .filter(|id| in_list.contains(id));
    let b = list
        .iter()
        .map(|p| p.id.as_str())
        .filter(|id| in_base.contains(id));
    !a.eq(b)
}

pub fn merge(base: &[Pin], local: &[Pin], disk: &[Pin]) -> Vec<Pin> {
    let by_id = |l: &[Pin]| -> HashMap<String, Pin> {
        l.iter().map(|p| (p.id.clone(), p.clone())).collect()
    };
    let (b, l, d) = (by_id(base), by_id(local), by_id(disk));
    let mut kept: HashMap<String, Pin> = HashMap::new();
    for p in local {
        let chosen = match (d.get(&p.id), b.get(&p.id)) {
            (Some(q), _) => Some(if newer(q, p) { q } else { p }),
            // Deleted in the file by another window: keep only when changed
            // here since.
            (None, Some(old)) => newer(p, old).then_some(p),
            (None, None) => Some(p),
        };
        if let Some(c) = chosen {
            kept.insert(p.id.clone(), c.clone());
        }
    }
    for q in disk {
        if l.contains_key(&q.id) {
            continue;
        }
        let keep = match b.get(&q.id) {
            // Deleted here: drop, unless the other window changed it since.
            Some(old) => newer(q, old),
            None => true,
        };
        if keep {
            kept.insert(q.id.clone(), q.clone());
        }
    }
    let (primary, secondary) = if reordered(base, local) {
        (local, disk)
    } else {
        (disk, local)
    };
    let mut order: Vec<String> = primary
        .iter()
        .filter(|p| kept.contains_key(&p.id))
        .map(|p| p.id.clone())
        .collect();
    let mut placed: HashSet<String> = order.iter().cloned().collect();
    let in_secondary: HashSet<&str> = secondary.iter().map(|p| p.id.as_str()).collect();
    let mut prev: Option<&str> = None;
    for p in secondary {
        if kept.contains_key(&p.id) && !placed.contains(&p.id) {
            let mut at = prev
                .and_then(|id| order.iter().position(|x| x == id))
                .map_or(0, |i| i + 1);
            // After the other side's own additions at that place, so that two
            // windows appending keep both appends at the end.
            while at < order.len()
                && !b.contains_key(&order[at])
                && !in_secondary.contains(order[at].as_str())
            {
                at += 1;
            }
            order.insert(at, p.id.clone());
            placed.insert(p.id.clone());
        }
        if placed.contains(&p.id) {
            prev = Some(&p.id);
        }
    }
    order
        .into_iter()
        .filter_map(|id| kept.remove(&id))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pins::model::{PinKind, stamp_of};
    use std::collections::BTreeMap;

    fn pin(id: &str, t: i64, note: &str) -> Pin {
        Pin {
            id: id.into(),
            kind: PinKind::Claim,
            note: note.into(),
            entity: None,
            aliases: vec![],
            query: None,
            date: None,
            anchor: None,
            lost: false,
            created: stamp_of(0),
            updated: stamp_of(t),
            extra: BTreeMap::new(),
        }
    }

    fn ids(l: &[Pin]) -> Vec<&str> {
        l.iter().map(|p| p.id.as_str()).collect()
    }

    #[test]
    fn additions_on_both_sides_are_kept() {
        let base = vec![pin("a", 1, "")];
        let local = vec![pin("a", 1, ""), pin("l", 2, "")];
        let disk = vec![pin("a", 1, ""), pin("d", 2, "")];
        assert_eq!(ids(&merge(&base, &local, &disk)), ["a", "d", "l"]);
    }

    #[test]
    fn deletions_win_over_untouched_pins() {
        let base = vec![pin("a", 1, ""), pin("b", 1, ""), pin("c", 1, "")];
        // Here b was deleted; there c was.
        let local = vec![pin("a", 1, ""), pin("c", 1, "")];
        let disk = vec![pin("a", 1, ""), pin("b", 1, "")];
        assert_eq!(ids(&merge(&base, &local, &disk)), ["a"]);
    }

    #[test]
    fn an_edited_pin_survives_a_deletion_elsewhere() {
        let base = vec![pin("a", 1, ""), pin("b", 1, "")];
        let local = vec![pin("a", 1, ""), pin("b", 5, "keep me")];
        let disk = vec![pin("a", 1, "")];
        let m = merge(&base, &local, &disk);
        assert_eq!(ids(&m), ["a", "b"]);
        assert_eq!(m[1].note, "keep me");
        // And the other way round.
        let local = vec![pin("a", 1, "")];
        let disk = vec![pin("a", 1, ""), pin("b", 5, "theirs")];
        assert_eq!(ids(&merge(&base, &local, &disk)), ["a", "b"]);
    }

    #[test]
    fn the_later_edit_wins() {
        let base = vec![pin("a", 1, "")];
        let m = merge(&base, &[pin("a", 3, "mine")], &[pin("a", 2, "theirs")]);
        assert_eq!(m[0].note, "mine");
        let m = merge(&base, &[pin("a", 2, "mine")], &[pin("a", 3, "theirs")]);
        assert_eq!(m[0].note, "theirs");
    }

    #[test]
    fn order_follows_who_reordered() {
        let base = vec![pin("a", 1, ""), pin("b", 1, ""), pin("c", 1, "")];
        // The other window reordered; this one added x after c.
        let local = vec![
            pin("a", 1, ""),
            pin("b", 1, ""),
            pin("c", 1, ""),
            pin("x", 2, ""),
        ];
        let disk = vec![pin("c", 1, ""), pin("a", 1, ""), pin("b", 1, "")];
        assert_eq!(ids(&merge(&base, &local, &disk)), ["c", "x", "a", "b"]);
        // This window reordered; the other added y after a.
        let local = vec![pin("b", 1, ""), pin("a", 1, ""), pin("c", 1, "")];
        let disk = vec![
            pin("a", 1, ""),
            pin("y", 2, ""),
            pin("b", 1, ""),
            pin("c", 1, ""),
        ];
        assert_eq!(ids(&merge(&base, &local, &disk)), ["b", "a", "y", "c"]);
    }

    #[test]
    fn nothing_changed_is_a_fixed_point() {
        let l = vec![pin("a", 1, "n"), pin("b", 2, "")];
        assert_eq!(merge(&l, &l, &l), l);
        assert_eq!(merge(&[], &l, &[]), l);
        assert_eq!(merge(&[], &[], &l), l);
    }
}
