//! Reading inputs: files and directories of `.txt`/`.html`, `.json`/`.jsonl` records, and
//! their `.gz`/`.zst` forms, into `Article`s. Problems are reported per file (and line) and
//! never stop the rest.

use std::collections::HashSet;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use crate::extract::decode::{decode, decode_html};
use crate::extract::meta::parse_date;
use crate::model::Article;

/// A line longer than this is not article text (minified data, a binary blob).
pub const MAX_LINE_BYTES: usize = 1 << 20;

fn eprintln_note(msg: &str) {
    eprintln!("onrecord: note: {msg}");
}

const ARTICLE_EXTS: &[&str] = &[
    "txt", "text", "html", "htm", "xhtml", "warc", "json", "jsonl", "ndjson", "md",
];

/// One problem with one input, printed as a single line.
pub type Problem = String;

/// Lists the article files under `paths`: directories recursively (symlink loops are visited
/// once), explicit files whatever their extension.
pub fn collect_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Problem>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    for p in paths {
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => walk(p, &mut files, &mut problems, &mut seen),
            Ok(_) => files.push(p.clone()),
            Err(e) => problems.push(format!("{}: {}", p.display(), io_reason(&e))),
        }
    }
    (files, problems)
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

fn is_article_name(p: &Path) -> bool {
    let name = p
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let name = name
        .strip_suffix(".gz")
        .or_else(|| name.strip_suffix(".zst"))
        .unwrap_or(&name);
    match name.rsplit_once('.') {
        Some((_, ext)) => ARTICLE_EXTS.contains(&ext),
        None => false,
    }
}

fn walk(
    dir: &Path,
    files: &mut Vec<PathBuf>,
    problems: &mut Vec<Problem>,
    seen: &mut HashSet<PathBuf>,
) {
    let canon = match std::fs::canonicalize(dir) {
        Ok(c) => c,
        Err(e) => {
            problems.push(format!("{}: {}", dir.display(), io_reason(&e)));
            return;
        }
    };
    if !seen.insert(canon) {
        return; // a symlink loop, or the same directory twice
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            problems.push(format!("{}: {}", dir.display(), io_reason(&e)));
            return;
        }
    };
    let mut list: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    list.sort();
    for p in list {
        match std::fs::metadata(&p) {
            Ok(m) if m.is_dir() => walk(&p, files, problems, seen),
            Ok(_) if is_article_name(&p) => files.push(p),
            Ok(_) => {}
            Err(e) => problems.push(format!("{}: {}", p.display(), io_reason(&e))),
        }
    }
}

/// Counts the bytes read from the file itself (compressed ones for .gz/.zst), for a progress
/// bar that moves inside one big file.
struct Counted<'a, R> {
    inner: R,
    read: &'a dyn Fn(u64),
}

impl<R: Read> Read for Counted<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        (self.read)(n as u64);
        Ok(n)
    }
}

fn open_decompressed<'a>(
    path: &Path,
    read: &'a dyn Fn(u64),
) -> std::io::Result<Box<dyn Read + 'a>> {
    let f = Counted {
        inner: File::open(path)?,
        read,
    };
    let name = path.to_string_lossy().to_lowercase();
    Ok(if name.ends_with(".gz") {
        Box::new(flate2::read::MultiGzDecoder::new(f))
    } else if name.ends_with(".zst") {
        Box::new(zstd::stream::read::Decoder::new(f)?)
    } else {
        Box::new(f)
    })
}

fn inner_ext(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let name = name
        .strip_suffix(".gz")
        .or_else(|| name.strip_suffix(".zst"))
        .unwrap_or(&name)
        .to_string();
    name.rsplit_once('.')
        .map(|(_, e)| e.to_string())
        .unwrap_or_default()
}

/// Reads one input file and hands each article to `emit`; problems go to `problem`.
/// Returns false when the file as a whole could not be read.
pub fn read_file(
    path: &Path,
    max_bytes: u64,
    emit: &mut dyn FnMut(Article),
    problem: &mut dyn FnMut(Problem),
) -> bool {
    read_file_counted(path, max_bytes, emit, problem, &|_| {})
}

