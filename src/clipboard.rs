//! Copying a citation to the user's clipboard with OSC 52, which works over SSH because the
//! local terminal does the copying.

/// The escape sequence that asks the terminal to put `text` on the clipboard. Plain OSC 52
/// even inside tmux: tmux's `set-clipboard` takes it into a paste buffer and passes it on to
/// the outer terminal, while a passthrough-wrapped one is dropped unless `allow-passthrough`
/// is on.
pub fn osc52(text: &str) -> String {
    use base64::Engine as _;
    let data = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    format!("\x1b]52;c;{data}\x07")
}

/// Terminals known not to understand OSC 52, by `TERM`.
pub fn unsupported() -> Option<&'static str> {
    unsupported_by(std::env::var("TERM").ok().as_deref())
}

fn unsupported_by(term: Option<&str>) -> Option<&'static str> {
    match term {
        Some("dumb") | Some("linux") | Some("") | None => {
            Some("this terminal cannot take clipboard data (OSC 52)")
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_is_plain_base64_of_the_text() {
        assert_eq!(osc52("foobar"), "\x1b]52;c;Zm9vYmFy\x07");
        assert_eq!(osc52("“é”"), "\x1b]52;c;4oCcw6nigJ0=\x07");
    }

    #[test]
    fn the_linux_console_and_dumb_terminals_are_told_apart() {
        for term in [None, Some(""), Some("dumb"), Some("linux")] {
            assert_eq!(
                unsupported_by(term),
                Some("this terminal cannot take clipboard data (OSC 52)"),
                "{term:?}"
            );
        }
        for term in ["xterm-256color", "tmux-256color", "screen", "alacritty"] {
            assert_eq!(unsupported_by(Some(term)), None, "{term}");
        }
    }
}
