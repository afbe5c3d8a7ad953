//! Transcript lines: "TAPPER: Do you think …".

use super::super::text::is_capitalized;
use super::{Ctx, Found, finish, word_count};
use crate::model::Kind;

/// "TAPPER: Do you think …" — a transcript turn: a short name, a colon and what the person
/// said, to the end of the paragraph or the next speaker's label ("Q: Will Beijing retaliate?
/// WANG: Certainly not. We will keep talking."). A label opens the paragraph, or any
/// sentence when it is in capitals.
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
    let capitals = name.iter().all(|w| is_all_caps(w.text));
    if !plain_gaps
        || !name.iter().all(|w| is_capitalized(w.text))
        || (!cx.par[..cx.unit.0].trim().is_empty() && !capitals)
        // Initials ("GZ:", "LN:") stand for someone the text named elsewhere: no row of
        // their own in the Officials list.
        || name.iter().map(|w| w.text.chars().count()).sum::<usize>() < 3
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
    let end = next_label(cx.par, cx.unit.1).unwrap_or(cx.par.len());
    let rest = cx.par[start..end].trim_end();
    let enough = word_count(rest) >= 6 || (capitals && word_count(rest) >= 2);
    if !enough || !rest.ends_with(['.', '?', '!', '"', '”']) {
        return None;
    }
    finish(
        cx,
        vec![(start, end)],
        (first.start, name[colon].end),
        "said",
    )
    .map(|mut f| {
        f.kind = Kind::Direct;
        f
    })
}

fn is_all_caps(w: &str) -> bool {
    w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase)
}

/// The start of the next "NAME:" label in capitals after byte `from`, opening a sentence.
fn next_label(par: &str, from: usize) -> Option<usize> {
    static LABEL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?:^|[.?!\x{201D}\x22]\s+)((?:[A-Z][A-Z.'’-]*\s){0,2}[A-Z][A-Z.'’-]*:\s)",
        )
        .unwrap()
    });
    LABEL
        .captures_iter(&par[from..])
        .filter_map(|c| c.get(1))
        .map(|m| from + m.start())
        .find(|&s| s > from || from == 0)
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
            // Labels of a list or a gloss, not speakers.
            "Translation: We're not there, but if we were, you would know it.",
            "Pros: Would prevent the agency from going on fishing expeditions.",
            "Cons: Could slow down the government's access to such data.",
            "Contributing: Kevin Johnson in Washington.",
        ] {
            assert!(all_in(par).is_empty(), "{par}");
        }
    }

    #[test]
    fn a_turn_runs_to_the_next_label_and_questions_are_no_ones() {
        let par = "Q: Will Beijing retaliate against the new tariffs? WANG: Certainly not. We will keep talking with our friends.";
        let all = all_in(par);
        assert_eq!(all.len(), 1, "{all:?}");
        assert_eq!(
            &par[all[0].speaker.unwrap().0..all[0].speaker.unwrap().1],
            "WANG"
        );
        assert_eq!(
            par[all[0].pieces[0].0..all[0].pieces[0].1].trim(),
            "Certainly not. We will keep talking with our friends"
        );
        // "I think" inside a turn is the turn's speaker, not a cue of its own.
        let par = "POMPEO: I think we are very close to a deal with the Taliban.";
        let all = all_in(par);
        assert_eq!(all.len(), 1, "{all:?}");
        assert_eq!(
            &par[all[0].speaker.unwrap().0..all[0].speaker.unwrap().1],
            "POMPEO"
        );
    }
}
