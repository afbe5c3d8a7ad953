//! Attribution: inside one sentence unit, find the cue ("said", "according to"), the speaker
//! phrase and the content, and say whether the content is quoted, reported or mixed.

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::model::Kind;

// Word lists as sets: every word of every sentence is looked up in them.
static VERB_CUES_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    VERB_CUES
        .iter()
        .chain(BELIEF_CUES)
        .chain(OBJECT_CUES)
        .copied()
        .collect()
});
static ROLE_WORDS_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| ROLE_WORDS.iter().copied().collect());
static CLAUSE_ONLY_CUES_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    CLAUSE_ONLY_CUES
        .iter()
        .chain(BELIEF_CUES)
        .filter(|c| !OBJECT_CUES.contains(c))
        .copied()
        .collect()
});
static PARTICIPLE_CUES_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| PARTICIPLE_CUES.iter().copied().collect());
static PHRASE_GLUE_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| PHRASE_GLUE.iter().copied().collect());
static AUX_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| AUX.iter().copied().collect());

use super::text::{Word, is_capitalized, is_close_quote, is_dash, is_open_quote, words};

/// Reporting verbs in their finite forms. Multi-word cues are listed in `PHRASE_CUES`.
const VERB_CUES: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "stressed",
    "stresses",
    "noted",
    "notes",
    "underlined",
    "underscored",
    "emphasized",
    "emphasised",
    "emphasizes",
    "emphasises",
    "explained",
    "explains",
    "recalled",
    "recalls",
    "announced",
    "announces",
    "warned",
    "warns",
    "insisted",
    "insists",
    "claimed",
    "claims",
    "argued",
    "argues",
    "acknowledged",
    "acknowledges",
    "admitted",
    "admits",
    "declared",
    "declares",
    "stated",
    "assured",
    "assures",
    "asserted",
    "asserts",
    "confirmed",
    "confirms",
    "concluded",
    "concludes",
    "remarked",
    "observed",
    "commented",
    "replied",
    "responded",
    "wrote",
    "writes",
    "tweeted",
    "tweets",
    "maintained",
    "maintains",
    "contended",
    "suggested",
    "suggests",
    "complained",
    "cautioned",
    "predicted",
    "predicts",
    "urged",
    "urges",
    "vowed",
    "vows",
    "promised",
    "reiterated",
    "reiterates",
    "denied",
    "denies",
    "conceded",
    "countered",
    "revealed",
    "disclosed",
    "indicated",
    "indicates",
    "continued",
    "asked",
    "asks",
    "boasted",
    "mentioned",
    "alleged",
    "alleges",
    "reported",
    "reports",
    "charged",
    "quipped",
    "lamented",
    "agreed",
    "believes",
    "thinks",
    "recounted",
    "testified",
    "estimated",
    "informed",
    "assessed",
];

/// Verbs that report speech only with a clause or quotation after them ("confirmed that …"),
/// not with a plain object ("confirmed its interest").
const CLAUSE_ONLY_CUES: &[&str] = &[
    "confirmed",
    "confirms",
    "denied",
    "denies",
    "agreed",
    "indicated",
    "indicates",
    "revealed",
    "disclosed",
    "mentioned",
    "continued",
    "asked",
    "asks",
    "believes",
    "thinks",
    "estimated",
    "informed",
    "assessed",
    "reported",
    "reports",
    "alleged",
    "alleges",
    "charged",
    "promised",
    "vowed",
    "vows",
    "urged",
    "urges",
    "predicted",
    "predicts",
    "suggested",
    "suggests",
    "acknowledged",
    "acknowledges",
    "admitted",
    "admits",
    "claimed",
    "claims",
    "announced",
    "announces",
    "revealed",
    "recalled",
    "recalls",
    "wrote",
    "writes",
    "observed",
    "maintained",
    "maintains",
    "complained",
    "cautioned",
    "conceded",
    "agreed",
    "testified",
    "recounted",
];

/// Verbs of belief, expectation and the plural present of reporting verbs: statements only
/// with a clause after them ("believes that …", "officials argue that …").
const BELIEF_CUES: &[&str] = &[
    "believe",
    "believed",
    "think",
    "thought",
    "hope",
    "hopes",
    "hoped",
    "expect",
    "expects",
    "expected",
    "fear",
    "fears",
    "feared",
    "worry",
    "worries",
    "worried",
    "doubt",
    "doubts",
    "doubted",
    "argue",
    "warn",
    "claim",
    "insist",
    "contend",
    "contends",
    "acknowledge",
    "agree",
    "predict",
    "suggest",
    "note",
    "stress",
    "emphasize",
    "maintain",
    "concede",
    "complain",
    "announce",
    "confirm",
    "deny",
    "admit",
    "recall",
    "explain",
    "add",
    "declare",
    "assert",
    "found",
    "finds",
    "find",
    "show",
    "shows",
    "showed",
    "shown",
    "indicate",
    "estimate",
    "estimates",
    "projected",
    "projects",
    "reckons",
    "reckoned",
    "figured",
    "figures",
    "feel",
    "feels",
    "felt",
    "knew",
    "knows",
    "realized",
    "realizes",
    "understood",
    "understands",
    "conceded",
    "speculated",
    "speculates",
    "theorized",
    "guessed",
    "guesses",
    "hinted",
    "hints",
    "signaled",
    "signalled",
    "signals",
    "implied",
    "implies",
    "wondered",
    "wonders",
    "recommended",
    "recommends",
    "declined",
    "ruled",
    "decided",
    "decides",
    "determined",
    "clarified",
    "stipulated",
    "posited",
    "joked",
    "jokes",
    "bragged",
    "brags",
    "boasts",
    "complains",
    "pleaded",
    "pointed",
    "shouted",
    "yelled",
    "whispered",
    "screamed",
];

/// Speech acts whose object is what was said: "criticized the ruling", "announced his run",
/// "called the decision “arbitrary”".
const OBJECT_CUES: &[&str] = &[
    "criticized",
    "criticizes",
    "criticised",
    "praised",
    "praises",
    "accused",
    "accuses",
    "condemned",
    "condemns",
    "denounced",
    "denounces",
    "defended",
    "defends",
    "endorsed",
    "endorses",
    "rejected",
    "rejects",
    "dismissed",
    "dismisses",
    "blamed",
    "blames",
    "questioned",
    "questions",
    "welcomed",
    "welcomes",
    "touted",
    "touts",
    "demanded",
    "demands",
    "proposed",
    "proposes",
    "pledged",
    "pledges",
    "blasted",
    "blasts",
    "slammed",
    "slams",
    "mocked",
    "mocks",
    "decried",
    "decries",
    "lambasted",
    "hailed",
    "hails",
    "applauded",
    "described",
    "describes",
    "called",
    "calls",
    "announced",
    "announces",
    "denied",
    "denies",
    "promised",
    "promises",
    "vowed",
    "vows",
    "urged",
    "urges",
    "predicted",
    "predicts",
    "suggested",
    "suggests",
    "acknowledged",
    "acknowledges",
    "admitted",
    "admits",
    "revealed",
    "disclosed",
    "confirmed",
    "confirms",
    "warned",
    "warns",
    "disputed",
    "disputes",
    "challenged",
    "challenges",
    "opposed",
    "opposes",
    "supported",
    "supports",
    "backed",
    "backs",
    "threatened",
    "threatens",
    "ridiculed",
    "derided",
    "assailed",
    "castigated",
    "chided",
    "scolded",
    "berated",
    "excoriated",
    "rebuked",
    "faulted",
    "faults",
    "knocked",
    "panned",
    "labeled",
    "labelled",
    "dubbed",
    "branded",
    "characterized",
    "characterizes",
    "portrayed",
    "portrays",
    "recounted",
    "invoked",
    "cited",
    "cites",
    "referenced",
    "highlighted",
    "highlights",
    "stressed",
    "emphasized",
    "outlined",
    "outlines",
    "unveiled",
    "detailed",
    "pitched",
    "floated",
    "promoted",
    "promotes",
    "championed",
    "advocated",
    "advocates",
    "lauded",
    "commended",
    "credited",
    "thanked",
    "apologized",
    "conceded",
    "expressed",
    "expresses",
    "voiced",
    "reiterated",
    "repeated",
    "echoed",
    "asked",
    "asks",
];

/// Participles that report speech after a main clause: "…, warning that …".
const PARTICIPLE_CUES: &[&str] = &[
    "saying",
    "adding",
    "warning",
    "noting",
    "stressing",
    "arguing",
    "insisting",
    "claiming",
    "explaining",
    "stating",
    "emphasizing",
    "emphasising",
    "declaring",
    "asserting",
];

/// Multi-word cues, matched before single words.
const PHRASE_CUES: &[&[&str]] = &[
    &["pointed", "out"],
    &["points", "out"],
    &["expressed", "hope"],
    &["expressed", "confidence"],
    &["expressed", "concern"],
    &["made", "clear"],
    &["went", "on"],
    &["according", "to"],
    &["as", "noted", "by"],
    &["as", "stated", "by"],
    &["in", "the", "words", "of"],
];

