//! The verbal constructions: a reporting verb (subject first or inverted) and a participle
//! after a main clause. "According to" and "cited … as saying" are in `according`, an
//! attribution inside a lone quotation in `embedded`.

use super::super::text::{is_capitalized, is_close_quote, is_dash};
use super::clause_subject::{
    appositive_subject, conjoined_subject, dashed_subject, described_subject, extend_appositive,
    extend_over_list, extend_to_boundary,
};
use super::content::{
    After, bare_clause_at, content_after, continuation_quote, cut_at_second_cue,
    cut_trailing_attribution, is_clause_word, lead_is_subordinate,
};
use super::subject::{source_phrase, speaker_ends_clause, subject_after, subject_before};
use super::{Ctx, Found, finish, word_count};
use crate::model::Kind;

pub(super) fn verbal(cx: &Ctx, i: usize, cue_start: usize, cue: &str) -> Option<Found> {
    let (us, ue) = cx.unit;
    let before = cx.par[us..cue_start].trim_end();
    let ends_after_quote = before
        .trim_end_matches(|c: char| c == ',' || c.is_whitespace() || is_dash(c))
        .chars()
        .last()
        .is_some_and(|c| c == '"' || is_close_quote(c) || c == '“');
    // Inverted: "…,” said Lavrov." / "…”, – assured the head of the Ministry." / "…, said
    // Lavrov, who …" / "The industry, said Lavrov, is …".
    // Without quotation marks the inversion needs a say-verb (not "told Vestnik") and a
    // speaker that ends the clause ("…, said he expects" is a subject-first sentence).
    // "The industry, said Lavrov, is …": two words before a name set off by commas suffice.
    let name_after = cx
        .words
        .get(i + cue.split(' ').count())
        .is_some_and(|w| is_capitalized(w.text));
    let clause_before = before.ends_with(',')
        && word_count(before) >= if name_after { 2 } else { 3 }
        && !cx.lex.not_inverted.contains(cue)
        && !lead_is_named_subject(cx, before);
    if (ends_after_quote || clause_before)
        && (before.ends_with(',')
            || before.ends_with(['"', '”', '“'])
            || before.chars().last().is_some_and(is_dash))
    {
        let next = i + cue.split(' ').count();
        if next < cx.words.len()
            && let Some((ss, se, last)) = subject_after(
                cx,
                next,
                &[
                    "on", "in", "at", "during", "while", "after", "who", "adding", "with", "as",
                    "told",
                ],
            )
            .or_else(|| {
                // "“…,” said former Vermont governor Howard Dean." / "said one former senior
                // official": a short phrase with a name or opened like a description.
                ends_after_quote
                    .then(|| source_phrase(cx, next))
                    .flatten()
                    .filter(|&(s, e, _)| {
                        cx.par[s..e].split_whitespace().any(is_capitalized)
                            || cx.lex.description_openers.contains(cx.lower(next).as_str())
                    })
            })
            && (ends_after_quote || speaker_ends_clause(cx, ss, last))
        {
            let mut pieces = vec![(us, cue_start)];
            match continuation_quote(cx, last + 1) {
                Some(q) => pieces.push(q),
                None if !ends_after_quote => {
                    // "The industry, said Lavrov, is doing better": the sentence goes on after
                    // the speaker; a relative clause about the speaker ("who …") does not, and
                    // an appositive about the speaker ("…, said Li Weiwen, executive council
                    // member of …") is stepped over: "The paradox of Nancy, said Carl Anthony,
                    // historian at …, is that she was …".
                    if let Some(start) = continuation_after_speaker(cx, last + 1)
                        && word_count(&cx.par[start..ue]) >= 2
                        && !lead_is_subordinate(before)
                    {
                        pieces.push((start, ue));
                    }
                }
                None => {}
            }
            return finish(cx, pieces, (ss, se), cue);
        }
    }
    // "Sen. Ron Johnson, R-Wis., said": the party tag is the speaker's, not the speaker.
    let i = party_tag_start(cx, i).unwrap_or(i);
    // A description reaching further back than the name-like subject wins: "one senior
    // administration official said" is not "official said".
    let subject = match (subject_before(cx, i), described_subject(cx, i)) {
        // "Gingrich — mentioned by Newsmax as Trump's running mate — told": the aside between
        // dashes is no subject; what opens the clause before it is.
        _ if let Some(d) = dashed_subject(cx, i) => Some(d),
        (Some(s), Some(d)) if d.0 < s.0 && d.1 >= s.1 => Some(d),
        // "Tomoo Hozumi, the Philippines representative of the U.N. children's agency UNICEF,
        // said", "Swanson, a pastor at a church of Elizabeth, Colorado, slammed", "Ned Price,
        // who served under President Obama, said": whatever the appositive or the relative
        // clause names, the name it describes speaks.
        (Some(s), _)
            if let Some(a) = appositive_subject(cx, i)
                && a.1 < s.0
                && cx.par[a.1..s.0].trim_start().starts_with(',') =>
        {
            Some(a)
        }
        (Some(s), _) if in_relative_clause(cx, s.0) => None,
        (Some(s), _) => Some(s),
        (None, d) => appositive_subject(cx, i)
            .or_else(|| conjoined_subject(cx, i))
            .or(d),
    }?;
    // The subject must start a clause, not sit inside a relative one.
    let first_word = cx.words.iter().position(|w| w.start == subject.0)?;
    if first_word > 0 {
        let prev = cx.lower(first_word - 1);
        let gap = cx.gap(first_word - 1, first_word);
        // Adverbial clauses are whole ("when he says he wrote the law"); relative ones lack
        // their object ("the deal that Lavrov said …").
        // "grew so heated that Christie said": a result clause is whole too.
        let result_clause = prev == "that"
            && (first_word.saturating_sub(4)..first_word - 1)
                .any(|k| matches!(cx.lower(k).as_str(), "so" | "such"));
        let adverbial =
            result_clause || matches!(prev.as_str(), "when" | "because" | "if" | "as" | "since");
        if cx.lex.relativizers.contains(prev.as_str()) && gap.trim().is_empty() && !adverbial {
            return None;
        }
    }
    let subject = extend_over_list(cx, extend_to_boundary(cx, subject));
    let cue_word = cx.words.iter().position(|w| w.start == cue_start)?;
    let post_words = cue_word + cue.split(' ').count();
    let lead = cx.par[us..subject.0].trim_end();
    let preceded_by_comma = lead.ends_with(',')
        || lead.ends_with(['"', '”', '“'])
        || lead.chars().last().is_some_and(is_dash);
    let mut after = content_after(cx, post_words, cue);
    // After a quotation the quotation is what was said: "“…,” he said, “…”" is one split
    // quote, and in "“…,” Cruz said as the heckler yelled: “…”" the later words are another's.
    if let After::Content(_) = after
        && lead.trim_end_matches(',').ends_with(['"', '”', '“'])
        && !quoted_title_in_lead(cx, subject.0)
    {
        after = After::Adjunct(Some(post_words));
    }
    // "After FOX13's Craig Patrick asked about it, the Graysons became …": a cue inside an
    // opening subordinate clause reports at most up to that clause's comma; the main clause
    // is never its content.
    let opener = lead
        .split_whitespace()
        .next()
        .map(|w| w.to_lowercase())
        .unwrap_or_default();
    let in_subordinate = !lead.contains([',', '"', '“', '”'])
        && matches!(
            opener.as_str(),
            "after"
                | "before"
                | "when"
                | "while"
                | "since"
                | "although"
                | "though"
                | "because"
                | "if"
                | "once"
                | "until"
                | "unless"
                | "as"
        );
    if in_subordinate {
        let clause_end = cx.words[post_words.min(cx.words.len() - 1)..]
            .windows(2)
            .find(|w| cx.par[w[0].end..w[1].start].trim() == "," && !cx.in_quote(w[1].start))
            .map_or(ue, |w| w[0].end);
        return match after {
            After::Content(start) if start < clause_end => {
                finish(cx, vec![(start, clause_end)], subject, cue)
            }
            _ => None,
        };
    }
    match after {
        // "Reporter Ann Lee says:" closing the paragraph: her words are the next one.
        After::Content(start) if cx.par[start..ue].trim().is_empty() && ue == cx.par.len() => {
            Some(Found {
                pieces: Vec::new(),
                speaker: Some(extend_appositive(cx, subject)),
                cue: cue.to_string(),
                kind: Kind::Direct,
                object: false,
            })
        }
        After::Content(start) => {
            let mut range = cut_at_second_cue(cx, cut_trailing_attribution(cx, (start, ue)));
            let mut k = cue_word;
            while k > 0
                && (cx.lex.aux.contains(cx.lower(k - 1).as_str())
                    || cx.lower(k - 1).ends_with("ly"))
            {
                k -= 1;
            }
            if k > 0 && matches!(cx.lower(k - 1).as_str(), "who" | "which") {
                range = end_of_relative_clause(cx, range);
            }
            finish(cx, vec![range], extend_appositive(cx, subject), cue)
        }
        // "“…,” he tells parishioners.": after a quotation the object is the listener.
        After::Object if lead.trim_end_matches(',').ends_with(['"', '”', '“']) => {
            finish(cx, vec![(us, subject.0)], subject, cue)
        }
        After::Object => None,
        After::Infinitive(start) => {
            let range = cut_at_second_cue(cx, (start, ue));
            let mut found = finish(cx, vec![range], extend_appositive(cx, subject), cue)?;
            found.object = true;
            Some(found)
        }
        After::Adjunct(next_word) => {
            if lead.is_empty() || !preceded_by_comma {
                return None;
            }
            let mut pieces = vec![(us, subject.0)];
            if let Some(nw) = next_word {
                match continuation_quote(cx, nw) {
                    Some(q) => pieces.push(q),
                    None => {
                        // "This campaign, he says, is different.": the sentence goes on after the
                        // attribution; a verb-less tail ("on Tuesday.") does not count.
                        let cue_end = cx.words[post_words - 1].end;
                        let rest = cx.par[cue_end..ue].trim_start();
                        let lead_is_quote = lead.trim_end_matches(',').ends_with(['"', '”', '“']);
                        if rest.starts_with(',')
                            && !lead_is_quote
                            && word_count(rest) >= 3
                            && !rest[1..].trim_start().starts_with(['"', '“'])
                        {
                            pieces.push((ue - rest.len() + 1, ue));
                        }
                    }
                }
            }
            finish(cx, pieces, subject, cue)
        }
    }
}

