//! Speaker resolution: a speaker phrase ("he", "the deputy minister", "White House spokesman
//! Josh Ernest") becomes one canonical official, an unknown person named in the text, or, when
//! nothing fits, the phrase as written. A pronoun that cannot be resolved yields no speaker:
//! a missing statement is better than words put in the wrong mouth.
//!
//! `names` parses names out of phrases (titles, honorifics, affixes), `roles` resolves role
//! descriptions ("the German chancellor") by date, `resolve` finds the person a phrase means;
//! this module keeps the article's people and classifies phrases that name nobody.

mod names;
mod resolve;
mod roles;

use super::officials::{Gazetteer, Gender, name_key};
use super::text::{self, is_capitalized, words};
use crate::extract::text::is_possessive;
use crate::model::SpeakerKind;
use names::{
    OPENERS, WEEKDAYS, is_adverb_opener, is_title_word, sentence_case_off, strip_affixes,
    surname_key,
};
use roles::title_words;

pub(crate) use names::NAME_CUES;

/// Chinese and Korean names put the family name first: "Kim" after "Kim Jong Un".
fn family_name_first(affiliation: Option<&str>) -> bool {
    matches!(
        affiliation,
        Some("China" | "Taiwan" | "North Korea" | "South Korea")
    )
}

/// "Essentially", "Reportedly": one word with an adverb's ending that no name has (names do
/// end in -ly: Kelly, Daly, Bradley).
pub(crate) fn is_adverb(word: &str) -> bool {
    const ENDS: &[&str] = &[
        "ally", "ively", "ously", "ently", "antly", "ately", "edly", "ingly", "fully", "ically",
    ];
    !word.contains(' ')
        && text::with_lower(word, |w| {
            ENDS.iter()
                .any(|end| word.len() > end.len() + 2 && w.ends_with(end))
        })
}

/// A capitalised word that opens a sentence rather than names anyone ("But", "Eventually").
pub(crate) fn is_opener(word: &str) -> bool {
    names::OPENERS.contains(&word) || names::is_adverb_opener(word)
}
pub(crate) use roles::compute_title_words;

/// The gender a role or honorific tells: "spokeswoman", "his mother", "the king", "Mrs.".
/// Roles held by both ("chairman", "spokesman" for a woman in some outlets) say nothing.
fn title_gender(title: &str) -> Option<Gender> {
    const FEMALE: &[&str] = &[
        "mother",
        "wife",
        "daughter",
        "sister",
        "grandmother",
        "widow",
        "aunt",
        "niece",
        "queen",
        "princess",
        "duchess",
        "empress",
        "actress",
        "girlfriend",
    ];
    const MALE: &[&str] = &[
        "father",
        "husband",
        "son",
        "brother",
        "grandfather",
        "widower",
        "uncle",
        "nephew",
        "king",
        "prince",
        "duke",
        "emperor",
        "boyfriend",
    ];
    let mut found = None;
    for w in title.split(|c: char| !c.is_alphanumeric() && c != '.') {
        let w = w.to_lowercase();
        let g = if let Some(g) = names::honorific_gender(&w) {
            g
        } else if w.ends_with("woman") || FEMALE.contains(&w.as_str()) {
            Gender::Female
        } else if MALE.contains(&w.as_str()) {
            Gender::Male
        } else {
            continue;
        };
        // "the son of a queen": two genders, no answer.
        if found.is_some_and(|f| f != g) {
            return None;
        }
        found = Some(g);
    }
    found
}

/// Who said it, as printed in the statement record.
#[derive(Debug, Clone, PartialEq)]
pub struct Speaker {
    pub name: String,
    pub kind: SpeakerKind,
    pub title: Option<String>,
    pub affiliation: Option<String>,
}

