//! Name parsing: titles, nationalities, honorifics and affixes around a person's name, and
//! where in a run of capitalised words the name starts.

use super::super::officials::{Gender, name_key};
use super::super::text::{is_capitalized, with_lower, without_article, words};
use super::Resolver;
use crate::extract::text::is_possessive;

pub(super) fn surname_key(name: &str) -> String {
    name_key(name.rsplit(' ').next().unwrap_or(name))
}

/// Capitalised words that are titles or nationalities, not part of a person's name.
const TITLE_WORDS: &[&str] = &[
    "russian",
    "russia's",
    "us",
    "u.s.",
    "american",
    "america's",
    "deputy",
    "foreign",
    "minister",
    "secretary",
    "state",
    "president",
    "vice",
    "white",
    "house",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ambassador",
    "senator",
    "sen.",
    "rep.",
    "gov.",
    "mr.",
    "mr",
    "mrs",
    "ms",
    "dr",
    "mrs.",
    "ms.",
    "dr.",
    "gen.",
    "general",
    "prime",
    "press",
    "department",
    "defense",
    "defence",
    "chief",
    "head",
    "director",
    "adviser",
    "advisor",
    "national",
    "security",
    "council",
    "leader",
    "former",
    "acting",
    "top",
    "senior",
    "official",
    "diplomat",
    "envoy",
    "representative",
    "permanent",
    "extraordinary",
    "plenipotentiary",
    "and",
    "assistant",
    "under",
    "kremlin",
    "pentagon",
    "presidential",
    "aide",
    "chairman",
    "governor",
    "mayor",
    "republican",
    "democratic",
    "democrat",
    "candidate",
    "nominee",
    "commander",
    "colonel",
    "lt.",
    "col.",
    "adm.",
    "admiral",
    "prof.",
    "professor",
    "un",
    "eu",
    "nato",
    "ukrainian",
    "syrian",
    "iranian",
    "chinese",
    "british",
    "french",
    "german",
    "israeli",
    "turkish",
    "european",
    "congressman",
    "congresswoman",
    "speaker",
    "majority",
    "minority",
    "whip",
    "attorney",
    "campaign",
    "the",
];

pub(super) const NATIONALITY: &[(&str, &str)] = &[
    ("russian", "Russia"),
    ("russia's", "Russia"),
    ("moscow's", "Russia"),
    ("kremlin", "Russia"),
    ("us", "United States"),
    ("u.s.", "United States"),
    ("american", "United States"),
    ("america's", "United States"),
    ("washington's", "United States"),
];

/// Places often written before a speaker's role that are no one's name.
const PLACES: &[&str] = &[
    "New York",
    "Los Angeles",
    "San Francisco",
    "Capitol Hill",
    "Silicon Valley",
    "Wall Street",
    "Hong Kong",
    "South Korean",
    "North Korean",
    "Middle East",
    "West Bank",
    "Gaza Strip",
];

/// Qualifiers that change who is meant: "the minister" is not the deputy or the prime minister.
pub(super) const RANKS: &[&str] = &["deputy", "vice", "assistant", "under", "prime", "former"];

/// Words that make a capitalised run an organisation, not a person's name.
pub(super) const ORG_WORDS: &[&str] = &[
    "association",
    "council",
    "committee",
    "ministry",
    "department",
    "agency",
    "party",
    "union",
    "organization",
    "organisation",
    "institute",
    "university",
    "company",
    "group",
    "federation",
    "office",
    "service",
    "house",
    "senate",
    "congress",
    "parliament",
    "duma",
    "court",
    "times",
    "news",
    "post",
    "press",
    "network",
    "foundation",
    "center",
    "centre",
    "project",
    "program",
    "programme",
    "initiative",
    "corporation",
    "bank",
    "fund",
    "commission",
    "assembly",
    "administration",
    "government",
    "army",
    "navy",
    "force",
    "forces",
    "command",
    "police",
    "bureau",
    "club",
    "board",
    "campaign",
    "journal",
    "tribune",
];

