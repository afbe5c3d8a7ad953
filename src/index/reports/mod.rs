//! Other outlets' reports of a statement (`also_reported_by`, the reader's list, `--dedup`).
//!
//! Another outlet's report of a statement shares at least one of its signature bands (the
//! `sig` field). Asking the index for those bands for each result was most of a search's time,
//! so ingest works every statement's reports out at once (`settle`) and writes them to
//! `reports.bits` (`file`): a search reads the outlets from there and looks up only what
//! ingest left to it.
//!
//! The file names the exact segments (and their deletions) it was made for, and a searcher
//! over any other set — an ingest killed before writing it, a file damaged or missing —
//! ignores it and looks every statement up as before. Answers never depend on it.

mod file;
mod settle;

use std::path::Path;

use serde::Deserialize;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, Index, Searcher, Term};

use super::IndexError;
use super::reader::Store;
use crate::model::Statement;
use file::Known;
pub use file::Shared;
pub use settle::write;

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

/// What deciding whether one statement reports another needs of each.
#[derive(Deserialize)]
struct Brief {
    id: String,
    speaker: String,
    source: String,
    outlet: Option<String>,
    date: Option<String>,
    text: String,
}

impl From<&Statement> for Brief {
    fn from(st: &Statement) -> Brief {
        Brief {
            id: st.id.clone(),
            speaker: st.speaker.clone(),
            source: st.source.clone(),
            outlet: st.outlet.clone(),
            date: st.date.clone(),
            text: st.text.clone(),
        }
    }
}

/// Whether `other` is another outlet's report of `st`: the same speaker in another article
/// (a JSONL record is an article of its own) of an outlet other than `st`'s, saying the same
/// statement (`same_statement`). Search-time look-ups and ingest both decide by it.
fn is_report(st: &Brief, other: &Brief) -> bool {
    let day = |b: &Brief| b.date.as_deref().and_then(super::reader::day_number);
    other.id != st.id
        && other.speaker == st.speaker
        && other.source != st.source
        && other.outlet.is_some()
        && other.outlet != st.outlet
        && same_statement(day(st), &st.text, day(other), &other.text)
}

/// Whether `dir` holds a readable reports file made for the index as it now is.
pub fn current(index: &Index, dir: &Path) -> bool {
    index
        .reader()
        .is_ok_and(|r| Shared::load(dir, &r.searcher()).is_some())
}

impl Store {
    /// Fills `also_reported_by` of each statement: other outlets whose articles carry the same
    /// speaker saying near-identical words (word-trigram resemblance ≥ 0.6) within three days.
    /// A wire copy run by one outlet twice, or by the statement's own outlet, counts once.
    pub fn corroborate(&self, statements: &mut [Statement]) -> Result<(), IndexError> {
        let searcher = self.searcher();
        for st in statements.iter_mut() {
            st.also_reported_by = match self.known(&searcher, st) {
                Known::Alone => Vec::new(),
                // Worked out at ingest, already in name order.
                Known::Outlets(o) => o.into_iter().map(String::from).collect(),
                Known::LookUp => {
                    let reports = self.look_up_reports(&searcher, st)?;
                    let outlets: std::collections::BTreeSet<String> =
                        reports.into_iter().map(|(o, _)| o).collect();
                    outlets.into_iter().collect()
                }
            };
        }
        Ok(())
    }

    /// The other reports of `st`: (outlet, the words as that outlet carried them), by outlet.
    pub fn other_reports(&self, st: &Statement) -> Result<Vec<(String, String)>, IndexError> {
        let searcher = self.searcher();
        if self.known(&searcher, st) == Known::Alone {
            return Ok(Vec::new());
        }
        self.look_up_reports(&searcher, st)
    }

    /// `other_reports` asked of the index: the statements sharing a band with `st`.
    fn look_up_reports(
        &self,
        searcher: &Searcher,
        st: &Statement,
    ) -> Result<Vec<(String, String)>, IndexError> {
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
        hits.truncate(settle::SEARCH_READS);

        let mut outlets: std::collections::BTreeMap<String, String> = Default::default();
        let day = st.date.as_deref().and_then(super::reader::day_number);
        let mine = Brief::from(st);
        for addr in hits {
            // Dated too far apart is another statement: known from the date column,
            // without reading the stored record.
            if let (Some(day), Some(other_day)) = (day, day_of(searcher, addr))
                && (day - other_day).abs() > WITHIN_DAYS
            {
                continue;
            }
            let other = Brief::from(&self.load(searcher, addr)?);
            if is_report(&mine, &other)
                && let Some(outlet) = other.outlet
            {
                outlets.entry(outlet).or_insert(other.text);
            }
        }
        Ok(outlets.into_iter().collect())
    }

    /// What ingest worked out about `st`'s other reports (`LookUp` when there is no file for
    /// these segments, or `st` is not in them).
    fn known<'a>(&'a self, searcher: &Searcher, st: &Statement) -> Known<'a> {
        let Some(shared) = self
            .shared
            .get_or_init(|| Shared::load(&self.dir, searcher))
        else {
            return Known::LookUp;
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
        addr.map_or(Known::LookUp, |a| shared.at(a))
    }
}

/// The day number (as `reader::day_number` counts) of the document's date, if it has one.
fn day_of(searcher: &Searcher, addr: DocAddress) -> Option<i64> {
    let column = searcher
        .segment_reader(addr.segment_ord)
        .fast_fields()
        .column_opt::<tantivy::DateTime>("date")
        .ok()??;
    let day = settle::day_number_of(column.first(addr.doc_id)?.into_timestamp_secs());
    (day != settle::NO_DAY).then_some(day as i64)
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
}
