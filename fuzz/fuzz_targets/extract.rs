//! The whole extraction pipeline on arbitrary bytes: decoded as a text file would be, then
//! statements out. Checks what the property tests check: no panic, the same answer twice,
//! every statement's words taken from the normalised input, a speaker for each.
#![no_main]

use libfuzzer_sys::fuzz_target;
use onrecord::config::Config;
use onrecord::extract::Extractor;
use onrecord::extract::officials::Gazetteer;
use onrecord::extract::topics::Taxonomy;
use onrecord::model::Article;
use std::sync::LazyLock;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(|| {
    let c = Config::defaults();
    Extractor::new(
        Gazetteer::builtin(),
        Taxonomy::new(c.topics, c.topic_threshold),
    )
});

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = onrecord::extract::decode::decode(data) else {
        return;
    };
    let article = Article {
        source: "fuzz.txt".into(),
        text: text.clone(),
        ..Article::default()
    };
    let a = EXTRACTOR.extract(&article);
    let b = EXTRACTOR.extract(&article);
    assert_eq!(a, b, "extraction is deterministic");
    let normalized = squash(&onrecord::extract::text::normalize(&text));
    for st in &a {
        assert!(!st.speaker.trim().is_empty(), "a statement has a speaker");
        for piece in st.text.split(" … ") {
            assert!(
                normalized.contains(piece.trim()),
                "statement text {piece:?} is not in the input"
            );
        }
    }
});
