//! Speaker resolution: a speaker phrase ("he", "the deputy minister", "White House spokesman
//! Josh Ernest") becomes one canonical official, an unknown person named in the text, or, when
//! nothing fits, the phrase as written. A pronoun that cannot be resolved yields no speaker:
//! a missing statement is better than words put in the wrong mouth.

use super::officials::{Gazetteer, Gender, name_key};
use super::text::{is_capitalized, words};
use crate::model::SpeakerKind;

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
    /// `name_key` of the last word of the name, computed once.
    surname_key: String,
}

fn surname_key(name: &str) -> String {
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

const NATIONALITY: &[(&str, &str)] = &[
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
const RANKS: &[&str] = &["deputy", "vice", "assistant", "under", "prime", "former"];

/// Words that make a capitalised run an organisation, not a person's name.
const ORG_WORDS: &[&str] = &[
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
fn sentence_case_off(phrase: String) -> String {
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
fn strip_affixes(phrase: &str) -> String {
    use std::sync::LazyLock;
    static TAG: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"(?:,\s*|\s*\()[RDI]-[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?\)?,?\s*$")
            .unwrap()
    });
    static OF_STATE: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"^((?:[A-Z][\w.'’-]*\s+)*[A-Z][\w'’-]+)\s+of\s+(?:Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming)(?:,.*)?$").unwrap()
    });
    let mut p = phrase.trim();
    // Most phrases have none of these: no regex for them.
    if !p.contains([' ', '-']) {
        return p.to_string();
    }
    for conj in ["Still, ", "Also, "] {
        if let Some(rest) = p.strip_prefix(conj) {
            p = rest;
        }
    }
    if let Some((first, rest)) = p.split_once(' ')
        && OPENERS.contains(&first)
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

/// Capitalised words that open sentences and are never the first word of a name.
const OPENERS: &[&str] = &[
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
fn honorific_gender(w: &str) -> Option<Gender> {
    match w.to_lowercase().trim_end_matches('.') {
        "mr" => Some(Gender::Male),
        "mrs" | "ms" | "miss" => Some(Gender::Female),
        _ => None,
    }
}

/// A title or role before a name: "Sen.", "President", "Reporter", "Filmmaker".
fn is_title_word(w: &str) -> bool {
    let l = w.to_lowercase();
    TITLE_WORDS.contains(&l.as_str()) || NAME_CUES.contains(&l.as_str())
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

/// Heads of phrases naming someone through another person: "the Trump campaign".
const DEPENDENT_HEADS: &[&str] = &[
    "campaign",
    "campaigns",
    "camp",
    "administration",
    "team",
    "aide",
    "aides",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "ally",
    "allies",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "lawyer",
    "lawyers",
    "attorney",
    "attorneys",
    "supporters",
    "supporter",
    "staff",
    "staffers",
    "family",
    "foundation",
    "surrogate",
    "surrogates",
    "backers",
    "critics",
    "opponents",
    "associates",
    "friends",
    "friend",
    "wife",
    "husband",
    "son",
    "daughter",
    "spokespeople",
    "officials",
    "operatives",
    "organization",
    "website",
    "statement",
];

/// Role nouns that fit any person ("the diplomat", "the official").
/// "The official", "the expert" are not among them: an unnamed source stays unnamed.
const GENERIC_ROLES: &[&str] = &[
    "diplomat",
    "politician",
    "leader",
    "veteran",
    "high-ranking",
    "senior",
    "top",
    "former",
    "statesman",
    "negotiator",
    "counterpart",
    "chief",
];

const ROLE_STOP: &[&str] = &[
    "the", "a", "an", "of", "his", "her", "its", "their", "in", "for", "and", "on", "to", "at",
];

/// Per-article resolution state: who has been mentioned and who spoke, most recent last.
pub struct Resolver<'g> {
    g: &'g Gazetteer,
    year: Option<i32>,
    people: Vec<Person>,
    tick: usize,
    last_speaker: Option<usize>,
    /// The last speaker when it was unnamed ("a senior official"), with the tick it spoke at:
    /// a "he" right after it is that source, never a named person mentioned before.
    last_unnamed: Option<(String, usize)>,
}

fn role_words(phrase: &str, g: &Gazetteer) -> (Vec<String>, Option<String>) {
    let mut out = Vec::new();
    let mut aff = None;
    for w in phrase.split_whitespace() {
        let lw = w
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '\'' && c != '-')
            .to_lowercase();
        if let Some((_, a)) = NATIONALITY.iter().find(|(n, _)| *n == lw) {
            aff = Some(a.to_string());
            continue;
        }
        if lw.len() > 1
            && let Some(a) = g.demonym(&lw)
        {
            aff = Some(a.to_string());
            continue;
        }
        if ROLE_STOP.contains(&lw.as_str()) || lw.is_empty() {
            continue;
        }
        let lw = match lw.as_str() {
            "spokeswoman" | "spokesperson" | "spokesman" | "press-secretary" => {
                "spokesman".to_string()
            }
            "defence" => "defense".to_string(),
            _ => lw,
        };
        out.push(lw);
    }
    // "head of the Foreign Ministry" is the foreign minister.
    if let Some(h) = out.iter().position(|w| w == "head")
        && let Some(m) = out.iter().position(|w| w == "ministry")
        && h < m
    {
        out.remove(m);
        out.remove(h);
        out.push("minister".to_string());
    }
    (out, aff)
}

