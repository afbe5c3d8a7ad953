//! onrecord: who said what, about what, when, where it was reported.
//!
//! Layers: `extract` (text → statements, pure) · `input` (files → articles) · `index` (tantivy)
//! · `app` + `ui` (the browser). Each knows only the layers to its left.

pub mod cli;
pub mod commands;
pub mod config;
pub mod extract;
pub mod input;
pub mod model;
pub mod sanitize;
