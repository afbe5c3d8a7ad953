//! What carries over between sessions, on the real `App` and ratatui's `TestBackend`: marks and
//! the Marked group, the `/` history, the statements already read, the view restored on start,
//! and `o`/`Y` on the article's URL.

mod common;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use onrecord::action::Action;
use onrecord::app::{App, Mode, Pane, Request};
use onrecord::index::reader::{Sort, Store};
use onrecord::tui::worker::pump;
use onrecord::ui::{self, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

fn act(app: &mut App, store: &Store, a: Action) {
    app.update(a);
    pump(app, store);
}

fn press(app: &mut App, store: &Store, code: KeyCode, mods: KeyModifiers) {
    app.on_key(KeyEvent::new(code, mods));
    pump(app, store);
}

fn type_text(app: &mut App, store: &Store, text: &str) {
    for c in text.chars() {
        press(app, store, KeyCode::Char(c), KeyModifiers::NONE);
    }
}

fn render(app: &App, w: u16, h: u16) -> Buffer {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| ui::draw(f, app, &Theme::mono())).unwrap();
    t.backend().buffer().clone()
}

fn row_text(b: &Buffer, y: u16) -> String {
    (0..b.area.width).map(|x| b[(x, y)].symbol()).collect()
}

/// The screen row showing `needle`, if any.
fn find_row(b: &Buffer, needle: &str) -> Option<u16> {
    (0..b.area.height).find(|&y| row_text(b, y).contains(needle))
}

fn app_on(store: &Store) -> App {
    let mut app = common::app_sized(120, 40);
    pump(&mut app, store);
    app
}

#[test]
fn marks_make_a_marked_group_that_lists_exactly_them_and_survive_a_restart() {
    let (_d, store) = common::indexed(&common::repo().join("data"));
    let s = &store;
    let mut app = app_on(s);
    // No marks: no Marked row.
    assert!(!app.rows.iter().any(|r| r.marked));
    act(&mut app, s, Action::NextPane);
    assert_eq!(app.pane, Pane::List);
    act(&mut app, s, Action::Mark);
    let first = app.selected().unwrap().id.clone();
    assert!(
        app.take_requests()
            .iter()
            .any(|r| matches!(r, Request::SaveMarks))
            || app.marks.contains(&first),
        "a mark is saved at once"
    );
    act(&mut app, s, Action::Down);
    act(&mut app, s, Action::Down);
    act(&mut app, s, Action::Mark);
    let third = app.selected().unwrap().id.clone();
    assert_eq!(app.marks.len(), 2);
    // The Marked row sits under "All" with the count the index gives.
    let marked = app
        .rows
        .iter()
        .position(|r| r.marked)
        .expect("a Marked row");
    assert_eq!(marked, 1);
    assert_eq!(app.rows[marked].count, 2);
    let b = render(&app, 120, 40);
    let y = find_row(&b, "★ Marked").expect("Marked row drawn");
    let pane = row_text(&b, y)
        .split('│')
        .nth(1)
        .unwrap_or_default()
        .to_string();
    assert!(pane.trim_end().ends_with(" 2"), "{pane}");
    // Marked statements carry a star in the list; others do not.
    let y = find_row(
        &b,
        &app.selected().unwrap().date.clone().unwrap_or_default(),
    );
    assert!(y.is_some());
    let list = ui::layout(b.area, app.pane).list.expect("a list pane");
    let starred = (list.y..list.y + list.height)
        .filter(|&y| (list.x..list.x + list.width).any(|x| b[(x, y)].symbol() == "★"))
        .count();

    assert_eq!(starred, 2, "two starred list rows");
    // Selecting the Marked row lists exactly the marked statements.
    act(&mut app, s, Action::PrevPane);
    act(&mut app, s, Action::Top);
    act(&mut app, s, Action::Down);
    assert!(app.rows[app.group_sel].marked);
    assert_eq!(app.list_total, 2);
    let ids: Vec<&str> = app.window.iter().map(|st| st.id.as_str()).collect();
    assert!(ids.contains(&first.as_str()) && ids.contains(&third.as_str()));
    // The export of this view is the marked statements.
    assert_eq!(app.effective_filter().ids.map(|v| v.len()), Some(2));

    // Unmarking from the Marked list updates it at once.
    act(&mut app, s, Action::NextPane);
    act(&mut app, s, Action::Mark);
    assert_eq!(app.marks.len(), 1);
    assert_eq!(app.list_total, 1);
    assert_eq!(app.rows[app.group_sel].count, 1);

    // A new session given the saved state shows the Marked group again, on the same row.
    let state = app.snapshot();
    let mut again = common::app_sized(120, 40);
    again.restore(state, true);
    pump(&mut again, s);
    assert!(
        again.rows[again.group_sel].marked,
        "restored on the Marked row"
    );
    assert_eq!(again.list_total, 1);
    assert_eq!(again.pane, Pane::List);
}

