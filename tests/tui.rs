//! The browser without a terminal: `App::update` for every action, and frames rendered on
//! ratatui's `TestBackend` at 120×40, 80×24 and 40×12, checked for what a person looks for.

mod common;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use onrecord::action::Action;
use onrecord::app::{App, Mode, Pane, Request};
use onrecord::config::Config;
use onrecord::index::reader::{Sort, Store};
use onrecord::keymap::Keymap;
use onrecord::model::Kind;
use onrecord::tui::worker::{answer, pump};
use onrecord::ui::{self, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

struct Fixture {
    _dir: tempfile::TempDir,
    store: Store,
}

fn fixture() -> Fixture {
    let (dir, store) = common::indexed(&common::repo().join("data"));
    Fixture { _dir: dir, store }
}

fn new_app(store: &Store, w: u16, h: u16) -> App {
    let mut app = common::app_sized(w, h);
    pump(&mut app, store);
    app
}

fn act(app: &mut App, store: &Store, a: Action) {
    app.update(a);
    pump(app, store);
}

fn key(app: &mut App, store: &Store, c: char) {
    app.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    pump(app, store);
}

fn render(app: &App, w: u16, h: u16, theme: &Theme) -> Buffer {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| ui::draw(f, app, theme)).unwrap();
    t.backend().buffer().clone()
}

fn lines(b: &Buffer) -> Vec<String> {
    (0..b.area.height)
        .map(|y| {
            (0..b.area.width)
                .map(|x| b[(x, y)].symbol().to_string())
                .collect()
        })
        .collect()
}

fn screen(b: &Buffer) -> String {
    lines(b).join("\n")
}

