//! The one keymap: key sequences → actions, defaults overridden by `config.toml` `[keys]`.

use std::collections::{BTreeMap, HashMap};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::action::Action;

/// One key press, normalised (shift folded into the character).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    pub fn from_event(e: &KeyEvent) -> Key {
        Key {
            code: e.code,
            ctrl: e.modifiers.contains(KeyModifiers::CONTROL),
            alt: e.modifiers.contains(KeyModifiers::ALT),
        }
    }

    pub fn parse(s: &str) -> Result<Key, String> {
        let mut ctrl = false;
        let mut alt = false;
        let mut rest = s.trim();
        loop {
            let lower = rest.to_ascii_lowercase();
            if let Some(r) = lower
                .strip_prefix("ctrl-")
                .or_else(|| lower.strip_prefix("c-"))
            {
                ctrl = true;
                rest = &rest[rest.len() - r.len()..];
            } else if let Some(r) = lower
                .strip_prefix("alt-")
                .or_else(|| lower.strip_prefix("m-"))
            {
                alt = true;
                rest = &rest[rest.len() - r.len()..];
            } else {
                break;
            }
        }
        let code = match rest.to_ascii_lowercase().as_str() {
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "backtab" | "shift-tab" => KeyCode::BackTab,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "pageup" | "pgup" => KeyCode::PageUp,
            "pagedown" | "pgdn" => KeyCode::PageDown,
            "space" => KeyCode::Char(' '),
            "backspace" => KeyCode::Backspace,
            _ if rest.chars().count() == 1 => KeyCode::Char(rest.chars().next().unwrap_or(' ')),
            _ => return Err(format!("unknown key '{s}'")),
        };
        Ok(Key { code, ctrl, alt })
    }

    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "enter".into(),
            KeyCode::Esc => "esc".into(),
            KeyCode::Tab => "tab".into(),
            KeyCode::BackTab => "shift-tab".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::Home => "home".into(),
            KeyCode::End => "end".into(),
            KeyCode::PageUp => "pgup".into(),
            KeyCode::PageDown => "pgdn".into(),
            KeyCode::Backspace => "backspace".into(),
            other => format!("{other:?}").to_lowercase(),
        };
        match (self.ctrl, self.alt) {
            (true, _) => format!("ctrl-{base}"),
            (_, true) => format!("alt-{base}"),
            _ => base,
        }
    }
}

/// What feeding a key gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Feed {
    Action(Action),
    /// The key starts a chord ("g" of "gg"); wait for the next one.
    Pending,
    Unbound,
}

#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: HashMap<Vec<Key>, Action>,
    pending: Vec<Key>,
}

const DEFAULTS: &[(&str, Action)] = &[
    ("j", Action::Down),
    ("down", Action::Down),
    ("k", Action::Up),
    ("up", Action::Up),
    ("g g", Action::Top),
    ("home", Action::Top),
    ("G", Action::Bottom),
    ("end", Action::Bottom),
    ("ctrl-d", Action::PageDown),
    ("pagedown", Action::PageDown),
    ("ctrl-u", Action::PageUp),
    ("pageup", Action::PageUp),
    ("tab", Action::NextPane),
    ("backtab", Action::PrevPane),
    ("enter", Action::Open),
    ("h", Action::Collapse),
    ("left", Action::Collapse),
    ("l", Action::Expand),
    ("right", Action::Expand),
    ("/", Action::Filter),
    ("f", Action::FilterPane),
    ("esc", Action::Back),
    ("n", Action::NextMatch),
    ("N", Action::PrevMatch),
    ("y", Action::Yank),
    ("e", Action::Export),
    ("s", Action::Sort),
    ("t", Action::Timeline),
    ("d", Action::Dedup),
    ("v", Action::Verify),
    ("c", Action::Compare),
    ("m", Action::Mark),
    ("S", Action::SaveSearch),
    ("o", Action::OpenUrl),
    ("Y", Action::YankUrl),
    ("?", Action::Help),
    ("q", Action::Quit),
    ("ctrl-c", Action::Quit),
];

