//! The performance benchmark: builds a corpus of real news (AllSides, replicated with distinct
//! ids, dates and outlets) until the index holds `--scale` statements, then measures ingest,
//! index size, `onrecord search` as a process beside ripgrep on the same text, and the browser's
//! launch and keystroke latency (in process on ratatui's TestBackend, and through a real pty
//! under tmux). Prints one table, or `--json`.
//!
//!     cargo run --release --example bench -- [--scale 1000000] [--json] [--fresh] [--no-pty]
//!
//! `BENCH_ONLY_TUI=1` prints only the in-process browser figures as JSON (for profiling).

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use onrecord::action::Action;
use onrecord::app::App;
use onrecord::index::reader::Store;
use onrecord::keymap::Keymap;
use onrecord::tui::worker::pump;
use onrecord::ui::{self, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use serde_json::{Value, json};

const ARTICLES_PER_FILE: usize = 1000;

struct Opts {
    scale: u64,
    json: bool,
    fresh: bool,
    pty: bool,
    corpus: PathBuf,
    runs: usize,
}

fn parse_args() -> Result<Opts, String> {
    let mut o = Opts {
        scale: 1_000_000,
        json: false,
        fresh: false,
        pty: true,
        corpus: PathBuf::from("../shared/corpora/allsides/articles.jsonl.zst"),
        runs: 30,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--scale" => {
                let v = args.next().ok_or("--scale needs a number")?;
                let v = v.replace(['_', ','], "");
                o.scale = match v.strip_suffix('k') {
                    Some(n) => n.parse::<u64>().map_err(|e| e.to_string())? * 1000,
                    None => match v.strip_suffix('M').or(v.strip_suffix('m')) {
                        Some(n) => n.parse::<u64>().map_err(|e| e.to_string())? * 1_000_000,
                        None => v.parse().map_err(|e| format!("--scale: {e}"))?,
                    },
                };
            }
            "--json" => o.json = true,
            "--fresh" => o.fresh = true,
            "--no-pty" => o.pty = false,
            "--runs" => {
                o.runs = args
                    .next()
                    .ok_or("--runs needs a number")?
                    .parse()
                    .map_err(|e| format!("--runs: {e}"))?
            }
            "--corpus" => o.corpus = PathBuf::from(args.next().ok_or("--corpus needs a path")?),
            "-h" | "--help" => {
                println!(
                    "usage: bench [--scale N|100k|1M] [--json] [--fresh] [--no-pty] [--runs N] [--corpus FILE]"
                );
                std::process::exit(0);
            }
            other => return Err(format!("unknown argument '{other}'")),
        }
    }
    Ok(o)
}

/// The `onrecord` binary of the same profile: examples live in `target/<profile>/examples/`,
/// the binary one level up (`cargo build --release` builds it; `ONRECORD_BIN` overrides).
fn onrecord_bin() -> PathBuf {
    if let Some(p) = std::env::var_os("ONRECORD_BIN") {
        return PathBuf::from(p);
    }
    let me = std::env::current_exe().expect("current exe");
    let bin = me
        .parent()
        .and_then(Path::parent)
        .map(|d| d.join("onrecord"))
        .unwrap_or_else(|| me.with_file_name("onrecord"));
    if !bin.exists() {
        eprintln!(
            "bench: {} not found; run `cargo build --release` first",
            bin.display()
        );
        std::process::exit(2);
    }
    bin
}

/// min / p50 / p95 / p99 of durations in milliseconds.
fn dist(mut v: Vec<f64>) -> Value {
    v.sort_by(f64::total_cmp);
    let q = |p: f64| v[((v.len() as f64 - 1.0) * p).round() as usize];
    json!({"min": v[0], "p50": q(0.5), "p95": q(0.95), "p99": q(0.99), "n": v.len()})
}

