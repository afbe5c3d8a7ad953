//! Saved searches: `[searches]` in config.toml and those saved with `S`, listed under their
//! own heading in the Officials pane. A saved search narrows the current filter, as every row
//! of that pane does.

use super::{App, Request};
use crate::config::SavedSearch;
use crate::model::{Filter, Kind};

impl App {
    /// The saved searches of the configuration (shown first, never written to the state).
    pub fn set_config_searches(&mut self, searches: &[SavedSearch]) {
        self.searches.retain(|(_, from_config)| !from_config);
        let mine = std::mem::take(&mut self.searches);
        self.searches = searches.iter().map(|s| (s.clone(), true)).collect();
        self.searches.extend(mine);
        self.rebuild_rows();
        self.request_groups();
    }

    /// The searches saved with `S` (those of config.toml are not the state's to keep).
    pub fn my_searches(&self) -> Vec<SavedSearch> {
        self.searches
            .iter()
            .filter(|(_, from_config)| !from_config)
            .map(|(s, _)| s.clone())
            .collect()
    }

    pub(super) fn search_named(&self, name: &str) -> Option<&SavedSearch> {
        self.searches
            .iter()
            .find(|(s, _)| s.name == name)
            .map(|(s, _)| s)
    }

    /// `base` narrowed by a saved search: both queries must match; its filters replace those
    /// they name. Names and dates are read as the filter form reads them; one that cannot be
    /// read is left out rather than failing the whole pane.
    pub(super) fn saved_filter(&self, s: &SavedSearch, base: &Filter) -> Filter {
        let mut f = base.clone();
        let q = s.query.trim();
        if !q.is_empty() {
            f.query = if f.query.trim().is_empty() {
                q.to_string()
            } else {
                format!("({}) AND ({q})", f.query.trim())
            };
        }
        if let Some(o) = s.official.as_deref().filter(|o| !o.trim().is_empty()) {
            let names = self.official_names();
            f.official =
                Some(crate::names::match_official(o.trim(), &names).unwrap_or_else(|_| o.into()));
        }
        if let Some(t) = &s.topic {
            f.topic = Some(t.trim().to_lowercase());
            f.also_topic = None;
        }
        if let Some(o) = &s.outlet {
            f.outlet = Some(o.clone());
        }
        if let Some(k) = s.kind.as_deref().and_then(Kind::parse) {
            f.kind = Some(k);
        }
        let date = |d: &Option<String>, end| {
            d.as_deref()
                .and_then(|d| crate::index::reader::parse_user_date(d, end).ok())
        };
        if let Some(d) = date(&s.since, false) {
            f.since = Some(d);
        }
        if let Some(d) = date(&s.until, true) {
            f.until = Some(d);
        }
        f
    }

    /// `S`: saves what the list shows as a named search (its description is the name); on a
    /// search saved with `S`, forgets it.
    pub(super) fn save_search(&mut self) {
        if let Some(i) = self.rows.get(self.group_sel).and_then(|r| r.saved) {
            match self.searches.get(i) {
                Some((s, true)) => {
                    self.status = Some(format!(
                        "'{}' is in config.toml [searches]: edit it there",
                        s.name
                    ));
                }
                Some((s, false)) => {
                    self.status = Some(format!("forgot the saved search '{}'", s.name));
                    self.searches.remove(i);
                    self.requests.push(Request::SaveSearches);
                    self.rebuild_rows();
                    self.refresh(true);
                }
                None => {}
            }
            return;
        }
        let f = self.effective_filter();
        if f.ids.is_some() {
            self.status = Some("the Marked group is kept already: m marks, e exports".into());
            return;
        }
        let f = Filter { dedup: false, ..f };
        if f.is_empty() {
            self.status = Some("nothing to save: search or filter first (/ or f)".into());
            return;
        }
        let name = f.describe();
        let search = SavedSearch::from_filter(name.clone(), &f);
        if self.search_named(&name).is_some() {
            self.status = Some(format!("'{name}' is saved already"));
            return;
        }
        self.searches.push((search, false));
        self.requests.push(Request::SaveSearches);
        self.status = Some(format!("saved the search '{name}' (Saved searches)"));
        self.rebuild_rows();
        self.request_groups();
    }
}
