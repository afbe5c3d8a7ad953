//! The cue lexicon: the word lists of attribution, read from `data/cues.toml` (built in, or
//! the user's `DATA/cues.toml`) once and kept as hash sets, since every word of every
//! sentence is looked up in them.
//!
//! Only lexical data lives in the file. The small closed lists of function words that the
//! rules themselves spell out (articles, prepositions, auxiliaries of a clause, pronouns) are
//! grammar, not lexicon, and stay in the code next to the rule that uses them.

use rustc_hash::FxHashSet as HashSet;

use serde::Deserialize;

use super::super::officials::toml_error;

/// The cue lexicon shipped with onrecord, used when no `cues.toml` is found.
pub const BUILTIN_CUES: &str = include_str!("../../../data/cues.toml");

/// A multi-word cue: its words in lower case and the cue text ("according to").
#[derive(Debug, Clone, Default)]
pub(super) struct Phrase {
    pub(super) words: Vec<String>,
    pub(super) text: String,
}

/// The lists of `cues.toml` as sets; see that file for what each list means.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// `[verbs] report`: reporting verbs (only these end a content before "and said").
    pub(super) report: HashSet<String>,
    /// Every single-word verb cue: `report`, `belief` and `object`.
    pub(super) any_verb: HashSet<String>,
    /// Verbs that need a clause: `clause_only` and `belief`, less the `object` verbs.
    pub(super) clause_only: HashSet<String>,
    pub(super) object: HashSet<String>,
    pub(super) participle: HashSet<String>,
    pub(super) as_saying: HashSet<String>,
    pub(super) listener: HashSet<String>,
    pub(super) not_inverted: HashSet<String>,
    pub(super) listener_then_that: HashSet<String>,
    /// Speech acts that report with a "to"-infinitive: "urged parliament to weigh …".
    pub(super) infinitive: HashSet<String>,
    pub(super) not_after: HashSet<String>,
    /// `[phrases] verb` then `[phrases] source`, matched in this order.
    pub(super) phrases: Vec<Phrase>,
    /// The text of the `[phrases] source` phrases.
    pub(super) source_phrases: HashSet<String>,
    /// Every word a cue can begin with (verbs, participles, "as"-words, phrases' first
    /// words): one look-up rules out the other words of a sentence.
    pub(super) cue_starts: HashSet<String>,
    pub(super) roles: HashSet<String>,
    pub(super) glue: HashSet<String>,
    pub(super) description_openers: HashSet<String>,
    /// Matched as written, not in lower case.
    pub(super) capital_stops: HashSet<String>,
    pub(super) aux: HashSet<String>,
    pub(super) asides: HashSet<String>,
    pub(super) time_words: HashSet<String>,
    pub(super) relativizers: HashSet<String>,
    /// `[speaker] postmodifiers`, as phrases: "familiar with" in "people familiar with the
    /// talks said".
    pub(super) postmodifiers: Vec<Phrase>,
    /// `[speaker] person_nouns`: nouns for people that head a described speaker.
    pub(super) person_nouns: HashSet<String>,
    pub(super) adjunct_starts: HashSet<String>,
    pub(super) recipients: HashSet<String>,
    pub(super) titled: HashSet<String>,
    pub(super) not_speaker_labels: HashSet<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    verbs: RawVerbs,
    phrases: RawPhrases,
    speaker: RawSpeaker,
    content: RawContent,
    transcript: RawTranscript,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVerbs {
    report: Vec<String>,
    clause_only: Vec<String>,
    belief: Vec<String>,
    object: Vec<String>,
    participle: Vec<String>,
    as_saying: Vec<String>,
    listener: Vec<String>,
    not_inverted: Vec<String>,
    listener_then_that: Vec<String>,
    infinitive: Vec<String>,
    not_after: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPhrases {
    verb: Vec<String>,
    source: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSpeaker {
    roles: Vec<String>,
    glue: Vec<String>,
    description_openers: Vec<String>,
    capital_stops: Vec<String>,
    aux: Vec<String>,
    asides: Vec<String>,
    time_words: Vec<String>,
    relativizers: Vec<String>,
    /// Optional, so a `cues.toml` copied before it existed still loads.
    #[serde(default)]
    postmodifiers: Vec<String>,
    /// Optional, like `postmodifiers`.
    #[serde(default)]
    person_nouns: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawContent {
    adjunct_starts: Vec<String>,
    recipients: Vec<String>,
    /// Optional, so a `cues.toml` copied before it existed still loads.
    #[serde(default)]
    titled: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTranscript {
    not_speaker_labels: Vec<String>,
}

/// A list as a set of lower-case words.
fn set(v: &[String]) -> HashSet<String> {
    v.iter().map(|w| w.trim().to_lowercase()).collect()
}

/// A phrase as lower-case words and its text with single spaces.
fn phrase(p: &str) -> Phrase {
    let words: Vec<String> = p.split_whitespace().map(str::to_lowercase).collect();
    Phrase {
        text: words.join(" "),
        words,
    }
}

impl Lexicon {
    /// "A source close to Trump", "people familiar with Mulvaney's style": a noun (in lower
    /// case, unless it opens the phrase) and a postmodifier, a description of someone else
    /// than whoever it names.
    pub fn is_postmodified(&self, phrase: &str) -> bool {
        let words: Vec<&str> = phrase.split_whitespace().collect();
        (1..words.len()).any(|m| {
            let noun = words[m - 1];
            (m == 1 || noun.starts_with(|c: char| c.is_lowercase()))
                && self.postmodifiers.iter().any(|p| {
                    m + p.words.len() < words.len()
                        && p.words
                            .iter()
                            .zip(&words[m..])
                            .all(|(a, b)| b.eq_ignore_ascii_case(a))
                })
        })
    }

    /// The built-in lexicon (`data/cues.toml` as shipped).
    pub fn builtin() -> Lexicon {
        Lexicon::parse(BUILTIN_CUES, "built-in cues").expect("built-in cues parse")
    }

    /// Parses a `cues.toml`; `name` names the file in errors ("FILE:LINE: message").
    pub fn parse(text: &str, name: &str) -> Result<Lexicon, String> {
        let raw: RawFile = toml::from_str(text).map_err(|e| toml_error(text, name, e))?;
        let v = &raw.verbs;
        let object = set(&v.object);
        let any_verb: HashSet<String> = set(&v.report)
            .into_iter()
            .chain(set(&v.belief))
            .chain(set(&v.infinitive))
            .chain(object.iter().cloned())
            .collect();
        let clause_only = set(&v.clause_only)
            .into_iter()
            .chain(set(&v.belief))
            .filter(|w| !object.contains(w))
            .collect();
        let phrases: Vec<Phrase> = raw
            .phrases
            .verb
            .iter()
            .chain(&raw.phrases.source)
            .map(|p| phrase(p))
            .filter(|p| !p.words.is_empty())
            .collect();
        let source_phrases = raw.phrases.source.iter().map(|p| phrase(p).text).collect();
        let participle = set(&v.participle);
        let as_saying = set(&v.as_saying);
        let cue_starts = any_verb
            .iter()
            .chain(&participle)
            .chain(&as_saying)
            .chain(phrases.iter().filter_map(|p| p.words.first()))
            .cloned()
            .collect();
        let s = &raw.speaker;
        Ok(Lexicon {
            report: set(&v.report),
            any_verb,
            clause_only,
            object,
            participle,
            as_saying,
            listener: set(&v.listener),
            not_inverted: set(&v.not_inverted),
            listener_then_that: set(&v.listener_then_that),
            infinitive: set(&v.infinitive),
            not_after: set(&v.not_after),
            phrases,
            source_phrases,
            cue_starts,
            roles: set(&s.roles),
            glue: set(&s.glue),
            description_openers: set(&s.description_openers),
            capital_stops: s
                .capital_stops
                .iter()
                .map(|w| w.trim().to_string())
                .collect(),
            aux: set(&s.aux),
            asides: set(&s.asides),
            time_words: set(&s.time_words),
            relativizers: set(&s.relativizers),
            postmodifiers: s
                .postmodifiers
                .iter()
                .map(|p| phrase(p))
                .filter(|p| !p.words.is_empty())
                .collect(),
            person_nouns: set(&s.person_nouns),
            adjunct_starts: set(&raw.content.adjunct_starts),
            recipients: set(&raw.content.recipients),
            titled: set(&raw.content.titled),
            not_speaker_labels: set(&raw.transcript.not_speaker_labels),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_file_parses_and_no_list_is_empty() {
        let raw: RawFile = toml::from_str(BUILTIN_CUES).expect("built-in cues parse");
        let (v, s) = (&raw.verbs, &raw.speaker);
        let lists: [(&str, &Vec<String>); 27] = [
            ("verbs.report", &v.report),
            ("verbs.clause_only", &v.clause_only),
            ("verbs.belief", &v.belief),
            ("verbs.object", &v.object),
            ("verbs.participle", &v.participle),
            ("verbs.as_saying", &v.as_saying),
            ("verbs.listener", &v.listener),
            ("verbs.not_inverted", &v.not_inverted),
            ("verbs.listener_then_that", &v.listener_then_that),
            ("verbs.infinitive", &v.infinitive),
            ("verbs.not_after", &v.not_after),
            ("phrases.verb", &raw.phrases.verb),
            ("phrases.source", &raw.phrases.source),
            ("speaker.roles", &s.roles),
            ("speaker.glue", &s.glue),
            ("speaker.description_openers", &s.description_openers),
            ("speaker.capital_stops", &s.capital_stops),
            ("speaker.aux", &s.aux),
            ("speaker.asides", &s.asides),
            ("speaker.time_words", &s.time_words),
            ("speaker.relativizers", &s.relativizers),
            ("speaker.postmodifiers", &s.postmodifiers),
            ("speaker.person_nouns", &s.person_nouns),
            ("content.adjunct_starts", &raw.content.adjunct_starts),
            ("content.recipients", &raw.content.recipients),
            ("content.titled", &raw.content.titled),
            (
                "transcript.not_speaker_labels",
                &raw.transcript.not_speaker_labels,
            ),
        ];
        for (name, list) in lists {
            assert!(!list.is_empty(), "{name} is empty");
            // Sets make duplicates harmless, but a duplicate in the file is a slip.
            let unique: HashSet<&String> = list.iter().collect();
            assert_eq!(unique.len(), list.len(), "{name} has a duplicate");
        }
        let lex = Lexicon::builtin();
        assert!(lex.any_verb.contains("said") && lex.any_verb.contains("believe"));
        assert!(lex.clause_only.contains("believes") && !lex.clause_only.contains("announced"));
        assert!(lex.capital_stops.contains("But") && !lex.capital_stops.contains("but"));
        assert_eq!(lex.phrases.len(), 18);
        assert_eq!(lex.phrases[0].words, ["pointed", "out"]);
        assert!(lex.source_phrases.contains("according to"));
    }

    #[test]
    fn postmodified_descriptions() {
        let lex = Lexicon::builtin();
        for p in [
            "A source close to Trump",
            "people familiar with Mulvaney's style",
            "Sources close to the campaign",
        ] {
            assert!(lex.is_postmodified(p), "{p}");
        }
        for p in [
            "Donald Trump",
            "the source",
            "close to",
            "Familiar With Ltd",
        ] {
            assert!(!lex.is_postmodified(p), "{p}");
        }
    }

    #[test]
    fn words_are_matched_in_lower_case_and_phrases_by_words() {
        let text = BUILTIN_CUES
            .replace("report = [", "report = [\"Opined\", ")
            .replace("source = [", "source = [\"In  Line With\", ");
        let lex = Lexicon::parse(&text, "cues.toml").unwrap();
        assert!(lex.report.contains("opined") && lex.any_verb.contains("opined"));
        assert!(
            lex.phrases
                .iter()
                .any(|p| p.words == ["in", "line", "with"])
        );
        assert!(lex.source_phrases.contains("in line with"));
    }

    #[test]
    fn a_malformed_file_is_one_line_naming_the_file() {
        let bad = BUILTIN_CUES.replacen("report = [", "report = [\"said\" \"says\", ", 1);
        let e = Lexicon::parse(&bad, "/data/cues.toml").unwrap_err();
        assert!(e.starts_with("/data/cues.toml:"), "{e}");
        assert!(!e.contains('\n'), "{e}");
        // A misspelt or missing list is an error too, not a silently empty list.
        let typo = BUILTIN_CUES.replacen("report = [", "reports = [", 1);
        let e = Lexicon::parse(&typo, "/data/cues.toml").unwrap_err();
        assert!(
            e.starts_with("/data/cues.toml:") && e.contains("reports"),
            "{e}"
        );
        let e = Lexicon::parse("[verbs]\n", "my cues").unwrap_err();
        assert!(e.starts_with("my cues"), "{e}");
    }
}
