//! The content span: what follows a cue ("that …", ": …", a quotation, a bare clause) or
//! precedes it, trimmed and cut where another statement starts.

use super::super::text::{is_capitalized, is_close_quote, is_dash, is_open_quote};
use super::titles::{clause_after_title, quoted_title, title_quote_end};
use super::{Ctx, SUBJECT_PRONOUNS, word_count};

/// Trims spaces, commas, dashes and a final period from a content range.
pub(super) fn trim_content(par: &str, (mut s, mut e): (usize, usize)) -> (usize, usize) {
    let strip = |c: char| c.is_whitespace() || c == ',' || c == ';' || is_dash(c) || c == ':';
    while s < e {
        let c = par[s..e].chars().next().unwrap();
        if strip(c) {
            s += c.len_utf8();
        } else {
            break;
        }
    }
    while s < e {
        let c = par[s..e].chars().next_back().unwrap();
        if strip(c) || c == '.' && !par[s..e].ends_with("..") {
            e -= c.len_utf8();
        } else {
            break;
        }
    }
    // Leading "that" of reported speech is not content.
    let t = &par[s..e];
    for lead in ["that ", "That "] {
        if t.starts_with(lead) {
            s += lead.len();
        }
    }
    (s, e)
}

/// Cuts a trailing attribution clause after the last quotation ("…," the Ambassador noted).
pub(super) fn cut_trailing_attribution(cx: &Ctx, (s, e): (usize, usize)) -> (usize, usize) {
    if let Some(&(_, qe)) = cx.spans.iter().rev().find(|&&(qs, qe)| qs >= s && qe <= e)
        && qe < e
    {
        let tail = &cx.par[qe..e];
        // The quotation closes a clause ("…,” the Ambassador noted); a quoted name inside the
        // clause ("the “Smithsonian Museum” in Washington had expressed interest") does not.
        let inner_end = cx.par[..qe]
            .trim_end_matches(|c: char| c == '"' || c == '\'' || c == '’' || is_close_quote(c))
            .chars()
            .next_back();
        let closes_clause = inner_end.is_some_and(|c| matches!(c, ',' | '.' | '!' | '?'))
            || tail.trim_start().starts_with([',', '.', '!', '?'])
            || tail.trim_start().starts_with(is_dash);
        if !closes_clause {
            // "… “gained a foothold” in Anbar Province, the Associated Press reported": an
            // attribution after the clause's last comma.
            if let Some(comma) = tail.rfind(',') {
                let ws = bare_words(&tail[comma + 1..]);
                if ws.len() <= 6 && ws.iter().any(|w| cx.lex.report.contains(w.as_str())) {
                    return (s, qe + comma);
                }
            }
            return (s, e);
        }
        let tail_words = bare_words(tail);
        if tail_words.len() <= 10
            && tail_words
                .iter()
                .any(|w| cx.lex.any_verb.contains(w.as_str()))
        {
            return (s, qe);
        }
    }
    (s, e)
}

/// The words of `s` in lower case without their punctuation.
fn bare_words(s: &str) -> Vec<String> {
    s.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect()
}

