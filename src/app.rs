//! The browser's state and `update`: actions in, state changes out. No I/O happens here: work
//! for the index is queued as `Request`s that the runtime hands to the worker thread, and its
//! answers come back through `App::receive`.

use std::collections::BTreeSet;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::action::Action;
use crate::cli::ExportFormat;
use crate::index::reader::{Group, Page, Sort};
use crate::keymap::{Feed, Key, Keymap};
use crate::model::{Filter, Kind, SpeakerKind, Statement};

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
    Yank {
        text: String,
    },
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
        groups: Vec<Group>,
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
    /// The index could not be opened: the browser ends with this line.
    Fatal(String),
    /// The worker panicked: the browser ends (the panic hook has said why).
    WorkerPanicked,
}

/// One row of the group pane: "All", an official, or one of their topics.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupRow {
    /// The heading row of a group of other speakers ("Unnamed sources"), collapsible.
    pub section: Option<SpeakerKind>,
    pub official: Option<String>,
    pub topic: Option<String>,
    pub count: u64,
    pub expanded: bool,
    /// A surname no article or the index could tie to one person ("Kim", "Davis"): marked.
    pub surname_only: bool,
}

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
    pub groups: Vec<Group>,
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
}

impl App {
    pub fn new(keymap: Keymap, data_hint: String, topics: Vec<String>) -> App {
        let mut app = App {
            keymap,
            pane: Pane::Groups,
            mode: Mode::Normal,
            base: Filter::default(),
            groups: Vec::new(),
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

    /// The filter of the list: the base filter narrowed by the selected group row.
    pub fn effective_filter(&self) -> Filter {
        let mut f = self.base.clone();
        if let Some(row) = self.rows.get(self.group_sel) {
            if row.section.is_some() {
                f.speaker_kind = row.section;
            }
            if row.official.is_some() {
                f.official = row.official.clone();
            }
            // Under a topic filter the tree's topic row narrows it further.
            match (&f.topic, &row.topic) {
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
            self.requests.push(Request::Groups {
                generation: self.generation,
                filter: self.base.clone(),
                expanded: self.expanded.clone(),
            });
        }
        self.request_window();
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
            Response::Groups { generation, groups } => {
                if generation != self.generation {
                    return false;
                }
                let selected = self
                    .rows
                    .get(self.group_sel)
                    .map(|r| (r.official.clone(), r.topic.clone()));
                self.groups = groups;
                // Every official, for names typed in the filter and compare forms.
                if self.base.is_empty() {
                    self.all_officials = self.groups.iter().map(|g| g.speaker.clone()).collect();
                }
                self.groups_loaded = true;
                self.rebuild_rows();
                if let Some((o, t)) = selected {
                    match self
                        .rows
                        .iter()
                        .position(|r| r.official == o && r.topic == t)
                    {
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
                self.status = summary;
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

    fn rebuild_rows(&mut self) {
        let total: u64 = self.groups.iter().map(|g| g.count).sum();
        let mut rows = vec![GroupRow {
            section: None,
            official: None,
            topic: None,
            count: total,
            expanded: false,
            surname_only: false,
        }];
        let push_official = |rows: &mut Vec<GroupRow>, g: &Group, expanded: &BTreeSet<String>| {
            let open = expanded.contains(&g.speaker);
            rows.push(GroupRow {
                section: None,
                official: Some(g.speaker.clone()),
                topic: None,
                count: g.count,
                expanded: open,
                surname_only: g.kind == SpeakerKind::Person && !g.speaker.contains(' '),
            });
            if open {
                for (t, n) in &g.topics {
                    rows.push(GroupRow {
                        section: None,
                        official: Some(g.speaker.clone()),
                        topic: Some(t.clone()),
                        count: *n,
                        expanded: false,
                        surname_only: false,
                    });
                }
            }
        };
        for g in self.groups.iter().filter(|g| g.kind.is_official()) {
            push_official(&mut rows, g, &self.expanded);
        }
        // Outlets, unnamed sources, groups and documents: each under a heading of its own,
        // closed until opened, never mixed in with the officials.
        for kind in [
            SpeakerKind::Media,
            SpeakerKind::Anonymous,
            SpeakerKind::Group,
            SpeakerKind::Document,
        ] {
            let members: Vec<&Group> = self.groups.iter().filter(|g| g.kind == kind).collect();
            if members.is_empty() {
                continue;
            }
            let open = self.open_sections.contains(&kind);
            rows.push(GroupRow {
                section: Some(kind),
                official: None,
                topic: None,
                count: members.iter().map(|g| g.count).sum(),
                expanded: open,
                surname_only: false,
            });
            if open {
                for g in members {
                    push_official(&mut rows, g, &self.expanded);
                }
            }
        }
        self.rows = rows;
        self.group_sel = self.group_sel.min(self.rows.len().saturating_sub(1));
    }

    /// A key press: text entry in the typing modes, otherwise through the keymap.
    pub fn on_key(&mut self, e: KeyEvent) -> bool {
        match self.mode {
            Mode::Typing => return self.type_query(e),
            Mode::Verify => return self.type_verify(e),
            Mode::Compare => return self.type_compare(e),
            Mode::FilterForm => return self.type_form(e),
            Mode::ExportChoice => return self.choose_export(e),
            Mode::Timeline => {
                self.mode = Mode::Normal;
                return true;
            }
            Mode::Help | Mode::Normal => {}
        }
        match self.keymap.feed(Key::from_event(&e)) {
            Feed::Action(a) => self.update(a),
            Feed::Pending => false,
            Feed::Unbound => {
                if self.mode == Mode::Help {
                    self.mode = Mode::Normal;
                    return true;
                }
                false
            }
        }
    }

    /// `c`: Tab between the fields, Enter compares, j/k (↓/↑) scroll the columns, Esc closes.
    fn type_compare(&mut self, e: KeyEvent) -> bool {
        let loaded = self.compare.is_some();
        match e.code {
            KeyCode::Esc => self.mode = Mode::Normal,
            KeyCode::Tab => self.compare_focus = (self.compare_focus + 1) % 3,
            KeyCode::BackTab => self.compare_focus = (self.compare_focus + 2) % 3,
            KeyCode::Down => self.compare_scroll += 1,
            KeyCode::Up => self.compare_scroll = self.compare_scroll.saturating_sub(1),
            KeyCode::Char('j') if loaded => self.compare_scroll += 1,
            KeyCode::Char('k') if loaded => {
                self.compare_scroll = self.compare_scroll.saturating_sub(1)
            }
            KeyCode::Enter => {
                let names = self.official_names();
                let mut sides = Vec::new();
                for i in 0..2 {
                    match crate::names::match_official(self.compare_form[i].trim(), &names) {
                        Ok(n) => sides.push(n),
                        Err(e) => {
                            self.status = Some(e);
                            return true;
                        }
                    }
                }
                let topic = self.compare_form[2].trim().to_lowercase();
                if !topic.is_empty() && !self.topics.contains(&topic) {
                    self.status = Some(format!(
                        "unknown topic '{topic}'{}",
                        crate::names::suggest(&topic, &self.topics)
                    ));
                    return true;
                }
                let side = |official: &String| Filter {
                    official: Some(official.clone()),
                    topic: (!topic.is_empty()).then(|| topic.clone()),
                    ..self.base.clone()
                };
                self.compare = None;
                self.status = None;
                self.requests.push(Request::Compare {
                    left: side(&sides[0]),
                    right: side(&sides[1]),
                });
            }
            KeyCode::Backspace => {
                self.compare_form[self.compare_focus].pop();
            }
            KeyCode::Char('c') if e.modifiers.contains(KeyModifiers::CONTROL) => self.quit = true,
            KeyCode::Char(c) if !c.is_control() && !loaded => {
                self.compare_form[self.compare_focus].push(c)
            }
            KeyCode::Char(_) if loaded => {
                // Typing again edits the form.
                self.compare = None;
                return self.type_compare(e);
            }
            _ => return false,
        }
        true
    }

    /// `v`: type or paste a sentence, Enter looks it up, Esc closes.
    fn type_verify(&mut self, e: KeyEvent) -> bool {
        match e.code {
            KeyCode::Esc => self.mode = Mode::Normal,
            KeyCode::Enter => {
                if !self.verify_input.trim().is_empty() {
                    self.verify_results = None;
                    self.requests.push(Request::Verify {
                        sentence: self.verify_input.clone(),
                    });
                }
            }
            KeyCode::Backspace => {
                self.verify_input.pop();
            }
            KeyCode::Char('c') if e.modifiers.contains(KeyModifiers::CONTROL) => self.quit = true,
            KeyCode::Char('u') if e.modifiers.contains(KeyModifiers::CONTROL) => {
                self.verify_input.clear()
            }
            KeyCode::Char(c) if !c.is_control() => self.verify_input.push(c),
            _ => return false,
        }
        true
    }

    fn type_query(&mut self, e: KeyEvent) -> bool {
        match e.code {
            KeyCode::Esc => {
                self.mode = Mode::Normal;
                if !self.base.query.is_empty() {
                    self.base.query.clear();
                    self.refresh(true);
                }
            }
            KeyCode::Enter => {
                self.mode = Mode::Normal;
                self.pane = Pane::List;
            }
            KeyCode::Backspace => {
                if self.base.query.pop().is_some() {
                    self.refresh(true);
                }
            }
            KeyCode::Char('c') if e.modifiers.contains(KeyModifiers::CONTROL) => {
                self.quit = true;
            }
            KeyCode::Char('u') if e.modifiers.contains(KeyModifiers::CONTROL) => {
                self.base.query.clear();
                self.refresh(true);
            }
            KeyCode::Char(c) if !c.is_control() => {
                // A new search looks through everything, not only the official selected
                // before it: typing "lavrov" with Obama selected lists Lavrov's words.
                if self.base.query.is_empty() {
                    self.group_sel = 0;
                }
                self.base.query.push(c);
                self.refresh(true);
            }
            _ => return false,
        }
        true
    }

    fn type_form(&mut self, e: KeyEvent) -> bool {
        match e.code {
            KeyCode::Esc => self.mode = Mode::Normal,
            KeyCode::Tab | KeyCode::Down => {
                self.form_focus = (self.form_focus + 1) % FORM_FIELDS.len()
            }
            KeyCode::BackTab | KeyCode::Up => {
                self.form_focus = (self.form_focus + FORM_FIELDS.len() - 1) % FORM_FIELDS.len()
            }
            KeyCode::Enter => self.apply_form(),
            KeyCode::Backspace => {
                self.form[self.form_focus].pop();
            }
            KeyCode::Char('c') if e.modifiers.contains(KeyModifiers::CONTROL) => self.quit = true,
            KeyCode::Char(c) if !c.is_control() => self.form[self.form_focus].push(c),
            _ => return false,
        }
        true
    }

    /// Applies the filter form; a bad field is reported and the form stays open.
    fn apply_form(&mut self) {
        let get = |i: usize| -> Option<String> {
            let v = self.form[i].trim();
            (!v.is_empty()).then(|| v.to_string())
        };
        let mut f = Filter {
            query: self.form[0].trim().to_string(),
            dedup: self.base.dedup,
            ..Filter::default()
        };
        if let Some(o) = get(1) {
            let names = self.official_names();
            match crate::names::match_official(&o, &names) {
                Ok(n) => f.official = Some(n),
                Err(e) => {
                    self.status = Some(e);
                    return;
                }
            }
        }
        if let Some(t) = get(2) {
            let t = t.to_lowercase();
            if !self.topics.contains(&t) {
                self.status = Some(format!(
                    "unknown topic '{t}'{}",
                    crate::names::suggest(&t, &self.topics)
                ));
                return;
            }
            f.topic = Some(t);
        }
        f.outlet = get(3);
        for (i, end) in [(4, false), (5, true)] {
            if let Some(d) = get(i) {
                match crate::index::reader::parse_user_date(&d, end) {
                    Ok(d) => {
                        if end {
                            f.until = Some(d)
                        } else {
                            f.since = Some(d)
                        }
                    }
                    Err(e) => {
                        self.status = Some(e);
                        return;
                    }
                }
            }
        }
        if let Some(k) = get(6) {
            match Kind::parse(&k) {
                Some(k) => f.kind = Some(k),
                None => {
                    self.status =
                        Some(format!("unknown kind '{k}': use direct, indirect or mixed"));
                    return;
                }
            }
        }
        self.base = f;
        self.mode = Mode::Normal;
        self.group_sel = 0;
        self.status = None;
        self.refresh(true);
    }

    fn choose_export(&mut self, e: KeyEvent) -> bool {
        let format = match e.code {
            KeyCode::Char('j') => Some(ExportFormat::Jsonl),
            KeyCode::Char('J') => Some(ExportFormat::Json),
            KeyCode::Char('c') => Some(ExportFormat::Csv),
            KeyCode::Char('m') => Some(ExportFormat::Md),
            _ => None,
        };
        self.mode = Mode::Normal;
        match format {
            Some(format) => {
                self.requests.push(Request::Export {
                    filter: self.effective_filter(),
                    format,
                });
                self.status = Some("exporting…".into());
            }
            None => self.status = Some("export cancelled".into()),
        }
        true
    }

    /// Applies one action. Returns whether anything visible changed.
    pub fn update(&mut self, a: Action) -> bool {
        if self.mode == Mode::Help {
            if matches!(a, Action::Quit) {
                self.quit = true;
            }
            self.mode = Mode::Normal;
            return true;
        }
        match a {
            Action::Quit => self.quit = true,
            Action::Help => self.mode = Mode::Help,
            Action::Down => self.move_by(1),
            Action::Up => self.move_by(-1),
            Action::PageDown => self.move_by(self.page() as isize),
            Action::PageUp => self.move_by(-(self.page() as isize)),
            Action::Top => self.move_to(0),
            Action::Bottom => self.move_to(usize::MAX),
            Action::NextPane => self.pane = next_pane(self.pane, 1),
            Action::PrevPane => self.pane = next_pane(self.pane, -1),
            Action::Open => match self.pane {
                Pane::Groups => {
                    if !self.toggle_expand(None) {
                        self.pane = Pane::List;
                    }
                }
                Pane::List => self.pane = Pane::Reader,
                Pane::Reader => {}
            },
            Action::Collapse => match self.pane {
                Pane::Groups => {
                    if !self.toggle_expand(Some(false)) {
                        self.collapse_section();
                    }
                }
                p => self.pane = next_pane(p, -1),
            },
            Action::Expand => match self.pane {
                Pane::Groups => {
                    if !self.toggle_expand(Some(true)) {
                        self.pane = Pane::List;
                    }
                }
                Pane::List => self.pane = Pane::Reader,
                Pane::Reader => {}
            },
            Action::Filter => {
                self.mode = Mode::Typing;
                self.status = None;
            }
            Action::FilterPane => {
                let b = &self.base;
                self.form = [
                    b.query.clone(),
                    b.official.clone().unwrap_or_default(),
                    b.topic.clone().unwrap_or_default(),
                    b.outlet.clone().unwrap_or_default(),
                    b.since.clone().unwrap_or_default(),
                    b.until.clone().unwrap_or_default(),
                    b.kind.map(|k| k.as_str().to_string()).unwrap_or_default(),
                ];
                self.form_focus = 0;
                self.mode = Mode::FilterForm;
            }
            Action::Back => {
                if self.pane == Pane::Reader {
                    self.pane = Pane::List;
                } else if !self.base.is_empty() {
                    // Filters go; the view setting (collapsed repeats) stays.
                    self.base = Filter {
                        dedup: self.base.dedup,
                        ..Filter::default()
                    };
                    self.status = Some("filters cleared".into());
                    self.refresh(true);
                } else if self.status.is_some() {
                    self.status = None;
                } else {
                    return false;
                }
            }
            Action::NextMatch => self.jump_match(1),
            Action::PrevMatch => self.jump_match(-1),
            Action::Yank => match self.selected() {
                Some(st) => {
                    let text = crate::lookup::citation_plain(st);
                    self.requests.push(Request::Yank { text });
                }
                None => self.status = Some("nothing selected to copy".into()),
            },
            Action::Export => {
                self.mode = Mode::ExportChoice;
                self.status = Some(
                    "export as: [j]sonl  [J]son  [c]sv  [m]arkdown   (any other key cancels)"
                        .into(),
                );
            }
            Action::Compare => {
                self.mode = Mode::Compare;
                self.compare = None;
                self.compare_focus = 0;
                let sel = self.effective_filter();
                self.compare_form = [
                    sel.official.unwrap_or_default(),
                    String::new(),
                    sel.topic.unwrap_or_default(),
                ];
                if !self.compare_form[0].is_empty() {
                    self.compare_focus = 1;
                }
            }
            Action::Verify => {
                self.mode = Mode::Verify;
                self.verify_input.clear();
                self.verify_results = None;
            }
            Action::Dedup => {
                self.base.dedup = !self.base.dedup;
                self.status = Some(if self.base.dedup {
                    "repeated reports collapsed (d shows all)".into()
                } else {
                    "all reports shown".into()
                });
                self.refresh(false);
            }
            Action::Timeline => {
                self.timeline = None;
                self.mode = Mode::Timeline;
                self.requests.push(Request::Timeline {
                    filter: self.effective_filter(),
                });
            }
            Action::Sort => {
                self.sort = self.sort.next();
                self.status = Some(format!("sorted by {}", self.sort.label()));
                self.refresh(false);
            }
        }
        true
    }

    fn page(&self) -> usize {
        self.list_height.max(2) - 1
    }

    /// `h` on a speaker inside an open group closes the group and selects its heading, as in
    /// a file tree.
    fn collapse_section(&mut self) {
        let Some(h) = self.rows[..self.group_sel.min(self.rows.len())]
            .iter()
            .rposition(|r| r.section.is_some())
        else {
            return;
        };
        if let Some(kind) = self.rows[h].section {
            self.open_sections.remove(&kind);
            self.rebuild_rows();
            self.group_sel = h;
            self.refresh(false);
        }
    }

    fn toggle_expand(&mut self, want: Option<bool>) -> bool {
        let Some(row) = self.rows.get(self.group_sel).cloned() else {
            return false;
        };
        if let Some(kind) = row.section {
            let now = self.open_sections.contains(&kind);
            let target = want.unwrap_or(!now);
            if target == now {
                return false;
            }
            if target {
                self.open_sections.insert(kind);
            } else {
                self.open_sections.remove(&kind);
            }
            self.rebuild_rows();
            return true;
        }
        let (Some(official), None) = (row.official, row.topic) else {
            return false;
        };
        let now = self.expanded.contains(&official);
        let target = want.unwrap_or(!now);
        if target == now {
            return false;
        }
        if target {
            self.expanded.insert(official);
            // Topic counts are fetched for expanded officials only.
            self.requests
                .retain(|r| !matches!(r, Request::Groups { .. }));
            self.requests.push(Request::Groups {
                generation: self.generation,
                filter: self.base.clone(),
                expanded: self.expanded.clone(),
            });
        } else {
            self.expanded.remove(&official);
        }
        self.rebuild_rows();
        true
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

    /// Words of the free-text query, for highlighting (operators and field names dropped).
    pub fn query_terms(&self) -> Vec<String> {
        self.base
            .query
            .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
            .filter(|w| !w.is_empty() && !matches!(*w, "AND" | "OR" | "NOT"))
            .map(str::to_lowercase)
            .collect()
    }

    /// Byte ranges of query terms in `text` (case-insensitive, whole-word starts).
    pub fn matches_in(&self, text: &str) -> Vec<(usize, usize)> {
        let terms = self.query_terms();
        if terms.is_empty() {
            return Vec::new();
        }
        let lower = text.to_lowercase();
        if lower.len() != text.len() {
            return Vec::new();
        }
        let mut out = Vec::new();
        for t in &terms {
            let mut from = 0;
            while let Some(p) = lower[from..].find(t.as_str()) {
                let s = from + p;
                let e = s + t.len();
                let boundary = s == 0
                    || !lower[..s]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphanumeric);
                if boundary {
                    let mut end = e;
                    while let Some(c) = lower[end..].chars().next() {
                        if c.is_alphanumeric() {
                            end += c.len_utf8()
                        } else {
                            break;
                        }
                    }
                    out.push((s, end));
                }
                from = e;
            }
        }
        out.sort();
        out.dedup();
        out
    }

    fn jump_match(&mut self, d: isize) {
        let Some(text) = self.selected().map(|st| st.text.clone()) else {
            return;
        };
        let matches = self.matches_in(&text);
        let n = matches.len();
        if n == 0 {
            self.status = Some(if self.base.query.is_empty() {
                "no search terms: press / to search".into()
            } else {
                "no matches in this statement".into()
            });
            return;
        }
        self.match_idx = ((self.match_idx as isize + d).rem_euclid(n as isize)) as usize;
        let pos = matches[self.match_idx].0;
        let width = self.reader_width.max(10);
        // The reader shows a header of a few lines before the text.
        self.reader_scroll = (text[..pos].chars().count() / width) as u16;
        self.status = Some(format!("match {} of {n}", self.match_idx + 1));
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
