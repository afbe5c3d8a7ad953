//! Speaker kinds: a phrase the gazetteer does not name as a person is an outlet, a country, an
//! unnamed source, a group, a document, an institution, a surname, or no speaker at all. The
//! word lists are data (`data/speakers.toml`), so users can extend them like the gazetteer.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use serde::Deserialize;

use super::officials::{Gender, name_key};
use crate::model::SpeakerKind;

/// The speaker lexicon shipped with onrecord, used when no `speakers.toml` is found.
pub const BUILTIN_SPEAKERS: &str = include_str!("../../data/speakers.toml");

/// Word lists of `data/speakers.toml` `[words]`, lower case.
#[derive(Debug, Clone, Default)]
pub struct SpeakerWords {
    pub anonymous: HashSet<String>,
    pub group: HashSet<String>,
    pub document: HashSet<String>,
    pub media: HashSet<String>,
    pub fragments: HashSet<String>,
    pub titles: HashSet<String>,
    pub name_titles: HashSet<String>,
    pub bodies: HashSet<String>,
    pub ambiguous_surnames: HashSet<String>,
    pub never_joined: HashSet<String>,
    /// `[given_names]`: first names, lower case, and whether a man's or a woman's.
    pub given_names: HashMap<String, Gender>,
}

#[derive(Deserialize, Default)]
pub(crate) struct RawWords {
    #[serde(default)]
    anonymous: Vec<String>,
    #[serde(default)]
    group: Vec<String>,
    #[serde(default)]
    document: Vec<String>,
    #[serde(default)]
    media: Vec<String>,
    #[serde(default)]
    fragments: Vec<String>,
    #[serde(default)]
    titles: Vec<String>,
    #[serde(default)]
    name_titles: Vec<String>,
    #[serde(default)]
    bodies: Vec<String>,
    #[serde(default)]
    ambiguous_surnames: Vec<String>,
    #[serde(default)]
    never_joined: Vec<String>,
}

impl From<RawWords> for SpeakerWords {
    fn from(r: RawWords) -> SpeakerWords {
        let set = |v: Vec<String>| v.into_iter().map(|w| w.to_lowercase()).collect();
        SpeakerWords {
            anonymous: set(r.anonymous),
            group: set(r.group),
            document: set(r.document),
            media: set(r.media),
            fragments: set(r.fragments),
            titles: set(r.titles),
            name_titles: set(r.name_titles),
            bodies: set(r.bodies),
            ambiguous_surnames: set(r.ambiguous_surnames),
            never_joined: set(r.never_joined),
            given_names: HashMap::default(),
        }
    }
}

const DETERMINERS: &[&str] = &[
    "the",
    "a",
    "an",
    "one",
    "two",
    "three",
    "four",
    "some",
    "several",
    "many",
    "most",
    "other",
    "another",
    "his",
    "her",
    "its",
    "their",
    "our",
    "these",
    "those",
    "this",
    "that",
    "both",
    "all",
    "few",
    "more",
    "top",
    "senior",
    "unnamed",
    "anonymous",
];

/// The head word of a description: its last word before "of", "who", "that", "in", "at",
/// "from", "with", "for", a comma or a parenthesis; lower case, possessive removed.
pub fn head_word(phrase: &str) -> String {
    let lower = phrase.to_lowercase();
    let cut = lower
        .split([',', '(', ';', ':'])
        .next()
        .unwrap_or("")
        .split_whitespace()
        .take_while(|w| {
            !matches!(
                *w,
                "of" | "who"
                    | "which"
                    | "that"
                    | "in"
                    | "at"
                    | "from"
                    | "with"
                    | "for"
                    | "on"
                    | "close"
                    | "familiar"
                    | "briefed"
                    | "involved"
                    | "under"
                    | "to"
            )
        })
        .last()
        .unwrap_or("")
        .to_string();
    let w = cut.trim_matches(|c: char| !c.is_alphanumeric() && c != '%' && c != '-');
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .unwrap_or(w)
        .to_string()
}