#[derive(Debug, Clone)]
struct Person {
    name: String,
    official: Option<usize>,
    learned_titles: Vec<String>,
    gender: Option<Gender>,
    affiliation: Option<String>,
    institution: bool,
    seen: usize,
    /// How often the article has named the person: "Clinton" is the Clinton named most.
    mentions: usize,
    /// An official the article named by more than a surname ("Mike Pompeo", "Secretary
    /// Pompeo"), not only found in the gazetteer for a bare "Nunes".
    named_in_full: bool,
    /// `name_key` of the last word of the name, computed once.
    surname_key: String,
}

/// Per-article resolution state: who has been mentioned and who spoke, most recent last.
pub struct Resolver<'g> {
    g: &'g Gazetteer,
    year: Option<i32>,
    people: Vec<Person>,
    tick: usize,
    last_speaker: Option<usize>,
    /// A person who opened a sentence of narrative since the last speaker spoke: "Kerry told
    /// reporters … He said …" is Kerry, though someone else spoke before.
    subject_since: Option<usize>,
    /// Someone spoke in the unit being read: its subject is then that speaker, not a name in
    /// its narrative ("For the call between Trump and Zelenskiy, Vindman said …").
    spoke_in_unit: bool,
    /// The last speaker when it was unnamed ("a senior official"), with the tick it spoke at:
    /// a "he" right after it is that source, never a named person mentioned before.
    last_unnamed: Option<(String, usize)>,
    /// The article has named North Korea: "the North" and "the South" are the two Koreas.
    korea_story: bool,
}

