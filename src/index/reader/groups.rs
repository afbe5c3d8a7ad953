//! The Officials pane's answers: statements per official (and per topic for the expanded
//! ones), counted from fast-field columns, with the last few kept for going back.

use std::sync::Arc;

use super::{Group, Store, group_rank};
use crate::index::IndexError;
use crate::index::collect::GroupCounts;
use crate::model::Filter;

impl Store {
    /// Officials with counts, largest first, with per-topic counts for the `expanded` ones: the
    /// group pane. Read from fast-field columns; no stored document is loaded.
    pub fn groups(
        &self,
        filter: &Filter,
        expanded: &std::collections::BTreeSet<String>,
    ) -> Result<Arc<Vec<Group>>, IndexError> {
        let mut cache = self.groups.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(i) = cache
            .iter()
            .position(|(f, e, _)| f == filter && e == expanded)
        {
            let hit = cache.remove(i);
            let groups = hit.2.clone();
            cache.insert(0, hit);
            return Ok(groups);
        }
        drop(cache);
        // The unfiltered answer was counted at ingest when the index has not changed since.
        let kept = (*filter == Filter::default() && expanded.is_empty())
            .then(|| super::super::group_file::load(&self.dir, &self.searcher()))
            .flatten();
        let groups = Arc::new(match kept {
            Some(g) => g,
            None => self.count_groups(filter, expanded)?,
        });
        let mut cache = self.groups.lock().unwrap_or_else(|p| p.into_inner());
        cache.insert(0, (filter.clone(), expanded.clone(), groups.clone()));
        // The unfiltered answer (nothing expanded), the dearest to count, outlives the
        // filters typed after it; it is one entry, so the cache stays at five at most.
        let mut kept = 0;
        cache.retain(|(f, e, _)| {
            kept += 1;
            kept <= 4 || (*f == Filter::default() && e.is_empty())
        });
        Ok(groups)
    }

    pub(in crate::index) fn count_groups(
        &self,
        filter: &Filter,
        expanded: &std::collections::BTreeSet<String>,
    ) -> Result<Vec<Group>, IndexError> {
        let searcher = self.searcher();
        let names = self.segment_names(&searcher)?;
        let fruit = searcher.search(
            &*self.query(filter),
            &GroupCounts {
                expanded: expanded.clone(),
                names,
            },
        )?;
        let mut out: Vec<Group> = fruit
            .speakers
            .into_iter()
            .map(|(speaker, count, kind)| Group {
                speaker,
                kind: crate::model::SpeakerKind::parse(&kind).unwrap_or_default(),
                count,
                topics: Vec::new(),
            })
            .collect();
        // Officials (people, institutions, countries) first, then each other kind in its
        // group; names are unique, so an unstable sort gives the same order.
        out.sort_unstable_by(|a, b| {
            group_rank(a.kind)
                .cmp(&group_rank(b.kind))
                .then_with(|| b.count.cmp(&a.count))
                .then_with(|| a.speaker.cmp(&b.speaker))
        });
        for ((speaker, topic), n) in fruit.topics {
            if let Some(g) = out.iter_mut().find(|g| g.speaker == speaker) {
                g.topics.push((topic, n));
            }
        }
        for g in &mut out {
            g.topics
                .sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        }
        Ok(out)
    }
}
