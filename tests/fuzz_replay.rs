//! Replays, on stable, every input the `cargo fuzz` targets (in `fuzz/`) ever
//! found a crash or a slow case with: `tests/fuzz/<target>/<file>`. Each goes
//! through the same entry point as the fuzzer (`crossread::fuzzing`).
//! A new finding is added by copying `fuzz/artifacts/<target>/crash-…` here.

use std::path::Path;

fn replay(target: &str, run: fn(&[u8])) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz")
        .join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return 0;
    };
    let mut n = 0;
    for e in entries.flatten() {
        let data = std::fs::read(e.path()).unwrap();
        run(&data);
        n += 1;
    }
    n
}

#[test]
fn every_recorded_fuzz_input_runs_clean() {
    use crossread::fuzzing as f;
    type Entry = fn(&[u8]);
    let targets: [(&str, Entry); 8] = [
        ("markdown", f::markdown),
        ("loader", f::loader),
        ("sentences", f::sentences),
        ("dates", f::dates),
        ("keys", f::keys),
        ("keymap", f::keymap),
        ("theme", f::theme),
        ("analysis", f::analysis),
    ];
    let total: usize = targets.iter().map(|(t, run)| replay(t, *run)).sum();
    assert!(total > 0, "no recorded inputs under tests/fuzz");
}

/// The hostile shapes that were quadratic before: deeply nested quotes and
/// lists, many code spans, many list items. They must go through the whole
/// analysis (the time is measured by the fuzzer's 1 s limit, not here).
#[test]
fn nested_and_repetitive_markdown_goes_through_the_analysis() {
    let cases = [
        ">".repeat(40_000) + " deep\n",
        "- ".repeat(50_000) + "x\n",
        (0..20_000).map(|i| format!("`c{i}` ")).collect::<String>(),
        (0..20_000)
            .map(|i| format!("- item {i}\n"))
            .collect::<String>(),
    ];
    for c in cases {
        crossread::fuzzing::markdown(c.as_bytes());
        crossread::fuzzing::analysis(c.as_bytes());
    }
}