/// Words that may make up a speaker phrase besides capitalised words: titles, roles, modifiers.
const ROLE_WORDS: &[&str] = &[
    "deputy",
    "foreign",
    "minister",
    "ministry",
    "secretary",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "spokespeople",
    "press",
    "diplomat",
    "diplomats",
    "official",
    "officials",
    "senior",
    "high-ranking",
    "top",
    "chief",
    "head",
    "former",
    "acting",
    "vice",
    "assistant",
    "under",
    "state",
    "defense",
    "defence",
    "prime",
    "president",
    "presidential",
    "ambassador",
    "envoy",
    "representative",
    "representatives",
    "senator",
    "lawmaker",
    "lawmakers",
    "congressman",
    "congresswoman",
    "governor",
    "mayor",
    "leader",
    "leaders",
    "aide",
    "aides",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "director",
    "chairman",
    "chairwoman",
    "chair",
    "commander",
    "general",
    "analyst",
    "analysts",
    "expert",
    "experts",
    "source",
    "sources",
    "member",
    "members",
    "administration",
    "department",
    "office",
    "campaign",
    "negotiator",
    "counterpart",
    "white",
    "house",
    "national",
    "security",
    "council",
    "intelligence",
    "military",
    "government",
    "committee",
    "party",
    "republican",
    "democratic",
    "candidate",
    "nominee",
    "executive",
    "staff",
    "officer",
    "officers",
    "authorities",
    "agency",
    "service",
    "prosecutor",
    "prosecutors",
    "judge",
    "attorney",
    "lawyer",
    "lawyers",
    "russian",
    "american",
    "permanent",
    "ministers",
    "politician",
    "chancellor",
    "premier",
    "speaker",
    "majority",
    "minority",
    "whip",
    "strategist",
    "pollster",
    "economist",
    "economists",
    "researcher",
    "researchers",
    "scientist",
    "professor",
    "spokesmen",
    "high-level",
    "administration's",
    "people",
    "person",
    "insider",
    "insiders",
    "observers",
    "critics",
    "supporters",
    "voters",
    "residents",
    "witnesses",
    "investigators",
    "police",
    "statement",
    "report",
    "study",
    "poll",
    "survey",
    "group",
    "organization",
    "organisation",
    "association",
    "union",
    "company",
    "firm",
    "spokesperson's",
    "u.s.",
    "us",
    "un",
    "eu",
    "federal",
    "local",
    "regional",
    "republicans",
    "democrats",
    "team",
    "mission",
    "delegation",
    "delegate",
    "lieutenant",
    "first",
    "second",
    "associate",
    "special",
    "high",
    "ranking",
    "outgoing",
    "incoming",
    "current",
    "new",
    "longtime",
    "veteran",
    "fellow",
    "top-ranking",
    "unnamed",
    "anonymous",
    "several",
    "percent",
    "respondents",
    "majority",
    "two",
    "three",
    "many",
    "some",
    "other",
    "independent",
    "legal",
    "defense's",
];

/// Function words allowed inside a speaker phrase ("the head of the ministry").
const PHRASE_GLUE: &[&str] = &[
    "the", "of", "for", "a", "an", "and", "on", "to", "in", "at", "his", "her", "its", "their",
];

/// Capitalised words that start clauses, not names: the backward scan stops before them.
const CAPITAL_STOPS: &[&str] = &[
    "But",
    "And",
    "Or",
    "So",
    "Yet",
    "Meanwhile",
    "However",
    "Today",
    "Yesterday",
    "Tomorrow",
    "On",
    "In",
    "At",
    "After",
    "Before",
    "When",
    "While",
    "Earlier",
    "Later",
    "Also",
    "Still",
    "Now",
    "Then",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "There",
    "Here",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "As",
    "If",
    "Since",
    "During",
    "Following",
    "Speaking",
    "Asked",
    "Instead",
    "Indeed",
    "Moreover",
    "Furthermore",
    "Last",
    "Thus",
    "Finally",
    "Separately",
    "Previously",
    "Recently",
    "Because",
    "Although",
    "Though",
    "Talking",
    "Commenting",
    "According",
    "Why",
    "What",
    "How",
    "Who",
    "Where",
    "Which",
    "MORE",
    "Their",
    "His",
    "Her",
    "Its",
    "Our",
    "My",
    "Your",
    "Such",
    "Every",
    "Each",
    "Any",
    "No",
];

/// Heads of time adjuncts: "on Monday", "last week", "earlier this month".
const TIME_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "week",
    "month",
    "year",
    "night",
    "morning",
    "afternoon",
    "evening",
    "weekend",
    "time",
];

pub const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "they", "we", "i", "it"];

/// Words between the subject and the cue that do not break the link ("has also said").
const AUX: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "later",
    "then",
    "previously",
    "repeatedly",
    "once",
    "again",
    "further",
    "reportedly",
    "publicly",
    "recently",
    "first",
    "himself",
    "herself",
    "too",
    "already",
    "earlier",
    "even",
    "similarly",
    "likewise",
    "separately",
    "subsequently",
    "privately",
    "openly",
    "flatly",
    "firmly",
    "strongly",
    "clearly",
    "explicitly",
    "often",
    "frequently",
    "would",
    "will",
    "had",
    "recently",
    "specifically",
];

/// Words that, right before a subject, make it a relative clause ("the deal that Lavrov said").
const RELATIVIZERS: &[&str] = &[
    "that", "which", "who", "whom", "what", "as", "how", "if", "whether", "when", "where", "than",
    "why", "because", "so", "whose",
];

/// Words after a cue that start an adjunct, not content: "said on Tuesday", "told Sputnik in".
const ADJUNCT_STARTS: &[&str] = &[
    "of",
    "about",
    "directly",
    "on",
    "in",
    "at",
    "during",
    "while",
    "after",
    "before",
    "when",
    "ahead",
    "following",
    "last",
    "this",
    "earlier",
    "yesterday",
    "today",
    "tonight",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "late",
    "early",
    "from",
    "via",
    "by",
    "through",
    "recently",
    "again",
    "previously",
    "later",
    "as",
    "over",
    "to",
    "then",
    "with",
    "according",
    "afterward",
    "afterwards",
    "shortly",
    "without",
    "under",
    "outside",
    "inside",
    "here",
    "there",
    "too",
    "also",
];

/// Recipients of "told": "told Sputnik", "told reporters", "told the newspaper".
const RECIPIENT_WORDS: &[&str] = &[
    "reporters",
    "journalists",
    "media",
    "newspaper",
    "agency",
    "broadcaster",
    "channel",
    "radio",
    "television",
    "network",
    "him",
    "her",
    "them",
    "us",
    "me",
    "lawmakers",
    "audience",
    "crowd",
    "students",
    "supporters",
    "the",
    "a",
    "an",
    "news",
    "press",
    "conference",
    "interviewer",
    "host",
    "correspondent",
    "paper",
    "magazine",
    "outlet",
    "daily",
    "senators",
    "congress",
    "parliament",
    "members",
    "delegates",
    "participants",
    "guests",
    "viewers",
    "readers",
    "listeners",
    "committee",
    "panel",
    "in",
    "an",
    "interview",
    "with",
    "tv",
    "station",
];

/// One attributed statement found in a unit. Ranges are byte offsets into the paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Content ranges; none for "X says:" ending a paragraph, whose words follow in the next.
    pub pieces: Vec<(usize, usize)>,
    /// The speaker phrase as a range, or `None` for "the speaker of the quote this continues".
    pub speaker: Option<(usize, usize)>,
    pub cue: String,
    pub kind: Kind,
    /// The content is the object of a speech act ("panned U.S. suggestions that …"), not the
    /// speaker's words: it is recorded with its verb, never shown as what was said.
    pub object: bool,
}

struct Ctx<'a> {
    par: &'a str,
    unit: (usize, usize),
    spans: &'a [(usize, usize)],
    words: Vec<Word<'a>>,
    /// The words in lower case, computed once per unit.
    lowers: Vec<String>,
}

impl<'a> Ctx<'a> {
    fn in_quote(&self, pos: usize) -> bool {
        self.spans.iter().any(|&(s, e)| s <= pos && pos < e)
    }

    fn lower(&self, i: usize) -> &String {
        &self.lowers[i]
    }

    /// True when word `k` starts a clause: the unit's start, or right after a comma, a closing
    /// quotation mark or a dash.
    fn opens_clause(&self, k: usize) -> bool {
        if k == 0 {
            return self.words.first().is_some_and(|w| w.start == self.unit.0);
        }
        let gap = self.gap(k - 1, k).trim();
        gap.ends_with([',', '"', '”']) || gap.chars().last().is_some_and(is_dash)
    }

    /// Text between word `a`'s end and word `b`'s start.
    fn gap(&self, a: usize, b: usize) -> &'a str {
        match (self.words.get(a), self.words.get(b)) {
            (Some(x), Some(y)) if x.end <= y.start => &self.par[x.end..y.start],
            _ => "",
        }
    }
}

/// Finds the statement of one sentence unit, if it has one.
pub fn find(par: &str, unit: (usize, usize), spans: &[(usize, usize)]) -> Option<Found> {
    find_all(par, unit, spans).into_iter().next()
}

impl Found {
    /// True when byte `pos` lies in the content or the speaker phrase.
    fn covers(&self, pos: usize) -> bool {
        self.pieces.iter().any(|&(s, e)| s <= pos && pos < e)
            || self.speaker.is_some_and(|(s, e)| s <= pos && pos < e)
    }

    fn overlaps(&self, other: &Found) -> bool {
        other
            .pieces
            .iter()
            .any(|&(s, e)| self.pieces.iter().any(|&(a, b)| a < e && s < b))
    }
}

