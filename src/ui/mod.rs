//! Drawing: reads `App`, never changes it, never does I/O. Every string from an article goes
//! through `sanitize::for_terminal` before it reaches a cell.

pub mod theme;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use crate::action::Action;
use crate::app::{App, FORM_FIELDS, Mode, Pane};
use crate::sanitize::for_terminal;
use theme::Theme;

pub use crate::app::with_empty_months;

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
        Mode::Help => draw_help(f, app, theme, area),
        Mode::FilterForm => draw_form(f, app, theme, area),
        Mode::Timeline => draw_timeline(f, app, theme, area),
        Mode::Verify => draw_verify(f, app, theme, area),
        Mode::Compare => draw_compare(f, app, theme, area),
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
        format!(" {} statements", app.list_total),
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

fn draw_help(f: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let rows = app.help_rows();
    let mut lines = vec![Line::from(vec![
        Span::styled("type to filter: ", theme.muted),
        Span::raw(for_terminal(&app.help_filter)),
        Span::styled("▏", theme.accent),
    ])];
    if rows.is_empty() {
        lines.push(Line::styled(
            format!("no binding for '{}'", for_terminal(&app.help_filter)),
            theme.muted,
        ));
    }
    for (keys, what) in &rows {
        lines.push(Line::from(vec![
            Span::styled(format!("{keys:>14}  "), theme.accent),
            Span::raw(*what),
        ]));
    }
    lines.push(Line::raw(""));
    for hint in [
        "In / : type to filter, enter keeps, esc clears, ↑/↓ earlier searches.",
        "In f : tab moves between fields, enter applies.",
        "Keys are rebindable in config.toml [keys]. Esc closes.",
    ] {
        lines.push(Line::styled(hint, theme.muted));
    }
    let height = (lines.len() as u16 + 2).min(area.height);
    let r = centered(area, 74, height);
    // Scrolled by ↑/↓, never past the last line.
    let inner_h = height.saturating_sub(2) as usize;
    let scroll = app.help_scroll.min(lines.len().saturating_sub(inner_h)) as u16;
    f.render_widget(Clear, r);
    let b = block(" Help — keys ".into(), true, theme);
    f.render_widget(
        Paragraph::new(lines)
            .block(b)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        r,
    );
}

/// `c`: the form, then two columns of statements in date order, search hits highlighted.
fn draw_compare(f: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let r = Rect {
        x: area.x,
        y: area.y + 1,
        width: area.width,
        height: area.height.saturating_sub(2),
    };
    f.render_widget(Clear, r);
    let b = block(" Compare ".into(), true, theme);
    let inner = b.inner(r);
    f.render_widget(b, r);
    let [form, cols] = Layout::vertical([Constraint::Length(2), Constraint::Min(1)]).areas(inner);
    let labels = ["official A", "official B", "topic"];
    let spans: Vec<Span> = labels
        .iter()
        .enumerate()
        .flat_map(|(i, l)| {
            let focused = app.compare.is_none() && i == app.compare_focus;
            [
                Span::styled(
                    format!("{l}: "),
                    if focused { theme.accent } else { theme.muted },
                ),
                Span::raw(for_terminal(&app.compare_form[i])),
                Span::styled(if focused { "▏  " } else { "   " }, theme.accent),
            ]
        })
        .collect();
    let hint = if app.compare.is_some() {
        "j/k scroll · type to edit · esc closes"
    } else {
        "tab next field · enter compare · esc closes"
    };
    f.render_widget(
        Paragraph::new(vec![Line::from(spans), Line::styled(hint, theme.muted)]),
        form,
    );
    let Some((left, right)) = &app.compare else {
        return;
    };
    let [lc, rc] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(cols);
    for (col, sts, name) in [
        (lc, left, &app.compare_form[0]),
        (rc, right, &app.compare_form[1]),
    ] {
        let b = block(
            format!(
                " {} ({}{}) ",
                for_terminal(sts.first().map_or(name, |s| &s.speaker)),
                // At the limit there may be older ones: say which these are.
                if sts.len() >= crate::app::COMPARE_LIMIT {
                    "the latest "
                } else {
                    ""
                },
                sts.len()
            ),
            false,
            theme,
        );
        let inner = b.inner(col);
        f.render_widget(b, col);
        let mut lines = Vec::new();
        for st in sts.iter().skip(app.compare_scroll) {
            lines.push(Line::styled(
                format!(
                    "{} · {}",
                    st.date.as_deref().unwrap_or("undated"),
                    for_terminal(st.outlet.as_deref().unwrap_or(""))
                ),
                theme.muted,
            ));
            lines.push(Line::from(highlighted(app, &st.text, theme, None)));
            lines.push(Line::raw(""));
        }
        if sts.is_empty() {
            lines.push(Line::styled("no statements", theme.muted));
        }
        f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
    }
}

