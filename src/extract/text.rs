//! Small text helpers shared by the extraction steps.

/// Replaces the characters that only get in the way (NBSP and other odd spaces, zero-width and
/// bidi controls, CR, C0/C1 controls) so that every later step sees plain spacing. Quotes and
/// dashes are kept as written: statement text is a slice of this normalised text.
fn ends_with_two_lowercase(s: &str) -> bool {
    let mut it = s.chars().rev();
    matches!((it.next(), it.next()), (Some(a), Some(b)) if a.is_lowercase() && b.is_lowercase())
}

pub fn normalize(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            // Letters, digits and spaces, most of any text, are kept as they are: tested
            // first, they skip the comparisons below.
            c if c.is_ascii_alphanumeric() || c == ' ' => out.push(c),
            // Terminal escape sequences are markup, not words: dropped whole.
            '\u{1b}' => skip_escape(&mut chars),
            '\u{9b}' => skip_csi(&mut chars),
            '\u{90}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\n' | '\t' => out.push(if c == '\t' { ' ' } else { '\n' }),
            '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
                out.push(' ')
            }
            '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2069}'
            | '\u{FEFF}' => {}
            '\u{00AD}' => {}
            // Typewriter quotes of some archives (''…'' and ``…''): one double quote each.
            '\'' | '`' if chars.peek() == Some(&c) => {
                chars.next();
                out.push('"');
            }
            c if c.is_control() => out.push(' '),
            // "the Pentagon.The agency": a sentence run into the next by a scraper. A full
            // stop after two lower-case letters and before a capitalised word gets its space
            // back ("U.S.", "e.g." and "nytimes.com" are left alone).
            '.' if chars.peek().is_some_and(|n| n.is_uppercase())
                && ends_with_two_lowercase(&out) =>
            {
                let mut ahead = chars.clone();
                ahead.next();
                out.push('.');
                if ahead.peek().is_some_and(|n| n.is_lowercase()) {
                    out.push(' ');
                }
            }
            c => out.push(c),
        }
    }
    out
}

pub type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

fn skip_until(chars: &mut Chars, end: impl Fn(char) -> bool) {
    for c in chars.by_ref() {
        if end(c) {
            break;
        }
    }
}

/// After CSI: parameters up to the final byte.
pub fn skip_csi(chars: &mut Chars) {
    skip_until(chars, |c| ('\u{40}'..='\u{7e}').contains(&c));
}

/// After ESC: CSI runs to a final byte, OSC/DCS/APC/PM/SOS strings to BEL or ST.
/// Shared with `sanitize`, which applies the same rules to what reaches a terminal.
pub fn skip_escape(chars: &mut Chars) {
    match chars.next() {
        Some('[') => skip_csi(chars),
        Some(']' | 'P' | '_' | '^' | 'X') => skip_string(chars),
        _ => {}
    }
}

/// An OSC/DCS string: up to BEL or ST (ESC \ or U+009C).
pub fn skip_string(chars: &mut Chars) {
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9c}' => break,
            '\u{1b}' => {
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                break;
            }
            _ => {}
        }
    }
}

pub fn is_open_quote(c: char) -> bool {
    matches!(c, '“' | '«' | '„')
}

pub fn is_close_quote(c: char) -> bool {
    matches!(c, '”' | '»')
}

pub fn is_quote(c: char) -> bool {
    c == '"' || is_open_quote(c) || is_close_quote(c)
}

pub fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '―')
}

/// A word with its byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

/// What a character is to `words`: outside words; able to begin one (letters, digits, "[");
/// inside one only (apostrophes, hyphens, dots, "]").
const NOT_WORD: u8 = 0;
const WORD_START: u8 = 1;
const WORD_INNER: u8 = 2;
static ASCII_WORD_CLASS: [u8; 128] = {
    let mut t = [NOT_WORD; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() || c == b'[' {
            WORD_START
        } else if matches!(c, b'\'' | b'-' | b'.' | b']') {
            WORD_INNER
        } else {
            NOT_WORD
        };
        b += 1;
    }
    t
};

