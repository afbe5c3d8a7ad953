//! What the browser keeps between sessions: the search history (shared by every index), and per
//! index the marked statements, the last view and the statements already read. The files live
//! under `$XDG_STATE_HOME/onrecord/` (else `~/.local/state/onrecord/`) on every platform, in a
//! directory only its owner can read (0700, files 0600): a researcher's marks and searches can
//! be as sensitive as the collection.
//!
//! Every write is atomic (a temporary file in the same directory, synced, then renamed over the
//! old one), so a crash or a full disk leaves the previous file whole. A file that cannot be
//! read back (truncated, garbage, another program's) gives one warning, is kept aside as
//! `NAME.bad`, and the browser starts from a fresh state: never a crash, never a lost index.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// Most entries kept in the search history and in the list of statements read.
pub const HISTORY_LIMIT: usize = 500;
pub const SEEN_LIMIT: usize = 20_000;

/// Where the browser was: its filters, sort, pane and selection.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct View {
    /// The filters, as a saved search holds them (plain strings, stable on disk).
    pub filter: crate::config::SavedSearch,
    /// Repeated reports collapsed (`d`).
    pub dedup: bool,
    /// "date", "speaker" or "relevance".
    pub sort: String,
    /// "groups", "list" or "reader".
    pub pane: String,
    /// The selected row of the Officials pane: an official (and topic), the Marked group, or
    /// a group of other speakers by kind name.
    pub official: Option<String>,
    pub topic: Option<String>,
    pub section: Option<String>,
    pub marked: bool,
    /// A saved search's row, by name; whether the "Saved searches" heading was selected, and
    /// open.
    pub saved: Option<String>,
    pub saved_heading: bool,
    pub saved_open: bool,
    /// Officials whose topics were open.
    pub expanded: Vec<String>,
    /// The selected statement, by id (its position may have moved after an ingest), and its
    /// position as a fallback.
    pub statement: Option<String>,
    pub position: usize,
}

/// Everything kept for one index, plus the shared history.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct State {
    /// Queries typed in `/`, oldest first.
    pub history: Vec<String>,
    /// Marked statements by id.
    pub marks: BTreeSet<String>,
    pub view: Option<View>,
    /// Statements opened in the reader, oldest first (dimmed in the list).
    pub seen: Vec<String>,
    /// Searches saved with `S` (shared by every index; `[searches]` in config.toml come too).
    pub searches: Vec<crate::config::SavedSearch>,
}

#[derive(Serialize, Deserialize)]
struct SearchesFile {
    version: u32,
    searches: Vec<crate::config::SavedSearch>,
}

#[derive(Serialize, Deserialize)]
struct HistoryFile {
    version: u32,
    queries: Vec<String>,
}

#[derive(Serialize, Deserialize)]
struct MarksFile {
    version: u32,
    marks: Vec<String>,
}

#[derive(Serialize, Deserialize)]
struct ViewFile {
    version: u32,
    view: Option<View>,
    #[serde(default)]
    seen: Vec<String>,
}

const VERSION: u32 = 1;

/// The state files of one index.
#[derive(Debug, Clone)]
pub struct StateDir {
    root: PathBuf,
    /// Per-index subdirectory name (from the index path, as the index location is keyed).
    key: String,
}

impl StateDir {
    /// The state directory from the environment (`XDG_STATE_HOME`, else `HOME`), or `None`
    /// when neither is set (nothing is kept then).
    pub fn from_env(index_dir: &Path) -> Option<StateDir> {
        let base = std::env::var_os("XDG_STATE_HOME")
            .filter(|v| !v.is_empty() && Path::new(v).is_absolute())
            .map(PathBuf::from)
            .or_else(|| {
                std::env::var_os("HOME")
                    .filter(|v| !v.is_empty())
                    .map(|h| PathBuf::from(h).join(".local").join("state"))
            })?;
        Some(StateDir::at(base.join("onrecord"), index_dir))
    }

