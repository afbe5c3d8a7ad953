//! `reports.bits`: what ingest worked out about other reports, read back by a search.
//!
//! Per segment (named by id, with its deletion count and size, so that a file made for other
//! segments is never used): one bit per document, set when the document must be looked up at
//! search time; and, for the documents whose other reports ingest settled, the outlets that
//! carried them. A document with neither has certainly no other report.
//!
//! Layout (little-endian): magic; the outlet names (count, then length-prefixed UTF-8); the
//! segment count; per segment its 32-byte id, deleted and max_doc, the bits, the count of
//! settled documents, (doc, first outlet) for each in doc order, the list length and the list
//! of outlet numbers. The lists are read where they lie: opening the file is one read and no
//! parse of its entries, so a search pays for the documents it shows.

use std::ops::Range;
use std::path::Path;

use tantivy::{DocAddress, Searcher};

pub const FILE: &str = "reports.bits";
const MAGIC: &[u8; 8] = b"ORRPT02\n";

/// What ingest knows about one document's other reports.
#[derive(Debug, PartialEq, Eq)]
pub enum Known<'a> {
    /// Certainly none.
    Alone,
    /// The outlets that carried it too, by name.
    Outlets(Vec<&'a str>),
    /// Not settled at ingest: look it up.
    LookUp,
}

/// One segment as ingest left it, to be written.
pub struct SegmentReports {
    pub id: String,
    pub deleted: u32,
    pub max_doc: u32,
    pub look_up: Vec<u8>,
    /// (doc, outlet numbers in name order), by doc.
    pub settled: Vec<(u32, Vec<u32>)>,
}

pub fn encode(outlets: &[String], segments: &[SegmentReports]) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    put(&mut out, outlets.len() as u32);
    for o in outlets {
        let b = &o.as_bytes()[..o.len().min(u16::MAX as usize)];
        out.extend_from_slice(&(b.len() as u16).to_le_bytes());
        out.extend_from_slice(b);
    }
    put(&mut out, segments.len() as u32);
    for s in segments {
        out.extend_from_slice(s.id.as_bytes());
        put(&mut out, s.deleted);
        put(&mut out, s.max_doc);
        out.extend_from_slice(&s.look_up);
        put(&mut out, s.settled.len() as u32);
        let mut first = 0u32;
        for (doc, list) in &s.settled {
            put(&mut out, *doc);
            put(&mut out, first);
            first += list.len() as u32;
        }
        put(&mut out, first);
        for (_, list) in &s.settled {
            list.iter().for_each(|o| put(&mut out, *o));
        }
    }
    out
}

fn put(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// Where one segment's parts lie in the file.
struct Parts {
    look_up: Range<usize>,
    settled: Range<usize>,
    lists: Range<usize>,
}

/// The file's bytes: mapped, so that a search reads only the pages of the documents it shows.
/// Ingest replaces the file by a rename, never in place, so a mapping stays whole.
enum Bytes {
    Mapped(memmap2::Mmap),
    #[cfg(test)]
    Owned(Vec<u8>),
}

impl std::ops::Deref for Bytes {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            Bytes::Mapped(m) => m,
            #[cfg(test)]
            Bytes::Owned(v) => v,
        }
    }
}

/// The file as read, for one searcher's segments (in their order).
pub struct Shared {
    bytes: Bytes,
    outlets: Vec<Range<usize>>,
    by_segment: Vec<Parts>,
}

impl Shared {
    /// The file in `dir`, if it was made for exactly the segments of `searcher`.
    pub fn load(dir: &Path, searcher: &Searcher) -> Option<Shared> {
        let f = std::fs::File::open(dir.join(FILE)).ok()?;
        // SAFETY: the file is only ever replaced whole (temp file + rename), never changed in
        // place, so the mapping's bytes do not change under it.
        let bytes = Bytes::Mapped(unsafe { memmap2::Mmap::map(&f) }.ok()?);
        let segs = searcher.segment_readers();
        let (outlets, mut found) = parse(&bytes)?;
        if found.len() != segs.len() {
            return None;
        }
        let mut by_segment = Vec::with_capacity(segs.len());
        for seg in segs {
            let id = seg.segment_id().uuid_string();
            let at = found.iter().position(|(i, ..)| *i == id.as_bytes())?;
            let (_, deleted, max_doc, parts) = found.swap_remove(at);
            if deleted != seg.num_deleted_docs() || max_doc != seg.max_doc() {
                return None;
            }
            by_segment.push(parts);
        }
        Some(Shared {
            bytes,
            outlets,
            by_segment,
        })
    }

