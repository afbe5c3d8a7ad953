//! Look-ups: filtered, sorted pages of statements, counts per official/topic/outlet/year from
//! fast-field columns, and snippets. One `IndexReader` is kept and reused.

use std::ops::Bound;
use std::path::Path;

use tantivy::collector::{Count, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, Occur, Query, QueryParser, RangeQuery, TermQuery, TermSetQuery,
};
use tantivy::schema::{IndexRecordOption, Value as _};
use tantivy::snippet::SnippetGenerator;
use tantivy::{DocAddress, Index, IndexReader, ReloadPolicy, Searcher, TantivyDocument, Term};

use super::IndexError;
use super::collect::{Names, Ordered, TermCounts, Timeline, all_terms};
use super::schema::{Fields, fields_of};
use crate::model::{Filter, Statement};
use chrono::Datelike;

mod groups;
mod query;
use query::{prefixes_as_placeholders, user_query, with_prefixes};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Newest first.
    #[default]
    Date,
    /// Speaker A→Z.
    Speaker,
    /// Best match first (falls back to date without a query).
    Relevance,
}

impl Sort {
    pub fn next(self) -> Sort {
        match self {
            Sort::Date => Sort::Speaker,
            Sort::Speaker => Sort::Relevance,
            Sort::Relevance => Sort::Date,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Sort::Date => "date",
            Sort::Speaker => "speaker",
            Sort::Relevance => "relevance",
        }
    }
}

/// A page of results and how many match in all.
#[derive(Debug, Clone, Default)]
pub struct Page {
    pub total: usize,
    pub offset: usize,
    pub hits: Vec<Statement>,
}

/// Timeline buckets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Week,
    Month,
    Year,
}

/// One bucket of a timeline.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PeriodCount {
    pub period: String,
    pub count: u64,
    pub topics: Vec<(String, u64)>,
}

/// An official with their statement count and per-topic counts.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub speaker: String,
    pub kind: crate::model::SpeakerKind,
    pub count: u64,
    pub topics: Vec<(String, u64)>,
}

/// The order of the Officials pane's groups: officials, then media, unnamed sources, groups,
/// documents.
pub fn group_rank(k: crate::model::SpeakerKind) -> u8 {
    use crate::model::SpeakerKind::*;
    match k {
        Person | Institution | Country => 0,
        Media => 1,
        Anonymous => 2,
        Group => 3,
        Document => 4,
    }
}

pub struct Store {
    index: Index,
    reader: IndexReader,
    pub fields: Fields,
    /// The browser's last result set in list order: pages are slices of it.
    ordered: std::sync::Mutex<Vec<OrderedCache>>,
    /// The newest statements of all in list order, when ingest kept them for these segments.
    newest: std::sync::OnceLock<Option<Vec<DocAddress>>>,
    /// The Officials pane's last few answers: going back to "All" (Esc) or to an earlier
    /// filter is not another count over every statement.
    groups: std::sync::Mutex<Vec<GroupsCache>>,
    /// The result set whose first page was served by a top-k search.
    first_seen: std::sync::Mutex<Option<(Filter, Sort)>>,
    /// Speaker and topic names per segment, read once per segment.
    names: std::sync::Mutex<std::collections::HashMap<tantivy::index::SegmentId, (Names, Names)>>,
    pub(super) dir: std::path::PathBuf,
    /// Which documents may have other reports (`reports.bits`), read on first need.
    pub(super) shared: std::sync::OnceLock<Option<super::reports::Shared>>,
    /// Where the statements of the pages served lie, by id: corroborating a page then needs no
    /// look-up of each id in every segment. The searcher never changes under a `Store`.
    pub(super) served: std::sync::Mutex<std::collections::HashMap<String, DocAddress>>,
}

type OrderedCache = (Filter, Sort, std::sync::Arc<Vec<DocAddress>>);
type GroupsCache = (
    Filter,
    std::collections::BTreeSet<String>,
    std::sync::Arc<Vec<Group>>,
);

