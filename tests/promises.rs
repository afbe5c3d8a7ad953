//! README promises that no other test held (issue 19): dates, outlets and titles never
//! invented; an unresolvable pronoun drops its statement; every input form read end to end;
//! `stats --by week` and `--topic`. Each corpus is written by the test itself.

mod common;

use std::io::Write;
use std::path::Path;

use serde_json::{Value, json};

fn records(o: &std::process::Output) -> Vec<Value> {
    assert!(o.status.success(), "{}", common::stderr(o));
    common::stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn extract(dir: &Path, file: &str) -> Vec<Value> {
    records(&common::run(
        &[
            "extract",
            file,
            "--json",
            "--data",
            common::repo().join("data").to_str().unwrap(),
        ],
        dir,
    ))
}

fn one(dir: &Path, file: &str) -> Value {
    let mut r = extract(dir, file);
    assert_eq!(r.len(), 1, "{file}: {r:?}");
    r.remove(0)
}

#[test]
fn dates_outlets_titles_and_urls_are_never_invented() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    // A date in a sentence of the story dates nothing; nor does a headline-like first line
    // become a title, or anything an outlet or url.
    std::fs::write(
        d.join("sentence.txt"),
        "Summit ends\n\nOn March 3, 2014, the treaty was signed, and it still holds, Foreign Minister Sergey Lavrov said.\n",
    )
    .unwrap();
    let s = one(d, "sentence.txt");
    assert_eq!(s["speaker"], "Sergey Lavrov");
    for field in ["date", "outlet", "title", "url"] {
        assert_eq!(s[field], Value::Null, "{field}: {s}");
    }
    // A dateline (a line that is only the date) is the article's date.
    std::fs::write(
        d.join("dateline.txt"),
        "Summit ends\n\nMarch 3, 2014\n\nThe treaty still holds, Foreign Minister Sergey Lavrov said.\n",
    )
    .unwrap();
    assert_eq!(one(d, "dateline.txt")["date"], "2014-03-03");
    // JSON records: a date line inside the story never dates the record; a URL with only a
    // year and month dates nothing; a full date in the path does; missing fields stay null.
    let recs = [
        json!({"text": "Published 2015-06-01\n\nThe treaty still holds, Foreign Minister Sergey Lavrov said."}),
        json!({"text": "The treaty still holds, Foreign Minister Sergey Lavrov told reporters.", "url": "https://news.example/2019/11/treaty"}),
        json!({"text": "The treaty still holds, Foreign Minister Sergey Lavrov added.", "url": "https://news.example/2019/11/05/treaty"}),
    ];
    let jsonl: String = recs.iter().map(|r| r.to_string() + "\n").collect();
    std::fs::write(d.join("recs.jsonl"), jsonl).unwrap();
    let out = extract(d, "recs.jsonl");
    assert_eq!(out.len(), 3, "{out:?}");
    let by_cue = |cue: &str| {
        out.iter()
            .find(|s| s["cue"] == cue)
            .unwrap_or_else(|| panic!("{cue}: {out:?}"))
    };
    assert_eq!(
        by_cue("said")["date"],
        Value::Null,
        "a date line in a story"
    );
    assert_eq!(by_cue("told")["date"], Value::Null, "year and month only");
    assert_eq!(by_cue("told")["url"], "https://news.example/2019/11/treaty");
    assert_eq!(by_cue("added")["date"], "2019-11-05");
    for s in &out {
        assert_eq!(s["outlet"], Value::Null, "{s}");
        assert_eq!(s["title"], Value::Null, "{s}");
    }
}

#[test]
fn an_unresolvable_pronoun_drops_the_statement_rather_than_guess() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    // Nobody before "he".
    std::fs::write(
        d.join("nobody.txt"),
        "The meeting ended late on Friday.\n\n\"We will not back down,\" he said.\n",
    )
    .unwrap();
    assert!(extract(d, "nobody.txt").is_empty());
    // Only a woman before "he": not her.
    std::fs::write(
        d.join("woman.txt"),
        "Angela Merkel arrived in Paris on Friday.\n\n\"We will not back down,\" he said.\n",
    )
    .unwrap();
    assert!(extract(d, "woman.txt").is_empty());
    // The same with "she" is hers.
    std::fs::write(
        d.join("she.txt"),
        "Angela Merkel arrived in Paris on Friday.\n\n\"We will not back down,\" she said.\n",
    )
    .unwrap();
    assert_eq!(one(d, "she.txt")["speaker"], "Angela Merkel");
}

