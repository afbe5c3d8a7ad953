//! Drawing: reads `App`, never changes it, never does I/O. Every string from an article goes
//! through `sanitize::for_terminal` before it reaches a cell.

mod overlay;
pub mod theme;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use crate::action::Action;
use crate::app::{App, Mode, Pane};
use crate::sanitize::for_terminal;
use theme::Theme;

pub use crate::app::with_empty_months;
pub use overlay::timeline_rows;

/// Where each pane goes for a terminal size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub filter: Rect,
    pub tabs: Option<Rect>,
    pub groups: Option<Rect>,
    pub list: Option<Rect>,
    pub reader: Option<Rect>,
    pub status: Rect,
}

/// Side by side from 120 columns; list over reader beside the officials from 60; one pane at a
/// time with a tab line below that (or when short).
pub fn layout(area: Rect, focus: Pane) -> Areas {
    let [filter, body, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    if area.width >= 60 && area.height >= 16 {
        let [g, l, r] = if area.width >= 120 {
            Layout::horizontal([
                Constraint::Length(28),
                Constraint::Percentage(50),
                Constraint::Min(30),
            ])
            .areas(body)
        } else {
            let [g, right] =
                Layout::horizontal([Constraint::Length(26), Constraint::Min(30)]).areas(body);
            let [l, r] =
                Layout::vertical([Constraint::Percentage(45), Constraint::Min(5)]).areas(right);
            [g, l, r]
        };
        Areas {
            filter,
            tabs: None,
            groups: Some(g),
            list: Some(l),
            reader: Some(r),
            status,
        }
    } else {
        let [tabs, pane] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(body);
        let mut a = Areas {
            filter,
            tabs: Some(tabs),
            groups: None,
            list: None,
            reader: None,
            status,
        };
        match focus {
            Pane::Groups => a.groups = Some(pane),
            Pane::List => a.list = Some(pane),
            Pane::Reader => a.reader = Some(pane),
        }
        a
    }
}

/// Rows the list shows and the reader's text width, for a terminal size.
pub fn metrics(area: Rect) -> (usize, usize) {
    let a = layout(area, Pane::List);
    let list_h = a.list.map_or(1, |r| r.height.saturating_sub(2) as usize);
    let b = layout(area, Pane::Reader);
    let reader_w = b.reader.map_or(40, |r| r.width.saturating_sub(2) as usize);
    (list_h.max(1), reader_w.max(10))
}

pub fn draw(f: &mut Frame, app: &App, theme: &Theme) {
    let area = f.area();
    let a = layout(area, app.pane);
    draw_filter_bar(f, app, theme, a.filter);
    if let Some(t) = a.tabs {
        let spans: Vec<Span> = Pane::ALL
            .iter()
            .flat_map(|p| {
                let style = if *p == app.pane {
                    theme.selection
                } else {
                    theme.muted
                };
                [
                    Span::styled(format!(" {} ", p.title()), style),
                    Span::raw(" "),
                ]
            })
            .collect();
        f.render_widget(Paragraph::new(Line::from(spans)), t);
    }
    if let Some(r) = a.groups {
        draw_groups(f, app, theme, r);
    }
    if let Some(r) = a.list {
        draw_list(f, app, theme, r);
    }
    if let Some(r) = a.reader {
        draw_reader(f, app, theme, r);
    }
    draw_status(f, app, theme, a.status);
    match app.mode {
        Mode::Help => overlay::draw_help(f, app, theme, area),
        Mode::FilterForm => overlay::draw_form(f, app, theme, area),
        Mode::Timeline => overlay::draw_timeline(f, app, theme, area),
        Mode::Verify => overlay::draw_verify(f, app, theme, area),
        Mode::Compare => overlay::draw_compare(f, app, theme, area),
        _ => {}
    }
}

fn block<'a>(title: String, focused: bool, theme: &Theme) -> Block<'a> {
    // The focused pane says so in words too, not by colour alone (NO_COLOR, colour blindness).
    let title = if focused {
        format!("▶{title}")
    } else {
        title
    };
    Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(
            title,
            if focused {
                theme.accent
            } else {
                Style::default()
            },
        ))
        .border_style(if focused {
            theme.border_focus
        } else {
            theme.border
        })
}