/// The phrase without leading determiners and quantifiers, lower case.
fn core(phrase: &str) -> String {
    let lower = phrase.trim().to_lowercase();
    let mut ws: Vec<&str> = lower.split_whitespace().collect();
    while ws.len() > 1 && DETERMINERS.contains(&ws[0]) {
        ws.remove(0);
    }
    ws.join(" ")
}

/// Whether a word is capitalised like a name (not an all-lower description).
fn has_name_word(phrase: &str) -> bool {
    phrase
        .split_whitespace()
        .filter(|w| !DETERMINERS.contains(&w.to_lowercase().as_str()))
        .any(|w| w.chars().next().is_some_and(char::is_uppercase))
}

impl SpeakerWords {
    /// Kind of a speaker phrase kept as written (not a gazetteer person, outlet or country).
    /// `None` when the phrase is no speaker at all ("some", "others").
    /// "GlobalPost CEO and co-founder Philip Balboni", "President and CEO Jay Timmons": two
    /// roles of one person around "and" (a role or title before it, a role after it), not
    /// two speakers.
    pub fn roles_of_one(&self, before_and: &str, after_and: &str) -> bool {
        const ROLES: &[&str] = &[
            "ceo",
            "founder",
            "co-founder",
            "cofounder",
            "chairman",
            "chairwoman",
            "president",
            "publisher",
            "editor",
            "director",
            "owner",
        ];
        let before = before_and.split_whitespace().last().map(str::to_lowercase);
        let after = after_and.split_whitespace().next().map(str::to_lowercase);
        before.is_some_and(|b| ROLES.contains(&b.as_str()) || self.titles.contains(&b))
            && after.is_some_and(|a| ROLES.contains(&a.as_str()))
    }