/// "Some", "Others" opening a sentence speak as "some", "others": a description, not a name.
pub(super) fn sentence_case_off(phrase: String) -> String {
    let first = phrase.split(' ').next().unwrap_or("");
    let lower = first.to_lowercase();
    if matches!(
        lower.as_str(),
        "some"
            | "others"
            | "many"
            | "most"
            | "several"
            | "critics"
            | "supporters"
            | "experts"
            | "analysts"
            | "officials"
            | "opponents"
            | "observers"
            | "residents"
            | "voters"
    ) {
        lower + &phrase[first.len()..]
    } else {
        phrase
    }
}

/// A speaker phrase without what only decorates it: a party-and-state tag ("Sen. Lindsey
/// Graham, R-S.C.", "(D-Calif.)"), a home state after a name ("Rep. Adam Schiff of
/// California") and a conjunction opening the sentence ("But Rudy Giuliani").
pub(super) fn strip_affixes(phrase: &str) -> String {
    use std::sync::LazyLock;
    static TAG: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"(?:,\s*|\s*\()[RDI]-[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?\)?,?\s*$")
            .unwrap()
    });
    static OF_STATE: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"^((?:[A-Z][\w.'’-]*\s+)*[A-Z][\w'’-]+)\s+of\s+(?:Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming)(?:,.*)?$").unwrap()
    });
    let mut p = phrase.trim();
    // "he's said", "as he's said": the pronoun with "has" contracted.
    let bare = p.strip_prefix("as ").unwrap_or(p);
    if let Some(pronoun) = bare
        .strip_suffix("'s")
        .or_else(|| bare.strip_suffix("’s"))
        .filter(|w| matches!(*w, "he" | "she" | "He" | "She"))
    {
        return pronoun.to_string();
    }
    // Most phrases have none of these: no regex for them.
    if !p.contains([' ', '-']) {
        return p.to_string();
    }
    // "A few hours later, he", "the dispute, she": whatever comes before a comma and a
    // subject pronoun is no part of the speaker; the pronoun is.
    if let Some((_, rest)) = p.rsplit_once(", ")
        && matches!(rest, "he" | "she" | "they")
    {
        return rest.to_string();
    }
    // "Eventually, Papadopoulos", "Further, Hook", "Beijing, Louisa": a sentence adverb or
    // a place before a comma opens the sentence, not the name.
    if let Some((first, rest)) = p.split_once(", ")
        && !first.contains(' ')
        && (rest.starts_with(|c: char| c.is_uppercase())
            || matches!(rest, "he" | "she" | "they" | "it" | "we" | "i"))
        && (first.ends_with("ly") || OPENERS.contains(&first) || is_adverb_opener(first))
    {
        p = rest;
    }
    // "First, most political science research": an ordinal or opener before any subject.
    if let Some((first, rest)) = p.split_once(", ")
        && (OPENERS.contains(&first)
            || is_adverb_opener(first)
            || matches!(
                first,
                "First" | "Second" | "Third" | "Last" | "Next" | "Finally"
            ))
    {
        p = rest;
    }
    for conj in ["Still, ", "Also, "] {
        if let Some(rest) = p.strip_prefix(conj) {
            p = rest;
        }
    }
    if let Some((first, rest)) = p.split_once(' ')
        && (OPENERS.contains(&first) || is_adverb_opener(first))
        && rest.starts_with(|c: char| c.is_uppercase())
        && !matches!(first, "The" | "A" | "An")
    {
        p = rest;
    }
    static PAREN_TAG: LazyLock<regex::Regex> =
        LazyLock::new(|| regex::Regex::new(r"\s*\([RDI]-[A-Za-z. ]+\)").unwrap());
    let p = if p.contains('-') {
        let p = PAREN_TAG.replace_all(p, "");
        TAG.replace(&p, "").into_owned().into()
    } else {
        std::borrow::Cow::Borrowed(p)
    };
    let p = match p.contains(" of ").then(|| OF_STATE.captures(&p)).flatten() {
        Some(c) => c[1].to_string(),
        None => p.into_owned(),
    };
    // "Col. Tim Collins of the British Army", "Dr. Rosand of Brookings", "Laura Bicker in
    // Seoul": a person's name before "of"/"in" and a place or body, which is not theirs to
    // keep in the name. "Secretary of State John Kerry" (a title before "of") and "Bank of
    // America" (a body) stay whole.
    for sep in [" of ", " in ", ", one of ", ", who "] {
        if let Some(at) = p.find(sep) {
            let before = &p[..at];
            let last = before.rsplit(' ').next().unwrap_or("");
            let names = before
                .split_whitespace()
                .filter(|w| w.starts_with(|c: char| c.is_uppercase()) && !is_title_word(w))
                .count();
            if last.starts_with(|c: char| c.is_uppercase())
                && !is_title_word(last)
                && !ORG_WORDS.contains(&last.to_lowercase().as_str())
                && !last.ends_with("'s")
                && names >= 1
                && before.split_whitespace().count() >= 2
                && before.chars().next().is_some_and(char::is_uppercase)
            {
                return before.to_string();
            }
        }
    }
    p
}

