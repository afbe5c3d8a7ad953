//! Subjects that reach beyond the words next to the cue: appositives ("Paul Porter, a truck
//! driver, said"), conjoined verbs ("served in Vietnam and said"), plain descriptions ("her
//! friend said") and modifiers up to the clause start ("super PAC spokeswoman Lia Moss").

use super::super::text::{is_capitalized, is_dash};
use super::content::is_clause_word;
use super::subject::{subject_after, subject_before_plain};
use super::{Ctx, SUBJECT_PRONOUNS};
use crate::extract::text::is_possessive;

/// A sentence-initial subject with appositives ("The deputy head of the Council, Ambassador,
/// Andrey Baklanov, told") is returned whole, so the resolver learns the person's titles.
pub(super) fn extend_appositive(cx: &Ctx, subject: (usize, usize)) -> (usize, usize) {
    let mut start = subject.0;
    for _ in 0..4 {
        let before = cx.par[cx.unit.0..start].trim_end();
        if before.is_empty() {
            return (start, subject.1);
        }
        if !before.ends_with(',') {
            return subject;
        }
        let Some(first_word) = cx.words.iter().position(|w| w.start >= start) else {
            return subject;
        };
        match subject_before_plain(cx, first_word) {
            Some((s, _)) if s < start && !opens_with_adverbial(cx, s) => start = s,
            _ => return subject,
        }
    }
    if cx.par[cx.unit.0..start].trim().is_empty() {
        (start, subject.1)
    } else {
        subject
    }
}

/// "Back in December,", "Late on Monday,", "Citing Bosnia,", "First,", "Almost to a person,":
/// a sentence's opening adverbial before its subject, no appositive of the speaker.
fn opens_with_adverbial(cx: &Ctx, start: usize) -> bool {
    let Some(k) = cx.words.iter().position(|w| w.start == start) else {
        return false;
    };
    let first = cx.lower(k);
    let word = cx.words[k].text;
    if cx.lex.roles.contains(first) {
        return false;
    }
    let next_is_preposition = k + 1 < cx.words.len()
        && cx.gap(k, k + 1).trim().is_empty()
        && matches!(
            cx.lower(k + 1),
            "in" | "on"
                | "at"
                | "to"
                | "for"
                | "with"
                | "after"
                | "before"
                | "during"
                | "since"
                | "until"
                | "from"
                | "by"
        );
    // A comma right after it: one word alone before the subject ("First, …").
    let alone = k + 1 < cx.words.len() && cx.gap(k, k + 1).contains(',');
    // Participles that open a sentence; not every word in -ing (Manning, Ding are names).
    let participle = matches!(
        first,
        "citing"
            | "speaking"
            | "asked"
            | "responding"
            | "referring"
            | "noting"
            | "pointing"
            | "writing"
            | "addressing"
            | "following"
            | "echoing"
            | "reacting"
            | "testifying"
            | "appearing"
            | "commenting"
            | "talking"
            | "answering"
            | "explaining"
            | "arguing"
            | "warning"
            | "insisting"
            | "acknowledging"
            | "describing"
            | "defending"
            | "calling"
            | "asking"
            | "announcing"
            | "reflecting"
            | "looking"
            | "standing"
    );
    participle
        || next_is_preposition
        || (alone
            && (super::super::speakers::is_opener(word)
                || matches!(first, "first" | "second" | "third" | "last" | "next")))
        || matches!(
            first,
            "back" | "late" | "early" | "elsewhere" | "almost" | "nearly" | "later" | "earlier"
        )
}

/// "the foreign ministers of Japan, Canada and Italy said": a subject that ends a list of
/// names after "of" or "from" is the whole noun phrase, never the list's last items.
pub(super) fn extend_over_list(cx: &Ctx, subject: (usize, usize)) -> (usize, usize) {
    static LIST_HEAD: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?:^|[\s,(])((?:[Tt]he\s+)?(?:[A-Za-z-]+\s+){1,4}(?:of|from)\s+(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3},\s+)+)$",
        )
        .unwrap()
    });
    let said = &cx.par[subject.0..subject.1];
    if !said.contains(" and ") || !said.split_whitespace().next().is_some_and(is_capitalized) {
        return subject;
    }
    let before = &cx.par[cx.unit.0..subject.0];
    match LIST_HEAD.captures(before).and_then(|c| c.get(1)) {
        Some(m) if !cx.in_quote(cx.unit.0 + m.start()) => (cx.unit.0 + m.start(), subject.1),
        _ => subject,
    }
}

