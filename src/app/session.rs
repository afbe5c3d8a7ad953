//! What carries over between sessions: marks, the `/` history, the statements already read, and
//! the view restored on start. The App only holds and changes them; the runtime reads and writes
//! the files (`crate::state`).

use super::{App, GroupRow, Pane, Request};
use crate::index::reader::Sort;
use crate::model::{Filter, SpeakerKind};
use crate::state::{HISTORY_LIMIT, SEEN_LIMIT, State, View};

/// Which row of the Officials pane is selected, independent of its position.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RowKey {
    pub marked: bool,
    pub saved_heading: bool,
    /// A saved search, by name.
    pub saved: Option<String>,
    pub section: Option<SpeakerKind>,
    pub official: Option<String>,
    pub topic: Option<String>,
}

impl RowKey {
    pub fn of(row: &GroupRow, app: &App) -> RowKey {
        RowKey {
            marked: row.marked,
            saved_heading: row.saved_heading,
            saved: row
                .saved
                .and_then(|i| app.searches.get(i))
                .map(|(s, _)| s.name.clone()),
            section: row.section,
            official: row.official.clone(),
            topic: row.topic.clone(),
        }
    }
}

impl App {
    /// Takes what the last session kept; with `restore_view`, its filters, sort, pane and
    /// selection too. Called once, before the first answers arrive.
    pub fn restore(&mut self, state: State, restore_view: bool) {
        self.history = state.history;
        self.marks = state.marks;
        self.searches
            .extend(state.searches.into_iter().map(|s| (s, false)));
        self.seen_set = state.seen.iter().cloned().collect();
        self.seen = state.seen;
        let Some(view) = state.view.filter(|_| restore_view) else {
            self.refresh(true);
            return;
        };
        // Names and dates were saved canonical: read back as a saved search is.
        self.base = Filter {
            dedup: view.dedup,
            ..self.saved_filter(&view.filter, &Filter::default())
        };
        self.sort = match view.sort.as_str() {
            "speaker" => Sort::Speaker,
            "relevance" => Sort::Relevance,
            _ => Sort::Date,
        };
        self.pane = match view.pane.as_str() {
            "list" => Pane::List,
            "reader" => Pane::Reader,
            _ => Pane::Groups,
        };
        self.expanded = view.expanded.iter().cloned().collect();
        self.saved_open = view.saved_open || view.saved.is_some();
        self.open_sections = view
            .section
            .as_deref()
            .and_then(SpeakerKind::parse)
            .into_iter()
            .collect();
        let key = RowKey {
            marked: view.marked && !self.marks.is_empty(),
            saved_heading: view.saved_heading,
            saved: view.saved.clone(),
            section: view.section.as_deref().and_then(SpeakerKind::parse),
            official: view.official.clone(),
            topic: view.topic.clone(),
        };
        self.rows.clear();
        self.group_sel = 0;
        self.pending_row = (key != RowKey::default()).then_some(key);
        self.pending_statement = Some((view.statement.clone(), view.position));
        self.refresh(true);
        // The first page asked for is the one around the restored position.
        self.list_sel = view.position;
        self.list_top = view.position.saturating_sub(self.list_height / 2);
        self.request_window();
    }

    /// What to keep of this session.
    pub fn snapshot(&self) -> State {
        let key = match self.rows.get(self.group_sel) {
            Some(r) => RowKey::of(r, self),
            None => self.pending_row.clone().unwrap_or_default(),
        };
        let view = View {
            filter: crate::config::SavedSearch::from_filter(String::new(), &self.base),
            dedup: self.base.dedup,
            sort: self.sort.label().to_string(),
            pane: match self.pane {
                Pane::Groups => "groups",
                Pane::List => "list",
                Pane::Reader => "reader",
            }
            .into(),
            official: key.official,
            topic: key.topic,
            section: key.section.map(|k| k.as_str().to_string()),
            marked: key.marked,
            saved: key.saved,
            saved_heading: key.saved_heading,
            saved_open: self.saved_open,
            expanded: self.expanded.iter().cloned().collect(),
            statement: self.selected().map(|s| s.id.clone()),
            position: self.list_sel,
        };
        State {
            history: self.history.clone(),
            marks: self.marks.clone(),
            view: Some(view),
            seen: self.seen.clone(),
            searches: self.my_searches(),
        }
    }