fn draw_filter_bar(f: &mut Frame, app: &App, theme: &Theme, r: Rect) {
    let mut spans = vec![Span::styled(" / ", theme.accent)];
    let q = for_terminal(&app.base.query);
    if app.mode == Mode::Typing {
        spans.push(Span::raw(q));
        spans.push(Span::styled("▏", theme.accent));
        spans.push(Span::styled("  enter: keep · esc: clear", theme.muted));
    } else if app.base.is_empty() {
        spans.push(Span::styled(
            "filter: / search · f filter pane",
            theme.muted,
        ));
    } else {
        spans.push(Span::raw(for_terminal(&app.base.describe())));
        spans.push(Span::styled("  (esc clears)", theme.muted));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), r);
}

fn fit(s: &str, w: usize) -> String {
    crate::lookup::fit(s, w)
}

fn draw_groups(f: &mut Frame, app: &App, theme: &Theme, r: Rect) {
    let focused = app.pane == Pane::Groups;
    let b = block(
        format!(
            " {} ({}) ",
            Pane::Groups.title(),
            app.groups.iter().filter(|g| g.kind.is_official()).count()
        ),
        focused,
        theme,
    );
    let inner = b.inner(r);
    f.render_widget(b, r);
    let h = inner.height as usize;
    let w = inner.width as usize;
    if !app.groups_loaded {
        f.render_widget(Paragraph::new(Span::styled("loading…", theme.muted)), inner);
        return;
    }
    let top = crate::app::groups_top(app.group_sel, h);
    // Rows after the first heading belong to a group of other speakers: indented under it.
    let first_section = app
        .rows
        .iter()
        .position(|r| r.section.is_some())
        .unwrap_or(usize::MAX);
    let lines: Vec<Line> = app
        .rows
        .iter()
        .enumerate()
        .skip(top)
        .take(h)
        .map(|(i, row)| {
            let count = row.count.to_string();
            let arrow = if row.expanded { "▾" } else { "▸" };
            let indent = if i > first_section { "  " } else { "" };
            let label = match (row.section, &row.official, &row.topic) {
                _ if row.marked => "★ Marked".to_string(),
                _ if row.saved_heading => format!("{arrow} Saved searches"),
                _ if row.saved.is_some() => {
                    let name = row
                        .saved
                        .and_then(|i| app.searches.get(i))
                        .map(|(s, _)| for_terminal(&s.name))
                        .unwrap_or_default();
                    format!("  ⌕ {name}")
                }
                (Some(k), _, _) => format!("{arrow} {}", k.group_label()),
                (None, None, _) => "All statements".to_string(),
                (None, Some(o), None) if row.surname_only => {
                    format!("{indent}{arrow} {} (surname only)", for_terminal(o))
                }
                (None, Some(o), None) => format!("{indent}{arrow} {}", for_terminal(o)),
                (None, Some(_), Some(t)) => format!("{indent}    {}", for_terminal(t)),
            };
            let text = format!("{} {count}", fit(&label, w.saturating_sub(count.len() + 1)));
            let style = if i == app.group_sel {
                if focused {
                    theme.selection
                } else {
                    theme.selection.add_modifier(Modifier::DIM)
                }
            } else if row.topic.is_some() {
                theme.muted
            } else if row.section.is_some() || row.saved_heading {
                Style::default().add_modifier(Modifier::BOLD)
            } else {
                Style::default()
            };
            Line::styled(text, style)
        })
        .collect();
    f.render_widget(Paragraph::new(lines), inner);
}

