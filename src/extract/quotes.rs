//! Quotation marks and sentence units. A unit is a sentence in which quotations are atomic, so a
//! multi-sentence quote and its attribution stay together.

use super::text::{is_abbreviation, is_close_quote, is_open_quote};

/// Outermost quotations of `s` as byte ranges including their marks. Curly and guillemet quotes
/// nest; straight quotes toggle; an unclosed quotation runs to the end of `s`.
pub fn quote_spans(s: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut stack: Vec<char> = Vec::new();
    let mut start = 0;
    for (i, c) in s.char_indices() {
        let end = i + c.len_utf8();
        // A straight quote closes a curly one it follows: mixed marks within one quotation
        // (“…") are common in scraped text; nesting uses single quotes.
        let opens = if c == '"' {
            !matches!(stack.last(), Some('"' | '“' | '„'))
        } else if c == '“' && stack.last() == Some(&'„') {
            false
        } else if c == '“'
            && stack.last() == Some(&'"')
            && s[end..].chars().next().is_none_or(|n| !n.is_alphanumeric())
        {
            // `"… get worse.“`: an opening curly mark where the closing one belongs (it is
            // followed by no word), closing the straight quotation it ends.
            false
        } else if is_open_quote(c) {
            true
        } else if is_close_quote(c) {
            if stack.is_empty() {
                continue; // a stray closing mark
            }
            false
        } else {
            continue;
        };
        if opens {
            if stack.is_empty() {
                start = i;
            }
            stack.push(c);
        } else {
            stack.pop();
            if stack.is_empty() {
                spans.push((start, end));
            }
        }
    }
    if !stack.is_empty() {
        spans.push((start, s.len()));
    }
    spans
}

/// True when the quotation ending at `end` was closed (not cut off by the end of the text).
pub fn is_closed(s: &str, span: (usize, usize)) -> bool {
    let inner = &s[span.0..span.1];
    inner.chars().count() >= 2
        && inner
            .chars()
            .last()
            .is_some_and(|c| c == '"' || is_close_quote(c) || c == '“')
}

fn inside(spans: &[(usize, usize)], i: usize) -> bool {
    spans.iter().any(|&(s, e)| s < i && i < e)
}

/// Splits `s` into sentence units (byte ranges, trimmed), never inside a quotation.
pub fn units(s: &str, spans: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        // Only a sentence stop or a closing quotation mark can end a unit: every other
        // character is passed without looking at the quotations.
        if !matches!(c, '.' | '!' | '?' | '"' | '“') && !is_close_quote(c) {
            continue;
        }
        let after_quote_end = spans.iter().any(|&(_, e)| e == i + c.len_utf8())
            && (c == '"' || is_close_quote(c) || c == '“');
        let terminal = matches!(c, '.' | '!' | '?') && !inside(spans, i);
        let quote_terminal = after_quote_end && k > 0 && matches!(chars[k - 1].1, '.' | '!' | '?');
        if !(terminal || quote_terminal) {
            continue;
        }
        // `“… today.” Trump said.`: a short attribution after a closed quote belongs to it.
        if quote_terminal && !terminal && attribution_follows(&s[i + c.len_utf8()..]) {
            continue;
        }
        // What follows must be space and then the start of a sentence.
        let Some(&(_, next)) = chars.get(k + 1) else {
            continue;
        };
        if !next.is_whitespace() {
            continue;
        }
        let Some(&(_, after)) = chars[k + 1..].iter().find(|(_, ch)| !ch.is_whitespace()) else {
            continue;
        };
        if !(after.is_uppercase() || after == '"' || is_open_quote(after) || after.is_ascii_digit())
        {
            continue;
        }
        if c == '.' {
            let before = &s[start..i];
            let last_word = before
                .rsplit(|ch: char| {
                    ch.is_whitespace() || ch == '(' || ch == '"' || is_open_quote(ch)
                })
                .next()
                .unwrap_or("");
            let bare = last_word.trim_end_matches('.');
            if is_abbreviation(bare) || (bare.contains('.') && bare.len() <= 6) {
                continue;
            }
        }
        push_unit(s, start, i + c.len_utf8(), &mut out);
        start = i + c.len_utf8();
    }
    push_unit(s, start, s.len(), &mut out);
    out
}

/// True when the text up to the next sentence end is a short clause with a reporting verb.
fn attribution_follows(rest: &str) -> bool {
    const VERBS: &[&str] = &[
        "said",
        "says",
        "say",
        "added",
        "adds",
        "told",
        "asked",
        "wrote",
        "explained",
        "noted",
        "stressed",
        "continued",
        "recalled",
        "insisted",
        "replied",
        "tweeted",
    ];
    let end = rest
        .find(['.', '!', '?', '"', '“', '”'])
        .unwrap_or(rest.len());
    let clause = &rest[..end];
    let words: Vec<&str> = clause.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 8
        && words
            .iter()
            .any(|w| VERBS.contains(&w.trim_matches(|c: char| !c.is_alphabetic())))
}

fn push_unit(s: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let piece = &s[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if start + lead < end - trail {
        out.push((start + lead, end - trail));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_nest_and_toggle() {
        let s = "He said “we see “Islamic state” here” and \"ok\" then «x";
        let sp = quote_spans(s);
        assert_eq!(sp.len(), 3);
        assert_eq!(&s[sp[0].0..sp[0].1], "“we see “Islamic state” here”");
        assert_eq!(&s[sp[1].0..sp[1].1], "\"ok\"");
        assert_eq!(&s[sp[2].0..sp[2].1], "«x");
        assert!(!is_closed(s, sp[2]));
    }

    #[test]
    fn units_keep_quotes_whole() {
        let s =
            "\"We are ready. We will work,\" Lavrov said. The U.S. side agreed. Mr. Kerry left.";
        let sp = quote_spans(s);
        let u: Vec<&str> = units(s, &sp).iter().map(|&(a, b)| &s[a..b]).collect();
        assert_eq!(
            u,
            [
                "\"We are ready. We will work,\" Lavrov said.",
                "The U.S. side agreed.",
                "Mr. Kerry left."
            ]
        );
    }

    #[test]
    fn a_straight_quote_closes_a_curly_one() {
        let s = "“It’s odd,” Lee said. “They are ignored.\" Then more.";
        let spans = quote_spans(s);
        assert_eq!(spans.len(), 2);
        assert!(s[spans[1].0..spans[1].1].ends_with("ignored.\""));
    }

    #[test]
    fn an_opening_mark_where_the_closing_one_belongs_closes_a_straight_quotation() {
        let p = "“Out of balance,\" the group wrote. \"A correction is needed now.“";
        assert_eq!(quote_spans(p), [(0, 19), (37, p.len())]);
        assert_eq!(units(p, &quote_spans(p)).len(), 2);
        // Before a word it opens a quotation inside the straight one.
        let p = "\"He called it “a farce” today,\" she said.";
        assert_eq!(quote_spans(p).len(), 1);
    }
}