/// "Russia has refuted the claims, warning that …": the speaker is the main clause's subject,
/// the content what follows "that" (or a quotation).
pub(super) fn participle(cx: &Ctx, i: usize, cue: &str) -> Option<Found> {
    let (_, ue) = cx.unit;
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
    } else if bare_clause_at(cx, i + 1) {
        // ", saying it is time …": a clause without "that".
        next.start
    } else {
        return None;
    };
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
    // The subject must be followed by its verb, not be the start of a longer phrase.
    let verb = cx.words.get(last + 1)?;
    if !cx.gap(last, last + 1).trim().is_empty() || is_capitalized(verb.text) {
        return None;
    }
    finish(cx, vec![(start, ue)], (ss, se), cue)
}

/// "Sunday on Fox News's “Sunday Morning Futures,” Rep. Issa said …": a short quotation
/// after narrative words in the lead is a name (a show, a book), not what was said.
fn quoted_title_in_lead(cx: &Ctx, subject_start: usize) -> bool {
    let Some(&(qs, qe)) = cx
        .spans
        .iter()
        .rev()
        .find(|&&(s, e)| s >= cx.unit.0 && e <= subject_start)
    else {
        return false;
    };
    word_count(&cx.par[qs..qe]) <= 4 && word_count(&cx.par[cx.unit.0..qs]) >= 2
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
        next.as_str(),
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
    if !(participle && (small || first == "having" || first == "being"))
        || !cx.gap(0, 1).trim().is_empty()
    {
        return None;
    }
    (1..cx.words.len().min(20))
        .find(|&k| cx.gap(k - 1, k).trim() == "," && !cx.in_quote(cx.words[k].start))
}

