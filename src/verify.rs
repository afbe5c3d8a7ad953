//! Quote verification: who really said a sentence someone sent you? The index is searched for
//! statements sharing its words, and each candidate is scored by how much of the sentence it
//! contains, word for word and in order.

use crate::index::IndexError;
use crate::index::reader::{Sort, Store};
use crate::model::{Filter, Statement};

/// How close a statement is to the sentence, 0–1, and what that means in words.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Match {
    pub score: f64,
    pub verdict: &'static str,
    pub statement: Statement,
}

const STOP: &[&str] = &[
    "the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "for", "with", "is", "are", "was",
    "were", "be", "been", "it", "that", "this", "we", "i", "you", "he", "she", "they", "our", "by",
    "as", "not", "but", "from", "has", "have", "had", "will", "would",
];

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Share of the sentence's words found in the statement, weighted toward words in the same
/// order (longest common subsequence), so a reworded quote scores below a verbatim one.
pub fn similarity(sentence: &str, statement: &str) -> f64 {
    let a = words(sentence);
    let b = words(statement);
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let na = a.join(" ");
    if b.join(" ").contains(&na) {
        return 1.0;
    }
    let mut bag: std::collections::HashMap<&str, usize> = Default::default();
    for w in &b {
        *bag.entry(w).or_default() += 1;
    }
    let mut shared = 0;
    for w in &a {
        if let Some(n) = bag.get_mut(w.as_str())
            && *n > 0
        {
            *n -= 1;
            shared += 1;
        }
    }
    let containment = shared as f64 / a.len() as f64;
    // LCS over words (the sentence is short; the statement window is bounded).
    let b = &b[..b.len().min(400)];
    let mut prev = vec![0usize; b.len() + 1];
    for x in &a {
        let mut cur = vec![0usize; b.len() + 1];
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if x == y {
                prev[j] + 1
            } else {
                prev[j + 1].max(cur[j])
            };
        }
        prev = cur;
    }
    let order = prev[b.len()] as f64 / a.len() as f64;
    (0.4 * containment + 0.6 * order).min(0.99)
}

pub fn verdict(score: f64) -> &'static str {
    if score >= 0.99 {
        "exact"
    } else if score >= 0.8 {
        "close"
    } else if score >= 0.55 {
        "loose"
    } else {
        "unlikely"
    }
}

/// The closest statements on record, best first (only those at least a loose match).
pub fn verify(store: &Store, sentence: &str, limit: usize) -> Result<Vec<Match>, IndexError> {
    let content: Vec<String> = words(sentence)
        .into_iter()
        .filter(|w| !STOP.contains(&w.as_str()))
        .collect();
    if content.is_empty() {
        return Ok(Vec::new());
    }
    // Any of the words may match; relevance brings the ones sharing most of them first.
    let query = content
        .iter()
        .map(|w| format!("\"{w}\""))
        .collect::<Vec<_>>()
        .join(" OR ");
    let filter = Filter {
        query,
        ..Filter::default()
    };
    let page = store.page(&filter, Sort::Relevance, 0, 200)?;
    let mut out: Vec<Match> = page
        .hits
        .into_iter()
        .map(|st| {
            let score = similarity(sentence, &st.text);
            Match {
                score,
                verdict: verdict(score),
                statement: st,
            }
        })
        .filter(|m| m.score >= 0.55)
        .collect();
    out.sort_by(|a, b| b.score.total_cmp(&a.score));
    out.truncate(limit);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similarity_orders_verbatim_reworded_and_unrelated() {
        let st = "We are interested in close cooperation on the fight against crimes in cyberspace";
        assert_eq!(
            similarity("close cooperation on the fight against crimes", st),
            1.0
        );
        let reworded = similarity(
            "we're interested in close cooperation to fight crime in cyberspace",
            st,
        );
        assert!((0.55..0.99).contains(&reworded), "{reworded}");
        assert!(similarity("the weather in Paris is nice today", st) < 0.55);
    }
}
