//! Titles in quotation marks after a cue — a book, a column, a programme: "said in his book,
//! “An American Son.”", "told “Fox News Sunday” the president would …". They name where
//! something was said, never what was said.

use super::Ctx;
use super::content::bare_clause_at;
use crate::extract::text::is_close_quote;

/// When the quotation at word `t` reads as a title (six words at most, its longer words
/// capitalised: “Face the Nation”, “An American Son”), the word after it.
pub(super) fn title_quote_end(cx: &Ctx, t: usize) -> Option<usize> {
    let &(qs, qe) = cx
        .spans
        .iter()
        .find(|&&(s, e)| s <= cx.words[t].start && cx.words[t].start < e)?;
    let inner: Vec<&str> = cx.par[qs..qe]
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let title_case = inner
        .iter()
        .filter(|w| w.chars().count() > 3)
        .all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()));
    if inner.is_empty() || inner.len() > 6 || !title_case {
        return None;
    }
    Some(
        (t..cx.words.len())
            .find(|&u| cx.words[u].start >= qe)
            .unwrap_or(cx.words.len()),
    )
}

/// The title at word `t` of a work named just before it (a word of the lexicon's `titled`,
/// perhaps then a comma): the word after it.
pub(super) fn quoted_title(cx: &Ctx, t: usize) -> Option<usize> {
    let gap = cx.gap(t - 1, t).trim().trim_start_matches(',').trim_start();
    if gap.is_empty() || gap.chars().any(|c| c.is_alphanumeric() || c == ':') {
        return None;
    }
    if !cx.lex.titled.contains(cx.lower(t - 1)) {
        return None;
    }
    title_quote_end(cx, t)
}

/// After a title ending before word `t`, where what was said starts: a clause with or
/// without "that" right after it or after a short adjunct and a comma ("told “Fox &
/// Friends” there was no deal", "said on “Meet the Press” recently, this was not a
/// failure").
pub(super) fn clause_after_title(cx: &Ctx, t: usize) -> Option<usize> {
    for u in t..(t + 4).min(cx.words.len()) {
        // The title's closing mark is no part of the gap.
        let gap = cx.gap(u - 1, u);
        let gap = if u == t {
            gap.trim_start_matches(|c: char| c == '"' || c == '\'' || is_close_quote(c))
        } else {
            gap
        };
        let gap = gap.trim();
        if !matches!(gap, "" | ",") || cx.in_quote(cx.words[u].start) {
            return None;
        }
        if cx.lower(u) == "that" && gap.is_empty() {
            return cx.words.get(u + 1).map(|w| w.start);
        }
        // "… Monday that …" is a day then "that", not a clause about Monday.
        let that_next = (u + 1..(u + 3).min(cx.words.len()))
            .take_while(|&v| cx.gap(v - 1, v).trim().is_empty())
            .any(|v| cx.lower(v) == "that");
        if (u == t || gap == ",") && !that_next && bare_clause_at(cx, u) {
            return Some(cx.words[u].start);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::extract::attribution::testing::*;

    #[test]
    fn a_quoted_title_is_never_what_was_said() {
        // A book named after the cue: the clause before it was said.
        let r = run(
            "The revolution dampened plans to return home, Ivan Petrov wrote in his 2012 book, “A Long Way Home.”",
        );
        assert_eq!(r[0].0, "The revolution dampened plans to return home");
        assert_eq!(r[0].1, "Ivan Petrov");
        // A programme, then the clause: with "that", after a day word, without "that", or
        // after an adverb and a comma.
        for (s, want) in [
            (
                "Ivan Petrov said in an interview with “Face the Nation” that the talks will resume.",
                "the talks will resume",
            ),
            (
                "Ivan Petrov told “Fox & Friends” Monday that Congress would be briefed.",
                "Congress would be briefed",
            ),
            (
                "Ivan Petrov told \"Fox News Sunday\" the president would sign the order.",
                "the president would sign the order",
            ),
            (
                "Ivan Petrov said on \"Meet the Press\" recently, this was not an intelligence failure.",
                "this was not an intelligence failure",
            ),
        ] {
            let r = run(s);
            assert_eq!(
                (r[0].0.as_str(), r[0].1.as_str()),
                (want, "Ivan Petrov"),
                "{s}"
            );
        }
        // Words said are no title, though short: a sentence, not capitalised throughout.
        let r = run("Ivan Petrov said in an interview, “We will not give up that easily.”");
        assert_eq!(r[0].0, "“We will not give up that easily.”");
    }
}
