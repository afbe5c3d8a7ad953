//! The query and filter parsers on arbitrary text, against an index of the seed articles:
//! free text in tantivy's syntax, user dates, official names; never an error for a query
//! (it is parsed leniently), never a panic, and a page never longer than asked.
#![no_main]

use libfuzzer_sys::fuzz_target;
use onrecord::index::reader::{Sort, Store, parse_user_date};
use onrecord::model::Filter;
use std::path::Path;
use std::sync::LazyLock;

static STORE: LazyLock<(tempfile::TempDir, Store)> = LazyLock::new(|| {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
    let dir = tempfile::tempdir().expect("temp dir");
    let config = onrecord::config::Config::defaults();
    let ex = onrecord::commands::extractor(&data, &config).expect("extractor");
    let opts = onrecord::index::writer::IngestOptions {
        rebuild: false,
        max_file_bytes: config.max_file_bytes,
        progress: false,
    };
    let idx = dir.path().join("idx");
    onrecord::index::writer::ingest(&idx, &[data], &ex, &opts).expect("ingest the seeds");
    let store = Store::open(&idx).expect("open");
    (dir, store)
});

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let store = &STORE.1;
    // The same text as a query, a date at both ends, and an official's name.
    let since = parse_user_date(text, false).ok();
    let until = parse_user_date(text, true).ok();
    if let (Some(a), Some(b)) = (&since, &until) {
        assert!(a <= b, "{text:?}: {a} after {b}");
    }
    let official = store.official_name(text);
    let _ = onrecord::names::match_official(text, &["Sergey Lavrov".to_string()]);
    for sort in [Sort::Relevance, Sort::Date, Sort::Speaker] {
        let f = Filter {
            query: text.to_string(),
            since: since.clone(),
            until: until.clone(),
            official: official.clone(),
            ..Filter::default()
        };
        let page = store.page(&f, sort, 0, 5).expect("a query never fails");
        assert!(page.hits.len() <= 5 && page.hits.len() <= page.total);
        let cached = store.page_cached(&f, sort, 0, 5).expect("cached page");
        assert_eq!(cached.total, page.total, "{text:?}: counts agree");
        store
            .groups(&f, &Default::default())
            .expect("groups never fail");
        let _ = store.highlights(&f, "Sergey Lavrov said relations were at a low point");
    }
});
