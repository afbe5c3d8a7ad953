//! The index and the look-up commands on the seed articles: `--json` contracts, filters,
//! incremental re-ingest, schema rebuild, and clean errors.

mod common;

use std::path::Path;

use serde_json::Value;

fn onrecord(dir: &Path, args: &[&str]) -> std::process::Output {
    common::bin()
        .args(["--index", "idx"])
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn json_lines(o: &std::process::Output) -> Vec<Value> {
    common::stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

#[test]
fn ingest_then_look_up() {
    let tmp = common::data_copy();
    let d = tmp.path();
    let o = onrecord(d, &["ingest"]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    assert!(
        common::stderr(&o).contains("5 articles"),
        "{}",
        common::stderr(&o)
    );

    // Filters by official (any spelling, any case) and topic.
    let o = onrecord(
        d,
        &[
            "search",
            "--official",
            "sergei lavrov",
            "--topic",
            "syria",
            "--json",
        ],
    );
    assert!(o.status.success(), "{}", common::stderr(&o));
    let hits = json_lines(&o);
    assert!(hits.len() >= 3, "{hits:?}");
    for h in &hits {
        assert_eq!(h["speaker"], "Sergey Lavrov");
        assert!(
            h["topics"]
                .as_array()
                .unwrap()
                .contains(&Value::from("syria"))
        );
        for f in [
            "id",
            "speaker_title",
            "affiliation",
            "kind",
            "text",
            "cue",
            "date",
            "outlet",
            "title",
            "source",
            "paragraph",
            "also_reported_by",
        ] {
            assert!(h.get(f).is_some(), "{f} missing");
        }
    }
    // Full text, phrase and date range.
    let o = onrecord(d, &["search", "\"Minsk agreement\"", "--json"]);
    assert!(
        json_lines(&o)
            .iter()
            .any(|h| h["text"].as_str().unwrap().contains("Minsk agreement"))
    );
    let o = onrecord(
        d,
        &[
            "search",
            "--since",
            "2017-05",
            "--until",
            "2017-05-31",
            "--json",
        ],
    );
    let hits = json_lines(&o);
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h["date"] == "2017-05-30"), "{hits:?}");
    // Lenient parsing: a stray quote or colon is not an error.
    for q in ["\"unclosed", "speaker:", "a:b:c", "((", "-"] {
        let o = onrecord(d, &["search", q]);
        assert!(o.status.success(), "{q}: {}", common::stderr(&o));
    }
    // The table fits 120 columns when piped, and there is a table to fit.
    let o = onrecord(d, &["search", "cooperation"]);
    let table = common::stdout(&o);
    assert!(table.lines().count() >= 2, "{table}");
    assert!(table.contains("Sergey Lavrov"), "{table}");
    assert!(table.lines().all(|l| l.chars().count() <= 120), "{table}");

    let o = onrecord(d, &["officials", "--json"]);
    let officials = json_lines(&o);
    assert_eq!(officials[0]["official"], "Sergey Lavrov");
    let o = onrecord(d, &["topics", "--json"]);
    assert!(
        json_lines(&o)
            .iter()
            .any(|t| t["topic"] == "ukraine" && t["statements"].as_u64().unwrap() >= 3)
    );
    let o = onrecord(d, &["stats", "--json"]);
    let stats = &json_lines(&o)[0];
    assert!(stats["statements"].as_u64().unwrap() >= 56);
    assert!(stats["years"]["2017"].as_u64().unwrap() >= 10);
    assert!(stats["outlets"]["TASS"].as_u64().unwrap() >= 8);
    // Officials are people, institutions and countries; a group has its own count.
    assert!(stats["officials"]["Sergey Lavrov"].as_u64().unwrap() >= 1);
    assert!(
        stats["officials"]
            .get("Russia and the United States")
            .is_none(),
        "{stats}"
    );
    assert!(
        stats["speaker_kinds"]["group"].as_u64().unwrap() >= 1,
        "{stats}"
    );

    // Exports in every format.
    for (fmt, check) in [
        ("jsonl", "\"speaker\":\"John Kerry\""),
        ("json", "\"speaker\": \"John Kerry\""),
        ("csv", "id,date,speaker"),
        ("md", "> "),
    ] {
        let o = onrecord(d, &["export", "--format", fmt, "--official", "kerry"]);
        assert!(o.status.success());
        assert!(
            common::stdout(&o).contains(check),
            "{fmt}: {}",
            common::stdout(&o)
        );
    }
    let o = onrecord(d, &["export", "--format", "csv", "-o", "out.csv"]);
    assert!(o.status.success());
    let mut rdr = csv::Reader::from_path(d.join("out.csv")).unwrap();
    assert!(rdr.records().count() >= 56);
}

#[test]
fn reingest_touches_only_changed_files_and_drops_removed_ones() {
    let tmp = common::data_copy();
    let d = tmp.path();
    assert!(onrecord(d, &["ingest"]).status.success());
    let before = json_lines(&onrecord(d, &["export", "--format", "jsonl"]));
    let f = d.join("data/002_78ae369a504d9cd7.txt");
    std::fs::write(&f, "Moscow\n\nThe talks in Geneva were useful and will continue next month, Deputy Foreign Minister Sergey Ryabkov told reporters on Friday.\n").unwrap();
    let o = onrecord(d, &["ingest"]);
    let err = common::stderr(&o);
    assert!(err.contains("1 indexed, 4 unchanged"), "{err}");
    let after = json_lines(&onrecord(d, &["export", "--format", "jsonl"]));
    let of = |v: &Vec<Value>, name: &str| {
        v.iter()
            .filter(|s| s["source"].as_str().unwrap().contains(name))
            .map(|s| s["id"].clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        of(&before, "000_"),
        of(&after, "000_"),
        "unchanged file keeps its statements and ids"
    );
    let edited = of(&after, "002_");
    assert_eq!(edited.len(), 1);
    std::fs::remove_file(d.join("data/004_6a155f875c863dc1.txt")).unwrap();
    let o = onrecord(d, &["ingest"]);
    assert!(
        common::stderr(&o).contains("1 removed"),
        "{}",
        common::stderr(&o)
    );
    let after = json_lines(&onrecord(d, &["export", "--format", "jsonl"]));
    assert!(of(&after, "004_").is_empty());
}

#[test]
fn schema_change_rebuilds_and_rebuild_flag_works() {
    let tmp = common::data_copy();
    let d = tmp.path();
    assert!(onrecord(d, &["ingest"]).status.success());
    let ids = |d: &Path| {
        let mut v: Vec<(String, String, String)> =
            json_lines(&onrecord(d, &["export", "--format", "jsonl"]))
                .iter()
                .map(|s| {
                    (
                        s["id"].as_str().unwrap().to_string(),
                        s["speaker"].as_str().unwrap().to_string(),
                        s["text"].as_str().unwrap().to_string(),
                    )
                })
                .collect();
        v.sort();
        v
    };
    let before = ids(d);
    let meta = d.join("idx/onrecord-meta.json");
    // An index written by an older schema version.
    let mut m: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&meta).unwrap()).unwrap();
    m["schema_version"] = serde_json::json!(0);
    let text = m.to_string();
    std::fs::write(&meta, text).unwrap();
    let o = onrecord(d, &["ingest"]);
    assert!(
        common::stderr(&o).contains("(rebuilt)"),
        "{}",
        common::stderr(&o)
    );
    assert!(
        common::stderr(&o).contains("5 indexed"),
        "{}",
        common::stderr(&o)
    );
    let o = onrecord(d, &["ingest", "--rebuild"]);
    assert!(
        common::stderr(&o).contains("5 indexed"),
        "{}",
        common::stderr(&o)
    );
    // The rebuilt index holds exactly the statements of the first build.
    let after = ids(d);
    assert_eq!(after, before, "a rebuild keeps every statement and its id");
    assert!(after.len() >= 56);
}

