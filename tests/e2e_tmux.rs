//! End to end in a real terminal: the binary runs under tmux on a copy of `data/`, keys are
//! sent, the screen is read back with capture-pane, and the terminal must be restored on quit.

mod common;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
}

impl Tmux {
    fn cmd(&self, args: &[&str]) -> std::process::Output {
        Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .expect("tmux runs")
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.cmd(&["capture-pane", "-p", "-t", "e2e"]).stdout).into_owned()
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "e2e"];
        args.extend_from_slice(keys);
        self.cmd(&args);
    }

    fn literal(&self, text: &str) {
        self.cmd(&["send-keys", "-t", "e2e", "-l", text]);
    }

    fn wait_for(&self, what: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if s.contains(what) {
                return s;
            }
            if start.elapsed() > Duration::from_secs(30) {
                panic!("'{what}' never appeared; screen:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn format(&self, f: &str) -> String {
        String::from_utf8_lossy(&self.cmd(&["display-message", "-p", "-t", "e2e", f]).stdout)
            .trim()
            .to_string()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
    }
}

/// Whether tmux is here; a skip says so, and under CI (where `.ci/run` installs tmux) a
/// missing tmux is a failure, not a skip.
fn tmux_available() -> bool {
    let here = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !here {
        assert!(
            std::env::var_os("CI").is_none(),
            "tmux is required in CI (.ci/run installs it)"
        );
        eprintln!("skipped: tmux not installed");
    }
    here
}

fn start(dir: &Path, w: u16, h: u16) -> Tmux {
    let t = Tmux {
        socket: format!("onrecord-e2e-{}-{w}", std::process::id()),
    };
    let bin = env!("CARGO_BIN_EXE_onrecord");
    let script = format!(
        "cd '{}' && '{bin}' --index idx ingest 2>/dev/null; TERM=xterm-256color '{bin}' --index idx; echo ONRECORD_EXIT=$?; sleep 120",
        dir.display()
    );
    let o = t.cmd(&[
        "new-session",
        "-d",
        "-s",
        "e2e",
        "-x",
        &w.to_string(),
        "-y",
        &h.to_string(),
        "sh",
        "-c",
        &script,
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    t
}

#[test]
fn browse_search_help_yank_quit_in_a_real_terminal() {
    if !tmux_available() {
        return;
    }
    let tmp = common::data_copy();
    let t = start(tmp.path(), 120, 40);
    // The pane title comes with the first frame, its rows once the index answers.
    let s = t.wait_for("All statements");
    assert!(s.contains("Officials ("), "{s}");
    assert_eq!(
        t.format("#{alternate_on}"),
        "1",
        "the browser uses the alternate screen"
    );

    t.keys(&["j"]);
    t.keys(&["Enter"]);
    // The official expands at once; its topic counts arrive from the worker a moment later.
    t.wait_for("▾ ");
    let s = t.wait_for("relations");
    // The topic is a row of its own below the expanded official, indented under it and with
    // its count, not the word somewhere else on the screen.
    let rows: Vec<&str> = s.lines().collect();
    let official = rows
        .iter()
        .position(|r| r.contains("▾ "))
        .expect("expanded row");
    let topic = rows
        .iter()
        .position(|r| r.contains("relations"))
        .expect("topic row");
    assert!(topic > official, "topic row below its official: {s}");
    let indent = |r: &str| r.chars().skip(1).take_while(|c| *c == ' ').count();
    assert!(
        indent(rows[topic]) > indent(rows[official]),
        "topic row indented under its official: {s}"
    );
    assert!(
        rows[topic]
            .split("relations")
            .nth(1)
            .is_some_and(|rest| rest.chars().any(|c| c.is_ascii_digit())),
        "topic row carries its count: {s}"
    );

    t.literal("/sanctions");
    let s = t.wait_for("Statements 1/1");
    assert!(s.contains("/ sanctions"), "{s}");
    t.keys(&["Enter"]);
    t.keys(&["Tab"]);
    let s = t.wait_for("counterproductive");
    assert!(s.contains("Source:"), "{s}");

    t.literal("?");
    let s = t.wait_for("Help — keys");
    assert!(s.contains("copy a citation"), "{s}");
    t.keys(&["Escape"]);
    t.wait_for("? help");

    // tmux takes a plain OSC 52 into its paste buffer when set-clipboard is on (as many users
    // have it): the citation must arrive there, not only a message saying so.
    t.cmd(&["set-option", "-g", "set-clipboard", "on"]);
    t.literal("y");
    let s = t.wait_for("citation sent to the terminal's clipboard");
    assert!(!s.contains("cannot take clipboard data"), "{s}");
    let start = Instant::now();
    let buffer = loop {
        let b = String::from_utf8_lossy(&t.cmd(&["show-buffer"]).stdout).into_owned();
        if b.contains("counterproductive") || start.elapsed() > Duration::from_secs(10) {
            break b;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(
        buffer.contains("counterproductive"),
        "the citation never reached tmux's paste buffer: {buffer:?}"
    );

    t.literal("q");
    let s = t.wait_for("ONRECORD_EXIT=");
    assert!(s.contains("ONRECORD_EXIT=0"), "{s}");
    assert!(
        !s.contains("Officials ("),
        "the browser screen is gone: {s}"
    );
    assert_eq!(t.format("#{alternate_on}"), "0", "alternate screen left");
    assert_eq!(t.format("#{cursor_flag}"), "1", "cursor visible again");
}

#[test]
fn sigterm_restores_the_terminal() {
    if !tmux_available() {
        return;
    }
    let tmp = common::data_copy();
    let t = start(tmp.path(), 80, 24);
    t.wait_for("Officials (");
    let pid = t.format("#{pane_pid}");
    // The shell's child is onrecord.
    let o = Command::new("pkill")
        .args(["-TERM", "-P", &pid, "onrecord"])
        .output()
        .unwrap();
    assert!(o.status.success(), "pkill found onrecord");
    let s = t.wait_for("ONRECORD_EXIT=");
    assert!(!s.contains("Officials ("), "{s}");
    assert_eq!(t.format("#{alternate_on}"), "0");
}
