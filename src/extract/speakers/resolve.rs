//! The person a phrase means: a name or surname looked up in the article and the gazetteer,
//! a person the text introduces, a pronoun or a role.

use super::super::officials::Gender;
use super::super::text::{
    after_article, body_preposition, is_capitalized, is_possessive, with_lower, without_article,
    words,
};
use super::names::{NAME_CUES, ORG_WORDS, honorific_gender};
use super::roles::{DEPENDENT_HEADS, has_person_role};

/// Heads of people who work for a body without being its voice.
const NOT_ITS_VOICE: &[&str] = &[
    "contractor",
    "contractors",
    "employee",
    "employees",
    "staffer",
    "staffers",
    "worker",
    "workers",
    "agent",
    "agents",
];
use super::{Person, Resolver};
use crate::model::SpeakerKind;

impl<'g> Resolver<'g> {
    /// Ok(person index), Err(phrase as written) for an unknown description, None for nothing.
    pub(super) fn resolve_index(&mut self, phrase: &str) -> Option<Result<usize, String>> {
        let phrase = phrase.trim();
        // "A knows B, who knows C": a capital letter alone is no one ("I" is a pronoun).
        if let [letter] = phrase.trim_end_matches('.').as_bytes()
            && letter.is_ascii_uppercase()
            && *letter != b'I'
        {
            return None;
        }
        // "Officials", "Authorities" opening a sentence are common nouns, not names.
        let decapitalised;
        // Not before a capitalised word: "Bill Clinton" is a name, "Bill" no document.
        let next_capitalised = phrase
            .split_whitespace()
            .nth(1)
            .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()));
        let phrase = match phrase.split_once(' ').map_or(phrase, |(f, _)| f) {
            first
                if !next_capitalised
                    && self.g.words.classify(phrase) != Some(SpeakerKind::Institution)
                    && first.chars().next().is_some_and(char::is_uppercase)
                    && first.chars().skip(1).all(char::is_lowercase)
                    && self.g.words.is_common_noun(&first.to_lowercase()) =>
            {
                decapitalised = first.to_lowercase() + &phrase[first.len()..];
                decapitalised.as_str()
            }
            _ => phrase,
        };
        let mut lower = phrase.to_lowercase();
        // "They've", "he'd": a pronoun with a contracted verb is that pronoun. "I've argued",
        // "I'd say" outside a quotation are the writer's own words: no one's statement.
        if let Some((pronoun, verb)) = lower.split_once(['\'', '’'])
            && matches!(pronoun, "i" | "he" | "she" | "we" | "they")
            && matches!(verb, "ve" | "d" | "ll" | "m" | "re" | "s")
        {
            if pronoun == "i" {
                return None;
            }
            lower = pronoun.to_string();
        }
        // "he" right after "a senior official said" is that official, unless a named person
        // has been mentioned since.
        if matches!(lower.as_str(), "he" | "she" | "they")
            && let Some((u, at)) = &self.last_unnamed
            && self.people.iter().all(|p| p.seen <= *at)
        {
            let plural = u.to_lowercase().ends_with('s');
            // "When the man told her …, she asked him": "she" is not the man.
            let head = crate::extract::kinds::head_word(u);
            let gender_fits = match lower.as_str() {
                "he" => !FEMALE_HEADS.contains(&head.as_str()),
                "she" => !MALE_HEADS.contains(&head.as_str()),
                _ => true,
            };
            if plural == (lower == "they") && gender_fits {
                return Some(Err(u.clone()));
            }
        }
        // "CNN's Pentagon correspondent": an unnamed person of an outlet or a body is no one
        // named in the phrase.
        if let Some(last) = phrase.split_whitespace().last()
            && phrase.split_whitespace().any(is_possessive)
            && last.starts_with(|c: char| c.is_lowercase())
            && self.g.words.anonymous.contains(last)
        {
            return Some(Err(phrase.to_string()));
        }
        // "The NSA has admitted", "Centcom said": a body known by one word speaks as itself.
        let bare = after_article(phrase).unwrap_or(phrase);
        if self.g.words.bodies.contains(&bare.to_lowercase()) {
            return Some(Err(bare.to_string()));
        }
        // Outlets and countries speak as themselves, never as a person of that name; groups,
        // documents and outlets described ("Democrats", "the report", "the newspaper") are
        // never a person either.
        if self.g.media_name(phrase).is_some()
            || self.g.country_name(phrase).is_some()
            || matches!(
                self.g.words.classify(phrase),
                Some(SpeakerKind::Group | SpeakerKind::Document | SpeakerKind::Media)
            )
        {
            return Some(Err(phrase.to_string()));
        }
        // "the PM" is the prime minister, "the FM" the foreign minister: roles, not names.
        let expanded;
        let (phrase, lower) = match lower.trim_start_matches("the ") {
            "pm" => {
                expanded = "the prime minister".to_string();
                (expanded.as_str(), expanded.clone())
            }
            "fm" => {
                expanded = "the foreign minister".to_string();
                (expanded.as_str(), expanded.clone())
            }
            _ => (phrase, lower),
        };
        // "The North", "the Pentagon": one capitalised word after "the" that the gazetteer
        // does not know is a place or a body, never a person ("the Pope" is a role, known).
        if let Some(rest) = after_article(phrase)
            && !rest.contains(' ')
            && is_capitalized(rest)
            && self.g.lookup(rest).is_none()
            && !self.g.words.titles.contains(&rest.to_lowercase())
            && !super::names::is_title_word(rest)
            && !self.is_title_word(rest)
        {
            return Some(Err(phrase.to_string()));
        }
        // "the Syrian Observatory for Human Rights", "Council on Foreign Relations": a body
        // named with "for"/"of"/"on" is one name, not its last words.
        if let Some(body) = body_with_preposition(phrase)
            && self.g.by_full_name(&body).is_none()
        {
            return Some(Err(body));
        }
        // A name has no digits: "U-238", "F-16" are things.
        if phrase
            .split_whitespace()
            .any(|w| is_capitalized(w) && w.chars().any(|c| c.is_ascii_digit()))
        {
            return None;
        }
        match lower.as_str() {
            "he" | "she" => {
                let want = if lower == "he" {
                    Gender::Male
                } else {
                    Gender::Female
                };
                let fits = |p: &Person| !p.institution && p.gender.is_none_or(|g| g == want);
                // Someone who opened a sentence since the last speaker spoke, then that
                // speaker, then whoever was named last.
                if let Some(i) = self.subject_since
                    && fits(&self.people[i])
                {
                    return Some(Ok(i));
                }
                if let Some(i) = self.last_speaker
                    && fits(&self.people[i])
                {
                    return Some(Ok(i));
                }
                return self
                    .people
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| fits(p))
                    .max_by_key(|(_, p)| p.seen)
                    .map(|(i, _)| Ok(i));
            }
            "they" | "we" | "it" | "i" => {
                return self
                    .last_speaker
                    .filter(|&i| self.people[i].institution || lower == "i")
                    .map(Ok);
            }
            _ => {}
        }
        // "A source close to Trump said": whoever a postmodifier relates to the description is
        // someone else than the speaker (a trial gave Trump the source's words).
        if self.g.cues.is_postmodified(phrase) {
            return Some(Err(phrase.to_string()));
        }
        // "Russia and the United States", "Hawkins and others": several speakers at once are
        // kept as written, never narrowed to one of them.
        if let Some((left, right)) = phrase.split_once(" and ")
            && !phrase.contains(',')
            && !self.g.words.roles_of_one(left, right)
            && self.g.by_full_name(phrase).is_none()
            && left.split_whitespace().any(is_capitalized)
            && (right.split_whitespace().any(is_capitalized)
                || right.starts_with("other")
                || right.starts_with("their")
                || right.starts_with("his ")
                || right.starts_with("her "))
        {
            return Some(Err(phrase.to_string()));
        }
        let ws = words(phrase);
        // Runs of capitalised words, e.g. ["US State Department", "John Kirby"].
        let mut runs: Vec<Vec<&str>> = Vec::new();
        let mut cur: Vec<&str> = Vec::new();
        let mut prev_end = None;
        // The word before the last run began, past an article, and the last word of the run
        // before it ("for" and "Commissioner" in "… High Commissioner for Human Rights Navi
        // Pillay").
        let (mut prev_word, mut before_prev, mut last_run_after) = (None, None, None);
        let mut title_before = None;
        for w in &ws {
            // Punctuation between words ends a run: "the Council, Ambassador Baklanov".
            let broken = prev_end.is_some_and(|e: usize| !phrase[e..w.start].trim().is_empty());
            prev_end = Some(w.end);
            if broken && !cur.is_empty() {
                runs.push(std::mem::take(&mut cur));
            }
            if is_capitalized(w.text) {
                if cur.is_empty() {
                    // "chairman of the Foreign Affairs Committee …": past an article too.
                    last_run_after = match prev_word {
                        Some("the") => before_prev,
                        p => p,
                    }
                    .filter(|_| !broken);
                    title_before = runs.last().and_then(|r| r.last()).copied();
                }
                cur.push(w.text);
            } else if !cur.is_empty() {
                runs.push(std::mem::take(&mut cur));
            }
            (before_prev, prev_word) = (prev_word, Some(w.text));
        }
        if !cur.is_empty() {
            runs.push(cur);
        }
        // A capitalised determiner opening the sentence is not part of a name: "Several
        // Democratic operatives".
        if let Some(first) = runs.first_mut()
            && first.first().is_some_and(|w| {
                matches!(
                    w.to_lowercase().as_str(),
                    "the"
                        | "a"
                        | "an"
                        | "one"
                        | "several"
                        | "some"
                        | "many"
                        | "most"
                        | "two"
                        | "three"
                        | "another"
                        | "both"
                        | "all"
                        | "few"
                        | "others"
                        | "other"
                        | "his"
                        | "her"
                        | "their"
                        | "its"
                        | "our"
                        | "my"
                        | "more"
                )
            })
        {
            first.remove(0);
            if first.is_empty() {
                runs.remove(0);
            }
        }
        // "The Trump campaign", "a Clinton spokesman", "Sanders's aides": a person's name as a
        // modifier of someone else; their words are not the person's.
        let head = lower
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("")
            .trim_matches(|c: char| !c.is_alphanumeric());
        // "a senior Trump administration official", "Obama advisers": any unnamed source or
        // group described through a person is that source, never the person.
        let head_is_lower = phrase
            .rsplit(char::is_whitespace)
            .next()
            .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase()));
        if (DEPENDENT_HEADS.contains(&head)
            || head_is_lower
                && (self.g.words.anonymous.contains(head) || self.g.words.group.contains(head)))
            && let Some(run) = runs.last()
            && let Some(id) = self.lookup_run(run)
            && !self.g.get(id).institution
        {
            let as_written = without_article(phrase);
            return Some(Err(as_written.to_string()));
        }
        // "Trade unionists", "Opposition politicians": a group described by a capitalised
        // word nobody is known by is the group, never that word alone (the speaker "Trade" was
        // found that way). "White House officials" still speak for the White House.
        let plural_head = head.len() > 3
            && head.ends_with('s')
            && !head.ends_with("ss")
            && !head.ends_with("'s")
            && !head.ends_with("’s");
        if head_is_lower
            && plural_head
            && !phrase.contains(['\'', '’'])
            && runs.len() == 1
            && runs
                .last()
                .is_some_and(|run| self.lookup_run(run).is_none())
        {
            return Some(Err(phrase.to_string()));
        }
        // "the former CIA contractor", "a Pentagon employee", "a former State Department
        // official": someone who works or worked for a body does not speak as it, as its
        // spokesperson does ("a Pentagon spokesman" is the Pentagon); the description stays.
        if head_is_lower
            && (NOT_ITS_VOICE.contains(&head)
                || phrase
                    .split_whitespace()
                    .any(|w| w.eq_ignore_ascii_case("former"))
                    && (self.g.words.anonymous.contains(head) || DEPENDENT_HEADS.contains(&head)))
            && let Some(run) = runs.last()
            && self
                .lookup_run(run)
                .is_some_and(|id| self.g.get(id).institution)
        {
            return Some(Err(without_article(phrase).to_string()));
        }
        // "A spokesperson for Kerry", "an aide to Lavrov", "a lawyer for Manafort": someone
        // speaking for a person is not that person (a trial found Kerry credited with his
        // spokesperson's words).
        let lower_words: Vec<&str> = lower.split_whitespace().collect();
        // Only words for people around someone (spokesman, aide, lawyer): "minister of the
        // Interior Bernard Cazeneuve" and "ambassador to the U.N. Nikki Haley" are the person.
        let dependent_for = lower_words.iter().position(|w| DEPENDENT_HEADS.contains(w));
        if let Some(k) = dependent_for
            && lower_words
                .get(k + 1)
                .is_some_and(|p| matches!(*p, "for" | "to" | "of"))
            && phrase
                .split_whitespace()
                .take(k + 1)
                .enumerate()
                .all(|(i, w)| {
                    !is_capitalized(w)
                        || i == 0 && matches!(w.to_lowercase().as_str(), "a" | "an" | "the" | "one")
                })
            && runs.last().is_some()
            // "a spokesman for the State Department" speaks as the institution.
            && !runs
                .last()
                .and_then(|run| self.lookup_run(run))
                .is_some_and(|id| self.g.get(id).institution)
        {
            // "A spokesperson for Kerry" opening a sentence reads "a spokesperson for Kerry".
            let as_written = without_article(phrase);
            let mut chars = as_written.chars();
            let shown = match (chars.next(), k) {
                (Some(c), 1) if c.is_uppercase() => c.to_lowercase().chain(chars).collect(),
                _ => as_written.to_string(),
            };
            return Some(Err(shown));
        }
        // "President Barack Obama's own party", "Trump's lawyer": whoever a possessive name
        // qualifies is someone else than that name, and no role of it either.
        if head_is_lower
            && runs.iter().any(|run| {
                run.last()
                    .is_some_and(|w| w.ends_with("'s") || w.ends_with("’s") || w.ends_with("s'"))
            })
        {
            let as_written = without_article(phrase);
            return Some(Err(as_written.to_string()));
        }
        // "The Platte River employee", "a New Hampshire Sanders veteran": a name nobody knows
        // as a person, modifying an unnamed source, is no speaker's name either.
        if head_is_lower
            && self.g.words.anonymous.contains(head)
            && let Some(run) = runs.last()
            && self.lookup_run(run).is_none()
            && phrase
                .trim_end()
                .ends_with(&format!("{} {head}", run.join(" ")))
            && !run
                .iter()
                .any(|w| self.g.demonym(w).is_some() || self.g.country_name(w).is_some())
        {
            let as_written = without_article(phrase);
            return Some(Err(as_written.to_string()));
        }
        // A person named in the phrase wins over an institution named beside them. A new
        // person's full name at the end wins over a name that only modifies it: "Clinton
        // spokesman Brian Fallon" is Brian Fallon.
        let last_is_new_person = runs.last().is_some_and(|run| {
            self.lookup_run(run).is_none()
                && self.name_start(run).is_some_and(|s| {
                    let name = &run[s..];
                    (2..=4).contains(&name.len())
                        && name.iter().all(|w| {
                            w.chars()
                                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
                        })
                        && !name
                            .iter()
                            .any(|w| ORG_WORDS.contains(&w.to_lowercase().as_str()))
                })
        });
        let mut institution = None;
        for run in runs.iter().rev() {
            if let Some(id) = self.lookup_run(run) {
                if self.g.get(id).institution {
                    institution.get_or_insert(id);
                    continue;
                }
                if last_is_new_person {
                    continue;
                }
                let i = self.touch_official_named(id, run.len() >= 2);
                self.learn_title(i, phrase, run);
                return Some(Ok(i));
            }
        }
        if let Some(id) = self.g.by_full_name(phrase) {
            return Some(Ok(self.touch_official_named(id, true)));
        }
        // A new person: the last capitalised run minus leading title words.
        if let Some(run) = runs.last() {
            let name_start = self.name_start(run);
            if let Some(s) = name_start {
                let mut name: Vec<&str> = run[s..].to_vec();
                // "High Commissioner for Human Rights Navi Pillay", "Director of Trade Policy
                // Peter Navarro", "Mayor of London Sadiq Khan": after a title's "for"/"of", the
                // run opens with what the title is of; the person is at its end.
                if runs.len() >= 2
                    && matches!(last_run_after, Some("for" | "of" | "on"))
                    && title_before.is_some_and(|t| self.g.words.is_person_title(t))
                    && name.len() >= 3
                {
                    name = name[self.person_at_end(&name)..].to_vec();
                }
                let honorific = run[..s]
                    .iter()
                    .map(|w| w.to_lowercase())
                    .find(|w| matches!(w.as_str(), "mr." | "mrs." | "ms." | "mr" | "mrs" | "ms"));
                let gender = honorific.map(|h| {
                    if h.starts_with("mr") && !h.starts_with("mrs") {
                        Gender::Male
                    } else {
                        Gender::Female
                    }
                });
                let clean = name.iter().all(|w| {
                    w.chars()
                        .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
                }) && !name
                    .iter()
                    .any(|w| ORG_WORDS.contains(&w.to_lowercase().as_str()));
                if clean
                    && (2..=4).contains(&name.len())
                    && (institution.is_none() || last_is_new_person)
                {
                    let full = name.join(" ");
                    let title_part = phrase[..phrase.find(name[0]).unwrap_or(0)]
                        .trim()
                        .trim_end_matches(',')
                        .trim();
                    let title = (!title_part.is_empty())
                        .then(|| title_part.trim_start_matches("the ").to_string());
                    return Some(Ok(self.touch_new(&full, title, gender)));
                }
                if clean
                    && name.len() == 1
                    && institution.is_none()
                    && runs.len() == 1
                    && ws.len() <= 2
                {
                    // A surname: the person of that name this article mentioned last, or
                    // kept as written.
                    let surname = name[0];
                    // "GAO" is a body's acronym, never Gao Feng's family name.
                    let acronym = is_acronym(surname);
                    if !acronym
                        && let Some(i) = self
                            .named_here(surname, gender)
                            .or_else(|| self.named_family_first(surname))
                    {
                        return Some(Ok(i));
                    }
                    return Some(Ok(self.touch_new(surname, None, gender)));
                }
            }
        }
        // "a State Department official" introduces someone new: never an earlier person.
        if [
            "a ", "an ", "one ", "another ", "some ", "several ", "many ", "two ", "three ",
        ]
        .iter()
        .any(|a| lower.starts_with(a))
            || matches!(
                lower.as_str(),
                "others" | "some" | "many" | "most" | "several"
            )
        {
            return match institution {
                Some(id) if !has_person_role(&lower) => Some(Ok(self.touch_official(id))),
                _ => Some(Err(phrase.to_string())),
            };
        }
        if let Some(id) = institution {
            // "the head of the Foreign Ministry" is a person of that institution.
            if has_person_role(&lower)
                && let Some(Ok(i)) = self.resolve_role(phrase)
            {
                return Some(Ok(i));
            }
            return Some(Ok(self.touch_official(id)));
        }
        self.resolve_role(phrase)
    }

    /// A gazetteer person or institution named by a run of capitalised words.
    pub(super) fn lookup_run(&self, run: &[&str]) -> Option<usize> {
        let n = run.len();
        // Most runs hold no full name at all: a candidate is looked up as one only from a word
        // some name begins with (its key word computed once per word, not per candidate).
        let may_begin: Vec<bool> = run.iter().map(|w| self.g.word_may_begin_name(w)).collect();
        for len in (1..=n.min(4)).rev() {
            for start in (0..=n - len).rev() {
                if len > 1 && !may_begin[start] {
                    continue;
                }
                let cand = run[start..start + len].join(" ");
                let hit = if len == 1 {
                    // A surname belongs first to someone this article already named ("Bernie
                    // Sanders" earlier makes "Sanders" him), then to the one official of that
                    // surname in office that year: "Sanders" in 2016 is not the press
                    // secretary of 2017. A surname ends the name: "Ryan" in "Ryan Zinke" is a
                    // first name.
                    if start + 1 != n {
                        continue;
                    }
                    // "GAO": an acronym is a body, never a person's surname ("Gao Feng").
                    let acronym = is_acronym(&cand);
                    // "Bernie Sanders" is not "Sarah Sanders", "Ivanka Trump" not Donald: a
                    // first name before the surname must be the person's.
                    let first_name = start
                        .checked_sub(1)
                        .map(|k| run[k])
                        .filter(|w| !self.is_title_word(w));
                    let honorific = start.checked_sub(1).and_then(|k| honorific_gender(run[k]));
                    // "Liu" after "Liu Lipeng" is him, not the minister Liu Kun.
                    if first_name.is_none() && !acronym && self.named_family_first(&cand).is_some()
                    {
                        continue;
                    }
                    if !acronym
                        && let Some(i) = self.named_here(&cand, honorific)
                        && first_name.is_none_or(|f| self.people[i].name.split(' ').any(|p| p == f))
                    {
                        // Someone of this article; only an official is found here.
                        match self.people[i].official {
                            Some(id) => return Some(id),
                            None => continue,
                        }
                    }
                    // "in May", "Mr. May": a surname that is also a month or a common word
                    // names an official only after a title or honorific, and an honorific
                    // must fit the official's gender.
                    let titled = start > 0 && self.is_title_word(run[start - 1]);
                    let ambiguous =
                        with_lower(&cand, |l| self.g.words.ambiguous_surnames.contains(l));
                    if ambiguous && !titled {
                        continue;
                    }
                    self.g.by_surname_at(&cand, self.year).filter(|&id| {
                        let o = self.g.get(id);
                        (!acronym || o.institution)
                            && honorific.is_none_or(|h| o.gender.is_none_or(|g| g == h))
                            && self.in_office(id)
                            && first_name.is_none_or(|f| {
                                o.institution
                                    || std::iter::once(&o.name)
                                        .chain(&o.variants)
                                        .any(|n| n.split(' ').any(|p| p == f))
                            })
                    })
                } else {
                    self.g.by_full_name(&cand)
                };
                // A body with a one-word name: "Taliban", "Hezbollah", "Pentagon".
                let hit = hit.or_else(|| {
                    (len == 1 && may_begin[start])
                        .then(|| self.g.by_full_name(&cand))
                        .flatten()
                        .filter(|&id| self.g.get(id).institution)
                });
                if let Some(id) = hit {
                    return Some(id);
                }
            }
        }
        None
    }

    /// "front-runner Ben Carson", "Mr. Minor", "Ann Lee, a lawyer,": a person the text
    /// introduces, registered so that a later "he" or "Carson" finds them.
    pub(super) fn note_new_person(
        &mut self,
        text: &str,
        ws: &[super::super::text::Word],
        i: usize,
        j: usize,
    ) {
        let run: Vec<&str> = ws[i..=j].iter().map(|w| w.text).collect();
        let name_start = self.name_start(&run);
        let Some(ns) = name_start else { return };
        let name = &run[ns..];
        let honorific = run[..ns]
            .iter()
            .map(|w| w.to_lowercase())
            .find(|w| matches!(w.as_str(), "mr." | "mrs." | "ms." | "mr" | "mrs" | "ms"));
        let prev = i
            .checked_sub(1)
            .map(|k| ws[k].text.to_lowercase())
            .filter(|_| text[ws[i - 1].end..ws[i].start].trim().is_empty());
        let after = text[ws[j].end..].trim_start();
        // A first name with an official's surname is someone else of that name.
        let namesake = name.len() == 2 && self.g.by_surname(name[1]).is_some();
        let cue = ns > 0
            || namesake
            || prev.as_deref().is_some_and(|p| NAME_CUES.contains(&p))
            || [", a ", ", an ", ", the ", ", who ", " (R-", " (D-", " (I-"]
                .iter()
                .any(|c| after.starts_with(c.trim_start()) || after.starts_with(c))
            || after.starts_with(',')
                && after[1..]
                    .trim_start()
                    .starts_with(|c: char| c.is_ascii_digit())
            || after
                .strip_prefix(',')
                .is_some_and(|a| role_appositive(a.trim_start()));
        let clean = name.iter().all(|w| {
            w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
        }) && !run
            .iter()
            .any(|w| ORG_WORDS.contains(&w.to_lowercase().as_str()));
        let sized = (2..=3).contains(&name.len()) || name.len() == 1 && honorific.is_some();
        if cue && clean && sized {
            let gender = honorific.map(|h| {
                if h.starts_with("mr") && !h.starts_with("mrs") {
                    Gender::Male
                } else {
                    Gender::Female
                }
            });
            self.touch_new(&name.join(" "), None, gender);
        }
    }
}

