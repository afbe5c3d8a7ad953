//! The records every layer speaks: articles in, statements out, filters for look-ups.

use serde::{Deserialize, Serialize};

/// How a statement reports speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// The official's own words, in quote marks.
    Direct,
    /// Reported speech with no quoted words.
    Indirect,
    /// Reported speech that carries quoted words.
    Mixed,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Direct => "direct",
            Kind::Indirect => "indirect",
            Kind::Mixed => "mixed",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        match s.trim().to_ascii_lowercase().as_str() {
            "direct" | "quote" | "d" => Some(Kind::Direct),
            "indirect" | "reported" | "i" => Some(Kind::Indirect),
            "mixed" | "m" => Some(Kind::Mixed),
            _ => None,
        }
    }
}

/// What kind of speaker a statement has (DESIGN.md "Statement record"): the Officials pane lists
/// people, institutions and countries; the other kinds are groups of their own.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord, Default,
)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    #[default]
    Person,
    /// A ministry, agency, party, company or NGO.
    Institution,
    /// A state speaking as such: "Russia", "Beijing".
    Country,
    /// An outlet reporting: "the New York Times reported".
    Media,
    /// "a senior official", "sources": kept as written, never given to a named person.
    Anonymous,
    /// "Democrats", "experts", "43 percent".
    Group,
    /// A report, statement, poll or letter.
    Document,
}

impl SpeakerKind {
    pub const ALL: [SpeakerKind; 7] = [
        SpeakerKind::Person,
        SpeakerKind::Institution,
        SpeakerKind::Country,
        SpeakerKind::Media,
        SpeakerKind::Anonymous,
        SpeakerKind::Group,
        SpeakerKind::Document,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerKind::Person => "person",
            SpeakerKind::Institution => "institution",
            SpeakerKind::Country => "country",
            SpeakerKind::Media => "media",
            SpeakerKind::Anonymous => "anonymous",
            SpeakerKind::Group => "group",
            SpeakerKind::Document => "document",
        }
    }

    pub fn parse(s: &str) -> Option<SpeakerKind> {
        SpeakerKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s.trim().to_ascii_lowercase())
    }

    /// People, institutions and countries: the officials proper, listed first.
    pub fn is_official(self) -> bool {
        matches!(
            self,
            SpeakerKind::Person | SpeakerKind::Institution | SpeakerKind::Country
        )
    }

    /// The heading of the Officials pane's group for the other kinds.
    pub fn group_label(self) -> &'static str {
        match self {
            SpeakerKind::Person | SpeakerKind::Institution | SpeakerKind::Country => "Officials",
            SpeakerKind::Media => "Media",
            SpeakerKind::Anonymous => "Unnamed sources",
            SpeakerKind::Group => "Groups",
            SpeakerKind::Document => "Documents",
        }
    }
}

/// One article as read from disk, before extraction. `text` is already decoded.
#[derive(Debug, Clone, Default)]
pub struct Article {
    /// Path of the file, with `#N` appended for the N-th record of a JSONL file.
    pub source: String,
    pub text: String,
    pub title: Option<String>,
    /// ISO date (YYYY-MM-DD) when the input states one.
    pub date: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    /// The fields came from a JSON record: the text is the story alone, with no header or
    /// timestamp lines, so a date line in it is part of the story and never dates it.
    pub from_record: bool,
    /// What identifies the text wherever it is stored, when the file position does not: a web
    /// archive record's URL and payload digest. Statement ids hash it in place of the file
    /// name, so a page keeps its ids in any archive and at any place in it.
    pub record_key: Option<String>,
}

impl Article {
    /// Title, outlet and URL as one line each, as every input kind should give them: escape
    /// sequences, controls and bidi or zero-width characters dropped, runs of white space
    /// (newlines included) one space, and an empty field no field. Found by fuzzing the
    /// readers: a JSONL title can hold a whole paragraph, line breaks and all.
    pub fn with_tidy_metadata(mut self) -> Article {
        let tidy = |f: Option<String>| {
            f.and_then(|s| {
                let one = crate::sanitize::for_terminal(&s)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                (!one.is_empty()).then_some(one)
            })
        };
        self.title = tidy(self.title);
        self.outlet = tidy(self.outlet);
        self.url = tidy(self.url);
        self
    }
}

