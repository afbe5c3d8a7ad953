//! Printing look-ups: the search table, exports, and the count listings.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::cli::ExportFormat;
use crate::config::Config;
use crate::index::reader::{Sort, Store};
use crate::model::{Filter, Statement};
use crate::sanitize::for_terminal;

fn out_or_pipe(r: std::io::Result<()>) -> Result<()> {
    match r {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

/// `--color`, set once by the command that runs (auto until then).
static COLOR: std::sync::OnceLock<crate::cli::ColorChoice> = std::sync::OnceLock::new();

pub fn set_color(choice: crate::cli::ColorChoice) {
    let _ = COLOR.set(choice);
}

/// `-q`: no summary lines ("20 of 1030 statements").
static QUIET: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

pub fn set_quiet(quiet: bool) {
    QUIET.store(quiet, std::sync::atomic::Ordering::Relaxed);
}

fn color_ok() -> bool {
    COLOR
        .get()
        .copied()
        .unwrap_or_default()
        .enabled(std::io::stdout().is_terminal(), |v| std::env::var(v).ok())
}

/// Cuts `s` to at most `width` characters, with an ellipsis when cut.
pub fn fit(s: &str, width: usize) -> String {
    let n = s.chars().count();
    if n <= width {
        return format!("{s:<width$}");
    }
    if width == 0 {
        return String::new();
    }
    let mut out: String = s.chars().take(width - 1).collect();
    out.push('…');
    out
}

/// `search`: an aligned table that fits the terminal, or JSON lines.
pub fn search(
    store: &Store,
    filter: &Filter,
    sort: Option<Sort>,
    limit: usize,
    dedup: bool,
    json: bool,
) -> Result<ExitCode> {
    let sort = match sort {
        _ if filter.query.trim().is_empty() && sort != Some(Sort::Speaker) => Sort::Date,
        Some(s) => s,
        None => Sort::Relevance,
    };
    // With --dedup, read further so that `limit` distinct statements remain.
    let mut page = store.page(
        filter,
        sort,
        0,
        if dedup {
            limit.saturating_mul(4)
        } else {
            limit
        },
    )?;
    if dedup {
        page.hits = crate::index::reader::dedup(std::mem::take(&mut page.hits));
        page.hits.truncate(limit);
    }
    store.corroborate(&mut page.hits)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if json {
        for st in &page.hits {
            out_or_pipe(writeln!(out, "{}", st.to_json_line()))?;
        }
        out_or_pipe(out.flush())?;
        return Ok(ExitCode::SUCCESS);
    }
    let width = if std::io::stdout().is_terminal() {
        crossterm::terminal::size()
            .map(|(w, _)| w as usize)
            .unwrap_or(120)
    } else {
        120
    };
    let color = color_ok();
    let (wd, ws, wo) = (10, 20.min(width / 5), 14.min(width / 7));
    let wt = width.saturating_sub(wd + ws + wo + 3).max(10);
    let mut highlighter = store.highlighter(filter);
    for st in &page.hits {
        let date = st.date.as_deref().unwrap_or("");
        let text = for_terminal(&st.text);
        let snippet = snippet_around(&mut highlighter, &text, wt, color);
        out_or_pipe(writeln!(
            out,
            "{} {} {} {}",
            fit(date, wd),
            fit(&for_terminal(&st.speaker), ws),
            fit(&for_terminal(st.outlet.as_deref().unwrap_or("")), wo),
            snippet
        ))?;
    }
    if page.hits.is_empty() {
        eprintln!(
            "onrecord: no statements match {}",
            if filter.is_empty() {
                "(the index is empty)".to_string()
            } else {
                filter.describe()
            }
        );
    } else if page.total > page.hits.len() && !QUIET.load(std::sync::atomic::Ordering::Relaxed) {
        eprintln!(
            "onrecord: {} of {} statements (use --limit for more)",
            page.hits.len(),
            page.total
        );
    }
    out_or_pipe(out.flush())?;
    Ok(ExitCode::SUCCESS)
}

/// A window of `text` of `width` characters around the first hit, the hits in bold on terminals.
fn snippet_around(
    highlighter: &mut crate::index::reader::Highlighter,
    text: &str,
    width: usize,
    color: bool,
) -> String {
    let hits = highlighter.ranges(text);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let first_hit = hits
        .first()
        .map(|h| chars.iter().position(|(b, _)| *b >= h.0).unwrap_or(0))
        .unwrap_or(0);
    let start = first_hit
        .saturating_sub(width / 4)
        .min(chars.len().saturating_sub(width));
    let start = if chars.len() <= width { 0 } else { start };
    let end = (start + width).min(chars.len());
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    let mut in_hit = false;
    let stop = end
        .saturating_sub(usize::from(start > 0))
        .saturating_sub(usize::from(end < chars.len()))
        .max(start);
    for &(b, c) in &chars[start..stop] {
        let hit = hits.iter().any(|h| h.0 <= b && b < h.1);
        if color && hit != in_hit {
            out.push_str(if hit { "\x1b[1m" } else { "\x1b[0m" });
            in_hit = hit;
        }
        out.push(c);
    }
    if color && in_hit {
        out.push_str("\x1b[0m");
    }
    if end < chars.len() {
        out.push('…');
    }
    out
}

/// Every statement matching `filter`, newest first, in batches.
pub fn all_matching(
    store: &Store,
    filter: &Filter,
    mut each: impl FnMut(&Statement) -> Result<()>,
) -> Result<()> {
    // One ordering of the whole result set, read in order: paging by offset through a top-k
    // search gave statements of the same date twice and others never (the test of
    // incremental ingests against a rebuild found it in `export`).
    store.each_in_order(filter, Sort::Date, &mut |st| each(&st))
}

/// Writes statements in an export format.
pub fn write_export(
    out: &mut dyn Write,
    format: ExportFormat,
    statements: &[Statement],
) -> Result<()> {
    match format {
        ExportFormat::Jsonl => {
            for st in statements {
                writeln!(out, "{}", st.to_json_line())?;
            }
        }
        ExportFormat::Json => {
            let text = serde_json::to_string_pretty(statements)?;
            writeln!(out, "{}", crate::model::escape_json_specials(&text))?;
        }
        ExportFormat::Csv => {
            let mut w = csv::Writer::from_writer(&mut *out);
            w.write_record([
                "id",
                "date",
                "speaker",
                "speaker_title",
                "affiliation",
                "kind",
                "topics",
                "outlet",
                "title",
                "source",
                "url",
                "speaker_kind",
                "cue",
                "text",
                "also_reported_by",
            ])?;
            for st in statements {
                w.write_record([
                    st.id.as_str(),
                    st.date.as_deref().unwrap_or(""),
                    &st.speaker,
                    st.speaker_title.as_deref().unwrap_or(""),
                    st.affiliation.as_deref().unwrap_or(""),
                    st.kind.as_str(),
                    &st.topics.join(";"),
                    st.outlet.as_deref().unwrap_or(""),
                    st.title.as_deref().unwrap_or(""),
                    &st.source,
                    st.url.as_deref().unwrap_or(""),
                    st.speaker_kind.as_str(),
                    &st.cue,
                    &st.text,
                    &st.also_reported_by.join(";"),
                ])?;
            }
            w.flush()?;
        }
        ExportFormat::Md => {
            for st in statements {
                writeln!(out, "{}", citation_md(st))?;
                writeln!(out)?;
            }
        }
    }
    Ok(())
}

/// "> text" then "— Speaker, title, Outlet, date, source".
pub fn citation_md(st: &Statement) -> String {
    let mut who = vec![st.speaker.clone()];
    if let Some(t) = &st.speaker_title {
        who.push(t.clone());
    }
    let mut src = Vec::new();
    if let Some(t) = &st.title {
        src.push(format!("\"{t}\""));
    }
    if let Some(o) = &st.outlet {
        src.push(format!("*{o}*"));
    }
    if let Some(d) = &st.date {
        src.push(d.clone());
    }
    src.push(st.url.clone().unwrap_or_else(|| st.source.clone()));
    // Reported speech names its speaker in the sentence ("Lavrov said that …"): a quoted
    // block that began "said that …" read as nobody's.
    let words = match st.kind {
        crate::model::Kind::Direct => st.reported(),
        _ => st.attributed(),
    };
    let mut md = format!(
        "> {}\n>\n> — {}; {}",
        words.replace('\n', " "),
        who.join(", "),
        src.join(", ")
    );
    if !st.also_reported_by.is_empty() {
        md.push_str(&format!(
            "\n>\n> Also reported by: {}",
            st.also_reported_by.join(", ")
        ));
    }
    md
}

/// Plain-text citation for the clipboard.
pub fn citation_plain(st: &Statement) -> String {
    let mut parts = Vec::new();
    if let Some(o) = &st.outlet {
        parts.push(o.clone());
    }
    if let Some(d) = &st.date {
        parts.push(d.clone());
    }
    // The article's address when known: a citation a reader can follow.
    parts.push(st.url.clone().unwrap_or_else(|| st.source.clone()));
    format!("{} ({})", st.attributed(), parts.join(", "))
}

pub fn export(
    store: &Store,
    filter: &Filter,
    format: ExportFormat,
    output: Option<&Path>,
) -> Result<ExitCode> {
    let mut sts = Vec::new();
    all_matching(store, filter, |st| {
        sts.push(st.clone());
        Ok(())
    })?;
    // One small look-up per statement: done for selections up to 20,000 statements.
    if sts.len() <= 20_000 {
        store.corroborate(&mut sts)?;
    } else {
        eprintln!("onrecord: also_reported_by left empty for exports over 20,000 statements");
    }
    match output {
        Some(p) => {
            let tmp = p.with_extension("onrecord-tmp");
            let mut f = std::io::BufWriter::new(
                std::fs::File::create(&tmp)
                    .with_context(|| format!("{}: cannot create", p.display()))?,
            );
            write_export(&mut f, format, &sts)
                .with_context(|| format!("{}: cannot write", p.display()))?;
            f.flush()?;
            drop(f);
            std::fs::rename(&tmp, p).with_context(|| format!("{}: cannot write", p.display()))?;
            eprintln!(
                "onrecord: wrote {} statements to {}",
                sts.len(),
                p.display()
            );
        }
        None => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            let result = write_export(&mut out, format, &sts).and_then(|_| Ok(out.flush()?));
            let broken_pipe = |e: &anyhow::Error| {
                e.chain().any(|c| {
                    c.downcast_ref::<std::io::Error>()
                        .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
                })
            };
            if let Err(e) = result
                && !broken_pipe(&e)
            {
                return Err(e);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `officials`: people, institutions and countries by statement count, then outlets, unnamed
/// sources, groups and documents, each with its `kind`.
pub fn officials(store: &Store, json: bool) -> Result<ExitCode> {
    let groups = store.groups(&Filter::default(), &Default::default())?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let w = groups
        .iter()
        .map(|g| g.speaker.chars().count())
        .max()
        .unwrap_or(0)
        .min(48);
    let mut heading = None;
    for g in groups.iter() {
        // A surname nothing tied to one person ("Kim", "Davis") is marked as such.
        let surname_only = g.kind == crate::model::SpeakerKind::Person && !g.speaker.contains(' ');
        if json {
            out_or_pipe(writeln!(
                out,
                "{}",
                serde_json::json!({"official": g.speaker, "kind": g.kind.as_str(), "surname_only": surname_only, "statements": g.count})
            ))?;
            continue;
        }
        let label = g.kind.group_label();
        if heading != Some(label) {
            if heading.is_some() {
                out_or_pipe(writeln!(out))?;
            }
            out_or_pipe(writeln!(out, "{label}"))?;
            heading = Some(label);
        }
        out_or_pipe(writeln!(
            out,
            "  {} {:<11} {:>8}{}",
            fit(&for_terminal(&g.speaker), w),
            g.kind.as_str(),
            g.count,
            if surname_only { "  (surname only)" } else { "" }
        ))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `topics`: every topic of the taxonomy with its label and count.
pub fn topics(store: &Store, config: &Config, json: bool) -> Result<ExitCode> {
    let counts = store.counts("topic", &Filter::default())?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for t in &config.topics {
        let n = counts
            .iter()
            .find(|(k, _)| *k == t.id)
            .map_or(0, |(_, n)| *n);
        if json {
            out_or_pipe(writeln!(
                out,
                "{}",
                serde_json::json!({"topic": t.id, "label": t.label, "statements": n})
            ))?;
        } else {
            out_or_pipe(writeln!(
                out,
                "{} {} {n:>8}",
                fit(&t.id, 14),
                fit(&t.label, 24)
            ))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `stats --by`: a timeline with a bar per period and its main topics.
pub fn timeline(
    store: &Store,
    filter: &Filter,
    by: crate::index::reader::Period,
    json: bool,
) -> Result<ExitCode> {
    let rows = store.timeline(filter, by)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if json {
        for r in &rows {
            out_or_pipe(writeln!(out, "{}", serde_json::to_string(r)?))?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    if rows.is_empty() {
        eprintln!("onrecord: no dated statements match {}", filter.describe());
        return Ok(ExitCode::SUCCESS);
    }
    let max = rows.iter().map(|r| r.count).max().unwrap_or(1).max(1);
    for r in &rows {
        let bar = "█".repeat(((r.count as f64 / max as f64) * 30.0).ceil() as usize);
        let mix: Vec<String> = r
            .topics
            .iter()
            .take(3)
            .map(|(t, n)| format!("{t} {n}"))
            .collect();
        out_or_pipe(writeln!(
            out,
            "{:<8} {:>6} {:<30} {}",
            r.period,
            r.count,
            bar,
            mix.join(", ")
        ))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `verify`: who said it, where, when, and how exact the match is — or that nothing close is on
/// record (exit status 1).
pub fn verify(store: &Store, sentence: &str, limit: usize, json: bool) -> Result<ExitCode> {
    let found = crate::verify::verify(store, sentence, limit)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if json {
        for m in &found {
            let mut v = serde_json::to_value(&m.statement)?;
            v["match_score"] = serde_json::json!((m.score * 100.0).round() / 100.0);
            v["match"] = serde_json::json!(m.verdict);
            out_or_pipe(writeln!(
                out,
                "{}",
                crate::model::escape_json_specials(&v.to_string())
            ))?;
        }
    } else if found.is_empty() {
        out_or_pipe(writeln!(out, "Nothing close to that is on record."))?;
    } else {
        for m in &found {
            let st = &m.statement;
            let when: Vec<String> = [
                st.outlet.clone(),
                st.date.clone(),
                Some(st.url.clone().unwrap_or_else(|| st.source.clone())),
            ]
            .into_iter()
            .flatten()
            .map(|s| for_terminal(&s))
            .collect();
            // Quotation marks only for words the article quotes: reported speech is shown as
            // reported ("John Kerry suggested that …").
            let (head, body) = match st.kind {
                crate::model::Kind::Direct => (format!("{} said", st.speaker), st.reported()),
                _ => (st.speaker.clone(), st.attributed()),
            };
            out_or_pipe(writeln!(
                out,
                "{} match ({:.0}%): {}",
                m.verdict,
                m.score * 100.0,
                for_terminal(&head)
            ))?;
            out_or_pipe(writeln!(out, "  {}", for_terminal(&body)))?;
            out_or_pipe(writeln!(out, "  {}", when.join(" · ")))?;
        }
    }
    Ok(if found.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `stats`: totals and counts per official, topic, outlet and year.
pub fn stats(store: &Store, json: bool) -> Result<ExitCode> {
    let all = Filter::default();
    let total = store.count(&all)?;
    let sections = [
        ("officials", "speaker"),
        ("topics", "topic"),
        ("outlets", "outlet"),
        ("years", "year"),
        ("kinds", "kind"),
        ("speaker_kinds", "speaker_kind"),
    ];
    let mut data = serde_json::Map::new();
    data.insert("statements".into(), total.into());
    let mut text = format!("statements {total}\n");
    for (name, field) in sections {
        let mut rows = if name == "officials" {
            // Officials are people, institutions and countries: unnamed sources, groups,
            // documents and outlets have their own counts under speaker_kinds.
            let mut rows = Vec::new();
            for kind in [
                crate::model::SpeakerKind::Person,
                crate::model::SpeakerKind::Institution,
                crate::model::SpeakerKind::Country,
            ] {
                let only = Filter {
                    speaker_kind: Some(kind),
                    ..Filter::default()
                };
                rows.extend(store.counts(field, &only)?);
            }
            rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            rows
        } else {
            store.counts(field, &all)?
        };
        if field == "year" {
            rows.sort();
        }
        data.insert(
            name.into(),
            serde_json::Value::Object(rows.iter().map(|(k, n)| (k.clone(), (*n).into())).collect()),
        );
        text.push_str(&format!("\n{name}\n"));
        for (k, n) in rows
            .iter()
            .take(if field == "year" { usize::MAX } else { 20 })
        {
            text.push_str(&format!("  {} {n:>8}\n", fit(&for_terminal(k), 40)));
        }
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if json {
        out_or_pipe(writeln!(out, "{}", serde_json::Value::Object(data)))?;
    } else {
        out_or_pipe(write!(out, "{text}"))?;
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Kind, SpeakerKind};

    #[test]
    fn a_markdown_citation_of_reported_speech_names_the_speaker_in_the_sentence() {
        let mut st = Statement {
            id: String::new(),
            speaker: "Sergey Lavrov".into(),
            speaker_kind: SpeakerKind::Person,
            speaker_title: Some("Foreign Minister".into()),
            affiliation: None,
            kind: Kind::Indirect,
            text: "China would not retaliate".into(),
            cue: "said".into(),
            topics: Vec::new(),
            date: Some("2018-02-12".into()),
            outlet: Some("TASS".into()),
            title: None,
            url: None,
            source: "data/a.txt".into(),
            paragraph: String::new(),
            also_reported_by: Vec::new(),
        };
        let md = citation_md(&st);
        assert!(
            md.starts_with("> Sergey Lavrov said that China would not retaliate\n"),
            "{md}"
        );
        assert!(
            md.ends_with("> — Sergey Lavrov, Foreign Minister; *TASS*, 2018-02-12, data/a.txt")
        );
        st.kind = Kind::Direct;
        assert!(citation_md(&st).starts_with("> “China would not retaliate”\n"));
    }
}