/// "…,” super PAC spokeswoman Kellyanne Conway said": up to three modifiers before the name
/// belong to the subject when they reach back to the start of the clause.
pub(super) fn extend_to_boundary(cx: &Ctx, subject: (usize, usize)) -> (usize, usize) {
    let Some(first) = cx.words.iter().position(|w| w.start == subject.0) else {
        return subject;
    };
    // Only a name or title takes modifiers: "the Sanders campaign" and "she" are whole.
    if cx.opens_clause(first)
        || !is_capitalized(cx.words[first].text)
        || matches!(cx.words[first].text, "The" | "A" | "An")
    {
        return subject;
    }
    let mut k = first;
    while k > 0 && first - k < 3 {
        let w = cx.words[k - 1];
        let l = cx.lower(k - 1);
        let possessive = is_possessive(l);
        if cx.in_quote(w.start)
            || !cx.gap(k - 1, k).trim().is_empty()
            || is_clause_word(l)
            || cx.lex.any_verb.contains(l)
            || is_capitalized(w.text) && !possessive
            || matches!(
                l,
                "the"
                    | "a"
                    | "an"
                    | "since"
                    | "ever"
                    | "just"
                    | "only"
                    | "even"
                    | "of"
                    | "in"
                    | "on"
                    | "at"
                    | "for"
                    | "with"
                    | "by"
                    | "from"
                    | "about"
                    | "after"
                    | "before"
                    | "said"
                    | "says"
            )
        {
            return subject;
        }
        k -= 1;
        if cx.opens_clause(k) {
            return (cx.words[k].start, subject.1);
        }
    }
    subject
}

/// "“…,” David Allen Green, a British legal commentator argued", "…, Joanna Smith, a reporter
/// for the Toronto Star, reports": the name just before a description that would be the
/// subject, itself opening its clause after a comma or a quotation, is whom it describes.
pub(super) fn name_before_description(cx: &Ctx, subject: (usize, usize)) -> Option<(usize, usize)> {
    let first = cx.words.iter().position(|w| w.start == subject.0)?;
    // A description, not a name with an article: "the New York Times said" stays the Times.
    if first < 2
        || !matches!(cx.words[first].text, "a" | "an" | "the")
        || cx.gap(first - 1, first).trim() != ","
    {
        return None;
    }
    let described = cx.words[first + 1..]
        .iter()
        .take_while(|w| w.end <= subject.1)
        .any(|w| !is_capitalized(w.text) && !cx.lex.glue.contains(w.text));
    if !described {
        return None;
    }
    let end = first - 1;
    let mut start = end;
    while start > 0
        && end - start < 3
        && cx.gap(start - 1, start).trim().is_empty()
        && is_capitalized(cx.words[start - 1].text)
    {
        start -= 1;
    }
    let name = &cx.words[start..=end];
    // Not a place ("In Montclair, New Jersey, a police leader") nor the name of a role just
    // before it ("a letter to the Commission's president, Jean-Claude Juncker, the prime
    // minister said"): a capitalised word or a role word before the comma belongs to those.
    let opened = start > 0 && {
        let gap = cx.gap(start - 1, start).trim();
        let prev = cx.words[start - 1].text;
        (gap.ends_with([',', '"', '”', '“']) || gap.chars().last().is_some_and(is_dash))
            && (gap != ","
                || !(is_capitalized(prev)
                    || cx.is_role_word(cx.lower(start - 1))
                    || cx.in_quote(cx.words[start - 1].start)))
    };
    (name.len() >= 2
        && opened
        && !cx.in_quote(name[0].start)
        && name
            .iter()
            .all(|w| is_capitalized(w.text) && !cx.lex.capital_stops.contains(w.text)))
    .then(|| (name[0].start, name[name.len() - 1].end))
}