    /// After a restore, the first page selects the statement that was selected, wherever an
    /// ingest since has moved it in the window, else the same position.
    pub(super) fn select_restored_statement(&mut self) {
        let Some((id, position)) = self.pending_statement.take() else {
            return;
        };
        let found = id.and_then(|id| self.window.iter().position(|s| s.id == id));
        self.list_sel = match found {
            Some(k) => self.window_offset + k,
            None => position.min(self.list_total.saturating_sub(1)),
        };
        self.after_list_move();
    }

    /// `m`: marks or unmarks the selected statement; the runtime saves the marks at once.
    pub(super) fn toggle_mark(&mut self) {
        let Some(id) = self.selected().map(|s| s.id.clone()) else {
            self.status = Some("nothing selected to mark".into());
            return;
        };
        let on_marked_row = self.rows.get(self.group_sel).is_some_and(|r| r.marked);
        if self.marks.remove(&id) {
            self.status = Some(format!("unmarked ({} marked)", self.marks.len()));
        } else {
            self.marks.insert(id);
            self.status = Some(format!("marked ({} marked)", self.marks.len()));
        }
        self.requests.push(Request::SaveMarks);
        self.rebuild_rows();
        if on_marked_row {
            // The Marked list itself changed: ask again (the row may be gone with the last mark).
            if !self.rows.get(self.group_sel).is_some_and(|r| r.marked) {
                self.group_sel = 0;
            }
            let keep = self.list_sel;
            self.refresh(true);
            self.list_sel = keep;
            self.after_list_move();
        } else {
            self.request_groups();
        }
    }

    /// Remembers a query typed in `/` (moved to the end if it was there before).
    pub(super) fn remember_query(&mut self) {
        self.history_pos = None;
        let q = self.base.query.trim().to_string();
        if q.is_empty() {
            return;
        }
        self.history.retain(|h| *h != q);
        self.history.push(q);
        if self.history.len() > HISTORY_LIMIT {
            self.history.remove(0);
        }
    }

    /// ↑/ctrl-p (back = true) and ↓/ctrl-n in `/`: the previous or next query of the history.
    pub(super) fn recall(&mut self, back: bool) -> bool {
        let Some(mut q) = self.step_history(back) else {
            return false;
        };
        // The line already holds the newest entry: ↑ goes to the one before.
        if back && q == self.base.query.trim() && self.history_pos.is_some_and(|p| p > 0) {
            q = self.step_history(true).unwrap_or(q);
        }
        self.base.query = q;
        self.group_sel = 0;
        self.refresh(true);
        true
    }

    /// ctrl-p/ctrl-n in the filter form: the history into its text field.
    pub(super) fn recall_into_form(&mut self, back: bool) -> bool {
        let Some(q) = self.step_history(back) else {
            return false;
        };
        self.form[0] = q;
        self.form_focus = 0;
        true
    }

    /// Moves through the history: the entry now recalled, empty past the newest.
    fn step_history(&mut self, back: bool) -> Option<String> {
        if self.history.is_empty() {
            return None;
        }
        let last = self.history.len() - 1;
        let pos = match (self.history_pos, back) {
            (None, true) => Some(last),
            (None, false) => return None,
            (Some(0), true) => Some(0),
            (Some(p), true) => Some(p - 1),
            (Some(p), false) if p >= last => None,
            (Some(p), false) => Some(p + 1),
        };
        self.history_pos = pos;
        Some(pos.map(|p| self.history[p].clone()).unwrap_or_default())
    }

    /// The statement in the reader counts as read (dimmed in the list from then on).
    pub(super) fn note_seen(&mut self) {
        if self.pane != Pane::Reader {
            return;
        }
        let Some(id) = self.selected().map(|s| s.id.clone()) else {
            return;
        };
        if self.seen_set.insert(id.clone()) {
            self.seen.push(id);
            if self.seen.len() > SEEN_LIMIT * 2 {
                // Trim in batches: the oldest half goes from both the list and the set.
                let old: Vec<String> = self.seen.drain(..SEEN_LIMIT).collect();
                for o in old {
                    self.seen_set.remove(&o);
                }
            }
        }
    }
}
