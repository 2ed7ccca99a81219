//! End-to-end: signals and suspend leave the terminal as it was, as less and
//! helix do: raw mode off, main screen, mouse reporting off, conventional
//! exit status.

mod common;
#[path = "common/tmux.rs"]
#[allow(dead_code)]
mod tmux;
use std::process::Command;
use std::time::{Duration, Instant};
use tmux::Tmux;

fn start(name: &str) -> (Tmux, String) {
    let cmd = format!(
        "{} {}",
        env!("CARGO_BIN_EXE_crossread"),
        common::seeds().display()
    );
    let t = Tmux::start(name, 100, 30, &cmd);
    t.wait_text("Documents (5)");
    assert_eq!(t.display("#{alternate_on}"), "1");
    assert_eq!(t.display("#{mouse_any_flag}"), "1", "mouse reporting is on");
    // The reader is the shell's child in the pane.
    let shell = t.display("#{pane_pid}");
    let start = Instant::now();
    let pid = loop {
        let out = Command::new("pgrep")
            .args(["-P", &shell, "crossread"])
            .output()
            .unwrap();
        let pid = String::from_utf8_lossy(&out.stdout).trim().to_string();
        if !pid.is_empty() {
            break pid;
        }
        assert!(start.elapsed() < Duration::from_secs(10), "no reader pid");
        std::thread::sleep(Duration::from_millis(50));
    };
    (t, pid)
}

fn kill(sig: &str, pid: &str) {
    let ok = Command::new("kill")
        .args([&format!("-{sig}"), pid])
        .status()
        .unwrap();
    assert!(ok.success());
}

fn assert_restored(t: &Tmux, status: u32) {
    let s = t.wait_text("EXITED:");
    assert!(s.contains(&format!("EXITED:{status}")), "{s}");
    assert!(
        s.lines().any(|l| l.trim() == "icanon"),
        "terminal left in raw mode: {s}"
    );
    assert_eq!(
        t.display("#{alternate_on}"),
        "0",
        "still on the alternate screen"
    );
    assert_eq!(
        t.display("#{mouse_any_flag}"),
        "0",
        "mouse reporting left on"
    );
}

#[test]
fn ending_signals_restore_the_terminal() {
    for (sig, number) in [("TERM", 15), ("HUP", 1), ("INT", 2), ("QUIT", 3)] {
        let (t, pid) = start(&format!("sig{sig}"));
        kill(sig, &pid);
        assert_restored(&t, 128 + number);
    }
}

#[test]
fn ctrl_z_suspends_to_the_shell_and_fg_comes_back() {
    // An interactive shell with job control, as a user has: there a stopped
    // job is the shell's to continue (a job with no such shell above it
    // cannot be stopped at all).
    let t = Tmux::start("suspend", 100, 30, "bash --norc --noprofile -i");
    t.wait_for("a prompt", |s| s.contains('$') || s.contains('#'));
    t.keys(&[
        &format!(
            "{} {}",
            env!("CARGO_BIN_EXE_crossread"),
            common::seeds().display()
        ),
        "Enter",
    ]);
    t.wait_text("The Next North Korean Summit");
    assert_eq!(t.display("#{alternate_on}"), "1");
    t.keys(&["C-z"]);
    let s = t.wait_text("Stopped");
    assert_eq!(t.display("#{alternate_on}"), "0", "{s}");
    assert_eq!(t.display("#{mouse_any_flag}"), "0");
    t.keys(&["stty -a | tr ' ' '\\n' | grep -x -- '-\\?icanon'", "Enter"]);
    let s = t.wait_for("stty", |s| s.lines().any(|l| l.trim() == "icanon"));
    assert!(!s.contains("-icanon"), "{s}");
    // `fg`: the reader takes the screen again and draws it whole.
    t.keys(&["fg", "Enter"]);
    t.wait_text("The Next North Korean Summit");
    assert_eq!(t.display("#{alternate_on}"), "1");
    assert_eq!(t.display("#{mouse_any_flag}"), "1");
    // Ctrl-c quits, with status 0.
    t.keys(&["C-c"]);
    t.wait_for("the shell", |s| !s.contains("Documents (5)"));
    t.keys(&["echo DONE:$?", "Enter"]);
    let s = t.wait_text("DONE:");
    assert!(s.contains("DONE:0"), "{s}");
    assert_eq!(t.display("#{alternate_on}"), "0");
}