impl<'g> Resolver<'g> {
    pub fn new(g: &'g Gazetteer, year: Option<i32>) -> Resolver<'g> {
        Resolver {
            g,
            year,
            people: Vec::new(),
            tick: 0,
            last_speaker: None,
            subject_since: None,
            spoke_in_unit: false,
            last_unnamed: None,
            korea_story: false,
        }
    }

    /// The person of this article with surname `surname` (and the gender of an honorific
    /// before it, when given) whom the article names most, then most recently: in a story
    /// about Hillary Clinton that mentions Bill Clinton once, "Clinton" is Hillary Clinton.
    fn named_here(&self, surname: &str, gender: Option<Gender>) -> Option<usize> {
        let key = name_key(surname);
        self.people
            .iter()
            .enumerate()
            .filter(|(_, p)| {
                !p.institution
                    && p.surname_key == key
                    && gender.is_none_or(|g| p.gender.is_none_or(|pg| pg == g))
            })
            // Named as often: an official the article named in full before someone named
            // last ("Secretary of State Mike Pompeo and his wife, Susan Pompeo", then
            // "Pompeo").
            .max_by_key(|(_, p)| (p.mentions, p.official.is_some() && p.named_in_full, p.seen))
            .map(|(i, _)| i)
    }

    /// "…, He said" in mid-sentence: not the pronoun but a person named He (He Weiwen, Liu He)
    /// whom this article named, the latest speaker of them. None when the article named no
    /// one so: no statement is better than one given to whoever "he" would be.
    pub fn named_he(&mut self) -> Option<Speaker> {
        let i = self
            .people
            .iter()
            .enumerate()
            .filter(|(_, p)| {
                !p.institution && (p.name.starts_with("He ") || p.name.ends_with(" He"))
            })
            .max_by_key(|(_, p)| p.seen)
            .map(|(i, _)| i)?;
        Some(self.speaks(i))
    }

    /// "Liu" after "Liu Lipeng": someone this article named whose family name comes first,
    /// when the gazetteer knows the word as such a family name ("Liu Kun", "Kim Jong-un").
    /// Never for other names: "Ryan" after "Ryan Zinke" is not Zinke.
    fn named_family_first(&self, word: &str) -> Option<usize> {
        // Any official of that family name will do: "Liu" is one for Liu He and Liu Kun alike.
        let family = self.g.all_by_surname(word).iter().any(|&id| {
            let o = self.g.get(id);
            family_name_first(o.affiliation.as_deref()) && o.name.starts_with(&format!("{word} "))
        });
        if !family {
            return None;
        }
        self.people
            .iter()
            .enumerate()
            .filter(|(_, p)| p.official.is_none() && p.name.starts_with(&format!("{word} ")))
            .max_by_key(|(_, p)| p.seen)
            .map(|(i, _)| i)
    }

    fn touch_official(&mut self, id: usize) -> usize {
        self.touch_official_named(id, false)
    }

    /// `touch_official`, noting whether the text named the official by more than a surname.
    fn touch_official_named(&mut self, id: usize, in_full: bool) -> usize {
        self.tick += 1;
        if let Some(i) = self.people.iter().position(|p| p.official == Some(id)) {
            self.people[i].seen = self.tick;
            self.people[i].mentions += 1;
            self.people[i].named_in_full |= in_full;
            return i;
        }
        let o = self.g.get(id);
        self.people.push(Person {
            name: o.name.clone(),
            // "Kim" after "Kim Jong Un": Chinese and Korean family names come first.
            surname_key: if family_name_first(o.affiliation.as_deref()) {
                name_key(o.name.split(' ').next().unwrap_or(&o.name))
            } else {
                surname_key(&o.name)
            },
            official: Some(id),
            learned_titles: Vec::new(),
            gender: o.gender.or_else(|| {
                (!o.institution)
                    .then(|| self.g.gender_of_name(&o.name))
                    .flatten()
            }),
            affiliation: o.affiliation.clone(),
            institution: o.institution,
            seen: self.tick,
            mentions: 1,
            named_in_full: in_full,
        });
        self.people.len() - 1
    }

    fn touch_new(&mut self, name: &str, title: Option<String>, gender: Option<Gender>) -> usize {
        // "Theresa May's": the possessive is not part of the name.
        let name = name
            .strip_suffix("'s")
            .or_else(|| name.strip_suffix("’s"))
            .unwrap_or(name);
        self.tick += 1;
        let key = name_key(name);
        if let Some(i) = self
            .people
            .iter()
            .position(|p| p.official.is_none() && name_key(&p.name) == key)
        {
            self.people[i].seen = self.tick;
            self.people[i].mentions += 1;
            if let Some(t) = title {
                self.people[i]
                    .learned_titles
                    .extend(t.split(',').map(|p| p.trim().to_string()));
            }
            return i;
        }
        // "Mrs." said so; else the given name ("Mark Kirk"), else the role ("his mother").
        let gender = gender
            .or_else(|| self.g.gender_of_name(name))
            .or_else(|| title.as_deref().and_then(title_gender));
        self.people.push(Person {
            name: name.to_string(),
            surname_key: surname_key(name),
            official: None,
            // "The deputy head of the Council, Ambassador": two titles, not one.
            learned_titles: title
                .iter()
                .flat_map(|t| t.split(','))
                .map(|p| p.trim().to_string())
                .filter(|p| !p.is_empty())
                .collect(),
            gender,
            affiliation: None,
            institution: false,
            seen: self.tick,
            mentions: 1,
            named_in_full: true,
        });
        self.people.len() - 1
    }

    /// Notes the officials named in narrative text (outside quotes), for later "he" or "the
    /// minister".
    pub fn observe(&mut self, text: &str) {
        self.korea_story |= text.contains("North Korea") || text.contains("Pyongyang");
        let ws = words(text);
        // The word where the current clause began, until its first name: a later clause has
        // its own subject ("Ms. Hughes avoids it, but their neighbor Benjamin Green knows").
        // "After meeting Lavrov, …", "In Brussels Wednesday, …": names in an opening
        // subordinate or prepositional phrase are not its subject, which follows the comma.
        let mut opening_phrase = ws.first().is_some_and(|w| {
            // "Speaking on …", "Writing in …": a participle and a small word; "Fleming told"
            // is a name and its verb.
            w.text.ends_with("ing")
                && ws.get(1).is_some_and(|n| {
                    matches!(
                        n.text,
                        "to" | "on"
                            | "in"
                            | "at"
                            | "by"
                            | "with"
                            | "for"
                            | "from"
                            | "about"
                            | "the"
                            | "a"
                            | "an"
                            | "his"
                            | "her"
                            | "their"
                    )
                })
                || matches!(
                    w.text,
                    "After"
                        | "Before"
                        | "When"
                        | "While"
                        | "Although"
                        | "Though"
                        | "Because"
                        | "Since"
                        | "If"
                        | "As"
                        | "Until"
                        | "Once"
                        | "Unlike"
                        | "Like"
                        | "Despite"
                        | "During"
                        | "Under"
                        | "With"
                        | "Without"
                        | "From"
                        | "By"
                        | "For"
                        | "In"
                        | "On"
                        | "At"
                        | "To"
                        | "Of"
                        | "Against"
                        | "Asked"
                )
        });
        let mut clause: Option<usize> = (!opening_phrase).then_some(0);
        // The sentence's subject: who a later "he" most likely is, even when someone else is
        // named after it ("Amarjit Singh was friends with Mr. Rahami. …, he said").
        let mut subject: Option<usize> = None;
        let mut i = 0;
        while i < ws.len() {
            let gap = text[..ws[i].start].trim_end();
            // "In Brussels Wednesday, Secretary of State John Kerry …": the subject comes
            // after an opening phrase that named no one.
            if (clause.is_some() || opening_phrase) && gap.ends_with(',') {
                clause = Some(i);
                opening_phrase = false;
            }
            // "in the Oval Office Friday Obama implied": a weekday ends a run of capitals and
            // is no one's name.
            if WEEKDAYS.contains(&ws[i].text) {
                i += 1;
                continue;
            }
            if !is_capitalized(ws[i].text) {
                if matches!(ws[i].text, "but" | "while" | "whereas") && gap.ends_with(',')
                    || gap.ends_with(';')
                {
                    clause = Some(i);
                }
                i += 1;
                continue;
            }
            let mut j = i;
            while j + 1 < ws.len()
                && is_capitalized(ws[j + 1].text)
                && !WEEKDAYS.contains(&ws[j + 1].text)
                && text[ws[j].end..ws[j + 1].start].trim().is_empty()
            {
                j += 1;
            }
            // "But Mueller", "If May": a capitalised function word opening a sentence is not
            // part of a name.
            // "…, said He Weiwen, …": "He" inside a sentence begins a name.
            let family_he = ws[i].text == "He" && text::inside_sentence(&text[..ws[i].start]);
            if j > i
                && !family_he
                && (OPENERS.contains(&ws[i].text) || is_adverb_opener(ws[i].text))
            {
                i += 1;
                continue;
            }
            let mut run: Vec<&str> = ws[i..=j].iter().map(|w| w.text).collect();
            // "Dianne Feinstein's committee passed a bill she wrote": the possessor is
            // mentioned, and may be the "she" that follows; never introduced by it, though.
            let possessive = run
                .last()
                .and_then(|w| w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")));
            if let (Some(owner), Some(last)) = (possessive, run.last_mut()) {
                *last = owner;
            }
            // Never the object of a preposition ("friends of Tom Rahami"), though "of" inside
            // a title is no preposition of the sentence ("Secretary of State John Kerry").
            let after_preposition = i > 0
                && matches!(
                    ws[i - 1].text,
                    "of" | "with" | "to" | "for" | "by" | "from" | "about" | "against"
                )
                && !(ws[i - 1].text == "of" && i > 1 && is_capitalized(ws[i - 2].text));
            // "The Cohen case": a name after a determiner modifies a noun.
            let after_determiner = i > 0 && matches!(ws[i - 1].text, "The" | "the" | "a" | "an");
            // "Chinese Foreign Ministry spokesperson Geng Shuang appeared …": a body before a
            // title and a name modifies them; the name is the subject.
            let modifies_title = j > i
                && matches!(
                    ws[j].text,
                    "Ministry" | "Department" | "Office" | "Council" | "Committee" | "Agency"
                )
                && ws.get(j + 1).is_some_and(|t| {
                    matches!(
                        t.text,
                        "spokesperson" | "spokesman" | "spokeswoman" | "official" | "head"
                    ) && text[ws[j].end..t.start].trim().is_empty()
                })
                && ws.get(j + 2).is_some_and(|n| is_capitalized(n.text));
            let opens = !after_preposition
                && !after_determiner
                && !modifies_title
                && clause.is_some_and(|c| i - c <= 4 || (i == 1 && is_opener(ws[0].text)));
            let run_from = self.tick;
            if let Some(id) = self.lookup_run(&run) {
                self.touch_official_named(id, run.len() >= 2);
            } else if let Some(k) = self.people.iter().position(|p| {
                p.official.is_none()
                    && p.name
                        .rsplit(' ')
                        .next()
                        .is_some_and(|s| Some(s) == run.last().copied())
            }) {
                self.tick += 1;
                self.people[k].seen = self.tick;
                self.people[k].mentions += 1;
            } else if possessive.is_none() {
                self.note_new_person(text, &ws, i, j);
            }
            if opens && possessive.is_none() {
                let named = self
                    .people
                    .iter()
                    .position(|p| p.seen > run_from && p.seen == self.tick);
                if named.is_some() {
                    subject = named;
                    clause = None;
                }
            }
            i = j + 1;
        }
        if let Some(k) = subject {
            if self.people[k].seen < self.tick {
                self.tick += 1;
                self.people[k].seen = self.tick;
            }
            if !self.spoke_in_unit {
                self.subject_since = Some(k);
            }
        }
        self.spoke_in_unit = false;
    }

    /// False for a person whose every title is dated outside the article's year.
    fn in_office(&self, id: usize) -> bool {
        let o = self.g.get(id);
        let Some(y) = self.year else { return true };
        o.institution
            || o.titles.is_empty()
            || o.titles
                .iter()
                .any(|t| t.from.is_none_or(|f| f <= y + 1) && t.to.is_none_or(|to| y <= to + 1))
    }

    /// Resolves a speaker phrase and records the result as the latest speaker.
    pub fn resolve(&mut self, phrase: &str) -> Option<Speaker> {
        // "Cuban said" after "Mark Cuban": a surname this article gave someone is that person,
        // though it is also a nationality or a country (looked at before the affixes go: a
        // nationality is one).
        let raw = phrase.trim();
        if !raw.contains(' ')
            && (self.g.demonym(raw).is_some() || self.g.country_name(raw).is_some())
            && let Some(i) = self.named_here(raw, None)
        {
            return Some(self.speaks(i));
        }
        let mut phrase = strip_affixes(phrase);
        // "Almost", "Further", "North": a sentence opener or a compass point alone speaks for
        // nobody.
        let bare = phrase.trim();
        if is_adverb_opener(bare)
            || OPENERS.contains(&bare)
            || matches!(bare, "North" | "South" | "East" | "West")
            || is_time_name(bare)
            || is_adverb(bare)
        {
            return None;
        }
        // "Rep. Adam B. Schiff, California Democrat and chairman of the committee": a name
        // before an appositive is the speaker; the appositive is no part of the name.
        if let Some((head, _)) = phrase.split_once(", ")
            && self.g.words.classify(head) == Some(SpeakerKind::Person)
            && self.split_title(head).is_some()
        {
            phrase = head.to_string();
        }
        // "The Egyptian Initiative for Personal Rights, a human rights group": a body named
        // before its description.
        if let Some((head, tail)) = phrase.split_once(", ")
            && tail.starts_with(|c: char| c.is_lowercase())
            && self.g.words.classify(head) == Some(SpeakerKind::Institution)
        {
            phrase = head.to_string();
        }
        // "Dunford, chairman of the Joint Chiefs", "Abedzadeh, the senior aviation official":
        // a surname before a description is that person, found like "Dunford said".
        // "Mr. McCain, an Arizona Republican" and "Downing, Manafort's attorney" too.
        if let Some((head, tail)) = phrase.split_once(',')
            && let (head, tail) = (head.trim(), tail.trim())
            && let surname = match head.split_once(' ') {
                Some((h, rest)) if names::honorific_gender(h).is_some() || h == "Dr." => rest,
                _ => head,
            }
            && !surname.contains(' ')
            && is_capitalized(surname)
            && !is_opener(surname)
            && surname
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
            && (tail.starts_with(|c: char| c.is_lowercase())
                || tail.split_whitespace().next().is_some_and(is_possessive))
            && self.g.words.classify(head) == Some(SpeakerKind::Person)
        {
            phrase = head.to_string();
        }
        let phrase = phrase.as_str();
        // "TAPPER" in a transcript is Tapper; short capitals ("NATO") are acronyms.
        let titled;
        let phrase = if phrase.len() >= 5 && phrase.chars().all(|c| c.is_uppercase() || c == ' ') {
            titled = phrase
                .split(' ')
                .map(|w| {
                    let mut cs = w.chars();
                    cs.next()
                        .map(|c| c.to_string() + &cs.as_str().to_lowercase())
                        .unwrap_or_default()
                })
                .collect::<Vec<_>>()
                .join(" ");
            titled.as_str()
        } else {
            phrase
        };
        let idx = self.resolve_index(phrase);
        match idx {
            Some(Ok(i)) => {
                let mut sp = self.speaks(i);
                // The title the article itself uses wins when the date does not settle it:
                // "State Department spokesperson John Kirby" in an undated article.
                if let Some(id) = self.people[i].official {
                    let words = title_words(phrase, self.g);
                    if let Some(t) = self.g.get(id).titles.iter().find(|t| {
                        let tw = title_words(&t.title, self.g);
                        !tw.is_empty() && tw.iter().all(|w| words.contains(w))
                    }) && self.year.is_none_or(|y| {
                        t.from.is_none_or(|f| f <= y) && t.to.is_none_or(|to| y <= to)
                    }) {
                        sp.title = Some(t.title.clone());
                    }
                }
                Some(sp)
            }
            Some(Err(as_written)) => {
                let sp = self.unnamed(&as_written)?;
                self.last_speaker = None;
                self.subject_since = None;
                // Only sources with an official-like head ("the official") and groups:
                // "one questioner" is no antecedent for a later "he".
                if sp.kind == SpeakerKind::Group
                    || sp.kind == SpeakerKind::Anonymous
                        && self
                            .g
                            .words
                            .anonymous
                            .contains(&super::kinds::head_word(&as_written))
                {
                    self.tick += 1;
                    self.last_unnamed = Some((as_written, self.tick));
                }
                Some(sp)
            }
            None => None,
        }
    }

    /// Person `i` is the latest speaker and the latest mention.
    fn speaks(&mut self, i: usize) -> Speaker {
        self.tick += 1;
        self.people[i].seen = self.tick;
        self.people[i].mentions += 1;
        self.last_speaker = Some(i);
        self.subject_since = None;
        self.spoke_in_unit = true;
        self.speaker_of(i)
    }

    /// A speaker the gazetteer does not name as a person: an outlet or a country by its
    /// canonical name, a description with its kind, or nobody ("some", "others").
    fn unnamed(&self, as_written: &str) -> Option<Speaker> {
        let plain = |name: String, kind| Speaker {
            name,
            kind,
            title: None,
            affiliation: None,
        };
        if let Some(m) = self.g.media_name(as_written) {
            return Some(plain(m.to_string(), SpeakerKind::Media));
        }
        let t = as_written.trim();
        if self.g.words.bodies.contains(&t.to_lowercase()) {
            return Some(plain(t.to_string(), SpeakerKind::Institution));
        }
        let korea = match t {
            "the North" | "The North" => Some("North Korea"),
            "the South" | "The South" => Some("South Korea"),
            _ => None,
        };
        if self.korea_story
            && let Some(c) = korea.and_then(|k| self.g.country_name(k))
        {
            return Some(plain(c.to_string(), SpeakerKind::Country));
        }
        // "Britain, France and Germany": countries speaking together are a group.
        if t.contains(" and ") {
            let parts: Vec<&str> = t
                .split(", ")
                .flat_map(|p| p.split(" and "))
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .collect();
            if parts.len() >= 2 && parts.iter().all(|p| self.g.country_name(p).is_some()) {
                return Some(plain(t.to_string(), SpeakerKind::Group));
            }
        }
        if let Some(c) = self.g.country_name(as_written) {
            // A capital stands for its country but is kept as the article wrote it.
            let name = if self.g.is_capital(as_written) {
                as_written.trim().to_string()
            } else {
                c.to_string()
            };
            return Some(plain(name, SpeakerKind::Country));
        }
        // Transcript initials ("GZ"), a title alone ("PM"), a party tag alone ("R-S.C."):
        // nobody.
        if (t.len() <= 3 && t.chars().all(|c| c.is_uppercase() || c == '.'))
            || !t.contains(' ') && (is_title_word(t) || self.g.words.is_title(t))
            || t.starts_with(['R', 'D', 'I']) && t.get(1..2) == Some("-")
        {
            return None;
        }
        // "Adam Schiff, the House intelligence committee's incoming chair", "the top Democrat
        // on the committee, Adam Schiff": a name with an appositive is the name.
        if let Some((head, tail)) = as_written.split_once(", ") {
            let tail = tail.rsplit(", ").next().unwrap_or(tail);
            for part in [head, tail] {
                if self.g.words.classify(part) == Some(SpeakerKind::Person)
                    && let Some((name, title)) = self.split_title(part)
                {
                    return Some(Speaker {
                        name,
                        kind: SpeakerKind::Person,
                        title,
                        affiliation: None,
                    });
                }
            }
        }
        let kind = self.g.words.classify(as_written)?;
        if kind == SpeakerKind::Person
            && let Some((name, title)) = self.split_title(as_written)
        {
            return Some(Speaker {
                name,
                kind,
                title,
                affiliation: None,
            });
        }
        let name = sentence_case_off(as_written.trim().to_string());
        let rest = super::text::after_article(&name);
        let name = match (kind, rest) {
            // "the Tax Foundation" → "Tax Foundation": a name keeps no article.
            (SpeakerKind::Media | SpeakerKind::Institution, Some(r))
                if r.starts_with(|c: char| c.is_uppercase()) =>
            {
                r.to_string()
            }
            // "The newspaper", "The Europeans" opening a sentence are "the …".
            (_, Some(r)) => format!("the {r}"),
            _ => name,
        };
        Some(plain(name, kind))
    }

    fn speaker_of(&self, i: usize) -> Speaker {
        let p = &self.people[i];
        let title = match p.official {
            Some(id) => self.g.title_at(id, self.year).map(str::to_string),
            None => p.learned_titles.first().cloned(),
        };
        Speaker {
            name: p.name.clone(),
            kind: if p.institution {
                SpeakerKind::Institution
            } else {
                SpeakerKind::Person
            },
            title,
            affiliation: p.affiliation.clone(),
        }
    }
}

/// "Thursday" in "according to reports Thursday", "February" in "a February 2013 study": a
/// day or a month speaks for nobody.
fn is_time_name(word: &str) -> bool {
    matches!(
        word,
        "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "January"
            | "February"
            | "March"
            | "April"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
    )
}

#[cfg(test)]
mod tests;