#[test]
fn a_restored_view_has_the_filters_sort_pane_and_statement_of_the_last_session() {
    let (_d, store) = common::indexed(&common::repo().join("data"));
    let s = &store;
    let mut app = app_on(s);
    // Lavrov, sorted by speaker, fourth statement, in the reader.
    act(&mut app, s, Action::Down);
    let official = app.rows[app.group_sel].official.clone().unwrap();
    act(&mut app, s, Action::Sort);
    assert_eq!(app.sort, Sort::Speaker);
    act(&mut app, s, Action::NextPane);
    for _ in 0..3 {
        act(&mut app, s, Action::Down);
    }
    act(&mut app, s, Action::Open);
    assert_eq!(app.pane, Pane::Reader);
    let id = app.selected().unwrap().id.clone();
    let state = app.snapshot();
    let before = render(&app, 120, 40);

    let mut again = common::app_sized(120, 40);
    again.restore(state.clone(), true);
    pump(&mut again, s);
    assert_eq!(again.sort, Sort::Speaker);
    assert_eq!(again.pane, Pane::Reader);
    assert_eq!(
        again.rows[again.group_sel].official.as_ref(),
        Some(&official)
    );
    assert_eq!(again.selected().map(|s| s.id.clone()), Some(id.clone()));
    assert_eq!(again.list_sel, 3);
    // The same screen, but for the statements read meanwhile (dimmed now).
    let after = render(&again, 120, 40);
    let reader_row = find_row(&before, "In context:").or(find_row(&before, "Topics:"));
    assert!(reader_row.is_some());
    assert_eq!(
        row_text(&before, 0),
        row_text(&after, 0),
        "the filter bar is the same"
    );

    // With restore off, only marks, history and what was read carry over.
    let mut fresh = common::app_sized(120, 40);
    fresh.restore(state, false);
    pump(&mut fresh, s);
    assert_eq!(fresh.sort, Sort::Date);
    assert_eq!(fresh.pane, Pane::Groups);
    assert_eq!(fresh.group_sel, 0);
    assert!(fresh.seen_set.contains(&id));
}

#[test]
fn a_restored_filter_whose_official_is_gone_falls_back_to_all() {
    let (_d, store) = common::indexed(&common::repo().join("data"));
    let s = &store;
    let mut app = app_on(s);
    act(&mut app, s, Action::Down);
    let mut state = app.snapshot();
    let view = state.view.as_mut().unwrap();
    view.official = Some("Nobody Atall".into());
    view.position = 10_000;
    let mut again = common::app_sized(120, 40);
    again.restore(state, true);
    pump(&mut again, s);
    assert_eq!(again.group_sel, 0, "All statements");
    assert_eq!(again.effective_filter().official, None);
    assert!(again.list_total > 0);
    assert!(again.list_sel < again.list_total, "position clamped");
}

