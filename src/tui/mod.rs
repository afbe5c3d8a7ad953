//! The terminal browser's runtime: terminal set-up and restore on every exit path (panics and
//! SIGTERM/SIGHUP included), the event loop, the worker thread and the debounce.

pub mod worker;

use std::io::Write;
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::Result;
use crossterm::event::{self, Event, KeyEventKind};
use crossterm::{cursor, execute, terminal};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::app::{App, Mode, Request, Response};
use crate::cli::Cli;
use crate::config::Config;
use crate::index::IndexError;
use crate::index::reader::Store;
use crate::index::writer::{self, IngestOptions};
use crate::keymap::Keymap;
use crate::ui::{self, theme::Theme};

/// The worker thread panicked; the panic hook has already printed the one line about it.
#[derive(Debug)]
pub struct WorkerPanicked;

impl std::fmt::Display for WorkerPanicked {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("internal error on the index worker")
    }
}

impl std::error::Error for WorkerPanicked {}

/// How long typing must pause before the list is searched again.
const DEBOUNCE: Duration = Duration::from_millis(60);

enum Msg {
    Input(Event),
    Worker(Response),
    Quit,
}

/// Whether the browser has the terminal (raw mode, alternate screen) and must give it back.
static ACTIVE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Held while a frame is drawn and while the terminal is given back: a panic on another
/// thread never has a frame drawn over its message after the terminal was restored.
static TERMINAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

thread_local! {
    /// Set on the thread drawing a frame, whose own panic restores without the lock it holds.
    static DRAWING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Leaves the alternate screen and raw mode, once: a second "leave alternate screen" (the
/// panic hook's, then the normal exit's) would move the cursor back over what was printed.
pub fn restore_terminal() {
    let _drawn =
        (!DRAWING.with(|d| d.get())).then(|| TERMINAL.lock().unwrap_or_else(|p| p.into_inner()));
    if !ACTIVE.swap(false, std::sync::atomic::Ordering::SeqCst) {
        return;
    }
    let _ = terminal::disable_raw_mode();
    let mut out = std::io::stdout();
    let _ = execute!(
        out,
        crossterm::event::DisableMouseCapture,
        terminal::LeaveAlternateScreen,
        cursor::Show
    );
    let _ = out.flush();
}

/// What the worker needs to open the index: where it is, the data directory that refreshes
/// it (when it is that corpus's index), and the configuration for extraction.
struct Opening {
    dir: std::path::PathBuf,
    data: Option<std::path::PathBuf>,
    config: Config,
}

/// Refreshes the index from the data directory (only new or changed files are read) and opens
/// it. Runs on the worker thread after the first frame is drawn, so the browser appears at
/// once, with "loading…" where the answers will be. An index locked by a running ingest opens
/// read-only with a note.
fn prepare(o: &Opening) -> Result<(Option<Store>, Option<String>, Option<String>)> {
    let mut note = None;
    let mut summary = None;
    if let Some(data) = &o.data {
        let ex = crate::commands::extractor(data, &o.config)?;
        let opts = IngestOptions {
            rebuild: false,
            max_file_bytes: o.config.max_file_bytes,
            // The screen is the browser's: no progress bar on it.
            progress: false,
        };
        match writer::ingest(&o.dir, std::slice::from_ref(data), &ex, &opts) {
            Ok(r) => {
                if r.files_indexed > 0 || r.files_removed > 0 {
                    summary = Some(r.summary());
                }
                if !r.problems.is_empty() {
                    note = Some(format!(
                        "{} inputs skipped (run `onrecord ingest` to see why)",
                        r.problems.len()
                    ));
                }
            }
            Err(IndexError::Locked(_)) => note = Some("read-only: an ingest is running".into()),
            Err(e) if crate::index::exists(&o.dir) => {
                note = Some(format!("index not refreshed: {e}"))
            }
            Err(e) => return Err(e.into()),
        }
    }
    match Store::open(&o.dir) {
        Ok(s) => Ok((Some(s), summary, note)),
        Err(IndexError::Missing(_)) => Ok((None, summary, note)),
        Err(e) => Err(e.into()),
    }
}

/// Refreshes the index from the data directory on a thread of its own while the browser
/// shows it as it was; a refresh that changed it sends the new store to the worker first,
/// then tells the browser, which asks again. A panic there ends the browser like one on the
/// worker.
fn refresh_beside(opening: Opening, swaps: mpsc::Sender<Store>, answers: mpsc::Sender<Response>) {
    std::thread::spawn(move || {
        let fatal = answers.clone();
        let worked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || {
            let done = match prepare(&opening) {
                Ok((store, summary, note)) => {
                    if let (Some(s), Some(_)) = (store, &summary) {
                        let _ = swaps.send(s);
                    }
                    Response::Refreshed { summary, note }
                }
                Err(e) => Response::Refreshed {
                    summary: None,
                    note: Some(format!("index not refreshed: {e:#}")),
                },
            };
            let _ = answers.send(done);
        }));
        if worked.is_err() {
            let _ = fatal.send(Response::WorkerPanicked);
        }
    });
}