    pub fn at(root: PathBuf, index_dir: &Path) -> StateDir {
        StateDir {
            root,
            key: crate::index::writer::data_key(index_dir),
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    fn history_path(&self) -> PathBuf {
        self.root.join("history.json")
    }

    fn searches_path(&self) -> PathBuf {
        self.root.join("searches.json")
    }

    fn marks_path(&self) -> PathBuf {
        self.root.join(&self.key).join("marks.json")
    }

    fn view_path(&self) -> PathBuf {
        self.root.join(&self.key).join("view.json")
    }

    /// Reads what was kept. Each unreadable file is one warning and a fresh part of the state.
    pub fn load(&self) -> (State, Vec<String>) {
        let mut warnings = Vec::new();
        let mut state = State::default();
        if let Some(h) = read_json::<HistoryFile>(&self.history_path(), &mut warnings) {
            state.history = h.queries;
        }
        if let Some(s) = read_json::<SearchesFile>(&self.searches_path(), &mut warnings) {
            state.searches = s.searches;
        }
        if let Some(m) = read_json::<MarksFile>(&self.marks_path(), &mut warnings) {
            state.marks = m.marks.into_iter().collect();
        }
        if let Some(v) = read_json::<ViewFile>(&self.view_path(), &mut warnings) {
            state.view = v.view;
            state.seen = v.seen;
        }
        (state, warnings)
    }

    pub fn save_history(&self, history: &[String]) -> std::io::Result<()> {
        let from = history.len().saturating_sub(HISTORY_LIMIT);
        write_json(
            &self.history_path(),
            &HistoryFile {
                version: VERSION,
                queries: history[from..].to_vec(),
            },
        )
    }

    pub fn save_searches(&self, searches: &[crate::config::SavedSearch]) -> std::io::Result<()> {
        write_json(
            &self.searches_path(),
            &SearchesFile {
                version: VERSION,
                searches: searches.to_vec(),
            },
        )
    }

    pub fn save_marks(&self, marks: &BTreeSet<String>) -> std::io::Result<()> {
        write_json(
            &self.marks_path(),
            &MarksFile {
                version: VERSION,
                marks: marks.iter().cloned().collect(),
            },
        )
    }

    pub fn save_view(&self, view: Option<&View>, seen: &[String]) -> std::io::Result<()> {
        let from = seen.len().saturating_sub(SEEN_LIMIT);
        write_json(
            &self.view_path(),
            &ViewFile {
                version: VERSION,
                view: view.cloned(),
                seen: seen[from..].to_vec(),
            },
        )
    }

    /// Writes everything of `state`; the first failure is returned, the rest still tried.
    pub fn save(&self, state: &State) -> std::io::Result<()> {
        let results = [
            self.save_history(&state.history),
            self.save_searches(&state.searches),
            self.save_marks(&state.marks),
            self.save_view(state.view.as_ref(), &state.seen),
        ];
        results
            .into_iter()
            .collect::<Result<Vec<()>, _>>()
            .map(|_| ())
    }
}

/// A missing file is `None` quietly; an unreadable one is `None` with a warning, and is moved
/// aside so that the next save does not destroy what a person may want to look at.
fn read_json<T: serde::de::DeserializeOwned>(path: &Path, warnings: &mut Vec<String>) -> Option<T> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
        Err(e) => {
            warnings.push(format!(
                "{}: cannot read ({e}); starting fresh",
                path.display()
            ));
            return None;
        }
    };
    match serde_json::from_slice::<T>(&bytes) {
        Ok(v) => Some(v),
        Err(e) => {
            let mut bad = path.as_os_str().to_owned();
            bad.push(".bad");
            let kept = std::fs::rename(path, &bad).is_ok();
            // What happened first, where last: the status bar may cut the end.
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            let dir = path.parent().unwrap_or(Path::new(".")).display();
            warnings.push(if kept {
                format!(
                    "{name} could not be read: starting fresh (kept as {name}.bad in {dir}; {e})"
                )
            } else {
                format!("{name} could not be read: starting fresh ({dir}; {e})")
            });
            None
        }
    }
}

/// Creates `dir` and its missing parents readable only by the owner.
fn private_dir(dir: &Path) -> std::io::Result<()> {
    let mut b = std::fs::DirBuilder::new();
    b.recursive(true);
    std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
    b.create(dir)
}

