//! Tests of `words`.

use super::*;

#[test]
fn words_are_runs_of_letters_and_digits() {
    let mut w = Vec::new();
    let t = "Lee's  G7 talks—in Köln, 2019.";
    for_each_word(t, |a, b| w.push(&t[a..b]));
    assert_eq!(w, vec!["Lee", "s", "G7", "talks", "in", "Köln", "2019"]);
    assert_eq!(word_count(t), 7);
}

#[test]
fn plans_split_words_and_separators() {
    let p = Plan::new("north kor", None).unwrap();
    assert_eq!(p.words.len(), 2);
    assert_eq!(p.between, vec![" "]);
    assert_eq!(p.trailing, None);
    let p = Plan::new("lee su-", Some("Lee Su-")).unwrap();
    assert_eq!(p.words[1].1.as_deref(), Some("Su"));
    assert_eq!(p.trailing.as_deref(), Some("-"));
    assert!(Plan::new("$5", None).is_none());
}

#[test]
fn bit_ranges_count() {
    let mut b = Bits::new(200);
    for i in [0, 63, 64, 65, 127, 128, 199] {
        b.set(i);
    }
    let s = b.shifted_down(64);
    assert_eq!(s.count_in(0, 200), 5);
    assert!(s.any_in(0, 1) && s.any_in(1, 2) && s.any_in(63, 64) && !s.any_in(2, 63));
    let s = b.shifted_down(1);
    assert!(s.any_in(62, 63) && s.any_in(198, 199) && !s.any_in(0, 62));
    assert_eq!(b.count_in(0, 200), 7);
    assert_eq!(b.count_in(63, 65), 2);
    assert_eq!(b.count_in(64, 64), 0);
    assert_eq!(b.count_in(1, 63), 0);
    assert_eq!(b.count_in(128, 199), 1);
    assert!(b.any_in(190, 200));
}
