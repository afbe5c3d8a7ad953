//! onrecord: who said what, about what, when, where it was reported.
//!
//! Layers: `extract` (text → statements, pure) · `input` (files → articles) · `index` (tantivy)
//! · `app` + `ui` (the browser). Each knows only the layers to its left.

pub mod action;
pub mod app;
pub mod cli;
pub mod clipboard;
pub mod commands;
pub mod config;
pub mod extract;
pub mod index;
pub mod input;
pub mod keymap;
pub mod lookup;
pub mod model;
pub mod names;
pub mod sanitize;
pub mod tui;
pub mod ui;
pub mod verify;
