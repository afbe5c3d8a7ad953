//! The verbal constructions: a reporting verb (subject first or inverted) and a participle
//! after a main clause. "According to" and "cited … as saying" are in `according`, an
//! attribution inside a lone quotation in `embedded`.

use super::super::text::{is_capitalized, is_close_quote, is_dash, words};
use super::clause_subject::{
    appositive_subject, conjoined_subject, dashed_subject, extend_appositive, extend_over_list,
    extend_to_boundary, name_before_description,
};
use super::content::{
    After, content_after, continuation_quote, cut_at_second_cue, cut_trailing_attribution,
    lead_is_subordinate,
};
use super::described::{described_subject, modified_subject};
use super::subject::{source_phrase, speaker_ends_clause, subject_after, subject_before};
use super::{Ctx, Found, SUBJECT_PRONOUNS, finish, word_count};
use crate::extract::text::is_possessive;
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
                            || cx.lex.description_openers.contains(cx.lower(next))
                    })
            })
            && (ends_after_quote || speaker_ends_clause(cx, ss, last))
        {
            // "said Gallup's managing partner, Jon Clifton.": the role is the organisation's,
            // the person named after it speaks.
            let (se, last) =
                named_after_role(cx, next, last).map_or((se, last), |end| (cx.words[end].end, end));
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
        // "“…,” Kelly, the former head of U.S. Southern Command, said": a name before the
        // description, set off by a comma, is whom it describes.
        (Some(s), Some(d)) if d.0 < s.0 && d.1 >= s.1 => Some(
            appositive_subject(cx, i)
                .filter(|a| a.1 < d.0 && cx.par[a.1..d.0].trim_start().starts_with(','))
                .unwrap_or(d),
        ),
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
            .or(d)
            .or_else(|| modified_subject(cx, i)),
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
                .any(|k| matches!(cx.lower(k), "so" | "such"));
        let adverbial = result_clause || matches!(prev, "when" | "because" | "if" | "as" | "since");
        if cx.lex.relativizers.contains(prev) && gap.trim().is_empty() && !adverbial {
            return None;
        }
        // "Asked Sunday if he still believes a suspension would …": a question put to the
        // speaker, not something said.
        if matches!(prev, "if" | "whether")
            && (first_word.saturating_sub(5)..first_word - 1)
                .any(|k| matches!(cx.lower(k), "asked" | "asking" | "wondered" | "wondering"))
        {
            return None;
        }
    }
    let subject = name_before_description(cx, subject).unwrap_or(subject);
    let subject = extend_over_list(cx, extend_to_boundary(cx, subject));
    let cue_word = cx.words.iter().position(|w| w.start == cue_start)?;
    let post_words = cue_word + cue.split(' ').count();
    // The words before the subject's clause, its opening conjunction aside ("…, though
    // officials said"): what a subject after them may have said.
    let lead = without_trailing_role(cx, cx.par[us..subject.0].trim_end());
    let opened = subject;
    let subject = without_opener(cx, subject);
    // "These are illegal under international law, though Israel disputes this": the words
    // before a concessive or other subordinate clause are not its subject's; "…, as analysts
    // note" reports them.
    let lead_is_theirs = subject == opened
        || cx.par[opened.0..subject.0]
            .split_whitespace()
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("as"));
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
    let in_subordinate =
        !lead.contains([',', '"', '“', '”']) && SUBORDINATORS.contains(&opener.as_str());
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
                fewest_words: 3,
            })
        }
        After::Content(start) => {
            let mut range = cut_at_second_cue(cx, cut_trailing_attribution(cx, (start, ue)));
            let mut k = cue_word;
            while k > 0 && (cx.lex.aux.contains(cx.lower(k - 1)) || cx.lower(k - 1).ends_with("ly"))
            {
                k -= 1;
            }
            if k > 0 && matches!(cx.lower(k - 1), "who" | "which") {
                range = end_of_relative_clause(cx, range);
            }
            finish(cx, vec![range], extend_appositive(cx, subject), cue)
        }
        // "“…,” he tells parishioners.": after a quotation the object is the listener.
        After::Object
            if lead.trim_end_matches(',').ends_with(['"', '”', '“']) && lead_is_theirs =>
        {
            finish(cx, vec![(us, us + lead.len())], subject, cue)
        }
        After::Object => None,
        After::Infinitive(start) => {
            let range = cut_at_second_cue(cx, (start, ue));
            let mut found = finish(cx, vec![range], extend_appositive(cx, subject), cue)?;
            found.object = true;
            Some(found)
        }
        After::Adjunct(next_word) => {
            if lead.is_empty() || !preceded_by_comma || !lead_is_theirs {
                return None;
            }
            let mut pieces = vec![(us, us + lead.len())];
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

/// "Trump said that Clinton is playing the card and said that Rubio is weak": a reporting
/// verb after "and", "but", "though" or "although" that ends the statement before it
/// (`cut_at_second_cue`) shares that statement's speaker. `after_object`: that statement is
/// a speech act's plain object ("acknowledged the breakdown and noted …").
pub(super) fn coordinated_after(
    cx: &Ctx,
    i: usize,
    cue: &str,
    before: &Found,
    after_object: bool,
) -> Option<Found> {
    let (ss, se) = before.speaker?;
    if !cx.lex.report.contains(cue) || cx.in_quote(cx.words[i].start) {
        return None;
    }
    let mut k = i;
    while k > 0 && cx.lex.aux.contains(cx.lower(k - 1)) && cx.gap(k - 1, k).trim().is_empty() {
        k -= 1;
    }
    let conj = k.checked_sub(1)?;
    let content_end = before.pieces.iter().map(|&(_, e)| e).max()?;
    let conj_start = cx.words[conj].start;
    // "…, though cautioned that …": a contrast with the subject left out is the same speaker's.
    if !matches!(cx.lower(conj), "and" | "but" | "though" | "although")
        || se > conj_start
        || content_end > conj_start
        || !cx.par[content_end..conj_start]
            .trim_matches(|c: char| c == ',' || c.is_whitespace())
            .is_empty()
        || !cx.gap(conj, k).trim().is_empty()
    {
        return None;
    }
    // "Ruiz said that Bell called her and told …" may be Bell's words: when the first
    // statement holds a subject and its verb in the past, the second verb shares the first's
    // subject only when a comma sets the conjunction off or it takes "that" or a quotation.
    // "claims that …" after a past verb (a noun as often as a verb) and a verb inside a
    // relative clause ("Bell, who opposed the plan and said …") share nothing.
    let content_start = before.pieces.iter().map(|&(s, _)| s).min()?;
    // Open, that is: no comma closes it before the conjunction ("…, which is looking into …,
    // and has declared" is the subject's again).
    let in_relative = cx.words.iter().any(|w| {
        w.start >= content_start
            && w.end <= conj_start
            && matches!(w.text, "who" | "which" | "whom" | "whose")
            && !cx.par[w.end..conj_start].contains(',')
    });
    let present = |c: &str| c.ends_with('s') && !c.ends_with("ss");
    let inner_subject = (0..cx.words.len().saturating_sub(1)).any(|x| {
        let (w, next) = (cx.words[x], cx.words[x + 1]);
        let l = cx.lower(x + 1);
        w.start >= content_start
            && next.end <= conj_start
            && (is_capitalized(w.text) || SUBJECT_PRONOUNS.contains(&cx.lower(x)))
            && cx.gap(x, x + 1).trim().is_empty()
            && !is_capitalized(next.text)
            && (l.ends_with("ed") || cx.lex.report.contains(l))
    });
    let takes_that = cx
        .words
        .get(i + 1)
        .is_some_and(|w| w.text == "that" || cx.in_quote(w.start))
        || cx.gap(i, i + 1).trim_start().starts_with([':', '"', '“']);
    let set_off = cx.par[content_end..conj_start].contains(',') || takes_that || after_object;
    let noun_like = present(cue)
        && !present(&before.cue)
        && !matches!(cue, "says" | "tells" | "adds" | "writes" | "notes");
    if in_relative || noun_like || inner_subject && !set_off {
        return None;
    }
    let After::Content(start) = content_after(cx, i + 1, cue) else {
        return None;
    };
    let range = cut_at_second_cue(cx, cut_trailing_attribution(cx, (start, cx.unit.1)));
    finish(cx, vec![range], (ss, se), cue)
}

/// A subject without a conjunction or "(on) the other hand" that opens its clause: "…,
/// although Argentine prosecutors have long accused …" is the prosecutors'.
fn without_opener(cx: &Ctx, (s, e): (usize, usize)) -> (usize, usize) {
    let Some(mut k) = cx.words.iter().position(|w| w.start == s) else {
        return (s, e);
    };
    loop {
        let l = cx.lower(k);
        let skip = if SUBORDINATORS.contains(&l) || matches!(l, "whereas" | "but" | "and" | "yet") {
            1
        } else if l == "the"
            && cx.words.get(k + 2).is_some_and(|w| w.text == "hand")
            && cx.lower(k + 1) == "other"
        {
            3
        } else {
            0
        };
        match cx.words.get(k + skip) {
            Some(w) if skip > 0 && w.start < e => k += skip,
            _ => return (cx.words[k].start, e),
        }
    }
}

/// Words that open a subordinate clause: a cue inside one is not the sentence's statement,
/// and the sentence's subject comes after it.
pub(super) const SUBORDINATORS: &[&str] = &[
    "after", "before", "when", "while", "since", "although", "though", "because", "if", "once",
    "until", "unless", "as",
];

/// "“…,” CBS anchor DeMarco Morgan said": the lead before a subject without the outlet or
/// firm and role words that describe it (up to four words, a role word among them), when a
/// quotation, a comma or a dash comes before them.
fn without_trailing_role<'a>(cx: &Ctx<'a>, lead: &'a str) -> &'a str {
    let ws = words(lead);
    let mut cut = ws.len();
    let mut role = false;
    while cut > 0 && ws.len() - cut < 4 {
        let w = ws[cut - 1].text;
        let lw = w.to_lowercase();
        if cx.is_role_word(&lw) {
            role = true;
        } else if !is_capitalized(w) || cx.lex.capital_stops.contains(w) {
            break;
        }
        cut -= 1;
        if cut > 0 && !lead[ws[cut - 1].end..ws[cut].start].trim().is_empty() {
            break;
        }
    }
    if !role || cut == ws.len() {
        return lead;
    }
    let rest = lead[..ws.get(cut).map_or(lead.len(), |w| w.start)].trim_end();
    let opened = rest.ends_with([',', '"', '”', '“']) || rest.chars().last().is_some_and(is_dash);
    if opened { rest } else { lead }
}

/// "said Russia's ambassador to the United States, Anatoly Antonov.", "said Amnesty
/// International's regional director, Philip Luther": an inverted speaker phrase that is a
/// role held in someone's name (a possessive, then the role's words and no name of its own)
/// and, after a comma, a person's name of two to four words that ends the sentence or its
/// clause. The last word of that name.
fn named_after_role(cx: &Ctx, first: usize, last: usize) -> Option<usize> {
    let possessive = (first..=last).find(|&k| is_possessive(cx.words[k].text))?;
    // "Gallup's managing partner": the phrase found may stop at the possessive; the role's
    // lower-case words run on to the comma.
    let mut last = last;
    while last == possessive || last > possessive && last - possessive < 5 {
        match cx.words.get(last + 1) {
            Some(w)
                if cx.gap(last, last + 1).trim().is_empty()
                    && w.text.chars().next().is_some_and(char::is_lowercase) =>
            {
                last += 1
            }
            _ => break,
        }
    }
    let role = last > possessive;
    // A capitalised run after "of", "to", "for", "in" or "the" is a place or a body ("to the
    // United States"); any other capital word not a role is a name of its own.
    let mut place = false;
    let named = (possessive + 1..=last).any(|k| {
        if !is_capitalized(cx.words[k].text) {
            place = false;
            return false;
        }
        place |= matches!(cx.lower(k - 1), "of" | "to" | "for" | "the" | "in");
        !place && !cx.is_role_word(cx.lower(k))
    });
    if !role || named || cx.gap(last, last + 1).trim() != "," {
        return None;
    }
    let start = last + 1;
    let mut end = start;
    while end + 1 < cx.words.len()
        && end + 1 - start < 4
        && cx.gap(end, end + 1).trim().is_empty()
        && is_capitalized(cx.words[end + 1].text)
    {
        end += 1;
    }
    let name = &cx.words[start..=end];
    let person_like = (2..=4).contains(&name.len())
        && name.iter().all(|w| {
            is_capitalized(w.text)
                && !cx.lex.capital_stops.contains(w.text)
                && !cx.is_role_word(&w.text.to_lowercase())
        });
    let closes = cx.words.get(end + 1).is_none_or(|n| {
        let gap = cx.gap(end, end + 1).trim();
        gap.starts_with(['.', ';'])
            || gap.starts_with(',') && matches!(n.text, "who" | "adding" | "and" | "in" | "on")
    });
    (person_like && closes && !cx.in_quote(cx.words[start].start)).then_some(end)
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
                    || cx.is_role_word(&l)
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
            || cx.is_role_word(&l);
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
                l,
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
mod tests;
