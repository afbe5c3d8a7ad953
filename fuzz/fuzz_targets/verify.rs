//! `verify`'s scorer on arbitrary pairs of texts: a score in [0, 1], 1 only for verbatim
//! text (the sentence's words, in order, inside the statement), a text always verbatim in
//! itself, and the verdict named for every score.
#![no_main]

use libfuzzer_sys::fuzz_target;
use onrecord::verify::{similarity, similarity_with, verdict};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (sentence, statement) = text.split_once('\u{0}').unwrap_or((text, text));
    for score in [
        similarity(sentence, statement),
        similarity_with(sentence, statement, &|w| w.len() as f64),
        similarity_with(sentence, statement, &|_| 0.0),
    ] {
        assert!((0.0..=1.0).contains(&score), "{score} for {sentence:?} / {statement:?}");
        assert!(!verdict(score).is_empty());
    }
    let words = sentence.split_whitespace().any(|w| w.chars().any(char::is_alphanumeric));
    if words {
        assert_eq!(similarity(sentence, sentence), 1.0, "{sentence:?} is verbatim in itself");
    }
});
