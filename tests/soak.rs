//! A browser soak (#17): the real `App` driven by thousands of random events — keys of every
//! mode, pasted bursts with control characters, resizes from 200×60 down to 20×5 and back —
//! with the invariants checked after each one and the memory watched.
//!
//! `cargo test` runs 20,000 events on the seed articles. With `ONRECORD_HEAVY=1` it runs on
//! the AllSides world-diplomacy subset (~70k statements);
//! `ONRECORD_SOAK_INDEX=DIR` points it at any index (the whole AllSides corpus for the figures
//! in docs/reliability.md). `ONRECORD_SOAK_SEED` replays one run; a failure prints its seed.

mod common;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use onrecord::app::{App, Request};
use onrecord::index::reader::Store;
use onrecord::tui::worker::answer;
use onrecord::ui::{self, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

/// Answers what the worker would, except exports (they write files) and the clipboard (the
/// event loop's job): the soak is about the browser's state, not the filesystem.
fn pump(app: &mut App, store: &Store) {
    for _ in 0..4 {
        let reqs = app.take_requests();
        if reqs.is_empty() {
            return;
        }
        for r in reqs {
            if matches!(r, Request::Export { .. } | Request::Yank { .. }) {
                continue;
            }
            if let Some(resp) = answer(Some(store), r) {
                app.receive(resp);
            }
        }
    }
}

/// Resident anonymous memory (the heap): the index's mapped files count in VmRSS as the soak
/// reads more of them, which is the page cache, not growth.
fn rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("RssAnon:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

const CHARS: &str = "jkhlgGnNdstyeoqvcmaJK/?:0123456789 abcdefghijklmnopqrstuvwxyz";
const SPECIAL: [KeyCode; 14] = [
    KeyCode::Esc,
    KeyCode::Enter,
    KeyCode::Tab,
    KeyCode::BackTab,
    KeyCode::Backspace,
    KeyCode::Up,
    KeyCode::Down,
    KeyCode::Left,
    KeyCode::Right,
    KeyCode::PageUp,
    KeyCode::PageDown,
    KeyCode::Home,
    KeyCode::End,
    KeyCode::Delete,
];

/// One random event: a key (most often), a pasted burst, or a resize. Returns the new size.
fn event(rng: &mut common::Rng, app: &mut App, size: (u16, u16)) -> (u16, u16) {
    let chars: Vec<char> = CHARS.chars().collect();
    match rng.below(100) {
        0..=2 => {
            // A resize, sometimes to the smallest sizes a terminal is dragged to.
            let w = [200, 160, 120, 80, 60, 40, 30, 20][rng.below(8)];
            let h = [60, 50, 40, 24, 12, 8, 5][rng.below(7)];
            let (lh, rw) = ui::metrics(Rect::new(0, 0, w, h));
            app.set_timeline_rows(ui::timeline_rows(Rect::new(0, 0, w, h)));
            app.resize(lh, rw);
            (w, h)
        }
        3..=4 => {
            // A paste: arrives as keys, with what a clipboard may hold.
            let burst = [
                "Lavrov sanctions",
                "\u{1b}[31mred\u{1b}[0m",
                "line one\nline two\r\n",
                "\u{7}\u{8}\u{0}tab\there",
                "«Москва» 東京 مرحبا \u{200b}",
                "-\"a b\" AND (c OR",
            ][rng.below(6)];
            for c in burst.chars() {
                app.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
            }
            size
        }
        5..=14 => {
            let code = SPECIAL[rng.below(SPECIAL.len())];
            app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
            size
        }
        15..=17 => {
            let c = chars[rng.below(chars.len())];
            app.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
            size
        }
        _ => {
            let c = chars[rng.below(chars.len())];
            let m = if c.is_ascii_uppercase() {
                KeyModifiers::SHIFT
            } else {
                KeyModifiers::NONE
            };
            app.on_key(KeyEvent::new(KeyCode::Char(c), m));
            size
        }
    }
}

fn check(app: &App, store: &Store, buf: &ratatui::buffer::Buffer, step: usize, seed: u64) {
    let at = format!("step {step}, seed {seed}");
    if app.list_total > 0 {
        assert!(
            app.list_sel < app.list_total,
            "{at}: selection {} outside {} statements",
            app.list_sel,
            app.list_total
        );
    }
    assert!(
        app.rows.is_empty() || app.group_sel < app.rows.len(),
        "{at}: group row {} of {}",
        app.group_sel,
        app.rows.len()
    );
    let f = app.effective_filter();
    if app.list_loaded && !f.dedup {
        assert_eq!(
            app.list_total,
            store.count(&f).unwrap(),
            "{at}: the list's count is not the filter's ({f:?})"
        );
    }
    for cell in buf.content() {
        assert!(
            !cell.symbol().chars().any(|c| c.is_control()),
            "{at}: a control character reached the screen: {:?}",
            cell.symbol()
        );
    }
}

fn soak(store: &Store, events: usize, seed: u64) -> (u64, u64) {
    let mut size = (120u16, 40u16);
    let mut app = common::app_sized(size.0, size.1);
    let theme = Theme::mono();
    pump(&mut app, store);
    let mut rng = common::Rng(seed | 1);
    let mut term = Terminal::new(TestBackend::new(size.0, size.1)).unwrap();
    let mut rss_after_warmup = 0;
    for step in 0..events {
        let new = event(&mut rng, &mut app, size);
        if new != size {
            size = new;
            term = Terminal::new(TestBackend::new(size.0, size.1)).unwrap();
        }
        pump(&mut app, store);
        // Quitting is a key like any other here: the session goes on.
        app.quit = false;
        term.draw(|f| ui::draw(f, &app, &theme)).unwrap();
        check(&app, store, term.backend().buffer(), step, seed);
        if step == events / 10 {
            rss_after_warmup = rss_kb();
        }
    }
    (rss_after_warmup, rss_kb())
}

/// Only on request: on 70k statements a debug build takes minutes, too long for every CI run.
fn heavy() -> bool {
    std::env::var_os("ONRECORD_HEAVY").is_some()
}

#[test]
fn browser_soak_keeps_its_invariants_and_its_memory() {
    let seed = std::env::var("ONRECORD_SOAK_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_0017);
    let events = std::env::var("ONRECORD_SOAK_EVENTS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20_000);
    let subset = common::repo().join("../shared/corpora/allsides/world-diplomacy-subset.jsonl.gz");
    let (_dir, store, what) = if let Some(dir) = std::env::var_os("ONRECORD_SOAK_INDEX") {
        let store = Store::open(std::path::Path::new(&dir)).expect("ONRECORD_SOAK_INDEX");
        (None, store, format!("{}", dir.to_string_lossy()))
    } else if heavy() && subset.exists() {
        let data = tempfile::tempdir().unwrap();
        std::fs::copy(&subset, data.path().join("subset.jsonl.gz")).unwrap();
        let (dir, store) = common::indexed(data.path());
        (Some((dir, data)), store, "the AllSides subset".to_string())
    } else {
        let (dir, store) = common::indexed(&common::repo().join("data"));
        let keep = tempfile::tempdir().unwrap();
        (Some((dir, keep)), store, "the seed articles".to_string())
    };
    let total = store.count(&Default::default()).unwrap();
    let started = std::time::Instant::now();
    let (warm, end) = soak(&store, events, seed);
    let growth_mb = end.saturating_sub(warm) as f64 / 1024.0;
    eprintln!(
        "soak: {events} events on {what} ({total} statements) in {:.1} s; heap (RssAnon) {:.0} MB after warm-up, {:.0} MB at the end ({growth_mb:+.1} MB)",
        started.elapsed().as_secs_f64(),
        warm as f64 / 1024.0,
        end as f64 / 1024.0
    );
    // Other tests of this binary run in the same process; a leak per event would show as
    // tens of megabytes over 18,000 events.
    assert!(
        growth_mb < 64.0,
        "memory grew by {growth_mb:.1} MB over the soak"
    );
}

/// Found by the soak: ordering by speaker negated the "no date" value of undated statements,
/// which overflows (a panic in debug builds, undated-first in release).
#[test]
fn speaker_order_puts_undated_statements_last_within_a_speaker() {
    let (_dir, store) = common::indexed(&common::repo().join("data"));
    let f = onrecord::model::Filter::default();
    let total = store.count(&f).unwrap();
    // The first page of a new order is a top-k search; the second request orders everything.
    let sort = onrecord::index::reader::Sort::Speaker;
    let _ = store.page_cached(&f, sort, 0, 5).unwrap();
    let page = store.page_cached(&f, sort, 0, total).unwrap();
    assert_eq!(page.hits.len(), total);
    assert!(
        page.hits.iter().any(|s| s.date.is_none()),
        "the seeds have undated statements"
    );
    for w in page.hits.windows(2) {
        if w[0].speaker == w[1].speaker {
            let (a, b) = (&w[0].date, &w[1].date);
            assert!(
                b.is_none() || (a.is_some() && a >= b),
                "{}: {a:?} before {b:?}",
                w[0].speaker
            );
        }
    }
}