/// Writes the scale corpus: AllSides records replicated with distinct ids, dates and outlets,
/// in files of 1000 articles, until about `scale` statements will come out.
fn build_corpus(o: &Opts, dir: &Path) -> Result<(u64, u64), String> {
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    // ~10.7 statements per AllSides article (`onrecord extract` on the whole corpus).
    let want_articles = (o.scale as f64 / 10.7 * 1.03).ceil() as u64 + 10;
    let mut written = 0u64;
    let mut bytes = 0u64;
    let mut copy = 0u64;
    let mut file_no = 0;
    let mut out: Option<std::io::BufWriter<std::fs::File>> = None;
    let mut in_file = 0;
    'outer: loop {
        let f =
            std::fs::File::open(&o.corpus).map_err(|e| format!("{}: {e}", o.corpus.display()))?;
        let reader =
            BufReader::new(zstd::stream::read::Decoder::new(f).map_err(|e| e.to_string())?);
        for line in reader.lines() {
            let line = line.map_err(|e| e.to_string())?;
            let Ok(mut v) = serde_json::from_str::<Value>(&line) else {
                continue;
            };
            if copy > 0 {
                let outlet = v["source"].as_str().unwrap_or("outlet").to_string();
                v["source"] = json!(format!("{outlet} ({copy})"));
                v["ID"] = json!(format!("{}-{copy}", v["ID"].as_str().unwrap_or("")));
                if let Some(d) = v["date"]
                    .as_str()
                    .and_then(onrecord::extract::meta::parse_date)
                    && let Ok(date) = chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d")
                {
                    let shifted = date - chrono::Duration::days(7 * copy as i64);
                    v["date"] = json!(shifted.format("%Y-%m-%d").to_string());
                }
            }
            if out.is_none() || in_file == ARTICLES_PER_FILE {
                if let Some(mut w) = out.take() {
                    w.flush().map_err(|e| e.to_string())?;
                }
                let p = dir.join(format!("part-{file_no:05}.jsonl"));
                out = Some(std::io::BufWriter::new(
                    std::fs::File::create(&p).map_err(|e| e.to_string())?,
                ));
                file_no += 1;
                in_file = 0;
            }
            let s = v.to_string();
            bytes += s.len() as u64 + 1;
            writeln!(out.as_mut().unwrap(), "{s}").map_err(|e| e.to_string())?;
            in_file += 1;
            written += 1;
            if written >= want_articles {
                break 'outer;
            }
        }
        copy += 1;
    }
    if let Some(mut w) = out {
        w.flush().map_err(|e| e.to_string())?;
    }
    Ok((written, bytes))
}

/// Runs a command to completion, sampling its peak RSS from /proc. Returns (seconds, peak KiB,
/// stderr).
fn run_measured(cmd: &mut Command) -> Result<(f64, u64, String), String> {
    let start = Instant::now();
    let mut child = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| e.to_string())?;
    let pid = child.id();
    let mut peak = 0u64;
    let stderr = child.stderr.take();
    let err_thread = std::thread::spawn(move || {
        let mut s = String::new();
        if let Some(mut e) = stderr {
            let _ = std::io::Read::read_to_string(&mut e, &mut s);
        }
        s
    });
    loop {
        if let Some(kb) = vm_hwm(pid) {
            peak = peak.max(kb);
        }
        match child.try_wait() {
            Ok(Some(_)) => break,
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => return Err(e.to_string()),
        }
    }
    let secs = start.elapsed().as_secs_f64();
    Ok((secs, peak, err_thread.join().unwrap_or_default()))
}

