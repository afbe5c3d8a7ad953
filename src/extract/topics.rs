//! Topics from the taxonomy in `config.toml`: weighted keywords and phrases.

use crate::config::TopicDef;

/// The compiled taxonomy.
#[derive(Debug, Clone)]
pub struct Taxonomy {
    topics: Vec<TopicDef>,
    /// Per topic: (keyword tokens, weight), split once.
    compiled: Vec<Vec<(Vec<String>, f32)>>,
    /// Keyword lookup by a word's first five letters (or the whole word when shorter):
    /// (topic, keyword) pairs whose first token may match it.
    by_head: std::collections::HashMap<String, Vec<(usize, usize)>>,
    threshold: f32,
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

fn tokens(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|t| !t.is_empty())
        .map(|t| t.trim_matches('-').to_lowercase())
        .collect()
}

/// Keywords of five letters or more match word beginnings ("sanction" → "sanctions"); shorter
/// ones match whole words only ("iss" must not match "issues").
fn token_matches(tok: &str, kw: &str) -> bool {
    if kw.len() >= 5 {
        tok.starts_with(kw)
    } else {
        tok == kw
    }
}

impl Taxonomy {
    pub fn new(topics: Vec<TopicDef>, threshold: f32) -> Taxonomy {
        let compiled: Vec<Vec<(Vec<String>, f32)>> = topics
            .iter()
            .map(|t| {
                t.keywords
                    .iter()
                    .map(|(k, w)| (k.split_whitespace().map(str::to_string).collect(), *w))
                    .collect()
            })
            .collect();
        let mut by_head: std::collections::HashMap<String, Vec<(usize, usize)>> =
            Default::default();
        for (ti, kws) in compiled.iter().enumerate() {
            for (ki, (toks, _)) in kws.iter().enumerate() {
                if let Some(first) = toks.first() {
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
        let toks = tokens(text);
        // Hits per (topic, keyword): one hash look-up per word, not one scan per keyword.
        let mut hits: std::collections::HashMap<(usize, usize), usize> = Default::default();
        for (i, tok) in toks.iter().enumerate() {
            let Some(cands) = self.by_head.get(head(tok)) else {
                continue;
            };
            for &(ti, ki) in cands {
                let kw = &self.compiled[ti][ki].0;
                let last = kw.len() - 1;
                let ok = i + kw.len() <= toks.len()
                    && kw.iter().enumerate().all(|(k, part)| {
                        let t = &toks[i + k];
                        if k == last {
                            token_matches(t, part)
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
            scores[ti] += self.compiled[ti][ki].1 * (1.0 + 0.25 * (n.min(4) - 1) as f32);
        }
        let mut scored: Vec<(f32, &str)> = self
            .topics
            .iter()
            .zip(scores)
            .filter(|(_, sc)| *sc >= self.threshold)
            .map(|(t, sc)| (sc, t.id.as_str()))
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        scored.into_iter().map(|(_, id)| id.to_string()).collect()
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
