//! The speaker phrase next to the cue: scanning backwards from it ("the head of the Ministry
//! said") or forwards after it ("said the Minister", "according to one global index").

use super::super::text::{Word, is_capitalized, is_dash};
use super::content::is_clause_word;
use super::{Ctx, Lexicon, SUBJECT_PRONOUNS};
use crate::extract::text::is_possessive;

/// Speaker phrase ending right before word `end_word` (exclusive), scanning backwards.
pub(super) fn subject_before(cx: &Ctx, end_word: usize) -> Option<(usize, usize)> {
    let plain = subject_before_plain(cx, end_word).filter(|&(s, _)| {
        cx.words
            .iter()
            .position(|w| w.start == s)
            .is_none_or(|k| !is_place_after_town(cx, k))
    });
    plain.or_else(|| {
        // "The Secretary, in his turn, said": step over a short parenthetical.
        let mut k = end_word.checked_sub(1)?;
        let mut place = false;
        loop {
            while k > 0 && !cx.gap(k - 1, k).contains(',') {
                k -= 1;
            }
            // "Clinton, at a town hall in Columbus, Ohio, said": a town and its state inside
            // the aside; the aside starts before the town.
            if k >= 2 && is_place_after_town(cx, k) {
                place = true;
                k -= 1;
                continue;
            }
            break;
        }
        let opener = cx.lower(k);
        let span = end_word - k;
        // Short asides ("in his turn"), relative clauses ("who said he votes Democratic") and
        // appositives ("a senator from Vermont") between the subject and its verb.
        let aside = (span <= if place { 14 } else { 5 } && cx.lex.asides.contains(opener))
            || (span <= 14 && matches!(opener, "a" | "an" | "the" | "like"))
            || (span <= 25 && matches!(opener, "who" | "whose" | "which"))
            || (span <= 25
                && cx.gap(end_word - 1, end_word).contains(',')
                && opens_participle_aside(cx, k, end_word));
        (k > 0 && aside).then(|| subject_before_plain(cx, k))?
    })
}

/// "Trump, later alleging that Obama wanted …, said": a participle (after an adverb or two)
/// opens an aside about the subject, which speaks. The aside ends with a comma before the cue
/// at `end_word`: in "…, striking workers say" the participle is the subject's adjective.
fn opens_participle_aside(cx: &Ctx, k: usize, end_word: usize) -> bool {
    let mut v = k;
    while v < k + 2
        && v + 1 < end_word
        && (cx.lex.aux.contains(cx.lower(v)) || cx.lower(v).ends_with("ly"))
    {
        v += 1;
    }
    if v >= end_word {
        return false;
    }
    let l = cx.lower(v);
    l.len() > 5
        && l.ends_with("ing")
        && !is_capitalized(cx.words[v].text)
        && (v == k || cx.gap(v - 1, v).trim().is_empty())
}

