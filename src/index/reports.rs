//! Which statements may have other reports, worked out once per ingest.
//!
//! Another outlet's report of a statement shares at least one of its signature bands (the
//! `sig` field). Looking the bands up for each result was most of a search's time (8 bands ×
//! every segment's term dictionary, for each of 50 results), while nine statements in ten share
//! no band with any other. So ingest writes `reports.bits`: per segment, one bit per document,
//! set when one of its bands also belongs to another live document of another outlet dated
//! within three days. A search looks bands up only for the statements whose bit is set.
//!
//! `Store::corroborate` and `Store::other_reports` live here too: the look-up the file spares.
//!
//! The file is only a filter: it names the exact segments (and their deletions) it was made
//! for, and a searcher over any other set — an ingest killed before writing it, a file damaged
//! or missing — ignores it and looks every statement up as before. Answers never depend on it.

use std::collections::HashMap;
use std::path::Path;

use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, Index, Searcher, SegmentReader, Term};

use super::IndexError;
use super::reader::Store;
use crate::model::Statement;

const FILE: &str = "reports.bits";

/// Word-trigram resemblance from which two statements are the same words.
pub const SAME_WORDS: f64 = 0.6;
/// Days apart within which two reports of the same words are one statement.
pub const WITHIN_DAYS: i64 = 3;

/// Whether two statements of one speaker are reports of the same statement: near-identical
/// words (resemblance ≥ 0.6) on dates at most three days apart (an undated one is near any
/// date). The one rule behind `also_reported_by`, the reader's list and `--dedup`.
pub fn same_statement(a_day: Option<i64>, a: &str, b_day: Option<i64>, b: &str) -> bool {
    let near = match (a_day, b_day) {
        (Some(x), Some(y)) => (x - y).abs() <= WITHIN_DAYS,
        _ => true,
    };
    near && crate::extract::signature::resemblance(a, b) >= SAME_WORDS
}
const MAGIC: &[u8; 8] = b"ORRPT01\n";

/// One segment's bits, with what identifies the segment's state.
struct SegmentBits {
    deleted: u32,
    max_doc: u32,
    bits: Vec<u8>,
}

/// The bits of every segment of one searcher.
pub struct Shared {
    by_segment: Vec<Vec<u8>>,
}

impl Shared {
    /// Whether the document at `addr` may have another report (false: certainly none).
    pub fn may_have_reports(&self, addr: DocAddress) -> bool {
        let Some(bits) = self.by_segment.get(addr.segment_ord as usize) else {
            return true;
        };
        let d = addr.doc_id as usize;
        bits.get(d / 8).is_none_or(|b| b & (1 << (d % 8)) != 0)
    }

    /// The bits for `searcher`, if `dir` holds a file made for exactly its segments.
    pub fn load(dir: &Path, searcher: &Searcher) -> Option<Shared> {
        let bytes = std::fs::read(dir.join(FILE)).ok()?;
        let mut files = parse(&bytes)?;
        let segs = searcher.segment_readers();
        if files.len() != segs.len() {
            return None;
        }
        let mut by_segment = Vec::with_capacity(segs.len());
        for seg in segs {
            let b = files.remove(&seg.segment_id().uuid_string())?;
            if b.deleted != seg.num_deleted_docs() || b.max_doc != seg.max_doc() {
                return None;
            }
            by_segment.push(b.bits);
        }
        Some(Shared { by_segment })
    }
}

/// Whether `dir` holds a readable reports file made for the index as it now is.
pub fn current(index: &Index, dir: &Path) -> bool {
    index
        .reader()
        .is_ok_and(|r| Shared::load(dir, &r.searcher()).is_some())
}

