//! The browser's state and `update`: actions in, state changes out. No I/O happens here: work
//! for the index is queued as `Request`s that the runtime hands to the worker thread, and its
//! answers come back through `App::receive`.

mod keys;
mod matches;
mod mouse;
mod saved;
mod session;
mod timeline;
mod tree;
mod update;

pub use mouse::groups_top;
pub use session::RowKey;
pub use timeline::with_empty_months;

use std::collections::BTreeSet;

use crate::cli::ExportFormat;
use crate::index::reader::{Group, Page, Sort};
use crate::keymap::Keymap;
use crate::model::{Filter, SpeakerKind, Statement};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Groups,
    List,
    Reader,
}

impl Pane {
    pub const ALL: [Pane; 3] = [Pane::Groups, Pane::List, Pane::Reader];

    pub fn title(self) -> &'static str {
        match self {
            Pane::Groups => "Officials",
            Pane::List => "Statements",
            Pane::Reader => "Reader",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Normal,
    /// `/`: the query is edited as you type.
    Typing,
    /// `f`: the filter form has the keyboard.
    FilterForm,
    Help,
    /// `e`: waiting for the export format.
    ExportChoice,
    /// `t`: the timeline overlay.
    Timeline,
    /// `v`: a sentence is being typed or pasted, then its matches are shown.
    Verify,
    /// `c`: two officials (and a topic) side by side.
    Compare,
}

/// Work for the index, done off the UI thread.
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    Groups {
        generation: u64,
        filter: Filter,
        expanded: BTreeSet<String>,
        /// The marked statements, counted under the filter for the "Marked" row.
        marked: Vec<String>,
        /// The saved searches' filters (each narrowing the base), counted for their rows.
        saved: Vec<Filter>,
    },
    Page {
        generation: u64,
        filter: Filter,
        sort: Sort,
        offset: usize,
        limit: usize,
    },
    Export {
        filter: Filter,
        format: ExportFormat,
    },
    /// Copy to the terminal's clipboard; `what` names it in the status ("citation", "URL").
    Yank {
        text: String,
        what: &'static str,
    },
    /// Open an article's URL with the configured opener (the runtime checks and runs it).
    OpenUrl {
        url: String,
    },
    /// The marks changed: the runtime writes them to the state directory at once.
    SaveMarks,
    /// The searches saved with `S` changed: written at once too.
    SaveSearches,
    Timeline {
        filter: Filter,
    },
    /// Other outlets that carried the selected statement (looked up for the reader only).
    Corroborate {
        statement: Statement,
    },
    Verify {
        sentence: String,
    },
    Compare {
        left: Filter,
        right: Filter,
    },
}

/// Answers from the worker.
#[derive(Debug, Clone)]
pub enum Response {
    Groups {
        generation: u64,
        groups: std::sync::Arc<Vec<Group>>,
        /// How many marked statements the filter keeps.
        marked: u64,
        /// How many statements each saved search finds under the filter.
        saved: Vec<u64>,
    },
    Page {
        generation: u64,
        page: Page,
    },
    Timeline(Vec<crate::index::reader::PeriodCount>),
    /// The other reports of a statement: (outlet, their wording).
    Corroborated {
        id: String,
        outlets: Vec<(String, String)>,
    },
    Verified(Vec<crate::verify::Match>),
    Compared(Vec<Statement>, Vec<Statement>),
    Message(String),
    Error(String),
    /// The index is open (the worker refreshes it from the data directory first): what the
    /// refresh did, if anything, and a note on the index (read-only, inputs skipped).
    Opened {
        summary: Option<String>,
        note: Option<String>,
    },
    /// The refresh from the data directory, run beside an index already shown, is done: what
    /// it did (the answers so far are then the old index's, and are asked again) and a note.
    Refreshed {
        summary: Option<String>,
        note: Option<String>,
    },
    /// The index could not be opened: the browser ends with this line.
    Fatal(String),
    /// The worker panicked: the browser ends (the panic hook has said why).
    WorkerPanicked,
}