/// Whether byte `at` lies in a relative clause (", who served under …", "those who worked
/// for …"), which describes someone else than whoever it names.
fn in_relative_clause(cx: &Ctx, at: usize) -> bool {
    let before = &cx.par[cx.unit.0..at];
    let clause = before.rsplit([',', '"', '“', '”']).next().unwrap_or(before);
    // "denizens of the hall of mirrors that is Trump World told me": the name completes a
    // relative clause; the subject came before it.
    let mut last_two = clause.split_whitespace().rev().take(2);
    if let (Some(copula), Some(rel)) = (last_two.next(), last_two.next())
        && matches!(copula, "is" | "was" | "are" | "were")
        && rel.eq_ignore_ascii_case("that")
    {
        return true;
    }
    clause.split_whitespace().any(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "who" | "whose" | "whom" | "which"
        )
    })
}

/// "Majority Leader Mitch McConnell, Kentucky Republican, said Mr. Corker will lead …": a lead
/// that is a name and its appositives, no clause, is the subject of the verb, not words said
/// before an inverted speaker.
fn lead_is_named_subject(cx: &Ctx, before: &str) -> bool {
    let segments: Vec<&str> = before
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let Some(first) = segments.first() else {
        return false;
    };
    let name_like = |seg: &str| {
        let words: Vec<&str> = seg.split_whitespace().collect();
        words.len() <= 6
            && words.iter().all(|w| {
                let l = w.to_lowercase();
                is_capitalized(w)
                    || matches!(l.as_str(), "of" | "the" | "and" | "a" | "an" | "for")
                    || cx.lex.roles.contains(l.as_str())
                    || super::super::speakers::NAME_CUES.contains(&l.as_str())
            })
    };
    // The first segment names someone: capitalised words, not an article's phrase.
    // "Mr. Assad, said Mr. Kerry, wanted …" is the inverted one: a name alone is no subject
    // with appositives.
    segments.len() >= 2
        && first
            .split_whitespace()
            .filter(|w| is_capitalized(w))
            .count()
            >= 2
        && !first.starts_with(['"', '“', '‘', '\''])
        && segments.iter().all(|s| name_like(s))
}