/// Works the bits out for the index as it now is and writes them (temp file + rename).
///
/// A document's bit is set when another live document shares one of its bands (the same
/// speaker's near-identical words), carries an outlet other than its own and is dated within
/// three days of it (or either is undated): the conditions `other_reports` checks before it
/// compares words. Only those can be another report; copies of a statement a week apart, or by
/// the same outlet, are not looked up at search time.
pub fn write(index: &Index, dir: &Path) -> Result<(), IndexError> {
    let reader = index.reader()?;
    let searcher = reader.searcher();
    let segs = searcher.segment_readers();
    let docs = Docs::read(segs)?;
    let mut bits: Vec<Vec<u8>> = segs
        .iter()
        .map(|s| vec![0u8; (s.max_doc() as usize).div_ceil(8)])
        .collect();
    // (band, document) for every live document, grouped by band; done in passes over a slice
    // of the band space so a large index never holds every pair at once.
    let passes = (docs.total / 500_000).max(1) as u64;
    let mut pairs: Vec<(u64, u32)> = Vec::new();
    let mut doc_bands: Vec<u64> = Vec::new();
    for pass in 0..passes {
        pairs.clear();
        for (s, seg) in segs.iter().enumerate() {
            for doc in live_docs(seg) {
                doc_bands.clear();
                doc_bands.extend(docs.sig[s].values_for_doc(doc));
                doc_bands.sort_unstable();
                doc_bands.dedup();
                let global = docs.base[s] + doc;
                pairs.extend(
                    doc_bands
                        .iter()
                        .filter(|b| *b % passes == pass)
                        .map(|b| (*b, global)),
                );
            }
        }
        pairs.sort_unstable();
        for group in pairs.chunk_by(|a, b| a.0 == b.0) {
            mark_reports(group, &docs.outlet, &docs.day, |global| {
                let (s, d) = docs.locate(global);
                bits[s][d as usize / 8] |= 1 << (d % 8);
            });
        }
    }
    let mut out = MAGIC.to_vec();
    out.extend_from_slice(&(segs.len() as u32).to_le_bytes());
    for (seg, bits) in segs.iter().zip(&bits) {
        out.extend_from_slice(seg.segment_id().uuid_string().as_bytes());
        out.extend_from_slice(&seg.num_deleted_docs().to_le_bytes());
        out.extend_from_slice(&seg.max_doc().to_le_bytes());
        out.extend_from_slice(bits);
    }
    let tmp = dir.join(format!("{FILE}.tmp"));
    let io = |e: std::io::Error| IndexError::Io(format!("{}: cannot write: {e}", tmp.display()));
    std::fs::write(&tmp, &out).map_err(io)?;
    std::fs::rename(&tmp, dir.join(FILE)).map_err(io)?;
    Ok(())
}

/// A band shared by more documents than this marks them all: comparing every pair of a
/// speaker's stock phrase repeated thousands of times would cost more than looking them up.
const LARGEST_COMPARED: usize = 64;

/// Calls `set` for each document of one band's group that another member could be a report
/// of (`outlet` and `day` by document number).
fn mark_reports(group: &[(u64, u32)], outlet: &[u32], day: &[i32], mut set: impl FnMut(u32)) {
    if group.len() < 2 {
        return;
    }
    if group.len() > LARGEST_COMPARED {
        group.iter().for_each(|(_, g)| set(*g));
        return;
    }
    for (i, &(_, a)) in group.iter().enumerate() {
        for &(_, b) in &group[i + 1..] {
            let (oa, ob) = (outlet[a as usize], outlet[b as usize]);
            let near = match (day[a as usize], day[b as usize]) {
                (NO_DAY, _) | (_, NO_DAY) => true,
                (x, y) => (x - y).abs() <= WITHIN_DAYS as i32,
            };
            if !near || oa == ob {
                continue;
            }
            // Another report has an outlet of its own; a statement without one may still
            // have reports elsewhere.
            if ob != NO_OUTLET {
                set(a);
            }
            if oa != NO_OUTLET {
                set(b);
            }
        }
    }
}

const NO_DAY: i32 = i32::MIN;
const NO_OUTLET: u32 = u32::MAX;

/// What the bits are worked out from, for every document of the searcher, numbered across
/// segments (`base[s] + doc`).
struct Docs {
    sig: Vec<tantivy::columnar::Column<u64>>,
    base: Vec<u32>,
    total: usize,
    /// Outlet, as a number shared by every segment.
    outlet: Vec<u32>,
    /// Day number of the date.
    day: Vec<i32>,
}

