//! The participle constructions: ", saying that …" after a main clause, whose subject
//! speaks, and ", adding, “…”" after a statement of the same sentence.

use super::super::text::is_capitalized;
use super::constructions::SUBORDINATORS;
use super::content::{bare_clause_at, is_clause_word};
use super::subject::subject_after;
use super::{Ctx, Found, SUBJECT_PRONOUNS, finish};
use crate::extract::text::is_possessive;

/// "Russia has refuted the claims, warning that …": the speaker is the main clause's subject,
/// the content what follows "that" (or a quotation).
pub(super) fn participle(cx: &Ctx, i: usize, cue: &str) -> Option<Found> {
    let (_, ue) = cx.unit;
    let start = participle_content(cx, i)?;
    let first = cx.words.first()?;
    if cx.in_quote(first.start) || first.start != cx.unit.0 {
        return None;
    }
    let (ss, se, last) = subject_after(
        cx,
        after_opening_participle(cx).unwrap_or(0),
        &[
            "on", "in", "at", "who", "which", "that", "has", "have", "had",
        ],
    )?;
    // "some Israeli politicians voiced …": a plural noun after a nationality completes the
    // subject when a past-tense verb follows it.
    let (se, last) = match (cx.words.get(last + 1), cx.words.get(last + 2)) {
        (Some(noun), Some(_))
            if is_capitalized(cx.words[last].text)
                && cx.gap(last, last + 1).trim().is_empty()
                && cx.gap(last + 1, last + 2).trim().is_empty()
                && noun.text.len() > 3
                && noun.text.ends_with('s')
                && noun.text.starts_with(char::is_lowercase)
                && cx.lower(last + 2).ends_with("ed") =>
        {
            (noun.end, last + 1)
        }
        _ => (se, last),
    };
    // The subject must be followed by its verb, not be the start of a longer phrase.
    let verb = cx.words.get(last + 1)?;
    if !cx.gap(last, last + 1).trim().is_empty() || is_capitalized(verb.text) {
        return None;
    }
    finish(cx, vec![(start, ue)], (ss, se), cue)
}

/// "“…,” Graham said on MSNBC, adding, “…”": a participle after a statement of the same
/// sentence adds words of that statement's speaker, a statement of its own.
pub(super) fn participle_after(cx: &Ctx, i: usize, cue: &str, before: &Found) -> Option<Found> {
    let (ss, se) = before.speaker?;
    let words_between = cx
        .words
        .iter()
        .filter(|w| w.start >= se && w.end <= cx.words[i].start)
        .count();
    if se > cx.words[i].start
        || words_between > 12
        || cx.par[se..cx.words[i].start].contains(['.', ';', '!', '?'])
    {
        return None;
    }
    let start = participle_content(cx, i)?;
    finish(cx, vec![(start, cx.unit.1)], (ss, se), cue)
}

/// Where the content of the participle at word `i` starts: after "that", at a quotation, after
/// a listener and "that", or at a clause without "that".
fn participle_content(cx: &Ctx, i: usize) -> Option<usize> {
    let next = cx.words.get(i + 1)?;
    let start = if next.text == "that" {
        next.end
    } else if cx.in_quote(next.start) {
        cx.spans
            .iter()
            .find(|&&(s, e)| s <= next.start && next.start < e)?
            .0
    } else if let Some(that) = that_after_listener(cx, i + 1) {
        // ", telling voters that …", ", warning the allies that …".
        cx.words[that].end
    } else if let Some(j) = listener_then_clause(cx, i) {
        // ", telling reporters it was not an option": the listener, then what was said.
        cx.words[j].start
    } else if bare_clause_at(cx, i + 1)
        || !takes_listener(cx, i) && (past_clause_at(cx, i + 1) || present_clause_at(cx, i + 1))
    {
        // ", saying it is time …", ", saying the law helped millions of kids": a clause
        // without "that".
        next.start
    } else {
        return None;
    };
    Some(start)
}

/// A participle whose first object is its listener: "telling", "reminding", "assuring".
fn takes_listener(cx: &Ctx, i: usize) -> bool {
    matches!(cx.lower(i), "telling" | "reminding" | "assuring")
}

/// After "telling", "reminding" or "assuring" and a listener of a word or two ("reporters",
/// "the judge"), the word where a clause with a pronoun subject starts.
fn listener_then_clause(cx: &Ctx, i: usize) -> Option<usize> {
    if !takes_listener(cx, i) {
        return None;
    }
    (i + 2..(i + 4).min(cx.words.len()))
        .take_while(|&j| cx.gap(j - 1, j).trim().is_empty() && !cx.in_quote(cx.words[j].start))
        .find(|&j| SUBJECT_PRONOUNS.contains(&cx.lower(j)) && bare_clause_at(cx, j))
}

