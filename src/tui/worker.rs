//! The worker thread: answers index requests off the UI thread, newest first. Requests of the
//! same kind that queued up while it was busy are dropped except the latest.

use std::sync::mpsc::{Receiver, Sender};

use crate::app::{Request, Response};
use crate::index::reader::{Page, Store};

/// Answers one request synchronously (the worker loop, tests and benchmarks share it).
pub fn answer(store: Option<&Store>, req: Request) -> Option<Response> {
    let Some(store) = store else {
        return match req {
            Request::Groups {
                generation, saved, ..
            } => Some(Response::Groups {
                generation,
                groups: Default::default(),
                marked: 0,
                saved: vec![0; saved.len()],
            }),
            Request::Page {
                generation, offset, ..
            } => Some(Response::Page {
                generation,
                page: Page {
                    total: 0,
                    offset,
                    hits: Vec::new(),
                },
            }),
            Request::Export { .. } => Some(Response::Error("no index to export from".into())),
            Request::Yank { .. }
            | Request::OpenUrl { .. }
            | Request::SaveMarks
            | Request::SaveSearches => None,
            Request::Timeline { .. } => Some(Response::Timeline(Vec::new())),
            Request::Corroborate { .. } => None,
            Request::Verify { .. } => Some(Response::Verified(Vec::new())),
            Request::Compare { .. } => Some(Response::Compared(Vec::new(), Vec::new())),
        };
    };
    Some(match req {
        Request::Groups {
            generation,
            filter,
            expanded,
            marked,
            saved,
        } => {
            let marked_count = |ids: Vec<String>| {
                if ids.is_empty() {
                    return Ok(0);
                }
                let only = crate::model::Filter {
                    ids: Some(ids),
                    ..filter.clone()
                };
                store.count(&only).map(|n| n as u64)
            };
            let saved_counts = || -> Result<Vec<u64>, crate::index::IndexError> {
                saved
                    .iter()
                    .map(|f| store.count(f).map(|n| n as u64))
                    .collect()
            };
            match store.groups(&filter, &expanded).and_then(|g| {
                let m = marked_count(marked)?;
                Ok((g, m, saved_counts()?))
            }) {
                Ok((groups, marked, saved)) => Response::Groups {
                    generation,
                    groups,
                    marked,
                    saved,
                },
                Err(e) => Response::Error(e.to_string()),
            }
        }
        Request::Page {
            generation,
            filter,
            sort,
            offset,
            limit,
        } => match store.page_cached(&filter, sort, offset, limit) {
            Ok(page) => Response::Page { generation, page },
            Err(e) => Response::Error(e.to_string()),
        },
        Request::Export { filter, format } => {
            let ext = match format {
                crate::cli::ExportFormat::Jsonl => "jsonl",
                crate::cli::ExportFormat::Json => "json",
                crate::cli::ExportFormat::Csv => "csv",
                crate::cli::ExportFormat::Md => "md",
            };
            let name = format!(
                "onrecord-export-{}.{ext}",
                chrono::Local::now().format("%Y%m%d-%H%M%S")
            );
            let mut sts = Vec::new();
            let res = crate::lookup::all_matching(store, &filter, |s| {
                sts.push(s.clone());
                Ok(())
            })
            .and_then(|_| {
                if sts.len() <= 20_000 {
                    store.corroborate(&mut sts)?;
                }
                let mut f = std::io::BufWriter::new(std::fs::File::create(&name)?);
                crate::lookup::write_export(&mut f, format, &sts)
            });
            match res {
                // The whole path: the browser may have been started anywhere.
                Ok(()) => Response::Message(format!(
                    "exported {} statement{} to {}",
                    sts.len(),
                    if sts.len() == 1 { "" } else { "s" },
                    std::env::current_dir()
                        .map(|d| d.join(&name))
                        .unwrap_or_else(|_| name.clone().into())
                        .display()
                )),
                Err(e) => Response::Error(format!("{name}: {e}")),
            }
        }
        Request::Yank { .. }
        | Request::OpenUrl { .. }
        | Request::SaveMarks
        | Request::SaveSearches => return None,
        Request::Corroborate { statement } => match store.other_reports(&statement) {
            Ok(reports) => Response::Corroborated {
                id: statement.id,
                outlets: reports,
            },
            Err(e) => Response::Error(e.to_string()),
        },
        Request::Compare { left, right } => {
            // Oldest first, so the two columns read as a conversation over time.
            let side = |f: &crate::model::Filter| -> Result<Vec<crate::model::Statement>, crate::index::IndexError> {
                let mut p = store.page(f, crate::index::reader::Sort::Date, 0, crate::app::COMPARE_LIMIT)?.hits;
                p.reverse();
                // Undated statements cannot be placed in time: they go last.
                let (mut dated, undated): (Vec<_>, Vec<_>) = p.into_iter().partition(|s| s.date.is_some());
                dated.extend(undated);
                Ok(dated)
            };
            match side(&left).and_then(|l| side(&right).map(|r| (l, r))) {
                Ok((l, r)) => Response::Compared(l, r),
                Err(e) => Response::Error(e.to_string()),
            }
        }
        Request::Verify { sentence } => match crate::verify::verify(store, &sentence, 5) {
            Ok(m) => Response::Verified(m),
            Err(e) => Response::Error(e.to_string()),
        },
        Request::Timeline { filter } => {
            match store.timeline(&filter, crate::index::reader::Period::Month) {
                Ok(rows) => Response::Timeline(rows),
                Err(e) => Response::Error(e.to_string()),
            }
        }
    })
}

/// Does the worker's job synchronously: answers the app's queued requests, and those the
/// answers raise, until none is left (tests and the benchmark drive the browser this way).
pub fn pump(app: &mut crate::app::App, store: &Store) {
    for _ in 0..4 {
        let reqs = app.take_requests();
        if reqs.is_empty() {
            return;
        }
        for r in reqs {
            if let Some(resp) = answer(Some(store), r) {
                app.receive(resp);
            }
        }
    }
}

/// Runs until the request channel closes. A store sent on `swaps` (the index refreshed from
/// the data directory) answers every request after it.
pub fn run(
    mut store: Option<Store>,
    requests: Receiver<Request>,
    answers: Sender<Response>,
    swaps: Receiver<Store>,
) {
    while let Ok(first) = requests.recv() {
        if let Some(newer) = swaps.try_iter().last() {
            store = Some(newer);
        }
        let mut batch = vec![first];
        batch.extend(requests.try_iter());
        // Latest wins for list pages and group counts; exports all run.
        let last_page = batch
            .iter()
            .rposition(|r| matches!(r, Request::Page { .. }));
        let last_groups = batch
            .iter()
            .rposition(|r| matches!(r, Request::Groups { .. }));
        let last_corroborate = batch
            .iter()
            .rposition(|r| matches!(r, Request::Corroborate { .. }));
        for (i, r) in batch.into_iter().enumerate() {
            let keep = match r {
                Request::Page { .. } => Some(i) == last_page,
                Request::Groups { .. } => Some(i) == last_groups,
                Request::Corroborate { .. } => Some(i) == last_corroborate,
                _ => true,
            };
            if !keep {
                continue;
            }
            if let Some(resp) = answer(store.as_ref(), r)
                && answers.send(resp).is_err()
            {
                return;
            }
        }
    }
}
