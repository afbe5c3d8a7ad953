//! Keys in the modes that take text (the `/` query, the filter form, verify, compare, the
//! export choice), and the dispatch of other keys through the keymap.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{App, FORM_FIELDS, Mode, Pane, Request};
use crate::cli::ExportFormat;
use crate::keymap::{Feed, Key};
use crate::model::{Filter, Kind};

impl App {
    /// A key press: text entry in the typing modes, otherwise through the keymap.
    pub fn on_key(&mut self, e: KeyEvent) -> bool {
        match self.mode {
            Mode::Typing => return self.type_query(e),
            Mode::Verify => return self.type_verify(e),
            Mode::Compare => return self.type_compare(e),
            Mode::FilterForm => return self.type_form(e),
            Mode::ExportChoice => return self.choose_export(e),
            Mode::Timeline => {
                self.scroll_timeline(e.code);
                return true;
            }
            Mode::Help => return self.type_help(e),
            Mode::Normal => {}
        }
        match self.keymap.feed(Key::from_event(&e)) {
            Feed::Action(a) => self.update(a),
            Feed::Pending | Feed::Unbound => false,
        }
    }

    /// `?`: typing narrows the list to the bindings whose keys, name or description hold the
    /// words; ↑/↓ scroll; Esc, Enter (or `?` with nothing typed) close.
    pub(super) fn type_help(&mut self, e: KeyEvent) -> bool {
        let ctrl = e.modifiers.contains(KeyModifiers::CONTROL);
        match e.code {
            KeyCode::Esc | KeyCode::Enter => self.close_help(),
            KeyCode::Char('?') if self.help_filter.is_empty() => self.close_help(),
            KeyCode::Char('c') if ctrl => self.quit = true,
            KeyCode::Char('u') if ctrl => {
                self.help_filter.clear();
                self.help_scroll = 0;
            }
            KeyCode::Up => self.help_scroll = self.help_scroll.saturating_sub(1),
            // Bounded by the rows there are (the drawing clamps to the screen's height).
            KeyCode::Down => self.help_scroll = (self.help_scroll + 1).min(self.help_rows().len()),
            KeyCode::PageUp => self.help_scroll = self.help_scroll.saturating_sub(10),
            KeyCode::PageDown => {
                self.help_scroll = (self.help_scroll + 10).min(self.help_rows().len())
            }
            KeyCode::Backspace => {
                self.help_filter.pop();
                self.help_scroll = 0;
            }
            KeyCode::Char(c) if !c.is_control() && !ctrl => {
                self.help_filter.push(c);
                self.help_scroll = 0;
            }
            _ => return false,
        }
        true
    }

    fn close_help(&mut self) {
        self.mode = Mode::Normal;
        self.help_filter.clear();
        self.help_scroll = 0;
    }

    /// The bindings the help lists under its filter: (keys, description).
    pub fn help_rows(&self) -> Vec<(String, &'static str)> {
        let words: Vec<String> = self
            .help_filter
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        crate::action::Action::ALL
            .into_iter()
            .map(|a| (self.keymap.keys_for(a).join(" "), a))
            .filter(|(keys, a)| {
                let hay = format!("{keys} {} {}", a.name(), a.describe()).to_lowercase();
                // A single typed key also finds its binding exactly ("G", "/").
                words.iter().all(|w| hay.contains(w.as_str()))
                    || keys.split(' ').any(|k| k == self.help_filter.trim())
            })
            .map(|(keys, a)| (keys, a.describe()))
            .collect()
    }

    /// `c`: Tab between the fields, Enter compares, j/k (↓/↑) scroll the columns, Esc closes.
    pub(super) fn type_compare(&mut self, e: KeyEvent) -> bool {
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
                if let Some(i) = (0..2).find(|&i| self.compare_form[i].trim().is_empty()) {
                    self.compare_focus = i;
                    self.status = Some(format!(
                        "type official {} (Tab moves between the fields)",
                        ["A", "B"][i]
                    ));
                    return true;
                }
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
            KeyCode::Char(c)
                if !c.is_control() && !e.modifiers.contains(KeyModifiers::CONTROL) && !loaded =>
            {
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
    pub(super) fn type_verify(&mut self, e: KeyEvent) -> bool {
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
            KeyCode::Char(c) if !c.is_control() && !e.modifiers.contains(KeyModifiers::CONTROL) => {
                self.verify_input.push(c)
            }
            _ => return false,
        }
        true
    }

    pub(super) fn type_query(&mut self, e: KeyEvent) -> bool {
        match e.code {
            KeyCode::Esc => {
                self.mode = Mode::Normal;
                self.history_pos = None;
                if !self.base.query.is_empty() {
                    self.base.query.clear();
                    self.refresh(true);
                }
            }
            KeyCode::Enter => {
                self.mode = Mode::Normal;
                self.pane = Pane::List;
                self.remember_query();
            }
            KeyCode::Up => return self.recall(true),
            KeyCode::Down => return self.recall(false),
            KeyCode::Char('p') if e.modifiers.contains(KeyModifiers::CONTROL) => {
                return self.recall(true);
            }
            KeyCode::Char('n') if e.modifiers.contains(KeyModifiers::CONTROL) => {
                return self.recall(false);
            }
            KeyCode::Backspace => {
                self.history_pos = None;
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
            KeyCode::Char(c) if !c.is_control() && !e.modifiers.contains(KeyModifiers::CONTROL) => {
                // A new search looks through everything, not only the official selected
                // before it: typing "lavrov" with Obama selected lists Lavrov's words.
                if self.base.query.is_empty() {
                    self.group_sel = 0;
                }
                self.history_pos = None;
                self.base.query.push(c);
                self.refresh(true);
            }
            _ => return false,
        }
        true
    }

    pub(super) fn type_form(&mut self, e: KeyEvent) -> bool {
        match e.code {
            KeyCode::Esc => self.mode = Mode::Normal,
            KeyCode::Tab | KeyCode::Down => {
                self.form_focus = (self.form_focus + 1) % FORM_FIELDS.len()
            }
            KeyCode::BackTab | KeyCode::Up => {
                self.form_focus = (self.form_focus + FORM_FIELDS.len() - 1) % FORM_FIELDS.len()
            }
            KeyCode::Enter => self.apply_form(),
            KeyCode::Char('p') if e.modifiers.contains(KeyModifiers::CONTROL) => {
                return self.recall_into_form(true);
            }
            KeyCode::Char('n') if e.modifiers.contains(KeyModifiers::CONTROL) => {
                return self.recall_into_form(false);
            }
            KeyCode::Char('u') if e.modifiers.contains(KeyModifiers::CONTROL) => {
                self.form[self.form_focus].clear();
            }
            KeyCode::Backspace => {
                self.form[self.form_focus].pop();
            }
            KeyCode::Char('c') if e.modifiers.contains(KeyModifiers::CONTROL) => self.quit = true,
            KeyCode::Char(c) if !c.is_control() && !e.modifiers.contains(KeyModifiers::CONTROL) => {
                self.form[self.form_focus].push(c)
            }
            _ => return false,
        }
        true
    }

    /// Applies the filter form; a bad field is reported and the form stays open.
    pub(super) fn apply_form(&mut self) {
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
        self.remember_query();
        self.refresh(true);
    }

    pub(super) fn choose_export(&mut self, e: KeyEvent) -> bool {
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
}
