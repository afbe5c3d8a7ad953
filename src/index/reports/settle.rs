//! Other reports worked out at ingest, for the whole index at once, so that a search reads
//! `also_reported_by` from `reports.bits` rather than asking the index for each result.
//!
//! Another report of a statement shares one of its signature bands (the same speaker's
//! near-identical words). Grouping every live document by band gives the candidates; those of
//! another outlet dated within three days are compared as a search would compare them
//! (`is_report`). Only the statements involved are read from the store, in index order.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use tantivy::columnar::Column;
use tantivy::schema::Value;
use tantivy::{DocAddress, Index, SegmentReader, TantivyDocument};

use super::file::{self, SegmentReports};
use super::{Brief, WITHIN_DAYS, is_report};
use crate::index::IndexError;

/// The candidates a search-time look-up reads at most (`other_reports`): a statement with more
/// band-sharing documents than this is left to search time, which gives the same answer. So a
/// band shared by more (a speaker's stock phrase repeated thousands of times) is never compared
/// pair by pair.
pub const SEARCH_READS: usize = 64;

/// Works out the other reports of every statement of the index as it now is and writes
/// `reports.bits` (temp file + rename).
pub fn write(index: &Index, dir: &Path) -> Result<(), IndexError> {
    let reader = index.reader()?;
    let searcher = reader.searcher();
    let segs = searcher.segment_readers();
    let docs = Docs::read(segs)?;
    // How many documents share a band with each, counted once per band.
    let mut sharing = vec![0u32; docs.total];
    let mut edges: Vec<(u32, u32)> = Vec::new();
    // (band, document) of every live document, grouped by band; in passes over a slice of the
    // band space so that a large index never holds every pair at once.
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
                let mine = doc_bands.iter().filter(|b| *b % passes == pass);
                pairs.extend(mine.map(|b| (*b, global)));
            }
        }
        pairs.sort_unstable();
        for group in pairs.chunk_by(|a, b| a.0 == b.0) {
            let others = group.len() - 1;
            group
                .iter()
                .for_each(|(_, g)| sharing[*g as usize] += others as u32);
            if others <= SEARCH_READS {
                let members: Vec<u32> = group.iter().map(|(_, g)| *g).collect();
                candidates(&members, &docs.outlet, &docs.day, &mut edges);
            }
        }
    }
    drop(pairs);
    let look_up = |g: u32| sharing[g as usize] as usize > SEARCH_READS;
    edges.retain(|(a, _)| !look_up(*a));
    edges.sort_unstable();
    edges.dedup();

    // The statements the candidates name, read once each in index order, then compared; on
    // every core, as the rest of ingest is.
    let mut involved: Vec<u32> = edges.iter().flat_map(|(a, b)| [*a, *b]).collect();
    involved.sort_unstable();
    involved.dedup();
    let json = index.schema().get_field("json")?;
    let read = |g: &u32| -> Result<Brief, IndexError> {
        let (s, d) = docs.locate(*g);
        let doc: TantivyDocument = searcher.doc(DocAddress::new(s as u32, d))?;
        let text = doc.get_first(json).and_then(|v| v.as_str()).unwrap_or("{}");
        serde_json::from_str(text).map_err(|e| IndexError::Damaged(format!("stored record: {e}")))
    };
    let briefs: Vec<Brief> = on_every_core(&involved, |part| part.iter().map(read).collect())?;
    let brief = |g: &u32| &briefs[involved.binary_search(g).expect("every edge's end is read")];
    let reports: Vec<(u32, &str)> = on_every_core(&edges, |part| {
        Ok(part
            .iter()
            .filter_map(|(a, b)| {
                let (st, other) = (brief(a), brief(b));
                let outlet = other.outlet.as_deref()?;
                is_report(st, other).then_some((*a, outlet))
            })
            .collect())
    })?;
    let mut settled: HashMap<u32, BTreeSet<&str>> = HashMap::new();
    for (a, outlet) in reports {
        settled.entry(a).or_default().insert(outlet);
    }

    // Outlet names numbered in the file, then each segment's part.
    let mut names: Vec<&str> = settled.values().flatten().copied().collect();
    names.sort_unstable();
    names.dedup();
    let number: HashMap<&str, u32> = names
        .iter()
        .enumerate()
        .map(|(i, n)| (*n, i as u32))
        .collect();
    let mut segments: Vec<SegmentReports> = segs
        .iter()
        .map(|seg| SegmentReports {
            id: seg.segment_id().uuid_string(),
            deleted: seg.num_deleted_docs(),
            max_doc: seg.max_doc(),
            look_up: vec![0u8; (seg.max_doc() as usize).div_ceil(8)],
            settled: Vec::new(),
        })
        .collect();
    for g in (0..docs.total as u32).filter(|g| look_up(*g)) {
        let (s, d) = docs.locate(g);
        segments[s].look_up[d as usize / 8] |= 1 << (d % 8);
    }
    let mut settled: Vec<(u32, BTreeSet<&str>)> = settled.into_iter().collect();
    settled.sort_unstable_by_key(|(g, _)| *g);
    for (g, outlets) in settled {
        let (s, d) = docs.locate(g);
        let list = outlets.iter().map(|o| number[o]).collect();
        segments[s].settled.push((d, list));
    }
    let names: Vec<String> = names.into_iter().map(String::from).collect();
    let out = file::encode(&names, &segments);
    let tmp = dir.join(format!("{}.tmp", file::FILE));
    let io = |e: std::io::Error| IndexError::Io(format!("{}: cannot write: {e}", tmp.display()));
    std::fs::write(&tmp, &out).map_err(io)?;
    std::fs::rename(&tmp, dir.join(file::FILE)).map_err(io)?;
    Ok(())
}