fn parse_seq(s: &str) -> Result<Vec<Key>, String> {
    let keys: Result<Vec<Key>, String> = s.split_whitespace().map(Key::parse).collect();
    let keys = keys?;
    if keys.is_empty() {
        return Err("empty key".into());
    }
    Ok(keys)
}

impl Default for Keymap {
    fn default() -> Self {
        let mut bindings = HashMap::new();
        for (k, a) in DEFAULTS {
            bindings.insert(parse_seq(k).expect("default keys parse"), *a);
        }
        Keymap {
            bindings,
            pending: Vec::new(),
        }
    }
}

impl Keymap {
    /// Defaults with the user's `[keys]` applied: a listed action loses its default keys and
    /// gets the listed ones. Errors name the action and the key.
    pub fn with_overrides(overrides: &BTreeMap<String, Vec<String>>) -> Result<Keymap, String> {
        let mut map = Keymap::default();
        for (name, keys) in overrides {
            let action = Action::from_name(name)
                .ok_or_else(|| format!("config.toml [keys]: unknown action '{name}'"))?;
            map.bindings.retain(|_, a| *a != action);
            for k in keys {
                let seq = parse_seq(k).map_err(|e| format!("config.toml [keys] {name}: {e}"))?;
                map.bindings.insert(seq, action);
            }
        }
        Ok(map)
    }

    pub fn feed(&mut self, key: Key) -> Feed {
        self.pending.push(key);
        if let Some(a) = self.bindings.get(&self.pending) {
            let a = *a;
            self.pending.clear();
            return Feed::Action(a);
        }
        let prefix = self
            .bindings
            .keys()
            .any(|seq| seq.len() > self.pending.len() && seq.starts_with(&self.pending));
        if prefix {
            return Feed::Pending;
        }
        // Not a chord after all: try the last key alone.
        let last = self.pending.len() > 1;
        self.pending.clear();
        if last { self.feed(key) } else { Feed::Unbound }
    }

    pub fn reset(&mut self) {
        self.pending.clear();
    }

    /// The keys bound to an action, as shown in help and hints.
    pub fn keys_for(&self, action: Action) -> Vec<String> {
        let mut keys: Vec<String> = self
            .bindings
            .iter()
            .filter(|(_, a)| **a == action)
            .map(|(seq, _)| seq.iter().map(Key::label).collect::<Vec<_>>().join(""))
            .collect();
        // Single characters first, then named keys: "j ↓", not "↓ j".
        keys.sort_by_key(|k| (k.chars().count() > 2, k.clone()));
        keys
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(s: &str) -> Key {
        Key::parse(s).unwrap()
    }

    #[test]
    fn chords_and_defaults() {
        let mut m = Keymap::default();
        assert_eq!(m.feed(k("j")), Feed::Action(Action::Down));
        assert_eq!(m.feed(k("g")), Feed::Pending);
        assert_eq!(m.feed(k("g")), Feed::Action(Action::Top));
        assert_eq!(m.feed(k("g")), Feed::Pending);
        assert_eq!(
            m.feed(k("j")),
            Feed::Action(Action::Down),
            "a broken chord falls back to the key"
        );
        assert_eq!(m.feed(k("ctrl-d")), Feed::Action(Action::PageDown));
        assert_eq!(m.feed(k("x")), Feed::Unbound);
    }

    #[test]
    fn overrides_replace_and_errors_name_the_key() {
        let mut o = BTreeMap::new();
        o.insert("down".to_string(), vec!["ctrl-n".to_string()]);
        let mut m = Keymap::with_overrides(&o).unwrap();
        assert_eq!(m.feed(k("ctrl-n")), Feed::Action(Action::Down));
        assert_eq!(m.feed(k("j")), Feed::Unbound);
        assert_eq!(m.keys_for(Action::Down), vec!["ctrl-n"]);
        o.insert("fly".to_string(), vec!["x".to_string()]);
        assert!(
            Keymap::with_overrides(&o)
                .unwrap_err()
                .contains("unknown action 'fly'")
        );
        let mut o = BTreeMap::new();
        o.insert("up".to_string(), vec!["ctrl-nope".to_string()]);
        assert!(
            Keymap::with_overrides(&o)
                .unwrap_err()
                .contains("unknown key")
        );
    }
}