/// Every statement of one sentence unit, in order: "…,” said Ann Lee, who said she …" has
/// two. Later cues inside an earlier statement's words are part of it, not new statements.
pub fn find_all(par: &str, unit: (usize, usize), spans: &[(usize, usize)]) -> Vec<Found> {
    let unit_words: Vec<Word> = words(&par[unit.0..unit.1])
        .into_iter()
        .map(|w| Word {
            text: w.text,
            start: w.start + unit.0,
            end: w.end + unit.0,
        })
        .collect();
    let unit_spans: Vec<(usize, usize)> = spans
        .iter()
        .filter(|&&(s, e)| s < unit.1 && e > unit.0)
        .map(|&(s, e)| (s.max(unit.0), e.min(unit.1)))
        .collect();
    let lowers = unit_words.iter().map(|w| w.text.to_lowercase()).collect();
    let cx = Ctx {
        par,
        unit,
        spans: &unit_spans,
        words: unit_words,
        lowers,
    };
    // A speech act with a plain object ("rejected the report") gives way to a later cue with
    // a clause or quotation in the same sentence (", warning that …").
    let mut weak = None;
    let mut out: Vec<Found> = Vec::new();
    for i in 0..cx.words.len() {
        let pos = cx.words[i].start;
        if cx.in_quote(pos) || out.iter().any(|f| f.covers(pos)) {
            continue;
        }
        if let Some(found) = try_cue(&cx, i) {
            if out.iter().any(|f| f.overlaps(&found)) {
                continue;
            }
            if is_weak(&cx, &found) {
                weak.get_or_insert(found);
            } else {
                out.push(found);
            }
        }
    }
    if out.is_empty() {
        out.extend(weak.map(|mut f| {
            f.object = true;
            f
        }));
    }
    if out.is_empty() {
        out.extend(transcript_line(&cx));
    }
    // A unit that is one quotation may carry its attribution inside ("…, Lavrov said. – …").
    if out.is_empty()
        && let Some(&(qs, qe)) = cx.spans.first()
        && cx.spans.len() == 1
        && narrative_words(&cx) == 0
    {
        out.extend(embedded(&cx, (qs, qe)));
    }
    out
}

/// Labels that end in a colon without naming a speaker.
const NOT_SPEAKER_LABELS: &[&str] = &[
    "q",
    "a",
    "poll",
    "update",
    "note",
    "correction",
    "photo",
    "source",
    "related",
    "watch",
    "read",
    "editor",
    "editors",
    "advertisement",
    "video",
    "listen",
    "see",
    "also",
    "more",
    "breaking",
    "exclusive",
    "opinion",
    "analysis",
    "subscribe",
    "sign",
    "follow",
    "share",
    "click",
    "tags",
    "filed",
    "posted",
    "image",
    "credit",
    "caption",
    "transcript",
    "question",
    "answer",
    "disclosure",
    "disclaimer",
    "warning",
    "reminder",
    "bottom",
    "the",
    "this",
];

/// "TAPPER: Do you think …" — a transcript line: a short name, a colon and a sentence.
fn transcript_line(cx: &Ctx) -> Option<Found> {
    let first = cx.words.first()?;
    if first.start != cx.unit.0 || cx.in_quote(first.start) {
        return None;
    }
    let colon = (0..cx.words.len().min(4)).find(|&k| {
        cx.par[cx.words[k].end..cx.words.get(k + 1).map_or(cx.unit.1, |w| w.start)]
            .trim()
            .starts_with(':')
    })?;
    let name = &cx.words[..=colon];
    let plain_gaps = (1..=colon).all(|k| cx.gap(k - 1, k).trim().is_empty());
    if !plain_gaps
        || !name.iter().all(|w| is_capitalized(w.text))
        || name.iter().any(|w| {
            CAPITAL_STOPS.contains(&w.text)
                || NOT_SPEAKER_LABELS.contains(
                    &w.text
                        .to_lowercase()
                        .trim_end_matches("'s")
                        .trim_end_matches("’s"),
                )
        })
    {
        return None;
    }
    let start = cx.par[name[colon].end..cx.unit.1].find(':')? + name[colon].end + 1;
    let rest = cx.par[start..cx.unit.1].trim_end();
    if word_count(rest) < 6 || !rest.ends_with(['.', '?', '!', '"', '”']) {
        return None;
    }
    finish(
        cx,
        vec![(start, cx.unit.1)],
        (first.start, name[colon].end),
        "said",
    )
    .map(|mut f| {
        f.kind = Kind::Direct;
        f
    })
}

/// An object of a speech-act verb, neither a clause nor a quotation.
fn is_weak(cx: &Ctx, f: &Found) -> bool {
    let Some(&(s, _)) = f.pieces.first() else {
        return false;
    };
    let before = cx.par[cx.unit.0..s].trim_end();
    OBJECT_CUES.contains(&f.cue.as_str())
        && f.kind == Kind::Indirect
        && !before.ends_with(" that")
        && !before.ends_with(':')
}

fn narrative_words(cx: &Ctx) -> usize {
    cx.words.iter().filter(|w| !cx.in_quote(w.start)).count()
}

/// Length in words of the cue starting at word `i`, and the cue text.
fn cue_at(cx: &Ctx, i: usize) -> Option<(usize, String)> {
    let w = cx.lower(i);
    for phrase in PHRASE_CUES {
        if i + phrase.len() <= cx.words.len()
            && phrase
                .iter()
                .enumerate()
                .all(|(k, p)| cx.lower(i + k) == *p)
            && (1..phrase.len()).all(|k| cx.gap(i + k - 1, i + k).trim().is_empty())
        {
            return Some((phrase.len(), phrase.join(" ")));
        }
    }
    // A cue is a lower-case verb: "the United States" is not "states".
    if is_capitalized(cx.words[i].text) && i > 0 {
        return None;
    }
    if VERB_CUES_SET.contains(w.as_str()) {
        // Passive or infinitive forms are not attributions: "was told", "to say"; after a
        // determiner or preposition the word is a noun: "the constant sowing of doubt".
        if i > 0
            && matches!(
                cx.lower(i - 1).as_str(),
                "was"
                    | "were"
                    | "been"
                    | "being"
                    | "is"
                    | "are"
                    | "be"
                    | "to"
                    | "the"
                    | "a"
                    | "an"
                    | "of"
                    | "his"
                    | "her"
                    | "their"
                    | "its"
                    | "our"
                    | "my"
                    | "your"
                    | "this"
                    | "these"
                    | "those"
                    | "no"
                    | "any"
                    | "with"
                    | "for"
                    | "in"
                    | "on"
                    | "by"
                    | "from"
                    | "public"
                    | "security"
                    | "new"
            )
        {
            return None;
        }
        return Some((1, w.clone()));
    }
    if (w == "cited" || w == "quoted") && i + 1 < cx.words.len() {
        return Some((1, w.clone()));
    }
    // ", saying that …": the subject of the main clause speaks.
    if PARTICIPLE_CUES_SET.contains(w.as_str())
        && i > 0
        && matches!(cx.gap(i - 1, i).trim(), "," | ",”" | ",\"" | "”," | "\",")
    {
        return Some((1, w.clone()));
    }
    None
}

fn try_cue(cx: &Ctx, i: usize) -> Option<Found> {
    let (len, cue) = cue_at(cx, i)?;
    let cue_start = cx.words[i].start;
    match cue.as_str() {
        "according to" | "as noted by" | "as stated by" | "in the words of" => {
            prepositional(cx, i, len, &cue)
        }
        "cited" | "quoted" => cited(cx, i, &cue),
        c if PARTICIPLE_CUES_SET.contains(c) => participle(cx, i, &cue),
        _ => verbal(cx, i, cue_start, &cue),
    }
}

/// Speaker phrase ending right before word `end_word` (exclusive), scanning backwards.
fn subject_before(cx: &Ctx, end_word: usize) -> Option<(usize, usize)> {
    subject_before_plain(cx, end_word).or_else(|| {
        // "The Secretary, in his turn, said": step over a short parenthetical.
        let mut k = end_word.checked_sub(1)?;
        while k > 0 && !cx.gap(k - 1, k).contains(',') {
            k -= 1;
        }
        let opener = cx.lower(k);
        let span = end_word - k;
        // Short asides ("in his turn"), relative clauses ("who said he votes Democratic") and
        // appositives ("a senator from Vermont") between the subject and its verb.
        let aside = (span <= 5 && PAREN_STARTS.contains(&opener.as_str()))
            || (span <= 14 && matches!(opener.as_str(), "a" | "an" | "the" | "like"))
            || (span <= 25 && matches!(opener.as_str(), "who" | "whose" | "which"));
        (k > 0 && aside).then(|| subject_before_plain(cx, k))?
    })
}

const PAREN_STARTS: &[&str] = &[
    "in",
    "for",
    "however",
    "meanwhile",
    "too",
    "also",
    "though",
    "at",
    "on",
    "like",
    "unlike",
    "speaking",
    "instead",
    "moreover",
    "furthermore",
];

