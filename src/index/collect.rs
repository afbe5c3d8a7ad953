//! Collectors that read fast-field columns only: counts per official (and per topic for the
//! officials the browser has expanded), and the full ordering of a result set for the browser's
//! virtual list. Neither loads a stored document.

use std::collections::{BTreeSet, HashMap};

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::StrColumn;
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

use super::reader::Sort;

fn str_column(reader: &SegmentReader, field: &str) -> tantivy::Result<Option<StrColumn>> {
    reader.fast_fields().str(field)
}

/// Term names of a segment's string column, by ordinal, shared between look-ups: reading a
/// dictionary decompresses its blocks, so it is done once per segment, not once per keystroke.
pub type Names = std::sync::Arc<Vec<String>>;

/// Every term of a column's dictionary, by ordinal, in one sequential pass.
pub fn all_terms(col: &StrColumn) -> Vec<String> {
    let mut out = Vec::with_capacity(col.num_terms());
    if let Ok(mut s) = col.dictionary().stream() {
        while s.advance() {
            out.push(String::from_utf8_lossy(s.key()).into_owned());
        }
    }
    out
}

/// Statements per speaker, and per (speaker, topic) for the speakers in `expanded`.
pub struct GroupCounts {
    pub expanded: BTreeSet<String>,
    /// Speaker and topic names per segment (by segment id), from `Store`'s cache.
    pub names: HashMap<tantivy::index::SegmentId, (Names, Names)>,
}

pub struct GroupSegment {
    speakers: Option<StrColumn>,
    topics: Option<StrColumn>,
    /// The speaker kind column and its few names; a speaker's kind is read once, at its first
    /// statement in the segment.
    kinds: Option<StrColumn>,
    kind_names: Vec<String>,
    kind_of: Vec<u8>,
    names: (Names, Names),
    counts: Vec<u64>,
    want: Vec<bool>,
    pairs: HashMap<(u64, u64), u64>,
}

#[derive(Default)]
pub struct GroupFruit {
    /// (speaker, count, kind), and ((speaker, topic), count), summed over segments, in no
    /// order.
    pub speakers: Vec<(String, u64, String)>,
    pub topics: Vec<((String, String), u64)>,
}