pub(super) fn subject_before_plain(cx: &Ctx, end_word: usize) -> Option<(usize, usize)> {
    let mut j = end_word;
    // Skip auxiliaries, adverbs and a time adjunct between subject and cue ("The White House
    // on Monday urged", "Lavrov last week said").
    loop {
        // Written in lower case: a capitalised "First" ends a name ("Human Rights First said").
        while j > 0
            && cx.lex.aux.contains(cx.lower(j - 1))
            && !is_capitalized(cx.words[j - 1].text)
            && cx.gap(j - 1, j).trim().is_empty()
        {
            j -= 1;
        }
        // "Rep. Earl Blumenauer (D-Ore.) said": a short parenthesis after the name.
        if j >= 2 && j < cx.words.len() && cx.gap(j - 1, j).contains(')') {
            if let Some(open) = (j.saturating_sub(4)..j)
                .rev()
                .find(|&k| k > 0 && cx.gap(k - 1, k).contains('('))
            {
                j = open;
                continue;
            }
            break;
        }
        // "Khizr Khan, 66, said": an age between commas.
        if j >= 2
            && cx.words[j - 1].text.chars().all(|c| c.is_ascii_digit())
            && cx.gap(j - 2, j - 1).trim() == ","
            && j < cx.words.len()
            && cx.gap(j - 1, j).trim() == ","
        {
            j -= 1;
            continue;
        }
        let time = j >= 2
            && cx.lex.time_words.contains(cx.lower(j - 1))
            && matches!(
                cx.lower(j - 2),
                "on" | "last" | "this" | "late" | "early" | "in"
            );
        if !time || cx.in_quote(cx.words[j - 1].start) {
            break;
        }
        j -= 2;
        if j > 0 && matches!(cx.lower(j - 1), "earlier" | "later") {
            j -= 1;
        }
    }
    if j == 0 {
        return None;
    }
    let last = j - 1;
    // "42% say": a share of respondents.
    if cx.gap(last, j).trim() == "%" && cx.words[last].text.chars().all(|c| c.is_ascii_digit()) {
        return Some((cx.words[last].start, cx.words[last].end + 1));
    }
    if cx.in_quote(cx.words[last].start) || !matches!(cx.gap(last, j).trim(), "" | "," | "(") {
        return None;
    }
    let lw = cx.lower(last);
    if SUBJECT_PRONOUNS.contains(&lw) {
        return Some((cx.words[last].start, cx.words[last].end));
    }
    // "43 percent said": the number belongs to the subject.
    if matches!(lw, "percent" | "%")
        && last > 0
        && cx.words[last - 1].text.chars().any(|c| c.is_ascii_digit())
    {
        return Some((cx.words[last - 1].start, cx.words[last].end));
    }
    // "Editor's note:" — a possessive modifies a noun; it is never the subject itself.
    if is_possessive(lw) {
        return None;
    }
    // "Barkley, who said …": the speaker is the antecedent of "who", right before its comma.
    if lw == "who" {
        return (last > 0 && cx.gap(last - 1, last).contains(','))
            .then(|| subject_before_plain(cx, last))?;
    }
    if is_capitalized(cx.words[last].text) && cx.lex.capital_stops.contains(cx.words[last].text) {
        return None;
    }
    let mut first = last;
    let mut k = last as isize;
    while k >= 0 {
        let w = cx.words[k as usize];
        if cx.in_quote(w.start) {
            break;
        }
        if (k as usize) < last {
            let gap = cx.gap(k as usize, k as usize + 1);
            if gap.contains([',', ';', ':', '(', ')', '"', '“', '”', '«', '»'])
                || gap.chars().any(is_dash)
            {
                break;
            }
        }
        let lw = w.text.to_lowercase();
        let allowed = if is_capitalized(w.text) {
            !cx.lex.capital_stops.contains(w.text)
        } else {
            cx.lex.roles.contains(lw.as_str()) || cx.lex.glue.contains(lw.as_str())
        };
        if !allowed {
            // A description opened by an article at the start of the clause: "The billionaire
            // businessman says". Up to three plain words between the article and the verb.
            let k = k as usize;
            let art = (k.saturating_sub(3)..k)
                .rev()
                .find(|&a| matches!(cx.lower(a), "the" | "a" | "an"));
            if first == last
                && k == last
                && let Some(a) = art
                && (a..=last).all(|x| {
                    // The article outside quotation marks, then words with nothing between.
                    if x == a {
                        !cx.in_quote(cx.words[x].start)
                    } else {
                        cx.gap(x - 1, x).trim().is_empty()
                    }
                })
                && (a == 0 || cx.gap(a - 1, a).contains(',') || cx.words[a].start == cx.unit.0)
                && !(a + 1..=last).any(|x| {
                    is_capitalized(cx.words[x].text)
                        || SUBJECT_PRONOUNS.contains(&cx.lower(x))
                        // "The teenager who classmates said was bullied": a relative clause.
                        || cx.lex.relativizers.contains(cx.lower(x))
                })
            {
                first = a;
            }
            break;
        }
        first = k as usize;
        // An article starts the phrase unless a preposition binds it: "the head of the Ministry".
        if matches!(lw.as_str(), "the" | "a" | "an") {
            let bound = k > 0
                && matches!(
                    cx.lower(k as usize - 1),
                    "of" | "for" | "at" | "to" | "on" | "in"
                )
                && cx.gap(k as usize - 1, k as usize).trim().is_empty();
            if !bound {
                break;
            }
        }
        k -= 1;
    }
    // Trim leading glue that is not an article.
    while first < last
        && matches!(
            cx.lower(first),
            "of" | "for" | "and" | "on" | "to" | "in" | "at" | "his" | "her" | "its" | "their"
        )
    {
        first += 1;
    }
    let phrase_words = &cx.words[first..=last];
    if !has_head(cx.lex, phrase_words) {
        return None;
    }
    // "Russia and the United States": a coordinated subject is taken whole.
    if first >= 2
        && cx.lower(first - 1) == "and"
        && cx.gap(first - 2, first - 1).trim().is_empty()
        && cx.gap(first - 1, first).trim().is_empty()
        && is_capitalized(cx.words[first - 2].text)
        && let Some((s, _)) = subject_before_plain(cx, first - 1)
    {
        return Some((s, cx.words[last].end));
    }
    // The object of a preposition is not a subject: "a senator from the state of Vermont, said".
    // Except when the preposition opens the sentence and a title follows the place: "In
    // Washington President Joe Biden said" is Biden's (the place ends where the title starts).
    if first > 0
        && cx.words[first - 1].start == cx.unit.0
        && cx.gap(first - 1, first).trim().is_empty()
        && matches!(cx.lower(first - 1), "in" | "at" | "from")
        && let Some(title) = (first + 1..last)
            .find(|&x| is_capitalized(cx.words[x].text) && cx.lex.roles.contains(cx.lower(x)))
        && (title + 1..=last)
            .any(|x| is_capitalized(cx.words[x].text) && !cx.lex.roles.contains(cx.lower(x)))
    {
        return Some((cx.words[title].start, cx.words[last].end));
    }
    if first > 0
        && cx.gap(first - 1, first).trim().is_empty()
        && matches!(
            cx.lower(first - 1),
            "from"
                | "by"
                | "with"
                | "about"
                | "in"
                | "on"
                | "at"
                | "of"
                | "for"
                | "to"
                | "against"
                | "into"
                | "over"
                | "between"
                | "among"
                | "through"
                | "without"
                | "within"
                | "near"
                | "toward"
                | "towards"
                | "outside"
                | "inside"
                | "across"
                | "around"
                | "throughout"
                | "under"
                | "behind"
                | "beyond"
                | "via"
                | "including"
                | "than"
        )
    {
        return None;
    }
    Some((cx.words[first].start, cx.words[last].end))
}

