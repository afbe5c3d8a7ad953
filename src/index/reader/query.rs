//! The search box's text as a tantivy query: the language people type (words, "phrases",
//! OR, -exclusions, prefix*), with prefixes searched as ranges of the term dictionary.

use std::ops::Bound;

use tantivy::Term;
use tantivy::query::{BooleanQuery, Query, TermQuery};

/// The query language people get: words, "phrases", OR, -exclusions, prefix*. Field syntax
/// (`a:b`) is not part of it, so a colon is a space: "speaker:" or "10:30" never fails.
pub(super) fn user_query(text: &str) -> String {
    text.replace(':', " ")
}

/// The parser drops the `*` of a single word ("syr*" searched for "syr"), so each `word*`
/// outside quotation marks is swapped for a placeholder word before parsing and the
/// placeholder's term queries for a range of the term dictionary afterwards: every word
/// beginning so, however many, in the same place of the query (OR and - keep their sense).
pub(super) fn prefixes_as_placeholders(text: &str) -> (String, Vec<String>) {
    let mut out = String::with_capacity(text.len());
    let mut prefixes = Vec::new();
    let mut quoted = false;
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        out.push_str(word);
        word.clear();
    };
    for c in text.chars() {
        if c.is_alphanumeric() {
            word.push(c);
            continue;
        }
        if c == '*' && !quoted && !word.is_empty() {
            out.push_str(&format!("onrecordprefix{}x", prefixes.len()));
            prefixes.push(word.to_lowercase());
            word.clear();
            continue;
        }
        flush(&mut word, &mut out);
        if c == '"' {
            quoted = !quoted;
        }
        out.push(c);
    }
    flush(&mut word, &mut out);
    (out, prefixes)
}

/// Replaces the placeholders' term queries with term-range queries (see above).
pub(super) fn with_prefixes(q: Box<dyn Query>, prefixes: &[String]) -> Box<dyn Query> {
    if prefixes.is_empty() {
        return q;
    }
    if let Some(b) = q.downcast_ref::<BooleanQuery>() {
        let clauses = b
            .clauses()
            .iter()
            .map(|(o, c)| (*o, with_prefixes(c.box_clone(), prefixes)))
            .collect();
        return Box::new(BooleanQuery::new(clauses));
    }
    if let Some(t) = q.downcast_ref::<TermQuery>()
        && let Some(n) = t
            .term()
            .value()
            .as_str()
            .and_then(|w| w.strip_prefix("onrecordprefix"))
            .and_then(|w| w.strip_suffix('x'))
            .and_then(|n| n.parse::<usize>().ok())
        && let Some(prefix) = prefixes.get(n)
    {
        let field = t.term().field();
        return Box::new(tantivy::query::InvertedIndexRangeQuery::new(
            Bound::Included(Term::from_field_text(field, prefix)),
            Bound::Excluded(Term::from_field_text(field, &format!("{prefix}\u{10FFFF}"))),
        ));
    }
    q
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_words_become_placeholders_outside_quotes() {
        let (t, p) = prefixes_as_placeholders("Syr* OR -sanct* \"ira* deal\" x");
        assert_eq!(t, "onrecordprefix0x OR -onrecordprefix1x \"ira* deal\" x");
        assert_eq!(p, ["syr", "sanct"]);
        let (t, p) = prefixes_as_placeholders("* a* ** b");
        assert_eq!((t.as_str(), p.len()), ("* onrecordprefix0x ** b", 1));
    }
}
