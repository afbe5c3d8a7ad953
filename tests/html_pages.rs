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

/// A WARC record: headers, a blank line, the block and two line ends.
fn warc_record(kind: &str, uri: &str, content_type: &str, block: &[u8], n: usize) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2016-02-10T08:00:00Z\r\n\
         WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{n:012}>\r\nContent-Type: {content_type}\r\n\
         Content-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn http_response(content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    r.extend_from_slice(body);
    r
}

/// A web archive as crawlers write it: an HTML page, an image, a request record, a page with
/// no date of its own, and (in the truncated copy) a record cut short.
#[test]
fn a_warc_archive_gives_one_article_per_html_response() {
    let story = std::fs::read(page("jsonld.html")).unwrap();
    let plain = std::fs::read(page("comments.html")).unwrap();
    let mut archive = Vec::new();
    archive.extend(warc_record(
        "request",
        "https://planet.example/a",
        "application/http; msgtype=request",
        b"GET /a HTTP/1.1\r\nHost: planet.example\r\n\r\n",
        1,
    ));
    archive.extend(warc_record(
        "response",
        "https://planet.example/a",
        "application/http; msgtype=response",
        &http_response("text/html; charset=utf-8", &story),
        2,
    ));
    archive.extend(warc_record(
        "response",
        "https://planet.example/logo.png",
        "application/http; msgtype=response",
        &http_response("image/png", b"\x89PNG\r\n\x1a\n...."),
        3,
    ));
    archive.extend(warc_record(
        "response",
        "https://planet.example/b",
        "application/http; msgtype=response",
        &http_response("text/html", &plain),
        4,
    ));
    let dir = tempfile::tempdir().unwrap();
    // .warc.gz as crawlers write it: one gzip member per record.
    let path = dir.path().join("crawl.warc.gz");
    {
        use std::io::Write;
        let mut file = std::fs::File::create(&path).unwrap();
        let mut rest = &archive[..];
        while let Some(end) = rest.windows(9).skip(1).position(|w| w == b"WARC/1.0\r") {
            let (record, tail) = rest.split_at(end + 1);
            let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            e.write_all(record).unwrap();
            file.write_all(&e.finish().unwrap()).unwrap();
            rest = tail;
        }
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(rest).unwrap();
        file.write_all(&e.finish().unwrap()).unwrap();
    }
    let st = extract(&path);
    assert_the_story(&st);
    let from_a: Vec<&Value> = st
        .iter()
        .filter(|s| s["url"] == "https://planet.example/world/2016/02/lavrov-kerry-geneva")
        .collect();
    assert!(!from_a.is_empty(), "{st:#?}");
    assert!(
        from_a.iter().all(|s| s["date"] == "2016-02-09"),
        "the page's own date wins"
    );
    let from_b: Vec<&Value> = st
        .iter()
        .filter(|s| s["url"] == "https://planet.example/b")
        .collect();
    assert!(
        !from_b.is_empty(),
        "the record's address when the page names none"
    );
    assert!(
        from_b.iter().all(|s| s["date"] == "2016-02-10"),
        "else the fetch date"
    );

    // A record is its URL and digest, not its place: the page fetched twice unchanged is read
    // once, and its statements have the same ids in another archive at another position.
    let ids = |st: &[Value]| -> Vec<String> {
        let mut v: Vec<String> = st
            .iter()
            .filter(|s| s["url"] == "https://planet.example/world/2016/02/lavrov-kerry-geneva")
            .map(|s| s["id"].as_str().unwrap().to_string())
            .collect();
        v.sort();
        v
    };
    let story_record = warc_record(
        "response",
        "https://planet.example/a",
        "application/http; msgtype=response",
        &http_response("text/html; charset=utf-8", &story),
        9,
    );
    let twice = dir.path().join("twice.warc");
    let mut both = archive.clone();
    both.extend(&story_record);
    std::fs::write(&twice, &both).unwrap();
    assert_eq!(
        ids(&extract(&twice)),
        ids(&st),
        "the second fetch is read once"
    );
    let alone = dir.path().join("alone.warc");
    std::fs::write(&alone, &story_record).unwrap();
    assert_eq!(ids(&extract(&alone)), ids(&st), "same page, same ids");

    // Truncated inside the last record: the records before it, and one line saying so.
    let cut = dir.path().join("cut.warc");
    std::fs::write(&cut, &archive[..archive.len() - 500]).unwrap();
    let o = common::bin()
        .args(["extract", &cut.display().to_string(), "--json"])
        .output()
        .unwrap();
    let err = common::stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("cut.warc: record 4: truncated"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(common::stdout(&o).contains("Nobody should expect miracles"));
}

/// Peak resident memory (KiB) of one run of the binary, from the kernel's accounting of that
/// child alone (`wait4`), so tests running beside it do not count.
#[allow(clippy::zombie_processes)] // reaped by wait4, which std's wait cannot replace here
fn peak_rss_kib(args: &[&str]) -> i64 {
    let child = common::bin()
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut status = 0;
    // SAFETY: a zeroed rusage is a valid value; wait4 reaps the child we spawned and owns.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    assert_eq!(pid, child.id() as libc::pid_t);
    assert!(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0);
    usage.ru_maxrss
}

/// A web archive is read record by record: ten times the records, the same memory. The archive
/// is mostly what crawls are mostly made of (images, scripts) between the article pages, so
/// the large one is 70 MB and still quick to read.
#[test]
fn a_web_archive_streams_in_flat_memory() {
    let pages = [
        std::fs::read(page("jsonld.html")).unwrap(),
        std::fs::read(page("comments.html")).unwrap(),
        std::fs::read(page("related.html")).unwrap(),
    ];
    let image = vec![0x5au8; 1 << 20];
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, rounds: usize| {
        use std::io::Write;
        let path = dir.path().join(name);
        let mut out = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
        let mut n = 0;
        let mut record = |uri: String, body: Vec<u8>| {
            n += 1;
            let kind = "application/http; msgtype=response";
            out.write_all(&warc_record("response", &uri, kind, &body, n))
                .unwrap();
        };
        for r in 0..rounds {
            for (k, p) in pages.iter().enumerate() {
                record(
                    format!("https://planet.example/{r}/{k}"),
                    http_response("text/html", p),
                );
            }
            record(
                format!("https://planet.example/{r}.jpg"),
                http_response("image/jpeg", &image),
            );
        }
        out.flush().unwrap();
        path.display().to_string()
    };
    let small = write("small.warc", 7);
    let large = write("large.warc", 70);
    let small_kib = peak_rss_kib(&["extract", &small, "--json"]);
    let large_kib = peak_rss_kib(&["extract", &large, "--json"]);
    // One record (1 MiB) and its parse are in memory at a time, whatever the archive's size;
    // reading the archive whole would add its 70 MB.
    assert!(
        large_kib < small_kib + 16 * 1024,
        "7 MB archive: {small_kib} KiB peak; 70 MB archive: {large_kib} KiB peak"
    );
}