    pub fn classify(&self, phrase: &str) -> Option<SpeakerKind> {
        let lower = phrase.trim().to_lowercase();
        if lower.is_empty() || self.fragments.contains(&lower) {
            return None;
        }
        let core = core(phrase);
        if self.fragments.contains(&core) {
            return None;
        }
        if lower.contains('%') || lower.contains(" percent") || lower.contains(" per cent") {
            return Some(SpeakerKind::Group);
        }
        // "documents leaked by Snowden", "experts at the Brookings Institution": a
        // description opening with its noun is of that noun's kind, whatever names follow.
        let first = core.split_whitespace().next().unwrap_or("");
        // ... unless a name ends it: "democrat Adam Schiff" is Adam Schiff.
        let ends_with_name = {
            let ws: Vec<&str> = phrase.split_whitespace().collect();
            ws.len() >= 3
                && ws[ws.len() - 2..]
                    .iter()
                    .all(|w| w.starts_with(|c: char| c.is_uppercase()))
        };
        if !ends_with_name
            && phrase
                .split_whitespace()
                .any(|w| w.to_lowercase() == first && w == first)
        {
            for (set, kind) in [
                (&self.document, SpeakerKind::Document),
                (&self.group, SpeakerKind::Group),
                (&self.anonymous, SpeakerKind::Anonymous),
            ] {
                if set.contains(first) && core.split_whitespace().count() > 1 {
                    return Some(kind);
                }
            }
        }
        let head = head_word(phrase);
        // "many of whom", "some of them": a quantifier over a pronoun is no speaker; "many of
        // his supporters" is a group.
        let last = lower.split_whitespace().last().unwrap_or("");
        if self.fragments.contains(&head)
            && matches!(last, "whom" | "them" | "those" | "these" | "us" | "which")
        {
            return None;
        }
        if self.fragments.contains(&head) && lower.contains(" of ") {
            return Some(SpeakerKind::Group);
        }
        let two = {
            let c = core.split([',', '(']).next().unwrap_or("").trim();
            let ws: Vec<&str> = c.split_whitespace().collect();
            (ws.len() >= 2).then(|| ws[ws.len() - 2..].join(" "))
        };
        let is = |set: &HashSet<String>| {
            set.contains(&head) || two.as_ref().is_some_and(|t| set.contains(t))
        };
        if is(&self.document) {
            return Some(SpeakerKind::Document);
        }
        if is(&self.media) && !is(&self.anonymous) {
            return Some(SpeakerKind::Media);
        }
        if is(&self.anonymous) {
            return Some(SpeakerKind::Anonymous);
        }
        if is(&self.group) {
            return Some(SpeakerKind::Group);
        }
        let body = named_body(phrase, self);
        if body == Some(false) {
            return Some(SpeakerKind::Institution);
        }
        if ORG_HEADS.contains(&head.as_str()) && body.is_none() {
            // "the Trump administration" is an institution; "the administration", "the
            // company" (and "the administration in May") are institutions nobody named:
            // unnamed sources.
            let up_to_head = phrase
                .split_whitespace()
                .take_while(|w| {
                    w.to_lowercase()
                        .trim_matches(|c: char| !c.is_alphanumeric())
                        != head
                })
                .collect::<Vec<_>>()
                .join(" ");
            return Some(if has_name_word(&up_to_head) {
                SpeakerKind::Institution
            } else {
                SpeakerKind::Anonymous
            });
        }
        // "the United States and China", "King and Meehan": several speakers together.
        if let Some((l, r)) = phrase.split_once(" and ")
            && !phrase.contains(',')
            && has_name_word(l)
            && has_name_word(r)
            && !self.roles_of_one(l, r)
        {
            return Some(SpeakerKind::Group);
        }
        // "the Kentucky senator", "chairman of the House Intelligence Committee": a
        // description whose head is a common noun, whatever proper names modify it.
        let head_written = phrase.split_whitespace().find(|w| {
            w.to_lowercase()
                .trim_matches(|c: char| !c.is_alphanumeric())
                == head
        });
        if head_written.is_some_and(|w| w.starts_with(|c: char| c.is_lowercase())) {
            return Some(SpeakerKind::Anonymous);
        }
        // "the Duma", "the National Counterterrorism Center": a proper name with an article is
        // a body, not a person.
        if let Some(rest) = super::text::after_article(phrase.trim())
            && rest.starts_with(|c: char| c.is_uppercase())
            && head_written.is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()))
        {
            return Some(SpeakerKind::Institution);
        }
        if has_name_word(phrase) {
            // A capitalised plural ("Democrats", "Palestinians") is a group; a name a person.
            let last = phrase.split_whitespace().last().unwrap_or("");
            // "Stephen Evans" is a person, though "Evans" reads like "Americans".
            let ws: Vec<&str> = phrase.split_whitespace().collect();
            let named = ws.len() >= 2
                && self
                    .given_names
                    .contains_key(&ws[ws.len() - 2].to_lowercase());
            if last.len() > 3
                && last.ends_with('s')
                && !last.ends_with("ss")
                && head.ends_with('s')
                && !named
            {
                let sing = &head[..head.len() - 1];
                if self.group.contains(&head) || sing.ends_with("an") || sing.ends_with("ist") {
                    return Some(SpeakerKind::Group);
                }
            }
            // A person's name starts with a capital: "though Moscow", "to the Senate", "will
            // North Korea" are pieces of a sentence, no speaker; "the former IG", "their
            // daughter Gigi" describe someone unnamed.
            let ws: Vec<&str> = phrase.split_whitespace().collect();
            let first_word = ws.first().copied().unwrap_or("");
            if first_word.starts_with(|c: char| c.is_lowercase()) {
                const MODIFIERS: &[&str] = &[
                    "former",
                    "veteran",
                    "longtime",
                    "senior",
                    "then",
                    "ex",
                    "retired",
                    "acting",
                    "outgoing",
                    "incoming",
                    "late",
                    "embattled",
                    "democratic",
                    "republican",
                    "conservative",
                    "liberal",
                    "independent",
                    "junior",
                ];
                let describes = DETERMINERS.contains(&first_word)
                    || self.titles.contains(first_word)
                    || MODIFIERS.contains(&first_word)
                    || first_word.starts_with("then-")
                    || first_word.starts_with("ex-");
                let ends_with_name = ws.len() >= 3
                    && ws[ws.len() - 2..]
                        .iter()
                        .all(|w| w.starts_with(|c: char| c.is_uppercase()));
                return match (describes, ends_with_name) {
                    (true, true) => Some(SpeakerKind::Person),
                    (true, false) => Some(SpeakerKind::Anonymous),
                    (false, _) => None,
                };
            }
            return Some(SpeakerKind::Person);
        }
        // A lower-case description nobody named: someone unnamed.
        Some(SpeakerKind::Anonymous)
    }

    /// True for a lower-case word of any list: a description, not a name.
    pub fn is_common_noun(&self, w: &str) -> bool {
        // "Prosecutors", "Experts" opening a sentence; not "Republicans", "Democrats" or the
        // nationalities, which are names of their own.
        const PROPER_GROUPS: &[&str] = &[
            "democrats",
            "republicans",
            "americans",
            "russians",
            "europeans",
            "israelis",
            "palestinians",
            "iranians",
            "ukrainians",
            "syrians",
            "chinese",
            "british",
            "germans",
            "french",
        ];
        [
            &self.anonymous,
            &self.document,
            &self.media,
            &self.fragments,
        ]
        .iter()
        .any(|set| set.contains(w))
            || self.group.contains(w) && !PROPER_GROUPS.contains(&w)
    }

    /// True for a word that is a title or role, never part of a name.
    pub fn is_title(&self, w: &str) -> bool {
        crate::extract::text::with_lower(w, |l| self.titles.contains(l))
    }

    /// A title a person holds ("President", "Commissioner", "spokesman"), not a word of a
    /// body's name ("Council", "National", "Security") as `is_title` may be.
    pub fn is_person_title(&self, w: &str) -> bool {
        let l = w.to_lowercase();
        crate::extract::speakers::NAME_CUES.contains(&l.as_str())
            || self.anonymous.contains(&l)
            || PERSON_TITLES.contains(&l.as_str())
    }
}