#[test]
fn update_handles_every_action() {
    let fx = fixture();
    let s = &fx.store;
    let mut app = new_app(s, 120, 40);
    assert!(app.groups_loaded && app.list_loaded);
    let total = app.list_total;
    assert!(total >= 56);
    assert_eq!(app.pane, Pane::Groups);

    // Down/Up in the group pane select an official and narrow the list.
    act(&mut app, s, Action::Down);
    assert_eq!(app.group_sel, 1);
    assert_eq!(
        app.effective_filter().official.as_deref(),
        Some("Sergey Lavrov")
    );
    assert!(app.list_total < total && app.list_total > 10);
    act(&mut app, s, Action::Up);
    assert_eq!(app.group_sel, 0);
    assert_eq!(app.list_total, total);
    // Expand / Collapse / Open on an official.
    act(&mut app, s, Action::Down);
    act(&mut app, s, Action::Expand);
    assert!(
        app.rows[2].topic.is_some(),
        "topics listed under the official"
    );
    act(&mut app, s, Action::Collapse);
    assert!(app.rows[2].topic.is_none());
    act(&mut app, s, Action::Open);
    assert!(app.rows[2].topic.is_some());
    act(&mut app, s, Action::Open);
    // Panes.
    act(&mut app, s, Action::NextPane);
    assert_eq!(app.pane, Pane::List);
    act(&mut app, s, Action::PrevPane);
    assert_eq!(app.pane, Pane::Groups);
    act(&mut app, s, Action::Top);
    act(&mut app, s, Action::NextPane);
    // List movement: Down, PageDown, Bottom, Top, PageUp.
    act(&mut app, s, Action::Down);
    assert_eq!(app.list_sel, 1);
    act(&mut app, s, Action::PageDown);
    assert!(app.list_sel > 10);
    act(&mut app, s, Action::Bottom);
    assert_eq!(app.list_sel, total - 1);
    assert!(app.selected().is_some(), "the last row is loaded");
    act(&mut app, s, Action::PageUp);
    assert!(app.list_sel < total - 1);
    act(&mut app, s, Action::Top);
    assert_eq!(app.list_sel, 0);
    // Open goes to the reader; Back returns.
    act(&mut app, s, Action::Open);
    assert_eq!(app.pane, Pane::Reader);
    act(&mut app, s, Action::Down);
    assert_eq!(app.reader_scroll, 1);
    act(&mut app, s, Action::Back);
    assert_eq!(app.pane, Pane::List);
    // Filter as you type, matches, clear.
    act(&mut app, s, Action::Filter);
    assert_eq!(app.mode, Mode::Typing);
    for c in "cyberspace".chars() {
        key(&mut app, s, c);
    }
    assert!(
        app.list_total >= 1 && app.list_total < 5,
        "{}",
        app.list_total
    );
    app.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    assert_eq!(app.mode, Mode::Normal);
    act(&mut app, s, Action::NextMatch);
    assert!(
        app.status
            .as_deref()
            .unwrap_or("")
            .starts_with("match 1 of"),
        "{:?}",
        app.status
    );
    act(&mut app, s, Action::PrevMatch);
    assert!(app.status.as_deref().unwrap_or("").contains("match"));
    act(&mut app, s, Action::Back);
    assert!(app.base.query.is_empty());
    assert_eq!(app.list_total, total);
    // Filter pane: official + topic.
    act(&mut app, s, Action::FilterPane);
    assert_eq!(app.mode, Mode::FilterForm);
    app.on_key(KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE));
    for c in "kerry".chars() {
        app.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
    app.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    pump(&mut app, s);
    assert_eq!(app.base.official.as_deref(), Some("John Kerry"));
    assert_eq!(app.list_total, 3);
    assert_eq!(app.groups.len(), 1, "group counts follow the filter");
    act(&mut app, s, Action::Back);
    // Sort cycles.
    act(&mut app, s, Action::Sort);
    assert_eq!(app.sort, Sort::Speaker);
    act(&mut app, s, Action::Sort);
    act(&mut app, s, Action::Sort);
    assert_eq!(app.sort, Sort::Date);
    // Yank queues a citation; Export asks for a format. The newest day holds Lavrov's three
    // reported statements and a quoted one, in the order ingest's threads indexed them: the
    // first reported one of them is cited.
    act(&mut app, s, Action::Top);
    for _ in 0..5 {
        if app.selected().is_some_and(|st| st.kind == Kind::Indirect) {
            break;
        }
        act(&mut app, s, Action::Down);
    }
    app.update(Action::Yank);
    let reqs = app.take_requests();
    assert!(
        matches!(&reqs[..], [Request::Yank { text, what: "citation" }]
            if (text.starts_with("Sergey Lavrov said that Russia is ready")
                || text.starts_with("Sergey Lavrov stressed that Russia was open")
                || text.starts_with("According to Sergey Lavrov, a greater number"))
                && !text.contains('“')
                && text.ends_with("data/002_78ae369a504d9cd7.txt)")),
        "reported speech is cited as reported, never in quotation marks: {reqs:?}"
    );
    act(&mut app, s, Action::Export);
    assert_eq!(app.mode, Mode::ExportChoice);
    app.on_key(KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE));
    assert_eq!(app.mode, Mode::Normal);
    // Help opens, typing filters it, Esc closes; Quit quits.
    act(&mut app, s, Action::Help);
    assert_eq!(app.mode, Mode::Help);
    key(&mut app, s, 'z');
    assert_eq!(app.mode, Mode::Help);
    assert_eq!(app.help_filter, "z");
    app.on_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(app.help_filter, "");
    act(&mut app, s, Action::Quit);
    assert!(app.quit);
}

