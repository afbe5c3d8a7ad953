//! Extraction scored against the hand-checked gold of the seed articles, with the matching rules
//! of `shared/gold/score.py`: an anchor (NFKC, straight quotes, collapsed spaces, lower case)
//! inside a statement of the same file; speaker right when the last words agree.

mod common;

use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

fn norm(s: &str) -> String {
    let s: String = s
        .nfkc()
        .map(|c| match c {
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{ab}' | '\u{bb}' | '\u{2033}' => '"',
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{2032}' => '\'',
            '\u{2013}' | '\u{2014}' => '-',
            c => c,
        })
        .collect();
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn last_word(name: &str) -> String {
    norm(name)
        .split(|c: char| !(c.is_ascii_alphanumeric() || ('\u{400}'..='\u{4ff}').contains(&c)))
        .rfind(|t| !t.is_empty())
        .unwrap_or("")
        .to_string()
}

fn base(p: &str) -> &str {
    p.rsplit('/').next().unwrap_or(p)
}

#[test]
fn seeds_meet_the_quality_bars() {
    let out = common::run(&["extract", "data", "--json"], &common::repo());
    assert!(out.status.success(), "{}", common::stderr(&out));
    let pred: Vec<Value> = common::stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let gold: Vec<Value> =
        std::fs::read_to_string(common::repo().join("tests/fixtures/seeds.jsonl"))
            .unwrap()
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
    let text_of = |p: &Value| norm(p["text"].as_str().unwrap_or(""));
    let file_of = |p: &Value| base(p["source"].as_str().unwrap_or("")).to_string();
    let (mut found, mut speaker_ok, mut kind_ok, mut topic_ok, mut required) = (0, 0, 0, 0, 0);
    let mut report = Vec::new();
    for g in gold
        .iter()
        .filter(|g| g.get("negative").is_none() && g.get("optional").is_none())
    {
        required += 1;
        let anchor = norm(g["anchor"].as_str().unwrap());
        let file = g["file"].as_str().unwrap();
        let cands: Vec<&Value> = pred
            .iter()
            .filter(|p| file_of(p) == file && text_of(p).contains(&anchor))
            .collect();
        if cands.is_empty() {
            report.push(format!("missed {file}: {anchor}"));
            continue;
        }
        found += 1;
        let mut names = vec![last_word(g["speaker"].as_str().unwrap())];
        if let Some(a) = g.get("speaker_aliases").and_then(Value::as_array) {
            names.extend(a.iter().map(|n| last_word(n.as_str().unwrap())));
        }
        let best = cands
            .iter()
            .find(|p| names.contains(&last_word(p["speaker"].as_str().unwrap_or(""))))
            .unwrap_or(&cands[0]);
        if names.contains(&last_word(best["speaker"].as_str().unwrap_or(""))) {
            speaker_ok += 1;
        } else {
            report.push(format!(
                "speaker {file}: want {} got {}: {anchor}",
                g["speaker"], best["speaker"]
            ));
        }
        kind_ok += usize::from(best["kind"] == g["kind"]);
        let want: Vec<&Value> = g["topics"].as_array().unwrap().iter().collect();
        topic_ok += usize::from(
            best["topics"]
                .as_array()
                .unwrap()
                .iter()
                .any(|t| want.contains(&t)),
        );
    }
    let negatives: Vec<String> = gold
        .iter()
        .filter(|g| g.get("negative").is_some())
        .filter(|g| {
            let anchor = norm(g["anchor"].as_str().unwrap());
            pred.iter()
                .any(|p| file_of(p) == g["file"].as_str().unwrap() && text_of(p).contains(&anchor))
        })
        .map(|g| g["anchor"].to_string())
        .collect();
    let recall = found as f64 / required as f64;
    let speaker = speaker_ok as f64 / found.max(1) as f64;
    let kind = kind_ok as f64 / found.max(1) as f64;
    let topic = topic_ok as f64 / found.max(1) as f64;
    let summary = format!(
        "recall={recall:.3} speaker={speaker:.3} kind={kind:.3} topic={topic:.3} negatives={}\n{}",
        negatives.len(),
        report.join("\n")
    );
    assert!(required >= 50, "gold fixture looks truncated");
    assert!(recall >= 0.95, "{summary}");
    // Bars at the figures reached (recall and speaker 1.000, kind 0.982, topic 0.982: one
    // statement about "politics and economy" in a talk on relations is filed under economy),
    // so a regression fails here.
    assert!(recall >= 1.0, "{summary}");
    assert!(speaker >= 1.0, "{summary}");
    assert!(kind >= 0.98, "{summary}");
    assert!(topic >= 0.98, "{summary}");
    assert!(
        negatives.is_empty(),
        "junk extracted: {negatives:?}\n{summary}"
    );
}

#[test]
fn every_record_carries_the_contract_fields() {
    let out = common::run(
        &["extract", "data/001_4a0582fe3bb4a27c.txt", "--json"],
        &common::repo(),
    );
    assert!(out.status.success());
    let lines: Vec<Value> = common::stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(lines.len() >= 8);
    for v in &lines {
        for f in [
            "id",
            "speaker",
            "speaker_kind",
            "speaker_title",
            "affiliation",
            "kind",
            "text",
            "cue",
            "topics",
            "date",
            "outlet",
            "title",
            "url",
            "source",
            "paragraph",
            "also_reported_by",
        ] {
            assert!(v.get(f).is_some(), "missing {f} in {v}");
        }
        assert_eq!(v["date"], "2017-05-30");
        assert_eq!(v["outlet"], "TASS");
    }
}

/// Speakers on real news: the AllSides dev gold (16 diplomacy articles, every statement with
/// its speaker and `speaker_kind`), scored by `../shared/gold/score.py` with bars at the figures
/// the code reaches (recall 0.748, precision 0.928, speaker 0.950, speaker_exact 0.950,
/// speaker_kind 1.000, negatives 2). Skipped with a message where `../shared` is absent, as
/// in a fresh clone; a failure under `CI=true`, where it must be there.
#[test]
fn allsides_dev_speakers_meet_their_bars() {
    let gold = common::repo().join("../shared/gold/allsides-dev");
    if !gold.exists() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have ../shared beside the repo"
        );
        eprintln!("skipped: {} not found", gold.display());
        return;
    }
    let out = common::run(
        &["extract", gold.join("text").to_str().unwrap(), "--json"],
        &common::repo(),
    );
    assert!(out.status.success(), "{}", common::stderr(&out));
    let dir = tempfile::tempdir().unwrap();
    let pred = dir.path().join("pred.jsonl");
    std::fs::write(&pred, &out.stdout).unwrap();
    let scored = std::process::Command::new("python3")
        .arg(common::repo().join("../shared/gold/score.py"))
        .args(["seeds", pred.to_str().unwrap(), "--gold"])
        .arg(gold.join("gold.jsonl"))
        .arg("--json")
        .output()
        .expect("python3 runs score.py");
    let text = String::from_utf8_lossy(&scored.stdout);
    let figures: Value = serde_json::from_str(text.lines().next().unwrap_or("{}"))
        .unwrap_or_else(|e| panic!("score.py printed {text:?}: {e}"));
    let f = |k: &str| figures[k].as_f64().unwrap_or(0.0);
    for (k, bar) in [
        ("recall", 0.74),
        ("precision", 0.92),
        ("speaker", 0.95),
        ("speaker_exact", 0.95),
        ("speaker_kind", 0.99),
    ] {
        assert!(f(k) >= bar, "{k} {} < {bar}: {figures}", f(k));
    }
    assert!(f("negatives") <= 2.0, "{figures}");
}