/// A clause in the present tense opening at word `k`: a short noun phrase with a determiner,
/// a name or a plural noun, then a verb of the present ("conservatives need to band
/// together", "the deal hurts workers"), before any punctuation.
fn present_clause_at(cx: &Ctx, k: usize) -> bool {
    const PLURAL_VERBS: &[&str] = &[
        "need",
        "want",
        "have",
        "know",
        "think",
        "believe",
        "support",
        "oppose",
        "deserve",
        "remain",
        "face",
        "lack",
        "seek",
        "plan",
        "intend",
        "hope",
        "fear",
        "expect",
        "agree",
        "say",
        "feel",
        "continue",
        "pose",
        "make",
        "take",
        "get",
        "go",
        "come",
        "look",
        "seem",
        "appear",
        "threaten",
        "undermine",
        "violate",
        "help",
        "hurt",
        "risk",
        "mean",
    ];
    let Some(first) = cx.words.get(k) else {
        return false;
    };
    let l0 = cx.lower(k);
    let plural_noun = l0.len() > 3 && l0.ends_with('s') && !l0.ends_with("ss");
    if cx.in_quote(first.start)
        || !(matches!(
            l0,
            "the" | "his" | "her" | "their" | "its" | "this" | "these" | "those"
        ) || is_capitalized(first.text)
            || plural_noun)
    {
        return false;
    }
    // A verb in -s right after the subject: "Moscow wants", "the deal hurts" (not "the
    // existing ranks of", "U.S. lawmakers against").
    let verb_s_at = if is_capitalized(first.text) {
        k + 1
    } else {
        k + 2
    };
    (k + 1..(k + 5).min(cx.words.len()))
        .take_while(|&t| {
            cx.gap(t - 1, t).trim().is_empty()
                && !cx.in_quote(cx.words[t].start)
                && !cx.lex.glue.contains(cx.lower(t))
        })
        .any(|t| {
            let l = cx.lower(t);
            let prev = cx.lower(t - 1);
            let after_noun = !matches!(prev, "the" | "a" | "an" | "his" | "her" | "their" | "its");
            let singular = l.strip_suffix('s').unwrap_or(l);
            // "the high costs of inaction", "… costs." : a noun, with nothing or a preposition
            // after it.
            let then_object = cx.words.get(t + 1).is_some_and(|n| {
                cx.gap(t, t + 1).trim().is_empty() && !cx.lex.glue.contains(&*n.text.to_lowercase())
            });
            after_noun
                && !is_capitalized(cx.words[t].text)
                && !is_possessive(prev)
                && (PLURAL_VERBS.contains(&l)
                    || then_object
                        && t == verb_s_at
                        && l.len() > 4
                        && l.ends_with('s')
                        && !l.ends_with("ss")
                        && !l.ends_with("ous")
                        && !is_possessive(prev)
                        && !cx.lex.roles.contains(l)
                        && !cx.lex.person_nouns.contains(singular)
                        && !plural_noun)
        })
}

/// A clause in the past tense opening at word `k`: a short noun phrase and a verb in -ed
/// ("the law helped", "Moscow denied"), before any punctuation. "the proposed law" has its
/// -ed word right after the determiner and is a noun phrase.
fn past_clause_at(cx: &Ctx, k: usize) -> bool {
    const DETERMINERS: &[&str] = &[
        "the", "a", "an", "his", "her", "their", "its", "this", "these", "those", "some", "many",
        "most", "all", "both",
    ];
    let Some(first) = cx.words.get(k) else {
        return false;
    };
    if cx.in_quote(first.start)
        || !(DETERMINERS.contains(&cx.lower(k)) || is_capitalized(first.text))
    {
        return false;
    }
    (k + 1..(k + 5).min(cx.words.len()))
        .take_while(|&t| cx.gap(t - 1, t).trim().is_empty())
        .any(|t| {
            let l = cx.lower(t);
            l.len() > 4 && l.ends_with("ed") && !DETERMINERS.contains(&cx.lower(t - 1))
        })
}

/// "Continuing to explain his view, Carson …", "Reached by POLITICO, Bennett …", "Having
/// announced …, Judge Berman …": the first word after a sentence's opening participial
/// phrase, where its subject starts. A participle is known by its ending and the small word
/// after it, so "Manning said" and "Ding told" stay names.
fn after_opening_participle(cx: &Ctx) -> Option<usize> {
    let first = cx.lower(0);
    let participle = first.ends_with("ing") || first.ends_with("ed");
    let next = cx.lower(1);
    let small = matches!(
        next,
        "to" | "by"
            | "with"
            | "for"
            | "in"
            | "on"
            | "at"
            | "from"
            | "about"
            | "after"
            | "over"
            | "into"
            | "through"
            | "his"
            | "her"
            | "their"
            | "its"
            | "the"
            | "a"
            | "an"
    );
    // "Ahead of Kerry's arrival, some Israeli politicians voiced skepticism, saying …": an
    // opening prepositional or subordinate phrase is not the subject either.
    let opener = SUBORDINATORS.contains(&first)
        || matches!(
            first,
            "ahead"
                | "in"
                | "on"
                | "at"
                | "during"
                | "despite"
                | "following"
                | "with"
                | "amid"
                | "under"
                | "unlike"
                | "without"
                | "from"
                | "by"
                | "for"
                | "over"
                | "throughout"
        );
    if !(opener || participle && (small || first == "having" || first == "being"))
        || !cx.gap(0, 1).trim().is_empty() && !opener
    {
        return None;
    }
    (1..cx.words.len().min(20))
        .find(|&k| cx.gap(k - 1, k).trim() == "," && !cx.in_quote(cx.words[k].start))
}

/// The "that" after a short listener phrase ("voters", "the allies", "CNN") at word `k`.
fn that_after_listener(cx: &Ctx, k: usize) -> Option<usize> {
    for t in k + 1..(k + 5).min(cx.words.len()) {
        if cx.in_quote(cx.words[t].start) || !cx.gap(t - 1, t).trim().is_empty() {
            return None;
        }
        let l = cx.lower(t);
        if l == "that" {
            return Some(t);
        }
        if cx.lex.any_verb.contains(l) || is_clause_word(l) {
            return None;
        }
    }
    None
}