/// "said it was too early, but added that …": the content stops where a second reporting
/// verb of the same subject starts its own statement.
pub(super) fn cut_at_second_cue(cx: &Ctx, (s, e): (usize, usize)) -> (usize, usize) {
    let Some(first) = cx.words.iter().position(|w| w.start >= s) else {
        return (s, e);
    };
    for k in first + 1..cx.words.len() {
        let w = cx.words[k];
        if w.start >= e {
            break;
        }
        // ", insisting that …", ", saying “…”": a participle with its own clause or
        // quotation is its own statement.
        if cx.lex.participle.contains(cx.lower(k))
            && cx.gap(k - 1, k).trim() == ","
            && cx.words.get(k + 1).is_some_and(|n| {
                n.text == "that" || cx.in_quote(n.start) || bare_clause_at(cx, k + 1)
            })
            && !cx.in_quote(w.start)
        {
            return (s, cx.words[k - 1].end);
        }
        // "…, while Cruz said that …", "…, although he said …": a contrast after a comma names
        // its own speaker.
        let contrast = matches!(cx.lower(k), "while" | "whereas" | "although" | "though")
            && cx.gap(k - 1, k).trim() == ",";
        if cx.in_quote(w.start) || !(contrast || matches!(cx.lower(k), "and" | "but")) {
            continue;
        }
        let mut v = k + 1;
        if contrast && v < cx.words.len() && SUBJECT_PRONOUNS.contains(&cx.lower(v)) {
            v += 1;
        }
        // ", but he urged …": the same speaker named again by a pronoun after a comma.
        if cx.gap(k - 1, k).trim() == ","
            && cx.lower(k) == "but"
            && v < cx.words.len()
            && matches!(cx.lower(v), "he" | "she" | "they")
        {
            v += 1;
        }
        // "hailed the deal as a step toward a “more hopeful world,” and Iranian President
        // Hassan Rouhani said …": another speaker named after the conjunction, with a reporting
        // verb of their own.
        // A comma before the conjunction: "he and Kim agreed to …" is one subject, no cut.
        let named = v;
        while cx.gap(k - 1, k).contains(',')
            && v < cx.words.len()
            && v - named < 6
            && is_capitalized(cx.words[v].text)
            && cx.gap(v - 1, v).trim().is_empty()
        {
            v += 1;
        }
        while v < cx.words.len() && cx.lex.aux.contains(cx.lower(v)) {
            v += 1;
        }
        // Only a reporting verb: after a speech act with a plain object ("and cited the
        // attack as evidence …") the words stay with the statement, which they describe.
        if v < cx.words.len()
            && cx.lex.report.contains(cx.lower(v))
            && !cx.in_quote(cx.words[v].start)
        {
            let cut = cx.par[s..w.start].trim_end().trim_end_matches(',').len();
            return (s, s + cut);
        }
    }
    (s, e)
}

/// Words that show a clause, not a noun phrase.
pub(super) fn is_clause_word(l: &str) -> bool {
    matches!(
        l,
        "is" | "was"
            | "are"
            | "were"
            | "be"
            | "has"
            | "have"
            | "had"
            | "not"
            | "that"
            | "which"
            | "who"
            | "and"
            | "or"
            | "but"
            | "if"
            | "it"
            | "this"
            | "there"
            | "what"
            | "as"
            | "when"
            | "while"
            | "might"
            | "could"
            | "should"
            | "can"
            | "may"
            | "must"
            | "do"
            | "does"
            | "did"
            | "since"
    ) || SUBJECT_PRONOUNS.contains(&l)
}

/// "If …," opening a sentence is not a whole statement on its own.
pub(super) fn lead_is_subordinate(before: &str) -> bool {
    let first = before
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    matches!(
        first.as_str(),
        "if" | "when" | "while" | "although" | "though" | "because" | "unless" | "as" | "since"
    ) && word_count(before) <= 3
}

pub(super) enum After {
    /// Reported content starts at this byte.
    Content(usize),
    /// Nothing but adjuncts follow (or the word index where a split quote may follow).
    Adjunct(Option<usize>),
    /// A plain object follows a verb that reports only clauses: no statement.
    Object,
    /// "urged parliament to weigh …": an object then a "to"-infinitive, from this byte; the
    /// statement keeps its verb.
    Infinitive(usize),
}