/// `work` over `items` split in one part per core, the parts' results in order.
fn on_every_core<T: Sync, R: Send>(
    items: &[T],
    work: impl Fn(&[T]) -> Result<Vec<R>, IndexError> + Sync,
) -> Result<Vec<R>, IndexError> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let part = items.len().div_ceil(cores).max(1);
    std::thread::scope(|scope| {
        let running: Vec<_> = items
            .chunks(part)
            .map(|p| scope.spawn(|| work(p)))
            .collect();
        let mut out = Vec::with_capacity(items.len());
        for r in running {
            let done = r
                .join()
                .map_err(|_| IndexError::Damaged("other reports: a worker failed".into()))?;
            out.extend(done?);
        }
        Ok(out)
    })
}

/// Adds to `edges` each (statement, candidate) of one band's group where the candidate could
/// be another outlet's report of the statement: an outlet of its own, not the statement's, and
/// dated within three days of it, or either undated (`outlet` and `day` by document number).
fn candidates(members: &[u32], outlet: &[u32], day: &[i32], edges: &mut Vec<(u32, u32)>) {
    for (i, &a) in members.iter().enumerate() {
        for &b in &members[i + 1..] {
            let (oa, ob) = (outlet[a as usize], outlet[b as usize]);
            let near = match (day[a as usize], day[b as usize]) {
                (NO_DAY, _) | (_, NO_DAY) => true,
                (x, y) => (x - y).abs() <= WITHIN_DAYS as i32,
            };
            if !near || oa == ob {
                continue;
            }
            if ob != NO_OUTLET {
                edges.push((a, b));
            }
            if oa != NO_OUTLET {
                edges.push((b, a));
            }
        }
    }
}

pub(super) const NO_DAY: i32 = i32::MIN;
const NO_OUTLET: u32 = u32::MAX;

/// What the candidates are worked out from, for every document of the searcher, numbered
/// across segments (`base[s] + doc`).
struct Docs {
    sig: Vec<Column<u64>>,
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
            let outlet_col = fast.str("outlet")?;
            let names: Vec<u32> = outlet_col
                .as_ref()
                .map(|c| {
                    crate::index::collect::all_terms(c)
                        .into_iter()
                        .map(|n| {
                            let next = outlets.len() as u32;
                            *outlets.entry(n).or_insert(next)
                        })
                        .collect()
                })
                .unwrap_or_default();
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
pub(super) fn day_number_of(secs: i64) -> i32 {
    use chrono::Datelike;
    chrono::DateTime::from_timestamp(secs, 0).map_or(NO_DAY, |d| d.date_naive().num_days_from_ce())
}

fn live_docs(seg: &SegmentReader) -> impl Iterator<Item = u32> + '_ {
    (0..seg.max_doc()).filter(move |d| seg.alive_bitset().is_none_or(|a| a.is_alive(*d)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The (statement, candidate) pairs of one band's group.
    fn edges(outlet: &[u32], day: &[i32]) -> Vec<(u32, u32)> {
        let members: Vec<u32> = (0..outlet.len() as u32).collect();
        let mut out = Vec::new();
        candidates(&members, outlet, day, &mut out);
        out.sort_unstable();
        out
    }

    #[test]
    fn candidates_are_other_outlets_within_three_days() {
        assert!(edges(&[1], &[100]).is_empty());
        // Two outlets, two days apart: each is a candidate report of the other.
        assert_eq!(edges(&[1, 2], &[100, 102]), [(0, 1), (1, 0)]);
        // A week apart (the same words re-run later), or the same outlet twice: neither.
        assert!(edges(&[1, 2], &[100, 107]).is_empty());
        assert!(edges(&[1, 1], &[100, 100]).is_empty());
        // Undated on either side: the date cannot rule it out.
        assert_eq!(edges(&[1, 2], &[NO_DAY, 300]), [(0, 1), (1, 0)]);
        // A statement without an outlet may have reports; it is no one's other report.
        assert_eq!(edges(&[NO_OUTLET, 2], &[100, 100]), [(0, 1)]);
        assert!(edges(&[NO_OUTLET, NO_OUTLET], &[100, 100]).is_empty());
        // Only the pairs that qualify: 0 and 2 are near, 1 is a week later.
        assert_eq!(edges(&[1, 2, 3], &[100, 107, 101]), [(0, 2), (2, 0)]);
    }
}
