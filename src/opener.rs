//! `o`: an article's URL handed to a browser. Only `http` and `https` URLs, free of control
//! characters and spaces, are opened; the opener is run directly with the URL as one argument,
//! never through a shell, so nothing in a scraped URL can become a command.

use std::process::{Command, Stdio};

/// The URL if it may be opened, else why not (one line).
pub fn check_url(url: &str) -> Result<&str, String> {
    let url = url.trim_matches(' ');
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    match rest {
        None => Err("only http and https links are opened".into()),
        Some("") => Err("the link has no address".into()),
        Some(_) if url.chars().any(|c| c.is_control() || c.is_whitespace()) => {
            Err("the link holds spaces or control characters: not opened".into())
        }
        Some(_) => Ok(url),
    }
}

/// The program and its first arguments: the configured opener, else `$BROWSER` (the first of a
/// `:`-separated list), else the platform's (`open` on macOS, `xdg-open` where there is a
/// display). `None` when there is nothing to open with (over SSH, typically).
pub fn program(configured: &[String], env: impl Fn(&str) -> Option<String>) -> Option<Vec<String>> {
    if !configured.is_empty() {
        return Some(configured.to_vec());
    }
    if let Some(b) = env("BROWSER").filter(|b| !b.trim().is_empty()) {
        let first = b.split(':').next().unwrap_or_default();
        let words: Vec<String> = first.split_whitespace().map(String::from).collect();
        if !words.is_empty() {
            return Some(words);
        }
    }
    if cfg!(target_os = "macos") {
        return Some(vec!["open".into()]);
    }
    let display = ["DISPLAY", "WAYLAND_DISPLAY"]
        .iter()
        .any(|v| env(v).is_some_and(|d| !d.is_empty()));
    display.then(|| vec!["xdg-open".into()])
}

/// Opens `url`; returns the line for the status bar. The opener runs detached from the
/// terminal (no stdin/stdout/stderr) and is waited for on a thread of its own.
pub fn open(url: &str, configured: &[String]) -> String {
    let url = match check_url(url) {
        Ok(u) => u,
        Err(why) => return why,
    };
    let Some(prog) = program(configured, |v| std::env::var(v).ok()) else {
        return "no browser here (no $BROWSER, no display; set [browser] opener): Y copies the URL"
            .into();
    };
    let spawned = Command::new(&prog[0])
        .args(&prog[1..])
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
    match spawned {
        Ok(mut child) => {
            std::thread::spawn(move || child.wait());
            format!("opened with {}", prog[0])
        }
        Err(e) => format!("could not run {}: {e}", prog[0]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https_links_without_control_characters_are_opened() {
        for ok in [
            "https://example.org/a?b=1",
            "HTTP://EXAMPLE.ORG/",
            "https://example.org/$(touch%20x);'\"`",
        ] {
            assert_eq!(check_url(ok), Ok(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "file:///etc/passwd",
            "data:text/html,hi",
            "ftp://example.org/",
            "-–help",
            "--help",
            "https://",
            "https://example.org/\x1b]8;;x\x07",
            "https://example.org/a b",
            "https://example.org/\u{85}",
            "",
        ] {
            assert!(check_url(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn the_opener_is_the_configured_one_then_browser_then_the_platforms() {
        let none = |_: &str| None;
        assert_eq!(
            program(&["firefox".into(), "--new-tab".into()], none),
            Some(vec!["firefox".to_string(), "--new-tab".to_string()])
        );
        let browser = |v: &str| (v == "BROWSER").then(|| "w3m -o x:lynx".to_string());
        assert_eq!(
            program(&[], browser),
            Some(vec!["w3m".to_string(), "-o".to_string(), "x".to_string()])
        );
        if !cfg!(target_os = "macos") {
            // Over SSH: no display, no $BROWSER: nothing to open with.
            assert_eq!(program(&[], none), None);
            let display = |v: &str| (v == "DISPLAY").then(|| ":0".to_string());
            assert_eq!(program(&[], display), Some(vec!["xdg-open".to_string()]));
        }
    }

    #[test]
    fn the_url_reaches_the_opener_as_one_argument_never_through_a_shell() {
        let dir = std::env::temp_dir().join(format!("onrecord-opener-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let out = dir.join("args");
        let script = dir.join("opener.sh");
        std::fs::write(
            &script,
            format!(
                "#!/bin/sh\nprintf '%s\\n' \"$#\" \"$@\" > '{}.tmp' && mv '{0}.tmp' '{0}'\n",
                out.display()
            ),
        )
        .unwrap();
        std::fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o755))
            .unwrap();
        let url = format!(
            "https://example.org/x?q=$(touch%20{0}/pwned);touch%20{0}/pwned2&'\"`id`",
            dir.display()
        );
        let said = open(&url, &[script.display().to_string()]);
        assert!(said.starts_with("opened with"), "{said}");
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while !out.exists() && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        let args = std::fs::read_to_string(&out).unwrap();
        assert_eq!(args, format!("1\n{url}\n"));
        assert!(!dir.join("pwned").exists() && !dir.join("pwned2").exists());
        // A refused link runs nothing.
        std::fs::remove_file(&out).unwrap();
        let said = open("javascript:alert(1)", &[script.display().to_string()]);
        assert_eq!(said, "only http and https links are opened");
        std::thread::sleep(std::time::Duration::from_millis(200));
        assert!(!out.exists());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