/// A speaker phrase needs a name, a role noun or an institution, not just modifiers.
pub(super) fn has_head(lex: &Lexicon, ws: &[Word]) -> bool {
    // A phrase cannot end in a bare modifier ("the foreign"); capitalised "State" is a name.
    let last = ws
        .last()
        .filter(|w| !is_capitalized(w.text))
        .map(|w| w.text.to_lowercase())
        .unwrap_or_default();
    if matches!(
        last.as_str(),
        "the"
            | "a"
            | "an"
            | "of"
            | "and"
            | "foreign"
            | "deputy"
            | "senior"
            | "former"
            | "top"
            | "state"
    ) {
        return false;
    }
    // "The billionaire businessman": a description opened by an article.
    if ws.len() >= 2 && matches!(ws[0].text, "The" | "the" | "A" | "a" | "An" | "an") {
        return true;
    }
    ws.iter().any(|w| {
        is_capitalized(w.text) && !matches!(w.text, "The" | "A" | "An")
            || lex.roles.contains(w.text.to_lowercase().as_str())
                && !lex.glue.contains(w.text.to_lowercase().as_str())
    })
}

/// Speaker phrase starting at word `start_word`, scanning forwards ("said the Minister").
pub(super) fn subject_after(
    cx: &Ctx,
    start_word: usize,
    stop_at: &[&str],
) -> Option<(usize, usize, usize)> {
    let mut k = start_word;
    let mut last = None;
    while k < cx.words.len() {
        let w = cx.words[k];
        if cx.in_quote(w.start) {
            break;
        }
        if k > start_word {
            let gap = cx.gap(k - 1, k);
            if gap.contains([',', ';', ':', '(', ')', '"', '“', '”', '«', '»', '.'])
                || gap.chars().any(is_dash)
            {
                break;
            }
        }
        let lw = w.text.to_lowercase();
        if stop_at.contains(&lw.as_str()) {
            break;
        }
        // "said He Weiwen, executive council member …": a family name, not the pronoun.
        let family_he = w.text == "He"
            && cx.words.get(k + 1).is_some_and(|n| is_capitalized(n.text))
            && cx.gap(k, k + 1).trim().is_empty();
        let allowed = if family_he {
            true
        } else if is_capitalized(w.text) {
            !cx.lex.capital_stops.contains(w.text)
                || k == start_word && matches!(w.text, "The" | "A" | "An")
        } else {
            cx.lex.roles.contains(lw.as_str())
                || cx.lex.glue.contains(lw.as_str())
                || (k == start_word && SUBJECT_PRONOUNS.contains(&lw.as_str()))
        };
        if !allowed {
            break;
        }
        last = Some(k);
        if k == start_word && SUBJECT_PRONOUNS.contains(&lw.as_str()) && !family_he {
            break;
        }
        k += 1;
    }
    let mut last = last?;
    while last > start_word && cx.lex.glue.contains(cx.lower(last)) {
        last -= 1;
    }
    let ws = &cx.words[start_word..=last];
    let pronoun = ws.len() == 1 && SUBJECT_PRONOUNS.contains(&ws[0].text.to_lowercase().as_str());
    if !(has_head(cx.lex, ws) || pronoun) {
        return None;
    }
    Some((cx.words[start_word].start, cx.words[last].end, last))
}

