//! One identity per person across the whole index, decided at ingest after the articles are
//! in: a surname an article never resolved ("Snowden said") joins the one person of that
//! surname the index names in full and who speaks in the same years; a name with a middle
//! initial the gazetteer does not know ("Adam B. Schiff") joins the same name without it. When
//! several people fit (Bush, Clinton, Kim), the surname stays as written, a row of its own.
//! A name is also one kind: the kind most of its statements have.

use std::collections::HashMap;

use tantivy::collector::DocSetCollector;
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{Index, IndexWriter, TantivyDocument, Term};

use super::collect::all_terms;
use super::schema::Fields;
use super::{IndexError, to_doc};
use crate::extract::officials::{name_key, plain_key};
use crate::model::{SpeakerKind, Statement};

/// What the index says of one speaker: kind, and the years they speak in.
#[derive(Debug, Clone, Copy)]
struct Span {
    kind: SpeakerKind,
    first: i32,
    last: i32,
    statements: u64,
    /// Statements per kind, in the order of `SpeakerKind::ALL`.
    kinds: [u64; SpeakerKind::ALL.len()],
}

impl Span {
    /// Statements of more than one kind carry this name.
    fn mixed(&self) -> bool {
        self.kinds.iter().filter(|c| **c > 0).count() > 1
    }
}

/// Every speaker's kind and years, from the fast-field columns (no stored document read). A
/// name with statements of several kinds ("TASS" the agency, and a transcript's "TASS") has
/// the kind most of them have, the first of `SpeakerKind::ALL` on a tie: not the kind of
/// whichever statement the index happens to hold first, which varied from ingest to ingest.
fn spans(index: &Index) -> Result<HashMap<String, Span>, IndexError> {
    let reader = index.reader()?;
    let searcher = reader.searcher();
    let mut out: HashMap<String, Span> = HashMap::new();
    for seg in searcher.segment_readers() {
        let ff = seg.fast_fields();
        let (Some(sp), Some(kinds)) = (ff.str("speaker")?, ff.str("speaker_kind")?) else {
            continue;
        };
        let years = ff.str("year")?;
        let names = all_terms(&sp);
        let kind_names = all_terms(&kinds);
        let year_names: Vec<i32> = years
            .as_ref()
            .map(|y| {
                all_terms(y)
                    .iter()
                    .map(|s| s.parse().unwrap_or(0))
                    .collect()
            })
            .unwrap_or_default();
        let alive = seg.alive_bitset();
        for doc in 0..seg.max_doc() {
            if alive.is_some_and(|a| !a.is_alive(doc)) {
                continue;
            }
            let Some(s) = sp.term_ords(doc).next() else {
                continue;
            };
            let kind = kinds
                .term_ords(doc)
                .next()
                .and_then(|k| kind_names.get(k as usize))
                .and_then(|k| SpeakerKind::parse(k))
                .unwrap_or_default();
            let year = years
                .as_ref()
                .and_then(|y| y.term_ords(doc).next())
                .and_then(|o| year_names.get(o as usize).copied())
                .unwrap_or(0);
            let e = out.entry(names[s as usize].clone()).or_insert(Span {
                kind,
                first: i32::MAX,
                last: i32::MIN,
                statements: 0,
                kinds: Default::default(),
            });
            e.statements += 1;
            if year > 0 {
                e.first = e.first.min(year);
                e.last = e.last.max(year);
            }
            let k = SpeakerKind::ALL
                .iter()
                .position(|x| *x == kind)
                .unwrap_or(0);
            e.kinds[k] += 1;
        }
    }
    for sp in out.values_mut() {
        let most = (0..sp.kinds.len())
            .max_by_key(|&k| (sp.kinds[k], std::cmp::Reverse(k)))
            .unwrap_or(0);
        sp.kind = SpeakerKind::ALL[most];
    }
    Ok(out)
}

/// A person's full name as the text writes one: two to four capitalised words.
fn is_full_name(name: &str) -> bool {
    let ws: Vec<&str> = name.split_whitespace().collect();
    (2..=5).contains(&ws.len())
        && ws
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// The speaker a statement of `surname` dated `year` joins: the one full-name person of that
/// surname speaking within a year of it (any year when undated), if exactly one — or one
/// who speaks ten times as often as all the others together (Edward Snowden, not his father
/// Lon, quoted a few times: an article about the father names him in full first).
fn surname_target<'a>(candidates: &[(&'a str, Span)], year: Option<i32>) -> Option<&'a str> {
    let mut fits: Vec<(&str, Span)> = candidates
        .iter()
        .filter(|(_, sp)| match year {
            Some(y) if sp.first <= sp.last => sp.first - 1 <= y && y <= sp.last + 1,
            Some(_) => false,
            None => true,
        })
        .copied()
        .collect();
    fits.sort_by_key(|f| std::cmp::Reverse(f.1.statements));
    match fits.as_slice() {
        [(one, _)] => Some(one),
        [(top, t), rest @ ..] => {
            let others: u64 = rest.iter().map(|(_, s)| s.statements).sum();
            (t.statements >= 20 && t.statements >= 10 * others).then_some(*top)
        }
        [] => None,
    }
}