/// What follows a cue: content ("that …", ": …", a clause) or adjuncts ("on Tuesday").
pub(super) fn content_after(cx: &Ctx, mut k: usize, cue: &str) -> After {
    let ue = cx.unit.1;
    let cue_end = if k > 0 {
        cx.words[k - 1].end
    } else {
        cx.unit.0
    };
    let rest = cx.par[cue_end..ue].trim_start();
    if rest.starts_with(':') {
        return After::Content(ue - rest.len() + 1);
    }
    // "said — on Twitter, as it happens — that …": an aside between dashes, then the clause.
    if rest.starts_with(|c: char| is_dash(c))
        && let Some(close) = rest[3.min(rest.len())..]
            .find(|c: char| is_dash(c))
            .map(|p| p + 3.min(rest.len()))
    {
        let after = rest[close..].trim_start_matches(|c: char| is_dash(c) || c.is_whitespace());
        if let Some(clause) = after.strip_prefix("that ") {
            return After::Content(ue - clause.len());
        }
    }
    // "said, “…”": the quotation after the comma is the content; "acknowledged, however,
    // “…”" too, over a sentence adverb set off by commas.
    if let Some(after_comma) = rest.strip_prefix(',') {
        let after_comma = after_comma.trim_start();
        let after_adverb = [
            "however,", "though,", "too,", "in turn,", "again,", "later,",
        ]
        .iter()
        .find_map(|a| after_comma.strip_prefix(a))
        .map_or(after_comma, str::trim_start);
        if after_adverb.starts_with(|c: char| c == '"' || is_open_quote(c)) {
            return After::Content(ue - after_adverb.len());
        }
    }
    if rest.is_empty()
        || rest.starts_with(['.', ',', ';', '!', '?'])
        || rest.starts_with(|c: char| is_dash(c))
    {
        return After::Adjunct(Some(k));
    }
    if rest.starts_with(|c: char| c == '"' || is_open_quote(c)) {
        // "told “Fox News Sunday” the president would …": the programme is the listener.
        if k < cx.words.len()
            && cx.lex.listener.contains(cue)
            && let Some(start) = title_quote_end(cx, k).and_then(|e| clause_after_title(cx, e))
        {
            return After::Content(start);
        }
        return After::Content(ue - rest.len());
    }
    if cx.lex.infinitive.contains(cue) {
        if let Some(at) = infinitive_at(cx, k) {
            return After::Infinitive(at);
        }
        // "offered a painting": a verb that reports only with an infinitive reports nothing.
        let other_frame = cx.lex.report.contains(cue)
            || cx.lex.object.contains(cue)
            || cx.lex.clause_only.contains(cue);
        if !other_frame {
            return After::Object;
        }
    }
    // "told Sputnik", "told reporters in Moscow": skip the recipient.
    let mut after_listener = false;
    if cx.lex.listener.contains(cue) {
        let listener_start = k;
        while k < cx.words.len() && !cx.in_quote(cx.words[k].start) {
            let w = cx.words[k];
            let lw = w.text.to_lowercase();
            if lw == "that" {
                break;
            }
            // "told TheBlaze founder Glenn Beck he would …": a role word inside a name.
            let role_in_name = cx.is_role_word(&lw)
                && cx.words.get(k + 1).is_some_and(|n| is_capitalized(n.text))
                && k > listener_start;
            if is_capitalized(w.text) || cx.lex.recipients.contains(lw.as_str()) || role_in_name {
                k += 1;
                // "Fox News' Sean Hannity": a possessive's apostrophe goes on with the name.
                let gap = cx.gap(k - 1, k.min(cx.words.len() - 1)).trim();
                if !matches!(gap, "" | "'" | "’") && k < cx.words.len() {
                    break;
                }
                continue;
            }
            break;
        }
        // "told ITV's Peston on Sunday the party needed …": a time adjunct after the listener.
        if k > listener_start
            && let Some(end) = time_adjunct_end(cx, k)
        {
            k = end;
        }
        // "told us the campaign would win": the determiner begins the clause's subject, not
        // more of the listener.
        if k > listener_start + 1
            && k < cx.words.len()
            && matches!(cx.lower(k - 1), "the" | "a" | "an")
            && !is_capitalized(cx.words[k].text)
        {
            k -= 1;
        }
        after_listener = k > listener_start;
        // "told reporters, “Our nation is in trouble.”": the quotation after the listener
        // (after "“…,” he told ProPublica, “…”" it goes on a split quotation, read elsewhere).
        let quoted_before = cx
            .spans
            .iter()
            .any(|&(s, e)| s >= cx.unit.0 && e <= cue_end);
        if after_listener
            && !quoted_before
            && k < cx.words.len()
            && cx.in_quote(cx.words[k].start)
            && let Some(&(qs, _)) = cx
                .spans
                .iter()
                .find(|&&(s, e)| s <= cx.words[k].start && cx.words[k].start < e)
            // A word may reach past the quotation mark ("2007-11 - told …: \"Today"), so the
            // gap is taken only when it is one.
            && cx
                .par
                .get(cx.words[k - 1].end..qs)
                .is_some_and(|gap| matches!(gap.trim(), "," | ":"))
        {
            return After::Content(qs);
        }
        // "told a crowded hall in Baltimore that …": the clause starts at a nearby "that".
        if cx.words.get(k).is_some_and(|w| w.text != "that")
            && let Some(t) = (k..(k + 12).min(cx.words.len()))
                .find(|&t| cx.words[t].text == "that" && !cx.in_quote(cx.words[t].start))
            && !cx.par[cx.words[k].start..cx.words[t].start].contains(['.', ';', '"', '“', '”'])
        {
            return After::Content(cx.words[t].end);
        }
    }
    let Some(w) = cx.words.get(k) else {
        return After::Adjunct(None);
    };
    let lw = w.text.to_lowercase();
    if lw == "that" {
        return After::Content(w.end);
    }
    let gap_before = cx.par[if k > 0 {
        cx.words[k - 1].end
    } else {
        cx.unit.0
    }..w.start]
        .trim();
    if gap_before.starts_with(',') || gap_before.starts_with('.') {
        return After::Adjunct(Some(k));
    }
    // "says there is …" opens a clause; "said there" is a place.
    let existential = matches!(lw.as_str(), "there" | "here")
        && cx.words.get(k + 1).is_some_and(|n| {
            matches!(
                cx.lower(k + 1),
                "is" | "are"
                    | "was"
                    | "were"
                    | "will"
                    | "would"
                    | "has"
                    | "have"
                    | "had"
                    | "could"
                    | "should"
                    | "may"
                    | "might"
                    | "must"
                    | "can"
                    | "isn't"
                    | "aren't"
                    | "wasn't"
                    | "weren't"
                    | "won't"
                    | "there's"
            ) && cx.gap(k, k + 1).trim().is_empty()
                && !cx.in_quote(n.start)
        });
    if existential {
        return After::Content(w.start);
    }
    if cx.lex.adjunct_starts.contains(lw.as_str()) || w.text.chars().all(|c| c.is_ascii_digit()) {
        return adjunct_then_clause(cx, k).unwrap_or(After::Adjunct(Some(k)));
    }
    if cx.in_quote(w.start) {
        return After::Content(
            cx.spans
                .iter()
                .find(|&&(s, e)| s <= w.start && w.start < e)
                .map_or(w.start, |&(s, _)| s),
        );
    }
    let then_that = cx.lex.listener_then_that.contains(cue);
    if then_that || cx.lex.clause_only.contains(cue) {
        // "believes the recession is over" has a clause without "that"; "claimed victory in …"
        // has an object, so what came before is not what was said either.
        // "told ITV's Peston the party needed …": after its listener a clause needs no "that".
        if (!then_that || after_listener) && bare_clause_at(cx, k)
            || after_listener && past_tense_clause_at(cx, k)
        {
            return After::Content(w.start);
        }
        return After::Object;
    }
    After::Content(w.start)
}

