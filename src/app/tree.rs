//! The Officials pane's rows: "All", officials and their topics, and the closed groups of
//! other speakers.

use std::collections::BTreeSet;

use super::{App, GroupRow};
use crate::index::reader::Group;
use crate::model::SpeakerKind;

impl App {
    pub(super) fn rebuild_rows(&mut self) {
        let total: u64 = self.groups.iter().map(|g| g.count).sum();
        let mut rows = vec![GroupRow {
            section: None,
            official: None,
            topic: None,
            count: total,
            expanded: false,
            surname_only: false,
            ..GroupRow::default()
        }];
        // Marked statements, when there are any, right under "All".
        if !self.marks.is_empty() {
            rows.push(GroupRow {
                marked: true,
                count: self.marked_count,
                ..GroupRow::default()
            });
        }
        // Saved searches under a heading of their own, closed until opened.
        if !self.searches.is_empty() {
            rows.push(GroupRow {
                saved_heading: true,
                count: self.searches.len() as u64,
                expanded: self.saved_open,
                ..GroupRow::default()
            });
            if self.saved_open {
                for i in 0..self.searches.len() {
                    rows.push(GroupRow {
                        saved: Some(i),
                        count: self.saved_counts.get(i).copied().unwrap_or(0),
                        ..GroupRow::default()
                    });
                }
            }
        }
        let push_official = |rows: &mut Vec<GroupRow>, g: &Group, expanded: &BTreeSet<String>| {
            let open = expanded.contains(&g.speaker);
            rows.push(GroupRow {
                section: None,
                official: Some(g.speaker.clone()),
                topic: None,
                count: g.count,
                expanded: open,
                surname_only: g.kind == SpeakerKind::Person && !g.speaker.contains(' '),
                ..GroupRow::default()
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
                        ..GroupRow::default()
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
                ..GroupRow::default()
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

    /// `h` on a speaker inside an open group closes the group and selects its heading, as in
    /// a file tree.
    pub(super) fn collapse_section(&mut self) {
        if self
            .rows
            .get(self.group_sel)
            .is_some_and(|r| r.saved.is_some())
        {
            self.saved_open = false;
            self.rebuild_rows();
            self.group_sel = self.rows.iter().position(|r| r.saved_heading).unwrap_or(0);
            self.refresh(false);
            return;
        }
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

    pub(super) fn toggle_expand(&mut self, want: Option<bool>) -> bool {
        let Some(row) = self.rows.get(self.group_sel).cloned() else {
            return false;
        };
        if row.saved_heading {
            let target = want.unwrap_or(!self.saved_open);
            if target == self.saved_open {
                return false;
            }
            self.saved_open = target;
            self.rebuild_rows();
            return true;
        }
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
            self.request_groups();
        } else {
            self.expanded.remove(&official);
        }
        self.rebuild_rows();
        true
    }
}
