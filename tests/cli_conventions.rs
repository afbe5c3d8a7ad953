//! What a Rust command-line tool is expected to do: completions and a man page on demand,
//! `--color` with NO_COLOR / CLICOLOR_FORCE / TERM=dumb, `-q`, and the configuration found at
//! `--config`, else `./config.toml`, else `$XDG_CONFIG_HOME/onrecord/config.toml`.

mod common;

use std::process::Command;

fn onrecord(dir: &std::path::Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_onrecord"));
    c.current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("XDG_CONFIG_HOME")
        .env("HOME", dir.join("home"))
        .env("XDG_STATE_HOME", dir.join("state"));
    c
}

fn ok(c: &mut Command) -> (String, String) {
    let o = c.output().unwrap();
    let (out, err) = (common::stdout(&o), common::stderr(&o));
    assert!(o.status.success(), "{out}\n{err}");
    (out, err)
}

#[test]
fn completions_for_each_shell_and_a_man_page() {
    let d = tempfile::tempdir().unwrap();
    let (bash, _) = ok(onrecord(d.path()).args(["completions", "bash"]));
    assert!(
        bash.contains("_onrecord()") && bash.contains("complete -F _onrecord"),
        "{bash}"
    );
    for sub in ["ingest", "search", "export", "verify", "completions", "man"] {
        assert!(bash.contains(sub), "bash completes {sub}");
    }
    assert!(bash.contains("--official") && bash.contains("--color"));
    let (zsh, _) = ok(onrecord(d.path()).args(["completions", "zsh"]));
    assert!(zsh.starts_with("#compdef onrecord"), "{zsh}");
    let (fish, _) = ok(onrecord(d.path()).args(["completions", "fish"]));
    assert!(fish.contains("complete -c onrecord"), "{fish}");
    let o = onrecord(d.path())
        .args(["completions", "tcsh"])
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(2),
        "an unknown shell is a usage error"
    );

    let (man, _) = ok(onrecord(d.path()).arg("man"));
    assert!(
        man.starts_with(".ie") || man.contains(".TH onrecord 1"),
        "{man}"
    );
    assert!(man.contains(".TH onrecord 1"));
    for s in ["ingest", "search", "verify", "\\-\\-color", "\\-\\-quiet"] {
        assert!(man.contains(s), "the man page mentions {s}");
    }
    let (_, err) = ok(onrecord(d.path()).args(["man", "--dir", "."]));
    assert!(err.contains("onrecord.1"), "{err}");
    assert_eq!(
        std::fs::read_to_string(d.path().join("onrecord.1")).unwrap(),
        man
    );
}

#[test]
fn color_auto_always_never_and_the_environment() {
    let d = common::data_copy();
    let dir = d.path();
    ok(onrecord(dir).args(["--index", "idx", "-q", "ingest"]));
    let search = |args: &[&str], env: &[(&str, &str)]| -> bool {
        let mut c = onrecord(dir);
        c.args(["--index", "idx"])
            .args(args)
            .args(["search", "Lavrov"]);
        for (k, v) in env {
            c.env(k, v);
        }
        let (out, _) = ok(&mut c);
        assert!(!out.is_empty());
        out.contains('\u{1b}')
    };
    // Output to a pipe: no colour unless asked for.
    assert!(!search(&[], &[]));
    assert!(search(&["--color", "always"], &[]));
    assert!(
        search(&["--color", "always"], &[("NO_COLOR", "1")]),
        "asked for in so many words"
    );
    assert!(search(&[], &[("CLICOLOR_FORCE", "1")]));
    assert!(!search(&[], &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]));
    assert!(!search(&["--color", "never"], &[("CLICOLOR_FORCE", "1")]));
    // JSON is never coloured.
    let (json, _) = ok(onrecord(dir).args([
        "--index", "idx", "--color", "always", "search", "Lavrov", "--json",
    ]));
    assert!(!json.contains('\u{1b}'));
}

#[test]
fn quiet_keeps_problems_and_drops_the_progress_and_summary() {
    let d = common::data_copy();
    let dir = d.path();
    let (_, err) = ok(onrecord(dir).args(["--index", "a", "ingest"]));
    assert!(err.contains("statements"), "the summary line: {err}");
    let (_, err) = ok(onrecord(dir).args(["--index", "b", "--quiet", "ingest"]));
    assert_eq!(err, "", "nothing but problems");
    let (out, err) = ok(onrecord(dir).args(["--index", "b", "search", "--limit", "1"]));
    assert!(
        err.contains("(use --limit for more)") && !out.is_empty(),
        "{err}"
    );
    let (_, err) = ok(onrecord(dir).args(["--index", "b", "-q", "search", "--limit", "1"]));
    assert_eq!(err, "", "no summary line under -q");
    std::fs::write(dir.join("data").join("empty.txt"), "").unwrap();
    let o = onrecord(dir)
        .args(["--index", "b", "-q", "ingest"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = common::stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("empty.txt") && err.contains("empty file"),
        "{err}"
    );
}

#[test]
fn the_config_is_found_here_else_under_xdg_config_home_and_a_named_one_must_exist() {
    let d = common::data_copy();
    let dir = d.path();
    let topic = |name: &str| format!("[[topic]]\nid = \"{name}\"\nkeywords = {{ lavrov = 3.0 }}\n");
    let xdg = dir.join("xdg");
    std::fs::create_dir_all(xdg.join("onrecord")).unwrap();
    std::fs::write(xdg.join("onrecord").join("config.toml"), topic("from-xdg")).unwrap();
    let topics = |extra: &[&str]| {
        let mut c = onrecord(dir);
        c.env("XDG_CONFIG_HOME", &xdg)
            .args(extra)
            .args(["--index", "idx", "-q", "extract", "data", "--json"]);
        ok(&mut c).0
    };
    assert!(
        topics(&[]).contains("\"from-xdg\""),
        "XDG_CONFIG_HOME's config is used"
    );
    std::fs::write(dir.join("config.toml"), topic("from-here")).unwrap();
    let here = topics(&[]);
    assert!(
        here.contains("\"from-here\"") && !here.contains("\"from-xdg\""),
        "./config.toml first"
    );
    std::fs::write(dir.join("named.toml"), topic("from-named")).unwrap();
    assert!(topics(&["--config", "named.toml"]).contains("\"from-named\""));
    let o = onrecord(dir)
        .args(["--config", "nmaed.toml", "--index", "idx", "topics"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        common::stderr(&o).trim(),
        "onrecord: nmaed.toml: no such configuration file"
    );
}

/// `--help` lists the browser's keys: every action's default binding is on it.
#[test]
fn help_lists_every_key_of_the_browser() {
    let d = tempfile::tempdir().unwrap();
    let (help, _) = ok(onrecord(d.path()).arg("--help"));
    let keys = help
        .split("Keys in the browser")
        .nth(1)
        .expect("a keys section");
    let tokens: Vec<&str> = keys
        .split(|c: char| c.is_whitespace() || c == '/' || c == '·')
        .filter(|t| !t.is_empty())
        .collect();
    let map = onrecord::keymap::Keymap::default();
    for a in onrecord::action::Action::ALL {
        let labels = map.keys_for(a);
        assert!(
            labels.iter().any(|l| {
                let l = l.replace(' ', "");
                tokens.contains(&l.as_str()) || keys.contains(&format!(" {l} "))
            }),
            "{} ({labels:?}) is not in --help:\n{keys}",
            a.name()
        );
    }
}