#[test]
fn slash_history_is_recalled_with_up_down_and_ctrl_p_ctrl_n() {
    let (_d, store) = common::indexed(&common::repo().join("data"));
    let s = &store;
    let mut app = app_on(s);
    let none = KeyModifiers::NONE;
    for q in ["lavrov", "sanctions", "nuclear"] {
        act(&mut app, s, Action::Filter);
        press(&mut app, s, KeyCode::Char('u'), KeyModifiers::CONTROL);
        type_text(&mut app, s, q);
        press(&mut app, s, KeyCode::Enter, none);
    }
    // Typed again: moved to the end, not kept twice.
    act(&mut app, s, Action::Filter);
    press(&mut app, s, KeyCode::Char('u'), KeyModifiers::CONTROL);
    type_text(&mut app, s, "lavrov");
    press(&mut app, s, KeyCode::Enter, none);
    assert_eq!(app.history, ["sanctions", "nuclear", "lavrov"]);

    act(&mut app, s, Action::Filter);
    assert_eq!(app.mode, Mode::Typing);
    press(&mut app, s, KeyCode::Char('u'), KeyModifiers::CONTROL);
    press(&mut app, s, KeyCode::Up, none);
    assert_eq!(app.base.query, "lavrov");
    press(&mut app, s, KeyCode::Char('p'), KeyModifiers::CONTROL);
    assert_eq!(app.base.query, "nuclear");
    press(&mut app, s, KeyCode::Up, none);
    press(&mut app, s, KeyCode::Up, none);
    assert_eq!(app.base.query, "sanctions", "stays at the oldest");
    // The list follows the recalled query.
    let count = store
        .count(&onrecord::model::Filter {
            query: "sanctions".into(),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(app.list_total, count);
    press(&mut app, s, KeyCode::Char('n'), KeyModifiers::CONTROL);
    assert_eq!(app.base.query, "nuclear");
    press(&mut app, s, KeyCode::Down, none);
    press(&mut app, s, KeyCode::Down, none);
    assert_eq!(app.base.query, "", "past the newest: an empty line");
    press(&mut app, s, KeyCode::Esc, none);

    // The history is part of what is kept.
    assert_eq!(app.snapshot().history, ["sanctions", "nuclear", "lavrov"]);
    let mut again = common::app_sized(120, 40);
    again.restore(app.snapshot(), true);
    pump(&mut again, s);
    act(&mut again, s, Action::Filter);
    press(&mut again, s, KeyCode::Up, none);
    assert_eq!(again.base.query, "lavrov");
}

#[test]
fn statements_read_are_dimmed_in_the_list() {
    let (_d, store) = common::indexed(&common::repo().join("data"));
    let s = &store;
    let mut app = app_on(s);
    act(&mut app, s, Action::NextPane);
    act(&mut app, s, Action::Down);
    act(&mut app, s, Action::Open);
    let read = app.selected().unwrap().id.clone();
    assert!(app.seen_set.contains(&read));
    // Back in the list, on another row: the read one is dimmed, an unread one is not.
    act(&mut app, s, Action::Back);
    act(&mut app, s, Action::Down);
    act(&mut app, s, Action::Down);
    let b = render(&app, 120, 40);
    let dim_at = |y: u16| (50..70).all(|x| b[(x, y)].modifier.contains(Modifier::DIM));
    let dimmed: Vec<u16> = (0..b.area.height).filter(|&y| dim_at(y)).collect();
    let selected: Vec<u16> = (0..b.area.height)
        .filter(|&y| (50..70).all(|x| b[(x, y)].modifier.contains(Modifier::REVERSED)))
        .collect();
    // The list has the keyboard: its selection (the fourth statement) is not dimmed; the read
    // one (the second, two rows up) is, and nothing else.
    assert_eq!(selected.len(), 1, "{selected:?}");
    assert_eq!(dimmed, vec![selected[0] - 2], "{dimmed:?} {selected:?}");
}

#[test]
fn o_and_y_on_a_statement_without_url_say_so_and_with_one_queue_it() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::write(
        data.join("a.jsonl"),
        r#"{"text":"Foreign Minister Sergey Lavrov said the talks were useful and would go on.","url":"https://example.org/story?id=1&x='$(id)'","date":"2020-01-02","outlet":"Example"}
"#,
    )
    .unwrap();
    let (_d, store) = common::indexed(&data);
    let s = &store;
    let mut app = app_on(s);
    act(&mut app, s, Action::NextPane);
    assert_eq!(app.list_total, 1);
    app.update(Action::OpenUrl);
    let reqs = app.take_requests();
    assert!(
        matches!(&reqs[..], [Request::OpenUrl { url }] if url == "https://example.org/story?id=1&x='$(id)'"),
        "{reqs:?}"
    );
    app.update(Action::YankUrl);
    let reqs = app.take_requests();
    assert!(
        matches!(&reqs[..], [Request::Yank { text, what: "URL" }] if text.starts_with("https://example.org/story")),
        "{reqs:?}"
    );
    // The demo data has no URLs: the status says so and nothing is queued.
    let (_d2, demo) = common::indexed(&common::repo().join("data"));
    let mut app = app_on(&demo);
    act(&mut app, &demo, Action::NextPane);
    app.update(Action::OpenUrl);
    assert!(app.take_requests().is_empty());
    assert_eq!(
        app.status.as_deref(),
        Some("this statement's article has no URL")
    );
}

/// Every page of every order agrees with the same whole ordering, whether it comes from the
/// first top-k search or from the cached ordering built later (a restored view asks for a page
/// in the middle first). Speaker order used to list each speaker's statements in index order
/// on the first page and newest first after it.
#[test]
fn pages_of_every_order_agree_wherever_they_start() {
    let (_d, store) = common::indexed(&common::repo().join("data"));
    for sort in [Sort::Date, Sort::Speaker] {
        for official in [None, Some("Sergey Lavrov".to_string())] {
            let f = onrecord::model::Filter {
                official: official.clone(),
                ..Default::default()
            };
            let total = store.count(&f).unwrap();
            let whole: Vec<String> = store
                .page(&f, sort, 0, total)
                .unwrap()
                .hits
                .into_iter()
                .map(|s| s.id)
                .collect();
            assert_eq!(whole.len(), total);
            for (offset, limit) in [(0, 7), (3, 5), (total / 2, 9), (total.saturating_sub(4), 4)] {
                let direct: Vec<String> = store
                    .page(&f, sort, offset, limit)
                    .unwrap()
                    .hits
                    .into_iter()
                    .map(|s| s.id)
                    .collect();
                let end = (offset + limit).min(total);
                assert_eq!(
                    direct,
                    whole[offset..end],
                    "{sort:?} {official:?} @{offset}"
                );
                // page_cached: the first call is a top-k, the second the cached ordering.
                for _ in 0..2 {
                    let cached: Vec<String> = store
                        .page_cached(&f, sort, offset, limit)
                        .unwrap()
                        .hits
                        .into_iter()
                        .map(|s| s.id)
                        .collect();
                    assert_eq!(
                        cached,
                        whole[offset..end],
                        "{sort:?} {official:?} @{offset}"
                    );
                }
            }
            if sort == Sort::Speaker {
                // Newest first within a speaker, undated last.
                let page = store.page(&f, sort, 0, total).unwrap().hits;
                for w in page.windows(2) {
                    if w[0].speaker == w[1].speaker {
                        match (&w[0].date, &w[1].date) {
                            (Some(a), Some(b)) => assert!(a >= b, "{a} before {b}"),
                            (None, Some(_)) => panic!("undated before dated"),
                            _ => {}
                        }
                    }
                }
            }
        }
    }
}

/// The reader's URL is found cell by cell for the OSC 8 link, across the lines it wraps onto,
/// at every layout; the frame itself holds no escape sequence.
#[test]
fn the_url_in_the_reader_is_found_for_a_hyperlink_even_when_wrapped() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    let url = format!(
        "https://example.org/world/{}/story.html?id=42",
        "long-path-segment-".repeat(6)
    );
    std::fs::write(
        data.join("a.jsonl"),
        format!(
            "{}\n",
            serde_json::json!({
                "text": "Foreign Minister Sergey Lavrov said the talks were useful and would go on.",
                "url": url, "date": "2020-01-02", "outlet": "Example"
            })
        ),
    )
    .unwrap();
    let (_d, store) = common::indexed(&data);
    let s = &store;
    for (w, h) in [(200, 50), (120, 40), (80, 44), (80, 30)] {
        let mut app = common::app_sized(w, h);
        pump(&mut app, s);
        act(&mut app, s, Action::NextPane);
        act(&mut app, s, Action::Open);
        assert_eq!(app.pane, Pane::Reader);
        let b = render(&app, w, h);
        let runs = ui::url_runs(&b, &url);
        let joined: String = runs.iter().map(|(_, _, t)| t.as_str()).collect();
        if h == 30 {
            // Cut by the pane's height: the part shown links to the whole URL.
            assert!(
                joined.len() > 20 && url.starts_with(&joined),
                "{w}x{h}: {runs:?}"
            );
        } else {
            assert_eq!(joined, url, "{w}x{h}: {runs:?}");
        }
        if w < 200 {
            assert!(runs.len() >= 2, "wrapped at {w}x{h}: {runs:?}");
        }
        for (x, y, t) in &runs {
            let cells: String = (0..t.chars().count() as u16)
                .map(|i| b[(*x + i, *y)].symbol().to_string())
                .collect();
            assert_eq!(&cells, t);
        }
        let any_escape = (0..b.area.height)
            .flat_map(|y| (0..b.area.width).map(move |x| (x, y)))
            .any(|(x, y)| b[(x, y)].symbol().chars().any(char::is_control));
        assert!(!any_escape);
    }
    // Another URL is not found; a statement without one has no link.
    let app = {
        let mut a = common::app_sized(120, 40);
        pump(&mut a, s);
        a
    };
    let b = render(&app, 120, 40);
    assert!(ui::url_runs(&b, "https://example.org/other").is_empty());
}