/// Words: runs of letters, digits, apostrophes, dots inside abbreviations and hyphens.
pub fn words(s: &str) -> Vec<Word<'_>> {
    // About one word per six bytes of news text.
    let mut out = Vec::with_capacity(s.len() / 6 + 1);
    let mut start = None;
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // ASCII, nearly every byte of the text, is classified by a table, without decoding a
        // character.
        let (class, len) = match bytes[i] {
            // "250,000" is one number: a comma between digits is inside the word, never a
            // clause boundary (the speaker "000 Syrians" was found after one).
            b',' if start.is_some()
                && i > 0
                && bytes[i - 1].is_ascii_digit()
                && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) =>
            {
                (WORD_INNER, 1)
            }
            b if b.is_ascii() => (ASCII_WORD_CLASS[b as usize], 1),
            _ => {
                let c = s[i..].chars().next().unwrap_or(' ');
                let class = if c.is_alphanumeric() {
                    WORD_START
                } else if c == '’' {
                    WORD_INNER
                } else {
                    NOT_WORD
                };
                (class, c.len_utf8())
            }
        };
        match (class, start) {
            (WORD_START, None) => start = Some(i),
            (NOT_WORD, Some(st)) => {
                push_word(s, st, i, &mut out);
                start = None;
            }
            _ => {}
        }
        i += len;
    }
    if let Some(st) = start {
        push_word(s, st, s.len(), &mut out);
    }
    out
}

fn push_word<'a>(s: &'a str, start: usize, end: usize, out: &mut Vec<Word<'a>>) {
    // Most words end in a letter or digit: nothing to trim.
    if s.as_bytes()[end - 1].is_ascii_alphanumeric() {
        out.push(Word {
            text: &s[start..end],
            start,
            end,
        });
        return;
    }
    // Trailing dots belong to the word only in abbreviations like "U.S." or "Mr.".
    let w = &s[start..end];
    let trimmed = w.trim_end_matches(['.', '-', '\'', '’', ']']);
    let keep_dot =
        w[trimmed.len()..].starts_with('.') && (trimmed.contains('.') || is_abbreviation(trimmed));
    let end = start + trimmed.len() + usize::from(keep_dot);
    if end > start {
        out.push(Word {
            text: &s[start..end],
            start,
            end,
        });
    }
}

/// A word in lower case, borrowed when it already is (most words of a sentence): no
/// allocation for them.
pub fn lower(w: &str) -> std::borrow::Cow<'_, str> {
    if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        std::borrow::Cow::Borrowed(w)
    } else {
        std::borrow::Cow::Owned(w.to_lowercase())
    }
}

/// A text in lower case; an ASCII text (most news) without the Unicode case tables.
pub fn lower_text(s: &str) -> String {
    // A capital sigma's lower case depends on its neighbours: the standard library knows how.
    if s.as_bytes().contains(&0xCE) && s.contains('Σ') {
        return s.to_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    let b = s.as_bytes();
    let mut i = 0;
    // Runs of ASCII and runs of other characters in turn (an ASCII byte is never inside a
    // character of several bytes, so each run is whole characters).
    while i < b.len() {
        let j = b[i..]
            .iter()
            .position(|c| !c.is_ascii())
            .map_or(b.len(), |k| i + k);
        let from = out.len();
        out.push_str(&s[i..j]);
        out[from..].make_ascii_lowercase();
        let k = b[j..]
            .iter()
            .position(u8::is_ascii)
            .map_or(b.len(), |k| j + k);
        out.extend(s[j..k].chars().flat_map(char::to_lowercase));
        i = k;
    }
    out
}

/// Calls `f` with a word in lower case: the word itself when it already is, a copy on the
/// stack when it is short ASCII (a capitalised word of a sentence), allocated only otherwise.
/// For set look-ups asked of every capitalised word of an article.
pub fn with_lower<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    const MAX: usize = 40;
    let b = w.as_bytes();
    if b.is_ascii() {
        if !b.iter().any(u8::is_ascii_uppercase) {
            return f(w);
        }
        if b.len() <= MAX {
            let mut buf = [0u8; MAX];
            buf[..b.len()].copy_from_slice(b);
            buf[..b.len()].make_ascii_lowercase();
            // ASCII bytes are always UTF-8.
            return f(std::str::from_utf8(&buf[..b.len()]).unwrap_or_default());
        }
    }
    f(&w.to_lowercase())
}

/// A word in the possessive: "Gallup's", "Russia’s".
pub fn is_possessive(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("’s")
}

/// Abbreviations after which a dot does not end a sentence.
pub fn is_abbreviation(w: &str) -> bool {
    const ABBR: &[&str] = &[
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Maj", "Capt",
        "Sgt", "Adm", "St", "Jr", "Sr", "Rev", "Pres", "Amb", "Sec", "No", "Nos", "vs", "Jan",
        "Feb", "Mar", "Apr", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "Inc", "Corp", "Co",
        "approx", "etc", "Ltd", "Mt", "Ft",
    ];
    ABBR.contains(&w) || (w.chars().count() == 1 && w.chars().all(|c| c.is_uppercase()))
}

