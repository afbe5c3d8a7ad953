//! The local statement index (tantivy): schema, ingest, and look-ups. Knows nothing of the UI.

pub mod collect;
pub mod group_file;
pub mod identity;
pub mod meta;
pub mod official_names;
pub mod reader;
pub mod reports;
pub mod schema;
pub mod writer;

use std::path::{Path, PathBuf};

use crate::model::Statement;
use tantivy::TantivyDocument;

/// What can go wrong with the index, each said in one line.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("index is being updated by another process ({0}); try again when it has finished")]
    Locked(PathBuf),
    #[error("index damaged ({0}): run `onrecord ingest --rebuild`")]
    Damaged(String),
    #[error("no index at {0}: run `onrecord ingest PATH` first")]
    Missing(PathBuf),
    #[error("{0}")]
    Io(String),
    #[error("{0}")]
    Query(String),
}

impl From<tantivy::TantivyError> for IndexError {
    fn from(e: tantivy::TantivyError) -> Self {
        use tantivy::TantivyError as T;
        match e {
            T::LockFailure(_, _) => IndexError::Locked(PathBuf::new()),
            T::DataCorruption(c) => IndexError::Damaged(format!("{c:?}")),
            T::OpenReadError(e) => IndexError::Damaged(e.to_string()),
            T::OpenDirectoryError(e) => IndexError::Io(e.to_string()),
            T::IoError(e) => IndexError::Io(e.to_string()),
            // The indexing threads die on write errors (disk full, file size limit).
            T::ErrorInThread(_) => IndexError::Io("cannot write the index: a write failed (disk full, or a file size limit?); the last commit is intact".into()),
            T::SchemaError(e) => IndexError::Damaged(format!("schema: {e}")),
            other => IndexError::Damaged(other.to_string()),
        }
    }
}

/// The file a statement came from: its source without the `#record` suffix of JSONL inputs.
pub fn file_of(source: &str) -> &str {
    match source.rsplit_once('#') {
        Some((f, n)) if n.chars().all(|c| c.is_ascii_digit()) && !n.is_empty() => f,
        _ => source,
    }
}

/// True when `dir` holds an index (not necessarily a readable one).
pub fn exists(dir: &Path) -> bool {
    dir.join("meta.json").exists()
}

fn to_doc(f: &schema::Fields, st: &Statement, file_key: &str) -> TantivyDocument {
    let mut d = TantivyDocument::default();
    d.add_text(f.id, &st.id);
    d.add_text(f.text, &st.text);
    d.add_text(f.speaker_text, &st.speaker);
    if let Some(t) = &st.speaker_title {
        d.add_text(f.speaker_text, t);
    }
    d.add_text(f.speaker, &st.speaker);
    d.add_text(f.speaker_kind, st.speaker_kind.as_str());
    for t in &st.topics {
        d.add_text(f.topic, t);
    }
    if let Some(o) = &st.outlet {
        d.add_text(f.outlet, o);
    }
    d.add_text(f.kind, st.kind.as_str());
    if let Some(date) = st.date.as_deref().and_then(date_value) {
        d.add_date(f.date, date);
        d.add_text(f.year, &st.date.as_deref().unwrap_or_default()[..4]);
    }
    d.add_text(f.file, file_key);
    for b in crate::extract::signature::bands(&st.speaker, &st.text) {
        d.add_u64(f.sig, b);
    }
    d.add_text(f.json, serde_json::to_string(st).unwrap_or_default());
    d
}

/// YYYY-MM-DD → tantivy date at midnight UTC.
pub fn date_value(s: &str) -> Option<tantivy::DateTime> {
    let d = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
    let secs = d.and_hms_opt(0, 0, 0)?.and_utc().timestamp();
    Some(tantivy::DateTime::from_timestamp_secs(secs))
}