fn vm_hwm(pid: u32) -> Option<u64> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    s.lines()
        .find(|l| l.starts_with("VmHWM:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

fn dir_size(p: &Path) -> u64 {
    std::fs::read_dir(p)
        .map(|rd| {
            rd.flatten()
                .filter_map(|e| e.metadata().ok())
                .filter(|m| m.is_file())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}

fn time_process(argv: &[String], runs: usize) -> Result<Value, String> {
    let mut v = Vec::new();
    for i in 0..runs + 2 {
        let start = Instant::now();
        let out = Command::new(&argv[0])
            .args(&argv[1..])
            .stdin(Stdio::null())
            .stderr(Stdio::null())
            .output()
            .map_err(|e| format!("{}: {e}", argv[0]))?;
        let t = start.elapsed().as_secs_f64() * 1000.0;
        if i >= 2 {
            v.push(t);
        }
        if !out.status.success() && argv[0] != "rg" {
            return Err(format!("{argv:?} failed: {}", out.status));
        }
    }
    Ok(dist(v))
}

/// Plain-text dump of every statement for ripgrep: date, speaker, outlet, topics, text.
fn dump_statements(index: &Path, out: &Path) -> Result<u64, String> {
    let store = Store::open(index).map_err(|e| e.to_string())?;
    let mut w = std::io::BufWriter::new(std::fs::File::create(out).map_err(|e| e.to_string())?);
    let mut n = 0;
    onrecord::lookup::all_matching(&store, &onrecord::model::Filter::default(), |st| {
        writeln!(
            w,
            "{}\t{}\t{}\t{}\t{}",
            st.date.as_deref().unwrap_or(""),
            st.speaker,
            st.outlet.as_deref().unwrap_or(""),
            st.topics.join(","),
            st.text.replace(['\n', '\t'], " ")
        )?;
        n += 1;
        Ok(())
    })
    .map_err(|e| e.to_string())?;
    w.flush().map_err(|e| e.to_string())?;
    Ok(n)
}

fn tui_in_process(index: &Path, runs: usize) -> Result<Value, String> {
    let (w, h) = (200u16, 60u16);
    let theme = Theme::mono();
    let mut term = Terminal::new(TestBackend::new(w, h)).map_err(|e| e.to_string())?;
    let start = Instant::now();
    let store = Store::open(index).map_err(|e| e.to_string())?;
    let topics = onrecord::config::Config::defaults()
        .topics
        .iter()
        .map(|t| t.id.clone())
        .collect();
    let mut app = App::new(Keymap::default(), "data".into(), topics);
    let (lh, rw) = ui::metrics(ratatui::layout::Rect::new(0, 0, w, h));
    app.resize(lh, rw);
    pump(&mut app, &store);
    term.draw(|f| ui::draw(f, &app, &theme))
        .map_err(|e| e.to_string())?;
    let launch = start.elapsed().as_secs_f64() * 1000.0;
    let mut frame = |app: &mut App, keys: &[KeyEvent]| -> f64 {
        let t = Instant::now();
        for k in keys {
            app.on_key(*k);
            pump(app, &store);
        }
        let _ = term.draw(|f| ui::draw(f, app, &theme));
        t.elapsed().as_secs_f64() * 1000.0
    };
    let key = |c: KeyCode| KeyEvent::new(c, KeyModifiers::NONE);
    app.update(Action::NextPane); // the statement list
    let mut j = Vec::new();
    let mut pgdn = Vec::new();
    let mut big_g = Vec::new();
    let mut typing = Vec::new();
    let mut official = Vec::new();
    for _ in 0..runs {
        j.push(frame(&mut app, &[key(KeyCode::Char('j'))]));
        pgdn.push(frame(&mut app, &[key(KeyCode::PageDown)]));
        big_g.push(frame(&mut app, &[key(KeyCode::Char('G'))]));
        frame(
            &mut app,
            &[key(KeyCode::Char('g')), key(KeyCode::Char('g'))],
        );
    }
    for _ in 0..runs.min(20) {
        // "/" then a six-letter word, one frame per keystroke; then clear.
        typing.push(frame(&mut app, &[key(KeyCode::Char('/'))]));
        for c in "senate".chars() {
            typing.push(frame(&mut app, &[key(KeyCode::Char(c))]));
        }
        frame(&mut app, &[key(KeyCode::Esc)]);
    }
    app.update(Action::PrevPane); // officials
    // Down the list of officials: each step is a new official (nothing cached).
    for _ in 0..runs {
        official.push(frame(&mut app, &[key(KeyCode::Char('j'))]));
    }
    Ok(json!({
        "launch_ms": launch,
        "j": dist(j), "pgdn": dist(pgdn), "G": dist(big_g), "type_word": dist(typing), "switch_official": dist(official),
        "total_statements": app.list_total,
    }))
}

/// Launch to first frame through a real pty (tmux), and the TUI's peak RSS after navigating.
fn tui_pty(index: &Path, data: &Path) -> Result<Value, String> {
    if Command::new("tmux").arg("-V").output().is_err() {
        return Err("tmux not installed".into());
    }
    let sock = format!("onrecord-bench-{}", std::process::id());
    let tmux = |args: &[&str]| Command::new("tmux").args(["-L", &sock]).args(args).output();
    let bin = onrecord_bin();
    let script = format!(
        "'{}' --data '{}' --index '{}'; sleep 5",
        bin.display(),
        data.display(),
        index.display()
    );
    let start = Instant::now();
    tmux(&[
        "new-session",
        "-d",
        "-s",
        "b",
        "-x",
        "200",
        "-y",
        "60",
        "sh",
        "-c",
        &script,
    ])
    .map_err(|e| e.to_string())?;
    let mut first_frame = None;
    while start.elapsed() < Duration::from_secs(60) {
        let out = tmux(&["capture-pane", "-p", "-t", "b"]).map_err(|e| e.to_string())?;
        let s = String::from_utf8_lossy(&out.stdout);
        if s.contains("Statements ") && s.contains("/") && s.contains("? help") && s.contains("▸")
        {
            first_frame = Some(start.elapsed().as_secs_f64() * 1000.0);
            break;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    let pane_pid = String::from_utf8_lossy(
        &tmux(&["display-message", "-p", "-t", "b", "#{pane_pid}"])
            .map_err(|e| e.to_string())?
            .stdout,
    )
    .trim()
    .to_string();
    let child = Command::new("pgrep")
        .args(["-P", &pane_pid, "onrecord"])
        .output()
        .map_err(|e| e.to_string())?;
    let pid: Option<u32> = String::from_utf8_lossy(&child.stdout)
        .trim()
        .lines()
        .next()
        .and_then(|l| l.parse().ok());
    for k in [
        "Tab", "G", "g", "g", "PageDown", "PageDown", "BTab", "j", "j", "Enter",
    ] {
        let _ = tmux(&["send-keys", "-t", "b", k]);
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = tmux(&["send-keys", "-t", "b", "-l", "/senate"]);
    std::thread::sleep(Duration::from_millis(800));
    let rss = pid.and_then(vm_hwm);
    let _ = tmux(&["send-keys", "-t", "b", "Escape"]);
    let _ = tmux(&["send-keys", "-t", "b", "q"]);
    std::thread::sleep(Duration::from_millis(200));
    let _ = tmux(&["kill-server"]);
    Ok(json!({"first_frame_ms": first_frame, "peak_rss_mb": rss.map(|k| k as f64 / 1024.0)}))
}

fn main() {
    let o = match parse_args() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("bench: {e}");
            std::process::exit(2);
        }
    };
    if let Err(e) = run(&o) {
        eprintln!("bench: {e}");
        std::process::exit(1);
    }
}

fn run(o: &Opts) -> Result<(), String> {
    let root = PathBuf::from("target/bench");
    let tag = format!("{}", o.scale);
    let corpus_dir = root.join(format!("corpus-{tag}"));
    let index_dir = root.join(format!("index-{tag}"));
    let cache = root.join(format!("ingest-{tag}.json"));
    let bin = onrecord_bin();
    if !bin.exists() {
        return Err(format!(
            "{} not built: run `cargo build --release` first",
            bin.display()
        ));
    }
    let mut report = serde_json::Map::new();
    report.insert("scale".into(), json!(o.scale));
    report.insert("machine".into(), json!({"cores": std::thread::available_parallelism().map_or(0, |n| n.get()), "memory_gb": mem_gb()}));

    // 1. Ingest: full build (cached), full rebuild, incremental after 1000 changed articles.
    let ingest = if o.fresh || !index_dir.join("meta.json").exists() || !cache.exists() {
        let _ = std::fs::remove_dir_all(&corpus_dir);
        let _ = std::fs::remove_dir_all(&index_dir);
        eprintln!("bench: writing the corpus for {} statements…", o.scale);
        let (articles, bytes) = build_corpus(o, &corpus_dir)?;
        eprintln!(
            "bench: {articles} articles ({:.0} MB); full build…",
            bytes as f64 / 1e6
        );
        // `onrecord ingest` on the corpus, as a child process, timed with its peak RSS.
        let ingest = |extra: &[&str]| {
            run_measured(
                Command::new(&bin)
                    .arg("--data")
                    .arg(&corpus_dir)
                    .arg("--index")
                    .arg(&index_dir)
                    .arg("ingest")
                    .args(extra),
            )
        };
        let (build_s, build_rss, err) = ingest(&[])?;
        let statements: u64 = onrecord::index::writer::files(&index_dir)
            .values()
            .map(|f| f.statements)
            .sum();
        eprintln!("bench: {}", err.trim());
        eprintln!("bench: full rebuild…");
        let (rebuild_s, rebuild_rss, _) = ingest(&["--rebuild"])?;
        // Change 1000 articles: rewrite one file of the corpus with edited text.
        let first = corpus_dir.join("part-00000.jsonl");
        let text = std::fs::read_to_string(&first).map_err(|e| e.to_string())?;
        let edited: String = text
            .lines()
            .map(|l| {
                let mut v: Value = serde_json::from_str(l).unwrap_or(Value::Null);
                if let Some(t) = v["content_original"].as_str() {
                    v["content_original"] = json!(format!(
                        "{t}\n\nThe update was welcome, a spokesman said on Friday."
                    ));
                }
                v.to_string() + "\n"
            })
            .collect();
        std::fs::write(&first, edited).map_err(|e| e.to_string())?;
        eprintln!("bench: incremental re-ingest of 1000 changed articles…");
        let (incr_s, _, incr_err) = ingest(&[])?;
        let v = json!({
            "articles": articles, "statements": statements,
            "build_s": build_s, "articles_per_s": articles as f64 / build_s, "statements_per_s": statements as f64 / build_s,
            "rebuild_s": rebuild_s, "incremental_1000_s": incr_s, "incremental_summary": incr_err.trim(),
            "peak_rss_mb": build_rss.max(rebuild_rss) as f64 / 1024.0, "cached": false,
        });
        std::fs::write(&cache, v.to_string()).map_err(|e| e.to_string())?;
        v
    } else {
        let mut v: Value =
            serde_json::from_str(&std::fs::read_to_string(&cache).map_err(|e| e.to_string())?)
                .map_err(|e| e.to_string())?;
        v["cached"] = json!(true);
        v
    };
    report.insert("ingest".into(), ingest.clone());

    // 2. Index size against the statement text it holds.
    let text_bytes: u64 = onrecord::index::writer::files(&index_dir)
        .values()
        .map(|f| f.text_bytes)
        .sum();
    let index_bytes = dir_size(&index_dir);
    report.insert("index".into(), json!({"bytes": index_bytes, "text_bytes": text_bytes, "ratio": index_bytes as f64 / text_bytes.max(1) as f64}));

    if std::env::var_os("BENCH_ONLY_TUI").is_some() {
        let t = tui_in_process(&index_dir, 5)?;
        println!("{t}");
        return Ok(());
    }
    // 3. search as a process, beside ripgrep over a dump of the same statements.
    let dump = root.join(format!("statements-{tag}.tsv"));
    if !dump.exists() || o.fresh || ingest["cached"] == json!(false) {
        eprintln!("bench: dumping statements for ripgrep…");
        dump_statements(&index_dir, &dump)?;
    }
    let idx = index_dir.display().to_string();
    let dumps = dump.display().to_string();
    let b = bin.display().to_string();
    let s = |args: &[&str]| -> Vec<String> {
        [b.as_str(), "--index", idx.as_str(), "search"]
            .iter()
            .chain(args.iter())
            .map(|x| x.to_string())
            .collect()
    };
    let r = |args: &[&str]| -> Vec<String> {
        ["rg"]
            .iter()
            .chain(args.iter())
            .chain([dumps.as_str()].iter())
            .map(|x| x.to_string())
            .collect()
    };
    let queries: Vec<(&str, Vec<String>, Vec<String>)> = vec![
        (
            "rare name",
            s(&["Zakharova", "--limit", "20"]),
            r(&["-i", "-m", "20", "zakharova"]),
        ),
        (
            "common word",
            s(&["president", "--limit", "20"]),
            r(&["-i", "-m", "20", "president"]),
        ),
        (
            "two-word phrase",
            s(&["\"white house\"", "--limit", "20"]),
            r(&["-i", "-m", "20", "white house"]),
        ),
        (
            "official+topic",
            s(&[
                "--official",
                "trump",
                "--topic",
                "elections",
                "--limit",
                "20",
            ]),
            r(&["-m", "20", "\tDonald Trump\t[^\t]*\t[^\t]*elections"]),
        ),
        (
            "date range",
            s(&["--since", "2016-01", "--until", "2016-03", "--limit", "20"]),
            r(&["-m", "20", "^2016-0[1-3]"]),
        ),
        (
            "10k+ hits, limit 50",
            s(&["people", "--limit", "50"]),
            r(&["-i", "-m", "50", "people"]),
        ),
    ];
    let mut search = Vec::new();
    let has_rg = Command::new("rg").arg("--version").output().is_ok();
    for (name, ours, theirs) in &queries {
        let a = time_process(ours, o.runs)?;
        let hits = Command::new(&ours[0])
            .args(&ours[1..])
            .arg("--json")
            .output()
            .map(|o| o.stdout.iter().filter(|b| **b == b'\n').count())
            .unwrap_or(0);
        let rg = if has_rg {
            time_process(theirs, o.runs).ok()
        } else {
            None
        };
        let ratio = rg
            .as_ref()
            .map(|r| a["p50"].as_f64().unwrap_or(0.0) / r["p50"].as_f64().unwrap_or(1.0));
        search.push(
            json!({"query": name, "onrecord": a, "rg": rg, "ratio_p50": ratio, "hits": hits}),
        );
    }
    report.insert("search".into(), json!(search));

    // 4–5. The browser.
    eprintln!("bench: TUI in process…");
    report.insert("tui".into(), tui_in_process(&index_dir, o.runs.max(30))?);
    if o.pty {
        eprintln!("bench: TUI through a pty…");
        report.insert(
            "tui_pty".into(),
            tui_pty(&index_dir, &corpus_dir).unwrap_or_else(|e| json!({"error": e})),
        );
    }
    let report = Value::Object(report);
    if o.json {
        println!("{report}");
    } else {
        print_table(&report);
    }
    Ok(())
}

fn mem_gb() -> f64 {
    std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .next()
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|k| k.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0 / 1024.0)
}

fn f(v: &Value) -> String {
    match v.as_f64() {
        Some(x) if x >= 100.0 => format!("{x:.0}"),
        Some(x) if x >= 10.0 => format!("{x:.1}"),
        Some(x) => format!("{x:.2}"),
        None => "–".into(),
    }
}

fn verdict(ok: bool) -> &'static str {
    if ok { "ok" } else { "MISSED" }
}

fn print_table(r: &Value) {
    let i = &r["ingest"];
    println!(
        "onrecord benchmark — {} statements target, {} cores, {:.0} GB{}",
        r["scale"],
        r["machine"]["cores"],
        r["machine"]["memory_gb"].as_f64().unwrap_or(0.0),
        if i["cached"] == json!(true) {
            " (ingest figures from the cached build; --fresh to redo)"
        } else {
            ""
        }
    );
    println!();
    println!(
        "{:<44} {:>12} {:>14} {:>7}",
        "measure", "value", "target", ""
    );
    let row = |name: &str, v: String, target: &str, ok: bool| {
        println!("{name:<44} {v:>12} {target:>14} {:>7}", verdict(ok))
    };
    let aps = i["articles_per_s"].as_f64().unwrap_or(0.0);
    row(
        &format!("ingest: articles/s ({} articles)", i["articles"]),
        format!("{aps:.0}"),
        "≥ 2000",
        aps >= 2000.0,
    );
    println!(
        "{:<44} {:>12}",
        format!("ingest: statements/s ({} statements)", i["statements"]),
        f(&i["statements_per_s"])
    );
    let rb = i["rebuild_s"].as_f64().unwrap_or(f64::MAX);
    let per_m = rb * 1_000_000.0 / i["statements"].as_f64().unwrap_or(1.0).max(1.0);
    row("ingest: full rebuild (s)", f(&i["rebuild_s"]), "", true);
    row(
        "ingest: full rebuild scaled to 1M stmts (s)",
        format!("{per_m:.1}"),
        "< 60",
        per_m < 60.0,
    );
    row(
        "ingest: re-ingest after 1000 changed (s)",
        f(&i["incremental_1000_s"]),
        "",
        true,
    );
    row("ingest: peak RSS (MB)", f(&i["peak_rss_mb"]), "", true);
    let ratio = r["index"]["ratio"].as_f64().unwrap_or(9.9);
    row(
        &format!(
            "index size / statement text ({:.0} MB)",
            r["index"]["bytes"].as_f64().unwrap_or(0.0) / 1e6
        ),
        format!("{ratio:.2}×"),
        "≤ 1.2×",
        ratio <= 1.2,
    );
    println!();
    println!(
        "{:<22} {:>7} {:>7} {:>7} {:>7} {:>8} {:>9} {:>7}",
        "search (process, ms)", "min", "p50", "p95", "p99", "rg p50", "ours/rg", "hits"
    );
    for q in r["search"].as_array().into_iter().flatten() {
        let a = &q["onrecord"];
        let ok =
            a["p50"].as_f64().unwrap_or(999.0) < 50.0 && a["p99"].as_f64().unwrap_or(999.0) < 150.0;
        let faster = q["ratio_p50"].as_f64().is_some_and(|x| x < 1.0);
        println!(
            "{:<22} {:>7} {:>7} {:>7} {:>7} {:>8} {:>9} {:>7} {}{}",
            q["query"].as_str().unwrap_or(""),
            f(&a["min"]),
            f(&a["p50"]),
            f(&a["p95"]),
            f(&a["p99"]),
            f(&q["rg"]["p50"]),
            f(&q["ratio_p50"]),
            q["hits"],
            verdict(ok),
            if faster { "" } else { " (slower than rg)" }
        );
    }
    println!(
        "{:<22} target: p50 < 50 ms, p99 < 150 ms, faster than rg",
        ""
    );
    println!();
    let t = &r["tui"];
    println!(
        "{:<34} {:>7} {:>7} {:>7} {:>7}",
        "TUI keystroke → frame (ms, 200×60)", "min", "p50", "p95", "p99"
    );
    for (k, name) in [
        ("j", "j"),
        ("pgdn", "PgDn"),
        ("G", "G"),
        ("type_word", "/ + typing 'senate'"),
        ("switch_official", "switch official"),
    ] {
        let d = &t[k];
        let ok =
            d["p50"].as_f64().unwrap_or(99.0) < 5.0 && d["p95"].as_f64().unwrap_or(99.0) < 16.0;
        println!(
            "{:<34} {:>7} {:>7} {:>7} {:>7} {}",
            name,
            f(&d["min"]),
            f(&d["p50"]),
            f(&d["p95"]),
            f(&d["p99"]),
            verdict(ok)
        );
    }
    println!("{:<34} target: p50 < 5 ms, p95 < 16 ms", "");
    let launch = t["launch_ms"].as_f64().unwrap_or(999.0);
    row(
        "TUI launch → first frame, in process (ms)",
        format!("{launch:.1}"),
        "< 100",
        launch < 100.0,
    );
    if let Some(p) = r.get("tui_pty") {
        match p["first_frame_ms"].as_f64() {
            Some(ms) => row(
                "TUI launch → first frame, real pty (ms)",
                format!("{ms:.0}"),
                "< 100",
                ms < 100.0,
            ),
            None => println!("TUI through a pty: {}", p["error"]),
        }
        if let Some(mb) = p["peak_rss_mb"].as_f64() {
            row("TUI peak RSS (MB)", format!("{mb:.0}"), "< 150", mb < 150.0);
        }
    }
}
