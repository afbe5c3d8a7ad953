//! `update`: one action of the keymap turned into state changes.

use super::{App, Mode, Pane, Request, next_pane};
use crate::action::Action;
use crate::model::Filter;

impl App {
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
            Action::NextPane => {
                self.pane = next_pane(self.pane, 1);
                self.note_seen();
            }
            Action::PrevPane => {
                self.pane = next_pane(self.pane, -1);
                self.note_seen();
            }
            Action::Open => match self.pane {
                Pane::Groups => {
                    if !self.toggle_expand(None) {
                        self.pane = Pane::List;
                    }
                }
                Pane::List => {
                    self.pane = Pane::Reader;
                    self.note_seen();
                }
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
                Pane::List => {
                    self.pane = Pane::Reader;
                    self.note_seen();
                }
                Pane::Reader => {}
            },
            Action::Filter => {
                self.history_pos = None;
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
                self.history_pos = None;
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
                    self.requests.push(Request::Yank {
                        text,
                        what: "citation",
                    });
                }
                None => self.status = Some("nothing selected to copy".into()),
            },
            Action::YankUrl => match self.selected().map(|s| s.url.clone()) {
                Some(Some(url)) => self.requests.push(Request::Yank {
                    text: url,
                    what: "URL",
                }),
                Some(None) => self.status = Some("this statement's article has no URL".into()),
                None => self.status = Some("nothing selected to copy".into()),
            },
            Action::OpenUrl => match self.selected().map(|s| s.url.clone()) {
                Some(Some(url)) => self.requests.push(Request::OpenUrl { url }),
                Some(None) => self.status = Some("this statement's article has no URL".into()),
                None => self.status = Some("nothing selected to open".into()),
            },
            Action::Mark => self.toggle_mark(),
            Action::SaveSearch => self.save_search(),
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
                // The newest months first in view; k goes back in time.
                self.timeline_back = 0;
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
}