/// `[searches]` of config.toml and searches saved with `S` sit under "Saved searches"; each
/// row counts what the list then shows; `S` on one saved with `S` forgets it; they are kept.
#[test]
fn saved_searches_from_the_config_and_from_s() {
    let (_d, store) = common::indexed(&common::repo().join("data"));
    let s = &store;
    let config = onrecord::config::Config::parse(
        "[searches]\n\"Lavrov on relations\" = { official = \"lavrov\", topic = \"relations\" }\n\"sanctions\" = \"sanctions\"\n",
        "config.toml",
    )
    .unwrap();
    assert_eq!(config.searches.len(), 2);
    let mut app = common::app_sized(120, 40);
    app.set_config_searches(&config.searches);
    pump(&mut app, s);
    let heading = app
        .rows
        .iter()
        .position(|r| r.saved_heading)
        .expect("heading");
    assert_eq!(app.rows[heading].count, 2);
    assert!(
        !app.rows.iter().any(|r| r.saved.is_some()),
        "closed at first"
    );
    // Open it and select the first saved search.
    while app.group_sel != heading {
        act(&mut app, s, Action::Down);
    }
    act(&mut app, s, Action::Open);
    act(&mut app, s, Action::Down);
    let row = app.rows[app.group_sel].clone();
    assert_eq!(row.saved, Some(0));
    let f = app.effective_filter();
    assert_eq!(
        f.official.as_deref(),
        Some("Sergey Lavrov"),
        "the name is matched"
    );
    assert_eq!(f.topic.as_deref(), Some("relations"));
    let n = store.count(&f).unwrap();
    assert!(n > 0);
    assert_eq!(row.count as usize, n, "the row counts what the list shows");
    assert_eq!(app.list_total, n);
    let b = render(&app, 120, 40);
    assert!(find_row(&b, "⌕ Lavrov on relations").is_some());
    // S on a config search says where to edit it.
    act(&mut app, s, Action::SaveSearch);
    assert!(app.status.as_deref().unwrap().contains("config.toml"));

    // `/` then S saves the filter under its description; it counts the same as the list.
    act(&mut app, s, Action::Filter);
    type_text(&mut app, s, "nuclear");
    press(&mut app, s, KeyCode::Enter, KeyModifiers::NONE);
    let listed = app.list_total;
    act(&mut app, s, Action::SaveSearch);
    assert_eq!(app.searches.len(), 3);
    assert_eq!(app.searches[2].0.name, "\"nuclear\"");
    let mine = app.snapshot().searches;
    assert_eq!(mine.len(), 1, "only S's are kept in the state");
    assert_eq!(mine[0].query, "nuclear");
    // The query is cleared: the new saved row counts "nuclear" alone.
    press(&mut app, s, KeyCode::Esc, KeyModifiers::NONE);
    act(&mut app, s, Action::Filter);
    press(&mut app, s, KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(app.saved_counts.get(2).copied(), Some(listed as u64));

    // Restored in a new session, with the config's, then forgotten with S.
    let mut again = common::app_sized(120, 40);
    again.set_config_searches(&config.searches);
    again.restore(app.snapshot(), false);
    pump(&mut again, s);
    assert_eq!(again.searches.len(), 3);
    let heading = again.rows.iter().position(|r| r.saved_heading).unwrap();
    while again.group_sel != heading {
        act(&mut again, s, Action::Down);
    }
    act(&mut again, s, Action::Open);
    let mine = again.rows.iter().position(|r| r.saved == Some(2)).unwrap();
    while again.group_sel != mine {
        act(&mut again, s, Action::Down);
    }
    assert_eq!(again.list_total, listed);
    again.update(Action::SaveSearch);
    assert!(
        again
            .take_requests()
            .iter()
            .any(|r| matches!(r, Request::SaveSearches))
    );
    assert_eq!(again.searches.len(), 2);
    assert!(again.snapshot().searches.is_empty());
    // h on a saved search closes the heading and selects it.
    pump(&mut again, s);
    let first = again.rows.iter().position(|r| r.saved == Some(0)).unwrap();
    while again.group_sel != first {
        act(&mut again, s, Action::Up);
    }
    act(&mut again, s, Action::Collapse);
    assert!(again.rows[again.group_sel].saved_heading);
    assert!(!again.rows.iter().any(|r| r.saved.is_some()));
}

/// `?` answers: typing narrows the bindings to those whose keys, name or description hold the
/// words; a single key finds its binding; nothing found says so; a short terminal scrolls.
#[test]
fn help_is_filtered_by_typing_and_scrolls_on_a_short_terminal() {
    let (_d, store) = common::indexed(&common::repo().join("data"));
    let s = &store;
    let mut app = app_on(s);
    act(&mut app, s, Action::Help);
    let all = app.help_rows().len();
    assert_eq!(all, Action::ALL.len());
    type_text(&mut app, s, "mark");
    let rows = app.help_rows();
    assert!(rows.iter().any(|(k, _)| k == "m"), "{rows:?}");
    assert!(rows.len() < 4, "{rows:?}");
    let b = render(&app, 120, 40);
    assert!(find_row(&b, "type to filter: mark").is_some());
    assert!(find_row(&b, Action::Mark.describe()).is_some());
    assert!(find_row(&b, Action::Timeline.describe()).is_none());
    press(&mut app, s, KeyCode::Char('u'), KeyModifiers::CONTROL);
    type_text(&mut app, s, "G");
    let rows = app.help_rows();
    assert!(
        rows.iter().any(|(_, d)| *d == Action::Bottom.describe()),
        "{rows:?}"
    );
    press(&mut app, s, KeyCode::Char('u'), KeyModifiers::CONTROL);
    type_text(&mut app, s, "zzz");
    assert!(app.help_rows().is_empty());
    assert!(find_row(&render(&app, 120, 40), "no binding for 'zzz'").is_some());
    press(&mut app, s, KeyCode::Backspace, KeyModifiers::NONE);
    press(&mut app, s, KeyCode::Backspace, KeyModifiers::NONE);
    press(&mut app, s, KeyCode::Backspace, KeyModifiers::NONE);
    assert_eq!(app.help_rows().len(), all);
    // 80×24 cannot show every binding: ↓ scrolls to the last ones.
    let last = Action::ALL[Action::ALL.len() - 1].describe();
    assert!(find_row(&render(&app, 80, 24), last).is_none());
    for _ in 0..40 {
        press(&mut app, s, KeyCode::Down, KeyModifiers::NONE);
    }
    assert!(find_row(&render(&app, 80, 24), last).is_some());
    // `?` with nothing typed closes, as does Esc.
    press(&mut app, s, KeyCode::Char('?'), KeyModifiers::NONE);
    assert_eq!(app.mode, Mode::Normal);
}

/// The smaller findings of a real session: the focused pane is told in words, a long status
/// stops before "? help", the list keeps an outlet column beside the reader and most of the
/// words at 40 columns, the timeline's title names the whole filter and shows silent months.
#[test]
fn focus_in_words_status_that_fits_columns_at_every_width_and_an_honest_timeline() {
    let (_d, store) = common::indexed(&common::repo().join("data"));
    let s = &store;
    let mut app = app_on(s);
    let b = render(&app, 120, 40);
    assert!(find_row(&b, "▶ Officials").is_some());
    act(&mut app, s, Action::NextPane);
    let b = render(&app, 120, 40);
    assert!(find_row(&b, "▶ Statements").is_some() && find_row(&b, "▶ Officials").is_none());

    // 120 columns: the list beside the reader has the outlet.
    let (k, first) = app
        .window
        .iter()
        .enumerate()
        .take(20)
        .find(|(_, st)| st.outlet.is_some())
        .map(|(k, st)| (k, st.clone()))
        .expect("a statement with an outlet near the top");
    let outlet = first.outlet.clone().unwrap();
    let list = ui::layout(b.area, app.pane).list.unwrap();
    let y = list.y + 1 + k as u16;
    let row: String = (list.x..list.x + list.width)
        .map(|x| b[(x, y)].symbol())
        .collect();
    assert!(row.contains(&outlet[..outlet.len().min(6)]), "{row}");
    assert!(row.contains(first.date.as_deref().unwrap()), "{row}");
    // 40 columns: one pane, and at least 25 characters of the words.
    let mut narrow = common::app_sized(40, 12);
    pump(&mut narrow, s);
    act(&mut narrow, s, Action::NextPane);
    let b = render(&narrow, 40, 12);
    let text = &narrow.window[0].text;
    let words: String = text.chars().take(25).collect();
    assert!(find_row(&b, &words).is_some(), "{words}");

    // A long status is cut before the help hint.
    app.status = Some(format!("note: {}", "very long message ".repeat(20)));
    let b = render(&app, 80, 24);
    let last = row_text(&b, 23);
    assert!(last.trim_end().ends_with("? help"), "{last}");
    assert!(last.contains('…'), "{last}");

    // Timeline of a topic under a query: the title says both; silent months are rows.
    let mut app = app_on(s);
    act(&mut app, s, Action::Filter);
    type_text(&mut app, s, "Russia");
    press(&mut app, s, KeyCode::Enter, KeyModifiers::NONE);
    act(&mut app, s, Action::Timeline);
    let b = render(&app, 120, 40);
    assert!(find_row(&b, "Timeline — “Russia” (by month)").is_some());
    let rows = app.timeline.clone().unwrap();
    let filled = ui::with_empty_months(&rows);
    assert!(filled.len() >= rows.len());
    for w in filled.windows(2) {
        let (a, b) = (&w[0].period, &w[1].period);
        let (ay, am): (i32, u32) = (a[..4].parse().unwrap(), a[5..].parse().unwrap());
        let (by, bm): (i32, u32) = (b[..4].parse().unwrap(), b[5..].parse().unwrap());
        assert_eq!(
            (by * 12 + bm as i32) - (ay * 12 + am as i32),
            1,
            "{a} then {b}"
        );
    }
    let total: u64 = filled.iter().map(|p| p.count).sum();
    assert_eq!(total, rows.iter().map(|p| p.count).sum::<u64>());
    let gap = ui::with_empty_months(&[
        onrecord::index::reader::PeriodCount {
            period: "2017-11".into(),
            count: 2,
            topics: vec![],
        },
        onrecord::index::reader::PeriodCount {
            period: "2018-02".into(),
            count: 1,
            topics: vec![],
        },
    ]);
    let periods: Vec<&str> = gap.iter().map(|p| p.period.as_str()).collect();
    assert_eq!(periods, ["2017-11", "2017-12", "2018-01", "2018-02"]);
}

/// With `[browser] mouse = true`: a click focuses the pane under the pointer and selects the
/// row clicked, the wheel moves three rows; borders and other modes do nothing. And the
/// filter form recalls the history with ctrl-p/ctrl-n.
#[test]
fn the_mouse_clicks_and_scrolls_and_the_filter_form_recalls_the_history() {
    let (_d, store) = common::indexed(&common::repo().join("data"));
    let s = &store;
    let mut app = app_on(s);
    let area = ratatui::layout::Rect::new(0, 0, 120, 40);
    let a = ui::layout(area, app.pane);
    let (list, groups) = (a.list.unwrap(), a.groups.unwrap());
    // The fifth statement of the list.
    let hit = ui::pane_at(area, app.pane, list.x + 10, list.y + 5).unwrap();
    assert_eq!(hit, (Pane::List, Some(4), list.height as usize - 2));
    app.click(hit.0, hit.1, hit.2);
    pump(&mut app, s);
    assert_eq!((app.pane, app.list_sel), (Pane::List, 4));
    // The wheel over the list: three down, then three up.
    app.wheel(Pane::List, true);
    pump(&mut app, s);
    assert_eq!(app.list_sel, 7);
    app.wheel(Pane::List, false);
    assert_eq!(app.list_sel, 4);
    // The second official in the Officials pane.
    let hit = ui::pane_at(area, app.pane, groups.x + 3, groups.y + 2).unwrap();
    app.click(hit.0, hit.1, hit.2);
    pump(&mut app, s);
    assert_eq!((app.pane, app.group_sel), (Pane::Groups, 1));
    assert!(app.effective_filter().official.is_some());
    // A border is no row; the status line no pane.
    assert_eq!(
        ui::pane_at(area, app.pane, list.x, list.y).map(|h| h.1),
        Some(None)
    );
    assert_eq!(ui::pane_at(area, app.pane, 5, 39), None);
    // An overlay has the keyboard: the mouse does nothing.
    act(&mut app, s, Action::Help);
    assert!(!app.click(Pane::List, Some(1), 30));
    assert_eq!(app.pane, Pane::Groups);
    press(&mut app, s, KeyCode::Esc, KeyModifiers::NONE);

    // The filter form: ctrl-p brings back the last search into its text field.
    act(&mut app, s, Action::Filter);
    type_text(&mut app, s, "sanctions");
    press(&mut app, s, KeyCode::Enter, KeyModifiers::NONE);
    act(&mut app, s, Action::FilterPane);
    assert_eq!(app.form[0], "sanctions");
    press(&mut app, s, KeyCode::Char('u'), KeyModifiers::CONTROL);
    assert_eq!(app.form[0], "", "ctrl-u clears the field, never types a u");
    press(&mut app, s, KeyCode::Char('x'), KeyModifiers::CONTROL);
    assert_eq!(app.form[0], "");
    press(&mut app, s, KeyCode::Char('p'), KeyModifiers::CONTROL);
    assert_eq!(app.form[0], "sanctions");
    press(&mut app, s, KeyCode::Char('n'), KeyModifiers::CONTROL);
    assert_eq!(app.form[0], "");
}

/// Findings of a fresh-eyes trial: the timeline scrolls back in time instead of closing on the
/// first key, compare with one official missing says so, "? help" survives at 40 columns, ↑
/// in `/` skips the query already on the line, the Officials title counts officials.
#[test]
fn trial_findings_timeline_scroll_compare_prompt_narrow_status_and_recall() {
    let (_d, store) = common::indexed(&common::repo().join("data"));
    let s = &store;
    let mut app = app_on(s);
    // The overlay as an 80×10 terminal shows it (5 months at a time).
    app.set_timeline_rows(ui::timeline_rows(ratatui::layout::Rect::new(0, 0, 80, 10)));
    act(&mut app, s, Action::Timeline);
    let months = ui::with_empty_months(app.timeline.as_ref().unwrap()).len();
    assert!(months > 8, "{months}");
    let newest = app
        .timeline
        .as_ref()
        .unwrap()
        .last()
        .unwrap()
        .period
        .clone();
    let oldest = app.timeline.as_ref().unwrap()[0].period.clone();
    let b = render(&app, 80, 10);
    assert!(find_row(&b, &newest).is_some() && find_row(&b, &oldest).is_none());
    // One k: one month back at once (the newest leaves the view).
    press(&mut app, s, KeyCode::Char('k'), KeyModifiers::NONE);
    assert!(
        find_row(&render(&app, 80, 10), &newest).is_none(),
        "k moved the view"
    );
    press(&mut app, s, KeyCode::Char('j'), KeyModifiers::NONE);
    assert!(
        find_row(&render(&app, 80, 10), &newest).is_some(),
        "j moved it back"
    );
    press(&mut app, s, KeyCode::Char('g'), KeyModifiers::NONE);
    assert_eq!(app.mode, Mode::Timeline, "g scrolls, it does not close");
    let b = render(&app, 80, 10);
    assert!(
        find_row(&b, &oldest).is_some(),
        "g goes to the oldest month"
    );
    // And from the oldest, one j moves at once too.
    let first_shown = find_row(&render(&app, 80, 10), &oldest);
    press(&mut app, s, KeyCode::Char('j'), KeyModifiers::NONE);
    assert_eq!(app.mode, Mode::Timeline);
    assert!(
        find_row(&render(&app, 80, 10), &oldest).is_none(),
        "{first_shown:?}"
    );
    press(&mut app, s, KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(app.mode, Mode::Normal);

    // Compare with official B empty.
    act(&mut app, s, Action::Compare);
    type_text(&mut app, s, "lavrov");
    press(&mut app, s, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(app.compare_focus, 1);
    assert!(
        app.status
            .as_deref()
            .unwrap()
            .starts_with("type official B"),
        "{:?}",
        app.status
    );
    press(&mut app, s, KeyCode::Esc, KeyModifiers::NONE);

    // 40 columns: "? help" is whole.
    let mut narrow = common::app_sized(40, 12);
    pump(&mut narrow, s);
    act(&mut narrow, s, Action::Down);
    let b = render(&narrow, 40, 12);
    assert!(
        row_text(&b, 11).trim_end().ends_with("? help"),
        "{}",
        row_text(&b, 11)
    );
    // What just happened goes before the counts when both do not fit.
    narrow.status = Some("marked (3 marked)".into());
    let b = render(&narrow, 40, 12);
    let last = row_text(&b, 11);
    assert!(
        last.contains("marked (3 marked)") && last.trim_end().ends_with("? help"),
        "{last}"
    );

    // ↑ on a line that holds the newest query goes to the one before it.
    for q in ["lavrov", "nuclear"] {
        act(&mut app, s, Action::Filter);
        press(&mut app, s, KeyCode::Char('u'), KeyModifiers::CONTROL);
        type_text(&mut app, s, q);
        press(&mut app, s, KeyCode::Enter, KeyModifiers::NONE);
    }
    act(&mut app, s, Action::Filter);
    assert_eq!(app.base.query, "nuclear");
    press(&mut app, s, KeyCode::Up, KeyModifiers::NONE);
    assert_eq!(app.base.query, "lavrov");
    press(&mut app, s, KeyCode::Esc, KeyModifiers::NONE);

    // The title counts officials, not media and unnamed sources.
    let officials = app.groups.iter().filter(|g| g.kind.is_official()).count();
    assert!(officials < app.groups.len());
    let b = render(&app, 120, 40);
    assert!(find_row(&b, &format!("Officials ({officials})")).is_some());
}

/// A state file that could not be read is one warning in the status bar, still there once the
/// index has opened; the Saved searches heading, open and selected, comes back so.
#[test]
fn a_state_warning_outlives_the_opening_and_the_saved_heading_is_restored() {
    let (_d, store) = common::indexed(&common::repo().join("data"));
    let s = &store;
    let mut app = common::app_sized(120, 40);
    app.status = Some(
        "marks.json could not be read: starting fresh (kept as marks.json.bad in /x; …)".into(),
    );
    app.receive(onrecord::app::Response::Opened {
        summary: None,
        note: None,
    });
    pump(&mut app, s);
    assert!(app.status.as_deref().unwrap().contains("starting fresh"));
    let b = render(&app, 120, 40);
    assert!(find_row(&b, "starting fresh").is_some());

    let config =
        onrecord::config::Config::parse("[searches]\nnuclear = \"nuclear\"\n", "c.toml").unwrap();
    app.set_config_searches(&config.searches);
    pump(&mut app, s);
    let heading = app.rows.iter().position(|r| r.saved_heading).unwrap();
    while app.group_sel != heading {
        act(&mut app, s, Action::Down);
    }
    act(&mut app, s, Action::Open);
    assert!(app.saved_open);
    let mut again = common::app_sized(120, 40);
    again.set_config_searches(&config.searches);
    again.restore(app.snapshot(), true);
    pump(&mut again, s);
    assert!(again.saved_open);
    assert!(
        again.rows[again.group_sel].saved_heading,
        "the heading is selected again"
    );
}

/// Compare shows at most the latest `COMPARE_LIMIT` statements a side, oldest first, and says
/// so in the column title when it is cut (a trial found 500 shown of 676 without a word).
#[test]
fn compare_says_when_it_shows_only_the_latest_statements() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    let mut lines = String::new();
    // Four in five are Lavrov's: more than the limit; Kerry's fewer.
    let n = onrecord::app::COMPARE_LIMIT * 7 / 5;
    for i in 0..n {
        let (who, what) = if i % 5 != 0 {
            ("Foreign Minister Sergey Lavrov", "Moscow")
        } else {
            ("Secretary of State John Kerry", "Washington")
        };
        let day = 1 + i % 28;
        let month = 1 + (i / 28) % 12;
        let year = 2000 + i / 336;
        lines.push_str(&format!(
            "{}\n",
            serde_json::json!({
                "text": format!("{who} said the talks in {what} number {i} were useful and would go on."),
                "date": format!("{year}-{month:02}-{day:02}"),
            })
        ));
    }
    std::fs::write(data.join("a.jsonl"), lines).unwrap();
    let (_d, store) = common::indexed(&data);
    let s = &store;
    let mut app = app_on(s);
    act(&mut app, s, Action::Compare);
    type_text(&mut app, s, "lavrov");
    press(&mut app, s, KeyCode::Tab, KeyModifiers::NONE);
    type_text(&mut app, s, "kerry");
    press(&mut app, s, KeyCode::Enter, KeyModifiers::NONE);
    let (l, r) = app.compare.clone().expect("compared");
    assert_eq!(l.len(), onrecord::app::COMPARE_LIMIT);
    assert!(r.len() < onrecord::app::COMPARE_LIMIT);
    // Oldest first among the latest: the first shown is not the oldest on record.
    assert!(l.windows(2).all(|w| w[0].date <= w[1].date));
    let b = render(&app, 160, 40);
    assert!(
        find_row(
            &b,
            &format!(
                "Sergey Lavrov (the latest {})",
                onrecord::app::COMPARE_LIMIT
            )
        )
        .is_some()
    );
    assert!(find_row(&b, &format!("John Kerry ({})", r.len())).is_some());
}

/// The browser shows an existing index at once and refreshes it from the data directory
/// beside it: a refresh that changed nothing asks for nothing again; one that indexed a new
/// file says so and asks again, and the answers then come from the refreshed index.
#[test]
fn a_refresh_beside_the_shown_index_is_asked_again_only_when_it_changed_something() {
    let d = common::data_copy();
    let data = d.path().join("data");
    let moved = d.path().join("later.txt");
    std::fs::rename(data.join("004_6a155f875c863dc1.txt"), &moved).unwrap();
    let (idx, before) = common::indexed(&data);
    let mut app = common::app_sized(120, 40);
    app.receive(onrecord::app::Response::Opened {
        summary: None,
        note: None,
    });
    pump(&mut app, &before);
    let shown = app.list_total;
    assert!(shown > 0);

    app.receive(onrecord::app::Response::Refreshed {
        summary: None,
        note: Some("1 inputs skipped (run `onrecord ingest` to see why)".into()),
    });
    assert!(
        app.take_requests().is_empty(),
        "nothing changed: nothing asked"
    );
    assert!(app.index_note.as_deref().unwrap().contains("skipped"));

    std::fs::rename(&moved, data.join("004_6a155f875c863dc1.txt")).unwrap();
    let config = onrecord::config::Config::defaults();
    let ex = onrecord::commands::extractor(&data, &config).unwrap();
    let opts = onrecord::index::writer::IngestOptions {
        rebuild: false,
        max_file_bytes: config.max_file_bytes,
        progress: false,
    };
    let report = onrecord::index::writer::ingest(
        &idx.path().join("idx"),
        std::slice::from_ref(&data),
        &ex,
        &opts,
    )
    .unwrap();
    assert_eq!(report.files_indexed, 1);
    let after = onrecord::index::reader::Store::open(&idx.path().join("idx")).unwrap();
    app.receive(onrecord::app::Response::Refreshed {
        summary: Some(report.summary()),
        note: None,
    });
    assert!(app.status.as_deref().unwrap().contains("1 indexed"));
    pump(&mut app, &after);
    assert!(app.list_total > shown, "{} > {shown}", app.list_total);
}