/// `v`: the sentence being checked and the closest statements on record.
fn draw_verify(f: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let r = centered(
        area,
        area.width.saturating_sub(4).min(100),
        area.height.saturating_sub(2).min(24),
    );
    f.render_widget(Clear, r);
    let b = block(" Verify — who said it? ".into(), true, theme);
    let inner = b.inner(r);
    f.render_widget(b, r);
    let mut lines = vec![
        Line::from(vec![
            Span::styled("sentence: ", theme.accent),
            Span::raw(for_terminal(&app.verify_input)),
            Span::styled("▏", theme.accent),
        ]),
        Line::styled("type or paste, enter looks it up, esc closes", theme.muted),
        Line::raw(""),
    ];
    match &app.verify_results {
        None if app.verify_input.is_empty() => {}
        None => lines.push(Line::styled("press enter to look it up", theme.muted)),
        Some(m) if m.is_empty() => lines.push(Line::styled(
            "Nothing close to that is on record.",
            theme.accent,
        )),
        Some(m) => {
            for x in m {
                let st = &x.statement;
                let when: Vec<String> =
                    [st.outlet.clone(), st.date.clone(), Some(st.source.clone())]
                        .into_iter()
                        .flatten()
                        .map(|s| for_terminal(&s))
                        .collect();
                lines.push(Line::from(vec![
                    Span::styled(
                        format!("{} match ({:.0}%) ", x.verdict, x.score * 100.0),
                        theme.accent,
                    ),
                    Span::raw(for_terminal(&st.speaker)),
                ]));
                let body = if st.kind == crate::model::Kind::Direct {
                    st.reported()
                } else {
                    st.attributed()
                };
                lines.push(Line::raw(format!("  {}", for_terminal(&body))));
                lines.push(Line::styled(format!("  {}", when.join(" · ")), theme.muted));
            }
        }
    }
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

/// Statements per month for the selection, most recent months last, with the main topics.
fn draw_timeline(f: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let sel = app.effective_filter();
    let who = timeline_title(&sel);
    let r = centered(
        area,
        area.width.saturating_sub(4).min(90),
        area.height.saturating_sub(2).min(30),
    );
    f.render_widget(Clear, r);
    let b = block(
        format!(" Timeline — {} (by month) ", for_terminal(&who)),
        true,
        theme,
    );
    let inner = b.inner(r);
    f.render_widget(b, r);
    let Some(rows) = &app.timeline else {
        f.render_widget(Paragraph::new(Span::styled("loading…", theme.muted)), inner);
        return;
    };
    if rows.is_empty() {
        f.render_widget(
            Paragraph::new(Span::styled(
                "No dated statements in this selection.",
                theme.muted,
            )),
            inner,
        );
        return;
    }
    let rows = &crate::app::with_empty_months(rows);
    let h = inner.height.saturating_sub(1) as usize;
    // `timeline_back` counts rows back from the newest month, the one shown at first.
    let last_first = rows.len().saturating_sub(h);
    let first = last_first - app.timeline_back.min(last_first);
    let shown = &rows[first..(first + h).min(rows.len())];
    let max = shown.iter().map(|r| r.count).max().unwrap_or(1).max(1);
    let bar_w = (inner.width as usize).saturating_sub(40).clamp(5, 40);
    let mut lines: Vec<Line> = shown
        .iter()
        .map(|p| {
            let n = ((p.count as f64 / max as f64) * bar_w as f64).ceil() as usize;
            let mix: Vec<String> = p
                .topics
                .iter()
                .take(2)
                .map(|(t, c)| format!("{t} {c}"))
                .collect();
            Line::from(vec![
                Span::raw(format!("{:<8} {:>6} ", p.period, p.count)),
                Span::styled(format!("{:<bar_w$}", "█".repeat(n)), theme.accent),
                Span::styled(format!(" {}", mix.join(", ")), theme.muted),
            ])
        })
        .collect();
    if rows.len() > shown.len() {
        let later = rows.len() - first - shown.len();
        lines.insert(
            0,
            Line::styled(
                format!(
                    "{first} earlier, {later} later months · k/j scroll, g/G ends, any other key closes"
                ),
                theme.muted,
            ),
        );
    }
    f.render_widget(Paragraph::new(lines), inner);
}

fn draw_form(f: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let hints = [
        "words, \"phrases\", -exclude",
        "name, any spelling",
        "topic id",
        "outlet name",
        "YYYY[-MM[-DD]]",
        "YYYY[-MM[-DD]]",
        "direct, indirect or mixed",
    ];
    let mut lines = Vec::new();
    for (i, name) in FORM_FIELDS.iter().enumerate() {
        let focused = i == app.form_focus;
        let value = for_terminal(&app.form[i]);
        let mut spans = vec![
            Span::styled(
                format!("{name:>9}: "),
                if focused { theme.accent } else { theme.muted },
            ),
            Span::raw(value.clone()),
        ];
        if focused {
            spans.push(Span::styled("▏", theme.accent));
        }
        if value.is_empty() {
            spans.push(Span::styled(format!(" {}", hints[i]), theme.muted));
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "tab/↓ next · shift-tab/↑ previous · enter apply · esc cancel",
        theme.muted,
    ));
    let r = centered(area, 64, lines.len() as u16 + 2);
    f.render_widget(Clear, r);
    f.render_widget(
        Paragraph::new(lines).block(block(" Filter ".into(), true, theme)),
        r,
    );
}

/// Where the reader drew the article's URL: runs of cells (column, row, text) that spell it
/// after its "URL: " label, across the lines it wraps onto. The runtime makes them an OSC 8
/// hyperlink after each frame, so the buffer itself never holds an escape sequence.
pub fn url_runs(buf: &ratatui::buffer::Buffer, url: &str) -> Vec<(u16, u16, String)> {
    let area = buf.area;
    let symbols = |y: u16, from: u16| -> Vec<(u16, String)> {
        (from..area.x + area.width)
            .map(|x| (x, buf[(x, y)].symbol().to_string()))
            .collect()
    };
    let label = "URL: ";
    for y in area.y..area.y + area.height {
        let row = symbols(y, area.x);
        let text: String = row.iter().map(|(_, s)| s.as_str()).collect();
        let Some(byte) = text.find(label) else {
            continue;
        };
        // Single-width cells: the label's column is its char count from the row start.
        let left = area.x + text[..byte].chars().count() as u16;
        let mut wanted = url.chars().peekable();
        let mut runs = Vec::new();
        let mut start = left + label.len() as u16;
        let mut line = y;
        while wanted.peek().is_some() && line < area.y + area.height {
            let mut run = String::new();
            let mut first = None;
            for (x, s) in symbols(line, start) {
                let mut chars = s.chars();
                match (chars.next(), chars.next(), wanted.peek()) {
                    (Some(c), None, Some(&w)) if c == w => {
                        first.get_or_insert(x);
                        run.push(c);
                        wanted.next();
                    }
                    // Another character where the URL goes on inside its line: another URL.
                    (Some(c), None, Some(_)) if first.is_some() && c != '│' => return Vec::new(),
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
        return runs;
    }
    Vec::new()
}

/// What the timeline counts, in words: the official, the topics, then the other filters.
fn timeline_title(f: &crate::model::Filter) -> String {
    let mut parts: Vec<String> = Vec::new();
    if f.ids.is_some() {
        parts.push("marked statements".into());
    }
    parts.extend(f.official.clone());
    if let Some(k) = f.speaker_kind.filter(|_| f.official.is_none()) {
        parts.push(k.group_label().to_lowercase());
    }
    parts.extend(f.topic.clone());
    parts.extend(f.also_topic.clone());
    if !f.query.trim().is_empty() {
        parts.push(format!("“{}”", f.query.trim()));
    }
    parts.extend(f.outlet.clone());
    parts.extend(f.kind.map(|k| k.as_str().to_string()));
    match (&f.since, &f.until) {
        (Some(a), Some(b)) => parts.push(format!("{a} to {b}")),
        (Some(a), None) => parts.push(format!("since {a}")),
        (None, Some(b)) => parts.push(format!("until {b}")),
        (None, None) => {}
    }
    if parts.is_empty() {
        "all statements".into()
    } else {
        parts.join(" · ")
    }
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

/// Month rows the timeline overlay shows on a terminal of `area` (the App scrolls by it).
pub fn timeline_rows(area: Rect) -> usize {
    (area.height.saturating_sub(2).min(30) as usize).saturating_sub(3)
}