#[test]
fn stale_answers_are_dropped() {
    let fx = fixture();
    let s = &fx.store;
    let mut app = new_app(s, 120, 40);
    app.update(Action::Filter);
    for c in "lavrov".chars() {
        app.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
    let old = app.take_requests();
    assert!(
        !old.is_empty(),
        "typing in the filter asks the index for an answer"
    );
    // Replace the query with one that has a different answer, and let that answer arrive.
    for _ in 0.."lavrov".len() {
        app.on_key(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE));
    }
    for c in "sanctions".chars() {
        app.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
    pump(&mut app, s);
    let now = app.list_total;
    let mut stale_pages = 0;
    for r in old {
        if let Some(resp) = answer(Some(s), r) {
            if let onrecord::app::Response::Page { page, .. } = &resp {
                assert_ne!(page.total, now, "the older answer differs from the newer");
                stale_pages += 1;
            }
            assert!(
                !app.receive(resp),
                "an answer for an older query must not apply"
            );
        }
    }
    assert!(stale_pages > 0, "an older page was offered and refused");
    assert_eq!(app.list_total, now);
}

#[test]
fn wide_layout_shows_three_panes_with_selection_and_counts() {
    let fx = fixture();
    let s = &fx.store;
    let mut app = new_app(s, 120, 40);
    act(&mut app, s, Action::Down);
    let b = render(&app, 120, 40, &Theme::mono());
    let text = screen(&b);
    assert!(text.contains("Officials ("), "{text}");
    assert!(text.contains("Statements 1/"), "{text}");
    assert!(text.contains("Reader"), "{text}");
    assert!(text.contains("? help"), "{text}");
    // The selected official row is reversed and carries its count.
    let rows = lines(&b);
    let y = rows
        .iter()
        .position(|l| l.contains("▸ Sergey Lavrov"))
        .expect("official row");
    assert!(
        b[(2, y as u16)].modifier.contains(Modifier::REVERSED),
        "selected row highlighted"
    );
    let group_cell: String = rows[y].chars().take(28).collect();
    assert!(
        group_cell
            .trim_end_matches(['│', ' '])
            .ends_with(&app.list_total.to_string()),
        "{}",
        rows[y]
    );
    // Panes side by side: all three titles on one row.
    assert!(
        rows[1].contains("Officials")
            && rows[1].contains("Statements")
            && rows[1].contains("Reader")
    );
    // The reader shows the statement with its metadata.
    let st = app.selected().unwrap().clone();
    assert!(text.contains("Sergey Lavrov — Foreign"), "{text}");
    assert!(text.contains("Source:"), "{text}");
    assert!(text.contains(&st.topics[0]), "{text}");
}

#[test]
fn search_hits_are_highlighted_in_the_reader() {
    let fx = fixture();
    let s = &fx.store;
    let mut app = new_app(s, 120, 40);
    act(&mut app, s, Action::Filter);
    for c in "Minsk".chars() {
        key(&mut app, s, c);
    }
    act(&mut app, s, Action::NextPane);
    let b = render(&app, 120, 40, &Theme::mono());
    let rows = lines(&b);
    let mut found = false;
    for (y, row) in rows.iter().enumerate() {
        if let Some(x) = row.find("Minsk") {
            let col = row[..x].chars().count() as u16;
            if b[(col, y as u16)].modifier.contains(Modifier::UNDERLINED)
                || b[(col, y as u16)].modifier.contains(Modifier::REVERSED)
            {
                found = true;
            }
        }
    }
    assert!(found, "{}", rows.join("\n"));
    assert!(
        rows[0].contains("Minsk"),
        "the filter bar shows the query: {}",
        rows[0]
    );
}

#[test]
fn medium_and_small_layouts_stay_usable() {
    let fx = fixture();
    let s = &fx.store;
    let app = new_app(s, 80, 24);
    let b = render(&app, 80, 24, &Theme::mono());
    let rows = lines(&b);
    assert!(
        rows[1].contains("Officials") && rows[1].contains("Statements"),
        "{}",
        rows.join("\n")
    );
    // The reader is stacked below the list: its title on a later row, in the list's column.
    let list_col = rows[1][..rows[1].find("Statements").unwrap()]
        .chars()
        .count();
    let (reader_row, reader_col) = rows
        .iter()
        .enumerate()
        .find_map(|(i, r)| r.find(" Reader ").map(|c| (i, r[..c].chars().count())))
        .expect("a Reader pane");
    assert!(
        reader_row > 2 && !rows[1].contains("Reader"),
        "reader stacked below the list:\n{}",
        rows.join("\n")
    );
    assert!(
        reader_col.abs_diff(list_col) <= 12,
        "reader in the list's column ({reader_col} vs {list_col}):\n{}",
        rows.join("\n")
    );

    let mut app = new_app(s, 40, 12);
    let b = render(&app, 40, 12, &Theme::mono());
    let rows = lines(&b);
    assert!(
        rows[1].contains("Officials")
            && rows[1].contains("Statements")
            && rows[1].contains("Reader"),
        "tab line: {}",
        rows.join("\n")
    );
    assert!(
        rows.iter().any(|r| r.contains("All statements")),
        "{}",
        rows.join("\n")
    );
    act(&mut app, s, Action::NextPane);
    let rows = lines(&render(&app, 40, 12, &Theme::mono()));
    assert!(
        rows.iter().any(|r| r.contains("Statements 1/")),
        "{}",
        rows.join("\n")
    );
    act(&mut app, s, Action::NextPane);
    let rows = lines(&render(&app, 40, 12, &Theme::mono()));
    assert!(
        rows.iter().any(|r| r.contains("┌▶ Reader")) && rows.iter().any(|r| r.contains(" — ")),
        "{}",
        rows.join("\n")
    );
    assert!(rows.last().unwrap().contains("help"));
}

#[test]
fn help_overlay_lists_the_live_keymap() {
    let fx = fixture();
    let s = &fx.store;
    let mut overrides = std::collections::BTreeMap::new();
    overrides.insert(
        "down".to_string(),
        vec!["ctrl-n".to_string(), "J".to_string()],
    );
    let topics = Config::defaults()
        .topics
        .iter()
        .map(|t| t.id.clone())
        .collect();
    let mut app = App::new(
        Keymap::with_overrides(&overrides).unwrap(),
        "data".into(),
        topics,
    );
    pump(&mut app, s);
    act(&mut app, s, Action::Help);
    let text = screen(&render(&app, 120, 40, &Theme::mono()));
    assert!(text.contains("Help"), "{text}");
    for a in Action::ALL {
        assert!(
            text.contains(a.describe()),
            "{} missing: {text}",
            a.describe()
        );
    }
    // The row that describes "down" shows both new keys and neither old one.
    let row = text
        .lines()
        .find(|r| r.contains(Action::Down.describe()))
        .expect("a help row for down");
    let keys: Vec<&str> = row
        .split(Action::Down.describe())
        .next()
        .unwrap()
        .split(|c: char| c.is_whitespace() || c == '│')
        .filter(|k| !k.is_empty())
        .collect();
    assert!(
        keys.contains(&"J") && keys.contains(&"ctrl-n"),
        "rebound keys on the row: {row}"
    );
    assert!(
        !keys.contains(&"j") && !keys.contains(&"↓"),
        "old binding gone: {row}"
    );

    // And the rebound keys do what the help says; the old one no longer does.
    app.on_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(app.group_sel, 0);
    key(&mut app, s, 'j');
    assert_eq!(app.group_sel, 0, "j is no longer down");
    app.on_key(KeyEvent::new(KeyCode::Char('J'), KeyModifiers::SHIFT));
    pump(&mut app, s);
    assert_eq!(app.group_sel, 1, "J moves down");
    app.on_key(KeyEvent::new(KeyCode::Char('n'), KeyModifiers::CONTROL));
    pump(&mut app, s);
    assert_eq!(app.group_sel, 2, "ctrl-n moves down");
}

#[test]
fn empty_index_shows_what_to_do() {
    let topics = Config::defaults()
        .topics
        .iter()
        .map(|t| t.id.clone())
        .collect();
    let mut app = App::new(Keymap::default(), "~/news".into(), topics);
    for r in app.take_requests() {
        if let Some(resp) = answer(None, r) {
            app.receive(resp);
        }
    }
    let text = screen(&render(&app, 120, 40, &Theme::mono()));
    assert!(text.contains("No statements yet"), "{text}");
    assert!(text.contains("onrecord ingest ~/news"), "{text}");
}

#[test]
fn hostile_text_never_reaches_the_terminal() {
    use onrecord::model::{Kind, Statement};
    let st = Statement {
        id: "x".into(),
        speaker: "Evil\u{1b}]0;pwned\u{7} Person".into(),
        speaker_kind: Default::default(),
        speaker_title: Some("\u{202e}reversed".into()),
        affiliation: None,
        kind: Kind::Direct,
        text: "We \u{1b}[31mwill\u{1b}[0m copy \u{1b}]52;c;aGk=\u{7}this \u{9b}2J now".into(),
        cue: "said".into(),
        topics: vec!["other".into()],
        date: None,
        outlet: Some("Out\u{7}let".into()),
        title: None,
        url: Some("https://example.com/\u{1b}]52;c;aGk=\u{7}x".into()),
        source: "x.txt".into(),
        paragraph: String::new(),
        also_reported_by: vec![],
    };
    let topics = Config::defaults()
        .topics
        .iter()
        .map(|t| t.id.clone())
        .collect();
    let mut app = App::new(Keymap::default(), "data".into(), topics);
    let generation = app.generation;
    app.take_requests();
    app.receive(onrecord::app::Response::Page {
        generation,
        page: onrecord::index::reader::Page {
            total: 1,
            offset: 0,
            hits: vec![st],
        },
    });
    app.pane = Pane::List;
    let b = render(&app, 120, 30, &Theme::mono());
    for cell in b.content() {
        for ch in cell.symbol().chars() {
            assert!(
                !ch.is_control() && !('\u{202a}'..='\u{202e}').contains(&ch),
                "control {ch:?} reached the buffer"
            );
        }
    }
    let text = screen(&b);
    assert!(
        text.contains("We will copy this") && text.contains("Evil Person"),
        "{text}"
    );
}

#[test]
fn timeline_overlay_for_the_selected_official() {
    let fx = fixture();
    let s = &fx.store;
    let mut app = new_app(s, 120, 40);
    act(&mut app, s, Action::Down); // Sergey Lavrov
    act(&mut app, s, Action::Timeline);
    assert_eq!(app.mode, Mode::Timeline);
    let text = screen(&render(&app, 120, 40, &Theme::mono()));
    assert!(
        text.contains("Timeline — Sergey Lavrov (by month)"),
        "{text}"
    );
    assert!(text.contains("2018-02") && text.contains("█"), "{text}");
    key(&mut app, s, 'x');
    assert_eq!(app.mode, Mode::Normal, "any key closes it");
}

#[test]
fn dedup_toggle_collapses_repeated_reports_and_reader_shows_other_outlets() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    let q =
        "The deployment of new missiles in Europe will force us to respond, and we will respond";
    let recs = [
        ("TASS", "2019-03-01"),
        ("Sputnik", "2019-03-02"),
        ("Trend", "2019-03-03"),
    ];
    let jsonl: String = recs
        .iter()
        .map(|(o, d)| serde_json::json!({"text": format!("\"{q},\" Foreign Minister Sergey Lavrov told reporters."), "source": o, "date": d}).to_string() + "\n")
        .collect();
    std::fs::write(data.join("a.jsonl"), jsonl).unwrap();
    std::fs::write(
        data.join("b.txt"),
        "The talks were useful and frank, Deputy Minister Ivan Petrov told reporters on Friday.\n",
    )
    .unwrap();
    let (_index_dir, store) = common::indexed(&data);
    let s = &store;
    let mut app = new_app(s, 120, 40);
    assert_eq!(app.list_total, 4);
    act(&mut app, s, Action::Dedup);
    assert_eq!(
        app.list_total, 2,
        "three reports of one statement count once"
    );
    act(&mut app, s, Action::Dedup);
    assert_eq!(app.list_total, 4);
    // The reader lists the other outlets of the selected statement.
    act(&mut app, s, Action::NextPane);
    let text = screen(&render(&app, 120, 40, &Theme::mono()));
    assert!(
        text.contains("Also reported by:") && text.contains("(2)"),
        "{text}"
    );
}

