//! Web pages as researchers save them (pages of our own making in `tests/pages/`): statements
//! come only from the article, never from comments, related stories or menus; the page's own
//! metadata (title, date, address, site) is kept and nothing is invented; legacy encodings and
//! truncated pages are read. The article text of each page is pinned by a snapshot.

mod common;

use std::path::{Path, PathBuf};

use serde_json::Value;

fn page(name: &str) -> PathBuf {
    common::repo().join("tests/pages").join(name)
}

fn extract(path: &Path) -> Vec<Value> {
    let o = common::bin()
        .args(["extract", &path.display().to_string(), "--json"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", common::stderr(&o));
    common::stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// The article's own statements, which every page version of the story must give.
fn assert_the_story(st: &[Value]) {
    let said = |speaker: &str, words: &str| {
        st.iter()
            .any(|s| s["speaker"] == speaker && s["text"].as_str().unwrap().contains(words))
    };
    assert!(
        said("Sergey Lavrov", "We have agreed to meet again in March"),
        "{st:#?}"
    );
    assert!(said("John Kerry", "the talks had been useful"), "{st:#?}");
    assert!(
        said("John Kerry", "Nobody should expect miracles"),
        "{st:#?}"
    );
    for s in st {
        let text = s["text"].as_str().unwrap();
        for junk in [
            "never agree",
            "disgrace",
            "sanctions will stay",
            "ready to work with",
            "Share on",
            "All rights reserved",
        ] {
            assert!(
                !text.contains(junk),
                "{junk:?} from outside the article: {s}"
            );
        }
    }
}

#[test]
fn comments_are_never_statements() {
    let st = extract(&page("comments.html"));
    assert_the_story(&st);
    assert_eq!(st[0]["title"], "Lavrov and Kerry meet in Geneva");
    // The page says nothing of its date or address: none is invented.
    assert!(
        st.iter().all(|s| s["date"].is_null() && s["url"].is_null()),
        "{st:#?}"
    );
}

#[test]
fn related_stories_and_share_tools_are_never_statements() {
    let st = extract(&page("related.html"));
    assert_the_story(&st);
    assert_eq!(st[0]["outlet"], "The Daily Planet");
    assert_eq!(st[0]["title"], "Lavrov and Kerry meet in Geneva");
}

#[test]
fn json_ld_gives_the_date_and_the_canonical_address_the_url() {
    let st = extract(&page("jsonld.html"));
    assert_the_story(&st);
    for s in &st {
        assert_eq!(s["date"], "2016-02-09", "{s}");
        assert_eq!(
            s["url"],
            "https://planet.example/world/2016/02/lavrov-kerry-geneva"
        );
        assert_eq!(s["outlet"], "The Daily Planet");
        assert_ne!(
            s["speaker"], "Jane Reporter",
            "the byline is the author, not a speaker"
        );
    }
}

#[test]
fn a_time_element_dates_the_page_and_the_story_never_does() {
    let st = extract(&page("time.html"));
    assert_the_story(&st);
    assert!(st.iter().all(|s| s["date"] == "2016-02-09"), "{st:#?}");
}

#[test]
fn a_page_with_only_a_title_keeps_its_one_statement() {
    let st = extract(&page("title-only.html"));
    assert_eq!(st.len(), 1, "{st:#?}");
    assert_eq!(st[0]["text"], "The bridge will reopen in May");
    assert_eq!(st[0]["title"], "Short note");
    assert!(st[0]["date"].is_null());
}

#[test]
fn a_windows_1251_page_is_read_in_the_encoding_it_declares() {
    let html = "<html><head><meta charset=\"windows-1251\"><title>Лавров о переговорах</title></head>\
                <body><article><p>Министр иностранных дел России провёл переговоры в Женеве во вторник, \
                и обе стороны назвали их полезными.</p>\
                <p>«Мы договорились встретиться снова в марте», — сказал Сергей Лавров журналистам \
                после встречи с госсекретарём.</p></article></body></html>";
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1251.encode(html);
    assert!(!unmappable);
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the page must not be UTF-8"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lavrov.html");
    std::fs::write(&path, &bytes).unwrap();
    // onrecord's cues are English; what matters here is that the page's words arrive intact.
    let mut articles = Vec::new();
    let ok = onrecord::input::read_file(&path, 1 << 20, &mut |a| articles.push(a), &mut |p| {
        panic!("{p}")
    });
    assert!(ok);
    assert_eq!(articles.len(), 1);
    assert!(
        articles[0]
            .text
            .contains("«Мы договорились встретиться снова в марте», — сказал Сергей Лавров"),
        "{}",
        articles[0].text
    );
    assert_eq!(articles[0].title.as_deref(), Some("Лавров о переговорах"));
}

#[test]
fn a_truncated_page_gives_what_it_has_and_no_error() {
    let html = std::fs::read_to_string(page("comments.html")).unwrap();
    let cut = html.find("John Kerry said").unwrap() + 40;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cut.html");
    std::fs::write(&path, &html[..cut]).unwrap();
    let st = extract(&path);
    assert!(
        st.iter().any(|s| s["speaker"] == "Sergey Lavrov"),
        "{st:#?}"
    );
}

#[test]
fn an_empty_or_binary_page_is_one_line_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.html");
    std::fs::write(&empty, "<html><body>   </body></html>").unwrap();
    let binary = dir.path().join("binary.html");
    std::fs::write(&binary, [0u8, 159, 146, 150, 0, 1, 2, 3, 0, 0, 7]).unwrap();
    for path in [empty, binary] {
        let o = common::bin()
            .args(["extract", &path.display().to_string(), "--json"])
            .output()
            .unwrap();
        let err = common::stderr(&o);
        let lines: Vec<&str> = err.lines().filter(|l| !l.trim().is_empty()).collect();
        assert!(
            lines
                .iter()
                .any(|l| l.contains(&*path.display().to_string())),
            "{err}"
        );
        assert!(!err.contains("panicked"), "{err}");
        assert!(common::stdout(&o).trim().is_empty());
    }
}

#[test]
fn article_text_of_each_page() {
    for name in ["comments.html", "related.html", "jsonld.html", "time.html"] {
        let html = std::fs::read_to_string(page(name)).unwrap();
        let p = onrecord::html::read_page(&html);
        insta::assert_snapshot!(name, p.text);
    }
}