/// Like `subject_after`, but inside a quotation (no quote boundary checks).
pub(super) fn subject_after_plain(cx: &Ctx, start: usize) -> Option<(usize, usize, usize)> {
    let mut last = None;
    for k in start..cx.words.len().min(start + 8) {
        let w = cx.words[k];
        if k > start && !cx.gap(k - 1, k).trim().is_empty() {
            break;
        }
        let lw = w.text.to_lowercase();
        if is_capitalized(w.text)
            || cx.lex.roles.contains(lw.as_str())
            || cx.lex.glue.contains(lw.as_str())
        {
            last = Some(k);
        } else {
            break;
        }
    }
    let last = last?;
    has_head(cx.lex, &cx.words[start..=last])
        .then(|| (cx.words[start].start, cx.words[last].end, last))
}

/// After an inverted speaker comes the end, a comma or an adjunct, not a verb.
pub(super) fn speaker_ends_clause(cx: &Ctx, start: usize, last: usize) -> bool {
    if SUBJECT_PRONOUNS.contains(&cx.par[start..cx.words[last].end].to_lowercase().as_str()) {
        return false;
    }
    let Some(next) = cx.words.get(last + 1) else {
        return true;
    };
    let gap = cx.gap(last, last + 1).trim();
    !gap.is_empty() && !gap.starts_with(['"', '“'])
        || cx
            .lex
            .adjunct_starts
            .contains(next.text.to_lowercase().as_str())
        || matches!(next.text, "who" | "whose" | "adding" | "told")
}

/// "according to one global index", "according to data released Friday by regulators": any
/// short phrase up to the next comma or the end is the source, kept as written.
pub(super) fn source_phrase(cx: &Ctx, start: usize) -> Option<(usize, usize, usize)> {
    let relative = |k: usize| matches!(cx.lower(k), "who" | "whose" | "which");
    let mut last = start;
    while last + 1 < cx.words.len()
        && last + 1 - start < 12
        && !cx.in_quote(cx.words[last + 1].start)
        && cx.gap(last, last + 1).trim().is_empty()
        && !relative(last + 1)
    {
        last += 1;
    }
    let at_end = cx
        .words
        .get(last + 1)
        .is_none_or(|_| !cx.gap(last, last + 1).trim().is_empty() || relative(last + 1));
    let ws = &cx.words[start..=last];
    let lower_first = ws[0].text.to_lowercase();
    (at_end && !cx.in_quote(ws[0].start) && !is_clause_word(&lower_first)).then_some((
        ws[0].start,
        ws[ws.len() - 1].end,
        last,
    ))
}

/// Word `k` is a state or country after a town, as in "in Columbus, Ohio," or "at a rally in
/// Wilmington, N.C.,": a capitalised word after "Town," which follows "in", "at", "from", "of"
/// or "near", and a comma after it.
fn is_place_after_town(cx: &Ctx, k: usize) -> bool {
    k >= 2
        && k + 1 < cx.words.len()
        && cx.gap(k - 1, k).trim() == ","
        && cx.gap(k, k + 1).trim_start().starts_with(',')
        && is_capitalized(cx.words[k].text)
        && is_capitalized(cx.words[k - 1].text)
        && cx.gap(k - 2, k - 1).trim().is_empty()
        && matches!(cx.lower(k - 2), "in" | "at" | "from" | "of" | "near")
}

#[cfg(test)]
mod tests {
    use crate::extract::attribution::testing::*;

    #[test]
    fn description_with_an_article_and_plural_say() {
        assert_eq!(
            one("The billionaire businessman says running for office is tough.").1,
            "The billionaire businessman"
        );
        assert_eq!(
            one("Twenty percent say they will not vote at all this year.").1,
            "Twenty percent"
        );
    }

