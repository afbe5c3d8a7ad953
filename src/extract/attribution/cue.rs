//! Cue finding: the reporting verb, participle or phrase at a word, and which construction
//! it opens.

use super::super::text::is_capitalized;
use super::according::{cited, prepositional};
use super::constructions::verbal;
use super::participle::participle;
use super::{Ctx, Found};

/// Length in words of the cue starting at word `i`, and the cue text.
pub(super) fn cue_at(cx: &Ctx, i: usize) -> Option<(usize, String)> {
    let w = cx.lower(i);
    if !cx.lex.cue_starts.contains(w) {
        return None;
    }
    for phrase in &cx.lex.phrases {
        let n = phrase.words.len();
        if i + n <= cx.words.len()
            && phrase
                .words
                .iter()
                .enumerate()
                .all(|(k, p)| cx.lower(i + k) == p)
            && (1..n).all(|k| cx.gap(i + k - 1, i + k).trim().is_empty())
        {
            return Some((n, phrase.text.clone()));
        }
    }
    // A cue is a lower-case verb: "the United States" is not "states".
    if is_capitalized(cx.words[i].text) && i > 0 {
        return None;
    }
    if cx.lex.any_verb.contains(w) {
        // Passive or infinitive forms are not attributions: "was told", "to say"; after a
        // determiner or preposition the word is a noun: "the constant sowing of doubt".
        // Only a word right before it counts: in "…if we have to,” said Schiff" the "to" is
        // the quotation's.
        if i > 0 && cx.lex.not_after.contains(cx.lower(i - 1)) && cx.gap(i - 1, i).trim().is_empty()
        {
            return None;
        }
        return Some((1, w.to_string()));
    }
    if cx.lex.as_saying.contains(w) && i + 1 < cx.words.len() {
        return Some((1, w.to_string()));
    }
    // ", saying that …": the subject of the main clause speaks.
    if cx.lex.participle.contains(w)
        && i > 0
        && matches!(cx.gap(i - 1, i).trim(), "," | ",”" | ",\"" | "”," | "\",")
    {
        return Some((1, w.to_string()));
    }
    None
}

pub(super) fn try_cue(cx: &Ctx, i: usize) -> Option<Found> {
    let (len, cue) = cue_at(cx, i)?;
    let cue_start = cx.words[i].start;
    if cx.lex.source_phrases.contains(&cue) {
        prepositional(cx, i, len, &cue)
    } else if cx.lex.as_saying.contains(&cue) {
        cited(cx, i, &cue)
    } else if cx.lex.participle.contains(&cue) {
        participle(cx, i, &cue)
    } else {
        verbal(cx, i, cue_start, &cue)
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::attribution::testing::*;

    #[test]
    fn nouns_that_look_like_cues_are_not_cues() {
        for par in [
            "Editor’s note: the column below was written before the vote took place.",
            "The constant sowing of doubt has hurt the campaign in the state.",
            "Their calls intensified after the emails were released last week.",
        ] {
            assert!(all_in(par).is_empty(), "{par}");
        }
    }

    #[test]
    fn belief_verbs_need_a_clause() {
        let (text, sp, _) = one("Most economists believe that the recession is over.");
        assert_eq!(
            (text.as_str(), sp.as_str()),
            ("the recession is over", "Most economists")
        );
        assert!(all_in("The couple found a house near the lake.").is_empty());
    }

    #[test]
    fn clause_verbs_with_an_object_report_nothing() {
        let par = "In a victory speech in Wyoming, Ana Ruiz claimed victory over her rival.";
        assert!(all_in(par).is_empty());
        let (_, sp, _) =
            one("“Find your polling place and get there,” Ana Ruiz tells parishioners.");
        assert_eq!(sp, "Ana Ruiz");
    }

    #[test]
    fn a_word_inside_the_quotation_never_blocks_the_cue_after_it() {
        let (text, sp, kind) = one("“We will finish the job if we have to,” said Adam Schiff.");
        assert_eq!(
            (text.as_str(), sp.as_str(), kind),
            (
                "“We will finish the job if we have to,”",
                "Adam Schiff",
                Kind::Direct
            )
        );
        assert!(all_in("The report is said to be ready by Friday.").is_empty());
    }
}