pub fn run(cli: &Cli, config: &Config) -> Result<ExitCode> {
    let keymap = Keymap::with_overrides(&config.keys).map_err(anyhow::Error::msg)?;
    // What can be told before the screen changes is told on one line, as before.
    crate::commands::check_index_and_data(cli)?;
    let dir = crate::commands::index_dir(cli);
    let fresh = !crate::index::exists(&dir);
    // The data directory refreshes only the index built from it: browsing an index of
    // another corpus never mixes the demo articles in.
    let refresh = cli.data.is_dir() && (fresh || writer::built_from(&dir, &cli.data));
    let opening = Opening {
        dir,
        data: refresh.then(|| cli.data.clone()),
        config: config.clone(),
    };
    let topics = config.topics.iter().map(|t| t.id.clone()).collect();
    let state_dir = crate::state::StateDir::from_env(&opening.dir);
    let mut app = App::new(keymap, cli.data.display().to_string(), topics);
    app.set_config_searches(&config.searches);
    if let Some(sd) = &state_dir {
        let (state, warnings) = sd.load();
        app.restore(state, config.restore);
        if !warnings.is_empty() {
            app.status = Some(warnings.join("; "));
        }
    }
    if fresh && refresh {
        app.status = Some(format!(
            "building the index from {} (first run)…",
            cli.data.display()
        ));
    }
    // The browser draws on a terminal: `auto` is colour unless NO_COLOR or TERM=dumb.
    let colour = cli.color.enabled(true, |v| std::env::var(v).ok());
    let theme = Theme::from_config(&config.theme, !colour);

    // Restore the terminal before anything is printed about a panic.
    std::panic::set_hook(Box::new(|info| {
        restore_terminal();
        eprintln!("{}", crate::panic_line(info));
    }));
    ACTIVE.store(true, std::sync::atomic::Ordering::SeqCst);
    terminal::enable_raw_mode()?;
    execute!(
        std::io::stdout(),
        terminal::EnterAlternateScreen,
        cursor::Hide
    )?;
    if config.mouse {
        execute!(std::io::stdout(), crossterm::event::EnableMouseCapture)?;
    }
    let result = event_loop(
        &mut app,
        opening,
        &theme,
        state_dir.as_ref(),
        &config.opener,
    );
    restore_terminal();
    let _ = std::panic::take_hook();
    if result.is_ok()
        && let Some(sd) = &state_dir
        && let Err(e) = sd.save(&app.snapshot())
    {
        eprintln!(
            "onrecord: could not save the browser's state in {}: {e}",
            sd.root().display()
        );
    }
    result.map(|_| ExitCode::SUCCESS)
}