    #[test]
    fn relative_clause_and_appositive_between_subject_and_verb() {
        // The relative clause is itself Barkley's statement; the phrase keeps its antecedent.
        assert!(
            one("Barkley, who said he votes for both parties, said one candidate stands out.")
                .1
                .starts_with("Barkley")
        );
        assert_eq!(
            one("Sanders, a senator from the state of Vermont, said stagnation is the cause.").1,
            "Sanders"
        );
    }

    #[test]
    fn time_adjunct_and_sentence_adverbs_are_not_speakers() {
        let (_, sp, _) = one("The White House on Monday urged the industry to do more.");
        assert_eq!(sp, "The White House");
        let (_, sp, _) = one("When asked why, Ana Ruiz replied that the vote was rigged.");
        assert_eq!(sp, "Ana Ruiz");
    }

    #[test]
    fn asides_between_speaker_and_verb() {
        let (_, sp, _) = one("“We will win the district,” Rep. Ann Cole (D-Ore.) said.");
        assert_eq!(sp, "Rep. Ann Cole");
        let (_, sp, _) =
            one("“People are afraid of the new rules,” Omar Haddad, 66, said on Friday.");
        assert_eq!(sp, "Omar Haddad");
        let (text, _, _) = one(
            "Aide Tom Bell said — on the radio, as it happens — that the tour raised $4 million.",
        );
        assert_eq!(text, "the tour raised $4 million");
        // A participle opens the aside, whose numbers never split it ("250,000").
        let (text, sp, _) = one(
            "Ann Cole, later alleging that the city wanted to admit 250,000 visitors, said she \
             would close the bridge.",
        );
        assert_eq!(
            (text.as_str(), sp.as_str()),
            ("she would close the bridge", "Ann Cole")
        );
        // A participle next to the verb describes the speakers: no aside.
        let (_, sp, _) = one("The strike will hurt Ann Cole, striking workers say.");
        assert_eq!(sp, "striking workers");
    }

    #[test]
    fn a_place_after_a_preposition_never_speaks() {
        // The place is never the speaker: nothing, or the people before it.
        let par = "Some delegates at the convention in Philadelphia said they welcomed the debate.";
        for f in all_in(par) {
            let sp = f.speaker.map(|(s, e)| &par[s..e]);
            assert!(!sp.is_some_and(|sp| sp.ends_with("Philadelphia")), "{sp:?}");
        }
        // With a named speaker after the place, the speaker is the name.
        let (text, sp, _) = one(
            "At the convention in Philadelphia, Senator Bob Casey said the debate was welcome.",
        );
        assert_eq!(sp, "Senator Bob Casey");
        assert_eq!(text, "the debate was welcome");
        let (_, sp, _) = one("In Philadelphia Governor Tom Wolf said the count would go on.");
        assert_eq!(sp, "Governor Tom Wolf");
        let (_, sp, _) =
            one("From Moscow Deputy Foreign Minister Sergei Ryabkov said talks would resume.");
        assert_eq!(sp, "Deputy Foreign Minister Sergei Ryabkov");
        // Without a title the place cannot be told from the name: nothing rather than a guess.
        assert_eq!(
            first_speaker("In Philadelphia Tom Wolf said the count would go on."),
            None
        );
    }

    #[test]
    fn a_share_of_respondents_speaks() {
        let (text, sp, _) = one("On economic issues, 42% say they are liberal.");
        assert_eq!((text.as_str(), sp.as_str()), ("they are liberal", "42%"));
    }

    #[test]
    fn quantities_and_existential_clauses() {
        let (text, sp, _) =
            one("In the latest survey, 43 percent said the laws should be stricter.");
        assert_eq!(
            (text.as_str(), sp.as_str()),
            ("the laws should be stricter", "43 percent")
        );
        let (text, _, _) = one("Maria Lopez says there is no plan for the colleges.");
        assert_eq!(text, "there is no plan for the colleges");
    }

    #[test]
    fn parenthetical_subject() {
        let r =
            run("The US Secretary of State, in his turn, said he expects progress on many issues.");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].1, "The US Secretary of State");
        assert_eq!(r[0].0, "he expects progress on many issues");
    }

    #[test]
    fn described_speakers_after_the_quote_and_clause() {
        let (_, sp, _) =
            one("Lee will change how he works with colleagues, a source close to him said.");
        assert_eq!(sp, "a source close to him");
        let (_, sp, _) =
            one("“Did he lose time? Probably,” said one former senior agency official.");
        assert_eq!(sp, "one former senior agency official");
        let (_, sp, _) = one("“We deserve better,” said the man who built his career on it.");
        assert_eq!(sp, "the man");
    }
}