/// "Paul Porter, a truck driver from Ava, Mo., who backs Mr. Trump, said": the name that opens
/// the clause speaks, not the last name inside its appositives.
pub(super) fn appositive_subject(cx: &Ctx, i: usize) -> Option<(usize, usize)> {
    let mut j = i;
    while j > 0 && cx.lex.aux.contains(cx.lower(j - 1)) {
        j -= 1;
    }
    if j == 0 || !cx.gap(j - 1, j).contains(',') {
        return None;
    }
    // Clause boundaries before the cue: word indices that follow a comma.
    let mut k = j - 1;
    let mut commas = 0;
    while k > 0 && j - k < 40 {
        let w = cx.words[k - 1];
        let gap = cx.gap(k - 1, k);
        if cx.in_quote(w.start) || gap.contains([';', '"', '“', '”', '(']) {
            break;
        }
        if gap.contains(',') {
            commas += 1;
            if commas > 4 {
                return None;
            }
        }
        k -= 1;
    }
    // k is the clause start: the unit's start or the word after a quotation.
    if !cx.opens_clause(k) || commas == 0 {
        return None;
    }
    // "But Graham Brady, chairman of …, told": a conjunction opening the sentence is no name;
    // nor is "As" in "As Allison Pearson, a columnist, tweeted".
    if matches!(cx.words[k].text, "But" | "And" | "Yet" | "So" | "Or" | "As")
        && k + 1 < j
        && cx.gap(k, k + 1).trim().is_empty()
    {
        k += 1;
    }
    // "However, Andrei Lankov, a North Korea expert based in Seoul, South Korea, told": a
    // sentence adverb and its comma open the clause before the name does ("Kelly," a name
    // ending in "ly", does not).
    while k + 1 < j
        && cx.gap(k, k + 1).trim() == ","
        && (super::super::speakers::is_opener(cx.words[k].text)
            || super::super::speakers::is_adverb(cx.words[k].text))
    {
        k += 1;
    }
    loop {
        if let Some(name) = name_with_appositive(cx, k, j) {
            return Some(name);
        }
        // "In Michigan, Gov. Gretchen Whitmer, a Democrat, called": an opening phrase and its
        // comma come before the name.
        if !cx.lex.capital_stops.contains(cx.words[k].text) {
            return None;
        }
        k = (k + 1..j).find(|&t| cx.gap(t - 1, t).trim() == ",")?;
    }
}

/// The name that opens the clause at word `k`, set off by a comma from an appositive before
/// the cue at word `j`.
fn name_with_appositive(cx: &Ctx, k: usize, j: usize) -> Option<(usize, usize)> {
    // The name: capitalised words from k up to the first comma.
    let mut e = k;
    while e + 1 < j && cx.gap(e, e + 1).trim().is_empty() {
        e += 1;
    }
    // Up to seven words: "Former New York City Mayor Rudy Giuliani".
    if !cx.gap(e, e + 1).contains(',') || e - k > 6 {
        return None;
    }
    let name = &cx.words[k..=e];
    let all_caps = name.iter().all(|w| is_capitalized(w.text))
        && !name.iter().any(|w| cx.lex.capital_stops.contains(w.text));
    // What follows the name must read as an appositive, not a clause of its own.
    let next = cx.lower(e + 1);
    let relative = matches!(next, "who" | "whose" | "who's" | "who’s");
    // "O'Hanlon, of the Brookings Institution, said", "Pantucci, at the Royal United
    // Services Institute, said": where the person works ("of course" is no workplace).
    let workplace = matches!(next, "of" | "at" | "from")
        && cx
            .words
            .get(e + 2)
            .is_some_and(|w| w.text == "the" || is_capitalized(w.text));
    let appositive = relative
        || workplace
        || matches!(
            next,
            "a" | "an" | "the" | "which" | "our" | "his" | "her" | "its" | "their"
        )
        || cx.lex.roles.contains(next)
        || cx.words[e + 1].text.chars().all(|c| c.is_ascii_digit())
        || next.ends_with("'s")
        || next.ends_with("’s")
        || super::super::speakers::NAME_CUES.contains(&next)
        || party_tag(cx.words[e + 1].text)
        || described_by_state_and_party(cx, e + 1, j);
    // A surname alone opens a clause too when a relative clause about it follows ("Kerry,
    // who met Lavrov, said") or a quotation ends just before it ("“…,” Kelly, the former
    // head of Southern Command, said").
    let after_quote = k > 0 && cx.gap(k - 1, k).contains(['"', '”', '“']);
    let long_enough = name.len() >= 2
        || relative
        || after_quote
        || (workplace && !super::super::speakers::is_opener(name[0].text));
    let long_name_ok = name.len() <= 5 || name.iter().all(|w| is_capitalized(w.text));
    // "Sens. John McCain, R-Ariz., and Lindsey Graham, R-S.C., said": two speakers, not the
    // first alone.
    let another_named = (e + 2..j).any(|t| {
        cx.lower(t - 1) == "and"
            && cx.gap(t - 2, t - 1).contains(',')
            && is_capitalized(cx.words[t].text)
    });
    (all_caps && appositive && long_enough && long_name_ok && !another_named)
        .then(|| (name[0].start, name[name.len() - 1].end))
}