/// Rewrites the speakers of the index as above, and gives each statement its name's kind;
/// says how many statements changed. The caller commits. `never_joined` holds surnames that alone never join anyone across articles: months ("May")
/// and family names written first ("Kim", "Xi").
pub fn unify(
    index: &Index,
    fields: &Fields,
    writer: &mut IndexWriter,
    never_joined: &rustc_hash::FxHashSet<String>,
) -> Result<Unified, IndexError> {
    let spans = spans(index)?;
    let person = |n: &str| {
        spans
            .get(n)
            .is_some_and(|sp| sp.kind == SpeakerKind::Person)
    };
    // 1. Spellings of one name: "John Mccain" joins "John McCain", the form written most;
    //    "Adam B. Schiff" joins "Adam Schiff" when that is the one other form ("George Bush" is
    //    not picked for two Bushes with different initials).
    let mut by_key: HashMap<String, (&str, u64)> = HashMap::new();
    let mut by_plain: HashMap<String, Vec<&str>> = HashMap::new();
    for (name, sp) in &spans {
        if sp.kind != SpeakerKind::Person {
            continue;
        }
        let key = name_key(name);
        let e = by_key.entry(key.clone()).or_insert((name, 0));
        if sp.statements > e.1 || sp.statements == e.1 && name.as_str() < e.0 {
            *e = (name, sp.statements);
        }
        if is_full_name(name) {
            by_plain.entry(plain_key(&key)).or_default().push(name);
        }
    }
    let mut merge: HashMap<&str, &str> = HashMap::new();
    for name in spans.keys().filter(|n| person(n)) {
        let key = name_key(name);
        if let Some(&(main, _)) = by_key.get(&key)
            && main != name
        {
            merge.insert(name, main);
            continue;
        }
        let plain = plain_key(&key);
        if plain != key
            && let Some(forms) = by_plain.get(&plain)
        {
            let others: Vec<&str> = forms
                .iter()
                .copied()
                .filter(|f| *f != name && name_key(f) != key)
                .collect();
            let initialed = forms
                .iter()
                .filter(|f| name_key(f) != plain)
                .map(|f| name_key(f))
                .collect::<std::collections::HashSet<_>>()
                .len();
            if let [target] = others.as_slice()
                && name_key(target) == plain
                && initialed == 1
            {
                merge.insert(name, by_key[&plain].0);
            }
        }
    }
    // A spelling whose main form is itself an initialled form lands on the final name.
    let targets: Vec<&str> = merge.keys().copied().collect();
    for name in targets {
        let mut t = merge[name];
        for _ in 0..4 {
            match merge.get(t) {
                Some(&next) if next != t => t = next,
                _ => break,
            }
        }
        merge.insert(name, t);
    }
    // 2. Full-name people by surname, each with the years of all its spellings.
    let mut people: HashMap<&str, Span> = HashMap::new();
    for (name, sp) in spans.iter().filter(|(n, _)| person(n) && is_full_name(n)) {
        let target = merge.get(name.as_str()).copied().unwrap_or(name);
        let e = people.entry(target).or_insert(Span {
            kind: SpeakerKind::Person,
            first: i32::MAX,
            last: i32::MIN,
            statements: 0,
            kinds: Default::default(),
        });
        e.first = e.first.min(sp.first);
        e.last = e.last.max(sp.last);
        e.statements += sp.statements;
    }
    let mut by_surname: HashMap<String, Vec<(&str, Span)>> = HashMap::new();
    for (name, sp) in &people {
        if let Some(last) = name_key(name).rsplit(' ').next() {
            by_surname
                .entry(last.to_string())
                .or_default()
                .push((name, *sp));
        }
    }
    // 3. What to rewrite: another spelling, or a surname alone — or both, in that order: a
    //    transcript's "ROSE" is the spelling "Rose", which is the surname of Charlie Rose —
    //    and the kind of a statement whose name most statements give another kind (a
    //    transcript's "TASS: …" is the agency), so that a name is one row of one kind.
    let surname_candidates = |name: &str| {
        let key = name_key(name);
        (!key.contains(' ') && !never_joined.contains(&key))
            .then(|| by_surname.get(&key))
            .flatten()
    };
    let mut work: Vec<&str> = spans
        .keys()
        .map(String::as_str)
        .filter(|n| {
            spans[*n].mixed()
                || person(n) && (merge.contains_key(n) || surname_candidates(n).is_some())
        })
        .collect();
    work.sort_unstable();
    if work.is_empty() {
        return Ok(Unified::default());
    }
    // Every statement is read from the index as it was before this rewrite and each is
    // rewritten once. The deletions all go before the additions: a deletion removes what was
    // added before it under that name, which lost a statement rewritten as "Rose" when "Rose"
    // itself was rewritten after it.
    let searcher = index.reader()?.searcher();
    let mut changed = 0;
    let mut deletions = Vec::new();
    let mut additions = Vec::new();
    for speaker in work {
        let (spelled, candidates) = if person(speaker) {
            let spelled = merge.get(speaker).copied().unwrap_or(speaker);
            (spelled, surname_candidates(spelled))
        } else {
            (speaker, None)
        };
        let term = Term::from_field_text(fields.speaker, speaker);
        let docs = searcher.search(
            &TermQuery::new(term.clone(), IndexRecordOption::Basic),
            &DocSetCollector,
        )?;
        let mut rewritten = Vec::with_capacity(docs.len());
        let mut any = false;
        for addr in docs {
            let doc: TantivyDocument = searcher.doc(addr)?;
            let json = doc.get_first(fields.json).and_then(|v| v.as_str());
            let file = doc.get_first(fields.file).and_then(|v| v.as_str());
            let (Some(json), Some(file)) = (json, file) else {
                // An index without stored file keys cannot be rewritten safely.
                return Ok(Unified::default());
            };
            let mut st: Statement = serde_json::from_str(json)
                .map_err(|e| IndexError::Damaged(format!("stored record: {e}")))?;
            let year = st
                .date
                .as_deref()
                .and_then(|d| d.get(..4))
                .and_then(|y| y.parse().ok());
            let target = candidates
                .and_then(|c| surname_target(c, year))
                .unwrap_or(spelled);
            if target != speaker {
                st.speaker = target.to_string();
                any = true;
                changed += 1;
            }
            // The kind most statements of its (new) name have; a person's spelling or
            // surname joins a person.
            let kind = spans.get(target).map_or(SpeakerKind::Person, |sp| sp.kind);
            if st.speaker_kind != kind {
                st.speaker_kind = kind;
                any = true;
            }
            rewritten.push((st, file.to_string()));
        }
        if any {
            deletions.push(term);
            additions.extend(rewritten);
        }
    }
    for term in deletions {
        writer.delete_term(term);
    }
    for (st, file) in &additions {
        writer.add_document(to_doc(fields, st, file))?;
    }
    Ok(Unified {
        joined: changed,
        rewritten: additions.len() as u64,
    })
}