/// "the party needed to unite", "his team planned a rally": a determiner, a noun or two and a
/// verb in the past tense. Read only after a listener ("told ITV's Peston …"), where an object
/// cannot follow, so "the prize awarded to him" does not come up.
fn past_tense_clause_at(cx: &Ctx, k: usize) -> bool {
    if !matches!(
        cx.lower(k),
        "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "my" | "this"
    ) {
        return false;
    }
    (k + 2..(k + 4).min(cx.words.len())).any(|t| {
        let l = cx.lower(t);
        (k + 1..=t).all(|u| cx.gap(u - 1, u).trim().is_empty() && !cx.in_quote(cx.words[u].start))
            && l.len() > 4
            && l.ends_with("ed")
            && !is_capitalized(cx.words[t].text)
    })
}

/// The word after a time adjunct starting at word `k` ("on Sunday", "last week", "earlier this
/// month", "yesterday"), if one starts there.
fn time_adjunct_end(cx: &Ctx, k: usize) -> Option<usize> {
    if k >= cx.words.len() {
        return None;
    }
    if matches!(cx.lower(k), "yesterday" | "today" | "tonight") {
        return Some(k + 1);
    }
    if !matches!(
        cx.lower(k),
        "on" | "last" | "this" | "earlier" | "late" | "early"
    ) {
        return None;
    }
    (k + 1..(k + 3).min(cx.words.len()))
        .take_while(|&t| cx.gap(t - 1, t).trim().is_empty() && !cx.in_quote(cx.words[t].start))
        .find(|&t| cx.lex.time_words.contains(cx.lower(t)))
        .map(|t| t + 1)
        .filter(|&e| e < cx.words.len())
}