/// Days of the week, written beside names in news ("Monday Brian Hook", "the Oval Office
/// Friday Obama"): never part of a name.
pub(super) const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// A sentence adverb, a day or a verb opening a sentence before a name ("Monday Brian Hook",
/// "Said Macron:", "Further, Hook"): never part of the name.
pub(super) fn is_adverb_opener(word: &str) -> bool {
    ADVERB_OPENERS.contains(&word) || WEEKDAYS.contains(&word)
}

const ADVERB_OPENERS: &[&str] = &[
    "Further",
    "Furthermore",
    "Moreover",
    "Eventually",
    "Finally",
    "Hopefully",
    "Indeed",
    "Instead",
    "Over",
    "Alongside",
    "Separately",
    "Similarly",
    "Likewise",
    "Earlier",
    "Afterward",
    "Afterwards",
    "Almost",
    "Here",
    "There",
    "Today",
    "Yesterday",
    "Tonight",
    "Said",
    "Says",
    "Did",
    "Does",
    // A question's opening verb or word ("Is Obama responsible for …?"); not "Will", a name.
    "Is",
    "Was",
    "Are",
    "Were",
    "Has",
    "Have",
    "Had",
    "Could",
    "Would",
    "Should",
    "Do",
    "Why",
    "How",
    "What",
    "Where",
    "Who",
    "Added",
    "Adds",
    "Asks",
    "Replied",
    "Wrote",
    "Writes",
    "Told",
    "Tells",
    "Noted",
    "Notes",
    "Nevertheless",
    "Nonetheless",
    "Well",
    "Yes",
    "No",
    "Again",
    "Already",
    "Overall",
    "Otherwise",
    "Therefore",
    "Thus",
    "Hence",
    "Besides",
    "Anyway",
    "Ultimately",
    "Undaunted",
    "Surprised",
    "Regardless",
    "Sometimes",
    "Often",
    "Initially",
    "Privately",
    "Publicly",
];

/// Capitalised words that open sentences and are never the first word of a name.
pub(super) const OPENERS: &[&str] = &[
    // "Having announced …, Judge Berman …": a participle opening the sentence.
    "Having",
    "Being",
    "But",
    "And",
    "So",
    "Yet",
    "If",
    "When",
    "As",
    "While",
    "Although",
    "Though",
    "Because",
    "Since",
    "After",
    "Before",
    "Then",
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "For",
    "This",
    "That",
    "These",
    "Those",
    "Now",
    "Still",
    "Also",
    "Meanwhile",
    "However",
    "Under",
    "With",
    "Without",
    "To",
    "Of",
    "During",
    "Against",
    "Despite",
    "From",
    "By",
    "Asked",
    "Like",
    "Unlike",
    "Last",
    "Next",
    "Both",
    "Neither",
    "Even",
    "Only",
    "Once",
    "Until",
    "Where",
    "Why",
    "How",
    "What",
    "Who",
    "Whether",
    "Continued",
    "Related",
    "Advertisement",
    "Read",
    "Watch",
    "Photo",
    "Video",
    "Later",
];

/// The gender an honorific gives: "Mr." male, "Mrs."/"Ms." female.
pub(super) fn honorific_gender(w: &str) -> Option<Gender> {
    with_lower(w, |l| match l.trim_end_matches('.') {
        "mr" => Some(Gender::Male),
        "mrs" | "ms" | "miss" => Some(Gender::Female),
        _ => None,
    })
}

