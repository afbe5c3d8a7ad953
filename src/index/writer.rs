//! Ingest: extract new and changed files into the index, drop statements of files that are gone,
//! commit in batches so a crash keeps everything committed before it.

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::sync_channel;
use std::time::Instant;

use tantivy::{Index, IndexWriter, Term};

use super::meta::{FileState, Meta};
use super::schema::{self, Fields, SCHEMA_VERSION};
use super::{IndexError, to_doc};
use crate::extract::{Extractor, stable_hash};
use crate::input;

/// Statements between commits. Commits fall between chunks of up to 64 whole files (a file is
/// recorded only once all of it is in), so a kill loses at most this much work plus the
/// chunk under way. `ONRECORD_COMMIT_EVERY` overrides it (the fault tests use small batches).
fn commit_every() -> u64 {
    std::env::var("ONRECORD_COMMIT_EVERY")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|n| *n > 0)
        .unwrap_or(200_000)
}
const WRITER_MEMORY: usize = 200_000_000;

#[derive(Debug, Clone, Default)]
pub struct IngestOptions {
    pub rebuild: bool,
    pub max_file_bytes: u64,
    /// Show a progress bar on stderr (only when it is a terminal).
    pub progress: bool,
}

#[derive(Debug, Clone, Default)]
pub struct IngestReport {
    pub files_seen: usize,
    pub files_indexed: usize,
    pub files_unchanged: usize,
    pub files_removed: usize,
    pub articles: u64,
    pub statements: u64,
    pub problems: Vec<String>,
    pub seconds: f64,
    pub rebuilt: bool,
    /// Statements whose speaker joined a person named in full elsewhere in the index.
    pub speakers_unified: u64,
    /// Segments of the index once the ingest is done.
    pub segments: usize,
}

impl IngestReport {
    pub fn summary(&self) -> String {
        format!(
            "{} files ({} indexed, {} unchanged, {} removed), {} articles, {} statements{}, {} skipped, {:.1} s{}",
            self.files_seen,
            self.files_indexed,
            self.files_unchanged,
            self.files_removed,
            self.articles,
            self.statements,
            if self.speakers_unified > 0 {
                format!(
                    " ({} with a surname or initial joined to a full name)",
                    self.speakers_unified
                )
            } else {
                String::new()
            },
            self.problems.len(),
            self.seconds,
            if self.rebuilt { " (rebuilt)" } else { "" }
        )
    }
}

fn io_err(dir: &Path, e: std::io::Error) -> IndexError {
    let why = match e.kind() {
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    };
    IndexError::Io(format!("{}: {why}", dir.display()))
}

/// Opens the index at `dir`, creating it (or re-creating it when the schema changed).
fn open_or_create(
    dir: &Path,
    meta: &mut Meta,
    rebuild: bool,
) -> Result<(Index, Fields, bool), IndexError> {
    private_dir(dir).map_err(|e| io_err(dir, e))?;
    let stale = super::exists(dir) && meta.schema_version != SCHEMA_VERSION;
    if stale {
        // Another schema: the old files cannot be reused. The writer lock is checked first so a
        // running ingest is never pulled from under its feet.
        if let Ok(idx) = Index::open_in_dir(dir) {
            let w: Result<IndexWriter, _> = idx.writer(WRITER_MEMORY);
            if let Err(tantivy::TantivyError::LockFailure(..)) = w {
                return Err(IndexError::Locked(dir.to_path_buf()));
            }
        }
        wipe(dir)?;
        *meta = Meta::default();
    }
    let (schema, _) = schema::build();
    let index = if super::exists(dir) {
        match Index::open_in_dir(dir) {
            Ok(i) => i,
            // A damaged index cannot be repaired, but --rebuild can start it over.
            Err(_) if rebuild => {
                wipe(dir)?;
                *meta = Meta::default();
                Index::create_in_dir(dir, schema)?
            }
            Err(e) => return Err(e.into()),
        }
    } else {
        Index::create_in_dir(dir, schema).map_err(|e| match e {
            tantivy::TantivyError::IoError(io) => {
                IndexError::Io(format!("{}: {io}", dir.display()))
            }
            other => other.into(),
        })?
    };
    let fields = schema::fields_of(&index.schema())
        .map_err(|_| IndexError::Damaged("unexpected schema".into()))?;
    Ok((index, fields, stale || rebuild))
}

/// Removes the index files (not the directory, not the lock).
fn wipe(dir: &Path) -> Result<(), IndexError> {
    for e in std::fs::read_dir(dir)
        .map_err(|e| io_err(dir, e))?
        .flatten()
    {
        let p = e.path();
        if p.is_file()
            && !p
                .file_name()
                .is_some_and(|n| n.to_string_lossy().ends_with(".lock"))
        {
            std::fs::remove_file(&p).map_err(|e| io_err(&p, e))?;
        }
    }
    Ok(())
}