fn event_loop(
    app: &mut App,
    opening: Opening,
    theme: &Theme,
    state_dir: Option<&crate::state::StateDir>,
    opener: &[String],
) -> Result<()> {
    let mut term = Terminal::new(CrosstermBackend::new(std::io::stdout()))?;
    let (tx, rx) = mpsc::channel::<Msg>();
    let (req_tx, req_rx) = mpsc::channel::<Request>();
    let (ans_tx, ans_rx) = mpsc::channel::<Response>();
    // The worker opens the index, then answers: requests made meanwhile wait in the channel.
    // A panic on the worker (the panic hook has restored the terminal and said what happened)
    // ends the browser, which would otherwise wait for answers that never come.
    std::thread::spawn(move || {
        let fatal = ans_tx.clone();
        let worked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || {
            let (swap_tx, swap_rx) = mpsc::channel::<Store>();
            // An index that exists is shown at once, and the refresh from the data directory
            // runs beside it: the browser does not wait for a scan of the corpus files.
            let shown = opening
                .data
                .is_some()
                .then(|| Store::open(&opening.dir).ok())
                .flatten();
            let opened = match shown {
                Some(store) => {
                    refresh_beside(opening, swap_tx, ans_tx.clone());
                    Ok((Some(store), None, None))
                }
                None => prepare(&opening),
            };
            match opened {
                Ok((store, summary, note)) => {
                    if ans_tx.send(Response::Opened { summary, note }).is_ok() {
                        // Test hook: the fault tests check that a worker crash ends the browser.
                        if std::env::var("ONRECORD_TEST_PANIC").as_deref() == Ok("worker") {
                            panic!("panic requested by ONRECORD_TEST_PANIC on the worker");
                        }
                        worker::run(store, req_rx, ans_tx, swap_rx);
                    }
                }
                Err(e) => {
                    let _ = ans_tx.send(Response::Fatal(format!("{e:#}")));
                }
            }
        }));
        if worked.is_err() {
            let _ = fatal.send(Response::WorkerPanicked);
        }
    });
    {
        let tx = tx.clone();
        std::thread::spawn(move || {
            for r in ans_rx {
                if tx.send(Msg::Worker(r)).is_err() {
                    break;
                }
            }
        });
    }
    {
        let tx = tx.clone();
        std::thread::spawn(move || {
            while let Ok(e) = event::read() {
                if tx.send(Msg::Input(e)).is_err() {
                    break;
                }
            }
        });
    }
    {
        use signal_hook::consts::{SIGHUP, SIGTERM};
        if let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP]) {
            let tx = tx.clone();
            std::thread::spawn(move || {
                if signals.forever().next().is_some() {
                    let _ = tx.send(Msg::Quit);
                }
            });
        }
    }
    let size = term.size()?;
    let area = ratatui::layout::Rect::new(0, 0, size.width, size.height);
    let (h, w) = ui::metrics(area);
    app.resize(h, w);
    app.set_timeline_rows(ui::timeline_rows(area));
    let mut dirty = true;
    let mut held: Vec<Request> = Vec::new();
    let mut deadline: Option<Instant> = None;
    loop {
        // Hand work to the worker: searches while typing wait for a pause.
        for r in app.take_requests() {
            match r {
                Request::Yank { text, what } => {
                    app.status = Some(yank(&text, what));
                    dirty = true;
                }
                Request::OpenUrl { url } => {
                    app.status = Some(crate::opener::open(&url, opener));
                    dirty = true;
                }
                // At once, not at exit: a mark or a saved search is a decision a crash must
                // not lose.
                Request::SaveSearches => {
                    let saved = state_dir.map(|sd| (sd, sd.save_searches(&app.my_searches())));
                    dirty |= report_save(app, saved, "searches");
                }
                Request::SaveMarks => {
                    let saved = state_dir.map(|sd| (sd, sd.save_marks(&app.marks)));
                    dirty |= report_save(app, saved, "marks");
                }
                r @ (Request::Page { .. } | Request::Groups { .. }) if app.mode == Mode::Typing => {
                    held.retain(|h| std::mem::discriminant(h) != std::mem::discriminant(&r));
                    held.push(r);
                    deadline = Some(Instant::now() + DEBOUNCE);
                }
                r => {
                    let _ = req_tx.send(r);
                }
            }
        }
        if deadline.is_some_and(|d| Instant::now() >= d)
            || (app.mode != Mode::Typing && !held.is_empty())
        {
            for r in held.drain(..) {
                let _ = req_tx.send(r);
            }
            deadline = None;
        }
        if dirty {
            let _drawing = TERMINAL.lock().unwrap_or_else(|p| p.into_inner());
            // Given back by a panic on another thread: its message stays on the screen.
            if ACTIVE.load(std::sync::atomic::Ordering::SeqCst) {
                DRAWING.with(|d| d.set(true));
                let drawn = (|| -> Result<()> {
                    let frame = term.draw(|f| ui::draw(f, app, theme))?;
                    let link = hyperlink(app).map(|url| (ui::url_runs(frame.buffer, &url), url));
                    if let Some((runs, url)) = link {
                        write_hyperlink(&runs, &url)?;
                    }
                    Ok(())
                })();
                DRAWING.with(|d| d.set(false));
                drawn?;
            }
            dirty = false;
        }
        if app.quit {
            return Ok(());
        }
        let msg = match deadline {
            Some(d) => match rx.recv_timeout(d.saturating_duration_since(Instant::now())) {
                Ok(m) => m,
                Err(mpsc::RecvTimeoutError::Timeout) => continue,
                Err(mpsc::RecvTimeoutError::Disconnected) => return Ok(()),
            },
            None => match rx.recv() {
                Ok(m) => m,
                Err(_) => return Ok(()),
            },
        };
        match msg {
            Msg::Input(Event::Key(k)) if k.kind != KeyEventKind::Release => {
                // Test hook: the fault tests check that a crash still restores the terminal.
                if k.code == crossterm::event::KeyCode::Char('!')
                    && std::env::var_os("ONRECORD_TEST_PANIC").is_some()
                {
                    panic!("panic requested by ONRECORD_TEST_PANIC");
                }
                dirty |= app.on_key(k)
            }
            Msg::Input(Event::Mouse(m)) => {
                use crossterm::event::{MouseButton, MouseEventKind};
                let size = term.size()?;
                let area = ratatui::layout::Rect::new(0, 0, size.width, size.height);
                if let Some((pane, row, height)) = ui::pane_at(area, app.pane, m.column, m.row) {
                    dirty |= match m.kind {
                        MouseEventKind::ScrollDown => app.wheel(pane, true),
                        MouseEventKind::ScrollUp => app.wheel(pane, false),
                        MouseEventKind::Down(MouseButton::Left) => app.click(pane, row, height),
                        _ => false,
                    };
                }
            }
            Msg::Input(Event::Resize(w, h)) => {
                let area = ratatui::layout::Rect::new(0, 0, w, h);
                let (lh, rw) = ui::metrics(area);
                app.resize(lh, rw);
                app.set_timeline_rows(ui::timeline_rows(area));
                term.autoresize()?;
                dirty = true;
            }
            Msg::Input(_) => {}
            Msg::Worker(Response::Fatal(e)) => anyhow::bail!(e),
            Msg::Worker(Response::WorkerPanicked) => return Err(WorkerPanicked.into()),
            Msg::Worker(r) => dirty |= app.receive(r),
            Msg::Quit => return Ok(()),
        }
    }
}

