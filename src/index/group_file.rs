//! The browser's first answers, kept beside the index by each ingest so that its first frame
//! on a million statements waits for neither a count over every statement (~120 ms) nor an
//! ordering of them all (~27 ms): the Officials pane unfiltered (`groups.tsv`) and the newest
//! statements' addresses (`newest.tsv`). Like `reports.bits`, each file names the segments it
//! was made for and is ignored once they change; the answer is then worked out as before.

use std::path::Path;

use tantivy::Searcher;

use super::reader::Group;
use crate::model::SpeakerKind;

/// A file kept beside the index, headed by its magic and the segments it was made for.
struct Kept {
    file: &'static str,
    magic: &'static str,
}

const GROUPS: Kept = Kept {
    file: "groups.tsv",
    magic: "onrecord-groups 1",
};
const NEWEST: Kept = Kept {
    file: "newest.tsv",
    magic: "onrecord-newest 1",
};
/// How many of the newest statements are kept: the first pages of the list.
const NEWEST_KEPT: usize = 1000;

impl Kept {
    /// Whether the file was made for the segments `made_for` names (its first line only).
    fn is_for(&self, dir: &Path, made_for: &str) -> bool {
        use std::io::BufRead;
        let mut first = String::new();
        std::fs::File::open(dir.join(self.file))
            .map(std::io::BufReader::new)
            .and_then(|mut r| r.read_line(&mut first))
            .is_ok()
            && first.trim_end_matches('\n') == format!("{}\t{made_for}", self.magic)
    }

    /// The lines after the heading, when the file was made for the segments `searcher` reads.
    fn body(&self, dir: &Path, searcher: &Searcher) -> Option<String> {
        let text = std::fs::read_to_string(dir.join(self.file)).ok()?;
        let (head, body) = text.split_once('\n')?;
        (head == format!("{}\t{}", self.magic, fingerprint(searcher))).then(|| body.to_string())
    }

    /// Writes the heading for `searcher`'s segments and `body` (temp file + rename).
    fn save(&self, dir: &Path, searcher: &Searcher, body: &str) -> std::io::Result<()> {
        let tmp = dir.join(format!("{}.tmp", self.file));
        let head = format!("{}\t{}\n", self.magic, fingerprint(searcher));
        std::fs::write(&tmp, head + body)?;
        std::fs::rename(&tmp, dir.join(self.file))
    }
}

