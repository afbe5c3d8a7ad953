//! Text from articles never drives the terminal: control characters, escape sequences, bidi
//! overrides and zero-width characters are removed before anything is drawn or printed.

use crate::extract::text::{skip_csi, skip_escape, skip_string};

/// A copy of `s` safe to write to a terminal: ESC sequences (CSI, OSC, …) dropped whole, other
/// C0/C1 controls and format characters (bidi, zero-width) dropped, tabs and newlines as spaces.
pub fn for_terminal(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => skip_escape(&mut chars),
            '\u{9b}' => skip_csi(&mut chars),
            '\u{9d}' | '\u{90}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            '\t' | '\n' | '\r' => out.push(' '),
            c if c.is_control() => {}
            '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2069}'
            | '\u{FEFF}'
            | '\u{061C}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_sequences() {
        assert_eq!(for_terminal("a\u{1b}[31mred\u{1b}[0m b"), "ared b");
        assert_eq!(for_terminal("x\u{1b}]52;c;aGVsbG8=\u{7}y"), "xy");
        assert_eq!(for_terminal("t\u{1b}]0;title\u{1b}\\u"), "tu");
        assert_eq!(for_terminal("a\u{202E}b\u{200B}c\u{85}d\u{9b}2Je"), "abcde");
    }
}