/// Where the sentence goes on after an inverted speaker ending before word `k` ("…, said
/// Lavrov, is doing better"), stepping over appositives about the speaker set off by commas.
/// None at a relative clause about the speaker, a quotation or the end of the sentence.
fn continuation_after_speaker(cx: &Ctx, mut k: usize) -> Option<usize> {
    loop {
        let w = cx.words.get(k)?;
        if k == 0 || cx.gap(k - 1, k).trim() != "," || cx.in_quote(w.start) {
            return None;
        }
        let l = w.text.to_lowercase();
        if cx.lex.relativizers.contains(l.as_str()) {
            return None;
        }
        let appositive = is_capitalized(w.text)
            || matches!(l.as_str(), "a" | "an" | "the")
            || cx.lex.roles.contains(l.as_str())
            || super::super::speakers::NAME_CUES.contains(&l.as_str());
        if !appositive {
            // "…, said Jan Techau, director of …, in an opinion piece": an adjunct of the
            // saying, not more of what was said.
            let adjunct = cx.lex.adjunct_starts.contains(l.as_str())
                || matches!(l.as_str(), "adding" | "citing" | "noting" | "saying");
            return (!adjunct).then_some(w.start);
        }
        // The next comma of the sentence, outside quotations.
        k = (k + 1..cx.words.len()).find(|&t| cx.gap(t - 1, t).trim() == ",")?;
    }
}

/// "Sen. Ron Johnson, R-Wis., said" / "Rep. Ann Lee (D-Calif.) said": the first word of the
/// party tag right before the cue at word `i`.
fn party_tag_start(cx: &Ctx, i: usize) -> Option<usize> {
    static TAG: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"[,(]\s*[RDI]-[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?\s*[,)]\s*$").unwrap()
    });
    let before = &cx.par[cx.unit.0..cx.words.get(i)?.start];
    let m = TAG.find(before)?;
    let start = cx.unit.0 + m.start();
    cx.words
        .iter()
        .position(|w| w.start > start)
        .filter(|&k| k < i)
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
        if cx.lex.any_verb.contains(l.as_str()) || is_clause_word(l) {
            return None;
        }
    }
    None
}

