//! Speakers described rather than named: a short description before the cue ("her friend
//! said"), one completed by a postmodifier ("people familiar with the matter said") and one
//! followed by a clause about it ("One attendee, who spoke on condition of anonymity, said").

use super::super::text::is_capitalized;
use super::content::is_clause_word;
use super::{Ctx, SUBJECT_PRONOUNS};
use crate::extract::text::is_possessive;

/// A short lower-case description right before the cue, set off by a comma or starting the
/// sentence: "…, her friend said." / "Several delegate candidates said …". Kept as written.
pub(super) fn described_subject(cx: &Ctx, i: usize) -> Option<(usize, usize)> {
    let mut j = i;
    while j > 0 && cx.lex.aux.contains(cx.lower(j - 1)) {
        j -= 1;
    }
    let mut k = j;
    // "But hacking specialists say": a sentence adverb before the description opens it.
    let mut after_adverb = false;
    while k > 0 && j - k < 11 {
        let w = cx.words[k - 1];
        if cx.in_quote(w.start) || k < j && !cx.gap(k - 1, k).trim().is_empty() {
            break;
        }
        if k == 1 && cx.lex.capital_stops.contains(w.text) && w.start == cx.unit.0 {
            after_adverb = true;
            break;
        }
        k -= 1;
    }
    if k == j {
        return None;
    }
    // "People familiar with the matter said", "sources close to the minister say": a noun and
    // what a postmodifier attaches to it.
    if let Some(k) = (k..j).find(|&k| {
        (k == 0 || after_adverb && k == 1 || cx.opens_clause(k)) && postmodified(cx, k, j)
    }) {
        return Some((cx.words[k].start, cx.words[j - 1].end));
    }
    // Other descriptions are at most seven words.
    let after_adverb = after_adverb && j <= 7;
    let k = k.max(j.saturating_sub(7));
    if !(after_adverb || cx.opens_clause(k)) {
        return None;
    }
    let opener = cx.lower(k);
    let head = cx.lower(j - 1);
    // "critics said", "political experts said": a short plural description.
    let plural_noun = j - k <= 2 && head.len() > 3 && head.ends_with('s') && !head.ends_with("ss");
    if !(cx.lex.description_openers.contains(opener) || plural_noun)
        || is_capitalized(cx.words[j - 1].text)
    {
        return None;
    }
    // "The Syrian leader would neither confirm nor deny": a verb phrase is no description.
    let verbish = (k..j).any(|x| {
        let l = cx.lower(x);
        is_clause_word(l) && l != "as" || matches!(l, "would" | "will" | "neither" | "nor")
    });
    if verbish {
        return None;
    }
    Some((cx.words[k].start, cx.words[j - 1].end))
}

