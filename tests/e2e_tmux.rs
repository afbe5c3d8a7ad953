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
    // One tmux server per start: tests run in parallel and may start the browser twice.
    static STARTS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = STARTS.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let t = Tmux {
        socket: format!("onrecord-e2e-{}-{n}", std::process::id()),
    };
    let bin = env!("CARGO_BIN_EXE_onrecord");
    let script = format!(
        "cd '{}' && export XDG_STATE_HOME=\"$PWD/state\" BROWSER= DISPLAY= WAYLAND_DISPLAY= && '{bin}' --index idx ingest 2>/dev/null; TERM=xterm-256color '{bin}' --index idx; echo ONRECORD_EXIT=$?; sleep 120",
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
    // Wait for the whole overlay: a capture can fall between two writes of one frame.
    t.wait_for("Help — keys");
    let s = t.wait_for("copy a citation");
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

/// Random keys in a real terminal (#17): the browser under tmux, driven for a while by keys
/// of every mode and window resizes, must keep drawing, stay up, use no more memory at the
/// end than a bounded margin over the start, and give the terminal back on `q`.
/// `ONRECORD_PTY_SOAK_SECS` sets the length (20 s by default; 120 for the two minutes).
#[test]
fn random_keys_in_a_real_terminal_for_a_while() {
    if !tmux_available() {
        return;
    }
    let secs: u64 = std::env::var("ONRECORD_PTY_SOAK_SECS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20);
    let seed: u64 = std::env::var("ONRECORD_SOAK_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| std::process::id() as u64);
    let tmp = common::data_copy();
    let t = start(tmp.path(), 100, 30);
    t.wait_for("All statements");
    let pid = t.format("#{pane_pid}");
    let browser = String::from_utf8_lossy(
        &Command::new("pgrep")
            .args(["-P", &pid, "onrecord"])
            .output()
            .unwrap()
            .stdout,
    )
    .trim()
    .to_string();
    let rss = || -> u64 {
        std::fs::read_to_string(format!("/proc/{browser}/status"))
            .ok()
            .and_then(|s| {
                s.lines()
                    .find(|l| l.starts_with("VmRSS:"))
                    .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
            })
            .unwrap_or(0)
    };
    let rss_start = rss();
    assert!(rss_start > 0, "the browser runs (pid {browser})");
    // Every mode's keys, never q or ctrl-c (they end the run).
    let keys = [
        "j", "k", "h", "l", "g", "G", "Tab", "BTab", "Enter", "Escape", "/", "f", "?", "d", "s",
        "t", "v", "c", "y", "n", "N", "J", "K", "PageDown", "PageUp", "Home", "End", "BSpace",
        "Up", "Down", "Left", "Right", "a", "x", "z", "1", "-", "*", "Space", "C-u", "C-w",
    ];
    let mut rng = common::Rng(seed | 1);
    let start = Instant::now();
    let mut sent = 0;
    while start.elapsed() < Duration::from_secs(secs) {
        if rng.below(40) == 0 {
            let (w, h) = (20 + rng.below(180), 5 + rng.below(55));
            t.cmd(&[
                "resize-window",
                "-t",
                "e2e",
                "-x",
                &w.to_string(),
                "-y",
                &h.to_string(),
            ]);
        } else {
            let burst: Vec<&str> = (0..1 + rng.below(8))
                .map(|_| keys[rng.below(keys.len())])
                .collect();
            t.keys(&burst);
            sent += burst.len();
        }
        if rng.below(20) == 0 {
            // A resize clears the pane until the next frame: give it a moment to draw.
            let looked = Instant::now();
            let s = loop {
                let s = t.screen();
                if s.chars().any(|c| !c.is_whitespace())
                    || looked.elapsed() > Duration::from_secs(3)
                {
                    break s;
                }
                std::thread::sleep(Duration::from_millis(50));
            };
            assert!(
                !s.contains("ONRECORD_EXIT="),
                "the browser ended after {sent} keys (seed {seed}):\n{s}"
            );
            assert!(
                s.chars().any(|c| !c.is_whitespace()),
                "a blank screen for 3 s after {sent} keys (seed {seed})"
            );
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let rss_end = rss();
    eprintln!("pty soak: {sent} keys in {secs} s, seed {seed}, RSS {rss_start} -> {rss_end} kB");
    assert!(
        rss_end < rss_start + 200_000,
        "RSS grew from {rss_start} to {rss_end} kB (seed {seed})"
    );
    t.cmd(&["resize-window", "-t", "e2e", "-x", "100", "-y", "30"]);
    for _ in 0..4 {
        t.keys(&["Escape"]);
        std::thread::sleep(Duration::from_millis(50));
    }
    t.literal("q");
    let s = t.wait_for("ONRECORD_EXIT=");
    assert!(s.contains("ONRECORD_EXIT=0"), "seed {seed}: {s}");
    assert_eq!(t.format("#{alternate_on}"), "0", "alternate screen left");
    assert_eq!(t.format("#{cursor_flag}"), "1", "cursor visible again");
}

/// Marks, the `/` history and the last view survive a restart, and `o` hands the article's URL
/// to the configured opener as one argument (shell metacharacters and all), in a real terminal.
#[test]
fn marks_history_and_the_view_survive_a_restart_and_o_opens_the_url() {
    if !tmux_available() {
        return;
    }
    let tmp = common::data_copy();
    let dir = tmp.path();
    let url = "https://example.org/story?id=1&x=$(touch%20pwned);touch%20pwned2'\"`id`";
    std::fs::write(
        dir.join("data").join("zz-url.jsonl"),
        format!(
            "{}\n",
            serde_json::json!({
                "text": "Foreign Minister Sergey Lavrov said the pelican talks were useful and would go on.",
                "url": url,
                "date": "2020-01-02",
                "outlet": "Example"
            })
        ),
    )
    .unwrap();
    let opener = dir.join("opener.sh");
    std::fs::write(
        &opener,
        "#!/bin/sh\nprintf '%s\\n' \"$#\" \"$@\" > opened.tmp && mv opened.tmp opened\n",
    )
    .unwrap();
    std::fs::set_permissions(&opener, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    std::fs::write(
        dir.join("config.toml"),
        format!("[browser]\nopener = ['{}']\n", opener.display()),
    )
    .unwrap();
    // The index is built from data/ by the first start (ingest in `start`).
    {
        let t = start(dir, 120, 40);
        t.wait_for("All statements");
        // The raw output, to see the OSC 8 link tmux itself does not keep.
        let raw = dir.join("raw-output");
        t.cmd(&[
            "pipe-pane",
            "-t",
            "e2e",
            "-o",
            &format!("cat >> '{}'", raw.display()),
        ]);
        t.keys(&["/"]);
        t.literal("pelican");
        t.keys(&["Enter"]);
        t.wait_for("Statements 1/1");
        t.wait_for("URL:");
        let link = format!("\x1b]8;;{url}\x1b\\");
        let deadline = Instant::now() + Duration::from_secs(10);
        let mut seen = Vec::new();
        while Instant::now() < deadline {
            seen = std::fs::read(&raw).unwrap_or_default();
            if seen.windows(link.len()).any(|w| w == link.as_bytes()) {
                break;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        assert!(
            seen.windows(link.len()).any(|w| w == link.as_bytes()),
            "the reader's URL is an OSC 8 link: {}",
            String::from_utf8_lossy(&seen).escape_debug()
        );
        t.keys(&["m"]);
        t.wait_for("marked (1 marked)");
        t.keys(&["o"]);
        t.wait_for("opened with");
        let deadline = Instant::now() + Duration::from_secs(10);
        while !dir.join("opened").exists() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(50));
        }
        let args = std::fs::read_to_string(dir.join("opened")).expect("the opener ran");
        assert_eq!(args, format!("1\n{url}\n"), "one argument, the URL as is");
        assert!(!dir.join("pwned").exists() && !dir.join("pwned2").exists());
        t.keys(&["q"]);
        t.wait_for("ONRECORD_EXIT=0");
    }
    // The state directory is private, and its files too.
    let state = dir.join("state").join("onrecord");
    let mode = |p: &Path| {
        std::os::unix::fs::PermissionsExt::mode(&std::fs::metadata(p).unwrap().permissions())
            & 0o777
    };
    assert_eq!(mode(&state), 0o700);
    assert_eq!(mode(&state.join("history.json")), 0o600);

    // Second run: the same search, the Marked group, the list pane; ↑ in `/` recalls the query.
    let t = start(dir, 121, 40);
    let s = t.wait_for("★ Marked");
    assert!(s.contains("pelican"), "the query is restored:\n{s}");
    let s = t.wait_for("Statements 1/1");
    // The Marked row, the statement's row in the list, and "★ marked" in the reader.
    assert_eq!(
        s.matches('★').count(),
        3,
        "the marked statement is starred:\n{s}"
    );
    t.keys(&["/"]);
    t.keys(&["C-u"]);
    t.wait_for("Statements 1/");
    t.keys(&["Up"]);
    t.wait_for("Statements 1/1");
    t.keys(&["Enter"]);
    // `e` then `m`: the status names the whole path of the file written.
    t.keys(&["e"]);
    t.wait_for("export as:");
    t.keys(&["m"]);
    let s = t.wait_for("exported 1 statement to ");
    let dir_shown = dir.canonicalize().unwrap().display().to_string();
    assert!(s.contains(&dir_shown), "the full path ({dir_shown}):\n{s}");
    let written: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("onrecord-export-")
        })
        .collect();
    assert_eq!(written.len(), 1);
    let md = std::fs::read_to_string(written[0].path()).unwrap();
    assert!(md.contains("pelican"), "{md}");
    t.keys(&["q"]);
    t.wait_for("ONRECORD_EXIT=0");
    drop(t);

    // Third run on a damaged marks file: one warning, a fresh start, the file kept aside.
    let marks = std::fs::read_dir(&state)
        .unwrap()
        .flatten()
        .map(|e| e.path().join("marks.json"))
        .find(|p| p.exists())
        .expect("a marks file");
    std::fs::write(&marks, b"{\"version\": 1, \"marks\": [\"trunc").unwrap();
    let t = start(dir, 122, 40);
    let s = t.wait_for("starting fresh");
    assert!(s.contains("marks.json"), "{s}");
    t.wait_for("Statements 1/1");
    assert!(
        !t.screen().contains("★ Marked"),
        "no marks after the damaged file"
    );
    let mut bad = marks.clone().into_os_string();
    bad.push(".bad");
    assert!(
        std::path::Path::new(&bad).exists(),
        "kept aside as marks.json.bad"
    );
    t.keys(&["q"]);
    t.wait_for("ONRECORD_EXIT=0");
}