/// "Center for Constitutional Rights", "the Project on Government Oversight": a capitalised
/// organisation word, then "for"/"of"/"on" and capitalised words. `Some(true)` when a person
/// ends the phrase (a title, a given name or a possessive after the preposition: "Council on
/// Foreign Relations President Richard Haass" is Haass), `Some(false)` for the body alone.
fn named_body(phrase: &str, words: &SpeakerWords) -> Option<bool> {
    let ws: Vec<&str> = super::text::without_article(phrase.trim())
        .split_whitespace()
        .collect();
    let is_head = |h: &str| ORG_HEADS.contains(&h) || BODY_HEADS.contains(&h);
    let at = super::text::body_preposition(&ws, is_head, &["and", "the", "of", "for", "on"])?;
    Some(ws[at + 1..].iter().any(|w| {
        words.is_person_title(w)
            || super::text::is_possessive(w)
            || w.ends_with(['\'', '’'])
            || words.given_names.contains_key(&w.to_lowercase())
    }))
}

/// Titles a person holds in a body, besides the role nouns of `NAME_CUES` and unnamed sources.
const PERSON_TITLES: &[&str] = &[
    "commissioner",
    "mayor",
    "chief",
    "ceo",
    "executive",
    "fellow",
    "researcher",
    "scholar",
    "expert",
    "coordinator",
    "general",
    "minister",
    "speaker",
];

/// Organisation words that head a body's name before "for"/"of"/"on" ("Center for …",
/// "Project on …") but alone may be anything ("the center of town").
const BODY_HEADS: &[&str] = &["center", "centre", "project", "program", "programme"];

/// Heads that make a phrase an institution: "the ministry", "the Trump administration".
pub const ORG_HEADS: &[&str] = &[
    "observatory",
    "watch",
    "monitor",
    "initiative",
    "forum",
    "league",
    "society",
    "ministry",
    "department",
    "agency",
    "party",
    "administration",
    "government",
    "office",
    "council",
    "committee",
    "commission",
    "court",
    "parliament",
    "congress",
    "senate",
    "house",
    "assembly",
    "embassy",
    "mission",
    "army",
    "military",
    "navy",
    "police",
    "bureau",
    "service",
    "services",
    "company",
    "corporation",
    "bank",
    "fund",
    "foundation",
    "institute",
    "university",
    "organization",
    "organisation",
    "union",
    "federation",
    "alliance",
    "coalition",
    "campaign",
    "regime",
    "cabinet",
    "kremlin",
    "pentagon",
    "secretariat",
    "directorate",
    "command",
    "forces",
    "force",
    "community",
    "guard",
    "corps",
];