fn draw_list(f: &mut Frame, app: &App, theme: &Theme, r: Rect) {
    let focused = app.pane == Pane::List;
    let pos = if app.list_total > 0 {
        format!("{}/{}", app.list_sel + 1, app.list_total)
    } else {
        "0".into()
    };
    let b = block(format!(" {} {pos} ", Pane::List.title()), focused, theme);
    let inner = b.inner(r);
    f.render_widget(b, r);
    let w = inner.width as usize;
    if app.list_loaded && app.list_total == 0 {
        let msg = if app.groups.is_empty() && app.base.is_empty() {
            format!(
                "No statements yet.\n\nPut news articles (.txt, .html, .json, .jsonl, .gz/.zst) in {} and run:\n\n  onrecord ingest {}\n\nthen open onrecord again.",
                app.data_hint, app.data_hint
            )
        } else {
            "No statements match. Esc clears the filters.".to_string()
        };
        f.render_widget(
            Paragraph::new(msg)
                .style(theme.muted)
                .wrap(Wrap { trim: false }),
            inner,
        );
        return;
    }
    let lines: Vec<Line> = (app.list_top
        ..(app.list_top + inner.height as usize).min(app.list_total))
        .map(|i| {
            let row = i
                .checked_sub(app.window_offset)
                .and_then(|k| app.window.get(k));
            let text = match row {
                // From 70 columns: date · outlet · speaker · words; from 50 (the list beside the
                // reader at 120 columns) the same without the dots; narrower, speaker and words
                // only (the reader has the rest).
                Some(st) if w < 70 => {
                    let sep = if app.marks.contains(&st.id) {
                        '★'
                    } else {
                        ' '
                    };
                    let speaker = for_terminal(&st.speaker);
                    if w < 50 {
                        let speaker = fit(&speaker, 10);
                        let rest = w.saturating_sub(12);
                        format!("{speaker}{sep} {}", fit(&for_terminal(&st.text), rest))
                    } else {
                        let date = st.date.as_deref().unwrap_or("    -     ");
                        let outlet = fit(&for_terminal(st.outlet.as_deref().unwrap_or("")), 8);
                        let speaker = fit(&speaker, 13);
                        let rest = w.saturating_sub(date.len() + 8 + 13 + 4);
                        format!(
                            "{date}{sep}{outlet} {speaker} {}",
                            fit(&for_terminal(&st.text), rest)
                        )
                    }
                }
                Some(st) => {
                    let date = st.date.as_deref().unwrap_or("    -     ");
                    let speaker = fit(&for_terminal(&st.speaker), 16);
                    // The outlet column only when there is room for it and for the words.
                    let outlet = if w >= 70 {
                        format!(
                            "{} · ",
                            fit(&for_terminal(st.outlet.as_deref().unwrap_or("")), 9)
                        )
                    } else {
                        String::new()
                    };
                    let rest = w.saturating_sub(
                        date.len() + outlet.chars().count() + speaker.chars().count() + 6,
                    );
                    // A marked statement has a star where the date's separator is.
                    let sep = if app.marks.contains(&st.id) {
                        '★'
                    } else {
                        '·'
                    };
                    format!(
                        "{date} {sep} {outlet}{speaker} · {}",
                        fit(&for_terminal(&st.text), rest)
                    )
                }
                None => "…".to_string(),
            };
            let style = if i == app.list_sel {
                if focused {
                    theme.selection
                } else {
                    theme.selection.add_modifier(Modifier::DIM)
                }
            } else if row.is_some_and(|st| app.seen_set.contains(&st.id)) {
                // Already read: dimmed, as a mail reader greys what was opened.
                Style::default().add_modifier(Modifier::DIM)
            } else {
                Style::default()
            };
            Line::styled(fit(&text, w), style)
        })
        .collect();
    f.render_widget(Paragraph::new(lines), inner);
}

/// `text` as spans with the query's matches highlighted (the current one stronger).
fn highlighted<'a>(app: &App, text: &str, theme: &Theme, current: Option<usize>) -> Vec<Span<'a>> {
    let clean = for_terminal(text);
    let matches = app.matches_in(&clean);
    let mut spans = Vec::new();
    let mut pos = 0;
    for (i, (s, e)) in matches.into_iter().enumerate() {
        if s < pos {
            continue;
        }
        spans.push(Span::raw(clean[pos..s].to_string()));
        let style = if Some(i) == current {
            theme.current_match
        } else {
            theme.highlight
        };
        spans.push(Span::styled(clean[s..e].to_string(), style));
        pos = e;
    }
    spans.push(Span::raw(clean[pos..].to_string()));
    spans
}

