//! Topics from the taxonomy in `config.toml`: weighted keywords and phrases.

use crate::config::TopicDef;

/// The compiled taxonomy.
#[derive(Debug, Clone)]
pub struct Taxonomy {
    topics: Vec<TopicDef>,
    threshold: f32,
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

impl Taxonomy {
    pub fn new(topics: Vec<TopicDef>, threshold: f32) -> Taxonomy {
        Taxonomy { topics, threshold }
    }

    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.topics.iter().map(|t| t.id.as_str())
    }

    pub fn label(&self, id: &str) -> Option<&str> {
        self.topics
            .iter()
            .find(|t| t.id == id)
            .map(|t| t.label.as_str())
    }

    /// Every topic whose score reaches the threshold, best first; empty when none does.
    pub fn score(&self, text: &str) -> Vec<String> {
        let toks = tokens(text);
        let mut scored: Vec<(f32, &str)> = Vec::new();
        for t in &self.topics {
            let mut score = 0.0;
            for (kw, w) in &t.keywords {
                let kw_toks: Vec<&str> = kw.split_whitespace().collect();
                let hits = if kw_toks.len() == 1 {
                    toks.iter()
                        .filter(|tok| tok.starts_with(kw_toks[0]))
                        .count()
                } else {
                    toks.windows(kw_toks.len())
                        .filter(|win| {
                            win.iter().zip(&kw_toks).enumerate().all(|(i, (a, b))| {
                                if i + 1 == kw_toks.len() {
                                    a.starts_with(b)
                                } else {
                                    a == b
                                }
                            })
                        })
                        .count()
                };
                // Repeats count, but less: one word said five times is not five topics.
                if hits > 0 {
                    score += w * (1.0 + 0.25 * (hits.min(4) - 1) as f32);
                }
            }
            if score >= self.threshold {
                scored.push((score, &t.id));
            }
        }
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
    }
}