/// What [`unify`] did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Unified {
    /// Statements whose speaker joined another name (a spelling, a surname's full name).
    pub joined: u64,
    /// Statements written again (joined, or given their name's kind): the caller commits
    /// when there are any.
    pub rewritten: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(first: i32, last: i32) -> Span {
        Span {
            kind: SpeakerKind::Person,
            first,
            last,
            statements: 30,
            kinds: Default::default(),
        }
    }

    #[test]
    fn a_surname_joins_the_one_person_speaking_then() {
        let bushes = [
            ("George H. W. Bush", span(1989, 1992)),
            ("George W. Bush", span(2001, 2008)),
        ];
        assert_eq!(surname_target(&bushes, Some(2005)), Some("George W. Bush"));
        assert_eq!(
            surname_target(&bushes, Some(1990)),
            Some("George H. W. Bush")
        );
        assert_eq!(surname_target(&bushes, Some(1998)), None);
        assert_eq!(
            surname_target(&bushes, None),
            None,
            "undated and two Bushes"
        );
        let snowden = [("Edward Snowden", span(2013, 2019))];
        assert_eq!(surname_target(&snowden, None), Some("Edward Snowden"));
        assert_eq!(surname_target(&snowden, Some(2014)), Some("Edward Snowden"));
        assert_eq!(
            surname_target(&snowden, Some(2005)),
            None,
            "not speaking then"
        );
        let mut father = span(2013, 2014);
        father.statements = 2;
        let family = [
            ("Edward Snowden", span(2013, 2019)),
            ("Lon Snowden", father),
        ];
        assert_eq!(surname_target(&family, Some(2014)), Some("Edward Snowden"));
        let mut other = span(2013, 2014);
        other.statements = 10;
        let two = [("Edward Snowden", span(2013, 2019)), ("Ann Snowden", other)];
        assert_eq!(
            surname_target(&two, Some(2014)),
            None,
            "two people quoted often"
        );
    }
}