/// The start of "[listener] (not) to VERB" at word `k`: a short listener phrase (up to five
/// words, no punctuation or quotation) and "to" before a lower-case word that is no
/// determiner ("promised to the voters" is no infinitive).
fn infinitive_at(cx: &Ctx, k: usize) -> Option<usize> {
    let start = cx.words.get(k)?.start;
    for t in k..(k + 7).min(cx.words.len()) {
        if cx.in_quote(cx.words[t].start) || (t > k && !cx.gap(t - 1, t).trim().is_empty()) {
            return None;
        }
        let l = cx.lower(t);
        if l == "to" {
            let next = cx.words.get(t + 1)?;
            let nl = cx.lower(t + 1);
            let determiner = matches!(
                nl,
                "the"
                    | "a"
                    | "an"
                    | "his"
                    | "her"
                    | "their"
                    | "its"
                    | "our"
                    | "my"
                    | "this"
                    | "that"
                    | "these"
                    | "those"
                    | "all"
                    | "each"
            );
            let ok = cx.gap(t, t + 1).trim().is_empty()
                && !is_capitalized(next.text)
                && !determiner
                && !nl.chars().next().is_some_and(|c| c.is_ascii_digit());
            return ok.then_some(start);
        }
        if cx.lex.any_verb.contains(l) || l == "that" {
            return None;
        }
    }
    None
}

/// "said on Tuesday that …", "said in a statement that …", "said Thursday his …": the
/// content starts after a short adjunct, at "that" or right after a bare day word.
pub(super) fn adjunct_then_clause(cx: &Ctx, k: usize) -> Option<After> {
    const DAY_WORDS: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "yesterday",
        "today",
        "tonight",
        "recently",
        "previously",
        "later",
        "again",
        "also",
        "too",
    ];
    let limit = (k + 14).min(cx.words.len());
    let mut t = k;
    while t < limit {
        let w = cx.words[t];
        if t > k
            && cx.in_quote(w.start)
            && let Some(after) = quoted_title(cx, t)
        {
            // "said in his book, “An American Son.”", "said on “Face the Nation” that …": a
            // title, not words said; the clause may still come after it.
            if let Some(start) = clause_after_title(cx, after) {
                return Some(After::Content(start));
            }
            t = after;
            continue;
        }
        if cx.in_quote(w.start) {
            // "said in a statement: “…”" or "said Monday, “…”": the quotation is the content.
            let gap = cx.par[cx.words[t - 1].end..w.start].trim();
            return (t > k && gap.ends_with([',', ':', '"', '“'])).then(|| {
                let qs = cx
                    .spans
                    .iter()
                    .find(|&&(s, e)| s <= w.start && w.start < e)
                    .map_or(w.start, |&(s, _)| s);
                After::Content(qs)
            });
        }
        if t > k {
            let gap = cx.gap(t - 1, t);
            if gap.contains(['.', ';', '(', ')', '!', '?']) || gap.chars().any(is_dash) {
                return None;
            }
        }
        let lw = cx.lower(t);
        if lw == "that" {
            // "said on Tuesday that the …" opens the clause; "that is" / "that was" is the
            // pronoun, not the conjunction.
            cx.words.get(t + 1)?;
            // "acknowledged Sunday that “there are …”": the clause may open a quotation.
            let gap = cx.gap(t, t + 1).trim();
            let clause = (gap.is_empty() || gap == "“" || gap == "\"")
                && !matches!(cx.lower(t + 1), "is" | "was");
            return clause.then_some(After::Content(w.end));
        }
        if cx.lex.relativizers.contains(lw) && lw != "as" && t > k {
            return None;
        }
        t += 1;
    }
    // "said Thursday his biggest worry …": a bare day word, then the clause.
    let lw = cx.lower(k);
    if DAY_WORDS.contains(&lw)
        && let Some(next) = cx.words.get(k + 1)
        && cx.gap(k, k + 1).trim().is_empty()
        && !cx.lex.adjunct_starts.contains(cx.lower(k + 1))
        && !matches!(
            cx.lower(k + 1),
            "and" | "but" | "or" | "night" | "morning" | "afternoon" | "evening"
        )
        && !cx.in_quote(next.start)
    {
        return Some(After::Content(next.start));
    }
    None
}

