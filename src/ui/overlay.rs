//! The overlays drawn over the panes: help, compare, verify, timeline and the filter form.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::{block, centered, highlighted, theme::Theme};
use crate::app::{App, FORM_FIELDS};
use crate::sanitize::for_terminal;

pub(super) fn draw_help(f: &mut Frame, app: &App, theme: &Theme, area: Rect) {
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
pub(super) fn draw_compare(f: &mut Frame, app: &App, theme: &Theme, area: Rect) {
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
pub(super) fn draw_verify(f: &mut Frame, app: &App, theme: &Theme, area: Rect) {
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
pub(super) fn draw_timeline(f: &mut Frame, app: &App, theme: &Theme, area: Rect) {
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

pub(super) fn draw_form(f: &mut Frame, app: &App, theme: &Theme, area: Rect) {
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

/// Month rows the timeline overlay shows on a terminal of `area` (the App scrolls by it).
pub fn timeline_rows(area: Rect) -> usize {
    (area.height.saturating_sub(2).min(30) as usize).saturating_sub(3)
}