/// A named entity of `speakers.toml` or the country table: canonical name and every variant key.
#[derive(Debug, Clone)]
pub struct Named {
    pub name: String,
    pub keys: Vec<String>,
}

impl Named {
    pub fn new(name: &str, variants: &[String]) -> Named {
        let mut keys = vec![name_key(name)];
        keys.extend(variants.iter().map(|v| name_key(v)));
        let more: Vec<String> = keys
            .iter()
            .filter_map(|k| k.strip_prefix("the ").map(str::to_string))
            .collect();
        keys.extend(more);
        keys.sort();
        keys.dedup();
        Named {
            name: name.to_string(),
            keys,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::officials::Gazetteer;

    fn kind(p: &str) -> Option<SpeakerKind> {
        Gazetteer::builtin().words.classify(p)
    }

    #[test]
    fn a_body_named_with_for_of_or_on_is_an_institution_unless_a_person_ends_it() {
        use SpeakerKind::*;
        for (p, k) in [
            ("the Center for Rural Water Rights", Some(Institution)),
            ("Project on Budget Oversight", Some(Institution)),
            ("the Initiative for Coastal Fisheries", Some(Institution)),
        ] {
            assert_eq!(kind(p), k, "{p}");
        }
        // A title, a possessive or a given name after the preposition: a person's name ends
        // the phrase (the resolver finds it).
        for p in [
            "Institute for Harbour Studies President Ann Cole",
            "Center for Civic Progress' Neera Cole",
            "Project on Budget Oversight Peter Holm",
        ] {
            assert_ne!(kind(p), Some(Institution), "{p}");
        }
        // Alone the word names no body: "the center" is an unnamed source at most.
        assert_ne!(kind("the center"), Some(Institution));
    }

    #[test]
    fn descriptions_get_their_kind() {
        use SpeakerKind::*;
        for (p, k) in [
            ("the official", Some(Anonymous)),
            ("a senior administration official", Some(Anonymous)),
            ("U.S. officials", Some(Anonymous)),
            ("sources familiar with the talks", Some(Anonymous)),
            ("the spokesman", Some(Anonymous)),
            ("the report", Some(Document)),
            ("a statement", Some(Document)),
            ("the Pentagon's report", Some(Document)),
            ("the poll", Some(Document)),
            ("Democrats", Some(Group)),
            ("experts", Some(Group)),
            ("43 percent", Some(Group)),
            ("42%", Some(Group)),
            ("Palestinians", Some(Group)),
            ("the newspaper", Some(Media)),
            ("state television", Some(Media)),
            ("the ministry", Some(Anonymous)),
            ("the Foreign Ministry", Some(Institution)),
            ("the Trump administration", Some(Institution)),
            ("the administration in May", Some(Anonymous)),
            ("Kim", Some(Person)),
            ("the Kentucky senator", Some(Anonymous)),
            (
                "chairman of the House Intelligence Committee",
                Some(Anonymous),
            ),
            ("the United States and China", Some(Group)),
            ("the 1993 Israel-Palestinian peace accords", Some(Document)),
            ("the Air Force", Some(Institution)),
            ("the National Counterterrorism Center", Some(Institution)),
            ("some", None),
            ("Others", None),
            ("many of them", None),
            ("many of whom", None),
            ("many of his supporters", Some(Group)),
            ("the woman", Some(Anonymous)),
            ("though Moscow", None),
            ("to the Senate", None),
            ("the former IG", Some(Anonymous)),
            ("former President Bill Clinton", Some(Person)),
            ("will North Korea", None),
            ("documents leaked by Snowden", Some(Document)),
            ("officials at the State Department", Some(Anonymous)),
        ] {
            assert_eq!(kind(p), k, "{p}");
        }
    }

    #[test]
    fn head_words() {
        assert_eq!(
            head_word("a senior official familiar with the talks"),
            "official"
        );
        assert_eq!(head_word("the head of the agency"), "head");
        assert_eq!(head_word("the Pentagon's report"), "report");
        assert_eq!(head_word("Iran's"), "iran");
    }
}