impl Collector for GroupCounts {
    type Fruit = GroupFruit;
    type Child = GroupSegment;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<GroupSegment> {
        let speakers = str_column(reader, "speaker")?;
        let topics = str_column(reader, "topic")?;
        let names = match self.names.get(&reader.segment_id()) {
            Some(n) => n.clone(),
            None => (
                std::sync::Arc::new(speakers.as_ref().map(all_terms).unwrap_or_default()),
                std::sync::Arc::new(topics.as_ref().map(all_terms).unwrap_or_default()),
            ),
        };
        let n = names.0.len();
        let want = names.0.iter().map(|s| self.expanded.contains(s)).collect();
        let kinds = str_column(reader, "speaker_kind")?;
        let kind_names = kinds.as_ref().map(all_terms).unwrap_or_default();
        Ok(GroupSegment {
            speakers,
            topics,
            kinds,
            kind_names,
            kind_of: vec![u8::MAX; n],
            names,
            counts: vec![0; n],
            want,
            pairs: HashMap::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<SegmentGroups>) -> tantivy::Result<GroupFruit> {
        // Summed by borrowed name: each distinct speaker is copied once, not once per segment,
        // and no list of 90,000 names is sorted by string here.
        let mut speakers: HashMap<&str, (u64, &str)> = HashMap::new();
        let mut topics: HashMap<(&str, &str), u64> = HashMap::new();
        for f in &fruits {
            let (sn, tn) = &f.names;
            for &(o, c, k) in &f.counts {
                if let Some(n) = sn.get(o as usize) {
                    let e = speakers.entry(n.as_str()).or_insert((0, ""));
                    e.0 += c;
                    if e.1.is_empty() {
                        e.1 = f.kind_names.get(k as usize).map_or("", String::as_str);
                    }
                }
            }
            for &((s, t), c) in &f.pairs {
                if let (Some(s), Some(t)) = (sn.get(s as usize), tn.get(t as usize)) {
                    *topics.entry((s.as_str(), t.as_str())).or_default() += c;
                }
            }
        }
        Ok(GroupFruit {
            speakers: speakers
                .into_iter()
                .map(|(n, (c, k))| (n.to_string(), c, k.to_string()))
                .collect(),
            topics: topics
                .into_iter()
                .map(|((s, t), c)| ((s.to_string(), t.to_string()), c))
                .collect(),
        })
    }
}

/// One segment's counts by ordinal, with the segment's names to read them by.
pub struct SegmentGroups {
    names: (Names, Names),
    kind_names: Vec<String>,
    /// (speaker ordinal, statements, kind ordinal).
    counts: Vec<(u32, u64, u8)>,
    pairs: Vec<((u64, u64), u64)>,
}

impl SegmentCollector for GroupSegment {
    type Fruit = SegmentGroups;

    fn collect(&mut self, doc: DocId, _: Score) {
        let Some(sp) = &self.speakers else { return };
        for s in sp.term_ords(doc) {
            let Some(c) = self.counts.get_mut(s as usize) else {
                continue;
            };
            if *c == 0
                && let Some(kc) = &self.kinds
                && let Some(k) = kc.term_ords(doc).next()
            {
                self.kind_of[s as usize] = k.min(u8::MAX as u64 - 1) as u8;
            }
            *c += 1;
            if self.want[s as usize]
                && let Some(tp) = &self.topics
            {
                for t in tp.term_ords(doc) {
                    *self.pairs.entry((s, t)).or_default() += 1;
                }
            }
        }
    }

    fn harvest(self) -> SegmentGroups {
        let counts = self
            .counts
            .iter()
            .enumerate()
            .filter(|(_, c)| **c > 0)
            .map(|(o, c)| (o as u32, *c, self.kind_of[o]))
            .collect();
        SegmentGroups {
            names: self.names,
            kind_names: self.kind_names,
            counts,
            pairs: self.pairs.into_iter().collect(),
        }
    }
}

/// Statements per value of one string fast field (speaker, topic, outlet, kind, year), with
/// no limit on the number of distinct values: a million statements can have 90,000 speakers.
pub struct TermCounts {
    pub field: String,
}

pub struct TermCountsSegment {
    column: Option<StrColumn>,
    counts: Vec<u64>,
}

impl Collector for TermCounts {
    type Fruit = Vec<(String, u64)>;
    type Child = TermCountsSegment;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<TermCountsSegment> {
        let column = str_column(reader, &self.field)?;
        let n = column.as_ref().map_or(0, |c| c.num_terms());
        Ok(TermCountsSegment {
            column,
            counts: vec![0; n],
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Vec<(String, u64)>>) -> tantivy::Result<Self::Fruit> {
        let mut all: HashMap<String, u64> = HashMap::new();
        for (name, n) in fruits.into_iter().flatten() {
            *all.entry(name).or_default() += n;
        }
        let mut out: Vec<(String, u64)> = all.into_iter().collect();
        out.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        Ok(out)
    }
}

impl SegmentCollector for TermCountsSegment {
    type Fruit = Vec<(String, u64)>;

    fn collect(&mut self, doc: DocId, _: Score) {
        let Some(col) = &self.column else { return };
        for o in col.term_ords(doc) {
            if let Some(c) = self.counts.get_mut(o as usize) {
                *c += 1;
            }
        }
    }

    fn harvest(self) -> Self::Fruit {
        let Some(col) = &self.column else {
            return Vec::new();
        };
        // Names of the counted ordinals only, read in one pass over the dictionary.
        let names = all_terms(col);
        self.counts
            .iter()
            .enumerate()
            .filter(|(_, c)| **c > 0)
            .filter_map(|(o, c)| names.get(o).map(|n| (n.clone(), *c)))
            .collect()
    }
}

/// Speakers that do not start with a capital letter ("022 adult Americans", "12 percent",
/// "officials") go after the names in speaker order.
pub fn not_a_name(speaker: &str) -> bool {
    !speaker.chars().next().is_some_and(char::is_uppercase)
}

/// A statement's place in date order as one integer, smaller first: newest day first, undated
/// last, ties by address (day: 20 bits, inverted; segment: 12; doc: 32). The whole ordering
/// (`Ordered`) and the top-k pages (`Store::page`) share it, so every page agrees with every
/// other wherever it starts.
pub fn date_order_key(date_secs: Option<i64>, segment: SegmentOrdinal, doc: DocId) -> u64 {
    let day = match date_secs {
        None => 0,
        Some(d) => (d.div_euclid(86_400) + 400_000).clamp(1, (1 << 20) - 1) as u64,
    };
    (((1u64 << 20) - 1 - day) << 44) | ((segment as u64 & 0xfff) << 32) | doc as u64
}

/// Every matching document in list order, for slicing pages without re-running the query.
pub struct Ordered {
    pub sort: Sort,
}

pub struct OrderedSegment {
    segment: SegmentOrdinal,
    sort: Sort,
    dates: Option<tantivy::columnar::Column<tantivy::DateTime>>,
    speakers: Option<StrColumn>,
    /// (primary key, secondary key, doc)
    rows: Vec<(i64, i64, DocId)>,
}

pub struct OrderedFruit {
    /// (primary, secondary, address), plus the speaker names for speaker ordinals per segment.
    rows: Vec<(i64, i64, DocAddress)>,
    names: Vec<(SegmentOrdinal, Vec<String>)>,
}

impl Collector for Ordered {
    type Fruit = Vec<DocAddress>;
    type Child = OrderedSegment;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<OrderedSegment> {
        let dates = reader
            .fast_fields()
            .column_opt::<tantivy::DateTime>("date")?;
        let speakers = if self.sort == Sort::Speaker {
            str_column(reader, "speaker")?
        } else {
            None
        };
        Ok(OrderedSegment {
            segment,
            sort: self.sort,
            dates,
            speakers,
            rows: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        self.sort == Sort::Relevance
    }

    fn merge_fruits(&self, fruits: Vec<OrderedFruit>) -> tantivy::Result<Vec<DocAddress>> {
        let mut rows: Vec<(i64, i64, DocAddress)> =
            Vec::with_capacity(fruits.iter().map(|f| f.rows.len()).sum());
        if self.sort == Sort::Speaker {
            // Speaker ordinals are per segment: rank all names together.
            let all: BTreeSet<&String> = fruits
                .iter()
                .flat_map(|f| f.names.iter().flat_map(|(_, n)| n.iter()))
                .collect();
            // Names, then what extraction could not make a name of ("022 adult Americans",
            // "12 percent", "officials"): a list sorted by speaker starts with people.
            let mut all: Vec<&String> = all.into_iter().collect();
            all.sort_by_key(|n| not_a_name(n));
            let rank: HashMap<&String, i64> = all
                .into_iter()
                .enumerate()
                .map(|(i, n)| (n, i as i64))
                .collect();
            for f in &fruits {
                let names: HashMap<SegmentOrdinal, &Vec<String>> =
                    f.names.iter().map(|(s, n)| (*s, n)).collect();
                for &(ord, date, addr) in &f.rows {
                    let r = names
                        .get(&addr.segment_ord)
                        .and_then(|n| n.get(ord as usize))
                        .and_then(|n| rank.get(n))
                        .copied()
                        .unwrap_or(i64::MAX);
                    // Newest first within a speaker; undated last (found by the soak:
                    // negating the "no date" value overflowed).
                    rows.push((r, date.checked_neg().unwrap_or(i64::MAX), addr));
                }
            }
            rows.sort_unstable_by_key(|&(r, d, a)| (r, d, a.segment_ord, a.doc_id));
        } else if self.sort == Sort::Date {
            // Newest first, ties by address. Packed into one u64 each so the sort of a million
            // rows is a plain integer sort: day (20 bits, inverted), segment (12), doc (32).
            let mut keys: Vec<u64> = Vec::with_capacity(fruits.iter().map(|f| f.rows.len()).sum());
            for f in fruits {
                for (date, _, a) in f.rows {
                    keys.push(date_order_key(
                        (date != i64::MIN).then_some(date),
                        a.segment_ord,
                        a.doc_id,
                    ));
                }
            }
            keys.sort_unstable();
            return Ok(keys
                .into_iter()
                .map(|k| DocAddress::new(((k >> 32) & 0xfff) as u32, k as u32))
                .collect());
        } else {
            for f in fruits {
                rows.extend(f.rows);
            }
            // Best first; ties by address for a stable order.
            rows.sort_unstable_by(|a, b| {
                b.0.cmp(&a.0)
                    .then(b.1.cmp(&a.1))
                    .then((a.2.segment_ord, a.2.doc_id).cmp(&(b.2.segment_ord, b.2.doc_id)))
            });
        }
        Ok(rows.into_iter().map(|(_, _, a)| a).collect())
    }
}

impl SegmentCollector for OrderedSegment {
    type Fruit = OrderedFruit;

    fn collect(&mut self, doc: DocId, score: Score) {
        let date = self
            .dates
            .as_ref()
            .and_then(|c| c.first(doc))
            .map_or(i64::MIN, |d| d.into_timestamp_secs());
        let row = match self.sort {
            Sort::Date => (date, 0, doc),
            Sort::Relevance => ((score as f64 * 1e6) as i64, date, doc),
            Sort::Speaker => {
                let ord = self
                    .speakers
                    .as_ref()
                    .and_then(|c| c.term_ords(doc).next())
                    .map_or(i64::MAX, |o| o as i64);
                (ord, date, doc)
            }
        };
        self.rows.push(row);
    }

    fn harvest(self) -> OrderedFruit {
        let mut names = Vec::new();
        if let Some(c) = &self.speakers {
            names.push((self.segment, all_terms(c)));
        }
        OrderedFruit {
            rows: self
                .rows
                .into_iter()
                .map(|(a, b, d)| (a, b, DocAddress::new(self.segment, d)))
                .collect(),
            names,
        }
    }
}

/// Dates and topics of every matching statement, for timelines.
pub struct Timeline {
    pub names: HashMap<tantivy::index::SegmentId, (Names, Names)>,
}

pub struct TimelineSegment {
    dates: Option<tantivy::columnar::Column<tantivy::DateTime>>,
    topics: Option<StrColumn>,
    topic_names: Names,
    rows: Vec<(i64, Vec<String>)>,
}

impl Collector for Timeline {
    type Fruit = Vec<(i64, Vec<String>)>;
    type Child = TimelineSegment;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<TimelineSegment> {
        let topics = str_column(reader, "topic")?;
        let topic_names = match self.names.get(&reader.segment_id()) {
            Some(n) => n.1.clone(),
            None => std::sync::Arc::new(topics.as_ref().map(all_terms).unwrap_or_default()),
        };
        Ok(TimelineSegment {
            dates: reader
                .fast_fields()
                .column_opt::<tantivy::DateTime>("date")?,
            topics,
            topic_names,
            rows: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Vec<(i64, Vec<String>)>>) -> tantivy::Result<Self::Fruit> {
        Ok(fruits.into_iter().flatten().collect())
    }
}

impl SegmentCollector for TimelineSegment {
    type Fruit = Vec<(i64, Vec<String>)>;

    fn collect(&mut self, doc: DocId, _: Score) {
        // Statements without a date cannot be placed on a timeline.
        let Some(date) = self.dates.as_ref().and_then(|c| c.first(doc)) else {
            return;
        };
        let topics = self
            .topics
            .as_ref()
            .map(|c| {
                c.term_ords(doc)
                    .filter_map(|o| self.topic_names.get(o as usize).cloned())
                    .collect()
            })
            .unwrap_or_default();
        self.rows.push((date.into_timestamp_secs(), topics));
    }

    fn harvest(self) -> Self::Fruit {
        self.rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_come_before_what_is_not_a_name_and_date_keys_order_newest_first() {
        for junk in ["022 adult Americans", "12 percent", "officials", "«", ""] {
            assert!(not_a_name(junk), "{junk}");
        }
        for name in ["Sergey Lavrov", "Émile Zola", "Лавров", "NATO"] {
            assert!(!not_a_name(name), "{name}");
        }
        let day = 86_400;
        let newer = date_order_key(Some(20 * 365 * day), 3, 9);
        let older = date_order_key(Some(10 * 365 * day), 0, 0);
        let undated = date_order_key(None, 0, 0);
        assert!(newer < older && older < undated);
        // Same day: by segment, then document.
        assert!(date_order_key(Some(day), 0, 5) < date_order_key(Some(day + 60), 1, 0));
        assert!(date_order_key(Some(day), 1, 4) < date_order_key(Some(day), 1, 5));
    }
}