    /// What ingest knows of the document at `addr`.
    pub fn at(&self, addr: DocAddress) -> Known<'_> {
        let Some(p) = self.by_segment.get(addr.segment_ord as usize) else {
            return Known::LookUp;
        };
        let d = addr.doc_id as usize;
        let bits = &self.bytes[p.look_up.clone()];
        if bits.get(d / 8).is_none_or(|b| b & (1 << (d % 8)) != 0) {
            return Known::LookUp;
        }
        let settled = &self.bytes[p.settled.clone()];
        let n = settled.len() / 8;
        let entry = |i: usize| (u32_at(settled, i * 8), u32_at(settled, i * 8 + 4));
        // Binary search by doc over the fixed-size entries.
        let (mut lo, mut hi) = (0, n);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if entry(mid).0 < addr.doc_id {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if lo == n || entry(lo).0 != addr.doc_id {
            return Known::Alone;
        }
        // Entries are not checked when the file is opened (that would read all of it): one
        // that points outside the file is not known.
        let lists = &self.bytes[p.lists.clone()];
        let end = if lo + 1 < n {
            entry(lo + 1).1
        } else {
            (lists.len() / 4) as u32
        } as usize;
        let start = entry(lo).1 as usize;
        if start > end || end * 4 > lists.len() {
            return Known::LookUp;
        }
        let mut names = Vec::with_capacity(end - start);
        for i in start..end {
            let o = u32_at(lists, i * 4) as usize;
            match self.outlets.get(o).map(|r| &self.bytes[r.clone()]) {
                Some(name) => names.push(std::str::from_utf8(name).unwrap_or_default()),
                None => return Known::LookUp,
            }
        }
        Known::Outlets(names)
    }
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().expect("four bytes"))
}

type SegmentParts<'a> = (&'a [u8], u32, u32, Parts);

/// Checks the layout (every part where its length says, nothing after); anything unexpected
/// (short, damaged, foreign, an older version) is no file at all.
fn parse(bytes: &[u8]) -> Option<(Vec<Range<usize>>, Vec<SegmentParts<'_>>)> {
    let mut r = Cursor { bytes, at: 0 };
    if r.take(MAGIC.len())? != MAGIC {
        return None;
    }
    let n_outlets = r.u32()? as usize;
    let mut outlets = Vec::with_capacity(n_outlets.min(1 << 16));
    for _ in 0..n_outlets {
        let len = u16::from_le_bytes(r.take(2)?.try_into().ok()?) as usize;
        let start = r.at;
        std::str::from_utf8(r.take(len)?).ok()?;
        outlets.push(start..start + len);
    }
    let n_segments = r.u32()?;
    let mut segments = Vec::new();
    for _ in 0..n_segments {
        let id = r.take(32)?;
        let deleted = r.u32()?;
        let max_doc = r.u32()?;
        let look_up = r.range((max_doc as usize).div_ceil(8))?;
        let n = r.u32()? as usize;
        let settled = r.range(n.checked_mul(8)?)?;
        let list_len = r.u32()? as usize;
        let lists = r.range(list_len.checked_mul(4)?)?;
        segments.push((
            id,
            deleted,
            max_doc,
            Parts {
                look_up,
                settled,
                lists,
            },
        ));
    }
    (r.at == bytes.len()).then_some((outlets, segments))
}

struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let r = self.range(n)?;
        Some(&self.bytes[r])
    }

    fn range(&mut self, n: usize) -> Option<Range<usize>> {
        let end = self.at.checked_add(n).filter(|e| *e <= self.bytes.len())?;
        let r = self.at..end;
        self.at = end;
        Some(r)
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one_segment(look_up: Vec<u8>, settled: Vec<(u32, Vec<u32>)>) -> Vec<u8> {
        let outlets = ["Reuters".to_string(), "TASS".to_string()];
        encode(
            &outlets,
            &[SegmentReports {
                id: "a".repeat(32),
                deleted: 0,
                max_doc: 12,
                look_up,
                settled,
            }],
        )
    }

    fn shared(bytes: Vec<u8>) -> Shared {
        let (outlets, found) = parse(&bytes).expect("a valid file");
        let by_segment = found.into_iter().map(|(.., p)| p).collect();
        Shared {
            bytes: Bytes::Owned(bytes),
            outlets,
            by_segment,
        }
    }

    #[test]
    fn each_document_is_alone_settled_or_to_look_up() {
        let s = shared(one_segment(
            vec![0b0000_0100, 0],
            vec![(1, vec![0, 1]), (5, vec![1])],
        ));
        let at = |d| s.at(DocAddress::new(0, d));
        assert_eq!(at(0), Known::Alone);
        assert_eq!(at(1), Known::Outlets(vec!["Reuters", "TASS"]));
        assert_eq!(at(2), Known::LookUp);
        assert_eq!(at(5), Known::Outlets(vec!["TASS"]));
        assert_eq!(at(11), Known::Alone);
        // Outside what the file knows: look it up.
        assert_eq!(at(40), Known::LookUp);
        assert_eq!(s.at(DocAddress::new(1, 0)), Known::LookUp);
    }

    #[test]
    fn damaged_foreign_or_older_files_are_no_file() {
        assert!(parse(b"").is_none());
        assert!(parse(b"ORRPT01\n\x00\x00\x00\x00").is_none());
        assert!(parse(b"something else entirely").is_none());
        let good = one_segment(vec![0, 0], vec![(1, vec![0]), (3, vec![1])]);
        assert!(parse(&good).is_some());
        // Cut anywhere, or with anything after it.
        for cut in 0..good.len() {
            assert!(parse(&good[..cut]).is_none(), "cut at {cut}");
        }
        let mut longer = good.clone();
        longer.push(0);
        assert!(parse(&longer).is_none());
    }

    #[test]
    fn an_entry_naming_what_the_file_does_not_hold_is_not_known() {
        let s = shared(one_segment(vec![0, 0], vec![(1, vec![0]), (3, vec![7])]));
        assert_eq!(s.at(DocAddress::new(0, 1)), Known::Outlets(vec!["Reuters"]));
        assert_eq!(s.at(DocAddress::new(0, 3)), Known::LookUp);
    }
}