/// One row of the group pane: "All", "Marked", an official, or one of their topics.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GroupRow {
    /// The "Marked" row: the statements marked with `m`.
    pub marked: bool,
    /// The "Saved searches" heading, and a saved search's row (its index in `App::searches`).
    pub saved_heading: bool,
    pub saved: Option<usize>,
    /// The heading row of a group of other speakers ("Unnamed sources"), collapsible.
    pub section: Option<SpeakerKind>,
    pub official: Option<String>,
    pub topic: Option<String>,
    pub count: u64,
    pub expanded: bool,
    /// A surname no article or the index could tie to one person ("Kim", "Davis"): marked.
    pub surname_only: bool,
}

/// Most statements per side of a comparison (`c`): the newest, shown oldest first.
pub const COMPARE_LIMIT: usize = 500;

/// The filter form's fields, in order.
pub const FORM_FIELDS: [&str; 7] = [
    "text", "official", "topic", "outlet", "since", "until", "kind",
];

pub struct App {
    pub keymap: Keymap,
    pub pane: Pane,
    pub mode: Mode,
    /// Filters from `/` and the filter pane; the group selection narrows it further.
    pub base: Filter,
    pub groups: std::sync::Arc<Vec<Group>>,
    pub rows: Vec<GroupRow>,
    pub group_sel: usize,
    pub expanded: BTreeSet<String>,
    /// The groups of other speakers the user opened (all closed at start).
    pub open_sections: BTreeSet<SpeakerKind>,
    pub groups_loaded: bool,
    pub list_total: usize,
    pub window_offset: usize,
    pub window: Vec<Statement>,
    pub list_sel: usize,
    pub list_top: usize,
    pub list_loaded: bool,
    pub sort: Sort,
    pub reader_scroll: u16,
    pub match_idx: usize,
    pub status: Option<String>,
    pub generation: u64,
    pub requests: Vec<Request>,
    /// Rows the statement list shows at once (set from the terminal size).
    pub list_height: usize,
    pub reader_width: usize,
    pub form: [String; 7],
    pub form_focus: usize,
    pub quit: bool,
    /// A note about the index shown in the status bar (read-only, empty, …).
    pub index_note: Option<String>,
    /// Where the data lives, for the empty-state hint.
    pub data_hint: String,
    pub topics: Vec<String>,
    /// The timeline overlay's data, per month (None while loading).
    pub timeline: Option<Vec<crate::index::reader::PeriodCount>>,
    /// "Also reported by" of statements the reader has shown, by id.
    pub also: std::collections::HashMap<String, Vec<(String, String)>>,
    /// The sentence being verified, and its matches once known.
    pub verify_input: String,
    pub verify_results: Option<Vec<crate::verify::Match>>,
    /// `c`: the form (official A, official B, topic), which field has the keyboard, the two
    /// columns once loaded, and the scroll.
    pub compare_form: [String; 3],
    pub compare_focus: usize,
    pub compare: Option<(Vec<Statement>, Vec<Statement>)>,
    pub compare_scroll: usize,
    /// Every official in the index (from the unfiltered group counts).
    pub all_officials: Vec<String>,
    /// The unfiltered answer `all_officials` was read from: the same answer again (the
    /// index's cache, after Esc) is not read again.
    officials_from: Option<std::sync::Arc<Vec<Group>>>,
    /// Statements marked with `m`, by id, and how many of them the base filter keeps.
    pub marks: BTreeSet<String>,
    pub marked_count: u64,
    /// Queries typed in `/`, oldest first, and the entry ↑/ctrl-p recalled (None: a new one).
    pub history: Vec<String>,
    pub history_pos: Option<usize>,
    /// Statements opened in the reader, oldest first, and the same as a set (dimmed in the list).
    pub seen: Vec<String>,
    pub seen_set: std::collections::HashSet<String>,
    /// A view being restored: the row to select once the groups are in, and the statement to
    /// select once the list is (by id, else by position).
    pub pending_row: Option<RowKey>,
    pub pending_statement: Option<(Option<String>, usize)>,
    /// Saved searches: `[searches]` of config.toml first, then those saved with `S` (the
    /// `bool`: from the config, so not written to the state), their counts, and whether their
    /// heading is open.
    pub searches: Vec<(crate::config::SavedSearch, bool)>,
    pub saved_counts: Vec<u64>,
    pub saved_open: bool,
    /// `?`: the words typed to narrow the help, and its scroll.
    pub help_filter: String,
    pub help_scroll: usize,
    /// The timeline: how many rows back from the newest month it is scrolled, and how many
    /// month rows it shows.
    pub timeline_back: usize,
    pub timeline_rows: usize,
}

