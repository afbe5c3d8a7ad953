//! Web archives (`.warc`, `.warc.gz`): each HTTP response record with an HTML body is one
//! article, read like a saved page (`html::read_page`). The record's target URI is the
//! article's address when the page names none; the page's own publication date is preferred to
//! the date it was fetched. Records are read one at a time, so memory stays flat whatever the
//! archive's size; a truncated archive gives the records before the damage and one problem line.
//!
//! A record is identified by its URL and payload digest, not its place in the archive: the
//! statements of a page keep their ids in any archive and at any position, and a page a crawler
//! fetched twice unchanged (same URL, same digest) is read once.

use std::io::{BufRead, Read};

use warc::{RecordType, WarcHeader, WarcReader};

use crate::extract::decode::decode_html;
use crate::model::Article;

/// Reads every HTML response of the archive at `shown`, from the decompressed `reader`.
/// Records over `max_bytes` are skipped with a problem line. Returns false when no record
/// could be read at all.
pub fn read_warc(
    shown: &str,
    reader: impl BufRead,
    max_bytes: u64,
    emit: &mut dyn FnMut(Article),
    problem: &mut dyn FnMut(String),
) -> bool {
    let mut read_any = false;
    let mut seen = std::collections::HashSet::new();
    for (n, record) in WarcReader::new(reader).iter_records().enumerate() {
        let n = n + 1;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let why = match e {
                    warc::Error::UnexpectedEOB | warc::Error::ReadData(_) => {
                        "truncated".to_string()
                    }
                    e => format!("not a valid WARC record ({e})"),
                };
                problem(format!(
                    "{shown}: record {n}: {why}; the rest of the archive skipped"
                ));
                return read_any;
            }
        };
        read_any = true;
        if *record.warc_type() != RecordType::Response {
            continue;
        }
        let http = record
            .header(WarcHeader::ContentType)
            .is_some_and(|t| t.to_lowercase().starts_with("application/http"));
        if !http {
            continue;
        }
        if record.body().len() as u64 > max_bytes {
            problem(format!(
                "{shown}: record {n}: over the size limit (limits.max_file_bytes); skipped"
            ));
            continue;
        }
        let target = record
            .header(WarcHeader::TargetURI)
            .map(|u| u.trim().trim_matches(['<', '>']).to_string());
        let key = record_key(
            target.as_deref(),
            record.header(WarcHeader::PayloadDigest).as_deref(),
            record.body(),
        );
        if !seen.insert(key.clone()) {
            continue;
        }
        let Some(payload) = html_payload(record.body()) else {
            continue;
        };
        let Ok(text) = decode_html(&payload) else {
            continue;
        };
        let page = crate::html::read_page(&text);
        if page.text.trim().is_empty() {
            continue;
        }
        let fetched = record.date().format("%Y-%m-%d").to_string();
        emit(Article {
            source: format!("{shown}#{n}"),
            text: page.text,
            title: page.title,
            date: page.date.or(Some(fetched)),
            outlet: page.outlet,
            url: page.url.or(target),
            from_record: true,
            record_key: Some(key),
        });
    }
    read_any
}

/// A record's identity: its target URL and the digest of its payload (the crawler's
/// `WARC-Payload-Digest`, else a hash of the HTTP response as stored).
fn record_key(target: Option<&str>, digest: Option<&str>, http: &[u8]) -> String {
    let digest = match digest.map(str::trim).filter(|d| !d.is_empty()) {
        Some(d) => d.to_string(),
        None => format!("fnv:{:016x}", crate::extract::stable_hash_bytes([http])),
    };
    format!("{} {digest}", target.unwrap_or(""))
}

/// The body of an HTTP response whose content type is HTML, de-chunked and decompressed.
fn html_payload(http: &[u8]) -> Option<Vec<u8>> {
    let split = http.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = String::from_utf8_lossy(&http[..split]).to_lowercase();
    let body = &http[split + 4..];
    let header = |name: &str| {
        head.lines()
            .find_map(|l| l.strip_prefix(name).map(|v| v.trim().to_string()))
    };
    let status_ok = head
        .lines()
        .next()
        .is_some_and(|l| l.split_whitespace().nth(1) == Some("200"));
    let html = header("content-type:").is_some_and(|t| t.contains("html"));
    if !status_ok || !html {
        return None;
    }
    let body = if header("transfer-encoding:").is_some_and(|t| t.contains("chunked")) {
        dechunk(body)?
    } else {
        body.to_vec()
    };
    match header("content-encoding:").as_deref() {
        Some("gzip") | Some("x-gzip") => {
            let mut out = Vec::new();
            flate2::read::MultiGzDecoder::new(&body[..])
                .read_to_end(&mut out)
                .ok()?;
            Some(out)
        }
        Some("deflate") => {
            let mut out = Vec::new();
            flate2::read::ZlibDecoder::new(&body[..])
                .read_to_end(&mut out)
                .ok()?;
            Some(out)
        }
        _ => Some(body),
    }
}

/// HTTP/1.1 chunked transfer coding: size lines in hex, each followed by that many bytes.
fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    loop {
        let line_end = body.windows(2).position(|w| w == b"\r\n")?;
        let size_text = String::from_utf8_lossy(&body[..line_end]);
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        body = &body[line_end + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(body.get(..size)?);
        body = body.get(size + 2..).unwrap_or_default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_is_its_url_and_payload_digest() {
        let digest = "sha1:UZY6ND6CCHXETFVJD2MSS7ZENMWF7KQ2";
        let a = record_key(Some("https://x.example/a"), Some(digest), b"one body");
        assert_eq!(a, format!("https://x.example/a {digest}"));
        // The crawler's digest, whatever the stored bytes.
        assert_eq!(
            a,
            record_key(Some("https://x.example/a"), Some(digest), b"other")
        );
        assert_ne!(
            a,
            record_key(Some("https://x.example/b"), Some(digest), b"one body")
        );
        // No digest: the body's hash, so the same bytes are the same record.
        let b = record_key(Some("https://x.example/a"), None, b"one body");
        assert!(b.starts_with("https://x.example/a fnv:"), "{b}");
        assert_eq!(
            b,
            record_key(Some("https://x.example/a"), Some(" "), b"one body")
        );
        assert_ne!(
            b,
            record_key(Some("https://x.example/a"), None, b"two body")
        );
    }

    #[test]
    fn chunked_and_gzipped_bodies() {
        let chunked = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n<p>ab\r\n4\r\ncd</\r\n2\r\np>\r\n0\r\n\r\n";
        assert_eq!(html_payload(chunked).unwrap(), b"<p>abcd</p>");
        let mut gz = Vec::new();
        {
            use std::io::Write;
            let mut e = flate2::write::GzEncoder::new(&mut gz, flate2::Compression::fast());
            e.write_all(b"<p>hello</p>").unwrap();
        }
        let mut resp =
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Encoding: gzip\r\n\r\n"
                .to_vec();
        resp.extend_from_slice(&gz);
        assert_eq!(html_payload(&resp).unwrap(), b"<p>hello</p>");
        // Not HTML, or not a success: no article.
        assert!(html_payload(b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\nPNG").is_none());
        assert!(
            html_payload(b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<p>x</p>")
                .is_none()
        );
    }
}