/// Dates as users type them: YYYY, YYYY-MM or YYYY-MM-DD; `end` gives the last day of the span.
pub fn parse_user_date(s: &str, end: bool) -> Result<String, String> {
    let t = s.trim();
    let bad = || format!("bad date '{s}': use YYYY, YYYY-MM or YYYY-MM-DD");
    let parts: Vec<&str> = t.split('-').collect();
    let num = |p: &str| p.parse::<u32>().map_err(|_| bad());
    let (y, m, d) = match parts.as_slice() {
        [y] if y.len() == 4 => (num(y)? as i32, if end { 12 } else { 1 }, None),
        [y, m] if y.len() == 4 => (num(y)? as i32, num(m)?, None),
        [y, m, d] if y.len() == 4 => (num(y)? as i32, num(m)?, Some(num(d)?)),
        _ => return Err(bad()),
    };
    let day = match d {
        Some(d) => d,
        None if end => {
            let first_next = if m == 12 {
                chrono::NaiveDate::from_ymd_opt(y + 1, 1, 1)
            } else {
                chrono::NaiveDate::from_ymd_opt(y, m + 1, 1)
            };
            first_next
                .ok_or_else(bad)?
                .pred_opt()
                .ok_or_else(bad)?
                .format("%d")
                .to_string()
                .parse()
                .map_err(|_| bad())?
        }
        None => 1,
    };
    chrono::NaiveDate::from_ymd_opt(y, m, day)
        .map(|d| d.format("%Y-%m-%d").to_string())
        .ok_or_else(bad)
}

impl Store {
    pub fn open(dir: &Path) -> Result<Store, IndexError> {
        if !super::exists(dir) {
            return Err(IndexError::Missing(dir.to_path_buf()));
        }
        let index = Index::open_in_dir(dir)?;
        let fields = fields_of(&index.schema())
            .map_err(|_| IndexError::Damaged("unexpected schema".into()))?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(Store {
            index,
            reader,
            fields,
            ordered: std::sync::Mutex::new(Vec::new()),
            groups: std::sync::Mutex::new(Vec::new()),
            newest: std::sync::OnceLock::new(),
            first_seen: std::sync::Mutex::new(None),
            names: Default::default(),
            dir: dir.to_path_buf(),
            shared: std::sync::OnceLock::new(),
            served: Default::default(),
        })
    }