#[test]
fn verify_overlay_finds_who_said_a_pasted_sentence() {
    let fx = fixture();
    let s = &fx.store;
    let mut app = new_app(s, 120, 40);
    act(&mut app, s, Action::Verify);
    assert_eq!(app.mode, Mode::Verify);
    for c in "we want to change the negative trend in politics and in the economy".chars() {
        app.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
    app.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    pump(&mut app, s);
    let text = screen(&render(&app, 120, 40, &Theme::mono()));
    assert!(text.contains("Verify — who said it?"), "{text}");
    assert!(
        text.contains("close match") && text.contains("Sergey Ryabkov"),
        "{text}"
    );
    app.on_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    assert_eq!(app.mode, Mode::Normal);
}

#[test]
fn compare_two_officials_side_by_side() {
    let fx = fixture();
    let s = &fx.store;
    let mut app = new_app(s, 120, 40);
    act(&mut app, s, Action::Down); // Sergey Lavrov
    act(&mut app, s, Action::Compare);
    assert_eq!(app.mode, Mode::Compare);
    assert_eq!(app.compare_form[0], "Sergey Lavrov");
    for c in "ryabkov".chars() {
        app.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
    app.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    pump(&mut app, s);
    let rows = lines(&render(&app, 120, 40, &Theme::mono()));
    let text = rows.join("\n");
    let header = rows
        .iter()
        .find(|r| r.contains("Sergey Lavrov ("))
        .expect("left column");
    assert!(
        header.contains("Sergey Ryabkov ("),
        "both columns on one row: {text}"
    );
    assert!(
        text.contains("2017-04-13") && text.contains("2018-02-12"),
        "{text}"
    );
    // Oldest first in each column: the dates down the rows never decrease.
    let half = 60;
    for (name, range) in [("left", 0..half), ("right", half..120)] {
        let dates: Vec<String> = rows
            .iter()
            .filter_map(|r| {
                let col: String = r.chars().skip(range.start).take(range.len()).collect();
                let t: Vec<char> = col.trim_start_matches(['│', ' ']).chars().collect();
                let d: String = t.iter().take(10).collect();
                (d.len() == 10
                    && d.chars().filter(|c| *c == '-').count() == 2
                    && d[..4].chars().all(|c| c.is_ascii_digit()))
                .then_some(d)
            })
            .collect();
        assert!(dates.len() >= 2, "{name}: {dates:?}\n{text}");
        assert!(
            dates.windows(2).all(|w| w[0] <= w[1]),
            "{name} column oldest first: {dates:?}"
        );
    }
    app.on_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    assert_eq!(app.mode, Mode::Normal);

    // With a search, its hits are highlighted in both columns.
    act(&mut app, s, Action::Filter);
    for c in "relations".chars() {
        key(&mut app, s, c);
    }
    app.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    pump(&mut app, s);
    act(&mut app, s, Action::Compare);
    app.compare_form[0] = "Sergey Lavrov".into();
    app.compare_form[1] = "ryabkov".into();
    app.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    pump(&mut app, s);
    let b = render(&app, 120, 40, &Theme::mono());
    let rows = lines(&b);
    let mut highlighted = [false, false];
    for (y, row) in rows.iter().enumerate() {
        for (x, _) in row.match_indices("relations") {
            let col = row[..x].chars().count() as u16;
            if b[(col, y as u16)].modifier.contains(Modifier::UNDERLINED) {
                highlighted[usize::from(col >= 60)] = true;
            }
        }
    }
    assert_eq!(highlighted, [true, true], "{}", rows.join("\n"));
}

#[test]
fn filter_pane_can_switch_between_officials_and_keeps_collapsed_repeats() {
    let fx = fixture();
    let s = &fx.store;
    let mut app = new_app(s, 120, 40);
    act(&mut app, s, Action::Dedup);
    for who in ["kerry", "lavrov"] {
        act(&mut app, s, Action::FilterPane);
        app.on_key(KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE));
        for _ in 0..20 {
            app.on_key(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE));
        }
        for c in who.chars() {
            app.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        }
        app.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
        pump(&mut app, s);
        assert_eq!(app.mode, Mode::Normal, "{who}: {:?}", app.status);
        assert!(
            app.base
                .official
                .as_deref()
                .unwrap()
                .to_lowercase()
                .contains(who)
        );
        assert!(app.base.dedup, "the view setting survives a new filter");
    }
    act(&mut app, s, Action::Back);
    assert!(app.base.official.is_none() && app.base.dedup);
}