/// The segments a searcher reads, with their sizes and deletions.
fn fingerprint(searcher: &Searcher) -> String {
    searcher
        .segment_readers()
        .iter()
        .map(|s| {
            format!(
                "{}:{}:{}",
                s.segment_id().uuid_string(),
                s.max_doc(),
                s.num_deleted_docs()
            )
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// Writes `groups`, counted with `searcher`, into the index at `dir`. A name the format
/// cannot hold leaves no file at all: the browser then counts.
pub fn write(dir: &Path, searcher: &Searcher, groups: &[Group]) -> std::io::Result<()> {
    if groups
        .iter()
        .any(|g| g.speaker.contains(['\t', '\n', '\r']))
    {
        return match std::fs::remove_file(dir.join(GROUPS.file)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        };
    }
    let body: String = groups
        .iter()
        .map(|g| format!("{}\t{}\t{}\n", g.count, g.kind.as_str(), g.speaker))
        .collect();
    GROUPS.save(dir, searcher, &body)
}

/// The groups kept for exactly the segments `searcher` reads, in the order they were kept;
/// `None` when there is no such file, it is damaged, or it was made for other segments.
pub fn load(dir: &Path, searcher: &Searcher) -> Option<Vec<Group>> {
    GROUPS
        .body(dir, searcher)?
        .lines()
        .map(|l| {
            let mut p = l.splitn(3, '\t');
            let count = p.next()?.parse().ok()?;
            let kind = SpeakerKind::parse(p.next()?)?;
            Some(Group {
                speaker: p.next()?.to_string(),
                kind,
                count,
                topics: Vec::new(),
            })
        })
        .collect()
}

/// The newest statements' addresses kept for exactly the segments `searcher` reads.
pub fn load_newest(dir: &Path, searcher: &Searcher) -> Option<Vec<tantivy::DocAddress>> {
    let segments = searcher.segment_readers();
    NEWEST
        .body(dir, searcher)?
        .lines()
        .map(|l| {
            let (seg, doc) = l.split_once('\t')?;
            let (segment_ord, doc_id): (u32, u32) = (seg.parse().ok()?, doc.parse().ok()?);
            // An address outside the segments is a damaged file, not a statement.
            let reader = segments.get(segment_ord as usize)?;
            (doc_id < reader.max_doc()).then_some(tantivy::DocAddress::new(segment_ord, doc_id))
        })
        .collect()
}

/// Counts the unfiltered groups of the index at `dir` as it now is and keeps them, unless
/// the file kept is already theirs.
pub fn refresh(dir: &Path) -> Result<(), super::IndexError> {
    let store = super::reader::Store::open(dir)?;
    let searcher = store.searcher();
    let now = fingerprint(&searcher);
    let all = crate::model::Filter::default();
    let io = |kept: &Kept| {
        let path = dir.join(kept.file);
        move |e: std::io::Error| {
            super::IndexError::Io(format!("{}: cannot write: {e}", path.display()))
        }
    };
    if !GROUPS.is_for(dir, &now) {
        let groups = store.count_groups(&all, &Default::default())?;
        write(dir, &searcher, &groups).map_err(io(&GROUPS))?;
    }
    if !NEWEST.is_for(dir, &now) {
        let sort = super::reader::Sort::Date;
        let (_, newest) = store.page_addresses(&searcher, &all, sort, 0, NEWEST_KEPT)?;
        let body: String = newest
            .iter()
            .map(|a| format!("{}\t{}\n", a.segment_ord, a.doc_id))
            .collect();
        NEWEST.save(dir, &searcher, &body).map_err(io(&NEWEST))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Filter;
    use tantivy::{Index, TantivyDocument};

    fn add(index: &Index, speakers: &[&str]) {
        let f = super::super::schema::fields_of(&index.schema()).unwrap();
        let mut w: tantivy::IndexWriter = index.writer(15_000_000).unwrap();
        for s in speakers {
            let mut d = TantivyDocument::default();
            d.add_text(f.speaker, s);
            d.add_text(f.speaker_kind, "person");
            w.add_document(d).unwrap();
        }
        w.commit().unwrap();
    }

    #[test]
    fn kept_groups_answer_only_for_the_segments_they_were_counted_on() {
        let dir = tempfile::tempdir().unwrap();
        let (schema, _) = super::super::schema::build();
        let index = Index::create_in_dir(dir.path(), schema).unwrap();
        add(&index, &["Ann Lee", "Ann Lee", "Bo Chen"]);
        refresh(dir.path()).unwrap();
        let store = super::super::reader::Store::open(dir.path()).unwrap();
        let kept = load(dir.path(), &store.searcher()).expect("kept for these segments");
        let counted = store
            .count_groups(&Filter::default(), &Default::default())
            .unwrap();
        assert_eq!(kept, counted);
        assert_eq!(
            kept.iter()
                .map(|g| (g.speaker.as_str(), g.count))
                .collect::<Vec<_>>(),
            [("Ann Lee", 2), ("Bo Chen", 1)]
        );
        // The newest statements kept are those the ordering gives, in its order.
        let newest = load_newest(dir.path(), &store.searcher()).expect("kept");
        assert_eq!(newest.len(), 3);
        std::fs::remove_file(dir.path().join(NEWEST.file)).unwrap();
        let fresh = super::super::reader::Store::open(dir.path()).unwrap();
        let (total, ordered) = fresh
            .page_addresses(
                &fresh.searcher(),
                &Filter::default(),
                super::super::reader::Sort::Date,
                0,
                3,
            )
            .unwrap();
        assert_eq!((total, ordered), (3, newest));
        refresh(dir.path()).unwrap();
        // A new segment: the files no longer answer, and the browser counts again.
        add(&index, &["Bo Chen"]);
        let store = super::super::reader::Store::open(dir.path()).unwrap();
        assert!(load(dir.path(), &store.searcher()).is_none());
        assert!(load_newest(dir.path(), &store.searcher()).is_none());
        let (total, addrs) = store
            .page_addresses(
                &store.searcher(),
                &Filter::default(),
                super::super::reader::Sort::Date,
                0,
                10,
            )
            .unwrap();
        assert_eq!((total, addrs.len()), (4, 4));
        let g = store
            .groups(&Filter::default(), &Default::default())
            .unwrap();
        assert_eq!(g.iter().map(|g| g.count).sum::<u64>(), 4);
        // A damaged file is no file.
        refresh(dir.path()).unwrap();
        let path = dir.path().join(GROUPS.file);
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, text.replace("person", "?")).unwrap();
        assert!(load(dir.path(), &store.searcher()).is_none());
    }

    #[test]
    fn group_counts_are_kept_for_going_back_and_stay_right() {
        let dir = tempfile::tempdir().unwrap();
        let (schema, f) = super::super::schema::build();
        let index = Index::create_in_dir(dir.path(), schema).unwrap();
        let mut w: tantivy::IndexWriter = index.writer(50_000_000).unwrap();
        for i in 0..60 {
            let mut d = TantivyDocument::default();
            d.add_text(f.speaker, format!("Speaker {}", i % 6));
            d.add_text(f.topic, ["energy", "war", "trade"][i % 3]);
            w.add_document(d).unwrap();
        }
        w.commit().unwrap();
        let store = super::super::reader::Store::open(dir.path()).unwrap();
        let none = Default::default();
        let all = store.groups(&Filter::default(), &none).unwrap();
        assert_eq!(all.len(), 6);
        assert!(all.iter().all(|g| g.count == 10));
        // Six other filters later, the unfiltered answer is still the one counted first.
        for t in ["energy", "war", "trade", "x", "y", "z"] {
            let only = Filter {
                topic: Some(t.into()),
                ..Filter::default()
            };
            let g = store.groups(&only, &none).unwrap();
            assert_eq!(
                g.iter().map(|g| g.count).sum::<u64>(),
                if t.len() > 1 { 20 } else { 0 }
            );
        }
        let again = store.groups(&Filter::default(), &none).unwrap();
        assert!(std::sync::Arc::ptr_eq(&all, &again));
        // Another set of expanded officials is another answer, with its topics.
        let open = std::collections::BTreeSet::from(["Speaker 0".to_string()]);
        let expanded = store.groups(&Filter::default(), &open).unwrap();
        let s0 = expanded.iter().find(|g| g.speaker == "Speaker 0").unwrap();
        assert_eq!(s0.topics.iter().map(|t| t.1).sum::<u64>(), 10);
        assert!(all.iter().all(|g| g.topics.is_empty()));
    }
}