/// `read_file`, telling `read` how many bytes of the file each read took (for progress).
pub fn read_file_counted(
    path: &Path,
    max_bytes: u64,
    emit: &mut dyn FnMut(Article),
    problem: &mut dyn FnMut(Problem),
    read: &dyn Fn(u64),
) -> bool {
    let emit = &mut |a: Article| emit(a.with_tidy_metadata());
    let shown = path.display();
    // A web archive is read record by record: the size limit applies to each record.
    let archive = inner_ext(path) == "warc";
    let file_len = match std::fs::metadata(path) {
        Ok(m) if m.len() > max_bytes && !archive => {
            problem(format!(
                "{shown}: {} is over the size limit of {} (limits.max_file_bytes in config.toml); skipped",
                human_bytes(m.len()),
                human_bytes(max_bytes)
            ));
            return false;
        }
        Ok(m) if m.is_dir() => {
            problem(format!("{shown}: is a directory"));
            return false;
        }
        Ok(m) => m.len(),
        Err(e) => {
            problem(format!("{shown}: {}", io_reason(&e)));
            return false;
        }
    };
    let reader = match open_decompressed(path, read) {
        Ok(r) => r,
        Err(e) => {
            problem(format!("{shown}: {}", io_reason(&e)));
            return false;
        }
    };
    let ext = inner_ext(path);
    match ext.as_str() {
        "jsonl" | "ndjson" => read_jsonl(path, reader, max_bytes, emit, problem),
        "warc" => crate::archive::read_warc(
            &shown.to_string(),
            BufReader::new(reader),
            max_bytes,
            emit,
            problem,
        ),
        "json" => {
            let Some(bytes) = read_bounded(path, reader, file_len, max_bytes, problem) else {
                return false;
            };
            let source = path.display().to_string();
            match serde_json::from_slice::<serde_json::Value>(&bytes) {
                Ok(serde_json::Value::Array(items)) => {
                    for (i, v) in items.into_iter().enumerate() {
                        match record(&v, format!("{source}#{}", i + 1)) {
                            Some(a) => emit(a),
                            None => problem(format!("{shown}: record {} has no text field", i + 1)),
                        }
                    }
                    true
                }
                Ok(v) => match record(&v, source) {
                    Some(a) => {
                        emit(a);
                        true
                    }
                    None => {
                        problem(format!("{shown}: no text field (text, content or body)"));
                        false
                    }
                },
                Err(e) => {
                    problem(format!("{shown}:{}: not valid JSON ({})", e.line(), e));
                    false
                }
            }
        }
        "html" | "htm" | "xhtml" => {
            let Some(bytes) = read_bounded(path, reader, file_len, max_bytes, problem) else {
                return false;
            };
            match decode_html(&bytes) {
                Ok(text) => {
                    let page = crate::html::read_page(&text);
                    if page.text.trim().is_empty() {
                        problem(format!("{shown}: a web page with no text; skipped"));
                        return false;
                    }
                    emit(Article {
                        source: path.display().to_string(),
                        text: page.text,
                        title: page.title,
                        date: page.date.filter(|d| plausible_date(d)),
                        outlet: page.outlet,
                        url: page.url,
                        from_record: false,
                        record_key: None,
                    });
                    true
                }
                Err(e) => {
                    problem(format!("{shown}: {e}; skipped"));
                    false
                }
            }
        }
        _ => {
            let Some(bytes) = read_bounded(path, reader, file_len, max_bytes, problem) else {
                return false;
            };
            if let Some(longest) = bytes.split(|&b| b == b'\n').map(<[u8]>::len).max()
                && longest > MAX_LINE_BYTES
            {
                problem(format!(
                    "{shown}: has a line of {}, longer than {} of any article text; skipped",
                    human_bytes(longest as u64),
                    human_bytes(MAX_LINE_BYTES as u64)
                ));
                return false;
            }
            match decode(&bytes) {
                Ok(text) => {
                    if std::str::from_utf8(&bytes).is_err()
                        && !bytes.starts_with(&[0xFF, 0xFE])
                        && !bytes.starts_with(&[0xFE, 0xFF])
                    {
                        eprintln_note(&format!(
                            "{shown}: not UTF-8; decoded with a detected legacy encoding"
                        ));
                    }
                    emit(Article {
                        source: path.display().to_string(),
                        text,
                        ..Article::default()
                    });
                    true
                }
                Err(e) => {
                    problem(format!("{shown}: {e}; skipped"));
                    false
                }
            }
        }
    }
}

