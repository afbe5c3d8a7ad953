//! Bytes → text: UTF-8, UTF-16 with BOM, or a detected legacy encoding. Binary is refused.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    Empty,
    Binary,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Empty => write!(f, "empty file (no text)"),
            DecodeError::Binary => write!(f, "binary data, not text"),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Decodes article bytes. Never panics; returns an error for binary or empty input.
pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    decode_with(bytes, None)
}

/// Decodes a web page: as `decode`, but a page that is not UTF-8 is read in the encoding its
/// `<meta charset>` (or `http-equiv` content type) declares in its first 1,024 bytes, as a
/// browser does, before any guess.
pub fn decode_html(bytes: &[u8]) -> Result<String, DecodeError> {
    decode_with(bytes, declared_charset(bytes))
}

fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let label: String = head[at..]
        .trim_start_matches(['"', '\'', ' '])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    encoding_rs::Encoding::for_label(label.as_bytes())
}

fn decode_with(
    bytes: &[u8],
    declared: Option<&'static encoding_rs::Encoding>,
) -> Result<String, DecodeError> {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return finish(text.into_owned());
    }
    if looks_like_utf16(bytes) {
        let enc = if bytes.iter().step_by(2).filter(|&&b| b == 0).count() > bytes.len() / 4 {
            encoding_rs::UTF_16BE
        } else {
            encoding_rs::UTF_16LE
        };
        let (text, _) = enc.decode_without_bom_handling(bytes);
        return finish(text.into_owned());
    }
    if is_binary(bytes) {
        return Err(DecodeError::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => finish(s.to_owned()),
        Err(_) if declared.is_some_and(|e| e != encoding_rs::UTF_8) => {
            let (text, _) = declared
                .unwrap_or(encoding_rs::WINDOWS_1252)
                .decode_without_bom_handling(bytes);
            finish(text.into_owned())
        }
        Err(_) => {
            let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            det.feed(bytes, true);
            let enc = det.guess(None, chardetng::Utf8Detection::Allow);
            let (text, _) = enc.decode_without_bom_handling(bytes);
            finish(text.into_owned())
        }
    }
}

fn finish(text: String) -> Result<String, DecodeError> {
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    let sample: Vec<char> = text.chars().take(4096).collect();
    let bad = sample
        .iter()
        .filter(|&&c| (c.is_control() && !c.is_whitespace()) || c == '\u{FFFD}')
        .count();
    if bad * 10 > sample.len() {
        return Err(DecodeError::Binary);
    }
    Ok(text)
}

/// UTF-16 without a BOM: every other byte is zero in ASCII-heavy text.
fn looks_like_utf16(bytes: &[u8]) -> bool {
    let n = bytes.len().min(4096) & !1;
    if n < 8 {
        return false;
    }
    let even_zero = bytes[..n].iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_zero = bytes[1..n].iter().step_by(2).filter(|&&b| b == 0).count();
    let half = n / 2;
    (even_zero * 10 > half * 7 && odd_zero * 10 < half)
        || (odd_zero * 10 > half * 7 && even_zero * 10 < half)
}

/// NUL bytes or a high share of C0 controls in the first 8 KiB mean binary.
fn is_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192)];
    if sample.contains(&0) {
        return true;
    }
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b))
        .count();
    controls * 20 > sample.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_and_bom() {
        assert_eq!(decode("héllo".as_bytes()).unwrap(), "héllo");
        assert_eq!(decode(b"\xEF\xBB\xBFhi there").unwrap(), "hi there");
    }

    #[test]
    fn utf16_with_and_without_bom() {
        let mut le = vec![0xFF, 0xFE];
        for u in "Lavrov said hello".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&le).unwrap(), "Lavrov said hello");
        let be: Vec<u8> = "Lavrov said hello"
            .encode_utf16()
            .flat_map(|u| u.to_be_bytes())
            .collect();
        assert_eq!(decode(&be).unwrap(), "Lavrov said hello");
    }

    #[test]
    fn windows_1251_is_detected() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1251
            .encode("Лавров заявил, что Россия готова к сотрудничеству с США во всех областях.");
        let text = decode(&bytes).unwrap();
        assert!(text.contains("Лавров заявил"), "{text}");
    }

    #[test]
    fn binary_and_empty_refused() {
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Err(DecodeError::Binary)
        );
        assert_eq!(decode(b"  \n\t "), Err(DecodeError::Empty));
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        let noise: Vec<u8> = (0..4000u32).map(|i| (i * 7919 % 251) as u8).collect();
        assert!(decode(&noise).is_err());
    }

    #[test]
    fn a_page_is_read_in_the_charset_it_declares() {
        let page =
            b"<html><head><meta http-equiv='Content-Type' content='text/html; charset=iso-8859-7'>\
                     </head><body><p>\xe1\xe2\xe3 the minister said.</p></body></html>";
        assert!(
            decode_html(page)
                .unwrap()
                .contains("\u{3b1}\u{3b2}\u{3b3} the minister")
        );
        assert_eq!(
            declared_charset(b"<meta charset=\"windows-1251\">"),
            Some(encoding_rs::WINDOWS_1251)
        );
        assert_eq!(declared_charset(b"<p>no charset here</p>"), None);
        // A page that is valid UTF-8 stays UTF-8 whatever it declares.
        let utf8 =
            "<meta charset=windows-1251><p>\u{43b}\u{430}\u{432}\u{440}\u{43e}\u{432} said</p>";
        assert!(
            decode_html(utf8.as_bytes())
                .unwrap()
                .contains("\u{43b}\u{430}")
        );
    }
}