impl App {
    pub fn new(keymap: Keymap, data_hint: String, topics: Vec<String>) -> App {
        let mut app = App {
            keymap,
            pane: Pane::Groups,
            mode: Mode::Normal,
            base: Filter::default(),
            groups: Default::default(),
            rows: Vec::new(),
            group_sel: 0,
            expanded: BTreeSet::new(),
            open_sections: BTreeSet::new(),
            groups_loaded: false,
            list_total: 0,
            window_offset: 0,
            window: Vec::new(),
            list_sel: 0,
            list_top: 0,
            list_loaded: false,
            sort: Sort::Date,
            reader_scroll: 0,
            match_idx: 0,
            status: None,
            generation: 0,
            requests: Vec::new(),
            list_height: 20,
            reader_width: 60,
            form: Default::default(),
            form_focus: 0,
            quit: false,
            index_note: None,
            data_hint,
            topics,
            timeline: None,
            also: Default::default(),
            verify_input: String::new(),
            verify_results: None,
            compare_form: Default::default(),
            compare_focus: 0,
            compare: None,
            compare_scroll: 0,
            all_officials: Vec::new(),
            officials_from: None,
            marks: BTreeSet::new(),
            marked_count: 0,
            history: Vec::new(),
            history_pos: None,
            seen: Vec::new(),
            seen_set: Default::default(),
            pending_row: None,
            pending_statement: None,
            searches: Vec::new(),
            saved_counts: Vec::new(),
            saved_open: false,
            help_filter: String::new(),
            help_scroll: 0,
            timeline_back: 0,
            timeline_rows: 20,
        };
        app.refresh(true);
        app
    }

    /// Names to match typed officials against: all officials when known, else those listed.
    fn official_names(&self) -> Vec<String> {
        if self.all_officials.is_empty() {
            self.groups.iter().map(|g| g.speaker.clone()).collect()
        } else {
            self.all_officials.clone()
        }
    }

    /// The filter of the list: the base filter narrowed by the selected group row (or, while
    /// a restored view waits for the groups, by the row it will select).
    pub fn effective_filter(&self) -> Filter {
        let mut f = self.base.clone();
        let key = match self.rows.get(self.group_sel) {
            Some(row) => Some(RowKey::of(row, self)),
            None => self.pending_row.clone(),
        };
        if let Some(key) = key {
            if key.marked {
                f.ids = Some(self.marks.iter().cloned().collect());
            }
            if let Some(s) = key.saved.as_ref().and_then(|n| self.search_named(n)) {
                f = self.saved_filter(s, &f);
            }
            if key.section.is_some() {
                f.speaker_kind = key.section;
            }
            if key.official.is_some() {
                f.official = key.official.clone();
            }
            // Under a topic filter the tree's topic row narrows it further.
            match (&f.topic, &key.topic) {
                (Some(base), Some(t)) if base != t => f.also_topic = Some(t.clone()),
                (_, Some(t)) => f.topic = Some(t.clone()),
                _ => {}
            }
        }
        f
    }

    pub fn selected(&self) -> Option<&Statement> {
        self.list_sel
            .checked_sub(self.window_offset)
            .and_then(|i| self.window.get(i))
    }

    /// New generation: stale answers are dropped. Groups are reloaded when the base changed.
    fn refresh(&mut self, groups_too: bool) {
        self.generation += 1;
        self.list_sel = 0;
        self.list_top = 0;
        self.reader_scroll = 0;
        self.match_idx = 0;
        self.list_loaded = false;
        self.window.clear();
        self.window_offset = 0;
        self.requests
            .retain(|r| !matches!(r, Request::Page { .. } | Request::Groups { .. }));
        if groups_too {
            self.request_groups();
        }
        self.request_window();
    }