fn draw_reader(f: &mut Frame, app: &App, theme: &Theme, r: Rect) {
    let focused = app.pane == Pane::Reader;
    let b = block(format!(" {} ", Pane::Reader.title()), focused, theme);
    let inner = b.inner(r);
    f.render_widget(b, r);
    let Some(st) = app.selected() else {
        let msg = if app.list_loaded {
            "Select a statement to read it."
        } else {
            "loading…"
        };
        f.render_widget(Paragraph::new(Span::styled(msg, theme.muted)), inner);
        return;
    };
    let mut lines = Vec::new();
    let mut who = vec![Span::styled(for_terminal(&st.speaker), theme.accent)];
    if let Some(t) = &st.speaker_title {
        who.push(Span::raw(format!(" — {}", for_terminal(t))));
    }
    if let Some(a) = &st.affiliation {
        who.push(Span::styled(format!(" ({})", for_terminal(a)), theme.muted));
    }
    lines.push(Line::from(who));
    let meta: Vec<String> = [
        Some(st.kind.as_str().to_string()),
        st.date.clone(),
        st.outlet.clone(),
        app.marks.contains(&st.id).then(|| "★ marked".to_string()),
    ]
    .into_iter()
    .flatten()
    .map(|s| for_terminal(&s))
    .collect();
    lines.push(Line::styled(meta.join(" · "), theme.muted));
    if let Some(t) = &st.title {
        lines.push(Line::from(vec![
            Span::styled("Headline: ", theme.muted),
            Span::raw(for_terminal(t)),
        ]));
    }
    lines.push(Line::from(vec![
        Span::styled("Topics: ", theme.muted),
        Span::raw(st.topics.join(", ")),
    ]));
    lines.push(Line::raw(""));
    // Quotation marks only around quoted words: reported speech is shown after its cue.
    let direct = st.kind == crate::model::Kind::Direct;
    let mut quote = Vec::new();
    if direct {
        quote.push(Span::styled("“", theme.accent));
    } else {
        let reported = st.reported();
        if let Some(lead) = reported.strip_suffix(st.text.as_str()) {
            quote.push(Span::styled(for_terminal(lead), theme.muted));
        }
    }
    quote.extend(highlighted(app, &st.text, theme, Some(app.match_idx)));
    if direct {
        quote.push(Span::styled("”", theme.accent));
    }
    lines.push(Line::from(quote));
    lines.push(Line::raw(""));
    if !st.paragraph.is_empty() && st.paragraph != st.text {
        lines.push(Line::styled("In context:", theme.muted));
        lines.push(Line::from(highlighted(app, &st.paragraph, theme, None)).style(theme.muted));
        lines.push(Line::raw(""));
    }
    let also = app.also_reported_by(st);
    if !also.is_empty() {
        let outlets: Vec<&str> = also.iter().map(|(o, _)| o.as_str()).collect();
        lines.push(Line::styled(
            format!(
                "Also reported by: {} ({})",
                for_terminal(&outlets.join(", ")),
                also.len()
            ),
            theme.accent,
        ));
        // Their wordings, where they differ from this one.
        for (outlet, words) in also
            .iter()
            .filter(|(_, w)| !w.is_empty() && *w != st.text)
            .take(3)
        {
            lines.push(Line::styled(
                format!("  {}: “{}”", for_terminal(outlet), for_terminal(words)),
                theme.muted,
            ));
        }
        lines.push(Line::raw(""));
    }
    if let Some(u) = &st.url {
        lines.push(Line::from(vec![
            Span::styled("URL: ", theme.muted),
            Span::raw(for_terminal(u)),
        ]));
    }
    lines.push(Line::from(vec![
        Span::styled("Source: ", theme.muted),
        Span::raw(for_terminal(&st.source)),
    ]));
    let p = Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .scroll((app.reader_scroll, 0));
    f.render_widget(p, inner);
}