fn file_state(path: &Path) -> std::io::Result<(u64, i128)> {
    let m = std::fs::metadata(path)?;
    let mtime = m
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos() as i128);
    Ok((m.len(), mtime))
}

fn content_hash(path: &Path) -> std::io::Result<String> {
    use std::io::Read;
    let mut f = std::fs::File::open(path)?;
    let mut h: u64 = 0xcbf29ce484222325;
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            break;
        }
        for &b in &buf[..n] {
            h ^= b as u64;
            h = h.wrapping_mul(0x100000001b3);
        }
    }
    Ok(format!("{h:016x}"))
}

fn key_of(path: &Path) -> String {
    std::fs::canonicalize(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .display()
        .to_string()
}

/// Whether `data` is the corpus of the index at `dir`: the index holds files under it, or no
/// files yet. Refreshing it from `data` then updates it rather than mixing another corpus in.
pub fn built_from(dir: &Path, data: &Path) -> bool {
    let root = key_of(data);
    let root = root.trim_end_matches(std::path::MAIN_SEPARATOR);
    let files = super::meta::Meta::load(dir).files;
    files.is_empty()
        || files.keys().any(|k| {
            k == root
                || k.strip_prefix(root)
                    .is_some_and(|rest| rest.starts_with(std::path::MAIN_SEPARATOR))
        })
}

/// Adds new and changed files under `paths` to the index at `dir`.
pub fn ingest(
    dir: &Path,
    paths: &[PathBuf],
    ex: &Extractor,
    opts: &IngestOptions,
) -> Result<IngestReport, IndexError> {
    let started = Instant::now();
    let mut meta = Meta::load(dir);
    let (index, fields, rebuilding) = open_or_create(dir, &mut meta, opts.rebuild)?;
    let mut writer = open_writer(&index, dir)?;
    // No merging while extraction needs both cores: `compact` merges once at the end, so
    // each statement is rewritten once rather than at every level of a log merge.
    writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
    let mut report = IngestReport {
        rebuilt: rebuilding,
        ..Default::default()
    };
    if rebuilding {
        writer.delete_all_documents()?;
        meta.files.clear();
    }
    meta.schema_version = SCHEMA_VERSION;

    let (files, problems) = input::collect_files(paths);
    report.problems.extend(problems);
    report.files_seen = files.len();
    let roots: Vec<String> = paths.iter().map(|p| key_of(p)).collect();

    // What changed since the last ingest.
    let mut todo: Vec<(PathBuf, String, FileState)> = Vec::new();
    let mut present = std::collections::HashSet::new();
    for f in &files {
        let key = key_of(f);
        present.insert(key.clone());
        let Ok((size, mtime_ns)) = file_state(f) else {
            report
                .problems
                .push(format!("{}: cannot read", f.display()));
            continue;
        };
        let old = meta.files.get(&key);
        if old.is_some_and(|o| o.size == size && o.mtime_ns == mtime_ns) {
            report.files_unchanged += 1;
            continue;
        }
        let hash = match content_hash(f) {
            Ok(h) => h,
            Err(e) => {
                report.problems.push(format!("{}: {e}", f.display()));
                continue;
            }
        };
        if let Some(o) = old
            && o.hash == hash
        {
            report.files_unchanged += 1;
            let mut o = o.clone();
            o.size = size;
            o.mtime_ns = mtime_ns;
            meta.files.insert(key, o);
            continue;
        }
        todo.push((
            f.clone(),
            key,
            FileState {
                size,
                mtime_ns,
                hash,
                ..Default::default()
            },
        ));
    }
    // Files that were ingested from these roots before and are gone now.
    let gone: Vec<String> = meta
        .files
        .keys()
        .filter(|k| !present.contains(*k) && roots.iter().any(|r| k.starts_with(r.as_str())))
        .cloned()
        .collect();
    for k in gone {
        writer.delete_term(Term::from_field_text(fields.file, &k));
        meta.files.remove(&k);
        report.files_removed += 1;
    }

    let bar = (opts.progress && std::io::stderr().is_terminal()).then(|| {
        let b = indicatif::ProgressBar::new(todo.iter().map(|t| t.2.size).sum());
        b.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} [{elapsed_precise}] {bar:30} {bytes}/{total_bytes} {msg}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        b
    });
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(1, 8);
    let mut since_commit = 0u64;
    let mut pending: Vec<(String, FileState)> = Vec::new();
    for chunk in todo.chunks(64) {
        for (_, key, _) in chunk {
            writer.delete_term(Term::from_field_text(fields.file, key));
        }
        let per_file_articles: Vec<AtomicU64> = chunk.iter().map(|_| AtomicU64::new(0)).collect();
        let per_file_statements: Vec<AtomicU64> = chunk.iter().map(|_| AtomicU64::new(0)).collect();
        let per_file_bytes: Vec<AtomicU64> = chunk.iter().map(|_| AtomicU64::new(0)).collect();
        let chunk_problems = Mutex::new(Vec::new());
        let failed_files = Mutex::new(Vec::new());
        let add_error = Mutex::new(None);
        let (atx, arx) = sync_channel::<(usize, crate::model::Article)>(256);
        let arx = Mutex::new(arx);
        let mut seen_articles = report.articles;
        std::thread::scope(|s| {
            let (dtx, drx) =
                sync_channel::<(usize, Result<Vec<crate::model::Statement>, String>)>(256);
            let (bar, chunk_problems, failed_files) = (&bar, &chunk_problems, &failed_files);
            s.spawn(move || {
                for (i, (path, _, _)) in chunk.iter().enumerate() {
                    // The bar moves as the file is read (a 12 MB .jsonl.gz used to sit at 0 B
                    // until it ended), and makes up what a file cut short did not read.
                    let counted = AtomicU64::new(0);
                    let read = |n: u64| {
                        counted.fetch_add(n, Ordering::Relaxed);
                        if let Some(b) = &bar {
                            b.inc(n);
                        }
                    };
                    let ok = input::read_file_counted(
                        path,
                        opts.max_file_bytes,
                        &mut |a| {
                            let _ = atx.send((i, a));
                        },
                        &mut |p| chunk_problems.lock().unwrap().push(p),
                        &read,
                    );
                    if !ok {
                        failed_files.lock().unwrap().push(i);
                    }
                    if let Some(b) = &bar {
                        let done = counted.load(Ordering::Relaxed);
                        b.inc(chunk[i].2.size.saturating_sub(done));
                    }
                }
                drop(atx);
            });
            for _ in 0..workers {
                let dtx = dtx.clone();
                let arx = &arx;
                s.spawn(move || {
                    loop {
                        let next = arx.lock().unwrap().recv();
                        let Ok((i, article)) = next else { break };
                        let sts = ex.extract_guarded(&article);
                        if dtx.send((i, sts)).is_err() {
                            break;
                        }
                    }
                });
            }
            drop(dtx);
            for (i, sts) in drx {
                let sts = match sts {
                    Ok(sts) => sts,
                    Err(e) => {
                        chunk_problems.lock().unwrap().push(e);
                        continue;
                    }
                };
                per_file_articles[i].fetch_add(1, Ordering::Relaxed);
                per_file_statements[i].fetch_add(sts.len() as u64, Ordering::Relaxed);
                per_file_bytes[i].fetch_add(
                    sts.iter().map(|s| s.text.len() as u64).sum(),
                    Ordering::Relaxed,
                );
                for st in &sts {
                    if let Err(e) = writer.add_document(to_doc(&fields, st, &chunk[i].1)) {
                        add_error.lock().unwrap().get_or_insert(e);
                    }
                }
                seen_articles += 1;
                if let Some(b) = &bar
                    && seen_articles.is_multiple_of(64)
                {
                    b.set_message(format!("{seen_articles} articles"));
                }
            }
        });
        if let Some(e) = add_error.into_inner().unwrap() {
            return Err(e.into());
        }
        report.problems.extend(chunk_problems.into_inner().unwrap());
        let failed = failed_files.into_inner().unwrap();
        for (i, (_, key, state)) in chunk.iter().enumerate() {
            let arts = per_file_articles[i].load(Ordering::Relaxed);
            let sts = per_file_statements[i].load(Ordering::Relaxed);
            let text_bytes = per_file_bytes[i].load(Ordering::Relaxed);
            report.articles += arts;
            report.statements += sts;
            since_commit += sts;
            if failed.contains(&i) && arts == 0 {
                // Nothing read: do not remember the file, so a fixed file is picked up next time.
                meta.files.remove(key);
                continue;
            }
            report.files_indexed += 1;
            pending.push((
                key.clone(),
                FileState {
                    articles: arts,
                    statements: sts,
                    text_bytes,
                    ..state.clone()
                },
            ));
        }
        if since_commit >= commit_every() {
            commit(&mut writer, &mut meta, &mut pending, dir)?;
            since_commit = 0;
        }
    }
    commit(&mut writer, &mut meta, &mut pending, dir)?;
    if report.statements > 0 || report.files_removed > 0 {
        let unified = super::identity::unify(
            &index,
            &fields,
            &mut writer,
            &ex.gazetteer.words.never_joined,
        )?;
        report.speakers_unified = unified.joined;
        if unified.rewritten > 0 {
            commit(&mut writer, &mut meta, &mut pending, dir)?;
        }
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    writer.wait_merging_threads()?;
    if report.files_indexed > 0 || report.files_removed > 0 || !super::reports::current(&index, dir)
    {
        report.segments = compact(&index, dir)?;
        super::reports::write(&index, dir)?;
    }
    super::group_file::refresh(dir)?;
    if report.files_indexed > 0 || !super::official_names::exists(dir) {
        super::official_names::write(dir, &ex.gazetteer).map_err(|e| io_err(dir, e))?;
    }
    private_files(dir);
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

/// The index's writer, its lock taken: "being updated by another process" when it is held.
fn open_writer(index: &Index, dir: &Path) -> Result<IndexWriter, IndexError> {
    match index.writer(WRITER_MEMORY) {
        Ok(w) => Ok(w),
        Err(tantivy::TantivyError::LockFailure(..)) => Err(IndexError::Locked(dir.to_path_buf())),
        Err(tantivy::TantivyError::IoError(e)) => {
            Err(io_err(dir, std::io::Error::new(e.kind(), e.to_string())))
        }
        Err(e) => Err(e.into()),
    }
}

/// Creates `dir` and any missing parent readable by its owner only (0700): a researcher's
/// collection can be sensitive. A directory that exists is left as its owner set it.
fn private_dir(dir: &Path) -> std::io::Result<()> {
    let mut b = std::fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
    b.create(dir)
}

/// Makes every file of the index readable and writable by its owner only (0600); tantivy
/// creates them with the process umask.
fn private_files(dir: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            if let Ok(m) = e.metadata()
                && m.is_file()
                && m.permissions().mode() & 0o077 != 0
            {
                let _ = std::fs::set_permissions(e.path(), std::fs::Permissions::from_mode(0o600));
            }
        }
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// Merges segments so that a search looks each term up in few of them (a fresh AllSides index
/// has six or more): all into one when the small ones hold an eighth of the statements or
/// more, else the small ones into one beside the big one, so that re-ingesting one file
/// never rewrites a million statements. Atomic like a commit: a kill keeps the segments it
/// started from. Returns the number of segments left.
fn compact(index: &Index, dir: &Path) -> Result<usize, IndexError> {
    let mut metas = index.searchable_segment_metas()?;
    metas.sort_by_key(|m| std::cmp::Reverse(m.num_docs()));
    let largest = metas.first().map_or(0, |m| m.num_docs() as u64);
    let rest: u64 = metas.iter().skip(1).map(|m| m.num_docs() as u64).sum();
    let ids: Vec<_> = if rest * 8 >= largest {
        metas.iter().map(|m| m.id()).collect()
    } else {
        metas.iter().skip(1).map(|m| m.id()).collect()
    };
    if ids.len() <= 1 {
        return Ok(metas.len());
    }
    // A segment's meta held here keeps its files alive through the collection below.
    drop(metas);
    let mut writer = open_writer(index, dir)?;
    writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
    writer.merge(&ids).wait()?;
    // The merged-away segments' files would stay until the next writer: half the disk.
    writer.garbage_collect_files().wait()?;
    writer.wait_merging_threads()?;
    Ok(index.searchable_segment_ids()?.len())
}

fn commit(
    writer: &mut IndexWriter,
    meta: &mut Meta,
    pending: &mut Vec<(String, FileState)>,
    dir: &Path,
) -> Result<(), IndexError> {
    writer.commit().map_err(|e| match e {
        tantivy::TantivyError::IoError(io) => {
            IndexError::Io(format!("{}: cannot write the index: {io}", dir.display()))
        }
        other => other.into(),
    })?;
    for (k, st) in pending.drain(..) {
        meta.files.insert(k, st);
    }
    meta.save(dir).map_err(|e| io_err(dir, e))
}

/// A short stable name for the index of a data directory.
pub fn data_key(data: &Path) -> String {
    let canon = key_of(data);
    let name: String = Path::new(&canon)
        .file_name()
        .map(|n| {
            n.to_string_lossy()
                .chars()
                .filter(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
                .collect()
        })
        .unwrap_or_default();
    format!(
        "{}-{:08x}",
        if name.is_empty() { "data".into() } else { name },
        stable_hash(&[&canon]) as u32
    )
}

/// Per-file statement counts of the last ingest, for tests and `stats`.
pub fn files(dir: &Path) -> BTreeMap<String, FileState> {
    Meta::load(dir).files
}
