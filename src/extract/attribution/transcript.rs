//! Transcript lines: "TAPPER: Do you think …".

use super::super::text::is_capitalized;
use super::{Ctx, Found, finish, word_count};
use crate::model::Kind;

/// "TAPPER: Do you think …" — a transcript line: a short name, a colon and a sentence.
pub(super) fn transcript_line(cx: &Ctx) -> Option<Found> {
    let first = cx.words.first()?;
    if first.start != cx.unit.0 || cx.in_quote(first.start) {
        return None;
    }
    let colon = (0..cx.words.len().min(4)).find(|&k| {
        cx.par[cx.words[k].end..cx.words.get(k + 1).map_or(cx.unit.1, |w| w.start)]
            .trim()
            .starts_with(':')
    })?;
    let name = &cx.words[..=colon];
    let plain_gaps = (1..=colon).all(|k| cx.gap(k - 1, k).trim().is_empty());
    if !plain_gaps
        || !name.iter().all(|w| is_capitalized(w.text))
        || name.iter().any(|w| {
            cx.lex.capital_stops.contains(w.text)
                || cx.lex.not_speaker_labels.contains(
                    w.text
                        .to_lowercase()
                        .trim_end_matches("'s")
                        .trim_end_matches("’s"),
                )
        })
    {
        return None;
    }
    let start = cx.par[name[colon].end..cx.unit.1].find(':')? + name[colon].end + 1;
    let rest = cx.par[start..cx.unit.1].trim_end();
    if word_count(rest) < 6 || !rest.ends_with(['.', '?', '!', '"', '”']) {
        return None;
    }
    finish(
        cx,
        vec![(start, cx.unit.1)],
        (first.start, name[colon].end),
        "said",
    )
    .map(|mut f| {
        f.kind = Kind::Direct;
        f
    })
}

#[cfg(test)]
mod tests {
    use crate::extract::attribution::testing::*;

    #[test]
    fn transcript_lines_and_headline_labels() {
        let (text, sp, kind) = one("HARRIS: Well, I think the whole city needs to work together.");
        assert_eq!(sp, "HARRIS");
        assert_eq!(text, "Well, I think the whole city needs to work together");
        assert_eq!(kind, Kind::Direct);
        // A headline has no full stop; a label is not a speaker.
        for par in [
            "Lee: Russia and the US can cooperate despite differences",
            "Correction: An earlier version of this story misstated the date.",
        ] {
            assert!(all_in(par).is_empty(), "{par}");
        }
    }
}