/// One statement an official made, as every command prints it (DESIGN.md "Statement record").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    pub id: String,
    pub speaker: String,
    #[serde(default)]
    pub speaker_kind: SpeakerKind,
    pub speaker_title: Option<String>,
    pub affiliation: Option<String>,
    pub kind: Kind,
    pub text: String,
    pub cue: String,
    pub topics: Vec<String>,
    pub date: Option<String>,
    pub outlet: Option<String>,
    pub title: Option<String>,
    /// The article's address when the input gives it.
    #[serde(default)]
    pub url: Option<String>,
    pub source: String,
    pub paragraph: String,
    #[serde(default)]
    pub also_reported_by: Vec<String>,
}

/// Reporting verbs that take a "that" clause: reported speech after them reads "… that …".
const CLAUSE_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "added",
    "adds",
    "noted",
    "notes",
    "stressed",
    "stresses",
    "warned",
    "warns",
    "insisted",
    "insists",
    "argued",
    "argues",
    "claimed",
    "claims",
    "believes",
    "believed",
    "believe",
    "suggested",
    "suggests",
    "wrote",
    "writes",
    "explained",
    "explains",
    "announced",
    "announces",
    "confirmed",
    "confirms",
    "reported",
    "reports",
    "asserted",
    "acknowledged",
    "admitted",
    "predicted",
    "declared",
    "emphasized",
    "emphasised",
    "recalled",
    "remarked",
    "observed",
    "agreed",
    "thinks",
    "thought",
    "hopes",
    "hoped",
    "expects",
    "expected",
    "estimated",
    "concluded",
    "denied",
    "maintained",
    "contended",
    "testified",
    "tweeted",
    "posted",
    "indicated",
    "revealed",
    "replied",
    "responded",
    "answered",
    "complained",
    "conceded",
    "stated",
    "states",
    "said on",
    "mentioned",
    "pointed out",
    "reiterated",
    "underlined",
    "underscored",
    "signaled",
    "signalled",
    "hinted",
    "alleged",
    "alleges",
    "feared",
    "fears",
    "worried",
    "promised",
    "vowed",
    "pledged",
    "assured",
    "announced",
    "disclosed",
    "explained",
    "reckoned",
    "felt",
    "feels",
    "knew",
    "know",
    "knows",
];

impl Statement {
    /// The statement as the article reports it, for any output: a direct quotation in
    /// quotation marks; reported speech without them, after its cue ("suggested that …"),
    /// so quotation marks surround only words the article quotes. A mixed statement keeps
    /// the marks of its quoted part.
    pub fn reported(&self) -> String {
        match self.kind {
            Kind::Direct => format!("“{}”", self.text),
            _ => {
                let cue = self.cue.trim();
                let lower = cue.to_lowercase();
                if cue.is_empty() || self.text.starts_with(cue) {
                    // A speech act recorded with its verb: "panned U.S. suggestions …".
                    self.text.clone()
                } else if lower.starts_with("according") {
                    self.text.clone()
                } else if lower.ends_with("ing")
                    || matches!(lower.as_str(), "told" | "tells" | "informed" | "assured")
                {
                    // The listener is not part of the statement: "said that …".
                    format!("said that {}", clause_case(&self.text))
                } else if CLAUSE_VERBS.contains(&lower.as_str()) {
                    format!("{cue} that {}", clause_case(&self.text))
                } else {
                    // "blamed", "accused": the text is the verb's object, and no "that" the
                    // article did not write.
                    format!("{lower} {}", self.text)
                }
            }
        }
    }