    /// The query for a filter. Free text is parsed leniently: a stray quote is not an error.
    pub fn query(&self, filter: &Filter) -> Box<dyn Query> {
        let f = &self.fields;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let text = filter.query.trim();
        if !text.is_empty() {
            let mut qp = QueryParser::for_index(&self.index, vec![f.text, f.speaker_text]);
            qp.set_conjunction_by_default();
            let (text, prefixes) = prefixes_as_placeholders(&user_query(text));
            let (q, _errors) = qp.parse_query_lenient(&text);
            clauses.push((Occur::Must, with_prefixes(q, &prefixes)));
        }
        let term = |field, value: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(field, value),
                IndexRecordOption::Basic,
            ))
        };
        if let Some(o) = &filter.official {
            clauses.push((Occur::Must, term(f.speaker, o)));
        }
        for t in filter.topic.iter().chain(&filter.also_topic) {
            clauses.push((Occur::Must, term(f.topic, t)));
        }
        if let Some(o) = &filter.outlet {
            clauses.push((Occur::Must, term(f.outlet, o)));
        }
        if let Some(k) = filter.kind {
            clauses.push((Occur::Must, term(f.kind, k.as_str())));
        }
        if let Some(k) = filter.speaker_kind {
            clauses.push((Occur::Must, term(f.speaker_kind, k.as_str())));
        }
        if let Some(ids) = &filter.ids {
            let terms = ids.iter().map(|id| Term::from_field_text(f.id, id));
            clauses.push((Occur::Must, Box::new(TermSetQuery::new(terms))));
        }
        let lo = filter.since.as_deref().and_then(super::date_value);
        let hi = filter.until.as_deref().and_then(super::date_value);
        if lo.is_some() || hi.is_some() {
            let b = |d: Option<tantivy::DateTime>| {
                d.map_or(Bound::Unbounded, |d| {
                    Bound::Included(Term::from_field_date_for_search(f.date, d))
                })
            };
            clauses.push((Occur::Must, Box::new(RangeQuery::new(b(lo), b(hi)))));
        }
        match clauses.len() {
            0 => Box::new(AllQuery),
            1 if clauses[0].0 == Occur::Must => clauses
                .pop()
                .map(|c| c.1)
                .unwrap_or_else(|| Box::new(AllQuery)),
            _ => Box::new(BooleanQuery::new(clauses)),
        }
    }

    /// Inverse document frequency of a word in statement texts: ln(1 + N / (df + 1)).
    pub fn idf(&self, word: &str) -> f64 {
        let searcher = self.searcher();
        let n = searcher.num_docs() as f64;
        let term = tantivy::Term::from_field_text(self.fields.text, &word.to_lowercase());
        let df = searcher.doc_freq(&term).unwrap_or(0) as f64;
        (1.0 + n / (df + 1.0)).ln()
    }

    pub(super) fn searcher(&self) -> Searcher {
        self.reader.searcher()
    }

    pub fn count(&self, filter: &Filter) -> Result<usize, IndexError> {
        Ok(self.searcher().search(&*self.query(filter), &Count)?)
    }

    /// One page of statements, `limit` from `offset`, in `sort` order.
    pub fn page(
        &self,
        filter: &Filter,
        sort: Sort,
        offset: usize,
        limit: usize,
    ) -> Result<Page, IndexError> {
        let searcher = self.searcher();
        let (total, addrs) = self.page_addresses(&searcher, filter, sort, offset, limit)?;
        let mut hits = Vec::with_capacity(addrs.len());
        let mut served = self.served.lock().unwrap_or_else(|e| e.into_inner());
        // Bounded: a browser pages on for hours.
        if served.len() > 10_000 {
            served.clear();
        }
        for a in addrs {
            let st = self.load(&searcher, a)?;
            served.insert(st.id.clone(), a);
            hits.push(st);
        }
        Ok(Page {
            total,
            offset,
            hits,
        })
    }

    /// The statements of one page, by address, with the size of the whole result set.
    pub(super) fn page_addresses(
        &self,
        searcher: &Searcher,
        filter: &Filter,
        sort: Sort,
        offset: usize,
        limit: usize,
    ) -> Result<(usize, Vec<DocAddress>), IndexError> {
        // The newest statements of all, the browser's first page, were ordered at ingest.
        if *filter == Filter::default()
            && sort != Sort::Speaker
            && let Some(newest) = self
                .newest
                .get_or_init(|| super::group_file::load_newest(&self.dir, searcher))
            && offset.saturating_add(limit) <= newest.len()
        {
            let total = searcher.num_docs() as usize;
            let end = offset.saturating_add(limit).min(total);
            return Ok((total, newest.get(offset..end).unwrap_or(&[]).to_vec()));
        }
        let query = self.query(filter);
        let total = searcher.search(&*query, &Count)?;
        if limit == 0 || offset >= total {
            return Ok((total, Vec::new()));
        }
        let limit = limit.min(total - offset);
        let relevance = sort == Sort::Relevance && !filter.query.trim().is_empty();
        let addrs: Vec<DocAddress> = if relevance {
            searcher
                .search(
                    &*query,
                    &TopDocs::with_limit(limit)
                        .and_offset(offset)
                        .order_by_score(),
                )?
                .into_iter()
                .map(|(_, a)| a)
                .collect()
        } else if sort == Sort::Speaker {
            // Newest first within a speaker needs both keys, and speaker names rank across
            // segments: the whole ordering, sliced.
            let all = searcher.search(&*query, &Ordered { sort })?;
            all.into_iter().skip(offset).take(limit).collect()
        } else {
            // Far pages are read from the other end, so `G` on a million rows is as quick as
            // `g`. Both ends rank by the whole ordering's own key (ties included): a top-k by
            // date alone listed statements of one day in reverse when read from the end.
            let from_end = offset > total / 2;
            let off = if from_end {
                total - offset - limit
            } else {
                offset
            };
            let segments: std::collections::HashMap<tantivy::index::SegmentId, u32> = searcher
                .segment_readers()
                .iter()
                .enumerate()
                .map(|(i, r)| (r.segment_id(), i as u32))
                .collect();
            let key = move |reader: &tantivy::SegmentReader| {
                let dates = reader
                    .fast_fields()
                    .column_opt::<tantivy::DateTime>("date")
                    .ok()
                    .flatten();
                let segment = segments.get(&reader.segment_id()).copied().unwrap_or(0);
                move |doc: tantivy::DocId| {
                    let date = dates
                        .as_ref()
                        .and_then(|c| c.first(doc))
                        .map(|d| d.into_timestamp_secs());
                    let k = super::collect::date_order_key(date, segment, doc);
                    // The top-k keeps the greatest keys: the last in list order from the end.
                    if from_end { k } else { u64::MAX - k }
                }
            };
            let mut addrs: Vec<DocAddress> = searcher
                .search(
                    &*query,
                    &TopDocs::with_limit(limit).and_offset(off).order_by(key),
                )?
                .into_iter()
                .map(|(_, a)| a)
                .collect();
            if from_end {
                addrs.reverse();
            }
            addrs
        };
        Ok((total, addrs))
    }

    pub(super) fn load(&self, searcher: &Searcher, a: DocAddress) -> Result<Statement, IndexError> {
        let doc: TantivyDocument = searcher.doc(a)?;
        let json = doc
            .get_first(self.fields.json)
            .and_then(|v| v.as_str())
            .unwrap_or("{}");
        serde_json::from_str(json).map_err(|e| IndexError::Damaged(format!("stored record: {e}")))
    }

    /// The canonical name of an official in any form the gazetteer takes ("lavrov", "Sergei
    /// Lavrov"), from the table the index keeps; the built-in gazetteer for an older index.
    pub fn official_name(&self, input: &str) -> Option<String> {
        match super::official_names::Table::read(&self.dir) {
            Some(t) => t.lookup(input).map(str::to_string),
            None => crate::names::gazetteer_name(input),
        }
    }

    /// Counts per value of a facet field (speaker, topic, outlet, kind, year), largest first.
    pub fn counts(&self, field: &str, filter: &Filter) -> Result<Vec<(String, u64)>, IndexError> {
        let field = field.to_string();
        Ok(self
            .searcher()
            .search(&*self.query(filter), &TermCounts { field })?)
    }

    /// Statements per period (`month`, `week` or `year`) with the topic mix of each period,
    /// oldest first. Undated statements are left out.
    pub fn timeline(&self, filter: &Filter, by: Period) -> Result<Vec<PeriodCount>, IndexError> {
        let searcher = self.searcher();
        let names = self.segment_names(&searcher)?;
        let rows = searcher.search(&*self.query(filter), &Timeline { names })?;
        let mut map: std::collections::BTreeMap<
            String,
            (u64, std::collections::BTreeMap<String, u64>),
        > = Default::default();
        for (secs, topics) in rows {
            let Some(dt) = chrono::DateTime::from_timestamp(secs, 0) else {
                continue;
            };
            let d = dt.date_naive();
            let key = match by {
                Period::Year => d.format("%Y").to_string(),
                Period::Month => d.format("%Y-%m").to_string(),
                Period::Week => d.format("%G-W%V").to_string(),
            };
            let e = map.entry(key).or_default();
            e.0 += 1;
            for t in topics {
                *e.1.entry(t).or_default() += 1;
            }
        }
        Ok(map
            .into_iter()
            .map(|(period, (count, topics))| {
                let mut topics: Vec<(String, u64)> = topics.into_iter().collect();
                topics.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                PeriodCount {
                    period,
                    count,
                    topics,
                }
            })
            .collect())
    }

    /// Speaker and topic names of every segment of `searcher`, from the cache or read once.
    fn segment_names(
        &self,
        searcher: &Searcher,
    ) -> Result<std::collections::HashMap<tantivy::index::SegmentId, (Names, Names)>, IndexError>
    {
        let mut cache = self.names.lock().unwrap_or_else(|p| p.into_inner());
        let mut out = std::collections::HashMap::new();
        for seg in searcher.segment_readers() {
            let id = seg.segment_id();
            let names = match cache.entry(id) {
                std::collections::hash_map::Entry::Occupied(e) => e.get().clone(),
                std::collections::hash_map::Entry::Vacant(e) => {
                    let ff = seg.fast_fields();
                    let sp = ff
                        .str("speaker")?
                        .map(|c| all_terms(&c))
                        .unwrap_or_default();
                    let tp = ff.str("topic")?.map(|c| all_terms(&c)).unwrap_or_default();
                    e.insert((std::sync::Arc::new(sp), std::sync::Arc::new(tp)))
                        .clone()
                }
            };
            out.insert(id, names);
        }
        Ok(out)
    }

    /// Every statement matching `filter`, in `sort` order (ties by index order), one at a time.
    pub fn each_in_order<E: From<IndexError>>(
        &self,
        filter: &Filter,
        sort: Sort,
        each: &mut dyn FnMut(Statement) -> Result<(), E>,
    ) -> Result<(), E> {
        let searcher = self.searcher();
        let all = searcher
            .search(&*self.query(filter), &Ordered { sort })
            .map_err(IndexError::from)?;
        for a in all {
            each(self.load(&searcher, a)?)?;
        }
        Ok(())
    }

    /// A page for the browser: the whole result set is ordered once per filter and sort, and
    /// every later page (`j`, `PgDn`, `G`) is a slice of it.
    pub fn page_cached(
        &self,
        filter: &Filter,
        sort: Sort,
        offset: usize,
        limit: usize,
    ) -> Result<Page, IndexError> {
        let sort = if sort == Sort::Relevance && filter.query.trim().is_empty() {
            Sort::Date
        } else {
            sort
        };
        let ordered = {
            // A few recent result sets: going back to "All" or to the last official is instant.
            let mut cache = self.ordered.lock().unwrap_or_else(|p| p.into_inner());
            match cache.iter().position(|(f, s, _)| f == filter && *s == sort) {
                Some(i) => {
                    let hit = cache.remove(i);
                    let v = hit.2.clone();
                    cache.insert(0, hit);
                    v
                }
                None => {
                    // The first page of a new result set comes from a top-k search, which is
                    // quicker than ordering everything; the ordering is built when the person
                    // moves past it.
                    let mut first = self.first_seen.lock().unwrap_or_else(|p| p.into_inner());
                    // Speaker order is always the whole ordering: build it once, here.
                    if !filter.dedup
                        && sort != Sort::Speaker
                        && first.as_ref() != Some(&(filter.clone(), sort))
                    {
                        *first = Some((filter.clone(), sort));
                        drop(cache);
                        return self.page(filter, sort, offset, limit);
                    }
                    let searcher = self.searcher();
                    let mut all = searcher.search(&*self.query(filter), &Ordered { sort })?;
                    if filter.dedup {
                        all = dedup_addresses(&searcher, all)?;
                    }
                    let v = std::sync::Arc::new(all);
                    cache.insert(0, (filter.clone(), sort, v.clone()));
                    cache.truncate(4);
                    v
                }
            }
        };
        let total = ordered.len();
        let searcher = self.searcher();
        let end = offset.saturating_add(limit).min(total);
        let mut hits = Vec::with_capacity(end.saturating_sub(offset));
        for &a in ordered.get(offset..end).unwrap_or(&[]) {
            hits.push(self.load(&searcher, a)?);
        }
        Ok(Page {
            total,
            offset,
            hits,
        })
    }

    /// Every distinct value of a facet field (for name matching and suggestions).
    pub fn values(&self, field: &str) -> Result<Vec<String>, IndexError> {
        let f = self
            .index
            .schema()
            .get_field(field)
            .map_err(|e| IndexError::Query(e.to_string()))?;
        let mut out = std::collections::BTreeSet::new();
        for seg in self.searcher().segment_readers() {
            let inv = seg.inverted_index(f)?;
            let mut stream = inv
                .terms()
                .stream()
                .map_err(|e| IndexError::Io(e.to_string()))?;
            while stream.advance() {
                out.insert(String::from_utf8_lossy(stream.key()).into_owned());
            }
        }
        // A segment keeps the terms of its deleted statements until it is merged (a speaker
        // renamed at ingest, a file re-ingested): only values some live statement has count.
        if self
            .searcher()
            .segment_readers()
            .iter()
            .any(|s| s.num_deleted_docs() > 0)
        {
            let live: std::collections::HashSet<String> = self
                .counts(field, &Filter::default())?
                .into_iter()
                .map(|(v, _)| v)
                .collect();
            out.retain(|v| live.contains(v));
        }
        Ok(out.into_iter().collect())
    }

    /// Whether any statement has exactly this value in a facet field.
    pub fn has_value(&self, field: &str, value: &str) -> bool {
        let Ok(f) = self.index.schema().get_field(field) else {
            return false;
        };
        // Counted over live statements: a deleted statement's term lingers until a merge.
        let q = TermQuery::new(Term::from_field_text(f, value), IndexRecordOption::Basic);
        self.searcher().search(&q, &Count).is_ok_and(|n| n > 0)
    }

    /// What marks the query's hits in statement texts: made once for a list of results, as
    /// it looks each query term up in every segment.
    pub fn highlighter(&self, filter: &Filter) -> Highlighter {
        if filter.query.trim().is_empty() {
            return Highlighter(None);
        }
        let searcher = self.searcher();
        let mut qp = QueryParser::for_index(&self.index, vec![self.fields.text]);
        qp.set_conjunction_by_default();
        let (q, _) = qp.parse_query_lenient(&user_query(filter.query.trim()));
        Highlighter(SnippetGenerator::create(&searcher, &*q, self.fields.text).ok())
    }
}

