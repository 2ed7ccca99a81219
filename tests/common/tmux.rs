//! Drive the real binary in a tmux session and read its screen.

use std::process::Command;
use std::time::{Duration, Instant};

pub struct Tmux {
    socket: String,
}

fn tmux_available() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

impl Tmux {
    /// Start `cmd` in a detached session of `w`×`h`. After the program exits
    /// the shell prints its exit code and the terminal mode, then waits.
    pub fn start(name: &str, w: u16, h: u16, cmd: &str) -> Tmux {
        assert!(
            tmux_available(),
            "tmux is needed for the end-to-end tests (.ci/run installs it)"
        );
        let socket = format!("crossread-test-{name}-{}", std::process::id());
        let script = format!(
            "{cmd}; echo EXITED:$?; stty -a | tr ' ' '\\n' | grep -x -- '-\\?icanon'; sleep 60"
        );
        let ok = Command::new("tmux")
            .args([
                "-L",
                &socket,
                "-f",
                "/dev/null",
                "new-session",
                "-d",
                "-x",
                &w.to_string(),
                "-y",
                &h.to_string(),
            ])
            .args(["sh", "-c", &script])
            .env("TERM", "xterm-256color")
            .status()
            .unwrap();
        assert!(ok.success());
        Tmux { socket }
    }

    pub fn socket(&self) -> &str {
        &self.socket
    }

    pub fn keys(&self, keys: &[&str]) {
        for k in keys {
            let ok = Command::new("tmux")
                .args(["-L", &self.socket, "send-keys", "-t", "0", k])
                .status()
                .unwrap();
            assert!(ok.success());
            std::thread::sleep(Duration::from_millis(60));
        }
    }

    pub fn screen(&self) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket, "capture-pane", "-p", "-t", "0"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// The screen with colour escapes, to tell themes apart.
    pub fn screen_styled(&self) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket, "capture-pane", "-p", "-e", "-t", "0"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    pub fn display(&self, fmt: &str) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket, "display-message", "-p", "-t", "0", fmt])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// Wait until the screen satisfies `pred`, or fail showing the screen.
    pub fn wait_for(&self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if pred(&s) {
                return self.settled(s);
            }
            if start.elapsed() > Duration::from_secs(15) {
                panic!("timed out waiting for {what}; screen:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Wait until two captures in a row agree, so a frame being drawn is
    /// not read half-done.
    fn settled(&self, mut last: String) -> String {
        let start = Instant::now();
        loop {
            std::thread::sleep(Duration::from_millis(60));
            let now = self.screen();
            if now == last || start.elapsed() > Duration::from_secs(2) {
                return now;
            }
            last = now;
        }
    }

    pub fn wait_text(&self, needle: &str) -> String {
        self.wait_for(needle, |s| s.contains(needle))
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .status();
    }
}