/// "Anna Soubry, former minister for small businesses, …", "Graham Brady, chairman of …": an
/// appositive that opens with a person's role (or "former", "deputy" … before one) says the
/// name before it is a person's. Only its first words count: ", where the minister met" says
/// nothing of the place before it.
fn role_appositive(after_comma: &str) -> bool {
    const BEFORE_ROLE: &[&str] = &[
        "former", "then", "now", "ex", "deputy", "acting", "senior", "interim", "outgoing",
        "incoming", "longtime", "veteran", "foreign", "defence", "defense", "prime",
    ];
    let mut ws = after_comma.split_whitespace();
    let Some(first) = ws.next() else { return false };
    if !first.starts_with(|c: char| c.is_lowercase()) {
        return false;
    }
    let first = first.trim_end_matches(',');
    if has_person_role(first) {
        return true;
    }
    BEFORE_ROLE.contains(&first)
        && ws
            .next()
            .is_some_and(|w| has_person_role(w.trim_end_matches(',')))
}

/// "the Syrian Observatory for Human Rights" → "Syrian Observatory for Human Rights": capitalised
/// words ending in an organisation word, then "for"/"of"/"on" and more capitalised words.
fn body_with_preposition(phrase: &str) -> Option<String> {
    let p = without_article(phrase);
    let ws: Vec<&str> = p.split_whitespace().collect();
    let is_head = |h: &str| ORG_WORDS.contains(&h) || h == "observatory";
    body_preposition(&ws, is_head, &["and", "the", "of", "for"]).map(|_| p.to_string())
}

#[cfg(test)]
mod tests;

/// "GAO", "IMF": two or three capitals are a body's initials, never a surname ("Gao Feng").
/// Longer words in capitals are names in transcripts ("KAHN:", "DOWD:").
fn is_acronym(word: &str) -> bool {
    (2..=3).contains(&word.len()) && word.chars().all(|c| c.is_ascii_uppercase())
}

/// Head words of unnamed speakers that a "she" cannot refer to, and those a "he" cannot.
const MALE_HEADS: &[&str] = &[
    "man",
    "spokesman",
    "congressman",
    "chairman",
    "businessman",
    "father",
    "husband",
    "son",
    "brother",
    "boy",
    "gunman",
];
const FEMALE_HEADS: &[&str] = &[
    "woman",
    "spokeswoman",
    "congresswoman",
    "chairwoman",
    "businesswoman",
    "mother",
    "wife",
    "daughter",
    "sister",
    "girl",
];
