//! Who said it, through the whole pipeline: articles of our own as JSONL records, ingested by
//! the real binary, read back with `search --json` and `officials --json`. Speaker kinds, one
//! row per person across articles, unnamed sources kept unnamed, dates never taken from the
//! story, URLs kept, quotation marks only around quoted words.

mod common;

use std::path::Path;

use serde_json::{Value, json};

fn write_records(dir: &Path, records: &[Value]) -> std::path::PathBuf {
    let path = dir.join("news.jsonl");
    let text: Vec<String> = records.iter().map(|r| r.to_string()).collect();
    std::fs::write(&path, text.join("\n") + "\n").unwrap();
    path
}

fn lines(o: &std::process::Output) -> Vec<Value> {
    assert!(o.status.success(), "{}", common::stderr(o));
    common::stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// The corpus: Snowden named in full in one article and by surname alone in another; two
/// presidents Bush; an unnamed official beside Trump; a byline; an undated record that mentions
/// 2001; a record whose date comes from its URL.
fn corpus(dir: &Path) -> std::path::PathBuf {
    write_records(
        dir,
        &[
            json!({"title": "Snowden speaks from Moscow", "date": "2014-05-28", "source": "Wire", "url": "https://wire.example/2014/05/28/snowden",
                   "text": "Edward Snowden gave his first interview to an American network.\n\n\"I was trained as a spy in sort of the traditional sense of the word,\" Edward Snowden said in the interview."}),
            json!({"title": "Leaks keep coming", "date": "2014-06-02", "source": "Daily",
                   "text": "The agency faced new questions on Monday.\n\n\"The programs were never about terrorism,\" Snowden said in a statement read by his lawyer."}),
            json!({"title": "Two presidents", "date": "2006-03-01", "source": "Daily",
                   "text": "George W. Bush spoke to troops on Tuesday.\n\n\"We will stay the course in Iraq until the job is done,\" Bush said."}),
            json!({"title": "An official speaks", "date": "2017-08-10", "source": "Wire",
                   "text": "By Jane Reporter\n\nPresident Donald Trump spoke to reporters at his golf club on Thursday about North Korea.\n\n\"We are prepared for every outcome and we will chase it away,\" the official said.\n\n\"North Korea better get their act together,\" Trump said."}),
            json!({"title": "US and Taliban sign a deal", "source": "Post",
                   "text": "September 11, 2001\n\nThe deal ends a war that began after the attacks of September 11, 2001.\n\n\"We will leave when the conditions are met,\" said Mike Pompeo, the US secretary of state."}),
            json!({"title": "Intelligence panel", "date": "2019-05-02", "source": "Wire",
                   "text": "The committee met behind closed doors.\n\n\"We will subpoena the full report next week,\" said Rep. Adam B. Schiff, California Democrat and chairman of the committee."}),
            json!({"title": "Intelligence panel again", "date": "2019-05-09", "source": "Daily",
                   "text": "The committee met again on Thursday.\n\n\"The attorney general has left us no choice today,\" Adam Schiff said."}),
            json!({"title": "Talks in Geneva", "source": "Post", "url": "https://post.example/2013/09/14/geneva-talks.html",
                   "text": "The talks lasted three days.\n\nSecretary of State John F. Kerry suggested that Syria's chemical weapons could be consolidated and moved out of the country."}),
        ],
    )
}

#[test]
fn speakers_kinds_dates_and_urls_on_a_corpus_of_our_own() {
    let dir = tempfile::tempdir().unwrap();
    let news = corpus(dir.path());
    let idx = dir.path().join("idx");
    let idx = idx.to_str().unwrap();
    let o = common::run(
        &["--index", idx, "ingest", news.to_str().unwrap()],
        dir.path(),
    );
    assert!(o.status.success(), "{}", common::stderr(&o));
    let all = lines(&common::run(
        &["--index", idx, "search", "--limit", "100", "--json"],
        dir.path(),
    ));
    let by_text = |words: &str| -> &Value {
        all.iter()
            .find(|s| s["text"].as_str().unwrap().contains(words))
            .unwrap_or_else(|| panic!("no statement with {words:?} in {all:#?}"))
    };
    // A surname across articles joins the one Snowden named in full.
    let s = by_text("never about terrorism");
    assert_eq!(s["speaker"], "Edward Snowden");
    assert_eq!(s["speaker_kind"], "person");
    // In 2006 "Bush" is George W. Bush, the one in office.
    assert_eq!(by_text("stay the course")["speaker"], "George W. Bush");
    // The unnamed official is never Trump, who is named in the paragraph before.
    let s = by_text("chase it away");
    assert_eq!(s["speaker"], "the official");
    assert_eq!(s["speaker_kind"], "anonymous");
    assert_eq!(by_text("get their act together")["speaker"], "Donald Trump");
    assert!(
        all.iter().all(|s| s["speaker"] != "Jane Reporter"),
        "a byline never speaks"
    );
    // An appositive gives the person; the story's 2001 never dates a record that has no date.
    let s = by_text("conditions are met");
    assert_eq!(s["speaker"], "Mike Pompeo");
    assert_eq!(s["date"], Value::Null);
    // A middle initial joins the gazetteer's name; the URL dates the record and is kept.
    let s = by_text("chemical weapons");
    assert_eq!(s["speaker"], "John Kerry");
    assert_eq!(s["kind"], "indirect");
    assert_eq!(s["date"], "2013-09-14");
    assert_eq!(
        s["url"],
        "https://post.example/2013/09/14/geneva-talks.html"
    );
    assert_eq!(
        by_text("trained as a spy")["url"],
        "https://wire.example/2014/05/28/snowden"
    );

    // One row per person; every row has its kind.
    let officials = lines(&common::run(
        &["--index", idx, "officials", "--json"],
        dir.path(),
    ));
    let names: Vec<&str> = officials
        .iter()
        .map(|o| o["official"].as_str().unwrap())
        .collect();
    assert!(!names.contains(&"Snowden"), "{names:?}");
    // A middle initial the gazetteer does not know joins the plain name; the title and the
    // appositive never stay in it.
    assert_eq!(
        by_text("subpoena the full report")["speaker"],
        "Adam Schiff"
    );
    assert!(
        names.iter().filter(|n| n.contains("Schiff")).count() == 1,
        "{names:?}"
    );
    assert!(!names.contains(&"John F. Kerry"), "{names:?}");
    let snowden = officials
        .iter()
        .find(|o| o["official"] == "Edward Snowden")
        .unwrap();
    assert_eq!(snowden["statements"], 2);
    assert_eq!(snowden["kind"], "person");
    let anon = officials
        .iter()
        .find(|o| o["official"] == "the official")
        .unwrap();
    assert_eq!(anon["kind"], "anonymous");
    // Officials come before the other kinds.
    let first_other = officials
        .iter()
        .position(|o| !["person", "institution", "country"].contains(&o["kind"].as_str().unwrap()))
        .unwrap();
    assert!(
        officials[first_other..]
            .iter()
            .all(|o| !["person", "institution", "country"].contains(&o["kind"].as_str().unwrap())),
        "{officials:#?}"
    );
    // --official takes any variant of the name.
    let kerry = lines(&common::run(
        &[
            "--index",
            idx,
            "search",
            "--official",
            "John F. Kerry",
            "--json",
        ],
        dir.path(),
    ));
    assert_eq!(kerry.len(), 1);

    // Quotation marks only around quoted words: the export and verify show reported speech
    // as reported.
    let md = common::run(
        &[
            "--index",
            idx,
            "export",
            "--format",
            "md",
            "--official",
            "kerry",
        ],
        dir.path(),
    );
    let md = common::stdout(&md);
    assert!(
        md.contains("> John Kerry suggested that Syria's chemical weapons"),
        "{md}"
    );
    assert!(!md.contains('“'), "{md}");
    assert!(
        md.contains("https://post.example/2013/09/14/geneva-talks.html"),
        "{md}"
    );
    let v = common::run(
        &[
            "--index",
            idx,
            "verify",
            "Syria's chemical weapons could be consolidated and moved out of the country",
        ],
        dir.path(),
    );
    let v = common::stdout(&v);
    assert!(v.contains("John Kerry"), "{v}");
    assert!(v.contains("John Kerry suggested that Syria's"), "{v}");
    assert!(!v.contains('“'), "{v}");
}

/// Ingests `news` into a fresh index `name` under `dir`; its officials list, one JSON object
/// per row.
fn ingest_and_list_officials(dir: &Path, news: &Path, name: &str) -> (String, Vec<Value>) {
    let idx = dir.join(name);
    let idx = idx.to_str().unwrap().to_string();
    let o = common::run(&["--index", &idx, "ingest", news.to_str().unwrap()], dir);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let officials = lines(&common::run(&["--index", &idx, "officials", "--json"], dir));
    (idx, officials)
}

/// One person across spellings and articles, the same in every ingest: a transcript's "ROSE"
/// and a story's "Rose" are both Charlie Rose, named in full in a third article. The rewrite
/// once depended on the order a hash map gave (a fresh one each run): "Rose" became "ROSE",
/// and when "ROSE" was rewritten after it the statement was deleted with it.
#[test]
fn spellings_and_surnames_join_one_person_in_every_ingest_and_no_statement_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let news = write_records(
        dir.path(),
        &[
            json!({"title": "Threats before an interview", "date": "2013-09-09", "source": "Wire",
                   "text": "The interview was recorded in Damascus on Sunday.\n\n\"We have heard nothing but threats this week,\" Charlie Rose said before the interview."}),
            json!({"title": "Transcript: the president on strikes", "date": "2013-09-10", "source": "Network",
                   "text": "What follows is a transcript of the interview.\n\nROSE: Are you suggesting that there would be repercussions against the United States from your friends?\n\nASSAD: You should expect everything."}),
            json!({"title": "The program under scrutiny", "date": "2013-08-16", "source": "Daily",
                   "text": "The programme was the subject of a long interview on Friday.\n\n\"Should the program be transparent in some way?\" Rose asked the former director."}),
        ],
    );
    // Each ingest has its own hash seeds; three make the old order-dependent loss all but
    // certain to show.
    for run in 0..3 {
        let (_, officials) = ingest_and_list_officials(dir.path(), &news, &format!("idx{run}"));
        let officials: Vec<(String, u64)> = officials
            .iter()
            .map(|o| {
                (
                    o["official"].as_str().unwrap().to_string(),
                    o["statements"].as_u64().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            officials,
            [
                ("Charlie Rose".to_string(), 3),
                ("Bashar al-Assad".to_string(), 1)
            ],
            "ingest {run}"
        );
    }
}

/// A name is one row of one kind: the kind most of its statements have. "according to
/// Russia's Interfax news agency" once made Interfax a person beside Interfax the agency, and
/// which of the two the officials list showed depended on the order the index held them in.
#[test]
fn a_name_written_with_two_kinds_is_one_row_of_the_kind_most_statements_give() {
    let dir = tempfile::tempdir().unwrap();
    let news = write_records(
        dir.path(),
        &[
            json!({"title": "Bomb found in metro", "date": "2017-04-03", "source": "Wire",
                   "text": "Police closed three stations on Monday.\n\nA second bomb was later defused at a busy station, Interfax reported, raising fears the threat was not over.\n\nInvestigators searched the offices of the airline, Interfax says."}),
            json!({"title": "Rockets and satellites", "date": "2016-02-08", "source": "Daily",
                   "text": "The launch drew protests from Seoul and Tokyo.\n\nNorth Korea's embassy in Moscow said in a statement the country would continue to launch rockets carrying satellites, according to Russia's Interfax news agency."}),
        ],
    );
    let (idx, officials) = ingest_and_list_officials(dir.path(), &news, "idx");
    let idx = idx.as_str();
    let interfax: Vec<&Value> = officials
        .iter()
        .filter(|o| o["official"] == "Interfax")
        .collect();
    assert_eq!(interfax.len(), 1, "{officials:?}");
    assert_eq!(interfax[0]["kind"], "media");
    assert_eq!(interfax[0]["statements"], 3);
    let all = lines(&common::run(
        &["--index", idx, "search", "--limit", "10", "--json"],
        dir.path(),
    ));
    assert!(
        all.iter()
            .filter(|s| s["speaker"] == "Interfax")
            .all(|s| s["speaker_kind"] == "media"),
        "{all:#?}"
    );
}
