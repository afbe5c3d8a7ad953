//! onrecord: who said what, about what, when, where it was reported.
//!
//! Layers: `extract` (text → statements, pure) · `input` (files → articles) · `index` (tantivy)
//! · `app` + `ui` (the browser). Each knows only the layers to its left.

pub mod action;
pub mod app;
pub mod archive;
pub mod cli;
pub mod clipboard;
pub mod commands;
pub mod config;

/// The one line printed for a panic: message and place, no backtrace.
pub fn panic_line(info: &std::panic::PanicHookInfo) -> String {
    let msg = info
        .payload()
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| info.payload().downcast_ref::<String>().cloned())
        .unwrap_or_default();
    let at = info
        .location()
        .map(|l| format!(" at {}:{}", l.file(), l.line()))
        .unwrap_or_default();
    format!("onrecord: internal error: {msg}{at}")
}
pub mod extract;
pub mod html;
pub mod index;
pub mod input;
pub mod keymap;
pub mod lookup;
pub mod model;
pub mod names;
pub mod opener;
pub mod sanitize;
pub mod state;
pub mod tui;
pub mod ui;
pub mod verify;