/// A title or role before a name: "Sen.", "President", "Reporter", "Filmmaker".
pub(super) fn is_title_word(w: &str) -> bool {
    // Hundreds of words, asked for every capitalised word of an article: one hash look-up.
    static SET: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::LazyLock::new(|| TITLE_WORDS.iter().chain(NAME_CUES).copied().collect());
    with_lower(w, |l| SET.contains(l))
}

/// Lower-case words that introduce a person's name: "front-runner Ben Carson".
pub(crate) const NAME_CUES: &[&str] = &[
    "former",
    "longtime",
    "senior",
    "head",
    "member",
    "deputy",
    "assistant",
    "vice",
    "partner",
    "publisher",
    "co-founder",
    "candidate",
    "front-runner",
    "frontrunner",
    "nominee",
    "senator",
    "governor",
    "president",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chairman",
    "chairwoman",
    "director",
    "secretary",
    "strategist",
    "adviser",
    "advisor",
    "aide",
    "manager",
    "pollster",
    "consultant",
    "lawmaker",
    "representative",
    "judge",
    "justice",
    "attorney",
    "lawyer",
    "professor",
    "economist",
    "analyst",
    "host",
    "anchor",
    "reporter",
    "columnist",
    "author",
    "activist",
    "businessman",
    "businesswoman",
    "billionaire",
    "mogul",
    "mayor",
    "leader",
    "minister",
    "ambassador",
    "official",
    "officer",
    "chief",
    "speaker",
    "commissioner",
    "correspondent",
    "editor",
    "founder",
    "executive",
    "ceo",
    "pastor",
    "rabbi",
    "historian",
    "scientist",
    "researcher",
    "expert",
    "veteran",
    "voter",
    "supporter",
    "delegate",
    "organizer",
    "student",
    "mother",
    "father",
    "wife",
    "husband",
    "daughter",
    "son",
    "brother",
    "sister",
    "friend",
    "rival",
    "challenger",
    "opponent",
    "incumbent",
    "hopeful",
    "contender",
    "actor",
    "actress",
    "singer",
    "star",
    "comedian",
    "writer",
    "journalist",
    "filmmaker",
    "owner",
    "president-elect",
];

/// "Mark Cuban", "Dawn French": a surname that is also a nationality, after a word that is
/// neither a title, a nationality nor a compass point ("South Korean", "Bosnian Serb",
/// "Senior Russian" are descriptions).
fn first_name_before(r: &Resolver, run: &[&str]) -> bool {
    let n = run.len();
    // Two words of name, after titles only: "United Against Nuclear Iran" is no one.
    n >= 2
        && run[..n - 2].iter().all(|w| r.is_title_word(w))
        && !r.is_title_word(run[n - 2])
        && !matches!(
            run[n - 2],
            "North" | "South" | "East" | "West" | "Latin" | "Central" | "Native" | "New"
        )
        && run[n - 2].chars().all(char::is_alphabetic)
}

impl<'g> Resolver<'g> {
    /// A title, role or nationality before a name: "Sen.", "Chancellor", "German".
    pub(super) fn is_title_word(&self, w: &str) -> bool {
        is_title_word(w) || self.g.words.is_title(w) || self.g.demonym(w).is_some()
    }