fn subject_before_plain(cx: &Ctx, end_word: usize) -> Option<(usize, usize)> {
    let mut j = end_word;
    // Skip auxiliaries, adverbs and a time adjunct between subject and cue ("The White House
    // on Monday urged", "Lavrov last week said").
    loop {
        while j > 0
            && AUX_SET.contains(cx.lower(j - 1).as_str())
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
            && TIME_WORDS.contains(&cx.lower(j - 1).as_str())
            && matches!(
                cx.lower(j - 2).as_str(),
                "on" | "last" | "this" | "late" | "early" | "in"
            );
        if !time || cx.in_quote(cx.words[j - 1].start) {
            break;
        }
        j -= 2;
        if j > 0 && matches!(cx.lower(j - 1).as_str(), "earlier" | "later") {
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
    if SUBJECT_PRONOUNS.contains(&lw.as_str()) {
        return Some((cx.words[last].start, cx.words[last].end));
    }
    // "43 percent said": the number belongs to the subject.
    if matches!(lw.as_str(), "percent" | "%")
        && last > 0
        && cx.words[last - 1].text.chars().any(|c| c.is_ascii_digit())
    {
        return Some((cx.words[last - 1].start, cx.words[last].end));
    }
    // "Editor's note:" — a possessive modifies a noun; it is never the subject itself.
    if lw.ends_with("'s") || lw.ends_with("’s") {
        return None;
    }
    // "Barkley, who said …": the speaker is the antecedent of "who", right before its comma.
    if lw == "who" {
        return (last > 0 && cx.gap(last - 1, last).contains(','))
            .then(|| subject_before_plain(cx, last))?;
    }
    if is_capitalized(cx.words[last].text) && CAPITAL_STOPS.contains(&cx.words[last].text) {
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
            !CAPITAL_STOPS.contains(&w.text)
        } else {
            ROLE_WORDS_SET.contains(lw.as_str()) || PHRASE_GLUE_SET.contains(lw.as_str())
        };
        if !allowed {
            // A description opened by an article at the start of the clause: "The billionaire
            // businessman says". Up to three plain words between the article and the verb.
            let k = k as usize;
            let art = (k.saturating_sub(3)..k)
                .rev()
                .find(|&a| matches!(cx.lower(a).as_str(), "the" | "a" | "an"));
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
                        || SUBJECT_PRONOUNS.contains(&cx.lower(x).as_str())
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
                    cx.lower(k as usize - 1).as_str(),
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
            cx.lower(first).as_str(),
            "of" | "for" | "and" | "on" | "to" | "in" | "at" | "his" | "her" | "its" | "their"
        )
    {
        first += 1;
    }
    let phrase_words = &cx.words[first..=last];
    if !has_head(phrase_words) {
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
    if first > 0
        && cx.gap(first - 1, first).trim().is_empty()
        && matches!(
            cx.lower(first - 1).as_str(),
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

/// A sentence-initial subject with appositives ("The deputy head of the Council, Ambassador,
/// Andrey Baklanov, told") is returned whole, so the resolver learns the person's titles.
fn extend_appositive(cx: &Ctx, subject: (usize, usize)) -> (usize, usize) {
    let mut start = subject.0;
    for _ in 0..4 {
        let before = cx.par[cx.unit.0..start].trim_end();
        if before.is_empty() {
            return (start, subject.1);
        }
        if !before.ends_with(',') {
            return subject;
        }
        let Some(first_word) = cx.words.iter().position(|w| w.start >= start) else {
            return subject;
        };
        match subject_before_plain(cx, first_word) {
            Some((s, _)) if s < start => start = s,
            _ => return subject,
        }
    }
    if cx.par[cx.unit.0..start].trim().is_empty() {
        (start, subject.1)
    } else {
        subject
    }
}

/// A speaker phrase needs a name, a role noun or an institution, not just modifiers.
fn has_head(ws: &[Word]) -> bool {
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
            || ROLE_WORDS_SET.contains(w.text.to_lowercase().as_str())
                && !PHRASE_GLUE_SET.contains(w.text.to_lowercase().as_str())
    })
}

/// Speaker phrase starting at word `start_word`, scanning forwards ("said the Minister").
fn subject_after(cx: &Ctx, start_word: usize, stop_at: &[&str]) -> Option<(usize, usize, usize)> {
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
        let allowed = if is_capitalized(w.text) {
            !CAPITAL_STOPS.contains(&w.text)
                || k == start_word && matches!(w.text, "The" | "A" | "An")
        } else {
            ROLE_WORDS_SET.contains(lw.as_str())
                || PHRASE_GLUE_SET.contains(lw.as_str())
                || (k == start_word && SUBJECT_PRONOUNS.contains(&lw.as_str()))
        };
        if !allowed {
            break;
        }
        last = Some(k);
        if k == start_word && SUBJECT_PRONOUNS.contains(&lw.as_str()) {
            break;
        }
        k += 1;
    }
    let mut last = last?;
    while last > start_word && PHRASE_GLUE_SET.contains(cx.lower(last).as_str()) {
        last -= 1;
    }
    let ws = &cx.words[start_word..=last];
    let pronoun = ws.len() == 1 && SUBJECT_PRONOUNS.contains(&ws[0].text.to_lowercase().as_str());
    if !(has_head(ws) || pronoun) {
        return None;
    }
    Some((cx.words[start_word].start, cx.words[last].end, last))
}

/// Trims spaces, commas, dashes and a final period from a content range.
fn trim_content(par: &str, (mut s, mut e): (usize, usize)) -> (usize, usize) {
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

fn word_count(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Direct, mixed or indirect, from how much of the content is inside quotation marks.
fn kind_of(cx: &Ctx, pieces: &[(usize, usize)]) -> Kind {
    let mut quoted_words = 0;
    let mut free_words = 0;
    for &(s, e) in pieces {
        for w in words(&cx.par[s..e]) {
            if cx.in_quote(s + w.start) {
                quoted_words += 1;
            } else {
                free_words += 1;
            }
        }
    }
    if quoted_words == 0 {
        Kind::Indirect
    } else if free_words == 0 {
        Kind::Direct
    } else {
        Kind::Mixed
    }
}

fn finish(
    cx: &Ctx,
    pieces: Vec<(usize, usize)>,
    speaker: (usize, usize),
    cue: &str,
) -> Option<Found> {
    let pieces: Vec<(usize, usize)> = pieces
        .into_iter()
        .map(|p| trim_content(cx.par, p))
        .filter(|&(s, e)| s < e)
        .collect();
    let total: usize = pieces.iter().map(|&(s, e)| word_count(&cx.par[s..e])).sum();
    if total < 3 {
        return None;
    }
    let kind = kind_of(cx, &pieces);
    Some(Found {
        pieces,
        speaker: Some(speaker),
        cue: cue.to_string(),
        kind,
        object: false,
    })
}

/// Cuts a trailing attribution clause after the last quotation ("…," the Ambassador noted).
fn cut_trailing_attribution(cx: &Ctx, (s, e): (usize, usize)) -> (usize, usize) {
    if let Some(&(_, qe)) = cx.spans.iter().rev().find(|&&(qs, qe)| qs >= s && qe <= e)
        && qe < e
    {
        let tail = &cx.par[qe..e];
        let tail_words: Vec<String> = tail
            .split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .collect();
        if tail_words.len() <= 10
            && tail_words
                .iter()
                .any(|w| VERB_CUES_SET.contains(w.as_str()))
        {
            return (s, qe);
        }
    }
    (s, e)
}

fn verbal(cx: &Ctx, i: usize, cue_start: usize, cue: &str) -> Option<Found> {
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
    let clause_before = before.ends_with(',')
        && word_count(before) >= 3
        && !matches!(
            cue,
            "told" | "tells" | "informed" | "assured" | "asked" | "urged"
        );
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
                            || DESCRIPTION_OPENERS.contains(&cx.lower(next).as_str())
                    })
            })
            && (ends_after_quote || speaker_ends_clause(cx, ss, last))
        {
            let mut pieces = vec![(us, cue_start)];
            match continuation_quote(cx, last + 1) {
                Some(q) => pieces.push(q),
                None if !ends_after_quote => {
                    // "The industry, said Lavrov, is doing better": the sentence goes on after
                    // the speaker; a relative clause about the speaker ("who …") does not.
                    let rest = cx.par[se..ue].trim_start();
                    if let Some(tail) = rest.strip_prefix(',')
                        && cx.words.get(last + 1).is_some_and(|w| {
                            !RELATIVIZERS.contains(&w.text.to_lowercase().as_str())
                        })
                        && word_count(tail) >= 2
                        && !lead_is_subordinate(before)
                    {
                        pieces.push((ue - tail.len(), ue));
                    }
                }
                None => {}
            }
            return finish(cx, pieces, (ss, se), cue);
        }
    }
    // A description reaching further back than the name-like subject wins: "one senior
    // administration official said" is not "official said".
    let subject = match (subject_before(cx, i), described_subject(cx, i)) {
        (Some(s), Some(d)) if d.0 < s.0 && d.1 >= s.1 => Some(d),
        // "Swanson, a pastor at a church of Elizabeth, Colorado, slammed": a subject that is
        // itself the tail of an appositive gives way to the name that opens the clause.
        (Some(s), _)
            if cx.par[..s.0].trim_end().ends_with(',')
                && let Some(a) = appositive_subject(cx, i)
                && a.1 < s.0 =>
        {
            Some(a)
        }
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
        let adverbial = matches!(prev.as_str(), "when" | "because" | "if" | "as" | "since");
        if RELATIVIZERS.contains(&prev.as_str()) && gap.trim().is_empty() && !adverbial {
            return None;
        }
    }
    let subject = extend_to_boundary(cx, subject);
    let post_words = i + cue.split(' ').count();
    let lead = cx.par[us..subject.0].trim_end();
    let preceded_by_comma = lead.ends_with(',')
        || lead.ends_with(['"', '”', '“'])
        || lead.chars().last().is_some_and(is_dash);
    let mut after = content_after(cx, post_words, cue);
    // After a quotation the quotation is what was said: "“…,” he said, “…”" is one split
    // quote, and in "“…,” Cruz said as the heckler yelled: “…”" the later words are another's.
    if let After::Content(_) = after
        && lead.trim_end_matches(',').ends_with(['"', '”', '“'])
    {
        after = After::Adjunct(Some(post_words));
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
            let range = cut_at_second_cue(cx, cut_trailing_attribution(cx, (start, ue)));
            finish(cx, vec![range], extend_appositive(cx, subject), cue)
        }
        // "“…,” he tells parishioners.": after a quotation the object is the listener.
        After::Object if lead.trim_end_matches(',').ends_with(['"', '”', '“']) => {
            finish(cx, vec![(us, subject.0)], subject, cue)
        }
        After::Object => None,
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