#[test]
fn second_writer_is_refused() {
    let tmp = common::data_copy();
    let d = tmp.path();
    assert!(onrecord(d, &["ingest"]).status.success());
    // Hold the writer lock the way a running ingest does.
    let index = tantivy::Index::open_in_dir(d.join("idx")).unwrap();
    let _writer: tantivy::IndexWriter = index.writer(20_000_000).unwrap();
    let o = onrecord(d, &["ingest", "--rebuild"]);
    assert_eq!(o.status.code(), Some(2));
    let err = common::stderr(&o);
    assert!(
        err.contains("index is being updated by another process"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    // Readers keep working meanwhile.
    let o = onrecord(d, &["search", "--official", "kerry", "--json"]);
    assert_eq!(json_lines(&o).len(), 3);
}

#[test]
fn bad_arguments_are_one_line_errors() {
    let tmp = common::data_copy();
    let d = tmp.path();
    assert!(onrecord(d, &["ingest"]).status.success());
    for (args, want) in [
        (vec!["search", "--since", "2017-13-45"], "bad date"),
        (
            vec!["search", "--official", "lavorv"],
            "did you mean 'Sergey Lavrov'",
        ),
        (vec!["search", "--topic", "syra"], "did you mean 'syria'"),
        (vec!["search", "--kind", "quoted"], "unknown kind"),
    ] {
        let o = onrecord(d, &args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = common::stderr(&o);
        assert!(err.contains(want), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    }
    // An unknown flag is a usage error: exit 2, as for every command that cannot run.
    let o = onrecord(d, &["search", "--frobnicate"]);
    assert_eq!(o.status.code(), Some(2), "{}", common::stderr(&o));
    assert!(common::stderr(&o).contains("--frobnicate"));
    // Malformed JSONL: reported with its line number, the rest ingested.
    std::fs::write(d.join("data/more.jsonl"), "{\"text\":\"The plan is ready, Deputy Minister Ivan Petrov told reporters on Friday.\",\"date\":\"2019-03-01\"}\n{broken\n").unwrap();
    let o = onrecord(d, &["ingest"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        common::stderr(&o).contains("more.jsonl:2:"),
        "{}",
        common::stderr(&o)
    );
    let o = onrecord(d, &["search", "--official", "petrov", "--json"]);
    assert_eq!(json_lines(&o).len(), 1);
}

#[test]
fn unwritable_index_directory_is_reported() {
    let tmp = common::data_copy();
    let d = tmp.path();
    std::fs::write(d.join("blocker"), "not a directory").unwrap();
    let o = common::bin()
        .args(["--index", "blocker/idx", "ingest"])
        .current_dir(d)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = common::stderr(&o);
    assert!(err.contains("blocker"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn verify_finds_a_reworded_quote_and_timelines_count_by_period() {
    let tmp = common::data_copy();
    let d = tmp.path();
    assert!(onrecord(d, &["ingest"]).status.success());
    // A seed quote, lightly reworded: the right speaker and source come first.
    let o = onrecord(
        d,
        &[
            "verify",
            "we want to change the negative trend in politics and in the economy",
            "--json",
        ],
    );
    assert!(o.status.success(), "{}", common::stderr(&o));
    let hits = json_lines(&o);
    assert_eq!(hits[0]["speaker"], "Sergey Ryabkov", "{hits:?}");
    assert!(
        hits[0]["source"]
            .as_str()
            .unwrap()
            .contains("001_4a0582fe3bb4a27c")
    );
    assert!(hits[0]["match_score"].as_f64().unwrap() >= 0.55);
    let o = onrecord(
        d,
        &["verify", "Nothing about penguins has ever been said here"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(common::stdout(&o).contains("Nothing close"));
    // Timeline of one official.
    let o = onrecord(
        d,
        &["stats", "--official", "lavrov", "--by", "month", "--json"],
    );
    let rows = json_lines(&o);
    let feb = rows
        .iter()
        .find(|r| r["period"] == "2018-02")
        .expect("2018-02 bucket");
    assert!(feb["count"].as_u64().unwrap() >= 7);
    assert!(
        feb["topics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t[0] == "relations")
    );
    let o = onrecord(d, &["stats", "--official", "lavrov", "--by", "year"]);
    assert!(common::stdout(&o).contains("2018"));
}

#[test]
fn corroboration_links_the_same_words_across_outlets_and_nothing_else() {
    let tmp = common::data_copy();
    let d = tmp.path();
    let q =
        "The deployment of new missiles in Europe will force us to respond, and we will respond";
    let recs = [
        (
            "TASS",
            "2019-03-01",
            format!(
                "\"{q},\" Russian Foreign Minister Sergey Lavrov told reporters in Moscow on Friday."
            ),
        ),
        (
            "Sputnik",
            "2019-03-02",
            format!(
                "Speaking at a news conference, the minister was blunt. \"{q},\" Lavrov said on Friday."
            ),
        ),
        (
            "Trend",
            "2019-03-03",
            format!("Russian Foreign Minister Sergei Lavrov said: \"{q}.\""),
        ),
        (
            "TASS",
            "2019-03-01",
            format!(
                "\"{q},\" Russian Foreign Minister Sergey Lavrov told reporters in Moscow on Friday."
            ),
        ),
        (
            "Reuters",
            "2019-03-02",
            format!("\"{q},\" Kremlin spokesman Dmitry Peskov said."),
        ),
        (
            "Interfax",
            "2019-03-05",
            format!("\"{q},\" Lavrov told Interfax."),
        ),
        (
            "RIA",
            "2019-09-20",
            format!("\"{q},\" Lavrov said again in September."),
        ),
    ];
    let jsonl: String = recs
        .iter()
        .map(|(o, dt, t)| {
            serde_json::json!({"text": t, "source": o, "date": dt}).to_string() + "\n"
        })
        .collect();
    std::fs::write(d.join("data/corr.jsonl"), jsonl).unwrap();
    assert!(onrecord(d, &["ingest"]).status.success());
    let o = onrecord(
        d,
        &[
            "search",
            "deployment missiles Europe",
            "--limit",
            "50",
            "--json",
        ],
    );
    let hits = json_lines(&o);
    let also = |outlet: &str, date: &str, speaker: &str| -> Vec<String> {
        hits.iter()
            .find(|h| h["outlet"] == outlet && h["date"] == date && h["speaker"] == speaker)
            .unwrap_or_else(|| panic!("{outlet} {date}: {hits:?}"))["also_reported_by"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect()
    };
    // Three days apart is the same statement, four is not: Interfax (5 March) is linked
    // with Sputnik (2nd) and Trend (3rd) but not with TASS (1st).
    assert_eq!(
        also("TASS", "2019-03-01", "Sergey Lavrov"),
        ["Sputnik", "Trend"]
    );
    assert_eq!(
        also("Sputnik", "2019-03-02", "Sergey Lavrov"),
        ["Interfax", "TASS", "Trend"]
    );
    assert_eq!(
        also("Trend", "2019-03-03", "Sergey Lavrov"),
        ["Interfax", "Sputnik", "TASS"]
    );
    assert_eq!(
        also("Interfax", "2019-03-05", "Sergey Lavrov"),
        ["Sputnik", "Trend"]
    );
    assert!(
        also("Reuters", "2019-03-02", "Dmitry Peskov").is_empty(),
        "another speaker is not the same statement"
    );
    assert!(
        also("RIA", "2019-09-20", "Sergey Lavrov").is_empty(),
        "months later is another statement"
    );
    // The seed statements link to nothing.
    let o = onrecord(d, &["search", "--official", "ryabkov", "--json"]);
    assert!(
        json_lines(&o)
            .iter()
            .all(|h| h["also_reported_by"].as_array().unwrap().is_empty())
    );
    let o = onrecord(
        d,
        &["search", "deployment missiles Europe", "--dedup", "--json"],
    );
    let hits = json_lines(&o);
    // --dedup: Peskov and September apart; of the March reports (1st, 2nd, 3rd, 5th), the
    // ones kept are more than three days apart and every one dropped is within three days of
    // one kept. Which one stands for the others follows relevance, whose ties are in index
    // order.
    let kept = |outlet: &str| hits.iter().any(|h| h["outlet"] == outlet);
    assert!(kept("Reuters") && kept("RIA"), "{hits:?}");
    let day = |d: &str| d[8..10].parse::<i64>().unwrap();
    let march: Vec<i64> = hits
        .iter()
        .filter(|h| {
            h["speaker"] == "Sergey Lavrov" && h["date"].as_str().unwrap().starts_with("2019-03")
        })
        .map(|h| day(h["date"].as_str().unwrap()))
        .collect();
    assert!(!march.is_empty() && march.len() <= 2, "{march:?}");
    for (a, b) in march.iter().zip(march.iter().skip(1)) {
        assert!((a - b).abs() > 3, "{march:?}");
    }
    for d in [1, 2, 3, 5] {
        assert!(
            march.iter().any(|k| (k - d).abs() <= 3),
            "the report of March {d} has one kept within three days: {march:?}"
        );
    }
    assert_eq!(hits.len(), 2 + march.len(), "{hits:?}");

    // Every export format parses back and carries the same links: (outlet, date) -> outlets.
    let q = "deployment missiles Europe";
    let export = |fmt: &str| {
        let o = onrecord(d, &["export", "--format", fmt, q]);
        assert!(o.status.success(), "{fmt}: {}", common::stderr(&o));
        common::stdout(&o)
    };
    let want: Vec<(String, String, Vec<String>)> = [
        ("TASS", "2019-03-01", vec!["Sputnik", "Trend"]),
        ("Sputnik", "2019-03-02", vec!["Interfax", "TASS", "Trend"]),
        ("Interfax", "2019-03-05", vec!["Sputnik", "Trend"]),
    ]
    .into_iter()
    .map(|(o, d, a)| {
        (
            o.into(),
            d.into(),
            a.into_iter().map(String::from).collect(),
        )
    })
    .collect();
    let links = |records: &[Value]| -> Vec<(String, String, Vec<String>)> {
        want.iter()
            .map(|(o, dt, _)| {
                let r = records
                    .iter()
                    .find(|r| r["outlet"] == o.as_str() && r["date"] == dt.as_str())
                    .unwrap_or_else(|| panic!("{o} {dt} missing"));
                let also = r["also_reported_by"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v.as_str().unwrap().to_string())
                    .collect();
                (o.clone(), dt.clone(), also)
            })
            .collect()
    };
    let jsonl: Vec<Value> = export("jsonl")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(links(&jsonl), want, "jsonl");
    let json: Vec<Value> = serde_json::from_str(&export("json")).unwrap();
    assert_eq!(json, jsonl, "json holds the same records as jsonl");
    let csv_text = export("csv");
    let mut rdr = csv::Reader::from_reader(csv_text.as_bytes());
    let headers = rdr.headers().unwrap().clone();
    let csv_records: Vec<Value> = rdr
        .records()
        .map(|r| {
            let r = r.unwrap();
            let mut m = serde_json::Map::new();
            for (h, v) in headers.iter().zip(r.iter()) {
                m.insert(h.to_string(), Value::String(v.to_string()));
            }
            let also: Vec<Value> = m["also_reported_by"]
                .as_str()
                .unwrap()
                .split(';')
                .filter(|s| !s.is_empty())
                .map(|s| Value::String(s.into()))
                .collect();
            m.insert("also_reported_by".into(), Value::Array(also));
            Value::Object(m)
        })
        .collect();
    assert_eq!(csv_records.len(), jsonl.len());
    assert_eq!(links(&csv_records), want, "csv");
    for (c, j) in csv_records.iter().zip(&jsonl) {
        assert_eq!(c["id"], j["id"]);
        assert_eq!(c["text"], j["text"], "csv keeps the text whole");
    }
    // Markdown: one quoted block per statement, with its outlet, date and the other outlets.
    let md = export("md");
    let blocks: Vec<&str> = md.split("\n\n").filter(|b| !b.trim().is_empty()).collect();
    assert_eq!(blocks.len(), jsonl.len(), "{md}");
    for (o, dt, also) in &want {
        let block = blocks
            .iter()
            .find(|b| b.contains(&format!("*{o}*, {dt}")))
            .unwrap_or_else(|| panic!("{o} {dt} in {md}"));
        assert!(block.lines().all(|l| l.starts_with('>')), "{block}");
        assert!(
            block.contains(&format!("Also reported by: {}", also.join(", "))),
            "{block}"
        );
    }
}

/// `--sort newest` orders a text search by date; `--official` takes any form of a name,
/// resolved from the table the index keeps (`officials.tsv`) or, without it, the gazetteer.
#[test]
fn search_sorts_newest_first_and_resolves_names_with_or_without_the_table() {
    let tmp = common::data_copy();
    let d = tmp.path();
    assert!(onrecord(d, &["ingest"]).status.success());
    let dates = |args: &[&str]| -> Vec<String> {
        let o = onrecord(d, args);
        assert!(o.status.success(), "{}", common::stderr(&o));
        json_lines(&o)
            .iter()
            .map(|h| h["date"].as_str().unwrap_or("").to_string())
            .collect()
    };
    let newest = dates(&[
        "search",
        "relations",
        "--sort",
        "newest",
        "--limit",
        "50",
        "--json",
    ]);
    assert!(newest.len() >= 3, "{newest:?}");
    let mut sorted = newest.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(newest, sorted);
    let by_relevance = dates(&["search", "relations", "--limit", "50", "--json"]);
    assert_ne!(by_relevance, newest, "relevance is another order");
    let table = d.join("idx/officials.tsv");
    assert!(table.is_file());
    let speakers = |d: &Path| {
        let o = onrecord(d, &["search", "--official", "sergei lavrov", "--json"]);
        assert!(o.status.success(), "{}", common::stderr(&o));
        json_lines(&o)
            .iter()
            .map(|h| h["speaker"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    let with_table = speakers(d);
    assert!(!with_table.is_empty() && with_table.iter().all(|s| s == "Sergey Lavrov"));
    std::fs::remove_file(&table).unwrap();
    assert_eq!(speakers(d), with_table);
}

/// Reports found through `reports.bits` (worked out at ingest) are the reports a full look-up
/// finds: across incremental ingests, and with the file missing or damaged (#16).
#[test]
fn reports_worked_out_at_ingest_answer_as_a_full_look_up() {
    let tmp = common::data_copy();
    let d = tmp.path();
    let q =
        "We will not accept any deployment of new missiles near our borders, and we will answer";
    let rec = |o: &str, dt: &str, t: String| {
        serde_json::json!({"text": t, "source": o, "date": dt}).to_string() + "\n"
    };
    assert!(onrecord(d, &["ingest"]).status.success());
    std::fs::write(
        d.join("data/a.jsonl"),
        rec(
            "TASS",
            "2019-03-01",
            format!("\"{q},\" Sergey Lavrov said on Friday."),
        ) + &rec(
            "Sputnik",
            "2019-03-02",
            format!("\"{q},\" Lavrov told reporters."),
        ),
    )
    .unwrap();
    assert!(onrecord(d, &["ingest"]).status.success());
    // A later ingest brings a third outlet: the earlier two must now name it too.
    std::fs::write(
        d.join("data/b.jsonl"),
        rec(
            "Trend",
            "2019-03-02",
            format!("Sergey Lavrov said: \"{q}.\""),
        ),
    )
    .unwrap();
    // The same words from another outlet three weeks later are another statement.
    std::fs::write(
        d.join("data/c.jsonl"),
        rec(
            "RIA",
            "2019-03-23",
            format!("\"{q},\" Sergey Lavrov said again."),
        ),
    )
    .unwrap();
    assert!(onrecord(d, &["ingest"]).status.success());
    let bits = d.join("idx/reports.bits");
    assert!(bits.is_file(), "ingest writes the reports file");
    let all = |d: &Path| {
        let o = onrecord(d, &["search", "--limit", "1000", "--json"]);
        assert!(o.status.success());
        json_lines(&o)
    };
    let with_file = all(d);
    let lavrov: Vec<Vec<Value>> = with_file
        .iter()
        .filter(|h| h["text"].as_str().unwrap().contains("near our borders"))
        .map(|h| h["also_reported_by"].as_array().unwrap().clone())
        .collect();
    assert_eq!(lavrov.len(), 4, "{with_file:?}");
    let mut sizes: Vec<usize> = lavrov.iter().map(|a| a.len()).collect();
    sizes.sort_unstable();
    assert_eq!(sizes, [0, 2, 2, 2], "{lavrov:?}");
    assert!(
        with_file
            .iter()
            .filter(|h| !h["text"].as_str().unwrap().contains("near our borders"))
            .all(|h| h["also_reported_by"].as_array().unwrap().is_empty())
    );
    std::fs::remove_file(&bits).unwrap();
    assert_eq!(
        all(d),
        with_file,
        "without the file: every statement looked up"
    );
    std::fs::write(&bits, b"ORRPT01\n\x01\x00\x00\x00garbage").unwrap();
    assert_eq!(all(d), with_file, "a damaged file is no file");
    // An unchanged ingest writes it again.
    assert!(onrecord(d, &["ingest"]).status.success());
    assert!(std::fs::read(&bits).unwrap().len() > 20);
    assert_eq!(all(d), with_file);
}

/// A mistyped `--index` never builds a new index, and a `--data` typed for another corpus is
/// refused; the browser refreshes an index only from its own corpus (#15).
#[test]
fn a_mistyped_index_or_another_corpus_is_refused() {
    let tmp = common::data_copy();
    let d = tmp.path();
    let o = common::bin()
        .args(["--index", "idx-typo", "search", "sanctions"])
        .current_dir(d)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", common::stderr(&o));
    let err = common::stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("no index at idx-typo"), "{err}");
    assert!(!d.join("idx-typo").exists(), "nothing built");

    // An index of another corpus: one record of our own.
    std::fs::write(
        d.join("other.jsonl"),
        r#"{"title":"Talks","date":"2019-03-01","text":"The talks ended on Friday.\n\n\"We will meet again in April,\" said Ana Ruiz, the foreign minister."}"#,
    )
    .unwrap();
    let o = onrecord(d, &["ingest", "other.jsonl"]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let count = |d: &Path| {
        let o = onrecord(d, &["stats", "--json"]);
        assert!(o.status.success(), "{}", common::stderr(&o));
        json_lines(&o)[0]["statements"].as_u64().unwrap()
    };
    assert_eq!(count(d), 1);
    let o = onrecord(d, &["--data", "data", "search", "sanctions"]);
    assert_eq!(o.status.code(), Some(2));
    let err = common::stderr(&o);
    assert!(err.contains("was not built from data"), "{err}");
    // The browser (here without a terminal) must not add the demo articles to it.
    let _ = common::bin()
        .args(["--index", "idx"])
        .current_dir(d)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(
        count(d),
        1,
        "the demo articles were mixed into another corpus"
    );
}

/// `--topic` takes a topic with statements without reading the taxonomy, a taxonomy topic
/// with none yet as an empty answer, and anything else as a mistake with a suggestion.
#[test]
fn search_by_topic_with_statements_none_yet_or_a_typo() {
    let tmp = common::data_copy();
    let d = tmp.path();
    assert!(onrecord(d, &["ingest"]).status.success());
    let o = onrecord(d, &["search", "--topic", "Syria", "--json"]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let hits = json_lines(&o);
    assert!(!hits.is_empty());
    assert!(
        hits.iter()
            .all(|h| { h["topics"].as_array().unwrap().iter().any(|t| t == "syria") })
    );
    let none = onrecord(d, &["search", "--topic", "education", "--json"]);
    assert!(none.status.success(), "{}", common::stderr(&none));
    let none_yet = json_lines(&none);
    assert!(
        none_yet.iter().all(|h| h["topics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t == "education")),
        "{none_yet:?}"
    );
    let typo = onrecord(d, &["search", "--topic", "syira"]);
    assert_eq!(typo.status.code(), Some(2));
    let err = common::stderr(&typo);
    assert!(
        err.contains("unknown topic 'syira'") && err.contains("syria"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}
