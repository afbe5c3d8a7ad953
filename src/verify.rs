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
/// Every word counts the same here; `verify` weighs rare words over common ones.
pub fn similarity(sentence: &str, statement: &str) -> f64 {
    similarity_with(sentence, statement, &|_| 1.0)
}

/// As `similarity`, each word of the sentence counting `weight(word)`: "the" and "is" shared
/// by chance must not make a match. Only verbatim text (the sentence's words, in order,
/// inside the statement, whatever the spaces, quotation marks and case) scores 1.0; anything
/// else stays below 0.95, so "exact" means verbatim.
pub fn similarity_with(sentence: &str, statement: &str, weight: &dyn Fn(&str) -> f64) -> f64 {
    let a = words(sentence);
    let b = words(statement);
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let na = format!(" {} ", a.join(" "));
    if format!(" {} ", b.join(" ")).contains(&na) {
        return 1.0;
    }
    let weights: Vec<f64> = a.iter().map(|w| weight(w)).collect();
    let total: f64 = weights.iter().sum();
    if total <= 0.0 {
        return 0.0;
    }
    let mut bag: std::collections::HashMap<&str, usize> = Default::default();
    for w in &b {
        *bag.entry(w).or_default() += 1;
    }
    let mut shared = 0.0;
    for (w, wt) in a.iter().zip(&weights) {
        if let Some(n) = bag.get_mut(w.as_str())
            && *n > 0
        {
            *n -= 1;
            shared += wt;
        }
    }
    let containment = shared / total;
    // Weighted LCS over words (the sentence is short; the statement window is bounded).
    let b = &b[..b.len().min(400)];
    let mut prev = vec![0.0f64; b.len() + 1];
    for (x, wt) in a.iter().zip(&weights) {
        let mut cur = vec![0.0f64; b.len() + 1];
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if x == y {
                prev[j] + wt
            } else {
                prev[j + 1].max(cur[j])
            };
        }
        prev = cur;
    }
    let order = prev[b.len()] / total;
    (0.4 * containment + 0.6 * order).min(0.95)
}

pub fn verdict(score: f64) -> &'static str {
    if score >= 1.0 {
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
    // Rare words weigh more (inverse document frequency over the index).
    let weights: std::collections::HashMap<String, f64> = words(sentence)
        .into_iter()
        .map(|w| {
            let idf = store.idf(&w);
            (w, idf)
        })
        .collect();
    let weight = |w: &str| weights.get(w).copied().unwrap_or(1.0);
    let mut out: Vec<Match> = page
        .hits
        .into_iter()
        .map(|st| {
            let score = similarity_with(sentence, &st.text, &weight);
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

    /// `verify` against a small index of its own: the verbatim sentence first and exact with
    /// its speaker, a reworded one loose or close, nothing for unrelated or empty words, and
    /// never more than the limit.
    #[test]
    fn verify_finds_who_said_it_in_an_index() {
        let dir = tempfile::tempdir().unwrap();
        let news = dir.path().join("news");
        std::fs::create_dir(&news).unwrap();
        // Six hundred other statements first, so that the right one is not among the first
        // 200 unless the query finds it by its words.
        let filler: String = (0..600)
            .map(|i| format!("The weather on day {i} was mild in the capital, Foreign Minister Sergey Lavrov said.\n\n"))
            .collect();
        std::fs::write(
            news.join("a.txt"),
            filler + "The talks on missile deployments in Europe were useful and will go on next month, Foreign Minister Sergey Lavrov said.\n\n\"Our patience with the sanctions regime is not endless,\" Kerry said.\n",
        )
        .unwrap();
        let config = &crate::config::Config::defaults();
        let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let ex = crate::commands::extractor(&data, config).unwrap();
        let opts = crate::index::writer::IngestOptions {
            rebuild: false,
            max_file_bytes: config.max_file_bytes,
            progress: false,
        };
        let idx = dir.path().join("idx");
        crate::index::writer::ingest(&idx, &[news], &ex, &opts).unwrap();
        let store = Store::open(&idx).unwrap();

        let m = verify(
            &store,
            "the talks on missile deployments in Europe were useful",
            5,
        )
        .unwrap();
        assert!(!m.is_empty());
        assert_eq!(m[0].verdict, "exact");
        assert_eq!(m[0].statement.speaker, "Sergey Lavrov");
        // Content words alone find it too.
        let m = verify(&store, "talks missile deployments Europe useful", 5).unwrap();
        assert_eq!(
            m.first().map(|m| m.statement.speaker.as_str()),
            Some("Sergey Lavrov")
        );
        let m = verify(&store, "our patience with sanctions is not endless", 5).unwrap();
        assert_eq!(m[0].statement.speaker, "John Kerry");
        assert!(
            matches!(m[0].verdict, "close" | "loose"),
            "{}",
            m[0].verdict
        );
        assert!(m.iter().all(|x| x.score >= 0.55));
        assert!(
            verify(&store, "the weather in Paris is nice", 5)
                .unwrap()
                .is_empty()
        );
        assert!(verify(&store, "the and of", 5).unwrap().is_empty());
        assert!(verify(&store, "", 5).unwrap().is_empty());
        let m = verify(&store, "talks missile patience sanctions Europe endless", 1).unwrap();
        assert!(m.len() <= 1);
    }

    #[test]
    fn order_counts_words_in_sequence_even_with_one_skipped() {
        // Two of three words, in order: containment and order are both 2/3.
        let s = similarity("alpha omega beta", "alpha beta gamma");
        assert!((s - 2.0 / 3.0).abs() < 1e-9, "{s}");
        // The same words reversed keep containment but lose order.
        let r = similarity("beta alpha", "alpha beta gamma");
        assert!((r - (0.4 + 0.6 * 0.5)).abs() < 1e-9, "{r}");
    }

    #[test]
    fn a_word_counts_as_often_as_the_statement_has_it() {
        // "no" once in the statement: the sentence's other three count for nothing, so this
        // is no match (0.4), not a loose one.
        let s = similarity("no no no no deal", "no deal today");
        assert!((s - 0.4).abs() < 1e-9, "{s}");
        assert_eq!(verdict(s), "unlikely");
    }

    #[test]
    fn labels_change_exactly_at_their_thresholds() {
        for (score, label) in [
            (1.0, "exact"),
            (0.999, "close"),
            (0.95, "close"),
            (0.8, "close"),
            (0.799, "loose"),
            (0.55, "loose"),
            (0.549, "unlikely"),
            (0.0, "unlikely"),
        ] {
            assert_eq!(verdict(score), label, "{score}");
        }
    }

    #[test]
    fn exact_means_verbatim_and_rare_words_decide() {
        let st = "We are interested in close cooperation on the fight against crimes in cyberspace";
        // Spaces, case and quotation marks aside, verbatim is exact.
        assert_eq!(
            verdict(similarity("“CLOSE  cooperation on the fight”", st)),
            "exact"
        );
        // One word missing is close at best, never exact.
        let missing = similarity(
            "we are interested in close cooperation on the fight against crimes online",
            st,
        );
        assert!(missing < 1.0 && verdict(missing) != "exact", "{missing}");
        // Common words shared by chance count for little when rare words weigh more.
        let rare = |w: &str| match w {
            "the" | "in" | "is" | "a" => 0.1,
            _ => 3.0,
        };
        assert!(similarity_with("the weather in Paris is nice", st, &rare) < 0.55);
    }
}