#[test]
fn every_input_form_is_read_end_to_end() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let news = d.join("news");
    std::fs::create_dir(&news).unwrap();
    let say = |what: &str| {
        format!("The talks on {what} were useful, Foreign Minister Sergey Lavrov said.")
    };
    // JSON array, gzip and zstd JSONL, an HTML page, a gzip text file.
    let array = json!([
        {"text": say("the array"), "source": "Array Wire", "date": "2020-01-02"},
        {"text": say("the second record"), "source": "Array Wire", "date": "2020-01-03"},
    ]);
    std::fs::write(news.join("a.json"), array.to_string()).unwrap();
    let line = json!({"text": say("gzip"), "source": "Gz Daily", "date": "2020-01-04"});
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all((line.to_string() + "\n").as_bytes()).unwrap();
    std::fs::write(news.join("b.jsonl.gz"), gz.finish().unwrap()).unwrap();
    let line = json!({"text": say("zstd"), "source": "Zst Post", "date": "2020-01-05"});
    let zst = zstd::encode_all((line.to_string() + "\n").as_bytes(), 3).unwrap();
    std::fs::write(news.join("c.jsonl.zst"), zst).unwrap();
    let html = format!(
        "<!doctype html><html><head><title>Talks on the page | Page Times</title>\
         <meta property=\"og:site_name\" content=\"Page Times\">\
         <meta property=\"article:published_time\" content=\"2020-01-06T10:00:00Z\"></head>\
         <body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><article><h1>Talks on the page</h1>\
         <p>{}</p><p>The ministers met for three hours in Geneva and agreed to meet again in March.</p>\
         </article></body></html>",
        say("the page")
    );
    std::fs::write(news.join("d.html"), html).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(format!("{}\n", say("plain text")).as_bytes())
        .unwrap();
    std::fs::write(news.join("e.txt.gz"), gz.finish().unwrap()).unwrap();

    let o = common::run(&["--index", "idx", "ingest", "news"], d);
    assert!(o.status.success(), "{}", common::stderr(&o));
    assert!(
        common::stderr(&o).contains("5 indexed"),
        "{}",
        common::stderr(&o)
    );
    let all = records(&common::run(
        &["--index", "idx", "search", "--json", "--limit", "50"],
        d,
    ));
    let find = |what: &str| {
        all.iter()
            .find(|s| s["text"].as_str().unwrap().contains(what))
            .unwrap_or_else(|| panic!("{what}: {all:?}"))
    };
    for (what, outlet, date, file) in [
        ("the array", "Array Wire", "2020-01-02", "a.json"),
        ("the second record", "Array Wire", "2020-01-03", "a.json"),
        ("gzip", "Gz Daily", "2020-01-04", "b.jsonl.gz"),
        ("zstd", "Zst Post", "2020-01-05", "c.jsonl.zst"),
        ("the page", "Page Times", "2020-01-06", "d.html"),
    ] {
        let s = find(what);
        assert_eq!(s["speaker"], "Sergey Lavrov", "{what}");
        assert_eq!(s["outlet"], outlet, "{what}");
        assert_eq!(s["date"], date, "{what}");
        assert!(s["source"].as_str().unwrap().contains(file), "{what}: {s}");
    }
    assert_eq!(find("the page")["title"], "Talks on the page");
    let s = find("plain text");
    assert!(s["source"].as_str().unwrap().contains("e.txt.gz"), "{s}");
    assert_eq!(s["date"], Value::Null);
    assert_eq!(all.len(), 6, "nothing from the page's menu: {all:?}");
}

#[test]
fn stats_by_iso_week_and_by_topic() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    std::fs::create_dir(d.join("news")).unwrap();
    // 30 Dec 2019 is a Monday in ISO week 2020-W01; 5 Jan 2020 its Sunday; 6 Jan starts W02.
    let recs = [
        ("2019-12-29", "The sanctions on Iran must stay in place"),
        (
            "2019-12-30",
            "The sanctions on Iran must stay in place for now",
        ),
        ("2020-01-05", "The talks on trade with China were useful"),
        (
            "2020-01-06",
            "The sanctions will be lifted only after the inspections",
        ),
    ];
    let jsonl: String = recs
        .iter()
        .map(|(date, text)| {
            json!({"text": format!("{text}, Foreign Minister Sergey Lavrov said."), "date": date, "source": "Wire"})
                .to_string()
                + "\n"
        })
        .collect();
    std::fs::write(d.join("news/n.jsonl"), jsonl).unwrap();
    let o = common::run(&["--index", "idx", "ingest", "news"], d);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let weeks = |extra: &[&str]| -> Vec<(String, u64)> {
        let mut args = vec![
            "--index",
            "idx",
            "stats",
            "--official",
            "lavrov",
            "--by",
            "week",
            "--json",
        ];
        args.extend_from_slice(extra);
        records(&common::run(&args, d))
            .iter()
            .map(|r| {
                (
                    r["period"].as_str().unwrap().to_string(),
                    r["count"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    let w = |p: &str, n: u64| (p.to_string(), n);
    assert_eq!(
        weeks(&[]),
        [w("2019-W52", 1), w("2020-W01", 2), w("2020-W02", 1)]
    );
    assert_eq!(
        weeks(&["--topic", "sanctions"]),
        [w("2019-W52", 1), w("2020-W01", 1), w("2020-W02", 1)]
    );
    // The table says the same, with the topic mix of each week.
    let o = common::run(
        &[
            "--index",
            "idx",
            "stats",
            "--official",
            "lavrov",
            "--by",
            "week",
        ],
        d,
    );
    let table = common::stdout(&o);
    let row = table
        .lines()
        .find(|l| l.starts_with("2020-W01"))
        .unwrap_or_else(|| panic!("{table}"));
    assert!(row.contains(" 2 "), "{row}");
    assert!(row.contains("sanctions 1"), "{row}");
}
