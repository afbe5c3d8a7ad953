//! The user-editable files on arbitrary text: `config.toml`, `officials.toml`,
//! `speakers.toml`, `cues.toml` and the key bindings. An error is one line naming the file;
//! never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use onrecord::config::Config;
use onrecord::extract::officials::Gazetteer;

fuzz_target!(|data: &[u8]| {
    let Some((&which, body)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(body) else {
        return;
    };
    let one_line = |e: &str| {
        assert!(!e.contains('\n'), "one line: {e:?}");
    };
    match which % 4 {
        0 => match Config::parse(text, "config.toml") {
            Ok(c) => {
                for w in &c.warnings {
                    one_line(w);
                }
                if let Err(e) = onrecord::keymap::Keymap::with_overrides(&c.keys) {
                    one_line(&e);
                }
            }
            Err(e) => one_line(&e.0),
        },
        1 => {
            if let Err(e) = Gazetteer::parse(text, "officials.toml") {
                one_line(&e);
            }
        }
        2 => {
            let mut g = Gazetteer::parse("", "empty").expect("an empty gazetteer");
            if let Err(e) = g.add_speakers(text, "speakers.toml") {
                one_line(&e);
            }
        }
        _ => {
            let mut g = Gazetteer::parse("", "empty").expect("an empty gazetteer");
            if let Err(e) = g.add_cues(text, "cues.toml") {
                one_line(&e);
            }
        }
    }
});
