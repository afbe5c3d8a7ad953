//! The input readers on arbitrary bytes, as a file of each kind onrecord reads (JSONL, HTML,
//! plain text, WARC, gzip'd JSONL): never a panic, problems reported, every article's text
//! valid and its fields free of control characters that would reach the terminal.
#![no_main]

use libfuzzer_sys::fuzz_target;

const KINDS: [&str; 6] = ["jsonl", "html", "txt", "warc", "json", "jsonl.gz"];

fuzz_target!(|data: &[u8]| {
    let Some((&kind, body)) = data.split_first() else {
        return;
    };
    let ext = KINDS[kind as usize % KINDS.len()];
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(format!("input.{ext}"));
    std::fs::write(&path, body).expect("write input");
    let mut articles = Vec::new();
    let mut problems = Vec::new();
    onrecord::input::read_file(
        &path,
        1 << 20,
        &mut |a| articles.push(a),
        &mut |p| problems.push(p),
    );
    for p in &problems {
        assert!(!p.contains('\n'), "a problem is one line: {p:?}");
    }
    for a in &articles {
        for field in [Some(&a.source), a.title.as_ref(), a.url.as_ref(), a.outlet.as_ref()]
            .into_iter()
            .flatten()
        {
            assert!(
                !field.chars().any(|c| c.is_control() && c != '\t'),
                "no control characters in {field:?}"
            );
        }
    }
});