impl Docs {
    fn read(segs: &[SegmentReader]) -> Result<Docs, IndexError> {
        let mut docs = Docs {
            sig: Vec::with_capacity(segs.len()),
            base: Vec::with_capacity(segs.len()),
            total: 0,
            outlet: Vec::new(),
            day: Vec::new(),
        };
        let mut outlets: HashMap<String, u32> = HashMap::new();
        for seg in segs {
            let fast = seg.fast_fields();
            docs.sig.push(fast.u64("sig")?);
            docs.base.push(docs.total as u32);
            docs.total += seg.max_doc() as usize;
            let names: Vec<u32> = fast
                .str("outlet")?
                .map(|c| {
                    super::collect::all_terms(&c)
                        .into_iter()
                        .map(|n| {
                            let next = outlets.len() as u32;
                            *outlets.entry(n).or_insert(next)
                        })
                        .collect()
                })
                .unwrap_or_default();
            let outlet_col = fast.str("outlet")?;
            let date_col = fast.column_opt::<tantivy::DateTime>("date")?;
            for doc in 0..seg.max_doc() {
                docs.outlet.push(
                    outlet_col
                        .as_ref()
                        .and_then(|c| c.term_ords(doc).next())
                        .and_then(|o| names.get(o as usize).copied())
                        .unwrap_or(NO_OUTLET),
                );
                docs.day.push(
                    date_col
                        .as_ref()
                        .and_then(|c| c.first(doc))
                        .map_or(NO_DAY, |d| day_number_of(d.into_timestamp_secs())),
                );
            }
        }
        Ok(docs)
    }

    /// (segment, document) of a number.
    fn locate(&self, global: u32) -> (usize, u32) {
        let s = self.base.partition_point(|b| *b <= global) - 1;
        (s, global - self.base[s])
    }
}

/// Day number of a timestamp, counted as `reader::day_number` counts.
fn day_number_of(secs: i64) -> i32 {
    use chrono::Datelike;
    chrono::DateTime::from_timestamp(secs, 0).map_or(NO_DAY, |d| d.date_naive().num_days_from_ce())
}

impl Store {
    /// Fills `also_reported_by` of each statement: other outlets whose articles carry the same
    /// speaker saying near-identical words (word-trigram resemblance ≥ 0.6) within three days.
    /// A wire copy run by one outlet twice, or by the statement's own outlet, counts once.
    pub fn corroborate(&self, statements: &mut [Statement]) -> Result<(), IndexError> {
        for st in statements.iter_mut() {
            let reports = self.other_reports(st)?;
            let outlets: std::collections::BTreeSet<String> =
                reports.into_iter().map(|(o, _)| o).collect();
            st.also_reported_by = outlets.into_iter().collect();
        }
        Ok(())
    }

    /// The other reports of `st`: (outlet, the words as that outlet carried them), by outlet.
    pub fn other_reports(&self, st: &Statement) -> Result<Vec<(String, String)>, IndexError> {
        let searcher = self.searcher();
        if self.certainly_alone(&searcher, st) {
            return Ok(Vec::new());
        }
        {
            let bands = crate::extract::signature::bands(&st.speaker, &st.text);
            let q: Vec<(Occur, Box<dyn Query>)> = bands
                .iter()
                .map(|b| {
                    let t = Term::from_field_u64(self.fields.sig, *b);
                    (
                        Occur::Should,
                        Box::new(TermQuery::new(t, IndexRecordOption::Basic)) as Box<dyn Query>,
                    )
                })
                .collect();
            // Only the same speaker's words in another outlet can be another report: asking
            // the index for exactly those leaves most statements with no candidate at all, so
            // nothing is loaded for them.
            let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![
                (Occur::Must, Box::new(BooleanQuery::new(q))),
                (
                    Occur::Must,
                    Box::new(TermQuery::new(
                        Term::from_field_text(self.fields.speaker, &st.speaker),
                        IndexRecordOption::Basic,
                    )),
                ),
            ];
            if let Some(o) = &st.outlet {
                clauses.push((
                    Occur::MustNot,
                    Box::new(TermQuery::new(
                        Term::from_field_text(self.fields.outlet, o),
                        IndexRecordOption::Basic,
                    )),
                ));
            }
            let q = BooleanQuery::new(clauses);
            // Which ones, not how alike: no scores (scoring looks every term up twice).
            let mut hits: Vec<DocAddress> = searcher
                .search(&q, &tantivy::collector::DocSetCollector)?
                .into_iter()
                .collect();
            hits.sort_unstable();
            hits.truncate(64);

            let mut outlets: std::collections::BTreeMap<String, String> = Default::default();
            let day = st.date.as_deref().and_then(super::reader::day_number);
            for addr in hits {
                // Dated too far apart is another statement: known from the date column,
                // without reading the stored record.
                if let (Some(day), Some(other_day)) = (day, day_of(&searcher, addr))
                    && (day - other_day).abs() > WITHIN_DAYS
                {
                    continue;
                }
                let other = self.load(&searcher, addr)?;
                // Another article (a JSONL record is an article of its own).
                if other.id == st.id || other.speaker != st.speaker || other.source == st.source {
                    continue;
                }
                let Some(outlet) = other.outlet.clone() else {
                    continue;
                };
                if Some(&outlet) == st.outlet.as_ref() {
                    continue;
                }
                if same_statement(
                    st.date.as_deref().and_then(super::reader::day_number),
                    &st.text,
                    other.date.as_deref().and_then(super::reader::day_number),
                    &other.text,
                ) {
                    outlets.entry(outlet).or_insert(other.text);
                }
            }
            Ok(outlets.into_iter().collect())
        }
    }