/// "One attendee, who like others spoke on condition of anonymity, said", "The state officials
/// whose laws have been invalidated say", "Democrats trying to regain control of the Senate
/// say": a noun phrase opening the clause, then a relative or participle clause that describes
/// it, then the cue at word `i`. The speaker is the noun phrase; the words right before the cue
/// must not be a subject of their own ("the treaty that Petrov said was dead").
pub(super) fn modified_subject(cx: &Ctx, i: usize) -> Option<(usize, usize)> {
    // A verb, not a noun that looks like one ("shouted questions", "vague promises").
    let cue = cx.lower(i);
    if !(cx.lex.report.contains(cue) || cue.ends_with("ed")) {
        return None;
    }
    let mut j = i;
    while j > 0 && cx.lex.aux.contains(cx.lower(j - 1)) {
        j -= 1;
    }
    let last = j.checked_sub(1)?;
    let lw = cx.lower(last);
    // "The teenager who classmates said was bullied": a noun for people right before the cue
    // is its subject.
    let last_singular = lw.strip_suffix('s').unwrap_or(lw);
    if SUBJECT_PRONOUNS.contains(&lw)
        || cx.lex.roles.contains(lw)
        || cx.lex.person_nouns.contains(lw)
        || cx.lex.person_nouns.contains(last_singular)
        || cx.in_quote(cx.words[last].start)
    {
        return None;
    }
    // The clause opens at the unit's start, after a conjunction opening it.
    let mut k = (cx.words.first()?.start == cx.unit.0).then_some(0)?;
    if matches!(cx.words[k].text, "But" | "And" | "Yet" | "So") {
        k += 1;
    }
    if j - k > 30 || j <= k + 2 {
        return None;
    }
    // The noun phrase: an opener and up to three words, or a plural noun or role alone.
    let head = (k..(k + 4).min(j)).find(|&h| {
        let next = cx.lower(h + 1);
        let modifier = matches!(next, "who" | "whose" | "that")
            || next.len() > 5
                && next.ends_with("ing")
                && !cx.lex.participle.contains(next)
                && !ING_NOUNS.contains(&next)
            || matches!(
                next,
                "interviewed" | "polled" | "surveyed" | "quoted" | "based"
            );
        modifier && cx.gap(h, h + 1).trim().trim_matches(',').is_empty()
    })?;
    let noun = cx.lower(head);
    let opener = cx.lower(k);
    let plural = noun.len() > 3 && noun.ends_with('s') && !noun.ends_with("ss");
    // A person or people, never a thing: "the exchange", "a year", "questions".
    let singular = noun.strip_suffix('s').unwrap_or(noun);
    let is_person = |n: &str| cx.lex.roles.contains(n) || cx.lex.person_nouns.contains(n);
    // "One neighbor, who asked not to be named, said": the cue of the clause itself is not
    // the noun's; the clause needs words of its own.
    if !(is_person(noun) || is_person(singular))
        || NOT_HEADS.contains(&noun)
        || cx.lex.description_openers.contains(noun)
        || j - head < 3
    {
        return None;
    }
    // "Democrats who have stridently opposed Mr. Trump's agenda praised": the clause's own
    // verb is a cue no more than its auxiliaries and adverbs are words of its own.
    if matches!(cx.lower(head + 1), "who" | "that")
        && (head + 2..j).all(|x| cx.lex.aux.contains(cx.lower(x)) || cx.lower(x).ends_with("ly"))
    {
        return None;
    }
    let lower_phrase = (k + 1..=head).all(|x| !is_capitalized(cx.words[x].text));
    let described = cx.lex.description_openers.contains(opener) && head > k
        || head == k && (plural || cx.lex.roles.contains(noun))
        || head > k && plural && lower_phrase && !is_capitalized(cx.words[k].text);
    let phrase_ok = (k..=head)
        .all(|x| (x == k || cx.gap(x - 1, x).trim().is_empty()) && !is_clause_word(cx.lower(x)))
        && (!is_capitalized(cx.words[head].text) || cx.lex.description_openers.contains(opener))
        || head == k;
    // A relative clause with a subject of its own is about the noun, not by it: "the treaty
    // that Petrov said was dead".
    let rel = cx.lower(head + 1);
    let own_subject = matches!(rel, "that" | "which" | "whom" | "who")
        && cx.words.get(head + 2).is_none_or(|w| {
            let l = cx.lower(head + 2);
            is_capitalized(w.text)
                || SUBJECT_PRONOUNS.contains(&l)
                || cx.lex.description_openers.contains(l)
                || cx.lex.glue.contains(l)
        });
    if own_subject {
        return None;
    }
    // The modifier holds no cue of its own, no quotation and no end of a sentence.
    let modifier_ok = (head + 1..j).all(|x| {
        let l = cx.lower(x);
        !cx.in_quote(cx.words[x].start)
            && !cx.lex.report.contains(l)
            && !is_possessive(l)
            && !cx.gap(x - 1, x).contains([';', ':', '(', '"', '“', '”'])
    });
    (described && phrase_ok && modifier_ok && !is_possessive(noun))
        .then(|| (cx.words[k].start, cx.words[head].end))
}

/// Nouns in -ing, which open no participle clause after a noun ("their first meeting").
const ING_NOUNS: &[&str] = &[
    "meeting",
    "briefing",
    "hearing",
    "building",
    "morning",
    "evening",
    "funding",
    "spending",
    "ruling",
    "thing",
    "ceiling",
    "feeling",
    "bombing",
    "shooting",
    "opening",
    "ending",
    "training",
    "housing",
    "setting",
    "timing",
    "gathering",
    "offering",
    "uprising",
];

/// Role words that modify a noun rather than head one: "their first meeting".
const NOT_HEADS: &[&str] = &[
    "first",
    "second",
    "former",
    "senior",
    "top",
    "new",
    "current",
    "acting",
    "deputy",
    "chief",
    "vice",
    "high",
    "special",
    "high-level",
    "high-ranking",
    "top-ranking",
    "outgoing",
    "incoming",
    "longtime",
    "veteran",
    "fellow",
    "unnamed",
    "anonymous",
    "independent",
    "legal",
    "local",
    "federal",
    "regional",
    "national",
    "foreign",
    "state",
    "white",
    "house",
    "press",
];