    /// "John Kerry suggested that …", "“…” — John Kerry": who said it and what, as a sentence
    /// a citation can use.
    pub fn attributed(&self) -> String {
        match self.kind {
            Kind::Direct => format!("“{}” — {}", self.text, self.speaker),
            _ if self.cue.to_lowercase().starts_with("according") => {
                format!("According to {}, {}", self.speaker, self.text)
            }
            _ => format!("{} {}", self.speaker, self.reported()),
        }
    }

    /// One JSON line. Beyond JSON's own escaping, C1 controls and bidi/zero-width format
    /// characters are written as `\uXXXX`, so piping `--json` to a terminal is safe too.
    pub fn to_json_line(&self) -> String {
        escape_json_specials_owned(serde_json::to_string(self).unwrap_or_default())
    }
}

/// A reported clause after "that" starts in lower case when its first word is a function
/// word ("said that With the …" reads "said that with the …"); names keep their capital.
fn clause_case(text: &str) -> String {
    const FUNCTION_WORDS: &[&str] = &[
        "The", "A", "An", "With", "In", "On", "At", "For", "This", "That", "These", "Those", "It",
        "There", "We", "They", "Our", "Their", "His", "Her", "Its", "If", "When", "As", "But",
        "And", "So", "Some", "Many", "Most", "All", "No", "Not", "Both", "After", "Before",
        "Since", "While", "Although", "Because", "He", "She", "You", "Your", "My", "Any", "Every",
        "Each", "Such", "What", "How", "Why", "Where", "Who", "One", "Two",
    ];
    match text.split_once(' ') {
        Some((first, rest)) if FUNCTION_WORDS.contains(&first) => {
            format!("{} {rest}", first.to_lowercase())
        }
        _ => text.to_string(),
    }
}

/// Rewrites characters that terminals may act on as `\uXXXX` escapes inside JSON text.
pub fn escape_json_specials(json: &str) -> String {
    escape_json_specials_owned(json.to_string())
}