    /// Whether `st` certainly has no other report: none of its bands belongs to another
    /// statement, as worked out at ingest. False when that is not known.
    fn certainly_alone(&self, searcher: &Searcher, st: &Statement) -> bool {
        let Some(shared) = self
            .shared
            .get_or_init(|| Shared::load(&self.dir, searcher))
        else {
            return false;
        };
        let served = self
            .served
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&st.id)
            .copied();
        let addr = served.or_else(|| {
            let q = TermQuery::new(
                Term::from_field_text(self.fields.id, &st.id),
                IndexRecordOption::Basic,
            );
            let found = searcher.search(&q, &tantivy::collector::DocSetCollector);
            found.ok().and_then(|f| f.into_iter().next())
        });
        addr.is_some_and(|a| !shared.may_have_reports(a))
    }
}

/// The day number (as `reader::day_number` counts) of the document's date, if it has one.
fn day_of(searcher: &Searcher, addr: DocAddress) -> Option<i64> {
    let column = searcher
        .segment_reader(addr.segment_ord)
        .fast_fields()
        .column_opt::<tantivy::DateTime>("date")
        .ok()??;
    let day = day_number_of(column.first(addr.doc_id)?.into_timestamp_secs());
    (day != NO_DAY).then_some(day as i64)
}

fn live_docs(seg: &SegmentReader) -> impl Iterator<Item = u32> + '_ {
    (0..seg.max_doc()).filter(move |d| seg.alive_bitset().is_none_or(|a| a.is_alive(*d)))
}

/// Reads the file; anything unexpected (short, damaged, foreign) is no file at all.
fn parse(bytes: &[u8]) -> Option<HashMap<String, SegmentBits>> {
    let rest = bytes.strip_prefix(MAGIC.as_slice())?;
    let (n, mut rest) = take_u32(rest)?;
    let mut out = HashMap::new();
    for _ in 0..n {
        let (id, r) = rest.split_at_checked(32)?;
        let id = std::str::from_utf8(id).ok()?.to_string();
        let (deleted, r) = take_u32(r)?;
        let (max_doc, r) = take_u32(r)?;
        let (bits, r) = r.split_at_checked((max_doc as usize).div_ceil(8))?;
        out.insert(
            id,
            SegmentBits {
                deleted,
                max_doc,
                bits: bits.to_vec(),
            },
        );
        rest = r;
    }
    rest.is_empty().then_some(out)
}