/// The query's hits in a text (`Store::highlighter`).
pub struct Highlighter(Option<SnippetGenerator>);

impl Highlighter {
    /// The hits in `text` as byte ranges, in order.
    pub fn ranges(&mut self, text: &str) -> Vec<(usize, usize)> {
        let Some(g) = &mut self.0 else {
            return Vec::new();
        };
        g.set_max_num_chars(text.len().max(1));
        let s = g.snippet(text);
        let offset = text.find(s.fragment()).unwrap_or(0);
        s.highlighted()
            .iter()
            .map(|r| (r.start + offset, r.end + offset))
            .collect()
    }
}

/// Keeps the first of each group of near-duplicates (sharing a signature band, which includes
/// the speaker), in list order.
fn dedup_addresses(
    searcher: &Searcher,
    ordered: Vec<DocAddress>,
) -> Result<Vec<DocAddress>, IndexError> {
    let columns: Vec<Option<tantivy::columnar::Column<u64>>> = searcher
        .segment_readers()
        .iter()
        .map(|s| s.fast_fields().column_opt::<u64>("sig"))
        .collect::<Result<_, _>>()?;
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::with_capacity(ordered.len());
    for a in ordered {
        let bands: Vec<u64> = columns
            .get(a.segment_ord as usize)
            .and_then(|c| c.as_ref())
            .map(|c| c.values_for_doc(a.doc_id).collect())
            .unwrap_or_default();
        let repeat = bands.iter().any(|b| seen.contains(b));
        seen.extend(bands);
        if !repeat {
            out.push(a);
        }
    }
    Ok(out)
}