/// Words `k..j` are a description whose noun a postmodifier completes: "people familiar with
/// the matter", "sources close to the prime minister", "a resident familiar with the site". The
/// noun is a role, a person noun, a plural noun or a noun after a description opener, within three words of
/// the start, in lower case (the sentence's first word aside); at most six words follow the
/// postmodifier, none of them a verb or another clause.
fn postmodified(cx: &Ctx, k: usize, j: usize) -> bool {
    (k + 1..(k + 4).min(j)).any(|m| {
        let Some(p) = cx.lex.postmodifiers.iter().find(|p| {
            m + p.words.len() < j
                && p.words
                    .iter()
                    .enumerate()
                    .all(|(x, w)| cx.lower(m + x) == w)
        }) else {
            return false;
        };
        let after = m + p.words.len();
        let noun = cx.lower(m - 1);
        let opener = cx.lower(k);
        let plural = noun.len() > 3 && noun.ends_with('s') && !noun.ends_with("ss");
        let person = cx.lex.roles.contains(noun) || cx.lex.person_nouns.contains(noun);
        let described = m - k == 1 && (plural || person)
            || m - k > 1 && cx.lex.description_openers.contains(opener);
        described
            && j - after <= 6
            && (k..m).all(|x| x == k || !is_capitalized(cx.words[x].text))
            && (k..j).all(|x| {
                !cx.in_quote(cx.words[x].start)
                    && (x == k || cx.gap(x - 1, x).trim().is_empty())
                    && !(is_clause_word(cx.lower(x)) && cx.lower(x) != "as")
            })
    })
}

#[cfg(test)]
mod tests {
    use crate::extract::attribution::testing::*;

    #[test]
    fn a_postmodifier_completes_a_description() {
        for (par, who) in [
            (
                "People familiar with the matter said the talks had stalled.",
                "People familiar with the matter",
            ),
            (
                "Sources close to the prime minister said the talks had stalled.",
                "Sources close to the prime minister",
            ),
            (
                "Rather, sources close to her campaign say she backs the plan.",
                "sources close to her campaign",
            ),
            (
                "Diplomats briefed on the talks said the deal had stalled.",
                "Diplomats briefed on the talks",
            ),
            (
                "Two people with direct knowledge of the negotiations said the deal was near.",
                "Two people with direct knowledge of the negotiations",
            ),
        ] {
            let (_, sp, _) = one(par);
            assert_eq!(sp, who, "{par}");
        }
        // A clause before the verb is no description: nothing is said here.
        assert!(all_in("The plan for the city was what critics said it was.").is_empty());
    }

    #[test]
    fn a_clause_between_a_described_speaker_and_the_verb_is_stepped_over() {
        for (par, who, text) in [
            (
                "One attendee, who like others spoke on condition of anonymity, said the talks \
                 would go on.",
                "One attendee",
                "the talks would go on",
            ),
            (
                "The state officials whose laws have been invalidated say the change came from \
                 the courts.",
                "The state officials",
                "the change came from the courts",
            ),
            (
                "Another Muslim who worshiped at the center and who didn't want to be named said \
                 he heard the talk.",
                "Another Muslim",
                "he heard the talk",
            ),
            (
                "But numerous military veterans interviewed at rallies this week said they had no \
                 problem with it.",
                "numerous military veterans",
                "they had no problem with it",
            ),
        ] {
            let (t, sp, _) = one(par);
            assert_eq!((t.as_str(), sp.as_str()), (text, who), "{par}");
        }
        for par in [
            // The clause has a subject of its own: about the treaty, not by it.
            "The treaty that Petrov said was dead is back on the table.",
            "The teenager who classmates said was bullied left the school.",
            "The candidate that voters said they trusted won the seat.",
            // The cue is the clause's own verb.
            "Democrats who have stridently opposed the agenda praised the strikes.",
            // Nouns that look like verbs, and things, never speak.
            "Their first meeting in Singapore produced vague promises from Kim to disarm.",
            "Some reporters covering the event heard reporters’ shouted questions about it.",
            "The exchange that followed the debate claimed the headlines for days.",
        ] {
            assert!(all_in(par).is_empty(), "{par}: {:?}", run(par));
        }
    }

    #[test]
    fn a_verb_phrase_is_no_description() {
        // "would neither confirm nor deny" denies nothing, and its words are no speaker.
        let par = "The Syrian leader would neither confirm nor deny that his government kept \
                   chemical weapons.";
        for f in all_in(par) {
            let sp = f.speaker.map(|(s, e)| &par[s..e]).unwrap_or_default();
            assert!(!sp.contains("confirm"), "{sp}");
        }
    }

    #[test]
    fn plain_descriptions_speak_as_written() {
        let (text, sp, _) = one("Hamdy was also headed to Cairo, her friend said.");
        assert_eq!(
            (text.as_str(), sp.as_str()),
            ("Hamdy was also headed to Cairo", "her friend")
        );
        let (_, sp, _) = one("Several delegate candidates said they would back the draft effort.");
        assert_eq!(sp, "Several delegate candidates");
    }
}