/// As `escape_json_specials`, returning the text itself when nothing needs escaping (the
/// common case, decided from the bytes: every such character's UTF-8 form starts with C2, E2
/// or EF).
pub fn escape_json_specials_owned(json: String) -> String {
    if !has_risky_bytes(json.as_bytes()) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if risky(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// C1 controls, zero-width and bidirectional formatting characters, the byte-order mark.
fn risky(c: char) -> bool {
    matches!(c, '\u{80}'..='\u{9f}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{feff}')
}

/// Whether UTF-8 text holds one of the characters `escape_json_specials_owned` escapes, read
/// from the bytes: C2 80–9F, E2 80 8B–8F, E2 80 AA–AE, E2 81 A0–A9, EF BB BF. Curly quotes and
/// dashes (E2 80 9x) are the common near-misses.
fn has_risky_bytes(b: &[u8]) -> bool {
    memchr::memchr3_iter(0xC2, 0xE2, 0xEF, b).any(|i| {
        let next = |k: usize| b.get(i + k).copied().unwrap_or(0);
        matches!(
            (b[i], next(1), next(2)),
            (0xC2, 0x80..=0x9F, _)
                | (0xE2, 0x80, 0x8B..=0x8F | 0xAA..=0xAE)
                | (0xE2, 0x81, 0xA0..=0xA9)
                | (0xEF, 0xBB, 0xBF)
        )
    })
}

/// What a look-up asks for; every field narrows the result.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub query: String,
    pub official: Option<String>,
    pub topic: Option<String>,
    /// A second topic the statements must also have: the tree's topic row under a topic
    /// filter ("sanctions", then "relations" under an official) narrows, never replaces.
    pub also_topic: Option<String>,
    pub outlet: Option<String>,
    pub kind: Option<Kind>,
    /// Statements of one kind of speaker (the Officials pane's "Unnamed sources" and others).
    pub speaker_kind: Option<SpeakerKind>,
    /// Inclusive lower bound, YYYY-MM-DD.
    pub since: Option<String>,
    /// Inclusive upper bound, YYYY-MM-DD.
    pub until: Option<String>,
    /// Only these statements, by id (the browser's "Marked" group).
    pub ids: Option<Vec<String>>,
    /// Collapse the same statement reported by several outlets (a view setting, not a filter).
    pub dedup: bool,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        self.query.trim().is_empty()
            && self.official.is_none()
            && self.topic.is_none()
            && self.also_topic.is_none()
            && self.outlet.is_none()
            && self.kind.is_none()
            && self.speaker_kind.is_none()
            && self.since.is_none()
            && self.until.is_none()
            && self.ids.is_none()
    }

    /// A short human description of the active filters, for status bars.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if !self.query.trim().is_empty() {
            parts.push(format!("\"{}\"", self.query.trim()));
        }
        if let Some(o) = &self.official {
            parts.push(format!("official:{o}"));
        }
        if let Some(t) = &self.topic {
            parts.push(format!("topic:{t}"));
        }
        if let Some(t) = &self.also_topic {
            parts.push(format!("topic:{t}"));
        }
        if let Some(o) = &self.outlet {
            parts.push(format!("outlet:{o}"));
        }
        if let Some(k) = self.kind {
            parts.push(format!("kind:{}", k.as_str()));
        }
        if let Some(k) = self.speaker_kind {
            parts.push(format!("speakers:{}", k.group_label()));
        }
        if let Some(s) = &self.since {
            parts.push(format!("since:{s}"));
        }
        if let Some(u) = &self.until {
            parts.push(format!("until:{u}"));
        }
        if let Some(ids) = &self.ids {
            parts.push(format!("marked:{}", ids.len()));
        }
        if self.dedup {
            parts.push("repeats collapsed".into());
        }
        parts.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn st(kind: Kind, cue: &str, text: &str) -> Statement {
        Statement {
            id: String::new(),
            speaker: "Sergey Lavrov".into(),
            speaker_kind: SpeakerKind::Person,
            speaker_title: None,
            affiliation: None,
            kind,
            text: text.into(),
            cue: cue.into(),
            topics: Vec::new(),
            date: None,
            outlet: None,
            title: None,
            url: None,
            source: String::new(),
            paragraph: String::new(),
            also_reported_by: Vec::new(),
        }
    }

    #[test]
    fn risky_characters_are_found_from_their_bytes_alone() {
        // Every character up to U+3000 and around the byte-order mark: the byte test agrees
        // with the character test, so curly quotes and dashes are never escaped.
        for c in (0x20u32..0x3000)
            .chain(0xFE00..0xFFFF)
            .filter_map(char::from_u32)
        {
            let text = format!("a{c}b");
            assert_eq!(
                has_risky_bytes(text.as_bytes()),
                risky(c),
                "U+{:04X}",
                c as u32
            );
        }
        assert_eq!(escape_json_specials("x\u{202e}y “z”"), "x\\u202ey “z”");
        assert_eq!(escape_json_specials("plain — “quoted”"), "plain — “quoted”");
    }

    #[test]
    fn reported_speech_reads_as_a_sentence() {
        assert_eq!(
            st(
                Kind::Indirect,
                "said",
                "With the talks over, both sides will rest"
            )
            .attributed(),
            "Sergey Lavrov said that with the talks over, both sides will rest"
        );
        assert_eq!(
            st(Kind::Indirect, "said", "Washington was wrong").attributed(),
            "Sergey Lavrov said that Washington was wrong"
        );
        assert_eq!(
            st(Kind::Indirect, "accused", "Washington of playing games").attributed(),
            "Sergey Lavrov accused Washington of playing games"
        );
        assert_eq!(
            st(Kind::Indirect, "told", "The talks were useful").attributed(),
            "Sergey Lavrov said that the talks were useful"
        );
        assert_eq!(
            st(Kind::Direct, "said", "We are ready").attributed(),
            "“We are ready” — Sergey Lavrov"
        );
    }
}
