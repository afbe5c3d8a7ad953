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
    if cx.lex.roles.contains(first.as_str()) {
        return false;
    }
    let next_is_preposition = k + 1 < cx.words.len()
        && cx.gap(k, k + 1).trim().is_empty()
        && matches!(
            cx.lower(k + 1).as_str(),
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
        first.as_str(),
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
                || matches!(
                    first.as_str(),
                    "first" | "second" | "third" | "last" | "next"
                )))
        || matches!(
            first.as_str(),
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
            || cx.lex.any_verb.contains(l.as_str())
            || is_capitalized(w.text) && !possessive
            || matches!(
                l.as_str(),
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

/// "Paul Porter, a truck driver from Ava, Mo., who backs Mr. Trump, said": the name that opens
/// the clause speaks, not the last name inside its appositives.
pub(super) fn appositive_subject(cx: &Ctx, i: usize) -> Option<(usize, usize)> {
    let mut j = i;
    while j > 0 && cx.lex.aux.contains(cx.lower(j - 1).as_str()) {
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
    // "But Graham Brady, chairman of …, told": a conjunction opening the sentence is no name.
    if matches!(cx.words[k].text, "But" | "And" | "Yet" | "So" | "Or")
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
    let relative = matches!(next.as_str(), "who" | "whose" | "who's" | "who’s");
    // "O'Hanlon, of the Brookings Institution, said", "Pantucci, at the Royal United
    // Services Institute, said": where the person works ("of course" is no workplace).
    let workplace = matches!(next.as_str(), "of" | "at" | "from")
        && cx
            .words
            .get(e + 2)
            .is_some_and(|w| w.text == "the" || is_capitalized(w.text));
    let appositive = relative
        || workplace
        || matches!(next.as_str(), "a" | "an" | "the" | "which")
        || cx.lex.roles.contains(next.as_str())
        || cx.words[e + 1].text.chars().all(|c| c.is_ascii_digit())
        || next.ends_with("'s")
        || next.ends_with("’s")
        || super::super::speakers::NAME_CUES.contains(&next.as_str())
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

/// "Texas Republican and chairman of the committee", "a Kentucky Democrat": an appositive
/// starting at word `k` (before the cue at `j`) that names a party member or holds a role.
fn described_by_state_and_party(cx: &Ctx, k: usize, j: usize) -> bool {
    if !is_capitalized(cx.words[k].text) {
        return false;
    }
    let end = (k + 1..j)
        .find(|&t| cx.gap(t - 1, t).contains(','))
        .unwrap_or(j);
    (k..end).take(4).any(|t| {
        matches!(
            cx.lower(t).as_str(),
            "republican" | "democrat" | "independent"
        ) || cx.lex.roles.contains(cx.lower(t).as_str())
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
    while j > 0 && cx.lex.aux.contains(cx.lower(j - 1).as_str()) {
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
    if s >= 2
        && cx.gap(s - 1, s).trim() == ","
        && !cx.lex.relativizers.contains(cx.lower(s).as_str())
    {
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
    let described = end > s && matches!(cx.lower(s).as_str(), "the" | "a" | "an");
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
    while j > 0 && cx.lex.aux.contains(cx.lower(j - 1).as_str()) {
        j -= 1;
    }
    if j == 0 || !matches!(cx.lower(j - 1).as_str(), "and" | "but") {
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
                cx.lower(k).as_str(),
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
    if SUBJECT_PRONOUNS.contains(&cx.lower(0).as_str()) && last == 0 {
        return Some((ss, se));
    }
    // The subject is followed by its verb or by an appositive set off by commas.
    let next = cx.words.get(last + 1)?;
    let gap = cx.gap(last, last + 1).trim();
    let nl = cx.lower(last + 1);
    let verb_like = nl.ends_with("ed")
        || nl.ends_with('s') && !nl.ends_with("ss")
        || cx.lex.aux.contains(nl.as_str())
        || cx.lex.any_verb.contains(nl.as_str())
        || matches!(
            nl.as_str(),
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

/// A short lower-case description right before the cue, set off by a comma or starting the
/// sentence: "…, her friend said." / "Several delegate candidates said …". Kept as written.
pub(super) fn described_subject(cx: &Ctx, i: usize) -> Option<(usize, usize)> {
    let mut j = i;
    while j > 0 && cx.lex.aux.contains(cx.lower(j - 1).as_str()) {
        j -= 1;
    }
    let mut k = j;
    // "But hacking specialists say": a sentence adverb before the description opens it.
    let mut after_adverb = false;
    while k > 0 && j - k < 7 {
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
    if !(after_adverb || cx.opens_clause(k)) {
        return None;
    }
    let opener = cx.lower(k);
    let head = cx.lower(j - 1);
    // "critics said", "political experts said": a short plural description.
    let plural_noun = j - k <= 2 && head.len() > 3 && head.ends_with('s') && !head.ends_with("ss");
    if !(cx.lex.description_openers.contains(opener.as_str()) || plural_noun)
        || is_capitalized(cx.words[j - 1].text)
    {
        return None;
    }
    let verbish = (k..j).any(|x| is_clause_word(cx.lower(x)) && cx.lower(x) != "as");
    if verbish {
        return None;
    }
    Some((cx.words[k].start, cx.words[j - 1].end))
}

#[cfg(test)]
mod tests {
    use crate::extract::attribution::testing::*;

    #[test]
    fn told_recipient_that() {
        let r = run(
            "A member of the committee, Anna Smirnova, told Interfax that the vote was postponed.",
        );
        // The appositive comes along so the resolver learns her title.
        assert_eq!(r[0].1, "A member of the committee, Anna Smirnova");
        assert_eq!(r[0].0, "the vote was postponed");
    }

    #[test]
    fn conjoined_verbs_share_their_subject() {
        let (text, sp, _) =
            one("Jim Parks, 70, served in the navy and said he was convinced the plan would fail.");
        assert_eq!(sp, "Jim Parks");
        assert_eq!(text, "he was convinced the plan would fail");
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

    #[test]
    fn a_clause_is_not_taken_for_a_description() {
        // The words before the comma have a verb: the speaker is the plain noun after it.
        let (text, sp, _) =
            one("It was the plan that the committee approved, officials noted today.");
        assert_eq!(sp, "officials");
        assert_eq!(text, "It was the plan that the committee approved");
    }

    #[test]
    fn descriptions_reach_back_to_the_clause_start() {
        let (_, sp, _) =
            one("“There is real concern among donors,” super PAC spokeswoman Lia Moss said.");
        assert_eq!(sp, "super PAC spokeswoman Lia Moss");
        let (_, sp, _) =
            one("“This is not a combat mission,” one senior administration official said.");
        assert_eq!(sp, "one senior administration official");
        let (text, sp, _) = one("Film director Jo Park said, “Nobody here will vote for him.”");
        assert_eq!(sp, "Film director Jo Park");
        assert_eq!(text, "“Nobody here will vote for him.”");
    }

    #[test]
    fn the_name_before_long_appositives_speaks() {
        let (_, sp, _) = one(
            "Paul Ortega, a truck driver from Ava, Mo., who is a supporter of Mr. Lee, said he already earns overtime.",
        );
        assert_eq!(sp, "Paul Ortega");
        let (_, sp, _) = one(
            "Dan Marsh, senior director for Asian affairs at the National Security Council, said he expects unity.",
        );
        assert_eq!(sp, "Dan Marsh");
    }

    #[test]
    fn the_name_before_a_party_tag_a_state_and_party_or_a_long_title_speaks() {
        for (par, speaker) in [
            (
                "Sen. Mark Kerwin, R-Ill., who faces a tough race at home, said he lacks the temperament to lead.",
                "Sen. Mark Kerwin",
            ),
            (
                "“We have had thousands of travelers become fighters,” Rep. Michael T. Carew, Texas Republican and chairman of the Homeland Security Committee, said on Sunday.",
                "Rep. Michael T. Carew",
            ),
            (
                "Former New York City Mayor Rudy Galante, who's involved in the planning for the Olympics in Rio de Janeiro, told reporters that it was too late.",
                "Former New York City Mayor Rudy Galante",
            ),
            // Where the person works: "of", "at", "from" the institution, even after a
            // surname alone.
            (
                "Michael Hanlon, of the Brookings Institution, said the plan would fail.",
                "Michael Hanlon",
            ),
            (
                "Pantucci, at the Royal United Services Institute, said China and Russia have a truce.",
                "Pantucci",
            ),
            // A surname alone after a quotation, and one ending in "ly", which is no adverb.
            (
                "“I don't see a big deal,” Kelly, the former head of U.S. Southern Command, said on Sunday.",
                "Kelly",
            ),
        ] {
            assert_eq!(first_speaker(par).as_deref(), Some(speaker), "{par}");
        }
        // Two people named with their tags speak together, never the first alone.
        assert_ne!(
            first_speaker(
                "Sens. John Mead, R-Ariz., and Lindsay Grant, R-S.C., said the invasion must be named.",
            )
            .as_deref(),
            Some("Sens. John Mead")
        );
    }

    #[test]
    fn places_and_clause_openers_are_not_speakers() {
        let (_, sp, _) = one(
            "Ted Benford, 58, who lives outside Minneapolis, says he knew little about the senator.",
        );
        assert_eq!(sp, "Ted Benford");
        let (_, sp, _) = one(
            "Kevin Swan, who is a pastor at the Reform Church of Elizabeth, Colorado, slammed the group for its “agenda.”",
        );
        assert_eq!(sp, "Kevin Swan");
        let par = "The Louisville crowd cheered when Ted Lowe spotted a sign and asked it to be fetched for him.";
        // An opening place-adjective ("The Louisville crowd") never becomes a speaker; the one
        // who asks is Ted Lowe, and asking for a sign to be fetched is no statement at all.
        assert_eq!(first_speaker(par), None);
        let (text, sp, _) = one(
            "The Louisville crowd cheered when Ted Lowe said the sign should be fetched for him.",
        );
        assert_eq!(sp, "Ted Lowe");
        assert_eq!(text, "the sign should be fetched for him");
    }

    #[test]
    fn an_opening_adverbial_is_no_appositive_of_the_speaker() {
        for (par, speaker) in [
            (
                "Back in December, the Ministry of Communication said it would block the app.",
                "the Ministry of Communication",
            ),
            (
                "Late on Monday, Manafort's lawyers said the charges were baseless.",
                "Manafort's lawyers",
            ),
            (
                "Citing Bosnia and Rwanda, he said the world could not stand by.",
                "he",
            ),
            (
                "Almost to a person, Congress said the deal was bad.",
                "Congress",
            ),
        ] {
            assert_eq!(first_speaker(par).as_deref(), Some(speaker), "{par}");
        }
        // A name with its appositive is still one subject.
        assert_eq!(
            first_speaker("Dunford, chairman of the Joint Chiefs, said the strikes were lawful.")
                .as_deref(),
            Some("Dunford, chairman of the Joint Chiefs")
        );
        assert_eq!(
            first_speaker("Manning, a former analyst, said the files were public.").as_deref(),
            Some("Manning, a former analyst")
        );
    }

    #[test]
    fn a_list_of_countries_belongs_to_its_head() {
        assert_eq!(
            first_speaker(
                "In a joint statement, the foreign ministers of Japan, Canada and Italy said they were concerned about the talks."
            )
            .as_deref(),
            Some("the foreign ministers of Japan, Canada and Italy")
        );
        assert_eq!(
            first_speaker("Leaders from France, Germany and Britain said the deal must hold.")
                .as_deref(),
            Some("Leaders from France, Germany and Britain")
        );
        // A list that is not after "of" is left alone.
        assert_eq!(
            first_speaker("After meeting Macron, Merkel and Johnson said the deal must hold.")
                .as_deref(),
            Some("Merkel and Johnson")
        );
    }

    #[test]
    fn an_aside_between_dashes_is_no_subject() {
        for (par, speaker) in [
            (
                "Gingrich — a former speaker — told Fox News that the party must unite.",
                "Gingrich",
            ),
            (
                "On Friday, Newt Gingrich — mentioned by Newsmax as Trump’s likely running mate — told Fox News that he would look at it seriously.",
                "Newt Gingrich",
            ),
            (
                "The senator — who met Putin twice last year — said the sanctions would stay.",
                "The senator",
            ),
            // A description names no one when the aside gives the name.
            (
                "A former Republican presidential candidate -- John McCain, who lost in 2008 -- said the strategy had failed.",
                "John McCain",
            ),
            // The name a description describes.
            (
                "Mike Hunter, the attorney general of Oklahoma—Behenna’s home state—asked Trump to pardon Behenna.",
                "Mike Hunter",
            ),
        ] {
            let (_, sp, _) = one(par);
            assert_eq!(sp, speaker, "{par}");
        }
        // A sentence adverb before the name opens the clause, not the place in the appositive.
        let (_, sp, _) = one(
            "However, Andrei Lankov, a North Korea expert based in Seoul, South Korea, told Fox News he was skeptical.",
        );
        assert_eq!(sp, "Andrei Lankov");
        // A comma is no dash: "The chief, Paul Manafort, suggested" is Manafort.
        let (_, sp, _) = one("The chief, Paul Manafort, suggested that the style was an act.");
        assert!(sp.ends_with("Paul Manafort"), "{sp}");
    }

    #[test]
    fn a_name_completing_a_relative_clause_is_no_subject() {
        let found = run(
            "Three denizens of the hall of mirrors that is Trump World told me they believed he wanted a role.",
        );
        assert!(
            found.iter().all(|(_, sp, _)| !sp.contains("Trump World")),
            "{found:?}"
        );
    }
}
