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

/// Statements per speaker, and per (speaker, topic) for the speakers in `expanded`.
pub struct GroupCounts {
    pub expanded: BTreeSet<String>,
}

pub struct GroupSegment {
    speakers: Option<StrColumn>,
    topics: Option<StrColumn>,
    counts: Vec<u64>,
    want: Vec<bool>,
    pairs: HashMap<(u64, u64), u64>,
}

#[derive(Default)]
pub struct GroupFruit {
    pub speakers: HashMap<String, u64>,
    pub topics: HashMap<(String, String), u64>,
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
        let n = speakers.as_ref().map_or(0, |c| c.num_terms());
        let mut want = vec![false; n];
        if let Some(col) = &speakers
            && !self.expanded.is_empty()
        {
            let mut s = String::new();
            for ord in 0..n as u64 {
                if col.ord_to_str(ord, &mut s).unwrap_or(false) && self.expanded.contains(&s) {
                    want[ord as usize] = true;
                }
            }
        }
        Ok(GroupSegment {
            speakers,
            topics,
            counts: vec![0; n],
            want,
            pairs: HashMap::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<GroupFruit>) -> tantivy::Result<GroupFruit> {
        let mut all = GroupFruit::default();
        for f in fruits {
            for (k, v) in f.speakers {
                *all.speakers.entry(k).or_default() += v;
            }
            for (k, v) in f.topics {
                *all.topics.entry(k).or_default() += v;
            }
        }
        Ok(all)
    }
}

impl SegmentCollector for GroupSegment {
    type Fruit = GroupFruit;

    fn collect(&mut self, doc: DocId, _: Score) {
        let Some(sp) = &self.speakers else { return };
        for s in sp.term_ords(doc) {
            self.counts[s as usize] += 1;
            if self.want[s as usize]
                && let Some(tp) = &self.topics
            {
                for t in tp.term_ords(doc) {
                    *self.pairs.entry((s, t)).or_default() += 1;
                }
            }
        }
    }

    fn harvest(self) -> GroupFruit {
        let mut fruit = GroupFruit::default();
        let Some(sp) = &self.speakers else {
            return fruit;
        };
        let mut name = String::new();
        let mut names: HashMap<u64, String> = HashMap::new();
        for (ord, &c) in self.counts.iter().enumerate() {
            if c > 0 && sp.ord_to_str(ord as u64, &mut name).unwrap_or(false) {
                fruit.speakers.insert(name.clone(), c);
                if self.want[ord] {
                    names.insert(ord as u64, name.clone());
                }
            }
        }
        if let Some(tp) = &self.topics {
            for ((s, t), c) in self.pairs {
                if let Some(sn) = names.get(&s)
                    && tp.ord_to_str(t, &mut name).unwrap_or(false)
                {
                    fruit.topics.insert((sn.clone(), name.clone()), c);
                }
            }
        }
        fruit
    }
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
                    rows.push((r, -date, addr));
                }
            }
            rows.sort_unstable_by_key(|&(r, d, a)| (r, d, a.segment_ord, a.doc_id));
        } else {
            for f in fruits {
                rows.extend(f.rows);
            }
            // Newest (or best) first; ties by address for a stable order.
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
            let mut s = String::new();
            let list: Vec<String> = (0..c.num_terms() as u64)
                .map(|o| {
                    s.clear();
                    let _ = c.ord_to_str(o, &mut s);
                    s.clone()
                })
                .collect();
            names.push((self.segment, list));
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