/// The whole of a file, or `None` past `max_bytes`. `file_len` (the size on disk, all of a
/// plain file and a floor for a compressed one) sizes the buffer once instead of doubling it.
fn read_bounded(
    path: &Path,
    reader: Box<dyn Read + '_>,
    file_len: u64,
    max_bytes: u64,
    problem: &mut dyn FnMut(Problem),
) -> Option<Vec<u8>> {
    let mut bytes = Vec::with_capacity(file_len.min(max_bytes) as usize + 1);
    match reader.take(max_bytes + 1).read_to_end(&mut bytes) {
        Ok(_) if bytes.len() as u64 > max_bytes => {
            problem(format!(
                "{}: decompresses to more than the size limit of {}; skipped",
                path.display(),
                human_bytes(max_bytes)
            ));
            None
        }
        Ok(_) => Some(bytes),
        Err(e) => {
            problem(format!(
                "{}: cannot read: {}",
                path.display(),
                compress_reason(&e)
            ));
            None
        }
    }
}

fn compress_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::UnexpectedEof => "truncated or corrupt compressed data".into(),
        _ => e.to_string(),
    }
}

fn read_jsonl(
    path: &Path,
    reader: Box<dyn Read + '_>,
    max_bytes: u64,
    emit: &mut dyn FnMut(Article),
    problem: &mut dyn FnMut(Problem),
) -> bool {
    let shown = path.display();
    let source = path.display().to_string();
    let mut r = BufReader::with_capacity(1 << 20, reader);
    let mut line = Vec::new();
    let mut n = 0usize;
    loop {
        line.clear();
        n += 1;
        // Lines longer than the limit are skipped without holding them in memory.
        let mut limited = (&mut r).take(max_bytes + 1);
        match limited.read_until(b'\n', &mut line) {
            Ok(0) => return true,
            Ok(_) => {}
            Err(e) => {
                problem(format!("{shown}:{n}: cannot read: {}", compress_reason(&e)));
                return false;
            }
        }
        if line.len() as u64 > max_bytes {
            problem(format!("{shown}:{n}: line over the size limit; skipped"));
            let mut sink = Vec::new();
            if r.read_until(b'\n', &mut sink).is_err() {
                return false;
            }
            continue;
        }
        let text = String::from_utf8_lossy(&line);
        let t = text.trim();
        if t.is_empty() {
            continue;
        }
        match serde_json::from_str::<serde_json::Value>(t) {
            Ok(v) => match record(&v, format!("{source}#{n}")) {
                Some(a) => emit(a),
                None => problem(format!(
                    "{shown}:{n}: no text field (text, content or body); skipped"
                )),
            },
            Err(e) => problem(format!(
                "{shown}:{n}: not valid JSON ({}); skipped",
                e.to_string().split(" at line").next().unwrap_or("")
            )),
        }
    }
}

fn field<'a>(v: &'a serde_json::Value, names: &[&str]) -> Option<&'a str> {
    names
        .iter()
        .find_map(|n| v.get(*n).and_then(|x| x.as_str()))
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// A JSON record → article: text/content/content_original/body, title, date, source/outlet, url.
fn record(v: &serde_json::Value, source: String) -> Option<Article> {
    let text = field(v, &["text", "content", "content_original", "body"])?;
    Some(Article {
        source,
        text: text.to_string(),
        title: field(v, &["title", "headline"]).map(str::to_string),
        date: field(v, &["date", "published", "publication_date"])
            .and_then(parse_date)
            .filter(|d| plausible_date(d)),
        outlet: field(v, &["outlet", "source", "publisher"]).map(str::to_string),
        url: field(v, &["url", "link"]).map(str::to_string),
        from_record: true,
        record_key: None,
    })
}