/// "R-Ill.", "D-Calif.", "I-Vt.": a U.S. lawmaker's party and state after the name.
fn party_tag(word: &str) -> bool {
    let mut parts = word.splitn(2, '-');
    matches!(parts.next(), Some("R" | "D" | "I"))
        && parts
            .next()
            .is_some_and(|st| st.starts_with(|c: char| c.is_ascii_uppercase()))
}

/// "Texas Republican and chairman of the committee", "co-founding editor of The Intercept": an
/// appositive starting at word `k` (before the cue at `j`) that names a party member or holds
/// a role in its first four words.
fn described_by_state_and_party(cx: &Ctx, k: usize, j: usize) -> bool {
    let end = (k + 1..j)
        .find(|&t| cx.gap(t - 1, t).contains(','))
        .unwrap_or(j);
    (k..end).take(4).any(|t| {
        matches!(cx.lower(t), "republican" | "democrat" | "independent")
            || cx.lex.roles.contains(cx.lower(t))
    })
}

/// "Gingrich — mentioned by Newsmax as Trump's likely running mate — told Fox News": an aside
/// set off by dashes between the subject and its verb is no part of the subject, and no name
/// or description inside it speaks. The subject is what opens the clause before the first dash:
/// a name, or a description ("The senator — who … — said").
pub(super) fn dashed_subject(cx: &Ctx, i: usize) -> Option<(usize, usize)> {
    let dash = |gap: &str| {
        let g = gap.trim();
        g.chars().any(is_dash) && g.chars().all(|c| is_dash(c) || c == ',')
    };
    let mut j = i;
    while j > 0 && cx.lex.aux.contains(cx.lower(j - 1)) {
        j -= 1;
    }
    if j == 0 || !dash(cx.gap(j - 1, j)) {
        return None;
    }
    // The opening dash, within the sentence and outside quotations.
    let mut k = j - 1;
    loop {
        if k == 0 || j - k > 30 {
            return None;
        }
        let gap = cx.gap(k - 1, k);
        if gap.contains([';', '"', '“', '”', '(', ')']) || cx.in_quote(cx.words[k - 1].start) {
            return None;
        }
        if dash(gap) {
            break;
        }
        k -= 1;
    }
    // The subject ends before the opening dash and starts where the clause opens.
    let end = k - 1;
    let mut s = end;
    while !cx.opens_clause(s) && s > 0 && end - s < 5 && cx.gap(s - 1, s).trim().is_empty() {
        s -= 1;
    }
    if !cx.opens_clause(s) {
        return None;
    }
    // "Mike Hunter, the attorney general of Oklahoma—Behenna's home state—asked": the name
    // before the comma is the one the description describes.
    if s >= 2 && cx.gap(s - 1, s).trim() == "," && !cx.lex.relativizers.contains(cx.lower(s)) {
        let mut n = s - 1;
        while n > 0 && !cx.opens_clause(n) && cx.gap(n - 1, n).trim().is_empty() && s - n < 4 {
            n -= 1;
        }
        let name = &cx.words[n..s];
        if name.len() >= 2
            && cx.opens_clause(n)
            && name.iter().all(|w| is_capitalized(w.text))
            && !name.iter().any(|w| cx.lex.capital_stops.contains(w.text))
        {
            return Some((name[0].start, name[name.len() - 1].end));
        }
    }
    let words = &cx.words[s..=end];
    let name = words.iter().all(|w| is_capitalized(w.text))
        && !words.iter().any(|w| cx.lex.capital_stops.contains(w.text));
    let described = end > s && matches!(cx.lower(s), "the" | "a" | "an");
    // "A former Republican presidential candidate -- John McCain, who lost in 2008 -- said":
    // a description names no one when the aside gives the name.
    let named_aside = (k..j)
        .take_while(|&t| {
            is_capitalized(cx.words[t].text) && (t == k || cx.gap(t - 1, t).trim().is_empty())
        })
        .last()
        .filter(|&e| e > k && !cx.lex.capital_stops.contains(cx.words[k].text));
    if described && let Some(e) = named_aside {
        return Some((cx.words[k].start, cx.words[e].end));
    }
    (name || described).then(|| (words[0].start, words[words.len() - 1].end))
}