    /// Asks for the group counts (and the topics of expanded officials) under the base filter.
    fn request_groups(&mut self) {
        self.requests
            .retain(|r| !matches!(r, Request::Groups { .. }));
        self.requests.push(Request::Groups {
            generation: self.generation,
            filter: self.base.clone(),
            expanded: self.expanded.clone(),
            marked: self.marks.iter().cloned().collect(),
            saved: self
                .searches
                .iter()
                .map(|(s, _)| self.saved_filter(s, &self.base))
                .collect(),
        });
    }

    /// Asks for the visible rows and a few either side: the list is virtual.
    fn request_window(&mut self) {
        let h = self.list_height.max(1);
        let offset = self.list_top.saturating_sub(4);
        let limit = h + 8;
        self.requests.retain(|r| !matches!(r, Request::Page { .. }));
        self.requests.push(Request::Page {
            generation: self.generation,
            filter: self.effective_filter(),
            sort: self.sort,
            offset,
            limit,
        });
    }

    /// Takes the queued work for the worker.
    pub fn take_requests(&mut self) -> Vec<Request> {
        std::mem::take(&mut self.requests)
    }

    /// An answer from the worker. Returns whether anything visible changed.
    pub fn receive(&mut self, r: Response) -> bool {
        match r {
            Response::Groups {
                generation,
                groups,
                marked,
                saved,
            } => {
                if generation != self.generation {
                    return false;
                }
                let selected = self
                    .rows
                    .get(self.group_sel)
                    .map(|r| RowKey::of(r, self))
                    .or(self.pending_row.take());
                self.groups = groups;
                self.marked_count = marked;
                self.saved_counts = saved;
                // Every official, for names typed in the filter and compare forms.
                if self.base.is_empty()
                    && !self
                        .officials_from
                        .as_ref()
                        .is_some_and(|g| std::sync::Arc::ptr_eq(g, &self.groups))
                {
                    let first = self.all_officials.is_empty();
                    self.all_officials = self.groups.iter().map(|g| g.speaker.clone()).collect();
                    self.officials_from = Some(self.groups.clone());
                    // Saved searches name officials as typed ("lavrov"): count them again now
                    // that the names can be matched.
                    if first && self.searches.iter().any(|(s, _)| s.official.is_some()) {
                        self.request_groups();
                    }
                }
                self.groups_loaded = true;
                self.rebuild_rows();
                if let Some(key) = selected {
                    match self.rows.iter().position(|r| RowKey::of(r, self) == key) {
                        Some(i) => self.group_sel = i,
                        None => {
                            // The selected official has nothing under the new filter: show all.
                            self.group_sel = 0;
                            self.refresh(false);
                        }
                    }
                }
                true
            }
            Response::Page { generation, page } => {
                if generation != self.generation {
                    return false;
                }
                self.list_total = page.total;
                self.window_offset = page.offset;
                self.window = page.hits;
                self.list_loaded = true;
                if self.list_sel >= self.list_total {
                    self.list_sel = self.list_total.saturating_sub(1);
                }
                if self.pending_statement.is_some() {
                    self.select_restored_statement();
                }
                self.note_seen();
                self.request_corroboration();
                true
            }
            Response::Compared(l, r) => {
                self.compare = Some((l, r));
                self.compare_scroll = 0;
                self.mode == Mode::Compare
            }
            Response::Verified(m) => {
                self.verify_results = Some(m);
                self.mode == Mode::Verify
            }
            Response::Corroborated { id, outlets } => {
                self.also.insert(id.clone(), outlets);
                self.selected().is_some_and(|s| s.id == id)
            }
            Response::Timeline(rows) => {
                self.timeline = Some(rows);
                self.mode == Mode::Timeline
            }
            Response::Message(m) => {
                self.status = Some(m);
                true
            }
            Response::Error(e) => {
                self.status = Some(format!("error: {e}"));
                true
            }
            Response::Opened { summary, note } => {
                self.index_note = note;
                // Keep what the status already says (a state file that could not be read)
                // unless the refresh has news; "building the index…" always gives way.
                let building = self
                    .status
                    .as_deref()
                    .is_some_and(|s| s.starts_with("building the index"));
                if summary.is_some() || building {
                    self.status = summary;
                }
                true
            }
            Response::Refreshed { summary, note } => {
                self.index_note = note;
                if let Some(s) = summary {
                    self.status = Some(s);
                    self.refresh(true);
                }
                true
            }
            Response::Fatal(e) => {
                self.status = Some(format!("error: {e}"));
                self.quit = true;
                true
            }
            Response::WorkerPanicked => {
                self.quit = true;
                true
            }
        }
    }

