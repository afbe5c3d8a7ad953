//! Speakers named by a phrase rather than a verb's subject: "according to Lavrov, …", "…,
//! according to the ministry", and "Interfax cited the ministry as saying …".

use super::subject::{source_phrase, subject_after};
use super::{Ctx, Found, finish, word_count};

/// "According to Lavrov, …" and "…, according to Lavrov."
pub(super) fn prepositional(cx: &Ctx, i: usize, len: usize, cue: &str) -> Option<Found> {
    let (us, ue) = cx.unit;
    let next = i + len;
    if next >= cx.words.len() {
        return None;
    }
    let (ss, se, last) = subject_after(
        cx,
        next,
        &["on", "in", "at", "who", "which", "that", "during"],
    )
    .or_else(|| source_phrase(cx, next))?;
    let cue_start = cx.words[i].start;
    let before = cx.par[us..cue_start].trim();
    let after_start = cx.words.get(last + 1).map_or(ue, |_| se);
    let after = &cx.par[after_start..ue];
    if word_count(before.trim_start_matches(|c: char| !c.is_alphanumeric())) <= 1 {
        // Cue first: the content follows the speaker phrase.
        if !after.trim_start().starts_with(',') {
            return None;
        }
        return finish(cx, vec![(after_start, ue)], (ss, se), cue);
    }
    if !before.ends_with(',') && !before.ends_with(['(', '—', '–']) {
        return None;
    }
    let mut pieces = vec![(us, cue_start)];
    if word_count(after) >= 3 && after.trim_start().starts_with(',') {
        pieces.push((after_start, ue));
    }
    finish(cx, pieces, (ss, se), cue)
}

/// "RIA Novosti cited the Ministry as saying", "quoted Lavrov as saying that …".
pub(super) fn cited(cx: &Ctx, i: usize, cue: &str) -> Option<Found> {
    let (us, ue) = cx.unit;
    let (ss, se, last) = subject_after(cx, i + 1, &["as"])?;
    let as_saying = last + 2 < cx.words.len() + 1
        && cx.words.get(last + 1).is_some_and(|w| w.text == "as")
        && cx
            .words
            .get(last + 2)
            .is_some_and(|w| matches!(w.text, "saying" | "telling" | "stating"));
    if !as_saying {
        return None;
    }
    let after_word = last + 3;
    let before = cx.par[us..cx.words[i].start].trim_end();
    // The outlet doing the citing sits between the content and the cue.
    let content_end = before
        .rfind([',', '"', '”', '“'])
        .map(|p| p + before[p..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0)
        + us;
    if after_word < cx.words.len() {
        let start = if cx.words[after_word].text == "that" {
            cx.words[after_word].end
        } else {
            cx.words[after_word].start
        };
        return finish(cx, vec![(start, ue)], (ss, se), "said");
    }
    finish(cx, vec![(us, content_end)], (ss, se), "said").map(|mut f| {
        f.cue = cue.to_string() + " as saying";
        f
    })
}

#[cfg(test)]
mod tests {
    use crate::extract::attribution::testing::*;

    #[test]
    fn according_to_both_ways() {
        let r = run("According to Petrov, the new plan will be ready soon.");
        assert_eq!(
            r[0],
            (
                "the new plan will be ready soon".into(),
                "Petrov".into(),
                Kind::Indirect
            )
        );
        let r = run("The plan will be ready by May, according to the ministry.");
        assert_eq!(r[0].0, "The plan will be ready by May");
        assert_eq!(r[0].1, "the ministry");
    }

    #[test]
    fn according_to_a_described_source() {
        let (text, sp, _) = one("Rents rose 4 percent last year, according to one property index.");
        assert_eq!(
            (text.as_str(), sp.as_str()),
            ("Rents rose 4 percent last year", "one property index")
        );
    }

    #[test]
    fn cited_as_saying() {
        let r = run(
            "\"We hope to get the necessary explanations,\" Interfax cited the Defense Ministry as saying.",
        );
        assert_eq!(r[0].1, "the Defense Ministry");
        assert_eq!(r[0].2, Kind::Direct);
    }
}
