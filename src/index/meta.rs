//! The index's metadata file: schema version and, per input file, what was last ingested.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

pub const META_FILE: &str = "onrecord-meta.json";

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct FileState {
    pub size: u64,
    pub mtime_ns: i128,
    pub hash: String,
    pub articles: u64,
    pub statements: u64,
    /// Bytes of statement text, for index-size ratios.
    #[serde(default)]
    pub text_bytes: u64,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Meta {
    pub schema_version: u32,
    pub files: BTreeMap<String, FileState>,
}

impl Meta {
    /// Reads the metadata; a missing or unreadable file counts as empty.
    pub fn load(dir: &Path) -> Meta {
        std::fs::read(dir.join(META_FILE))
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default()
    }

    /// Writes atomically (temp file + rename), so a crash never leaves half a file.
    pub fn save(&self, dir: &Path) -> std::io::Result<()> {
        let tmp = dir.join(format!("{META_FILE}.tmp"));
        std::fs::write(&tmp, serde_json::to_vec_pretty(self)?)?;
        std::fs::rename(tmp, dir.join(META_FILE))
    }
}
