//! End-to-end: an alias file that came with the corpus folder is announced
//! in the reader's status bar at start, so nobody else's merges apply
//! unseen (and it is in the load log, `L`).

#[path = "common/tmux.rs"]
#[allow(dead_code)]
mod tmux;
use tmux::Tmux;

#[test]
fn a_corpus_alias_file_is_announced_in_the_status_bar() {
    let d = std::env::temp_dir().join(format!("crossread-e2e-aliases-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(d.join("config")).unwrap();
    std::fs::create_dir_all(d.join("corpus")).unwrap();
    std::fs::write(
        d.join("corpus/a.txt"),
        "Mayor visits port\n\nMayor Ann Lee said on Monday that the port will reopen.\n",
    )
    .unwrap();
    std::fs::write(
        d.join("corpus/aliases.toml"),
        "[merge]\n\"Ann Lee\" = [\"Annie Lee\", \"A. Lee\"]\n",
    )
    .unwrap();
    let cmd = format!(
        "XDG_CONFIG_HOME={} XDG_DATA_HOME={} {} {}",
        d.join("config").display(),
        d.join("data").display(),
        env!("CARGO_BIN_EXE_crossread"),
        d.join("corpus").display()
    );
    let t = Tmux::start("aliases", 120, 30, &cmd);
    let s = t.wait_text("alias file from the corpus folder applies");
    assert!(
        s.lines()
            .any(|l| l
                .contains("alias file from the corpus folder applies (1 merge(s) of 2 name(s)")),
        "{s}"
    );
    // The load log (`!`) names the file too.
    t.keys(&["!"]);
    let s = t.wait_text("aliases.toml");
    assert!(s.contains("alias file in the corpus folder applies"), "{s}");
    t.keys(&["q", "q"]);
    t.wait_text("EXITED:0");
    std::fs::remove_dir_all(&d).ok();
}