pub fn is_capitalized(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

/// "Syrian Observatory for Human Rights", "Center for Constitutional Rights": in a body's name
/// of capitalised words (and the small words `glue` allows), where its first "for"/"of"/"on"
/// is, when the word before it is a head `is_head` accepts (given in lower case).
pub fn body_preposition(
    ws: &[&str],
    is_head: impl Fn(&str) -> bool,
    glue: &[&str],
) -> Option<usize> {
    let at = ws
        .iter()
        .position(|w| matches!(*w, "for" | "of" | "on"))
        .filter(|&k| k > 0 && k + 1 < ws.len())?;
    let fits = |w: &&str| is_capitalized(w) || glue.contains(w);
    (is_head(&ws[at - 1].to_lowercase())
        && ws[..at].iter().all(fits)
        && ws[at + 1..].iter().all(fits))
    .then_some(at)
}

/// The phrase after a leading "the "/"The ", if it has one.
pub fn after_article(phrase: &str) -> Option<&str> {
    phrase
        .strip_prefix("the ")
        .or_else(|| phrase.strip_prefix("The "))
}

/// The phrase without a leading "the "/"The ".
pub fn without_article(phrase: &str) -> &str {
    after_article(phrase).unwrap_or(phrase)
}

/// Whether the text after `before` is inside a sentence: `before` ends with a comma or a
/// word, so a capital there ("…, He said") is a name's, not a sentence's.
pub fn inside_sentence(before: &str) -> bool {
    before
        .trim_end()
        .ends_with(|c: char| c == ',' || c.is_alphanumeric())
}

/// Ends with something that closes a sentence: body text, not a headline or menu item.
pub fn ends_like_sentence(line: &str) -> bool {
    let t = line.trim_end();
    // `.“`: an opening mark typed where the closing one belongs, common in scraped text.
    t.ends_with(['.', '!', '?', '"', '”', '»', '…']) && !t.ends_with("...")
        || t.ends_with(".\"")
        || [".“", "!“", "?“"].iter().any(|e| t.ends_with(e))
}

/// Collapses whitespace runs (including newlines) to single spaces.
pub fn squash(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let b = s.as_bytes();
    let mut word: Option<usize> = None;
    let mut i = 0;
    while i < b.len() {
        // Whitespace as `char::is_whitespace` has it: ASCII by a byte test, and of the other
        // characters only those whose first byte can begin a space (U+0085 … U+3000) decoded.
        let (white, len) = match b[i] {
            c if c.is_ascii() => (matches!(c, b' ' | b'\t'..=b'\r'), 1),
            0xC2 | 0xE1 | 0xE2 | 0xE3 => {
                let c = s[i..].chars().next().unwrap_or('x');
                (c.is_whitespace(), c.len_utf8())
            }
            _ => (false, 1),
        };
        match (white, word) {
            (false, None) => word = Some(i),
            (true, Some(w)) => {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(&s[w..i]);
                word = None;
            }
            _ => {}
        }
        i += len;
    }
    if let Some(w) = word {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&s[w..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_spaces_and_controls() {
        assert_eq!(
            normalize("a\u{00A0}b\r\nc\u{200B}d\u{202E}e\u{1b}[31mf"),
            "a b\ncdef"
        );
        assert_eq!(
            normalize("x\u{1b}]52;c;aGk=\u{7}y\u{1b}]0;t\u{1b}\\z\u{9b}2Jw"),
            "xyzw"
        );
    }

    /// Every character up to U+3000 and a sample of sentences, for the fast paths below.
    fn sample_texts() -> Vec<String> {
        let mut texts: Vec<String> = [
            "Secretary KERRY said: “We’re ready” — [sic] U.S.-led talks… ΣΟΦΙΑ İstanbul Ǆ",
            "ΌΣΟΣ. Σ a Σ",
            "Mr. O'Brien's aide, 3.5%, café-owner ÉLYSÉE",
            "admit 250,000 Syrians, 1,2,3 ,4 5, x,6",
        ]
        .map(String::from)
        .to_vec();
        let all: String = (0u32..0x3000).filter_map(char::from_u32).collect();
        texts.extend(
            all.chars()
                .collect::<Vec<_>>()
                .chunks(40)
                .map(String::from_iter),
        );
        texts
    }

    #[test]
    fn lower_text_and_with_lower_agree_with_to_lowercase() {
        for t in sample_texts() {
            assert_eq!(lower_text(&t), t.to_lowercase(), "{t:?}");
            for w in t.split(' ') {
                with_lower(w, |l| assert_eq!(l, w.to_lowercase(), "{w:?}"));
            }
        }
    }

    #[test]
    fn squash_agrees_with_split_whitespace() {
        let mut texts = sample_texts();
        texts.push(
            " a\u{00A0}\u{2009}b\u{3000} \u{85}c\u{1680}\u{2028}d’e\t\u{0B}\u{0C}\r\n ".into(),
        );
        texts.push("\u{1C}\u{1D}\u{1E}\u{1F} x".into());
        for t in texts {
            assert_eq!(
                squash(&t),
                t.split_whitespace().collect::<Vec<_>>().join(" "),
                "{t:?}"
            );
        }
    }

    #[test]
    fn words_by_table_agree_with_the_character_definition() {
        // The definition the table encodes: letters, digits and "[" begin a word; apostrophes,
        // hyphens, dots, "]" and a comma between digits continue one.
        fn reference(s: &str) -> Vec<(usize, usize)> {
            let mut out = Vec::new();
            let mut start = None;
            let b = s.as_bytes();
            for (i, c) in s.char_indices() {
                let alnum = c.is_alphanumeric();
                let digit_comma = c == ','
                    && start.is_some()
                    && i > 0
                    && b[i - 1].is_ascii_digit()
                    && b.get(i + 1).is_some_and(u8::is_ascii_digit);
                let part = alnum || digit_comma || matches!(c, '\'' | '’' | '-' | '.' | '[' | ']');
                match (part, start) {
                    (true, None) if alnum || c == '[' => start = Some(i),
                    (false, Some(st)) => {
                        let mut v = Vec::new();
                        push_word(s, st, i, &mut v);
                        out.extend(v.iter().map(|w| (w.start, w.end)));
                        start = None;
                    }
                    _ => {}
                }
            }
            if let Some(st) = start {
                let mut v = Vec::new();
                push_word(s, st, s.len(), &mut v);
                out.extend(v.iter().map(|w| (w.start, w.end)));
            }
            out
        }
        for t in sample_texts() {
            let got: Vec<(usize, usize)> = words(&t).iter().map(|w| (w.start, w.end)).collect();
            assert_eq!(got, reference(&t), "{t:?}");
        }
    }

    #[test]
    fn a_number_with_thousands_separators_is_one_word() {
        let w: Vec<&str> = words("admit 250,000 Syrians, 3, 4 and 1,5.")
            .iter()
            .map(|w| w.text)
            .collect();
        assert_eq!(w, ["admit", "250,000", "Syrians", "3", "4", "and", "1,5"]);
    }

    #[test]
    fn words_never_split_a_character() {
        let w: Vec<&str> = words("House R’. Anytime R’s U.S.’s")
            .iter()
            .map(|w| w.text)
            .collect();
        assert_eq!(w, ["House", "R", "Anytime", "R’s", "U.S.’s"]);
    }

    #[test]
    fn words_keep_abbreviations() {
        let w: Vec<&str> = words("U.S. Secretary of State said, Mr. Kerry’s aide.")
            .iter()
            .map(|w| w.text)
            .collect();
        assert_eq!(
            w,
            [
                "U.S.",
                "Secretary",
                "of",
                "State",
                "said",
                "Mr.",
                "Kerry’s",
                "aide"
            ]
        );
    }

    #[test]
    fn typewriter_double_quotes_become_one_mark() {
        assert_eq!(
            normalize("''Marco gets it,'' he said. ``Yes.''"),
            "\"Marco gets it,\" he said. \"Yes.\""
        );
        assert_eq!(normalize("the voters' choice"), "the voters' choice");
    }

    #[test]
    fn a_sentence_run_into_the_next_gets_its_space_back() {
        assert_eq!(
            normalize("rival the size of the Pentagon.The agency grew."),
            "rival the size of the Pentagon. The agency grew."
        );
        for kept in [
            "the U.S. Army",
            "e.g. The",
            "see nytimes.com today",
            "Obama.US",
        ] {
            assert_eq!(normalize(kept), kept);
        }
    }

    #[test]
    fn a_sentence_may_end_with_the_wrong_quotation_mark() {
        assert!(ends_like_sentence("\"A correction is needed now.“"));
        assert!(!ends_like_sentence("Read also: “Talks resume“"));
    }
}
