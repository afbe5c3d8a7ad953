//! Colours from `config.toml` `[theme]`; with `NO_COLOR` only bold, underline and reverse.

use std::collections::BTreeMap;

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub accent: Style,
    pub selection: Style,
    pub highlight: Style,
    pub current_match: Style,
    pub muted: Style,
    pub error: Style,
    pub border_focus: Style,
    pub border: Style,
}

fn color(name: &str) -> Option<Color> {
    let n = name.trim().to_lowercase();
    if let Some(hex) = n.strip_prefix('#')
        && hex.len() == 6
    {
        let v = u32::from_str_radix(hex, 16).ok()?;
        return Some(Color::Rgb((v >> 16) as u8, (v >> 8) as u8, v as u8));
    }
    Some(match n.as_str() {
        "black" => Color::Black,
        "red" => Color::Red,
        "green" => Color::Green,
        "yellow" => Color::Yellow,
        "blue" => Color::Blue,
        "magenta" => Color::Magenta,
        "cyan" => Color::Cyan,
        "gray" | "grey" => Color::Gray,
        "darkgray" | "darkgrey" => Color::DarkGray,
        "lightred" => Color::LightRed,
        "lightgreen" => Color::LightGreen,
        "lightyellow" => Color::LightYellow,
        "lightblue" => Color::LightBlue,
        "lightmagenta" => Color::LightMagenta,
        "lightcyan" => Color::LightCyan,
        "white" => Color::White,
        "reset" | "default" => Color::Reset,
        _ => return None,
    })
}

impl Theme {
    /// Monochrome: readable with no colour at all.
    pub fn mono() -> Theme {
        Theme {
            accent: Style::default().add_modifier(Modifier::BOLD),
            selection: Style::default().add_modifier(Modifier::REVERSED),
            highlight: Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            current_match: Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            muted: Style::default(),
            error: Style::default().add_modifier(Modifier::BOLD),
            border_focus: Style::default().add_modifier(Modifier::BOLD),
            border: Style::default(),
        }
    }

    /// From `[theme]`, 16-colour names by default; `no_color` gives `mono()`.
    pub fn from_config(theme: &BTreeMap<String, String>, no_color: bool) -> Theme {
        if no_color {
            return Theme::mono();
        }
        let get = |k: &str, d: Color| theme.get(k).and_then(|v| color(v)).unwrap_or(d);
        let accent = get("accent", Color::Cyan);
        Theme {
            accent: Style::default().fg(accent).add_modifier(Modifier::BOLD),
            selection: Style::default()
                .fg(get("selection_fg", Color::Black))
                .bg(get("selection_bg", Color::Cyan)),
            highlight: Style::default()
                .fg(get("highlight", Color::Yellow))
                .add_modifier(Modifier::BOLD),
            current_match: Style::default()
                .fg(Color::Black)
                .bg(get("highlight", Color::Yellow)),
            muted: Style::default().fg(get("muted", Color::Gray)),
            error: Style::default()
                .fg(get("error", Color::Red))
                .add_modifier(Modifier::BOLD),
            border_focus: Style::default().fg(accent),
            border: Style::default().fg(get("muted", Color::Gray)),
        }
    }
}
