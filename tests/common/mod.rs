#![allow(dead_code)]
//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_onrecord"));
    c.env("NO_COLOR", "1");
    c
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn run(args: &[&str], cwd: &Path) -> Output {
    bin()
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("run onrecord")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A temp directory holding a copy of the bundled `data/`.
pub fn data_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    for e in std::fs::read_dir(repo().join("data")).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), data.join(e.file_name())).unwrap();
    }
    dir
}

/// An index of the articles in `data`, built in a temp directory, opened for look-ups.
pub fn indexed(data: &Path) -> (tempfile::TempDir, onrecord::index::reader::Store) {
    let dir = tempfile::tempdir().unwrap();
    let config = onrecord::config::Config::defaults();
    let ex = onrecord::commands::extractor(data, &config).unwrap();
    let opts = onrecord::index::writer::IngestOptions {
        rebuild: false,
        max_file_bytes: config.max_file_bytes,
        progress: false,
    };
    onrecord::index::writer::ingest(&dir.path().join("idx"), &[data.to_path_buf()], &ex, &opts)
        .unwrap();
    let store = onrecord::index::reader::Store::open(&dir.path().join("idx")).unwrap();
    (dir, store)
}

/// `target/<profile>/`, where cargo puts the binary and, under `examples/`, the examples.
pub fn bin_dir() -> PathBuf {
    Path::new(env!("CARGO_BIN_EXE_onrecord"))
        .parent()
        .expect("binary has a directory")
        .to_path_buf()
}

/// The browser's state as `onrecord` starts it, sized for a `w`×`h` terminal, nothing asked yet.
pub fn app_sized(w: u16, h: u16) -> onrecord::app::App {
    let topics = onrecord::config::Config::defaults()
        .topics
        .iter()
        .map(|t| t.id.clone())
        .collect();
    let mut app =
        onrecord::app::App::new(onrecord::keymap::Keymap::default(), "data".into(), topics);
    let area = ratatui::layout::Rect::new(0, 0, w, h);
    let (lh, rw) = onrecord::ui::metrics(area);
    app.resize(lh, rw);
    app.set_timeline_rows(onrecord::ui::timeline_rows(area));
    app
}

/// xorshift64*: a fixed sequence per seed, no dependency.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}
