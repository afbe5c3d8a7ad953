//! Copying a citation to the user's clipboard with OSC 52, which works over SSH because the
//! local terminal does the copying.

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

pub fn base64(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(B64[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The escape sequence that asks the terminal to put `text` on the clipboard. Inside tmux or
/// screen it is wrapped so the outer terminal receives it.
pub fn osc52(text: &str) -> String {
    let seq = format!("\x1b]52;c;{}\x07", base64(text.as_bytes()));
    if std::env::var_os("TMUX").is_some() {
        format!("\x1bPtmux;\x1b{seq}\x1b\\")
    } else {
        seq
    }
}

/// Terminals known not to understand OSC 52.
pub fn unsupported() -> Option<&'static str> {
    match std::env::var("TERM").as_deref() {
        Ok("dumb") | Ok("linux") | Ok("") | Err(_) => {
            Some("this terminal cannot take clipboard data (OSC 52)")
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc4648() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64("“é”".as_bytes()), "4oCcw6nigJ0=");
    }
}