    fn page(&self) -> usize {
        self.list_height.max(2) - 1
    }

    fn move_to(&mut self, pos: usize) {
        match self.pane {
            Pane::Groups => {
                let pos = pos.min(self.rows.len().saturating_sub(1));
                if pos != self.group_sel {
                    self.group_sel = pos;
                    self.refresh(false);
                }
            }
            Pane::List => {
                let pos = pos.min(self.list_total.saturating_sub(1));
                self.list_sel = pos;
                self.after_list_move();
            }
            Pane::Reader => {
                self.reader_scroll = if pos == 0 { 0 } else { u16::MAX / 2 };
            }
        }
    }

    fn move_by(&mut self, d: isize) {
        match self.pane {
            Pane::Groups => {
                let pos = (self.group_sel as isize + d)
                    .clamp(0, self.rows.len().saturating_sub(1) as isize)
                    as usize;
                self.move_to(pos);
            }
            Pane::List => {
                let pos = (self.list_sel as isize + d)
                    .clamp(0, self.list_total.saturating_sub(1) as isize)
                    as usize;
                self.move_to(pos);
            }
            Pane::Reader => {
                self.reader_scroll =
                    (self.reader_scroll as isize + d).clamp(0, u16::MAX as isize / 2) as u16;
            }
        }
    }

    fn after_list_move(&mut self) {
        let h = self.list_height.max(1);
        if self.list_sel < self.list_top {
            self.list_top = self.list_sel;
        } else if self.list_sel >= self.list_top + h {
            self.list_top = self.list_sel + 1 - h;
        }
        self.reader_scroll = 0;
        self.match_idx = 0;
        // Fetch a new window when the visible rows are not all loaded.
        let loaded = self.window_offset..self.window_offset + self.window.len();
        let visible_end = (self.list_top + h).min(self.list_total);
        if !(loaded.contains(&self.list_top)
            && (visible_end == 0 || loaded.contains(&(visible_end - 1))))
        {
            self.request_window();
        }
        self.note_seen();
        self.request_corroboration();
    }

    /// Asks who else carried the selected statement, once per statement.
    fn request_corroboration(&mut self) {
        let Some(st) = self.selected() else { return };
        if self.also.contains_key(&st.id) {
            return;
        }
        let statement = st.clone();
        self.requests
            .retain(|r| !matches!(r, Request::Corroborate { .. }));
        self.requests.push(Request::Corroborate { statement });
    }

    /// Other reports of a statement as far as known: (outlet, wording); the wording is empty
    /// when only the outlet is known.
    pub fn also_reported_by(&self, st: &Statement) -> Vec<(String, String)> {
        match self.also.get(&st.id) {
            Some(v) => v.clone(),
            None => st
                .also_reported_by
                .iter()
                .map(|o| (o.clone(), String::new()))
                .collect(),
        }
    }

    /// The terminal size changed: the list shows `list_height` rows.
    pub fn resize(&mut self, list_height: usize, reader_width: usize) {
        if list_height != self.list_height {
            self.list_height = list_height.max(1);
            self.after_list_move();
        }
        self.reader_width = reader_width;
    }
}

fn next_pane(p: Pane, d: isize) -> Pane {
    let i = Pane::ALL.iter().position(|x| *x == p).unwrap_or(0) as isize;
    Pane::ALL[(i + d).rem_euclid(3) as usize]
}
