//! The timeline overlay's months: every month between the first and the last, and how far back
//! from the newest the view has been scrolled.

use crossterm::event::KeyCode;

use super::{App, Mode};
use crate::index::reader::PeriodCount;

/// The months between the first and last with statements, the silent ones included (a gap in
/// what an official said is part of the story).
pub fn with_empty_months(rows: &[PeriodCount]) -> Vec<PeriodCount> {
    let month = |p: &str| -> Option<(i32, u32)> {
        let (y, m) = p.split_once('-')?;
        Some((y.parse().ok()?, m.parse().ok()?))
    };
    let mut out: Vec<PeriodCount> = Vec::with_capacity(rows.len());
    for r in rows {
        if let (Some(prev), Some((y, m))) = (
            out.last().and_then(|p: &PeriodCount| month(&p.period)),
            month(&r.period),
        ) {
            let (mut py, mut pm) = prev;
            // At most ten years of silence are drawn month by month.
            for _ in 0..120 {
                pm += 1;
                if pm > 12 {
                    pm = 1;
                    py += 1;
                }
                if (py, pm) >= (y, m) {
                    break;
                }
                out.push(PeriodCount {
                    period: format!("{py:04}-{pm:02}"),
                    count: 0,
                    topics: Vec::new(),
                });
            }
        }
        out.push(r.clone());
    }
    out
}

impl App {
    /// Keys while the timeline is open: k/j (↑/↓) a month back or forward, g/G the oldest or
    /// newest, any other key closes it.
    pub(super) fn scroll_timeline(&mut self, code: KeyCode) {
        let months: usize = self
            .timeline
            .as_deref()
            .map_or(0, |t| with_empty_months(t).len());
        let max_back = months.saturating_sub(self.timeline_rows);
        self.timeline_back = match code {
            KeyCode::Char('k') | KeyCode::Up => (self.timeline_back + 1).min(max_back),
            KeyCode::Char('j') | KeyCode::Down => self.timeline_back.saturating_sub(1),
            KeyCode::Char('g') | KeyCode::Home => max_back,
            KeyCode::Char('G') | KeyCode::End => 0,
            _ => {
                self.mode = Mode::Normal;
                return;
            }
        };
    }

    /// How many month rows the timeline overlay shows (from the terminal's height).
    pub fn set_timeline_rows(&mut self, rows: usize) {
        self.timeline_rows = rows.max(1);
    }
}