#[test]
fn other_speakers_sit_under_their_own_collapsed_heading() {
    let fx = fixture();
    let s = &fx.store;
    let mut app = new_app(s, 120, 40);
    // Officials first; the seeds' one group of speakers ("Russia and the United States") sits
    // under a "Groups" heading after them, closed.
    let heading = app
        .rows
        .iter()
        .position(|r| r.section.is_some())
        .expect("a heading row");
    assert!(app.rows[1..heading].iter().all(|r| r.official.is_some()));
    assert_eq!(app.rows.len(), heading + 1, "the heading starts closed");
    // The Officials pane: the first 28 columns.
    let pane = |app: &App| -> String {
        lines(&render(app, 120, 40, &Theme::mono()))
            .iter()
            .map(|l| l.chars().take(28).collect::<String>())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let text = pane(&app);
    assert!(text.contains("▸ Groups"), "{text}");
    assert!(!text.contains("Russia and"), "{text}");
    // Selecting the heading lists that group's statements only; opening it shows its members.
    act(&mut app, s, Action::Bottom);
    assert_eq!(app.group_sel, heading);
    assert_eq!(app.list_total, 1, "the group's statements only");
    let status = lines(&render(&app, 120, 40, &Theme::mono())).pop().unwrap();
    assert!(
        status.starts_with(" 1 statement "),
        "one, not '1 statements': {status}"
    );
    act(&mut app, s, Action::Expand);
    assert_eq!(app.rows.len(), heading + 2);
    let text = pane(&app);
    assert!(text.contains("▾ Groups"), "{text}");
    assert!(text.contains("  ▸ Russia and the Un"), "{text}");
    // `h` on a member closes the group and selects its heading.
    act(&mut app, s, Action::Down);
    assert_eq!(app.group_sel, heading + 1);
    act(&mut app, s, Action::Collapse);
    assert_eq!(app.rows.len(), heading + 1);
    assert_eq!(app.group_sel, heading);
}

/// Under a topic filter, a topic row of the tree narrows the list further: the list, the
/// tree and the status count the same statements (#15.5).
#[test]
fn a_topic_row_under_a_topic_filter_counts_what_the_list_shows() {
    let fx = fixture();
    let s = &fx.store;
    let mut app = new_app(s, 120, 40);
    act(&mut app, s, Action::FilterPane);
    app.on_key(KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE));
    app.on_key(KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE));
    for c in "relations".chars() {
        app.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
    app.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    pump(&mut app, s);
    assert_eq!(app.base.topic.as_deref(), Some("relations"));
    // The first official, expanded: its topic rows.
    act(&mut app, s, Action::Down);
    act(&mut app, s, Action::Expand);
    let official = app.rows[app.group_sel].official.clone();
    let topic_rows: Vec<usize> = (0..app.rows.len())
        .filter(|&i| app.rows[i].topic.is_some() && app.rows[i].official == official)
        .collect();
    assert!(
        topic_rows
            .iter()
            .any(|&i| app.rows[i].topic.as_deref() != Some("relations")),
        "a topic beside relations to narrow by: {:?}",
        app.rows
    );
    for i in topic_rows {
        while app.group_sel < i {
            act(&mut app, s, Action::Down);
        }
        let row = &app.rows[app.group_sel];
        assert_eq!(
            app.list_total as u64, row.count,
            "list and tree disagree on {:?}/{:?}",
            row.official, row.topic
        );
    }
}