/// A failed write of the state goes to the status bar; returns whether it did.
fn report_save(
    app: &mut App,
    saved: Option<(&crate::state::StateDir, std::io::Result<()>)>,
    what: &str,
) -> bool {
    match saved {
        Some((sd, Err(e))) => {
            app.status = Some(format!(
                "error: could not save the {what} in {}: {e}",
                sd.root().display()
            ));
            true
        }
        _ => false,
    }
}

/// The selected statement's URL when the reader shows it and it may be a link: http(s), and
/// drawn as is (nothing in it that sanitising would change: no control characters).
fn hyperlink(app: &App) -> Option<String> {
    if app.mode != Mode::Normal {
        return None;
    }
    let url = app.selected()?.url.as_deref()?;
    let ok = crate::opener::check_url(url).is_ok_and(|u| u == url)
        && crate::sanitize::for_terminal(url) == url;
    ok.then(|| url.to_string())
}

/// Rewrites the cells that spell the URL inside an OSC 8 hyperlink (terminals that know it let
/// a click or a key open it, over SSH too; others ignore the sequence and show the same text).
fn write_hyperlink(runs: &[(u16, u16, String)], url: &str) -> Result<()> {
    if runs.is_empty() {
        return Ok(());
    }
    let mut out = std::io::stdout().lock();
    for (x, y, text) in runs {
        crossterm::queue!(out, cursor::MoveTo(*x, *y))?;
        write!(out, "\x1b]8;;{url}\x1b\\{text}\x1b]8;;\x1b\\")?;
    }
    out.flush()?;
    Ok(())
}

fn yank(text: &str, what: &str) -> String {
    if let Some(why) = crate::clipboard::unsupported() {
        return format!("{why}; {what}: {}", crate::sanitize::for_terminal(text));
    }
    let mut out = std::io::stdout();
    match out
        .write_all(crate::clipboard::osc52(text).as_bytes())
        .and_then(|_| out.flush())
    {
        // The terminal never says whether it took it: say what was done, not more.
        Ok(()) => format!("{what} sent to the terminal's clipboard (OSC 52)"),
        Err(e) => format!("could not copy: {e}"),
    }
}