/// Scraped dates lie ("0001-11-30", 2050): a date before 1990 or in the future is not believed.
fn plausible_date(d: &str) -> bool {
    let tomorrow = (chrono::Utc::now() + chrono::Duration::days(1))
        .format("%Y-%m-%d")
        .to_string();
    d >= "1990-01-01" && d <= tomorrow.as_str()
}

pub fn human_bytes(n: u64) -> String {
    const UNITS: [&str; 5] = ["B", "KiB", "MiB", "GiB", "TiB"];
    let mut v = n as f64;
    let mut u = 0;
    while v >= 1024.0 && u + 1 < UNITS.len() {
        v /= 1024.0;
        u += 1;
    }
    if u == 0 {
        format!("{n} B")
    } else {
        format!("{v:.1} {}", UNITS[u])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_counts_every_byte_of_the_file_as_it_is_read() {
        use std::io::Write;
        let dir = std::env::temp_dir().join(format!("onrecord-counted-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("a.jsonl.gz");
        let mut gz = flate2::write::GzEncoder::new(
            File::create(&path).unwrap(),
            flate2::Compression::fast(),
        );
        for i in 0..3000 {
            // Varied text, so that the compressed file is big enough for many reads.
            writeln!(
                gz,
                "{{\"text\": \"Minister {i} said {} things.\"}}",
                i * 7919 % 104_729
            )
            .unwrap();
        }
        gz.finish().unwrap();
        let size = std::fs::metadata(&path).unwrap().len();
        let total = std::sync::atomic::AtomicU64::new(0);
        let calls = std::sync::atomic::AtomicU64::new(0);
        let mut articles = 0;
        let ok = read_file_counted(
            &path,
            1 << 30,
            &mut |_| articles += 1,
            &mut |p| panic!("{p}"),
            &|n| {
                total.fetch_add(n, std::sync::atomic::Ordering::Relaxed);
                calls.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            },
        );
        assert!(ok);
        assert_eq!(articles, 3000);
        assert_eq!(
            total.into_inner(),
            size,
            "every byte of the file, compressed"
        );
        assert!(
            calls.into_inner() > 1,
            "counted as it is read, not once at the end"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn metadata_is_one_clean_line_whatever_the_record_holds() {
        // Found by fuzzing `read_file`: a title with line breaks, an outlet with an escape
        // sequence, a URL of white space.
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.jsonl");
        let rec = serde_json::json!({
            "text": "\"Yes,\" he said.",
            "title": "China Once Looked Tough.\n\nImage copyright\tReuters ",
            "source": "\u{1b}]52;c;aGVsbG8=\u{7}The \u{202e}Times",
            "url": " \n ",
        });
        std::fs::write(&p, format!("{rec}\n")).unwrap();
        let mut got = Vec::new();
        assert!(read_file(
            &p,
            1 << 20,
            &mut |a| got.push(a),
            &mut |e| panic!("{e}")
        ));
        assert_eq!(
            got[0].title.as_deref(),
            Some("China Once Looked Tough. Image copyright Reuters")
        );
        assert_eq!(got[0].outlet.as_deref(), Some("The Times"));
        assert_eq!(got[0].url, None);
    }

    #[test]
    fn jsonl_records_and_bad_lines() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.jsonl");
        std::fs::write(&p, "{\"content_original\":\"Hello there, he said.\",\"source\":\"CNN\",\"date\":\"7/23/17\"}\n{bad json\n{\"title\":\"no text\"}\n").unwrap();
        let mut arts = Vec::new();
        let mut probs = Vec::new();
        read_file(&p, 1 << 20, &mut |a| arts.push(a), &mut |m| probs.push(m));
        assert_eq!(arts.len(), 1);
        assert_eq!(arts[0].outlet.as_deref(), Some("CNN"));
        assert_eq!(arts[0].date.as_deref(), Some("2017-07-23"));
        assert_eq!(probs.len(), 2);
        assert!(probs[0].contains("a.jsonl:2:"), "{probs:?}");
    }
}