/// A clause without "that" starts at word `k`: a subject pronoun, or a finite auxiliary within
/// the next few words ("the recession is over", "Clinton would win").
pub(super) fn bare_clause_at(cx: &Ctx, k: usize) -> bool {
    const FINITE: &[&str] = &[
        "is",
        "was",
        "are",
        "were",
        "will",
        "would",
        "has",
        "have",
        "had",
        "could",
        "should",
        "can",
        "may",
        "might",
        "must",
        "did",
        "does",
        "isn't",
        "wasn't",
        "aren't",
        "weren't",
        "won't",
        "wouldn't",
        "can't",
        "couldn't",
        "didn't",
        "doesn't",
        "hasn't",
        "haven't",
        "shouldn't",
    ];
    // "confirmed it." ends with an object; "believes it will pass" goes on.
    let first = cx.lower(k);
    if SUBJECT_PRONOUNS.contains(&first) && (first != "it" || k + 1 < cx.words.len()) {
        return true;
    }
    for t in k..(k + 8).min(cx.words.len()) {
        if t > k && !cx.gap(t - 1, t).trim().is_empty() || cx.in_quote(cx.words[t].start) {
            return false;
        }
        let l = cx.lower(t);
        if FINITE.contains(&l) {
            return t > k;
        }
        // "told the newspaper hours after it was announced": a subordinate clause is no object
        // clause.
        if matches!(
            l,
            "to" | "of"
                | "for"
                | "in"
                | "on"
                | "at"
                | "by"
                | "with"
                | "after"
                | "before"
                | "when"
                | "while"
                | "since"
                | "because"
                | "until"
                | "as"
                | "than"
        ) {
            return false;
        }
    }
    false
}

/// A quotation that continues a split quote: `"…," he said, "…"`.
pub(super) fn continuation_quote(cx: &Ctx, from_word: usize) -> Option<(usize, usize)> {
    let start = if from_word < cx.words.len() {
        cx.words[from_word.saturating_sub(1)].end
    } else {
        cx.words.last()?.end
    };
    let rest = &cx.par[start..cx.unit.1];
    let lead = rest.len()
        - rest
            .trim_start_matches(|c: char| c.is_whitespace() || c == ',' || is_dash(c))
            .len();
    let q = start + lead;
    cx.spans
        .iter()
        .find(|&&(s, _)| s == q)
        .copied()
        .or_else(|| after_short_adjunct(cx, from_word))
}

/// "“…,” Cuban said of Trump, “…”", "“…,” said Merkel, the German chancellor, “…”": the
/// quotation goes on after an adjunct or an appositive of a few words and a comma, with no
/// cue of its own.
fn after_short_adjunct(cx: &Ctx, from_word: usize) -> Option<(usize, usize)> {
    let first = cx.words.get(from_word)?;
    let &(qs, qe) = cx.spans.iter().find(|&&(s, _)| s > first.start)?;
    let gap = cx.par[first.start..qs].trim_end();
    let gap = gap.trim_end_matches(['“', '"', '‘', '\'', '«']).trim_end();
    let between: Vec<usize> = (from_word..cx.words.len())
        .take_while(|&k| cx.words[k].start < qs)
        .collect();
    let short = !between.is_empty() && between.len() <= 8;
    let plain = between.iter().all(|&k| {
        let l = cx.lower(k);
        !cx.in_quote(cx.words[k].start)
            && !cx.lex.cue_starts.contains(l)
            && !matches!(l, "and" | "but" | "while" | "who" | "which" | "that")
    });
    // The quotation goes on mid-sentence ("whether you're …"), not a new one.
    let goes_on = cx.par[qs..qe]
        .chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_lowercase);
    (short
        && plain
        && goes_on
        && gap.ends_with(',')
        && !gap.contains(['.', ';', ':', '!', '?', '(', ')'])
        && qe <= cx.unit.1)
        .then_some((qs, qe))
}

#[cfg(test)]
mod tests;
