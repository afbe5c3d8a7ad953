//! The query's words in a statement: highlighting and `n`/`N` in the reader.

use super::App;

impl App {
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

    pub(super) fn jump_match(&mut self, d: isize) {
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
}