/// "Elkins, 70, served in Vietnam and said …": the subject of the first verb speaks.
pub(super) fn conjoined_subject(cx: &Ctx, i: usize) -> Option<(usize, usize)> {
    let mut j = i;
    while j > 0 && cx.lex.aux.contains(cx.lower(j - 1)) {
        j -= 1;
    }
    if j == 0 || !matches!(cx.lower(j - 1), "and" | "but") {
        return None;
    }
    let first = cx.words.first()?;
    if cx.in_quote(first.start) || first.start != cx.unit.0 {
        return None;
    }
    // One clause: no quotation, semicolon or second cue between the subject and "and".
    let between = &cx.par[cx.unit.0..cx.words[j - 1].start];
    if between.contains([';', '"', '“', '”', ':'])
        || (0..j - 1).any(|k| {
            matches!(
                cx.lower(k),
                "when"
                    | "while"
                    | "after"
                    | "because"
                    | "if"
                    | "as"
                    | "since"
                    | "before"
                    | "although"
                    | "though"
                    | "until"
                    | "whom"
                    | "that"
                    | "which"
            )
        })
    {
        return None;
    }
    let (ss, se, last) = subject_after(
        cx,
        0,
        &[
            "on", "in", "at", "who", "which", "that", "has", "have", "had", "and",
        ],
    )?;
    if SUBJECT_PRONOUNS.contains(&cx.lower(0)) && last == 0 {
        return Some((ss, se));
    }
    // The subject is followed by its verb or by an appositive set off by commas.
    let next = cx.words.get(last + 1)?;
    let gap = cx.gap(last, last + 1).trim();
    let nl = cx.lower(last + 1);
    let verb_like = nl.ends_with("ed")
        || nl.ends_with('s') && !nl.ends_with("ss")
        || cx.lex.aux.contains(nl)
        || cx.lex.any_verb.contains(nl)
        || matches!(
            nl,
            "is" | "was"
                | "are"
                | "were"
                | "will"
                | "would"
                | "can"
                | "could"
                | "did"
                | "does"
                | "do"
                | "met"
                | "went"
                | "made"
                | "took"
                | "gave"
                | "got"
                | "came"
                | "ran"
                | "won"
                | "lost"
                | "spent"
                | "sent"
                | "told"
                | "spoke"
                | "wrote"
                | "held"
        );
    let verb_next = gap.is_empty() && !is_capitalized(next.text) && verb_like;
    (verb_next || gap == ",").then_some((ss, se))
}

#[cfg(test)]
mod tests;