fn take_u32(b: &[u8]) -> Option<(u32, &[u8])> {
    let (head, rest) = b.split_at_checked(4)?;
    Some((u32::from_le_bytes(head.try_into().ok()?), rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    const WORDS: [&str; 12] = [
        "talks",
        "with",
        "moscow",
        "will",
        "resume",
        "in",
        "geneva",
        "next",
        "month",
        "without",
        "any",
        "preconditions",
    ];

    #[test]
    fn same_statement_at_the_resemblance_threshold() {
        let a = WORDS.join(" "); // ten word trigrams
        // The first eight words: six of a's ten trigrams, none of its own, resemblance 0.6.
        let at = WORDS[..8].join(" ");
        assert_eq!(crate::extract::signature::resemblance(&a, &at), 0.6);
        assert!(same_statement(Some(10), &a, Some(10), &at));
        // One word fewer: 0.5, another statement.
        let below = WORDS[..7].join(" ");
        assert_eq!(crate::extract::signature::resemblance(&a, &below), 0.5);
        assert!(!same_statement(Some(10), &a, Some(10), &below));
    }

    #[test]
    fn same_statement_within_three_days_either_way() {
        let a = WORDS.join(" ");
        for (d, same) in [(0, true), (3, true), (-3, true), (4, false), (-4, false)] {
            assert_eq!(
                same_statement(Some(100), &a, Some(100 + d), &a),
                same,
                "{d} days apart"
            );
        }
        // No date on either side: the words decide.
        assert!(same_statement(None, &a, Some(100), &a));
        assert!(same_statement(Some(100), &a, None, &a));
    }

    #[test]
    fn damaged_or_foreign_files_are_no_file() {
        assert!(parse(b"").is_none());
        assert!(parse(b"ORRPT01\n").is_none());
        assert!(parse(b"something else entirely").is_none());
        // One segment announced, none present.
        let mut b = MAGIC.to_vec();
        b.extend_from_slice(&1u32.to_le_bytes());
        assert!(parse(&b).is_none());
        // A whole segment, then trailing garbage.
        b.extend_from_slice(&[b'a'; 32]);
        b.extend_from_slice(&0u32.to_le_bytes());
        b.extend_from_slice(&9u32.to_le_bytes());
        b.extend_from_slice(&[0b1000_0001, 1]);
        let ok = parse(&b).unwrap();
        assert_eq!(ok["a".repeat(32).as_str()].bits, vec![0b1000_0001, 1]);
        b.push(0);
        assert!(parse(&b).is_none());
    }

    /// Which documents of one band's group `mark_reports` marks.
    fn marked(outlet: &[u32], day: &[i32]) -> Vec<u32> {
        let group: Vec<(u64, u32)> = (0..outlet.len() as u32).map(|d| (7, d)).collect();
        let mut out = Vec::new();
        mark_reports(&group, outlet, day, |d| out.push(d));
        out.sort_unstable();
        out.dedup();
        out
    }

    #[test]
    fn a_band_marks_only_what_could_be_another_outlets_report_within_three_days() {
        // Alone in its band: nothing to look up.
        assert!(marked(&[1], &[100]).is_empty());
        // Two outlets, two days apart: both.
        assert_eq!(marked(&[1, 2], &[100, 102]), [0, 1]);
        // A week apart (the same words re-run later), or the same outlet twice: neither.
        assert!(marked(&[1, 2], &[100, 107]).is_empty());
        assert!(marked(&[1, 1], &[100, 100]).is_empty());
        // Undated on either side: the date cannot rule it out.
        assert_eq!(marked(&[1, 2], &[NO_DAY, 300]), [0, 1]);
        // A statement without an outlet may have reports; it is no one's other report.
        assert_eq!(marked(&[NO_OUTLET, 2], &[100, 100]), [0]);
        assert!(marked(&[NO_OUTLET, NO_OUTLET], &[100, 100]).is_empty());
        // Only the pairs that qualify: 0 and 2 are near, 1 is a week later.
        assert_eq!(marked(&[1, 2, 3], &[100, 107, 101]), [0, 2]);
    }

    #[test]
    fn a_band_too_common_to_compare_marks_every_member() {
        let n = LARGEST_COMPARED + 1;
        let all: Vec<u32> = (0..n as u32).collect();
        assert_eq!(marked(&vec![1; n], &vec![100; n]), all);
    }

    #[test]
    fn bits_say_which_documents_may_have_reports() {
        let s = Shared {
            by_segment: vec![vec![0b0000_0010]],
        };
        assert!(!s.may_have_reports(DocAddress::new(0, 0)));
        assert!(s.may_have_reports(DocAddress::new(0, 1)));
        // Outside what the file knows: look it up.
        assert!(s.may_have_reports(DocAddress::new(0, 9)));
        assert!(s.may_have_reports(DocAddress::new(1, 0)));
    }
}