pub(super) fn day_number(d: &str) -> Option<i64> {
    chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
        .ok()
        .map(|d| d.num_days_from_ce() as i64)
}

/// Drops statements that repeat an earlier one in the list (same speaker, near-identical words):
/// the first, in list order, stands for the others. Candidates come from a map of signature
/// bands, so the work grows with the list, not with its square.
pub fn dedup(statements: Vec<Statement>) -> Vec<Statement> {
    let mut kept: Vec<(Option<i64>, Statement)> = Vec::new();
    let mut by_band: std::collections::HashMap<u64, Vec<usize>> = Default::default();
    for st in statements {
        let bands = crate::extract::signature::bands(&st.speaker, &st.text);
        let day = st.date.as_deref().and_then(day_number);
        let mut candidates: Vec<usize> = bands
            .iter()
            .filter_map(|b| by_band.get(b))
            .flatten()
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let dup = candidates.iter().any(|&i| {
            let (kd, k) = &kept[i];
            k.speaker == st.speaker && super::reports::same_statement(*kd, &k.text, day, &st.text)
        });
        if !dup {
            for b in bands {
                by_band.entry(b).or_default().push(kept.len());
            }
            kept.push((day, st));
        }
    }
    kept.into_iter().map(|(_, s)| s).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_have_no_limit_on_distinct_values() {
        // Tantivy's terms aggregation stops at 65,000 buckets; a million statements can have
        // 90,000 speakers, and `officials` must list them all.
        let dir = tempfile::tempdir().unwrap();
        let (schema, f) = super::super::schema::build();
        let index = Index::create_in_dir(dir.path(), schema).unwrap();
        let mut w: tantivy::IndexWriter = index.writer(50_000_000).unwrap();
        for i in 0..66_000 {
            let mut d = TantivyDocument::default();
            d.add_text(f.speaker, format!("speaker {i}"));
            d.add_text(f.topic, if i % 2 == 0 { "energy" } else { "war" });
            w.add_document(d).unwrap();
        }
        w.commit().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let speakers = store.counts("speaker", &Filter::default()).unwrap();
        assert_eq!(speakers.len(), 66_000);
        assert!(speakers.iter().all(|(_, n)| *n == 1));
        let topics = store.counts("topic", &Filter::default()).unwrap();
        assert_eq!(
            topics,
            [("energy".to_string(), 33_000), ("war".to_string(), 33_000)]
        );
    }

    #[test]
    fn user_dates() {
        assert_eq!(parse_user_date("2017", false).unwrap(), "2017-01-01");
        assert_eq!(parse_user_date("2017", true).unwrap(), "2017-12-31");
        assert_eq!(parse_user_date("2016-02", true).unwrap(), "2016-02-29");
        assert_eq!(parse_user_date("2017-04-12", false).unwrap(), "2017-04-12");
        assert!(parse_user_date("2017-13-45", false).is_err());
        assert!(parse_user_date("yesterday", false).is_err());
    }
}
