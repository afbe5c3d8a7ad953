//! Everything a person can ask of the browser. Key bindings map to these by name (the names in
//! `config.toml` `[keys]` are the snake_case variant names).

use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Down,
    Up,
    Top,
    Bottom,
    PageDown,
    PageUp,
    NextPane,
    PrevPane,
    Open,
    Collapse,
    Expand,
    Filter,
    FilterPane,
    Back,
    NextMatch,
    PrevMatch,
    Yank,
    Export,
    Sort,
    Timeline,
    Dedup,
    Verify,
    Compare,
    Mark,
    SaveSearch,
    OpenUrl,
    YankUrl,
    Help,
    Quit,
}

impl Action {
    pub const ALL: [Action; 29] = [
        Action::Down,
        Action::Up,
        Action::Top,
        Action::Bottom,
        Action::PageDown,
        Action::PageUp,
        Action::NextPane,
        Action::PrevPane,
        Action::Open,
        Action::Collapse,
        Action::Expand,
        Action::Filter,
        Action::FilterPane,
        Action::Back,
        Action::NextMatch,
        Action::PrevMatch,
        Action::Yank,
        Action::Export,
        Action::Sort,
        Action::Timeline,
        Action::Dedup,
        Action::Verify,
        Action::Compare,
        Action::Mark,
        Action::SaveSearch,
        Action::OpenUrl,
        Action::YankUrl,
        Action::Help,
        Action::Quit,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Action::Down => "down",
            Action::Up => "up",
            Action::Top => "top",
            Action::Bottom => "bottom",
            Action::PageDown => "page_down",
            Action::PageUp => "page_up",
            Action::NextPane => "next_pane",
            Action::PrevPane => "prev_pane",
            Action::Open => "open",
            Action::Collapse => "collapse",
            Action::Expand => "expand",
            Action::Filter => "filter",
            Action::FilterPane => "filter_pane",
            Action::Back => "back",
            Action::NextMatch => "next_match",
            Action::PrevMatch => "prev_match",
            Action::Yank => "yank",
            Action::Export => "export",
            Action::Sort => "sort",
            Action::Timeline => "timeline",
            Action::Dedup => "dedup",
            Action::Verify => "verify",
            Action::Compare => "compare",
            Action::Mark => "mark",
            Action::SaveSearch => "save_search",
            Action::OpenUrl => "open_url",
            Action::YankUrl => "yank_url",
            Action::Help => "help",
            Action::Quit => "quit",
        }
    }

    /// What the action does, for the help overlay.
    pub fn describe(self) -> &'static str {
        match self {
            Action::Down => "move down",
            Action::Up => "move up",
            Action::Top => "go to the top",
            Action::Bottom => "go to the bottom",
            Action::PageDown => "page down",
            Action::PageUp => "page up",
            Action::NextPane => "next pane",
            Action::PrevPane => "previous pane",
            Action::Open => "open statement / expand official",
            Action::Collapse => "collapse official / back a pane",
            Action::Expand => "expand official / forward a pane",
            Action::Filter => "filter as you type",
            Action::FilterPane => "filter pane (official, topic, outlet, dates, kind)",
            Action::Back => "clear filter / close / back",
            Action::NextMatch => "next match in the reader",
            Action::PrevMatch => "previous match in the reader",
            Action::Yank => "copy a citation (OSC 52)",
            Action::Export => "export the current view",
            Action::Sort => "cycle sort: date, speaker, relevance",
            Action::Timeline => "timeline of the selection, by month",
            Action::Dedup => "collapse repeated reports of a statement",
            Action::Verify => "verify: who said a sentence you paste",
            Action::Compare => "compare two officials side by side",
            Action::Mark => "mark / unmark the statement (the Marked group)",
            Action::SaveSearch => "save this filter as a search (S on one: forget it)",
            Action::OpenUrl => "open the article's URL in a browser",
            Action::YankUrl => "copy the article's URL",
            Action::Help => "this help",
            Action::Quit => "quit",
        }
    }

    pub fn from_name(name: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.name() == name)
    }
}