/// Temp file + fsync + rename: the old file stays whole until the new one is complete.
fn write_json<T: Serialize>(path: &Path, value: &T) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    private_dir(dir)?;
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(format!(".tmp-{}", std::process::id()));
    let tmp = PathBuf::from(tmp);
    let written = (|| {
        let mut opts = std::fs::OpenOptions::new();
        opts.write(true).create(true).truncate(true);
        std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
        let mut f = opts.open(&tmp)?;
        serde_json::to_writer_pretty(&mut f, value).map_err(std::io::Error::other)?;
        f.write_all(b"\n")?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn temp(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("onrecord-state-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        d
    }

    fn sample() -> State {
        State {
            history: vec!["lavrov".into(), "sanctions".into()],
            marks: ["a1".to_string(), "b2".to_string()].into(),
            view: Some(View {
                filter: crate::config::SavedSearch {
                    query: "nuclear".into(),
                    official: Some("Sergei Lavrov".into()),
                    ..Default::default()
                },
                sort: "speaker".into(),
                pane: "list".into(),
                official: Some("Sergei Lavrov".into()),
                statement: Some("a1".into()),
                position: 3,
                ..View::default()
            }),
            seen: vec!["a1".into()],
            searches: vec![crate::config::SavedSearch {
                name: "Lavrov on sanctions".into(),
                official: Some("Sergei Lavrov".into()),
                topic: Some("sanctions".into()),
                ..Default::default()
            }],
        }
    }

    #[test]
    fn what_is_saved_is_loaded_back_per_index_with_a_shared_history() {
        let root = temp("roundtrip");
        let a = StateDir::at(root.clone(), Path::new("/tmp/idx-a"));
        a.save(&sample()).unwrap();
        let (back, warnings) = a.load();
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(back, sample());
        // Another index shares the history only.
        let b = StateDir::at(root.clone(), Path::new("/tmp/idx-b"));
        let (other, warnings) = b.load();
        assert!(warnings.is_empty());
        assert_eq!(other.history, sample().history);
        assert_eq!(other.searches, sample().searches);
        assert!(other.marks.is_empty() && other.view.is_none() && other.seen.is_empty());
        let _ = std::fs::remove_dir_all(&root);
    }

    #[test]
    fn the_directory_and_files_are_private_and_no_temporary_file_is_left() {
        let root = temp("private");
        let s = StateDir::at(root.join("deep").join("onrecord"), Path::new("/tmp/idx"));
        s.save(&sample()).unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(s.root()), 0o700);
        for p in [s.history_path(), s.marks_path(), s.view_path()] {
            assert_eq!(mode(&p), 0o600, "{}", p.display());
            assert_eq!(mode(p.parent().unwrap()), 0o700, "{}", p.display());
        }
        let leftovers: Vec<_> = walk(&root)
            .into_iter()
            .filter(|p| p.to_string_lossy().contains(".tmp-"))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
        let _ = std::fs::remove_dir_all(&root);
    }

    fn walk(d: &Path) -> Vec<PathBuf> {
        let mut out = Vec::new();
        for e in std::fs::read_dir(d).unwrap().flatten() {
            if e.path().is_dir() {
                out.extend(walk(&e.path()));
            } else {
                out.push(e.path());
            }
        }
        out
    }

    #[test]
    fn truncated_or_garbage_files_give_one_warning_each_and_a_fresh_state() {
        let root = temp("garbage");
        let s = StateDir::at(root.clone(), Path::new("/tmp/idx"));
        s.save(&sample()).unwrap();
        let marks = std::fs::read(s.marks_path()).unwrap();
        std::fs::write(s.marks_path(), &marks[..marks.len() / 2]).unwrap();
        std::fs::write(s.view_path(), b"\x00\xff\xfe garbage").unwrap();
        std::fs::write(s.history_path(), b"[\"not the shape\"]").unwrap();
        let (back, warnings) = s.load();
        // The searches file was left whole: only it is read back.
        assert_eq!(
            back,
            State {
                searches: sample().searches,
                ..State::default()
            }
        );
        assert_eq!(warnings.len(), 3, "{warnings:?}");
        for (w, name) in warnings
            .iter()
            .zip(["history.json", "marks.json", "view.json"])
        {
            assert!(w.contains(name) && w.contains("starting fresh"), "{w}");
            assert!(!w.contains('\n'), "one line: {w}");
        }
        // The unreadable files are kept aside, and the next save writes good ones.
        assert!(s.marks_path().with_extension("json.bad").exists());
        s.save(&sample()).unwrap();
        let (again, warnings) = s.load();
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(again, sample());
        let _ = std::fs::remove_dir_all(&root);
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_whole() {
        let root = temp("failed");
        let s = StateDir::at(root.clone(), Path::new("/tmp/idx"));
        s.save(&sample()).unwrap();
        // A directory where the temporary file would go makes the write fail before the rename.
        let mut tmp = s.marks_path().into_os_string();
        tmp.push(format!(".tmp-{}", std::process::id()));
        std::fs::create_dir_all(&tmp).unwrap();
        let more: BTreeSet<String> = ["x".to_string()].into();
        assert!(s.save_marks(&more).is_err());
        assert_eq!(s.load().0.marks, sample().marks);
        let _ = std::fs::remove_dir_all(&root);
    }

    #[test]
    fn history_and_seen_are_capped_keeping_the_newest() {
        let root = temp("cap");
        let s = StateDir::at(root.clone(), Path::new("/tmp/idx"));
        let history: Vec<String> = (0..HISTORY_LIMIT + 7).map(|i| format!("q{i}")).collect();
        s.save_history(&history).unwrap();
        let back = s.load().0.history;
        assert_eq!(back.len(), HISTORY_LIMIT);
        assert_eq!(back.last(), history.last());
        assert_eq!(back[0], "q7");
        let _ = std::fs::remove_dir_all(&root);
    }
}