/// "The mayor, who said the city would recover, visited the streets": what the relative
/// clause reports ends at the comma before the main clause's verb.
fn end_of_relative_clause(cx: &Ctx, (s, e): (usize, usize)) -> (usize, usize) {
    let Some(first) = cx.words.iter().position(|w| w.start >= s) else {
        return (s, e);
    };
    for k in first + 1..cx.words.len() {
        let w = cx.words[k];
        if w.start >= e {
            break;
        }
        let l = cx.lower(k);
        let verb_like = l.ends_with("ed")
            || matches!(
                l.as_str(),
                "is" | "was"
                    | "has"
                    | "had"
                    | "will"
                    | "would"
                    | "did"
                    | "does"
                    | "said"
                    | "says"
                    | "told"
                    | "went"
                    | "made"
                    | "took"
                    | "gave"
                    | "met"
                    | "left"
                    | "won"
                    | "lost"
            );
        if verb_like && cx.gap(k - 1, k).trim() == "," && !cx.in_quote(w.start) {
            return (s, cx.words[k - 1].end);
        }
    }
    (s, e)
}

#[cfg(test)]
mod tests {
    use crate::extract::attribution::testing::*;

    #[test]
    fn quote_then_cue() {
        let r = run("\"We will not give in to pressure,\" the foreign minister said on Monday.");
        assert_eq!(
            r,
            [(
                "\"We will not give in to pressure,\"".into(),
                "the foreign minister".into(),
                Kind::Direct
            )]
        );
    }

