//! The mouse, when `[browser] mouse = true`: the wheel moves the selection of the pane under
//! the pointer, a click focuses a pane and selects the row clicked. Off by default, so that the
//! terminal's own text selection keeps working.

use super::{App, Mode, Pane};

/// The first group row shown when `sel` is selected and `height` rows fit (the UI and the
/// mouse agree on it).
pub fn groups_top(sel: usize, height: usize) -> usize {
    sel.saturating_sub(height.saturating_sub(1))
}

impl App {
    /// A wheel notch over `pane`: three rows down or up (the reader scrolls).
    pub fn wheel(&mut self, pane: Pane, down: bool) -> bool {
        if self.mode != Mode::Normal {
            return false;
        }
        self.pane = pane;
        self.move_by(if down { 3 } else { -3 });
        true
    }

    /// A click on `row` of `pane`'s contents (`height` rows shown): focus it and select the row.
    pub fn click(&mut self, pane: Pane, row: Option<usize>, height: usize) -> bool {
        if self.mode != Mode::Normal {
            return false;
        }
        self.pane = pane;
        let Some(row) = row else { return true };
        match pane {
            Pane::Groups => {
                let pos = groups_top(self.group_sel, height) + row;
                if pos < self.rows.len() {
                    self.move_to(pos);
                }
            }
            Pane::List => {
                let pos = self.list_top + row;
                if pos < self.list_total {
                    self.move_to(pos);
                }
            }
            Pane::Reader => self.note_seen(),
        }
        true
    }
}