/// Role nouns that denote a person, not the institution they belong to.
fn has_person_role(lower: &str) -> bool {
    const PERSON_ROLES: &[&str] = &[
        "head",
        "minister",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "chief",
        "official",
        "secretary",
        "ambassador",
        "director",
        "representative",
        "aide",
        "adviser",
        "advisor",
        "envoy",
        "diplomat",
        "chairman",
        "leader",
        "officer",
        "source",
        "sources",
        "officials",
    ];
    lower
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .any(|w| PERSON_ROLES.contains(&w))
}

/// The role words of a title; a gazetteer title's are computed once, at load.
fn title_words<'a>(title: &str, g: &'a Gazetteer) -> std::borrow::Cow<'a, [String]> {
    match g.cached_title_words(title) {
        Some(w) => std::borrow::Cow::Borrowed(w),
        None => std::borrow::Cow::Owned(role_words(title, g).0),
    }
}

/// Role words of every gazetteer title, for `Gazetteer::cache_title_words`.
pub(crate) fn compute_title_words(title: &str, g: &Gazetteer) -> Vec<String> {
    role_words(title, g).0
}

impl<'g> Resolver<'g> {
    pub fn new(g: &'g Gazetteer, year: Option<i32>) -> Resolver<'g> {
        Resolver {
            g,
            year,
            people: Vec::new(),
            tick: 0,
            last_speaker: None,
            last_unnamed: None,
        }
    }

    /// A title, role or nationality before a name: "Sen.", "Chancellor", "German".
    fn is_title_word(&self, w: &str) -> bool {
        is_title_word(w) || self.g.words.is_title(w) || self.g.demonym(w).is_some()
    }

    /// Where the name starts in a run of capitalised words: after the titles before it,
    /// and after a title inside it that more name words follow ("Interim DNC Chairwoman Donna
    /// Brazile" → "Donna Brazile"). A title word ending the run is a surname ("Jim Justice",
    /// "Mr. King"), unless it is one of the core titles ("the Secretary").
    fn name_start(&self, run: &[&str]) -> Option<usize> {
        let n = run.len();
        // "South Korean", "New York": a nationality or a country is no one's name; "California
        // Democrat" is a description.
        if n > 0
            && (self.g.demonym(run[n - 1]).is_some()
                || self.g.words.group.contains(&run[n - 1].to_lowercase())
                || self.g.words.anonymous.contains(&run[n - 1].to_lowercase())
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
        // A possessive before more name words is a modifier: "Federalist's Sean Davis".
        let possessive = |w: &str| w.ends_with("'s") || w.ends_with("’s");
        for k in first..n.saturating_sub(1) {
            if (k > first && self.is_title_word(run[k]) || possessive(run[k]))
                && !self.is_title_word(run[k + 1])
            {
                start = k + 1;
            }
        }
        Some(start)
    }

    /// "Boston Police Commissioner Ed Davis" → ("Ed Davis", "Boston Police Commissioner"): a
    /// person's name is the end of the last capitalised run, after its titles; None when no
    /// two-to-four-word name is there.
    fn split_title(&self, phrase: &str) -> Option<(String, Option<String>)> {
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
        let title = title
            .strip_prefix("the ")
            .or_else(|| title.strip_prefix("The "))
            .unwrap_or(title);
        Some((
            name.join(" "),
            (!title.is_empty()).then(|| title.to_string()),
        ))
    }

    /// "former President Bill Clinton": the title the article gives an official is learned,
    /// so that a later "the former president" finds him.
    fn learn_title(&mut self, i: usize, phrase: &str, run: &[&str]) {
        let Some(at) = run.first().and_then(|f| phrase.find(f)) else {
            return;
        };
        let before = phrase[..at].trim().trim_end_matches(',').trim();
        let before = before
            .strip_prefix("the ")
            .or_else(|| before.strip_prefix("The "))
            .unwrap_or(before);
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
            .max_by_key(|(_, p)| (p.mentions, p.seen))
            .map(|(i, _)| i)
    }

    fn touch_official(&mut self, id: usize) -> usize {
        self.tick += 1;
        if let Some(i) = self.people.iter().position(|p| p.official == Some(id)) {
            self.people[i].seen = self.tick;
            self.people[i].mentions += 1;
            return i;
        }
        let o = self.g.get(id);
        self.people.push(Person {
            name: o.name.clone(),
            // "Kim" after "Kim Jong Un": Chinese and Korean family names come first.
            surname_key: if matches!(
                o.affiliation.as_deref(),
                Some("China" | "Taiwan" | "North Korea" | "South Korea")
            ) {
                name_key(o.name.split(' ').next().unwrap_or(&o.name))
            } else {
                surname_key(&o.name)
            },
            official: Some(id),
            learned_titles: Vec::new(),
            gender: o.gender,
            affiliation: o.affiliation.clone(),
            institution: o.institution,
            seen: self.tick,
            mentions: 1,
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
        });
        self.people.len() - 1
    }

    /// Notes the officials named in narrative text (outside quotes), for later "he" or "the
    /// minister".
    pub fn observe(&mut self, text: &str) {
        let ws = words(text);
        let mut i = 0;
        while i < ws.len() {
            if !is_capitalized(ws[i].text) {
                i += 1;
                continue;
            }
            let mut j = i;
            while j + 1 < ws.len()
                && is_capitalized(ws[j + 1].text)
                && text[ws[j].end..ws[j + 1].start].trim().is_empty()
            {
                j += 1;
            }
            // "But Mueller", "If May": a capitalised function word opening a sentence is not
            // part of a name.
            if j > i && OPENERS.contains(&ws[i].text) {
                i += 1;
                continue;
            }
            let run: Vec<&str> = ws[i..=j].iter().map(|w| w.text).collect();
            if let Some(id) = self.lookup_run(&run) {
                self.touch_official(id);
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
            } else {
                self.note_new_person(text, &ws, i, j);
            }
            i = j + 1;
        }
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

    /// "front-runner Ben Carson", "Mr. Minor", "Ann Lee, a lawyer,": a person the text
    /// introduces, registered so that a later "he" or "Carson" finds them.
    fn note_new_person(&mut self, text: &str, ws: &[super::text::Word], i: usize, j: usize) {
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
                    .starts_with(|c: char| c.is_ascii_digit());
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

    /// A gazetteer person or institution named by a run of capitalised words.
    fn lookup_run(&self, run: &[&str]) -> Option<usize> {
        let n = run.len();
        for len in (1..=n.min(4)).rev() {
            for start in (0..=n - len).rev() {
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
                    // "Bernie Sanders" is not "Sarah Sanders", "Ivanka Trump" not Donald: a
                    // first name before the surname must be the person's.
                    let first_name = start
                        .checked_sub(1)
                        .map(|k| run[k])
                        .filter(|w| !self.is_title_word(w));
                    let honorific = start.checked_sub(1).and_then(|k| honorific_gender(run[k]));
                    if let Some(i) = self.named_here(&cand, honorific)
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
                    let ambiguous = self
                        .g
                        .words
                        .ambiguous_surnames
                        .contains(&cand.to_lowercase());
                    if ambiguous && !titled {
                        continue;
                    }
                    self.g.by_surname_at(&cand, self.year).filter(|&id| {
                        let o = self.g.get(id);
                        honorific.is_none_or(|h| o.gender.is_none_or(|g| g == h))
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
                    (len == 1)
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

    /// Resolves a speaker phrase and records the result as the latest speaker.
    pub fn resolve(&mut self, phrase: &str) -> Option<Speaker> {
        let mut phrase = strip_affixes(phrase);
        // "Rep. Adam B. Schiff, California Democrat and chairman of the committee": a name
        // before an appositive is the speaker; the appositive is no part of the name.
        if let Some((head, _)) = phrase.split_once(", ")
            && self.g.words.classify(head) == Some(SpeakerKind::Person)
            && self.split_title(head).is_some()
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
                self.tick += 1;
                self.people[i].seen = self.tick;
                self.people[i].mentions += 1;
                self.last_speaker = Some(i);
                let mut sp = self.speaker_of(i);
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
        let t = as_written.trim();
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
        let rest = name
            .strip_prefix("the ")
            .or_else(|| name.strip_prefix("The "));
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

    /// Ok(person index), Err(phrase as written) for an unknown description, None for nothing.
    fn resolve_index(&mut self, phrase: &str) -> Option<Result<usize, String>> {
        let phrase = phrase.trim();
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
                    && first.chars().next().is_some_and(char::is_uppercase)
                    && first.chars().skip(1).all(char::is_lowercase)
                    && self.g.words.is_common_noun(&first.to_lowercase()) =>
            {
                decapitalised = first.to_lowercase() + &phrase[first.len()..];
                decapitalised.as_str()
            }
            _ => phrase,
        };
        let lower = phrase.to_lowercase();
        // "he" right after "a senior official said" is that official, unless a named person
        // has been mentioned since.
        if matches!(lower.as_str(), "he" | "she" | "they")
            && let Some((u, at)) = &self.last_unnamed
            && self.people.iter().all(|p| p.seen <= *at)
        {
            let plural = u.to_lowercase().ends_with('s');
            if plural == (lower == "they") {
                return Some(Err(u.clone()));
            }
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
        match lower.as_str() {
            "he" | "she" => {
                let want = if lower == "he" {
                    Gender::Male
                } else {
                    Gender::Female
                };
                let fits = |p: &Person| !p.institution && p.gender.is_none_or(|g| g == want);
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
        // "Russia and the United States", "Hawkins and others": several speakers at once are
        // kept as written, never narrowed to one of them.
        if let Some((left, right)) = phrase.split_once(" and ")
            && !phrase.contains(',')
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
        for w in &ws {
            // Punctuation between words ends a run: "the Council, Ambassador Baklanov".
            let broken = prev_end.is_some_and(|e: usize| !phrase[e..w.start].trim().is_empty());
            prev_end = Some(w.end);
            if broken && !cur.is_empty() {
                runs.push(std::mem::take(&mut cur));
            }
            if is_capitalized(w.text) {
                cur.push(w.text);
            } else if !cur.is_empty() {
                runs.push(std::mem::take(&mut cur));
            }
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
            let as_written = phrase
                .strip_prefix("the ")
                .or_else(|| phrase.strip_prefix("The "))
                .unwrap_or(phrase);
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
                let i = self.touch_official(id);
                self.learn_title(i, phrase, run);
                return Some(Ok(i));
            }
        }
        if let Some(id) = self.g.by_full_name(phrase) {
            return Some(Ok(self.touch_official(id)));
        }
        // A new person: the last capitalised run minus leading title words.
        if let Some(run) = runs.last() {
            let name_start = self.name_start(run);
            if let Some(s) = name_start {
                let name: Vec<&str> = run[s..].to_vec();
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
                    if let Some(i) = self.named_here(surname, gender) {
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

    fn resolve_role(&mut self, phrase: &str) -> Option<Result<usize, String>> {
        let (role, aff) = role_words(phrase, self.g);
        let aff = aff.as_deref();
        if role.is_empty() {
            return None;
        }
        let generic = role.iter().all(|w| GENERIC_ROLES.contains(&w.as_str()));
        let core: Vec<&String> = role
            .iter()
            .filter(|w| !GENERIC_ROLES.contains(&w.as_str()) || generic)
            .collect();
        let year = self.year;
        let title_fits = |title: &str| {
            let tw = title_words(title, self.g);
            let rank_ok = RANKS
                .iter()
                .all(|r| tw.iter().any(|w| w == r) == role.iter().any(|w| w == r));
            rank_ok
                && core.iter().all(|c| {
                    tw.iter()
                        .any(|w| w == *c || (c.as_str() == "ambassador" && w == "representative"))
                })
        };
        // The head of the phrase alone ("the deputy head" of "… of the Council of …"), for
        // people whose title the text gave in a shorter form.
        let lower = phrase.to_lowercase();
        let (head_role, _) = role_words(lower.split(" of ").next().unwrap_or(""), self.g);
        let head_fits = |title: &str| {
            let tw = title_words(title, self.g);
            let rank_ok = RANKS
                .iter()
                .all(|r| tw.iter().any(|w| w == r) == head_role.iter().any(|w| w == r));
            !head_role.is_empty() && rank_ok && head_role.iter().all(|c| tw.contains(c))
        };
        let mut best_medium: Option<(usize, usize)> = None;
        let mut best_strong: Option<(usize, usize)> = None;
        let mut best_generic: Option<(usize, usize)> = None;
        for (i, p) in self.people.iter().enumerate() {
            if let (Some(a), Some(b)) = (aff, p.affiliation.as_deref())
                && a != b
            {
                continue;
            }
            if p.institution {
                continue;
            }
            let mut titles: Vec<&str> = p.learned_titles.iter().map(String::as_str).collect();
            if let Some(id) = p.official {
                titles.extend(self.g.role_phrases(id, year));
            }
            let strong = titles.iter().any(|t| title_fits(t));
            // "The diplomat" is whoever was just speaking, not whoever is called a diplomat.
            if strong && !generic && best_strong.is_none_or(|(_, s)| p.seen > s) {
                best_strong = Some((i, p.seen));
            }
            if !generic
                && p.official.is_none()
                && p.learned_titles.iter().any(|t| head_fits(t))
                && best_medium.is_none_or(|(_, s)| p.seen > s)
            {
                best_medium = Some((i, p.seen));
            }
            let contradicts = p.official.is_some() && !strong && !generic;
            let recency = if Some(i) == self.last_speaker {
                usize::MAX
            } else {
                p.seen
            };
            if generic && !contradicts && best_generic.is_none_or(|(_, s)| recency > s) {
                best_generic = Some((i, recency));
            }
        }
        if let Some((i, _)) = best_strong.or(best_medium).or(best_generic) {
            return Some(Ok(i));
        }
        if !generic
            && let Some(y) = year
            && let Some(id) = self.g.holder_of(title_fits, aff, y)
        {
            return Some(Ok(self.touch_official(id)));
        }
        // Institutions named by description: "the ministry" after the Foreign Ministry spoke.
        if role
            .iter()
            .any(|w| matches!(w.as_str(), "ministry" | "department" | "kremlin"))
            && let Some(i) = self.last_speaker
            && self.people[i].institution
        {
            return Some(Ok(i));
        }
        let written = phrase.trim();
        Some(Err(written
            .strip_prefix("The ")
            .map(|r| format!("the {r}"))
            .unwrap_or_else(|| written.to_string())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_titles_pronouns() {
        let g = Gazetteer::builtin();
        let mut r = Resolver::new(&g, Some(2016));
        r.observe("Talks were held between Foreign Minister Sergey Lavrov and Secretary of State John Kerry.");
        assert_eq!(
            r.resolve("White House spokesman Josh Ernest").unwrap().name,
            "Josh Earnest"
        );
        assert_eq!(
            r.resolve("the head of the Russian Foreign Ministry")
                .unwrap()
                .name,
            "Sergey Lavrov"
        );
        assert_eq!(
            r.resolve("The US Secretary of State").unwrap().name,
            "John Kerry"
        );
        assert_eq!(r.resolve("he").unwrap().name, "John Kerry");
        assert_eq!(
            r.resolve("the Russian Foreign Ministry").unwrap().name,
            "Russian Foreign Ministry"
        );
        assert_eq!(r.resolve("the diplomat").unwrap().name, "John Kerry");
    }

    #[test]
    fn deputy_is_not_the_minister() {
        let g = Gazetteer::builtin();
        let mut r = Resolver::new(&g, Some(2017));
        r.resolve("Deputy Foreign Minister Sergey Ryabkov");
        r.observe("Foreign Minister Sergey Lavrov met him.");
        assert_eq!(
            r.resolve("the deputy minister").unwrap().name,
            "Sergey Ryabkov"
        );
        assert_eq!(
            r.resolve("the foreign minister").unwrap().name,
            "Sergey Lavrov"
        );
    }

    #[test]
    fn unknown_people_and_fallbacks() {
        let g = Gazetteer::builtin();
        let mut r = Resolver::new(&g, None);
        assert!(r.resolve("she").is_none(), "no one to refer to");
        let s = r
            .resolve("The deputy head of the Council, Ambassador Andrey Baklanov")
            .unwrap();
        assert_eq!(s.name, "Andrey Baklanov");
        assert_eq!(r.resolve("the Ambassador").unwrap().name, "Andrey Baklanov");
        assert_eq!(r.resolve("Baklanov").unwrap().name, "Andrey Baklanov");
        assert_eq!(
            r.resolve("a senior administration official").unwrap().name,
            "a senior administration official"
        );
    }

    #[test]
    fn several_speakers_and_dependents_stay_as_written() {
        let g = Gazetteer::builtin();
        let mut r = Resolver::new(&g, Some(2017));
        assert_eq!(
            r.resolve("Russia and the United States").unwrap().name,
            "Russia and the United States"
        );
        r.observe("Foreign Minister Sergey Lavrov arrived.");
        assert_eq!(
            r.resolve("the Lavrov campaign").unwrap().name,
            "Lavrov campaign"
        );
        assert_eq!(
            r.resolve("a Lavrov spokesman").unwrap().name,
            "a Lavrov spokesman"
        );
        // "He" right after an unnamed speaker is that speaker, never the official named in
        // the phrase; once Lavrov is mentioned again, "he" is Lavrov.
        let he = r.resolve("he").unwrap();
        assert_eq!(he.name, "a Lavrov spokesman");
        assert_eq!(he.kind, SpeakerKind::Anonymous);
        r.observe("Lavrov left for Geneva.");
        assert_eq!(r.resolve("he").unwrap().name, "Sergey Lavrov");
    }

    #[test]
    fn people_introduced_in_the_text_are_found_again() {
        let g = Gazetteer::builtin();
        let mut r = Resolver::new(&g, Some(2016));
        r.observe("Republican front-runner Ben Okafor took the stage on Tuesday.");
        assert_eq!(r.resolve("he").unwrap().name, "Ben Okafor");
        assert_eq!(r.resolve("Okafor").unwrap().name, "Ben Okafor");
        // A place is not a person: no cue introduces it.
        r.observe("The rally in Des Moines was loud.");
        assert_eq!(r.resolve("he").unwrap().name, "Ben Okafor");
    }

    #[test]
    fn a_first_name_keeps_a_namesake_apart_from_the_official() {
        let g = Gazetteer::builtin();
        let official = g.by_surname("Lavrov").expect("Lavrov is in the gazetteer");
        let mut r = Resolver::new(&g, Some(2017));
        assert_eq!(
            r.resolve("Sergey Lavrov").unwrap().name,
            g.get(official).name
        );
        let mut r = Resolver::new(&g, Some(2017));
        r.observe("Local farmer Ivan Lavrov spoke to us.");
        assert_eq!(r.resolve("Lavrov").unwrap().name, "Ivan Lavrov");
    }

    #[test]
    fn unnamed_sources_are_never_a_named_person_nearby() {
        let g = Gazetteer::builtin();
        let mut r = Resolver::new(&g, Some(2017));
        assert_eq!(r.resolve("Donald Trump").unwrap().name, "Donald Trump");
        r.observe("Donald Trump spoke to reporters at the White House on Monday.");
        let o = r.resolve("the official").unwrap();
        assert_eq!(
            (o.name.as_str(), o.kind),
            ("the official", SpeakerKind::Anonymous)
        );
        let o = r.resolve("a senior administration official").unwrap();
        assert_eq!(o.kind, SpeakerKind::Anonymous);
        assert_eq!(
            r.resolve("he").unwrap().name,
            "a senior administration official"
        );
        let o = r.resolve("a senior Trump administration official").unwrap();
        assert_eq!(
            (o.name.as_str(), o.kind),
            (
                "a senior Trump administration official",
                SpeakerKind::Anonymous
            )
        );
        let o = r.resolve("A senior Obama administration official").unwrap();
        assert_eq!(o.kind, SpeakerKind::Anonymous);
        let o = r.resolve("officials").unwrap();
        assert_eq!(o.kind, SpeakerKind::Anonymous);
        assert_eq!(r.resolve("they").unwrap().name, "officials");
    }

    #[test]
    fn outlets_countries_and_documents_have_their_kind() {
        let g = Gazetteer::builtin();
        let mut r = Resolver::new(&g, Some(2017));
        let t = r.resolve("the New York Times").unwrap();
        assert_eq!(
            (t.name.as_str(), t.kind),
            ("The New York Times", SpeakerKind::Media)
        );
        let t = r.resolve("Reuters").unwrap();
        assert_eq!((t.name.as_str(), t.kind), ("Reuters", SpeakerKind::Media));
        let d = r.resolve("the report").unwrap();
        assert_eq!(d.kind, SpeakerKind::Document);
        let d = r.resolve("Democrats").unwrap();
        assert_eq!(d.kind, SpeakerKind::Group);
        let p = r.resolve("Sergey Lavrov").unwrap();
        assert_eq!(p.kind, SpeakerKind::Person);
        let i = r.resolve("the Kremlin").unwrap();
        assert_eq!(i.kind, SpeakerKind::Institution);
    }

    #[test]
    fn titles_and_possessives_never_stay_in_a_name() {
        let g = Gazetteer::builtin();
        let mut r = Resolver::new(&g, Some(2013));
        for (phrase, name) in [
            ("Boston Police Commissioner Ed Davis", "Ed Davis"),
            ("Pentagon spokesman Navy Capt. Jeff Davis", "Jeff Davis"),
            ("retired Army Lt. Col. Daniel Davis", "Daniel Davis"),
            ("Federalist's Sean Davis", "Sean Davis"),
            ("Interim DNC Chairwoman Donna Brazile", "Donna Brazile"),
            ("Chancellor Angela Merkel", "Angela Merkel"),
            ("Home Secretary Theresa May", "Theresa May"),
            (
                "Director of National Intelligence James Clapper",
                "James Clapper",
            ),
            ("John F. Kerry", "John Kerry"),
            ("Mr. King", "King"),
            ("Sen. Lindsey Graham, R-S.C.", "Lindsey Graham"),
            ("Rep. Adam Schiff of California", "Adam Schiff"),
            ("Sen. Ted Cruz (R-Texas)", "Ted Cruz"),
            ("But Rudy Giuliani", "Rudy Giuliani"),
            ("Col. Tim Collins of the British Army", "Tim Collins"),
            (
                "Adam Schiff, the House intelligence committee’s incoming Democratic chair",
                "Adam Schiff",
            ),
            ("Rep. Adam Schiff (D-CA), the ranking member", "Adam Schiff"),
            (
                "the top Democrat on the House Intelligence Committee, Adam Schiff",
                "Adam Schiff",
            ),
            ("democrat Adam Schiff", "Adam Schiff"),
            (
                "Rep. Adam B. Schiff, California Democrat and chairman of the committee",
                "Adam B. Schiff",
            ),
            ("Bill Clinton", "Bill Clinton"),
        ] {
            let sp = r.resolve(phrase).unwrap();
            assert_eq!(sp.name, name, "{phrase}");
            assert_eq!(sp.kind, SpeakerKind::Person, "{phrase}");
        }
        let mut r = Resolver::new(&g, Some(2017));
        r.observe("British Prime Minister Theresa May met the press.");
        assert_eq!(r.resolve("Theresa May's").unwrap().name, "Theresa May");
        assert_eq!(r.resolve("May").unwrap().name, "Theresa May");
        // The month is nobody: without Theresa May named, "May" is not her.
        let mut r = Resolver::new(&g, Some(2019));
        r.observe("He told Trump in May 2017 that the inquiry would go on.");
        assert_ne!(
            r.resolve("May").map(|s| s.name),
            Some("Theresa May".to_string())
        );
        assert_ne!(
            r.resolve("Mr. May").map(|s| s.name),
            Some("Theresa May".to_string())
        );
        let mut r = Resolver::new(&g, Some(2019));
        assert_eq!(r.resolve("Mrs. May").unwrap().name, "Theresa May");
        let mut r = Resolver::new(&g, Some(2018));
        r.observe("North Korean leader Kim Jong Un arrived in Singapore.");
        assert_eq!(r.resolve("Kim").unwrap().name, "Kim Jong-un");
        let s = r.resolve("the German chancellor").unwrap();
        assert_eq!(
            s.name, "Angela Merkel",
            "a role resolved by date through the gazetteer"
        );
    }

    #[test]
    fn honorifics_without_a_full_stop_and_plain_groups() {
        let g = Gazetteer::builtin();
        let lavrov = g.get(g.by_surname("Lavrov").unwrap()).name.clone();
        let mut r = Resolver::new(&g, Some(2017));
        assert_eq!(r.resolve("Mr Lavrov").unwrap().name, lavrov);
        // "Others" is no speaker: the statement is dropped rather than filed under "others".
        assert_eq!(r.resolve("Others"), None);
        let study = r.resolve("His study").unwrap();
        assert_eq!(study.name, "His study");
        assert_eq!(study.kind, SpeakerKind::Document);
    }
}