/// After an inverted speaker comes the end, a comma or an adjunct, not a verb.
fn speaker_ends_clause(cx: &Ctx, start: usize, last: usize) -> bool {
    if SUBJECT_PRONOUNS.contains(&cx.par[start..cx.words[last].end].to_lowercase().as_str()) {
        return false;
    }
    let Some(next) = cx.words.get(last + 1) else {
        return true;
    };
    let gap = cx.gap(last, last + 1).trim();
    !gap.is_empty() && !gap.starts_with(['"', '“'])
        || ADJUNCT_STARTS.contains(&next.text.to_lowercase().as_str())
        || matches!(next.text, "who" | "whose" | "adding" | "told")
}

/// "said it was too early, but added that …": the content stops where a second reporting
/// verb of the same subject starts its own statement.
fn cut_at_second_cue(cx: &Ctx, (s, e): (usize, usize)) -> (usize, usize) {
    let Some(first) = cx.words.iter().position(|w| w.start >= s) else {
        return (s, e);
    };
    for k in first + 1..cx.words.len() {
        let w = cx.words[k];
        if w.start >= e {
            break;
        }
        // ", insisting that …": a participle with its own clause is its own statement.
        if PARTICIPLE_CUES_SET.contains(cx.lower(k).as_str())
            && cx.gap(k - 1, k).trim() == ","
            && cx.words.get(k + 1).is_some_and(|n| n.text == "that")
            && !cx.in_quote(w.start)
        {
            return (s, cx.words[k - 1].end);
        }
        if cx.in_quote(w.start) || !matches!(cx.lower(k).as_str(), "and" | "but") {
            continue;
        }
        let mut v = k + 1;
        while v < cx.words.len() && AUX_SET.contains(cx.lower(v).as_str()) {
            v += 1;
        }
        if v < cx.words.len()
            && VERB_CUES.contains(&cx.lower(v).as_str())
            && !cx.in_quote(cx.words[v].start)
        {
            let cut = cx.par[s..w.start].trim_end().trim_end_matches(',').len();
            return (s, s + cut);
        }
    }
    (s, e)
}