    /// Where the name starts in a run of capitalised words: after the titles before it,
    /// and after a title inside it that more name words follow ("Interim DNC Chairwoman Donna
    /// Brazile" → "Donna Brazile"). A title word ending the run is a surname ("Jim Justice",
    /// "Mr. King"), unless it is one of the core titles ("the Secretary").
    pub(super) fn name_start(&self, run: &[&str]) -> Option<usize> {
        let n = run.len();
        // "South Korean", "New York": a nationality or a country is no one's name; "California
        // Democrat" is a description.
        if n > 0
            && (self.g.demonym(run[n - 1]).is_some() && !first_name_before(self, run)
                || with_lower(run[n - 1], |l| {
                    self.g.words.group.contains(l) || self.g.words.anonymous.contains(l)
                })
                || self.g.country_name(&run.join(" ")).is_some()
                || PLACES.contains(&run.join(" ").as_str()))
        {
            return None;
        }
        let Some(first) = run.iter().position(|w| !self.is_title_word(w)) else {
            return (n > 0 && !is_title_word(run[n - 1]) && self.g.demonym(run[n - 1]).is_none())
                .then(|| n - 1);
        };
        let mut start = first;
        // A possessive before more name words is a modifier: "Federalist's Sean Davis",
        // "Council on Foreign Relations' Micah Zenko".
        let possessive =
            |w: &str| is_possessive(w) || w.len() > 2 && (w.ends_with("s'") || w.ends_with("s’"));
        for k in first..n.saturating_sub(1) {
            if (k > first && self.is_title_word(run[k]) || possessive(run[k]))
                && !self.is_title_word(run[k + 1])
            {
                start = k + 1;
            }
        }
        // "Pope Francis", "Prince Andrew": a regnal or religious title before a single given
        // name is part of the name (not inside one: "Ismet Sheikh Hasan", "Angus King Jr.").
        if start + 1 == n
            && start > 0
            && with_lower(run[start - 1], |l| self.g.words.name_titles.contains(l))
            && (start == 1 || self.is_title_word(run[start - 2]) || possessive(run[start - 2]))
        {
            start -= 1;
        }
        Some(start)
    }

    /// Where a person's name starts in a run that opens with something else ("Human Rights
    /// Navi Pillay", "Trade Policy Peter Navarro"): at the last given name the lists know
    /// with a word after it, else the last two words (three with a middle initial).
    pub(super) fn person_at_end(&self, run: &[&str]) -> usize {
        let n = run.len();
        let given = (0..n - 1).rev().find(|&k| {
            self.g
                .words
                .given_names
                .contains_key(&run[k].to_lowercase())
        });
        match given {
            Some(k) => k,
            // "John F. Kelly"
            None if n >= 3 && run[n - 2].len() == 2 && run[n - 2].ends_with('.') => n - 3,
            None => n.saturating_sub(2),
        }
    }

    /// "Boston Police Commissioner Ed Davis" → ("Ed Davis", "Boston Police Commissioner"): a
    /// person's name is the end of the last capitalised run, after its titles; None when no
    /// two-to-four-word name is there.
    pub(super) fn split_title(&self, phrase: &str) -> Option<(String, Option<String>)> {
        let ws = words(phrase);
        let mut start = ws.len();
        while start > 0 && is_capitalized(ws[start - 1].text) {
            if start < ws.len() && !phrase[ws[start - 1].end..ws[start].start].trim().is_empty() {
                break;
            }
            start -= 1;
        }
        // The run must end the phrase: "documents leaked by Snowden" is not Snowden.
        if start == ws.len() || ws.last().is_some_and(|w| w.end != phrase.trim_end().len()) {
            return None;
        }
        let run: Vec<&str> = ws[start..].iter().map(|w| w.text).collect();
        let ns = self.name_start(&run)?;
        let name = &run[ns..];
        if !(2..=4).contains(&name.len()) {
            return None;
        }
        let at = ws[start + ns].start;
        let title = phrase[..at].trim().trim_end_matches(',').trim();
        let title = without_article(title);
        Some((
            name.join(" "),
            (!title.is_empty()).then(|| title.to_string()),
        ))
    }

    /// "former President Bill Clinton": the title the article gives an official is learned,
    /// so that a later "the former president" finds him.
    pub(super) fn learn_title(&mut self, i: usize, phrase: &str, run: &[&str]) {
        let Some(at) = run.first().and_then(|f| phrase.find(f)) else {
            return;
        };
        let before = phrase[..at].trim().trim_end_matches(',').trim();
        let before = without_article(before);
        let titled: Vec<&str> = run
            .iter()
            .take_while(|w| self.is_title_word(w))
            .copied()
            .collect();
        let t = format!("{before} {}", titled.join(" ")).trim().to_string();
        if t.chars().any(char::is_alphabetic) && !self.people[i].learned_titles.contains(&t) {
            self.people[i].learned_titles.push(t);
        }
    }
}

#[cfg(test)]
mod tests;