fn draw_status(f: &mut Frame, app: &App, theme: &Theme, r: Rect) {
    let total: u64 = app.groups.iter().map(|g| g.count).sum();
    let mut left = vec![Span::styled(
        format!(
            " {} {}",
            app.list_total,
            if app.list_total == 1 {
                "statement"
            } else {
                "statements"
            }
        ),
        theme.accent,
    )];
    if app.list_total as u64 != total && app.groups_loaded {
        left.push(Span::styled(format!(" of {total}"), theme.muted));
    }
    left.push(Span::styled(
        format!(" · sort: {}", app.sort.label()),
        theme.muted,
    ));
    if let Some(note) = &app.index_note {
        left.push(Span::styled(format!(" · {note}"), theme.error));
    }
    let help = app
        .keymap
        .keys_for(Action::Help)
        .first()
        .cloned()
        .unwrap_or_else(|| "?".into());
    let hint = format!("{help} help ");
    if let Some(m) = &app.status {
        let style = if m.starts_with("error") {
            theme.error
        } else {
            Style::default()
        };
        // A long message is cut before the help hint, never run into it; on a narrow
        // terminal the message (what just happened) goes before the counts.
        let msg = for_terminal(m);
        let used: usize = left.iter().map(|s| s.content.chars().count()).sum();
        let room = (r.width as usize).saturating_sub(used + 3 + hint.chars().count() + 1);
        if room >= msg.chars().count().min(24) {
            left.push(Span::raw(" · "));
            left.push(Span::styled(fit(&msg, room), style));
        } else {
            let room = (r.width as usize).saturating_sub(hint.chars().count() + 2);
            left = vec![Span::raw(" "), Span::styled(fit(&msg, room), style)];
        }
    }
    // On a narrow terminal the left part gives way to the help hint.
    let mut used: usize = left.iter().map(|s| s.content.chars().count()).sum();
    let room = (r.width as usize).saturating_sub(hint.chars().count());
    while used > room && left.len() > 1 {
        let last = left.pop().map_or(0, |s| s.content.chars().count());
        used -= last;
    }
    if used > room
        && let Some(first) = left.first_mut()
    {
        first.content = fit(&first.content, room).into();
        used = room;
    }
    let pad = (r.width as usize).saturating_sub(used + hint.chars().count());
    left.push(Span::raw(" ".repeat(pad)));
    left.push(Span::styled(hint, theme.muted));
    f.render_widget(Paragraph::new(Line::from(left)), r);
}

fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// Where the reader drew the article's URL: runs of cells (column, row, text) that spell it
/// after its "URL: " label, across the lines it wraps onto. The runtime makes them an OSC 8
/// hyperlink after each frame, so the buffer itself never holds an escape sequence. Runs after
/// every frame: cells are compared in place, nothing is copied but the URL's own runs.
pub fn url_runs(buf: &ratatui::buffer::Buffer, url: &str) -> Vec<(u16, u16, String)> {
    let area = buf.area;
    let (right, bottom) = (area.x + area.width, area.y + area.height);
    let label: Vec<char> = "URL: ".chars().collect();
    // One character per cell (wide characters are not in URLs).
    let cell = |x: u16, y: u16| -> Option<char> {
        let mut chars = buf[(x, y)].symbol().chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => Some(c),
            _ => None,
        }
    };
    let found = (area.y..bottom).find_map(|y| {
        (area.x..right.saturating_sub(label.len() as u16))
            .find(|&x| (0..label.len()).all(|i| cell(x + i as u16, y) == Some(label[i])))
            .map(|x| (x, y))
    });
    let Some((left, y)) = found else {
        return Vec::new();
    };
    let mut wanted = url.chars().peekable();
    let mut runs = Vec::new();
    let mut start = left + label.len() as u16;
    let mut line = y;
    while wanted.peek().is_some() && line < bottom {
        let mut run = String::new();
        let mut first = None;
        for x in start..right {
            match (cell(x, line), wanted.peek()) {
                (Some(c), Some(&w)) if c == w => {
                    first.get_or_insert(x);
                    run.push(c);
                    wanted.next();
                }
                // Another character where the URL goes on inside its line: another URL.
                (Some(c), Some(_)) if first.is_some() && c != '│' => return Vec::new(),
                _ => break,
            }
        }
        match first {
            Some(x) => runs.push((x, line, run)),
            // A URL longer than the rest of the label's line starts on the next one.
            None if line == y => {}
            None => break,
        }
        line += 1;
        start = left;
    }
    runs
}

/// The pane under a terminal cell and the row of its contents there (None on a border).
pub fn pane_at(area: Rect, focus: Pane, x: u16, y: u16) -> Option<(Pane, Option<usize>, usize)> {
    let a = layout(area, focus);
    [
        (Pane::Groups, a.groups),
        (Pane::List, a.list),
        (Pane::Reader, a.reader),
    ]
    .into_iter()
    .find_map(|(pane, r)| {
        let r = r?;
        let inside = x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height;
        inside.then(|| {
            let inner_h = r.height.saturating_sub(2) as usize;
            let row = (y > r.y && y < r.y + r.height - 1).then(|| (y - r.y - 1) as usize);
            (pane, row, inner_h)
        })
    })
}
