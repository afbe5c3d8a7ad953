//! Topics from the taxonomy in `config.toml`: weighted keywords and phrases.

use crate::config::TopicDef;

/// The compiled taxonomy.
#[derive(Debug, Clone)]
pub struct Taxonomy {
    topics: Vec<TopicDef>,
    /// Per topic: its keywords, split once.
    compiled: Vec<Vec<Keyword>>,
    /// Keyword lookup by a word's first five letters (or the whole word when shorter):
    /// (topic, keyword) pairs whose first token may match it.
    by_head: rustc_hash::FxHashMap<String, Vec<(usize, usize)>>,
    threshold: f32,
}

/// One keyword or phrase of a topic.
#[derive(Debug, Clone)]
struct Keyword {
    tokens: Vec<String>,
    weight: f32,
    /// Written with a trailing `$`: the last token matches whole words only.
    whole_word: bool,
}

fn head(tok: &str) -> &str {
    match tok.char_indices().nth(5) {
        Some((i, _)) => &tok[..i],
        None => tok,
    }
}

/// Topics that only say "these two countries talk": a statement with nothing more specific may
/// inherit a specific topic from its context.
pub const GENERIC: &[&str] = &["relations", "other"];

/// The words of a text already in lower case (one allocation for the text, none per word).
fn tokens(lower: &str) -> Vec<&str> {
    // Runs of letters, digits and hyphens, hyphens trimmed; ASCII is classified without
    // decoding a character.
    let b = lower.as_bytes();
    let mut out = Vec::with_capacity(b.len() / 6 + 1);
    let mut start = None;
    let mut i = 0;
    while i < b.len() {
        let (part, len) = if b[i].is_ascii() {
            (b[i].is_ascii_alphanumeric() || b[i] == b'-', 1)
        } else {
            let c = lower[i..].chars().next().unwrap_or(' ');
            (c.is_alphanumeric(), c.len_utf8())
        };
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(lower[s..i].trim_matches('-'));
                start = None;
            }
            _ => {}
        }
        i += len;
    }
    if let Some(s) = start {
        out.push(lower[s..].trim_matches('-'));
    }
    out
}

/// Keywords of five letters or more match word beginnings ("sanction" → "sanctions"); shorter
/// ones, and those written with a trailing `$`, match whole words only ("iss" must not match
/// "issues", "crime$" not "Crimea").
fn token_matches(tok: &str, kw: &str, whole_word: bool) -> bool {
    if kw.len() >= 5 && !whole_word {
        tok.starts_with(kw)
    } else {
        tok == kw
    }
}

impl Taxonomy {
    pub fn new(topics: Vec<TopicDef>, threshold: f32) -> Taxonomy {
        let compiled: Vec<Vec<Keyword>> = topics
            .iter()
            .map(|t| {
                t.keywords
                    .iter()
                    .map(|(k, w)| {
                        let whole_word = k.ends_with('$');
                        Keyword {
                            tokens: k
                                .trim_end_matches('$')
                                .split_whitespace()
                                .map(str::to_lowercase)
                                .collect(),
                            weight: *w,
                            whole_word,
                        }
                    })
                    .filter(|k| !k.tokens.is_empty())
                    .collect()
            })
            .collect();
        let mut by_head: rustc_hash::FxHashMap<String, Vec<(usize, usize)>> = Default::default();
        for (ti, kws) in compiled.iter().enumerate() {
            for (ki, kw) in kws.iter().enumerate() {
                if let Some(first) = kw.tokens.first() {
                    by_head
                        .entry(head(first).to_string())
                        .or_default()
                        .push((ti, ki));
                }
            }
        }
        Taxonomy {
            topics,
            compiled,
            by_head,
            threshold,
        }
    }

    /// Every topic whose score reaches the threshold, best first; empty when none does.
    pub fn score(&self, text: &str) -> Vec<String> {
        self.scored(text).into_iter().map(|(id, _)| id).collect()
    }

    /// Whether a score is weak evidence: one keyword, not two or a repeated strong one.
    pub fn is_weak(&self, score: f32) -> bool {
        score < 2.0 * self.threshold
    }

    /// Every topic whose score reaches the threshold with its score, best first.
    pub fn scored(&self, text: &str) -> Vec<(String, f32)> {
        let lower = super::text::lower_text(text);
        let toks = tokens(&lower);
        // Hits per (topic, keyword): one hash look-up per word, not one scan per keyword.
        let mut hits: rustc_hash::FxHashMap<(usize, usize), usize> = Default::default();
        for (i, tok) in toks.iter().enumerate() {
            let Some(cands) = self.by_head.get(head(tok)) else {
                continue;
            };
            for &(ti, ki) in cands {
                let kw = &self.compiled[ti][ki];
                let last = kw.tokens.len() - 1;
                let ok = i + kw.tokens.len() <= toks.len()
                    && kw.tokens.iter().enumerate().all(|(k, part)| {
                        let t = toks[i + k];
                        if k == last {
                            token_matches(t, part, kw.whole_word)
                        } else {
                            t == part
                        }
                    });
                if ok {
                    *hits.entry((ti, ki)).or_default() += 1;
                }
            }
        }
        let mut scores = vec![0.0f32; self.topics.len()];
        for ((ti, ki), n) in hits {
            // Repeats count, but less: one word said five times is not five topics.
            scores[ti] += self.compiled[ti][ki].weight * (1.0 + 0.25 * (n.min(4) - 1) as f32);
        }
        let mut scored: Vec<(f32, &str)> = self
            .topics
            .iter()
            .zip(scores)
            .filter(|(_, sc)| *sc >= self.threshold)
            .map(|(t, sc)| (sc, t.id.as_str()))
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        scored
            .into_iter()
            .map(|(sc, id)| (id.to_string(), sc))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    fn tax() -> Taxonomy {
        let c = Config::defaults();
        Taxonomy::new(c.topics, c.topic_threshold)
    }

    #[test]
    fn tokens_are_runs_of_letters_digits_and_hyphens() {
        let plain = |t: &str| -> Vec<String> {
            t.split(|c: char| !(c.is_alphanumeric() || c == '-'))
                .filter(|t| !t.is_empty())
                .map(|t| t.trim_matches('-').to_string())
                .collect()
        };
        for t in [
            "new sanctions — against moscow's “allies”",
            "-- a-b -c- d--",
            "über-rich кремль 2019年",
            "",
            "end-",
        ] {
            assert_eq!(tokens(t), plain(t), "{t:?}");
        }
    }

    #[test]
    fn keywords_prefixes_and_phrases() {
        let t = tax();
        assert_eq!(t.score("New sanctions against Moscow")[0], "sanctions");
        assert!(
            t.score("the situation in Syria and Aleppo")
                .contains(&"syria".to_string())
        );
        assert!(
            t.score("cooperation on the International Space Station")
                .contains(&"space".to_string())
        );
        assert!(
            t.score("we never meddled in their domestic affairs")
                .contains(&"interference".to_string())
        );
        assert!(t.score("the weather is fine").is_empty());
        assert!(
            !t.score("we discussed many issues")
                .contains(&"space".to_string()),
            "iss is not issues"
        );
    }
}