/// `/` searches everything, whatever official was selected before typing (trial finding).
#[test]
fn a_new_search_looks_beyond_the_selected_official() {
    let fx = fixture();
    let s = &fx.store;
    let mut app = new_app(s, 120, 40);
    act(&mut app, s, Action::Down);
    assert!(app.rows[app.group_sel].official.is_some());
    key(&mut app, s, '/');
    // Typed faster than the worker answers: only the last answer counts, as in the terminal.
    for c in "russia".chars() {
        app.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
    pump(&mut app, s);
    assert_eq!(app.group_sel, 0, "All statements selected");
    let everywhere = s
        .count(&onrecord::model::Filter {
            query: "russia".into(),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(app.list_total, everywhere);
    let lavrov = s
        .count(&onrecord::model::Filter {
            query: "russia".into(),
            official: Some("Sergey Lavrov".into()),
            ..Default::default()
        })
        .unwrap();
    assert!(
        lavrov > 0 && lavrov < everywhere,
        "the query must tell the two apart"
    );
}

/// Where the panes go at the widths the README names: side by side from 120 columns, the list
/// over the reader from 60, one pane with a tab line below that.
#[test]
fn layout_changes_exactly_at_120_and_60_columns() {
    let fx = fixture();
    let s = &fx.store;
    let boxes = |row: &str| -> Vec<String> {
        row.split('┌')
            .skip(1)
            // The focused pane's title starts with ▶.
            .map(|b| {
                b.trim_start_matches('▶')
                    .trim_start()
                    .split(' ')
                    .next()
                    .unwrap_or("")
                    .to_string()
            })
            .collect()
    };
    let shape = |w: u16| -> (Vec<String>, Vec<String>, bool) {
        let app = new_app(s, w, 30);
        let rows = lines(&render(&app, w, 30, &Theme::mono()));
        let first = boxes(&rows[1]);
        let later: Vec<String> = rows[2..].iter().flat_map(|r| boxes(r)).collect();
        let tabs = !rows[1].contains('┌')
            && ["Officials", "Statements", "Reader"]
                .iter()
                .all(|t| rows[1].contains(t));
        (first, later, tabs)
    };
    for w in [120, 160] {
        let (first, later, tabs) = shape(w);
        assert_eq!(first, ["Officials", "Statements", "Reader"], "{w} columns");
        assert!(later.is_empty() && !tabs, "{w} columns: {later:?}");
    }
    for w in [119, 80, 60] {
        let (first, later, tabs) = shape(w);
        assert_eq!(first, ["Officials", "Statements"], "{w} columns");
        assert_eq!(later, ["Reader"], "{w} columns: the reader under the list");
        assert!(!tabs, "{w} columns");
    }
    for w in [59, 40] {
        let (first, later, tabs) = shape(w);
        assert!(tabs, "{w} columns: a tab line");
        assert!(first.is_empty(), "{w} columns: {first:?}");
        assert_eq!(later, ["Officials"], "{w} columns: one pane");
    }
}

/// `[theme]` colours reach the screen; with `NO_COLOR` not one cell has a colour, and the
/// selection and highlights are still told apart by reverse, bold and underline.
#[test]
fn theme_colours_and_no_color() {
    use ratatui::style::Color;
    let fx = fixture();
    let s = &fx.store;
    let mut app = new_app(s, 120, 30);
    act(&mut app, s, Action::Filter);
    for c in "Minsk".chars() {
        key(&mut app, s, c);
    }
    // Statements that tie on relevance come in index order, which depends on the ingest's
    // threads: select one whose own words (not only its context) hold the hit.
    app.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    let k = app
        .window
        .iter()
        .position(|st| st.text.contains("Minsk"))
        .expect("a statement saying Minsk");
    for _ in 0..k {
        act(&mut app, s, Action::Down);
    }
    let mut theme = std::collections::BTreeMap::new();
    theme.insert("accent".to_string(), "magenta".to_string());
    theme.insert("highlight".to_string(), "lightgreen".to_string());
    let cells = |b: &Buffer| -> Vec<ratatui::buffer::Cell> {
        (0..b.area.height)
            .flat_map(|y| (0..b.area.width).map(move |x| (x, y)))
            .map(|(x, y)| b[(x, y)].clone())
            .collect()
    };
    let colored = render(&app, 120, 30, &Theme::from_config(&theme, false));
    let c = cells(&colored);
    assert!(
        c.iter().any(|c| c.fg == Color::Magenta),
        "accent colour used"
    );
    assert!(
        c.iter()
            .any(|c| c.fg == Color::LightGreen && c.symbol() == "M"),
        "search hit in the highlight colour"
    );
    let mono = render(&app, 120, 30, &Theme::from_config(&theme, true));
    let c = cells(&mono);
    assert!(
        c.iter()
            .all(|c| c.fg == Color::Reset && c.bg == Color::Reset),
        "NO_COLOR: no colour at all"
    );
    assert!(c.iter().any(|c| c.modifier.contains(Modifier::REVERSED)));
    assert!(c.iter().any(|c| c.modifier.contains(Modifier::UNDERLINED)));
    assert_eq!(screen(&mono), screen(&colored), "the same text either way");
}