    #[test]
    fn split_quote() {
        let r = run("“We are ready,” he said, “to work with any partner.”");
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].1, "he");
        assert!(r[0].0.contains("We are ready") && r[0].0.contains("to work with any partner"));
        assert_eq!(r[0].2, Kind::Direct);
    }

    #[test]
    fn dash_attribution_inverted() {
        let r = run("“We are ready for such talks”, – assured the head of the Foreign Ministry.");
        assert_eq!(r[0].1, "the head of the Foreign Ministry");
        assert_eq!(r[0].2, Kind::Direct);
    }

    #[test]
    fn head_of_ministry_after_quote() {
        let par = "\"We still have some questions on this path which need work in the group,\" the head of the Russian Foreign Ministry said.";
        let spans = quote_spans(par);
        let u = units(par, &spans);
        assert_eq!(u.len(), 1);
        let f = find(par, u[0], &spans).expect("found");
        assert_eq!(
            &par[f.speaker.unwrap().0..f.speaker.unwrap().1],
            "the head of the Russian Foreign Ministry"
        );
    }

    #[test]
    fn main_clause_subject_speaks() {
        let par =
            "The ministry has rejected the report, warning that new sanctions would backfire.";
        let spans = quote_spans(par);
        let u = units(par, &spans);
        let f = find(par, u[0], &spans).expect("found");
        let sp = f.speaker.unwrap();
        assert_eq!(&par[sp.0..sp.1], "The ministry");
        assert_eq!(
            &par[f.pieces[0].0..f.pieces[0].1],
            "new sanctions would backfire"
        );
    }

    #[test]
    fn attribution_after_a_closed_quote_stays_with_it() {
        let par = "“We will find the missing papers today.” Petrov said.";
        assert_eq!(units(par, &quote_spans(par)).len(), 1);
        assert_eq!(one(par).1, "Petrov");
    }

    #[test]
    fn inverted_without_quotation_marks() {
        let (text, sp, _) = one(
            "Some of its functions would move to other agencies, said Ron Vance, who was elected in 2012.",
        );
        assert_eq!(sp, "Ron Vance");
        assert_eq!(text, "Some of its functions would move to other agencies");
        let (text, sp, _) = one("The steel industry, said Omar Haddad, is doing much better.");
        assert_eq!(sp, "Omar Haddad");
        assert_eq!(text, "The steel industry | is doing much better");
    }

    #[test]
    fn told_with_an_object_is_not_inverted() {
        // "told Radio Liberty" names the listener, not the speaker.
        let (_, sp, _) = one(
            "The deputy head of the council, Ambassador Ivan Orlov, told Radio Liberty that talks went well.",
        );
        assert!(sp.contains("Ivan Orlov"), "{sp}");
    }

    #[test]
    fn the_target_of_an_accusation_is_never_its_speaker() {
        // Found in a trial on real news: "X, a description, accused Mr. Y of …" became Y
        // saying "X, a description" (57 such statements on the AllSides subset).
        for (par, speaker, starts) in [
            (
                "Sen. Rand Paul, Kentucky Republican, accused Mr. Kerry of misleading Congress about the deal.",
                "Rand Paul",
                "Mr. Kerry of misleading",
            ),
            (
                "In a statement, White House spokeswoman Caitlin Hayden, slammed North Korea's statement as provocative.",
                "Caitlin Hayden",
                "North Korea's statement",
            ),
            (
                "The committee's chairman, Rep. Ed Royce, criticized President Obama for the delay in sending aid.",
                "Ed Royce",
                "President Obama for",
            ),
        ] {
            // The speaker phrase as written ("Sen. Rand Paul, Kentucky Republican").
            let (text, sp, _) = one(par);
            assert!(sp.contains(speaker), "{par}: {sp}");
            assert!(text.starts_with(starts), "{par}: {text}");
        }
        // With quotation marks the inversion stands: the quote's speaker follows the verb.
        let (text, sp, _) = one("“This is a disgrace,” said Senator John McCain.");
        assert!(sp.contains("John McCain"), "{sp}");
        assert!(text.contains("This is a disgrace"), "{text}");
    }

    #[test]
    fn participles_with_a_bare_clause_and_adverb_led_descriptions() {
        let (text, sp, _) = one(
            "Carla Diaz backed Sen. Ted Lowe (R-Texas) on Wednesday, saying it is time for a change.",
        );
        assert_eq!(
            (text.as_str(), sp.as_str()),
            ("it is time for a change", "Carla Diaz")
        );
        let (_, sp, _) = one("But hacking specialists say the leaked files might be fake.");
        assert_eq!(sp, "hacking specialists");
    }

    #[test]
    fn a_party_tag_between_speaker_and_verb() {
        let (text, sp, _) =
            one("Sen. Ron Okafor, R-Wis., said “The agency failed to honor our requests.”");
        assert_eq!(sp, "Sen. Ron Okafor");
        assert!(text.contains("The agency failed"), "{text}");
        let (_, sp, _) =
            one("Rep. Ann Lee (D-Calif.) said the agency failed to honor the requests.");
        assert_eq!(sp, "Rep. Ann Lee");
    }

    #[test]
    fn a_participle_with_a_listener_then_that() {
        let (text, sp, _) =
            one("Ted Morrow attacked his rival, telling voters that the plan had failed twice.");
        assert_eq!(
            (text.as_str(), sp.as_str()),
            ("the plan had failed twice", "Ted Morrow")
        );
    }

    #[test]
    fn a_relative_clause_reports_only_up_to_the_main_verb() {
        let (text, _, _) =
            one("The mayor, who said the city would recover quickly, visited the flooded streets.");
        assert_eq!(text, "the city would recover quickly");
        let par = "The Daily Planet, which originally said it would cover the race, said it would treat it as news.";
        let texts: Vec<&str> = all_in(par)
            .iter()
            .map(|f| &par[f.pieces[0].0..f.pieces[0].1])
            .collect();
        assert_eq!(
            texts,
            ["it would cover the race", "it would treat it as news"]
        );
    }

    #[test]
    fn a_cue_in_an_opening_subordinate_clause_never_takes_the_main_clause() {
        let par = "After the anchor Tim Lowe asked about it in an interview, the couple became angry once the cameras were off, according to a source at the station.";
        let all = all_in(par);
        assert_eq!(all.len(), 1, "{all:?}");
        assert_eq!(
            &par[all[0].speaker.unwrap().0..all[0].speaker.unwrap().1],
            "a source"
        );
        let (text, sp, _) =
            one("When Ana Ruiz said the plan was dead, her rivals laughed at the idea.");
        assert_eq!(
            (text.as_str(), sp.as_str()),
            ("the plan was dead", "Ana Ruiz")
        );
    }

    #[test]
    fn a_name_in_a_relative_clause_about_the_speaker_is_not_the_speaker() {
        let (_, sp, _) = one(
            "Ned Price, who served as a spokesman under President Obama, said the assembly will isolate the United States.",
        );
        assert_eq!(sp, "Ned Price");
        let (_, sp, _) = one("Kerry, who met Lavrov in Geneva, said the talks were useful.");
        assert_eq!(sp, "Kerry");
        // With no name before it, nobody: never the name inside the clause.
        assert!(
            all_in("Some of those who worked under President Obama said the plan would fail.")
                .iter()
                .all(|f| !par_is(
                    f,
                    "Some of those who worked under President Obama said the plan would fail.",
                    "President Obama"
                ))
        );
    }

    #[test]
    fn an_opening_participial_phrase_is_not_the_subject() {
        let (text, sp, _) = one(
            "Continuing to explain his view, Carson rejected the notion, saying that the episode was closed.",
        );
        assert_eq!(
            (text.as_str(), sp.as_str()),
            ("the episode was closed", "Carson")
        );
        let (_, sp, _) = one(
            "Reached by phone, Bennett denied the reports, explaining that he was taking a day off.",
        );
        assert_eq!(sp, "Bennett");
        // A name in -ing or -ed is still a name when a verb follows it.
        let (_, sp, _) = one("Manning rejected the claim, saying that it was false.");
        assert_eq!(sp, "Manning");
    }

    #[test]
    fn a_result_clause_and_continued_to_say_report() {
        let (text, sp, _) =
            one("The debate grew so heated that Gov. Ann Lee said the bill was dead.");
        assert_eq!(
            (text.as_str(), sp.as_str()),
            ("the bill was dead", "Gov. Ann Lee")
        );
        let (text, sp, _) = one("Lewandowski continued to say he had never touched her.");
        assert_eq!(
            (text.as_str(), sp.as_str()),
            ("he had never touched her", "Lewandowski")
        );
        // A relative clause still reports nothing.
        assert!(all_in("It was the deal that Ann Lee said was dead.").is_empty());
    }

    #[test]
    fn a_reported_clause_ends_where_the_speaker_reports_again() {
        let (text, _, _) = one(
            "Linick said that he considers the matter settled, but he urged the department to review its archives.",
        );
        assert_eq!(text, "he considers the matter settled");
        // A pronoun of someone else's clause, or a speech act with an object, is no new report.
        let (text, _, _) = one("Lee said the plan would fail, but he hoped for a deal.");
        assert_eq!(text, "the plan would fail, but he hoped for a deal");
        let (text, _, _) = one(
            "Trump said the groups are active, and cited the attack as evidence they must be defeated.",
        );
        assert!(text.ends_with("must be defeated"), "{text}");
    }

    #[test]
    fn a_quoted_title_before_the_subject_is_not_what_was_said() {
        let (text, sp, _) = one(
            "Sunday on Fox News channel's “Sunday Morning Futures,” Rep. Darrell Issa said the candidate's judgment is in question.",
        );
        assert_eq!(
            (text.as_str(), sp.as_str()),
            (
                "the candidate's judgment is in question",
                "Rep. Darrell Issa"
            )
        );
        // A quotation opening the sentence stays what was said.
        let (text, _, _) = one("“We are not leaving,” Lee said on Sunday.");
        assert_eq!(text, "“We are not leaving,”");
    }

    #[test]
    fn a_town_and_its_state_in_an_aside_are_not_the_subject() {
        let (_, sp, _) = one(
            "Clinton, during a town hall meeting in Columbus, Ohio, said she would invest in the region.",
        );
        assert_eq!(sp, "Clinton");
        let (_, sp, _) =
            one("Trump, speaking at a rally in Wilmington, N.C., warned that the plan would fail.");
        assert_eq!(sp, "Trump");
    }

    #[test]
    fn a_quotation_with_its_own_speech_verb_is_that_speakers_not_an_earlier_cues() {
        let par = "Polling shows that \"the public is not comfortable with it,\" said Sylke Tempel, an editor.";
        let all = all_in(par);
        assert_eq!(all.len(), 1, "{all:?}");
        assert!(par_is(&all[0], par, "Sylke Tempel"), "{all:?}");
        let (s, e) = all[0].pieces[0];
        assert_eq!(&par[s..e], "\"the public is not comfortable with it,\"");
        assert_eq!(all[0].kind, Kind::Direct);
    }

    #[test]
    fn the_name_opening_an_appositive_speaks_after_but_and_over_a_body_inside_it() {
        for (sentence, speaker) in [
            (
                "But Graham Brady, chairman of the 1922 Committee of Tory backbenchers, told the BBC that she should stay.",
                "Graham Brady",
            ),
            (
                "Graham Brady, chairman of the 1922 Committee, told the BBC that she should stay.",
                "Graham Brady",
            ),
            (
                "And Adam Szubin, a top Treasury official, said the banks would stay closed.",
                "Adam Szubin",
            ),
            (
                "Tom Smith, a professor at Harvard, said the launch was a breakthrough.",
                "Tom Smith",
            ),
            (
                "Tomoo Hozumi, the Philippines representative of the U.N. children's agency UNICEF, said food was short.",
                "Tomoo Hozumi",
            ),
            (
                "Bruce Klingner, a senior research fellow at the Heritage Foundation, said the talks would fail.",
                "Bruce Klingner",
            ),
        ] {
            let (_, sp, _) = one(sentence);
            assert_eq!(sp, speaker, "{sentence}");
        }
        // "Hours later" opens the sentence; it names no one.
        let (_, sp, _) = one(
            "Hours later, Mr. Jubeir announced the end of diplomatic ties, saying the kingdom would not bend.",
        );
        assert_eq!(sp, "Mr. Jubeir");
        // A body after a preposition with no name before it is still who speaks.
        let (_, sp, _) = one("A spokesman for the Ministry of Defence said the launch failed.");
        assert_eq!(sp, "A spokesman for the Ministry of Defence");
    }

    fn par_is(f: &Found, par: &str, speaker: &str) -> bool {
        f.speaker.is_some_and(|(s, e)| &par[s..e] == speaker)
    }

    #[test]
    fn an_inverted_speaker_with_an_appositive() {
        // The appositive about the speaker is stepped over; what follows it goes on the
        // sentence, and an adjunct of the saying or a relative clause does not.
        let (t, sp, _) = one(
            "The paradox of Nancy, said Carl Anthony, historian at the First Ladies Library, is that she was powerful.",
        );
        assert_eq!(sp, "Carl Anthony");
        assert_eq!(t, "The paradox of Nancy | is that she was powerful");
        for par in [
            "The phased aspect of the deal is encouraging to China, said Li Weiwen, executive council member of the trade association.",
            "Merkel has already deepened European integration, said Jan Techau, director of the Richard Holbrooke Forum, in an opinion piece.",
            "Nor are tariffs likely to bring these jobs back, said David Autor, a professor of economics, who is one of the foremost experts.",
        ] {
            let (t, _, _) = one(par);
            assert!(!t.contains(" | "), "{par}: {t}");
        }
        // "He" before a name is a family name, not the pronoun.
        let (_, sp, _) = one(
            "The phased aspect of the deal is encouraging to the Chinese side, said He Weiwen, executive council member.",
        );
        assert_eq!(sp, "He Weiwen");
        // Two words before a name set off by commas are said words too.
        let (t, sp, _) = one("The industry, said Lavrov, is doing better than expected.");
        assert_eq!(
            (t.as_str(), sp.as_str()),
            ("The industry | is doing better than expected", "Lavrov")
        );
    }

    #[test]
    fn a_name_with_its_appositives_before_the_verb_is_its_subject() {
        let (t, sp, _) = one(
            "Majority Leader Mitch McConnell, Kentucky Republican, said Mr. Corker and Sen. John McCain, Arizona Republican, will lead a discussion.",
        );
        assert_eq!(sp, "Majority Leader Mitch McConnell, Kentucky Republican");
        assert!(t.starts_with("Mr. Corker and Sen. John McCain"), "{t}");
        // A name alone before the verb is the inverted pattern.
        let (_, sp, _) =
            one("Mr. Assad, said Mr. Kerry, wanted to make changes and reach an accommodation.");
        assert_eq!(sp, "Mr. Kerry");
    }
}