/// Words that show a clause, not a noun phrase.
fn is_clause_word(l: &str) -> bool {
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

/// "…,” super PAC spokeswoman Kellyanne Conway said": up to three modifiers before the name
/// belong to the subject when they reach back to the start of the clause.
fn extend_to_boundary(cx: &Ctx, subject: (usize, usize)) -> (usize, usize) {
    let Some(first) = cx.words.iter().position(|w| w.start == subject.0) else {
        return subject;
    };
    // Only a name or title takes modifiers: "the Sanders campaign" and "she" are whole.
    if cx.opens_clause(first)
        || !is_capitalized(cx.words[first].text)
        || matches!(cx.words[first].text, "The" | "A" | "An")
    {
        return subject;
    }
    let mut k = first;
    while k > 0 && first - k < 3 {
        let w = cx.words[k - 1];
        let l = cx.lower(k - 1);
        let possessive = l.ends_with("'s") || l.ends_with("’s");
        if cx.in_quote(w.start)
            || !cx.gap(k - 1, k).trim().is_empty()
            || is_clause_word(l)
            || VERB_CUES_SET.contains(l.as_str())
            || is_capitalized(w.text) && !possessive
            || matches!(
                l.as_str(),
                "the"
                    | "a"
                    | "an"
                    | "since"
                    | "ever"
                    | "just"
                    | "only"
                    | "even"
                    | "of"
                    | "in"
                    | "on"
                    | "at"
                    | "for"
                    | "with"
                    | "by"
                    | "from"
                    | "about"
                    | "after"
                    | "before"
                    | "said"
                    | "says"
            )
        {
            return subject;
        }
        k -= 1;
        if cx.opens_clause(k) {
            return (cx.words[k].start, subject.1);
        }
    }
    subject
}

/// "If …," opening a sentence is not a whole statement on its own.
fn lead_is_subordinate(before: &str) -> bool {
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

/// "Paul Porter, a truck driver from Ava, Mo., who backs Mr. Trump, said": the name that opens
/// the clause speaks, not the last name inside its appositives.
fn appositive_subject(cx: &Ctx, i: usize) -> Option<(usize, usize)> {
    let mut j = i;
    while j > 0 && AUX_SET.contains(cx.lower(j - 1).as_str()) {
        j -= 1;
    }
    if j == 0 || !cx.gap(j - 1, j).contains(',') {
        return None;
    }
    // Clause boundaries before the cue: word indices that follow a comma.
    let mut k = j - 1;
    let mut commas = 0;
    while k > 0 && j - k < 40 {
        let w = cx.words[k - 1];
        let gap = cx.gap(k - 1, k);
        if cx.in_quote(w.start) || gap.contains([';', '"', '“', '”', '(']) {
            break;
        }
        if gap.contains(',') {
            commas += 1;
            if commas > 4 {
                return None;
            }
        }
        k -= 1;
    }
    // k is the clause start: the unit's start or the word after a quotation.
    if !cx.opens_clause(k) || commas == 0 {
        return None;
    }
    // The name: capitalised words from k up to the first comma.
    let mut e = k;
    while e + 1 < j && cx.gap(e, e + 1).trim().is_empty() {
        e += 1;
    }
    if !cx.gap(e, e + 1).contains(',') || e - k > 4 {
        return None;
    }
    let name = &cx.words[k..=e];
    let all_caps = name.iter().all(|w| is_capitalized(w.text))
        && !name.iter().any(|w| CAPITAL_STOPS.contains(&w.text));
    // What follows the name must read as an appositive, not a clause of its own.
    let next = cx.lower(e + 1);
    let appositive = matches!(
        next.as_str(),
        "a" | "an" | "the" | "who" | "whose" | "which"
    ) || ROLE_WORDS_SET.contains(next.as_str())
        || cx.words[e + 1].text.chars().all(|c| c.is_ascii_digit())
        || next.ends_with("'s")
        || next.ends_with("’s")
        || super::speakers::NAME_CUES.contains(&next.as_str());
    (all_caps && appositive && name.len() >= 2).then(|| (name[0].start, name[name.len() - 1].end))
}

/// "Elkins, 70, served in Vietnam and said …": the subject of the first verb speaks.
fn conjoined_subject(cx: &Ctx, i: usize) -> Option<(usize, usize)> {
    let mut j = i;
    while j > 0 && AUX_SET.contains(cx.lower(j - 1).as_str()) {
        j -= 1;
    }
    if j == 0 || !matches!(cx.lower(j - 1).as_str(), "and" | "but") {
        return None;
    }
    let first = cx.words.first()?;
    if cx.in_quote(first.start) || first.start != cx.unit.0 {
        return None;
    }
    // One clause: no quotation, semicolon or second cue between the subject and "and".
    let between = &cx.par[cx.unit.0..cx.words[j - 1].start];
    if between.contains([';', '"', '“', '”', ':'])
        || (0..j - 1).any(|k| {
            matches!(
                cx.lower(k).as_str(),
                "when"
                    | "while"
                    | "after"
                    | "because"
                    | "if"
                    | "as"
                    | "since"
                    | "before"
                    | "although"
                    | "though"
                    | "until"
                    | "whom"
                    | "that"
                    | "which"
            )
        })
    {
        return None;
    }
    let (ss, se, last) = subject_after(
        cx,
        0,
        &[
            "on", "in", "at", "who", "which", "that", "has", "have", "had", "and",
        ],
    )?;
    if SUBJECT_PRONOUNS.contains(&cx.lower(0).as_str()) && last == 0 {
        return Some((ss, se));
    }
    // The subject is followed by its verb or by an appositive set off by commas.
    let next = cx.words.get(last + 1)?;
    let gap = cx.gap(last, last + 1).trim();
    let nl = cx.lower(last + 1);
    let verb_like = nl.ends_with("ed")
        || nl.ends_with('s') && !nl.ends_with("ss")
        || AUX_SET.contains(nl.as_str())
        || VERB_CUES_SET.contains(nl.as_str())
        || matches!(
            nl.as_str(),
            "is" | "was"
                | "are"
                | "were"
                | "will"
                | "would"
                | "can"
                | "could"
                | "did"
                | "does"
                | "do"
                | "met"
                | "went"
                | "made"
                | "took"
                | "gave"
                | "got"
                | "came"
                | "ran"
                | "won"
                | "lost"
                | "spent"
                | "sent"
                | "told"
                | "spoke"
                | "wrote"
                | "held"
        );
    let verb_next = gap.is_empty() && !is_capitalized(next.text) && verb_like;
    (verb_next || gap == ",").then_some((ss, se))
}

/// Words that open a plain description speaking: "her friend said", "several delegates said".
const DESCRIPTION_OPENERS: &[&str] = &[
    "those", "the", "a", "an", "his", "her", "their", "its", "one", "some", "many", "several",
    "most", "two", "three", "four", "five", "other", "others", "both", "all", "few", "another",
    "each", "more", "nearly", "about", "half",
];

/// A short lower-case description right before the cue, set off by a comma or starting the
/// sentence: "…, her friend said." / "Several delegate candidates said …". Kept as written.
fn described_subject(cx: &Ctx, i: usize) -> Option<(usize, usize)> {
    let mut j = i;
    while j > 0 && AUX_SET.contains(cx.lower(j - 1).as_str()) {
        j -= 1;
    }
    let mut k = j;
    // "But hacking specialists say": a sentence adverb before the description opens it.
    let mut after_adverb = false;
    while k > 0 && j - k < 7 {
        let w = cx.words[k - 1];
        if cx.in_quote(w.start) || k < j && !cx.gap(k - 1, k).trim().is_empty() {
            break;
        }
        if k == 1 && CAPITAL_STOPS.contains(&w.text) && w.start == cx.unit.0 {
            after_adverb = true;
            break;
        }
        k -= 1;
    }
    if k == j {
        return None;
    }
    if !(after_adverb || cx.opens_clause(k)) {
        return None;
    }
    let opener = cx.lower(k);
    let head = cx.lower(j - 1);
    // "critics said", "political experts said": a short plural description.
    let plural_noun = j - k <= 2 && head.len() > 3 && head.ends_with('s') && !head.ends_with("ss");
    if !(DESCRIPTION_OPENERS.contains(&opener.as_str()) || plural_noun)
        || is_capitalized(cx.words[j - 1].text)
    {
        return None;
    }
    let verbish = (k..j).any(|x| is_clause_word(cx.lower(x)) && cx.lower(x) != "as");
    if verbish {
        return None;
    }
    Some((cx.words[k].start, cx.words[j - 1].end))
}

enum After {
    /// Reported content starts at this byte.
    Content(usize),
    /// Nothing but adjuncts follow (or the word index where a split quote may follow).
    Adjunct(Option<usize>),
    /// A plain object follows a verb that reports only clauses: no statement.
    Object,
}

/// What follows a cue: content ("that …", ": …", a clause) or adjuncts ("on Tuesday").
fn content_after(cx: &Ctx, mut k: usize, cue: &str) -> After {
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
    // "said, “…”": the quotation after the comma is the content.
    if let Some(after_comma) = rest.strip_prefix(',')
        && after_comma
            .trim_start()
            .starts_with(|c: char| c == '"' || is_open_quote(c))
    {
        return After::Content(ue - after_comma.trim_start().len());
    }
    if rest.is_empty()
        || rest.starts_with(['.', ',', ';', '!', '?'])
        || rest.starts_with(|c: char| is_dash(c))
    {
        return After::Adjunct(Some(k));
    }
    if rest.starts_with(|c: char| c == '"' || is_open_quote(c)) {
        return After::Content(ue - rest.len());
    }
    // "told Sputnik", "told reporters in Moscow": skip the recipient.
    if matches!(
        cue,
        "told" | "tells" | "informed" | "assured" | "warned" | "urged" | "reminded" | "asked"
    ) {
        while k < cx.words.len() && !cx.in_quote(cx.words[k].start) {
            let w = cx.words[k];
            let lw = w.text.to_lowercase();
            if lw == "that" {
                break;
            }
            if is_capitalized(w.text) || RECIPIENT_WORDS.contains(&lw.as_str()) {
                k += 1;
                if !cx.gap(k - 1, k.min(cx.words.len() - 1)).trim().is_empty() && k < cx.words.len()
                {
                    break;
                }
                continue;
            }
            break;
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
                cx.lower(k + 1).as_str(),
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
    if ADJUNCT_STARTS.contains(&lw.as_str()) || w.text.chars().all(|c| c.is_ascii_digit()) {
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
    if matches!(cue, "told" | "tells" | "informed") || CLAUSE_ONLY_CUES_SET.contains(cue) {
        // "believes the recession is over" has a clause without "that"; "claimed victory in …"
        // has an object, so what came before is not what was said either.
        if !matches!(cue, "told" | "tells" | "informed") && bare_clause_at(cx, k) {
            return After::Content(w.start);
        }
        return After::Object;
    }
    After::Content(w.start)
}

/// "said on Tuesday that …", "said in a statement that …", "said Thursday his …": the
/// content starts after a short adjunct, at "that" or right after a bare day word.
fn adjunct_then_clause(cx: &Ctx, k: usize) -> Option<After> {
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
    for t in k..limit {
        let w = cx.words[t];
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
            let clause = cx.gap(t, t + 1).trim().is_empty()
                && !matches!(cx.lower(t + 1).as_str(), "is" | "was");
            return clause.then_some(After::Content(w.end));
        }
        if RELATIVIZERS.contains(&lw.as_str()) && lw != "as" && t > k {
            return None;
        }
    }
    // "said Thursday his biggest worry …": a bare day word, then the clause.
    let lw = cx.lower(k);
    if DAY_WORDS.contains(&lw.as_str())
        && let Some(next) = cx.words.get(k + 1)
        && cx.gap(k, k + 1).trim().is_empty()
        && !ADJUNCT_STARTS.contains(&cx.lower(k + 1).as_str())
        && !matches!(
            cx.lower(k + 1).as_str(),
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
fn bare_clause_at(cx: &Ctx, k: usize) -> bool {
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
    if SUBJECT_PRONOUNS.contains(&first.as_str()) && (first != "it" || k + 1 < cx.words.len()) {
        return true;
    }
    for t in k..(k + 8).min(cx.words.len()) {
        if t > k && !cx.gap(t - 1, t).trim().is_empty() || cx.in_quote(cx.words[t].start) {
            return false;
        }
        let l = cx.lower(t);
        if FINITE.contains(&l.as_str()) {
            return t > k;
        }
        if matches!(
            l.as_str(),
            "to" | "of" | "for" | "in" | "on" | "at" | "by" | "with"
        ) {
            return false;
        }
    }
    false
}

/// A quotation that continues a split quote: `"…," he said, "…"`.
fn continuation_quote(cx: &Ctx, from_word: usize) -> Option<(usize, usize)> {
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
    cx.spans.iter().find(|&&(s, _)| s == q).copied()
}

/// "Russia has refuted the claims, warning that …": the speaker is the main clause's subject,
/// the content what follows "that" (or a quotation).
fn participle(cx: &Ctx, i: usize, cue: &str) -> Option<Found> {
    let (_, ue) = cx.unit;
    let next = cx.words.get(i + 1)?;
    let start = if next.text == "that" {
        next.end
    } else if cx.in_quote(next.start) {
        cx.spans
            .iter()
            .find(|&&(s, e)| s <= next.start && next.start < e)?
            .0
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
        0,
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

/// "According to Lavrov, …" and "…, according to Lavrov."
fn prepositional(cx: &Ctx, i: usize, len: usize, cue: &str) -> Option<Found> {
    let (us, ue) = cx.unit;
    let next = i + len;
    if next >= cx.words.len() {
        return None;
    }
    let (ss, se, last) = subject_after(
        cx,
        next,
        &["on", "in", "at", "who", "which", "that", "during"],
    )
    .or_else(|| source_phrase(cx, next))?;
    let cue_start = cx.words[i].start;
    let before = cx.par[us..cue_start].trim();
    let after_start = cx.words.get(last + 1).map_or(ue, |_| se);
    let after = &cx.par[after_start..ue];
    if word_count(before.trim_start_matches(|c: char| !c.is_alphanumeric())) <= 1 {
        // Cue first: the content follows the speaker phrase.
        if !after.trim_start().starts_with(',') {
            return None;
        }
        return finish(cx, vec![(after_start, ue)], (ss, se), cue);
    }
    if !before.ends_with(',') && !before.ends_with(['(', '—', '–']) {
        return None;
    }
    let mut pieces = vec![(us, cue_start)];
    if word_count(after) >= 3 && after.trim_start().starts_with(',') {
        pieces.push((after_start, ue));
    }
    finish(cx, pieces, (ss, se), cue)
}

/// "according to one global index", "according to data released Friday by regulators": any
/// short phrase up to the next comma or the end is the source, kept as written.
fn source_phrase(cx: &Ctx, start: usize) -> Option<(usize, usize, usize)> {
    let relative = |k: usize| matches!(cx.lower(k).as_str(), "who" | "whose" | "which");
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

/// "RIA Novosti cited the Ministry as saying", "quoted Lavrov as saying that …".
fn cited(cx: &Ctx, i: usize, cue: &str) -> Option<Found> {
    let (us, ue) = cx.unit;
    let (ss, se, last) = subject_after(cx, i + 1, &["as"])?;
    let as_saying = last + 2 < cx.words.len() + 1
        && cx.words.get(last + 1).is_some_and(|w| w.text == "as")
        && cx
            .words
            .get(last + 2)
            .is_some_and(|w| matches!(w.text, "saying" | "telling" | "stating"));
    if !as_saying {
        return None;
    }
    let after_word = last + 3;
    let before = cx.par[us..cx.words[i].start].trim_end();
    // The outlet doing the citing sits between the content and the cue.
    let content_end = before
        .rfind([',', '"', '”', '“'])
        .map(|p| p + before[p..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0)
        + us;
    if after_word < cx.words.len() {
        let start = if cx.words[after_word].text == "that" {
            cx.words[after_word].end
        } else {
            cx.words[after_word].start
        };
        return finish(cx, vec![(start, ue)], (ss, se), "said");
    }
    finish(cx, vec![(us, content_end)], (ss, se), "said").map(|mut f| {
        f.cue = cue.to_string() + " as saying";
        f
    })
}

/// Attribution inside a lone quotation: "…, Lavrov said. – …" or "…, – said the Minister. – …".
fn embedded(cx: &Ctx, (qs, qe): (usize, usize)) -> Option<Found> {
    for i in 0..cx.words.len() {
        let Some((len, cue)) = cue_at(cx, i) else {
            continue;
        };
        if len != 1 || cue == "cited" || cue == "quoted" {
            continue;
        }
        let cue_w = cx.words[i];
        // Inverted: ", – said Lavrov." The cue follows a comma and a dash.
        let lead = cx.par[qs..cue_w.start].trim_end();
        if i + 1 < cx.words.len()
            && lead.chars().last().is_some_and(is_dash)
            && lead
                .trim_end_matches(|c: char| is_dash(c) || c.is_whitespace())
                .ends_with(',')
        {
            if let Some((ss, se, last)) = subject_after_plain(cx, i + 1) {
                let after = cx.par[cx.words[last].end..qe].trim_start();
                if after.starts_with(['.', ',']) {
                    let clause_start = qs
                        + lead
                            .trim_end_matches(|c: char| is_dash(c) || c.is_whitespace())
                            .len()
                        - 1;
                    let clause_end = cx.words[last].end + 1;
                    return finish(
                        cx,
                        vec![(qs, clause_start), (clause_end, qe)],
                        (ss, se),
                        &cue,
                    );
                }
            }
            continue;
        }
        // Normal order: ", Lavrov said." / ", he said. –"
        let after = cx.par[cue_w.end..qe].trim_start();
        if !after.starts_with(['.', ',']) {
            continue;
        }
        let mut k = i;
        let mut first = None;
        while k > 0 {
            k -= 1;
            let w = cx.words[k];
            let lw = w.text.to_lowercase();
            let ok = is_capitalized(w.text)
                || ROLE_WORDS_SET.contains(lw.as_str())
                || PHRASE_GLUE_SET.contains(lw.as_str())
                || SUBJECT_PRONOUNS.contains(&lw.as_str());
            if !ok || i - k > 6 {
                break;
            }
            first = Some(k);
            let gap =
                cx.par[qs.max(if k > 0 { cx.words[k - 1].end } else { qs })..w.start].to_string();
            if gap.contains(',') || SUBJECT_PRONOUNS.contains(&lw.as_str()) {
                break;
            }
        }
        let Some(f) = first else { continue };
        let prefix = cx.par[qs..cx.words[f].start]
            .trim_end_matches(|c: char| c.is_whitespace() || is_dash(c));
        if !prefix.ends_with(',')
            || !has_head(&cx.words[f..i]) && !SUBJECT_PRONOUNS.contains(&cx.lower(f).as_str())
        {
            continue;
        }
        let clause_start = qs + prefix.len() - 1;
        let clause_end = cue_w.end + 1;
        return finish(
            cx,
            vec![(qs, clause_start), (clause_end.min(qe), qe)],
            (cx.words[f].start, cx.words[i - 1].end),
            &cue,
        );
    }
    None
}

/// Like `subject_after`, but inside a quotation (no quote boundary checks).
fn subject_after_plain(cx: &Ctx, start: usize) -> Option<(usize, usize, usize)> {
    let mut last = None;
    for k in start..cx.words.len().min(start + 8) {
        let w = cx.words[k];
        if k > start && !cx.gap(k - 1, k).trim().is_empty() {
            break;
        }
        let lw = w.text.to_lowercase();
        if is_capitalized(w.text)
            || ROLE_WORDS_SET.contains(lw.as_str())
            || PHRASE_GLUE_SET.contains(lw.as_str())
        {
            last = Some(k);
        } else {
            break;
        }
    }
    let last = last?;
    has_head(&cx.words[start..=last]).then(|| (cx.words[start].start, cx.words[last].end, last))
}

#[cfg(test)]
mod tests {
    use super::super::quotes::{quote_spans, units};
    use super::*;

    fn run(par: &str) -> Vec<(String, String, Kind)> {
        let spans = quote_spans(par);
        units(par, &spans)
            .into_iter()
            .filter_map(|u| find(par, u, &spans))
            .map(|f| {
                let text = f
                    .pieces
                    .iter()
                    .map(|&(s, e)| &par[s..e])
                    .collect::<Vec<_>>()
                    .join(" ");
                let sp = f
                    .speaker
                    .map(|(s, e)| par[s..e].to_string())
                    .unwrap_or_default();
                (text, sp, f.kind)
            })
            .collect()
    }

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
    fn cue_first_that_clause_and_mixed() {
        let r = run(
            "Deputy Minister Ivan Petrov noted that the talks were \"useful and frank\" and would continue.",
        );
        assert_eq!(r[0].1, "Deputy Minister Ivan Petrov");
        assert!(r[0].0.starts_with("the talks were"));
        assert_eq!(r[0].2, Kind::Mixed);
    }

    #[test]
    fn content_then_speaker_with_recipient() {
        let r = run(
            "The country is ready to cooperate in all areas, Deputy Minister Ivan Petrov told Reuters on Friday.",
        );
        assert_eq!(r[0].0, "The country is ready to cooperate in all areas");
        assert_eq!(r[0].1, "Deputy Minister Ivan Petrov");
        assert_eq!(r[0].2, Kind::Indirect);
    }

    #[test]
    fn told_recipient_that() {
        let r = run(
            "A member of the committee, Anna Smirnova, told Interfax that the vote was postponed.",
        );
        // The appositive comes along so the resolver learns her title.
        assert_eq!(r[0].1, "A member of the committee, Anna Smirnova");
        assert_eq!(r[0].0, "the vote was postponed");
    }

    #[test]
    fn according_to_both_ways() {
        let r = run("According to Petrov, the new plan will be ready soon.");
        assert_eq!(
            r[0],
            (
                "the new plan will be ready soon".into(),
                "Petrov".into(),
                Kind::Indirect
            )
        );
        let r = run("The plan will be ready by May, according to the ministry.");
        assert_eq!(r[0].0, "The plan will be ready by May");
        assert_eq!(r[0].1, "the ministry");
    }

    #[test]
    fn dash_attribution_inverted() {
        let r = run("“We are ready for such talks”, – assured the head of the Foreign Ministry.");
        assert_eq!(r[0].1, "the head of the Foreign Ministry");
        assert_eq!(r[0].2, Kind::Direct);
    }

    #[test]
    fn attribution_inside_the_quote() {
        let r = run(
            "“The deal was suspended by our side, – said the Minister. – Today we are ready to resume it.”",
        );
        assert_eq!(r[0].1, "the Minister");
        assert!(r[0].0.contains("The deal was suspended") && r[0].0.contains("ready to resume"));
        assert!(!r[0].0.contains("said the Minister"));
        let r = run("“There are many problems, Petrov said. – We need effort to overcome them.”");
        assert_eq!(r[0].1, "Petrov");
    }

    #[test]
    fn cited_as_saying() {
        let r = run(
            "\"We hope to get the necessary explanations,\" Interfax cited the Defense Ministry as saying.",
        );
        assert_eq!(r[0].1, "the Defense Ministry");
        assert_eq!(r[0].2, Kind::Direct);
    }

    #[test]
    fn relative_clauses_and_headlines_are_not_statements() {
        assert!(run("The treaty that Petrov said was dead is back on the table.").is_empty());
        assert!(run("The minister met his counterpart in Geneva.").is_empty());
    }

    #[test]
    fn parenthetical_subject() {
        let r =
            run("The US Secretary of State, in his turn, said he expects progress on many issues.");
        assert_eq!(r.len(), 1, "{r:?}");
    }
}

#[cfg(test)]
mod seeds_like {
    use super::super::quotes::{quote_spans, units};
    use super::*;

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
}

#[cfg(test)]
mod participles {
    use super::super::quotes::{quote_spans, units};
    use super::*;

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
}

#[cfg(test)]
mod broader_constructions {
    use super::super::quotes::{quote_spans, units};
    use super::*;

    /// Every statement of every unit of `par`.
    fn all_in(par: &str) -> Vec<Found> {
        let spans = quote_spans(par);
        units(par, &spans)
            .iter()
            .flat_map(|&u| find_all(par, u, &spans))
            .collect()
    }

    /// The speaker phrase of the first statement, if any.
    fn first_speaker(par: &str) -> Option<String> {
        let f = all_in(par).into_iter().next()?;
        f.speaker.map(|(s, e)| par[s..e].to_string())
    }

    fn one(par: &str) -> (String, String, Kind) {
        let spans = quote_spans(par);
        let us = units(par, &spans);
        let f = us
            .iter()
            .find_map(|&u| find(par, u, &spans))
            .unwrap_or_else(|| panic!("nothing in {par:?}"));
        let text = f
            .pieces
            .iter()
            .map(|&(s, e)| &par[s..e])
            .collect::<Vec<_>>()
            .join(" | ");
        let sp = f
            .speaker
            .map(|(s, e)| par[s..e].to_string())
            .unwrap_or_default();
        (text, sp, f.kind)
    }

    #[test]
    fn attribution_after_a_closed_quote_stays_with_it() {
        let par = "“We will find the missing papers today.” Petrov said.";
        assert_eq!(units(par, &quote_spans(par)).len(), 1);
        assert_eq!(one(par).1, "Petrov");
    }

    #[test]
    fn mid_sentence_attribution() {
        let (text, sp, _) = one("This campaign, he says, is different from the last one.");
        assert_eq!(sp, "he");
        assert!(
            text.starts_with("This campaign") && text.ends_with("is different from the last one"),
            "{text}"
        );
    }

    #[test]
    fn told_someone_described_in_words_that() {
        let (text, sp, _) = one(
            "Senator Ann Lee told a crowded hall in downtown Denver that she is not giving up.",
        );
        assert_eq!(sp, "Senator Ann Lee");
        assert_eq!(text, "she is not giving up");
    }

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
    fn adjunct_before_that_clause() {
        let (text, sp, _) =
            one("Maria Ortiz said following a vote in 2001 that she had serious concerns.");
        assert_eq!(sp, "Maria Ortiz");
        assert_eq!(text, "she had serious concerns");
        let (text, _, _) = one("Rep. Dan Cole said Thursday his biggest worry is the deficit.");
        assert_eq!(text, "his biggest worry is the deficit");
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
    fn conjoined_verbs_share_their_subject() {
        let (text, sp, _) =
            one("Jim Parks, 70, served in the navy and said he was convinced the plan would fail.");
        assert_eq!(sp, "Jim Parks");
        assert_eq!(text, "he was convinced the plan would fail");
    }

    #[test]
    fn plain_descriptions_speak_as_written() {
        let (text, sp, _) = one("Hamdy was also headed to Cairo, her friend said.");
        assert_eq!(
            (text.as_str(), sp.as_str()),
            ("Hamdy was also headed to Cairo", "her friend")
        );
        let (_, sp, _) = one("Several delegate candidates said they would back the draft effort.");
        assert_eq!(sp, "Several delegate candidates");
    }

    #[test]
    fn a_clause_is_not_taken_for_a_description() {
        // The words before the comma have a verb: the speaker is the plain noun after it.
        let (text, sp, _) =
            one("It was the plan that the committee approved, officials noted today.");
        assert_eq!(sp, "officials");
        assert_eq!(text, "It was the plan that the committee approved");
    }

    #[test]
    fn speech_acts_with_an_object() {
        let (text, sp, kind) = one("Senator Ana Ruiz called the ruling “a disgrace” on Friday.");
        assert_eq!(sp, "Senator Ana Ruiz");
        assert!(text.starts_with("the ruling “a disgrace”"), "{text}");
        assert_eq!(kind, Kind::Mixed);
        let (text, sp, _) = one("Mayor Bill Tate criticized the new parking rules.");
        assert_eq!(
            (text.as_str(), sp.as_str()),
            ("the new parking rules", "Mayor Bill Tate")
        );
    }

    #[test]
    fn belief_verbs_need_a_clause() {
        let (text, sp, _) = one("Most economists believe that the recession is over.");
        assert_eq!(
            (text.as_str(), sp.as_str()),
            ("the recession is over", "Most economists")
        );
        assert!(all_in("The couple found a house near the lake.").is_empty());
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
    }

    #[test]
    fn descriptions_reach_back_to_the_clause_start() {
        let (_, sp, _) =
            one("“There is real concern among donors,” super PAC spokeswoman Lia Moss said.");
        assert_eq!(sp, "super PAC spokeswoman Lia Moss");
        let (_, sp, _) =
            one("“This is not a combat mission,” one senior administration official said.");
        assert_eq!(sp, "one senior administration official");
        let (text, sp, _) = one("Film director Jo Park said, “Nobody here will vote for him.”");
        assert_eq!(sp, "Film director Jo Park");
        assert_eq!(text, "“Nobody here will vote for him.”");
    }

    #[test]
    fn two_statements_in_one_sentence() {
        let par =
            "Ana Ruiz said it was too early to celebrate but added that the party had done well.";
        let all = all_in(par);
        let texts: Vec<&str> = all
            .iter()
            .map(|f| &par[f.pieces[0].0..f.pieces[0].1])
            .collect();
        assert_eq!(
            texts,
            ["it was too early to celebrate", "the party had done well"]
        );
        assert!(
            all.iter()
                .all(|f| &par[f.speaker.unwrap().0..f.speaker.unwrap().1] == "Ana Ruiz")
        );
    }

    #[test]
    fn transcript_lines_and_headline_labels() {
        let (text, sp, kind) = one("HARRIS: Well, I think the whole city needs to work together.");
        assert_eq!(sp, "HARRIS");
        assert_eq!(text, "Well, I think the whole city needs to work together");
        assert_eq!(kind, Kind::Direct);
        // A headline has no full stop; a label is not a speaker.
        for par in [
            "Lee: Russia and the US can cooperate despite differences",
            "Correction: An earlier version of this story misstated the date.",
        ] {
            assert!(all_in(par).is_empty(), "{par}");
        }
    }

    #[test]
    fn according_to_a_described_source() {
        let (text, sp, _) = one("Rents rose 4 percent last year, according to one property index.");
        assert_eq!(
            (text.as_str(), sp.as_str()),
            ("Rents rose 4 percent last year", "one property index")
        );
    }

    #[test]
    fn the_name_before_long_appositives_speaks() {
        let (_, sp, _) = one(
            "Paul Ortega, a truck driver from Ava, Mo., who is a supporter of Mr. Lee, said he already earns overtime.",
        );
        assert_eq!(sp, "Paul Ortega");
        let (_, sp, _) = one(
            "Dan Marsh, senior director for Asian affairs at the National Security Council, said he expects unity.",
        );
        assert_eq!(sp, "Dan Marsh");
    }

    #[test]
    fn a_place_after_a_preposition_never_speaks() {
        let par = "Some delegates at the convention in Philadelphia said they welcomed the debate.";
        let sp = first_speaker(par);
        assert_ne!(sp.as_deref(), Some("Philadelphia"));
    }

    #[test]
    fn clause_verbs_with_an_object_report_nothing() {
        let par = "In a victory speech in Wyoming, Ana Ruiz claimed victory over her rival.";
        assert!(all_in(par).is_empty());
        let (_, sp, _) =
            one("“Find your polling place and get there,” Ana Ruiz tells parishioners.");
        assert_eq!(sp, "Ana Ruiz");
    }

    #[test]
    fn nouns_that_look_like_cues_are_not_cues() {
        for par in [
            "Editor’s note: the column below was written before the vote took place.",
            "The constant sowing of doubt has hurt the campaign in the state.",
            "Their calls intensified after the emails were released last week.",
        ] {
            assert!(all_in(par).is_empty(), "{par}");
        }
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

    #[test]
    fn a_participle_clause_is_a_second_statement() {
        let par = "Ana Ruiz said she plans a trip to Libya, insisting that the leaders were wrong.";
        let all = all_in(par);
        let texts: Vec<&str> = all
            .iter()
            .map(|f| &par[f.pieces[0].0..f.pieces[0].1])
            .collect();
        assert_eq!(
            texts,
            ["she plans a trip to Libya", "the leaders were wrong"]
        );
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
    fn clause_verbs_take_a_clause_without_that() {
        let (text, sp, _) = one("Most economists believe the recession is over.");
        assert_eq!(
            (text.as_str(), sp.as_str()),
            ("the recession is over", "Most economists")
        );
        let (text, _, _) = one("The retailer Amberline reported it sold $30 billion in goods.");
        assert_eq!(text, "it sold $30 billion in goods");
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
    fn words_after_a_quote_and_its_speaker_belong_to_someone_else() {
        let (text, sp, _) = one(
            "“There is a young man having some problems,” Ted Lowe said as a heckler yelled: “Go home!”",
        );
        assert_eq!(sp, "Ted Lowe");
        assert_eq!(text, "“There is a young man having some problems,”");
    }

    #[test]
    fn places_and_clause_openers_are_not_speakers() {
        let (_, sp, _) = one(
            "Ted Benford, 58, who lives outside Minneapolis, says he knew little about the senator.",
        );
        assert_eq!(sp, "Ted Benford");
        let (_, sp, _) = one(
            "Kevin Swan, who is a pastor at the Reform Church of Elizabeth, Colorado, slammed the group for its “agenda.”",
        );
        assert_eq!(sp, "Kevin Swan");
        let par = "The Louisville crowd cheered when Ted Lowe spotted a sign and asked it to be fetched for him.";
        let sp = first_speaker(par);
        assert_ne!(sp.as_deref(), Some("The Louisville"));
    }

    #[test]
    fn a_share_of_respondents_speaks() {
        let (text, sp, _) = one("On economic issues, 42% say they are liberal.");
        assert_eq!((text.as_str(), sp.as_str()), ("they are liberal", "42%"));
    }
}
